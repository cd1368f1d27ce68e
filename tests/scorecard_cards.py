"""Synthetic scorecards for the rendering tests: a realistic property's month, a group, and a
Hypothesis strategy of arbitrary cards.

`property_card()` is one property's March 2025 with every section the report knows (the seven
QPI indicators, findings, complaints, repairs, a budget in yuan, surveys without data, routines
the standard does not set, staffing), twelve months of trend, improvement notices with overdue
items and open items. Figures vary with `k` so three properties make a believable group
(`group_card()`, built with `Scorecard.sum`). The numbers are made up, in the ranges of the
sample property (1,150 households, ~140 repair orders and ~25 complaints a month).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import attrs
from hypothesis import strategies as st

from propstd.findings import Finding, ImprovementNotice, improvement_notices
from propstd.money import Money
from propstd.periods import Period
from propstd.rates import Rate, Target
from propstd.scorecards import Indicator, OpenItem, Scorecard, Section, Status
from propstd.scorecards._model import Value
from tests.strategies import rates, targets

TZ = ZoneInfo("Asia/Shanghai")
AS_OF = datetime(2025, 4, 1, 9, 0, tzinfo=TZ)
PERIOD = Period.parse("2025-03")
PERIODS = tuple(Period.month(2024 + (m + 3) // 12, (m + 3) % 12 + 1) for m in range(12))
"""April 2024 to March 2025, oldest first."""

PROPERTIES = ("翠湖花园 Cuihu Garden", "星河湾 Xinghe Bay", "海景苑 Seaview Court")

Series = Callable[[int, int], Value | None]
"""A figure as a function of the month m (0 = April 2024 … 11 = March 2025) and property k."""

Spec = tuple[str, str, str, str | None, Series]
"""An indicator: key, English title, Chinese title, target (rates) and its series."""


def _points(m: int, k: int) -> int:  # QPI check points required
    return 440 + 6 * m + 20 * k


def _found(m: int, k: int) -> int:  # QPI findings raised
    return 19 + (m + k) % 5


def _orders(m: int, k: int) -> int:  # repair orders
    return 128 + (m * 5 + k * 9) % 25


def _income(m: int, k: int) -> Money:
    return Money(1_021_000 + 1_250 * ((m * 7 + k * 3) % 11) - 9_000 * k, "CNY")


def _budget_income(m: int, k: int) -> Money:
    return Money(1_031_000 - 9_000 * k, "CNY")


def _cost(m: int, k: int) -> Money:
    return Money(651_600 + 3_100 * ((m * 5 + k) % 9), "CNY")


def _count(base: int) -> Series:
    return lambda m, k: base + (3 * m + 5 * k) % 7


def _same(n: int) -> Series:
    return lambda m, k: n + k


QPI: tuple[Spec, ...] = (
    ("qpi.coverage", "Coverage", "覆盖率", "≥ 98%",
     lambda m, k: Rate(_points(m, k) - (m * 7 + k * 3) % 9, _points(m, k))),
    ("qpi.frequency_completion", "Frequency completion", "频次完成率", "≥ 75%",
     lambda m, k: Rate(590 - (m * 11 + k * 5) % 13 - 160 * ((m, k) == (11, 2)), 600)),
    ("qpi.traceability", "Traceability", "可追溯性", "100%",
     lambda m, k: Rate(586 - (m + k) % 3, 586)),
    ("qpi.closure", "Second-verification closure", "二次验证关闭率", "100%",
     lambda m, k: Rate(13 - (m + 2 * k) % 2, 13)),
    ("qpi.suggestion_rate", "Suggestion items", "建议项比率", "≥ 5%",
     lambda m, k: Rate(9 + (m + k) % 3, _found(m, k))),
    ("qpi.rectification_rate", "Rectification items", "整改项比率", "≥ 5%",
     lambda m, k: Rate(6 - (m + k) % 2, _found(m, k))),
    ("qpi.deduction_rate", "Deduction items", "扣分项比率", "≥ 5%",
     lambda m, k: Rate((m + 2 * k) % 4, _found(m, k))),
)  # fmt: skip
FINDINGS: tuple[Spec, ...] = (
    ("findings.raised", "Findings raised", "新增问题", None, _count(17)),
    ("findings.overdue", "Overdue at month end", "逾期未整改", None, _count(0)),
    ("findings.notices", "Improvement notices", "工作改进通知单", None, _count(2)),
    ("findings.points", "Points deducted", "扣分", None,
     lambda m, k: Decimal(f"{(m + k) % 4 * 2}.{5 * (m % 2)}")),
)  # fmt: skip
COMPLAINTS: tuple[Spec, ...] = (
    ("complaints.received", "Complaints received", "投诉受理", None, _count(21)),
    ("complaints.response", "Responded within 24 h", "24小时内响应率", "≥ 95%",
     lambda m, k: Rate(24 - (m + k) % 3 // 2, 24)),
    ("complaints.closed", "Closed within limit", "按时办结率", "≥ 90%",
     lambda m, k: Rate(21 - (m * 2 + k) % 4, 23)),
    ("complaints.revisit", "Revisited", "回访率", "100%", lambda m, k: Rate(22, 22)),
    ("complaints.warnings", "Early warnings", "预警", None, _count(1)),
)  # fmt: skip
REPAIRS: tuple[Spec, ...] = (
    ("repairs.orders", "Repair orders", "报修单", None, _orders),
    ("repairs.arrival", "Arrived in time", "及时到场率", "≥ 98%",
     lambda m, k: Rate(_orders(m, k) - (m + k) % 4, _orders(m, k))),
    ("repairs.completion", "Completed in time", "及时完成率", "≥ 95%",
     lambda m, k: Rate(_orders(m, k) - (m * 3 + k) % 9, _orders(m, k))),
    ("repairs.rework", "Rework", "返修率", "≤ 2%", lambda m, k: Rate((m + k) % 4, _orders(m, k))),
    ("repairs.satisfaction", "Satisfied on revisit", "回访满意率", "≥ 90%",
     lambda m, k: Rate(_orders(m, k) - 2 - (m + 3 * k) % 6, _orders(m, k))),
)  # fmt: skip
BUDGET: tuple[Spec, ...] = (
    ("budget.income", "Income of the month", "本月收入", None, _income),
    ("budget.cost", "Costs of the month", "本月成本", None, _cost),
    ("budget.variance", "Income variance", "收入差异", None,
     lambda m, k: _income(m, k) - _budget_income(m, k)),
    ("budget.collection", "Fees collected (year)", "收缴率", "≥ 60%",
     lambda m, k: Rate(2_650_000 + 10_000 * ((m + k) % 12), 4_608_000)),
)  # fmt: skip
STAFFING: tuple[Spec, ...] = (
    ("staffing.guards", "Guards on staff", "秩序维护员在岗", None,
     lambda m, k: 11 + k - (m == 11)),
    ("staffing.cleaners", "Cleaners required", "保洁员定编", None, _same(10)),
    ("staffing.zones", "Service zones", "客服管家片区", None, _same(3)),
)  # fmt: skip
REFERENCES: dict[str, Series] = {
    "budget.income": _budget_income,
    "budget.cost": lambda m, k: Money(650_000, "CNY"),
    "staffing.guards": _same(12),
}
"""What the non-rate figures are measured against (the budget, the required staff)."""
STATUSES = {"budget.variance": Status.WATCH}
"""Statuses the service standard's thresholds would give (not computable from a target)."""


def _indicator(spec: Spec, k: int) -> Indicator:
    key, title, title_zh, target, series = spec
    trend = tuple(series(m, k) for m in range(12))
    goal = None if target is None else Target.parse(target)
    reference = REFERENCES.get(key)
    return Indicator(
        key=key,
        title=title,
        title_zh=title_zh,
        value=trend[-1],
        target=goal,
        reference=None if reference is None else reference(11, k),
        status=STATUSES.get(key) or Status.of(trend[-1], goal),
        trend=trend,
    )


def _section(key: str, title: str, title_zh: str, specs: Sequence[Spec], k: int) -> Section:
    notes = ("3 条检查记录缺少证据 3 check records without evidence (可追溯性).",)
    return Section(
        key=key,
        title=title,
        title_zh=title_zh,
        indicators=[_indicator(spec, k) for spec in specs],
        notes=notes if key == "qpi" else (),
    )


def _empty_sections() -> tuple[Section, ...]:
    """Surveys without data this month (quarterly: three earlier months have some) and
    routines the standard does not set."""
    surveys = Indicator(
        key="surveys.satisfaction",
        title="Satisfaction",
        title_zh="满意率",
        value=None,
        target=Target.parse("≥ 85%"),
        status=Status.NO_DATA,
        trend=[Rate(212, 240) if m in (2, 5, 8) else None for m in range(12)],
    )
    routines = Indicator(
        key="routines.compliance",
        title="Routines done",
        title_zh="例行工作完成率",
        value=None,
        status=Status.NOT_SET,
        trend=(None,) * 12,
    )
    return (
        Section(key="surveys", title="Satisfaction surveys", title_zh="满意度调查",
                status=Status.NO_DATA, indicators=(surveys,)),
        Section(key="routines", title="Routines", title_zh="例行工作", status=Status.NOT_SET,
                indicators=(routines,)),
    )  # fmt: skip


def findings(k: int = 0) -> tuple[Finding, ...]:
    """Open findings of three departments at `AS_OF`, two of them overdue."""
    t = datetime(2025, 3, 24, 10, 0, tzinfo=TZ)
    rows = [
        ("F-0307", "SEC-03", "deduction", "major", "5栋消防通道被货车堵塞 Fire lane at T5 blocked",
         "秩序维护部", "赵队长 Zhao", 2, 4, "T5"),
        ("F-0311", "SEC-05", "rectification", "minor", "3栋灭火器压力不足 Extinguisher low",
         "秩序维护部", "", 3, 12, "T3 B1"),
        ("F-0315", "ENV-01", "rectification", "minor", "大堂地面污渍 Lobby floor stained",
         "环境部", "钱主管 Qian", 1, 9, "T1 lobby"),
        ("F-0319", "ENG-02", "suggestion", "minor", "水泵房标识褪色 Pump room signs faded",
         "工程部", "孙工 Sun", 6, 10, ""),
    ]  # fmt: skip
    out = []
    for n, (fid, code, cat, sev, text, dept, owner, days, verify, where) in enumerate(rows):
        found = t + timedelta(days=n + k)
        out.append(
            Finding(
                fid,
                code,
                cat,
                sev,
                text,
                found,
                "质检 QA",
                points=2 if cat == "deduction" else 0,
                department=dept,
                owner=owner,
                location=where,
                rectify_by=found + timedelta(days=days),
                verify_on=(found + timedelta(days=verify)).date(),
            )
        )
    return tuple(out)


def open_items(name: str, k: int = 0) -> tuple[OpenItem, ...]:
    """What is open at `AS_OF`: an overdue finding and repair, a complaint and a routine."""
    day = datetime(2025, 3, 28, 17, 30, tzinfo=TZ)
    return (
        OpenItem(
            kind="complaint",
            ref=f"C-03{21 + k}",
            title="车库漏水 Garage leak (VIP)",
            owner="客服主管 Service supervisor",
            due=day + timedelta(days=5),
            property=name,
        ),
        OpenItem(
            kind="finding",
            ref="F-0307",
            title="消防通道堵塞 Fire lane blocked",
            owner="秩序维护部",
            due=day,
            overdue=True,
            property=name,
        ),
        OpenItem(
            kind="repair",
            ref=f"R-0{418 + k}",
            title="电梯异响 Lift noise, T7",
            owner="工程部 孙工",
            due=day - timedelta(days=1),
            overdue=True,
            property=name,
        ),
        OpenItem(
            kind="routine",
            ref="ENG-05",
            title="消防联动测试 Fire alarm linkage test",
            owner="工程部",
            property=name,
        ),
    )


def property_card(k: int = 0, *, name: str | None = None) -> Scorecard:
    """Property *k*'s March 2025 (0 = Cuihu Garden): every section, 12 months of trend."""
    title = PROPERTIES[k] if name is None else name
    return Scorecard(
        title=title,
        period=PERIOD,
        as_of=AS_OF,
        sections=(
            _section("qpi", "QPI quality checks", "品质核查", QPI, k),
            _section("findings", "Findings", "问题整改", FINDINGS, k),
            _section("complaints", "Complaints", "投诉", COMPLAINTS, k),
            _section("repairs", "Repairs", "维修", REPAIRS, k),
            _section("budget", "Budget", "预算", BUDGET, k),
            *_empty_sections(),
            _section("staffing", "Staffing", "人员配置", STAFFING, k),
        ),
        open_items=open_items(title, k),
        notices=improvement_notices(findings(k), as_of=AS_OF),
        periods=PERIODS,
    )


def group_card() -> Scorecard:
    """The group of the three properties (`Scorecard.sum`)."""
    return Scorecard.sum(property_card(k) for k in range(3))


def month_card() -> Scorecard:
    """Property 0's card without history: one period, so no trends."""
    card = property_card()
    sections = [
        attrs.evolve(s, indicators=[attrs.evolve(i, trend=i.trend[-1:]) for i in s.indicators])
        for s in card.sections
    ]
    return attrs.evolve(card, sections=sections, periods=(PERIOD,))


# --- Hypothesis: arbitrary cards ---------------------------------------------------------------

KINDS = ("rate", "money", "count", "points")

texts = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"))
    | st.sampled_from("<>&\"'/ 覆盖率\n"),
    min_size=1,
    max_size=30,
).filter(str.strip)
"""Titles and names, hostile ones included (`<script>`, quotes, ampersands, CJK)."""


def _values(kind: str) -> st.SearchStrategy[Value]:
    if kind == "rate":
        return rates(max_count=1_000)
    if kind == "money":
        return st.integers(-(10**11), 10**11).map(lambda u: Money.from_units(u, "CNY"))
    if kind == "count":
        return st.integers(0, 10**7)
    return st.integers(0, 10**4).map(lambda n: Decimal(f"{n // 10}.{n % 10}"))


@st.composite
def _shape(draw: st.DrawFn) -> list[tuple[Section, list[tuple[Indicator, str]]]]:
    """Sections with indicator titles, kinds and targets (values drawn per card)."""
    shape = []
    for s in range(draw(st.integers(1, 4))):
        section = Section(
            key=f"s{s}",
            title=draw(texts),
            title_zh=draw(texts),
            status=draw(st.sampled_from(Status)),
        )
        rows = []
        for n in range(draw(st.integers(0, 4))):
            kind = draw(st.sampled_from(KINDS))
            target = draw(st.none() | targets()) if kind == "rate" else None
            empty = Indicator(
                key=f"s{s}.i{n}", title=draw(texts), title_zh=draw(texts), value=None, target=target
            )
            rows.append((empty, kind))
        shape.append((section, rows))
    return shape


def _fill(
    draw: st.DrawFn, shape: Sequence[tuple[Section, list[tuple[Indicator, str]]]], length: int
) -> tuple[Section, ...]:
    sections = []
    for section, rows in shape:
        indicators = []
        for empty, kind in rows:
            trend = draw(st.lists(st.none() | _values(kind), min_size=length, max_size=length))
            value = trend[-1]
            status = (
                draw(st.sampled_from(Status))
                if draw(st.booleans())
                else Status.of(value, empty.target)
            )
            indicators.append(attrs.evolve(empty, value=value, status=status, trend=trend))
        notes = draw(st.lists(texts, max_size=2))
        sections.append(attrs.evolve(section, indicators=indicators, notes=notes))
    return tuple(sections)


@st.composite
def _notices(draw: st.DrawFn) -> tuple[ImprovementNotice, ...]:
    t = AS_OF - timedelta(days=40)
    out: list[ImprovementNotice] = []
    for n in range(draw(st.integers(0, 2))):
        late = draw(st.integers(0, 30 * 24 * 60))
        f = Finding(
            f"F-{n}",
            "SEC-01",
            "rectification",
            "minor",
            draw(texts),
            t,
            "QA",
            department=draw(st.just("") | texts),
            owner=draw(st.just("") | texts),
            rectify_by=AS_OF - timedelta(minutes=late),
            verify_on=date(2025, 4, 2),
        )
        out += improvement_notices([f], as_of=AS_OF)
    return tuple(out)


@st.composite
def scorecards(draw: st.DrawFn, *, group: bool = False) -> Scorecard:
    """Arbitrary cards (a group of two or three when *group*): any kinds, statuses and
    hostile texts, 1 to 13 periods of trend, notices and open items."""
    length = draw(st.integers(1, 13))
    periods = tuple(Period.month(2024 + (m + 2) // 12, (m + 2) % 12 + 1) for m in range(length))
    shape = draw(_shape())
    names = draw(st.lists(texts, min_size=2, max_size=3, unique=True)) if group else [draw(texts)]
    cards = []
    for name in names:
        items = [
            OpenItem(
                kind=draw(texts),
                ref=draw(texts),
                title=draw(texts),
                owner=draw(st.just("") | texts),
                due=draw(st.none() | st.just(AS_OF)),
                overdue=draw(st.booleans()),
                property=name,
            )
            for _ in range(draw(st.integers(0, 3)))
        ]
        cards.append(
            Scorecard(
                title=name,
                period=periods[-1],
                as_of=AS_OF,
                sections=_fill(draw, shape, length),
                open_items=items,
                notices=draw(_notices()),
                periods=periods,
            )
        )
    return Scorecard.sum(cards)
