"""Examples and bad inputs for propstd.staffing, from the seed ratios."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import pytest

import propstd.staffing as staffing
from propstd.errors import InvalidValueError
from propstd.money import Rounding
from propstd.staffing import Role, StaffingLine, StaffingRatios, staffing_requirement


def test_public_api() -> None:
    """`__all__` is sorted, and `dir()` shows exactly it."""
    assert staffing.__all__ == sorted(staffing.__all__)
    assert dir(staffing) == staffing.__all__
    for name in staffing.__all__:
        assert getattr(staffing, name).__doc__


class TestSeed:
    """The seed ratios on the sample property and other sizes."""

    def test_sample(self) -> None:
        """翠湖花园: guards 12, cleaners 9.6 → 10, zones 3."""
        need = staffing_requirement(area_m2=120_000, households=1150)
        assert (need.guards, need.cleaners, need.zones) == (12, 10, 3)
        assert need.line(Role.CLEANING).exact == Fraction(48, 5)
        assert need.line("customer_service_zone").exact == Fraction(1150, 400)

    @pytest.mark.parametrize(
        ("area", "households", "kind", "expected"),
        [
            pytest.param(0, None, "residential", (0, 0, 0), id="nothing"),
            pytest.param(10_000, None, "residential", (1, 1, 1), id="one-block"),
            pytest.param(10_001, None, "residential", (2, 1, 1), id="just-over"),
            pytest.param(50_000, 400, "residential", (5, 4, 1), id="one-zone"),
            pytest.param(50_000, 401, "residential", (5, 4, 2), id="two-zones"),
            pytest.param(200_000, 300, "residential", (20, 16, 3), id="area-decides"),
            pytest.param(Decimal("12345.6"), 250, "villa", (2, 1, 1), id="villa-250"),
            pytest.param(60_000, 251, "villa", (6, 5, 2), id="villa-251"),
        ],
    )
    def test_table(
        self, area: Any, households: int | None, kind: str, expected: tuple[int, int, int]
    ) -> None:
        """Counts round up; zones are the larger of households and area."""
        need = staffing_requirement(area_m2=area, households=households, kind=kind)
        assert (need.guards, need.cleaners, need.zones) == expected

    def test_show_flat_cap(self) -> None:
        """A show-flat phase shares 15 people between security and cleaning."""
        need = staffing_requirement(area_m2=400_000, phase="show_flat")
        assert (need.guards, need.cleaners) == (8, 7)
        assert "show-flat cap 15 shared 8+7" in need.line("security").explanation
        small = staffing_requirement(area_m2=50_000, phase="show_flat")
        assert (small.guards, small.cleaners) == (5, 4)  # under the cap: unchanged

    def test_cap_tie_goes_to_security(self) -> None:
        """Equal remainders give the extra person to security."""
        ratios = attrs.evolve(StaffingRatios.seed(), cleaners_per_10000_m2=1)
        need = staffing_requirement(area_m2=100_000, phase="show_flat", ratios=ratios)
        assert (need.guards, need.cleaners) == (8, 7)

    def test_other_rounding(self) -> None:
        """The rounding rule is data: half-up gives 9.6 → 10 and 2.875 → 3, floor gives 9 and 2."""
        floor = attrs.evolve(StaffingRatios.seed(), rounding=Rounding.FLOOR)
        need = staffing_requirement(area_m2=120_000, households=1150, ratios=floor)
        assert (need.guards, need.cleaners, need.zones) == (12, 9, 2)
        assert "(rounded floor)" in need.line("cleaning").explanation

    def test_text(self) -> None:
        """The text names each role with its count and explanation."""
        text = staffing_requirement(area_m2=120_000).to_text()
        assert text.splitlines()[0] == "Staffing for 120000 m² (residential, operation)"
        assert "120000 m² / 80000 m² = 1.5 → 2 (rounded ceiling)" in text
        assert "1/3" in staffing_requirement(area_m2=Fraction(10_000, 3)).to_text()


class TestBad:
    """Bad inputs are refused with a message naming the field and value."""

    @pytest.mark.parametrize(
        ("kwargs", "error", "match"),
        [
            pytest.param(
                {"area_m2": 1.5}, TypeError, "'area_m2' must be an exact number", id="float"
            ),
            pytest.param(
                {"area_m2": -1},
                InvalidValueError,
                "'area_m2' must not be negative, got -1",
                id="negative",
            ),
            pytest.param(
                {"households": -5},
                InvalidValueError,
                "'households' must not be negative, got -5",
                id="households",
            ),
            pytest.param(
                {"households": 3.0}, TypeError, "'households' must be an int", id="households-float"
            ),
            pytest.param(
                {"kind": "castle"},
                InvalidValueError,
                "'kind' must be one of residential, villa, got 'castle'",
                id="kind",
            ),
            pytest.param(
                {"phase": "build"},
                InvalidValueError,
                "'phase' must be one of operation, show_flat",
                id="phase",
            ),
            pytest.param(
                {"phase": 1},
                TypeError,
                "'phase' must be a Phase or str, got int 1",
                id="phase-type",
            ),
            pytest.param(
                {"ratios": "seed"}, TypeError, "'ratios' must be StaffingRatios", id="ratios"
            ),
        ],
    )
    def test_requirement(self, kwargs: dict[str, Any], error: type[Exception], match: str) -> None:
        """Bad requirement arguments."""
        args: dict[str, Any] = {"area_m2": 10_000} | kwargs
        with pytest.raises(error, match=match):
            staffing_requirement(**args)

    @pytest.mark.parametrize(
        ("kwargs", "error", "match"),
        [
            pytest.param(
                {"guards_per_10000_m2": 0},
                InvalidValueError,
                "'guards_per_10000_m2' must be positive, got 0",
                id="zero",
            ),
            pytest.param(
                {"cleaners_per_10000_m2": 0.8},
                TypeError,
                "'cleaners_per_10000_m2' must be an exact number",
                id="float",
            ),
            pytest.param(
                {"zone_area_m2": -80_000},
                InvalidValueError,
                "'zone_area_m2' must be positive",
                id="negative",
            ),
            pytest.param(
                {"zone_households": 0},
                InvalidValueError,
                "'zone_households' must be at least 1, got 0",
                id="households",
            ),
            pytest.param(
                {"villa_zone_households": 2.5},
                TypeError,
                "'villa_zone_households' must be an int",
                id="villa",
            ),
            pytest.param(
                {"show_flat_cap": 0},
                InvalidValueError,
                "'show_flat_cap' must be at least 1",
                id="cap",
            ),
            pytest.param(
                {"rounding": "nearest"},
                ValueError,
                "'nearest' is not a valid Rounding",
                id="rounding",
            ),
        ],
    )
    def test_ratios(self, kwargs: dict[str, Any], error: type[Exception], match: str) -> None:
        """Bad ratios (also through `attrs.evolve`)."""
        with pytest.raises(error, match=match):
            attrs.evolve(StaffingRatios.seed(), **kwargs)

    @pytest.mark.parametrize(
        ("kwargs", "error", "match"),
        [
            pytest.param(
                {"lines": ["x"]}, TypeError, r"'lines\[0\]' must be StaffingLine", id="lines"
            ),
            pytest.param(
                {"area_m2": -1}, InvalidValueError, "'area_m2' must not be negative", id="area"
            ),
            pytest.param(
                {"households": -1},
                InvalidValueError,
                "'households' must not be negative",
                id="households",
            ),
            pytest.param(
                {"kind": "hut"}, ValueError, "'hut' is not a valid PropertyKind", id="kind"
            ),
            pytest.param({"phase": "x"}, ValueError, "'x' is not a valid Phase", id="phase"),
        ],
    )
    def test_requirement_record(
        self, kwargs: dict[str, Any], error: type[Exception], match: str
    ) -> None:
        """The result record validates too."""
        need = staffing_requirement(area_m2=10_000)
        with pytest.raises(error, match=match):
            attrs.evolve(need, **kwargs)

    def test_line(self) -> None:
        """A line's count is an int."""
        with pytest.raises(TypeError, match="'count' must be an int"):
            StaffingLine(role="security", exact=1, count=1.0, explanation="")  # type: ignore[arg-type]


def test_repr() -> None:
    """Reprs show enum values, not enum members."""
    text = repr(staffing_requirement(area_m2=10_000))
    assert "kind='residential'" in text
    assert "role='security'" in text
    assert "rounding='ceiling'" in repr(StaffingRatios.seed())
