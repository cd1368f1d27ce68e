"""Demo section: the sample property's March 2025 complaints and who must act now (private).

The policy, its ladder and the register are the sample's (`propstd.samples`).
"""

from __future__ import annotations

from fractions import Fraction

from propstd import samples
from propstd._demo import PLACE
from propstd.complaints import complaint_metrics, daily_stocktake, early_warnings

TITLE = f"Complaints — {PLACE}, {samples.MONTH}, as of {samples.AS_OF:%Y-%m-%d %H:%M}"


def render() -> str:
    """The open complaints as of AS_OF (the daily stock-take), who must act now, and the
    March figures."""
    standard = samples.standard()
    policy = standard.complaints
    assert policy is not None  # the sample's standard fixes every part
    office = standard.calendar("complaints")
    register = samples.month().complaints
    as_of = samples.AS_OF
    take = daily_stocktake(register, policy=policy, calendar=office, as_of=as_of)
    lines = [take.to_text(), "", "Who must act now:"]
    for entry in take.entries:
        status = entry.status
        reasons = ", ".join(r.value for r in status.reasons) or "none"
        lines.append(
            f"  {entry.complaint.id}: notify {', '.join(status.notify) or entry.owner} "
            f"(reasons: {reasons})"
        )
    metrics = complaint_metrics(
        register, period=samples.MONTH, policy=policy, calendar=office, as_of=as_of
    )
    lines += ["", metrics.to_text(), "", "Early warnings (near = 3/4 of a limit):"]
    warnings = early_warnings(
        register, policy=policy, calendar=office, as_of=as_of, near=Fraction(3, 4)
    )
    lines += [f"  {w}" for w in warnings] or ["  none"]
    return "\n".join(lines)
