"""One section of the card per domain (private part of propstd.scorecards).

Each function turns a domain's records and the standard's rules into a `Section` by calling
the domain's own public calculation (`qpi_tally`, `complaint_metrics`, `repair_metrics` ...):
the card adds no rule of its own. A domain with no records is "no data"; one the standard
does not fix is "not set"; neither is ever shown as 0.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from fractions import Fraction

import attrs

from propstd._time import zone as zone_of
from propstd.complaints import Complaint, complaint_metrics
from propstd.findings import Finding, ImprovementNotice, deduction_total, improvement_notices
from propstd.inspections import CheckRecord, qpi_report, qpi_tally
from propstd.periods import Period
from propstd.rates import Target
from propstd.repairs import REVISIT_TARGET, RepairOrder, repair_metrics, repair_status
from propstd.routines import RoutineEntry, Trigger, routine_compliance, triggered_compliance
from propstd.scorecards._model import Indicator, OpenItem, Section, Status, Value
from propstd.staffing import staffing_requirement
from propstd.standard import ServiceStandard
from propstd.surveys import SurveyResponse, survey_result

__all__: list[str] = []

ALL_DONE = Target(minimum=Fraction(1))
"""A duty the standard requires is done every time it is due: 100 %."""


@attrs.frozen(kw_only=True)
class Inputs:
    """What one card is computed from."""

    standard: ServiceStandard
    period: Period
    as_of: datetime
    checks: Sequence[CheckRecord] = ()
    findings: Sequence[Finding] = ()
    complaints: Sequence[Complaint] = ()
    repairs: Sequence[RepairOrder] = ()
    survey_responses: Sequence[SurveyResponse] = ()
    routine_log: Sequence[RoutineEntry] = ()
    triggers: Sequence[Trigger] = ()


def indicator(
    key: str, title: str, title_zh: str, value: Value | None, target: Target | None = None
) -> Indicator:
    """An indicator whose status follows from its value and target."""
    return Indicator(
        key=key,
        title=title,
        title_zh=title_zh,
        value=value,
        target=target,
        status=Status.of(value, target),
        trend=(value,),
    )


def empty(key: str, title: str, title_zh: str, status: Status, note: str) -> Section:
    """A section without figures: no data, or not set by the standard."""
    return Section(key=key, title=title, title_zh=title_zh, status=status, notes=(note,))


def qpi(i: Inputs) -> Section:
    """The seven QPI indicators of the month (QPI月报)."""
    s = i.standard
    if s.inspections is None or s.qpi_targets is None:
        return empty("qpi", "QPI", "品质核查", Status.NOT_SET, "no inspection plan or targets")
    if not i.checks:
        return empty("qpi", "QPI", "品质核查", Status.NO_DATA, "no check records")
    tally = qpi_tally(
        s.inspections,
        records=i.checks,
        findings=i.findings,
        period=i.period,
        calendar=s.calendar("inspections"),
    )
    report = qpi_report(tally, s.qpi_targets)
    indicators = [
        indicator(
            f"qpi.{r.indicator.value}", r.indicator.label, r.indicator.label_zh, r.rate, r.target
        )
        for r in report.indicators
    ]
    notes = (
        [f"{tally.ignored_records} records outside every counted window"]
        if (tally.ignored_records)
        else []
    )
    return Section(key="qpi", title="QPI", title_zh="品质核查", indicators=indicators, notes=notes)


def findings(i: Inputs) -> tuple[Section, list[OpenItem]]:
    """Findings raised in the month, still open, overdue, and the points deducted."""
    title, zh = "Findings", "检查问题"
    if not i.findings:
        return empty("findings", title, zh, Status.NO_DATA, "no findings"), []
    zone = i.standard.calendar("findings").zone
    tz = zone_of(zone)
    raised = [f for f in i.findings if f.found_at.astimezone(tz).date() in i.period]
    open_now = [f for f in i.findings if f.is_open(i.as_of)]
    overdue = [f for f in open_now if f.is_overdue(i.as_of)]
    section = Section(
        key="findings",
        title=title,
        title_zh=zh,
        indicators=(
            indicator("findings.raised", "Raised in the period", "本期发现", len(raised)),
            indicator("findings.open", "Open at the report", "未关闭", len(open_now)),
            indicator("findings.overdue", "Overdue", "逾期未整改", len(overdue)),
            indicator(
                "findings.points",
                "Points deducted",
                "扣分",
                deduction_total(i.findings, i.period, zone=zone),
            ),
        ),
    )
    items = [
        OpenItem(
            kind="finding",
            ref=f.id,
            title=f.description,
            owner=f.department or f.owner,
            due=f.rectify_by,
            overdue=f.is_overdue(i.as_of),
        )
        for f in open_now
    ]
    return section, items


def notices(i: Inputs) -> tuple[ImprovementNotice, ...]:
    """The work improvement notices (工作改进通知单) at the report's instant."""
    return improvement_notices(i.findings, as_of=i.as_of) if i.findings else ()


def complaints(i: Inputs) -> tuple[Section, list[OpenItem]]:
    """Complaint handling: on-time response, reply, resolution, revisits, satisfaction."""
    title, zh = "Complaints", "投诉"
    policy = i.standard.complaints
    if policy is None:
        return empty("complaints", title, zh, Status.NOT_SET, "no complaint policy"), []
    if not i.complaints:
        return empty("complaints", title, zh, Status.NO_DATA, "no complaints"), []
    calendar = i.standard.calendar("complaints")
    m = complaint_metrics(
        i.complaints, period=i.period, policy=policy, calendar=calendar, as_of=i.as_of
    )
    figures = [indicator("complaints.received", "Received", "受理", m.total)]
    figures += [
        indicator(f"complaints.{f.key}", f.title, f.title_zh, f.value)
        for f in m.rows()
        if "." not in f.key and f.key not in ("vip", "major")
    ]
    notes = sorted({f.note for f in m.rows() if f.note})
    items = [
        OpenItem(
            kind="complaint",
            ref=c.id,
            title=c.topic or c.level.label_zh,
            owner=c.owner,
            overdue=c.is_overdue(policy, calendar=calendar, as_of=i.as_of),
        )
        for c in i.complaints
        if c.is_open(i.as_of)
    ]
    section = Section(key="complaints", title=title, title_zh=zh, indicators=figures, notes=notes)
    return section, items


def repairs(i: Inputs) -> tuple[Section, list[OpenItem]]:
    """Repairs: arrival and completion on time, revisits, rework, satisfaction."""
    title, zh = "Repairs", "维修"
    limits = i.standard.repairs
    if limits is None:
        return empty("repairs", title, zh, Status.NOT_SET, "no repair time-limit table"), []
    if not i.repairs:
        return empty("repairs", title, zh, Status.NO_DATA, "no repair orders"), []
    calendar = i.standard.calendar("repairs")
    m = repair_metrics(i.repairs, period=i.period, limits=limits, calendar=calendar, as_of=i.as_of)
    o = m.overall
    figures = [
        indicator("repairs.orders", "Orders", "报修单", o.orders),
        indicator("repairs.arrival", "Arrival on time", "及时到场率", o.arrival),
        indicator("repairs.completion", "Completion on time", "按时完成率", o.completion),
        indicator("repairs.revisit", "Revisited", "回访率", o.revisit, REVISIT_TARGET),
        indicator("repairs.revisit_on_time", "Revisit on time", "及时回访率", o.revisit_on_time),
        indicator("repairs.rework", "Rework", "返修率", o.rework),
        indicator("repairs.satisfaction", "Satisfied", "满意率", o.satisfaction),
    ]
    items = []
    for order in i.repairs:
        status = repair_status(order, limits=limits, calendar=calendar, as_of=i.as_of)
        if status.is_overdue:
            items.append(
                OpenItem(
                    kind="repair",
                    ref=order.id,
                    title=f"{order.category.label_zh} {order.unit}".strip(),
                    owner=order.technician,
                    overdue=True,
                )
            )
    section = Section(
        key="repairs", title=title, title_zh=zh, indicators=figures, notes=m.not_judged
    )
    return section, items


def surveys(i: Inputs) -> Section:
    """The satisfaction survey of the period, when one was answered."""
    title, zh = "Satisfaction survey", "满意度调查"
    policy = i.standard.surveys
    if policy is None:
        return empty("surveys", title, zh, Status.NOT_SET, "no survey policy")
    in_period = [r for r in i.survey_responses if _in(r.at, i)]
    if not in_period:
        return empty("surveys", title, zh, Status.NO_DATA, "no survey responses")
    # items the policy does not name are those the questionnaires asked about
    items = policy.items or sorted({item for r in in_period for item in r.scores})
    r = survey_result(
        policy,
        in_period,
        households=i.standard.property.households,
        period=i.period,
        zone=i.standard.calendar("complaints").zone,
        items=items,
    )
    figures = [
        indicator("surveys.responses", "Responses", "有效问卷", r.responses),
        indicator("surveys.satisfaction", "Satisfaction", "满意率", r.overall, policy.target),
        indicator("surveys.low_items", "Items needing action", "需改进项目", len(r.low_items)),
    ]
    notes = [] if r.valid else ["the survey is not valid: too few responses or items uncovered"]
    return Section(key="surveys", title=title, title_zh=zh, indicators=figures, notes=notes)


def _in(t: datetime, i: Inputs) -> bool:
    return t.astimezone(zone_of(i.standard.calendar("complaints").zone)).date() in i.period


def routines(i: Inputs) -> tuple[Section, list[OpenItem]]:
    """Routine and triggered duties: done when due, on time after their trigger."""
    title, zh = "Routine duties", "例行工作"
    s = i.standard
    if not s.routines and not s.triggered:
        return empty("routines", title, zh, Status.NOT_SET, "no routine duties"), []
    if not i.routine_log and not i.triggers:
        return empty("routines", title, zh, Status.NO_DATA, "no duty log"), []
    calendar = s.calendar("routines")
    figures, items = [], []
    if s.routines:
        rc = routine_compliance(s.routines, i.routine_log, period=i.period, calendar=calendar)
        figures.append(
            indicator("routines.done", "Done when due", "按时完成", rc.compliance, ALL_DONE)
        )
        today = i.as_of.astimezone(zone_of(calendar.zone)).date()
        titles = {r.code: (r.title, r.role) for r in s.routines}
        items += [
            OpenItem(
                kind="routine",
                ref=f"{w.code} {w.start}",
                title=titles[w.code][0],
                owner=titles[w.code][1],
                overdue=True,
            )
            for w in rc.windows
            if w.missed and w.due < today
        ]
    if s.triggered:
        tc = triggered_compliance(
            s.triggered,
            i.triggers,
            i.routine_log,
            period=i.period,
            calendar=calendar,
            as_of=i.as_of,
        )
        figures.append(
            indicator(
                "routines.triggered",
                "Triggered, on time",
                "触发工作及时率",
                tc.compliance,
                ALL_DONE,
            )
        )
    return Section(key="routines", title=title, title_zh=zh, indicators=figures), items


def staffing(i: Inputs) -> Section:
    """The staff the property needs by the standard's ratios."""
    title, zh = "Staffing", "人员配置"
    ratios = i.standard.staffing
    if ratios is None:
        return empty("staffing", title, zh, Status.NOT_SET, "no staffing ratios")
    p = i.standard.property
    need = staffing_requirement(
        area_m2=p.area_m2, households=p.households, kind=p.kind, phase=p.phase, ratios=ratios
    )
    return Section(
        key="staffing",
        title=title,
        title_zh=zh,
        indicators=(
            indicator("staffing.guards", "Guards required", "秩序维护员", need.guards),
            indicator("staffing.cleaners", "Cleaners required", "保洁员", need.cleaners),
            indicator("staffing.zones", "Customer-service zones", "客服责任区", need.zones),
        ),
    )
