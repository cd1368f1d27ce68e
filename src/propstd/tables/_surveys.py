"""Survey responses: one questionnaire a row, one column per service item (private).

A survey table is laid out as questionnaires are tallied in a spreadsheet: the fixed columns
(survey, household, time, comment), then one column per service item headed by the item's
name, each cell a score (1-5, or 满意/基本满意/不满意; empty: not answered). In JSON Lines the
scores are one object, `"scores": {"秩序维护": 5, "环境卫生": "basically_satisfied"}`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from propstd._repr import shown
from propstd.errors import PropstdError
from propstd.surveys import Score, SurveyResponse
from propstd.tables._cells import (
    NO_CONTEXT,
    Cell,
    CellError,
    Context,
    JsonFloat,
    instant_cell,
    text_cell,
)
from propstd.tables._layout import Layout, Row, TableKind, col

__all__: list[str] = []

_WORDS = [m.value for m in Score if m.points is None]


def read_score(value: object) -> Score:
    """The score of one item's cell (text or a JSON value).

    Raises:
        CellError: not a score 1-5 nor a word of the three-word scale.
    """
    if isinstance(value, JsonFloat | bool) or not isinstance(value, int | str):
        msg = f"expected a score 1-5 or {', '.join(_WORDS)}, got {shown(value)}"
        raise CellError(msg)
    if isinstance(value, str):
        value = value.strip()
        if value.isdigit() and value.isascii():
            value = int(value)  # so that 6 is "not 1-5", not "not a word"
    try:
        return Score.of(value, name="score")
    except PropstdError as exc:
        raise CellError(exc.message) from None


def _not_scores(value: object) -> CellError:
    return CellError(
        "expected the scores as an object of item to score (in CSV: one column per service "
        f"item, headed by its name), got {shown(value)}"
    )


def _scores_text(value: str, ctx: Context = NO_CONTEXT) -> Mapping[str, Score] | None:
    if not value.strip():
        return None
    raise _not_scores(value)


def _scores_value(value: object, ctx: Context) -> dict[str, Score]:
    if not isinstance(value, Mapping):
        raise _not_scores(value)
    return {str(item): read_score(score) for item, score in value.items()}


def _score_json(score: Score) -> int | str:
    return score.value if score.points is None else score.points


def _scores_json(value: Mapping[str, Score]) -> dict[str, int | str]:
    return {item: _score_json(score) for item, score in value.items()}


def _no_text(value: object) -> str:  # pragma: no cover - the writer spreads the items
    raise AssertionError(value)


def scores_cell() -> Cell:
    """The scores of a questionnaire: one column per item in CSV, an object in JSON Lines."""
    score = {
        "oneOf": [
            {"type": "integer", "minimum": 1, "maximum": 5},
            {"type": "string", "enum": _WORDS},
        ]
    }
    return Cell(
        "one column per service item, each cell a score",
        {"type": "object", "minProperties": 1, "additionalProperties": score},
        _scores_text,
        _scores_value,
        _no_text,
        _scores_json,
    )


SCORES = 4
"""The index of the scores column (spread over the item columns in CSV)."""

SURVEY_COLUMNS = (
    col(
        "survey_id",
        "调查编号",
        text_cell(),
        "The survey the questionnaire belongs to (one round: `S2025`).",
        required=True,
        needs_value=True,
    ),
    col(
        "household",
        "户号",
        text_cell(),
        "The household that answered (counted once per survey).",
        required=True,
        needs_value=True,
    ),
    col(
        "at",
        "调查时间",
        instant_cell(),
        "When the questionnaire was answered.",
        required=True,
        needs_value=True,
    ),
    col("comment", "意见建议", text_cell(), "The household's own words."),
    col(
        "scores",
        "评分",
        scores_cell(),
        "In CSV: every other column is a service item, headed by its name (秩序维护, "
        "环境卫生 ...), each cell a score 1-5 or 满意/基本满意/不满意 (empty: not answered). "
        "In JSON Lines: an object of item to score.",
        needs_value=True,
    ),
)


def _response(v: Row) -> SurveyResponse:
    return SurveyResponse(v[0], v[1], v[2], v[SCORES], comment=v[3] or "")


def _response_rows(r: SurveyResponse) -> Iterator[Row]:
    yield [r.survey_id, r.household, r.at, r.comment, dict(r.scores)]


SURVEY_RESPONSES = Layout(
    TableKind.SURVEY_RESPONSES,
    SURVEY_COLUMNS,
    _response,
    None,
    _response_rows,
    SurveyResponse,
    items=SCORES,
    read_item=read_score,
)
