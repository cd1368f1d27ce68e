"""Property tests for propstd.periods: half-open ranges that read back from their text."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import date, timedelta

from hypothesis import example, given
from hypothesis import strategies as st

from propstd._time import MAX_DATE, MIN_DATE
from propstd.errors import InvalidValueError
from propstd.periods import Period, PeriodUnit
from tests.strategies import dates, period_units, periods


class TestText:
    """Contract §3: `Period.parse(str(p)) == p` for every period."""

    @given(periods())
    def test_parse_str_round_trip(self, p: Period) -> None:
        """str reads back to the same period."""
        assert Period.parse(str(p)) == p
        assert eval(repr(p), {"Period": Period}) == p


class TestHalfOpen:
    """Contract §0: every period is `[start, end)`; consecutive periods never overlap."""

    @given(periods())
    def test_next_and_previous_touch(self, p: Period) -> None:
        """next starts where p ends; previous ends where p starts; neither overlaps p."""
        assert p.next().start == p.end
        assert p.previous().end == p.start
        assert not p.overlaps(p.next())
        assert p.next().previous() == p

    @given(periods(), period_units())
    def test_split_covers_exactly(self, p: Period, unit: PeriodUnit) -> None:
        """split tiles the period: contiguous, inside it, adding up to its days."""
        parts = p.split(unit)
        assert parts[0].start == p.start
        assert parts[-1].end == p.end
        assert all(a.end == b.start for a, b in itertools.pairwise(parts))
        assert sum(part.days for part in parts) == p.days

    @given(dates(), period_units())
    def test_containing_contains(self, d: date, unit: PeriodUnit) -> None:
        """The period of a unit containing d contains d, and not its end."""
        p = Period.containing(d, unit)
        assert d in p
        assert p.end not in p
        assert p.unit is unit
        assert p.last == p.end - timedelta(days=1)


class TestDateRangeEdges:
    """Semantics §14.10: period arithmetic stays within years 0002-9998; at the edges it raises
    InvalidValueError, never OverflowError."""

    @given(st.dates(), period_units(), st.integers(1, 800))
    @example(date(1, 1, 1), PeriodUnit.YEAR, 1)
    @example(date(9999, 12, 31), PeriodUnit.WEEK, 1)
    @example(date(9998, 12, 31), PeriodUnit.DAY, 800)
    @example(date(2, 1, 1), PeriodUnit.DAY, 1)
    def test_never_overflows(self, d: date, unit: PeriodUnit, days: int) -> None:
        """containing, split and ranges work or raise by name; next and previous give periods
        within 0002-9998 or raise by name."""
        fits = d <= date.max - timedelta(days)
        others: tuple[Callable[[], object], ...] = (
            lambda: Period.containing(d, unit),
            lambda: Period.containing(d, unit).split(PeriodUnit.WEEK),
            lambda: Period(d, d + timedelta(days=days)) if fits else None,
        )
        steps: tuple[Callable[[], object], ...] = (
            lambda: Period.containing(d, unit).next(),
            lambda: Period.containing(d, unit).previous(),
            lambda: Period.day(d).next().next(),
            lambda: Period.parse(f"{d.year:04d}").previous(),
            lambda: Period(d, d + timedelta(days=days)).previous() if fits else None,
        )
        for call in (*others, *steps):
            result = _outcome(call)
            if isinstance(result, InvalidValueError):
                assert result.field is not None
            else:
                assert result is None or isinstance(result, Period | tuple)
        for call in steps:
            result = _outcome(call)
            if isinstance(result, Period):
                assert MIN_DATE <= result.start < result.end <= MAX_DATE + timedelta(days=1)


def _outcome(call: Callable[[], object]) -> object:
    """What *call* returns, or the InvalidValueError it raises (any other error fails)."""
    try:
        return call()
    except InvalidValueError as exc:
        return exc


class TestUnitWords:
    """Semantics §14.7: each unit reads its value and Chinese label, ignoring case and blanks."""

    @given(period_units(), st.sampled_from((str.upper, str.title, lambda s: f"  {s} ")))
    def test_words(self, unit: PeriodUnit, spell: Callable[[str], str]) -> None:
        """Every word of a unit, however spelled, reads back as the unit."""
        for word in unit.words:
            assert PeriodUnit(spell(word)) is unit
