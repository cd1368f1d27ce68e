"""Rankings: ordered rows with ties sharing a rank and the bottom rank (末位) marked.

The seeds assess people and units against each other: repair technicians by their quantified
figures, departments by their findings, zones against zones, properties by their scorecards,
with bottom-ranked elimination (末位淘汰) and reward and penalty (奖罚结合).
[rank][propstd.ranking.rank] orders any such entities by one measure and returns a
[Ranking][propstd.ranking.Ranking]:

- **Exact.** The measure is a [Rate][propstd.rates.Rate] (compared by its exact value, so
  `1/2` ties `2/4`), an `int`, a `Decimal` (ints and Decimals mix) or a
  [Money][propstd.money.Money] (one currency). Floats are refused.
- **Standard competition ranking** (1-2-2-4): an entity's rank is one more than the number of
  entities strictly better; tied entities share a rank and are listed by name.
- **The bottom.** An entity is at the bottom (末位) when fewer than `bottom` entities rank
  strictly below it and at least one ranks strictly above it. So ties at the bottom are all
  marked (`bottom=1` marks both of two tied last entities), and when every entity ties nobody
  is marked: there is no one to be worse than.
- **Not applicable.** A rate of `0/0` (nothing to judge: a technician with no completed
  repairs) cannot be ranked; it is refused unless `not_applicable` says where such entities go:
  [first][propstd.ranking.NotApplicable.FIRST], [last][propstd.ranking.NotApplicable.LAST]
  (they then share the last rank and are at the bottom) or
  [leave out][propstd.ranking.NotApplicable.LEAVE_OUT] (listed in `left_out`).

Examples:
    >>> from propstd.rates import Rate
    >>> r = rank({"张伟": Rate(15, 16), "李强": Rate(9, 12), "王磊": Rate(6, 8),
    ...           "赵敏": Rate(20, 20)}, by=lambda rate: rate, measure="completion on time")
    >>> [(e.rank, e.name, e.bottom) for e in r.entries]
    [(1, '赵敏', False), (2, '张伟', False), (3, '李强', True), (3, '王磊', True)]
    >>> r.bottom_names
    ('李强', '王磊')
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs

from propstd._numbers import check_exponent
from propstd._repr import shown
from propstd._table import Column, Rendered, Table
from propstd._validators import (
    at_least,
    check_int,
    check_nonblank,
    check_type,
    is_str,
    to_tuple,
    tuple_of,
)
from propstd._vocab import Vocabulary, to_member
from propstd.errors import CurrencyMismatchError, InvalidValueError
from propstd.money import Money
from propstd.rates import Rate

__all__ = ["NotApplicable", "RankedEntry", "Ranking", "rank"]


def __dir__() -> list[str]:
    return __all__


class NotApplicable(Vocabulary):
    """Where entities whose rate is not applicable (`0/0`) are placed."""

    FIRST = "first", "排在最前", "top"
    """Before every applicable entity, all sharing rank 1."""
    LAST = "last", "排在最后", "end"
    """After every applicable entity, all sharing the last rank (and so at the bottom)."""
    LEAVE_OUT = "leave_out", "不参与排名", "omit", "exclude"
    """Not ranked at all; their names are listed in `Ranking.left_out`."""


def _to_not_applicable(value: NotApplicable | str | None) -> NotApplicable | None:
    return None if value is None else to_member("not_applicable", NotApplicable, value)


Measure = Rate | Money | Decimal | int
"""A value an entity is ranked by."""


def _optional(kind: type) -> Callable[[object, attrs.Attribute[Any], object], None]:
    def validate(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None and (isinstance(value, bool) or not isinstance(value, kind)):
            msg = (
                f"{attribute.name!r} must be {kind.__name__} or None, "
                f"got {type(value).__name__} {shown(value)}"
            )
            raise TypeError(msg)

    return validate


@attrs.frozen(kw_only=True, repr=False)
class RankedEntry:
    """One row of a ranking: the rank, the entity's name, its value and whether it is 末位.

    The value sits in the one field that matches its kind (`rate`, `count`, `number` or
    `money`; the others are `None`), so every row is flat and typed;
    [value][propstd.ranking.RankedEntry.value] gives it whatever its kind.

    Raises:
        TypeError: a field has the wrong type.
        InvalidValueError: not exactly one of `rate`, `count`, `number`, `money` is given, or
            `rank` is below 1.
    """

    rank: int = attrs.field(validator=at_least(1))
    """1 for the best; tied entities share a rank (1, 2, 2, 4)."""
    name: str = attrs.field(validator=attrs.validators.instance_of(str))
    """The entity's name (a technician, a department, a zone, a property)."""
    bottom: bool = attrs.field(validator=attrs.validators.instance_of(bool))
    """Whether the entity is at the bottom (末位)."""
    rate: Rate | None = attrs.field(default=None, validator=_optional(Rate))
    """The value, when the measure is a rate."""
    count: int | None = attrs.field(default=None, validator=_optional(int))
    """The value, when the measure is an `int`."""
    number: Decimal | None = attrs.field(default=None, validator=_optional(Decimal))
    """The value, when the measure is a `Decimal`."""
    money: Money | None = attrs.field(default=None, validator=_optional(Money))
    """The value, when the measure is an amount of money."""

    def __attrs_post_init__(self) -> None:
        given = [v for v in (self.rate, self.count, self.number, self.money) if v is not None]
        if len(given) != 1:
            msg = (
                "exactly one of 'rate', 'count', 'number', 'money' must be given, "
                f"got {len(given)} for {self.name!r}"
            )
            raise InvalidValueError(msg, field="rate", value=tuple(given))

    @property
    def value(self) -> Measure:
        """The value the entity was ranked by."""
        for v in (self.rate, self.count, self.number):
            if v is not None:
                return v
        assert self.money is not None
        return self.money

    def __repr__(self) -> str:
        mark = ", bottom" if self.bottom else ""
        return f"RankedEntry({self.rank}, {self.name!r}, {self.value!s}{mark})"


def _to_entries(value: Iterable[RankedEntry]) -> tuple[RankedEntry, ...]:
    return to_tuple(value)


def _to_names(value: Iterable[str]) -> tuple[str, ...]:
    return to_tuple(value)


@attrs.frozen(kw_only=True, repr=False)
class Ranking(Rendered):
    """Entities in order of one measure, best first, ties sharing a rank, 末位 marked.

    Build it with [rank][propstd.ranking.rank]. Print it (or `to_text()`, `to_markdown()`,
    `to_html()`) for a table; [rows][propstd.ranking.Ranking.rows] gives the typed rows.

    Raises:
        TypeError: a field has the wrong type.
        InvalidValueError: names repeat, or the entries are not in rank order.
    """

    measure: str = attrs.field(validator=is_str)
    """What the entities were ranked by (a column title)."""
    higher_is_better: bool = attrs.field(validator=attrs.validators.instance_of(bool))
    """Whether a higher value ranks first."""
    bottom: int = attrs.field(validator=at_least(0))
    """How many places from the bottom are marked 末位 (ties at the edge all marked)."""
    entries: tuple[RankedEntry, ...] = attrs.field(
        converter=_to_entries, validator=tuple_of(RankedEntry)
    )
    """The ranked entities, best first."""
    not_applicable: NotApplicable | None = attrs.field(default=None, converter=_to_not_applicable)
    """Where `0/0` rates were placed (`None`: there were none, or none were allowed)."""
    left_out: tuple[str, ...] = attrs.field(
        default=(), converter=_to_names, validator=tuple_of(str)
    )
    """Entities not ranked because their rate was `0/0` (with `not_applicable="leave_out"`)."""

    def __attrs_post_init__(self) -> None:
        names = [e.name for e in self.entries] + list(self.left_out)
        if len(set(names)) != len(names):
            dupes = sorted(n for n, c in Counter(names).items() if c > 1)
            msg = f"'entries' must name each entity once, got {dupes!r} twice"
            raise InvalidValueError(msg, field="entries", value=dupes)
        ranks = [e.rank for e in self.entries]
        if ranks != sorted(ranks):
            msg = f"'entries' must be in rank order, got ranks {ranks!r}"
            raise InvalidValueError(msg, field="entries", value=ranks)

    def rows(self) -> tuple[RankedEntry, ...]:
        """The typed rows behind the table: one [RankedEntry][propstd.ranking.RankedEntry]
        per ranked entity, best first."""
        return self.entries

    @property
    def bottom_names(self) -> tuple[str, ...]:
        """The names marked 末位, in rank order."""
        return tuple(e.name for e in self.entries if e.bottom)

    def entry(self, name: str) -> RankedEntry:
        """The row of the entity *name*.

        Raises:
            InvalidValueError: no ranked entity has that name.
        """
        for e in self.entries:
            if e.name == name:
                return e
        known = ", ".join(repr(e.name) for e in self.entries)
        msg = f"'name' must be a ranked entity ({shown(known)}), got {shown(name)}"
        raise InvalidValueError(msg, field="name", value=name)

    def _table(self) -> Table:
        better = "higher" if self.higher_is_better else "lower"
        notes = []
        if self.left_out:
            notes.append("不参与排名 not ranked (n/a 0/0): " + ", ".join(self.left_out))
        return Table(
            title=f"排名 Ranking by {self.measure} ({better} is better)",
            columns=(
                Column("名次 Rank", "right"),
                Column("名称 Name"),
                Column(self.measure, "right"),
                Column("末位 Bottom"),
            ),
            rows=tuple(
                (str(e.rank), e.name, str(e.value), "末位 bottom" if e.bottom else "")
                for e in self.entries
            ),
            row_classes=tuple("bottom" if e.bottom else "" for e in self.entries),
            notes=tuple(notes),
        )

    def __repr__(self) -> str:
        marked = ", ".join(repr(n) for n in self.bottom_names) or "none"
        return f"<Ranking by {self.measure!r}: {len(self.entries)} entities, bottom {marked}>"


# -- rank() -------------------------------------------------------------------------------


def _resolve(what: str, how: str | Callable[[Any], Any], entity: object) -> Any:
    if isinstance(how, str):
        if not hasattr(entity, how):
            msg = f"{what}={how!r}: {type(entity).__name__} {shown(entity)} has no such attribute"
            raise TypeError(msg)
        return getattr(entity, how)
    return how(entity)


def _check_how(what: str, how: object) -> None:
    if not isinstance(how, str) and not callable(how):
        msg = f"{what!r} must be an attribute name or a function, got {type(how).__name__}"
        raise TypeError(msg)


def _default_name(entity: object) -> str:
    for attribute in ("label", "name"):
        value = getattr(entity, attribute, None)
        if isinstance(value, str):
            return value
    msg = (
        f"cannot name {type(entity).__name__} {shown(entity)}: pass a mapping of name to "
        "entity, or name= (an attribute name or a function)"
    )
    raise TypeError(msg)


def _pairs(
    entities: Mapping[str, object] | Iterable[object], name: str | Callable[[Any], Any] | None
) -> list[tuple[str, object]]:
    if isinstance(entities, str | bytes) or not isinstance(entities, Iterable):
        msg = f"'entities' must be a mapping or an iterable, got {type(entities).__name__}"
        raise TypeError(msg)
    if isinstance(entities, Mapping):
        items = [
            (key if name is None else _resolve("name", name, e), e) for key, e in entities.items()
        ]
    else:
        items = [
            (_default_name(e) if name is None else _resolve("name", name, e), e) for e in entities
        ]
    seen: set[str] = set()
    for i, (label, _entity) in enumerate(items):
        check_nonblank(f"entities[{i}] name", label)
        if label in seen:
            msg = f"'entities' must have distinct names, got {label!r} twice"
            raise InvalidValueError(msg, field="entities", value=label)
        seen.add(label)
    return items


def _kind(value: object) -> str:
    if isinstance(value, Rate):
        return "rate"
    if isinstance(value, Money):
        return "money"
    if isinstance(value, int | Decimal) and not isinstance(value, bool):
        return "number"
    msg = (
        "'by' must give a Rate, an int, a Decimal or a Money, "
        f"got {type(value).__name__} {shown(value)}"
    )
    raise TypeError(msg)


def _key(label: str, value: Measure) -> Fraction | None:
    """The exact value compared (`None` for a `0/0` rate)."""
    if isinstance(value, Rate):
        return value.fraction
    if isinstance(value, Money):
        return Fraction(value.amount)
    if isinstance(value, Decimal):
        return Fraction(check_exponent(f"value of {label}", value))
    return Fraction(value)


def _measured(items: list[tuple[str, object]], by: str | Callable[[Any], Any]) -> list[Any]:
    values = [_resolve("by", by, entity) for _label, entity in items]
    kinds = {_kind(v) for v in values}
    if len(kinds) > 1:
        shown_kinds = ", ".join(
            f"{label!r}: {type(v).__name__}" for (label, _e), v in zip(items, values, strict=True)
        )
        msg = f"'by' must give one kind of measure for every entity, got {shown(shown_kinds)}"
        raise InvalidValueError(msg, field="by", value=sorted(kinds))
    currencies = {v.currency for v in values if isinstance(v, Money)}
    if len(currencies) > 1:
        msg = f"'by' must give amounts of one currency, got {sorted(c.value for c in currencies)}"
        raise CurrencyMismatchError(msg, field="by", value=sorted(currencies))
    return values


def _entry(rank_: int, label: str, value: Measure, *, bottom: bool) -> RankedEntry:
    if isinstance(value, Rate):
        return RankedEntry(rank=rank_, name=label, bottom=bottom, rate=value)
    if isinstance(value, Money):
        return RankedEntry(rank=rank_, name=label, bottom=bottom, money=value)
    if isinstance(value, Decimal):
        return RankedEntry(rank=rank_, name=label, bottom=bottom, number=value)
    return RankedEntry(rank=rank_, name=label, bottom=bottom, count=value)


def rank(
    entities: Mapping[str, object] | Iterable[object],
    *,
    by: str | Callable[[Any], Any],
    higher_is_better: bool = True,
    bottom: int = 1,
    not_applicable: NotApplicable | str | None = None,
    name: str | Callable[[Any], Any] | None = None,
    measure: str = "",
) -> Ranking:
    """Rank *entities* by the measure *by* gives, best first; mark the bottom *bottom* places.

    Ranks follow standard competition ranking (1-2-2-4: one more than the number of entities
    strictly better); tied entities are listed by name. An entity is at the bottom (末位)
    when fewer than *bottom* entities rank strictly below it and at least one ranks strictly
    above it: every entity tied at the edge is marked (more than *bottom* may be), and if all
    entities tie none is.

    Args:
        entities: a mapping of name to entity, or an iterable of entities (named by *name*, or
            by their `label` or `name` attribute).
        by: an attribute name (`"completion"` of a technician's repair figures) or a function of
            an entity giving its value: a `Rate` (compared exactly), an `int`, a `Decimal` or a
            `Money` (one kind for all; ints and Decimals mix; one currency).
        higher_is_better: `False` for measures where less is better (rework rate, complaints).
        bottom: how many places from the bottom are 末位 (0 marks none).
        not_applicable: where entities with a `0/0` rate go: `"first"`, `"last"` or
            `"leave_out"`; without it a `0/0` rate is refused.
        name: an attribute name or a function naming each entity (for a mapping, it replaces
            the keys).
        measure: the title of the value column (default: *by* when it is an attribute name,
            else `"value"`).

    Returns:
        The [Ranking][propstd.ranking.Ranking].

    Raises:
        TypeError: *by* gives something other than a Rate, int, Decimal or Money (a float, a
            bool), an entity has no such attribute, or an entity cannot be named.
        InvalidValueError: fewer than two entities are ranked, names repeat or are blank,
            values are of different kinds, or a rate is `0/0` and *not_applicable* is not given
            (`field` is `"by"`, `value` the entity's name).
        CurrencyMismatchError: amounts of different currencies.

    References:
        Seed rules §6: assessment by bottom-ranked elimination (末位淘汰) and reward and
        penalty; §4: a good technician's rework rate is low (quantified assessment).

    Examples:
        >>> r = rank({"A": 3, "B": 5, "C": 5, "D": 1}, by=lambda n: n, higher_is_better=False)
        >>> [(e.rank, e.name) for e in r.entries], r.bottom_names
        ([(1, 'D'), (2, 'A'), (3, 'B'), (3, 'C')], ('B', 'C'))
    """
    check_int("bottom", bottom)
    if bottom < 0:
        msg = f"'bottom' must be at least 0, got {bottom!r}"
        raise InvalidValueError(msg, field="bottom", value=bottom)
    check_type("higher_is_better", higher_is_better, bool)
    _check_how("by", by)
    if name is not None:
        _check_how("name", name)
    placement = _to_not_applicable(not_applicable)
    items = _pairs(entities, name)
    values = _measured(items, by)
    ranked: list[tuple[int, Fraction, str, Measure]] = []
    left_out: list[str] = []
    for (label, _entity), value in zip(items, values, strict=True):
        key = _key(label, value)
        if key is None:
            if placement is None:
                msg = (
                    f"{label!r} has a rate that is not applicable ({value}); say where to place "
                    "it with not_applicable='first', 'last' or 'leave_out'"
                )
                raise InvalidValueError(msg, field="by", value=label)
            if placement is NotApplicable.LEAVE_OUT:
                left_out.append(label)
                continue
            group = 0 if placement is NotApplicable.FIRST else 2
            ranked.append((group, Fraction(0), label, value))
        else:
            ranked.append((1, key if higher_is_better else -key, label, value))
    return _ranking(
        ranked,
        measure=measure or (by if isinstance(by, str) else "value"),
        higher_is_better=higher_is_better,
        bottom=bottom,
        placement=placement if left_out or len(ranked) > _applicable(ranked) else None,
        left_out=tuple(sorted(left_out)),
    )


def _applicable(ranked: list[tuple[int, Fraction, str, Measure]]) -> int:
    return sum(1 for group, *_rest in ranked if group == 1)


def _ranking(
    ranked: list[tuple[int, Fraction, str, Measure]],
    *,
    measure: str,
    higher_is_better: bool,
    bottom: int,
    placement: NotApplicable | None,
    left_out: tuple[str, ...],
) -> Ranking:
    if len(ranked) < 2:
        msg = f"'entities' must hold at least two entities to rank, got {len(ranked)}" + (
            f" ({len(left_out)} left out as not applicable)" if left_out else ""
        )
        raise InvalidValueError(msg, field="entities", value=len(ranked))
    # best first: group (n/a first, applicable, n/a last), then the larger key, then the name
    ranked.sort(key=lambda r: (r[0], -r[1], r[2]))
    order = [(group, key) for group, key, _label, _value in ranked]
    n = len(order)
    entries = []
    first_of: dict[tuple[int, Fraction], int] = {}
    for i, position in enumerate(order):
        first_of.setdefault(position, i)
    last_of = {position: i for i, position in enumerate(order)}
    for group, key, label, value in ranked:
        better = first_of[group, key]
        worse = n - 1 - last_of[group, key]
        marked = better > 0 and worse < bottom
        entries.append(_entry(better + 1, label, value, bottom=marked))
    return Ranking(
        measure=measure,
        higher_is_better=higher_is_better,
        bottom=bottom,
        entries=tuple(entries),
        not_applicable=placement,
        left_out=left_out,
    )
