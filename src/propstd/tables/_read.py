"""Reading tables: text or lines in, rows of values out, then records (private).

The CSV fast path reads a well-formed row of a single-row kind with one generated call that
reads every cell and builds the record; any row it cannot read whole goes through the slow
path, which reads each cell on its own and reports every bad cell with its line and column.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

import attrs

from propstd._repr import shown
from propstd.errors import InvalidDataError, Problem, PropstdError
from propstd.tables._cells import CellError, Context, JsonFloat
from propstd.tables._layout import BAD, Layout, Row, heading_key

__all__: list[str] = []

MAX_LISTED = 100
"""At most this many problems are listed in an `InvalidDataError`; the rest are counted."""

Source = str | bytes | bytearray | Iterable[str] | Iterable[bytes]
"""What a reader reads: the whole text, its UTF-8 bytes, or its lines (an open file)."""


class Sink:
    """Collects the problems met while reading one table (at most `MAX_LISTED` kept)."""

    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self.problems: list[Problem] = []
        self.count = 0
        self.headings: list[str] = [c.column.name for c in layout.cols]

    def add(self, line: int | None, column: str | None, message: str) -> None:
        """Record a problem at *line* and *column* (a heading as written in the table)."""
        self.count += 1
        if len(self.problems) < MAX_LISTED:
            self.problems.append(Problem("", message, line=line, column=column))

    def cell(self, line: int, column: int | None, message: str) -> None:
        """A problem in the cell of the layout's column *column* on *line*."""
        self.add(line, None if column is None else self.headings[column], message)

    def error(self, line: int, exc: PropstdError) -> None:
        """A refusal by a record's constructor, at the column its `field` names (if any)."""
        self.cell(line, self.layout.names.get(exc.field or ""), exc.message)

    def raise_if_any(self) -> None:
        """Raise one `InvalidDataError` listing the problems, if there are any."""
        if not self.count:
            return
        kind = self.layout.kind.value
        count = "1 problem" if self.count == 1 else f"{self.count:,} problems"
        more = self.count - len(self.problems)
        tail = f" (the first {MAX_LISTED} listed, {more:,} more)" if more else ""
        msg = f"cannot read {kind}: {count}{tail}"
        raise InvalidDataError(msg, self.problems)


# -- sources ----------------------------------------------------------------------------------


def _decode_error(data: bytes, exc: UnicodeDecodeError) -> str:
    return (
        f"not UTF-8 text: byte {data[exc.start]:#04x} cannot be read (a file saved as GBK or "
        f"'ANSI'? save it as 'CSV UTF-8')"
    )


def _decoded(first: bytes, rest: Iterator[Any], sink: Sink) -> Iterator[str]:
    for n, item in enumerate(itertools.chain([first], rest), start=1):
        if not isinstance(item, bytes | bytearray):
            msg = f"lines must all be str or all bytes, got {type(item).__name__} on line {n}"
            raise TypeError(msg)
        try:
            line = bytes(item).decode("utf-8-sig" if n == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            sink.add(n, None, _decode_error(bytes(item), exc))  # and read the line as blank
            line = "\n"
        yield line


def lines_of(source: object, sink: Sink) -> Iterator[str]:
    """The lines of *source*, without a leading byte-order mark.

    Raises:
        TypeError: *source* is neither text, bytes nor an iterable of lines.
    """
    if isinstance(source, str):
        return iter(io.StringIO(source.removeprefix("\ufeff"), newline=""))
    if isinstance(source, bytes | bytearray):
        data = bytes(source)
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            split = iter(data.splitlines(keepends=True))
            return _decoded(next(split), split, sink)  # line by line: each bad line reported
        return iter(io.StringIO(text, newline=""))
    if not isinstance(source, Iterable):
        msg = (
            "expected the text (str or UTF-8 bytes) or its lines (an open file, a list of "
            f"str), got {type(source).__name__} {shown(source)}"
        )
        raise TypeError(msg)
    lines: Iterator[Any] = iter(source)
    first = next(lines, None)
    if first is None:
        return iter(())
    if isinstance(first, bytes | bytearray):
        return _decoded(bytes(first), lines, sink)
    if not isinstance(first, str):
        msg = f"lines must be str or bytes, got {type(first).__name__} {shown(first)}"
        raise TypeError(msg)
    return itertools.chain([first.removeprefix("\ufeff")], lines)


# -- headers ----------------------------------------------------------------------------------


def _known(layout: Layout) -> str:
    return ", ".join(f"{c.column.name} ({c.column.heading_zh})" for c in layout.cols)


@attrs.frozen
class Header:
    """Where the columns of a layout are in the rows of a CSV table."""

    n: int
    """The number of cells of the header (and of every row)."""
    where: list[int]
    """The position of each column of the layout in a row (`n`: absent, an empty cell)."""
    unnamed: list[int]
    """The positions of the cells without a heading (which must stay empty)."""
    items: list[tuple[int, str]]
    """The position and heading of each item column (a survey's service items)."""


def read_header(header: list[str], line: int, layout: Layout, sink: Sink) -> Header:
    """Where each column of *layout* is in the rows; every problem of the header reported.

    In a layout with items (a survey), every heading that names no column is an item.
    """
    lookup = layout.lookup
    n = len(header)
    where = [n] * len(layout.cols)
    unnamed: list[int] = []
    items: list[tuple[int, str]] = []
    for pos, raw in enumerate(header):
        text = raw.strip().removeprefix("\ufeff").strip()
        j = lookup.get(heading_key(text))
        if not text:
            unnamed.append(pos)
        elif j is None and layout.items is None:
            sink.add(
                line, text, f"unknown column; the {layout.kind.value} columns are {_known(layout)}"
            )
        elif j is None:
            if any(text == item for _pos, item in items):
                sink.add(line, text, f"the same column as {text!r}")
            items.append((pos, text))
        elif j == layout.items:
            sink.add(line, text, "give the scores one column per service item, headed by its name")
        elif where[j] != n:
            sink.add(line, text, f"the same column as {header[where[j]].strip()!r}")
        else:
            where[j] = pos
            sink.headings[j] = text
    _missing(where, n, line, layout, sink)
    return Header(n, where, unnamed, items)


def _missing(where: list[int], n: int, line: int, layout: Layout, sink: Sink) -> None:
    for j, c in enumerate(layout.cols):
        if c.column.required and where[j] == n:
            sink.add(
                line,
                c.column.name,
                f"missing column {c.column.name} ({c.column.heading_zh}): it is required",
            )


# -- rows -------------------------------------------------------------------------------------

Parsed = tuple[int, Row, bool]
"""A row read: its line, its values (`None`: blank or unreadable), whether it was read whole."""


def _slow_row(
    raw: list[str], line: int, table: CsvTable, layout: Layout, ctx: Context, sink: Sink
) -> tuple[Row, bool]:
    """Each cell read on its own, every problem reported (`BAD` for a cell that failed)."""
    cells = raw if len(raw) > table.n else [*raw, ""]  # a missing column reads cells[n]
    values: Row = []
    ok = True
    for j, (c, pos) in enumerate(zip(layout.cols, table.header.where, strict=True)):
        try:
            value = c.cell.read_text(cells[pos], ctx)
        except CellError as exc:
            sink.cell(line, j, str(exc))
            value, ok = BAD, False
        else:
            if value is None and c.needs_value and pos < table.n:
                sink.cell(line, j, "empty: a value is required")
                value, ok = BAD, False
        values.append(value)
    if layout.items is not None:
        values[layout.items], items_ok = _slow_items(raw, line, table, layout, sink)
        ok = ok and items_ok
    return values, ok


def _slow_items(
    raw: list[str], line: int, table: CsvTable, layout: Layout, sink: Sink
) -> tuple[Any, bool]:
    """The items of a row (a survey's scores) read one by one, every problem reported."""
    assert layout.read_item is not None
    found = {}
    ok = True
    for pos, item in table.header.items:
        if raw[pos].strip():
            try:
                found[item] = layout.read_item(raw[pos])
            except CellError as exc:
                sink.add(line, item, str(exc))
                ok = False
    if ok and not found:
        what = (
            "no item is answered: a questionnaire scores at least one item"
            if table.header.items
            else "the header has no item columns: give one column per service item, headed by "
            "its name"
        )
        sink.add(line, None, what)
        ok = False
    return (found if ok else BAD), ok


def _item_reader(table: CsvTable, layout: Layout) -> Callable[[list[str]], Any]:
    """`read(raw) -> {item: value} | None` for the item columns of the table."""
    read_item = layout.read_item
    assert read_item is not None
    items = table.header.items

    def read(raw: list[str]) -> Any:
        return {item: read_item(raw[pos]) for pos, item in items if raw[pos].strip()} or None

    return read


def _unnamed_cells(raw: list[str], line: int, unnamed: list[int], sink: Sink) -> bool:
    ok = True
    for pos in unnamed:
        if raw[pos].strip():
            sink.add(
                line, f"#{pos + 1}", f"a value in a column without a heading: {shown(raw[pos])}"
            )
            ok = False
    return ok


@attrs.frozen
class CsvTable:
    """A CSV table whose header is read: the reader of its rows and where each column is."""

    reader: Any  # a csv.reader (its type is private to the csv module)
    blank: int
    """Blank lines before the header (line numbers are `blank + reader.line_num`)."""
    header: Header
    """Where the columns are."""

    @property
    def n(self) -> int:
        """The number of cells of the header (and of every row)."""
        return self.header.n

    @property
    def header_line(self) -> int:
        """The line of the header."""
        return self.blank + 1

    def wrong_length(self, raw: list[str], line: int, sink: Sink) -> bool:
        """Report a row of the wrong number of cells, unless all are blank (then `False`)."""
        if not any(cell.strip() for cell in raw):
            return False
        sink.add(
            line,
            None,
            f"expected {self.n} cells like the header (line {self.header_line}), found {len(raw)}",
        )
        return True

    def csv_error(self, exc: csv.Error, last: int, sink: Sink) -> int:
        """Report a row the csv module could not read; the line number after it."""
        if self.reader.line_num == last:  # the csv module read no line: not a str
            msg = f"lines must all be str or all bytes; line {self.blank + last + 1} is not"
            raise TypeError(msg) from None
        sink.add(self.blank + last + 1, None, f"not readable as CSV: {exc}")
        return int(self.reader.line_num)


def open_csv(lines: Iterator[str], layout: Layout, sink: Sink) -> CsvTable | None:
    """The table of CSV *lines* with its header read (`None`: no header; reported).

    Raises:
        InvalidDataError: the header is bad (an unknown, repeated or missing column).
    """
    first = next(lines, None)
    blank = 0
    while first is not None and not first.strip():
        blank += 1
        first = next(lines, None)
    if first is None:
        sink.add(1, None, "no header row: the first line must name the columns")
        return None
    delimiter = "\t" if first.count("\t") > first.count(",") else ","
    reader = csv.reader(itertools.chain([first], lines), delimiter=delimiter, strict=True)
    try:
        header = next(reader)
    except csv.Error as exc:
        sink.add(blank + 1, None, f"the header is not readable as CSV: {exc}")
        return None
    found = read_header(header, blank + 1, layout, sink)
    sink.raise_if_any()
    return CsvTable(reader, blank, found)


def _raw_rows(table: CsvTable, sink: Sink) -> Iterator[tuple[int, list[str]]]:
    """The rows with the line each starts on; rows the csv module cannot read are reported."""
    reader = table.reader
    last = reader.line_num
    while True:
        try:
            for raw in reader:
                yield table.blank + last + 1, raw
                last = reader.line_num
        except csv.Error as exc:
            last = table.csv_error(exc, last, sink)
        else:
            return


def csv_rows(lines: Iterator[str], layout: Layout, ctx: Context, sink: Sink) -> Iterator[Parsed]:
    """The rows of a CSV table, each read whole or cell by cell; header problems raise."""
    table = open_csv(lines, layout, sink)
    if table is None:
        return
    readers = [
        (c.cell.reader(ctx), pos) for c, pos in zip(layout.cols, table.header.where, strict=True)
    ]
    needs = [j for j, c in enumerate(layout.cols) if c.needs_value]
    for line, raw in _raw_rows(table, sink):
        if len(raw) != table.n:
            if table.wrong_length(raw, line, sink):
                yield line, _key_only(raw, layout.key, table.header.where, layout), False
            continue
        raw.append("")
        try:
            values = [read(raw[pos]) for read, pos in readers]
            for j in needs:
                if values[j] is None:
                    raise CellError  # a blank required cell: the slow path says which
        except CellError:
            if not any(cell.strip() for cell in raw):
                continue  # an empty row (",,,,")
            values, ok = _slow_row(raw, line, table, layout, ctx, sink)
        else:
            ok = True
        if table.header.unnamed and not _unnamed_cells(raw, line, table.header.unnamed, sink):
            ok = False
        yield line, values, ok


_FAST_FAILS = (CellError, PropstdError, TypeError)
"""What the fast path of a row may raise: then the slow path reads the row cell by cell."""


def _slow_record(
    raw: list[str], line: int, table: CsvTable, layout: Layout, ctx: Context, sink: Sink
) -> Any:
    """The record of a row the fast path could not build, or `None` with its problems."""
    if not any(cell.strip() for cell in raw):
        return None  # an empty row (",,,,")
    values, ok = _slow_row(raw, line, table, layout, ctx, sink)
    if not ok:
        return None
    assert layout.build is not None
    try:
        return layout.build(values)
    except PropstdError as exc:
        sink.error(line, exc)
        return None


def csv_single_records(
    lines: Iterator[str], layout: Layout, ctx: Context, sink: Sink
) -> Iterator[Any]:
    """The records of a CSV table of a single-row kind, then the problems raised (if any).

    The fast path: one generated call per row reads the cells and builds the record; a row
    that fails there is read again cell by cell to report every problem.
    """
    table = open_csv(lines, layout, sink)
    if table is not None:
        yield from _single_rows(table, layout, ctx, sink)
    sink.raise_if_any()


def _row_function(table: CsvTable, layout: Layout, ctx: Context) -> Callable[[list[str]], Any]:
    """`row(raw) -> record` for this header: every cell read and the record built in one call.

    Generated (as attrs generates `__init__`) so that a row costs one Python call besides
    the cells' readers: no loop, no tuple unpacking. The source holds only column positions.
    """
    namespace: dict[str, Any] = {"build": layout.build}
    args = []
    for j, (c, pos) in enumerate(zip(layout.cols, table.header.where, strict=True)):
        cell = f"raw[{pos}]"
        if j == layout.items:
            namespace["items"] = _item_reader(table, layout)
            args.append("items(raw)")
        elif c.cell.inline:
            args.append(c.cell.inline.replace("cell", cell))
        else:
            namespace[f"read{j}"] = c.cell.reader(ctx)
            args.append(f"read{j}({cell})")
    source = f"def row(raw):\n    return build([{', '.join(args)}])\n"
    exec(compile(source, f"<propstd.tables row of {layout.kind.value}>", "exec"), namespace)
    row: Callable[[list[str]], Any] = namespace["row"]
    return row


def _single_rows(table: CsvTable, layout: Layout, ctx: Context, sink: Sink) -> Iterator[Any]:
    reader, n, blank, unnamed = table.reader, table.n, table.blank, table.header.unnamed
    row = _row_function(table, layout, ctx)
    pad = n in table.header.where
    last = reader.line_num
    while True:
        try:
            for raw in reader:
                if len(raw) != n:
                    table.wrong_length(raw, blank + last + 1, sink)
                    last = reader.line_num
                    continue
                if pad:
                    raw.append("")
                try:
                    record = row(raw)
                except _FAST_FAILS:
                    record = _slow_record(raw, blank + last + 1, table, layout, ctx, sink)
                if unnamed and not _unnamed_cells(raw, blank + last + 1, unnamed, sink):
                    record = None
                last = reader.line_num
                if record is not None:
                    yield record
        except csv.Error as exc:
            last = table.csv_error(exc, last, sink)
        else:
            return


def _key_only(raw: list[str], key: int | None, where: list[int], layout: Layout) -> Row:
    """A row of unreadable cells but its key (so a grouped record knows a row of it was bad)."""
    values: Row = [BAD] * len(layout.cols)
    if key is not None and where[key] < len(raw):
        values[key] = raw[where[key]] or BAD
    return values


def _constant(text: str) -> Any:
    msg = f"{text} is not an exact number"
    raise ValueError(msg)


def mapping_row(
    obj: Mapping[Any, Any], line: int, layout: Layout, ctx: Context, sink: Sink
) -> Parsed:
    """The values of one row given as a mapping of column name (or Chinese heading) to value."""
    lookup = layout.lookup
    values: Row = [None] * len(layout.cols)
    given: set[int] = set()
    ok = True
    for key, value in obj.items():
        j = lookup.get(heading_key(key)) if isinstance(key, str) else None
        if j is None or j in given:
            what = "unknown column" if j is None else "the same column as another key"
            sink.add(
                line, str(key), f"{what}; the {layout.kind.value} columns are {_known(layout)}"
            )
            ok = False
            continue
        given.add(j)
        try:
            values[j] = layout.cols[j].cell.read_value(value, ctx)
        except CellError as exc:
            sink.add(line, str(key), str(exc))
            values[j], ok = BAD, False
            continue
        if values[j] is None and layout.cols[j].needs_value:
            sink.add(line, str(key), "empty: a value is required")
            values[j], ok = BAD, False
    for j, c in enumerate(layout.cols):
        if c.needs_value and c.column.required and j not in given:
            sink.add(line, c.column.name, "missing: a value is required")
            values[j], ok = BAD, False
    return line, values, ok


def jsonl_rows(lines: Iterator[str], layout: Layout, ctx: Context, sink: Sink) -> Iterator[Parsed]:
    """The rows of a JSON Lines table: one JSON object a line, blank lines skipped."""
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line, parse_float=JsonFloat, parse_constant=_constant)
        except (ValueError, RecursionError) as exc:
            sink.add(n, None, f"not a JSON object: {exc}")
            continue
        if not isinstance(obj, dict):
            sink.add(n, None, f"expected a JSON object {{...}}, got {shown(obj)}")
            continue
        yield mapping_row(obj, n, layout, ctx, sink)


# -- records ----------------------------------------------------------------------------------


def single_records(rows: Iterable[Parsed], layout: Layout, sink: Sink) -> Iterator[Any]:
    """One record per row read whole."""
    build = layout.build
    assert build is not None
    for line, values, ok in rows:
        if not ok:
            continue
        try:
            record = build(values)
        except PropstdError as exc:
            sink.error(line, exc)
            continue
        yield record


def _grouping(layout: Layout) -> tuple[Callable[..., Any], int]:
    """The group builder and the key column of a layout of records spanning rows."""
    assert layout.build_group is not None
    assert layout.key is not None
    return layout.build_group, layout.key


def consecutive_records(rows: Iterable[Parsed], layout: Layout, sink: Sink) -> Iterator[Any]:
    """One record per run of consecutive rows with the same key (streaming)."""
    build, key = _grouping(layout)
    done: dict[Any, int] = {}
    group: list[tuple[int, Row]] = []
    current: object = None
    whole = True
    for line, values, ok in rows:
        k = values[key]
        if k is None or k is BAD:
            continue  # no key, no record: the row's problem is reported
        if k != current:
            if group:
                record = build(group, sink, whole=whole)
                if record is not None:
                    yield record
                done[current] = group[0][0]
            group, current, whole = [], None, True
            if k in done:
                sink.cell(
                    line,
                    key,
                    f"the rows of {shown(k)} must be consecutive: its rows began "
                    f"at line {done[k]} and other rows came between",
                )
                continue
            current = k
        group.append((line, values))
        whole = whole and ok
    if group:
        record = build(group, sink, whole=whole)
        if record is not None:
            yield record


def grouped_records(rows: Iterable[Parsed], layout: Layout, sink: Sink) -> Iterator[Any]:
    """One record per key, from its rows wherever they are (in the order of first rows)."""
    build, key = _grouping(layout)
    groups: dict[Any, list[tuple[int, Row]]] = {}
    broken: set[Any] = set()
    for line, values, ok in rows:
        k = values[key]
        if k is None or k is BAD:
            continue
        groups.setdefault(k, []).append((line, values))
        if not ok:
            broken.add(k)
    for k, group in groups.items():
        record = build(group, sink, whole=k not in broken)
        if record is not None:
            yield record
