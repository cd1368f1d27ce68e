"""Demo section: the sample property's 2025 budget in March, collection and staffing (private).

The budget, its actuals, the collection table and the policy are the sample's
(`propstd.samples`).
"""

from __future__ import annotations

from propstd import samples
from propstd._demo import PLACE
from propstd.budgets import collection_progress, variance
from propstd.staffing import staffing_requirement

TITLE = f"Budget, collection and staffing — {PLACE}, {samples.MONTH}"


def render() -> str:
    """March's split, the variance table, collection progress and staffing."""
    standard, month = samples.standard(), samples.month()
    policy = standard.budget
    assert policy is not None  # the sample's standard fixes every part
    assert standard.staffing is not None
    budget = month.budget
    m = samples.MONTH.start.month - 1
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
        month.actuals,
        period=samples.MONTH,
        as_of=samples.AS_OF,
        zone=samples.ZONE,
        thresholds=policy.thresholds,
    )
    out.append(report.to_text())
    out.append("")
    rows = [c for c in month.collections if c.month.start <= samples.MONTH.start]
    progress = collection_progress(
        rows[-1].billed,
        [c.collected for c in rows],
        period=samples.MONTH,
        curve=policy.collection,
    )
    out.append(progress.to_text())
    out.append("")
    p = standard.property
    need = staffing_requirement(
        area_m2=p.area_m2, households=p.households, ratios=standard.staffing
    )
    out.append(need.to_text())
    return "\n".join(out)
