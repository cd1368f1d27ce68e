"""Invariants of propstd.budgets: exact splits, revisions, variance, collection."""

from __future__ import annotations

import decimal
import itertools
import json
from datetime import UTC, date, datetime
from fractions import Fraction
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from propstd.budgets import (
    Actual,
    Budget,
    CollectionCurve,
    Profile,
    RowLevel,
    VarianceStatus,
    VarianceThresholds,
    collection_progress,
    remuneration,
    service_fee,
    split,
    split_monthly,
    variance,
)
from propstd.money import Currency, Money
from propstd.periods import Period
from tests.strategies import (
    ZONE_KEYS,
    aware_datetimes,
    budget_profiles,
    budgets,
    hostile_contexts,
    monies,
)


class _Weekdays:
    def is_working_day(self, day: date, /) -> bool:
        return day.weekday() < 5


class TestSplitMonthly:
    """Seeds §5: the annual budget is broken down to months; not one fen may be lost."""

    @given(monies(currency=Currency.CNY), st.integers(1990, 2100), budget_profiles())
    def test_parts_sum_to_the_total(self, annual: Money, year: int, profile: Profile) -> None:
        """The 12 months add up to the annual amount exactly."""
        parts = split_monthly(annual, year, profile)
        assert len(parts) == 12
        assert Money.sum(parts, currency="CNY") == annual

    @given(monies(currency=Currency.CNY, min_units=0), st.integers(1990, 2100), budget_profiles())
    def test_parts_are_not_negative(self, annual: Money, year: int, profile: Profile) -> None:
        """A non-negative amount never gives a negative month."""
        assert all(p.units >= 0 for p in split_monthly(annual, year, profile))

    @given(monies(currency=Currency.CNY), st.integers(1990, 2100))
    def test_even_parts_differ_by_at_most_one_fen(self, annual: Money, year: int) -> None:
        """An even split differs by at most one minor unit between months."""
        units = [p.units for p in split_monthly(annual, year, Profile.even())]
        assert max(units) - min(units) <= 1


class TestSplit:
    """Seeds §5: plans break down to week, day, department and person, exactly."""

    @given(
        monies(currency=Currency.CNY, min_units=0),
        st.dates(date(2000, 1, 1), date(2040, 12, 31)),
        st.integers(1, 120),
        st.sampled_from(("week", "day", "month")),
    )
    def test_time_splits_sum_to_the_total(
        self, amount: Money, start: date, days: int, unit: str
    ) -> None:
        """Splits over weeks, days or months add up to the amount, all parts ≥ 0."""
        period = Period.parse(f"{start.isoformat()}/{start.fromordinal(start.toordinal() + days)}")
        allocation = split(amount, period, unit=unit)
        assert Money.sum(allocation.amounts, currency="CNY") == amount
        assert all(a.units >= 0 for a in allocation.amounts)

    @given(monies(currency=Currency.CNY, min_units=0), st.integers(2000, 2040), st.integers(1, 12))
    def test_working_day_splits_sum_to_the_total(self, amount: Money, year: int, m: int) -> None:
        """A split over the working days of a month adds up and skips non-working days."""
        allocation = split(amount, Period.month(year, m), unit="day", calendar=_Weekdays())
        assert Money.sum(allocation.amounts, currency="CNY") == amount
        assert all(p.period is not None and p.period.start.weekday() < 5 for p in allocation.parts)

    @given(monies(currency=Currency.CNY, min_units=0), st.integers(1, 12))
    def test_even_named_splits_differ_by_at_most_one_fen(self, amount: Money, n: int) -> None:
        """Equal weights for n people give parts within one fen of each other."""
        allocation = split(amount, weights=[(f"p{i}", 1) for i in range(n)])
        units = [a.units for a in allocation.amounts]
        assert sum(units) == amount.units
        assert max(units) - min(units) <= 1


class TestRevisions:
    """A revision re-splits the rest of the year; the year still adds up to the revised amount."""

    @given(budgets())
    def test_every_plan_sums_to_its_annual_amount(self, budget: Budget) -> None:
        """Each plan in each line's history sums to that plan's annual amount."""
        for line in budget.lines:
            history = budget.history(line.code)
            assert history[0].revision is None
            for plan in history:
                assert Money.sum(plan.months, currency=budget.currency) == plan.annual
            assert len(history) == 1 + sum(1 for r in budget.revisions if r.code == line.code)

    @given(budgets())
    def test_earlier_months_are_kept_without_carry_forward(self, budget: Budget) -> None:
        """Without carry-forward, months before the revision keep the previous plan."""
        for line in budget.lines:
            history = budget.history(line.code)
            for before, after in itertools.pairwise(history):
                rev = after.revision
                assert rev is not None
                k = rev.from_month - 1
                expected = before.months[:k] if rev.carry_forward == "none" else rev.spent
                assert after.months[:k] == tuple(expected)


class TestVariance:
    """Variance of a budget against itself is zero and every status is ok."""

    @given(budgets(), st.integers(1, 12))
    def test_budget_against_itself(self, budget: Budget, month: int) -> None:
        """Actuals equal to the plan give zero variances, `ok` everywhere."""
        actuals = [
            Actual(code=p.code, month=Period.month(budget.year, m + 1), amount=p.months[m])
            for p in budget.plans()
            for m in range(month)
        ]
        report = variance(
            budget,
            actuals,
            period=Period.month(budget.year, month),
            as_of=datetime(budget.year + 1, 1, 1, tzinfo=UTC),
            zone="UTC",
            thresholds=VarianceThresholds(explain=0, stop=0, side="both"),
        )
        for row in report.rows():
            assert row.month.variance.is_zero
            assert row.year_to_date.variance.is_zero
            assert row.month.status is VarianceStatus.OK
        assert report.rows_at(RowLevel.TOTAL)[-1].label == "net"


class TestCollection:
    """The collection rate is cumulative collected over billed; the shortfall is never negative."""

    @given(
        monies(currency=Currency.CNY, min_units=1, max_units=10**10),
        st.lists(st.integers(0, 10**9), min_size=1, max_size=12),
    )
    def test_rate_and_shortfall(self, billed: Money, units: list[int]) -> None:
        """The rate's numerator is the cumulative collection; shortfall ≥ 0 closes the gap."""
        collected = [Money.from_units(u, "CNY") for u in units]
        curve = CollectionCurve(months=(3, 12), shares=(Fraction(3, 5), Fraction(19, 20)))
        p = collection_progress(
            billed, collected, period=Period.month(2025, len(units)), curve=curve
        )
        assert p.rate.numerator == sum(units)
        assert p.shortfall.units >= 0
        assert (p.current.cumulative + p.shortfall) >= p.current.target_amount
        assert json.dumps(str(p.rate))


class TestRoundTrip:
    """Serialization: `from_data(cls, to_data(x)) == x` for every public record."""

    @given(budgets())
    def test_budget(self, budget: Budget) -> None:
        """Budgets with revisions survive JSON."""
        from propstd.serialization import from_data, to_data

        data = json.loads(json.dumps(to_data(budget)))
        assert from_data(Budget, data) == budget

    @given(budgets(), st.integers(1, 12))
    def test_report(self, budget: Budget, month: int) -> None:
        """Variance reports survive JSON."""
        from propstd.budgets import VarianceReport
        from propstd.serialization import from_data, to_data

        report = variance(
            budget,
            [],
            period=Period.month(budget.year, month),
            as_of=datetime(budget.year, 12, 31, tzinfo=UTC),
            zone="Asia/Shanghai",
            thresholds=VarianceThresholds(explain=Fraction(1, 20), stop=Fraction(1, 10)),
        )
        data = json.loads(json.dumps(to_data(report)))
        assert from_data(VarianceReport, data) == report


def _budget_results(budget: Budget, month: int, weights: list[int]) -> tuple[object, ...]:
    """Every public calculation of propstd.budgets on *budget*, with its text."""
    period = Period.month(budget.year, month)
    actuals = [
        Actual(code=p.code, month=Period.month(budget.year, m + 1), amount=p.months[m] * 2)
        for p in budget.plans()
        for m in range(month)
    ]
    report = variance(
        budget,
        actuals,
        period=period,
        as_of=datetime(budget.year, 12, 31, 16, tzinfo=UTC),
        zone="Asia/Shanghai",
        thresholds=VarianceThresholds(explain=Fraction(1, 20), stop=Fraction(1, 10)),
    )
    first = budget.plans()[0]
    annual = first.annual
    curve = CollectionCurve(months=(3, 12), shares=(Fraction(3, 5), Fraction(19, 20)))
    progress = (
        collection_progress(annual, first.months[:month], period=period, curve=curve)
        if annual.units > 0
        else None
    )
    return (
        report,
        report.to_text(),
        report.to_markdown(),
        [r.month.percent(3) for r in report.rows()],
        progress,
        None if progress is None else progress.to_text(),
        split_monthly(annual, budget.year, Profile.weights([*weights, 1])),
        split(annual, period, unit="week", calendar=_Weekdays()),
        split(annual, weights=[(f"p{i}", w) for i, w in enumerate(weights, start=1)] + [("x", 1)]),
        service_fee("85.33", Money("3.20", "CNY"), rounding="half_up").monthly,
        remuneration(annual, share=Fraction(8, 100), rounding="half_even").amount,
    )


class TestHostileContext:
    """Semantics §14.10: budgets never read the global decimal context."""

    @given(
        hostile_contexts(),
        budgets(),
        st.integers(1, 12),
        st.lists(st.integers(0, 9), min_size=11, max_size=11),
    )
    def test_same_results(
        self, context: decimal.Context, budget: Budget, month: int, weights: list[int]
    ) -> None:
        """Reports, collection, splits and fees are the same, to the text, in any context."""
        expected = _budget_results(budget, month, weights)
        with decimal.localcontext(context):
            got = _budget_results(budget, month, weights)
        assert got == expected


class TestLocalDate:
    """Semantics §14.5: the report's date is the date of *as_of* in the zone given."""

    @given(budgets(), st.integers(1, 12), aware_datetimes(), st.sampled_from(ZONE_KEYS))
    def test_complete_follows_the_zone(
        self, budget: Budget, month: int, as_of: datetime, zone: str
    ) -> None:
        """`complete` says whether the local date of *as_of* in *zone* is past the month."""
        period = Period.month(budget.year, month)
        local = as_of.astimezone(ZoneInfo(zone)).date()
        if period.start > local:
            return  # actuals of the month would be refused; nothing to compare
        report = variance(
            budget,
            [],
            period=period,
            as_of=as_of,
            zone=zone,
            thresholds=VarianceThresholds(explain=0, stop=0),
        )
        assert report.as_of_date == local
        assert report.complete == (local >= period.end)
