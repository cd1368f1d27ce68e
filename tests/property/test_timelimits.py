"""Property tests for propstd.timelimits: text round trip and deadline invariants."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import example, given
from hypothesis import strategies as st

from propstd import _time
from propstd.calendars import WorkingCalendar
from propstd.errors import CalendarCoverageError, InvalidValueError
from propstd.serialization import from_data, to_data
from propstd.timelimits import (
    Clock,
    Deadline,
    TimeLimit,
    TimeUnit,
    deadline,
    explain_deadline,
)
from tests.strategies import deadline_calendars, deadline_starts, instants, time_limits

MICRO = timedelta(microseconds=1)


def utc(t: datetime) -> datetime:
    """The instant in UTC: aware datetimes that share a tzinfo compare by wall clock, ignoring
    `fold`, so every ordering below is checked in UTC."""
    return t.astimezone(UTC)


def closing_day(due: datetime, calendar: WorkingCalendar) -> date | None:
    """The working day whose close is *due* (a close past midnight belongs to the day before)."""
    last = (due - MICRO).astimezone(_time.zone(calendar.zone)).date()
    for day in (last, last - timedelta(days=1)):
        if calendar.is_working_day(day) and utc(calendar.end_of_working_day(day)) == utc(due):
            return day
    return None


def small_limits(
    *, clock: Clock | None = None, unit: TimeUnit | None = None
) -> st.SearchStrategy[TimeLimit]:
    """Limits that stay inside the China calendar's data from a 2010-2025 start."""
    limits = time_limits(clock=clock, unit=unit, max_amount=40)
    return st.one_of(
        limits,
        time_limits(clock=clock, unit=unit, max_amount=6_000).filter(
            lambda x: x.unit is TimeUnit.MINUTE
        ),
    )


class TestDataRoundTrip:
    """semantics §13: "`from_data(cls, to_data(x)) == x` for every public record"."""

    @given(time_limits(max_amount=10**9))
    def test_time_limit(self, limit: TimeLimit) -> None:
        """A limit survives JSON."""
        assert from_data(TimeLimit, json.loads(json.dumps(to_data(limit)))) == limit

    @given(deadline_starts(), small_limits(), deadline_calendars())
    def test_deadline(self, start: datetime, limit: TimeLimit, calendar: WorkingCalendar) -> None:
        """An explained deadline survives JSON (instants compare as instants)."""
        explained = explain_deadline(start, limit, calendar=calendar)
        back = from_data(Deadline, json.loads(json.dumps(to_data(explained))))
        assert (back.limit, back.reason, back.calendar) == (
            limit,
            explained.reason,
            explained.calendar,
        )
        assert (utc(back.start), utc(back.due_at)) == (utc(start), utc(explained.due_at))


class TestTextRoundTrip:
    """semantics §5: "`str(limit)` gives a canonical English form that `parse` reads back to an
    equal value"."""

    @given(time_limits(max_amount=10**9))
    def test_parse_reads_str_back(self, limit: TimeLimit) -> None:
        """parse(str(x)) == x."""
        assert TimeLimit.parse(str(limit)) == limit

    @given(time_limits(max_amount=10**9))
    def test_parse_reads_label_zh_back(self, limit: TimeLimit) -> None:
        """parse(x.label_zh) == x."""
        assert TimeLimit.parse(limit.label_zh) == limit

    @given(time_limits(), st.sampled_from(["", " ", "  "]), st.sampled_from([str.upper, str.title]))
    def test_parse_ignores_case_and_outer_space(
        self, limit: TimeLimit, pad: str, case: Callable[[str], str]
    ) -> None:
        """Case and surrounding white space do not change the limit."""
        assert TimeLimit.parse(pad + case(str(limit)) + pad) == limit


@pytest.mark.slow
class TestDeadlineOrder:
    """semantics §0/§5: a deadline is never earlier than its start, and a later start or a
    longer limit (same unit and clock) never gives an earlier deadline."""

    @given(deadline_starts(), small_limits(), deadline_calendars())
    def test_never_earlier_than_start(
        self, start: datetime, limit: TimeLimit, calendar: WorkingCalendar
    ) -> None:
        """deadline(start, limit) >= start, and explain_deadline agrees with deadline."""
        due = deadline(start, limit, calendar=calendar)
        assert utc(due) >= utc(start)
        assert explain_deadline(start, limit, calendar=calendar).due_at == due

    @given(
        deadline_starts(),
        st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=20)),
        small_limits(),
        deadline_calendars(),
    )
    @example(  # found by hand: a start at the close of a working day under "same working day"
        datetime(2025, 3, 12, 17, 29, 59, 999_999, tzinfo=_time.zone("Asia/Shanghai")),
        MICRO,
        TimeLimit.working_days(0),
        WorkingCalendar.weekly(hours="09:00-17:30", zone="Asia/Shanghai"),
    )
    def test_monotonic_in_start(
        self, start: datetime, later: timedelta, limit: TimeLimit, calendar: WorkingCalendar
    ) -> None:
        """s1 <= s2 gives deadline(s1) <= deadline(s2)."""
        second = (utc(start) + later).astimezone(start.tzinfo)
        first_due = deadline(start, limit, calendar=calendar)
        second_due = deadline(second, limit, calendar=calendar)
        assert utc(first_due) <= utc(second_due)

    @given(deadline_starts(), small_limits(), st.integers(0, 10), deadline_calendars())
    def test_monotonic_in_amount(
        self, start: datetime, limit: TimeLimit, more: int, calendar: WorkingCalendar
    ) -> None:
        """a <= b (same unit and clock) gives deadline(a) <= deadline(b)."""
        longer = TimeLimit(limit.amount + more, limit.unit, limit.clock)
        due = deadline(start, limit, calendar=calendar)
        assert utc(due) <= utc(deadline(start, longer, calendar=calendar))


@pytest.mark.slow
class TestDeadlineRules:
    """semantics §5, one property per clock and unit."""

    @given(
        deadline_starts(),
        small_limits(clock=Clock.WORKING, unit=TimeUnit.DAY),
        deadline_calendars(),
    )
    def test_working_days_land_on_a_close(
        self, start: datetime, limit: TimeLimit, calendar: WorkingCalendar
    ) -> None:
        """A working-day deadline is the close of a working day, and working time runs up to it."""
        due = deadline(start, limit, calendar=calendar)
        assert calendar.is_working_time(due - MICRO)
        assert closing_day(due, calendar) is not None

    @given(
        deadline_starts(),
        small_limits(clock=Clock.WORKING, unit=TimeUnit.DAY),
        deadline_calendars(),
    )
    def test_working_days_do_not_count_the_start_day(
        self, start: datetime, limit: TimeLimit, calendar: WorkingCalendar
    ) -> None:
        """N >= 1 working days end on the N-th working day after the start's local date; 0 on
        the start's own day (if working, before its close) or the next working day."""
        due = deadline(start, limit, calendar=calendar)
        day = closing_day(due, calendar)
        assert day is not None
        first = start.astimezone(_time.zone(calendar.zone)).date()
        after = calendar.working_days_between(first + timedelta(days=1), day + timedelta(days=1))
        if limit.amount >= 1:
            assert after == limit.amount
        elif day == first:
            assert utc(start) < utc(due)
        else:
            assert after == 1

    @given(deadline_starts(), small_limits(clock=Clock.WORKING), deadline_calendars())
    def test_working_time_is_exact(
        self, start: datetime, limit: TimeLimit, calendar: WorkingCalendar
    ) -> None:
        """Working minutes/hours: exactly that much working time between start and deadline."""
        if limit.unit is TimeUnit.DAY:
            return
        due = deadline(start, limit, calendar=calendar)
        assert calendar.working_time_between(start, due) == limit.duration

    @given(deadline_starts(), small_limits(clock=Clock.NATURAL), deadline_calendars())
    def test_natural_time(
        self, start: datetime, limit: TimeLimit, calendar: WorkingCalendar
    ) -> None:
        """Natural minutes/hours are real elapsed time; natural days, weeks, months and years
        end at local midnight after the last counted day (months as dateutil's relativedelta
        steps them: the day of month kept, clipped at the month end)."""
        due = deadline(start, limit, calendar=calendar)
        tz = _time.zone(calendar.zone)
        day = start.astimezone(tz).date()
        if limit.unit in {TimeUnit.MINUTE, TimeUnit.HOUR}:
            assert utc(due) - utc(start) == limit.duration
            return
        step = {
            TimeUnit.DAY: relativedelta(days=limit.amount),
            TimeUnit.WEEK: relativedelta(weeks=limit.amount),
            TimeUnit.MONTH: relativedelta(months=limit.amount),
            TimeUnit.YEAR: relativedelta(years=limit.amount),
        }[limit.unit]
        last = day + step
        assert due == _time.day_start(last + timedelta(days=1), tz)
        assert (due - MICRO).astimezone(tz).date() == last


class TestEdgesOfTime:
    """semantics §14.10: "dates outside 0002-9998 raise `InvalidValueError` (or
    `CalendarCoverageError`), never `OverflowError`"; DST gaps and folds are ordinary."""

    @given(instants(edges=True), time_limits(max_amount=10**6), deadline_calendars())
    @example(  # 0001-01-01 in UTC+14 is 0000-12-31 in UTC: no datetime holds it
        datetime(1, 1, 1, tzinfo=_time.zone("Etc/GMT-14")),
        TimeLimit.calendar_days(1),
        WorkingCalendar.weekly(zone="Asia/Shanghai"),
    )
    def test_answer_or_named_error(
        self, start: datetime, limit: TimeLimit, calendar: WorkingCalendar
    ) -> None:
        """deadline() answers (never before the start, and as explain_deadline does) or
        raises a named error whose field is the start or the limit."""
        try:
            due = deadline(start, limit, calendar=calendar)
        except (InvalidValueError, CalendarCoverageError) as exc:
            refused: InvalidValueError | CalendarCoverageError = exc
        else:
            assert utc(due) >= utc(start)
            assert explain_deadline(start, limit, calendar=calendar).due_at == due
            return
        assert refused.field in {"start", "limit"}
        with pytest.raises(type(refused)):
            explain_deadline(start, limit, calendar=calendar)
