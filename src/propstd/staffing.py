"""Staffing of a property from its area and households, with every figure explained.

[staffing_requirement][propstd.staffing.staffing_requirement] turns the seed ratios (one security
guard per 10,000 m², 0.8 cleaners per 10,000 m², one customer-service zone per about 400
households or 70,000–80,000 m², villas about 250 households per zone, at most 15 security and
cleaning staff in a show-flat phase) into whole people. The ratios are data in a
[StaffingRatios][propstd.staffing.StaffingRatios] record; each figure is computed exactly and
then rounded with an explicit rule (up by default: a fraction of a guard is a guard).

Examples:
    >>> from propstd.staffing import staffing_requirement
    >>> need = staffing_requirement(area_m2=120_000, households=1150)
    >>> need.guards, need.cleaners, need.zones
    (12, 10, 3)
    >>> need.line("cleaning").explanation
    '120000 m² × 0.8 per 10000 m² = 9.6 → 10 (rounded ceiling)'
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs

from propstd._validators import check_int, check_type, to_enum, to_fraction
from propstd.errors import InvalidValueError
from propstd.money import Rounding

__all__ = [
    "Phase",
    "PropertyKind",
    "Role",
    "StaffingLine",
    "StaffingRatios",
    "StaffingRequirement",
    "staffing_requirement",
]


def __dir__() -> list[str]:
    return __all__


def _enum_repr(value: enum.Enum) -> str:
    return repr(value.value)


class PropertyKind(enum.StrEnum):
    """The kind of property, which sets the households per customer-service zone."""

    RESIDENTIAL = "residential"
    """Apartments and mixed residential estates."""
    VILLA = "villa"
    """Villa estates (别墅): fewer households per zone."""


class Phase(enum.StrEnum):
    """The phase of the project."""

    OPERATION = "operation"
    """Normal operation after hand-over."""
    SHOW_FLAT = "show_flat"
    """The sales office and show-flat phase (案场): security + cleaning capped."""


class Role(enum.StrEnum):
    """A staffing figure."""

    SECURITY = "security"
    """Security guards (秩序维护员)."""
    CLEANING = "cleaning"
    """Cleaners (保洁员)."""
    CUSTOMER_SERVICE_ZONE = "customer_service_zone"
    """Customer-service manager zones (客服管家片区), one manager each."""


def _positive(name: str, value: object) -> Fraction:
    f = to_fraction(name, value)
    if f <= 0:
        msg = f"{name!r} must be positive, got {value!r}"
        raise InvalidValueError(msg)
    return f


def _guards(value: object) -> Fraction:
    return _positive("guards_per_10000_m2", value)


def _cleaners(value: object) -> Fraction:
    return _positive("cleaners_per_10000_m2", value)


def _zone_area(value: object) -> Fraction:
    return _positive("zone_area_m2", value)


def _positive_int(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if check_int(attribute.name, value) < 1:
        msg = f"{attribute.name!r} must be at least 1, got {value!r}"
        raise InvalidValueError(msg)


def _fmt(value: Fraction) -> str:
    if value.denominator == 1:
        return str(value.numerator)
    scaled = value * 1000
    if scaled.denominator == 1:
        return str(Decimal(scaled.numerator).scaleb(-3).normalize())
    return f"{value.numerator}/{value.denominator}"


@attrs.frozen(kw_only=True)
class StaffingRatios:
    """The staffing ratios, as data.

    Raises:
        InvalidValueError: a ratio, zone size or cap that is not positive.
        TypeError: a float ratio.

    Examples:
        >>> StaffingRatios.seed().zone_households
        400
    """

    guards_per_10000_m2: Fraction = attrs.field(converter=_guards)
    """Security guards per 10,000 m² of building area."""
    cleaners_per_10000_m2: Fraction = attrs.field(converter=_cleaners)
    """Cleaners per 10,000 m² of building area."""
    zone_households: int = attrs.field(validator=_positive_int)
    """Households per customer-service zone (residential)."""
    villa_zone_households: int = attrs.field(validator=_positive_int)
    """Households per customer-service zone in a villa estate."""
    zone_area_m2: Fraction = attrs.field(converter=_zone_area)
    """Building area per customer-service zone."""
    show_flat_cap: int = attrs.field(validator=_positive_int)
    """Most security plus cleaning staff in the show-flat phase."""
    rounding: Rounding = attrs.field(default=Rounding.CEILING, converter=Rounding, repr=_enum_repr)
    """How exact figures become whole people (ceiling: a fraction of a guard is a guard)."""

    @classmethod
    def seed(cls) -> StaffingRatios:
        """The ratios of the source documents.

        One guard and 0.8 cleaners per 10,000 m²; a zone per 400 households (villas 250) or
        per 80,000 m² (the top of the documents' 70,000–80,000 m² range); a show-flat cap of 15;
        figures rounded up.
        """
        return cls(
            guards_per_10000_m2=1,
            cleaners_per_10000_m2=Fraction(4, 5),
            zone_households=400,
            villa_zone_households=250,
            zone_area_m2=80_000,
            show_flat_cap=15,
        )


def _exact(value: object) -> Fraction:
    return to_fraction("exact", value)


def _area(value: object) -> Fraction:
    f = to_fraction("area_m2", value)
    if f < 0:
        msg = f"'area_m2' must not be negative, got {value!r}"
        raise InvalidValueError(msg)
    return f


def _households(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and check_int(attribute.name, value) < 0:
        msg = f"'households' must not be negative, got {value!r}"
        raise InvalidValueError(msg)


def _lines(value: Iterable[StaffingLine]) -> tuple[StaffingLine, ...]:
    out = tuple(value)
    for i, line in enumerate(out):
        check_type(f"lines[{i}]", line, StaffingLine)
    return out


@attrs.frozen(kw_only=True)
class StaffingLine:
    """One staffing figure: exact value, rounded count and how it was reached."""

    role: Role = attrs.field(converter=Role, repr=_enum_repr)
    """The role."""
    exact: Fraction = attrs.field(converter=_exact)
    """The exact figure before rounding."""
    count: int = attrs.field(validator=lambda _i, a, v: check_int(a.name, v))
    """The whole number of people (or zones)."""
    explanation: str = attrs.field(validator=attrs.validators.instance_of(str))
    """How the figure was computed, in words."""


@attrs.frozen(kw_only=True)
class StaffingRequirement:
    """The staff a property needs, role by role.

    Examples:
        >>> need = staffing_requirement(area_m2=120_000, households=1150)
        >>> print(need.to_text())  # doctest: +NORMALIZE_WHITESPACE
        Staffing for 120000 m², 1150 households (residential, operation)
          security                12  120000 m² × 1 per 10000 m² = 12 → 12 (rounded ceiling)
          cleaning                10  120000 m² × 0.8 per 10000 m² = 9.6 → 10 (rounded ceiling)
          customer_service_zone    3  max(1150 households / 400 = 2.875,
                                          120000 m² / 80000 m² = 1.5) → 3 (rounded ceiling)
    """

    area_m2: Fraction = attrs.field(converter=_area)
    """The building area in m²."""
    households: int | None = attrs.field(validator=_households)
    """The number of households, if known."""
    kind: PropertyKind = attrs.field(converter=PropertyKind, repr=_enum_repr)
    """Residential or villa."""
    phase: Phase = attrs.field(converter=Phase, repr=_enum_repr)
    """The project phase."""
    lines: tuple[StaffingLine, ...] = attrs.field(converter=_lines)
    """One line per role."""

    def line(self, role: Role | str) -> StaffingLine:
        """The line of *role*."""
        r = Role(role)
        return next(ln for ln in self.lines if ln.role is r)

    @property
    def guards(self) -> int:
        """Security guards."""
        return self.line(Role.SECURITY).count

    @property
    def cleaners(self) -> int:
        """Cleaners."""
        return self.line(Role.CLEANING).count

    @property
    def zones(self) -> int:
        """Customer-service zones."""
        return self.line(Role.CUSTOMER_SERVICE_ZONE).count

    def to_text(self) -> str:
        """The figures with their explanations, one role a line."""
        hh = "" if self.households is None else f", {self.households} households"
        out = [f"Staffing for {_fmt(self.area_m2)} m²{hh} ({self.kind.value}, {self.phase.value})"]
        width = max(len(ln.role.value) for ln in self.lines)
        out += [f"  {ln.role.value:<{width}} {ln.count:>4}  {ln.explanation}" for ln in self.lines]
        return "\n".join(out)


def staffing_requirement(
    *,
    area_m2: int | Decimal | Fraction,
    households: int | None = None,
    kind: PropertyKind | str = PropertyKind.RESIDENTIAL,
    phase: Phase | str = Phase.OPERATION,
    ratios: StaffingRatios | None = None,
) -> StaffingRequirement:
    """The guards, cleaners and customer-service zones a property needs.

    Guards and cleaners are proportional to the building area. Zones are the larger of the
    household count and the area divided by the zone sizes (villas use the villa household
    size), or the area alone when *households* is `None`. Every figure is rounded with
    `ratios.rounding`. In the show-flat phase security plus cleaning is capped at
    `ratios.show_flat_cap`, the cap shared in proportion to the two figures (largest remainder).

    Args:
        area_m2: building area in m² (not negative).
        households: number of households, or `None` when unknown.
        kind: residential or villa (replaces the contract's `villa=False` flag).
        phase: operation or show-flat.
        ratios: the ratios; [StaffingRatios.seed][propstd.staffing.StaffingRatios.seed] when
            `None`.

    Raises:
        InvalidValueError: a negative area or household count; an unknown kind or phase.
        TypeError: a float area, a non-int household count.

    Examples:
        >>> capped = staffing_requirement(area_m2=400_000, phase="show_flat")
        >>> capped.guards, capped.cleaners
        (8, 7)
        >>> staffing_requirement(area_m2=100_000, households=600, kind="villa").zones
        3
    """
    area = _area(area_m2)
    _households(None, _HOUSEHOLDS, households)
    k = to_enum("kind", PropertyKind, kind)
    ph = to_enum("phase", Phase, phase)
    r = StaffingRatios.seed() if ratios is None else check_type("ratios", ratios, StaffingRatios)
    rounding = r.rounding
    how = f"(rounded {rounding.value})"

    def per_area(role: Role, ratio: Fraction) -> StaffingLine:
        exact = area * ratio / 10_000
        count = rounding.round_fraction(exact)
        text = f"{_fmt(area)} m² × {_fmt(ratio)} per 10000 m² = {_fmt(exact)} → {count} {how}"
        return StaffingLine(role=role, exact=exact, count=count, explanation=text)

    security = per_area(Role.SECURITY, r.guards_per_10000_m2)
    cleaning = per_area(Role.CLEANING, r.cleaners_per_10000_m2)
    if ph is Phase.SHOW_FLAT and security.count + cleaning.count > r.show_flat_cap:
        capped = _share_cap(r.show_flat_cap, (security.count, cleaning.count))
        note = f"; show-flat cap {r.show_flat_cap} shared {capped[0]}+{capped[1]}"
        security = attrs.evolve(security, count=capped[0], explanation=security.explanation + note)
        cleaning = attrs.evolve(cleaning, count=capped[1], explanation=cleaning.explanation + note)
    zone_hh = r.villa_zone_households if k is PropertyKind.VILLA else r.zone_households
    by_area = area / r.zone_area_m2
    area_text = f"{_fmt(area)} m² / {_fmt(r.zone_area_m2)} m² = {_fmt(by_area)}"
    if households is None:
        exact_zones, zone_text = by_area, area_text
    else:
        by_hh = Fraction(households, zone_hh)
        exact_zones = max(by_hh, by_area)
        zone_text = f"max({households} households / {zone_hh} = {_fmt(by_hh)}, {area_text})"
    zones = rounding.round_fraction(exact_zones)
    zone_line = StaffingLine(
        role=Role.CUSTOMER_SERVICE_ZONE,
        exact=exact_zones,
        count=zones,
        explanation=f"{zone_text} → {zones} {how}",
    )
    return StaffingRequirement(
        area_m2=area,
        households=households,
        kind=k,
        phase=ph,
        lines=(security, cleaning, zone_line),
    )


_HOUSEHOLDS = attrs.fields(StaffingRequirement).households


def _share_cap(cap: int, counts: tuple[int, int]) -> tuple[int, int]:
    """Share *cap* people in proportion to *counts* (largest remainder, ties to the first)."""
    total = sum(counts)
    floors = [c * cap // total for c in counts]
    rests = [Fraction(c * cap, total) - f for c, f in zip(counts, floors, strict=True)]
    if sum(floors) < cap:
        floors[1 if rests[1] > rests[0] else 0] += 1
    return floors[0], floors[1]
