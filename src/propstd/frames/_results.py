"""Results to DataFrames (private part of `propstd.frames`): one row per typed row.

A result's `rows()` (or its `rows` field) is a tuple of frozen attrs records. Their fields
become typed columns, generically, from the row class's annotations (so an empty result still
has its columns and dtypes) or, where an annotation cannot be resolved, from the values. Each
kind of field has one builder (`_BUILDERS`, first match wins); nested records are opened up
into `outer_inner` columns, at most `_MAX_DEPTH` levels deep. The public docstring of
`to_frame` lists the columns each kind gives.
"""

from __future__ import annotations

import enum
import math
import types
import typing
from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import numpy as np
import pandas as pd

from propstd._time import EPOCH, UTC_ZONE
from propstd._vocab import Vocabulary
from propstd.frames._lookup import NAT, US, day_of
from propstd.frequencies import Frequency
from propstd.money import Money
from propstd.rates import Rate, Target
from propstd.timelimits import TimeLimit

__all__: list[str] = []

_MAX_DEPTH = 4
"""Nested records deeper than this stay one `object` column (bounded work, no cycles)."""
_I64 = (-(2**63) + 1, 2**63 - 1)
"""Whole numbers in this range fit an int64 column (the lowest int64 is NaT's)."""


@attrs.frozen
class _Leaf:
    """One field that becomes one or more columns."""

    name: str
    """The column name (nested fields joined with `_`)."""
    path: tuple[str, ...]
    """The attribute names from the row to the value."""
    kind: Any
    """The declared type (`None` optional stripped), or the values' type, or `object`."""
    optional: bool
    """Whether the value may be missing (declared `X | None`, or inside an optional record)."""


def to_frame(result: object) -> pd.DataFrame:
    """The typed rows of a result as a DataFrame: one row per row, typed columns.

    *result* is any propstd result with typed rows: a method `rows()` (a
    [QpiReport][propstd.inspections.QpiReport], [Ranking][propstd.ranking.Ranking],
    [RepairMetrics][propstd.repairs.RepairMetrics], an
    [EscalationStatus][propstd.complaints.EscalationStatus] ...) or a field `rows` (a
    [VarianceReport][propstd.budgets.VarianceReport]); both are read the same way. A sequence
    of rows (`report.rows_at("category")`) works too.

    Columns follow the rows' fields, in order, named after them (nested records joined with
    `_`, as `month_budget_amount`):

    - a `Rate` gives exact `x_numerator` and `x_denominator` columns (`int64`; `Fraction`
      objects where a part is not whole, as prorated requirements) and a `float64` `x_share`
      **for plotting only** (`NaN` for `0/0`): compute with the exact columns;
    - `Money` gives `x_amount` (`decimal.Decimal` objects, as many places as the currency)
      and `x_currency`;
    - an enum gives its English value, and `x_zh` its Chinese label where the vocabulary has
      one; text (Chinese titles too) is a `string` column;
    - instants stay aware (`datetime64[us, zone]`), durations are `timedelta64[us]`, dates
      `datetime64[s]` at midnight; a missing value is `pd.NA` (`NaT` for times).

    Args:
        result: a result with `rows()` or a `rows` field, or a sequence of rows.

    Returns:
        A DataFrame with a `RangeIndex`, in the order of the rows.

    Raises:
        TypeError: *result* has no rows (the message names its type), or a row is not an
            attrs record of the rows' class.

    Examples:
        >>> from propstd import frames
        >>> from propstd.ranking import rank
        >>> from propstd.rates import Rate
        >>> ranking = rank({"翠湖花园": Rate(45, 50), "江南府": Rate(38, 50)}, by=lambda r: r)
        >>> df = frames.to_frame(ranking)
        >>> df[["rank", "name", "rate_numerator", "rate_denominator", "rate_share"]]
           rank  name  rate_numerator  rate_denominator  rate_share
        0     1  翠湖花园              45                50        0.90
        1     2   江南府              38                50        0.76
    """
    rows, declared = _rows_of(result)
    cls = _row_class(result, rows, declared)
    if cls is None:
        return pd.DataFrame(index=pd.RangeIndex(0))
    data: dict[str, Any] = {}
    for leaf in _plan(cls, rows, "", (), optional=False, depth=0):
        values = [_get(row, leaf.path) for row in rows]
        for name, column in _columns(leaf, values):
            if name in data:
                msg = f"the rows of {cls.__name__} give two columns named {name!r}"
                raise TypeError(msg)
            data[name] = column
    return pd.DataFrame(data, index=pd.RangeIndex(len(rows)))


def _rows_of(result: object) -> tuple[tuple[object, ...], Any]:
    """The rows of *result* and their declared element type (or `None`)."""
    if isinstance(result, tuple | list):
        return tuple(result), None
    kind = type(result)
    found = getattr(result, "rows", None)
    if found is None:
        msg = (
            "to_frame() needs a result with typed rows (rows() or a rows field: a QpiReport, "
            f"a VarianceReport, a Ranking ...) or a sequence of rows, got {kind.__name__}"
        )
        raise TypeError(msg)
    declared = getattr(kind, "rows", None)  # a method, a property, or a field's descriptor
    if callable(found):
        rows, hint = found(), _hint(declared, "return")
    else:
        rows = found
        getter = getattr(declared, "fget", None)
        hint = _hint(getter, "return") if getter is not None else _hint(kind, "rows")
    element = typing.get_args(hint)[0] if typing.get_args(hint) else None
    return tuple(rows), element


def _hint(owner: object, name: str) -> Any:
    """The resolved annotation *name* of *owner*, or `None` if it cannot be resolved."""
    try:
        return typing.get_type_hints(owner).get(name)
    except (NameError, TypeError, AttributeError):
        return None


def _row_class(result: object, rows: tuple[object, ...], declared: Any) -> type | None:
    """The one attrs class of every row (from the rows, or declared when there are none)."""
    cls = type(rows[0]) if rows else declared
    if not isinstance(cls, type):
        return None
    where = f"the rows of {type(result).__name__}"
    if not attrs.has(cls):
        msg = f"{where} must be attrs records, got {cls.__name__}"
        raise TypeError(msg)
    for i, row in enumerate(rows):
        if type(row) is not cls:
            msg = f"{where} must all be {cls.__name__}, got {type(row).__name__} at row {i}"
            raise TypeError(msg)
    return cls


def _plan(
    cls: type,
    rows: Sequence[object],
    prefix: str,
    path: tuple[str, ...],
    *,
    optional: bool,
    depth: int,
) -> list[_Leaf]:
    """The leaves of *cls*'s public fields, nested records opened up (*depth* bounds it)."""
    hints = _hints(cls)
    leaves: list[_Leaf] = []
    for field in attrs.fields(cls):
        if field.name.startswith("_"):
            continue
        name, where = prefix + field.name, (*path, field.name)
        kind, maybe = _declared(hints.get(field.name))
        if kind is None:
            kind = _found(rows, where)
        maybe = maybe or optional
        if kind not in (Rate, Money, *_TEXTS) and attrs.has(kind) and depth < _MAX_DEPTH:
            leaves += _plan(kind, rows, f"{name}_", where, optional=maybe, depth=depth + 1)
        else:
            leaves.append(_Leaf(name, where, kind, maybe))
    return leaves


def _hints(cls: type) -> dict[str, Any]:
    try:
        return typing.get_type_hints(cls)
    except (NameError, TypeError, AttributeError):
        return {}


def _declared(hint: Any) -> tuple[Any, bool]:
    """The type of a hint with `None` taken out, and whether `None` was there.

    A union of several types is `object`; an unresolved or generic hint is `None` (the values
    tell).
    """
    if hint is None:
        return None, False
    args = typing.get_args(hint)
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        rest = [a for a in args if a is not type(None)]
        kind = rest[0] if len(rest) == 1 else object
        return (kind if isinstance(kind, type) else object), len(rest) < len(args)
    return (hint if isinstance(hint, type) and not args else object), False


def _found(rows: Sequence[object], path: tuple[str, ...]) -> type:
    """The type of the first value at *path* (`object` when every row has none)."""
    for row in rows:
        value = _get(row, path)
        if value is not None:
            return type(value)
    return object


def _get(row: object, path: tuple[str, ...]) -> object:
    value = row
    for name in path:
        if value is None:
            return None
        value = getattr(value, name)
    return value


# -- columns ----------------------------------------------------------------------------------

_Column = tuple[str, Any]


def _columns(leaf: _Leaf, values: list[Any]) -> list[_Column]:
    """The columns of one leaf from its values (one per row)."""
    for base, build in _BUILDERS:
        if isinstance(leaf.kind, type) and issubclass(leaf.kind, base):
            return build(leaf, values)
    return [(leaf.name, _objects(values))]


def _rate(leaf: _Leaf, values: list[Any]) -> list[_Column]:
    numerators = [None if r is None else r.numerator for r in values]
    denominators = [None if r is None else r.denominator for r in values]
    shares = [math.nan if r is None or not r.denominator else _share(r) for r in values]
    return [
        (f"{leaf.name}_numerator", _exact(numerators, optional=leaf.optional)),
        (f"{leaf.name}_denominator", _exact(denominators, optional=leaf.optional)),
        (f"{leaf.name}_share", np.array(shares, dtype=float)),
    ]


def _share(rate: Rate) -> float:  # float-ok: the derived plotting column (§19), never read back
    try:
        return float(rate.numerator / rate.denominator)
    except OverflowError:  # a share beyond every float: only exact columns can hold it
        return math.inf


def _money(leaf: _Leaf, values: list[Any]) -> list[_Column]:
    return [
        (f"{leaf.name}_amount", _objects([None if m is None else m.amount for m in values])),
        (f"{leaf.name}_currency", _text([None if m is None else m.currency.value for m in values])),
    ]


def _vocabulary(leaf: _Leaf, values: list[Any]) -> list[_Column]:
    out = [(leaf.name, _text([None if m is None else m.value for m in values]))]
    if any(m.label_zh for m in leaf.kind):
        labels = [None if m is None or not m.label_zh else m.label_zh for m in values]
        out.append((f"{leaf.name}_zh", _text(labels)))
    return out


def _enum(leaf: _Leaf, values: list[Any]) -> list[_Column]:
    return [(leaf.name, _text([None if m is None else str(m.value) for m in values]))]


def _bool(leaf: _Leaf, values: list[Any]) -> list[_Column]:
    if leaf.optional or None in values:
        return [(leaf.name, pd.array(values, dtype="boolean"))]
    return [(leaf.name, np.array(values, dtype=bool))]


def _number(leaf: _Leaf, values: list[Any]) -> list[_Column]:
    return [(leaf.name, _exact(values, optional=leaf.optional))]


def _decimal(leaf: _Leaf, values: list[Any]) -> list[_Column]:
    return [(leaf.name, _objects(values))]


def _string(leaf: _Leaf, values: list[Any]) -> list[_Column]:
    return [(leaf.name, _text(values))]


def _instant(leaf: _Leaf, values: list[Any]) -> list[_Column]:
    zones = {t.tzinfo for t in values if t is not None}
    tz = zones.pop() if len(zones) == 1 else UTC_ZONE
    micros = np.array([NAT if t is None else (t - EPOCH) // US for t in values], dtype=np.int64)
    utc = pd.Series(micros.view("M8[us]"), copy=False).dt.tz_localize("UTC")
    return [(leaf.name, utc.dt.tz_convert(tz))]


def _date(leaf: _Leaf, values: list[Any]) -> list[_Column]:
    days = np.array([NAT if d is None else day_of(d) for d in values], dtype=np.int64)
    return [(leaf.name, days.view("M8[D]").astype("M8[s]"))]


def _duration(leaf: _Leaf, values: list[Any]) -> list[_Column]:
    micros = np.array([NAT if d is None else d // US for d in values], dtype=np.int64)
    return [(leaf.name, micros.view("m8[us]"))]


def _as_text(leaf: _Leaf, values: list[Any]) -> list[_Column]:
    """A target, time limit or frequency as its canonical text (`"≥ 75%"`), which its
    `parse()` reads back: one readable column, as documents write it."""
    return [(leaf.name, _text([None if v is None else str(v) for v in values]))]


_TEXTS: tuple[type, ...] = (Target, TimeLimit, Frequency)
"""Values shown as their text rather than opened up into their fields."""

_Builder = Callable[[_Leaf, list[Any]], list[_Column]]
# the first base that the field's type derives from wins: bool before int, datetime before date
_BUILDERS: tuple[tuple[type, _Builder], ...] = (
    (Rate, _rate),
    *((cls, _as_text) for cls in _TEXTS),
    (Money, _money),
    (Vocabulary, _vocabulary),
    (enum.Enum, _enum),
    (bool, _bool),
    (int, _number),
    (Fraction, _number),
    (Decimal, _decimal),
    (str, _string),
    (datetime, _instant),
    (date, _date),
    (timedelta, _duration),
)


def _exact(values: list[Any], *, optional: bool) -> Any:
    """Exact numbers: an `int64` column (`Int64` when optional) when every value is whole and
    fits, else `object` (the ints and `Fraction`s themselves)."""
    whole: list[int | None] = []
    for v in values:
        if v is None:
            whole.append(None)
        elif isinstance(v, int | Fraction) and v.denominator == 1 and _I64[0] <= v <= _I64[1]:
            whole.append(int(v))
        else:
            return _objects(values)
    if optional or None in whole:
        return pd.array(whole, dtype="Int64")
    return np.array(whole, dtype=np.int64)


def _text(values: list[Any]) -> Any:
    if all(v is None or isinstance(v, str) for v in values):
        return pd.array(values, dtype="string")
    return _objects(values)  # not text after all: the values as they are


def _objects(values: list[Any]) -> Any:
    out = np.empty(len(values), dtype=object)
    for i, v in enumerate(values):
        out[i] = pd.NA if v is None else v
    return out
