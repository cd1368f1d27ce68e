"""Unit tests for propstd.timelimits: construction, parsing, text, ordering."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import pytest

from propstd import timelimits
from propstd.calendars import ALWAYS_OPEN, WorkingCalendar, china_calendar
from propstd.errors import (
    CalendarCoverageError,
    InvalidValueError,
    NaiveDatetimeError,
    ParseError,
)
from propstd.timelimits import Clock, Deadline, TimeLimit, TimeUnit, deadline, explain_deadline

N, W = Clock.NATURAL, Clock.WORKING
MIN, HOUR, DAY = TimeUnit.MINUTE, TimeUnit.HOUR, TimeUnit.DAY
WEEK, MONTH, YEAR = TimeUnit.WEEK, TimeUnit.MONTH, TimeUnit.YEAR


class TestConstruction:
    """TimeLimit(amount, unit, clock)."""

    def test_fields_convert_strings_to_members(self) -> None:
        """String values become enum members."""
        limit = TimeLimit(2, "hour", "working")
        assert (limit.unit, limit.clock) == (TimeUnit.HOUR, Clock.WORKING)

    def test_strings_are_read_case_insensitively(self) -> None:
        """' Hour ' and 'WORKING' name the members."""
        assert TimeLimit(2, " Hour ", "WORKING") == TimeLimit(2, HOUR, W)

    @pytest.mark.parametrize(
        ("word", "member"),
        [
            ("自然时间", N),
            ("工作时间", W),
            ("Business", W),
            (" natural ", N),
            ("分钟", MIN),
            ("小时", HOUR),
            ("h", HOUR),
            ("天", DAY),
            ("日", DAY),
            ("周", WEEK),
            ("星期", WEEK),
            ("月", MONTH),
            ("个月", MONTH),
            ("年", YEAR),
            ("YEARS", YEAR),
        ],
    )
    def test_vocabularies_read_chinese_and_other_words(self, word: str, member: Any) -> None:
        """Clock and TimeUnit read their Chinese labels and other words; values stay English."""
        assert type(member)(word) is member
        assert str(member) == member.value

    def test_vocabulary_labels(self) -> None:
        """Each member has a Chinese label; refusals list the accepted words with field/value."""
        assert [u.label_zh for u in TimeUnit] == ["分钟", "小时", "天", "周", "月", "年"]
        assert [c.label_zh for c in Clock] == ["自然时间", "工作时间"]
        with pytest.raises(
            InvalidValueError, match=r"'clock' must be one of .*\(工作时间\)"
        ) as info:
            TimeLimit(2, HOUR, "overtime")
        assert (info.value.field, info.value.value) == ("clock", "overtime")

    def test_zero_is_allowed(self) -> None:
        """0 minutes is 'immediately'."""
        assert TimeLimit(0, MIN, N).amount == 0

    def test_frozen(self) -> None:
        """Limits cannot be changed in place."""
        limit = TimeLimit(2, HOUR, N)
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            limit.amount = 3  # type: ignore[misc]

    def test_evolve_validates(self) -> None:
        """attrs.evolve runs the validation again."""
        with pytest.raises(InvalidValueError, match=r"'amount' must not be negative, got -1"):
            attrs.evolve(TimeLimit(2, HOUR, N), amount=-1)

    def test_hashable_and_equal_by_fields(self) -> None:
        """Equal limits hash alike; 60 minutes is not equal to 1 hour."""
        assert len({TimeLimit(2, HOUR, N), TimeLimit(2, "hour", "natural")}) == 1
        assert TimeLimit(60, MIN, N) != TimeLimit(1, HOUR, N)

    @pytest.mark.parametrize(
        ("args", "error", "match"),
        [
            pytest.param((-1, HOUR, N), InvalidValueError, r"'amount' .* got -1", id="negative"),
            pytest.param(
                (10**18, HOUR, N),
                InvalidValueError,
                r"'amount' must be at most 999,999,999,999,999,999, got 1000000000000000000",
                id="too-big",
            ),
            pytest.param(
                (-(10**5000), HOUR, N),
                InvalidValueError,
                r"'amount' must not be negative, got <int of about 5000 digits>",
                id="huge-negative",
            ),
            pytest.param(
                (1.5, HOUR, N), TypeError, r"'amount' must be an int, got float 1.5", id="float"
            ),
            pytest.param(
                (True, HOUR, N), TypeError, r"'amount' must be an int, got bool True", id="bool"
            ),
            pytest.param(
                ("2", HOUR, N), TypeError, r"'amount' must be an int, got str '2'", id="str-amount"
            ),
            pytest.param(
                (2, "fortnight", N),
                InvalidValueError,
                r"'unit' must be one of 'minute' \(分钟\), 'hour' \(小时\), .*got 'fortnight'",
                id="unit",
            ),
            pytest.param(
                (2, HOUR, "overtime"),
                InvalidValueError,
                r"'clock' must be one of 'natural' \(自然时间\), 'working' \(工作时间\), "
                r"got 'overtime'",
                id="clock",
            ),
            pytest.param(
                (2, WEEK, W),
                InvalidValueError,
                r"'unit' 'week' counts natural time only",
                id="working-week",
            ),
            pytest.param(
                (2, "month", "working"),
                InvalidValueError,
                r"'unit' 'month' counts natural time only",
                id="working-month",
            ),
            pytest.param(
                (2, 3, N), TypeError, r"'unit' must be a TimeUnit or str, got int 3", id="unit-type"
            ),
            pytest.param(
                (2, HOUR, None),
                TypeError,
                r"'clock' must be a Clock or str, got None",
                id="clock-type",
            ),
        ],
    )
    def test_bad_input(
        self, args: tuple[Any, Any, Any], error: type[Exception], match: str
    ) -> None:
        """Bad fields raise an error naming the field and the value."""
        with pytest.raises(error, match=match):
            TimeLimit(*args)

    @pytest.mark.parametrize(
        ("made", "expected"),
        [
            pytest.param(TimeLimit.minutes(15), TimeLimit(15, MIN, N), id="minutes"),
            pytest.param(TimeLimit.hours(24), TimeLimit(24, HOUR, N), id="hours"),
            pytest.param(TimeLimit.calendar_days(3), TimeLimit(3, DAY, N), id="calendar-days"),
            pytest.param(TimeLimit.working_minutes(30), TimeLimit(30, MIN, W), id="w-minutes"),
            pytest.param(TimeLimit.working_hours(2), TimeLimit(2, HOUR, W), id="w-hours"),
            pytest.param(TimeLimit.working_days(3), TimeLimit(3, DAY, W), id="w-days"),
            pytest.param(TimeLimit.weeks(2), TimeLimit(2, WEEK, N), id="weeks"),
            pytest.param(TimeLimit.months(3), TimeLimit(3, MONTH, N), id="months"),
            pytest.param(TimeLimit.years(1), TimeLimit(1, YEAR, N), id="years"),
        ],
    )
    def test_named_constructors(self, made: TimeLimit, expected: TimeLimit) -> None:
        """Each named constructor fixes unit and clock."""
        assert made == expected

    def test_named_constructor_validates(self) -> None:
        """Named constructors validate like the class."""
        with pytest.raises(InvalidValueError, match=r"'amount' must not be negative, got -3"):
            TimeLimit.working_days(-3)


PARSED = [
    # the contract's spellings
    ("15 minutes", (15, MIN, N)),
    ("15 min", (15, MIN, N)),
    ("2 hours", (2, HOUR, N)),
    ("2h", (2, HOUR, N)),
    ("24 hours", (24, HOUR, N)),
    ("3 days", (3, DAY, N)),
    ("3 calendar days", (3, DAY, N)),
    ("2 working hours", (2, HOUR, W)),
    ("3 working days", (3, DAY, W)),
    ("same working day", (0, DAY, W)),
    ("next working day", (1, DAY, W)),
    ("15分钟", (15, MIN, N)),
    ("2小时", (2, HOUR, N)),
    ("24小时", (24, HOUR, N)),
    ("3天", (3, DAY, N)),
    ("3日", (3, DAY, N)),
    ("2个工作小时", (2, HOUR, W)),
    ("3个工作日", (3, DAY, W)),
    ("当日", (0, DAY, W)),
    ("当天", (0, DAY, W)),
    ("次日", (1, DAY, W)),
    ("立即", (0, MIN, N)),
    ("immediately", (0, MIN, N)),
    # generosity: case, space, singular/plural, 个, 内, numerals
    ("1 hour", (1, HOUR, N)),
    ("1 hours", (1, HOUR, N)),
    ("1 working day", (1, DAY, W)),
    ("  2   Working   HOURS ", (2, HOUR, W)),
    ("within 2 working hours", (2, HOUR, W)),
    ("Within 24 hours.", (24, HOUR, N)),
    ("2 business hours", (2, HOUR, W)),
    ("3 business days", (3, DAY, W)),
    ("30 working minutes", (30, MIN, W)),
    ("3 natural days", (3, DAY, N)),
    ("1 calendar day", (1, DAY, N)),
    ("an hour", (1, HOUR, N)),
    ("a working day", (1, DAY, W)),
    ("one day", (1, DAY, N)),
    ("2 hrs", (2, HOUR, N)),
    ("2hr", (2, HOUR, N)),
    ("15mins", (15, MIN, N)),
    ("3d", (3, DAY, N)),
    ("0 minutes", (0, MIN, N)),
    ("the same working day", (0, DAY, W)),
    ("same business day", (0, DAY, W)),
    ("same day", (0, DAY, W)),
    ("next business day", (1, DAY, W)),
    ("next day", (1, DAY, W)),
    ("at once", (0, MIN, N)),
    ("3工作日", (3, DAY, W)),
    ("3 个 工作日 内", (3, DAY, W)),
    ("3个工作日内", (3, DAY, W)),
    ("24小时以内", (24, HOUR, N)),
    ("15分钟之内", (15, MIN, N)),
    ("2个小时", (2, HOUR, N)),
    ("2个钟头", (2, HOUR, N)),
    ("3个自然日", (3, DAY, N)),
    ("3个日历日", (3, DAY, N)),
    ("3个工作天", (3, DAY, W)),
    ("30工作分钟", (30, MIN, W)),
    ("当日内", (0, DAY, W)),
    ("下一个工作日", (1, DAY, W)),
    ("下个工作日", (1, DAY, W)),
    ("当个工作日", (0, DAY, W)),
    ("立刻", (0, MIN, N)),
    ("马上", (0, MIN, N)),
    ("即时", (0, MIN, N)),
    ("半小时", (30, MIN, N)),
    ("半个小时内", (30, MIN, N)),
    ("三个工作日", (3, DAY, W)),
    ("两个工作小时", (2, HOUR, W)),
    ("十五分钟", (15, MIN, N)),
    ("二十四小时", (24, HOUR, N)),
    ("十天", (10, DAY, N)),
    ("一百二十分钟", (120, MIN, N)),
    ("一百零五分钟", (105, MIN, N)),
    ("两百小时", (200, HOUR, N)),
    ("零分钟", (0, MIN, N)),
    ("３个工作日", (3, DAY, W)),  # full-width digit
    # weeks, months and years (semantics §14.8)
    ("一周内", (1, WEEK, N)),
    ("1周", (1, WEEK, N)),
    ("7天内", (7, DAY, N)),
    ("3周", (3, WEEK, N)),
    ("两个星期", (2, WEEK, N)),
    ("1 week", (1, WEEK, N)),
    ("2 weeks", (2, WEEK, N)),
    ("2 calendar weeks", (2, WEEK, N)),
    ("2wks", (2, WEEK, N)),
    ("3个月内", (3, MONTH, N)),
    ("三个月", (3, MONTH, N)),
    ("半年", (6, MONTH, N)),
    ("3 months", (3, MONTH, N)),
    ("a month", (1, MONTH, N)),
    ("6mos", (6, MONTH, N)),
    ("1年", (1, YEAR, N)),
    ("一年", (1, YEAR, N)),
    ("两年内", (2, YEAR, N)),
    ("1 year", (1, YEAR, N)),
    ("2 yrs", (2, YEAR, N)),
    # bound words that do not change the limit
    ("至少3年", (3, YEAR, N)),
    ("不少于2年", (2, YEAR, N)),
    ("不超过3个工作日", (3, DAY, W)),
    ("不超过当日", (0, DAY, W)),
    ("最多24小时", (24, HOUR, N)),
    ("≤2小时", (2, HOUR, N)),
    ("≤ 2 hours", (2, HOUR, N)),
    ("<= 30 minutes", (30, MIN, N)),
    ("at most 2 working hours", (2, HOUR, W)),
    ("no more than 3 days", (3, DAY, N)),
    ("at least 3 years", (3, YEAR, N)),
    ("≥ 1 year", (1, YEAR, N)),
    ("至少半小时", (30, MIN, N)),
]


class TestParse:
    """TimeLimit.parse reads English and Chinese spellings."""

    @pytest.mark.parametrize(
        ("text", "expected"), [pytest.param(t, e, id=t.strip() or "blank") for t, e in PARSED]
    )
    def test_reads(self, text: str, expected: tuple[int, TimeUnit, Clock]) -> None:
        """Each spelling gives its limit."""
        assert TimeLimit.parse(text) == TimeLimit(*expected)

    @pytest.mark.parametrize(
        "text",
        [
            pytest.param("", id="empty"),
            pytest.param("   ", id="blank"),
            pytest.param("soon", id="word"),
            pytest.param("2", id="no-unit"),
            pytest.param("hours", id="no-amount"),
            pytest.param("15m", id="m-could-be-months"),
            pytest.param("3月", id="month-without-ge-is-march"),
            pytest.param("至少当日", id="at-least-same-day"),
            pytest.param("at least the next working day", id="at-least-next-day"),
            pytest.param("不少于立即", id="at-least-immediately"),
            pytest.param("-2 hours", id="negative"),
            pytest.param("2.5 hours", id="fraction"),
            pytest.param("2 working", id="no-unit-after-clock"),
            pytest.param("working 2 hours", id="order"),
            pytest.param("2 hours 30 minutes", id="compound"),
            pytest.param("二三小时", id="bad-numeral"),
            pytest.param("百小时", id="hundred-alone"),
            pytest.param("一百零小时", id="dangling-zero"),
            pytest.param("3个", id="no-unit-zh"),
            pytest.param("工作日", id="no-amount-zh"),
            pytest.param("2 hours内内", id="double-suffix"),
            pytest.param("9" * 5000 + " hours", id="huge-number"),
            pytest.param("9" * 5000 + "小时", id="huge-number-zh"),
        ],
    )
    def test_rejects(self, text: str) -> None:
        """Anything else raises ParseError quoting the text (at most 200 characters of it)."""
        with pytest.raises(ParseError, match=r"cannot read a time limit from ") as info:
            TimeLimit.parse(text)
        assert (info.value.text, info.value.field, info.value.value) == (text, "text", text)
        assert repr(text)[:50] in str(info.value)
        assert len(str(info.value)) < 400
        assert isinstance(info.value, ValueError)

    @pytest.mark.parametrize(
        "text", ["3 working weeks", "2个工作周", "1 business month", "3个工作月"]
    )
    def test_working_weeks_and_months_are_refused_with_a_reason(self, text: str) -> None:
        """Weeks, months and years of working time have no agreed meaning."""
        with pytest.raises(ParseError, match=r"count natural time only") as info:
            TimeLimit.parse(text)
        assert info.value.field == "text"

    def test_long_text_is_refused(self) -> None:
        """Text over 10,000 characters is refused before it is read (§14.10)."""
        with pytest.raises(InvalidValueError, match=r"at most 10,000 characters") as info:
            TimeLimit.parse(" " * 10_001 + "3 days")
        assert info.value.field == "text"

    @pytest.mark.parametrize("text", [None, 3, b"3 days"])
    def test_rejects_non_strings(self, text: object) -> None:
        """A non-string raises TypeError naming the parameter."""
        with pytest.raises(TypeError, match=r"'text' must be a str"):
            TimeLimit.parse(text)  # type: ignore[arg-type]


class TestText:
    """str() is canonical English that reads back; repr() is a constructor call."""

    @pytest.mark.parametrize(
        ("limit", "text"),
        [
            pytest.param(TimeLimit(15, MIN, N), "15 minutes", id="minutes"),
            pytest.param(TimeLimit(1, MIN, N), "1 minute", id="minute"),
            pytest.param(TimeLimit(0, MIN, N), "0 minutes", id="immediately"),
            pytest.param(TimeLimit(1, HOUR, N), "1 hour", id="hour"),
            pytest.param(TimeLimit(24, HOUR, N), "24 hours", id="hours"),
            pytest.param(TimeLimit(3, DAY, N), "3 calendar days", id="calendar-days"),
            pytest.param(TimeLimit(1, DAY, N), "1 calendar day", id="calendar-day"),
            pytest.param(TimeLimit(0, DAY, N), "0 calendar days", id="calendar-zero"),
            pytest.param(TimeLimit(30, MIN, W), "30 working minutes", id="w-minutes"),
            pytest.param(TimeLimit(2, HOUR, W), "2 working hours", id="w-hours"),
            pytest.param(TimeLimit(1, DAY, W), "1 working day", id="w-day"),
            pytest.param(TimeLimit(3, DAY, W), "3 working days", id="w-days"),
            pytest.param(TimeLimit(0, DAY, W), "same working day", id="same-day"),
            pytest.param(TimeLimit(1, WEEK, N), "1 week", id="week"),
            pytest.param(TimeLimit(2, WEEK, N), "2 weeks", id="weeks"),
            pytest.param(TimeLimit(1, MONTH, N), "1 month", id="month"),
            pytest.param(TimeLimit(3, MONTH, N), "3 months", id="months"),
            pytest.param(TimeLimit(1, YEAR, N), "1 year", id="year"),
            pytest.param(TimeLimit(0, YEAR, N), "0 years", id="zero-years"),
        ],
    )
    def test_str_reads_back(self, limit: TimeLimit, text: str) -> None:
        """str() is the canonical form and parses back to an equal limit."""
        assert str(limit) == text
        assert TimeLimit.parse(text) == limit

    @pytest.mark.parametrize(
        ("limit", "text"),
        [
            pytest.param(TimeLimit(15, MIN, N), "15分钟", id="minutes"),
            pytest.param(TimeLimit(0, MIN, N), "立即", id="immediately"),
            pytest.param(TimeLimit(24, HOUR, N), "24小时", id="hours"),
            pytest.param(TimeLimit(0, HOUR, N), "0小时", id="zero-hours"),
            pytest.param(TimeLimit(3, DAY, N), "3天", id="calendar-days"),
            pytest.param(TimeLimit(30, MIN, W), "30个工作分钟", id="w-minutes"),
            pytest.param(TimeLimit(2, HOUR, W), "2个工作小时", id="w-hours"),
            pytest.param(TimeLimit(3, DAY, W), "3个工作日", id="w-days"),
            pytest.param(TimeLimit(0, DAY, W), "当日", id="same-day"),
            pytest.param(TimeLimit(1, WEEK, N), "1周", id="week"),
            pytest.param(TimeLimit(3, MONTH, N), "3个月", id="months"),
            pytest.param(TimeLimit(0, MONTH, N), "0个月", id="zero-months"),
            pytest.param(TimeLimit(1, YEAR, N), "1年", id="year"),
        ],
    )
    def test_label_zh_reads_back(self, limit: TimeLimit, text: str) -> None:
        """.label_zh is the Chinese form and parses back to an equal limit."""
        assert limit.label_zh == text
        assert TimeLimit.parse(text) == limit

    def test_chinese_is_a_deprecated_alias(self) -> None:
        """The 0.1 name .chinese still works for one release, with a DeprecationWarning."""
        with pytest.warns(DeprecationWarning, match=r"use TimeLimit.label_zh"):
            assert TimeLimit(2, HOUR, W).chinese == "2个工作小时"

    def test_repr(self) -> None:
        """repr() is a constructor call with plain strings."""
        assert repr(TimeLimit(2, HOUR, W)) == "TimeLimit(2, 'hour', 'working')"
        assert eval(repr(TimeLimit(2, HOUR, W))) == TimeLimit(2, HOUR, W)


class TestDuration:
    """limit.duration for minute and hour limits."""

    @pytest.mark.parametrize(
        ("limit", "expected"),
        [
            pytest.param(TimeLimit(15, MIN, N), timedelta(minutes=15), id="minutes"),
            pytest.param(TimeLimit(2, HOUR, W), timedelta(hours=2), id="working-hours"),
            pytest.param(TimeLimit(0, MIN, N), timedelta(0), id="zero"),
        ],
    )
    def test_duration(self, limit: TimeLimit, expected: timedelta) -> None:
        """Minutes and hours have a fixed length in their clock."""
        assert limit.duration == expected

    def test_too_long_for_a_timedelta(self) -> None:
        """A limit past timedelta's range raises InvalidValueError naming it."""
        with pytest.raises(
            InvalidValueError, match=r"'1000000000000000 working hours' is longer than"
        ) as info:
            _ = TimeLimit(10**15, HOUR, W).duration
        assert (info.value.field, info.value.value) == ("amount", 10**15)
        with pytest.raises(InvalidValueError, match=r"longer than a timedelta") as named:
            deadline(EVE, TimeLimit(10**15, MIN, W), calendar=OFFICE)
        assert (named.value.field, named.value.value) == ("limit", TimeLimit(10**15, MIN, W))

    @pytest.mark.parametrize(
        "limit",
        [TimeLimit(3, DAY, N), TimeLimit(0, DAY, W), TimeLimit(1, WEEK, N), TimeLimit(2, YEAR, N)],
    )
    def test_days_have_no_duration(self, limit: TimeLimit) -> None:
        """Days (and weeks, months, years) end at midnight or at a close: no fixed length."""
        with pytest.raises(
            InvalidValueError, match=rf"no fixed duration, got {str(limit)!r}"
        ) as info:
            _ = limit.duration
        assert (info.value.field, info.value.value) == ("unit", limit.unit)


class TestOrdering:
    """Limits order only where the comparison means something."""

    def test_durations_on_one_clock(self) -> None:
        """Minutes and hours on the same clock compare by length."""
        assert TimeLimit(15, MIN, N) < TimeLimit(1, HOUR, N)
        assert TimeLimit(60, MIN, W) <= TimeLimit(1, HOUR, W)
        assert TimeLimit(61, MIN, W) > TimeLimit(1, HOUR, W)
        assert TimeLimit(60, MIN, N) >= TimeLimit(1, HOUR, N)

    def test_days_on_one_clock(self) -> None:
        """Days compare with days on the same clock."""
        assert TimeLimit(0, DAY, W) < TimeLimit(1, DAY, W)
        assert sorted([TimeLimit(3, DAY, N), TimeLimit(1, DAY, N)])[0] == TimeLimit(1, DAY, N)

    def test_across_units(self) -> None:
        """Hours and minutes compare by length, not by amount (2 h > 90 min)."""
        assert TimeLimit.working_hours(2) > TimeLimit.working_minutes(90)
        assert TimeLimit.working_hours(1) < TimeLimit.working_minutes(61)
        assert TimeLimit.working_minutes(120) >= TimeLimit.working_hours(2)
        assert TimeLimit.working_minutes(120) <= TimeLimit.working_hours(2)
        assert not TimeLimit.hours(2) < TimeLimit.minutes(90)

    def test_weeks_with_days_and_years_with_months(self) -> None:
        """A week is 7 days; a year is 12 months."""
        assert TimeLimit.weeks(1) > TimeLimit.calendar_days(6)
        assert TimeLimit.weeks(1) <= TimeLimit.calendar_days(7)
        assert TimeLimit.years(1) > TimeLimit.months(11)
        assert TimeLimit.years(1) <= TimeLimit.months(12)
        assert TimeLimit.weeks(2).comparable_with(TimeLimit.calendar_days(1))
        assert not TimeLimit.months(1).comparable_with(TimeLimit.calendar_days(30))
        assert not TimeLimit.weeks(1).comparable_with(TimeLimit.working_days(5))

    @pytest.mark.parametrize(
        ("a", "b"),
        [
            pytest.param(TimeLimit(2, HOUR, W), TimeLimit(1, DAY, W), id="hours-vs-days"),
            pytest.param(TimeLimit(72, HOUR, N), TimeLimit(3, DAY, N), id="72h-vs-3-days"),
            pytest.param(TimeLimit(2, HOUR, W), TimeLimit(2, HOUR, N), id="clocks"),
            pytest.param(TimeLimit(1, MONTH, N), TimeLimit(30, DAY, N), id="month-vs-days"),
            pytest.param(TimeLimit(1, YEAR, N), TimeLimit(52, WEEK, N), id="year-vs-weeks"),
        ],
    )
    def test_meaningless_comparisons_raise(self, a: TimeLimit, b: TimeLimit) -> None:
        """Comparing across clocks, or durations with days, raises TypeError naming both."""
        with pytest.raises(TypeError, match=rf"{str(a)!r} < {str(b)!r} has no meaning"):
            _ = a < b

    def test_other_types_raise(self) -> None:
        """Comparing with a non-limit raises TypeError naming it."""
        with pytest.raises(TypeError, match=r"cannot compare TimeLimit with int 3"):
            _ = TimeLimit(2, HOUR, N) < 3  # type: ignore[operator]


SH = ZoneInfo("Asia/Shanghai")
BERLIN = ZoneInfo("Europe/Berlin")
OFFICE = china_calendar(hours="08:30-12:00,13:30-17:30")
NIGHT = WorkingCalendar.weekly(hours="22:00-06:00", days="daily", zone="Asia/Shanghai")
DUTY = WorkingCalendar.weekly(hours="00:00-24:00", days="daily", zone="Asia/Shanghai")
BERLIN_DAY = WorkingCalendar.weekly(hours="00:00-24:00", days="daily", zone="Europe/Berlin")
EVE = datetime(2025, 9, 30, 17, 50, tzinfo=SH)  # Tuesday before the National Day holiday
SPRING = datetime(2025, 1, 27, 10, 0, tzinfo=SH)  # Monday before the Spring Festival holiday
SATURDAY = datetime(2025, 3, 15, 10, 0, tzinfo=SH)
LATE = datetime(2025, 3, 12, 18, 30, tzinfo=SH)  # a Wednesday, after the 17:30 close


def sh(y: int, m: int, d: int, hh: int = 0, mm: int = 0, ss: int = 0, us: int = 0) -> datetime:
    """An instant in Asia/Shanghai."""
    return datetime(y, m, d, hh, mm, ss, us, tzinfo=SH)


def berlin(y: int, m: int, d: int, hh: int = 0, *, fold: int = 0) -> datetime:
    """An instant in Europe/Berlin."""
    return datetime(y, m, d, hh, tzinfo=BERLIN, fold=fold)


DEADLINES = [
    # the eve of National Day 2025: 10-01..10-08 off, Saturday 10-11 a make-up working day
    pytest.param(EVE, "2 working hours", OFFICE, sh(2025, 10, 9, 10, 30), id="eve-2-working-hours"),
    pytest.param(EVE, "3个工作日", OFFICE, sh(2025, 10, 11, 17, 30), id="eve-3-working-days"),
    pytest.param(EVE, "24 hours", OFFICE, sh(2025, 10, 1, 17, 50), id="eve-24-hours"),
    pytest.param(EVE, "当日", OFFICE, sh(2025, 10, 9, 17, 30), id="eve-same-day"),
    # a night shift: 03:00 Tuesday lies in Monday's 22:00-06:00 shift, but the start's day is
    # its date (Tuesday), whose shift closes at 06:00 on Wednesday
    pytest.param(sh(2025, 3, 4, 3), "当日", NIGHT, sh(2025, 3, 5, 6), id="night-same-day"),
    pytest.param(sh(2025, 3, 4, 3), "2 working hours", NIGHT, sh(2025, 3, 4, 5), id="night-2h"),
    pytest.param(EVE, "次日", OFFICE, sh(2025, 10, 9, 17, 30), id="eve-next-day"),
    pytest.param(EVE, "3 calendar days", OFFICE, sh(2025, 10, 4), id="eve-3-calendar-days"),
    pytest.param(EVE, "15 minutes", OFFICE, sh(2025, 9, 30, 18, 5), id="eve-15-minutes"),
    pytest.param(EVE, "30 working minutes", OFFICE, sh(2025, 10, 9, 9, 0), id="eve-30-w-min"),
    pytest.param(EVE, "立即", OFFICE, EVE, id="eve-immediately"),
    pytest.param(EVE, "0 calendar days", OFFICE, sh(2025, 10, 1), id="eve-end-of-day"),
    pytest.param(EVE, "3 calendar days", DUTY, sh(2025, 10, 4), id="eve-duty-3-days"),
    # Spring Festival 2025: 01-28..02-04 off; Sunday 01-26 and Saturday 02-08 work
    pytest.param(SPRING, "当日", OFFICE, sh(2025, 1, 27, 17, 30), id="spring-same-day"),
    pytest.param(SPRING, "次日", OFFICE, sh(2025, 2, 5, 17, 30), id="spring-next-day"),
    pytest.param(SPRING, "3个工作日", OFFICE, sh(2025, 2, 7, 17, 30), id="spring-3-days"),
    pytest.param(SPRING, "4个工作日", OFFICE, sh(2025, 2, 8, 17, 30), id="spring-makeup-sat"),
    # 10:00-12:00 and 13:30-17:30 give 6 hours on 01-27; 2 more from 02-05 08:30
    pytest.param(SPRING, "8 working hours", OFFICE, sh(2025, 2, 5, 10, 30), id="spring-8-wh"),
    pytest.param(SPRING, "7天", OFFICE, sh(2025, 2, 4), id="spring-7-calendar-days"),
    pytest.param(sh(2025, 1, 26, 9), "当日", OFFICE, sh(2025, 1, 26, 17, 30), id="makeup-sunday"),
    # a start on a Saturday: the start day is not counted, working or not
    pytest.param(SATURDAY, "当日", OFFICE, sh(2025, 3, 17, 17, 30), id="sat-same-day"),
    pytest.param(SATURDAY, "次日", OFFICE, sh(2025, 3, 17, 17, 30), id="sat-next-day"),
    pytest.param(SATURDAY, "2个工作日", OFFICE, sh(2025, 3, 18, 17, 30), id="sat-2-days"),
    pytest.param(SATURDAY, "2 working hours", OFFICE, sh(2025, 3, 17, 10, 30), id="sat-2-wh"),
    pytest.param(SATURDAY, "1 calendar day", OFFICE, sh(2025, 3, 17), id="sat-1-calendar-day"),
    # after closing time, at the close, just before it; lunch; the last minute
    pytest.param(LATE, "当日", OFFICE, sh(2025, 3, 13, 17, 30), id="late-same-day"),
    pytest.param(LATE, "1 working day", OFFICE, sh(2025, 3, 13, 17, 30), id="late-1-day"),
    pytest.param(LATE, "2 working hours", OFFICE, sh(2025, 3, 13, 10, 30), id="late-2-wh"),
    pytest.param(sh(2025, 3, 12, 17, 30), "当日", OFFICE, sh(2025, 3, 13, 17, 30), id="at-close"),
    pytest.param(sh(2025, 3, 12, 17, 29), "当日", OFFICE, sh(2025, 3, 12, 17, 30), id="pre-close"),
    pytest.param(sh(2025, 3, 12, 6), "当日", OFFICE, sh(2025, 3, 12, 17, 30), id="pre-open"),
    pytest.param(
        sh(2025, 3, 12, 11, 30), "1 working hour", OFFICE, sh(2025, 3, 12, 14), id="lunch"
    ),
    pytest.param(
        sh(2025, 3, 12, 17, 29), "1 working minute", OFFICE, sh(2025, 3, 12, 17, 30), id="last"
    ),
    # Berlin spring forward (2025-03-30 02:00 -> 03:00) and fall back (10-26 03:00 -> 02:00)
    pytest.param(
        berlin(2025, 3, 29, 12), "24 hours", BERLIN_DAY, berlin(2025, 3, 30, 13), id="dst-24h"
    ),
    pytest.param(
        berlin(2025, 3, 29, 12), "1 calendar day", BERLIN_DAY, berlin(2025, 3, 31), id="dst-1-day"
    ),
    pytest.param(
        berlin(2025, 10, 25, 12), "24 hours", BERLIN_DAY, berlin(2025, 10, 26, 11), id="fall-24h"
    ),
    pytest.param(
        berlin(2025, 10, 26, 1),
        "2 hours",
        BERLIN_DAY,
        berlin(2025, 10, 26, 2, fold=1),
        id="fall-2h",
    ),
    pytest.param(
        berlin(2025, 10, 25, 12), "1 calendar day", BERLIN_DAY, berlin(2025, 10, 27), id="fall-day"
    ),
    # the start's local date is taken in the calendar's zone, not the start's
    pytest.param(
        datetime(2025, 9, 30, 16, 30, tzinfo=UTC),
        "1 calendar day",
        DUTY,
        sh(2025, 10, 3),
        id="zone-of-calendar",
    ),
    pytest.param(EVE, "24 hours", ALWAYS_OPEN, datetime(2025, 10, 1, 9, 50, tzinfo=UTC), id="utc"),
]


class TestDeadline:
    """deadline(start, limit, *, calendar) per semantics §5."""

    @pytest.mark.parametrize(("start", "text", "calendar", "expected"), DEADLINES)
    def test_hand_worked(
        self, start: datetime, text: str, calendar: WorkingCalendar, expected: datetime
    ) -> None:
        """Each hand-worked case lands where the rule says."""
        due = deadline(start, TimeLimit.parse(text), calendar=calendar)
        assert due == expected
        assert due.utcoffset() == expected.utcoffset()  # same wall clock, not just instant
        assert explain_deadline(start, TimeLimit.parse(text), calendar=calendar).due_at == due

    def test_result_is_in_the_calendars_zone(self) -> None:
        """A start in UTC gives a deadline in the calendar's zone."""
        due = deadline(EVE.astimezone(UTC), TimeLimit.hours(1), calendar=OFFICE)
        assert due.tzinfo is not None
        assert due.utcoffset() == timedelta(hours=8)

    def test_natural_hours_are_real_time_across_dst(self) -> None:
        """24 natural hours over the spring-forward night are 25 wall-clock hours."""
        start = berlin(2025, 3, 29, 12)
        due = deadline(start, TimeLimit.hours(24), calendar=BERLIN_DAY)
        assert due.astimezone(UTC) - start.astimezone(UTC) == timedelta(hours=24)

    def test_natural_limits_need_no_holiday_data(self) -> None:
        """Natural time does not ask the calendar about holidays, so 2030 works."""
        start = sh(2030, 5, 1, 9)
        assert deadline(start, TimeLimit.hours(2), calendar=OFFICE) == sh(2030, 5, 1, 11)
        assert deadline(start, TimeLimit.calendar_days(1), calendar=OFFICE) == sh(2030, 5, 3)

    @pytest.mark.parametrize(
        ("start", "limit", "calendar", "error", "match"),
        [
            pytest.param(
                datetime(2025, 3, 12, 9),
                TimeLimit.hours(2),
                OFFICE,
                NaiveDatetimeError,
                r"'start' must be timezone-aware .*2025-03-12T09:00:00",
                id="naive",
            ),
            pytest.param(
                "2025-03-12T09:00+08:00",
                TimeLimit.hours(2),
                OFFICE,
                TypeError,
                r"'start' must be a datetime, got str",
                id="start-str",
            ),
            pytest.param(
                EVE,
                "2 hours",
                OFFICE,
                TypeError,
                r"'limit' must be TimeLimit, got str '2 hours'",
                id="limit-str",
            ),
            pytest.param(
                EVE,
                TimeLimit.hours(2),
                "Asia/Shanghai",
                TypeError,
                r"'calendar' must be WorkingCalendar, got str 'Asia/Shanghai'",
                id="calendar-str",
            ),
            pytest.param(
                sh(2030, 5, 1, 9),
                TimeLimit.working_days(1),
                OFFICE,
                CalendarCoverageError,
                r"2008",
                id="outside-coverage",
            ),
            pytest.param(
                datetime(9998, 12, 31, 12, tzinfo=UTC),
                TimeLimit.hours(24),
                ALWAYS_OPEN,
                InvalidValueError,
                r"deadline of '24 hours' after .*9998-12-31.* falls after 9998-12-31",
                id="overflow-hours",
            ),
            pytest.param(
                datetime(9998, 12, 30, 12, tzinfo=UTC),
                TimeLimit.calendar_days(2),
                ALWAYS_OPEN,
                InvalidValueError,
                r"deadline of '2 calendar days' .* falls after 9998-12-31",
                id="overflow-days",
            ),
            pytest.param(
                datetime(9999, 12, 30, 12, tzinfo=UTC),
                TimeLimit.calendar_days(1),
                ALWAYS_OPEN,
                InvalidValueError,
                r"'start' must fall within years 0002-9998",
                id="start-in-9999",
            ),
        ],
    )
    def test_bad_input(
        self, start: Any, limit: Any, calendar: Any, error: type[Exception], match: str
    ) -> None:
        """Bad arguments raise an error naming the argument and the value."""
        with pytest.raises(error, match=match):
            deadline(start, limit, calendar=calendar)


class TestExplainDeadline:
    """explain_deadline gives the same instant and says why."""

    @pytest.mark.parametrize(
        ("start", "text", "reason"),
        [
            pytest.param(
                EVE,
                "24 hours",
                "24 hours of real elapsed time after 2025-09-30 17:50 +08:00; "
                "nights and holidays count",
                id="natural-hours",
            ),
            pytest.param(
                EVE,
                "3 calendar days",
                "end of 2025-10-03 (24:00), the 3rd calendar day after the start date 2025-09-30; "
                "the start day is not counted (PRC Civil Code art. 201)",
                id="natural-days",
            ),
            pytest.param(
                EVE,
                "0 calendar days",
                "end of the start date 2025-09-30 (24:00)",
                id="natural-zero-days",
            ),
            pytest.param(
                EVE,
                "2 working hours",
                "2 working hours counted in opening hours only: the start is outside them, so the "
                "count begins at the next opening, 2025-10-09 08:30 +08:00",
                id="working-hours-outside",
            ),
            pytest.param(
                sh(2025, 3, 12, 9, 0, 30),
                "2 working hours",
                "2 working hours counted in opening hours only, from 2025-03-12 09:00:30 +08:00",
                id="working-hours-inside",
            ),
            pytest.param(
                sh(2025, 3, 7, 17, 10),
                "2 working hours",
                "2 working hours counted in opening hours only, from 2025-03-07 17:10 +08:00; "
                "the clock stops while closed, so it runs out on 2025-03-10",
                id="working-hours-carried-over",
            ),
            pytest.param(
                EVE,
                "3个工作日",
                "close of 2025-10-11 (a make-up working day, 调休), the 3rd working day after "
                "2025-09-30 (the start day is not counted, skipping 8 non-working days)",
                id="working-days-makeup",
            ),
            pytest.param(
                LATE,
                "1 working day",
                "close of 2025-03-13, the 1st working day after 2025-03-12 "
                "(the start day is not counted)",
                id="working-day-plain",
            ),
            pytest.param(
                sh(2025, 3, 14, 9),
                "1 working day",
                "close of 2025-03-17, the 1st working day after 2025-03-14 "
                "(the start day is not counted, skipping 2 non-working days)",
                id="working-day-weekend",
            ),
            pytest.param(
                sh(2025, 5, 30, 9),
                "1 working day",
                "close of 2025-06-03, the 1st working day after 2025-05-30 "
                "(the start day is not counted, skipping 3 non-working days)",
                id="dragon-boat",
            ),
            pytest.param(
                LATE,
                "当日",
                "the start is not before the close of 2025-03-12 (17:30), so the close of "
                "the next working day 2025-03-13",
                id="same-day-after-close",
            ),
            pytest.param(
                sh(2025, 3, 12, 9),
                "当日",
                "close of the start's own working day 2025-03-12",
                id="same-day",
            ),
            pytest.param(
                sh(2025, 1, 26, 9),
                "当日",
                "close of the start's own working day 2025-01-26 (a make-up working day, 调休)",
                id="same-day-makeup",
            ),
            pytest.param(
                SATURDAY,
                "当日",
                "2025-03-15 is not a working day, so the close of the next working day 2025-03-17, "
                "skipping 1 non-working day",
                id="same-day-weekend",
            ),
            pytest.param(
                sh(2025, 3, 16, 9),
                "当日",
                "2025-03-16 is not a working day, so the close of the next working day 2025-03-17",
                id="same-day-sunday",
            ),
            pytest.param(
                sh(2025, 3, 12, 23, 59, 59, 5),
                "1 hour",
                "1 hour of real elapsed time after 2025-03-12 23:59:59.000005 +08:00; "
                "nights and holidays count",
                id="microseconds",
            ),
            pytest.param(
                sh(2025, 3, 12, 9),
                "11 calendar days",
                "end of 2025-03-23 (24:00), the 11th calendar day after the start date 2025-03-12; "
                "the start day is not counted (PRC Civil Code art. 201)",
                id="11th",
            ),
            pytest.param(
                sh(2025, 3, 12, 9),
                "22 calendar days",
                "end of 2025-04-03 (24:00), the 22nd calendar day after the start date 2025-03-12; "
                "the start day is not counted (PRC Civil Code art. 201)",
                id="22nd",
            ),
            pytest.param(
                sh(2025, 3, 12, 9),
                "1周",
                "end of 2025-03-19 (24:00), 7 calendar days after the start date 2025-03-12; "
                "the start day is not counted (PRC Civil Code art. 201)",
                id="week",
            ),
            pytest.param(
                sh(2025, 3, 12, 9),
                "3个月",
                "end of 2025-06-12 (24:00), 3 months after the start date 2025-03-12: the same "
                "day of the month; the start day is not counted (PRC Civil Code art. 201)",
                id="months",
            ),
            pytest.param(
                sh(2025, 1, 31, 9),
                "1个月",
                "end of 2025-02-28 (24:00), 1 month after the start date 2025-01-31: the month's "
                "last day, as it has no day 31 (PRC Civil Code art. 202); the start day is not "
                "counted (PRC Civil Code art. 201)",
                id="month-clipped",
            ),
            pytest.param(
                sh(2024, 2, 29, 9),
                "1年",
                "end of 2025-02-28 (24:00), 1 year after the start date 2024-02-29: the month's "
                "last day, as it has no day 29 (PRC Civil Code art. 202); the start day is not "
                "counted (PRC Civil Code art. 201)",
                id="year-from-leap-day",
            ),
            pytest.param(
                sh(2025, 3, 12, 9),
                "0 years",
                "end of the start date 2025-03-12 (24:00)",
                id="zero-years",
            ),
        ],
    )
    def test_reason(self, start: datetime, text: str, reason: str) -> None:
        """The reason names the rule that placed the deadline."""
        d = explain_deadline(start, TimeLimit.parse(text), calendar=OFFICE)
        assert d.reason == reason
        assert d.calendar == OFFICE.name
        assert (d.start, d.limit) == (start, TimeLimit.parse(text))

    def test_negative_offset_and_unnamed_calendar(self) -> None:
        """Offsets west of UTC print with a minus sign; an unnamed calendar shows its zone."""
        ny = WorkingCalendar.weekly(zone="America/New_York")
        start = datetime(2025, 3, 12, 9, 0, tzinfo=ZoneInfo("America/New_York"))
        d = explain_deadline(start, TimeLimit.hours(1), calendar=ny)
        assert "2025-03-12 09:00 -04:00" in d.reason
        assert d.calendar == "America/New_York"

    def test_str_and_overdue(self) -> None:
        """str() leads with the instant; overdue only strictly after it."""
        d = explain_deadline(EVE, TimeLimit.hours(24), calendar=OFFICE)
        assert str(d).startswith("2025-10-01 17:50 +08:00 (24 hours: 24 hours of real")
        assert not d.is_overdue(d.due_at)
        assert d.is_overdue(d.due_at + timedelta(microseconds=1))

    @pytest.mark.parametrize(
        ("changes", "error", "match"),
        [
            pytest.param(
                {"due_at": EVE - timedelta(seconds=1)},
                InvalidValueError,
                r"'due_at' must not be earlier than 'start'",
                id="before-start",
            ),
            pytest.param(
                {"reason": " "}, InvalidValueError, r"'reason' must not be empty", id="blank-reason"
            ),
            pytest.param(
                {"start": datetime(2025, 1, 1)},
                NaiveDatetimeError,
                r"'start' must be timezone-aware",
                id="naive-start",
            ),
            pytest.param(
                {"due_at": datetime(2025, 1, 1)},
                NaiveDatetimeError,
                r"'due_at' must be timezone-aware",
                id="naive-due",
            ),
            pytest.param({"limit": "24 hours"}, TypeError, r"'limit' must be", id="limit-str"),
            pytest.param({"calendar": None}, TypeError, r"'calendar' must be", id="calendar"),
        ],
    )
    def test_bad_records(self, changes: dict[str, Any], error: type[Exception], match: str) -> None:
        """A Deadline validates on construction and on evolve."""
        d = explain_deadline(EVE, TimeLimit.hours(24), calendar=OFFICE)
        with pytest.raises(error, match=match):
            attrs.evolve(d, **changes)

    def test_is_overdue_needs_an_instant(self) -> None:
        """A naive as_of raises NaiveDatetimeError."""
        d = explain_deadline(EVE, TimeLimit.hours(24), calendar=OFFICE)
        with pytest.raises(NaiveDatetimeError, match=r"'as_of' must be timezone-aware"):
            d.is_overdue(datetime(2025, 10, 1))

    def test_record_fields(self) -> None:
        """The record keeps what determined the deadline."""
        d = Deadline(
            start=EVE, limit=TimeLimit.hours(1), due_at=EVE + timedelta(hours=1), reason="r"
        )
        assert d.calendar == ""
        assert d.due_at.date() == date(2025, 9, 30)


def test_public_names() -> None:
    """__all__ is sorted and dir() lists it."""
    assert timelimits.__all__ == sorted(timelimits.__all__)
    assert dir(timelimits) == timelimits.__all__


LONGER = [
    pytest.param(sh(2025, 3, 12, 9), TimeLimit.weeks(1), sh(2025, 3, 20), id="week"),
    pytest.param(sh(2025, 3, 12, 9), TimeLimit.weeks(0), sh(2025, 3, 13), id="zero-weeks"),
    pytest.param(sh(2025, 3, 12, 9), TimeLimit.months(3), sh(2025, 6, 13), id="3-months"),
    pytest.param(sh(2025, 1, 31, 9), TimeLimit.months(1), sh(2025, 3, 1), id="clipped-feb"),
    pytest.param(sh(2024, 1, 31, 9), TimeLimit.months(1), sh(2024, 3, 1), id="leap-feb"),
    pytest.param(sh(2025, 1, 31, 9), TimeLimit.months(3), sh(2025, 5, 1), id="back-to-31st"),
    pytest.param(sh(2025, 8, 31, 9), TimeLimit.months(6), sh(2026, 3, 1), id="into-next-year"),
    pytest.param(sh(2025, 12, 15, 9), TimeLimit.months(1), sh(2026, 1, 16), id="december"),
    pytest.param(sh(2024, 2, 29, 9), TimeLimit.years(1), sh(2025, 3, 1), id="leap-day-year"),
    pytest.param(sh(2024, 2, 29, 9), TimeLimit.years(4), sh(2028, 3, 1), id="leap-to-leap"),
    pytest.param(sh(2025, 3, 12, 9), TimeLimit.years(3), sh(2028, 3, 13), id="3-years"),
    pytest.param(sh(2025, 3, 12, 9), TimeLimit.parse("半年"), sh(2025, 9, 13), id="half-year"),
]


class TestLongerLimits:
    """§14.8: weeks, months and years on the natural clock, counted like calendar days."""

    @pytest.mark.parametrize(("start", "limit", "expected"), LONGER)
    def test_deadline(self, start: datetime, limit: TimeLimit, expected: datetime) -> None:
        """The end (24:00) of the day with the start's day of month, clipped at month end."""
        assert deadline(start, limit, calendar=DUTY) == expected
        assert explain_deadline(start, limit, calendar=DUTY).due_at == expected

    def test_a_week_is_seven_calendar_days(self) -> None:
        """1 week and 7 days give the same deadline."""
        week = deadline(EVE, TimeLimit.parse("一周内"), calendar=OFFICE)
        assert week == deadline(EVE, TimeLimit.parse("7天内"), calendar=OFFICE)

    def test_holidays_do_not_matter(self) -> None:
        """Natural months need no holiday data: 2030 is fine on the China calendar."""
        assert deadline(sh(2030, 1, 31, 9), TimeLimit.months(1), calendar=OFFICE) == sh(2030, 3, 1)

    def test_month_in_the_calendars_zone(self) -> None:
        """The start's date is taken in the calendar's zone (UTC 16:30 is 00:30 in Shanghai)."""
        start = datetime(2025, 1, 30, 16, 30, tzinfo=UTC)  # 2025-01-31 00:30 in Shanghai
        assert deadline(start, TimeLimit.months(1), calendar=DUTY) == sh(2025, 3, 1)
        utc = deadline(start, TimeLimit.months(1), calendar=ALWAYS_OPEN)
        assert utc == datetime(2025, 3, 1, tzinfo=UTC)

    @pytest.mark.parametrize(
        "limit",
        [
            TimeLimit.months(12 * 8000),
            TimeLimit.years(10**9),
            TimeLimit.weeks(10**12),
            TimeLimit.hours(10**8),
            TimeLimit.minutes(10**12),
        ],
    )
    def test_too_far(self, limit: TimeLimit) -> None:
        """A deadline after 9998-12-31 is refused, naming the limit."""
        with pytest.raises(InvalidValueError, match=r"falls after 9998-12-31") as info:
            deadline(EVE, limit, calendar=DUTY)
        assert (info.value.field, info.value.value) == ("limit", limit)


FAR_EAST = ZoneInfo("Etc/GMT-14")  # UTC+14 at every date (Kiritimati kept its LMT before 1901)
FAR_WEST = ZoneInfo("Etc/GMT+12")  # UTC-12
EDGE_CALENDARS = [
    WorkingCalendar.weekly(hours="00:00-24:00", days="daily", zone="Etc/GMT-14"),
    WorkingCalendar.weekly(hours="22:00-06:00", days="daily", zone="Etc/GMT+12"),
    ALWAYS_OPEN,
]
EDGE_STARTS = [
    datetime(1, 1, 1, 0, tzinfo=FAR_EAST),
    datetime(1, 1, 1, 12, tzinfo=FAR_WEST),
    datetime(1, 1, 2, 3, tzinfo=FAR_EAST),
    datetime(2, 1, 1, 1, tzinfo=FAR_EAST),
    datetime(9998, 12, 31, 23, tzinfo=FAR_WEST),
    datetime(9999, 12, 31, 23, 59, tzinfo=FAR_WEST),
    datetime(9999, 12, 31, 0, tzinfo=FAR_EAST),
]
EDGE_LIMITS = [
    TimeLimit.minutes(0),
    TimeLimit.hours(5),
    TimeLimit.calendar_days(0),
    TimeLimit.calendar_days(3),
    TimeLimit.months(1),
    TimeLimit.working_hours(3),
    TimeLimit.working_minutes(0),
    TimeLimit.working_days(0),
    TimeLimit.working_days(2),
]


class TestEdgesOfTime:
    """§14.10: near years 1 and 9999, in zones far from UTC, only named errors."""

    @pytest.mark.parametrize("calendar", EDGE_CALENDARS, ids=lambda c: c.zone)
    @pytest.mark.parametrize("start", EDGE_STARTS, ids=lambda t: t.isoformat())
    def test_named_errors_only(self, start: datetime, calendar: WorkingCalendar) -> None:
        """deadline and explain_deadline answer or raise a PropstdError naming start or limit."""
        refused: list[InvalidValueError | CalendarCoverageError] = []
        for limit in EDGE_LIMITS:
            for ask in (deadline, explain_deadline):
                try:
                    ask(start, limit, calendar=calendar)
                except (InvalidValueError, CalendarCoverageError) as exc:
                    refused.append(exc)
        assert all(e.field in {"start", "limit"} for e in refused)
        assert all(e.value in {start, *EDGE_LIMITS} for e in refused)

    def test_year_one_in_the_east(self) -> None:
        """A start on 0001-01-01 in UTC+14 is outside the range, not an OverflowError."""
        start = datetime(1, 1, 1, tzinfo=FAR_EAST)
        with pytest.raises(InvalidValueError, match=r"'start' must fall within years 0002-9998"):
            explain_deadline(start, TimeLimit.calendar_days(1), calendar=EDGE_CALENDARS[0])

    def test_last_day_still_works(self) -> None:
        """9998-12-31 is computed with; its end is the latest deadline."""
        start = datetime(9998, 12, 31, 9, tzinfo=UTC)
        end = datetime(9999, 1, 1, tzinfo=UTC)
        assert deadline(start, TimeLimit.calendar_days(0), calendar=ALWAYS_OPEN) == end
        assert deadline(start, TimeLimit.hours(15), calendar=ALWAYS_OPEN) == end
        assert deadline(start, TimeLimit.working_days(0), calendar=ALWAYS_OPEN) == end

    def test_coverage_error_names_the_start(self) -> None:
        """A working-day deadline running past 2026 names the start as its field and the first
        missing date in its message (§13 item 8)."""
        start = sh(2026, 12, 29, 10)
        with pytest.raises(CalendarCoverageError, match=r"2027-01-01 is not in its data") as info:
            explain_deadline(start, TimeLimit.working_days(5), calendar=OFFICE)
        assert (info.value.field, info.value.value) == ("start", start)
        with pytest.raises(CalendarCoverageError, match=r"extra=\{2027:"):
            deadline(sh(2026, 12, 31, 17), TimeLimit.working_hours(3), calendar=OFFICE)

    def test_the_gap_closes_with_extra_data(self) -> None:
        """With 2027 added, the same deadline has an answer."""
        office = china_calendar(
            hours="08:30-12:00,13:30-17:30",
            extra={2027: "元旦：1月1日（周五）至3日（周日）放假，共3天。"},
        )
        due = deadline(sh(2026, 12, 29, 10), TimeLimit.working_days(5), calendar=office)
        assert due == sh(2027, 1, 6, 17, 30)


@pytest.fixture
def process_zone(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Run the test with the process time zone set to the parameter (TZ), then restore it."""
    monkeypatch.setenv("TZ", request.param)
    time.tzset()
    yield request.param
    monkeypatch.undo()
    time.tzset()


class TestProcessZone:
    """§14.10: results never depend on the process time zone."""

    @pytest.mark.parametrize("process_zone", ["UTC", "America/Los_Angeles"], indirect=True)
    def test_working_day_from_early_morning(self, process_zone: str) -> None:
        """07:00 in Shanghai is the previous evening in UTC: the start's date is Shanghai's."""
        start = sh(2025, 3, 4, 7)  # Tuesday 07:00 = Monday 23:00 UTC
        d = explain_deadline(start, TimeLimit.working_days(1), calendar=OFFICE)
        assert d.due_at == sh(2025, 3, 5, 17, 30)
        assert d.reason.endswith(
            "the 1st working day after 2025-03-04 (the start day is not counted)"
        )
        same = explain_deadline(start, TimeLimit.working_days(0), calendar=OFFICE)
        assert same.reason == "close of the start's own working day 2025-03-04"
        days = explain_deadline(start, TimeLimit.calendar_days(1), calendar=DUTY)
        assert days.due_at == sh(2025, 3, 6)
        assert "start date 2025-03-04" in days.reason


class TestWholeWords:
    """Messages, ordinals and equal-length orderings in full (mutants of them survived)."""

    @pytest.mark.parametrize(
        ("n", "ordinal"),
        [
            (1, "1st"),
            (2, "2nd"),
            (3, "3rd"),
            (4, "4th"),
            (11, "11th"),
            (12, "12th"),
            (13, "13th"),
            (21, "21st"),
            (111, "111th"),
        ],
    )
    def test_ordinals_in_the_reason(self, n: int, ordinal: str) -> None:
        """The reason counts calendar days in English ordinals (11th-13th and 111th included)."""
        start = datetime(2025, 1, 1, 9, tzinfo=ZoneInfo("Asia/Shanghai"))
        reason = explain_deadline(start, TimeLimit.calendar_days(n), calendar=ALWAYS_OPEN).reason
        assert f", the {ordinal} calendar day after the start date 2025-01-01" in reason

    def test_equal_lengths_are_neither_less_nor_greater(self) -> None:
        """120 minutes and 2 hours: not <, not >, but <= and >= (both ways)."""
        a, b = TimeLimit.working_minutes(120), TimeLimit.working_hours(2)
        assert (a < b, a > b, b < a, b > a) == (False, False, False, False)
        assert (a <= b, a >= b, b <= a, b >= a) == (True, True, True, True)

    @pytest.mark.parametrize(
        ("compare", "op"),
        [
            pytest.param(lambda a, b: a < b, "<", id="lt"),
            pytest.param(lambda a, b: a <= b, "<=", id="le"),
            pytest.param(lambda a, b: a > b, ">", id="gt"),
            pytest.param(lambda a, b: a >= b, ">=", id="ge"),
        ],
    )
    def test_meaningless_order_message(self, compare: Any, op: str) -> None:
        """Hours against months: the TypeError shows both limits, the operator and the rule."""
        with pytest.raises(TypeError) as info:
            compare(TimeLimit.hours(1), TimeLimit.months(1))
        assert str(info.value) == (
            f"'1 hour' {op} '1 month' has no meaning: only limits on the same clock that are "
            "both durations (minutes, hours), both counts of days (days, weeks) or both counts "
            "of months (months, years) compare"
        )

    def test_ling_zero(self) -> None:
        """〇 reads as zero like 零."""
        assert TimeLimit.parse("〇天") == TimeLimit.parse("零天") == TimeLimit(0, DAY, N)

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            pytest.param(
                "lots",
                "cannot read a time limit from 'lots'; write an amount and a unit such as "
                "'15 minutes', '2 working hours', '3 working days', '3个工作日' or '当日'",
                id="unreadable",
            ),
            pytest.param(
                "2 working weeks",
                "cannot read a time limit from '2 working weeks': weeks, months and years count "
                "natural time only; write working days (3个工作日) or calendar weeks (1周)",
                id="working-weeks",
            ),
        ],
    )
    def test_parse_errors_in_full(self, text: str, message: str) -> None:
        """A refused text is shown in the message and kept as the error's value."""
        with pytest.raises(ParseError) as info:
            TimeLimit.parse(text)
        assert str(info.value) == message
        assert (info.value.field, info.value.value) == ("text", text)


class TestStartRefusedAsItIs:
    """A start outside years 0002-9998 is refused by the rule that reads it, unwrapped."""

    @pytest.mark.parametrize(
        ("start", "limit"),
        [
            pytest.param(
                datetime(9999, 12, 31, 23, tzinfo=UTC), TimeLimit.minutes(1), id="elapsed"
            ),
            pytest.param(
                datetime(9999, 12, 31, 23, tzinfo=UTC), TimeLimit.calendar_days(1), id="days"
            ),
            pytest.param(datetime(1, 1, 1, 1, tzinfo=UTC), TimeLimit.working_days(1), id="working"),
        ],
    )
    def test_message_names_start(self, start: datetime, limit: TimeLimit) -> None:
        """The error names 'start', shows it and keeps it, with no wrapped cause."""
        with pytest.raises(InvalidValueError) as info:
            deadline(start, limit, calendar=ALWAYS_OPEN)
        assert info.value.message == (
            f"'start' must fall within years 0002-9998 (in UTC), got {start!r}"
        )
        assert (info.value.field, info.value.value) == ("start", start)
        assert info.value.__cause__ is None

    def test_deadline_before_start_refused(self) -> None:
        """A Deadline due before its start is refused naming 'due_at' and keeping it."""
        start = datetime(2025, 3, 3, 9, tzinfo=UTC)
        early = start - timedelta(minutes=1)
        with pytest.raises(InvalidValueError) as info:
            Deadline(start=start, limit=TimeLimit.hours(1), due_at=early, reason="r")
        assert info.value.message == (
            f"'due_at' must not be earlier than 'start' {start!r}, got {early!r}"
        )
        assert (info.value.field, info.value.value) == ("due_at", early)

    def test_utc_offset_prints_plus(self) -> None:
        """An instant at UTC prints its offset as +00:00."""
        utc = WorkingCalendar.weekly(zone="UTC")
        d = explain_deadline(datetime(2025, 1, 1, 9, tzinfo=UTC), TimeLimit.hours(1), calendar=utc)
        assert d.reason.startswith("1 hour of real elapsed time after 2025-01-01 09:00 +00:00;")


class TestLimitRefusals:
    """TimeLimit refuses amounts and units with the whole message, the field and the value."""

    @pytest.mark.parametrize(
        ("amount", "message"),
        [
            pytest.param(-1, "'amount' must not be negative, got -1", id="negative"),
            pytest.param(
                10**18,
                "'amount' must be at most 999,999,999,999,999,999, got 1000000000000000000",
                id="too-big",
            ),
        ],
    )
    def test_amount(self, amount: int, message: str) -> None:
        """A negative amount or one past 10**18 - 1 is refused naming 'amount'."""
        with pytest.raises(InvalidValueError) as info:
            TimeLimit(amount, HOUR, N)
        assert info.value.message == message
        assert (info.value.field, info.value.value) == ("amount", amount)

    def test_largest_amount(self) -> None:
        """10**18 - 1 is still an amount."""
        assert TimeLimit(10**18 - 1, DAY, N).amount == 10**18 - 1

    def test_working_weeks(self) -> None:
        """Weeks on the working clock are refused naming 'unit', saying what to write."""
        with pytest.raises(InvalidValueError) as info:
            TimeLimit(1, WEEK, W)
        assert info.value.message == (
            "'unit' 'week' counts natural time only, got the working clock; "
            "write working days, or calendar weeks/months/years"
        )
        assert (info.value.field, info.value.value) == ("unit", WEEK)
