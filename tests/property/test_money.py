"""Property tests for propstd.money: exact arithmetic, splitting that always adds up."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from propstd.errors import CurrencyMismatchError
from propstd.money import Currency, Money, Rounding, allocate, split_evenly
from tests.strategies import currencies, monies, roundings

weights = st.one_of(
    st.integers(min_value=0, max_value=1_000),
    st.fractions(min_value=0, max_value=1_000, max_denominator=100),
    st.decimals(min_value=0, max_value=1_000, places=3),
)


weight_lists = st.lists(weights, min_size=1, max_size=12).filter(
    lambda ws: sum(Fraction(w) for w in ws) > 0
)


class TestArithmetic:
    """Contract §1: `+`, `-`, unary `-`, `* int` and comparisons are exact, within one currency."""

    @given(currencies(), st.integers(-(10**15), 10**15), st.integers(-(10**15), 10**15))
    def test_matches_integer_units(self, currency: Currency, a: int, b: int) -> None:
        """Every operation equals the same operation on integer minor units (the oracle)."""
        x, y = Money.from_units(a, currency), Money.from_units(b, currency)
        assert (x + y).units == a + b
        assert (x - y).units == a - b
        assert (-x).units == -a
        assert abs(x).units == abs(a)
        assert (x * 7).units == 7 * a
        assert (x < y) == (a < b)
        assert (x <= y) == (a <= b)
        assert (x == y) == (a == b)

    @given(monies())
    def test_amount_and_units_agree(self, m: Money) -> None:
        """The amount is exactly units × quantum."""
        assert m.amount == m.units * m.currency.quantum
        assert Money(str(m.amount), m.currency) == m
        assert Money(m.amount, m.currency.value) == m

    @given(monies(), monies())
    def test_currencies_never_mix(self, a: Money, b: Money) -> None:
        """Adding or comparing two currencies raises CurrencyMismatchError."""
        if a.currency is b.currency:
            assert (a + b) - b == a
        else:
            with pytest.raises(CurrencyMismatchError):
                _ = a + b
            with pytest.raises(CurrencyMismatchError):
                _ = a < b

    @given(st.lists(monies(currency=Currency.CNY), max_size=20))
    def test_sum_is_exact(self, items: list[Money]) -> None:
        """Money.sum equals the sum of the units."""
        total = Money.sum(items, currency="CNY")
        assert total.units == sum(m.units for m in items)


class TestRounding:
    """Contract §1: `Money.rounded` is the only rounding entry point; it rounds once, exactly."""

    @given(st.fractions(min_value=-(10**9), max_value=10**9), roundings(), currencies())
    def test_within_one_unit(self, value: Fraction, rounding: Rounding, currency: Currency) -> None:
        """The result is less than one minor unit away from the exact value."""
        result = Money.rounded(value, currency, rounding=rounding)
        assert abs(Fraction(result.amount) - value) < Fraction(currency.quantum)

    @given(st.decimals(min_value=-(10**9), max_value=10**9, places=4), roundings())
    def test_agrees_with_decimal(self, value: Decimal, rounding: Rounding) -> None:
        """Rounding a Decimal agrees with Decimal.quantize in the same mode."""
        expected = value.quantize(Decimal("0.01"), rounding=rounding.decimal_mode)
        assert Money.rounded(value, "CNY", rounding=rounding).amount == expected


class TestSplitting:
    """Contract §1: parts always sum exactly to the total (largest remainder on minor units)."""

    @given(monies(), st.integers(min_value=1, max_value=50))
    def test_split_evenly_sums_and_is_even(self, total: Money, parts: int) -> None:
        """split_evenly parts add up to the total and differ by at most one minor unit."""
        result = split_evenly(total, parts)
        assert len(result) == parts
        assert Money.sum(result, currency=total.currency) == total
        units = [m.units for m in result]
        assert max(units) - min(units) <= 1
        assert units == sorted(units, key=abs, reverse=True)  # leftovers go to the earliest

    @given(monies(), weight_lists)
    @example(Money("100.00", "CNY"), [1, 1, 1])
    def test_allocate_sums_exactly(self, total: Money, ws: list[int | Fraction | Decimal]) -> None:
        """allocate parts add up to the total; zero weights get zero."""
        result = allocate(total, ws)
        assert Money.sum(result, currency=total.currency) == total
        for w, part in zip(ws, result, strict=True):
            if w == 0:
                assert part.is_zero

    @given(monies(), weight_lists)
    def test_allocate_is_within_one_unit_of_the_share(
        self, total: Money, ws: list[int | Fraction | Decimal]
    ) -> None:
        """Each part is less than one minor unit from its exact share."""
        weight_sum = sum(Fraction(w) for w in ws)
        for w, part in zip(ws, allocate(total, ws), strict=True):
            share = Fraction(w) * total.units / weight_sum
            assert abs(part.units - share) < 1

    @given(monies(), st.integers(min_value=1, max_value=30))
    def test_equal_weights_split_evenly(self, total: Money, parts: int) -> None:
        """allocate with equal weights is split_evenly."""
        assert allocate(total, [1] * parts) == split_evenly(total, parts)
