"""Examples and bad inputs for propstd.staffing, from the seed ratios."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from decimal import Decimal, localcontext
from fractions import Fraction
from typing import Any

import attrs
import pytest

import propstd.staffing as staffing
from propstd.errors import InvalidValueError
from propstd.money import Rounding
from propstd.staffing import (
    Phase,
    PropertyKind,
    Role,
    StaffingLine,
    StaffingRatios,
    staffing_requirement,
)
from tests.strategies import hostile_context


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
        assert (
            text.splitlines()[0]
            == "Staffing for 120000 m² (residential 综合小区, operation 入伙后)"
        )
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
                "'kind' must be one of 'residential' \\(综合小区\\), 'villa' \\(别墅\\), "
                "got 'castle'",
                id="kind",
            ),
            pytest.param(
                {"phase": "build"},
                InvalidValueError,
                "'phase' must be one of 'operation' \\(入伙后\\), 'show_flat' \\(样板房\\)",
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
                InvalidValueError,
                "'rounding' must be one of 'half_up' \\(四舍五入\\).*got 'nearest'",
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
            pytest.param({"kind": "hut"}, InvalidValueError, "'kind'.*got 'hut'", id="kind"),
            pytest.param({"phase": "x"}, InvalidValueError, "'phase'.*got 'x'", id="phase"),
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
    """The requirement's repr is one short line; records show enum values, not members."""
    need = staffing_requirement(area_m2=10_000)
    assert repr(need) == "<StaffingRequirement 10000 m²: 1 security, 1 cleaning, 1 zones>"
    assert "role='security'" in repr(need.lines[0])
    assert "rounding='ceiling'" in repr(StaffingRatios.seed())


class TestVilla:
    """Villa zones count households only, about 250 a zone (seed: 别墅按约250户为一个责任区;
    semantics §14.6); the area rule of 70,000-80,000 m² a zone is for ordinary estates."""

    def test_area_does_not_count(self) -> None:
        """100,000 m² and 250 villa households is one zone (the area rule would give two)."""
        villa = staffing_requirement(area_m2=100_000, households=250, kind="villa")
        assert villa.zones == 1
        assert villa.line("customer_service_zone").explanation == (
            "250 households / 250 a villa zone = 1 → 1 (rounded ceiling)"
        )
        estate = staffing_requirement(area_m2=100_000, households=250, kind="residential")
        assert estate.zones == 2  # 100,000 / 80,000 = 1.25 → 2

    @pytest.mark.parametrize(
        ("households", "zones"),
        [
            pytest.param(1, 1, id="one"),
            pytest.param(250, 1, id="250"),
            pytest.param(251, 2, id="251"),
            pytest.param(500, 2, id="500"),
            pytest.param(0, 0, id="none"),
        ],
    )
    def test_households_decide(self, households: int, zones: int) -> None:
        """Villa zones are the households over 250, rounded up, whatever the area."""
        need = staffing_requirement(area_m2=1_000_000, households=households, kind="别墅")
        assert need.zones == zones

    def test_villa_needs_households(self) -> None:
        """A villa estate without a household count is refused, naming 'households'."""
        with pytest.raises(InvalidValueError, match="'households' is needed for a villa") as info:
            staffing_requirement(area_m2=100_000, kind="villa")
        assert info.value.field == "households"


class TestWords:
    """Kinds, phases and roles read the seeds' Chinese words (§14.7)."""

    @pytest.mark.parametrize(
        ("word", "member"),
        [
            pytest.param("综合小区", PropertyKind.RESIDENTIAL, id="estate"),
            pytest.param("别墅", PropertyKind.VILLA, id="villa"),
            pytest.param("样板房", Phase.SHOW_FLAT, id="show-flat"),
            pytest.param("案场", Phase.SHOW_FLAT, id="sales-office"),
            pytest.param("入伙后", Phase.OPERATION, id="operation"),
            pytest.param("秩序维护员", Role.SECURITY, id="guards"),
            pytest.param("保洁员", Role.CLEANING, id="cleaners"),
            pytest.param("客服管家片区", Role.CUSTOMER_SERVICE_ZONE, id="zones"),
        ],
    )
    def test_words(self, word: str, member: object) -> None:
        """Each Chinese word names its member."""
        assert type(member)(word) is member  # type: ignore[call-arg]

    def test_line_by_chinese_role(self) -> None:
        """line() takes a role by its Chinese name; an unknown role is refused."""
        need = staffing_requirement(area_m2=120_000)
        assert need.line("保洁员").count == 10
        with pytest.raises(InvalidValueError, match="'role'"):
            need.line("gardener")

    def test_role_without_a_line(self) -> None:
        """A requirement built without a role's line says so by name."""
        need = attrs.evolve(staffing_requirement(area_m2=120_000), lines=())
        with pytest.raises(InvalidValueError, match="no staffing line for 'cleaning'") as info:
            need.line("保洁员")
        assert (info.value.field, info.value.value) == ("role", "保洁员")


class TestRendering:
    """The requirement renders through the one table renderer (CJK-aligned)."""

    def test_rows_are_the_lines(self) -> None:
        """rows() returns the typed lines behind the table."""
        need = staffing_requirement(area_m2=120_000, households=1150)
        assert need.rows() == need.lines
        assert [r.count for r in need.rows()] == [12, 10, 3]

    def test_columns_align_with_chinese(self) -> None:
        """Counts end in one terminal column although the role names mix Chinese and English."""
        lines = staffing_requirement(area_m2=120_000).to_text().splitlines()[3:]
        assert len(lines) == 3
        assert len({_width(line[: line.index("  120000")]) for line in lines}) == 1

    def test_markdown_and_html(self) -> None:
        """Markdown and HTML show the same rows."""
        need = staffing_requirement(area_m2=120_000)
        assert "| 保洁员 cleaning | 10 |" in need.to_markdown()
        assert "<td>秩序维护员 security</td>" in need.to_html()
        assert need._repr_html_() == need.to_html()
        assert str(need) == need.to_text()


def _width(text: str) -> int:
    """Terminal columns of *text* (wide East Asian characters take two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


class TestBoundsAndData:
    """Size bounds, hostile decimal contexts and errors that carry data (§14.9, §14.10)."""

    @pytest.mark.parametrize(
        ("call", "field"),
        [
            pytest.param(
                lambda: staffing_requirement(area_m2=Decimal("1e999999999")), "area_m2", id="huge"
            ),
            pytest.param(
                lambda: staffing_requirement(area_m2=Decimal("1e5000")), "area_m2", id="long"
            ),
            pytest.param(
                lambda: staffing_requirement(area_m2=1, households=10**200),
                "households",
                id="households",
            ),
            pytest.param(lambda: staffing_requirement(area_m2=-1), "area_m2", id="negative"),
            pytest.param(
                lambda: attrs.evolve(StaffingRatios.seed(), guards_per_10000_m2=0),
                "guards_per_10000_m2",
                id="ratio",
            ),
            pytest.param(
                lambda: attrs.evolve(StaffingRatios.seed(), zone_households=0),
                "zone_households",
                id="zone",
            ),
            pytest.param(lambda: staffing_requirement(area_m2=1, kind="hut"), "kind", id="kind"),
        ],
    )
    def test_refused(self, call: Callable[[], object], field: str) -> None:
        """Each raises InvalidValueError naming the field."""
        with pytest.raises(InvalidValueError) as info:
            call()
        assert info.value.field == field

    def test_hostile_context(self) -> None:
        """The figures and their text are the same under any decimal context."""
        expected = staffing_requirement(area_m2=Decimal("123456.7"), households=1150)
        with localcontext(hostile_context()):
            got = staffing_requirement(area_m2=Decimal("123456.7"), households=1150)
            assert got.to_text() == expected.to_text()
        assert got == expected
        assert "123456.7 m² × 0.8 per 10000 m² = 1234567/125000 → 10" in expected.to_text()
