"""Due-at and state columns for a table of requests (private part of `propstd.frames`).

Each milestone's deadline is computed per limit for all the rows it applies to at once, the
same rule as [propstd.timelimits.deadline][propstd.timelimits.deadline]:

- natural minutes and hours: real elapsed time added to every start (int64 microseconds);
- natural days, weeks, months and years: the deadline depends on the start's local date only,
  so it is computed once per distinct date (the scalar `deadline()`) and spread back;
- working minutes and hours: [add_working_time][propstd.frames.add_working_time];
- working days: [add_working_days][propstd.frames.add_working_days] over the local dates,
  then the close of each distinct working day reached (0 days: the start's own close when
  the start is before it).

States follow [MilestoneState][propstd.timelines.MilestoneState]; `overdue` is a breach whose
target is not done yet.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable
from datetime import datetime, tzinfo
from typing import Any, TypeVar

import numpy as np
import pandas as pd

from propstd._repr import shown
from propstd._time import EPOCH, MAX_DATE, MIN_DATE, day_start, latest
from propstd._time import zone as _zone_of
from propstd._validators import check_aware, check_type
from propstd._vocab import to_member
from propstd.calendars import WorkingCalendar
from propstd.errors import (
    CalendarCoverageError,
    InvalidValueError,
    NaiveDatetimeError,
    PropstdError,
)
from propstd.findings import RectificationPolicy, Severity
from propstd.frames._columns import Column, instants
from propstd.frames._from_frame import where
from propstd.frames._lookup import I64, NAT, US, date_of, day_of
from propstd.frames._working_time import add_working_days, add_working_time
from propstd.repairs import RepairCategory, RepairLimits
from propstd.standard import ServiceStandard
from propstd.timelimits import Clock, TimeLimit, TimeUnit, deadline
from propstd.timelines import Milestone

__all__: list[str] = []

STATES = ("met", "breached", "pending", "overdue", "not_set", "not_applicable")
"""The words of a `<milestone>_state` column."""
_KINDS = ("repairs", "complaints", "findings")
_STARTS = {"repairs": "received_at", "complaints": "received_at", "findings": "found_at"}
V = TypeVar("V", Severity, RepairCategory)
_SHORT = (TimeUnit.MINUTE, TimeUnit.HOUR)
_FIRST_DAY, _LAST_DAY = day_of(MIN_DATE), day_of(MAX_DATE)
_ROW = re.compile(r"'[a-z]+' row ([0-9]+): ")


class _Rows:
    """The start instants of one milestone's rows, as µs since the epoch, and their local
    dates in the calendar's zone; names a row in messages."""

    def __init__(self, frame: pd.DataFrame, column: Column, us: I64, tz: tzinfo) -> None:
        self.frame = frame
        self.column = column
        self.us = us
        self.tz = tz
        present = us != NAT
        filled = np.where(present, us, 0)
        local = pd.DatetimeIndex(filled.view("M8[us]")).tz_localize("UTC").tz_convert(tz)
        self.days: I64 = np.asarray(local.tz_localize(None).values.astype("M8[D]").view(np.int64))
        outside = present & ((self.days < _FIRST_DAY) | (self.days > _LAST_DAY))
        if outside.any():
            raise self.refuse(int(np.flatnonzero(outside)[0]), "must fall within years 0002-9998")

    def refuse(self, i: int, problem: str) -> InvalidValueError:
        """The error for the start of row *i*."""
        return self.column.refuse(i, problem)

    def failed(self, i: int, exc: PropstdError) -> PropstdError:
        """*exc* (raised for the start of row *i*) naming the row and the column."""
        message = f"{self.column.row(i)}: {exc.message}"
        return type(exc)(message, field=self.column.name, value=exc.value)


def _limit_due(
    rows: _Rows, which: np.ndarray[Any, Any], limit: TimeLimit, cal: WorkingCalendar
) -> I64:
    """The deadlines of the rows *which* (indices, every start present) under *limit*."""
    us = rows.us[which]
    if limit.clock is Clock.NATURAL and limit.unit in _SHORT:
        due: I64 = np.asarray(us + limit.duration // US, dtype=np.int64)
        last = (latest(rows.tz) - EPOCH) // US
        if len(due) and int(due.max()) > last:
            i = int(which[int(np.argmax(due))])
            raise rows.refuse(i, f"has its deadline of {str(limit)!r} after 9998-12-31")
        return due
    if limit.clock is Clock.NATURAL:
        return _per_day(rows, which, lambda d: _scalar(rows, d, limit, cal))
    if limit.unit is not TimeUnit.DAY:
        try:
            got = add_working_time(cal, us.view("M8[us]"), limit.duration)
        except PropstdError as exc:
            raise _named(rows, which, exc) from None
        return np.asarray(got.view(np.int64))
    if limit.amount >= 1:
        return _closes(rows, which, _working_days(rows, which, cal, limit.amount), cal)
    own = _per_day(rows, which, lambda d: _own_close(cal, d))
    today = (own != NAT) & (us < own)
    nxt = _closes(rows, which, _working_days(rows, which, cal, 1), cal)
    return np.where(today, own, nxt)


def _scalar(rows: _Rows, day: int, limit: TimeLimit, cal: WorkingCalendar) -> int:
    """The deadline of a start on local date *day* (the rule depends on the date only)."""
    return _us(deadline(day_start(date_of(day), rows.tz), limit, calendar=cal))


def _own_close(cal: WorkingCalendar, day: int) -> int:
    d = date_of(day)
    return _us(cal.end_of_working_day(d)) if cal.is_working_day(d) else int(NAT)


def _working_days(rows: _Rows, which: np.ndarray[Any, Any], cal: WorkingCalendar, n: int) -> I64:
    """The *n*-th working day after each row's local date, as days."""
    try:
        got = add_working_days(cal, rows.days[which].view("M8[D]"), n)
    except PropstdError as exc:
        raise _named(rows, which, exc) from None
    return np.asarray(got.view(np.int64))


def _named(rows: _Rows, which: np.ndarray[Any, Any], exc: PropstdError) -> PropstdError:
    """An error of the working-time functions about their `k`-th row (`'starts' row k: ...`,
    the format of `frames._columns`) told about the start column's row."""
    found = _ROW.match(exc.message)
    if found is None:  # pragma: no cover - every refusal of those functions names its row
        return exc
    inner = type(exc)(exc.message[found.end() :], field=exc.field, value=exc.value)
    return rows.failed(int(which[int(found[1])]), inner)


def _closes(rows: _Rows, which: np.ndarray[Any, Any], days: I64, cal: WorkingCalendar) -> I64:
    """The close of each working day in *days* (one scalar call per distinct day)."""
    unique, inverse = np.unique(days, return_inverse=True)
    closes = np.empty(len(unique), dtype=np.int64)
    for k, day in enumerate(unique.tolist()):
        try:
            closes[k] = _us(cal.end_of_working_day(date_of(day)))
        except PropstdError as exc:  # pragma: no cover - add_working_days checked the day
            raise rows.failed(int(which[int(np.argmax(inverse == k))]), exc) from None
    return closes[inverse]


def _per_day(rows: _Rows, which: np.ndarray[Any, Any], one: Callable[[int], int]) -> I64:
    """`one(day)` for each row's local date, computed once per distinct date."""
    unique, inverse = np.unique(rows.days[which], return_inverse=True)
    out = np.empty(len(unique), dtype=np.int64)
    for k, day in enumerate(unique.tolist()):
        try:
            out[k] = one(day)
        except (CalendarCoverageError, InvalidValueError) as exc:
            raise rows.failed(int(which[int(np.argmax(inverse == k))]), exc) from None
    return out[inverse]


def _us(t: datetime) -> int:
    return (t - EPOCH) // US


# -- the frame --------------------------------------------------------------------------------


class _Frame:
    """The request frame being read: its instant columns as µs, checked once each; naive
    `datetime64` columns are wall times in *naive* (`None`: refused)."""

    def __init__(self, df: pd.DataFrame, tz: tzinfo, naive: tzinfo | None) -> None:
        self.df = df
        self.tz = tz
        self.naive = naive
        self.columns: dict[Hashable, tuple[Column, I64]] = {}

    def instants(self, name: str, *, required: bool) -> tuple[Column, I64] | None:
        """Column *name* as aware instants (µs, NaT missing); `None` if absent and optional."""
        if name not in self.df.columns:
            if not required:
                return None
            msg = f"'df' needs the column {name!r}; it has {shown(list(self.df.columns))}"
            raise InvalidValueError(msg, field=name, value=tuple(self.df.columns))
        got = self.columns.get(name)
        if got is None:
            series = self.df[name].rename(None)
            if self.naive is not None and series.dtype.kind == "M" and series.dt.tz is None:
                series = _localized(series, self.naive)
            try:
                col = instants(name, series)
            except NaiveDatetimeError as exc:
                msg = f"{exc.message}; or pass zone= (the zone the times were recorded in)"
                raise NaiveDatetimeError(msg, field=exc.field, value=exc.value) from None
            got = self.columns[name] = (col, col.values.copy())
        return got


def _localized(series: pd.Series, tz: tzinfo) -> pd.Series:
    """Naive wall times as instants in *tz*, by the library's DST rule (`_time.local_instant`):
    a time in a spring-forward gap moves to the first instant after it, a time in a fall-back
    overlap takes its first occurrence."""
    first = np.ones(len(series), dtype=bool)
    return series.dt.tz_localize(tz, ambiguous=first, nonexistent="shift_forward")


def _members(df: pd.DataFrame, name: str, vocab: type[V], what: str) -> list[V]:
    """The member of *vocab* every row names (English, Chinese or any word of it)."""
    if name not in df.columns:
        msg = f"'df' needs the column {name!r} ({what}); it has {shown(list(df.columns))}"
        raise InvalidValueError(msg, field=name, value=tuple(df.columns))
    values = df[name].tolist()
    seen: dict[str, V] = {}
    out = []
    for i, value in enumerate(values):
        member = seen.get(value) if isinstance(value, str) else None
        if member is None:
            try:
                member = to_member(name, vocab, value)
            except (InvalidValueError, TypeError) as exc:
                msg = f"'df' column {name!r} {where(df.index, i)}: {exc}"
                raise InvalidValueError(msg, field=name, value=value) from None
            seen[value] = member  # a word or a member: a str
        out.append(member)
    return out


class _Milestone:
    """One milestone of the frame: its name, the columns it reads, its limit per row."""

    def __init__(self, name: str, milestone: Milestone | None, n: int) -> None:
        self.name = name
        self.target = None if milestone is None else milestone.target.value
        self.start = None if milestone is None else milestone.start.value
        self.limits: list[TimeLimit | None] = [None if milestone is None else milestone.limit] * n


def _part(standard: ServiceStandard, kind: str) -> Any:
    """The part of *standard* that sets the limits of *kind*, refused when it is not set."""
    name = {"repairs": "repairs", "complaints": "complaints", "findings": "rectification"}[kind]
    part = getattr(standard, name)
    if part is None:
        msg = f"the standard {standard.name!r} sets no {kind} limits ({name!r} is not set)"
        raise InvalidValueError(msg, field="standard", value=standard.name)
    return part


def _repair_milestones(limits: RepairLimits, cats: list[RepairCategory]) -> list[_Milestone]:
    out = []
    for name, table, target in (
        ("arrival", limits.arrival, "arrived"),
        ("completion", limits.completion, "completed"),
    ):
        m = _Milestone(name, None, len(cats))
        m.target, m.start = target, "received"
        m.limits = [table.get(c) for c in cats]
        out.append(m)
    return out


def _finding_milestones(
    policy: RectificationPolicy, severities: list[Severity]
) -> list[_Milestone]:
    limits = dict(policy.limits)
    m = _Milestone("rectification", None, len(severities))
    m.target, m.start = "rectified", "received"
    m.limits = [limits.get(s) for s in severities]
    return [m]


def _milestones(
    standard: ServiceStandard, df: pd.DataFrame, kind: str, category: str, severity: str
) -> tuple[list[_Milestone], np.ndarray[Any, Any] | None]:
    """The milestones of *kind* with each row's limit, and which rows are scheduled orders."""
    part = _part(standard, kind)
    if kind == "repairs":
        cats = _members(df, category, RepairCategory, "the repair category")
        scheduled = np.array([c is RepairCategory.SCHEDULED for c in cats], dtype=bool)
        return _repair_milestones(part, cats), scheduled
    if kind == "findings":
        severities = _members(df, severity, Severity, "the finding's severity")
        return _finding_milestones(part, severities), None
    names = ("response", "reply", "resolution", "revisit")
    return [_Milestone(name, getattr(part, name), len(df)) for name in names], None


def _starts(
    frame: _Frame,
    m: _Milestone,
    start: str,
    scheduled: np.ndarray[Any, Any] | None,
    appointment: str,
) -> tuple[Column, I64] | None:
    """The instants the milestone counts from (`None`: the milestone sets no limit, or it
    starts at another event whose column the frame does not have: no row has started it)."""
    if m.start is None:
        return None
    own = m.start == "received"
    got = frame.instants(start if own else f"{m.start}_at", required=own)
    if got is None or scheduled is None or not scheduled.any():
        return got
    col, us = got
    booked = frame.instants(appointment, required=False)
    if booked is None:
        i = int(np.flatnonzero(scheduled)[0])
        msg = (
            f"'df' needs the column {appointment!r}: a scheduled order counts from its "
            f"appointment ({where(frame.df.index, i)} is scheduled)"
        )
        raise InvalidValueError(msg, field=appointment, value=tuple(frame.df.columns))
    at_col, at = booked
    lacking = scheduled & (at == NAT) & (us != NAT)
    if lacking.any():
        raise at_col.refuse(int(np.flatnonzero(lacking)[0]), "is required for a scheduled order")
    return col, np.where(scheduled & (us != NAT), np.maximum(us, at), us)


def _due(frame: _Frame, m: _Milestone, got: tuple[Column, I64], cal: WorkingCalendar) -> I64:
    """The deadline of every row (NaT: no start, or no limit)."""
    col, us = got
    rows = _Rows(frame.df, col, us, frame.tz)
    due = np.full(len(us), NAT, dtype=np.int64)
    present = us != NAT
    by: dict[TimeLimit, list[int]] = {}
    for i, limit in enumerate(m.limits):
        if limit is not None and present[i]:
            by.setdefault(limit, []).append(i)
    for limit, rows_of in by.items():
        which = np.array(rows_of, dtype=np.intp)
        due[which] = _limit_due(rows, which, limit, cal)
    return due


def _states(m: _Milestone, starts: I64, due: I64, done: I64 | None, as_of: int | None) -> Any:
    """The state of every row (`None` where it cannot be said without *as_of*)."""
    n = len(due)
    state = np.full(n, None, dtype=object)
    set_ = np.array([limit is not None for limit in m.limits], dtype=bool)
    started = starts != NAT
    if as_of is not None:
        started &= starts <= as_of
    finished = np.zeros(n, dtype=bool) if done is None else done != NAT
    if done is not None and as_of is not None:
        finished &= done <= as_of
    judged = set_ & started
    if done is not None:
        state[judged & finished & (done <= due)] = "met"
        state[judged & finished & (done > due)] = "breached"
    if as_of is not None:
        state[judged & ~finished & (as_of <= due)] = "pending"
        state[judged & ~finished & (as_of > due)] = "overdue"
    state[set_ & ~started] = "not_applicable"
    state[~set_] = "not_set"
    return state


def deadlines(
    standard: ServiceStandard,
    df: pd.DataFrame,
    *,
    kind: str = "repairs",
    as_of: datetime | None = None,
    start: str | None = None,
    zone: str | None = None,
    category: str = "category",
    severity: str = "severity",
    appointment: str = "appointment",
) -> pd.DataFrame:
    """A copy of a table of requests with due-at and state columns for every milestone.

    One row is one request (a repair order, a complaint or a finding); its instants are
    columns of aware instants (tz-aware `datetime64`, or an object column of aware datetimes
    in one zone), or naive `datetime64` wall times with *zone*. The limits are those of
    *standard* and the calendar the one it names for the part (`standard.calendar(kind)`):

    - `kind="repairs"`: the milestones `arrival` (done at `arrived_at`) and `completion` (done
      at `completed_at`), each with the limit of the row's category (column *category*: the
      English value or Chinese word, `急修`) in `standard.repairs`. A scheduled order counts
      from its appointment (column *appointment*, required for scheduled rows), as
      [repair_status][propstd.repairs.repair_status] does.
    - `kind="complaints"`: `response`, `reply`, `resolution` and `revisit` of
      `standard.complaints`: each done at the column of its target event (`responded_at`,
      `closed_at`, `revisited_at` ... `<event>_at`), counted from *start*, or from
      `<event>_at` when the milestone starts at another event (the revisit: from `closed_at`).
    - `kind="findings"`: `rectification` (done at `rectified_at`), counted from `found_at`
      with the limit of the row's severity (column *severity*) in `standard.rectification`, as
      [RectificationPolicy.rectify_by][propstd.findings.RectificationPolicy.rectify_by].

    For each milestone `<name>_due` (the deadline, in the calendar's zone, NaT where the start
    is missing or no limit is set) and `<name>_state`:

    - `met`: done at or before the deadline; `breached`: done after it;
    - `pending`: not done as of *as_of*, and the deadline has not passed (`as_of <= due`);
      `overdue`: not done and the deadline has passed (a breach still open);
    - `not_set`: the standard sets no limit for it (a category without that limit);
    - `not_applicable`: no start (NaT), or the start is after *as_of*.

    The words are those of [MilestoneState][propstd.timelines.MilestoneState] where it has
    them (its `breached` covers both `breached` and `overdue`). A done-at column the frame does
    not have means "not done" for every row (and a missing `<event>_at` a milestone counts
    from, "not started"); a done-at after *as_of* is not done yet. Without
    *as_of*, the state of a row not done is missing (NaN): never a guess. The state columns
    are categorical (every state a category, so `value_counts()` lists them all).

    Every deadline is the one [propstd.timelimits.deadline][propstd.timelimits.deadline] gives
    for the row's start and limit, computed for the whole column at once. **Pauses, reopens and
    priority changes are not read**: for orders that were paused (waiting for parts, the owner
    away), judge them one by one with [repair_status][propstd.repairs.repair_status] (or
    [Timeline.status][propstd.timelines.Timeline.status]).

    Args:
        standard: the property's service standard.
        df: one request a row.
        kind: `"repairs"`, `"complaints"` or `"findings"`.
        as_of: the instant of the judgement (aware); `None`: only done rows are judged.
        start: the column of the instant each request starts (default `received_at`, for
            findings `found_at`).
        zone: the zone (IANA key) of naive `datetime64` columns, read as wall times there (a
            time in a DST gap moves to the first instant after it, one in an overlap takes
            its first occurrence); `None`: naive columns are refused.
        category: the column of the repair category (repairs only).
        severity: the column of the finding's severity (findings only).
        appointment: the column of a scheduled order's appointment (repairs only).

    Returns:
        A copy of *df* with the columns added (replacing columns of the same names).

    Raises:
        TypeError: *standard* is not a `ServiceStandard` or *df* not a DataFrame.
        InvalidValueError: *kind* or *zone* is unknown; the standard does not set that part;
            a column needed is missing, or holds something else than instants (or categories);
            a scheduled order has no appointment; a start is outside years 0002-9998 or its
            deadline after them. The message names the column and the first bad row.
        NaiveDatetimeError: a column holds naive times and *zone* is `None`, or *as_of* is
            naive.
        CalendarCoverageError: a working-clock deadline reaches outside the calendar's data
            (the column and row named).

    Examples:
        >>> import pandas as pd
        >>> from datetime import datetime
        >>> from zoneinfo import ZoneInfo
        >>> from propstd.frames import deadlines
        >>> from propstd.standard import PropertyProfile, ServiceStandard
        >>> profile = PropertyProfile(name="翠湖花园", area_m2=120_000, households=1_150,
        ...                           kind="综合小区", phase="operation")
        >>> standard = ServiceStandard.preset("seed", property=profile)
        >>> orders = pd.DataFrame({
        ...     "category": ["急修", "ordinary"],
        ...     "received_at": pd.to_datetime(["2025-03-03 09:00", "2025-03-03 10:00"]),
        ...     "arrived_at": pd.to_datetime(["2025-03-03 09:12", None]),
        ... })
        >>> as_of = datetime(2025, 3, 3, 11, tzinfo=ZoneInfo("Asia/Shanghai"))
        >>> out = deadlines(standard, orders, as_of=as_of, zone="Asia/Shanghai")
        >>> out[["arrival_due", "arrival_state", "completion_state"]]
                        arrival_due arrival_state completion_state
        0 2025-03-03 09:15:00+08:00           met          not_set
        1 2025-03-03 10:15:00+08:00       overdue          not_set

        Naive times without *zone* are refused, naming the column and row:

        >>> deadlines(standard, orders, as_of=as_of)
        Traceback (most recent call last):
        ...
        propstd.errors.NaiveDatetimeError: 'received_at' row 0 must hold aware instants ...
    """
    check_type("standard", standard, ServiceStandard)
    if not isinstance(df, pd.DataFrame):
        msg = f"'df' must be a pandas DataFrame, got {type(df).__name__}"
        raise TypeError(msg)
    if kind not in _KINDS:
        msg = f"'kind' must be one of {', '.join(map(repr, _KINDS))}, got {shown(kind)}"
        raise InvalidValueError(msg, field="kind", value=kind)
    cal = standard.calendar(kind)
    at = None if as_of is None else _us(check_aware("as_of", as_of))
    frame = _Frame(df, _zone_of(cal.zone), None if zone is None else _zone_of(zone))
    milestones, scheduled = _milestones(standard, df, kind, category, severity)
    out = df.copy()
    none = np.full(len(df), NAT, dtype=np.int64)
    for m in milestones:
        got = _starts(frame, m, start or _STARTS[kind], scheduled, appointment)
        due = none if got is None else _due(frame, m, got, cal)
        done = None if m.target is None else frame.instants(f"{m.target}_at", required=False)
        out[f"{m.name}_due"] = _zoned(due, df.index, cal.zone)
        states = _states(
            m, none if got is None else got[1], due, None if done is None else done[1], at
        )
        out[f"{m.name}_state"] = pd.Series(
            pd.Categorical(states, categories=STATES), index=df.index
        )
    return out


def _zoned(values: I64, index: pd.Index, zone: str) -> pd.Series:
    series = pd.Series(values.view("M8[us]"), index=index, copy=False)
    return series.dt.tz_localize("UTC").dt.tz_convert(zone)
