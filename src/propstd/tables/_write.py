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
from propstd.tables._layout import Layout, Row

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


def csv_lines(layout: Layout, records: Iterable[Any], *, chinese: bool) -> Iterator[str]:
    """The CSV lines (CRLF-terminated, as RFC 4180 and Excel expect): header, then rows."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")

    def line(cells: list[str]) -> str:
        writer.writerow(cells)
        text = buf.getvalue()
        buf.seek(0)
        buf.truncate()
        return text

    yield line([c.column.heading_zh if chinese else c.column.name for c in layout.cols])
    for index, row in _records(layout, records):
        cells = []
        for j, (c, value) in enumerate(zip(layout.cols, row, strict=True)):
            if value is None:
                cells.append("")
                continue
            try:
                text = c.cell.to_text(value)
            except CellError as exc:
                raise _problem(layout, index, j, str(exc), value) from None
            if "\x00" in text:
                raise _problem(layout, index, j, "a NUL character cannot be written", value)
            cells.append(text)
        yield line(cells)


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
