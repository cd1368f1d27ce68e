"""Working-time arithmetic: propstd against the reference and the peers users would pick.

One run, the same inputs for every row, timed round-robin (see ../shared/bench/common.py):
the China office calendar (Mon-Fri 09:00-12:00 and 13:30-18:00 with the State Council's
holidays and make-up days, 2024-2026) in Asia/Shanghai. Each table prints ops/s and the ratio
to the bare bisect reference (../shared/bench/ref.py), and each peer row notes how many of its
answers differ from the reference under that peer's own convention.

    python benchmarks/calendars.py            # from the project root; a minute or two
    python benchmarks/calendars.py --quick    # a few seconds

Peers (the `bench` dependency group): pandas CustomBusinessHour (add), businesstimedelta (add,
between), numpy busday_offset / busday_count (days), bizdays (days), workalendar (days),
chinesecalendar (days). A peer that cannot be imported is skipped with a note.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import warnings
import zoneinfo
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared" / "bench"
sys.path.insert(0, str(SHARED))

import common  # noqa: E402
from ref import BisectCalendar  # noqa: E402

from propstd.calendars import china_calendar  # noqa: E402

ZONE = zoneinfo.ZoneInfo("Asia/Shanghai")
LAST_START = dt.datetime(2026, 12, 1)
# businesstimedelta's HolidayRule fails (TypeError) past its last holiday: add a far sentinel.
BTD_HOLIDAYS = frozenset([*common.HOLIDAYS, dt.date(2030, 12, 31)])  # it looks 5 years ahead
warnings.simplefilter("ignore")


def inputs(n: int) -> list[dt.datetime]:
    """n naive whole-minute instants, 2024-01-01 to 2026-12-01 (deadlines stay in the data).

    common.random_datetimes reaches 2027-01-01, past the published holidays: propstd refuses
    to answer there (CalendarCoverageError) where the reference assumes plain Mon-Fri.
    """
    return [t for t in common.random_datetimes(2 * n) if t < LAST_START][:n]


def _differs(got: list[object], want: list[object]) -> str:
    bad = sum(g != w for g, w in zip(got, want, strict=True))
    return f"{bad} of {len(want)} answers differ from the reference" if bad else "same answers"


def add_table(n: int, repeats: int) -> common.Table:
    """add_working_time(start, 1..72 hours)."""
    ref = BisectCalendar()
    cal = china_calendar()
    naive = inputs(n)
    aware = [t.replace(tzinfo=ZONE) for t in naive]
    hours = common.random_ints(n, 1, 72)
    pairs_n = [(t, h * 3600) for t, h in zip(naive, hours, strict=True)]
    pairs_a = [(t, dt.timedelta(hours=h)) for t, h in zip(aware, hours, strict=True)]
    want = [ref.add_seconds(t, s) for t, s in pairs_n]
    got = [cal.add_working_time(t, d).replace(tzinfo=None) for t, d in pairs_a]
    table = common.Table("add working time: start + 1..72 working hours")
    table.add(
        "bisect reference (naive, seconds)",
        lambda: common.run_all(ref.add_seconds, pairs_n),
        repeats,
    )
    table.add(
        "propstd WorkingCalendar.add_working_time (aware, µs)",
        lambda: common.run_all(cal.add_working_time, pairs_a),
        repeats,
        _differs(got, want),
    )
    try:
        import pandas as pd

        off = common.all_off_days()
        offsets = {
            h: pd.offsets.CustomBusinessHour(
                n=h,
                start=["09:00", "13:30"],
                end=["12:00", "18:00"],
                weekmask="Mon Tue Wed Thu Fri Sat Sun",
                holidays=off,
            )
            for h in set(hours)
        }
        few = [(pd.Timestamp(t), offsets[s // 3600]) for t, s in pairs_n[: max(n // 50, 50)]]
        rolled = [ref.add_seconds(t, s, roll=True) for t, s in pairs_n[: len(few)]]
        pandas_got = [(t + o).to_pydatetime() for t, o in few]
        table.add(
            "pandas CustomBusinessHour (7-day weekmask + every day off)",
            lambda: common.run_all(lambda t, o: t + o, few),
            repeats,
            _differs(pandas_got, rolled) + " (pandas rolls 18:00 to the next opening)",
        )
    except ImportError as exc:
        print(f"  skipped pandas: {exc}")
    try:
        import businesstimedelta as btd

        rules = btd.Rules(
            [
                btd.WorkDayRule(
                    start_time=dt.time(9), end_time=dt.time(18), working_days=[0, 1, 2, 3, 4]
                ),
                btd.LunchTimeRule(
                    start_time=dt.time(12), end_time=dt.time(13, 30), working_days=[0, 1, 2, 3, 4]
                ),
                btd.HolidayRule(BTD_HOLIDAYS),
            ]
        )
        few = [
            (t, btd.BusinessTimeDelta(rules, hours=s // 3600))
            for t, s in pairs_n[: max(n // 200, 20)]
        ]
        simple = BisectCalendar(day_pred=common.is_working_day_simple)
        btd_want = [simple.add_seconds(t, d.hours * 3600) for t, d in few]
        btd_got = [(t + d).replace(tzinfo=None) for t, d in few]  # it answers in UTC-aware time
        table.add(
            "businesstimedelta (no make-up days possible)",
            lambda: common.run_all(lambda t, d: t + d, few),
            repeats,
            _differs(btd_got, btd_want) + " vs the reference without make-up days",
        )
    except ImportError as exc:
        print(f"  skipped businesstimedelta: {exc}")
    return table


def between_table(n: int, repeats: int) -> common.Table:
    """working_time_between(a, b) for spans up to 30 days."""
    ref = BisectCalendar()
    cal = china_calendar()
    naive = inputs(n)
    spans = [dt.timedelta(minutes=m) for m in common.random_ints(n, 0, 30 * 24 * 60)]
    pairs_n = [(t, t + s) for t, s in zip(naive, spans, strict=True)]
    pairs_a = [(a.replace(tzinfo=ZONE), b.replace(tzinfo=ZONE)) for a, b in pairs_n]
    want = [dt.timedelta(seconds=ref.between_seconds(a, b)) for a, b in pairs_n]
    got = [cal.working_time_between(a, b) for a, b in pairs_a]
    table = common.Table("working time between: spans of up to 30 days")
    table.add(
        "bisect reference (naive, seconds)",
        lambda: common.run_all(ref.between_seconds, pairs_n),
        repeats,
    )
    table.add(
        "propstd WorkingCalendar.working_time_between (aware, µs)",
        lambda: common.run_all(cal.working_time_between, pairs_a),
        repeats,
        _differs(got, want),
    )
    try:
        import businesstimedelta as btd

        rules = btd.Rules(
            [
                btd.WorkDayRule(
                    start_time=dt.time(9), end_time=dt.time(18), working_days=[0, 1, 2, 3, 4]
                ),
                btd.LunchTimeRule(
                    start_time=dt.time(12), end_time=dt.time(13, 30), working_days=[0, 1, 2, 3, 4]
                ),
                btd.HolidayRule(BTD_HOLIDAYS),
            ]
        )
        few = pairs_n[: max(n // 200, 20)]
        table.add(
            "businesstimedelta Rules.difference (no make-up days possible)",
            lambda: common.run_all(rules.difference, few),
            repeats,
        )
    except ImportError as exc:
        print(f"  skipped businesstimedelta: {exc}")
    return table


def days_table(n: int, repeats: int) -> common.Table:
    """add_working_days(d, 1..20): the n-th working day after d."""
    ref = BisectCalendar()
    cal = china_calendar()
    dates = [t.date() for t in inputs(n)]
    ks = common.random_ints(n, 1, 20)
    pairs = list(zip(dates, ks, strict=True))
    want = [ref.add_days_step(d, k) for d, k in pairs]
    table = common.Table("working days: the 1..20th working day after a date")
    table.add("bisect reference", lambda: common.run_all(ref.add_days_step, pairs), repeats)
    table.add(
        "propstd WorkingCalendar.add_working_days",
        lambda: common.run_all(cal.add_working_days, pairs),
        repeats,
        _differs([cal.add_working_days(d, k) for d, k in pairs], want),
    )
    off = common.all_off_days()
    try:
        import numpy as np

        holidays = np.array(off, dtype="datetime64[D]")
        cal_np = np.busdaycalendar(weekmask="1111111", holidays=holidays)
        few = [(np.datetime64(d), k) for d, k in pairs[: max(n // 10, 100)]]

        def np_add(d: object, k: int) -> object:
            return np.busday_offset(d, k, roll="backward", busdaycal=cal_np)

        np_got = [np_add(d, k).astype(dt.date) for d, k in few]
        table.add(
            "numpy busday_offset (scalar calls, roll='backward')",
            lambda: common.run_all(np_add, few),
            repeats,
            _differs(np_got, want[: len(few)]),
        )
        arr_d = np.array(dates, dtype="datetime64[D]")
        arr_k = np.array(ks)

        def np_vector() -> int:
            np.busday_offset(arr_d, arr_k, roll="backward", busdaycal=cal_np)
            return n

        table.add("numpy busday_offset (one vectorised call, per element)", np_vector, repeats)
    except ImportError as exc:
        print(f"  skipped numpy: {exc}")
    try:
        import bizdays

        bcal = bizdays.Calendar(holidays=off, weekdays=[])
        few = pairs[: max(n // 20, 50)]
        biz_got = [bcal.offset(d, k) for d, k in few]
        table.add(
            "bizdays Calendar.offset",
            lambda: common.run_all(bcal.offset, few),
            repeats,
            _differs(biz_got, want[: len(few)]),
        )
    except ImportError as exc:
        print(f"  skipped bizdays: {exc}")
    try:
        from workalendar.core import Calendar as WorkalendarBase

        class Office(WorkalendarBase):  # type: ignore[misc]
            """Mon-Fri with the State Council's days off and make-up days as extras."""

            WEEKEND_DAYS = (5, 6)

        wcal = Office()
        few = pairs[: max(n // 100, 20)]

        def wk_add(d: dt.date, k: int) -> dt.date:
            return wcal.add_working_days(  # type: ignore[no-any-return]
                d, k, extra_working_days=common.MAKEUP, extra_holidays=common.HOLIDAYS
            )

        wk_got = [wk_add(d, k) for d, k in few]
        table.add(
            "workalendar add_working_days (its China class stops at 2024)",
            lambda: common.run_all(wk_add, few),
            repeats,
            _differs(wk_got, want[: len(few)]),
        )
    except ImportError as exc:
        print(f"  skipped workalendar: {exc}")
    try:
        import chinese_calendar

        few = pairs[: max(n // 20, 50)]

        def cc_add(d: dt.date, k: int) -> dt.date:
            # find_workday(k, d) rolls d forward first: step from the day after instead.
            return chinese_calendar.find_workday(k - 1, d + dt.timedelta(days=1))  # type: ignore[no-any-return]

        cc_got = [cc_add(d, k) for d, k in few]
        table.add(
            "chinesecalendar find_workday",
            lambda: common.run_all(cc_add, few),
            repeats,
            _differs(cc_got, want[: len(few)]),
        )
    except ImportError as exc:
        print(f"  skipped chinesecalendar: {exc}")
    return table


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="fewer inputs and repeats")
    args = ap.parse_args()
    n = 2_000 if args.quick else 20_000
    repeats = 3 if args.quick else 5
    for make in (add_table, between_table, days_table):
        table = make(n, repeats)
        table.run()
        ref_name = table.entries[0][0]
        print()
        print(table.render(ref_name))
    return 0


if __name__ == "__main__":
    sys.exit(main())
