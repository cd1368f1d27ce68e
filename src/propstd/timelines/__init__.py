"""One request's clock: typed events, pauses, reopening and milestones with time limits.

A [Timeline][propstd.timelines.Timeline] is the ordered history of one request (a complaint, a
repair order): it is `received`, then `responded`, `arrived` on site, `paused` (for parts, an
absent owner) and `resumed`, `completed`, `closed`, perhaps `reopened`; its priority may change,
the customer is `contacted` with progress and `revisited` afterwards. Events must come in
non-decreasing time order and be legal for the state the request is in; anything else raises
[TransitionError][propstd.errors.TransitionError] naming the event.

A [Milestone][propstd.timelines.Milestone] asks "did event X happen within limit L of event Y?".
[Timeline.status][propstd.timelines.Timeline.status] answers it as of an instant in a
[MilestoneStatus][propstd.timelines.MilestoneStatus]: the deadline, when it was done, whether it
is pending, met, breached or not applicable, the time remaining or overrun, and the pauses
counted. The rules:

- **Deadlines are inclusive**: done exactly at the deadline is met; `as_of > due_at` is breached.
- **Pauses** extend a pausable milestone's deadline by the paused time *in the milestone's clock*:
  pausing for `P` of working time moves a working-clock deadline by exactly `P` of working time.
  A pause (or a priority change) that starts after the running deadline has passed no longer
  moves it: a breach is never undone.
- **Reopening** follows the milestone's [ReopenPolicy][propstd.timelines.ReopenPolicy];
  **priority changes** follow its [PriorityChangePolicy][propstd.timelines.PriorityChangePolicy].
  Both are data on the milestone.

One rule decides every deadline, here and in the complaint and repair modules:
[MilestoneStatus.from_deadline][propstd.timelines.MilestoneStatus.from_deadline] (done at or
before the deadline is met), with times measured by
[time_between][propstd.timelines.time_between] in the limit's clock. Every vocabulary reads its
Chinese words too: `EventKind("回访")` is `revisited`, `Milestone("到场", limit)` waits for an
arrival. Instants must fall within the years 0002-9998.

Examples:
    >>> from datetime import datetime, timedelta, timezone
    >>> from propstd.calendars import ALWAYS_OPEN
    >>> from propstd.timelimits import TimeLimit
    >>> t0 = datetime(2025, 3, 3, 9, 0, tzinfo=timezone.utc)
    >>> timeline = (
    ...     Timeline.start(t0)
    ...     .arrived(t0 + timedelta(minutes=20))
    ...     .paused(t0 + timedelta(hours=1), "parts")
    ...     .resumed(t0 + timedelta(hours=3))
    ... )
    >>> done = Milestone("completed", TimeLimit.hours(4), pausable=True)
    >>> status = timeline.status(done, calendar=ALWAYS_OPEN, as_of=t0 + timedelta(hours=5))
    >>> status.state, status.due_at.isoformat()
    (<MilestoneState.PENDING: 'pending'>, '2025-03-03T15:00:00+00:00')
    >>> status.paused  # the two hours waiting for parts moved the deadline
    datetime.timedelta(seconds=7200)
"""

from __future__ import annotations

import types
from collections.abc import Mapping

from propstd.timelines._events import (
    EVENT_CLASSES,
    Arrived,
    Closed,
    Completed,
    Contacted,
    Event,
    EventKind,
    Paused,
    PriorityChanged,
    Received,
    Reopened,
    Responded,
    Resumed,
    Revisited,
    TimelineState,
)
from propstd.timelines._milestones import (
    Milestone,
    MilestoneRow,
    MilestoneState,
    MilestoneStatus,
    PauseSegment,
    PriorityChangePolicy,
    ReopenPolicy,
    time_between,
)
from propstd.timelines._timeline import Timeline

__all__ = [
    "Arrived",
    "Closed",
    "Completed",
    "Contacted",
    "EVENT_TYPES",
    "Event",
    "EventKind",
    "Milestone",
    "MilestoneRow",
    "MilestoneState",
    "MilestoneStatus",
    "PauseSegment",
    "Paused",
    "PriorityChangePolicy",
    "PriorityChanged",
    "Received",
    "ReopenPolicy",
    "Reopened",
    "Responded",
    "Resumed",
    "Revisited",
    "Timeline",
    "TimelineState",
    "time_between",
]


def __dir__() -> list[str]:
    return __all__


EVENT_TYPES: Mapping[EventKind, type[Event]] = types.MappingProxyType(
    {cls.kind: cls for cls in EVENT_CLASSES}
)
"""Every concrete event class by its kind, in timeline order (for readers and writers of events).

Examples:
    >>> EVENT_TYPES[EventKind.PAUSED].__name__
    'Paused'
"""
