"""Repair orders and the status of one order (private; see propstd.repairs)."""

from __future__ import annotations

import warnings
from datetime import date, datetime
from typing import Any

import attrs

from propstd._table import Column, Rendered, Table
from propstd._time import ZERO, check_in_range, instant_in, to_utc
from propstd._validators import (
    check_aware,
    check_date,
    check_nonblank,
    check_type,
    is_str,
    nonblank,
)
from propstd._vocab import to_member
from propstd.calendars import WorkingCalendar
from propstd.errors import InvalidValueError
from propstd.repairs._limits import RepairCategory, RepairLimits
from propstd.timelimits import TimeLimit
from propstd.timelines import (
    EventKind,
    Milestone,
    MilestoneRow,
    MilestoneState,
    MilestoneStatus,
    Revisited,
    Timeline,
)

__all__: list[str] = []


def in_zone(name: str, as_of: object, calendar: object) -> datetime:
    """*as_of* checked (aware, years 0002-9998) and given in *calendar*'s zone, the zone of
    every result."""
    return instant_in(name, as_of, check_type("calendar", calendar, WorkingCalendar).zone)


def _category(value: RepairCategory | str) -> RepairCategory:
    return to_member("category", RepairCategory, value)


def _optional_id(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        check_nonblank(attribute.name, value)


def _optional_date(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        check_in_range(attribute.name, check_date(attribute.name, value))


def _optional_instant(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    # an aware instant within the years 0002-9998 (§14.10): compared in UTC without overflow
    if value is not None:
        check_in_range(attribute.name, check_aware(attribute.name, value))


def _timeline(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    check_type(attribute.name, value, Timeline)


@attrs.frozen
class RepairOrder:
    """One repair request (报修单) and its timeline of events.

    The `timeline` (a `propstd.timelines.Timeline`) records when the order was received, when the
    technician arrived, pauses (waiting for parts, the owner absent) and resumptions, when the
    work was completed, and the return visit with the owner's answer.

    A [scheduled][propstd.repairs.RepairCategory.SCHEDULED] order is done at a time agreed with
    the owner: its `appointment` is required, and its arrival and completion limits count from
    the appointment instead of from receipt ("arrive at the agreed time" is an arrival limit of
    `TimeLimit.parse("immediately")` from the appointment; a grace period is a longer limit).
    Other categories have no appointment.

    Raises:
        TypeError: a field has the wrong type (a naive appointment raises
            `NaiveDatetimeError`).
        InvalidValueError: the id is blank, the category is unknown, `rework_of` is blank or the
            order's own id, a scheduled order has no appointment or the appointment is before
            the order was received, or another category has an appointment.

    Examples:
        >>> from datetime import datetime, timedelta, timezone
        >>> from propstd.timelines import Timeline
        >>> t0 = datetime(2025, 3, 3, 9, 0, tzinfo=timezone(timedelta(hours=8)))
        >>> order = RepairOrder("R-001", "ordinary", Timeline.start(t0), technician="张伟")
        >>> order.category, order.technician
        (<RepairCategory.ORDINARY: 'ordinary'>, '张伟')
    """

    id: str = attrs.field(validator=nonblank)
    """The order number."""
    category: RepairCategory = attrs.field(converter=_category, repr=lambda c: repr(c.value))
    """The row of the time-limit table that applies."""
    timeline: Timeline = attrs.field(validator=_timeline)
    """The order's events, starting with `received`."""
    unit: str = attrs.field(default="", kw_only=True, validator=is_str)
    """The unit or place repaired (e.g. `"3-1502"`); empty if not recorded."""
    technician: str = attrs.field(default="", kw_only=True, validator=is_str)
    """Who did the work; empty if not assigned. Per-technician metrics group by it."""
    rework_of: str | None = attrs.field(default=None, kw_only=True, validator=_optional_id)
    """The id of the order whose work this order redoes (返修), if it is a rework."""
    warranty_until: date | None = attrs.field(default=None, kw_only=True, validator=_optional_date)
    """The last day of the warranty on the work, if any."""
    appointment: datetime | None = attrs.field(
        default=None, kw_only=True, validator=_optional_instant
    )
    """The agreed instant of a scheduled order (required for it; `None` for the others)."""

    def __attrs_post_init__(self) -> None:
        if self.rework_of is not None and self.rework_of == self.id:
            msg = f"'rework_of' must name another order, got the order's own id {self.id!r}"
            raise InvalidValueError(msg, field="rework_of", value=self.rework_of)
        scheduled = self.category is RepairCategory.SCHEDULED
        if scheduled and self.appointment is None:
            msg = f"'appointment' is required for a scheduled order, got None (order {self.id!r})"
            raise InvalidValueError(msg, field="appointment", value=None)
        if not scheduled and self.appointment is not None:
            msg = (
                f"'appointment' is only for scheduled orders, got {self.appointment.isoformat()!r}"
                f" on a {self.category.value} order {self.id!r}"
            )
            raise InvalidValueError(msg, field="appointment", value=self.appointment)
        if self.appointment is not None and to_utc(self.appointment) < to_utc(self.received_at):
            msg = (
                f"'appointment' {self.appointment.isoformat()!r} must not be before the order "
                f"was received ({self.received_at.isoformat()!r})"
            )
            raise InvalidValueError(msg, field="appointment", value=self.appointment)

    @property
    def received_at(self) -> datetime:
        """When the order was received (its timeline's first event)."""
        return self.timeline.received_at

    @property
    def start(self) -> datetime:
        """The instant arrival and completion limits count from: the appointment or receipt."""
        return self.appointment if self.appointment is not None else self.received_at


def _milestones(
    category: RepairCategory, limits: RepairLimits
) -> tuple[Milestone | None, Milestone | None, Milestone | None]:
    """Arrival, completion and revisit of *category* (`None` where *limits* set no limit)."""
    arrival, completion, revisit = (
        limits.arrival.get(category),
        limits.completion.get(category),
        limits.revisit,
    )
    return (
        None if arrival is None else Milestone("arrived", arrival, name="arrival"),
        None
        if completion is None
        else Milestone("completed", completion, pausable=True, name="completion"),
        None
        if revisit is None
        else Milestone("revisited", revisit, start="completed", name="revisit"),
    )


# Finding when a target was done needs no limit: a milestone's `done_at` is the first target
# event that counts (after the last reopen for completion-like targets; none before a scheduled
# order's appointment), whatever its limit. So where the table sets no limit, a milestone of
# zero natural minutes (which needs no calendar data) finds the same instant; it is never shown.
_PROBE = TimeLimit.minutes(0)


def _done_at(
    timeline: Timeline,
    status: MilestoneStatus | None,
    target: str,
    *,
    start: str = "received",
    calendar: WorkingCalendar,
    as_of: datetime,
    start_at: datetime | None = None,
) -> datetime | None:
    """When *target* was done as of *as_of*, as its milestone counts it (in the calendar's zone)."""
    if status is not None:
        return status.done_at
    probe = Milestone(target, _PROBE, start=start)
    return timeline.status(probe, calendar=calendar, as_of=as_of, start_at=start_at).done_at


def _latest_verdict(timeline: Timeline, as_of: datetime) -> bool | None:
    seen = timeline.until(as_of)
    last = None if seen is None else seen.last(EventKind.REVISITED)
    return last.satisfied if isinstance(last, Revisited) else None


# The three milestones of an order: label, the limit it needs (for `not_judged`)
_SLOTS = (("arrival", "arrival"), ("completion", "completion"), ("revisit", "revisit"))


def unjudged_row(label: str) -> MilestoneRow:
    """The row of a milestone the table sets no limit for: not applicable, no limit."""
    return MilestoneRow(
        milestone=label,
        limit="",
        state=MilestoneState.NOT_APPLICABLE,
        due_at=None,
        done_at=None,
        remaining=ZERO,
        overrun=ZERO,
        paused=ZERO,
    )


@attrs.frozen(kw_only=True, repr=False)
class RepairStatus(Rendered):
    """Where one repair order stands against the time-limit table as of an instant.

    The three milestones are `propstd.timelines.MilestoneStatus` records:
    `arrival` (on site within the category's arrival limit; not pausable), `completion` (done
    within the completion limit, extended by pauses for parts or an absent owner) and `revisit`
    (the return visit within the revisit limit of completion; not pausable, not applicable
    until the work is completed). A milestone whose limit the table does not set is `None`
    (not judged; its row is `not_applicable`), and `not_judged` says why; `completed_at` and
    `revisited_at` are known whatever the limits. Instants are in the calendar's zone.

    `print(status)` shows the milestones as a table (`to_text()`, `to_markdown()`,
    `to_html()`); `rows()` gives the typed rows behind it.
    """

    order_id: str
    """The order judged."""
    category: RepairCategory = attrs.field(repr=lambda c: repr(c.value))
    """Its category."""
    technician: str
    """Its technician (empty if none)."""
    as_of: datetime
    """The instant of the judgement."""
    start_at: datetime
    """When the arrival and completion clocks started (receipt, or the appointment)."""
    arrival: MilestoneStatus | None
    """On site (到场) within the arrival limit (`None`: no limit for the category)."""
    completion: MilestoneStatus | None
    """Work completed within the completion limit, pauses counted (`None`: no limit for the
    category)."""
    revisit: MilestoneStatus | None
    """Return visit (回访) within the revisit limit of completion (`None`: no limit)."""
    satisfied: bool | None
    """The owner's verdict at the latest revisit by `as_of` (`None`: no revisit or no answer)."""
    completed_at: datetime | None = None
    """When the work was completed, as the completion milestone counts it (the completion of
    the last cycle; not before a scheduled order's appointment); `None`: not yet."""
    revisited_at: datetime | None = None
    """When the return visit after that completion was made; `None`: not yet."""
    not_judged: tuple[str, ...] = ()
    """The milestones not judged for want of a limit, and why, one line each
    (`"completion: no completion limit for emergency (急修) repairs"`)."""

    def _slots(self) -> tuple[tuple[str, MilestoneStatus | None], ...]:
        statuses = (self.arrival, self.completion, self.revisit)
        return tuple((label, s) for (label, _), s in zip(_SLOTS, statuses, strict=True))

    @property
    def milestones(self) -> tuple[MilestoneStatus, ...]:
        """Arrival, completion, revisit: those judged (with a limit in the table)."""
        return tuple(s for _label, s in self._slots() if s is not None)

    @property
    def breached(self) -> tuple[str, ...]:
        """The names of the milestones whose deadline was missed, done late or not done
        (`"arrival"`, `"completion"`, `"revisit"`): what timeliness rates count against."""
        return tuple(
            s.milestone.label for s in self.milestones if s.state is MilestoneState.BREACHED
        )

    @property
    def breaches(self) -> tuple[str, ...]:
        """Deprecated: `breached` (renamed in 0.2, after the state `breached`)."""
        msg = "RepairStatus.breaches is deprecated; use RepairStatus.breached (renamed in 0.2)"
        warnings.warn(msg, DeprecationWarning, stacklevel=2)
        return self.breached

    @property
    def overdue(self) -> tuple[str, ...]:
        """The names of the milestones past their deadline and still not done: what someone
        must chase now."""
        return tuple(s.milestone.label for s in self.milestones if s.is_overdue)

    @property
    def is_overdue(self) -> bool:
        """Whether a milestone is past its deadline and still not done."""
        return bool(self.overdue)

    def rows(self) -> tuple[MilestoneRow, ...]:
        """The milestones as typed rows: arrival, completion, revisit (one without a limit is
        `not_applicable`, with no limit)."""
        return tuple(unjudged_row(label) if s is None else s.row() for label, s in self._slots())

    def _table(self) -> Table:
        head = f"{self.order_id} ({self.category.value} {self.category.label_zh})"
        if self.technician:
            head += f", {self.technician}"
        notes = [f"not judged — {line}" for line in self.not_judged]
        if self.satisfied is not None:
            notes.append(f"owner {'satisfied' if self.satisfied else 'NOT satisfied'}")
        return Table(
            title=f"{head} as of {self.as_of:%Y-%m-%d %H:%M}",
            columns=tuple(Column(h) for h in MilestoneRow.headings),
            rows=tuple(r.cells() for r in self.rows()),
            row_classes=tuple(
                "overdue" if s is not None and s.is_overdue else "" for _label, s in self._slots()
            ),
            notes=tuple(notes),
        )

    def __repr__(self) -> str:
        return (
            f"RepairStatus({self.order_id!r}, {self.category.value!r}, "
            f"breached={self.breached!r}, as_of={self.as_of.isoformat()!r})"
        )


def repair_status(
    order: RepairOrder, *, limits: RepairLimits, calendar: WorkingCalendar, as_of: datetime
) -> RepairStatus:
    """Judge *order* against *limits* as of *as_of*.

    One *calendar* serves every limit: working-clock limits (`2 working days`) count its
    opening hours and working days, while natural-clock limits (`15 minutes`, `4 hours`) count
    real elapsed time and use only its zone (for calendar-day limits and for the zone of the
    results). Pass the office calendar of the engineering department, e.g.
    `china_calendar(hours="08:30-12:00,13:30-17:30")`; an emergency reported at 02:00 on a
    Sunday is still due 15 minutes later.

    The arrival and completion clocks start when the order was received or, for a scheduled
    order, at its appointment (see the *start_at* of `Timeline.status()`: work done before the
    appointment is on time and keeps its real instant; only pausing after it counts). Only
    the completion milestone is extended by pauses. The revisit clock starts at completion.
    Events after *as_of* are ignored. A milestone whose limit *limits* does not set is not
    judged: it is `None`, and the status's `not_judged` says why.

    Args:
        order: the repair order.
        limits: the property's time-limit table.
        calendar: the working calendar for working-clock limits (its zone for the rest).
        as_of: the instant of the judgement.

    Returns:
        The three milestone statuses and the owner's latest verdict.

    Raises:
        TypeError: an argument has the wrong type.
        NaiveDatetimeError: *as_of* is naive.
        InvalidValueError: *as_of* is outside the years 0002-9998.
        CalendarCoverageError: a working-clock limit reaches outside the calendar's data.

    References:
        Seed rules §4 (维修): repair orders meet the repair time-limit table; a return visit
        within one working day after completion.

    Examples:
        >>> from datetime import datetime, timedelta, timezone
        >>> from propstd.calendars import WorkingCalendar
        >>> from propstd.timelimits import TimeLimit
        >>> from propstd.timelines import Timeline
        >>> limits = RepairLimits(
        ...     arrival=dict.fromkeys(RepairCategory, TimeLimit.minutes(15)),
        ...     completion=dict.fromkeys(RepairCategory, TimeLimit.hours(4)),
        ...     revisit=TimeLimit.working_days(1),
        ... )
        >>> office = WorkingCalendar.weekly(hours="09:00-18:00", zone="Asia/Shanghai")
        >>> t0 = datetime(2025, 3, 2, 2, 0, tzinfo=timezone(timedelta(hours=8)))  # a Sunday
        >>> timeline = Timeline.start(t0).arrived(t0 + timedelta(minutes=12))
        >>> status = repair_status(
        ...     RepairOrder("R-7", "emergency", timeline), limits=limits, calendar=office,
        ...     as_of=t0 + timedelta(hours=1))
        >>> print(status.completion)
        completion (4 hours): pending, due 2025-03-02 06:00, 3h 00m left
        >>> status
        RepairStatus('R-7', 'emergency', breached=(), as_of='2025-03-02T03:00:00+08:00')
        >>> print(status.to_markdown())
        **R-7 (emergency 急修) as of 2025-03-02 03:00**
        <BLANKLINE>
        | milestone | limit | state | due | done | left | overrun | paused |
        |---|---|---|---|---|---|---|---|
        | arrival | 15 minutes | met | 2025-03-02 02:15 | 2025-03-02 02:12 | 0h 03m |  |  |
        | completion | 4 hours | pending | 2025-03-02 06:00 |  | 3h 00m |  |  |
        | revisit | 1 working day | not_applicable |  |  |  |  |  |
    """
    check_type("order", order, RepairOrder)
    check_type("limits", limits, RepairLimits)
    as_of = in_zone("as_of", as_of, calendar)
    timeline, start_at = order.timeline, order.appointment

    def judged(m: Milestone | None, at: datetime | None) -> MilestoneStatus | None:
        return (
            None if m is None else timeline.status(m, calendar=calendar, as_of=as_of, start_at=at)
        )

    milestones = _milestones(order.category, limits)
    arrival = judged(milestones[0], start_at)
    completion = judged(milestones[1], start_at)
    revisit = judged(milestones[2], None)
    return RepairStatus(
        order_id=order.id,
        category=order.category,
        technician=order.technician,
        as_of=as_of,
        start_at=order.start.astimezone(as_of.tzinfo),
        arrival=arrival,
        completion=completion,
        revisit=revisit,
        satisfied=_latest_verdict(timeline, as_of),
        completed_at=_done_at(
            timeline, completion, "completed", calendar=calendar, as_of=as_of, start_at=start_at
        ),
        revisited_at=_done_at(
            timeline, revisit, "revisited", start="completed", calendar=calendar, as_of=as_of
        ),
        not_judged=_not_judged(order.category, limits),
    )


def _not_judged(category: RepairCategory, limits: RepairLimits) -> tuple[str, ...]:
    """Why each milestone of a *category* order without a limit in *limits* is not judged."""
    kind = f"{category.value} ({category.label_zh}) repairs"
    lines = [
        f"{name}: no {name} limit for {kind}"
        for name, table in (("arrival", limits.arrival), ("completion", limits.completion))
        if category not in table
    ]
    if limits.revisit is None:
        lines.append("revisit: no revisit limit")
    return tuple(lines)
