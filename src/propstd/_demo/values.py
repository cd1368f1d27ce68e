"""Demo section: the exact value types (private)."""

from __future__ import annotations

from propstd import samples
from propstd._demo import PLACE
from propstd.money import Money, Rounding, allocate, split_evenly
from propstd.periods import PeriodUnit
from propstd.rates import Rate, Target

TITLE = f"Exact values — {PLACE}, {samples.MONTH}"


def render() -> str:
    """Money split to the fen, pooled rates against a target, the month's weeks."""
    area = samples.property().area_m2
    # the service fee of 3.20 CNY per m² a month: the budget's INC-FEE line, worked out again
    fee = Money("3.20", "CNY").times(area * 12, rounding=Rounding.HALF_UP)
    months = allocate(fee, [1] * 12)
    thirds = split_evenly(Money("100.00", "CNY"), 3)
    a, b = Rate(15, 16), Rate(27, 30)
    target = Target.parse("≥ 75%")
    weeks = samples.MONTH.split(PeriodUnit.WEEK)
    lines = [
        f"Service fee a year: {area:,} m² × 3.20 CNY × 12 = {fee:,}",
        (
            f"  split into 12 months: {months[0]:,} each, "
            f"summing to {Money.sum(months, currency='CNY'):,}"
        ),
        f"100.00 CNY split three ways: {', '.join(str(m.amount) for m in thirds)} (sum exact)",
        f"Frequency completion, two teams: {a} and {b}",
        f"  pooled: {a + b} → target {target}: {target.evaluate(a + b).value}",
        f"{samples.MONTH} has {samples.MONTH.days} days in {len(weeks)} ISO-week pieces: "
        + ", ".join(str(w) for w in weeks),
    ]
    return "\n".join(lines)
