"""Property tests for propstd.timelimits: text round trip and deadline invariants."""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import given
from hypothesis import strategies as st

from propstd.timelimits import TimeLimit
from tests.strategies import time_limits


class TestTextRoundTrip:
    """semantics §5: "`str(limit)` gives a canonical English form that `parse` reads back to an
    equal value"."""

    @given(time_limits(max_amount=10**9))
    def test_parse_reads_str_back(self, limit: TimeLimit) -> None:
        """parse(str(x)) == x."""
        assert TimeLimit.parse(str(limit)) == limit

    @given(time_limits(), st.sampled_from(["", " ", "  "]), st.sampled_from([str.upper, str.title]))
    def test_parse_ignores_case_and_outer_space(
        self, limit: TimeLimit, pad: str, case: Callable[[str], str]
    ) -> None:
        """Case and surrounding white space do not change the limit."""
        assert TimeLimit.parse(pad + case(str(limit)) + pad) == limit
