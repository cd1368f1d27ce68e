"""Annual budgets split exactly to months, weeks, days and people; variance; fee collection.

A [BudgetLine][propstd.budgets.BudgetLine] holds one annual income or cost amount and a
[Profile][propstd.budgets.Profile] that says how it spreads over the twelve months.
[split_monthly][propstd.budgets.split_monthly] and [split][propstd.budgets.split] split amounts
by the largest-remainder method on whole fen, so the parts always add up to the total exactly
(no fen lost to rounding). A [Budget][propstd.budgets.Budget] collects the lines of one year
and applies [Revision][propstd.budgets.Revision]s from a month on, keeping each earlier plan as
history. [variance][propstd.budgets.variance] compares actuals with the budget for a month and
the year to date, judged by [VarianceThresholds][propstd.budgets.VarianceThresholds] that are
data; [collection_progress][propstd.budgets.collection_progress] follows fee collection
(收缴率) against a target curve and gives the shortfall to plan on the 20th.

Examples:
    >>> from propstd.money import Money
    >>> from propstd.budgets import BudgetLine, Profile, split_monthly
    >>> months = split_monthly(Money("4700000.00", "CNY"), 2025, Profile.thirteenth_month(1))
    >>> months[0], months[1], Money.sum(months, currency="CNY")
    (Money('723076.93', 'CNY'), Money('361538.47', 'CNY'), Money('4700000.00', 'CNY'))
"""

from __future__ import annotations

from propstd.budgets._collection import (
    CollectionCurve,
    CollectionMonth,
    CollectionProgress,
    Remuneration,
    ServiceFee,
    collection_progress,
    remuneration,
    service_fee,
)
from propstd.budgets._lines import (
    Allocation,
    AllocationPart,
    BudgetLine,
    Profile,
    WorkingDays,
    split,
    split_monthly,
)
from propstd.budgets._plan import Budget, LinePlan, Revision
from propstd.budgets._variance import (
    Actual,
    VarianceFigures,
    VarianceReport,
    VarianceRow,
    VarianceThresholds,
    variance,
)
from propstd.budgets._vocab import (
    CarryForward,
    Category,
    LineKind,
    ProfileKind,
    RowLevel,
    VarianceSide,
    VarianceStatus,
)

__all__ = [
    "Actual",
    "Allocation",
    "AllocationPart",
    "Budget",
    "BudgetLine",
    "CarryForward",
    "Category",
    "CollectionCurve",
    "CollectionMonth",
    "CollectionProgress",
    "LineKind",
    "LinePlan",
    "Profile",
    "ProfileKind",
    "Remuneration",
    "Revision",
    "RowLevel",
    "ServiceFee",
    "VarianceFigures",
    "VarianceReport",
    "VarianceRow",
    "VarianceSide",
    "VarianceStatus",
    "VarianceThresholds",
    "WorkingDays",
    "collection_progress",
    "remuneration",
    "service_fee",
    "split",
    "split_monthly",
    "variance",
]


def __dir__() -> list[str]:
    return __all__
