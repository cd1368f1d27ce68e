"""Check records from a DataFrame (private part of `propstd.frames`).

The columns are those of the check table of `propstd.tables` (§16): `item_code` 检查项目代码,
`at` 检查时间, `inspector` 检查人, `samples` 抽样数, `evidence` 证据 (a list, or text
separated by `;`), `round_id` 轮次; `item_code` and `at` are required, the others default
to an empty inspector, 1 sample, no evidence and no round. This converter is small and
private on purpose: when `frames.from_frame("checks", df)` arrives (built on the table
layouts of `propstd.tables`), the dask tallies read their partitions through it instead.

Column problems (unknown, missing, mapped twice) are found once, from the frame's columns,
before any partition is read; row problems name the partition, the row (its position and
index label) and the column, and carry `field` (the column) and `value`.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime, tzinfo
from typing import Any, TypeVar

import numpy as np
import pandas as pd

from propstd._repr import shown
from propstd._time import DAY, EPOCH, MAX_DATE, MIN_DATE, day_start, local_instant
from propstd.errors import InvalidValueError, NaiveDatetimeError, PropstdError
from propstd.frames._columns import instants
from propstd.frames._lookup import NAT, US
from propstd.inspections import CheckRecord

__all__: list[str] = []

E = TypeVar("E", bound=BaseException)

FIELDS: dict[str, str] = {
    "item_code": "检查项目代码",
    "at": "检查时间",
    "inspector": "检查人",
    "samples": "抽样数",
    "evidence": "证据",
    "round_id": "轮次",
}
"""The fields of a check record and their Chinese headings (those of `propstd.tables`)."""
_HEADINGS = {heading: field for field, heading in FIELDS.items()}
REQUIRED = ("item_code", "at")
_LISTED = re.compile(r"\[\s*(['\"].*)?\]|\(\s*(['\"].*)?\)", re.DOTALL)
"""The text of a Python list or tuple of strings: `[]`, `['P1', 'P2']`, `('P1',)`."""
_LOWEST = (day_start(MIN_DATE, UTC) - EPOCH) // US
_HIGHEST = (day_start(MAX_DATE + DAY, UTC) - EPOCH) // US


def check_columns(
    names: Iterable[object],
    *,
    columns: Mapping[str, str] | None,
    keep: tuple[str, ...] = (),
    label: str = "checks",
) -> dict[str, str]:
    """Which frame column holds each field: `{field: column}`.

    A column is read as the field *columns* maps it to, or as the field or Chinese heading it
    is named after. *keep* are further columns the caller reads itself (the property column).

    Raises:
        InvalidValueError: an unknown column, a field given by two columns, a required field
            or a *keep* column missing, or *columns* naming an unknown field or column.
    """
    given = list(names)
    mapping = dict(columns or {})
    for source, wanted in mapping.items():
        if wanted not in FIELDS:
            msg = f"'columns' maps {source!r} to {shown(wanted)}, which is not {_known()}"
            raise InvalidValueError(msg, field="columns", value=wanted)
        if source not in given:
            msg = f"'columns' names column {shown(source)}, which {label} does not have"
            raise InvalidValueError(msg, field="columns", value=source)
    found: dict[str, str] = {}
    unknown: list[object] = []
    for column in given:
        if column in keep:
            continue
        field = _field_of(column, mapping)
        if field is None:
            unknown.append(column)
        elif field in found:
            msg = f"{label} gives {field!r} twice: in columns {found[field]!r} and {column!r}"
            raise InvalidValueError(msg, field=str(column), value=column)
        else:
            found[field] = str(column)
    _refuse_columns(label, unknown, [f for f in REQUIRED if f not in found], keep, given)
    return found


def _field_of(column: object, mapping: Mapping[str, str]) -> str | None:
    """The field a column holds: mapped by *columns*, or named after the field or heading."""
    if not isinstance(column, str):
        return None
    if column in mapping:
        return mapping[column]
    return column if column in FIELDS else _HEADINGS.get(column)


def _known() -> str:
    return "a check record field: " + ", ".join(f"{f} ({h})" for f, h in FIELDS.items())


def _refuse_columns(
    label: str, unknown: list[object], missing: list[str], keep: tuple[str, ...], given: list[Any]
) -> None:
    if unknown:
        names = ", ".join(shown(c) for c in unknown)
        msg = (
            f"{label} has unknown columns {names}: each column must be {_known()} "
            "(rename with columns= or drop it)"
        )
        raise InvalidValueError(msg, field=str(unknown[0]), value=tuple(unknown))
    absent = missing + [c for c in keep if c not in given]
    if absent:
        msg = f"{label} needs the columns {', '.join(map(repr, absent))}; it has {shown(given)}"
        raise InvalidValueError(msg, field=absent[0], value=tuple(given))


class Rows:
    """One frame being read: names its rows in messages."""

    __slots__ = ("frame", "label", "plain")

    def __init__(self, frame: pd.DataFrame, label: str) -> None:
        self.frame = frame
        self.label = label
        index = frame.index
        self.plain = isinstance(index, pd.RangeIndex) and index.start == 0 and index.step == 1

    def where(self, i: int) -> str:
        """`checks partition 2 row 3 (index 1003)`."""
        here = f"{self.label} row {i}"
        return here if self.plain else f"{here} (index {shown(self.frame.index[i])})"

    def refuse(self, column: str, i: int, problem: str) -> InvalidValueError:
        """The error for the value of *column* in row *i*."""
        value = self.frame[column].iloc[i]
        msg = f"{self.where(i)}: column {column!r} {problem}, got {shown(value)}"
        return InvalidValueError(msg, field=column, value=value)


def prefixed(exc: E, prefix: str, *, field: str | None = None) -> E:
    """A copy of *exc* whose message starts with *prefix* (class, field and value kept; a
    propstd error's field becomes *field* when given)."""
    if isinstance(exc, PropstdError):
        out = copy.copy(exc)
        out.message = f"{prefix}: {exc.message}"
        out.args = (out.message,)
        if field is not None:
            out.field = field
        return out
    return type(exc)(f"{prefix}: {exc}")


def check_records(
    frame: pd.DataFrame, fields: Mapping[str, str], *, tz: tzinfo | None, label: str
) -> list[CheckRecord]:
    """The check records of *frame*, row by row (columns already checked)."""
    rows = Rows(frame, label)
    n = len(frame)
    ats = _instants(rows, fields["at"], tz)
    codes = _required(rows, fields["item_code"])
    inspectors = _filled(frame, fields.get("inspector"), "", n)
    samples = _samples(frame, fields.get("samples"), n)
    evidence = _filled(frame, fields.get("evidence"), None, n)
    rounds = _filled(frame, fields.get("round_id"), "", n)
    out = []
    values = zip(codes, ats, inspectors, samples, evidence, rounds, strict=True)
    for i, (code, at, who, k, refs, round_id) in enumerate(values):
        try:
            out.append(
                CheckRecord(code, at, who, samples=k, evidence=_evidence(refs), round_id=round_id)
            )
        except (PropstdError, TypeError) as exc:
            field = getattr(exc, "field", None)
            column = fields.get((field or "").partition("[")[0])
            raise prefixed(exc, rows.where(i), field=column) from None
    return out


def _required(rows: Rows, column: str) -> list[Any]:
    series = rows.frame[column]
    missing = np.flatnonzero(pd.isna(series).to_numpy())
    if len(missing):
        raise rows.refuse(column, int(missing[0]), "is required")
    return series.tolist()  # type: ignore[no-any-return]


def _filled(frame: pd.DataFrame, column: str | None, default: object, n: int) -> list[Any]:
    """The values of *column* with *default* for missing ones (every row if no column)."""
    if column is None:
        return [default] * n
    series = frame[column]
    values: list[Any] = series.tolist()
    for i in np.flatnonzero(pd.isna(series).to_numpy()):
        values[i] = default
    return values


def _samples(frame: pd.DataFrame, column: str | None, n: int) -> list[Any]:
    """Samples: whole numbers (1 where missing); floats are kept to be refused by the record."""
    values = _filled(frame, column, 1, n)
    if column is not None and frame[column].dtype.kind in "iu":
        return [int(v) for v in values]  # numpy integers as Python ints
    return values


def _evidence(value: object) -> Any:
    """A list as it is; text split at `;` (blank parts left out); missing: none.

    Text that reads like a Python list or tuple (`"['P1']"`, `"[]"`) is refused: it is what
    dask's string conversion makes of an object column of lists, and read as text it would
    count an empty list as evidence.
    """
    if value is None:
        return ()
    if isinstance(value, str):
        text = value.strip()
        if text[:1] in ("[", "(") and _LISTED.fullmatch(text):
            msg = (
                f"'evidence' must be text separated by ';' or a list, got the text of a "
                f"Python list {shown(value)} (dask turns object columns into text: store "
                "evidence as 'P1;P2', or set dask's 'dataframe.convert-string' to False)"
            )
            raise InvalidValueError(msg, field="evidence", value=value)
        if ";" not in text:  # one reference (the usual case: no split, no generator)
            return (text,) if text else ()
        return tuple(part.strip() for part in text.split(";") if part.strip())
    return value


# -- instants ---------------------------------------------------------------------------------


def _instants(rows: Rows, column: str, tz: tzinfo | None) -> list[datetime]:
    """The column as aware UTC datetimes; naive times are read in *tz* (the DST rule of the
    calendars: a time in a gap moves forward, an ambiguous one takes its first occurrence)."""
    series = rows.frame[column]
    kind = series.dtype.kind if isinstance(series.dtype, np.dtype) else ""
    if kind == "M":  # naive datetime64
        series = _localize(rows, column, series, tz)
    elif kind == "O":
        series = _aware_objects(rows, column, series, tz)
    try:
        values = instants(column, series.rename(None)).values
    except PropstdError as exc:
        raise prefixed(exc, rows.label) from None
    bad = np.flatnonzero((values < _LOWEST) | (values > _HIGHEST))
    if len(bad):
        i = int(bad[0])
        if values[i] == NAT:
            raise rows.refuse(column, i, "is required (when the check was done)")
        raise rows.refuse(column, i, "must be within the years 0002-9998")
    utc = pd.DatetimeIndex(values.view("M8[us]")).tz_localize(UTC)
    return list(utc.to_pydatetime())


def _localize(rows: Rows, column: str, series: pd.Series, tz: tzinfo | None) -> pd.Series:
    if tz is None:
        given = np.flatnonzero(series.notna().to_numpy())
        i = int(given[0]) if len(given) else 0
        value = series.iloc[i] if len(series) else None
        msg = (
            f"{rows.where(i)}: column {column!r} holds naive times (no zone): pass zone= "
            f"(the zone they were recorded in) or localize the column, got {shown(value)}"
        )
        raise NaiveDatetimeError(msg, field=column, value=value)
    local = series.dt.tz_localize(tz, ambiguous="NaT", nonexistent="NaT")
    lost = np.flatnonzero(local.isna().to_numpy() & series.notna().to_numpy())
    if len(lost) == 0:
        return local
    fixed = local.astype(object)
    for i in lost.tolist():  # in a DST gap or overlap: the calendars' rule, row by row (rare)
        wall = series.iloc[i]
        fixed.iloc[i] = local_instant(wall.date(), wall.time(), tz).astimezone(UTC)
    return _aware_objects(rows, column, fixed, tz)


def _aware_objects(rows: Rows, column: str, series: pd.Series, tz: tzinfo | None) -> pd.Series:
    """An object column with naive datetimes read in *tz*, every instant in UTC."""
    out = np.empty(len(series), dtype=object)
    for i, x in enumerate(series.tolist()):
        if isinstance(x, datetime) and x is not pd.NaT:
            if x.tzinfo is None or x.utcoffset() is None:
                if tz is None:
                    msg = (
                        f"{rows.where(i)}: column {column!r} holds a naive time (no zone): "
                        f"pass zone= (the zone it was recorded in), got {shown(x)}"
                    )
                    raise NaiveDatetimeError(msg, field=column, value=x)
                x = local_instant(x.date(), x.time(), tz)
            x = x.astimezone(UTC)
        out[i] = x
    return pd.Series(out, index=series.index, dtype=object)
