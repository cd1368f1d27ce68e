"""The two date rules of the seed: warranty reminders and record retention (private; see
propstd.repairs)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from dateutil.relativedelta import relativedelta

from propstd._repr import shown
from propstd._time import MAX_DATE, MIN_DATE, check_in_range
from propstd._validators import check_date, check_type
from propstd._vocab import to_member
from propstd.errors import InvalidValueError
from propstd.repairs._limits import RecordKind

__all__: list[str] = []


_TIME_FIELDS = ("hours", "minutes", "seconds", "microseconds")
_ABSOLUTE_TIME_FIELDS = ("hour", "minute", "second", "microsecond")


def warranty_reminder_date(
    warranty_until: date,
    *,
    before: relativedelta = relativedelta(months=1),  # noqa: B008 (immutable in practice)
) -> date:
    """The day to remind the owner that a warranty ends: *before* ahead of *warranty_until*.

    Month-end safe: the day of the month is clamped to the length of the earlier month, so a
    warranty ending on 31 March is reminded on 28 February (29 in a leap year), never on
    3 March. The reminder is always strictly before the warranty end.

    Args:
        warranty_until: the last day of the warranty (保修期) as a date.
        before: how far ahead to remind, in whole days, months or years (default one month).

    Returns:
        `warranty_until - before`, clamped at month ends.

    Raises:
        TypeError: *warranty_until* is not a date (a datetime is refused) or *before* is not a
            `relativedelta`.
        InvalidValueError: *before* has a time-of-day part (hours, minutes …) or does not move
            the date back, or a date is outside the years 0002-9998.

    References:
        Seed rules §4 (维修): owners are reminded by message one month before the warranty
        period ends.

    Examples:
        >>> from datetime import date
        >>> warranty_reminder_date(date(2025, 3, 31))
        datetime.date(2025, 2, 28)
        >>> warranty_reminder_date(date(2024, 3, 31))
        datetime.date(2024, 2, 29)
        >>> warranty_reminder_date(date(2025, 6, 15), before=relativedelta(weeks=2))
        datetime.date(2025, 6, 1)
    """
    end = check_in_range("warranty_until", check_date("warranty_until", warranty_until))
    ahead = check_type("before", before, relativedelta)
    if any(getattr(ahead, f) for f in _TIME_FIELDS) or any(
        getattr(ahead, f) is not None for f in _ABSOLUTE_TIME_FIELDS
    ):
        msg = f"'before' must be whole days, months or years (no time of day), got {shown(before)}"
        raise InvalidValueError(msg, field="before", value=before)
    reminder = _shifted("before", before, end, lambda: end - ahead)
    if reminder >= end:
        msg = f"'before' must move the date back, got {shown(before)} ({end} → {reminder})"
        raise InvalidValueError(msg, field="before", value=before)
    return reminder


def retention_until(record_date: date, kind: RecordKind | str) -> date:
    """The first day a record of *kind* made on *record_date* may be discarded.

    The record must be kept on every day of the half-open range `[record_date, result)`, which
    is the kind's [retention_years][propstd.repairs.RecordKind.retention_years] long. A record
    of 29 February ends its term on 28 February (the anniversary clamped to the month's end).

    Args:
        record_date: the date of the record.
        kind: a [RecordKind][propstd.repairs.RecordKind] or its value (`"maintenance"`,
            `"patrol"`).

    Returns:
        `record_date + retention_years`, clamped at the end of February.

    Raises:
        TypeError: *record_date* is not a date (a datetime is refused), or *kind* is neither a
            `RecordKind` nor a string.
        InvalidValueError: *kind* is a string naming no record kind, or a date is outside the
            years 0002-9998.

    References:
        Seed rules §4 (维修): maintenance and service records of equipment are kept at least
        3 years; equipment operation patrol records at least 2 years.

    Examples:
        >>> from datetime import date
        >>> retention_until(date(2025, 3, 10), "maintenance")
        datetime.date(2028, 3, 10)
        >>> retention_until(date(2024, 2, 29), RecordKind.MAINTENANCE)
        datetime.date(2027, 2, 28)
    """
    day = check_in_range("record_date", check_date("record_date", record_date))
    years = to_member("kind", RecordKind, kind).retention_years
    return _shifted("record_date", record_date, day, lambda: day + relativedelta(years=years))


def _shifted(name: str, value: object, day: date, shift: Callable[[], date]) -> date:
    """`shift()`, a date moved from *day*, if it stays within the years 0002-9998; otherwise
    an `InvalidValueError` naming *name* (never a builtin `ValueError` or `OverflowError`)."""
    result: date | None
    try:
        result = shift()
    except (ValueError, OverflowError):
        result = None
    if result is None or not MIN_DATE <= result <= MAX_DATE:
        msg = f"{name!r} moves {day.isoformat()} outside the years 0002-9998, got {shown(value)}"
        raise InvalidValueError(msg, field=name, value=value)
    return result
