"""Golden scenarios of propstd.budgets, staffing and inventory (`tests/golden/budget_*.json`).

Each file holds `description`, `source`, `input` (plain data for `from_data`) and `expected`
(`to_data` of the result). Regenerate deliberately with `PROPSTD_UPDATE_GOLDEN=1`, review the
diff, and record it in CHANGELOG.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from propstd.budgets import (
    Actual,
    Budget,
    CollectionCurve,
    VarianceThresholds,
    collection_progress,
    variance,
)
from propstd.inventory import Lot, issue_fifo
from propstd.money import Money
from propstd.periods import Period
from propstd.serialization import from_data, to_data
from propstd.staffing import StaffingRatios, staffing_requirement

HERE = Path(__file__).parent


def _variance(data: dict[str, Any]) -> object:
    return variance(
        from_data(Budget, data["budget"]),
        from_data(tuple[Actual, ...], data["actuals"]),
        period=from_data(Period, data["period"]),
        as_of=from_data(datetime, data["as_of"]),
        zone=data["zone"],
        thresholds=from_data(VarianceThresholds, data["thresholds"]),
    )


def _collection(data: dict[str, Any]) -> object:
    return collection_progress(
        from_data(Money, data["billed"]),
        from_data(tuple[Money, ...], data["collected"]),
        period=from_data(Period, data["period"]),
        curve=from_data(CollectionCurve, data["curve"]),
    )


def _staffing(data: dict[str, Any]) -> object:
    return staffing_requirement(
        area_m2=data["area_m2"],
        households=data["households"],
        kind=data["kind"],
        phase=data["phase"],
        ratios=from_data(StaffingRatios, data["ratios"]),
    )


def _fifo(data: dict[str, Any]) -> object:
    return issue_fifo(from_data(tuple[Lot, ...], data["lots"]), data["quantity"])


RUNNERS: dict[str, Callable[[dict[str, Any]], object]] = {
    "variance": _variance,
    "collection_progress": _collection,
    "staffing_requirement": _staffing,
    "issue_fifo": _fifo,
}


@pytest.mark.parametrize("path", sorted(HERE.glob("budget_*.json")), ids=lambda p: p.stem)
def test_golden(path: Path) -> None:
    """The result equals the recorded expectation."""
    case = json.loads(path.read_text(encoding="utf-8"))
    result = json.loads(json.dumps(to_data(RUNNERS[case["function"]](case["input"]))))
    if os.environ.get("PROPSTD_UPDATE_GOLDEN") == "1":
        case["expected"] = result
        path.write_text(json.dumps(case, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    assert result == case["expected"]
