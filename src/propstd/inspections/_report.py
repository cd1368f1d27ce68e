"""The seven QPI indicators against targets, as text, markdown and HTML (private part)."""

from __future__ import annotations

import enum
import html
from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs

from propstd._validators import check_type, is_str, to_tuple
from propstd.errors import InvalidValueError
from propstd.findings import Category
from propstd.inspections._tally import QpiTally, _category
from propstd.money import Rounding
from propstd.rates import Rate, Target, TargetResult

__all__ = ["Indicator", "IndicatorResult", "QpiReport", "QpiTargets", "qpi_report"]


class Indicator(enum.StrEnum):
    """The seven QPI indicators (七大指标) propstd computes."""

    COVERAGE = "coverage"
    """覆盖率: completed / required check points."""
    FREQUENCY_COMPLETION = "frequency_completion"
    """频次完成率: completed / required rounds."""
    TRACEABILITY = "traceability"
    """可追溯性: traceable / all records."""
    CLOSURE = "closure"
    """二次验证关闭率: closed / raised findings of the closure categories."""
    SUGGESTION_RATE = "suggestion_rate"
    """建议项比率: suggestion findings / completed check points."""
    RECTIFICATION_RATE = "rectification_rate"
    """整改项比率: rectification findings / completed check points."""
    DEDUCTION_RATE = "deduction_rate"
    """扣分项比率: deduction findings / completed check points."""

    @property
    def label_zh(self) -> str:
        """The Chinese name (覆盖率, 频次完成率 …)."""
        return _ZH[self]

    @property
    def label(self) -> str:
        """The English name (Coverage, Frequency completion …)."""
        return self.value.replace("_", " ").capitalize()


_ZH = {
    Indicator.COVERAGE: "覆盖率",
    Indicator.FREQUENCY_COMPLETION: "频次完成率",
    Indicator.TRACEABILITY: "可追溯性",
    Indicator.CLOSURE: "二次验证关闭率",
    Indicator.SUGGESTION_RATE: "建议项比率",
    Indicator.RECTIFICATION_RATE: "整改项比率",
    Indicator.DEDUCTION_RATE: "扣分项比率",
}
_CATEGORY_RATE = {
    Indicator.SUGGESTION_RATE: Category.SUGGESTION,
    Indicator.RECTIFICATION_RATE: Category.RECTIFICATION,
    Indicator.DEDUCTION_RATE: Category.DEDUCTION,
}


def _target(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    check_type(attribute.name, value, Target)


def _categories(value: Iterable[Category | str]) -> tuple[Category, ...]:
    out = tuple(dict.fromkeys(_category(c) for c in to_tuple(value)))
    if not out:
        msg = "'closure_categories' must name at least one category, got ()"
        raise InvalidValueError(msg)
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
        target: Target = getattr(self, Indicator(indicator).value)
        return target


@attrs.frozen(kw_only=True)
class IndicatorResult:
    """One indicator: its rate, its target and how the rate fares."""

    indicator: Indicator = attrs.field(converter=Indicator, repr=lambda i: repr(i.value))
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


def _width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


@attrs.frozen(kw_only=True)
class QpiReport:
    """The seven QPI indicators of a tally against targets.

    Renders as a table (`str()`/`to_text()`, `to_markdown()`, `to_html()` and `_repr_html_()`
    for notebooks) with each indicator, its value and fraction, target and met/missed.
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
        which = Indicator(indicator)
        if which is Indicator.COVERAGE:
            return _rate(t.completed_points, t.required_points)
        if which is Indicator.FREQUENCY_COMPLETION:
            return _rate(t.completed_rounds, t.required_rounds)
        if which is Indicator.TRACEABILITY:
            return _rate(t.traceable_records, t.records)
        if which is Indicator.CLOSURE:
            cats = self.targets.closure_categories
            return _rate(sum(t.closed(c) for c in cats), sum(t.raised(c) for c in cats))
        return _rate(t.raised(_CATEGORY_RATE[which]), t.completed_points)

    def indicator(self, indicator: Indicator | str) -> IndicatorResult:
        """The result of one indicator."""
        which = Indicator(indicator)
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

    def _rows(self) -> list[tuple[str, str, str, str]]:
        return [
            (
                f"{r.indicator.label_zh} {r.indicator.label}",
                str(r.rate),
                str(r.target),
                r.result.value.replace("_", " "),
            )
            for r in self.indicators
        ]

    def _summary(self) -> str:
        t = self.tally
        return (
            f"check points {_num(t.completed_points)}/{_num(t.required_points)}, "
            f"rounds {_num(t.completed_rounds)}/{_num(t.required_rounds)}, "
            f"records {t.records} ({t.traceable_records} traceable), findings "
            + ", ".join(f"{c.category.value} {c.raised} ({c.closed} closed)" for c in t.findings)
        )

    def to_text(self) -> str:
        """A plain-text table (CJK-aware column widths)."""
        head = ("Indicator", "Value", "Target", "Result")
        rows = [head, *self._rows()]
        widths = [max(_width(r[i]) for r in rows) for i in range(4)]
        lines = [self.title] if self.title else []
        for n, row in enumerate(rows):
            lines.append("  ".join(_pad(cell, widths[i]) for i, cell in enumerate(row)).rstrip())
            if n == 0:
                lines.append("  ".join("-" * w for w in widths))
        lines.append(self._summary())
        return "\n".join(lines)

    def to_markdown(self) -> str:
        """A Markdown table."""
        lines = [f"**{self.title}**", ""] if self.title else []
        lines += ["| Indicator | Value | Target | Result |", "|---|---|---|---|"]
        lines += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in self._rows()]
        lines += ["", self._summary()]
        return "\n".join(lines)

    def to_html(self) -> str:
        """An HTML table (what notebooks show)."""
        esc = html.escape
        caption = f"<caption>{esc(self.title)}</caption>" if self.title else ""
        head = "<tr><th>Indicator</th><th>Value</th><th>Target</th><th>Result</th></tr>"
        body = "".join(
            f'<tr class="{esc(d.replace(" ", "-"))}"><td>{esc(a)}</td><td>{esc(b)}</td>'
            f"<td>{esc(c)}</td><td>{esc(d)}</td></tr>"
            for a, b, c, d in self._rows()
        )
        foot = f'<tfoot><tr><td colspan="4">{esc(self._summary())}</td></tr></tfoot>'
        return (
            f'<table class="propstd-qpi">{caption}<thead>{head}</thead>'
            f"<tbody>{body}</tbody>{foot}</table>"
        )

    def _repr_html_(self) -> str:
        return self.to_html()

    def __str__(self) -> str:
        return self.to_text()


def _num(value: Fraction) -> str:
    if value.denominator == 1:
        return str(value.numerator)
    return str(Decimal(Rounding.HALF_UP.round_fraction(value * 100)).scaleb(-2))


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
