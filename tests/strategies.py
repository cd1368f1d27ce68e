"""Hypothesis strategies for every public propstd type, one section per domain.

Composites are plural nouns with keyword-only knobs; they build values through the public
constructors (never `st.builds` on attrs classes), so every value respects the invariants.
"""

from __future__ import annotations

from hypothesis import strategies as st

# --- timelimits ---
from propstd.timelimits import Clock, TimeLimit, TimeUnit


@st.composite
def time_limits(
    draw: st.DrawFn,
    *,
    clock: Clock | None = None,
    unit: TimeUnit | None = None,
    max_amount: int = 10_000,
) -> TimeLimit:
    """Any `TimeLimit` (narrow with *clock*, *unit*, *max_amount*)."""
    chosen_clock = draw(st.sampled_from(Clock)) if clock is None else clock
    chosen_unit = draw(st.sampled_from(TimeUnit)) if unit is None else unit
    amount = draw(st.integers(min_value=0, max_value=max_amount))
    return TimeLimit(amount, chosen_unit, chosen_clock)
