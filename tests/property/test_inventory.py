"""Invariants of propstd.inventory: FIFO issue conserves quantity and cost."""

from __future__ import annotations

import decimal
import json

from hypothesis import given
from hypothesis import strategies as st

from propstd.inventory import Lot, issue_fifo, reorder_needed
from propstd.money import Money
from tests.strategies import hostile_contexts, stock_lots


class TestFifo:
    """Seeds §5: materials are issued first-in-first-out (先老后新); stock records match stock."""

    @given(stock_lots(), st.data())
    def test_conserves_quantity_and_cost(self, lots: tuple[Lot, ...], data: st.DataObject) -> None:
        """Issued plus remaining equals what was on hand, in units and in money."""
        on_hand = sum(lot.quantity for lot in lots)
        quantity = data.draw(st.integers(1, on_hand))
        out = issue_fifo(lots, quantity)
        assert out.quantity == quantity
        assert out.quantity + out.on_hand == on_hand
        before = Money.sum((lot.value for lot in lots), currency="CNY")
        after = Money.sum((lot.value for lot in out.remaining), currency="CNY")
        assert out.cost + after == before

    @given(stock_lots(), st.data())
    def test_oldest_first(self, lots: tuple[Lot, ...], data: st.DataObject) -> None:
        """No remaining lot is older than a lot that was issued from."""
        quantity = data.draw(st.integers(1, sum(lot.quantity for lot in lots)))
        out = issue_fifo(lots, quantity)
        newest_issued = max(p.lot.received for p in out.issued)
        assert all(lot.received >= newest_issued for lot in out.remaining)
        # only the last lot issued from may be left partly used
        assert all(p.quantity == p.lot.quantity for p in out.issued[:-1])


class TestRoundTrip:
    """Serialization: `from_data(cls, to_data(x)) == x`."""

    @given(stock_lots(), st.data())
    def test_issue(self, lots: tuple[Lot, ...], data: st.DataObject) -> None:
        """Lots and issues survive JSON."""
        from propstd.inventory import FifoIssue
        from propstd.serialization import from_data, to_data

        out = issue_fifo(lots, data.draw(st.integers(1, sum(lot.quantity for lot in lots))))
        assert from_data(FifoIssue, json.loads(json.dumps(to_data(out)))) == out


class TestHostileContext:
    """Semantics §14.10: issues and reorder checks never read the global decimal context."""

    @given(hostile_contexts(), stock_lots(), st.data())
    def test_same_results(
        self, context: decimal.Context, lots: tuple[Lot, ...], data: st.DataObject
    ) -> None:
        """The issue, its cost and the reorder check are the same in any context."""
        on_hand = sum(lot.quantity for lot in lots)
        quantity = data.draw(st.integers(1, on_hand))

        def run() -> tuple[object, ...]:
            out = issue_fifo(lots, quantity)
            return out, out.cost, reorder_needed(out.remaining, on_hand // 2), lots[0].value

        expected = run()
        with decimal.localcontext(context):
            assert run() == expected
