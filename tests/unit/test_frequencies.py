"""Example tables for propstd.frequencies: parsing, windows, shifts, monthly requirement."""

from __future__ import annotations

from datetime import date, timedelta
from fractions import Fraction

import pytest

from propstd import frequencies
from propstd.errors import InvalidValueError, ParseError
from propstd.frequencies import Frequency, Proration, Schedule, ShiftPolicy, Window
from propstd.periods import Period, PeriodUnit

ANCHOR = date(2025, 1, 6)
MARCH = Period.parse("2025-03")


class _Weekdays:
    """A calendar whose working days are Monday to Friday, minus *holidays*."""

    def __init__(self, *holidays: date) -> None:
        self.holidays = set(holidays)

    def is_working_day(self, d: date, /) -> bool:
        return d.weekday() < 5 and d not in self.holidays


class _Never:
    """A calendar without working days."""

    def is_working_day(self, d: date, /) -> bool:
        return False


class TestFrequencyParse:
    """Frequency.parse reads every spelling of the contract."""

    @pytest.mark.parametrize(
        ("text", "count", "every", "unit"),
        [
            pytest.param("daily", 1, 1, PeriodUnit.DAY, id="daily"),
            pytest.param("日查", 1, 1, PeriodUnit.DAY, id="日查"),
            pytest.param("每日", 1, 1, PeriodUnit.DAY, id="每日"),
            pytest.param("每天", 1, 1, PeriodUnit.DAY, id="每天"),
            pytest.param("weekly", 1, 1, PeriodUnit.WEEK, id="weekly"),
            pytest.param("周查", 1, 1, PeriodUnit.WEEK, id="周查"),
            pytest.param("每周", 1, 1, PeriodUnit.WEEK, id="每周"),
            pytest.param("biweekly", 1, 2, PeriodUnit.WEEK, id="biweekly"),
            pytest.param("两周查", 1, 2, PeriodUnit.WEEK, id="两周查"),
            pytest.param("每两周", 1, 2, PeriodUnit.WEEK, id="每两周"),
            pytest.param("monthly", 1, 1, PeriodUnit.MONTH, id="monthly"),
            pytest.param("月查", 1, 1, PeriodUnit.MONTH, id="月查"),
            pytest.param("每月", 1, 1, PeriodUnit.MONTH, id="每月"),
            pytest.param("quarterly", 1, 1, PeriodUnit.QUARTER, id="quarterly"),
            pytest.param("季查", 1, 1, PeriodUnit.QUARTER, id="季查"),
            pytest.param("季度查", 1, 1, PeriodUnit.QUARTER, id="季度查"),
            pytest.param("每季度", 1, 1, PeriodUnit.QUARTER, id="每季度"),
            pytest.param("semiannual", 1, 1, PeriodUnit.HALF_YEAR, id="semiannual"),
            pytest.param("半年查", 1, 1, PeriodUnit.HALF_YEAR, id="半年查"),
            pytest.param("每半年", 1, 1, PeriodUnit.HALF_YEAR, id="每半年"),
            pytest.param("annual", 1, 1, PeriodUnit.YEAR, id="annual"),
            pytest.param("年查", 1, 1, PeriodUnit.YEAR, id="年查"),
            pytest.param("每年", 1, 1, PeriodUnit.YEAR, id="每年"),
            pytest.param("  Weekly ", 1, 1, PeriodUnit.WEEK, id="case-and-space"),
            pytest.param("2次/周", 2, 1, PeriodUnit.WEEK, id="2次/周"),
            pytest.param("2 次/周", 2, 1, PeriodUnit.WEEK, id="2 次/周"),
            pytest.param("两次/周", 2, 1, PeriodUnit.WEEK, id="两次/周"),
            pytest.param("每周2次", 2, 1, PeriodUnit.WEEK, id="每周2次"),
            pytest.param("每月3次", 3, 1, PeriodUnit.MONTH, id="每月3次"),
            pytest.param("2次/日", 2, 1, PeriodUnit.DAY, id="2次/日"),
            pytest.param("1次/两周", 1, 2, PeriodUnit.WEEK, id="1次/两周"),
            pytest.param("每10天", 1, 10, PeriodUnit.DAY, id="每10天"),
            pytest.param("每3个月", 1, 3, PeriodUnit.MONTH, id="每3个月"),
            pytest.param("twice a week", 2, 1, PeriodUnit.WEEK, id="twice-a-week"),
            pytest.param("once a month", 1, 1, PeriodUnit.MONTH, id="once-a-month"),
            pytest.param("3 times per month", 3, 1, PeriodUnit.MONTH, id="3-times-per-month"),
            pytest.param("2 times every 2 weeks", 2, 2, PeriodUnit.WEEK, id="times-every"),
            pytest.param("twice a fortnight", 2, 2, PeriodUnit.WEEK, id="fortnight"),
            pytest.param("every 10 days", 1, 10, PeriodUnit.DAY, id="every-10-days"),
            pytest.param("every week", 1, 1, PeriodUnit.WEEK, id="every-week"),
            pytest.param("every 2 half-years", 1, 2, PeriodUnit.HALF_YEAR, id="half-years"),
        ],
    )
    def test_spellings(self, text: str, count: int, every: int, unit: PeriodUnit) -> None:
        """Each spelling gives its count, interval and unit."""
        assert Frequency.parse(text) == Frequency(count=count, every=every, unit=unit)

    @pytest.mark.parametrize(
        "text",
        [
            pytest.param("", id="empty"),
            pytest.param("sometimes", id="unknown-word"),
            pytest.param("0次/周", id="zero-count"),
            pytest.param("every 0 days", id="zero-interval"),
            pytest.param("每周零次", id="chinese-zero"),
            pytest.param("3 times per fortnight please", id="trailing-words"),
            pytest.param("2次/小时", id="hours"),
        ],
    )
    def test_bad_text(self, text: str) -> None:
        """Text that is no frequency raises ParseError showing the text."""
        with pytest.raises(ParseError, match="cannot read a frequency") as info:
            Frequency.parse(text)
        assert info.value.text == text

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            pytest.param("不少于每日2次", Frequency(count=2, unit="day"), id="不少于每日2次"),
            pytest.param("每日至少2次", Frequency(count=2, unit="day"), id="每日至少2次"),
            pytest.param("每季度不少于1次", Frequency(unit="quarter"), id="每季度不少于1次"),
            pytest.param("至少每周2次", Frequency(count=2, unit="week"), id="至少每周2次"),
            pytest.param("不低于2次/周", Frequency(count=2, unit="week"), id="不低于"),
            pytest.param("at least twice a week", Frequency(count=2, unit="week"), id="at-least"),
        ],
    )
    def test_minimum_words(self, text: str, expected: Frequency) -> None:
        """§14.8: "at least" words do not change the frequency (it is already a minimum)."""
        assert Frequency.parse(text) == expected

    def test_long_text_refused(self) -> None:
        """§14.10: text over 10,000 characters is refused at once."""
        with pytest.raises(InvalidValueError, match="10,000") as caught:
            Frequency.parse("每" * 10_001)
        assert caught.value.field == "text"

    @pytest.mark.parametrize(
        "text",
        [
            pytest.param("每" + "9" * 5000 + "天", id="5000-digits"),
            pytest.param("1234567次/周", id="million"),
        ],
    )
    def test_huge_numbers_refused(self, text: str) -> None:
        """A number of seven digits or more is refused as such (never a builtin ValueError)."""
        with pytest.raises(ParseError, match="too large"):
            Frequency.parse(text)

    def test_window_of_at_most_a_century(self) -> None:
        """Windows longer than 100 years, and windows past year 9998, raise InvalidValueError."""
        with pytest.raises(InvalidValueError, match="100 years") as caught:
            Frequency(every=101, unit="year")
        assert (caught.value.field, caught.value.value) == ("every", 101)
        with pytest.raises(InvalidValueError, match="100 years"):
            Frequency(every=36_526, unit="day")
        far = Schedule(Frequency(every=100, unit="year"))
        with pytest.raises(InvalidValueError, match="0002-9998"):
            far.window_at(date(9998, 12, 31))
        with pytest.raises(InvalidValueError, match="0002-9998"):
            Schedule(Frequency(every=36_525, unit="day")).window_at(date(9998, 12, 31))

    def test_parse_error_names_the_text(self) -> None:
        """A ParseError carries field 'text' and the text as its value."""
        with pytest.raises(ParseError) as caught:
            Frequency.parse("每周零次")
        assert (caught.value.field, caught.value.value) == ("text", "每周零次")

    def test_not_a_string(self) -> None:
        """A non-string raises TypeError naming the parameter."""
        with pytest.raises(TypeError, match="'text' must be a str"):
            Frequency.parse(7)  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("frequency", "text"),
        [
            pytest.param(Frequency(unit="day"), "daily", id="daily"),
            pytest.param(Frequency(every=2, unit="week"), "biweekly", id="biweekly"),
            pytest.param(Frequency(unit="half_year"), "semiannual", id="semiannual"),
            pytest.param(Frequency(unit="year"), "annual", id="annual"),
            pytest.param(Frequency(count=2, unit="day"), "2 times per day", id="count"),
            pytest.param(Frequency(every=10, unit="day"), "every 10 days", id="every"),
            pytest.param(Frequency(every=3, unit="week"), "every 3 weeks", id="every-weeks"),
            pytest.param(
                Frequency(count=3, every=2, unit="month"), "3 times every 2 months", id="both"
            ),
        ],
    )
    def test_str_round_trips(self, frequency: Frequency, text: str) -> None:
        """str() is the canonical English spelling and parses back."""
        assert str(frequency) == text
        assert Frequency.parse(text) == frequency


class TestFrequencyConstruction:
    """Frequency validates its fields."""

    @pytest.mark.parametrize(
        ("kwargs", "error", "match"),
        [
            pytest.param({"count": 0, "unit": "day"}, InvalidValueError, "'count'", id="count-0"),
            pytest.param({"every": -1, "unit": "day"}, InvalidValueError, "'every'", id="every"),
            pytest.param({"count": 1.5, "unit": "day"}, TypeError, "'count'", id="float"),
            pytest.param({"count": True, "unit": "day"}, TypeError, "'count'", id="bool"),
            pytest.param({"unit": "fortnight"}, InvalidValueError, "'unit'.*fortnight", id="unit"),
            pytest.param({"unit": 3}, TypeError, "'unit'.*3", id="unit-int"),
        ],
    )
    def test_bad_fields(
        self, kwargs: dict[str, object], error: type[Exception], match: str
    ) -> None:
        """Bad fields raise and the message names the field and value."""
        with pytest.raises(error, match=match):
            Frequency(**kwargs)  # type: ignore[arg-type]

    def test_repr_and_window_sizes(self) -> None:
        """The repr is readable; window sizes are in days or months."""
        f = Frequency.parse("两周查")
        assert repr(f) == "Frequency(count=1, every=2, unit='week')"
        assert (f.window_days, f.window_months) == (14, 0)
        assert (
            Frequency.parse("quarterly").window_days,
            Frequency(every=2, unit="year").window_months,
        ) == (0, 24)


class TestRequiredIn:
    """Frequency.required_in is the QPI monthly formula."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            pytest.param("daily", Fraction(31), id="daily"),
            pytest.param("2次/日", Fraction(62), id="twice-daily"),
            pytest.param("weekly", Fraction(5), id="weekly-5-sundays"),
            pytest.param("biweekly", Fraction(3), id="biweekly-mar-2-16-30"),
            pytest.param("monthly", Fraction(1), id="monthly"),
            pytest.param("quarterly", Fraction(1, 3), id="quarterly"),
            pytest.param("semiannual", Fraction(1, 6), id="semiannual"),
            pytest.param("annual", Fraction(1, 12), id="annual"),
            pytest.param("2 times every 2 years", Fraction(1, 12), id="two-every-two-years"),
        ],
    )
    def test_seed(self, text: str, expected: Fraction) -> None:
        """March 2025 from a Monday anchor of 2025-01-06."""
        assert Frequency.parse(text).required_in(MARCH, anchor=ANCHOR) == expected

    @pytest.mark.parametrize(
        ("text", "month", "expected"),
        [
            pytest.param("quarterly", "2025-03", 0, id="quarter-not-due"),
            pytest.param("quarterly", "2025-04", 1, id="quarter-due-apr-5"),
            pytest.param("annual", "2025-12", 0, id="year-not-due"),
            pytest.param("annual", "2026-01", 1, id="year-due-jan-5"),
            pytest.param("weekly", "2025-02", 4, id="weekly"),
        ],
    )
    def test_due(self, text: str, month: str, expected: int) -> None:
        """Proration.due counts whole windows due in the month."""
        f = Frequency.parse(text)
        got = f.required_in(Period.parse(month), anchor=ANCHOR, proration=Proration.DUE)
        assert got == expected

    @pytest.mark.parametrize(
        ("month", "anchor", "proration", "error", "match"),
        [
            pytest.param(
                Period.parse("2025-Q1"), ANCHOR, "seed", InvalidValueError, "2025-Q1", id="quarter"
            ),
            pytest.param(
                Period.parse("2025-W10"), ANCHOR, "seed", InvalidValueError, "'month'", id="week"
            ),
            pytest.param("2025-03", ANCHOR, "seed", TypeError, "'month'", id="string-month"),
            pytest.param(MARCH, "2025-01-06", "seed", TypeError, "'anchor'", id="string-anchor"),
            pytest.param(MARCH, ANCHOR, 2, TypeError, "'proration'.*2", id="proration-int"),
            pytest.param(
                MARCH,
                ANCHOR,
                "pro-rata",
                InvalidValueError,
                "'proration'.*pro-rata",
                id="proration",
            ),
        ],
    )
    def test_bad_input(
        self, month: object, anchor: object, proration: object, error: type[Exception], match: str
    ) -> None:
        """Bad arguments raise, naming the argument."""
        with pytest.raises(error, match=match):
            Frequency.parse("daily").required_in(month, anchor=anchor, proration=proration)  # type: ignore[arg-type]


class TestSchedule:
    """Schedule lays windows from the anchor."""

    def test_month_end_anchor_never_drifts(self) -> None:
        """An anchor on the 31st gives Jan 31, Feb 28, Mar 31, Apr 30 (from the anchor)."""
        s = Schedule(Frequency.parse("monthly"), anchor=date(2025, 1, 31))
        starts = [w.start for w in s.windows(Period.parse("2025-H1"))]
        assert starts[1:5] == [
            date(2025, 1, 31),
            date(2025, 2, 28),
            date(2025, 3, 31),
            date(2025, 4, 30),
        ]
        assert s.window_at(date(2028, 2, 29)).start == date(2028, 2, 29)  # leap year clamp
        assert s.window_at(date(2028, 3, 30)).start == date(2028, 2, 29)

    def test_iso_weeks_from_monday(self) -> None:
        """Weekly windows from a Monday anchor are ISO weeks."""
        s = Schedule(Frequency.parse("weekly"), anchor=ANCHOR)
        assert [str(w.period) for w in s.windows(Period.parse("2025-W10"))] == ["2025-W10"]

    def test_grid_runs_before_the_anchor(self) -> None:
        """Windows before the anchor continue the same grid."""
        s = Schedule(Frequency.parse("quarterly"), anchor=date(2025, 1, 31))
        w = s.window_at(date(2024, 12, 1))
        assert (w.start, w.end, w.due) == (date(2024, 10, 31), date(2025, 1, 31), date(2025, 1, 30))

    def test_window_fields(self) -> None:
        """A window knows its period, last day and requirement."""
        s = Schedule(Frequency.parse("每周2次"), anchor=ANCHOR)
        w = s.window_at(date(2025, 3, 5))
        assert (w.period, w.last, w.due, w.required) == (
            Period.parse("2025-W10"),
            date(2025, 3, 9),
            date(2025, 3, 9),
            2,
        )
        assert date(2025, 3, 9) in w
        assert date(2025, 3, 10) not in w

    def test_next_window(self) -> None:
        """next_window gives the window after the one holding the date."""
        s = Schedule(Frequency.parse("every 10 days"), anchor=ANCHOR)
        assert s.next_window(ANCHOR).start == ANCHOR + timedelta(days=10)
        assert s.next_window(ANCHOR - timedelta(days=1)).start == ANCHOR

    @pytest.mark.parametrize(
        ("shift", "due"),
        [
            pytest.param(ShiftPolicy.KEEP, date(2025, 3, 9), id="keep-sunday"),
            pytest.param(ShiftPolicy.FORWARD, date(2025, 3, 10), id="forward-monday"),
            pytest.param(ShiftPolicy.BACKWARD, date(2025, 3, 7), id="backward-friday"),
            pytest.param(ShiftPolicy.NEAREST, date(2025, 3, 10), id="nearest-monday"),
        ],
    )
    def test_shift_sunday(self, shift: ShiftPolicy, due: date) -> None:
        """A Sunday due date moves by the policy (nearest: Monday is 1 day, Friday 2)."""
        s = Schedule(Frequency.parse("weekly"), anchor=ANCHOR, shift=shift, calendar=_Weekdays())
        assert s.window_at(date(2025, 3, 5)).due == due

    def test_nearest_tie_goes_back(self) -> None:
        """On a tie the nearest working day is the earlier one."""
        cal = _Weekdays(date(2025, 3, 5))  # a Wednesday holiday: Tue and Thu are 1 day away
        s = Schedule(Frequency.parse("daily"), anchor=ANCHOR, shift="nearest", calendar=cal)
        assert s.window_at(date(2025, 3, 5)).due == date(2025, 3, 4)

    def test_working_day_is_kept(self) -> None:
        """A due date on a working day does not move."""
        s = Schedule(Frequency.parse("daily"), anchor=ANCHOR, shift="forward", calendar=_Weekdays())
        assert s.window_at(date(2025, 3, 5)).due == date(2025, 3, 5)

    def test_shift_gives_up(self) -> None:
        """Without a working day in reach the shift raises, naming the date."""
        s = Schedule(Frequency.parse("daily"), anchor=ANCHOR, shift="forward", calendar=_Never())
        with pytest.raises(InvalidValueError, match="2025-03-05"):
            s.window_at(date(2025, 3, 5))

    def test_due_dates_with_shift(self) -> None:
        """Shifted due dates may repeat (one per window) and cross the period edge."""
        s = Schedule(Frequency.parse("daily"), anchor=ANCHOR, shift="forward", calendar=_Weekdays())
        got = s.due_dates(Period(date(2025, 3, 7), date(2025, 3, 11)))
        # Fri 7 → 7; Sat 8, Sun 9, Mon 10 → Mon 10
        assert got == (date(2025, 3, 7), date(2025, 3, 10), date(2025, 3, 10), date(2025, 3, 10))

    @pytest.mark.parametrize(
        ("args", "kwargs", "error", "match"),
        [
            pytest.param(
                ("daily",), {"anchor": ANCHOR}, TypeError, "'frequency'", id="string-frequency"
            ),
            pytest.param(
                (Frequency(unit="day"),),
                {"anchor": "2025-01-06"},
                TypeError,
                "'anchor'",
                id="anchor",
            ),
            pytest.param(
                (Frequency(unit="day"),),
                {"anchor": ANCHOR, "shift": "later"},
                InvalidValueError,
                "'shift'.*later",
                id="shift",
            ),
            pytest.param(
                (Frequency(unit="day"),),
                {"anchor": ANCHOR, "shift": 1},
                TypeError,
                "'shift'.*1",
                id="shift-int",
            ),
            pytest.param(
                (Frequency(unit="day"),),
                {"anchor": ANCHOR, "shift": "forward"},
                InvalidValueError,
                "'calendar'",
                id="no-calendar",
            ),
            pytest.param(
                (Frequency(unit="day"),),
                {"anchor": ANCHOR, "calendar": "china"},
                TypeError,
                "'calendar'",
                id="calendar",
            ),
        ],
    )
    def test_bad_construction(
        self,
        args: tuple[object, ...],
        kwargs: dict[str, object],
        error: type[Exception],
        match: str,
    ) -> None:
        """Bad fields raise and name the field."""
        with pytest.raises(error, match=match):
            Schedule(*args, **kwargs)  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("kwargs", "match"),
        [
            pytest.param({"end": date(2025, 3, 1)}, "'end'", id="empty"),
            pytest.param({"required": 0}, "'required'", id="required"),
        ],
    )
    def test_bad_window(self, kwargs: dict[str, object], match: str) -> None:
        """A window must be at least a day long and need at least one check."""
        fields: dict[str, object] = {
            "start": date(2025, 3, 1),
            "end": date(2025, 3, 2),
            "due": date(2025, 3, 1),
            "required": 1,
        } | kwargs
        with pytest.raises(InvalidValueError, match=match):
            Window(**fields)  # type: ignore[arg-type]

    def test_bad_queries(self) -> None:
        """Queries check their argument types."""
        s = Schedule(Frequency.parse("daily"), anchor=ANCHOR)
        with pytest.raises(TypeError, match="'period'"):
            s.windows("2025-03")  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="'period'"):
            s.due_dates("2025-03")  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="'after'"):
            s.next_window("2025-03-01")  # type: ignore[arg-type]


class TestCalendarAligned:
    """semantics §14.1: without an anchor, windows follow the calendar."""

    @pytest.mark.parametrize(
        ("text", "day", "start", "end"),
        [
            pytest.param("daily", "2025-03-10", "2025-03-10", "2025-03-11", id="day"),
            pytest.param("weekly", "2025-03-13", "2025-03-10", "2025-03-17", id="iso-week"),
            pytest.param("monthly", "2025-03-10", "2025-03-01", "2025-04-01", id="month"),
            pytest.param("every 2 months", "2025-02-28", "2025-01-01", "2025-03-01", id="jan-feb"),
            pytest.param("every 2 months", "2025-03-01", "2025-03-01", "2025-05-01", id="mar-apr"),
            pytest.param("quarterly", "2025-05-20", "2025-04-01", "2025-07-01", id="quarter"),
            pytest.param("semiannual", "2025-12-31", "2025-07-01", "2026-01-01", id="half"),
            pytest.param("annual", "2025-06-01", "2025-01-01", "2026-01-01", id="year"),
            pytest.param("every 4 months", "2025-05-01", "2025-05-01", "2025-09-01", id="4-months"),
            pytest.param("every 5 months", "2001-06-01", "2001-06-01", "2001-11-01", id="5-months"),
            pytest.param("every 5 months", "2025-07-31", "2025-03-01", "2025-08-01", id="5-2025"),
            pytest.param("every 2 years", "2025-03-01", "2025-01-01", "2027-01-01", id="2-years"),
            pytest.param("biweekly", "2001-01-14", "2001-01-01", "2001-01-15", id="2-weeks"),
            pytest.param("biweekly", "2025-03-10", "2025-03-10", "2025-03-24", id="2w-2025"),
            pytest.param("every 10 days", "2001-01-11", "2001-01-11", "2001-01-21", id="10d"),
            pytest.param("every 10 days", "2000-12-31", "2000-12-22", "2001-01-01", id="before"),
        ],
    )
    def test_windows(self, text: str, day: str, start: str, end: str) -> None:
        """Days, ISO weeks and calendar months/quarters/halves/years; other lengths from 2001."""
        s = Schedule(Frequency.parse(text))
        w = s.window_at(date.fromisoformat(day))
        assert (str(w.start), str(w.end)) == (start, end)
        assert s.anchor is None
        assert s.origin == date(2001, 1, 1)

    def test_bimonthly_lists(self) -> None:
        """Bimonthly windows of a year are Jan-Feb, Mar-Apr, ... Nov-Dec, due on their last day."""
        s = Schedule(Frequency.parse("every 2 months"))
        got = [(str(w.start), str(w.due)) for w in s.windows(Period.year(2025))]
        assert got == [
            ("2025-01-01", "2025-02-28"),
            ("2025-03-01", "2025-04-30"),
            ("2025-05-01", "2025-06-30"),
            ("2025-07-01", "2025-08-31"),
            ("2025-09-01", "2025-10-31"),
            ("2025-11-01", "2025-12-31"),
        ]
        assert [d.month for d in s.due_dates(Period.year(2024))] == [2, 4, 6, 8, 10, 12]

    def test_monthly_on_the_tenth_meets_every_month(self) -> None:
        """A monthly check on the 10th falls in the window due that month, every month of 2025."""
        s = Schedule(Frequency.parse("monthly"))
        for month in Period.year(2025).split(PeriodUnit.MONTH):
            w = s.window_at(month.start.replace(day=10))
            assert w.period == month
            assert w.due in month

    def test_explicit_anchor_keeps_the_old_rule(self) -> None:
        """With an anchor, window 0 starts on it (a monthly window 6 Mar - 5 Apr)."""
        s = Schedule(Frequency.parse("monthly"), anchor=ANCHOR)
        w = s.window_at(date(2025, 3, 10))
        assert (w.start, w.end, s.origin) == (date(2025, 3, 6), date(2025, 4, 6), ANCHOR)

    def test_required_in_without_anchor(self) -> None:
        """required_in reads calendar windows when no anchor is given (bimonthly: odd months 0)."""
        two = Frequency.parse("every 2 months")
        assert two.required_in(Period.parse("2025-03"), proration="due") == 0
        assert two.required_in(Period.parse("2025-04"), proration="due") == 1
        assert Frequency.parse("monthly").required_in(MARCH) == 1
        assert Frequency.parse("weekly").required_in(Period.parse("2025-06")) == 5  # Sundays

    def test_window_numbers(self) -> None:
        """window_number and window_start are inverse: k's window holds its start and last day."""
        s = Schedule(Frequency.parse("quarterly"))
        k = s.window_number(date(2025, 3, 31))
        assert s.window_start(k) == date(2025, 1, 1)
        assert s.window_start(k + 1) == date(2025, 4, 1)
        assert s.window_number(date(2001, 1, 1)) == 0
        assert s.window_number(date(2000, 12, 31)) == -1
        with pytest.raises(TypeError, match="'d'"):
            s.window_number("2025-03-01")  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="'k'"):
            s.window_start(1.0)  # type: ignore[arg-type]

    def test_anchor_type(self) -> None:
        """An anchor that is not a date is refused."""
        with pytest.raises(TypeError, match="'anchor'"):
            Schedule(Frequency.parse("daily"), anchor="2025-01-06")  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="'anchor'"):
            Frequency.parse("daily").required_in(MARCH, anchor="2025-01-06")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kind", "word", "member"),
    [
        pytest.param(ShiftPolicy, "顺延", ShiftPolicy.FORWARD, id="顺延"),
        pytest.param(ShiftPolicy, "提前", ShiftPolicy.BACKWARD, id="提前"),
        pytest.param(ShiftPolicy, "就近", ShiftPolicy.NEAREST, id="就近"),
        pytest.param(Proration, "按月分摊", Proration.SEED, id="按月分摊"),
        pytest.param(Proration, "到期", Proration.DUE, id="到期"),
    ],
)
def test_chinese_words(kind: type, word: str, member: object) -> None:
    """§14.7: shift policies and prorations read their Chinese words."""
    assert kind(word) is member
    s = Schedule(Frequency.parse("daily"), shift="顺延", calendar=_Weekdays())
    assert s.shift is ShiftPolicy.FORWARD
    assert Frequency.parse("年查").required_in(MARCH, proration="到期") == 0


def test_working_days_alias() -> None:
    """frequencies.WorkingDays is calendars.WorkingDays, with a DeprecationWarning."""
    from propstd.calendars import WorkingDays

    with pytest.warns(DeprecationWarning, match=r"calendars\.WorkingDays"):
        old = frequencies.WorkingDays
    assert old is WorkingDays
    with pytest.raises(AttributeError, match="Nothing"):
        _ = frequencies.Nothing


def test_public_names() -> None:
    """The module lists its public names, sorted, and dir() shows only them."""
    assert frequencies.__all__ == sorted(frequencies.__all__)
    assert dir(frequencies) == frequencies.__all__
