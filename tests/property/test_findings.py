"""Property tests for propstd.findings: the lifecycle state machine and the summaries."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, time, timedelta
from fractions import Fraction

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
)

from propstd.errors import TransitionError
from propstd.findings import (
    Category,
    Finding,
    FindingEventKind,
    FindingStatus,
    VerificationResult,
    closure_rate,
    deduction_total,
    improvement_notices,
    repeat_findings,
)
from propstd.periods import Period
from propstd.serialization import from_data, to_data
from tests.strategies import FINDING_PEOPLE, findings

_LEGAL = {
    FindingStatus.OPEN: {"rectify", "cancel"},
    FindingStatus.REOPENED: {"rectify", "cancel"},
    FindingStatus.RECTIFIED: {"pass", "fail", "reopen", "cancel"},
    FindingStatus.CLOSED: {"reopen"},
    FindingStatus.CANCELLED: set(),
}


class FindingLifecycle(RuleBasedStateMachine):
    """Seed QPI rule: "nothing is closed until someone other than the person who fixed it
    verifies it"; a failed second verification sends the item back for rectification.

    Random sequences of legal and illegal events are applied to one finding. Every finding
    reached is in one of the contract's five states, illegal events raise `TransitionError`
    and leave the finding untouched, and earlier findings never change.
    """

    history = Bundle("history")

    @initialize(target=history, finding=findings(max_events=0))
    def start(self, finding: Finding) -> Finding:
        self.finding = finding
        self.clock = finding.found_at
        self.snapshots: list[tuple[Finding, str]] = [(finding, repr(finding))]
        return finding

    def _apply(self, step: str, minutes: int, who: str) -> None:
        before = self.finding
        at = self.clock.astimezone(UTC) + timedelta(minutes=minutes)  # real time
        try:
            if step == "rectify":
                after = before.rectify(at, who)
            elif step in ("pass", "fail"):
                after = before.verify(at, who, passed=step == "pass")
            elif step == "reopen":
                after = before.reopen(at, who, "came back")
            else:
                after = before.cancel(at, who, "raised in error")
        except TransitionError:
            state = before.current_status
            self_verify = (
                step in ("pass", "fail")
                and before.rectified_by is not None
                and before.rectified_by.casefold() == who.casefold()
            )
            assert step not in _LEGAL[state] or self_verify
            return
        assert step in _LEGAL[before.current_status]
        assert after.events[:-1] == before.events
        self.finding, self.clock = after, at
        self.snapshots.append((after, repr(after)))

    @rule(
        step=st.sampled_from(["rectify", "pass", "fail", "reopen", "cancel"]),
        minutes=st.integers(0, 60 * 24 * 10),
        who=st.sampled_from(FINDING_PEOPLE),
    )
    def event(self, step: str, minutes: int, who: str) -> None:
        self._apply(step, minutes, who)

    @precondition(lambda self: self.finding.current_status is FindingStatus.RECTIFIED)
    @rule(step=st.sampled_from(["pass", "fail"]), minutes=st.integers(0, 600))
    def verify_by_someone_else(self, step: str, minutes: int) -> None:
        other = next(p for p in FINDING_PEOPLE if p != self.finding.rectified_by)
        self._apply(step, minutes, other)

    @precondition(lambda self: bool(self.finding.events))
    @rule(minutes=st.integers(1, 600))
    def out_of_order_is_refused(self, minutes: int) -> None:
        before = self.finding
        earlier = before.events[-1].at.astimezone(UTC) - timedelta(minutes=minutes)
        calls: tuple[Callable[[], Finding], ...] = (
            lambda: before.rectify(earlier, "Chen"),
            lambda: before.cancel(earlier, "Chen", "x"),
            lambda: before.reopen(earlier, "Chen", "x"),
        )
        for call in calls:
            try:
                call()
            except TransitionError:
                continue
            msg = "an event before the last one was accepted"
            raise AssertionError(msg)

    @invariant()
    def state_is_one_of_the_contract(self) -> None:
        assert self.finding.current_status in set(FindingStatus)

    @invariant()
    def closed_only_after_passed_verification_by_another(self) -> None:
        f = self.finding
        if f.current_status is FindingStatus.CLOSED:
            last = f.events[-1]
            assert last.kind is FindingEventKind.VERIFICATION
            assert last.result is VerificationResult.PASSED
            assert f.rectified_by is not None
            assert last.by.casefold() != f.rectified_by.casefold()
            assert f.closed_at == last.at

    @invariant()
    def failed_verification_reopens(self) -> None:
        f = self.finding
        for i, event in enumerate(f.events):
            if event.result is VerificationResult.FAILED:
                prefix = attrs.evolve(f, events=f.events[: i + 1])
                assert prefix.current_status is FindingStatus.REOPENED

    @invariant()
    def earlier_findings_never_change(self) -> None:
        for finding, text in self.snapshots:
            assert repr(finding) == text

    @invariant()
    def status_replays_history(self) -> None:
        f = self.finding
        assert f.status(self.clock) is f.current_status


TestFindingLifecycle = pytest.mark.slow(FindingLifecycle.TestCase)
TestFindingLifecycle.settings = settings(max_examples=50, stateful_step_count=20)


class TestOverdue:
    """semantics §9: a finding is overdue when open (or reopened) past `rectify_by`; the
    deadline instant itself is on time, and lateness does not go away with time."""

    @given(findings(max_events=0), st.integers(0, 10**7), st.integers(0, 10**7))
    def test_monotonic_until_rectified(self, f: Finding, a: int, b: int) -> None:
        """Without events, overdue at t implies overdue at every later t."""
        t1 = f.found_at.astimezone(UTC) + timedelta(seconds=min(a, b))
        t2 = f.found_at.astimezone(UTC) + timedelta(seconds=max(a, b))
        assert not f.is_overdue(t1) or f.is_overdue(t2)
        assert not f.is_overdue(f.rectify_by)

    @given(findings(), st.integers(0, 10**7), st.integers(0, 10**7))
    def test_monotonic_before_the_first_rectification(self, f: Finding, a: int, b: int) -> None:
        """With any history, lateness persists until the first event that changes the state."""
        t1 = f.found_at.astimezone(UTC) + timedelta(seconds=min(a, b))
        t2 = f.found_at.astimezone(UTC) + timedelta(seconds=max(a, b))
        if f.events and f.events[0].at <= t2:
            return
        assert not f.is_overdue(t1) or f.is_overdue(t2)

    @given(findings())
    def test_overdue_only_when_open(self, f: Finding) -> None:
        """Overdue implies open or reopened at that instant and past the deadline."""
        later = f.rectify_by + timedelta(seconds=1)
        if f.is_overdue(later):
            assert f.status(later) in (FindingStatus.OPEN, FindingStatus.REOPENED)
        assert not f.verification_overdue(f.verification_due)


class TestRoundTrip:
    """semantics §13: `from_data(cls, to_data(x)) == x` for every public record."""

    @given(findings())
    def test_finding(self, f: Finding) -> None:
        """A finding with its events survives JSON exactly."""
        assert from_data(Finding, json.loads(json.dumps(to_data(f)))) == f


MARCH = Period.parse("2025-03")
_MARCH_FOUND = st.datetimes(min_value=datetime(2025, 2, 20), max_value=datetime(2025, 4, 10)).map(
    lambda t: t.replace(tzinfo=UTC)
)


_MONTHS = st.lists(
    findings(found_at=_MARCH_FOUND, max_events=4), max_size=6, unique_by=lambda f: f.id
)
_FEW = settings(max_examples=40)


class TestSummaries:
    """Seed QPI: closure rate = closed / (suggestion + deduction items), 0 ≤ rate ≤ 1;
    deductions are the points of the period's deduction items."""

    @_FEW
    @given(_MONTHS)
    def test_closure_rate_bounds(self, fs: list[Finding]) -> None:
        """Raised-in-period reading: the period's seed-category findings (local date in the
        zone), not cancelled, are counted; closed never exceeds counted."""
        end = datetime(2025, 4, 1, tzinfo=UTC)
        rate = closure_rate(fs, period=MARCH, as_of=end, zone="UTC", basis="raised_in_period")
        raised = [
            f
            for f in fs
            if f.found_at.astimezone(UTC).date() in MARCH
            and f.category in (Category.SUGGESTION, Category.DEDUCTION)
            and f.status(end) is not FindingStatus.CANCELLED
        ]
        assert rate.denominator == len(raised)
        assert 0 <= rate.numerator <= rate.denominator

    @_FEW
    @given(_MONTHS)
    def test_closure_where_verification_is_due(self, fs: list[Finding]) -> None:
        """§14.4: counted where verify_on falls; closed means verified passed by that day's end."""
        end = datetime(2025, 4, 1, tzinfo=UTC)
        rate = closure_rate(fs, period=MARCH, as_of=end, zone="UTC")
        counted = [
            f
            for f in fs
            if f.verify_on in MARCH
            and f.category in (Category.SUGGESTION, Category.DEDUCTION)
            and f.status(end) is not FindingStatus.CANCELLED
        ]
        closed = [
            f
            for f in counted
            if f.status(datetime.combine(f.verify_on, time(0), tzinfo=UTC) + timedelta(days=1))
            is FindingStatus.CLOSED
        ]
        assert (rate.numerator, rate.denominator) == (Fraction(len(closed)), Fraction(len(counted)))

    @_FEW
    @given(_MONTHS)
    def test_deductions_add_over_partitions(self, fs: list[Finding]) -> None:
        """The total of a list is the sum of the totals of its halves."""
        half = len(fs) // 2
        total = deduction_total(fs, MARCH, zone="Asia/Shanghai")
        parts = [deduction_total(p, MARCH, zone="Asia/Shanghai") for p in (fs[:half], fs[half:])]
        assert total == parts[0] + parts[1]
        assert total >= 0

    @_FEW
    @given(_MONTHS)
    def test_notices_hold_exactly_the_open_findings(self, fs: list[Finding]) -> None:
        """Every finding open at as_of is on exactly one notice, sorted by deadline."""
        as_of = datetime(2025, 3, 20, tzinfo=UTC)
        notices = improvement_notices(fs, as_of=as_of)
        listed = [item.finding for n in notices for item in n.items]
        expected = [f for f in fs if f.found_at <= as_of and f.is_open(as_of)]
        assert sorted(map(id, listed)) == sorted(map(id, expected))
        for n in notices:
            deadlines = [item.finding.rectify_by for item in n.items]
            assert deadlines == sorted(deadlines)
            assert all(item.finding.department == n.department for item in n.items)

    @_FEW
    @given(_MONTHS, st.integers(0, 30))
    def test_repeats_are_within_the_window(self, fs: list[Finding], days: int) -> None:
        """Each repeat is on the same item and location, later, and within the window."""
        within = timedelta(days=days)
        for r in repeat_findings(fs, within=within):
            assert (r.previous.item_code, r.previous.location) == (r.item_code, r.location)
            assert timedelta(0) <= r.gap <= within
