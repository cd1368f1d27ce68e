"""Unit tests for propstd.rates: Rate, Target, TargetResult."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import attrs
import pytest

from propstd.errors import InvalidValueError, ParseError
from propstd.money import Rounding
from propstd.rates import Rate, Target, TargetResult


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
