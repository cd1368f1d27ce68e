"""Unit tests for propstd.frames: shapes in and out, missing values, bad input, coverage."""

from __future__ import annotations

import gc
import importlib
import sys
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from propstd.calendars import ALWAYS_OPEN, Closure, TimeWindow, WorkingCalendar, china_calendar
from propstd.errors import CalendarCoverageError, InvalidValueError, NaiveDatetimeError

np = pytest.importorskip("numpy")
pd = pytest.importorskip("pandas")
frames = pytest.importorskip("propstd.frames")

from propstd.frames import _lookup  # noqa: E402

SH = ZoneInfo("Asia/Shanghai")
BERLIN = ZoneInfo("Europe/Berlin")
CN = china_calendar()
OFFICE = WorkingCalendar.weekly(hours="09:00-12:00,13:30-18:00", zone="Asia/Shanghai")
H = timedelta(hours=1)


def aware(*stamps: str | None, zone: str = "Asia/Shanghai", unit: str = "us") -> Any:
    """A tz-aware Series of local wall-clock stamps (None: NaT)."""
    times = pd.to_datetime(list(stamps), format="ISO8601")
    return pd.Series(times).dt.tz_localize(zone).dt.as_unit(unit)


def hours(*values: float | None) -> Any:
    """A timedelta64[us] Series of hours (None: NaT)."""
    return pd.Series(pd.to_timedelta(list(values), unit="h")).dt.as_unit("us")


def local(result: Any) -> list[str | None]:
    """A result Series as local 'YYYY-MM-DD HH:MM' strings (None for NaT)."""
    return [None if pd.isna(t) else t.strftime("%Y-%m-%d %H:%M") for t in result]


def scalar_add(cal: WorkingCalendar, starts: Any, steps: Any) -> list[datetime]:
    return [
        cal.add_working_time(s.to_pydatetime(), d.to_pytimedelta())
        for s, d in zip(starts, steps, strict=True)
    ]


class TestAddWorkingTime:
    """Vectorised `add_working_time`: kinds in and out, missing values, special calendars."""

    def test_series_keeps_index_and_takes_the_calendar_zone(self) -> None:
        """A Series gives a Series with the same index, in the calendar's zone, in µs."""
        starts = aware("2025-09-30 17:00", "2025-10-10 09:30").dt.tz_convert("UTC")
        starts.index = ["a", "b"]
        steps = hours(2, 1).set_axis(["a", "b"])
        due = frames.add_working_time(CN, starts, steps)
        assert list(due.index) == ["a", "b"]
        assert str(due.dtype) == "datetime64[us, Asia/Shanghai]"
        assert local(due) == ["2025-10-09 10:00", "2025-10-10 10:30"]

    def test_numpy_gives_utc_datetime64(self) -> None:
        """numpy datetime64 is read as UTC and the answer is UTC datetime64[us]."""
        starts = np.array(["2025-09-30T09:00"], dtype="M8[m]")  # 17:00 in Shanghai
        due = frames.add_working_time(CN, starts, np.array([2], dtype="m8[h]"))
        assert due.dtype == np.dtype("M8[us]")
        assert due.tolist() == [datetime(2025, 10, 9, 2, 0)]

    @pytest.mark.parametrize("unit", ["s", "ms", "us", "ns"])
    def test_every_unit_gives_the_same_answer(self, unit: str) -> None:
        """Seconds, milliseconds, microseconds and nanoseconds in, the same instants out."""
        starts = aware("2025-03-07 17:00:01", "2025-03-08 11:00", unit=unit)
        steps = hours(2, 0.5).dt.as_unit(unit)
        due = frames.add_working_time(OFFICE, starts, steps)
        assert list(due) == scalar_add(OFFICE, starts, steps)

    def test_missing_values_in_other_units(self) -> None:
        """NaT stays NaT through a unit conversion (nanoseconds, seconds, numpy's own NaT)."""
        starts = aware("2025-03-07 17:00", None, unit="ns")
        steps = hours(None, 1).dt.as_unit("s")
        assert local(frames.add_working_time(OFFICE, starts, steps)) == [None, None]
        column = pd.Series(
            [np.datetime64("NaT"), datetime(2025, 3, 7, 17, tzinfo=SH)], dtype=object
        )
        assert local(frames.add_working_time(OFFICE, column, H)) == [None, "2025-03-07 18:00"]

    def test_big_endian_arrays(self) -> None:
        """Big-endian datetime64 and timedelta64 arrays are read by value, not by bytes."""
        starts = np.array(["2025-03-07T09:00"], dtype=">M8[us]")  # 17:00 in Shanghai
        due = frames.add_working_time(OFFICE, starts, np.array([2], dtype=">m8[h]"))
        assert due.tolist() == [datetime(2025, 3, 10, 2, 0)]

    def test_object_column_of_aware_datetimes(self) -> None:
        """An object column of aware datetimes in one zone works like a datetime64 column."""
        starts = pd.Series([datetime(2025, 3, 7, 17, tzinfo=SH), None, pd.NaT], dtype=object)
        steps = pd.Series([timedelta(hours=2), timedelta(hours=1), None], dtype=object)
        due = frames.add_working_time(OFFICE, starts, steps)
        assert local(due) == ["2025-03-10 10:00", None, None]

    @pytest.mark.parametrize(
        "duration",
        [timedelta(hours=2), pd.Timedelta(hours=2), np.timedelta64(2, "h")],
        ids=["timedelta", "pd.Timedelta", "np.timedelta64"],
    )
    def test_one_duration_for_every_row(self, duration: Any) -> None:
        """One duration applies to every row."""
        due = frames.add_working_time(
            OFFICE, aware("2025-03-07 17:00", "2025-03-10 09:00"), duration
        )
        assert local(due) == ["2025-03-10 10:00", "2025-03-10 11:00"]

    def test_missing_values_give_nat(self) -> None:
        """A missing start or duration gives NaT; the other rows are answered."""
        due = frames.add_working_time(
            OFFICE, aware(None, "2025-03-07 17:00", "2025-03-07 17:00"), hours(1, None, 2)
        )
        assert local(due) == [None, None, "2025-03-10 10:00"]

    def test_all_missing_and_empty(self) -> None:
        """All-NaT columns give NaT rows; empty columns give an empty answer."""
        assert local(frames.add_working_time(CN, aware(None, None), pd.NaT)) == [None, None]
        empty = frames.add_working_time(CN, np.array([], dtype="M8[us]"), timedelta(hours=1))
        assert empty.dtype == np.dtype("M8[us]")
        assert len(empty) == 0

    def test_zero_negative_and_outside_working_time(self) -> None:
        """Zero returns the start even on a Saturday; negative counts back; a start outside
        working time counts from the next opening."""
        starts = aware("2025-03-08 10:00", "2025-03-10 10:00", "2025-03-08 10:00")
        due = frames.add_working_time(OFFICE, starts, hours(0, -2, 1))
        assert local(due) == ["2025-03-08 10:00", "2025-03-07 17:00", "2025-03-10 10:00"]

    def test_always_open_is_natural_time(self) -> None:
        """On ALWAYS_OPEN a deadline is start + duration, also centuries apart."""
        starts = aware("1700-01-01 00:00", "2200-06-30 12:00", zone="UTC", unit="ns")
        due = frames.add_working_time(ALWAYS_OPEN, starts, hours(1.5, -36))
        assert local(due) == ["1700-01-01 01:30", "2200-06-29 00:00"]

    def test_calendar_without_working_time(self) -> None:
        """A calendar with no working time answers zero durations and refuses the rest."""
        never = WorkingCalendar(zone="UTC", week=[()] * 7, name="never")
        starts = aware("2025-03-07 17:00", "2025-03-07 18:00", zone="UTC")
        assert local(frames.add_working_time(never, starts, timedelta(0)))[0] == "2025-03-07 17:00"
        with pytest.raises(CalendarCoverageError, match=r"'durations' row 0: .*'never'") as info:
            frames.add_working_time(never, starts, hours(0, 1)[::-1].reset_index(drop=True))
        assert info.value.field == "durations"

    def test_makeup_days_only(self) -> None:
        """A calendar whose only working time is its make-up days agrees with the scalar."""
        cal = WorkingCalendar(
            zone="Europe/Berlin",
            week=[()] * 7,
            makeup_days=[date(2025, 3, 29), date(2025, 3, 30)],
            makeup_windows=[TimeWindow.parse("22:00-06:00")],
        )
        starts = aware("2025-03-01 00:00", "2025-03-30 01:00", "2025-06-01 00:00", zone="UTC")
        steps = hours(3, 4, -2)
        assert list(frames.add_working_time(cal, starts, steps)) == scalar_add(cal, starts, steps)

    def test_many_short_intervals_fall_back_to_binary_search(self) -> None:
        """Hundreds of closures in one window (dense tables) still give the scalar answers."""
        day = datetime(2025, 3, 12, 9, tzinfo=SH)
        cuts = [
            Closure(day + k * 2 * timedelta(seconds=30), day + (2 * k + 1) * timedelta(seconds=30))
            for k in range(300)
        ]
        cal = WorkingCalendar.weekly(hours="09:00-18:00", zone="Asia/Shanghai", closures=cuts)
        starts = aware("2025-03-12 08:00", "2025-03-12 09:01:10", "2025-03-13 09:00")
        steps = hours(0.5, 1, -7)
        assert list(frames.add_working_time(cal, starts, steps)) == scalar_add(cal, starts, steps)

    def test_growing_past_a_night_shift_at_the_table_edge(self) -> None:
        """A table that starts inside the night shift of the day before it grows instead of
        answering from half the shift (a make-up night overlapping the next day's hours)."""
        first = date(2025, 1, 8)  # a table starts here: 20,096 days after 1970-01-01
        assert (first - date(1970, 1, 1)).days % (1 << _lookup.CHUNK_BITS) == 0
        night = [TimeWindow.parse("00:00-03:00")]
        cal = WorkingCalendar(
            zone="UTC",
            week=[night, [], night, night, night, night, night],
            makeup_days=[first - timedelta(days=1)],
            makeup_windows=[TimeWindow.parse("22:00-06:00")],
            closures=[
                Closure(
                    datetime.combine(first + timedelta(days=1), time(0), UTC),
                    datetime.combine(first + timedelta(days=100), time(0), UTC),
                )
            ],
        )
        start = datetime.combine(first + timedelta(days=100), time(0), UTC)
        due = frames.add_working_time(
            cal, aware(str(start.replace(tzinfo=None)), zone="UTC"), -3 * H
        )
        assert due[0] == cal.add_working_time(start, -3 * H) == datetime(2025, 1, 8, 3, tzinfo=UTC)

    def test_many_spans_of_one_calendar(self) -> None:
        """More spans than the cache keeps: the oldest tables are dropped and rebuilt."""
        cal = WorkingCalendar.weekly(zone="Europe/Berlin")
        for year in range(2000, 2040, 2):
            starts = aware(f"{year}-03-30 08:00", zone="Europe/Berlin")
            assert list(frames.add_working_time(cal, starts, 2 * H)) == scalar_add(
                cal, starts, hours(2)
            )

    def test_tables_die_with_the_calendar(self) -> None:
        """The tables are kept only while their calendar lives."""
        cal = WorkingCalendar.weekly(zone="Asia/Tokyo")
        frames.add_working_time(cal, aware("2025-03-07 17:00", zone="Asia/Tokyo"), H)
        assert cal in _lookup._CACHE
        del cal
        gc.collect()
        assert not any(c.zone == "Asia/Tokyo" for c in _lookup._CACHE)


class TestCoverage:
    """Outside `covers` the same CalendarCoverageError as the scalar methods, naming the row."""

    def test_start_outside(self) -> None:
        """A start outside the data: 'starts', the row and its index label."""
        starts = aware("2025-01-02 10:00", "2027-01-04 10:00")
        starts.index = ["ok", "late"]
        with pytest.raises(
            CalendarCoverageError, match=r"'starts' row 1 \(index 'late'\): "
        ) as info:
            frames.add_working_time(CN, starts, H)
        assert info.value.field == "starts"
        assert info.value.value == starts.iloc[1]
        assert "2008-01-01 to 2026-12-31" in str(info.value)

    def test_deadline_outside(self) -> None:
        """A deadline beyond the data: 'durations' and the start in the message."""
        starts = aware("2026-12-31 10:00", "2026-12-30 10:00")
        with pytest.raises(
            CalendarCoverageError, match=r"'durations' row 0: the deadline .* from "
        ) as info:
            frames.add_working_time(CN, starts, hours(8, 100))
        assert info.value.field == "durations"

    def test_counting_back_before_the_data(self) -> None:
        """Counting back before the first covered day is refused too."""
        with pytest.raises(CalendarCoverageError, match="row 1"):
            frames.add_working_time(CN, aware("2008-03-03 10:00", "2008-01-02 10:00"), -8 * H)

    def test_the_first_bad_row_is_named(self) -> None:
        """Of several bad rows, the first one (by position) is named; missing rows are not bad."""
        starts = aware(None, "2025-01-02 10:00", "2026-12-31 10:00", "2030-01-01 00:00")
        with pytest.raises(CalendarCoverageError, match="'durations' row 2"):
            frames.add_working_time(CN, starts, 30 * H)

    def test_beyond_the_years_propstd_computes(self) -> None:
        """Without `covers`, instants must lie within years 0002-9998."""
        far = np.array(["9999-06-01T00:00"], dtype="M8[us]")
        with pytest.raises(CalendarCoverageError, match="within years 0002-9998"):
            frames.add_working_time(ALWAYS_OPEN, far, H)

    def test_huge_durations(self) -> None:
        """A duration of millennia is outside every calendar, not an overflow."""
        huge = np.array([np.iinfo(np.int64).max - 1], dtype="m8[us]")
        with pytest.raises(CalendarCoverageError, match="'durations' row 0"):
            frames.add_working_time(CN, aware("2025-01-02 10:00"), huge)

    def test_between_names_the_end(self) -> None:
        """working_time_between names 'ends' when only the end is outside."""
        with pytest.raises(CalendarCoverageError, match="'ends' row 0") as info:
            frames.working_time_between(
                CN, aware("2025-01-02 10:00"), datetime(2030, 1, 1, tzinfo=UTC)
            )
        assert info.value.field == "ends"
        with pytest.raises(CalendarCoverageError, match="'starts' row 0"):
            frames.working_time_between(
                CN, aware("2030-01-02 10:00"), datetime(2025, 1, 1, tzinfo=UTC)
            )

    def test_days_outside(self) -> None:
        """add_working_days names 'dates' for a date outside and 'days' for an answer outside."""
        days = np.array(["2025-01-02", "2007-05-01"], dtype="M8[D]")
        with pytest.raises(CalendarCoverageError, match="'dates' row 1") as info:
            frames.add_working_days(CN, days, 1)
        assert info.value.field == "dates"
        with pytest.raises(
            CalendarCoverageError, match=r"'days' row 0: 5 working days from "
        ) as info:
            frames.add_working_days(CN, np.array(["2026-12-30"], dtype="M8[D]"), 5)
        assert info.value.field == "days"
        with pytest.raises(CalendarCoverageError, match="'days' row 0"):
            frames.add_working_days(CN, np.array(["2008-01-02"], dtype="M8[D]"), np.array([-5]))


class TestWorkingTimeBetween:
    """Vectorised `working_time_between`."""

    def test_series_and_one_end(self) -> None:
        """A Series of starts and one end for every row; negative when the end comes first."""
        starts = aware("2025-09-30 17:00", "2025-10-10 09:00", None)
        as_of = datetime(2025, 10, 9, 10, tzinfo=SH)
        spent = frames.working_time_between(CN, starts, as_of)
        assert str(spent.dtype) == "timedelta64[us]"
        assert spent.tolist()[:2] == [pd.Timedelta(hours=2), pd.Timedelta(hours=-6.5)]
        assert pd.isna(spent.iloc[2])

    def test_numpy_and_all_missing(self) -> None:
        """numpy in, numpy timedelta64[us] out; all-NaT rows give NaT."""
        ends = np.array(["NaT"], dtype="M8[us]")
        out = frames.working_time_between(CN, np.array(["2025-01-02T02:00"], dtype="M8[us]"), ends)
        assert out.dtype == np.dtype("m8[us]")
        assert np.isnat(out[0])


class TestAddWorkingDays:
    """Vectorised `add_working_days`."""

    def test_numpy_dates(self) -> None:
        """datetime64[D] in, datetime64[D] out; 0 rolls forward, negative goes back."""
        days = np.array(["2025-09-30", "2025-10-04", "2025-10-09", "NaT"], dtype="M8[D]")
        out = frames.add_working_days(CN, days, np.array([1, 0, -1, 3], dtype=np.int8))
        assert out.astype(str).tolist() == ["2025-10-09", "2025-10-09", "2025-09-30", "NaT"]

    def test_pandas_dates_and_nullable_counts(self) -> None:
        """An object column of dates and an Int64 column with <NA>: datetime64[s] out."""
        days = pd.Series(
            [date(2025, 9, 30), None, date(2025, 1, 24)], index=[7, 8, 9], dtype=object
        )
        counts = pd.Series([1, 2, pd.NA], index=[7, 8, 9], dtype="Int64")
        out = frames.add_working_days(CN, days, counts)
        assert str(out.dtype) == "datetime64[s]"
        assert list(out.index) == [7, 8, 9]
        assert [None if pd.isna(x) else x.date() for x in out] == [date(2025, 10, 9), None, None]

    def test_date_column_and_unsigned_counts(self) -> None:
        """A naive pandas date column and unsigned counts; huge counts are outside the data."""
        days = pd.Series(pd.to_datetime(["2025-01-24", "2025-01-25"]))
        out = frames.add_working_days(CN, days, pd.Series([1, 2], dtype=np.uint16))
        assert [x.date() for x in out] == [date(2025, 1, 26), date(2025, 1, 27)]
        with pytest.raises(CalendarCoverageError, match="'days' row 0"):
            frames.add_working_days(CN, days, pd.Series([2**63, 1], dtype=np.uint64))
        with pytest.raises(CalendarCoverageError, match="'days'"):
            frames.add_working_days(CN, days, 10**30)

    def test_one_count_and_empty(self) -> None:
        """One count for every row (int or numpy integer); empty columns stay empty."""
        days = np.array(["2025-03-07"], dtype="M8[D]")
        assert frames.add_working_days(OFFICE, days, np.int64(1)).astype(str).tolist() == [
            "2025-03-10"
        ]
        empty = frames.add_working_days(OFFICE, pd.Series([], dtype="datetime64[s]"), 1)
        assert str(empty.dtype) == "datetime64[s]"
        assert len(empty) == 0


class TestBadInput:
    """Bad input gets a named error (field and value) naming the argument and the first bad row."""

    def test_naive_column(self) -> None:
        """A naive datetime64 column: NaiveDatetimeError at the first non-missing row."""
        naive = pd.Series(pd.to_datetime([None, "2025-03-07 10:00"]))
        with pytest.raises(NaiveDatetimeError, match=r"'starts' row 1 must hold aware") as info:
            frames.add_working_time(OFFICE, naive, H)
        assert info.value.field == "starts"
        assert info.value.value == naive.iloc[1]

    def test_naive_empty_and_all_missing(self) -> None:
        """Naive even when empty or all NaT."""
        with pytest.raises(NaiveDatetimeError, match="an empty datetime64"):
            frames.add_working_time(OFFICE, pd.Series([], dtype="datetime64[ns]"), H)
        with pytest.raises(NaiveDatetimeError, match="row 0"):
            frames.add_working_time(OFFICE, pd.Series([pd.NaT], dtype="datetime64[ns]"), H)

    def test_naive_values_in_an_object_column_or_scalar(self) -> None:
        """A naive datetime in an object column, or as the one end for every row."""
        mixed = pd.Series([datetime(2025, 3, 7, tzinfo=SH), datetime(2025, 3, 7)], dtype=object)
        with pytest.raises(NaiveDatetimeError, match="'starts' row 1"):
            frames.add_working_time(OFFICE, mixed, H)
        with pytest.raises(
            NaiveDatetimeError, match=r"'ends' must be an aware datetime .* not naive"
        ) as info:
            frames.working_time_between(OFFICE, aware("2025-03-07 10:00"), datetime(2025, 3, 8))
        assert info.value.value == datetime(2025, 3, 8)

    def test_mixed_zones(self) -> None:
        """An object column of different zones names the first row in another zone."""
        column = pd.Series(
            [
                datetime(2025, 3, 7, tzinfo=SH),
                None,
                datetime(2025, 3, 7, tzinfo=SH),
                datetime(2025, 3, 7, tzinfo=BERLIN),
            ],
            name="reported_at",
        )
        with pytest.raises(
            InvalidValueError, match=r"'starts' \(column 'reported_at'\) row 3 must be in the zone"
        ) as info:
            frames.add_working_time(OFFICE, column, H)
        assert info.value.field == "starts"

    @pytest.mark.parametrize(
        ("durations", "match"),
        [
            (pd.Series([1.5, 2.0]), "row 0 must hold durations .* not float64"),
            (np.array([1, 2]), "row 0 must hold durations .* not int64"),
            (pd.Series([timedelta(hours=1), 2], dtype=object), "row 1 must be a timedelta"),
            (pd.Series([pd.Timedelta(1, unit="ns"), None], dtype=object), "row 0 must be exact"),
            (pd.Series(pd.to_timedelta([0, 1], unit="ns")), "row 1 must be exact"),
            (np.array([1, 2], dtype="m8[M]"), "fixed length"),
            (np.array([1, 2], dtype="m8"), "fixed length"),
            (1.5, r"'durations' must be a timedelta .* got 1.5"),
            (np.float64(2.0), "'durations' must be durations"),
        ],
        ids=[
            "float",
            "int",
            "object-int",
            "object-ns",
            "ns",
            "months",
            "no-unit",
            "float-scalar",
            "np-float",
        ],
    )
    def test_bad_durations(self, durations: Any, match: str) -> None:
        """Numbers without a unit, months, and nanoseconds are refused, naming the row."""
        with pytest.raises(InvalidValueError, match=match) as info:
            frames.add_working_time(
                OFFICE, aware("2025-03-07 10:00", "2025-03-07 11:00"), durations
            )
        assert info.value.field == "durations"

    @pytest.mark.parametrize(
        ("starts", "match"),
        [
            (pd.Series([1, 2]), "row 0 must hold aware instants .* not int64"),
            (pd.Series(["2025-03-07"], dtype="string"), "row 0 must hold aware instants"),
            (pd.Series([], dtype="int64"), "empty int64 column"),
            (pd.Series(["2025-03-07"], dtype=object), "row 0 must be an aware datetime"),
            (
                pd.Series([pd.Timestamp("2025-03-07 10:00:00.000000001", tz="UTC")], dtype=object),
                "row 0 must be exact",
            ),
            (np.array([1], dtype="M8[ns]"), "row 0 must be an instant exact to the microsecond"),
            (np.array([2**62], dtype="M8[D]"), "row 0 must be an instant exact"),
            (np.array(["NaT"], dtype="M8"), "not datetime64,"),
        ],
        ids=["int", "string", "empty-int", "object-str", "object-ns", "ns", "overflow", "no-unit"],
    )
    def test_bad_starts(self, starts: Any, match: str) -> None:
        """Columns that hold no aware instants are refused, naming the first row."""
        with pytest.raises(InvalidValueError, match=match) as info:
            frames.add_working_time(OFFICE, starts, H)
        assert info.value.field == "starts"

    def test_years_and_months_of_instants(self) -> None:
        """datetime64 in years or months is exact (the first instant of each)."""
        due = frames.add_working_time(ALWAYS_OPEN, np.array(["2025", "NaT"], dtype="M8[Y]"), H)
        assert due.astype(str).tolist() == ["2025-01-01T01:00:00.000000", "NaT"]

    def test_wrong_containers(self) -> None:
        """Lists, 2-D arrays, other calendars: TypeError or InvalidValueError naming them."""
        with pytest.raises(TypeError, match="'starts' must be a pandas Series or a numpy array"):
            frames.add_working_time(OFFICE, [datetime(2025, 3, 7, tzinfo=SH)], H)
        with pytest.raises(TypeError, match="calendar"):
            frames.add_working_time("china", aware("2025-03-07 10:00"), H)
        with pytest.raises(InvalidValueError, match="one-dimensional") as info:
            frames.add_working_time(OFFICE, np.zeros((2, 2), dtype="M8[us]"), H)
        assert info.value.value == (2, 2)

    def test_lengths_and_indexes_must_match(self) -> None:
        """Columns of another length, or another index, are refused (never aligned silently)."""
        starts = aware("2025-03-07 10:00", "2025-03-07 11:00")
        with pytest.raises(
            InvalidValueError, match=r"'durations' must have as many rows as 'starts' \(2\), got 3"
        ) as info:
            frames.add_working_time(OFFICE, starts, hours(1, 2, 3))
        assert info.value.value == 3
        with pytest.raises(InvalidValueError, match="same index"):
            frames.add_working_time(OFFICE, starts, hours(1, 2).set_axis([5, 6]))
        assert len(frames.add_working_time(OFFICE, starts, hours(1, 2).to_numpy())) == 2

    @pytest.mark.parametrize(
        ("dates", "match"),
        [
            (aware("2025-03-07 00:00"), "must hold dates .* not datetime64"),
            (np.array(["2025-03-07T10:00"], dtype="M8[m]"), "row 0 must be a date"),
            (pd.Series([datetime(2025, 3, 7)], dtype=object), "row 0 must be a date"),
            (pd.Series(["2025-03-07"], dtype=object), "row 0 must be a date"),
            (np.array([20000]), "must hold dates"),
            (np.array(["NaT"], dtype="M8"), "not datetime64,"),
        ],
        ids=["aware", "time-of-day", "object-datetime", "object-str", "int", "no-unit"],
    )
    def test_bad_dates(self, dates: Any, match: str) -> None:
        """Instants, times of day and numbers are not dates."""
        with pytest.raises(InvalidValueError, match=match) as info:
            frames.add_working_days(OFFICE, dates, 1)
        assert info.value.field == "dates"

    @pytest.mark.parametrize(
        "days",
        [np.array([1.0]), pd.Series([True]), pd.Series([1], dtype=object), True, 1.0, "1"],
        ids=["float", "bool", "object", "bool-scalar", "float-scalar", "str"],
    )
    def test_bad_counts(self, days: Any) -> None:
        """Counts of days are integers."""
        with pytest.raises(InvalidValueError, match=r"'days' .*whole numbers of days") as info:
            frames.add_working_days(OFFICE, np.array(["2025-03-07"], dtype="M8[D]"), days)
        assert info.value.field == "days"


def test_import_without_pandas(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without pandas, importing propstd.frames says which extra to install."""
    saved = {k: v for k, v in sys.modules.items() if k.startswith("propstd.frames")}
    for name in saved:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "pandas", None)
    try:
        with pytest.raises(ModuleNotFoundError, match=r"pip install 'propstd\[frames\]'") as info:
            importlib.import_module("propstd.frames")
        assert info.value.name == "pandas"
    finally:
        monkeypatch.undo()
        sys.modules.update(saved)
