"""Demo section: the sample property's 2025 budget in March, collection and staffing (private)."""

from __future__ import annotations

from fractions import Fraction

from propstd._demo import sample
from propstd.budgets import (
    Actual,
    Budget,
    BudgetLine,
    CollectionCurve,
    Profile,
    VarianceThresholds,
    collection_progress,
    service_fee,
    variance,
)
from propstd.money import Money, Rounding
from propstd.periods import Period
from propstd.staffing import staffing_requirement

TITLE = f"Budget, collection and staffing — {sample.NAME}, {sample.MONTH}"


def cny(amount: str) -> Money:
    """An amount in CNY."""
    return Money(amount, "CNY")


def sample_budget() -> Budget:
    """The sample's 2025 budget (sample-property.md), built through the public API."""
    fee = service_fee(sample.AREA_M2, cny("3.20"), rounding=Rounding.HALF_UP).annual
    parking = cny("300.00") * (sample.PARKING_SPACES * 12)
    lines = [
        BudgetLine("INC-FEE", "income", "service_fee", fee, department="客服部"),
        BudgetLine("INC-PARK", "income", "parking", parking, department="秩序部"),
        BudgetLine(
            "INC-PAID", "income", "paid_services", cny("360000.00"), profile=Profile.by_days()
        ),
        BudgetLine("INC-OTHER", "income", "other", cny("120000.00")),
        BudgetLine(
            "COST-LAB", "cost", "labour", cny("4700000.00"), profile=Profile.thirteenth_month(1)
        ),
        BudgetLine("COST-MAT", "cost", "materials", cny("420000.00")),
        BudgetLine("COST-SVC", "cost", "services", cny("1150000.00")),
        BudgetLine("COST-OPS", "cost", "operations", cny("980000.00")),
        BudgetLine("COST-RTO", "cost", "rent_tax_other", cny("560000.00")),
    ]
    return Budget(year=2025, lines=lines)


# Actuals of January to March (plausible sample figures, not a standard).
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

# Thresholds are the sample's own choice: explain above 5 %, stop above 10 % (adverse only).
THRESHOLDS = VarianceThresholds(explain=Fraction(1, 20), stop=Fraction(1, 10))
# 60 % of the year's fee collected by the end of March, 95 % by December.
CURVE = CollectionCurve(months=(3, 12), shares=(Fraction(3, 5), Fraction(19, 20)))
# Service fees collected in January (many households pay for the year), February, March.
COLLECTED = ("1520000.00", "760000.00", "301400.00")


def actuals() -> list[Actual]:
    """January to March actuals of every line."""
    year = sample.MONTH.start.year
    return [
        Actual(code=code, month=Period.month(year, m + 1), amount=cny(a))
        for code, amounts in ACTUALS.items()
        for m, a in enumerate(amounts)
    ]


def render() -> str:
    """March's split, the variance table, collection progress and staffing."""
    budget = sample_budget()
    m = sample.MONTH.start.month - 1
    out = ["2025 budget split to March (profile):"]
    for line in budget.lines:
        plan = budget.plan(line.code)
        out.append(
            f"  {line.code:<10} {line.annual.amount:>14,} / year → "
            f"{plan.months[m].amount:>12,} in March ({line.profile.label})"
        )
    out.append("")
    report = variance(
        budget,
        actuals(),
        period=sample.MONTH,
        as_of=sample.AS_OF,
        zone=sample.ZONE,
        thresholds=THRESHOLDS,
    )
    out.append(report.to_text())
    out.append("")
    progress = collection_progress(
        budget.line("INC-FEE").annual,
        [cny(a) for a in COLLECTED],
        period=sample.MONTH,
        curve=CURVE,
    )
    out.append(progress.to_text())
    out.append("")
    need = staffing_requirement(area_m2=sample.AREA_M2, households=sample.HOUSEHOLDS)
    out.append(need.to_text())
    return "\n".join(out)
