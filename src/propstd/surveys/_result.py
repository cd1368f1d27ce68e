"""The survey of a period: survey_result() and its result (private; see propstd.surveys)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

import attrs

from propstd import _time
from propstd._repr import shown
from propstd._table import Column, Rendered, Table
from propstd._validators import (
    at_least,
    check_nonblank,
    check_str,
    check_type,
    is_str,
    to_tuple,
    tuple_of,
)
from propstd.errors import InvalidValueError
from propstd.periods import Period
from propstd.rates import Rate, Target, TargetResult
from propstd.surveys._policy import SurveyPolicy, _to_items
from propstd.surveys._responses import SurveyResponse

__all__: list[str] = []


# -- result -------------------------------------------------------------------------------


@attrs.frozen(kw_only=True, repr=False)
class ItemSatisfaction:
    """One service item's satisfaction: satisfied answers / answers, judged by a target."""

    item: str = attrs.field(validator=is_str)
    """The service item (or `"全部 overall"` for the overall row)."""
    satisfaction: Rate = attrs.field(validator=attrs.validators.instance_of(Rate))
    """Satisfied answers / answers (`0/0`: nobody answered the item)."""
    target: Target | None = attrs.field(
        validator=attrs.validators.optional(attrs.validators.instance_of(Target))
    )
    """The target it is judged by (the policy's `low_item`; `target` for the overall row);
    `None` when the policy sets none."""
    result: TargetResult = attrs.field(converter=TargetResult)
    """Met, missed, or not applicable (nobody answered, or no target)."""

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
    sample_required: int | None = attrs.field(validator=attrs.validators.optional(at_least(0)))
    """Responses required: `ceil(households × sampling)`, at least the minimum (`None`: the
    policy sets neither, so no sample is required)."""
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
        """Whether enough responses were counted (`responses >= sample_required`); with no
        required sample, whether every service item was answered at least once."""
        if self.sample_required is None:
            return not self.uncovered_items
        return self.responses >= self.sample_required

    @property
    def overall(self) -> Rate:
        """Satisfied answers / answers over every item (the items' rates pooled)."""
        return sum((i.satisfaction for i in self.items), Rate(0, 0))

    @property
    def result(self) -> TargetResult:
        """The overall satisfaction against the policy's `target` (`not_applicable` without
        one)."""
        return _judge(self.policy.target, self.overall)

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
        if self.sample_required is None:
            why, required = "items not all answered", "no sample required"
        else:
            why, required = "too few responses", f"{self.sample_required} required"
        verdict = "valid 有效" if self.valid else f"NOT valid 无效 ({why})"
        notes = [
            (
                f"样本 sample: {self.responses} responses of {self.households} households, "
                f"{required} → {verdict}"
            ),
            f"覆盖 items covered: {self.item_coverage}",
        ]
        if self.policy.target is None:
            notes.append("not judged — overall satisfaction: no target in the policy")
        if self.policy.low_item is None:
            notes.append("not judged — low items: no low-item target in the policy")
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
                    "—" if r.target is None else str(r.target),
                    "需改进 action" if r.needs_action and r.item != _OVERALL else r.result.value,
                )
                for r in rows
            ),
            row_classes=tuple("missed" if r.needs_action else "" for r in rows),
            strong=frozenset({len(rows) - 1}),
            notes=tuple(notes),
        )

    def __repr__(self) -> str:
        required = "" if self.sample_required is None else f"/{self.sample_required}"
        return (
            f"<SurveyResult {self.period}: {self.responses}{required} responses"
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
    `minimum_responses` (at most *households*); when the policy sets neither, there is no
    sample to reach and it is valid when every service item was answered at least once. A
    rule the policy leaves unset is not judged: no `target`, no overall verdict; no
    `low_item`, no item flagged.

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
                result=_judge(policy.low_item, rate),
            )
        )
    return tuple(rows)


def _judge(target: Target | None, rate: Rate) -> TargetResult:
    """*rate* against *target*; `not_applicable` when there is no target."""
    return TargetResult.NOT_APPLICABLE if target is None else target.evaluate(rate)
