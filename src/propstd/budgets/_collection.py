"""Fee collection progress against a target curve; 包干制 fees and 酬金制 remuneration (private)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from fractions import Fraction

import attrs

from propstd._numbers import EXACT, check_exponent, to_decimal
from propstd._repr import shown
from propstd._table import Column, Rendered, Table
from propstd._validators import check_int, check_text, check_type, to_tuple
from propstd.budgets._common import (
    _check_month,
    _enum_repr,
    _exact,
    _items,
    _money,
    _month_period,
    _non_negative_money,
    _number,
    _to_rounding,
)
from propstd.errors import CurrencyMismatchError, InvalidValueError
from propstd.money import Money, Rounding
from propstd.periods import Period, PeriodUnit
from propstd.rates import Rate

__all__: list[str] = []


# -- collection ---------------------------------------------------------------------------


def _share_of_one(name: str, value: object) -> Fraction:
    f = _exact(name, value)
    if not 0 <= f <= 1:
        msg = f"{name!r} must be between 0 and 1, got {shown(value)}"
        raise InvalidValueError(msg, field=name, value=value)
    return f


def _shares(value: object) -> tuple[Fraction, ...]:
    return tuple(_share_of_one(f"shares[{i}]", v) for i, v in enumerate(_items(value)))


def _months(value: object) -> tuple[int, ...]:
    out = []
    for i, v in enumerate(_items(value)):
        out.append(_check_month(f"months[{i}]", check_int(f"months[{i}]", v)))
    return tuple(out)


@attrs.frozen(kw_only=True)
class CollectionCurve:
    """The cumulative share of the year's billed fees to collect by the end of given months.

    Between the given points the target grows linearly (from 0 before January); after the last
    point it stays flat. Target amounts are rounded to the fen with *rounding* (up by default:
    a target is never below its exact share).

    Raises:
        InvalidValueError: no points, months not strictly increasing, shares outside 0–1 or
            decreasing, or a different number of months and shares.

    Examples:
        >>> curve = CollectionCurve(months=(3, 12), shares=(Fraction(3, 5), Fraction(19, 20)))
        >>> curve.target(1), curve.target(3), curve.target(6)
        (Fraction(1, 5), Fraction(3, 5), Fraction(43, 60))
    """

    months: tuple[int, ...] = attrs.field(converter=_months)
    """The months (1–12) with a target, strictly increasing."""
    shares: tuple[Fraction, ...] = attrs.field(converter=_shares)
    """The cumulative share of the year's fees collected by the end of each month."""
    rounding: Rounding = attrs.field(default=Rounding.UP, converter=_to_rounding, repr=_enum_repr)
    """How target amounts are rounded to the minor unit."""

    def __attrs_post_init__(self) -> None:
        if not self.months or len(self.months) != len(self.shares):
            msg = (
                f"'months' and 'shares' must be equally long and not empty, got "
                f"{len(self.months)} and {len(self.shares)}"
            )
            raise InvalidValueError(msg, field="shares", value=self.shares)
        for a, b in zip(self.months, self.months[1:], strict=False):
            if b <= a:
                msg = f"'months' must be strictly increasing, got {self.months!r}"
                raise InvalidValueError(msg, field="months", value=self.months)
        for low, high in zip(self.shares, self.shares[1:], strict=False):
            if high < low:
                msg = f"'shares' must not decrease, got {[_number(s) for s in self.shares]!r}"
                raise InvalidValueError(msg, field="shares", value=self.shares)

    def target(self, month: int) -> Fraction:
        """The cumulative share to collect by the end of *month* (1–12)."""
        _check_month("month", check_int("month", month))
        prev_m, prev_s = 0, Fraction(0)
        for m, s in zip(self.months, self.shares, strict=True):
            if month <= m:
                return prev_s + (s - prev_s) * Fraction(month - prev_m, m - prev_m)
            prev_m, prev_s = m, s
        return prev_s


def _target(value: object) -> Fraction:
    return _exact("target", value)


@attrs.frozen(kw_only=True)
class CollectionMonth:
    """Collection up to the end of one month against the target curve."""

    month: Period = attrs.field(validator=_month_period)
    """The month."""
    collected: Money = attrs.field(validator=_money)
    """Collected in the month."""
    cumulative: Money = attrs.field(validator=_money)
    """Collected from January to the end of the month."""
    rate: Rate = attrs.field(validator=attrs.validators.instance_of(Rate))
    """The collection rate (收缴率): cumulative collected / billed, in minor units."""
    target: Fraction = attrs.field(converter=_target)
    """The cumulative share the curve asks for by the end of the month."""
    target_amount: Money = attrs.field(validator=_money)
    """*target* × billed, rounded with the curve's rounding."""

    @property
    def gap(self) -> Money:
        """`target_amount − cumulative`: positive when behind the curve."""
        return self.target_amount - self.cumulative

    @property
    def on_track(self) -> bool:
        """Whether the cumulative amount reaches the target amount."""
        return self.cumulative >= self.target_amount


def _percent(value: Fraction) -> str:
    return f"{format(to_decimal(value * 100, 1, 'half_up'), 'f')}%"


def _collection_months(value: object) -> tuple[CollectionMonth, ...]:
    out = _items(value)
    for i, month in enumerate(out):
        check_type(f"months[{i}]", month, CollectionMonth)
    return out


_COLUMNS = (
    Column("month"),
    Column("collected", "right"),
    Column("cumulative", "right"),
    Column("rate", "right"),
    Column("target", "right"),
    Column("behind by", "right"),
)


@attrs.frozen(kw_only=True, repr=False)
class CollectionProgress(Rendered):
    """Fee collection progress (物业费收缴进度) of a year up to one month.

    The last month may be in progress: on the 20th of the month the
    [shortfall][propstd.budgets.CollectionProgress.shortfall] is what must still be collected by
    the month's end to meet the curve (the seeds plan the rest of the month on the 20th).
    `print(progress)` shows the month-by-month table;
    [rows][propstd.budgets.CollectionProgress.rows] returns the typed rows behind it.
    """

    billed: Money = attrs.field(validator=_money)
    """The year's billed fees (应收)."""
    period: Period = attrs.field(validator=_month_period)
    """The month reported on."""
    curve: CollectionCurve = attrs.field(validator=attrs.validators.instance_of(CollectionCurve))
    """The target curve."""
    months: tuple[CollectionMonth, ...] = attrs.field(converter=_collection_months)
    """January to the reported month."""

    @property
    def current(self) -> CollectionMonth:
        """The reported month's figures."""
        return self.months[-1]

    @property
    def rate(self) -> Rate:
        """The collection rate to date."""
        return self.current.rate

    @property
    def shortfall(self) -> Money:
        """What must still be collected by the end of the month to meet the curve (≥ 0)."""
        gap = self.current.gap
        return gap if gap.units > 0 else Money.zero(gap.currency)

    @property
    def plan_date(self) -> date:
        """The 20th of the month, when the rest of the month is planned."""
        return self.period.start + timedelta(days=19)

    def rows(self) -> tuple[CollectionMonth, ...]:
        """The typed rows behind the table: one [CollectionMonth][propstd.budgets.CollectionMonth]
        from January to the reported month."""
        return self.months

    def _table(self) -> Table:
        rows = tuple(
            (
                str(m.month),
                format(m.collected.amount, ","),
                format(m.cumulative.amount, ","),
                _percent(Fraction(m.cumulative.units, self.billed.units)),
                _percent(m.target),
                "" if m.on_track else format(m.gap.amount, ","),
            )
            for m in self.months
        )
        return Table(
            title=(
                f"Fee collection {self.period.start.year} to {self.period}, "
                f"billed {self.billed:,} (物业费收缴进度)"
            ),
            columns=_COLUMNS,
            rows=rows,
            notes=(
                (
                    f"to plan on {self.plan_date.isoformat()}: collect {self.shortfall:,} more "
                    f"by {self.period.last.isoformat()}"
                ),
            ),
            row_classes=tuple("" if m.on_track else "behind" for m in self.months),
        )

    def __repr__(self) -> str:
        return (
            f"<CollectionProgress {self.period}: {self.rate} collected, target "
            f"{_percent(self.current.target)}, shortfall {self.shortfall}>"
        )


def collection_progress(
    billed: Money,
    collected: Sequence[Money],
    *,
    period: Period,
    curve: CollectionCurve,
) -> CollectionProgress:
    """Follow fee collection (收缴率) month by month against *curve*.

    Args:
        billed: the year's billed fees, positive.
        collected: the amount collected in each month from January to *period* (the last may
            be the month so far), one per month.
        period: the calendar month reported on.
        curve: the cumulative target shares.

    Raises:
        InvalidValueError: *billed* not positive, a negative collection, not one amount per
            month up to *period*, or *period* not a calendar month.
        CurrencyMismatchError: a collection in another currency.

    Examples:
        >>> curve = CollectionCurve(months=(3, 12), shares=(Fraction(3, 5), Fraction(19, 20)))
        >>> p = collection_progress(Money("1200.00", "CNY"),
        ...     [Money("400.00", "CNY"), Money("200.00", "CNY"), Money("50.00", "CNY")],
        ...     period=Period.parse("2025-03"), curve=curve)
        >>> str(p.rate), p.current.target_amount, p.shortfall
        ('54.2% (65000/120000)', Money('720.00', 'CNY'), Money('70.00', 'CNY'))
        >>> p.plan_date
        datetime.date(2025, 3, 20)
    """
    check_type("billed", billed, Money)
    check_type("period", period, Period)
    check_type("curve", curve, CollectionCurve)
    if period.unit is not PeriodUnit.MONTH:
        msg = f"'period' must be a calendar month, got {str(period)!r}"
        raise InvalidValueError(msg, field="period", value=period)
    if billed.units <= 0:
        msg = f"'billed' must be positive, got {billed!r}"
        raise InvalidValueError(msg, field="billed", value=billed)
    amounts = to_tuple(collected)
    n = period.start.month
    if len(amounts) != n:
        msg = (
            f"'collected' must hold one amount per month January–{period}, {n}, got {len(amounts)}"
        )
        raise InvalidValueError(msg, field="collected", value=amounts)
    cur = billed.currency
    months = []
    cumulative = Money.zero(cur)
    for i, amount in enumerate(amounts):
        check_type(f"collected[{i}]", amount, Money)
        if amount.currency is not cur:
            msg = f"'collected[{i}]' is {amount}, 'billed' is in {cur}"
            raise CurrencyMismatchError(msg, field=f"collected[{i}]", value=amount)
        if amount.units < 0:
            msg = f"'collected[{i}]' must not be negative, got {amount!r}"
            raise InvalidValueError(msg, field=f"collected[{i}]", value=amount)
        cumulative += amount
        share = curve.target(i + 1)
        months.append(
            CollectionMonth(
                month=Period.month(period.start.year, i + 1),
                collected=amount,
                cumulative=cumulative,
                rate=Rate(cumulative.units, billed.units),
                target=share,
                target_amount=billed.times(share, rounding=curve.rounding),
            )
        )
    return CollectionProgress(billed=billed, period=period, curve=curve, months=months)


# -- service fees -------------------------------------------------------------------------


def _area(value: object) -> Decimal:
    if isinstance(value, str):
        text = check_text("area_m2", value).strip().replace(",", "")
        try:
            # the context only decides that a malformed text raises; the value is exact
            number: object = Decimal(text, context=EXACT)
        except InvalidOperation:
            msg = f"'area_m2' must be a decimal number, got {shown(value)}"
            raise InvalidValueError(msg, field="area_m2", value=value) from None
    else:
        number = value
    exact = _exact_decimal("area_m2", number)
    if exact < 0:
        msg = f"'area_m2' must not be negative, got {shown(value)}"
        raise InvalidValueError(msg, field="area_m2", value=value)
    return exact


def _exact_decimal(name: str, value: object) -> Decimal:
    """An int or finite Decimal of sensible size as a Decimal (no Fraction, float or bool)."""
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        msg = f"{name!r} must be an int or Decimal, got {type(value).__name__} {shown(value)}"
        raise TypeError(msg)
    return check_exponent(name, Decimal(value))  # exact: the constructor never rounds


@attrs.frozen(kw_only=True)
class ServiceFee:
    """The property service fee under a lump-sum contract (包干制): area × rate per m² per month.

    Raises:
        InvalidValueError: a negative area or rate.
        TypeError: a float area.

    Examples:
        >>> fee = service_fee(120000, Money("3.20", "CNY"), rounding=Rounding.HALF_UP)
        >>> fee.monthly, fee.annual
        (Money('384000.00', 'CNY'), Money('4608000.00', 'CNY'))
    """

    area_m2: Decimal = attrs.field(converter=_area)
    """The chargeable building area in m²."""
    rate: Money = attrs.field(validator=_non_negative_money)
    """The fee per m² per month."""
    rounding: Rounding = attrs.field(converter=_to_rounding, repr=_enum_repr)
    """How the monthly fee is rounded to the minor unit."""

    @property
    def monthly(self) -> Money:
        """`area_m2 × rate`, rounded with *rounding*."""
        return self.rate.times(self.area_m2, rounding=self.rounding)

    @property
    def annual(self) -> Money:
        """Twelve monthly fees (exact: the rounding happens once, on the month)."""
        return self.monthly * 12


def service_fee(
    area_m2: int | Decimal | str, rate: Money, *, rounding: Rounding | str
) -> ServiceFee:
    """The 包干制 service fee of *area_m2* at *rate* per m² per month, rounded with *rounding*."""
    return ServiceFee(area_m2=area_m2, rate=rate, rounding=rounding)


def _share(value: object) -> Fraction:
    return _share_of_one("share", value)


@attrs.frozen(kw_only=True)
class Remuneration:
    """The manager's remuneration under a fee-for-service contract (酬金制).

    Under 酬金制 the fees belong to the owners; the manager keeps a fixed *share* of them as its
    remuneration (酬金) and the rest pays for the services.

    Raises:
        InvalidValueError: negative fees or a share outside 0–1.

    Examples:
        >>> r = remuneration(Money("4608000.00", "CNY"), share=Fraction(8, 100),
        ...                  rounding=Rounding.HALF_UP)
        >>> r.amount, r.for_services
        (Money('368640.00', 'CNY'), Money('4239360.00', 'CNY'))
    """

    fees: Money = attrs.field(validator=_non_negative_money)
    """The fees the remuneration is a share of."""
    share: Fraction = attrs.field(converter=_share)
    """The manager's share of the fees (e.g. `Fraction(8, 100)`)."""
    rounding: Rounding = attrs.field(converter=_to_rounding, repr=_enum_repr)
    """How the remuneration is rounded to the minor unit."""

    @property
    def amount(self) -> Money:
        """`fees × share`, rounded with *rounding*."""
        return self.fees.times(self.share, rounding=self.rounding)

    @property
    def for_services(self) -> Money:
        """What is left of the fees for the services (`fees − amount`)."""
        return self.fees - self.amount


def remuneration(
    fees: Money, *, share: int | Decimal | Fraction, rounding: Rounding | str
) -> Remuneration:
    """The 酬金制 remuneration: *share* of *fees*, rounded with *rounding*."""
    return Remuneration(fees=fees, share=share, rounding=rounding)
