"""The core value modules never read or touch the caller's decimal context (semantics §14.10).

Every public function of money, rates, periods, staffing, inventory and budgets runs once in
the default context and once inside the worst context a caller could set (precision 1, every
trap on, odd rounding, a narrow exponent range, lower-case exponents): the results, texts
included, are the same. Run inside a context that traps nothing, they leave no flag behind: no
operation ever ran in the caller's context.
"""

from __future__ import annotations

import decimal
from collections.abc import Callable
from datetime import UTC, date, datetime
from decimal import Decimal
from fractions import Fraction

import pytest

from propstd import budgets, inventory, money, periods, rates, staffing
from propstd.budgets import (
    Actual,
    Budget,
    BudgetLine,
    CollectionCurve,
    Profile,
    Revision,
    VarianceThresholds,
    collection_progress,
    remuneration,
    service_fee,
    split,
    split_monthly,
    variance,
)
from propstd.inventory import Lot, issue_fifo, reorder_needed
from propstd.money import Money, Rounding, allocate, split_evenly
from propstd.periods import Period
from propstd.rates import Rate, Target
from propstd.staffing import staffing_requirement
from tests.strategies import hostile_context


def cny(amount: str) -> Money:
    """CNY, shortly."""
    return Money(amount, "CNY")


MARCH = Period.parse("2025-03")
LINES = [
    BudgetLine("INC-FEE", "收入", "物业服务费", cny("4608000.00")),
    BudgetLine("COST-LAB", "cost", "labour", cny("4700000.00"), profile=Profile.thirteenth_month()),
    BudgetLine("COST-OPS", "cost", "operations", cny("980000.00"), profile=Profile.by_days()),
]
LOTS = [
    Lot(item="bulb", received=date(2025, 1, 10), quantity=40, unit_cost=cny("12.50")),
    Lot(item="bulb", received=date(2025, 3, 2), quantity=50, unit_cost=cny("13.05")),
]


def _budget() -> object:
    rev = Revision(code="COST-OPS", from_month=7, annual=cny("1040000.00"))
    budget = Budget(year=2025, lines=LINES, revisions=[rev])
    report = variance(
        budget,
        [Actual(code="COST-OPS", month=MARCH, amount=cny("79640.33"))],
        period=MARCH,
        as_of=datetime(2025, 3, 31, 23, 30, tzinfo=UTC),
        zone="Asia/Shanghai",
        thresholds=VarianceThresholds(explain=Fraction(1, 20), stop=Fraction(1, 10)),
    )
    return report, str(report), report.to_markdown(), report.to_html(), repr(report)


def _collection() -> object:
    curve = CollectionCurve(months=(3, 12), shares=(Fraction(3, 5), Fraction(19, 20)))
    progress = collection_progress(
        cny("4608000.00"), [cny("1520000.01"), cny("760000"), cny("301400")], period=MARCH,
        curve=curve,
    )  # fmt: skip
    return progress, str(progress), repr(progress), progress.to_html()


CALLS: dict[str, Callable[[], object]] = {
    "money": lambda: (
        Money("1,234.56", "人民币"),
        Money.rounded("2.345", "CNY", rounding="四舍五入"),
        Money.rounded(Decimal("1e-7"), "CNY", rounding=Rounding.UP),
        cny("3.20").times(Decimal("120000.5"), rounding=Rounding.HALF_EVEN),
        split_evenly(cny("100.00"), 3),
        allocate(cny("4700000.00"), [Decimal("2.5"), 1, Fraction(1, 3)]),
        Money.sum([cny("0.1"), cny("0.2")], currency="CNY"),
        (f"{cny('12345.67'):,.1f}", f"{cny('2.25'):.1}", f"{cny('-0.01'):.0e}"),
    ),
    "rates": lambda: (
        Rate(30, 30).percent(),
        Rate(Fraction(479, 2), Fraction(975, 4)).percent(3),
        Rate(Decimal("2.5"), 10).percent(28, rounding="floor"),
        str(Rate(1, 3) + Rate(Fraction(3, 2), 4)),
        Target.parse("不低于99.95%").evaluate(Rate(1999, 2000)),
        str(Target(minimum=Fraction(999, 1000), maximum=1)),
    ),
    "periods": lambda: (
        Period.parse("2025年第1季度").split("月"),
        Period.containing(date(2024, 12, 30), "周"),
        Period.parse("9998-12").previous(),
    ),
    "staffing": lambda: (
        staffing_requirement(area_m2=Decimal("123456.7"), households=1150),
        str(staffing_requirement(area_m2=Fraction(10_000, 3), households=251, kind="别墅")),
        staffing_requirement(area_m2=400_000, phase="样板房"),
    ),
    "inventory": lambda: (issue_fifo(LOTS, 45), reorder_needed(LOTS, 60), LOTS[1].value),
    "budgets": lambda: (
        _budget(),
        _collection(),
        split_monthly(cny("360000.00"), 2024, Profile.by_days()),
        split(cny("35000.00"), MARCH, unit="week"),
        split(cny("100.00"), weights={"保安部": Decimal("2.5"), "保洁部": Fraction(1, 3)}),
        service_fee("1,234.5", cny("3.20"), rounding="half_up"),
        remuneration(cny("4608000.00"), share=Decimal("0.085"), rounding="down").amount,
    ),
}


@pytest.mark.parametrize("name", sorted(CALLS))
def test_same_in_the_worst_context(name: str) -> None:
    """The module's public functions give the same values and texts in the worst context."""
    expected = CALLS[name]()
    with decimal.localcontext(hostile_context()):
        assert CALLS[name]() == expected


@pytest.mark.parametrize("name", sorted(CALLS))
def test_caller_context_untouched(name: str) -> None:
    """No flag is raised in a caller's context that traps nothing: nothing ran in it."""
    with decimal.localcontext(decimal.Context(traps=[])) as ctx:
        CALLS[name]()
        assert [s.__name__ for s, raised in ctx.flags.items() if raised] == []


def test_every_module_is_swept() -> None:
    """Each core value module has a sweep here."""
    modules = (money, rates, periods, staffing, inventory, budgets)
    assert sorted(CALLS) == sorted(m.__name__.rsplit(".", 1)[1] for m in modules)
