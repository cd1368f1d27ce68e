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
(收缴率) against a target curve and gives the shortfall to plan on the 20th. Kinds, categories
and statuses read their Chinese names (`收入`, `物业服务费`, `人工成本`, `需说明` ...).

`Category` was renamed [BudgetCategory][propstd.budgets.BudgetCategory] in 0.2 (a finding's
category is `propstd.findings.Category`), and the working-day protocol is
[propstd.calendars.WorkingDays][]; the old names still work with a `DeprecationWarning`.

Examples:
    >>> from propstd.money import Money
    >>> from propstd.budgets import BudgetLine, Profile, split_monthly
    >>> months = split_monthly(Money("4700000.00", "CNY"), 2025, Profile.thirteenth_month(1))
    >>> months[0], months[1], Money.sum(months, currency="CNY")
    (Money('723076.93', 'CNY'), Money('361538.47', 'CNY'), Money('4700000.00', 'CNY'))
"""

from __future__ import annotations

import warnings

from propstd._deprecation import renamed
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
    BudgetCategory,
    CarryForward,
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
    "BudgetCategory",
    "BudgetLine",
    "CarryForward",
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
    "collection_progress",
    "remuneration",
    "service_fee",
    "split",
    "split_monthly",
    "variance",
]


def __dir__() -> list[str]:
    return __all__


_renamed = renamed(__name__, {"Category": ("BudgetCategory", BudgetCategory)})


def __getattr__(name: str) -> object:
    """Deprecated names of 0.1: `Category` (now `BudgetCategory`) and `WorkingDays` (now
    `propstd.calendars.WorkingDays`); each still works in 0.2 with a `DeprecationWarning`."""
    if name == "WorkingDays":
        from propstd.calendars import WorkingDays

        msg = (
            f"{__name__}.WorkingDays is deprecated; use propstd.calendars.WorkingDays "
            "(moved in 0.2)"
        )
        warnings.warn(msg, DeprecationWarning, stacklevel=2)
        return WorkingDays
    return _renamed(name)
