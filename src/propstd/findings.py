"""Findings (nonconformities) from checks and their closure: rectification, second verification.

A check that finds a problem records a [Finding][propstd.findings.Finding]: a suggestion
(建议项), a rectification item (整改项) or a deduction item (扣分项, points off the score), with a
rectification deadline (整改期限) and a date for the second verification (二次验证日期). A finding
changes only by recording events, each returning a *new* finding:

```
open ──rectify──▶ rectified ──verify(passed)──▶ closed ──reopen──▶ reopened
  ▲                  │  └──verify(failed)/reopen──▶ reopened ──rectify──▶ rectified
  └── cancel from open, rectified or reopened ──▶ cancelled (final)
```

Nothing is closed until someone other than the person who rectified it verifies it. A
[RectificationPolicy][propstd.findings.RectificationPolicy] computes the deadline and the
verification date from time limits and a working calendar; it holds no default numbers.
[improvement_notices][propstd.findings.improvement_notices] collects the open items of each
department into a work improvement notice (工作改进通知单).

Examples:
    >>> from datetime import datetime, date, timedelta, timezone
    >>> tz = timezone(timedelta(hours=8))
    >>> f = Finding(
    ...     "F-01", "ENV-01", "rectification", "minor", "Stairwell T3 not swept",
    ...     datetime(2025, 3, 3, 10, 0, tzinfo=tz), "Zhao",
    ...     rectify_by=datetime(2025, 3, 12, 17, 30, tzinfo=tz), verify_on=date(2025, 3, 13),
    ... )
    >>> g = f.rectify(datetime(2025, 3, 4, 9, 0, tzinfo=tz), "Wang")
    >>> h = g.verify(datetime(2025, 3, 5, 9, 0, tzinfo=tz), "Zhao", passed=True)
    >>> f.status(datetime(2025, 3, 6, tzinfo=tz)), h.status(datetime(2025, 3, 6, tzinfo=tz))
    (<FindingStatus.OPEN: 'open'>, <FindingStatus.CLOSED: 'closed'>)
"""

from __future__ import annotations

import enum
import html
from collections.abc import Iterable, Mapping
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, TypeVar

import attrs

from propstd._time import DAY, ZERO, day_start, to_utc
from propstd._validators import (
    aware,
    check_aware,
    check_nonblank,
    check_str,
    check_timedelta,
    check_type,
    exact_number,
    is_date,
    is_str,
    nonblank,
    to_tuple,
    tuple_of,
)
from propstd.errors import InvalidValueError, TransitionError
from propstd.periods import Period
from propstd.rates import Rate
from propstd.timelimits import TimeLimit, deadline

if TYPE_CHECKING:
    from propstd.calendars import WorkingCalendar

_E = TypeVar("_E", bound=enum.StrEnum)

__all__ = [
    "Category",
    "EventKind",
    "Finding",
    "FindingEvent",
    "FindingStatus",
    "ImprovementNotice",
    "NoticeItem",
    "RectificationPolicy",
    "RepeatFinding",
    "Severity",
    "VerificationResult",
    "closure_rate",
    "deduction_total",
    "improvement_notices",
    "repeat_findings",
    "score",
]


def __dir__() -> list[str]:
    return __all__


# -- vocabularies -----------------------------------------------------------------------------


class Category(enum.StrEnum):
    """The kind of a finding (the seed's three kinds of QPI items)."""

    SUGGESTION = "suggestion"
    """建议项: an improvement suggested; no points deducted."""
    RECTIFICATION = "rectification"
    """整改项: a nonconformity that must be rectified."""
    DEDUCTION = "deduction"
    """扣分项: a nonconformity that also deducts points from the score."""

    @property
    def label_zh(self) -> str:
        """The Chinese name (建议项, 整改项, 扣分项)."""
        return _CATEGORY_ZH[self]


_CATEGORY_ZH = {
    Category.SUGGESTION: "建议项",
    Category.RECTIFICATION: "整改项",
    Category.DEDUCTION: "扣分项",
}


class Severity(enum.StrEnum):
    """How serious a finding is; the policy gives each severity its own time limit."""

    CRITICAL = "critical"
    """严重: a safety or service failure that must be fixed at once."""
    MAJOR = "major"
    """一般: a clear nonconformity."""
    MINOR = "minor"
    """轻微: a small lapse."""

    @property
    def rank(self) -> int:
        """0 for critical, 1 for major, 2 for minor (sort key: most serious first)."""
        return _SEVERITY_RANK[self]

    @property
    def label_zh(self) -> str:
        """The Chinese name (严重, 一般, 轻微)."""
        return _SEVERITY_ZH[self]


_SEVERITY_RANK = {Severity.CRITICAL: 0, Severity.MAJOR: 1, Severity.MINOR: 2}
_SEVERITY_ZH = {Severity.CRITICAL: "严重", Severity.MAJOR: "一般", Severity.MINOR: "轻微"}


class FindingStatus(enum.StrEnum):
    """Where a finding stands at an instant."""

    OPEN = "open"
    """Recorded, not yet rectified."""
    RECTIFIED = "rectified"
    """Rectified, waiting for the second verification."""
    CLOSED = "closed"
    """Verified (passed) by someone other than the rectifier."""
    REOPENED = "reopened"
    """A verification failed or the problem came back: to be rectified again."""
    CANCELLED = "cancelled"
    """Withdrawn (raised in error); final."""

    @property
    def label_zh(self) -> str:
        """The Chinese name (待整改, 待验证, 已关闭, 重新整改, 已撤销)."""
        return _STATUS_ZH[self]


_STATUS_ZH = {
    FindingStatus.OPEN: "待整改",
    FindingStatus.RECTIFIED: "待验证",
    FindingStatus.CLOSED: "已关闭",
    FindingStatus.REOPENED: "重新整改",
    FindingStatus.CANCELLED: "已撤销",
}


class EventKind(enum.StrEnum):
    """What an event in a finding's history records."""

    RECTIFICATION = "rectification"
    """The responsible person reports the problem fixed (整改)."""
    VERIFICATION = "verification"
    """The second verification (二次验证), passed or failed."""
    REOPENING = "reopening"
    """The item is opened again (the problem came back, or the fix did not hold)."""
    CANCELLATION = "cancellation"
    """The item is withdrawn (raised in error)."""


class VerificationResult(enum.StrEnum):
    """The outcome of a second verification."""

    PASSED = "passed"
    """The rectification holds: the finding closes."""
    FAILED = "failed"
    """The rectification does not hold: the finding is reopened for rectification."""


def _enum_member(kind: type[_E], name: str, value: object) -> _E:
    if isinstance(value, kind):
        return value
    try:
        return kind(check_str(name, value))
    except ValueError:
        choices = ", ".join(repr(m.value) for m in kind)
        msg = f"{name!r} must be one of {choices}, got {value!r}"
        raise InvalidValueError(msg) from None


def _to_category(value: object) -> Category:
    return _enum_member(Category, "category", value)


def _to_severity(value: object) -> Severity:
    return _enum_member(Severity, "severity", value)


def _to_kind(value: object) -> EventKind:
    return _enum_member(EventKind, "kind", value)


def _to_result(value: object) -> VerificationResult | None:
    if value is None:
        return None
    return _enum_member(VerificationResult, "result", value)


def _to_points(value: object, name: str = "points") -> Decimal:
    if isinstance(value, str):
        try:
            value = Decimal(value.strip())
        except ArithmeticError:
            msg = f"{name!r} must be a decimal number, got {value!r}"
            raise InvalidValueError(msg) from None
    number = exact_number(name, value)  # refuses floats, bools and NaN/infinity
    if isinstance(number, Fraction):
        msg = f"{name!r} must be an int, Decimal or decimal string, got Fraction {value!r}"
        raise TypeError(msg)
    points = Decimal(number)
    if points < 0:
        msg = f"{name!r} must not be negative, got {value!r}"
        raise InvalidValueError(msg)
    return points


def _to_events(value: Iterable[FindingEvent]) -> tuple[FindingEvent, ...]:
    return to_tuple(value)


def _to_items(value: Iterable[NoticeItem]) -> tuple[NoticeItem, ...]:
    return to_tuple(value)


def _who(value: str) -> str:
    # people are compared by name, ignoring case and surrounding white space
    return value.strip().casefold()


def _show(t: datetime) -> str:
    return t.isoformat(sep=" ", timespec="minutes")


# -- events ----------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class FindingEvent:
    """One recorded step in a finding's life: rectification, verification, reopening, cancellation.

    A verification carries its `result`; every other kind carries none. Reopenings and
    cancellations carry their reason in `note`.

    Raises:
        NaiveDatetimeError: `at` is naive.
        InvalidValueError: `by` is blank; `result` is missing on a verification or present on
            another kind; a reopening or cancellation has no reason.

    Examples:
        >>> from datetime import datetime, timezone
        >>> FindingEvent(kind="rectification", at=datetime(2025, 3, 4, 9, tzinfo=timezone.utc),
        ...              by="Wang")
        FindingEvent(kind='rectification', at=datetime.datetime(2025, 3, 4, 9, 0, tzinfo=datetime.timezone.utc), by='Wang', note='', result=None)
    """  # noqa: E501

    kind: EventKind = attrs.field(converter=_to_kind, repr=lambda k: repr(k.value))
    """What happened."""
    at: datetime = attrs.field(validator=aware)
    """When it happened (an aware instant)."""
    by: str = attrs.field(validator=nonblank)
    """Who did it (the rectifier, the verifier …)."""
    note: str = attrs.field(default="", validator=is_str)
    """A remark; for a reopening or cancellation, the reason."""
    result: VerificationResult | None = attrs.field(
        default=None,
        converter=_to_result,
        repr=lambda r: repr(None if r is None else r.value),
    )
    """The outcome of a verification (`None` for the other kinds)."""

    def __attrs_post_init__(self) -> None:
        if self.kind is EventKind.VERIFICATION and self.result is None:
            msg = "a verification event needs a 'result' (passed or failed), got None"
            raise InvalidValueError(msg)
        if self.kind is not EventKind.VERIFICATION and self.result is not None:
            msg = (
                f"only a verification carries a 'result'; a {self.kind.value} "
                f"got {self.result.value!r}"
            )
            raise InvalidValueError(msg)
        if self.kind in (EventKind.REOPENING, EventKind.CANCELLATION) and not self.note.strip():
            msg = f"a {self.kind.value} needs a reason in 'note', got {self.note!r}"
            raise InvalidValueError(msg)


# The state machine: (state, kind, result) -> next state.
_NEXT: dict[tuple[FindingStatus, EventKind, VerificationResult | None], FindingStatus] = {}
for _state in (FindingStatus.OPEN, FindingStatus.REOPENED):
    _NEXT[_state, EventKind.RECTIFICATION, None] = FindingStatus.RECTIFIED
_NEXT[FindingStatus.RECTIFIED, EventKind.VERIFICATION, VerificationResult.PASSED] = (
    FindingStatus.CLOSED
)
_NEXT[FindingStatus.RECTIFIED, EventKind.VERIFICATION, VerificationResult.FAILED] = (
    FindingStatus.REOPENED
)
for _state in (FindingStatus.RECTIFIED, FindingStatus.CLOSED):
    _NEXT[_state, EventKind.REOPENING, None] = FindingStatus.REOPENED
for _state in (FindingStatus.OPEN, FindingStatus.RECTIFIED, FindingStatus.REOPENED):
    _NEXT[_state, EventKind.CANCELLATION, None] = FindingStatus.CANCELLED


@attrs.frozen
class _Replay:
    status: FindingStatus
    rectifier: str | None
    rectified_at: datetime | None
    closed_at: datetime | None


def _replay(finding_id: str, found_at: datetime, events: Iterable[FindingEvent]) -> _Replay:
    """Run *events* through the state machine, checking order and legality."""
    status = FindingStatus.OPEN
    rectifier: str | None = None
    rectified_at: datetime | None = None
    closed_at: datetime | None = None
    previous = found_at
    for i, event in enumerate(events):
        if event.at < previous:
            what = "the finding was recorded" if i == 0 else "the previous event"
            msg = (
                f"{event.kind.value} of finding {finding_id!r} at {_show(event.at)} is out of "
                f"order: {what} at {_show(previous)} (events must be recorded in time order)"
            )
            raise TransitionError(msg)
        after = _NEXT.get((status, event.kind, event.result))
        if after is None:
            msg = (
                f"cannot record a {event.kind.value} of finding {finding_id!r} "
                f"at {_show(event.at)}: it is {status.value}"
            )
            raise TransitionError(msg)
        if event.kind is EventKind.VERIFICATION:
            assert rectifier is not None  # the machine only verifies after a rectification
            if _who(event.by) == _who(rectifier):
                msg = (
                    f"verification of finding {finding_id!r} by {event.by!r} refused: the "
                    f"verifier must differ from the rectifier {rectifier!r}"
                )
                raise TransitionError(msg)
        if event.kind is EventKind.RECTIFICATION:
            rectifier, rectified_at = event.by, event.at
        closed_at = event.at if after is FindingStatus.CLOSED else None
        status, previous = after, event.at
    return _Replay(status, rectifier, rectified_at, closed_at)


# -- the finding -----------------------------------------------------------------------------


@attrs.frozen
class Finding:
    """A nonconformity (or suggestion) found by a check, with its deadline and its history.

    Invariants:

    - a deduction item carries `points > 0`; suggestions and rectification items carry 0;
    - `found_at` and `rectify_by` are aware instants and `rectify_by` is not before `found_at`;
    - `verify_on` is not before the found date (`found_on`, the local date of `found_at` in its
      own offset);
    - `events` are in time order (none before `found_at`) and each is legal in the state the
      previous ones leave (see the module diagram); a verification is by someone other than
      the last rectifier (names compared ignoring case and surrounding spaces).

    The first seven fields may be given by position, the rest by keyword.

    Raises:
        TypeError: a field has the wrong Python type (`points` a float).
        NaiveDatetimeError: `found_at` or `rectify_by` is naive.
        InvalidValueError: a text field is blank, a vocabulary value is unknown, or an
            invariant above fails.
        TransitionError: `events` are out of order or illegal.

    Examples:
        >>> from datetime import datetime, date, timedelta, timezone
        >>> tz = timezone(timedelta(hours=8))
        >>> f = Finding(
        ...     "F-07", "SEC-03", "deduction", "major", "Fire lane T5 blocked by a van",
        ...     datetime(2025, 3, 10, 21, 0, tzinfo=tz), "Zhao", points=2,
        ...     rectify_by=datetime(2025, 3, 13, 17, 30, tzinfo=tz), verify_on=date(2025, 3, 14),
        ...     department="秩序维护部",
        ... )
        >>> f.points, f.found_on, f.is_overdue(datetime(2025, 3, 13, 17, 30, tzinfo=tz))
        (Decimal('2'), datetime.date(2025, 3, 10), False)
        >>> f.is_overdue(datetime(2025, 3, 13, 17, 31, tzinfo=tz))
        True
    """

    id: str = attrs.field(validator=nonblank)
    """The finding's identifier (unique within its property)."""
    item_code: str = attrs.field(validator=nonblank)
    """The check item it was found on (`SEC-03`)."""
    category: Category = attrs.field(converter=_to_category, repr=lambda c: repr(c.value))
    """Suggestion, rectification item or deduction item."""
    severity: Severity = attrs.field(converter=_to_severity, repr=lambda s: repr(s.value))
    """How serious it is."""
    description: str = attrs.field(validator=nonblank)
    """What was found."""
    found_at: datetime = attrs.field(validator=aware)
    """When it was found (an aware instant; its offset defines the local dates)."""
    found_by: str = attrs.field(validator=nonblank)
    """Who found it (the inspector)."""
    location: str = attrs.field(default="", validator=is_str, kw_only=True)
    """Where (tower, floor, room); used to recognise repeat findings."""
    owner: str = attrs.field(default="", validator=is_str, kw_only=True)
    """The person responsible for the rectification."""
    department: str = attrs.field(default="", validator=is_str, kw_only=True)
    """The department responsible (秩序维护部, 环境部 …); one improvement notice per department."""
    points: Decimal = attrs.field(default=Decimal(0), converter=_to_points, kw_only=True)
    """Points deducted (an exact `Decimal`, > 0 for deduction items, 0 otherwise)."""
    rectify_by: datetime = attrs.field(validator=aware, kw_only=True)
    """The rectification deadline (整改期限), inclusive: rectifying at this instant is on time."""
    verify_on: date = attrs.field(validator=is_date, kw_only=True)
    """The date of the second verification (二次验证日期), in `found_at`'s zone."""
    events: tuple[FindingEvent, ...] = attrs.field(
        default=(), converter=_to_events, validator=tuple_of(FindingEvent), kw_only=True
    )
    """The recorded history, oldest first."""

    def __attrs_post_init__(self) -> None:
        if self.category is Category.DEDUCTION and self.points <= 0:
            msg = f"a deduction item must carry 'points' > 0, got {self.points!r}"
            raise InvalidValueError(msg)
        if self.category is not Category.DEDUCTION and self.points != 0:
            msg = (
                f"only deduction items carry points; a {self.category.value} "
                f"got 'points' {self.points!r}"
            )
            raise InvalidValueError(msg)
        if self.rectify_by < self.found_at:
            msg = (
                f"'rectify_by' {_show(self.rectify_by)} is before 'found_at' {_show(self.found_at)}"
            )
            raise InvalidValueError(msg)
        if self.verify_on < self.found_on:
            msg = (
                f"'verify_on' {self.verify_on.isoformat()!r} is before the found date "
                f"{self.found_on.isoformat()!r}"
            )
            raise InvalidValueError(msg)
        _replay(self.id, self.found_at, self.events)  # checks order and legality

    # -- derived values ------------------------------------------------------------------

    @property
    def found_on(self) -> date:
        """The local date of `found_at` in its own offset."""
        return self.found_at.date()

    @property
    def current_status(self) -> FindingStatus:
        """The status after every recorded event."""
        return self._final.status

    @property
    def rectified_at(self) -> datetime | None:
        """When it was last rectified, or `None` if never."""
        return self._final.rectified_at

    @property
    def rectified_by(self) -> str | None:
        """Who rectified it last, or `None` if never."""
        return self._final.rectifier

    @property
    def closed_at(self) -> datetime | None:
        """When the passed verification closed it, or `None` if it is not closed (now)."""
        return self._final.closed_at

    @property
    def _final(self) -> _Replay:
        return _replay(self.id, self.found_at, self.events)

    # -- questions at an instant ---------------------------------------------------------

    def status(self, as_of: datetime) -> FindingStatus:
        """The status considering only events at or before *as_of*.

        Before `found_at` the finding is reported as open (it has no history yet).

        Examples:
            >>> from datetime import datetime, date, timezone
            >>> t = datetime(2025, 3, 3, 10, tzinfo=timezone.utc)
            >>> f = Finding("F-1", "ENV-01", "suggestion", "minor", "Add a mat", t, "Zhao",
            ...             rectify_by=t, verify_on=date(2025, 3, 3))
            >>> g = f.rectify(t.replace(hour=11), "Wang")
            >>> g.status(t), g.status(t.replace(hour=11))
            (<FindingStatus.OPEN: 'open'>, <FindingStatus.RECTIFIED: 'rectified'>)
        """
        check_aware("as_of", as_of)
        return _replay(self.id, self.found_at, (e for e in self.events if e.at <= as_of)).status

    def is_open(self, as_of: datetime) -> bool:
        """Whether the finding waits for a rectification at *as_of* (open or reopened)."""
        return self.status(as_of) in (FindingStatus.OPEN, FindingStatus.REOPENED)

    def is_overdue(self, as_of: datetime) -> bool:
        """Whether it is open or reopened at *as_of* and *as_of* is past `rectify_by`.

        The deadline instant itself is on time.
        """
        return self.is_open(as_of) and as_of > self.rectify_by

    @property
    def verification_due(self) -> datetime:
        """The end of `verify_on` (24:00 local in `found_at`'s zone): the verification deadline."""
        tz = self.found_at.tzinfo
        assert tz is not None  # validated aware
        return day_start(self.verify_on + DAY, tz)

    def verification_overdue(self, as_of: datetime) -> bool:
        """Whether it is rectified but not verified at *as_of*, past the end of `verify_on`.

        The end of `verify_on` is 24:00 local time in `found_at`'s zone; that instant itself is
        on time.
        """
        return self.status(as_of) is FindingStatus.RECTIFIED and as_of > self.verification_due

    # -- lifecycle -----------------------------------------------------------------------

    def _record(self, event: FindingEvent) -> Finding:
        events: tuple[FindingEvent, ...] = (*self.events, event)
        return attrs.evolve(self, events=events)

    def rectify(self, at: datetime, by: str, note: str = "") -> Finding:
        """A new finding with a rectification by *by* at *at* recorded.

        Raises:
            TransitionError: the finding is not open or reopened, or *at* is before the last
                event (or before `found_at`).
        """
        return self._record(FindingEvent(kind=EventKind.RECTIFICATION, at=at, by=by, note=note))

    def verify(self, at: datetime, by: str, *, passed: bool, note: str = "") -> Finding:
        """A new finding with the second verification by *by* at *at* recorded.

        `passed=True` closes the finding; `passed=False` reopens it for rectification.
        `passed` is keyword-only so a call reads `verify(at, "Li", passed=True)`.

        Raises:
            TypeError: `passed` is not a bool.
            TransitionError: the finding is not rectified, *at* is out of order, or *by* is the
                person who rectified it (the message names both).
        """
        result = (
            VerificationResult.PASSED
            if check_type("passed", passed, bool)
            else VerificationResult.FAILED
        )
        event = FindingEvent(kind=EventKind.VERIFICATION, at=at, by=by, note=note, result=result)
        return self._record(event)

    def reopen(self, at: datetime, by: str, reason: str) -> Finding:
        """A new finding reopened by *by* at *at* for *reason* (from rectified or closed).

        Raises:
            InvalidValueError: *reason* is blank.
            TransitionError: the finding is open, reopened or cancelled, or *at* is out of order.
        """
        check_nonblank("reason", reason)
        return self._record(FindingEvent(kind=EventKind.REOPENING, at=at, by=by, note=reason))

    def cancel(self, at: datetime, by: str, reason: str) -> Finding:
        """A new finding withdrawn by *by* at *at* for *reason* (not once closed).

        Raises:
            InvalidValueError: *reason* is blank.
            TransitionError: the finding is closed or already cancelled, or *at* is out of order.
        """
        check_nonblank("reason", reason)
        return self._record(FindingEvent(kind=EventKind.CANCELLATION, at=at, by=by, note=reason))


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
        severity = _enum_member(Severity, "limits", key)
        if severity in out:
            msg = f"'limits' names severity {severity.value!r} twice"
            raise InvalidValueError(msg)
        out[severity] = check_type(f"limits[{severity.value!r}]", limit, TimeLimit)
    if not out:
        msg = f"'limits' must give a time limit for at least one severity, got {value!r}"
        raise InvalidValueError(msg)
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
        raise InvalidValueError(msg)

    def rectify_by(
        self, found_at: datetime, severity: Severity | str, *, calendar: WorkingCalendar
    ) -> datetime:
        """The rectification deadline of a finding of *severity* found at *found_at*."""
        return deadline(
            check_aware("found_at", found_at), self.limit_for(severity), calendar=calendar
        )

    def verify_on(
        self, rectify_by: datetime, *, zone_of: datetime, calendar: WorkingCalendar
    ) -> date:
        """The local date (in *zone_of*'s offset) `verify_after` after *rectify_by*.

        A deadline that falls exactly at local midnight is 24:00 of the day before, so it
        belongs to that day.
        """
        due = deadline(check_aware("rectify_by", rectify_by), self.verify_after, calendar=calendar)
        local = due.astimezone(check_aware("zone_of", zone_of).tzinfo)
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
        is the local date (in `found_at`'s offset) of
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
            verify_on=self.verify_on(rectify_by, zone_of=found_at, calendar=calendar),
        )


# -- improvement notices ---------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class NoticeItem:
    """One open finding on an improvement notice, with its status and overdue time at `as_of`."""

    finding: Finding = attrs.field(validator=attrs.validators.instance_of(Finding))
    """The finding."""
    status: FindingStatus = attrs.field(converter=FindingStatus, repr=lambda s: repr(s.value))
    """Open or reopened at the notice's `as_of`."""
    overdue_by: timedelta = attrs.field(validator=attrs.validators.instance_of(timedelta))
    """How far `as_of` is past the deadline (zero when on time)."""

    @property
    def is_overdue(self) -> bool:
        """Whether the deadline has passed."""
        return self.overdue_by > ZERO


_UNASSIGNED = "未指定部门 (no department)"


@attrs.frozen(kw_only=True)
class ImprovementNotice:
    """A work improvement notice (工作改进通知单): one department's open findings at `as_of`.

    Items are sorted by deadline (then id). Render it with `to_text()`, `to_markdown()` or in a
    notebook (`_repr_html_()`); headings are bilingual.
    """

    department: str = attrs.field(validator=is_str)
    """The department the notice is addressed to (`""` when findings name none)."""
    as_of: datetime = attrs.field(validator=aware)
    """The instant the notice describes."""
    items: tuple[NoticeItem, ...] = attrs.field(converter=_to_items, validator=tuple_of(NoticeItem))
    """The department's open and reopened findings, by deadline."""

    @property
    def overdue_count(self) -> int:
        """How many items are past their deadline."""
        return sum(1 for item in self.items if item.is_overdue)

    def _rows(self) -> tuple[tuple[str, ...], ...]:
        tz = self.as_of.tzinfo
        rows = []
        for n, item in enumerate(self.items, 1):
            f = item.finding
            due = f.rectify_by.astimezone(tz).strftime("%Y-%m-%d %H:%M")
            mark = f"逾期 OVERDUE {_duration(item.overdue_by)}" if item.is_overdue else ""
            rows.append(
                (
                    str(n),
                    f.id,
                    f.item_code,
                    f"{f.category.label_zh} {f.category.value}",
                    f"{f.severity.label_zh} {f.severity.value}",
                    f.description,
                    f.location,
                    f.owner,
                    due,
                    f"{item.status.label_zh} {item.status.value}",
                    mark,
                )
            )
        return tuple(rows)

    _HEADERS = (
        "序号 No.",
        "编号 ID",
        "检查项 Item",
        "类别 Category",
        "严重度 Severity",
        "问题描述 Finding",
        "位置 Location",
        "责任人 Owner",
        "整改期限 Rectify by",
        "状态 Status",
        "逾期 Overdue",
    )

    def _title(self) -> tuple[str, str]:
        department = self.department or _UNASSIGNED
        when = self.as_of.isoformat(sep=" ", timespec="minutes")
        return (
            f"工作改进通知单 Work improvement notice — {department}",
            f"截至 As of {when}: {len(self.items)} open items, {self.overdue_count} overdue",
        )

    _FOOTER = "签收 Received by: ____________    日期 Date: ____________"

    def to_text(self) -> str:
        """The notice as plain text, one item per block, ready to print and hand out."""
        title, summary = self._title()
        lines = [title, summary, ""]
        for row in self._rows():
            n, fid, code, cat, sev, desc, loc, owner, due, status, mark = row
            where = f" @ {loc}" if loc else ""
            lines.append(f"{n}. [{fid}] {code} {cat}, {sev}{where}")
            lines.append(f"   {desc}")
            who = f"   责任人 Owner: {owner}; " if owner else "   "
            lines.append(
                f"{who}整改期限 Rectify by {due}; {status}" + (f"; {mark}" if mark else "")
            )
        lines += ["", self._FOOTER]
        return "\n".join(lines)

    def to_markdown(self) -> str:
        """The notice as a Markdown section with a table."""
        title, summary = self._title()

        def cell(text: str) -> str:
            return text.replace("|", "\\|")

        lines = [f"### {title}", "", summary, ""]
        lines.append("| " + " | ".join(self._HEADERS) + " |")
        lines.append("|" + "---|" * len(self._HEADERS))
        lines.extend("| " + " | ".join(cell(c) for c in row) + " |" for row in self._rows())
        lines += ["", self._FOOTER]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        title, summary = self._title()
        esc = html.escape
        head = "".join(f"<th>{esc(h)}</th>" for h in self._HEADERS)
        body = "".join(
            "<tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>" for row in self._rows()
        )
        return (
            f"<h3>{esc(title)}</h3><p>{esc(summary)}</p>"
            f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
            f"<p>{esc(self._FOOTER)}</p>"
        )

    def __str__(self) -> str:
        return self.to_text()


def _duration(delta: timedelta) -> str:
    days, seconds = delta.days, delta.seconds
    hours, minutes = seconds // 3600, seconds % 3600 // 60
    if days:
        return f"{days}d {hours}h"
    return f"{hours}h {minutes:02d}m"


def _utc_key(f: Finding) -> tuple[datetime, str]:
    return (to_utc(f.found_at), f.id)


def improvement_notices(
    findings: Iterable[Finding], *, as_of: datetime
) -> tuple[ImprovementNotice, ...]:
    """One work improvement notice (工作改进通知单) per department with open findings at *as_of*.

    A finding is on a notice when it was found at or before *as_of* and is open or reopened at
    *as_of*; rectified findings waiting for verification, closed and cancelled ones are not.
    Items are sorted by deadline (then id) and marked overdue past `rectify_by`. Notices are
    sorted by department name; departments without open findings get none.

    Examples:
        >>> from datetime import datetime, date, timezone
        >>> t = datetime(2025, 3, 3, 10, tzinfo=timezone.utc)
        >>> f = Finding("F-1", "ENV-01", "rectification", "minor", "Lobby floor dirty", t,
        ...             "Zhao", rectify_by=t.replace(day=4), verify_on=date(2025, 3, 5),
        ...             department="环境部")
        >>> (notice,) = improvement_notices([f], as_of=t.replace(day=5))
        >>> notice.department, notice.overdue_count
        ('环境部', 1)
    """
    check_aware("as_of", as_of)
    by_department: dict[str, list[NoticeItem]] = {}
    for f in findings:
        check_type("findings[]", f, Finding)
        if f.found_at > as_of or not f.is_open(as_of):
            continue
        late = to_utc(as_of) - to_utc(f.rectify_by)
        item = NoticeItem(finding=f, status=f.status(as_of), overdue_by=max(late, ZERO))
        by_department.setdefault(f.department, []).append(item)
    return tuple(
        ImprovementNotice(
            department=department,
            as_of=as_of,
            items=sorted(items, key=lambda i: (to_utc(i.finding.rectify_by), i.finding.id)),
        )
        for department, items in sorted(by_department.items())
    )


# -- repeats, deductions, score, closure ------------------------------------------------------


@attrs.frozen(kw_only=True)
class RepeatFinding:
    """A finding on the same check item and location as an earlier one, within the window."""

    previous: Finding = attrs.field(validator=attrs.validators.instance_of(Finding))
    """The earlier finding."""
    repeat: Finding = attrs.field(validator=attrs.validators.instance_of(Finding))
    """The later finding on the same item and location."""

    @property
    def item_code(self) -> str:
        """The check item both were found on."""
        return self.repeat.item_code

    @property
    def location(self) -> str:
        """The location both were found at."""
        return self.repeat.location

    @property
    def gap(self) -> timedelta:
        """Real elapsed time between the two findings."""
        return to_utc(self.repeat.found_at) - to_utc(self.previous.found_at)


def repeat_findings(findings: Iterable[Finding], *, within: timedelta) -> tuple[RepeatFinding, ...]:
    """Findings on the same item and location as an earlier one found at most *within* before.

    Each repeat is paired with the most recent earlier finding of its item and location;
    cancelled findings (raised in error) are ignored. Results are in order of the repeat's
    `found_at`; findings at the same instant are ordered by id.

    Raises:
        InvalidValueError: *within* is negative.

    Examples:
        >>> from datetime import datetime, date, timedelta, timezone
        >>> def f(fid, day):
        ...     t = datetime(2025, 3, day, 9, tzinfo=timezone.utc)
        ...     return Finding(fid, "SEC-03", "rectification", "major", "Fire lane blocked", t,
        ...                    "Zhao", location="T5", rectify_by=t, verify_on=t.date())
        >>> [(r.previous.id, r.repeat.id) for r in
        ...  repeat_findings([f("A", 1), f("B", 20), f("C", 3)], within=timedelta(days=7))]
        [('A', 'C')]
    """
    if check_timedelta("within", within) < ZERO:
        msg = f"'within' must not be negative, got {within!r}"
        raise InvalidValueError(msg)
    last: dict[tuple[str, str], Finding] = {}
    out = []
    live = [
        f
        for f in findings
        if check_type("findings[]", f, Finding).current_status is not FindingStatus.CANCELLED
    ]
    for f in sorted(live, key=_utc_key):
        key = (f.item_code, f.location)
        previous = last.get(key)
        if previous is not None and to_utc(f.found_at) - to_utc(previous.found_at) <= within:
            out.append(RepeatFinding(previous=previous, repeat=f))
        last[key] = f
    return tuple(out)


def _in_period(findings: Iterable[Finding], period: Period) -> list[Finding]:
    check_type("period", period, Period)
    return [
        f
        for f in findings
        if check_type("findings[]", f, Finding).found_on in period
        and f.current_status is not FindingStatus.CANCELLED
    ]


def deduction_total(findings: Iterable[Finding], period: Period) -> Decimal:
    """The points deducted by the findings found in *period* (by their local found date).

    Cancelled findings (by any recorded event, even one after the period) deduct nothing:
    they were raised in error.

    Examples:
        >>> from datetime import datetime, timezone
        >>> from propstd.periods import Period
        >>> t = datetime(2025, 3, 3, 10, tzinfo=timezone.utc)
        >>> f = Finding("F-1", "SEC-03", "deduction", "major", "Fire lane blocked", t, "Zhao",
        ...             points="2", rectify_by=t, verify_on=t.date())
        >>> deduction_total([f, attrs.evolve(f, id="F-2")], Period.parse("2025-03"))
        Decimal('4')
    """
    return sum((f.points for f in _in_period(findings, period)), Decimal(0))


def score(base: Decimal | int | str, findings: Iterable[Finding], period: Period) -> Decimal:
    """*base* minus the points deducted by findings of *period*, never below 0.

    A score is a grade on a scale that starts at zero, so deductions beyond the base stop at 0.

    Raises:
        TypeError: *base* is a float.
        InvalidValueError: *base* is negative or not a number.

    Examples:
        >>> from propstd.periods import Period
        >>> score(100, [], Period.parse("2025-03"))
        Decimal('100')
    """
    start = _to_points(base, "base")
    return max(start - deduction_total(findings, period), Decimal(0))


_SEED_CLOSURE = (Category.SUGGESTION, Category.DEDUCTION)


def closure_rate(
    findings: Iterable[Finding],
    *,
    period: Period,
    as_of: datetime,
    categories: Iterable[Category | str] = _SEED_CLOSURE,
) -> Rate:
    """The second-verification closure rate (二次验证关闭项比率): closed / raised.

    Raised: the findings of *categories* found in *period* (by local found date), not
    cancelled. Closed: those of them closed at *as_of* (usually the end of the period, or the
    reporting instant). The seed counts suggestion and deduction items, hence the default;
    its requirement is 100 %. No finding raised gives the "not applicable" rate `0/0`.

    Examples:
        >>> from datetime import datetime, timezone
        >>> from propstd.periods import Period
        >>> t = datetime(2025, 3, 3, 10, tzinfo=timezone.utc)
        >>> f = Finding("F-1", "ENV-01", "suggestion", "minor", "Add a mat", t, "Zhao",
        ...             rectify_by=t, verify_on=t.date())
        >>> g = f.rectify(t, "Wang").verify(t, "Zhao", passed=True)
        >>> str(closure_rate([f, attrs.evolve(g, id="F-2")], period=Period.parse("2025-03"),
        ...                  as_of=t))
        '50.0% (1/2)'
    """
    check_aware("as_of", as_of)
    wanted = {_to_category(c) for c in to_tuple(categories)}
    raised = [f for f in _in_period(findings, period) if f.category in wanted]
    closed = sum(1 for f in raised if f.status(as_of) is FindingStatus.CLOSED)
    return Rate(closed, len(raised))
