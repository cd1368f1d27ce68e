"""The data format of single values (private part of propstd.serialization).

Numbers, dates, times, durations, enums and the values written as text (periods). Every hook
is strict: it reads only the JSON type it writes, and refuses with an
[InvalidValueError][propstd.errors.InvalidValueError] whose `value` is the input and whose
message shows it through a bounded repr.
"""

from __future__ import annotations

import enum
import re
import types
from collections.abc import Callable, Mapping
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from fractions import Fraction
from typing import Any, NoReturn, TypeVar

import cattrs

from propstd._repr import shown
from propstd._vocab import Vocabulary, to_member
from propstd.errors import InvalidValueError
from propstd.periods import Period

__all__: list[str] = []

T = TypeVar("T")


def describe(value: object) -> str:
    """`type repr` of *value*, bounded: `float 1.5`, `str 'x...'`."""
    return f"{type(value).__name__} {shown(value, 60)}"


def refuse(what: str, value: object) -> NoReturn:
    """Refuse *value* where *what* was expected."""
    hint = ""
    if isinstance(value, float):
        hint = " (floats are not exact: write numbers as strings, e.g. '12.50')"
    msg = f"expected {what}, got {describe(value)}{hint}"
    raise InvalidValueError(msg, value=value)


def text(value: object, what: str) -> str:
    """*value* if it is a `str`, else the refusal saying *what* was expected."""
    if not isinstance(value, str):
        refuse(what, value)
    return value


def _bad(message: str, value: object) -> InvalidValueError:
    return InvalidValueError(message, value=value)


# -- numbers -------------------------------------------------------------------------------

_DECIMAL_RE = re.compile(r"-?[0-9]{1,100}(?:\.[0-9]{1,100})?")
_FRACTION_RE = re.compile(r"-?[0-9]{1,100}(?:/[0-9]{1,100})?")


def structure_decimal(value: object, _cl: object = Decimal) -> Decimal:
    """A `Decimal` from a plain decimal string such as `"-12.50"` (no exponent, no float)."""
    raw = text(value, "a decimal number as a string, e.g. '12.50'")
    if _DECIMAL_RE.fullmatch(raw) is None:
        msg = f"expected a decimal number such as '12.50', got {shown(raw)}"
        raise _bad(msg, raw)
    return Decimal(raw)


def unstructure_decimal(value: Decimal) -> str:
    """A finite `Decimal` as a plain decimal string (`Decimal('1E+3')` → `"1000"`)."""
    if not value.is_finite():
        msg = f"only finite decimals can be written, got {shown(value)}"
        raise _bad(msg, value)
    return format(value, "f")


def structure_fraction(value: object, _cl: object = Fraction) -> Fraction:
    """A `Fraction` from `"3/4"` or `"2"`."""
    raw = text(value, "a fraction as a string, e.g. '3/4' or '2'")
    if _FRACTION_RE.fullmatch(raw) is None:
        msg = f"expected a fraction such as '3/4' or '2', got {shown(raw)}"
        raise _bad(msg, raw)
    denominator = raw.partition("/")[2]
    if denominator and int(denominator) == 0:
        msg = f"a fraction cannot have a zero denominator, got {shown(raw)}"
        raise _bad(msg, raw)
    return Fraction(raw)


def structure_int(value: object, cl: Any) -> Any:
    """An `int` (only an `int`: no bool, float or string)."""
    if isinstance(value, bool) or not isinstance(value, int):
        refuse("an integer", value)
    return cl(value)


def structure_bool(value: object, _cl: object = bool) -> bool:
    """A `bool` (only `true`/`false`)."""
    if not isinstance(value, bool):
        refuse("true or false", value)
    return value


def structure_str(value: object, cl: Any) -> Any:
    """A `str` (only a `str`)."""
    return cl(text(value, "a string"))


def structure_float(value: object, _cl: object = float) -> float:  # float-ok: refuses them
    """Floats are never read: propstd is exact."""
    msg = f"propstd reads no floats (got {describe(value)}); use Decimal or Fraction fields"
    raise _bad(msg, value)


def unstructure_float(value: float) -> float:  # float-ok: refuses them
    """Floats are never written: propstd is exact."""
    msg = f"propstd writes no floats, got {shown(value)}: use Decimal, Fraction or Money"
    raise TypeError(msg)


# -- enums ---------------------------------------------------------------------------------


def is_enum(tp: object) -> bool:
    """Whether *tp* is an enum class."""
    return isinstance(tp, type) and issubclass(tp, enum.Enum)


def words(cl: type[enum.Enum]) -> list[Any]:
    """Every spelling of *cl* that is read: English values first, then the other words."""
    values = [m.value for m in cl]
    if issubclass(cl, Vocabulary):
        values += [w for m in cl for w in m.words if w not in values]
    return list(dict.fromkeys(values))


def structure_enum(value: object, cl: Any) -> Any:
    """A member of the enum *cl* from any word it accepts (value, Chinese label, seed word)."""
    if issubclass(cl, str) and isinstance(value, str):
        try:
            return to_member(cl.__name__, cl, value)
        except InvalidValueError:
            pass
    elif not issubclass(cl, str):  # an enum of other values: its values, of their JSON type
        for member in cl:
            if type(member.value) is type(value) and member.value == value:
                return member
    choices = cl.accepted() if issubclass(cl, Vocabulary) else ", ".join(repr(m.value) for m in cl)
    if issubclass(cl, str) and not isinstance(value, str):
        refuse(f"one of {choices}", value)
    msg = f"expected one of {choices}, got {shown(value)}"
    raise _bad(msg, value)


def unstructure_enum(value: enum.Enum) -> Any:
    """A member as its (English) value."""
    return value.value


# -- dates, times, durations ---------------------------------------------------------------

_TIME_RE = re.compile(r"([01][0-9]|2[0-3]):([0-5][0-9])(?::([0-5][0-9])(?:\.([0-9]{1,6}))?)?")
_DURATION_RE = re.compile(
    r"(?P<sign>-)?P(?:(?P<weeks>[0-9]{1,9})W)?(?:(?P<days>[0-9]{1,9})D)?"
    r"(?:T(?:(?P<hours>[0-9]{1,11})H)?(?:(?P<minutes>[0-9]{1,12})M)?"
    r"(?:(?P<seconds>[0-9]{1,14})(?:\.(?P<micro>[0-9]{1,6}))?S)?)?"
)


def structure_date(value: object, _cl: object = date) -> date:
    """A `date` from `"YYYY-MM-DD"` (or a `date` itself, as TOML reads one)."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    raw = text(value, "an ISO date as a string, e.g. '2025-03-01'")
    try:
        if len(raw) != 10:
            raise ValueError(raw)
        return date.fromisoformat(raw)
    except ValueError:
        msg = f"expected an ISO date such as '2025-03-01', got {shown(raw)}"
        raise _bad(msg, raw) from None


def structure_time(value: object, _cl: object = time) -> time:
    """A wall-clock `time` from `"HH:MM"`, `"HH:MM:SS"` or `"HH:MM:SS.ffffff"` (or a `time`
    without offset itself, as TOML reads one)."""
    if isinstance(value, time) and value.tzinfo is None:
        return value
    raw = text(value, "a time of day as a string, e.g. '08:30'")
    m = _TIME_RE.fullmatch(raw)
    if m is None:
        msg = f"expected a time of day such as '08:30' or '17:30:15', got {shown(raw)}"
        raise _bad(msg, raw)
    hour, minute, second, micro = m.groups()
    return time(int(hour), int(minute), int(second or 0), int((micro or "0").ljust(6, "0")))


def unstructure_time(value: time) -> str:
    """A wall-clock `time` in its shortest form (`"08:30"`, `"08:30:15"`, ...)."""
    if value.tzinfo is not None:
        msg = f"a time of day is a wall-clock time without offset, got {shown(value)}"
        raise TypeError(msg)
    if value.microsecond:
        return value.isoformat(timespec="microseconds")
    if value.second:
        return value.isoformat(timespec="seconds")
    return value.isoformat(timespec="minutes")


def structure_timedelta(value: object, _cl: object = timedelta) -> timedelta:
    """A `timedelta` from an ISO 8601 duration in weeks, days, hours, minutes, seconds."""
    raw = text(value, "an ISO 8601 duration as a string, e.g. 'PT2H30M'")
    m = _DURATION_RE.fullmatch(raw)
    if m is None or raw.endswith(("P", "T")):
        msg = (
            f"expected an ISO 8601 duration such as 'PT2H30M', 'P3DT4H' or '-PT15M' "
            f"(no years or months), got {shown(raw)}"
        )
        raise _bad(msg, raw)
    parts = {k: int(v) for k, v in m.groupdict().items() if v and k not in ("sign", "micro")}
    micro = int((m["micro"] or "0").ljust(6, "0"))
    try:
        result = timedelta(**parts, microseconds=micro)
    except OverflowError:
        msg = f"duration {shown(raw)} is out of range"
        raise _bad(msg, raw) from None
    return -result if m["sign"] else result


def unstructure_timedelta(value: timedelta) -> str:
    """A `timedelta` as an ISO 8601 duration, exact to the microsecond (`"-PT15M"`)."""
    sign = "-" if value < timedelta(0) else ""
    value = abs(value)
    hours, rest = divmod(value.seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    clock = f"{hours}H" if hours else ""
    clock += f"{minutes}M" if minutes else ""
    if value.microseconds:
        clock += f"{seconds}.{value.microseconds:06d}".rstrip("0") + "S"
    elif seconds or (not value.days and not clock):
        clock += f"{seconds}S"
    days = f"{value.days}D" if value.days else ""
    return f"{sign}P{days}" + (f"T{clock}" if clock else "")


# -- values written as text ----------------------------------------------------------------


def text_type(
    converter: cattrs.Converter, cl: type[T], parse: Callable[[str], T], what: str
) -> None:
    """Write *cl* as `str(value)` and read it with *parse* (e.g. `Period.parse`)."""

    def structure(value: object, _cl: object) -> T:
        return parse(text(value, what))

    converter.register_structure_hook(cl, structure)
    converter.register_unstructure_hook(cl, str)


# -- schemas and configure -----------------------------------------------------------------


def _pattern(regex: re.Pattern[str]) -> str:
    return "^" + re.sub(r"\?P<[a-z]+>", "?:", regex.pattern) + "$"


SCHEMAS: Mapping[Any, Mapping[str, Any]] = types.MappingProxyType(
    {
        str: {"type": "string"},
        int: {"type": "integer"},
        bool: {"type": "boolean"},
        type(None): {"type": "null"},
        Decimal: {"title": "Decimal", "type": "string", "pattern": _pattern(_DECIMAL_RE)},
        Fraction: {"title": "Fraction", "type": "string", "pattern": _pattern(_FRACTION_RE)},
        date: {"type": "string", "format": "date"},
        time: {"title": "TimeOfDay", "type": "string", "pattern": _pattern(_TIME_RE)},
        timedelta: {
            "title": "Duration",
            "type": "string",
            "format": "duration",
            "pattern": _pattern(_DURATION_RE),
        },
        Period: {
            "title": "Period",
            "type": "string",
            "description": "a period: '2025-03', '2025-Q1', '2025-H2', '2025', '2025-W05', "
            "'2025-03-01' or '2025-03-01/2025-04-01' (half-open)",
        },
    }
)
"""The JSON Schema of every type this part writes."""


def configure(converter: cattrs.Converter) -> None:
    """Register the hooks of single values (see `configure_converter`)."""
    for cl, structure in (
        (str, structure_str),
        (int, structure_int),
        (bool, structure_bool),
        (float, structure_float),
        (Decimal, structure_decimal),
        (Fraction, structure_fraction),
        (date, structure_date),
        (time, structure_time),
        (timedelta, structure_timedelta),
    ):
        converter.register_structure_hook(cl, structure)
    for cl, unstructure in (
        (float, unstructure_float),
        (Decimal, unstructure_decimal),
        (Fraction, str),
        (date, date.isoformat),
        (time, unstructure_time),
        (timedelta, unstructure_timedelta),
    ):
        converter.register_unstructure_hook(cl, unstructure)
    # a StrEnum is also a str, an IntEnum an int: name them so that they come first
    for kind in (enum.Enum, enum.StrEnum, enum.IntEnum):
        converter.register_structure_hook(kind, structure_enum)
        converter.register_unstructure_hook(kind, unstructure_enum)
    text_type(converter, Period, Period.parse, "a period as a string, e.g. '2025-03'")
