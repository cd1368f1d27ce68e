"""Findings: vocabularies, events, the state machine and the `Finding` record (private part)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction

import attrs

from propstd._numbers import EXACT, check_exponent
from propstd._repr import shown
from propstd._time import DAY, day_start, to_utc
from propstd._validators import (
    aware,
    check_aware,
    check_nonblank,
    check_type,
    exact_number,
    is_date,
    is_str,
    nonblank,
    to_tuple,
    tuple_of,
)
from propstd._vocab import Vocabulary, to_member
from propstd.errors import InvalidValueError, TransitionError

# -- vocabularies -----------------------------------------------------------------------------


class Category(Vocabulary):
    """The kind of a finding (the seed's three kinds of QPI items)."""

    SUGGESTION = "suggestion", "建议项", "建议"
    """建议项: an improvement suggested; no points deducted."""
    RECTIFICATION = "rectification", "整改项", "整改"
    """整改项: a nonconformity that must be rectified."""
    DEDUCTION = "deduction", "扣分项", "扣分"
    """扣分项: a nonconformity that also deducts points from the score."""


class Severity(Vocabulary):
    """How serious a finding is; the policy gives each severity its own time limit."""

    CRITICAL = "critical", "严重"
    """严重: a safety or service failure that must be fixed at once."""
    MAJOR = "major", "一般"
    """一般: a clear nonconformity."""
    MINOR = "minor", "轻微"
    """轻微: a small lapse."""

    @property
    def rank(self) -> int:
        """0 for critical, 1 for major, 2 for minor (sort key: most serious first)."""
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.CRITICAL: 0, Severity.MAJOR: 1, Severity.MINOR: 2}


class FindingStatus(Vocabulary):
    """Where a finding stands at an instant."""

    OPEN = "open", "待整改"
    """Recorded, not yet rectified."""
    RECTIFIED = "rectified", "待验证", "已整改"
    """Rectified, waiting for the second verification."""
    CLOSED = "closed", "已关闭"
    """Verified (passed) by someone other than the rectifier."""
    REOPENED = "reopened", "重新整改"
    """A verification failed or the problem came back: to be rectified again."""
    CANCELLED = "cancelled", "已撤销", "canceled"
    """Withdrawn (raised in error); final."""


class FindingEventKind(Vocabulary):
    """What an event in a finding's history records.

    (Named apart from [timelines.EventKind][propstd.timelines.EventKind], which lists what
    happens to a complaint or a repair order.)
    """

    RECTIFICATION = "rectification", "整改"
    """The responsible person reports the problem fixed (整改)."""
    VERIFICATION = "verification", "二次验证", "验证"
    """The second verification (二次验证), passed or failed."""
    REOPENING = "reopening", "重新打开", "重开"
    """The item is opened again (the problem came back, or the fix did not hold)."""
    CANCELLATION = "cancellation", "撤销"
    """The item is withdrawn (raised in error)."""


class VerificationResult(Vocabulary):
    """The outcome of a second verification."""

    PASSED = "passed", "通过", "合格"
    """The rectification holds: the finding closes."""
    FAILED = "failed", "不通过", "不合格"
    """The rectification does not hold: the finding is reopened for rectification."""


class ClosureBasis(Vocabulary):
    """Which findings a second-verification closure rate of a period counts (semantics §14.4)."""

    VERIFICATION_DUE = "verification_due", "验证到期"
    """The findings whose `verify_on` falls in the period, closed when verified as passed by
    the end of that day (the default: 100 % is reachable every month)."""
    RAISED_IN_PERIOD = "raised_in_period", "期内提出"
    """The findings raised in the period, closed when closed by the period's end (0.1)."""


def _to_category(value: Category | str) -> Category:
    return to_member("category", Category, value)


def _to_severity(value: Severity | str) -> Severity:
    return to_member("severity", Severity, value)


def _to_kind(value: FindingEventKind | str) -> FindingEventKind:
    return to_member("kind", FindingEventKind, value)


def _to_result(value: VerificationResult | str | None) -> VerificationResult | None:
    if value is None:
        return None
    return to_member("result", VerificationResult, value)


def _to_points(value: object, name: str = "points") -> Decimal:
    given = value
    if isinstance(value, str):
        try:
            value = EXACT.create_decimal(value.strip())  # exact; no caller's context involved
        except ArithmeticError:
            msg = f"{name!r} must be a decimal number, got {shown(given)}"
            raise InvalidValueError(msg, field=name, value=given) from None
    number = exact_number(name, value)  # refuses floats, bools and NaN/infinity
    if isinstance(number, Fraction):
        msg = f"{name!r} must be an int, Decimal or decimal string, got Fraction {shown(given)}"
        raise TypeError(msg)
    points = check_exponent(name, Decimal(number))
    if points < 0:
        msg = f"{name!r} must not be negative, got {shown(given)}"
        raise InvalidValueError(msg, field=name, value=given)
    return points


def _to_events(value: Iterable[FindingEvent]) -> tuple[FindingEvent, ...]:
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

    kind: FindingEventKind = attrs.field(converter=_to_kind, repr=lambda k: repr(k.value))
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
        if self.kind is FindingEventKind.VERIFICATION and self.result is None:
            msg = "a verification event needs a 'result' (passed or failed), got None"
            raise InvalidValueError(msg, field="result", value=None)
        if self.kind is not FindingEventKind.VERIFICATION and self.result is not None:
            msg = (
                f"only a verification carries a 'result'; a {self.kind.value} "
                f"got {self.result.value!r}"
            )
            raise InvalidValueError(msg, field="result", value=self.result)
        reasoned = (FindingEventKind.REOPENING, FindingEventKind.CANCELLATION)
        if self.kind in reasoned and not self.note.strip():
            msg = f"a {self.kind.value} needs a reason in 'note', got {shown(self.note)}"
            raise InvalidValueError(msg, field="note", value=self.note)


# The state machine: (state, kind, result) -> next state.
#
# Findings keep their own machine beside propstd.timelines on purpose. The rule both share,
# events in non-decreasing time order compared as instants (UTC), is applied here exactly as
# Timeline applies it; everything else differs: a finding starts open at `found_at` (no
# `received` event), has no pauses or milestones, closes only by a second verification that
# someone other than the rectifier records, and a failed verification reopens it. timelines'
# states (open, paused, completed, closed) cannot say "rectified, waiting for verification".
_NEXT: dict[tuple[FindingStatus, FindingEventKind, VerificationResult | None], FindingStatus] = {}
for _state in (FindingStatus.OPEN, FindingStatus.REOPENED):
    _NEXT[_state, FindingEventKind.RECTIFICATION, None] = FindingStatus.RECTIFIED
_NEXT[FindingStatus.RECTIFIED, FindingEventKind.VERIFICATION, VerificationResult.PASSED] = (
    FindingStatus.CLOSED
)
_NEXT[FindingStatus.RECTIFIED, FindingEventKind.VERIFICATION, VerificationResult.FAILED] = (
    FindingStatus.REOPENED
)
for _state in (FindingStatus.RECTIFIED, FindingStatus.CLOSED):
    _NEXT[_state, FindingEventKind.REOPENING, None] = FindingStatus.REOPENED
for _state in (FindingStatus.OPEN, FindingStatus.RECTIFIED, FindingStatus.REOPENED):
    _NEXT[_state, FindingEventKind.CANCELLATION, None] = FindingStatus.CANCELLED


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
        if to_utc(event.at) < to_utc(previous):
            what = "the finding was recorded" if i == 0 else "the previous event"
            msg = (
                f"{event.kind.value} of finding {finding_id!r} at {_show(event.at)} is out of "
                f"order: {what} at {_show(previous)} (events must be recorded in time order)"
            )
            raise TransitionError(msg, field=f"events[{i}].at", value=event.at)
        after = _NEXT.get((status, event.kind, event.result))
        if after is None:
            msg = (
                f"cannot record a {event.kind.value} of finding {finding_id!r} "
                f"at {_show(event.at)}: it is {status.value}"
            )
            raise TransitionError(msg, field=f"events[{i}].kind", value=event.kind)
        if event.kind is FindingEventKind.VERIFICATION:
            assert rectifier is not None  # the machine only verifies after a rectification
            if _who(event.by) == _who(rectifier):
                msg = (
                    f"verification of finding {finding_id!r} by {event.by!r} refused: the "
                    f"verifier must differ from the rectifier {rectifier!r}"
                )
                raise TransitionError(msg, field=f"events[{i}].by", value=event.by)
        if event.kind is FindingEventKind.RECTIFICATION:
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
      previous ones leave (the transition table of `propstd.findings`); a verification is by
      someone other than the last rectifier (names compared ignoring case and surrounding
      spaces).

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
    """The date of the second verification (二次验证日期): a local date of the property's
    calendar (closure rates read it in the calendar's zone)."""
    events: tuple[FindingEvent, ...] = attrs.field(
        default=(), converter=_to_events, validator=tuple_of(FindingEvent), kw_only=True
    )
    """The recorded history, oldest first."""

    def __attrs_post_init__(self) -> None:
        if self.category is Category.DEDUCTION and self.points <= 0:
            msg = f"a deduction item must carry 'points' > 0, got {self.points!r}"
            raise InvalidValueError(msg, field="points", value=self.points)
        if self.category is not Category.DEDUCTION and self.points != 0:
            msg = (
                f"only deduction items carry points; a {self.category.value} "
                f"got 'points' {self.points!r}"
            )
            raise InvalidValueError(msg, field="points", value=self.points)
        if to_utc(self.rectify_by) < to_utc(self.found_at):
            msg = (
                f"'rectify_by' {_show(self.rectify_by)} is before 'found_at' {_show(self.found_at)}"
            )
            raise InvalidValueError(msg, field="rectify_by", value=self.rectify_by)
        if self.verify_on < self.found_on:
            msg = (
                f"'verify_on' {self.verify_on.isoformat()!r} is before the found date "
                f"{self.found_on.isoformat()!r}"
            )
            raise InvalidValueError(msg, field="verify_on", value=self.verify_on)
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
        cut = to_utc(check_aware("as_of", as_of))
        seen = (e for e in self.events if to_utc(e.at) <= cut)
        return _replay(self.id, self.found_at, seen).status

    def is_open(self, as_of: datetime) -> bool:
        """Whether the finding waits for a rectification at *as_of* (open or reopened)."""
        return self.status(as_of) in (FindingStatus.OPEN, FindingStatus.REOPENED)

    def is_overdue(self, as_of: datetime) -> bool:
        """Whether it is open or reopened at *as_of* and *as_of* is past `rectify_by`.

        The deadline instant itself is on time.
        """
        return self.is_open(as_of) and to_utc(as_of) > to_utc(self.rectify_by)

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
        rectified = self.status(as_of) is FindingStatus.RECTIFIED
        return rectified and to_utc(as_of) > to_utc(self.verification_due)

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
        return self._record(
            FindingEvent(kind=FindingEventKind.RECTIFICATION, at=at, by=by, note=note)
        )

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
        event = FindingEvent(
            kind=FindingEventKind.VERIFICATION, at=at, by=by, note=note, result=result
        )
        return self._record(event)

    def reopen(self, at: datetime, by: str, reason: str) -> Finding:
        """A new finding reopened by *by* at *at* for *reason* (from rectified or closed).

        Raises:
            InvalidValueError: *reason* is blank.
            TransitionError: the finding is open, reopened or cancelled, or *at* is out of order.
        """
        check_nonblank("reason", reason)
        return self._record(
            FindingEvent(kind=FindingEventKind.REOPENING, at=at, by=by, note=reason)
        )

    def cancel(self, at: datetime, by: str, reason: str) -> Finding:
        """A new finding withdrawn by *by* at *at* for *reason* (not once closed).

        Raises:
            InvalidValueError: *reason* is blank.
            TransitionError: the finding is closed or already cancelled, or *at* is out of order.
        """
        check_nonblank("reason", reason)
        return self._record(
            FindingEvent(kind=FindingEventKind.CANCELLATION, at=at, by=by, note=reason)
        )
