"""Properties of propstd.complaints: escalation monotonicity, VIP, round trip."""

from __future__ import annotations

import json
from datetime import timedelta

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from propstd._vocab import Vocabulary
from propstd.calendars import WorkingCalendar
from propstd.complaints import (
    Channel,
    Complaint,
    ComplaintLevel,
    ComplaintPolicy,
    EscalationReason,
    WarningKind,
    daily_stocktake,
    escalation_status,
)
from propstd.serialization import from_data, to_data
from propstd.timelines import MilestoneState
from tests.strategies import (
    complaint_policies,
    complaints,
    deadline_calendars,
    vocabulary_spellings,
)


class TestEscalation:
    """semantics §10: the ladder's steps follow the time a complaint stays unresolved; "vip
    starts at the step whose role the policy names for VIPs"."""

    @pytest.mark.slow
    @given(
        complaints(),
        complaint_policies(),
        deadline_calendars(),
        st.lists(st.integers(0, 60 * 24 * 8), min_size=2, max_size=4),
    )
    def test_step_is_monotonic_in_as_of(
        self,
        complaint: Complaint,
        policy: ComplaintPolicy,
        calendar: WorkingCalendar,
        offsets: list[int],
    ) -> None:
        """The step never goes down as as_of grows."""
        levels = [
            escalation_status(
                complaint,
                policy=policy,
                calendar=calendar,
                as_of=complaint.received_at + timedelta(minutes=m),
            ).level
            for m in sorted(offsets)
        ]
        assert levels == sorted(levels)

    @pytest.mark.slow
    @given(complaints(), complaint_policies(), deadline_calendars(), st.integers(0, 60 * 24 * 8))
    def test_vip_is_never_lower(
        self, complaint: Complaint, policy: ComplaintPolicy, calendar: WorkingCalendar, minutes: int
    ) -> None:
        """A VIP complaint is never on a lower step than the same complaint without VIP."""
        as_of = complaint.received_at + timedelta(minutes=minutes)
        vip = escalation_status(
            attrs.evolve(complaint, vip=True), policy=policy, calendar=calendar, as_of=as_of
        )
        plain = escalation_status(
            attrs.evolve(complaint, vip=False), policy=policy, calendar=calendar, as_of=as_of
        )
        assert vip.level >= plain.level
        assert vip.level >= policy.ladder.index_of(policy.vip_role) + 1

    @given(complaints(), complaint_policies(), deadline_calendars(), st.integers(0, 60 * 24 * 8))
    def test_status_explains_itself(
        self, complaint: Complaint, policy: ComplaintPolicy, calendar: WorkingCalendar, minutes: int
    ) -> None:
        """A step is reached only with a reason, and only an open complaint notifies."""
        as_of = complaint.received_at + timedelta(minutes=minutes)
        s = escalation_status(complaint, policy=policy, calendar=calendar, as_of=as_of)
        assert (s.level > 0) <= bool(s.reasons)
        assert (s.step is None) == (s.level == 0)
        if not s.is_open:
            assert s.notify == ()
            assert s.next_escalation_at is None


class TestRoundTrip:
    """semantics §13: "from_data(cls, to_data(x)) == x for every public record"."""

    @given(complaints())
    def test_complaint(self, complaint: Complaint) -> None:
        """A complaint with its timeline survives JSON."""
        assert from_data(Complaint, json.loads(json.dumps(to_data(complaint)))) == complaint

    @given(complaint_policies())
    def test_policy(self, policy: ComplaintPolicy) -> None:
        """A policy with its ladder and milestones survives JSON."""
        assert from_data(ComplaintPolicy, json.loads(json.dumps(to_data(policy)))) == policy


class TestWords:
    """semantics §14.7: "Every enum reads its English value, its Chinese label and the seeds'
    words ... Values are written back in English"."""

    @given(vocabulary_spellings(ComplaintLevel, Channel, EscalationReason, WarningKind))
    def test_every_word_reads_back(self, spelling: tuple[Vocabulary, str]) -> None:
        """Each accepted word, in any case and with blanks around it, names its member, whose
        value (what is written back) is English."""
        member, text = spelling
        assert type(member)(text) is member
        assert member.value.isascii()


class TestOverdue:
    """seed rules §3: every complaint is answered, followed up and visited again in time; the
    stock-take lists what is overdue."""

    @given(complaints(), complaint_policies(), deadline_calendars(), st.integers(0, 60 * 24 * 8))
    def test_one_meaning_of_overdue(
        self, complaint: Complaint, policy: ComplaintPolicy, calendar: WorkingCalendar, minutes: int
    ) -> None:
        """`Complaint.is_overdue` is the escalation status' `is_overdue`, which lists exactly
        the milestones breached and not done; a closed complaint has no overdue progress call."""
        as_of = complaint.received_at + timedelta(minutes=minutes)
        s = escalation_status(complaint, policy=policy, calendar=calendar, as_of=as_of)
        assert complaint.is_overdue(policy, calendar=calendar, as_of=as_of) == s.is_overdue
        assert s.overdue == tuple(
            m.milestone.label
            for m in s.milestones
            if m.state is MilestoneState.BREACHED and m.done_at is None
        )
        if not s.is_open:
            assert not s.contact.is_overdue


class TestStockTake:
    """seed rules §3: "Daily complaint stock-take with a named owner for each"."""

    @pytest.mark.slow
    @given(
        st.lists(complaints(), max_size=5, unique_by=lambda c: c.id),
        complaint_policies(),
        deadline_calendars(),
        st.integers(0, 60 * 24 * 8),
    )
    def test_rows_follow_entries(
        self,
        items: list[Complaint],
        policy: ComplaintPolicy,
        calendar: WorkingCalendar,
        minutes: int,
    ) -> None:
        """One typed row per open complaint, the most urgent first, none before receipt."""
        if not items:
            return
        as_of = min(c.received_at for c in items) + timedelta(minutes=minutes)
        take = daily_stocktake(items, policy=policy, calendar=calendar, as_of=as_of)
        rows = take.rows()
        assert [r.complaint_id for r in rows] == [e.complaint.id for e in take.entries]
        assert {r.complaint_id for r in rows} == {c.id for c in items if c.is_open(as_of)}
        dated = [r.next_deadline for r in rows if r.next_deadline is not None]
        assert dated == sorted(dated)
        assert all(r.next_deadline is not None for r in rows[: len(dated)])
        assert len(take.to_text().splitlines()) == 3 + len(rows)
