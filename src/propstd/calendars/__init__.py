"""Working calendars: when work happens, and exact working-time arithmetic.

A [WorkingCalendar][propstd.calendars.WorkingCalendar] knows the daily opening windows of each
weekday (local wall-clock time of its zone), the holidays, the make-up working days (调休),
closures (a half day before a festival, a typhoon stop-work order) and the dates its data
covers. It answers "is this working time?", "how much working time lies between these two
instants?" and "when have N working hours passed?", exactly to the microsecond and DST-safe.
[china_calendar()][propstd.calendars.china_calendar] carries the State Council's 放假调休 data
from 2008; [ALWAYS_OPEN][propstd.calendars.ALWAYS_OPEN] is natural time (24×7, UTC).

Conventions: intervals are half-open `[start, end)`; `add_working_time` returns the *earliest*
instant at which the duration has been worked (the last minute of the day lands on the
closing time, 18:00, not on the next opening); a window whose end is not after its start runs
past midnight and belongs to the day it starts on. Every query is a binary search over
per-year tables that are built once, on first use.

Examples:
    >>> from datetime import date, datetime, timedelta
    >>> from zoneinfo import ZoneInfo
    >>> from propstd.calendars import china_calendar
    >>> cal = china_calendar()
    >>> sh = ZoneInfo("Asia/Shanghai")
    >>> cal.add_working_time(datetime(2025, 1, 27, 17, 0, tzinfo=sh), timedelta(hours=2))
    datetime.datetime(2025, 2, 5, 10, 0, tzinfo=zoneinfo.ZoneInfo(key='Asia/Shanghai'))
    >>> cal.is_working_day(date(2025, 1, 26))  # a Sunday, but a make-up working day
    True
    >>> cal.add_working_days(date(2025, 9, 30), 1)  # National Day: back on 10-09
    datetime.date(2025, 10, 9)
"""

from __future__ import annotations

import functools
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, timedelta
from typing import Any, Protocol, overload

import attrs

from propstd._repr import shown
from propstd._time import DAY, EPOCH, MAX_DATE, MIN_DATE, zone
from propstd._validators import check_str, check_type
from propstd.calendars import _china
from propstd.calendars._tables import BLOCK_US, DAY_BITS, DAY_US, ZERO, Engine, from_us, to_us
from propstd.calendars._windows import (
    WEEKDAYS,
    Closure,
    TimeWindow,
    check_day,
    closures,
    convert_week,
    days_text,
    holidays,
    makeup_days,
    optional_windows,
    parse_days,
    windows,
)
from propstd.errors import InvalidValueError
from propstd.periods import Period

__all__ = [
    "ALWAYS_OPEN",
    "Closure",
    "TimeWindow",
    "WorkingCalendar",
    "WorkingDays",
    "china_calendar",
]


def __dir__() -> list[str]:
    return __all__


class WorkingDays(Protocol):
    """Anything that says whether a date is a working day.

    Schedules (to shift a due date off a day off) and budgets (to split by working days) need
    no more of a calendar than this; [WorkingCalendar][propstd.calendars.WorkingCalendar] has
    it, and so can a test double or a company's own calendar object.
    """

    def is_working_day(self, day: date, /) -> bool:
        """Whether *day* has any working time."""
        ...  # pragma: no cover


_BLOCK = timedelta(microseconds=BLOCK_US)  # longer durations take the general path


def _zone_key(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    zone(check_str(attribute.name, value))


def _covers(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    period = check_type(attribute.name, value, Period)
    if period.start < MIN_DATE or period.end > MAX_DATE + DAY:
        msg = f"'covers' must fall within years 0002-9998, got {shown(period)}"
        raise InvalidValueError(msg, field="covers", value=value)


def _hint(missing: date) -> str:
    return (
        f"Give the calendar the holidays and make-up days from {missing} on, with a 'covers' "
        "that reaches them"
    )


def _china_hint(missing: date) -> str:
    return (
        f"When the State Council publishes its {missing.year} holiday notice, add it: "
        f"china_calendar(extra={{{missing.year}: '<the notice's lines>'}})"
    )


@attrs.frozen(kw_only=True, repr=False)
class WorkingCalendar:
    """When work happens: weekly windows, holidays, make-up days, closures, coverage.

    Invariants (checked on construction and on `attrs.evolve`): `zone` is a known IANA key;
    `week` has seven days (Monday first) of non-overlapping windows, and a window past
    midnight does not overlap the next weekday's first window; no date is both a holiday and
    a make-up day; closures are aware and non-empty. Build one with
    [weekly()][propstd.calendars.WorkingCalendar.weekly] or
    [china_calendar()][propstd.calendars.china_calendar].

    Every question about an instant or a date outside `covers` raises
    [CalendarCoverageError][propstd.errors.CalendarCoverageError] naming the covered range.
    Results are in the calendar's zone. Tables are built lazily and kept with the calendar
    (build once; no locks on the query path).

    Examples:
        >>> from zoneinfo import ZoneInfo
        >>> cal = WorkingCalendar.weekly(hours="09:00-12:00,13:30-18:00", zone="Asia/Shanghai")
        >>> friday = datetime(2025, 3, 7, 17, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
        >>> cal.add_working_time(friday, timedelta(hours=2)).isoformat()
        '2025-03-10T10:00:00+08:00'
        >>> cal.working_time_between(friday, cal.add_working_time(friday, timedelta(hours=2)))
        datetime.timedelta(seconds=7200)
    """

    zone: str = attrs.field(validator=_zone_key)
    """IANA zone key of the wall-clock windows, e.g. `"Asia/Shanghai"`."""
    week: tuple[tuple[TimeWindow, ...], ...] = attrs.field(converter=convert_week)
    """Windows of each weekday, Monday first (an empty tuple: no work that weekday)."""
    holidays: tuple[date, ...] = attrs.field(default=(), converter=holidays)
    """Dates without any working time (sorted)."""
    makeup_days: tuple[date, ...] = attrs.field(default=(), converter=makeup_days)
    """Dates that work with `makeup_windows` whatever their weekday (调休, sorted)."""
    makeup_windows: tuple[TimeWindow, ...] | None = attrs.field(
        default=None, converter=optional_windows
    )
    """Windows of a make-up day; `None` means Monday's windows."""
    closures: tuple[Closure, ...] = attrs.field(default=(), converter=closures)
    """Intervals without work, cut out of the windows."""
    covers: Period | None = attrs.field(default=None, validator=_covers)
    """Dates the calendar's data is valid for (within years 0002-9998); `None`: every date of
    years 0002-9998, the dates propstd computes with."""
    name: str = attrs.field(default="", validator=lambda _s, a, v: check_str(a.name, v))
    """A label for messages and reprs."""
    _engine: Engine = attrs.field(init=False, eq=False, repr=False, hash=False)

    def __attrs_post_init__(self) -> None:
        both = sorted(set(self.holidays) & set(self.makeup_days))
        if both:
            msg = f"a date cannot be both a holiday and a make-up day, got {both[0].isoformat()!r}"
            raise InvalidValueError(msg, field="makeup_days", value=both[0])
        spans = [tuple(w._span() for w in day) for day in self.week]
        for i in range(7):
            late = [e - DAY_US for _, e in spans[i] if e > DAY_US]
            nxt = spans[(i + 1) % 7]
            if late and nxt and max(late) > nxt[0][0]:
                msg = (
                    f"'week' has a window past midnight on {WEEKDAYS[i]!r} that overlaps the "
                    f"first window of {WEEKDAYS[(i + 1) % 7]!r}"
                )
                raise InvalidValueError(msg, field="week", value=self.week)
        makeup = self.week[0] if self.makeup_windows is None else self.makeup_windows
        covers = None
        if self.covers is not None:
            covers = (self.covers.start.toordinal(), self.covers.end.toordinal())
        engine = Engine(
            tz=zone(self.zone),
            week=tuple(spans),
            makeup=tuple(w._span() for w in makeup),
            holidays=frozenset(d.toordinal() for d in self.holidays),
            makeup_days=frozenset(d.toordinal() for d in self.makeup_days),
            closures=[(to_us(c.start), to_us(c.end)) for c in self.closures],
            covers=covers,
            describe=repr(self.name) if self.name else "the calendar",
            hint=_china_hint if self.name == CHINA_NAME else _hint,
        )
        object.__setattr__(self, "_engine", engine)  # private cache; not part of the value

    @classmethod
    def weekly(
        cls,
        *,
        hours: str | TimeWindow | Sequence[TimeWindow | str] | Mapping[str, Any] = "09:00-18:00",
        days: str | Iterable[str] = "mon-fri",
        zone: str = "UTC",
        holidays: Iterable[date] = (),
        makeup_days: Iterable[date] = (),
        closures: Iterable[Closure] = (),
        covers: Period | None = None,
        name: str = "",
    ) -> WorkingCalendar:
        """A calendar with the same hours on the working weekdays.

        Args:
            hours: `"08:30-12:00,13:30-17:30"`, a sequence of `TimeWindow` (or window
                strings), or a mapping weekday name → hours; with a mapping its keys are the
                working weekdays (`days`, if not `"mon-fri"`, must name the same ones).
            days: `"mon-fri"`, `"mon-sat"`, `"daily"`, `"一至五"`, `"周一至周六"`, or a set
                of weekday names (`{"mon", "wed"}`, `{"周六"}`).
            zone: IANA key of the wall-clock hours.
            holidays: dates without work.
            makeup_days: dates that work with the Monday hours (调休).
            closures: intervals without work.
            covers: the dates the data is valid for (`None`: all).
            name: a label.

        Raises:
            ParseError: unreadable hours or days.
            InvalidValueError: overlapping or empty windows, unknown zone, a date both
                holiday and make-up day.

        Examples:
            >>> cal = WorkingCalendar.weekly(hours="08:30-12:00,13:30-17:30", days="一至五")
            >>> cal
            WorkingCalendar.weekly(hours='08:30-12:00,13:30-17:30', days='mon-fri', zone='UTC')
            >>> night = WorkingCalendar.weekly(hours="22:00-06:00", days="daily")
            >>> [str(w) for w in night.week[0]]
            ['22:00-06:00']
        """
        week: list[tuple[TimeWindow, ...]] = [()] * 7
        if isinstance(hours, Mapping):
            picked = {}
            for key, value in hours.items():
                day = parse_days(check_str("hours key", key))
                for d in day:
                    picked[d] = windows(f"hours[{key!r}]", value)
            if days != "mon-fri" and parse_days(days) != frozenset(picked):
                msg = f"'days' {shown(days)} must name the same weekdays as the 'hours' mapping"
                raise InvalidValueError(msg, field="days", value=days)
            for d, w in picked.items():
                week[d] = w
        else:
            found = windows("hours", hours)
            for d in parse_days(days):
                week[d] = found
        return cls(
            zone=zone,
            week=week,
            holidays=holidays,
            makeup_days=makeup_days,
            closures=closures,
            covers=covers,
            name=name,
        )

    def __repr__(self) -> str:
        days = [i for i in range(7) if self.week[i]]
        same = len({self.week[i] for i in days}) == 1
        if same and days:
            hours = ",".join(str(w) for w in self.week[days[0]])
            args = [f"hours={hours!r}", f"days={days_text(days)!r}"]
        else:
            week = {WEEKDAYS[i]: ",".join(str(w) for w in self.week[i]) for i in range(7) if days}
            args = [f"hours={ {k: v for k, v in week.items() if v}!r}"]
        args.append(f"zone={self.zone!r}")
        if self.holidays:
            args.append(f"holidays=<{len(self.holidays)} dates>")
        if self.makeup_days:
            args.append(f"makeup_days=<{len(self.makeup_days)} dates>")
        if self.makeup_windows is not None:
            args.append(f"makeup_windows={','.join(str(w) for w in self.makeup_windows)!r}")
        if self.closures:
            args.append(f"closures=<{len(self.closures)} closures>")
        if self.covers is not None:
            args.append(f"covers={str(self.covers)!r}")
        if self.name:
            args.append(f"name={self.name!r}")
        return f"WorkingCalendar.weekly({', '.join(args)})"

    # -- days -----------------------------------------------------------------------------

    def is_working_day(self, d: date) -> bool:
        """Whether date *d* has any working time (after holidays and closures).

        Raises:
            CalendarCoverageError: *d* is outside `covers`.
        """
        return self._engine.is_working_day(d)

    def add_working_days(self, d: date, n: int) -> date:
        """The *n*-th working day after *d* (before it if *n* < 0).

        `d` itself is not counted: Saturday + 1 = Monday; a working Friday + 1 = Monday.
        `n = 0` gives *d* if it is a working day, else the next working day.

        Raises:
            CalendarCoverageError: *d* or the answer is outside `covers`.

        Examples:
            >>> cal = WorkingCalendar.weekly()
            >>> cal.add_working_days(date(2025, 3, 1), 1)  # Saturday + 1
            datetime.date(2025, 3, 3)
            >>> cal.add_working_days(date(2025, 3, 3), -1)
            datetime.date(2025, 2, 28)
        """
        # Fast path, inlined: a covered date, an answer inside the same table.
        engine = self._engine
        if d.__class__ is date and n.__class__ is int and n > 0:
            o = d.toordinal()
            blk = engine.day_blocks.get(o >> DAY_BITS)
            if blk is not None and engine.lo_ord <= o < engine.hi_ord:
                i = bisect_right(blk.days, o) + n - 1
                if i < blk.total:
                    return date.fromordinal(blk.days[i])
        return engine.add_days(d, n)

    def working_days_between(self, start: date, end: date) -> int:
        """Working days in `[start, end)` (negative if *end* < *start*).

        Raises:
            CalendarCoverageError: a date is outside `covers`.

        Examples:
            >>> WorkingCalendar.weekly().working_days_between(date(2025, 3, 1), date(2025, 3, 8))
            5
        """
        return self._engine.days_between(start, end)

    def end_of_working_day(self, d: date) -> datetime:
        """The close of the last window of working day *d* (after closures).

        Raises:
            InvalidValueError: *d* is not a working day.
            CalendarCoverageError: *d* is outside `covers`.
        """
        engine = self._engine
        end = engine.end_of_day(engine.ordinal("d", d))
        if end is None:
            msg = f"'d' must be a working day of the calendar, got {d.isoformat()!r}"
            raise InvalidValueError(msg, field="d", value=d)
        return from_us(end, engine.tz)

    def working_windows(self, period: Period) -> tuple[tuple[datetime, datetime], ...]:
        """The working intervals `[start, end)` of the days of *period*, in order.

        A window past midnight is listed with the day it starts on; closures are cut out.

        Raises:
            CalendarCoverageError: *period* reaches outside `covers`.
        """
        check_type("period", period, Period)
        engine = self._engine
        first = period.start.toordinal()
        last = period.end.toordinal()
        if first < engine.lo_ord or last > engine.hi_ord:
            engine.outside("period", period)
        return engine.windows(first, last)

    # -- instants -------------------------------------------------------------------------

    def is_working_time(self, t: datetime) -> bool:
        """Whether instant *t* falls inside a working window (not in a closure).

        Raises:
            NaiveDatetimeError: *t* is naive.
            CalendarCoverageError: *t* is outside `covers`.
        """
        return self._engine.is_working_time(t)

    def next_working_time(self, t: datetime) -> datetime:
        """*t* itself if it is working time, else the next opening.

        Raises:
            NaiveDatetimeError: *t* is naive.
            CalendarCoverageError: no working time before the end of `covers`.
        """
        return self._engine.next_working_time(t)

    def add_working_time(self, start: datetime, duration: timedelta) -> datetime:
        """The earliest instant `t >= start` with `working_time_between(start, t) == duration`.

        A start outside working time counts from the next opening; consuming the last minute
        of a day lands on the closing time, not the next opening; a zero duration returns
        *start*; a negative one counts back (the latest `t <= start` with that much working
        time in `[t, start)`). The result is in the calendar's zone.

        Raises:
            NaiveDatetimeError: *start* is naive.
            CalendarCoverageError: *start* or the answer is outside `covers`.

        Examples:
            >>> from zoneinfo import ZoneInfo
            >>> cal = WorkingCalendar.weekly(hours="09:00-12:00,13:30-18:00", zone="Asia/Shanghai")
            >>> t = datetime(2025, 3, 3, 17, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
            >>> cal.add_working_time(t, timedelta(hours=1)).time()
            datetime.time(18, 0)
            >>> cal.add_working_time(t, timedelta(hours=2)).isoformat()
            '2025-03-04T10:00:00+08:00'
        """
        # Fast path, inlined (this is the hot path of every deadline): a covered start, a
        # positive duration that ends inside the same table. Everything else, including
        # every error, goes through the engine.
        engine = self._engine
        try:
            t = start - EPOCH
            p = duration + ZERO
        except TypeError:
            return engine.add(start, duration)
        blk = engine.blocks.get(t.days >> DAY_BITS)
        if blk is None or not ZERO < p <= _BLOCK or not engine.lo <= t <= engine.hi:
            return engine.add(start, duration)
        starts = blk.starts
        i = bisect_right(starts, t) - 1
        if i >= 0:
            p += blk.cum[i] + (t - starts[i]) if t < blk.ends[i] else blk.cum_end[i]
        if p > blk.total:
            return engine.add(start, duration)
        j = bisect_left(blk.cum_end, p)
        return (EPOCH + (starts[j] + (p - blk.cum[j]))).astimezone(engine.tz)

    def working_time_between(self, start: datetime, end: datetime) -> timedelta:
        """Working time inside `[start, end)`; negative if *end* < *start*.

        Raises:
            NaiveDatetimeError: an instant is naive.
            CalendarCoverageError: an instant is outside `covers`.
        """
        # Fast path, inlined: both instants covered, in order, in the same table.
        engine = self._engine
        try:
            a = start - EPOCH
            b = end - EPOCH
        except TypeError:
            return engine.between(start, end)
        k = a.days >> DAY_BITS
        blk = engine.blocks.get(k)
        if blk is None or b.days >> DAY_BITS != k or b < a or a < engine.lo or b > engine.hi:
            return engine.between(start, end)
        starts = blk.starts
        j = bisect_right(starts, b) - 1
        if j < 0:
            return ZERO
        pb = blk.cum[j] + (b - starts[j]) if b < blk.ends[j] else blk.cum_end[j]
        i = bisect_right(starts, a) - 1
        if i < 0:
            return pb
        return pb - (blk.cum[i] + (a - starts[i]) if a < blk.ends[i] else blk.cum_end[i])


CHINA_NAME = "China (State Council 放假调休)"


@functools.lru_cache(maxsize=64)
def _china_calendar(
    hours: tuple[TimeWindow, ...], zone: str, extra: _china.Extra
) -> WorkingCalendar:
    last = _china.LAST_YEAR + len(extra)
    return WorkingCalendar(
        zone=zone,
        week=[hours] * 5 + [(), ()],
        holidays=_china.holidays() + tuple(d for _, off, _ in extra for d in off),
        makeup_days=_china.makeup_days() + tuple(d for _, _, work in extra for d in work),
        covers=Period(date(_china.FIRST_YEAR, 1, 1), date(last + 1, 1, 1)),
        name=CHINA_NAME,
    )


# Two signatures, so that callers passing `**dict[str, str]` (hours and zone) still type-check.
@overload
def china_calendar(
    *, hours: str | Sequence[TimeWindow | str] = ..., zone: str = ...
) -> WorkingCalendar: ...


@overload
def china_calendar(
    *,
    hours: str | Sequence[TimeWindow | str] = ...,
    zone: str = ...,
    extra: Mapping[int, str | Mapping[str, Iterable[date]]] | None,
) -> WorkingCalendar: ...


def china_calendar(
    *,
    hours: str | Sequence[TimeWindow | str] = "09:00-12:00,13:30-18:00",
    zone: str = "Asia/Shanghai",
    extra: Mapping[int, str | Mapping[str, Iterable[date]]] | None = None,
) -> WorkingCalendar:
    """China's working calendar: Monday-Friday *hours*, with the State Council's 放假调休.

    Holidays and make-up working days (调休, which work with the same hours) follow the
    国务院办公厅 notice of each year from 2008 through 2026; `covers` is those years, and
    asking about any other date raises
    [CalendarCoverageError][propstd.errors.CalendarCoverageError]. Calls with the same
    arguments return the same calendar, so its tables are built once.

    The notice for the next year comes out in the autumn or winter before it, usually before
    a release of propstd can ship it. Add it the day it is published with *extra*: a mapping
    of year to the notice's own lines (`"1月1日（周五）至3日（周日）放假，共3天。"`), or to
    `{"holidays": [dates], "makeup_days": [dates]}`. Added years must follow 2026 without a
    gap; `covers` grows with them.

    Args:
        hours: the daily windows (default 09:00-12:00 and 13:30-18:00).
        zone: IANA zone key of the hours.
        extra: years to add after the shipped data, from the State Council's notice. In the
            notice's wording, a date or a range `A至B` followed by `放假` is off, and dates
            (`A、B`) followed by `上班` are make-up working days; a weekday in brackets
            (`（周日）`) and a count (`共3天`) are checked. Dates must fall in their year (or
            in the December before it, which a notice may move); make-up days must be
            Saturdays or Sundays; no day may be both. A year propstd already ships may be
            given again only with the same data.

    Raises:
        InvalidValueError: bad *hours* or *zone*, or *extra* breaks a rule above (`field`
            names the year, such as `"extra[2027]"`, and `value` the offending date).
        ParseError: a notice's wording cannot be read (the message quotes the part).

    References:
        国务院办公厅关于部分节假日安排的通知, one a year (e.g. 国办发明电〔2024〕12号 for 2025).

    Examples:
        >>> cal = china_calendar()
        >>> str(cal.covers), cal.is_working_day(date(2025, 10, 11))
        ('2008-01-01/2027-01-01', True)
        >>> later = china_calendar(extra={2027: "元旦：1月1日（周五）至3日（周日）放假，共3天。"})
        >>> str(later.covers), later.is_working_day(date(2027, 1, 1))
        ('2008-01-01/2028-01-01', False)
    """
    added = _china.extra_years({} if extra is None else extra)
    return _china_calendar(check_day("hours", windows("hours", hours)), zone, added)


ALWAYS_OPEN = WorkingCalendar.weekly(
    hours="00:00-24:00", days="daily", zone="UTC", name="always open"
)
"""Natural time: every instant is working time (24×7, UTC), every date of years 0002-9998 is
covered."""
