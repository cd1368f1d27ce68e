"""Exact amounts of money, explicit rounding, and allocation that always adds up.

A [Money][propstd.money.Money] is a `Decimal` amount in one [Currency][propstd.money.Currency],
exact to the currency's minor unit (the fen for CNY). Construction refuses what it cannot hold
exactly: floats raise `TypeError`, more decimals than the currency has raise
[InexactAmountError][propstd.errors.InexactAmountError]. Rounding happens only through
[Money.rounded][propstd.money.Money.rounded], with a [Rounding][propstd.money.Rounding] mode you
name. Splitting is done by [split_evenly][propstd.money.split_evenly] and
[allocate][propstd.money.allocate] (largest remainder), whose parts always sum to the total.

No function here reads or changes the global `decimal` context: every operation runs in a
private context that traps inexact results, so the answer is the same in every thread.

Examples:
    >>> from propstd.money import Money, split_evenly
    >>> Money("0.1", "CNY") + Money("0.2", "CNY") == Money("0.3", "CNY")
    True
    >>> [str(m) for m in split_evenly(Money("100.00", "CNY"), 3)]
    ['33.34 CNY', '33.33 CNY', '33.33 CNY']
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Sequence
from decimal import (
    ROUND_CEILING,
    ROUND_DOWN,
    ROUND_FLOOR,
    ROUND_HALF_DOWN,
    ROUND_HALF_EVEN,
    ROUND_HALF_UP,
    ROUND_UP,
    Context,
    Decimal,
    DivisionByZero,
    Inexact,
    InvalidOperation,
    Overflow,
)
from fractions import Fraction
from typing import Any, Self

import attrs

from propstd._validators import check_int, check_type, exact_number
from propstd.errors import CurrencyMismatchError, InexactAmountError, InvalidValueError

__all__ = ["Currency", "Money", "Rounding", "allocate", "split_evenly"]


def __dir__() -> list[str]:
    return __all__


# Every Decimal operation in propstd runs in this context: results that would need rounding
# raise instead of being rounded silently (100 significant digits is far beyond any amount).
_EXACT = Context(
    prec=100,
    rounding=ROUND_HALF_EVEN,
    Emax=999_999,
    Emin=-999_999,
    traps=[Inexact, InvalidOperation, DivisionByZero, Overflow],
)

_MINOR_DIGITS: dict[str, int] = {
    "CNY": 2,
    "HKD": 2,
    "MOP": 2,
    "TWD": 2,
    "USD": 2,
    "EUR": 2,
    "GBP": 2,
    "SGD": 2,
    "JPY": 0,
    "KRW": 0,
}


class Currency(enum.StrEnum):
    """A currency propstd knows, with its number of minor digits (ISO 4217).

    Examples:
        >>> Currency("CNY").minor_digits
        2
        >>> Currency.JPY.quantum
        Decimal('1')
    """

    CNY = "CNY"
    """Chinese yuan (renminbi); minor unit the fen, 0.01."""
    HKD = "HKD"
    """Hong Kong dollar."""
    MOP = "MOP"
    """Macanese pataca."""
    TWD = "TWD"
    """New Taiwan dollar."""
    USD = "USD"
    """US dollar."""
    EUR = "EUR"
    """Euro."""
    GBP = "GBP"
    """Pound sterling."""
    SGD = "SGD"
    """Singapore dollar."""
    JPY = "JPY"
    """Japanese yen (no minor unit)."""
    KRW = "KRW"
    """South Korean won (no minor unit)."""

    @property
    def minor_digits(self) -> int:
        """Decimal places of the minor unit (2 for CNY, 0 for JPY)."""
        return _MINOR_DIGITS[self.value]

    @property
    def quantum(self) -> Decimal:
        """The minor unit as a `Decimal` exponent (`Decimal('0.01')` for CNY)."""
        return Decimal((0, (1,), -self.minor_digits))


class Rounding(enum.StrEnum):
    """A rounding mode, named after the `decimal.ROUND_*` constant it stands for.

    Examples:
        >>> Rounding.HALF_UP.decimal_mode
        'ROUND_HALF_UP'
    """

    HALF_UP = "half_up"
    """Ties away from zero (0.125 → 0.13): the usual commercial rounding (四舍五入)."""
    HALF_EVEN = "half_even"
    """Ties to the even neighbour (0.125 → 0.12): banker's rounding."""
    HALF_DOWN = "half_down"
    """Ties toward zero (0.125 → 0.12)."""
    DOWN = "down"
    """Toward zero (truncate)."""
    UP = "up"
    """Away from zero."""
    CEILING = "ceiling"
    """Toward positive infinity."""
    FLOOR = "floor"
    """Toward negative infinity."""

    @property
    def decimal_mode(self) -> str:
        """The matching `decimal` module constant (e.g. `decimal.ROUND_HALF_UP`)."""
        return _DECIMAL_MODES[self]

    def round_fraction(self, value: Fraction) -> int:
        """Round an exact `Fraction` to an integer with this mode.

        Examples:
            >>> half = Fraction(5, 2)
            >>> Rounding.HALF_UP.round_fraction(half), Rounding.HALF_EVEN.round_fraction(half)
            (3, 2)
            >>> Rounding.FLOOR.round_fraction(Fraction(-1, 3))
            -1
        """
        return _round_fraction(value, self)


_DECIMAL_MODES = {
    Rounding.HALF_UP: ROUND_HALF_UP,
    Rounding.HALF_EVEN: ROUND_HALF_EVEN,
    Rounding.HALF_DOWN: ROUND_HALF_DOWN,
    Rounding.DOWN: ROUND_DOWN,
    Rounding.UP: ROUND_UP,
    Rounding.CEILING: ROUND_CEILING,
    Rounding.FLOOR: ROUND_FLOOR,
}


def _round_fraction(value: Fraction, mode: Rounding) -> int:
    floor, rest = divmod(value.numerator, value.denominator)  # value = floor + rest/den
    if rest == 0:
        return floor
    ceil = floor + 1
    negative = value < 0
    if mode is Rounding.FLOOR:
        return floor
    if mode is Rounding.CEILING:
        return ceil
    if mode is Rounding.DOWN:
        return ceil if negative else floor
    if mode is Rounding.UP:
        return floor if negative else ceil
    twice = 2 * rest
    if twice < value.denominator:
        return floor
    if twice > value.denominator:
        return ceil
    # an exact tie
    if mode is Rounding.HALF_EVEN:
        return floor if floor % 2 == 0 else ceil
    if mode is Rounding.HALF_UP:
        return floor if negative else ceil
    return ceil if negative else floor  # HALF_DOWN


def _to_currency(value: object) -> Currency:
    if isinstance(value, Currency):
        return value
    if not isinstance(value, str):
        msg = f"'currency' must be a currency code (str), got {type(value).__name__} {value!r}"
        raise TypeError(msg)
    try:
        return Currency(value.strip().upper())
    except ValueError:
        known = ", ".join(c.value for c in Currency)
        msg = f"'currency' must be one of {known}, got {value!r}"
        raise InvalidValueError(msg) from None


_GROUPED = re.compile(r"[+-]?[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]*)?")


def _to_decimal(value: object) -> Decimal:
    """Converter for amounts: str, int or Decimal; floats and bools are refused."""
    if isinstance(value, bool | float):
        msg = (
            f"'amount' must be a str, int or Decimal, got {type(value).__name__} {value!r}: "
            "floats cannot hold money exactly; pass a string such as '0.10'"
        )
        raise TypeError(msg)
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, str):
        text = value.strip()
        if "," in text:
            if _GROUPED.fullmatch(text) is None:
                msg = (
                    "'amount' must be a decimal number (commas only between groups of three "
                    f"digits), got {value!r}"
                )
                raise InvalidValueError(msg)
            text = text.replace(",", "")
        try:
            result = Decimal(text)
        except InvalidOperation:
            msg = f"'amount' must be a decimal number, got {value!r}"
            raise InvalidValueError(msg) from None
    else:
        msg = f"'amount' must be a str, int or Decimal, got {type(value).__name__} {value!r}"
        raise TypeError(msg)
    if not result.is_finite():
        msg = f"'amount' must be a finite number, got {value!r}"
        raise InvalidValueError(msg)
    return result


def _decimal_from_units(units: int, digits: int) -> Decimal:
    """The exact `Decimal` for *units* minor units (no context involved)."""
    sign, figures, exponent = Decimal(units).as_tuple()
    assert isinstance(exponent, int)
    return Decimal((sign, figures, exponent - digits))


@attrs.frozen(order=False, repr=False)
class Money:
    """An exact amount of one currency; never rounded silently.

    The *amount* is a `str` (`"1,234.50"` is fine), an `int` or a `Decimal`, never a `float`;
    the *currency* is a [Currency][propstd.money.Currency] or its code (`"CNY"`).

    Raises:
        TypeError: *amount* is a `float`, `bool` or another non-number type.
        InvalidValueError: *amount* is not a number, or NaN or infinite; *currency* is unknown.
        InexactAmountError: *amount* has more decimals than the currency allows.

    Amounts may be negative (a variance, a refund). `+`, `-` and comparisons work only within
    one currency ([CurrencyMismatchError][propstd.errors.CurrencyMismatchError] otherwise);
    `* int` is exact; anything else goes through [rounded][propstd.money.Money.rounded] or
    [times][propstd.money.Money.times] with a rounding mode.

    Examples:
        >>> Money("4608000", "CNY")
        Money('4608000.00', 'CNY')
        >>> Money("12.5", "CNY") * 3
        Money('37.50', 'CNY')
        >>> Money("1.001", "CNY")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        propstd.errors.InexactAmountError: 'amount' 1.001 has more decimal places than CNY ...
    """

    amount: Decimal = attrs.field(converter=_to_decimal)
    """The amount, quantized to the currency's minor unit (`Decimal('12.50')`)."""
    currency: Currency = attrs.field(converter=_to_currency)
    """The currency."""
    _units: int = attrs.field(init=False, eq=False, repr=False, hash=False)

    def __attrs_post_init__(self) -> None:
        digits = self.currency.minor_digits
        try:
            exact = self.amount.quantize(self.currency.quantum, context=_EXACT)
        except Inexact:
            msg = (
                f"'amount' {self.amount} has more decimal places than {self.currency} allows "
                f"({digits}); round it explicitly with Money.rounded()"
            )
            raise InexactAmountError(msg) from None
        except InvalidOperation:
            msg = f"'amount' {self.amount} is too large to hold exactly"
            raise InvalidValueError(msg) from None
        units = int(exact.scaleb(digits, context=_EXACT))
        # attrs' documented way to normalise a field of a frozen class (-0.00 becomes 0.00)
        object.__setattr__(self, "amount", _decimal_from_units(units, digits))
        object.__setattr__(self, "_units", units)

    # -- constructors ---------------------------------------------------------------------

    @classmethod
    def zero(cls, currency: Currency | str) -> Self:
        """Zero in *currency*.

        Examples:
            >>> Money.zero("CNY")
            Money('0.00', 'CNY')
        """
        return cls(0, currency)

    @classmethod
    def from_units(cls, units: int, currency: Currency | str) -> Self:
        """The amount of *units* minor units (fen for CNY).

        Examples:
            >>> Money.from_units(3334, "CNY")
            Money('33.34', 'CNY')
        """
        cur = _to_currency(currency)
        return cls(_decimal_from_units(check_int("units", units), cur.minor_digits), cur)

    @classmethod
    def rounded(
        cls,
        value: Decimal | int | Fraction | str,
        currency: Currency | str,
        *,
        rounding: Rounding,
    ) -> Self:
        """Build from an inexact value, rounding to the minor unit with *rounding*.

        This is the only place where propstd rounds money. *value* may be a `Decimal`, `int`,
        `Fraction` (rounded exactly, never through a float) or decimal string.

        Examples:
            >>> Money.rounded(Decimal("0.125"), "EUR", rounding=Rounding.HALF_EVEN)
            Money('0.12', 'EUR')
            >>> Money.rounded(Decimal("0.125"), "EUR", rounding=Rounding.HALF_UP)
            Money('0.13', 'EUR')
            >>> Money.rounded(Fraction(100, 3), "CNY", rounding=Rounding.DOWN)
            Money('33.33', 'CNY')
        """
        cur = _to_currency(currency)
        mode = Rounding(rounding)
        exact: Fraction = (
            Fraction(_to_decimal(value)) if isinstance(value, str) else _fraction_of(value)
        )
        units = _round_fraction(exact * 10**cur.minor_digits, mode)
        return cls.from_units(units, cur)

    @classmethod
    def sum(cls, amounts: Iterable[Money], *, currency: Currency | str) -> Self:
        """The exact total of *amounts*, all in *currency* (zero when empty).

        Examples:
            >>> Money.sum([Money("1.10", "CNY"), Money("2.20", "CNY")], currency="CNY")
            Money('3.30', 'CNY')
        """
        cur = _to_currency(currency)
        total = 0
        for i, item in enumerate(amounts):
            total += _same_currency(cur, check_type(f"amounts[{i}]", item, Money), "sum")
        return cls.from_units(total, cur)

    # -- derived values -------------------------------------------------------------------

    @property
    def units(self) -> int:
        """The amount in minor units, as an exact `int` (fen for CNY)."""
        return self._units

    @property
    def is_zero(self) -> bool:
        """Whether the amount is zero."""
        return self._units == 0

    def times(self, factor: int | Decimal | Fraction, *, rounding: Rounding) -> Money:
        """Multiply by an exact *factor* and round the product with *rounding*.

        Use it for rates: area × fee per m², fees × a remuneration percentage.

        Examples:
            >>> Money("3.20", "CNY").times(Decimal("120000"), rounding=Rounding.HALF_UP)
            Money('384000.00', 'CNY')
            >>> Money("100.00", "CNY").times(Fraction(1, 3), rounding=Rounding.HALF_UP)
            Money('33.33', 'CNY')
        """
        product = Fraction(self._units, 10**self.currency.minor_digits) * _fraction_of(factor)
        return Money.rounded(product, self.currency, rounding=rounding)

    # -- arithmetic -----------------------------------------------------------------------

    def __add__(self, other: object) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        return Money.from_units(
            self._units + _same_currency(self.currency, other, "+"), self.currency
        )

    def __sub__(self, other: object) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        return Money.from_units(
            self._units - _same_currency(self.currency, other, "-"), self.currency
        )

    def __neg__(self) -> Money:
        return Money.from_units(-self._units, self.currency)

    def __pos__(self) -> Money:
        return self

    def __abs__(self) -> Money:
        return Money.from_units(abs(self._units), self.currency)

    def __mul__(self, other: object) -> Money:
        if isinstance(other, bool) or not isinstance(other, int):
            return NotImplemented
        return Money.from_units(self._units * other, self.currency)

    __rmul__ = __mul__

    def __truediv__(self, other: object) -> Any:
        msg = (
            "Money cannot be divided exactly; use split_evenly()/allocate() to split it, "
            "or Money.times(..., rounding=...) to scale it"
        )
        raise TypeError(msg)

    def _compare(self, other: object, op: str) -> int:
        if not isinstance(other, Money):
            msg = f"cannot compare Money with {type(other).__name__} {other!r}"
            raise TypeError(msg)
        return self._units - _same_currency(self.currency, other, op)

    def __lt__(self, other: object) -> bool:
        return self._compare(other, "<") < 0

    def __le__(self, other: object) -> bool:
        return self._compare(other, "<=") <= 0

    def __gt__(self, other: object) -> bool:
        return self._compare(other, ">") > 0

    def __ge__(self, other: object) -> bool:
        return self._compare(other, ">=") >= 0

    # -- text -----------------------------------------------------------------------------

    def __repr__(self) -> str:
        return f"Money({str(self.amount)!r}, {self.currency.value!r})"

    def __str__(self) -> str:
        return f"{self.amount} {self.currency.value}"

    def __format__(self, spec: str) -> str:
        """Format the amount with a `Decimal` format spec and append the currency code.

        Examples:
            >>> f"{Money('4608000', 'CNY'):,}"
            '4,608,000.00 CNY'
        """
        if not spec:
            return str(self)
        return f"{format(self.amount, spec)} {self.currency.value}"


def _fraction_of(value: object) -> Fraction:
    number = exact_number("value", value)
    return number if isinstance(number, Fraction) else Fraction(number)


def _same_currency(currency: Currency, other: Money, op: str) -> int:
    if other.currency is not currency:
        msg = f"cannot combine {currency.value} with {other.currency.value} ({op}): {other!r}"
        raise CurrencyMismatchError(msg)
    return other.units


def split_evenly(total: Money, parts: int) -> tuple[Money, ...]:
    """Split *total* into *parts* amounts that add up to it exactly.

    Parts differ by at most one minor unit; the leftover units go to the earliest parts.

    Raises:
        InvalidValueError: *parts* is less than 1.

    Examples:
        >>> split_evenly(Money("100.00", "CNY"), 3)
        (Money('33.34', 'CNY'), Money('33.33', 'CNY'), Money('33.33', 'CNY'))
        >>> split_evenly(Money("-0.05", "CNY"), 2)
        (Money('-0.03', 'CNY'), Money('-0.02', 'CNY'))
    """
    check_type("total", total, Money)
    check_int("parts", parts)
    if parts < 1:
        msg = f"'parts' must be at least 1, got {parts!r}"
        raise InvalidValueError(msg)
    units = total.units
    sign = -1 if units < 0 else 1
    base, extra = divmod(abs(units), parts)
    cur = total.currency
    return tuple(
        Money.from_units(sign * (base + (1 if i < extra else 0)), cur) for i in range(parts)
    )


def allocate(total: Money, weights: Sequence[int | Decimal | Fraction]) -> tuple[Money, ...]:
    """Split *total* in proportion to *weights* by the largest-remainder method.

    Each part first gets the floor of its exact share in minor units; the units left over go,
    one each, to the parts with the largest remainders (ties to the earliest part). The parts
    always sum exactly to *total*; a zero weight always gets zero.

    Args:
        total: the amount to split (may be negative: the split is mirrored).
        weights: non-negative `int`, `Decimal` or `Fraction` values with a positive sum.

    Raises:
        TypeError: a weight is a float, a bool or not a number.
        InvalidValueError: no weights, a negative weight, or all weights zero.

    Examples:
        >>> allocate(Money("100.00", "CNY"), [1, 1, 1])
        (Money('33.34', 'CNY'), Money('33.33', 'CNY'), Money('33.33', 'CNY'))
        >>> allocate(Money("4700000.00", "CNY"), [2] + [1] * 11)[:2]
        (Money('723076.93', 'CNY'), Money('361538.47', 'CNY'))
        >>> allocate(Money("10.00", "CNY"), [0, 3])
        (Money('0.00', 'CNY'), Money('10.00', 'CNY'))
    """
    check_type("total", total, Money)
    if isinstance(weights, str | bytes) or not isinstance(weights, Sequence):
        msg = f"'weights' must be a sequence of numbers, got {type(weights).__name__} {weights!r}"
        raise TypeError(msg)
    if not weights:
        msg = "'weights' must not be empty"
        raise InvalidValueError(msg)
    exact: list[Fraction] = []
    for i, w in enumerate(weights):
        f = Fraction(exact_number(f"weights[{i}]", w))
        if f < 0:
            msg = f"'weights[{i}]' must not be negative, got {w!r}"
            raise InvalidValueError(msg)
        exact.append(f)
    weight_sum = sum(exact, Fraction(0))
    if weight_sum == 0:
        msg = f"'weights' must have a positive sum, got {list(weights)!r}"
        raise InvalidValueError(msg)
    units = total.units
    sign = -1 if units < 0 else 1
    magnitude = abs(units)
    floors: list[int] = []
    remainders: list[Fraction] = []
    for f in exact:
        share = f * magnitude / weight_sum
        whole = share.numerator // share.denominator
        floors.append(whole)
        remainders.append(share - whole)
    left = magnitude - sum(floors)
    # largest remainder first; ties to the earliest part (stable sort on index)
    order = sorted(range(len(exact)), key=lambda i: (-remainders[i], i))
    for i in order[:left]:
        floors[i] += 1
    cur = total.currency
    return tuple(Money.from_units(sign * u, cur) for u in floors)
