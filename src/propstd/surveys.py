"""Satisfaction surveys (满意度调查): sample size, coverage, satisfaction per service item.

The seeds ask a property to set a survey's sampling ratio and frequency (抽样比例、频次设置),
to cover every on-site service (调查内容包括现场服务的全部活动), not to fake results, and to
act on the items with low satisfaction (对满意率较低的服务项目采取改进措施); the targets are
satisfaction of at least 80 % (owners 85 %, staff 90 %).

- A [SurveyPolicy][propstd.surveys.SurveyPolicy] holds those settings as data: how often a
  survey is due, the share of households sampled and the fewest responses accepted, the
  overall target, the target below which an item needs an improvement action, the service
  items asked about, and which answers count as satisfied.
- A [SurveyResponse][propstd.surveys.SurveyResponse] is one household's questionnaire: a
  [Score][propstd.surveys.Score] per service item, on a five-point scale (1-5) or in words
  (满意 / 基本满意 / 不满意).
- [survey_result][propstd.surveys.survey_result] gives the survey of a period: the sample
  required (households × sampling, rounded up, at least the minimum), the responses counted
  (one per household: the first), coverage of the service items, satisfaction per item and
  overall as exact [Rate][propstd.rates.Rate]s, the items flagged for an improvement action,
  and whether the survey is valid (enough responses).
- [sample_households][propstd.surveys.sample_households] draws a reproducible sample.

**Which answers count as satisfied.** By default 5 and 4 on the five-point scale, and 满意 and
基本满意 in words (the usual 满意率 = (满意 + 基本满意) / answers); 3 (neutral), 2, 1 and 不满意
do not. A policy changes it with `satisfied=` (for instance only 满意, or 5 alone).

Examples:
    >>> from fractions import Fraction
    >>> from propstd.frequencies import Frequency
    >>> from propstd.rates import Target
    >>> policy = SurveyPolicy(Frequency.parse("annual"), Fraction(1, 4), 100,
    ...                       Target.parse("≥ 80%"), Target.parse("≥ 75%"),
    ...                       items=("秩序维护", "环境卫生"))
    >>> policy.sample_size(1150)
    288
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from fractions import Fraction
from types import MappingProxyType

import attrs

from propstd import _time
from propstd._repr import shown
from propstd._table import Column, Rendered, Table
from propstd._validators import (
    at_least,
    aware,
    check_int,
    check_nonblank,
    check_str,
    check_type,
    is_str,
    non_negative_fraction,
    nonblank,
    to_tuple,
    tuple_of,
)
from propstd._vocab import Vocabulary, to_member
from propstd.errors import InvalidValueError
from propstd.frequencies import Frequency
from propstd.periods import Period
from propstd.rates import Rate, Target, TargetResult

__all__ = [
    "DEFAULT_SATISFIED",
    "ItemSatisfaction",
    "Score",
    "SurveyPolicy",
    "SurveyResponse",
    "SurveyResult",
    "sample_households",
    "survey_result",
]


def __dir__() -> list[str]:
    return __all__


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


def _to_frequency(value: Frequency) -> Frequency:
    return check_type("frequency", value, Frequency)


def _to_sampling(value: Fraction | int) -> Fraction:
    share = non_negative_fraction("sampling", value)
    if not 0 < share <= 1:
        msg = f"'sampling' must be a share above 0 and at most 1, got {shown(value)}"
        raise InvalidValueError(msg, field="sampling", value=value)
    return share


def _to_target(value: Target) -> Target:
    return check_type("target", value, Target)


def _to_low_item(value: Target) -> Target:
    return check_type("low_item", value, Target)


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
    """How a property runs its satisfaction survey (抽样比例、频次、目标).

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
    """

    frequency: Frequency = attrs.field(converter=_to_frequency)
    """How often a survey is due (频次): `annual`, `semiannual` ..."""
    sampling: Fraction = attrs.field(converter=_to_sampling)
    """The share of households asked (抽样比例), above 0 and at most 1."""
    minimum_responses: int = attrs.field(validator=at_least(0))
    """The fewest responses a survey needs to be valid, whatever the share gives."""
    target: Target = attrs.field(converter=_to_target)
    """The overall satisfaction target (e.g. ≥ 80 %)."""
    low_item: Target = attrs.field(converter=_to_low_item)
    """An item whose satisfaction misses this target needs an improvement action."""
    items: tuple[str, ...] = attrs.field(default=(), kw_only=True, converter=_to_items)
    """The service items asked about (can also be given to `survey_result`)."""
    satisfied: tuple[Score, ...] = attrs.field(
        default=DEFAULT_SATISFIED, kw_only=True, converter=_to_satisfied
    )
    """The answers that count as satisfied (default 5, 4, 满意, 基本满意)."""

    def sample_size(self, households: int) -> int:
        """Responses required of *households*: `ceil(households × sampling)`, at least
        `minimum_responses`, at most *households* (a property cannot answer more than itself).

        Raises:
            TypeError: *households* is not an `int`.
            InvalidValueError: it is below 1.
        """
        check_int("households", households)
        if households < 1:
            msg = f"'households' must be at least 1, got {households!r}"
            raise InvalidValueError(msg, field="households", value=households)
        share = households * self.sampling
        return min(households, max(math.ceil(share), self.minimum_responses))

    def counts_as_satisfied(self, score: Score) -> bool:
        """Whether *score* counts as satisfied under this policy."""
        return score in self.satisfied

    def __repr__(self) -> str:
        return (
            f"SurveyPolicy({self.frequency}, sampling {self.sampling}, "
            f"at least {self.minimum_responses}, target {self.target}, "
            f"low item {self.low_item})"
        )


# -- responses ----------------------------------------------------------------------------


def _as_mapping(name: str, value: object) -> Mapping[object, object]:
    if not isinstance(value, Mapping):
        msg = f"{name!r} must be a mapping of item to score, got {type(value).__name__}"
        raise TypeError(msg)
    return value


def _to_scores(value: Mapping[str, Score | int | str]) -> Mapping[str, Score]:
    out: dict[str, Score] = {}
    for item, score in _as_mapping("scores", value).items():
        try:
            out[check_nonblank("scores item", item)] = Score.of(_score_type(score), name="scores")
        except InvalidValueError as exc:
            msg = f"'scores' of item {item!r}: {exc.message}"
            raise InvalidValueError(msg, field="scores", value=score) from None
    if not out:
        msg = "'scores' must score at least one item, got an empty mapping"
        raise InvalidValueError(msg, field="scores", value=value)
    return MappingProxyType(out)


def _score_type(value: object) -> Score | int | str:
    if isinstance(value, int | str):  # Score is a str
        return value
    msg = f"'scores' must hold ints 1-5 or words, got {type(value).__name__} {shown(value)}"
    raise TypeError(msg)


def _scores_repr(value: Mapping[str, Score]) -> str:
    return "{" + ", ".join(f"{k!r}: {v.value!r}" for k, v in value.items()) + "}"


@attrs.frozen(repr=False)
class SurveyResponse:
    """One household's answers to one survey.

    Raises:
        TypeError: a field has the wrong type (a naive `at` raises `NaiveDatetimeError`).
        InvalidValueError: `survey_id` or `household` is blank, `scores` is empty, names a
            blank item or holds a score outside the scale (`field` is `"scores"`, `value` the
            score).

    Examples:
        >>> from datetime import datetime, timedelta, timezone
        >>> at = datetime(2025, 11, 8, 10, 0, tzinfo=timezone(timedelta(hours=8)))
        >>> r = SurveyResponse("S2025", "H0007", at, {"秩序维护": 5, "环境卫生": "基本满意"})
        >>> r.scores["秩序维护"], r.scores["环境卫生"].label_zh
        (<Score.FIVE: '5'>, '基本满意')
        >>> r
        SurveyResponse('S2025', 'H0007', 2025-11-08 10:00+08:00, {'秩序维护': '5', \
'环境卫生': 'basically_satisfied'})
    """

    survey_id: str = attrs.field(validator=nonblank)
    """The survey the response belongs to (one round: `"S2025"`)."""
    household: str = attrs.field(validator=nonblank)
    """The household that answered (counted once per survey)."""
    at: datetime = attrs.field(validator=aware)
    """When the questionnaire was answered."""
    scores: Mapping[str, Score] = attrs.field(converter=_to_scores, hash=False)
    """The score of each item answered; items left blank are simply absent."""
    comment: str = attrs.field(default="", validator=is_str)
    """The household's own words, if any."""

    def __repr__(self) -> str:
        when = self.at.isoformat(sep=" ", timespec="minutes")
        return (
            f"SurveyResponse({self.survey_id!r}, {self.household!r}, {when}, "
            f"{_scores_repr(self.scores)})"
        )


# -- result -------------------------------------------------------------------------------


@attrs.frozen(kw_only=True, repr=False)
class ItemSatisfaction:
    """One service item's satisfaction: satisfied answers / answers, judged by a target."""

    item: str = attrs.field(validator=is_str)
    """The service item (or `"全部 overall"` for the overall row)."""
    satisfaction: Rate = attrs.field(validator=attrs.validators.instance_of(Rate))
    """Satisfied answers / answers (`0/0`: nobody answered the item)."""
    target: Target = attrs.field(validator=attrs.validators.instance_of(Target))
    """The target it is judged by (the policy's `low_item`; `target` for the overall row)."""
    result: TargetResult = attrs.field(converter=TargetResult)
    """Met, missed, or not applicable (nobody answered)."""

    @property
    def needs_action(self) -> bool:
        """Whether the item missed its target (改进措施 needed)."""
        return self.result is TargetResult.MISSED

    def __repr__(self) -> str:
        return f"ItemSatisfaction({self.item!r}, {self.satisfaction}, {self.result.value})"


def _to_item_rows(value: Iterable[ItemSatisfaction]) -> tuple[ItemSatisfaction, ...]:
    return to_tuple(value)


def _to_responses(value: Iterable[SurveyResponse]) -> tuple[SurveyResponse, ...]:
    return to_tuple(value)


def _to_ids(value: Iterable[str]) -> tuple[str, ...]:
    return to_tuple(value)


_OVERALL = "全部 overall"


@attrs.frozen(kw_only=True, repr=False)
class SurveyResult(Rendered):
    """The survey of a period: sample, responses, coverage, satisfaction, actions, validity.

    Build it with [survey_result][propstd.surveys.survey_result]; print it for a table.
    """

    policy: SurveyPolicy = attrs.field(validator=attrs.validators.instance_of(SurveyPolicy))
    """The policy the survey was judged by."""
    period: Period = attrs.field(validator=attrs.validators.instance_of(Period))
    """The dates whose responses were counted."""
    surveys: tuple[str, ...] = attrs.field(converter=_to_ids, validator=tuple_of(str))
    """The survey ids counted (one survey, or none when there were no responses)."""
    households: int = attrs.field(validator=at_least(1))
    """The households of the property (the population sampled)."""
    sample_required: int = attrs.field(validator=at_least(0))
    """Responses required: `ceil(households × sampling)`, at least the minimum."""
    responses: int = attrs.field(validator=at_least(0))
    """Responses counted: one per household."""
    items: tuple[ItemSatisfaction, ...] = attrs.field(
        converter=_to_item_rows, validator=tuple_of(ItemSatisfaction)
    )
    """Satisfaction of each service item, in the order of the items."""
    duplicates: tuple[SurveyResponse, ...] = attrs.field(
        default=(), converter=_to_responses, validator=tuple_of(SurveyResponse)
    )
    """Further responses of a household already counted (not counted; listed to be seen)."""
    ignored: int = attrs.field(default=0, validator=at_least(0))
    """Responses outside the period or of another survey (not counted)."""

    @property
    def valid(self) -> bool:
        """Whether enough responses were counted (`responses >= sample_required`)."""
        return self.responses >= self.sample_required

    @property
    def overall(self) -> Rate:
        """Satisfied answers / answers over every item (the items' rates pooled)."""
        return sum((i.satisfaction for i in self.items), Rate(0, 0))

    @property
    def result(self) -> TargetResult:
        """The overall satisfaction against the policy's `target`."""
        return self.policy.target.evaluate(self.overall)

    @property
    def item_coverage(self) -> Rate:
        """Service items answered at least once / service items (调查内容覆盖率)."""
        answered = sum(1 for i in self.items if i.satisfaction.is_applicable)
        return Rate(answered, len(self.items))

    @property
    def response_rate(self) -> Rate:
        """Responses counted / households."""
        return Rate(self.responses, self.households)

    @property
    def low_items(self) -> tuple[str, ...]:
        """The items that missed `low_item` and need an improvement action (改进措施)."""
        return tuple(i.item for i in self.items if i.needs_action)

    @property
    def uncovered_items(self) -> tuple[str, ...]:
        """The items nobody answered (the survey did not cover them)."""
        return tuple(i.item for i in self.items if not i.satisfaction.is_applicable)

    def item(self, name: str) -> ItemSatisfaction:
        """The row of service item *name*.

        Raises:
            InvalidValueError: *name* is not a survey item.
        """
        for row in self.items:
            if row.item == name:
                return row
        msg = f"'name' must be a survey item ({', '.join(i.item for i in self.items)}), got "
        raise InvalidValueError(msg + shown(name), field="name", value=name)

    def rows(self) -> tuple[ItemSatisfaction, ...]:
        """The typed rows behind the table: each item, then the overall row (`"全部 overall"`,
        judged by the policy's `target`)."""
        target = self.policy.target
        overall = ItemSatisfaction(
            item=_OVERALL, satisfaction=self.overall, target=target, result=self.result
        )
        return (*self.items, overall)

    def _table(self) -> Table:
        rows = self.rows()
        verdict = "valid 有效" if self.valid else "NOT valid 无效 (too few responses)"
        notes = [
            (
                f"样本 sample: {self.responses} responses of {self.households} households, "
                f"{self.sample_required} required → {verdict}"
            ),
            f"覆盖 items covered: {self.item_coverage}",
        ]
        if self.low_items:
            notes.append("需改进 improvement action: " + ", ".join(self.low_items))
        if self.uncovered_items:
            notes.append("未覆盖 not answered: " + ", ".join(self.uncovered_items))
        if self.duplicates:
            twice = ", ".join(sorted({r.household for r in self.duplicates}))
            notes.append(f"重复 repeated responses not counted ({len(self.duplicates)}): {twice}")
        if self.ignored:
            notes.append(f"其他 responses of other periods or surveys not counted: {self.ignored}")
        return Table(
            title=f"满意度调查 Satisfaction survey {self.period} ({', '.join(self.surveys)})",
            columns=(
                Column("服务项目 Item"),
                Column("满意率 Satisfaction", "right"),
                Column("目标 Target"),
                Column("结果 Result"),
            ),
            rows=tuple(
                (
                    r.item,
                    str(r.satisfaction),
                    str(r.target),
                    "需改进 action" if r.needs_action and r.item != _OVERALL else r.result.value,
                )
                for r in rows
            ),
            row_classes=tuple("missed" if r.needs_action else "" for r in rows),
            strong=frozenset({len(rows) - 1}),
            notes=tuple(notes),
        )

    def __repr__(self) -> str:
        return (
            f"<SurveyResult {self.period}: {self.responses}/{self.sample_required} responses"
            f"{'' if self.valid else ' (not valid)'}, overall {self.overall}, "
            f"{len(self.low_items)} low items>"
        )


# -- survey_result() ----------------------------------------------------------------------


def _sort_key(r: SurveyResponse) -> tuple[datetime, str, str, str, tuple[tuple[str, str], ...]]:
    # a household's first response counts; equal instants are ordered by content, so neither
    # the choice nor the order of `duplicates` depends on the order responses were passed in
    scores = tuple(sorted((k, v.value) for k, v in r.scores.items()))
    return (_time.to_utc(r.at), r.survey_id, r.household, r.comment, scores)


def _chosen(
    responses: Iterable[SurveyResponse], *, period: Period, tz_key: str, survey: str | None
) -> tuple[list[SurveyResponse], int]:
    """The responses of the period (and survey) sorted, and how many others were ignored."""
    tz = _time.zone(tz_key)
    kept: list[SurveyResponse] = []
    ignored = 0
    for i, raw in enumerate(_records("responses", responses)):
        r = check_type(f"responses[{i}]", raw, SurveyResponse)
        inside = r.at.astimezone(tz).date() in period
        if inside and (survey is None or r.survey_id == survey):
            kept.append(r)
        else:
            ignored += 1
    ids = sorted({r.survey_id for r in kept})
    if len(ids) > 1:
        msg = (
            f"the responses of {period} belong to {len(ids)} surveys ({shown(ids)}); "
            "pass survey= to judge one of them"
        )
        raise InvalidValueError(msg, field="survey", value=ids)
    kept.sort(key=_sort_key)
    return kept, ignored


def _records(name: str, value: object) -> tuple[object, ...]:
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        msg = f"{name!r} must be an iterable of records, got {type(value).__name__} {shown(value)}"
        raise TypeError(msg)
    return tuple(value)


def _survey_items(policy: SurveyPolicy, items: Iterable[str] | None) -> tuple[str, ...]:
    chosen = policy.items if items is None else _to_items(items)
    if not chosen:
        msg = "the survey has no service items: give them in the policy (items=) or the call"
        raise InvalidValueError(msg, field="items", value=chosen)
    return chosen


def survey_result(
    policy: SurveyPolicy,
    responses: Iterable[SurveyResponse],
    *,
    households: int,
    period: Period,
    zone: str,
    items: Iterable[str] | None = None,
    survey: str | None = None,
) -> SurveyResult:
    """The satisfaction survey of *period*, judged by *policy*.

    A response counts when its instant falls on a date of *period* in *zone* and it belongs to
    *survey* (any survey when `None`, but then all of the period's responses must belong to
    one). **One response per household:** a household's first response (the earliest `at`;
    equal instants ordered by content) is counted and any further one is listed in
    `duplicates`, never counted, so a re-submitted questionnaire cannot change the result.

    Satisfaction of an item is the answers counted as satisfied (see the policy's
    `satisfied`) / the answers to the item; overall satisfaction pools every item's answers.
    Items that miss the policy's `low_item` target are flagged for an improvement action;
    items nobody answered are "not applicable" and listed as not covered. The survey is valid
    when the responses reach the required sample: `ceil(households × sampling)`, at least
    `minimum_responses` (at most *households*).

    Args:
        policy: the property's survey policy.
        responses: the questionnaires (any order; others of other periods are ignored).
        households: the households of the property (the population sampled).
        period: the dates of the survey (one survey round: the year, the half year ...).
        zone: the IANA zone the dates are read in (the property's: `"Asia/Shanghai"`).
        items: the service items, replacing the policy's.
        survey: the survey id to judge, when the period holds responses of several.

    Returns:
        The [SurveyResult][propstd.surveys.SurveyResult].

    Raises:
        TypeError: an argument or a response has the wrong type.
        InvalidValueError: there are no service items; a counted response scores an item that
            is not a survey item (`field` is `"scores"`, `value` the item, and the message
            names the household and survey); the period holds several surveys and *survey* is
            not given; more households answered than *households*; *households* is below 1.

    References:
        Seed rules §6: decide the sampling ratio and frequency, cover every on-site service,
        do not fake results, act on low-scoring items; satisfaction above 80 %.

    Examples:
        >>> from datetime import datetime, timedelta, timezone
        >>> from fractions import Fraction
        >>> from propstd.frequencies import Frequency
        >>> from propstd.rates import Target
        >>> policy = SurveyPolicy(Frequency.parse("annual"), Fraction(1, 2), 2,
        ...                       Target.parse("≥ 80%"), Target.parse("≥ 75%"),
        ...                       items=("秩序维护", "环境卫生"))
        >>> at = datetime(2025, 11, 8, 10, 0, tzinfo=timezone(timedelta(hours=8)))
        >>> answers = [
        ...     SurveyResponse("S2025", "H1", at, {"秩序维护": "满意", "环境卫生": "满意"}),
        ...     SurveyResponse("S2025", "H2", at, {"秩序维护": "基本满意", "环境卫生": "不满意"}),
        ...     SurveyResponse("S2025", "H2", at + timedelta(days=1), {"秩序维护": "满意"}),
        ... ]
        >>> result = survey_result(policy, answers, households=4, period=Period.parse("2025"),
        ...                        zone="Asia/Shanghai")
        >>> result.valid, str(result.overall), result.low_items, len(result.duplicates)
        (True, '75.0% (3/4)', ('环境卫生',), 1)
    """
    check_type("policy", policy, SurveyPolicy)
    check_type("period", period, Period)
    if survey is not None:
        check_nonblank("survey", survey)
    sample = policy.sample_size(households)
    names = _survey_items(policy, items)
    kept, ignored = _chosen(responses, period=period, tz_key=check_str("zone", zone), survey=survey)
    counted: dict[str, SurveyResponse] = {}
    duplicates: list[SurveyResponse] = []
    for r in kept:
        unknown = [item for item in r.scores if item not in names]
        if unknown:
            msg = (
                f"the response of household {r.household!r} to survey {r.survey_id!r} "
                f"({r.at.isoformat()}) scores {shown(unknown[0])}, which is not a survey item "
                f"({shown(', '.join(names))})"
            )
            raise InvalidValueError(msg, field="scores", value=unknown[0])
        if r.household in counted:
            duplicates.append(r)
        else:
            counted[r.household] = r
    if len(counted) > households:
        msg = f"'households' is {households}, but {len(counted)} households answered"
        raise InvalidValueError(msg, field="households", value=households)
    return SurveyResult(
        policy=policy,
        period=period,
        surveys=sorted({r.survey_id for r in kept}),
        households=households,
        sample_required=sample,
        responses=len(counted),
        items=_item_rows(policy, names, counted.values()),
        duplicates=duplicates,
        ignored=ignored,
    )


def _item_rows(
    policy: SurveyPolicy, names: tuple[str, ...], counted: Iterable[SurveyResponse]
) -> tuple[ItemSatisfaction, ...]:
    answered = dict.fromkeys(names, 0)
    satisfied = dict.fromkeys(names, 0)
    for r in counted:
        for item, score in r.scores.items():
            answered[item] += 1
            satisfied[item] += policy.counts_as_satisfied(score)
    rows = []
    for item in names:
        rate = Rate(satisfied[item], answered[item])
        rows.append(
            ItemSatisfaction(
                item=item,
                satisfaction=rate,
                target=policy.low_item,
                result=policy.low_item.evaluate(rate),
            )
        )
    return tuple(rows)


# -- sampling -----------------------------------------------------------------------------


# Why a hash and not `random.Random(seed).sample()`: the core is pure (ruff bans `random` in
# src/propstd), and `Random.sample` is only reproducible within one Python version (its
# algorithm has changed between releases, and only `random()` is promised to stay). Ranking by
# SHA-256(seed, unit separator, id) is deterministic everywhere, needs no state at all, does not
# depend on the order of the ids, and gives nested samples (the first k of a larger draw).
_MAX_SEED_BITS = 256
"""The largest int seed accepted (a seed of sensible size; its text is hashed)."""


def _drawer(seed: str) -> Callable[[str], bytes]:
    base = hashlib.sha256(f"{seed}\x1f".encode())  # hashed once, copied per household

    def key(household: str) -> bytes:
        h = base.copy()
        h.update(household.encode())
        return h.digest()

    return key


def sample_households(households: Iterable[str], k: int, *, seed: int | str) -> tuple[str, ...]:
    """A reproducible sample of *k* households, drawn with *seed*.

    Each household gets the key SHA-256(seed, household) and the *k* households with the
    smallest keys are the sample, in key order. So the sample depends only on the set of
    households and the seed: not on their order, not on the Python version or platform, and
    never on (or touching) the global random state. Samples with the same seed are nested:
    the sample of *k* is the first *k* of a larger one, so a survey short of responses tops
    up with `sample_households(ids, k + extra, seed=seed)[k:]`. Change the seed (say, the
    year) for a new draw.

    Args:
        households: the household ids (distinct, non-blank).
        k: the sample size, from 0 to the number of households.
        seed: any `int` or `str` (`2025`, `"S2025"`); write it down with the survey.

    Returns:
        *k* household ids.

    Raises:
        TypeError: an id is not a `str`, *k* is not an `int`, or *seed* is neither an `int`
            nor a `str`.
        InvalidValueError: an id is blank or repeated, *k* is negative or larger than the
            number of households, or an int *seed* has more than 256 bits.

    Examples:
        >>> ids = [f"H{n:04d}" for n in range(1, 1151)]
        >>> first = sample_households(ids, 3, seed=2025)
        >>> first == sample_households(reversed(ids), 3, seed=2025)
        True
        >>> sample_households(ids, 5, seed=2025)[:3] == first
        True
    """
    pool = _names("households", households)
    check_int("k", k)
    if not 0 <= k <= len(pool):
        msg = f"'k' must be from 0 to the {len(pool)} households, got {k!r}"
        raise InvalidValueError(msg, field="k", value=k)
    if isinstance(seed, bool) or not isinstance(seed, int | str):
        msg = f"'seed' must be an int or a str, got {type(seed).__name__} {shown(seed)}"
        raise TypeError(msg)
    if isinstance(seed, int) and seed.bit_length() > _MAX_SEED_BITS:
        msg = f"'seed' must be an int of at most {_MAX_SEED_BITS} bits, got {shown(seed)}"
        raise InvalidValueError(msg, field="seed", value=seed)
    return tuple(sorted(pool, key=_drawer(str(seed)))[:k])
