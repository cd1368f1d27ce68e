"""Working-time tables for whole columns (private).

Every table is built from the *public* API of a calendar: `working_windows(period)` gives the
working intervals of a span of days (closures cut out, DST applied, windows past midnight with
the day they start on) and `is_working_day(d)` the working days. Instants are int64
microseconds since the UTC epoch and days are int64 days since 1970-01-01, so a whole column is
answered with a few numpy passes and no Python loop per row.

A table covers the days `[first, end)`. Its lookups are exact for the instants from the first
midnight at which no earlier day's window can still be open (`first + 1`: a day's windows end
within 48 hours of its midnight) up to the midnight of `end`; a side that reaches the limit of
the calendar's data (its `covers`, or where working time can exist at all) is exact up to the
limit. Callers grow a table (doubling its span) until every row lies inside the exact part, or
report the rows that cannot (outside the calendar's data).

Binary search (`np.searchsorted`) costs about 50 ns a row on random input (branch
mispredictions). `Axis` replaces it with a grid of buckets: the bucket of a value gives the
answer for the bucket's start, and a few vectorised steps (at most the number of table entries
inside one bucket) move it to the exact answer.
"""

from __future__ import annotations

import weakref
from datetime import date, timedelta
from typing import TypeAlias, TypeVar

import numpy as np
import numpy.typing as npt

from propstd._time import EPOCH, EPOCH_ORDINAL, MAX_DATE, MIN_DATE, day_start, zone
from propstd.calendars import WorkingCalendar
from propstd.periods import Period

__all__: list[str] = []

K = TypeVar("K")
V = TypeVar("V")
I64: TypeAlias = npt.NDArray[np.int64]
IDX: TypeAlias = npt.NDArray[np.intp]

DAY_US = 86_400_000_000
US = timedelta(microseconds=1)
NAT = np.iinfo(np.int64).min
"""The int64 value of NaT."""
FAR = 1 << 62
"""Beyond every real instant, position or day (about 146,000 years of µs): sentinels."""
CHUNK_BITS = 7
"""Tables are assembled from chunks of 128 days, each built once per calendar."""
MAX_STEPS = 8
"""A grid whose buckets hold more entries than this falls back to binary search."""
MAX_BUCKETS = 1 << 20
BLOCK = 8192
"""Rows computed together: their temporaries stay in the cache (and out of fresh memory)."""
_KEEP = 16
"""Assembled tables kept per calendar (all are dropped when there are more)."""


def blocks(n: int) -> list[tuple[int, int]]:
    """`[a, b)` row ranges of at most `BLOCK` rows covering *n* rows."""
    return [(a, min(a + BLOCK, n)) for a in range(0, n, BLOCK)]


def day_of(d: date) -> int:
    """*d* as days since 1970-01-01."""
    return d.toordinal() - EPOCH_ORDINAL


def date_of(day: int) -> date:
    """Days since 1970-01-01 as a date."""
    return date.fromordinal(day + EPOCH_ORDINAL)


class Axis:
    """`searchsorted(values, x, "right") - 1` for whole columns, in O(1) a row.

    *values* is sorted, starts with a sentinel below every query and ends with `FAR`, so the
    answer is always a valid index of a real entry or of the first sentinel.
    """

    __slots__ = ("base", "grid", "last", "shift", "steps", "values")

    def __init__(self, values: I64) -> None:
        self.values = values
        self.last = len(values) - 2  # the last real entry (0: none)
        if self.last == 0:
            self.base, self.shift, self.steps = 0, 0, 0
            self.grid = np.zeros(1, dtype=np.intp)
            return
        self.base = int(values[1]) - 1
        span = int(values[-2]) - self.base
        target = min(max(8 * self.last, 64), MAX_BUCKETS)
        self.shift = (span // target).bit_length()
        starts = self.base + (np.arange((span >> self.shift) + 1, dtype=np.int64) << self.shift)
        self.grid = np.searchsorted(values, starts, side="right").astype(np.intp) - 1
        self.steps = int(np.diff(self.grid, append=self.last).max())

    def right(self, x: I64) -> IDX:
        """For each x, the index of the last entry `<= x`."""
        if self.steps > MAX_STEPS:
            return np.searchsorted(self.values, x, side="right").astype(np.intp) - 1
        b = (x - self.base) >> self.shift
        i = self.grid.take(b, mode="clip")
        values = self.values
        for _ in range(self.steps):
            i += values.take(i + 1) <= x
        return i


class TimeTable:
    """Working intervals of the days `[first, end)` with cumulative working time.

    Attributes `t_lo`, `t_hi` bound the instants whose position is exact, `p_lo`, `p_hi` the
    positions (cumulative working time) whose instant is exact.
    """

    __slots__ = ("ce", "cs", "ends", "p_hi", "p_lo", "sc", "starts", "t_hi", "t_lo", "total")

    def __init__(self, starts: I64, ends: I64) -> None:
        lengths = ends - starts
        cum_end = np.cumsum(lengths)
        cum = cum_end - lengths
        # index 0: an empty interval before everything; last: an interval after everything
        self.starts = Axis(np.concatenate(([-FAR], starts, [FAR])))
        self.cs = np.concatenate(([FAR], cum - starts, [0]))  # position of t is cs[i] + t
        self.ce = np.concatenate(([0], cum_end, [FAR]))  # position at the end of interval i
        self.ends = Axis(self.ce)
        self.sc = np.concatenate(([0], starts - cum, [0]))  # instant of position p is sc[j] + p
        self.total = int(cum_end[-1]) if len(cum_end) else 0
        self.t_lo = self.t_hi = self.p_lo = self.p_hi = 0

    def pos(self, t: I64) -> I64:
        """Working time in the table before each instant *t* (exact only within `t_lo..t_hi`)."""
        out = np.empty(len(t), dtype=np.int64)
        for a, b in blocks(len(t)):
            x = t[a:b]
            i = self.starts.right(x)
            np.minimum(self.cs.take(i) + x, self.ce.take(i), out=out[a:b])
        return out

    def at(self, p: I64, d: I64, t: I64) -> I64:
        """The instant at position *p* after working *d* from *t*.

        The earliest instant with that position when *d* > 0, the latest when *d* < 0, and
        *t* itself when *d* is zero.
        """
        out = np.empty(len(p), dtype=np.int64)
        for a, b in blocks(len(p)):
            q, dd = p[a:b], d[a:b]
            # earliest: the first interval whose end reaches q; latest: the first that passes q
            j = self.ends.right(q + (dd < 0) - 1) + 1
            r = out[a:b]
            np.add(self.sc.take(j), q, out=r)
            np.copyto(r, t[a:b], where=dd == 0)
        return out


class DayTable:
    """The working days among `[first, end)` with their ranks."""

    __slots__ = ("count", "d_hi", "d_lo", "days", "first", "rank", "size")

    def __init__(self, first: int, end: int, days: I64) -> None:
        self.first = first
        self.size = end - first
        self.count = len(days)
        self.days = np.concatenate((days, [0]))  # a pad, so a clipped index is harmless
        flags = np.zeros(self.size, dtype=np.int64)
        flags[days - first] = 1
        # rank[x]: working days before day first + x
        self.rank = np.concatenate(([0], np.cumsum(flags)))
        self.d_lo, self.d_hi = first, end

    def before(self, day: I64) -> I64:
        """Working days of the table before each *day*."""
        out: I64 = self.rank.take(day - self.first, mode="clip")
        return out


def _chunks(first: int, end: int) -> range:
    """The chunks that hold the days `[first, end)` (none if it is empty)."""
    if first >= end:
        return range(0)
    return range(first >> CHUNK_BITS, -((-end) >> CHUNK_BITS))


def _merge(starts: I64, ends: I64) -> tuple[I64, I64]:
    """Sorted, disjoint intervals from sorted-by-start ones that may overlap or touch."""
    if len(starts) == 0:
        return starts, ends
    reach = np.maximum.accumulate(ends)
    new = np.ones(len(starts), dtype=bool)
    new[1:] = starts[1:] > reach[:-1]
    first = np.flatnonzero(new)
    last = np.append(first[1:], len(starts)) - 1
    return starts[first], reach[last]


class CalendarTables:
    """The tables of one calendar: its limits, chunks built once, assembled spans."""

    def __init__(self, calendar: WorkingCalendar) -> None:
        # No reference to the calendar itself: it is the key of the weak cache.
        self.tz = zone(calendar.zone)
        covers = calendar.covers
        self.covered = covers is not None
        self.cover_first = day_of(covers.start if covers else MIN_DATE)
        self.cover_end = day_of(covers.end if covers else MAX_DATE) + (0 if covers else 1)
        self.describe = repr(calendar.name) if calendar.name else "the calendar"
        self.first_text = date_of(self.cover_first).isoformat()
        self.last_text = date_of(self.cover_end - 1).isoformat()
        # Where working time can exist at all (beyond it a search would never end).
        first, end = self.cover_first, self.cover_end
        if not any(calendar.week):
            makeup = (
                calendar.week[0] if calendar.makeup_windows is None else calendar.makeup_windows
            )
            if calendar.makeup_days and makeup:
                first = max(first, day_of(calendar.makeup_days[0]))
                end = max(min(end, day_of(calendar.makeup_days[-1]) + 2), first)
            else:
                end = first
        self.search_first, self.search_end = first, end
        self.t_lo = self.midnight(self.cover_first)
        self.t_hi = self.midnight(self.cover_end)
        weekly = sum((w.length for day in calendar.week for w in day), timedelta())
        self.weekly_us = weekly // US
        self.weekly_days = sum(1 for day in calendar.week if day)
        self._windows: dict[int, tuple[I64, I64]] = {}
        self._workdays: dict[int, I64] = {}
        self._time: dict[tuple[int, int], TimeTable] = {}
        self._days: dict[tuple[int, int], DayTable] = {}

    def midnight(self, day: int) -> int:
        """The first instant of *day* (local, by the DST policy) as µs since the epoch."""
        return (day_start(date_of(day), self.tz) - EPOCH) // US

    def span(self, first: int, end: int) -> tuple[int, int]:
        """`[first, end)` widened to whole chunks, within the days that can hold work."""
        first = (first >> CHUNK_BITS) << CHUNK_BITS
        end = -((-end) >> CHUNK_BITS) << CHUNK_BITS
        first = min(max(first, self.search_first), self.search_end)
        return first, max(min(end, self.search_end), first)

    def grown(self, first: int, end: int, *, down: bool, up: bool) -> tuple[int, int]:
        """The span doubled downwards and/or upwards (within the limits)."""
        step = max(end - first, 1 << CHUNK_BITS)
        return self.span(first - step if down else first, end + step if up else end)

    def _chunk(self, k: int, calendar: WorkingCalendar) -> tuple[I64, I64]:
        got = self._windows.get(k)
        if got is None:
            first = max(k << CHUNK_BITS, self.search_first)
            end = min((k + 1) << CHUNK_BITS, self.search_end)
            pairs = calendar.working_windows(Period(date_of(first), date_of(end)))
            flat = [(t - EPOCH) // US for pair in pairs for t in pair]
            us = np.array(flat, dtype=np.int64).reshape(-1, 2)
            got = self._windows.setdefault(k, (us[:, 0].copy(), us[:, 1].copy()))
        return got

    def time_table(self, calendar: WorkingCalendar, first: int, end: int) -> TimeTable:
        """The table of the days `[first, end)` (a span from `span()`), built once."""
        table = self._time.get((first, end))
        if table is not None:
            return table
        chunks = [self._chunk(k, calendar) for k in _chunks(first, end)]
        starts = np.concatenate([np.empty(0, np.int64), *(c[0] for c in chunks)])
        ends = np.concatenate([np.empty(0, np.int64), *(c[1] for c in chunks)])
        order = np.argsort(starts, kind="stable")
        table = TimeTable(*_merge(starts[order], ends[order]))
        zero = np.zeros(1, dtype=np.int64)
        if first <= self.search_first:
            table.t_lo, table.p_lo = self.t_lo, 0
        else:
            table.t_lo = min(self.midnight(first + 1), self.t_hi)
            table.p_lo = int(table.pos(zero + table.t_lo)[0])
        if end >= self.search_end:
            table.t_hi, table.p_hi = self.t_hi, table.total
        else:
            table.t_hi = self.midnight(end)
            table.p_hi = int(table.pos(zero + table.t_hi)[0])
        return self._keep(self._time, (first, end), table)

    def day_table(self, calendar: WorkingCalendar, first: int, end: int) -> DayTable:
        """The working days of `[first, end)` (a span from `span()`), built once."""
        table = self._days.get((first, end))
        if table is not None:
            return table
        parts = [np.empty(0, np.int64)]
        for k in _chunks(first, end):
            got = self._workdays.get(k)
            if got is None:
                lo = max(k << CHUNK_BITS, self.search_first)
                hi = min((k + 1) << CHUNK_BITS, self.search_end)
                found = [d for d in range(lo, hi) if calendar.is_working_day(date_of(d))]
                got = self._workdays.setdefault(k, np.array(found, dtype=np.int64))
            parts.append(got)
        table = DayTable(first, end, np.concatenate(parts))
        if first <= self.search_first:
            table.d_lo = self.cover_first
        if end >= self.search_end:
            table.d_hi = self.cover_end
        return self._keep(self._days, (first, end), table)

    @staticmethod
    def _keep(store: dict[K, V], key: K, value: V) -> V:
        if len(store) >= _KEEP:
            store.clear()  # atomic (no iteration a thread could disturb); rebuilding is cheap
        return store.setdefault(key, value)


_CACHE: weakref.WeakKeyDictionary[WorkingCalendar, CalendarTables] = weakref.WeakKeyDictionary()


def tables_of(calendar: WorkingCalendar) -> CalendarTables:
    """The tables of *calendar* (kept while the calendar lives; equal calendars share them)."""
    got = _CACHE.get(calendar)
    if got is None:
        got = _CACHE.setdefault(calendar, CalendarTables(calendar))
    return got
