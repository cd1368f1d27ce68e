"""Property tests for propstd.money: exact arithmetic, splitting that always adds up."""

from __future__ import annotations

import decimal
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from propstd.errors import CurrencyMismatchError, InvalidValueError
from propstd.money import Currency, Money, Rounding, allocate, split_evenly
from tests.strategies import (
    currencies,
    hostile_context,
    hostile_contexts,
    huge_numbers,
    monies,
    roundings,
)

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


def _money_results(
    a: Money, b: Money, k: int, value: Decimal, rounding: Rounding
) -> tuple[object, ...]:
    """Every public operation of propstd.money on the inputs, with its text."""
    cur = a.currency
    text = str(value)
    return (
        a + b,
        a - b,
        -a,
        abs(a),
        a * k,
        (a < b, a <= b, a > b, a >= b, a == b),
        Money(a.amount, cur),
        Money(str(a.amount), cur.value.lower()),
        Money.rounded(value, cur, rounding=rounding),
        Money.rounded(text, cur, rounding=rounding),
        Money.rounded(Fraction(value) / 7, cur, rounding=rounding),
        a.times(value, rounding=rounding),
        a.times(Fraction(k, 7), rounding=rounding),
        split_evenly(a, 7),
        allocate(a, [value.copy_abs(), 1, Fraction(1, 3)]),
        Money.sum([a, b], currency=cur),
        (str(a), repr(a), f"{a:,}", f"{a:.1f}", f"{a:.3e}", f"{a:.2%}", f"{a:.4}", f"{a:>20,.1f}"),
        (a.units, a.amount.as_tuple(), rounding.round_fraction(Fraction(value) / 3)),
    )


class TestHostileContext:
    """Semantics §14.10: no result depends on the global decimal context (precision, traps,
    rounding, exponent range, capitals)."""

    @given(
        hostile_contexts(),
        currencies().flatmap(lambda c: st.tuples(monies(currency=c), monies(currency=c))),
        st.integers(-1000, 1000),
        st.decimals(min_value=-(10**9), max_value=10**9, places=4),
        roundings(),
    )
    @example(
        hostile_context(),
        (Money("123456.78", "CNY"), Money("0.01", "CNY")),
        3,
        Decimal("2.345"),
        Rounding.HALF_UP,
    )
    def test_same_results(
        self,
        context: decimal.Context,
        pair: tuple[Money, Money],
        k: int,
        value: Decimal,
        rounding: Rounding,
    ) -> None:
        """Every public operation gives the same value and text in any context."""
        a, b = pair
        expected = _money_results(a, b, k, value, rounding)
        with decimal.localcontext(context):
            got = _money_results(a, b, k, value, rounding)
        assert got == expected

    @given(hostile_contexts(), st.text(max_size=12))
    @example(hostile_context(), "1E100")
    @example(hostile_context(), "abc")
    def test_same_refusals(self, context: decimal.Context, text: str) -> None:
        """Any text is read the same (or refused the same way) in any context."""

        def read() -> object:
            try:
                return Money(text, "CNY")
            except InvalidValueError as exc:
                return type(exc), exc.field, exc.value

        expected = read()
        with decimal.localcontext(context):
            assert read() == expected


class TestHugeNumbers:
    """Semantics §14.10: numbers of absurd size give a named error at once, never a hang or a
    builtin OverflowError/ValueError."""

    @given(huge_numbers(), roundings())
    @example(Decimal("1e999999999"), Rounding.HALF_UP)
    @example(Decimal("1e-999999999"), Rounding.UP)
    def test_refused_or_exact(self, number: Decimal | int | Fraction, rounding: Rounding) -> None:
        """Each entry point returns Money or raises InvalidValueError naming its field."""
        calls: dict[str, Callable[[], object]] = {
            "value": lambda: Money.rounded(number, "CNY", rounding=rounding),
            "factor": lambda: Money("0.01", "CNY").times(number, rounding=rounding),
            "weights[0]": lambda: allocate(Money("1", "CNY"), [_magnitude(number), 1]),
        }
        if not isinstance(number, Fraction):
            calls["amount"] = lambda: Money(number, "CNY")
        for field, call in calls.items():
            result = _outcome(call)
            if isinstance(result, InvalidValueError):
                assert result.field in {field, "value"}
            else:
                assert isinstance(result, Money | tuple)


def _outcome(call: Callable[[], object]) -> object:
    """What *call* returns, or the InvalidValueError it raises (any other error fails)."""
    try:
        return call()
    except InvalidValueError as exc:
        return exc


def _magnitude(number: Decimal | int | Fraction) -> Decimal | int | Fraction:
    """|number| without a decimal context (`abs()` of a Decimal would round in it)."""
    if isinstance(number, Decimal):
        return number.copy_abs()
    return number if number >= 0 else -number


SPECS = (
    "",
    ",",
    ".1f",
    ".0f",
    ".3e",
    ".0e",
    ".2%",
    ".4",
    ".1",
    ".2g",
    ".5G",
    ">20,.1f",
    "+.2n",
    "08.1f",
)


class TestFormat:
    """Money's format is `format(Decimal, spec)` of the default context, plus the code."""

    @given(monies(max_units=10**15), st.sampled_from(SPECS))
    @example(Money("-0.01", "CNY"), ".1f")  # rounds to zero: keeps its sign, as format() does
    @example(Money("0.01", "CNY"), ".4")  # shows no digits the amount does not have
    @example(Money("0.00", "CNY"), ".3e")  # zero keeps its exponent
    @example(Money("123456.78", "CNY"), ".3e")  # fewer digits than the integer part
    def test_matches_decimal_format(self, m: Money, spec: str) -> None:
        """In the default context the text is exactly what `format()` of the amount gives."""
        with decimal.localcontext(decimal.Context()):
            expected = format(m.amount, spec) if spec else str(m.amount)
        assert format(m, spec) == f"{expected} {m.currency.value}"
