"""Record kinds, their columns and the layout behind each table (private; see propstd.tables)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from types import MappingProxyType
from typing import Any

import attrs

from propstd._vocab import Vocabulary
from propstd.tables._cells import Cell

__all__: list[str] = []


class TableKind(Vocabulary):
    """The kinds of record a table holds, one layout each (`propstd schema <kind>`)."""

    CHECKS = "checks", "检查记录"
    """Check records (`propstd.inspections.CheckRecord`), one per row."""
    FINDINGS = "findings", "问题记录", "整改记录"
    """Findings (`propstd.findings.Finding`) and their events, one event per row."""
    COMPLAINTS = "complaints", "投诉记录"
    """Complaints (`propstd.complaints.Complaint`), one timeline event per row."""
    REPAIRS = "repairs", "维修记录", "报修记录"
    """Repair orders (`propstd.repairs.RepairOrder`), one timeline event per row."""
    ACTUALS = "actuals", "实际发生额"
    """Budget actuals (`propstd.budgets.Actual`), one line and month per row."""
    COLLECTIONS = "collections", "收缴记录"
    """Fee collection by month ([Collection][propstd.tables.Collection]), one month per row."""
    SURVEY_RESPONSES = "survey_responses", "满意度调查", "调查问卷"
    """Survey questionnaires (`propstd.surveys.SurveyResponse`), one a row, a column per item."""
    ROUTINE_LOG = "routine_log", "工作记录", "例行工作记录"
    """The duty log (`propstd.routines.RoutineEntry`): meetings, trainings, drills, one a row."""


@attrs.frozen(kw_only=True)
class Column:
    """One column of a record table: its name, its Chinese heading and what it holds.

    A header cell may give the English `name` or the Chinese `heading_zh` (case, blanks and
    `-`/`_` between words do not matter).
    """

    name: str
    """The English name (the record's field name where there is one): `item_code`."""
    heading_zh: str
    """The Chinese heading read as the same column: `检查项目代码`."""
    value: str
    """What a cell holds: `an instant`, `a whole number`, `one of phone, visit, ...`."""
    required: bool
    """Whether the header must have this column (optional columns take `default`)."""
    default: str
    """What a blank cell (or a missing optional column) means, in words."""
    description: str
    """What the column means."""


Row = list[Any]
"""The values of one row in layout order; `None` is a blank cell (the default applies) and
`BAD` a cell that could not be read (its problem is reported already)."""


class _Bad:
    __slots__ = ()


BAD: Any = _Bad()
"""The value of a cell that could not be read."""


@attrs.frozen
class Col:
    """A column of a layout with its cell type and rules."""

    column: Column
    cell: Cell
    needs_value: bool
    """Every row must give a value (a blank cell is a problem)."""


@attrs.frozen
class Layout:
    """How one record kind is laid out in a table and turned into records and back.

    Single-row kinds build a record from each row (`build(values)`); grouped kinds (findings,
    complaints, repairs) build one record from the rows sharing the `key` column
    (`build_group(rows, reporter, whole)`: with `whole` false a row of the record could not
    be read, so the rows are only checked). `rows(record)` gives the rows to write.
    """

    kind: TableKind
    cols: tuple[Col, ...]
    build: Callable[[Row], Any] | None
    build_group: Callable[..., Any] | None
    rows: Callable[[Any], Iterator[Row]]
    record_type: type
    key: int | None = None
    items: int | None = None
    """The column of a mapping spread over one CSV column per item (a survey's scores)."""
    read_item: Callable[[object], Any] | None = None
    """Reads one item's cell (raises `CellError`), for a layout with `items`."""
    names: Mapping[str, int] = attrs.field(init=False)
    """The index of each column by its English name (a record's field name)."""
    lookup: Mapping[str, int] = attrs.field(init=False)
    """The index of each column by `heading_key` of its name and of its Chinese heading."""

    @names.default
    def _names(self) -> Mapping[str, int]:
        return MappingProxyType({c.column.name: i for i, c in enumerate(self.cols)})

    @lookup.default
    def _lookup(self) -> Mapping[str, int]:
        table = {}
        for j, c in enumerate(self.cols):
            table[heading_key(c.column.name)] = j
            table[heading_key(c.column.heading_zh)] = j
        return MappingProxyType(table)

    @property
    def columns(self) -> tuple[Column, ...]:
        """The public description of every column, in order."""
        return tuple(c.column for c in self.cols)


def heading_key(text: str) -> str:
    """A heading as compared: blanks, case and `-`/`_`/space between words ignored."""
    return "_".join(text.replace("-", " ").replace("_", " ").split()).casefold()


def col(
    name: str,
    heading_zh: str,
    cell: Cell,
    description: str,
    *,
    required: bool = False,
    needs_value: bool = False,
    default: str = "",
) -> Col:
    """A column; a required column with `needs_value` has no default."""
    if not default:
        default = "(a value is required)" if needs_value else "empty"
    column = Column(
        name=name,
        heading_zh=heading_zh,
        value=cell.what,
        required=required,
        default=default,
        description=description,
    )
    return Col(column, cell, needs_value)


def value_or(value: Any, default: Any) -> Any:
    """*value*, or *default* for a blank cell."""
    return default if value is None else value
