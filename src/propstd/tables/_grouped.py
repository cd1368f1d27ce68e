"""The kinds whose records span rows: findings, complaints, repairs (private).

Each row is one event; the rows sharing an id make one record. The record's own fields are
given on its first row; later rows leave them blank or repeat them unchanged.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from typing import Any, Protocol, TypeVar

from propstd._repr import shown
from propstd.complaints import Channel, Complaint, ComplaintLevel
from propstd.errors import PropstdError
from propstd.findings import (
    Category,
    Finding,
    FindingEvent,
    FindingEventKind,
    Severity,
    VerificationResult,
)
from propstd.repairs import RepairCategory, RepairOrder
from propstd.tables._cells import (
    bool_cell,
    choice_cell,
    date_cell,
    decimal_cell,
    instant_cell,
    items_cell,
    text_cell,
)
from propstd.tables._layout import BAD, Col, Layout, Row, TableKind, col, value_or
from propstd.timelines import (
    EVENT_TYPES,
    Event,
    EventKind,
    Paused,
    PriorityChanged,
    Revisited,
    Timeline,
)

__all__: list[str] = []


class Reporter(Protocol):
    """Where a builder reports problems (the reader's collector)."""

    def cell(self, line: int, column: int | None, message: str) -> None:
        """A problem in the cell of *column* (an index of the layout) on *line*."""

    def error(self, line: int, exc: PropstdError) -> None:
        """A refusal by a record's constructor, placed at the column its `field` names."""


Rows = Sequence[tuple[int, Row]]
T = TypeVar("T")


def _built(line: int, out: Reporter, make: Callable[[], T]) -> T | None:
    """`make()`, or `None` with its refusal reported on *line*."""
    try:
        return make()
    except PropstdError as exc:
        out.error(line, exc)
        return None


def _same_on_later_rows(rows: Rows, fields: Sequence[int], out: Reporter, what: str) -> bool:
    """Whether every later row leaves the record's *fields* blank or repeats them."""
    first_line, first = rows[0]
    ok = True
    for line, v in rows[1:]:
        for j in fields:
            if v[j] is not None and v[j] is not BAD and first[j] is not BAD and v[j] != first[j]:
                was = "empty" if first[j] is None else shown(first[j])
                out.cell(
                    line,
                    j,
                    f"differs from the first row of {what} (line {first_line}: {was}), got "
                    f"{shown(v[j])}: give it on the first row only, or repeat it unchanged",
                )
                ok = False
    return ok


def _given_on_first_row(
    rows: Rows, fields: Sequence[int], cols: Sequence[Col], what: str, out: Reporter
) -> bool:
    line, first = rows[0]
    ok = True
    for j in fields:
        if first[j] is None:
            out.cell(line, j, f"empty: the first row of {what} must give its {cols[j].column.name}")
            ok = False
    return ok


# -- timelines (complaints and repairs) -------------------------------------------------------


def _event_columns() -> tuple[Col, ...]:
    """The event and at columns of a timeline table."""
    return (
        col(
            "event",
            "事件",
            choice_cell("event", EventKind),
            "What happened (`received`, `responded`, `arrived`, `paused`, ...); "
            "a table without this column holds one `received` row per record.",
            default="received",
            needs_value=True,
        ),
        col(
            "at",
            "时间",
            instant_cell(),
            "When it happened.",
            required=True,
            needs_value=True,
        ),
    )


def _extra_columns() -> tuple[Col, ...]:
    return (
        col("reason", "暂停原因", text_cell(), "Why the clock stopped (a `paused` row only)."),
        col("to", "变更为", text_cell(), "The new priority (a `priority_changed` row only)."),
        col(
            "satisfied",
            "是否满意",
            bool_cell(verdicts=True),
            "The customer's verdict (a `revisited` row only); empty: not given.",
        ),
    )


_EXTRA_KIND = (EventKind.PAUSED, EventKind.PRIORITY_CHANGED, EventKind.REVISITED)


def _timeline_event(line: int, v: Row, at: int, extra: int, out: Reporter) -> Event | None:
    """The event of one row; the columns are event (`at - 1`), at, and three extras."""
    if any(v[j] is BAD for j in (at - 1, at, extra, extra + 1, extra + 2)):
        return None  # a cell of the event could not be read (reported)
    kind = value_or(v[at - 1], EventKind.RECEIVED)
    ok = True
    for j, wanted in enumerate(_EXTRA_KIND, start=extra):
        if v[j] is not None and kind is not wanted:
            out.cell(
                line, j, f"only a {wanted.value} row has this, a {kind.value} row has {shown(v[j])}"
            )
            ok = False
    if kind is EventKind.PAUSED and v[extra] is None:
        out.cell(line, extra, "empty: a paused row must give the reason")
        ok = False
    if kind is EventKind.PRIORITY_CHANGED and v[extra + 1] is None:
        out.cell(line, extra + 1, "empty: a priority_changed row must give the new priority")
        ok = False
    if not ok:
        return None
    # Paused(at, reason), PriorityChanged(at, to), Revisited(at, satisfied), Closed(at) ...
    args = [v[j] for j, wanted in enumerate(_EXTRA_KIND, start=extra) if wanted is kind]
    return _built(line, out, lambda: EVENT_TYPES[kind](v[at], *args))


def _failing_prefix(build: Callable[[int], object], n: int) -> tuple[int, PropstdError]:
    """The first k in 0..n-1 for which `build(k)` fails, and its error (`build(n - 1)` fails)."""
    for k in range(n):
        try:
            build(k)
        except PropstdError as exc:
            return k, exc
    msg = "the whole failed, so a prefix must"  # pragma: no cover - build(n - 1) fails
    raise AssertionError(msg)  # pragma: no cover


def _timeline(rows: Rows, events: list[Event], event_col: int, out: Reporter) -> Timeline | None:
    try:
        return Timeline(events)
    except PropstdError:
        bad, exc = _failing_prefix(lambda k: Timeline(events[: k + 1]), len(events))
        out.cell(rows[bad][0], event_col, exc.message)
        return None


def _events(rows: Rows, at: int, extra: int, what: str, out: Reporter) -> list[Event] | None:
    events = [_timeline_event(line, v, at, extra, out) for line, v in rows]
    line, _first = rows[0]
    if events[0] is not None and events[0].kind is not EventKind.RECEIVED:
        out.cell(
            line,
            at - 1,
            f"the first row of {what} must be its received event, got {events[0].kind.value}",
        )
        return None
    found = [e for e in events if e is not None]
    return found if len(found) == len(events) else None


def _timeline_rows(key: str, timeline: Timeline, fields: list[Any], n: int) -> Iterator[Row]:
    """The rows of a timeline table of *n* columns: the three event extras come last."""
    extra = n - 3
    for i, event in enumerate(timeline.events):
        row: Row = [None] * n
        row[0], row[1], row[2] = key, event.kind, event.at
        if i == 0:
            row[3 : 3 + len(fields)] = fields
        if isinstance(event, Paused):
            row[extra] = event.reason
        elif isinstance(event, PriorityChanged):
            row[extra + 1] = event.to
        elif isinstance(event, Revisited):
            row[extra + 2] = event.satisfied
        yield row


# -- complaints ---------------------------------------------------------------------------

COMPLAINT_COLUMNS = (
    col(
        "id",
        "投诉编号",
        text_cell(),
        "The complaint's register number.",
        required=True,
        needs_value=True,
    ),
    *_event_columns(),
    col("channel", "投诉渠道", choice_cell("channel", Channel), "How it arrived (first row)."),
    col(
        "level", "投诉级别", choice_cell("level", ComplaintLevel), "不满, 抱怨 or 责令 (first row)."
    ),
    col("vip", "贵宾", bool_cell(), "Whether the customer is a VIP (first row).", default="no"),
    col(
        "major",
        "重大投诉",
        bool_cell(),
        "Whether it is a major complaint (first row).",
        default="no",
    ),
    col(
        "departments",
        "处理部门",
        items_cell(),
        "The departments handling it, separated by `;` (first row).",
        default="none",
    ),
    col("customer", "投诉人", text_cell(), "Who complained (household, unit) (first row)."),
    col("topic", "投诉事项", text_cell(), "What it is about (first row)."),
    col("owner", "首问责任人", text_cell(), "Who received it and owns it (first row)."),
    *_extra_columns(),
)


def _checked_timeline(
    rows: Rows,
    out: Reporter,
    *,
    whole: bool,
    cols: Sequence[Col],
    needed: Sequence[int],
    what: str,
) -> Timeline | None:
    """The timeline of a complaint's or an order's rows, after checking them all.

    The record's own columns run from 3 to the three event extras at the end; *needed* of
    them must be given on the first row. `None` when a problem was found (reported).
    """
    extra = len(cols) - 3
    ok = _same_on_later_rows(rows, range(3, extra), out, what)
    ok = _given_on_first_row(rows, needed, cols, what, out) and ok
    events = _events(rows, 2, extra, what, out)
    if not (ok and whole) or events is None:
        return None
    return _timeline(rows, events, 1, out)


def _complaint(rows: Rows, out: Reporter, *, whole: bool) -> Complaint | None:
    line, first = rows[0]
    what = f"complaint {first[0]!r}"
    timeline = _checked_timeline(
        rows, out, whole=whole, cols=COMPLAINT_COLUMNS, needed=(3, 4), what=what
    )
    if timeline is None:
        return None
    return _built(
        line,
        out,
        lambda: Complaint(
            first[0],
            timeline.received_at,
            first[3],
            first[4],
            vip=value_or(first[5], default=False),
            major=value_or(first[6], default=False),
            departments=value_or(first[7], ()),
            customer=value_or(first[8], ""),
            topic=value_or(first[9], ""),
            owner=value_or(first[10], ""),
            timeline=timeline,
        ),
    )


def _complaint_rows(c: Complaint) -> Iterator[Row]:
    fields = [
        c.channel,
        c.level,
        c.vip,
        c.major,
        c.departments or None,
        c.customer,
        c.topic,
        c.owner,
    ]
    return _timeline_rows(c.id, c.timeline, fields, len(COMPLAINT_COLUMNS))


COMPLAINTS = Layout(
    TableKind.COMPLAINTS, COMPLAINT_COLUMNS, None, _complaint, _complaint_rows, Complaint, key=0
)

# -- repairs ----------------------------------------------------------------------------------

REPAIR_COLUMNS = (
    col("id", "工单编号", text_cell(), "The order number.", required=True, needs_value=True),
    *_event_columns(),
    col(
        "category",
        "维修类别",
        choice_cell("category", RepairCategory),
        "急修, 一般维修 or 预约维修 (first row).",
    ),
    col("unit", "房号", text_cell(), "The unit or place repaired (first row)."),
    col("technician", "维修人", text_cell(), "Who did the work (first row)."),
    col(
        "rework_of",
        "返修原单",
        text_cell(),
        "The order whose work this order redoes (返修), if any (first row).",
    ),
    col("warranty_until", "保修截止", date_cell(), "The last day of the warranty (first row)."),
    col(
        "appointment",
        "预约时间",
        instant_cell(),
        "The agreed instant of a scheduled order (first row).",
    ),
    *_extra_columns(),
)


def _repair(rows: Rows, out: Reporter, *, whole: bool) -> RepairOrder | None:
    line, first = rows[0]
    what = f"order {first[0]!r}"
    timeline = _checked_timeline(
        rows, out, whole=whole, cols=REPAIR_COLUMNS, needed=(3,), what=what
    )
    if timeline is None:
        return None
    return _built(
        line,
        out,
        lambda: RepairOrder(
            first[0],
            first[3],
            timeline,
            unit=value_or(first[4], ""),
            technician=value_or(first[5], ""),
            rework_of=first[6],
            warranty_until=first[7],
            appointment=first[8],
        ),
    )


def _repair_rows(r: RepairOrder) -> Iterator[Row]:
    fields = [r.category, r.unit, r.technician, r.rework_of, r.warranty_until, r.appointment]
    return _timeline_rows(r.id, r.timeline, fields, len(REPAIR_COLUMNS))


REPAIRS = Layout(TableKind.REPAIRS, REPAIR_COLUMNS, None, _repair, _repair_rows, RepairOrder, key=0)

# -- findings -------------------------------------------------------------------------------

FINDING_COLUMNS = (
    col(
        "id", "问题编号", text_cell(), "The finding's identifier.", required=True, needs_value=True
    ),
    col("item_code", "检查项目代码", text_cell(), "The check item it was found on."),
    col("category", "问题类别", choice_cell("category", Category), "建议项, 整改项 or 扣分项."),
    col("severity", "严重程度", choice_cell("severity", Severity), "严重, 一般 or 轻微."),
    col("description", "问题描述", text_cell(), "What was found."),
    col("found_at", "发现时间", instant_cell(), "When it was found."),
    col("found_by", "发现人", text_cell(), "Who found it."),
    col("location", "位置", text_cell(), "Where (tower, floor, room)."),
    col("owner", "责任人", text_cell(), "Who must rectify it."),
    col("department", "责任部门", text_cell(), "The department responsible."),
    col("points", "扣分", decimal_cell(), "Points deducted (deduction items only).", default="0"),
    col("rectify_by", "整改期限", instant_cell(), "The rectification deadline."),
    col("verify_on", "验证日期", date_cell(), "The date of the second verification."),
    col(
        "event",
        "事件",
        choice_cell("event", FindingEventKind),
        "Empty on the finding's own (first) row; on each later row the event: "
        "`rectification`, `verification`, `reopening` or `cancellation`.",
    ),
    col("at", "事件时间", instant_cell(), "When the event happened."),
    col("by", "经办人", text_cell(), "Who did it (the rectifier, the verifier ...)."),
    col("note", "备注", text_cell(), "A remark; for a reopening or cancellation, the reason."),
    col(
        "result",
        "验证结果",
        choice_cell("result", VerificationResult),
        "`passed` or `failed` (a verification only).",
    ),
)
_F_FIELDS = tuple(range(1, 13))
_F_NEEDED = (1, 2, 3, 4, 5, 6, 11, 12)
_F_EVENT = 13


def _finding_event(line: int, v: Row, what: str, out: Reporter) -> FindingEvent | None:
    if any(x is BAD for x in v[_F_EVENT:]):
        return None  # a cell of the event could not be read (reported)
    if v[_F_EVENT] is None:
        out.cell(line, _F_EVENT, f"empty: each row of {what} after the first must give its event")
        return None
    missing = [j for j in (14, 15) if v[j] is None]
    for j in missing:
        out.cell(line, j, f"empty: a {v[_F_EVENT].value} row must give it")
    if missing:
        return None
    try:
        return FindingEvent(
            kind=v[_F_EVENT], at=v[14], by=v[15], note=value_or(v[16], ""), result=v[17]
        )
    except PropstdError as exc:
        out.error(line, exc)
        return None


def _finding_row_has_no_event(line: int, v: Row, what: str, out: Reporter) -> bool:
    given = [
        j for j in range(_F_EVENT, len(FINDING_COLUMNS)) if v[j] is not None and v[j] is not BAD
    ]
    for j in given:
        out.cell(
            line,
            j,
            f"the first row of {what} is the finding itself: leave the event "
            f"columns empty and give each event on a row of its own",
        )
    return not given


def _finding(rows: Rows, out: Reporter, *, whole: bool) -> Finding | None:
    line, first = rows[0]
    what = f"finding {first[0]!r}"
    ok = _same_on_later_rows(rows, _F_FIELDS, out, what)
    ok = _given_on_first_row(rows, _F_NEEDED, FINDING_COLUMNS, what, out) and ok
    ok = _finding_row_has_no_event(line, first, what, out) and ok
    maybe = [_finding_event(n, v, what, out) for n, v in rows[1:]]
    events = [e for e in maybe if e is not None]
    if not (ok and whole) or len(events) < len(maybe):
        return None

    def make(k: int) -> Finding:
        return Finding(
            first[0],
            first[1],
            first[2],
            first[3],
            first[4],
            first[5],
            first[6],
            location=value_or(first[7], ""),
            owner=value_or(first[8], ""),
            department=value_or(first[9], ""),
            points=value_or(first[10], Decimal(0)),
            rectify_by=first[11],
            verify_on=first[12],
            events=events[:k],
        )

    try:
        return make(len(events))
    except PropstdError:
        bad, exc = _failing_prefix(make, len(events) + 1)
        if bad == 0:
            out.error(line, exc)  # the finding itself, before any event
        else:
            out.cell(rows[bad][0], _F_EVENT, exc.message)
        return None


def _finding_rows(f: Finding) -> Iterator[Row]:
    n = len(FINDING_COLUMNS)
    yield [
        f.id,
        f.item_code,
        f.category,
        f.severity,
        f.description,
        f.found_at,
        f.found_by,
        f.location,
        f.owner,
        f.department,
        f.points,
        f.rectify_by,
        f.verify_on,
        *([None] * (n - _F_EVENT)),
    ]
    for e in f.events:
        yield [f.id, *([None] * (_F_EVENT - 1)), e.kind, e.at, e.by, e.note, e.result]


FINDINGS = Layout(
    TableKind.FINDINGS, FINDING_COLUMNS, None, _finding, _finding_rows, Finding, key=0
)
