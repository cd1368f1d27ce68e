"""Invariants of propstd.inspections (Hypothesis)."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from propstd.calendars import WorkingCalendar
from propstd.frequencies import Schedule
from propstd.inspections import CheckRecord, InspectionPlan, QpiTally, qpi_report, qpi_tally
from propstd.periods import Period
from tests.strategies import check_records, inspection_plans

pytestmark = pytest.mark.slow  # each property tallies ~100 generated plans (1–2 s)

SHANGHAI = WorkingCalendar.weekly(zone="Asia/Shanghai", days="daily")
MARCH = Period.parse("2025-03")
SHANGHAI_TZ = ZoneInfo("Asia/Shanghai")


def _tally(plan: InspectionPlan, records: list[CheckRecord], period: Period = MARCH) -> QpiTally:
    return qpi_tally(plan, records=records, findings=[], period=period, calendar=SHANGHAI)


@st.composite
def plans_and_records(draw: st.DrawFn) -> tuple[InspectionPlan, list[CheckRecord]]:
    plan = draw(inspection_plans())
    return plan, draw(check_records(plan))


class TestAdditive:
    """semantics §8: `qpi_tally(a) + qpi_tally(b) == qpi_tally(a ∪ b)` for disjoint record
    sets — also when both halves belong to the same plan and month."""

    @given(plans_and_records(), st.data())
    def test_partitions(
        self, pr: tuple[InspectionPlan, list[CheckRecord]], data: st.DataObject
    ) -> None:
        """Any split of one property-month's records adds back to the whole, report included."""
        plan, records = pr
        mask = data.draw(st.lists(st.booleans(), min_size=len(records), max_size=len(records)))
        a = [r for r, m in zip(records, mask, strict=True) if m]
        b = [r for r, m in zip(records, mask, strict=True) if not m]
        whole = _tally(plan, records)
        assert _tally(plan, a) + _tally(plan, b) == whole
        assert qpi_report(_tally(plan, a) + _tally(plan, b)) == qpi_report(whole)

    @given(plans_and_records(), st.data())
    def test_any_partitioning_in_any_tree(
        self, pr: tuple[InspectionPlan, list[CheckRecord]], data: st.DataObject
    ) -> None:
        """§14.12: split one property-month's records into any number of parts and reduce the
        part tallies in any tree (QpiTally.sum, +, nested): always exactly the single tally."""
        plan, records = pr
        n = data.draw(st.integers(1, 5))
        owner = data.draw(
            st.lists(st.integers(0, n - 1), min_size=len(records), max_size=len(records))
        )
        parts = [
            _tally(plan, [r for r, o in zip(records, owner, strict=True) if o == i])
            for i in range(n)
        ]
        whole = _tally(plan, records)
        assert QpiTally.sum(parts) == whole
        order = data.draw(st.permutations(parts))
        tree = _reduce_in_a_tree(list(order), data)
        assert tree == whole
        assert sum(reversed(parts)) == whole

    @given(plans_and_records())
    def test_months(self, pr: tuple[InspectionPlan, list[CheckRecord]]) -> None:
        """§14.2: each window is counted in the month it is due, so February + March require
        what the two months together require, and, for windows up to a month long, complete
        what they complete (a long window's records count toward each month's share)."""
        plan, records = pr
        feb, mar = Period.parse("2025-02"), MARCH
        both = Period(feb.start, mar.end)
        merged = _tally(plan, records, feb) + _tally(plan, records, mar)
        whole = _tally(plan, records, both)
        assert merged.point_requirements == whole.point_requirements
        assert merged.round_requirements == whole.round_requirements
        frequencies = [plan.frequency_of(i.code) for i in plan.items]
        frequencies += [c.frequency for c in plan.checklists]
        if all(f.unit.months <= 1 for f in frequencies):
            assert merged.completed_points == whole.completed_points
            assert merged.completed_rounds == whole.completed_rounds
            assert merged.records + merged.ignored_records == 2 * len(records)

    @given(inspection_plans(name="A"), inspection_plans(name="B"))
    def test_properties(self, a: InspectionPlan, b: InspectionPlan) -> None:
        """Different properties' requirements add up."""
        total = _tally(a, []) + _tally(b, [])
        assert (
            total.required_points == _tally(a, []).required_points + _tally(b, []).required_points
        )


def _reduce_in_a_tree(tallies: list[QpiTally], data: st.DataObject) -> QpiTally:
    """Combine neighbours at random places, with `+` or QpiTally.sum, until one is left."""
    while len(tallies) > 1:
        i = data.draw(st.integers(0, len(tallies) - 2))
        pair = tallies[i : i + 2]
        merged = pair[0] + pair[1] if data.draw(st.booleans()) else QpiTally.sum(pair)
        tallies[i : i + 2] = [merged]
    return tallies[0]


class TestCapping:
    """semantics §7: a check counts toward the window it falls in, at most `required` per
    window; extra checks never fill another window."""

    @given(plans_and_records())
    def test_completed_at_most_required(self, pr: tuple[InspectionPlan, list[CheckRecord]]) -> None:
        """With every record in a window due in the month, completed ≤ required."""
        plan, records = pr
        due = [r for r in records if _due_in_march(plan, r)]
        t = _tally(plan, due)
        assert t.completed_points <= t.required_points
        assert t.completed_rounds <= t.required_rounds
        assert t.traceable_records <= t.records == len(due)

    @given(plans_and_records(), st.data())
    def test_extra_checks_never_raise_coverage(
        self, pr: tuple[InspectionPlan, list[CheckRecord]], data: st.DataObject
    ) -> None:
        """Repeating a check in a window already done leaves coverage as it was."""
        plan, records = pr
        base = _tally(plan, records)
        extra = data.draw(st.sampled_from(records)) if records else None
        if extra is None:
            return
        # fill the record's window to its requirement, then check once more
        full = [*records, *[extra] * plan.frequency_of(extra.item_code).count]
        assert _tally(plan, [*full, extra]).completed_points == _tally(plan, full).completed_points
        assert _tally(plan, full).completed_points >= base.completed_points


def _due_in_march(plan: InspectionPlan, record: CheckRecord) -> bool:
    day = record.at.astimezone(SHANGHAI_TZ).date()
    if day not in MARCH:
        return False
    freq = plan.frequency_of(record.item_code)
    window = Schedule(freq, anchor=plan.anchor).window_at(day)
    if freq.unit.months > 1:
        # prorated: the month's share belongs to the window that holds the month's last day
        return window.start <= MARCH.last < window.end
    return window.last in MARCH
