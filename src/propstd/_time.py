"""Private time helpers: zones, UTC conversion, local wall-clock resolution.

DST policy (used by every calendar): a local wall-clock time that does not exist (the hour
skipped when clocks spring forward) moves forward to the first real instant after the gap; an
ambiguous one (the hour repeated when clocks fall back) takes its first occurrence.
"""

from __future__ import annotations

import functools
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from propstd._validators import check_aware, check_str
from propstd.errors import InvalidValueError

__all__: list[str] = []

UTC_ZONE = UTC
ZERO = timedelta(0)
DAY = timedelta(days=1)
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
EPOCH_ORDINAL = date(1970, 1, 1).toordinal()
_MICRO = timedelta(microseconds=1)

MIN_DATE = date(2, 1, 1)
"""The first date propstd computes with: a day of margin for any zone's offset (§14.10)."""
MAX_DATE = date(9998, 12, 31)
"""The last date propstd computes with: room for a year of arithmetic before `date.max`."""


def check_in_range(name: str, day: date) -> date:
    """*day* (a date, or the local date of an instant), if within `MIN_DATE`..`MAX_DATE`.

    Raises:
        InvalidValueError: *day* is outside years 0002-9998, where arithmetic near `date.min`
            and `date.max` would overflow.
    """
    d = day.date() if isinstance(day, datetime) else day
    if not MIN_DATE <= d <= MAX_DATE:
        msg = f"{name!r} must fall within years 0002-9998, got {day.isoformat()!r}"
        raise InvalidValueError(msg, field=name, value=day)
    return day


@functools.cache
def zone(key: str) -> tzinfo:
    """The `tzinfo` for an IANA key (`"UTC"` gives `datetime.UTC`).

    Raises:
        InvalidValueError: the key names no known zone.
    """
    if check_str("zone", key) == "UTC":
        return UTC
    try:
        return ZoneInfo(key)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        msg = f"'zone' must be a known IANA zone name, got {key!r}"
        raise InvalidValueError(msg) from exc


def to_utc(t: datetime) -> datetime:
    """The same instant in UTC (for real elapsed time)."""
    return t.astimezone(UTC)


def local_instant(day: date, clock: time, tz: tzinfo) -> datetime:
    """The instant at wall-clock *clock* on *day* in *tz*, resolved by the DST policy.

    A time in a spring-forward gap moves forward to the first real instant after it; a time in
    a fall-back overlap takes its first occurrence (`fold=0`).
    """
    naive = datetime.combine(day, clock)
    t = naive.replace(tzinfo=tz)
    if tz is UTC:
        return t
    # Round trip through UTC: if the wall time does not survive, it is inside a gap.
    back = t.astimezone(UTC).astimezone(tz)
    if back.replace(tzinfo=None) == naive:
        return t
    # In a gap [g, g + gap) of wall time. With fold=0, zoneinfo maps the wall time with the
    # offset before the transition, so u0 = naive - before lies in [T, T + gap), where T is the
    # transition instant: the first real instant after the gap. Bisect (u0 - gap, u0] for T.
    before = t.replace(fold=0).utcoffset()
    after = t.replace(fold=1).utcoffset()
    assert before is not None
    assert after is not None
    u_hi = t.replace(fold=0).astimezone(UTC)
    u_lo = u_hi - abs(after - before)
    while u_hi - u_lo > _MICRO:
        mid = u_lo + (u_hi - u_lo) // 2
        if mid.astimezone(tz).utcoffset() == before:
            u_lo = mid
        else:
            u_hi = mid
    return u_hi.astimezone(tz)


def day_start(day: date, tz: tzinfo) -> datetime:
    """The first instant of *day* in *tz* (00:00, or the first real instant after a gap)."""
    return local_instant(day, time(0), tz)


def instant_in(name: str, value: object, key: str) -> datetime:
    """*value* checked as an aware instant within years 0002-9998, given in zone *key*.

    The one check of an `as_of` argument of a policy-driven function: every instant of its
    result is in the zone of the calendar in use (§14.5), so `as_of` is moved into it first.

    Raises:
        TypeError: *value* is not a `datetime`.
        NaiveDatetimeError: *value* is naive (`field` is *name*).
        InvalidValueError: *value* is outside years 0002-9998 (`field` is *name*), or *key*
            names no zone.
    """
    instant = check_aware(name, value)
    check_in_range(name, instant)
    return instant.astimezone(zone(key))
