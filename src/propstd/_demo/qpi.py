"""Demo section: the sample property's QPI month, March 2025 (private).

The plan is the sample's (sample-property.md), with calendar-aligned windows (no anchor: the
seed's cycles are calendar weeks and months); the records are made up to show the usual
troubles: two missed SEC-02 patrols and one missed ENV-01 cleaning check, one missed afternoon
refuse round, a duplicated weekly ENV-03 check, three records without evidence and one with
too few samples. The findings are the findings section's (`sample_findings()`). The golden test
`tests/golden/qpi_march_2025.json` holds the same data with every indicator worked out by hand.
"""

from __future__ import annotations

from datetime import date, datetime, time

from propstd._demo import sample
from propstd._demo.findings import sample_findings
from propstd.calendars import WorkingCalendar, china_calendar
from propstd.findings import Finding
from propstd.frequencies import Frequency
from propstd.inspections import (
    CheckItem,
    Checklist,
    CheckRecord,
    InspectionPlan,
    QpiReport,
    QpiTally,
    qpi_report,
    qpi_tally,
)

TITLE = f"QPI 品质核查 — {sample.NAME}, {sample.MONTH}"

_F = Frequency.parse

# (code, title, frequency, samples) per checklist: sample-property.md, "Inspection plan (QPI)"
_PLAN: tuple[tuple[str, str, str, str, tuple[tuple[str, str, str, int], ...]], ...] = (
    (
        "SEC",
        "秩序维护",
        "daily",
        "班组长",
        (
            ("SEC-01", "Guard posts staffed and in uniform", "daily", 3),
            ("SEC-02", "Patrol checkpoints signed", "daily", 1),
            ("SEC-03", "Fire lanes clear", "daily", 2),
            ("SEC-04", "CCTV recording", "weekly", 1),
            ("SEC-05", "Fire extinguishers and hydrants", "monthly", 10),
        ),
    ),
    (
        "ENV",
        "环境",
        "daily",
        "班组长",
        (
            ("ENV-01", "Stairwells and lobbies clean", "daily", 4),
            ("ENV-02", "Refuse removed twice a day", "2次/日", 1),
            ("ENV-03", "Lift cars disinfected", "weekly", 6),
            ("ENV-04", "Greenery trimmed", "biweekly", 2),
            ("ENV-05", "Public glass and façades", "monthly", 2),
            ("ENV-06", "Septic tanks cleared", "semiannual", 1),
        ),
    ),
    (
        "ENG",
        "工程",
        "weekly",
        "业务主管",
        (
            ("ENG-01", "Switch room patrol", "daily", 1),
            ("ENG-02", "Pump room", "weekly", 1),
            ("ENG-03", "Lift maintenance", "biweekly", 12),
            ("ENG-04", "Generator test run", "monthly", 1),
            ("ENG-05", "Fire alarm linkage test", "quarterly", 1),
            ("ENG-06", "Lightning protection test", "annual", 1),
            ("ENG-07", "Water tanks cleaned", "semiannual", 2),
        ),
    ),
    (
        "QA",
        "品质部",
        "monthly",
        "品质部",
        (
            ("QA-01", "Special inspection (专项检查)", "monthly", 1),
            ("QA-02", "Mystery visit (暗访)", "monthly", 1),
        ),
    ),
)


def plan() -> InspectionPlan:
    """The sample property's inspection plan, with calendar-aligned windows (no anchor)."""
    return InspectionPlan(
        [
            Checklist(
                code,
                title,
                [CheckItem(c, t, _F(f), samples=n) for c, t, f, n in items],
                frequency=_F(freq),
                role=role,
            )
            for code, title, freq, role, items in _PLAN
        ],
        name="翠湖花园",
    )


def calendar() -> WorkingCalendar:
    """The office calendar (its zone dates the records)."""
    return china_calendar(hours=sample.OFFICE_HOURS)


_INSPECTOR = {"SEC": "Zhao", "ENV": "Li", "ENG": "Wu", "QA": "Chen"}
_SAMPLES = {code: n for *_, items in _PLAN for code, _t, _f, n in items}
_MISSED = {("SEC-02", 8), ("SEC-02", 22), ("ENV-01", 15)}
_NO_EVIDENCE = {("SEC-03", 10), ("ENV-01", 18), ("ENG-02", 11)}
_TOO_FEW_SAMPLES = {("SEC-01", 20)}
# day(s) of March on which the non-daily items were checked
_DAYS = {
    "SEC-04": (1, 5, 12, 19, 26),
    "ENV-03": (2, 6, 13, 14, 20, 27),  # the 14th duplicates the week of the 10th
    "ENG-02": (1, 4, 11, 18, 25),
    "ENV-04": (1, 10, 24),
    "ENG-03": (2, 11, 25),
    "SEC-05": (3,),
    "ENV-05": (4,),
    "ENG-04": (5,),
    "QA-01": (4,),
    "QA-02": (5,),
    "ENG-05": (12,),
    "ENG-07": (20,),
}


def _record(code: str, day: int, hour: int) -> CheckRecord:
    at = datetime.combine(date(2025, 3, day), time(hour), tzinfo=sample.TZ)
    evidence = () if (code, day) in _NO_EVIDENCE else (f"IMG-{code}-{day:02d}{hour:02d}",)
    samples = _SAMPLES[code] - 1 if (code, day) in _TOO_FEW_SAMPLES else _SAMPLES[code]
    return CheckRecord(code, at, _INSPECTOR[code.split("-")[0]], samples=samples, evidence=evidence)


def records() -> tuple[CheckRecord, ...]:
    """The March 2025 check records, in time order."""
    out: list[CheckRecord] = []
    for day in range(1, 32):
        daily = ("SEC-01", "SEC-02", "SEC-03", "ENV-01", "ENG-01")
        out.extend(_record(code, day, 9) for code in daily if (code, day) not in _MISSED)
        out.append(_record("ENV-02", day, 8))
        if day != 9:  # the afternoon refuse round of the 9th was missed
            out.append(_record("ENV-02", day, 16))
        out.extend(_record(code, day, 10) for code, days in _DAYS.items() if day in days)
    return tuple(sorted(out, key=lambda r: (r.at, r.item_code)))


def findings() -> tuple[Finding, ...]:
    """The month's findings from the findings section (chapter 3): 9 suggestions, 6
    rectification and 4 deduction items raised in March, as known on 1 April."""
    return sample_findings()


def tally() -> QpiTally:
    """The month's tally."""
    return qpi_tally(
        plan(), records=records(), findings=findings(), period=sample.MONTH, calendar=calendar()
    )


def report() -> QpiReport:
    """The month's report against the seed's targets."""
    return qpi_report(tally(), title=f"{sample.NAME} — QPI {sample.MONTH}")


def render() -> str:
    """The report table, then what the numbers mean."""
    r = report()
    t = r.tally
    lines = [
        r.to_text(),
        "",
        (
            f"Required check points {t.required_points} = 5 daily items × 31 + refuse 2 × 31"
            " + 3 weekly × 5 + 2 biweekly × 2 + 5 monthly × 1 + 1/3 + 2 × 1/6 + 1/12"
            " (calendar windows: ISO weeks, two-week blocks due 9 and 23 March, the month)"
        ),
        (
            "Missed: SEC-02 on 8 and 22 March, ENV-01 on 15 March, the afternoon refuse round"
            " on 9 March; ENV-03 was checked twice in one week (counted once); the biweekly"
            " checks of 24 and 25 March count toward the window due on 6 April."
        ),
    ]
    return "\n".join(lines)
