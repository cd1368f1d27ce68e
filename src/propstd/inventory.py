"""Stock issued first-in-first-out at exact cost, and the minimum level that triggers a purchase.

Materials are issued oldest lot first (先进先出, 先老后新):
[issue_fifo][propstd.inventory.issue_fifo] takes a quantity from the
[Lot][propstd.inventory.Lot]s in order of receipt and returns what was issued from each lot,
its exact cost and the lots that remain. Stock never goes negative: asking for more than is on
hand raises an error naming the shortfall. [reorder_needed][propstd.inventory.reorder_needed]
checks stock against its minimum level (最低库存).

Quantities are whole numbers of the item's stock unit (pieces, rolls, litres), so costs are
exact: `quantity × unit cost`.

Examples:
    >>> from datetime import date
    >>> from propstd.money import Money
    >>> from propstd.inventory import Lot, issue_fifo
    >>> lots = [Lot(item="LED bulb", received=date(2025, 1, 10), quantity=40,
    ...             unit_cost=Money("12.50", "CNY")),
    ...         Lot(item="LED bulb", received=date(2025, 3, 2), quantity=50,
    ...             unit_cost=Money("13.00", "CNY"))]
    >>> out = issue_fifo(lots, 45)
    >>> out.cost, [p.quantity for p in out.issued], out.on_hand
    (Money('565.00', 'CNY'), [40, 5], 45)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

import attrs

from propstd._repr import shown
from propstd._validators import check_int, check_type, is_date, nonblank
from propstd.errors import CurrencyMismatchError, InvalidValueError
from propstd.money import Money

__all__ = ["FifoIssue", "Lot", "LotIssue", "ReorderCheck", "issue_fifo", "reorder_needed"]


def __dir__() -> list[str]:
    return __all__


def _at_least(name: str, value: object, minimum: int) -> int:
    count = check_int(name, value)
    if count < minimum:
        floor = "not be negative" if minimum == 0 else f"be at least {minimum}"
        msg = f"{name!r} must {floor}, got {shown(value)}"
        raise InvalidValueError(msg, field=name, value=value)
    return count


def _positive(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _at_least(attribute.name, value, 1)


def _non_negative(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _at_least(attribute.name, value, 0)


def _cost(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if check_type(attribute.name, value, Money).units < 0:
        msg = f"{attribute.name!r} must not be negative, got {value!r}"
        raise InvalidValueError(msg, field=attribute.name, value=value)


@attrs.frozen(kw_only=True)
class Lot:
    """A quantity of one item received on one date at one unit cost.

    Raises:
        InvalidValueError: a blank item, a quantity below 1, a negative unit cost.
        TypeError: a non-int quantity, a datetime for *received*, a unit cost that is no Money.

    Examples:
        >>> Lot(item="LED bulb", received=date(2025, 1, 10), quantity=40,
        ...     unit_cost=Money("12.50", "CNY")).value
        Money('500.00', 'CNY')
    """

    item: str = attrs.field(validator=nonblank)
    """The item (a stock code or name)."""
    received: date = attrs.field(validator=is_date)
    """The date the lot was received; older lots are issued first."""
    quantity: int = attrs.field(validator=_positive)
    """Whole stock units in the lot (at least 1)."""
    unit_cost: Money = attrs.field(validator=_cost)
    """The cost of one stock unit."""

    @property
    def value(self) -> Money:
        """`quantity × unit_cost`, exact."""
        return self.unit_cost * self.quantity


@attrs.frozen(kw_only=True)
class LotIssue:
    """The part of one lot that an issue took."""

    lot: Lot = attrs.field(validator=attrs.validators.instance_of(Lot))
    """The lot, as it was before the issue."""
    quantity: int = attrs.field(validator=_positive)
    """The units taken from it."""

    def __attrs_post_init__(self) -> None:
        if self.quantity > self.lot.quantity:
            msg = f"'quantity' {shown(self.quantity)} exceeds the lot's {shown(self.lot.quantity)}"
            raise InvalidValueError(msg, field="quantity", value=self.quantity)

    @property
    def cost(self) -> Money:
        """`quantity × the lot's unit cost`, exact."""
        return self.lot.unit_cost * self.quantity


def _issues(value: Iterable[LotIssue]) -> tuple[LotIssue, ...]:
    out = tuple(value)
    for i, part in enumerate(out):
        check_type(f"issued[{i}]", part, LotIssue)
    return out


def _lots(value: Iterable[Lot]) -> tuple[Lot, ...]:
    out = tuple(value)
    for i, lot in enumerate(out):
        check_type(f"remaining[{i}]", lot, Lot)
    return out


@attrs.frozen(kw_only=True)
class FifoIssue:
    """The result of [issue_fifo][propstd.inventory.issue_fifo]: what was issued, what is left."""

    issued: tuple[LotIssue, ...] = attrs.field(converter=_issues)
    """The parts taken, oldest lot first."""
    remaining: tuple[Lot, ...] = attrs.field(converter=_lots)
    """The lots left, oldest first (a partly used lot with its reduced quantity)."""

    @property
    def quantity(self) -> int:
        """The units issued."""
        return sum(p.quantity for p in self.issued)

    @property
    def cost(self) -> Money:
        """The exact cost of the units issued."""
        currency = self.issued[0].lot.unit_cost.currency
        return Money.sum((p.cost for p in self.issued), currency=currency)

    @property
    def on_hand(self) -> int:
        """The units left in stock."""
        return sum(lot.quantity for lot in self.remaining)


def issue_fifo(lots: Sequence[Lot], quantity: int) -> FifoIssue:
    """Issue *quantity* units from *lots*, oldest received first (ties in the given order).

    Args:
        lots: the lots of one item on hand, in one currency.
        quantity: the units to issue (at least 1).

    Raises:
        InvalidValueError: *quantity* below 1; lots of different items; more than is on hand
            (the message names the shortfall).
        CurrencyMismatchError: lots costed in different currencies.

    Examples:
        >>> lot = Lot(item="mop", received=date(2025, 3, 1), quantity=3,
        ...           unit_cost=Money("20.00", "CNY"))
        >>> issue_fifo([lot], 5)
        Traceback (most recent call last):
        ...
        propstd.errors.InvalidValueError: cannot issue 5 of 'mop': 3 on hand, short by 2
    """
    stock = tuple(lots)
    for i, lot in enumerate(stock):
        check_type(f"lots[{i}]", lot, Lot)
    _at_least("quantity", quantity, 1)
    if not stock:
        msg = f"cannot issue {shown(quantity)}: 'lots' is empty, short by {shown(quantity)}"
        raise InvalidValueError(msg, field="lots", value=lots)
    first = stock[0]
    for i, lot in enumerate(stock):
        if lot.item != first.item:
            msg = (
                f"'lots[{i}]' is {shown(lot.item)}, not {shown(first.item)}: "
                "issue one item at a time"
            )
            raise InvalidValueError(msg, field=f"lots[{i}]", value=lot)
        if lot.unit_cost.currency is not first.unit_cost.currency:
            msg = (
                f"'lots[{i}]' is costed in {lot.unit_cost.currency}, not {first.unit_cost.currency}"
            )
            raise CurrencyMismatchError(msg, field=f"lots[{i}]", value=lot)
    on_hand = sum(lot.quantity for lot in stock)
    if quantity > on_hand:
        msg = (
            f"cannot issue {shown(quantity)} of {shown(first.item)}: {shown(on_hand)} on hand, "
            f"short by {shown(quantity - on_hand)}"
        )
        raise InvalidValueError(msg, field="quantity", value=quantity)
    ordered = sorted(stock, key=lambda lot: lot.received)  # stable: ties keep the given order
    issued: list[LotIssue] = []
    remaining: list[Lot] = []
    wanted = quantity
    for lot in ordered:
        take = min(wanted, lot.quantity)
        if take:
            issued.append(LotIssue(lot=lot, quantity=take))
            wanted -= take
        if take < lot.quantity:
            remaining.append(attrs.evolve(lot, quantity=lot.quantity - take))
    return FifoIssue(issued=issued, remaining=remaining)


@attrs.frozen(kw_only=True)
class ReorderCheck:
    """Stock against its minimum level (最低库存)."""

    on_hand: int = attrs.field(validator=_non_negative)
    """Units in stock."""
    minimum: int = attrs.field(validator=_non_negative)
    """The minimum level; at or below it a purchase is due."""

    @property
    def needed(self) -> bool:
        """Whether stock is at or below the minimum."""
        return self.on_hand <= self.minimum

    @property
    def below_by(self) -> int:
        """How far stock is under the minimum (0 when it is not)."""
        return max(0, self.minimum - self.on_hand)

    def __bool__(self) -> bool:
        return self.needed


def reorder_needed(on_hand: int | Sequence[Lot], minimum: int) -> ReorderCheck:
    """Whether *on_hand* (a count, or the lots on hand) has reached the *minimum* level.

    A purchase is due when stock is **at or below** the minimum.

    Raises:
        InvalidValueError: a negative count or minimum.

    Examples:
        >>> reorder_needed(12, 10).needed, reorder_needed(10, 10).needed
        (False, True)
    """
    given: object = on_hand
    if isinstance(given, int):
        count = given
    elif isinstance(given, Sequence) and not isinstance(given, str):
        lots = tuple(given)
        count = sum(check_type(f"on_hand[{i}]", lot, Lot).quantity for i, lot in enumerate(lots))
    else:
        msg = (
            f"'on_hand' must be an int or a sequence of Lot, got {type(given).__name__} "
            f"{shown(given)}"
        )
        raise TypeError(msg)
    return ReorderCheck(on_hand=count, minimum=minimum)
