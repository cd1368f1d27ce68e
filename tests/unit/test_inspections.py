"""Example tables for propstd.inspections: plans, records, the tally and the report."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest

from propstd import inspections
from propstd.calendars import ALWAYS_OPEN, WorkingCalendar
from propstd.errors import InvalidValueError, NaiveDatetimeError
from propstd.findings import Category, Finding, Severity
from propstd.frequencies import Frequency, Proration
from propstd.inspections import (
    CheckItem,
    Checklist,
    CheckRecord,
    Completion,
    FindingCount,
    Indicator,
    InspectionPlan,
    QpiTally,
    QpiTargets,
    Requirement,
    RoundsDone,
    qpi_report,
    qpi_tally,
)
from propstd.periods import Period, PeriodUnit
from propstd.rates import Rate, Target, TargetResult

TZ = timezone(timedelta(hours=8))
ANCHOR = date(2025, 1, 6)
MARCH = Period.parse("2025-03")
SHANGHAI = WorkingCalendar.weekly(zone="Asia/Shanghai", days="daily")
F = Frequency.parse


def _plan(name: str = "P") -> InspectionPlan:
    return InspectionPlan(
        [
            Checklist(
                "SEC",
                "秩序维护",
                [
                    CheckItem("SEC-01", "Guard posts", None, samples=3),
                    CheckItem("SEC-04", "CCTV", F("weekly")),
                ],
                frequency=F("daily"),
            ),
            Checklist(
                "ENG",
                "工程",
                [CheckItem("ENG-05", "Fire alarm test", F("quarterly"))],
                frequency=F("weekly"),
            ),
        ],
        anchor=ANCHOR,
        name=name,
    )


def _at(day: int, hour: int = 9, month: int = 3) -> datetime:
    return datetime(2025, month, day, hour, tzinfo=TZ)


def _rec(code: str, day: int, **kwargs: object) -> CheckRecord:
    fields: dict[str, object] = {"samples": 3, "evidence": ("P",)} | kwargs
    return CheckRecord(code, _at(day), "Zhao", **fields)  # type: ignore[arg-type]


def _finding(
    n: int, category: Category, day: int, *, closed: bool = False, cancelled: bool = False
) -> Finding:
    found = _at(day, 11)
    f = Finding(
        f"F-{n}",
        "SEC-01",
        category,
        Severity.MINOR,
        "x",
        found,
        "Chen",
        points=Decimal(2) if category is Category.DEDUCTION else Decimal(0),
        rectify_by=found + timedelta(days=5),
        verify_on=found.date() + timedelta(days=6),
    )
    if cancelled:
        return f.cancel(found + timedelta(hours=1), "Chen", "raised in error")
    if closed:
        f = f.rectify(found + timedelta(hours=1), "Wang")
        f = f.verify(found + timedelta(hours=2), "Chen", passed=True)
    return f


def _tally(records: list[CheckRecord], findings: list[Finding] | None = None) -> QpiTally:
    return qpi_tally(
        _plan(), records=records, findings=findings or [], period=MARCH, calendar=SHANGHAI
    )


class TestPlanConstruction:
    """Items, checklists and plans validate on construction."""

    @pytest.mark.parametrize(
        ("args", "kwargs", "error", "match"),
        [
            pytest.param(("", "t"), {}, InvalidValueError, "'code'", id="blank-code"),
            pytest.param(("A", " "), {}, InvalidValueError, "'title'", id="blank-title"),
            pytest.param(("A", "t", "daily"), {}, TypeError, "'frequency'.*daily", id="str-freq"),
            pytest.param(("A", "t"), {"samples": 0}, InvalidValueError, "'samples'", id="samples"),
            pytest.param(("A", "t"), {"samples": 1.0}, TypeError, "'samples'", id="float"),
            pytest.param(("A", "t"), {"role": None}, TypeError, "'role'", id="role"),
        ],
    )
    def test_bad_item(
        self,
        args: tuple[object, ...],
        kwargs: dict[str, object],
        error: type[Exception],
        match: str,
    ) -> None:
        """Bad item fields raise, naming the field."""
        with pytest.raises(error, match=match):
            CheckItem(*args, **kwargs)  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("args", "kwargs", "error", "match"),
        [
            pytest.param(
                ("", "t", [CheckItem("A", "a")]),
                {"frequency": F("daily")},
                InvalidValueError,
                "'code'",
                id="code",
            ),
            pytest.param(
                ("C", "t", []),
                {"frequency": F("daily")},
                InvalidValueError,
                "'items' ()",
                id="empty",
            ),
            pytest.param(
                ("C", "t", [CheckItem("A", "a"), CheckItem("A", "b")]),
                {"frequency": F("daily")},
                InvalidValueError,
                "duplicate item codes: A",
                id="duplicate",
            ),
            pytest.param(
                ("C", "t", ["A"]),
                {"frequency": F("daily")},
                TypeError,
                r"items\[0\]",
                id="not-item",
            ),
            pytest.param(
                ("C", "t", [CheckItem("A", "a")]),
                {"frequency": "daily"},
                TypeError,
                "'frequency'",
                id="freq",
            ),
            pytest.param(
                ("C", "t", "A"),
                {"frequency": F("daily")},
                TypeError,
                "string 'A'",
                id="string-items",
            ),
        ],
    )
    def test_bad_checklist(
        self,
        args: tuple[object, ...],
        kwargs: dict[str, object],
        error: type[Exception],
        match: str,
    ) -> None:
        """Bad checklist fields raise, naming the field or the duplicate."""
        with pytest.raises(error, match=match):
            Checklist(*args, **kwargs)  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("checklists", "kwargs", "error", "match"),
        [
            pytest.param([], {"anchor": ANCHOR}, InvalidValueError, "'checklists' ()", id="empty"),
            pytest.param(
                [Checklist("C", "t", [CheckItem("A", "a")], frequency=F("daily"))] * 2,
                {"anchor": ANCHOR},
                InvalidValueError,
                "duplicate checklist codes: C",
                id="dup-checklist",
            ),
            pytest.param(
                [
                    Checklist("C", "t", [CheckItem("A", "a")], frequency=F("daily")),
                    Checklist("D", "t", [CheckItem("A", "b")], frequency=F("daily")),
                ],
                {"anchor": ANCHOR},
                InvalidValueError,
                "duplicate item codes: A",
                id="dup-item-across",
            ),
            pytest.param(
                [Checklist("C", "t", [CheckItem("A", "a")], frequency=F("daily"))],
                {"anchor": datetime(2025, 1, 6, tzinfo=TZ)},
                TypeError,
                "'anchor'",
                id="datetime-anchor",
            ),
            pytest.param(
                ["C"], {"anchor": ANCHOR}, TypeError, r"checklists\[0\]", id="not-checklist"
            ),
            pytest.param(
                [Checklist("C", "t", [CheckItem("A", "a")], frequency=F("daily"))],
                {"anchor": ANCHOR, "name": 1},
                TypeError,
                "'name'",
                id="name",
            ),
        ],
    )
    def test_bad_plan(
        self,
        checklists: list[object],
        kwargs: dict[str, object],
        error: type[Exception],
        match: str,
    ) -> None:
        """Bad plans raise, naming the field or the duplicate."""
        with pytest.raises(error, match=match):
            InspectionPlan(checklists, **kwargs)  # type: ignore[arg-type]

    def test_lookups(self) -> None:
        """The plan finds items, their checklist and effective frequency."""
        plan = _plan()
        assert plan.item("SEC-04").title == "CCTV"
        assert plan.checklist_of("ENG-05").code == "ENG"
        assert plan.frequency_of("SEC-01") == F("daily")  # inherited from the checklist
        assert plan.codes == {"SEC-01", "SEC-04", "ENG-05"}
        assert [i.code for i in plan.items] == ["SEC-01", "SEC-04", "ENG-05"]
        with pytest.raises(InvalidValueError, match="no item 'X-1'"):
            plan.item("X-1")

    def test_identity(self) -> None:
        """The identity is the name and a digest of the content; evolve rebuilds it."""
        a, b = _plan("A"), _plan("A")
        assert a.identity == b.identity
        assert a.identity.startswith("A#")
        assert _plan("B").identity != a.identity
        moved = attrs.evolve(a, anchor=date(2025, 1, 13))
        assert moved.identity != a.identity
        assert moved.frequency_of("SEC-01") == F("daily")


class TestCheckRecord:
    """Records validate and judge their own traceability."""

    @pytest.mark.parametrize(
        ("args", "kwargs", "error", "match"),
        [
            pytest.param(("", _at(1), "Z"), {}, InvalidValueError, "'item_code'", id="blank-code"),
            pytest.param(
                ("A", datetime(2025, 3, 1), "Z"), {}, NaiveDatetimeError, "'at'", id="naive"
            ),
            pytest.param(("A", date(2025, 3, 1), "Z"), {}, TypeError, "'at'", id="date"),
            pytest.param(("A", _at(1), None), {}, TypeError, "'inspector'", id="inspector"),
            pytest.param(
                ("A", _at(1), "Z"), {"samples": 0}, InvalidValueError, "'samples'", id="samples"
            ),
            pytest.param(
                ("A", _at(1), "Z"),
                {"evidence": ["P", " "]},
                InvalidValueError,
                r"evidence\[1\]",
                id="blank-evidence",
            ),
            pytest.param(
                ("A", _at(1), "Z"),
                {"evidence": "IMG-1"},
                TypeError,
                "string 'IMG-1'",
                id="evidence-str",
            ),
            pytest.param(("A", _at(1), "Z"), {"round_id": 3}, TypeError, "'round_id'", id="round"),
        ],
    )
    def test_bad_record(
        self,
        args: tuple[object, ...],
        kwargs: dict[str, object],
        error: type[Exception],
        match: str,
    ) -> None:
        """Bad record fields raise, naming the field."""
        with pytest.raises(error, match=match):
            CheckRecord(*args, **kwargs)  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("inspector", "evidence", "samples", "traceable"),
        [
            pytest.param("Zhao", ("P",), 3, True, id="traceable"),
            pytest.param("  ", ("P",), 3, False, id="no-inspector"),
            pytest.param("Zhao", (), 3, False, id="no-evidence"),
            pytest.param("Zhao", ("P",), 2, False, id="too-few-samples"),
        ],
    )
    def test_traceable(
        self, inspector: str, evidence: tuple[str, ...], samples: int, traceable: bool
    ) -> None:
        """Traceable = inspector + evidence + enough samples (3 required here)."""
        r = CheckRecord("A", _at(1), inspector, samples=samples, evidence=evidence)
        assert r.is_traceable(required_samples=3) is traceable


class TestTally:
    """qpi_tally counts requirements, completions, rounds, records and findings."""

    def test_requirements(self) -> None:
        """March: 31 daily + 5 weekly + 1/3 quarterly points; 31 SEC + 5 ENG rounds."""
        t = _tally([])
        assert t.required_points == 31 + 5 + Fraction(1, 3)
        assert t.required_rounds == 36
        assert (t.completed_points, t.completed_rounds) == (Fraction(0), Fraction(0))
        assert t.records == 0

    def test_capping_and_duplicates(self) -> None:
        """Two checks in one window count once; extra windows do not fill missed ones."""
        t = _tally([_rec("SEC-04", 3), _rec("SEC-04", 4), _rec("ENG-05", 5), _rec("ENG-05", 6)])
        assert t.completed_points == 1 + Fraction(1, 3)
        assert t.records == 4
        assert [c.count for c in t.point_completions] == [2, 2]

    def test_outside_period_and_zone(self) -> None:
        """Records are dated in the calendar's zone; those outside the period are left out."""
        late = CheckRecord("SEC-01", datetime(2025, 3, 31, 23, 30, tzinfo=TZ), "Z", evidence=["P"])
        utc_late = CheckRecord("SEC-01", datetime(2025, 2, 28, 20, 0, tzinfo=UTC), "Z")
        t = _tally([late, utc_late, _rec("SEC-01", 2)])
        # 23:30 +08 on 31 March is in March; 20:00 UTC on 28 Feb is 04:00 on 1 March in Shanghai
        assert t.records == 3

    def test_outside_period_left_out(self) -> None:
        """A February record is not in the March tally."""
        feb = CheckRecord("SEC-01", datetime(2025, 2, 27, 9, tzinfo=TZ), "Z")
        assert _tally([feb]).records == 0

    def test_unknown_codes_raise(self) -> None:
        """Records for codes the plan does not know are listed, never dropped."""
        with pytest.raises(InvalidValueError, match="does not know: ENV-09, XX"):
            _tally([_rec("XX", 1), _rec("SEC-01", 1), _rec("ENV-09", 2), _rec("XX", 3)])

    def test_traceability(self) -> None:
        """Records without evidence or with too few samples are not traceable."""
        t = _tally(
            [_rec("SEC-01", 1), _rec("SEC-01", 2, evidence=()), _rec("SEC-01", 3, samples=2)]
        )
        assert (t.records, t.traceable_records) == (3, 1)

    def test_rounds(self) -> None:
        """Rounds: distinct round ids, else the most distinct instants of one item."""
        t = _tally(
            [
                _rec("SEC-01", 1),
                _rec("SEC-04", 1),  # same SEC round (same day, no id)
                _rec("ENG-05", 3, round_id="R1"),
                _rec("ENG-05", 4, round_id="R2"),  # a second ENG round in one weekly window
            ]
        )
        assert t.completed_rounds == 2
        assert [(r.rounds, len(r.passes), r.done) for r in t.round_completions] == [
            (("R1",), 0, 1),  # one round required: only the first id is kept
            ((), 2, 1),
        ]

    def test_findings(self) -> None:
        """Findings raised in the period by category; closed by its end; cancelled left out."""
        fs = [
            _finding(1, Category.SUGGESTION, 3, closed=True),
            _finding(2, Category.SUGGESTION, 4),
            _finding(3, Category.DEDUCTION, 5, closed=True),
            _finding(4, Category.RECTIFICATION, 6, cancelled=True),
            _finding(5, Category.RECTIFICATION, 7),
        ]
        feb = Finding(
            "F-9",
            "SEC-01",
            "suggestion",
            "minor",
            "x",
            datetime(2025, 2, 20, tzinfo=TZ),
            "C",
            rectify_by=datetime(2025, 2, 21, tzinfo=TZ),
            verify_on=date(2025, 2, 22),
        )
        t = _tally([], [*fs, feb])
        assert (t.raised("suggestion"), t.closed(Category.SUGGESTION)) == (2, 1)
        assert (t.raised("deduction"), t.closed("deduction")) == (1, 1)
        assert (t.raised("rectification"), t.closed("rectification")) == (1, 0)

    def test_finding_dates_at_the_edges(self) -> None:
        """First day counted, the day after the period not, 23:30+08:00 on the last day
        counted, and a finding of another month listed first does not stop the count."""

        def found(n: int, when: datetime) -> Finding:
            return Finding(
                f"E-{n}",
                "SEC-01",
                "suggestion",
                "minor",
                "x",
                when,
                "C",
                rectify_by=when,
                verify_on=when.date(),
            )

        april = found(0, datetime(2025, 4, 1, 0, 0, tzinfo=TZ))
        fs = [
            april,
            found(1, datetime(2025, 3, 1, 0, 0, tzinfo=TZ)),
            found(2, datetime(2025, 3, 31, 23, 30, tzinfo=TZ)),
            found(3, datetime(2025, 2, 28, 23, 59, tzinfo=TZ)),
        ]
        t = _tally([], fs)
        assert t.raised("suggestion") == 2
        assert t.counted("suggestion") == 2

    def test_local_date_in_the_calendars_zone(self) -> None:
        """§14.5: a finding at 2025-03-31T23:30Z is April's in Shanghai."""
        when = datetime(2025, 3, 31, 23, 30, tzinfo=UTC)
        f = Finding(
            "Z-1",
            "SEC-01",
            "deduction",
            "minor",
            "x",
            when,
            "C",
            points=1,
            rectify_by=when,
            verify_on=date(2025, 4, 1),
        )
        assert _tally([], [f]).raised("deduction") == 0
        april = qpi_tally(
            _plan(), records=[], findings=[f], period=Period.parse("2025-04"), calendar=SHANGHAI
        )
        assert april.raised("deduction") == 1

    def test_closure_where_verification_is_due(self) -> None:
        """§14.4: raised 30 March, verified as due on 2 April: counted and closed in April."""
        f = _finding(1, Category.SUGGESTION, 30)
        f = attrs.evolve(f, verify_on=date(2025, 4, 2))
        f = f.rectify(_at(31, 10), "Wang").verify(_at(2, 10, month=4), "Chen", passed=True)
        march = _tally([], [f])
        assert (march.raised("suggestion"), march.counted("suggestion")) == (1, 0)
        assert qpi_report(march).rate("closure") == Rate.not_applicable()
        april = qpi_tally(
            _plan(), records=[], findings=[f], period=Period.parse("2025-04"), calendar=SHANGHAI
        )
        assert (april.raised("suggestion"), april.counted("suggestion")) == (0, 1)
        assert qpi_report(april).rate(Indicator.CLOSURE) == Rate(1, 1)
        old = qpi_tally(
            _plan(),
            records=[],
            findings=[f],
            period=MARCH,
            calendar=SHANGHAI,
            closure_basis="raised_in_period",
        )
        assert (old.counted("suggestion"), old.closed("suggestion")) == (1, 0)

    def test_finding_counted_for_closure_only_is_keyed(self) -> None:
        """§14.12: a finding verified as due in the period (raised earlier) keys the tally."""
        due = attrs.evolve(_finding(1, Category.SUGGESTION, 30), verify_on=date(2025, 4, 2))
        later = attrs.evolve(_finding(2, Category.SUGGESTION, 30), verify_on=date(2025, 5, 2))
        dropped = attrs.evolve(_finding(3, Category.SUGGESTION, 30), verify_on=date(2025, 4, 2))
        dropped = dropped.cancel(_at(31, 10), "Chen", "raised in error")
        april = Period.parse("2025-04")
        keyed = qpi_tally(
            _plan(), records=[], findings=[due, later, dropped], period=april, calendar=SHANGHAI
        )
        assert keyed.finding_keys == ((_plan().identity, "2025-04", "F-1"),)
        by_raising = qpi_tally(
            _plan(),
            records=[],
            findings=[due, later, dropped],
            period=april,
            calendar=SHANGHAI,
            closure_basis="raised_in_period",
        )
        assert by_raising.finding_keys == ()

    def test_repeated_finding_id_refused(self) -> None:
        """§14.12: the same finding id twice in one tally is refused, naming it."""
        f = _finding(7, Category.DEDUCTION, 3)
        with pytest.raises(InvalidValueError, match="'F-7' twice") as caught:
            _tally([], [f, f])
        assert caught.value.value == "F-7"

    def test_findings_default_to_none(self) -> None:
        """findings= may be left out."""
        t = qpi_tally(_plan(), records=[_rec("SEC-01", 1)], period=MARCH, calendar=SHANGHAI)
        assert t.raised("suggestion") == 0

    def test_closed_after_the_period_is_open(self) -> None:
        """A finding verified after the period's end is not closed in the period."""
        f = _finding(1, Category.SUGGESTION, 30)
        f = f.rectify(_at(31, 10), "Wang").verify(_at(1, 10, month=4), "Chen", passed=True)
        assert _tally([], [f]).closed("suggestion") == 0

    def test_due_proration(self) -> None:
        """Proration.due counts whole windows due in any period (a week here)."""
        t = qpi_tally(
            _plan(),
            records=[],
            findings=[],
            period=Period.parse("2025-W14"),
            calendar=SHANGHAI,
            proration=Proration.DUE,
        )
        # daily 7, weekly 1, quarterly due 5 April (in W14: 31 Mar – 6 Apr)
        assert t.required_points == 9

    @pytest.mark.parametrize(
        ("kwargs", "error", "match"),
        [
            pytest.param(
                {"period": Period.parse("2025-W10")}, InvalidValueError, "whole months", id="week"
            ),
            pytest.param(
                {"period": Period(date(2025, 3, 1), date(2025, 3, 15))},
                InvalidValueError,
                "whole months",
                id="ends-mid-month",
            ),
            pytest.param(
                {"period": Period(date(2025, 3, 15), date(2025, 4, 1))},
                InvalidValueError,
                "whole months",
                id="starts-mid-month",
            ),
            pytest.param({"period": "2025-03"}, TypeError, "'period'", id="period"),
            pytest.param({"calendar": "china"}, TypeError, "'calendar'", id="calendar"),
            pytest.param({"proration": "pro-rata"}, ValueError, "pro-rata", id="proration"),
            pytest.param({"findings": ["F-1"]}, TypeError, "findings", id="finding"),
        ],
    )
    def test_bad_arguments(
        self, kwargs: dict[str, object], error: type[Exception], match: str
    ) -> None:
        """Bad arguments raise, naming them."""
        args: dict[str, object] = {
            "records": [],
            "findings": [],
            "period": MARCH,
            "calendar": SHANGHAI,
        } | kwargs
        with pytest.raises(error, match=match):
            qpi_tally(_plan(), **args)  # type: ignore[arg-type]

    def test_bad_plan_argument(self) -> None:
        """The plan must be an InspectionPlan."""
        with pytest.raises(TypeError, match="'plan'"):
            qpi_tally("plan", records=[], findings=[], period=MARCH, calendar=ALWAYS_OPEN)  # type: ignore[arg-type]


def _monthly_plan(anchor: date | None) -> InspectionPlan:
    qa = Checklist("QA", "品质部", [CheckItem("QA-01", "专项检查")], frequency=F("monthly"))
    return InspectionPlan([qa], anchor=anchor)


def _on_the_tenth() -> list[CheckRecord]:
    """A monthly check on the 10th of every month, December 2024 to December 2025."""
    months = [(2024, 12)] + [(2025, m) for m in range(1, 13)]
    return [
        CheckRecord("QA-01", datetime(y, m, 10, 10, tzinfo=TZ), "Chen", evidence=["P"])
        for y, m in months
    ]


class TestWindowsCountedWhereDue:
    """semantics §14.2: windows due in P are counted with every record inside them."""

    def test_monday_anchor_monthly_on_the_tenth(self) -> None:
        """Anchor 2025-01-06: March's window (6 Feb - 5 Mar) is met by the check of 10 Feb."""
        plan = _monthly_plan(ANCHOR)
        t = qpi_tally(plan, records=_on_the_tenth(), period=MARCH, calendar=SHANGHAI)
        assert (t.completed_points, t.required_points) == (Fraction(1), Fraction(1))
        assert t.ignored_records == 12  # every other month's check
        assert t.records == 1
        assert plan.records_needed(MARCH) == Period(date(2025, 2, 6), date(2025, 4, 1))

    def test_whole_year(self) -> None:
        """The year 2025: 12 of 12 with the anchor (December's check meets January's window)."""
        year = Period.year(2025)
        for anchor in (ANCHOR, None):
            plan = _monthly_plan(anchor)
            t = qpi_tally(plan, records=_on_the_tenth(), period=year, calendar=SHANGHAI)
            assert (t.completed_points, t.required_points) == (Fraction(12), Fraction(12))
            months = [
                qpi_tally(plan, records=_on_the_tenth(), period=m, calendar=SHANGHAI)
                for m in year.split(PeriodUnit.MONTH)
            ]
            assert QpiTally.sum(months).completed_points == 12

    def test_biweekly_window_met_before_the_period(self) -> None:
        """A biweekly window 24 Feb - 9 Mar due in March is met by a check on 26 Feb."""
        plan = InspectionPlan(
            [Checklist("ENV", "环境", [CheckItem("ENV-04", "Greenery")], frequency=F("biweekly"))]
        )
        window = plan.schedule(F("biweekly")).window_at(date(2025, 2, 26))
        assert (window.start, window.end) == (date(2025, 2, 24), date(2025, 3, 10))
        rec = CheckRecord("ENV-04", datetime(2025, 2, 26, 10, tzinfo=TZ), "Li", evidence=["P"])
        t = qpi_tally(plan, records=[rec], period=MARCH, calendar=SHANGHAI)
        assert (t.completed_points, t.required_points) == (Fraction(1), Fraction(2))
        assert (t.records, t.ignored_records) == (1, 0)
        feb = qpi_tally(plan, records=[rec], period=Period.parse("2025-02"), calendar=SHANGHAI)
        assert (feb.records, feb.ignored_records, feb.completed_points) == (0, 1, Fraction(0))

    def test_records_after_the_period_are_ignored(self) -> None:
        """A record dated on or after the period's end is ignored, even inside a long window."""
        plan = InspectionPlan(
            [Checklist("ENG", "工程", [CheckItem("ENG-05", "Alarm")], frequency=F("quarterly"))]
        )
        jan = Period.parse("2025-01")
        rec = CheckRecord("ENG-05", datetime(2025, 2, 1, 0, 30, tzinfo=TZ), "Wu", evidence=["P"])
        t = qpi_tally(plan, records=[rec], period=jan, calendar=SHANGHAI)
        assert (t.records, t.ignored_records, t.completed_points) == (0, 1, Fraction(0))
        mar = qpi_tally(plan, records=[rec], period=MARCH, calendar=SHANGHAI)
        assert (mar.records, mar.completed_points) == (1, Fraction(1, 3))


class TestRoundsWithoutIds:
    """semantics §14.3: without round ids, rounds are the most distinct instants of one item."""

    def test_twice_a_day(self) -> None:
        """A 2次/日 checklist checked at 09:00 and 17:00 every day of March: 62/62 rounds."""
        twice = F("2次/日")
        plan = InspectionPlan(
            [
                Checklist(
                    "ENV",
                    "环境",
                    [CheckItem("ENV-01", "Lobby"), CheckItem("ENV-02", "Refuse")],
                    frequency=twice,
                )
            ]
        )
        records = [
            CheckRecord(code, _at(day, hour), "Li", evidence=["P"])
            for day in range(1, 32)
            for hour in (9, 17)
            for code in ("ENV-01", "ENV-02")
        ]
        t = qpi_tally(plan, records=records, period=MARCH, calendar=SHANGHAI)
        assert (t.completed_rounds, t.required_rounds) == (Fraction(62), Fraction(62))
        assert (t.completed_points, t.required_points) == (Fraction(124), Fraction(124))
        one_pass = qpi_tally(plan, records=records[::2], period=MARCH, calendar=SHANGHAI)
        assert one_pass.completed_rounds == 62  # every other record: ENV-01 at both hours
        morning = [r for r in records if r.at.hour == 9]
        t1 = qpi_tally(plan, records=morning, period=MARCH, calendar=SHANGHAI)
        assert t1.completed_rounds == 31

    def test_round_ids_and_instants_merge(self) -> None:
        """Round ids and instants recorded in two partitions merge as sets (no double count)."""
        plan = InspectionPlan(
            [Checklist("ENV", "环境", [CheckItem("ENV-01", "Lobby")], frequency=F("2次/日"))]
        )
        a = CheckRecord("ENV-01", _at(3, 9), "Li", evidence=["P"])
        b = CheckRecord("ENV-01", _at(3, 9), "Wang", evidence=["P"])  # the same instant
        parts = [qpi_tally(plan, records=[r], period=MARCH, calendar=SHANGHAI) for r in (a, b)]
        whole = qpi_tally(plan, records=[a, b], period=MARCH, calendar=SHANGHAI)
        assert parts[0] + parts[1] == whole
        assert whole.completed_rounds == 1


class TestCalendarAlignedPlan:
    """semantics §14.1: a plan without an anchor has calendar windows."""

    def test_monthly_on_the_tenth(self) -> None:
        """A monthly check done on the 10th meets March's requirement in a plan with no anchor."""
        plan = InspectionPlan(
            [Checklist("QA", "品质部", [CheckItem("QA-01", "专项检查")], frequency=F("monthly"))]
        )
        rec = CheckRecord("QA-01", _at(10), "Chen", evidence=["P"])
        t = qpi_tally(plan, records=[rec], findings=[], period=MARCH, calendar=SHANGHAI)
        assert plan.anchor is None
        assert (t.completed_points, t.required_points) == (Fraction(1), Fraction(1))
        assert (t.completed_rounds, t.required_rounds) == (Fraction(1), Fraction(1))
        assert plan.schedule(F("monthly")).window_at(date(2025, 3, 10)).period == MARCH


class TestTallyAlgebra:
    """Tallies merge with +: requirements as a union, completions summed, capped when read."""

    def test_partitions_of_one_month(self) -> None:
        """Two halves of one property-month add up to the whole (duplicates capped once)."""
        a = [_rec("SEC-04", 3), _rec("SEC-01", 1)]
        b = [_rec("SEC-04", 4), _rec("SEC-01", 2)]
        assert _tally(a) + _tally(b) == _tally(a + b)
        assert (_tally(a) + _tally(b)).completed_points == 3

    def test_properties_add(self) -> None:
        """Plans with different names are different requirements."""
        one = qpi_tally(_plan("A"), records=[], findings=[], period=MARCH, calendar=SHANGHAI)
        two = qpi_tally(_plan("B"), records=[], findings=[], period=MARCH, calendar=SHANGHAI)
        assert (one + two).required_points == 2 * one.required_points

    def test_merged_order_is_the_global_order(self) -> None:
        """QpiTally.sum sorts plan by plan: the same tuples as one global sort."""
        b = qpi_tally(_plan("B"), records=[_rec("SEC-01", 2)], period=MARCH, calendar=SHANGHAI)
        a = qpi_tally(_plan("A"), records=[_rec("SEC-04", 3)], period=MARCH, calendar=SHANGHAI)
        merged = QpiTally.sum([b, a])
        rebuilt = QpiTally(
            point_requirements=b.point_requirements + a.point_requirements,
            point_completions=b.point_completions + a.point_completions,
            round_requirements=b.round_requirements + a.round_requirements,
            round_completions=b.round_completions + a.round_completions,
            records=2,
            traceable_records=2,
        )
        assert merged == rebuilt
        assert merged.point_requirements[0].plan.startswith("A#")

    def test_sum_and_zero(self) -> None:
        """sum() starts from 0; the empty tally is neutral; other types do not add."""
        t = _tally([_rec("SEC-01", 1)])
        assert sum([t]) == t
        assert t + QpiTally() == t
        assert t.__radd__(1) is NotImplemented
        assert t.__add__(1) is NotImplemented
        with pytest.raises(TypeError):
            _ = t + 1

    def test_adding_a_tally_to_itself_is_refused(self) -> None:
        """§14.12: t + t would count t's records twice: refused when the sum is read."""
        t = _tally([_rec("SEC-01", 1)])
        with pytest.raises(InvalidValueError, match="the same tally is added twice"):
            QpiTally.sum([t, t])
        doubled = t + t
        with pytest.raises(InvalidValueError, match="the same tally is added twice"):
            _ = doubled.records
        empty = QpiTally()
        assert QpiTally.sum([empty, empty]) == empty  # nothing to count twice

    def test_a_finding_in_two_partitions_is_refused(self) -> None:
        """§14.12: the same finding tallied in two partitions of one month is refused."""
        f = _finding(1, Category.SUGGESTION, 3)
        with pytest.raises(InvalidValueError, match="F-1 \\(2025-03\\)") as caught:
            QpiTally.sum([_tally([], [f]), _tally([], [f])])
        assert caught.value.field == "finding_keys"
        april = qpi_tally(
            _plan(), records=[], findings=[f], period=Period.parse("2025-04"), calendar=SHANGHAI
        )
        both = QpiTally.sum([_tally([], [f]), april])  # other months see it legitimately
        assert both.raised("suggestion") == 1

    def test_lazy_sum_reads_like_the_eager_one(self) -> None:
        """`+` defers the merge; the result equals QpiTally.sum, field by field."""
        parts = [_tally([_rec("SEC-01", d)]) for d in range(1, 6)]
        lazy = sum(parts, QpiTally())
        eager = QpiTally.sum(parts)
        assert lazy == eager
        assert lazy.completed_points == 5
        assert hash(lazy) == hash(eager)
        assert repr(lazy) == repr(eager)
        assert QpiTally.sum([lazy, _tally([_rec("SEC-01", 6)])]).completed_points == 6
        with pytest.raises(AttributeError, match="nothing"):
            _ = lazy.nothing  # type: ignore[attr-defined]
        with pytest.raises(TypeError, match=r"'tallies\[\]' must be QpiTally"):
            QpiTally.sum([parts[0], 1])  # type: ignore[list-item]

    def test_round_trip_through_data(self) -> None:
        """A tally (a lazy sum too) survives to_data/JSON/from_data exactly."""
        import json

        from propstd.serialization import from_data, to_data

        t = _tally(
            [_rec("SEC-01", 1), _rec("ENG-05", 3, round_id="R1")],
            [_finding(1, Category.SUGGESTION, 3)],
        )
        lazy = t + _tally([_rec("SEC-01", 2)])
        for tally in (t, lazy):
            data = json.loads(json.dumps(to_data(tally)))
            assert from_data(QpiTally, data) == tally
        assert to_data(t)["finding_keys"] == [[_plan().identity, "2025-03", "F-1"]]
        with pytest.raises(TypeError, match="string triples"):
            QpiTally(finding_keys=[("P", "2025-03")])  # type: ignore[list-item]

    def test_conflicting_requirements(self) -> None:
        """One requirement with two amounts cannot merge."""
        one = QpiTally(
            point_requirements=[Requirement(plan="P", code="A", window=ANCHOR, required=1)]
        )
        two = QpiTally(
            point_requirements=[Requirement(plan="P", code="A", window=ANCHOR, required=2)]
        )
        with pytest.raises(InvalidValueError, match="cannot merge tallies"):
            QpiTally.sum([one, two])
        lazy = one + two  # `+` defers the merge: the conflict shows when the sum is read
        with pytest.raises(InvalidValueError, match="cannot merge tallies"):
            _ = lazy.required_points

    @pytest.mark.parametrize(
        ("name", "entry", "key"),
        [
            (
                "point_requirements",
                Requirement(plan="P", code="A", window=ANCHOR, required=1),
                ("P", "A", ANCHOR, date(1, 1, 1)),
            ),
            (
                "round_requirements",
                Requirement(plan="P", code="SEC", window=ANCHOR, required=1),
                ("P", "SEC", ANCHOR, date(1, 1, 1)),
            ),
            (
                "point_completions",
                Completion(plan="P", code="A", window=ANCHOR, count=1),
                ("P", "A", ANCHOR),
            ),
            (
                "round_completions",
                RoundsDone(plan="P", code="SEC", window=ANCHOR),
                ("P", "SEC", ANCHOR),
            ),
        ],
    )
    def test_two_entries_for_one_window_refused_in_full(
        self, name: str, entry: object, key: tuple[object, ...]
    ) -> None:
        """§14.9: one window given twice is refused with the whole message, field and key."""
        with pytest.raises(InvalidValueError) as caught:
            QpiTally(**{name: [entry, entry]})  # type: ignore[arg-type]
        assert str(caught.value) == f"{name!r} has two entries for {key!r}"
        assert (caught.value.field, caught.value.value) == (name, key)

    @pytest.mark.parametrize(
        ("kwargs", "error", "match"),
        [
            pytest.param(
                {
                    "point_requirements": [
                        Requirement(plan="P", code="A", window=ANCHOR, required=1)
                    ]
                    * 2
                },
                InvalidValueError,
                "'point_requirements' has two entries",
                id="dup-requirement",
            ),
            pytest.param(
                {"point_completions": [Completion(plan="P", code="A", window=ANCHOR, count=1)] * 2},
                InvalidValueError,
                "'point_completions' has two",
                id="dup-completion",
            ),
            pytest.param(
                {"records": 1, "traceable_records": 2},
                InvalidValueError,
                "'traceable_records' 2",
                id="traceable",
            ),
            pytest.param({"records": -1}, InvalidValueError, "'records'", id="negative"),
            pytest.param(
                {"findings": [FindingCount(category="deduction", raised=1, closed=0)] * 2},
                InvalidValueError,
                "'deduction' twice",
                id="dup-category",
            ),
            pytest.param(
                {"round_completions": ["R"]}, TypeError, r"round_completions\[0\]", id="rounds-type"
            ),
            pytest.param(
                {"point_requirements": [1]}, TypeError, r"requirements\[0\]", id="req-type"
            ),
            pytest.param(
                {"point_completions": [1]}, TypeError, r"completions\[0\]", id="done-type"
            ),
            pytest.param({"findings": [1]}, TypeError, r"findings\[0\]", id="findings-type"),
        ],
    )
    def test_bad_tally(self, kwargs: dict[str, object], error: type[Exception], match: str) -> None:
        """A tally validates its parts."""
        with pytest.raises(error, match=match):
            QpiTally(**kwargs)  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("build", "error", "match"),
        [
            pytest.param(
                lambda: Requirement(plan="", code="A", window=ANCHOR, required=1),
                InvalidValueError,
                "'plan'",
                id="plan",
            ),
            pytest.param(
                lambda: Requirement(plan="P", code="A", window=ANCHOR, required=0),
                InvalidValueError,
                "'required'",
                id="zero",
            ),
            pytest.param(
                lambda: Requirement(plan="P", code="A", window="2025", required=1),  # type: ignore[arg-type]
                TypeError,
                "'window'",
                id="window",
            ),
            pytest.param(
                lambda: Completion(plan="P", code="A", window=ANCHOR, count=-1),
                InvalidValueError,
                "'count'",
                id="count",
            ),
            pytest.param(
                lambda: RoundsDone(plan="P", code="", window=ANCHOR, rounds=()),
                InvalidValueError,
                "'code'",
                id="code",
            ),
            pytest.param(
                lambda: FindingCount(category="minor", raised=1, closed=0),
                InvalidValueError,
                "'category'.*minor",
                id="category",
            ),
            pytest.param(
                lambda: FindingCount(category="suggestion", raised=1, closed=2),
                InvalidValueError,
                "'closed' 2",
                id="closed",
            ),
        ],
    )
    def test_bad_parts(self, build: object, error: type[Exception], match: str) -> None:
        """Tally parts validate their fields."""
        with pytest.raises(error, match=match):
            build()  # type: ignore[operator]


class TestReport:
    """qpi_report judges the seven indicators against the targets."""

    def test_indicators(self) -> None:
        """Each indicator's rate and result, against the seed's targets."""
        fs = [_finding(1, Category.SUGGESTION, 3, closed=True), _finding(2, Category.DEDUCTION, 4)]
        records = [_rec("SEC-01", d) for d in range(1, 32)] + [_rec("SEC-04", 3, evidence=())]
        r = qpi_report(_tally(records, fs))
        assert r.rate("coverage") == Rate(32, 36 + Fraction(1, 3))
        assert r.rate(Indicator.FREQUENCY_COMPLETION) == Rate(31, 36)
        assert r.indicator("traceability").result is TargetResult.MISSED
        assert r.rate("closure") == Rate(1, 2)
        assert r.rate("suggestion_rate") == Rate(1, 32)
        assert r.rate("rectification_rate") == Rate(0, 32)
        assert r.indicator("coverage").result is TargetResult.MET  # the seed sets no target
        assert not r.all_met
        assert [i.indicator for i in r.indicators] == list(Indicator)

    def test_not_applicable_without_checks(self) -> None:
        """Finding ratios with no completed check point are not applicable."""
        r = qpi_report(_tally([], [_finding(1, Category.SUGGESTION, 3)]))
        assert r.rate("suggestion_rate") == Rate.not_applicable()
        assert r.indicator("closure").result is TargetResult.MISSED  # 0 of 1 closed

    def test_targets_are_data(self) -> None:
        """Targets and closure categories can be replaced."""
        fs = [
            _finding(1, Category.RECTIFICATION, 3, closed=True),
            _finding(2, Category.SUGGESTION, 4),
        ]
        targets = attrs.evolve(QpiTargets.seed(), closure_categories=["rectification"])
        r = qpi_report(_tally([], fs), targets)
        assert r.rate("closure") == Rate(1, 1)
        assert targets.target_of("closure") == Target.parse("100%")

    @pytest.mark.parametrize(
        ("kwargs", "error", "match"),
        [
            pytest.param({"coverage": "≥ 90%"}, TypeError, "'coverage'", id="str-target"),
            pytest.param(
                {"closure_categories": ()}, InvalidValueError, "'closure_categories'", id="empty"
            ),
            pytest.param(
                {"closure_categories": ("minor",)}, InvalidValueError, "minor", id="unknown"
            ),
            pytest.param({"closure_categories": "suggestion"}, TypeError, "string", id="string"),
            pytest.param({"traceability": None}, TypeError, "'traceability'", id="none"),
        ],
    )
    def test_bad_targets(
        self, kwargs: dict[str, object], error: type[Exception], match: str
    ) -> None:
        """Bad targets raise, naming the field."""
        with pytest.raises(error, match=match):
            attrs.evolve(QpiTargets.seed(), **kwargs)  # type: ignore[arg-type]

    def test_bad_report_arguments(self) -> None:
        """qpi_report checks its arguments."""
        with pytest.raises(TypeError, match="'tally'"):
            qpi_report("t")  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="'targets'"):
            qpi_report(QpiTally(), "seed")  # type: ignore[arg-type]

    def test_renderings(self) -> None:
        """Text, Markdown and HTML show each indicator, value, target and result."""
        r = qpi_report(_tally([_rec("SEC-01", 1)]), title="翠湖花园 2025-03")
        text = str(r)
        assert text.splitlines()[0] == "翠湖花园 2025-03"
        assert "覆盖率 Coverage" in text
        assert "≥ 75%" in text
        assert "missed" in text
        md = r.to_markdown()
        assert "| 指标 Indicator | 值 Value | 目标 Target | 结果 Result |" in md
        assert "| 可追溯性 Traceability | 100.0% (1/1) | ≥ 100% | met |" in md
        html = r._repr_html_()
        assert html.startswith(
            '<table class="propstd propstd-qpi"><caption>翠湖花园 2025-03</caption>'
        )
        assert "<td>频次完成率 Frequency completion</td>" in html
        assert '<tr class="missed">' in html
        assert "not applicable" in qpi_report(QpiTally()).to_text()
        untitled = qpi_report(QpiTally())
        assert untitled.to_text().startswith("指标 Indicator")
        assert untitled.to_markdown().startswith("| 指标 Indicator")
        assert "<caption>" not in untitled.to_html()

    def test_rows_and_repr(self) -> None:
        """rows() gives typed rows (Rate, enums, Chinese title); repr is one short line."""
        r = qpi_report(_tally([_rec("SEC-01", 1)]), title="翠湖花园 2025-03")
        rows = r.rows()
        assert [row.indicator for row in rows] == list(Indicator)
        first = rows[0]
        assert (first.title_zh, first.title, first.target) == ("覆盖率", "Coverage", "any")
        assert isinstance(first.rate, Rate)
        assert first.result is TargetResult.MET
        assert repr(r) == "<QpiReport '翠湖花园 2025-03': 2 of 7 indicators met>"
        assert repr(qpi_report(QpiTally())) == "<QpiReport: 0 of 7 indicators met>"

    def test_labels(self) -> None:
        """Indicators have English and Chinese names."""
        assert (Indicator.CLOSURE.label, Indicator.CLOSURE.label_zh) == (
            "Closure",
            "二次验证关闭率",
        )


def test_public_names() -> None:
    """The module lists its public names, sorted, and dir() shows only them."""
    assert inspections.__all__ == sorted(inspections.__all__)
    assert dir(inspections) == inspections.__all__
    for name in inspections.__all__:
        assert getattr(inspections, name).__doc__


class TestCappedSums:
    """Completed points are capped per window at the window's whole requirement."""

    def test_seed_shares_of_one_window_sum_before_the_cap(self) -> None:
        """A quarterly item's three monthly seed shares (1/3 each) make one requirement of 1:
        one record in the quarter, summed over January-March, completes one point, not 1/3."""
        rec = CheckRecord("ENG-05", _at(10, month=2), "Zhao", samples=3, evidence=("P",))
        months = [
            qpi_tally(
                _plan(),
                records=[rec] if m == 2 else [],
                findings=[],
                period=Period.parse(f"2025-{m:02d}"),
                calendar=SHANGHAI,
                proration=Proration.SEED,
            )
            for m in (1, 2, 3)
        ]
        quarter = QpiTally.sum(months)
        shares = [r.required for r in quarter.point_requirements if r.code == "ENG-05"]
        assert shares == [Fraction(1, 3)] * 3
        assert quarter.completed_points == 1

    def test_nothing_required_is_a_fraction(self) -> None:
        """An empty tally completes Fraction(0) points and rounds, not the int 0."""
        empty = QpiTally.sum([])
        assert type(empty.completed_points) is Fraction
        assert type(empty.completed_rounds) is Fraction

    def test_unknown_attribute_of_a_pending_sum(self) -> None:
        """Asking a pending sum (a + b) for an unknown attribute raises without merging it."""
        pending = _tally([]) + _tally([_rec("SEC-04", 3)])
        with pytest.raises(AttributeError):
            _ = pending.nope  # type: ignore[attr-defined]
        assert object.__getattribute__(pending, "_parts") is not None
        assert pending.records == 1
        assert object.__getattribute__(pending, "_parts") is None


class TestSumKeepsCounts:
    """QpiTally.sum keeps each count apart and refuses a tally given twice."""

    def test_finding_counts_stay_apart(self) -> None:
        """Raised, counted and closed findings each keep their own number in a sum."""
        counts = FindingCount(category="suggestion", raised=3, counted=2, closed=1)
        total = QpiTally.sum([QpiTally(findings=[counts]), QpiTally()])
        assert total.findings[0] == counts

    @pytest.mark.parametrize(
        "make",
        [
            pytest.param(lambda: QpiTally(records=1), id="records-only"),
            pytest.param(
                lambda: _tally([], [_finding(4, Category.SUGGESTION, 3)]), id="findings-only"
            ),
        ],
    )
    def test_same_tally_twice(self, make: Callable[[], QpiTally]) -> None:
        """A tally with records or findings given twice is refused, naming 'tallies'."""
        t = make()
        with pytest.raises(InvalidValueError) as info:
            QpiTally.sum([t, t])
        assert info.value.message == (
            "the same tally is added twice; its records and findings would count twice"
        )
        assert info.value.field == "tallies"
        assert info.value.value is t

    def test_same_tally_inside_a_pending_sum(self) -> None:
        """A tally inside a pending sum (a + b) and given again is found and refused."""
        a = _tally([_rec("SEC-04", 3)])
        with pytest.raises(InvalidValueError, match="the same tally is added twice"):
            QpiTally.sum([a + _tally([]), a])


def test_conflicting_requirements_refused_in_full() -> None:
    """Two tallies that require different amounts of one window cannot merge: the error shows
    the window's key and both amounts, and keeps the key."""

    def tally(required: int) -> QpiTally:
        window = date(2025, 3, 1)
        r = Requirement(plan="P", code="A-1", window=window, month=window, required=required)
        return QpiTally(point_requirements=[r])

    key = ("P", "A-1", date(2025, 3, 1), date(2025, 3, 1))
    with pytest.raises(InvalidValueError) as info:
        QpiTally.sum([tally(1), tally(2)])
    assert info.value.message == (
        f"cannot merge tallies: requirement {key!r} is 1 in one and 2 in the other"
    )
    assert (info.value.field, info.value.value) == ("requirements", key)


def test_findings_in_two_tallies_refused_in_full() -> None:
    """The same findings in two tallies of one plan and period: the first five are listed,
    and the error keeps every key."""
    fs = [_finding(n, Category.SUGGESTION, 3) for n in range(1, 8)]
    a, b = _tally([], fs), _tally([], fs)
    with pytest.raises(InvalidValueError) as info:
        QpiTally.sum([a, b])
    assert info.value.message == (
        "findings counted in two tallies of the same plan and period: F-1 (2025-03), "
        "F-2 (2025-03), F-3 (2025-03), F-4 (2025-03), F-5 (2025-03)"
    )
    assert info.value.field == "finding_keys"
    assert info.value.value == sorted(a.finding_keys)


def test_rounds_done_limit() -> None:
    """RoundsDone has no limit unless given, and refuses a negative one naming 'limit'."""
    assert RoundsDone(plan="P", code="A", window=date(2025, 3, 1)).limit is None
    with pytest.raises(InvalidValueError) as info:
        RoundsDone(plan="P", code="A", window=date(2025, 3, 1), limit=-1)
    assert info.value.message == "'limit' must not be negative, got -1"
    assert (info.value.field, info.value.value) == ("limit", -1)


def test_passes_per_item_with_at_in_the_code() -> None:
    """The limit keeps the first passes of each item, and an item code may hold '@'
    (`A@B` is not item `A`: the instant follows the last '@')."""
    passes = [
        "A@B@2025-03-01T01:00:00+00:00",
        "A@2025-03-01T01:00:00+00:00",
        "A@2025-03-02T01:00:00+00:00",
    ]
    done = RoundsDone(plan="P", code="R", window=date(2025, 3, 1), passes=passes, limit=1)
    assert done.passes == ("A@2025-03-01T01:00:00+00:00", "A@B@2025-03-01T01:00:00+00:00")


def test_passes_are_written_in_utc_whatever_the_process_zone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """§14.10: a pass is written as its instant in UTC, whatever the process time zone."""
    import time

    monkeypatch.setenv("TZ", "America/Los_Angeles")
    time.tzset()
    try:
        t = _tally([_rec("SEC-01", 3)])
    finally:
        monkeypatch.undo()
        time.tzset()
    assert [r.passes for r in t.round_completions] == [("SEC-01@2025-03-03T01:00:00+00:00",)]


def test_merged_rounds_of_one_window_keep_the_first_limit() -> None:
    """Hand-built RoundsDone of one window with two limits merge under the first one's limit."""
    window = date(2025, 3, 1)
    two = RoundsDone(plan="P", code="R", window=window, rounds=["R1", "R2"], limit=2)
    three = RoundsDone(plan="P", code="R", window=window, rounds=["R3"], limit=3)
    merged = QpiTally.sum([QpiTally(round_completions=[two]), QpiTally(round_completions=[three])])
    (done,) = merged.round_completions
    assert (done.rounds, done.limit) == (("R1", "R2"), 2)


def test_a_category_listed_twice_refused_in_full() -> None:
    """§14.9: a finding category given twice is refused with the whole message, field and value."""
    with pytest.raises(InvalidValueError) as caught:
        QpiTally(findings=[FindingCount(category="deduction", raised=1, closed=0)] * 2)
    assert str(caught.value) == "'findings' lists category 'deduction' twice"
    assert (caught.value.field, caught.value.value) == ("findings", Category.DEDUCTION)


def test_a_finding_key_not_a_triple_refused_showing_it() -> None:
    """A finding key that is not a (plan, period, id) triple is refused, showing the key."""
    with pytest.raises(TypeError) as caught:
        QpiTally(finding_keys=[("P", "2025-03")])  # type: ignore[list-item]
    assert str(caught.value) == (
        "'finding_keys' must hold (plan, period, id) string triples, got ('P', '2025-03')"
    )


def test_a_wrong_type_of_record_refused_naming_its_place() -> None:
    """A record that is not a CheckRecord is refused with TypeError naming its index."""
    with pytest.raises(TypeError) as caught:
        qpi_tally(_plan(), records=[_rec("SEC-01", 1), "x"], period=MARCH, calendar=SHANGHAI)  # type: ignore[list-item]
    assert str(caught.value) == "'records[1]' must be CheckRecord, got str 'x'"


def test_rounds_of_a_quarterly_checklist_prorate_like_its_points() -> None:
    """Seed proration gives a quarterly checklist's rounds the monthly share 1/3, as its points."""
    plan = InspectionPlan(
        [Checklist("Q", "季度", [CheckItem("Q-01", "Roof", None)], frequency=F("quarterly"))],
        anchor=ANCHOR,
    )
    t = qpi_tally(plan, records=[], period=MARCH, calendar=SHANGHAI, proration="seed")
    assert (t.required_points, t.required_rounds) == (Fraction(1, 3), Fraction(1, 3))


def test_closed_above_counted_refused_in_full() -> None:
    """§14.9: more findings closed than counted is refused with the whole message, field, value."""
    with pytest.raises(InvalidValueError) as caught:
        FindingCount(category="deduction", raised=0, counted=1, closed=2)
    assert str(caught.value) == "'closed' 2 must not exceed 'counted' 1"
    assert (caught.value.field, caught.value.value) == ("closed", 2)


@pytest.mark.parametrize(
    ("unknown", "more"), [(1, ""), (20, ""), (21, " and 1 more"), (23, " and 3 more")]
)
def test_unknown_codes_listed_up_to_twenty(unknown: int, more: str) -> None:
    """§14.9: up to 20 unknown item codes are named, then how many more; .value holds all."""
    codes = sorted(f"X-{n:02}" for n in range(unknown))
    with pytest.raises(InvalidValueError) as caught:
        _tally([_rec(code, 1) for code in reversed(codes)])
    named = ", ".join(codes[:20])
    assert str(caught.value) == f"records name items the plan does not know: {named}{more}"
    assert (caught.value.field, caught.value.value) == ("records", codes)


@pytest.mark.parametrize(
    ("kwargs", "error", "message", "field"),
    [
        pytest.param(
            {"plan": "P"}, TypeError, "'plan' must be InspectionPlan, got str 'P'", None, id="plan"
        ),
        pytest.param(
            {"proration": "weekly"},
            InvalidValueError,
            "'proration' must be one of 'seed' (按月分摊), 'due' (按到期), got 'weekly'",
            "proration",
            id="proration",
        ),
        pytest.param(
            {"closure_basis": "x"},
            InvalidValueError,
            "'closure_basis' must be one of 'verification_due' (验证到期), "
            "'raised_in_period' (期内提出), got 'x'",
            "closure_basis",
            id="closure-basis",
        ),
        pytest.param(
            {"period": Period(date(2025, 3, 1), date(2025, 3, 15))},
            InvalidValueError,
            "'period' must be whole months under seed proration, got '2025-03-01/2025-03-15'",
            "period",
            id="part-month",
        ),
    ],
)
def test_qpi_tally_refusals_in_full(
    kwargs: dict[str, object], error: type[Exception], message: str, field: str | None
) -> None:
    """§14.9: each refusal of qpi_tally names its argument in the whole message and .field."""
    given: dict[str, object] = {"plan": _plan(), "period": MARCH} | kwargs
    with pytest.raises(error) as caught:
        qpi_tally(given.pop("plan"), records=[], calendar=SHANGHAI, **given)  # type: ignore[arg-type]
    assert str(caught.value) == message
    if field is not None:
        assert (caught.value.field, caught.value.value) == (field, given[field])  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("required", "error", "message"),
    [
        (
            "x",
            TypeError,
            "'required' must be an exact number (int, Decimal or Fraction), got str 'x'",
        ),
        (0, InvalidValueError, "'required' must be positive, got 0"),
        (Fraction(-1, 3), InvalidValueError, "'required' must be positive, got Fraction(-1, 3)"),
    ],
)
def test_requirement_refusals_in_full(
    required: object, error: type[Exception], message: str
) -> None:
    """§14.9: a required amount that is not an exact positive number is refused in full."""
    with pytest.raises(error) as caught:
        Requirement(plan="P", code="A", window=ANCHOR, required=required)
    assert str(caught.value) == message
    if isinstance(caught.value, InvalidValueError):
        assert (caught.value.field, caught.value.value) == ("required", required)


def test_more_traceable_than_recorded_refused_in_full() -> None:
    """§14.9: more traceable records than records is refused with message, field and value."""
    with pytest.raises(InvalidValueError) as caught:
        QpiTally(records=1, traceable_records=2)
    assert str(caught.value) == "'traceable_records' 2 must not exceed 'records' 1"
    assert (caught.value.field, caught.value.value) == ("traceable_records", 2)
