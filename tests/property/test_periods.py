"""Property tests for propstd.periods: half-open ranges that read back from their text."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

from hypothesis import given

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
