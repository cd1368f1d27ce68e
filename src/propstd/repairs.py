"""Repair orders (报修) and their time limits: arrival, completion, revisit, rework, warranty.

A [RepairOrder][propstd.repairs.RepairOrder] is one owner's repair request with its
[Timeline][propstd.timelines.Timeline] of events. [RepairLimits][propstd.repairs.RepairLimits]
hold the property's repair time-limit table (工程维修时限表): an arrival and a completion
[TimeLimit][propstd.timelimits.TimeLimit] for each [RepairCategory][propstd.repairs.RepairCategory]
and one revisit limit. [repair_status][propstd.repairs.repair_status] judges one order against
them; [repair_metrics][propstd.repairs.repair_metrics] gives a period's timeliness, revisit,
rework and satisfaction rates, overall and per technician.
[warranty_reminder_date][propstd.repairs.warranty_reminder_date] and
[retention_until][propstd.repairs.retention_until] answer the two date questions of the seed rules.

The library ships no default limits: the numbers are the property's own (the sample property's
table lives in the tutorial and the demo).

Examples:
    >>> from datetime import date
    >>> warranty_reminder_date(date(2025, 3, 31))
    datetime.date(2025, 2, 28)
    >>> retention_until(date(2024, 2, 29), RecordKind.PATROL)
    datetime.date(2026, 2, 28)
"""

from __future__ import annotations

import enum
from datetime import date
from typing import TypeVar

from dateutil.relativedelta import relativedelta

from propstd._validators import check_date, check_type
from propstd.errors import InvalidValueError

__all__ = [
    "RecordKind",
    "RepairCategory",
    "retention_until",
    "warranty_reminder_date",
]


def __dir__() -> list[str]:
    return __all__


E = TypeVar("E", bound=enum.StrEnum)


class RepairCategory(enum.StrEnum):
    """The kind of repair, which selects its row of the time-limit table."""

    EMERGENCY = "emergency"
    """急修: a burst pipe, a power loss, a lift entrapment; on site at once, around the clock."""
    ORDINARY = "ordinary"
    """一般维修: an ordinary repair in the owner's home or a common area."""
    SCHEDULED = "scheduled"
    """预约维修: a repair at a time agreed with the owner (the order's `appointment`)."""

    @property
    def chinese(self) -> str:
        """The Chinese term (急修, 一般维修, 预约维修)."""
        return _CATEGORY_ZH[self]


_CATEGORY_ZH = {
    RepairCategory.EMERGENCY: "急修",
    RepairCategory.ORDINARY: "一般维修",
    RepairCategory.SCHEDULED: "预约维修",
}


class RecordKind(enum.StrEnum):
    """A kind of engineering record, which sets how long it must be kept.

    References:
        Seed rules §4 (维修): maintenance and service records of equipment are kept at least
        3 years; equipment operation patrol records at least 2 years.
    """

    MAINTENANCE = "maintenance"
    """Maintenance and service records of equipment (设备维修保养记录): 3 years."""
    PATROL = "patrol"
    """Equipment operation patrol records (设备运行巡视记录): 2 years."""

    @property
    def retention_years(self) -> int:
        """The minimum number of years a record of this kind is kept."""
        return _RETENTION_YEARS[self]


_RETENTION_YEARS = {RecordKind.MAINTENANCE: 3, RecordKind.PATROL: 2}


def _enum_value(name: str, value: object, kind: type[E]) -> E:
    if isinstance(value, kind):
        return value
    if isinstance(value, str):
        try:
            return kind(value)
        except ValueError:
            choices = ", ".join(repr(m.value) for m in kind)
            msg = f"{name!r} must be one of {choices}, got {value!r}"
            raise InvalidValueError(msg) from None
    msg = f"{name!r} must be a {kind.__name__} or its value, got {type(value).__name__} {value!r}"
    raise TypeError(msg)


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
            the date back.

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
    end = check_date("warranty_until", warranty_until)
    ahead = check_type("before", before, relativedelta)
    if any(getattr(ahead, f) for f in _TIME_FIELDS) or any(
        getattr(ahead, f) is not None for f in _ABSOLUTE_TIME_FIELDS
    ):
        msg = f"'before' must be whole days, months or years (no time of day), got {before!r}"
        raise InvalidValueError(msg)
    reminder: date = end - ahead
    if reminder >= end:
        msg = f"'before' must move the date back, got {before!r} ({end} → {reminder})"
        raise InvalidValueError(msg)
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
        InvalidValueError: *kind* is a string naming no record kind.

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
    day = check_date("record_date", record_date)
    years = _enum_value("kind", kind, RecordKind).retention_years
    result: date = day + relativedelta(years=years)
    return result
