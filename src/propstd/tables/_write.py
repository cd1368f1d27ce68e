"""Writing tables and describing their rows: records out as CSV or JSON Lines (private)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from typing import Any

from propstd._repr import shown
from propstd.errors import InvalidValueError
from propstd.tables._cells import CellError
from propstd.tables._layout import Layout, Row, heading_key

__all__: list[str] = []


def _problem(layout: Layout, index: int, j: int, what: str, value: object) -> InvalidValueError:
    name = layout.cols[j].column.name
    msg = f"cannot write {layout.kind.value}[{index}], column {name}: {what}"
    return InvalidValueError(msg, field=name, value=value)


def _records(layout: Layout, records: Iterable[Any]) -> Iterator[tuple[int, Row]]:
    if isinstance(records, str | bytes) or not isinstance(records, Iterable):
        msg = (
            f"'records' must be an iterable of {layout.record_type.__name__}, got {shown(records)}"
        )
        raise TypeError(msg)
    for i, record in enumerate(records):
        if not isinstance(record, layout.record_type):
            msg = (
                f"{layout.kind.value}[{i}] must be a {layout.record_type.__name__}, "
                f"got {type(record).__name__} {shown(record)}"
            )
            raise TypeError(msg)
        for row in layout.rows(record):
            yield i, row


def _text(layout: Layout, index: int, j: int, value: Any) -> str:
    """The CSV text of a cell (`""` for an empty one), refusing what would not read back."""
    if value is None:
        return ""
    try:
        text = str(layout.cols[j].cell.to_text(value))
    except CellError as exc:
        raise _problem(layout, index, j, str(exc), value) from None
    if "\x00" in text:
        raise _problem(layout, index, j, "a NUL character cannot be written", value)
    return text


def _item_names(layout: Layout, rows: list[tuple[int, Row]]) -> list[str]:
    """The items of every row in the order they first appear (the item columns' headings)."""
    assert layout.items is not None
    names: dict[str, None] = {}
    for index, row in rows:
        for item in row[layout.items]:
            if item not in names and (item != item.strip() or heading_key(item) in layout.lookup):
                what = (
                    f"the item {item!r} cannot head a CSV column (it has blanks around it or "
                    f"is named like a column of the table): write JSON Lines instead"
                )
                raise _problem(layout, index, layout.items, what, item)
            names[item] = None
    return list(names)


def csv_lines(layout: Layout, records: Iterable[Any], *, chinese: bool) -> Iterator[str]:
    """The CSV lines (CRLF-terminated, as RFC 4180 and Excel expect): header, then rows.

    A layout with items (a survey) gets one column per item after its own columns; its
    records are all read first, to know every item.
    """
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")

    def line(cells: list[str]) -> str:
        writer.writerow(cells)
        text = buf.getvalue()
        buf.seek(0)
        buf.truncate()
        return text

    rows: Iterable[tuple[int, Row]] = _records(layout, records)
    items: list[str] = []
    if layout.items is not None:
        rows = list(rows)
        items = _item_names(layout, rows)
    own = [j for j in range(len(layout.cols)) if j != layout.items]
    yield line([_heading(layout, j, chinese=chinese) for j in own] + items)
    for index, row in rows:
        cells = [_text(layout, index, j, row[j]) for j in own]
        if items:
            answers = row[layout.items]  # type: ignore[index]  # a layout with items
            cells += [str(answers.get(item, "")) for item in items]  # a score is its value
        yield line(cells)


def _heading(layout: Layout, j: int, *, chinese: bool) -> str:
    column = layout.cols[j].column
    return column.heading_zh if chinese else column.name


def jsonl_lines(layout: Layout, records: Iterable[Any]) -> Iterator[str]:
    """The JSON Lines: one object a row, empty cells left out, keys the English names."""
    for _index, row in _records(layout, records):
        obj = {
            c.column.name: c.cell.to_json(value)
            for c, value in zip(layout.cols, row, strict=True)
            if value is not None and value != ""
        }
        yield json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n"


def row_schema(layout: Layout) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one JSON Lines row of *layout*."""
    properties = {
        c.column.name: {
            **c.cell.schema,
            "title": c.column.heading_zh,
            "description": c.column.description,
        }
        for c in layout.cols
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"propstd {layout.kind.value} row",
        "description": (
            f"One row of a {layout.kind.value} table in JSON Lines, as propstd writes it: "
            "keys are the English column names and empty cells are left out."
        ),
        "type": "object",
        "properties": properties,
        "required": [c.column.name for c in layout.cols if c.column.required and c.needs_value],
        "additionalProperties": False,
    }
