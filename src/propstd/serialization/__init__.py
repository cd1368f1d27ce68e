"""Plain data in and out: every propstd value to JSON-ready data and back, exactly.

[to_data][propstd.serialization.to_data] turns a value into plain data (`str`, `int`, `bool`,
`None`, `list`, `dict`) that `json.dumps` can write; [from_data][propstd.serialization.from_data]
rebuilds the value, exactly. Reading is strict: floats, naive instants, unknown keys and wrong
JSON types are refused, and *every* problem is reported at once in one
[InvalidDataError][propstd.errors.InvalidDataError], each with its path
(`lines[3].annual.amount`; `$` is the whole document; see
[split_path][propstd.serialization.split_path] for the exact form).
[json_schema][propstd.serialization.json_schema] describes the format as a JSON Schema.
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
import types
from collections.abc import Iterable
from typing import Any, TypeVar, overload

import cattrs

from propstd._repr import shown
from propstd.errors import InvalidDataError
from propstd.serialization import (
    _calendars,
    _instants,
    _paths,
    _records,
    _scalars,
    _schema,
    _texts,
)

__all__ = [
    "configure_converter",
    "from_data",
    "join_path",
    "json_schema",
    "make_converter",
    "split_path",
    "to_data",
]


def __dir__() -> list[str]:
    return __all__


T = TypeVar("T")

# The parts of the data format, applied in this order by configure_converter(): private modules
# of this package, each with `configure(converter)`. A domain that needs its own hooks adds a
# part here; plain attrs classes of supported types need none.
_PARTS = (_scalars, _instants, _records, _texts, _calendars)
_SCHEMAS = types.MappingProxyType(
    {**_scalars.SCHEMAS, **_instants.SCHEMAS, **_texts.SCHEMAS, **_calendars.SCHEMAS}
)
_WRITTEN_AS = _calendars.WRITTEN_AS


def configure_converter(converter: cattrs.Converter) -> None:
    """Register every propstd hook on *converter* (one the caller owns).

    The format decisions:

    - `Decimal` ↔ a plain decimal string (`"12.50"`, never exponent notation); only strings
      are read.
    - `Fraction` ↔ `"3/4"` or `"2"`.
    - `datetime` ↔ ISO 8601 with its UTC offset (`"2025-03-01T09:00:00+08:00"`), followed by
      the IANA zone in brackets when the instant has one (RFC 9557:
      `"2025-10-26T02:30:00+01:00[Europe/Berlin]"`), so instants in a DST overlap or gap read
      back equal, in their zone, with their `fold`. A naive string is refused; an instant
      without a zone reads with a fixed offset (the same instant).
    - `date` ↔ `"YYYY-MM-DD"`; `time` ↔ `"HH:MM"`, `"HH:MM:SS"` or `"HH:MM:SS.ffffff"`
      (wall-clock, no offset).
    - a `date`, a `time` without offset or an aware `datetime` object is also read as itself
      (TOML has these types); a naive `datetime` is refused.
    - `timedelta` ↔ an ISO 8601 duration (`"PT2H30M"`, `"P3DT4H"`, `"-PT15M"`, exact to the
      microsecond; weeks, days, hours, minutes, seconds, never years or months).
    - enums ↔ their English values (`"CNY"`, `"half_up"`, `"deduction"`); reading also accepts
      every word of a vocabulary (the Chinese label and the seeds' words, `"扣分项"`), ignoring
      case and surrounding blanks.
    - `int`, `str` and `bool` are strict: only that JSON type is read (no `true` for 1, no
      `"1"` for 1, no `1.0`). Floats are never read nor written.
    - tuples, lists and sets ↔ lists (only lists are read: a string is not a list of
      characters; sets are written sorted).
    - mappings ↔ objects; keys are written as strings (an enum key as its value).
    - [Period][propstd.periods.Period] ↔ its text (`"2025-03"`, `"2025-Q1"`,
      `"2025-03-01/2025-03-15"`); [TimeWindow][propstd.calendars.TimeWindow] ↔ `"09:00-12:00"`.
    - attrs classes ↔ objects keyed by field name (the `__init__` name); unknown keys are
      refused (with `forbid_extra_keys=True`), missing required keys reported; an error raised
      by the class itself is reported at the field its `field` names.
    - a class with a string class attribute `kind` is a *variant*: it is written with its tag
      first, `{"type": "paused", ...}`, alone or in a union; a field typed with a union of
      variants, or with their base class (`timelines.Event`), reads the class its tag names.
    - [TimeLimit][propstd.timelimits.TimeLimit], [Frequency][propstd.frequencies.Frequency]
      and [Target][propstd.rates.Target] ↔ their canonical text (`"2 working hours"`,
      `"same working day"`, `"2 times per week"`, `"≥ 75%"`); reading also takes every form
      their `parse()` reads (`"当日"`, `"日查"`, `"不低于75%"`) and the object form of 0.1
      documents.
    - [WorkingCalendar][propstd.calendars.WorkingCalendar] ↔ `{"china": {"hours": ...,
      "zone": ...}}` for the China calendar, else an object of its fields.

    Examples:
        >>> import cattrs
        >>> from datetime import timedelta
        >>> mine = cattrs.Converter()
        >>> configure_converter(mine)
        >>> mine.unstructure(timedelta(hours=2, minutes=30))
        'PT2H30M'
    """
    for part in _PARTS:
        part.configure(converter)


def _refuse(tp: Any) -> Any:
    """The fallback for types that no hook writes: plain JSON values pass, others are refused."""
    if tp in (int, bool, type(None)):
        return lambda value: value

    def refuse(value: object) -> Any:
        msg = f"propstd writes no values of type {type(value).__name__}, got {shown(value)}"
        raise TypeError(msg)

    return refuse


def make_converter(*, omit_defaults: bool = False) -> cattrs.Converter:
    """A new `cattrs.Converter(forbid_extra_keys=True)` with every propstd hook registered.

    Writing a value of a type propstd has no format for raises `TypeError` (a converter of
    your own, given the hooks by `configure_converter`, keeps its own fallback). With
    *omit_defaults*, a record's fields that hold their default are left out of what is
    written (reading puts the defaults back).

    Examples:
        >>> from propstd.periods import Period
        >>> make_converter().structure("2025-Q1", Period)
        Period.parse('2025-Q1')
    """
    converter = cattrs.Converter(
        forbid_extra_keys=True,
        omit_if_default=omit_defaults,
        unstructure_fallback_factory=_refuse,
    )
    configure_converter(converter)
    return converter


@functools.cache
def _converter(*, omit_defaults: bool = False) -> cattrs.Converter:
    # private and built on first use; cattrs.global_converter is never touched
    return make_converter(omit_defaults=omit_defaults)


def to_data(value: object, *, omit_defaults: bool = False) -> Any:
    """*value* as plain JSON-ready data (`str`, `int`, `bool`, `None`, `list`, `dict`).

    With *omit_defaults*, fields of records that hold their default value are left out: a
    shorter document for people to read and edit, which `from_data` reads back equal.

    Raises:
        TypeError: *value* holds a float or another type propstd does not write.
        NaiveDatetimeError: *value* holds a `datetime` without a UTC offset.

    Examples:
        >>> from propstd.rates import Rate
        >>> from propstd.periods import Period
        >>> to_data([Rate(15, 16), Period.parse("2025-03")])
        [{'numerator': '15', 'denominator': '16'}, '2025-03']
        >>> from propstd.inspections import CheckItem
        >>> to_data(CheckItem("SEC-01", "Guard posts staffed"), omit_defaults=True)
        {'code': 'SEC-01', 'title': 'Guard posts staffed'}
    """
    return _converter(omit_defaults=omit_defaults).unstructure(value)


@overload
def from_data(cls: type[T], data: object) -> T: ...


@overload
def from_data(cls: Any, data: object) -> Any: ...


def from_data(cls: Any, data: object) -> Any:
    """Rebuild a value of type *cls* from plain *data*, exactly as `to_data` wrote it.

    Raises:
        InvalidDataError: the data does not describe a *cls*; `problems` lists every problem
            found, each with its path (`$` for the whole document); `field` is `None` and
            `value` the problems.

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
        return _converter().structure(data, cls)
    except Exception as exc:  # every failure becomes one InvalidDataError
        problems = _paths.problems_of(exc)
        name = getattr(cls, "__name__", None) or shown(cls)
        count = "1 problem" if len(problems) == 1 else f"{len(problems)} problems"
        msg = f"cannot read {name} from the data: {count}"
        raise InvalidDataError(msg, problems) from None


def json_schema(cls: Any) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the data `to_data` writes for values of *cls*.

    Works for every class `to_data` writes and for the types it is built from. An attrs
    class is described at the root, with the records it holds under `$defs`; keys come in
    field order and `$defs` sorted, so the same classes always give the same schema. An enum
    lists every word it reads, English values first (`to_data` writes those).

    Raises:
        TypeError: *cls* contains a type propstd has no data format for.

    Examples:
        >>> from propstd.money import Money
        >>> json_schema(Money)["required"]
        ['amount', 'currency']
    """
    builder = _schema.Builder(_SCHEMAS, _WRITTEN_AS, _calendars.IMPLEMENTATIONS)
    return builder.document(cls)


def join_path(segments: Iterable[str | int]) -> str:
    """The path of a problem from its keys (`str`) and list indexes (`int`).

    A *bare* key (ASCII letters, digits, `_`, `-`) is written `.key` (`key` first); any other
    key as a JSON string in brackets (`["a.b"]`, `[""]`); an index as `[3]`; no segment at all
    is `$`, the whole document. [split_path][propstd.serialization.split_path] reads it back.

    Examples:
        >>> join_path(["complaints", "ladder", 2, "after"])
        'complaints.ladder[2].after'
        >>> join_path([0, "provenance", "complaints.ladder"])
        '[0].provenance["complaints.ladder"]'
        >>> join_path([])
        '$'
    """
    return _paths.join_path(segments)


def split_path(path: str) -> tuple[str | int, ...]:
    """The keys and list indexes of a problem's path, as `join_path` writes it.

    Use it to find the place of a problem in a document (a TOML line, a table cell).

    Raises:
        ParseError: *path* is not in that form.

    Examples:
        >>> split_path('complaints.ladder[2].after')
        ('complaints', 'ladder', 2, 'after')
        >>> split_path('calendars["办公室"].zone')
        ('calendars', '办公室', 'zone')
        >>> split_path("$")
        ()
    """
    return _paths.split_path(path)
