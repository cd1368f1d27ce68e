"""Demo section: a repair's deadlines on the office calendar (private)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from propstd import samples
from propstd.timelimits import TimeLimit, explain_deadline

TITLE = "Deadlines on the office calendar — a repair reported on the eve of National Day"

LIMITS = ("2 working hours", "3个工作日", "24 hours", "当日")


def render() -> str:
    """One repair reported at 17:50 on 2025-09-30, its deadlines under four limits, and why."""
    office = samples.standard().calendars["office"]
    hours = ",".join(str(w) for w in office.week[0])
    reported = datetime(2025, 9, 30, 17, 50, tzinfo=ZoneInfo(samples.ZONE))
    lines = [
        (
            f"Reported {reported:%Y-%m-%d %a %H:%M} (Beijing time); office hours "
            f"{hours} on the State Council calendar:"
        ),
        "National Day holiday 10-01 to 10-08, Saturday 10-11 is a make-up working day (调休).",
    ]
    for text in LIMITS:
        due = explain_deadline(reported, TimeLimit.parse(text), calendar=office)
        label = f"{text} ({due.limit})" if text != str(due.limit) else text
        lines.append(f"- {label}: due {due.due_at:%Y-%m-%d %a %H:%M}")
        lines.append(f"    why: {due.reason}")
    return "\n".join(lines)
