"""Vocabularies of budgets: kinds, categories, profiles, revision and variance choices (private).

Each reads its English value, its Chinese label and the seeds' words (`"收入"`, `"物业服务费"`,
`"人工成本"` ...), ignoring case and surrounding blanks, and is written back in English.
"""

from __future__ import annotations

from propstd._vocab import Vocabulary

__all__: list[str] = []


# -- vocabularies -------------------------------------------------------------------------


class LineKind(Vocabulary):
    """Whether a budget line is income (收入) or cost (支出).

    Examples:
        >>> LineKind("收入"), LineKind("支出"), LineKind.COST.label_zh
        (<LineKind.INCOME: 'income'>, <LineKind.COST: 'cost'>, '支出')
    """

    INCOME = "income", "收入"
    """Money coming in (收入): more than budgeted is favourable."""
    COST = "cost", "支出", "成本"
    """Money going out (支出): less than budgeted is favourable."""


class BudgetCategory(Vocabulary):
    """The category of a budget line; each belongs to one [LineKind][propstd.budgets.LineKind].

    The seeds' income lines are 物业服务费, 停车费, 有偿服务 and 其他收入; their cost lines are
    人工成本, 物料 and 外包服务 (procurement), 运营费用, and 租金税费及其他.

    Examples:
        >>> BudgetCategory.PARKING.kind, BudgetCategory.LABOUR.kind
        (<LineKind.INCOME: 'income'>, <LineKind.COST: 'cost'>)
        >>> BudgetCategory("物业服务费"), BudgetCategory.RENT_TAX_OTHER.label_zh
        (<BudgetCategory.SERVICE_FEE: 'service_fee'>, '租金税费及其他')
    """

    SERVICE_FEE = "service_fee", "物业服务费", "物业费"
    """Income: property service fees (物业服务费)."""
    PARKING = "parking", "停车费", "车位费"
    """Income: parking fees (停车费)."""
    PAID_SERVICES = "paid_services", "有偿服务", "有偿服务收入"
    """Income: paid services to households (有偿服务)."""
    OTHER = "other", "其他收入"
    """Income: other income (其他收入)."""
    LABOUR = "labour", "人工成本", "人工", "labor"
    """Cost: wages, social insurance, bonuses (人工成本)."""
    MATERIALS = "materials", "物料", "物料采购"
    """Cost: procured materials (物料采购)."""
    SERVICES = "services", "外包服务", "外委服务", "采购服务"
    """Cost: purchased services such as lift or greening contracts (外包服务)."""
    OPERATIONS = "operations", "运营费用", "运营成本"
    """Cost: operating costs, public-area energy, office (运营费用)."""
    RENT_TAX_OTHER = "rent_tax_other", "租金税费及其他", "租金、税费及其他"
    """Cost: rent, taxes and other costs (租金、税费及其他)."""

    @property
    def kind(self) -> LineKind:
        """The kind of line this category belongs to."""
        return _INCOME_CATEGORIES.get(self, LineKind.COST)


_INCOME_CATEGORIES = {
    BudgetCategory.SERVICE_FEE: LineKind.INCOME,
    BudgetCategory.PARKING: LineKind.INCOME,
    BudgetCategory.PAID_SERVICES: LineKind.INCOME,
    BudgetCategory.OTHER: LineKind.INCOME,
}


class ProfileKind(Vocabulary):
    """How a [Profile][propstd.budgets.Profile] weighs the months of a year."""

    EVEN = "even", "平均", "均摊"
    """Every month the same weight."""
    BY_DAYS = "by_days", "按天数", "按日"
    """Each month weighted by its number of days (28–31)."""
    WEIGHTS = "weights", "按权重", "权重"
    """Twelve explicit weights, January first."""


class CarryForward(Vocabulary):
    """What a [Revision][propstd.budgets.Revision] does with the months before it."""

    NONE = "none", "不结转"
    """The earlier months keep their budget; the rest of the revised amount is re-split."""
    UNSPENT = "unspent", "结转结余", "结转"
    """The earlier months are closed at what was spent; the unspent amount (or the overspend)
    moves into the remaining months."""


class VarianceStatus(Vocabulary):
    """The verdict on one variance figure (正常, 需说明, 叫停).

    Examples:
        >>> VarianceStatus("需说明"), VarianceStatus.STOP.label_zh
        (<VarianceStatus.EXPLAIN: 'explain'>, '叫停')
    """

    OK = "ok", "正常"
    """Within the explain threshold (or favourable, when only adverse variances count)."""
    EXPLAIN = "explain", "需说明", "说明"
    """Beyond the explain threshold: the manager writes an explanation."""
    STOP = "stop", "叫停", "停止"
    """Beyond the stop threshold: spending stops or the plan is revised."""


class VarianceSide(Vocabulary):
    """Which variances the thresholds judge."""

    ADVERSE = "adverse", "不利差异", "不利"
    """Only adverse variances (income short, cost over); favourable ones are `ok`."""
    BOTH = "both", "双向"
    """Variances either way."""


class RowLevel(Vocabulary):
    """The level of a row in a [VarianceReport][propstd.budgets.VarianceReport]."""

    LINE = "line", "科目", "预算行"
    """One budget line."""
    CATEGORY = "category", "类别"
    """All lines of one category."""
    TOTAL = "total", "合计"
    """All income, all cost, or the net result (income − cost)."""
