"""Routines: duties that are not check points but leave evidence, and duties started by events.

The seeds measure more than inspections. A property holds morning meetings (晨会), weekly
meetings (周例会) and monthly meetings (月度会议), a manager's reception day (经理接待日) every
month, a customer forum at least once a quarter, at least four professional trainings a year,
emergency drills and annual plans; each leaves minutes, a sign-in sheet or photos. Other duties
are started by an event, not by the calendar: vacant units are checked after every rain
(逢雨必检), standing water is cleared within an hour after rain, a new household gets a care
visit within a week of moving in.

- A [Routine][propstd.routines.Routine] has a [Frequency][propstd.frequencies.Frequency];
  [routine_compliance][propstd.routines.routine_compliance] lays it on calendar-aligned
  windows (an ISO week, a calendar month, quarter or year) and counts, per routine, the times
  required, done, on time and missed.
- A [TriggeredDuty][propstd.routines.TriggeredDuty] has a trigger kind and a
  [TimeLimit][propstd.timelimits.TimeLimit];
  [triggered_compliance][propstd.routines.triggered_compliance] matches each
  [Trigger][propstd.routines.Trigger] to the first log entry of the duty after it and says
  whether it was on time, late (and by how much, on the limit's clock) or missed.
- Both read the same duty log of [RoutineEntry][propstd.routines.RoutineEntry] records, and
  both results add up with `+` across parts of the log or adjacent periods.

Examples:
    >>> from datetime import datetime, timedelta, timezone
    >>> from propstd.calendars import china_calendar
    >>> from propstd.frequencies import Frequency
    >>> from propstd.periods import Period
    >>> tz = timezone(timedelta(hours=8))
    >>> training = Routine("TRAIN", "专业培训", Frequency.parse("4 times per year"))
    >>> log = [RoutineEntry("TRAIN", datetime(2025, m, 14, 14, 0, tzinfo=tz), "李经理",
    ...                     evidence=(f"sign-in-{m}",)) for m in (3, 6, 9, 12)]
    >>> result = routine_compliance([training], log, period=Period.parse("2025"),
    ...                             calendar=china_calendar())
    >>> str(result.routine("TRAIN").compliance)
    '100.0% (4/4)'
"""

from propstd.routines._periodic import (
    RoutineCompliance,
    RoutineRow,
    RoutineWindow,
    routine_compliance,
)
from propstd.routines._records import DutyState, Routine, RoutineEntry, Trigger, TriggeredDuty
from propstd.routines._triggered import (
    TriggeredCompliance,
    TriggeredRow,
    TriggerOutcome,
    triggered_compliance,
)

__all__ = [
    "DutyState",
    "Routine",
    "RoutineCompliance",
    "RoutineEntry",
    "RoutineRow",
    "RoutineWindow",
    "Trigger",
    "TriggerOutcome",
    "TriggeredCompliance",
    "TriggeredDuty",
    "TriggeredRow",
    "routine_compliance",
    "triggered_compliance",
]


def __dir__() -> list[str]:
    return __all__
