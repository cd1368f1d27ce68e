"""Vocabularies of budgets: kinds, categories, profiles, revision and variance choices (private)."""

from __future__ import annotations

import enum

__all__: list[str] = []


# -- vocabularies -------------------------------------------------------------------------


class LineKind(enum.StrEnum):
    """Whether a budget line is income or cost."""

    INCOME = "income"
    """Money coming in (收入): more than budgeted is favourable."""
    COST = "cost"
    """Money going out (支出): less than budgeted is favourable."""


class Category(enum.StrEnum):
    """The category of a budget line; each belongs to one [LineKind][propstd.budgets.LineKind].

    Examples:
        >>> Category.PARKING.kind, Category.LABOUR.kind
        (<LineKind.INCOME: 'income'>, <LineKind.COST: 'cost'>)
    """

    SERVICE_FEE = "service_fee"
    """Income: property service fees (物业服务费)."""
    PARKING = "parking"
    """Income: parking fees (停车费)."""
    PAID_SERVICES = "paid_services"
    """Income: paid services to households (有偿服务)."""
    OTHER = "other"
    """Income: other income (其他收入)."""
    LABOUR = "labour"
    """Cost: wages, social insurance, bonuses (人工成本)."""
    MATERIALS = "materials"
    """Cost: procured materials (物料采购)."""
    SERVICES = "services"
    """Cost: purchased services such as lift or greening contracts (外包服务)."""
    OPERATIONS = "operations"
    """Cost: operating costs, public-area energy, office (运营费用)."""
    RENT_TAX_OTHER = "rent_tax_other"
    """Cost: rent, taxes and other costs (租金、税费及其他)."""

    @property
    def kind(self) -> LineKind:
        """The kind of line this category belongs to."""
        return _INCOME_CATEGORIES.get(self, LineKind.COST)


_INCOME_CATEGORIES = {
    Category.SERVICE_FEE: LineKind.INCOME,
    Category.PARKING: LineKind.INCOME,
    Category.PAID_SERVICES: LineKind.INCOME,
    Category.OTHER: LineKind.INCOME,
}


class ProfileKind(enum.StrEnum):
    """How a [Profile][propstd.budgets.Profile] weighs the months of a year."""

    EVEN = "even"
    """Every month the same weight."""
    BY_DAYS = "by_days"
    """Each month weighted by its number of days (28–31)."""
    WEIGHTS = "weights"
    """Twelve explicit weights, January first."""


class CarryForward(enum.StrEnum):
    """What a [Revision][propstd.budgets.Revision] does with the months before it."""

    NONE = "none"
    """The earlier months keep their budget; the rest of the revised amount is re-split."""
    UNSPENT = "unspent"
    """The earlier months are closed at what was spent; the unspent amount (or the overspend)
    moves into the remaining months."""


class VarianceStatus(enum.StrEnum):
    """The verdict on one variance figure."""

    OK = "ok"
    """Within the explain threshold (or favourable, when only adverse variances count)."""
    EXPLAIN = "explain"
    """Beyond the explain threshold: the manager writes an explanation."""
    STOP = "stop"
    """Beyond the stop threshold: spending stops or the plan is revised."""


class VarianceSide(enum.StrEnum):
    """Which variances the thresholds judge."""

    ADVERSE = "adverse"
    """Only adverse variances (income short, cost over); favourable ones are `ok`."""
    BOTH = "both"
    """Variances either way."""


class RowLevel(enum.StrEnum):
    """The level of a row in a [VarianceReport][propstd.budgets.VarianceReport]."""

    LINE = "line"
    """One budget line."""
    CATEGORY = "category"
    """All lines of one category."""
    TOTAL = "total"
    """All income, all cost, or the net result (income − cost)."""
