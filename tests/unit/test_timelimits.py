"""Unit tests for propstd.timelimits: construction, parsing, text, ordering."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import attrs
import pytest

from propstd import timelimits
from propstd.errors import InvalidValueError, ParseError
from propstd.timelimits import Clock, TimeLimit, TimeUnit

N, W = Clock.NATURAL, Clock.WORKING
MIN, HOUR, DAY = TimeUnit.MINUTE, TimeUnit.HOUR, TimeUnit.DAY


class TestConstruction:
    """TimeLimit(amount, unit, clock)."""

    def test_fields_convert_strings_to_members(self) -> None:
        """String values become enum members."""
        limit = TimeLimit(2, "hour", "working")
        assert (limit.unit, limit.clock) == (TimeUnit.HOUR, Clock.WORKING)

    def test_strings_are_read_case_insensitively(self) -> None:
        """' Hour ' and 'WORKING' name the members."""
        assert TimeLimit(2, " Hour ", "WORKING") == TimeLimit(2, HOUR, W)

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
                (1.5, HOUR, N), TypeError, r"'amount' must be an int, got float 1.5", id="float"
            ),
            pytest.param(
                (True, HOUR, N), TypeError, r"'amount' must be an int, got bool True", id="bool"
            ),
            pytest.param(
                ("2", HOUR, N), TypeError, r"'amount' must be an int, got str '2'", id="str-amount"
            ),
            pytest.param(
                (2, "week", N),
                InvalidValueError,
                r"'unit' must be one of minute, hour, day, got 'week'",
                id="unit",
            ),
            pytest.param(
                (2, HOUR, "business"),
                InvalidValueError,
                r"'clock' must be one of natural, working, got 'business'",
                id="clock",
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
            pytest.param("2 weeks", id="weeks"),
            pytest.param("15m", id="m-could-be-months"),
            pytest.param("-2 hours", id="negative"),
            pytest.param("2.5 hours", id="fraction"),
            pytest.param("2 working", id="no-unit-after-clock"),
            pytest.param("working 2 hours", id="order"),
            pytest.param("2 hours 30 minutes", id="compound"),
            pytest.param("二三小时", id="bad-numeral"),
            pytest.param("百小时", id="hundred-alone"),
            pytest.param("一百零小时", id="dangling-zero"),
            pytest.param("3周", id="weeks-zh"),
            pytest.param("3个", id="no-unit-zh"),
            pytest.param("工作日", id="no-amount-zh"),
            pytest.param("2 hours内内", id="double-suffix"),
        ],
    )
    def test_rejects(self, text: str) -> None:
        """Anything else raises ParseError quoting the text."""
        with pytest.raises(ParseError, match=rf"cannot read a time limit from {text!r}") as info:
            TimeLimit.parse(text)
        assert info.value.text == text
        assert isinstance(info.value, ValueError)

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
        ],
    )
    def test_str_reads_back(self, limit: TimeLimit, text: str) -> None:
        """str() is the canonical form and parses back to an equal limit."""
        assert str(limit) == text
        assert TimeLimit.parse(text) == limit

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

    @pytest.mark.parametrize("limit", [TimeLimit(3, DAY, N), TimeLimit(0, DAY, W)])
    def test_days_have_no_duration(self, limit: TimeLimit) -> None:
        """Days end at midnight or at a close, so they have no fixed length."""
        with pytest.raises(InvalidValueError, match=rf"no fixed duration, got {str(limit)!r}"):
            _ = limit.duration


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

    @pytest.mark.parametrize(
        ("a", "b"),
        [
            pytest.param(TimeLimit(2, HOUR, W), TimeLimit(1, DAY, W), id="hours-vs-days"),
            pytest.param(TimeLimit(72, HOUR, N), TimeLimit(3, DAY, N), id="72h-vs-3-days"),
            pytest.param(TimeLimit(2, HOUR, W), TimeLimit(2, HOUR, N), id="clocks"),
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


def test_public_names() -> None:
    """__all__ is sorted and dir() lists it."""
    assert timelimits.__all__ == sorted(timelimits.__all__)
    assert dir(timelimits) == timelimits.__all__
