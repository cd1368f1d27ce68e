"""Benchmark: `to_data`/`from_data` of complaints, and refusing a deep shared document.

Run from the project root: `python benchmarks/serialization.py` (about ten seconds). Prints
complaints written and read per second (1,000 complaints with 8-event timelines in
Asia/Shanghai, best of 5 in CPU time, through `json`), and the time to refuse documents of 20 to 200
levels of small dicts that share their sub-documents (2^levels paths; 0.1 needed 16 s at 26
levels because its messages built the whole `repr`).
"""

from __future__ import annotations

import contextlib
import json
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from propstd.complaints import Complaint
from propstd.errors import InvalidDataError
from propstd.money import Money
from propstd.serialization import from_data, to_data
from propstd.timelines import Timeline

N = 1_000


def _complaints() -> list[Complaint]:
    tz = ZoneInfo("Asia/Shanghai")
    out = []
    for i in range(N):
        t = datetime(2025, 3, 1, 9, tzinfo=tz) + timedelta(minutes=37 * i)
        timeline = (
            Timeline.start(t)
            .responded(t + timedelta(minutes=10))
            .contacted(t + timedelta(hours=2))
            .paused(t + timedelta(hours=3), "parts")
            .resumed(t + timedelta(hours=20))
            .completed(t + timedelta(hours=26))
            .closed(t + timedelta(hours=27))
            .revisited(t + timedelta(hours=50), satisfied=True)
        )
        out.append(
            Complaint(
                f"TS-{i}",
                t,
                "phone",
                "grievance",
                departments=("客服部",),
                topic="noise",
                timeline=timeline,
            )
        )
    return out


def _best(fn: Callable[[], object], runs: int = 5) -> float:
    # CPU time of this process: other work on a shared machine does not count
    best = float("inf")
    for _ in range(runs):
        t0 = time.process_time()
        fn()
        best = min(best, time.process_time() - t0)
    return best


def _shared(levels: int) -> dict[str, object]:
    doc: dict[str, object] = {"x": 1}
    for _ in range(levels):
        doc = {"a": doc, "b": doc}
    return doc


def main() -> None:
    complaints = _complaints()
    text = json.dumps(to_data(complaints), ensure_ascii=False)
    write = _best(lambda: json.dumps(to_data(complaints), ensure_ascii=False))
    read = _best(lambda: from_data(list[Complaint], json.loads(text)))
    print(f"to_data + json.dumps: {N / write:,.0f} complaints/s ({len(text) / N:,.0f} bytes each)")
    print(f"json.loads + from_data: {N / read:,.0f} complaints/s")
    for levels in (20, 26, 200):
        doc = _shared(levels)

        def refuse(doc: object = doc) -> None:
            with contextlib.suppress(InvalidDataError):
                from_data(Money, {"amount": doc, "currency": doc})

        print(f"refuse a {levels}-level shared document: {_best(refuse) * 1e3:.2f} ms")


if __name__ == "__main__":
    main()
