"""Invariants of propstd.frames.deadlines and from_frame (Hypothesis): the vectorised answers
are the scalar ones, row by row."""

from __future__ import annotations

import io
from datetime import UTC, datetime, time, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from propstd._time import local_instant, zone
from propstd.calendars import WorkingCalendar
from propstd.complaints import ComplaintPolicy
from propstd.errors import CalendarCoverageError, InvalidValueError, PropstdError
from propstd.findings import RectificationPolicy, Severity
from propstd.repairs import RepairCategory, RepairLimits
from propstd.standard import PropertyProfile, ServiceStandard
from propstd.tables import TableKind, read_records, write_records
from propstd.timelimits import TimeLimit, deadline
from propstd.timelines import Milestone
from tests.property.test_tables import STRATEGIES
from tests.strategies import (
    CALENDAR_BASES,
    deadline_calendars,
    deadline_starts,
    instants,
    time_limits,
    working_calendars,
)

pd = pytest.importorskip("pandas")
frames = pytest.importorskip("propstd.frames")

PROFILE = PropertyProfile(
    name="P", area_m2=80_000, households=600, kind="residential", phase="operation"
)
EXAMPLES = settings(max_examples=60, deadline=None)


def _utc(t: datetime | None) -> datetime | None:
    return None if t is None else t.astimezone(UTC)


def _column(values: list[datetime | None], zone: str) -> Any:
    """Aware instants as a tz-aware column in *zone* (NaT for None)."""
    return pd.Series(pd.to_datetime(values, utc=True), dtype="datetime64[us, UTC]").dt.tz_convert(
        zone
    )


@st.composite
def calendar_cases(
    draw: st.DrawFn,
) -> tuple[WorkingCalendar, st.SearchStrategy[datetime]]:
    """A calendar and starts for it: the deadline calendars (China's official calendar, DST
    zones, overnight duty) with starts in 2010-2025, or a random calendar (overnight windows,
    holidays, make-up days, closures) with starts in the weeks around its special days."""
    if draw(st.booleans()):
        return draw(deadline_calendars()), deadline_starts()
    base = draw(st.sampled_from(CALENDAR_BASES))
    cal = draw(working_calendars(around=base))
    low = datetime.combine(base, time(0)) - timedelta(days=9)
    return cal, instants(min_value=low, max_value=low + timedelta(days=21))


@st.composite
def repair_frames(draw: st.DrawFn) -> tuple[ServiceStandard, Any, datetime | None]:
    """A standard with random arrival and completion limits (some categories without one),
    and a frame of orders: starts in DST zones, missing starts, done times, appointments."""
    cal, starts_in = draw(calendar_cases())
    limits = st.none() | time_limits(max_amount=40)
    arrival = {c: draw(limits) for c in RepairCategory}
    completion = {c: draw(limits) for c in RepairCategory}
    try:
        table = RepairLimits(
            arrival={c: v for c, v in arrival.items() if v is not None},
            completion={c: v for c, v in completion.items() if v is not None},
        )
    except (InvalidValueError, TypeError):  # TypeError: weeks against minutes (reported)
        table = RepairLimits(arrival={c: v for c, v in arrival.items() if v is not None})
    standard = ServiceStandard(name="P", property=PROFILE, calendars={"office": cal}, repairs=table)
    n = draw(st.integers(0, 8))
    cats = draw(st.lists(st.sampled_from(list(RepairCategory)), min_size=n, max_size=n))
    starts = draw(st.lists(st.none() | starts_in, min_size=n, max_size=n))
    later = st.timedeltas(timedelta(0), timedelta(days=20))
    after = [
        [None if s is None or not draw(st.booleans()) else s + draw(later) for s in starts]
        for _ in range(3)
    ]
    appointments = [
        (s + draw(later)) if s is not None and c is RepairCategory.SCHEDULED else None
        for s, c in zip(starts, cats, strict=True)
    ]
    frame = pd.DataFrame(
        {
            "category": [c.label_zh if draw(st.booleans()) else c.value for c in cats],
            "received_at": _column(starts, draw(st.sampled_from(["UTC", cal.zone]))),
            "arrived_at": _column(after[0], cal.zone),
            "completed_at": _column(after[1], "UTC"),
            "appointment": _column(appointments, cal.zone),
        }
    )
    as_of = draw(st.none() | starts_in)
    return standard, frame, as_of


def _state(due: datetime, start: datetime, done: Any, as_of: datetime | None) -> str | None:
    """The state of one milestone by the words of MilestoneState (overdue: a breach not done);
    compared in UTC (two times of one zone compare as wall times, ignoring `fold`)."""
    due, start = due.astimezone(UTC), start.astimezone(UTC)
    done, as_of = _utc(done), _utc(as_of)
    if as_of is not None and as_of < start:
        return "not_applicable"
    if done is not None and (as_of is None or done <= as_of):
        return "met" if done <= due else "breached"
    if as_of is None:
        return None
    return "pending" if as_of <= due else "overdue"


def _expected(
    standard: ServiceStandard, frame: Any, as_of: datetime | None
) -> dict[str, list[Any]]:
    """Every due and state, one scalar `deadline()` a row (or the error it raises)."""
    cal = standard.calendar("repairs")
    assert standard.repairs is not None
    out: dict[str, list[Any]] = {}
    for name, table, done_column in (
        ("arrival", standard.repairs.arrival, "arrived_at"),
        ("completion", standard.repairs.completion, "completed_at"),
    ):
        dues: list[Any] = []
        states: list[Any] = []
        for i, row in enumerate(frame.itertuples(index=False)):
            category = RepairCategory(row.category)
            limit = table.get(category)
            start = row.received_at
            if category is RepairCategory.SCHEDULED and start is not pd.NaT:
                start = max(start, row.appointment)
            value = frame[done_column].iloc[i]
            done = None if value is pd.NaT else value.to_pydatetime()
            if limit is None:
                dues.append(None)
                states.append("not_set")
            elif start is pd.NaT:
                dues.append(None)
                states.append("not_applicable")
            else:
                due = deadline(start.to_pydatetime(), limit, calendar=cal)
                dues.append(due)
                states.append(_state(due, start.to_pydatetime(), done, as_of))
        out[name] = [dues, states]
    return out


class TestDeadlines:
    """semantics §19: `frames.deadlines` gives the scalar `timelimits.deadline()` per row."""

    @EXAMPLES
    @given(repair_frames())
    def test_repairs_equal_the_scalar_deadline(
        self, case: tuple[ServiceStandard, Any, datetime | None]
    ) -> None:
        """Random limits (natural and working clocks, minutes to years, 0 working days),
        categories without a limit, DST zones, missing starts, done times and as_of: every
        due is `deadline()` of the row's start (its appointment when scheduled), every state
        the MilestoneState rule; where `deadline()` raises, the frame raises the same class."""
        standard, frame, as_of = case
        try:
            want = _expected(standard, frame, as_of)
        except (CalendarCoverageError, InvalidValueError) as exc:
            with pytest.raises(type(exc)):
                frames.deadlines(standard, frame, as_of=as_of)
            return
        got = frames.deadlines(standard, frame, as_of=as_of)
        for name, (dues, states) in want.items():
            column = got[f"{name}_due"]
            assert str(column.dt.tz) == standard.calendar("repairs").zone
            found = [None if t is pd.NaT else t.to_pydatetime() for t in column]
            assert [_utc(t) for t in found] == [_utc(t) for t in dues]
            assert [None if pd.isna(x) else x for x in got[f"{name}_state"]] == states

    @EXAMPLES
    @given(
        deadline_calendars(),
        st.lists(st.none() | deadline_starts(), max_size=8),
        time_limits(max_amount=30),
    )
    def test_complaints_equal_the_scalar_deadline(
        self, cal: WorkingCalendar, starts: list[datetime | None], limit: TimeLimit
    ) -> None:
        """A complaint policy's response limit, for any limit and start: `deadline()`."""
        policy = ComplaintPolicy(response=Milestone("responded", limit, name="response"))
        standard = ServiceStandard(
            name="P", property=PROFILE, calendars={"office": cal}, complaints=policy
        )
        frame = pd.DataFrame({"received_at": _column(starts, cal.zone)})
        try:
            want = [None if s is None else deadline(s, limit, calendar=cal) for s in starts]
        except PropstdError as exc:
            with pytest.raises(type(exc)):
                frames.deadlines(standard, frame, kind="complaints")
            return
        got = frames.deadlines(standard, frame, kind="complaints")
        found = [None if t is pd.NaT else _utc(t.to_pydatetime()) for t in got["response_due"]]
        assert found == [_utc(t) for t in want]
        assert set(got["reply_state"]) <= {"not_set"}

    @EXAMPLES
    @given(calendar_cases(), st.data())
    def test_findings_equal_the_policy_rectify_by(
        self, case: tuple[WorkingCalendar, st.SearchStrategy[datetime]], data: st.DataObject
    ) -> None:
        """Findings of every severity (some without a limit, some without `found_at`),
        rectified or not, in calendars with closures and DST: every due is
        `RectificationPolicy.rectify_by`, every state the MilestoneState rule."""
        cal, starts_in = case
        covered = data.draw(st.lists(st.sampled_from(list(Severity)), min_size=1, unique=True))
        policy = RectificationPolicy(
            limits={s: data.draw(time_limits(max_amount=30)) for s in covered},
            verify_after=TimeLimit.parse("1 working day"),
        )
        standard = ServiceStandard(
            name="P", property=PROFILE, calendars={"office": cal}, rectification=policy
        )
        n = data.draw(st.integers(0, 8))
        severities = data.draw(st.lists(st.sampled_from(list(Severity)), min_size=n, max_size=n))
        found = data.draw(st.lists(st.none() | starts_in, min_size=n, max_size=n))
        later = st.none() | st.timedeltas(timedelta(0), timedelta(days=30))
        fixed = [
            None if f is None else (lambda d: None if d is None else f + d)(data.draw(later))
            for f in found
        ]
        as_of = data.draw(st.none() | starts_in)
        frame = pd.DataFrame(
            {
                "severity": [
                    s.label_zh if data.draw(st.booleans()) else s.value for s in severities
                ],
                "found_at": _column(found, cal.zone),
                "rectified_at": _column(fixed, "UTC"),
            }
        )
        want_due: list[datetime | None] = []
        want_state: list[str | None] = []
        try:
            for s, f, r in zip(severities, found, fixed, strict=True):
                if s not in covered:
                    want_due.append(None)
                    want_state.append("not_set")
                elif f is None:
                    want_due.append(None)
                    want_state.append("not_applicable")
                else:
                    due = policy.rectify_by(f, s, calendar=cal)
                    want_due.append(due)
                    want_state.append(_state(due, f, r, as_of))
        except PropstdError as exc:
            with pytest.raises(type(exc)):
                frames.deadlines(standard, frame, kind="findings", as_of=as_of)
            return
        got = frames.deadlines(standard, frame, kind="findings", as_of=as_of)
        dues = [None if t is pd.NaT else _utc(t.to_pydatetime()) for t in got["rectification_due"]]
        assert dues == [_utc(t) for t in want_due]
        assert [None if pd.isna(x) else x for x in got["rectification_state"]] == want_state

    @EXAMPLES
    @given(
        st.sampled_from(["Europe/Berlin", "America/New_York", "Asia/Shanghai", "UTC"]),
        st.lists(st.none() | st.datetimes(datetime(2010, 1, 1), datetime(2025, 12, 1)), max_size=8),
    )
    def test_naive_wall_times_read_in_zone_as_the_library_places_them(
        self, key: str, walls: list[datetime | None]
    ) -> None:
        """Naive `datetime64` starts with `zone=` give the deadlines of the aware instants
        `_time.local_instant` makes of them (a gap moves forward, an overlap takes its first
        occurrence), the rule of every wall time read in a zone."""
        tz = zone(key)
        cal = WorkingCalendar.weekly(hours="09:00-17:00", zone=key)
        policy = ComplaintPolicy(
            response=Milestone("responded", TimeLimit.parse("3 working hours"), name="response")
        )
        standard = ServiceStandard(
            name="P", property=PROFILE, calendars={"office": cal}, complaints=policy
        )
        naive = pd.DataFrame({"received_at": pd.Series(pd.to_datetime(walls), dtype="M8[us]")})
        placed = [None if w is None else local_instant(w.date(), w.time(), tz) for w in walls]
        aware = pd.DataFrame({"received_at": _column(placed, key)})
        got = frames.deadlines(standard, naive, kind="complaints", zone=key)
        want = frames.deadlines(standard, aware, kind="complaints")
        pd.testing.assert_frame_equal(
            got.drop(columns="received_at"), want.drop(columns="received_at")
        )


class TestFromFrame:
    """semantics §19: `from_frame` reads a frame as `propstd.tables` reads the same table."""

    @settings(max_examples=25, deadline=None)
    @given(st.sampled_from(list(TableKind)), st.data())
    def test_a_table_read_by_pandas_reads_as_the_table(
        self, kind: TableKind, data: st.DataObject
    ) -> None:
        """Any records of any kind, written as CSV and read with `pandas.read_csv` as text,
        give the records `read_records` gives for the same text."""
        records = data.draw(st.lists(STRATEGIES[kind], max_size=4))
        try:
            text = write_records(kind, records, headings=data.draw(st.sampled_from(["en", "zh"])))
        except InvalidValueError:  # a value CSV cannot hold (a list item with ';')
            return
        frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
        assert frames.from_frame(kind, frame, zone=None) == read_records(kind, text)
