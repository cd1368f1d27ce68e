"""The core of propstd's data format: hooks for the value types, strictness, error paths.

This private module is the first *part* of [propstd.serialization][]. A part is a private
module of this package with a `configure(converter)` function that registers hooks on a
`cattrs.Converter`; `configure_converter` applies every part listed in `_PARTS` (in
`serialization/__init__.py`) in order, so a domain that needs hooks adds its own part:

```python
# src/propstd/serialization/_findings.py
import cattrs

from propstd.findings import Closed, Open, Verified
from propstd.serialization._core import register_tagged_union


def configure(converter: cattrs.Converter) -> None:
    register_tagged_union(converter, Open | Closed | Verified,
                          {Open: "open", Closed: "closed", Verified: "verified"})
```

and one line `"_findings",` in `_PARTS`. Import from `propstd.serialization._core`, never from
the package itself (that would be circular). Plain attrs classes whose fields are supported types
need no part at all.

Helpers for parts:

- [register_tagged_union][propstd.serialization._core.register_tagged_union]: a union of attrs
  classes, written as an object with a stable string tag (`{"type": "open", ...}`). Tags are
  part of the data format: never derive them from class names. Members carry their tag even
  when written alone. Register custom hooks for the members *before* the union.
- [register_schema][propstd.serialization._core.register_schema]: the JSON Schema of a type
  that has a custom hook (say, a calendar written as its name), for `json_schema()`.
- Hooks raise `TypeError`/`ValueError` (or a propstd error) with a message naming what was
  expected and what came; [problems_of][propstd.serialization._core.problems_of] turns any
  nesting of them into [Problem][propstd.errors.Problem]s with paths. To report several
  problems at once from one hook, raise [DataErrors][propstd.serialization._core.DataErrors].
"""

from __future__ import annotations

import enum
import re
import types
import typing
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import cattrs
import cattrs.gen
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    StructureHandlerNotFoundError,
)

from propstd._validators import check_aware
from propstd.errors import InvalidValueError, NaiveDatetimeError, Problem
from propstd.money import Currency, Money
from propstd.periods import Period

__all__: list[str] = []

ROOT = "$"

# -- shared registries (the data format is global: the same for every converter) ---------

_SCHEMAS: dict[Any, dict[str, Any]] = {}
_TAGGED_UNIONS: dict[Any, tuple[str, dict[type, str]]] = {}
_MEMBER_TAGS: dict[type, tuple[str, str]] = {}


class DataErrors(Exception):  # noqa: N818 - an internal carrier, never leaves the package
    """Several problems found by one hook: `(path suffix, error)` pairs.

    A suffix is `".name"` for a key, `"[3]"` for an index, or `""` for the value itself.
    """

    def __init__(self, errors: Sequence[tuple[str, BaseException]]) -> None:
        super().__init__(errors)
        self.errors = tuple(errors)


def _describe(value: object) -> str:
    text = repr(value)
    if len(text) > 60:
        text = text[:57] + "..."
    return f"{type(value).__name__} {text}"


def _expected(what: str, value: object) -> TypeError:
    hint = ""
    if isinstance(value, float):
        hint = " (floats are not exact: write numbers as strings, e.g. '12.50')"
    return TypeError(f"expected {what}, got {_describe(value)}{hint}")


# -- problems with paths -------------------------------------------------------------------


def _join(path: str, suffix: str) -> str:
    return f"{path}{suffix}"


def _key(name: object) -> str:
    """The path suffix of an object key: `.name`, or `['odd key']` when not a plain name."""
    return f".{name}" if isinstance(name, str) and name.isidentifier() else f"[{name!r}]"


def _index(index: object) -> str:
    return f"[{index}]" if isinstance(index, int) else f"[{index!r}]"


def _walk(exc: BaseException, path: str, out: list[Problem]) -> None:
    if isinstance(exc, DataErrors):
        for suffix, sub in exc.errors:
            _walk(sub, _join(path, suffix), out)
    elif isinstance(exc, ClassValidationError):
        with_notes, others = exc.group_exceptions()
        for sub, note in with_notes:
            _walk(sub, path + _key(note.name), out)
        for sub in others:
            _walk(sub, path, out)
    elif isinstance(exc, IterableValidationError):
        items, others_ = exc.group_exceptions()
        for sub, inote in items:
            _walk(sub, path + _index(inote.index), out)
        for sub in others_:
            _walk(sub, path, out)
    elif isinstance(exc, BaseExceptionGroup):
        for sub in exc.exceptions:
            _walk(sub, path, out)
    elif isinstance(exc, ForbiddenExtraKeysError):
        allowed = ", ".join(_field_keys(exc.cl))
        out.extend(
            Problem(path + _key(key), f"unexpected key (allowed: {allowed})")
            for key in sorted(exc.extra_fields, key=str)
        )
    elif isinstance(exc, KeyError):
        out.append(Problem(path, "required key is missing"))
    elif isinstance(exc, StructureHandlerNotFoundError):
        out.append(Problem(path, f"propstd cannot read values of type {exc.type_!r}"))
    else:
        out.append(Problem(path, str(exc) or type(exc).__name__))


def problems_of(exc: BaseException) -> tuple[Problem, ...]:
    """Every problem in *exc* (however nested), each with its dotted path (root `$`)."""
    out: list[Problem] = []
    _walk(exc, ROOT, out)
    return tuple(Problem(_clean(p.path), p.message) for p in out)


def _clean(path: str) -> str:
    if path.startswith(ROOT + "."):
        return path[len(ROOT) + 1 :]
    return path


def _field_keys(cl: type) -> list[str]:
    if attrs.has(cl):
        return [a.alias for a in attrs.fields(cl) if a.init]
    return []


# -- scalar hooks --------------------------------------------------------------------------

_DECIMAL_RE = re.compile(r"-?[0-9]{1,100}(?:\.[0-9]{1,100})?")
_FRACTION_RE = re.compile(r"-?[0-9]{1,100}(?:/[0-9]{1,100})?")
_TIME_RE = re.compile(r"([01][0-9]|2[0-3]):([0-5][0-9])(?::([0-5][0-9])(?:\.([0-9]{1,6}))?)?")
_DURATION_RE = re.compile(
    r"(?P<sign>-)?P(?:(?P<weeks>[0-9]{1,9})W)?(?:(?P<days>[0-9]{1,9})D)?"
    r"(?:T(?:(?P<hours>[0-9]{1,11})H)?(?:(?P<minutes>[0-9]{1,12})M)?"
    r"(?:(?P<seconds>[0-9]{1,14})(?:\.(?P<micro>[0-9]{1,6}))?S)?)?"
)
DECIMAL_PATTERN = "^" + _DECIMAL_RE.pattern + "$"
FRACTION_PATTERN = "^" + _FRACTION_RE.pattern + "$"
TIME_PATTERN = "^" + _TIME_RE.pattern + "$"
DURATION_PATTERN = "^" + re.sub(r"\?P<[a-z]+>", "?:", _DURATION_RE.pattern) + "$"


def _text(value: object, what: str) -> str:
    if not isinstance(value, str):
        raise _expected(what, value)
    return value


def structure_decimal(value: object, _cl: object = Decimal) -> Decimal:
    """A `Decimal` from a plain decimal string such as `"-12.50"` (no exponent, no float)."""
    text = _text(value, "a decimal number as a string, e.g. '12.50'")
    if _DECIMAL_RE.fullmatch(text) is None:
        msg = f"expected a decimal number such as '12.50', got {text!r}"
        raise ValueError(msg)
    return Decimal(text)


def unstructure_decimal(value: Decimal) -> str:
    """A finite `Decimal` as a plain decimal string (`Decimal('1E+3')` → `"1000"`)."""
    if not value.is_finite():
        msg = f"only finite decimals can be written, got {value!r}"
        raise InvalidValueError(msg)
    return format(value, "f")


def structure_fraction(value: object, _cl: object = Fraction) -> Fraction:
    """A `Fraction` from `"3/4"` or `"2"`."""
    text = _text(value, "a fraction as a string, e.g. '3/4' or '2'")
    if _FRACTION_RE.fullmatch(text) is None:
        msg = f"expected a fraction such as '3/4' or '2', got {text!r}"
        raise ValueError(msg)
    try:
        return Fraction(text)
    except ZeroDivisionError:
        msg = f"a fraction cannot have a zero denominator, got {text!r}"
        raise ValueError(msg) from None


def structure_datetime(value: object, _cl: object = datetime) -> datetime:
    """An aware `datetime` from ISO 8601 with an offset; naive strings are refused."""
    text = _text(value, "an ISO 8601 instant with offset, e.g. '2025-03-01T09:00:00+08:00'")
    try:
        result = datetime.fromisoformat(text)
    except ValueError:
        msg = f"expected an ISO 8601 instant such as '2025-03-01T09:00:00+08:00', got {text!r}"
        raise ValueError(msg) from None
    if result.tzinfo is None:
        msg = f"expected an instant with a UTC offset (e.g. '+08:00'), got naive {text!r}"
        raise NaiveDatetimeError(msg)
    return result


def unstructure_datetime(value: datetime) -> str:
    """An aware `datetime` as ISO 8601 with its offset."""
    return check_aware("datetime", value).isoformat()


def structure_date(value: object, _cl: object = date) -> date:
    """A `date` from `"YYYY-MM-DD"`."""
    text = _text(value, "an ISO date as a string, e.g. '2025-03-01'")
    if len(text) != 10:
        msg = f"expected an ISO date such as '2025-03-01', got {text!r}"
        raise ValueError(msg)
    try:
        return date.fromisoformat(text)
    except ValueError:
        msg = f"expected an ISO date such as '2025-03-01', got {text!r}"
        raise ValueError(msg) from None


def structure_time(value: object, _cl: object = time) -> time:
    """A wall-clock `time` from `"HH:MM"`, `"HH:MM:SS"` or `"HH:MM:SS.ffffff"`."""
    text = _text(value, "a time of day as a string, e.g. '08:30'")
    m = _TIME_RE.fullmatch(text)
    if m is None:
        msg = f"expected a time of day such as '08:30' or '17:30:15', got {text!r}"
        raise ValueError(msg)
    hour, minute, second, micro = m.groups()
    return time(int(hour), int(minute), int(second or 0), int((micro or "0").ljust(6, "0")))


def unstructure_time(value: time) -> str:
    """A wall-clock `time` in its shortest form (`"08:30"`, `"08:30:15"`, ...)."""
    if value.tzinfo is not None:
        msg = f"a time of day is a wall-clock time without offset, got {value!r}"
        raise TypeError(msg)
    if value.microsecond:
        return value.isoformat(timespec="microseconds")
    if value.second:
        return value.isoformat(timespec="seconds")
    return value.isoformat(timespec="minutes")


def structure_timedelta(value: object, _cl: object = timedelta) -> timedelta:
    """A `timedelta` from an ISO 8601 duration in weeks, days, hours, minutes, seconds."""
    text = _text(value, "an ISO 8601 duration as a string, e.g. 'PT2H30M'")
    m = _DURATION_RE.fullmatch(text)
    if m is None or text.endswith(("P", "T")):
        msg = (
            f"expected an ISO 8601 duration such as 'PT2H30M', 'P3DT4H' or '-PT15M' "
            f"(no years or months), got {text!r}"
        )
        raise ValueError(msg)
    g = {k: int(v) for k, v in m.groupdict().items() if v and k not in ("sign", "micro")}
    micro = int((m["micro"] or "0").ljust(6, "0"))
    try:
        result = timedelta(**g, microseconds=micro)
    except OverflowError:
        msg = f"duration {text!r} is out of range"
        raise ValueError(msg) from None
    return -result if m["sign"] else result


def unstructure_timedelta(value: timedelta) -> str:
    """A `timedelta` as an ISO 8601 duration, exact to the microsecond (`"-PT15M"`)."""
    sign = "-" if value < timedelta(0) else ""
    value = abs(value)
    hours, rest = divmod(value.seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    out = f"{sign}P"
    if value.days:
        out += f"{value.days}D"
    clock = ""
    if hours:
        clock += f"{hours}H"
    if minutes:
        clock += f"{minutes}M"
    if value.microseconds:
        clock += f"{seconds}.{value.microseconds:06d}".rstrip("0") + "S"
    elif seconds or (not value.days and not clock):
        clock += f"{seconds}S"
    return out + (f"T{clock}" if clock else "")


def structure_str(value: object, cl: Any) -> Any:
    """A `str` (only a `str`); a `StrEnum` from one of its values."""
    if issubclass(cl, enum.Enum):
        choices = ", ".join(repr(m.value) for m in cl)
        text = _text(value, f"one of {choices}")
        try:
            return cl(text)
        except ValueError:
            msg = f"expected one of {choices}, got {text!r}"
            raise ValueError(msg) from None
    return cl(_text(value, "a string"))


def structure_int(value: object, cl: Any) -> Any:
    """An `int` (only an `int`: no bool, float or string)."""
    if isinstance(value, bool) or not isinstance(value, int):
        what = "an integer"
        raise _expected(what, value)
    return cl(value)


def structure_bool(value: object, _cl: object = bool) -> bool:
    """A `bool` (only `true`/`false`)."""
    if not isinstance(value, bool):
        what = "true or false"
        raise _expected(what, value)
    return value


def structure_float(value: object, _cl: object = float) -> float:
    """Floats are never read: propstd is exact."""
    msg = f"propstd reads no floats (got {_describe(value)}); use Decimal or Fraction fields"
    raise TypeError(msg)


def unstructure_float(value: float) -> float:
    """Floats are never written: propstd is exact."""
    msg = f"propstd writes no floats, got {value!r}: use Decimal, Fraction or Money"
    raise TypeError(msg)


def structure_money(value: object, _cl: object = Money) -> Money:
    """A `Money` from `{"amount": "12.50", "currency": "CNY"}`."""
    obj = _mapping(value, "an object with 'amount' and 'currency'")
    errors: list[tuple[str, BaseException]] = []
    parts: dict[str, Any] = {}
    hooks: tuple[tuple[str, Callable[[object, Any], Any], type], ...] = (
        ("amount", structure_decimal, Decimal),
        ("currency", structure_str, Currency),
    )
    for key, hook, kind in hooks:
        if key not in obj:
            errors.append((f".{key}", KeyError(key)))
            continue
        try:
            parts[key] = hook(obj[key], kind)
        except (TypeError, ValueError) as exc:
            errors.append((f".{key}", exc))
    errors.extend(
        (_key(key), ValueError("unexpected key (allowed: amount, currency)"))
        for key in sorted(set(obj) - {"amount", "currency"}, key=str)
    )
    if errors:
        raise DataErrors(errors)
    try:
        return Money(parts["amount"], parts["currency"])
    except (TypeError, ValueError) as exc:
        raise DataErrors([(".amount", exc)]) from None


def unstructure_money(value: Money) -> dict[str, str]:
    """A `Money` as `{"amount": "12.50", "currency": "CNY"}`."""
    return {"amount": str(value.amount), "currency": value.currency.value}


def structure_period(value: object, _cl: object = Period) -> Period:
    """A `Period` from its text, e.g. `"2025-03"` or `"2025-03-01/2025-03-15"`."""
    return Period.parse(_text(value, "a period as a string, e.g. '2025-03'"))


def _mapping(value: object, what: str) -> Mapping[Any, Any]:
    if not isinstance(value, dict):
        raise _expected(what, value)
    return value


# -- collections -------------------------------------------------------------------------


def _origin(tp: Any) -> Any:
    return typing.get_origin(tp) or tp


def _is_sequence(tp: Any) -> bool:
    return _origin(tp) in (tuple, list, Sequence)


def _is_mapping(tp: Any) -> bool:
    return _origin(tp) in (dict, Mapping)


def _sequence_structure_factory(tp: Any, converter: cattrs.Converter) -> Callable[..., Any]:
    args = typing.get_args(tp)
    fixed: tuple[Any, ...] | None = None
    if _origin(tp) is tuple and args and not (len(args) == 2 and args[1] is Ellipsis):
        fixed = args
    item = args[0] if args else Any
    make = tuple if _origin(tp) in (tuple, Sequence) else list

    def structure(value: object, _cl: object) -> Any:
        if not isinstance(value, list | tuple):
            what = "a list"
            raise _expected(what, value)
        if fixed is not None and len(value) != len(fixed):
            msg = f"expected a list of {len(fixed)} items, got {len(value)}"
            raise ValueError(msg)
        out = []
        errors: list[tuple[str, BaseException]] = []
        for i, raw in enumerate(value):
            kind = fixed[i] if fixed is not None else item
            try:
                out.append(converter.structure(raw, kind))
            except Exception as exc:  # every problem is collected
                errors.append((f"[{i}]", exc))
        if errors:
            raise DataErrors(errors)
        return make(out)

    return structure


def _mapping_structure_factory(tp: Any, converter: cattrs.Converter) -> Callable[..., Any]:
    args = typing.get_args(tp)
    key_type, value_type = args if len(args) == 2 else (Any, Any)

    def structure(value: object, _cl: object) -> dict[Any, Any]:
        obj = _mapping(value, "an object")
        out = {}
        errors: list[tuple[str, BaseException]] = []
        for raw_key, raw in obj.items():
            try:
                key = converter.structure(raw_key, key_type)
                out[key] = converter.structure(raw, value_type)
            except Exception as exc:  # every problem is collected
                errors.append((_index(raw_key), exc))
        if errors:
            raise DataErrors(errors)
        return out

    return structure


def _sequence_unstructure_factory(tp: Any, converter: cattrs.Converter) -> Callable[..., Any]:
    args = typing.get_args(tp)
    if _origin(tp) is tuple and args and not (len(args) == 2 and args[1] is Ellipsis):
        hooks = [converter.get_unstructure_hook(a) for a in args]
        return lambda value: [h(v) for h, v in zip(hooks, value, strict=True)]
    if args:
        hook = converter.get_unstructure_hook(args[0])
        return lambda value: [hook(v) for v in value]
    return lambda value: [converter.unstructure(v) for v in value]


# -- attrs classes -------------------------------------------------------------------------

_FIELD_IN_MESSAGE = re.compile(r"'([A-Za-z_][A-Za-z0-9_]*)'")


def _attrs_structure_factory(cl: Any, converter: cattrs.Converter) -> Callable[..., Any]:
    base = cattrs.gen.make_dict_structure_fn(cl, converter)
    fields = {a.alias: a for a in attrs.fields(attrs.resolve_types(cl)) if a.init}

    def structure(value: object, _cl: object) -> Any:
        obj = _mapping(value, f"an object (a {cl.__name__})")
        try:
            return base(obj, cl)
        except ClassValidationError as exc:
            for sub in exc.exceptions:
                _point_at_field(sub, cl, fields)
            raise

    return structure


def _point_at_field(exc: BaseException, cl: type, fields: Mapping[str, Any]) -> None:
    """Give an error raised by the class itself (a validator) the path of the field it names."""
    if not isinstance(exc, TypeError | ValueError) or isinstance(exc, ExceptionGroup):
        return
    if any(isinstance(note, AttributeValidationNote) for note in getattr(exc, "__notes__", ())):
        return
    m = _FIELD_IN_MESSAGE.match(str(exc))
    if m is not None and m[1] in fields:
        exc.add_note(AttributeValidationNote(f"{cl.__name__}.{m[1]}", m[1], fields[m[1]].type))


# -- tagged unions -------------------------------------------------------------------------


def register_tagged_union(
    converter: cattrs.Converter,
    union: Any,
    tags: Mapping[type, str],
    *,
    tag_name: str = "type",
) -> None:
    """Write the attrs classes of *union* as objects carrying a stable string tag.

    `{"type": "open", ...}` is read as the member tagged `"open"`; each member also carries
    its tag when written on its own, so one format serves a field typed with the union and a
    single member. Register any custom hooks of the members before calling this.

    Args:
        converter: the converter to configure.
        union: the union type, e.g. `Open | Closed`.
        tags: the stable tag of every member (never derived from class names).
        tag_name: the key that holds the tag.

    Raises:
        ValueError: a member has no tag, a tag is used twice, or a member already has another
            tag.
    """
    members = typing.get_args(union)
    if set(members) != set(tags) or len(set(tags.values())) != len(tags):
        msg = f"every member of {union!r} needs its own tag, got {dict(tags)!r}"
        raise ValueError(msg)
    for member, tag in tags.items():
        known = _MEMBER_TAGS.get(member)
        if known is not None and known != (tag_name, tag):
            msg = f"{member.__name__} is already tagged {known!r}"
            raise ValueError(msg)
    by_tag: dict[str, tuple[type, Callable[..., Any]]] = {}
    for member, tag in tags.items():
        base_structure = converter.get_structure_hook(member)
        base_unstructure = converter.get_unstructure_hook(member)
        by_tag[tag] = (member, base_structure)
        converter.register_unstructure_hook(member, _tagging(base_unstructure, tag_name, tag))
        converter.register_structure_hook(
            member, _member_structure(base_structure, member, tag_name, tag)
        )
        _MEMBER_TAGS[member] = (tag_name, tag)
    _TAGGED_UNIONS[union] = (tag_name, dict(tags))

    def structure_union(value: object, _cl: object) -> Any:
        obj = _mapping(value, f"an object with a {tag_name!r} key")
        if tag_name not in obj:
            raise DataErrors([(f".{tag_name}", KeyError(tag_name))])
        tag = obj[tag_name]
        if not isinstance(tag, str) or tag not in by_tag:
            choices = ", ".join(repr(t) for t in by_tag)
            problem = ValueError(f"expected one of {choices}, got {tag!r}")
            raise DataErrors([(f".{tag_name}", problem)])
        member, hook = by_tag[tag]
        return hook({k: v for k, v in obj.items() if k != tag_name}, member)

    converter.register_structure_hook(union, structure_union)


def _tagging(base: Callable[[Any], Any], tag_name: str, tag: str) -> Callable[[Any], Any]:
    def unstructure(value: Any) -> Any:
        return {tag_name: tag, **base(value)}

    return unstructure


def _member_structure(
    base: Callable[[Any, Any], Any], member: type, tag_name: str, tag: str
) -> Callable[[Any, Any], Any]:
    def structure(value: object, _cl: object) -> Any:
        obj = _mapping(value, f"an object (a {member.__name__})")
        if tag_name in obj:
            if obj[tag_name] != tag:
                problem = ValueError(f"expected {tag!r}, got {obj[tag_name]!r}")
                raise DataErrors([(f".{tag_name}", problem)])
            obj = {k: v for k, v in obj.items() if k != tag_name}
        return base(obj, member)

    return structure


def register_schema(tp: Any, schema: Mapping[str, Any]) -> None:
    """Record the JSON Schema of *tp*, a type written by a custom hook, for `json_schema()`."""
    _SCHEMAS[tp] = dict(schema)


# -- configure -----------------------------------------------------------------------------


def configure(converter: cattrs.Converter) -> None:
    """Register the hooks of the value types (see `configure_converter`)."""
    for cl, structure in (
        (str, structure_str),
        (int, structure_int),
        (bool, structure_bool),
        (float, structure_float),
        (Decimal, structure_decimal),
        (Fraction, structure_fraction),
        (date, structure_date),
        (datetime, structure_datetime),
        (time, structure_time),
        (timedelta, structure_timedelta),
        (Money, structure_money),
        (Period, structure_period),
    ):
        converter.register_structure_hook(cl, structure)
    unstructure_hooks: tuple[tuple[type, Callable[[Any], Any]], ...] = (
        (enum.Enum, _enum_value),
        (float, unstructure_float),
        (Decimal, unstructure_decimal),
        (Fraction, str),
        (date, date.isoformat),
        (datetime, unstructure_datetime),
        (time, unstructure_time),
        (timedelta, unstructure_timedelta),
        (Money, unstructure_money),
        (Period, str),
    )
    for kind, unstructure in unstructure_hooks:
        converter.register_unstructure_hook(kind, unstructure)
    # StrEnum is a str: without this, singledispatch would pick str's identity hook
    converter.register_unstructure_hook(enum.StrEnum, _enum_value)
    converter.register_structure_hook_factory(_is_sequence, _sequence_structure_factory)
    converter.register_structure_hook_factory(_is_mapping, _mapping_structure_factory)
    converter.register_unstructure_hook_factory(_is_sequence, _sequence_unstructure_factory)
    converter.register_structure_hook_factory(
        lambda t: attrs.has(t) and not typing.get_args(t), _attrs_structure_factory
    )


def _enum_value(value: enum.Enum) -> Any:
    return value.value


# -- JSON Schema ---------------------------------------------------------------------------

_DRAFT = "https://json-schema.org/draft/2020-12/schema"

_BASE_SCHEMAS: dict[Any, dict[str, Any]] = {
    str: {"type": "string"},
    int: {"type": "integer"},
    bool: {"type": "boolean"},
    type(None): {"type": "null"},
    Decimal: {"type": "string", "pattern": DECIMAL_PATTERN},
    Fraction: {"type": "string", "pattern": FRACTION_PATTERN},
    datetime: {"type": "string", "format": "date-time"},
    date: {"type": "string", "format": "date"},
    time: {"type": "string", "pattern": TIME_PATTERN},
    timedelta: {"type": "string", "format": "duration", "pattern": DURATION_PATTERN},
    Money: {
        "type": "object",
        "properties": {
            "amount": {"type": "string", "pattern": DECIMAL_PATTERN},
            "currency": {"type": "string", "enum": [c.value for c in Currency]},
        },
        "required": ["amount", "currency"],
        "additionalProperties": False,
    },
    Period: {
        "type": "string",
        "description": "a period: '2025-03', '2025-Q1', '2025-H2', '2025', '2025-W05', "
        "'2025-03-01' or '2025-03-01/2025-04-01' (half-open)",
    },
}


def json_schema(cl: Any) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the data that `to_data` writes for *cl*."""
    defs: dict[str, dict[str, Any]] = {}
    names: dict[Any, str] = {}
    root = _schema(cl, defs, names)
    out: dict[str, Any] = {"$schema": _DRAFT, **root}
    if defs:
        out["$defs"] = dict(sorted(defs.items()))
    return out


def _schema(tp: Any, defs: dict[str, dict[str, Any]], names: dict[Any, str]) -> dict[str, Any]:
    if tp in _SCHEMAS:
        return dict(_SCHEMAS[tp])
    if tp in _BASE_SCHEMAS:
        return dict(_BASE_SCHEMAS[tp])
    if tp in _TAGGED_UNIONS or (typing.get_args(tp) and _strip_none(tp) in _TAGGED_UNIONS):
        return _union_schema(tp, defs, names)
    if tp is Any:
        return {}
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return {"type": "string", "enum": [m.value for m in tp]}
    if origin is typing.Literal:
        return {"enum": list(args)}
    if origin in (typing.Union, types.UnionType):
        return {"anyOf": [_schema(a, defs, names) for a in args]}
    if _is_sequence(tp):
        if origin is tuple and args and not (len(args) == 2 and args[1] is Ellipsis):
            return {
                "type": "array",
                "prefixItems": [_schema(a, defs, names) for a in args],
                "items": False,
                "minItems": len(args),
            }
        return {"type": "array", "items": _schema(args[0], defs, names) if args else {}}
    if _is_mapping(tp):
        value_schema = _schema(args[1], defs, names) if len(args) == 2 else {}
        return {"type": "object", "additionalProperties": value_schema}
    if attrs.has(tp):
        return _attrs_schema(tp, defs, names)
    msg = f"json_schema() knows no data format for {tp!r}"
    raise TypeError(msg)


def _strip_none(tp: Any) -> Any:
    args = tuple(a for a in typing.get_args(tp) if a is not type(None))
    return typing.Union[args] if len(args) > 1 else args[0]  # noqa: UP007 - runtime union


def _union_schema(
    tp: Any, defs: dict[str, dict[str, Any]], names: dict[Any, str]
) -> dict[str, Any]:
    nullable = type(None) in typing.get_args(tp)
    union = _strip_none(tp) if nullable else tp
    _tag_name, tags = _TAGGED_UNIONS[union]
    schema: dict[str, Any] = {"oneOf": [_attrs_schema(m, defs, names) for m in tags]}
    if nullable:
        schema["oneOf"].append({"type": "null"})
    return schema


def _attrs_schema(
    cl: type, defs: dict[str, dict[str, Any]], names: dict[Any, str]
) -> dict[str, Any]:
    if cl not in names:
        name = cl.__qualname__
        if name in defs or name in names.values():
            name = f"{cl.__module__}.{cl.__qualname__}"
        names[cl] = name
        defs[name] = {}  # placeholder: recursive types refer to it
        properties: dict[str, Any] = {}
        required: list[str] = []
        tagged = _MEMBER_TAGS.get(cl)
        if tagged is not None:
            properties[tagged[0]] = {"const": tagged[1]}
            required.append(tagged[0])
        for a in attrs.fields(attrs.resolve_types(cl)):
            if not a.init:
                continue
            properties[a.alias] = _schema(a.type, defs, names)
            if a.default is attrs.NOTHING:
                required.append(a.alias)
        defs[name] = {
            "type": "object",
            "title": cl.__name__,
            "properties": properties,
            "required": required,
            "additionalProperties": False,
        }
    return {"$ref": f"#/$defs/{names[cl]}"}
