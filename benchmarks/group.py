"""Benchmark: summing the QPI tallies of a group, 500 properties x 12 months.

Each property runs the sample plan (20 items, every frequency) under its own name; each month
every window is met by one check. The 6,000 property-month tallies are built first (not
timed); then the first 60, 600 and 6,000 are merged with `QpiTally.sum`, with `sum()` (lazy
`+`) and in a binary tree of `+` (as a dask reduction does), best of 3, and the time per
tally is printed. Goal: flat within 2x from 60 to 6,000 (0.1's `+` re-sorted every tuple on
each addition: 3.8 s for 50 tallies, 261 s for 400).

Run: `python benchmarks/group.py` (about a minute; `--quick` for 50 properties).
"""

from __future__ import annotations

import argparse
import functools
import time
from collections.abc import Callable
from datetime import datetime
from datetime import time as clock
from typing import TypeVar
from zoneinfo import ZoneInfo

import attrs

from propstd import samples
from propstd.inspections import CheckRecord, InspectionPlan, QpiTally, qpi_tally
from propstd.periods import Period, PeriodUnit

T = TypeVar("T")


def sample_plan() -> InspectionPlan:
    """The sample property's inspection plan (its standard fixes every part)."""
    plan = samples.standard().inspections
    assert plan is not None
    return plan


def month_records(plan: InspectionPlan, month: Period) -> list[CheckRecord]:
    """One check at 10:00 on the first day in *month* of every window counted in it."""
    zone = ZoneInfo(samples.standard().calendar("inspections").zone)
    out = []
    for item in plan.items:
        frequency = plan.frequency_of(item.code)
        for window in plan.schedule(frequency).windows(month):
            day = max(window.start, month.start)
            for n in range(frequency.count):
                at = datetime.combine(day, clock(8 + n), tzinfo=zone)
                out.append(CheckRecord(item.code, at, "Zhao", samples=12, evidence=["IMG"]))
    return out


def best_of(runs: int, work: Callable[[], T]) -> tuple[float, T]:
    """The shortest wall time of *runs* calls, and the last result."""
    best, result = float("inf"), None
    for _ in range(runs):
        t0 = time.perf_counter()
        result = work()
        best = min(best, time.perf_counter() - t0)
    assert result is not None
    return best, result


def tree(tallies: list[QpiTally]) -> QpiTally:
    """Pairwise `+` in a balanced tree, read at the end (a dask-style reduction)."""
    level = tallies
    while len(level) > 1:
        level = [sum(level[i : i + 2], QpiTally()) for i in range(0, len(level), 2)]
    return level[0]


def lazy_records(tallies: list[QpiTally]) -> int:
    """`sum()` with the lazy `+`, read once."""
    return sum(tallies, QpiTally()).records


def tree_records(tallies: list[QpiTally]) -> int:
    """The tree of `+`, read once."""
    return tree(tallies).records


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="50 properties instead of 500")
    properties = 50 if parser.parse_args().quick else 500
    base = sample_plan()
    calendar = samples.standard().calendar("inspections")
    months = Period.year(2025).split(PeriodUnit.MONTH)
    t0 = time.perf_counter()
    records = {m: month_records(base, m) for m in months}
    tallies = []
    for p in range(properties):
        plan = attrs.evolve(base, name=f"property-{p:03d}")
        tallies += [
            qpi_tally(plan, records=records[m], period=m, calendar=calendar) for m in months
        ]
    print(f"built {len(tallies):,} tallies in {time.perf_counter() - t0:.1f} s (not timed)")
    print(f"{'tallies':>8}  {'QpiTally.sum':>14}  {'sum()':>14}  {'tree of +':>14}  (per tally)")
    for n in (60, 600, 6_000):
        if n > len(tallies):
            continue
        part = tallies[:n]
        eager, total = best_of(3, functools.partial(QpiTally.sum, part))
        lazy, again = best_of(3, functools.partial(lazy_records, part))
        paired, other = best_of(3, functools.partial(tree_records, part))
        assert total.required_points == total.completed_points
        assert again == other == total.records
        print(
            f"{n:>8,}  {eager / n * 1e6:>11.1f} µs  {lazy / n * 1e6:>11.1f} µs  "
            f"{paired / n * 1e6:>11.1f} µs"
        )


if __name__ == "__main__":
    main()
