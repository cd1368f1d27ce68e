"""The Timeline and the judgement of a milestone on it (private; see propstd.timelines)."""

from __future__ import annotations

from datetime import datetime, timedelta
from fractions import Fraction

import attrs

from propstd._time import ZERO, after, check_in_range, to_utc, zone
from propstd._validators import check_aware, check_type
from propstd._vocab import to_member
from propstd.calendars import WorkingCalendar
from propstd.errors import InvalidValueError
from propstd.timelimits import Clock, TimeLimit, deadline
from propstd.timelines._events import (
    _UNDONE_BY_REOPEN,
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
    _events,
    _replay,
)
from propstd.timelines._milestones import (
    Milestone,
    MilestoneStatus,
    PauseSegment,
    PriorityChangePolicy,
    ReopenPolicy,
    time_between,
)

__all__: list[str] = []


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
        wanted = to_member("kind", EventKind, kind)
        return next((e for e in self.events if e.kind is wanted), None)

    def last(self, kind: EventKind | str) -> Event | None:
        """The last event of *kind*, or `None`."""
        wanted = to_member("kind", EventKind, kind)
        return next((e for e in reversed(self.events) if e.kind is wanted), None)

    def until(self, as_of: datetime) -> Timeline | None:
        """The events at or before *as_of* (`None` if the request was not received by then)."""
        cut = to_utc(_instant("as_of", as_of))
        kept = tuple(e for e in self.events if to_utc(e.at) <= cut)
        return Timeline(kept) if kept else None

    def state_at(self, as_of: datetime) -> TimelineState | None:
        """The state as of *as_of* (`None` before receipt)."""
        seen = self.until(as_of)
        return None if seen is None else seen.state

    def status(
        self,
        milestone: Milestone,
        *,
        calendar: WorkingCalendar,
        as_of: datetime,
        start_at: datetime | None = None,
    ) -> MilestoneStatus:
        """Judge *milestone* on this timeline as of *as_of* (events after it are ignored).

        The clock starts at the `start` event (for `received` under a restart policy: the last
        reopen); the target is the first `target` event after it (for completion-like targets
        only one after the last reopen counts). Working-clock limits use *calendar*; natural
        calendar-day limits end at midnight in the calendar's zone.

        *start_at* (e.g. a repair's appointment) holds the clock until that instant: it starts
        at *start_at* instead of at the `start` event, unless that event is later (the event
        must still have happened for the milestone to apply). So it replaces the initial start
        of a `received` clock, while a clock restarted by a reopen (a restart policy, or a start
        event undone by the reopen) still restarts at the reopen, if that is after *start_at*.
        Before *start_at* the milestone is not applicable. A target done before *start_at* is
        done at its real instant and met (its spare time counted from *start_at*). A pause (or
        closed time) counts only for its part after *start_at*, and a priority change before
        it sets the limit in force at *start_at*, whatever the priority-change policy.

        Raises:
            TypeError: wrong argument types.
            NaiveDatetimeError: *as_of* or *start_at* is naive.
            InvalidValueError: *start_at* is before the request was received, an instant is
                outside the years 0002-9998, or pauses push the deadline past them.
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
        _instant("as_of", as_of)
        if start_at is not None:
            _instant("start_at", start_at)
            if to_utc(start_at) < to_utc(self.received_at):
                msg = (
                    f"'start_at' {start_at.isoformat()!r} must not be before the request was "
                    f"received ({self.received_at.isoformat()!r})"
                )
                raise InvalidValueError(msg, field="start_at", value=start_at)
        return _Judge(self, milestone, calendar, as_of, start_at).run()


def _instant(name: str, value: object) -> datetime:
    # an aware instant within the years 0002-9998 (§14.10): no OverflowError in UTC
    instant = check_aware(name, value)
    check_in_range(name, instant)
    return instant


# -- the judgement ------------------------------------------------------------------------


def _micros(d: timedelta) -> int:
    return (d.days * 86_400 + d.seconds) * 1_000_000 + d.microseconds


class _Judge:
    """One evaluation of a milestone on a timeline (private, short-lived)."""

    def __init__(
        self,
        timeline: Timeline,
        milestone: Milestone,
        calendar: WorkingCalendar,
        as_of: datetime,
        start_at: datetime | None,
    ) -> None:
        self.milestone = milestone
        self.calendar = calendar
        self.as_of = as_of
        self.start_at = start_at
        self.tz = zone(calendar.zone)
        cut = to_utc(as_of)
        self.events = [e for e in timeline.events if to_utc(e.at) <= cut]

    # clock arithmetic in a limit's clock
    def measure(self, limit: TimeLimit, a: datetime, b: datetime) -> timedelta:
        return time_between(a, b, clock=limit.clock, calendar=self.calendar)

    def extend(self, limit: TimeLimit, t: datetime, d: timedelta) -> datetime:
        if limit.clock == Clock.WORKING:
            return self.calendar.add_working_time(t, d)
        moved = after("milestone", t, d, self.tz)
        if moved is None:
            msg = (
                f"the deadline of milestone {self.milestone.label!r}, {t.isoformat()!r} moved "
                f"by {d} of pauses, is after the year 9998"
            )
            raise InvalidValueError(msg, field="milestone", value=self.milestone)
        return moved

    def due(self, start: datetime, limit: TimeLimit) -> datetime:
        return deadline(start, limit, calendar=self.calendar)

    def _first(self, kind: EventKind, lo: int) -> int | None:
        return next((i for i in range(lo, len(self.events)) if self.events[i].kind is kind), None)

    def run(self) -> MilestoneStatus:
        m = self.milestone
        events = self.events
        if not events:
            return MilestoneStatus.not_applicable(m, limit=m.limit, as_of=self.as_of)
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
            return MilestoneStatus.not_applicable(m, limit=limit, as_of=self.as_of)
        start = events[s_idx].at
        lo = max(s_idx + 1, cycle) if m.target in _UNDONE_BY_REOPEN else s_idx + 1
        d_idx = self._first(m.target, lo)
        end_idx = len(events) if d_idx is None else d_idx
        end = self.as_of if d_idx is None else events[d_idx].at
        window = events[s_idx + 1 : end_idx]
        stop: tuple[datetime, str] | None = None
        if self.start_at is not None:
            start = max(start, self.start_at, key=to_utc)
            if to_utc(self.as_of) < to_utc(start):
                return MilestoneStatus.not_applicable(m, limit=limit, as_of=self.as_of)
            # what happened before the clock started: the limit in force and any pause open
            cut = to_utc(start)
            for e in (e for e in window if to_utc(e.at) < cut):
                if isinstance(e, PriorityChanged):
                    limit = m.limit_for(e.to) or limit
                elif self._opens(e):
                    stop = (start, e.reason if isinstance(e, Paused) else "closed")
                elif e.kind in (EventKind.RESUMED, EventKind.REOPENED):
                    stop = None
            window = [e for e in window if to_utc(e.at) >= cut]
            end = max(end, start, key=to_utc)
        return self._simulate(start, limit, window, end, d_idx, stop)

    def _opens(self, e: Event) -> bool:
        """Whether *e* stops the milestone's clock."""
        m = self.milestone
        return (m.pausable and e.kind is EventKind.PAUSED) or (
            e.kind is EventKind.CLOSED and m.reopen is ReopenPolicy.CONTINUE_CLOCK
        )

    def _simulate(
        self,
        start: datetime,
        limit: TimeLimit,
        window: list[Event],
        end: datetime,
        d_idx: int | None,
        stop: tuple[datetime, str] | None,
    ) -> MilestoneStatus:
        m = self.milestone
        due = self.due(start, limit)
        total = self.measure(limit, start, due)
        segments: list[PauseSegment] = []

        def close(at: datetime) -> None:
            nonlocal due, stop
            assert stop is not None
            a, reason = stop
            amount = self.measure(limit, a, at)
            due = self.extend(limit, due, amount)
            segments.append(PauseSegment(start=a, end=at, reason=reason, counted=amount))
            stop = None

        for e in window:
            if self._opens(e):
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
        return MilestoneStatus.from_deadline(
            self.milestone,
            limit=limit,
            start_at=start,
            due_at=due,
            done_at=None if d_idx is None else self.events[d_idx].at,
            as_of=self.as_of,
            calendar=self.calendar,
            pauses=segments,
        )


_CYCLE_STARTS = frozenset({EventKind.RECEIVED, EventKind.REOPENED})
