"""The scorecard as one self-contained HTML page, or a fragment for a notebook (private).

The page has inline CSS and inline SVG only: no script, no external URL of any kind (no web
fonts, no images), so it can be mailed, archived and printed as it is. Every text is escaped.
Figures are the card's exact values as text (`93.8% (15/16)`, `¥4,608,000.00`); drawings
(`_svg`) only illustrate them. The same card always gives the same bytes: no ids from
memory addresses, no timestamps, sections numbered by position.

Layout: a table per section on a wide screen and on A4 paper; below 640 px each indicator
becomes a small block of labelled figures (CSS only), and wide tables (a group's properties
side by side) scroll inside their own box, never the page.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import datetime, timedelta
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

from propstd._numbers import EXACT, to_decimal
from propstd._table import cell
from propstd.findings import ImprovementNotice, NoticeItem
from propstd.money import Currency, Money
from propstd.rates import Rate
from propstd.scorecards import _svg
from propstd.scorecards._model import Indicator, OpenItem, Section, Status, Value
from propstd.scorecards._style import CARD_CSS, PAGE_CSS

if TYPE_CHECKING:
    from propstd.scorecards._card import Scorecard

__all__: list[str] = []

esc = html.escape

SYMBOLS = {
    Status.MET: "✓",
    Status.WATCH: "!",
    Status.MISSED: "✗",
    Status.INFO: "i",
    Status.NOT_APPLICABLE: "–",
    Status.NO_DATA: "?",
    Status.NOT_SET: "○",
}
"""A symbol per status, so a status reads without colour (print, colour-blind readers)."""

_WORDS = {
    Status.MET: "met",
    Status.WATCH: "watch",
    Status.MISSED: "missed",
    Status.INFO: "info",
    Status.NOT_APPLICABLE: "n/a",
    Status.NO_DATA: "no data",
    Status.NOT_SET: "not set",
}

_EMPTY_SECTION = {
    Status.NO_DATA: "无数据 No data: no records of this kind were given for the period.",
    Status.NOT_SET: "未设定 Not set: the service standard does not fix this part.",
}

_NO_DEPARTMENT = "未指定部门 (no department)"
_NONE = "—"


# -- figures as text ---------------------------------------------------------------------------


def money_text(money: Money) -> str:
    """An amount with thousands separators: `¥4,608,000.00` for yuan, `USD 12.50` otherwise.

    Examples:
        >>> money_text(Money("-4608000", "CNY")), money_text(Money("12.5", "USD"))
        ('-¥4,608,000.00', 'USD 12.50')
    """
    if money.currency is Currency.CNY:
        sign = "-" if money.amount < 0 else ""
        return f"{sign}¥{money.amount.copy_abs():,}"
    return f"{money.currency.value} {money.amount:,}"


def value_text(value: Value | None) -> str:
    """The exact figure as shown: `93.8% (15/16)`, `¥1,200.00`, `1,150`, `2.5`.

    Examples:
        >>> value_text(Rate(15, 16)), value_text(1150), value_text(None)
        ('93.8% (15/16)', '1,150', '无数据 no data')
    """
    if value is None:
        return "无数据 no data"
    if isinstance(value, Money):
        return money_text(value)
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def change_text(now: Value | None, before: Value | None) -> str:
    """The change from *before* to *now*: exact for amounts and counts, in percentage points
    rounded half up to 0.1 for rates; `""` when the two cannot be compared.

    Examples:
        >>> change_text(Rate(15, 16), Rate(35, 38)), change_text(3, 5), change_text(2, 2)
        ('▲ +1.6 pt', '▼ -2', '= 0')
        >>> change_text(Money("10", "CNY"), Money("4", "CNY")), change_text(Rate(0, 0), Rate(1, 2))
        ('▲ +¥6.00', '')
    """
    diff = _difference(now, before)
    if diff is None:
        return ""
    sign, text = diff
    return {1: f"▲ +{text}", -1: f"▼ -{text}"}.get(sign, "= 0")


def _sign(x: Fraction | Decimal | int) -> int:
    return (x > 0) - (x < 0)


def _difference(now: Value | None, before: Value | None) -> tuple[int, str] | None:
    """The sign of `now - before` and its size as text, or `None` when they do not compare."""
    if isinstance(now, Rate) and isinstance(before, Rate):
        a, b = now.fraction, before.fraction
        if a is None or b is None:
            return None
        points = (a - b) * 100
        return _sign(points), f"{to_decimal(abs(points), 1, 'half_up')} pt"
    if isinstance(now, Money) and isinstance(before, Money):
        if now.currency is not before.currency:
            return None
        money = now - before
        return _sign(money.amount), money_text(abs(money))
    if isinstance(now, int) and isinstance(before, int):
        return _sign(now - before), f"{abs(now - before):,}"
    if isinstance(now, Decimal) and isinstance(before, Decimal):
        if not (now.is_finite() and before.is_finite()):
            return None
        step = EXACT.subtract(now, before)
        return _sign(step), str(step.copy_abs())
    return None


def status_text(status: Status) -> str:
    """The status in words, Chinese and English: `未达标 missed`."""
    return f"{status.label_zh} {_WORDS[status]}"


def _status(status: Status) -> str:
    return (
        f'<span class="st s-{status.value}"><span class="sym" aria-hidden="true">'
        f"{SYMBOLS[status]}</span> {esc(status_text(status))}</span>"
    )


def _titles(zh: str, en: str) -> str:
    first = f'<span class="zh">{esc(zh)}</span> ' if zh else ""
    return f'{first}<span class="en" lang="en">{esc(en)}</span>'


# -- the page ----------------------------------------------------------------------------------


def page(card: Scorecard) -> str:
    """The whole HTML5 document of *card*."""
    title = f"{card.title} {card.period} — 月度计分卡 Monthly scorecard"
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)}</title>\n<style>\n{PAGE_CSS}{CARD_CSS}</style>\n</head>\n"
        f"<body>\n{_card_body(card, style='')}\n</body>\n</html>\n"
    )


def fragment(card: Scorecard) -> str:
    """*card* as one `<div>` for a notebook cell: its own scoped style, no document parts."""
    return _card_body(card, style=f"<style>\n{CARD_CSS}</style>\n")


def _card_body(card: Scorecard, *, style: str) -> str:
    trend = any(len(i.trend) > 1 for i in card.rows())
    parts = [
        _header(card),
        _group_table(card) if card.cards else "",
        *(_section(n, s, card, trend=trend) for n, s in enumerate(card.sections, 1)),
        _notices(card),
        _open_items(card),
        _footer(),
    ]
    return f'<div class="psc">\n{style}' + "\n".join(p for p in parts if p) + "\n</div>"


def _header(card: Scorecard) -> str:
    rows = card.rows()
    members = ""
    if card.cards:
        names = " · ".join(esc(c.title) for c in card.cards)
        members = f'<p class="meta">项目 Properties: {names}</p>'
    links = [(f"sec-{n}", s.title_zh, s.title) for n, s in enumerate(card.sections, 1)]
    links += [("notices", "工作改进通知单", "Notices"), ("open", "未结事项", "Open items")]
    nav = "".join(f'<a href="#{ref}">{_titles(zh, en)}</a>' for ref, zh, en in links)
    return (
        '<header class="head">'
        '<p class="kicker">月度计分卡 <span lang="en">Monthly scorecard</span></p>'
        f"<h1>{esc(card.title)}</h1>{members}"
        f'<p class="meta">期间 Period <b>{esc(str(card.period))}</b> · '
        f"截至 As of <b>{esc(cell(card.as_of))}</b></p>"
        f'<p class="summary">{_summary(rows, always=True)}</p>'
        f'<nav aria-label="sections">{nav}</nav></header>'
    )


def _summary(rows: Sequence[Indicator], *, always: bool) -> str:
    """How many indicators stand how: met, missed and no data always on the page's summary."""
    counts = dict.fromkeys(Status, 0)
    for i in rows:
        counts[i.status] += 1
    shown = (Status.MET, Status.MISSED, Status.NO_DATA) if always else ()
    chips = [
        f'<span class="chip s-{s.value}"><span class="sym" aria-hidden="true">{SYMBOLS[s]}'
        f"</span> {n} {esc(status_text(s))}</span>"
        for s, n in counts.items()
        if n or s in shown
    ]
    return f"{len(rows)} 项指标 indicators: " + " ".join(chips)


# -- sections ----------------------------------------------------------------------------------

_INDICATOR_HEADS = (
    "指标 Indicator",
    "本月 This month",
    "目标 Target",
    "状态 Status",
    "上月 Previous · 变化 Change",
)


def _section(n: int, section: Section, card: Scorecard, *, trend: bool) -> str:
    parts = [
        f'<section class="sec domain s-{section.status.value}" id="sec-{n}">',
        f"<h2>{_titles(section.title_zh, section.title)}</h2>",
    ]
    if section.indicators:
        parts.append(f'<p class="sec-sum">{_summary(section.indicators, always=False)}</p>')
    empty = _EMPTY_SECTION.get(section.status)
    if empty:
        symbol = SYMBOLS[section.status]
        parts.append(f'<p class="empty"><span class="sym">{symbol}</span> {esc(empty)}</p>')
    if section.indicators:
        heads = (*_INDICATOR_HEADS, "趋势 Trend") if trend else _INDICATOR_HEADS
        head = "".join(f'<th scope="col">{esc(h)}</th>' for h in heads)
        body = "".join(_indicator(i, card, trend=trend) for i in section.indicators)
        parts.append(
            f'<table class="rows ind"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
        )
    if section.notes:
        notes = "".join(f"<li>{esc(note)}</li>" for note in section.notes)
        parts.append(f'<ul class="notes">{notes}</ul>')
    parts.append("</section>")
    return "".join(parts)


def _indicator(i: Indicator, card: Scorecard, *, trend: bool) -> str:
    unset = i.value is None and i.status is Status.NOT_SET
    value = status_text(Status.NOT_SET) if unset else value_text(i.value)
    goal = "" if i.target is None else str(i.target)
    ref = "" if i.reference is None else f"参照 ref. {value_text(i.reference)}"
    shown = f'<span class="num">{esc(value)}</span>'
    if i.value is not None:
        target = f"目标 target {goal}" if goal else ""
        label = "; ".join(t for t in (f"{i.title_zh} {i.title}: {value}".strip(), target, ref) if t)
        shown += _svg.bar(
            i.value,
            target=i.target,
            reference=i.reference,
            history=i.trend,
            css=f"s-{i.status.value}",
            label=label,
        )
    if ref:
        shown += f'<span class="ref">{esc(ref)}</span>'
    previous = value_text(i.previous) if len(i.trend) > 1 else _NONE
    cells = [
        f'<th scope="row" class="name">{_titles(i.title_zh, i.title)}</th>',
        _td(_INDICATOR_HEADS[1], shown, "val"),
        _td(_INDICATOR_HEADS[2], esc(goal or _NONE)),
        _td(_INDICATOR_HEADS[3], _status(i.status)),
        _td(
            _INDICATOR_HEADS[4],
            f'<span class="num">{esc(previous)}</span>'
            f'<span class="chg">{esc(change_text(i.value, i.previous) or _NONE)}</span>',
        ),
    ]
    if trend:
        cells.append(_td("趋势 Trend", _trend(i, card), "trend"))
    return f'<tr class="s-{i.status.value}">{"".join(cells)}</tr>'


def _td(label: str, content: str, css: str = "") -> str:
    klass = f' class="{css}"' if css else ""
    return f'<td{klass} data-label="{esc(label)}">{content}</td>'


def _trend(i: Indicator, card: Scorecard) -> str:
    rates = isinstance(i.value, Rate) or (
        i.value is None and any(isinstance(v, Rate) for v in i.trend)
    )
    points = _svg.trend_points(i.trend, rates=rates)
    if len(points) < 2 or all(p is None for p in points):
        return _NONE
    scale = _svg.trend_scale(points, i.target, rates=rates)
    months = [str(p) for p in card.periods] if len(card.periods) == len(i.trend) else []
    span = f"{months[0]} – {months[-1]}" if months else f"{len(i.trend)} 期 periods"
    names = months or [f"{n}" for n in range(1, len(i.trend) + 1)]
    texts = [f"{m}: {value_text(v)}" for m, v in zip(names, i.trend, strict=True)]
    label = f"{i.title_zh} {i.title} {span}. " + "; ".join(texts)
    drawing = _svg.trend(
        points, scale, target=i.target, css=f"s-{i.status.value}", label=label.strip()
    )
    axis = f' · <span class="nw">{scale.lo * 100}–{scale.hi * 100}%</span>' if rates else ""
    return f'{drawing}<span class="axis"><span class="nw">{esc(span)}</span>{axis}</span>'


# -- the group's properties side by side ---------------------------------------------------------


def _group_table(card: Scorecard) -> str:
    """The main indicators (those with a target) of every property next to the group's."""
    members = card.cards
    judged = {i.key for c in (card, *members) for i in c.rows() if i.target is not None}
    rows = [i for i in card.rows() if i.key in judged] or list(card.rows())
    lookup = [{i.key: i for i in m.rows()} for m in members]
    head = "".join(f'<th scope="col">{esc(m.title)}</th>' for m in members)
    body = []
    for i in rows:
        cells = "".join(_group_cell(keyed.get(i.key)) for keyed in lookup)
        name = _titles(i.title_zh, i.title)
        target = esc(str(i.target)) if i.target is not None else _NONE
        own = _group_cell(i)
        body.append(f'<tr><th scope="row">{name}</th><td class="nw">{target}</td>{own}{cells}</tr>')
    tally = "".join(f"<td>{_met_count(c)}</td>" for c in (card, *members))
    body.append(f'<tr class="tally"><th scope="row">达标 Met</th><td></td>{tally}</tr>')
    return (
        '<section class="sec group" id="sec-0"><h2>各项目对比 '
        '<span class="en" lang="en">Properties side by side</span></h2>'
        '<p class="hint">← 左右滑动查看各项目 swipe sideways for every property →</p>'
        '<div class="scroll" role="region" aria-label="properties side by side" tabindex="0">'
        '<table class="grid"><thead><tr><th scope="col">指标 Indicator</th>'
        f'<th scope="col">目标 Target</th><th scope="col">合计 Group</th>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table></div></section>"
    )


def _group_cell(i: Indicator | None) -> str:
    if i is None:
        return f"<td>{_NONE}</td>"
    return (
        f'<td class="s-{i.status.value}"><span class="num">{esc(value_text(i.value))}</span> '
        f'<span class="sym" title="{esc(status_text(i.status))}">{SYMBOLS[i.status]}</span></td>'
    )


def _met_count(card: Scorecard) -> str:
    judged = [i for i in card.rows() if i.status in (Status.MET, Status.WATCH, Status.MISSED)]
    met = sum(1 for i in judged if i.status is Status.MET)
    return f"{met} / {len(judged)}"


# -- notices and open items --------------------------------------------------------------------


def _notices(card: Scorecard) -> str:
    """The work improvement notices, one block per department (per property on a group)."""
    blocks: list[str] = []
    if card.cards:
        for member in card.cards:
            blocks += (_notice(n, member.title) for n in member.notices)
    else:
        blocks += (_notice(n, "") for n in card.notices)
    body = "".join(blocks) or '<p class="empty">本月无工作改进通知单 No improvement notices.</p>'
    return (
        '<section class="sec notices" id="notices"><h2>工作改进通知单 '
        f'<span class="en" lang="en">Work improvement notices</span></h2>{body}</section>'
    )


def _notice(notice: ImprovementNotice, where: str) -> str:
    department = notice.department or _NO_DEPARTMENT
    heading = f"{where} · {department}" if where else department
    items = "".join(_notice_item(item, notice.as_of) for item in notice.items)
    summary = (
        f"截至 As of {cell(notice.as_of)}: {len(notice.items)} 项未结 open, "
        f"{notice.overdue_count} 项逾期 overdue"
    )
    return (
        f'<article class="notice"><h3>{esc(heading)}</h3><p class="meta">{esc(summary)}</p>'
        f'<ol class="items">{items}</ol></article>'
    )


def _notice_item(item: NoticeItem, as_of: datetime) -> str:
    f = item.finding
    due = cell(f.rectify_by.astimezone(as_of.tzinfo))
    where = f" @ {f.location}" if f.location else ""
    head = (
        f"[{f.id}] {f.item_code} · {f.category.label_zh} {f.category.value} · "
        f"{f.severity.label_zh} {f.severity.value}{where}"
    )
    owner = f"责任人 Owner: {f.owner} · " if f.owner else ""
    meta = f"{owner}整改期限 Rectify by {due} · {item.status.label_zh} {item.status.value}"
    late = ""
    if item.is_overdue:
        late = f' <strong class="late">⚠ 逾期 overdue {esc(_elapsed(item.overdue_by))}</strong>'
    klass = ' class="overdue"' if item.is_overdue else ""
    return (
        f'<li{klass}><p class="what">{esc(head)}</p><p>{esc(f.description)}</p>'
        f'<p class="meta">{esc(meta)}{late}</p></li>'
    )


def _elapsed(delta: timedelta) -> str:
    """A time past a deadline in its two largest units (`2 d 3 h`, `5 h 10 min`)."""
    minutes = delta // timedelta(minutes=1)
    days, rest = divmod(minutes, 24 * 60)
    parts = [(days, "d"), (rest // 60, "h"), (rest % 60, "min")]
    shown = [f"{n} {unit}" for n, unit in parts if n][:2]
    return " ".join(shown) or "< 1 min"


_ITEM_HEADS = ("逾期 Overdue", "编号 Ref", "事项 Item", "类别 Kind", "责任 Owner", "期限 Due")


def _open_items(card: Scorecard) -> str:
    """What is still open at `as_of`, overdue first."""
    items = sorted(card.open_items, key=lambda o: not o.overdue)
    group = bool(card.cards)
    if not items:
        body = '<p class="empty">无未结事项 Nothing open.</p>'
    else:
        heads = (*_ITEM_HEADS, "项目 Property") if group else _ITEM_HEADS
        head = "".join(f'<th scope="col">{esc(h)}</th>' for h in heads)
        rows = "".join(_open_item(o, group=group) for o in items)
        body = (
            f'<table class="rows items"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'
        )
    return (
        '<section class="sec open" id="open"><h2>未结事项 '
        f'<span class="en" lang="en">Open items</span></h2>{body}</section>'
    )


def _open_item(o: OpenItem, *, group: bool) -> str:
    mark = '<strong class="late">⚠ 逾期 overdue</strong>' if o.overdue else "按期 on time"
    cells = [
        _td(_ITEM_HEADS[0], mark),
        _td(_ITEM_HEADS[1], esc(o.ref), "nw"),
        _td(_ITEM_HEADS[2], esc(o.title or _NONE), "wide"),
        _td(_ITEM_HEADS[3], esc(o.kind)),
        _td(_ITEM_HEADS[4], esc(o.owner or _NONE)),
        _td(_ITEM_HEADS[5], esc(cell(o.due) or _NONE)),
    ]
    if group:
        cells.append(_td("项目 Property", esc(o.property or _NONE)))
    klass = ' class="overdue"' if o.overdue else ""
    return f"<tr{klass}>{''.join(cells)}</tr>"


def _footer() -> str:
    return (
        '<footer class="foot"><p>数值均为精确值；百分比四舍五入至 0.1%，括号内为分子/分母；'
        "变化按精确值计算。条形与趋势线仅为示意：竖线为目标，浅色带为达标范围。</p>"
        '<p lang="en">Figures are exact; percentages are rounded half up to 0.1 % with the '
        "counts in brackets; changes are computed from the exact figures. Bars and trend "
        "lines only illustrate them: the vertical mark is the target, the light band the "
        "range that meets it.</p></footer>"
    )
