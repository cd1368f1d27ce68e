"""Timeline events and the state machine that orders them (private; see propstd.timelines)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any, ClassVar

import attrs

from propstd._repr import shown
from propstd._time import check_in_range, to_utc
from propstd._validators import check_aware, nonblank
from propstd._vocab import Vocabulary
from propstd.errors import InvalidValueError, TransitionError

__all__: list[str] = []


class EventKind(Vocabulary):
    """What happened to a request; the `"type"` tag of each event class.

    Reads the English value or the Chinese word: `EventKind("回访")` is `REVISITED`.
    """

    RECEIVED = "received", "受理", "登记"
    """The request was registered (受理, 登记); always the first event."""
    RESPONDED = "responded", "响应", "答复", "回复"
    """Someone answered the customer (响应, 答复)."""
    ARRIVED = "arrived", "到场", "到达"
    """Staff arrived on site (到场)."""
    PAUSED = "paused", "暂停", "挂起"
    """The clock was stopped for a reason (waiting for parts, owner absent)."""
    RESUMED = "resumed", "恢复", "继续"
    """The clock runs again after a pause."""
    COMPLETED = "completed", "完成", "处理完毕", "完工"
    """The work was done (完成, 处理完毕)."""
    CLOSED = "closed", "关闭", "结案"
    """The request was closed (关闭, 结案)."""
    REOPENED = "reopened", "重开", "重新打开"
    """A closed request was opened again (重开)."""
    PRIORITY_CHANGED = "priority_changed", "优先级变更", "变更优先级"
    """The request's priority (category, level) changed."""
    CONTACTED = "contacted", "跟进", "联系"
    """A progress call to the customer while the request is open (跟进)."""
    REVISITED = "revisited", "回访"
    """A return visit after completion or closing (回访)."""


class TimelineState(Vocabulary):
    """The state a request is in after its latest event."""

    OPEN = "open", "处理中", "未结"
    """Received (or reopened) and not yet completed or closed; the clock runs."""
    PAUSED = "paused", "已暂停", "暂停中"
    """Open, with the clock stopped."""
    COMPLETED = "completed", "已完成"
    """The work is done; the request is not closed yet."""
    CLOSED = "closed", "已关闭", "已结案"
    """Closed."""


# -- events -------------------------------------------------------------------------------


def _at(_instance: object, _attribute: attrs.Attribute[Any], value: object) -> None:
    # years 0002-9998 only: an instant at the edge of `datetime` overflows in UTC (§14.10)
    check_in_range("at", check_aware("at", value))


@attrs.frozen(repr=False)
class Event:
    """Base class of the timeline events: something that happened at an aware instant `at`.

    Use the concrete classes ([Received][propstd.timelines.Received],
    [Paused][propstd.timelines.Paused], …) or the builder methods of
    [Timeline][propstd.timelines.Timeline]. Each class has a stable `kind` (its serialization tag).

    Raises:
        TypeError: `at` is not a `datetime`.
        NaiveDatetimeError: `at` has no UTC offset.
        InvalidValueError: `at` falls outside the years 0002-9998.
    """

    kind: ClassVar[EventKind]
    at: datetime = attrs.field(validator=_at)
    """When it happened (an aware instant)."""

    def _extra(self) -> str:
        return ""

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.at.isoformat()!r}{self._extra()})"


@attrs.frozen(repr=False)
class Received(Event):
    """The request was registered (受理)."""

    kind: ClassVar[EventKind] = EventKind.RECEIVED


@attrs.frozen(repr=False)
class Responded(Event):
    """Someone answered the customer (响应)."""

    kind: ClassVar[EventKind] = EventKind.RESPONDED


@attrs.frozen(repr=False)
class Arrived(Event):
    """Staff arrived on site (到场)."""

    kind: ClassVar[EventKind] = EventKind.ARRIVED


@attrs.frozen(repr=False)
class Paused(Event):
    """The clock stopped for a reason (`"parts"`, `"owner absent"`).

    Raises:
        InvalidValueError: `reason` is blank.
    """

    kind: ClassVar[EventKind] = EventKind.PAUSED
    reason: str = attrs.field(validator=nonblank)
    """Why the clock stopped."""

    def _extra(self) -> str:
        return f", reason={self.reason!r}"


@attrs.frozen(repr=False)
class Resumed(Event):
    """The clock runs again after a pause."""

    kind: ClassVar[EventKind] = EventKind.RESUMED


@attrs.frozen(repr=False)
class Completed(Event):
    """The work was done."""

    kind: ClassVar[EventKind] = EventKind.COMPLETED


@attrs.frozen(repr=False)
class Closed(Event):
    """The request was closed."""

    kind: ClassVar[EventKind] = EventKind.CLOSED


@attrs.frozen(repr=False)
class Reopened(Event):
    """A closed request was opened again."""

    kind: ClassVar[EventKind] = EventKind.REOPENED


@attrs.frozen(repr=False)
class PriorityChanged(Event):
    """The priority changed to `to` (a key of a milestone's `priority_limits`).

    Raises:
        InvalidValueError: `to` is blank.
    """

    kind: ClassVar[EventKind] = EventKind.PRIORITY_CHANGED
    to: str = attrs.field(validator=nonblank)
    """The new priority (`"emergency"`, `"demand"` …)."""

    def _extra(self) -> str:
        return f", to={self.to!r}"


@attrs.frozen(repr=False)
class Contacted(Event):
    """A progress call to the customer."""

    kind: ClassVar[EventKind] = EventKind.CONTACTED


def _satisfied(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, bool):
        msg = f"{attribute.name!r} must be True, False or None, got {shown(value)}"
        raise TypeError(msg)


@attrs.frozen(repr=False)
class Revisited(Event):
    """A return visit (回访); `satisfied` is the customer's verdict, `None` if not given."""

    kind: ClassVar[EventKind] = EventKind.REVISITED
    satisfied: bool | None = attrs.field(default=None, validator=_satisfied)
    """Whether the customer was satisfied (`None`: not asked or no answer)."""

    def _extra(self) -> str:
        return f", satisfied={self.satisfied!r}"


EVENT_CLASSES: tuple[type[Event], ...] = (
    Received,
    Responded,
    Arrived,
    Paused,
    Resumed,
    Completed,
    Closed,
    Reopened,
    PriorityChanged,
    Contacted,
    Revisited,
)
"""Every concrete event class, in `EventKind` order."""

# Which states each event may follow.
_ALLOWED: Mapping[EventKind, frozenset[TimelineState]] = {
    EventKind.RESPONDED: frozenset({TimelineState.OPEN, TimelineState.PAUSED}),
    EventKind.ARRIVED: frozenset({TimelineState.OPEN}),
    EventKind.PAUSED: frozenset({TimelineState.OPEN}),
    EventKind.RESUMED: frozenset({TimelineState.PAUSED}),
    EventKind.COMPLETED: frozenset({TimelineState.OPEN}),
    EventKind.CLOSED: frozenset({TimelineState.OPEN, TimelineState.COMPLETED}),
    EventKind.REOPENED: frozenset({TimelineState.CLOSED}),
    EventKind.PRIORITY_CHANGED: frozenset(
        {TimelineState.OPEN, TimelineState.PAUSED, TimelineState.COMPLETED}
    ),
    EventKind.CONTACTED: frozenset(
        {TimelineState.OPEN, TimelineState.PAUSED, TimelineState.COMPLETED}
    ),
    EventKind.REVISITED: frozenset({TimelineState.COMPLETED, TimelineState.CLOSED}),
}
_NEXT_STATE: Mapping[EventKind, TimelineState] = {
    EventKind.PAUSED: TimelineState.PAUSED,
    EventKind.RESUMED: TimelineState.OPEN,
    EventKind.COMPLETED: TimelineState.COMPLETED,
    EventKind.CLOSED: TimelineState.CLOSED,
    EventKind.REOPENED: TimelineState.OPEN,
}
# Events that happen at most once per cycle (from received or a reopen).
_ONCE_PER_CYCLE = frozenset({EventKind.RESPONDED})
# Targets a reopen undoes: they must happen again after the reopen.
_UNDONE_BY_REOPEN = frozenset({EventKind.COMPLETED, EventKind.CLOSED, EventKind.REVISITED})


def _is_event(value: object) -> bool:
    return isinstance(value, Event) and type(value) is not Event


def _replay(events: tuple[Event, ...]) -> TimelineState:
    """Check the order and the transitions; return the final state."""
    if not events:
        msg = "'events' must start with a received event, got an empty timeline"
        raise InvalidValueError(msg, field="events", value=events)
    state = TimelineState.OPEN
    done: set[EventKind] = set()
    previous: datetime | None = None
    for i, event in enumerate(events):
        if not _is_event(event):
            msg = f"events[{i}] must be a timeline event (Received, Paused, …), got {shown(event)}"
            raise TypeError(msg)
        field = f"events[{i}]"
        where = f"{field} {event.kind.value} at {event.at.isoformat()}"
        if previous is not None and to_utc(event.at) < previous:
            msg = f"{where} is earlier than the event before it ({previous.isoformat()} UTC)"
            raise TransitionError(msg, field=field, value=event)
        previous = to_utc(event.at)
        if i == 0:
            if event.kind is not EventKind.RECEIVED:
                msg = f"{where}: a timeline must start with a received event"
                raise TransitionError(msg, field=field, value=event)
            continue
        if event.kind is EventKind.RECEIVED:
            msg = f"{where}: a request is received only once (reopen it instead)"
            raise TransitionError(msg, field=field, value=event)
        if state not in _ALLOWED[event.kind]:
            msg = f"{where} is not allowed while the request is {state.value}"
            raise TransitionError(msg, field=field, value=event)
        if event.kind in done:
            msg = f"{where}: already {event.kind.value} in this cycle"
            raise TransitionError(msg, field=field, value=event)
        if event.kind in _ONCE_PER_CYCLE:
            done.add(event.kind)
        if event.kind is EventKind.REOPENED:
            done.clear()
        state = _NEXT_STATE.get(event.kind, state)
    return state


def _events(value: Iterable[Event]) -> tuple[Event, ...]:
    if isinstance(value, Event):
        msg = f"'events' must be a sequence of events, got a single event {shown(value)}"
        raise TypeError(msg)
    return tuple(value)
