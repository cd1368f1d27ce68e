"""Budget-vs-actual variance per line, category and total; text, Markdown, HTML (private)."""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from datetime import datetime
from decimal import Decimal
from fractions import Fraction

import attrs

from propstd._validators import (
    check_aware,
    check_int,
    check_nonblank,
    check_str,
    check_type,
    non_negative_fraction,
)
from propstd.budgets._common import (
    _enum_repr,
    _items,
    _money,
    _month_period,
    _number,
    _year,
)
from propstd.budgets._plan import Budget
from propstd.budgets._vocab import (
    Category,
    LineKind,
    RowLevel,
    VarianceSide,
    VarianceStatus,
)
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

    code: str = attrs.field(validator=lambda _i, a, v: check_nonblank(a.name, v))
    """The code of the budget line."""
    month: Period = attrs.field(validator=_month_period)
    """The calendar month the amount belongs to."""
    amount: Money = attrs.field(validator=_money)
    """The amount booked."""


def _explain(value: object) -> Fraction:
    return non_negative_fraction("explain", value)


def _stop(value: object) -> Fraction:
    return non_negative_fraction("stop", value)


@attrs.frozen(kw_only=True)
class VarianceThresholds:
    """When a variance needs explaining and when it stops spending: data, not defaults.

    A variance is `explain` when `|actual − budget| / |budget|` is above *explain*, and `stop`
    when it is above *stop* (both fractions of the budget, e.g. `Fraction(1, 20)` for 5 %).
    With `side="adverse"` only adverse variances count (income short, cost over). A variance
    against a zero budget has no percentage; it is `explain`.

    Raises:
        InvalidValueError: a negative threshold, or *stop* below *explain*.

    Examples:
        >>> VarianceThresholds(explain=Fraction(1, 20), stop=Fraction(1, 10))
        VarianceThresholds(explain=Fraction(1, 20), stop=Fraction(1, 10), side='adverse')
    """

    explain: Fraction = attrs.field(converter=_explain)
    """Above this fraction of the budget, the variance must be explained."""
    stop: Fraction = attrs.field(converter=_stop)
    """Above this fraction of the budget, spending stops or the plan is revised."""
    side: VarianceSide = attrs.field(
        default=VarianceSide.ADVERSE, converter=VarianceSide, repr=_enum_repr
    )
    """Which variances count."""

    def __attrs_post_init__(self) -> None:
        if self.stop < self.explain:
            msg = f"'stop' {self.stop} must not be below 'explain' {self.explain}"
            raise InvalidValueError(msg)

    def judge(self, budget: Money, actual: Money, *, kind: LineKind | str) -> VarianceStatus:
        """The status of *actual* against *budget* for a line of *kind* (a net result judges
        like income: more is better).

        Examples:
            >>> t = VarianceThresholds(explain=Fraction(1, 20), stop=Fraction(1, 10))
            >>> t.judge(Money("100.00", "CNY"), Money("107.00", "CNY"), kind="cost")
            <VarianceStatus.EXPLAIN: 'explain'>
            >>> t.judge(Money("100.00", "CNY"), Money("130.00", "CNY"), kind="income")
            <VarianceStatus.OK: 'ok'>
        """
        diff = (actual - budget).units
        if diff == 0:
            return VarianceStatus.OK
        adverse = (diff < 0) if LineKind(kind) is LineKind.INCOME else (diff > 0)
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
    status: VarianceStatus = attrs.field(converter=VarianceStatus, repr=_enum_repr)
    """The verdict of the thresholds."""

    def __attrs_post_init__(self) -> None:
        if self.actual.currency is not self.budget.currency:
            msg = f"'actual' {self.actual} is not in the budget's currency {self.budget.currency}"
            raise CurrencyMismatchError(msg)

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

    def percent(self, places: int = 1, *, rounding: Rounding = Rounding.HALF_UP) -> Decimal | None:
        """The variance in percent of the budget, rounded to *places*; `None` for a zero budget.

        Examples:
            >>> f = VarianceFigures(budget=Money("300.00", "CNY"), actual=Money("310.00", "CNY"),
            ...                     status="ok")
            >>> f.fraction, f.percent(), f.percent(2)
            (Fraction(1, 30), Decimal('3.3'), Decimal('3.33'))
        """
        value = self.fraction
        if value is None:
            return None
        if check_int("places", places) < 0:
            msg = f"'places' must be a non-negative int, got {places!r}"
            raise InvalidValueError(msg)
        return Decimal(Rounding(rounding).round_fraction(value * 100 * 10**places)).scaleb(-places)


@attrs.frozen(kw_only=True)
class VarianceRow:
    """One row of a [VarianceReport][propstd.budgets.VarianceReport]."""

    level: RowLevel = attrs.field(converter=RowLevel, repr=_enum_repr)
    """A line, a category or a total."""
    label: str = attrs.field(validator=lambda _i, a, v: check_str(a.name, v))
    """The line's code, the category, or `income`, `cost`, `net`."""
    kind: LineKind | None = attrs.field(
        converter=attrs.converters.optional(LineKind),
        repr=lambda k: repr(None if k is None else k.value),
    )
    """Income or cost; `None` for the net result."""
    month: VarianceFigures = attrs.field(validator=attrs.validators.instance_of(VarianceFigures))
    """The figures of the month."""
    year_to_date: VarianceFigures = attrs.field(
        validator=attrs.validators.instance_of(VarianceFigures)
    )
    """The figures from January to the end of the month."""


_HEADERS = (
    "line",
    "budget",
    "actual",
    "variance",
    "%",
    "status",
    "YTD budget",
    "YTD actual",
    "YTD variance",
    "YTD %",
    "YTD status",
)


def _fmt_money(m: Money) -> str:
    return f"{m.amount:,}"


def _fmt_pct(f: VarianceFigures) -> str:
    p = f.percent()
    return "n/a" if p is None else f"{p:+}%"


def _cells(row: VarianceRow) -> tuple[str, ...]:
    indent = {RowLevel.LINE: "  ", RowLevel.CATEGORY: "", RowLevel.TOTAL: ""}[row.level]
    label = indent + (row.label if row.level is RowLevel.LINE else row.label.upper())
    out = [label]
    for f in (row.month, row.year_to_date):
        out += [_fmt_money(f.budget), _fmt_money(f.actual), _fmt_money(f.variance), _fmt_pct(f)]
        out.append(f.status.value)
    return tuple(out)


@attrs.frozen(kw_only=True)
class VarianceReport:
    """Budget against actual for one month and the year to date, per line, category and total.

    Rows come in the budget's line order within each category, then one row per category, then
    the totals `income`, `cost` and `net` (income − cost). Print it with
    [to_text][propstd.budgets.VarianceReport.to_text] or
    [to_markdown][propstd.budgets.VarianceReport.to_markdown]; notebooks show it as HTML.
    """

    year: int = attrs.field(validator=_year)
    """The budget year."""
    period: Period = attrs.field(validator=_month_period)
    """The month reported on."""
    as_of: datetime = attrs.field(validator=lambda _i, a, v: check_aware(a.name, v))
    """The instant of the report."""
    currency: Currency = attrs.field(converter=Currency, repr=_enum_repr)
    """The currency of every amount."""
    thresholds: VarianceThresholds = attrs.field(
        validator=attrs.validators.instance_of(VarianceThresholds)
    )
    """The thresholds that gave the statuses."""
    rows: tuple[VarianceRow, ...] = attrs.field(converter=_items)
    """Lines, categories, then the totals."""

    @property
    def complete(self) -> bool:
        """Whether the month was over at *as_of* (its local date is after the month)."""
        return self.as_of.date() >= self.period.end

    def rows_at(self, level: RowLevel | str) -> tuple[VarianceRow, ...]:
        """The rows of one level."""
        lv = RowLevel(level)
        return tuple(r for r in self.rows if r.level is lv)

    def row(self, label: str, level: RowLevel | str = RowLevel.LINE) -> VarianceRow:
        """The row called *label* at *level* (a line code by default).

        Raises:
            InvalidValueError: there is no such row.
        """
        for r in self.rows_at(level):
            if r.label == label:
                return r
        msg = f"no {RowLevel(level).value} row {label!r} in the report"
        raise InvalidValueError(msg)

    @property
    def total(self) -> VarianceRow:
        """The net result row (income − cost)."""
        return self.row("net", RowLevel.TOTAL)

    def _title(self) -> str:
        state = "final" if self.complete else "provisional"
        return (
            f"Budget vs actual {self.period} ({self.currency.value}), as of "
            f"{self.as_of.isoformat(timespec='minutes')}, {state}"
        )

    def _legend(self) -> str:
        t = self.thresholds
        return (
            f"status: explain above {_number(t.explain * 100)}%, stop above "
            f"{_number(t.stop * 100)}% of budget ({t.side.value} variances)"
        )

    def to_text(self) -> str:
        """A fixed-width table a finance manager would print."""
        table = [_HEADERS, *(_cells(r) for r in self.rows)]
        widths = [max(len(row[i]) for row in table) for i in range(len(_HEADERS))]
        lines = [self._title()]
        for row in table:
            cells = [row[0].ljust(widths[0])] + [
                c.rjust(w) for c, w in zip(row[1:], widths[1:], strict=True)
            ]
            lines.append("  ".join(cells).rstrip())
        lines.append(self._legend())
        return "\n".join(lines)

    def to_markdown(self) -> str:
        """The table as GitHub-flavoured Markdown."""
        out = [f"**{self._title()}**", ""]
        out.append("| " + " | ".join(_HEADERS) + " |")
        out.append("|---" + "|---:" * (len(_HEADERS) - 1) + "|")
        for r in self.rows:
            cells = list(_cells(r))
            cells[0] = cells[0].strip() if r.level is RowLevel.LINE else f"**{cells[0]}**"
            out.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
        out += ["", self._legend()]
        return "\n".join(out)

    def _repr_html_(self) -> str:
        head = "".join(f"<th>{html.escape(h)}</th>" for h in _HEADERS)
        body = []
        for r in self.rows:
            cells = _cells(r)
            tag = "th" if r.level is not RowLevel.LINE else "td"
            first = f"<{tag} style='text-align:left'>{html.escape(cells[0].strip())}</{tag}>"
            rest = "".join(f"<td style='text-align:right'>{html.escape(c)}</td>" for c in cells[1:])
            body.append(f"<tr>{first}{rest}</tr>")
        return (
            f"<table><caption>{html.escape(self._title())}</caption>"
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody>"
            f"<tfoot><tr><td colspan='{len(_HEADERS)}'>{html.escape(self._legend())}</td></tr>"
            "</tfoot></table>"
        )


def variance(
    budget: Budget,
    actuals: Iterable[Actual],
    *,
    period: Period,
    as_of: datetime,
    thresholds: VarianceThresholds,
) -> VarianceReport:
    """Compare *actuals* with *budget* for the month *period* and the year to date.

    Actuals of one line and month add up; a line without actuals has actual 0. Budgets are the
    current (revised) plans.

    Args:
        budget: the year's budget.
        actuals: amounts booked per line and month.
        period: the calendar month reported on, within the budget year.
        as_of: the instant of the report (aware); no actual may belong to a later month.
        thresholds: when a variance is `explain` or `stop`.

    Raises:
        InvalidValueError: *period* is not a month of the budget year; an actual of an unknown
            line, of another year, or of a month that starts after *as_of*.
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
        ...              thresholds=limits)
        >>> row = r.row("INC-FEE")
        >>> row.month.variance, row.month.percent(), row.month.status
        (Money('-10.00', 'CNY'), Decimal('-10.0'), <VarianceStatus.EXPLAIN: 'explain'>)
        >>> row.year_to_date.budget, row.year_to_date.status
        (Money('300.00', 'CNY'), <VarianceStatus.STOP: 'stop'>)
    """
    check_type("budget", budget, Budget)
    check_type("period", period, Period)
    check_aware("as_of", as_of)
    check_type("thresholds", thresholds, VarianceThresholds)
    if period.unit is not PeriodUnit.MONTH or period.start.year != budget.year:
        msg = f"'period' must be a month of {budget.year}, got {str(period)!r}"
        raise InvalidValueError(msg)
    cur = budget.currency
    codes = {line.code for line in budget.lines}
    booked: dict[tuple[str, int], int] = {}
    for i, act in enumerate(actuals):
        check_type(f"actuals[{i}]", act, Actual)
        if act.code not in codes:
            msg = f"'actuals[{i}]' is booked on {act.code!r}, which is no line of the budget"
            raise InvalidValueError(msg)
        if act.month.start.year != budget.year:
            msg = f"'actuals[{i}]' is for {act.month}, outside the budget year {budget.year}"
            raise InvalidValueError(msg)
        if act.month.start > as_of.date():
            msg = f"'actuals[{i}]' is for {act.month}, after 'as_of' {as_of.isoformat()}"
            raise InvalidValueError(msg)
        if act.amount.currency is not cur:
            msg = f"'actuals[{i}]' is {act.amount}, the budget is in {cur}"
            raise CurrencyMismatchError(msg)
        key = (act.code, act.month.start.month)
        booked[key] = booked.get(key, 0) + act.amount.units
    month = period.start.month

    def sums(code: str) -> tuple[Money, Money, Money, Money]:
        plan = budget.plan(code)
        actual_m = booked.get((code, month), 0)
        actual_ytd = sum(booked.get((code, m), 0) for m in range(1, month + 1))
        return (
            plan.months[month - 1],
            Money.from_units(actual_m, cur),
            plan.year_to_date(month),
            Money.from_units(actual_ytd, cur),
        )

    def row(level: RowLevel, label: str, kind: LineKind | None, codes_: list[str]) -> VarianceRow:
        figures = [sums(c) for c in codes_]
        total = [Money.sum((f[i] for f in figures), currency=cur) for i in range(4)]
        return _row(level, label, kind, total, thresholds)

    rows: list[VarianceRow] = []
    category_rows: list[VarianceRow] = []
    for category in Category:
        members = [ln.code for ln in budget.lines if ln.category is category]
        if not members:
            continue
        rows += [row(RowLevel.LINE, c, category.kind, [c]) for c in members]
        category_rows.append(row(RowLevel.CATEGORY, category.value, category.kind, members))
    rows += category_rows
    kinds = {}
    for kind in LineKind:
        members = [ln.code for ln in budget.lines if ln.kind is kind]
        kinds[kind] = row(RowLevel.TOTAL, kind.value, kind, members)
        rows.append(kinds[kind])
    inc, cost = kinds[LineKind.INCOME], kinds[LineKind.COST]
    net = [
        inc.month.budget - cost.month.budget,
        inc.month.actual - cost.month.actual,
        inc.year_to_date.budget - cost.year_to_date.budget,
        inc.year_to_date.actual - cost.year_to_date.actual,
    ]
    rows.append(_row(RowLevel.TOTAL, "net", None, net, thresholds))
    return VarianceReport(
        year=budget.year,
        period=period,
        as_of=as_of,
        currency=cur,
        thresholds=thresholds,
        rows=rows,
    )


def _row(
    level: RowLevel,
    label: str,
    kind: LineKind | None,
    amounts: Sequence[Money],
    thresholds: VarianceThresholds,
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
    )
