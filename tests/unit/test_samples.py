"""Unit tests for propstd.samples: the sample property 翠湖花园, its standard and its March 2025.

Every expected figure is worked out by hand from `shared/domain/sample-property.md`, not read
back from the module.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal
from fractions import Fraction
from zoneinfo import ZoneInfo

import attrs
import pytest

from propstd import samples
from propstd.budgets import Budget
from propstd.calendars import ALWAYS_OPEN, china_calendar
from propstd.findings import Category
from propstd.frequencies import Frequency
from propstd.money import Money
from propstd.periods import Period
from propstd.repairs import RepairCategory
from propstd.scorecards import scorecard
from propstd.staffing import staffing_requirement
from propstd.standard import ServiceStandard
from propstd.timelimits import TimeLimit

CNY = "CNY"


def cny(amount: str) -> Money:
    """An amount in yuan."""
    return Money(amount, CNY)


# -- the facts ------------------------------------------------------------------------------


def test_facts() -> None:
    """The sample is 翠湖花园 in Asia/Shanghai, March 2025, looked at on 1 April at 09:00."""
    assert samples.NAME == "翠湖花园"
    assert samples.ZONE == "Asia/Shanghai"
    assert Period.parse("2025-03") == samples.MONTH
    assert datetime(2025, 4, 1, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai")) == samples.AS_OF


def test_property() -> None:
    """Shenzhen, 120,000 m², 1,150 households, residential, in the standard as well."""
    p = samples.property()
    assert (p.name, p.area_m2, p.households, p.kind.value, p.city) == (
        "翠湖花园",
        120_000,
        1_150,
        "residential",
        "深圳",
    )
    assert samples.standard().property == p


def test_public_names() -> None:
    """__all__ is sorted and dir() lists it."""
    assert samples.__all__ == sorted(samples.__all__)
    assert dir(samples) == samples.__all__


# -- the standard -----------------------------------------------------------------------------


def test_calendars() -> None:
    """Office: China's calendar 08:30-12:00,13:30-17:30; service centre daily 08:30-18:00;
    emergency duty around the clock in the property's zone."""
    calendars = samples.standard().calendars
    assert calendars["office"] == china_calendar(hours="08:30-12:00,13:30-17:30")
    service = calendars["service"]
    saturday = datetime(2025, 3, 1, 8, 30, tzinfo=ZoneInfo(samples.ZONE))
    closing = saturday.replace(hour=18, minute=0)
    assert service.add_working_time(saturday, timedelta(hours=9, minutes=30)) == closing
    assert calendars["duty"] == attrs.evolve(
        ALWAYS_OPEN, zone=samples.ZONE, name=calendars["duty"].name
    )


def test_every_part_works_on_the_office_calendar() -> None:
    """Findings, complaints, repairs and inspections are judged on the office calendar."""
    s = samples.standard()
    for part in ("inspections", "findings", "complaints", "repairs"):
        assert s.calendar(part) == s.calendars["office"], part


def test_inspection_plan() -> None:
    """4 checklists with 5, 6, 7 and 2 items (20 check points), as the page's table lists them,
    with calendar-aligned windows (no anchor)."""
    plan = samples.standard().inspections
    assert plan is not None
    assert plan.anchor is None
    forms = [(c.code, str(c.frequency), c.role, len(c.items)) for c in plan.checklists]
    assert forms == [
        ("SEC", "daily", "班组长", 5),
        ("ENV", "daily", "班组长", 6),
        ("ENG", "weekly", "业务主管", 7),
        ("QA", "monthly", "品质部", 2),
    ]
    page = {
        "SEC-01": ("daily", 3),
        "SEC-02": ("daily", 1),
        "SEC-03": ("daily", 2),
        "SEC-04": ("weekly", 1),
        "SEC-05": ("monthly", 10),
        "ENV-01": ("daily", 4),
        "ENV-02": ("2次/日", 1),
        "ENV-03": ("weekly", 6),
        "ENV-04": ("biweekly", 2),
        "ENV-05": ("monthly", 2),
        "ENV-06": ("semiannual", 1),
        "ENG-01": ("daily", 1),
        "ENG-02": ("weekly", 1),
        "ENG-03": ("biweekly", 12),
        "ENG-04": ("monthly", 1),
        "ENG-05": ("quarterly", 1),
        "ENG-06": ("annual", 1),
        "ENG-07": ("semiannual", 2),
        "QA-01": ("monthly", 1),
        "QA-02": ("monthly", 1),
    }
    items = {i.code: i for c in plan.checklists for i in c.items}
    assert sorted(items) == sorted(page)
    for code, (frequency, count) in page.items():
        assert (items[code].frequency, items[code].samples) == (
            Frequency.parse(frequency),
            count,
        ), code


def test_rectification_policy() -> None:
    """Critical 24 hours natural, major 3 and minor 7 working days, verified a working day
    after the deadline."""
    policy = samples.standard().rectification
    assert policy is not None
    assert [(s.value, limit) for s, limit in policy.limits] == [
        ("critical", TimeLimit.parse("24 hours")),
        ("major", TimeLimit.parse("3 working days")),
        ("minor", TimeLimit.parse("7 working days")),
    ]
    assert policy.verify_after == TimeLimit.parse("1 working day")


def test_complaint_policy() -> None:
    """The page's four-step ladder, response 24 hours, reply 当日, a call every 2 working days,
    a revisit within 3 working days; VIP to 项目经理, major to 总经理, repeat 30 days,
    more than 2 departments climbs."""
    policy = samples.standard().complaints
    assert policy is not None
    assert policy.ladder is not None
    assert policy.response is not None
    assert policy.reply is not None
    assert policy.revisit is not None
    assert [(step.after, step.role) for step in policy.ladder.steps] == [
        (TimeLimit.parse("2 working hours"), "客服主管"),
        (TimeLimit.parse("24 hours"), "项目经理"),
        (TimeLimit.parse("48 hours"), "区域总监"),
        (TimeLimit.parse("72 hours"), "公司品质部"),
    ]
    assert policy.response.limit == TimeLimit.parse("24 hours")
    assert policy.reply.limit == TimeLimit.parse("当日")
    assert policy.contact_every == TimeLimit.parse("2 working days")
    assert policy.revisit.limit == TimeLimit.parse("3 working days")
    assert (policy.vip_role, policy.major_role) == ("项目经理", "总经理")
    assert (policy.repeat_window, policy.department_limit) == (timedelta(days=30), 2)


def test_complaint_resolution_is_the_last_step() -> None:
    """The page gives no resolution limit: the standard uses the ladder's last step, 72 hours,
    and says so in its provenance."""
    s = samples.standard()
    assert s.complaints is not None
    assert s.complaints.resolution is not None
    assert s.complaints.resolution.limit == TimeLimit.parse("72 hours")
    assert "not in sample-property.md" in s.provenance["complaints.resolution"]


def test_repair_limits() -> None:
    """Emergency 15 minutes / 4 hours, ordinary 30 minutes / 2 working days, scheduled at the
    agreed time / 3 working days; a revisit within 1 working day."""
    limits = samples.standard().repairs
    assert limits is not None
    page = {
        RepairCategory.EMERGENCY: ("15 minutes", "4 hours"),
        RepairCategory.ORDINARY: ("30 minutes", "2 working days"),
        RepairCategory.SCHEDULED: ("立即", "3 working days"),
    }
    for category, (arrival, completion) in page.items():
        assert limits.arrival_for(category) == TimeLimit.parse(arrival), category
        assert limits.completion_for(category) == TimeLimit.parse(completion), category
    assert limits.revisit == TimeLimit.parse("1 working day")


def test_budget_policy() -> None:
    """Explain above 5 %, stop above 10 %, adverse only; 60 % of the fee by March, 95 % by
    December."""
    policy = samples.standard().budget
    assert policy is not None
    t = policy.thresholds
    assert (t.explain, t.stop, t.side) == (Fraction(1, 20), Fraction(1, 10), "adverse")
    assert policy.collection.months == (3, 12)
    assert policy.collection.shares == (Fraction(3, 5), Fraction(19, 20))


def test_staffing() -> None:
    """Seed ratios on 120,000 m² and 1,150 households: 12 guards (12 × 1), 10 cleaners
    (12 × 0.8 = 9.6, up), 3 zones (1,150 / 400 = 2.875, up)."""
    s = samples.standard()
    need = staffing_requirement(
        area_m2=s.property.area_m2, households=s.property.households, ratios=s.staffing
    )
    assert (need.guards, need.cleaners, need.zones) == (12, 10, 3)


def test_routines_and_duties() -> None:
    """Trainings 4 a year, the forum each quarter, reception each month, drills each half year,
    the weekly meeting; after rain standing water within an hour."""
    s = samples.standard()
    assert [(r.code, r.frequency) for r in s.routines] == [
        ("TRAIN", Frequency.parse("4 times per year")),
        ("FORUM", Frequency.parse("quarterly")),
        ("RECEPTION", Frequency.parse("monthly")),
        ("DRILL", Frequency.parse("semiannual")),
        ("WEEKLY", Frequency.parse("weekly")),
    ]
    water = next(d for d in s.triggered if d.code == "WATER")
    assert water.limit == TimeLimit.parse("1 hour")


def test_every_part_has_provenance() -> None:
    """Every part the sample fixes says where its numbers come from."""
    s = samples.standard()
    parts = {path.split(".")[0] for path in s.provenance}
    assert parts >= {
        "property",
        "calendars",
        "inspections",
        "qpi_targets",
        "rectification",
        "complaints",
        "repairs",
        "budget",
        "staffing",
        "surveys",
        "routines",
        "triggered",
    }
    assert s.provenance["staffing"].startswith("seed §5")


def test_standard_reads_back_from_its_files() -> None:
    """The standard reads back equal from its TOML and its JSON."""
    s = samples.standard()
    assert ServiceStandard.from_toml(s.to_toml()) == s
    assert ServiceStandard.from_json(s.to_json()) == s


# -- the month --------------------------------------------------------------------------------


def test_budget() -> None:
    """Income: fee 120,000 × 3.20 × 12 = 4,608,000, parking 900 × 300 × 12 = 3,240,000, paid
    services 360,000, other 120,000; costs 4,700,000 + 420,000 + 1,150,000 + 980,000 + 560,000."""
    budget = samples.month().budget
    assert budget.year == 2025
    annual = {line.code: line.annual for line in budget.lines}
    assert annual == {
        "INC-FEE": cny("3.20") * (120_000 * 12),
        "INC-PARK": cny("300.00") * (900 * 12),
        "INC-PAID": cny("360000.00"),
        "INC-OTHER": cny("120000.00"),
        "COST-LAB": cny("4700000.00"),
        "COST-MAT": cny("420000.00"),
        "COST-SVC": cny("1150000.00"),
        "COST-OPS": cny("980000.00"),
        "COST-RTO": cny("560000.00"),
    }
    assert budget.total("income") == cny("8328000.00")
    assert budget.total("cost") == cny("7810000.00")


def test_budget_profiles() -> None:
    """Labour weighs 2 in January (the 13th-month bonus) and 1 after; paid services by days."""
    budget = samples.month().budget
    labour = budget.line("COST-LAB").profile
    assert labour.factors == (Fraction(2),) + (Fraction(1),) * 11
    assert budget.line("INC-PAID").profile.kind == "by_days"
    assert budget.line("INC-FEE").profile.kind == "even"


def test_collections() -> None:
    """January to March, billed the year's fee each month; 2,581,400 collected is 56.0 %."""
    table = samples.month().collections
    assert [str(row.month) for row in table] == ["2025-01", "2025-02", "2025-03"]
    assert {row.billed for row in table} == {cny("4608000.00")}
    collected = sum((row.collected.amount for row in table), Decimal(0))
    assert collected == Decimal("2581400.00")
    assert Fraction(collected) / Fraction(4_608_000) == Fraction(12907, 23040)


def test_actuals_are_budget_lines_of_the_quarter() -> None:
    """Every actual books a budget line in January, February or March, once per line and month."""
    month = samples.month()
    codes = {line.code for line in month.budget.lines}
    keys = [(a.code, str(a.month)) for a in month.actuals]
    assert {code for code, _ in keys} == codes
    assert {m for _, m in keys} == {"2025-01", "2025-02", "2025-03"}
    assert len(keys) == len(set(keys)) == 9 * 3


def test_checks_belong_to_the_plan() -> None:
    """Every check record names a check point of the plan and is dated by 1 April."""
    month, plan = samples.month(), samples.standard().inspections
    assert plan is not None
    codes = {i.code for c in plan.checklists for i in c.items}
    assert {r.item_code for r in month.checks} <= codes
    assert all(r.at < samples.AS_OF for r in month.checks)


def test_checks_gaps() -> None:
    """Three records carry no evidence and one SEC-01 check saw 2 posts of 3."""
    checks = samples.month().checks
    assert sum(not r.evidence for r in checks) == 3
    assert [r.samples for r in checks if r.item_code == "SEC-01" and r.samples < 3] == [2]


def test_findings() -> None:
    """9 suggestions, 6 rectification items, 4 deduction items of 2 points, each on a check
    point of the plan, none recorded after 1 April 09:00."""
    findings, plan = samples.month().findings, samples.standard().inspections
    assert plan is not None
    codes = {i.code for c in plan.checklists for i in c.items}
    assert [sum(f.category is c for f in findings) for c in Category] == [9, 6, 4]
    assert {f.points for f in findings if f.category is Category.DEDUCTION} == {Decimal(2)}
    assert {f.item_code for f in findings} <= codes
    assert len({f.id for f in findings}) == 19
    assert all(e.at <= samples.AS_OF for f in findings for e in f.events)


def test_complaints() -> None:
    """25 complaints, unique ids: 12 不满, 9 抱怨, 4 责令; two VIP, one major, one reopened."""
    register = samples.month().complaints
    assert len({c.id for c in register}) == 25
    levels = [c.level.value for c in register]
    assert [levels.count(v) for v in ("dissatisfaction", "grievance", "demand")] == [12, 9, 4]
    assert (sum(c.vip for c in register), sum(c.major for c in register)) == (2, 1)
    assert sum(c.timeline.reopen_count for c in register) == 1


def test_repairs() -> None:
    """140 orders of 张伟, 李强, 王磊 and 陈刚, unique ids, three reworks of orders of the month."""
    orders = samples.month().repairs
    ids = {o.id for o in orders}
    assert len(ids) == 140
    assert {o.technician for o in orders} == {"张伟", "李强", "王磊", "陈刚"}
    reworks = [o.rework_of for o in orders if o.rework_of is not None]
    assert len(reworks) == 3
    assert set(reworks) <= ids


def test_survey_routines_and_triggers_fit_the_standard() -> None:
    """Survey answers score the standard's items; the duty log names its routines and duties;
    the one trigger is rain at 15:30 on 20 March."""
    s, month = samples.standard(), samples.month()
    assert s.surveys is not None
    items = set(s.surveys.items)
    assert all(set(r.scores) <= items for r in month.survey_responses)
    assert len({r.household for r in month.survey_responses}) == 300
    known = {r.code for r in s.routines} | {d.code for d in s.triggered}
    assert {e.code for e in month.routine_log} <= known
    assert [(t.kind, t.at) for t in month.triggers] == [
        ("rain", datetime(2025, 3, 20, 15, 30, tzinfo=ZoneInfo(samples.ZONE)))
    ]


def test_scorecard_inputs_feed_the_scorecard() -> None:
    """scorecard_inputs() is every field, and the scorecard takes it whole: 25 complaints,
    140 orders, coverage 237½ of 241¾."""
    month = samples.month()
    inputs = month.scorecard_inputs()
    assert list(inputs) == [f.name for f in attrs.fields(samples.SampleMonth)]
    card = scorecard(samples.standard(), period=samples.MONTH, as_of=samples.AS_OF, **inputs)
    assert [s.key for s in card.sections] == [
        "qpi",
        "findings",
        "complaints",
        "repairs",
        "budget",
        "surveys",
        "routines",
        "staffing",
    ]
    assert str(card.indicator("complaints.received").value) == "25"
    assert str(card.indicator("repairs.orders").value) == "140"
    assert str(card.indicator("qpi.coverage").value) == "98.2% (237.5/241.75)"


# -- values -----------------------------------------------------------------------------------


def test_values_are_built_once() -> None:
    """Each function returns the same value every time."""
    assert samples.standard() is samples.standard()
    assert samples.month() is samples.month()
    assert samples.property() is samples.property()


def test_values_are_frozen() -> None:
    """The month and the standard cannot be changed in place."""
    month = samples.month()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        month.checks = ()  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        samples.standard().name = "x"  # type: ignore[misc]
    assert isinstance(month.checks, tuple)


def test_sample_month_refuses_the_wrong_records() -> None:
    """A SampleMonth field of the wrong kind is a TypeError; a list becomes a tuple."""
    month = samples.month()
    with pytest.raises(TypeError):
        attrs.evolve(month, checks=[month.findings[0]])  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        attrs.evolve(month, budget="2025")  # type: ignore[arg-type]
    assert attrs.evolve(month, triggers=list(month.triggers)) == month  # type: ignore[arg-type]
    assert isinstance(month.budget, Budget)


def test_sample_month_repr() -> None:
    """repr counts the records of each kind on one line."""
    assert repr(samples.month()) == (
        "<SampleMonth 2025: 242 checks, 19 findings, 25 complaints, 140 repairs, 27 actuals, "
        "3 collections, 302 survey responses, 10 routine log, 1 triggers>"
    )
