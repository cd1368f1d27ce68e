"""Complaint vocabularies and the complaint record (private; see propstd.complaints)."""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

import attrs

from propstd._repr import shown
from propstd._time import ZERO, check_in_range, to_utc
from propstd._validators import check_aware, check_nonblank, check_type, is_str, nonblank, to_tuple
from propstd._vocab import Vocabulary, to_member
from propstd.calendars import WorkingCalendar
from propstd.complaints._policy import ComplaintPolicy, check_common
from propstd.errors import InvalidValueError
from propstd.timelines import Timeline, TimelineState

__all__: list[str] = []


class ComplaintLevel(Vocabulary):
    """How serious the customer's complaint is (投诉认定级别); reads 不满, 抱怨, 责令 too."""

    DISSATISFACTION = "dissatisfaction", "不满", "不满意"
    """不满: the customer is unhappy."""
    GRIEVANCE = "grievance", "抱怨"
    """抱怨: the customer complains about a specific failure."""
    DEMAND = "demand", "责令"
    """责令: the customer (or an authority) demands that it be put right."""


class Channel(Vocabulary):
    """How the complaint arrived; reads 电话, 来访, 来函, 网站 and the companies' other words."""

    PHONE = "phone", "电话", "热线", "hotline", "telephone"
    """By telephone (电话, the hotline 热线)."""
    VISIT = "visit", "来访", "上门", "walk_in"
    """In person (来访 at the service centre, 上门)."""
    LETTER = "letter", "来函", "信函"
    """By letter (来函, 信函)."""
    WEB = "web", "网站", "网络", "微信", "小程序", "app", "website", "wechat", "mini_program"
    """Online: the website (网站), WeChat (微信), a mini-program (小程序) or an app."""
    OTHER = "other", "其他"
    """Any other way."""


class EscalationReason(Vocabulary):
    """A trigger that puts a complaint on (or up) the ladder."""

    ELAPSED = "elapsed", "超时"
    """It has stayed unresolved longer than a step's threshold."""
    VIP = "vip", "重要客户"
    """The customer is a VIP: the complaint starts at the policy's VIP step."""
    MAJOR = "major", "重大投诉"
    """A major complaint: the policy's major role is told at once."""
    REPEAT = "repeat", "重复投诉"
    """The same customer complained about the same topic within the repeat window: one step up."""
    REOPENED = "reopened", "重开"
    """The complaint was reopened: one step up."""
    DEPARTMENTS = "departments", "多部门"
    """More departments handle it than the policy allows: one step up."""


def _to_channel(value: Channel | str) -> Channel:
    return to_member("channel", Channel, value)


def _to_level(value: ComplaintLevel | str) -> ComplaintLevel:
    return to_member("level", ComplaintLevel, value)


def _departments(value: Iterable[str]) -> tuple[str, ...]:
    items = to_tuple(value)
    for i, item in enumerate(items):
        check_nonblank(f"departments[{i}]", item)
    if len(set(items)) != len(items):
        msg = f"'departments' must not repeat a department, got {shown(items)}"
        raise InvalidValueError(msg, field="departments", value=items)
    return items


def _flag(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    check_type(attribute.name, value, bool)


def _received_at(value: object) -> datetime:
    # an aware instant within the years 0002-9998 (§14.10), named as the complaint's field
    instant = check_aware("received_at", value)
    check_in_range("received_at", instant)
    return instant


def _instant(_instance: object, _attribute: attrs.Attribute[Any], value: object) -> None:
    _received_at(value)


def _default_timeline(self: Complaint) -> Timeline:
    # runs before the validators: check the instant here so the message names received_at
    return Timeline.start(_received_at(self.received_at))


def _timeline(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    check_type(attribute.name, value, Timeline)


class _OpenQuestion:
    """What `Complaint.is_open` gives: call it with an instant, `complaint.is_open(as_of)`.

    Read as a bool without a call (the 0.1 property), it still answers "not closed after its
    last event", with a `DeprecationWarning`, for one release.
    """

    __slots__ = ("_complaint",)

    def __init__(self, complaint: Complaint) -> None:
        self._complaint = complaint

    def __call__(self, as_of: datetime) -> bool:
        state = self._complaint.timeline.state_at(as_of)
        return state is not None and state is not TimelineState.CLOSED

    def __bool__(self) -> bool:
        msg = (
            "Complaint.is_open without an instant is deprecated; call complaint.is_open(as_of) "
            "(changed in 0.2)"
        )
        warnings.warn(msg, DeprecationWarning, stacklevel=2)
        return not self._complaint.timeline.is_closed

    def __repr__(self) -> str:
        return f"<Complaint.is_open of {self._complaint.id!r}: call it with as_of>"


@attrs.frozen
class Complaint:
    """A registered complaint (every complaint is registered: 事事有登记).

    `timeline` defaults to "received at `received_at`" and must start at that instant. `owner`
    is whoever received it and owns it until it is solved (首问负责制). `channel` and `level`
    read their Chinese words (`"电话"`, `"不满"`).

    Raises:
        TypeError: a field has the wrong type.
        NaiveDatetimeError: `received_at` is naive.
        InvalidValueError: `id` is blank, `channel`/`level` names no member, a department is
            blank or repeated, `received_at` is outside the years 0002-9998, or the timeline
            does not start at `received_at`.

    Examples:
        >>> from datetime import datetime, timezone
        >>> c = Complaint("C-1", datetime(2025, 3, 3, 9, 0, tzinfo=timezone.utc), "网站", "责令")
        >>> c.channel, c.level
        (<Channel.WEB: 'web'>, <ComplaintLevel.DEMAND: 'demand'>)
        >>> c.is_open(datetime(2025, 3, 4, tzinfo=timezone.utc))
        True
    """

    id: str = attrs.field(validator=nonblank)
    """The register number."""
    received_at: datetime = attrs.field(validator=_instant)
    """When it was received (an aware instant)."""
    channel: Channel = attrs.field(converter=_to_channel, repr=lambda v: repr(v.value))
    """How it arrived."""
    level: ComplaintLevel = attrs.field(converter=_to_level, repr=lambda v: repr(v.value))
    """不满, 抱怨 or 责令."""
    vip: bool = attrs.field(kw_only=True, default=False, validator=_flag)
    """Whether the customer is a VIP."""
    major: bool = attrs.field(kw_only=True, default=False, validator=_flag)
    """Whether it is a major complaint."""
    departments: tuple[str, ...] = attrs.field(kw_only=True, default=(), converter=_departments)
    """The departments handling it."""
    customer: str = attrs.field(kw_only=True, default="", validator=is_str)
    """Who complained (household, unit): with `topic`, identifies repeats."""
    topic: str = attrs.field(kw_only=True, default="", validator=is_str)
    """What it is about (`"noise"`, `"lift"`)."""
    owner: str = attrs.field(kw_only=True, default="", validator=is_str)
    """Who received it and owns it (首问负责人)."""
    timeline: Timeline = attrs.field(
        kw_only=True,
        default=attrs.Factory(_default_timeline, takes_self=True),
        validator=_timeline,
    )
    """What happened to it."""

    def __attrs_post_init__(self) -> None:
        if to_utc(self.timeline.received_at) != to_utc(self.received_at):
            msg = (
                f"'timeline' must start at received_at {self.received_at.isoformat()}, "
                f"got {self.timeline.received_at.isoformat()}"
            )
            raise InvalidValueError(msg, field="timeline", value=self.timeline)

    @property
    def is_open(self) -> _OpenQuestion:
        """Call `complaint.is_open(as_of)`: whether it had been received and was not closed as
        of *as_of* (the same question as `Finding.is_open(as_of)`).

        Reading `complaint.is_open` as a bool without calling it (0.1) is deprecated.
        """
        return _OpenQuestion(self)

    def is_open_at(self, as_of: datetime) -> bool:
        """Deprecated: `is_open(as_of)` (renamed in 0.2)."""
        msg = "Complaint.is_open_at() is deprecated; use Complaint.is_open(as_of) (renamed in 0.2)"
        warnings.warn(msg, DeprecationWarning, stacklevel=2)
        return self.is_open(as_of)

    def is_overdue(
        self, policy: ComplaintPolicy, *, calendar: WorkingCalendar, as_of: datetime
    ) -> bool:
        """Whether a limit of *policy* has passed with its event still not done as of *as_of*:
        the response, the same-day reply, the progress call, the resolution or the return visit
        (what the stock-take lists as overdue; the ladder's steps are escalation, not lateness).
        A limit the policy does not set is not judged, so it is never overdue.

        Raises:
            TypeError: wrong argument types.
            NaiveDatetimeError: *as_of* is naive.
            CalendarCoverageError: the calendar has no data for an instant involved.

        Examples:
            >>> from datetime import datetime, timedelta, timezone
            >>> from propstd.calendars import ALWAYS_OPEN
            >>> from propstd.complaints import EscalationLadder
            >>> from propstd.timelimits import TimeLimit
            >>> from propstd.timelines import Milestone
            >>> policy = ComplaintPolicy(
            ...     ladder=EscalationLadder.of(("2 hours", "supervisor")),
            ...     response=Milestone("responded", TimeLimit.hours(24), name="response"),
            ...     reply=Milestone("responded", TimeLimit.hours(8), name="reply"),
            ...     contact_every=TimeLimit.hours(48),
            ...     resolution=Milestone("closed", TimeLimit.hours(72), name="resolution"),
            ...     revisit=Milestone("revisited", TimeLimit.hours(72), start="closed"),
            ...     vip_role="supervisor", major_role="manager",
            ...     repeat_window=timedelta(days=30), department_limit=2,
            ... )
            >>> t0 = datetime(2025, 3, 3, 9, 0, tzinfo=timezone.utc)
            >>> c = Complaint("C-1", t0, "电话", "不满")
            >>> c.is_overdue(policy, calendar=ALWAYS_OPEN, as_of=t0 + timedelta(hours=8))
            False
            >>> c.is_overdue(policy, calendar=ALWAYS_OPEN, as_of=t0 + timedelta(hours=9))
            True
        """
        as_of = check_common(policy, calendar, as_of)
        statuses = policy._statuses(self.timeline, calendar=calendar, as_of=as_of)
        return any(s is not None and s.is_overdue for s in statuses)

    def is_repeat_of(self, other: Complaint, *, window: timedelta) -> bool:
        """Whether this complaint repeats *other*: same (non-empty) customer and topic, *other*
        received no later than this one and at most *window* before it, and a different id."""
        if other.id == self.id or not self.customer or not self.topic:
            return False
        if (other.customer, other.topic) != (self.customer, self.topic):
            return False
        gap = to_utc(self.received_at) - to_utc(other.received_at)
        return ZERO <= gap <= window


def check_complaints(
    value: Iterable[Complaint], *, name: str = "complaints"
) -> tuple[Complaint, ...]:
    """*value* as a tuple of complaints (a `TypeError` names the first that is not one)."""
    items = to_tuple(value)
    for i, item in enumerate(items):
        check_type(f"{name}[{i}]", item, Complaint)
    return items
