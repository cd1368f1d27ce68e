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

import enum
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from fractions import Fraction
from typing import Any, ClassVar

import attrs

from propstd._time import ZERO, to_utc, zone
from propstd._validators import check_aware, check_nonblank, check_type, is_str
from propstd.calendars import WorkingCalendar
from propstd.errors import InvalidValueError, TransitionError
from propstd.timelimits import Clock, TimeLimit, deadline

__all__ = [
    "Arrived",
    "Closed",
    "Completed",
    "Contacted",
    "Event",
    "EventKind",
    "Milestone",
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
]


def __dir__() -> list[str]:
    return __all__


# -- vocabularies -------------------------------------------------------------------------


class EventKind(enum.StrEnum):
    """What happened to a request; the `"type"` tag of each event class."""

    RECEIVED = "received"
    """The request was registered (受理); always the first event."""
    RESPONDED = "responded"
    """Someone answered the customer (响应/答复)."""
    ARRIVED = "arrived"
    """Staff arrived on site (到场)."""
    PAUSED = "paused"
    """The clock was stopped for a reason (waiting for parts, owner absent)."""
    RESUMED = "resumed"
    """The clock runs again after a pause."""
    COMPLETED = "completed"
    """The work was done (处理完毕)."""
    CLOSED = "closed"
    """The request was closed (结案)."""
    REOPENED = "reopened"
    """A closed request was opened again."""
    PRIORITY_CHANGED = "priority_changed"
    """The request's priority (category, level) changed."""
    CONTACTED = "contacted"
    """A progress call to the customer while the request is open (跟进)."""
    REVISITED = "revisited"
    """A return visit after completion or closing (回访)."""


class TimelineState(enum.StrEnum):
    """The state a request is in after its latest event."""

    OPEN = "open"
    """Received (or reopened) and not yet completed or closed; the clock runs."""
    PAUSED = "paused"
    """Open, with the clock stopped."""
    COMPLETED = "completed"
    """The work is done; the request is not closed yet."""
    CLOSED = "closed"
    """Closed."""


class MilestoneState(enum.StrEnum):
    """How a milestone stands as of an instant."""

    PENDING = "pending"
    """Not done yet, and the deadline has not passed (`as_of <= due_at`)."""
    MET = "met"
    """Done at or before the deadline."""
    BREACHED = "breached"
    """Done after the deadline, or not done and `as_of > due_at`."""
    NOT_APPLICABLE = "not_applicable"
    """The event the limit counts from has not happened (yet)."""


class ReopenPolicy(enum.StrEnum):
    """What a milestone's clock does when a closed request is reopened.

    Only completion-like targets (`completed`, `closed`, `revisited`) are undone by a reopen:
    they must happen again after it. A response or an arrival before the reopen stays done.
    """

    CONTINUE_CLOCK = "continue_clock"
    """One clock from the original start; the time while closed counts as paused (always, even
    for a milestone that is not otherwise pausable), so the original deadline applies,
    extended by the closed time."""
    RESTART = "restart"
    """A new clock from the reopen instant: the milestone is judged on the last cycle only."""


class PriorityChangePolicy(enum.StrEnum):
    """How a priority change moves a milestone's deadline (the new limit comes from the
    milestone's `priority_limits`; a priority missing there leaves the milestone alone)."""

    RETROACTIVE = "retroactive"
    """The new limit applies from the original start, as if the priority had always been the
    new one (pauses so far are measured again in the new limit's clock)."""
    FROM_CHANGE = "from_change"
    """The new limit runs in full from the change instant."""
    PROPORTIONAL = "proportional"
    """The fraction of the old limit still remaining at the change applies to the new limit,
    from the change instant (to the nearest microsecond)."""


# -- events -------------------------------------------------------------------------------


def _at(value: object) -> datetime:
    return check_aware("at", value)


@attrs.frozen(repr=False)
class Event:
    """Base class of the timeline events: something that happened at an aware instant `at`.

    Use the concrete classes ([Received][propstd.timelines.Received],
    [Paused][propstd.timelines.Paused], …) or the builder methods of
    [Timeline][propstd.timelines.Timeline]. Each class has a stable `kind` (its serialization tag).

    Raises:
        TypeError: `at` is not a `datetime`.
        NaiveDatetimeError: `at` has no UTC offset.
    """

    kind: ClassVar[EventKind]
    at: datetime = attrs.field(validator=lambda _i, _a, v: _at(v))
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


def _reason(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    check_nonblank(attribute.name, value)


@attrs.frozen(repr=False)
class Paused(Event):
    """The clock stopped for a reason (`"parts"`, `"owner absent"`).

    Raises:
        InvalidValueError: `reason` is blank.
    """

    kind: ClassVar[EventKind] = EventKind.PAUSED
    reason: str = attrs.field(validator=_reason)
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
    to: str = attrs.field(validator=_reason)
    """The new priority (`"emergency"`, `"demand"` …)."""

    def _extra(self) -> str:
        return f", to={self.to!r}"


@attrs.frozen(repr=False)
class Contacted(Event):
    """A progress call to the customer."""

    kind: ClassVar[EventKind] = EventKind.CONTACTED


def _satisfied(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, bool):
        msg = f"{attribute.name!r} must be True, False or None, got {value!r}"
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
        raise InvalidValueError(msg)
    state = TimelineState.OPEN
    done: set[EventKind] = set()
    previous: datetime | None = None
    for i, event in enumerate(events):
        if not _is_event(event):
            msg = f"events[{i}] must be a timeline event (Received, Paused, …), got {event!r}"
            raise TypeError(msg)
        where = f"events[{i}] {event.kind.value} at {event.at.isoformat()}"
        if previous is not None and to_utc(event.at) < previous:
            msg = f"{where} is earlier than the event before it ({previous.isoformat()} UTC)"
            raise TransitionError(msg)
        previous = to_utc(event.at)
        if i == 0:
            if event.kind is not EventKind.RECEIVED:
                msg = f"{where}: a timeline must start with a received event"
                raise TransitionError(msg)
            continue
        if event.kind is EventKind.RECEIVED:
            msg = f"{where}: a request is received only once (reopen it instead)"
            raise TransitionError(msg)
        if state not in _ALLOWED[event.kind]:
            msg = f"{where} is not allowed while the request is {state.value}"
            raise TransitionError(msg)
        if event.kind in done:
            msg = f"{where}: already {event.kind.value} in this cycle"
            raise TransitionError(msg)
        if event.kind in _ONCE_PER_CYCLE:
            done.add(event.kind)
        if event.kind is EventKind.REOPENED:
            done.clear()
        state = _NEXT_STATE.get(event.kind, state)
    return state


def _events(value: Iterable[Event]) -> tuple[Event, ...]:
    if isinstance(value, Event):
        msg = f"'events' must be a sequence of events, got a single event {value!r}"
        raise TypeError(msg)
    return tuple(value)


# -- milestones ---------------------------------------------------------------------------


def _limit(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    check_type(attribute.name, value, TimeLimit)


def _priority_limits(value: object) -> tuple[tuple[str, TimeLimit], ...]:
    if isinstance(value, Mapping):
        items: Iterable[Any] = value.items()
    elif isinstance(value, Iterable) and not isinstance(value, str):
        items = value
    else:
        msg = f"'priority_limits' must be a mapping or a sequence of pairs, got {value!r}"
        raise TypeError(msg)
    out: list[tuple[str, TimeLimit]] = []
    seen: set[str] = set()
    for item in items:
        pair = tuple(item) if isinstance(item, tuple | list) else (item,)
        if len(pair) != 2:
            msg = f"'priority_limits' entries must be (priority, TimeLimit) pairs, got {item!r}"
            raise TypeError(msg)
        key = check_nonblank("priority_limits key", pair[0])
        limit = check_type(f"priority_limits[{key!r}]", pair[1], TimeLimit)
        if key in seen:
            msg = f"'priority_limits' names the priority {key!r} twice"
            raise InvalidValueError(msg)
        seen.add(key)
        out.append((key, limit))
    return tuple(out)


def _pausable(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    check_type(attribute.name, value, bool)


@attrs.frozen(repr=False)
class Milestone:
    """A time limit on one event of a request: `target` within `limit` of `start`.

    `pausable` milestones are extended by the paused time (in the limit's clock); the two
    policies say what a reopen and a priority change do (see the module docs and the
    explanation "Clocks, pauses and reopening"). `priority_limits` maps a priority (the `to` of
    a [PriorityChanged][propstd.timelines.PriorityChanged] event) to the limit that applies
    under it; a priority missing there leaves the limit unchanged.

    Raises:
        TypeError: `limit` is not a `TimeLimit`, `pausable` is not a bool, a priority limit is
            not a `(str, TimeLimit)` pair.
        InvalidValueError: `target` or `start` names no event kind, `target` is `received`,
            `target` equals `start`, or a priority is blank or repeated.

    Examples:
        >>> from propstd.timelimits import TimeLimit
        >>> Milestone("responded", TimeLimit.hours(24))
        Milestone('responded', TimeLimit(24, 'hour', 'natural'))
        >>> Milestone("completed", TimeLimit.working_days(2), start="arrived", pausable=True)
        Milestone('completed', TimeLimit(2, 'day', 'working'), start='arrived', pausable=True)
        >>> Milestone("revisited", TimeLimit.working_days(3), start="closed").label
        'revisited'
    """

    target: EventKind = attrs.field(converter=EventKind, repr=lambda v: repr(v.value))
    """The event that must happen."""
    limit: TimeLimit = attrs.field(validator=_limit)
    """How long after `start` it may happen (inclusive)."""
    start: EventKind = attrs.field(
        default=EventKind.RECEIVED, converter=EventKind, kw_only=True, repr=lambda v: repr(v.value)
    )
    """The event the limit counts from (`received` unless said otherwise)."""
    pausable: bool = attrs.field(default=False, kw_only=True, validator=_pausable)
    """Whether pauses extend the deadline."""
    reopen: ReopenPolicy = attrs.field(
        default=ReopenPolicy.CONTINUE_CLOCK,
        converter=ReopenPolicy,
        kw_only=True,
        repr=lambda v: repr(v.value),
    )
    """What a reopen does to the clock."""
    priority_change: PriorityChangePolicy = attrs.field(
        default=PriorityChangePolicy.FROM_CHANGE,
        converter=PriorityChangePolicy,
        kw_only=True,
        repr=lambda v: repr(v.value),
    )
    """What a priority change does to the deadline."""
    priority_limits: tuple[tuple[str, TimeLimit], ...] = attrs.field(
        default=(), converter=_priority_limits, kw_only=True
    )
    """The limit under each priority, as `(priority, limit)` pairs (a mapping is accepted)."""
    name: str = attrs.field(default="", kw_only=True, validator=is_str)
    """A label for reports (`"response"`, `"same-day reply"`); the target's name if empty."""

    def __attrs_post_init__(self) -> None:
        if self.target is EventKind.RECEIVED:
            msg = "'target' must be an event after receipt, got 'received'"
            raise InvalidValueError(msg)
        if self.target is self.start:
            msg = f"'target' and 'start' must differ, got {self.target.value!r} for both"
            raise InvalidValueError(msg)

    def __repr__(self) -> str:
        parts = [repr(self.target.value), repr(self.limit)]
        for field in attrs.fields(Milestone)[2:]:
            value = getattr(self, field.name)
            if value != field.default:
                shown = value.value if isinstance(value, enum.Enum) else value
                parts.append(f"{field.name}={shown!r}")
        return f"Milestone({', '.join(parts)})"

    @property
    def label(self) -> str:
        """`name`, or the target's name if `name` is empty."""
        return self.name or self.target.value

    def limit_for(self, priority: str) -> TimeLimit | None:
        """The limit under *priority*, or `None` if the milestone does not name it."""
        for key, limit in self.priority_limits:
            if key == priority:
                return limit
        return None


@attrs.frozen(kw_only=True)
class PauseSegment:
    """A stretch of time a milestone's clock stood still, `[start, end)`.

    `reason` is the pause's reason, or `"closed"` for the time a request spent closed before a
    reopen (under [ReopenPolicy.CONTINUE_CLOCK][propstd.timelines.ReopenPolicy]). A pause still
    running ends at the `as_of` instant of the status.
    """

    start: datetime = attrs.field(validator=lambda _i, a, v: check_aware(a.name, v))
    """When the clock stopped."""
    end: datetime = attrs.field(validator=lambda _i, a, v: check_aware(a.name, v))
    """When it ran again (or the status' `as_of`, or the target instant, if it had not)."""
    reason: str = attrs.field(validator=_reason)
    """Why."""
    counted: timedelta
    """How much it moved the deadline, in the milestone's clock (working time for a working
    clock)."""


@attrs.frozen(kw_only=True)
class MilestoneStatus:
    """Where one milestone of one request stands as of an instant.

    `remaining` (time left, or the margin by which a met milestone was early) and `overrun`
    (how late) are measured in the clock of `limit` (working time for a working clock); at most
    one of them is non-zero. `due_at` is in the calendar's zone; `None` only when the state is
    `not_applicable`.
    """

    milestone: Milestone
    """The milestone judged."""
    state: MilestoneState = attrs.field(repr=lambda v: repr(v.value))
    """Pending, met, breached or not applicable."""
    as_of: datetime
    """The instant of the judgement."""
    limit: TimeLimit
    """The limit in force (after any priority change)."""
    start_at: datetime | None = None
    """When the clock started."""
    due_at: datetime | None = None
    """The deadline, pauses included (inclusive)."""
    done_at: datetime | None = None
    """When the target happened (the first time that counts)."""
    remaining: timedelta = ZERO
    """Time left (pending) or spare (met), in the limit's clock."""
    overrun: timedelta = ZERO
    """How far past the deadline (breached), in the limit's clock."""
    paused: timedelta = ZERO
    """Total paused time counted, in the clock(s) the pauses were measured in."""
    pauses: tuple[PauseSegment, ...] = ()
    """The pause segments counted, in order."""

    @property
    def is_done(self) -> bool:
        """Whether the target has happened."""
        return self.done_at is not None

    @property
    def is_open(self) -> bool:
        """Whether the milestone still waits for its target (pending, or breached and not
        done)."""
        return self.state is not MilestoneState.NOT_APPLICABLE and self.done_at is None

    def __str__(self) -> str:
        label = self.milestone.label
        if self.state is MilestoneState.NOT_APPLICABLE:
            return f"{label}: not applicable"
        assert self.due_at is not None
        due = self.due_at.strftime("%Y-%m-%d %H:%M")
        text = f"{label} ({self.limit}): {self.state.value}, due {due}"
        if self.state is MilestoneState.BREACHED:
            text += f", overrun {_fmt(self.overrun)}"
        elif self.state is MilestoneState.PENDING:
            text += f", {_fmt(self.remaining)} left"
        return text


def _fmt(d: timedelta) -> str:
    minutes = d // timedelta(minutes=1)
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days:
        return f"{days}d {hours}h {mins:02d}m"
    return f"{hours}h {mins:02d}m"


# -- the timeline -------------------------------------------------------------------------


@attrs.frozen(repr=False)
class Timeline:
    """The ordered events of one request (a complaint, a repair order).

    Build it from a tuple of events, or fluently: `Timeline.start(t).responded(t1).paused(t2,
    "parts")…`, each step returning a new timeline. The first event is `received`; events are
    in non-decreasing time order (compared as instants); each is legal for the state the
    request is in:

    | event | allowed when the request is | leaves it |
    |---|---|---|
    | responded (once per cycle) | open, paused | as it was |
    | arrived | open | open |
    | paused(reason) | open | paused |
    | resumed | paused | open |
    | completed | open | completed |
    | closed | open, completed | closed |
    | reopened | closed | open (a new cycle) |
    | priority_changed(to), contacted | open, paused, completed | as it was |
    | revisited(satisfied) | completed, closed | as it was |

    Raises:
        TypeError: an item is not an event.
        InvalidValueError: the timeline is empty.
        TransitionError: an event is out of order or illegal for the state; the message names
            the event, its index and its instant.

    Examples:
        >>> from datetime import datetime, timezone
        >>> t = Timeline.start(datetime(2025, 3, 3, 9, 0, tzinfo=timezone.utc))
        >>> t = t.responded(datetime(2025, 3, 3, 9, 30, tzinfo=timezone.utc))
        >>> t.state, len(t)
        (<TimelineState.OPEN: 'open'>, 2)
        >>> t.resumed(datetime(2025, 3, 3, 10, 0, tzinfo=timezone.utc))  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        propstd.errors.TransitionError: events[2] resumed ... not allowed while the request is open
    """

    events: tuple[Event, ...] = attrs.field(converter=_events)
    """The events in order; the first is `received`."""
    _state: TimelineState = attrs.field(init=False, eq=False, repr=False, hash=False)

    def __attrs_post_init__(self) -> None:
        # cache the replayed state (frozen class: documented attrs way)
        object.__setattr__(self, "_state", _replay(self.events))

    # -- building -------------------------------------------------------------------------

    @classmethod
    def start(cls, received_at: datetime) -> Timeline:
        """A timeline with one event: received at *received_at*."""
        return cls((Received(received_at),))

    @classmethod
    def of(cls, *events: Event) -> Timeline:
        """A timeline from events given as arguments."""
        return cls(events)

    def then(self, event: Event) -> Timeline:
        """A new timeline with *event* appended (checked like every other event)."""
        return Timeline((*self.events, event))

    def responded(self, at: datetime) -> Timeline:
        """Append `responded` at *at*."""
        return self.then(Responded(at))

    def arrived(self, at: datetime) -> Timeline:
        """Append `arrived` (on site) at *at*."""
        return self.then(Arrived(at))

    def paused(self, at: datetime, reason: str) -> Timeline:
        """Append `paused` at *at* for *reason*."""
        return self.then(Paused(at, reason))

    def resumed(self, at: datetime) -> Timeline:
        """Append `resumed` at *at*."""
        return self.then(Resumed(at))

    def completed(self, at: datetime) -> Timeline:
        """Append `completed` at *at*."""
        return self.then(Completed(at))

    def closed(self, at: datetime) -> Timeline:
        """Append `closed` at *at*."""
        return self.then(Closed(at))

    def reopened(self, at: datetime) -> Timeline:
        """Append `reopened` at *at*."""
        return self.then(Reopened(at))

    def priority_changed(self, at: datetime, to: str) -> Timeline:
        """Append `priority_changed` to *to* at *at*."""
        return self.then(PriorityChanged(at, to))

    def contacted(self, at: datetime) -> Timeline:
        """Append `contacted` (a progress call) at *at*."""
        return self.then(Contacted(at))

    def revisited(self, at: datetime, *, satisfied: bool | None = None) -> Timeline:
        """Append `revisited` at *at* with the customer's verdict *satisfied*."""
        return self.then(Revisited(at, satisfied))

    # -- questions about one timeline -----------------------------------------------------

    def __len__(self) -> int:
        return len(self.events)

    def __repr__(self) -> str:
        return f"Timeline({', '.join(repr(e) for e in self.events)})"

    @property
    def received_at(self) -> datetime:
        """When the request was received."""
        return self.events[0].at

    @property
    def state(self) -> TimelineState:
        """The state after the last event."""
        return self._state

    @property
    def is_closed(self) -> bool:
        """Whether the request is closed now (after its last event)."""
        return self._state is TimelineState.CLOSED

    @property
    def reopen_count(self) -> int:
        """How many times the request was reopened."""
        return sum(1 for e in self.events if e.kind is EventKind.REOPENED)

    def first(self, kind: EventKind | str) -> Event | None:
        """The first event of *kind*, or `None`."""
        wanted = EventKind(kind)
        return next((e for e in self.events if e.kind is wanted), None)

    def last(self, kind: EventKind | str) -> Event | None:
        """The last event of *kind*, or `None`."""
        wanted = EventKind(kind)
        return next((e for e in reversed(self.events) if e.kind is wanted), None)

    def until(self, as_of: datetime) -> Timeline | None:
        """The events at or before *as_of* (`None` if the request was not received by then)."""
        cut = to_utc(check_aware("as_of", as_of))
        kept = tuple(e for e in self.events if to_utc(e.at) <= cut)
        return Timeline(kept) if kept else None

    def state_at(self, as_of: datetime) -> TimelineState | None:
        """The state as of *as_of* (`None` before receipt)."""
        seen = self.until(as_of)
        return None if seen is None else seen.state

    def status(
        self, milestone: Milestone, *, calendar: WorkingCalendar, as_of: datetime
    ) -> MilestoneStatus:
        """Judge *milestone* on this timeline as of *as_of* (events after it are ignored).

        The clock starts at the `start` event (for `received` under a restart policy: the last
        reopen); the target is the first `target` event after it (for completion-like targets
        only one after the last reopen counts). Working-clock limits use *calendar*; natural
        calendar-day limits end at midnight in the calendar's zone.

        Raises:
            TypeError: wrong argument types.
            NaiveDatetimeError: *as_of* is naive.
            CalendarCoverageError: the calendar has no data for an instant involved.

        Examples:
            >>> from datetime import datetime, timezone
            >>> from propstd.calendars import ALWAYS_OPEN
            >>> from propstd.timelimits import TimeLimit
            >>> t0 = datetime(2025, 3, 3, 9, 0, tzinfo=timezone.utc)
            >>> t = Timeline.start(t0).responded(datetime(2025, 3, 4, 9, 0, tzinfo=timezone.utc))
            >>> s = t.status(Milestone("responded", TimeLimit.hours(24)), calendar=ALWAYS_OPEN,
            ...              as_of=datetime(2025, 3, 5, tzinfo=timezone.utc))
            >>> s.state  # exactly at the limit is met
            <MilestoneState.MET: 'met'>
        """
        check_type("milestone", milestone, Milestone)
        check_type("calendar", calendar, WorkingCalendar)
        check_aware("as_of", as_of)
        return _Judge(self, milestone, calendar, as_of).run()


# -- the judgement ------------------------------------------------------------------------


def _micros(d: timedelta) -> int:
    return (d.days * 86_400 + d.seconds) * 1_000_000 + d.microseconds


class _Judge:
    """One evaluation of a milestone on a timeline (private, short-lived)."""

    def __init__(
        self, timeline: Timeline, milestone: Milestone, calendar: WorkingCalendar, as_of: datetime
    ) -> None:
        self.milestone = milestone
        self.calendar = calendar
        self.as_of = as_of
        self.tz = zone(calendar.zone)
        cut = to_utc(as_of)
        self.events = [e for e in timeline.events if to_utc(e.at) <= cut]

    # clock arithmetic in a limit's clock
    def measure(self, limit: TimeLimit, a: datetime, b: datetime) -> timedelta:
        if limit.clock == Clock.WORKING:
            return self.calendar.working_time_between(a, b)
        return to_utc(b) - to_utc(a)

    def extend(self, limit: TimeLimit, t: datetime, d: timedelta) -> datetime:
        if limit.clock == Clock.WORKING:
            return self.calendar.add_working_time(t, d)
        return (to_utc(t) + d).astimezone(self.tz)

    def due(self, start: datetime, limit: TimeLimit) -> datetime:
        return deadline(start, limit, calendar=self.calendar)

    def _first(self, kind: EventKind, lo: int) -> int | None:
        return next((i for i in range(lo, len(self.events)) if self.events[i].kind is kind), None)

    def run(self) -> MilestoneStatus:
        m = self.milestone
        events = self.events
        if not events:
            return MilestoneStatus(
                milestone=m, state=MilestoneState.NOT_APPLICABLE, as_of=self.as_of, limit=m.limit
            )
        cycle = max(i for i, e in enumerate(events) if e.kind in _CYCLE_STARTS)
        restart = m.reopen is ReopenPolicy.RESTART
        if m.start is EventKind.RECEIVED:
            s_idx: int | None = cycle if restart else 0
        elif restart or m.start in _UNDONE_BY_REOPEN:
            s_idx = self._first(m.start, cycle)
        else:
            s_idx = self._first(m.start, 0)
        # the limit in force at the start: the last priority change before it
        limit = m.limit
        for e in events[: s_idx if s_idx is not None else len(events)]:
            if isinstance(e, PriorityChanged):
                limit = m.limit_for(e.to) or limit
        if s_idx is None:
            return MilestoneStatus(
                milestone=m, state=MilestoneState.NOT_APPLICABLE, as_of=self.as_of, limit=limit
            )
        start = events[s_idx].at
        lo = max(s_idx + 1, cycle) if m.target in _UNDONE_BY_REOPEN else s_idx + 1
        d_idx = self._first(m.target, lo)
        end_idx = len(events) if d_idx is None else d_idx
        end = self.as_of if d_idx is None else events[d_idx].at
        return self._simulate(start, limit, events[s_idx + 1 : end_idx], end, d_idx)

    def _simulate(
        self,
        start: datetime,
        limit: TimeLimit,
        window: list[Event],
        end: datetime,
        d_idx: int | None,
    ) -> MilestoneStatus:
        m = self.milestone
        due = self.due(start, limit)
        total = self.measure(limit, start, due)
        segments: list[PauseSegment] = []
        stop: tuple[datetime, str] | None = None

        def close(at: datetime) -> None:
            nonlocal due, stop
            assert stop is not None
            a, reason = stop
            amount = self.measure(limit, a, at)
            due = self.extend(limit, due, amount)
            segments.append(PauseSegment(start=a, end=at, reason=reason, counted=amount))
            stop = None

        for e in window:
            opens = (m.pausable and e.kind is EventKind.PAUSED) or (
                e.kind is EventKind.CLOSED and m.reopen is ReopenPolicy.CONTINUE_CLOCK
            )
            if opens:
                if to_utc(e.at) > to_utc(due):
                    break  # the deadline had passed: later pauses do not undo the breach
                stop = (e.at, e.reason if isinstance(e, Paused) else "closed")
            elif stop is not None and e.kind in (EventKind.RESUMED, EventKind.REOPENED):
                close(e.at)
            elif isinstance(e, PriorityChanged) and (new := m.limit_for(e.to)) is not None:
                held = stop
                if held is not None:
                    close(e.at)
                elif to_utc(e.at) > to_utc(due):
                    break
                due, total = self._change(e.at, start, limit, new, due, total, segments)
                limit = new
                if held is not None:
                    stop = (e.at, held[1])
        if stop is not None:
            close(end)
        return self._verdict(start, limit, due, segments, d_idx)

    def _change(
        self,
        at: datetime,
        start: datetime,
        old: TimeLimit,
        new: TimeLimit,
        due: datetime,
        total: timedelta,
        segments: list[PauseSegment],
    ) -> tuple[datetime, timedelta]:
        policy = self.milestone.priority_change
        if policy is PriorityChangePolicy.RETROACTIVE:
            base = self.due(start, new)
            moved = base
            for i, seg in enumerate(segments):
                amount = self.measure(new, seg.start, seg.end)
                moved = self.extend(new, moved, amount)
                segments[i] = attrs.evolve(seg, counted=amount)
            return moved, self.measure(new, start, base)
        full = self.due(at, new)
        new_total = self.measure(new, at, full)
        if policy is PriorityChangePolicy.FROM_CHANGE:
            return full, new_total
        remaining = max(ZERO, self.measure(old, at, due))
        share = Fraction(_micros(remaining), _micros(total)) if total else Fraction(0)
        granted = timedelta(microseconds=round(share * _micros(new_total)))
        return self.extend(new, at, granted), new_total

    def _verdict(
        self,
        start: datetime,
        limit: TimeLimit,
        due: datetime,
        segments: list[PauseSegment],
        d_idx: int | None,
    ) -> MilestoneStatus:
        due = due.astimezone(self.tz)
        done = None if d_idx is None else self.events[d_idx].at
        when = self.as_of if done is None else done
        if to_utc(when) <= to_utc(due):
            state = MilestoneState.PENDING if done is None else MilestoneState.MET
            remaining, overrun = self.measure(limit, when, due), ZERO
        else:
            state = MilestoneState.BREACHED
            remaining, overrun = ZERO, self.measure(limit, due, when)
        return MilestoneStatus(
            milestone=self.milestone,
            state=state,
            as_of=self.as_of,
            limit=limit,
            start_at=start,
            due_at=due,
            done_at=done,
            remaining=remaining,
            overrun=overrun,
            paused=sum((s.counted for s in segments), ZERO),
            pauses=tuple(segments),
        )


_CYCLE_STARTS = frozenset({EventKind.RECEIVED, EventKind.REOPENED})
