"""The sample property's March 2025 repair orders (private).

140 orders across the three categories, four technicians and three reworks, made
deterministically from the order number with simple arithmetic (no randomness): emergencies
around the clock, the rest in service hours, a few waiting for parts overnight, a few revisits
forgotten or late, the last three orders still open on 1 April.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from propstd.repairs import RepairCategory, RepairOrder
from propstd.samples._facts import TZ
from propstd.timelines import Timeline

__all__: list[str] = []

ORDERS = 140
TECHNICIANS = ("张伟", "李强", "王磊", "陈刚")
# rework order number -> the order whose work it redoes (both unsatisfied at the revisit)
REWORKS = {34: 26, 70: 64, 108: 102}


def _at(day: date, minutes: int) -> datetime:
    return datetime.combine(day, time(0), tzinfo=TZ) + timedelta(minutes=minutes)


def _category(i: int) -> RepairCategory:
    if i % 10 == 3:
        return RepairCategory.EMERGENCY
    if i % 10 in (1, 6):
        return RepairCategory.SCHEDULED
    return RepairCategory.ORDINARY


def _arrival(i: int, day: date, category: RepairCategory) -> tuple[datetime, datetime | None]:
    """When order *i* was received and its appointment (scheduled orders only)."""
    if category is RepairCategory.EMERGENCY:
        return _at(day, (i * 5 % 24) * 60 + i * 13 % 60), None  # around the clock
    received = _at(day, 8 * 60 + 30 + i * 37 % 540)  # service hours 08:30-17:30
    if category is RepairCategory.SCHEDULED:
        return received, _at(day + timedelta(days=1 + i % 3), (10 + i % 2 * 4) * 60)
    return received, None


def _work(i: int, category: RepairCategory, timeline: Timeline, start: datetime) -> Timeline:
    """Order *i*'s timeline from its arrival on: completion and the revisit."""
    work_from = timeline.events[-1].at
    if category is RepairCategory.ORDINARY and i % 9 == 0:  # waiting for parts overnight
        timeline = timeline.paused(work_from + timedelta(hours=1), "parts")
        work_from = _at(work_from.date() + timedelta(days=1), 10 * 60)
        timeline = timeline.resumed(work_from)
    if i >= ORDERS - 3:  # the last three are still open on 1 April
        return timeline
    if category is RepairCategory.EMERGENCY:
        completed = work_from + timedelta(minutes=40 + i * 17 % 220)
    elif i % 13 == 0:
        completed = work_from + timedelta(days=3)
    else:
        completed = work_from + timedelta(minutes=30 + i * 29 % 300)
    timeline = timeline.completed(max(completed, start))
    if i % 23 == 5:  # a few revisits forgotten
        return timeline
    late = 3 if i % 17 == 0 else 1
    revisit = _at(completed.date() + timedelta(days=late), 10 * 60 + i % 5 * 30)
    verdict = None if i % 11 == 4 else i % 19 != 7
    return timeline.revisited(max(revisit, completed), satisfied=verdict)


def order(i: int) -> RepairOrder:
    """Order number *i* (0-139) of March 2025."""
    day = date(2025, 3, 1) + timedelta(days=i * 31 // ORDERS)
    category = _category(i)
    received, appointment = _arrival(i, day, category)
    start = received if appointment is None else appointment
    if category is RepairCategory.SCHEDULED:
        arrived = start + timedelta(minutes=i * 3 % 13 - 10)  # 10 min early to 2 late
    elif category is RepairCategory.EMERGENCY:
        arrived = received + timedelta(minutes=6 + i * 7 % 11)
    else:
        arrived = received + timedelta(minutes=8 + i * 11 % 26)
    timeline = Timeline.start(received).arrived(max(arrived, received))
    return RepairOrder(
        f"R-2503-{i + 1:03d}",
        category,
        _work(i, category, timeline, start),
        unit=f"{i % 12 + 1}-{(i * 7 % 30 + 1):02d}{i % 4 + 1:02d}",
        technician=TECHNICIANS[(i + i // 4) % 4],
        rework_of=f"R-2503-{REWORKS[i] + 1:03d}" if i in REWORKS else None,
        warranty_until=date(2026, 3, 31) if i % 20 == 0 else None,
        appointment=appointment,
    )


def repairs() -> tuple[RepairOrder, ...]:
    """The month's 140 orders."""
    return tuple(order(i) for i in range(ORDERS))
