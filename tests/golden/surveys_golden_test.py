"""Golden scenario of propstd.surveys: the sample property's 2025 survey, checked by hand.

`surveys_cuihu_2025.json` holds `description`, `source`, `input` (plain data for `from_data`),
`hand_check` (every number derived by hand) and `expected` (`to_data` of the result).
Regenerate deliberately with `PROPSTD_UPDATE_GOLDEN=1`, review the diff, and record it in
CHANGELOG.
"""

from __future__ import annotations

import json
import os
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

from propstd.periods import Period
from propstd.rates import Rate, TargetResult
from propstd.serialization import from_data, to_data
from propstd.surveys import SurveyPolicy, SurveyResponse, SurveyResult, survey_result

GOLDEN = Path(__file__).with_name("surveys_cuihu_2025.json")


def _dump(case: dict[str, Any]) -> str:
    """The case as indented JSON with one response per line (300 responses stay readable)."""
    responses = case["input"]["responses"]
    marker = "@@responses@@"
    text = json.dumps(
        {**case, "input": {**case["input"], "responses": marker}}, ensure_ascii=False, indent=2
    )
    lines = ",\n      ".join(json.dumps(r, ensure_ascii=False) for r in responses)
    return text.replace(f'"{marker}"', f"[\n      {lines}\n    ]") + "\n"


@pytest.fixture(scope="module")
def case() -> dict[str, Any]:
    """The golden file."""
    data: dict[str, Any] = json.loads(GOLDEN.read_text(encoding="utf-8"))
    return data


def _result(case: dict[str, Any]) -> SurveyResult:
    given = case["input"]
    return survey_result(
        from_data(SurveyPolicy, given["policy"]),
        from_data(tuple[SurveyResponse, ...], given["responses"]),
        households=given["households"],
        period=Period.parse(given["period"]),
        zone=given["zone"],
    )


def test_golden(case: dict[str, Any]) -> None:
    """The result equals the recorded expectation."""
    result = json.loads(json.dumps(to_data(_result(case))))
    if os.environ.get("PROPSTD_UPDATE_GOLDEN") == "1":
        case["expected"] = result
        GOLDEN.write_text(_dump(case), encoding="utf-8")
    assert result == case["expected"]


def test_hand_check(case: dict[str, Any]) -> None:
    """The figures derived by hand under `hand_check`."""
    r = _result(case)
    assert r.sample_required == 288  # ceil(1150 × 1/4 = 287.5)
    assert (r.responses, r.valid) == (300, True)
    assert [(i.item, i.satisfaction) for i in r.items] == [
        ("秩序维护", Rate(250, 300)),
        ("环境卫生", Rate(270, 300)),
        ("工程维修", Rate(210, 300)),
        ("客户服务", Rate(264, 300)),
        ("绿化养护", Rate(238, 280)),
    ]
    assert r.overall == Rate(1232, 1480)
    assert r.overall.fraction == Fraction(1232, 1480)
    assert r.result is TargetResult.MET
    assert r.low_items == ("工程维修",)
    assert r.item_coverage == Rate(5, 5)
    assert (len(r.duplicates), r.ignored) == (2, 3)


def test_file_is_in_its_own_format(case: dict[str, Any]) -> None:
    """The file on disk is what `_dump` writes (so an update gives a clean diff)."""
    assert GOLDEN.read_text(encoding="utf-8") == _dump(case)
