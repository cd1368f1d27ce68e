"""The clocks and units of a time limit (private part of propstd.timelimits)."""

from __future__ import annotations

from propstd._vocab import Vocabulary, to_member

__all__: list[str] = []


class Clock(Vocabulary):
    """Which time a limit counts.

    Reads its English value or its Chinese label (`Clock("工作时间")` is `WORKING`), ignoring
    case and blanks; written back in English.
    """

    NATURAL = "natural", "自然时间", "自然", "calendar", "real time"
    """Real elapsed time, 24×7 (自然时间); days are calendar days (自然日)."""
    WORKING = "working", "工作时间", "工作", "business"
    """Only the working time of a calendar (工作时间); days are working days (工作日)."""


class TimeUnit(Vocabulary):
    """The unit a limit is written in.

    Minutes, hours and days exist on both clocks; weeks, months and years only on the natural
    clock (a "working month" has no agreed meaning). Reads `"hour"`, `"小时"`, `"h"` and the
    like; written back in English.
    """

    MINUTE = "minute", "分钟", "minutes", "min", "分"
    """Minutes (分钟)."""
    HOUR = "hour", "小时", "hours", "h", "钟头"
    """Hours (小时)."""
    DAY = "day", "天", "days", "d", "日"
    """Days: calendar days on the natural clock, working days on the working clock."""
    WEEK = "week", "周", "weeks", "星期"
    """Weeks of seven calendar days (natural clock only)."""
    MONTH = "month", "月", "months", "个月"
    """Calendar months, the day of month kept and clipped at the month end (natural clock only)."""
    YEAR = "year", "年", "years"
    """Calendar years: twelve months (natural clock only)."""


def to_unit(value: TimeUnit | str) -> TimeUnit:
    """The `unit` field's converter: a member or any word of `TimeUnit`."""
    return to_member("unit", TimeUnit, value)


def to_clock(value: Clock | str) -> Clock:
    """The `clock` field's converter: a member or any word of `Clock`."""
    return to_member("clock", Clock, value)


NATURAL_ONLY = frozenset({TimeUnit.WEEK, TimeUnit.MONTH, TimeUnit.YEAR})
"""Units without a working-clock meaning."""

MINUTES_PER = {TimeUnit.MINUTE: 1, TimeUnit.HOUR: 60}
"""Units of fixed length (durations), in minutes."""

DAYS_PER = {TimeUnit.DAY: 1, TimeUnit.WEEK: 7}
"""Units counted in days."""

MONTHS_PER = {TimeUnit.MONTH: 1, TimeUnit.YEAR: 12}
"""Units counted in calendar months."""
