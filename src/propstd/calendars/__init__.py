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
import itertools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, time, timedelta
from typing import Any, Protocol

import attrs

from propstd._time import EPOCH, zone
from propstd._validators import check_aware, check_date, check_str, check_type
from propstd.calendars import _china
from propstd.calendars._tables import DAY_BITS, DAY_US, ZERO, Engine, from_us, to_us
from propstd.errors import InvalidValueError, ParseError
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


_MIDNIGHT = time(0)
_CLOCK = r"(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?"
_WINDOW_RE = re.compile(rf"^\s*{_CLOCK}\s*(?:-|–|—|~|～|至|到)\s*{_CLOCK}\s*$")
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_DAY_NAMES: dict[str, int] = {}
for _i, _short in enumerate(_WEEKDAYS):
    _DAY_NAMES[_short] = _i
    _DAY_NAMES[
        ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")[_i]
    ] = _i
    for _zh in ("一二三四五六日"[_i], *(("天",) if _i == 6 else ())):
        _DAY_NAMES[_zh] = _i
        _DAY_NAMES["周" + _zh] = _i
        _DAY_NAMES["星期" + _zh] = _i
_ALL_DAYS = frozenset({"daily", "every day", "everyday", "每天", "每日", "全周"})


def _clock(hh: str, mm: str, ss: str | None, frac: str | None, text: str) -> time | None:
    """A wall-clock time from regex groups; None for 24:00."""
    h, m, s = int(hh), int(mm), int(ss or 0)
    us = int((frac or "0").ljust(6, "0"))
    if h == 24 and m == s == us == 0:
        return None
    if h > 23 or m > 59 or s > 59:
        msg = f"'window' has an impossible time of day in {text!r}"
        raise ParseError(msg, text)
    return time(h, m, s, us)


def _show(t: time) -> str:
    out = f"{t.hour:02d}:{t.minute:02d}"
    if t.second or t.microsecond:
        out += f":{t.second:02d}"
    if t.microsecond:
        out += f".{t.microsecond:06d}"
    return out


def _naive_time(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    check_type(attribute.name, value, time)
    if value.tzinfo is not None:  # type: ignore[attr-defined]
        msg = f"{attribute.name!r} must be a wall-clock time without a zone, got {value!r}"
        raise InvalidValueError(msg)


@attrs.frozen
class TimeWindow:
    """A daily opening window in local wall-clock time, half-open `[start, end)`.

    A window whose `end` is not after its `start` runs past midnight and belongs to the day it
    starts on: `22:00-06:00` is a night shift. `00:00-24:00` (stored as `00:00`-`00:00`) is the
    whole day. A window's length on a given day is its real length that day (DST).

    Examples:
        >>> TimeWindow.parse("09:00-12:00")
        TimeWindow(start=datetime.time(9, 0), end=datetime.time(12, 0))
        >>> str(TimeWindow.parse("22:00-06:00")), str(TimeWindow.parse("00:00-24:00"))
        ('22:00-06:00', '00:00-24:00')
        >>> TimeWindow.parse("22:00-06:00").overnight
        True
    """

    start: time = attrs.field(validator=_naive_time)
    """Local wall-clock opening time."""
    end: time = attrs.field(validator=_naive_time)
    """Local wall-clock closing time; at or before `start` means the next day."""

    def __attrs_post_init__(self) -> None:
        if self.start == self.end and self.start != _MIDNIGHT:
            msg = (
                f"'end' must differ from 'start' (an empty window), got {self!s}; "
                "write '00:00-24:00' for the whole day"
            )
            raise InvalidValueError(msg)

    @classmethod
    def parse(cls, text: str) -> TimeWindow:
        """Read `"09:00-12:00"`, `"22:00-06:00"`, `"00:00-24:00"` or `"9:00至12:00"`.

        Raises:
            ParseError: the text is not a window (the message shows it).
            InvalidValueError: the window is empty (`"09:00-09:00"`).
        """
        match = _WINDOW_RE.match(check_str("window", text))
        if match is None:
            msg = f"'window' must look like '09:00-12:00', got {text!r}"
            raise ParseError(msg, text)
        g = match.groups()
        start = _clock(g[0], g[1], g[2], g[3], text)
        end = _clock(g[4], g[5], g[6], g[7], text)
        if start is None:
            msg = f"'window' cannot start at 24:00, got {text!r}"
            raise ParseError(msg, text)
        return cls(start, end or _MIDNIGHT)

    @property
    def overnight(self) -> bool:
        """Whether the window runs past midnight into the next day."""
        return self.end <= self.start

    @property
    def length(self) -> timedelta:
        """Nominal length (wall clock; a DST day can make the real length differ)."""
        return timedelta(microseconds=self._span()[1] - self._span()[0])

    def _span(self) -> tuple[int, int]:
        """(start, end) in µs after the local midnight of the day it belongs to."""
        s = (self.start.hour * 3600 + self.start.minute * 60 + self.start.second) * 10**6
        s += self.start.microsecond
        e = (self.end.hour * 3600 + self.end.minute * 60 + self.end.second) * 10**6
        e += self.end.microsecond
        return (s, e + DAY_US if e <= s else e)

    def __str__(self) -> str:
        end = "24:00" if self.end == _MIDNIGHT else _show(self.end)
        return f"{_show(self.start)}-{end}"


@attrs.frozen
class Closure:
    """An aware, half-open interval `[start, end)` of non-working time.

    Closures cut working time out of windows; they may span several days or part of one
    (the afternoon before Spring Festival, a typhoon stop-work order). Two closures are equal
    when they cover the same instants, whatever zones they are written in.

    Examples:
        >>> from zoneinfo import ZoneInfo
        >>> sh = ZoneInfo("Asia/Shanghai")
        >>> typhoon = Closure(
        ...     datetime(2025, 7, 20, 12, tzinfo=sh), datetime(2025, 7, 21, tzinfo=sh), "typhoon"
        ... )
        >>> typhoon  # doctest: +ELLIPSIS
        Closure(start=datetime.datetime(2025, 7, 20, 12, 0, ...), reason='typhoon')
    """

    start: datetime = attrs.field(validator=lambda _s, a, v: check_aware(a.name, v), eq=to_us)
    """First instant without work."""
    end: datetime = attrs.field(validator=lambda _s, a, v: check_aware(a.name, v), eq=to_us)
    """First instant with work again (exclusive end)."""
    reason: str = attrs.field(default="", validator=lambda _s, a, v: check_str(a.name, v))
    """Why (free text)."""

    def __attrs_post_init__(self) -> None:
        if self.end <= self.start:
            msg = f"'end' must be after 'start', got start={self.start!r}, end={self.end!r}"
            raise InvalidValueError(msg)


def _windows(name: str, value: object) -> tuple[TimeWindow, ...]:
    """Hours as a tuple of windows: `"08:30-12:00,13:30-17:30"` or a sequence."""
    if isinstance(value, TimeWindow):
        return (value,)
    if isinstance(value, str):
        parts = [p for p in re.split(r"[,，;；、]", value) if p.strip()]
        if not parts:
            msg = f"{name!r} must name at least one window, got {value!r}"
            raise ParseError(msg, value)
        return tuple(TimeWindow.parse(p) for p in parts)
    if not isinstance(value, Iterable):
        msg = f"{name!r} must be a string or a sequence of TimeWindow, got {value!r}"
        raise TypeError(msg)
    out = []
    for item in value:
        if isinstance(item, str):
            out.append(TimeWindow.parse(item))
        else:
            out.append(check_type(f"{name}[]", item, TimeWindow))
    return tuple(out)


def _check_day(name: str, windows: tuple[TimeWindow, ...]) -> tuple[TimeWindow, ...]:
    """Sort one day's windows and refuse overlaps."""
    ordered = tuple(sorted(windows, key=lambda w: w._span()))
    for a, b in itertools.pairwise(ordered):
        if b._span()[0] < a._span()[1]:
            msg = f"{name!r} has overlapping windows {str(a)!r} and {str(b)!r}"
            raise InvalidValueError(msg)
    return ordered


def _convert_week(value: object) -> tuple[tuple[TimeWindow, ...], ...]:
    if isinstance(value, str) or not isinstance(value, Sequence) or len(value) != 7:
        msg = f"'week' must be 7 sequences of windows (Monday first), got {value!r}"
        raise InvalidValueError(msg)
    return tuple(
        _check_day(f"week[{_WEEKDAYS[i]}]", _windows(f"week[{_WEEKDAYS[i]}]", day)) if day else ()
        for i, day in enumerate(value)
    )


def _dates(name: str, value: object) -> tuple[date, ...]:
    if isinstance(value, str | date) or not isinstance(value, Iterable):
        msg = f"{name!r} must be a collection of dates, got {value!r}"
        raise TypeError(msg)
    items = list(value)
    for i, d in enumerate(items):
        check_date(f"{name}[{i}]", d)
    return tuple(sorted(set(items)))


def _holidays(value: Iterable[date]) -> tuple[date, ...]:
    return _dates("holidays", value)


def _makeup_days(value: Iterable[date]) -> tuple[date, ...]:
    return _dates("makeup_days", value)


def _optional_windows(value: object) -> tuple[TimeWindow, ...] | None:
    if value is None:
        return None
    return _check_day("makeup_windows", _windows("makeup_windows", value))


def _closures(value: Iterable[Closure]) -> tuple[Closure, ...]:
    items = tuple(value)
    for i, c in enumerate(items):
        check_type(f"closures[{i}]", c, Closure)
    return tuple(sorted(items, key=lambda c: (to_us(c.start), to_us(c.end), c.reason)))


def _parse_days(value: object) -> frozenset[int]:
    """Weekday numbers (Monday = 0) from `"mon-fri"`, `"一至五"`, `"daily"` or names."""
    if isinstance(value, str):
        text = value.strip().lower()
        if text in _ALL_DAYS:
            return frozenset(range(7))
        parts = [p.strip() for p in re.split(r"[,，、;；]", text)]
    elif isinstance(value, Iterable):
        parts = [check_str("days[]", p).strip().lower() for p in value]
    else:
        msg = f"'days' must be a string such as 'mon-fri' or a set of weekday names, got {value!r}"
        raise TypeError(msg)
    out: set[int] = set()
    for part in parts:
        ends = re.split(r"\s*(?:-|–|~|至|到)\s*", part)
        try:
            nums = [_DAY_NAMES[e.strip()] for e in ends]
        except KeyError:
            msg = f"'days' has an unknown weekday in {value!r}: {part!r}"
            raise ParseError(msg, str(value)) from None
        if len(nums) == 1:
            out.add(nums[0])
        elif len(nums) == 2 and nums[0] <= nums[1]:
            out.update(range(nums[0], nums[1] + 1))
        else:
            msg = f"'days' has a backwards or malformed range in {value!r}: {part!r}"
            raise ParseError(msg, str(value))
    if not out:
        msg = f"'days' must name at least one weekday, got {value!r}"
        raise ParseError(msg, str(value))
    return frozenset(out)


def _zone_key(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    zone(check_str(attribute.name, value))


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
    week: tuple[tuple[TimeWindow, ...], ...] = attrs.field(converter=_convert_week)
    """Windows of each weekday, Monday first (an empty tuple: no work that weekday)."""
    holidays: tuple[date, ...] = attrs.field(default=(), converter=_holidays)
    """Dates without any working time (sorted)."""
    makeup_days: tuple[date, ...] = attrs.field(default=(), converter=_makeup_days)
    """Dates that work with `makeup_windows` whatever their weekday (调休, sorted)."""
    makeup_windows: tuple[TimeWindow, ...] | None = attrs.field(
        default=None, converter=_optional_windows
    )
    """Windows of a make-up day; `None` means Monday's windows."""
    closures: tuple[Closure, ...] = attrs.field(default=(), converter=_closures)
    """Intervals without work, cut out of the windows."""
    covers: Period | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Period))
    )
    """Dates the calendar's data is valid for; `None`: every date."""
    name: str = attrs.field(default="", validator=lambda _s, a, v: check_str(a.name, v))
    """A label for messages and reprs."""
    _engine: Engine = attrs.field(init=False, eq=False, repr=False, hash=False)

    def __attrs_post_init__(self) -> None:
        both = sorted(set(self.holidays) & set(self.makeup_days))
        if both:
            msg = f"a date cannot be both a holiday and a make-up day, got {both[0].isoformat()!r}"
            raise InvalidValueError(msg)
        spans = [tuple(w._span() for w in day) for day in self.week]
        for i in range(7):
            late = [e - DAY_US for _, e in spans[i] if e > DAY_US]
            nxt = spans[(i + 1) % 7]
            if late and nxt and max(late) > nxt[0][0]:
                msg = (
                    f"'week' has a window past midnight on {_WEEKDAYS[i]!r} that overlaps the "
                    f"first window of {_WEEKDAYS[(i + 1) % 7]!r}"
                )
                raise InvalidValueError(msg)
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
                day = _parse_days(check_str("hours key", key))
                for d in day:
                    picked[d] = _windows(f"hours[{key!r}]", value)
            if days != "mon-fri" and _parse_days(days) != frozenset(picked):
                msg = f"'days' {days!r} must name the same weekdays as the 'hours' mapping"
                raise InvalidValueError(msg)
            for d, w in picked.items():
                week[d] = w
        else:
            windows = _windows("hours", hours)
            for d in _parse_days(days):
                week[d] = windows
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
            args = [f"hours={hours!r}", f"days={_days_text(days)!r}"]
        else:
            week = {_WEEKDAYS[i]: ",".join(str(w) for w in self.week[i]) for i in range(7) if days}
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
            raise InvalidValueError(msg)
        return from_us(end, engine.tz)

    def working_windows(self, period: Period) -> tuple[tuple[datetime, datetime], ...]:
        """The working intervals `[start, end)` of the days of *period*, in order.

        A window past midnight is listed with the day it starts on; closures are cut out.

        Raises:
            CalendarCoverageError: *period* reaches outside `covers`.
        """
        check_type("period", period, Period)
        engine = self._engine
        first = engine.ordinal("period.start", period.start)
        last = period.end.toordinal()
        if last > engine.hi_ord:
            engine.outside("period.end", period.end)
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
        if blk is None or p <= ZERO or not engine.lo <= t <= engine.hi:
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


def _days_text(days: Sequence[int]) -> str:
    if len(days) == 7:
        return "daily"
    if list(days) == list(range(days[0], days[-1] + 1)) and len(days) > 1:
        return f"{_WEEKDAYS[days[0]]}-{_WEEKDAYS[days[-1]]}"
    return ",".join(_WEEKDAYS[d] for d in days)


CHINA_NAME = "China (State Council 放假调休)"
_CHINA_COVERS = Period(date(_china.FIRST_YEAR, 1, 1), date(_china.LAST_YEAR + 1, 1, 1))


@functools.cache
def _china_calendar(hours: tuple[TimeWindow, ...], zone: str) -> WorkingCalendar:
    return WorkingCalendar(
        zone=zone,
        week=[hours] * 5 + [(), ()],
        holidays=_china.holidays(),
        makeup_days=_china.makeup_days(),
        covers=_CHINA_COVERS,
        name=CHINA_NAME,
    )


def china_calendar(
    *,
    hours: str | Sequence[TimeWindow | str] = "09:00-12:00,13:30-18:00",
    zone: str = "Asia/Shanghai",
) -> WorkingCalendar:
    """China's working calendar: Monday-Friday *hours*, with the State Council's 放假调休.

    Holidays and make-up working days (调休, which work with the same hours) follow the
    国务院办公厅 notice of each year from 2008 through 2026; `covers` is those years, and
    asking about any other date raises
    [CalendarCoverageError][propstd.errors.CalendarCoverageError]. Calls with the same
    arguments return the same calendar, so its tables are built once.

    Args:
        hours: the daily windows (default 09:00-12:00 and 13:30-18:00).
        zone: IANA zone key of the hours.

    References:
        国务院办公厅关于部分节假日安排的通知, one a year (e.g. 国办发明电〔2024〕12号 for 2025).

    Examples:
        >>> cal = china_calendar()
        >>> str(cal.covers), cal.is_working_day(date(2025, 10, 11))
        ('2008-01-01/2027-01-01', True)
    """
    return _china_calendar(_check_day("hours", _windows("hours", hours)), zone)


ALWAYS_OPEN = WorkingCalendar.weekly(
    hours="00:00-24:00", days="daily", zone="UTC", name="always open"
)
"""Natural time: every instant is working time (24×7, UTC), every date is covered."""
