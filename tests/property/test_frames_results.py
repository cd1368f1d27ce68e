"""Invariants of propstd.frames.to_frame (Hypothesis): the exact columns give the rows back."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from propstd.calendars import WorkingCalendar
from propstd.inspections import qpi_report, qpi_tally
from propstd.money import Money
from propstd.periods import Period
from propstd.ranking import rank
from propstd.rates import Rate
from tests.strategies import (
    aware_datetimes,
    check_records,
    inspection_plans,
    monies,
    rank_values,
    rates,
)

pd = pytest.importorskip("pandas")
frames = pytest.importorskip("propstd.frames")

from tests.unit.test_frames_results import Mood, rebuild  # noqa: E402

pytestmark = pytest.mark.slow  # each property builds ~100 frames (3-5 s)

SHANGHAI = WorkingCalendar.weekly(zone="Asia/Shanghai", days="daily")


@attrs.frozen
class Figures:
    """A row of every exact kind, optional ones too."""

    rate: Rate
    maybe_rate: Rate | None
    money: Money
    maybe_money: Money | None
    count: int
    part: Fraction | None
    amount: Decimal
    mood: Mood | None
    at: datetime | None
    day: date
    span: timedelta


@st.composite
def figures(draw: st.DrawFn) -> Figures:
    return Figures(
        rate=draw(rates()),
        maybe_rate=draw(st.none() | rates()),
        money=draw(monies()),
        maybe_money=draw(st.none() | monies()),
        count=draw(st.integers(-(2**70), 2**70)),
        part=draw(st.none() | st.fractions(max_denominator=100)),
        amount=draw(st.decimals(allow_nan=False, allow_infinity=False, places=4)),
        mood=draw(st.none() | st.sampled_from(Mood)),
        at=draw(st.none() | aware_datetimes()),
        day=draw(st.dates(min_value=date(2, 1, 1), max_value=date(9998, 12, 31))),
        span=draw(
            st.timedeltas(min_value=timedelta(days=-(10**5)), max_value=timedelta(days=10**5))
        ),
    )


class TestExactColumns:
    """semantics §19: "typed columns (exact integer numerator and denominator columns, Decimal
    amounts ...)": the exact columns reproduce every row's exact values."""

    @given(st.lists(figures(), max_size=6))
    def test_rows_of_every_kind_come_back(self, rows: list[Figures]) -> None:
        """Rates (numerator and denominator back to the `Rate`), money, counts beyond int64,
        fractions, decimals, enums, instants, dates and durations all come back equal."""
        df = frames.to_frame(rows)
        assert len(df) == len(rows)
        for i, row in enumerate(rows):
            assert rebuild(df, i, Figures) == row

    @given(st.lists(figures(), min_size=1, max_size=6))
    def test_shares_are_the_rates_as_floats(self, rows: list[Figures]) -> None:
        """`x_share` is the float of the exact rate, NaN for `0/0` (for plotting only)."""
        df = frames.to_frame(rows)
        for share, row in zip(df["rate_share"], rows, strict=True):
            exact = row.rate.fraction
            assert (exact is None and pd.isna(share)) or share == float(exact)  # type: ignore[arg-type]

    @given(st.sampled_from(("rate", "money", "number")), st.data())
    def test_rankings(self, kind: str, data: st.DataObject) -> None:
        """A ranking of rates, money or numbers: every entry comes back from its columns."""
        values = data.draw(st.lists(rank_values(kind), min_size=2, max_size=6))
        ranking = rank(
            {f"P{i}": v for i, v in enumerate(values)},
            by=lambda v: v,
            not_applicable="last" if kind == "rate" else None,
        )
        df = frames.to_frame(ranking)
        rows = ranking.rows()
        assert [rebuild(df, i, type(r)) for i, r in enumerate(rows)] == list(rows)

    @given(st.data())
    def test_qpi_reports(self, data: st.DataObject) -> None:
        """A QPI report of a generated plan and month: prorated (fractional) rates included,
        every indicator row comes back exactly."""
        plan = data.draw(inspection_plans())
        records = data.draw(check_records(plan))
        tally = qpi_tally(plan, records=records, period=Period.parse("2025-03"), calendar=SHANGHAI)
        report = qpi_report(tally)
        df = frames.to_frame(report)
        rows: Any = report.rows()
        assert [rebuild(df, i, type(r)) for i, r in enumerate(rows)] == list(rows)
        assert [
            Rate(n, d)
            for n, d in zip(
                df["rate_numerator"].tolist(), df["rate_denominator"].tolist(), strict=True
            )
        ] == [r.rate for r in rows]
