"""Repair orders (报修) and their time limits: arrival, completion, revisit, rework, warranty.

A [RepairOrder][propstd.repairs.RepairOrder] is one owner's repair request with its
`propstd.timelines.Timeline` of events. [RepairLimits][propstd.repairs.RepairLimits]
hold the property's repair time-limit table (工程维修时限表): an arrival and a completion
[TimeLimit][propstd.timelimits.TimeLimit] for each [RepairCategory][propstd.repairs.RepairCategory]
and one revisit limit, or only those its standard fixes (what has no limit is not judged).
[repair_status][propstd.repairs.repair_status] judges one order against them;
[repair_metrics][propstd.repairs.repair_metrics] gives a period's timeliness, revisit,
rework and satisfaction rates, overall and per technician.
[warranty_reminder_date][propstd.repairs.warranty_reminder_date] and
[retention_until][propstd.repairs.retention_until] answer the two date questions of the seed rules.

The library ships no default limits: the numbers are the property's own (the sample property's
table lives in the tutorial and the demo). Categories and record kinds read their Chinese
terms (`"急修"`, `"一般维修"`, `"预约维修"`); statuses and metrics print as tables and give their
typed rows with `rows()`; every instant in a result is in the calendar's zone, and an order
belongs to the period of its local receipt date in that zone.

Examples:
    >>> from datetime import date
    >>> warranty_reminder_date(date(2025, 3, 31))
    datetime.date(2025, 2, 28)
    >>> retention_until(date(2024, 2, 29), RecordKind.PATROL)
    datetime.date(2026, 2, 28)
"""

from __future__ import annotations

from propstd.repairs._dates import retention_until, warranty_reminder_date
from propstd.repairs._limits import RecordKind, RepairCategory, RepairLimits
from propstd.repairs._metrics import REVISIT_TARGET, RepairFigures, RepairMetrics, repair_metrics
from propstd.repairs._orders import RepairOrder, RepairStatus, repair_status

__all__ = [
    "REVISIT_TARGET",
    "RecordKind",
    "RepairCategory",
    "RepairFigures",
    "RepairLimits",
    "RepairMetrics",
    "RepairOrder",
    "RepairStatus",
    "repair_metrics",
    "repair_status",
    "retention_until",
    "warranty_reminder_date",
]


def __dir__() -> list[str]:
    return __all__
