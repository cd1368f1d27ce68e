"""Records from the tables a property company already keeps (CSV, JSON Lines) and back.

Pure: text in, records out, no files. Each reader takes the whole text (`str`, or UTF-8
`bytes`) or its lines (an open file, any iterable of `str` or `bytes`) and returns a tuple of
records, or raises **one** [InvalidDataError][propstd.errors.InvalidDataError] that lists
every bad row as `line N, column C: what is wrong, what was found` (at most 100 listed, then
a count). Each problem is a [Problem][propstd.errors.Problem] with `line` and `column`.

- **CSV**: UTF-8 with or without a byte-order mark (Excel's "CSV UTF-8"), comma- or
  tab-separated (detected from the header), header row required. A header cell names a
  column in English (`item_code`) or by its Chinese heading (`检查项目代码`). Line numbers
  count the header as line 1 (a quoted cell spanning lines counts each line). Empty lines and
  rows whose cells are all empty are skipped.
- **JSON Lines**: one JSON object a line, keyed by column name; line 1 is the first line.
  Numbers with a fraction are floats and refused where a value is exact (write `"12.50"`).
- **Instants** carry a UTC offset (`2025-03-03T09:00+08:00`); one without an offset
  (`2025-03-03 09:00`, `2025/3/3 9:00`) is read as wall-clock time in `zone` (the calendar's
  zone), and is a problem when no zone is given or the time is ambiguous or skipped there.
- **Words** of a vocabulary (category, channel, level, event ...) read through the one shared
  coercion: the English value or the Chinese word (`整改项`, `电话`).

Survey questionnaires take one row each and one column per service item, headed by the
item's name (`read_survey_responses`).

Every `read_*` has an iterator variant `iter_*` whose memory does not grow with the table: it
yields records as it reads and raises the `InvalidDataError` at the end, if a row was bad.
Findings, complaints and repairs take one event per row; `read_*` groups the rows by id
wherever they are, `iter_*` needs each record's rows together (consecutive lines). Each
`write_*` writes the same formats, and what it writes reads back equal.
[row_schema][propstd.tables.row_schema] gives the JSON Schema of a row for JSON Lines.

Examples:
    >>> text = '''检查项目代码,检查时间,检查人,抽样数,证据
    ... SEC-01,2025-03-03 09:00,赵强,3,IMG-0301
    ... SEC-02,2025-03-03T21:00+08:00,赵强,1,
    ... '''
    >>> records = read_checks(text, zone="Asia/Shanghai")
    >>> [(r.item_code, r.at.isoformat(), r.is_traceable()) for r in records]
    [('SEC-01', '2025-03-03T09:00:00+08:00', True), ('SEC-02', '2025-03-03T21:00:00+08:00', False)]
    >>> read_checks(write_checks(records)) == records
    True
    >>> read_checks("item_code,at,inspector\\nSEC-01,2025-03-03 09:00,Zhao\\n")
    Traceback (most recent call last):
    ...
    propstd.errors.InvalidDataError: cannot read checks: 1 problem
      line 2, column at: the time '2025-03-03 09:00' has no UTC offset and no zone was given: add the offset ('+08:00') or pass zone= (the calendar's zone)
"""  # noqa: E501

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import Any

from propstd._time import zone as _zone_of
from propstd._vocab import to_member
from propstd.budgets import Actual
from propstd.complaints import Complaint
from propstd.errors import InvalidValueError
from propstd.findings import Finding
from propstd.inspections import CheckRecord
from propstd.repairs import RepairOrder
from propstd.routines import RoutineEntry
from propstd.surveys import SurveyResponse
from propstd.tables import _read, _write
from propstd.tables._cells import Context
from propstd.tables._grouped import COMPLAINTS, FINDINGS, REPAIRS
from propstd.tables._layout import Column, Layout, TableKind
from propstd.tables._read import Source
from propstd.tables._single import ACTUALS, CHECKS, COLLECTIONS, ROUTINE_LOG, Collection
from propstd.tables._surveys import SURVEY_RESPONSES

__all__ = [
    "Collection",
    "Column",
    "TableKind",
    "columns",
    "iter_actuals",
    "iter_checks",
    "iter_collections",
    "iter_complaints",
    "iter_findings",
    "iter_records",
    "iter_repairs",
    "iter_routine_log",
    "iter_survey_responses",
    "read_actuals",
    "read_checks",
    "read_collections",
    "read_complaints",
    "read_findings",
    "read_records",
    "read_repairs",
    "read_routine_log",
    "read_rows",
    "read_survey_responses",
    "row_schema",
    "write_actuals",
    "write_checks",
    "write_collections",
    "write_complaints",
    "write_findings",
    "write_lines",
    "write_records",
    "write_repairs",
    "write_routine_log",
    "write_survey_responses",
]


def __dir__() -> list[str]:
    return __all__


_LAYOUTS: Mapping[TableKind, Layout] = MappingProxyType(
    {
        layout.kind: layout
        for layout in (
            CHECKS,
            FINDINGS,
            COMPLAINTS,
            REPAIRS,
            ACTUALS,
            COLLECTIONS,
            SURVEY_RESPONSES,
            ROUTINE_LOG,
        )
    }
)
_FORMATS = ("csv", "jsonl")
_HEADINGS = ("en", "zh")


def _layout(kind: TableKind | str) -> Layout:
    return _LAYOUTS[to_member("kind", TableKind, kind)]


def _choice(name: str, value: object, allowed: tuple[str, ...]) -> str:
    if isinstance(value, str) and value.strip().casefold() in allowed:
        return value.strip().casefold()
    msg = f"{name!r} must be one of {', '.join(map(repr, allowed))}, got {value!r}"
    raise InvalidValueError(msg, field=name, value=value)


def _context(zone: str | None) -> Context:
    return Context(None if zone is None else _zone_of(zone), zone)


def _records(
    layout: Layout, source: Source, fmt: str, zone: str | None, *, streaming: bool
) -> Iterator[Any]:
    fmt = _choice("format", fmt, _FORMATS)
    ctx = _context(zone)
    sink = _read.Sink(layout)
    lines = _read.lines_of(source, sink)
    if fmt == "csv" and layout.build is not None:  # the fast path of the big tables
        return _read.csv_single_records(lines, layout, ctx, sink)
    return _run(layout, lines, fmt, ctx, sink, streaming=streaming)


def _run(
    layout: Layout,
    lines: Iterator[str],
    fmt: str,
    ctx: Context,
    sink: _read.Sink,
    *,
    streaming: bool,
) -> Iterator[Any]:
    parse = _read.csv_rows if fmt == "csv" else _read.jsonl_rows
    rows = parse(lines, layout, ctx, sink)
    if layout.build is not None:
        yield from _read.single_records(rows, layout, sink)
    elif streaming:
        yield from _read.consecutive_records(rows, layout, sink)
    else:
        yield from _read.grouped_records(rows, layout, sink)
    sink.raise_if_any()


# -- generic ----------------------------------------------------------------------------------


def columns(kind: TableKind | str) -> tuple[Column, ...]:
    """The columns of a *kind* of table, in the order `write_*` writes them.

    Examples:
        >>> [(c.name, c.heading_zh, c.required) for c in columns("checks")][:2]
        [('item_code', '检查项目代码', True), ('at', '检查时间', True)]

    Raises:
        InvalidValueError: *kind* names no kind of table.
    """
    return _layout(kind).columns


def row_schema(kind: TableKind | str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one JSON Lines row of a *kind* of table.

    It describes the rows `write_*` writes: English keys, empty cells left out, canonical
    values. Readers accept more (Chinese headings and words, `null` for an empty cell).

    Raises:
        InvalidValueError: *kind* names no kind of table.

    Examples:
        >>> schema = row_schema("checks")
        >>> schema["required"], schema["properties"]["samples"]["type"]
        (['item_code', 'at'], 'integer')
    """
    return _write.row_schema(_layout(kind))


def read_records(
    kind: TableKind | str,
    text: Source,
    *,
    format: str = "csv",  # noqa: A002 - the contract's name (semantics §16)
    zone: str | None = None,
) -> tuple[Any, ...]:
    """Every record of a *kind* of table (see the `read_*` function of that kind).

    Raises:
        InvalidDataError: a row (or the header) is bad; every problem is listed.
        InvalidValueError: *kind*, *format* or *zone* is unknown.
        TypeError: *text* is neither text, bytes nor lines.
    """
    return tuple(_records(_layout(kind), text, format, zone, streaming=False))


def iter_records(
    kind: TableKind | str,
    lines: Source,
    *,
    format: str = "csv",  # noqa: A002
    zone: str | None = None,
) -> Iterator[Any]:
    """The records of a *kind* of table one by one, as the lines are read.

    Memory does not grow with the table. A record spanning rows (findings, complaints,
    repairs) needs its rows together. The `InvalidDataError` listing every bad row is raised
    when the iterator is exhausted; the records before it were good.

    Raises:
        InvalidDataError: (at the end of the iteration, or at once for a bad header) a row is
            bad; every problem is listed.
        InvalidValueError: *kind*, *format* or *zone* is unknown (at once).
        TypeError: *lines* is neither text, bytes nor lines.
    """
    return _records(_layout(kind), lines, format, zone, streaming=True)


def read_rows(
    kind: TableKind | str, rows: Iterable[Mapping[str, object]], *, zone: str | None = None
) -> tuple[Any, ...]:
    """Every record of a *kind* of table given as rows of values (a spreadsheet library's).

    Each row maps a column name (or its Chinese heading) to a value: text as in a CSV cell,
    or a typed value (`int`, `bool`, `Decimal`, `date`, `datetime`, `list` of `str`); `None`
    and `""` are empty cells. Floats are refused where a value is exact. Problems give the
    row number as their `line` (1 is the first row).

    Raises:
        InvalidDataError: a row is bad; every problem is listed.
        InvalidValueError: *kind* or *zone* is unknown.

    Examples:
        >>> from datetime import datetime, timezone
        >>> at = datetime(2025, 3, 3, 1, tzinfo=timezone.utc)
        >>> read_rows("checks", [{"item_code": "SEC-01", "at": at, "inspector": "Zhao"}])
        (CheckRecord(item_code='SEC-01', at=datetime.datetime(2025, 3, 3, 1, 0, tzinfo=datetime.timezone.utc), inspector='Zhao', samples=1, evidence=(), round_id=''),)
    """  # noqa: E501
    layout = _layout(kind)
    ctx = _context(zone)
    sink = _read.Sink(layout)
    parsed = (
        _read.mapping_row(_mapping(row, n), n, layout, ctx, sink)
        for n, row in enumerate(rows, start=1)
    )
    if layout.build is not None:
        found = tuple(_read.single_records(parsed, layout, sink))
    else:
        found = tuple(_read.grouped_records(parsed, layout, sink))
    sink.raise_if_any()
    return found


def _mapping(row: object, n: int) -> Mapping[str, object]:
    if not isinstance(row, Mapping):
        msg = f"rows[{n - 1}] must be a mapping of column to value, got {type(row).__name__}"
        raise TypeError(msg)
    return row


def write_lines(
    kind: TableKind | str,
    records: Iterable[Any],
    *,
    format: str = "csv",  # noqa: A002
    headings: str = "en",
) -> Iterator[str]:
    """The lines of a *kind* of table holding *records*, one by one (each ends with a newline).

    CSV lines end with CRLF (RFC 4180, as Excel writes); the header names the columns in
    English (`headings="en"`) or by their Chinese headings (`"zh"`). JSON Lines end with LF.

    Raises:
        InvalidValueError: *kind*, *format* or *headings* is unknown, or a value cannot be
            written to CSV so that it reads back (a list item holding `;`, a NUL character):
            write JSON Lines instead.
        TypeError: a record is not of the kind's record type.
    """
    layout = _layout(kind)
    fmt = _choice("format", format, _FORMATS)
    chinese = _choice("headings", headings, _HEADINGS) == "zh"
    if fmt == "csv":
        return _write.csv_lines(layout, records, chinese=chinese)
    return _write.jsonl_lines(layout, records)


def write_records(
    kind: TableKind | str,
    records: Iterable[Any],
    *,
    format: str = "csv",  # noqa: A002
    headings: str = "en",
) -> str:
    """The text of a *kind* of table holding *records* (see `write_lines`).

    Raises:
        InvalidValueError: see `write_lines`.
        TypeError: a record is not of the kind's record type.
    """
    return "".join(write_lines(kind, records, format=format, headings=headings))


# -- one kind each -----------------------------------------------------------------------------


def read_checks(
    text: Source,
    *,
    format: str = "csv",  # noqa: A002
    zone: str | None = None,
) -> tuple[CheckRecord, ...]:
    """Check records ([CheckRecord][propstd.inspections.CheckRecord]), one a row.

    Columns: `item_code` 检查项目代码, `at` 检查时间, `inspector` 检查人 (required; the
    inspector may be empty), `samples` 抽样数 (default 1), `evidence` 证据 (`;`-separated),
    `round_id` 轮次.

    Raises:
        InvalidDataError: a row (or the header) is bad; every problem is listed.
        InvalidValueError: *format* or *zone* is unknown.
    """
    return read_records(TableKind.CHECKS, text, format=format, zone=zone)


def iter_checks(
    lines: Source,
    *,
    format: str = "csv",  # noqa: A002
    zone: str | None = None,
) -> Iterator[CheckRecord]:
    """The check records of a table one by one (see `iter_records`)."""
    return iter_records(TableKind.CHECKS, lines, format=format, zone=zone)


def write_checks(
    records: Iterable[CheckRecord],
    *,
    format: str = "csv",  # noqa: A002
    headings: str = "en",
) -> str:
    """The table of check records (see `write_lines`)."""
    return write_records(TableKind.CHECKS, records, format=format, headings=headings)


def read_findings(
    text: Source,
    *,
    format: str = "csv",  # noqa: A002
    zone: str | None = None,
) -> tuple[Finding, ...]:
    """Findings ([Finding][propstd.findings.Finding]) with their events.

    The first row of a finding gives the finding (its `event` column empty); each later row
    with the same `id` gives one event (`rectification`, `verification`, `reopening`,
    `cancellation`) with `at`, `by`, `note` and, for a verification, `result`. Rows of one
    finding may be anywhere in the table; its events must be in time order.

    Raises:
        InvalidDataError: a row (or the header) is bad; every problem is listed.
        InvalidValueError: *format* or *zone* is unknown.
    """
    return read_records(TableKind.FINDINGS, text, format=format, zone=zone)


def iter_findings(
    lines: Source,
    *,
    format: str = "csv",  # noqa: A002
    zone: str | None = None,
) -> Iterator[Finding]:
    """The findings of a table one by one; each finding's rows must be consecutive."""
    return iter_records(TableKind.FINDINGS, lines, format=format, zone=zone)


def write_findings(
    records: Iterable[Finding],
    *,
    format: str = "csv",  # noqa: A002
    headings: str = "en",
) -> str:
    """The table of findings: the finding's row, then a row per event (see `write_lines`)."""
    return write_records(TableKind.FINDINGS, records, format=format, headings=headings)


def read_complaints(
    text: Source,
    *,
    format: str = "csv",  # noqa: A002
    zone: str | None = None,
) -> tuple[Complaint, ...]:
    """Complaints ([Complaint][propstd.complaints.Complaint]) with their timelines.

    Each row is one timeline event (`event`, `at`; `reason` for `paused`, `to` for
    `priority_changed`, `satisfied` for `revisited`); the rows sharing an `id` make one
    complaint, whose first row is its `received` event and gives the complaint's fields
    (channel, level, ...). Later rows leave those empty or repeat them unchanged. Rows of one
    complaint may be anywhere in the table, in time order. A table without an `event` column
    is a register: one received complaint a row.

    Raises:
        InvalidDataError: a row (or the header) is bad; every problem is listed.
        InvalidValueError: *format* or *zone* is unknown.
    """
    return read_records(TableKind.COMPLAINTS, text, format=format, zone=zone)


def iter_complaints(
    lines: Source,
    *,
    format: str = "csv",  # noqa: A002
    zone: str | None = None,
) -> Iterator[Complaint]:
    """The complaints of a table one by one; each complaint's rows must be consecutive."""
    return iter_records(TableKind.COMPLAINTS, lines, format=format, zone=zone)


def write_complaints(
    records: Iterable[Complaint],
    *,
    format: str = "csv",  # noqa: A002
    headings: str = "en",
) -> str:
    """The table of complaints, a row per timeline event (see `write_lines`)."""
    return write_records(TableKind.COMPLAINTS, records, format=format, headings=headings)


def read_repairs(
    text: Source,
    *,
    format: str = "csv",  # noqa: A002
    zone: str | None = None,
) -> tuple[RepairOrder, ...]:
    """Repair orders ([RepairOrder][propstd.repairs.RepairOrder]) with their timelines.

    Laid out like complaints: a row per timeline event, grouped by `id`; the first row is
    the `received` event and gives the order's fields (category, unit, technician, ...).

    Raises:
        InvalidDataError: a row (or the header) is bad; every problem is listed.
        InvalidValueError: *format* or *zone* is unknown.
    """
    return read_records(TableKind.REPAIRS, text, format=format, zone=zone)


def iter_repairs(
    lines: Source,
    *,
    format: str = "csv",  # noqa: A002
    zone: str | None = None,
) -> Iterator[RepairOrder]:
    """The repair orders of a table one by one; each order's rows must be consecutive."""
    return iter_records(TableKind.REPAIRS, lines, format=format, zone=zone)


def write_repairs(
    records: Iterable[RepairOrder],
    *,
    format: str = "csv",  # noqa: A002
    headings: str = "en",
) -> str:
    """The table of repair orders, a row per timeline event (see `write_lines`)."""
    return write_records(TableKind.REPAIRS, records, format=format, headings=headings)


def read_actuals(
    text: Source,
    *,
    format: str = "csv",  # noqa: A002
    zone: str | None = None,
) -> tuple[Actual, ...]:
    """Budget actuals ([Actual][propstd.budgets.Actual]): `code` 科目代码, `month` 月份,
    `amount` 金额 (exact), `currency` 币种 (default CNY). *zone* is not used (no instants).

    Raises:
        InvalidDataError: a row (or the header) is bad; every problem is listed.
        InvalidValueError: *format* or *zone* is unknown.
    """
    return read_records(TableKind.ACTUALS, text, format=format, zone=zone)


def iter_actuals(
    lines: Source,
    *,
    format: str = "csv",  # noqa: A002
    zone: str | None = None,
) -> Iterator[Actual]:
    """The budget actuals of a table one by one (see `iter_records`)."""
    return iter_records(TableKind.ACTUALS, lines, format=format, zone=zone)


def write_actuals(
    records: Iterable[Actual],
    *,
    format: str = "csv",  # noqa: A002
    headings: str = "en",
) -> str:
    """The table of budget actuals (see `write_lines`)."""
    return write_records(TableKind.ACTUALS, records, format=format, headings=headings)


def read_collections(
    text: Source,
    *,
    format: str = "csv",  # noqa: A002
    zone: str | None = None,
) -> tuple[Collection, ...]:
    """Fee collection by month ([Collection][propstd.tables.Collection]): `month` 月份,
    `billed` 年度应收, `collected` 当月实收, `currency` 币种 (default CNY).

    Raises:
        InvalidDataError: a row (or the header) is bad; every problem is listed.
        InvalidValueError: *format* or *zone* is unknown.
    """
    return read_records(TableKind.COLLECTIONS, text, format=format, zone=zone)


def iter_collections(
    lines: Source,
    *,
    format: str = "csv",  # noqa: A002
    zone: str | None = None,
) -> Iterator[Collection]:
    """The collection rows of a table one by one (see `iter_records`)."""
    return iter_records(TableKind.COLLECTIONS, lines, format=format, zone=zone)


def write_collections(
    records: Iterable[Collection],
    *,
    format: str = "csv",  # noqa: A002
    headings: str = "en",
) -> str:
    """The table of collection rows (see `write_lines`)."""
    return write_records(TableKind.COLLECTIONS, records, format=format, headings=headings)


def read_survey_responses(
    text: Source,
    *,
    format: str = "csv",  # noqa: A002
    zone: str | None = None,
) -> tuple[SurveyResponse, ...]:
    """Survey questionnaires ([SurveyResponse][propstd.surveys.SurveyResponse]), one a row.

    Columns: `survey_id` 调查编号, `household` 户号, `at` 调查时间, `comment` 意见建议; in
    CSV every other column is a service item headed by its name, each cell a score 1-5 or
    满意/基本满意/不满意 (empty: not answered). In JSON Lines the scores are one object,
    `"scores": {"秩序维护": 5}`.

    Raises:
        InvalidDataError: a row (or the header) is bad; every problem is listed.
        InvalidValueError: *format* or *zone* is unknown.

    Examples:
        >>> text = "调查编号,户号,调查时间,秩序维护,环境卫生\\nS2025,3-1201,2025-11-08 10:00,5,基本满意\\n"
        >>> (response,) = read_survey_responses(text, zone="Asia/Shanghai")
        >>> response.household, dict(response.scores)
        ('3-1201', {'秩序维护': <Score.FIVE: '5'>, '环境卫生': <Score.BASICALLY_SATISFIED: 'basically_satisfied'>})
    """  # noqa: E501
    return read_records(TableKind.SURVEY_RESPONSES, text, format=format, zone=zone)


def iter_survey_responses(
    lines: Source,
    *,
    format: str = "csv",  # noqa: A002
    zone: str | None = None,
) -> Iterator[SurveyResponse]:
    """The survey questionnaires of a table one by one (see `iter_records`)."""
    return iter_records(TableKind.SURVEY_RESPONSES, lines, format=format, zone=zone)


def write_survey_responses(
    records: Iterable[SurveyResponse],
    *,
    format: str = "csv",  # noqa: A002
    headings: str = "en",
) -> str:
    """The table of survey questionnaires: in CSV one column per item, after the others, in
    the order the items first appear (see `write_lines`)."""
    return write_records(TableKind.SURVEY_RESPONSES, records, format=format, headings=headings)


def read_routine_log(
    text: Source,
    *,
    format: str = "csv",  # noqa: A002
    zone: str | None = None,
) -> tuple[RoutineEntry, ...]:
    """The duty log ([RoutineEntry][propstd.routines.RoutineEntry]): `code` 工作代码, `at`
    完成时间, `by` 完成人 (required), `evidence` 证据 (`;`-separated), `subject` 对象.

    Raises:
        InvalidDataError: a row (or the header) is bad; every problem is listed.
        InvalidValueError: *format* or *zone* is unknown.
    """
    return read_records(TableKind.ROUTINE_LOG, text, format=format, zone=zone)


def iter_routine_log(
    lines: Source,
    *,
    format: str = "csv",  # noqa: A002
    zone: str | None = None,
) -> Iterator[RoutineEntry]:
    """The entries of a duty log one by one (see `iter_records`)."""
    return iter_records(TableKind.ROUTINE_LOG, lines, format=format, zone=zone)


def write_routine_log(
    records: Iterable[RoutineEntry],
    *,
    format: str = "csv",  # noqa: A002
    headings: str = "en",
) -> str:
    """The table of a duty log (see `write_lines`)."""
    return write_records(TableKind.ROUTINE_LOG, records, format=format, headings=headings)
