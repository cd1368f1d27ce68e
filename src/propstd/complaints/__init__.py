"""Complaint handling (投诉处理): registration, escalation ladders, stock-takes, metrics, warnings.

A [Complaint][propstd.complaints.Complaint] is a registered customer complaint with its
[Timeline][propstd.timelines.Timeline]. A [ComplaintPolicy][propstd.complaints.ComplaintPolicy]
holds one property's rules: the [EscalationLadder][propstd.complaints.EscalationLadder] (who is
told after how long the complaint stays unresolved), the milestones (response, same-day reply,
progress contact cadence, resolution, return visit), the VIP start role, the role told at once
of a major complaint, the repeat window and the department limit. The library has no default
numbers: every limit comes from the policy, which holds only the rules its standard fixes
(whatever needs a rule it leaves out is not judged, and `not_judged` says why).

[escalation_status][propstd.complaints.escalation_status] says where one complaint stands on the
ladder and why, and [Complaint.is_overdue][propstd.complaints.Complaint.is_overdue] whether a
limit has passed with nothing done; [daily_stocktake][propstd.complaints.daily_stocktake] lists
every open complaint with its owner, step and next deadline (每日盘点);
[complaint_metrics][propstd.complaints.complaint_metrics] and
[early_warnings][propstd.complaints.early_warnings] give the monthly analysis and the early
warning (投诉预警). Results print as tables (`print(status)`, `to_markdown()`, `to_html()`)
and give their typed rows with `rows()`; every instant in them is in the calendar's zone, and
a complaint is placed in a day, a week or a month by its local date in that zone. The
vocabularies read Chinese: `Complaint("C-1", t0, "电话", "不满")`.

Examples:
    >>> from datetime import datetime, timedelta, timezone
    >>> from propstd.calendars import ALWAYS_OPEN
    >>> from propstd.timelimits import TimeLimit
    >>> ladder = EscalationLadder.of(("2 hours", "supervisor"), ("24 hours", "manager"))
    >>> [str(step) for step in ladder.steps]
    ['after 2 hours: supervisor', 'after 24 hours: manager']
    >>> t0 = datetime(2025, 3, 3, 9, 0, tzinfo=timezone.utc)
    >>> c = Complaint("C-1", t0, "phone", "grievance")
    >>> ladder.reached(c.timeline, calendar=ALWAYS_OPEN, as_of=t0 + timedelta(hours=3))
    1
"""

from __future__ import annotations

from propstd.complaints._analysis import (
    ComplaintFigure,
    ComplaintMetrics,
    EarlyWarning,
    WarningKind,
    complaint_metrics,
    early_warnings,
)
from propstd.complaints._escalation import EscalationStatus, escalation_status
from propstd.complaints._policy import ComplaintPolicy, EscalationLadder, EscalationStep
from propstd.complaints._records import Channel, Complaint, ComplaintLevel, EscalationReason
from propstd.complaints._stocktake import (
    StockTake,
    StockTakeEntry,
    StockTakeRow,
    daily_stocktake,
)

__all__ = [
    "Channel",
    "Complaint",
    "ComplaintFigure",
    "ComplaintLevel",
    "ComplaintMetrics",
    "ComplaintPolicy",
    "EarlyWarning",
    "EscalationLadder",
    "EscalationReason",
    "EscalationStatus",
    "EscalationStep",
    "StockTake",
    "StockTakeEntry",
    "StockTakeRow",
    "WarningKind",
    "complaint_metrics",
    "daily_stocktake",
    "early_warnings",
    "escalation_status",
]


def __dir__() -> list[str]:
    return __all__
