"""A service standard in plain words (private part of propstd.standard).

`explain()` writes every part of a standard as sentences a quality manager can check without
reading TOML, with the Chinese terms beside the English ones ("急修 emergency repair: on site
within 15 minutes (15分钟), done within 4 hours (4小时)"). A part the standard leaves open
says so, and the sources of the numbers close the text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import timedelta
from fractions import Fraction
from typing import Any

from propstd._numbers import plain, to_decimal
from propstd.calendars import WorkingCalendar
from propstd.complaints import ComplaintPolicy
from propstd.findings import RectificationPolicy
from propstd.inspections import InspectionPlan, QpiTargets
from propstd.rates import Target
from propstd.repairs import RepairCategory, RepairLimits
from propstd.routines import Routine, TriggeredDuty
from propstd.staffing import StaffingRatios, staffing_requirement
from propstd.standard._model import BudgetPolicy, ServiceStandard
from propstd.surveys import SurveyPolicy
from propstd.timelimits import TimeLimit
from propstd.timelines import Milestone

__all__: list[str] = []

_INDENT = "  "


def _limit(limit: TimeLimit) -> str:
    return f"{limit} ({limit.label_zh})"


def _pct(value: Fraction) -> str:
    exact = plain(value * 100)
    return f"{exact if exact is not None else to_decimal(value * 100, 2, 'half_up')}%"


def _span(value: timedelta) -> str:
    if value % timedelta(days=1) == timedelta(0):
        days = value // timedelta(days=1)
        return f"{days} day{'s' if days != 1 else ''}"
    return str(value)


def _number(value: Fraction | int) -> str:
    exact = plain(value)
    return f"{exact:,}" if exact is not None else str(value)


def _target(target: Target | None) -> str:
    return "no target" if target is None or str(target) == "any" else str(target)


def explain(standard: ServiceStandard) -> str:
    """The whole of *standard* in plain words (see the module docstring)."""
    p = standard.property
    lines = [
        standard.name,
        "=" * min(78, max(10, len(standard.name) * 2)),
        (
            f"{p.name}{f' ({p.city})' if p.city else ''}: {p.area_m2:,} m² building area, "
            f"{p.households:,} households, {p.kind.label_zh} {p.kind.value}, "
            f"{p.phase.label_zh} {p.phase.value.replace('_', ' ')}."
        ),
    ]
    open_parts: list[str] = []
    for title, value, write in _parts(standard):
        lines.append("")
        lines.append(title)
        if value is None or value == ():
            lines.append(f"{_INDENT}Not fixed by this standard.")
            open_parts.append(title)
        else:
            lines += [f"{_INDENT}{line}" for line in write(value)]
    lines += ["", *_sources(standard, open_parts)]
    return "\n".join(lines) + "\n"


def _parts(standard: ServiceStandard) -> Iterable[tuple[str, Any, Callable[[Any], list[str]]]]:
    s = standard
    return (
        ("Calendars 日历", s, _calendars),
        ("Inspection plan 品质核查计划 (QPI)", s.inspections, _plan),
        ("QPI targets 七大指标", s.qpi_targets, _qpi),
        ("Rectification 整改与二次验证", s.rectification, _rectification),
        ("Complaints 投诉处理", s.complaints, _complaints),
        ("Repairs 工程维修时限", s.repairs, _repairs),
        ("Budget 预算与收缴", s.budget, _budget),
        ("Staffing 人员配置", s.staffing, lambda ratios: _staffing(s, ratios)),
        ("Satisfaction survey 满意度调查", s.surveys, _surveys),
        ("Routine duties 例行工作", s.routines, _routines),
        ("Triggered duties 触发性工作", s.triggered, _triggered),
    )


def _calendars(standard: ServiceStandard) -> list[str]:
    uses: dict[str, list[str]] = {}
    for part in ("inspections", "findings", "complaints", "repairs", "routines", "budget"):
        uses.setdefault(standard.calendar_for.get(part, "office"), []).append(part)
    lines = []
    for name, calendar in standard.calendars.items():
        used = ", ".join(uses.get(name, []))
        lines.append(
            f"{name}: {_calendar(calendar)}; "
            + (f"used by {used}." if used else "not used by any part.")
        )
    return lines


_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _calendar(calendar: WorkingCalendar) -> str:
    days = [_DAYS[i] for i, windows in enumerate(calendar.week) if windows]
    hours = sorted({",".join(str(w) for w in windows) for windows in calendar.week if windows})
    what = calendar.name or "working calendar"
    covers = f", data for {calendar.covers}" if calendar.covers is not None else ""
    extra = f", {len(calendar.holidays)} holidays, {len(calendar.makeup_days)} make-up days"
    return (
        f"{what}, {' / '.join(hours) or 'no weekly hours'} on {', '.join(days) or 'no day'} "
        f"({calendar.zone}){extra if calendar.holidays or calendar.makeup_days else ''}{covers}"
    )


def _plan(plan: InspectionPlan) -> list[str]:
    anchor = f"windows from {plan.anchor}" if plan.anchor else "calendar windows (日/周/月)"
    lines = [f"{len(plan.checklists)} checklists, {anchor}."]
    for c in plan.checklists:
        role = f", by {c.role}" if c.role else ""
        lines.append(f"{c.code} {c.title}: rounds {c.frequency.label_zh} ({c.frequency}){role}")
        for i in c.items:
            f = i.frequency or c.frequency
            samples = f", {i.samples} samples" if i.samples != 1 else ""
            lines.append(f"{_INDENT}{i.code} {i.title}: {f.label_zh} ({f}){samples}")
    return lines


def _qpi(targets: QpiTargets) -> list[str]:
    rows = (
        ("覆盖率 coverage", targets.coverage),
        ("频次完成率 frequency completion", targets.frequency_completion),
        ("可追溯性 traceability", targets.traceability),
        ("二次验证关闭率 second-verification closure", targets.closure),
        ("建议项比率 suggestion rate", targets.suggestion_rate),
        ("整改项比率 rectification rate", targets.rectification_rate),
        ("扣分项比率 deduction rate", targets.deduction_rate),
    )
    cats = ", ".join(f"{c.label_zh} {c.value}" for c in targets.closure_categories)
    return [f"{name}: {_target(t)}" for name, t in rows] + [f"closure counts: {cats}"]


def _rectification(policy: RectificationPolicy) -> list[str]:
    lines = [
        f"{severity.label_zh} {severity.value}: rectify within {_limit(limit)}"
        for severity, limit in policy.limits
    ]
    lines.append(
        f"二次验证 second verification: {_limit(policy.verify_after)} after the rectification "
        "deadline, by someone other than the rectifier"
    )
    return lines


def _milestone(name: str, m: Milestone | None) -> str | None:
    if m is None:
        return None
    start = "" if m.start.value == "received" else f" of {m.start.label_zh} {m.start.value}"
    pause = ", paused while waiting" if m.pausable else ""
    return f"{name}: {m.target.value} within {_limit(m.limit)}{start}{pause}"


def _complaints(policy: ComplaintPolicy) -> list[str]:
    lines = [
        line
        for line in (
            _milestone("响应 response", policy.response),
            _milestone("答复 reply", policy.reply),
            _milestone("解决 resolution", policy.resolution),
            _milestone("回访 revisit", policy.revisit),
        )
        if line
    ]
    if policy.contact_every is not None:
        lines.append(f"跟进 progress call every {_limit(policy.contact_every)} while open")
    if policy.ladder is not None:
        lines.append("升级 escalation ladder (unresolved after → who is told):")
        lines += [f"{_INDENT}{_limit(s.after)} → {s.role}" for s in policy.ladder.steps]
    if policy.vip_role:
        lines.append(f"VIP 重要客户: followed personally by {policy.vip_role}")
    if policy.major_role:
        lines.append(f"重大投诉 major complaint: {policy.major_role} told at once")
    if policy.repeat_window is not None:
        lines.append(
            f"重复投诉 repeat: same customer and topic within {_span(policy.repeat_window)}"
        )
    if policy.department_limit is not None:
        lines.append(f"more than {policy.department_limit} departments handling it: one step up")
    return lines


def _repairs(limits: RepairLimits) -> list[str]:
    lines = []
    for c in RepairCategory:
        arrival, done = limits.arrival.get(c), limits.completion.get(c)
        if arrival is None and done is None:
            continue
        parts = [f"on site within {_limit(arrival)}" if arrival else "no arrival limit"]
        parts.append(f"done within {_limit(done)}" if done else "no completion limit")
        lines.append(f"{c.label_zh} {c.value} repair: {', '.join(parts)}")
    if limits.revisit is not None:
        lines.append(f"回访 revisit within {_limit(limits.revisit)} of completion")
    return lines or ["No limits set."]


def _budget(policy: BudgetPolicy) -> list[str]:
    t, curve = policy.thresholds, policy.collection
    points = ", ".join(
        f"{_pct(share)} by month {month}"
        for month, share in zip(curve.months, curve.shares, strict=True)
    )
    return [
        (
            f"差异 variance: explain above {_pct(t.explain)}, stop above {_pct(t.stop)} of "
            f"budget ({t.side.label_zh} {t.side.value} variances)"
        ),
        f"收缴 fee collection target: {points} (cumulative share of the year's fees)",
    ]


def _staffing(standard: ServiceStandard, ratios: StaffingRatios) -> list[str]:
    p = standard.property
    need = staffing_requirement(
        area_m2=p.area_m2, households=p.households, kind=p.kind, phase=p.phase, ratios=ratios
    )
    return [
        f"秩序维护 guards: {_number(ratios.guards_per_10000_m2)} per 10,000 m²",
        f"保洁 cleaners: {_number(ratios.cleaners_per_10000_m2)} per 10,000 m²",
        (
            f"客服责任区 customer-service zones: about {ratios.zone_households} households or "
            f"{_number(ratios.zone_area_m2)} m² each; "
            f"villas {ratios.villa_zone_households} households"
        ),
        f"样板房 show-flat phase: security and cleaning at most {ratios.show_flat_cap}",
        (
            f"for {p.name}: {need.guards} guards, {need.cleaners} cleaners, "
            f"{need.zones} customer-service zones"
        ),
    ]


def _surveys(policy: SurveyPolicy) -> list[str]:
    lines = []
    if policy.frequency is not None:
        lines.append(f"频次 how often: {policy.frequency.label_zh} ({policy.frequency})")
    if policy.sampling is not None:
        lines.append(f"抽样 sample: {_pct(policy.sampling)} of households")
    if policy.minimum_responses is not None:
        lines.append(f"at least {policy.minimum_responses} responses")
    if policy.target is not None:
        lines.append(f"满意率 satisfaction target: {_target(policy.target)}")
    if policy.low_item is not None:
        lines.append(f"an item below {_target(policy.low_item)} needs an improvement action")
    satisfied = ", ".join(s.label_zh or s.value for s in policy.satisfied)
    return [*lines, f"counted as satisfied: {satisfied}"]


def _routines(routines: tuple[Routine, ...]) -> list[str]:
    return [
        f"{r.code} {r.title}: {r.frequency.label_zh} ({r.frequency})"
        + (f", by {r.role}" if r.role else "")
        + ("" if r.evidence_required else ", no evidence needed")
        for r in routines
    ]


def _triggered(duties: tuple[TriggeredDuty, ...]) -> list[str]:
    return [
        f"{d.code} {d.title}: after {d.trigger}, within {_limit(d.limit)}"
        + (f", by {d.role}" if d.role else "")
        for d in duties
    ]


def _english(title: str) -> str:
    """The English words of a bilingual title ("Routine duties 例行工作" → "Routine duties")."""
    return "".join(ch for ch in title if ord(ch) < 0x2E80).split("(")[0].strip()


def _sources(standard: ServiceStandard, open_parts: list[str]) -> list[str]:
    lines = ["Sources 依据"]
    if not standard.provenance:
        lines.append(f"{_INDENT}No sources recorded: say where each number comes from.")
    by_source: dict[str, list[str]] = {}
    for path, source in standard.provenance.items():
        by_source.setdefault(source, []).append(path)
    for source, paths in by_source.items():
        lines.append(f"{_INDENT}{source}:")
        lines.append(f"{_INDENT * 2}{', '.join(paths)}")
    if open_parts:
        lines.append(f"Left open: {', '.join(_english(p) for p in open_parts)}.")
    return lines
