"""Complaint metrics and early warnings (private; see propstd.complaints)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from fractions import Fraction
from typing import Any

import attrs

from propstd._repr import shown
from propstd._table import Column, Rendered, Table
from propstd._time import to_utc, zone
from propstd._validators import check_int, check_type
from propstd._vocab import Vocabulary, to_member
from propstd.calendars import WorkingCalendar
from propstd.complaints._escalation import when
from propstd.complaints._policy import REASONS, ComplaintPolicy, check_common
from propstd.complaints._records import Channel, Complaint, ComplaintLevel, check_complaints
from propstd.errors import InvalidValueError
from propstd.periods import Period, PeriodUnit
from propstd.rates import Rate
from propstd.timelines import (
    EventKind,
    Milestone,
    MilestoneState,
    MilestoneStatus,
    Revisited,
    time_between,
)

__all__: list[str] = []


# -- metrics ------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class ComplaintFigure:
    """One figure of the month's complaint analysis as a flat, typed row.

    Counts by level and channel, VIP and major complaints are given as shares of the
    complaints received (`12/25`), so every figure is an exact `Rate`.
    """

    key: str
    """A stable key: `"on_time_response"`, `"level.grievance"`, `"channel.phone"` ..."""
    title: str
    """The English title."""
    title_zh: str
    """The Chinese title (按时响应率, 不满 ...)."""
    value: Rate
    """The figure."""
    note: str = ""
    """Why the figure is not judged, when the policy lacks the rule it needs
    (`"no response limit in the policy"`); empty otherwise."""


# key, title, Chinese title of each rate, and the policy rule it needs (None: no rule), in
# the order shown
_RATES = (
    ("on_time_response", "on-time response", "按时响应率", "response"),
    ("on_time_reply", "on-time reply", "按时答复率", "reply"),
    ("on_time_resolution", "on-time resolution", "按时解决率", "resolution"),
    ("revisit_rate", "revisits", "回访率", None),
    ("satisfaction", "satisfaction", "满意率", None),
    ("reopen_rate", "reopened", "重开率", None),
)


@attrs.frozen(kw_only=True, repr=False)
class ComplaintMetrics(Rendered):
    """The complaint figures of one period (complaints received in it), as of an instant.

    Timeliness rates count judged milestones only (met / met + breached); pending ones are
    left out. A rate with nothing to judge is `0/0` (not applicable); so is an on-time rate
    whose limit the policy does not set, and `not_judged` says so. The revisit, satisfaction
    and reopen rates and the counts need no rule. `print(metrics)` shows the figures as a
    table; `rows()` gives them as typed rows.
    """

    period: Period
    """The period (by local receipt date in the calendar's zone)."""
    as_of: datetime
    """The instant of the figures (in the calendar's zone)."""
    total: int
    """Complaints received in the period."""
    by_level: tuple[tuple[ComplaintLevel, int], ...]
    """Counts per level, every level listed."""
    by_channel: tuple[tuple[Channel, int], ...]
    """Counts per channel, every channel listed."""
    vip: int
    """VIP complaints."""
    major: int
    """Major complaints."""
    on_time_response: Rate
    """Responses within the limit."""
    on_time_reply: Rate
    """Same-day replies within the limit."""
    on_time_resolution: Rate
    """Resolutions within the limit."""
    revisit_rate: Rate
    """Closed complaints that had a return visit after closing."""
    satisfaction: Rate
    """Satisfied customers among the return visits with a verdict (the last visit counts)."""
    reopen_rate: Rate
    """Complaints reopened among those ever closed."""
    unset: tuple[str, ...] = ()
    """The rules the policy leaves unset (see `ComplaintPolicy.unset`)."""

    @property
    def not_judged(self) -> tuple[str, ...]:
        """The figures not judged for want of a rule, and why, one line each
        (`"on-time response: no response limit in the policy"`)."""
        return tuple(
            f"{title}: {REASONS[rule]}"
            for _key, title, _zh, rule in _RATES
            if rule is not None and rule in self.unset
        )

    def count(self, key: ComplaintLevel | Channel) -> int:
        """The count for a level or a channel."""
        table: tuple[tuple[Any, int], ...] = (
            self.by_level if isinstance(key, ComplaintLevel) else self.by_channel
        )
        return next(n for k, n in table if k == key)

    def rows(self) -> tuple[ComplaintFigure, ...]:
        """The figures as typed rows: the six rates, then shares by level and by channel, of
        VIP and of major complaints."""
        rates = [
            ComplaintFigure(
                key=key,
                title=title,
                title_zh=zh,
                value=getattr(self, key),
                note=REASONS[rule] if rule is not None and rule in self.unset else "",
            )
            for key, title, zh, rule in _RATES
        ]
        groups: tuple[tuple[str, tuple[tuple[Vocabulary, int], ...]], ...] = (
            ("level", self.by_level),
            ("channel", self.by_channel),
        )
        shares = [
            self._share(f"{group}.{k.value}", f"{group}: {k.value}", k.label_zh, n)
            for group, table in groups
            for k, n in table
        ]
        shares.append(self._share("vip", "VIP", "重要客户投诉", self.vip))
        shares.append(self._share("major", "major", "重大投诉", self.major))
        return (*rates, *shares)

    def _share(self, key: str, title: str, title_zh: str, n: int) -> ComplaintFigure:
        return ComplaintFigure(key=key, title=title, title_zh=title_zh, value=Rate(n, self.total))

    def _table(self) -> Table:
        return Table(
            title=(
                f"Complaints {self.period} as of {when(self.as_of)}: {self.total} received "
                f"(VIP {self.vip}, major {self.major})"
            ),
            columns=(Column("figure"), Column("指标"), Column("value", "right")),
            rows=tuple((f.title, f.title_zh, str(f.value)) for f in self.rows()),
            notes=tuple(f"not judged — {line}" for line in self.not_judged),
        )

    def __repr__(self) -> str:
        return (
            f"ComplaintMetrics(period={str(self.period)!r}, total={self.total}, "
            f"as_of={self.as_of.isoformat()!r})"
        )


def _judged(statuses: Iterable[MilestoneStatus]) -> Rate:
    met = breached = 0
    for s in statuses:
        met += s.state is MilestoneState.MET
        breached += s.state is MilestoneState.BREACHED
    return Rate(met, met + breached)


def complaint_metrics(
    complaints: Iterable[Complaint],
    *,
    period: Period,
    policy: ComplaintPolicy,
    calendar: WorkingCalendar,
    as_of: datetime,
) -> ComplaintMetrics:
    """The figures for the complaints received in *period* (local dates in the calendar's zone)
    and by *as_of*.

    Raises:
        TypeError: wrong argument types.
        NaiveDatetimeError: *as_of* is naive.

    Examples:
        >>> from datetime import datetime, timedelta, timezone
        >>> from propstd.calendars import ALWAYS_OPEN
        >>> from propstd.complaints import (
        ...     Complaint, ComplaintLevel, ComplaintPolicy, EscalationLadder, complaint_metrics)
        >>> from propstd.periods import Period
        >>> from propstd.timelimits import TimeLimit
        >>> from propstd.timelines import Milestone, Timeline
        >>> policy = ComplaintPolicy(
        ...     ladder=EscalationLadder.of(("2 hours", "supervisor")),
        ...     response=Milestone("responded", TimeLimit.hours(24), name="response"),
        ...     reply=Milestone("responded", TimeLimit.working_days(0), name="reply"),
        ...     contact_every=TimeLimit.working_days(2),
        ...     resolution=Milestone("closed", TimeLimit.calendar_days(5), name="resolution"),
        ...     revisit=Milestone("revisited", TimeLimit.working_days(3), start="closed"),
        ...     vip_role="supervisor", major_role="general manager",
        ...     repeat_window=timedelta(days=30), department_limit=2,
        ... )
        >>> t0 = datetime(2025, 3, 3, 9, 0, tzinfo=timezone.utc)
        >>> c = Complaint("C-1", t0, "phone", "grievance",
        ...               timeline=Timeline.start(t0).responded(t0 + timedelta(hours=1)))
        >>> as_of = datetime(2025, 4, 1, tzinfo=timezone.utc)
        >>> m = complaint_metrics([c], period=Period.parse("2025-03"), policy=policy,
        ...                       calendar=ALWAYS_OPEN, as_of=as_of)
        >>> m.total, str(m.on_time_response), m.count(ComplaintLevel.GRIEVANCE)
        (1, '100.0% (1/1)', 1)
        >>> m
        ComplaintMetrics(period='2025-03', total=1, as_of='2025-04-01T00:00:00+00:00')
    """
    check_type("period", period, Period)
    as_of = check_common(policy, calendar, as_of)
    tz = zone(calendar.zone)
    cut = to_utc(as_of)
    chosen = [
        c
        for c in check_complaints(complaints)
        if to_utc(c.received_at) <= cut and c.received_at.astimezone(tz).date() in period
    ]

    def judged(m: Milestone | None) -> Rate:
        if m is None:
            return Rate(0, 0)
        return _judged(c.timeline.status(m, calendar=calendar, as_of=as_of) for c in chosen)

    closed = revisited = ever_closed = reopened = satisfied = verdicts = 0
    for c in chosen:
        seen = c.timeline.until(as_of)
        assert seen is not None
        if seen.first(EventKind.CLOSED) is not None:
            ever_closed += 1
            reopened += seen.reopen_count > 0
        if seen.is_closed:
            closed += 1
            last_close = seen.last(EventKind.CLOSED)
            assert last_close is not None
            revisited += any(
                e.kind is EventKind.REVISITED and to_utc(e.at) >= to_utc(last_close.at)
                for e in seen.events
            )
        last_visit = seen.last(EventKind.REVISITED)
        if isinstance(last_visit, Revisited) and last_visit.satisfied is not None:
            verdicts += 1
            satisfied += last_visit.satisfied
    return ComplaintMetrics(
        period=period,
        as_of=as_of,
        total=len(chosen),
        by_level=tuple((lv, sum(c.level is lv for c in chosen)) for lv in ComplaintLevel),
        by_channel=tuple((ch, sum(c.channel is ch for c in chosen)) for ch in Channel),
        vip=sum(c.vip for c in chosen),
        major=sum(c.major for c in chosen),
        on_time_response=judged(policy.response),
        on_time_reply=judged(policy.reply),
        on_time_resolution=judged(policy.resolution),
        revisit_rate=Rate(revisited, closed),
        satisfaction=Rate(satisfied, verdicts),
        reopen_rate=Rate(reopened, ever_closed),
        unset=policy.unset,
    )


# -- early warning (投诉预警) -------------------------------------------------------------


class WarningKind(Vocabulary):
    """What an early warning is about."""

    NEAR_LIMIT = "near_limit", "临近时限"
    """An open complaint has used at least the `near` share of a milestone's time."""
    PAST_LIMIT = "past_limit", "超过时限"
    """An open complaint is past a milestone's deadline and the milestone is not done."""
    WEEKLY_LIMIT = "weekly_limit", "周投诉量超限"
    """A week's count exceeds the threshold."""
    WEEKLY_TREND = "weekly_trend", "周投诉量上升"
    """A week's count exceeds the trailing weeks' mean times the factor."""


def _to_kind(value: WarningKind | str) -> WarningKind:
    return to_member("kind", WarningKind, value)


@attrs.frozen(kw_only=True)
class EarlyWarning:
    """One early warning; the fields that do not apply to its kind are empty/`None`."""

    kind: WarningKind = attrs.field(converter=_to_kind, repr=lambda v: repr(v.value))
    """What it is about."""
    message: str
    """A one-line explanation."""
    complaint_id: str = ""
    """The complaint (limit warnings)."""
    milestone: str = ""
    """The milestone's label (limit warnings)."""
    due_at: datetime | None = None
    """The milestone's deadline (limit warnings)."""
    week: Period | None = None
    """The ISO week (weekly warnings)."""
    count: int | None = None
    """The week's count (weekly warnings)."""

    def __str__(self) -> str:
        return self.message


def _fraction(name: str, value: object) -> Fraction:
    if isinstance(value, bool) or not isinstance(value, int | Fraction):
        msg = f"{name!r} must be an int or Fraction, got {type(value).__name__} {shown(value)}"
        raise TypeError(msg)
    return Fraction(value)


def _used(status: MilestoneStatus, calendar: WorkingCalendar) -> Fraction | None:
    assert status.start_at is not None
    assert status.due_at is not None
    total = time_between(
        status.start_at, status.due_at, clock=status.limit.clock, calendar=calendar
    )
    if total <= timedelta(0):
        return None
    return 1 - Fraction(status.remaining / timedelta(microseconds=1)) / Fraction(
        total / timedelta(microseconds=1)
    )


def early_warnings(
    complaints: Iterable[Complaint],
    *,
    policy: ComplaintPolicy,
    calendar: WorkingCalendar,
    as_of: datetime,
    near: Fraction,
    weekly_limit: int | None = None,
    trailing_weeks: int | None = None,
    factor: Fraction | None = None,
) -> tuple[EarlyWarning, ...]:
    """Early warnings (投诉预警) as of *as_of*.

    - **Limits**: for each complaint open as of *as_of* and each of its milestones the policy
      sets (response, reply, contact, resolution, revisit): `past_limit` if it is breached and
      not done;
      `near_limit` if pending and the share of the time from start to deadline already used,
      `1 - remaining / (due - start)` in the milestone's clock, is at least *near*
      (`0 < near <= 1`; e.g. `Fraction(3, 4)`).
    - **Weeks**: every ISO week from the first complaint's week to the week of *as_of*
      (complaints received by *as_of*, local dates in the calendar's zone): `weekly_limit` if
      the count exceeds *weekly_limit*; `weekly_trend` if *trailing_weeks* earlier weeks exist
      and the count exceeds their mean times *factor* (give both or neither).

    Raises:
        TypeError: wrong argument types (floats included).
        InvalidValueError: *near* not in (0, 1], a negative weekly limit, fewer than one
            trailing week or a non-positive factor, or only one of *trailing_weeks*/*factor*.
    """
    as_of = check_common(policy, calendar, as_of)
    share = _check_warning_arguments(near, weekly_limit, trailing_weeks, factor)
    items = check_complaints(complaints)
    out: list[EarlyWarning] = []
    for c in items:
        if not c.is_open(as_of):
            continue
        for s in policy._statuses(c.timeline, calendar=calendar, as_of=as_of):
            if s is not None:
                out.extend(_limit_warning(c, s, share, calendar))
    out.extend(_weekly(items, calendar, as_of, weekly_limit, trailing_weeks, factor))
    return tuple(out)


def _check_warning_arguments(
    near: object, weekly_limit: object, trailing_weeks: object, factor: object
) -> Fraction:
    """Check the thresholds of `early_warnings`; *near* as a `Fraction`."""
    share = _fraction("near", near)
    if not 0 < share <= 1:
        msg = f"'near' must be in (0, 1], got {shown(near)}"
        raise InvalidValueError(msg, field="near", value=near)
    if weekly_limit is not None and check_int("weekly_limit", weekly_limit) < 0:
        msg = f"'weekly_limit' must not be negative, got {shown(weekly_limit)}"
        raise InvalidValueError(msg, field="weekly_limit", value=weekly_limit)
    if (trailing_weeks is None) != (factor is None):
        msg = (
            "'trailing_weeks' and 'factor' go together, got "
            f"trailing_weeks={shown(trailing_weeks)}, factor={shown(factor)}"
        )
        field = "factor" if factor is None else "trailing_weeks"
        raise InvalidValueError(msg, field=field, value=None)
    if trailing_weeks is not None and check_int("trailing_weeks", trailing_weeks) < 1:
        msg = f"'trailing_weeks' must be at least 1, got {shown(trailing_weeks)}"
        raise InvalidValueError(msg, field="trailing_weeks", value=trailing_weeks)
    if factor is not None and _fraction("factor", factor) <= 0:
        msg = f"'factor' must be positive, got {shown(factor)}"
        raise InvalidValueError(msg, field="factor", value=factor)
    return share


def _limit_warning(
    c: Complaint, s: MilestoneStatus, near: Fraction, calendar: WorkingCalendar
) -> list[EarlyWarning]:
    label = s.milestone.label
    if s.is_overdue:
        kind = WarningKind.PAST_LIMIT
        text = f"{c.id}: {label} overdue since {when(s.due_at)}"
    elif (
        s.state is MilestoneState.PENDING
        and (used := _used(s, calendar)) is not None
        and (used >= near)
    ):
        kind = WarningKind.NEAR_LIMIT
        text = f"{c.id}: {label} due {when(s.due_at)} ({int(used * 100)}% of the time used)"
    else:
        return []
    return [
        EarlyWarning(kind=kind, message=text, complaint_id=c.id, milestone=label, due_at=s.due_at)
    ]


def _weekly(
    items: tuple[Complaint, ...],
    calendar: WorkingCalendar,
    as_of: datetime,
    limit: int | None,
    trailing: int | None,
    factor: Fraction | None,
) -> list[EarlyWarning]:
    tz = zone(calendar.zone)
    cut = to_utc(as_of)
    days = sorted(
        c.received_at.astimezone(tz).date() for c in items if to_utc(c.received_at) <= cut
    )
    if not days:
        return []
    week = Period.containing(days[0], PeriodUnit.WEEK)
    last = Period.containing(as_of.astimezone(tz).date(), PeriodUnit.WEEK)
    counts: list[tuple[Period, int]] = []
    while week.start <= last.start:
        counts.append((week, sum(d in week for d in days)))
        week = week.next()
    out: list[EarlyWarning] = []
    for i, (week, n) in enumerate(counts):
        if limit is not None and n > limit:
            out.append(
                EarlyWarning(
                    kind=WarningKind.WEEKLY_LIMIT,
                    message=f"week {week}: {n} complaints, more than {limit}",
                    week=week,
                    count=n,
                )
            )
        if trailing is not None and factor is not None and i >= trailing:
            mean = Fraction(sum(k for _, k in counts[i - trailing : i]), trailing)
            if n > mean * factor:
                out.append(
                    EarlyWarning(
                        kind=WarningKind.WEEKLY_TREND,
                        message=(
                            f"week {week}: {n} complaints, more than {factor} × the mean "
                            f"{mean} of the {trailing} weeks before"
                        ),
                        week=week,
                        count=n,
                    )
                )
    return out
