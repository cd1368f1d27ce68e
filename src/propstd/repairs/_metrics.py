"""Repair figures of a period, overall and per technician (private; see propstd.repairs)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

import attrs

from propstd._repr import shown
from propstd._table import Column, Rendered, Table
from propstd._time import to_utc
from propstd._validators import check_str, check_type
from propstd.calendars import WorkingCalendar
from propstd.errors import InvalidValueError
from propstd.periods import Period
from propstd.rates import Rate, Target, TargetResult
from propstd.repairs._limits import RepairCategory, RepairLimits
from propstd.repairs._orders import RepairOrder, RepairStatus, in_zone, repair_status
from propstd.timelines import MilestoneState, MilestoneStatus

__all__: list[str] = []


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
      orders still within their limit are not judged yet, and orders whose category has no
      such limit are never judged (in neither numerator nor denominator).
    - `revisit` (回访率): revisited / completed orders whose revisit is done or overdue (with
      no revisit limit, nothing is "within its limit": revisited / completed orders);
      `revisit_on_time`: revisited within the limit / the same orders (`0/0` with no revisit
      limit). Target: 100 %.
    - `rework` (返修率): completed orders whose work was redone (another order names them in
      `rework_of`) / completed orders.
    - `satisfaction`: satisfied / orders whose latest revisit recorded a verdict.
    """

    label: str
    """The group: `"all"`, a technician's name, or a category (`"emergency 急修"`)."""
    group: str = "all"
    """What `label` names: `"all"`, `"technician"` or `"category"`."""
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

    def figures(self, label: str, group: str) -> RepairFigures:
        return RepairFigures(label=label, group=group, **attrs.asdict(self, recurse=False))


def _judged(status: MilestoneStatus | None) -> Rate:
    if status is None or status.state not in _JUDGED:
        return Rate(0, 0)
    return Rate(int(status.state is MilestoneState.MET), 1)


def _tally(status: RepairStatus, *, reworked: bool) -> _Tally:
    done = status.completed_at is not None
    # a revisit is due once the work is done: with a limit, once it was made or is overdue
    # (one still within its limit is not counted yet); with none, at once
    revisit = status.revisit
    due = done and (revisit is None or revisit.state in _JUDGED)
    verdict = status.satisfied
    return _Tally(
        orders=1,
        completed=int(done),
        arrival=_judged(status.arrival),
        completion=_judged(status.completion),
        revisit=Rate(int(status.revisited_at is not None), 1) if due else Rate(0, 0),
        revisit_on_time=_judged(revisit) if due else Rate(0, 0),
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


@attrs.frozen(kw_only=True, repr=False)
class RepairMetrics(Rendered):
    """A period's repair timeliness, revisits, rework and satisfaction, overall and by group.

    `by_technician` is sorted by name (an empty name, orders with no technician, shows as
    `"(unassigned)"`); `by_category` follows the category order. `print(metrics)` shows the
    table (`to_text()`, `to_markdown()`, `to_html()`, a notebook's HTML); `rows()` gives its
    typed rows.
    """

    period: Period
    """The period whose received orders are counted (by the calendar's local date)."""
    as_of: datetime
    """The instant of the judgement (in the calendar's zone)."""
    overall: RepairFigures
    """All orders of the period."""
    by_technician: tuple[RepairFigures, ...]
    """One row per technician, by name."""
    by_category: tuple[RepairFigures, ...]
    """One row per category that had orders."""
    not_judged: tuple[str, ...] = ()
    """What the limits leave unjudged among the period's orders, and why, one line each
    (`"completion: 12 emergency (急修) orders not judged, no completion limit"`; with no
    revisit limit, a line saying that on-time revisits are not judged)."""

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
        msg = f"'name' must be a technician of the period ({known}), got {shown(name)}"
        raise InvalidValueError(msg, field="name", value=name)

    def rows(self) -> tuple[RepairFigures, ...]:
        """The overall figures, then one row per technician, then one per category."""
        return (self.overall, *self.by_technician, *self.by_category)

    def _table(self) -> Table:
        return Table(
            title=f"Repairs {self.period} as of {self.as_of:%Y-%m-%d %H:%M}",
            columns=(Column(""), *(Column(title, "right") for _, title in _COLUMNS)),
            rows=tuple(
                (f.label, *(str(getattr(f, name)) for name, _ in _COLUMNS)) for f in self.rows()
            ),
            strong=frozenset({0}),
            notes=tuple(f"not judged — {line}" for line in self.not_judged),
        )

    def __repr__(self) -> str:
        return (
            f"RepairMetrics(period={str(self.period)!r}, orders={self.overall.orders}, "
            f"as_of={self.as_of.isoformat()!r})"
        )


_UNASSIGNED = "(unassigned)"


def _orders(value: object) -> tuple[RepairOrder, ...]:
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        msg = (
            f"'orders' must be an iterable of RepairOrder, got {type(value).__name__} "
            f"{shown(value)}"
        )
        raise TypeError(msg)
    out = tuple(value)
    seen: set[str] = set()
    for i, order in enumerate(out):
        check_type(f"orders[{i}]", order, RepairOrder)
        if order.id in seen:
            msg = f"'orders' must have distinct ids, got {order.id!r} twice (orders[{i}])"
            raise InvalidValueError(msg, field=f"orders[{i}].id", value=order.id)
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
    as_of = in_zone("as_of", as_of, calendar)
    cut = to_utc(as_of)
    tz = as_of.tzinfo
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
        overall=overall.figures("all", "all"),
        by_technician=tuple(
            by_technician[k].figures(k, "technician") for k in sorted(by_technician)
        ),
        by_category=tuple(
            by_category[c].figures(f"{c.value} {c.label_zh}", "category")
            for c in RepairCategory
            if c in by_category
        ),
        not_judged=_not_judged(limits, by_category),
    )


def _orders_of(n: int, category: RepairCategory) -> str:
    """`"1 emergency (急修) order"`, `"3 ordinary (一般维修) orders"`."""
    return f"{n} {category.value} ({category.label_zh}) order{'' if n == 1 else 's'}"


def _not_judged(limits: RepairLimits, counts: dict[RepairCategory, _Tally]) -> tuple[str, ...]:
    """Why orders of the period (*counts*, by category) are not judged for want of a limit."""
    lines = [
        f"{name}: {_orders_of(counts[c].orders, c)} not judged, no {name} limit"
        for name, table in (("arrival", limits.arrival), ("completion", limits.completion))
        for c in RepairCategory
        if c in counts and c not in table
    ]
    if limits.revisit is None and counts:
        lines.append(
            "revisit on time: not judged, no revisit limit (the revisit rate counts every "
            "completed order)"
        )
    return tuple(lines)
