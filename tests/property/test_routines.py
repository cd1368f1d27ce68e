"""Property tests for propstd.routines: compliance adds up across partitions, counts agree."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from propstd.calendars import china_calendar
from propstd.frequencies import ShiftPolicy
from propstd.periods import Period
from propstd.routines import (
    DutyState,
    Routine,
    RoutineCompliance,
    RoutineEntry,
    Trigger,
    TriggeredCompliance,
    TriggeredDuty,
    routine_compliance,
    triggered_compliance,
)
from propstd.serialization import from_data, to_data
from propstd.timelimits import deadline
from tests.strategies import (
    ROUTINE_TZ,
    routine_entries,
    routines,
    triggered_duties,
    triggers,
)

OFFICE = china_calendar(hours="08:30-12:00,13:30-17:30")
START = datetime(2024, 12, 1, tzinfo=ROUTINE_TZ)
DAYS = 450  # 2024-12-01 .. 2026-02-24: windows due in 2025 and their entries
SUBJECTS = ("", "3-1502", "5-0801")


@st.composite
def routine_sets(draw: st.DrawFn) -> list[Routine]:
    """One to three routines with codes A, B, C."""
    n = draw(st.integers(1, 3))
    return [draw(routines(code=code)) for code in "ABC"[:n]]


@st.composite
def periods_2025(draw: st.DrawFn) -> tuple[Period, date]:
    """A period within 2025 (at least two days) and a day strictly inside it to split it."""
    first = draw(st.dates(date(2025, 1, 1), date(2025, 12, 29)))
    length = draw(st.integers(2, (date(2026, 1, 1) - first).days))
    period = Period(first, first + timedelta(days=length))
    cut = first + timedelta(days=draw(st.integers(1, length - 1)))
    return period, cut


def _log(codes: str) -> st.SearchStrategy[list[RoutineEntry]]:
    return st.lists(routine_entries(codes=[*codes, "X"], start=START, days=DAYS), max_size=40)


@pytest.mark.slow
class TestRoutineCompliance:
    """Semantics §7/§14.1/§14.2: windows counted where due, entries where they fall, capped."""

    @settings(deadline=None)
    @given(routine_sets(), _log("ABC"), periods_2025(), st.data())
    def test_adds_up_across_log_partitions(
        self, duties: list[Routine], log: list[RoutineEntry], span: tuple[Period, date], data: Any
    ) -> None:
        """Any split of the log into two parts gives results that add to the whole."""
        period, _cut = span
        mask = data.draw(st.lists(st.booleans(), min_size=len(log), max_size=len(log)))
        a = [e for e, m in zip(log, mask, strict=True) if m]
        b = [e for e, m in zip(log, mask, strict=True) if not m]
        kw: dict[str, Any] = {"period": period, "calendar": OFFICE}
        whole = routine_compliance(duties, log, **kw)
        assert routine_compliance(duties, a, **kw) + routine_compliance(duties, b, **kw) == whole

    @settings(deadline=None)
    @given(routine_sets(), _log("ABC"), periods_2025())
    def test_adds_up_across_period_partitions(
        self, duties: list[Routine], log: list[RoutineEntry], span: tuple[Period, date]
    ) -> None:
        """The results of two adjacent periods add to the result of both."""
        period, cut = span
        kw: dict[str, Any] = {"calendar": OFFICE}
        first = routine_compliance(duties, log, period=Period(period.start, cut), **kw)
        second = routine_compliance(duties, log, period=Period(cut, period.end), **kw)
        assert first + second == routine_compliance(duties, log, period=period, **kw)

    @settings(deadline=None)
    @given(routine_sets(), _log("ABC"), periods_2025())
    def test_counts_agree(
        self, duties: list[Routine], log: list[RoutineEntry], span: tuple[Period, date]
    ) -> None:
        """Required is count × due dates in the period (the Schedule's own); done ≤ required,
        on time ≤ done, missed and late are the differences; the log order does not matter."""
        period, _cut = span
        result = routine_compliance(duties, log, period=period, calendar=OFFICE)
        for duty, row in zip(duties, result.rows(), strict=True):
            due = duty.schedule(OFFICE).due_dates(period)
            assert row.required == duty.frequency.count * len(due)
            assert 0 <= row.on_time <= row.done <= row.required
            assert row.missed == row.required - row.done
            assert row.late == row.done - row.on_time
            if duty.shift is ShiftPolicy.KEEP:
                assert row.late == 0
        assert routine_compliance(duties, log[::-1], period=period, calendar=OFFICE) == result

    @settings(deadline=None)
    @given(routine_sets(), _log("ABC"), periods_2025())
    def test_round_trip(
        self, duties: list[Routine], log: list[RoutineEntry], span: tuple[Period, date]
    ) -> None:
        """The result survives to_data → JSON → from_data."""
        result = routine_compliance(duties, log, period=span[0], calendar=OFFICE)
        assert from_data(RoutineCompliance, json.loads(json.dumps(to_data(result)))) == result


# -- triggered ----------------------------------------------------------------------------

MAY = Period.parse("2025-05")
T_START = datetime(2025, 4, 25, tzinfo=ROUTINE_TZ)
T_DAYS = 45  # 25 April .. 8 June


@st.composite
def duty_sets(draw: st.DrawFn) -> list[TriggeredDuty]:
    """One to three triggered duties with codes D, E, F."""
    n = draw(st.integers(1, 3))
    return [draw(triggered_duties(code=code)) for code in "DEF"[:n]]


@st.composite
def scenarios(draw: st.DrawFn) -> tuple[list[TriggeredDuty], list[Trigger], list[RoutineEntry]]:
    """Duties, triggers (with one of each kind and subject before any entry) and a log."""
    duties = draw(duty_sets())
    early = [
        Trigger(kind, T_START - timedelta(days=1), subject=s)
        for kind in ("rain", "move_in")
        for s in SUBJECTS
    ]
    events = early + draw(
        st.lists(
            triggers(start=T_START, days=T_DAYS, subjects=SUBJECTS),
            max_size=12,
            unique_by=lambda t: (t.kind, t.subject, t.at),
        )
    )
    codes = [d.code for d in duties] + ["X"]
    log = draw(
        st.lists(
            routine_entries(codes=codes, start=T_START, days=T_DAYS, subjects=SUBJECTS),
            max_size=25,
        )
    )
    return duties, events, log


def _oracle(
    duty: TriggeredDuty, trigger: Trigger, log: list[RoutineEntry]
) -> tuple[DutyState, datetime | None]:
    """Brute force: the earliest entry of the duty and subject at or after the trigger."""
    done = [
        e.at
        for e in log
        if e.code == duty.code
        and e.subject == trigger.subject
        and e.at >= trigger.at
        and (e.evidence or not duty.evidence_required)
    ]
    if not done:
        return DutyState.MISSED, None
    first = min(done)
    due = deadline(trigger.at, duty.limit, calendar=OFFICE)
    return (DutyState.ON_TIME if first <= due else DutyState.LATE), first


@pytest.mark.slow
class TestTriggeredCompliance:
    """Seed rules §4/§6: each trigger matched to the first entry of its duty after it."""

    @settings(deadline=None)
    @given(scenarios())
    def test_matches_the_brute_force_oracle(
        self, case: tuple[list[TriggeredDuty], list[Trigger], list[RoutineEntry]]
    ) -> None:
        """Every outcome equals the brute-force match; every trigger of the period is judged
        once per duty of its kind."""
        duties, events, log = case
        result = triggered_compliance(duties, events, log, period=MAY, calendar=OFFICE)
        by_code = {d.code: d for d in duties}
        judged = [
            (d.code, t.subject, t.at)
            for t in events
            if t.at.date() in MAY
            for d in duties
            if d.trigger == t.kind
        ]
        assert sorted(judged, key=str) == sorted(
            ((o.code, o.subject, o.triggered_at) for o in result.outcomes), key=str
        )
        for o in result.outcomes:
            trigger = next(
                t
                for t in events
                if (t.at, t.subject) == (o.triggered_at, o.subject)
                and t.kind == by_code[o.code].trigger
            )
            assert (o.state, o.done_at) == _oracle(by_code[o.code], trigger, log)
        for row in result.rows():
            assert row.on_time + row.late + row.missed + row.pending == row.triggers
            assert row.pending == 0

    @settings(deadline=None)
    @given(scenarios(), st.data())
    def test_adds_up_across_log_partitions(
        self, case: tuple[list[TriggeredDuty], list[Trigger], list[RoutineEntry]], data: Any
    ) -> None:
        """Any split of the log gives results that add to the whole (the earlier entry wins)."""
        duties, events, log = case
        mask = data.draw(st.lists(st.booleans(), min_size=len(log), max_size=len(log)))
        a = [e for e, m in zip(log, mask, strict=True) if m]
        b = [e for e, m in zip(log, mask, strict=True) if not m]
        kw: dict[str, Any] = {"period": MAY, "calendar": OFFICE}
        whole = triggered_compliance(duties, events, log, **kw)
        parts = triggered_compliance(duties, events, a, **kw) + triggered_compliance(
            duties, events, b, **kw
        )
        assert parts == whole

    @settings(deadline=None)
    @given(scenarios(), st.integers(1, 30))
    def test_adds_up_across_period_partitions(
        self, case: tuple[list[TriggeredDuty], list[Trigger], list[RoutineEntry]], cut: int
    ) -> None:
        """Two adjacent parts of May add to May."""
        duties, events, log = case
        mid = date(2025, 5, 1) + timedelta(days=cut)
        kw: dict[str, Any] = {"calendar": OFFICE}
        first = triggered_compliance(duties, events, log, period=Period(MAY.start, mid), **kw)
        second = triggered_compliance(duties, events, log, period=Period(mid, MAY.end), **kw)
        assert first + second == triggered_compliance(duties, events, log, period=MAY, **kw)

    @settings(deadline=None)
    @given(scenarios(), st.integers(0, 40 * 24))
    def test_as_of_only_delays(
        self, case: tuple[list[TriggeredDuty], list[Trigger], list[RoutineEntry]], hours: int
    ) -> None:
        """Judged as of an instant, an outcome is the final one, or pending (or missed when
        its entry is still to come), never on time where the final one is late."""
        duties, events, log = case
        as_of = T_START + timedelta(hours=hours)
        now = triggered_compliance(duties, events, log, period=MAY, calendar=OFFICE, as_of=as_of)
        final = {
            o._key(): o
            for o in triggered_compliance(duties, events, log, period=MAY, calendar=OFFICE).outcomes
        }
        for o in now.outcomes:
            end = final[o._key()]
            if o.state is DutyState.PENDING:
                assert o.due_at >= as_of
            elif o.state is DutyState.MISSED:
                assert end.state in (DutyState.MISSED, DutyState.LATE)
            else:
                assert (o.state, o.done_at) == (end.state, end.done_at)

    @settings(deadline=None)
    @given(scenarios())
    def test_round_trip(
        self, case: tuple[list[TriggeredDuty], list[Trigger], list[RoutineEntry]]
    ) -> None:
        """The result and its records survive to_data → JSON → from_data."""
        duties, events, log = case
        result = triggered_compliance(duties, events, log, period=MAY, calendar=OFFICE)
        for value in (result, *duties, *events[:3], *log[:3]):
            assert from_data(type(value), json.loads(json.dumps(to_data(value)))) == value
        assert isinstance(result, TriggeredCompliance)
