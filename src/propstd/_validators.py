"""Shared attrs validators and converters (private).

Each domain validator raises a propstd error whose message names the field and shows the value.
Type checks raise the builtin `TypeError`: a wrong Python type is a programming error.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta
from decimal import Decimal
from fractions import Fraction
from typing import Any, TypeVar

import attrs

from propstd._numbers import check_exponent, check_fraction
from propstd._repr import shown
from propstd._vocab import to_member
from propstd.errors import InvalidValueError, NaiveDatetimeError

T = TypeVar("T")

__all__: list[str] = []


def field_name(attribute: attrs.Attribute[Any] | str) -> str:
    """The name of an attrs attribute (or a plain string) for messages."""
    return attribute if isinstance(attribute, str) else attribute.name


def check_int(name: str, value: object) -> int:
    """*value* must be an `int` (not a `bool`, not a float)."""
    if isinstance(value, bool) or not isinstance(value, int):
        msg = f"{name!r} must be an int, got {type(value).__name__} {shown(value)}"
        raise TypeError(msg)
    return value


def check_type(name: str, value: object, kind: type[T]) -> T:
    """*value* must be an instance of *kind*."""
    if not isinstance(value, kind):
        msg = f"{name!r} must be {kind.__name__}, got {type(value).__name__} {shown(value)}"
        raise TypeError(msg)
    return value


def check_str(name: str, value: object) -> str:
    """*value* must be a `str`."""
    if not isinstance(value, str):
        msg = f"{name!r} must be a str, got {type(value).__name__} {shown(value)}"
        raise TypeError(msg)
    return value


def check_nonblank(name: str, value: object) -> str:
    """*value* must be a `str` with something other than white space."""
    text = check_str(name, value)
    if not text.strip():
        msg = f"{name!r} must not be empty, got {shown(value)}"
        raise InvalidValueError(msg, field=name, value=value)
    return text


MAX_TEXT = 10_000
"""The longest text any `parse()` reads (semantics §14.10): longer input is refused at once."""


def check_text(name: str, value: object, limit: int = MAX_TEXT) -> str:
    """*value*, if a `str` of at most *limit* characters (for parsers).

    Raises:
        TypeError: *value* is not a `str`.
        InvalidValueError: it is longer than *limit* characters.
    """
    text = check_str(name, value)
    if len(text) > limit:
        msg = f"{name!r} must be at most {limit:,} characters to parse, got {len(text):,}"
        raise InvalidValueError(msg, field=name, value=text)
    return text


def check_aware(name: str, value: object) -> datetime:
    """*value* must be an aware `datetime` (an instant)."""
    if not isinstance(value, datetime):
        msg = f"{name!r} must be a datetime, got {type(value).__name__} {shown(value)}"
        raise TypeError(msg)
    if value.tzinfo is None or value.utcoffset() is None:
        msg = f"{name!r} must be timezone-aware (an instant), got naive {value.isoformat()!r}"
        raise NaiveDatetimeError(msg, field=name, value=value)
    return value


def check_date(name: str, value: object) -> date:
    """*value* must be a `date` and not a `datetime`."""
    if isinstance(value, datetime) or not isinstance(value, date):
        msg = f"{name!r} must be a date (not a datetime), got {type(value).__name__} {shown(value)}"
        raise TypeError(msg)
    return value


def check_timedelta(name: str, value: object) -> timedelta:
    """*value* must be a `timedelta`."""
    if not isinstance(value, timedelta):
        msg = f"{name!r} must be a timedelta, got {type(value).__name__} {shown(value)}"
        raise TypeError(msg)
    return value


def exact_number(name: str, value: object) -> int | Decimal | Fraction:
    """*value* must be an exact number: `int`, `Decimal` or `Fraction` (never float or bool).

    A non-finite `Decimal` (NaN, infinity) and a number too large or small for arithmetic to
    finish (an exponent beyond ±10⁶, about a million digits) raise `InvalidValueError`.
    """
    if isinstance(value, bool) or not isinstance(value, int | Decimal | Fraction):
        msg = (
            f"{name!r} must be an exact number (int, Decimal or Fraction), "
            f"got {type(value).__name__} {shown(value)}"
        )
        raise TypeError(msg)
    if isinstance(value, Decimal):
        check_exponent(name, value)  # finite, and of a size arithmetic finishes on
    elif isinstance(value, Fraction):
        check_fraction(name, value)
    else:
        check_fraction(name, Fraction(value))
    return value


def to_fraction(name: str, value: object) -> Fraction:
    """Convert an exact number to a `Fraction` (floats and bools raise `TypeError`)."""
    return Fraction(exact_number(name, value))


def non_negative_fraction(name: str, value: object) -> Fraction:
    """Convert an exact, non-negative number to a `Fraction`.

    Raises:
        TypeError: *value* is a float, a bool or not a number.
        InvalidValueError: *value* is negative (or NaN/infinite).
    """
    f = to_fraction(name, value)
    if f < 0:
        msg = f"{name!r} must not be negative, got {shown(value)}"
        raise InvalidValueError(msg, field=name, value=value)
    return f


E = TypeVar("E", bound=enum.StrEnum)


def to_enum(name: str, kind: type[E], value: object) -> E:
    """A member of the `StrEnum` *kind*, from itself or any word it accepts.

    The one coercion of every vocabulary (see `propstd._vocab`): English value, member name,
    Chinese label and the seeds' words, ignoring case and surrounding blanks.

    Raises:
        TypeError: *value* is neither a member of *kind* nor a `str`.
        InvalidValueError: no member has that name; the message lists the accepted words.
    """
    return to_member(name, kind, value)


# -- attrs validators --------------------------------------------------------------------


def aware(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validator: *value* must be an aware `datetime`."""
    check_aware(attribute.name, value)


def optional_aware(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validator: *value* must be `None` or an aware `datetime`."""
    if value is not None:
        check_aware(attribute.name, value)


def is_date(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validator: *value* must be a `date` (not a `datetime`)."""
    check_date(attribute.name, value)


def is_int(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validator: *value* must be an `int` (not a `bool`)."""
    check_int(attribute.name, value)


def is_str(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validator: *value* must be a `str`."""
    check_str(attribute.name, value)


def nonblank(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validator: *value* must be a non-empty `str`."""
    check_nonblank(attribute.name, value)


def at_least(minimum: int) -> Callable[[object, attrs.Attribute[Any], int], None]:
    """Validator factory: an `int` no smaller than *minimum*."""

    def validate(_instance: object, attribute: attrs.Attribute[Any], value: int) -> None:
        check_int(attribute.name, value)
        if value < minimum:
            msg = f"{attribute.name!r} must be at least {minimum}, got {shown(value)}"
            raise InvalidValueError(msg, field=attribute.name, value=value)

    return validate


def tuple_of(
    kind: type[T] | tuple[type, ...],
) -> Callable[[object, attrs.Attribute[Any], tuple[T, ...]], None]:
    """Validator factory: a tuple whose members are all instances of *kind*."""

    def validate(_instance: object, attribute: attrs.Attribute[Any], value: tuple[T, ...]) -> None:
        for i, item in enumerate(check_type(attribute.name, value, tuple)):
            if (isinstance(item, bool) and kind is not bool) or not isinstance(item, kind):
                names = kind.__name__ if isinstance(kind, type) else kind
                msg = f"{attribute.name}[{i}] must be {names}, got {type(item).__name__} {item!r}"
                raise TypeError(msg)

    return validate


def to_tuple(value: Iterable[T]) -> tuple[T, ...]:
    """Converter: any iterable (but not a string) to a tuple."""
    if isinstance(value, str | bytes):
        msg = f"expected a sequence of values, got the string {shown(value)}"
        raise TypeError(msg)
    return tuple(value)
