"""Golden month: the sample property's QPI for March 2025, every indicator checked by hand.

The hand check is in `qpi_march_2025.json` under `hand_check` (and in the tutorial chapter
"A month of QPI").
"""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

from propstd.calendars import china_calendar
from propstd.findings import Finding
from propstd.inspections import CheckRecord, InspectionPlan, QpiTally, qpi_report, qpi_tally
from propstd.periods import Period
from propstd.serialization import from_data

GOLDEN = Path(__file__).with_name("qpi_march_2025.json")


@pytest.fixture(scope="module")
def case() -> dict[str, Any]:
    """The golden file."""
    data: dict[str, Any] = json.loads(GOLDEN.read_text(encoding="utf-8"))
    return data


def _tally(case: dict[str, Any], *, part: slice = slice(None)) -> QpiTally:
    given = case["input"]
    assert given["calendar"]["preset"] == "china_calendar"
    return qpi_tally(
        from_data(InspectionPlan, given["plan"]),
        records=[from_data(CheckRecord, r) for r in given["records"][part]],
        findings=[from_data(Finding, f) for f in given["findings"][part]],
        period=Period.parse(given["period"]),
        calendar=china_calendar(hours=given["calendar"]["hours"]),
    )


def test_golden_month(case: dict[str, Any]) -> None:
    """The tally and the seven indicators match the hand-checked figures."""
    want = case["expected"]
    tally = _tally(case)
    report = qpi_report(tally)
    assert tally.required_points == Fraction(want["required_points"])
    assert tally.completed_points == Fraction(want["completed_points"])
    assert tally.required_rounds == Fraction(want["required_rounds"])
    assert tally.completed_rounds == Fraction(want["completed_rounds"])
    assert (tally.records, tally.traceable_records, tally.ignored_records) == (
        want["records"],
        want["traceable_records"],
        want["ignored_records"],
    )
    plan = from_data(InspectionPlan, case["input"]["plan"])
    period = Period.parse(case["input"]["period"])
    assert str(plan.records_needed(period)) == want["records_needed"]
    for category, counts in want["findings"].items():
        assert (tally.raised(category), tally.counted(category), tally.closed(category)) == (
            counts["raised"],
            counts["counted"],
            counts["closed"],
        )
    for name, expected in want["indicators"].items():
        got = report.indicator(name)
        assert got.rate.numerator == Fraction(expected["numerator"]), name
        assert got.rate.denominator == Fraction(expected["denominator"]), name
        assert str(got.target) == expected["target"], name
        assert got.result.value == expected["result"], name


def test_golden_month_in_partitions(case: dict[str, Any]) -> None:
    """Split into odd and even records (and findings), the tallies add up to the month."""
    whole = _tally(case)
    assert _tally(case, part=slice(0, None, 2)) + _tally(case, part=slice(1, None, 2)) == whole
    thirds = [_tally(case, part=slice(i, None, 3)) for i in range(3)]
    assert QpiTally.sum(thirds) == whole
    assert QpiTally.sum([thirds[0] + thirds[1], thirds[2]]) == whole


def test_golden_month_is_the_public_sample(case: dict[str, Any]) -> None:
    """propstd.samples holds the golden month: its plan, calendar, records and findings."""
    from propstd import samples

    given, standard, month = case["input"], samples.standard(), samples.month()
    assert standard.inspections == from_data(InspectionPlan, given["plan"])
    assert standard.calendar("inspections") == china_calendar(hours=given["calendar"]["hours"])
    assert Period.parse(given["period"]) == samples.MONTH
    assert month.checks == tuple(from_data(CheckRecord, r) for r in given["records"])
    assert month.findings == tuple(from_data(Finding, f) for f in given["findings"])
