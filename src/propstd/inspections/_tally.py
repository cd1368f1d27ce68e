"""The QPI tally: mergeable counts behind the seven indicators (private part of inspections)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from fractions import Fraction
from typing import Any

import attrs

from propstd._time import day_start, zone
from propstd._validators import check_type, is_date, is_int, nonblank, to_fraction, to_tuple
from propstd.calendars import WorkingCalendar
from propstd.errors import InvalidValueError
from propstd.findings import Category, Finding, FindingStatus
from propstd.frequencies import Proration, Schedule
from propstd.inspections._plan import CheckRecord, InspectionPlan
from propstd.periods import Period, PeriodUnit

__all__ = ["Completion", "FindingCount", "QpiTally", "Requirement", "RoundsDone", "qpi_tally"]

_Key = tuple[str, str, date]


def _non_negative(_instance: object, attribute: attrs.Attribute[Any], value: int) -> None:
    is_int(_instance, attribute, value)
    if value < 0:
        msg = f"{attribute.name!r} must not be negative, got {value!r}"
        raise InvalidValueError(msg)


def _positive_fraction(value: object) -> Fraction:
    f = to_fraction("required", value)
    if f <= 0:
        msg = f"'required' must be positive, got {value!r}"
        raise InvalidValueError(msg)
    return f


@attrs.frozen(kw_only=True, order=False)
class Requirement:
    """Checks required from one window of one item (or checklist) of one plan.

    `month` is `None` when the whole window is due in the tallied period; for windows longer
    than a month under `Proration.seed` it is the first day of the month whose share this is.
    """

    plan: str = attrs.field(validator=nonblank)
    """The plan's [identity][propstd.inspections.InspectionPlan.identity]."""
    code: str = attrs.field(validator=nonblank)
    """The item code (check points) or checklist code (rounds)."""
    window: date = attrs.field(validator=is_date)
    """The first day of the window."""
    month: date | None = attrs.field(default=None, validator=attrs.validators.optional(is_date))
    """The month this share belongs to (`None`: the whole window)."""
    required: Fraction = attrs.field(converter=_positive_fraction)
    """Checks required (a fraction for prorated shares)."""

    @property
    def key(self) -> tuple[str, str, date, date]:
        """The requirement's identity: plan, code, window, month."""
        return (self.plan, self.code, self.window, self.month or date.min)


@attrs.frozen(kw_only=True)
class Completion:
    """Raw checks recorded in one window of one item (not capped)."""

    plan: str = attrs.field(validator=nonblank)
    """The plan's identity."""
    code: str = attrs.field(validator=nonblank)
    """The item code."""
    window: date = attrs.field(validator=is_date)
    """The first day of the window."""
    count: int = attrs.field(validator=_non_negative)
    """Records in the window (duplicates included)."""


def _round_ids(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(set(to_tuple(value))))


@attrs.frozen(kw_only=True)
class RoundsDone:
    """The distinct rounds recorded in one window of one checklist."""

    plan: str = attrs.field(validator=nonblank)
    """The plan's identity."""
    code: str = attrs.field(validator=nonblank)
    """The checklist code."""
    window: date = attrs.field(validator=is_date)
    """The first day of the window."""
    rounds: tuple[str, ...] = attrs.field(converter=_round_ids)
    """Round ids (a record's `round_id`, else its local date in ISO form), sorted, unique."""


def _category(value: object) -> Category:
    if isinstance(value, Category):
        return value
    try:
        return Category(check_type("category", value, str))
    except ValueError:
        msg = f"'category' must be one of {', '.join(Category)}, got {value!r}"
        raise InvalidValueError(msg) from None


@attrs.frozen(kw_only=True)
class FindingCount:
    """Findings of one category raised in the period, and how many were closed by its end."""

    category: Category = attrs.field(converter=_category, repr=lambda c: repr(c.value))
    """The findings' category."""
    raised: int = attrs.field(validator=_non_negative)
    """Findings raised in the period (cancelled ones left out)."""
    closed: int = attrs.field(validator=_non_negative)
    """Of those, findings closed (verified) by the period's end."""

    def __attrs_post_init__(self) -> None:
        if self.closed > self.raised:
            msg = f"'closed' {self.closed} must not exceed 'raised' {self.raised}"
            raise InvalidValueError(msg)


def _sorted_requirements(value: Iterable[Requirement]) -> tuple[Requirement, ...]:
    items = to_tuple(value)
    for i, r in enumerate(items):
        check_type(f"requirements[{i}]", r, Requirement)
    return tuple(sorted(items, key=lambda r: r.key))


def _sorted_completions(value: Iterable[Completion]) -> tuple[Completion, ...]:
    items = to_tuple(value)
    for i, c in enumerate(items):
        check_type(f"completions[{i}]", c, Completion)
    return tuple(sorted(items, key=lambda c: (c.plan, c.code, c.window)))


def _sorted_rounds(value: Iterable[RoundsDone]) -> tuple[RoundsDone, ...]:
    items = to_tuple(value)
    for i, c in enumerate(items):
        check_type(f"round_completions[{i}]", c, RoundsDone)
    return tuple(sorted(items, key=lambda c: (c.plan, c.code, c.window)))


def _finding_counts(value: Iterable[FindingCount]) -> tuple[FindingCount, ...]:
    items = to_tuple(value)
    by: dict[Category, FindingCount] = {}
    for i, c in enumerate(items):
        check_type(f"findings[{i}]", c, FindingCount)
        if c.category in by:
            msg = f"'findings' lists category {c.category.value!r} twice"
            raise InvalidValueError(msg)
        by[c.category] = c
    return tuple(by.get(cat, FindingCount(category=cat, raised=0, closed=0)) for cat in Category)


def _unique(name: str, keys: Iterable[object]) -> None:
    seen: set[object] = set()
    for key in keys:
        if key in seen:
            msg = f"{name!r} has two entries for {key!r}"
            raise InvalidValueError(msg)
        seen.add(key)


@attrs.frozen(kw_only=True)
class QpiTally:
    """The counts behind the QPI indicators, mergeable with `+`.

    A tally keeps what each window of each item requires, keyed by window identity (plan,
    code, window start, and the month for prorated shares), and the raw records per window.
    Adding tallies takes the **union** of requirements (the same requirement counts once, so
    partitions of one property-month add up exactly) and **sums** the raw completions; checks
    are capped at what their window requires only when the totals are read. So
    `qpi_tally(a) + qpi_tally(b) == qpi_tally(a ∪ b)` for disjoint record and finding sets.

    Raises:
        InvalidValueError: a requirement, completion or round entry is listed twice, or the
            same requirement carries two amounts when merging.

    Examples:
        >>> QpiTally() + QpiTally() == QpiTally(), sum([QpiTally(), QpiTally()]) == QpiTally()
        (True, True)
    """

    point_requirements: tuple[Requirement, ...] = attrs.field(
        default=(), converter=_sorted_requirements
    )
    """Check points required, per item window."""
    point_completions: tuple[Completion, ...] = attrs.field(
        default=(), converter=_sorted_completions
    )
    """Raw records per item window."""
    round_requirements: tuple[Requirement, ...] = attrs.field(
        default=(), converter=_sorted_requirements
    )
    """Rounds required, per checklist window."""
    round_completions: tuple[RoundsDone, ...] = attrs.field(default=(), converter=_sorted_rounds)
    """Distinct rounds recorded per checklist window."""
    records: int = attrs.field(default=0, validator=_non_negative)
    """Records in the period (duplicates included)."""
    traceable_records: int = attrs.field(default=0, validator=_non_negative)
    """Of those, the traceable ones."""
    findings: tuple[FindingCount, ...] = attrs.field(default=(), converter=_finding_counts)
    """Findings raised and closed, one entry per category."""

    def __attrs_post_init__(self) -> None:
        _unique("point_requirements", (r.key for r in self.point_requirements))
        _unique("round_requirements", (r.key for r in self.round_requirements))
        _unique("point_completions", ((c.plan, c.code, c.window) for c in self.point_completions))
        _unique("round_completions", ((c.plan, c.code, c.window) for c in self.round_completions))
        if self.traceable_records > self.records:
            msg = (
                f"'traceable_records' {self.traceable_records} must not exceed "
                f"'records' {self.records}"
            )
            raise InvalidValueError(msg)

    # -- totals ---------------------------------------------------------------------------

    @property
    def required_points(self) -> Fraction:
        """Check points required (检查点; a fraction under seed proration)."""
        return sum((r.required for r in self.point_requirements), Fraction(0))

    @property
    def completed_points(self) -> Fraction:
        """Check points done: records per window, each window capped at its requirement."""
        done = {(c.plan, c.code, c.window): c.count for c in self.point_completions}
        return _capped(self.point_requirements, done)

    @property
    def required_rounds(self) -> Fraction:
        """Rounds required."""
        return sum((r.required for r in self.round_requirements), Fraction(0))

    @property
    def completed_rounds(self) -> Fraction:
        """Rounds done: distinct rounds per window, each window capped at its requirement."""
        done = {(c.plan, c.code, c.window): len(c.rounds) for c in self.round_completions}
        return _capped(self.round_requirements, done)

    def raised(self, category: Category | str) -> int:
        """Findings of *category* raised in the period."""
        return self._count(category).raised

    def closed(self, category: Category | str) -> int:
        """Findings of *category* raised in the period and closed by its end."""
        return self._count(category).closed

    def _count(self, category: Category | str) -> FindingCount:
        wanted = _category(category)
        return next(c for c in self.findings if c.category is wanted)

    # -- merging --------------------------------------------------------------------------

    def __add__(self, other: object) -> QpiTally:
        if not isinstance(other, QpiTally):
            return NotImplemented
        return QpiTally(
            point_requirements=_union(self.point_requirements, other.point_requirements),
            point_completions=_sum_completions(self.point_completions, other.point_completions),
            round_requirements=_union(self.round_requirements, other.round_requirements),
            round_completions=_union_rounds(self.round_completions, other.round_completions),
            records=self.records + other.records,
            traceable_records=self.traceable_records + other.traceable_records,
            findings=tuple(
                FindingCount(
                    category=a.category, raised=a.raised + b.raised, closed=a.closed + b.closed
                )
                for a, b in zip(self.findings, other.findings, strict=True)
            ),
        )

    def __radd__(self, other: object) -> QpiTally:
        # lets sum(tallies) start from 0
        if isinstance(other, int) and not isinstance(other, bool) and other == 0:
            return self
        return NotImplemented


def _capped(requirements: tuple[Requirement, ...], done: dict[_Key, int]) -> Fraction:
    need: dict[_Key, Fraction] = {}
    for r in requirements:
        key = (r.plan, r.code, r.window)
        need[key] = need.get(key, Fraction(0)) + r.required
    return sum((min(Fraction(done.get(k, 0)), v) for k, v in need.items()), Fraction(0))


def _union(a: tuple[Requirement, ...], b: tuple[Requirement, ...]) -> tuple[Requirement, ...]:
    out = {r.key: r for r in a}
    for r in b:
        mine = out.get(r.key)
        if mine is None:
            out[r.key] = r
        elif mine.required != r.required:
            msg = (
                f"cannot merge tallies: requirement {r.key!r} is {mine.required} in one "
                f"and {r.required} in the other"
            )
            raise InvalidValueError(msg)
    return tuple(out.values())


def _sum_completions(
    a: tuple[Completion, ...], b: tuple[Completion, ...]
) -> tuple[Completion, ...]:
    counts: dict[_Key, int] = {}
    for c in (*a, *b):
        key = (c.plan, c.code, c.window)
        counts[key] = counts.get(key, 0) + c.count
    return tuple(Completion(plan=p, code=c, window=w, count=n) for (p, c, w), n in counts.items())


def _union_rounds(a: tuple[RoundsDone, ...], b: tuple[RoundsDone, ...]) -> tuple[RoundsDone, ...]:
    rounds: dict[_Key, set[str]] = {}
    for c in (*a, *b):
        rounds.setdefault((c.plan, c.code, c.window), set()).update(c.rounds)
    return tuple(RoundsDone(plan=p, code=c, window=w, rounds=r) for (p, c, w), r in rounds.items())


# -- building a tally ---------------------------------------------------------------------


def _requirements(
    plan_id: str,
    code: str,
    schedule: Schedule,
    period: Period,
    proration: Proration,
) -> list[Requirement]:
    frequency = schedule.frequency
    index, start_of = schedule.window_number, schedule.window_start
    if proration is Proration.SEED and frequency.unit.months > 1:
        share = Fraction(frequency.count, frequency.window_months)
        return [
            Requirement(
                plan=plan_id,
                code=code,
                window=start_of(index(month.last)),
                month=month.start,
                required=share,
            )
            for month in period.split(PeriodUnit.MONTH)
        ]
    # windows due (ending) in the period: k with start(k + 1) in (start, end]
    return [
        Requirement(plan=plan_id, code=code, window=start_of(k), required=frequency.count)
        for k in range(index(period.start), index(period.end))
    ]


def qpi_tally(
    plan: InspectionPlan,
    *,
    records: Iterable[CheckRecord],
    findings: Iterable[Finding],
    period: Period,
    calendar: WorkingCalendar,
    proration: Proration = Proration.SEED,
) -> QpiTally:
    """Count one property's checks and findings for a period.

    - **Required check points**: for every item, the windows due in the period (seed
      proration: windows of a month or shorter due in each month; quarterly, half-yearly and
      yearly items as their monthly share 1/3, 1/6, 1/12 of `count`). Rounds likewise from
      each checklist's frequency.
    - **Records**: each record is dated by its local date in the calendar's zone. Records
      dated outside the period are outside the tally (tally the neighbouring period and add
      the tallies to count them); a record counts toward the window of its item that holds
      its date. Records for item codes the plan does not know raise.
    - **Rounds**: a checklist's distinct rounds per window: a record's `round_id`, or for
      records without one, the record's local date (one round per checklist and day).
    - **Traceable records**: inspector named, at least one evidence reference, samples at
      least the item's `samples`.
    - **Findings**: raised in the period (local date of `found_at` in the calendar's zone),
      counted by category, leaving out those cancelled by the period's end; closed = status
      `closed` at the period's end (local midnight after its last day).

    Args:
        plan: the property's inspection plan.
        records: the checks done (any order; duplicates count once per window requirement).
        findings: the findings raised.
        period: the period to tally; whole months under `Proration.seed`.
        calendar: gives the zone that dates records and findings.
        proration: how long windows count into the period (see
            [Frequency.required_in][propstd.frequencies.Frequency.required_in]).

    Raises:
        InvalidValueError: a record names an item the plan does not know (all such codes are
            listed), or the period is not whole months under `Proration.seed`.

    Examples:
        >>> from datetime import date, datetime
        >>> from propstd._time import zone
        >>> from propstd.calendars import ALWAYS_OPEN
        >>> from propstd.frequencies import Frequency
        >>> from propstd.inspections import CheckItem, Checklist
        >>> daily = Frequency.parse("daily")
        >>> plan = InspectionPlan([Checklist("ENV", "环境", [CheckItem("ENV-01", "Lobby clean")],
        ...                                  frequency=daily)], anchor=date(2025, 1, 6))
        >>> at = datetime(2025, 3, 3, 9, 0, tzinfo=zone("UTC"))
        >>> t = qpi_tally(plan, records=[CheckRecord("ENV-01", at, "Li", evidence=["P1"])],
        ...               findings=[], period=Period.parse("2025-03"), calendar=ALWAYS_OPEN)
        >>> t.required_points, t.completed_points, t.records, t.traceable_records
        (Fraction(31, 1), Fraction(1, 1), 1, 1)
    """
    check_type("plan", plan, InspectionPlan)
    check_type("period", period, Period)
    check_type("calendar", calendar, WorkingCalendar)
    how = Proration(proration)
    if how is Proration.SEED and (period.start.day != 1 or period.end.day != 1):
        msg = f"'period' must be whole months under seed proration, got {str(period)!r}"
        raise InvalidValueError(msg)
    tz = zone(calendar.zone)
    pid = plan.identity

    point_req: list[Requirement] = []
    round_req: list[Requirement] = []
    for checklist in plan.checklists:
        round_req += _requirements(
            pid, checklist.code, plan.schedule(checklist.frequency), period, how
        )
        for item in checklist.items:
            freq = plan.schedule(checklist.frequency_of(item))
            point_req += _requirements(pid, item.code, freq, period, how)

    # the hot loop: plain dicts keyed by (code, window number)
    entries = plan._entries
    first, end = period.start, period.end
    done: dict[tuple[str, int], int] = {}
    rounds: dict[tuple[str, int], set[str | date]] = {}
    unknown: set[str] = set()
    n_records = n_traceable = 0
    for record in records:
        entry = entries.get(record.item_code)
        if entry is None:
            unknown.add(record.item_code)
            continue
        day = record.at.astimezone(tz).date()
        if not first <= day < end:
            continue
        n_records += 1
        if record.evidence and record.samples >= entry.item.samples and record.inspector.strip():
            n_traceable += 1
        key = (record.item_code, entry.item_schedule.window_number(day))
        done[key] = done.get(key, 0) + 1
        rkey = (entry.checklist.code, entry.round_schedule.window_number(day))
        found = rounds.get(rkey)
        if found is None:
            rounds[rkey] = found = set()
        found.add(record.round_id or day)
    if unknown:
        msg = f"records name items the plan does not know: {', '.join(sorted(unknown))}"
        raise InvalidValueError(msg)

    completions = [
        Completion(
            plan=pid,
            code=code,
            window=entries[code].item_schedule.window_start(k),
            count=n,
        )
        for (code, k), n in done.items()
    ]
    by_checklist = {c.code: c for c in plan.checklists}
    rounds_done = [
        RoundsDone(
            plan=pid,
            code=code,
            window=plan.schedule(by_checklist[code].frequency).window_start(k),
            rounds=[x if isinstance(x, str) else x.isoformat() for x in ids],
        )
        for (code, k), ids in rounds.items()
    ]

    as_of = day_start(period.end, tz)
    raised = dict.fromkeys(Category, 0)
    closed = dict.fromkeys(Category, 0)
    for finding in findings:
        check_type("findings[]", finding, Finding)
        if not first <= finding.found_at.astimezone(tz).date() < end:
            continue
        status = finding.status(as_of)
        if status is FindingStatus.CANCELLED:
            continue
        raised[finding.category] += 1
        if status is FindingStatus.CLOSED:
            closed[finding.category] += 1

    return QpiTally(
        point_requirements=point_req,
        point_completions=completions,
        round_requirements=round_req,
        round_completions=rounds_done,
        records=n_records,
        traceable_records=n_traceable,
        findings=[FindingCount(category=c, raised=raised[c], closed=closed[c]) for c in Category],
    )
