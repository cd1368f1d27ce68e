"""Milestones, their policies and their status (private; see propstd.timelines)."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from typing import Any

import attrs

from propstd._time import ZERO
from propstd._validators import check_aware, check_nonblank, check_type, is_str, nonblank
from propstd.errors import InvalidValueError
from propstd.timelimits import TimeLimit
from propstd.timelines._events import EventKind

__all__: list[str] = []


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
    reason: str = attrs.field(validator=nonblank)
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
