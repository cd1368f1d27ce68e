"""Service time limits (时限) and the deadlines they give on a working calendar.

A [TimeLimit][propstd.timelimits.TimeLimit] is an amount of minutes, hours, days, weeks, months
or years on one of two clocks: **natural** time (real elapsed time, 24×7; calendar days, weeks,
months and years) or **working** time (only the opening hours of a
[WorkingCalendar][propstd.calendars.WorkingCalendar]; working days). Limits read the spellings
used in service standards, English and Chinese (`"2 working hours"`, `"3个工作日"`, `"当日"`,
`"24小时"`, `"3个月内"`), and print a canonical English form that reads back to an equal value;
`label_zh` gives the Chinese form.

[deadline][propstd.timelimits.deadline] turns a start instant and a limit into the instant the
work is due (inclusive: work done exactly at the deadline is on time);
[explain_deadline][propstd.timelimits.explain_deadline] gives the same instant in a
[Deadline][propstd.timelimits.Deadline] record that says why it lands there.

Examples:
    >>> from propstd.timelimits import TimeLimit
    >>> TimeLimit.parse("3个工作日")
    TimeLimit(3, 'day', 'working')
    >>> str(TimeLimit.parse("当日")), str(TimeLimit.parse("2h")), str(TimeLimit.parse("3天"))
    ('same working day', '2 hours', '3 calendar days')
    >>> TimeLimit.parse("15分钟内").duration
    datetime.timedelta(seconds=900)
"""

from __future__ import annotations

from propstd.timelimits._deadline import Deadline, deadline, explain_deadline
from propstd.timelimits._limit import TimeLimit
from propstd.timelimits._units import Clock, TimeUnit

__all__ = ["Clock", "Deadline", "TimeLimit", "TimeUnit", "deadline", "explain_deadline"]


def __dir__() -> list[str]:
    return __all__
