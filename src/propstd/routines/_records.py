"""Routines: the duty records, the log entry, the trigger and the shared helpers (private)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from datetime import date, datetime
from typing import Any, TypeVar

import attrs

from propstd import _time
from propstd._repr import shown
from propstd._validators import (
    aware,
    check_date,
    check_nonblank,
    check_type,
    is_str,
    nonblank,
    to_tuple,
)
from propstd._vocab import Vocabulary, to_member
from propstd.calendars import WorkingDays
from propstd.errors import InvalidValueError
from propstd.frequencies import Frequency, Schedule, ShiftPolicy
from propstd.periods import Period
from propstd.timelimits import TimeLimit

T = TypeVar("T")


class DutyState(Vocabulary):
    """How one triggered duty fared against its time limit."""

    ON_TIME = "on_time", "按时", "met"
    """Done within the limit (at the deadline counts)."""
    LATE = "late", "超时", "逾期", "overdue"
    """Done, but after the deadline."""
    MISSED = "missed", "未完成", "漏做"
    """Not done, and the deadline has passed (or the log is final)."""
    PENDING = "pending", "未到期", "进行中"
    """Not done yet, and the deadline is still ahead of `as_of`."""


def _to_frequency(value: Frequency) -> Frequency:
    return check_type("frequency", value, Frequency)


def _to_limit(value: TimeLimit) -> TimeLimit:
    return check_type("limit", value, TimeLimit)


def _to_shift(value: ShiftPolicy | str) -> ShiftPolicy:
    return to_member("shift", ShiftPolicy, value)


def _optional_date(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _time.check_in_range(attribute.name, check_date(attribute.name, value))


def _is_bool(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    check_type(attribute.name, value, bool)


@attrs.frozen(repr=False)
class Routine:
    """A duty due on the calendar that is not a check point: a meeting, a training, a drill.

    The seeds' routines: morning meetings (晨会, daily), weekly meetings (周例会), monthly
    meetings (月度会议), the manager's reception day (经理接待日, monthly), the customer forum
    (at least once a quarter), professional training (at least four a year), emergency drills
    and annual plans. Each leaves evidence (minutes, a sign-in sheet, photos), and without it
    an entry is not counted when `evidence_required` (a system not executed is zero; executed
    but not checked is zero).

    Windows are the [Schedule][propstd.frequencies.Schedule]'s: calendar-aligned unless an
    `anchor` is given (a day, an ISO week, a calendar month, quarter, half year or year), due
    on their last day, moved off non-working days by `shift`.

    Raises:
        TypeError: a field has the wrong type.
        InvalidValueError: `code` or `title` is blank, or `shift` names no policy.

    References:
        Seed rules §2 (meetings with minutes and follow-up), §6 (at least four professional
        trainings a year; a resident forum at least once a quarter).

    Examples:
        >>> from propstd.frequencies import Frequency
        >>> Routine("TRAIN", "专业培训 professional training", Frequency.parse("4 times per year"))
        Routine('TRAIN', '专业培训 professional training', 4 times per year)
    """

    code: str = attrs.field(validator=nonblank)
    """The routine's code, as the log names it (`"TRAIN"`)."""
    title: str = attrs.field(validator=nonblank)
    """What it is (`"专业培训 professional training"`)."""
    frequency: Frequency = attrs.field(converter=_to_frequency)
    """How many times in each window (`4 times per year`, `每年4次`, `每季度`)."""
    role: str = attrs.field(default="", kw_only=True, validator=is_str)
    """Who holds it (`"项目经理"`); empty if not stated."""
    evidence_required: bool = attrs.field(default=True, kw_only=True, validator=_is_bool)
    """Whether an entry counts only with evidence (minutes, sign-in sheet, photos)."""
    anchor: date | None = attrs.field(default=None, kw_only=True, validator=_optional_date)
    """Where windows start; `None` (the default) for calendar-aligned windows."""
    shift: ShiftPolicy = attrs.field(
        default=ShiftPolicy.KEEP, kw_only=True, converter=_to_shift, repr=False
    )
    """Where a due date on a non-working day goes (`keep`: the window's last day)."""

    def schedule(self, calendar: WorkingDays | None = None) -> Schedule:
        """The routine's [Schedule][propstd.frequencies.Schedule] (*calendar* shifts due dates)."""
        keep = self.shift is ShiftPolicy.KEEP
        return Schedule(
            self.frequency,
            anchor=self.anchor,
            shift=self.shift,
            calendar=None if keep else calendar,
        )

    def __repr__(self) -> str:
        return f"Routine({self.code!r}, {self.title!r}, {self.frequency})"


@attrs.frozen(repr=False)
class TriggeredDuty:
    """A duty started by an event, not by the calendar, with a time limit from the event.

    The seeds' examples: vacant units checked after every rain (逢雨必检), standing water
    cleared within an hour after rain, customer care within a week of moving in. `trigger`
    names the kind of event ([Trigger][propstd.routines.Trigger]`.kind`, e.g. `"rain"`,
    `"move_in"`); `limit` counts from the event on its clock (natural or working).

    Raises:
        TypeError: a field has the wrong type.
        InvalidValueError: `code`, `title` or `trigger` is blank.

    References:
        Seed rules §4 (vacant units checked after every rain), §6 (standing water cleared
        within an hour after rain).

    Examples:
        >>> from propstd.timelimits import TimeLimit
        >>> TriggeredDuty("WATER", "积水清理 standing water", "rain", TimeLimit.parse("1小时"))
        TriggeredDuty('WATER', '积水清理 standing water', 'rain', 1 hour)
    """

    code: str = attrs.field(validator=nonblank)
    """The duty's code, as the log names it (`"WATER"`)."""
    title: str = attrs.field(validator=nonblank)
    """What it is."""
    trigger: str = attrs.field(validator=nonblank)
    """The kind of event that starts it (`"rain"`, `"move_in"`)."""
    limit: TimeLimit = attrs.field(converter=_to_limit)
    """How long after the event it must be done (`1 hour`, `1 working day`, `7 calendar days`)."""
    role: str = attrs.field(default="", kw_only=True, validator=is_str)
    """Who does it; empty if not stated."""
    evidence_required: bool = attrs.field(default=True, kw_only=True, validator=_is_bool)
    """Whether an entry counts only with evidence."""

    def __repr__(self) -> str:
        return f"TriggeredDuty({self.code!r}, {self.title!r}, {self.trigger!r}, {self.limit})"


def _to_evidence(value: Iterable[str]) -> tuple[str, ...]:
    refs = to_tuple(value)
    for i, ref in enumerate(refs):
        check_nonblank(f"evidence[{i}]", ref)
    return refs


@attrs.frozen(repr=False)
class RoutineEntry:
    """One line of the duty log: a routine or triggered duty done, when, by whom, with what.

    `subject` says what the duty was done for when that matters (the household visited after
    moving in, the building checked); a triggered duty's entry answers a trigger of the same
    subject.

    Raises:
        TypeError: a field has the wrong type (a naive `at` raises `NaiveDatetimeError`).
        InvalidValueError: `code` or `by` is blank, or an evidence reference is blank.

    Examples:
        >>> from datetime import datetime, timedelta, timezone
        >>> at = datetime(2025, 3, 14, 14, 0, tzinfo=timezone(timedelta(hours=8)))
        >>> RoutineEntry("TRAIN", at, "李经理", evidence=("sign-in 2025-03",))
        RoutineEntry('TRAIN', 2025-03-14 14:00+08:00, '李经理', evidence=1)
    """

    code: str = attrs.field(validator=nonblank)
    """The routine or duty done."""
    at: datetime = attrs.field(validator=aware)
    """When it was done."""
    by: str = attrs.field(validator=nonblank)
    """Who did it (or chaired it)."""
    evidence: tuple[str, ...] = attrs.field(default=(), kw_only=True, converter=_to_evidence)
    """References to the evidence: minutes, sign-in sheet, photo ids."""
    subject: str = attrs.field(default="", kw_only=True, validator=is_str)
    """What it was done for (a household, a building), when that matters; else empty."""

    def __repr__(self) -> str:
        when = self.at.isoformat(sep=" ", timespec="minutes")
        about = f", subject={self.subject!r}" if self.subject else ""
        proof = f"evidence={len(self.evidence)}"
        return f"RoutineEntry({self.code!r}, {when}, {self.by!r}, {proof}{about})"


@attrs.frozen(repr=False)
class Trigger:
    """An event that starts triggered duties: a rain that stopped, a household moving in.

    Raises:
        TypeError: a field has the wrong type (a naive `at` raises `NaiveDatetimeError`).
        InvalidValueError: `kind` is blank.

    Examples:
        >>> from datetime import datetime, timedelta, timezone
        >>> at = datetime(2025, 5, 12, 15, 0, tzinfo=timezone(timedelta(hours=8)))
        >>> Trigger("rain", at, note="暴雨 heavy rain")
        Trigger('rain', 2025-05-12 15:00+08:00)
    """

    kind: str = attrs.field(validator=nonblank)
    """The kind of event (`"rain"`, `"move_in"`), as a duty's `trigger` names it."""
    at: datetime = attrs.field(validator=aware)
    """When it happened (for rain: when it stopped; limits count from here)."""
    subject: str = attrs.field(default="", kw_only=True, validator=is_str)
    """What it concerns (the household moving in); empty for the whole property."""
    note: str = attrs.field(default="", kw_only=True, validator=is_str)
    """A remark (`"暴雨 heavy rain"`)."""

    def __repr__(self) -> str:
        when = self.at.isoformat(sep=" ", timespec="minutes")
        about = f", subject={self.subject!r}" if self.subject else ""
        return f"Trigger({self.kind!r}, {when}{about})"


# -- helpers shared by both compliances ---------------------------------------------------


def records(name: str, value: object, kind: type[T]) -> tuple[T, ...]:
    """*value* as a tuple of *kind* (a `str` or a non-iterable is a `TypeError`)."""
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        msg = f"{name!r} must be an iterable of {kind.__name__}, got {type(value).__name__}"
        raise TypeError(msg)
    return tuple(check_type(f"{name}[{i}]", v, kind) for i, v in enumerate(value))


def distinct_codes(name: str, duties: tuple[Routine, ...] | tuple[TriggeredDuty, ...]) -> None:
    """Refuse two duties of one code."""
    twice = sorted(c for c, n in Counter(d.code for d in duties).items() if n > 1)
    if twice:
        msg = f"{name!r} must have distinct codes, got {shown(twice)} more than once"
        raise InvalidValueError(msg, field=name, value=twice)


def check_period(period: object) -> Period:
    """*period*, a `Period` within the supported years."""
    p = check_type("period", period, Period)
    _time.check_in_range("period", p.start)
    _time.check_in_range("period", p.last)
    return p


def joined(a: Period, b: Period) -> Period:
    """The period of two results added: the same period, or two adjacent ones joined.

    Raises:
        InvalidValueError: the periods differ and do not meet.
    """
    if a == b:
        return a
    if a.end == b.start:
        return Period(a.start, b.end)
    if b.end == a.start:
        return Period(b.start, a.end)
    msg = f"only results of one period, or of adjacent periods, add up; got {a} and {b}"
    raise InvalidValueError(msg, field="period", value=(a, b))


D = TypeVar("D", Routine, TriggeredDuty)


def merged_duties(name: str, a: tuple[D, ...], b: tuple[D, ...]) -> tuple[D, ...]:
    """The duties of two results: the same duty under a code, in first-seen order.

    Raises:
        InvalidValueError: a code names different duties in the two.
    """
    out = {d.code: d for d in a}
    for d in b:
        other = out.setdefault(d.code, d)
        if other != d:
            msg = f"{name!r} differ for code {d.code!r}: {other!r} and {d!r}"
            raise InvalidValueError(msg, field=name, value=d.code)
    return tuple(out.values())


def check_parts(
    field: str, noun: str, duties: tuple[D, ...], parts: Sequence[tuple[str, Hashable]]
) -> None:
    """Refuse a result whose parts (windows, outcomes), given as `(code, key)`, name a duty it
    does not list or repeat a key; *noun* is `"routine"` or `"duty"`."""
    distinct_codes("routines" if noun == "routine" else "duties", duties)
    codes = {d.code for d in duties}
    for code, _key in parts:
        if code not in codes:
            msg = f"{field[:-1]} of {code!r} names no {noun} of the result"
            raise InvalidValueError(msg, field=field, value=code)
    keys = [key for _code, key in parts]
    if len(set(keys)) != len(keys):
        msg = f"{field!r} must hold each {field[:-1]} of a {noun} once"
        raise InvalidValueError(msg, field=field, value=len(keys) - len(set(keys)))


def find_duty(noun: str, duties: tuple[D, ...], code: str) -> D:
    """The duty of *code* among *duties*; *noun* (`"routine"`, `"duty"`) names it in the error.

    Raises:
        InvalidValueError: no duty has that code.
    """
    for d in duties:
        if d.code == code:
            return d
    known = ", ".join(d.code for d in duties)
    msg = f"'code' must be a {noun} of the result ({known}), got {shown(code)}"
    raise InvalidValueError(msg, field="code", value=code)
