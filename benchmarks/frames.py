"""Working time over whole columns: propstd.frames against per-row calls and the peers.

One run, the same inputs for every row, timed round-robin (see ../shared/bench/common.py):
the China office calendar (Mon-Fri 09:00-12:00 and 13:30-18:00 with the State Council's
holidays and make-up days, 2024-2026) in Asia/Shanghai. For each of the three functions it
prints a table of operations (rows) per second, then the speed of the vectorised call as a
ratio to the bare bisect reference (../shared/bench/ref.py, per row), to propstd's own scalar
method called once per row, and to the peers where they apply:

  add working time       pandas CustomBusinessHour (per row: `Timestamp + offset`)
  working time between   no peer (pandas and numpy have no business-hours difference)
  add working days       numpy busday_offset (one vectorised call, days only)

Every row also says whether its answers agree with the reference (pandas rolls a deadline
that lands on 18:00 to the next opening; propstd keeps 18:00).

    python benchmarks/frames.py            # from the project root; about two minutes
    python benchmarks/frames.py --quick    # 20,000 rows, a few seconds
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

# ../shared/bench from the project root (the nearest one up the tree, also from a worktree)
SHARED = next(
    (
        p / "shared" / "bench"
        for p in Path(__file__).resolve().parents
        if (p / "shared" / "bench").is_dir()
    ),
    Path("../shared/bench"),
)
sys.path.insert(0, str(SHARED))

import common  # noqa: E402
from ref import BisectCalendar  # noqa: E402

from propstd import frames  # noqa: E402
from propstd.calendars import china_calendar  # noqa: E402

ZONE = "Asia/Shanghai"
LAST_START = dt.datetime(2026, 12, 1)  # answers stay inside the published data
warnings.simplefilter("ignore")


def inputs(n: int) -> list[dt.datetime]:
    """n naive whole-minute instants, 2024-01-01 to 2026-12-01."""
    return [t for t in common.random_datetimes(2 * n) if t < LAST_START][:n]


def aware(naive: list[dt.datetime]) -> pd.Series:
    return pd.Series(pd.DatetimeIndex(naive).tz_localize(ZONE).as_unit("ns"))


def wall_clock(result: pd.Series) -> list[dt.datetime]:
    """Answers as naive Shanghai datetimes, to compare with the reference."""
    return list(result.dt.tz_convert(ZONE).dt.tz_localize(None).dt.to_pydatetime())


def differs(got: list[object], want: list[object]) -> str:
    bad = sum(g != w for g, w in zip(got, want, strict=True))
    return f"{bad} of {len(want)} answers differ from the reference" if bad else "same answers"


def summary(table: common.Table, vector: str) -> None:
    """The vectorised row's speed as a ratio to every other row, per row."""
    speed = {e[0]: e[4] / statistics.median(e[5]) for e in table.entries}
    parts = [f"{speed[vector] / s:,.1f}x {name}" for name, s in speed.items() if name != vector]
    print(f"\n  {vector}: " + "; ".join(parts))


def start_table(
    title: str, reference: Callable[..., object], items: list[Any], repeats: int
) -> common.Table:
    """A table whose first row is the bisect reference called once per item."""
    table = common.Table(title)
    table.add("bisect reference (per row)", lambda: common.run_all(reference, items), repeats)
    return table


def vector_row(
    table: common.Table,
    name: str,
    call: Callable[[], Any],
    repeats: int,
    check: Callable[[Any], list[object]],
    want: list[object],
) -> str:
    """Add the row of one vectorised call (rows per run: its length), its answers checked."""
    table.add(name, lambda: len(call()), repeats, differs(check(call()), want))
    return name


def add_table(n: int, repeats: int) -> tuple[common.Table, str]:
    """add_working_time(start, 1..72 hours) for every row."""
    ref, cal = BisectCalendar(), china_calendar()
    naive = inputs(n)
    hours = common.random_ints(n, 1, 72)
    pairs_n = [(t, h * 3600) for t, h in zip(naive, hours, strict=True)]
    starts = aware(naive)
    steps = pd.Series(pd.to_timedelta(hours, unit="h").as_unit("ns"))
    utc = starts.dt.tz_convert(None).to_numpy()
    steps_np = steps.to_numpy()
    pairs_a = [
        (t, d) for t, d in zip(starts.dt.to_pydatetime(), steps.dt.to_pytimedelta(), strict=True)
    ]
    want: list[object] = [ref.add_seconds(t, s) for t, s in pairs_n]
    title = f"add working time: {n:,} starts + 1..72 working hours"
    table = start_table(title, ref.add_seconds, pairs_n, repeats)
    vector = vector_row(
        table,
        "propstd frames.add_working_time (Series, one call)",
        lambda: frames.add_working_time(cal, starts, steps),
        repeats,
        wall_clock,
        want,
    )
    table.add(
        "propstd frames.add_working_time (numpy, one call)",
        lambda: len(frames.add_working_time(cal, utc, steps_np)),
        repeats,
    )
    table.add(
        "propstd WorkingCalendar.add_working_time (per row)",
        lambda: common.run_all(cal.add_working_time, pairs_a),
        repeats,
    )
    hour = pd.offsets.CustomBusinessHour(
        start=["09:00", "13:30"],
        end=["12:00", "18:00"],
        weekmask="Mon Tue Wed Thu Fri Sat Sun",
        holidays=common.all_off_days(),
    )
    few = [(pd.Timestamp(t), hour * (s // 3600)) for t, s in pairs_n[: max(n // 1000, 20)]]
    rolled = [ref.add_seconds(t, s, roll=True) for t, s in pairs_n[: len(few)]]
    table.add(
        "pandas CustomBusinessHour (per row, 7-day weekmask + days off)",
        lambda: common.run_all(lambda t, o: t + o, few),
        repeats,
        differs([(t + o).to_pydatetime() for t, o in few], rolled) + " (pandas rolls 18:00)",
    )
    return table, vector


def between_table(n: int, repeats: int) -> tuple[common.Table, str]:
    """working_time_between(a, b) for spans of up to 30 days."""
    ref, cal = BisectCalendar(), china_calendar()
    naive = inputs(n)
    spans = [dt.timedelta(minutes=m) for m in common.random_ints(n, 0, 30 * 24 * 60)]
    pairs_n = [(t, t + s) for t, s in zip(naive, spans, strict=True)]
    starts, ends = aware([a for a, _ in pairs_n]), aware([b for _, b in pairs_n])
    pairs_a = list(zip(starts.dt.to_pydatetime(), ends.dt.to_pydatetime(), strict=True))
    want: list[object] = [dt.timedelta(seconds=ref.between_seconds(a, b)) for a, b in pairs_n]
    title = f"working time between: {n:,} spans of up to 30 days"
    table = start_table(title, ref.between_seconds, pairs_n, repeats)
    vector = vector_row(
        table,
        "propstd frames.working_time_between (Series, one call)",
        lambda: frames.working_time_between(cal, starts, ends),
        repeats,
        lambda got: list(got.dt.to_pytimedelta()),
        want,
    )
    table.add(
        "propstd WorkingCalendar.working_time_between (per row)",
        lambda: common.run_all(cal.working_time_between, pairs_a),
        repeats,
    )
    print("\n  (pandas and numpy have no working-time difference to compare with)")
    return table, vector


def days_table(n: int, repeats: int) -> tuple[common.Table, str]:
    """add_working_days(d, 1..20): the n-th working day after d."""
    ref, cal = BisectCalendar(), china_calendar()
    dates = [t.date() for t in inputs(n)]
    ks = common.random_ints(n, 1, 20)
    pairs = list(zip(dates, ks, strict=True))
    want: list[object] = [ref.add_days_step(d, k) for d, k in pairs]
    arr_d = np.array(dates, dtype="datetime64[D]")
    arr_k = np.array(ks)
    title = f"working days: the 1..20th working day after {n:,} dates"
    table = start_table(title, ref.add_days_step, pairs, repeats)
    vector = vector_row(
        table,
        "propstd frames.add_working_days (numpy, one call)",
        lambda: frames.add_working_days(cal, arr_d, arr_k),
        repeats,
        lambda got: got.astype(dt.date).tolist(),
        want,
    )
    table.add(
        "propstd WorkingCalendar.add_working_days (per row)",
        lambda: common.run_all(cal.add_working_days, pairs),
        repeats,
    )
    # numpy cannot name a working weekend day: every day works but the days off (which gives
    # the same answers), or Mon-Fri with the holidays (which misses the make-up days)
    for label, mask, off in (
        ("7-day weekmask + days off", "1111111", common.all_off_days()),
        ("Mon-Fri + holidays only", "1111100", common.HOLIDAYS),
    ):
        busdays = np.busdaycalendar(weekmask=mask, holidays=np.array(off, "M8[D]"))
        vector_row(
            table,
            f"numpy busday_offset (one call, {label})",
            lambda b=busdays: np.busday_offset(arr_d, arr_k, roll="backward", busdaycal=b),
            repeats,
            lambda got: got.astype(dt.date).tolist(),
            want,
        )
    return table, vector


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="20,000 rows and fewer repeats")
    args = ap.parse_args()
    n = 20_000 if args.quick else 200_000
    repeats = 3 if args.quick else 5
    for make in (add_table, between_table, days_table):
        table, vector = make(n, repeats)
        table.run()
        summary(table, vector)
        print()
        print(table.render(table.entries[0][0]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
