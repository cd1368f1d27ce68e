"""Complaint records, the escalation ladder and the policy (private; see propstd.complaints)."""

from __future__ import annotations

import enum
import itertools
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

import attrs

from propstd._time import ZERO, to_utc
from propstd._validators import (
    check_aware,
    check_int,
    check_nonblank,
    check_type,
    is_str,
    nonblank,
    to_tuple,
)
from propstd.calendars import WorkingCalendar
from propstd.errors import InvalidValueError
from propstd.timelimits import TimeLimit, TimeUnit
from propstd.timelines import (
    EventKind,
    Milestone,
    MilestoneState,
    Timeline,
    TimelineState,
)

__all__: list[str] = []


class ComplaintLevel(enum.StrEnum):
    """How serious the customer's complaint is (投诉认定级别)."""

    DISSATISFACTION = "dissatisfaction"
    """不满: the customer is unhappy."""
    GRIEVANCE = "grievance"
    """抱怨: the customer complains about a specific failure."""
    DEMAND = "demand"
    """责令: the customer (or an authority) demands that it be put right."""


class Channel(enum.StrEnum):
    """How the complaint arrived."""

    PHONE = "phone"
    """By telephone (hotline)."""
    VISIT = "visit"
    """In person at the service centre."""
    LETTER = "letter"
    """By letter."""
    WEB = "web"
    """Through the website, app or mini-program."""
    OTHER = "other"
    """Any other way."""


class EscalationReason(enum.StrEnum):
    """A trigger that puts a complaint on (or up) the ladder."""

    ELAPSED = "elapsed"
    """It has stayed unresolved longer than a step's threshold."""
    VIP = "vip"
    """The customer is a VIP: the complaint starts at the policy's VIP step."""
    MAJOR = "major"
    """A major complaint: the policy's major role is told at once."""
    REPEAT = "repeat"
    """The same customer complained about the same topic within the repeat window: one step up."""
    REOPENED = "reopened"
    """The complaint was reopened: one step up."""
    DEPARTMENTS = "departments"
    """More departments handle it than the policy allows: one step up."""


def _limit(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    check_type(attribute.name, value, TimeLimit)


def _as_limit(value: object) -> TimeLimit:
    # lossless normalization: the canonical text of a limit reads back to an equal value
    return (
        TimeLimit.parse(value) if isinstance(value, str) else check_type("after", value, TimeLimit)
    )


_NOMINAL = {TimeUnit.MINUTE: timedelta(minutes=1), TimeUnit.HOUR: timedelta(hours=1)}


def _nominal(limit: TimeLimit) -> timedelta:
    """A limit's nominal length for ordering ladder steps (a day counts as 24 hours)."""
    return limit.amount * _NOMINAL.get(limit.unit, timedelta(days=1))


@attrs.frozen
class EscalationStep:
    """One rung of the ladder: after `after` unresolved, tell `role`.

    Raises:
        TypeError: `after` is neither a `TimeLimit` nor a string.
        ParseError: `after` is a string that is not a time limit.
        InvalidValueError: `role` is blank.

    Examples:
        >>> EscalationStep("2 working hours", "客服主管")
        EscalationStep(after=TimeLimit(2, 'hour', 'working'), role='客服主管')
    """

    after: TimeLimit = attrs.field(converter=_as_limit)
    """How long the complaint may stay unresolved (from receipt) before this step."""
    role: str = attrs.field(validator=nonblank)
    """Who is told and takes over (`"项目经理"`)."""

    def __str__(self) -> str:
        return f"after {self.after}: {self.role}"


def _step_tuple(value: Iterable[EscalationStep]) -> tuple[EscalationStep, ...]:
    return to_tuple(value)


def _steps(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    steps = check_type(attribute.name, value, tuple)
    if not steps:
        msg = "'steps' must hold at least one EscalationStep, got ()"
        raise InvalidValueError(msg)
    for i, step in enumerate(steps):
        check_type(f"steps[{i}]", step, EscalationStep)
    for i, (a, b) in enumerate(itertools.pairwise(steps)):
        if _nominal(b.after) <= _nominal(a.after):
            msg = (
                f"'steps' thresholds must increase, got steps[{i + 1}] after {str(b.after)!r} "
                f"not later than steps[{i}] after {str(a.after)!r}"
            )
            raise InvalidValueError(msg)
    roles = [s.role for s in steps]
    for role in roles:
        if roles.count(role) > 1:
            msg = f"'steps' must name each role once, got {role!r} twice"
            raise InvalidValueError(msg)


@attrs.frozen
class EscalationLadder:
    """The escalation ladder: steps with strictly increasing thresholds and distinct roles.

    Thresholds are ordered by their nominal length (a day counts as 24 hours, on either clock):
    `2 working hours`, `24 hours`, `48 hours`, `72 hours` increase.

    Raises:
        TypeError: `steps` is not a sequence of `EscalationStep`.
        InvalidValueError: no steps, thresholds not increasing, or a role repeated.

    Examples:
        >>> ladder = EscalationLadder.of(("2 working hours", "客服主管"), ("24 hours", "项目经理"))
        >>> len(ladder), ladder.index_of("项目经理")
        (2, 1)
        >>> EscalationLadder.of(("24 hours", "a"), ("2 hours", "b"))  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        propstd.errors.InvalidValueError: 'steps' thresholds must increase, got steps[1] after ...
    """

    steps: tuple[EscalationStep, ...] = attrs.field(converter=_step_tuple, validator=_steps)
    """The steps, lowest first."""

    @classmethod
    def of(cls, *steps: tuple[TimeLimit | str, str]) -> EscalationLadder:
        """A ladder from `(after, role)` pairs (`after` a `TimeLimit` or its text)."""
        return cls(tuple(EscalationStep(after, role) for after, role in steps))

    def __len__(self) -> int:
        return len(self.steps)

    def index_of(self, role: str) -> int:
        """The 0-based index of the step whose role is *role*.

        Raises:
            InvalidValueError: no step has that role.
        """
        for i, step in enumerate(self.steps):
            if step.role == role:
                return i
        known = ", ".join(repr(s.role) for s in self.steps)
        msg = f"'role' must be one of the ladder's roles ({known}), got {role!r}"
        raise InvalidValueError(msg)

    def milestones(self) -> tuple[Milestone, ...]:
        """Each step as a milestone: the complaint closed within the step's threshold.

        The time a complaint spends closed before a reopen does not count (continue-clock).
        """
        return tuple(
            Milestone(EventKind.CLOSED, s.after, name=f"escalation to {s.role}") for s in self.steps
        )

    def reached(self, timeline: Timeline, *, calendar: WorkingCalendar, as_of: datetime) -> int:
        """How many steps the elapsed time alone has reached (0 = none).

        A step is reached once the complaint has stayed unresolved (not closed) *past* its
        threshold: closed exactly at the threshold is in time.
        """
        statuses = [timeline.status(m, calendar=calendar, as_of=as_of) for m in self.milestones()]
        hit = [i for i, s in enumerate(statuses) if s.state is MilestoneState.BREACHED]
        return max(hit) + 1 if hit else 0


def _milestone(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    check_type(attribute.name, value, Milestone)


def _positive_window(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    window = check_type(attribute.name, value, timedelta)
    if window <= ZERO:
        msg = f"{attribute.name!r} must be a positive timedelta, got {value!r}"
        raise InvalidValueError(msg)


def _limit_count(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if check_int(attribute.name, value) < 1:
        msg = f"{attribute.name!r} must be at least 1, got {value!r}"
        raise InvalidValueError(msg)


@attrs.frozen(kw_only=True)
class ComplaintPolicy:
    """One property's complaint rules (no defaults: the numbers are the property's own).

    Raises:
        TypeError: a field has the wrong type.
        InvalidValueError: `vip_role` is not a ladder role, `major_role` is blank, the repeat
            window is not positive, or the department limit is below 1.
    """

    ladder: EscalationLadder = attrs.field(
        validator=lambda _i, a, v: check_type(a.name, v, EscalationLadder)
    )
    """Who is told after how long unresolved."""
    response: Milestone = attrs.field(validator=_milestone)
    """The response limit (e.g. responded within 24 hours)."""
    reply: Milestone = attrs.field(validator=_milestone)
    """The reply limit (e.g. responded the same working day, 当日)."""
    contact_every: TimeLimit = attrs.field(validator=_limit)
    """The progress-call cadence while the complaint is open (e.g. every 2 working days)."""
    resolution: Milestone = attrs.field(validator=_milestone)
    """The resolution limit (e.g. closed within 5 working days)."""
    revisit: Milestone = attrs.field(validator=_milestone)
    """The return-visit limit (e.g. revisited within 3 working days of closing)."""
    vip_role: str = attrs.field(validator=nonblank)
    """The ladder role a VIP complaint starts at (a manager follows it personally)."""
    major_role: str = attrs.field(validator=nonblank)
    """Who is told at once of a major complaint (need not be on the ladder)."""
    repeat_window: timedelta = attrs.field(validator=_positive_window)
    """A complaint by the same customer on the same topic within this time is a repeat."""
    department_limit: int = attrs.field(validator=_limit_count)
    """More departments than this handling one complaint climbs one step."""

    def __attrs_post_init__(self) -> None:
        roles = [step.role for step in self.ladder.steps]
        if self.vip_role not in roles:
            known = ", ".join(repr(r) for r in roles)
            msg = f"'vip_role' must be one of the ladder's roles ({known}), got {self.vip_role!r}"
            raise InvalidValueError(msg)

    @property
    def milestones(self) -> tuple[Milestone, ...]:
        """Response, reply, resolution and revisit, in that order."""
        return (self.response, self.reply, self.resolution, self.revisit)


def _departments(value: Iterable[str]) -> tuple[str, ...]:
    items = to_tuple(value)
    for i, item in enumerate(items):
        check_nonblank(f"departments[{i}]", item)
    if len(set(items)) != len(items):
        msg = f"'departments' must not repeat a department, got {items!r}"
        raise InvalidValueError(msg)
    return items


def _flag(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    check_type(attribute.name, value, bool)


def _default_timeline(self: Complaint) -> Timeline:
    # runs before the validators: check the instant here so the message names received_at
    return Timeline.start(check_aware("received_at", self.received_at))


@attrs.frozen
class Complaint:
    """A registered complaint (every complaint is registered: 事事有登记).

    `timeline` defaults to "received at `received_at`" and must start at that instant. `owner`
    is whoever received it and owns it until it is solved (首问负责制).

    Raises:
        TypeError: a field has the wrong type.
        NaiveDatetimeError: `received_at` is naive.
        InvalidValueError: `id` is blank, `channel`/`level` names no member, a department is
            blank or repeated, or the timeline does not start at `received_at`.

    Examples:
        >>> from datetime import datetime, timezone
        >>> c = Complaint("C-1", datetime(2025, 3, 3, 9, 0, tzinfo=timezone.utc), "web", "demand")
        >>> c.level, c.is_open
        (<ComplaintLevel.DEMAND: 'demand'>, True)
    """

    id: str = attrs.field(validator=nonblank)
    """The register number."""
    received_at: datetime = attrs.field(validator=lambda _i, a, v: check_aware(a.name, v))
    """When it was received (an aware instant)."""
    channel: Channel = attrs.field(converter=Channel, repr=lambda v: repr(v.value))
    """How it arrived."""
    level: ComplaintLevel = attrs.field(converter=ComplaintLevel, repr=lambda v: repr(v.value))
    """不满, 抱怨 or 责令."""
    vip: bool = attrs.field(kw_only=True, default=False, validator=_flag)
    """Whether the customer is a VIP."""
    major: bool = attrs.field(kw_only=True, default=False, validator=_flag)
    """Whether it is a major complaint."""
    departments: tuple[str, ...] = attrs.field(kw_only=True, default=(), converter=_departments)
    """The departments handling it."""
    customer: str = attrs.field(kw_only=True, default="", validator=is_str)
    """Who complained (household, unit): with `topic`, identifies repeats."""
    topic: str = attrs.field(kw_only=True, default="", validator=is_str)
    """What it is about (`"noise"`, `"lift"`)."""
    owner: str = attrs.field(kw_only=True, default="", validator=is_str)
    """Who received it and owns it (首问负责人)."""
    timeline: Timeline = attrs.field(
        kw_only=True,
        default=attrs.Factory(_default_timeline, takes_self=True),
        validator=lambda _i, a, v: check_type(a.name, v, Timeline),
    )
    """What happened to it."""

    def __attrs_post_init__(self) -> None:
        if to_utc(self.timeline.received_at) != to_utc(self.received_at):
            msg = (
                f"'timeline' must start at received_at {self.received_at.isoformat()}, "
                f"got {self.timeline.received_at.isoformat()}"
            )
            raise InvalidValueError(msg)

    @property
    def is_open(self) -> bool:
        """Whether it is not closed (after its last event)."""
        return not self.timeline.is_closed

    def is_open_at(self, as_of: datetime) -> bool:
        """Whether it had been received and was not closed as of *as_of*."""
        state = self.timeline.state_at(as_of)
        return state is not None and state is not TimelineState.CLOSED

    def is_repeat_of(self, other: Complaint, *, window: timedelta) -> bool:
        """Whether this complaint repeats *other*: same (non-empty) customer and topic, *other*
        received no later than this one and at most *window* before it, and a different id."""
        if other.id == self.id or not self.customer or not self.topic:
            return False
        if (other.customer, other.topic) != (self.customer, self.topic):
            return False
        gap = to_utc(self.received_at) - to_utc(other.received_at)
        return ZERO <= gap <= window
