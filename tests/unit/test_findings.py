"""Unit tables for propstd.findings: records, lifecycle, policy, notices and summaries."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal, InvalidOperation, localcontext
from fractions import Fraction
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import pytest

from propstd.calendars import ALWAYS_OPEN, china_calendar
from propstd.errors import InvalidValueError, NaiveDatetimeError, TransitionError
from propstd.findings import (
    Category,
    ClosureBasis,
    Finding,
    FindingEvent,
    FindingEventKind,
    FindingStatus,
    ImprovementNotice,
    NoticeItem,
    RectificationPolicy,
    RepeatFinding,
    Severity,
    VerificationResult,
    closure_counts,
    closure_rate,
    deduction_total,
    improvement_notices,
    repeat_findings,
    score,
)
from propstd.periods import Period
from propstd.rates import Rate
from propstd.serialization import from_data, to_data
from propstd.timelimits import TimeLimit

TZ = timezone(timedelta(hours=8))
SH = ZoneInfo("Asia/Shanghai")
T0 = datetime(2025, 3, 3, 10, 0, tzinfo=TZ)
MARCH = Period.parse("2025-03")


def at(day: int, hour: int = 10, minute: int = 0) -> datetime:
    """An instant in March 2025 at +08:00."""
    return datetime(2025, 3, day, hour, minute, tzinfo=TZ)


def make(**changes: Any) -> Finding:
    """A valid rectification finding found at T0, due 2025-03-06 17:30, verified on the 7th."""
    fields: dict[str, Any] = {
        "id": "F-01",
        "item_code": "ENV-01",
        "category": "rectification",
        "severity": "minor",
        "description": "Stairwell T3 not swept",
        "found_at": T0,
        "found_by": "Zhao",
        "location": "T3",
        "owner": "Wang",
        "department": "环境部",
        "rectify_by": at(6, 17, 30),
        "verify_on": date(2025, 3, 7),
    }
    fields.update(changes)
    return Finding(**fields)


def rectified() -> Finding:
    """`make()` rectified by Wang on the 4th."""
    return make().rectify(at(4, 9), "Wang")


def closed() -> Finding:
    """`rectified()` verified (passed) by Zhao on the 5th."""
    return rectified().verify(at(5, 9), "Zhao", passed=True)


def cancelled() -> Finding:
    """`make()` cancelled on the 4th."""
    return make().cancel(at(4, 9), "Zhao", "raised in error")


def reopened() -> Finding:
    """`rectified()` failed by Zhao on the 5th."""
    return rectified().verify(at(5, 9), "Zhao", passed=False, note="still dirty")


# -- construction ---------------------------------------------------------------------------


class TestFindingConstruction:
    def test_positional_and_keyword_fields(self) -> None:
        """The first seven fields are positional; strings convert to the vocabularies."""
        f = Finding(
            "F-9",
            "SEC-03",
            "deduction",
            "major",
            "Fire lane blocked",
            T0,
            "Zhao",
            points="2",
            rectify_by=T0,
            verify_on=T0.date(),
        )
        assert (f.category, f.severity, f.points) == (
            Category.DEDUCTION,
            Severity.MAJOR,
            Decimal(2),
        )

    @pytest.mark.parametrize(
        ("points", "expected"),
        [
            pytest.param(2, Decimal(2), id="int"),
            pytest.param(Decimal("1.5"), Decimal("1.5"), id="decimal"),
            pytest.param(" 0.5 ", Decimal("0.5"), id="string"),
        ],
    )
    def test_points_are_exact(self, points: object, expected: Decimal) -> None:
        """Points accept ints, Decimals and decimal strings."""
        assert make(category="deduction", points=points).points == expected

    def test_repr_is_readable(self) -> None:
        """The repr shows enum values, not enum reprs."""
        text = repr(make())
        assert "category='rectification'" in text
        assert "severity='minor'" in text

    def test_found_on_is_local_date(self) -> None:
        """The found date is the local date in found_at's own offset."""
        late = datetime(2025, 3, 3, 23, 30, tzinfo=TZ)
        f = make(found_at=late, rectify_by=late, verify_on=date(2025, 3, 3))
        assert f.found_on == date(2025, 3, 3)

    @pytest.mark.parametrize(
        ("changes", "error", "match"),
        [
            pytest.param({"id": " "}, InvalidValueError, r"'id' must not be empty", id="blank-id"),
            pytest.param({"item_code": ""}, InvalidValueError, r"'item_code'", id="blank-item"),
            pytest.param({"description": 5}, TypeError, r"'description'.*5", id="int-desc"),
            pytest.param({"found_by": ""}, InvalidValueError, r"'found_by'", id="blank-finder"),
            pytest.param(
                {"category": "bonus"}, InvalidValueError, r"'category'.*'bonus'", id="category"
            ),
            pytest.param({"category": 1}, TypeError, r"'category'.*1", id="category-int"),
            pytest.param(
                {"severity": "URGENT"}, InvalidValueError, r"'severity'.*'URGENT'", id="severity"
            ),
            pytest.param(
                {"found_at": datetime(2025, 3, 3, 10)},
                NaiveDatetimeError,
                r"'found_at'.*naive",
                id="naive-found",
            ),
            pytest.param(
                {"rectify_by": datetime(2025, 3, 6)},
                NaiveDatetimeError,
                r"'rectify_by'",
                id="naive-deadline",
            ),
            pytest.param(
                {"rectify_by": at(3, 9)},
                InvalidValueError,
                r"'rectify_by' 2025-03-03 09:00\+08:00 is before 'found_at'",
                id="deadline-before-found",
            ),
            pytest.param(
                {"verify_on": date(2025, 3, 2)},
                InvalidValueError,
                r"'verify_on' '2025-03-02' is before the found date '2025-03-03'",
                id="verify-before-found",
            ),
            pytest.param(
                {"verify_on": at(7)}, TypeError, r"'verify_on' must be a date", id="verify-dt"
            ),
            pytest.param(
                {"points": 1.5}, TypeError, r"'points' must be an exact number", id="float"
            ),
            pytest.param({"points": True}, TypeError, r"'points'.*True", id="bool"),
            pytest.param(
                {"points": Fraction(1, 3)}, TypeError, r"'points'.*Fraction", id="fraction"
            ),
            pytest.param(
                {"points": "two"}, InvalidValueError, r"'points'.*'two'", id="not-a-number"
            ),
            pytest.param({"points": "NaN"}, InvalidValueError, r"'points'.*finite", id="nan"),
            pytest.param(
                {"points": -1}, InvalidValueError, r"'points' must not be negative", id="negative"
            ),
            pytest.param(
                {"points": 2},
                InvalidValueError,
                r"only deduction items carry points; a rectification got 'points' Decimal\('2'\)",
                id="points-on-rectification",
            ),
            pytest.param(
                {"category": "deduction"},
                InvalidValueError,
                r"deduction item must carry 'points' > 0",
                id="deduction-without-points",
            ),
            pytest.param({"location": None}, TypeError, r"'location'", id="location-none"),
            pytest.param({"events": "abc"}, TypeError, r"string 'abc'", id="events-string"),
            pytest.param({"events": [1]}, TypeError, r"events\[0\] must be", id="events-int"),
        ],
    )
    def test_bad_inputs(self, changes: dict[str, Any], error: type[Exception], match: str) -> None:
        """Invalid fields raise a propstd error (or TypeError) naming the field and value."""
        with pytest.raises(error, match=match):
            make(**changes)

    @pytest.mark.parametrize(
        ("events", "match"),
        [
            pytest.param(
                [FindingEvent(kind="verification", at=at(4), by="Li", result="passed")],
                r"cannot record a verification of finding 'F-01' at 2025-03-04 10:00\+08:00: "
                r"it is open",
                id="verify-open",
            ),
            pytest.param(
                [FindingEvent(kind="rectification", at=at(2), by="Wang")],
                r"rectification of finding 'F-01' at 2025-03-02 10:00\+08:00 is out of order: "
                r"the finding was recorded at 2025-03-03 10:00\+08:00",
                id="before-found",
            ),
            pytest.param(
                [
                    FindingEvent(kind="rectification", at=at(5), by="Wang"),
                    FindingEvent(kind="verification", at=at(4), by="Li", result="passed"),
                ],
                r"verification .* out of order: the previous event at 2025-03-05",
                id="before-previous",
            ),
            pytest.param(
                [
                    FindingEvent(kind="rectification", at=at(4), by="Wang"),
                    FindingEvent(kind="verification", at=at(5), by="wang ", result="passed"),
                ],
                r"by 'wang ' refused: the verifier must differ from the rectifier 'Wang'",
                id="self-verified",
            ),
            pytest.param(
                [FindingEvent(kind="reopening", at=at(4), by="Li", note="again")],
                r"cannot record a reopening .*: it is open",
                id="reopen-open",
            ),
        ],
    )
    def test_bad_histories(self, events: list[FindingEvent], match: str) -> None:
        """A history given to the constructor is replayed and checked."""
        with pytest.raises(TransitionError, match=match):
            make(events=events)

    def test_evolve_validates(self) -> None:
        """attrs.evolve runs the validation again."""
        with pytest.raises(InvalidValueError, match="'rectify_by'"):
            attrs.evolve(make(), rectify_by=at(1))


class TestFindingEvent:
    def test_repr(self) -> None:
        """The repr shows enum values."""
        e = FindingEvent(kind="verification", at=at(4), by="Li", result="failed")
        assert "kind='verification'" in repr(e)
        assert "result='failed'" in repr(e)

    @pytest.mark.parametrize(
        ("fields", "error", "match"),
        [
            pytest.param(
                {"kind": "verification"},
                InvalidValueError,
                r"verification event needs a 'result'",
                id="verification-no-result",
            ),
            pytest.param(
                {"kind": "rectification", "result": "passed"},
                InvalidValueError,
                r"only a verification carries a 'result'; a rectification got 'passed'",
                id="result-on-rectification",
            ),
            pytest.param(
                {"kind": "cancellation", "note": "  "},
                InvalidValueError,
                r"a cancellation needs a reason in 'note', got '  '",
                id="cancel-no-reason",
            ),
            pytest.param({"kind": "approval"}, InvalidValueError, r"'kind'.*'approval'", id="kind"),
            pytest.param(
                {"kind": "verification", "result": "ok"},
                InvalidValueError,
                r"'result'.*'ok'",
                id="result",
            ),
            pytest.param(
                {"kind": "rectification", "by": ""}, InvalidValueError, r"'by'", id="blank-by"
            ),
            pytest.param(
                {"kind": "rectification", "at": datetime(2025, 3, 4)},
                NaiveDatetimeError,
                r"'at'",
                id="naive",
            ),
        ],
    )
    def test_bad_inputs(self, fields: dict[str, Any], error: type[Exception], match: str) -> None:
        """Invalid events are refused with the field named."""
        values: dict[str, Any] = {"at": at(4), "by": "Li"}
        values.update(fields)
        with pytest.raises(error, match=match):
            FindingEvent(**values)


# -- lifecycle ------------------------------------------------------------------------------


class TestLifecycle:
    def test_methods_return_new_findings(self) -> None:
        """Recording an event never changes the original."""
        f = make()
        g = f.rectify(at(4), "Wang", note="swept")
        assert f.events == ()
        assert g.events == (FindingEvent(kind="rectification", at=at(4), by="Wang", note="swept"),)

    def test_closed_after_passed_verification(self) -> None:
        """A passed verification by someone else closes the finding."""
        f = closed()
        assert f.current_status is FindingStatus.CLOSED
        assert (f.closed_at, f.rectified_at, f.rectified_by) == (at(5, 9), at(4, 9), "Wang")

    def test_failed_verification_reopens(self) -> None:
        """A failed verification reopens the finding for rectification."""
        f = reopened()
        assert f.current_status is FindingStatus.REOPENED
        assert f.events[-1].result is VerificationResult.FAILED
        assert f.closed_at is None

    def test_second_round_verifier_differs_from_latest_rectifier(self) -> None:
        """After a second rectification, only its rectifier is barred from verifying."""
        f = reopened().rectify(at(5, 11), "Zhao")
        g = f.verify(at(5, 12), "Wang", passed=True)
        assert g.current_status is FindingStatus.CLOSED
        with pytest.raises(TransitionError, match=r"'Zhao' refused.*rectifier 'Zhao'"):
            f.verify(at(5, 12), "Zhao", passed=True)

    def test_reopen_closed(self) -> None:
        """A closed finding may be reopened; it is then no longer closed."""
        f = closed().reopen(at(9), "Zhao", "dirty again")
        assert f.current_status is FindingStatus.REOPENED
        assert f.closed_at is None

    def test_reopen_and_cancel_rectified(self) -> None:
        """A rectified finding may be reopened or cancelled."""
        assert rectified().reopen(at(4, 10), "Li", "not done").current_status == "reopened"
        assert rectified().cancel(at(4, 10), "Li", "duplicate").current_status == "cancelled"

    def test_events_at_the_same_instant(self) -> None:
        """Events at the same instant as the previous one are in order."""
        f = make().rectify(T0, "Wang").verify(T0, "Li", passed=True)
        assert f.current_status is FindingStatus.CLOSED

    def test_never_rectified(self) -> None:
        """A fresh finding has no rectification or closure."""
        f = make()
        assert (f.rectified_at, f.rectified_by, f.closed_at) == (None, None, None)

    @pytest.mark.parametrize(
        ("build", "call", "error", "match"),
        [
            pytest.param(
                rectified,
                lambda f: f.rectify(at(5), "Wang"),
                TransitionError,
                r"cannot record a rectification of finding 'F-01' .*: it is rectified",
                id="rectify-rectified",
            ),
            pytest.param(
                closed,
                lambda f: f.rectify(at(6), "Wang"),
                TransitionError,
                r"rectification .* it is closed",
                id="rectify-closed",
            ),
            pytest.param(
                cancelled,
                lambda f: f.rectify(at(6), "Wang"),
                TransitionError,
                r"rectification .* it is cancelled",
                id="rectify-cancelled",
            ),
            pytest.param(
                make,
                lambda f: f.rectify(at(2), "Wang"),
                TransitionError,
                r"rectification .* out of order",
                id="rectify-before-found",
            ),
            pytest.param(
                make,
                lambda f: f.rectify(datetime(2025, 3, 4), "Wang"),
                NaiveDatetimeError,
                r"'at'",
                id="rectify-naive",
            ),
            pytest.param(
                make,
                lambda f: f.rectify(at(4), " "),
                InvalidValueError,
                r"'by'",
                id="rectify-nobody",
            ),
            pytest.param(
                make, lambda f: f.rectify(at(4), "Wang", note=None), TypeError, r"'note'", id="note"
            ),
        ],
    )
    def test_bad_rectify(
        self,
        build: Callable[[], Finding],
        call: Callable[[Finding], Finding],
        error: type[Exception],
        match: str,
    ) -> None:
        """Illegal or malformed rectifications are refused."""
        with pytest.raises(error, match=match):
            call(build())

    @pytest.mark.parametrize(
        ("build", "call", "error", "match"),
        [
            pytest.param(
                make,
                lambda f: f.verify(at(4), "Li", passed=True),
                TransitionError,
                r"cannot record a verification of finding 'F-01' .*: it is open",
                id="verify-open",
            ),
            pytest.param(
                rectified,
                lambda f: f.verify(at(5), "Wang", passed=True),
                TransitionError,
                r"by 'Wang' refused: the verifier must differ from the rectifier 'Wang'",
                id="self-verify",
            ),
            pytest.param(
                rectified,
                lambda f: f.verify(at(5), " WANG", passed=False),
                TransitionError,
                r"' WANG' refused.*'Wang'",
                id="self-verify-case",
            ),
            pytest.param(
                rectified,
                lambda f: f.verify(at(5), "Li", passed="yes"),
                TypeError,
                r"'passed' must be bool",
                id="passed-not-bool",
            ),
            pytest.param(
                rectified,
                lambda f: f.verify(at(4, 8), "Li", passed=True),
                TransitionError,
                r"verification .* out of order: the previous event at 2025-03-04 09:00",
                id="verify-out-of-order",
            ),
            pytest.param(
                closed,
                lambda f: f.verify(at(6), "Li", passed=True),
                TransitionError,
                r"verification .* it is closed",
                id="verify-closed",
            ),
            pytest.param(
                cancelled,
                lambda f: f.verify(at(6), "Li", passed=True),
                TransitionError,
                r"verification .* it is cancelled",
                id="verify-cancelled",
            ),
        ],
    )
    def test_bad_verify(
        self,
        build: Callable[[], Finding],
        call: Callable[[Finding], Finding],
        error: type[Exception],
        match: str,
    ) -> None:
        """Illegal or malformed verifications are refused."""
        with pytest.raises(error, match=match):
            call(build())

    @pytest.mark.parametrize(
        ("build", "call", "error", "match"),
        [
            pytest.param(
                make,
                lambda f: f.reopen(at(4), "Li", "again"),
                TransitionError,
                r"reopening .* it is open",
                id="reopen-open",
            ),
            pytest.param(
                reopened,
                lambda f: f.reopen(at(6), "Li", "again"),
                TransitionError,
                r"reopening .* it is reopened",
                id="reopen-reopened",
            ),
            pytest.param(
                cancelled,
                lambda f: f.reopen(at(6), "Li", "again"),
                TransitionError,
                r"reopening .* it is cancelled",
                id="reopen-cancelled",
            ),
            pytest.param(
                closed,
                lambda f: f.reopen(at(6), "Li", ""),
                InvalidValueError,
                r"'reason' must not be empty",
                id="reopen-no-reason",
            ),
            pytest.param(
                closed,
                lambda f: f.reopen(at(5, 8), "Li", "again"),
                TransitionError,
                r"reopening .* out of order",
                id="reopen-out-of-order",
            ),
            pytest.param(
                closed,
                lambda f: f.reopen(at(6), "Li", 3),
                TypeError,
                r"'reason' must be a str",
                id="reopen-reason-int",
            ),
        ],
    )
    def test_bad_reopen(
        self,
        build: Callable[[], Finding],
        call: Callable[[Finding], Finding],
        error: type[Exception],
        match: str,
    ) -> None:
        """Illegal or malformed reopenings are refused."""
        with pytest.raises(error, match=match):
            call(build())

    @pytest.mark.parametrize(
        ("build", "call", "error", "match"),
        [
            pytest.param(
                closed,
                lambda f: f.cancel(at(6), "Li", "oops"),
                TransitionError,
                r"cancellation .* it is closed",
                id="cancel-closed",
            ),
            pytest.param(
                cancelled,
                lambda f: f.cancel(at(6), "Li", "oops"),
                TransitionError,
                r"cancellation .* it is cancelled",
                id="cancel-cancelled",
            ),
            pytest.param(
                make,
                lambda f: f.cancel(at(4), "Li", " "),
                InvalidValueError,
                r"'reason' must not be empty",
                id="cancel-no-reason",
            ),
            pytest.param(
                make,
                lambda f: f.cancel(at(1), "Li", "oops"),
                TransitionError,
                r"cancellation .* out of order",
                id="cancel-before-found",
            ),
            pytest.param(
                make,
                lambda f: f.cancel(datetime(2025, 3, 4), "Li", "oops"),
                NaiveDatetimeError,
                r"'at'",
                id="cancel-naive",
            ),
            pytest.param(
                make,
                lambda f: f.cancel(at(4), "", "oops"),
                InvalidValueError,
                r"'by'",
                id="cancel-nobody",
            ),
        ],
    )
    def test_bad_cancel(
        self,
        build: Callable[[], Finding],
        call: Callable[[Finding], Finding],
        error: type[Exception],
        match: str,
    ) -> None:
        """Illegal or malformed cancellations are refused."""
        with pytest.raises(error, match=match):
            call(build())


class TestQuestionsAtAnInstant:
    @pytest.mark.parametrize(
        ("as_of", "expected"),
        [
            pytest.param(at(1), FindingStatus.OPEN, id="before-found"),
            pytest.param(at(4, 8), FindingStatus.OPEN, id="before-rectification"),
            pytest.param(at(4, 9), FindingStatus.RECTIFIED, id="at-rectification"),
            pytest.param(at(5, 9), FindingStatus.CLOSED, id="at-verification"),
            pytest.param(at(20), FindingStatus.CLOSED, id="later"),
        ],
    )
    def test_status(self, as_of: datetime, expected: FindingStatus) -> None:
        """Status counts only the events at or before as_of."""
        assert closed().status(as_of) is expected

    def test_status_needs_aware(self) -> None:
        """A naive as_of is refused."""
        with pytest.raises(NaiveDatetimeError, match="'as_of'"):
            make().status(datetime(2025, 3, 4))

    @pytest.mark.parametrize(
        ("build", "as_of", "expected"),
        [
            pytest.param(make, at(6, 17, 30), False, id="at-deadline"),
            pytest.param(make, at(6, 17, 31), True, id="after-deadline"),
            pytest.param(rectified, at(9), False, id="rectified"),
            pytest.param(reopened, at(9), True, id="reopened"),
            pytest.param(closed, at(9), False, id="closed"),
            pytest.param(cancelled, at(9), False, id="cancelled"),
        ],
    )
    def test_is_overdue(
        self, build: Callable[[], Finding], as_of: datetime, expected: bool
    ) -> None:
        """Overdue means open or reopened strictly past rectify_by."""
        assert build().is_overdue(as_of) is expected

    @pytest.mark.parametrize(
        ("build", "as_of", "expected"),
        [
            pytest.param(rectified, datetime(2025, 3, 8, 0, 0, tzinfo=TZ), False, id="at-end"),
            pytest.param(rectified, datetime(2025, 3, 8, 0, 0, 1, tzinfo=TZ), True, id="after-end"),
            pytest.param(closed, at(9), False, id="closed"),
            pytest.param(make, at(9), False, id="open"),
        ],
    )
    def test_verification_overdue(
        self, build: Callable[[], Finding], as_of: datetime, expected: bool
    ) -> None:
        """A rectified finding is verification-overdue past 24:00 of verify_on."""
        assert build().verification_overdue(as_of) is expected

    def test_verification_due_follows_dst(self) -> None:
        """The end of verify_on is local midnight in found_at's zone (Berlin, spring forward)."""
        berlin = ZoneInfo("Europe/Berlin")
        found = datetime(2025, 3, 29, 10, tzinfo=berlin)
        f = make(found_at=found, rectify_by=found, verify_on=date(2025, 3, 30))
        assert f.verification_due == datetime(2025, 3, 31, 0, 0, tzinfo=berlin)
        assert f.verification_due.utcoffset() == timedelta(hours=2)


# -- policy ---------------------------------------------------------------------------------

OFFICE = china_calendar(hours="08:30-12:00,13:30-17:30")
SAMPLE_POLICY = RectificationPolicy(
    limits={
        Severity.CRITICAL: TimeLimit.parse("24 hours"),
        Severity.MAJOR: TimeLimit.parse("3 working days"),
        Severity.MINOR: TimeLimit.parse("7 working days"),
    },
    verify_after=TimeLimit.parse("1 working day"),
)


class TestRectificationPolicy:
    def test_limits_are_stored_most_serious_first(self) -> None:
        """The mapping becomes an immutable tuple of pairs, critical first."""
        policy = RectificationPolicy(
            limits=[("minor", TimeLimit.hours(1)), ("critical", TimeLimit.minutes(5))],
            verify_after=TimeLimit.working_days(1),
        )
        assert policy.limits == (
            (Severity.CRITICAL, TimeLimit.minutes(5)),
            (Severity.MINOR, TimeLimit.hours(1)),
        )

    @pytest.mark.parametrize(
        ("found_at", "severity", "rectify_by", "verify_on"),
        [
            # Qingming 2025: 4–6 April off; no make-up day
            pytest.param(
                datetime(2025, 4, 3, 10, tzinfo=SH),
                "critical",
                datetime(2025, 4, 4, 10, tzinfo=SH),
                date(2025, 4, 7),
                id="qingming-critical-natural",
            ),
            pytest.param(
                datetime(2025, 4, 3, 10, tzinfo=SH),
                "major",
                datetime(2025, 4, 9, 17, 30, tzinfo=SH),
                date(2025, 4, 10),
                id="qingming-major",
            ),
            pytest.param(
                datetime(2025, 4, 3, 10, tzinfo=SH),
                "minor",
                datetime(2025, 4, 15, 17, 30, tzinfo=SH),
                date(2025, 4, 16),
                id="qingming-minor",
            ),
            # National Day 2025: 1–8 October off, Sunday 28 Sept and Saturday 11 Oct worked
            pytest.param(
                datetime(2025, 9, 29, 9, tzinfo=SH),
                "major",
                datetime(2025, 10, 10, 17, 30, tzinfo=SH),
                date(2025, 10, 11),  # a make-up Saturday
                id="national-day-major",
            ),
            pytest.param(
                datetime(2025, 9, 30, 16, tzinfo=SH),
                "minor",
                datetime(2025, 10, 16, 17, 30, tzinfo=SH),
                date(2025, 10, 17),
                id="national-day-minor-makeup-saturday",
            ),
            pytest.param(
                datetime(2025, 3, 7, 16, tzinfo=SH),
                "critical",
                datetime(2025, 3, 8, 16, tzinfo=SH),
                date(2025, 3, 10),
                id="weekend-critical",
            ),
        ],
    )
    def test_deadlines_on_the_china_calendar(
        self, found_at: datetime, severity: str, rectify_by: datetime, verify_on: date
    ) -> None:
        """The sample policy's deadlines skip weekends and public holidays (调休 worked)."""
        f = SAMPLE_POLICY.finding(
            "F-1", "SEC-01", "rectification", severity, "x", found_at, "Zhao", calendar=OFFICE
        )
        assert (f.rectify_by, f.verify_on) == (rectify_by, verify_on)

    def test_finding_passes_the_other_fields(self) -> None:
        """policy.finding() keeps the descriptive fields and starts with no events."""
        f = SAMPLE_POLICY.finding(
            "F-2",
            "SEC-03",
            "deduction",
            "major",
            "Fire lane blocked",
            at(10, 21),
            "Zhao",
            calendar=OFFICE,
            location="T5",
            owner="Sun",
            department="秩序维护部",
            points=2,
        )
        assert (f.location, f.owner, f.department, f.points, f.events) == (
            "T5",
            "Sun",
            "秩序维护部",
            Decimal(2),
            (),
        )

    def test_natural_day_deadline_at_midnight_belongs_to_the_day_before(self) -> None:
        """A verification deadline at 24:00 gives that day, not the next."""
        policy = RectificationPolicy(
            limits={"minor": TimeLimit.hours(1)}, verify_after=TimeLimit.parse("1 day")
        )
        f = policy.finding(
            "F-3", "ENV-01", "suggestion", "minor", "x", at(3, 10), "Zhao", calendar=ALWAYS_OPEN
        )
        # found 10:00 +08:00 = 02:00 UTC; due 03:00 UTC; 1 day → 24:00 UTC on 4 March,
        # the 4th in the calendar's zone (UTC); in found_at's offset it was 08:00 on the 5th
        assert f.verify_on == date(2025, 3, 4)
        legacy = policy.verify_on(f.rectify_by, calendar=ALWAYS_OPEN, zone_of=at(3, 10))
        assert legacy == date(2025, 3, 5)
        utc_found = datetime(2025, 3, 3, 10, tzinfo=UTC)
        g = policy.finding(
            "F-4", "ENV-01", "suggestion", "minor", "x", utc_found, "Zhao", calendar=ALWAYS_OPEN
        )
        assert g.verify_on == date(2025, 3, 4)

    def test_zero_verification_limit_at_midnight(self) -> None:
        """A zero limit landing on midnight keeps that date."""
        policy = RectificationPolicy(
            limits={"minor": TimeLimit.hours(14)}, verify_after=TimeLimit.minutes(0)
        )
        utc_found = datetime(2025, 3, 3, 10, tzinfo=UTC)
        f = policy.finding(
            "F-5", "ENV-01", "suggestion", "minor", "x", utc_found, "Zhao", calendar=ALWAYS_OPEN
        )
        assert (f.rectify_by, f.verify_on) == (
            datetime(2025, 3, 4, tzinfo=UTC),
            date(2025, 3, 4),
        )

    def test_limit_for_missing_severity(self) -> None:
        """A severity the policy does not cover is refused, naming what it covers."""
        policy = RectificationPolicy(
            limits={"major": TimeLimit.hours(1)}, verify_after=TimeLimit.hours(1)
        )
        with pytest.raises(
            InvalidValueError, match=r"no time limit for 'severity' 'minor'.*'major'"
        ):
            policy.limit_for("minor")

    def test_finding_needs_aware_found_at(self) -> None:
        """policy.finding() refuses a naive found_at."""
        with pytest.raises(NaiveDatetimeError, match="'found_at'"):
            SAMPLE_POLICY.finding(
                "F", "X", "suggestion", "minor", "x", datetime(2025, 3, 3), "Z", calendar=OFFICE
            )

    @pytest.mark.parametrize(
        ("fields", "error", "match"),
        [
            pytest.param({"limits": {}}, InvalidValueError, r"at least one severity", id="empty"),
            pytest.param(
                {"limits": {"urgent": TimeLimit.hours(1)}},
                InvalidValueError,
                r"'limits'.*'urgent'",
                id="unknown-severity",
            ),
            pytest.param(
                {"limits": [("minor", TimeLimit.hours(1)), ("minor", TimeLimit.hours(2))]},
                InvalidValueError,
                r"'limits' names severity 'minor' twice",
                id="duplicate",
            ),
            pytest.param(
                {"limits": {"minor": "2 hours"}},
                TypeError,
                r"limits\['minor'\]\" must be TimeLimit, got str '2 hours'",
                id="not-a-limit",
            ),
            pytest.param(
                {"limits": "minor: 2 hours"}, TypeError, r"'limits' must be a mapping", id="string"
            ),
            pytest.param({"limits": 3}, TypeError, r"'limits' must be a mapping", id="int"),
            pytest.param(
                {"limits": ["minor"]}, TypeError, r"'limits' must be tuple", id="not-pairs"
            ),
            pytest.param(
                {"verify_after": "1 working day"},
                TypeError,
                r"'verify_after' must be TimeLimit",
                id="verify-after-str",
            ),
        ],
    )
    def test_bad_inputs(self, fields: dict[str, Any], error: type[Exception], match: str) -> None:
        """Invalid policies are refused with the field named."""
        values: dict[str, Any] = {
            "limits": {"minor": TimeLimit.hours(1)},
            "verify_after": TimeLimit.hours(1),
        }
        values.update(fields)
        with pytest.raises(error, match=match):
            RectificationPolicy(**values)


# -- improvement notices --------------------------------------------------------------------


def _notices_fixture() -> list[Finding]:
    return [
        make(id="E-2", rectify_by=at(8, 17, 30), verify_on=date(2025, 3, 10)),
        make(id="E-1"),  # due the 6th: overdue on the 7th
        rectified()
        .__class__(  # a rectified item waits for verification, not on the notice
            "E-3",
            "ENV-02",
            "suggestion",
            "minor",
            "Bin lid broken",
            T0,
            "Zhao",
            department="环境部",
            rectify_by=at(6),
            verify_on=date(2025, 3, 7),
        )
        .rectify(at(4), "Wang"),
        make(id="S-1", department="秩序维护部", description="Guard | post empty <b>"),
        make(id="X-1", department=""),
        make(id="C-1", department="客服中心").cancel(at(4), "Zhao", "duplicate"),
        make(id="L-1", found_at=at(8), rectify_by=at(9), verify_on=date(2025, 3, 9)),
        reopened()
        .__class__(
            "E-4",
            "ENV-03",
            "deduction",
            "major",
            "Lift car not disinfected",
            T0,
            "Zhao",
            department="环境部",
            points=2,
            rectify_by=at(6, 17, 30),
            verify_on=date(2025, 3, 7),
        )
        .rectify(at(4), "Wang")
        .verify(at(5), "Zhao", passed=False),
    ]


class TestImprovementNotices:
    def test_one_notice_per_department_sorted(self) -> None:
        """Departments are sorted by name; each notice lists open items by deadline."""
        notices = improvement_notices(_notices_fixture(), as_of=at(7, 9))
        assert [n.department for n in notices] == ["", "环境部", "秩序维护部"]
        env = notices[1]
        assert [i.finding.id for i in env.items] == ["E-1", "E-4", "E-2"]
        assert [i.status for i in env.items] == ["open", "reopened", "open"]
        assert [i.is_overdue for i in env.items] == [True, True, False]
        assert env.items[0].overdue_by == timedelta(hours=15, minutes=30)
        assert env.overdue_count == 2

    def test_text_rendering(self) -> None:
        """The text notice has bilingual headings, items and overdue marks."""
        env = improvement_notices(_notices_fixture(), as_of=at(7, 9))[1]
        text = env.to_text()
        assert text.startswith("工作改进通知单 Work improvement notice — 环境部\n")
        assert "截至 As of 2025-03-07 09:00+08:00: 3 open items, 2 overdue" in text
        assert "1. [E-1] ENV-01 整改项 rectification, 轻微 minor @ T3" in text
        assert "逾期 OVERDUE 15h 30m" in text
        assert "责任人 Owner: Wang" in text
        assert str(env) == text

    def test_text_without_owner_or_location(self) -> None:
        """Missing owner or location are left out; long delays show days."""
        f = make(owner="", location="")
        (notice,) = improvement_notices([f], as_of=at(9, 9))
        assert "   整改期限 Rectify by 2025-03-06 17:30; 待整改 open; 逾期 OVERDUE 2d 15h" in (
            notice.to_text()
        )

    def test_markdown_and_html_escape(self) -> None:
        """Markdown escapes pipes; HTML escapes markup."""
        security = improvement_notices(_notices_fixture(), as_of=at(7, 9))[2]
        md = security.to_markdown()
        assert md.startswith("**工作改进通知单 Work improvement notice — 秩序维护部**")
        assert "Guard \\| post empty <b>" in md
        assert md.count("\n|") == 3  # header, rule, one row
        page = security._repr_html_()
        assert "Guard | post empty &lt;b&gt;" in page
        assert page.count("<tr") == 3  # header, one row, the notes under the table
        assert page == security.to_html()

    def test_rows_and_repr(self) -> None:
        """rows() gives typed values (enums, instants, durations); repr is one short line."""
        notices = improvement_notices(_notices_fixture(), as_of=at(7, 9))
        (row,) = notices[2].rows()
        assert (row.no, row.category, row.status) == (1, row.category, FindingStatus.OPEN)
        assert isinstance(row.rectify_by, datetime)
        assert row.rectify_by.utcoffset() == at(7, 9).utcoffset()
        assert isinstance(row.overdue_by, timedelta)
        assert repr(notices[2]).startswith("<ImprovementNotice 秩序维护部 as of 2025-03-07")
        assert "\n" not in repr(notices[0])
        assert "(no department)" in repr(notices[0])
        assert str(notices[2]) == notices[2].to_text()

    def test_unassigned_department_heading(self) -> None:
        """Findings without a department get a notice marked as such."""
        unassigned = improvement_notices(_notices_fixture(), as_of=at(7, 9))[0]
        assert "未指定部门 (no department)" in unassigned.to_text()

    def test_nothing_open(self) -> None:
        """No open findings, no notices."""
        assert improvement_notices([closed(), cancelled()], as_of=at(20)) == ()

    def test_bad_inputs(self) -> None:
        """as_of must be aware; findings must be Findings."""
        with pytest.raises(NaiveDatetimeError, match="'as_of'"):
            improvement_notices([], as_of=datetime(2025, 3, 7))
        with pytest.raises(TypeError, match=r"'findings\[\]' must be Finding"):
            improvement_notices(["F-1"], as_of=at(7))  # type: ignore[list-item]

    @pytest.mark.parametrize(
        ("fields", "error", "match"),
        [
            pytest.param({"department": 1}, TypeError, r"'department'", id="department"),
            pytest.param(
                {"as_of": datetime(2025, 3, 7)}, NaiveDatetimeError, r"'as_of'", id="naive"
            ),
            pytest.param({"items": [1]}, TypeError, r"items\[0\] must be NoticeItem", id="items"),
            pytest.param({"items": "x"}, TypeError, r"string 'x'", id="items-string"),
            pytest.param(
                {"as_of": "2025-03-07"}, TypeError, r"'as_of' must be a datetime", id="str"
            ),
        ],
    )
    def test_bad_notice(self, fields: dict[str, Any], error: type[Exception], match: str) -> None:
        """ImprovementNotice validates its fields."""
        values: dict[str, Any] = {"department": "环境部", "as_of": at(7), "items": ()}
        values.update(fields)
        with pytest.raises(error, match=match):
            ImprovementNotice(**values)

    @pytest.mark.parametrize(
        ("fields", "error", "match"),
        [
            pytest.param({"finding": "F-1"}, TypeError, r"'finding'", id="finding"),
            pytest.param({"status": "late"}, ValueError, r"'late'", id="status"),
            pytest.param({"overdue_by": 3}, TypeError, r"'overdue_by'", id="overdue"),
            pytest.param({"overdue_by": 1.5}, TypeError, r"'overdue_by'", id="float"),
            pytest.param({"finding": None}, TypeError, r"'finding'", id="none"),
        ],
    )
    def test_bad_item(self, fields: dict[str, Any], error: type[Exception], match: str) -> None:
        """NoticeItem validates its fields."""
        values: dict[str, Any] = {"finding": make(), "status": "open", "overdue_by": timedelta(0)}
        values.update(fields)
        with pytest.raises(error, match=match):
            NoticeItem(**values)


# -- repeats, deductions, score, closure ----------------------------------------------------


def _found(fid: str, when: datetime, **changes: Any) -> Finding:
    return make(id=fid, found_at=when, rectify_by=when, verify_on=when.date(), **changes)


class TestRepeatFindings:
    def test_pairs_with_the_most_recent_earlier_finding(self) -> None:
        """Each repeat pairs with the latest earlier finding on the same item and location."""
        fs = [
            _found("A", at(1)),
            _found("C", at(9)),
            _found("B", at(4)),
            _found("D", at(4), location="T4"),
            _found("E", at(5), item_code="ENV-02"),
            _found("Z", at(30)),
        ]
        repeats = repeat_findings(fs, within=timedelta(days=7))
        assert [(r.previous.id, r.repeat.id) for r in repeats] == [("A", "B"), ("B", "C")]
        assert repeats[0].gap == timedelta(days=3)
        assert (repeats[0].item_code, repeats[0].location) == ("ENV-01", "T3")

    def test_window_is_inclusive(self) -> None:
        """A repeat exactly `within` later counts; a microsecond more does not."""
        a, b = _found("A", at(1)), _found("B", at(8))
        assert len(repeat_findings([a, b], within=timedelta(days=7))) == 1
        assert repeat_findings([a, b], within=timedelta(days=7) - timedelta(microseconds=1)) == ()

    def test_cancelled_are_ignored(self) -> None:
        """A cancelled finding neither repeats nor is repeated."""
        a = _found("A", at(1)).cancel(at(1, 11), "Zhao", "wrong item")
        b = _found("B", at(2))
        assert repeat_findings([a, b], within=timedelta(days=7)) == ()

    @pytest.mark.parametrize(
        ("within", "error", "match"),
        [
            pytest.param(
                timedelta(days=-1), InvalidValueError, r"'within' must not be negative", id="neg"
            ),
            pytest.param(7, TypeError, r"'within' must be a timedelta", id="int"),
            pytest.param("7 days", TypeError, r"'within'.*'7 days'", id="str"),
            pytest.param(None, TypeError, r"'within'", id="none"),
            pytest.param(7.0, TypeError, r"'within'.*7.0", id="float"),
        ],
    )
    def test_bad_within(self, within: Any, error: type[Exception], match: str) -> None:
        """The window must be a non-negative timedelta."""
        with pytest.raises(error, match=match):
            repeat_findings([], within=within)

    @pytest.mark.parametrize(
        ("fields", "match"),
        [
            pytest.param({"previous": None}, r"'previous'", id="previous"),
            pytest.param({"repeat": "F"}, r"'repeat'", id="repeat"),
        ],
    )
    def test_bad_record(self, fields: dict[str, Any], match: str) -> None:
        """RepeatFinding holds two findings."""
        values: dict[str, Any] = {"previous": make(), "repeat": make()}
        values.update(fields)
        with pytest.raises(TypeError, match=match):
            RepeatFinding(**values)


def _deduction(fid: str, when: datetime, points: str = "2") -> Finding:
    return _found(fid, when, category="deduction", points=points)


SHANGHAI = "Asia/Shanghai"


class TestDeductionsAndScore:
    def test_deduction_total(self) -> None:
        """Deduction points of the period's findings add up; cancelled and others are out."""
        fs = [
            _deduction("D-1", at(3)),
            _deduction("D-2", at(31, 23, 59), points="1.5"),
            _deduction("D-3", datetime(2025, 4, 1, 0, 0, tzinfo=TZ)),  # April locally
            _deduction("D-4", at(5)).cancel(at(6), "Zhao", "wrong property"),
            make(),  # a rectification item: no points
        ]
        assert deduction_total(fs, MARCH, zone=SHANGHAI) == Decimal("3.5")

    def test_found_date_is_in_the_given_zone(self) -> None:
        """§14.5: 2025-03-31T23:30Z is 1 April in Shanghai, whatever the instant's own offset."""
        utc = _deduction("D", datetime(2025, 3, 31, 23, 30, tzinfo=UTC))
        assert deduction_total([utc], MARCH, zone=SHANGHAI) == 0
        assert deduction_total([utc], Period.parse("2025-04"), zone=SHANGHAI) == 2
        assert deduction_total([utc], MARCH, zone="UTC") == 2
        assert score(10, [utc], MARCH, zone=SHANGHAI) == 10

    def test_repeated_id_refused(self) -> None:
        """§14.12: a finding listed twice would deduct twice: refused, naming the id."""
        d = _deduction("D-9", at(3))
        with pytest.raises(InvalidValueError, match="'D-9' twice") as caught:
            deduction_total([d, d], MARCH, zone=SHANGHAI)
        assert (caught.value.field, caught.value.value) == ("findings[1].id", "D-9")
        with pytest.raises(InvalidValueError, match="'D-9' twice"):
            score(100, [d, d], MARCH, zone=SHANGHAI)

    @pytest.mark.parametrize(
        ("base", "expected"),
        [
            pytest.param(100, Decimal(96), id="int"),
            pytest.param("10.5", Decimal("6.5"), id="string"),
            pytest.param(Decimal(3), Decimal(0), id="floored-at-zero"),
        ],
    )
    def test_score(self, base: Any, expected: Decimal) -> None:
        """The score is base minus the period's deductions, never below 0."""
        fs = [_deduction("D-1", at(3)), _deduction("D-2", at(4))]
        assert score(base, fs, MARCH, zone=SHANGHAI) == expected

    def test_score_ignores_the_decimal_context(self) -> None:
        """§14.10: score and deduction_total are exact under any decimal context."""
        fs = [_deduction("D-1", at(3), points="7.5"), _deduction("D-2", at(4), points="0.375")]
        with localcontext(prec=3):
            assert score(Decimal("100.125"), fs, MARCH, zone=SHANGHAI) == Decimal("92.250")
            assert score("100.125", [], MARCH, zone=SHANGHAI) == Decimal("100.125")
            assert deduction_total(fs, MARCH, zone=SHANGHAI) == Decimal("7.875")
        with localcontext() as quiet:
            quiet.traps[InvalidOperation] = False  # Decimal("abc") would be a quiet NaN here
            with pytest.raises(InvalidValueError, match="'base' must be a decimal number"):
                score("abc", [], MARCH, zone=SHANGHAI)

    @pytest.mark.parametrize(
        ("base", "error", "match"),
        [
            pytest.param(100.0, TypeError, r"'base' must be an exact number", id="float"),
            pytest.param(-1, InvalidValueError, r"'base' must not be negative", id="negative"),
            pytest.param("abc", InvalidValueError, r"'base' must be a decimal number", id="text"),
            pytest.param("Infinity", InvalidValueError, r"'base' must be finite", id="inf"),
            pytest.param("1e2000000", InvalidValueError, r"'base' must have an exponent", id="big"),
            pytest.param(Fraction(1, 2), TypeError, r"'base'.*Fraction", id="fraction"),
            pytest.param(None, TypeError, r"'base'", id="none"),
        ],
    )
    def test_bad_base(self, base: Any, error: type[Exception], match: str) -> None:
        """The base must be a non-negative exact number."""
        with pytest.raises(error, match=match):
            score(base, [], MARCH, zone=SHANGHAI)

    def test_bad_period_and_findings(self) -> None:
        """The period must be a Period, the findings Findings and the zone a known one."""
        with pytest.raises(TypeError, match="'period' must be Period"):
            deduction_total([], "2025-03", zone=SHANGHAI)  # type: ignore[arg-type]
        with pytest.raises(TypeError, match=r"'findings\[0\]' must be Finding"):
            deduction_total([None], MARCH, zone=SHANGHAI)  # type: ignore[list-item]
        with pytest.raises(InvalidValueError, match="'zone'"):
            deduction_total([], MARCH, zone="Mars/Olympus")


class TestClosureRate:
    def fixture(self) -> list[Finding]:
        """Three suggestions and two deductions in March, one of each closed by 31 March."""
        s1 = _found("S-1", at(3), category="suggestion")
        s2 = _found("S-2", at(4), category="suggestion")
        s3 = _found("S-3", at(5), category="suggestion").cancel(at(6), "Zhao", "duplicate")
        d1 = _deduction("D-1", at(6))
        d2 = _deduction("D-2", at(7))
        r1 = make(id="R-1")
        return [
            s1.rectify(at(4), "Wang").verify(at(5), "Zhao", passed=True),
            s2.rectify(at(20), "Wang").verify(
                datetime(2025, 4, 1, 9, tzinfo=TZ), "Li", passed=True
            ),
            s3,
            d1.rectify(at(7), "Wang").verify(at(8), "Li", passed=True),
            d2,
            r1.rectify(at(4), "Wang").verify(at(5), "Li", passed=True),
            _found("S-4", datetime(2025, 4, 2, tzinfo=TZ), category="suggestion"),
        ]

    def test_raised_in_period_reading(self) -> None:
        """ClosureBasis.raised_in_period: raised in March, closed by as_of (0.1's reading)."""
        end = datetime(2025, 4, 1, tzinfo=TZ)
        old = {"zone": SHANGHAI, "basis": ClosureBasis.RAISED_IN_PERIOD}
        assert closure_rate(self.fixture(), period=MARCH, as_of=end, **old) == Rate(2, 4)
        later = datetime(2025, 4, 1, 9, tzinfo=TZ)
        assert closure_rate(self.fixture(), period=MARCH, as_of=later, **old) == Rate(3, 4)

    def test_verification_due_by_default(self) -> None:
        """§14.4: counted where verify_on falls, closed when verified passed by that day's end."""
        end = datetime(2025, 4, 1, tzinfo=TZ)
        # S-1 (verify 3rd, verified 5th: late), S-2 (4th, verified 1 April: late),
        # D-1 (6th, verified 8th: late), D-2 (7th, never): 0 of 4
        assert closure_rate(self.fixture(), period=MARCH, as_of=end, zone=SHANGHAI) == Rate(0, 4)

    def test_raised_on_the_thirtieth_verified_on_the_second(self) -> None:
        """A finding raised 30 March, verified on 2 April as due, counts in April, at 100 %."""
        f = make(
            id="S-30",
            category="suggestion",
            found_at=at(30),
            rectify_by=at(31),
            verify_on=date(2025, 4, 2),
        )
        done = f.rectify(at(31), "Wang").verify(
            datetime(2025, 4, 2, 16, tzinfo=TZ), "Zhao", passed=True
        )
        april = Period.parse("2025-04")
        as_of = datetime(2025, 5, 1, tzinfo=TZ)
        assert closure_rate([done], period=MARCH, as_of=as_of, zone=SHANGHAI) == Rate(0, 0)
        assert closure_rate([done], period=april, as_of=as_of, zone=SHANGHAI) == Rate(1, 1)
        old = closure_rate(
            [done],
            period=MARCH,
            as_of=datetime(2025, 4, 1, tzinfo=TZ),
            zone=SHANGHAI,
            basis="raised_in_period",
        )
        assert old == Rate(0, 1)  # 0.1's reading: raised in March, never closed in March

    def test_verified_by_the_end_of_the_day_in_the_zone(self) -> None:
        """Verified at 23:59 local on verify_on closes in time; a minute after midnight not."""
        f = make(id="S-1", category="suggestion", verify_on=date(2025, 3, 7))
        fixed = f.rectify(at(5), "Wang")
        on_time = fixed.verify(at(7, 23, 59), "Zhao", passed=True)
        late = fixed.verify(datetime(2025, 3, 8, 0, 1, tzinfo=TZ), "Zhao", passed=True)
        as_of = datetime(2025, 4, 1, tzinfo=TZ)
        assert closure_rate([on_time], period=MARCH, as_of=as_of, zone=SHANGHAI) == Rate(1, 1)
        assert closure_rate([late], period=MARCH, as_of=as_of, zone=SHANGHAI) == Rate(0, 1)
        # in UTC the 7th ends at 08:00 on the 8th +08:00: the late one is in time there
        assert closure_rate([late], period=MARCH, as_of=as_of, zone="UTC") == Rate(1, 1)
        counts = closure_counts([on_time], period=MARCH, as_of=as_of, zone=SHANGHAI)
        assert next((c.category, c.counted, c.closed) for c in counts) == (
            Category.SUGGESTION,
            1,
            1,
        )

    def test_cancelled_after_as_of_still_counts(self) -> None:
        """A cancellation after as_of is not known at as_of: the item counts."""
        s5 = _found("S-5", at(10), category="suggestion").cancel(at(20), "Zhao", "duplicate")
        assert closure_rate([s5], period=MARCH, as_of=at(15), zone=SHANGHAI) == Rate(0, 1)
        assert closure_rate([s5], period=MARCH, as_of=at(25), zone=SHANGHAI) == Rate(0, 0)

    def test_chosen_categories(self) -> None:
        """The categories counted for closure can be chosen."""
        end = datetime(2025, 4, 1, tzinfo=TZ)
        rate = closure_rate(
            self.fixture(), period=MARCH, as_of=end, zone=SHANGHAI, categories=["整改项"]
        )
        assert rate == Rate(1, 1)  # R-1, due the 7th, verified (early) on the 5th

    def test_nothing_raised_is_not_applicable(self) -> None:
        """No finding counted gives 0/0."""
        assert not closure_rate([], period=MARCH, as_of=at(31), zone=SHANGHAI).is_applicable

    def test_repeated_id_refused(self) -> None:
        """§14.12: the same id twice is refused."""
        f = _found("S-1", at(3), category="suggestion")
        with pytest.raises(InvalidValueError, match="'S-1' twice"):
            closure_rate([f, f], period=MARCH, as_of=at(31), zone=SHANGHAI)

    @pytest.mark.parametrize(
        ("kwargs", "error", "match"),
        [
            pytest.param(
                {"as_of": datetime(2025, 4, 1)}, NaiveDatetimeError, "'as_of'", id="naive"
            ),
            pytest.param({"categories": ["bonus"]}, InvalidValueError, "'bonus'", id="category"),
            pytest.param({"categories": "suggestion"}, TypeError, "string", id="string"),
            pytest.param({"period": "2025-03"}, TypeError, "'period'", id="period"),
            pytest.param({"as_of": date(2025, 4, 1)}, TypeError, "'as_of'", id="date"),
            pytest.param({"basis": "sometime"}, InvalidValueError, "'basis'", id="basis"),
            pytest.param({"zone": "Nowhere"}, InvalidValueError, "'zone'", id="zone"),
        ],
    )
    def test_bad_inputs(self, kwargs: dict[str, Any], error: type[Exception], match: str) -> None:
        """Bad arguments are refused with the argument named."""
        values: dict[str, Any] = {"period": MARCH, "as_of": at(31), "zone": SHANGHAI}
        values.update(kwargs)
        with pytest.raises(error, match=match):
            closure_rate([], **values)


# -- vocabularies and serialization ---------------------------------------------------------


def test_vocabulary_labels() -> None:
    """Categories, severities and statuses carry their Chinese names; severities rank."""
    assert [c.label_zh for c in Category] == ["建议项", "整改项", "扣分项"]
    assert [s.label_zh for s in Severity] == ["严重", "一般", "轻微"]
    assert [s.rank for s in Severity] == [0, 1, 2]
    assert FindingStatus.RECTIFIED.label_zh == "待验证"
    assert [k.value for k in FindingEventKind] == [
        "rectification",
        "verification",
        "reopening",
        "cancellation",
    ]


@pytest.mark.parametrize(
    ("kind", "word", "member"),
    [
        pytest.param(Category, "建议项", Category.SUGGESTION, id="建议项"),
        pytest.param(Category, "整改", Category.RECTIFICATION, id="整改"),
        pytest.param(Category, " 扣分项 ", Category.DEDUCTION, id="扣分项-blank"),
        pytest.param(Category, "扣分", Category.DEDUCTION, id="扣分"),
        pytest.param(Severity, "严重", Severity.CRITICAL, id="严重"),
        pytest.param(Severity, "一般", Severity.MAJOR, id="一般"),
        pytest.param(Severity, "轻微", Severity.MINOR, id="轻微"),
        pytest.param(Severity, "MINOR", Severity.MINOR, id="upper"),
        pytest.param(FindingStatus, "已关闭", FindingStatus.CLOSED, id="已关闭"),
        pytest.param(FindingStatus, "待验证", FindingStatus.RECTIFIED, id="待验证"),
        pytest.param(FindingEventKind, "二次验证", FindingEventKind.VERIFICATION, id="二次验证"),
        pytest.param(FindingEventKind, "撤销", FindingEventKind.CANCELLATION, id="撤销"),
        pytest.param(VerificationResult, "通过", VerificationResult.PASSED, id="通过"),
        pytest.param(VerificationResult, "不通过", VerificationResult.FAILED, id="不通过"),
        pytest.param(ClosureBasis, "验证到期", ClosureBasis.VERIFICATION_DUE, id="验证到期"),
    ],
)
def test_chinese_words(kind: Any, word: str, member: Any) -> None:
    """§14.7: every vocabulary reads its Chinese words; values are written back in English."""
    assert kind(word) is member
    assert str(member) == member.value


def test_chinese_words_in_records() -> None:
    """A finding and its events read Chinese values and write English ones."""
    f = make(category="扣分项", severity="严重", points=1)
    assert (f.category, f.severity) == (Category.DEDUCTION, Severity.CRITICAL)
    e = FindingEvent(kind="二次验证", at=at(5), by="Li", result="不通过")
    assert (e.kind, e.result) == (FindingEventKind.VERIFICATION, VerificationResult.FAILED)
    assert to_data(f)["category"] == "deduction"
    with pytest.raises(InvalidValueError, match="建议项") as caught:
        make(category="bonus")
    assert (caught.value.field, caught.value.value) == ("category", "bonus")


def test_event_kind_is_renamed() -> None:
    """findings.EventKind still works for one release, with a DeprecationWarning."""
    import propstd.findings as module

    with pytest.warns(DeprecationWarning, match="FindingEventKind"):
        old = module.EventKind
    assert old is FindingEventKind
    with pytest.raises(AttributeError, match="Nothing"):
        _ = module.Nothing


def test_errors_carry_field_and_value() -> None:
    """§14.9: refusals name the field and carry the offending value."""
    with pytest.raises(InvalidValueError) as caught:
        make(category="deduction", points=0)
    assert (caught.value.field, caught.value.value) == ("points", Decimal(0))
    with pytest.raises(TransitionError) as refused:
        make().verify(at(5), "Li", passed=True)
    assert refused.value.field == "events[0].kind"
    fixed = make().rectify(at(4), "Wang")
    with pytest.raises(TransitionError) as same:
        fixed.verify(at(5), " wang ", passed=True)
    assert (same.value.field, same.value.value) == ("events[1].by", " wang ")


def test_round_trip_with_events() -> None:
    """A finding with its history and a policy survive to_data/JSON/from_data exactly."""
    f = reopened().rectify(at(6), "Zhao").verify(at(7), "Wang", passed=True)
    f = attrs.evolve(f, category="deduction", points=Decimal("2.50"))
    data = json.loads(json.dumps(to_data(f)))
    assert data["points"] == "2.50"
    assert data["events"][1] == {
        "kind": "verification",
        "at": "2025-03-05T09:00:00+08:00",
        "by": "Zhao",
        "note": "still dirty",
        "result": "failed",
    }
    assert from_data(Finding, data) == f
    assert from_data(RectificationPolicy, json.loads(json.dumps(to_data(SAMPLE_POLICY)))) == (
        SAMPLE_POLICY
    )


def test_module_surface() -> None:
    """The public names are sorted and dir() lists exactly them."""
    import propstd.findings as module

    assert module.__all__ == sorted(module.__all__)
    assert dir(module) == module.__all__
    assert all(re.match(r"[A-Za-z]", name) for name in module.__all__)


def test_instants_compare_as_real_time_across_a_fall_back() -> None:
    """Order is real elapsed time: 02:45 (first pass) is before 02:30 (second pass)."""
    berlin = ZoneInfo("Europe/Berlin")
    second_pass = datetime(2025, 10, 26, 2, 30, fold=1, tzinfo=berlin)
    first_pass = datetime(2025, 10, 26, 2, 45, fold=0, tzinfo=berlin)
    with pytest.raises(InvalidValueError, match=r"'rectify_by' .* is before 'found_at'"):
        make(found_at=second_pass, rectify_by=first_pass, verify_on=date(2025, 10, 26))
    f = make(found_at=first_pass, rectify_by=second_pass, verify_on=date(2025, 10, 26))
    g = f.rectify(second_pass, "Wang")
    assert g.status(first_pass) is FindingStatus.OPEN
    with pytest.raises(TransitionError, match="out of order"):
        g.verify(first_pass + timedelta(minutes=10), "Li", passed=True)


def test_sample_month() -> None:
    """The sample's March findings: 9 / 6 / 4 by category, 2 points each deduction; 12
    suggestion and deduction items due for verification in March, 11 verified on time."""
    from propstd import samples

    fs = samples.month().findings
    assert [sum(1 for f in fs if f.category is c) for c in Category] == [9, 6, 4]
    assert {f.points for f in fs if f.category is Category.DEDUCTION} == {Decimal(2)}
    assert all(e.at <= samples.AS_OF for f in fs for e in f.events)
    month_end = datetime(2025, 4, 1, tzinfo=ZoneInfo(samples.ZONE))
    closure = closure_rate(fs, period=samples.MONTH, as_of=month_end, zone=samples.ZONE)
    assert closure == Rate(11, 12)


# -- mutation gaps (benchmarks/mutation.py) ------------------------------------------------


class TestMutationGaps:
    """Behaviour pinned because a mutation of `findings/_records.py` survived the tests."""

    @pytest.mark.parametrize(
        ("fields", "message", "field", "value"),
        [
            pytest.param(
                {"kind": "verification"},
                "a verification event needs a 'result' (passed or failed), got None",
                "result",
                None,
                id="verification-no-result",
            ),
            pytest.param(
                {"kind": "rectification", "result": "passed"},
                "only a verification carries a 'result'; a rectification got 'passed'",
                "result",
                VerificationResult.PASSED,
                id="result-on-rectification",
            ),
            pytest.param(
                {"kind": "reopening", "note": "  "},
                "a reopening needs a reason in 'note', got '  '",
                "note",
                "  ",
                id="reopen-no-reason",
            ),
        ],
    )
    def test_event_errors_carry_field_and_value(
        self, fields: dict[str, Any], message: str, field: str, value: object
    ) -> None:
        """A refused event's error has the whole message, the field and the offending value."""
        with pytest.raises(InvalidValueError) as info:
            FindingEvent(**{"at": at(4), "by": "Li", **fields})
        assert (info.value.message, info.value.field, info.value.value) == (message, field, value)

    @pytest.mark.parametrize(
        ("changes", "message", "field", "value"),
        [
            pytest.param(
                {"points": -1}, "'points' must not be negative, got -1", "points", -1, id="neg"
            ),
            pytest.param(
                {"points": "two"},
                "'points' must be a decimal number, got 'two'",
                "points",
                "two",
                id="not-a-number",
            ),
            pytest.param(
                {"category": "deduction"},
                "a deduction item must carry 'points' > 0, got Decimal('0')",
                "points",
                Decimal(0),
                id="deduction-without-points",
            ),
            pytest.param(
                {"points": 2},
                "only deduction items carry points; a rectification got 'points' Decimal('2')",
                "points",
                Decimal(2),
                id="points-on-rectification",
            ),
            pytest.param(
                {"rectify_by": at(3, 9)},
                "'rectify_by' 2025-03-03 09:00+08:00 is before 'found_at' 2025-03-03 10:00+08:00",
                "rectify_by",
                at(3, 9),
                id="deadline-before-found",
            ),
            pytest.param(
                {"verify_on": date(2025, 3, 2)},
                "'verify_on' '2025-03-02' is before the found date '2025-03-03'",
                "verify_on",
                date(2025, 3, 2),
                id="verify-before-found",
            ),
        ],
    )
    def test_finding_errors_carry_field_and_value(
        self, changes: dict[str, Any], message: str, field: str, value: object
    ) -> None:
        """A refused finding's error has the whole message, the field and the offending value."""
        with pytest.raises(InvalidValueError) as info:
            make(**changes)
        assert (info.value.message, info.value.field, info.value.value) == (message, field, value)

    def test_fraction_points_message_shows_the_value(self) -> None:
        """Points given as a Fraction are refused with the fraction shown."""
        with pytest.raises(TypeError) as info:
            make(category="deduction", points=Fraction(1, 3))
        assert str(info.value) == (
            "'points' must be an int, Decimal or decimal string, got Fraction Fraction(1, 3)"
        )

    @pytest.mark.parametrize(
        ("events", "field", "value"),
        [
            pytest.param(
                [FindingEvent(kind="rectification", at=at(2), by="Wang")],
                "events[0].at",
                at(2),
                id="before-found",
            ),
            pytest.param(
                [
                    FindingEvent(kind="rectification", at=at(5), by="Wang"),
                    FindingEvent(kind="verification", at=at(4), by="Li", result="passed"),
                ],
                "events[1].at",
                at(4),
                id="before-previous",
            ),
            pytest.param(
                [
                    FindingEvent(kind="rectification", at=at(4), by="Wang"),
                    FindingEvent(kind="rectification", at=at(5), by="Wang"),
                ],
                "events[1].kind",
                FindingEventKind.RECTIFICATION,
                id="rectify-twice",
            ),
        ],
    )
    def test_history_errors_name_the_event(
        self, events: list[FindingEvent], field: str, value: object
    ) -> None:
        """A refused history names the event at fault (`events[i].at` or `.kind`) and its value."""
        with pytest.raises(TransitionError) as info:
            make(events=events)
        assert (info.value.field, info.value.value) == (field, value)

    def test_lifecycle_notes_default_to_empty(self) -> None:
        """A rectification or verification recorded without a note carries an empty note."""
        f = make().rectify(at(4), "Wang").verify(at(5), "Li", passed=True)
        assert [e.note for e in f.events] == ["", ""]
