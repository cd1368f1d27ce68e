"""propstd.scorecards: the month of the sample property, figure for figure, and groups."""

from __future__ import annotations

import functools
from datetime import datetime
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest

from propstd._demo import budget as demo_budget
from propstd._demo import complaints as demo_complaints
from propstd._demo import findings as demo_findings
from propstd._demo import qpi as demo_qpi
from propstd._demo import repairs as demo_repairs
from propstd._demo import sample
from propstd.budgets import CollectionCurve, VarianceThresholds, variance
from propstd.complaints import complaint_metrics
from propstd.errors import InvalidValueError, NaiveDatetimeError
from propstd.findings import improvement_notices
from propstd.frequencies import Frequency
from propstd.inspections import QpiTargets, qpi_report, qpi_tally
from propstd.periods import Period
from propstd.rates import Rate, Target
from propstd.repairs import repair_metrics
from propstd.routines import Routine, RoutineEntry, Trigger, TriggeredDuty
from propstd.scorecards import Scorecard, Status, scorecard
from propstd.staffing import StaffingRatios
from propstd.standard import BudgetPolicy, PropertyProfile, ServiceStandard
from propstd.surveys import SurveyPolicy, SurveyResponse
from propstd.timelimits import TimeLimit

MARCH = sample.MONTH
AS_OF = sample.AS_OF
CUIHU = PropertyProfile(
    name="翠湖花园", area_m2=120_000, households=1_150, kind="residential", phase="operation"
)


@functools.cache
def _standard() -> ServiceStandard:
    return ServiceStandard(
        name="翠湖花园物业服务标准",
        property=CUIHU,
        calendars={"office": demo_qpi.calendar()},
        inspections=demo_qpi.plan(),
        qpi_targets=QpiTargets.seed(),
        complaints=demo_complaints.POLICY,
        repairs=demo_repairs.limits(),
        staffing=StaffingRatios.seed(),
        budget=BudgetPolicy(
            thresholds=VarianceThresholds(explain=Fraction(1, 20), stop=Fraction(1, 10)),
            collection=CollectionCurve(months=(3, 12), shares=(Fraction(3, 5), Fraction(19, 20))),
        ),
        surveys=SurveyPolicy(target=Target.parse("≥ 80%")),
        routines=(Routine("MEET-W", "周例会 weekly meeting", Frequency.parse("周查")),),
        triggered=(TriggeredDuty("RAIN", "积水清理", "rain", TimeLimit.hours(1)),),
    )


def _records() -> dict[str, object]:
    return {
        "checks": demo_qpi.records(),
        "findings": demo_findings.sample_findings(),
        "complaints": demo_complaints.complaints(),
        "repairs": demo_repairs.orders(),
        "budget": demo_budget.sample_budget(),
        "actuals": demo_budget.actuals(),
    }


@functools.cache
def _march() -> Scorecard:
    return scorecard(_standard(), period=MARCH, as_of=AS_OF, **_records())  # type: ignore[arg-type]


class TestFigureForFigure:
    """Every figure on the card is what the domain's own function gives."""

    def test_qpi(self) -> None:
        """The seven QPI indicators, exactly, with their targets."""
        s = _standard()
        tally = qpi_tally(
            s.inspections,  # type: ignore[arg-type]
            records=demo_qpi.records(),
            findings=demo_findings.sample_findings(),
            period=MARCH,
            calendar=s.calendar("inspections"),
        )
        report = qpi_report(tally, s.qpi_targets)
        for r in report.indicators:
            got = _march().indicator(f"qpi.{r.indicator.value}")
            assert (got.value, got.target) == (r.rate, r.target)
        coverage = _march().indicator("qpi.coverage")
        assert coverage.value == Rate(Fraction(475, 2), Fraction(967, 4))
        assert coverage.status is Status.MET

    def test_complaints_and_repairs(self) -> None:
        """Complaint and repair figures come from complaint_metrics and repair_metrics."""
        s = _standard()
        cal = s.calendar("complaints")
        m = complaint_metrics(
            demo_complaints.complaints(),
            period=MARCH,
            policy=s.complaints,  # type: ignore[arg-type]
            calendar=cal,
            as_of=AS_OF,
        )
        assert _march().indicator("complaints.on_time_response").value == m.on_time_response
        assert _march().indicator("complaints.received").value == m.total == 25
        r = repair_metrics(
            demo_repairs.orders(),
            period=MARCH,
            limits=s.repairs,  # type: ignore[arg-type]
            calendar=cal,
            as_of=AS_OF,
        )
        assert _march().indicator("repairs.arrival").value == r.overall.arrival
        revisit = _march().indicator("repairs.revisit")
        assert (revisit.value, revisit.target) == (r.overall.revisit, Target.parse("100%"))

    def test_budget(self) -> None:
        """Income and cost against budget, with the variance status."""
        s = _standard()
        assert s.budget is not None
        report = variance(
            demo_budget.sample_budget(),
            demo_budget.actuals(),
            period=MARCH,
            as_of=AS_OF,
            zone="Asia/Shanghai",
            thresholds=s.budget.thresholds,
        )
        income = next(r for r in report.rows() if r.level.value == "total")
        key = income.label.lower().replace(" ", "_")
        figure = _march().indicator(f"budget.{key}.month")
        assert (figure.value, figure.reference) == (income.month.actual, income.month.budget)

    def test_findings_and_notices(self) -> None:
        """Findings counts, points, and the work improvement notices."""
        card = _march()
        assert card.indicator("findings.raised").value == 19
        assert card.indicator("findings.points").value == Decimal(8)
        notices = improvement_notices(demo_findings.sample_findings(), as_of=AS_OF)
        assert card.notices == notices

    def test_staffing(self) -> None:
        """The staffing the ratios require for the property."""
        card = _march()
        assert [card.indicator(f"staffing.{k}").value for k in ("guards", "cleaners", "zones")] == [
            12,
            10,
            3,
        ]


class TestSections:
    def test_no_data_and_not_set(self) -> None:
        """A domain without records is no data; a part the standard leaves open is not set."""
        card = scorecard(_standard(), period=MARCH, as_of=AS_OF)
        assert {s.key: s.status for s in card.sections} == {
            "qpi": Status.NO_DATA,
            "findings": Status.NO_DATA,
            "complaints": Status.NO_DATA,
            "repairs": Status.NO_DATA,
            "budget": Status.NO_DATA,
            "surveys": Status.NO_DATA,
            "routines": Status.NO_DATA,
            "staffing": Status.INFO,
        }
        bare = ServiceStandard(name="x", property=CUIHU, calendars={"office": demo_qpi.calendar()})
        statuses = {s.key: s.status for s in scorecard(bare, period=MARCH, as_of=AS_OF).sections}
        assert set(statuses.values()) == {Status.NOT_SET, Status.NO_DATA}
        assert statuses["findings"] is Status.NO_DATA

    def test_open_items(self) -> None:
        """Open items come overdue first, each naming its property."""
        items = _march().open_items
        assert items
        overdue = [o.overdue for o in items]
        assert overdue == sorted(overdue, reverse=True)
        assert {o.property for o in items} == {"翠湖花园"}
        assert {o.kind for o in items} >= {"finding", "complaint"}

    def test_surveys_and_duties(self) -> None:
        """A survey answered in the month, the duty log and a rain trigger."""
        t = datetime(2025, 3, 10, 10, tzinfo=sample.TZ)
        responses = [
            SurveyResponse("S1", f"H{n}", t, {"保洁": "满意" if n % 5 else "不满意"})
            for n in range(20)
        ]
        log = [
            RoutineEntry(
                "MEET-W", datetime(2025, 3, d, 9, tzinfo=sample.TZ), "经理", evidence=["m"]
            )
            for d in (3, 10, 17)
        ]
        log.append(
            RoutineEntry(
                "RAIN", datetime(2025, 3, 5, 16, 30, tzinfo=sample.TZ), "保洁", evidence=["p"]
            )
        )
        card = scorecard(
            _standard(),
            period=MARCH,
            as_of=AS_OF,
            survey_responses=responses,
            routine_log=log,
            triggers=[Trigger("rain", datetime(2025, 3, 5, 16, tzinfo=sample.TZ))],
        )
        assert card.indicator("surveys.satisfaction").value == Rate(16, 20)
        assert card.indicator("surveys.satisfaction").status is Status.MET
        done = card.indicator("routines.done")
        assert (done.value, done.status) == (Rate(3, 5), Status.MISSED)
        assert card.indicator("routines.triggered").value == Rate(1, 1)
        missed = [o for o in card.open_items if o.kind == "routine"]
        assert len(missed) == 2


class TestTrendAndGroups:
    def test_previous_and_trend(self) -> None:
        """A card built on the previous month's card carries its figures and a trend."""
        feb = scorecard(_standard(), period=MARCH.previous(), as_of=AS_OF, **_records())  # type: ignore[arg-type]
        march = scorecard(_standard(), period=MARCH, as_of=AS_OF, previous=feb, **_records())  # type: ignore[arg-type]
        assert march.periods == (MARCH.previous(), MARCH)
        coverage = march.indicator("qpi.coverage")
        assert coverage.previous == feb.indicator("qpi.coverage").value
        assert coverage.trend == (coverage.previous, coverage.value)

    def test_trend_keeps_twelve(self) -> None:
        """A trend holds at most twelve periods."""
        card = scorecard(_standard(), period=Period.parse("2024-03"), as_of=AS_OF)
        for _ in range(14):
            card = scorecard(_standard(), period=card.period.next(), as_of=AS_OF, previous=card)
        assert len(card.periods) == 12
        assert all(len(i.trend) == 12 for i in card.rows())

    def test_previous_must_fit(self) -> None:
        """The previous card must be the period just before, of the same property."""
        jan = scorecard(_standard(), period=Period.parse("2025-01"), as_of=AS_OF)
        with pytest.raises(InvalidValueError, match="just before") as e:
            scorecard(_standard(), period=MARCH, as_of=AS_OF, previous=jan)
        assert e.value.field == "previous"
        other = attrs.evolve(_standard(), property=attrs.evolve(CUIHU, name="碧水湾"))
        feb = scorecard(other, period=MARCH.previous(), as_of=AS_OF)
        with pytest.raises(InvalidValueError, match="翠湖花园's card"):
            scorecard(_standard(), period=MARCH, as_of=AS_OF, previous=feb)

    def test_group_pools_exactly(self) -> None:
        """Two properties' cards add to the pooled figures; each card is kept for ranking."""
        other = attrs.evolve(_standard(), property=attrs.evolve(CUIHU, name="碧水湾"))
        half = _records()
        half["checks"] = demo_qpi.records()[::2]
        b = scorecard(other, period=MARCH, as_of=AS_OF, **half)  # type: ignore[arg-type]
        group = _march() + b
        assert group.cards == (_march(), b)
        assert group.properties == ("翠湖花园", "碧水湾")
        for key in ("qpi.coverage", "complaints.received", "repairs.arrival", "staffing.guards"):
            a_value = _march().indicator(key).value
            b_value = b.indicator(key).value
            assert group.indicator(key).value == a_value + b_value  # type: ignore[operator]

    def test_group_refusals(self) -> None:
        """A property counted twice, or cards of different months, do not add."""
        with pytest.raises(InvalidValueError, match="counted once"):
            _march() + _march()
        feb = scorecard(_standard(), period=MARCH.previous(), as_of=AS_OF)
        other = attrs.evolve(feb, title="碧水湾")
        with pytest.raises(InvalidValueError, match="different periods"):
            _march() + other
        with pytest.raises(InvalidValueError):
            Scorecard.sum([])
        assert _march().__add__(3) is NotImplemented
        assert Scorecard.sum([_march()]) is _march()


class TestLookups:
    def test_section_and_indicator(self) -> None:
        """Sections and indicators are found by key; an unknown key names the known ones."""
        card = _march()
        assert card.section("qpi").title_zh == "品质核查"
        with pytest.raises(InvalidValueError, match="qpi, findings"):
            card.section("lifts")
        with pytest.raises(InvalidValueError):
            card.indicator("qpi.speed")

    def test_text_and_repr(self) -> None:
        """The card prints as a table and has a one-line repr."""
        card = _march()
        assert repr(card).startswith("<Scorecard 翠湖花园 2025-03: ")
        text = str(card)
        assert "覆盖率 Coverage" in text
        assert "98.2% (237.5/241.75)" in text
        assert card.to_markdown().count("\n") > 40

    def test_naive_as_of(self) -> None:
        """A naive as_of is refused."""
        with pytest.raises(NaiveDatetimeError):
            scorecard(_standard(), period=MARCH, as_of=datetime(2025, 4, 1))


class TestBudgetSection:
    def test_collection_and_lines_to_explain(self) -> None:
        """Fee collection against the curve, and budget lines past a threshold named."""
        from propstd.money import Money
        from propstd.tables import Collection

        rows = [
            Collection(
                month=Period.month(2025, m),
                billed=Money("4608000", "CNY"),
                collected=Money(amount, "CNY"),
            )
            for m, amount in ((1, "1200000"), (2, "900000"), (3, "700000"))
        ]
        card = scorecard(
            _standard(),
            period=MARCH,
            as_of=AS_OF,
            collections=rows,
            **_records(),  # type: ignore[arg-type]
        )
        fees = card.indicator("budget.collection")
        assert isinstance(fees.value, Rate)
        assert fees.value.fraction == Fraction(2_800_000, 4_608_000)
        assert (fees.target, fees.status) == (Target(minimum=Fraction(3, 5)), Status.MET)
        assert any(": stop (" in note for note in card.section("budget").notes)

    def test_collection_with_a_month_missing(self) -> None:
        """A month of the year without a collection row leaves the rate out, with a note."""
        from propstd.money import Money
        from propstd.tables import Collection

        rows = [Collection(month=MARCH, billed=Money("1", "CNY"), collected=Money("1", "CNY"))]
        card = scorecard(
            _standard(),
            period=MARCH,
            as_of=AS_OF,
            collections=rows,
            **_records(),  # type: ignore[arg-type]
        )
        assert "budget.collection" not in {i.key for i in card.rows()}
        assert (
            "fee collection: a month of the year has no collection row"
            in card.section("budget").notes
        )

    def test_budget_policy_without_a_budget(self) -> None:
        """The standard's budget policy without the year's budget is no data."""
        card = scorecard(_standard(), period=MARCH, as_of=AS_OF)
        assert card.section("budget").status is Status.NO_DATA


class TestDutiesAlone:
    def test_only_triggered(self) -> None:
        """A standard with triggered duties only judges them alone."""
        s = attrs.evolve(_standard(), routines=())
        log = [
            RoutineEntry("RAIN", datetime(2025, 3, 5, 18, tzinfo=sample.TZ), "保洁", evidence=["p"])
        ]
        card = scorecard(
            s,
            period=MARCH,
            as_of=AS_OF,
            routine_log=log,
            triggers=[Trigger("rain", datetime(2025, 3, 5, 16, tzinfo=sample.TZ))],
        )
        assert [i.key for i in card.section("routines").indicators] == ["routines.triggered"]
        assert card.indicator("routines.triggered").status is Status.MISSED

    def test_only_routines(self) -> None:
        """A standard with routine duties only judges them alone."""
        s = attrs.evolve(_standard(), triggered=())
        log = [
            RoutineEntry(
                "MEET-W", datetime(2025, 3, 3, 9, tzinfo=sample.TZ), "经理", evidence=["m"]
            )
        ]
        card = scorecard(s, period=MARCH, as_of=AS_OF, routine_log=log)
        assert [i.key for i in card.section("routines").indicators] == ["routines.done"]


class TestModel:
    def test_values_are_typed(self) -> None:
        """An indicator's figure is a Rate, Money, int or Decimal; a float is refused."""
        from propstd.scorecards import Indicator

        with pytest.raises(TypeError, match="'value' must be a Rate"):
            Indicator(key="k", title="t", title_zh="", value=1.5)  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            Indicator(key="k", title="t", title_zh="", value=None, trend=(True,))

    def test_sections_have_distinct_keys(self) -> None:
        """A card holds each section once."""
        qpi = _march().section("qpi")
        with pytest.raises(InvalidValueError, match="distinct keys"):
            attrs.evolve(_march(), sections=(qpi, qpi))

    def test_figures_of_different_kinds_do_not_add(self) -> None:
        """Pooling a rate with an amount is refused; trends of different lengths too."""
        from propstd.scorecards import Indicator
        from propstd.scorecards._model import add_indicators, add_values

        with pytest.raises(InvalidValueError, match="different kinds"):
            add_values(Rate(1, 2), 3)
        assert add_values(2, 3) == 5
        a = Indicator(key="k", title="t", title_zh="", value=1, trend=(1,))
        b = Indicator(key="k", title="t", title_zh="", value=1, trend=(None, 1))
        with pytest.raises(InvalidValueError, match="different lengths"):
            add_indicators(a, b)

    def test_groups_need_the_same_trend_periods(self) -> None:
        """Cards whose trends cover different periods do not add."""
        feb = scorecard(_standard(), period=MARCH.previous(), as_of=AS_OF)
        with_trend = scorecard(_standard(), period=MARCH, as_of=AS_OF, previous=feb)
        other = attrs.evolve(_march(), title="碧水湾")
        with pytest.raises(InvalidValueError, match="different trend periods"):
            with_trend + other

    def test_group_sections_missing_on_one_side(self) -> None:
        """A section or indicator only one card has is kept as it is."""
        from propstd.scorecards import Indicator, Section

        extra = Section(
            key="extra",
            title="Extra",
            title_zh="",
            indicators=(Indicator(key="extra.n", title="n", title_zh="", value=2),),
        )
        other = attrs.evolve(_march(), title="碧水湾", sections=(*_march().sections, extra))
        group = _march() + other
        assert group.indicator("extra.n").value == 2
        lone = attrs.evolve(
            extra, indicators=(Indicator(key="extra.m", title="m", title_zh="", value=1),)
        )
        third = attrs.evolve(_march(), title="金域", sections=(*_march().sections, lone))
        assert {i.key for i in (group + third).section("extra").indicators} == {
            "extra.n",
            "extra.m",
        }


def test_indicator_result() -> None:
    """A rate with a target has a target result; other figures have none."""
    from propstd.scorecards import Indicator

    rate = Indicator(
        key="k", title="t", title_zh="", value=Rate(3, 4), target=Target.parse("≥ 80%")
    )
    assert rate.result is not None
    assert rate.result.value == "missed"
    assert Indicator(key="k", title="t", title_zh="", value=3).result is None
