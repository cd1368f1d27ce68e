"""Survey scores and the survey policy (private; see propstd.surveys)."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from fractions import Fraction

import attrs

from propstd._repr import shown
from propstd._validators import (
    at_least,
    check_int,
    check_nonblank,
    check_type,
    non_negative_fraction,
    to_tuple,
)
from propstd._vocab import Vocabulary, to_member
from propstd.errors import InvalidValueError
from propstd.frequencies import Frequency
from propstd.rates import Target

__all__: list[str] = []


class Score(Vocabulary):
    """One answer to one survey item: 1-5 on the five-point scale, or a word of the three.

    `Score(5)` is not how to build one (an enum reads its value, `"5"`): pass the `int` to a
    [SurveyResponse][propstd.surveys.SurveyResponse], or call `Score.of(5)`.
    """

    FIVE = "5", "5分"
    """The best on the five-point scale (非常满意)."""
    FOUR = "4", "4分"
    """Good (满意)."""
    THREE = "3", "3分"
    """Neutral (一般)."""
    TWO = "2", "2分"
    """Poor (不满意)."""
    ONE = "1", "1分"
    """The worst (非常不满意)."""
    SATISFIED = "satisfied", "满意"
    """满意: satisfied (three-word scale)."""
    BASICALLY_SATISFIED = "basically_satisfied", "基本满意", "fairly satisfied"
    """基本满意: basically satisfied (three-word scale)."""
    DISSATISFIED = "dissatisfied", "不满意", "unsatisfied"
    """不满意: dissatisfied (three-word scale)."""

    @property
    def points(self) -> int | None:
        """1-5 on the five-point scale; `None` for the words."""
        return int(self.value) if self.value.isdigit() else None

    @classmethod
    def of(cls, value: Score | int | str, *, name: str = "score") -> Score:
        """The score an `int` (1-5), a member or any accepted word names.

        Raises:
            TypeError: *value* is neither an `int`, a `Score` nor a `str` (a `bool` is refused).
            InvalidValueError: it is outside the scale (`field` is *name*, `value` the input).

        Examples:
            >>> Score.of(4), Score.of("基本满意"), Score.of(" Satisfied ")
            (<Score.FOUR: '4'>, <Score.BASICALLY_SATISFIED: 'basically_satisfied'>, \
<Score.SATISFIED: 'satisfied'>)
        """
        if isinstance(value, int) and not isinstance(value, bool):
            if not 1 <= value <= 5:
                msg = f"{name!r} must be 1-5 or one of {cls.accepted()}, got {shown(value)}"
                raise InvalidValueError(msg, field=name, value=value)
            return cls(str(value))
        if isinstance(value, bool):
            msg = f"{name!r} must be an int 1-5 or a word, got bool {value!r}"
            raise TypeError(msg)
        return to_member(name, cls, value)


DEFAULT_SATISFIED: tuple[Score, ...] = (
    Score.FIVE,
    Score.FOUR,
    Score.SATISFIED,
    Score.BASICALLY_SATISFIED,
)
"""The answers counted as satisfied unless a policy says otherwise: 5, 4, 满意, 基本满意."""


# -- policy -------------------------------------------------------------------------------


def _to_frequency(value: Frequency | None) -> Frequency | None:
    return None if value is None else check_type("frequency", value, Frequency)


def _to_sampling(value: Fraction | int | None) -> Fraction | None:
    if value is None:
        return None
    share = non_negative_fraction("sampling", value)
    if not 0 < share <= 1:
        msg = f"'sampling' must be a share above 0 and at most 1, got {shown(value)}"
        raise InvalidValueError(msg, field="sampling", value=value)
    return share


def _to_target(value: Target | None) -> Target | None:
    return None if value is None else check_type("target", value, Target)


def _to_low_item(value: Target | None) -> Target | None:
    return None if value is None else check_type("low_item", value, Target)


def _names(name: str, value: Iterable[str]) -> tuple[str, ...]:
    """Distinct, non-blank names (service items, household ids)."""
    names = to_tuple(value)
    for i, one in enumerate(names):
        check_nonblank(f"{name}[{i}]", one)
    if len(set(names)) != len(names):
        dupes = sorted(n for n, c in Counter(names).items() if c > 1)
        msg = f"{name!r} must name each one once, got {shown(dupes)} more than once"
        raise InvalidValueError(msg, field=name, value=dupes)
    return names


def _to_items(value: Iterable[str]) -> tuple[str, ...]:
    return _names("items", value)


def _to_satisfied(value: Iterable[Score | int | str]) -> tuple[Score, ...]:
    chosen = {Score.of(v, name="satisfied") for v in to_tuple(value)}
    if not chosen:
        msg = "'satisfied' must name at least one answer that counts as satisfied, got none"
        raise InvalidValueError(msg, field="satisfied", value=value)
    return tuple(s for s in Score if s in chosen)  # in scale order: one value, one spelling


@attrs.frozen(repr=False)
class SurveyPolicy:
    """How a property runs its satisfaction survey (抽样比例、频次、目标): the rules it sets.

    Every rule may be left out (`None`), meaning "no rule here"; what needs it is not judged,
    never guessed:

    - no `sampling` and no `minimum_responses`: the survey has no required sample
      (`sample_size()` and `SurveyResult.sample_required` are `None`), and a survey is valid
      when it covered every service item (each answered at least once: the seeds' "cover
      every on-site service"); with either one, the sample is that one alone;
    - no `target`: the overall satisfaction is computed but not judged
      (`SurveyResult.result` is `not_applicable`);
    - no `low_item`: no item is flagged for an improvement action (each item's result is
      `not_applicable`);
    - no `frequency`: nothing here needs it (it says how often a survey is due).

    The satisfaction rates, coverage and the one-response-per-household rule need no policy
    number at all.

    Raises:
        TypeError: a field has the wrong type (a float share is refused).
        InvalidValueError: `sampling` is not above 0 and at most 1, `minimum_responses` is
            negative, an item is blank or repeated, or `satisfied` is empty or names an
            answer outside the scale.

    References:
        Seed rules §6: satisfaction surveys decide the sampling ratio and frequency, cover
        every on-site service, and act on low-scoring items; satisfaction above 80 %.

    Examples:
        >>> from fractions import Fraction
        >>> from propstd.frequencies import Frequency
        >>> from propstd.rates import Target
        >>> p = SurveyPolicy(Frequency.parse("semiannual"), Fraction(1, 10), 50,
        ...                  Target.parse("≥ 85%"), Target.parse("≥ 80%"), satisfied=["满意"])
        >>> p.sample_size(300), p.sample_size(1150), p.sample_size(30)
        (50, 115, 30)
        >>> p
        SurveyPolicy(semiannual, sampling 1/10, at least 50, target ≥ 85%, low item ≥ 80%)

        The CPMI 2004 level-1 summary fixes a yearly survey and satisfaction of at least 80 %,
        and no sample:

        >>> level1 = SurveyPolicy(Frequency.parse("annual"), target=Target.parse("≥ 80%"))
        >>> level1, level1.sample_size(1150)
        (SurveyPolicy(annual, target ≥ 80%), None)
    """

    frequency: Frequency | None = attrs.field(default=None, converter=_to_frequency)
    """How often a survey is due (频次): `annual`, `semiannual` ... (`None`: not set)."""
    sampling: Fraction | None = attrs.field(default=None, converter=_to_sampling)
    """The share of households asked (抽样比例), above 0 and at most 1 (`None`: not set)."""
    minimum_responses: int | None = attrs.field(
        default=None, validator=attrs.validators.optional(at_least(0))
    )
    """The fewest responses a survey needs to be valid, whatever the share gives (`None`: not
    set)."""
    target: Target | None = attrs.field(default=None, converter=_to_target)
    """The overall satisfaction target (e.g. ≥ 80 %; `None`: not judged)."""
    low_item: Target | None = attrs.field(default=None, converter=_to_low_item)
    """An item whose satisfaction misses this target needs an improvement action (`None`: no
    item is flagged)."""
    items: tuple[str, ...] = attrs.field(default=(), kw_only=True, converter=_to_items)
    """The service items asked about (can also be given to `survey_result`)."""
    satisfied: tuple[Score, ...] = attrs.field(
        default=DEFAULT_SATISFIED, kw_only=True, converter=_to_satisfied
    )
    """The answers that count as satisfied (default 5, 4, 满意, 基本满意)."""

    def sample_size(self, households: int) -> int | None:
        """Responses required of *households*: `ceil(households × sampling)`, at least
        `minimum_responses`, at most *households* (a property cannot answer more than itself);
        with only one of the two rules, that one; with neither, `None` (no required sample).

        Raises:
            TypeError: *households* is not an `int`.
            InvalidValueError: it is below 1.
        """
        check_int("households", households)
        if households < 1:
            msg = f"'households' must be at least 1, got {households!r}"
            raise InvalidValueError(msg, field="households", value=households)
        rules: list[int] = []
        if self.sampling is not None:
            rules.append(math.ceil(households * self.sampling))
        if self.minimum_responses is not None:
            rules.append(self.minimum_responses)
        return min(households, max(rules)) if rules else None

    def counts_as_satisfied(self, score: Score) -> bool:
        """Whether *score* counts as satisfied under this policy."""
        return score in self.satisfied

    def __repr__(self) -> str:
        parts = (
            ("", self.frequency),
            ("sampling ", self.sampling),
            ("at least ", self.minimum_responses),
            ("target ", self.target),
            ("low item ", self.low_item),
        )
        shown_parts = [f"{label}{value}" for label, value in parts if value is not None]
        return f"SurveyPolicy({', '.join(shown_parts)})"
