"""Demo section: the sample property's March findings, improvement notices and closure (private).

`sample_findings()` is the month's findings as recorded by `sample.AS_OF`; other sections (the
QPI indicators) reuse it.
"""

from __future__ import annotations

import functools
from collections import Counter
from datetime import datetime, time, timedelta

from propstd._demo import sample
from propstd.calendars import WorkingCalendar, china_calendar
from propstd.findings import (
    Category,
    Finding,
    FindingStatus,
    RectificationPolicy,
    Severity,
    closure_rate,
    deduction_total,
    improvement_notices,
    repeat_findings,
    score,
)
from propstd.rates import Target
from propstd.timelimits import TimeLimit

TITLE = f"Findings and second verification — {sample.NAME}, {sample.MONTH}"

# The sample's own numbers (sample-property.md), not library defaults.
POLICY = RectificationPolicy(
    limits={
        Severity.CRITICAL: TimeLimit.parse("24 hours"),
        Severity.MAJOR: TimeLimit.parse("3 working days"),
        Severity.MINOR: TimeLimit.parse("7 working days"),
    },
    verify_after=TimeLimit.parse("1 working day"),
)
INSPECTOR = "刘敏 (品质部)"
OWNERS = {"秩序维护部": "王强", "环境部": "李娜", "工程部": "张伟", "客服中心": "赵丽"}
SCORE_BASE = 100

# id, item, category, severity, description, found (day, hh:mm), department, location, outcome
# outcomes: "closed" (rectified the next morning, verified on verify_on at 10:00 by the
# inspector), "failed" (first verification fails, closed a day later), "rectified" (waiting
# for verification), "open" (not rectified yet)
_ROWS: tuple[tuple[str, str, Category, Severity, str, int, str, str, str, str], ...] = (
    (
        "F-01",
        "ENV-05",
        Category.SUGGESTION,
        Severity.MINOR,
        "Lobby glass smudged at hand height: add a weekly wipe",
        3,
        "10:20",
        "环境部",
        "T2 大堂",
        "closed",
    ),
    (
        "F-02",
        "SEC-02",
        Category.SUGGESTION,
        Severity.MINOR,
        "Patrol point P7 hard to reach at night: add a light",
        4,
        "21:40",
        "秩序维护部",
        "P7",
        "closed",
    ),
    (
        "F-03",
        "ENG-02",
        Category.SUGGESTION,
        Severity.MINOR,
        "Pump room log kept on loose sheets: use the bound log",
        6,
        "09:10",
        "工程部",
        "B1 泵房",
        "closed",
    ),
    (
        "F-04",
        "QA-02",
        Category.SUGGESTION,
        Severity.MINOR,
        "Mystery visit: greeting script not used at the front desk",
        10,
        "15:00",
        "客服中心",
        "客服中心",
        "closed",
    ),
    (
        "F-05",
        "ENV-04",
        Category.SUGGESTION,
        Severity.MINOR,
        "Hedge by T7 entrance uneven",
        12,
        "09:30",
        "环境部",
        "T7",
        "closed",
    ),
    (
        "F-06",
        "SEC-04",
        Category.SUGGESTION,
        Severity.MINOR,
        "CCTV camera C12 view partly blocked by a branch",
        14,
        "11:00",
        "秩序维护部",
        "C12",
        "closed",
    ),
    (
        "F-07",
        "QA-01",
        Category.SUGGESTION,
        Severity.MINOR,
        "Notice board shows February's cleaning roster",
        17,
        "10:00",
        "客服中心",
        "T1 大堂",
        "closed",
    ),
    (
        "F-08",
        "ENG-01",
        Category.SUGGESTION,
        Severity.MINOR,
        "Switch room door label faded",
        19,
        "14:30",
        "工程部",
        "B2 配电房",
        "closed",
    ),
    (
        "F-09",
        "ENV-01",
        Category.SUGGESTION,
        Severity.MINOR,
        "Stairwell T9 handrails dusty on floors 20-25",
        26,
        "10:00",
        "环境部",
        "T9",
        "rectified",
    ),
    (
        "F-10",
        "SEC-03",
        Category.RECTIFICATION,
        Severity.CRITICAL,
        "Fire door T3-B1 wedged open",
        4,
        "10:00",
        "秩序维护部",
        "T3 B1",
        "closed",
    ),
    (
        "F-11",
        "ENV-02",
        Category.RECTIFICATION,
        Severity.MAJOR,
        "Refuse point T4 not cleared in the afternoon round",
        7,
        "16:00",
        "环境部",
        "T4",
        "failed",
    ),
    (
        "F-12",
        "ENG-04",
        Category.RECTIFICATION,
        Severity.MAJOR,
        "Generator test run not recorded",
        13,
        "10:30",
        "工程部",
        "发电机房",
        "closed",
    ),
    (
        "F-13",
        "ENG-03",
        Category.RECTIFICATION,
        Severity.MAJOR,
        "Lift L5 maintenance sheet unsigned by the contractor",
        19,
        "11:00",
        "工程部",
        "T5 L5",
        "open",
    ),
    (
        "F-14",
        "QA-01",
        Category.RECTIFICATION,
        Severity.MINOR,
        "Complaint log missing the revisit date on three entries",
        20,
        "15:30",
        "客服中心",
        "客服中心",
        "closed",
    ),
    (
        "F-15",
        "SEC-01",
        Category.RECTIFICATION,
        Severity.MAJOR,
        "Guard at gate 2 without uniform jacket",
        28,
        "08:15",
        "秩序维护部",
        "2号门",
        "open",
    ),
    (
        "F-16",
        "SEC-03",
        Category.DEDUCTION,
        Severity.MAJOR,
        "Fire lane T5 blocked by a parked van",
        5,
        "21:00",
        "秩序维护部",
        "T5 消防通道",
        "closed",
    ),
    (
        "F-17",
        "ENV-03",
        Category.DEDUCTION,
        Severity.MAJOR,
        "Lift cars T6 not disinfected this week",
        11,
        "10:00",
        "环境部",
        "T6",
        "failed",
    ),
    (
        "F-18",
        "SEC-03",
        Category.DEDUCTION,
        Severity.MAJOR,
        "Fire lane T5 blocked again (delivery tricycles)",
        18,
        "20:30",
        "秩序维护部",
        "T5 消防通道",
        "closed",
    ),
    (
        "F-19",
        "ENV-06",
        Category.DEDUCTION,
        Severity.MAJOR,
        "Septic tank clearing overdue, no contractor booking",
        25,
        "10:00",
        "环境部",
        "化粪池",
        "rectified",
    ),
)


def _at(day: int, hhmm: str) -> datetime:
    hour, minute = (int(part) for part in hhmm.split(":"))
    return datetime(2025, 3, day, hour, minute, tzinfo=sample.TZ)


@functools.cache
def office_calendar() -> WorkingCalendar:
    """The engineering office and management calendar of the sample property."""
    return china_calendar(hours=sample.OFFICE_HOURS)


def _verify_time(f: Finding) -> datetime:
    return datetime.combine(f.verify_on, time(10, 0), tzinfo=sample.TZ)


@functools.cache
def sample_findings() -> tuple[Finding, ...]:
    """The 19 findings of March 2025 with their histories as known at `sample.AS_OF`."""
    out = []
    for fid, code, category, severity, text, day, hhmm, department, location, outcome in _ROWS:
        owner = OWNERS[department]
        f = POLICY.finding(
            fid,
            code,
            category,
            severity,
            text,
            _at(day, hhmm),
            INSPECTOR,
            calendar=office_calendar(),
            location=location,
            owner=owner,
            department=department,
            points=2 if category is Category.DEDUCTION else 0,
        )
        if outcome == "open":
            out.append(f)
            continue
        fixed = f.found_at + timedelta(hours=20)
        f = f.rectify(fixed, owner, note="done, photo in the log")
        if outcome == "failed":
            f = f.verify(fixed + timedelta(hours=2), INSPECTOR, passed=False, note="not held")
            f = f.rectify(fixed + timedelta(hours=6), owner, note="redone")
        if outcome != "rectified" and _verify_time(f) <= sample.AS_OF:
            f = f.verify(_verify_time(f), INSPECTOR, passed=True)
        out.append(f)
    return tuple(out)


def render() -> str:
    """Counts by category, the closure rate, deductions, repeats and the improvement notices."""
    findings = sample_findings()
    month_end = datetime.combine(sample.MONTH.end, time(0), tzinfo=sample.TZ)
    counts = Counter(f.category for f in findings)
    statuses = Counter(f.status(sample.AS_OF) for f in findings)
    rate = closure_rate(findings, period=sample.MONTH, as_of=month_end, zone=sample.ZONE)
    target = Target.parse("100%")
    waiting = [f.id for f in findings if f.verification_overdue(sample.AS_OF)]
    lines = [
        (
            "Policy: critical 24 hours, major 3 working days, minor 7 working days; second "
            "verification 1 working day after the deadline (office calendar, 放假调休 included)."
        ),
        "Raised in March: " + ", ".join(f"{counts[c]} {c.label_zh} {c.value}" for c in Category),
        f"Status at {sample.AS_OF:%Y-%m-%d %H:%M}: "
        + ", ".join(f"{statuses[s]} {s.value}" for s in FindingStatus if statuses[s]),
        (
            "Second-verification closure (suggestion + deduction items due for verification in "
            f"March, verified as passed by the end of that day): {rate} → target {target}: "
            f"{target.evaluate(rate).value}"
        ),
        f"Waiting past their verification date: {', '.join(waiting) or 'none'}",
        (
            f"Points deducted: {deduction_total(findings, sample.MONTH, zone=sample.ZONE)}; "
            f"score {score(SCORE_BASE, findings, sample.MONTH, zone=sample.ZONE)} of {SCORE_BASE}"
        ),
    ]
    lines.extend(
        f"Repeat: {r.repeat.id} {r.item_code} at {r.location} again "
        f"{r.gap.days} days after {r.previous.id}"
        for r in repeat_findings(findings, within=timedelta(days=30))
    )
    for notice in improvement_notices(findings, as_of=sample.AS_OF):
        lines += ["", notice.to_text()]
    return "\n".join(lines)
