"""Property tests for propstd.calendars: the engine against a minute-stepping oracle."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from propstd.calendars import Closure, TimeWindow, WorkingCalendar, china_calendar
from propstd.errors import CalendarCoverageError, InvalidValueError
from propstd.periods import Period
from propstd.serialization import from_data, to_data
from tests.oracles import MinuteOracle
from tests.strategies import (
    CALENDAR_BASES,
    EDGE_ZONES,
    closures,
    instants,
    time_windows,
    working_calendars,
)

MINUTE = timedelta(minutes=1)
US = timedelta(microseconds=1)
CN = china_calendar()
BERLIN = ZoneInfo("Europe/Berlin")


@st.composite
def calendar_and_instants(
    draw: st.DrawFn, *, count: int = 2, span_days: int = 4
) -> tuple[WorkingCalendar, list[datetime]]:
    """A random calendar and *count* whole-minute instants near its holidays and closures."""
    base = draw(st.sampled_from(CALENDAR_BASES))
    cal = draw(working_calendars(around=base))
    origin = datetime.combine(base, time(0), UTC) - timedelta(days=1)
    minutes = st.integers(0, span_days * 24 * 60)
    return cal, [origin + draw(minutes) * MINUTE for _ in range(count)]


durations = st.integers(-180, 180).map(lambda m: m * MINUTE)
positive = st.integers(1, 24 * 60 * 40).map(lambda m: m * MINUTE)
# 2009-2024: the answers (up to about a year later) stay inside the data.
china_instants = st.integers(0, 16 * 365 * 24 * 60).map(
    lambda m: datetime(2009, 1, 1, tzinfo=UTC) + m * MINUTE
)


@pytest.mark.slow
class TestAgainstOracle:
    """The contract, §4: `add_working_time` is the earliest t >= start with
    `working_time_between(start, t) == duration`; `working_time_between` is the working time
    in [start, end). Checked minute by minute on random calendars (windows past midnight,
    holidays, make-up days, closures, DST zones)."""

    @settings(deadline=None)
    @given(calendar_and_instants(), durations)
    def test_add(self, case: tuple[WorkingCalendar, list[datetime]], duration: timedelta) -> None:
        """add_working_time agrees with the oracle."""
        cal, (start, _) = case
        assert cal.add_working_time(start, duration) == MinuteOracle(cal).add(start, duration)

    @settings(deadline=None)
    @given(calendar_and_instants())
    def test_between(self, case: tuple[WorkingCalendar, list[datetime]]) -> None:
        """working_time_between agrees with the oracle."""
        cal, (a, b) = case
        assert cal.working_time_between(a, b) == MinuteOracle(cal).between(a, b)

    @settings(deadline=None)
    @given(calendar_and_instants(count=1))
    def test_is_working_time(self, case: tuple[WorkingCalendar, list[datetime]]) -> None:
        """is_working_time agrees with the oracle, and next_working_time is working time."""
        cal, (t,) = case
        assert cal.is_working_time(t) == MinuteOracle(cal).is_working_minute(t)
        nxt = cal.next_working_time(t)
        assert nxt >= t
        assert cal.is_working_time(nxt)
        assert cal.working_time_between(t, nxt) == timedelta(0)


class TestArithmetic:
    """The algebra of working time (contract §4, on random calendars and on China's)."""

    @given(calendar_and_instants(count=1), durations)
    def test_between_inverts_add(
        self, case: tuple[WorkingCalendar, list[datetime]], duration: timedelta
    ) -> None:
        """between(s, add(s, d)) == d, forwards and backwards."""
        cal, (start,) = case
        assert cal.working_time_between(start, cal.add_working_time(start, duration)) == duration

    @given(china_instants, positive, positive)
    def test_add_is_additive(self, start: datetime, a: timedelta, b: timedelta) -> None:
        """add(add(s, a), b) == add(s, a + b) for a, b > 0."""
        assert CN.add_working_time(CN.add_working_time(start, a), b) == CN.add_working_time(
            start, a + b
        )

    @given(china_instants, positive, positive)
    def test_monotonic_in_duration(self, start: datetime, a: timedelta, b: timedelta) -> None:
        """A longer duration never gives an earlier instant."""
        lo, hi = sorted((a, b))
        assert CN.add_working_time(start, lo) <= CN.add_working_time(start, hi)

    @given(china_instants, china_instants, positive)
    def test_monotonic_in_start(self, s1: datetime, s2: datetime, d: timedelta) -> None:
        """A later start never gives an earlier instant."""
        lo, hi = sorted((s1, s2))
        assert CN.add_working_time(lo, d) <= CN.add_working_time(hi, d)

    @given(calendar_and_instants(count=1), st.integers(1, 180).map(lambda m: m * MINUTE))
    def test_result_is_working_time_or_a_close(
        self, case: tuple[WorkingCalendar, list[datetime]], duration: timedelta
    ) -> None:
        """The result is working time, or the close of a window (the µs before it works)."""
        cal, (start,) = case
        got = cal.add_working_time(start, duration)
        assert cal.is_working_time(got) or cal.is_working_time(got - US)
        assert str(got.tzinfo) == cal.zone  # results are in the calendar's zone

    @given(china_instants, st.integers(-(10**6), 10**6).map(lambda us: us * US))
    @example(datetime(2025, 3, 3, 4, tzinfo=UTC), 3 * US)
    def test_microsecond_exact(self, start: datetime, duration: timedelta) -> None:
        """Arithmetic is exact to the microsecond."""
        got = CN.add_working_time(start, duration)
        assert CN.working_time_between(start, got) == duration


class TestDays:
    """add_working_days and working_days_between invert each other (contract §4)."""

    @given(st.dates(date(2009, 1, 1), date(2025, 6, 30)), st.integers(1, 300))
    def test_forward(self, d: date, n: int) -> None:
        """The n-th working day after d is n working days into (d, result]."""
        got = CN.add_working_days(d, n)
        one = timedelta(days=1)
        assert CN.is_working_day(got)
        assert CN.working_days_between(d + one, got + one) == n

    @given(st.dates(date(2010, 1, 1), date(2025, 12, 31)), st.integers(1, 300))
    def test_backward(self, d: date, n: int) -> None:
        """The n-th working day before d leaves n working days in [result, d)."""
        got = CN.add_working_days(d, -n)
        assert CN.working_days_between(got, d) == n

    @given(st.dates(date(2009, 1, 1), date(2025, 12, 31)))
    def test_zero(self, d: date) -> None:
        """n = 0 gives d if it works, else the next working day."""
        got = CN.add_working_days(d, 0)
        assert got == d if CN.is_working_day(d) else got == CN.add_working_days(d, 1)

    @settings(deadline=None)
    @given(calendar_and_instants(count=1), st.integers(-5, 5))
    def test_random_calendars(self, case: tuple[WorkingCalendar, list[datetime]], n: int) -> None:
        """On random calendars too, and a working day has working time."""
        cal, (t,) = case
        d = t.date()
        got = cal.add_working_days(d, n)
        assert cal.is_working_day(got)
        one = timedelta(days=1)
        if n > 0:
            assert cal.working_days_between(d + one, got + one) == n
        elif n < 0:
            assert cal.working_days_between(got, d) == -n
        windows = cal.working_windows(Period.day(got))
        assert windows
        assert cal.end_of_working_day(got) == windows[-1][1]


class TestTimeWindow:
    """`TimeWindow.parse(str(w)) == w`."""

    @given(time_windows(step=1))
    def test_round_trip(self, window: TimeWindow) -> None:
        """Printing and parsing give the same window back."""
        assert TimeWindow.parse(str(window)) == window


class TestSerialization:
    """`from_data(to_data(x)) == x` for every calendar (semantics §13)."""

    @given(working_calendars())
    def test_round_trip(self, cal: WorkingCalendar) -> None:
        """A calendar survives JSON."""
        data = json.loads(json.dumps(to_data(cal)))
        assert from_data(WorkingCalendar, data) == cal

    @given(closures())
    @example(  # caught: an ambiguous fall-back instant compared unequal across zones
        Closure(datetime(2024, 10, 27, 1, tzinfo=BERLIN), datetime(2024, 10, 27, 2, tzinfo=BERLIN))
    )
    def test_closure_round_trip(self, closure: Closure) -> None:
        """A closure survives JSON (the same instants)."""
        assert from_data(Closure, json.loads(json.dumps(to_data(closure)))) == closure


def refused_fields(asks: list[Callable[[], object]]) -> set[str | None]:
    """The fields of the named errors the questions raise (any other error propagates)."""
    fields = set()
    for ask in asks:
        try:
            ask()
        except (InvalidValueError, CalendarCoverageError) as exc:
            fields.add(exc.field)
    return fields


_EDGE_CALENDARS = [
    WorkingCalendar.weekly(hours="22:00-06:00", days="daily", zone=key) for key in EDGE_ZONES
]


class TestEdgesOfTime:
    """semantics §14.10: near years 1 and 9999, in zones as far from UTC as zones go, every
    query answers or raises a named error (never `OverflowError`)."""

    @given(
        instants(edges=True),
        st.sampled_from([*_EDGE_CALENDARS, CN]),
        st.integers(-(10**6), 10**6).map(lambda m: m * MINUTE),
    )
    def test_instants(self, t: datetime, cal: WorkingCalendar, duration: timedelta) -> None:
        """Instant queries answer or raise InvalidValueError/CalendarCoverageError naming t."""
        try:
            end = t + duration
        except OverflowError:  # past datetime.max: the test's own arithmetic
            end = t
        asks: list[Callable[[], object]] = [
            lambda: cal.is_working_time(t),
            lambda: cal.next_working_time(t),
            lambda: cal.add_working_time(t, duration),
            lambda: cal.working_time_between(t, end),
            lambda: cal.working_time_between(end, t),
        ]
        assert refused_fields(asks) <= {"t", "start", "end"}

    @given(
        st.dates(max_value=date(9999, 12, 30)),
        st.sampled_from([*_EDGE_CALENDARS, CN]),
        st.integers(-400, 400),
    )
    def test_dates(self, d: date, cal: WorkingCalendar, n: int) -> None:
        """Date queries answer or raise InvalidValueError/CalendarCoverageError naming d."""
        asks: list[Callable[[], object]] = [
            lambda: cal.is_working_day(d),
            lambda: cal.add_working_days(d, n),
            lambda: cal.end_of_working_day(d),
            lambda: cal.working_windows(Period(d, d + timedelta(days=1))),
        ]
        assert refused_fields(asks) <= {"d", "period"}
