"""The working-time engine behind `WorkingCalendar` (private).

Tables are built with instants as integers (microseconds since the UTC epoch) and stored as
`timedelta`s since the epoch: `t - EPOCH` is then the only conversion an aware input needs,
bisect compares timedeltas in C, and a working-time answer is already a `timedelta` (exact
integers of microseconds either way). Time is cut into fixed blocks of 512 UTC days; for each
block the engine builds, once and lazily, the sorted working intervals inside it (window starts
and ends as real instants, closures cut out, clipped to the block) and the cumulative working
time before each interval. Dates are cut into blocks of 512 days holding the sorted ordinals
of their working days. Every query is one or two `bisect`s in one block, plus a walk over
whole-block totals when a span crosses blocks.

Wall-clock to instant (DST policy of `propstd._time.local_instant`): on a day whose UTC
offset is the same at both midnights (and not ambiguous there) every wall-clock time maps with
that offset; other days go through `local_instant` (a gap moves forward to the first real
instant, an overlap takes the first occurrence). A zone that changes its offset twice within
one day and back is not distinguished from one that does not change it; no zone in the tz
database does that.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import NoReturn

from propstd._repr import shown
from propstd._time import DAY, EPOCH, EPOCH_ORDINAL, MAX_DATE, MIN_DATE, local_instant
from propstd._validators import check_aware, check_date, check_int, check_timedelta
from propstd.errors import CalendarCoverageError, InvalidValueError

__all__: list[str] = []

US = timedelta(microseconds=1)
ZERO = timedelta(0)
_TWO_DAYS = timedelta(days=2)
DAY_US = 86_400_000_000
DAY_BITS = 9  # blocks of 512 days, for instants (UTC days) and for dates
BLOCK_US = DAY_US << DAY_BITS
# The dates propstd computes with (years 0002-9998, §14.10), as ordinals [FIRST_ORD, END_ORD):
# a year of margin on each side, so no table or answer comes near `date.min` or `date.max`.
FIRST_ORD = MIN_DATE.toordinal()
END_ORD = MAX_DATE.toordinal() + 1

# One day's windows: (start, end) in µs after the day's local midnight; end > start, and
# end > DAY_US for a window that runs past midnight.
DayWindows = tuple[tuple[int, int], ...]
Interval = tuple[int, int]


class _Block:
    """Working intervals inside one block of instants, with cumulative working time.

    Every value is a `timedelta`: instants since the UTC epoch, durations as themselves.
    """

    __slots__ = ("cum", "cum_end", "ends", "starts", "total")

    def __init__(self, intervals: Sequence[Interval]) -> None:
        self.starts = [s * US for s, _ in intervals]
        self.ends = [e * US for _, e in intervals]
        cum: list[timedelta] = []
        cum_end: list[timedelta] = []
        total = 0
        for s, e in intervals:
            cum.append(total * US)
            total += e - s
            cum_end.append(total * US)
        self.cum = cum
        self.cum_end = cum_end
        self.total = total * US

    def pos(self, t: timedelta) -> timedelta:
        """Working time inside the block before instant *t*."""
        i = bisect_right(self.starts, t) - 1
        if i < 0:
            return ZERO
        if t < self.ends[i]:
            return self.cum[i] + (t - self.starts[i])
        return self.cum_end[i]


class _DayBlock:
    """Sorted ordinals of the working days inside one block of 512 days."""

    __slots__ = ("days", "total")

    def __init__(self, days: list[int]) -> None:
        self.days = days
        self.total = len(days)


def merge(intervals: Iterable[Interval]) -> list[Interval]:
    """Sort and join overlapping or touching intervals."""
    out: list[Interval] = []
    for s, e in sorted(intervals):
        if out and s <= out[-1][1]:
            if e > out[-1][1]:
                out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def subtract(intervals: Sequence[Interval], cuts: Sequence[Interval]) -> list[Interval]:
    """*intervals* minus *cuts* (both sorted and disjoint)."""
    out: list[Interval] = []
    k = 0
    for s, e in intervals:
        while k < len(cuts) and cuts[k][1] <= s:
            k += 1
        j = k
        while s < e and j < len(cuts) and cuts[j][0] < e:
            cs, ce = cuts[j]
            if cs > s:
                out.append((s, cs))
            s = max(s, ce)
            j += 1
        if s < e:
            out.append((s, e))
    return out


def _counting(n: int, d: date) -> str:
    days = f"{shown(abs(n))} working day{'' if abs(n) == 1 else 's'}"
    return f"counting {days} from {d}" if n > 0 else f"counting {days} back from {d}"


def _adding(duration: timedelta, start: datetime) -> str:
    if duration > ZERO:
        return f"adding {duration} of working time to {start.isoformat()}"
    return f"counting {-duration} of working time back from {start.isoformat()}"


def to_us(t: datetime) -> int:
    """An aware datetime as µs since the UTC epoch."""
    d = t - EPOCH
    return (d.days * 86_400 + d.seconds) * 1_000_000 + d.microseconds


def from_us(us: int, tz: tzinfo) -> datetime:
    """µs since the UTC epoch as an aware datetime in *tz*."""
    return (EPOCH + us * US).astimezone(tz)


class Engine:
    """Tables and queries for one calendar (immutable rules, lazily built tables)."""

    def __init__(
        self,
        *,
        tz: tzinfo,
        week: tuple[DayWindows, ...],
        makeup: DayWindows,
        holidays: frozenset[int],
        makeup_days: frozenset[int],
        closures: Sequence[Interval],
        covers: tuple[int, int] | None,
        describe: str,
        hint: Callable[[date], str],
    ) -> None:
        self.tz = tz
        self.week = week
        self.makeup = makeup
        self.holidays = holidays
        self.makeup_days = makeup_days
        self.closures = merge(closures)
        self.closure_starts = [s for s, _ in self.closures]
        self.describe = describe
        self.hint = hint
        self.blocks: dict[int, _Block] = {}
        self.day_blocks: dict[int, _DayBlock] = {}
        # Dates with data: [lo_ord, hi_ord); instants: [lo_us, hi_us].
        if covers is None:
            self.lo_ord, self.hi_ord = FIRST_ORD, END_ORD
            self.covered = ""
        else:
            self.lo_ord, self.hi_ord = covers
            first = date.fromordinal(covers[0])
            last = date.fromordinal(covers[1] - 1)
            self.covered = f"{first.isoformat()} to {last.isoformat()}"
        # Where working time can exist at all: searches stop there instead of looping. With
        # weekly windows, the whole data; with make-up days only, around them; else nowhere
        # (an inverted range: every search stops at once).
        self.weekly_work = any(week)
        if self.weekly_work:
            search_lo, search_hi = self.lo_ord, self.hi_ord
        elif makeup_days and makeup:
            search_lo = max(self.lo_ord, min(makeup_days))
            search_hi = min(self.hi_ord, max(makeup_days) + 2)
        else:
            search_lo, search_hi = self.hi_ord, self.lo_ord
        self.search_lo_ord = search_lo
        self.search_hi_ord = search_hi
        # Covered instants [lo, hi] as timedeltas since the epoch; a result may be hi itself.
        self.lo = self._midnight(self.lo_ord) * US
        self.hi = self._midnight(self.hi_ord) * US
        self.search_lo_block = (self._midnight(search_lo - 1) // BLOCK_US) - 1
        self.search_hi_block = (self._midnight(search_hi + 1) // BLOCK_US) + 1

    # -- wall clock -------------------------------------------------------------------

    def _midnight(self, o: int) -> int:
        o = min(max(o, FIRST_ORD - 1), END_ORD + 1)
        return to_us(local_instant(date.fromordinal(o), time(0), self.tz))

    def _offsets(self, first: int, last: int) -> dict[int, int | None]:
        """UTC offset (µs) valid for the whole of each day in [first, last], else None.

        A day is regular when the offset at its midnight equals the offset at the next
        midnight (both read with `fold=0`): no transition falls inside it, and a midnight
        inside a gap or an overlap makes the offsets on its two sides differ.
        """
        tz = self.tz
        if tz is UTC:
            return dict.fromkeys(range(first, last + 1), 0)
        seen: dict[timedelta | None, int] = {}
        at: list[int] = []
        t = datetime.fromordinal(first).replace(tzinfo=tz)
        for _ in range(first, last + 2):
            off = t.utcoffset()
            us = seen.get(off)
            if us is None:
                us = seen[off] = (off or ZERO) // US
            at.append(us)
            t += DAY
        return {
            o: at[k] if at[k] == at[k + 1] else None for k, o in enumerate(range(first, last + 1))
        }

    def _instant(self, o: int, tod: int, offsets: dict[int, int | None]) -> int:
        o += tod // DAY_US
        tod %= DAY_US
        off = offsets.get(o)
        if off is not None:
            return (o - EPOCH_ORDINAL) * DAY_US + tod - off
        sec, us = divmod(tod, 1_000_000)
        clock = time(sec // 3600, sec // 60 % 60, sec % 60, us)
        return to_us(local_instant(date.fromordinal(o), clock, self.tz))

    def day_rule(self, o: int) -> DayWindows:
        """The windows of day *o* before closures (none outside the covered dates)."""
        if not self.lo_ord <= o < self.hi_ord or o in self.holidays:
            return ()
        if o in self.makeup_days:
            return self.makeup
        return self.week[(o + 6) % 7]

    def day_intervals(self, o: int, offsets: dict[int, int | None] | None = None) -> list[Interval]:
        """The working intervals of day *o* (its windows minus closures), as instants."""
        rule = self.day_rule(o)
        if not rule:
            return []
        if offsets is None:
            offsets = self._offsets(o, o + 1)
        raw = [(self._instant(o, s, offsets), self._instant(o, e, offsets)) for s, e in rule]
        raw = [(s, e) for s, e in raw if s < e]
        if not self.closures:
            return raw
        return subtract(merge(raw), self._cuts(raw[0][0], raw[-1][1]) if raw else [])

    def _cuts(self, lo: int, hi: int) -> list[Interval]:
        """The closures that overlap [lo, hi)."""
        k = max(bisect_right(self.closure_starts, lo) - 1, 0)
        out = []
        for s, e in self.closures[k:]:
            if s >= hi:
                break
            if e > lo:
                out.append((s, e))
        return out

    # -- tables -----------------------------------------------------------------------

    def block(self, b: int) -> _Block:
        """The table of block *b* (built once; a race builds it twice, harmlessly)."""
        got = self.blocks.get(b)
        if got is not None:
            return got
        lo = b * BLOCK_US
        hi = lo + BLOCK_US
        first = max(EPOCH_ORDINAL + (b << DAY_BITS) - 2, self.lo_ord)
        last = min(EPOCH_ORDINAL + ((b + 1) << DAY_BITS) + 1, self.hi_ord - 1)
        raw: list[Interval] = []
        offsets = self._offsets(first, last + 1)
        holidays, makeup_days, makeup, week = (
            self.holidays,
            self.makeup_days,
            self.makeup,
            self.week,
        )
        for o in range(first, last + 1):
            if o in holidays:
                continue
            rule = makeup if o in makeup_days else week[(o + 6) % 7]
            if not rule:
                continue
            off = offsets[o]
            # A regular day (and a regular next day with the same offset, for windows that
            # run past midnight) maps wall-clock time with one offset; others resolve each
            # boundary by the DST policy.
            if off is not None and offsets[o + 1] == off:
                base = (o - EPOCH_ORDINAL) * DAY_US - off
                spans = [(base + s, base + e) for s, e in rule]
            else:
                spans = [
                    (self._instant(o, s, offsets), self._instant(o, e, offsets)) for s, e in rule
                ]
            for x, y in spans:
                if x < hi and y > lo and x < y:
                    raw.append((max(x, lo), min(y, hi)))
        merged = merge(raw)
        if self.closures and merged:
            merged = subtract(merged, self._cuts(lo, hi))
        return self.blocks.setdefault(b, _Block(merged))

    def day_block(self, k: int) -> _DayBlock:
        """The working days of day block *k* (built once)."""
        got = self.day_blocks.get(k)
        if got is not None:
            return got
        first = max(k << DAY_BITS, self.lo_ord)
        last = min(((k + 1) << DAY_BITS) - 1, self.hi_ord - 1)
        offsets = self._offsets(first, last + 1)
        # A day works if it has any working time: its windows, after closures and after DST
        # (a window can vanish into a spring-forward gap).
        slow = bool(self.closures)
        days = [
            o
            for o in range(first, last + 1)
            if self.day_rule(o)
            and ((offsets[o] is not None and not slow) or self.day_intervals(o, offsets))
        ]
        return self.day_blocks.setdefault(k, _DayBlock(days))

    # -- coverage -----------------------------------------------------------------------

    def outside(self, name: str, value: object) -> NoReturn:
        """Refuse an input that the calendar's data (or propstd's range of dates) misses."""
        if self.covered:
            msg = (
                f"{name!r} {shown(value)} is outside the dates {self.describe} covers "
                f"({self.covered}); it does not guess beyond them"
            )
            raise CalendarCoverageError(msg, field=name, value=value)
        msg = f"{name!r} must fall within years 0002-9998, got {shown(value)}"
        raise InvalidValueError(msg, field=name, value=value)

    def past(self, name: str, value: object, what: str, *, forward: bool) -> NoReturn:
        """Refuse an answer beyond the data: say which date is missing and how to go on."""
        if not self.weekly_work:  # only make-up days (or nothing) work: the search ran dry
            msg = f"{what}: {self.describe} has no working time in that direction"
            raise CalendarCoverageError(msg, field=name, value=value)
        edge = self.hi_ord - 1 if forward else self.lo_ord
        gap = date.fromordinal(edge + 1 if forward else edge - 1)
        runs = f"{what} runs {'past' if forward else 'back past'} {date.fromordinal(edge)}"
        which = "last" if forward else "first"
        if not self.covered:
            msg = f"{runs}, the {which} date propstd computes with"
            raise InvalidValueError(msg, field=name, value=value)
        msg = (
            f"{runs}, the {which} date {self.describe} covers ({self.covered}): "
            f"{gap.isoformat()} is not in its data"
        )
        if forward:
            msg += f". {self.hint(gap)}"
        raise CalendarCoverageError(msg, field=name, value=value)

    def instant(self, name: str, t: datetime, *, closed: bool = True) -> timedelta:
        """*t* since the epoch, after checking that it is aware and covered."""
        try:
            x = t - EPOCH
        except TypeError:
            check_aware(name, t)
            raise
        if not (self.lo <= x < self.hi or (closed and x == self.hi)):
            self.outside(name, t)
        return x

    def ordinal(self, name: str, d: date) -> int:
        """*d* as an ordinal after checking that it is a date and covered."""
        check_date(name, d)
        o = d.toordinal()
        if not self.lo_ord <= o < self.hi_ord:
            self.outside(name, d)
        return o

    # -- instants -----------------------------------------------------------------------

    def pos_to(self, a: timedelta, b: timedelta) -> timedelta:
        """Working time in [a, b) for instants a <= b in different blocks."""
        ba = a.days >> DAY_BITS
        bb = b.days >> DAY_BITS
        blk = self.block(ba)
        total = blk.total - blk.pos(a)
        for k in range(ba + 1, bb):
            total += self.block(k).total
        return total + self.block(bb).pos(b)

    def between(self, start: datetime, end: datetime) -> timedelta:
        # The general path (WorkingCalendar inlines the common case): checks, order, tables.
        try:
            a = start - EPOCH
            b = end - EPOCH
        except TypeError:  # the slow path says what is wrong (or raises the same error)
            a = self.instant("start", start)
            b = self.instant("end", end)
        if not (self.lo <= a <= self.hi and self.lo <= b <= self.hi):
            self.instant("start", start)
            self.instant("end", end)
        if b < a:
            return -self.between(end, start)
        k = a.days >> DAY_BITS
        if b.days >> DAY_BITS != k:
            return self.pos_to(a, b)
        blk = self.block(k)
        return blk.pos(b) - blk.pos(a)

    def add(self, start: datetime, duration: timedelta) -> datetime:
        try:
            t = start - EPOCH
            p = duration + ZERO
        except TypeError:  # the slow path says what is wrong (or raises the same error)
            t = self.instant("start", start)
            p = check_timedelta("duration", duration) + ZERO
        if not self.lo <= t <= self.hi:
            self.instant("start", start)
        if not p:
            return start.astimezone(self.tz)
        # More working time than there is time left in the data (a night window may close a
        # day after it): refuse at once instead of building every table up to the end.
        if p > self.hi - t + _TWO_DAYS or -p > t - self.lo + _TWO_DAYS:
            self.past("start", start, _adding(duration, start), forward=p > ZERO)
        k = t.days >> DAY_BITS
        blk = self.blocks.get(k) or self.block(k)
        starts = blk.starts
        i = bisect_right(starts, t) - 1
        if i >= 0:
            p += blk.cum[i] + (t - starts[i]) if t < blk.ends[i] else blk.cum_end[i]
        if duration > ZERO:
            if p > blk.total:
                while p > blk.total:
                    p -= blk.total
                    k += 1
                    if k > self.search_hi_block:
                        self.past("start", start, _adding(duration, start), forward=True)
                    blk = self.blocks.get(k) or self.block(k)
                starts = blk.starts
            j = bisect_left(blk.cum_end, p)
        else:
            if p < ZERO:
                while p < ZERO:
                    k -= 1
                    if k < self.search_lo_block:
                        self.past("start", start, _adding(duration, start), forward=False)
                    blk = self.blocks.get(k) or self.block(k)
                    p += blk.total
                starts = blk.starts
            j = bisect_right(blk.cum, p) - 1
        # Tables hold only the windows of covered days, so r needs no coverage check (it may
        # pass `hi` only inside a window that started on the last covered day).
        return (EPOCH + (starts[j] + (p - blk.cum[j]))).astimezone(self.tz)

    def is_working_time(self, t: datetime) -> bool:
        x = self.instant("t", t, closed=False)
        blk = self.block(x.days >> DAY_BITS)
        i = bisect_right(blk.starts, x) - 1
        return i >= 0 and x < blk.ends[i]

    def next_working_time(self, t: datetime) -> datetime:
        x = self.instant("t", t, closed=False)
        k = x.days >> DAY_BITS
        blk = self.block(k)
        i = bisect_right(blk.starts, x) - 1
        if i >= 0 and x < blk.ends[i]:
            return t.astimezone(self.tz)
        i += 1
        while i >= len(blk.starts):
            k += 1
            if k > self.search_hi_block:
                what = f"looking for the next working time after {t.isoformat()}"
                self.past("t", t, what, forward=True)
            blk = self.block(k)
            i = 0
        return (EPOCH + blk.starts[i]).astimezone(self.tz)

    # -- dates ----------------------------------------------------------------------------

    def is_working_day(self, d: date) -> bool:
        o = self.ordinal("d", d)
        days = self.day_block(o >> DAY_BITS).days
        i = bisect_left(days, o)
        return i < len(days) and days[i] == o

    def add_days(self, d: date, n: int) -> date:
        if d.__class__ is not date:
            check_date("d", d)
        if n.__class__ is not int:
            check_int("n", n)
        o = d.toordinal()
        if not self.lo_ord <= o < self.hi_ord:
            self.outside("d", d)
        if n > self.hi_ord - o or -n > o - self.lo_ord:  # more working days than days left
            self.past("d", d, _counting(n, d), forward=n > 0)
        k = o >> DAY_BITS
        blk = self.day_blocks.get(k) or self.day_block(k)
        i = bisect_right(blk.days, o) + n - 1 if n > 0 else bisect_left(blk.days, o) + n
        if 0 <= i < blk.total:
            return date.fromordinal(blk.days[i])
        while i >= blk.total:
            i -= blk.total
            k += 1
            if (k << DAY_BITS) >= self.search_hi_ord:
                self.past("d", d, _counting(n, d), forward=True)
            blk = self.day_blocks.get(k) or self.day_block(k)
        while i < 0:
            k -= 1
            if ((k + 1) << DAY_BITS) <= self.search_lo_ord:
                self.past("d", d, _counting(n, d), forward=False)
            blk = self.day_blocks.get(k) or self.day_block(k)
            i += blk.total
        return date.fromordinal(blk.days[i])

    def _days_before(self, o: int) -> tuple[int, int]:
        k = o >> DAY_BITS
        return k, bisect_left(self.day_block(k).days, o)

    def days_between(self, start: date, end: date) -> int:
        a = self.ordinal("start", start)
        check_date("end", end)
        b = end.toordinal()
        if not self.lo_ord <= b <= self.hi_ord:
            self.outside("end", end)
        sign = 1
        if b < a:
            a, b, sign = b, a, -1
        ka, ia = self._days_before(a)
        kb, ib = self._days_before(b)
        total = ib - ia
        for k in range(ka, kb):
            total += self.day_block(k).total
        return sign * total

    def windows(self, first: int, last: int) -> tuple[tuple[datetime, datetime], ...]:
        """The working intervals of the days [first, last), each in the calendar's zone."""
        offsets = self._offsets(first, last + 1)
        out: list[Interval] = []
        for o in range(first, last):
            out.extend(self.day_intervals(o, offsets))
        out.sort()
        joined: list[Interval] = []
        for s, e in out:  # join only overlaps (a window past midnight into the next day's)
            if joined and s < joined[-1][1]:
                joined[-1] = (joined[-1][0], max(e, joined[-1][1]))
            else:
                joined.append((s, e))
        tz = self.tz
        return tuple((from_us(s, tz), from_us(e, tz)) for s, e in joined)

    def end_of_day(self, o: int) -> int | None:
        spans = self.day_intervals(o)
        return max(e for _, e in spans) if spans else None
