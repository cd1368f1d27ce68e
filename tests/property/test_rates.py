"""Property tests for propstd.rates: exact pooling and target evaluation."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given

from propstd.rates import Rate, Target, TargetResult
from tests.strategies import rates, targets


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
