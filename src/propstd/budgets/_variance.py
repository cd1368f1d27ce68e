"""Budget-vs-actual variance per line, category and total; rendered as one table (private)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction

import attrs

from propstd._numbers import check_places, to_decimal
from propstd._repr import shown
from propstd._table import Column, Rendered, Table
from propstd._validators import check_type, nonblank
from propstd._vocab import to_member
from propstd.budgets._common import (
    _aware,
    _enum_repr,
    _items,
    _local_date,
    _money,
    _month_period,
    _non_negative,
    _number,
    _str,
    _to_rounding,
    _year,
    _zone,
    _zone_key,
)
from propstd.budgets._plan import Budget
from propstd.budgets._vocab import BudgetCategory, LineKind, RowLevel, VarianceSide, VarianceStatus
from propstd.errors import CurrencyMismatchError, InvalidValueError
from propstd.money import Currency, Money, Rounding
from propstd.periods import Period, PeriodUnit

__all__: list[str] = []


# -- variance -----------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Actual:
    """An actual amount booked on one budget line in one month (may be negative: a refund).

    Raises:
        InvalidValueError: blank code, or *month* is not a calendar month.

    Examples:
        >>> Actual(code="INC-FEE", month=Period.parse("2025-03"), amount=Money("380000", "CNY"))
        Actual(code='INC-FEE', month=Period.parse('2025-03'), amount=Money('380000.00', 'CNY'))
    """

    code: str = attrs.field(validator=nonblank)
    """The code of the budget line."""
    month: Period = attrs.field(validator=_month_period)
    """The calendar month the amount belongs to."""
    amount: Money = attrs.field(validator=_money)
    """The amount booked."""


def _explain(value: object) -> Fraction:
    return _non_negative("explain", value)


def _stop(value: object) -> Fraction:
    return _non_negative("stop", value)


def _to_side(value: VarianceSide | str) -> VarianceSide:
    return to_member("side", VarianceSide, value)


def _to_status(value: VarianceStatus | str) -> VarianceStatus:
    return to_member("status", VarianceStatus, value)


def _to_level(value: RowLevel | str) -> RowLevel:
    return to_member("level", RowLevel, value)


def _to_kind(value: LineKind | str) -> LineKind:
    return to_member("kind", LineKind, value)


def _to_optional_kind(value: LineKind | str | None) -> LineKind | None:
    return None if value is None else _to_kind(value)


def _to_currency(value: Currency | str) -> Currency:
    return to_member("currency", Currency, value)


@attrs.frozen(kw_only=True)
class VarianceThresholds:
    """When a variance needs explaining and when it stops spending: data, not defaults.

    A variance is `explain` when `|actual − budget| / |budget|` is above *explain*, and `stop`
    when it is above *stop* (both fractions of the budget, e.g. `Fraction(1, 20)` for 5 %).
    With `side="adverse"` only adverse variances count (income short, cost over). A variance
    against a zero budget has no percentage; it is `explain`.

    Raises:
        InvalidValueError: a negative threshold (or one of more than 100 digits), or *stop*
            below *explain*.

    Examples:
        >>> VarianceThresholds(explain=Fraction(1, 20), stop=Fraction(1, 10))
        VarianceThresholds(explain=Fraction(1, 20), stop=Fraction(1, 10), side='adverse')
    """

    explain: Fraction = attrs.field(converter=_explain)
    """Above this fraction of the budget, the variance must be explained."""
    stop: Fraction = attrs.field(converter=_stop)
    """Above this fraction of the budget, spending stops or the plan is revised."""
    side: VarianceSide = attrs.field(
        default=VarianceSide.ADVERSE, converter=_to_side, repr=_enum_repr
    )
    """Which variances count."""

    def __attrs_post_init__(self) -> None:
        if self.stop < self.explain:
            msg = f"'stop' {self.stop} must not be below 'explain' {self.explain}"
            raise InvalidValueError(msg, field="stop", value=self.stop)

    def judge(self, budget: Money, actual: Money, *, kind: LineKind | str) -> VarianceStatus:
        """The status of *actual* against *budget* for a line of *kind* (a net result judges
        like income: more is better).

        Examples:
            >>> t = VarianceThresholds(explain=Fraction(1, 20), stop=Fraction(1, 10))
            >>> t.judge(Money("100.00", "CNY"), Money("107.00", "CNY"), kind="cost")
            <VarianceStatus.EXPLAIN: 'explain'>
            >>> t.judge(Money("100.00", "CNY"), Money("130.00", "CNY"), kind="收入")
            <VarianceStatus.OK: 'ok'>
        """
        diff = (actual - budget).units
        if diff == 0:
            return VarianceStatus.OK
        adverse = (diff < 0) if _to_kind(kind) is LineKind.INCOME else (diff > 0)
        if self.side is VarianceSide.ADVERSE and not adverse:
            return VarianceStatus.OK
        if budget.units == 0:
            return VarianceStatus.EXPLAIN
        share = Fraction(abs(diff), abs(budget.units))
        if share > self.stop:
            return VarianceStatus.STOP
        if share > self.explain:
            return VarianceStatus.EXPLAIN
        return VarianceStatus.OK


@attrs.frozen(kw_only=True)
class VarianceFigures:
    """Budget against actual for one row and one span (a month or the year to date)."""

    budget: Money = attrs.field(validator=_money)
    """The budgeted amount."""
    actual: Money = attrs.field(validator=_money)
    """The actual amount."""
    status: VarianceStatus = attrs.field(converter=_to_status, repr=_enum_repr)
    """The verdict of the thresholds."""

    def __attrs_post_init__(self) -> None:
        if self.actual.currency is not self.budget.currency:
            msg = f"'actual' {self.actual} is not in the budget's currency {self.budget.currency}"
            raise CurrencyMismatchError(msg, field="actual", value=self.actual)

    @property
    def variance(self) -> Money:
        """`actual − budget` (negative: below budget)."""
        return self.actual - self.budget

    @property
    def fraction(self) -> Fraction | None:
        """The variance as an exact fraction of the budget; `None` when the budget is zero."""
        if self.budget.units == 0:
            return None
        return Fraction(self.variance.units, abs(self.budget.units))

    def percent(
        self, places: int = 1, *, rounding: Rounding | str = Rounding.HALF_UP
    ) -> Decimal | None:
        """The variance in percent of the budget, rounded to *places*; `None` for a zero budget.

        Exact whatever the `decimal` context.

        Raises:
            TypeError: *places* is not an `int`.
            InvalidValueError: *places* is negative or above 28; *rounding* is unknown.

        Examples:
            >>> f = VarianceFigures(budget=Money("300.00", "CNY"), actual=Money("310.00", "CNY"),
            ...                     status="ok")
            >>> f.fraction, f.percent(), f.percent(2)
            (Fraction(1, 30), Decimal('3.3'), Decimal('3.33'))
        """
        digits = check_places("places", places)
        mode = _to_rounding(rounding)
        value = self.fraction
        if value is None:
            return None
        return to_decimal(value * 100, digits, mode.value)


@attrs.frozen(kw_only=True)
class VarianceRow:
    """One row of a [VarianceReport][propstd.budgets.VarianceReport]."""

    level: RowLevel = attrs.field(converter=_to_level, repr=_enum_repr)
    """A line, a category or a total."""
    label: str = attrs.field(validator=_str)
    """The line's code, the category, or `income`, `cost`, `net`."""
    kind: LineKind | None = attrs.field(
        converter=_to_optional_kind, repr=lambda k: repr(None if k is None else k.value)
    )
    """Income or cost; `None` for the net result."""
    month: VarianceFigures = attrs.field(validator=attrs.validators.instance_of(VarianceFigures))
    """The figures of the month."""
    year_to_date: VarianceFigures = attrs.field(
        validator=attrs.validators.instance_of(VarianceFigures)
    )
    """The figures from January to the end of the month."""
    title_zh: str = attrs.field(default="", validator=_str)
    """The Chinese title of a category or total row (`物业服务费`, `净额`); empty for lines."""


_COLUMNS = (
    Column("line"),
    Column("budget", "right"),
    Column("actual", "right"),
    Column("variance", "right"),
    Column("%", "right"),
    Column("status"),
    Column("YTD budget", "right"),
    Column("YTD actual", "right"),
    Column("YTD variance", "right"),
    Column("YTD %", "right"),
    Column("YTD status"),
)


def _fmt_money(m: Money) -> str:
    return format(m.amount, ",")  # no precision: nothing rounds, whatever the context


def _fmt_pct(f: VarianceFigures) -> str:
    p = f.percent()
    return "n/a" if p is None else f"{format(p, '+')}%"


def _cells(row: VarianceRow) -> tuple[str, ...]:
    if row.level is RowLevel.LINE:
        label = "  " + row.label
    else:
        label = f"{row.title_zh} {row.label}".strip()
    out = [label]
    for f in (row.month, row.year_to_date):
        out += [_fmt_money(f.budget), _fmt_money(f.actual), _fmt_money(f.variance), _fmt_pct(f)]
        out.append(f.status.value)
    return tuple(out)


def _entries(value: object) -> tuple[VarianceRow, ...]:
    out = _items(value)
    for i, row in enumerate(out):
        check_type(f"entries[{i}]", row, VarianceRow)
    return out


@attrs.frozen(kw_only=True, repr=False)
class VarianceReport(Rendered):
    """Budget against actual for one month and the year to date, per line, category and total.

    Entries come in the budget's line order within each category, then one row per category,
    then the totals `income`, `cost` and `net` (income − cost). `print(report)` shows the table
    (CJK-aligned), `to_markdown()` and `to_html()` render it, notebooks show it as HTML, and
    [rows][propstd.budgets.VarianceReport.rows] returns the typed rows behind it.
    """

    year: int = attrs.field(validator=_year)
    """The budget year."""
    period: Period = attrs.field(validator=_month_period)
    """The month reported on."""
    as_of: datetime = attrs.field(validator=_aware)
    """The instant of the report."""
    zone: str = attrs.field(validator=_zone_key)
    """The IANA zone in which *as_of* is placed in a date (semantics §14.5)."""
    currency: Currency = attrs.field(converter=_to_currency, repr=_enum_repr)
    """The currency of every amount."""
    thresholds: VarianceThresholds = attrs.field(
        validator=attrs.validators.instance_of(VarianceThresholds)
    )
    """The thresholds that gave the statuses."""
    entries: tuple[VarianceRow, ...] = attrs.field(converter=_entries)
    """Lines, categories, then the totals (called `rows` in 0.1; see `rows()`)."""

    @property
    def as_of_date(self) -> date:
        """The date of *as_of* in *zone*."""
        return _local_date("as_of", self.as_of, self.zone)

    @property
    def complete(self) -> bool:
        """Whether the month was over at *as_of* (its date in *zone* is after the month)."""
        return self.as_of_date >= self.period.end

    def rows(self) -> tuple[VarianceRow, ...]:
        """The typed rows behind the table: every [VarianceRow][propstd.budgets.VarianceRow]."""
        return self.entries

    def rows_at(self, level: RowLevel | str) -> tuple[VarianceRow, ...]:
        """The rows of one level."""
        lv = _to_level(level)
        return tuple(r for r in self.entries if r.level is lv)

    def row(self, label: str, level: RowLevel | str = RowLevel.LINE) -> VarianceRow:
        """The row called *label* at *level* (a line code by default).

        Raises:
            InvalidValueError: there is no such row.
        """
        for r in self.rows_at(level):
            if r.label == label:
                return r
        msg = f"no {_to_level(level).value} row {shown(label)} in the report"
        raise InvalidValueError(msg, field="label", value=label)

    @property
    def total(self) -> VarianceRow:
        """The net result row (income − cost)."""
        return self.row("net", RowLevel.TOTAL)

    def _title(self) -> str:
        state = "final" if self.complete else "provisional"
        local = self.as_of.astimezone(_zone(self.zone)).isoformat(timespec="minutes")
        return (
            f"Budget vs actual {self.period} ({self.currency.value}), "
            f"as of {local} ({self.zone}), {state}"
        )

    def _legend(self) -> str:
        t = self.thresholds
        return (
            f"status: explain above {_number(t.explain * 100)}%, stop above "
            f"{_number(t.stop * 100)}% of budget ({t.side.value} variances)"
        )

    def _table(self) -> Table:
        return Table(
            title=self._title(),
            columns=_COLUMNS,
            rows=tuple(_cells(r) for r in self.entries),
            notes=(self._legend(),),
            row_classes=tuple(
                "" if r.month.status is VarianceStatus.OK else r.month.status.value
                for r in self.entries
            ),
            strong=frozenset(i for i, r in enumerate(self.entries) if r.level is not RowLevel.LINE),
        )

    def __repr__(self) -> str:
        net = self.total.month
        lines = len(self.rows_at(RowLevel.LINE))
        return (
            f"<VarianceReport {self.period} {self.currency.value}, {lines} lines, "
            f"net variance {net.variance} ({net.status.value})>"
        )


def variance(
    budget: Budget,
    actuals: Iterable[Actual],
    *,
    period: Period,
    as_of: datetime,
    zone: str,
    thresholds: VarianceThresholds,
) -> VarianceReport:
    """Compare *actuals* with *budget* for the month *period* and the year to date.

    Actuals of one line and month add up; a line without actuals has actual 0. Budgets are the
    current (revised) plans.

    Args:
        budget: the year's budget.
        actuals: amounts booked per line and month.
        period: the calendar month reported on, within the budget year.
        as_of: the instant of the report (aware); no actual may belong to a month that starts
            after its date in *zone*.
        zone: the IANA zone of the property (`"Asia/Shanghai"`), in which *as_of* is placed in
            a date (semantics §14.5): 2025-03-31T23:30Z is 1 April in Shanghai.
        thresholds: when a variance is `explain` or `stop`.

    Raises:
        InvalidValueError: *period* is not a month of the budget year; an actual of an unknown
            line, of another year, or of a month that starts after the date of *as_of*; an
            unknown *zone*.
        CurrencyMismatchError: an actual in another currency.
        NaiveDatetimeError: *as_of* is naive.

    Examples:
        >>> from propstd.budgets import Budget, BudgetLine
        >>> fee = BudgetLine("INC-FEE", "income", "service_fee", Money("1200.00", "CNY"))
        >>> b = Budget(year=2025, lines=[fee])
        >>> march = Period.parse("2025-03")
        >>> limits = VarianceThresholds(explain=Fraction(1, 20), stop=Fraction(1, 5))
        >>> r = variance(b, [Actual(code="INC-FEE", month=march, amount=Money("90", "CNY"))],
        ...              period=march, as_of=datetime.fromisoformat("2025-04-01T09:00+08:00"),
        ...              zone="Asia/Shanghai", thresholds=limits)
        >>> r
        <VarianceReport 2025-03 CNY, 1 lines, net variance -10.00 CNY (explain)>
        >>> row = r.row("INC-FEE")
        >>> row.month.variance, row.month.percent(), row.month.status
        (Money('-10.00', 'CNY'), Decimal('-10.0'), <VarianceStatus.EXPLAIN: 'explain'>)
        >>> row.year_to_date.budget, row.year_to_date.status
        (Money('300.00', 'CNY'), <VarianceStatus.STOP: 'stop'>)
    """
    check_type("budget", budget, Budget)
    check_type("period", period, Period)
    check_type("thresholds", thresholds, VarianceThresholds)
    on = _local_date("as_of", as_of, zone)
    _check_period(budget, period)
    booked = _booked(budget, actuals, on=on, as_of=as_of)
    return VarianceReport(
        year=budget.year,
        period=period,
        as_of=as_of,
        zone=zone,
        currency=budget.currency,
        thresholds=thresholds,
        entries=_report_rows(budget, booked, period.start.month, thresholds),
    )


def _check_period(budget: Budget, period: Period) -> None:
    if period.unit is not PeriodUnit.MONTH or period.start.year != budget.year:
        msg = f"'period' must be a month of {budget.year}, got {str(period)!r}"
        raise InvalidValueError(msg, field="period", value=period)


def _booked(
    budget: Budget, actuals: Iterable[Actual], *, on: date, as_of: datetime
) -> dict[tuple[str, int], int]:
    """The minor units booked per (line code, month), each actual checked."""
    cur = budget.currency
    codes = {line.code for line in budget.lines}
    booked: dict[tuple[str, int], int] = {}
    for i, act in enumerate(actuals):
        name = f"actuals[{i}]"
        check_type(name, act, Actual)
        if act.code not in codes:
            msg = f"{name!r} is booked on {shown(act.code)}, which is no line of the budget"
            raise InvalidValueError(msg, field=name, value=act)
        if act.month.start.year != budget.year:
            msg = f"{name!r} is for {act.month}, outside the budget year {budget.year}"
            raise InvalidValueError(msg, field=name, value=act)
        if act.month.start > on:
            msg = (
                f"{name!r} is for {act.month}, after 'as_of' {as_of.isoformat()} "
                f"({on.isoformat()} where the budget is kept)"
            )
            raise InvalidValueError(msg, field=name, value=act)
        if act.amount.currency is not cur:
            msg = f"{name!r} is {act.amount}, the budget is in {cur}"
            raise CurrencyMismatchError(msg, field=name, value=act)
        key = (act.code, act.month.start.month)
        booked[key] = booked.get(key, 0) + act.amount.units
    return booked


_TOTAL_ZH = {LineKind.INCOME: "收入", LineKind.COST: "支出"}


def _report_rows(
    budget: Budget, booked: dict[tuple[str, int], int], month: int, thresholds: VarianceThresholds
) -> tuple[VarianceRow, ...]:
    """Line rows by category, then category rows, then income, cost and net."""
    cur = budget.currency

    def sums(code: str) -> tuple[Money, Money, Money, Money]:
        plan = budget.plan(code)
        actual_ytd = sum(booked.get((code, m), 0) for m in range(1, month + 1))
        return (
            plan.months[month - 1],
            Money.from_units(booked.get((code, month), 0), cur),
            plan.year_to_date(month),
            Money.from_units(actual_ytd, cur),
        )

    def row(level: RowLevel, label: str, kind: LineKind, codes: list[str], zh: str) -> VarianceRow:
        figures = [sums(c) for c in codes]
        total = [Money.sum((f[i] for f in figures), currency=cur) for i in range(4)]
        return _row(level, label, kind, total, thresholds, zh)

    lines: list[VarianceRow] = []
    categories: list[VarianceRow] = []
    for category in BudgetCategory:
        members = [ln.code for ln in budget.lines if ln.category is category]
        if members:
            lines += [row(RowLevel.LINE, c, category.kind, [c], "") for c in members]
            zh = category.label_zh
            categories.append(row(RowLevel.CATEGORY, category.value, category.kind, members, zh))
    totals = [
        row(RowLevel.TOTAL, k.value, k, [ln.code for ln in budget.lines if ln.kind is k], zh)
        for k, zh in _TOTAL_ZH.items()
    ]
    inc, cost = totals
    net = [
        inc.month.budget - cost.month.budget,
        inc.month.actual - cost.month.actual,
        inc.year_to_date.budget - cost.year_to_date.budget,
        inc.year_to_date.actual - cost.year_to_date.actual,
    ]
    totals.append(_row(RowLevel.TOTAL, "net", None, net, thresholds, "净额"))
    return (*lines, *categories, *totals)


def _row(
    level: RowLevel,
    label: str,
    kind: LineKind | None,
    amounts: Sequence[Money],
    thresholds: VarianceThresholds,
    title_zh: str,
) -> VarianceRow:
    judge_as = LineKind.INCOME if kind is None else kind
    b_m, a_m, b_y, a_y = amounts
    return VarianceRow(
        level=level,
        label=label,
        kind=kind,
        month=VarianceFigures(
            budget=b_m, actual=a_m, status=thresholds.judge(b_m, a_m, kind=judge_as)
        ),
        year_to_date=VarianceFigures(
            budget=b_y, actual=a_y, status=thresholds.judge(b_y, a_y, kind=judge_as)
        ),
        title_zh=title_zh,
    )
