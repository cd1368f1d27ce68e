"""Exact ratios (coverage, completion, closure rates) and the targets they are judged by.

A [Rate][propstd.rates.Rate] keeps its numerator and denominator, so rates *pool* exactly:
`Rate(15, 16) + Rate(3, 4) == Rate(18, 20)` — the rate of two projects together, not the mean of
their rates. A rate of `0/0` is "not applicable" (nothing was required), never 0 % or 100 %.
A [Target][propstd.rates.Target] (`≥ 75%`, `100%`, `<= 2%`) evaluates a rate to a
[TargetResult][propstd.rates.TargetResult].

Examples:
    >>> from propstd.rates import Rate, Target
    >>> str(Rate(15, 16))
    '93.8% (15/16)'
    >>> Target.parse("≥ 75%").evaluate(Rate(15, 16))
    <TargetResult.MET: 'met'>
"""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction
from typing import NoReturn

import attrs

from propstd._numbers import check_exponent, check_fraction, check_places, plain, to_decimal
from propstd._repr import shown
from propstd._validators import check_text, check_type, exact_number, non_negative_fraction
from propstd._vocab import Vocabulary, to_member
from propstd.errors import InvalidValueError, ParseError
from propstd.money import Rounding

__all__ = ["Rate", "Target", "TargetResult"]


def __dir__() -> list[str]:
    return __all__


# The most digits of a count's numerator or denominator: far beyond any count, and small enough
# that every rate prints and rounds at once (Python refuses to print ints over 4,300 digits).
_MAX_DIGITS = 1_000
_LIMIT = 10**_MAX_DIGITS


def _part(name: str, value: object) -> Fraction:
    """A non-negative exact number of sensible size as a `Fraction`."""
    number = exact_number(name, value)
    if isinstance(number, Decimal):
        check_exponent(name, number)  # before Fraction() computes 10**exponent
        if number and abs(number.adjusted()) > _MAX_DIGITS:
            _too_big(name, value)  # known without computing it
    f = check_fraction(name, non_negative_fraction(name, number))
    if f.numerator >= _LIMIT or f.denominator >= _LIMIT:
        _too_big(name, value)
    return f


def _too_big(name: str, value: object) -> NoReturn:
    msg = (
        f"{name!r} must be a number of sensible size (at most {_MAX_DIGITS:,} digits above "
        f"and below the fraction bar), got {shown(value)}"
    )
    raise InvalidValueError(msg, field=name, value=value)


def _numerator(value: object) -> Fraction:
    return _part("numerator", value)


def _denominator(value: object) -> Fraction:
    return _part("denominator", value)


def _minimum(value: object) -> Fraction | None:
    return None if value is None else _part("minimum", value)


def _maximum(value: object) -> Fraction | None:
    return None if value is None else _part("maximum", value)


def _to_rounding(value: Rounding | str) -> Rounding:
    return to_member("rounding", Rounding, value)


def _format_number(value: Fraction) -> str:
    """`12`, `1.5` (a finite decimal when there is one) or `(1/3)`."""
    if value.denominator == 1:
        return str(value.numerator)
    exact = plain(value)
    if exact is not None:
        return format(exact, "f")  # plain digits whatever the context's `capitals`
    return f"({value.numerator}/{value.denominator})"


def _repr_number(value: Fraction) -> str:
    # evaluable: ints as ints, anything else as the Fraction it is (never a float literal)
    return str(value.numerator) if value.denominator == 1 else repr(value)


@attrs.frozen(repr=False)
class Rate:
    """An exact ratio `numerator / denominator` that pools with `+`.

    Both parts are non-negative exact numbers (`int`, `Decimal` or `Fraction`; a fractional
    numerator or denominator is allowed because prorated requirements are fractional). The
    numerator may exceed the denominator (extra checks). `0/0` means "not applicable".

    Raises:
        TypeError: a part is a float or bool.
        InvalidValueError: a part is negative, NaN, infinite or of absurd size (an exponent
            beyond ±10⁶, more than 1,000 digits), or the denominator is 0 while the
            numerator is not (a ratio of something to nothing is undefined, not "not
            applicable").

    Examples:
        >>> Rate(15, 16).fraction
        Fraction(15, 16)
        >>> Rate(15, 16).percent()
        Decimal('93.8')
        >>> Rate(0, 0).fraction is None, str(Rate(0, 0))
        (True, 'n/a (0/0)')
        >>> Rate(15, 16) + Rate(3, 4)
        Rate(18, 20)
    """

    numerator: Fraction = attrs.field(converter=_numerator)
    """The count achieved (completed, closed, traceable …)."""
    denominator: Fraction = attrs.field(converter=_denominator)
    """The count required or examined."""

    def __attrs_post_init__(self) -> None:
        if self.denominator == 0 and self.numerator != 0:
            msg = (
                f"'denominator' is 0 but 'numerator' is {_format_number(self.numerator)}: "
                "a rate needs something to divide by (0/0 is the only 'not applicable' rate)"
            )
            raise InvalidValueError(msg, field="denominator", value=self.denominator)

    @classmethod
    def not_applicable(cls) -> Rate:
        """The rate `0/0`: nothing was required, so there is nothing to judge."""
        return cls(0, 0)

    @property
    def is_applicable(self) -> bool:
        """Whether the denominator is positive."""
        return self.denominator != 0

    @property
    def fraction(self) -> Fraction | None:
        """The exact value, or `None` when the rate is `0/0` ("not applicable")."""
        if self.denominator == 0:
            return None
        return self.numerator / self.denominator

    def percent(
        self, places: int = 1, *, rounding: Rounding | str = Rounding.HALF_UP
    ) -> Decimal | None:
        """The rate in percent, rounded to *places* decimals with *rounding*; `None` for `0/0`.

        Exact whatever the `decimal` context: `Rate(30, 30).percent()` is `Decimal('100.0')`.

        Raises:
            TypeError: *places* is not an `int`.
            InvalidValueError: *places* is negative or above 28; *rounding* is unknown.

        Examples:
            >>> Rate(2, 3).percent(), Rate(2, 3).percent(0)
            (Decimal('66.7'), Decimal('67'))
            >>> Rate(2, 3).percent(2, rounding=Rounding.DOWN)
            Decimal('66.66')
        """
        digits = check_places("places", places)
        mode = _to_rounding(rounding)
        value = self.fraction
        if value is None:
            return None
        return to_decimal(value * 100, digits, mode.value)

    def __add__(self, other: object) -> Rate:
        if not isinstance(other, Rate):
            return NotImplemented
        return Rate(self.numerator + other.numerator, self.denominator + other.denominator)

    def __repr__(self) -> str:
        return f"Rate({_repr_number(self.numerator)}, {_repr_number(self.denominator)})"

    def __str__(self) -> str:
        counts = f"({_format_number(self.numerator)}/{_format_number(self.denominator)})"
        pct = self.percent()
        if pct is None:
            return f"n/a {counts}"
        return f"{format(pct, 'f')}% {counts}"


class TargetResult(Vocabulary):
    """How a rate fares against a target (达标, 未达标, 不适用).

    Examples:
        >>> TargetResult("达标"), TargetResult.MISSED.label_zh
        (<TargetResult.MET: 'met'>, '未达标')
    """

    MET = "met", "达标", "合格"
    """The rate is within the target (bounds inclusive)."""
    MISSED = "missed", "未达标", "不达标", "不合格"
    """The rate is outside the target."""
    NOT_APPLICABLE = "not_applicable", "不适用", "n/a"
    """The rate is `0/0`: there was nothing to judge."""


_NUMBER = r"\d{1,100}(?:\.\d{1,100})?|\(\d{1,100}/\d{1,100}\)"
_TARGET_RE = re.compile(
    rf"""^\s*(?P<op>≥|>=|=>|≤|<=|=<|=|不低于|不少于|至少|不高于|不超过|至多|)\s*
        (?P<num>{_NUMBER})\s*(?P<unit>%|％|)\s*(?P<post>以上|以下|及以上|及以下|)\s*$""",
    re.VERBOSE,
)
_RANGE_RE = re.compile(
    rf"""^\s*(?P<low>{_NUMBER})\s*(?P<low_unit>%|％|)\s*(?:–|—|-|~|～|至|到)\s*
        (?P<high>{_NUMBER})\s*(?P<high_unit>%|％|)\s*$""",
    re.VERBOSE,
)
_ANY = {"any", "无", "不限", "no target"}


def _share(number: str, unit: str) -> Fraction:
    """A number of a target text as a fraction of one (`"75"` with `%` is 3/4)."""
    value = Fraction(number.strip("()"))
    return value / 100 if unit else value


_AT_LEAST = {"≥", ">=", "=>", "不低于", "不少于", "至少", "以上", "及以上"}
_AT_MOST = {"≤", "<=", "=<", "不高于", "不超过", "至多", "以下", "及以下"}


@attrs.frozen(repr=False)
class Target:
    """An acceptable range for a rate: `minimum <= rate <= maximum` (both inclusive, optional).

    Bounds are fractions of one (`Fraction(3, 4)` is 75 %).

    Raises:
        InvalidValueError: a bound is negative or of absurd size, or `minimum > maximum`.

    Examples:
        >>> Target.parse("≥ 75%")
        Target(minimum=Fraction(3, 4))
        >>> Target.parse("100%").evaluate(Rate(15, 16))
        <TargetResult.MISSED: 'missed'>
        >>> Target.parse("<= 2%").evaluate(Rate(1, 100))
        <TargetResult.MET: 'met'>
        >>> str(Target(minimum=Fraction(1, 20)))
        '≥ 5%'
    """

    minimum: Fraction | None = attrs.field(default=None, converter=_minimum)
    """The lowest acceptable value (inclusive), or `None` for no lower bound."""
    maximum: Fraction | None = attrs.field(default=None, converter=_maximum)
    """The highest acceptable value (inclusive), or `None` for no upper bound."""

    def __attrs_post_init__(self) -> None:
        if self.minimum is not None and self.maximum is not None and self.minimum > self.maximum:
            msg = f"'minimum' {self.minimum} must not exceed 'maximum' {self.maximum}"
            # both bounds together are at fault: no single field
            raise InvalidValueError(msg, field=None, value=(self.minimum, self.maximum))

    @classmethod
    def parse(cls, text: str) -> Target:
        """Read a target: `"≥ 75%"`, `">= 75%"`, `"100%"` (a minimum), `"<= 2%"`, `"≤2%"`,
        `"不低于75%"`, `"5%以上"`, a range `"75%–90%"` and `"any"` (no bound); a bare number is
        a fraction (`"0.75"`). Every text `str()` writes reads back to an equal target,
        non-terminating shares included (`"≥ (100/3)%"`).

        Raises:
            TypeError: *text* is not a `str`.
            InvalidValueError: *text* is longer than 10,000 characters.
            ParseError: the text is no target (numbers have at most 100 digits).

        Examples:
            >>> Target.parse("不低于98%"), Target.parse("5%以下")
            (Target(minimum=Fraction(49, 50)), Target(maximum=Fraction(1, 20)))
            >>> Target.parse("75%–90%")
            Target(minimum=Fraction(3, 4), maximum=Fraction(9, 10))
            >>> Target.parse("any"), Target.parse("≥ (100/3)%")
            (Target(), Target(minimum=Fraction(1, 3)))
        """
        m = _TARGET_RE.match(check_text("text", text))
        if m is None or (m["op"] and m["post"]):
            return cls._parse_other(text)
        value = _share(m["num"], m["unit"])
        op = m["op"] or m["post"]
        if op in _AT_MOST:
            return cls(maximum=value)
        if op == "=":
            return cls(minimum=value, maximum=value)
        return cls(minimum=value)

    @classmethod
    def _parse_other(cls, text: str) -> Target:
        """A range (`"75%–90%"`) or no bound at all (`"any"`), the other forms `str()` writes."""
        if text.strip().casefold() in _ANY:
            return cls()
        r = _RANGE_RE.match(text)
        if r is None or bool(r["low_unit"]) != bool(r["high_unit"]):
            msg = f"cannot read a target from {shown(text)}; write e.g. '≥ 75%', '100%' or '<= 2%'"
            raise ParseError(msg, text, field="text")
        return cls(
            minimum=_share(r["low"], r["low_unit"]), maximum=_share(r["high"], r["high_unit"])
        )

    def evaluate(self, rate: Rate) -> TargetResult:
        """Judge *rate*: met when inside the bounds (inclusive), not applicable for `0/0`."""
        value = check_type("rate", rate, Rate).fraction
        if value is None:
            return TargetResult.NOT_APPLICABLE
        if self.minimum is not None and value < self.minimum:
            return TargetResult.MISSED
        if self.maximum is not None and value > self.maximum:
            return TargetResult.MISSED
        return TargetResult.MET

    def __repr__(self) -> str:
        parts = []
        if self.minimum is not None:
            parts.append(f"minimum={self.minimum!r}")
        if self.maximum is not None:
            parts.append(f"maximum={self.maximum!r}")
        return f"Target({', '.join(parts)})"

    def __str__(self) -> str:
        def pct(f: Fraction) -> str:
            return f"{_format_number(f * 100)}%"

        if self.minimum is None and self.maximum is None:
            return "any"
        if self.maximum is None:
            assert self.minimum is not None
            return f"≥ {pct(self.minimum)}"
        if self.minimum is None:
            return f"≤ {pct(self.maximum)}"
        if self.minimum == self.maximum:
            return f"= {pct(self.minimum)}"
        return f"{pct(self.minimum)}–{pct(self.maximum)}"
