"""One household's survey response (private; see propstd.surveys)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from types import MappingProxyType

import attrs

from propstd._repr import shown
from propstd._validators import (
    aware,
    check_nonblank,
    is_str,
    nonblank,
)
from propstd.errors import InvalidValueError
from propstd.surveys._policy import Score

__all__: list[str] = []


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
