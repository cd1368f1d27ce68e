"""The sample property's March 2025 check records (private).

Made up to show the usual troubles: two missed SEC-02 patrols and one missed ENV-01 cleaning
check, one missed afternoon refuse round, a duplicated weekly ENV-03 check, three records
without evidence and one with too few samples. `tests/golden/qpi_march_2025.json` holds the
same records with every indicator worked out by hand.
"""

from __future__ import annotations

from datetime import date, datetime, time

from propstd.inspections import CheckRecord
from propstd.samples._facts import TZ
from propstd.samples._standard import PLAN

__all__: list[str] = []

_INSPECTOR = {"SEC": "Zhao", "ENV": "Li", "ENG": "Wu", "QA": "Chen"}
_SAMPLES = {code: n for *_, items in PLAN for code, _t, _f, n in items}
_DAILY = ("SEC-01", "SEC-02", "SEC-03", "ENV-01", "ENG-01")
_MISSED = {("SEC-02", 8), ("SEC-02", 22), ("ENV-01", 15)}
_NO_EVIDENCE = {("SEC-03", 10), ("ENV-01", 18), ("ENG-02", 11)}
_TOO_FEW_SAMPLES = {("SEC-01", 20)}
# the days of March on which the items that are not daily were checked
_DAYS = {
    "SEC-04": (1, 5, 12, 19, 26),
    "ENV-03": (2, 6, 13, 14, 20, 27),  # the 14th duplicates the week of the 10th
    "ENG-02": (1, 4, 11, 18, 25),
    "ENV-04": (1, 10, 24),
    "ENG-03": (2, 11, 25),
    "SEC-05": (3,),
    "ENV-05": (4,),
    "ENG-04": (5,),
    "QA-01": (4,),
    "QA-02": (5,),
    "ENG-05": (12,),
    "ENG-07": (20,),
}


def _record(code: str, day: int, hour: int) -> CheckRecord:
    at = datetime.combine(date(2025, 3, day), time(hour), tzinfo=TZ)
    evidence = () if (code, day) in _NO_EVIDENCE else (f"IMG-{code}-{day:02d}{hour:02d}",)
    samples = _SAMPLES[code] - 1 if (code, day) in _TOO_FEW_SAMPLES else _SAMPLES[code]
    return CheckRecord(code, at, _INSPECTOR[code.split("-")[0]], samples=samples, evidence=evidence)


def checks() -> tuple[CheckRecord, ...]:
    """The 242 check records of March 2025, in time order."""
    out: list[CheckRecord] = []
    for day in range(1, 32):
        out.extend(_record(code, day, 9) for code in _DAILY if (code, day) not in _MISSED)
        out.append(_record("ENV-02", day, 8))
        if day != 9:  # the afternoon refuse round of the 9th was missed
            out.append(_record("ENV-02", day, 16))
        out.extend(_record(code, day, 10) for code, days in _DAYS.items() if day in days)
    return tuple(sorted(out, key=lambda r: (r.at, r.item_code)))
