"""Properties of propstd.timelines: pauses, reopen and priority-change policies."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from propstd._time import MAX_DATE, MIN_DATE, to_utc
from propstd._vocab import Vocabulary
from propstd.calendars import ALWAYS_OPEN, WorkingCalendar
from propstd.errors import InvalidValueError
from propstd.timelimits import Clock, TimeLimit, TimeUnit, deadline
from propstd.timelines import (
    EventKind,
    Milestone,
    MilestoneState,
    MilestoneStatus,
    PriorityChangePolicy,
    Received,
    ReopenPolicy,
    Timeline,
    TimelineState,
)
from tests.strategies import (
    deadline_calendars,
    milestones,
    timeline_instants,
    timelines,
    vocabulary_spellings,
)


def _utc(t: datetime) -> datetime:
    return to_utc(t)


class TestPauses:
    """semantics §6: "Pauses extend a milestone's deadline by the paused time in the milestone's
    clock (working time for a working clock), and only for milestones that allow pausing"."""

    @pytest.mark.slow
    @given(
        timelines(kinds=("paused", "resumed", "contacted", "priority_changed", "responded")),
        milestones(priority_change=None),
        deadline_calendars(),
        st.integers(0, 60 * 24 * 10),
    )
    def test_a_pause_never_shortens_a_deadline(
        self, timeline: Timeline, milestone: Milestone, calendar: WorkingCalendar, later: int
    ) -> None:
        """The pausable milestone is never due before the same milestone without pausing
        (for the retroactive policy only without priority changes: it re-dates the start)."""
        if milestone.priority_change is PriorityChangePolicy.RETROACTIVE:
            timeline = Timeline(
                tuple(e for e in timeline.events if e.kind is not EventKind.PRIORITY_CHANGED)
            )
        as_of = timeline.events[-1].at + timedelta(minutes=later)
        on = Milestone(
            milestone.target,
            milestone.limit,
            pausable=True,
            reopen=milestone.reopen,
            priority_change=milestone.priority_change,
            priority_limits=milestone.priority_limits,
        )
        off = Milestone(
            milestone.target,
            milestone.limit,
            pausable=False,
            reopen=milestone.reopen,
            priority_change=milestone.priority_change,
            priority_limits=milestone.priority_limits,
        )
        with_pause = timeline.status(on, calendar=calendar, as_of=as_of)
        without = timeline.status(off, calendar=calendar, as_of=as_of)
        assert with_pause.due_at is not None
        assert without.due_at is not None
        assert _utc(with_pause.due_at) >= _utc(without.due_at)

    @given(
        timeline_instants(),
        st.integers(1, 40),
        st.integers(0, 60 * 8),
        st.integers(0, 60 * 24 * 5),
        deadline_calendars(),
        st.sampled_from((TimeUnit.HOUR, TimeUnit.DAY)),
    )
    def test_working_pause_moves_the_deadline_by_exactly_its_working_time(
        self,
        start: datetime,
        amount: int,
        pause_after: int,
        pause_for: int,
        calendar: WorkingCalendar,
        unit: TimeUnit,
    ) -> None:
        """Pausing for working time P moves a pausable working-clock deadline by exactly P."""
        limit = TimeLimit(amount, unit, Clock.WORKING)
        m = Milestone("completed", limit, pausable=True)
        plain = Timeline.start(start)
        a = start + timedelta(minutes=pause_after)
        b = a + timedelta(minutes=pause_for)
        base = plain.status(m, calendar=calendar, as_of=start)
        assert base.due_at is not None
        if _utc(a) > _utc(base.due_at):
            return  # a pause after the deadline does not count (tested in the unit tables)
        paused = plain.paused(a, "parts").resumed(b)
        moved = paused.status(m, calendar=calendar, as_of=b)
        assert moved.due_at is not None
        p = calendar.working_time_between(a, b)
        assert moved.paused == p
        assert calendar.working_time_between(base.due_at, moved.due_at) == p


def _restart_view(timeline: Timeline) -> Timeline:
    """The timeline from its last reopen, with the reopen as the receipt."""
    events = timeline.events
    last = max(
        i for i, e in enumerate(events) if e.kind in (EventKind.RECEIVED, EventKind.REOPENED)
    )
    return Timeline((Received(events[last].at), *events[last + 1 :]))


class TestReopen:
    """semantics §6: "ReopenPolicy.continue_clock (time while closed counts as paused; the
    original deadline applies), ReopenPolicy.restart (a new clock from the reopen instant)"."""

    @pytest.mark.slow
    @given(timelines(), milestones(), deadline_calendars(), st.integers(0, 60 * 24 * 10))
    def test_restart_judges_the_last_cycle_alone(
        self, timeline: Timeline, milestone: Milestone, calendar: WorkingCalendar, later: int
    ) -> None:
        """Under restart the status is that of the last cycle seen as a new request."""
        m = Milestone(
            milestone.target,
            milestone.limit,
            pausable=milestone.pausable,
            reopen=ReopenPolicy.RESTART,
        )
        as_of = timeline.events[-1].at + timedelta(minutes=later)
        whole = timeline.status(m, calendar=calendar, as_of=as_of)
        alone = _restart_view(timeline).status(m, calendar=calendar, as_of=as_of)
        assert (whole.state, whole.due_at, whole.done_at) == (
            alone.state,
            alone.due_at,
            alone.done_at,
        )

    @pytest.mark.slow
    @given(
        timelines(kinds=("responded", "closed", "reopened", "contacted")),
        milestones(),
        deadline_calendars(),
    )
    def test_continue_clock_never_ends_before_the_original_deadline(
        self, timeline: Timeline, milestone: Milestone, calendar: WorkingCalendar
    ) -> None:
        """Under continue-clock the deadline is the original one, extended by closed time."""
        m = Milestone(milestone.target, milestone.limit, reopen=ReopenPolicy.CONTINUE_CLOCK)
        s = timeline.status(m, calendar=calendar, as_of=timeline.events[-1].at)
        original = deadline(timeline.received_at, milestone.limit, calendar=calendar)
        assert s.due_at is not None
        assert _utc(s.due_at) >= _utc(original)
        if timeline.reopen_count == 0:
            assert s.due_at == original


class TestPriorityChange:
    """semantics §6: "retroactive (new limit from the original start), from_change (new limit
    from the change instant), proportional (the remaining fraction of the old limit is applied
    to the new one)"."""

    @given(
        timeline_instants(),
        st.integers(1, 48),
        st.integers(0, 48),
        st.data(),
        st.sampled_from(PriorityChangePolicy),
    )
    def test_one_change(
        self,
        start: datetime,
        old_hours: int,
        new_hours: int,
        data: st.DataObject,
        policy: PriorityChangePolicy,
    ) -> None:
        """One change before the deadline places it as the policy says (natural hours)."""
        change_after = data.draw(st.integers(0, old_hours * 60))
        c = start + timedelta(minutes=change_after)
        old, new = TimeLimit.hours(old_hours), TimeLimit.hours(new_hours)
        m = Milestone("completed", old, priority_change=policy, priority_limits={"urgent": new})
        t = Timeline.start(start).priority_changed(c, "urgent")
        s = t.status(m, calendar=ALWAYS_OPEN, as_of=c)
        assert s.limit == new
        if policy is PriorityChangePolicy.RETROACTIVE:
            expected = start + new.duration
        elif policy is PriorityChangePolicy.FROM_CHANGE:
            expected = c + new.duration
        else:
            left = Fraction(old_hours * 60 - change_after, old_hours * 60)
            expected = c + timedelta(
                microseconds=round(left * (new.duration // timedelta(microseconds=1)))
            )
        assert s.due_at == expected

    @pytest.mark.slow
    @given(timelines(), milestones(), deadline_calendars(), st.integers(0, 60 * 24 * 10))
    def test_status_is_consistent(
        self, timeline: Timeline, milestone: Milestone, calendar: WorkingCalendar, later: int
    ) -> None:
        """Every status is self-consistent: met/breached by the deadline, one of remaining and
        overrun zero, pauses adding up."""
        as_of = timeline.events[-1].at + timedelta(minutes=later)
        s = timeline.status(milestone, calendar=calendar, as_of=as_of)
        assert s.paused == sum((p.counted for p in s.pauses), timedelta(0))
        if s.state is MilestoneState.NOT_APPLICABLE:
            assert s.due_at is None
            return
        assert s.due_at is not None
        when = as_of if s.done_at is None else s.done_at
        late = _utc(when) > _utc(s.due_at)
        assert (s.state is MilestoneState.BREACHED) == late
        assert s.remaining == timedelta(0) or s.overrun == timedelta(0)
        assert s.remaining >= timedelta(0)
        assert s.overrun >= timedelta(0)


class TestStartAt:
    """`Timeline.status(..., start_at=)` docs: the clock starts at *start_at* "instead of at
    the `start` event, unless that event is later"."""

    @pytest.mark.slow
    @given(timelines(), milestones(), deadline_calendars(), st.integers(0, 60 * 24 * 10))
    def test_start_at_receipt_changes_nothing(
        self, timeline: Timeline, milestone: Milestone, calendar: WorkingCalendar, later: int
    ) -> None:
        """Starting the clock at the received instant is the same as not saying it."""
        as_of = timeline.events[-1].at + timedelta(minutes=later)
        plain = timeline.status(milestone, calendar=calendar, as_of=as_of)
        held = timeline.status(
            milestone, calendar=calendar, as_of=as_of, start_at=timeline.received_at
        )
        assert held == plain


class TestVocabularies:
    """semantics §14.7: "Every enum reads its English value, its Chinese label and the seeds'
    words, ignoring case and surrounding blanks ... Values are written back in English"."""

    @given(
        vocabulary_spellings(
            EventKind, TimelineState, MilestoneState, ReopenPolicy, PriorityChangePolicy
        )
    )
    def test_every_word_reads_back(self, spelling: tuple[Vocabulary, str]) -> None:
        """Each accepted word, in any case and with blanks around it, names its member, whose
        value (what is written back) is English."""
        member, text = spelling
        assert type(member)(text) is member
        assert member.value.isascii()


class TestEdges:
    """semantics §14.10: "dates outside 0002–9998 raise InvalidValueError ..., never
    OverflowError"."""

    @given(
        st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31, 23, 59)),
        st.integers(-14 * 60, 14 * 60),
    )
    def test_any_instant_is_accepted_or_refused_by_name(self, local: datetime, offset: int) -> None:
        """A timeline at any instant of any offset either judges its response or raises a
        named error; inside the years 0002-9998 it is accepted."""
        at = local.replace(tzinfo=timezone(timedelta(minutes=offset)))
        milestone = Milestone("responded", TimeLimit.hours(1))
        if MIN_DATE <= local.date() <= MAX_DATE:
            status = Timeline.start(at).status(milestone, calendar=ALWAYS_OPEN, as_of=at)
            assert status.state is MilestoneState.PENDING
        else:
            with pytest.raises(InvalidValueError) as info:
                Timeline.start(at)
            assert (info.value.field, info.value.value) == ("at", at)


class TestTheOneRule:
    """semantics §0: "A deadline is inclusive: work done exactly at the deadline is on time;
    `as_of > deadline` is overdue"."""

    @given(timeline_instants(), st.integers(0, 10_000), st.integers(0, 20_000), st.booleans())
    def test_from_deadline(self, start: datetime, limit: int, later: int, done: bool) -> None:
        """Met or pending exactly when the decisive instant is at or before the deadline; at
        most one of `remaining` and `overrun` is non-zero; overdue means breached and open."""
        milestone = Milestone("completed", TimeLimit.minutes(limit))
        due = start + timedelta(minutes=limit)
        when = start + timedelta(minutes=later)
        s = MilestoneStatus.from_deadline(
            milestone,
            limit=milestone.limit,
            start_at=start,
            due_at=due,
            done_at=when if done else None,
            as_of=when,
            calendar=ALWAYS_OPEN,
        )
        on_time = to_utc(when) <= to_utc(due)
        assert (s.state in (MilestoneState.MET, MilestoneState.PENDING)) == on_time
        assert not (s.remaining and s.overrun)
        assert s.remaining + s.overrun == abs(due - when)
        assert s.is_overdue == (not on_time and not done)
