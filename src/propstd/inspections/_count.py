"""Building a QPI tally from a plan, check records and findings (private part of inspections)."""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from datetime import UTC, date, datetime, tzinfo

import attrs

from propstd._time import day_start, zone
from propstd._validators import check_type
from propstd._vocab import to_member
from propstd.calendars import WorkingCalendar
from propstd.errors import InvalidValueError
from propstd.findings import (
    Category,
    ClosureBasis,
    Finding,
    FindingStatus,
    closure_counts,
)
from propstd.frequencies import Proration, Schedule
from propstd.inspections._plan import CheckRecord, InspectionPlan, counted_windows
from propstd.inspections._tally import (
    Completion,
    FindingCount,
    QpiTally,
    Requirement,
    RoundsDone,
)
from propstd.periods import Period

__all__ = ["qpi_tally"]


@attrs.frozen
class _Windows:
    """One schedule's windows counted in the period: requirements and a fast membership test."""

    schedule: Schedule
    requirements: tuple[Requirement, ...]
    numbers: frozenset[int]

    @classmethod
    def of(
        cls, plan_id: str, code: str, schedule: Schedule, period: Period, how: Proration
    ) -> _Windows:
        counted = counted_windows(schedule, period, how)
        return cls(
            schedule,
            tuple(
                Requirement(
                    plan=plan_id,
                    code=code,
                    window=schedule.window_start(k),
                    month=month,
                    required=required,
                )
                for k, month, required in counted
            ),
            frozenset(k for k, _month, _required in counted),
        )


@attrs.frozen
class _Item:
    """What counting a record of one item needs: its samples, windows and checklist's windows."""

    samples: int
    checklist: str
    points: _Windows
    rounds: _Windows
    days: dict[date, tuple[int, int, bool, bool]] = attrs.field(factory=dict, eq=False)
    """Per local date: point window, round window, and whether each is counted (a cache)."""

    def place(self, day: date, end: date) -> tuple[int, int, bool, bool]:
        """The windows holding *day* and whether they count (records before *end* only)."""
        found = self.days.get(day)
        if found is None:
            k = self.points.schedule.window_number(day)
            rk = self.rounds.schedule.window_number(day)
            early = day < end
            found = (k, rk, early and k in self.points.numbers, early and rk in self.rounds.numbers)
            self.days[day] = found
        return found


def _items(plan: InspectionPlan, period: Period, how: Proration) -> dict[str, _Item]:
    """Step 1: the windows counted in the period for every item and checklist of the plan."""
    pid = plan.identity
    items: dict[str, _Item] = {}
    for checklist in plan.checklists:
        rounds = _Windows.of(pid, checklist.code, plan.schedule(checklist.frequency), period, how)
        for item in checklist.items:
            schedule = plan.schedule(checklist.frequency_of(item))
            points = _Windows.of(pid, item.code, schedule, period, how)
            items[item.code] = _Item(item.samples, checklist.code, points, rounds)
    return items


@attrs.define
class _Counts:
    """Step 2's running counts (mutable while the records stream by)."""

    points: dict[tuple[str, int], int] = attrs.Factory(dict)
    rounds: dict[tuple[str, int], tuple[set[str], dict[str, set[datetime]]]] = attrs.Factory(dict)
    records: int = 0
    traceable: int = 0
    ignored: int = 0
    unknown: set[str] = attrs.Factory(set)


def _count_records(
    items: dict[str, _Item], records: Iterable[CheckRecord], tz: tzinfo, end: date
) -> _Counts:
    """Step 2: each record counts toward the counted window that holds its local date."""
    n = _Counts()
    given: Iterable[object] = records
    for i, raw in enumerate(given):
        # the message is built only for a wrong type: this loop runs once per record
        record = (
            raw if isinstance(raw, CheckRecord) else check_type(f"records[{i}]", raw, CheckRecord)
        )
        item = items.get(record.item_code)
        if item is None:
            n.unknown.add(record.item_code)
            continue
        k, rk, as_point, as_round = item.place(record.at.astimezone(tz).date(), end)
        if not (as_point or as_round):
            n.ignored += 1
            continue
        n.records += 1
        if record.is_traceable(required_samples=item.samples):
            n.traceable += 1
        if as_point:
            key = (record.item_code, k)
            n.points[key] = n.points.get(key, 0) + 1
        if as_round:
            ids, passes = n.rounds.setdefault((item.checklist, rk), (set(), {}))
            if record.round_id:
                ids.add(record.round_id)
            else:  # aware instants are equal across offsets: one pass per instant
                passes.setdefault(record.item_code, set()).add(record.at)
    if n.unknown:
        codes = sorted(n.unknown)
        more = f" and {len(codes) - 20} more" if len(codes) > 20 else ""
        msg = f"records name items the plan does not know: {', '.join(codes[:20])}{more}"
        raise InvalidValueError(msg, field="records", value=codes)
    return n


def _completions(
    plan: InspectionPlan, items: dict[str, _Item], n: _Counts
) -> tuple[list[Completion], list[RoundsDone]]:
    """Step 3: the raw counts keyed by window start."""
    pid = plan.identity
    points = [
        Completion(plan=pid, code=code, window=items[code].points.schedule.window_start(k), count=c)
        for (code, k), c in n.points.items()
    ]
    round_schedules = {i.checklist: i.rounds.schedule for i in items.values()}
    rounds = []
    for (code, k), (ids, passes) in n.rounds.items():
        schedule = round_schedules[code]
        limit = schedule.frequency.count
        rounds.append(
            RoundsDone(
                plan=pid,
                code=code,
                window=schedule.window_start(k),
                rounds=heapq.nsmallest(limit, ids),
                passes=[
                    f"{item}@{at.astimezone(UTC).isoformat()}"
                    for item, instants in passes.items()
                    for at in heapq.nsmallest(limit, instants)
                ],
                limit=limit,
            )
        )
    return points, rounds


def _count_findings(
    plan: InspectionPlan,
    findings: Iterable[Finding],
    period: Period,
    calendar: WorkingCalendar,
    basis: ClosureBasis,
) -> tuple[list[FindingCount], list[tuple[str, str, str]]]:
    """Step 4: findings raised in the period, and those counted for closure (by *basis*)."""
    given = tuple(findings)
    tz = zone(calendar.zone)
    cut = day_start(period.end, tz)
    closure = {
        c.category: c
        for c in closure_counts(given, period=period, as_of=cut, zone=calendar.zone, basis=basis)
    }  # also refuses a repeated id
    raised = dict.fromkeys(Category, 0)
    used: set[str] = set()
    for f in given:
        if f.status(cut) is FindingStatus.CANCELLED:
            continue
        if f.found_at.astimezone(tz).date() in period:
            raised[f.category] += 1
            used.add(f.id)
        elif basis is ClosureBasis.VERIFICATION_DUE and f.verify_on in period:
            used.add(f.id)  # counted for closure only
    counts = [
        FindingCount(
            category=c, raised=raised[c], counted=closure[c].counted, closed=closure[c].closed
        )
        for c in Category
    ]
    return counts, [(plan.identity, str(period), fid) for fid in sorted(used)]


def qpi_tally(
    plan: InspectionPlan,
    *,
    records: Iterable[CheckRecord],
    findings: Iterable[Finding] = (),
    period: Period,
    calendar: WorkingCalendar,
    proration: Proration | str = Proration.SEED,
    closure_basis: ClosureBasis | str = ClosureBasis.VERIFICATION_DUE,
) -> QpiTally:
    """Count one property's checks and findings for a period.

    - **Required check points**: for every item, the windows *due* in the period (seed
      proration: windows of a month or shorter due in each month; quarterly, half-yearly and
      yearly items as their monthly share 1/3, 1/6, 1/12 of `count`, from the window holding
      the month). Rounds likewise from each checklist's frequency.
    - **Records**: each record is dated by its local date in the calendar's zone and counts
      toward the counted window of its item that holds it, **also before the period starts**
      (a biweekly window 24 Feb - 9 Mar due in March is met by a check on 26 Feb: pass the
      records of
      [InspectionPlan.records_needed][propstd.inspections.InspectionPlan.records_needed]).
      Records on or after the period's end, or in a window not counted here (one due in the
      next period), are counted in `ignored_records` instead. Records for item codes the plan
      does not know raise.
    - **Rounds**: a checklist's rounds per counted window: distinct `round_id`s, or, for
      records without one, the most distinct record instants of any one of its items (a
      2次/日 checklist checked at 09:00 and 17:00 has done both rounds of the day).
    - **Traceable records**: inspector named, at least one evidence reference, samples at
      least the item's `samples`.
    - **Findings**: raised in the period (local date of `found_at` in the calendar's zone),
      counted by category, leaving out those cancelled by the period's end; for closure, the
      findings [closure_counts][propstd.findings.closure_counts] counts with *closure_basis*
      (by default those whose `verify_on` falls in the period, closed when verified as passed
      by the end of that day).

    Args:
        plan: the property's inspection plan.
        records: the checks done (any order; duplicates count once per window requirement).
        findings: the findings raised (none by default).
        period: the period to tally; whole months under `Proration.seed`.
        calendar: gives the zone that dates records and findings.
        proration: how long windows count into the period (see
            [Frequency.required_in][propstd.frequencies.Frequency.required_in]).
        closure_basis: which findings the closure indicator counts.

    Raises:
        InvalidValueError: a record names an item the plan does not know (all such codes are
            listed), two findings share an id, or the period is not whole months under
            `Proration.seed`.

    Examples:
        >>> from datetime import date, datetime
        >>> from propstd._time import zone
        >>> from propstd.calendars import ALWAYS_OPEN
        >>> from propstd.frequencies import Frequency
        >>> from propstd.inspections import CheckItem, Checklist
        >>> daily = Frequency.parse("daily")
        >>> plan = InspectionPlan([Checklist("ENV", "环境", [CheckItem("ENV-01", "Lobby clean")],
        ...                                  frequency=daily)])
        >>> at = datetime(2025, 3, 3, 9, 0, tzinfo=zone("UTC"))
        >>> t = qpi_tally(plan, records=[CheckRecord("ENV-01", at, "Li", evidence=["P1"])],
        ...               period=Period.parse("2025-03"), calendar=ALWAYS_OPEN)
        >>> t.required_points, t.completed_points, t.records, t.traceable_records
        (Fraction(31, 1), Fraction(1, 1), 1, 1)
    """
    check_type("plan", plan, InspectionPlan)
    check_type("period", period, Period)
    check_type("calendar", calendar, WorkingCalendar)
    how = to_member("proration", Proration, proration)
    basis = to_member("closure_basis", ClosureBasis, closure_basis)
    if how is Proration.SEED and (period.start.day != 1 or period.end.day != 1):
        msg = f"'period' must be whole months under seed proration, got {str(period)!r}"
        raise InvalidValueError(msg, field="period", value=period)
    items = _items(plan, period, how)
    counts = _count_records(items, records, zone(calendar.zone), period.end)
    points, rounds = _completions(plan, items, counts)
    finding_counts, keys = _count_findings(plan, findings, period, calendar, basis)
    checklists = {i.checklist: i.rounds for i in items.values()}
    return QpiTally(
        point_requirements=[r for i in items.values() for r in i.points.requirements],
        point_completions=points,
        round_requirements=[r for w in checklists.values() for r in w.requirements],
        round_completions=rounds,
        records=counts.records,
        traceable_records=counts.traceable,
        ignored_records=counts.ignored,
        findings=finding_counts,
        finding_keys=keys,
    )
