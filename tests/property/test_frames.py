"""Property tests for propstd.frames: every row agrees with the scalar calendar methods."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from propstd.calendars import Closure, WorkingCalendar, china_calendar
from propstd.errors import CalendarCoverageError
from propstd.periods import Period
from tests.strategies import CALENDAR_BASES, ZONE_KEYS, working_calendars

np = pytest.importorskip("numpy")
pd = pytest.importorskip("pandas")
frames = pytest.importorskip("propstd.frames")

from propstd.frames._lookup import FAR, Axis  # noqa: E402

US = timedelta(microseconds=1)
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
NAT = np.iinfo(np.int64).min
CN = china_calendar()


def _us(t: datetime) -> int:
    return (t - EPOCH) // US


@st.composite
def calendars(draw: st.DrawFn) -> tuple[WorkingCalendar, date]:
    """A random calendar around one of the base dates, sometimes with narrow `covers`."""
    base = draw(st.sampled_from(CALENDAR_BASES))
    cal = draw(working_calendars(around=base))
    if draw(st.booleans()):
        first = base - timedelta(days=draw(st.integers(0, 20)))
        last = base + timedelta(days=draw(st.integers(1, 20)))
        cal = attrs.evolve(cal, covers=Period(first, last))
    return cal, base


@st.composite
def sparse_calendars(draw: st.DrawFn) -> tuple[WorkingCalendar, date]:
    """A random calendar with a long closure (20-400 days) that starts or ends at its base
    date: tables sized from the weekly hours are too short and must grow."""
    cal, base = draw(calendars())
    at = datetime.combine(base, time(draw(st.integers(0, 23))), ZoneInfo(cal.zone))
    length = timedelta(days=draw(st.integers(20, 400)), minutes=draw(st.integers(0, 1440)))
    start = at if draw(st.booleans()) else at - length
    closure = Closure(start, start + length, "renovation")
    return attrs.evolve(cal, closures=(*cal.closures, closure)), base


def _instants(base: date, *, days: int = 12) -> st.SearchStrategy[datetime | None]:
    """Instants within *days* of *base*, whole minutes or to the microsecond, or None."""
    origin = datetime.combine(base, time(0), UTC) - timedelta(days=days // 2)
    minutes = st.integers(0, days * 24 * 60).map(lambda m: origin + timedelta(minutes=m))
    exact = st.integers(0, days * 86_400 * 10**6).map(lambda u: origin + u * US)
    return st.one_of(minutes, exact, st.none())


durations = st.one_of(
    st.integers(-3 * 24 * 60, 3 * 24 * 60).map(lambda m: timedelta(minutes=m)),
    st.integers(-(10**11), 10**11).map(lambda u: u * US),
    st.just(timedelta(0)),
    st.none(),
)


def _scalar(fn: Callable[..., Any], *args: Any) -> Any:
    """The scalar answer, or the error class it raises."""
    if any(a is None for a in args):
        return None
    try:
        return fn(*args)
    except CalendarCoverageError:
        return CalendarCoverageError


def _answers(
    fn: Callable[..., Any], rows: Sequence[tuple[Any, Any]], as_int: Callable[[Any], int]
) -> list[Any]:
    """The scalar answer of every row as an int, None for a missing row, or the error class."""
    out: list[Any] = []
    for row in rows:
        answer = _scalar(fn, *row)
        out.append(answer if answer is None or answer is CalendarCoverageError else as_int(answer))
    return out


def _day(d: date) -> int:
    return (d - date(1970, 1, 1)).days


def _as_days(result: Any, dtype: str) -> list[int]:
    """Days since 1970-01-01 of a dates result, after checking its dtype."""
    array = result.to_numpy() if isinstance(result, pd.Series) else result
    assert array.dtype == np.dtype(dtype)
    return [int(x) for x in array.astype("M8[D]").view(np.int64)]


def _series(values: Sequence[datetime | None], zone: str) -> Any:
    """A tz-aware Series in *zone* (NaT for None)."""
    series = pd.Series(pd.to_datetime(values, utc=True), dtype="datetime64[us, UTC]")
    return series.dt.tz_convert(zone)


def _deltas(values: Sequence[timedelta | None]) -> Any:
    return pd.Series(pd.to_timedelta(values), dtype="timedelta64[us]")


def _as_us(result: Any) -> list[int]:
    """µs since the epoch of a result (Series in any zone, or UTC datetime64), NaT as NAT."""
    if isinstance(result, pd.Series):
        result = result.dt.tz_convert(None).to_numpy()
    return [int(x) for x in result.astype("M8[us]").view(np.int64)]


def _check(
    expected: list[Any], run: Callable[[], Any], convert: Callable[[Any], list[int]]
) -> None:
    """The column agrees with the scalar answers, or fails at the first row that fails."""
    bad = [i for i, e in enumerate(expected) if e is CalendarCoverageError]
    if bad:
        with pytest.raises(CalendarCoverageError) as info:
            run()
        assert re.search(rf"row {bad[0]}\b", str(info.value))
        assert info.value.field is not None
        return
    got = convert(run())
    assert got == [NAT if e is None else e for e in expected]


class TestAddWorkingTime:
    """§19: `frames.add_working_time` gives, row by row, `WorkingCalendar.add_working_time`
    (windows past midnight, holidays, make-up days, closures, DST zones, negative and zero
    durations, starts outside working time, NaT), or the first row's coverage error."""

    @settings(deadline=None)
    @given(st.data(), calendars(), st.sampled_from(ZONE_KEYS))
    def test_series(
        self, data: st.DataObject, case: tuple[WorkingCalendar, date], zone: str
    ) -> None:
        """A Series of starts and a Series of durations agree with the scalar method."""
        cal, base = case
        rows = data.draw(st.lists(st.tuples(_instants(base), durations), max_size=25))
        starts, steps = [r[0] for r in rows], [r[1] for r in rows]
        expected = _answers(cal.add_working_time, rows, _us)

        as_objects = data.draw(st.booleans())  # object columns take the slow, strict path

        def run() -> Any:
            column, deltas = _series(starts, zone), _deltas(steps)
            if as_objects:
                column, deltas = column.astype(object), deltas.astype(object)
            result = frames.add_working_time(cal, column, deltas)
            assert str(result.dt.tz) == cal.zone
            return result

        _check(expected, run, _as_us)

    @settings(deadline=None)
    @given(st.data(), sparse_calendars())
    def test_growing(self, data: st.DataObject, case: tuple[WorkingCalendar, date]) -> None:
        """Long closures: the tables grow until every row is answered exactly."""
        cal, base = case
        hours = st.integers(-300, 300).map(lambda h: timedelta(hours=h))
        rows = data.draw(st.lists(st.tuples(_instants(base, days=4), hours), max_size=25))
        starts, steps = [r[0] for r in rows], [r[1] for r in rows]
        expected = _answers(cal.add_working_time, rows, _us)
        run = lambda: frames.add_working_time(cal, _series(starts, "UTC"), _deltas(steps))  # noqa: E731
        _check(expected, run, _as_us)

    @settings(deadline=None)
    @given(st.data(), calendars())
    def test_numpy(self, data: st.DataObject, case: tuple[WorkingCalendar, date]) -> None:
        """numpy arrays (UTC datetime64, timedelta64) agree with the scalar method."""
        cal, base = case
        rows = data.draw(st.lists(st.tuples(_instants(base), durations), max_size=25))
        starts = np.array([s.replace(tzinfo=None) if s else None for s, _ in rows], "M8[us]")
        steps = np.array([d if d is not None else "NaT" for _, d in rows], "m8[us]")
        expected = _answers(cal.add_working_time, rows, _us)
        _check(expected, lambda: frames.add_working_time(cal, starts, steps), _as_us)

    @settings(deadline=None)
    @given(st.data())
    def test_china(self, data: st.DataObject) -> None:
        """China's calendar over its whole data, with durations up to 2,000 hours."""
        minute = st.integers(0, 19 * 366 * 24 * 60)
        start = minute.map(lambda m: datetime(2007, 12, 31, 16, tzinfo=UTC) + timedelta(minutes=m))
        hours = st.integers(-2_000, 2_000).map(lambda h: timedelta(hours=h))
        rows = data.draw(st.lists(st.tuples(start, hours), min_size=1, max_size=25))
        expected = _answers(CN.add_working_time, rows, _us)
        starts = _series([s for s, _ in rows], "Asia/Shanghai")
        _check(
            expected,
            lambda: frames.add_working_time(CN, starts, _deltas([d for _, d in rows])),
            _as_us,
        )


class TestWorkingTimeBetween:
    """§19: `frames.working_time_between` gives, row by row, `working_time_between`
    (negative when the end comes first), or the first row's coverage error."""

    @settings(deadline=None)
    @given(st.data(), calendars(), st.sampled_from(ZONE_KEYS))
    def test_series(
        self, data: st.DataObject, case: tuple[WorkingCalendar, date], zone: str
    ) -> None:
        """Two Series of instants agree with the scalar method."""
        cal, base = case
        rows = data.draw(st.lists(st.tuples(_instants(base), _instants(base)), max_size=25))
        expected = _answers(cal.working_time_between, rows, lambda e: e // US)

        def run() -> Any:
            starts = _series([a for a, _ in rows], zone)
            return frames.working_time_between(cal, starts, _series([b for _, b in rows], "UTC"))

        def convert(result: Any) -> list[int]:
            return [int(x) for x in result.to_numpy().astype("m8[us]").view(np.int64)]

        _check(expected, run, convert)


class TestAddWorkingDays:
    """§19: `frames.add_working_days` gives, row by row, `add_working_days` (n = 0 rolls
    forward, negative n goes back), or the first row's coverage error."""

    @settings(deadline=None)
    @given(st.data(), calendars())
    def test_dates(self, data: st.DataObject, case: tuple[WorkingCalendar, date]) -> None:
        """A datetime64[D] array and an integer array agree with the scalar method."""
        cal, base = case
        day = st.integers(-25, 25).map(lambda k: base + timedelta(days=k))
        rows = data.draw(st.lists(st.tuples(day, st.integers(-20, 20)), max_size=25))
        days = np.array([d for d, _ in rows], "M8[D]")
        counts = np.array([n for _, n in rows], np.int64)
        _check(
            _answers(cal.add_working_days, rows, _day),
            lambda: frames.add_working_days(cal, days, counts),
            lambda result: _as_days(result, "M8[D]"),
        )

    @settings(deadline=None)
    @given(st.data(), sparse_calendars())
    def test_growing(self, data: st.DataObject, case: tuple[WorkingCalendar, date]) -> None:
        """Long closures: the day tables grow until every row is answered exactly."""
        cal, base = case
        day = st.integers(-3, 3).map(lambda k: base + timedelta(days=k))
        rows = data.draw(st.lists(st.tuples(day, st.integers(-40, 40)), max_size=25))
        days = pd.Series([d for d, _ in rows], dtype=object)
        counts = pd.Series([n for _, n in rows], dtype="int64")
        _check(
            _answers(cal.add_working_days, rows, _day),
            lambda: frames.add_working_days(cal, days, counts),
            lambda result: _as_days(result, "M8[s]"),
        )

    @settings(deadline=None)
    @given(st.data())
    def test_china_series(self, data: st.DataObject) -> None:
        """A pandas date column over China's whole data, counts up to 400 either way."""
        day = st.dates(date(2007, 12, 1), date(2027, 1, 31))
        count = st.one_of(st.integers(-400, 400), st.none())
        rows = data.draw(st.lists(st.tuples(day, count), max_size=25))
        dates = pd.Series(pd.to_datetime([d for d, _ in rows]), dtype="datetime64[s]")
        counts = pd.Series([n for _, n in rows], dtype="Int64")
        _check(
            _answers(CN.add_working_days, rows, _day),
            lambda: frames.add_working_days(CN, dates, counts),
            lambda result: _as_days(result, "M8[s]"),
        )


class TestAxis:
    """The bucket grid behind every lookup answers exactly like binary search."""

    @given(
        st.lists(st.integers(-(10**15), 10**15), unique=True, max_size=300),
        st.lists(st.integers(-(2 * 10**15), 2 * 10**15), max_size=40),
        st.lists(st.integers(0, 299), max_size=20),
    )
    def test_right_is_searchsorted(self, entries: list[int], xs: list[int], at: list[int]) -> None:
        """`Axis.right(x)` is `searchsorted(values, x, "right") - 1`, on entries and between."""
        values = np.array([-FAR, *sorted(entries), FAR], dtype=np.int64)
        near = [int(values[1 + i % max(len(entries), 1)]) + k for i in at for k in (-1, 0, 1)]
        x = np.array(xs + (near if entries else []), dtype=np.int64)
        want = np.searchsorted(values, x, side="right") - 1
        assert Axis(values).right(x).tolist() == want.tolist()

    @given(st.integers(1, 400), st.integers(1, 50))
    def test_dense_clusters(self, cluster: int, spread: int) -> None:
        """Many entries in one bucket fall back to binary search with the same answers."""
        dense = list(range(0, cluster * spread, spread))
        values = np.array([-FAR, *dense, 10**15, FAR], dtype=np.int64)
        x = np.arange(-5, cluster * spread + 5, dtype=np.int64)
        want = np.searchsorted(values, x, side="right") - 1
        assert Axis(values).right(x).tolist() == want.tolist()
