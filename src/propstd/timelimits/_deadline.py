"""Deadlines of time limits on a working calendar, and why they land where they do (private
part of propstd.timelimits).

One function, `_case`, decides which rule applies and where the deadline falls, in a `_Case`
record; `deadline()` returns its instant and `explain_deadline()` renders its reason, so the
rules live in one place.
"""

from __future__ import annotations

import bisect
import enum
from datetime import date, datetime, tzinfo
from typing import NamedTuple, NoReturn

import attrs

from propstd import _time
from propstd._validators import aware, check_aware, check_type, nonblank
from propstd.calendars import WorkingCalendar
from propstd.errors import CalendarCoverageError, InvalidValueError
from propstd.timelimits._limit import TimeLimit
from propstd.timelimits._units import DAYS_PER, MINUTES_PER, MONTHS_PER, Clock, TimeUnit

__all__: list[str] = []

_LAST_ORDINAL = _time.MAX_DATE.toordinal()


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
            raise InvalidValueError(msg, field="due_at", value=self.due_at)

    def is_overdue(self, as_of: datetime) -> bool:
        """Whether work not done by *as_of* is late (`as_of` strictly after `due_at`)."""
        return _time.to_utc(check_aware("as_of", as_of)) > _time.to_utc(self.due_at)

    def __str__(self) -> str:
        return f"{_format_instant(self.due_at)} ({self.limit}: {self.reason})"


class _Rule(enum.Enum):
    """Which rule of `deadline()` placed a deadline."""

    ELAPSED = enum.auto()  # natural minutes/hours: real elapsed time
    END_OF_DAY = enum.auto()  # natural days, weeks, months, years: 24:00 of the last day
    WORKING_TIME = enum.auto()  # working minutes/hours
    WORKING_DAYS = enum.auto()  # N >= 1 working days: the close of the N-th working day
    SAME_DAY = enum.auto()  # 0 working days, before the close of a working day
    AFTER_CLOSE = enum.auto()  # 0 working days, at or after the close: the next working day
    DAY_OFF = enum.auto()  # 0 working days on a day off: the next working day


class _Case(NamedTuple):
    """Where a deadline falls and by which rule."""

    rule: _Rule
    due: datetime  # in the calendar's zone
    day: date | None  # the start's local date in the calendar's zone (not for working time)
    last: date | None = None  # the last day counted, or the working day whose close is due
    close: datetime | None = None  # AFTER_CLOSE: the close the start came after


def deadline(start: datetime, limit: TimeLimit, *, calendar: WorkingCalendar) -> datetime:
    """The instant by which work started at *start* under *limit* is due (inclusive).

    The result is in the calendar's zone; "the start's local date" is its date in that zone.

    - natural minutes/hours: *start* plus the amount of **real elapsed time** (in UTC, so a
      DST change does not stretch or shrink it);
    - natural days: the end (24:00 local) of the `amount`-th calendar day after the start's
      local date; the start day is not counted (PRC Civil Code art. 201); 0 is the end of the
      start day. Write `72 hours` for an elapsed-time limit;
    - natural weeks: as `7 × amount` calendar days;
    - natural months and years: the end (24:00) of the day with the start's day of month,
      `amount` months (12 a year) after the start's local date, or of the month's last day when
      it has no such day (31 January + 1 month ends with 28 or 29 February; PRC Civil Code
      arts. 201-202); the start day is not counted, as for days;
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
        TypeError: *limit* is not a `TimeLimit`, or *calendar* not a `WorkingCalendar`.
        CalendarCoverageError: a working-time limit reaches outside the calendar's data
            (`field` is `"start"`; the message names the first missing date).
        InvalidValueError: the start's date is outside years 0002-9998 (`field` `"start"`),
            or the deadline would fall after 9998-12-31 (`field` `"limit"`).

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
        >>> print(deadline(start, TimeLimit.parse("1个月"), calendar=office))
        2025-10-31 00:00:00+08:00
        >>> deadline(start, TimeLimit.hours(24), calendar=ALWAYS_OPEN).isoformat()  # UTC calendar
        '2025-10-01T09:50:00+00:00'
    """
    return _case(start, limit, calendar).due


def explain_deadline(start: datetime, limit: TimeLimit, *, calendar: WorkingCalendar) -> Deadline:
    """The [deadline][propstd.timelimits.deadline] with the start, the limit and the reason.

    `explain_deadline(...).due_at == deadline(...)` always: both come from the same analysis;
    use `deadline` where only the instant is needed (it does not build the explanation).

    Raises:
        NaiveDatetimeError: *start* has no UTC offset.
        CalendarCoverageError: a working-time limit reaches outside the calendar's data.
        InvalidValueError: the start or the deadline is outside years 0002-9998 (see
            [deadline][propstd.timelimits.deadline]).

    Examples:
        >>> from datetime import datetime
        >>> from zoneinfo import ZoneInfo
        >>> from propstd.calendars import ALWAYS_OPEN
        >>> start = datetime(2025, 9, 30, 17, 50, tzinfo=ZoneInfo("Asia/Shanghai"))
        >>> d = explain_deadline(start, TimeLimit.calendar_days(3), calendar=ALWAYS_OPEN)
        >>> print(d.reason)  # doctest: +ELLIPSIS
        end of 2025-10-03 (24:00), the 3rd calendar day after the start date 2025-09-30; ...
    """
    case = _case(start, limit, calendar)
    return Deadline(
        start=start,
        limit=limit,
        due_at=case.due,
        reason=_reason(case, start, limit, calendar),
        calendar=calendar.name or calendar.zone,
    )


# -- the rules ----------------------------------------------------------------------------


def _case(start: datetime, limit: TimeLimit, calendar: WorkingCalendar) -> _Case:
    check_aware("start", start)
    check_type("limit", limit, TimeLimit)
    check_type("calendar", calendar, WorkingCalendar)
    try:
        if limit.clock is Clock.NATURAL:
            return _natural(start, limit, _time.zone(calendar.zone))
        if limit.unit is not TimeUnit.DAY:
            due = calendar.add_working_time(start, limit.duration)
            return _Case(_Rule.WORKING_TIME, due, None)
        return _working_days(start, limit.amount, calendar)
    except (CalendarCoverageError, InvalidValueError) as exc:
        if exc.field in {"start", "limit"}:
            raise
        if exc.field in {"amount", "unit"}:  # the limit's own refusal (too long a duration)
            raise type(exc)(exc.message, field="limit", value=limit) from exc
        # a calendar query about a date derived from the start: the start is at fault
        raise type(exc)(exc.message, field="start", value=start) from exc


def _natural(start: datetime, limit: TimeLimit, tz: tzinfo) -> _Case:
    if limit.unit in MINUTES_PER:
        due = _time.after("start", start, limit.duration, tz)
        if due is None:
            _too_late(start, limit)
        return _Case(_Rule.ELAPSED, due, None)
    day = _time.in_zone("start", start, tz).date()
    if limit.unit in DAYS_PER:
        o = day.toordinal() + limit.amount * DAYS_PER[limit.unit]
        last = date.fromordinal(o) if o <= _LAST_ORDINAL else None
    else:
        last = _time.add_months(day, limit.amount * MONTHS_PER[limit.unit])
    if last is None:
        _too_late(start, limit)
    return _Case(_Rule.END_OF_DAY, _time.day_start(last + _time.DAY, tz), day, last)


def _working_days(start: datetime, amount: int, calendar: WorkingCalendar) -> _Case:
    day = _time.in_zone("start", start, _time.zone(calendar.zone)).date()
    if amount >= 1:
        last = calendar.add_working_days(day, amount)
        return _Case(_Rule.WORKING_DAYS, calendar.end_of_working_day(last), day, last)
    close = None
    if calendar.is_working_day(day):
        close = calendar.end_of_working_day(day)
        if _time.to_utc(start) < _time.to_utc(close):
            return _Case(_Rule.SAME_DAY, close, day, day)
    last = calendar.add_working_days(day, 1)
    rule = _Rule.DAY_OFF if close is None else _Rule.AFTER_CLOSE
    return _Case(rule, calendar.end_of_working_day(last), day, last, close)


def _too_late(start: datetime, limit: TimeLimit) -> NoReturn:
    msg = f"the deadline of {str(limit)!r} after {start.isoformat()!r} falls after 9998-12-31"
    raise InvalidValueError(msg, field="limit", value=limit)


# -- the reasons ----------------------------------------------------------------------------


def _reason(case: _Case, start: datetime, limit: TimeLimit, calendar: WorkingCalendar) -> str:
    day, last, tz = case.day, case.last, case.due.tzinfo
    if case.rule is _Rule.ELAPSED:
        return (
            f"{limit} of real elapsed time after {_format_instant(start.astimezone(tz))}; "
            "nights and holidays count"
        )
    if case.rule is _Rule.WORKING_TIME:
        return _working_time_reason(case, start, limit, calendar)
    assert day is not None  # every other rule knows the start's day and its last day
    assert last is not None
    if case.rule is _Rule.END_OF_DAY:
        return _end_of_day_reason(day, last, limit)
    skipped = (last - day).days - max(limit.amount, 1)
    skips = f", skipping {skipped} non-working day{_s(skipped)}" if skipped > 0 else ""
    makeup = " (a make-up working day, 调休)" if _is_makeup_day(calendar, last) else ""
    if case.rule is _Rule.WORKING_DAYS:
        return (
            f"close of {last}{makeup}, the {_ordinal(limit.amount)} working day after "
            f"{day} (the start day is not counted{skips})"
        )
    if case.rule is _Rule.SAME_DAY:
        return f"close of the start's own working day {day}{makeup}"
    if case.close is not None:  # AFTER_CLOSE
        return (
            f"the start is not before the close of {day} ({case.close:%H:%M}), so the close of "
            f"the next working day {last}{makeup}{skips}"
        )
    return f"{day} is not a working day, so the close of the next working day {last}{makeup}{skips}"


def _end_of_day_reason(day: date, last: date, limit: TimeLimit) -> str:
    if limit.amount == 0:
        return f"end of the start date {day} (24:00)"
    not_counted = "the start day is not counted (PRC Civil Code art. 201)"
    if limit.unit is TimeUnit.DAY:
        return (
            f"end of {last} (24:00), the {_ordinal(limit.amount)} calendar day after the "
            f"start date {day}; {not_counted}"
        )
    if limit.unit is TimeUnit.WEEK:
        days = (last - day).days
        return (
            f"end of {last} (24:00), {days} calendar days after the start date {day}; {not_counted}"
        )
    same = (
        "the same day of the month"
        if last.day == day.day
        else f"the month's last day, as it has no day {day.day} (PRC Civil Code art. 202)"
    )
    return f"end of {last} (24:00), {limit} after the start date {day}: {same}; {not_counted}"


def _working_time_reason(
    case: _Case, start: datetime, limit: TimeLimit, calendar: WorkingCalendar
) -> str:
    first = calendar.next_working_time(start)
    if _time.to_utc(first) == _time.to_utc(start):
        reason = f"{limit} counted in opening hours only, from {_format_instant(first)}"
    else:
        reason = (
            f"{limit} counted in opening hours only: the start is outside them, so the "
            f"count begins at the next opening, {_format_instant(first)}"
        )
    if case.due.date() != first.date():
        reason += f"; the clock stops while closed, so it runs out on {case.due.date()}"
    return reason


def _s(n: int) -> str:
    return "" if n == 1 else "s"


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
