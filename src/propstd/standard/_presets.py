"""The presets: standards whose every number is traceable to a source (private part of
propstd.standard).

`"seed"` is the seed company's rules, restated in `docs` from the five source documents; each
number names the seed document (by the section of the seed digest it is restated in).
`"cpmi-2004-level-1"`, `-2` and `-3` are examples of the three service levels of the China
Property Management Institute's 2004 residential standard (普通住宅小区物业管理服务等级标准),
whose primary text could not be read: every number comes from a secondary summary and says so.
A part a source does not fix is left out (`None`): no preset invents a number.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from propstd.calendars import WorkingCalendar, china_calendar
from propstd.complaints import ComplaintPolicy
from propstd.frequencies import Frequency
from propstd.inspections import CheckItem, Checklist, InspectionPlan, QpiTargets
from propstd.rates import Target
from propstd.repairs import RepairLimits
from propstd.routines import Routine, TriggeredDuty
from propstd.staffing import StaffingRatios
from propstd.standard._model import PropertyProfile, ServiceStandard
from propstd.surveys import SurveyPolicy
from propstd.timelimits import TimeLimit
from propstd.timelines import Milestone

__all__: list[str] = []

_SEED_QPI = "seed §1 (QPI training report: the seven indicators, 频次完成率 ≥ 75 %, ...)"
_SEED_SUPERVISION = "seed §2 (basic-work outline: 日检, 周检, 月检, the branch manager's day)"
_SEED_COMPLAINTS = "seed §3 (complaints: 24-hour response, same-day hotline answer, VIP, major)"
_SEED_REPAIRS = "seed §4 (repairs: on site within 15 minutes, revisit within 1 working day)"
_SEED_STAFF = "seed §5 (staffing: 1 guard and 0.8 cleaners per 10,000 m², zones of 400/250)"
_SEED_OTHER = "seed §6 (other targets: trainings, forums, satisfaction, cleaning, rain)"
_CHINA = (
    "State Council 放假调休 notices (propstd's China calendar); the office hours are "
    "china_calendar()'s own, not a number of this preset: set yours"
)


def _f(text: str) -> Frequency:
    return Frequency.parse(text)


def _t(text: str) -> TimeLimit:
    return TimeLimit.parse(text)


def _office() -> WorkingCalendar:
    return china_calendar()


# -- the seed company --------------------------------------------------------------------------


def _seed_plan() -> InspectionPlan:
    qa = Checklist(
        "QA",
        "品质部专项检查 quality department",
        [
            CheckItem("QA-01", "专项检查 special inspection", _f("月查")),
            CheckItem("QA-02", "重点控制点检查 key control points", _f("月查")),
            CheckItem("QA-03", "暗访 mystery visit", _f("月查")),
        ],
        frequency=_f("月查"),
        role="品质部",
    )
    supervision = Checklist(
        "SUP",
        "监督检查 supervision",
        [
            CheckItem("SUP-01", "日检 daily check of each post", _f("日查"), role="岗位负责人"),
            CheckItem(
                "SUP-02", "经理巡场 branch manager's site walk", _f("日查"), role="分公司经理"
            ),
            CheckItem("SUP-03", "周检 weekly check", _f("周查"), role="中心总监"),
            CheckItem("SUP-04", "月检 monthly check", _f("月查"), role="分公司经理"),
        ],
        frequency=_f("日查"),
        role="分公司经理",
    )
    site = Checklist(
        "SITE",
        "现场 site duties",
        [
            CheckItem("SITE-01", "垃圾清运 refuse removed", _f("2次/日")),
            CheckItem("SITE-02", "电梯消毒 lifts disinfected", _f("周查")),
            CheckItem("SITE-03", "工程值班检查 engineering duty and equipment", _f("周查")),
            CheckItem("SITE-04", "空置房检查 vacant units checked", _f("月查")),
        ],
        frequency=_f("日查"),
    )
    return InspectionPlan([qa, supervision, site], name="seed")


def _seed_routines() -> tuple[Routine, ...]:
    return (
        Routine("MEET-D", "晨会 morning meeting", _f("日查")),
        Routine("MEET-W", "周例会 weekly meeting", _f("周查")),
        Routine("MEET-M", "月度会议 monthly meeting", _f("月查")),
        Routine("CPL-D", "投诉盘点 daily complaint stock-take", _f("日查")),
        Routine("CPL-M", "投诉分析 monthly complaint analysis", _f("月查")),
        Routine("RPT-M", "月度分析报告 monthly analysis report", _f("月查"), role="分公司经理"),
        Routine("TRAIN", "专业培训 professional training", _f("4次/年")),
        Routine("FORUM", "业主座谈会 resident forum", _f("季查")),
    )


def _seed(prop: PropertyProfile) -> ServiceStandard:
    return ServiceStandard(
        name=f"{prop.name} service standard (seed preset)",
        property=prop,
        calendars={
            "office": _office(),
            "cleaning": WorkingCalendar.weekly(
                hours="07:00-20:00", days="daily", zone="Asia/Shanghai", name="保洁作业时间"
            ),
        },
        inspections=_seed_plan(),
        qpi_targets=QpiTargets.seed(),
        complaints=ComplaintPolicy(
            response=Milestone("responded", _t("24 hours"), name="response"),
            reply=Milestone("responded", _t("当日"), name="same-day answer"),
            vip_role="经理",
            major_role="公司最高领导",
        ),
        repairs=RepairLimits(
            arrival={"emergency": _t("15 minutes"), "ordinary": _t("15 minutes")},
            revisit=_t("1 working day"),
        ),
        staffing=StaffingRatios.seed(),
        surveys=SurveyPolicy(target=Target.parse("≥ 80%")),
        routines=_seed_routines(),
        triggered=(
            TriggeredDuty("RAIN-WATER", "积水清理 standing water cleared", "rain", _t("1 hour")),
        ),
        provenance=_seed_provenance(),
    )


def _seed_provenance() -> dict[str, str]:
    return {
        "calendars.office": _CHINA,
        "calendars.cleaning": _SEED_OTHER + ": cleaning hours 07:00-20:00",
        "inspections": _SEED_QPI + " and " + _SEED_SUPERVISION,
        'inspections.checklists["SITE"]': _SEED_OTHER + "; vacant units monthly: seed §4",
        "qpi_targets": _SEED_QPI,
        "complaints.response": _SEED_COMPLAINTS + ": standardization note, within 24 hours",
        "complaints.reply": _SEED_COMPLAINTS + ": one firm's hotline answers the same day",
        "complaints.vip_role": _SEED_COMPLAINTS + ": a manager steps in personally",
        "complaints.major_role": _SEED_COMPLAINTS + ": reported to top leadership at once",
        "repairs.arrival": _SEED_REPAIRS + ": one firm's promise, on site within 15 minutes",
        "repairs.revisit": _SEED_REPAIRS + ": call back within one working day",
        "staffing": _SEED_STAFF,
        "surveys.target": "seed §3 (standardization note): satisfaction above 80 % in a year",
        "routines": _SEED_SUPERVISION + "; trainings ≥ 4 a year, forum ≥ 1 a quarter: seed §6",
        "triggered": _SEED_OTHER + ": standing water cleared within an hour after rain",
    }


# -- CPMI 2004 service levels (secondary summaries) -----------------------------------------------

_SECONDARY = (
    "CPMI 2004 普通住宅小区物业管理服务等级标准 level {level}, as summarised by a secondary "
    "source ({where}); not the standard's own wording: confirm against the primary text"
)


def _secondary(level: int, where: str) -> str:
    return _SECONDARY.format(level=level, where=where)


def _cpmi_plan(level: int) -> InspectionPlan | None:
    if level == 1:
        return None
    items = {
        2: [
            CheckItem("CA-01", "公共部位巡查 common parts and passages inspected", _f("每3天")),
            CheckItem("KA-01", "重点部位巡逻 key areas patrolled every 2 hours", _f("12次/日")),
        ],
        3: [
            CheckItem("CA-01", "楼道及公共区域巡查 stairwells and common areas", _f("周查")),
            CheckItem("KA-01", "重点部位巡逻 key areas patrolled every 3 hours", _f("8次/日")),
            CheckItem("CL-01", "公共区域清扫 general cleaning", _f("日查")),
            CheckItem("CL-02", "生活垃圾日产日清 waste cleared daily", _f("日查")),
        ],
    }[level]
    checklist = Checklist("CPMI", f"服务等级{level} level {level}", items, frequency=_f("日查"))
    return InspectionPlan([checklist], name=f"cpmi-2004-level-{level}")


_CPMI: Mapping[int, tuple[str, str, str, str]] = {
    # level: (arrival limit text, survey target, where the repair figure is seen, where the
    #         survey figure is seen)
    1: ("30 minutes", "≥ 80%", "youhuohao.com/know/99658.html", "zhishi.iwuye.com/tag/17478.html"),
    2: ("60 minutes", "≥ 75%", "youhuohao.com/know/99658.html", "sywbbg.cn/i/1/666330"),
    3: ("immediately", "≥ 70%", "youhuohao.com/know/99658.html", "jiaheu.com/topic/879940.html"),
}


def _cpmi(level: int) -> Callable[[PropertyProfile], ServiceStandard]:
    def build(prop: PropertyProfile) -> ServiceStandard:
        arrival, survey, repair_src, survey_src = _CPMI[level]
        # level 3: at the time agreed with the owner, i.e. a scheduled order from its appointment
        categories = ("scheduled",) if level == 3 else ("emergency", "ordinary")
        plan = _cpmi_plan(level)
        provenance = {
            "calendars.office": _CHINA,
            "repairs.arrival": _secondary(level, repair_src),
            "surveys": _secondary(level, survey_src) + ": at least one survey a year",
        }
        if plan is not None:
            provenance["inspections"] = _secondary(level, "youhuohao.com/know/99658.html")
        return ServiceStandard(
            name=f"{prop.name} service standard (CPMI 2004 level {level}, example)",
            property=prop,
            calendars={"office": _office()},
            inspections=plan,
            repairs=RepairLimits(arrival={c: _t(arrival) for c in categories}),
            surveys=SurveyPolicy(frequency=_f("年查"), target=Target.parse(survey)),
            provenance=provenance,
        )

    return build


PRESETS: Mapping[str, Callable[[PropertyProfile], ServiceStandard]] = {
    "seed": _seed,
    "cpmi-2004-level-1": _cpmi(1),
    "cpmi-2004-level-2": _cpmi(2),
    "cpmi-2004-level-3": _cpmi(3),
}
"""Every preset by name."""
