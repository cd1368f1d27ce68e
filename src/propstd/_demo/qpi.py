"""Demo section: the sample property's QPI month, March 2025 (private).

The plan, the records and the findings are the sample's (`propstd.samples`); the golden test
`tests/golden/qpi_march_2025.json` holds the same data with every indicator worked out by hand.
"""

from __future__ import annotations

from propstd import samples
from propstd._demo import PLACE
from propstd.inspections import QpiReport, qpi_report, qpi_tally

TITLE = f"QPI 品质核查 — {PLACE}, {samples.MONTH}"


def report() -> QpiReport:
    """The month's report against the standard's targets."""
    standard = samples.standard()
    assert standard.inspections is not None  # the sample's standard fixes every part
    month = samples.month()
    tally = qpi_tally(
        standard.inspections,
        records=month.checks,
        findings=month.findings,
        period=samples.MONTH,
        calendar=standard.calendar("inspections"),
    )
    return qpi_report(tally, standard.qpi_targets, title=f"{PLACE} — QPI {samples.MONTH}")


def render() -> str:
    """The report table, then what the numbers mean."""
    r = report()
    t = r.tally
    lines = [
        r.to_text(),
        "",
        (
            f"Required check points {t.required_points} = 5 daily items × 31 + refuse 2 × 31"
            " + 3 weekly × 5 + 2 biweekly × 2 + 5 monthly × 1 + 1/3 + 2 × 1/6 + 1/12"
            " (calendar windows: ISO weeks, two-week blocks due 9 and 23 March, the month)"
        ),
        (
            "Missed: SEC-02 on 8 and 22 March, ENV-01 on 15 March, the afternoon refuse round"
            " on 9 March; ENV-03 was checked twice in one week (counted once); the biweekly"
            " checks of 24 and 25 March count toward the window due on 6 April."
        ),
    ]
    return "\n".join(lines)
