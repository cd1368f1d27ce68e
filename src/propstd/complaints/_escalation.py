"""Escalation status of one complaint (private; see propstd.complaints)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import datetime

import attrs

from propstd._table import Column, Rendered, Table
from propstd._time import ZERO, to_utc
from propstd._validators import check_type
from propstd.calendars import WorkingCalendar
from propstd.complaints._policy import (
    MILESTONE_RULES,
    REASONS,
    ComplaintPolicy,
    EscalationLadder,
    EscalationStep,
    check_common,
)
from propstd.complaints._records import Complaint, EscalationReason, check_complaints
from propstd.errors import InvalidValueError
from propstd.timelines import MilestoneRow, MilestoneState, MilestoneStatus, Timeline


def unjudged_row(label: str) -> MilestoneRow:
    """The row of a milestone the policy sets no limit for: not applicable, no limit."""
    return MilestoneRow(
        milestone=label,
        limit="",
        state=MilestoneState.NOT_APPLICABLE,
        due_at=None,
        done_at=None,
        remaining=ZERO,
        overrun=ZERO,
        paused=ZERO,
    )


__all__: list[str] = []


def when(t: datetime | None) -> str:
    """An instant as `2025-03-10 09:00` (in its own zone: results are in the calendar's)."""
    return "—" if t is None else t.strftime("%Y-%m-%d %H:%M")


@attrs.frozen(kw_only=True, repr=False)
class EscalationStatus(Rendered):
    """Where one complaint stands on the ladder as of an instant, and why.

    `level` is 0 while no step applies (`step` is then `None`), else the 1-based step number.
    `notify` lists the roles to tell now: the step's role, for a VIP complaint the policy's
    VIP role when it is not a ladder role, and for a major complaint the policy's major role;
    it is empty once the complaint is closed. `next_escalation_at` is the instant *after
    which* the elapsed time alone lifts the complaint a step (`None` at the top of the ladder,
    with no ladder, or once closed). Instants are in the calendar's zone.

    A milestone the policy does not set is `None` here (not judged: its row is
    `not_applicable`), and `not_judged` says why, for it and for every other check the
    policy's unset rules leave out.

    `print(status)` shows the milestones as a table (`to_text()`, `to_markdown()`,
    `to_html()`); `rows()` gives the typed rows behind it.
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
    response: MilestoneStatus | None
    """Response within the policy's limit (`None`: no limit in the policy)."""
    reply: MilestoneStatus | None
    """Same-day reply (`None`: no limit in the policy)."""
    contact: MilestoneStatus | None
    """The current progress-call interval (`None`: no cadence in the policy)."""
    resolution: MilestoneStatus | None
    """Resolution (`None`: no limit in the policy)."""
    revisit: MilestoneStatus | None
    """Return visit after closing (`None`: no limit in the policy)."""
    not_judged: tuple[str, ...] = ()
    """What was not judged for want of a rule, and why, one line each
    (`"response: no response limit in the policy"`)."""

    @property
    def escalated(self) -> bool:
        """Whether any step applies."""
        return self.level > 0

    @property
    def role(self) -> str | None:
        """The first role to tell now, or `None`."""
        return self.notify[0] if self.notify else None

    def _slots(self) -> tuple[tuple[str, MilestoneStatus | None], ...]:
        statuses = (self.response, self.reply, self.contact, self.resolution, self.revisit)
        return tuple(
            (label, s) for (label, _rule), s in zip(MILESTONE_RULES, statuses, strict=True)
        )

    @property
    def milestones(self) -> tuple[MilestoneStatus, ...]:
        """Response, reply, contact, resolution, revisit: those judged (set in the policy)."""
        return tuple(s for _label, s in self._slots() if s is not None)

    @property
    def overdue(self) -> tuple[str, ...]:
        """Labels of the milestones past their deadline and still not done."""
        return tuple(s.milestone.label for s in self.milestones if s.is_overdue)

    @property
    def is_overdue(self) -> bool:
        """Whether any milestone is past its deadline and still not done."""
        return bool(self.overdue)

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

    def rows(self) -> tuple[MilestoneRow, ...]:
        """The milestones as typed rows: response, reply, contact, resolution, revisit (one
        the policy does not set is `not_applicable`, with no limit)."""
        return tuple(unjudged_row(label) if s is None else s.row() for label, s in self._slots())

    def summary(self) -> tuple[str, ...]:
        """The step, the reasons, who to notify and the next escalation, one fact a line."""
        step = "not escalated" if self.step is None else f"step {self.level}: {self.step}"
        reasons = ", ".join(r.value for r in self.reasons) or "none"
        lines = [f"{step}; reasons: {reasons}", f"notify: {', '.join(self.notify) or '—'}"]
        if self.next_escalation_at is not None and self.next_step is not None:
            lines.append(
                f"next escalation after {when(self.next_escalation_at)} → {self.next_step.role}"
            )
        return tuple(lines)

    def _table(self) -> Table:
        closed = "" if self.is_open else " (closed)"
        return Table(
            title=f"Complaint {self.complaint_id} as of {when(self.as_of)}{closed}",
            columns=tuple(Column(h) for h in MilestoneRow.headings),
            rows=tuple(r.cells() for r in self.rows()),
            row_classes=tuple(
                "overdue" if s is not None and s.is_overdue else "" for _label, s in self._slots()
            ),
            notes=(*self.summary(), *(f"not judged — {line}" for line in self.not_judged)),
        )

    def __repr__(self) -> str:
        return (
            f"EscalationStatus({self.complaint_id!r}, level={self.level}, "
            f"notify={self.notify!r}, as_of={self.as_of.isoformat()!r})"
        )


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
    once, and a VIP complaint whose VIP role is not a ladder step adds that role. While open,
    the step never goes down as `as_of` grows.

    A rule the policy leaves unset is not applied and not guessed: without a ladder there are
    no steps (level 0; the reasons are still given), without a repeat window or a department
    limit that reason is not looked for, and a milestone without a limit is `None`; the
    status's `not_judged` lists each, with why.

    Raises:
        TypeError: wrong argument types.
        NaiveDatetimeError: *as_of* is naive.
        InvalidValueError: *as_of* is before the complaint was received.
        CalendarCoverageError: the calendar has no data for an instant involved.
    """
    check_type("complaint", complaint, Complaint)
    as_of = check_common(policy, calendar, as_of)
    seen = complaint.timeline.until(as_of)
    if seen is None:
        msg = (
            f"'as_of' {as_of.isoformat()} is before complaint {complaint.id!r} was received "
            f"({complaint.received_at.isoformat()})"
        )
        raise InvalidValueError(msg, field="as_of", value=as_of)
    ladder = policy.ladder
    steps = (
        ()
        if ladder is None
        else ladder.statuses(complaint.timeline, calendar=calendar, as_of=as_of)
    )
    elapsed = max(
        (i for i, s in enumerate(steps) if s.state is MilestoneState.BREACHED), default=-1
    )
    reasons = _reasons(complaint, seen, policy, check_complaints(history, name="history"))
    if elapsed >= 0:
        reasons = (EscalationReason.ELAPSED, *reasons)
    index = _climber(complaint, policy, reasons)
    current = index(elapsed)
    is_open = not seen.is_closed
    step = None if ladder is None or current < 0 else ladder.steps[current]
    next_at, next_step = (
        _next_escalation(steps, elapsed, current, index, ladder)
        if is_open and ladder is not None
        else (None, None)
    )
    response, reply, contact, resolution, revisit = policy._statuses(
        complaint.timeline, calendar=calendar, as_of=as_of
    )
    return EscalationStatus(
        complaint_id=complaint.id,
        as_of=as_of,
        is_open=is_open,
        level=current + 1,
        step=step,
        notify=_notify(complaint, policy, step) if is_open else (),
        reasons=reasons,
        next_escalation_at=next_at,
        next_step=next_step,
        response=response,
        reply=reply,
        contact=contact,
        resolution=resolution,
        revisit=revisit,
        not_judged=_not_judged(complaint, policy),
    )


# The triggers that climb one step each (VIP sets a floor instead; major notifies at once).
_CLIMBS = frozenset(
    {EscalationReason.REPEAT, EscalationReason.REOPENED, EscalationReason.DEPARTMENTS}
)


def _reasons(
    complaint: Complaint, seen: Timeline, policy: ComplaintPolicy, history: Sequence[Complaint]
) -> tuple[EscalationReason, ...]:
    """Every trigger but the elapsed time, in `EscalationReason` order (a repeat and too many
    departments only where the policy sets their rule)."""
    window, limit = policy.repeat_window, policy.department_limit
    found = {
        EscalationReason.VIP: complaint.vip,
        EscalationReason.MAJOR: complaint.major,
        EscalationReason.REPEAT: window is not None
        and any(complaint.is_repeat_of(h, window=window) for h in history),
        EscalationReason.REOPENED: seen.reopen_count > 0,
        EscalationReason.DEPARTMENTS: limit is not None and len(complaint.departments) > limit,
    }
    return tuple(r for r in EscalationReason if found.get(r, False))


def _climber(
    complaint: Complaint, policy: ComplaintPolicy, reasons: tuple[EscalationReason, ...]
) -> Callable[[int], int]:
    """The step index (-1 = none) the complaint stands at when time alone reached *reached*
    (always -1 without a ladder)."""
    top = -1 if policy.ladder is None else len(policy.ladder) - 1
    start = policy.vip_step
    floor = start if complaint.vip and start is not None else -1
    climbs = sum(r in _CLIMBS for r in reasons)

    def index(reached: int) -> int:
        return min(top, max(reached, floor) + climbs)

    return index


def _next_escalation(
    steps: Sequence[MilestoneStatus],
    elapsed: int,
    current: int,
    index: Callable[[int], int],
    ladder: EscalationLadder,
) -> tuple[datetime | None, EscalationStep | None]:
    """The earliest instant after which time alone lifts the complaint, and the step then."""
    lifting = [
        (due, index(k))
        for k in range(elapsed + 1, len(steps))
        if index(k) > current and (due := steps[k].due_at) is not None
    ]
    if not lifting:
        return None, None
    at, goes_to = min(lifting, key=lambda pair: to_utc(pair[0]))
    return at, ladder.steps[goes_to]


def _notify(
    complaint: Complaint, policy: ComplaintPolicy, step: EscalationStep | None
) -> tuple[str, ...]:
    """The roles to tell now: the step's; for a VIP complaint the VIP role when it is not a
    ladder step (the one who follows it personally); for a major complaint the major role."""
    roles = [] if step is None else [step.role]
    vip = policy.vip_role if complaint.vip and policy.vip_step is None else None
    major = policy.major_role if complaint.major else None
    for role in (vip, major):
        if role is not None and role not in roles:
            roles.append(role)
    return tuple(roles)


def _not_judged(complaint: Complaint, policy: ComplaintPolicy) -> tuple[str, ...]:
    """What the policy's unset rules leave unjudged for *complaint*, one line each."""
    checks = [
        ("escalation by elapsed time", "ladder"),
        *MILESTONE_RULES,
        ("repeat check", "repeat_window"),
        ("department check", "department_limit"),
    ]
    if complaint.vip:
        checks.append(("VIP follow-up", "vip_role"))
    if complaint.major:
        checks.append(("major-complaint report", "major_role"))
    unset = policy.unset
    return tuple(f"{what}: {REASONS[rule]}" for what, rule in checks if rule in unset)
