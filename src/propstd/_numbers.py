"""Exact decimal arithmetic without the global `decimal` context (private).

Every `Decimal` operation in propstd runs in `EXACT` (passed as `context=`) or builds its result
from integers, so the answer is the same under any `decimal.localcontext()` a caller has set,
with any precision or traps, on any thread. `EXACT` traps `Inexact`: an operation that would
have to round raises instead of rounding silently; rounding happens only in `round_fraction()`
and `to_decimal()`, with an explicit mode.

Size bounds (semantics §14.10): a number whose adjusted exponent is beyond ±10⁶ and more than
28 decimal places asked of a rounding are refused with `InvalidValueError`, so no input of a
few characters can make an operation run for minutes.
"""

from __future__ import annotations

from decimal import (
    ROUND_HALF_EVEN,
    Context,
    Decimal,
    DivisionByZero,
    Inexact,
    InvalidOperation,
    Overflow,
)
from fractions import Fraction

from propstd._repr import shown
from propstd.errors import InvalidValueError

__all__: list[str] = []

MAX_EXPONENT = 1_000_000
"""The largest adjusted exponent (either sign) of a number propstd accepts."""

MAX_PLACES = 28
"""The most decimal places a rounding may ask for."""

EXACT = Context(
    prec=2 * MAX_EXPONENT + 100,
    rounding=ROUND_HALF_EVEN,
    Emax=4 * MAX_EXPONENT,
    Emin=-4 * MAX_EXPONENT,
    traps=[Inexact, InvalidOperation, DivisionByZero, Overflow],
)
"""The context of every Decimal operation: wide enough to be exact for bounded inputs."""

MODES = ("half_up", "half_even", "half_down", "down", "up", "ceiling", "floor")
"""The rounding modes `round_fraction()` knows (the values of `propstd.money.Rounding`)."""


def check_exponent(name: str, value: Decimal) -> Decimal:
    """*value*, if finite with an adjusted exponent within ±`MAX_EXPONENT`.

    Raises:
        InvalidValueError: *value* is NaN, infinite, or too large or too small to handle.
    """
    if not value.is_finite():
        msg = f"{name!r} must be finite, got {shown(value)}"
        raise InvalidValueError(msg, field=name, value=value)
    if value and abs(value.adjusted()) > MAX_EXPONENT:
        msg = (
            f"{name!r} must have an exponent within ±{MAX_EXPONENT:,} "
            f"(a number of sensible size), got {shown(value)}"
        )
        raise InvalidValueError(msg, field=name, value=value)
    return value


def check_fraction(name: str, value: Fraction) -> Fraction:
    """*value*, if its numerator and denominator are within the size bound.

    Raises:
        InvalidValueError: the numerator or denominator has more than ~10⁶ decimal digits.
    """
    limit = MAX_EXPONENT * 3322 // 1000  # bits of a 10**MAX_EXPONENT
    if value.numerator.bit_length() > limit or value.denominator.bit_length() > limit:
        msg = f"{name!r} must be a number of sensible size, got {shown(value)}"
        raise InvalidValueError(msg, field=name, value=value)
    return value


def check_places(name: str, places: object) -> int:
    """*places*, if an `int` from 0 to `MAX_PLACES`.

    Raises:
        TypeError: *places* is not an `int` (or is a `bool`).
        InvalidValueError: it is negative or above `MAX_PLACES`.
    """
    if isinstance(places, bool) or not isinstance(places, int):
        msg = f"{name!r} must be an int, got {type(places).__name__} {shown(places)}"
        raise TypeError(msg)
    if not 0 <= places <= MAX_PLACES:
        msg = f"{name!r} must be from 0 to {MAX_PLACES}, got {shown(places)}"
        raise InvalidValueError(msg, field=name, value=places)
    return places


def round_fraction(value: Fraction, mode: str) -> int:
    """Round *value* to an integer with *mode* (one of `MODES`), exactly.

    Examples:
        >>> round_fraction(Fraction(5, 2), "half_up"), round_fraction(Fraction(5, 2), "half_even")
        (3, 2)
        >>> round_fraction(Fraction(-1, 3), "floor")
        -1
    """
    floor, rest = divmod(value.numerator, value.denominator)  # value = floor + rest/den
    if rest == 0:
        return floor
    ceil = floor + 1
    negative = value < 0
    directed = {
        "floor": floor,
        "ceiling": ceil,
        "down": ceil if negative else floor,
        "up": floor if negative else ceil,
    }
    if mode in directed:
        return directed[mode]
    twice = 2 * rest
    if twice != value.denominator:
        return floor if twice < value.denominator else ceil
    # an exact tie
    if mode == "half_even":
        return floor if floor % 2 == 0 else ceil
    if mode == "half_up":
        return floor if negative else ceil
    if mode == "half_down":
        return ceil if negative else floor
    msg = f"'rounding' must be one of {', '.join(MODES)}, got {shown(mode)}"
    raise InvalidValueError(msg, field="rounding", value=mode)


def from_units(units: int, places: int) -> Decimal:
    """The decimal `units × 10**-places`, with exactly *places* decimals (no context used).

    Examples:
        >>> from_units(1234, 2), from_units(-5, 3), from_units(7, 0)
        (Decimal('12.34'), Decimal('-0.005'), Decimal('7'))
    """
    # Decimal(int) is exact at any size (no str(): no 4,300-digit limit); scaleb in EXACT
    return Decimal(units).scaleb(-places, context=EXACT)


def to_decimal(value: Fraction | int, places: int, mode: str) -> Decimal:
    """*value* rounded to *places* decimals with *mode*, exactly (no context used).

    Examples:
        >>> to_decimal(Fraction(2, 3), 3, "half_up"), to_decimal(Fraction(1, 8), 2, "half_even")
        (Decimal('0.667'), Decimal('0.12'))
    """
    return from_units(round_fraction(Fraction(value) * Fraction(10) ** places, mode), places)


def plain(value: Fraction | int) -> Decimal | None:
    """*value* as a terminating decimal (`3/8` → `0.375`), or `None` when it has none (`1/3`).

    Examples:
        >>> plain(Fraction(3, 8)), plain(Fraction(1, 3)), plain(12)
        (Decimal('0.375'), None, Decimal('12'))
    """
    f = Fraction(value)
    den = f.denominator
    twos = fives = 0
    while den % 2 == 0:
        den //= 2
        twos += 1
    while den % 5 == 0:
        den //= 5
        fives += 1
    if den != 1:
        return None
    places = max(twos, fives)
    return from_units(f.numerator * 10**places // f.denominator, places)
