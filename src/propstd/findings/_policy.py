"""Findings: the rectification policy (private part)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime, time
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from propstd._repr import shown
from propstd._time import DAY, zone
from propstd._validators import check_aware, check_type
from propstd._vocab import to_member
from propstd.errors import InvalidValueError
from propstd.findings._records import Category, Finding, Severity, _to_severity
from propstd.timelimits import TimeLimit, deadline

if TYPE_CHECKING:
    from propstd.calendars import WorkingCalendar

# -- the rectification policy ----------------------------------------------------------------


def _to_limits(value: object) -> tuple[tuple[Severity, TimeLimit], ...]:
    if isinstance(value, Mapping):
        pairs: Iterable[object] = value.items()
    elif isinstance(value, str | bytes) or not isinstance(value, Iterable):
        msg = f"'limits' must be a mapping of severity to TimeLimit, got {value!r}"
        raise TypeError(msg)
    else:
        pairs = value
    out: dict[Severity, TimeLimit] = {}
    for pair in pairs:
        key, limit = check_type("limits", pair, tuple)
        severity = to_member("limits", Severity, key)
        if severity in out:
            msg = f"'limits' names severity {severity.value!r} twice"
            raise InvalidValueError(msg, field="limits", value=key)
        out[severity] = check_type(f"limits[{severity.value!r}]", limit, TimeLimit)
    if not out:
        msg = f"'limits' must give a time limit for at least one severity, got {shown(value)}"
        raise InvalidValueError(msg, field="limits", value=value)
    return tuple(sorted(out.items(), key=lambda item: item[0].rank))


def _is_limit(_instance: object, attribute: attrs.Attribute[TimeLimit], value: object) -> None:
    check_type(attribute.name, value, TimeLimit)


@attrs.frozen(kw_only=True)
class RectificationPolicy:
    """How long each severity may stay open, and when the second verification falls.

    `limits` is given as a mapping (or pairs) severity → [TimeLimit][propstd.timelimits.TimeLimit]
    and stored as an immutable tuple of pairs, most serious first. A policy may cover only some
    severities. It holds no default numbers: a service standard or preset supplies them.

    Raises:
        TypeError: `limits` is not a mapping or its values are not `TimeLimit`s;
            `verify_after` is not a `TimeLimit`.
        InvalidValueError: `limits` is empty, names an unknown severity or one twice.

    Examples:
        >>> from propstd.timelimits import TimeLimit
        >>> policy = RectificationPolicy(
        ...     limits={"minor": TimeLimit.parse("7 working days"),
        ...             "critical": TimeLimit.parse("24 hours")},
        ...     verify_after=TimeLimit.parse("1 working day"),
        ... )
        >>> policy.limit_for("critical")
        TimeLimit(24, 'hour', 'natural')
        >>> [s.value for s, _ in policy.limits]
        ['critical', 'minor']
    """

    limits: tuple[tuple[Severity, TimeLimit], ...] = attrs.field(converter=_to_limits)
    """Severity → rectification time limit, most serious first."""
    verify_after: TimeLimit = attrs.field(validator=_is_limit)
    """How long after the rectification deadline the second verification is due."""

    def limit_for(self, severity: Severity | str) -> TimeLimit:
        """The rectification time limit for *severity*.

        Raises:
            InvalidValueError: the policy has no limit for that severity.
        """
        wanted = _to_severity(severity)
        for key, limit in self.limits:
            if key is wanted:
                return limit
        covered = ", ".join(repr(key.value) for key, _ in self.limits)
        msg = f"the policy has no time limit for 'severity' {wanted.value!r} (it covers {covered})"
        raise InvalidValueError(msg, field="severity", value=severity)

    def rectify_by(
        self, found_at: datetime, severity: Severity | str, *, calendar: WorkingCalendar
    ) -> datetime:
        """The rectification deadline of a finding of *severity* found at *found_at*."""
        return deadline(
            check_aware("found_at", found_at), self.limit_for(severity), calendar=calendar
        )

    def verify_on(
        self,
        rectify_by: datetime,
        *,
        calendar: WorkingCalendar,
        zone_of: datetime | None = None,
    ) -> date:
        """The local date, in the calendar's zone, `verify_after` after *rectify_by*.

        A deadline that falls exactly at local midnight is 24:00 of the day before, so it
        belongs to that day. *zone_of* (an instant whose offset to use instead) is kept for
        0.1 callers; leave it out to follow the one local-date rule (semantics §14.5).
        """
        due = deadline(check_aware("rectify_by", rectify_by), self.verify_after, calendar=calendar)
        tz = zone(calendar.zone) if zone_of is None else check_aware("zone_of", zone_of).tzinfo
        local = due.astimezone(tz)
        if due > rectify_by and local.time() == time(0):
            return local.date() - DAY
        return local.date()

    def finding(
        self,
        id: str,  # noqa: A002
        item_code: str,
        category: Category | str,
        severity: Severity | str,
        description: str,
        found_at: datetime,
        found_by: str,
        *,
        calendar: WorkingCalendar,
        location: str = "",
        owner: str = "",
        department: str = "",
        points: Decimal | int | str = 0,
    ) -> Finding:
        """A new open finding whose `rectify_by` and `verify_on` follow this policy.

        `rectify_by = deadline(found_at, limit_for(severity), calendar=calendar)` and `verify_on`
        is the local date (in the calendar's zone) of
        `deadline(rectify_by, verify_after, calendar=calendar)`.

        Raises:
            InvalidValueError: no limit for the severity, or the finding is invalid.
            CalendarCoverageError: the calendar has no data for the dates involved.
        """
        rectify_by = self.rectify_by(found_at, severity, calendar=calendar)
        return Finding(
            id,
            item_code,
            category,
            severity,
            description,
            found_at,
            found_by,
            location=location,
            owner=owner,
            department=department,
            points=points,
            rectify_by=rectify_by,
            verify_on=self.verify_on(rectify_by, calendar=calendar),
        )
