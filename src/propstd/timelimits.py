"""Service time limits (时限) and the deadlines they give on a working calendar.

A [TimeLimit][propstd.timelimits.TimeLimit] is an amount of minutes, hours or days on one of two
clocks: **natural** time (real elapsed time, 24×7; calendar days) or **working** time (only the
opening hours of a [WorkingCalendar][propstd.calendars.WorkingCalendar]; working days). Limits
read the spellings used in service standards, English and Chinese (`"2 working hours"`,
`"3个工作日"`, `"当日"`, `"24小时"`), and print a canonical English form that reads back to an
equal value.

[deadline][propstd.timelimits.deadline] turns a start instant and a limit into the instant the
work is due (inclusive: work done exactly at the deadline is on time);
[explain_deadline][propstd.timelimits.explain_deadline] gives the same instant in a
[Deadline][propstd.timelimits.Deadline] record that says why it lands there.

Examples:
    >>> from propstd.timelimits import TimeLimit
    >>> TimeLimit.parse("3个工作日")
    TimeLimit(3, 'day', 'working')
    >>> str(TimeLimit.parse("当日")), str(TimeLimit.parse("2h")), str(TimeLimit.parse("3天"))
    ('same working day', '2 hours', '3 calendar days')
    >>> TimeLimit.parse("15分钟内").duration
    datetime.timedelta(seconds=900)
"""

from __future__ import annotations

import bisect
import enum
import re
from datetime import date, datetime, timedelta, tzinfo
from typing import TypeVar

import attrs

from propstd import _time
from propstd._validators import (
    aware,
    check_aware,
    check_int,
    check_str,
    check_type,
    nonblank,
    to_enum,
)
from propstd.calendars import WorkingCalendar
from propstd.errors import InvalidValueError, ParseError

__all__ = ["Clock", "Deadline", "TimeLimit", "TimeUnit", "deadline", "explain_deadline"]


def __dir__() -> list[str]:
    return __all__


_E = TypeVar("_E", bound=enum.StrEnum)


class Clock(enum.StrEnum):
    """Which time a limit counts."""

    NATURAL = "natural"
    """Real elapsed time, 24×7 (自然时间); days are calendar days (自然日)."""
    WORKING = "working"
    """Only the working time of a calendar (工作时间); days are working days (工作日)."""


class TimeUnit(enum.StrEnum):
    """The unit a limit is written in."""

    MINUTE = "minute"
    """Minutes (分钟)."""
    HOUR = "hour"
    """Hours (小时)."""
    DAY = "day"
    """Days: calendar days on the natural clock, working days on the working clock."""


def _amount(value: object) -> int:
    amount = check_int("amount", value)
    if amount < 0:
        msg = f"'amount' must not be negative, got {value!r}"
        raise InvalidValueError(msg)
    return amount


def _unit(value: object) -> TimeUnit:
    return to_enum("unit", TimeUnit, value)


def _clock(value: object) -> Clock:
    return to_enum("clock", Clock, value)


_MINUTES_PER = {TimeUnit.MINUTE: 1, TimeUnit.HOUR: 60}


@attrs.frozen(repr=False)
class TimeLimit:
    """A service time limit: an amount of minutes, hours or days on a natural or working clock.

    `amount` is a non-negative `int` (floats and bools raise `TypeError`); `unit` and `clock`
    accept their enum members or their string values (`"hour"`, `"working"`). Zero is allowed:
    `0 minutes` is "immediately", `0 working days` is "same working day" (当日).

    Limits compare with `<`, `<=`, `>`, `>=` only where the comparison means something: two
    limits on the same clock that are both durations (minutes or hours), or both counts of
    days. Anything else (2 working hours against 1 working day, 72 hours against 3 calendar
    days) raises `TypeError`. Equality is field by field: `60 minutes != 1 hour`, although
    neither is shorter than the other.

    Raises:
        TypeError: `amount` is not an `int`, or `unit`/`clock` is not a member or a string.
        InvalidValueError: `amount` is negative, or `unit`/`clock` names no member.

    Examples:
        >>> limit = TimeLimit(2, "hour", "working")
        >>> limit, str(limit)
        (TimeLimit(2, 'hour', 'working'), '2 working hours')
        >>> TimeLimit.parse(str(limit)) == limit
        True
        >>> TimeLimit.minutes(15) < TimeLimit.hours(1)
        True
        >>> TimeLimit.working_days(0)
        TimeLimit(0, 'day', 'working')
    """

    amount: int = attrs.field(converter=_amount)
    """How many units (≥ 0)."""
    unit: TimeUnit = attrs.field(converter=_unit)
    """Minutes, hours or days."""
    clock: Clock = attrs.field(converter=_clock)
    """Natural (real elapsed) time or working time."""

    # -- constructors ---------------------------------------------------------------------

    @classmethod
    def minutes(cls, amount: int) -> TimeLimit:
        """*amount* minutes of real elapsed time (`minutes(15)`: on site within 15 minutes)."""
        return cls(amount, TimeUnit.MINUTE, Clock.NATURAL)

    @classmethod
    def hours(cls, amount: int) -> TimeLimit:
        """*amount* hours of real elapsed time (`TimeLimit.hours(24)`)."""
        return cls(amount, TimeUnit.HOUR, Clock.NATURAL)

    @classmethod
    def calendar_days(cls, amount: int) -> TimeLimit:
        """*amount* calendar days (自然日), ending at midnight; the start day is not counted."""
        return cls(amount, TimeUnit.DAY, Clock.NATURAL)

    @classmethod
    def working_minutes(cls, amount: int) -> TimeLimit:
        """*amount* minutes of working time."""
        return cls(amount, TimeUnit.MINUTE, Clock.WORKING)

    @classmethod
    def working_hours(cls, amount: int) -> TimeLimit:
        """*amount* hours of working time (工作小时)."""
        return cls(amount, TimeUnit.HOUR, Clock.WORKING)

    @classmethod
    def working_days(cls, amount: int) -> TimeLimit:
        """*amount* working days (工作日); 0 is the same working day (当日)."""
        return cls(amount, TimeUnit.DAY, Clock.WORKING)

    @classmethod
    def parse(cls, text: str) -> TimeLimit:
        """Read a time limit written in English or Chinese.

        Accepted (case, white space and singular/plural do not matter; a leading `within`
        and a trailing `内`/`以内`/`之内` are ignored; `个` is optional; Chinese numerals up to
        999 are read):

        - natural minutes: `15 minutes`, `15 min`, `15 mins`, `15分钟`, `十五分钟`, `半小时`
          (30 minutes); `immediately`, `立即`, `立刻`, `马上` are 0 minutes;
        - natural hours: `2 hours`, `2h`, `2 hrs`, `an hour`, `2小时`, `2个小时`, `2个钟头`;
        - calendar days: `3 days`, `3d`, `3 calendar days`, `3 natural days`, `3天`, `3日`,
          `3个自然日`;
        - working minutes/hours: `30 working minutes`, `2 working hours`, `2 business hours`,
          `2个工作小时`;
        - working days: `3 working days`, `3 business days`, `3个工作日`, `3个工作天`;
          `same working day`, `same day`, `当日`, `当天` are 0 working days; `next working day`,
          `next day`, `次日`, `下一个工作日` are 1 working day.

        Raises:
            TypeError: *text* is not a string.
            ParseError: the text is none of the above; the message quotes it.

        Examples:
            >>> TimeLimit.parse("2 Working Hours")
            TimeLimit(2, 'hour', 'working')
            >>> TimeLimit.parse("次日")
            TimeLimit(1, 'day', 'working')
            >>> TimeLimit.parse("二十四小时内")
            TimeLimit(24, 'hour', 'natural')
            >>> TimeLimit.parse("soon")  # doctest: +ELLIPSIS
            Traceback (most recent call last):
            ...
            propstd.errors.ParseError: cannot read a time limit from 'soon'; write ...
        """
        check_str("text", text)
        found = _parse_english(text) or _parse_chinese(text)
        if found is None:
            msg = (
                f"cannot read a time limit from {text!r}; write an amount and a unit such as "
                "'15 minutes', '2 working hours', '3 working days', '3个工作日' or '当日'"
            )
            raise ParseError(msg, text)
        amount, unit, clock = found
        return cls(amount, unit, clock)

    # -- questions about one limit --------------------------------------------------------

    @property
    def duration(self) -> timedelta:
        """The length of a minute or hour limit, in its own clock (working or real time).

        Raises:
            InvalidValueError: the limit is in days, which have no fixed length (a calendar
                day ends at midnight; a working day ends at the calendar's close), or it is
                longer than a `timedelta` can hold.

        Examples:
            >>> TimeLimit.working_hours(2).duration
            datetime.timedelta(seconds=7200)
        """
        per = _MINUTES_PER.get(self.unit)
        if per is None:
            msg = (
                f"a limit in days has no fixed duration, got {str(self)!r}; "
                "use deadline() with a calendar, or write it in hours"
            )
            raise InvalidValueError(msg)
        try:
            return timedelta(minutes=self.amount * per)
        except OverflowError:
            msg = f"{str(self)!r} is longer than a timedelta can hold (999999999 days)"
            raise InvalidValueError(msg) from None

    def _order_key(self, other: object, op: str) -> tuple[int, int]:
        if not isinstance(other, TimeLimit):
            msg = f"cannot compare TimeLimit with {type(other).__name__} {other!r}"
            raise TypeError(msg)
        if self.clock is not other.clock or (self.unit is TimeUnit.DAY) != (
            other.unit is TimeUnit.DAY
        ):
            msg = (
                f"{str(self)!r} {op} {str(other)!r} has no meaning: only limits on the same clock "
                "that are both durations (minutes, hours) or both counts of days compare"
            )
            raise TypeError(msg)
        return (
            self.amount * _MINUTES_PER.get(self.unit, 1),
            other.amount * _MINUTES_PER.get(other.unit, 1),
        )

    def __lt__(self, other: object) -> bool:
        a, b = self._order_key(other, "<")
        return a < b

    def __le__(self, other: object) -> bool:
        a, b = self._order_key(other, "<=")
        return a <= b

    def __gt__(self, other: object) -> bool:
        a, b = self._order_key(other, ">")
        return a > b

    def __ge__(self, other: object) -> bool:
        a, b = self._order_key(other, ">=")
        return a >= b

    # -- text -----------------------------------------------------------------------------

    @property
    def chinese(self) -> str:
        """The limit as a Chinese service standard writes it; `parse` reads it back.

        Examples:
            >>> [TimeLimit.parse(t).chinese for t in ("2 working hours", "3 working days", "3d")]
            ['2个工作小时', '3个工作日', '3天']
            >>> TimeLimit.working_days(0).chinese, TimeLimit.minutes(0).chinese
            ('当日', '立即')
        """
        if self.amount == 0 and (self.clock, self.unit) in _CHINESE_ZERO:
            return _CHINESE_ZERO[self.clock, self.unit]
        return f"{self.amount}{_CHINESE_WORDS[self.clock, self.unit]}"

    def __repr__(self) -> str:
        return f"TimeLimit({self.amount!r}, {self.unit.value!r}, {self.clock.value!r})"

    def __str__(self) -> str:
        if self.unit is TimeUnit.DAY and self.clock is Clock.WORKING and self.amount == 0:
            return "same working day"
        words = _ENGLISH_WORDS[self.clock, self.unit]
        noun = words if self.amount == 1 else f"{words}s"
        return f"{self.amount} {noun}"


_ENGLISH_WORDS = {
    (Clock.NATURAL, TimeUnit.MINUTE): "minute",
    (Clock.NATURAL, TimeUnit.HOUR): "hour",
    (Clock.NATURAL, TimeUnit.DAY): "calendar day",
    (Clock.WORKING, TimeUnit.MINUTE): "working minute",
    (Clock.WORKING, TimeUnit.HOUR): "working hour",
    (Clock.WORKING, TimeUnit.DAY): "working day",
}

_CHINESE_WORDS = {
    (Clock.NATURAL, TimeUnit.MINUTE): "分钟",
    (Clock.NATURAL, TimeUnit.HOUR): "小时",
    (Clock.NATURAL, TimeUnit.DAY): "天",
    (Clock.WORKING, TimeUnit.MINUTE): "个工作分钟",
    (Clock.WORKING, TimeUnit.HOUR): "个工作小时",
    (Clock.WORKING, TimeUnit.DAY): "个工作日",
}
_CHINESE_ZERO = {
    (Clock.NATURAL, TimeUnit.MINUTE): "立即",
    (Clock.WORKING, TimeUnit.DAY): "当日",
}

# -- parsing ------------------------------------------------------------------------------

_Parsed = tuple[int, TimeUnit, Clock]

_IMMEDIATE: _Parsed = (0, TimeUnit.MINUTE, Clock.NATURAL)
_SAME_DAY: _Parsed = (0, TimeUnit.DAY, Clock.WORKING)
_NEXT_DAY: _Parsed = (1, TimeUnit.DAY, Clock.WORKING)

_ENGLISH_PHRASES: dict[str, _Parsed] = {
    "immediately": _IMMEDIATE,
    "immediate": _IMMEDIATE,
    "at once": _IMMEDIATE,
    "same working day": _SAME_DAY,
    "same business day": _SAME_DAY,
    "same day": _SAME_DAY,
    "next working day": _NEXT_DAY,
    "next business day": _NEXT_DAY,
    "next day": _NEXT_DAY,
}

_ENGLISH = re.compile(
    r"(?:(?P<n>\d{1,18})\s*|(?P<one>an?|one)\s+)"
    r"(?:(?P<clock>working|business|calendar|natural)\s+)?"
    r"(?P<unit>minutes?|mins?|hours?|hrs?|h|days?|d)"
)

_ENGLISH_UNITS = {
    "m": TimeUnit.MINUTE,  # minute(s), min(s)
    "h": TimeUnit.HOUR,  # hour(s), hr(s), h
    "d": TimeUnit.DAY,  # day(s), d
}


def _parse_english(text: str) -> _Parsed | None:
    s = " ".join(text.lower().split()).removesuffix(".")
    s = s.removeprefix("within ").removeprefix("the ")
    if s in _ENGLISH_PHRASES:
        return _ENGLISH_PHRASES[s]
    m = _ENGLISH.fullmatch(s)
    if m is None:
        return None
    amount = 1 if m["n"] is None else int(m["n"])
    clock = Clock.WORKING if m["clock"] in {"working", "business"} else Clock.NATURAL
    return amount, _ENGLISH_UNITS[m["unit"][0]], clock


_CHINESE_PHRASES: dict[str, _Parsed] = {
    "立即": _IMMEDIATE,
    "立刻": _IMMEDIATE,
    "马上": _IMMEDIATE,
    "即时": _IMMEDIATE,
    "当日": _SAME_DAY,
    "当天": _SAME_DAY,
    "当个工作日": _SAME_DAY,
    "次日": _NEXT_DAY,
    "下一个工作日": _NEXT_DAY,
    "下个工作日": _NEXT_DAY,
    "半小时": (30, TimeUnit.MINUTE, Clock.NATURAL),
    "半个小时": (30, TimeUnit.MINUTE, Clock.NATURAL),
}

_CHINESE_UNITS: dict[str, tuple[TimeUnit, Clock]] = {
    "分钟": (TimeUnit.MINUTE, Clock.NATURAL),
    "小时": (TimeUnit.HOUR, Clock.NATURAL),
    "钟头": (TimeUnit.HOUR, Clock.NATURAL),
    "天": (TimeUnit.DAY, Clock.NATURAL),
    "日": (TimeUnit.DAY, Clock.NATURAL),
    "自然日": (TimeUnit.DAY, Clock.NATURAL),
    "日历日": (TimeUnit.DAY, Clock.NATURAL),
    "工作分钟": (TimeUnit.MINUTE, Clock.WORKING),
    "工作小时": (TimeUnit.HOUR, Clock.WORKING),
    "工作日": (TimeUnit.DAY, Clock.WORKING),
    "工作天": (TimeUnit.DAY, Clock.WORKING),
}

_CHINESE = re.compile(
    r"(?P<n>\d{1,18}|[零〇一二两三四五六七八九十百]+)个?(?P<unit>"
    + "|".join(sorted(_CHINESE_UNITS, key=len, reverse=True))
    + ")"
)

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4}
_CN_DIGITS |= {"五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
# 0-999 in the usual forms: 十五, 二十四, 一百二十, 一百零五, 两百
_CN_NUMBER = re.compile(
    r"(?:(?P<h>[一二两三四五六七八九])百(?:零(?=[一二三四五六七八九]$))?)?"
    r"(?:(?P<t>[一二三四五六七八九])?(?P<ten>十))?"
    r"(?P<u>[一二两三四五六七八九])?"
)


def _chinese_number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    if text in {"零", "〇"}:
        return 0
    m = _CN_NUMBER.fullmatch(text)
    if m is None:
        return None
    hundreds = _CN_DIGITS[m["h"]] if m["h"] else 0
    tens = (_CN_DIGITS[m["t"]] if m["t"] else 1) if m["ten"] else 0
    units = _CN_DIGITS[m["u"]] if m["u"] else 0
    return hundreds * 100 + tens * 10 + units


def _parse_chinese(text: str) -> _Parsed | None:
    s = "".join(text.split())
    for suffix in ("以内", "之内", "内"):
        if s.endswith(suffix):
            s = s.removesuffix(suffix)
            break
    if s in _CHINESE_PHRASES:
        return _CHINESE_PHRASES[s]
    m = _CHINESE.fullmatch(s)
    if m is None:
        return None
    amount = _chinese_number(m["n"])
    if amount is None:
        return None
    unit, clock = _CHINESE_UNITS[m["unit"]]
    return amount, unit, clock


# -- deadlines ----------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Deadline:
    """When work started under a time limit is due, and why it lands there.

    The deadline is inclusive: work done exactly at `due_at` is on time, and work is overdue
    only when `as_of > due_at`. `due_at` is never earlier than `start`.

    Examples:
        >>> from datetime import datetime
        >>> from zoneinfo import ZoneInfo
        >>> from propstd.calendars import ALWAYS_OPEN
        >>> start = datetime(2025, 9, 30, 17, 50, tzinfo=ZoneInfo("Asia/Shanghai"))
        >>> d = explain_deadline(start, TimeLimit.parse("24 hours"), calendar=ALWAYS_OPEN)
        >>> print(d.due_at, "|", d.limit, "|", d.calendar)
        2025-10-01 09:50:00+00:00 | 24 hours | always open
        >>> print(d.reason)
        24 hours of real elapsed time after 2025-09-30 09:50 +00:00; nights and holidays count
        >>> d.is_overdue(d.due_at)
        False
    """

    start: datetime = attrs.field(validator=aware)
    """When the clock started (the report, the request, the finding)."""
    limit: TimeLimit = attrs.field(validator=attrs.validators.instance_of(TimeLimit))
    """The time limit applied."""
    due_at: datetime = attrs.field(validator=aware)
    """The deadline, in the calendar's zone (inclusive)."""
    reason: str = attrs.field(validator=nonblank)
    """One line saying why the deadline lands where it does."""
    calendar: str = attrs.field(default="", validator=attrs.validators.instance_of(str))
    """The name (or, if it has none, the zone) of the calendar used."""

    def __attrs_post_init__(self) -> None:
        # compare in UTC: same-zone comparison ignores `fold` and is wrong in a DST overlap
        if _time.to_utc(self.due_at) < _time.to_utc(self.start):
            msg = f"'due_at' must not be earlier than 'start' {self.start!r}, got {self.due_at!r}"
            raise InvalidValueError(msg)

    def is_overdue(self, as_of: datetime) -> bool:
        """Whether work not done by *as_of* is late (`as_of` strictly after `due_at`)."""
        return _time.to_utc(check_aware("as_of", as_of)) > _time.to_utc(self.due_at)

    def __str__(self) -> str:
        return f"{_format_instant(self.due_at)} ({self.limit}: {self.reason})"


def deadline(start: datetime, limit: TimeLimit, *, calendar: WorkingCalendar) -> datetime:
    """The instant by which work started at *start* under *limit* is due (inclusive).

    The result is in the calendar's zone; "the start's local date" is its date in that zone.

    - natural minutes/hours: *start* plus the amount of **real elapsed time** (in UTC, so a
      DST change does not stretch or shrink it);
    - natural days: the end (24:00 local) of the `amount`-th calendar day after the start's
      local date; the start day is not counted (PRC Civil Code art. 201); 0 is the end of the
      start day. Write `72 hours` for an elapsed-time limit;
    - working minutes/hours: `calendar.add_working_time(start, amount)`: only opening hours
      count, and the earliest instant is taken (the last working minute of a day ends at the
      close, not at the next opening);
    - working days, `amount >= 1`: the close of the `amount`-th working day after the start's
      local date (the start day is not counted, working or not);
    - working days, 0 ("same working day", 当日): the close of the start's day if it is a
      working day and *start* is before its close; otherwise the close of the next working day.
      The start's day is its local date, also on a night calendar: at 03:00 inside the
      previous evening's `22:00-06:00` shift, the day is today, whose shift closes tomorrow.

    Raises:
        NaiveDatetimeError: *start* has no UTC offset.
        TypeError: *limit* is not a `TimeLimit`.
        CalendarCoverageError: a working-time limit reaches outside the calendar's data.
        InvalidValueError: the deadline would fall after the year 9999.

    Examples:
        >>> from datetime import datetime
        >>> from zoneinfo import ZoneInfo
        >>> from propstd.calendars import ALWAYS_OPEN, china_calendar
        >>> start = datetime(2025, 9, 30, 17, 50, tzinfo=ZoneInfo("Asia/Shanghai"))
        >>> office = china_calendar(hours="08:30-12:00,13:30-17:30")
        >>> for text in ("2 working hours", "3个工作日", "24 hours", "当日", "3 calendar days"):
        ...     print(text, deadline(start, TimeLimit.parse(text), calendar=office))
        2 working hours 2025-10-09 10:30:00+08:00
        3个工作日 2025-10-11 17:30:00+08:00
        24 hours 2025-10-01 17:50:00+08:00
        当日 2025-10-09 17:30:00+08:00
        3 calendar days 2025-10-04 00:00:00+08:00
        >>> deadline(start, TimeLimit.hours(24), calendar=ALWAYS_OPEN).isoformat()  # UTC calendar
        '2025-10-01T09:50:00+00:00'
    """
    check_aware("start", start)
    check_type("limit", limit, TimeLimit)
    check_type("calendar", calendar, WorkingCalendar)
    tz = _time.zone(calendar.zone)
    if limit.clock is Clock.NATURAL:
        try:
            if limit.unit is TimeUnit.DAY:
                last = start.astimezone(tz).date() + timedelta(days=limit.amount)
                return _time.day_start(last + _time.DAY, tz)
            return (_time.to_utc(start) + limit.duration).astimezone(tz)
        except OverflowError:
            msg = (
                f"the deadline of {str(limit)!r} after {start.isoformat()!r} is after the year 9999"
            )
            raise InvalidValueError(msg) from None
    if limit.unit is not TimeUnit.DAY:
        return calendar.add_working_time(start, limit.duration).astimezone(tz)
    return calendar.end_of_working_day(
        _due_working_day(start, limit.amount, calendar, tz)
    ).astimezone(tz)


def _due_working_day(start: datetime, amount: int, calendar: WorkingCalendar, tz: tzinfo) -> date:
    day = start.astimezone(tz).date()
    if (
        amount == 0
        and calendar.is_working_day(day)
        and _time.to_utc(start) < _time.to_utc(calendar.end_of_working_day(day))
    ):
        return day
    return calendar.add_working_days(day, max(amount, 1))


def explain_deadline(start: datetime, limit: TimeLimit, *, calendar: WorkingCalendar) -> Deadline:
    """The [deadline][propstd.timelimits.deadline] with the start, the limit and the reason.

    `explain_deadline(...).due_at == deadline(...)` always; use `deadline` where only the
    instant is needed (it does not build the explanation).

    Examples:
        >>> from datetime import datetime
        >>> from zoneinfo import ZoneInfo
        >>> from propstd.calendars import ALWAYS_OPEN
        >>> start = datetime(2025, 9, 30, 17, 50, tzinfo=ZoneInfo("Asia/Shanghai"))
        >>> d = explain_deadline(start, TimeLimit.calendar_days(3), calendar=ALWAYS_OPEN)
        >>> print(d.reason)  # doctest: +ELLIPSIS
        end of 2025-10-03 (24:00), the 3rd calendar day after the start date 2025-09-30; ...
    """
    due = deadline(start, limit, calendar=calendar)
    tz = _time.zone(calendar.zone)
    local_start = start.astimezone(tz)
    day = local_start.date()
    if limit.clock is Clock.NATURAL:
        if limit.unit is not TimeUnit.DAY:
            reason = (
                f"{limit} of real elapsed time after {_format_instant(local_start)}; "
                "nights and holidays count"
            )
        elif limit.amount == 0:
            reason = f"end of the start date {day} (24:00)"
        else:
            last = day + timedelta(days=limit.amount)
            reason = (
                f"end of {last} (24:00), the {_ordinal(limit.amount)} calendar day after the "
                f"start date {day}; the start day is not counted (PRC Civil Code art. 201)"
            )
    elif limit.unit is not TimeUnit.DAY:
        first = calendar.next_working_time(start).astimezone(tz)
        if _time.to_utc(first) == _time.to_utc(start):
            reason = f"{limit} counted in opening hours only, from {_format_instant(first)}"
        else:
            reason = (
                f"{limit} counted in opening hours only: the start is outside them, so the "
                f"count begins at the next opening, {_format_instant(first)}"
            )
        if due.date() != first.date():
            reason += f"; the clock stops while closed, so it runs out on {due.date()}"
    else:
        due_day = _due_working_day(start, limit.amount, calendar, tz)
        skipped = (due_day - day).days - max(limit.amount, 1)
        plural = "s" if skipped != 1 else ""
        skips = f", skipping {skipped} non-working day{plural}" if skipped > 0 else ""
        makeup = " (a make-up working day, 调休)" if _is_makeup_day(calendar, due_day) else ""
        if limit.amount >= 1:
            reason = (
                f"close of {due_day}{makeup}, the {_ordinal(limit.amount)} working day after "
                f"{day} (the start day is not counted{skips})"
            )
        elif due_day == day:
            reason = f"close of the start's own working day {day}{makeup}"
        elif calendar.is_working_day(day):
            close = calendar.end_of_working_day(day).astimezone(tz)
            reason = (
                f"the start is not before the close of {day} ({close:%H:%M}), so the close of "
                f"the next working day {due_day}{makeup}{skips}"
            )
        else:
            reason = (
                f"{day} is not a working day, so the close of the next working day "
                f"{due_day}{makeup}{skips}"
            )
    return Deadline(
        start=start, limit=limit, due_at=due, reason=reason, calendar=calendar.name or calendar.zone
    )


def _is_makeup_day(calendar: WorkingCalendar, day: date) -> bool:
    days = calendar.makeup_days
    i = bisect.bisect_left(days, day)
    return i < len(days) and days[i] == day


def _ordinal(n: int) -> str:
    suffix = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _format_instant(t: datetime) -> str:
    offset = t.utcoffset()
    assert offset is not None
    minutes = int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    hh, mm = divmod(abs(minutes), 60)
    clock = f"{t:%H:%M}" if t.second == 0 and t.microsecond == 0 else t.time().isoformat()
    return f"{t:%Y-%m-%d} {clock} {sign}{hh:02d}:{mm:02d}"
