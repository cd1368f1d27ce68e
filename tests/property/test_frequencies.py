"""Invariants of propstd.frequencies (Hypothesis)."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from propstd.frequencies import Frequency, Proration, Schedule
from propstd.periods import Period, PeriodUnit
from tests.strategies import frequencies, periods, schedules, seed_frequencies


class TestParseRoundTrip:
    """semantics §7: `str()` round-trips through `Frequency.parse`."""

    @given(frequencies(max_count=12, max_every=30))
    def test_round_trip(self, f: Frequency) -> None:
        """parse(str(f)) == f."""
        assert Frequency.parse(str(f)) == f


class TestWindowsPartition:
    """semantics §7: windows are consecutive blocks from the anchor — no gap, no overlap."""

    @pytest.mark.slow
    @given(schedules(), periods(max_days=400))
    def test_partition(self, s: Schedule, p: Period) -> None:
        """The windows of a period meet end to start and cover it exactly once."""
        ws = s.windows(p)
        assert ws[0].start <= p.start < ws[0].end
        assert ws[-1].start <= p.last < ws[-1].end
        for a, b in itertools.pairwise(ws):
            assert a.end == b.start
        for w in ws:
            assert s.window_at(w.start) == w
            assert s.window_at(w.last) == w
            assert w.due == w.last
            assert w.required == s.frequency.count


class TestNoDrift:
    """style B5: month-based windows step from the anchor (`anchor + relativedelta(months=k·n)`)."""

    @pytest.mark.slow
    @given(
        schedules(
            frequency=frequencies(units=(PeriodUnit.MONTH, PeriodUnit.QUARTER, PeriodUnit.YEAR))
        ),
        st.integers(-120, 120),
    )
    def test_window_starts_are_anchor_plus_months(self, s: Schedule, k: int) -> None:
        """Window k starts on anchor + k × window months, as relativedelta clamps it."""
        months = s.frequency.window_months
        expected = s.origin + relativedelta(months=k * months)
        assert s.window_at(expected).start == expected

    @pytest.mark.slow
    @given(schedules(frequency=st.just(Frequency(unit="month"))))
    def test_ten_years_of_month_starts(self, s: Schedule) -> None:
        """Over 10 years every window starts on the anchor's day whenever the month has it."""
        ten_years = Period(s.origin, s.origin + timedelta(days=3652))
        for w in s.windows(ten_years):
            last = (w.start.replace(day=1) + relativedelta(months=1) - timedelta(days=1)).day
            assert w.start.day == min(s.origin.day, last)


class TestCalendarAligned:
    """semantics §14.1: without an anchor, windows are calendar units, or blocks from Monday
    2001-01-01 when their length does not divide the calendar."""

    @given(frequencies(max_every=7), st.dates(date(1990, 1, 1), date(2060, 12, 31)))
    def test_window_is_calendar_aligned(self, f: Frequency, d: date) -> None:
        """The window holding a date starts where the calendar says."""
        w = Schedule(f).window_at(d)
        assert w.start <= d < w.end
        if f.unit is PeriodUnit.WEEK and f.every == 1:
            assert w.start.weekday() == 0
            assert w.end - w.start == timedelta(days=7)
        elif f.unit.months and 12 % f.window_months == 0:
            assert w.start.day == 1
            assert (w.start.month - 1) % f.window_months == 0
            assert w.end == w.start + relativedelta(months=f.window_months)
        elif f.unit.months:
            months = (w.start.year - 2001) * 12 + w.start.month - 1
            assert w.start.day == 1
            assert months % f.window_months == 0
        else:
            assert (w.start - date(2001, 1, 1)).days % f.window_days == 0
            assert (w.end - w.start).days == f.window_days


class TestSeedSumsToTheYear:
    """seed-rules §1.2: monthly points = short-unit points due + quarterly/3 + half-yearly/6 +
    yearly/12, so the twelve months of a year add up to the year's checks."""

    @given(seed_frequencies(), st.integers(2001, 2039), st.integers(1, 3000))
    def test_year(self, f: Frequency, year: int, days_before: int) -> None:
        """Σ required_in(month, seed) over a year equals the checks the year requires."""
        anchor = date(year, 1, 1) - timedelta(days=days_before)
        months = Period.year(year).split(PeriodUnit.MONTH)
        total = sum(f.required_in(m, anchor=anchor) for m in months)
        if f.unit.months > 1:
            # a long window's checks, spread over the months it lasts
            assert total == f.count * 12 / f.window_months
            # … which, for windows dividing the year, is exactly what falls due in it
            due = sum(f.required_in(m, anchor=anchor, proration=Proration.DUE) for m in months)
            assert due == total
        else:
            windows_due = len(Schedule(f, anchor=anchor).due_dates(Period.year(year)))
            assert total == f.count * windows_due


@given(frequencies(units=tuple(PeriodUnit), max_count=12, max_every=12))
def test_chinese_form_reads_back(f: Frequency) -> None:
    """label_zh is a form parse() reads back to an equal frequency (日查, 2次/周, 每10天 ...)."""
    assert Frequency.parse(f.label_zh) == f
