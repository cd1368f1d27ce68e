"""Property tests for propstd.rates: exact pooling and target evaluation."""

from __future__ import annotations

import decimal
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from propstd.errors import InvalidValueError
from propstd.money import Rounding
from propstd.rates import Rate, Target, TargetResult
from tests.strategies import (
    hostile_context,
    hostile_contexts,
    huge_numbers,
    rates,
    roundings,
    targets,
)


class TestPooling:
    """Contract §2: `a + b` adds numerators and denominators (pooling), exactly."""

    @given(rates(), rates(), rates())
    def test_associative(self, a: Rate, b: Rate, c: Rate) -> None:
        """(a + b) + c == a + (b + c)."""
        assert (a + b) + c == a + (b + c)

    @given(rates(), rates())
    def test_commutative(self, a: Rate, b: Rate) -> None:
        """a + b == b + a."""
        assert a + b == b + a

    @given(rates())
    def test_not_applicable_is_neutral(self, a: Rate) -> None:
        """0/0 adds nothing."""
        assert a + Rate(0, 0) == a

    @given(rates(applicable=True), rates(applicable=True))
    def test_pooled_rate_lies_between(self, a: Rate, b: Rate) -> None:
        """The pooled rate lies between the two rates (a mediant)."""
        fa, fb, pooled = a.fraction, b.fraction, (a + b).fraction
        assert fa is not None and fb is not None and pooled is not None  # noqa: PT018
        assert min(fa, fb) <= pooled <= max(fa, fb)


class TestText:
    """Contract §2: str shows the percent and the counts; percent rounds half up."""

    @given(rates(applicable=True))
    def test_percent_is_within_half_a_place(self, a: Rate) -> None:
        """percent(1) is within 0.05 of the exact percentage."""
        pct = a.percent()
        assert pct is not None
        assert a.fraction is not None
        assert abs(Fraction(pct) - a.fraction * 100) <= Fraction(1, 20)
        assert str(a).startswith(f"{pct}% (")


class TestTargets:
    """Contract §2: a target is met when the rate lies within its inclusive bounds."""

    @given(targets(), rates())
    def test_evaluate_matches_bounds(self, target: Target, rate: Rate) -> None:
        """evaluate agrees with comparing the exact fraction to the bounds."""
        result = target.evaluate(rate)
        value = rate.fraction
        if value is None:
            assert result is TargetResult.NOT_APPLICABLE
            return
        inside = (target.minimum is None or value >= target.minimum) and (
            target.maximum is None or value <= target.maximum
        )
        assert result is (TargetResult.MET if inside else TargetResult.MISSED)

    @given(targets())
    def test_single_bounds_parse_back(self, target: Target) -> None:
        """A one-sided or exact target reads back from its text."""
        text = str(target)
        if "/" in text or "–" in text or text == "any":
            return
        assert Target.parse(text) == target


def _rate_results(
    rate: Rate, target: Target, places: int, rounding: Rounding
) -> tuple[object, ...]:
    """Every public operation of propstd.rates on the inputs, with its text."""
    return (
        rate.fraction,
        rate.percent(places, rounding=rounding),
        str(rate),
        repr(rate),
        rate + rate,
        target.evaluate(rate),
        str(target),
        repr(target),
        Target.parse(f"≥ {rate.percent(places) or 0}%"),
    )


class TestHostileContext:
    """Semantics §14.10: rates never read the global decimal context."""

    @given(hostile_contexts(), rates(), targets(), st.integers(0, 28), roundings())
    @example(hostile_context(), Rate(30, 30), Target(), 1, Rounding.HALF_UP)
    @example(
        hostile_context(),
        Rate(Fraction(479, 2), Fraction(975, 4)),
        Target(minimum=Fraction(999, 1000)),
        3,
        Rounding.HALF_UP,
    )
    def test_same_results(
        self, context: decimal.Context, rate: Rate, target: Target, places: int, rounding: Rounding
    ) -> None:
        """Values and texts are the same in any context."""
        expected = _rate_results(rate, target, places, rounding)
        with decimal.localcontext(context):
            got = _rate_results(rate, target, places, rounding)
        assert got == expected

    @given(rates(applicable=True), st.integers(0, 28), roundings())
    def test_percent_is_the_exact_rounding(self, rate: Rate, places: int, r: Rounding) -> None:
        """percent() is the exact fraction × 100 rounded once, with *places* decimals."""
        pct = rate.percent(places, rounding=r)
        assert pct is not None
        assert pct.as_tuple().exponent == -places
        assert rate.fraction is not None
        assert abs(Fraction(pct) - rate.fraction * 100) < Fraction(1, 10**places)


class TestHugeNumbers:
    """Semantics §14.10: absurd sizes give InvalidValueError at once."""

    @given(huge_numbers())
    @example(Decimal("1e999999999"))
    def test_refused_or_printable(self, number: Decimal | int | Fraction) -> None:
        """A rate or target of any size is refused by name, or prints and rounds."""
        magnitude = number.copy_abs() if isinstance(number, Decimal) else abs(number)
        builds: tuple[tuple[str, Callable[[], object]], ...] = (
            ("numerator", lambda: Rate(magnitude, 1)),
            ("denominator", lambda: Rate(1, magnitude)),
            ("minimum", lambda: Target(minimum=magnitude)),
        )
        for name, build in builds:
            value = _outcome(build)
            if isinstance(value, InvalidValueError):
                assert value.field == name
            else:
                assert str(value)

    @given(st.integers(29, 10**12) | st.integers(-(10**12), -1))
    def test_places_bound(self, places: int) -> None:
        """Places outside 0-28 are refused at once."""
        with pytest.raises(InvalidValueError) as info:
            Rate(2, 3).percent(places)
        assert info.value.field == "places"


def _outcome(call: Callable[[], object]) -> object:
    """What *call* returns, or the InvalidValueError it raises (any other error fails)."""
    try:
        return call()
    except InvalidValueError as exc:
        return exc


@given(
    st.one_of(st.none(), st.fractions(min_value=0, max_value=3, max_denominator=1000)),
    st.one_of(st.none(), st.fractions(min_value=0, max_value=3, max_denominator=1000)),
)
def test_target_text_reads_back(low: Fraction | None, high: Fraction | None) -> None:
    """Every target's text parses back to an equal target (ranges, 'any', 1/3 included)."""
    if low is not None and high is not None and low > high:
        low, high = high, low
    t = Target(minimum=low, maximum=high)
    assert Target.parse(str(t)) == t
