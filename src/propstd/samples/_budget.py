"""The sample property's 2025 budget, its actuals of January to March and the fee collection
table (private).

The budget lines are sample-property.md's; the actuals and the takings are plausible sample
figures (not a standard): many households pay the year's fee in January.
"""

from __future__ import annotations

from propstd.budgets import Actual, Budget, BudgetLine, Profile, service_fee
from propstd.money import Money, Rounding
from propstd.periods import Period
from propstd.samples._facts import AREA_M2, PARKING_SPACES
from propstd.tables import Collection

__all__: list[str] = []


def _cny(amount: str) -> Money:
    return Money(amount, "CNY")


def budget() -> Budget:
    """The 2025 budget: four income lines, five cost lines."""
    fee = service_fee(AREA_M2, _cny("3.20"), rounding=Rounding.HALF_UP).annual
    return Budget(
        year=2025,
        lines=[
            BudgetLine("INC-FEE", "income", "service_fee", fee, department="客服部"),
            BudgetLine(
                "INC-PARK",
                "income",
                "parking",
                _cny("300.00") * (PARKING_SPACES * 12),
                department="秩序部",
            ),
            BudgetLine(
                "INC-PAID", "income", "paid_services", _cny("360000.00"), profile=Profile.by_days()
            ),
            BudgetLine("INC-OTHER", "income", "other", _cny("120000.00")),
            BudgetLine(
                "COST-LAB",
                "cost",
                "labour",
                _cny("4700000.00"),
                profile=Profile.thirteenth_month(1),
            ),
            BudgetLine("COST-MAT", "cost", "materials", _cny("420000.00")),
            BudgetLine("COST-SVC", "cost", "services", _cny("1150000.00")),
            BudgetLine("COST-OPS", "cost", "operations", _cny("980000.00")),
            BudgetLine("COST-RTO", "cost", "rent_tax_other", _cny("560000.00")),
        ],
    )


# January, February and March of every line
ACTUALS = {
    "INC-FEE": ("380100.00", "376950.00", "371200.00"),
    "INC-PARK": ("268400.00", "259800.00", "281350.00"),
    "INC-PAID": ("28900.00", "24100.00", "26480.00"),
    "INC-OTHER": ("9800.00", "10000.00", "10000.00"),
    "COST-LAB": ("722400.00", "358900.00", "368900.00"),
    "COST-MAT": ("33100.00", "36800.00", "41230.00"),
    "COST-SVC": ("95833.34", "95833.33", "95833.33"),
    "COST-OPS": ("84200.00", "77900.00", "79640.00"),
    "COST-RTO": ("46666.67", "46666.67", "46666.67"),
}
# the service fees collected in January (many pay for the year), February and March
COLLECTED = ("1520000.00", "760000.00", "301400.00")


def actuals() -> tuple[Actual, ...]:
    """January to March actuals of every line."""
    return tuple(
        Actual(code=code, month=Period.month(2025, m + 1), amount=_cny(a))
        for code, amounts in ACTUALS.items()
        for m, a in enumerate(amounts)
    )


def collections(billed: Money) -> tuple[Collection, ...]:
    """The collection table of January to March: the year's fee billed, each month's takings."""
    return tuple(
        Collection(month=Period.month(2025, m + 1), billed=billed, collected=_cny(c))
        for m, c in enumerate(COLLECTED)
    )
