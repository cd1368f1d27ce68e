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
    Decimal,
    Inexact,
    InvalidOperation,
)
from fractions import Fraction
from typing import Any, Self

import attrs

from propstd._numbers import (
    EXACT,
    check_exponent,
    check_fraction,
    check_places,
    from_units,
    round_fraction,
    to_decimal,
)
from propstd._repr import shown
from propstd._validators import check_int, check_text, check_type, exact_number
from propstd._vocab import Vocabulary, to_member
from propstd.errors import CurrencyMismatchError, InexactAmountError, InvalidValueError

__all__ = ["Currency", "Money", "Rounding", "allocate", "split_evenly"]


def __dir__() -> list[str]:
    return __all__


# The most digits an amount may have in minor units (about 10⁹⁸ yuan): a bound, not a hang.
_MAX_DIGITS = 100
_LIMIT = 10**_MAX_DIGITS

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


class Currency(Vocabulary):
    """A currency propstd knows, with its number of minor digits (ISO 4217).

    Read from its code in any case (`"cny"`), its Chinese name (`"人民币"`) or a common
    abbreviation (`"RMB"`); written back as the upper-case code.

    Examples:
        >>> Currency("CNY").minor_digits, Currency("人民币"), Currency(" rmb ")
        (2, <Currency.CNY: 'CNY'>, <Currency.CNY: 'CNY'>)
        >>> Currency.JPY.quantum
        Decimal('1')
    """

    CNY = "CNY", "人民币", "RMB", "元"
    """Chinese yuan (renminbi); minor unit the fen, 0.01."""
    HKD = "HKD", "港元", "港币"
    """Hong Kong dollar."""
    MOP = "MOP", "澳门元", "澳门币"
    """Macanese pataca."""
    TWD = "TWD", "新台币"
    """New Taiwan dollar."""
    USD = "USD", "美元"
    """US dollar."""
    EUR = "EUR", "欧元"
    """Euro."""
    GBP = "GBP", "英镑"
    """Pound sterling."""
    SGD = "SGD", "新加坡元"
    """Singapore dollar."""
    JPY = "JPY", "日元"
    """Japanese yen (no minor unit)."""
    KRW = "KRW", "韩元"
    """South Korean won (no minor unit)."""

    @property
    def minor_digits(self) -> int:
        """Decimal places of the minor unit (2 for CNY, 0 for JPY)."""
        return _MINOR_DIGITS[self.value]

    @property
    def quantum(self) -> Decimal:
        """The minor unit as a `Decimal` exponent (`Decimal('0.01')` for CNY)."""
        return Decimal((0, (1,), -self.minor_digits))


class Rounding(Vocabulary):
    """A rounding mode, named after the `decimal.ROUND_*` constant it stands for.

    Read from its English value or its Chinese name (`"四舍五入"` is `half_up`).

    Examples:
        >>> Rounding.HALF_UP.decimal_mode, Rounding("四舍五入")
        ('ROUND_HALF_UP', <Rounding.HALF_UP: 'half_up'>)
    """

    HALF_UP = "half_up", "四舍五入"
    """Ties away from zero (0.125 → 0.13): the usual commercial rounding (四舍五入)."""
    HALF_EVEN = "half_even", "四舍六入五成双", "银行家舍入"
    """Ties to the even neighbour (0.125 → 0.12): banker's rounding."""
    HALF_DOWN = "half_down", "五舍六入"
    """Ties toward zero (0.125 → 0.12)."""
    DOWN = "down", "去尾", "舍去", "截尾"
    """Toward zero (truncate)."""
    UP = "up", "进一", "进一法"
    """Away from zero."""
    CEILING = "ceiling", "向上取整"
    """Toward positive infinity."""
    FLOOR = "floor", "向下取整"
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
        return round_fraction(value, self.value)


_DECIMAL_MODES = {
    Rounding.HALF_UP: ROUND_HALF_UP,
    Rounding.HALF_EVEN: ROUND_HALF_EVEN,
    Rounding.HALF_DOWN: ROUND_HALF_DOWN,
    Rounding.DOWN: ROUND_DOWN,
    Rounding.UP: ROUND_UP,
    Rounding.CEILING: ROUND_CEILING,
    Rounding.FLOOR: ROUND_FLOOR,
}


def _to_currency(value: Currency | str) -> Currency:
    return to_member("currency", Currency, value)


def _to_rounding(value: Rounding | str) -> Rounding:
    return to_member("rounding", Rounding, value)


_GROUPED = re.compile(r"[+-]?[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]*)?")


def _parse_decimal(name: str, value: object) -> Decimal:
    """A str, int or Decimal as a finite `Decimal` of sensible size; floats and bools refused."""
    if isinstance(value, bool | float):
        msg = (
            f"{name!r} must be a str, int or Decimal, got {type(value).__name__} {value!r}: "
            "floats cannot hold money exactly; pass a string such as '0.10'"
        )
        raise TypeError(msg)
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        result = Decimal(value)  # exact: the constructor never rounds
    elif isinstance(value, str):
        result = _decimal_text(name, value)
    else:
        msg = f"{name!r} must be a str, int or Decimal, got {type(value).__name__} {shown(value)}"
        raise TypeError(msg)
    if not result.is_finite():
        msg = f"{name!r} must be a finite number, got {shown(value)}"
        raise InvalidValueError(msg, field=name, value=value)
    return check_exponent(name, result)


def _decimal_text(name: str, value: str) -> Decimal:
    text = check_text(name, value).strip()
    if "," in text:
        if _GROUPED.fullmatch(text) is None:
            msg = (
                f"{name!r} must be a decimal number (commas only between groups of three "
                f"digits), got {shown(value)}"
            )
            raise InvalidValueError(msg, field=name, value=value)
        text = text.replace(",", "")
    try:
        # the context only decides that a malformed string raises; the value is exact
        return Decimal(text, context=EXACT)
    except InvalidOperation:
        msg = f"{name!r} must be a decimal number, got {shown(value)}"
        raise InvalidValueError(msg, field=name, value=value) from None


def _to_amount(value: object) -> Decimal:
    """Converter for amounts: str, int or Decimal; floats and bools are refused."""
    return _parse_decimal("amount", value)


def _exact(name: str, value: object) -> Fraction:
    """An exact number (int, Decimal or Fraction) as a `Fraction`, refusing absurd sizes."""
    number = exact_number(name, value)
    if isinstance(number, Decimal):
        check_exponent(name, number)
    return check_fraction(name, Fraction(number))


def _text(value: Decimal) -> str:
    """*value* in scientific notation when long, cut to 60 characters (for messages)."""
    text = EXACT.to_sci_string(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _check_units(name: str, units: int, value: object) -> int:
    if abs(units) >= _LIMIT:
        msg = (
            f"{name!r} {shown(value)} is too large to hold exactly "
            f"(at most {_MAX_DIGITS} digits of minor units)"
        )
        raise InvalidValueError(msg, field=name, value=value)
    return units


@attrs.frozen(order=False, repr=False)
class Money:
    """An exact amount of one currency; never rounded silently.

    The *amount* is a `str` (`"1,234.50"` is fine), an `int` or a `Decimal`, never a `float`;
    the *currency* is a [Currency][propstd.money.Currency] or its code (`"CNY"`).

    Raises:
        TypeError: *amount* is a `float`, `bool` or another non-number type.
        InvalidValueError: *amount* is not a number, NaN or infinite, text over 10,000
            characters, or more than 100 digits of minor units; *currency* is unknown.
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

    amount: Decimal = attrs.field(converter=_to_amount)
    """The amount, quantized to the currency's minor unit (`Decimal('12.50')`)."""
    currency: Currency = attrs.field(converter=_to_currency)
    """The currency."""
    _units: int = attrs.field(init=False, eq=False, repr=False, hash=False)

    def __attrs_post_init__(self) -> None:
        digits = self.currency.minor_digits
        amount = self.amount
        if amount and amount.adjusted() + digits >= _MAX_DIGITS:
            _check_units("amount", _LIMIT, amount)
        try:
            exact = amount.quantize(self.currency.quantum, context=EXACT)
        except Inexact:
            msg = (
                f"'amount' {_text(amount)} has more decimal places than {self.currency} "
                f"allows ({digits}); round it explicitly with Money.rounded()"
            )
            raise InexactAmountError(msg, field="amount", value=amount) from None
        units = int(exact.scaleb(digits, context=EXACT))
        # attrs' documented way to normalise a field of a frozen class (-0.00 becomes 0.00)
        object.__setattr__(self, "amount", exact if units else exact.copy_abs())
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

        Raises:
            InvalidValueError: *units* has more than 100 digits; unknown *currency*.

        Examples:
            >>> Money.from_units(3334, "CNY")
            Money('33.34', 'CNY')
        """
        cur = _to_currency(currency)
        count = _check_units("units", check_int("units", units), units)
        # exact: EXACT holds any bounded amount (the context decides nothing here)
        return cls(Decimal(count).scaleb(-cur.minor_digits, context=EXACT), cur)

    @classmethod
    def rounded(
        cls,
        value: Decimal | int | Fraction | str,
        currency: Currency | str,
        *,
        rounding: Rounding | str,
    ) -> Self:
        """Build from an inexact value, rounding to the minor unit with *rounding*.

        This is the only place where propstd rounds money. *value* may be a `Decimal`, `int`,
        `Fraction` (rounded exactly, never through a float) or decimal string; *rounding* a
        [Rounding][propstd.money.Rounding] or its name (`"half_up"`, `"四舍五入"`).

        Raises:
            TypeError: *value* is a float or bool.
            InvalidValueError: *value* is no number, NaN, infinite, or beyond the size bounds
                (an exponent beyond ±10⁶, more than 100 digits of minor units); an
                unknown *currency* or *rounding*.

        Examples:
            >>> Money.rounded(Decimal("0.125"), "EUR", rounding=Rounding.HALF_EVEN)
            Money('0.12', 'EUR')
            >>> Money.rounded(Decimal("0.125"), "EUR", rounding="四舍五入")
            Money('0.13', 'EUR')
            >>> Money.rounded(Fraction(100, 3), "CNY", rounding=Rounding.DOWN)
            Money('33.33', 'CNY')
        """
        cur = _to_currency(currency)
        mode = _to_rounding(rounding)
        if isinstance(value, str):
            number: object = _parse_decimal("value", value)
        else:
            number = value
        exact = _exact("value", number)
        if abs(exact) >= 10 ** (_MAX_DIGITS - cur.minor_digits):
            _check_units("value", _LIMIT, value)
        units = mode.round_fraction(exact * 10**cur.minor_digits)
        return cls.from_units(_check_units("value", units, value), cur)

    @classmethod
    def sum(cls, amounts: Iterable[Money], *, currency: Currency | str) -> Self:
        """The exact total of *amounts*, all in *currency* (zero when empty).

        Raises:
            CurrencyMismatchError: an amount in another currency.
            InvalidValueError: the total has more than 100 digits of minor units.

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

    def times(self, factor: int | Decimal | Fraction, *, rounding: Rounding | str) -> Money:
        """Multiply by an exact *factor* and round the product with *rounding*.

        Use it for rates: area × fee per m², fees × a remuneration percentage.

        Raises:
            TypeError: *factor* is a float or bool.
            InvalidValueError: *factor* is NaN or infinite, or the product is beyond the size
                bounds of [rounded][propstd.money.Money.rounded].

        Examples:
            >>> Money("3.20", "CNY").times(Decimal("120000"), rounding=Rounding.HALF_UP)
            Money('384000.00', 'CNY')
            >>> Money("100.00", "CNY").times(Fraction(1, 3), rounding=Rounding.HALF_UP)
            Money('33.33', 'CNY')
        """
        product = Fraction(self._units, 10**self.currency.minor_digits) * _exact("factor", factor)
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
            msg = f"cannot compare Money with {type(other).__name__} {shown(other)}"
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

        A precision that drops digits rounds half to even, and an exponent is written `E` (as
        `format(Decimal, spec)` does in the default context), whatever the `decimal` context.

        Raises:
            InvalidValueError: a precision above 28.

        Examples:
            >>> f"{Money('4608000', 'CNY'):,}", f"{Money('2.25', 'CNY'):.1f}"
            ('4,608,000.00 CNY', '2.2 CNY')
        """
        if not spec:
            return str(self)
        return f"{_formatted(self.amount, self.currency.minor_digits, spec)} {self.currency.value}"


_SPEC = re.compile(r"(?P<head>.*?)(?:\.(?P<places>[0-9]+))?(?P<kind>[eEfFgGn%]?)", re.DOTALL)


def _formatted(amount: Decimal, decimals: int, spec: str) -> str:
    """`format(amount, spec)` as the default `decimal` context would write it, in any context.

    `format(Decimal, spec)` rounds with the rounding of the current context and, without a
    type, writes the exponent as `E` or `e` after its `capitals`. Here *amount* (of *decimals*
    places) is first rounded half-even to the digits *spec* keeps (so formatting rounds
    nothing), and a spec without a type gets `G` (what no type means under `capitals=1`).
    """
    m = _SPEC.fullmatch(spec)
    assert m is not None  # every text matches: the head takes what the rest does not
    if m["places"] is None:
        return format(amount, spec)
    places = check_places("format precision", int(m["places"]))
    kind = m["kind"]
    exact = _pre_rounded(amount, decimals, places, kind)
    return format(exact, spec if kind else spec + "G")


def _pre_rounded(amount: Decimal, decimals: int, places: int, kind: str) -> Decimal:
    """*amount* rounded half-even to the digits a format of *places* and *kind* shows.

    An amount that has no more digits than the format shows is returned as it is (zero too,
    which keeps its exponent), so a format never shows digits the amount does not have.
    """
    if kind in ("f", "F"):
        keep = places
    elif kind == "%":
        keep = places + 2
    elif kind in ("e", "E"):
        keep = places - amount.adjusted()
    else:  # g, G, n or none: significant digits
        keep = max(places, 1) - 1 - amount.adjusted()
    if keep >= decimals or not amount:
        return amount
    if keep >= 0:
        exact = to_decimal(Fraction(amount), keep, "half_even")
    else:  # fewer digits than the integer part has: round to tens, hundreds ...
        exact = from_units(round_fraction(Fraction(amount) / 10**-keep, "half_even"), keep)
    # a negative amount that rounds to zero prints as -0.0, as format() shows it
    return exact.copy_negate() if amount.is_signed() and not exact else exact


def _same_currency(currency: Currency, other: Money, op: str) -> int:
    if other.currency is not currency:
        msg = f"cannot combine {currency.value} with {other.currency.value} ({op}): {other!r}"
        raise CurrencyMismatchError(msg, field="currency", value=other)
    return other.units


# The most parts split_evenly() makes: a bound, so a typo cannot allocate for minutes.
_MAX_PARTS = 1_000_000


def split_evenly(total: Money, parts: int) -> tuple[Money, ...]:
    """Split *total* into *parts* amounts that add up to it exactly.

    Parts differ by at most one minor unit; the leftover units go to the earliest parts.

    Raises:
        InvalidValueError: *parts* is less than 1 or more than 1,000,000.

    Examples:
        >>> split_evenly(Money("100.00", "CNY"), 3)
        (Money('33.34', 'CNY'), Money('33.33', 'CNY'), Money('33.33', 'CNY'))
        >>> split_evenly(Money("-0.05", "CNY"), 2)
        (Money('-0.03', 'CNY'), Money('-0.02', 'CNY'))
    """
    check_type("total", total, Money)
    check_int("parts", parts)
    if not 1 <= parts <= _MAX_PARTS:
        msg = f"'parts' must be from 1 to {_MAX_PARTS:,}, got {shown(parts)}"
        raise InvalidValueError(msg, field="parts", value=parts)
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
        InvalidValueError: no weights, a negative weight, a weight beyond the size bounds
            (an exponent beyond ±10⁶), or all weights zero.

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
        msg = (
            f"'weights' must be a sequence of numbers, got {type(weights).__name__} "
            f"{shown(weights)}"
        )
        raise TypeError(msg)
    if not weights:
        msg = "'weights' must not be empty"
        raise InvalidValueError(msg, field="weights", value=weights)
    exact: list[Fraction] = []
    for i, w in enumerate(weights):
        f = _exact(f"weights[{i}]", w)
        if f < 0:
            msg = f"'weights[{i}]' must not be negative, got {shown(w)}"
            raise InvalidValueError(msg, field=f"weights[{i}]", value=w)
        exact.append(f)
    weight_sum = sum(exact, Fraction(0))
    if weight_sum == 0:
        msg = f"'weights' must have a positive sum, got {shown(list(weights))}"
        raise InvalidValueError(msg, field="weights", value=weights)
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
