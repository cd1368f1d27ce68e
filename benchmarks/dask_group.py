"""Benchmark: a group's QPI tallies on a local dask.distributed cluster of 2 worker processes.

500 properties x 12 months of 2025, 5,000 synthetic checks per property-month (30 million
records), each property running the sample plan (20 items, every frequency) under its own
name. The records are **generated inside the workers**, partition by partition (a partition
is a block of 50 properties and one half of a month's span, so every property-month lies in
two partitions), and never built in the client, so memory stays bounded.
`propstd.frames.dask.group_qpi_tally` tallies each month; then the same partitions are
generated in this process, tallied one by one with `propstd.inspections.qpi_tally` and summed
per property with `QpiTally.sum`, and every property-month tally is checked to be equal (by
the SHA-256 of its `to_data` document, so that neither run keeps 6,000 tallies in memory).

Printed: records/s of both runs (generation included; generation alone is timed on one
partition), and peak memory (`resource.getrusage` maximum resident set) of each worker and of
the client (which also runs the scheduler).

Run: `python benchmarks/dask_group.py` (about 15 minutes on 2 cores), or `--quick` for a smoke
run (20 properties x 2 months x 2,000 records, about a minute).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import sys
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

import attrs
import numpy as np
import pandas as pd

from propstd._demo import qpi
from propstd.frames._checks import check_records
from propstd.frames.dask import group_qpi_tally
from propstd.inspections import InspectionPlan, QpiTally, qpi_tally
from propstd.periods import Period
from propstd.serialization import to_data

try:
    import dask.dataframe as dd
    from distributed import Client, LocalCluster
except ModuleNotFoundError as exc:  # pragma: no cover - a benchmark, not a test
    sys.exit(f"needs the dask extra: pip install 'propstd[dask]' ({exc.name})")

SEED = 20251231
BLOCK = 50
"""Properties per partition."""
HALVES = 2
"""Partitions per block and month: the month's span in consecutive slices."""
INSPECTORS = np.array(["Zhao", "Li", "Wang", ""])
FIELDS = {f: f for f in ("item_code", "at", "inspector", "samples", "evidence")}


@attrs.frozen
class Spec:
    """One partition: a month, a block of properties, a slice of the month's span."""

    month: Period
    names: tuple[str, ...]
    part: int
    per_month: int
    codes: tuple[str, ...]
    span: tuple[int, int]
    """Seconds since the epoch: the records' span (from the earliest window due in the
    month, one day past its end, so some records fall outside every counted window)."""

    def rows(self) -> int:
        return len(self.names) * (self.per_month // HALVES)


def generate(spec: Spec) -> pd.DataFrame:
    """The partition's check records: the same for the same spec, in any process."""
    first = int(spec.names[0].removeprefix("P"))
    rng = np.random.default_rng((SEED, spec.month.start.toordinal(), first, spec.part))
    n = spec.rows()
    lo, hi = spec.span
    step = (hi - lo) // HALVES
    start = lo + spec.part * step
    seconds = rng.integers(start, start + step, n)
    codes = np.array(spec.codes)
    photos = np.char.add("IMG-", rng.integers(0, 10**7, n).astype(str))
    photos[rng.random(n) < 0.05] = ""  # no evidence: not traceable
    return pd.DataFrame(
        {
            "property": np.repeat(np.array(spec.names), spec.per_month // HALVES),
            "item_code": codes[rng.integers(0, len(codes), n)],
            "at": pd.Series((seconds * 10**6).view("M8[us]")).dt.tz_localize("UTC"),
            "inspector": INSPECTORS[rng.integers(0, len(INSPECTORS), n)],
            "samples": rng.integers(1, 13, n),
            "evidence": photos,
        }
    )


def specs(plan: InspectionPlan, names: list[str], month: Period, per_month: int) -> list[Spec]:
    """The partitions of one month."""
    needed = plan.records_needed(month)
    zone = qpi.calendar().zone
    lo = pd.Timestamp(needed.start, tz=zone).value // 10**9
    hi = pd.Timestamp(needed.end + timedelta(days=1), tz=zone).value // 10**9
    codes = tuple(sorted(plan.codes))
    return [
        Spec(month, tuple(names[b : b + BLOCK]), part, per_month, codes, (lo, hi))
        for b in range(0, len(names), BLOCK)
        for part in range(HALVES)
    ]


def peak_mib() -> float:
    """This process's peak resident memory (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cpu_seconds() -> float:
    """CPU time this process has used (user and system)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def timed(work: Callable[[], Any]) -> tuple[float, float, Any]:
    """Wall time, this process's CPU time, and the result of *work*."""
    t0, c0 = time.perf_counter(), cpu_seconds()
    result = work()
    return time.perf_counter() - t0, cpu_seconds() - c0, result


def digest(tally: QpiTally) -> str:
    """An exact fingerprint of a tally: the SHA-256 of its plain-data document."""
    return hashlib.sha256(json.dumps(to_data(tally), sort_keys=True).encode()).hexdigest()


Digests = dict[tuple[Period, str], str]


@attrs.frozen
class ClusterRun:
    """What the cluster run measured."""

    seconds: float
    client_cpu: float
    """CPU seconds of the client (and the scheduler, which runs in it) during the tallies."""
    workers_cpu: list[float]
    """CPU seconds of each worker process during the tallies."""
    workers_mib: list[float]
    digests: Digests
    seen: int


def on_cluster(
    plans: dict[str, InspectionPlan], months: list[Period], per_month: int
) -> ClusterRun:
    """Every month on a LocalCluster of 2 worker processes: times, memory, tally digests."""
    calendar = qpi.calendar()
    names = sorted(plans)
    plan = plans[names[0]]
    meta = generate(specs(plan, names[:1], months[0], HALVES)[0]).iloc[:0]
    digests: Digests = {}
    seconds, cpu, seen = 0.0, 0.0, 0
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as cluster,
        Client(cluster) as client,
    ):
        started = client.run(cpu_seconds)  # the workers' imports and start-up
        for month in months:
            checks = dd.from_map(generate, specs(plan, names, month, per_month), meta=meta)
            took, used, group = timed(
                lambda c=checks, m=month: group_qpi_tally(plans, c, period=m, calendar=calendar)
            )
            seconds += took
            cpu += used
            seen += group.total.records + group.total.ignored_records
            digests.update({(month, n): digest(group.tally(n)) for n in names})
        workers = sorted(client.run(peak_mib).values())
        workers_cpu = sorted(c - started[w] for w, c in client.run(cpu_seconds).items())
    return ClusterRun(seconds, cpu, workers_cpu, workers, digests, seen)


def in_process(
    plans: dict[str, InspectionPlan], months: list[Period], per_month: int
) -> tuple[float, Digests]:
    """The same partitions generated here, each tallied per property, summed per property."""
    calendar = qpi.calendar()
    names = sorted(plans)
    plan = plans[names[0]]
    digests: Digests = {}
    seconds = 0.0
    for month in months:
        t0 = time.perf_counter()  # the CPU time of this process is read by the caller
        parts: dict[str, list[QpiTally]] = {}
        for spec in specs(plan, names, month, per_month):
            frame = generate(spec)
            records = check_records(frame, FIELDS, tz=None, label="checks")
            by: dict[str, list[Any]] = {}
            for name, record in zip(frame["property"].tolist(), records, strict=True):
                by.setdefault(name, []).append(record)
            for name, rs in by.items():
                tally = qpi_tally(plans[name], records=rs, period=month, calendar=calendar)
                parts.setdefault(name, []).append(tally)
        sums = {name: QpiTally.sum(ts) for name, ts in parts.items()}
        seconds += time.perf_counter() - t0
        digests.update({(month, n): digest(t) for n, t in sums.items()})
    return seconds, digests


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="20 properties x 2 months x 2,000")
    parser.add_argument("--properties", type=int, help="instead of 500 (a multiple of 50)")
    parser.add_argument("--months", type=int, help="instead of 12")
    args = parser.parse_args()
    properties, n_months, per_month = (20, 2, 2_000) if args.quick else (500, 12, 5_000)
    properties = args.properties or properties
    n_months = args.months or n_months
    base = qpi.plan()
    names = [f"P{i:03d}" for i in range(properties)]
    plans = {name: attrs.evolve(base, name=name) for name in names}
    months = [Period.month(2025, m) for m in range(1, n_months + 1)]
    records = properties * n_months * per_month
    spec = specs(base, names, months[0], per_month)[0]
    gen, _, _ = timed(lambda: generate(spec))
    print(
        f"{properties} properties x {n_months} months x {per_month:,} checks = {records:,} "
        f"records; partitions of {spec.rows():,} rows ({BLOCK} properties, 1/{HALVES} month)"
    )
    print(f"generation alone: {spec.rows() / gen:,.0f} records/s (one partition, in process)")
    print(f"started {datetime.now():%Y-%m-%d %H:%M}")
    run = on_cluster(plans, months, per_month)
    client_after_cluster = peak_mib()
    cluster_cpu = run.client_cpu + sum(run.workers_cpu)
    print(
        f"cluster (2 worker processes): {run.seconds:,.1f} s, {records / run.seconds:,.0f} "
        f"records/s; peak memory: workers {', '.join(f'{w:,.0f}' for w in run.workers_mib)} "
        f"MiB, client and scheduler {client_after_cluster:,.0f} MiB; CPU: workers "
        f"{', '.join(f'{c:,.0f}' for c in run.workers_cpu)} s + client {run.client_cpu:,.0f} s "
        f"= {records / cluster_cpu:,.0f} records per CPU-second"
    )
    cpu0 = cpu_seconds()
    single_s, here = in_process(plans, months, per_month)
    single_cpu = cpu_seconds() - cpu0  # digests included (about 1 ms a tally)
    print(
        f"one process: {single_s:,.1f} s, {records / single_s:,.0f} records/s; "
        f"peak memory {peak_mib():,.0f} MiB; CPU {single_cpu:,.0f} s = "
        f"{records / single_cpu:,.0f} records per CPU-second"
    )
    equal = run.digests == here and len(here) == len(months) * len(names)
    print(f"every property-month tally equal: {equal}; records seen: {run.seen:,}")
    print(f"speed-up: {single_s / run.seconds:.2f}x (load average {os.getloadavg()[0]:.1f})")
    if not equal or run.seen != records:
        sys.exit("MISMATCH")


if __name__ == "__main__":
    main()
