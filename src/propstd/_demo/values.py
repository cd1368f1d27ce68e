"""Demo section: the exact value types (private)."""

from __future__ import annotations

from propstd._demo import sample
from propstd.money import Money, Rounding, allocate, split_evenly
from propstd.periods import PeriodUnit
from propstd.rates import Rate, Target

TITLE = f"Exact values — {sample.NAME}, {sample.MONTH}"


def render() -> str:
    """Money split to the fen, pooled rates against a target, the month's weeks."""
    fee = Money("3.20", "CNY").times(sample.AREA_M2 * 12, rounding=Rounding.HALF_UP)
    months = allocate(fee, [1] * 12)
    thirds = split_evenly(Money("100.00", "CNY"), 3)
    a, b = Rate(15, 16), Rate(27, 30)
    target = Target.parse("≥ 75%")
    weeks = sample.MONTH.split(PeriodUnit.WEEK)
    lines = [
        f"Service fee a year: {sample.AREA_M2:,} m² × 3.20 CNY × 12 = {fee:,}",
        (
            f"  split into 12 months: {months[0]:,} each, "
            f"summing to {Money.sum(months, currency='CNY'):,}"
        ),
        f"100.00 CNY split three ways: {', '.join(str(m.amount) for m in thirds)} (sum exact)",
        f"Frequency completion, two teams: {a} and {b}",
        f"  pooled: {a + b} → target {target}: {target.evaluate(a + b).value}",
        f"{sample.MONTH} has {sample.MONTH.days} days in {len(weeks)} ISO-week pieces: "
        + ", ".join(str(w) for w in weeks),
    ]
    return "\n".join(lines)
