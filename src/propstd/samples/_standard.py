"""The sample property's service standard, built through the public API (private).

Every part comes from `shared/domain/sample-property.md` or, where that page is silent, from
the documents that already used the sample (the demo's budget thresholds, the how-to pages and
golden files of surveys and routines); `provenance` says which, part by part.
"""

from __future__ import annotations

from datetime import timedelta
from fractions import Fraction

import attrs

from propstd.budgets import CollectionCurve, VarianceThresholds
from propstd.calendars import ALWAYS_OPEN, WorkingCalendar, china_calendar
from propstd.complaints import ComplaintPolicy, EscalationLadder
from propstd.findings import RectificationPolicy
from propstd.frequencies import Frequency
from propstd.inspections import CheckItem, Checklist, InspectionPlan, QpiTargets
from propstd.rates import Target
from propstd.repairs import RepairLimits
from propstd.routines import Routine, TriggeredDuty
from propstd.samples._facts import (
    AREA_M2,
    CITY,
    HOUSEHOLDS,
    NAME,
    OFFICE_HOURS,
    SERVICE_HOURS,
    ZONE,
)
from propstd.staffing import StaffingRatios
from propstd.standard import BudgetPolicy, PropertyProfile, ServiceStandard
from propstd.surveys import SurveyPolicy
from propstd.timelimits import TimeLimit
from propstd.timelines import Milestone

__all__: list[str] = []

_F = Frequency.parse
_T = TimeLimit.parse

# -- calendars -----------------------------------------------------------------------------------


def calendars() -> dict[str, WorkingCalendar]:
    """The office (China's calendar), the service centre (daily) and emergency duty (24 h)."""
    return {
        "office": china_calendar(hours=OFFICE_HOURS, zone=ZONE),
        "service": WorkingCalendar.weekly(
            hours=SERVICE_HOURS, days="daily", zone=ZONE, name="客服中心 service centre"
        ),
        "duty": attrs.evolve(ALWAYS_OPEN, zone=ZONE, name="emergency duty"),
    }


# -- the inspection plan (QPI) ---------------------------------------------------------------

# (code, title, round frequency, role, items: (code, title, frequency, samples))
# fmt: off
PLAN: tuple[tuple[str, str, str, str, tuple[tuple[str, str, str, int], ...]], ...] = (
    ("SEC", "秩序维护", "daily", "班组长", (
        ("SEC-01", "Guard posts staffed and in uniform", "daily", 3),
        ("SEC-02", "Patrol checkpoints signed", "daily", 1),
        ("SEC-03", "Fire lanes clear", "daily", 2),
        ("SEC-04", "CCTV recording", "weekly", 1),
        ("SEC-05", "Fire extinguishers and hydrants", "monthly", 10),
    )),
    ("ENV", "环境", "daily", "班组长", (
        ("ENV-01", "Stairwells and lobbies clean", "daily", 4),
        ("ENV-02", "Refuse removed twice a day", "2次/日", 1),
        ("ENV-03", "Lift cars disinfected", "weekly", 6),
        ("ENV-04", "Greenery trimmed", "biweekly", 2),
        ("ENV-05", "Public glass and façades", "monthly", 2),
        ("ENV-06", "Septic tanks cleared", "semiannual", 1),
    )),
    ("ENG", "工程", "weekly", "业务主管", (
        ("ENG-01", "Switch room patrol", "daily", 1),
        ("ENG-02", "Pump room", "weekly", 1),
        ("ENG-03", "Lift maintenance", "biweekly", 12),
        ("ENG-04", "Generator test run", "monthly", 1),
        ("ENG-05", "Fire alarm linkage test", "quarterly", 1),
        ("ENG-06", "Lightning protection test", "annual", 1),
        ("ENG-07", "Water tanks cleaned", "semiannual", 2),
    )),
    ("QA", "品质部", "monthly", "品质部", (
        ("QA-01", "Special inspection (专项检查)", "monthly", 1),
        ("QA-02", "Mystery visit (暗访)", "monthly", 1),
    )),
)
# fmt: on


def plan() -> InspectionPlan:
    """The QPI plan: four checklists, twenty check points, calendar-aligned windows."""
    return InspectionPlan(
        [
            Checklist(
                code,
                title,
                [CheckItem(c, t, _F(f), samples=n) for c, t, f, n in items],
                frequency=_F(rounds),
                role=role,
            )
            for code, title, rounds, role, items in PLAN
        ],
        name=NAME,
    )


# -- findings, complaints, repairs ---------------------------------------------------------------


def rectification() -> RectificationPolicy:
    """Critical 24 hours, major 3 working days, minor 7; verified 1 working day later."""
    return RectificationPolicy(
        limits={
            "critical": _T("24 hours"),
            "major": _T("3 working days"),
            "minor": _T("7 working days"),
        },
        verify_after=_T("1 working day"),
    )


def complaints() -> ComplaintPolicy:
    """The complaint limits and the four-step ladder."""
    return ComplaintPolicy(
        ladder=EscalationLadder.of(
            ("2 working hours", "客服主管"),
            ("24 hours", "项目经理"),
            ("48 hours", "区域总监"),
            ("72 hours", "公司品质部"),
        ),
        response=Milestone("responded", _T("24 hours"), name="response"),
        reply=Milestone("responded", _T("当日"), name="same-day reply"),
        contact_every=_T("2 working days"),
        resolution=Milestone("closed", _T("72 hours"), name="resolution"),
        revisit=Milestone("revisited", _T("3 working days"), start="closed", name="revisit"),
        vip_role="项目经理",
        major_role="总经理",
        repeat_window=timedelta(days=30),
        department_limit=2,
    )


def repairs() -> RepairLimits:
    """The repair time-limit table; "at the agreed time" is 0 minutes from the appointment."""
    return RepairLimits(
        arrival={
            "emergency": _T("15 minutes"),
            "ordinary": _T("30 minutes"),
            "scheduled": _T("立即"),
        },
        completion={
            "emergency": _T("4 hours"),
            "ordinary": _T("2 working days"),
            "scheduled": _T("3 working days"),
        },
        revisit=_T("1 working day"),
    )


# -- budget, survey, duties ------------------------------------------------------------------


def budget() -> BudgetPolicy:
    """Explain above 5 %, stop above 10 %; 60 % of the fee collected by March, 95 % by December."""
    return BudgetPolicy(
        thresholds=VarianceThresholds(explain=Fraction(1, 20), stop=Fraction(1, 10)),
        collection=CollectionCurve(months=(3, 12), shares=(Fraction(3, 5), Fraction(19, 20))),
    )


SURVEY_ITEMS = ("秩序维护", "环境卫生", "工程维修", "客户服务", "绿化养护")


def survey() -> SurveyPolicy:
    """A yearly survey of a quarter of the households (at least 100 answers)."""
    return SurveyPolicy(
        _F("annual"),
        Fraction(1, 4),
        100,
        Target.parse("≥ 80%"),
        Target.parse("≥ 75%"),
        items=SURVEY_ITEMS,
    )


def routines() -> tuple[Routine, ...]:
    """Trainings, the customer forum, the reception day, drills and the weekly meeting."""
    return (
        Routine("TRAIN", "专业培训 professional training", _F("每年4次"), role="项目经理"),
        Routine("FORUM", "业主座谈会 customer forum", _F("每季度"), role="客服主管"),
        Routine("RECEPTION", "经理接待日 manager's reception day", _F("每月"), role="项目经理"),
        Routine("DRILL", "应急演练 emergency drill", _F("每半年"), role="秩序维护主管"),
        Routine("WEEKLY", "周例会 weekly meeting", _F("每周"), role="项目经理"),
    )


def triggered() -> tuple[TriggeredDuty, ...]:
    """Standing water and vacant units after rain; the care visit after a move-in."""
    return (
        TriggeredDuty(
            "WATER", "积水清理 standing water cleared", "rain", _T("1小时"), role="保洁班"
        ),
        TriggeredDuty("VACANT", "逢雨必检 vacant units checked", "rain", _T("次日"), role="工程部"),
        TriggeredDuty("CARE", "入住关怀 move-in care visit", "move_in", _T("7天"), role="客服"),
    )


# -- the whole standard ---------------------------------------------------------------------------

_SAMPLE = (
    "sample property 翠湖花园: the sample's own choice (docs/shared sample, "
    "sample-property.md), not a standard"
)
_USED = "sample property 翠湖花园 ({where}): the sample's own choice, not a standard; {seed}"

PROVENANCE = {
    "property": _SAMPLE,
    "calendars.office": _SAMPLE,
    "calendars.service": _SAMPLE,
    "calendars.duty": _SAMPLE,
    "inspections": (
        f"{_SAMPLE}; windows calendar-aligned (no anchor): the QPI engineer dropped the "
        "page's 2025-01-06 anchor (semantics §14.1)"
    ),
    "qpi_targets": (
        "seed §1 (QPI training report: frequency completion ≥ 75 %, traceability and closure "
        "100 %, finding ratios ≥ 5 %)"
    ),
    "rectification": _SAMPLE,
    "complaints": _SAMPLE,
    "complaints.resolution": (
        "not in sample-property.md, which gives no resolution limit: 72 hours, the ladder's "
        "last step, as the demo has used since 0.1"
    ),
    "repairs": _SAMPLE,
    "budget.thresholds": (
        "not in sample-property.md: the thresholds of the demo's and the tutorial's budget "
        "chapter since 0.1 (explain above 5 %, stop above 10 %, adverse variances)"
    ),
    "budget.collection": _SAMPLE,
    "staffing": "seed §5 (staffing: 1 guard and 0.8 cleaners per 10,000 m², zones of 400/250)",
    "surveys": _USED.format(
        where="docs/how-to/surveys.md, tests/golden/surveys_cuihu_2025.json",
        seed="satisfaction above 80 %: seed §6",
    ),
    "routines": _USED.format(
        where="docs/how-to/routines.md, tests/golden/routines_cuihu_2025.json",
        seed="≥ 4 trainings a year and a forum each quarter: seed §6; weekly meeting: seed §2",
    ),
    "triggered": _USED.format(
        where="docs/how-to/routines.md, tests/golden/routines_rainy_week_may_2025.json",
        seed="standing water cleared within an hour after rain: seed §6; 逢雨必检: seed §4",
    ),
}


def profile() -> PropertyProfile:
    """The property: 120,000 m², 1,150 households, a residential estate in operation."""
    return PropertyProfile(
        name=NAME,
        area_m2=AREA_M2,
        households=HOUSEHOLDS,
        kind="residential",
        phase="operation",
        city=CITY,
    )


def build() -> ServiceStandard:
    """The sample property's complete standard."""
    return ServiceStandard(
        name=f"{NAME}物业服务标准 2025",
        property=profile(),
        calendars=calendars(),
        inspections=plan(),
        qpi_targets=QpiTargets.seed(),
        rectification=rectification(),
        complaints=complaints(),
        repairs=repairs(),
        budget=budget(),
        staffing=StaffingRatios.seed(),
        surveys=survey(),
        routines=routines(),
        triggered=triggered(),
        provenance=PROVENANCE,
    )
