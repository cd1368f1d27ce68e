"""Unit tests for propstd.rates: Rate, Target, TargetResult."""

from __future__ import annotations

import decimal
from collections.abc import Callable
from decimal import Decimal, localcontext
from fractions import Fraction

import attrs
import pytest

from propstd.errors import InvalidValueError, ParseError
from propstd.money import Rounding
from propstd.rates import Rate, Target, TargetResult
from tests.strategies import hostile_context


class TestRate:
    """Rate(numerator, denominator)."""

    def test_acceptance_str(self) -> None:
        """str(Rate(15, 16)) shows 93.8 %."""
        assert str(Rate(15, 16)) == "93.8% (15/16)"

    @pytest.mark.parametrize(
        ("rate", "text"),
        [
            pytest.param(Rate(0, 0), "n/a (0/0)", id="not-applicable"),
            pytest.param(Rate(3, 2), "150.0% (3/2)", id="over-100"),
            pytest.param(Rate(Fraction(3, 2), 4), "37.5% (1.5/4)", id="decimal-fraction"),
            pytest.param(Rate(Fraction(1, 3), 1), "33.3% ((1/3)/1)", id="third"),
            pytest.param(Rate(Decimal("2.5"), 10), "25.0% (2.5/10)", id="decimal"),
            pytest.param(Rate(0, 5), "0.0% (0/5)", id="zero"),
        ],
    )
    def test_str(self, rate: Rate, text: str) -> None:
        """str shows the percent and the counts."""
        assert str(rate) == text

    def test_repr_fraction_percent(self) -> None:
        """repr, fraction and percent are exact."""
        assert repr(Rate(15, 16)) == "Rate(15, 16)"
        assert repr(Rate(Fraction(3, 2), 4)) == "Rate(Fraction(3, 2), 4)"
        assert eval(repr(Rate(Fraction(1, 3), 1)), {"Rate": Rate, "Fraction": Fraction}) == Rate(
            Fraction(1, 3), 1
        )
        assert Rate(15, 16).fraction == Fraction(15, 16)
        assert Rate(2, 3).percent() == Decimal("66.7")
        assert Rate(2, 3).percent(0) == Decimal(67)
        assert Rate(2, 3).percent(2, rounding=Rounding.DOWN) == Decimal("66.66")
        assert Rate(0, 0).percent() is None
        assert Rate(0, 0).fraction is None
        assert Rate.not_applicable() == Rate(0, 0)
        assert not Rate(0, 0).is_applicable
        assert Rate(0, 1).is_applicable

    def test_pooling(self) -> None:
        """+ adds numerators and denominators."""
        assert Rate(15, 16) + Rate(3, 4) == Rate(18, 20)
        assert Rate(1, 2) + Rate(0, 0) == Rate(1, 2)
        assert Rate(1, 2).__add__(1) is NotImplemented

    @pytest.mark.parametrize(
        ("numerator", "denominator", "error", "match"),
        [
            pytest.param(
                1.5, 2, TypeError, r"'numerator' must be an exact number.*float", id="float"
            ),
            pytest.param(1, True, TypeError, r"'denominator'.*bool", id="bool"),
            pytest.param("1", 2, TypeError, r"'numerator'.*str '1'", id="str"),
            pytest.param(
                -1, 2, InvalidValueError, r"'numerator' must not be negative, got -1", id="negative"
            ),
            pytest.param(
                1, Fraction(-1, 2), InvalidValueError, r"'denominator'.*negative", id="neg-den"
            ),
            pytest.param(
                3, 0, InvalidValueError, r"'denominator' is 0 but 'numerator' is 3", id="x-over-0"
            ),
            pytest.param(
                Decimal("NaN"), 1, InvalidValueError, r"'numerator' must be finite", id="nan"
            ),
        ],
    )
    def test_bad_input(
        self, numerator: object, denominator: object, error: type, match: str
    ) -> None:
        """Bad parts raise an error naming the part and value."""
        with pytest.raises(error, match=match):
            Rate(numerator, denominator)

    def test_evolve_validates(self) -> None:
        """attrs.evolve runs the validation again."""
        with pytest.raises(InvalidValueError, match="'denominator' is 0"):
            attrs.evolve(Rate(1, 2), denominator=0)

    @pytest.mark.parametrize(
        ("places", "error", "match"),
        [
            pytest.param(-1, InvalidValueError, r"'places'.*-1", id="negative"),
            pytest.param(1.0, TypeError, r"'places'.*float", id="float"),
            pytest.param(True, TypeError, r"'places'.*bool", id="bool"),
            pytest.param("1", TypeError, r"'places'.*str", id="str"),
            pytest.param(None, TypeError, r"'places'.*NoneType", id="none"),
        ],
    )
    def test_percent_bad_places(self, places: object, error: type, match: str) -> None:
        """percent() refuses bad places."""
        with pytest.raises(error, match=match):
            Rate(1, 3).percent(places)  # type: ignore[arg-type]


class TestTarget:
    """Target, Target.parse and evaluate."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            pytest.param("≥ 75%", Target(minimum=Fraction(3, 4)), id="ge"),
            pytest.param(">=75%", Target(minimum=Fraction(3, 4)), id="ascii-ge"),
            pytest.param("100%", Target(minimum=Fraction(1)), id="bare-percent"),
            pytest.param("<= 2%", Target(maximum=Fraction(1, 50)), id="le"),
            pytest.param("≤2％", Target(maximum=Fraction(1, 50)), id="fullwidth"),
            pytest.param("不低于75%", Target(minimum=Fraction(3, 4)), id="chinese-min"),
            pytest.param("5%以上", Target(minimum=Fraction(1, 20)), id="chinese-post"),
            pytest.param("不超过2%", Target(maximum=Fraction(1, 50)), id="chinese-max"),
            pytest.param(
                "= 98.5%", Target(minimum=Fraction(197, 200), maximum=Fraction(197, 200)), id="eq"
            ),
            pytest.param("0.75", Target(minimum=Fraction(3, 4)), id="fraction"),
        ],
    )
    def test_parse(self, text: str, expected: Target) -> None:
        """The usual spellings are read."""
        assert Target.parse(text) == expected

    @pytest.mark.parametrize(
        ("text", "error", "match"),
        [
            pytest.param("", ParseError, r"cannot read a target from ''", id="empty"),
            pytest.param("about 75%", ParseError, r"'about 75%'", id="words"),
            pytest.param("≥ 75% 以上", ParseError, r"'≥ 75% 以上'", id="two-operators"),
            pytest.param("-5%", ParseError, r"'-5%'", id="negative"),
            pytest.param("75 %%", ParseError, r"'75 %%'", id="double-percent"),
            pytest.param(75, TypeError, r"'text' must be a str, got int", id="not-text"),
        ],
    )
    def test_parse_bad_input(self, text: object, error: type, match: str) -> None:
        """Unreadable targets raise ParseError (a ValueError) quoting the text."""
        with pytest.raises(error, match=match):
            Target.parse(text)  # type: ignore[arg-type]

    def test_parse_error_keeps_text(self) -> None:
        """The ParseError carries the text."""
        with pytest.raises(ParseError) as info:
            Target.parse("lots")
        assert info.value.text == "lots"

    @pytest.mark.parametrize(
        ("minimum", "maximum", "error", "match"),
        [
            pytest.param(0.5, None, TypeError, r"'minimum'.*float", id="float-min"),
            pytest.param(None, True, TypeError, r"'maximum'.*bool", id="bool-max"),
            pytest.param(
                -1, None, InvalidValueError, r"'minimum' must not be negative", id="negative"
            ),
            pytest.param(
                1,
                Fraction(1, 2),
                InvalidValueError,
                r"'minimum' 1 must not exceed 'maximum' 1/2",
                id="crossed",
            ),
            pytest.param("1", None, TypeError, r"'minimum'.*str", id="str"),
        ],
    )
    def test_bad_bounds(self, minimum: object, maximum: object, error: type, match: str) -> None:
        """Bad bounds raise an error naming the bound."""
        with pytest.raises(error, match=match):
            Target(minimum=minimum, maximum=maximum)

    @pytest.mark.parametrize(
        ("target", "rate", "result"),
        [
            pytest.param("≥ 75%", Rate(3, 4), TargetResult.MET, id="min-inclusive"),
            pytest.param("≥ 75%", Rate(74, 100), TargetResult.MISSED, id="below-min"),
            pytest.param("<= 2%", Rate(2, 100), TargetResult.MET, id="max-inclusive"),
            pytest.param("<= 2%", Rate(3, 100), TargetResult.MISSED, id="above-max"),
            pytest.param("100%", Rate(0, 0), TargetResult.NOT_APPLICABLE, id="n-a"),
            pytest.param("100%", Rate(16, 16), TargetResult.MET, id="all"),
        ],
    )
    def test_evaluate(self, target: str, rate: Rate, result: TargetResult) -> None:
        """Bounds are inclusive; 0/0 is not applicable."""
        assert Target.parse(target).evaluate(rate) is result

    def test_evaluate_needs_a_rate(self) -> None:
        """evaluate refuses anything but a Rate."""
        with pytest.raises(TypeError, match="'rate' must be Rate, got Fraction"):
            Target().evaluate(Fraction(1, 2))  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("target", "text", "text_repr"),
        [
            pytest.param(Target(), "any", "Target()", id="any"),
            pytest.param(
                Target(minimum=Fraction(3, 4)), "≥ 75%", "Target(minimum=Fraction(3, 4))", id="min"
            ),
            pytest.param(
                Target(maximum=Fraction(1, 50)), "≤ 2%", "Target(maximum=Fraction(1, 50))", id="max"
            ),
            pytest.param(
                Target(minimum=Fraction(1, 2), maximum=Fraction(1, 2)),
                "= 50%",
                "Target(minimum=Fraction(1, 2), maximum=Fraction(1, 2))",
                id="eq",
            ),
            pytest.param(
                Target(minimum=Fraction(1, 2), maximum=Fraction(1, 3) * 2),
                "50%–(200/3)%",
                "Target(minimum=Fraction(1, 2), maximum=Fraction(2, 3))",
                id="range",
            ),
        ],
    )
    def test_str_repr(self, target: Target, text: str, text_repr: str) -> None:
        """str reads like the standard, repr like the constructor."""
        assert str(target) == text
        assert repr(target) == text_repr


class TestHostileContext:
    """Rates never read the global decimal context (§14.10)."""

    def test_exact_percent_in_a_small_context(self) -> None:
        """Under precision 3, 30/30 is 100.0 % and 239.5/243.75 is 98.256 %."""
        with localcontext(prec=3):
            assert str(Rate(30, 30).percent()) == "100.0"
            assert Rate(Fraction(479, 2), Fraction(975, 4)).percent(3) == Decimal("98.256")

    def test_inexact_trapped(self) -> None:
        """With Inexact trapped, percent and str still work."""
        with localcontext(decimal.Context(prec=3, traps=[decimal.Inexact])):
            assert Rate(2, 3).percent(5) == Decimal("66.66667")
            assert str(Rate(12345, 100000)) == "12.3% (12345/100000)"

    def test_every_trap_and_lower_case_exponents(self) -> None:
        """The worst context changes neither numbers nor text."""
        tiny = Target(minimum=Fraction(1, 10**12))
        with localcontext(hostile_context()):
            assert str(Rate(Fraction(3, 2), 4)) == "37.5% (1.5/4)"
            assert str(tiny) == "≥ 0.0000000001%"
            assert Rate(1, 3).percent(28) == Decimal("33." + "3" * 28)
        assert str(tiny) == "≥ 0.0000000001%"


class TestText:
    """Rates and targets print finite decimals where there is one (factors of 2 and 5)."""

    @pytest.mark.parametrize(
        ("target", "text"),
        [
            pytest.param(Target(minimum=Fraction(999, 1000)), "≥ 99.9%", id="thousandths"),
            pytest.param(Target(minimum=Fraction(1, 8)), "≥ 12.5%", id="eighths"),
            pytest.param(Target(maximum=Fraction(1, 80)), "≤ 1.25%", id="eightieths"),
            pytest.param(Target(maximum=Fraction(1, 625)), "≤ 0.16%", id="fives"),
            pytest.param(Target(minimum=Fraction(1, 3)), "≥ (100/3)%", id="thirds"),
            pytest.param(Target(minimum=Fraction(7, 30)), "≥ (70/3)%", id="three-and-ten"),
        ],
    )
    def test_target_text(self, target: Target, text: str) -> None:
        """A bound with only factors 2 and 5 below the bar prints as a decimal percent."""
        assert str(target) == text

    @pytest.mark.parametrize(
        ("rate", "text"),
        [
            pytest.param(Rate(Fraction(1, 5), 1), "20.0% (0.2/1)", id="fifth"),
            pytest.param(Rate(Fraction(3, 25), Fraction(1, 4)), "48.0% (0.12/0.25)", id="fives"),
            pytest.param(Rate(Fraction(1, 6), 1), "16.7% ((1/6)/1)", id="sixth"),
        ],
    )
    def test_rate_text(self, rate: Rate, text: str) -> None:
        """Counts print as decimals when finite, as fractions otherwise."""
        assert str(rate) == text


class TestSizeBounds:
    """Absurd sizes are refused at once with a named error (§14.10)."""

    @pytest.mark.parametrize(
        ("call", "field"),
        [
            pytest.param(lambda: Rate(Decimal("1e999999999"), 1), "numerator", id="huge"),
            pytest.param(lambda: Rate(1, Decimal("1e-999999999")), "denominator", id="tiny"),
            pytest.param(lambda: Rate(Decimal("1e5000"), 1), "numerator", id="long"),
            pytest.param(lambda: Rate(1, Fraction(1, 10**1000)), "denominator", id="long-den"),
            pytest.param(lambda: Rate(2, 3).percent(10**9), "places", id="places"),
            pytest.param(lambda: Rate(2, 3).percent(29), "places", id="places-29"),
            pytest.param(lambda: Target(minimum=10**5000), "minimum", id="target"),
            pytest.param(lambda: Target.parse(" " * 10_001 + "75%"), "text", id="long-text"),
        ],
    )
    def test_refused(self, call: Callable[[], object], field: str) -> None:
        """Each call raises InvalidValueError naming the field."""
        with pytest.raises(InvalidValueError) as info:
            call()
        assert info.value.field == field

    def test_many_digits_is_a_parse_error(self) -> None:
        """5,000 digits are a ParseError, not Python's int digit limit."""
        with pytest.raises(ParseError, match="cannot read a target") as info:
            Target.parse("≥ " + "9" * 5000 + "%")
        assert info.value.field == "text"

    def test_largest_counts(self) -> None:
        """Counts just below the bound print and round."""
        big = 10**1000 - 1
        assert Rate(big, big).percent() == Decimal("100.0")
        assert str(Rate(1, big)).startswith("0.0% (1/999")
        assert Rate(2, 3).percent(28) == Decimal("66." + "6" * 27 + "7")


class TestErrorsCarryData:
    """Refusals name the field and keep the value (§14.9)."""

    @pytest.mark.parametrize(
        ("call", "field", "value"),
        [
            pytest.param(lambda: Rate(-1, 2), "numerator", -1, id="negative"),
            pytest.param(lambda: Rate(3, 0), "denominator", 0, id="x-over-0"),
            pytest.param(
                lambda: Target(minimum=1, maximum=0), None, (Fraction(1), Fraction(0)), id="crossed"
            ),
            pytest.param(lambda: Target.parse("lots"), "text", "lots", id="parse"),
            pytest.param(lambda: Rate(1, 2).percent(-1), "places", -1, id="places"),
            pytest.param(lambda: Rate(1, 2).percent(rounding="sideways"), "rounding", "sideways"),
        ],
    )
    def test_field_and_value(
        self, call: Callable[[], object], field: str | None, value: object
    ) -> None:
        """The error's `field` and `value` say what was wrong."""
        with pytest.raises(InvalidValueError) as info:
            call()
        assert (info.value.field, info.value.value) == (field, value)


class TestRefusalMessages:
    """Each refusal of a rate or count says the whole of what was wrong (mutation testing)."""

    @pytest.mark.parametrize(
        "value",
        [
            pytest.param(Decimal("1e2000"), id="decimal-exponent"),
            pytest.param(10**1000, id="int-digits"),
        ],
    )
    def test_too_big_message_and_value(self, value: object) -> None:
        """A count of over 1,000 digits is refused with the bound, the value shown and kept."""
        with pytest.raises(InvalidValueError) as info:
            Rate(value, 1)
        assert info.value.message.startswith(
            "'numerator' must be a number of sensible size (at most 1,000 digits above "
            "and below the fraction bar), got "
        )
        assert info.value.message.endswith(("Decimal('1E+2000')", "<int of about 1000 digits>"))
        assert (info.value.field, info.value.value) == ("numerator", value)

    def test_negative_at_the_digit_bound_is_negative(self) -> None:
        """-1e1000 (exactly 1,000 digits above the bar) is refused as negative, not as too big."""
        with pytest.raises(InvalidValueError, match="must not be negative") as info:
            Rate(Decimal("-1e1000"), 1)
        assert (info.value.field, info.value.value) == ("numerator", Decimal("-1e1000"))

    def test_nothing_to_divide_by(self) -> None:
        """x/0 says a rate needs something to divide by and that 0/0 is the n/a rate."""
        with pytest.raises(InvalidValueError) as info:
            Rate(Fraction(3, 2), 0)
        assert info.value.message == (
            "'denominator' is 0 but 'numerator' is 1.5: a rate needs something to divide by "
            "(0/0 is the only 'not applicable' rate)"
        )


class TestTargetResultWords:
    """TargetResult reads 达标, 未达标, 不适用 (§14.7)."""

    @pytest.mark.parametrize(
        ("word", "result"),
        [
            pytest.param("达标", TargetResult.MET, id="met"),
            pytest.param("未达标", TargetResult.MISSED, id="missed"),
            pytest.param("不达标", TargetResult.MISSED, id="not-met"),
            pytest.param("不适用", TargetResult.NOT_APPLICABLE, id="n-a"),
            pytest.param(" Not Applicable ", TargetResult.NOT_APPLICABLE, id="english"),
        ],
    )
    def test_words(self, word: str, result: TargetResult) -> None:
        """Each word names its result; the value stays English."""
        assert TargetResult(word) is result
        assert str(result) in {"met", "missed", "not_applicable"}

    def test_percent_reads_rounding_words(self) -> None:
        """percent() takes the rounding by its Chinese name too."""
        assert Rate(1, 8).percent(1, rounding="四舍五入") == Decimal("12.5")
        assert Rate(1, 16).percent(1, rounding="四舍五入") == Decimal("6.3")
