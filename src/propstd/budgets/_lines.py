"""Profiles, budget lines, exact splits to months, weeks, days, departments, people (private)."""

from __future__ import annotations

import calendar as _calendar
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction

import attrs

from propstd._repr import shown
from propstd._validators import check_int, check_nonblank, check_type, nonblank, to_tuple
from propstd._vocab import to_member
from propstd.budgets._common import (
    _check_month,
    _check_year,
    _enum_repr,
    _exact,
    _items,
    _non_negative,
    _non_negative_money,
    _number,
    _str,
)
from propstd.budgets._vocab import BudgetCategory, LineKind, ProfileKind
from propstd.calendars import WorkingDays
from propstd.errors import InvalidValueError
from propstd.money import Money, allocate
from propstd.periods import Period, PeriodUnit

__all__: list[str] = []


# -- profiles -----------------------------------------------------------------------------


def _weights(value: object) -> tuple[Fraction, ...]:
    return tuple(_non_negative(f"weights[{i}]", w) for i, w in enumerate(_items(value)))


def _to_profile_kind(value: ProfileKind | str) -> ProfileKind:
    return to_member("kind", ProfileKind, value)


@attrs.frozen(kw_only=True)
class Profile:
    """How an annual amount spreads over the twelve months.

    Build one with [even][propstd.budgets.Profile.even], [by_days][propstd.budgets.Profile.by_days],
    [weights][propstd.budgets.Profile.weights] or a seasonal preset such as
    [thirteenth_month][propstd.budgets.Profile.thirteenth_month].

    Raises:
        InvalidValueError: `weights` is not 12 non-negative numbers with a positive sum for
            `kind="weights"`, or not empty for the other kinds.
        TypeError: a weight is a float or bool.

    Examples:
        >>> Profile.even().month_weights(2025)[:2]
        (Fraction(1, 1), Fraction(1, 1))
        >>> Profile.by_days().month_weights(2024)[1]
        Fraction(29, 1)
        >>> Profile.weights([2] + [1] * 11).label
        'weights 2,1,1,1,1,1,1,1,1,1,1,1'
    """

    kind: ProfileKind = attrs.field(converter=_to_profile_kind, repr=_enum_repr)
    """How the months are weighed."""
    factors: tuple[Fraction, ...] = attrs.field(default=(), converter=_weights)
    """The twelve monthly weights, January first (only for `kind="weights"`; empty otherwise)."""
    name: str = attrs.field(default="", validator=attrs.validators.instance_of(str))
    """An optional name (a preset's name), shown in tables."""

    def __attrs_post_init__(self) -> None:
        if self.kind is ProfileKind.WEIGHTS:
            if len(self.factors) != 12:
                msg = f"'factors' must hold 12 monthly weights, got {len(self.factors)}"
                raise InvalidValueError(msg, field="factors", value=self.factors)
            if sum(self.factors) == 0:
                msg = f"'factors' must have a positive sum, got {shown(self.factors)}"
                raise InvalidValueError(msg, field="factors", value=self.factors)
        elif self.factors:
            msg = (
                f"'factors' must be empty for a {self.kind.value!r} profile, "
                f"got {shown(self.factors)}"
            )
            raise InvalidValueError(msg, field="factors", value=self.factors)

    @classmethod
    def even(cls) -> Profile:
        """Every month the same share (parts differ by at most one fen)."""
        return cls(kind=ProfileKind.EVEN)

    @classmethod
    def by_days(cls) -> Profile:
        """Each month in proportion to its number of days."""
        return cls(kind=ProfileKind.BY_DAYS)

    @classmethod
    def weights(cls, weights: Sequence[int | Decimal | Fraction], *, name: str = "") -> Profile:
        """Twelve explicit monthly weights, January first (non-negative, positive sum)."""
        return cls(kind=ProfileKind.WEIGHTS, factors=weights, name=name)

    @classmethod
    def thirteenth_month(cls, month: int = 1) -> Profile:
        """Labour with a 13th-month salary paid in *month*: that month weighs 2, the others 1.

        Examples:
            >>> Profile.thirteenth_month(1).label
            '13th month in 01'
        """
        check_int("month", month)
        _check_month("month", month)
        weights = [2 if m == month else 1 for m in range(1, 13)]
        return cls(kind=ProfileKind.WEIGHTS, factors=weights, name=f"13th month in {month:02d}")

    @classmethod
    def seasonal(
        cls, peak_months: Iterable[int], *, peak: int | Decimal | Fraction, name: str = ""
    ) -> Profile:
        """Months in *peak_months* weigh *peak*, the others 1 (e.g. summer air-conditioning).

        A month named twice counts once; with no peak months every month weighs 1.

        Raises:
            InvalidValueError: a month outside 1–12; a negative *peak*.
            TypeError: a month that is no `int`; a float *peak*.

        Examples:
            >>> Profile.seasonal([6, 7, 8, 9], peak=Fraction(3, 2)).month_weights(2025)[5]
            Fraction(3, 2)
        """
        peaks = set()
        for i, m in enumerate(to_tuple(peak_months)):
            peaks.add(_check_month(f"peak_months[{i}]", check_int(f"peak_months[{i}]", m)))
        weight = _non_negative("peak", peak)
        weights = [weight if m in peaks else Fraction(1) for m in range(1, 13)]
        return cls(kind=ProfileKind.WEIGHTS, factors=weights, name=name)

    def month_weights(self, year: int) -> tuple[Fraction, ...]:
        """The twelve weights of *year*, January first.

        Raises:
            InvalidValueError: *year* is outside 2–9998.
        """
        _check_year("year", year)
        if self.kind is ProfileKind.EVEN:
            return (Fraction(1),) * 12
        if self.kind is ProfileKind.BY_DAYS:
            return tuple(Fraction(_calendar.monthrange(year, m)[1]) for m in range(1, 13))
        return self.factors

    @property
    def label(self) -> str:
        """A short description for tables (`even`, `by days`, the name or the weights)."""
        if self.name:
            return self.name
        if self.kind is ProfileKind.WEIGHTS:
            return "weights " + ",".join(_number(w) for w in self.factors)
        return self.kind.value.replace("_", " ")


# -- budget lines -------------------------------------------------------------------------


def _to_kind(value: LineKind | str) -> LineKind:
    return to_member("kind", LineKind, value)


def _to_category(value: BudgetCategory | str) -> BudgetCategory:
    return to_member("category", BudgetCategory, value)


@attrs.frozen
class BudgetLine:
    """One line of an annual budget: an income or cost amount and how it spreads over months.

    Takes `code`, `kind`, `category` and `annual` positionally; `profile` (even by default) and
    `department` by keyword. Kinds and categories read their Chinese names too
    (`BudgetLine("INC-FEE", "收入", "物业服务费", ...)`).

    Raises:
        InvalidValueError: blank code, negative amount, an unknown kind or category, or a
            category of the other kind.
        TypeError: *annual* is not [Money][propstd.money.Money], *profile* not a Profile.

    Examples:
        >>> line = BudgetLine("INC-FEE", "income", "service_fee", Money("4608000.00", "CNY"))
        >>> line  # doctest: +NORMALIZE_WHITESPACE
        BudgetLine(code='INC-FEE', kind='income', category='service_fee',
                   annual=Money('4608000.00', 'CNY'),
                   profile=Profile(kind='even', factors=(), name=''), department='')
        >>> line.monthly(2025)[0]
        Money('384000.00', 'CNY')
    """

    code: str = attrs.field(validator=nonblank)
    """A short unique code of the line."""
    kind: LineKind = attrs.field(converter=_to_kind, repr=_enum_repr)
    """Income (收入) or cost (支出)."""
    category: BudgetCategory = attrs.field(converter=_to_category, repr=_enum_repr)
    """The category (物业服务费, 人工成本 ...); it must belong to *kind*."""
    annual: Money = attrs.field(validator=_non_negative_money)
    """The year's amount (not negative)."""
    profile: Profile = attrs.field(
        kw_only=True,
        factory=Profile.even,
        validator=attrs.validators.instance_of(Profile),
    )
    """How the amount spreads over the months."""
    department: str = attrs.field(kw_only=True, default="", validator=_str)
    """The owning department (部门), or empty."""

    def __attrs_post_init__(self) -> None:
        if self.category.kind is not self.kind:
            msg = (
                f"'category' {self.category.value!r} is a {self.category.kind.value} category, "
                f"not {self.kind.value}"
            )
            raise InvalidValueError(msg, field="category", value=self.category)

    def monthly(self, year: int) -> tuple[Money, ...]:
        """The twelve monthly amounts of *year* ([split_monthly][propstd.budgets.split_monthly])."""
        return split_monthly(self.annual, year, self.profile)


def split_monthly(annual: Money, year: int, profile: Profile | None = None) -> tuple[Money, ...]:
    """Split *annual* into 12 monthly amounts by *profile* (even when `None`), exact to the fen.

    Largest remainder on whole minor units: the parts sum exactly to *annual*; leftover fen go
    to the months with the largest remainders, ties to the earliest month.

    Raises:
        TypeError: *annual* is not Money, *year* not an int, *profile* not a Profile.

    Examples:
        >>> parts = split_monthly(Money("100.00", "CNY"), 2025)
        >>> parts[:3], Money.sum(parts, currency="CNY")
        ((Money('8.34', 'CNY'), Money('8.34', 'CNY'), Money('8.34', 'CNY')), Money('100.00', 'CNY'))
    """
    check_type("annual", annual, Money)
    chosen = Profile.even() if profile is None else check_type("profile", profile, Profile)
    return allocate(annual, chosen.month_weights(year))


# -- splitting to weeks, days, departments and people -------------------------------------


def _weight(value: object) -> Fraction:
    return _exact("weight", value)


@attrs.frozen(kw_only=True)
class AllocationPart:
    """One labelled part of an [Allocation][propstd.budgets.Allocation]."""

    label: str = attrs.field(validator=_str)
    """What the part is for: a period (`2025-W10`), a date, a department or a person."""
    weight: Fraction = attrs.field(converter=_weight)
    """The weight the part was given."""
    amount: Money = attrs.field(validator=attrs.validators.instance_of(Money))
    """The part's amount."""
    period: Period | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Period))
    )
    """The period the part covers, for splits over time."""


@attrs.frozen(kw_only=True)
class Allocation:
    """An amount split into labelled parts that sum exactly to it.

    Raises:
        InvalidValueError: the parts do not sum to the total.

    Examples:
        >>> a = split(Money("1000.00", "CNY"), weights={"保安部": 3, "保洁部": 1})
        >>> a.amount_of("保安部"), a.amounts
        (Money('750.00', 'CNY'), (Money('750.00', 'CNY'), Money('250.00', 'CNY')))
    """

    total: Money = attrs.field(validator=attrs.validators.instance_of(Money))
    """The amount that was split."""
    basis: str = attrs.field(validator=_str)
    """How the weights were chosen (`"days"`, `"working days"`, `"weights"`)."""
    parts: tuple[AllocationPart, ...] = attrs.field(converter=_items)
    """The parts, in order."""

    def __attrs_post_init__(self) -> None:
        for i, part in enumerate(self.parts):
            check_type(f"parts[{i}]", part, AllocationPart)
        total = Money.sum((p.amount for p in self.parts), currency=self.total.currency)
        if total != self.total:
            msg = f"'parts' sum to {total}, not the 'total' {self.total}"
            raise InvalidValueError(msg, field="parts", value=self.parts)

    @property
    def amounts(self) -> tuple[Money, ...]:
        """The parts' amounts, in order."""
        return tuple(p.amount for p in self.parts)

    @property
    def labels(self) -> tuple[str, ...]:
        """The parts' labels, in order."""
        return tuple(p.label for p in self.parts)

    def amount_of(self, label: str) -> Money:
        """The amount of the part labelled *label*.

        Raises:
            InvalidValueError: no part has that label.
        """
        for part in self.parts:
            if part.label == label:
                return part.amount
        msg = f"no part labelled {shown(label)}; labels are {shown(list(self.labels))}"
        raise InvalidValueError(msg, field="label", value=label)


def split(
    amount: Money,
    period: Period | None = None,
    *,
    unit: PeriodUnit | str | None = None,
    weights: Mapping[str, int | Decimal | Fraction]
    | Sequence[tuple[str, int | Decimal | Fraction]]
    | None = None,
    calendar: WorkingDays | None = None,
) -> Allocation:
    """Split *amount* over the *unit*s of *period*, or by named *weights*, exact to the fen.

    Over time (give *period* and *unit*): each piece of `period.split(unit)` weighs its number of
    days, or its number of working days when *calendar* (any
    [WorkingDays][propstd.calendars.WorkingDays], such as a `WorkingCalendar`) is given. With
    `unit="day"` and a calendar, only working days become parts. By name (give *weights*):
    departments or people, each with its weight, in the order given. Largest remainder: the
    parts sum exactly to *amount*, ties go to the earliest part.

    Raises:
        InvalidValueError: neither or both of *unit* and *weights*; *unit* without *period*;
            a negative weight, all weights zero, a repeated name; no working day in *period*.
        TypeError: a float or bool weight.

    Examples:
        >>> march = Period.parse("2025-03")
        >>> weeks = split(Money("1000.00", "CNY"), march, unit="week")
        >>> weeks.labels[:2], weeks.amounts[:2]
        (('2025-03-01/2025-03-03', '2025-W10'), (Money('64.51', 'CNY'), Money('225.81', 'CNY')))
        >>> split(Money("10.00", "CNY"), weights=[("张三", 1), ("李四", 2)]).amounts
        (Money('3.33', 'CNY'), Money('6.67', 'CNY'))
    """
    check_type("amount", amount, Money)
    if (unit is None) == (weights is None):
        msg = (
            f"give exactly one of 'unit' and 'weights', got unit={shown(unit)}, "
            f"weights={shown(weights)}"
        )
        raise InvalidValueError(msg, field="unit", value=unit)
    if weights is not None:
        return _split_by_name(amount, weights)
    if period is None:
        msg = f"'period' is needed to split by unit {shown(unit)}"
        raise InvalidValueError(msg, field="period", value=None)
    check_type("period", period, Period)
    assert unit is not None
    pieces = period.split(unit)
    labels: list[str] = []
    periods: list[Period] = []
    counts: list[Fraction] = []
    for piece in pieces:
        if calendar is None:
            count = piece.days
        else:
            count = sum(1 for d in piece.dates() if calendar.is_working_day(d))
            if piece.days == 1 and count == 0:
                continue  # a non-working day is no part of a working-day split
        labels.append(str(piece))
        periods.append(piece)
        counts.append(Fraction(count))
    if sum(counts) == 0:
        msg = f"'period' {period} has no working day in 'calendar' {shown(calendar)}"
        raise InvalidValueError(msg, field="period", value=period)
    amounts = allocate(amount, counts)
    parts = tuple(
        AllocationPart(label=lab, weight=w, amount=a, period=p)
        for lab, w, a, p in zip(labels, counts, amounts, periods, strict=True)
    )
    basis = "days" if calendar is None else "working days"
    return Allocation(total=amount, basis=basis, parts=parts)


def _split_by_name(
    amount: Money,
    weights: Mapping[str, int | Decimal | Fraction]
    | Sequence[tuple[str, int | Decimal | Fraction]],
) -> Allocation:
    pairs = tuple(weights.items()) if isinstance(weights, Mapping) else to_tuple(weights)
    if not pairs:
        msg = "'weights' must name at least one part"
        raise InvalidValueError(msg, field="weights", value=weights)
    names: list[str] = []
    values: list[Fraction] = []
    for i, pair in enumerate(pairs):
        item: object = pair
        if not isinstance(item, tuple) or len(item) != 2:
            msg = f"'weights[{i}]' must be a (name, weight) pair, got {shown(pair)}"
            raise TypeError(msg)
        name = check_nonblank(f"weights[{i}] name", pair[0])
        if name in names:
            msg = f"'weights' names {shown(name)} twice"
            raise InvalidValueError(msg, field=f"weights[{i}]", value=name)
        names.append(name)
        values.append(_exact(f"weights[{name}]", pair[1]))
    amounts = allocate(amount, values)
    parts = tuple(
        AllocationPart(label=n, weight=w, amount=a)
        for n, w, a in zip(names, values, amounts, strict=True)
    )
    return Allocation(total=amount, basis="weights", parts=parts)
