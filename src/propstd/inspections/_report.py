"""The seven QPI indicators against targets, as text, markdown and HTML (private part)."""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction
from typing import Any

import attrs

from propstd._table import Column, Rendered, Table, cell
from propstd._validators import check_type, is_str, to_tuple
from propstd._vocab import Vocabulary, to_member
from propstd.errors import InvalidValueError
from propstd.findings import Category
from propstd.inspections._tally import QpiTally
from propstd.rates import Rate, Target, TargetResult

__all__ = [
    "Indicator",
    "IndicatorResult",
    "IndicatorRow",
    "QpiReport",
    "QpiTargets",
    "qpi_report",
]


class Indicator(Vocabulary):
    """The seven QPI indicators (七大指标) propstd computes."""

    COVERAGE = "coverage", "覆盖率"
    """覆盖率: completed / required check points."""
    FREQUENCY_COMPLETION = "frequency_completion", "频次完成率"
    """频次完成率: completed / required rounds."""
    TRACEABILITY = "traceability", "可追溯性", "可追溯率"
    """可追溯性: traceable / all records."""
    CLOSURE = "closure", "二次验证关闭率", "二次验证关闭项比率", "关闭率"
    """二次验证关闭率: closed / counted findings of the closure categories."""
    SUGGESTION_RATE = "suggestion_rate", "建议项比率"
    """建议项比率: suggestion findings / completed check points."""
    RECTIFICATION_RATE = "rectification_rate", "整改项比率"
    """整改项比率: rectification findings / completed check points."""
    DEDUCTION_RATE = "deduction_rate", "扣分项比率"
    """扣分项比率: deduction findings / completed check points."""

    @property
    def label(self) -> str:
        """The English name (Coverage, Frequency completion …)."""
        return self.value.replace("_", " ").capitalize()


def _to_indicator(value: Indicator | str) -> Indicator:
    return to_member("indicator", Indicator, value)


_CATEGORY_RATE = {
    Indicator.SUGGESTION_RATE: Category.SUGGESTION,
    Indicator.RECTIFICATION_RATE: Category.RECTIFICATION,
    Indicator.DEDUCTION_RATE: Category.DEDUCTION,
}


def _target(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    check_type(attribute.name, value, Target)


def _categories(value: Iterable[Category | str]) -> tuple[Category, ...]:
    given = to_tuple(value)
    out = tuple(dict.fromkeys(to_member("closure_categories", Category, c) for c in given))
    if not out:
        msg = "'closure_categories' must name at least one category, got ()"
        raise InvalidValueError(msg, field="closure_categories", value=given)
    return out


@attrs.frozen(kw_only=True)
class QpiTargets:
    """The target of each indicator and the categories that count for closure.

    Targets are data: replace any field with `attrs.evolve`.

    Examples:
        >>> import attrs
        >>> t = attrs.evolve(QpiTargets.seed(), coverage=Target.parse("≥ 95%"))
        >>> str(t.coverage), str(t.frequency_completion), [c.value for c in t.closure_categories]
        ('≥ 95%', '≥ 75%', ['suggestion', 'deduction'])
    """

    coverage: Target = attrs.field(validator=_target)
    """覆盖率 target."""
    frequency_completion: Target = attrs.field(validator=_target)
    """频次完成率 target."""
    traceability: Target = attrs.field(validator=_target)
    """可追溯性 target."""
    closure: Target = attrs.field(validator=_target)
    """二次验证关闭率 target."""
    suggestion_rate: Target = attrs.field(validator=_target)
    """建议项比率 target."""
    rectification_rate: Target = attrs.field(validator=_target)
    """整改项比率 target."""
    deduction_rate: Target = attrs.field(validator=_target)
    """扣分项比率 target."""
    closure_categories: tuple[Category, ...] = attrs.field(
        default=(Category.SUGGESTION, Category.DEDUCTION),
        converter=_categories,
        repr=lambda cs: repr(tuple(c.value for c in cs)),
    )
    """The finding categories whose closure is measured (二次验证关闭项)."""

    @classmethod
    def seed(cls) -> QpiTargets:
        """The seed company's targets: frequency completion ≥ 75 %, traceability and closure
        100 % (over suggestion and deduction items), each finding ratio ≥ 5 %. The seed sets
        no coverage target (any value is met).

        References:
            seed-rules §1 (QPI 七大指标).
        """
        five = Target(minimum=Fraction(1, 20))
        return cls(
            coverage=Target(),
            frequency_completion=Target(minimum=Fraction(3, 4)),
            traceability=Target(minimum=1),
            closure=Target(minimum=1),
            suggestion_rate=five,
            rectification_rate=five,
            deduction_rate=five,
        )

    def target_of(self, indicator: Indicator | str) -> Target:
        """The target of *indicator*."""
        target: Target = getattr(self, _to_indicator(indicator).value)
        return target


@attrs.frozen(kw_only=True)
class IndicatorResult:
    """One indicator: its rate, its target and how the rate fares."""

    indicator: Indicator = attrs.field(converter=_to_indicator, repr=lambda i: repr(i.value))
    """Which indicator."""
    rate: Rate = attrs.field(validator=attrs.validators.instance_of(Rate))
    """The exact rate (numerator/denominator)."""
    target: Target = attrs.field(validator=_target)
    """The target it is judged by."""

    @property
    def result(self) -> TargetResult:
        """Met, missed or not applicable (`0/0`)."""
        return self.target.evaluate(self.rate)


def _rate(numerator: Fraction | int, denominator: Fraction | int) -> Rate:
    # a ratio to nothing (findings without completed check points) is not applicable
    return Rate(numerator, denominator) if denominator else Rate.not_applicable()


@attrs.frozen(kw_only=True)
class IndicatorRow:
    """One row of a QPI report, as plain typed values (what `rows()` returns)."""

    indicator: Indicator
    """Which indicator (its English key)."""
    title_zh: str
    """Its Chinese name (覆盖率 ...)."""
    title: str
    """Its English name."""
    rate: Rate
    """The exact rate."""
    target: str
    """The target, as text (`"≥ 75%"`, `"any"`)."""
    result: TargetResult
    """Met, missed or not applicable."""


_COLUMNS = (
    Column("指标 Indicator"),
    Column("值 Value", "right"),
    Column("目标 Target"),
    Column("结果 Result"),
)


@attrs.frozen(kw_only=True, repr=False)
class QpiReport(Rendered):
    """The seven QPI indicators of a tally against targets.

    `rows()` gives one typed row per indicator; `str()`/`to_text()`, `to_markdown()`,
    `to_html()` and notebooks show them as a table with the counts under it.
    """

    tally: QpiTally = attrs.field(validator=attrs.validators.instance_of(QpiTally))
    """The counts the indicators come from."""
    targets: QpiTargets = attrs.field(validator=attrs.validators.instance_of(QpiTargets))
    """The targets they are judged by."""
    title: str = attrs.field(default="", validator=is_str)
    """A heading for the renderings (property and month)."""

    def rate(self, indicator: Indicator | str) -> Rate:
        """The rate of *indicator*."""
        t = self.tally
        which = _to_indicator(indicator)
        if which is Indicator.COVERAGE:
            return _rate(t.completed_points, t.required_points)
        if which is Indicator.FREQUENCY_COMPLETION:
            return _rate(t.completed_rounds, t.required_rounds)
        if which is Indicator.TRACEABILITY:
            return _rate(t.traceable_records, t.records)
        if which is Indicator.CLOSURE:
            cats = self.targets.closure_categories
            return _rate(sum(t.closed(c) for c in cats), sum(t.counted(c) for c in cats))
        return _rate(t.raised(_CATEGORY_RATE[which]), t.completed_points)

    def indicator(self, indicator: Indicator | str) -> IndicatorResult:
        """The result of one indicator."""
        which = _to_indicator(indicator)
        return IndicatorResult(
            indicator=which, rate=self.rate(which), target=self.targets.target_of(which)
        )

    @property
    def indicators(self) -> tuple[IndicatorResult, ...]:
        """All seven, in the seed's order."""
        return tuple(self.indicator(i) for i in Indicator)

    @property
    def all_met(self) -> bool:
        """Whether no indicator missed its target."""
        return all(r.result is not TargetResult.MISSED for r in self.indicators)

    # -- renderings -------------------------------------------------------------------------

    def rows(self) -> tuple[IndicatorRow, ...]:
        """One typed row per indicator, in the seed's order."""
        return tuple(
            IndicatorRow(
                indicator=r.indicator,
                title_zh=r.indicator.label_zh,
                title=r.indicator.label,
                rate=r.rate,
                target=str(r.target),
                result=r.result,
            )
            for r in self.indicators
        )

    def _summary(self) -> str:
        t = self.tally
        findings = ", ".join(
            f"{c.category.value} {c.raised} ({c.closed}/{c.counted} closed)" for c in t.findings
        )
        return (
            f"check points {cell(t.completed_points)}/{cell(t.required_points)}, "
            f"rounds {cell(t.completed_rounds)}/{cell(t.required_rounds)}, "
            f"records {t.records} ({t.traceable_records} traceable, {t.ignored_records} "
            f"outside the counted windows), findings {findings}"
        )

    def _table(self) -> Table:
        rows = self.rows()
        return Table(
            title=self.title,
            columns=_COLUMNS,
            rows=tuple(
                (
                    f"{r.title_zh} {r.title}",
                    str(r.rate),
                    r.target,
                    r.result.value.replace("_", " "),
                )
                for r in rows
            ),
            notes=(self._summary(),),
            css_class="propstd propstd-qpi",
            row_classes=tuple(r.result.value.replace("_", "-") for r in rows),
        )

    def __repr__(self) -> str:
        met = sum(1 for r in self.indicators if r.result is TargetResult.MET)
        title = f" {self.title!r}" if self.title else ""
        return f"<QpiReport{title}: {met} of 7 indicators met>"


def qpi_report(tally: QpiTally, targets: QpiTargets | None = None, *, title: str = "") -> QpiReport:
    """The seven QPI indicators of *tally*, judged by *targets* (the seed's by default).

    Coverage = completed / required check points; frequency completion = completed /
    required rounds; traceability = traceable / all records; closure = closed / raised
    findings of `targets.closure_categories`; each finding ratio = findings of its category /
    completed check points (not applicable when no check point was completed).

    Examples:
        >>> r = qpi_report(QpiTally())
        >>> r.indicator("coverage").result
        <TargetResult.NOT_APPLICABLE: 'not_applicable'>
    """
    check_type("tally", tally, QpiTally)
    chosen = QpiTargets.seed() if targets is None else check_type("targets", targets, QpiTargets)
    return QpiReport(tally=tally, targets=chosen, title=title)
