"""Benchmark: reading 1,000,000 check rows of CSV with `propstd.tables` on one core.

The text is the sample property's check items in March 2025 (every instant with its offset,
a tenth of the rows without evidence, some with two evidence references). Building the text
is not timed. Timed round-robin on the same text, best of `--repeat` runs each:

- `read_checks(text)`: records out, every cell validated;
- `iter_checks(lines)`: the streaming reader over the lines of an open file;
- a bare `csv.reader` loop over the same text (the floor: no cell is read).

Prints rows/s and the ratio to the bare loop, from the CPU time of this process (what one
core gives it, on a machine shared with other jobs) and from the wall clock. Goal: >= 100,000
rows/s for `read_checks`.

    python benchmarks/tables.py            # from the project root; about a minute
    python benchmarks/tables.py --quick    # 100,000 rows
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import time
from collections.abc import Callable

from propstd.tables import iter_checks, read_checks

CODES = [
    "SEC-01",
    "SEC-02",
    "SEC-03",
    "SEC-04",
    "SEC-05",
    "ENV-01",
    "ENV-02",
    "ENV-03",
    "ENV-04",
    "ENV-05",
    "ENV-06",
    "ENG-01",
    "ENG-02",
    "ENG-03",
    "ENG-04",
    "ENG-05",
    "ENG-06",
    "ENG-07",
    "QA-01",
    "QA-02",
]
PEOPLE = ("赵强", "钱敏", "吴刚", "孙丽", "Zhao")
GOAL = 100_000


def table(n: int) -> str:
    """A check table of *n* rows (plus the header)."""
    rng = random.Random(7)
    lines = ["item_code,at,inspector,samples,evidence,round_id\n"]
    for i in range(n):
        minute = rng.randrange(31 * 24 * 60)
        day, rest = divmod(minute, 24 * 60)
        hour, minute = divmod(rest, 60)
        roll = rng.random()
        evidence = "" if roll < 0.1 else f"IMG-{i}" if roll < 0.9 else f"IMG-{i}; 签到表"
        lines.append(
            f"{rng.choice(CODES)},2025-03-{day + 1:02d}T{hour:02d}:{minute:02d}:00+08:00,"
            f"{rng.choice(PEOPLE)},{rng.randint(1, 12)},{evidence},\n"
        )
    return "".join(lines)


def bare(text: str) -> int:
    """The floor: split the text into rows, read no cell."""
    return sum(1 for _ in csv.reader(io.StringIO(text, newline=""))) - 1


def records(text: str) -> int:
    """`read_checks` on the whole text."""
    return len(read_checks(text))


def streamed(text: str) -> int:
    """`iter_checks` over the lines of an open file."""
    return sum(1 for _ in iter_checks(io.StringIO(text, newline="")))


def main() -> None:
    """Time the readers round-robin and print rows/s and the ratio to the bare loop."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="100,000 rows instead of 1,000,000")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each reader (best kept)")
    args = parser.parse_args()
    n = 100_000 if args.quick else 1_000_000
    text = table(n)
    runs: dict[str, tuple[Callable[[str], int], list[float], list[float]]] = {
        "bare csv.reader loop": (bare, [], []),
        "read_checks(text)": (records, [], []),
        "iter_checks(open file)": (streamed, [], []),
    }
    for _ in range(args.repeat):
        for fn, cpu, wall in runs.values():
            c0, w0 = time.process_time(), time.perf_counter()
            count = fn(text)
            cpu.append(time.process_time() - c0)
            wall.append(time.perf_counter() - w0)
            assert count == n, (fn.__name__, count)
    floor_cpu = n / min(runs["bare csv.reader loop"][1])
    floor_wall = n / min(runs["bare csv.reader loop"][2])
    print(f"{n:,} check rows, best of {args.repeat} runs each, rows/s (ratio to the bare loop)")
    print(f"  {'':<24} {'CPU time':>21}  {'wall clock':>21}")
    for name, (_fn, cpu, wall) in runs.items():
        c, w = n / min(cpu), n / min(wall)
        print(
            f"  {name:<24} {c:>12,.0f} ({c / floor_cpu:5.3f}x)  {w:>12,.0f} ({w / floor_wall:5.3f}x)"
        )
    speed = n / min(runs["read_checks(text)"][1])
    verdict = "OK" if speed >= GOAL else "BELOW GOAL"
    print(f"read_checks: {speed:,.0f} rows/s of CPU time (goal >= {GOAL:,}) -> {verdict}")


if __name__ == "__main__":
    main()
