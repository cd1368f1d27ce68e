"""Daily windows, closures and the text forms of hours and weekdays (private part of
propstd.calendars)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime, time, timedelta
from typing import Any

import attrs

from propstd._repr import shown
from propstd._validators import check_aware, check_date, check_str, check_text, check_type
from propstd.calendars._tables import DAY_US, to_us
from propstd.errors import InvalidValueError, ParseError

__all__: list[str] = []

_MIDNIGHT = time(0)
_CLOCK = r"(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?"
_WINDOW_RE = re.compile(rf"^\s*{_CLOCK}\s*(?:-|–|—|~|～|至|到)\s*{_CLOCK}\s*$")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_DAY_NAMES: dict[str, int] = {}
for _i, _short in enumerate(WEEKDAYS):
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
        msg = f"'window' has an impossible time of day in {shown(text)}"
        raise ParseError(msg, text, field="window")
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
        raise InvalidValueError(msg, field=attribute.name, value=value)


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
            raise InvalidValueError(msg, field="end", value=self.end)

    @classmethod
    def parse(cls, text: str) -> TimeWindow:
        """Read `"09:00-12:00"`, `"22:00-06:00"`, `"00:00-24:00"` or `"9:00至12:00"`.

        Seconds and microseconds are kept (`"08:00-17:30:15"`); hours run 0-23 (24:00 only as an
        end), minutes and seconds 0-59.

        Raises:
            TypeError: *text* is not a `str`.
            ParseError: the text is not a window (the message shows it).
            InvalidValueError: the window is empty (`"09:00-09:00"`), or the text is longer
                than 10,000 characters.
        """
        match = _WINDOW_RE.match(check_text("window", text))
        if match is None:
            msg = f"'window' must look like '09:00-12:00', got {shown(text)}"
            raise ParseError(msg, text, field="window")
        g = match.groups()
        start = _clock(g[0], g[1], g[2], g[3], text)
        end = _clock(g[4], g[5], g[6], g[7], text)
        if start is None:
            msg = f"'window' cannot start at 24:00, got {shown(text)}"
            raise ParseError(msg, text, field="window")
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
            raise InvalidValueError(msg, field="end", value=self.end)


def windows(name: str, value: object) -> tuple[TimeWindow, ...]:
    """Hours as a tuple of windows: `"08:30-12:00,13:30-17:30"` or a sequence."""
    if isinstance(value, TimeWindow):
        return (value,)
    if isinstance(value, str):
        parts = [p for p in re.split(r"[,，;；、]", check_text(name, value)) if p.strip()]
        if not parts:
            msg = f"{name!r} must name at least one window, got {shown(value)}"
            raise ParseError(msg, value, field=name)
        return tuple(TimeWindow.parse(p) for p in parts)
    if not isinstance(value, Iterable):
        msg = f"{name!r} must be a string or a sequence of TimeWindow, got {shown(value)}"
        raise TypeError(msg)
    out = []
    for item in value:
        if isinstance(item, str):
            out.append(TimeWindow.parse(item))
        else:
            out.append(check_type(f"{name}[]", item, TimeWindow))
    return tuple(out)


def check_day(name: str, found: tuple[TimeWindow, ...]) -> tuple[TimeWindow, ...]:
    """Sort one day's windows and refuse overlaps."""
    ordered = tuple(sorted(found, key=lambda w: w._span()))
    for a, b in itertools.pairwise(ordered):
        if b._span()[0] < a._span()[1]:
            msg = f"{name!r} has overlapping windows {str(a)!r} and {str(b)!r}"
            raise InvalidValueError(msg, field=name, value=found)
    return ordered


def convert_week(value: object) -> tuple[tuple[TimeWindow, ...], ...]:
    if isinstance(value, str) or not isinstance(value, Sequence) or len(value) != 7:
        msg = f"'week' must be 7 sequences of windows (Monday first), got {shown(value)}"
        raise InvalidValueError(msg, field="week", value=value)
    return tuple(
        check_day(f"week[{WEEKDAYS[i]}]", windows(f"week[{WEEKDAYS[i]}]", day)) if day else ()
        for i, day in enumerate(value)
    )


def _dates(name: str, value: object) -> tuple[date, ...]:
    if isinstance(value, str | date) or not isinstance(value, Iterable):
        msg = f"{name!r} must be a collection of dates, got {shown(value)}"
        raise TypeError(msg)
    items = list(value)
    for i, d in enumerate(items):
        check_date(f"{name}[{i}]", d)
    return tuple(sorted(set(items)))


def holidays(value: Iterable[date]) -> tuple[date, ...]:
    return _dates("holidays", value)


def makeup_days(value: Iterable[date]) -> tuple[date, ...]:
    return _dates("makeup_days", value)


def optional_windows(value: object) -> tuple[TimeWindow, ...] | None:
    if value is None:
        return None
    return check_day("makeup_windows", windows("makeup_windows", value))


def closures(value: Iterable[Closure]) -> tuple[Closure, ...]:
    items = tuple(value)
    for i, c in enumerate(items):
        check_type(f"closures[{i}]", c, Closure)
    return tuple(sorted(items, key=lambda c: (to_us(c.start), to_us(c.end), c.reason)))


def parse_days(value: object) -> frozenset[int]:
    """Weekday numbers (Monday = 0) from `"mon-fri"`, `"一至五"`, `"daily"` or names."""
    if isinstance(value, str):
        text = check_text("days", value).strip().lower()
        if text in _ALL_DAYS:
            return frozenset(range(7))
        parts = [p.strip() for p in re.split(r"[,，、;；]", text)]
    elif isinstance(value, Iterable):
        parts = [check_str("days[]", p).strip().lower() for p in value]
    else:
        msg = (
            "'days' must be a string such as 'mon-fri' or a set of weekday names, "
            f"got {shown(value)}"
        )
        raise TypeError(msg)
    out: set[int] = set()
    for part in parts:
        ends = re.split(r"\s*(?:-|–|~|至|到)\s*", part)
        try:
            nums = [_DAY_NAMES[e.strip()] for e in ends]
        except KeyError:
            msg = f"'days' has an unknown weekday in {shown(value)}: {shown(part)}"
            raise ParseError(msg, str(value), field="days") from None
        if len(nums) == 1:
            out.add(nums[0])
        elif len(nums) == 2 and nums[0] <= nums[1]:
            out.update(range(nums[0], nums[1] + 1))
        else:
            msg = f"'days' has a backwards or malformed range in {shown(value)}: {shown(part)}"
            raise ParseError(msg, str(value), field="days")
    if not out:
        msg = f"'days' must name at least one weekday, got {shown(value)}"
        raise ParseError(msg, str(value), field="days")
    return frozenset(out)


def days_text(days: Sequence[int]) -> str:
    if len(days) == 7:
        return "daily"
    if list(days) == list(range(days[0], days[-1] + 1)) and len(days) > 1:
        return f"{WEEKDAYS[days[0]]}-{WEEKDAYS[days[-1]]}"
    return ",".join(WEEKDAYS[d] for d in days)
