"""Repair orders (报修) and their time limits: arrival, completion, revisit, rework, warranty.

A [RepairOrder][propstd.repairs.RepairOrder] is one owner's repair request with its
`propstd.timelines.Timeline` of events. [RepairLimits][propstd.repairs.RepairLimits]
hold the property's repair time-limit table (工程维修时限表): an arrival and a completion
[TimeLimit][propstd.timelimits.TimeLimit] for each [RepairCategory][propstd.repairs.RepairCategory]
and one revisit limit. [repair_status][propstd.repairs.repair_status] judges one order against
them; [repair_metrics][propstd.repairs.repair_metrics] gives a period's timeliness, revisit,
rework and satisfaction rates, overall and per technician.
[warranty_reminder_date][propstd.repairs.warranty_reminder_date] and
[retention_until][propstd.repairs.retention_until] answer the two date questions of the seed rules.

The library ships no default limits: the numbers are the property's own (the sample property's
table lives in the tutorial and the demo).

Examples:
    >>> from datetime import date
    >>> warranty_reminder_date(date(2025, 3, 31))
    datetime.date(2025, 2, 28)
    >>> retention_until(date(2024, 2, 29), RecordKind.PATROL)
    datetime.date(2026, 2, 28)
"""

from __future__ import annotations

import enum
import html
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from types import MappingProxyType
from typing import Any, TypeVar

import attrs
from dateutil.relativedelta import relativedelta

from propstd._time import to_utc, zone
from propstd._validators import (
    check_aware,
    check_date,
    check_nonblank,
    check_str,
    check_type,
    is_str,
    nonblank,
    optional_aware,
)
from propstd.calendars import WorkingCalendar
from propstd.errors import InvalidValueError
from propstd.periods import Period
from propstd.rates import Rate, Target, TargetResult
from propstd.timelimits import TimeLimit, TimeUnit
from propstd.timelines import (
    EventKind,
    Milestone,
    MilestoneState,
    MilestoneStatus,
    Revisited,
    Timeline,
)

__all__ = [
    "REVISIT_TARGET",
    "RecordKind",
    "RepairCategory",
    "RepairFigures",
    "RepairLimits",
    "RepairMetrics",
    "RepairOrder",
    "RepairStatus",
    "repair_metrics",
    "repair_status",
    "retention_until",
    "warranty_reminder_date",
]


def __dir__() -> list[str]:
    return __all__


_E = TypeVar("_E", bound=enum.StrEnum)


class RepairCategory(enum.StrEnum):
    """The kind of repair, which selects its row of the time-limit table."""

    EMERGENCY = "emergency"
    """急修: a burst pipe, a power loss, a lift entrapment; on site at once, around the clock."""
    ORDINARY = "ordinary"
    """一般维修: an ordinary repair in the owner's home or a common area."""
    SCHEDULED = "scheduled"
    """预约维修: a repair at a time agreed with the owner (the order's `appointment`)."""

    @property
    def chinese(self) -> str:
        """The Chinese term (急修, 一般维修, 预约维修)."""
        return _CATEGORY_ZH[self]


_CATEGORY_ZH = MappingProxyType(
    {
        RepairCategory.EMERGENCY: "急修",
        RepairCategory.ORDINARY: "一般维修",
        RepairCategory.SCHEDULED: "预约维修",
    }
)


class RecordKind(enum.StrEnum):
    """A kind of engineering record, which sets how long it must be kept.

    References:
        Seed rules §4 (维修): maintenance and service records of equipment are kept at least
        3 years; equipment operation patrol records at least 2 years.
    """

    MAINTENANCE = "maintenance"
    """Maintenance and service records of equipment (设备维修保养记录): 3 years."""
    PATROL = "patrol"
    """Equipment operation patrol records (设备运行巡视记录): 2 years."""

    @property
    def retention_years(self) -> int:
        """The minimum number of years a record of this kind is kept."""
        return _RETENTION_YEARS[self]


_RETENTION_YEARS = MappingProxyType({RecordKind.MAINTENANCE: 3, RecordKind.PATROL: 2})


def _enum_value(name: str, value: object, kind: type[_E]) -> _E:
    if isinstance(value, kind):
        return value
    if isinstance(value, str):
        try:
            return kind(value)
        except ValueError:
            choices = ", ".join(repr(m.value) for m in kind)
            msg = f"{name!r} must be one of {choices}, got {value!r}"
            raise InvalidValueError(msg) from None
    msg = f"{name!r} must be a {kind.__name__} or its value, got {type(value).__name__} {value!r}"
    raise TypeError(msg)


# ---- limits ------------------------------------------------------------------------------


def _limit_map(name: str, value: object) -> Mapping[RepairCategory, TimeLimit]:
    """A mapping category → TimeLimit naming every category, stored read-only."""
    if not isinstance(value, Mapping):
        msg = (
            f"{name!r} must be a mapping of repair category to TimeLimit, "
            f"got {type(value).__name__} {value!r}"
        )
        raise TypeError(msg)
    out: dict[RepairCategory, TimeLimit] = {}
    for key, limit in value.items():
        # a StrEnum member equals its value, so a mapping cannot name a category twice
        category = _enum_value(f"{name} key", key, RepairCategory)
        out[category] = check_type(f"{name}[{category.value!r}]", limit, TimeLimit)
    missing = [c.value for c in RepairCategory if c not in out]
    if missing:
        msg = (
            f"{name!r} must give a limit for every repair category; "
            f"missing {', '.join(repr(m) for m in missing)} in {value!r}"
        )
        raise InvalidValueError(msg)
    return MappingProxyType({c: out[c] for c in RepairCategory})


def _arrival_map(value: object) -> Mapping[RepairCategory, TimeLimit]:
    return _limit_map("arrival", value)


def _completion_map(value: object) -> Mapping[RepairCategory, TimeLimit]:
    return _limit_map("completion", value)


def _comparable(a: TimeLimit, b: TimeLimit) -> bool:
    """Whether two limits compare: same clock, both durations or both counts of days."""
    return a.clock is b.clock and (a.unit is TimeUnit.DAY) == (b.unit is TimeUnit.DAY)


def _limit_repr(value: Mapping[RepairCategory, TimeLimit]) -> str:
    return "{" + ", ".join(f"{c.value!r}: {str(v)!r}" for c, v in value.items()) + "}"


@attrs.frozen(kw_only=True)
class RepairLimits:
    """A property's repair time-limit table (工程维修时限表).

    Each category has an arrival limit (a technician on site) and a completion limit (the
    work done), measured from the order's start: when it was received, or, for a
    [scheduled][propstd.repairs.RepairCategory.SCHEDULED] order, the agreed appointment. The
    revisit limit (customer service calls back, 回访) is measured from completion. Pauses (waiting
    for parts, the owner absent) extend the completion limit only.

    The mappings must name every category; they are stored read-only in category order. The
    library has no default table: each property states its own (see the tutorial for the
    sample property's).

    Raises:
        TypeError: a mapping is not a mapping, a limit is not a `TimeLimit`, or a key is neither
            a `RepairCategory` nor a string.
        InvalidValueError: a key names no category, a category is missing,
            or a completion limit is shorter than the arrival limit of its category (checked
            where the two compare: same clock, both durations or both counts of days).

    References:
        Seed rules §4 (维修): repair orders meet the repair time-limit table; customer service
        calls back within one working day after a repair is finished.

    Examples:
        >>> from propstd.timelimits import TimeLimit
        >>> limits = RepairLimits(
        ...     arrival={"emergency": TimeLimit.parse("15 minutes"),
        ...              "ordinary": TimeLimit.parse("30 minutes"),
        ...              "scheduled": TimeLimit.parse("immediately")},
        ...     completion={"emergency": TimeLimit.parse("4 hours"),
        ...                 "ordinary": TimeLimit.parse("2 working days"),
        ...                 "scheduled": TimeLimit.parse("3 working days")},
        ...     revisit=TimeLimit.parse("1 working day"),
        ... )
        >>> str(limits.completion[RepairCategory.ORDINARY])
        '2 working days'
    """

    arrival: Mapping[RepairCategory, TimeLimit] = attrs.field(
        converter=_arrival_map, hash=False, repr=_limit_repr
    )
    """Time to be on site, per category (for scheduled orders: after the appointment)."""
    completion: Mapping[RepairCategory, TimeLimit] = attrs.field(
        converter=_completion_map, hash=False, repr=_limit_repr
    )
    """Time to finish the work, per category; extended by pauses."""
    revisit: TimeLimit = attrs.field(validator=attrs.validators.instance_of(TimeLimit))
    """Time from completion to the return visit (回访)."""

    def __attrs_post_init__(self) -> None:
        for category in RepairCategory:
            arrival, completion = self.arrival[category], self.completion[category]
            if _comparable(arrival, completion) and completion < arrival:
                msg = (
                    f"'completion' of {category.value!r} ({completion}) must not be shorter "
                    f"than its 'arrival' ({arrival})"
                )
                raise InvalidValueError(msg)

    def __hash__(self) -> int:
        return hash((tuple(self.arrival.items()), tuple(self.completion.items()), self.revisit))


# ---- orders ------------------------------------------------------------------------------


def _category(value: object) -> RepairCategory:
    return _enum_value("category", value, RepairCategory)


def _optional_id(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        check_nonblank(attribute.name, value)


def _optional_date(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        check_date(attribute.name, value)


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
    timeline: Timeline = attrs.field(validator=attrs.validators.instance_of(Timeline))
    """The order's events, starting with `received`."""
    unit: str = attrs.field(default="", kw_only=True, validator=is_str)
    """The unit or place repaired (e.g. `"3-1502"`); empty if not recorded."""
    technician: str = attrs.field(default="", kw_only=True, validator=is_str)
    """Who did the work; empty if not assigned. Per-technician metrics group by it."""
    rework_of: str | None = attrs.field(default=None, kw_only=True, validator=_optional_id)
    """The id of the order whose work this order redoes (返修), if it is a rework."""
    warranty_until: date | None = attrs.field(default=None, kw_only=True, validator=_optional_date)
    """The last day of the warranty on the work, if any."""
    appointment: datetime | None = attrs.field(default=None, kw_only=True, validator=optional_aware)
    """The agreed instant of a scheduled order (required for it; `None` for the others)."""

    def __attrs_post_init__(self) -> None:
        if self.rework_of is not None and self.rework_of == self.id:
            msg = f"'rework_of' must name another order, got the order's own id {self.id!r}"
            raise InvalidValueError(msg)
        scheduled = self.category is RepairCategory.SCHEDULED
        if scheduled and self.appointment is None:
            msg = f"'appointment' is required for a scheduled order, got None (order {self.id!r})"
            raise InvalidValueError(msg)
        if not scheduled and self.appointment is not None:
            msg = (
                f"'appointment' is only for scheduled orders, got {self.appointment.isoformat()!r}"
                f" on a {self.category.value} order {self.id!r}"
            )
            raise InvalidValueError(msg)
        if self.appointment is not None and self.appointment < self.received_at:
            msg = (
                f"'appointment' {self.appointment.isoformat()!r} must not be before the order "
                f"was received ({self.received_at.isoformat()!r})"
            )
            raise InvalidValueError(msg)

    @property
    def received_at(self) -> datetime:
        """When the order was received (its timeline's first event)."""
        return self.timeline.received_at

    @property
    def start(self) -> datetime:
        """The instant arrival and completion limits count from: the appointment or receipt."""
        return self.appointment if self.appointment is not None else self.received_at


# ---- status of one order ----------------------------------------------------------------


def _milestones(category: RepairCategory, limits: RepairLimits) -> tuple[Milestone, ...]:
    return (
        Milestone("arrived", limits.arrival[category], name="arrival"),
        Milestone("completed", limits.completion[category], pausable=True, name="completion"),
        Milestone("revisited", limits.revisit, start="completed", name="revisit"),
    )


def _latest_verdict(timeline: Timeline, as_of: datetime) -> bool | None:
    seen = timeline.until(as_of)
    last = None if seen is None else seen.last(EventKind.REVISITED)
    return last.satisfied if isinstance(last, Revisited) else None


@attrs.frozen(kw_only=True)
class RepairStatus:
    """Where one repair order stands against the time-limit table as of an instant.

    The three milestones are `propstd.timelines.MilestoneStatus` records:
    `arrival` (on site within the category's arrival limit; not pausable), `completion` (done
    within the completion limit, extended by pauses for parts or an absent owner) and `revisit`
    (the return visit within the revisit limit of completion; not pausable, not applicable
    until the work is completed).
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
    arrival: MilestoneStatus
    """On site (到场) within the arrival limit."""
    completion: MilestoneStatus
    """Work completed within the completion limit, pauses counted."""
    revisit: MilestoneStatus
    """Return visit (回访) within the revisit limit of completion."""
    satisfied: bool | None
    """The owner's verdict at the latest revisit by `as_of` (`None`: no revisit or no answer)."""

    @property
    def breaches(self) -> tuple[str, ...]:
        """The names of the milestones breached (`"arrival"`, `"completion"`, `"revisit"`)."""
        return tuple(
            s.milestone.label
            for s in (self.arrival, self.completion, self.revisit)
            if s.state is MilestoneState.BREACHED
        )

    def __str__(self) -> str:
        head = f"{self.order_id} ({self.category.value} {self.category.chinese})"
        if self.technician:
            head += f", {self.technician}"
        lines = [head, f"  {self.arrival}", f"  {self.completion}", f"  {self.revisit}"]
        if self.satisfied is not None:
            lines.append(f"  owner {'satisfied' if self.satisfied else 'NOT satisfied'}")
        return "\n".join(lines)


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
    Events after *as_of* are ignored.

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
        >>> print(status)
        R-7 (emergency 急修)
          arrival (15 minutes): met, due 2025-03-02 02:15
          completion (4 hours): pending, due 2025-03-02 06:00, 3h 00m left
          revisit: not applicable
    """
    check_type("order", order, RepairOrder)
    check_type("limits", limits, RepairLimits)
    check_type("calendar", calendar, WorkingCalendar)
    check_aware("as_of", as_of)
    arrival, completion, revisit = _milestones(order.category, limits)
    arrival_status, completion_status = (
        order.timeline.status(m, calendar=calendar, as_of=as_of, start_at=order.appointment)
        for m in (arrival, completion)
    )
    return RepairStatus(
        order_id=order.id,
        category=order.category,
        technician=order.technician,
        as_of=as_of,
        start_at=order.start,
        arrival=arrival_status,
        completion=completion_status,
        revisit=order.timeline.status(revisit, calendar=calendar, as_of=as_of),
        satisfied=_latest_verdict(order.timeline, as_of),
    )


# ---- metrics ------------------------------------------------------------------------------

REVISIT_TARGET = Target(minimum=1)
"""Every completed repair gets a return visit: the revisit rate's target is 100 %.

References:
    Seed rules §4 (维修): 100 % return visits (回访) for engineering repairs.
"""

_JUDGED = (MilestoneState.MET, MilestoneState.BREACHED)


@attrs.frozen(kw_only=True)
class RepairFigures:
    """A period's repair figures for one group of orders (all, one technician, one category).

    Every rate is exact and pools: the figures of the technicians add up, rate by rate, to the
    overall figures (`Rate` `+`). A rate whose denominator is 0 is "not applicable" (`0/0`).

    - `arrival` and `completion`: milestones met / milestones judged (met or breached);
      orders still within their limit are not judged yet.
    - `revisit` (回访率): revisited / completed orders whose revisit is done or overdue;
      `revisit_on_time`: revisited within the limit / the same orders. Target: 100 %.
    - `rework` (返修率): completed orders whose work was redone (another order names them in
      `rework_of`) / completed orders.
    - `satisfaction`: satisfied / orders whose latest revisit recorded a verdict.
    """

    label: str
    """The group: `"all"`, a technician's name, or a category."""
    orders: int
    """Orders received in the period (by `as_of`)."""
    completed: int
    """Of those, orders completed by `as_of`."""
    arrival: Rate
    """On-site arrivals within the limit / arrivals judged (到场及时率)."""
    completion: Rate
    """Completions within the limit / completions judged (完成及时率)."""
    revisit: Rate
    """Revisits done / revisits due (回访率)."""
    revisit_on_time: Rate
    """Revisits done within the limit / revisits due."""
    rework: Rate
    """Reworked orders / completed orders (返修率)."""
    satisfaction: Rate
    """Satisfied owners / verdicts recorded (满意率)."""

    @property
    def revisit_result(self) -> TargetResult:
        """How the revisit rate fares against [REVISIT_TARGET][propstd.repairs.REVISIT_TARGET]."""
        return REVISIT_TARGET.evaluate(self.revisit)


_NA = Rate(0, 0)


@attrs.frozen
class _Tally:
    orders: int = 0
    completed: int = 0
    arrival: Rate = _NA
    completion: Rate = _NA
    revisit: Rate = _NA
    revisit_on_time: Rate = _NA
    rework: Rate = _NA
    satisfaction: Rate = _NA

    def __add__(self, other: _Tally) -> _Tally:
        return _Tally(
            *(
                a + b
                for a, b in zip(
                    attrs.astuple(self, recurse=False),
                    attrs.astuple(other, recurse=False),
                    strict=True,
                )
            )
        )

    def figures(self, label: str) -> RepairFigures:
        return RepairFigures(label=label, **attrs.asdict(self, recurse=False))


def _judged(status: MilestoneStatus) -> Rate:
    if status.state not in _JUDGED:
        return Rate(0, 0)
    return Rate(int(status.state is MilestoneState.MET), 1)


def _tally(status: RepairStatus, *, reworked: bool) -> _Tally:
    done = status.completion.done_at is not None
    due = done and status.revisit.state in _JUDGED
    verdict = status.satisfied
    return _Tally(
        orders=1,
        completed=int(done),
        arrival=_judged(status.arrival),
        completion=_judged(status.completion),
        revisit=Rate(int(status.revisit.done_at is not None), 1) if due else Rate(0, 0),
        revisit_on_time=_judged(status.revisit) if due else Rate(0, 0),
        rework=Rate(int(reworked), 1) if done else Rate(0, 0),
        satisfaction=Rate(int(verdict), 1) if verdict is not None else Rate(0, 0),
    )


_COLUMNS = (
    ("orders", "orders"),
    ("completed", "completed"),
    ("arrival", "arrival on time"),
    ("completion", "completion on time"),
    ("revisit", "revisited"),
    ("revisit_on_time", "revisit on time"),
    ("rework", "rework"),
    ("satisfaction", "satisfied"),
)


def _width(text: str) -> int:
    # CJK characters take two columns in a terminal
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


@attrs.frozen(kw_only=True)
class RepairMetrics:
    """A period's repair timeliness, revisits, rework and satisfaction, overall and by group.

    `by_technician` is sorted by name (an empty name, orders with no technician, shows as
    `"(unassigned)"`); `by_category` follows the category order. Render with
    [to_text][propstd.repairs.RepairMetrics.to_text], `to_markdown()`, or in a notebook as an
    HTML table.
    """

    period: Period
    """The period whose received orders are counted (by the calendar's local date)."""
    as_of: datetime
    """The instant of the judgement."""
    overall: RepairFigures
    """All orders of the period."""
    by_technician: tuple[RepairFigures, ...]
    """One row per technician, by name."""
    by_category: tuple[RepairFigures, ...]
    """One row per category that had orders."""

    def technician(self, name: str) -> RepairFigures:
        """The figures of technician *name*.

        Raises:
            InvalidValueError: no order of the period names *name*.
        """
        check_str("name", name)
        label = name or _UNASSIGNED
        for row in self.by_technician:
            if row.label == label:
                return row
        known = ", ".join(repr(r.label) for r in self.by_technician)
        msg = f"'name' must be a technician of the period ({known}), got {name!r}"
        raise InvalidValueError(msg)

    def _rows(self) -> list[list[str]]:
        head = ["", *(title for _, title in _COLUMNS)]
        return [head] + [
            [figures.label, *(str(getattr(figures, f)) for f, _ in _COLUMNS)]
            for figures in (self.overall, *self.by_technician, *self.by_category)
        ]

    def to_text(self) -> str:
        """A plain-text table: the overall row, then technicians, then categories."""
        rows = self._rows()
        widths = [max(_width(r[i]) for r in rows) for i in range(len(rows[0]))]
        lines = [f"Repairs {self.period} as of {self.as_of.isoformat()}"]
        for n, row in enumerate(rows):
            cells = [row[0] + " " * (widths[0] - _width(row[0]))]
            cells += [" " * (w - _width(c)) + c for c, w in zip(row[1:], widths[1:], strict=True)]
            lines.append("  ".join(cells).rstrip())
            if n == 0:
                lines.append("  ".join("-" * w for w in widths))
        return "\n".join(lines)

    def to_markdown(self) -> str:
        """A Markdown table with the same rows as `to_text()`."""
        rows = self._rows()
        out = ["| " + " | ".join(rows[0]) + " |", "|---" + "|---:" * (len(rows[0]) - 1) + "|"]
        out += ["| " + " | ".join(row) + " |" for row in rows[1:]]
        return "\n".join(out)

    def _repr_html_(self) -> str:
        rows = self._rows()
        head = "".join(f"<th>{html.escape(c)}</th>" for c in rows[0])
        body = "".join(
            "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>"
            for row in rows[1:]
        )
        caption = html.escape(f"Repairs {self.period} as of {self.as_of.isoformat()}")
        return (
            f"<table><caption>{caption}</caption><thead><tr>{head}</tr></thead>"
            f"<tbody>{body}</tbody></table>"
        )

    def __str__(self) -> str:
        return self.to_text()


_UNASSIGNED = "(unassigned)"


def _orders(value: object) -> tuple[RepairOrder, ...]:
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        msg = f"'orders' must be an iterable of RepairOrder, got {type(value).__name__} {value!r}"
        raise TypeError(msg)
    out = tuple(value)
    seen: set[str] = set()
    for i, order in enumerate(out):
        check_type(f"orders[{i}]", order, RepairOrder)
        if order.id in seen:
            msg = f"'orders' must have distinct ids, got {order.id!r} twice (orders[{i}])"
            raise InvalidValueError(msg)
        seen.add(order.id)
    return out


def repair_metrics(
    orders: Iterable[RepairOrder],
    *,
    period: Period,
    limits: RepairLimits,
    calendar: WorkingCalendar,
    as_of: datetime,
) -> RepairMetrics:
    """The repair figures of *period*: timeliness, revisits, rework, satisfaction.

    An order belongs to the period when it was received on one of its dates (local dates in
    the calendar's zone) and by *as_of*. Each order is judged by
    [repair_status][propstd.repairs.repair_status]. An order counts as reworked when another
    of *orders* received by *as_of* names it in `rework_of` (pass the rework orders of later
    periods too, and the originals of a rework, to attribute every rework); a reworked order
    counts against the technician who did the original work. See
    [RepairFigures][propstd.repairs.RepairFigures] for every rate's numerator and denominator.

    Args:
        orders: the repair orders (ids distinct); orders outside the period are only used to
            find reworks.
        period: the dates whose received orders are counted.
        limits: the property's time-limit table.
        calendar: the working calendar (see `repair_status`).
        as_of: the instant of the judgement.

    Returns:
        The figures overall, per technician and per category.

    Raises:
        TypeError: an argument or an order has the wrong type.
        InvalidValueError: two orders share an id.
        NaiveDatetimeError: *as_of* is naive.
        CalendarCoverageError: a working-clock limit reaches outside the calendar's data.

    References:
        Seed rules §4 (维修): timeliness (及时性), 100 % return visits, rework rate (返修率)
        tracked per technician.
    """
    chosen = _orders(orders)
    check_type("period", period, Period)
    check_type("limits", limits, RepairLimits)
    check_type("calendar", calendar, WorkingCalendar)
    cut = to_utc(check_aware("as_of", as_of))
    tz = zone(calendar.zone)
    redone = {
        o.rework_of for o in chosen if o.rework_of is not None and to_utc(o.received_at) <= cut
    }
    by_technician: dict[str, _Tally] = {}
    by_category: dict[RepairCategory, _Tally] = {}
    for order in chosen:
        received = order.received_at
        if to_utc(received) > cut or received.astimezone(tz).date() not in period:
            continue
        status = repair_status(order, limits=limits, calendar=calendar, as_of=as_of)
        tally = _tally(status, reworked=order.id in redone)
        name = order.technician or _UNASSIGNED
        by_technician[name] = by_technician.get(name, _Tally()) + tally
        by_category[order.category] = by_category.get(order.category, _Tally()) + tally
    overall = sum(by_technician.values(), _Tally())
    return RepairMetrics(
        period=period,
        as_of=as_of,
        overall=overall.figures("all"),
        by_technician=tuple(by_technician[k].figures(k) for k in sorted(by_technician)),
        by_category=tuple(
            by_category[c].figures(f"{c.value} {c.chinese}")
            for c in RepairCategory
            if c in by_category
        ),
    )


# ---- dates ------------------------------------------------------------------------------


_TIME_FIELDS = ("hours", "minutes", "seconds", "microseconds")
_ABSOLUTE_TIME_FIELDS = ("hour", "minute", "second", "microsecond")


def warranty_reminder_date(
    warranty_until: date,
    *,
    before: relativedelta = relativedelta(months=1),  # noqa: B008 (immutable in practice)
) -> date:
    """The day to remind the owner that a warranty ends: *before* ahead of *warranty_until*.

    Month-end safe: the day of the month is clamped to the length of the earlier month, so a
    warranty ending on 31 March is reminded on 28 February (29 in a leap year), never on
    3 March. The reminder is always strictly before the warranty end.

    Args:
        warranty_until: the last day of the warranty (保修期) as a date.
        before: how far ahead to remind, in whole days, months or years (default one month).

    Returns:
        `warranty_until - before`, clamped at month ends.

    Raises:
        TypeError: *warranty_until* is not a date (a datetime is refused) or *before* is not a
            `relativedelta`.
        InvalidValueError: *before* has a time-of-day part (hours, minutes …) or does not move
            the date back.

    References:
        Seed rules §4 (维修): owners are reminded by message one month before the warranty
        period ends.

    Examples:
        >>> from datetime import date
        >>> warranty_reminder_date(date(2025, 3, 31))
        datetime.date(2025, 2, 28)
        >>> warranty_reminder_date(date(2024, 3, 31))
        datetime.date(2024, 2, 29)
        >>> warranty_reminder_date(date(2025, 6, 15), before=relativedelta(weeks=2))
        datetime.date(2025, 6, 1)
    """
    end = check_date("warranty_until", warranty_until)
    ahead = check_type("before", before, relativedelta)
    if any(getattr(ahead, f) for f in _TIME_FIELDS) or any(
        getattr(ahead, f) is not None for f in _ABSOLUTE_TIME_FIELDS
    ):
        msg = f"'before' must be whole days, months or years (no time of day), got {before!r}"
        raise InvalidValueError(msg)
    reminder: date = end - ahead
    if reminder >= end:
        msg = f"'before' must move the date back, got {before!r} ({end} → {reminder})"
        raise InvalidValueError(msg)
    return reminder


def retention_until(record_date: date, kind: RecordKind | str) -> date:
    """The first day a record of *kind* made on *record_date* may be discarded.

    The record must be kept on every day of the half-open range `[record_date, result)`, which
    is the kind's [retention_years][propstd.repairs.RecordKind.retention_years] long. A record
    of 29 February ends its term on 28 February (the anniversary clamped to the month's end).

    Args:
        record_date: the date of the record.
        kind: a [RecordKind][propstd.repairs.RecordKind] or its value (`"maintenance"`,
            `"patrol"`).

    Returns:
        `record_date + retention_years`, clamped at the end of February.

    Raises:
        TypeError: *record_date* is not a date (a datetime is refused), or *kind* is neither a
            `RecordKind` nor a string.
        InvalidValueError: *kind* is a string naming no record kind.

    References:
        Seed rules §4 (维修): maintenance and service records of equipment are kept at least
        3 years; equipment operation patrol records at least 2 years.

    Examples:
        >>> from datetime import date
        >>> retention_until(date(2025, 3, 10), "maintenance")
        datetime.date(2028, 3, 10)
        >>> retention_until(date(2024, 2, 29), RecordKind.MAINTENANCE)
        datetime.date(2027, 2, 28)
    """
    day = check_date("record_date", record_date)
    years = _enum_value("kind", kind, RecordKind).retention_years
    result: date = day + relativedelta(years=years)
    return result
