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

from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs

from propstd._numbers import check_exponent, check_fraction, plain
from propstd._repr import shown
from propstd._table import Column, Rendered, Table
from propstd._validators import check_int, check_type, exact_number, to_enum
from propstd._vocab import Vocabulary
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


def _enum_repr(value: Vocabulary) -> str:
    return repr(value.value)


class PropertyKind(Vocabulary):
    """The kind of property, which decides how customer-service zones are counted.

    Examples:
        >>> PropertyKind("别墅"), PropertyKind.RESIDENTIAL.label_zh
        (<PropertyKind.VILLA: 'villa'>, '综合小区')
    """

    RESIDENTIAL = "residential", "综合小区", "住宅", "住宅小区", "普通住宅"
    """Apartments and mixed residential estates (综合小区): zones by households or area."""
    VILLA = "villa", "别墅", "别墅区"
    """Villa estates (别墅): zones by households only, fewer per zone."""


class Phase(Vocabulary):
    """The phase of the project.

    Examples:
        >>> Phase("样板房"), Phase("案场"), Phase.OPERATION.label_zh
        (<Phase.SHOW_FLAT: 'show_flat'>, <Phase.SHOW_FLAT: 'show_flat'>, '入伙后')
    """

    OPERATION = "operation", "入伙后", "正常运营", "运营期"
    """Normal operation after the owners have moved in (入伙)."""
    SHOW_FLAT = "show_flat", "样板房", "案场", "样板房阶段"
    """The sales office and show-flat phase (样板房, 案场): security + cleaning capped."""


class Role(Vocabulary):
    """A staffing figure.

    Examples:
        >>> Role("保洁员"), Role.SECURITY.label_zh
        (<Role.CLEANING: 'cleaning'>, '秩序维护员')
    """

    SECURITY = "security", "秩序维护员", "保安", "安保", "秩序维护"
    """Security guards (秩序维护员)."""
    CLEANING = "cleaning", "保洁员", "保洁"
    """Cleaners (保洁员)."""
    CUSTOMER_SERVICE_ZONE = "customer_service_zone", "客服管家片区", "管家片区", "片区"
    """Customer-service manager zones (客服管家片区), one manager each."""


# Areas, ratios and counts of more than 100 digits are refused: far beyond any property, and
# every figure stays printable (Python refuses to print integers of over 4,300 digits).
_LIMIT = 10**100


def _number(name: str, value: object) -> Fraction:
    """An exact number of sensible size as a `Fraction` (floats refused)."""
    number = exact_number(name, value)
    if isinstance(number, Decimal):
        check_exponent(name, number)
    f = check_fraction(name, Fraction(number))
    if abs(f.numerator) >= _LIMIT or f.denominator >= _LIMIT:
        msg = f"{name!r} must be a number of at most 100 digits, got {shown(value)}"
        raise InvalidValueError(msg, field=name, value=value)
    return f


def _positive(name: str, value: object) -> Fraction:
    f = _number(name, value)
    if f <= 0:
        msg = f"{name!r} must be positive, got {shown(value)}"
        raise InvalidValueError(msg, field=name, value=value)
    return f


def _guards(value: object) -> Fraction:
    return _positive("guards_per_10000_m2", value)


def _cleaners(value: object) -> Fraction:
    return _positive("cleaners_per_10000_m2", value)


def _zone_area(value: object) -> Fraction:
    return _positive("zone_area_m2", value)


def _count(name: str, value: object, minimum: int) -> int:
    count = check_int(name, value)
    if count < minimum:
        floor = "not be negative" if minimum == 0 else f"be at least {minimum}"
        msg = f"{name!r} must {floor}, got {shown(value)}"
        raise InvalidValueError(msg, field=name, value=value)
    if count >= _LIMIT:
        msg = f"{name!r} must be a number of at most 100 digits, got {shown(value)}"
        raise InvalidValueError(msg, field=name, value=value)
    return count


def _positive_int(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _count(attribute.name, value, 1)


def _to_rounding(value: Rounding | str) -> Rounding:
    return to_enum("rounding", Rounding, value)


def _fmt(value: Fraction) -> str:
    """`12`, `9.6` (a decimal of at most three places) or `10000/3`."""
    if value.denominator == 1:
        return str(value.numerator)
    exact = plain(value) if (value * 1000).denominator == 1 else None
    if exact is not None:
        return format(exact, "f")  # plain digits whatever the decimal context
    return f"{value.numerator}/{value.denominator}"


@attrs.frozen(kw_only=True)
class StaffingRatios:
    """The staffing ratios, as data.

    Raises:
        InvalidValueError: a ratio, zone size or cap that is not positive (or of more than
            100 digits); an unknown rounding.
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
    """Building area per customer-service zone (residential estates only)."""
    show_flat_cap: int = attrs.field(validator=_positive_int)
    """Most security plus cleaning staff in the show-flat phase."""
    rounding: Rounding = attrs.field(
        default=Rounding.CEILING, converter=_to_rounding, repr=_enum_repr
    )
    """How exact figures become whole people (ceiling: a fraction of a guard is a guard)."""

    @classmethod
    def seed(cls) -> StaffingRatios:
        """The ratios of the source documents.

        One guard and 0.8 cleaners per 10,000 m²; a zone per 400 households or per 80,000 m²
        (the top of the documents' 70,000–80,000 m² range) in an ordinary estate, per 250
        households in a villa estate; a show-flat cap of 15; figures rounded up.

        References:
            Seed rules §5 (staffing): 秩序维护员 1 人/万 m², 保洁员 0.8 人/万 m²; 客服管家片区约
            7-8 万 m² 或约 400 户, 别墅按约 250 户为一个责任区; 样板房阶段秩序加保洁不超过 15 人.
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
    return _number("exact", value)


def _area(value: object) -> Fraction:
    f = _number("area_m2", value)
    if f < 0:
        msg = f"'area_m2' must not be negative, got {shown(value)}"
        raise InvalidValueError(msg, field="area_m2", value=value)
    return f


def _households(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _count(attribute.name, value, 0)


def _lines(value: Iterable[StaffingLine]) -> tuple[StaffingLine, ...]:
    out = tuple(value)
    for i, line in enumerate(out):
        check_type(f"lines[{i}]", line, StaffingLine)
    return out


def _to_role(value: Role | str) -> Role:
    return to_enum("role", Role, value)


def _to_kind(value: PropertyKind | str) -> PropertyKind:
    return to_enum("kind", PropertyKind, value)


def _to_phase(value: Phase | str) -> Phase:
    return to_enum("phase", Phase, value)


def _is_int(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    check_int(attribute.name, value)


@attrs.frozen(kw_only=True)
class StaffingLine:
    """One staffing figure: exact value, rounded count and how it was reached."""

    role: Role = attrs.field(converter=_to_role, repr=_enum_repr)
    """The role."""
    exact: Fraction = attrs.field(converter=_exact)
    """The exact figure before rounding."""
    count: int = attrs.field(validator=_is_int)
    """The whole number of people (or zones)."""
    explanation: str = attrs.field(validator=attrs.validators.instance_of(str))
    """How the figure was computed, in words."""


@attrs.frozen(kw_only=True, repr=False)
class StaffingRequirement(Rendered):
    """The staff a property needs, role by role; printed as a table (`print(need)`).

    Examples:
        >>> need = staffing_requirement(area_m2=120_000, households=1150)
        >>> need
        <StaffingRequirement 120000 m², 1150 households: 12 security, 10 cleaning, 3 zones>
        >>> print(need)  # doctest: +ELLIPSIS
        Staffing for 120000 m², 1150 households (residential 综合小区, operation 入伙后)
        role                        count  explanation
        --------------------------  -----  ---------...
        秩序维护员 security            12  120000 m² × 1 per 10000 m² = 12 → 12 (rounded ceiling)
        保洁员 cleaning                10  120000 m² × 0.8 per 10000 m² = 9.6 → 10 (rounded ceiling)
        客服管家片区 service zones      3  max(1150 households / 400 = 2.875, ...) → 3 (...)
        >>> need.rows()[1].exact, need.rows()[1].role.label_zh
        (Fraction(48, 5), '保洁员')
    """

    area_m2: Fraction = attrs.field(converter=_area)
    """The building area in m²."""
    households: int | None = attrs.field(validator=_households)
    """The number of households, if known."""
    kind: PropertyKind = attrs.field(converter=_to_kind, repr=_enum_repr)
    """Residential (综合小区) or villa (别墅)."""
    phase: Phase = attrs.field(converter=_to_phase, repr=_enum_repr)
    """The project phase."""
    lines: tuple[StaffingLine, ...] = attrs.field(converter=_lines)
    """One line per role."""

    def line(self, role: Role | str) -> StaffingLine:
        """The line of *role*.

        Raises:
            InvalidValueError: *role* is unknown or has no line.
        """
        r = _to_role(role)
        for ln in self.lines:
            if ln.role is r:
                return ln
        msg = f"no staffing line for {r.value!r}"
        raise InvalidValueError(msg, field="role", value=role)

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

    def rows(self) -> tuple[StaffingLine, ...]:
        """The typed rows behind the table: one [StaffingLine][propstd.staffing.StaffingLine]
        per role."""
        return self.lines

    def _title(self) -> str:
        hh = "" if self.households is None else f", {self.households} households"
        kind = f"{self.kind.value} {self.kind.label_zh}"
        phase = f"{self.phase.value} {self.phase.label_zh}"
        return f"Staffing for {_fmt(self.area_m2)} m²{hh} ({kind}, {phase})"

    def _table(self) -> Table:
        names = {Role.CUSTOMER_SERVICE_ZONE: "service zones"}
        return Table(
            title=self._title(),
            columns=(Column("role"), Column("count", "right"), Column("explanation")),
            rows=tuple(
                (
                    f"{ln.role.label_zh} {names.get(ln.role, ln.role.value)}",
                    str(ln.count),
                    ln.explanation,
                )
                for ln in self.lines
            ),
        )

    def __repr__(self) -> str:
        hh = "" if self.households is None else f", {self.households} households"
        counts = f"{self.guards} security, {self.cleaners} cleaning, {self.zones} zones"
        return f"<StaffingRequirement {_fmt(self.area_m2)} m²{hh}: {counts}>"


def staffing_requirement(
    *,
    area_m2: int | Decimal | Fraction,
    households: int | None = None,
    kind: PropertyKind | str = PropertyKind.RESIDENTIAL,
    phase: Phase | str = Phase.OPERATION,
    ratios: StaffingRatios | None = None,
) -> StaffingRequirement:
    """The guards, cleaners and customer-service zones a property needs.

    Guards and cleaners are proportional to the building area. In an ordinary estate (综合小区)
    the zones are the larger of the household count and the area divided by the zone sizes, or
    the area alone when *households* is `None`; a villa estate (别墅) counts households only,
    about 250 a zone (semantics §14.6). Every figure is rounded with `ratios.rounding`. In the
    show-flat phase security plus cleaning is capped at `ratios.show_flat_cap`, the cap shared
    in proportion to the two figures (largest remainder).

    Args:
        area_m2: building area in m² (not negative).
        households: number of households, or `None` when unknown (not for a villa estate).
        kind: residential or villa (replaces the contract's `villa=False` flag); also
            `"综合小区"`, `"别墅"`.
        phase: operation or show-flat (`"入伙后"`, `"样板房"`).
        ratios: the ratios; [StaffingRatios.seed][propstd.staffing.StaffingRatios.seed] when
            `None`.

    Raises:
        InvalidValueError: a negative area or household count, a number of more than 100
            digits; an unknown kind or phase; a villa estate without *households*.
        TypeError: a float area, a non-int household count.

    Examples:
        >>> capped = staffing_requirement(area_m2=400_000, phase="样板房")
        >>> capped.guards, capped.cleaners
        (8, 7)
        >>> staffing_requirement(area_m2=100_000, households=250, kind="别墅").zones
        1
    """
    area = _area(area_m2)
    _households(None, _HOUSEHOLDS, households)
    k = _to_kind(kind)
    ph = _to_phase(phase)
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
    exact_zones, zone_text = _zones(area, households, k, r)
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


def _zones(
    area: Fraction, households: int | None, kind: PropertyKind, r: StaffingRatios
) -> tuple[Fraction, str]:
    """The exact number of customer-service zones and how it was reached."""
    if kind is PropertyKind.VILLA:
        if households is None:
            msg = (
                "'households' is needed for a villa estate: its customer-service zones count "
                f"households only (about {r.villa_zone_households} a zone)"
            )
            raise InvalidValueError(msg, field="households", value=None)
        by_villas = Fraction(households, r.villa_zone_households)
        return by_villas, (
            f"{households} households / {r.villa_zone_households} a villa zone = {_fmt(by_villas)}"
        )
    by_area = area / r.zone_area_m2
    area_text = f"{_fmt(area)} m² / {_fmt(r.zone_area_m2)} m² = {_fmt(by_area)}"
    if households is None:
        return by_area, area_text
    by_hh = Fraction(households, r.zone_households)
    text = f"max({households} households / {r.zone_households} = {_fmt(by_hh)}, {area_text})"
    return max(by_hh, by_area), text


def _share_cap(cap: int, counts: tuple[int, int]) -> tuple[int, int]:
    """Share *cap* people in proportion to *counts* (largest remainder, ties to the first)."""
    total = sum(counts)
    floors = [c * cap // total for c in counts]
    rests = [Fraction(c * cap, total) - f for c, f in zip(counts, floors, strict=True)]
    if sum(floors) < cap:
        floors[1 if rests[1] > rests[0] else 0] += 1
    return floors[0], floors[1]
