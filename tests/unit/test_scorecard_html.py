"""The scorecard's HTML page and notebook fragment: structure, exact figures, no script or URL,
escaping, determinism, groups; and the SVG drawings behind them."""

from __future__ import annotations

import re
from datetime import timedelta
from decimal import Decimal
from fractions import Fraction
from html.parser import HTMLParser

import attrs
import pytest
from hypothesis import given

from propstd.findings import Finding, improvement_notices
from propstd.money import Money
from propstd.rates import Rate, Target
from propstd.scorecards import Indicator, OpenItem, Scorecard, Section, Status, _html, _svg
from propstd.scorecards._model import Value
from tests.scorecard_cards import (
    AS_OF,
    PERIOD,
    PERIODS,
    findings,
    group_card,
    month_card,
    property_card,
    scorecards,
)

VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}
SVG_LEAVES = {"rect", "line", "circle", "polyline"}


@attrs.define
class Node:
    """One parsed element: its tag, attributes and content (elements and text, in order)."""

    tag: str
    attributes: dict[str, str]
    content: list[Node | str] = attrs.field(factory=list)

    @property
    def children(self) -> list[Node]:
        return [c for c in self.content if isinstance(c, Node)]

    def classes(self) -> set[str]:
        return set(self.attributes.get("class", "").split())

    def walk(self) -> list[Node]:
        out = [self]
        for c in self.children:
            out += c.walk()
        return out

    def find(self, tag: str, cls: str | None = None) -> list[Node]:
        return [n for n in self.walk() if n.tag == tag and (cls is None or cls in n.classes())]

    def all_text(self) -> str:
        return "".join(c if isinstance(c, str) else c.all_text() for c in self.content)


class Tree(HTMLParser):
    """A strict parser: every element closed in order, void elements never closed."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {})
        self.stack = [self.root]
        self.doctype: str | None = None

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attributes})
        self.stack[-1].content.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:
        assert tag in VOID | SVG_LEAVES, f"<{tag}/> is not a void or SVG leaf element"
        self.stack[-1].content.append(Node(tag, {k: v or "" for k, v in attributes}))

    def handle_endtag(self, tag: str) -> None:
        assert tag not in VOID, f"</{tag}> closes a void element"
        assert self.stack[-1].tag == tag, f"</{tag}> closes <{self.stack[-1].tag}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.stack[-1].content.append(data)


def parse(text: str) -> Tree:
    tree = Tree()
    tree.feed(text)
    tree.close()
    assert tree.stack == [tree.root], f"unclosed: {[n.tag for n in tree.stack[1:]]}"
    return tree


def expected_text(value: Value | None) -> str:
    """The exact figure as a reader finds it, written independently of the renderer."""
    if value is None:
        return "no data"
    if isinstance(value, Money):
        return format(value.amount.copy_abs(), ",")
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def rows_of(root: Node) -> dict[str, Node]:
    """Indicator rows by their English title."""
    out = {}
    for table in root.find("table", "ind"):
        for tr in table.find("tr"):
            th = [c for c in tr.children if c.tag == "th" and c.attributes.get("scope") == "row"]
            if th:
                out[th[0].find("span", "en")[0].all_text()] = tr
    return out


@pytest.fixture(scope="module")
def card() -> Scorecard:
    return property_card()


@pytest.fixture(scope="module")
def page(card: Scorecard) -> str:
    return card.to_html()


class TestDocument:
    def test_well_formed_html5_document(self, page: str) -> None:
        """The page is one HTML5 document in Chinese with charset, viewport, title and style."""
        tree = parse(page)

        assert tree.doctype == "DOCTYPE html"
        (html,) = tree.root.children
        assert html.tag == "html"
        assert html.attributes["lang"] == "zh-CN"
        head, body = html.children
        assert [m.attributes for m in head.find("meta")] == [
            {"charset": "utf-8"},
            {"name": "viewport", "content": "width=device-width, initial-scale=1"},
        ]
        assert head.find("title")[0].all_text() == (
            "翠湖花园 Cuihu Garden 2025-03 — 月度计分卡 Monthly scorecard"
        )
        assert len(head.find("style")) == 1
        assert body.children[0].classes() == {"psc"}

    def test_header_names_the_month_and_counts_statuses(self, card: Scorecard, page: str) -> None:
        """The header gives the property, period, as-of instant and met/missed/no-data counts."""
        head = parse(page).root.find("header")[0].all_text()

        assert "翠湖花园 Cuihu Garden" in head
        assert "2025-03" in head
        assert "2025-04-01 09:00+08:00" in head
        met = sum(1 for i in card.rows() if i.status is Status.MET)
        missed = sum(1 for i in card.rows() if i.status is Status.MISSED)
        assert f"{len(card.rows())} 项指标 indicators" in head
        assert f"✓ {met} 达标 met" in head
        assert f"✗ {missed} 未达标 missed" in head
        assert "? 1 无数据 no data" in head

    def test_every_section_and_indicator_title_is_shown(self, card: Scorecard, page: str) -> None:
        """Each section's and each indicator's Chinese and English titles are on the page."""
        text = parse(page).root.all_text()

        for s in card.sections:
            assert s.title in text
            assert s.title_zh in text
        for i in card.rows():
            assert i.title in text
            assert i.title_zh in text

    def test_figures_are_exact_text(self, page: str) -> None:
        """Rates show percent and counts, money the exact yuan, counts and points as given."""
        rows = rows_of(parse(page).root)

        assert "99.0% (501/506)" in rows["Coverage"].all_text()
        assert "¥1,021,000.00" in rows["Income of the month"].all_text()
        assert "参照 ref. ¥1,031,000.00" in rows["Income of the month"].all_text()
        assert "-¥10,000.00" in rows["Income variance"].all_text()
        assert "6.5" in rows["Points deducted"].all_text()
        assert "≥ 98%" in rows["Coverage"].all_text()

    def test_previous_month_and_change_are_shown(self, page: str) -> None:
        """Each row shows the month before and the change: points for rates, exact otherwise."""
        rows = rows_of(parse(page).root)

        assert "98.6% (493/500)" in rows["Coverage"].all_text()
        assert "▲ +0.4 pt" in rows["Coverage"].all_text()
        assert "▼ -¥12,400.00" in rows["Costs of the month"].all_text()
        assert "▲ +3" in rows["Findings raised"].all_text()

    def test_status_reads_without_colour(self, card: Scorecard, page: str) -> None:
        """Every row's status carries a symbol and words besides its colour class."""
        rows = rows_of(parse(page).root)

        for i in card.rows():
            status = rows[i.title].find("span", "st")[0]
            assert f"s-{i.status.value}" in status.classes()
            assert status.all_text() == f"{_html.SYMBOLS[i.status]} {_html.status_text(i.status)}"


class TestDrawings:
    def test_one_bar_per_indicator_with_a_value(self, card: Scorecard, page: str) -> None:
        """Each indicator with a figure has exactly one SVG bar in its row; the others none."""
        rows = rows_of(parse(page).root)

        for i in card.rows():
            bars = rows[i.title].find("svg", "bar")
            assert len(bars) == (i.value is not None), i.key
        total = len(parse(page).root.find("svg", "bar"))
        assert total == sum(1 for i in card.rows() if i.value is not None)

    def test_rate_bar_marks_its_target(self, page: str) -> None:
        """A rate's bar is on a 0-100 % scale, its target range shaded and its bound marked."""
        (bar,) = rows_of(parse(page).root)["Frequency completion"].find("svg", "bar")

        assert bar.attributes["viewbox"] == "0 0 200 14"
        (band,) = bar.find("rect", "band")
        assert (band.attributes["x"], band.attributes["width"]) == ("150.0", "50.0")  # ≥ 75 %
        (mark,) = bar.find("line", "mark")
        assert mark.attributes["x1"] == "150.0"
        (fill,) = bar.find("rect", "fill")
        assert fill.attributes["width"] == "195.3"  # 586/600 of 200, drawing only
        assert bar.find("title")[0].all_text() == (
            "频次完成率 Frequency completion: 97.7% (586/600); 目标 target ≥ 75%"
        )

    def test_trend_per_indicator_when_the_card_has_history(self, card: Scorecard) -> None:
        """With 12 periods each indicator with a drawable month gets a trend chart."""
        root = parse(card.to_html()).root
        rows = rows_of(root)

        drawn = [i for i in card.rows() if any(v is not None for v in i.trend)]
        assert len(root.find("svg", "trend")) == len(drawn)
        for i in drawn:
            assert len(rows[i.title].find("svg", "trend")) == 1
            assert "2024-04 – 2025-03" in rows[i.title].all_text()
        assert "2024-04: 无数据 no data" in rows["Satisfaction"].find("title")[0].all_text()
        assert rows["Routines done"].find("svg", "trend") == []

    def test_no_trend_for_one_period(self) -> None:
        """A card of one month draws no trend and has no trend column."""
        root = parse(month_card().to_html()).root

        assert root.find("svg", "trend") == []
        assert "趋势 Trend" not in root.all_text()

    def test_empty_sections_say_so_in_words(self, page: str) -> None:
        """A section without data or not set by the standard says so instead of drawing bars."""
        sections = {s.find("h2")[0].all_text(): s for s in parse(page).root.find("section")}

        surveys = sections["满意度调查 Satisfaction surveys"]
        assert "无数据 No data: no records of this kind" in surveys.all_text()
        assert surveys.find("svg", "bar") == []
        routines = sections["例行工作 Routines"]
        assert "未设定 Not set: the service standard does not fix this part." in (
            routines.all_text()
        )
        assert routines.find("svg", "bar") == []
        value = rows_of(routines)["Routines done"].find("td", "val")[0]
        assert value.all_text() == "未设定 not set"


class TestSafety:
    def test_no_script_and_no_url(self, page: str) -> None:
        """The page has no script, no event handler and no link or resource outside itself."""
        tree = parse(page)

        assert "<script" not in page.lower()
        assert "url(" not in page
        assert "http" not in page
        for node in tree.root.walk():
            assert not any(a.startswith("on") for a in node.attributes), node.tag
            for a in ("src", "href", "xlink:href", "action"):
                link = node.attributes.get(a)
                assert link is None or re.fullmatch(r"#[\w-]+", link), (node.tag, link)

    def test_hostile_texts_are_escaped(self) -> None:
        """Markup in any text (titles, notes, owners) is shown as text, never interpreted."""
        evil = '<script>alert("x")</script>'
        card = Scorecard(
            title=evil,
            period=PERIOD,
            as_of=AS_OF,
            sections=(
                Section(
                    key="s",
                    title="</table><img src=x onerror=alert(1)>",
                    title_zh="&amp;",
                    notes=(evil,),
                    indicators=(Indicator(key="k", title=evil, title_zh="'\"", value=Rate(1, 2)),),
                ),
            ),
            open_items=(OpenItem(kind=evil, ref=evil, title=evil, owner=evil),),
        )
        page = card.to_html()
        tree = parse(page)

        assert "<script" not in page.lower()
        assert tree.root.find("img") == []
        assert evil in tree.root.find("h1")[0].all_text()
        assert "</table><img src=x onerror=alert(1)>" in tree.root.find("h2")[0].all_text()
        assert "&amp;" in tree.root.find("h2")[0].all_text()
        assert evil in tree.root.find("svg", "bar")[0].find("title")[0].all_text()

    def test_same_card_same_bytes(self) -> None:
        """Rendering is deterministic: equal cards built apart give byte-identical pages."""
        first, second = property_card(), property_card()

        assert first is not second
        assert first.to_html() == second.to_html()
        assert group_card().to_html() == group_card().to_html()
        assert first._repr_html_() == second._repr_html_()


class TestPrintAndPhone:
    def test_a4_print_rules(self, page: str) -> None:
        """The page sets A4 paper, print rules and keeps blocks whole across pages."""
        assert "@page { size: A4; margin:" in page
        assert "@media print" in page
        assert "break-inside: avoid" in page
        assert "print-color-adjust: exact" in page

    def test_narrow_screens_reflow_rows(self, page: str) -> None:
        """Below 640 px rows become labelled blocks; every cell carries its label."""
        assert "@media (max-width: 640px)" in page
        assert "content: attr(data-label)" in page
        for td in parse(page).root.find("td"):
            if td.find("svg", "bar"):
                assert td.attributes["data-label"] == "本月 This month"

    def test_chinese_fonts_from_the_system(self, page: str) -> None:
        """Fonts are system CJK families; no web font is loaded."""
        assert '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC"' in page
        assert "@font-face" not in page


class TestNoticesAndOpenItems:
    def test_one_block_per_department(self, card: Scorecard, page: str) -> None:
        """Each improvement notice is a block with its items, deadlines and overdue marks."""
        blocks = parse(page).root.find("article", "notice")

        assert [b.find("h3")[0].all_text() for b in blocks] == [n.department for n in card.notices]
        for block, notice in zip(blocks, card.notices, strict=True):
            items = block.find("li")
            assert len(items) == len(notice.items)
            late = [li for li in items if "overdue" in li.classes()]
            assert len(late) == notice.overdue_count
            for li, item in zip(items, notice.items, strict=True):
                assert item.finding.id in li.all_text()
                assert item.finding.rectify_by.strftime("%Y-%m-%d %H:%M") in li.all_text()
        assert "⚠ 逾期 overdue 5 d 23 h" in blocks[2].all_text()

    def test_notice_without_department_or_owner(self) -> None:
        """A notice for findings naming no department says so; items without owner omit it."""
        t = AS_OF - timedelta(days=3)
        f = Finding(
            "F-1",
            "ENV-01",
            "rectification",
            "minor",
            "Dust",
            t,
            "QA",
            rectify_by=AS_OF - timedelta(seconds=30),
            verify_on=AS_OF.date(),
        )
        card = Scorecard(
            title="P",
            period=PERIOD,
            as_of=AS_OF,
            sections=(),
            notices=improvement_notices([f], as_of=AS_OF),
        )
        text = parse(card.to_html()).root.find("article", "notice")[0].all_text()

        assert "未指定部门 (no department)" in text
        assert "Owner" not in text
        assert "⚠ 逾期 overdue < 1 min" in text

    def test_open_items_overdue_first(self, card: Scorecard, page: str) -> None:
        """Open items list the overdue ones first, each with its reference and due instant."""
        table = parse(page).root.find("table", "items")[0]
        rows = table.find("tbody")[0].children

        refs = [r.children[1].all_text() for r in rows]
        assert refs == ["F-0307", "R-0418", "C-0321", "ENG-05"]
        assert ["overdue" in r.classes() for r in rows] == [True, True, False, False]
        assert rows[0].children[5].all_text() == "2025-03-28 17:30+08:00"
        assert rows[3].children[5].all_text() == "—"

    def test_empty_card(self) -> None:
        """A card without sections, notices or open items still renders, saying so."""
        card = Scorecard(
            title="P",
            period=PERIOD,
            as_of=AS_OF,
            sections=(Section(key="qpi", title="QPI", title_zh=""),),
        )
        text = parse(card.to_html()).root.all_text()

        assert "0 项指标 indicators" in text
        assert "No improvement notices." in text
        assert "Nothing open." in text


class TestGroup:
    def test_properties_side_by_side(self) -> None:
        """A group's page compares each property's judged indicators next to the group's."""
        group = group_card()
        root = parse(group.to_html()).root
        (table,) = root.find("table", "grid")
        heads = [th.all_text() for th in table.find("thead")[0].find("th")]

        assert heads == ["指标 Indicator", "目标 Target", "合计 Group", *group.properties]
        judged = [i for i in group.rows() if i.target is not None]
        body = table.find("tbody")[0].children
        assert len(body) == len(judged) + 1
        first = body[0].all_text()
        assert str(group.indicator("qpi.coverage").value) in first
        for member in group.cards:
            assert str(member.indicator("qpi.coverage").value) in first
        assert body[-1].all_text().startswith("达标 Met")
        assert "项目 Properties: 翠湖花园 Cuihu Garden · 星河湾 Xinghe Bay" in root.all_text()

    def test_group_notices_and_open_items_name_the_property(self) -> None:
        """On a group each notice is headed by its property; open items show the property."""
        root = parse(group_card().to_html()).root
        heads = [b.find("h3")[0].all_text() for b in root.find("article", "notice")]

        assert heads[0] == "翠湖花园 Cuihu Garden · 工程部"
        assert len(heads) == 9
        assert "项目 Property" in root.find("table", "items")[0].all_text()

    def test_missing_indicators_and_no_targets(self) -> None:
        """A property lacking an indicator shows a dash; without targets every row is shown."""

        def card(name: str, keys: tuple[str, ...]) -> Scorecard:
            rows = tuple(Indicator(key=k, title=k, title_zh="", value=1) for k in keys)
            section = Section(key="x", title="X", title_zh="", indicators=rows)
            return Scorecard(title=name, period=PERIOD, as_of=AS_OF, sections=(section,))

        group = card("A", ("a", "b")) + card("B", ("a",))
        (table,) = parse(group.to_html()).root.find("table", "grid")
        rows = table.find("tbody")[0].children

        assert [r.children[0].all_text() for r in rows] == ["a", "b", "达标 Met"]
        assert rows[1].children[-1].all_text() == "—"


class TestNotebook:
    def test_repr_html_is_a_scoped_fragment(self, card: Scorecard) -> None:
        """The notebook view is one <div> with its own style scoped under its class."""
        fragment = card._repr_html_()
        tree = parse(fragment)

        assert not re.search(r"<(!doctype|html|head|body|meta)\b", fragment, re.I)
        for svg in tree.root.find("svg"):
            assert [c.tag for c in svg.children].count("title") == 1
        assert len(tree.root.find("title")) == len(tree.root.find("svg"))
        (div,) = tree.root.children
        assert div.tag == "div"
        assert div.classes() == {"psc"}
        (style,) = div.find("style")
        css = style.all_text()
        assert "@page" not in css
        selectors = re.findall(r"(?:^|[{}])\s*([^@{}\s][^{}]*)\{", css)
        assert selectors
        for group in selectors:
            for selector in group.split(","):
                assert selector.strip().startswith(".psc"), selector

    def test_fragment_holds_the_same_content(self, card: Scorecard) -> None:
        """The fragment shows the page's card: the same text and the same drawings."""
        page = parse(card.to_html()).root.find("body")[0].children[0]
        fragment = parse(card._repr_html_()).root.children[0]

        assert len(page.find("svg")) == len(fragment.find("svg"))
        fragment.content = [c for c in fragment.content if getattr(c, "tag", "") != "style"]
        assert page.all_text().strip() == fragment.all_text().strip()


@given(scorecards() | scorecards(group=True))
def test_generated_cards_parse_and_show_every_figure(card: Scorecard) -> None:
    """Any card renders to a well-formed script-free page showing each figure exactly."""
    page = card.to_html()
    tree = parse(page)
    text = tree.root.all_text()

    assert "<script" not in page.lower()
    for i in card.rows():
        assert i.title in text
        unset = i.value is None and i.status is Status.NOT_SET
        assert ("not set" if unset else expected_text(i.value)) in text
        if i.previous is not None:
            assert expected_text(i.previous) in text
    assert len(tree.root.find("svg", "bar")) == sum(1 for i in card.rows() if i.value is not None)
    assert page == card.to_html()


# -- figures as text and drawings ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("now", "before", "text"),
    [
        (Rate(15, 16), Rate(35, 38), "▲ +1.6 pt"),
        (Rate(1, 2), Rate(1, 2), "= 0"),
        (Rate(1, 3), Rate(2, 3), "▼ -33.3 pt"),
        (Rate(0, 0), Rate(1, 2), ""),
        (Money("4", "CNY"), Money("10", "CNY"), "▼ -¥6.00"),
        (Money("4", "USD"), Money("10", "CNY"), ""),
        (Money("10.5", "USD"), Money("4", "USD"), "▲ +USD 6.50"),
        (12, 9, "▲ +3"),
        (1_000, 3_500, "▼ -2,500"),
        (Decimal("2.5"), Decimal("4"), "▼ -1.5"),
        (Decimal("NaN"), Decimal("4"), ""),
        (Rate(1, 2), 3, ""),
        (None, 3, ""),
        (3, None, ""),
    ],
)
def test_change_text(now: Value | None, before: Value | None, text: str) -> None:
    """The change is exact for amounts and counts, in points (half up, 0.1) for rates."""
    assert text == _html.change_text(now, before)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Rate(15, 16), "93.8% (15/16)"),
        (Rate(0, 0), "n/a (0/0)"),
        (Money("4608000", "CNY"), "¥4,608,000.00"),
        (Money("-12.5", "CNY"), "-¥12.50"),
        (Money("-1234", "JPY"), "JPY -1,234"),
        (1150, "1,150"),
        (Decimal("2.50"), "2.50"),
        (None, "无数据 no data"),
    ],
)
def test_value_text(value: Value | None, text: str) -> None:
    """Figures are shown exactly: rates with counts, money with separators and currency."""
    assert text == _html.value_text(value)


class TestSvg:
    def test_rate_scales(self) -> None:
        """Trend scales are whole tens of percent, at least ten points wide."""
        f = Fraction

        assert _svg.Scale.for_rates([f(93, 100), f(99, 100)]) == _svg.Scale(f(9, 10), f(1))
        assert _svg.Scale.for_rates([f(1)]) == _svg.Scale(f(9, 10), f(1))
        assert _svg.Scale.for_rates([f(0)]) == _svg.Scale(f(0), f(1, 10))
        assert _svg.Scale.around([]) == _svg.Scale(f(0), f(1))
        assert _svg.Scale.around([f(-5), f(3)]) == _svg.Scale(f(-5), f(3))

    def test_signed_bar_draws_a_zero_line(self) -> None:
        """A bar of a negative amount starts at a drawn zero and reaches left."""
        svg = _svg.bar(
            Money("-50", "CNY"),
            target=None,
            reference=Money("50", "CNY"),
            history=(Money("-50", "CNY"), None),
            css="s-info",
            label="x",
        )
        node = parse(svg).root

        assert node.find("line", "zero")[0].attributes["x1"] == "100.0"
        fill = node.find("rect", "fill")[0]
        assert (fill.attributes["x"], fill.attributes["width"]) == ("0.0", "100.0")
        assert node.find("line", "mark")[0].attributes["x1"] == "200.0"

    def test_rate_bar_clamps_and_bands(self) -> None:
        """Rates above 100 % fill the bar; a maximum shades from zero; no target, no mark."""
        over = parse(
            _svg.bar(
                Rate(3, 2),
                target=Target.parse("≤ 2%"),
                reference=None,
                history=(),
                css="s-missed",
                label="x",
            )
        ).root
        plain = parse(
            _svg.bar(Rate(0, 0), target=None, reference=None, history=(), css="s-info", label="x")
        ).root

        assert over.find("rect", "fill")[0].attributes["width"] == "200.0"
        band = over.find("rect", "band")[0]
        assert (band.attributes["x"], band.attributes["width"]) == ("0.0", "4.0")
        assert plain.find("line") == []
        assert plain.find("rect", "fill") == []

    def test_trend_gaps_and_lone_points(self) -> None:
        """A trend breaks where months lack data; a lone month is a dot; the last is stressed."""
        f = Fraction
        points = (f(1, 2), f(3, 4), None, f(1, 4), None, f(1, 2), f(1, 2))
        scale = _svg.trend_scale(points, Target.parse("≥ 30%"), rates=True)
        node = parse(
            _svg.trend(points, scale, target=Target.parse("≥ 30%"), css="s-met", label="x")
        ).root

        assert scale == _svg.Scale(f(2, 10), f(8, 10))
        assert len(node.find("polyline")) == 2
        assert len(node.find("circle", "dot")) == 1
        assert node.find("circle", "last")[0].attributes["cx"] == "117.0"
        assert node.find("line", "goal")[0].attributes["y1"] == "28.0"

    def test_trend_outside_its_scale(self) -> None:
        """A target bound outside the chart's scale is not drawn; no point, no stressed dot."""
        scale = _svg.Scale(Fraction(0), Fraction(10))
        node = parse(
            _svg.trend((None, None), scale, target=Target(minimum=20), css="s-info", label="x")
        ).root

        assert node.find("line") == []
        assert node.find("circle") == []
        assert node.find("polyline") == []

    def test_magnitude_of_every_kind(self) -> None:
        """Drawings place rates by fraction, money by amount, counts and finite points."""
        assert _svg.magnitude(Decimal("Infinity")) is None
        assert _svg.magnitude(Decimal("2.5")) == Fraction(5, 2)
        assert _svg.trend_points((Rate(1, 2), 3, None), rates=False) == (None, Fraction(3), None)


def test_trend_without_matching_periods() -> None:
    """A trend longer than the card's periods is labelled by its number of periods."""
    i = Indicator(key="k", title="K", title_zh="", value=Rate(1, 2), trend=(Rate(1, 4), Rate(1, 2)))
    card = Scorecard(
        title="P",
        period=PERIOD,
        as_of=AS_OF,
        periods=PERIODS[-1:],
        sections=(Section(key="s", title="S", title_zh="", indicators=(i,)),),
    )

    assert "2 期 periods · 20–50%" in parse(card.to_html()).root.all_text()


def test_elapsed() -> None:
    """Overdue time shows its two largest units."""
    assert _html._elapsed(timedelta(days=2, hours=3, minutes=4)) == "2 d 3 h"
    assert _html._elapsed(timedelta(hours=5, minutes=10)) == "5 h 10 min"
    assert _html._elapsed(timedelta(seconds=59)) == "< 1 min"


def test_findings_fixture_has_overdue_items() -> None:
    """The fixture's notices hold overdue and on-time items (what the page must show)."""
    notices = improvement_notices(findings(), as_of=AS_OF)

    assert [n.overdue_count for n in notices] == [0, 1, 2]
