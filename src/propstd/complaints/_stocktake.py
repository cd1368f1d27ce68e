"""The daily complaint stock-take, 每日盘点 (private; see propstd.complaints)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

import attrs

from propstd._table import Column, Rendered, Table
from propstd._time import to_utc
from propstd.calendars import WorkingCalendar
from propstd.complaints._escalation import EscalationStatus, escalation_status, when
from propstd.complaints._policy import ComplaintPolicy, check_common
from propstd.complaints._records import Complaint, ComplaintLevel, check_complaints

__all__: list[str] = []


@attrs.frozen(kw_only=True)
class StockTakeRow:
    """One open complaint of the stock-take as a flat, typed row (the row behind its table).

    Empty strings stand for "none" (no owner recorded, not escalated, nothing overdue).
    """

    complaint_id: str
    """The complaint."""
    level: ComplaintLevel
    """不满, 抱怨 or 责令."""
    owner: str
    """Who owns it (首问负责人)."""
    step: str
    """The current step's role."""
    notify: str
    """The roles to tell now, comma-separated."""
    next_deadline: datetime | None
    """The earliest instant someone must act by (calendar's zone), or `None`."""
    next_action: str
    """What is due then (`"resolution"`, `"escalation to 区域总监"`)."""
    overdue: str
    """The milestones past their deadline and not done, comma-separated."""

    def cells(self) -> tuple[str, ...]:
        """The row as text cells (`—` for none), in the stock-take's column order."""
        nxt = (
            "" if self.next_deadline is None else f"{when(self.next_deadline)} ({self.next_action})"
        )
        texts = (
            self.complaint_id,
            f"{self.level.value} {self.level.label_zh}",
            self.owner,
            self.step,
            self.notify,
            nxt,
            self.overdue,
        )
        return tuple(text or "—" for text in texts)


_HEADINGS = ("complaint", "level", "owner", "step", "notify", "next deadline", "overdue")


@attrs.frozen(kw_only=True)
class StockTakeEntry:
    """One open complaint of the stock-take with its escalation status."""

    complaint: Complaint
    """The complaint."""
    status: EscalationStatus
    """Its escalation status."""

    @property
    def owner(self) -> str:
        """Who owns it (首问负责人), `""` if nobody was recorded."""
        return self.complaint.owner

    @property
    def step(self) -> str:
        """The current step's role, or `""`."""
        return "" if self.status.step is None else self.status.step.role

    @property
    def overdue(self) -> tuple[str, ...]:
        """Labels of the milestones past their deadline and still not done."""
        return self.status.overdue

    def row(self) -> StockTakeRow:
        """The entry as a flat, typed row."""
        nxt = self.status.next_deadline
        return StockTakeRow(
            complaint_id=self.complaint.id,
            level=self.complaint.level,
            owner=self.owner,
            step=self.step,
            notify=", ".join(self.status.notify),
            next_deadline=None if nxt is None else nxt[1],
            next_action="" if nxt is None else nxt[0],
            overdue=", ".join(self.overdue),
        )


@attrs.frozen(kw_only=True, repr=False)
class StockTake(Rendered):
    """The daily complaint stock-take (每日盘点): every open complaint as of an instant, with
    its owner, its step and its next deadline, the most urgent first.

    `print(take)` shows the table; `rows()` gives its typed rows; `entries` keeps each
    complaint with its full [EscalationStatus][propstd.complaints.EscalationStatus].
    """

    as_of: datetime
    """The instant of the stock-take (in the calendar's zone)."""
    entries: tuple[StockTakeEntry, ...]
    """One entry per open complaint, by next deadline (none last), then id."""

    @property
    def day(self) -> date:
        """The date of the stock-take in the calendar's zone."""
        return self.as_of.date()

    def __len__(self) -> int:
        return len(self.entries)

    def rows(self) -> tuple[StockTakeRow, ...]:
        """One typed row per open complaint, in the stock-take's order."""
        return tuple(e.row() for e in self.entries)

    def _table(self) -> Table:
        return Table(
            title=f"Stock-take {when(self.as_of)}: {len(self.entries)} open",
            columns=tuple(Column(h) for h in _HEADINGS),
            rows=tuple(r.cells() for r in self.rows()),
            row_classes=tuple("overdue" if e.status.is_overdue else "" for e in self.entries),
        )

    def __repr__(self) -> str:
        return f"StockTake(as_of={self.as_of.isoformat()!r}, open={len(self.entries)})"


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
    as_of = check_common(policy, calendar, as_of)
    items = check_complaints(complaints)
    entries = [
        StockTakeEntry(
            complaint=c,
            status=escalation_status(
                c, policy=policy, calendar=calendar, as_of=as_of, history=items
            ),
        )
        for c in items
        if c.is_open(as_of)
    ]

    def key(entry: StockTakeEntry) -> tuple[int, datetime, str]:
        nxt = entry.status.next_deadline
        if nxt is None:
            return (1, to_utc(as_of), entry.complaint.id)
        return (0, to_utc(nxt[1]), entry.complaint.id)

    return StockTake(as_of=as_of, entries=tuple(sorted(entries, key=key)))
