"""Plain data in and out: every propstd value to JSON-ready data and back, exactly.

[to_data][propstd.serialization.to_data] turns a value into plain data (`str`, `int`, `bool`,
`None`, `list`, `dict`) that `json.dumps` can write; [from_data][propstd.serialization.from_data]
rebuilds the value, exactly. Reading is strict: floats, naive instants, unknown keys and wrong
types are refused, and *every* problem is reported at once in one
[InvalidDataError][propstd.errors.InvalidDataError], each with its path
(`lines[3].annual.amount`; `$` is the whole document).
[json_schema][propstd.serialization.json_schema] describes the format.
The format decisions are listed under
[configure_converter][propstd.serialization.configure_converter]; to merge them into a `cattrs`
converter of your own, call it on that converter.

This is the only module of propstd that uses `cattrs`; the value classes know nothing about it.

Examples:
    >>> from propstd.money import Money
    >>> from propstd.serialization import from_data, to_data
    >>> to_data(Money("12.5", "CNY"))
    {'amount': '12.50', 'currency': 'CNY'}
    >>> from_data(Money, {"amount": "12.50", "currency": "CNY"})
    Money('12.50', 'CNY')
    >>> from_data(Money, {"amount": 1.5, "currency": "CNY", "note": "x"})  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    propstd.errors.InvalidDataError: cannot read Money from the data: 2 problems
      amount: expected a decimal number as a string, e.g. '12.50', got float 1.5 (floats ...
      note: unexpected key (allowed: amount, currency)
"""

from __future__ import annotations

import functools
import importlib
from typing import Any, TypeVar

import cattrs

from propstd.errors import InvalidDataError
from propstd.serialization import _core

__all__ = ["configure_converter", "from_data", "json_schema", "make_converter", "to_data"]


def __dir__() -> list[str]:
    return __all__


T = TypeVar("T")

# The parts of the data format, applied in this order by configure_converter(): private
# modules of this package, each with `configure(converter)`. A domain adds one line here.
_PARTS: tuple[str, ...] = (
    "_core",
    "_calendars",
    "_timelines",
)


def configure_converter(converter: cattrs.Converter) -> None:
    """Register every propstd hook on *converter* (one the caller owns).

    The format decisions:

    - `Decimal` ↔ a plain decimal string (`"12.50"`, never exponent notation); only strings
      are read.
    - `Fraction` ↔ `"3/4"` or `"2"`.
    - `datetime` ↔ ISO 8601 with its UTC offset (`"2025-03-01T09:00:00+08:00"`); a naive
      string is refused. Reading gives a fixed-offset zone (the same instant).
    - `date` ↔ `"YYYY-MM-DD"`; `time` ↔ `"HH:MM"`, `"HH:MM:SS"` or `"HH:MM:SS.ffffff"`
      (wall-clock, no offset).
    - `timedelta` ↔ an ISO 8601 duration (`"PT2H30M"`, `"P3DT4H"`, `"-PT15M"`, exact to the
      microsecond; weeks, days, hours, minutes, seconds, never years or months).
    - enums ↔ their values (`"CNY"`, `"half_up"`).
    - `int`, `str` and `bool` are strict: only that JSON type is read (no `true` for 1, no
      `"1"` for 1, no `1.0`). Floats are never read nor written.
    - tuples ↔ lists (only lists are read: a string is not a list of characters).
    - [Money][propstd.money.Money] ↔ `{"amount": "12.50", "currency": "CNY"}`.
    - [Period][propstd.periods.Period] ↔ its text (`"2025-03"`, `"2025-Q1"`,
      `"2025-03-01/2025-03-15"`).
    - attrs classes ↔ objects keyed by field name; unknown keys are refused (with
      `forbid_extra_keys=True`), missing required keys reported; errors raised by the class
      itself are reported at the field they name.
    - unions of records carry a stable `"type"` tag (`{"type": "...", ...}`), never a class
      name.

    Examples:
        >>> import cattrs
        >>> from datetime import timedelta
        >>> mine = cattrs.Converter()
        >>> configure_converter(mine)
        >>> mine.unstructure(timedelta(hours=2, minutes=30))
        'PT2H30M'
    """
    for name in _PARTS:
        importlib.import_module(f"{__name__}.{name}").configure(converter)


def make_converter() -> cattrs.Converter:
    """A new `cattrs.Converter(forbid_extra_keys=True)` with every propstd hook registered.

    Examples:
        >>> from propstd.periods import Period
        >>> make_converter().structure("2025-Q1", Period)
        Period.parse('2025-Q1')
    """
    converter = cattrs.Converter(forbid_extra_keys=True)
    configure_converter(converter)
    return converter


@functools.cache
def _converter() -> cattrs.Converter:
    # private and built on first use; cattrs.global_converter is never touched
    return make_converter()


def to_data(value: object) -> Any:
    """*value* as plain JSON-ready data (`str`, `int`, `bool`, `None`, `list`, `dict`).

    Raises:
        TypeError: *value* holds a float or another type propstd does not write.

    Examples:
        >>> from propstd.rates import Rate
        >>> from propstd.periods import Period
        >>> to_data([Rate(15, 16), Period.parse("2025-03")])
        [{'numerator': '15', 'denominator': '16'}, '2025-03']
    """
    return _converter().unstructure(value)


def from_data(cls: type[T], data: object) -> T:
    """Rebuild a value of type *cls* from plain *data*, exactly as `to_data` wrote it.

    Raises:
        InvalidDataError: the data does not describe a *cls*; `problems` lists every problem
            found, each with its dotted path (`$` for the whole document).

    Examples:
        >>> from propstd.rates import Rate
        >>> from_data(Rate, {"numerator": "15", "denominator": "16"})
        Rate(15, 16)
        >>> try:
        ...     from_data(Rate, {"numerator": "3", "denominator": True})
        ... except InvalidDataError as exc:
        ...     print(exc.problems[0])
        denominator: expected a fraction as a string, e.g. '3/4' or '2', got bool True
    """
    try:
        result: T = _converter().structure(data, cls)
        return result
    except Exception as exc:  # every failure becomes one InvalidDataError
        problems = _core.problems_of(exc)
        name = getattr(cls, "__name__", repr(cls))
        count = "1 problem" if len(problems) == 1 else f"{len(problems)} problems"
        msg = f"cannot read {name} from the data: {count}"
        raise InvalidDataError(msg, problems) from None


def json_schema(cls: Any) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the data `to_data` writes for values of *cls*.

    Works for attrs classes built from the supported types, and for those types themselves.

    Raises:
        TypeError: *cls* contains a type propstd has no data format for.

    Examples:
        >>> from propstd.money import Money
        >>> json_schema(Money)["required"]
        ['amount', 'currency']
    """
    _converter()  # the parts record their schemas and tagged unions when they configure
    return _core.json_schema(cls)
