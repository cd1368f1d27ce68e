"""The escalation ladder and the complaint policy (private; see propstd.complaints)."""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from datetime import datetime, timedelta
from types import MappingProxyType
from typing import Any

import attrs

from propstd._repr import shown
from propstd._time import instant_in
from propstd._validators import check_int, check_type, nonblank, to_tuple
from propstd.calendars import WorkingCalendar
from propstd.errors import InvalidValueError
from propstd.timelimits import TimeLimit, deadline
from propstd.timelines import (
    EventKind,
    Milestone,
    MilestoneState,
    MilestoneStatus,
    Timeline,
)

__all__: list[str] = []


def _limit(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    check_type(attribute.name, value, TimeLimit)


def _as_limit(value: object) -> TimeLimit:
    # lossless normalization: the canonical text of a limit reads back to an equal value
    return (
        TimeLimit.parse(value) if isinstance(value, str) else check_type("after", value, TimeLimit)
    )


# Minutes in one unit of each time unit, for ordering ladder steps only: a day counts as 24
# hours on either clock, a month as 30 days. Integers, so no amount can overflow a timedelta.
_NOMINAL_MINUTES = {
    "minute": 1,
    "hour": 60,
    "day": 24 * 60,
    "week": 7 * 24 * 60,
    "month": 30 * 24 * 60,
    "year": 365 * 24 * 60,
}


def _nominal(limit: TimeLimit) -> int:
    """A limit's nominal length in minutes, for ordering ladder steps."""
    return limit.amount * _NOMINAL_MINUTES[limit.unit.value]


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
        raise InvalidValueError(msg, field="steps", value=steps)
    for i, step in enumerate(steps):
        check_type(f"steps[{i}]", step, EscalationStep)
    for i, (a, b) in enumerate(itertools.pairwise(steps)):
        if _nominal(b.after) <= _nominal(a.after):
            msg = (
                f"'steps' thresholds must increase, got steps[{i + 1}] after {str(b.after)!r} "
                f"not later than steps[{i}] after {str(a.after)!r}"
            )
            raise InvalidValueError(msg, field=f"steps[{i + 1}].after", value=b.after)
    roles = [s.role for s in steps]
    for i, role in enumerate(roles):
        if roles.index(role) != i:
            msg = f"'steps' must name each role once, got {shown(role)} twice"
            raise InvalidValueError(msg, field=f"steps[{i}].role", value=role)


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
        msg = f"'role' must be one of the ladder's roles ({known}), got {shown(role)}"
        raise InvalidValueError(msg, field="role", value=role)

    def milestones(self) -> tuple[Milestone, ...]:
        """Each step as a milestone: the complaint closed within the step's threshold.

        The time a complaint spends closed before a reopen does not count (continue-clock).
        """
        return tuple(
            Milestone(EventKind.CLOSED, s.after, name=f"escalation to {s.role}") for s in self.steps
        )

    def statuses(
        self, timeline: Timeline, *, calendar: WorkingCalendar, as_of: datetime
    ) -> tuple[MilestoneStatus, ...]:
        """Each step's milestone judged on *timeline* as of *as_of*, lowest step first: a step
        is reached once its milestone is breached."""
        return tuple(timeline.status(m, calendar=calendar, as_of=as_of) for m in self.milestones())

    def reached(self, timeline: Timeline, *, calendar: WorkingCalendar, as_of: datetime) -> int:
        """How many steps the elapsed time alone has reached (0 = none).

        A step is reached once the complaint has stayed unresolved (not closed) *past* its
        threshold: closed exactly at the threshold is in time.
        """
        statuses = self.statuses(timeline, calendar=calendar, as_of=as_of)
        hit = [i for i, s in enumerate(statuses) if s.state is MilestoneState.BREACHED]
        return max(hit) + 1 if hit else 0


def _milestone(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    check_type(attribute.name, value, Milestone)


def _positive_window(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    window = check_type(attribute.name, value, timedelta)
    if window <= timedelta(0):
        msg = f"{attribute.name!r} must be a positive timedelta, got {shown(value)}"
        raise InvalidValueError(msg, field=attribute.name, value=value)


def _limit_count(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if check_int(attribute.name, value) < 1:
        msg = f"{attribute.name!r} must be at least 1, got {shown(value)}"
        raise InvalidValueError(msg, field=attribute.name, value=value)


def _ladder(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    check_type(attribute.name, value, EscalationLadder)


_optional = attrs.validators.optional


@attrs.frozen(kw_only=True)
class ComplaintPolicy:
    """One property's complaint rules: each field is one rule, and a rule not set is `None`.

    The library has no default numbers; a field the property's standard does not fix stays
    `None`, meaning "no rule here", and whatever needs it is **not judged** (never guessed),
    while everything else works as with a full policy:

    - no `ladder`: no escalation by elapsed time (the level stays 0 and there is no next
      escalation); the reasons (VIP, major, repeat, reopened, departments) are still reported,
      and none of them can climb a step that does not exist;
    - no `response`, `reply`, `resolution` or `revisit`: that milestone is not judged (its
      status is `None`, its row `not_applicable`, with the reason given in `not_judged`), its
      on-time rate in [complaint_metrics][propstd.complaints.complaint_metrics] is `0/0`, and
      it is never overdue or warned about;
    - no `contact_every`: the progress call is not judged;
    - no `vip_role`: a VIP complaint is still reported as `vip`, but nobody is named for it
      and it starts at no particular step; a `vip_role` that is not a ladder role (or with no
      ladder) is simply told: it joins `notify` while the complaint is open;
    - no `major_role`: a major complaint is reported as `major`, but no role is told for it;
    - no `repeat_window`: repeats are not detected;
    - no `department_limit`: the number of departments is not checked.

    Why no single field is required: registering a complaint (事事有登记), naming its owner
    (首问负责制), listing it in the stock-take and counting it by level and channel need no
    rule at all, and each rule above is judged on its own, so none is a precondition of the
    others. The seeds fix only some of them (a 24-hour response, a same-day reply, a manager
    for VIPs, top leadership told of a major complaint) and no escalation thresholds, cadence,
    repeat window or department limit; a standard holding only those must be expressible
    without inventing the rest. A policy with **no** rule at all says nothing and is refused:
    leave the policy out instead.

    Raises:
        TypeError: a field has the wrong type.
        InvalidValueError: no field is set, `vip_role` or `major_role` is blank, the repeat
            window is not positive, or the department limit is below 1.

    References:
        Seed rules §3 (投诉): VIP customers and major complaints identified, a VIP complaint
        followed by a manager, a major one reported to the top leadership at once; the hotline
        answers the same day; complaint response within 24 hours.

    Examples:
        >>> from propstd.timelimits import TimeLimit
        >>> from propstd.timelines import Milestone
        >>> seed = ComplaintPolicy(
        ...     response=Milestone("responded", TimeLimit.parse("24小时"), name="response"),
        ...     reply=Milestone("responded", TimeLimit.parse("当日"), name="same-day reply"),
        ...     vip_role="项目经理", major_role="公司领导")
        >>> seed.unset
        ('ladder', 'contact_every', 'resolution', 'revisit', 'repeat_window', 'department_limit')
        >>> ComplaintPolicy()
        Traceback (most recent call last):
        ...
        propstd.errors.InvalidValueError: a ComplaintPolicy must set at least one rule (ladder, \
response, reply, contact_every, resolution, revisit, vip_role, major_role, repeat_window, \
department_limit), got none: leave the policy out instead
    """

    ladder: EscalationLadder | None = attrs.field(default=None, validator=_optional(_ladder))
    """Who is told after how long unresolved (`None`: no escalation by elapsed time)."""
    response: Milestone | None = attrs.field(default=None, validator=_optional(_milestone))
    """The response limit (e.g. responded within 24 hours)."""
    reply: Milestone | None = attrs.field(default=None, validator=_optional(_milestone))
    """The reply limit (e.g. responded the same working day, 当日)."""
    contact_every: TimeLimit | None = attrs.field(default=None, validator=_optional(_limit))
    """The progress-call cadence while the complaint is open (e.g. every 2 working days)."""
    resolution: Milestone | None = attrs.field(default=None, validator=_optional(_milestone))
    """The resolution limit (e.g. closed within 5 working days)."""
    revisit: Milestone | None = attrs.field(default=None, validator=_optional(_milestone))
    """The return-visit limit (e.g. revisited within 3 working days of closing)."""
    vip_role: str | None = attrs.field(default=None, validator=_optional(nonblank))
    """Who follows a VIP complaint personally (a manager): a ladder role is the step a VIP
    complaint starts at; any other role is told while the complaint is open."""
    major_role: str | None = attrs.field(default=None, validator=_optional(nonblank))
    """Who is told at once of a major complaint (need not be on the ladder)."""
    repeat_window: timedelta | None = attrs.field(
        default=None, validator=_optional(_positive_window)
    )
    """A complaint by the same customer on the same topic within this time is a repeat."""
    department_limit: int | None = attrs.field(default=None, validator=_optional(_limit_count))
    """More departments than this handling one complaint climbs one step."""

    def __attrs_post_init__(self) -> None:
        rules = [a.name for a in attrs.fields(type(self))]
        if len(self.unset) == len(rules):
            msg = (
                f"a ComplaintPolicy must set at least one rule ({', '.join(rules)}), "
                "got none: leave the policy out instead"
            )
            raise InvalidValueError(msg, field=None, value=None)

    @property
    def unset(self) -> tuple[str, ...]:
        """The names of the rules this policy leaves unset (`None`), in field order."""
        return tuple(a.name for a in attrs.fields(type(self)) if getattr(self, a.name) is None)

    @property
    def milestones(self) -> tuple[Milestone, ...]:
        """Response, reply, resolution and revisit, in that order: those the policy sets."""
        chosen = (self.response, self.reply, self.resolution, self.revisit)
        return tuple(m for m in chosen if m is not None)

    @property
    def vip_step(self) -> int | None:
        """The 0-based ladder step a VIP complaint starts at (`None`: no VIP role, no ladder,
        or a VIP role that is not a ladder role)."""
        if self.ladder is None or self.vip_role is None:
            return None
        roles = [step.role for step in self.ladder.steps]
        return roles.index(self.vip_role) if self.vip_role in roles else None

    def _statuses(
        self, timeline: Timeline, *, calendar: WorkingCalendar, as_of: datetime
    ) -> tuple[MilestoneStatus | None, ...]:
        """Response, reply, progress contact, resolution and revisit judged on *timeline*
        (`None` for each the policy does not set)."""

        def judged(m: Milestone | None) -> MilestoneStatus | None:
            return None if m is None else timeline.status(m, calendar=calendar, as_of=as_of)

        contact = (
            None
            if self.contact_every is None
            else _contact_status(timeline, every=self.contact_every, calendar=calendar, as_of=as_of)
        )
        return (
            judged(self.response),
            judged(self.reply),
            contact,
            judged(self.resolution),
            judged(self.revisit),
        )


def _contact_status(
    timeline: Timeline, *, every: TimeLimit, calendar: WorkingCalendar, as_of: datetime
) -> MilestoneStatus:
    """The current progress-call interval: from the last call (or the receipt or reopen) of the
    current cycle, a call is due within *every*; not applicable once closed.

    What differs from `Timeline.status` (and why it is not a `Milestone`): the clock restarts
    at every call, so its start is the *latest* call, not the first event of a kind; nothing
    pauses it; and it is never done, only waiting for the next call. Deciding the state from
    the deadline is the same rule, so it is `MilestoneStatus.from_deadline`.
    """
    milestone = Milestone(EventKind.CONTACTED, every, name="progress contact")
    seen = timeline.until(as_of)
    if seen is None or seen.is_closed:
        return MilestoneStatus.not_applicable(milestone, limit=every, as_of=as_of)
    start = seen.events[0].at
    for event in seen.events:
        if event.kind in (EventKind.CONTACTED, EventKind.REOPENED):
            start = event.at
    return MilestoneStatus.from_deadline(
        milestone,
        limit=every,
        start_at=start,
        due_at=deadline(start, every, calendar=calendar),
        done_at=None,
        as_of=as_of,
        calendar=calendar,
    )


# Why what needs a rule is not judged when the policy leaves it unset, by rule.
REASONS = MappingProxyType(
    {
        "ladder": "no escalation ladder in the policy",
        "response": "no response limit in the policy",
        "reply": "no reply limit in the policy",
        "contact_every": "no progress-call cadence in the policy",
        "resolution": "no resolution limit in the policy",
        "revisit": "no revisit limit in the policy",
        "vip_role": "no VIP role in the policy",
        "major_role": "no major-complaint role in the policy",
        "repeat_window": "no repeat window in the policy",
        "department_limit": "no department limit in the policy",
    }
)

# The five milestones a policy may judge, in the order of `ComplaintPolicy._statuses`: the
# label of each (for a row when the policy sets none, so there is no name) and its rule.
MILESTONE_RULES = (
    ("response", "response"),
    ("reply", "reply"),
    ("progress contact", "contact_every"),
    ("resolution", "resolution"),
    ("revisit", "revisit"),
)


def check_common(policy: object, calendar: object, as_of: object) -> datetime:
    """The checks every policy-driven function makes; *as_of* back, in the calendar's zone
    (the zone every result of the policy is given in)."""
    check_type("policy", policy, ComplaintPolicy)
    calendar = check_type("calendar", calendar, WorkingCalendar)
    return instant_in("as_of", as_of, calendar.zone)
