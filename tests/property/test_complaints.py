"""Properties of propstd.complaints: escalation monotonicity, VIP, round trip."""

from __future__ import annotations

import json
from datetime import timedelta

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from propstd.calendars import WorkingCalendar
from propstd.complaints import Complaint, ComplaintPolicy, escalation_status
from propstd.serialization import from_data, to_data
from tests.strategies import complaint_policies, complaints, deadline_calendars


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
