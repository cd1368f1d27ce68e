"""Invariants of propstd.frames.dask (Hypothesis): partitioned tallies are exact."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from propstd.calendars import WorkingCalendar
from propstd.findings import Finding
from propstd.inspections import CheckRecord, InspectionPlan
from propstd.inspections import qpi_tally as single
from propstd.periods import Period
from tests.strategies import check_frame, check_records, findings, inspection_plans, partitionings

pd = pytest.importorskip("pandas")
dask = pytest.importorskip("dask")
dd = pytest.importorskip("dask.dataframe")

from propstd.frames._dask import lazy  # noqa: E402
from propstd.frames.dask import group_qpi_tally, qpi_tally  # noqa: E402

pytestmark = pytest.mark.slow  # each example builds and runs a dask graph (2-4 s a property)

SHANGHAI = WorkingCalendar.weekly(zone="Asia/Shanghai", days="daily")
MARCH = Period.parse("2025-03")
CST = timezone(timedelta(hours=8))
EXAMPLES = settings(max_examples=40)


def month_findings() -> st.SearchStrategy[list[Finding]]:
    """Findings raised in late February to March 2025, with distinct ids."""
    found_at = st.datetimes(
        min_value=datetime(2025, 2, 20), max_value=datetime(2025, 3, 31), timezones=st.just(CST)
    )
    return st.lists(findings(found_at=found_at), max_size=4, unique_by=lambda f: f.id)


def partitioned(frame: Any, cuts: list[tuple[int, int]]) -> Any:
    """*frame* as a dask DataFrame whose partitions are the row ranges *cuts*."""
    return dd.from_delayed([lazy(frame.iloc[a:b]) for a, b in cuts], meta=frame.iloc[:0])


@st.composite
def months(draw: st.DrawFn) -> tuple[InspectionPlan, list[CheckRecord], list[Finding]]:
    """A plan, check records from 25 February to 3 April (before, in and after March) and
    findings."""
    plan = draw(inspection_plans())
    return plan, draw(check_records(plan)), draw(month_findings())


class TestExact:
    """semantics §19: "each partition tallied where it lies, tallies reduced with
    `QpiTally.sum` in a tree; the result equals the single-process one exactly"."""

    @EXAMPLES
    @given(months(), st.data())
    def test_any_partitioning_of_one_month(
        self, month: tuple[InspectionPlan, list[CheckRecord], list[Finding]], data: st.DataObject
    ) -> None:
        """Any partitioning of one property's month (empty partitions, records before and
        after the month, any row order, any fan-in) gives the single-process tally."""
        plan, records, found = month
        order = data.draw(st.permutations(range(len(records))))
        rows = [records[i] for i in order]
        frame = check_frame(rows)
        cuts = data.draw(partitionings(len(rows)))
        with dask.config.set(scheduler="synchronous"):
            got = qpi_tally(
                plan,
                partitioned(frame, cuts),
                findings=found,
                period=MARCH,
                calendar=SHANGHAI,
                split_every=data.draw(st.integers(2, 4)),
            )
        assert got == single(plan, records=records, findings=found, period=MARCH, calendar=SHANGHAI)

    @EXAMPLES
    @given(st.data())
    def test_a_group_in_any_partitioning(self, data: st.DataObject) -> None:
        """Two or three properties mixed in one frame, partitioned anyhow: each property's
        tally is its own single-process tally, and the total is their sum."""
        plans = {
            name: attrs.evolve(data.draw(inspection_plans()), name=name)
            for name in data.draw(st.sampled_from((("A", "B"), ("A", "B", "C"))))
        }
        records = {
            name: data.draw(check_records(plan, max_size=15)) for name, plan in plans.items()
        }
        rows = [(name, r) for name, rs in records.items() for r in rs]
        rows = [rows[i] for i in data.draw(st.permutations(range(len(rows))))]
        frame = check_frame([r for _n, r in rows], property=[n for n, _r in rows])
        cuts = data.draw(partitionings(len(rows)))
        with dask.config.set(scheduler="synchronous"):
            got = group_qpi_tally(plans, partitioned(frame, cuts), period=MARCH, calendar=SHANGHAI)
        for name, plan in plans.items():
            want = single(plan, records=records[name], period=MARCH, calendar=SHANGHAI)
            assert got.tally(name) == want
        assert got.names == tuple(sorted(plans))
