"""Validators and helpers shared by the budgets parts (private)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, tzinfo
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs

from propstd._numbers import check_exponent, check_fraction
from propstd._repr import shown
from propstd._time import check_in_range, zone
from propstd._validators import (
    check_aware,
    check_int,
    check_str,
    check_type,
    exact_number,
    non_negative_fraction,
)
from propstd._vocab import Vocabulary, to_member
from propstd.errors import InvalidValueError
from propstd.money import Money, Rounding
from propstd.periods import Period, PeriodUnit

__all__: list[str] = []

# Weights, shares and thresholds of more than 100 digits are refused: far beyond any budget,
# and every figure stays printable (Python refuses to print integers of over 4,300 digits).
_LIMIT = 10**100

YEARS = (2, 9998)
"""The budget years propstd computes with (the dates of their months stay within 0002-9998)."""


def _items(value: object) -> tuple[Any, ...]:
    """Converter: any iterable but a string to a tuple (typed loosely for attrs fields)."""
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        msg = f"expected a sequence of values, got {type(value).__name__} {shown(value)}"
        raise TypeError(msg)
    return tuple(value)


def _enum_repr(value: Vocabulary) -> str:
    return repr(value.value)


def _to_rounding(value: Rounding | str) -> Rounding:
    return to_member("rounding", Rounding, value)


def _exact(name: str, value: object) -> Fraction:
    """An exact number of sensible size as a `Fraction` (floats and bools refused)."""
    number = exact_number(name, value)
    if isinstance(number, Decimal):
        check_exponent(name, number)
    f = check_fraction(name, Fraction(number))
    if abs(f.numerator) >= _LIMIT or f.denominator >= _LIMIT:
        msg = f"{name!r} must be a number of at most 100 digits, got {shown(value)}"
        raise InvalidValueError(msg, field=name, value=value)
    return f


def _non_negative(name: str, value: object) -> Fraction:
    return non_negative_fraction(name, _exact(name, value))


def _check_month(name: str, month: int) -> int:
    if not 1 <= month <= 12:
        msg = f"{name!r} must be a month 1–12, got {shown(month)}"
        raise InvalidValueError(msg, field=name, value=month)
    return month


def _check_year(name: str, value: object) -> int:
    year = check_int(name, value)
    if not YEARS[0] <= year <= YEARS[1]:
        msg = f"{name!r} must be a year {YEARS[0]}–{YEARS[1]}, got {shown(value)}"
        raise InvalidValueError(msg, field=name, value=value)
    return year


def _number(value: Fraction) -> str:
    if value.denominator == 1:
        return str(value.numerator)
    return f"{value.numerator}/{value.denominator}"


def _non_negative_money(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    money = check_type(attribute.name, value, Money)
    if money.units < 0:
        msg = f"{attribute.name!r} must not be negative, got {money!r}"
        raise InvalidValueError(msg, field=attribute.name, value=value)


def _money(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    check_type(attribute.name, value, Money)


def _year(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _check_year(attribute.name, value)


def _month_number(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _check_month(attribute.name, check_int(attribute.name, value))


def _month_period(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    period = check_type(attribute.name, value, Period)
    if period.unit is not PeriodUnit.MONTH:
        msg = f"{attribute.name!r} must be a calendar month, got {str(period)!r}"
        raise InvalidValueError(msg, field=attribute.name, value=value)


def _aware(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    check_aware(attribute.name, value)


def _str(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    check_str(attribute.name, value)


def _zone(key: object) -> tzinfo:
    """The zone of the IANA key *key* (`field` "zone" on a refusal)."""
    try:
        return zone(check_str("zone", key))
    except InvalidValueError:
        msg = f"'zone' must be a known IANA zone name, got {shown(key)}"
        raise InvalidValueError(msg, field="zone", value=key) from None


def _zone_key(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _zone(value)


def _local_date(name: str, instant: datetime, key: str) -> date:
    """The date of *instant* in the zone *key* (semantics §14.5: never the instant's offset).

    Raises:
        NaiveDatetimeError: *instant* is naive.
        InvalidValueError: *instant* is outside the years 0002-9998; *key* is no zone.
    """
    check_in_range(name, check_aware(name, instant))
    return instant.astimezone(_zone(key)).date()
