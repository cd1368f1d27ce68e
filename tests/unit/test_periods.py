"""Unit tests for propstd.periods: Period and PeriodUnit."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

import attrs
import pytest

from propstd.errors import InvalidValueError, ParseError
from propstd.periods import Period, PeriodUnit


class TestConstructors:
    """The named constructors and the half-open rule."""

    @pytest.mark.parametrize(
        ("period", "start", "end"),
        [
            pytest.param(
                Period.day(date(2025, 3, 1)), date(2025, 3, 1), date(2025, 3, 2), id="day"
            ),
            pytest.param(Period.week(2025, 1), date(2024, 12, 30), date(2025, 1, 6), id="week-1"),
            pytest.param(Period.week(2020, 53), date(2020, 12, 28), date(2021, 1, 4), id="week-53"),
            pytest.param(Period.month(2025, 2), date(2025, 2, 1), date(2025, 3, 1), id="february"),
            pytest.param(
                Period.month(2025, 12), date(2025, 12, 1), date(2026, 1, 1), id="december"
            ),
            pytest.param(Period.quarter(2025, 4), date(2025, 10, 1), date(2026, 1, 1), id="q4"),
            pytest.param(Period.half_year(2025, 2), date(2025, 7, 1), date(2026, 1, 1), id="h2"),
            pytest.param(Period.year(2024), date(2024, 1, 1), date(2025, 1, 1), id="year"),
        ],
    )
    def test_bounds(self, period: Period, start: date, end: date) -> None:
        """Each constructor gives the right half-open range."""
        assert (period.start, period.end) == (start, end)

    @pytest.mark.parametrize(
        ("make", "error", "match"),
        [
            pytest.param(
                lambda: Period(date(2025, 3, 2), date(2025, 3, 1)),
                InvalidValueError,
                r"'end' 2025-03-01 must be after 'start' 2025-03-02",
                id="reversed",
            ),
            pytest.param(
                lambda: Period(date(2025, 3, 1), date(2025, 3, 1)),
                InvalidValueError,
                r"'end' 2025-03-01",
                id="empty",
            ),
            pytest.param(
                lambda: Period(datetime(2025, 3, 1), date(2025, 4, 1)),
                TypeError,
                r"'start' must be a date \(not a datetime\)",
                id="datetime",
            ),
            pytest.param(
                lambda: Period("2025-03-01", date(2025, 4, 1)),  # type: ignore[arg-type]
                TypeError,
                r"'start'.*str",
                id="str",
            ),
            pytest.param(
                lambda: Period(date(2025, 3, 1), None),  # type: ignore[arg-type]
                TypeError,
                r"'end'.*NoneType",
                id="none",
            ),
        ],
    )
    def test_period_bad_input(self, make: object, error: type, match: str) -> None:
        """Period(start, end) refuses bad bounds."""
        with pytest.raises(error, match=match):
            make()  # type: ignore[operator]

    @pytest.mark.parametrize(
        ("make", "error", "match"),
        [
            pytest.param(
                lambda: Period.month(2025, 13),
                InvalidValueError,
                r"'month' must be between 1 and 12, got 13",
                id="month-13",
            ),
            pytest.param(
                lambda: Period.month(2025, 0), InvalidValueError, r"'month'.*got 0", id="month-0"
            ),
            pytest.param(
                lambda: Period.month(2025, 3.0),  # type: ignore[arg-type]
                TypeError,
                r"'month' must be an int, got float",
                id="month-float",
            ),
            pytest.param(
                lambda: Period.month(0, 1),
                InvalidValueError,
                r"'year' must be between 1 and 9998, got 0",
                id="year-0",
            ),
            pytest.param(lambda: Period.month("2025", 1), TypeError, r"'year'.*str", id="year-str"),  # type: ignore[arg-type]
            pytest.param(
                lambda: Period.week(2025, 53),
                InvalidValueError,
                r"'week' must be a week of ISO year 2025.*53",
                id="week-53",
            ),
            pytest.param(
                lambda: Period.week(2025, True), TypeError, r"'week'.*bool", id="week-bool"
            ),
            pytest.param(
                lambda: Period.quarter(2025, 5), InvalidValueError, r"'quarter'.*got 5", id="q5"
            ),
            pytest.param(
                lambda: Period.half_year(2025, 3),
                InvalidValueError,
                r"'half' must be 1 or 2, got 3",
                id="h3",
            ),
            pytest.param(
                lambda: Period.year(10_000), InvalidValueError, r"'year'.*10000", id="year-big"
            ),
            pytest.param(
                lambda: Period.day(datetime(2025, 3, 1)),
                TypeError,
                r"'d' must be a date",
                id="day-datetime",
            ),
            pytest.param(
                lambda: Period.day(date(9999, 12, 31)),
                InvalidValueError,
                r"'year'.*9999",
                id="day-9999",
            ),
            pytest.param(
                lambda: Period.containing(date(2025, 3, 1), "fortnight"),
                InvalidValueError,
                r"'unit' must be one of 'day' \(日\), 'week' \(周\).*'fortnight'",
                id="unit",
            ),
            pytest.param(
                lambda: Period.containing(date(2025, 3, 1), 3),  # type: ignore[arg-type]
                TypeError,
                r"'unit'.*3",
                id="unit-int",
            ),
            pytest.param(
                lambda: Period.containing("2025-03-01", "day"),  # type: ignore[arg-type]
                TypeError,
                r"'d'.*str",
                id="containing-str",
            ),
        ],
    )
    def test_constructor_bad_input(self, make: object, error: type, match: str) -> None:
        """The named constructors refuse bad arguments, naming them."""
        with pytest.raises(error, match=match):
            make()  # type: ignore[operator]

    @pytest.mark.parametrize(
        ("constructor", "args", "error", "match"),
        [
            pytest.param("week", (2025, 0), InvalidValueError, r"'week'.*got 0", id="week-0"),
            pytest.param("week", (2025, 54), InvalidValueError, r"'week'.*got 54", id="week-54"),
            pytest.param("week", (2025, "5"), TypeError, r"'week'.*str '5'", id="week-str"),
            pytest.param("week", (0, 1), InvalidValueError, r"'year'.*got 0", id="week-year-0"),
            pytest.param("week", (2025.0, 1), TypeError, r"'year'.*float", id="week-year-float"),
            pytest.param("quarter", (2025, 0), InvalidValueError, r"'quarter'.*got 0", id="q-0"),
            pytest.param("quarter", (2025, -1), InvalidValueError, r"'quarter'.*-1", id="q-neg"),
            pytest.param("quarter", (2025, True), TypeError, r"'quarter'.*bool", id="q-bool"),
            pytest.param("quarter", (2025, None), TypeError, r"'quarter'.*NoneType", id="q-none"),
            pytest.param("quarter", (10_000, 1), InvalidValueError, r"'year'.*10000", id="q-year"),
            pytest.param("half_year", (2025, 0), InvalidValueError, r"'half'.*got 0", id="h-0"),
            pytest.param("half_year", (2025, "H1"), TypeError, r"'half'.*str 'H1'", id="h-str"),
            pytest.param("half_year", (2025, 1.0), TypeError, r"'half'.*float", id="h-float"),
            pytest.param("half_year", (-5, 1), InvalidValueError, r"'year'.*-5", id="h-year"),
            pytest.param("half_year", (2025, 12), InvalidValueError, r"'half'.*12", id="h-12"),
            pytest.param("year", (0,), InvalidValueError, r"'year'.*got 0", id="y-0"),
            pytest.param("year", (9999,), InvalidValueError, r"'year'.*9999", id="y-9999"),
            pytest.param("year", ("2025",), TypeError, r"'year'.*str '2025'", id="y-str"),
            pytest.param("year", (2025.0,), TypeError, r"'year'.*float", id="y-float"),
            pytest.param("year", (False,), TypeError, r"'year'.*bool", id="y-bool"),
            pytest.param("day", ("2025-03-01",), TypeError, r"'d'.*str", id="d-str"),
            pytest.param("day", (None,), TypeError, r"'d'.*NoneType", id="d-none"),
            pytest.param("day", (20250301,), TypeError, r"'d'.*int", id="d-int"),
            pytest.param(
                "day", (datetime(2025, 3, 1, 9),), TypeError, r"not a datetime", id="d-dt"
            ),
            pytest.param("day", (date(9999, 1, 1),), InvalidValueError, r"'year'", id="d-9999"),
            pytest.param(
                "containing",
                (date(2025, 3, 1), None),
                TypeError,
                r"'unit'.*None",
                id="c-none",
            ),
            pytest.param(
                "containing",
                (date(2025, 3, 1), "months"),
                InvalidValueError,
                r"'unit'.*'months'",
                id="c-plural",
            ),
            pytest.param(
                "containing", (date(2025, 3, 1), ""), InvalidValueError, r"'unit'.*''", id="c-empty"
            ),
            pytest.param("containing", (datetime(2025, 3, 1), "day"), TypeError, r"'d'", id="c-dt"),
            pytest.param(
                "containing",
                (date(9999, 3, 1), "month"),
                InvalidValueError,
                r"'year'.*9999",
                id="c-9999",
            ),
        ],
    )
    def test_named_constructors_bad_input(
        self, constructor: str, args: tuple[object, ...], error: type, match: str
    ) -> None:
        """Each named constructor refuses at least five bad inputs, naming them."""
        with pytest.raises(error, match=match):
            getattr(Period, constructor)(*args)

    @pytest.mark.parametrize(
        ("day", "unit", "text"),
        [
            pytest.param(date(2025, 3, 9), PeriodUnit.DAY, "2025-03-09", id="day"),
            pytest.param(date(2024, 12, 30), PeriodUnit.WEEK, "2025-W01", id="iso-week-year"),
            pytest.param(date(2025, 3, 9), "month", "2025-03", id="month"),
            pytest.param(date(2025, 3, 31), PeriodUnit.QUARTER, "2025-Q1", id="quarter"),
            pytest.param(date(2025, 7, 1), PeriodUnit.HALF_YEAR, "2025-H2", id="half"),
            pytest.param(date(2025, 6, 30), PeriodUnit.HALF_YEAR, "2025-H1", id="half-1"),
            pytest.param(date(2025, 3, 9), PeriodUnit.YEAR, "2025", id="year"),
        ],
    )
    def test_containing(self, day: date, unit: PeriodUnit | str, text: str) -> None:
        """containing finds the whole unit around a date."""
        assert str(Period.containing(day, unit)) == text

    def test_evolve_validates(self) -> None:
        """attrs.evolve runs the validation again."""
        with pytest.raises(InvalidValueError, match="'end'"):
            attrs.evolve(Period.month(2025, 3), end=date(2025, 2, 1))


class TestParse:
    """Period.parse and str."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            pytest.param("2025-03", Period.month(2025, 3), id="month"),
            pytest.param("2025-3", Period.month(2025, 3), id="month-short"),
            pytest.param("2025年3月", Period.month(2025, 3), id="month-chinese"),
            pytest.param("2025-Q1", Period.quarter(2025, 1), id="quarter"),
            pytest.param("2025q2", Period.quarter(2025, 2), id="quarter-compact"),
            pytest.param("2025年第一季度", Period.quarter(2025, 1), id="quarter-chinese"),
            pytest.param("2025-H2", Period.half_year(2025, 2), id="half"),
            pytest.param("2025年上半年", Period.half_year(2025, 1), id="half-chinese"),
            pytest.param("2025", Period.year(2025), id="year"),
            pytest.param("2025年", Period.year(2025), id="year-chinese"),
            pytest.param("2025-W05", Period.week(2025, 5), id="week"),
            pytest.param("2025-03-01", Period.day(date(2025, 3, 1)), id="day"),
            pytest.param(" 2025-03 ", Period.month(2025, 3), id="spaces"),
            pytest.param(
                "2025-03-01/2025-03-15", Period(date(2025, 3, 1), date(2025, 3, 15)), id="range"
            ),
            pytest.param("2025-03-01/2025-04-01", Period.month(2025, 3), id="range-is-month"),
        ],
    )
    def test_parse(self, text: str, expected: Period) -> None:
        """Every documented spelling is read."""
        assert Period.parse(text) == expected

    @pytest.mark.parametrize(
        ("text", "error", "match"),
        [
            pytest.param(
                "2025-13",
                ParseError,
                r"cannot read a period from '2025-13'.*'month'",
                id="month-13",
            ),
            pytest.param("2025-02-30", ParseError, r"'2025-02-30'", id="no-such-day"),
            pytest.param("2025-W54", ParseError, r"'2025-W54'.*'week'", id="week-54"),
            pytest.param(
                "March 2025", ParseError, r"cannot read a period from 'March 2025'", id="words"
            ),
            pytest.param("", ParseError, r"cannot read a period from ''", id="empty"),
            pytest.param(
                "2025-03-02/2025-03-01",
                ParseError,
                r"'end' 2025-03-01 must be after",
                id="reversed",
            ),
            pytest.param("2025-Q5", ParseError, r"'2025-Q5'", id="q5"),
            pytest.param(202503, TypeError, r"'text' must be a str, got int", id="int"),
        ],
    )
    def test_parse_bad_input(self, text: object, error: type, match: str) -> None:
        """Unreadable periods raise ParseError quoting the text."""
        with pytest.raises(error, match=match):
            Period.parse(text)  # type: ignore[arg-type]

    def test_parse_error_is_a_value_error_with_text(self) -> None:
        """ParseError is a ValueError and keeps the text."""
        with pytest.raises(ValueError, match="2025-13") as info:
            Period.parse("2025-13")
        assert isinstance(info.value, ParseError)
        assert info.value.text == "2025-13"

    def test_repr(self) -> None:
        """repr is the parse call."""
        assert repr(Period.month(2025, 3)) == "Period.parse('2025-03')"

    def test_range_near_the_last_year(self) -> None:
        """A range in year 9999 prints as a range (no whole unit fits there)."""
        p = Period(date(9999, 1, 1), date(9999, 1, 3))
        assert str(p) == "9999-01-01/9999-01-03"
        assert p.unit is None
        assert Period.parse(str(p)) == p


class TestQueries:
    """days, last, dates, unit, contains, overlaps, intersection, next, previous, split."""

    def test_counts(self) -> None:
        """days, last and dates follow the half-open rule."""
        march = Period.month(2025, 3)
        assert march.days == 31
        assert march.last == date(2025, 3, 31)
        assert march.dates()[0] == date(2025, 3, 1)
        assert len(march.dates()) == 31
        assert Period.month(2024, 2).days == 29

    def test_contains(self) -> None:
        """The end is excluded; datetimes and other types are refused."""
        march = Period.month(2025, 3)
        assert date(2025, 3, 1) in march
        assert date(2025, 4, 1) not in march
        with pytest.raises(TypeError, match="a Period contains dates, got datetime"):
            datetime(2025, 3, 1) in march  # noqa: B015
        with pytest.raises(TypeError, match="got str"):
            "2025-03-01" in march  # noqa: B015

    def test_units(self) -> None:
        """unit names the whole unit, or None for another range."""
        assert Period.parse("2025-W05").unit is PeriodUnit.WEEK
        assert Period.parse("2025-03-01/2025-03-03").unit is None
        assert PeriodUnit.QUARTER.months == 3
        assert PeriodUnit.WEEK.months == 0

    def test_relations(self) -> None:
        """overlaps and intersection share days only."""
        march, april = Period.month(2025, 3), Period.month(2025, 4)
        q1 = Period.quarter(2025, 1)
        assert not march.overlaps(april)
        assert march.intersection(april) is None
        assert q1.intersection(march) == march
        assert q1.overlaps(march)

    @pytest.mark.parametrize(
        ("text", "following", "preceding"),
        [
            pytest.param("2025-12", "2026-01", "2025-11", id="month"),
            pytest.param("2025-W52", "2026-W01", "2025-W51", id="week"),
            pytest.param("2025-Q1", "2025-Q2", "2024-Q4", id="quarter"),
            pytest.param("2025-03-01", "2025-03-02", "2025-02-28", id="day"),
            pytest.param(
                "2025-03-01/2025-03-11",
                "2025-03-11/2025-03-21",
                "2025-02-19/2025-03-01",
                id="range",
            ),
        ],
    )
    def test_next_previous(self, text: str, following: str, preceding: str) -> None:
        """next and previous keep the unit (or the length)."""
        p = Period.parse(text)
        assert str(p.next()) == following
        assert str(p.previous()) == preceding

    def test_split(self) -> None:
        """split clips the units to the period."""
        weeks = Period.month(2025, 3).split("week")
        assert [str(w) for w in weeks][:2] == ["2025-03-01/2025-03-03", "2025-W10"]
        assert str(weeks[-1]) == "2025-03-31"
        assert [str(p) for p in Period.year(2025).split(PeriodUnit.HALF_YEAR)] == [
            "2025-H1",
            "2025-H2",
        ]
        with pytest.raises(InvalidValueError, match="'unit'"):
            Period.year(2025).split("decade")


class TestDateRangeEdges:
    """Period arithmetic at the edges of years 0002-9998 raises InvalidValueError, never
    OverflowError (§14.10)."""

    @pytest.mark.parametrize(
        ("call", "field"),
        [
            pytest.param(lambda: Period.parse("0001").previous(), "previous", id="parse-0001"),
            pytest.param(lambda: Period.year(1).next().previous(), "previous", id="back-to-1"),
            pytest.param(lambda: Period.year(2).previous(), "previous", id="year-2-previous"),
            pytest.param(lambda: Period.year(9998).next(), "next", id="year-9998-next"),
            pytest.param(lambda: Period.day(date(9998, 12, 31)).next(), "next", id="last-day"),
            pytest.param(lambda: Period.day(date(2, 1, 1)).previous(), "previous", id="first-day"),
            pytest.param(
                lambda: Period(date(2, 1, 1), date(9998, 12, 31)).next(), "next", id="long-next"
            ),
            pytest.param(
                lambda: Period(date(3, 1, 1), date(9998, 12, 31)).previous(),
                "previous",
                id="long-previous",
            ),
            pytest.param(lambda: Period.month(9998, 12).next(), "next", id="december-9998"),
            pytest.param(lambda: Period.week(9998, 52).next(), "next", id="week-into-9999"),
            pytest.param(lambda: Period.week(2, 1).previous(), "previous", id="week-into-1"),
            pytest.param(
                lambda: Period(date(9999, 1, 1), date(9999, 1, 3)).next(), "next", id="in-9999"
            ),
            pytest.param(lambda: Period(date(1, 1, 1), date(1, 1, 3)).previous(), "previous"),
            pytest.param(lambda: Period.day(date.max), "year", id="date-max"),
        ],
    )
    def test_refused(self, call: Callable[[], object], field: str) -> None:
        """Each raises InvalidValueError naming the field."""
        with pytest.raises(InvalidValueError) as info:
            call()
        assert info.value.field == field

    def test_edges_themselves_work(self) -> None:
        """Periods of years 1 and 9999 exist; arithmetic inside years 0002-9998 works."""
        assert str(Period.year(9998).previous()) == "9997"
        assert str(Period.year(1).next()) == "0002"
        assert str(Period.year(3).previous()) == "0002"
        assert str(Period.day(date(9998, 12, 30)).next()) == "9998-12-31"
        assert Period.parse("9998-H2").days == 184
        assert str(Period.containing(date.min, "week")) == "0001-W01"


class TestParseBounds:
    """Parsers refuse text over 10,000 characters at once (§14.10)."""

    def test_long_text(self) -> None:
        """A long text is an InvalidValueError naming 'text'."""
        with pytest.raises(InvalidValueError, match="at most 10,000 characters") as info:
            Period.parse("2025-03" + " " * 10_000)
        assert info.value.field == "text"

    def test_parse_error_names_the_text(self) -> None:
        """A ParseError carries field 'text' and the text as its value."""
        with pytest.raises(ParseError) as info:
            Period.parse("2025-13")
        assert (info.value.field, info.value.value) == ("text", "2025-13")
        with pytest.raises(ParseError) as unreadable:
            Period.parse("next month")
        assert (unreadable.value.field, unreadable.value.value) == ("text", "next month")


class TestErrorsCarryData:
    """Every refusal names its field and keeps the offending value (§14.9)."""

    @pytest.mark.parametrize(
        ("call", "field", "value"),
        [
            pytest.param(
                lambda: Period(date(2025, 3, 2), date(2025, 3, 1)),
                "end",
                date(2025, 3, 1),
                id="end",
            ),
            pytest.param(lambda: Period.month(2025, 13), "month", 13, id="month"),
            pytest.param(lambda: Period.quarter(2025, 5), "quarter", 5, id="quarter"),
            pytest.param(lambda: Period.half_year(2025, 3), "half", 3, id="half"),
            pytest.param(lambda: Period.week(2025, 54), "week", 54, id="week"),
            pytest.param(lambda: Period.year(10_000), "year", 10_000, id="year"),
            pytest.param(
                lambda: Period.containing(date(2025, 1, 1), "fortnight"), "unit", "fortnight"
            ),
        ],
    )
    def test_field_and_value(self, call: Callable[[], object], field: str, value: object) -> None:
        """The error's `field` and `value` say what was wrong."""
        with pytest.raises(InvalidValueError) as info:
            call()
        assert (info.value.field, info.value.value) == (field, value)


class TestUnitWords:
    """PeriodUnit reads 日/周/月/季度/半年/年 and the seeds' words (§14.7)."""

    @pytest.mark.parametrize(
        ("word", "unit"),
        [
            pytest.param("日", PeriodUnit.DAY, id="day"),
            pytest.param("周", PeriodUnit.WEEK, id="week"),
            pytest.param("月", PeriodUnit.MONTH, id="month"),
            pytest.param("季度", PeriodUnit.QUARTER, id="quarter"),
            pytest.param("半年", PeriodUnit.HALF_YEAR, id="half-year"),
            pytest.param("年", PeriodUnit.YEAR, id="year"),
            pytest.param("Half-Year", PeriodUnit.HALF_YEAR, id="english"),
        ],
    )
    def test_words(self, word: str, unit: PeriodUnit) -> None:
        """Each word names its unit, in split() and containing() too."""
        assert PeriodUnit(word) is unit
        assert Period.containing(date(2025, 3, 15), word) == Period.containing(
            date(2025, 3, 15), unit
        )

    def test_labels(self) -> None:
        """Every unit has its Chinese label; values stay English."""
        assert [u.label_zh for u in PeriodUnit] == ["日", "周", "月", "季度", "半年", "年"]
        assert [str(u) for u in PeriodUnit][-1] == "year"
