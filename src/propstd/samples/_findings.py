"""The sample property's March 2025 findings with their histories (private).

9 suggestions, 6 rectification items and 4 deduction items (2 points each), recorded by the
quality department's inspector and followed until `AS_OF`: most verified as passed on their
verification day, two failing a first verification, two waiting for verification, two open.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from propstd.calendars import WorkingCalendar
from propstd.findings import Category, Finding, RectificationPolicy
from propstd.samples._facts import AS_OF, TZ, at

__all__: list[str] = []

INSPECTOR = "刘敏 (品质部)"
OWNERS = {"秩序维护部": "王强", "环境部": "李娜", "工程部": "张伟", "客服中心": "赵丽"}

# id, item, category, severity, found (day of March, hh:mm), department, location, outcome,
# description. Outcomes: "closed" (rectified 20 hours later, verified as passed on verify_on at
# 10:00 by the inspector), "failed" (the first verification fails, redone, then verified),
# "rectified" (waiting for verification), "open" (not rectified yet).
# fmt: off
ROWS: tuple[tuple[str, str, str, str, int, str, str, str, str, str], ...] = (
    ("F-01", "ENV-05", "suggestion", "minor", 3, "10:20", "环境部", "T2 大堂", "closed",
     "Lobby glass smudged at hand height: add a weekly wipe"),
    ("F-02", "SEC-02", "suggestion", "minor", 4, "21:40", "秩序维护部", "P7", "closed",
     "Patrol point P7 hard to reach at night: add a light"),
    ("F-03", "ENG-02", "suggestion", "minor", 6, "09:10", "工程部", "B1 泵房", "closed",
     "Pump room log kept on loose sheets: use the bound log"),
    ("F-04", "QA-02", "suggestion", "minor", 10, "15:00", "客服中心", "客服中心", "closed",
     "Mystery visit: greeting script not used at the front desk"),
    ("F-05", "ENV-04", "suggestion", "minor", 12, "09:30", "环境部", "T7", "closed",
     "Hedge by T7 entrance uneven"),
    ("F-06", "SEC-04", "suggestion", "minor", 14, "11:00", "秩序维护部", "C12", "closed",
     "CCTV camera C12 view partly blocked by a branch"),
    ("F-07", "QA-01", "suggestion", "minor", 17, "10:00", "客服中心", "T1 大堂", "closed",
     "Notice board shows February's cleaning roster"),
    ("F-08", "ENG-01", "suggestion", "minor", 19, "14:30", "工程部", "B2 配电房", "closed",
     "Switch room door label faded"),
    ("F-09", "ENV-01", "suggestion", "minor", 26, "10:00", "环境部", "T9", "rectified",
     "Stairwell T9 handrails dusty on floors 20-25"),
    ("F-10", "SEC-03", "rectification", "critical", 4, "10:00", "秩序维护部", "T3 B1", "closed",
     "Fire door T3-B1 wedged open"),
    ("F-11", "ENV-02", "rectification", "major", 7, "16:00", "环境部", "T4", "failed",
     "Refuse point T4 not cleared in the afternoon round"),
    ("F-12", "ENG-04", "rectification", "major", 13, "10:30", "工程部", "发电机房", "closed",
     "Generator test run not recorded"),
    ("F-13", "ENG-03", "rectification", "major", 19, "11:00", "工程部", "T5 L5", "open",
     "Lift L5 maintenance sheet unsigned by the contractor"),
    ("F-14", "QA-01", "rectification", "minor", 20, "15:30", "客服中心", "客服中心", "closed",
     "Complaint log missing the revisit date on three entries"),
    ("F-15", "SEC-01", "rectification", "major", 28, "08:15", "秩序维护部", "2号门", "open",
     "Guard at gate 2 without uniform jacket"),
    ("F-16", "SEC-03", "deduction", "major", 5, "21:00", "秩序维护部", "T5 消防通道", "closed",
     "Fire lane T5 blocked by a parked van"),
    ("F-17", "ENV-03", "deduction", "major", 11, "10:00", "环境部", "T6", "failed",
     "Lift cars T6 not disinfected this week"),
    ("F-18", "SEC-03", "deduction", "major", 18, "20:30", "秩序维护部", "T5 消防通道", "closed",
     "Fire lane T5 blocked again (delivery tricycles)"),
    ("F-19", "ENV-06", "deduction", "major", 25, "10:00", "环境部", "化粪池", "rectified",
     "Septic tank clearing overdue, no contractor booking"),
)
# fmt: on


def _verify_time(f: Finding) -> datetime:
    return datetime.combine(f.verify_on, time(10, 0), tzinfo=TZ)


def findings(policy: RectificationPolicy, office: WorkingCalendar) -> tuple[Finding, ...]:
    """The 19 findings of March 2025 as known at `AS_OF`."""
    out = []
    for fid, code, category, severity, day, hhmm, department, location, outcome, text in ROWS:
        owner = OWNERS[department]
        f = policy.finding(
            fid,
            code,
            category,
            severity,
            text,
            at(3, day, hhmm),
            INSPECTOR,
            calendar=office,
            location=location,
            owner=owner,
            department=department,
            points=2 if category == Category.DEDUCTION else 0,
        )
        if outcome == "open":
            out.append(f)
            continue
        fixed = f.found_at + timedelta(hours=20)
        f = f.rectify(fixed, owner, note="done, photo in the log")
        if outcome == "failed":
            f = f.verify(fixed + timedelta(hours=2), INSPECTOR, passed=False, note="not held")
            f = f.rectify(fixed + timedelta(hours=6), owner, note="redone")
        if outcome != "rectified" and _verify_time(f) <= AS_OF:
            f = f.verify(_verify_time(f), INSPECTOR, passed=True)
        out.append(f)
    return tuple(out)
