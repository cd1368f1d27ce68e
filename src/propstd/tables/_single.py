"""The kinds with one record per row: checks, actuals, collections (private)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import attrs

from propstd._validators import check_type
from propstd.budgets import Actual
from propstd.errors import CurrencyMismatchError, InvalidValueError, PropstdError
from propstd.inspections import CheckRecord
from propstd.money import Currency, Money
from propstd.periods import Period, PeriodUnit
from propstd.routines import RoutineEntry
from propstd.tables._cells import (
    choice_cell,
    decimal_cell,
    instant_cell,
    int_cell,
    items_cell,
    month_cell,
    text_cell,
)
from propstd.tables._layout import Layout, Row, TableKind, col, value_or

__all__: list[str] = []


def money(name: str, amount: Any, currency: Currency) -> Money:
    """`Money(amount, currency)`, a refusal naming the column *name*."""
    try:
        return Money(amount, currency)
    except PropstdError as exc:
        raise InvalidValueError(exc.message, field=name, value=amount) from None


# -- checks --------------------------------------------------------------------------------

CHECK_COLUMNS = (
    col(
        "item_code",
        "检查项目代码",
        text_cell(),
        "The code of the check item (检查点) checked: `SEC-01`.",
        required=True,
        needs_value=True,
    ),
    col(
        "at",
        "检查时间",
        instant_cell(),
        "When the check was done.",
        required=True,
        needs_value=True,
    ),
    col(
        "inspector",
        "检查人",
        text_cell(),
        "Who checked; empty means not recorded (the record is then not traceable).",
        required=True,
    ),
    col(
        "samples",
        "抽样数",
        int_cell(),
        "How many samples the check looked at (at least 1).",
        default="1",
    ),
    col(
        "evidence",
        "证据",
        items_cell(),
        "Evidence references (photo ids, sample locations), separated by `;`.",
        default="none",
    ),
    col(
        "round_id",
        "轮次",
        text_cell(),
        "The round (pass through the checklist); empty: the checklist's round of that day.",
    ),
)


def _check(v: Row) -> CheckRecord:
    # `or` for the defaults of text and lists (a blank cell is None, never "" or ()); the hot
    # path of the benchmark, so no helper call
    return CheckRecord(
        v[0],
        v[1],
        v[2] or "",
        samples=1 if v[3] is None else v[3],
        evidence=v[4] or (),
        round_id=v[5] or "",
    )


def _check_rows(r: CheckRecord) -> Iterator[Row]:
    yield [r.item_code, r.at, r.inspector, r.samples, r.evidence or None, r.round_id]


CHECKS = Layout(TableKind.CHECKS, CHECK_COLUMNS, _check, None, _check_rows, CheckRecord)

# -- actuals --------------------------------------------------------------------------------

_CURRENCY = col(
    "currency",
    "币种",
    choice_cell("currency", Currency),
    "The currency of the amounts (ISO 4217 code).",
    default="CNY",
)

ACTUAL_COLUMNS = (
    col(
        "code",
        "科目代码",
        text_cell(),
        "The code of the budget line (`INC-FEE`).",
        required=True,
        needs_value=True,
    ),
    col(
        "month",
        "月份",
        month_cell(),
        "The calendar month the amount belongs to (`2025-03`).",
        required=True,
        needs_value=True,
    ),
    col(
        "amount",
        "金额",
        decimal_cell(),
        "The amount booked (exact; negative for a refund).",
        required=True,
        needs_value=True,
    ),
    _CURRENCY,
)


def _actual(v: Row) -> Actual:
    return Actual(code=v[0], month=v[1], amount=money("amount", v[2], value_or(v[3], Currency.CNY)))


def _actual_rows(a: Actual) -> Iterator[Row]:
    yield [a.code, a.month, a.amount.amount, a.amount.currency]


ACTUALS = Layout(TableKind.ACTUALS, ACTUAL_COLUMNS, _actual, None, _actual_rows, Actual)

# -- collections ------------------------------------------------------------------------------


def _month(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if check_type(attribute.name, value, Period).unit is not PeriodUnit.MONTH:
        msg = f"'month' must be a calendar month, got {str(value)!r}"
        raise InvalidValueError(msg, field="month", value=value)


def _money(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if check_type(attribute.name, value, Money).units < 0:
        msg = f"{attribute.name!r} must not be negative, got {value!r}"
        raise InvalidValueError(msg, field=attribute.name, value=value)


@attrs.frozen(kw_only=True)
class Collection:
    """Fee collection (物业费收缴) of one month: the year's billed fees and the month's takings.

    One row of a collection table. The inputs of
    [collection_progress][propstd.budgets.collection_progress] for a month are the `billed` of
    that month's row and the `collected` of each month from January to it.

    Raises:
        TypeError: a field has the wrong type.
        InvalidValueError: `month` is not a calendar month, or an amount is negative.
        CurrencyMismatchError: the two amounts are in different currencies.

    Examples:
        >>> from propstd.money import Money
        >>> from propstd.periods import Period
        >>> Collection(month=Period.parse("2025-03"), billed=Money("4608000", "CNY"),
        ...            collected=Money("402500", "CNY"))  # doctest: +NORMALIZE_WHITESPACE
        Collection(month=Period.parse('2025-03'), billed=Money('4608000.00', 'CNY'),
                   collected=Money('402500.00', 'CNY'))
    """

    month: Period = attrs.field(validator=_month)
    """The calendar month."""
    billed: Money = attrs.field(validator=_money)
    """The fees billed for the year (年度应收), as known in this month."""
    collected: Money = attrs.field(validator=_money)
    """The fees collected in the month (当月实收)."""

    def __attrs_post_init__(self) -> None:
        if self.billed.currency is not self.collected.currency:
            msg = (
                f"'collected' is in {self.collected.currency}, 'billed' in "
                f"{self.billed.currency}: a row has one currency"
            )
            raise CurrencyMismatchError(msg, field="collected", value=self.collected)


COLLECTION_COLUMNS = (
    col(
        "month",
        "月份",
        month_cell(),
        "The calendar month (`2025-03`).",
        required=True,
        needs_value=True,
    ),
    col(
        "billed",
        "年度应收",
        decimal_cell(),
        "The fees billed for the year (应收), as known in this month.",
        required=True,
        needs_value=True,
    ),
    col(
        "collected",
        "当月实收",
        decimal_cell(),
        "The fees collected in the month (实收).",
        required=True,
        needs_value=True,
    ),
    _CURRENCY,
)


def _collection(v: Row) -> Collection:
    currency = value_or(v[3], Currency.CNY)
    return Collection(
        month=v[0],
        billed=money("billed", v[1], currency),
        collected=money("collected", v[2], currency),
    )


def _collection_rows(c: Collection) -> Iterator[Row]:
    yield [c.month, c.billed.amount, c.collected.amount, c.billed.currency]


COLLECTIONS = Layout(
    TableKind.COLLECTIONS,
    COLLECTION_COLUMNS,
    _collection,
    None,
    _collection_rows,
    Collection,
)

# -- the duty log -----------------------------------------------------------------------------

ROUTINE_COLUMNS = (
    col(
        "code",
        "工作代码",
        text_cell(),
        "The routine or duty done (`MORNING`, `TRAIN`), as the standard names it.",
        required=True,
        needs_value=True,
    ),
    col("at", "完成时间", instant_cell(), "When it was done.", required=True, needs_value=True),
    col(
        "by",
        "完成人",
        text_cell(),
        "Who did it (or chaired it).",
        required=True,
        needs_value=True,
    ),
    col(
        "evidence",
        "证据",
        items_cell(),
        "References to the evidence (minutes, sign-in sheet, photo ids), separated by `;`.",
        default="none",
    ),
    col(
        "subject",
        "对象",
        text_cell(),
        "What it was done for (a household, a building), when that matters.",
    ),
)


def _entry(v: Row) -> RoutineEntry:
    return RoutineEntry(v[0], v[1], v[2], evidence=v[3] or (), subject=v[4] or "")


def _entry_rows(e: RoutineEntry) -> Iterator[Row]:
    yield [e.code, e.at, e.by, e.evidence or None, e.subject]


ROUTINE_LOG = Layout(
    TableKind.ROUTINE_LOG, ROUTINE_COLUMNS, _entry, None, _entry_rows, RoutineEntry
)
