"""Demo section: the sample property's March 2025 repair month (private).

About 140 repair orders across the three categories, four technicians and three reworks,
built deterministically from the order number with simple arithmetic (no randomness), then
judged against the sample's repair time-limit table as of `sample.AS_OF`.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from propstd._demo import sample
from propstd.calendars import china_calendar
from propstd.repairs import (
    RecordKind,
    RepairCategory,
    RepairLimits,
    RepairOrder,
    repair_metrics,
    repair_status,
    retention_until,
    warranty_reminder_date,
)
from propstd.timelimits import TimeLimit
from propstd.timelines import Timeline

TITLE = f"Repairs (报修) — {sample.NAME}, {sample.MONTH}"

ORDERS = 140
TECHNICIANS = ("张伟", "李强", "王磊", "陈刚")
# rework order number -> the order whose work it redoes (both unsatisfied at the revisit)
REWORKS = {34: 26, 70: 64, 108: 102}


def limits() -> RepairLimits:
    """The sample property's repair time-limit table (its own numbers, not a standard)."""
    return RepairLimits(
        arrival={
            RepairCategory.EMERGENCY: TimeLimit.parse("15 minutes"),
            RepairCategory.ORDINARY: TimeLimit.parse("30 minutes"),
            RepairCategory.SCHEDULED: TimeLimit.parse("immediately"),  # at the agreed time
        },
        completion={
            RepairCategory.EMERGENCY: TimeLimit.parse("4 hours"),
            RepairCategory.ORDINARY: TimeLimit.parse("2 working days"),
            RepairCategory.SCHEDULED: TimeLimit.parse("3 working days"),
        },
        revisit=TimeLimit.parse("1 working day"),
    )


def _at(day: date, minutes: int) -> datetime:
    return datetime.combine(day, time(0), tzinfo=sample.TZ) + timedelta(minutes=minutes)


def _category(i: int) -> RepairCategory:
    if i % 10 == 3:
        return RepairCategory.EMERGENCY
    if i % 10 in (1, 6):
        return RepairCategory.SCHEDULED
    return RepairCategory.ORDINARY


def order(i: int) -> RepairOrder:
    """Order number *i* (0–139) of March 2025."""
    day = date(2025, 3, 1) + timedelta(days=i * 31 // ORDERS)
    category = _category(i)
    if category is RepairCategory.EMERGENCY:
        received = _at(day, (i * 5 % 24) * 60 + i * 13 % 60)  # around the clock
    else:
        received = _at(day, 8 * 60 + 30 + i * 37 % 540)  # service hours 08:30-17:30
    appointment = None
    start = received
    if category is RepairCategory.SCHEDULED:
        appointment = _at(day + timedelta(days=1 + i % 3), (10 + i % 2 * 4) * 60)
        start = appointment
        arrived = appointment + timedelta(minutes=i * 3 % 13 - 10)  # 10 min early to 2 late
    elif category is RepairCategory.EMERGENCY:
        arrived = received + timedelta(minutes=6 + i * 7 % 11)
    else:
        arrived = received + timedelta(minutes=8 + i * 11 % 26)
    timeline = Timeline.start(received).arrived(max(arrived, received))
    work_from = arrived
    if category is RepairCategory.ORDINARY and i % 9 == 0:  # waiting for parts overnight
        timeline = timeline.paused(arrived + timedelta(hours=1), "parts")
        work_from = _at(arrived.date() + timedelta(days=1), 10 * 60)
        timeline = timeline.resumed(work_from)
    if i < ORDERS - 3:  # the last three are still open on 1 April
        if category is RepairCategory.EMERGENCY:
            completed = work_from + timedelta(minutes=40 + i * 17 % 220)
        elif i % 13 == 0:
            completed = work_from + timedelta(days=3)
        else:
            completed = work_from + timedelta(minutes=30 + i * 29 % 300)
        timeline = timeline.completed(max(completed, start))
        if i % 23 != 5:  # a few revisits forgotten
            late = 3 if i % 17 == 0 else 1
            revisit = _at(completed.date() + timedelta(days=late), 10 * 60 + i % 5 * 30)
            unhappy = i % 19 == 7
            verdict = None if i % 11 == 4 else not unhappy
            timeline = timeline.revisited(max(revisit, completed), satisfied=verdict)
    return RepairOrder(
        f"R-2503-{i + 1:03d}",
        category,
        timeline,
        unit=f"{i % 12 + 1}-{(i * 7 % 30 + 1):02d}{i % 4 + 1:02d}",
        technician=TECHNICIANS[(i + i // 4) % 4],
        rework_of=f"R-2503-{REWORKS[i] + 1:03d}" if i in REWORKS else None,
        warranty_until=date(2026, 3, 31) if i % 20 == 0 else None,
        appointment=appointment,
    )


def orders() -> tuple[RepairOrder, ...]:
    """The month's orders."""
    return tuple(order(i) for i in range(ORDERS))


def render() -> str:
    """Timeliness, revisits and rework by technician; the orders still open; two date rules."""
    table = limits()
    office = china_calendar(hours=sample.OFFICE_HOURS)
    month = orders()
    metrics = repair_metrics(
        month, period=sample.MONTH, limits=table, calendar=office, as_of=sample.AS_OF
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
        repair_status(o, limits=table, calendar=office, as_of=sample.AS_OF)
        for o in month
        if o.timeline.first("completed") is None
    ]
    lines.append(f"Open on {sample.AS_OF:%Y-%m-%d %H:%M}: {len(open_orders)}")
    lines += [f"  {s.order_id} {s.technician}: {s.completion}" for s in open_orders]
    warranty = date(2026, 3, 31)
    lines += [
        "",
        f"Warranty ending {warranty}: remind the owner on {warranty_reminder_date(warranty)}",
        (
            "Records of 2025-03-31 are kept until "
            f"{retention_until(date(2025, 3, 31), RecordKind.MAINTENANCE)} (maintenance) and "
            f"{retention_until(date(2025, 3, 31), RecordKind.PATROL)} (patrol)"
        ),
    ]
    return "\n".join(lines)
