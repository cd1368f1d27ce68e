"""Demo section: the sample property's March 2025 repair month (private).

The orders and the time-limit table are the sample's (`propstd.samples`), judged as of
`samples.AS_OF`.
"""

from __future__ import annotations

from propstd import samples
from propstd._demo import PLACE
from propstd.repairs import (
    RecordKind,
    RepairCategory,
    repair_metrics,
    repair_status,
    retention_until,
    warranty_reminder_date,
)

TITLE = f"Repairs (报修) — {PLACE}, {samples.MONTH}"


def render() -> str:
    """Timeliness, revisits and rework by technician; the orders still open; two date rules."""
    standard = samples.standard()
    table = standard.repairs
    assert table is not None  # the sample's standard fixes every part
    office = standard.calendar("repairs")
    month = samples.month().repairs
    as_of = samples.AS_OF
    metrics = repair_metrics(
        month, period=samples.MONTH, limits=table, calendar=office, as_of=as_of
    )
    lines = [f"Time-limit table (arrival / completion; revisit within {table.revisit}):"]
    for c in RepairCategory:
        arrival = str(table.arrival[c])
        if c is RepairCategory.SCHEDULED:
            arrival = f"at the agreed time ({arrival} after the appointment)"
        lines.append(f"  {c.value} {c.label_zh}: {arrival} / {table.completion[c]}")
    lines += ["", metrics.to_text(), ""]
    lines.append(f"Revisit rate against the 100 % target: {metrics.overall.revisit_result.value}")
    open_orders = [
        repair_status(o, limits=table, calendar=office, as_of=as_of)
        for o in month
        if o.timeline.first("completed") is None
    ]
    lines.append(f"Open on {as_of:%Y-%m-%d %H:%M}: {len(open_orders)}")
    lines += [f"  {s.order_id} {s.technician}: {s.completion}" for s in open_orders]
    warranty = min(o.warranty_until for o in month if o.warranty_until is not None)
    day = samples.MONTH.last
    lines += [
        "",
        f"Warranty ending {warranty}: remind the owner on {warranty_reminder_date(warranty)}",
        (
            f"Records of {day} are kept until "
            f"{retention_until(day, RecordKind.MAINTENANCE)} (maintenance) and "
            f"{retention_until(day, RecordKind.PATROL)} (patrol)"
        ),
    ]
    return "\n".join(lines)
