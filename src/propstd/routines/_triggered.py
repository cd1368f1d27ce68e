"""Routines: duties started by an event, each trigger judged against its time limit (private)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from datetime import datetime, timedelta, tzinfo
from typing import Any

import attrs

from propstd import _time
from propstd._repr import shown
from propstd._table import Column, Rendered, Table
from propstd._validators import (
    at_least,
    aware,
    check_aware,
    check_type,
    is_str,
    nonblank,
    optional_aware,
    to_tuple,
    tuple_of,
)
from propstd._vocab import to_member
from propstd.calendars import WorkingCalendar
from propstd.errors import InvalidValueError
from propstd.periods import Period
from propstd.rates import Rate
from propstd.routines._records import (
    DutyState,
    RoutineEntry,
    Trigger,
    TriggeredDuty,
    check_parts,
    check_period,
    distinct_codes,
    find_duty,
    joined,
    merged_duties,
    records,
)
from propstd.timelimits import Clock, deadline

_NOTES_SHOWN = 20
"""How many late or missed triggers the text lists before it says how many more there are."""


def _to_state(value: DutyState | str) -> DutyState:
    return to_member("state", DutyState, value)


def _optional_overrun(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and check_type(attribute.name, value, timedelta) <= timedelta(0):
        msg = f"'overrun' must be positive, got {value!r}"
        raise InvalidValueError(msg, field="overrun", value=value)


@attrs.frozen(kw_only=True, repr=False)
class TriggerOutcome:
    """One trigger of one duty: when it was due, when (and by whom) it was done, how it fared.

    Raises:
        TypeError: a field has the wrong type.
        InvalidValueError: `state` and the instants disagree (a late outcome needs a positive
            `overrun`, the others none; `on_time` and `late` need `done_at`).
    """

    code: str = attrs.field(validator=nonblank)
    """The duty."""
    subject: str = attrs.field(validator=is_str)
    """What the trigger concerned (empty for the whole property)."""
    triggered_at: datetime = attrs.field(validator=aware)
    """When the event happened."""
    due_at: datetime = attrs.field(validator=aware)
    """The deadline: the duty's limit from the event, on its clock."""
    state: DutyState = attrs.field(converter=_to_state)
    """On time, late, missed or pending."""
    done_at: datetime | None = attrs.field(default=None, validator=optional_aware)
    """The first log entry of the duty (and subject) at or after the event, if any."""
    done_by: str = attrs.field(default="", validator=is_str)
    """Who did it."""
    overrun: timedelta | None = attrs.field(default=None, validator=_optional_overrun)
    """How late, late only: working time past the deadline for a working limit (or, done the
    same evening with no working time past, the elapsed time); elapsed time for a natural one."""

    def __attrs_post_init__(self) -> None:
        done = self.done_at is not None
        late = self.state is DutyState.LATE
        if done != (self.state in (DutyState.ON_TIME, DutyState.LATE)) or (
            late != (self.overrun is not None)
        ):
            msg = (
                f"'state' {self.state.value} does not fit done_at={shown(self.done_at)}, "
                f"overrun={shown(self.overrun)} ({self.code} at {self.triggered_at.isoformat()})"
            )
            raise InvalidValueError(msg, field="state", value=self.state)

    def _key(self) -> tuple[str, str, datetime]:
        return (self.code, self.subject, _time.to_utc(self.triggered_at))

    def _rank(self) -> tuple[int, datetime, str]:
        # the earlier done wins when two partial results judged the same trigger
        if self.done_at is None:
            return (1, _time.to_utc(self.due_at), "")
        return (0, _time.to_utc(self.done_at), self.done_by)

    def __repr__(self) -> str:
        about = f" {self.subject}" if self.subject else ""
        when = self.triggered_at.isoformat(sep=" ", timespec="minutes")
        return f"TriggerOutcome({self.code}{about} at {when}: {self.state.value})"


@attrs.frozen(kw_only=True)
class TriggeredRow:
    """One triggered duty's figures over the period."""

    code: str
    """The duty's code."""
    title: str
    """Its title."""
    trigger: str
    """The kind of event that starts it."""
    limit: str
    """Its time limit, in words (`1 hour`)."""
    triggers: int
    """Triggers judged in the period."""
    on_time: int
    """Done within the limit."""
    late: int
    """Done after the limit."""
    missed: int
    """Not done, the limit passed."""
    pending: int
    """Not done yet, the limit still ahead of `as_of`."""
    compliance: Rate
    """On time / (on time + late + missed): pending triggers are not judged yet."""


def _to_duties(value: Iterable[TriggeredDuty]) -> tuple[TriggeredDuty, ...]:
    return to_tuple(value)


def _to_outcomes(value: Iterable[TriggerOutcome]) -> tuple[TriggerOutcome, ...]:
    return tuple(sorted(to_tuple(value), key=TriggerOutcome._key))


@attrs.frozen(kw_only=True, repr=False)
class TriggeredCompliance(Rendered):
    """How the triggered duties of a period fared: each trigger, each duty, in total.

    Build it with [triggered_compliance][propstd.routines.triggered_compliance]. Results add
    up with `+` (two parts of the log, or two adjacent periods, with the same `as_of`): a
    trigger judged in both keeps the earlier entry, as the whole log would.

    Raises:
        TypeError: a field has the wrong type.
        InvalidValueError: an outcome names a duty not listed, or a trigger appears twice.
    """

    period: Period = attrs.field(validator=attrs.validators.instance_of(Period))
    """The period whose triggers were judged."""
    as_of: datetime | None = attrs.field(validator=optional_aware)
    """The instant of the judgement (`None`: the log is final, so undone is missed)."""
    duties: tuple[TriggeredDuty, ...] = attrs.field(
        converter=_to_duties, validator=tuple_of(TriggeredDuty)
    )
    """The duties judged."""
    outcomes: tuple[TriggerOutcome, ...] = attrs.field(
        converter=_to_outcomes, validator=tuple_of(TriggerOutcome)
    )
    """One outcome per trigger and duty, by duty code, subject and time."""
    unevidenced: int = attrs.field(default=0, validator=at_least(0))
    """Entries of the period not counted because they lack required evidence."""
    other_entries: int = attrs.field(default=0, validator=at_least(0))
    """Log entries of the period naming none of the duties (not counted)."""

    def __attrs_post_init__(self) -> None:
        check_parts("outcomes", "duty", self.duties, [(o.code, o._key()) for o in self.outcomes])

    def rows(self) -> tuple[TriggeredRow, ...]:
        """One [TriggeredRow][propstd.routines.TriggeredRow] per duty, in duty order."""
        return tuple(self._row(d) for d in self.duties)

    def _row(self, duty: TriggeredDuty) -> TriggeredRow:
        counts = dict.fromkeys(DutyState, 0)
        for o in self.outcomes:
            if o.code == duty.code:
                counts[o.state] += 1
        judged = counts[DutyState.ON_TIME] + counts[DutyState.LATE] + counts[DutyState.MISSED]
        return TriggeredRow(
            code=duty.code,
            title=duty.title,
            trigger=duty.trigger,
            limit=str(duty.limit),
            triggers=sum(counts.values()),
            on_time=counts[DutyState.ON_TIME],
            late=counts[DutyState.LATE],
            missed=counts[DutyState.MISSED],
            pending=counts[DutyState.PENDING],
            compliance=Rate(counts[DutyState.ON_TIME], judged),
        )

    def duty(self, code: str) -> TriggeredRow:
        """The row of duty *code*.

        Raises:
            InvalidValueError: no duty has that code.
        """
        return self._row(find_duty("duty", self.duties, code))

    @property
    def compliance(self) -> Rate:
        """On time / judged over every duty (pooled)."""
        return sum((row.compliance for row in self.rows()), Rate(0, 0))

    def __add__(self, other: object) -> TriggeredCompliance:
        if not isinstance(other, TriggeredCompliance):
            return NotImplemented
        if self.as_of != other.as_of:
            msg = f"only results of one 'as_of' add up; got {self.as_of} and {other.as_of}"
            raise InvalidValueError(msg, field="as_of", value=(self.as_of, other.as_of))
        period = joined(self.period, other.period)
        duties = merged_duties("duties", self.duties, other.duties)
        best = {o._key(): o for o in self.outcomes}
        for o in other.outcomes:
            mine = best.get(o._key())
            if mine is None or o._rank() < mine._rank():
                best[o._key()] = o
        return TriggeredCompliance(
            period=period,
            as_of=self.as_of,
            duties=duties,
            outcomes=best.values(),
            unevidenced=self.unevidenced + other.unevidenced,
            other_entries=self.other_entries + other.other_entries,
        )

    def _notes(self) -> list[str]:
        notes = [f"合计 total: {self.compliance}"]
        bad = [o for o in self.outcomes if o.state in (DutyState.LATE, DutyState.MISSED)]
        for o in bad[:_NOTES_SHOWN]:
            when = o.triggered_at.isoformat(sep=" ", timespec="minutes")
            about = f" ({o.subject})" if o.subject else ""
            due = o.due_at.isoformat(sep=" ", timespec="minutes")
            if o.done_at is None:
                notes.append(f"{o.code}{about} after {when}: 未完成 missed, due {due}")
            else:
                done = o.done_at.isoformat(sep=" ", timespec="minutes")
                notes.append(f"{o.code}{about} after {when}: 超时 late by {o.overrun}, done {done}")
        if len(bad) > _NOTES_SHOWN:
            notes.append(f"... and {len(bad) - _NOTES_SHOWN} more late or missed")
        if self.unevidenced:
            notes.append(f"无记录 entries without required evidence: {self.unevidenced}")
        if self.other_entries:
            notes.append(f"其他 log entries of other duties not counted: {self.other_entries}")
        return notes

    def _table(self) -> Table:
        rows = self.rows()
        when = "" if self.as_of is None else f" as of {self.as_of.isoformat(timespec='minutes')}"
        return Table(
            title=f"触发工作 Triggered duties {self.period}{when}",
            columns=(
                Column("代码 Code"),
                Column("名称 Duty"),
                Column("触发 Trigger"),
                Column("时限 Limit"),
                Column("次数 Triggers", "right"),
                Column("按时 On time", "right"),
                Column("超时 Late", "right"),
                Column("未完成 Missed", "right"),
                Column("未到期 Pending", "right"),
                Column("及时率 Rate", "right"),
            ),
            rows=tuple(
                (
                    r.code,
                    r.title,
                    r.trigger,
                    r.limit,
                    str(r.triggers),
                    str(r.on_time),
                    str(r.late),
                    str(r.missed),
                    str(r.pending),
                    str(r.compliance),
                )
                for r in rows
            ),
            row_classes=tuple("missed" if r.late or r.missed else "" for r in rows),
            notes=tuple(self._notes()),
        )

    def __repr__(self) -> str:
        return (
            f"<TriggeredCompliance {self.period}: {len(self.outcomes)} triggers, {self.compliance}>"
        )


# -- triggered_compliance() ----------------------------------------------------------------


def _overrun(due: datetime, done: datetime, duty: TriggeredDuty, cal: WorkingCalendar) -> timedelta:
    if duty.limit.clock is Clock.WORKING:
        late = cal.working_time_between(due, done)
        if late > timedelta(0):
            return late
    return _time.to_utc(done) - _time.to_utc(due)


def _judge(
    duty: TriggeredDuty,
    trigger: Trigger,
    done: tuple[list[datetime], list[RoutineEntry]],
    *,
    calendar: WorkingCalendar,
    as_of: datetime | None,
) -> TriggerOutcome:
    due = deadline(trigger.at, duty.limit, calendar=calendar)
    instants, entries = done
    i = bisect_left(instants, _time.to_utc(trigger.at))
    state, entry, overrun = DutyState.MISSED, None, None
    if i == len(entries):
        if as_of is not None and _time.to_utc(as_of) <= _time.to_utc(due):
            state = DutyState.PENDING
    else:
        entry = entries[i]
        state = DutyState.ON_TIME
        if _time.to_utc(entry.at) > _time.to_utc(due):
            state, overrun = DutyState.LATE, _overrun(due, entry.at, duty, calendar)
    return TriggerOutcome(
        code=duty.code,
        subject=trigger.subject,
        triggered_at=trigger.at,
        due_at=due,
        state=state,
        done_at=None if entry is None else entry.at,
        done_by="" if entry is None else entry.by,
        overrun=overrun,
    )


def _check_started(
    entry: RoutineEntry, duty: TriggeredDuty, starts: dict[tuple[str, str], list[datetime]]
) -> None:
    """Refuse an entry that no trigger of its duty's kind (and subject) precedes."""
    earlier = starts.get((duty.trigger, entry.subject), [])
    if not earlier or earlier[0] > _time.to_utc(entry.at):
        about = f" for {entry.subject!r}" if entry.subject else ""
        msg = (
            f"log entry {entry.code!r} at {entry.at.isoformat()} by {entry.by!r}{about} comes "
            f"before any {duty.trigger!r} trigger{about} that could have started it; pass "
            "that trigger (also one before the period), or correct the entry"
        )
        raise InvalidValueError(msg, field="log", value=entry)


def triggered_compliance(
    duties: Iterable[TriggeredDuty],
    triggers: Iterable[Trigger],
    log: Iterable[RoutineEntry],
    *,
    period: Period,
    calendar: WorkingCalendar,
    as_of: datetime | None = None,
) -> TriggeredCompliance:
    """How each duty started by an event in *period* fared against its time limit.

    A trigger is judged when its local date (in the calendar's zone) is in *period* (and it
    happened by *as_of*). For each duty started by its kind, the trigger is matched to the
    first log entry of that duty and subject at or after it (entries without evidence do not
    count where the duty requires it): **on time** when done by the deadline
    ([deadline][propstd.timelimits.deadline] of the duty's limit from the trigger: working or
    natural clock as the limit says), **late** with the overrun (working time past the
    deadline for a working limit, elapsed time for a natural one or when the work was done
    the same evening after the close), or, with no entry,
    **missed** (or **pending** while *as_of* is not past the deadline). One entry may answer
    several triggers (two showers, one check after the second). Entries and triggers after
    *as_of* are ignored.

    An entry of a triggered duty dated in the period that no trigger of the duty's kind and
    subject precedes is refused: it was logged before anything started it. Pass every trigger
    you have (those before the period only explain entries).

    Args:
        duties: the triggered duties (distinct codes).
        triggers: the events (rain that stopped, a household moving in).
        log: the duty log (entries of other codes are only counted in `other_entries`).
        period: the dates whose triggers are judged.
        calendar: the calendar of working-clock limits (and the zone for natural ones).
        as_of: the instant of the judgement; `None` when the log is final.

    Returns:
        The [TriggeredCompliance][propstd.routines.TriggeredCompliance]; it adds up with `+`.

    Raises:
        TypeError: an argument, a duty, a trigger or an entry has the wrong type.
        InvalidValueError: two duties share a code; a trigger (kind, subject, instant) is
            listed twice; an entry precedes every trigger that could have started it (`field`
            is `"log"`, `value` the entry).
        NaiveDatetimeError: *as_of* is naive.
        CalendarCoverageError: a working-clock deadline reaches outside the calendar's data.

    References:
        Seed rules §4 (vacant units checked after every rain, 逢雨必检), §6 (standing water
        cleared within an hour after rain).

    Examples:
        >>> from datetime import datetime, timedelta, timezone
        >>> from propstd.calendars import china_calendar
        >>> from propstd.timelimits import TimeLimit
        >>> tz = timezone(timedelta(hours=8))
        >>> water = TriggeredDuty("WATER", "积水清理", "rain", TimeLimit.parse("1小时"))
        >>> rain = Trigger("rain", datetime(2025, 5, 12, 15, 0, tzinfo=tz))
        >>> log = [RoutineEntry("WATER", datetime(2025, 5, 12, 16, 20, tzinfo=tz), "保洁班",
        ...                     evidence=("photo-88",))]
        >>> result = triggered_compliance([water], [rain], log, period=Period.parse("2025-05"),
        ...                               calendar=china_calendar())
        >>> outcome = result.outcomes[0]
        >>> outcome.state.value, str(outcome.overrun)
        ('late', '0:20:00')
    """
    chosen = records("duties", duties, TriggeredDuty)
    distinct_codes("duties", chosen)
    events = records("triggers", triggers, Trigger)
    entries = records("log", log, RoutineEntry)
    check_period(period)
    check_type("calendar", calendar, WorkingCalendar)
    cut = None if as_of is None else _time.to_utc(check_aware("as_of", as_of))
    tz = _time.zone(calendar.zone)
    starts: dict[tuple[str, str], list[datetime]] = {}
    seen: set[tuple[str, str, datetime]] = set()
    for t in events:
        key = (t.kind, t.subject, _time.to_utc(t.at))
        if key in seen:
            msg = f"'triggers' must list each event once, got {t!r} twice"
            raise InvalidValueError(msg, field="triggers", value=t)
        seen.add(key)
        if cut is None or _time.to_utc(t.at) <= cut:
            starts.setdefault((t.kind, t.subject), []).append(_time.to_utc(t.at))
    for found in starts.values():
        found.sort()
    by_code = {d.code: d for d in chosen}
    done, unevidenced, other = _usable(entries, by_code, starts, period=period, tz=tz, cut=cut)
    outcomes = [
        _judge(d, t, done.get((d.code, t.subject), ([], [])), calendar=calendar, as_of=as_of)
        for t in events
        if t.at.astimezone(tz).date() in period and (cut is None or _time.to_utc(t.at) <= cut)
        for d in chosen
        if d.trigger == t.kind
    ]
    return TriggeredCompliance(
        period=period,
        as_of=as_of,
        duties=chosen,
        outcomes=outcomes,
        unevidenced=unevidenced,
        other_entries=other,
    )


def _usable(
    entries: tuple[RoutineEntry, ...],
    by_code: dict[str, TriggeredDuty],
    starts: dict[tuple[str, str], list[datetime]],
    *,
    period: Period,
    tz: tzinfo,
    cut: datetime | None,
) -> tuple[dict[tuple[str, str], tuple[list[datetime], list[RoutineEntry]]], int, int]:
    """The entries that can answer triggers, by (duty, subject) in time order; the entries of
    the period without required evidence; the entries of the period of other codes."""
    grouped: dict[tuple[str, str], list[RoutineEntry]] = {}
    unevidenced = other = 0
    for e in entries:
        if cut is not None and _time.to_utc(e.at) > cut:
            continue
        in_period = e.at.astimezone(tz).date() in period
        duty = by_code.get(e.code)
        if duty is None:
            other += in_period
            continue
        if in_period:
            _check_started(e, duty, starts)
        if duty.evidence_required and not e.evidence:
            unevidenced += in_period
            continue
        grouped.setdefault((e.code, e.subject), []).append(e)
    out = {}
    for key, found in grouped.items():
        found.sort(key=lambda e: (_time.to_utc(e.at), e.by))
        out[key] = ([_time.to_utc(e.at) for e in found], found)
    return out, unevidenced, other
