"""Properties of propstd.complaints: escalation monotonicity, VIP, round trip."""

from __future__ import annotations

import json
from datetime import timedelta
from fractions import Fraction
from typing import Any
from zoneinfo import ZoneInfo

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
    complaint_metrics,
    daily_stocktake,
    early_warnings,
    escalation_status,
)
from propstd.periods import Period
from propstd.rates import Rate
from propstd.serialization import from_data, to_data
from propstd.timelines import MilestoneState
from tests.strategies import (
    complaint_policies,
    complaint_policy_parts,
    complaints,
    deadline_calendars,
    timeline_instants,
    timelines,
    vocabulary_spellings,
)


class TestEscalation:
    """semantics §10: the ladder's steps follow the time a complaint stays unresolved; "vip
    starts at the step whose role the policy names for VIPs"."""

    @pytest.mark.slow
    @given(
        complaints(),
        complaint_policies(partial=True),
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
    @given(
        complaints(),
        complaint_policies(partial=True),
        deadline_calendars(),
        st.integers(0, 60 * 24 * 8),
    )
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
        start = policy.vip_step
        if start is not None:
            assert vip.level >= start + 1

    @given(
        complaints(),
        complaint_policies(partial=True),
        deadline_calendars(),
        st.integers(0, 60 * 24 * 8),
    )
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


# The reasons that need a rule, by the rule they need (VIP, major and reopened need none).
_REASON_RULES = {
    EscalationReason.ELAPSED: "ladder",
    EscalationReason.REPEAT: "repeat_window",
    EscalationReason.DEPARTMENTS: "department_limit",
}
# The milestone statuses, by the rule each needs.
_SLOT_RULES = (
    ("response", "response"),
    ("reply", "reply"),
    ("contact", "contact_every"),
    ("resolution", "resolution"),
    ("revisit", "revisit"),
)


@st.composite
def _registers(draw: st.DrawFn) -> list[Complaint]:
    """Up to five complaints received within a few days (so repeats happen), distinct ids."""
    start = draw(timeline_instants())
    out = []
    for i in range(draw(st.integers(1, 5))):
        begin = start + timedelta(hours=draw(st.integers(0, 24 * 6)))
        out.append(
            draw(complaints(complaint_id=f"TS-{i}", timeline=timelines(start=begin, max_events=6)))
        )
    return out


class TestDroppingRules:
    """The partial policy (semantics §15: "a number lives in a preset or in the user's file"):
    leaving rules out of a policy never changes what does not need them, and never raises;
    what needs them is not judged."""

    @pytest.mark.slow
    @given(_registers(), complaint_policies(), deadline_calendars(), st.data())
    def test_escalation(
        self,
        items: list[Complaint],
        full: ComplaintPolicy,
        calendar: WorkingCalendar,
        data: st.DataObject,
    ) -> None:
        """Milestones kept are judged alike and dropped ones are None; every reason that
        needs no dropped rule stays; with the ladder, VIP role, repeat window and department
        limit kept the step stays; overdue only ever shrinks."""
        part = data.draw(complaint_policy_parts(full))
        unset = set(part.unset)
        minutes = data.draw(st.integers(0, 60 * 24 * 8))
        as_of = max(c.received_at for c in items) + timedelta(minutes=minutes)
        for c in items:
            a = escalation_status(c, policy=full, calendar=calendar, as_of=as_of, history=items)
            b = escalation_status(c, policy=part, calendar=calendar, as_of=as_of, history=items)
            for name, rule in _SLOT_RULES:
                assert getattr(b, name) == (None if rule in unset else getattr(a, name))
            assert b.reasons == tuple(r for r in a.reasons if _REASON_RULES.get(r) not in unset)
            if not unset & {"ladder", "vip_role", "repeat_window", "department_limit"}:
                assert (b.level, b.step, b.next_escalation_at) == (
                    a.level,
                    a.step,
                    a.next_escalation_at,
                )
            if "ladder" in unset:
                assert (b.level, b.next_escalation_at) == (0, None)
            told = c.major and b.is_open and "major_role" not in unset
            assert (full.major_role in b.notify) == told
            assert set(b.overdue) <= set(a.overdue)
            assert c.is_overdue(part, calendar=calendar, as_of=as_of) <= c.is_overdue(
                full, calendar=calendar, as_of=as_of
            )
            assert a.not_judged == ()
            assert len(b.not_judged) >= len(unset & {"ladder", *(r for _, r in _SLOT_RULES)})

    @pytest.mark.slow
    @given(_registers(), complaint_policies(), deadline_calendars(), st.data())
    def test_metrics_and_warnings(
        self,
        items: list[Complaint],
        full: ComplaintPolicy,
        calendar: WorkingCalendar,
        data: st.DataObject,
    ) -> None:
        """Figures that need no dropped rule stay; an on-time rate without its limit is 0/0;
        the warnings are those of the milestones kept, and the weekly ones."""
        part = data.draw(complaint_policy_parts(full))
        unset = set(part.unset)
        as_of = max(c.received_at for c in items) + timedelta(hours=data.draw(st.integers(0, 96)))
        first = min(c.received_at for c in items).astimezone(ZoneInfo(calendar.zone)).date()
        period = Period(first, first + timedelta(days=14))
        kw: dict[str, Any] = {"calendar": calendar, "as_of": as_of}
        a = complaint_metrics(items, period=period, policy=full, **kw)
        b = complaint_metrics(items, period=period, policy=part, **kw)
        for figure_a, figure_b in zip(a.rows(), b.rows(), strict=True):
            rule = figure_a.key.removeprefix("on_time_")
            if figure_a.key.startswith("on_time_") and rule in unset:
                assert (figure_b.value, figure_b.note) == (
                    Rate(0, 0),
                    f"no {rule} limit in the policy",
                )
            else:
                assert figure_b == figure_a
        kept = {
            getattr(full, rule).label if rule != "contact_every" else "progress contact"
            for _, rule in _SLOT_RULES
            if rule not in unset
        }
        warnings: dict[str, Any] = {"near": Fraction(1, 2), "weekly_limit": 1}
        wa = early_warnings(items, policy=full, **kw, **warnings)
        wb = early_warnings(items, policy=part, **kw, **warnings)
        assert wb == tuple(w for w in wa if not w.milestone or w.milestone in kept)


class TestRoundTrip:
    """semantics §13: "from_data(cls, to_data(x)) == x for every public record"."""

    @given(complaints())
    def test_complaint(self, complaint: Complaint) -> None:
        """A complaint with its timeline survives JSON."""
        assert from_data(Complaint, json.loads(json.dumps(to_data(complaint)))) == complaint

    @given(complaint_policies(partial=True))
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

    @given(
        complaints(),
        complaint_policies(partial=True),
        deadline_calendars(),
        st.integers(0, 60 * 24 * 8),
    )
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
            assert s.contact is None or not s.contact.is_overdue


class TestStockTake:
    """seed rules §3: "Daily complaint stock-take with a named owner for each"."""

    @pytest.mark.slow
    @given(
        st.lists(complaints(), max_size=5, unique_by=lambda c: c.id),
        complaint_policies(partial=True),
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
