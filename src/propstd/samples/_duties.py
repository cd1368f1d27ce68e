"""The sample property's survey answers, duty log and triggers of March 2025 (private).

The 2025 satisfaction survey is answered in March: the 300 households drawn with seed 2025,
whose answers `docs/how-to/surveys.md` tallies (there dated in November), and two second
copies on 20 March. The duty log holds what March's windows count: the first quarter's
customer forum (20 February), the weekly meetings (the week of 24-30 March has none; the
meeting of 31 March belongs to April's week), the first training of the year and the
reception day; and the answers to March's one rain (a shower that stopped at 15:30 on
20 March, the sample's own record: the rainy week of May is in `docs/how-to/routines.md`).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from propstd.routines import RoutineEntry, Trigger
from propstd.samples._facts import HOUSEHOLDS, TZ, at
from propstd.samples._standard import SURVEY_ITEMS
from propstd.surveys import SurveyResponse, sample_households

__all__: list[str] = []

SURVEY_ID = "S2025"
DRAWN = 300
SEED = 2025
# per item: how many of the 300 said 满意, 基本满意, 不满意 (the rest left it blank)
COUNTS = {
    "秩序维护": (180, 70, 50),
    "环境卫生": (200, 70, 30),
    "工程维修": (120, 90, 90),
    "客户服务": (190, 74, 36),
    "绿化养护": (170, 68, 42),
}
_START = datetime(2025, 3, 3, 9, 0, tzinfo=TZ)


def _answer(i: int, item: str) -> str | None:
    a, b, c = COUNTS[item]
    j = i if item == "绿化养护" else (i + 60 * SURVEY_ITEMS.index(item)) % DRAWN
    if j < a:
        return "满意"
    if j < a + b:
        return "基本满意"
    return "不满意" if j < a + b + c else None


def survey_responses() -> tuple[SurveyResponse, ...]:
    """300 questionnaires from 3 March, one every 15 minutes, and two second copies."""
    households = [f"H{n:04d}" for n in range(1, HOUSEHOLDS + 1)]
    drawn = sample_households(households, DRAWN, seed=SEED)
    first = tuple(
        SurveyResponse(
            SURVEY_ID,
            household,
            _START + timedelta(minutes=15 * i),
            {item: answer for item in SURVEY_ITEMS if (answer := _answer(i, item))},
        )
        for i, household in enumerate(drawn)
    )
    seconds = tuple(
        SurveyResponse(
            SURVEY_ID,
            household,
            at(3, 20, "10:00"),
            dict.fromkeys(SURVEY_ITEMS, "满意"),
            comment="第二份 second copy",
        )
        for household in drawn[:2]
    )
    return first + seconds


# code, (month, day, hh:mm), by
# fmt: off
_LOG = (
    ("FORUM", (2, 20, "19:00"), "王主管"),
    ("WEEKLY", (2, 24, "09:00"), "李经理"),
    ("WEEKLY", (3, 3, "09:00"), "李经理"),
    ("WEEKLY", (3, 10, "09:00"), "李经理"),
    ("TRAIN", (3, 14, "14:00"), "李经理"),
    ("RECEPTION", (3, 15, "09:00"), "李经理"),
    ("WEEKLY", (3, 17, "09:00"), "李经理"),
    ("WATER", (3, 20, "16:10"), "保洁班"),
    ("VACANT", (3, 21, "10:00"), "工程部"),
    ("WEEKLY", (3, 31, "09:00"), "李经理"),
)
# fmt: on


def routine_log() -> tuple[RoutineEntry, ...]:
    """The duty log March's windows count, each entry with its evidence."""
    return tuple(
        RoutineEntry(code, at(*when), by, evidence=[f"{code}-{when[0]:02d}{when[1]:02d}"])
        for code, when, by in _LOG
    )


def triggers() -> tuple[Trigger, ...]:
    """March's one rain (when it stopped)."""
    return (Trigger("rain", at(3, 20, "15:30"), note="阵雨 shower"),)
