"""The budget section: variance of the month and the year to date, and fee collection
(private part of propstd.scorecards)."""

from __future__ import annotations

from fractions import Fraction

from propstd.budgets import (
    Actual,
    Budget,
    CollectionCurve,
    RowLevel,
    VarianceFigures,
    VarianceStatus,
    collection_progress,
    variance,
)
from propstd.periods import Period
from propstd.rates import Target
from propstd.scorecards._model import Indicator, Section, Status
from propstd.scorecards._sections import Inputs, empty, indicator
from propstd.tables import Collection

__all__: list[str] = []

_STATUS = {
    VarianceStatus.OK: Status.MET,
    VarianceStatus.EXPLAIN: Status.WATCH,
    VarianceStatus.STOP: Status.MISSED,
}
_TITLE, _ZH = "Budget", "预算与收缴"


def budget(
    i: Inputs,
    plan: Budget | None,
    actuals: tuple[Actual, ...],
    collections: tuple[Collection, ...],
) -> Section:
    """Income and cost against budget (month and year to date) and the collection rate."""
    policy = i.standard.budget
    if policy is None:
        return empty("budget", _TITLE, _ZH, Status.NOT_SET, "no budget policy")
    if plan is None:
        return empty("budget", _TITLE, _ZH, Status.NO_DATA, "no budget given")
    report = variance(
        plan,
        actuals,
        period=i.period,
        as_of=i.as_of,
        zone=i.standard.calendar("budget").zone,
        thresholds=policy.thresholds,
    )
    figures: list[Indicator] = []
    for row in report.rows_at(RowLevel.TOTAL):
        key = row.label.lower().replace(" ", "_")
        figures.append(
            _money(f"budget.{key}.month", f"{row.label}, month", f"{row.title_zh}(本月)", row.month)
        )
        figures.append(
            _money(
                f"budget.{key}.ytd",
                f"{row.label}, year to date",
                f"{row.title_zh}(累计)",
                row.year_to_date,
            )
        )
    notes = [
        f"{row.label}: {row.month.status.value} ({row.month.variance})"
        for row in report.rows_at(RowLevel.LINE)
        if row.month.status is not VarianceStatus.OK
    ]
    collected = _collection(i.period, collections, policy.collection)
    if collected is not None:
        figures.append(collected)
    elif collections:
        notes.append("fee collection: a month of the year has no collection row")
    return Section(key="budget", title=_TITLE, title_zh=_ZH, indicators=figures, notes=notes)


def _money(key: str, title: str, title_zh: str, figures: VarianceFigures) -> Indicator:
    return Indicator(
        key=key,
        title=title,
        title_zh=title_zh,
        value=figures.actual,
        reference=figures.budget,
        status=_STATUS[figures.status],
        trend=(figures.actual,),
    )


def _collection(
    period: Period, rows: tuple[Collection, ...], curve: CollectionCurve
) -> Indicator | None:
    by_month = {r.month: r for r in rows}
    months = [Period.month(period.start.year, m) for m in range(1, period.start.month + 1)]
    if not rows or any(m not in by_month for m in months):
        return None
    progress = collection_progress(
        by_month[months[-1]].billed,
        [by_month[m].collected for m in months],
        period=months[-1],
        curve=curve,
    )
    target = Target(minimum=Fraction(progress.current.target))
    return indicator("budget.collection", "Fees collected", "物业费收缴率", progress.rate, target)
