"""Working-time arithmetic over whole columns (private part of `propstd.frames`).

Each function reads its columns as int64 (`_columns`), picks a span of days that should hold
every answer, and looks every row up in that span's table (`_lookup`) with a few numpy passes.
A row the table cannot answer exactly makes the span grow (doubling, towards the limits of the
calendar's data); a row that still cannot be answered at the limits is outside the calendar's
data, and the error names the first such row.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import numpy as np

from propstd._repr import shown
from propstd._validators import check_type
from propstd.calendars import WorkingCalendar
from propstd.errors import CalendarCoverageError
from propstd.frames import _columns
from propstd.frames._columns import BOOLS, Column
from propstd.frames._lookup import (
    DAY_US,
    I64,
    NAT,
    CalendarTables,
    DayTable,
    TimeTable,
    tables_of,
)

__all__: list[str] = []

T = TypeVar("T")
_LIMIT = 1 << 60
"""Instants and durations beyond ±2**60 µs (36,000 years) are clipped: never answerable."""
_FAR_DAYS = 1 << 30


class _Input:
    """The two columns of a call, and their values ready for the tables.

    Rows with a missing value in either column (`nat`) get the values of the first complete
    row, so every lookup stays inside the tables; their answers become NaT at the end. Values
    beyond ±2**60 are clipped (they are outside every calendar anyway).
    """

    def __init__(self, calendar: WorkingCalendar, first: Column, second: Column) -> None:
        self.first, self.second = first, second
        self.nat = None if first.nat is None else first.nat
        if second.nat is not None:
            self.nat = second.nat if self.nat is None else self.nat | second.nat
        complete = np.flatnonzero(~self.nat) if self.nat is not None else range(len(first))
        self.complete = len(complete) > 0
        self.tables = tables_of(calendar)
        k = int(complete[0]) if self.complete else 0
        self.a = self._values(first, k) if self.complete else first.values
        self.b = self._values(second, k) if self.complete else second.values

    def _values(self, col: Column, k: int) -> I64:
        values = col.values if self.nat is None else np.where(self.nat, col.values[k], col.values)
        if values.min() < -_LIMIT or values.max() > _LIMIT:
            values = np.clip(values, -_LIMIT, _LIMIT)
        return values

    def nothing(self) -> I64:
        """All NaT, one a row."""
        return np.full(len(self.first), NAT)


def _days_for(amount: int, per_week: int) -> int:
    """Days that probably hold *amount* of work at *per_week* a week (a guess: a short span
    grows)."""
    if amount <= 0:
        return 0
    if not per_week:
        return _FAR_DAYS
    return min(amount * 7 // per_week, _FAR_DAYS) * 3 // 2 + 14


def _settle(
    tables: CalendarTables,
    span: tuple[int, int],
    build: Callable[[int, int], T],
    probe: Callable[[T], tuple[bool, bool]],
) -> tuple[T, bool]:
    """The table for *span*, grown until *probe* finds no row outside it or it cannot grow.

    Returns the table and whether some row is still outside (outside the calendar's data).
    """
    first, end = tables.span(*span)
    while True:
        table = build(first, end)
        low, high = probe(table)
        down = low and first > tables.search_first
        up = high and end < tables.search_end
        if not (down or up):
            return table, low or high
        first, end = tables.grown(first, end, down=down, up=up)


def _first(bad: BOOLS, nat: BOOLS | None) -> int:
    if nat is not None:
        bad &= ~nat
    return int(np.flatnonzero(bad)[0])


def _outside(tables: CalendarTables, col: Column, i: int, what: str = "") -> CalendarCoverageError:
    """The coverage error for row *i* of *col*."""
    value = col.value(i)
    subject = f"{col.row(i)}: {what or shown(value)}"
    if tables.covered:
        msg = (
            f"{subject} is outside the dates {tables.describe} covers ({tables.first_text} to "
            f"{tables.last_text}); it does not guess beyond them"
        )
    else:
        msg = (
            f"{subject} is outside the working time {tables.describe} can count (it has none "
            "in that direction within years 0002-9998)"
        )
    return CalendarCoverageError(msg, field=col.name, value=value)


def _missing(values: I64, nat: BOOLS | None) -> I64:
    if nat is not None:
        values[nat] = NAT
    return values


def add_working_time(calendar: WorkingCalendar, starts: Any, durations: Any) -> Any:
    """Add working time to every start: a column of deadlines.

    Row by row the same answer as
    [WorkingCalendar.add_working_time][propstd.calendars.WorkingCalendar.add_working_time]:
    the earliest instant at which the duration has been worked (a start outside working time
    counts from the next opening; the last minute of a day lands on the closing time; a zero
    duration gives the start; a negative one counts back), exact to the microsecond.

    Args:
        calendar: the working calendar.
        starts: aware instants: a tz-aware `datetime64` Series, a numpy `datetime64` array
            (read as UTC), or an object Series/array of aware datetimes in one zone.
        durations: a `timedelta64` column of the same length (an object column of
            `timedelta`s also works), or one `timedelta` for every row.

    Returns:
        For a Series, a Series with the same index in the calendar's zone
        (`datetime64[us, zone]`); for a numpy array, a UTC `datetime64[us]` array. A missing
        start or duration (NaT) gives NaT.

    Raises:
        TypeError: *calendar* is not a `WorkingCalendar`, or *starts* is not a Series or array.
        NaiveDatetimeError: *starts* holds naive datetimes.
        InvalidValueError: a column of the wrong kind (numbers for durations, mixed zones,
            values finer than a microsecond), of another length or index; the message names
            the first bad row.
        CalendarCoverageError: a start, or its deadline, is outside the dates the calendar
            covers; the message names the first such row.

    Examples:
        >>> import pandas as pd
        >>> from propstd.calendars import china_calendar
        >>> starts = pd.Series(pd.to_datetime(["2025-09-30 17:00", "2025-10-09 11:30"]))
        >>> starts = starts.dt.tz_localize("Asia/Shanghai")
        >>> due = add_working_time(china_calendar(), starts, pd.Timedelta(hours=2))
        >>> due.dt.strftime("%Y-%m-%d %H:%M").tolist()
        ['2025-10-09 10:00', '2025-10-09 15:00']
    """
    check_type("calendar", calendar, WorkingCalendar)
    start_col = _columns.instants("starts", starts)
    duration_col = _columns.durations("durations", durations, start_col)
    rows = _Input(calendar, start_col, duration_col)
    if not rows.complete:
        return _columns.out_instants(rows.nothing(), start_col, calendar.zone)
    tables, nat, t, d = rows.tables, rows.nat, rows.a, rows.b
    t_min, t_max, d_min, d_max = int(t.min()), int(t.max()), int(d.min()), int(d.max())
    span = (
        t_min // DAY_US - 3 - _days_for(-d_min, tables.weekly_us),
        t_max // DAY_US + 4 + _days_for(d_max, tables.weekly_us),
    )
    p = t

    def probe(table: TimeTable) -> tuple[bool, bool]:
        nonlocal p
        p = table.pos(t)
        p += d
        p_min, p_max = int(p.min()), int(p.max())
        return t_min < table.t_lo or p_min < table.p_lo, t_max > table.t_hi or p_max > table.p_hi

    table, stuck = _settle(tables, span, lambda a, b: tables.time_table(calendar, a, b), probe)
    if stuck:
        outside = (t < table.t_lo) | (t > table.t_hi)
        i = _first(outside | (p < table.p_lo) | (p > table.p_hi), nat)
        if outside[i]:
            raise _outside(tables, start_col, i)
        what = f"the deadline {shown(duration_col.value(i))} from {shown(start_col.value(i))}"
        raise _outside(tables, duration_col, i, what)
    result = table.at(p, d, t)
    return _columns.out_instants(_missing(result, nat), start_col, calendar.zone)


def working_time_between(calendar: WorkingCalendar, starts: Any, ends: Any) -> Any:
    """The working time between every start and end: a column of durations.

    Row by row the same answer as
    [WorkingCalendar.working_time_between][propstd.calendars.WorkingCalendar.working_time_between]:
    the working time inside `[start, end)`, negative if the end is before the start, exact to
    the microsecond.

    Args:
        calendar: the working calendar.
        starts: aware instants (as for
            [add_working_time()][propstd.frames.add_working_time]).
        ends: aware instants of the same length, or one aware `datetime` for every row.

    Returns:
        `timedelta64[us]`: a Series with the index of *starts*, or a numpy array. A missing
        start or end gives NaT.

    Raises:
        TypeError: *calendar* is not a `WorkingCalendar`, or *starts* is not a Series or array.
        NaiveDatetimeError: a column holds naive datetimes.
        InvalidValueError: a column of the wrong kind, length or index (the first bad row).
        CalendarCoverageError: an instant is outside the dates the calendar covers (the first
            such row).

    Examples:
        >>> import pandas as pd
        >>> from propstd.calendars import china_calendar
        >>> zone = "Asia/Shanghai"
        >>> starts = pd.Series(pd.to_datetime(["2025-09-30 17:00"])).dt.tz_localize(zone)
        >>> ends = pd.Series(pd.to_datetime(["2025-10-09 10:00"])).dt.tz_localize(zone)
        >>> working_time_between(china_calendar(), starts, ends).tolist()
        [Timedelta('0 days 02:00:00')]
    """
    check_type("calendar", calendar, WorkingCalendar)
    start_col = _columns.instants("starts", starts)
    end_col = _columns.instants("ends", ends, start_col)
    rows = _Input(calendar, start_col, end_col)
    if not rows.complete:
        return _columns.out_durations(rows.nothing(), start_col)
    tables, nat, a, b = rows.tables, rows.nat, rows.a, rows.b
    lo, hi = min(int(a.min()), int(b.min())), max(int(a.max()), int(b.max()))
    span = (lo // DAY_US - 3, hi // DAY_US + 4)

    def probe(table: TimeTable) -> tuple[bool, bool]:
        return lo < table.t_lo, hi > table.t_hi

    table, stuck = _settle(tables, span, lambda x, y: tables.time_table(calendar, x, y), probe)
    if stuck:
        bad_a = (a < table.t_lo) | (a > table.t_hi)
        i = _first(bad_a | (b < table.t_lo) | (b > table.t_hi), nat)
        raise _outside(tables, start_col if bad_a[i] else end_col, i)
    result = table.pos(b)
    result -= table.pos(a)
    return _columns.out_durations(_missing(result, nat), start_col)


def add_working_days(calendar: WorkingCalendar, dates: Any, days: Any) -> Any:
    """Move every date by a number of working days: a column of dates.

    Row by row the same answer as
    [WorkingCalendar.add_working_days][propstd.calendars.WorkingCalendar.add_working_days]:
    the n-th working day after the date (the date itself is not counted; n = 0 gives the date
    if it is a working day, else the next one; a negative n goes back).

    Args:
        calendar: the working calendar.
        dates: a `datetime64[D]` array, a naive pandas date column (`datetime64`, at
            midnight), or an object Series/array of `datetime.date`.
        days: an integer column of the same length (nullable `Int64` too), or one `int` for
            every row.

    Returns:
        For a Series, a `datetime64[s]` Series with the same index (use `.dt.date` for `date`
        objects); for a numpy array, a `datetime64[D]` array. A missing date or count gives
        NaT.

    Raises:
        TypeError: *calendar* is not a `WorkingCalendar`, or *dates* is not a Series or array.
        InvalidValueError: a column of the wrong kind (instants or times of day for dates,
            floats for days), length or index; the message names the first bad row.
        CalendarCoverageError: a date, or its answer, is outside the dates the calendar
            covers (the first such row).

    Examples:
        >>> import numpy as np
        >>> from propstd.calendars import china_calendar
        >>> days = np.array(["2025-09-30", "2025-10-11"], dtype="datetime64[D]")
        >>> add_working_days(china_calendar(), days, 1)
        array(['2025-10-09', '2025-10-13'], dtype='datetime64[D]')
    """
    check_type("calendar", calendar, WorkingCalendar)
    date_col = _columns.dates("dates", dates)
    count_col = _columns.counts("days", days, date_col)
    rows = _Input(calendar, date_col, count_col)
    if not rows.complete:
        return _columns.out_dates(rows.nothing(), date_col)
    tables, nat, o, n = rows.tables, rows.nat, rows.a, rows.b
    o_min, o_max = int(o.min()), int(o.max())
    span = (
        o_min - 3 - _days_for(-int(n.min()), tables.weekly_days),
        o_max + 4 + _days_for(int(n.max()), tables.weekly_days),
    )
    ahead = n > 0
    i = n

    def probe(table: DayTable) -> tuple[bool, bool]:
        nonlocal i
        i = table.before(o + ahead) + n - ahead
        low = o_min < table.d_lo or int(i.min()) < 0
        return low, o_max >= table.d_hi or int(i.max()) >= table.count

    table, stuck = _settle(tables, span, lambda x, y: tables.day_table(calendar, x, y), probe)
    if stuck:
        outside = (o < table.d_lo) | (o >= table.d_hi)
        j = _first(outside | (i < 0) | (i >= table.count), nat)
        if outside[j]:
            raise _outside(tables, date_col, j)
        what = f"{shown(count_col.value(j))} working days from {shown(date_col.value(j))}"
        raise _outside(tables, count_col, j, what)
    return _columns.out_dates(_missing(table.days.take(i), nat), date_col)
