"""The service standard's records (private part of propstd.standard)."""

from __future__ import annotations

import types
from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Any

import attrs

from propstd._repr import shown
from propstd._validators import (
    check_int,
    check_text,
    check_type,
    exact_number,
    is_str,
    nonblank,
    to_tuple,
)
from propstd._vocab import to_member
from propstd.budgets import CollectionCurve, VarianceThresholds
from propstd.calendars import WorkingCalendar
from propstd.complaints import ComplaintPolicy
from propstd.errors import InvalidValueError
from propstd.findings import RectificationPolicy
from propstd.inspections import InspectionPlan, QpiTargets
from propstd.repairs import RepairLimits
from propstd.routines import Routine, TriggeredDuty
from propstd.serialization import split_path, to_data
from propstd.staffing import Phase, PropertyKind, StaffingRatios
from propstd.standard._diff import Change, diff, resolves
from propstd.surveys import SurveyPolicy

__all__: list[str] = []

DOMAINS = ("inspections", "findings", "complaints", "repairs", "routines", "budget")
"""The parts of a standard that work on a calendar, each naming one in `calendar_for`."""


def _to_kind(value: PropertyKind | str) -> PropertyKind:
    return to_member("kind", PropertyKind, value)


def _to_phase(value: Phase | str) -> Phase:
    return to_member("phase", Phase, value)


def _area(value: int | Decimal | str) -> Decimal | int:
    if isinstance(value, str):
        try:
            value = Decimal(check_text("area_m2", value).strip().replace(",", ""))
        except InvalidOperation:
            msg = f"'area_m2' must be a number of m² such as '120000', got {shown(value)}"
            raise InvalidValueError(msg, field="area_m2", value=value) from None
    number = exact_number("area_m2", value)
    if number <= 0:
        msg = f"'area_m2' must be positive, got {shown(value)}"
        raise InvalidValueError(msg, field="area_m2", value=value)
    if isinstance(number, Fraction):
        msg = f"'area_m2' must be a whole or decimal number of m², got {shown(value)}"
        raise InvalidValueError(msg, field="area_m2", value=value)
    return number


def _households(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if check_int(attribute.name, value) < 0:
        msg = f"'households' must not be negative, got {shown(value)}"
        raise InvalidValueError(msg, field="households", value=value)


@attrs.frozen(kw_only=True)
class PropertyProfile:
    """What the standard needs to know of the property it governs.

    Examples:
        >>> p = PropertyProfile(name="翠湖花园", area_m2=120_000, households=1_150,
        ...                     kind="综合小区", phase="operation", city="深圳")
        >>> p.kind.value, p.area_m2
        ('residential', 120000)
    """

    name: str = attrs.field(validator=nonblank)
    """The property's name (翠湖花园)."""
    area_m2: Decimal | int = attrs.field(converter=_area)
    """Building area in m² (建筑面积), positive."""
    households: int = attrs.field(validator=_households)
    """Number of households (户数)."""
    kind: PropertyKind = attrs.field(converter=_to_kind)
    """Ordinary residential estate (综合小区) or villas (别墅)."""
    phase: Phase = attrs.field(converter=_to_phase)
    """Normal operation or the show-flat phase (案场)."""
    city: str = attrs.field(default="", validator=is_str)
    """The city, for the reader (深圳)."""


@attrs.frozen(kw_only=True)
class BudgetPolicy:
    """How budget variances are judged and how fee collection should progress."""

    thresholds: VarianceThresholds = attrs.field(
        validator=attrs.validators.instance_of(VarianceThresholds)
    )
    """When a variance must be explained and when spending stops."""
    collection: CollectionCurve = attrs.field(
        validator=attrs.validators.instance_of(CollectionCurve)
    )
    """The target share of the year's fees collected by the end of each month."""


def _frozen_map(value: object) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        msg = f"expected a mapping, got {type(value).__name__} {shown(value)}"
        raise TypeError(msg)
    return types.MappingProxyType(dict(value))


def _calendars(_instance: object, _attribute: object, value: Mapping[object, object]) -> None:
    for name, calendar in value.items():
        if not isinstance(name, str) or not name.strip():
            msg = f"'calendars' must be named by non-empty text, got {shown(name)}"
            raise InvalidValueError(msg, field="calendars", value=name)
        if not isinstance(calendar, WorkingCalendar):
            msg = f"calendars[{name!r}] must be a WorkingCalendar, got {type(calendar).__name__}"
            raise TypeError(msg)
    if "office" not in value:
        known = ", ".join(repr(k) for k in value) or "none"
        msg = f"'calendars' must name an 'office' calendar (the default one), got {known}"
        raise InvalidValueError(msg, field="calendars", value=tuple(value))


def _calendar_for(instance: Any, _attribute: object, value: Mapping[object, object]) -> None:
    for part, name in value.items():
        if part not in DOMAINS:
            parts = ", ".join(DOMAINS)
            msg = f"'calendar_for' names unknown part {shown(part)}; the parts are {parts}"
            raise InvalidValueError(msg, field="calendar_for", value=part)
        if name not in instance.calendars:
            known = ", ".join(repr(k) for k in instance.calendars)
            msg = (
                f"calendar_for[{part!r}] names no calendar of the standard ({known}): {shown(name)}"
            )
            raise InvalidValueError(msg, field=f"calendar_for.{part}", value=name)


def _provenance(_instance: object, _attribute: object, value: Mapping[object, object]) -> None:
    for path, source in value.items():
        if not (isinstance(path, str) and path and isinstance(source, str) and source):
            msg = f"'provenance' maps field paths to sources (text), got {shown((path, source))}"
            raise InvalidValueError(msg, field="provenance", value=path)


def _routines(value: Iterable[Routine]) -> tuple[Routine, ...]:
    duties = tuple(to_tuple(value))
    _unique("routines", duties, Routine)
    return duties


def _triggered(value: Iterable[TriggeredDuty]) -> tuple[TriggeredDuty, ...]:
    duties = tuple(to_tuple(value))
    _unique("triggered", duties, TriggeredDuty)
    return duties


def _unique(name: str, duties: tuple[object, ...], kind: type[Routine | TriggeredDuty]) -> None:
    seen: set[str] = set()
    for i, duty in enumerate(duties):
        if not isinstance(duty, kind):
            msg = f"{name}[{i}] must be a {kind.__name__}, got {type(duty).__name__}"
            raise TypeError(msg)
        if duty.code in seen:
            msg = f"{name}[{i}]: the code {duty.code!r} is used twice"
            raise InvalidValueError(msg, field=f"{name}[{i}].code", value=duty.code)
        seen.add(duty.code)


def _optional(kind: type) -> Any:
    return attrs.validators.optional(attrs.validators.instance_of(kind))


@attrs.frozen(kw_only=True, repr=False)
class ServiceStandard:
    """Everything one property's written standard (物业服务标准) fixes, as one value.

    A part the standard does not fix is `None` (an empty tuple for duties): propstd invents
    no numbers, and [explain()][propstd.standard.ServiceStandard.explain] says what is
    missing. `provenance` says where each number comes from, by dotted field path.
    """

    name: str = attrs.field(validator=nonblank)
    """The standard's name (翠湖花园物业服务标准 2025)."""
    property: PropertyProfile = attrs.field(validator=attrs.validators.instance_of(PropertyProfile))
    """The property it governs."""
    calendars: Mapping[str, WorkingCalendar] = attrs.field(
        converter=_frozen_map, validator=_calendars
    )
    """Working calendars by name; `"office"` is the one every part uses unless told otherwise."""
    calendar_for: Mapping[str, str] = attrs.field(
        factory=dict, converter=_frozen_map, validator=_calendar_for
    )
    """Which calendar a part works on (`{"repairs": "duty"}`); the rest use `"office"`."""
    inspections: InspectionPlan | None = attrs.field(
        default=None, validator=_optional(InspectionPlan)
    )
    """The QPI inspection plan: checklists, items and frequencies."""
    qpi_targets: QpiTargets | None = attrs.field(default=None, validator=_optional(QpiTargets))
    """The targets of the seven QPI indicators."""
    rectification: RectificationPolicy | None = attrs.field(
        default=None, validator=_optional(RectificationPolicy)
    )
    """Rectification limits by severity and the second verification."""
    complaints: ComplaintPolicy | None = attrs.field(
        default=None, validator=_optional(ComplaintPolicy)
    )
    """Complaint limits and the escalation ladder."""
    repairs: RepairLimits | None = attrs.field(default=None, validator=_optional(RepairLimits))
    """The repair time-limit table (工程维修时限表)."""
    budget: BudgetPolicy | None = attrs.field(default=None, validator=_optional(BudgetPolicy))
    """Variance thresholds and the fee collection curve."""
    staffing: StaffingRatios | None = attrs.field(default=None, validator=_optional(StaffingRatios))
    """Staffing ratios (guards, cleaners, customer-service zones)."""
    surveys: SurveyPolicy | None = attrs.field(default=None, validator=_optional(SurveyPolicy))
    """The satisfaction survey: frequency, sampling, targets."""
    routines: tuple[Routine, ...] = attrs.field(default=(), converter=_routines)
    """Duties with a frequency that are not check points (meetings, trainings, drills)."""
    triggered: tuple[TriggeredDuty, ...] = attrs.field(default=(), converter=_triggered)
    """Duties started by an event (逢雨必检: vacant units checked after rain)."""
    provenance: Mapping[str, str] = attrs.field(
        factory=dict, converter=_frozen_map, validator=_provenance
    )
    """Where each number comes from, by dotted field path (`"repairs.arrival.emergency"`)."""

    def __attrs_post_init__(self) -> None:
        if not self.provenance:
            return
        document = to_data(self)
        for path in self.provenance:
            try:
                segments = split_path(path)
            except InvalidValueError:
                segments = None
            if segments is None or not resolves(document, segments):
                msg = (
                    f"provenance names {path!r}, which is not a place in the standard: write a "
                    "document path such as 'repairs.arrival.emergency' or "
                    "'inspections.checklists[\"SEC\"]'"
                )
                raise InvalidValueError(msg, field=f"provenance[{path!r}]", value=path)

    @classmethod
    def preset(cls, name: str, *, property: PropertyProfile) -> ServiceStandard:  # noqa: A002
        """The preset standard *name* (see `preset_names()`) for the property *property*.

        `"seed"` holds the seed company's rules, every number traceable to a seed document;
        `"cpmi-2004-level-1"` to `-3` are examples of the CPMI 2004 residential service
        levels, every number taken from a secondary summary (its provenance says so: confirm
        it before relying on it). A part the source does not fix is left out.

        Raises:
            InvalidValueError: *name* is not a preset.
        """
        from propstd.standard._presets import PRESETS

        if name not in PRESETS:
            msg = f"'name' must be one of {', '.join(PRESETS)}, got {shown(name)}"
            raise InvalidValueError(msg, field="name", value=name)
        return PRESETS[name](check_type("property", property, PropertyProfile))

    def calendar(self, part: str) -> WorkingCalendar:
        """The calendar *part* (`"complaints"`, `"repairs"` ...) works on.

        Raises:
            InvalidValueError: *part* is not a part of a standard.
        """
        if part not in DOMAINS:
            msg = f"'part' must be one of {', '.join(DOMAINS)}, got {shown(part)}"
            raise InvalidValueError(msg, field="part", value=part)
        return self.calendars[self.calendar_for.get(part, "office")]

    # -- text in and out (propstd.standard._io) ------------------------------------------

    @classmethod
    def from_toml(cls, text: str) -> ServiceStandard:
        """The standard written in TOML *text* (the format people edit).

        Raises:
            InvalidDataError: every problem at once, each with its dotted path and line.
        """
        from propstd.standard import _io

        return _io.read(text, "toml")

    @classmethod
    def from_json(cls, text: str) -> ServiceStandard:
        """The standard written in JSON *text* (the format systems exchange).

        Raises:
            InvalidDataError: every problem at once, each with its dotted path and line.
        """
        from propstd.standard import _io

        return _io.read(text, "json")

    def to_toml(self) -> str:
        """The standard as TOML text; `from_toml()` reads it back equal."""
        from propstd.standard import _io

        return _io.write_toml(self)

    def to_json(self) -> str:
        """The standard as JSON text; `from_json()` reads it back equal."""
        from propstd.standard import _io

        return _io.write_json(self)

    def explain(self) -> str:
        """The whole standard in plain words, Chinese terms alongside, for a manager to check
        without reading TOML: every part, what is left open, and where the numbers come from.
        """
        from propstd.standard import _explain

        return _explain.explain(self)

    def diff(self, other: ServiceStandard) -> tuple[Change, ...]:
        """How this standard differs from *other* (a property's against its company preset).

        Each [Change][propstd.standard.Change] names the place by its document path, with
        `old` the value in *other* and `new` the value here; lists of records with a code
        (checklists, items, routines) are matched by code.
        """
        return diff(self, check_type("other", other, ServiceStandard))

    def __repr__(self) -> str:
        return f"<ServiceStandard {self.name!r} for {self.property.name}>"
