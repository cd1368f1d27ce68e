"""Benchmark: `qpi_tally` over 1,000,000 synthetic check records on one core.

The plan is the sample property's (20 items, every frequency); records are spread over
March 2025 in +08:00, a tenth without evidence. Record construction is not timed; the
tally is (best of 3). Goal: >= 200,000 records/s. Run: `python benchmarks/qpi.py`.
"""

from __future__ import annotations

import random
import time
from datetime import datetime, timedelta, timezone

from propstd import samples
from propstd.inspections import CheckRecord, InspectionPlan, qpi_report, qpi_tally
from propstd.periods import Period

N = 1_000_000


def sample_plan() -> InspectionPlan:
    """The sample property's inspection plan (its standard fixes every part)."""
    plan = samples.standard().inspections
    assert plan is not None
    return plan


def main() -> None:
    plan = sample_plan()
    calendar = samples.standard().calendar("inspections")
    codes = sorted(plan.codes)
    rng = random.Random(7)
    tz = timezone(timedelta(hours=8))
    start = datetime(2025, 3, 1, tzinfo=tz)
    evidence = ("IMG",)
    records = [
        CheckRecord(
            rng.choice(codes),
            start + timedelta(minutes=rng.randrange(31 * 24 * 60)),
            "Zhao",
            samples=rng.randint(1, 12),
            evidence=() if rng.random() < 0.1 else evidence,
        )
        for _ in range(N)
    ]
    march = Period.parse("2025-03")
    best = float("inf")
    tally = None
    for _ in range(3):
        t0 = time.perf_counter()
        tally = qpi_tally(plan, records=records, findings=[], period=march, calendar=calendar)
        best = min(best, time.perf_counter() - t0)
    assert tally is not None
    assert tally.records == N
    print(
        f"qpi_tally over {N:,} records: {best:.3f} s, {N / best:,.0f} records/s (goal >= 200,000/s)"
    )
    print(qpi_report(tally).to_text())


if __name__ == "__main__":
    main()
