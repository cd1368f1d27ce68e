"""The one table renderer of propstd: plain text, Markdown and HTML (private).

Every result that shows a table (the QPI report, repair metrics, a variance report, an
escalation status, an improvement notice, a scorecard ...) builds a `Table` from its typed
`rows()` and renders it here, so column widths, alignment, escaping and CJK handling are the
same everywhere. Chinese (and other East Asian wide) characters take two terminal columns;
combining marks take none.

Results inherit `Rendered`, which gives `to_text()`, `to_markdown()`, `to_html()`,
`_repr_html_()` (notebooks) and `__str__` from one private `_table()` method.
"""

from __future__ import annotations

import html
import unicodedata
from collections.abc import Sequence
from datetime import datetime
from fractions import Fraction
from typing import Literal

import attrs

from propstd._numbers import plain, to_decimal

__all__: list[str] = []

Align = Literal["left", "right"]


def width(text: str) -> int:
    """The number of terminal columns *text* takes (wide CJK characters count two).

    Examples:
        >>> width("QPI"), width("覆盖率"), width("é")
        (3, 6, 1)
    """
    total = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        total += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return total


def pad(text: str, columns: int, align: Align = "left") -> str:
    """*text* padded with spaces to *columns* terminal columns."""
    fill = " " * max(0, columns - width(text))
    return fill + text if align == "right" else text + fill


def cell(value: object) -> str:
    """The text of one table cell: `""` for `None`, exact numbers without float noise.

    Examples:
        >>> from datetime import timedelta
        >>> from decimal import Decimal
        >>> cell(None), cell(Fraction(3, 4)), cell(Fraction(1, 3)), cell(Decimal("2.50"))
        ('', '0.75', '0.33', '2.50')
        >>> cell(True), cell(timedelta(hours=2, minutes=5))
        ('yes', '2:05:00')
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Fraction):
        exact = plain(value)
        return str(exact if exact is not None else to_decimal(value, 2, "half_up"))
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="minutes")
    return str(value)


@attrs.frozen
class Column:
    """One column: its heading and how its cells align."""

    title: str
    align: Align = "left"


@attrs.frozen(kw_only=True)
class Table:
    """A titled table of text cells with optional notes under it.

    Examples:
        >>> t = Table(
        ...     title="QPI 2025-03",
        ...     columns=(Column("指标 Indicator"), Column("Value", "right")),
        ...     rows=(("覆盖率 coverage", "98.0%"), ("traceability", "100.0%")),
        ...     notes=("2 records without evidence",),
        ... )
        >>> print(t.to_text())
        QPI 2025-03
        指标 Indicator    Value
        ---------------  ------
        覆盖率 coverage   98.0%
        traceability     100.0%
        2 records without evidence
        >>> print(t.to_markdown())
        **QPI 2025-03**
        <BLANKLINE>
        | 指标 Indicator | Value |
        |---|---:|
        | 覆盖率 coverage | 98.0% |
        | traceability | 100.0% |
        <BLANKLINE>
        2 records without evidence
    """

    columns: tuple[Column, ...]
    rows: tuple[tuple[str, ...], ...]
    title: str = ""
    notes: tuple[str, ...] = ()
    css_class: str = "propstd"
    row_classes: tuple[str, ...] = ()
    """An HTML class per row (`"missed"`, `"overdue"` ...), or none."""
    strong: frozenset[int] = frozenset()
    """Indexes of rows shown in bold (subtotals, totals)."""

    def __attrs_post_init__(self) -> None:
        n = len(self.columns)
        for i, row in enumerate(self.rows):
            if len(row) != n:  # pragma: no cover - a renderer bug, caught by the tests
                msg = f"row {i} has {len(row)} cells for {n} columns"
                raise AssertionError(msg)

    def to_text(self) -> str:
        """Fixed-width text: a heading row, a rule, the rows, then the notes."""
        widths = [width(c.title) for c in self.columns]
        for row in self.rows:
            widths = [max(w, width(v)) for w, v in zip(widths, row, strict=True)]
        lines = [self.title] if self.title else []
        lines.append(_line([c.title for c in self.columns], widths, self.columns))
        lines.append("  ".join("-" * w for w in widths))
        lines += [_line(row, widths, self.columns) for row in self.rows]
        lines += self.notes
        return "\n".join(lines)

    def to_markdown(self) -> str:
        """A GitHub-flavoured Markdown table (pipes in cells escaped)."""
        lines = [f"**{_md(self.title)}**", ""] if self.title else []
        lines.append("| " + " | ".join(_md(c.title) for c in self.columns) + " |")
        lines.append(
            "|" + "|".join("---:" if c.align == "right" else "---" for c in self.columns) + "|"
        )
        for i, row in enumerate(self.rows):
            cells = [_md(v) for v in row]
            if i in self.strong:
                cells = [f"**{v}**" if v else v for v in cells]
            lines.append("| " + " | ".join(cells) + " |")
        if self.notes:
            lines += ["", *self.notes]
        return "\n".join(lines)

    def to_html(self) -> str:
        """An HTML `<table>` (escaped; no script, no style sheet needed)."""
        esc = html.escape
        caption = f"<caption>{esc(self.title)}</caption>" if self.title else ""
        head = "".join(f"<th{_align(c.align)}>{esc(c.title)}</th>" for c in self.columns)
        body = []
        for i, row in enumerate(self.rows):
            tag = "th" if i in self.strong else "td"
            klass = self.row_classes[i] if i < len(self.row_classes) else ""
            attr = f' class="{esc(klass)}"' if klass else ""
            cells = "".join(
                f"<{tag}{_align(c.align)}>{esc(v)}</{tag}>"
                for c, v in zip(self.columns, row, strict=True)
            )
            body.append(f"<tr{attr}>{cells}</tr>")
        foot = ""
        if self.notes:
            notes = "<br>".join(esc(n) for n in self.notes)
            foot = f'<tfoot><tr><td colspan="{len(self.columns)}">{notes}</td></tr></tfoot>'
        return (
            f'<table class="{esc(self.css_class)}">{caption}<thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(body)}</tbody>{foot}</table>"
        )


def _line(cells: Sequence[str], widths: Sequence[int], columns: Sequence[Column]) -> str:
    parts = [pad(v, w, c.align) for v, w, c in zip(cells, widths, columns, strict=True)]
    return "  ".join(parts).rstrip()


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _align(align: Align) -> str:
    return ' style="text-align:right"' if align == "right" else ""


class Rendered:
    """Mixin for results shown as a table: text, Markdown, HTML and notebooks from `_table()`.

    A subclass defines `_table(self) -> Table`; it may override any rendering to add more
    (a block layout for printing, a summary line).
    """

    __slots__ = ()

    def _table(self) -> Table:  # pragma: no cover - every subclass defines it
        raise NotImplementedError

    def to_text(self) -> str:
        """A plain-text table (CJK-aware column widths)."""
        return self._table().to_text()

    def to_markdown(self) -> str:
        """A Markdown table."""
        return self._table().to_markdown()

    def to_html(self) -> str:
        """An HTML table (what notebooks show)."""
        return self._table().to_html()

    def _repr_html_(self) -> str:
        return self.to_html()

    def __str__(self) -> str:
        return self.to_text()
