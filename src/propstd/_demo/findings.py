"""Demo section: the sample property's March findings, improvement notices and closure (private)."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from propstd import samples
from propstd._demo import PLACE
from propstd.findings import (
    Category,
    FindingStatus,
    closure_rate,
    deduction_total,
    improvement_notices,
    repeat_findings,
    score,
)
from propstd.rates import Target

TITLE = f"Findings and second verification — {PLACE}, {samples.MONTH}"

SCORE_BASE = 100  # the sample's own scale; propstd only subtracts


def _policy_line() -> str:
    policy = samples.standard().rectification
    assert policy is not None  # the sample's standard fixes every part
    limits = ", ".join(f"{s.value} {limit}" for s, limit in policy.limits)
    return (
        f"Policy: {limits}; second verification {policy.verify_after} after the deadline "
        "(office calendar, 放假调休 included)."
    )


def render() -> str:
    """Counts by category, the closure rate, deductions, repeats and the improvement notices."""
    findings = samples.month().findings
    month, as_of, zone = samples.MONTH, samples.AS_OF, samples.ZONE
    month_end = datetime.combine(month.end, time(0), tzinfo=ZoneInfo(zone))
    counts = Counter(f.category for f in findings)
    statuses = Counter(f.status(as_of) for f in findings)
    rate = closure_rate(findings, period=month, as_of=month_end, zone=zone)
    target = Target.parse("100%")
    waiting = [f.id for f in findings if f.verification_overdue(as_of)]
    lines = [
        _policy_line(),
        "Raised in March: " + ", ".join(f"{counts[c]} {c.label_zh} {c.value}" for c in Category),
        f"Status at {as_of:%Y-%m-%d %H:%M}: "
        + ", ".join(f"{statuses[s]} {s.value}" for s in FindingStatus if statuses[s]),
        (
            "Second-verification closure (suggestion + deduction items due for verification in "
            f"March, verified as passed by the end of that day): {rate} → target {target}: "
            f"{target.evaluate(rate).value}"
        ),
        f"Waiting past their verification date: {', '.join(waiting) or 'none'}",
        (
            f"Points deducted: {deduction_total(findings, month, zone=zone)}; "
            f"score {score(SCORE_BASE, findings, month, zone=zone)} of {SCORE_BASE}"
        ),
    ]
    lines.extend(
        f"Repeat: {r.repeat.id} {r.item_code} at {r.location} again "
        f"{r.gap.days} days after {r.previous.id}"
        for r in repeat_findings(findings, within=timedelta(days=30))
    )
    for notice in improvement_notices(findings, as_of=as_of):
        lines += ["", notice.to_text()]
    return "\n".join(lines)
