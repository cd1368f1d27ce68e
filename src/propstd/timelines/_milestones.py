"""Milestones, their policies and their status (private; see propstd.timelines)."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from typing import Any, ClassVar

import attrs

from propstd._repr import shown
from propstd._time import ZERO, to_utc, zone
from propstd._validators import check_aware, check_nonblank, check_type, is_str, nonblank
from propstd._vocab import Vocabulary, to_member
from propstd.calendars import WorkingCalendar
from propstd.errors import InvalidValueError
from propstd.timelimits import Clock, TimeLimit
from propstd.timelines._events import EventKind

__all__: list[str] = []


class MilestoneState(Vocabulary):
    """How a milestone stands as of an instant."""

    PENDING = "pending", "未到期"
    """Not done yet, and the deadline has not passed (`as_of <= due_at`)."""
    MET = "met", "按时", "达标"
    """Done at or before the deadline."""
    BREACHED = "breached", "超时"
    """Done after the deadline, or not done and `as_of > due_at`."""
    NOT_APPLICABLE = "not_applicable", "不适用"
    """The event the limit counts from has not happened (yet)."""


class ReopenPolicy(Vocabulary):
    """What a milestone's clock does when a closed request is reopened.

    Only completion-like targets (`completed`, `closed`, `revisited`) are undone by a reopen:
    they must happen again after it. A response or an arrival before the reopen stays done.
    """

    CONTINUE_CLOCK = "continue_clock", "连续计时"
    """One clock from the original start; the time while closed counts as paused (always, even
    for a milestone that is not otherwise pausable), so the original deadline applies,
    extended by the closed time."""
    RESTART = "restart", "重新计时"
    """A new clock from the reopen instant: the milestone is judged on the last cycle only."""


class PriorityChangePolicy(Vocabulary):
    """How a priority change moves a milestone's deadline (the new limit comes from the
    milestone's `priority_limits`; a priority missing there leaves the milestone alone)."""

    RETROACTIVE = "retroactive", "追溯"
    """The new limit applies from the original start, as if the priority had always been the
    new one (pauses so far are measured again in the new limit's clock)."""
    FROM_CHANGE = "from_change", "自变更起"
    """The new limit runs in full from the change instant."""
    PROPORTIONAL = "proportional", "按比例"
    """The fraction of the old limit still remaining at the change applies to the new limit,
    from the change instant (to the nearest microsecond)."""


# -- milestones ---------------------------------------------------------------------------


def _limit(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    check_type(attribute.name, value, TimeLimit)


def _to_target(value: EventKind | str) -> EventKind:
    return to_member("target", EventKind, value)


def _to_start(value: EventKind | str) -> EventKind:
    return to_member("start", EventKind, value)


def _to_reopen(value: ReopenPolicy | str) -> ReopenPolicy:
    return to_member("reopen", ReopenPolicy, value)


def _to_priority_change(value: PriorityChangePolicy | str) -> PriorityChangePolicy:
    return to_member("priority_change", PriorityChangePolicy, value)


def _priority_limits(value: object) -> tuple[tuple[str, TimeLimit], ...]:
    if isinstance(value, Mapping):
        items: Iterable[Any] = value.items()
    elif isinstance(value, Iterable) and not isinstance(value, str):
        items = value
    else:
        msg = f"'priority_limits' must be a mapping or a sequence of pairs, got {shown(value)}"
        raise TypeError(msg)
    out: list[tuple[str, TimeLimit]] = []
    seen: set[str] = set()
    for item in items:
        pair = tuple(item) if isinstance(item, tuple | list) else (item,)
        if len(pair) != 2:
            msg = (
                f"'priority_limits' entries must be (priority, TimeLimit) pairs, got {shown(item)}"
            )
            raise TypeError(msg)
        key = check_nonblank("priority_limits key", pair[0])
        limit = check_type(f"priority_limits[{key!r}]", pair[1], TimeLimit)
        if key in seen:
            msg = f"'priority_limits' names the priority {shown(key)} twice"
            raise InvalidValueError(msg, field="priority_limits", value=key)
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
        >>> Milestone("回访", TimeLimit.working_days(1), start="完成")  # the Chinese words
        Milestone('revisited', TimeLimit(1, 'day', 'working'), start='completed')
    """

    target: EventKind = attrs.field(converter=_to_target, repr=lambda v: repr(v.value))
    """The event that must happen."""
    limit: TimeLimit = attrs.field(validator=_limit)
    """How long after `start` it may happen (inclusive)."""
    start: EventKind = attrs.field(
        default=EventKind.RECEIVED, converter=_to_start, kw_only=True, repr=lambda v: repr(v.value)
    )
    """The event the limit counts from (`received` unless said otherwise)."""
    pausable: bool = attrs.field(default=False, kw_only=True, validator=_pausable)
    """Whether pauses extend the deadline."""
    reopen: ReopenPolicy = attrs.field(
        default=ReopenPolicy.CONTINUE_CLOCK,
        converter=_to_reopen,
        kw_only=True,
        repr=lambda v: repr(v.value),
    )
    """What a reopen does to the clock."""
    priority_change: PriorityChangePolicy = attrs.field(
        default=PriorityChangePolicy.FROM_CHANGE,
        converter=_to_priority_change,
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
            raise InvalidValueError(msg, field="target", value=self.target)
        if self.target is self.start:
            msg = f"'target' and 'start' must differ, got {self.target.value!r} for both"
            raise InvalidValueError(msg, field="target", value=self.target)

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


def _instant(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    check_aware(attribute.name, value)


@attrs.frozen(kw_only=True)
class PauseSegment:
    """A stretch of time a milestone's clock stood still, `[start, end)`.

    `reason` is the pause's reason, or `"closed"` for the time a request spent closed before a
    reopen (under [ReopenPolicy.CONTINUE_CLOCK][propstd.timelines.ReopenPolicy]). A pause still
    running ends at the `as_of` instant of the status.
    """

    start: datetime = attrs.field(validator=_instant)
    """When the clock stopped."""
    end: datetime = attrs.field(validator=_instant)
    """When it ran again (or the status' `as_of`, or the target instant, if it had not)."""
    reason: str = attrs.field(validator=nonblank)
    """Why."""
    counted: timedelta
    """How much it moved the deadline, in the milestone's clock (working time for a working
    clock)."""


def time_between(
    start: datetime, end: datetime, *, clock: Clock | str, calendar: WorkingCalendar
) -> timedelta:
    """The time from *start* to *end* as *clock* counts it (negative if *end* is earlier).

    A working clock counts the working time of *calendar* inside `[start, end)`; a natural
    clock counts real elapsed time (in UTC, so a DST change is an hour more or less). This is
    how a milestone measures its limit, its pauses, the time left and the overrun.

    Raises:
        TypeError: an argument has the wrong type.
        NaiveDatetimeError: *start* or *end* is naive.
        InvalidValueError: *clock* names no clock.
        CalendarCoverageError: a working clock reaches outside the calendar's data.

    Examples:
        >>> from datetime import datetime, timezone
        >>> from propstd.calendars import WorkingCalendar
        >>> office = WorkingCalendar.weekly(hours="09:00-18:00")
        >>> friday = datetime(2025, 3, 7, 17, 0, tzinfo=timezone.utc)
        >>> monday = datetime(2025, 3, 10, 10, 0, tzinfo=timezone.utc)
        >>> str(time_between(friday, monday, clock="working", calendar=office))
        '2:00:00'
        >>> str(time_between(friday, monday, clock="natural", calendar=office))
        '2 days, 17:00:00'
    """
    chosen = to_member("clock", Clock, clock)
    check_type("calendar", calendar, WorkingCalendar)
    check_aware("start", start)
    check_aware("end", end)
    if chosen == Clock.WORKING:
        return calendar.working_time_between(start, end)
    return to_utc(end) - to_utc(start)


@attrs.frozen(kw_only=True)
class MilestoneRow:
    """One milestone status as a flat, typed table row (the row behind the status tables of
    complaints and repairs).

    Times are in the calendar's zone (the cells show them without an offset); durations are in
    the limit's clock, `0` where they do not apply.
    """

    headings: ClassVar[tuple[str, ...]] = (
        "milestone",
        "limit",
        "state",
        "due",
        "done",
        "left",
        "overrun",
        "paused",
    )
    """The column headings of [cells][propstd.timelines.MilestoneRow.cells], in order."""

    milestone: str
    """The milestone's label (`"response"`, `"completion"`)."""
    limit: str
    """The limit in force, as text `TimeLimit.parse` reads back (`"24 hours"`)."""
    state: MilestoneState
    """Pending, met, breached or not applicable."""
    due_at: datetime | None
    """The deadline (inclusive), or `None` when not applicable."""
    done_at: datetime | None
    """When the target happened, or `None`."""
    remaining: timedelta
    """Time left (pending) or spare (met)."""
    overrun: timedelta
    """How far past the deadline (breached)."""
    paused: timedelta
    """Paused time counted."""

    @classmethod
    def not_judged(cls, label: str) -> MilestoneRow:
        """The row of a milestone a policy sets no limit for: not applicable, no limit.

        Examples:
            >>> MilestoneRow.not_judged("resolution").state
            <MilestoneState.NOT_APPLICABLE: 'not_applicable'>
        """
        zero = timedelta(0)
        return cls(
            milestone=label,
            limit="",
            state=MilestoneState.NOT_APPLICABLE,
            due_at=None,
            done_at=None,
            remaining=zero,
            overrun=zero,
            paused=zero,
        )

    def cells(self) -> tuple[str, ...]:
        """The row as text cells, in the order of `headings`."""
        return (
            self.milestone,
            self.limit,
            self.state.value,
            _when(self.due_at),
            _when(self.done_at),
            _duration(self.remaining),
            _duration(self.overrun),
            _duration(self.paused),
        )


@attrs.frozen(kw_only=True)
class MilestoneStatus:
    """Where one milestone of one request stands as of an instant.

    `remaining` (time left, or the margin by which a met milestone was early) and `overrun`
    (how late) are measured in the clock of `limit` (working time for a working clock); at most
    one of them is non-zero. `due_at`, `start_at` and `done_at` are in the calendar's zone;
    `due_at` is `None` only when the state is `not_applicable`.

    [from_deadline][propstd.timelines.MilestoneStatus.from_deadline] holds the one rule that
    turns a deadline into a state; [Timeline.status][propstd.timelines.Timeline.status] finds
    the deadline (pauses, reopens, priority changes) and applies it.
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

    @classmethod
    def from_deadline(
        cls,
        milestone: Milestone,
        *,
        limit: TimeLimit,
        start_at: datetime,
        due_at: datetime,
        done_at: datetime | None,
        as_of: datetime,
        calendar: WorkingCalendar,
        pauses: Iterable[PauseSegment] = (),
    ) -> MilestoneStatus:
        """The status of a milestone whose clock started at *start_at* and is due at *due_at*.

        The one rule of every deadline: done (or, not done, *as_of*) at or before *due_at* is
        met (pending); later is breached. `remaining` is the time from the later of that
        instant and *start_at* to the deadline, `overrun` the time from the deadline to it,
        both in *limit*'s clock on *calendar*. Instants are given back in the calendar's zone.

        Raises:
            TypeError: an argument has the wrong type.
            NaiveDatetimeError: an instant is naive.
            CalendarCoverageError: a working clock reaches outside the calendar's data.

        Examples:
            >>> from datetime import datetime, timezone
            >>> from propstd.calendars import ALWAYS_OPEN
            >>> from propstd.timelimits import TimeLimit
            >>> call = Milestone("contacted", TimeLimit.hours(48), name="progress call")
            >>> t0 = datetime(2025, 3, 3, 9, 0, tzinfo=timezone.utc)
            >>> s = MilestoneStatus.from_deadline(
            ...     call, limit=call.limit, start_at=t0, due_at=datetime(2025, 3, 5, 9, 0,
            ...     tzinfo=timezone.utc), done_at=None, as_of=datetime(2025, 3, 6, 9, 0,
            ...     tzinfo=timezone.utc), calendar=ALWAYS_OPEN)
            >>> s.state, s.is_overdue, str(s.overrun)
            (<MilestoneState.BREACHED: 'breached'>, True, '1 day, 0:00:00')
        """
        check_type("milestone", milestone, Milestone)
        check_type("limit", limit, TimeLimit)
        check_type("calendar", calendar, WorkingCalendar)
        check_aware("as_of", as_of)
        tz = zone(calendar.zone)
        start, due = (
            check_aware(n, t).astimezone(tz)
            for n, t in (("start_at", start_at), ("due_at", due_at))
        )
        done = None if done_at is None else check_aware("done_at", done_at).astimezone(tz)
        when = as_of if done is None else done
        if to_utc(when) <= to_utc(due):
            state = MilestoneState.PENDING if done is None else MilestoneState.MET
            # spare time counts from the clock's start (work may be done before it started)
            later = max(when, start, key=to_utc)
            remaining = time_between(later, due, clock=limit.clock, calendar=calendar)
            overrun = ZERO
        else:
            state = MilestoneState.BREACHED
            remaining = ZERO
            overrun = time_between(due, when, clock=limit.clock, calendar=calendar)
        segments = tuple(pauses)
        return cls(
            milestone=milestone,
            state=state,
            as_of=as_of,
            limit=limit,
            start_at=start,
            due_at=due,
            done_at=done,
            remaining=remaining,
            overrun=overrun,
            paused=sum((seg.counted for seg in segments), ZERO),
            pauses=segments,
        )

    @classmethod
    def not_applicable(
        cls, milestone: Milestone, *, limit: TimeLimit, as_of: datetime
    ) -> MilestoneStatus:
        """The status of a milestone whose clock has not started (as of *as_of*)."""
        return cls(
            milestone=milestone, state=MilestoneState.NOT_APPLICABLE, as_of=as_of, limit=limit
        )

    @property
    def is_done(self) -> bool:
        """Whether the target has happened."""
        return self.done_at is not None

    @property
    def is_open(self) -> bool:
        """Whether the milestone still waits for its target (pending, or breached and not
        done)."""
        return self.state is not MilestoneState.NOT_APPLICABLE and self.done_at is None

    @property
    def is_overdue(self) -> bool:
        """Whether the deadline has passed and the target is still not done (breached and
        open: what a stock-take lists as overdue)."""
        return self.state is MilestoneState.BREACHED and self.done_at is None

    def row(self) -> MilestoneRow:
        """This status as a flat, typed table row."""
        return MilestoneRow(
            milestone=self.milestone.label,
            limit=str(self.limit),
            state=self.state,
            due_at=self.due_at,
            done_at=self.done_at,
            remaining=self.remaining,
            overrun=self.overrun,
            paused=self.paused,
        )

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


def _when(t: datetime | None) -> str:
    # no offset: a row's instants are all in the calendar's zone
    return "" if t is None else t.strftime("%Y-%m-%d %H:%M")


def _duration(d: timedelta) -> str:
    return "" if not d else _fmt(d)
