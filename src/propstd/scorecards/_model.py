"""The scorecard's values: indicators, sections, the card (private part of propstd.scorecards).

Every figure on a card is exact and additive, so cards of several properties for the same
month add up (`card_a + card_b`, `Scorecard.sum(cards)`) to the group's card: a `Rate` pools
numerators and denominators, `Money` and counts add. A figure nobody can compute for lack of
data is `None` ("no data"), never 0.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from decimal import Decimal

import attrs

from propstd._repr import shown
from propstd._validators import is_str, nonblank, to_tuple
from propstd._vocab import Vocabulary, to_member
from propstd.errors import InvalidValueError
from propstd.money import Money
from propstd.periods import Period
from propstd.rates import Rate, Target, TargetResult

__all__: list[str] = []

Value = Rate | Money | int | Decimal
"""What an indicator measures: a rate, an amount, a count or points."""


class Status(Vocabulary):
    """How an indicator stands."""

    MET = "met", "达标"
    """Within its target (or, for a budget line, within the explain threshold)."""
    WATCH = "watch", "关注"
    """A budget variance that must be explained (needs attention, not yet a miss)."""
    MISSED = "missed", "未达标"
    """Outside its target (or a budget variance past the stop threshold)."""
    INFO = "info", "参考"
    """A figure with no target (counts, amounts)."""
    NOT_APPLICABLE = "not_applicable", "不适用"
    """A rate of 0/0: there was nothing to judge."""
    NO_DATA = "no_data", "无数据"
    """No records of this kind were given for the period."""
    NOT_SET = "not_set", "未设定"
    """The service standard does not fix this part."""

    @classmethod
    def of(cls, value: Value | None, target: Target | None) -> Status:
        """The status of *value* against *target* (rates only have targets)."""
        if value is None:
            return cls.NO_DATA
        if target is None or not isinstance(value, Rate):
            return cls.INFO
        return _FROM_TARGET[target.evaluate(value)]


_FROM_TARGET = {
    TargetResult.MET: Status.MET,
    TargetResult.MISSED: Status.MISSED,
    TargetResult.NOT_APPLICABLE: Status.NOT_APPLICABLE,
}


def _to_status(value: Status | str) -> Status:
    return to_member("status", Status, value)


def _check_value(name: str, value: object) -> Value | None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, Value)):
        msg = f"{name!r} must be a Rate, Money, int or Decimal, got {shown(value)}"
        raise TypeError(msg)
    return value


def _value(_instance: object, attribute: attrs.Attribute[Value | None], value: object) -> None:
    _check_value(attribute.name, value)


def _trend(value: Iterable[Value | None]) -> tuple[Value | None, ...]:
    return tuple(_check_value("trend", v) for v in to_tuple(value))


def _indicators(value: Iterable[Indicator]) -> tuple[Indicator, ...]:
    return tuple(to_tuple(value))


def _notes(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(to_tuple(value))


@attrs.frozen(kw_only=True)
class Indicator:
    """One figure of the month, with its target, its status and where it was before.

    `trend` holds the figure of each period of the card's `periods` (oldest first, this
    period last; `None` where that month had no data), so a 12-month trend can be drawn.
    """

    key: str = attrs.field(validator=nonblank)
    """A stable key (`"qpi.coverage"`), the same on every card."""
    title: str = attrs.field(validator=nonblank)
    """The English title (`"Coverage"`)."""
    title_zh: str = attrs.field(validator=is_str)
    """The Chinese title (`"覆盖率"`)."""
    value: Value | None = attrs.field(validator=_value)
    """The exact figure, or `None` for no data."""
    target: Target | None = attrs.field(default=None)
    """The target (rates only), from the service standard."""
    reference: Value | None = attrs.field(default=None, validator=_value)
    """What a figure without a target is measured against, of the same kind (the budget of an
    actual amount, the number required of a number done), or `None`; drawn as the bar's mark."""
    status: Status = attrs.field(default=Status.INFO, converter=_to_status)
    """How it stands against the target."""
    trend: tuple[Value | None, ...] = attrs.field(default=(), converter=_trend)
    """The figure of each period of the card (oldest first, ending with this one)."""

    @property
    def previous(self) -> Value | None:
        """The figure of the period before (`None` when unknown or without data)."""
        return self.trend[-2] if len(self.trend) > 1 else None

    @property
    def result(self) -> TargetResult | None:
        """The target result of a rate with a target (`None` otherwise)."""
        if isinstance(self.value, Rate) and self.target is not None:
            return self.target.evaluate(self.value)
        return None


@attrs.frozen(kw_only=True)
class Section:
    """One domain of the card (QPI, findings, complaints, repairs, budget ...)."""

    key: str = attrs.field(validator=nonblank)
    """`"qpi"`, `"findings"`, `"complaints"`, `"repairs"`, `"budget"`, `"surveys"`,
    `"routines"`, `"staffing"`."""
    title: str = attrs.field(validator=nonblank)
    """The English title."""
    title_zh: str = attrs.field(validator=is_str)
    """The Chinese title."""
    status: Status = attrs.field(default=Status.INFO, converter=_to_status)
    """`no_data` when no records of the domain were given, `not_set` when the standard does
    not fix it, else `info`; the indicators carry their own statuses."""
    indicators: tuple[Indicator, ...] = attrs.field(default=(), converter=_indicators)
    """The section's figures."""
    notes: tuple[str, ...] = attrs.field(default=(), converter=_notes)
    """Lines a reader should see under the figures."""


@attrs.frozen(kw_only=True)
class OpenItem:
    """Something still open at `as_of` that someone must act on: a finding, a complaint, a
    repair, a missed duty."""

    kind: str = attrs.field(validator=nonblank)
    """`"finding"`, `"complaint"`, `"repair"`, `"routine"` ..."""
    ref: str = attrs.field(validator=nonblank)
    """The record's id or code."""
    title: str = attrs.field(validator=is_str)
    """What it is about."""
    owner: str = attrs.field(validator=is_str)
    """Who must act (department, role or person; `""` when none is named)."""
    due: datetime | None = attrs.field(default=None)
    """When it was or is due."""
    overdue: bool = attrs.field(default=False)
    """Whether it is past due at `as_of`."""
    property: str = attrs.field(default="", validator=is_str)
    """The property it belongs to (filled on a group's card)."""


def add_values(a: Value | None, b: Value | None) -> Value | None:
    """Pool two figures of one indicator: rates by numerator and denominator, the rest summed.

    `None` (no data) adds nothing: the group's figure is that of the properties with data.
    """
    if a is None:
        return b
    if b is None:
        return a
    if type(a) is not type(b) and not (isinstance(a, int) and isinstance(b, int)):
        msg = f"figures of different kinds do not add: {shown(a)} and {shown(b)}"
        raise InvalidValueError(msg, field="value", value=(a, b))
    return a + b  # type: ignore[operator]  # same kind, checked above


def add_indicators(a: Indicator, b: Indicator) -> Indicator:
    """The group figure of two properties' indicator *a* and *b* (same key)."""
    if len(a.trend) != len(b.trend):
        msg = f"indicator {a.key!r}: trends of different lengths do not add"
        raise InvalidValueError(msg, field="trend", value=(a.trend, b.trend))
    value = add_values(a.value, b.value)
    target = a.target if a.target == b.target else None
    status = Status.of(value, target)
    if a.status is b.status and a.status in (Status.NOT_SET, Status.NO_DATA):
        status = a.status
    return Indicator(
        key=a.key,
        title=a.title,
        title_zh=a.title_zh,
        value=value,
        target=target,
        reference=add_values(a.reference, b.reference),
        status=status,
        trend=tuple(add_values(x, y) for x, y in zip(a.trend, b.trend, strict=True)),
    )


def add_sections(a: Section, b: Section) -> Section:
    """The group section of two properties' section *a* and *b* (same key)."""
    mine = {i.key: i for i in a.indicators}
    theirs = {i.key: i for i in b.indicators}
    keys = list(mine) + [k for k in theirs if k not in mine]
    indicators = [
        add_indicators(mine[k], theirs[k])
        if k in mine and k in theirs
        else mine.get(k) or theirs[k]
        for k in keys
    ]
    status = a.status if a.status is b.status else Status.INFO
    notes = tuple(dict.fromkeys((*a.notes, *b.notes)))
    return Section(
        key=a.key,
        title=a.title,
        title_zh=a.title_zh,
        status=status,
        indicators=indicators,
        notes=notes,
    )


def check_same_period(a: Period, b: Period) -> None:
    """Cards add only for the same period."""
    if a != b:
        msg = f"cards of different periods do not add: {a} and {b}"
        raise InvalidValueError(msg, field="period", value=(a, b))
