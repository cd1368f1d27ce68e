"""Validators and helpers shared by the budgets parts (private)."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from fractions import Fraction
from typing import Any

import attrs

from propstd._validators import (
    check_int,
    check_type,
)
from propstd.errors import InvalidValueError
from propstd.money import Money
from propstd.periods import Period, PeriodUnit

__all__: list[str] = []


def _items(value: object) -> tuple[Any, ...]:
    """Converter: any iterable but a string to a tuple (typed loosely for attrs fields)."""
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        msg = f"expected a sequence of values, got {type(value).__name__} {value!r}"
        raise TypeError(msg)
    return tuple(value)


def _enum_repr(value: enum.Enum) -> str:
    return repr(value.value)


def _check_month(name: str, month: int) -> int:
    if not 1 <= month <= 12:
        msg = f"{name!r} must be a month 1–12, got {month!r}"
        raise InvalidValueError(msg)
    return month


def _number(value: Fraction) -> str:
    if value.denominator == 1:
        return str(value.numerator)
    return f"{value.numerator}/{value.denominator}"


def _non_negative_money(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    money = check_type(attribute.name, value, Money)
    if money.units < 0:
        msg = f"{attribute.name!r} must not be negative, got {money!r}"
        raise InvalidValueError(msg)


def _money(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    check_type(attribute.name, value, Money)


def _year(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    year = check_int(attribute.name, value)
    if not 1 <= year <= 9999:
        msg = f"{attribute.name!r} must be a year 1–9999, got {value!r}"
        raise InvalidValueError(msg)


def _month_number(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _check_month(attribute.name, check_int(attribute.name, value))


def _month_period(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    period = check_type(attribute.name, value, Period)
    if period.unit is not PeriodUnit.MONTH:
        msg = f"{attribute.name!r} must be a calendar month, got {str(period)!r}"
        raise InvalidValueError(msg)
