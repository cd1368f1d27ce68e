"""Cell types of the record tables: read a CSV cell or a JSON value, write it back (private).

Every cell type reads text (a CSV cell) and plain values (a JSON Lines value, or a Python
value given to `read_rows`), and writes the text and the JSON value that read back equal.
A cell that cannot be read raises `CellError` with what is wrong and what was found; the
reader turns it into a `Problem` with the line and the column.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable
from datetime import date, datetime, tzinfo
from decimal import Decimal
from typing import Any, Protocol

import attrs

from propstd._repr import shown
from propstd._time import MAX_DATE, MIN_DATE
from propstd._vocab import to_member
from propstd.errors import PropstdError
from propstd.periods import Period, PeriodUnit

__all__: list[str] = []

MAX_CELL = 100
"""The longest text a typed cell (instant, number, word) is read from; text cells are free."""


class CellError(Exception):
    """A cell could not be read: the message says what is wrong and shows what was found."""


class JsonFloat(str):
    """A JSON number with a fraction or an exponent, kept as its text (never a float)."""

    __slots__ = ()


Parse = Callable[[str], Any]


class TextReader(Protocol):
    """Reads a CSV cell's text in a context (`None` for a blank cell)."""

    def __call__(self, value: str, ctx: Context = ...) -> Any:
        """The value of *value*; only instants read *ctx*."""


@attrs.frozen
class Context:
    """What reading depends on besides the cell: the zone for instants without an offset."""

    tz: tzinfo | None
    zone: str | None


NO_CONTEXT = Context(None, None)
"""The context of a cell that needs none (every cell but an instant)."""


def _found(value: object) -> str:
    if isinstance(value, JsonFloat):
        return f"the number {value}"
    return shown(value)


def _typed_text(value: str, what: str) -> str:
    text = value.strip()
    if len(text) > MAX_CELL:
        msg = f"too long for {what} ({len(text):,} characters)"
        raise CellError(msg)
    return text


def _wrong(value: object, what: str) -> CellError:
    if isinstance(value, JsonFloat):
        return CellError(
            f"expected {what}, got the number {value} (JSON numbers with a fraction or an "
            f"exponent are floats, which are not exact: write it as a string)"
        )
    return CellError(f"expected {what}, got {type(value).__name__} {shown(value)}")


# -- the cell types --------------------------------------------------------------------------


@attrs.frozen
class Cell:
    """A cell type: how a column's values are read, written and described.

    `read_text` and `read_value` return `None` for a blank cell (the column's default then
    applies); they raise `CellError` for a cell that cannot be read.
    """

    what: str
    """The kind of value, for messages and docs (`"an instant"`)."""
    schema: dict[str, Any] = attrs.field(eq=False)
    """The JSON Schema of the value in a JSON Lines row."""
    _text: TextReader = attrs.field(eq=False)
    _value: Callable[[object, Context], Any] = attrs.field(eq=False)
    to_text: Callable[[Any], str] = attrs.field(eq=False)
    """The CSV text of a value."""
    to_json: Callable[[Any], Any] = attrs.field(eq=False)
    """The JSON value of a value."""
    _bind: Callable[[Context], Parse] | None = attrs.field(default=None, eq=False)
    inline: str = attrs.field(default="", eq=False)
    """The reader as a Python expression of `cell` (the cell's text), when it is one."""

    def reader(self, ctx: Context) -> Parse:
        """A one-argument reader of CSV text in *ctx* (the fast path)."""
        return self._text if self._bind is None else self._bind(ctx)

    def read_text(self, text: str, ctx: Context) -> Any:
        """The value of a CSV cell (`None` when it is empty)."""
        return self._text(text, ctx)

    def read_value(self, value: object, ctx: Context) -> Any:
        """The value of a JSON value or a Python value (`None`, `""`: blank)."""
        if value is None or value == "":
            return None
        if isinstance(value, str) and not isinstance(value, JsonFloat):
            return self._text(value, ctx)
        return self._value(value, ctx)


def _identity(value: Any) -> Any:
    return value


def _no_value(what: str) -> Callable[[object, Context], Any]:
    def read(value: object, ctx: Context) -> Any:
        raise _wrong(value, what)

    return read


def _read_as_text(value: str, ctx: Context = NO_CONTEXT) -> str | None:
    return value or None


def text_cell() -> Cell:
    """Free text, kept exactly as written (blank cells give `""`)."""
    return Cell(
        "text",
        {"type": "string"},
        _read_as_text,
        _no_value("text (a string)"),
        str,
        _identity,
        inline="(cell or None)",
    )


# integers ---------------------------------------------------------------------------------


def _int_text(value: str, ctx: Context = NO_CONTEXT) -> int | None:
    if value.isdigit() and value.isascii():
        return int(value)
    text = _typed_text(value, "a whole number")
    if not text:
        return None
    if text.isdigit() and text.isascii():
        return int(text)
    if re.fullmatch(r"[0-9]+\.0*", text):
        msg = f"expected a whole number, got {shown(value)} (write it without a fraction)"
        raise CellError(msg)
    msg = f"expected a whole number (digits 0-9), got {shown(value)}"
    raise CellError(msg)


def _int_value(value: object, ctx: Context) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise _wrong(value, "a whole number")


def int_cell() -> Cell:
    """A whole number written in digits (no sign, no fraction)."""
    return Cell(
        "a whole number",
        {"type": "integer", "minimum": 0},
        _int_text,
        _int_value,
        str,
        _identity,
    )


# exact decimals ---------------------------------------------------------------------------

_DECIMAL = re.compile(r"[+-]?(?:[0-9]+|[0-9]{1,3}(?:,[0-9]{3})+)(?:\.[0-9]+)?")
_FLOATISH = re.compile(r"[+-]?[0-9.,]*[0-9][eE][+-]?[0-9]+")


def _decimal_text(value: str, ctx: Context = NO_CONTEXT) -> Decimal | None:
    text = _typed_text(value, "an exact decimal number")
    if not text:
        return None
    if _DECIMAL.fullmatch(text):
        return Decimal(text.replace(",", ""))
    if _FLOATISH.fullmatch(text):
        msg = (
            f"expected an exact decimal number, got {shown(value)} in scientific notation "
            f"(a float from a spreadsheet?): write the exact amount in plain digits"
        )
        raise CellError(msg)
    msg = f"expected an exact decimal number like '1234.50', got {shown(value)}"
    raise CellError(msg)


def _decimal_value(value: object, ctx: Context) -> Decimal:
    if isinstance(value, Decimal) and value.is_finite():
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)
    if isinstance(value, float):
        msg = f"expected an exact decimal number, got the float {value!r} (floats are not exact)"
        raise CellError(msg)
    raise _wrong(value, "an exact decimal number as a string, e.g. '1234.50'")


def _plain(value: Decimal) -> str:
    return f"{value:f}"


def decimal_cell() -> Cell:
    """An exact decimal number (`"1234.50"`, `"1,234.50"`); floats and exponents refused."""
    return Cell(
        "an exact decimal number",
        {"type": "string", "pattern": r"^[+-]?[0-9]+(\.[0-9]+)?$"},
        _decimal_text,
        _decimal_value,
        _plain,
        _plain,
    )


# instants and dates -----------------------------------------------------------------------

_INSTANT = re.compile(
    r"([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})[T ]\s*([0-9]{1,2}):([0-9]{2})"
    r"(?::([0-9]{2})(?:[.,]([0-9]{1,6}))?)?\s*(Z|[+-][0-9]{2}(?::?[0-9]{2})?)?"
)
_DATE = re.compile(r"([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})")
_INSTANT_HELP = "an instant like '2025-03-03T09:00+08:00' or '2025-03-03 09:00'"


def _local(naive: datetime, ctx: Context, value: object) -> datetime:
    tz = ctx.tz
    if tz is None:
        msg = (
            f"the time {shown(value)} has no UTC offset and no zone was given: add the offset "
            f"('+08:00') or pass zone= (the calendar's zone)"
        )
        raise CellError(msg)
    t = naive.replace(tzinfo=tz)
    if t.replace(fold=1).utcoffset() != t.utcoffset():
        # the wall time is repeated (clocks go back) or skipped (clocks go forward) in the zone
        msg = (
            f"the local time {shown(value)} is ambiguous or does not exist in {ctx.zone} "
            f"(a daylight-saving change): add the UTC offset"
        )
        raise CellError(msg)
    return t


def _in_range(t: datetime, value: object) -> datetime:
    if not MIN_DATE <= t.date() <= MAX_DATE:
        msg = f"expected a date within years 0002-9998, got {shown(value)}"
        raise CellError(msg)
    return t


def _offset(text: str) -> str:
    if text == "Z":
        return "+00:00"
    digits = text[1:].replace(":", "")
    return f"{text[0]}{digits[:2]}:{digits[2:] or '00'}"


def _instant_slow(value: str) -> datetime | None:
    text = _typed_text(value, "an instant")
    if not text:
        return None
    m = _INSTANT.fullmatch(text)
    if m is None:
        if _DATE.fullmatch(text):
            msg = f"expected an instant, got the date {shown(value)} without a time of day"
        else:
            msg = f"expected {_INSTANT_HELP}, got {shown(value)}"
        raise CellError(msg)
    year, month, day, hour, minute, second, micro, offset = m.groups()
    iso = (
        f"{year}-{int(month):02d}-{int(day):02d}T{int(hour):02d}:{minute}:{second or '00'}"
        f".{(micro or '0').ljust(6, '0')}{_offset(offset) if offset else ''}"
    )
    try:
        t = datetime.fromisoformat(iso)
    except ValueError:
        msg = f"expected {_INSTANT_HELP}, got {shown(value)} (no such date or time)"
        raise CellError(msg) from None
    return t


def _instant_text(value: str, ctx: Context = NO_CONTEXT) -> datetime | None:
    t: datetime | None
    try:
        t = datetime.fromisoformat(value) if 16 <= len(value) <= 40 else None
    except ValueError:
        t = None
    if t is None:
        t = _instant_slow(value)
        if t is None:
            return None
    if t.tzinfo is None:
        t = _local(t, ctx, value)
    if 1 < t.year < 9999:
        return t
    return _in_range(t, value)


def _instant_reader(ctx: Context) -> Parse:
    """The fast reader of instants in *ctx*: ISO 8601 with an offset in one call."""
    fromisoformat = datetime.fromisoformat

    def read(value: str) -> datetime | None:
        if 16 <= len(value) <= 40:
            try:
                t = fromisoformat(value)
            except ValueError:
                return _instant_text(value, ctx)
            if t.tzinfo is not None and 1 < t.year < 9999:
                return t
        return _instant_text(value, ctx)

    return read


def _instant_value(value: object, ctx: Context) -> datetime:
    if isinstance(value, datetime):
        t = value if value.tzinfo is not None else _local(value, ctx, value)
        return _in_range(t, value)
    raise _wrong(value, _INSTANT_HELP)


def _isoformat(value: datetime) -> str:
    return value.isoformat()


def instant_cell() -> Cell:
    """An instant: ISO 8601 (`T` or a space), `/` dates too; without an offset, in the zone."""
    return Cell(
        "an instant",
        {
            "type": "string",
            "pattern": r"^[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2}[T ]",
            "examples": ["2025-03-03T09:00:00+08:00"],
        },
        _instant_text,
        _instant_value,
        _isoformat,
        _isoformat,
        _instant_reader,
    )


def _date_text(value: str, ctx: Context = NO_CONTEXT) -> date | None:
    text = _typed_text(value, "a date")
    if not text:
        return None
    m = _DATE.fullmatch(text)
    if m is None:
        msg = f"expected a date like '2025-03-31', got {shown(value)}"
        raise CellError(msg)
    try:
        d = date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        msg = f"expected a date like '2025-03-31', got {shown(value)} (no such date)"
        raise CellError(msg) from None
    if not MIN_DATE <= d <= MAX_DATE:
        msg = f"expected a date within years 0002-9998, got {shown(value)}"
        raise CellError(msg)
    return d


def _date_value(value: object, ctx: Context) -> date:
    if isinstance(value, date) and not isinstance(value, datetime):
        if not MIN_DATE <= value <= MAX_DATE:
            msg = f"expected a date within years 0002-9998, got {shown(value)}"
            raise CellError(msg)
        return value
    raise _wrong(value, "a date like '2025-03-31'")


def _date_iso(value: date) -> str:
    return value.isoformat()


def date_cell() -> Cell:
    """A calendar date (`2025-03-31`, `2025/3/31`)."""
    return Cell(
        "a date",
        {"type": "string", "format": "date"},
        _date_text,
        _date_value,
        _date_iso,
        _date_iso,
    )


_MONTH = re.compile(r"([0-9]{4})\s*[-/.年]\s*([0-9]{1,2})\s*月?")


def _month_text(value: str, ctx: Context = NO_CONTEXT) -> Period | None:
    text = _typed_text(value, "a month")
    if not text:
        return None
    m = _MONTH.fullmatch(text)
    if m is None or not 1 <= int(m[2]) <= 12 or not 2 <= int(m[1]) <= 9998:
        msg = f"expected a month like '2025-03', got {shown(value)}"
        raise CellError(msg)
    return Period.month(int(m[1]), int(m[2]))


def _month_value(value: object, ctx: Context) -> Period:
    if isinstance(value, Period) and value.unit is PeriodUnit.MONTH:
        return value
    raise _wrong(value, "a month like '2025-03'")


def month_cell() -> Cell:
    """A calendar month (`2025-03`, `2025/3`, `2025年3月`)."""
    return Cell(
        "a month",
        {"type": "string", "pattern": r"^[0-9]{4}-[0-9]{2}$"},
        _month_text,
        _month_value,
        str,
        str,
    )


# yes/no -------------------------------------------------------------------------------------

_YES = frozenset({"true", "yes", "y", "t", "1", "是", "√"})
_NO = frozenset({"false", "no", "n", "f", "0", "否", "×"})
_SATISFIED = frozenset({"satisfied", "满意"})
_DISSATISFIED = frozenset({"dissatisfied", "unsatisfied", "不满意"})


def _bool_reader(yes: frozenset[str], no: frozenset[str]) -> TextReader:
    words = ", ".join(sorted((yes | no) - {"t", "f", "y", "n", "√", "×"}))

    def read(value: str, ctx: Context = NO_CONTEXT) -> bool | None:
        text = _typed_text(value, "yes or no").casefold()
        if not text:
            return None
        if text in yes:
            return True
        if text in no:
            return False
        msg = f"expected yes or no ({words}), got {shown(value)}"
        raise CellError(msg)

    return read


def _bool_value(value: object, ctx: Context) -> bool:
    if isinstance(value, bool):
        return value
    raise _wrong(value, "true or false")


def _bool_text(value: bool) -> str:  # noqa: FBT001 - a cell value, not a flag
    return "true" if value else "false"


def bool_cell(*, verdicts: bool = False) -> Cell:
    """Yes or no (`true`/`false`, `yes`/`no`, `1`/`0`, `是`/`否`; with *verdicts* also
    `满意`/`不满意`, `satisfied`/`dissatisfied`)."""
    yes, no = (_YES | _SATISFIED, _NO | _DISSATISFIED) if verdicts else (_YES, _NO)
    return Cell(
        "yes or no",
        {"type": "boolean"},
        _bool_reader(yes, no),
        _bool_value,
        _bool_text,
        _identity,
    )


# words of a vocabulary ----------------------------------------------------------------------


def choice_cell(name: str, kind: type[enum.StrEnum]) -> Cell:
    """A member of *kind*, read through the one vocabulary coercion (Chinese words too)."""

    def read(value: str, ctx: Context = NO_CONTEXT) -> Any:
        text = _typed_text(value, f"a {name}")
        if not text:
            return None
        try:
            return to_member(name, kind, text)
        except PropstdError as exc:
            raise CellError(exc.message) from None

    def value_of(member: enum.StrEnum) -> str:
        return member.value

    return Cell(
        f"one of {', '.join(m.value for m in kind)}",
        {"type": "string", "enum": [m.value for m in kind]},
        read,
        _no_value(f"a {name} (a string)"),
        value_of,
        value_of,
    )


# lists of words -------------------------------------------------------------------------------

SEPARATORS = (";", "；")
"""What separates the items of a list cell in CSV (`IMG-1; IMG-2`)."""
_SPLIT = re.compile("|".join(map(re.escape, SEPARATORS)))


def _items_text(value: str, ctx: Context = NO_CONTEXT) -> tuple[str, ...] | None:
    if ";" not in value and "；" not in value:
        one = value.strip()
        return (one,) if one else None
    items = tuple(item.strip() for item in _SPLIT.split(value))
    return tuple(item for item in items if item) or None


def _items_value(value: object, ctx: Context) -> tuple[str, ...]:
    if isinstance(value, list | tuple):
        for i, item in enumerate(value):
            if not isinstance(item, str) or isinstance(item, JsonFloat):
                msg = f"expected a list of strings, got {_found(item)} at [{i}]"
                raise CellError(msg)
        return tuple(value)
    raise _wrong(value, "a list of strings")


def items_to_text(value: tuple[str, ...]) -> str:
    """The CSV text of a list: items joined by `"; "`.

    Raises:
        CellError: an item would not read back (it is blank, has blanks around it, or holds
            a separator).
    """
    for item in value:
        if item != item.strip() or not item or _SPLIT.search(item):
            msg = (
                f"the item {shown(item)} cannot be written to a CSV list cell (it is blank, "
                f"has blanks around it or holds ';'): write JSON Lines instead"
            )
            raise CellError(msg)
    return "; ".join(value)


def _items_json(value: tuple[str, ...]) -> list[str]:
    return list(value)


def items_cell() -> Cell:
    """A list of words: `;`-separated in CSV (`IMG-1; IMG-2`), a JSON array in JSON Lines."""
    return Cell(
        "a list (separated by ';')",
        {"type": "array", "items": {"type": "string"}},
        _items_text,
        _items_value,
        items_to_text,
        _items_json,
    )
