"""Examples and bad inputs for propstd.inventory."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

import attrs
import pytest

import propstd.inventory as inventory
from propstd.errors import CurrencyMismatchError, InvalidValueError
from propstd.inventory import FifoIssue, Lot, LotIssue, ReorderCheck, issue_fifo, reorder_needed
from propstd.money import Money


def lot(received: str, quantity: int, cost: str, item: str = "LED bulb") -> Lot:
    """A lot, shortly."""
    return Lot(
        item=item,
        received=date.fromisoformat(received),
        quantity=quantity,
        unit_cost=Money(cost, "CNY"),
    )


LOTS = (
    lot("2025-03-02", 50, "13.00"),
    lot("2025-01-10", 40, "12.50"),
    lot("2025-02-01", 10, "12.80"),
)


def test_public_api() -> None:
    """`__all__` is sorted, and `dir()` shows exactly it."""
    assert inventory.__all__ == sorted(inventory.__all__)
    assert dir(inventory) == inventory.__all__
    for name in inventory.__all__:
        assert getattr(inventory, name).__doc__


class TestIssueFifo:
    """Oldest lot first, exact cost."""

    @pytest.mark.parametrize(
        ("quantity", "taken", "cost", "left"),
        [
            pytest.param(1, [1], "12.50", 99, id="one"),
            pytest.param(40, [40], "500.00", 60, id="first-lot"),
            pytest.param(45, [40, 5], "564.00", 55, id="two-lots"),
            pytest.param(55, [40, 10, 5], "693.00", 45, id="three-lots"),
            pytest.param(100, [40, 10, 50], "1278.00", 0, id="everything"),
        ],
    )
    def test_table(self, quantity: int, taken: list[int], cost: str, left: int) -> None:
        """Lots are taken by receipt date, whatever their order in the input."""
        out = issue_fifo(LOTS, quantity)
        assert [p.quantity for p in out.issued] == taken
        assert out.cost == Money(cost, "CNY")
        assert out.on_hand == left
        assert out.quantity == quantity

    def test_partly_used_lot_remains(self) -> None:
        """A partly used lot stays with its reduced quantity."""
        out = issue_fifo(LOTS, 45)
        assert out.remaining[0] == lot("2025-02-01", 5, "12.80")
        assert out.issued[1].cost == Money("64.00", "CNY")

    def test_ties_keep_input_order(self) -> None:
        """Lots received the same day are issued in the order given."""
        a, b = lot("2025-01-01", 1, "1.00"), lot("2025-01-01", 1, "2.00")
        assert issue_fifo([b, a], 1).cost == Money("2.00", "CNY")

    @pytest.mark.parametrize(
        ("lots", "quantity", "error", "match"),
        [
            pytest.param(
                LOTS,
                101,
                InvalidValueError,
                "cannot issue 101 of 'LED bulb': 100 on hand, short by 1",
                id="short",
            ),
            pytest.param((), 1, InvalidValueError, "'lots' is empty, short by 1", id="empty"),
            pytest.param(
                LOTS, 0, InvalidValueError, "'quantity' must be at least 1, got 0", id="zero"
            ),
            pytest.param(LOTS, 1.5, TypeError, "'quantity' must be an int", id="float"),
            pytest.param(
                (*LOTS, lot("2025-01-01", 1, "1", item="mop")),
                1,
                InvalidValueError,
                r"'lots\[3\]' is 'mop', not 'LED bulb'",
                id="items",
            ),
            pytest.param(
                (LOTS[0], attrs.evolve(LOTS[1], unit_cost=Money("1", "HKD"))),
                1,
                CurrencyMismatchError,
                r"'lots\[1\]' is costed in HKD",
                id="currency",
            ),
            pytest.param(("x",), 1, TypeError, r"'lots\[0\]' must be Lot", id="type"),
        ],
    )
    def test_bad(self, lots: Any, quantity: Any, error: type[Exception], match: str) -> None:
        """Never negative stock; one item and currency at a time."""
        with pytest.raises(error, match=match):
            issue_fifo(lots, quantity)


class TestLot:
    """Lots validate on construction and on `attrs.evolve`."""

    def test_value(self) -> None:
        """A lot's value is exact."""
        assert LOTS[0].value == Money("650.00", "CNY")

    @pytest.mark.parametrize(
        ("kwargs", "error", "match"),
        [
            pytest.param(
                {"quantity": 0},
                InvalidValueError,
                "'quantity' must be at least 1, got 0",
                id="zero",
            ),
            pytest.param({"quantity": 2.5}, TypeError, "'quantity' must be an int", id="float"),
            pytest.param(
                {"unit_cost": Money("-1", "CNY")},
                InvalidValueError,
                "'unit_cost' must not be negative",
                id="negative",
            ),
            pytest.param(
                {"unit_cost": 12.5}, TypeError, "'unit_cost' must be Money", id="float-cost"
            ),
            pytest.param({"item": " "}, InvalidValueError, "'item' must not be empty", id="blank"),
            pytest.param(
                {"received": datetime(2025, 1, 1)},
                TypeError,
                "'received' must be a date",
                id="datetime",
            ),
        ],
    )
    def test_bad(self, kwargs: dict[str, Any], error: type[Exception], match: str) -> None:
        """Bad lots are refused."""
        with pytest.raises(error, match=match):
            attrs.evolve(LOTS[0], **kwargs)

    def test_bad_issue_part(self) -> None:
        """An issue part cannot take more than its lot holds."""
        with pytest.raises(InvalidValueError, match="'quantity' 51 exceeds the lot's 50"):
            LotIssue(lot=LOTS[0], quantity=51)
        with pytest.raises(TypeError, match=r"'issued\[0\]' must be LotIssue"):
            FifoIssue(issued=["x"], remaining=[])  # type: ignore[list-item]
        with pytest.raises(TypeError, match=r"'remaining\[0\]' must be Lot"):
            FifoIssue(issued=[], remaining=["x"])  # type: ignore[list-item]


class TestReorder:
    """A purchase is due at or below the minimum level."""

    @pytest.mark.parametrize(
        ("on_hand", "minimum", "needed", "below"),
        [
            pytest.param(12, 10, False, 0, id="above"),
            pytest.param(10, 10, True, 0, id="at"),
            pytest.param(7, 10, True, 3, id="below"),
            pytest.param(0, 0, True, 0, id="empty-no-minimum"),
        ],
    )
    def test_table(self, on_hand: int, minimum: int, needed: bool, below: int) -> None:
        """At or below the minimum triggers a purchase."""
        check = reorder_needed(on_hand, minimum)
        assert check.needed is needed
        assert bool(check) is needed
        assert check.below_by == below

    def test_from_lots(self) -> None:
        """Lots on hand are counted."""
        assert reorder_needed(LOTS, 100).needed
        assert not reorder_needed(issue_fifo(LOTS, 1).remaining, 98).needed

    @pytest.mark.parametrize(
        ("on_hand", "minimum", "error", "match"),
        [
            pytest.param(
                -1, 0, InvalidValueError, "'on_hand' must not be negative, got -1", id="negative"
            ),
            pytest.param(
                1, -1, InvalidValueError, "'minimum' must not be negative, got -1", id="minimum"
            ),
            pytest.param(
                1.5,
                1,
                TypeError,
                "'on_hand' must be an int or a sequence of Lot, got float 1.5",
                id="float",
            ),
            pytest.param(1, 1.5, TypeError, "'minimum' must be an int", id="float-minimum"),
            pytest.param(["x"], 1, TypeError, r"'on_hand\[0\]' must be Lot", id="not-lots"),
            pytest.param(True, 1, TypeError, "'on_hand' must be an int", id="bool"),
        ],
    )
    def test_bad(self, on_hand: Any, minimum: Any, error: type[Exception], match: str) -> None:
        """Bad reorder inputs are refused."""
        with pytest.raises(error, match=match):
            reorder_needed(on_hand, minimum)

    def test_record(self) -> None:
        """The record validates too."""
        with pytest.raises(InvalidValueError, match="'minimum' must not be negative"):
            ReorderCheck(on_hand=1, minimum=-2)


class TestErrorsCarryData:
    """Every refusal names its field and keeps the offending value (§14.9)."""

    @pytest.mark.parametrize(
        ("call", "field", "value"),
        [
            pytest.param(lambda: issue_fifo([_lot(3)], 0), "quantity", 0, id="quantity"),
            pytest.param(lambda: issue_fifo([_lot(3)], 5), "quantity", 5, id="short"),
            pytest.param(lambda: issue_fifo([], 5), "lots", [], id="no-lots"),
            pytest.param(lambda: _lot(0), "quantity", 0, id="lot-quantity"),
            pytest.param(lambda: reorder_needed(-1, 3), "on_hand", -1, id="on-hand"),
            pytest.param(lambda: reorder_needed(1, -3), "minimum", -3, id="minimum"),
            pytest.param(
                lambda: LotIssue(lot=_lot(3), quantity=4), "quantity", 4, id="issue-too-much"
            ),
        ],
    )
    def test_field_and_value(self, call: Callable[[], object], field: str, value: object) -> None:
        """The error's `field` and `value` say what was wrong."""
        with pytest.raises(InvalidValueError) as info:
            call()
        assert (info.value.field, info.value.value) == (field, value)

    def test_other_item_and_currency(self) -> None:
        """A lot of another item or currency is named by its index."""
        other = Lot(item="mop", received=date(2025, 3, 1), quantity=1, unit_cost=_lot(1).unit_cost)
        with pytest.raises(InvalidValueError) as info:
            issue_fifo([_lot(3), other], 1)
        assert info.value.field == "lots[1]"
        usd = Lot(item="bulb", received=date(2025, 3, 1), quantity=1, unit_cost=Money("1", "USD"))
        with pytest.raises(CurrencyMismatchError) as mismatch:
            issue_fifo([_lot(3), usd], 1)
        assert mismatch.value.field == "lots[1]"

    def test_huge_quantity(self) -> None:
        """A quantity of thousands of digits is refused with a readable message."""
        with pytest.raises(InvalidValueError, match="short by <int of about") as info:
            issue_fifo([_lot(3)], 10**5000)
        assert info.value.field == "quantity"


def _lot(quantity: int) -> Lot:
    return Lot(
        item="bulb", received=date(2025, 1, 10), quantity=quantity, unit_cost=Money("2", "CNY")
    )
