"""Golden scenarios of propstd.routines: the sample property's routines of 2025 and a rainy
week in May 2025, every figure checked by hand (`hand_check` in each file).

Each `routines_*.json` holds `description`, `source`, `function`, `input` (plain data for
`from_data`), `hand_check` and `expected` (`to_data` of the result). Regenerate deliberately
with `PROPSTD_UPDATE_GOLDEN=1`, review the diff, and record it in CHANGELOG.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from propstd.calendars import WorkingCalendar, china_calendar
from propstd.periods import Period
from propstd.rates import Rate
from propstd.routines import (
    Routine,
    RoutineCompliance,
    RoutineEntry,
    Trigger,
    TriggeredCompliance,
    TriggeredDuty,
    routine_compliance,
    triggered_compliance,
)
from propstd.serialization import from_data, to_data

HERE = Path(__file__).parent


def _calendar(data: dict[str, Any]) -> WorkingCalendar:
    assert data["preset"] == "china_calendar"
    return china_calendar(hours=data["hours"])


def _routines(data: dict[str, Any]) -> RoutineCompliance:
    return routine_compliance(
        from_data(tuple[Routine, ...], data["routines"]),
        from_data(tuple[RoutineEntry, ...], data["log"]),
        period=Period.parse(data["period"]),
        calendar=_calendar(data["calendar"]),
    )


def _triggered(data: dict[str, Any]) -> TriggeredCompliance:
    return triggered_compliance(
        from_data(tuple[TriggeredDuty, ...], data["duties"]),
        from_data(tuple[Trigger, ...], data["triggers"]),
        from_data(tuple[RoutineEntry, ...], data["log"]),
        period=Period.parse(data["period"]),
        calendar=_calendar(data["calendar"]),
    )


RUNNERS: dict[str, Callable[[dict[str, Any]], object]] = {
    "routine_compliance": _routines,
    "triggered_compliance": _triggered,
}


def _case(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((HERE / f"{name}.json").read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize("path", sorted(HERE.glob("routines_*.json")), ids=lambda p: p.stem)
def test_golden(path: Path) -> None:
    """The result equals the recorded expectation."""
    case = json.loads(path.read_text(encoding="utf-8"))
    result = json.loads(json.dumps(to_data(RUNNERS[case["function"]](case["input"]))))
    if os.environ.get("PROPSTD_UPDATE_GOLDEN") == "1":
        case["expected"] = result
        path.write_text(json.dumps(case, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    assert result == case["expected"]


def test_year_by_hand() -> None:
    """Trainings 4/4, forum 3/4, reception day 10/12 (1 without evidence), drills 2/2."""
    result = _routines(_case("routines_cuihu_2025")["input"])
    rows = {r.code: (r.required, r.done, r.missed, r.unevidenced) for r in result.rows()}
    assert rows == {
        "TRAIN": (4, 4, 0, 0),
        "FORUM": (4, 3, 1, 0),
        "RECEPTION": (12, 10, 2, 1),
        "DRILL": (2, 2, 0, 0),
    }
    assert result.compliance == Rate(19, 22)


def test_rainy_week_by_hand() -> None:
    """Water 2/4 (one 15 min late, one missed), vacant units 3/4 (one 1:30 working time
    late), care 1/2 (34 hours late): 6/10."""
    result = _triggered(_case("routines_rainy_week_may_2025")["input"])
    rows = {r.code: (r.on_time, r.late, r.missed) for r in result.rows()}
    assert rows == {"WATER": (2, 1, 1), "VACANT": (3, 1, 0), "CARE": (1, 1, 0)}
    overruns = sorted(str(o.overrun) for o in result.outcomes if o.overrun is not None)
    assert overruns == ["0:15:00", "1 day, 10:00:00", "1:30:00"]
    assert result.compliance == Rate(6, 10)
