"""Invariants of propstd.staffing: monotonic in area and households, the show-flat cap."""

from __future__ import annotations

import decimal
import json
from decimal import Decimal
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from propstd.staffing import StaffingRatios, staffing_requirement
from tests.strategies import hostile_contexts, staffing_ratios

areas = st.integers(0, 2_000_000)
households = st.integers(0, 20_000)


class TestMonotonic:
    """Seeds §5: staff per 10,000 m² and zones per ~400 households: more property, more staff."""

    @given(
        areas,
        areas,
        st.none() | households,
        st.sampled_from(("residential", "villa")),
        staffing_ratios(),
    )
    def test_monotonic_in_area(
        self, a: int, b: int, hh: int | None, kind: str, ratios: StaffingRatios
    ) -> None:
        """A larger area never needs fewer guards, cleaners or zones."""
        if kind == "villa" and hh is None:
            hh = 0  # a villa estate's zones count households: it needs a count
        small, large = sorted((a, b))
        x = staffing_requirement(area_m2=small, households=hh, kind=kind, ratios=ratios)
        y = staffing_requirement(area_m2=large, households=hh, kind=kind, ratios=ratios)
        assert x.guards <= y.guards
        assert x.cleaners <= y.cleaners
        assert x.zones <= y.zones

    @given(areas, households, households, staffing_ratios())
    def test_monotonic_in_households(
        self, area: int, h1: int, h2: int, ratios: StaffingRatios
    ) -> None:
        """More households never need fewer zones."""
        few, many = sorted((h1, h2))
        x = staffing_requirement(area_m2=area, households=few, ratios=ratios)
        y = staffing_requirement(area_m2=area, households=many, ratios=ratios)
        assert x.zones <= y.zones

    @given(areas, staffing_ratios())
    def test_show_flat_cap(self, area: int, ratios: StaffingRatios) -> None:
        """In the show-flat phase security plus cleaning never exceeds the cap."""
        need = staffing_requirement(area_m2=area, phase="show_flat", ratios=ratios)
        normal = staffing_requirement(area_m2=area, ratios=ratios)
        assert need.guards + need.cleaners == min(
            ratios.show_flat_cap, normal.guards + normal.cleaners
        )

    @given(areas, st.none() | households)
    def test_seed_rounds_up(self, area: int, hh: int | None) -> None:
        """With the seed ratios each count is the exact figure rounded up."""
        need = staffing_requirement(area_m2=area, households=hh)
        for line in need.lines:
            assert line.count - 1 < line.exact <= line.count


class TestRoundTrip:
    """Serialization: `from_data(cls, to_data(x)) == x`."""

    @given(areas, st.none() | households, staffing_ratios())
    def test_requirement(self, area: int, hh: int | None, ratios: StaffingRatios) -> None:
        """Ratios and requirements survive JSON."""
        from propstd.serialization import from_data, to_data
        from propstd.staffing import StaffingRequirement

        need = staffing_requirement(area_m2=area, households=hh, ratios=ratios)
        assert from_data(StaffingRatios, json.loads(json.dumps(to_data(ratios)))) == ratios
        assert from_data(StaffingRequirement, json.loads(json.dumps(to_data(need)))) == need


class TestVilla:
    """Seeds §5 and semantics §14.6: villa zones count households only (about 250 a zone)."""

    @given(areas, areas, households, staffing_ratios())
    def test_area_never_counts(self, a: int, b: int, hh: int, ratios: StaffingRatios) -> None:
        """Any two areas give a villa estate of the same households the same zones."""
        x = staffing_requirement(area_m2=a, households=hh, kind="villa", ratios=ratios)
        y = staffing_requirement(area_m2=b, households=hh, kind="villa", ratios=ratios)
        assert x.zones == y.zones
        assert x.line("customer_service_zone").exact == Fraction(hh, ratios.villa_zone_households)

    @given(areas, households, staffing_ratios())
    def test_estate_takes_the_larger(self, area: int, hh: int, ratios: StaffingRatios) -> None:
        """An ordinary estate's exact zones are the larger of households and area."""
        need = staffing_requirement(area_m2=area, households=hh, ratios=ratios)
        assert need.line("customer_service_zone").exact == max(
            Fraction(hh, ratios.zone_households), area / ratios.zone_area_m2
        )


class TestHostileContext:
    """Semantics §14.10: no result depends on the global decimal context."""

    @given(
        hostile_contexts(),
        st.decimals(min_value=0, max_value=10**7, places=3),
        st.none() | households,
        staffing_ratios(),
    )
    def test_same_everywhere(
        self, context: decimal.Context, area: Decimal, hh: int | None, ratios: StaffingRatios
    ) -> None:
        """The requirement and its text are the same under any context."""
        expected = staffing_requirement(area_m2=area, households=hh, ratios=ratios)
        with decimal.localcontext(context):
            got = staffing_requirement(area_m2=area, households=hh, ratios=ratios)
            text = got.to_text()
        assert got == expected
        assert text == expected.to_text()
