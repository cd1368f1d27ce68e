"""Records from DataFrames (private part of `propstd.frames`).

A frame is read in two steps. Its **columns** are resolved once, from the column names alone
(`layout()`): each names a column of the table kind (its English name or Chinese heading, as
`propstd.tables` reads a header) or is mapped to one by `columns=`; in a survey frame every
other column is a service item. Its **rows** are then turned into plain Python values, column
by column (`_cells()`: numpy scalars to Python, missing values to `None`, instants to aware
datetimes), and handed to [propstd.tables.read_rows][propstd.tables.read_rows], which applies
the §16 rules of every cell and record. Its one `InvalidDataError` is given back with row
numbers (positions, 0 the first, and index labels) and the frame's column names instead of
lines.

What a frame can hold that a table cannot is refused here, before any row is read, with a named
error naming the column and the first row: floats (never exact), naive `datetime64` without a
zone, an object column of instants in several zones, values finer than a microsecond.
"""

from __future__ import annotations

import csv
import functools
import io
from collections.abc import Hashable, Iterable, Mapping, Sequence
from datetime import UTC, datetime, tzinfo
from typing import Any

import attrs
import numpy as np
import numpy.typing as npt
import pandas as pd

from propstd._repr import shown
from propstd._time import DAY, EPOCH, MAX_DATE, MIN_DATE, day_start
from propstd._time import zone as _zone_of
from propstd._vocab import to_member
from propstd.errors import InvalidDataError, InvalidValueError, NaiveDatetimeError, Problem
from propstd.frames._columns import missing
from propstd.frames._lookup import US
from propstd.tables import TableKind, read_records, read_rows
from propstd.tables import columns as table_columns

__all__: list[str] = []

_ITEM = "\x00item"
"""What `_resolve` gives for a heading that names a service item (survey frames)."""
_LOWEST = (day_start(MIN_DATE - DAY, UTC) - EPOCH) // US
_HIGHEST = (day_start(MAX_DATE + 2 * DAY, UTC) - EPOCH) // US
"""Instants a day beyond years 0002-9998 still convert to datetimes (`propstd.tables` then
refuses them as a row's problem); farther ones are refused as a column's."""


# -- columns ----------------------------------------------------------------------------------


def _header_problems(kind: TableKind, headings: Sequence[str]) -> tuple[Problem, ...]:
    """The problems `propstd.tables` finds in a CSV header of *headings* (no rows)."""
    out = io.StringIO()
    csv.writer(out).writerow(headings)
    try:
        read_records(kind, out.getvalue())
    except InvalidDataError as exc:
        return exc.problems
    return ()


def _clashes(kind: TableKind, name: str, heading: str) -> bool:
    """Whether the header `name,heading` has a problem at *heading*: it names the same column
    as *name*, or no column of a kind without items, or the items column of a survey."""
    return any(p.column == heading for p in _header_problems(kind, (name, heading)))


@functools.lru_cache(maxsize=512)
def _resolve(kind: TableKind, heading: str) -> str | None:
    """The English name of the column *heading* names, `_ITEM` for a survey's service item,
    or `None` for no column.

    `propstd.tables` is asked itself (headers of two columns), so its heading rule (English
    or Chinese, case and blanks ignored) lives in one place. *heading* has no blanks around
    it and is not empty.
    """
    names = [c.name for c in table_columns(kind)]
    hits = [name for name in names if _clashes(kind, name, heading)]
    if len(hits) == 1:
        return hits[0]
    if not hits:  # a kind whose other headings are items (a survey)
        return _ITEM
    items = _items_column(kind)
    return items if items is not None else None


@functools.lru_cache(maxsize=16)
def _items_column(kind: TableKind) -> str | None:
    """The column spread over one column per item (a survey's `scores`), if the kind has one:
    the only column a header may not name."""
    for c in table_columns(kind):
        if _clashes(kind, "\x01", c.name):  # "\x01" is no column's name
            return c.name
    return None


@attrs.frozen
class Layout:
    """What the columns of a frame hold: resolved once, before any row is read."""

    kind: TableKind
    fields: tuple[tuple[str, str], ...]
    """`(frame column, English column name)` for each column read, in frame order."""
    items: tuple[str, ...]
    """The frame columns that are service items (a survey's scores)."""
    items_column: str | None
    """The English name of the column the items make (`scores`), if the kind has items."""

    def column_of(self, name: str) -> str | None:
        """The frame column read as the table's column *name* (English), if any."""
        for column, field in self.fields:
            if field == name:
                return column
        return None


def _kind(kind: object) -> TableKind:
    return to_member("kind", TableKind, kind)


def _known(kind: TableKind) -> str:
    return ", ".join(f"{c.name} ({c.heading_zh})" for c in table_columns(kind))


def layout(
    kind: TableKind | str,
    names: Iterable[Hashable],
    *,
    columns: Mapping[str, str] | None,
    keep: tuple[str, ...] = (),
    label: str,
) -> Layout:
    """The layout of a frame of *kind* whose columns are *names*.

    *columns* maps a frame column to the table column it holds; *keep* are further columns the
    caller reads itself (left out here, but required).

    Raises:
        TypeError: *columns* is not a mapping.
        InvalidValueError: *kind* names no kind of table; *columns* names a column the frame
            lacks or a table column that does not exist; a frame column names no table column
            (or a blank or non-text name), two frame columns name one table column, or a
            required column (or a *keep* column) is missing.
    """
    table = _kind(kind)
    given = list(names)
    mapping = _mapping(table, columns, given, label)
    fields: list[tuple[str, str]] = []
    items: list[str] = []
    unknown: list[Hashable] = []
    seen: dict[str, str] = {}
    for column in given:
        if column in keep:
            continue
        heading = mapping.get(column, column) if isinstance(column, str) else None
        field = _resolve(table, heading.strip()) if heading and heading.strip() else None
        if field is None:
            unknown.append(column)
        elif field == _ITEM:
            items.append(str(column))
        elif field in seen:
            msg = (
                f"{label} gives the column {field!r} twice: as {seen[field]!r} and {column!r} "
                "(drop or rename one)"
            )
            raise InvalidValueError(msg, field=str(column), value=column)
        else:
            seen[field] = str(column)
            fields.append((str(column), field))
    _refuse_columns(table, label, unknown, given, seen, keep)
    return Layout(table, tuple(fields), tuple(items), _items_column(table))


def _mapping(kind: TableKind, columns: object, given: list[Hashable], label: str) -> dict[Any, str]:
    if columns is None:
        return {}
    if not isinstance(columns, Mapping):
        msg = f"'columns' must be a mapping of frame column to table column, got {shown(columns)}"
        raise TypeError(msg)
    for source, target in columns.items():
        if source not in given:
            msg = f"'columns' names the column {shown(source)}, which {label} does not have"
            raise InvalidValueError(msg, field="columns", value=source)
        text = target.strip() if isinstance(target, str) else ""
        if not text or _resolve(kind, text) in (None, _ITEM):
            msg = (
                f"'columns' maps {shown(source)} to {shown(target)}, which is not a column of "
                f"{kind.value}: {_known(kind)}"
            )
            raise InvalidValueError(msg, field="columns", value=target)
    return dict(columns)


def _refuse_columns(
    kind: TableKind,
    label: str,
    unknown: list[Hashable],
    given: list[Hashable],
    seen: Mapping[str, str],
    keep: tuple[str, ...],
) -> None:
    if unknown:
        names = ", ".join(shown(c) for c in unknown)
        msg = (
            f"{label} has unknown columns {names}: the {kind.value} columns are "
            f"{_known(kind)} (rename them with columns= or drop them)"
        )
        raise InvalidValueError(msg, field=str(unknown[0]), value=tuple(unknown))
    absent = [c.name for c in table_columns(kind) if c.required and c.name not in seen]
    absent += [c for c in keep if c not in given]
    if absent:
        msg = f"{label} needs the columns {', '.join(map(repr, absent))}; it has {shown(given)}"
        raise InvalidValueError(msg, field=absent[0], value=tuple(given))


# -- rows -------------------------------------------------------------------------------------


def where(index: pd.Index, i: int) -> str:
    """`row 3`, or `row 3 (index 'A7')` when the index is not the plain position."""
    plain = isinstance(index, pd.RangeIndex) and index.start == 0 and index.step == 1
    return f"row {i}" if plain else f"row {i} (index {shown(index[i])})"


class _Reader:
    """One frame being read: names its rows and columns in messages."""

    def __init__(self, frame: pd.DataFrame, label: str, tz: tzinfo | None) -> None:
        self.frame = frame
        self.label = label
        self.tz = tz

    def refuse(
        self, column: str, i: int, problem: str, *, error: type[InvalidValueError] | None = None
    ) -> InvalidValueError:
        """The error for the value of *column* in row *i*."""
        value = self.frame[column].iloc[i] if len(self.frame) else None
        place = f"{self.label} {where(self.frame.index, i)}" if len(self.frame) else self.label
        msg = f"{place}: column {column!r} {problem}, got {shown(value)}"
        return (error or InvalidValueError)(msg, field=column, value=value)

    def cells(self, column: str) -> list[Any]:
        """The values of *column* as plain Python values (`None` where missing)."""
        series = self.frame[column]
        dtype = series.dtype
        if isinstance(dtype, pd.DatetimeTZDtype):
            return self._instants(column, np.asarray(series.array.tz_convert(None)), dtype.tz)
        if not isinstance(dtype, np.dtype) or dtype.kind == "O":
            return self._objects(column, series.to_numpy(dtype=object, na_value=None))
        if dtype.kind == "M":
            if self.tz is None:
                given = np.flatnonzero(series.notna().to_numpy())
                msg = (
                    "holds naive times (no zone): pass zone= (the zone they were recorded in) "
                    "or localize the column"
                )
                first = int(given[0]) if len(given) else 0
                raise self.refuse(column, first, msg, error=NaiveDatetimeError)
            return self._instants(column, series.to_numpy(), None)
        if dtype.kind == "f":
            self._floats(column, np.flatnonzero(series.notna().to_numpy()))
            return [None] * len(series)
        return series.tolist()  # type: ignore[no-any-return]

    def _floats(self, column: str, rows: npt.NDArray[np.intp]) -> None:
        if len(rows):
            raise self.refuse(
                column,
                int(rows[0]),
                "holds floats, which are not exact: give amounts as text ('12.50') or "
                "Decimal, and whole numbers as integers (the nullable 'Int64' dtype keeps "
                "missing values)",
            )

    def _instants(self, column: str, raw: npt.NDArray[Any], tz: Any) -> list[Any]:
        """A `datetime64` array (UTC when *tz* is given, else wall times) as datetimes."""
        nat = np.isnat(raw)
        if np.datetime_data(raw.dtype) != ("us", 1):
            us = raw.astype("M8[us]")
            bad = (us.astype(raw.dtype) != raw) & ~nat  # a fraction of a microsecond, or overflow
            if bad.any():
                problem = "must be exact to the microsecond (and within its range)"
                raise self.refuse(column, int(np.flatnonzero(bad)[0]), problem)
            raw = us
        values = raw.view(np.int64)
        outside = ((values < _LOWEST) | (values > _HIGHEST)) & ~nat
        if outside.any():
            problem = "must be within the years 0002-9998"
            raise self.refuse(column, int(np.flatnonzero(outside)[0]), problem)
        stamps = pd.DatetimeIndex(np.where(nat, _LOWEST, values).view("M8[us]"))
        if tz is not None:
            stamps = stamps.tz_localize("UTC").tz_convert(tz)
        out: list[Any] = list(stamps.to_pydatetime())
        for i in np.flatnonzero(nat).tolist():
            out[i] = None
        return out

    def _objects(self, column: str, raw: np.ndarray[Any, Any]) -> list[Any]:
        """An object column: numpy scalars as Python values, floats and mixed zones refused."""
        out: list[Any] = raw.tolist()
        zone: object = None
        for i, x in enumerate(out):
            if type(x) is str:  # the usual cell: nothing to convert
                continue
            if missing(x):
                out[i] = None
            elif isinstance(x, float):
                self._floats(column, np.array([i], dtype=np.intp))
            elif isinstance(x, datetime):
                out[i] = x = self._instant(column, i, x)
                if x.tzinfo is not None:
                    zone = self._one_zone(column, i, x.tzinfo, zone)
            elif isinstance(x, np.generic):
                out[i] = x.item()
        return out

    def _instant(self, column: str, i: int, x: datetime) -> datetime:
        if isinstance(x, pd.Timestamp):
            if x.nanosecond:
                raise self.refuse(column, i, "must be exact to the microsecond")
            x = x.to_pydatetime()
        if (x.tzinfo is None or x.utcoffset() is None) and self.tz is None:
            problem = "holds a naive time (no zone): pass zone= (the zone it was recorded in)"
            raise self.refuse(column, i, problem, error=NaiveDatetimeError)
        return x

    def _one_zone(self, column: str, i: int, tz: object, zone: object) -> object:
        if zone is not None and tz != zone:
            problem = (
                f"holds instants in several zones ({zone} first): a column holds one zone "
                "(convert it with pd.to_datetime(column, utc=True))"
            )
            raise self.refuse(column, i, problem)
        return tz


def read(plan: Layout, frame: pd.DataFrame, *, zone: str | None, label: str) -> tuple[Any, ...]:
    """The records of *frame* (columns resolved in *plan*), through `tables.read_rows`.

    Raises:
        InvalidDataError: rows are bad; every problem names the row and the frame's column.
        InvalidValueError: a column holds floats, instants in several zones or finer than a
            microsecond (the column and the first row named).
        NaiveDatetimeError: a column holds naive times and *zone* is None.
    """
    reader = _Reader(frame, label, None if zone is None else _zone_of(zone))
    names = [field for _, field in plan.fields]
    values = [reader.cells(column) for column, _ in plan.fields]
    if plan.items_column is not None:
        names.append(plan.items_column)
        values.append(_scores([reader.cells(c) for c in plan.items], plan.items, len(frame)))
    assert values, "every kind of table has a required column, so a layout reads one"
    rows = [dict(zip(names, row, strict=True)) for row in zip(*values, strict=True)]
    try:
        return read_rows(plan.kind, rows, zone=zone)
    except InvalidDataError as exc:
        raise _renumbered(exc, plan, frame.index, label) from None


def _scores(cells: list[list[Any]], items: tuple[str, ...], n: int) -> list[Any]:
    """A survey's scores: per row, the answered items (None when none is answered); an item
    missing or blank is not answered, as an empty cell of a survey table."""
    out: list[Any] = []
    for i in range(n):
        answered = {
            item: col[i]
            for item, col in zip(items, cells, strict=True)
            if col[i] is not None and not (isinstance(col[i], str) and not col[i].strip())
        }
        out.append(answered or None)
    return out


def _renumbered(
    exc: InvalidDataError, plan: Layout, index: pd.Index, label: str
) -> InvalidDataError:
    """*exc* with rows (and index labels) for lines, the frame's column names for the table's."""
    back = {field: column for column, field in plan.fields}
    if plan.items_column is not None and len(plan.items) == 1:
        back[plan.items_column] = plan.items[0]
    problems = [
        Problem(
            p.path if p.line is None else where(index, p.line - 1),
            p.message,
            column=None if p.column is None else back.get(p.column, p.column),
        )
        for p in exc.problems
    ]
    message = exc.message.replace(f"cannot read {plan.kind.value}", f"cannot read {label}", 1)
    return InvalidDataError(message, problems)


def from_frame(
    kind: TableKind | str,
    df: pd.DataFrame,
    *,
    columns: Mapping[str, str] | None = None,
    zone: str | None,
) -> tuple[Any, ...]:
    """The records of a DataFrame of a *kind* of table, with the validation of `propstd.tables`.

    The frame holds the columns of the table kind (see [propstd.tables][propstd.tables]
    and the reference page of record tables): each column is named by the table column's
    English name or Chinese heading (`item_code`, `检查项目代码`; case and blanks ignored, as in
    a CSV header), or mapped to one by *columns*. Findings, complaints and repairs take one
    event a row (rows sharing an `id` make one record, wherever they are); a survey frame has
    one column per service item. The rows are handed to
    [propstd.tables.read_rows][propstd.tables.read_rows], so a cell is read exactly as a
    spreadsheet's value is: text as in a CSV cell, or a typed value.

    What each column may hold:

    - instants: a tz-aware `datetime64` column as it is; a naive one only with *zone* (its wall
      times are read there; one that is skipped or repeated by a daylight-saving change is a
      problem of its row, as in a table); an object column of datetimes in one zone; or text;
    - money and other exact numbers: text (`"12.50"`), `Decimal` or integers, never floats;
    - whole numbers: an integer column (nullable `Int64` where some are missing);
    - lists (evidence): a list per row, or text separated by `;`;
    - missing values (`None`, `NaN`, `NaT`, `pd.NA`) are empty cells.

    Args:
        kind: the kind of table: `checks`, `findings`, `complaints`, `repairs`, `actuals`,
            `collections`, `survey_responses`, `routine_log` (or its Chinese name).
        df: the frame.
        columns: frame column → table column (English name or Chinese heading), for columns
            named otherwise (`{"检查日期": "at"}`).
        zone: the zone (IANA key) of naive times; `None`: naive times are refused.

    Returns:
        The records, as `propstd.tables.read_rows` gives them.

    Raises:
        TypeError: *df* is not a DataFrame, or *columns* not a mapping.
        InvalidValueError: *kind* names no kind of table (the message lists the kinds), *zone*
            is unknown; a column is unknown, missing or given twice; a column holds floats,
            instants in several zones or finer than a microsecond (the column and the first
            row named, `field` the column).
        NaiveDatetimeError: a column holds naive times and *zone* is None.
        InvalidDataError: rows are bad: one error listing every bad row (at most 100, then a
            count) as `column C: row N (index L): what is wrong, what was found`; each
            [Problem][propstd.errors.Problem] has the row in its `path` and the frame's column
            name in its `column`.

    Examples:
        >>> import pandas as pd
        >>> from propstd.frames import from_frame
        >>> checks = pd.DataFrame({
        ...     "检查项目代码": ["SEC-01", "SEC-02"],
        ...     "检查时间": pd.to_datetime(["2025-03-03 09:00", "2025-03-03 21:00"]),
        ...     "检查人": ["赵强", "赵强"],
        ...     "证据": ["IMG-0301", None],
        ... })
        >>> records = from_frame("checks", checks, zone="Asia/Shanghai")
        >>> [(r.item_code, r.at.isoformat(), r.is_traceable()) for r in records]
        [('SEC-01', '2025-03-03T09:00:00+08:00', True), ('SEC-02', '2025-03-03T21:00:00+08:00', False)]
        >>> from_frame("checks", checks.assign(抽样数=[1, 0]), zone="Asia/Shanghai")
        Traceback (most recent call last):
        ...
        propstd.errors.InvalidDataError: cannot read checks: 1 problem
          column 抽样数: row 1: 'samples' must be at least 1, got 0
    """  # noqa: E501
    if not isinstance(df, pd.DataFrame):
        msg = f"'df' must be a pandas DataFrame, got {type(df).__name__}"
        raise TypeError(msg)
    table = _kind(kind)
    if zone is not None:
        _zone_of(zone)
    plan = layout(table, df.columns, columns=columns, label=table.value)
    return read(plan, df, zone=zone, label=table.value)
