"""Unit tests for propstd.calendars: hand-worked working-time cases and bad inputs."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import pytest

import propstd.calendars
from propstd.calendars import ALWAYS_OPEN, Closure, TimeWindow, WorkingCalendar, china_calendar
from propstd.errors import (
    CalendarCoverageError,
    InvalidDataError,
    InvalidValueError,
    NaiveDatetimeError,
    ParseError,
)
from propstd.periods import Period
from propstd.serialization import from_data, json_schema, to_data

SH = ZoneInfo("Asia/Shanghai")
BERLIN = ZoneInfo("Europe/Berlin")
NY = ZoneInfo("America/New_York")
CN = china_calendar()
H = timedelta(hours=1)
M = timedelta(minutes=1)
ZERO = timedelta(0)


def sh(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    """An instant in Asia/Shanghai."""
    return datetime(year, month, day, hour, minute, tzinfo=SH)


class TestTimeWindow:
    """Parsing, printing and validation of daily windows."""

    @pytest.mark.parametrize(
        ("text", "start", "end", "shown"),
        [
            pytest.param("09:00-12:00", time(9), time(12), "09:00-12:00", id="plain"),
            pytest.param("9:00 至 12:00", time(9), time(12), "09:00-12:00", id="chinese"),
            pytest.param("22:00-06:00", time(22), time(6), "22:00-06:00", id="overnight"),
            pytest.param("00:00-24:00", time(0), time(0), "00:00-24:00", id="whole-day"),
            pytest.param("18:00-24:00", time(18), time(0), "18:00-24:00", id="to-midnight"),
            pytest.param(
                "08:30:15.5-09:00",
                time(8, 30, 15, 500_000),
                time(9),
                "08:30:15.500000-09:00",
                id="microseconds",
            ),
        ],
    )
    def test_parse(self, text: str, start: time, end: time, shown: str) -> None:
        """Windows read their spellings and print canonically."""
        window = TimeWindow.parse(text)
        assert (window.start, window.end, str(window)) == (start, end, shown)
        assert TimeWindow.parse(str(window)) == window

    def test_properties(self) -> None:
        """Overnight and nominal length follow the wall clock."""
        assert TimeWindow.parse("22:00-06:00").overnight
        assert TimeWindow.parse("22:00-06:00").length == 8 * H
        assert TimeWindow.parse("00:00-24:00").length == 24 * H
        assert not TimeWindow.parse("09:00-12:00").overnight

    @pytest.mark.parametrize(
        ("text", "error", "match"),
        [
            pytest.param("9-12", ParseError, "'9-12'", id="no-minutes"),
            pytest.param("09:00", ParseError, "'09:00'", id="one-time"),
            pytest.param("25:00-26:00", ParseError, "impossible", id="hour-25"),
            pytest.param("09:60-10:00", ParseError, "'09:60-10:00'", id="minute-60"),
            pytest.param("24:00-06:00", ParseError, "cannot start at 24:00", id="start-24"),
            pytest.param("", ParseError, "window", id="empty-text"),
            pytest.param("09:00-09:00", InvalidValueError, "empty window", id="empty-window"),
        ],
    )
    def test_parse_errors(self, text: str, error: type[Exception], match: str) -> None:
        """Unreadable or empty windows are refused with the text in the message."""
        with pytest.raises(error, match=match):
            TimeWindow.parse(text)

    @pytest.mark.parametrize(
        ("make", "error", "match"),
        [
            pytest.param(
                lambda: TimeWindow(time(9, tzinfo=UTC), time(12)),
                InvalidValueError,
                "'start' must be a wall-clock time",
                id="aware-start",
            ),
            pytest.param(
                lambda: TimeWindow(time(9), time(12, tzinfo=UTC)),
                InvalidValueError,
                "'end'",
                id="aware-end",
            ),
            pytest.param(
                lambda: TimeWindow("09:00", time(12)),  # type: ignore[arg-type]
                TypeError,
                "'start' must be time",
                id="string-start",
            ),
            pytest.param(
                lambda: TimeWindow(time(9), 12),  # type: ignore[arg-type]
                TypeError,
                "'end' must be time",
                id="int-end",
            ),
            pytest.param(
                lambda: TimeWindow(time(9), time(9)), InvalidValueError, "09:00-09:00", id="equal"
            ),
            pytest.param(
                lambda: TimeWindow.parse(9),  # type: ignore[arg-type]
                TypeError,
                "'window' must be a str",
                id="parse-int",
            ),
        ],
    )
    def test_bad_construction(
        self, make: Callable[[], object], error: type[Exception], match: str
    ) -> None:
        """Bad fields raise an error naming the field."""
        with pytest.raises(error, match=match):
            make()


class TestClosure:
    """Aware, half-open, non-empty intervals."""

    def test_fields(self) -> None:
        """A closure keeps its fields."""
        c = Closure(sh(2025, 7, 21, 12), sh(2025, 7, 22), "typhoon")
        assert (c.end - c.start, c.reason) == (12 * H, "typhoon")

    @pytest.mark.parametrize(
        ("make", "error", "match"),
        [
            pytest.param(
                lambda: Closure(datetime(2025, 1, 1), sh(2025, 1, 2)),
                NaiveDatetimeError,
                "'start' must be timezone-aware",
                id="naive-start",
            ),
            pytest.param(
                lambda: Closure(sh(2025, 1, 1), datetime(2025, 1, 2)),
                NaiveDatetimeError,
                "'end' must be timezone-aware",
                id="naive-end",
            ),
            pytest.param(
                lambda: Closure(sh(2025, 1, 1), sh(2025, 1, 1)),
                InvalidValueError,
                "'end' must be after 'start'",
                id="empty",
            ),
            pytest.param(
                lambda: Closure(sh(2025, 1, 2), sh(2025, 1, 1)),
                InvalidValueError,
                "'end' must be after 'start'",
                id="backwards",
            ),
            pytest.param(
                lambda: Closure(date(2025, 1, 1), sh(2025, 1, 2)),  # type: ignore[arg-type]
                TypeError,
                "'start' must be a datetime",
                id="date-start",
            ),
            pytest.param(
                lambda: Closure(sh(2025, 1, 1), sh(2025, 1, 2), 3),  # type: ignore[arg-type]
                TypeError,
                "'reason' must be a str",
                id="reason-int",
            ),
        ],
    )
    def test_bad(self, make: Callable[[], object], error: type[Exception], match: str) -> None:
        """Bad closures are refused, naming the field."""
        with pytest.raises(error, match=match):
            make()


class TestConstruction:
    """WorkingCalendar.weekly() spellings, validation and repr."""

    @pytest.mark.parametrize(
        ("days", "weekdays"),
        [
            pytest.param("mon-fri", {0, 1, 2, 3, 4}, id="mon-fri"),
            pytest.param("mon-sat", {0, 1, 2, 3, 4, 5}, id="mon-sat"),
            pytest.param("daily", set(range(7)), id="daily"),
            pytest.param("一至五", {0, 1, 2, 3, 4}, id="yi-zhi-wu"),
            pytest.param("周一至周六", {0, 1, 2, 3, 4, 5}, id="zhou-yi-zhi-zhou-liu"),
            pytest.param({"sat", "Sunday"}, {5, 6}, id="set-of-names"),
            pytest.param("mon-wed, fri", {0, 1, 2, 4}, id="range-and-name"),
            pytest.param(["星期日"], {6}, id="xingqi-ri"),
        ],
    )
    def test_days(self, days: Any, weekdays: set[int]) -> None:
        """`days` accepts English and Chinese ranges, names and sets."""
        cal = WorkingCalendar.weekly(days=days)
        assert {i for i in range(7) if cal.week[i]} == weekdays

    def test_hours_forms(self) -> None:
        """`hours` accepts a string, a sequence of windows, or a mapping per weekday."""
        text = WorkingCalendar.weekly(hours="08:30-12:00,13:30-17:30")
        seq = WorkingCalendar.weekly(hours=[TimeWindow.parse("13:30-17:30"), "08:30-12:00"])
        assert text == seq
        assert [str(w) for w in text.week[0]] == ["08:30-12:00", "13:30-17:30"]
        mapped = WorkingCalendar.weekly(hours={"mon-fri": "09:00-18:00", "sat": "09:00-12:00"})
        assert [str(w) for w in mapped.week[5]] == ["09:00-12:00"]
        assert mapped.week[6] == ()
        same = WorkingCalendar.weekly(hours={"mon": "09:00-18:00"}, days={"mon"})
        assert [bool(d) for d in same.week] == [True] + [False] * 6
        single = WorkingCalendar.weekly(hours=TimeWindow.parse("09:00-10:00"), days="daily")
        assert all(len(d) == 1 for d in single.week)

    def test_repr(self) -> None:
        """The repr reads like the call that builds the calendar, with counts for data."""
        assert repr(WorkingCalendar.weekly()) == (
            "WorkingCalendar.weekly(hours='09:00-18:00', days='mon-fri', zone='UTC')"
        )
        assert repr(CN) == (
            "WorkingCalendar.weekly(hours='09:00-12:00,13:30-18:00', days='mon-fri', "
            "zone='Asia/Shanghai', holidays=<339 dates>, makeup_days=<123 dates>, "
            "covers='2008-01-01/2027-01-01', name='China (State Council 放假调休)')"
        )
        mixed = WorkingCalendar.weekly(
            hours={"mon": "09:00-18:00", "sat": "09:00-12:00"},
            closures=[Closure(sh(2025, 1, 1), sh(2025, 1, 2))],
        )
        mixed = attrs.evolve(mixed, makeup_windows="10:00-11:00")
        assert repr(mixed) == (
            "WorkingCalendar.weekly(hours={'mon': '09:00-18:00', 'sat': '09:00-12:00'}, "
            "zone='UTC', makeup_windows='10:00-11:00', closures=<1 closures>)"
        )
        assert repr(WorkingCalendar.weekly(days="mon,wed")).count("days='mon,wed'") == 1
        assert "days='daily'" in repr(ALWAYS_OPEN)

    def test_normalised(self) -> None:
        """Holidays are sorted and deduplicated; equal rules make equal calendars."""
        a = WorkingCalendar.weekly(holidays=[date(2025, 1, 2), date(2025, 1, 1), date(2025, 1, 1)])
        assert a.holidays == (date(2025, 1, 1), date(2025, 1, 2))
        assert a == WorkingCalendar.weekly(holidays={date(2025, 1, 1), date(2025, 1, 2)})
        assert hash(a) == hash(WorkingCalendar.weekly(holidays=a.holidays))
        assert china_calendar() is CN  # cached: its tables are built once

    @pytest.mark.parametrize(
        ("kwargs", "error", "match"),
        [
            pytest.param(
                {"hours": "09:00-12:00,11:00-13:00"},
                InvalidValueError,
                "overlapping windows '09:00-12:00' and '11:00-13:00'",
                id="overlap",
            ),
            pytest.param(
                {"hours": "09:00-09:00"}, InvalidValueError, "empty window", id="empty-window"
            ),
            pytest.param({"hours": ""}, ParseError, "at least one window", id="no-window"),
            pytest.param({"hours": 9}, TypeError, "'hours' must be a string", id="hours-int"),
            pytest.param({"hours": [9]}, TypeError, "must be TimeWindow", id="hours-list-int"),
            pytest.param({"days": "mon-xyz"}, ParseError, "unknown weekday", id="unknown-day"),
            pytest.param({"days": "fri-mon"}, ParseError, "backwards", id="backwards-days"),
            pytest.param({"days": ""}, ParseError, "unknown weekday", id="no-days"),
            pytest.param({"days": 5}, TypeError, "'days' must be a string", id="days-int"),
            pytest.param(
                {"zone": "Mars/Olympus"}, InvalidValueError, "Mars/Olympus", id="unknown-zone"
            ),
            pytest.param(
                {"holidays": [date(2025, 1, 1)], "makeup_days": [date(2025, 1, 1)]},
                InvalidValueError,
                "both a holiday and a make-up day.*2025-01-01",
                id="holiday-and-makeup",
            ),
            pytest.param(
                {"holidays": [datetime(2025, 1, 1)]},
                TypeError,
                r"holidays\[0\]' must be a date",
                id="holiday-datetime",
            ),
            pytest.param(
                {"holidays": "2025-01-01"}, TypeError, "collection of dates", id="holidays-string"
            ),
            pytest.param(
                {"closures": ["x"]},
                TypeError,
                r"closures\[0\]' must be Closure",
                id="closure-string",
            ),
            pytest.param(
                {"hours": {"mon": "22:00-10:00", "tue": "09:00-12:00"}},
                InvalidValueError,
                "past midnight on 'mon'.*'tue'",
                id="overnight-overlaps-next-day",
            ),
            pytest.param(
                {"hours": {"mon": "09:00-12:00"}, "days": "mon-sat"},
                InvalidValueError,
                "same weekdays",
                id="mapping-and-days-disagree",
            ),
            pytest.param(
                {"hours": {3: "09:00-12:00"}},
                TypeError,
                "'hours key' must be a str",
                id="mapping-int-key",
            ),
            pytest.param({"covers": "2025"}, TypeError, "'covers' must be", id="covers-string"),
            pytest.param({"name": None}, TypeError, "'name' must be a str", id="name-none"),
        ],
    )
    def test_bad(self, kwargs: dict[str, Any], error: type[Exception], match: str) -> None:
        """Bad calendars are refused with a message naming the field and value."""
        with pytest.raises(error, match=match):
            WorkingCalendar.weekly(**kwargs)

    @pytest.mark.parametrize(
        ("week", "match"),
        [
            pytest.param([()] * 6, "7 sequences", id="six-days"),
            pytest.param("09:00-18:00", "7 sequences", id="string"),
            pytest.param(None, "7 sequences", id="none"),
        ],
    )
    def test_bad_week(self, week: Any, match: str) -> None:
        """The week must have seven days."""
        with pytest.raises(InvalidValueError, match=match):
            WorkingCalendar(zone="UTC", week=week)

    def test_evolve_validates(self) -> None:
        """attrs.evolve runs every check again."""
        with pytest.raises(InvalidValueError, match="Nowhere/City"):
            attrs.evolve(WorkingCalendar.weekly(), zone="Nowhere/City")

    def test_no_days(self) -> None:
        """An empty set of weekdays is refused."""
        with pytest.raises(ParseError, match="at least one weekday"):
            WorkingCalendar.weekly(days=set())

    def test_public_api(self) -> None:
        """`__all__` is sorted and `dir()` shows exactly it."""
        assert propstd.calendars.__all__ == sorted(propstd.calendars.__all__)
        assert dir(propstd.calendars) == propstd.calendars.__all__


class TestChinaAddWorkingTime:
    """add_working_time on the China calendar (09:00-12:00, 13:30-18:00)."""

    @pytest.mark.parametrize(
        ("start", "duration", "expected"),
        [
            pytest.param(sh(2025, 3, 3, 11), H, sh(2025, 3, 3, 12), id="lands-on-noon"),
            pytest.param(sh(2025, 3, 3, 11, 30), H, sh(2025, 3, 3, 14), id="across-lunch"),
            pytest.param(sh(2025, 3, 3, 12, 15), 30 * M, sh(2025, 3, 3, 14), id="from-lunch"),
            pytest.param(sh(2025, 3, 3, 17), H, sh(2025, 3, 3, 18), id="lands-on-closing"),
            pytest.param(sh(2025, 3, 3, 17, 59), M, sh(2025, 3, 3, 18), id="last-minute"),
            pytest.param(sh(2025, 3, 3, 17), 2 * H, sh(2025, 3, 4, 10), id="next-morning"),
            pytest.param(sh(2025, 3, 7, 17), 2 * H, sh(2025, 3, 10, 10), id="over-weekend"),
            pytest.param(sh(2025, 3, 8, 10), H, sh(2025, 3, 10, 10), id="from-saturday"),
            pytest.param(sh(2025, 3, 3, 7), H, sh(2025, 3, 3, 10), id="before-opening"),
            pytest.param(sh(2025, 3, 3, 9), 7 * H + 30 * M, sh(2025, 3, 3, 18), id="whole-day"),
            pytest.param(sh(2025, 3, 3, 18), timedelta(0), sh(2025, 3, 3, 18), id="zero"),
            pytest.param(sh(2025, 1, 24, 17), 2 * H, sh(2025, 1, 26, 10), id="makeup-sunday"),
            pytest.param(sh(2025, 1, 27, 17), 2 * H, sh(2025, 2, 5, 10), id="spring-festival"),
            pytest.param(sh(2025, 9, 30, 17), 2 * H, sh(2025, 10, 9, 10), id="national-day"),
            pytest.param(sh(2025, 9, 26, 17), 2 * H, sh(2025, 9, 28, 10), id="makeup-0928"),
            pytest.param(sh(2025, 10, 10, 17), 2 * H, sh(2025, 10, 11, 10), id="makeup-1011"),
            pytest.param(sh(2025, 3, 4, 10), -2 * H, sh(2025, 3, 3, 17), id="back-overnight"),
            pytest.param(sh(2025, 3, 3, 13, 30), -30 * M, sh(2025, 3, 3, 11, 30), id="back-lunch"),
            pytest.param(sh(2025, 3, 3, 14), -30 * M, sh(2025, 3, 3, 13, 30), id="back-latest"),
            pytest.param(sh(2025, 3, 10, 9), -H, sh(2025, 3, 7, 17), id="back-weekend"),
            pytest.param(sh(2025, 2, 5, 10), -2 * H, sh(2025, 1, 27, 17), id="back-festival"),
            pytest.param(
                datetime(2025, 3, 3, 3, tzinfo=UTC), H, sh(2025, 3, 3, 12), id="utc-input"
            ),
        ],
    )
    def test_table(self, start: datetime, duration: timedelta, expected: datetime) -> None:
        """Each hand-worked case lands where the contract says."""
        got = CN.add_working_time(start, duration)
        assert got == expected
        assert got.tzinfo == SH  # results in the calendar's zone

    def test_across_years(self) -> None:
        """Long durations cross several year tables."""
        start = sh(2024, 12, 31, 17)
        got = CN.add_working_time(start, 7 * H + 30 * M * 501)  # about a year of working time
        assert CN.working_time_between(start, got) == 7 * H + 30 * M * 501
        assert CN.add_working_time(got, -(7 * H + 30 * M * 501)) == start


class TestBlocks:
    """Spans across the engine's 512-day tables (boundaries 2023-04-09, 2024-09-02 and
    2026-01-27, 00:00 UTC = 08:00 in Shanghai)."""

    def test_between_three_tables(self) -> None:
        """A span over three tables adds whole-table totals."""
        start, end = sh(2023, 4, 9, 10), sh(2026, 3, 2, 10)  # a Sunday; a Monday 10:00
        days = CN.working_days_between(date(2023, 4, 9), date(2026, 3, 2))
        assert CN.working_time_between(start, end) == days * (7 * H + 30 * M) + H
        assert CN.working_time_between(end, start) == -(days * (7 * H + 30 * M) + H)

    def test_start_before_first_window_of_table(self) -> None:
        """A start before the first window of its table counts from that window."""
        assert CN.working_time_between(sh(2024, 9, 2, 8), sh(2024, 9, 2, 10)) == H

    def test_back_over_a_boundary(self) -> None:
        """Counting back crosses into the previous table."""
        assert CN.add_working_time(sh(2024, 9, 2, 10), -2 * H) == sh(2024, 8, 30, 17)
        assert CN.add_working_time(sh(2024, 8, 30, 17), 2 * H) == sh(2024, 9, 2, 10)


class TestChinaBetween:
    """working_time_between on the China calendar."""

    @pytest.mark.parametrize(
        ("start", "end", "expected"),
        [
            pytest.param(sh(2025, 3, 3, 8), sh(2025, 3, 3, 20), 7 * H + 30 * M, id="whole-day"),
            pytest.param(sh(2025, 3, 3, 11), sh(2025, 3, 3, 14), 90 * M, id="over-lunch"),
            pytest.param(sh(2025, 3, 7, 17), sh(2025, 3, 10, 10), 2 * H, id="weekend"),
            pytest.param(sh(2025, 3, 10, 10), sh(2025, 3, 7, 17), -2 * H, id="negative"),
            pytest.param(sh(2025, 3, 3, 10), sh(2025, 3, 3, 10), timedelta(0), id="empty"),
            pytest.param(sh(2025, 1, 27, 9), sh(2025, 2, 5, 9), 7 * H + 30 * M, id="festival"),
            pytest.param(sh(2025, 1, 24, 9), sh(2025, 1, 27, 9), 15 * H, id="with-makeup"),
            pytest.param(sh(2025, 9, 30, 9), sh(2025, 10, 9, 9), 7 * H + 30 * M, id="national"),
            pytest.param(
                sh(2024, 1, 1), sh(2026, 1, 1), (251 + 248) * (7 * H + 30 * M), id="two-years"
            ),
        ],
    )
    def test_table(self, start: datetime, end: datetime, expected: timedelta) -> None:
        """Working time in [start, end)."""
        assert CN.working_time_between(start, end) == expected


class TestChinaDays:
    """Working days on the China calendar."""

    @pytest.mark.parametrize(
        ("d", "n", "expected"),
        [
            pytest.param(date(2025, 3, 8), 1, date(2025, 3, 10), id="saturday-plus-1"),
            pytest.param(date(2025, 3, 7), 1, date(2025, 3, 10), id="friday-plus-1"),
            pytest.param(date(2025, 9, 30), 1, date(2025, 10, 9), id="national-day"),
            pytest.param(date(2025, 9, 26), 1, date(2025, 9, 28), id="makeup-sunday"),
            pytest.param(date(2025, 1, 27), 1, date(2025, 2, 5), id="spring-festival"),
            pytest.param(date(2025, 1, 27), 4, date(2025, 2, 8), id="makeup-saturday"),
            pytest.param(date(2025, 3, 8), 0, date(2025, 3, 10), id="zero-rolls-forward"),
            pytest.param(date(2025, 3, 7), 0, date(2025, 3, 7), id="zero-working"),
            pytest.param(date(2025, 10, 9), -1, date(2025, 9, 30), id="minus-1-festival"),
            pytest.param(date(2025, 3, 10), -1, date(2025, 3, 7), id="minus-1-weekend"),
            pytest.param(date(2024, 12, 31), 248, date(2025, 12, 31), id="a-year"),
            pytest.param(date(2025, 12, 31), -248, date(2024, 12, 31), id="a-year-back"),
        ],
    )
    def test_add(self, d: date, n: int, expected: date) -> None:
        """The n-th working day after d (before, for negative n)."""
        assert CN.add_working_days(d, n) == expected

    @pytest.mark.parametrize(
        ("start", "end", "expected"),
        [
            pytest.param(date(2025, 10, 1), date(2025, 10, 13), 3, id="after-national-day"),
            pytest.param(date(2025, 3, 1), date(2025, 4, 1), 21, id="march"),
            pytest.param(date(2025, 4, 1), date(2025, 3, 1), -21, id="negative"),
            pytest.param(date(2025, 1, 1), date(2026, 1, 1), 248, id="year-2025"),
            pytest.param(date(2008, 1, 1), date(2027, 1, 1), 4742, id="all-data"),
        ],
    )
    def test_between(self, start: date, end: date, expected: int) -> None:
        """Working days in [start, end)."""
        assert CN.working_days_between(start, end) == expected

    @pytest.mark.parametrize(
        ("d", "expected"),
        [
            pytest.param(date(2025, 1, 26), True, id="makeup-sunday"),
            pytest.param(date(2025, 1, 28), False, id="festival-eve"),
            pytest.param(date(2025, 3, 8), False, id="saturday"),
            pytest.param(date(2025, 3, 3), True, id="monday"),
            pytest.param(date(2020, 1, 31), False, id="covid-extension"),
        ],
    )
    def test_is_working_day(self, d: date, expected: bool) -> None:
        """Holidays, make-up days and weekends."""
        assert CN.is_working_day(d) is expected

    def test_end_of_working_day(self) -> None:
        """The close of the last window; a day off is refused."""
        assert CN.end_of_working_day(date(2025, 1, 26)) == sh(2025, 1, 26, 18)
        with pytest.raises(InvalidValueError, match=r"'d' must be a working day.*2025-01-28"):
            CN.end_of_working_day(date(2025, 1, 28))

    def test_working_windows(self) -> None:
        """Windows of a period, in order."""
        got = CN.working_windows(Period(date(2025, 1, 25), date(2025, 1, 28)))
        assert got == (
            (sh(2025, 1, 26, 9), sh(2025, 1, 26, 12)),
            (sh(2025, 1, 26, 13, 30), sh(2025, 1, 26, 18)),
            (sh(2025, 1, 27, 9), sh(2025, 1, 27, 12)),
            (sh(2025, 1, 27, 13, 30), sh(2025, 1, 27, 18)),
        )

    def test_working_time_queries(self) -> None:
        """is_working_time and next_working_time."""
        assert CN.is_working_time(sh(2025, 3, 3, 9))
        assert not CN.is_working_time(sh(2025, 3, 3, 12))
        assert CN.next_working_time(sh(2025, 3, 3, 10)) == sh(2025, 3, 3, 10)
        assert CN.next_working_time(sh(2025, 3, 3, 12)) == sh(2025, 3, 3, 13, 30)
        assert CN.next_working_time(sh(2025, 1, 27, 18)) == sh(2025, 2, 5, 9)


class TestCoverage:
    """Outside its data the China calendar refuses to guess."""

    @pytest.mark.parametrize(
        ("ask", "match", "field"),
        [
            pytest.param(
                lambda: CN.is_working_day(date(2007, 12, 31)), "2007", "d", id="day-before"
            ),
            pytest.param(
                lambda: CN.add_working_time(sh(2007, 12, 31, 10), H),
                "2007",
                "start",
                id="add-start-before",
            ),
            pytest.param(
                lambda: CN.add_working_days(date(2007, 12, 31), 1),
                "2007",
                "d",
                id="add-days-before",
            ),
            pytest.param(lambda: CN.is_working_day(date(2027, 1, 4)), "2027", "d", id="day-after"),
            pytest.param(
                lambda: CN.add_working_time(sh(2026, 12, 31, 17), 2 * H),
                "adding 2:00:00 of working time to 2026-12-31T17:00.* runs past 2026-12-31, .*"
                "2027-01-01 is not in its data.*extra=",
                "start",
                id="deadline-past-data",
            ),
            pytest.param(
                lambda: CN.add_working_time(sh(2008, 1, 2, 10), -9 * H),
                "counting 9:00:00 of working time back .* runs back past 2008-01-01, the first "
                "date .*: 2007-12-31 is not in its data",
                "start",
                id="back-past-data",
            ),
            pytest.param(
                lambda: CN.add_working_days(date(2026, 12, 31), 1),
                "counting 1 working day from 2026-12-31 runs past 2026-12-31.* 2027-01-01 is not",
                "d",
                id="days-past-data",
            ),
            pytest.param(
                lambda: CN.add_working_days(date(2008, 1, 2), -2),
                "counting 2 working days back from 2008-01-02 .* 2007-12-31 is not",
                "d",
                id="days-back-past-data",
            ),
            pytest.param(
                lambda: CN.working_time_between(sh(2025, 1, 1), sh(2027, 1, 2)),
                "'end'",
                "end",
                id="between-end",
            ),
            pytest.param(
                lambda: CN.working_time_between(sh(2007, 1, 1), sh(2025, 1, 2)),
                "'start'",
                "start",
                id="between-start",
            ),
            pytest.param(
                lambda: CN.working_days_between(date(2025, 1, 1), date(2027, 2, 1)),
                "'end'",
                "end",
                id="days-between-end",
            ),
            pytest.param(lambda: CN.is_working_time(sh(2027, 1, 1)), "2027", "t", id="time-at-end"),
            pytest.param(
                lambda: CN.next_working_time(sh(2026, 12, 31, 19)),
                "next working time .* 2027-01-01 is not in its data",
                "t",
                id="next-past-data",
            ),
            pytest.param(
                lambda: CN.working_windows(Period(date(2026, 12, 1), date(2027, 2, 1))),
                "2027",
                "period",
                id="windows-past-data",
            ),
            pytest.param(
                lambda: CN.working_windows(Period(date(2007, 12, 1), date(2008, 2, 1))),
                "2007",
                "period",
                id="windows-before-data",
            ),
            pytest.param(
                lambda: CN.end_of_working_day(date(2030, 1, 2)), "2030", "d", id="end-of-day"
            ),
        ],
    )
    def test_outside(self, ask: Callable[[], object], match: str, field: str) -> None:
        """CalendarCoverageError (a LookupError) names the covered range and carries the
        argument and its value."""
        with pytest.raises(CalendarCoverageError, match=match) as info:
            ask()
        assert "2008-01-01 to 2026-12-31" in str(info.value)
        assert isinstance(info.value, LookupError)
        assert info.value.field == field
        assert info.value.value is not None

    def test_deadline_at_the_end_of_the_data_names_the_missing_date(self) -> None:
        """A count that runs past 2026 names 2027-01-01 (not its start) as missing, and how
        to add the year (§13 item 8)."""
        with pytest.raises(CalendarCoverageError) as info:
            CN.add_working_days(date(2026, 12, 29), 5)
        message = str(info.value)
        assert "2027-01-01 is not in its data" in message
        assert "china_calendar(extra={2027:" in message
        assert "2026-12-29 is outside" not in message
        assert info.value.value == date(2026, 12, 29)

    def test_other_calendars_say_to_extend_covers(self) -> None:
        """A calendar of one's own says to give it data and a longer 'covers'."""
        cal = WorkingCalendar.weekly(covers=Period(date(2025, 1, 1), date(2026, 1, 1)))
        with pytest.raises(CalendarCoverageError, match=r"2026-01-01 is not in its data.*'covers'"):
            cal.add_working_days(date(2025, 12, 30), 5)

    def test_last_instant(self) -> None:
        """A deadline may land exactly on the end of the data (a window's close)."""
        assert CN.add_working_time(sh(2026, 12, 31, 17), H) == sh(2026, 12, 31, 18)
        assert CN.working_time_between(sh(2026, 12, 31, 17), sh(2027, 1, 1)) == H

    def test_no_working_time_at_all(self) -> None:
        """A calendar without any window raises instead of searching forever."""
        never = WorkingCalendar(zone="UTC", week=[()] * 7, name="never")
        t = datetime(2025, 1, 1, tzinfo=UTC)
        with pytest.raises(CalendarCoverageError, match="'never' has no working time"):
            never.add_working_time(t, H)
        with pytest.raises(CalendarCoverageError, match="no working time"):
            never.add_working_time(t, -H)
        with pytest.raises(CalendarCoverageError, match="no working time"):
            never.add_working_days(date(2025, 1, 1), 1)
        with pytest.raises(CalendarCoverageError, match="no working time"):
            never.add_working_days(date(2025, 1, 1), -1)
        with pytest.raises(CalendarCoverageError, match="no working time"):
            never.next_working_time(t)
        assert never.working_time_between(t, t + 1000 * H) == timedelta(0)

    def test_only_makeup_days(self) -> None:
        """Working time only on make-up days: found, then the search stops."""
        cal = WorkingCalendar(
            zone="UTC",
            week=[()] * 7,
            makeup_days=[date(2025, 6, 7)],
            makeup_windows="09:00-10:00",
        )
        t = datetime(2025, 1, 1, tzinfo=UTC)
        assert cal.add_working_time(t, H) == datetime(2025, 6, 7, 10, tzinfo=UTC)
        assert cal.add_working_days(date(2025, 1, 1), 1) == date(2025, 6, 7)
        with pytest.raises(CalendarCoverageError):
            cal.add_working_time(t, 2 * H)
        with pytest.raises(CalendarCoverageError):
            cal.add_working_days(date(2025, 1, 1), 2)


class TestInputs:
    """Naive instants and wrong types are refused on every query."""

    @pytest.mark.parametrize(
        ("ask", "error", "match"),
        [
            pytest.param(
                lambda: CN.add_working_time(datetime(2025, 3, 3, 9), H),
                NaiveDatetimeError,
                "'start'",
                id="add-naive",
            ),
            pytest.param(
                lambda: CN.add_working_time(sh(2025, 3, 3, 9), 3600),  # type: ignore[arg-type]
                TypeError,
                "'duration' must be a timedelta",
                id="add-int-duration",
            ),
            pytest.param(
                lambda: CN.working_time_between(sh(2025, 3, 3), datetime(2025, 3, 4)),
                NaiveDatetimeError,
                "'end'",
                id="between-naive",
            ),
            pytest.param(
                lambda: CN.is_working_time(datetime(2025, 3, 3)),
                NaiveDatetimeError,
                "'t'",
                id="is-working-naive",
            ),
            pytest.param(
                lambda: CN.add_working_days(datetime(2025, 3, 3), 1),
                TypeError,
                "'d' must be a date",
                id="days-datetime",
            ),
            pytest.param(
                lambda: CN.add_working_days(date(2025, 3, 3), 1.0),  # type: ignore[arg-type]
                TypeError,
                "'n' must be an int",
                id="days-float",
            ),
            pytest.param(
                lambda: CN.working_days_between(date(2025, 3, 3), "2025-03-04"),  # type: ignore[arg-type]
                TypeError,
                "'end' must be a date",
                id="days-between-string",
            ),
            pytest.param(
                lambda: CN.working_windows("2025-03"),  # type: ignore[arg-type]
                TypeError,
                "'period' must be Period",
                id="windows-string",
            ),
        ],
    )
    def test_bad(self, ask: Callable[[], object], error: type[Exception], match: str) -> None:
        """The error names the argument."""
        with pytest.raises(error, match=match):
            ask()


class _OddDatetime(datetime):
    """A datetime subclass whose subtraction fails (its own TypeError must surface)."""

    def __sub__(self, other: object) -> Any:
        msg = "odd"
        raise TypeError(msg)


class TestOddInputs:
    """An aware datetime whose arithmetic fails keeps its own TypeError."""

    ODD = _OddDatetime(2025, 3, 3, 10, tzinfo=SH)

    @pytest.mark.parametrize(
        "ask",
        [
            pytest.param(lambda t: CN.add_working_time(t, H), id="add"),
            pytest.param(lambda t: CN.working_time_between(t, t), id="between"),
            pytest.param(lambda t: CN.is_working_time(t), id="is-working-time"),
        ],
    )
    def test_type_error(self, ask: Callable[[datetime], object]) -> None:
        """The TypeError of the input is raised again."""
        with pytest.raises(TypeError, match="odd"):
            ask(self.ODD)


class TestDst:
    """Windows are local wall-clock time; their length is real (Berlin, New York)."""

    @pytest.mark.parametrize(
        ("zone", "day", "hours", "expected"),
        [
            pytest.param(
                "Europe/Berlin", date(2025, 3, 30), "00:00-24:00", 23 * H, id="berlin-spring-day"
            ),
            pytest.param(
                "Europe/Berlin", date(2025, 10, 26), "00:00-24:00", 25 * H, id="berlin-fall-day"
            ),
            pytest.param(
                "Europe/Berlin",
                date(2025, 3, 30),
                "01:00-04:00",
                2 * H,
                id="berlin-window-over-gap",
            ),
            pytest.param(
                "Europe/Berlin",
                date(2025, 3, 30),
                "02:30-05:00",
                2 * H,
                id="berlin-start-in-gap-moves-to-0300",
            ),
            pytest.param(
                "Europe/Berlin",
                date(2025, 3, 30),
                "02:00-02:30",
                timedelta(0),
                id="berlin-window-inside-gap",
            ),
            pytest.param(
                "Europe/Berlin",
                date(2025, 10, 26),
                "02:30-03:30",
                2 * H,
                id="berlin-ambiguous-first-occurrence",
            ),
            pytest.param(
                "America/New_York", date(2025, 3, 9), "00:00-24:00", 23 * H, id="ny-spring-day"
            ),
            pytest.param(
                "America/New_York", date(2025, 11, 2), "00:00-24:00", 25 * H, id="ny-fall-day"
            ),
            pytest.param(
                "America/New_York", date(2025, 3, 9), "01:30-02:30", 30 * M, id="ny-end-in-gap"
            ),
            pytest.param(
                "America/New_York",
                date(2025, 11, 1),
                "22:00-06:00",
                9 * H,
                id="ny-night-shift-over-fall-back",
            ),
        ],
    )
    def test_day_length(self, zone: str, day: date, hours: str, expected: timedelta) -> None:
        """Working time of one day equals the window's real length that day."""
        cal = WorkingCalendar.weekly(hours=hours, days="daily", zone=zone)
        windows = cal.working_windows(Period.day(day))
        # Subtract in UTC: same-zone aware subtraction would give wall-clock time.
        assert sum((b.astimezone(UTC) - a.astimezone(UTC) for a, b in windows), ZERO) == expected
        if windows:
            assert cal.working_time_between(windows[0][0], windows[-1][1]) == expected

    def test_gap_boundaries(self) -> None:
        """A start in the gap moves to the first real instant, 03:00 CEST."""
        cal = WorkingCalendar.weekly(hours="02:30-05:00", days="daily", zone="Europe/Berlin")
        got = cal.next_working_time(datetime(2025, 3, 30, 1, tzinfo=BERLIN))
        assert got.isoformat() == "2025-03-30T03:00:00+02:00"
        assert cal.is_working_day(date(2025, 3, 30))
        empty = WorkingCalendar.weekly(hours="02:00-02:30", days="daily", zone="Europe/Berlin")
        assert not empty.is_working_day(date(2025, 3, 30))  # the window vanishes in the gap
        assert empty.is_working_day(date(2025, 3, 31))

    def test_fall_back_add(self) -> None:
        """Counting through the repeated hour uses real elapsed time."""
        cal = WorkingCalendar.weekly(hours="00:00-24:00", days="daily", zone="Europe/Berlin")
        start = datetime(2025, 10, 26, 0, tzinfo=BERLIN)
        got = cal.add_working_time(start, 3 * H)
        assert got.isoformat() == "2025-10-26T02:00:00+01:00"  # the second 02:00
        assert got.fold == 1


class TestClosuresAndNights:
    """Closures cut working time; night windows belong to the day they start."""

    HALF_DAY = Closure(sh(2025, 1, 27, 12), sh(2025, 1, 27, 18), "Spring Festival eve")
    TYPHOON = Closure(sh(2025, 7, 20, 12), sh(2025, 7, 22, 12), "typhoon")
    CAL = WorkingCalendar.weekly(zone="Asia/Shanghai", closures=[HALF_DAY, TYPHOON])
    NIGHT = WorkingCalendar.weekly(hours="22:00-06:00", zone="Asia/Shanghai")

    def test_half_day(self) -> None:
        """The half day before the festival ends at noon."""
        assert self.CAL.end_of_working_day(date(2025, 1, 27)) == sh(2025, 1, 27, 12)
        assert not self.CAL.is_working_time(sh(2025, 1, 27, 13))
        assert self.CAL.add_working_time(sh(2025, 1, 27, 11), 2 * H) == sh(2025, 1, 28, 10)

    def test_typhoon(self) -> None:
        """A closure over days removes whole days and part of one."""
        cal = self.CAL
        assert not cal.is_working_day(date(2025, 7, 21))
        assert cal.is_working_day(date(2025, 7, 22))
        assert cal.working_time_between(sh(2025, 7, 21), sh(2025, 7, 23)) == 6 * H
        assert cal.working_windows(Period.day(date(2025, 7, 22))) == (
            (sh(2025, 7, 22, 12), sh(2025, 7, 22, 18)),
        )
        assert cal.add_working_days(date(2025, 7, 18), 1) == date(2025, 7, 22)
        assert cal.working_days_between(date(2025, 7, 21), date(2025, 7, 24)) == 2

    def test_nested_closures(self) -> None:
        """A closure inside another changes nothing more."""
        cal = WorkingCalendar.weekly(
            closures=[
                Closure(datetime(2025, 3, 3, 10, tzinfo=UTC), datetime(2025, 3, 3, 16, tzinfo=UTC)),
                Closure(datetime(2025, 3, 3, 12, tzinfo=UTC), datetime(2025, 3, 3, 13, tzinfo=UTC)),
            ]
        )
        day = datetime(2025, 3, 3, tzinfo=UTC)
        assert cal.working_time_between(day, day + 24 * H) == 3 * H

    def test_night_shift(self) -> None:
        """Friday 22:00-Saturday 06:00 belongs to Friday."""
        night = self.NIGHT
        assert night.is_working_time(sh(2025, 3, 8, 3))  # Saturday 03:00
        assert not night.is_working_day(date(2025, 3, 8))
        assert night.end_of_working_day(date(2025, 3, 7)) == sh(2025, 3, 8, 6)
        assert night.add_working_time(sh(2025, 3, 7, 23), 8 * H) == sh(2025, 3, 10, 23)
        assert night.working_windows(Period.day(date(2025, 3, 7))) == (
            (sh(2025, 3, 7, 22), sh(2025, 3, 8, 6)),
        )

    def test_night_into_makeup_day(self) -> None:
        """A night window running into a make-up day's window joins it."""
        cal = WorkingCalendar.weekly(
            hours={"mon": "05:00-10:00", "sat": "22:00-06:00"}, makeup_days=[date(2025, 3, 9)]
        )
        sat = datetime(2025, 3, 8, 22, tzinfo=UTC)
        assert cal.working_windows(Period(date(2025, 3, 8), date(2025, 3, 10))) == (
            (sat, datetime(2025, 3, 9, 10, tzinfo=UTC)),
        )
        assert cal.working_time_between(sat, sat + 24 * H) == 12 * H

    def test_makeup_windows(self) -> None:
        """Make-up days use their own windows, or Monday's by default."""
        base = WorkingCalendar.weekly(
            hours={"mon": "08:00-12:00", "tue-fri": "09:00-17:00"},
            makeup_days=[date(2025, 3, 8)],
        )
        sat = datetime(2025, 3, 8, tzinfo=UTC)
        assert base.working_time_between(sat, sat + 24 * H) == 4 * H
        own = attrs.evolve(base, makeup_windows=["10:00-11:00"])
        assert own.working_time_between(sat, sat + 24 * H) == H


class TestAlwaysOpen:
    """Natural time: 24×7 in UTC."""

    def test_natural(self) -> None:
        """Working time is elapsed time."""
        t = datetime(2025, 3, 30, 1, tzinfo=BERLIN)
        assert ALWAYS_OPEN.add_working_time(t, 72 * H) == t.astimezone(UTC) + 72 * H
        assert ALWAYS_OPEN.working_time_between(t, t.astimezone(UTC) + 1000 * H) == 1000 * H
        assert ALWAYS_OPEN.is_working_day(date(1900, 1, 1))
        assert ALWAYS_OPEN.add_working_days(date(2025, 3, 8), 1) == date(2025, 3, 9)
        assert ALWAYS_OPEN.covers is None


class TestSerialization:
    """Calendars round-trip through JSON; the China calendar is written by name."""

    def test_china_by_name(self) -> None:
        """China's calendar is two arguments, not 19 years of dates."""
        data = to_data(china_calendar(hours="08:30-12:00,13:00-17:30"))
        assert data == {"china": {"hours": "08:30-12:00,13:00-17:30", "zone": "Asia/Shanghai"}}
        assert from_data(WorkingCalendar, json.loads(json.dumps(data))) == china_calendar(
            hours="08:30-12:00,13:00-17:30"
        )

    def test_changed_china_is_written_in_full(self) -> None:
        """A China calendar with an extra closure is no longer the named one."""
        changed = attrs.evolve(CN, closures=[TestClosuresAndNights.TYPHOON])
        data = to_data(changed)
        assert "china" not in data
        assert len(data["holidays"]) == 339
        assert from_data(WorkingCalendar, json.loads(json.dumps(data))) == changed

    def test_full_form(self) -> None:
        """Every field of a custom calendar is written and read back."""
        cal = WorkingCalendar.weekly(
            hours={"mon-fri": "09:00-12:00,13:30-18:00", "sat": "22:00-06:00"},
            zone="Europe/Berlin",
            holidays=[date(2025, 1, 1)],
            makeup_days=[date(2025, 1, 5)],
            closures=[TestClosuresAndNights.HALF_DAY],
            covers=Period.year(2025),
            name="estate office",
        )
        cal = attrs.evolve(cal, makeup_windows="10:00-12:00")
        data = to_data(cal)
        assert data["week"]["sat"] == "22:00-06:00"
        assert data["covers"] == "2025"
        assert data["makeup_windows"] == "10:00-12:00"
        assert from_data(WorkingCalendar, json.loads(json.dumps(data))) == cal
        assert from_data(WorkingCalendar, {"zone": "UTC", "week": {"mon": "09:00-10:00"}}) == (
            WorkingCalendar.weekly(hours="09:00-10:00", days="mon")
        )

    def test_window_and_closure(self) -> None:
        """A window is its text; a closure is an object of instants."""
        assert to_data(TimeWindow.parse("00:00-24:00")) == "00:00-24:00"
        assert from_data(TimeWindow, "22:00-06:00") == TimeWindow(time(22), time(6))
        closure = TestClosuresAndNights.TYPHOON
        assert from_data(Closure, to_data(closure)) == closure

    def test_schema(self) -> None:
        """The JSON Schema names both forms."""
        schema = json_schema(WorkingCalendar)
        assert [form["required"] for form in schema["oneOf"]] == [["china"], ["zone", "week"]]
        assert json_schema(TimeWindow)["type"] == "string"

    @pytest.mark.parametrize(
        ("data", "paths"),
        [
            pytest.param([1], ["$"], id="not-an-object"),
            pytest.param({"zone": "UTC"}, ["week"], id="missing-week"),
            pytest.param(
                {"zone": 1, "week": {"xyz": "09:00-10:00", "mon": 9}, "extra": 1},
                ["extra", "week.xyz", "week.mon", "zone"],
                id="several",
            ),
            pytest.param({"zone": "UTC", "week": []}, ["week"], id="week-list"),
            pytest.param({"zone": "UTC", "week": {"mon": "09:00-09:00"}}, ["week.mon"], id="empty"),
            pytest.param({"china": {"hours": 3}}, ["china.hours"], id="china-hours-int"),
            pytest.param({"china": {}, "zone": "UTC"}, ["$"], id="china-with-more"),
            pytest.param({"china": "yes"}, ["china"], id="china-not-object"),
            pytest.param({"china": {"days": "mon"}}, ["china.days"], id="china-extra"),
            pytest.param(
                {"zone": "UTC", "week": {}, "holidays": ["x"]}, ["holidays[0]"], id="bad-holiday"
            ),
            pytest.param({"zone": "UTC", "week": {}, "name": 5}, ["name"], id="name-int"),
        ],
    )
    def test_bad_data(self, data: object, paths: list[str]) -> None:
        """Every problem is reported with its path."""
        with pytest.raises(InvalidDataError) as info:
            from_data(WorkingCalendar, data)
        assert sorted(p.path or "$" for p in info.value.problems) == sorted(paths)

    def test_bad_window(self) -> None:
        """A window that is not a string is refused."""
        with pytest.raises(InvalidDataError, match="expected a window"):
            from_data(TimeWindow, 9)


FAR_EAST = ZoneInfo("Etc/GMT-14")  # UTC+14 at every date (Kiritimati kept its LMT before 1901)
FAR_WEST = ZoneInfo("Etc/GMT+12")  # UTC-12
EAST = WorkingCalendar.weekly(hours="22:00-06:00", days="daily", zone="Etc/GMT-14")
WEST = WorkingCalendar.weekly(hours="00:00-24:00", days="daily", zone="Etc/GMT+12")


class TestEdgesOfTime:
    """§14.10: dates outside 0002-9998 raise named errors, never a builtin OverflowError."""

    @pytest.mark.parametrize(
        "ask",
        [
            pytest.param(lambda: EAST.is_working_day(date(1, 1, 1)), id="day-year-1"),
            pytest.param(lambda: EAST.is_working_day(date(9999, 12, 31)), id="day-year-9999"),
            pytest.param(lambda: EAST.add_working_days(date(1, 1, 2), -1), id="days-year-1"),
            pytest.param(lambda: WEST.add_working_days(date(9999, 12, 30), 1), id="days-9999"),
            pytest.param(
                lambda: WEST.working_days_between(date(1, 1, 2), date(9999, 12, 30)),
                id="days-between",
            ),
            pytest.param(
                lambda: EAST.working_windows(Period(date(1, 1, 1), date(1, 2, 1))), id="windows"
            ),
            pytest.param(
                lambda: EAST.add_working_time(datetime(1, 1, 1, 12, tzinfo=FAR_EAST), H),
                id="add-year-1",
            ),
            pytest.param(
                lambda: WEST.add_working_time(datetime(9999, 12, 31, 1, tzinfo=FAR_WEST), -H),
                id="add-year-9999",
            ),
            pytest.param(
                lambda: WEST.add_working_time(datetime(9998, 12, 31, 20, tzinfo=FAR_WEST), 9 * H),
                id="add-past-9998",
            ),
            pytest.param(
                lambda: EAST.add_working_time(datetime(2, 1, 1, 3, tzinfo=FAR_EAST), -9 * H),
                id="add-back-past-0002",
            ),
            pytest.param(
                lambda: EAST.next_working_time(datetime(9999, 12, 31, 20, tzinfo=FAR_EAST)),
                id="next-9999",
            ),
            pytest.param(
                lambda: EAST.working_time_between(
                    datetime(1, 1, 1, 12, tzinfo=FAR_EAST), datetime(5, 1, 1, tzinfo=UTC)
                ),
                id="between",
            ),
            pytest.param(
                lambda: ALWAYS_OPEN.is_working_time(datetime(1, 1, 1, 1, tzinfo=FAR_EAST)),
                id="always-open-year-1",
            ),
        ],
    )
    def test_named_errors(self, ask: Callable[[], object]) -> None:
        """Each refusal is an InvalidValueError naming the argument, with its value."""
        with pytest.raises(InvalidValueError, match=r"0002|9998") as info:
            ask()
        assert info.value.field in {"d", "start", "end", "t", "period"}
        assert info.value.value is not None

    def test_zero_duration_returns_start_up_to_the_last_date(self) -> None:
        """A zero duration returns the start itself within 0002-9998 and is refused after."""
        for t in (
            datetime(9998, 12, 31, 23, 59, tzinfo=UTC),
            datetime(2, 1, 1, tzinfo=UTC),
        ):
            assert ALWAYS_OPEN.add_working_time(t, ZERO) == t
        with pytest.raises(InvalidValueError, match="'start' must fall within years 0002-9998"):
            ALWAYS_OPEN.add_working_time(datetime(9999, 6, 1, tzinfo=UTC), ZERO)

    def test_the_last_covered_window_still_counts(self) -> None:
        """Working time of 9998-12-31 counts; a window past midnight may close in 9999."""
        night = datetime(9998, 12, 31, 23, tzinfo=FAR_EAST)
        assert EAST.add_working_time(night, 2 * H) == datetime(9999, 1, 1, 1, tzinfo=FAR_EAST)
        assert ALWAYS_OPEN.end_of_working_day(date(9998, 12, 31)) == datetime(
            9999, 1, 1, tzinfo=UTC
        )

    @pytest.mark.parametrize(
        "key",
        [
            pytest.param("x" * 300, id="long"),
            pytest.param("localtime", id="localtime"),
            pytest.param("posixrules", id="posixrules"),
            pytest.param("posix/Asia/Shanghai", id="posix-copy"),
            pytest.param("right/UTC", id="right-copy"),
            pytest.param("Asia/Shanghai\x00", id="nul"),
            pytest.param("asia/shanghai", id="case"),
        ],
    )
    def test_only_iana_zone_names(self, key: str) -> None:
        """Keys that are not IANA zone names (machine-dependent files among them) are refused
        with field 'zone'."""
        with pytest.raises(InvalidValueError, match="IANA zone name") as info:
            WorkingCalendar.weekly(zone=key)
        assert (info.value.field, info.value.value) == ("zone", key)
        assert len(str(info.value)) < 300

    @pytest.mark.parametrize(
        "covers",
        [
            pytest.param(Period(date(1, 1, 1), date(2025, 1, 1)), id="year-1"),
            pytest.param(Period(date(2025, 1, 1), date(9999, 1, 2)), id="year-9999"),
        ],
    )
    def test_covers_within_range(self, covers: Period) -> None:
        """'covers' must stay within years 0002-9998."""
        with pytest.raises(InvalidValueError, match="'covers' must fall within") as info:
            WorkingCalendar.weekly(covers=covers)
        assert (info.value.field, info.value.value) == ("covers", covers)

    def test_huge_counts(self) -> None:
        """A count of working days with thousands of digits runs out of dates, named."""
        with pytest.raises(InvalidValueError, match="<int of about 5000 digits> working days"):
            ALWAYS_OPEN.add_working_days(date(2025, 1, 1), 10**5000)
        with pytest.raises(InvalidValueError, match="back past 0002-01-01"):
            ALWAYS_OPEN.add_working_days(date(2025, 1, 1), -(10**5000))

    def test_more_working_time_than_time_left(self) -> None:
        """A duration longer than the time left in the data is refused at once, named (also
        when the start's table is built, which once overflowed on the fast path)."""
        t = datetime(2025, 1, 1, tzinfo=UTC)
        assert ALWAYS_OPEN.add_working_time(t, H) == t + H  # builds the table of t
        with pytest.raises(InvalidValueError, match="runs past 9998-12-31") as info:
            ALWAYS_OPEN.add_working_time(t, timedelta(days=999_999_999))
        assert info.value.field == "start"
        with pytest.raises(InvalidValueError, match="runs back past 0002-01-01"):
            ALWAYS_OPEN.add_working_time(t, -timedelta(days=999_999_999))
        with pytest.raises(CalendarCoverageError, match="2027-01-01 is not in its data"):
            CN.add_working_time(sh(2025, 1, 1), timedelta(days=800))

    def test_covers_may_reach_the_last_date(self) -> None:
        """A calendar may cover every date of 0002-9998."""
        cal = WorkingCalendar.weekly(covers=Period(date(2, 1, 1), date(9999, 1, 1)))
        assert cal.is_working_day(date(9998, 12, 31))

    @pytest.mark.parametrize(
        "ask",
        [
            pytest.param(lambda t: TimeWindow.parse(t), id="window"),
            pytest.param(lambda t: WorkingCalendar.weekly(hours=t), id="hours"),
            pytest.param(lambda t: WorkingCalendar.weekly(days=t), id="days"),
        ],
    )
    def test_long_text_is_refused(self, ask: Callable[[str], object]) -> None:
        """Parsers refuse text over 10,000 characters at once."""
        with pytest.raises(InvalidValueError, match="at most 10,000 characters"):
            ask("09:00-12:00," * 1_000)


class TestErrorsCarryData:
    """§14.9: every refusal names its field and carries the offending value."""

    @pytest.mark.parametrize(
        ("make", "field", "value"),
        [
            pytest.param(lambda: TimeWindow.parse("9-12"), "window", "9-12", id="window-text"),
            pytest.param(
                lambda: TimeWindow.parse("08:00:60-09:00"),
                "window",
                "08:00:60-09:00",
                id="window-second",
            ),
            pytest.param(
                lambda: TimeWindow.parse("24:00-06:00"), "window", "24:00-06:00", id="window-24"
            ),
            pytest.param(lambda: TimeWindow(time(9), time(9)), "end", time(9), id="empty-window"),
            pytest.param(
                lambda: TimeWindow(time(9, tzinfo=UTC), time(10)),
                "start",
                time(9, tzinfo=UTC),
                id="window-zone",
            ),
            pytest.param(
                lambda: Closure(sh(2025, 3, 3, 10), sh(2025, 3, 3, 9)),
                "end",
                sh(2025, 3, 3, 9),
                id="closure",
            ),
            pytest.param(lambda: WorkingCalendar.weekly(hours=""), "hours", "", id="no-hours"),
            pytest.param(
                lambda: WorkingCalendar.weekly(days="mon-xyz"), "days", "mon-xyz", id="days"
            ),
            pytest.param(
                lambda: WorkingCalendar.weekly(days="fri-mon"), "days", "fri-mon", id="backwards"
            ),
            pytest.param(lambda: WorkingCalendar.weekly(days=" , "), "days", " , ", id="no-days"),
            pytest.param(
                lambda: WorkingCalendar.weekly(hours={"sat": "09:00-12:00"}, days="sun"),
                "days",
                "sun",
                id="days-mapping",
            ),
            pytest.param(
                lambda: WorkingCalendar(zone="UTC", week=[()] * 6),
                "week",
                [()] * 6,
                id="six-days",
            ),
            pytest.param(
                lambda: WorkingCalendar.weekly(
                    holidays=[date(2025, 3, 1)], makeup_days=[date(2025, 3, 1)]
                ),
                "makeup_days",
                date(2025, 3, 1),
                id="holiday-and-makeup",
            ),
            pytest.param(
                lambda: CN.end_of_working_day(date(2025, 3, 1)),
                "d",
                date(2025, 3, 1),
                id="not-a-working-day",
            ),
        ],
    )
    def test_field_and_value(self, make: Callable[[], object], field: str, value: object) -> None:
        """The error's field and value say what is wrong."""
        with pytest.raises(InvalidValueError) as info:
            make()
        assert (info.value.field, info.value.value) == (field, value)

    def test_overlaps_carry_the_windows(self) -> None:
        """Overlapping windows name the day and carry its windows; a night window overlapping
        the next morning names the week."""
        with pytest.raises(InvalidValueError) as info:
            WorkingCalendar.weekly(hours="09:00-12:00,11:00-13:00")
        assert info.value.field == "week[mon]"
        assert isinstance(info.value.value, tuple)
        assert len(info.value.value) == 2
        with pytest.raises(InvalidValueError) as info:
            WorkingCalendar.weekly(hours="09:00-12:00,22:00-10:00", days="daily")
        assert info.value.field == "week"


NOTICE_2026 = """
国务院办公厅关于2026年部分节假日安排的通知
一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。
2月14日（周六）、2月28日（周六）上班。
三、清明节：4月4日（周六）至6日（周一）放假，共3天。
四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
五、端午节：6月19日（周五）至21日（周日）放假，共3天。
六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。
"""

NOTICE_2025 = """
一、元旦：1月1日（周三）放假1天，不调休。
二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。
三、清明节：4月4日（周五）至6日（周日）放假，共3天。
四、劳动节：5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）上班。
五、端午节：5月31日（周六）至6月2日（周一）放假，共3天。
六、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。
"""

# An illustration in the notice's wording, not the 2027 notice (not published when written).
SAMPLE_2027 = (
    "元旦：1月1日（周五）至3日（周日）放假，共3天。"
    "春节：2月5日至11日放假调休，共7天。2月20日（周六）上班。"
)


class TestChinaExtra:
    """§13 item 8: a year's notice can be added the day it is published."""

    def test_shipped_notices_read_back_as_shipped(self) -> None:
        """The 2025 and 2026 notices, as worded, give exactly the shipped data."""
        assert china_calendar(extra={2025: NOTICE_2025, 2026: NOTICE_2026}) is CN

    def test_a_new_year_from_the_notice_wording(self) -> None:
        """Days off and make-up days come from the wording; covers grows by the year."""
        cal = china_calendar(extra={2027: SAMPLE_2027})
        assert cal.covers == Period(date(2008, 1, 1), date(2028, 1, 1))
        assert [cal.is_working_day(date(2027, 2, d)) for d in (4, 5, 8, 11, 12, 20, 21)] == [
            True,
            False,
            False,
            False,
            True,
            True,
            False,
        ]
        assert cal.name == CN.name

    def test_a_new_year_as_dates(self) -> None:
        """The structured form gives the same calendar as the wording."""
        off = [date(2027, 1, 1), *(date(2027, 2, d) for d in range(5, 12))]
        data = {"holidays": off, "makeup_days": [date(2027, 2, 20)]}
        assert china_calendar(extra={2027: data}) == china_calendar(extra={2027: SAMPLE_2027})

    def test_the_gap_closes(self) -> None:
        """A deadline that ran into 2027 has an answer once 2027 is added."""
        cal = china_calendar(extra={2027: SAMPLE_2027})
        assert cal.add_working_days(date(2026, 12, 29), 5) == date(2027, 1, 6)
        assert cal.add_working_days(date(2027, 2, 4), 1) == date(2027, 2, 12)

    def test_two_years_and_the_december_before(self) -> None:
        """Years follow each other; a notice may move days of the December before it."""
        cal = china_calendar(
            extra={
                2027: {"holidays": [date(2027, 1, 1)]},
                2028: "2027年12月31日（周五）至2028年1月2日放假，共3天。",
            }
        )
        assert cal.covers == Period(date(2008, 1, 1), date(2029, 1, 1))
        assert not cal.is_working_day(date(2027, 12, 31))

    def test_same_arguments_same_calendar(self) -> None:
        """Equal extra data gives the same (cached) calendar."""
        a = china_calendar(extra={2027: SAMPLE_2027})
        assert china_calendar(extra={2027: SAMPLE_2027}) is a
        assert china_calendar(extra={}) is CN

    @pytest.mark.parametrize(
        ("extra", "error", "field", "match"),
        [
            pytest.param(
                {2028: {"holidays": [date(2028, 1, 3)]}},
                InvalidValueError,
                "extra",
                "2027 comes next",
                id="gap",
            ),
            pytest.param({2007: "1月1日放假"}, InvalidValueError, "extra", "got 2007", id="before"),
            pytest.param(
                {2026: "1月1日（周四）放假，共1天。"},
                InvalidValueError,
                "extra[2026]",
                "differs from the 2026 data",
                id="shipped-year-differs",
            ),
            pytest.param(
                {2027: {"holidays": [date(2026, 6, 1)]}},
                InvalidValueError,
                "extra[2027]",
                "outside 2027",
                id="date-outside-year",
            ),
            pytest.param(
                {2027: {"makeup_days": [date(2027, 2, 22)]}},
                InvalidValueError,
                "extra[2027]",
                "Monday: make-up days are weekend days",
                id="weekday-makeup",
            ),
            pytest.param(
                {2027: {"holidays": [date(2027, 2, 20)], "makeup_days": [date(2027, 2, 20)]}},
                InvalidValueError,
                "extra[2027]",
                "both as a day off and as a make-up day",
                id="both",
            ),
            pytest.param(
                {2027: {"holiday": [date(2027, 1, 1)]}},
                InvalidValueError,
                "extra[2027]",
                "'holidays' and 'makeup_days'",
                id="unknown-key",
            ),
            pytest.param(
                {2027: "1月1日（周四）放假"},
                InvalidValueError,
                "extra[2027]",
                "2027-01-01 is a Friday",
                id="wrong-weekday",
            ),
            pytest.param(
                {2027: "1月1日至3日放假，共4天"},
                InvalidValueError,
                "extra[2027]",
                "says 4 days off .* which is 3 days",
                id="wrong-count",
            ),
            pytest.param(
                {2027: "1月1日至三日放假"}, ParseError, "extra[2027]", "neither", id="unread"
            ),
            pytest.param(
                {2027: "3日放假"}, ParseError, "extra[2027]", "without a month", id="no-month"
            ),
            pytest.param(
                {2027: "2月30日放假"}, ParseError, "extra[2027]", "does not exist", id="no-such-day"
            ),
            pytest.param(
                {2027: "2月3日至1日放假"}, ParseError, "extra[2027]", "backwards", id="backwards"
            ),
            pytest.param({2027: "元旦放假"}, ParseError, "extra[2027]", "must list", id="no-dates"),
            pytest.param(
                {2027: "1月1日、2日至3日放假"},
                ParseError,
                "extra[2027]",
                "neither",
                id="list-range",
            ),
            pytest.param(
                {2027: "1月1日至3日上班"}, ParseError, "extra[2027]", "neither", id="range-at-work"
            ),
            pytest.param(
                {2027: "1月1日放假。" * 2_000},
                InvalidValueError,
                "extra[2027]",
                "10,000",
                id="too-long",
            ),
        ],
    )
    def test_refused(
        self, extra: dict[int, Any], error: type[Exception], field: str, match: str
    ) -> None:
        """Bad extra data raises a named error with the year as its field."""
        with pytest.raises(error, match=match) as info:
            china_calendar(extra=extra)
        assert isinstance(info.value, InvalidValueError)
        assert info.value.field == field

    def test_wrong_types(self) -> None:
        """Not a mapping, a year that is not an int, or a date that is not a date: TypeError."""
        with pytest.raises(TypeError, match="'extra' must be a mapping"):
            china_calendar(extra=[SAMPLE_2027])  # type: ignore[call-overload]
        with pytest.raises(TypeError, match="'extra year' must be an int"):
            china_calendar(extra={"2027": SAMPLE_2027})  # type: ignore[dict-item]
        with pytest.raises(TypeError, match=r"'extra\[2027\].holidays\[\]' must be a date"):
            china_calendar(extra={2027: {"holidays": ["2027-01-01"]}})  # type: ignore[list-item]

    def test_chinese_count_of_days(self) -> None:
        """A count written in Chinese numerals is checked too."""
        cal = china_calendar(
            extra={2027: "春节：2月5日至11日放假，共七天。2月20日（星期六）上班。"}
        )
        assert cal.is_working_day(date(2027, 2, 20))
        with pytest.raises(InvalidValueError, match="says 十二 days"):
            china_calendar(extra={2027: "2月5日至11日放假，共十二天"})


class TestPinnedBehaviour:
    """Behaviour the mutation run showed untested: zones of results, joins, edges, seconds."""

    def test_results_keep_the_calendars_zone(self) -> None:
        """working_windows() and end_of_working_day() answer in the calendar's zone."""
        windows = CN.working_windows(Period(date(2025, 3, 3), date(2025, 3, 4)))
        assert windows == (
            (sh(2025, 3, 3, 9), sh(2025, 3, 3, 12)),
            (sh(2025, 3, 3, 13, 30), sh(2025, 3, 3, 18)),
        )
        assert all(t.tzinfo == SH for pair in windows for t in pair)
        end = CN.end_of_working_day(date(2025, 3, 3))
        assert (end, end.tzinfo) == (sh(2025, 3, 3, 18), SH)
        berlin = WorkingCalendar.weekly(zone="Europe/Berlin")
        close = berlin.end_of_working_day(date(2025, 3, 3))
        assert (close.tzinfo, close.isoformat()) == (BERLIN, "2025-03-03T18:00:00+01:00")

    def test_touching_days_stay_separate(self) -> None:
        """A 24 h calendar has one window a day: touching windows of two days are not joined."""
        duty = WorkingCalendar.weekly(hours="00:00-24:00", days="daily", zone="Asia/Shanghai")
        windows = duty.working_windows(Period(date(2025, 3, 1), date(2025, 3, 4)))
        assert windows == tuple((sh(2025, 3, d), sh(2025, 3, d + 1)) for d in (1, 2, 3))

    def test_night_window_overlapping_the_next_day_is_joined(self) -> None:
        """A night window that runs into a make-up day's first window is one interval."""
        cal = WorkingCalendar.weekly(
            hours="20:00-02:00", makeup_days=[date(2025, 3, 8)], name="nights"
        )
        cal = attrs.evolve(cal, makeup_windows="01:00-03:00")
        windows = cal.working_windows(Period(date(2025, 3, 7), date(2025, 3, 9)))
        utc = datetime(2025, 3, 7, 20, tzinfo=UTC), datetime(2025, 3, 8, 3, tzinfo=UTC)
        assert windows == (utc,)

    def test_days_between_backwards_at_the_start_of_the_data(self) -> None:
        """Counting back to 2008-01-01, the first covered date, works and is negative."""
        assert CN.working_days_between(date(2008, 1, 7), date(2008, 1, 1)) == -3
        assert CN.working_days_between(date(2008, 1, 1), date(2008, 1, 7)) == 3

    def test_window_query_ending_at_the_end_of_the_data(self) -> None:
        """A period ending exactly at covers.end (2027-01-01, exclusive) is answered."""
        windows = CN.working_windows(Period(date(2026, 12, 31), date(2027, 1, 1)))
        assert windows == (
            (sh(2026, 12, 31, 9), sh(2026, 12, 31, 12)),
            (sh(2026, 12, 31, 13, 30), sh(2026, 12, 31, 18)),
        )
        assert CN.working_days_between(date(2026, 12, 28), date(2027, 1, 1)) == 4

    def test_seconds_in_windows(self) -> None:
        """Seconds are kept when parsed and shown when printed."""
        window = TimeWindow.parse("08:00-17:30:15")
        assert window == TimeWindow(time(8), time(17, 30, 15))
        assert str(window) == "08:00-17:30:15"
        assert str(TimeWindow(time(8, 0, 5), time(9))) == "08:00:05-09:00"

    @pytest.mark.parametrize(
        "text", ["08:00:60-09:00", "08:00-24:30", "24:30-06:00", "07:60-08:00"]
    )
    def test_impossible_times(self, text: str) -> None:
        """A second of 60, 24:30 or a minute of 60 is refused."""
        with pytest.raises(ParseError, match=r"impossible time of day|cannot start at 24:00"):
            TimeWindow.parse(text)


# -- mutation gaps (benchmarks/mutation.py) ------------------------------------------------

OFFICE_2025 = WorkingCalendar.weekly(
    covers=Period(date(2025, 1, 1), date(2026, 1, 1)), name="office"
)
NOTHING_WORKS = WorkingCalendar(zone="UTC", week=[()] * 7, makeup_days=[date(2025, 3, 1)])
PLAIN = WorkingCalendar.weekly()
OFFICE_END = (
    "the last date 'office' covers (2025-01-01 to 2025-12-31): 2026-01-01 is not in its data"
)
OFFICE_START = (
    "the first date 'office' covers (2025-01-01 to 2025-12-31): 2024-12-31 is not in its data"
)
OFFICE_HINT = (
    ". Give the calendar the holidays and make-up days from 2026-01-01 on, with a 'covers' "
    "that reaches them"
)
CN_END = (
    "the last date 'China (State Council 放假调休)' covers (2008-01-01 to 2026-12-31): "
    "2027-01-01 is not in its data. When the State Council publishes its 2027 holiday notice, "
    "add it: china_calendar(extra={2027: '<the notice's lines>'})"
)
CN_START = (
    "the first date 'China (State Council 放假调休)' covers (2008-01-01 to 2026-12-31): "
    "2007-12-31 is not in its data"
)


def _refusal(call: Callable[[], object]) -> tuple[type[BaseException], str, object, object]:
    """The type, message, field and value of the error *call* raises."""
    with pytest.raises(Exception) as info:  # noqa: PT011 (each test checks the type)
        call()
    err = info.value
    return type(err), str(err), getattr(err, "field", None), getattr(err, "value", None)


class TestMutationGaps:
    """Behaviour pinned because a mutation of `propstd.calendars` survived the tests."""

    @pytest.mark.parametrize(
        ("call", "error", "message", "field", "value"),
        [
            pytest.param(
                lambda: OFFICE_2025.add_working_days(date(2025, 12, 30), 3),
                CalendarCoverageError,
                f"counting 3 working days from 2025-12-30 runs past 2025-12-31, {OFFICE_END}"
                f"{OFFICE_HINT}",
                "d",
                date(2025, 12, 30),
                id="days-forward",
            ),
            pytest.param(
                lambda: OFFICE_2025.add_working_days(date(2025, 1, 2), -3),
                CalendarCoverageError,
                "counting 3 working days back from 2025-01-02 runs back past 2025-01-01, "
                f"{OFFICE_START}",
                "d",
                date(2025, 1, 2),
                id="days-back",
            ),
            pytest.param(
                lambda: OFFICE_2025.add_working_time(datetime(2025, 12, 31, 17, tzinfo=UTC), 2 * H),
                CalendarCoverageError,
                "adding 2:00:00 of working time to 2025-12-31T17:00:00+00:00 runs past "
                f"2025-12-31, {OFFICE_END}{OFFICE_HINT}",
                "start",
                datetime(2025, 12, 31, 17, tzinfo=UTC),
                id="time-forward",
            ),
            pytest.param(
                lambda: OFFICE_2025.add_working_time(datetime(2025, 1, 1, 10, tzinfo=UTC), -2 * H),
                CalendarCoverageError,
                "counting 2:00:00 of working time back from 2025-01-01T10:00:00+00:00 runs back "
                f"past 2025-01-01, {OFFICE_START}",
                "start",
                datetime(2025, 1, 1, 10, tzinfo=UTC),
                id="time-back",
            ),
            pytest.param(
                lambda: CN.add_working_days(date(2026, 12, 30), 3),
                CalendarCoverageError,
                f"counting 3 working days from 2026-12-30 runs past 2026-12-31, {CN_END}",
                "d",
                date(2026, 12, 30),
                id="china-days-forward",
            ),
            pytest.param(
                lambda: CN.add_working_days(date(2008, 1, 2), -3),
                CalendarCoverageError,
                "counting 3 working days back from 2008-01-02 runs back past 2008-01-01, "
                f"{CN_START}",
                "d",
                date(2008, 1, 2),
                id="china-days-back",
            ),
            pytest.param(
                lambda: CN.add_working_time(sh(2026, 12, 31, 17), 2 * H),
                CalendarCoverageError,
                "adding 2:00:00 of working time to 2026-12-31T17:00:00+08:00 runs past "
                f"2026-12-31, {CN_END}",
                "start",
                sh(2026, 12, 31, 17),
                id="china-time-forward",
            ),
            pytest.param(
                lambda: CN.add_working_time(sh(2008, 1, 2, 10), -9 * H),
                CalendarCoverageError,
                "counting 9:00:00 of working time back from 2008-01-02T10:00:00+08:00 runs back "
                f"past 2008-01-01, {CN_START}",
                "start",
                sh(2008, 1, 2, 10),
                id="china-time-back",
            ),
            pytest.param(
                lambda: NOTHING_WORKS.add_working_days(date(2025, 3, 2), 1),
                CalendarCoverageError,
                "counting 1 working day from 2025-03-02: the calendar has no working time in "
                "that direction",
                "d",
                date(2025, 3, 2),
                id="no-work-days",
            ),
            pytest.param(
                lambda: NOTHING_WORKS.add_working_time(datetime(2025, 3, 2, tzinfo=UTC), H),
                CalendarCoverageError,
                "adding 1:00:00 of working time to 2025-03-02T00:00:00+00:00: the calendar has "
                "no working time in that direction",
                "start",
                datetime(2025, 3, 2, tzinfo=UTC),
                id="no-work-time",
            ),
            pytest.param(
                lambda: PLAIN.add_working_days(date(9998, 12, 30), 3),
                InvalidValueError,
                "counting 3 working days from 9998-12-30 runs past 9998-12-31, the last date "
                "propstd computes with",
                "d",
                date(9998, 12, 30),
                id="range-days-forward",
            ),
            pytest.param(
                lambda: PLAIN.add_working_days(date(2, 1, 2), -3),
                InvalidValueError,
                "counting 3 working days back from 0002-01-02 runs back past 0002-01-01, the "
                "first date propstd computes with",
                "d",
                date(2, 1, 2),
                id="range-days-back",
            ),
            pytest.param(
                lambda: PLAIN.add_working_time(datetime(9998, 12, 31, 17, tzinfo=UTC), 2 * H),
                InvalidValueError,
                "adding 2:00:00 of working time to 9998-12-31T17:00:00+00:00 runs past "
                "9998-12-31, the last date propstd computes with",
                "start",
                datetime(9998, 12, 31, 17, tzinfo=UTC),
                id="range-time-forward",
            ),
            pytest.param(
                lambda: PLAIN.add_working_time(datetime(2, 1, 1, 10, tzinfo=UTC), -2 * H),
                InvalidValueError,
                "counting 2:00:00 of working time back from 0002-01-01T10:00:00+00:00 runs back "
                "past 0002-01-01, the first date propstd computes with",
                "start",
                datetime(2, 1, 1, 10, tzinfo=UTC),
                id="range-time-back",
            ),
        ],
    )
    def test_answers_past_the_data(
        self,
        call: Callable[[], object],
        error: type[Exception],
        message: str,
        field: str,
        value: object,
    ) -> None:
        """An answer beyond the data names the count, the edge, the missing date and the way on."""
        assert _refusal(call) == (error, message, field, value)

    @pytest.mark.parametrize(
        ("call", "error", "message", "field", "value"),
        [
            pytest.param(
                lambda: china_calendar(hours=""),
                ParseError,
                "'hours' must name at least one window, got ''",
                "hours",
                "",
                id="china-no-hours",
            ),
            pytest.param(
                lambda: china_calendar(hours="09:00-12:00,11:00-13:00"),
                InvalidValueError,
                "'hours' has overlapping windows '09:00-12:00' and '11:00-13:00'",
                "hours",
                (TimeWindow(time(9), time(12)), TimeWindow(time(11), time(13))),
                id="china-overlap",
            ),
            pytest.param(
                lambda: china_calendar(hours=5),  # type: ignore[call-overload]
                TypeError,
                "'hours' must be a string or a sequence of TimeWindow, got 5",
                None,
                None,
                id="china-hours-type",
            ),
            pytest.param(
                lambda: WorkingCalendar.weekly(hours={"mon": ""}),
                ParseError,
                "\"hours['mon']\" must name at least one window, got ''",
                "hours['mon']",
                "",
                id="mapping-no-hours",
            ),
            pytest.param(
                lambda: WorkingCalendar.weekly(hours={"mon": "09:00-10:00"}, days="sun"),
                InvalidValueError,
                "'days' 'sun' must name the same weekdays as the 'hours' mapping",
                "days",
                "sun",
                id="mapping-days",
            ),
            pytest.param(
                lambda: CN.add_working_time(sh(2025, 3, 3, 10), 5),  # type: ignore[arg-type]
                TypeError,
                "'duration' must be a timedelta, got int 5",
                None,
                None,
                id="duration-type",
            ),
            pytest.param(
                lambda: WorkingCalendar.weekly(days=[]),
                ParseError,
                "'days' must name at least one weekday, got []",
                "days",
                "[]",
                id="no-days",
            ),
            pytest.param(
                lambda: WorkingCalendar.weekly(days=5),  # type: ignore[arg-type]
                TypeError,
                "'days' must be a string such as 'mon-fri' or a set of weekday names, got 5",
                None,
                None,
                id="days-type",
            ),
            pytest.param(
                lambda: WorkingCalendar.weekly(days=["mon", 1]),  # type: ignore[list-item]
                TypeError,
                "'days[]' must be a str, got int 1",
                None,
                None,
                id="day-type",
            ),
            pytest.param(
                lambda: WorkingCalendar.weekly(days="mon,xyz"),
                ParseError,
                "'days' has an unknown weekday in 'mon,xyz': 'xyz'",
                "days",
                "mon,xyz",
                id="unknown-day",
            ),
            pytest.param(
                lambda: WorkingCalendar.weekly(days="mon,fri-mon"),
                ParseError,
                "'days' has a backwards or malformed range in 'mon,fri-mon': 'fri-mon'",
                "days",
                "mon,fri-mon",
                id="backwards-days",
            ),
            pytest.param(
                lambda: TimeWindow.parse("24:00-06:00"),
                ParseError,
                "'window' cannot start at 24:00, got '24:00-06:00'",
                "window",
                "24:00-06:00",
                id="start-24",
            ),
            pytest.param(
                lambda: TimeWindow.parse("08:00-09:00:60"),
                ParseError,
                "'window' has an impossible time of day in '08:00-09:00:60'",
                "window",
                "08:00-09:00:60",
                id="end-second-60",
            ),
        ],
    )
    def test_refusals(
        self,
        call: Callable[[], object],
        error: type[Exception],
        message: str,
        field: str | None,
        value: object,
    ) -> None:
        """Bad hours, days and windows are refused with the whole message, field and value."""
        assert _refusal(call) == (error, message, field, value)

    def test_days_text_too_long(self) -> None:
        """A `days` text over 10,000 characters is refused naming `days`."""
        with pytest.raises(InvalidValueError) as info:
            WorkingCalendar.weekly(days="mon," * 2_600)
        assert info.value.field == "days"

    @pytest.mark.parametrize(
        ("calendar", "expected"),
        [
            pytest.param(
                WorkingCalendar.weekly(days="sat"),
                "WorkingCalendar.weekly(hours='09:00-18:00', days='sat', zone='UTC')",
                id="one-day",
            ),
            pytest.param(
                WorkingCalendar.weekly(days="sat-sun"),
                "WorkingCalendar.weekly(hours='09:00-18:00', days='sat-sun', zone='UTC')",
                id="two-days",
            ),
            pytest.param(
                WorkingCalendar.weekly(days="tue-thu"),
                "WorkingCalendar.weekly(hours='09:00-18:00', days='tue-thu', zone='UTC')",
                id="mid-week",
            ),
            pytest.param(
                WorkingCalendar.weekly(
                    hours={"mon": "09:00-12:00,13:00-17:00", "sat": "09:00-12:00"}
                ),
                "WorkingCalendar.weekly(hours={'mon': '09:00-12:00,13:00-17:00', "
                "'sat': '09:00-12:00'}, zone='UTC')",
                id="mapping",
            ),
            pytest.param(
                attrs.evolve(PLAIN, makeup_windows="09:00-12:00,13:00-15:00"),
                "WorkingCalendar.weekly(hours='09:00-18:00', days='mon-fri', zone='UTC', "
                "makeup_windows='09:00-12:00,13:00-15:00')",
                id="makeup-windows",
            ),
        ],
    )
    def test_repr(self, calendar: WorkingCalendar, expected: str) -> None:
        """The repr spells days as one day, a range or a list, and joins windows with commas."""
        assert repr(calendar) == expected

    def test_same_day_range(self) -> None:
        """A weekday range from a day to itself is that day."""
        assert WorkingCalendar.weekly(days="sat-sat") == WorkingCalendar.weekly(days="sat")

    def test_windows_keep_seconds_and_fractions(self) -> None:
        """A second of 59 is a time of day; an end's fraction of a second is kept."""
        assert TimeWindow.parse("08:00:59-09:00").start == time(8, 0, 59)
        assert TimeWindow.parse("08:00-09:00:00.5").end == time(9, 0, 0, 500_000)

    def test_windows_of_the_first_covered_day(self) -> None:
        """A period starting on the first covered date (2008-01-01, a holiday) is answered."""
        windows = CN.working_windows(Period(date(2008, 1, 1), date(2008, 1, 3)))
        assert windows == (
            (sh(2008, 1, 2, 9), sh(2008, 1, 2, 12)),
            (sh(2008, 1, 2, 13, 30), sh(2008, 1, 2, 18)),
        )

    def test_zero_duration_outside_working_time(self) -> None:
        """Adding nothing to a Saturday morning gives the start itself (in the calendar's
        zone), also once the week's table is built."""
        saturday = datetime(2025, 3, 1, 2, tzinfo=UTC)  # 10:00 in Shanghai
        CN.add_working_time(saturday, H)  # builds the table the fast path reads
        result = CN.add_working_time(saturday, ZERO)
        assert (result, result.tzinfo) == (sh(2025, 3, 1, 10), SH)

    @pytest.mark.parametrize(
        ("warm", "start", "end", "field"),
        [
            pytest.param(
                sh(2008, 1, 2, 9), sh(2007, 12, 31, 9), sh(2008, 1, 2, 10), "start", id="before"
            ),
            pytest.param(
                sh(2026, 12, 30, 9), sh(2026, 12, 30, 9), sh(2027, 1, 2, 10), "end", id="after"
            ),
        ],
    )
    def test_between_refuses_instants_outside_the_data(
        self, warm: datetime, start: datetime, end: datetime, field: str
    ) -> None:
        """An instant outside `covers` is refused even inside a table already built."""
        CN.working_time_between(warm, warm + H)  # builds the table the fast path reads
        with pytest.raises(CalendarCoverageError) as info:
            CN.working_time_between(start, end)
        assert info.value.field == field


def _shipped(year: int) -> dict[str, list[date]]:
    """The shipped days off and make-up days of *year*, as `extra` data."""
    return {
        "holidays": [d for d in CN.holidays if d.year == year],
        "makeup_days": [d for d in CN.makeup_days if d.year == year],
    }


class TestMutationGapsNotices:
    """`china_calendar(extra=)` behaviour pinned because a mutation survived the tests."""

    @pytest.mark.parametrize(
        ("extra", "error", "message", "field", "value"),
        [
            pytest.param(
                {2027: {"holiday": [date(2027, 1, 1)]}},
                InvalidValueError,
                "'extra[2027]' must be the notice's wording or a mapping with 'holidays' and "
                "'makeup_days', got {'holiday': [datetime.date(2027, 1, 1)]}",
                "extra[2027]",
                {"holiday": [date(2027, 1, 1)]},
                id="unknown-key",
            ),
            pytest.param(
                {2027: {"holidays": [date(2026, 11, 30)]}},
                InvalidValueError,
                "'extra[2027]' has 2026-11-30, outside 2027 (and the December before it)",
                "extra[2027]",
                date(2026, 11, 30),
                id="too-early",
            ),
            pytest.param(
                {2027: {"holidays": [date(2028, 1, 3)]}},
                InvalidValueError,
                "'extra[2027]' has 2028-01-03, outside 2027 (and the December before it)",
                "extra[2027]",
                date(2028, 1, 3),
                id="too-late",
            ),
            pytest.param(
                {2027: {"makeup_days": [date(2027, 2, 22)]}},
                InvalidValueError,
                "'extra[2027]' has the make-up day 2027-02-22, a Monday: make-up days are "
                "weekend days",
                "extra[2027]",
                date(2027, 2, 22),
                id="weekday-makeup",
            ),
            pytest.param(
                {2027: {"holidays": [date(2027, 2, 20)], "makeup_days": [date(2027, 2, 20)]}},
                InvalidValueError,
                "'extra[2027]' has 2027-02-20 both as a day off and as a make-up day",
                "extra[2027]",
                date(2027, 2, 20),
                id="both",
            ),
            pytest.param(
                {2015: {"holidays": [], "makeup_days": []}},
                InvalidValueError,
                "'extra[2015]' differs from the 2015 data propstd ships "
                "(国办发明电〔2014〕28号、国发明电〔2015〕1号); leave 2015 out",
                "extra[2015]",
                {"holidays": [], "makeup_days": []},
                id="shipped-year-two-notices",
            ),
            pytest.param(
                {2028: {"holidays": [date(2028, 1, 3)]}},
                InvalidValueError,
                "'extra' must add years right after the 2026 data propstd ships, without "
                "gaps: 2027 comes next, got 2028",
                "extra",
                2028,
                id="gap",
            ),
            pytest.param(
                {2027: "1月1日至3日放假，共4天"},
                InvalidValueError,
                "'extra[2027]' says 4 days off from 2027-01-01 to 2027-01-03, which is 3 days",
                "extra[2027]",
                "1月1日至3日放假，共4天",
                id="count",
            ),
            pytest.param(
                {2027: "3日放假"},
                ParseError,
                "'extra[2027]' has a day without a month in '3日'",
                "extra[2027]",
                "3日放假",
                id="no-month",
            ),
            pytest.param(
                {2027: "2月30日放假"},
                ParseError,
                "'extra[2027]' names a day that does not exist: '2月30日'",
                "extra[2027]",
                "2月30日放假",
                id="no-such-day",
            ),
            pytest.param(
                {2027: "1月1日（周四）放假"},
                InvalidValueError,
                "'extra[2027]' says '1月1日（周四）', but 2027-01-01 is a Friday",
                "extra[2027]",
                date(2027, 1, 1),
                id="weekday",
            ),
            pytest.param(
                {2027: "元旦放假"},
                ParseError,
                "'extra[2027]' must list the days off and make-up days, got '元旦放假'",
                "extra[2027]",
                "元旦放假",
                id="no-dates",
            ),
            pytest.param(
                {2027: "2月3日至1日放假"},
                ParseError,
                "'extra[2027]' has a range that runs backwards or over a month: "
                "2027-02-03..2027-02-01",
                "extra[2027]",
                "2月3日至1日放假",
                id="backwards",
            ),
            pytest.param(
                {2027: "7月1日至8月1日放假"},
                ParseError,
                "'extra[2027]' has a range that runs backwards or over a month: "
                "2027-07-01..2027-08-01",
                "extra[2027]",
                "7月1日至8月1日放假",
                id="thirty-two-days",
            ),
            pytest.param(
                {2027: "1月1日放假，2月6日至7日上班"},
                ParseError,
                "'extra[2027]' has '2月6日至7日' followed by neither 放假 (days off) nor 上班 "
                "(make-up days)",
                "extra[2027]",
                "1月1日放假，2月6日至7日上班",
                id="range-at-work",
            ),
            pytest.param(
                {2027: "1月1日放假。1月4日至"},
                ParseError,
                "'extra[2027]' has '1月4日' followed by neither 放假 (days off) nor 上班 "
                "(make-up days)",
                "extra[2027]",
                "1月1日放假。1月4日至",
                id="range-at-the-end",
            ),
            pytest.param(
                {2027: "1月1日放假。1月4日、"},
                ParseError,
                "'extra[2027]' has '1月4日' followed by neither 放假 (days off) nor 上班 "
                "(make-up days)",
                "extra[2027]",
                "1月1日放假。1月4日、",
                id="list-at-the-end",
            ),
        ],
    )
    def test_refusals(
        self,
        extra: dict[int, Any],
        error: type[Exception],
        message: str,
        field: str,
        value: object,
    ) -> None:
        """Bad extra years are refused with the whole message, the field and the value."""
        assert _refusal(lambda: china_calendar(extra=extra)) == (error, message, field, value)

    def test_type_messages(self) -> None:
        """A non-mapping `extra` or a non-date make-up day is a TypeError that shows it."""
        assert _refusal(lambda: china_calendar(extra=[1])) == (  # type: ignore[call-overload]
            TypeError,
            "'extra' must be a mapping of year to the year's notice, got [1]",
            None,
            None,
        )
        bad = {2027: {"makeup_days": ["2027-02-20"]}}
        assert _refusal(lambda: china_calendar(extra=bad))[:2] == (  # type: ignore[arg-type]
            TypeError,
            "'extra[2027].makeup_days[]' must be a date (not a datetime), got str '2027-02-20'",
        )

    def test_first_and_last_shipped_years_may_be_repeated(self) -> None:
        """2008 (the first shipped year) given as shipped adds nothing; a later added year
        still counts."""
        assert china_calendar(extra={2008: _shipped(2008)}) is CN
        cal = china_calendar(extra={2026: _shipped(2026), 2027: {"holidays": [date(2027, 1, 1)]}})
        assert cal.covers == Period(date(2008, 1, 1), date(2028, 1, 1))

    def test_days_from_the_december_before_to_the_end_of_the_year(self) -> None:
        """An added year may move days from December 1 of the year before to December 31."""
        cal = china_calendar(extra={2027: {"holidays": [date(2026, 12, 1), date(2027, 12, 31)]}})
        assert [cal.is_working_day(date(2026, 12, 1)), cal.is_working_day(date(2027, 12, 31))] == [
            False,
            False,
        ]

    @pytest.mark.parametrize(
        ("text", "off"),
        [
            pytest.param("1月4日至4日放假，共1天", [date(2027, 1, 4)], id="one-day-range"),
            pytest.param("7月1日至31日放假，共31天", [date(2027, 7, 30)], id="thirty-one-days"),
            pytest.param("7月1日至11日放假，共十一天", [date(2027, 7, 9)], id="eleven"),
            pytest.param("7月1日至20日放假，共二十天", [date(2027, 7, 19)], id="twenty"),
            pytest.param("7月1日至21日放假，共二十一天", [date(2027, 7, 21)], id="twenty-one"),
            pytest.param(
                "1月4日、5日放假。2月20日（周六）上班。",
                [date(2027, 1, 4), date(2027, 1, 5)],
                id="list-first",
            ),
        ],
    )
    def test_notice_wording_read(self, text: str, off: list[date]) -> None:
        """Ranges of one to 31 days, counts in Chinese numerals and a leading list are read."""
        cal = china_calendar(extra={2027: text})
        assert [cal.is_working_day(d) for d in off] == [False] * len(off)

    def test_a_makeup_day_first(self) -> None:
        """A notice may start with a single make-up day."""
        cal = china_calendar(extra={2027: "2月20日（周六）上班。1月4日放假。"})
        assert cal.is_working_day(date(2027, 2, 20))
        assert not cal.is_working_day(date(2027, 1, 4))


def _fresh(calendar: WorkingCalendar) -> WorkingCalendar:
    """An equal calendar whose tables are still empty (a test then builds them itself)."""
    return attrs.evolve(calendar)


def _day_windows(calendar: WorkingCalendar, d: date) -> list[tuple[datetime, datetime]]:
    """The windows of day *d* from its rules alone, as UTC instants (no closures, no DST)."""
    tz = UTC if calendar.zone == "UTC" else ZoneInfo(calendar.zone)
    if d in calendar.holidays:
        return []
    rule = calendar.week[0] if d in calendar.makeup_days else calendar.week[d.weekday()]
    out = []
    for w in rule:
        end_day = d + timedelta(days=1) if w.end <= w.start else d
        start = datetime.combine(d, w.start, tzinfo=tz).astimezone(UTC)
        out.append((start, datetime.combine(end_day, w.end, tzinfo=tz).astimezone(UTC)))
    return out


# Where the engine's tables meet: instants are cut into 512-day tables from 1970-01-01 UTC
# (2026-01-27 and 1955-12-26 start one), dates into 512-day tables of ordinals (2025-03-18).
KIRITIMATI = WorkingCalendar.weekly(hours="00:00-10:00", zone="Pacific/Kiritimati")


class TestMutationGapsEngine:
    """The engine's tables, pinned where a mutation survived: table edges, fresh tables."""

    @pytest.mark.parametrize(
        ("calendar", "first"),
        [
            pytest.param(CN, date(2026, 1, 20), id="china-instant-table-edge"),
            pytest.param(CN, date(2025, 3, 10), id="china-date-table-edge"),
            pytest.param(KIRITIMATI, date(2026, 1, 20), id="utc+14-instant-table-edge"),
            pytest.param(PLAIN, date(1955, 12, 19), id="before-1970"),
            pytest.param(PLAIN, date(2032, 3, 14), id="weekend-ends-a-date-table"),
        ],
    )
    def test_tables_agree_with_the_rules_across_their_edges(
        self, calendar: WorkingCalendar, first: date
    ) -> None:
        """Around the edge of a table, built afresh, every answer agrees with the day's rules:
        working days, working time per day, window starts and ends, and counting days."""
        cal = _fresh(calendar)
        tz = UTC if cal.zone == "UTC" else ZoneInfo(cal.zone)
        days = [first + timedelta(days=k) for k in range(16)]
        working = [d for d in days if _day_windows(cal, d)]
        for d in days:
            windows = _day_windows(cal, d)
            assert cal.is_working_day(d) == bool(windows)
            midnight = datetime.combine(d, time(0), tzinfo=tz)
            assert cal.working_time_between(midnight, midnight + timedelta(days=1)) == sum(
                (e - s for s, e in windows), ZERO
            )
            for s, e in windows:
                assert cal.is_working_time(s)
                assert cal.next_working_time(s) == s
                assert cal.add_working_time(s, e - s) == e
        for i in range(1, len(working)):
            close = _day_windows(cal, working[i - 1])[-1][1]
            opening = _day_windows(cal, working[i])[0][0]
            assert cal.next_working_time(close) == opening
        for i, d in enumerate(working[2:-5], start=2):
            assert [cal.add_working_days(d, n) for n in (1, 3, 5, -1, -2)] == [
                working[i + 1],
                working[i + 3],
                working[i + 5],
                working[i - 1],
                working[i - 2],
            ]

    def test_adding_all_the_time_left_lands_on_the_last_close(self) -> None:
        """Adding every working minute left in the data ends at its last close (a table away)."""
        cal = _fresh(CN)
        left = cal.working_time_between(sh(2026, 1, 26, 17), sh(2026, 12, 31, 18))
        assert cal.add_working_time(sh(2026, 1, 26, 17), left) == sh(2026, 12, 31, 18)

    def test_counting_back_across_the_edge_of_a_table(self) -> None:
        """Counting back to a table's first opening stops there; further, it reaches the
        previous table (2026-01-27 09:00 Shanghai opens the table of 2026-01-27 UTC)."""
        assert _fresh(CN).add_working_time(sh(2026, 1, 27, 10), -H) == sh(2026, 1, 27, 9)
        assert _fresh(CN).add_working_time(sh(2026, 1, 27, 10), -2 * H) == sh(2026, 1, 26, 17)
        assert _fresh(CN).add_working_days(date(2025, 3, 18), -1) == date(2025, 3, 17)

    def test_round_the_clock_near_the_ends_of_the_data(self) -> None:
        """A 24-hour calendar spends all its time: 30 h fit in the last three days, and in the
        first three counting back; three working days back from the 4th is the 1st."""
        cal = WorkingCalendar.weekly(
            hours="00:00-24:00", days="daily", covers=Period(date(2025, 1, 1), date(2025, 2, 1))
        )
        assert cal.add_working_time(datetime(2025, 1, 29, tzinfo=UTC), 30 * H) == datetime(
            2025, 1, 30, 6, tzinfo=UTC
        )
        assert cal.add_working_time(datetime(2025, 1, 4, tzinfo=UTC), -30 * H) == datetime(
            2025, 1, 2, 18, tzinfo=UTC
        )
        assert cal.add_working_days(date(2025, 1, 4), -3) == date(2025, 1, 1)

    def test_long_counts_from_near_the_start_of_the_data(self) -> None:
        """Counting forward far from the second covered day is not refused."""
        office = WorkingCalendar.weekly(covers=Period(date(2025, 1, 1), date(2026, 1, 1)))
        assert office.add_working_time(datetime(2025, 1, 2, 10, tzinfo=UTC), 90 * H) == datetime(
            2025, 1, 16, 10, tzinfo=UTC
        )
        assert _fresh(office).add_working_days(date(2025, 1, 2), 5) == date(2025, 1, 9)

    def test_the_first_covered_day_works(self) -> None:
        """The first covered date is a working day like any other."""
        office = WorkingCalendar.weekly(covers=Period(date(2025, 1, 1), date(2026, 1, 1)))
        assert office.is_working_day(date(2025, 1, 1))
        assert office.end_of_working_day(date(2025, 1, 1)) == datetime(2025, 1, 1, 18, tzinfo=UTC)
        assert CN.add_working_days(date(2008, 1, 1), 0) == date(2008, 1, 2)
        assert not CN.is_working_time(sh(2008, 1, 1))
        assert CN.next_working_time(sh(2008, 1, 1)) == sh(2008, 1, 2, 9)

    def test_a_window_lost_to_dst_with_closures(self) -> None:
        """A window that falls wholly into the spring-forward gap leaves the day without work,
        also on a calendar with closures."""
        cal = WorkingCalendar.weekly(
            hours="02:00-03:00",
            days="daily",
            zone="Europe/Berlin",
            closures=[Closure(datetime(2025, 1, 1, tzinfo=UTC), datetime(2025, 1, 2, tzinfo=UTC))],
        )
        assert cal.working_windows(Period(date(2025, 3, 30), date(2025, 3, 31))) == ()
        assert not cal.is_working_day(date(2025, 3, 30))

    def test_next_working_time_is_in_the_calendars_zone(self) -> None:
        """An instant given in UTC inside working time comes back in the calendar's zone."""
        result = CN.next_working_time(datetime(2025, 3, 3, 2, tzinfo=UTC))
        assert (result, result.tzinfo) == (sh(2025, 3, 3, 10), SH)

    @pytest.mark.parametrize(
        ("call", "error", "message", "field", "value"),
        [
            pytest.param(
                lambda: CN.add_working_time(sh(2026, 12, 1, 10), timedelta(days=100)),
                CalendarCoverageError,
                "adding 100 days, 0:00:00 of working time to 2026-12-01T10:00:00+08:00 runs past "
                f"2026-12-31, {CN_END}",
                "start",
                sh(2026, 12, 1, 10),
                id="far-too-long",
            ),
            pytest.param(
                lambda: OFFICE_2025.add_working_days(date(2025, 12, 31), 1),
                CalendarCoverageError,
                f"counting 1 working day from 2025-12-31 runs past 2025-12-31, {OFFICE_END}"
                f"{OFFICE_HINT}",
                "d",
                date(2025, 12, 31),
                id="one-day-past-the-end",
            ),
            pytest.param(
                lambda: OFFICE_2025.add_working_days(date(2025, 12, 26), 4),
                CalendarCoverageError,
                f"counting 4 working days from 2025-12-26 runs past 2025-12-31, {OFFICE_END}"
                f"{OFFICE_HINT}",
                "d",
                date(2025, 12, 26),
                id="days-run-out-forward",
            ),
            pytest.param(
                lambda: OFFICE_2025.add_working_days(date(2025, 1, 6), -4),
                CalendarCoverageError,
                "counting 4 working days back from 2025-01-06 runs back past 2025-01-01, "
                f"{OFFICE_START}",
                "d",
                date(2025, 1, 6),
                id="days-run-out-back",
            ),
            pytest.param(
                lambda: PLAIN.is_working_day(date(1, 1, 1)),
                InvalidValueError,
                "'d' must fall within years 0002-9998, got datetime.date(1, 1, 1)",
                "d",
                date(1, 1, 1),
                id="year-1",
            ),
            pytest.param(
                lambda: CN.working_time_between(sh(2027, 1, 1), sh(2027, 1, 2)),
                CalendarCoverageError,
                "'end' datetime.datetime(2027, 1, 2, 0, 0, tzinfo=zoneinfo.ZoneInfo("
                "key='Asia/Shanghai')) is outside the dates 'China (State Council 放假调休)' "
                "covers (2008-01-01 to 2026-12-31); it does not guess beyond them",
                "end",
                sh(2027, 1, 2),
                id="start-at-the-end-of-the-data",
            ),
            pytest.param(
                lambda: CN.next_working_time(sh(2027, 1, 1)),
                CalendarCoverageError,
                "'t' datetime.datetime(2027, 1, 1, 0, 0, tzinfo=zoneinfo.ZoneInfo("
                "key='Asia/Shanghai')) is outside the dates 'China (State Council 放假调休)' "
                "covers (2008-01-01 to 2026-12-31); it does not guess beyond them",
                "t",
                sh(2027, 1, 1),
                id="next-at-the-end-of-the-data",
            ),
            pytest.param(
                lambda: CN.is_working_day(date(2027, 1, 1)),
                CalendarCoverageError,
                "'d' datetime.date(2027, 1, 1) is outside the dates 'China (State Council "
                "放假调休)' covers (2008-01-01 to 2026-12-31); it does not guess beyond them",
                "d",
                date(2027, 1, 1),
                id="day-after-the-data",
            ),
            pytest.param(
                lambda: CN.add_working_days(date(2027, 1, 1), 0),
                CalendarCoverageError,
                "'d' datetime.date(2027, 1, 1) is outside the dates 'China (State Council "
                "放假调休)' covers (2008-01-01 to 2026-12-31); it does not guess beyond them",
                "d",
                date(2027, 1, 1),
                id="count-from-after-the-data",
            ),
            pytest.param(
                lambda: CN.working_time_between(datetime(2025, 3, 3, 10), sh(2025, 3, 3, 12)),
                NaiveDatetimeError,
                "'start' must be timezone-aware (an instant), got naive '2025-03-03T10:00:00'",
                "start",
                datetime(2025, 3, 3, 10),
                id="naive-start",
            ),
            pytest.param(
                lambda: CN.is_working_day("2025-03-03"),  # type: ignore[arg-type]
                TypeError,
                "'d' must be a date (not a datetime), got str '2025-03-03'",
                None,
                None,
                id="day-as-text",
            ),
            pytest.param(
                lambda: CN.add_working_days("2025-03-03", 1),  # type: ignore[arg-type]
                TypeError,
                "'d' must be a date (not a datetime), got str '2025-03-03'",
                None,
                None,
                id="count-from-text",
            ),
            pytest.param(
                lambda: CN.add_working_days(date(2025, 3, 3), 1.5),  # type: ignore[arg-type]
                TypeError,
                "'n' must be an int, got float 1.5",
                None,
                None,
                id="count-a-float",
            ),
        ],
    )
    def test_refusals(
        self,
        call: Callable[[], object],
        error: type[Exception],
        message: str,
        field: str | None,
        value: object,
    ) -> None:
        """Queries outside the data or of the wrong type are refused with message, field, value."""
        assert _refusal(call) == (error, message, field, value)

    def test_counting_back_a_whole_table(self) -> None:
        """Counting back all the working time from 2024-09-02 08:00 Shanghai (where a table
        starts) lands on that table's first opening, not in the table before."""
        cal = _fresh(CN)
        whole = cal.working_time_between(sh(2024, 9, 2, 8), sh(2026, 1, 27, 10))
        assert _fresh(CN).add_working_time(sh(2026, 1, 27, 10), -whole) == sh(2024, 9, 2, 9)

    def test_a_window_lost_to_the_gap_is_no_opening(self) -> None:
        """On the spring-forward day the 02:00-03:00 window vanishes: after 01:30 the next
        opening is 04:00, not the instant the vanished window collapsed to."""
        berlin = WorkingCalendar.weekly(
            hours="01:00-01:30,02:00-03:00,04:00-05:00", days="daily", zone="Europe/Berlin"
        )
        after = datetime(2025, 3, 30, 1, 45, tzinfo=BERLIN)
        assert berlin.next_working_time(after) == datetime(2025, 3, 30, 4, tzinfo=BERLIN)
