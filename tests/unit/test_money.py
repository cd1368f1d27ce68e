"""Unit tests for propstd.money: construction, arithmetic, rounding, splitting."""

from __future__ import annotations

import decimal
from collections.abc import Callable
from decimal import Decimal, localcontext
from fractions import Fraction
from typing import Any

import attrs
import pytest

from propstd.errors import CurrencyMismatchError, InexactAmountError, InvalidValueError
from propstd.money import Currency, Money, Rounding, allocate, split_evenly
from tests.strategies import hostile_context

ANY_MONEY: Any = Money  # for calls with wrong types on purpose


class TestAcceptance:
    """The acceptance examples of issue 3, literally."""

    def test_point_one_plus_point_two(self) -> None:
        """0.1 + 0.2 is exactly 0.3."""
        assert Money("0.1", "CNY") + Money("0.2", "CNY") == Money("0.3", "CNY")

    def test_float_is_a_type_error(self) -> None:
        """A float amount raises TypeError."""
        with pytest.raises(TypeError, match=r"'amount' must be a str, int or Decimal, got float"):
            Money(0.1, "CNY")

    def test_too_many_decimals_is_inexact_and_a_value_error(self) -> None:
        """1.001 CNY raises InexactAmountError, which is also a ValueError."""
        with pytest.raises(InexactAmountError, match=r"'amount' 1\.001 has more decimal places"):
            Money("1.001", "CNY")
        with pytest.raises(ValueError, match=r"1\.001"):
            Money("1.001", "CNY")

    def test_split_100_three_ways(self) -> None:
        """100.00 splits into 33.34, 33.33, 33.33."""
        assert split_evenly(Money("100.00", "CNY"), 3) == (
            Money("33.34", "CNY"),
            Money("33.33", "CNY"),
            Money("33.33", "CNY"),
        )


class TestConstruction:
    """Money(amount, currency)."""

    @pytest.mark.parametrize(
        ("amount", "currency", "expected"),
        [
            pytest.param("12.5", "CNY", "12.50", id="str-padded"),
            pytest.param(12, "CNY", "12.00", id="int"),
            pytest.param(Decimal("12.50"), Currency.CNY, "12.50", id="decimal"),
            pytest.param("1,234.50", "CNY", "1234.50", id="thousands"),
            pytest.param(" 7 ", "cny", "7.00", id="spaces-lowercase-code"),
            pytest.param("-3.10", "USD", "-3.10", id="negative"),
            pytest.param("100", "JPY", "100", id="yen"),
            pytest.param("-0.00", "CNY", "0.00", id="negative-zero"),
            pytest.param("1.50000", "EUR", "1.50", id="trailing-zeros"),
        ],
    )
    def test_amounts(self, amount: str | int | Decimal, currency: str, expected: str) -> None:
        """Amounts are quantized to the currency's minor unit."""
        assert str(Money(amount, currency).amount) == expected

    @pytest.mark.parametrize(
        ("amount", "currency", "error", "match"),
        [
            pytest.param(1.5, "CNY", TypeError, r"'amount'.*float 1\.5", id="float"),
            pytest.param(True, "CNY", TypeError, r"'amount'.*bool True", id="bool"),
            pytest.param(None, "CNY", TypeError, r"'amount'.*NoneType None", id="none"),
            pytest.param("abc", "CNY", InvalidValueError, r"'amount'.*'abc'", id="text"),
            pytest.param("NaN", "CNY", InvalidValueError, r"'amount'.*finite.*'NaN'", id="nan"),
            pytest.param(Decimal("Infinity"), "CNY", InvalidValueError, r"'amount'", id="inf"),
            pytest.param("1,2,3", "CNY", InvalidValueError, r"'amount'.*'1,2,3'", id="commas"),
            pytest.param("0.001", "CNY", InexactAmountError, r"'amount' 0.001", id="inexact"),
            pytest.param("1.5", "JPY", InexactAmountError, r"'amount' 1.5.*JPY", id="yen-cents"),
            pytest.param("1e999999", "CNY", InvalidValueError, r"'amount'.*too large", id="huge"),
            pytest.param("1", "XXX", InvalidValueError, r"'currency'.*'XXX'", id="currency"),
            pytest.param("1", 156, TypeError, r"'currency'.*int 156", id="currency-int"),
        ],
    )
    def test_bad_input(self, amount: object, currency: object, error: type, match: str) -> None:
        """Bad amounts and currencies raise an error naming the field and value."""
        with pytest.raises(error, match=match):
            Money(amount, currency)  # type: ignore[arg-type]

    def test_evolve_validates(self) -> None:
        """attrs.evolve runs the validation again."""
        with pytest.raises(InexactAmountError, match=r"'amount' 0\.001"):
            attrs.evolve(Money("1", "CNY"), amount="0.001")

    def test_global_context_untouched(self) -> None:
        """A low-precision global decimal context does not change the result."""
        with localcontext() as ctx:
            ctx.prec = 2
            assert Money("123456.78", "CNY") + Money("0.01", "CNY") == Money("123456.79", "CNY")

    def test_repr_str_format(self) -> None:
        """repr is evaluable, str shows the code, format applies to the amount."""
        m = Money("4608000", "CNY")
        assert repr(m) == "Money('4608000.00', 'CNY')"
        assert str(m) == "4608000.00 CNY"
        assert f"{m:,}" == "4,608,000.00 CNY"
        assert f"{m}" == "4608000.00 CNY"

    def test_units_and_constructors(self) -> None:
        """units, from_units, zero and is_zero agree."""
        assert Money("12.34", "CNY").units == 1234
        assert Money.from_units(-5, "CNY") == Money("-0.05", "CNY")
        assert Money.zero("JPY").is_zero
        assert not Money("0.01", "CNY").is_zero

    @pytest.mark.parametrize(
        ("units", "currency", "error", "match"),
        [
            pytest.param(1.0, "CNY", TypeError, r"'units' must be an int, got float", id="float"),
            pytest.param(True, "CNY", TypeError, r"'units'.*bool", id="bool"),
            pytest.param("1", "CNY", TypeError, r"'units'.*str '1'", id="str"),
            pytest.param(1, "ABC", InvalidValueError, r"'currency'.*'ABC'", id="currency"),
            pytest.param(1, None, TypeError, r"'currency'.*NoneType", id="no-currency"),
        ],
    )
    def test_from_units_bad_input(
        self, units: object, currency: object, error: type, match: str
    ) -> None:
        """from_units refuses non-int units and unknown currencies."""
        with pytest.raises(error, match=match):
            Money.from_units(units, currency)  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("call", "error", "match"),
        [
            pytest.param(
                lambda: Money.zero("XXX"), InvalidValueError, r"'currency'.*'XXX'", id="zero-code"
            ),
            pytest.param(
                lambda: Money.zero(""), InvalidValueError, r"'currency'.*''", id="zero-empty"
            ),
            pytest.param(
                lambda: ANY_MONEY.zero(None), TypeError, r"'currency'.*NoneType", id="zero-none"
            ),
            pytest.param(
                lambda: ANY_MONEY.zero(156), TypeError, r"'currency'.*int 156", id="zero-int"
            ),
            pytest.param(
                lambda: Money.zero("yuan"), InvalidValueError, r"'currency'.*'yuan'", id="zero-name"
            ),
            pytest.param(
                lambda: Money.sum([], currency="XXX"),
                InvalidValueError,
                r"'currency'",
                id="sum-code",
            ),
            pytest.param(
                lambda: ANY_MONEY.sum([1], currency="CNY"),
                TypeError,
                r"'amounts\[0\]' must be Money, got int",
                id="sum-int",
            ),
            pytest.param(
                lambda: ANY_MONEY.sum(["1.00"], currency="CNY"),
                TypeError,
                r"'amounts\[0\]'.*str",
                id="sum-str",
            ),
            pytest.param(
                lambda: Money.sum([Money("1", "USD")], currency="CNY"),
                CurrencyMismatchError,
                r"CNY with USD",
                id="sum-usd",
            ),
            pytest.param(
                lambda: ANY_MONEY.sum([None], currency="CNY"),
                TypeError,
                r"'amounts\[0\]'.*NoneType",
                id="sum-none",
            ),
        ],
    )
    def test_zero_and_sum_bad_input(
        self, call: Callable[[], object], error: type, match: str
    ) -> None:
        """zero and sum refuse unknown currencies and non-Money items, naming them."""
        with pytest.raises(error, match=match):
            call()

    def test_currency_properties(self) -> None:
        """Minor digits and quantum follow ISO 4217."""
        assert Currency.CNY.minor_digits == 2
        assert Currency.KRW.quantum == Decimal(1)
        assert Currency.EUR.quantum == Decimal("0.01")


class TestArithmetic:
    """+, -, unary minus, abs, * int and comparisons."""

    def test_operations(self) -> None:
        """The operations are exact."""
        a, b = Money("10.05", "CNY"), Money("0.10", "CNY")
        assert a - b == Money("9.95", "CNY")
        assert -a == Money("-10.05", "CNY")
        assert +a is a
        assert abs(Money("-1", "CNY")) == Money("1", "CNY")
        assert a * 3 == 3 * a == Money("30.15", "CNY")
        assert b < a and b <= a and a > b and a >= b  # noqa: PT018

    @pytest.mark.parametrize(
        "op",
        [
            pytest.param(lambda a, b: a + b, id="add"),
            pytest.param(lambda a, b: a - b, id="sub"),
            pytest.param(lambda a, b: a < b, id="lt"),
            pytest.param(lambda a, b: a <= b, id="le"),
            pytest.param(lambda a, b: a > b, id="gt"),
            pytest.param(lambda a, b: a >= b, id="ge"),
            pytest.param(lambda a, b: Money.sum([a, b], currency="CNY"), id="sum"),
        ],
    )
    def test_currencies_do_not_mix(self, op: object) -> None:
        """Combining two currencies raises CurrencyMismatchError naming both."""
        with pytest.raises(CurrencyMismatchError, match="CNY with USD"):
            op(Money("1", "CNY"), Money("1", "USD"))  # type: ignore[operator]

    def test_different_currencies_are_not_equal(self) -> None:
        """Equality across currencies is simply False."""
        assert Money("1", "CNY") != Money("1", "USD")

    @pytest.mark.parametrize(
        ("op", "match"),
        [
            pytest.param(lambda m: m * 1.5, "unsupported operand", id="times-float"),
            pytest.param(lambda m: m * True, "unsupported operand", id="times-bool"),
            pytest.param(lambda m: m + 1, "unsupported operand", id="plus-int"),
            pytest.param(lambda m: m - 1, "unsupported operand", id="minus-int"),
            pytest.param(lambda m: m / 3, "cannot be divided exactly", id="divide"),
            pytest.param(lambda m: m < 1, "cannot compare Money with int 1", id="compare"),
            pytest.param(lambda m: Money.sum([m, 1], currency="CNY"), "'amounts\\[1\\]'", id="sum"),  # type: ignore[list-item]
        ],
    )
    def test_type_errors(self, op: object, match: str) -> None:
        """Inexact or foreign operands raise TypeError."""
        with pytest.raises(TypeError, match=match):
            op(Money("1", "CNY"))  # type: ignore[operator]

    def test_sum(self) -> None:
        """Money.sum adds exactly; an empty sum is zero."""
        assert Money.sum([], currency="EUR") == Money.zero("EUR")
        parts = [Money("0.10", "CNY")] * 10
        assert Money.sum(parts, currency="CNY") == Money("1", "CNY")


class TestRounding:
    """Money.rounded and Money.times: the only places that round."""

    @pytest.mark.parametrize(
        ("value", "rounding", "expected"),
        [
            pytest.param(Decimal("0.125"), Rounding.HALF_UP, "0.13", id="half-up"),
            pytest.param(Decimal("0.125"), Rounding.HALF_EVEN, "0.12", id="half-even"),
            pytest.param(Decimal("0.135"), Rounding.HALF_EVEN, "0.14", id="half-even-odd"),
            pytest.param(Decimal("0.125"), Rounding.HALF_DOWN, "0.12", id="half-down"),
            pytest.param(Decimal("-0.125"), Rounding.HALF_UP, "-0.13", id="half-up-negative"),
            pytest.param(Decimal("-0.125"), Rounding.HALF_DOWN, "-0.12", id="half-down-neg"),
            pytest.param(Decimal("-0.125"), Rounding.HALF_EVEN, "-0.12", id="half-even-neg"),
            pytest.param(Decimal("0.121"), Rounding.UP, "0.13", id="up"),
            pytest.param(Decimal("-0.121"), Rounding.UP, "-0.13", id="up-negative"),
            pytest.param(Decimal("0.129"), Rounding.DOWN, "0.12", id="down"),
            pytest.param(Decimal("-0.129"), Rounding.DOWN, "-0.12", id="down-negative"),
            pytest.param(Decimal("-0.121"), Rounding.CEILING, "-0.12", id="ceiling"),
            pytest.param(Decimal("-0.121"), Rounding.FLOOR, "-0.13", id="floor"),
            pytest.param(Decimal("0.124"), Rounding.HALF_UP, "0.12", id="below-half"),
            pytest.param(Decimal("0.126"), Rounding.HALF_DOWN, "0.13", id="above-half"),
            pytest.param(Fraction(100, 3), Rounding.HALF_UP, "33.33", id="fraction"),
            pytest.param("2.345", Rounding.HALF_UP, "2.35", id="string"),
            pytest.param(7, Rounding.HALF_UP, "7.00", id="int"),
        ],
    )
    def test_rounded(
        self, value: Decimal | Fraction | str | int, rounding: Rounding, expected: str
    ) -> None:
        """Each rounding mode behaves like its decimal counterpart."""
        assert Money.rounded(value, "CNY", rounding=rounding) == Money(expected, "CNY")

    def test_rounding_names_its_decimal_mode(self) -> None:
        """Rounding.decimal_mode names the decimal constant."""
        assert Rounding.HALF_EVEN.decimal_mode == "ROUND_HALF_EVEN"

    @pytest.mark.parametrize(
        ("value", "rounding", "error", "match"),
        [
            pytest.param(0.5, Rounding.HALF_UP, TypeError, r"'value'.*float", id="float"),
            pytest.param(True, Rounding.HALF_UP, TypeError, r"'value'.*bool", id="bool"),
            pytest.param("x", Rounding.HALF_UP, InvalidValueError, r"'value'.*'x'", id="text"),
            pytest.param(Decimal("NaN"), Rounding.HALF_UP, InvalidValueError, r"'value'", id="nan"),
            pytest.param(1, "sideways", ValueError, r"'sideways'", id="rounding"),
        ],
    )
    def test_rounded_bad_input(
        self, value: object, rounding: object, error: type, match: str
    ) -> None:
        """Bad values or modes raise an error naming them."""
        with pytest.raises(error, match=match):
            Money.rounded(value, "CNY", rounding=rounding)  # type: ignore[arg-type]

    def test_times(self) -> None:
        """times multiplies exactly, then rounds once."""
        fee = Money("3.20", "CNY").times(Decimal("120000"), rounding=Rounding.HALF_UP)
        assert fee == Money("384000.00", "CNY")
        assert Money("0.05", "CNY").times(Fraction(1, 2), rounding=Rounding.HALF_EVEN) == Money(
            "0.02", "CNY"
        )
        with pytest.raises(TypeError, match=r"'factor'.*float"):
            Money("1", "CNY").times(0.5, rounding=Rounding.HALF_UP)  # type: ignore[arg-type]


class TestSplitting:
    """split_evenly and allocate."""

    def test_split_negative_and_single(self) -> None:
        """Negative totals split mirrored; one part is the total."""
        assert split_evenly(Money("-0.05", "CNY"), 2) == (
            Money("-0.03", "CNY"),
            Money("-0.02", "CNY"),
        )
        assert split_evenly(Money("5", "JPY"), 1) == (Money("5", "JPY"),)

    @pytest.mark.parametrize(
        ("total", "parts", "error", "match"),
        [
            pytest.param(Money("1", "CNY"), 0, InvalidValueError, r"'parts'.*got 0", id="zero"),
            pytest.param(Money("1", "CNY"), -2, InvalidValueError, r"'parts'.*-2", id="negative"),
            pytest.param(Money("1", "CNY"), 2.0, TypeError, r"'parts'.*float", id="float"),
            pytest.param(Money("1", "CNY"), True, TypeError, r"'parts'.*bool", id="bool"),
            pytest.param("1.00", 2, TypeError, r"'total' must be Money, got str", id="not-money"),
        ],
    )
    def test_split_bad_input(self, total: object, parts: object, error: type, match: str) -> None:
        """Bad totals or part counts raise an error naming them."""
        with pytest.raises(error, match=match):
            split_evenly(total, parts)  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("total", "weights", "expected"),
        [
            pytest.param("100.00", [1, 1, 1], ["33.34", "33.33", "33.33"], id="thirds"),
            pytest.param("10.00", [0, 3], ["0.00", "10.00"], id="zero-weight"),
            pytest.param("1.00", [Decimal("0.5"), Fraction(1, 2)], ["0.50", "0.50"], id="mixed"),
            pytest.param("0.05", [1, 1], ["0.03", "0.02"], id="tie-to-earliest"),
            pytest.param("-0.05", [1, 1], ["-0.03", "-0.02"], id="negative"),
            pytest.param("0.10", [1, 2, 3, 4], ["0.01", "0.02", "0.03", "0.04"], id="exact"),
            pytest.param("0.02", [1, 1, 2], ["0.01", "0.00", "0.01"], id="largest-remainder"),
        ],
    )
    def test_allocate(
        self, total: str, weights: list[int | Decimal | Fraction], expected: list[str]
    ) -> None:
        """Largest remainder: floors first, leftover units to the largest remainders."""
        assert allocate(Money(total, "CNY"), weights) == tuple(Money(e, "CNY") for e in expected)

    @pytest.mark.parametrize(
        ("weights", "error", "match"),
        [
            pytest.param([], InvalidValueError, r"'weights' must not be empty", id="empty"),
            pytest.param(
                [0, 0], InvalidValueError, r"'weights' must have a positive sum", id="zero"
            ),
            pytest.param([1, -1], InvalidValueError, r"'weights\[1\]'.*-1", id="negative"),
            pytest.param([1, 0.5], TypeError, r"'weights\[1\]'.*float", id="float"),
            pytest.param([True], TypeError, r"'weights\[0\]'.*bool", id="bool"),
            pytest.param("12", TypeError, r"'weights' must be a sequence.*str", id="string"),
            pytest.param(iter([1]), TypeError, r"'weights' must be a sequence", id="iterator"),
            pytest.param([Decimal("NaN")], InvalidValueError, r"'weights\[0\]'", id="nan"),
        ],
    )
    def test_allocate_bad_weights(self, weights: object, error: type, match: str) -> None:
        """Bad weights raise an error naming the weight."""
        with pytest.raises(error, match=match):
            allocate(Money("1", "CNY"), weights)  # type: ignore[arg-type]

    def test_allocate_needs_money(self) -> None:
        """The total must be Money."""
        with pytest.raises(TypeError, match="'total' must be Money"):
            allocate(100, [1])  # type: ignore[arg-type]


class TestComparisonsAtEquality:
    """The four orderings at, just below and just above equality (mutants of `<`/`<=` live
    only where the operands are equal)."""

    @pytest.mark.parametrize(
        ("a", "b", "lt", "le", "gt", "ge"),
        [
            pytest.param("1.00", "1.00", False, True, False, True, id="equal"),
            pytest.param("0.99", "1.00", True, True, False, False, id="one-fen-below"),
            pytest.param("1.01", "1.00", False, False, True, True, id="one-fen-above"),
            pytest.param("-0.01", "0.00", True, True, False, False, id="negative"),
        ],
    )
    def test_orderings(self, a: str, b: str, lt: bool, le: bool, gt: bool, ge: bool) -> None:
        """`<`, `<=`, `>`, `>=` compare minor units exactly, equality included."""
        x, y = Money(a, "CNY"), Money(b, "CNY")
        assert (x < y, x <= y, x > y, x >= y) == (lt, le, gt, ge)


class TestTimesBelowOneFen:
    """`times()` rounds a product smaller than the minor unit with the mode asked for."""

    @pytest.mark.parametrize(
        ("rounding", "expected"),
        [
            pytest.param(Rounding.DOWN, "0.00", id="down"),
            pytest.param(Rounding.UP, "0.01", id="up"),
            pytest.param(Rounding.HALF_UP, "0.00", id="half-up"),
            pytest.param(Rounding.CEILING, "0.01", id="ceiling"),
        ],
    )
    def test_one_fen_times_a_third(self, rounding: Rounding, expected: str) -> None:
        """0.01 × 1/3 is 0.00333…: down and half-up give 0.00, up and ceiling 0.01."""
        product = Money("0.01", "CNY").times(Fraction(1, 3), rounding=rounding)
        assert product == Money(expected, "CNY")

    def test_half_a_fen(self) -> None:
        """0.01 × 1/2 is exactly half a fen: half-up gives 0.01, half-even and half-down 0.00."""
        fen = Money("0.01", "CNY")
        assert fen.times(Fraction(1, 2), rounding=Rounding.HALF_UP) == Money("0.01", "CNY")
        assert fen.times(Fraction(1, 2), rounding=Rounding.HALF_EVEN) == Money("0", "CNY")
        assert fen.times(Fraction(1, 2), rounding=Rounding.HALF_DOWN) == Money("0", "CNY")


class TestVocabularies:
    """Currencies and rounding modes read codes, Chinese names and the seeds' words (§14.7)."""

    @pytest.mark.parametrize(
        ("word", "currency"),
        [
            pytest.param("CNY", Currency.CNY, id="code"),
            pytest.param(" cny ", Currency.CNY, id="lower-case"),
            pytest.param("人民币", Currency.CNY, id="chinese"),
            pytest.param("RMB", Currency.CNY, id="rmb"),
            pytest.param("港币", Currency.HKD, id="hkd"),
            pytest.param("日元", Currency.JPY, id="yen"),
        ],
    )
    def test_currency_words(self, word: str, currency: Currency) -> None:
        """A currency is read from its code in any case or its Chinese name."""
        assert Money("1", word).currency is currency
        assert Currency(word) is currency

    def test_currency_written_as_code(self) -> None:
        """The value written back is the upper-case code."""
        assert str(Currency("人民币")) == "CNY"
        assert Currency.CNY.label_zh == "人民币"

    @pytest.mark.parametrize(
        ("word", "mode"),
        [
            pytest.param("四舍五入", Rounding.HALF_UP, id="half-up"),
            pytest.param("Half Up", Rounding.HALF_UP, id="spaced"),
            pytest.param("银行家舍入", Rounding.HALF_EVEN, id="bankers"),
            pytest.param("向上取整", Rounding.CEILING, id="ceiling"),
            pytest.param("去尾", Rounding.DOWN, id="down"),
        ],
    )
    def test_rounding_words(self, word: str, mode: Rounding) -> None:
        """A rounding mode is read from its value or its Chinese name, in rounded() too."""
        assert Rounding(word) is mode
        assert Money.rounded(1, "CNY", rounding=word) == Money("1", "CNY")

    def test_unknown_words_list_the_accepted(self) -> None:
        """An unknown word is an InvalidValueError listing the accepted words."""
        with pytest.raises(InvalidValueError, match=r"'currency'.*'CNY' \(人民币\)") as info:
            Money("1", "XXQ")
        assert (info.value.field, info.value.value) == ("currency", "XXQ")
        with pytest.raises(InvalidValueError, match=r"'rounding'.*'half_up' \(四舍五入\)"):
            Money.rounded(1, "CNY", rounding="sideways")


class TestErrorsCarryData:
    """Every refusal names its field and keeps the offending value (§14.9)."""

    @pytest.mark.parametrize(
        ("call", "field", "value"),
        [
            pytest.param(lambda: Money("abc", "CNY"), "amount", "abc", id="amount"),
            pytest.param(lambda: Money("1,2", "CNY"), "amount", "1,2", id="grouping"),
            pytest.param(lambda: Money("NaN", "CNY"), "amount", "NaN", id="nan"),
            pytest.param(lambda: Money("1.00", "XXQ"), "currency", "XXQ", id="currency"),
            pytest.param(lambda: Money("0.001", "CNY"), "amount", Decimal("0.001"), id="inexact"),
            pytest.param(lambda: split_evenly(Money("1", "CNY"), 0), "parts", 0, id="parts"),
            pytest.param(lambda: allocate(Money("1", "CNY"), []), "weights", [], id="no-weights"),
            pytest.param(lambda: allocate(Money("1", "CNY"), [-1]), "weights[0]", -1, id="neg"),
            pytest.param(lambda: allocate(Money("1", "CNY"), [0]), "weights", [0], id="zero-sum"),
            pytest.param(
                lambda: Money.sum([Money("1", "USD")], currency="CNY"),
                "currency",
                Money("1", "USD"),
                id="mismatch",
            ),
        ],
    )
    def test_field_and_value(self, call: Callable[[], object], field: str, value: object) -> None:
        """The error's `field` and `value` say what was wrong."""
        with pytest.raises((InvalidValueError, CurrencyMismatchError)) as info:
            call()
        assert info.value.field == field
        assert info.value.value == value


HUGE = Decimal("1e999999999")
TINY = Decimal("1e-999999999")


class TestSizeBounds:
    """Inputs of a few characters cannot make money arithmetic run for minutes (§14.10)."""

    @pytest.mark.parametrize(
        ("call", "field"),
        [
            pytest.param(
                lambda: Money.rounded("1e999999999", "CNY", rounding=Rounding.HALF_UP),
                "value",
                id="rounded-huge-text",
            ),
            pytest.param(
                lambda: Money.rounded(TINY, "CNY", rounding=Rounding.HALF_UP),
                "value",
                id="rounded-tiny",
            ),
            pytest.param(
                lambda: Money("1", "CNY").times(HUGE, rounding=Rounding.HALF_UP),
                "factor",
                id="times-huge",
            ),
            pytest.param(lambda: allocate(Money("1", "CNY"), [TINY, 1]), "weights[0]", id="alloc"),
            pytest.param(lambda: Money(HUGE, "CNY"), "amount", id="amount-huge"),
            pytest.param(lambda: Money(TINY, "CNY"), "amount", id="amount-tiny"),
            pytest.param(lambda: Money("9" * 10_001, "CNY"), "amount", id="long-text"),
            pytest.param(lambda: Money.from_units(10**100, "CNY"), "units", id="many-units"),
            pytest.param(
                lambda: Money.rounded(Decimal("1e200"), "CNY", rounding=Rounding.DOWN),
                "value",
                id="rounded-large",
            ),
            pytest.param(
                lambda: Money("1", "CNY").times(Decimal("1e999999"), rounding=Rounding.DOWN),
                "value",
                id="times-large",
            ),
            pytest.param(lambda: split_evenly(Money("1", "CNY"), 10**9), "parts", id="parts"),
            pytest.param(lambda: f"{Money('1', 'CNY'):.99f}", "format precision", id="format"),
        ],
    )
    def test_refused(self, call: Callable[[], object], field: str) -> None:
        """Each call raises InvalidValueError at once, naming the field."""
        with pytest.raises(InvalidValueError) as info:
            call()
        assert info.value.field == field

    def test_large_but_sensible(self) -> None:
        """Amounts up to 100 digits of minor units are exact."""
        big = Money.from_units(10**100 - 1, "CNY")
        assert big.units == 10**100 - 1
        assert Money(big.amount, "CNY") == big
        with pytest.raises(InvalidValueError, match="too large"):
            _ = big + Money("0.01", "CNY")

    def test_tiny_value_rounds(self) -> None:
        """A value just within the exponent bound rounds like any other."""
        tiny = Decimal("1e-999999")
        assert Money.rounded(tiny, "CNY", rounding=Rounding.UP) == Money("0.01", "CNY")
        assert allocate(Money("1", "CNY"), [tiny, 1]) == (Money("0", "CNY"), Money("1", "CNY"))


class TestHostileContext:
    """No result depends on the global decimal context (§14.10)."""

    def test_traps_and_precision(self) -> None:
        """With every trap on and a precision of 1, money works as usual."""
        with localcontext(hostile_context()):
            assert Money("123456.78", "CNY") + Money("0.01", "CNY") == Money("123456.79", "CNY")
            assert Money.rounded("2.345", "CNY", rounding=Rounding.HALF_UP) == Money("2.35", "CNY")
            assert Money("3.20", "CNY").times(Decimal("1.5"), rounding=Rounding.DOWN) == Money(
                "4.80", "CNY"
            )
            with pytest.raises(InvalidValueError, match="'amount' must be a decimal number"):
                Money("abc", "CNY")

    def test_malformed_text_without_traps(self) -> None:
        """With InvalidOperation not trapped, malformed text is still refused (not NaN)."""
        lenient = decimal.Context(traps=[])
        with localcontext(lenient), pytest.raises(InvalidValueError, match="decimal number"):
            Money("abc", "CNY")

    def test_format_rounding(self) -> None:
        """Format rounds half to even whatever the context's rounding."""
        m = Money("2.25", "CNY")
        expected = ("2.2 CNY", "2e+0 CNY", "225.0% CNY", "2.2 CNY")
        with localcontext(rounding=decimal.ROUND_UP, capitals=0):
            assert (f"{m:.1f}", f"{m:.0e}", f"{m:.1%}", f"{m:.2}") == expected
        assert (f"{m:.1f}", f"{m:.0e}", f"{m:.1%}", f"{m:.2}") == expected


class TestExactScaling:
    """Minor units come from an exact `scaleb` in propstd's own context, never the caller's."""

    def test_many_digits_in_a_tiny_context(self) -> None:
        """22 significant digits are exact under precision 2 (a context-reading scaleb rounds)."""
        with localcontext(decimal.Context(prec=2, traps=[decimal.Inexact, decimal.Rounded])):
            m = Money("12345678901234567890.12", "CNY")
            assert m.units == 1234567890123456789012
            assert (m + Money("0.01", "CNY")).units == 1234567890123456789013
            assert m.amount == Decimal("12345678901234567890.12")


class TestMessagesInFull:
    """Each refusal says the whole of what was wrong (mutants of the messages survived)."""

    @pytest.mark.parametrize(
        ("text", "shown_as"),
        [
            pytest.param("0.001", "0.001", id="short"),
            pytest.param("1." + "1" * 58, "1." + "1" * 58, id="60-characters-kept"),
            pytest.param("1." + "1" * 59, "1." + "1" * 55 + "...", id="61-characters-cut"),
        ],
    )
    def test_too_many_places_shows_the_amount(self, text: str, shown_as: str) -> None:
        """The amount is shown whole up to 60 characters, else its first 57 and '...'."""
        with pytest.raises(InexactAmountError) as info:
            Money(text, "CNY")
        assert info.value.message == (
            f"'amount' {shown_as} has more decimal places than CNY allows (2); "
            "round it explicitly with Money.rounded()"
        )

    @pytest.mark.parametrize(
        ("call", "op"),
        [
            pytest.param(lambda a, b: a + b, "+", id="add"),
            pytest.param(lambda a, b: a - b, "-", id="sub"),
            pytest.param(lambda a, b: a < b, "<", id="lt"),
            pytest.param(lambda a, b: a <= b, "<=", id="le"),
            pytest.param(lambda a, b: a > b, ">", id="gt"),
            pytest.param(lambda a, b: a >= b, ">=", id="ge"),
            pytest.param(lambda a, b: Money.sum([a, b], currency="CNY"), "sum", id="sum"),
        ],
    )
    def test_mismatch_names_the_operation(
        self, call: Callable[[Money, Money], object], op: str
    ) -> None:
        """A currency mismatch names both currencies, the operation and the other amount."""
        with pytest.raises(CurrencyMismatchError) as info:
            call(Money("1", "CNY"), Money("1", "USD"))
        assert info.value.message == f"cannot combine CNY with USD ({op}): Money('1.00', 'USD')"

    def test_division_says_what_to_use(self) -> None:
        """Money / x names split_evenly(), allocate() and times() instead."""
        with pytest.raises(TypeError) as info:
            Money("1", "CNY") / 2
        assert str(info.value) == (
            "Money cannot be divided exactly; use split_evenly()/allocate() to split it, "
            "or Money.times(..., rounding=...) to scale it"
        )

    @pytest.mark.parametrize(
        ("weights", "error", "message"),
        [
            pytest.param("ab", TypeError, "'weights' must be a sequence of numbers, got str 'ab'"),
            pytest.param([], InvalidValueError, "'weights' must not be empty", id="empty"),
            pytest.param(
                [0, Decimal("0.0")],
                InvalidValueError,
                "'weights' must have a positive sum, got [0, Decimal('0.0')]",
                id="zero-sum",
            ),
        ],
    )
    def test_allocate_weights(self, weights: object, error: type[Exception], message: str) -> None:
        """allocate() refuses a text, no weights or a zero sum, showing the weights."""
        with pytest.raises(error) as info:
            allocate(Money("1", "CNY"), weights)  # type: ignore[arg-type]
        assert str(info.value) == message


class TestRoundedSizeBound:
    """Money.rounded() refuses values of more than 100 digits of minor units, keeping them."""

    @pytest.mark.parametrize(
        "value",
        [
            pytest.param(10**98, id="known-at-once"),
            pytest.param(Decimal("9" * 98 + ".991"), id="rounds-up-to-the-bound"),
        ],
    )
    def test_refused_with_the_value(self, value: int | Decimal) -> None:
        """10**98 yuan, or just under it rounded up to 10**100 fen, is refused naming 'value'."""
        with pytest.raises(InvalidValueError) as info:
            Money.rounded(value, "CNY", rounding=Rounding.UP)
        assert info.value.message.startswith("'value' ")
        assert info.value.message.endswith(
            " is too large to hold exactly (at most 100 digits of minor units)"
        )
        assert (info.value.field, info.value.value) == ("value", value)

    def test_just_below_the_bound(self) -> None:
        """Just under 10**98 yuan rounded down is the largest amount, 10**100 - 1 fen."""
        m = Money.rounded(Decimal("9" * 98 + ".991"), "CNY", rounding=Rounding.DOWN)
        assert m.units == 10**100 - 1


class TestFormatKinds:
    """Format precision by kind: fixed places for `F`, significant digits for `g`."""

    def test_upper_f_is_fixed_point(self) -> None:
        """`.1F` keeps one decimal like `.1f` (not one significant digit)."""
        assert f"{Money('1234.56', 'CNY'):.1F}" == "1234.6 CNY"

    def test_zero_precision_is_one_significant_digit(self) -> None:
        """`.0g` and `.0` keep one significant digit, rounded half to even from the amount."""
        m = Money("2.51", "CNY")
        assert (f"{m:.0g}", f"{m:.0}") == ("3 CNY", "3 CNY")


@pytest.mark.slow
def test_split_evenly_allows_the_bound() -> None:
    """split_evenly() makes exactly 1,000,000 parts (the bound is inclusive), not one more."""
    parts = split_evenly(Money("10000.00", "CNY"), 1_000_000)
    assert (len(parts), parts[0], parts[-1]) == (
        1_000_000,
        Money("0.01", "CNY"),
        Money("0.01", "CNY"),
    )
    with pytest.raises(InvalidValueError, match="'parts' must be from 1 to 1,000,000"):
        split_evenly(Money("1", "CNY"), 1_000_001)


class TestConstructorRefusals:
    """Money() and from_units() refuse wrong types and sizes with the whole message and value."""

    @pytest.mark.parametrize(
        ("value", "message"),
        [
            pytest.param(
                0.1,
                "'amount' must be a str, int or Decimal, got float 0.1: floats cannot hold money "
                "exactly; pass a string such as '0.10'",
                id="float",
            ),
            pytest.param([1], "'amount' must be a str, int or Decimal, got list [1]", id="list"),
        ],
    )
    def test_wrong_type(self, value: object, message: str) -> None:
        """A float says to pass a string; another type is named with its value."""
        with pytest.raises(TypeError) as info:
            Money(value, "CNY")
        assert str(info.value) == message

    @pytest.mark.parametrize(
        ("call", "field", "value", "shown_as"),
        [
            pytest.param(
                lambda: Money("1e98", "CNY"),
                "amount",
                Decimal("1e98"),
                "Decimal('1E+98')",
                id="amount",
            ),
            pytest.param(
                lambda: Money.from_units(10**100, "CNY"),
                "units",
                10**100,
                "1000000000000000000000000000...00000000000000000000000000000",
                id="units",
            ),
        ],
    )
    def test_first_amount_past_the_bound(
        self, call: Callable[[], object], field: str, value: object, shown_as: str
    ) -> None:
        """10**98 yuan (10**100 fen) is the first amount refused; the error shows and keeps it."""
        with pytest.raises(InvalidValueError) as info:
            call()
        assert info.value.message == (
            f"{field!r} {shown_as} is too large to hold exactly (at most 100 digits of minor units)"
        )
        assert (info.value.field, info.value.value) == (field, value)
