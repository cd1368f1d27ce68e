"""Slow, obviously correct reference implementations for differential tests.

Working time, minute by minute: a minute `[t, t + 1 min)` (t a whole UTC minute) is working
time if `t` lies inside one of the windows of the local day it falls on, or of the day before
(a window past midnight), and in no closure. The calendar's rules are read from its public
fields only; window boundaries are resolved by their own small rule here (a wall-clock time in
a DST gap moves forward minute by minute to the first that exists; an ambiguous one takes
`fold=0`, its first occurrence). Inputs must be whole minutes, in zones whose transitions fall
on whole minutes.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo

from propstd.calendars import TimeWindow, WorkingCalendar

MINUTE = timedelta(minutes=1)
MAX_STEPS = 200_000  # about 20 weeks of minutes: the oracle refuses to search further


def _tz(key: str) -> tzinfo:
    return UTC if key == "UTC" else ZoneInfo(key)


def _real(day: date, clock: time, tz: tzinfo) -> datetime:
    """The instant of wall-clock *clock* on *day*: gaps move forward, overlaps take fold=0."""
    wall = datetime.combine(day, clock)
    while True:
        t = wall.replace(tzinfo=tz)
        if t.astimezone(UTC).astimezone(tz).replace(tzinfo=None) == wall:
            return t.astimezone(UTC)
        wall += MINUTE


class MinuteOracle:
    """Answers working-time questions about one calendar by stepping minutes."""

    def __init__(self, calendar: WorkingCalendar) -> None:
        self.cal = calendar
        self.tz = _tz(calendar.zone)
        self._days: dict[date, list[tuple[datetime, datetime]]] = {}

    def windows_of(self, day: date) -> list[tuple[datetime, datetime]]:
        """The UTC windows that belong to local *day* (before closures)."""
        got = self._days.get(day)
        if got is None:
            cal = self.cal
            windows: tuple[TimeWindow, ...]
            if day in cal.holidays:
                windows = ()
            elif day in cal.makeup_days:
                windows = cal.week[0] if cal.makeup_windows is None else cal.makeup_windows
            else:
                windows = cal.week[day.weekday()]
            got = []
            for w in windows:
                start = _real(day, w.start, self.tz)
                end_day = day + timedelta(days=1) if w.end <= w.start else day
                got.append((start, _real(end_day, w.end, self.tz)))
            self._days[day] = got
        return got

    def is_working_minute(self, t: datetime) -> bool:
        """Whether the minute starting at instant *t* is working time."""
        local = t.astimezone(self.tz).date()
        inside = any(
            s <= t < e
            for day in (local - timedelta(days=1), local)
            for s, e in self.windows_of(day)
        )
        return inside and not any(c.start <= t < c.end for c in self.cal.closures)

    def between(self, a: datetime, b: datetime) -> timedelta:
        """Working time in [a, b) (negative if b < a)."""
        if b < a:
            return -self.between(b, a)
        t, n = a.astimezone(UTC), 0
        while t < b:
            n += self.is_working_minute(t)
            t += MINUTE
        return n * MINUTE

    def add(self, start: datetime, duration: timedelta) -> datetime:
        """The earliest t >= start with `between(start, t) == duration` (latest, going back)."""
        minutes = duration // MINUTE
        t = start.astimezone(UTC)
        steps = 0
        while minutes > 0:
            if self.is_working_minute(t):
                minutes -= 1
            t += MINUTE
            steps += 1
            if steps > MAX_STEPS:
                msg = "the oracle gives up"
                raise OverflowError(msg)
        while minutes < 0:
            t -= MINUTE
            if self.is_working_minute(t):
                minutes += 1
            steps += 1
            if steps > MAX_STEPS:
                msg = "the oracle gives up"
                raise OverflowError(msg)
        return t.astimezone(self.tz)
