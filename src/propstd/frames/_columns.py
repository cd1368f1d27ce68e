"""Columns in and out (private): pandas Series and numpy arrays as int64, and back.

Instants become µs since the UTC epoch, durations µs, dates days since 1970-01-01, counts of
days int64; a missing value (NaT, None, NaN, `pd.NA`) becomes `NAT` and is remembered in a
mask. Typed columns (`datetime64`, `timedelta64`, integers) are converted with a few numpy
passes; object columns of Python values are checked and converted element by element (the
slow path, exact and strict). Every refusal names the argument, the column and the first bad
row, and carries `field` and `value`.
"""

from __future__ import annotations

import math
from datetime import date, datetime, timedelta
from fractions import Fraction
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from propstd._repr import shown
from propstd._time import EPOCH
from propstd.errors import InvalidValueError, NaiveDatetimeError
from propstd.frames._lookup import I64, NAT, US, blocks, day_of

__all__: list[str] = []

BOOLS = npt.NDArray[np.bool_]
COUNT_LIMIT = 1 << 40
"""Counts of days beyond this are clipped (their answer is outside every calendar anyway)."""
_LENGTHS = {
    unit: 10**21 // per_second * seconds
    for unit, per_second, seconds in (
        ("W", 1, 604_800),
        ("D", 1, 86_400),
        ("h", 1, 3_600),
        ("m", 1, 60),
        ("s", 1, 1),
        ("ms", 10**3, 1),
        ("us", 10**6, 1),
        ("ns", 10**9, 1),
        ("ps", 10**12, 1),
        ("fs", 10**15, 1),
        ("as", 10**18, 1),
    )
}
"""Fixed units of numpy datetime64 / timedelta64, in zeptoseconds."""


class Column:
    """One argument as int64 values, with what it takes to name a row in a message."""

    __slots__ = ("broadcast", "index", "label", "name", "nat", "scalar", "source", "values")

    def __init__(self, name: str, source: Any, index: Any = None, *, scalar: bool = False) -> None:
        self.name = name
        self.source = source
        self.index = index
        self.scalar = scalar  # one value, while it is read (its rows are not known yet)
        self.broadcast = scalar  # one value for every row of another column
        column = getattr(source, "name", None) if index is not None else None
        self.label = f"{name!r}" + (f" (column {column!r})" if isinstance(column, str) else "")
        self.values: I64 = np.empty(0, dtype=np.int64)
        self.nat: BOOLS | None = None

    def __len__(self) -> int:
        return len(self.values)

    def row(self, i: int) -> str:
        """`'starts' row 3`, with the index label unless the index is the plain position."""
        if self.scalar:
            return self.label
        where = f"{self.label} row {i}"
        index = self.index
        plain = isinstance(index, pd.RangeIndex) and index.start == 0 and index.step == 1
        if index is not None and not plain:
            where += f" (index {shown(index[i])})"
        return where

    def value(self, i: int) -> object:
        """The original value of row *i*."""
        if self.broadcast:
            return self.source
        if self.index is not None:
            return self.source.iloc[i]
        return self.source[i]

    def refuse(self, i: int, problem: str, *, naive: bool = False) -> InvalidValueError:
        """The error for row *i*: the row, the problem, the value."""
        value = self.value(i)
        msg = f"{self.row(i)} {problem}, got {shown(value)}"
        kind = NaiveDatetimeError if naive else InvalidValueError
        return kind(msg, field=self.name, value=value)


def missing(x: object) -> bool:
    """Whether a Python value stands for "no value" (None, NaT, NaN, `pd.NA`)."""
    if x is None or x is pd.NaT or x is pd.NA:
        return True
    if isinstance(x, float | np.floating):
        return math.isnan(x)
    if isinstance(x, np.datetime64 | np.timedelta64):
        return bool(np.isnat(x))
    return False


# -- containers -------------------------------------------------------------------------------


def _open(name: str, obj: object, like: Column | None) -> tuple[Column, Any]:
    """The column and its raw values for *obj*: a numpy array, or a pandas extension array.

    The first argument (*like* is None) must be a Series or a 1-D array; the others may also
    be one value for every row.
    """
    if isinstance(obj, pd.Series):
        col = Column(name, obj, obj.index)
        is_numpy = isinstance(obj.dtype, np.dtype)
        raw: Any = obj.to_numpy() if is_numpy else obj.array
    elif isinstance(obj, np.ndarray):
        col = Column(name, obj)
        if obj.ndim != 1:
            msg = f"{col.label} must be a one-dimensional array, got shape {obj.shape}"
            raise InvalidValueError(msg, field=name, value=obj.shape)
        raw = obj
    elif like is None:
        msg = f"{name!r} must be a pandas Series or a numpy array, got {type(obj).__name__}"
        raise TypeError(msg)
    else:
        col = Column(name, obj, scalar=True)
        raw = np.array([obj]) if isinstance(obj, np.generic) else np.array([obj], dtype=object)
    if like is not None and not col.scalar:
        if len(raw) != len(like):
            msg = (
                f"{col.label} must have as many rows as {like.label} ({len(like)}), got {len(raw)}"
            )
            raise InvalidValueError(msg, field=name, value=len(raw))
        if col.index is not None and like.index is not None and not col.index.equals(like.index):
            msg = (
                f"{col.label} must have the same index as {like.label} (rows are matched by "
                "position: align them first, or pass .to_numpy())"
            )
            raise InvalidValueError(msg, field=name, value=col.index)
    return col, raw


def _close(col: Column, values: I64, like: Column | None) -> Column:
    """Store *values* (and the missing mask), broadcasting one value to every row."""
    if col.scalar and like is not None:
        values = np.full(len(like), values[0], dtype=np.int64)
        col.scalar, col.index = False, like.index  # from now on, rows are like's rows
    col.values = values
    col.nat = values == NAT if len(values) and values.min() == NAT else None
    return col


def _refuse(
    col: Column, raw: Any, wanted: str, *, first: int = 0, naive: bool = False
) -> Exception:
    """The error for a column of the wrong kind, naming its first bad row."""
    kind = NaiveDatetimeError if naive else InvalidValueError
    dtype = raw.dtype
    if col.scalar:
        msg = f"{col.label} must be {wanted}, got {shown(col.source)}"
        return kind(msg, field=col.name, value=col.source)
    if len(raw) == 0:
        msg = f"{col.label} must hold {wanted}, got an empty {dtype} column"
        return kind(msg, field=col.name, value=dtype)
    return col.refuse(first, f"must hold {wanted}, not {dtype}", naive=naive)


def _numpy(raw: Any, kind: str) -> bool:
    """Whether *raw* is a numpy array of dtype kind *kind* ("M", "m", "O", ...)."""
    return isinstance(raw, np.ndarray) and raw.dtype.kind == kind


def _exact(col: Column, raw: npt.NDArray[Any], unit: str, what: str) -> I64:
    """A datetime64 / timedelta64 array in *unit* as int64, refusing values it would change
    (finer than the unit, or out of range); NaT stays NaT."""
    if not raw.dtype.isnative:  # big-endian data: its int64 view would be another number
        raw = raw.astype(raw.dtype.newbyteorder("="))
    have, count = np.datetime_data(raw.dtype)
    values: I64 = np.asarray(raw.view(np.int64))
    if (have, count) == (unit, 1):
        return values
    if have not in _LENGTHS:  # years and months of dates: numpy knows the calendar
        converted = raw.astype(f"M8[{unit}]")
        back = converted.astype(raw.dtype).view(np.int64)
        _check(col, 0, values, back != values, what)
        return np.asarray(converted.view(np.int64))
    factor = Fraction(_LENGTHS[have] * count, _LENGTHS[unit])
    up, down = factor.numerator, factor.denominator
    out = np.empty(len(values), dtype=np.int64)
    for a, b in blocks(len(values)):
        v = values[a:b]
        o, bad = v, np.zeros(b - a, dtype=bool)
        if up > 1:  # to a finer unit: a value can overflow
            o = v * up
            bad |= o // up != v
        if down > 1:  # to a coarser unit: a value can lose its fraction
            scaled = o
            o = scaled // down
            bad |= o * down != scaled
        _check(col, a, v, bad, what)
        out[a:b] = o
    if len(values) and values.min() == NAT:  # NaT became something else: NaT again
        out[values == NAT] = NAT
    return out


def _check(col: Column, a: int, values: I64, bad: BOOLS, what: str) -> None:
    """Refuse the first *bad* row (NaT rows are never bad); *a* is the row of values[0]."""
    if bad.any():
        bad &= values != NAT
        if bad.any():
            raise col.refuse(a + int(np.flatnonzero(bad)[0]), f"must be {what}")


def _unit(raw: npt.NDArray[Any]) -> str:
    return np.datetime_data(raw.dtype)[0]


# -- instants ---------------------------------------------------------------------------------


def instants(name: str, obj: object, like: Column | None = None) -> Column:
    """Aware instants as µs since the UTC epoch.

    Accepted: a tz-aware `datetime64` Series; a numpy `datetime64` array (UTC, as pandas stores
    aware times); an object column of aware datetimes in one zone; one aware `datetime` or
    `numpy.datetime64` (UTC) for every row (not for the first argument).
    """
    col, raw = _open(name, obj, like)
    if isinstance(raw.dtype, pd.DatetimeTZDtype):
        raw = np.asarray(raw.tz_convert(None))
    elif col.index is not None and _numpy(raw, "M"):
        first = np.flatnonzero(~np.isnat(raw))
        wanted = "aware instants (a naive datetime64 column has no zone: use .dt.tz_localize)"
        raise _refuse(col, raw, wanted, first=int(first[0]) if len(first) else 0, naive=True)
    if _numpy(raw, "M") and _unit(raw) != "generic":
        return _close(
            col,
            _exact(col, raw, "us", "an instant exact to the microsecond (and within its range)"),
            like,
        )
    if not _numpy(raw, "O"):
        raise _refuse(col, raw, "aware instants (tz-aware datetime64)")
    out = np.empty(len(raw), dtype=np.int64)
    tz: Any = None
    for i, x in enumerate(raw):
        if missing(x):
            out[i] = NAT
            continue
        if not isinstance(x, datetime):
            raise col.refuse(i, "must be an aware datetime")
        if x.tzinfo is None or x.utcoffset() is None:
            raise col.refuse(i, "must be an aware datetime (an instant), not naive", naive=True)
        if tz is None:
            tz = x.tzinfo
        elif x.tzinfo != tz:
            problem = (
                f"must be in the zone of the column's first value ({tz}): a column holds one "
                "zone (convert it with pd.to_datetime(column, utc=True))"
            )
            raise col.refuse(i, problem)
        if getattr(x, "nanosecond", 0):
            raise col.refuse(i, "must be exact to the microsecond")
        out[i] = (x - EPOCH) // US
    return _close(col, out, like)


# -- durations --------------------------------------------------------------------------------


def durations(name: str, obj: object, like: Column) -> Column:
    """Durations as µs: a `timedelta64` column, an object column of `timedelta`s, or one
    `timedelta` / `numpy.timedelta64` for every row."""
    col, raw = _open(name, obj, like)
    wanted = "durations (timedelta64; numbers have no unit: use pd.to_timedelta(x, unit='h'))"
    if _numpy(raw, "m"):
        if _unit(raw) not in _LENGTHS:
            raise _refuse(col, raw, "durations of a fixed length (not months, years or no unit)")
        return _close(
            col, _exact(col, raw, "us", "exact to the microsecond (and within its range)"), like
        )
    if not _numpy(raw, "O"):
        raise _refuse(col, raw, wanted)
    out = np.empty(len(raw), dtype=np.int64)
    for i, x in enumerate(raw):
        if missing(x):
            out[i] = NAT
        elif not isinstance(x, timedelta):
            raise col.refuse(i, "must be a timedelta (numbers have no unit)")
        elif getattr(x, "nanoseconds", 0):
            raise col.refuse(i, "must be exact to the microsecond")
        else:
            out[i] = x // US
    return _close(col, out, like)


# -- dates and counts -------------------------------------------------------------------------


def dates(name: str, obj: object, like: Column | None = None) -> Column:
    """Dates as days since 1970-01-01: a `datetime64` column at midnight (`datetime64[D]`,
    or a naive pandas date column), an object column of `date`s, or one `date`."""
    col, raw = _open(name, obj, like)
    if _numpy(raw, "M") and _unit(raw) != "generic":
        return _close(col, _exact(col, raw, "D", "a date (at midnight, within its range)"), like)
    if not _numpy(raw, "O"):
        raise _refuse(col, raw, "dates (datetime64[D], a naive date column, or datetime.date)")
    out = np.empty(len(raw), dtype=np.int64)
    for i, x in enumerate(raw):
        if missing(x):
            out[i] = NAT
        elif isinstance(x, datetime) or not isinstance(x, date):
            raise col.refuse(i, "must be a date (not a datetime)")
        else:
            out[i] = day_of(x)
    return _close(col, out, like)


def counts(name: str, obj: object, like: Column) -> Column:
    """Whole numbers of days: an integer column (nullable `Int64` too) or one `int`."""
    col, raw = _open(name, obj, like)
    if col.scalar and isinstance(obj, int) and not isinstance(obj, bool):
        raw = np.array([max(min(obj, COUNT_LIMIT), -COUNT_LIMIT)], dtype=np.int64)
    if raw.dtype.kind not in "iu":
        wanted = "whole numbers of days (integers; .astype('Int64') keeps missing values)"
        raise _refuse(col, raw, wanted)
    nat: BOOLS | None = None
    if not isinstance(raw, np.ndarray):  # a nullable pandas integer array
        nat = np.asarray(raw.isna(), dtype=bool)
        raw = raw.to_numpy(dtype=raw.dtype.numpy_dtype, na_value=0)
    values = np.clip(raw, -COUNT_LIMIT if raw.dtype.kind == "i" else 0, COUNT_LIMIT)
    values = values.astype(np.int64)
    if nat is not None:
        values[nat] = NAT
    return _close(col, values, like)


# -- out --------------------------------------------------------------------------------------


def out_instants(values: I64, like: Column, zone_key: str) -> Any:
    """µs since the epoch as the kind of *like*: a Series in *zone_key*, or UTC datetime64."""
    array = values.view("M8[us]")
    if like.index is None:
        return array
    series = pd.Series(array, index=like.index, copy=False)
    return series.dt.tz_localize("UTC").dt.tz_convert(zone_key)


def out_durations(values: I64, like: Column) -> Any:
    """µs as timedelta64[us], a Series for pandas input."""
    array = values.view("m8[us]")
    return array if like.index is None else pd.Series(array, index=like.index, copy=False)


def out_dates(values: I64, like: Column) -> Any:
    """Days as datetime64[D] (numpy) or a naive datetime64[s] Series (pandas)."""
    array = values.view("M8[D]")
    if like.index is None:
        return array
    return pd.Series(array.astype("M8[s]"), index=like.index, copy=False)
