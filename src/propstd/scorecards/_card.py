"""The scorecard value (private part of propstd.scorecards)."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from datetime import datetime

import attrs

from propstd._repr import shown
from propstd._table import Column, Rendered, Table, cell
from propstd._validators import aware, nonblank, to_tuple
from propstd.errors import InvalidValueError
from propstd.findings import ImprovementNotice
from propstd.periods import Period
from propstd.scorecards import _html
from propstd.scorecards._model import (
    Indicator,
    OpenItem,
    Section,
    Status,
    add_sections,
    check_same_period,
)

__all__: list[str] = []


def _open_items(value: Iterable[OpenItem]) -> tuple[OpenItem, ...]:
    return tuple(to_tuple(value))


def _notices(value: Iterable[ImprovementNotice]) -> tuple[ImprovementNotice, ...]:
    return tuple(to_tuple(value))


def _periods(value: Iterable[Period]) -> tuple[Period, ...]:
    return tuple(to_tuple(value))


def _cards(value: Iterable[Scorecard]) -> tuple[Scorecard, ...]:
    return tuple(to_tuple(value))


def _sections(value: Iterable[Section]) -> tuple[Section, ...]:
    sections = tuple(to_tuple(value))
    keys = [s.key for s in sections]
    if len(set(keys)) != len(keys):
        msg = f"'sections' must have distinct keys, got {shown(keys)}"
        raise InvalidValueError(msg, field="sections", value=keys)
    return sections


@attrs.frozen(kw_only=True, repr=False)
class Scorecard(Rendered):
    """The month at a glance: one property's (or a group's) figures across every domain.

    Build it with [scorecard()][propstd.scorecards.scorecard]; add cards of several
    properties for the same month with `+` or [Scorecard.sum][propstd.scorecards.Scorecard.sum]
    (exact: rates pooled, amounts and counts added), which keeps each property's card in
    `cards` for ranking. Render with `to_text()`, `to_markdown()`, `to_html()` (a whole,
    self-contained page) or in a notebook.
    """

    title: str = attrs.field(validator=nonblank)
    """The property's name, or the group's (`"3 properties"`)."""
    period: Period = attrs.field(validator=attrs.validators.instance_of(Period))
    """The month (or other period) reported."""
    as_of: datetime = attrs.field(validator=aware)
    """The instant the figures are judged at."""
    sections: tuple[Section, ...] = attrs.field(converter=_sections)
    """The domains, in the report's order."""
    open_items: tuple[OpenItem, ...] = attrs.field(default=(), converter=_open_items)
    """What is still open at `as_of`, overdue first."""
    notices: tuple[ImprovementNotice, ...] = attrs.field(default=(), converter=_notices)
    """The work improvement notices (工作改进通知单) of the month, one per department."""
    periods: tuple[Period, ...] = attrs.field(default=(), converter=_periods)
    """The periods of every indicator's `trend`, oldest first, ending with `period`."""
    cards: tuple[Scorecard, ...] = attrs.field(default=(), converter=_cards)
    """The properties' own cards when this is a group's card (empty for one property)."""

    def section(self, key: str) -> Section:
        """The section *key* (`"qpi"`, `"complaints"` ...).

        Raises:
            InvalidValueError: the card has no such section.
        """
        for s in self.sections:
            if s.key == key:
                return s
        known = ", ".join(s.key for s in self.sections)
        msg = f"'key' must be a section of the card ({known}), got {shown(key)}"
        raise InvalidValueError(msg, field="key", value=key)

    def indicator(self, key: str) -> Indicator:
        """The indicator *key* (`"qpi.coverage"`).

        Raises:
            InvalidValueError: the card has no such indicator.
        """
        for i in self.rows():
            if i.key == key:
                return i
        msg = f"'key' must name an indicator of the card, got {shown(key)}"
        raise InvalidValueError(msg, field="key", value=key)

    def rows(self) -> tuple[Indicator, ...]:
        """Every indicator, section by section (the rows behind the tables)."""
        return tuple(i for s in self.sections for i in s.indicators)

    @property
    def properties(self) -> tuple[str, ...]:
        """The properties on the card (one name, or each of a group)."""
        return tuple(c.title for c in self.cards) if self.cards else (self.title,)

    def __add__(self, other: object) -> Scorecard:
        if not isinstance(other, Scorecard):
            return NotImplemented
        return Scorecard.sum((self, other))

    @classmethod
    def sum(cls, cards: Iterable[Scorecard]) -> Scorecard:
        """The group card of *cards* (same period): pooled rates, summed amounts and counts.

        Raises:
            InvalidValueError: no cards, cards of different periods or trends, or the same
                property twice.
        """
        members = [m for c in cards for m in (c.cards or (c,))]
        if not members:
            msg = "'cards' must hold at least one scorecard"
            raise InvalidValueError(msg, field="cards", value=())
        names = [m.title for m in members]
        if len(set(names)) != len(names):
            twice = sorted({n for n in names if names.count(n) > 1})
            msg = f"a property must be counted once, got {shown(twice)} twice"
            raise InvalidValueError(msg, field="cards", value=twice)
        if len(members) == 1:
            return members[0]
        return functools.reduce(_pool, members[1:], _pool_start(members[0])).finish(members)

    def _table(self) -> Table:
        rows: list[tuple[str, ...]] = []
        strong = set()
        for s in self.sections:
            strong.add(len(rows))
            rows.append((f"{s.title_zh} {s.title}".strip(), "", "", _status_text(s.status), ""))
            rows.extend(_indicator_row(i) for i in s.indicators)
        return Table(
            title=f"{self.title} {self.period} (as of {cell(self.as_of)})",
            columns=(
                Column("指标 Indicator"),
                Column("Value", "right"),
                Column("Target"),
                Column("Status"),
                Column("Previous", "right"),
            ),
            rows=tuple(rows),
            strong=frozenset(strong),
            row_classes=tuple("" for _ in rows),
            css_class="propstd-scorecard",
        )

    def to_html(self) -> str:
        """The card as one self-contained HTML5 page (inline CSS and SVG, no script, no URL):
        a bar per indicator against its target, a trend per indicator when the card holds
        more than one period, the work improvement notices and the open items; readable on a
        phone and printable on A4. The same card always gives the same bytes.
        """
        return _html.page(self)

    def _repr_html_(self) -> str:
        return _html.fragment(self)

    def __repr__(self) -> str:
        return f"<Scorecard {self.title} {self.period}: {len(self.rows())} indicators>"


def _indicator_row(i: Indicator) -> tuple[str, ...]:
    return (
        f"  {i.title_zh} {i.title}".rstrip(),
        "no data" if i.value is None else cell(i.value),
        "" if i.target is None else str(i.target),
        _status_text(i.status),
        "" if i.previous is None else cell(i.previous),
    )


def _status_text(status: Status) -> str:
    return "" if status is Status.INFO else f"{status.label_zh} {status.value.replace('_', ' ')}"


@attrs.define
class _Pool:
    """A running group total (mutable while adding, frozen by `finish`)."""

    period: Period
    as_of: datetime
    periods: tuple[Period, ...]
    sections: dict[str, Section]
    open_items: list[OpenItem]
    notices: list[ImprovementNotice]

    def finish(self, members: list[Scorecard]) -> Scorecard:
        return Scorecard(
            title=f"{len(members)} properties",
            period=self.period,
            as_of=self.as_of,
            sections=tuple(self.sections.values()),
            open_items=tuple(self.open_items),
            notices=tuple(self.notices),
            periods=self.periods,
            cards=tuple(members),
        )


def _pool_start(card: Scorecard) -> _Pool:
    return _Pool(
        period=card.period,
        as_of=card.as_of,
        periods=card.periods,
        sections={s.key: s for s in card.sections},
        open_items=list(card.open_items),
        notices=list(card.notices),
    )


def _pool(total: _Pool, card: Scorecard) -> _Pool:
    check_same_period(total.period, card.period)
    if card.periods != total.periods:
        msg = "cards with different trend periods do not add"
        raise InvalidValueError(msg, field="periods", value=(total.periods, card.periods))
    for s in card.sections:
        mine = total.sections.get(s.key)
        total.sections[s.key] = s if mine is None else add_sections(mine, s)
    total.as_of = max(total.as_of, card.as_of)
    total.open_items += card.open_items
    total.notices += card.notices
    return total
