"""Budgets of a year and their revisions with history (private)."""

from __future__ import annotations

from fractions import Fraction

import attrs

from propstd._repr import shown
from propstd._validators import check_int, check_type, nonblank
from propstd._vocab import to_member
from propstd.budgets._common import (
    _check_month,
    _enum_repr,
    _items,
    _money,
    _month_number,
    _non_negative_money,
    _str,
    _year,
)
from propstd.budgets._lines import (
    BudgetLine,
    Profile,
)
from propstd.budgets._vocab import (
    CarryForward,
    LineKind,
)
from propstd.errors import CurrencyMismatchError, InvalidValueError
from propstd.money import Currency, Money, allocate

__all__: list[str] = []


# -- budgets and revisions ----------------------------------------------------------------


def _to_carry_forward(value: CarryForward | str) -> CarryForward:
    return to_member("carry_forward", CarryForward, value)


@attrs.frozen(kw_only=True)
class Revision:
    """A change to one line's annual amount from *from_month* on.

    The months before *from_month* stay as planned (`carry_forward="none"`) or are closed at
    what was *spent* (`carry_forward="unspent"`, one amount per earlier month, January first),
    which moves the unspent amount (or the overspend) into the remaining months. The rest of the
    revised *annual* amount is re-split over months *from_month*–12 with the line's profile (or
    *profile*), so the year's months always add up to *annual*.

    Raises:
        InvalidValueError: a month outside 1–12, a negative amount, *spent* given for
            `carry_forward="none"` or not one amount per earlier month for `"unspent"`.
        CurrencyMismatchError: *spent* in another currency than *annual*.

    Examples:
        >>> Revision(code="COST-OPS", from_month=7, annual=Money("1040000.00", "CNY"),
        ...          reason="energy tariff up")  # doctest: +ELLIPSIS
        Revision(code='COST-OPS', from_month=7, annual=Money('1040000.00', 'CNY'), ...)
    """

    code: str = attrs.field(validator=nonblank)
    """The code of the revised line."""
    from_month: int = attrs.field(validator=_month_number)
    """The first month (1–12) the revision changes."""
    annual: Money = attrs.field(validator=_non_negative_money)
    """The revised annual amount of the line."""
    reason: str = attrs.field(default="", validator=_str)
    """Why the line was revised (kept in the history)."""
    carry_forward: CarryForward = attrs.field(
        default=CarryForward.NONE, converter=_to_carry_forward, repr=_enum_repr
    )
    """What happens to the months before *from_month*."""
    spent: tuple[Money, ...] = attrs.field(default=(), converter=_items)
    """For `carry_forward="unspent"`: the actual amount of each earlier month."""
    profile: Profile | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Profile))
    )
    """The profile for the remaining months, or `None` to keep the line's."""

    def __attrs_post_init__(self) -> None:
        for i, m in enumerate(self.spent):
            check_type(f"spent[{i}]", m, Money)
            if m.currency is not self.annual.currency:
                msg = f"'spent[{i}]' is {m}, not in the 'annual' currency {self.annual.currency}"
                raise CurrencyMismatchError(msg, field=f"spent[{i}]", value=m)
        if self.carry_forward is CarryForward.NONE and self.spent:
            msg = f"'spent' must be empty when 'carry_forward' is 'none', got {len(self.spent)}"
            raise InvalidValueError(msg, field="spent", value=self.spent)
        if self.carry_forward is CarryForward.UNSPENT and len(self.spent) != self.from_month - 1:
            msg = (
                f"'spent' must hold one amount per month before {self.from_month} "
                f"({self.from_month - 1}), got {len(self.spent)}"
            )
            raise InvalidValueError(msg, field="spent", value=self.spent)


@attrs.frozen(kw_only=True)
class LinePlan:
    """The monthly plan of one line: the original, or the plan after a revision."""

    code: str = attrs.field(validator=_str)
    """The line's code."""
    annual: Money = attrs.field(validator=_money)
    """The annual amount of this plan."""
    months: tuple[Money, ...] = attrs.field(converter=_items)
    """Twelve monthly amounts, January first, summing to *annual*."""
    revision: Revision | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Revision))
    )
    """The revision that produced this plan (`None` for the original)."""

    def __attrs_post_init__(self) -> None:
        if len(self.months) != 12:
            msg = f"'months' must hold 12 amounts, got {len(self.months)}"
            raise InvalidValueError(msg, field="months", value=self.months)
        if Money.sum(self.months, currency=self.annual.currency) != self.annual:
            msg = f"'months' do not sum to the 'annual' amount {self.annual}"
            raise InvalidValueError(msg, field="months", value=self.months)

    def year_to_date(self, month: int) -> Money:
        """The plan of months 1 to *month* (inclusive)."""
        _check_month("month", check_int("month", month))
        return Money.sum(self.months[:month], currency=self.annual.currency)


@attrs.frozen(kw_only=True)
class Budget:
    """The income and cost budget of one year, with its revisions and their history.

    Raises:
        InvalidValueError: no lines, a repeated code, a revision of an unknown line, revisions
            of one line out of month order, or a revision whose remaining amount would be
            negative (the revised annual amount is below what the earlier months hold).
        CurrencyMismatchError: lines or revisions in more than one currency.

    Examples:
        >>> fee = BudgetLine("INC-FEE", "income", "service_fee", Money("1200.00", "CNY"))
        >>> rev = Revision(code="INC-FEE", from_month=7, annual=Money("1260.00", "CNY"))
        >>> b = Budget(year=2025, lines=[fee], revisions=[rev])
        >>> b.plan("INC-FEE").months[5], b.plan("INC-FEE").months[6]
        (Money('100.00', 'CNY'), Money('110.00', 'CNY'))
        >>> [str(p.annual) for p in b.history("INC-FEE")]
        ['1200.00 CNY', '1260.00 CNY']
    """

    year: int = attrs.field(validator=_year)
    """The budget year."""
    lines: tuple[BudgetLine, ...] = attrs.field(converter=_items)
    """The lines, in the order of the tables."""
    revisions: tuple[Revision, ...] = attrs.field(default=(), converter=_items)
    """The revisions, applied in order (per line in month order)."""
    _history: tuple[tuple[LinePlan, ...], ...] = attrs.field(
        init=False, eq=False, repr=False, hash=False
    )

    def __attrs_post_init__(self) -> None:
        if not self.lines:
            msg = "'lines' must hold at least one BudgetLine"
            raise InvalidValueError(msg, field="lines", value=self.lines)
        codes: list[str] = []
        currency = None
        for i, line in enumerate(self.lines):
            check_type(f"lines[{i}]", line, BudgetLine)
            if line.code in codes:
                msg = f"'lines' repeat the code {shown(line.code)}"
                raise InvalidValueError(msg, field=f"lines[{i}]", value=line)
            codes.append(line.code)
            currency = currency or line.annual.currency
            if line.annual.currency is not currency:
                msg = f"'lines[{i}]' is in {line.annual.currency}, the budget in {currency}"
                raise CurrencyMismatchError(msg, field=f"lines[{i}]", value=line)
        history: dict[str, list[LinePlan]] = {
            line.code: [
                LinePlan(code=line.code, annual=line.annual, months=line.monthly(self.year))
            ]
            for line in self.lines
        }
        for i, rev in enumerate(self.revisions):
            check_type(f"revisions[{i}]", rev, Revision)
            if rev.code not in history:
                msg = f"'revisions[{i}]' revises {shown(rev.code)}, which is no line of the budget"
                raise InvalidValueError(msg, field=f"revisions[{i}]", value=rev)
            if rev.annual.currency is not currency:
                msg = f"'revisions[{i}]' is in {rev.annual.currency}, the budget in {currency}"
                raise CurrencyMismatchError(msg, field=f"revisions[{i}]", value=rev)
            plans = history[rev.code]
            last = plans[-1]
            if last.revision is not None and rev.from_month < last.revision.from_month:
                msg = (
                    f"'revisions[{i}]' starts in month {rev.from_month}, before the previous "
                    f"revision of {rev.code!r} (month {last.revision.from_month})"
                )
                raise InvalidValueError(msg, field=f"revisions[{i}]", value=rev)
            line = self.line(rev.code)
            plans.append(self._revise(line, last, rev, i))
        object.__setattr__(  # attrs' documented way to set a derived field of a frozen class
            self, "_history", tuple(tuple(history[line.code]) for line in self.lines)
        )

    def _revise(self, line: BudgetLine, last: LinePlan, rev: Revision, index: int) -> LinePlan:
        k = rev.from_month - 1
        cur = rev.annual.currency
        before = rev.spent if rev.carry_forward is CarryForward.UNSPENT else last.months[:k]
        remaining = rev.annual - Money.sum(before, currency=cur)
        if remaining.units < 0:
            msg = (
                f"'revisions[{index}]' sets {rev.code!r} to {rev.annual}, but months 1–{k} "
                f"already hold {Money.sum(before, currency=cur)}"
            )
            raise InvalidValueError(msg, field=f"revisions[{index}]", value=rev)
        profile = rev.profile or line.profile
        weights = profile.month_weights(self.year)[k:]
        if sum(weights) == 0:
            if not remaining.is_zero:
                msg = (
                    f"'revisions[{index}]': profile {profile.label!r} gives months "
                    f"{rev.from_month}–12 no weight to spread {remaining}"
                )
                raise InvalidValueError(msg, field=f"revisions[{index}]", value=rev)
            weights = (Fraction(1),) * len(weights)
        rest = allocate(remaining, weights)
        return LinePlan(code=rev.code, annual=rev.annual, months=(*before, *rest), revision=rev)

    @property
    def currency(self) -> Currency:
        """The budget's currency."""
        return self.lines[0].annual.currency

    def line(self, code: str) -> BudgetLine:
        """The line with *code*.

        Raises:
            InvalidValueError: no line has that code.
        """
        for line in self.lines:
            if line.code == code:
                return line
        msg = f"no budget line {shown(code)}; codes are {shown([ln.code for ln in self.lines])}"
        raise InvalidValueError(msg, field="code", value=code)

    def history(self, code: str) -> tuple[LinePlan, ...]:
        """Every plan of the line *code*: the original first, then one per revision."""
        self.line(code)
        return next(h for h in self._history if h[0].code == code)

    def plan(self, code: str) -> LinePlan:
        """The current (last revised) plan of the line *code*."""
        return self.history(code)[-1]

    def plans(self) -> tuple[LinePlan, ...]:
        """The current plan of every line, in line order."""
        return tuple(h[-1] for h in self._history)

    def total(self, kind: LineKind | str) -> Money:
        """The current annual total of all lines of *kind* (`"income"`, `"收入"`, `"cost"` ...)."""
        k = to_member("kind", LineKind, kind)
        return Money.sum(
            (p.annual for line, p in zip(self.lines, self.plans(), strict=True) if line.kind is k),
            currency=self.currency,
        )
