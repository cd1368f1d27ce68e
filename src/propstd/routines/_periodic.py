"""Routines: compliance of calendar duties, window by window (private part)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

import attrs

from propstd import _time
from propstd._table import Column, Rendered, Table
from propstd._validators import (
    at_least,
    check_type,
    is_date,
    nonblank,
    to_tuple,
    tuple_of,
)
from propstd.calendars import WorkingCalendar
from propstd.errors import InvalidValueError
from propstd.frequencies import Schedule, ShiftPolicy, Window
from propstd.periods import Period
from propstd.rates import Rate
from propstd.routines._records import (
    Routine,
    RoutineEntry,
    check_parts,
    check_period,
    distinct_codes,
    find_duty,
    joined,
    merged_duties,
    records,
)

_SHIFT_MARGIN = timedelta(days=62)
"""How far a shifted due date may move (the documented bound of `Schedule`'s shift)."""


@attrs.frozen(kw_only=True, repr=False)
class RoutineWindow:
    """One window of one routine, due in the period, with the entries that fell in it.

    Counts are raw (not capped), so windows of two partial results add up; the capped figures
    are properties. An entry is `on_time` when its local date is on or before `due` (which
    differs from the window's last day only when the routine shifts due dates).

    Raises:
        TypeError: a field has the wrong type.
        InvalidValueError: a count is negative, `on_time` exceeds `entries`, or the dates are
            out of order.
    """

    code: str = attrs.field(validator=nonblank)
    """The routine."""
    start: date = attrs.field(validator=is_date)
    """The window's first day."""
    end: date = attrs.field(validator=is_date)
    """The day after the window (exclusive)."""
    due: date = attrs.field(validator=is_date)
    """When the window's duties are due."""
    required: int = attrs.field(validator=at_least(1))
    """How many times the routine is required in the window."""
    entries: int = attrs.field(default=0, validator=at_least(0))
    """Entries in the window that count (with evidence where it is required)."""
    on_time: int = attrs.field(default=0, validator=at_least(0))
    """Of those, the entries on or before `due`."""
    unevidenced: int = attrs.field(default=0, validator=at_least(0))
    """Entries in the window not counted because they lack required evidence."""

    def __attrs_post_init__(self) -> None:
        if self.end <= self.start:
            msg = f"'end' {self.end} must be after 'start' {self.start} (window of {self.code})"
            raise InvalidValueError(msg, field="end", value=self.end)
        if self.on_time > self.entries:
            msg = f"'on_time' {self.on_time} must not exceed 'entries' {self.entries}"
            raise InvalidValueError(msg, field="on_time", value=self.on_time)

    @property
    def done(self) -> int:
        """Entries counted toward the requirement: at most `required`."""
        return min(self.entries, self.required)

    @property
    def done_on_time(self) -> int:
        """On-time entries counted: at most `required`."""
        return min(self.on_time, self.required)

    @property
    def missed(self) -> int:
        """Times required but not done."""
        return self.required - self.done

    def _key(self) -> tuple[str, date]:
        return (self.code, self.start)

    def _plus(self, other: RoutineWindow) -> RoutineWindow:
        same = (self.end, self.due, self.required) == (other.end, other.due, other.required)
        if not same:
            msg = f"the windows of {self.code} starting {self.start} differ: {self!r}, {other!r}"
            raise InvalidValueError(msg, field="windows", value=self.code)
        return attrs.evolve(
            self,
            entries=self.entries + other.entries,
            on_time=self.on_time + other.on_time,
            unevidenced=self.unevidenced + other.unevidenced,
        )

    def __repr__(self) -> str:
        return (
            f"RoutineWindow({self.code!r}, {self.start}/{self.end}, due {self.due}, "
            f"{self.done}/{self.required})"
        )


@attrs.frozen(kw_only=True)
class RoutineRow:
    """One routine's figures over the period: required, done, on time, late, missed."""

    code: str
    """The routine's code."""
    title: str
    """Its title."""
    frequency: str
    """Its frequency, in words (`4 times per year`)."""
    windows: int
    """Windows due in the period."""
    required: int
    """Times required in those windows."""
    done: int
    """Times done in them (each window counted up to its requirement)."""
    on_time: int
    """Of those, done by the window's due date."""
    late: int
    """Done in the window but after its due date (`done - on_time`)."""
    missed: int
    """Required but not done (`required - done`)."""
    unevidenced: int
    """Entries not counted for lack of evidence."""
    compliance: Rate
    """Done / required."""


def _to_routines(value: Iterable[Routine]) -> tuple[Routine, ...]:
    return to_tuple(value)


def _to_windows(value: Iterable[RoutineWindow]) -> tuple[RoutineWindow, ...]:
    return tuple(sorted(to_tuple(value), key=RoutineWindow._key))


@attrs.frozen(kw_only=True, repr=False)
class RoutineCompliance(Rendered):
    """Whether the routines of a period were done: per window, per routine, in total.

    Build it with [routine_compliance][propstd.routines.routine_compliance]. Results add up
    (`+`, [sum][propstd.routines.RoutineCompliance.sum]): the results of two parts of the
    log, or of two adjacent periods, add to the result of the whole, because windows keep
    raw counts and are capped only when read.

    Raises:
        TypeError: a field has the wrong type.
        InvalidValueError: a window names a routine not listed, or two windows are the same.
    """

    period: Period = attrs.field(validator=attrs.validators.instance_of(Period))
    """The period whose due windows are counted."""
    routines: tuple[Routine, ...] = attrs.field(converter=_to_routines, validator=tuple_of(Routine))
    """The routines judged."""
    windows: tuple[RoutineWindow, ...] = attrs.field(
        converter=_to_windows, validator=tuple_of(RoutineWindow)
    )
    """Every window due in the period, by routine code and start."""
    other_entries: int = attrs.field(default=0, validator=at_least(0))
    """Log entries of the period naming none of the routines (not counted)."""

    def __attrs_post_init__(self) -> None:
        check_parts("windows", "routine", self.routines, [(w.code, w._key()) for w in self.windows])

    def rows(self) -> tuple[RoutineRow, ...]:
        """One [RoutineRow][propstd.routines.RoutineRow] per routine, in routine order."""
        return tuple(self._row(r) for r in self.routines)

    def _row(self, routine: Routine) -> RoutineRow:
        mine = [w for w in self.windows if w.code == routine.code]
        required = sum(w.required for w in mine)
        done = sum(w.done for w in mine)
        on_time = sum(w.done_on_time for w in mine)
        return RoutineRow(
            code=routine.code,
            title=routine.title,
            frequency=str(routine.frequency),
            windows=len(mine),
            required=required,
            done=done,
            on_time=on_time,
            late=done - on_time,
            missed=required - done,
            unevidenced=sum(w.unevidenced for w in mine),
            compliance=Rate(done, required),
        )

    def routine(self, code: str) -> RoutineRow:
        """The row of routine *code*.

        Raises:
            InvalidValueError: no routine has that code.
        """
        return self._row(find_duty("routine", self.routines, code))

    @property
    def compliance(self) -> Rate:
        """Done / required over every routine (pooled)."""
        return sum((row.compliance for row in self.rows()), Rate(0, 0))

    def __add__(self, other: object) -> RoutineCompliance:
        if not isinstance(other, RoutineCompliance):
            return NotImplemented
        period = joined(self.period, other.period)
        routines = merged_duties("routines", self.routines, other.routines)
        windows = {w._key(): w for w in self.windows}
        for w in other.windows:
            mine = windows.get(w._key())
            windows[w._key()] = w if mine is None else mine._plus(w)
        return RoutineCompliance(
            period=period,
            routines=routines,
            windows=windows.values(),
            other_entries=self.other_entries + other.other_entries,
        )

    @classmethod
    def sum(cls, results: Iterable[RoutineCompliance]) -> RoutineCompliance:
        """The results added up (at least one).

        Raises:
            InvalidValueError: there is no result, or they do not add up (see `+`).
        """
        items = to_tuple(results)
        if not items:
            msg = "'results' must hold at least one RoutineCompliance, got none"
            raise InvalidValueError(msg, field="results", value=items)
        total = check_type("results[0]", items[0], RoutineCompliance)
        for item in items[1:]:
            total = total + check_type("results", item, RoutineCompliance)
        return total

    def _table(self) -> Table:
        rows = self.rows()
        notes = [f"合计 total: {self.compliance}"]
        if self.other_entries:
            notes.append(f"其他 log entries of other duties not counted: {self.other_entries}")
        return Table(
            title=f"例行工作 Routines {self.period}",
            columns=(
                Column("代码 Code"),
                Column("名称 Routine"),
                Column("频次 Frequency"),
                Column("应做 Required", "right"),
                Column("已做 Done", "right"),
                Column("按时 On time", "right"),
                Column("漏做 Missed", "right"),
                Column("无记录 No evidence", "right"),
                Column("完成率 Rate", "right"),
            ),
            rows=tuple(
                (
                    r.code,
                    r.title,
                    r.frequency,
                    str(r.required),
                    str(r.done),
                    str(r.on_time),
                    str(r.missed),
                    str(r.unevidenced),
                    str(r.compliance),
                )
                for r in rows
            ),
            row_classes=tuple("missed" if r.missed else "" for r in rows),
            notes=tuple(notes),
        )

    def __repr__(self) -> str:
        return (
            f"<RoutineCompliance {self.period}: {len(self.routines)} routines, {self.compliance}>"
        )


def _counted_windows(
    routine: Routine, schedule: Schedule, period: Period
) -> dict[date, RoutineWindow]:
    """The routine's windows due in *period*, keyed by start."""
    margin = timedelta(0) if routine.shift is ShiftPolicy.KEEP else _SHIFT_MARGIN
    wide = Period(period.start - margin, period.end + margin)
    out: dict[date, RoutineWindow] = {}
    for w in schedule.windows(wide):
        if w.due in period:
            out[w.start] = _window(routine.code, w)
    return out


def _window(code: str, w: Window) -> RoutineWindow:
    return RoutineWindow(code=code, start=w.start, end=w.end, due=w.due, required=w.required)


def routine_compliance(
    routines: Iterable[Routine],
    log: Iterable[RoutineEntry],
    *,
    period: Period,
    calendar: WorkingCalendar,
) -> RoutineCompliance:
    """Whether each routine was done as often as required in the windows due in *period*.

    Windows follow semantics §7/§14.1: calendar-aligned unless the routine has an anchor (a
    day, an ISO week, a calendar month, quarter, half year or year; `4 times per year` is one
    window of the calendar year needing four). A window is counted in the period its due
    date falls in, with every entry inside it, even before the period starts. An entry counts
    toward the window its date falls in (the local date in the calendar's zone), at most the
    window's requirement; extra entries never fill another window, and a missed window stays
    missed. An entry without evidence does not count for a routine that requires evidence
    (it is reported as `unevidenced`). An entry is on time when its date is on or before the
    window's due date (the last day, or where `shift` moves it off a non-working day).

    Args:
        routines: the routines (distinct codes).
        log: the duty log (entries of other codes are only counted in `other_entries`).
        period: the period whose due windows are judged.
        calendar: the property's calendar: its zone places entries on dates; its working days
            shift due dates of routines with a `shift`.

    Returns:
        The [RoutineCompliance][propstd.routines.RoutineCompliance]; it adds up with `+`.

    Raises:
        TypeError: an argument, a routine or an entry has the wrong type.
        InvalidValueError: two routines share a code; the period is outside years 0002-9998.
        CalendarCoverageError: a shifted due date needs working days the calendar does not
            cover.

    References:
        Seed rules §2 (morning, weekly and monthly meetings with minutes), §6 (four trainings
        a year, a resident forum each quarter).

    Examples:
        >>> from datetime import datetime, timedelta, timezone
        >>> from propstd.calendars import china_calendar
        >>> from propstd.frequencies import Frequency
        >>> tz = timezone(timedelta(hours=8))
        >>> forum = Routine("FORUM", "业主座谈会 owners' forum", Frequency.parse("每季度"))
        >>> log = [RoutineEntry("FORUM", datetime(2025, m, 20, 19, 0, tzinfo=tz), "李经理",
        ...                     evidence=(f"minutes-{m}",)) for m in (2, 5, 11)]
        >>> result = routine_compliance([forum], log, period=Period.parse("2025"),
        ...                             calendar=china_calendar())
        >>> row = result.routine("FORUM")
        >>> row.required, row.done, row.missed, str(row.compliance)
        (4, 3, 1, '75.0% (3/4)')
    """
    duties = records("routines", routines, Routine)
    distinct_codes("routines", duties)
    entries = records("log", log, RoutineEntry)
    check_period(period)
    check_type("calendar", calendar, WorkingCalendar)
    tz = _time.zone(calendar.zone)
    by_code = {r.code: r for r in duties}
    schedules = {r.code: r.schedule(calendar) for r in duties}
    counted = {r.code: _counted_windows(r, schedules[r.code], period) for r in duties}
    raw = {code: {start: [0, 0, 0] for start in ws} for code, ws in counted.items()}
    other = 0
    for e in entries:
        day = e.at.astimezone(tz).date()
        routine = by_code.get(e.code)
        if routine is None:
            other += day in period
            continue
        schedule = schedules[e.code]
        start = schedule.window_start(schedule.window_number(day))
        tally = raw[e.code].get(start)
        if tally is None:
            continue  # the entry's window is due in another period
        if routine.evidence_required and not e.evidence:
            tally[2] += 1
            continue
        tally[0] += 1
        tally[1] += day <= counted[e.code][start].due
    windows = [
        attrs.evolve(
            w,
            entries=raw[code][start][0],
            on_time=raw[code][start][1],
            unevidenced=raw[code][start][2],
        )
        for code, ws in counted.items()
        for start, w in ws.items()
    ]
    return RoutineCompliance(period=period, routines=duties, windows=windows, other_entries=other)
