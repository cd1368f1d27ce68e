"""Escalation status and the daily stock-take (private; see propstd.complaints)."""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

import attrs

from propstd._time import ZERO, to_utc, zone
from propstd._validators import (
    check_aware,
    check_type,
    to_tuple,
)
from propstd.calendars import WorkingCalendar
from propstd.complaints._records import (
    Complaint,
    ComplaintPolicy,
    EscalationReason,
    EscalationStep,
)
from propstd.errors import InvalidValueError
from propstd.timelimits import Clock, TimeLimit, deadline
from propstd.timelines import (
    EventKind,
    Milestone,
    MilestoneState,
    MilestoneStatus,
)

__all__: list[str] = []


# -- escalation ---------------------------------------------------------------------------


def _contact_status(
    complaint: Complaint, *, every: TimeLimit, calendar: WorkingCalendar, as_of: datetime
) -> MilestoneStatus:
    """The current progress-call interval: from the last call (or the receipt/reopen) of the
    current cycle, a call is due within *every*; not applicable once closed."""
    milestone = Milestone(EventKind.CONTACTED, every, name="progress contact")
    seen = complaint.timeline.until(as_of)
    assert seen is not None
    if seen.is_closed:
        return MilestoneStatus(
            milestone=milestone, state=MilestoneState.NOT_APPLICABLE, as_of=as_of, limit=every
        )
    start = seen.events[0].at
    for event in seen.events:
        if event.kind in (EventKind.CONTACTED, EventKind.REOPENED):
            start = event.at
    due = deadline(start, every, calendar=calendar).astimezone(zone(calendar.zone))
    measure = _measure(every, calendar)
    if to_utc(as_of) <= to_utc(due):
        state, remaining, overrun = MilestoneState.PENDING, measure(as_of, due), ZERO
    else:
        state, remaining, overrun = MilestoneState.BREACHED, ZERO, measure(due, as_of)
    return MilestoneStatus(
        milestone=milestone,
        state=state,
        as_of=as_of,
        limit=every,
        start_at=start,
        due_at=due,
        remaining=remaining,
        overrun=overrun,
    )


def _measure(limit: TimeLimit, calendar: WorkingCalendar) -> Any:
    if limit.clock == Clock.WORKING:
        return calendar.working_time_between
    return lambda a, b: to_utc(b) - to_utc(a)


@attrs.frozen(kw_only=True)
class EscalationStatus:
    """Where one complaint stands on the ladder as of an instant, and why.

    `level` is 0 while no step applies (`step` is then `None`), else the 1-based step number.
    `notify` lists the roles to tell now: the step's role and, for a major complaint, the
    policy's major role; it is empty once the complaint is closed. `next_escalation_at` is
    the instant *after which* the elapsed time alone lifts the complaint a step (`None` at the
    top of the ladder or once closed).
    """

    complaint_id: str
    """The complaint."""
    as_of: datetime
    """The instant of the judgement."""
    is_open: bool
    """Whether the complaint is open (not closed) as of `as_of`."""
    level: int
    """0 = not escalated; otherwise the 1-based step number."""
    step: EscalationStep | None
    """The current step (`None` while not escalated)."""
    notify: tuple[str, ...]
    """Roles to tell now."""
    reasons: tuple[EscalationReason, ...]
    """Every trigger that applies, in `EscalationReason` order."""
    next_escalation_at: datetime | None
    """After this instant the elapsed time lifts it a step."""
    next_step: EscalationStep | None
    """The step it would reach then."""
    response: MilestoneStatus
    """Response within the policy's limit."""
    reply: MilestoneStatus
    """Same-day reply."""
    contact: MilestoneStatus
    """The current progress-call interval."""
    resolution: MilestoneStatus
    """Resolution."""
    revisit: MilestoneStatus
    """Return visit after closing."""

    @property
    def escalated(self) -> bool:
        """Whether any step applies."""
        return self.level > 0

    @property
    def role(self) -> str | None:
        """The first role to tell now, or `None`."""
        return self.notify[0] if self.notify else None

    @property
    def milestones(self) -> tuple[MilestoneStatus, ...]:
        """Response, reply, contact, resolution, revisit."""
        return (self.response, self.reply, self.contact, self.resolution, self.revisit)

    @property
    def next_deadline(self) -> tuple[str, datetime] | None:
        """The earliest instant someone must act by: a pending milestone's deadline or the next
        escalation, with its label."""
        options = [
            (s.milestone.label, s.due_at)
            for s in self.milestones
            if s.state is MilestoneState.PENDING and s.due_at is not None
        ]
        if self.next_escalation_at is not None and self.next_step is not None:
            options.append((f"escalation to {self.next_step.role}", self.next_escalation_at))
        return min(options, key=lambda o: to_utc(o[1])) if options else None

    def _head(self) -> list[str]:
        step = "not escalated" if self.step is None else f"step {self.level}: {self.step}"
        reasons = ", ".join(r.value for r in self.reasons) or "none"
        lines = [
            f"Complaint {self.complaint_id} as of {_when(self.as_of)}"
            + ("" if self.is_open else " (closed)"),
            f"{step}; reasons: {reasons}",
            f"notify: {', '.join(self.notify) or '—'}",
        ]
        if self.next_escalation_at is not None and self.next_step is not None:
            lines.append(
                f"next escalation after {_when(self.next_escalation_at)} → {self.next_step.role}"
            )
        return lines

    def to_text(self) -> str:
        """Plain text, one fact a line."""
        return "\n".join([*self._head(), *(f"  {s}" for s in self.milestones)])

    def to_markdown(self) -> str:
        """A Markdown summary with a table of the milestones."""
        head = self._head()
        lines = [f"**{head[0]}**", "", *(f"- {line}" for line in head[1:]), ""]
        lines += _table(
            ("milestone", "limit", "state", "due", "done"),
            [
                (
                    s.milestone.label,
                    str(s.limit),
                    s.state.value,
                    _when(s.due_at),
                    _when(s.done_at),
                )
                for s in self.milestones
            ],
        )
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        head = self._head()
        items = "".join(f"<li>{html.escape(line)}</li>" for line in head[1:])
        rows = [
            (s.milestone.label, str(s.limit), s.state.value, _when(s.due_at), _when(s.done_at))
            for s in self.milestones
        ]
        return (
            f"<div><strong>{html.escape(head[0])}</strong><ul>{items}</ul>"
            + _html_table(("milestone", "limit", "state", "due", "done"), rows)
            + "</div>"
        )


def _when(t: datetime | None) -> str:
    return "—" if t is None else t.strftime("%Y-%m-%d %H:%M")


def _table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    def esc(cell: str) -> str:
        return cell.replace("|", "\\|")

    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(esc(c) for c in row) + " |" for row in rows]
    return lines


def _html_table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _check_common(policy: object, calendar: object, as_of: object) -> None:
    check_type("policy", policy, ComplaintPolicy)
    check_type("calendar", calendar, WorkingCalendar)
    check_aware("as_of", as_of)


def escalation_status(
    complaint: Complaint,
    *,
    policy: ComplaintPolicy,
    calendar: WorkingCalendar,
    as_of: datetime,
    history: Iterable[Complaint] = (),
) -> EscalationStatus:
    """Where *complaint* stands on the policy's ladder as of *as_of*.

    The elapsed time (until the complaint is closed, not counting time spent closed before a
    reopen) reaches steps by their thresholds; a VIP complaint starts at least at the
    policy's VIP step; then a repeat (a complaint in *history* by the same customer on the same
    topic within the repeat window), a reopen, and more departments than allowed each climb one
    step (capped at the top). A major complaint adds the policy's major role to `notify` at
    once. While open, the step never goes down as `as_of` grows.

    Raises:
        TypeError: wrong argument types.
        NaiveDatetimeError: *as_of* is naive.
        InvalidValueError: *as_of* is before the complaint was received.
        CalendarCoverageError: the calendar has no data for an instant involved.
    """
    check_type("complaint", complaint, Complaint)
    _check_common(policy, calendar, as_of)
    seen = complaint.timeline.until(as_of)
    if seen is None:
        msg = (
            f"'as_of' {as_of.isoformat()} is before complaint {complaint.id!r} was received "
            f"({complaint.received_at.isoformat()})"
        )
        raise InvalidValueError(msg)
    ladder = policy.ladder
    top = len(ladder) - 1
    statuses = [
        complaint.timeline.status(m, calendar=calendar, as_of=as_of) for m in ladder.milestones()
    ]
    breached = [i for i, s in enumerate(statuses) if s.state is MilestoneState.BREACHED]
    elapsed = max(breached) if breached else -1
    reasons: list[EscalationReason] = []
    if elapsed >= 0:
        reasons.append(EscalationReason.ELAPSED)
    floor = -1
    if complaint.vip:
        reasons.append(EscalationReason.VIP)
        floor = ladder.index_of(policy.vip_role)
    if complaint.major:
        reasons.append(EscalationReason.MAJOR)
    if any(complaint.is_repeat_of(h, window=policy.repeat_window) for h in history):
        reasons.append(EscalationReason.REPEAT)
    if seen.reopen_count:
        reasons.append(EscalationReason.REOPENED)
    if len(complaint.departments) > policy.department_limit:
        reasons.append(EscalationReason.DEPARTMENTS)
    climbs = sum(
        r in (EscalationReason.REPEAT, EscalationReason.REOPENED, EscalationReason.DEPARTMENTS)
        for r in reasons
    )

    def index(reached: int) -> int:
        return min(top, max(reached, floor) + climbs)

    current = index(elapsed)
    is_open = not seen.is_closed
    next_at: datetime | None = None
    next_step: EscalationStep | None = None
    if is_open:
        lifting = [
            (statuses[k].due_at, index(k))
            for k in range(elapsed + 1, top + 1)
            if index(k) > current and statuses[k].due_at is not None
        ]
        if lifting:
            at, goes_to = min(lifting, key=lambda pair: to_utc(pair[0]))  # type: ignore[arg-type]
            next_at, next_step = at, ladder.steps[goes_to]
    step = None if current < 0 else ladder.steps[current]
    notify: list[str] = []
    if is_open:
        if step is not None:
            notify.append(step.role)
        if complaint.major and policy.major_role not in notify:
            notify.append(policy.major_role)
    return EscalationStatus(
        complaint_id=complaint.id,
        as_of=as_of,
        is_open=is_open,
        level=current + 1,
        step=step,
        notify=tuple(notify),
        reasons=tuple(reasons),
        next_escalation_at=next_at,
        next_step=next_step,
        response=complaint.timeline.status(policy.response, calendar=calendar, as_of=as_of),
        reply=complaint.timeline.status(policy.reply, calendar=calendar, as_of=as_of),
        contact=_contact_status(
            complaint, every=policy.contact_every, calendar=calendar, as_of=as_of
        ),
        resolution=complaint.timeline.status(policy.resolution, calendar=calendar, as_of=as_of),
        revisit=complaint.timeline.status(policy.revisit, calendar=calendar, as_of=as_of),
    )


# -- the daily stock-take (每日盘点) ------------------------------------------------------


@attrs.frozen(kw_only=True)
class StockTakeRow:
    """One open complaint in the daily stock-take."""

    complaint: Complaint
    """The complaint."""
    status: EscalationStatus
    """Its escalation status."""

    @property
    def owner(self) -> str:
        """Who owns it (首问负责人), `"—"` if nobody was recorded."""
        return self.complaint.owner or "—"

    @property
    def step(self) -> str:
        """The current step's role, or `"—"`."""
        return "—" if self.status.step is None else self.status.step.role

    @property
    def overdue(self) -> tuple[str, ...]:
        """Labels of the milestones breached and still not done."""
        return tuple(
            s.milestone.label
            for s in self.status.milestones
            if s.state is MilestoneState.BREACHED and s.done_at is None
        )

    def cells(self) -> tuple[str, ...]:
        """The row as text cells: id, level, owner, step, notify, next deadline, overdue."""
        nxt = self.status.next_deadline
        return (
            self.complaint.id,
            self.complaint.level.value,
            self.owner,
            self.step,
            ", ".join(self.status.notify) or "—",
            "—" if nxt is None else f"{_when(nxt[1])} ({nxt[0]})",
            ", ".join(self.overdue) or "—",
        )


_STOCK_HEADER = ("complaint", "level", "owner", "step", "notify", "next deadline", "overdue")


@attrs.frozen(kw_only=True)
class StockTake:
    """The daily complaint stock-take (每日盘点): every open complaint as of an instant, with
    its owner, its step and its next deadline, the most urgent first."""

    as_of: datetime
    """The instant of the stock-take."""
    rows: tuple[StockTakeRow, ...]
    """One row per open complaint, by next deadline (none last), then id."""

    def to_text(self) -> str:
        """Plain text, one complaint a line."""
        head = f"Stock-take {_when(self.as_of)}: {len(self.rows)} open"
        lines = [head]
        for row in self.rows:
            cid, level, owner, step, notify, nxt, overdue = row.cells()
            lines.append(
                f"  {cid} [{level}] owner {owner}; step {step}; notify {notify}; "
                f"next {nxt}; overdue {overdue}"
            )
        return "\n".join(lines)

    def to_markdown(self) -> str:
        """A Markdown table."""
        head = f"**Stock-take {_when(self.as_of)}: {len(self.rows)} open**"
        return "\n".join([head, "", *_table(_STOCK_HEADER, [r.cells() for r in self.rows])])

    def _repr_html_(self) -> str:
        head = html.escape(f"Stock-take {_when(self.as_of)}: {len(self.rows)} open")
        table = _html_table(_STOCK_HEADER, [r.cells() for r in self.rows])
        return f"<div><strong>{head}</strong>{table}</div>"


def daily_stocktake(
    complaints: Iterable[Complaint],
    *,
    policy: ComplaintPolicy,
    calendar: WorkingCalendar,
    as_of: datetime,
) -> StockTake:
    """The stock-take of every complaint open as of *as_of* (the complaints themselves serve
    as the history for repeats).

    Raises:
        TypeError: wrong argument types.
        NaiveDatetimeError: *as_of* is naive.
    """
    _check_common(policy, calendar, as_of)
    items = _complaints(complaints)
    rows = [
        StockTakeRow(
            complaint=c,
            status=escalation_status(
                c, policy=policy, calendar=calendar, as_of=as_of, history=items
            ),
        )
        for c in items
        if c.is_open_at(as_of)
    ]

    def key(row: StockTakeRow) -> tuple[int, datetime, str]:
        nxt = row.status.next_deadline
        return (
            (0, to_utc(nxt[1]), row.complaint.id) if nxt else (1, to_utc(as_of), row.complaint.id)
        )

    return StockTake(as_of=as_of, rows=tuple(sorted(rows, key=key)))


def _complaints(value: Iterable[Complaint]) -> tuple[Complaint, ...]:
    items = to_tuple(value)
    for i, item in enumerate(items):
        check_type(f"complaints[{i}]", item, Complaint)
    return items
