"""QPI tallies of check records partitioned with dask (`pip install "propstd[dask]"`).

A group's check records (tens of millions of rows) live in a dask DataFrame, partitioned
however they were written. [qpi_tally()][propstd.frames.dask.qpi_tally] tallies one
property's records partition by partition, where each partition lies, and sums the partial
tallies with [QpiTally.sum][propstd.inspections.QpiTally.sum] in a tree;
[group_qpi_tally()][propstd.frames.dask.group_qpi_tally] does the same for many properties at
once (a column names the property, each has its own plan) and gives one tally per property
and their sum. The answer is **exactly** the single-process
[propstd.inspections.qpi_tally][propstd.inspections.qpi_tally] of all the records, for any
partitioning (empty partitions and records from before the period included), because tallies
merge exactly (semantics §8, §14.12).

Nothing here starts a cluster or chooses a scheduler: the work runs on dask's current
scheduler, so the same call runs in one process (`dask.config.set(scheduler="synchronous")`),
on threads, or on a `dask.distributed` cluster of many machines once a `Client` is connected
(each worker needs propstd installed). The how-to page is
[Scale out](../how-to/scale-out.md).

The columns of a check frame are those of the check table (`item_code` 检查项目代码, `at`
检查时间, `inspector` 检查人, `samples` 抽样数, `evidence` 证据, `round_id` 轮次;
`item_code` and `at` required); `at` holds aware instants, or naive wall times read in
`zone=`. Bad columns are refused in the client before anything runs; a bad row raises the
error of [propstd.errors][propstd.errors] naming the partition, the row and the column.

Examples:
    >>> import dask
    >>> import pandas as pd
    >>> from propstd.calendars import ALWAYS_OPEN
    >>> from propstd.frequencies import Frequency
    >>> from propstd.frames.dask import qpi_tally
    >>> from propstd.inspections import CheckItem, Checklist, InspectionPlan
    >>> from propstd.periods import Period
    >>> weekly = Frequency.parse("weekly")
    >>> plan = InspectionPlan(
    ...     [Checklist("ENG", "工程", [CheckItem("ENG-02", "Pump room")], frequency=weekly)],
    ...     name="翠湖花园")
    >>> checks = pd.DataFrame({
    ...     "item_code": ["ENG-02"] * 3,
    ...     "at": pd.to_datetime(["2025-03-03 10:00", "2025-03-10 10:00", "2025-03-17 10:00"]),
    ...     "inspector": ["Wu", "Wu", ""],
    ...     "evidence": ["P1", "P2;P3", None],
    ... })
    >>> with dask.config.set(scheduler="synchronous"):
    ...     tally = qpi_tally(plan, checks, period=Period.parse("2025-03"),
    ...                       calendar=ALWAYS_OPEN, zone="Asia/Shanghai")
    >>> tally.completed_points, tally.required_points, tally.traceable_records
    (Fraction(3, 1), Fraction(5, 1), 2)
"""

from __future__ import annotations

try:  # the optional extra, checked first for a clear message
    import dask  # noqa: F401
except ModuleNotFoundError as exc:  # pragma: no cover - the dask extra is installed for tests
    msg = f"propstd.frames.dask needs dask: pip install 'propstd[dask]' ({exc.name})"
    raise ModuleNotFoundError(msg, name=exc.name) from exc

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from propstd._repr import shown
from propstd._time import zone as _zone
from propstd._validators import check_nonblank, check_type
from propstd._vocab import to_member
from propstd.calendars import WorkingCalendar
from propstd.errors import InvalidValueError
from propstd.findings import ClosureBasis, Finding
from propstd.frames import _dask
from propstd.frames._checks import check_columns
from propstd.frequencies import Proration
from propstd.inspections import InspectionPlan, QpiTally
from propstd.inspections import qpi_tally as _single_tally
from propstd.periods import Period

__all__ = ["GroupTally", "group_qpi_tally", "qpi_tally"]


def __dir__() -> list[str]:
    return __all__


def qpi_tally(
    plan: InspectionPlan,
    checks: Any,
    *,
    findings: Iterable[Finding] = (),
    period: Period,
    calendar: WorkingCalendar,
    zone: str | None = None,
    columns: Mapping[str, str] | None = None,
    proration: Proration | str = Proration.SEED,
    closure_basis: ClosureBasis | str = ClosureBasis.VERIFICATION_DUE,
    split_every: int = 8,
) -> QpiTally:
    """One property's QPI tally from check records partitioned in a dask DataFrame.

    Each partition is turned into [CheckRecord][propstd.inspections.CheckRecord]s and tallied
    where it lies, without findings and without the requirements; one base tally, built in
    the client, holds the requirements and the findings. The tallies are summed with
    `QpiTally.sum` in a tree of fan-in *split_every*. The result equals
    `propstd.inspections.qpi_tally(plan, records=<every row>, findings=findings, ...)`
    exactly, whatever the partitioning. Pass the records of
    [plan.records_needed(period)][propstd.inspections.InspectionPlan.records_needed]: records
    from before the period still count toward windows due in it (§14.2).

    Args:
        plan: the property's inspection plan.
        checks: a dask DataFrame of check records (a pandas DataFrame is one partition).
        findings: the property's findings.
        period: the period to tally (whole months under seed proration).
        calendar: gives the zone that dates records and findings.
        zone: the zone of naive times in `at` (an IANA key); without it naive times are
            refused.
        columns: frame column → check record field, for columns named otherwise
            (`{"检查日期": "at"}`); columns named after a field or its Chinese heading need no
            entry.
        proration: as for [propstd.inspections.qpi_tally][propstd.inspections.qpi_tally].
        closure_basis: as for [propstd.inspections.qpi_tally][propstd.inspections.qpi_tally].
        split_every: how many tallies one node of the tree sums (at least 2).

    Returns:
        The tally, computed on dask's current scheduler.

    Raises:
        TypeError: *checks* is not a DataFrame, or an argument has the wrong type.
        InvalidValueError: a column is unknown or missing, a row is bad (the error names the
            partition, the row and the column), or a check names an item the plan does not
            know.
        NaiveDatetimeError: `at` holds naive times and no *zone* is given.
    """
    base, shared, parts, fan_in = _setup(
        {"": plan},
        {"": calendar},
        findings,
        checks,
        period=period,
        zone=zone,
        columns=columns,
        by=None,
        options=(proration, closure_basis, split_every),
    )
    tallies = [_dask.lazy(_dask.tally_part)(shared, part, where) for part, where in parts]
    tally: QpiTally = _dask.compute(_dask.tree([base, *tallies], _dask.merge_tallies, fan_in))
    return tally


def group_qpi_tally(
    plans: Mapping[str, InspectionPlan],
    checks: Any,
    *,
    by: str = "property",
    findings: Mapping[str, Iterable[Finding]] | None = None,
    period: Period,
    calendar: WorkingCalendar | Mapping[str, WorkingCalendar],
    zone: str | None = None,
    columns: Mapping[str, str] | None = None,
    proration: Proration | str = Proration.SEED,
    closure_basis: ClosureBasis | str = ClosureBasis.VERIFICATION_DUE,
    split_every: int = 8,
) -> GroupTally:
    """A group's QPI tallies, one per property, from one partitioned frame of check records.

    Column *by* names each record's property; each property has its own plan (give each plan
    its property's name: tallies of plans with the same identity would merge as one property,
    so such plans are refused). Each partition is tallied where it lies, per property found
    in it; the base tallies (requirements and findings) are built in the workers too, so a
    property without any record still gets its tally. Everything is summed in one tree, per
    property; each property's tally equals the single-process
    [propstd.inspections.qpi_tally][propstd.inspections.qpi_tally] of its records exactly.

    Args:
        plans: property name → its inspection plan.
        checks: a dask DataFrame of check records with the column *by* (a pandas DataFrame
            is one partition).
        by: the column naming the property of each record.
        findings: property name → its findings (none by default).
        period: the period to tally.
        calendar: one calendar for every property, or property name → calendar.
        zone: the zone of naive times in `at`.
        columns: frame column → check record field (see
            [qpi_tally][propstd.frames.dask.qpi_tally]).
        proration: as for `propstd.inspections.qpi_tally`.
        closure_basis: as for `propstd.inspections.qpi_tally`.
        split_every: how many partial results one node of the tree merges (at least 2).

    Returns:
        A [GroupTally][propstd.frames.dask.GroupTally]: the tally of every property of
        *plans* and their sum.

    Raises:
        TypeError: *checks* is not a DataFrame, or an argument has the wrong type.
        InvalidValueError: no plans, two plans with one identity, findings or calendars of an
            unknown property or a property without a calendar, a bad column or row (a
            property without a plan included: the error names the partition, the row and the
            column).
        NaiveDatetimeError: `at` holds naive times and no *zone* is given.
    """
    named = _plans(plans)
    calendars = _calendars(calendar, named)
    found = _findings(findings, named)
    _base, shared, parts, fan_in = _setup(
        named,
        calendars,
        found.get(next(iter(named)), ()),
        checks,
        period=period,
        zone=zone,
        columns=columns,
        by=check_nonblank("by", by),
        options=(proration, closure_basis, split_every),
    )
    items = [
        _dask.lazy(_dask.bases)(shared, chunk, {n: found[n] for n in chunk if n in found})
        for chunk in _dask.chunks(list(named), _dask.BASES_PER_TASK)
    ]
    items += [_dask.lazy(_dask.group_part)(shared, part, where) for part, where in parts]
    merged = _dask.compute(_dask.tree(items, _dask.merge_groups, fan_in))
    return GroupTally(names=tuple(named), tallies=tuple(merged[n] for n in named))


def _setup(
    plans: Mapping[str, InspectionPlan],
    calendars: Mapping[str, WorkingCalendar],
    findings: Iterable[Finding],
    checks: Any,
    *,
    period: Period,
    zone: str | None,
    columns: Mapping[str, str] | None,
    by: str | None,
    options: tuple[Proration | str, ClosureBasis | str, int],
) -> tuple[QpiTally, Any, list[tuple[Any, str]], int]:
    """Everything checked in the client, before anything runs: the base tally of the first
    plan (which checks plan, findings, period, calendar, proration and closure basis), the
    job shared by the tasks, the partitions with their names, the tree's fan-in."""
    how = to_member("proration", Proration, options[0])
    basis = to_member("closure_basis", ClosureBasis, options[1])
    first = next(iter(plans))
    base = _single_tally(
        plans[first],
        records=(),
        findings=findings,
        period=period,
        calendar=calendars[first],
        proration=how,
        closure_basis=basis,
    )
    names, parts, label = _dask.partitions(checks)
    fan_in = _dask.check_split(options[2])
    job = _dask.Job(
        plans,
        calendars,
        period=period,
        tz=None if zone is None else _zone(zone),
        fields=_fields(names, columns, by),
        by=by,
        proration=how,
        basis=basis,
    )
    named = [(part, label.format(k)) for k, part in enumerate(parts)]
    return base, _dask.lazy(job), named, fan_in


def _fields(
    names: list[object], columns: Mapping[str, str] | None, by: str | None
) -> dict[str, str]:
    if columns is not None:
        _mapping("columns", columns)
    return check_columns(names, columns=columns, keep=() if by is None else (by,))


def _plans(plans: Mapping[str, InspectionPlan]) -> dict[str, InspectionPlan]:
    """The plans by property name, in name order; every plan of its own identity."""
    _mapping("plans", plans)
    if not plans:
        msg = "'plans' must name at least one property, got an empty mapping"
        raise InvalidValueError(msg, field="plans", value=plans)
    named: dict[str, InspectionPlan] = {}
    seen: dict[str, str] = {}
    for name in sorted(plans, key=lambda n: (not isinstance(n, str), str(n))):
        plan = check_type(f"plans[{shown(name)}]", plans[name], InspectionPlan)
        check_nonblank("plans key", name)
        other = seen.setdefault(plan.identity, name)
        if other != name:
            msg = (
                f"the plans of {other!r} and {name!r} have the same identity "
                f"{plan.identity!r}: their tallies would merge as one property (give each "
                "plan its property's name)"
            )
            raise InvalidValueError(msg, field="plans", value=name)
        named[name] = plan
    return named


def _calendars(
    calendar: WorkingCalendar | Mapping[str, WorkingCalendar], plans: Mapping[str, object]
) -> dict[str, WorkingCalendar]:
    if isinstance(calendar, WorkingCalendar):
        return dict.fromkeys(plans, calendar)
    _mapping("calendar", calendar)
    _known("calendar", calendar, plans)
    missing = [n for n in plans if n not in calendar]
    if missing:
        msg = f"'calendar' has no calendar for {', '.join(map(repr, missing[:5]))}"
        raise InvalidValueError(msg, field="calendar", value=tuple(missing))
    return {n: check_type(f"calendar[{n!r}]", calendar[n], WorkingCalendar) for n in plans}


def _findings(
    findings: Mapping[str, Iterable[Finding]] | None, plans: Mapping[str, object]
) -> dict[str, tuple[Finding, ...]]:
    if findings is None:
        return {}
    _mapping("findings", findings)
    _known("findings", findings, plans)
    return {name: tuple(found) for name, found in findings.items()}


def _mapping(name: str, value: object) -> None:
    if not isinstance(value, Mapping):
        msg = f"{name!r} must be a mapping, got {type(value).__name__} {shown(value)}"
        raise TypeError(msg)


def _known(name: str, given: Mapping[Any, object], plans: Mapping[str, object]) -> None:
    unknown = [n for n in given if n not in plans]
    if unknown:
        msg = (
            f"{name!r} names properties without a plan: {', '.join(shown(n) for n in unknown[:5])}"
        )
        raise InvalidValueError(msg, field=name, value=tuple(unknown))


def _names(value: Sequence[str]) -> tuple[str, ...]:
    return tuple(value)


def _tallies(value: Sequence[QpiTally]) -> tuple[QpiTally, ...]:
    return tuple(value)


@attrs.frozen(repr=False)
class GroupTally:
    """The QPI tallies of a group: one per property, and their sum.

    Raises:
        TypeError: a name is not a `str` or a tally not a `QpiTally`.
        InvalidValueError: the names are not unique, or not as many as the tallies.

    Examples:
        >>> group = GroupTally(names=("A", "B"), tallies=(QpiTally(), QpiTally()))
        >>> group, group.tally("A") == QpiTally(), group.total == QpiTally()
        (GroupTally(2 properties, 0 records), True, True)
    """

    names: tuple[str, ...] = attrs.field(converter=_names)
    """The properties, in name order."""
    tallies: tuple[QpiTally, ...] = attrs.field(converter=_tallies)
    """Their tallies, in the order of `names`."""
    total: QpiTally = attrs.field(init=False)
    """The group's tally: every property's summed (`QpiTally.sum`)."""

    def __attrs_post_init__(self) -> None:
        for i, name in enumerate(self.names):
            check_type(f"names[{i}]", name, str)
        for i, tally in enumerate(self.tallies):
            check_type(f"tallies[{i}]", tally, QpiTally)
        if len(set(self.names)) != len(self.names):
            msg = f"'names' must be unique, got {shown(self.names)}"
            raise InvalidValueError(msg, field="names", value=self.names)
        if len(self.names) != len(self.tallies):
            msg = (
                f"'tallies' must hold one tally per name ({len(self.names)}), "
                f"got {len(self.tallies)}"
            )
            raise InvalidValueError(msg, field="tallies", value=len(self.tallies))
        # derived once (a frozen class): the sum is linear in the tallies' size
        object.__setattr__(self, "total", QpiTally.sum(self.tallies))

    def tally(self, name: str) -> QpiTally:
        """The tally of property *name* (`InvalidValueError` if the group has none)."""
        try:
            return self.tallies[self.names.index(name)]
        except ValueError:
            msg = f"the group has no property {shown(name)}"
            raise InvalidValueError(msg, field="name", value=name) from None

    def __len__(self) -> int:
        return len(self.names)

    def __repr__(self) -> str:
        return f"GroupTally({len(self.names)} properties, {self.total.records:,} records)"
