"""The `TimeLimit` value (private part of propstd.timelimits)."""

from __future__ import annotations

import warnings
from datetime import timedelta

import attrs

from propstd._repr import shown
from propstd._validators import check_int
from propstd.errors import InvalidValueError
from propstd.timelimits._parse import read
from propstd.timelimits._units import (
    DAYS_PER,
    MINUTES_PER,
    MONTHS_PER,
    NATURAL_ONLY,
    Clock,
    TimeUnit,
    to_clock,
    to_unit,
)

__all__: list[str] = []


MAX_AMOUNT = 10**18 - 1
"""The largest amount of a limit (the most digits `parse` reads): every size has a bound."""


def _amount(value: object) -> int:
    amount = check_int("amount", value)
    if amount < 0:
        msg = f"'amount' must not be negative, got {shown(value)}"
        raise InvalidValueError(msg, field="amount", value=value)
    if amount > MAX_AMOUNT:
        msg = f"'amount' must be at most {MAX_AMOUNT:,}, got {shown(value)}"
        raise InvalidValueError(msg, field="amount", value=value)
    return amount


@attrs.frozen(repr=False)
class TimeLimit:
    """A service time limit: an amount of minutes, hours, days, weeks, months or years on a
    natural or working clock.

    `amount` is an `int` from 0 to 10¹⁸ - 1 (floats and bools raise `TypeError`); `unit` and `clock`
    accept their members or any of their words (`"hour"`, `"小时"`, `"working"`, `"工作时间"`).
    Zero is allowed: `0 minutes` is "immediately", `0 working days` is "same working day"
    (当日). Weeks, months and years count natural time only.

    Limits compare with `<`, `<=`, `>`, `>=` only where the comparison means something: two
    limits on the same clock that are both durations (minutes, hours), both counts of days
    (days, weeks: a week is 7 days) or both counts of months (months, years: a year is 12
    months). Anything else (2 working hours against 1 working day, 30 days against 1 month,
    72 hours against 3 calendar days) raises `TypeError`; ask
    [comparable_with][propstd.timelimits.TimeLimit.comparable_with] first. Equality is field by
    field: `60 minutes != 1 hour`, although neither is shorter than the other.

    Raises:
        TypeError: `amount` is not an `int`, or `unit`/`clock` is not a member or a string.
        InvalidValueError: `amount` is negative or above 10¹⁸ - 1, `unit`/`clock` names no
            member, or a week, month or year is on the working clock.

    Examples:
        >>> limit = TimeLimit(2, "hour", "working")
        >>> limit, str(limit), limit.label_zh
        (TimeLimit(2, 'hour', 'working'), '2 working hours', '2个工作小时')
        >>> TimeLimit.parse(str(limit)) == limit
        True
        >>> TimeLimit.minutes(15) < TimeLimit.hours(1)
        True
        >>> TimeLimit.parse("3个月内"), TimeLimit.parse("至少3年").label_zh
        (TimeLimit(3, 'month', 'natural'), '3年')
    """

    amount: int = attrs.field(converter=_amount)
    """How many units (≥ 0)."""
    unit: TimeUnit = attrs.field(converter=to_unit)
    """Minutes, hours, days, weeks, months or years."""
    clock: Clock = attrs.field(converter=to_clock)
    """Natural (real elapsed) time or working time."""

    def __attrs_post_init__(self) -> None:
        if self.unit in NATURAL_ONLY and self.clock is Clock.WORKING:
            msg = (
                f"'unit' {self.unit.value!r} counts natural time only, got the working clock; "
                "write working days, or calendar weeks/months/years"
            )
            raise InvalidValueError(msg, field="unit", value=self.unit)

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
    def weeks(cls, amount: int) -> TimeLimit:
        """*amount* weeks (周): 7 × *amount* calendar days, ending at midnight."""
        return cls(amount, TimeUnit.WEEK, Clock.NATURAL)

    @classmethod
    def months(cls, amount: int) -> TimeLimit:
        """*amount* calendar months (个月), ending at the midnight after the same day of month."""
        return cls(amount, TimeUnit.MONTH, Clock.NATURAL)

    @classmethod
    def years(cls, amount: int) -> TimeLimit:
        """*amount* calendar years (年), ending at the midnight after the same date."""
        return cls(amount, TimeUnit.YEAR, Clock.NATURAL)

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
        and a trailing `内`/`以内`/`之内` are ignored; `个` is optional except in `个月`;
        Chinese numerals up to 999 are read):

        - natural minutes: `15 minutes`, `15 min`, `15 mins`, `15分钟`, `十五分钟`, `半小时`
          (30 minutes); `immediately`, `立即`, `立刻`, `马上` are 0 minutes;
        - natural hours: `2 hours`, `2h`, `2 hrs`, `an hour`, `2小时`, `2个小时`, `2个钟头`;
        - calendar days: `3 days`, `3d`, `3 calendar days`, `3 natural days`, `3天`, `3日`,
          `7天内`, `3个自然日`;
        - weeks, months, years: `1 week`, `2 weeks`, `一周内`, `1周`, `3个星期`; `3 months`,
          `3个月内`, `三个月`, `半年` (6 months); `1 year`, `1年`, `一年`;
        - working minutes/hours: `30 working minutes`, `2 working hours`, `2 business hours`,
          `2个工作小时`;
        - working days: `3 working days`, `3 business days`, `3个工作日`, `3个工作天`;
          `same working day`, `same day`, `当日`, `当天` are 0 working days; `next working day`,
          `next day`, `次日`, `下一个工作日` are 1 working day.

        A leading bound word is read where it does not change the limit: `不超过`, `最多`,
        `≤`, `at most`, `no more than` before any limit; `至少`, `不少于`, `≥`, `at least`
        before an amount and a unit (`至少3年`), not before `立即`, `当日` or `次日`.

        Raises:
            TypeError: *text* is not a string.
            InvalidValueError: *text* is longer than 10,000 characters.
            ParseError: the text is none of the above, or names working weeks, months or
                years; the message quotes it and `field` is `"text"`.

        Examples:
            >>> TimeLimit.parse("2 Working Hours")
            TimeLimit(2, 'hour', 'working')
            >>> TimeLimit.parse("次日")
            TimeLimit(1, 'day', 'working')
            >>> TimeLimit.parse("不超过二十四小时")
            TimeLimit(24, 'hour', 'natural')
            >>> TimeLimit.parse("一周内"), TimeLimit.parse("1年")
            (TimeLimit(1, 'week', 'natural'), TimeLimit(1, 'year', 'natural'))
            >>> TimeLimit.parse("soon")  # doctest: +ELLIPSIS
            Traceback (most recent call last):
            ...
            propstd.errors.ParseError: cannot read a time limit from 'soon'; write ...
        """
        amount, unit, clock = read(text)
        return cls(amount, unit, clock)

    # -- questions about one limit --------------------------------------------------------

    @property
    def duration(self) -> timedelta:
        """The length of a minute or hour limit, in its own clock (working or real time).

        Raises:
            InvalidValueError: the limit is in days, weeks, months or years, which have no
                fixed length (a calendar day ends at midnight; a working day ends at the
                calendar's close; months differ), or it is longer than a `timedelta` holds.

        Examples:
            >>> TimeLimit.working_hours(2).duration
            datetime.timedelta(seconds=7200)
        """
        one = _ONE.get(self.unit)
        if one is None:
            msg = (
                f"a limit in {self.unit.value}s has no fixed duration, got {str(self)!r}; "
                "use deadline() with a calendar, or write it in hours"
            )
            raise InvalidValueError(msg, field="unit", value=self.unit)
        try:
            return self.amount * one
        except OverflowError:
            msg = f"{shown(str(self))} is longer than a timedelta can hold (999999999 days)"
            raise InvalidValueError(msg, field="amount", value=self.amount) from None

    def comparable_with(self, other: TimeLimit) -> bool:
        """Whether `<`, `<=`, `>`, `>=` have a meaning between this limit and *other*.

        They do on the same clock for two durations (minutes, hours), two counts of days
        (days, weeks) or two counts of months (months, years).

        Examples:
            >>> TimeLimit.weeks(1).comparable_with(TimeLimit.calendar_days(6))
            True
            >>> TimeLimit.months(1).comparable_with(TimeLimit.calendar_days(30))
            False
        """
        return self.clock is other.clock and _scale(self.unit)[0] == _scale(other.unit)[0]

    def _order_key(self, other: object, op: str) -> tuple[int, int]:
        if not isinstance(other, TimeLimit):
            msg = f"cannot compare TimeLimit with {type(other).__name__} {shown(other)}"
            raise TypeError(msg)
        if not self.comparable_with(other):
            msg = (
                f"{str(self)!r} {op} {str(other)!r} has no meaning: only limits on the same clock "
                "that are both durations (minutes, hours), both counts of days (days, weeks) or "
                "both counts of months (months, years) compare"
            )
            raise TypeError(msg)
        return self.amount * _scale(self.unit)[1], other.amount * _scale(other.unit)[1]

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
    def label_zh(self) -> str:
        """The limit as a Chinese service standard writes it; `parse` reads it back.

        Examples:
            >>> [TimeLimit.parse(t).label_zh for t in ("2 working hours", "3 working days", "3d")]
            ['2个工作小时', '3个工作日', '3天']
            >>> TimeLimit.working_days(0).label_zh, TimeLimit.minutes(0).label_zh
            ('当日', '立即')
            >>> TimeLimit.weeks(1).label_zh, TimeLimit.months(3).label_zh
            ('1周', '3个月')
        """
        if self.amount == 0 and (self.clock, self.unit) in _CHINESE_ZERO:
            return _CHINESE_ZERO[self.clock, self.unit]
        return f"{self.amount}{_CHINESE_WORDS[self.clock, self.unit]}"

    @property
    def chinese(self) -> str:
        """Deprecated: the old name of [label_zh][propstd.timelimits.TimeLimit.label_zh]."""
        msg = "TimeLimit.chinese is deprecated; use TimeLimit.label_zh (renamed in 0.2)"
        warnings.warn(msg, DeprecationWarning, stacklevel=2)
        return self.label_zh

    def __repr__(self) -> str:
        return f"TimeLimit({self.amount!r}, {self.unit.value!r}, {self.clock.value!r})"

    def __str__(self) -> str:
        if self.unit is TimeUnit.DAY and self.clock is Clock.WORKING and self.amount == 0:
            return "same working day"
        words = _ENGLISH_WORDS[self.clock, self.unit]
        noun = words if self.amount == 1 else f"{words}s"
        return f"{self.amount} {noun}"


_ONE = {unit: timedelta(minutes=minutes) for unit, minutes in MINUTES_PER.items()}


def _scale(unit: TimeUnit) -> tuple[str, int]:
    """The kind of quantity a unit counts, and how many of the kind's base unit it is."""
    if unit in MINUTES_PER:
        return "minutes", MINUTES_PER[unit]
    if unit in DAYS_PER:
        return "days", DAYS_PER[unit]
    return "months", MONTHS_PER[unit]


_ENGLISH_WORDS = {
    (Clock.NATURAL, TimeUnit.MINUTE): "minute",
    (Clock.NATURAL, TimeUnit.HOUR): "hour",
    (Clock.NATURAL, TimeUnit.DAY): "calendar day",
    (Clock.NATURAL, TimeUnit.WEEK): "week",
    (Clock.NATURAL, TimeUnit.MONTH): "month",
    (Clock.NATURAL, TimeUnit.YEAR): "year",
    (Clock.WORKING, TimeUnit.MINUTE): "working minute",
    (Clock.WORKING, TimeUnit.HOUR): "working hour",
    (Clock.WORKING, TimeUnit.DAY): "working day",
}

_CHINESE_WORDS = {
    (Clock.NATURAL, TimeUnit.MINUTE): "分钟",
    (Clock.NATURAL, TimeUnit.HOUR): "小时",
    (Clock.NATURAL, TimeUnit.DAY): "天",
    (Clock.NATURAL, TimeUnit.WEEK): "周",
    (Clock.NATURAL, TimeUnit.MONTH): "个月",
    (Clock.NATURAL, TimeUnit.YEAR): "年",
    (Clock.WORKING, TimeUnit.MINUTE): "个工作分钟",
    (Clock.WORKING, TimeUnit.HOUR): "个工作小时",
    (Clock.WORKING, TimeUnit.DAY): "个工作日",
}
_CHINESE_ZERO = {
    (Clock.NATURAL, TimeUnit.MINUTE): "立即",
    (Clock.WORKING, TimeUnit.DAY): "当日",
}
