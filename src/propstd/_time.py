"""Private time helpers: zones, UTC conversion, local wall-clock resolution.

DST policy (used by every calendar): a local wall-clock time that does not exist (the hour
skipped when clocks spring forward) moves forward to the first real instant after the gap; an
ambiguous one (the hour repeated when clocks fall back) takes its first occurrence.
"""

from __future__ import annotations

import calendar
import functools
import zoneinfo
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from propstd._repr import shown
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


# Instants whose UTC date lies in MIN_DATE..MAX_DATE convert to any zone without overflow;
# those a day further in have their date in MIN_DATE..MAX_DATE in every zone.
_LOWEST = datetime.combine(MIN_DATE, time(0), UTC) - EPOCH
_HIGHEST = datetime.combine(MAX_DATE + DAY, time(0), UTC) - EPOCH
_SAFE_LOWEST = _LOWEST + DAY
_SAFE_HIGHEST = _HIGHEST - DAY


def in_zone(name: str, t: datetime, tz: tzinfo) -> datetime:
    """Instant *t* in zone *tz*, if its date there falls within `MIN_DATE`..`MAX_DATE`.

    Raises:
        NaiveDatetimeError: *t* is naive.
        InvalidValueError: its date in *tz* is outside years 0002-9998 (`field` is *name*).
    """
    try:
        x = t - EPOCH
    except TypeError:
        check_aware(name, t)
        raise
    if _SAFE_LOWEST <= x < _SAFE_HIGHEST:
        return t.astimezone(tz)
    local = t.astimezone(tz) if _LOWEST <= x < _HIGHEST else None
    if local is None or not MIN_DATE <= local.date() <= MAX_DATE:
        msg = f"{name!r} must fall within years 0002-9998 (in {tz}), got {shown(t)}"
        raise InvalidValueError(msg, field=name, value=t)
    return local


def after(name: str, t: datetime, delta: timedelta, tz: tzinfo) -> datetime | None:
    """*delta* of real elapsed time after instant *t*, in *tz*; `None` if that is after
    `latest(tz)` (cheap away from the ends of the range).

    Raises:
        NaiveDatetimeError: *t* is naive.
        InvalidValueError: the date of *t* in *tz* is outside years 0002-9998 (`field` is
            *name*).
    """
    try:
        x = t - EPOCH
    except TypeError:
        check_aware(name, t)
        raise
    try:
        y = x + delta
    except OverflowError:
        y = None
    if x >= _SAFE_LOWEST and y is not None and y < _SAFE_HIGHEST:
        return (EPOCH + y).astimezone(tz)
    in_zone(name, t, tz)
    if y is None or y > latest(tz) - EPOCH:
        return None
    return (EPOCH + y).astimezone(tz)


@functools.cache
def latest(tz: tzinfo) -> datetime:
    """The end of `MAX_DATE` in *tz* (24:00): no result of propstd lies after it."""
    return day_start(MAX_DATE + DAY, tz)


def add_months(day: date, months: int) -> date | None:
    """*day* plus *months* calendar months, the day of month clipped at the month end.

    `None` when the answer is outside `MIN_DATE`..`MAX_DATE`. Stepping from the same *day*
    (not from the previous answer) returns to the 31st after a short month.

    Examples:
        >>> add_months(date(2025, 1, 31), 1), add_months(date(2024, 2, 29), 12)
        (datetime.date(2025, 2, 28), datetime.date(2025, 2, 28))
    """
    y, m = divmod(day.month - 1 + months, 12)
    year = day.year + y
    if not MIN_DATE.year <= year <= MAX_DATE.year:
        return None
    return date(year, m + 1, min(day.day, calendar.monthrange(year, m + 1)[1]))


# Files of the zone database that are not IANA zone names: `localtime` is the machine's own
# zone (a copy or link of /etc/localtime on many systems), `posixrules` the default rules file.
_NOT_ZONES = frozenset({"localtime", "posixrules"})


@functools.cache
def _zone_keys() -> frozenset[str]:
    """The IANA zone names the machine's zone database knows, plus `"UTC"` (read once)."""
    return frozenset(zoneinfo.available_timezones() - _NOT_ZONES | {"UTC"})


@functools.cache
def zone(key: str) -> tzinfo:
    """The `tzinfo` for an IANA key (`"UTC"` gives `datetime.UTC`).

    Only names of the IANA zone database are keys: `"localtime"`, `"posixrules"`, file paths
    and the `posix/` and `right/` copies are refused, so no answer depends on the machine's
    own zone. Known keys are cached (refusals are not).

    Raises:
        TypeError: *key* is not a `str`.
        InvalidValueError: the key names no IANA zone (`field` is `"zone"`).
    """
    if check_str("zone", key) not in _zone_keys():
        msg = f"'zone' must be an IANA zone name such as 'Asia/Shanghai', got {shown(key)}"
        raise InvalidValueError(msg, field="zone", value=key)
    return UTC if key == "UTC" else zoneinfo.ZoneInfo(key)


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
