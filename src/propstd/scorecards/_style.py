"""The scorecard page's style sheet (private): plain CSS, no URL, no web font.

`CARD_CSS` is scoped under `.psc` (the card's root `<div>`), so a notebook cell can carry it
without touching the notebook's own look; `PAGE_CSS` adds what only a whole page may set
(the paper size, the document's margins). Chinese text uses the system's CJK fonts.

Colours come with a symbol and words everywhere (`✓ 达标 met`), so a page printed in black
and white, or read by someone who does not tell red from green, loses nothing.
"""

from __future__ import annotations

__all__: list[str] = []

PAGE_CSS = """\
@page { size: A4; margin: 12mm 12mm 14mm; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; background: #f6f7f9; }
body { margin: 0; }
@media print { html { background: #fff; } }
"""

CARD_CSS = """\
.psc { --ink: #1f2328; --muted: #57606a; --line: #d8dee4; --soft: #f6f8fa;
  --met: #1a7f37; --met-bg: #dcf3e3; --watch: #8a5a00; --watch-bg: #fff1c2;
  --missed: #c2261d; --missed-bg: #fde4e1; --info: #2f5b8a; --info-bg: #e4edf7;
  --none: #5c6670; --none-bg: #eceff2;
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB",
    "Microsoft YaHei", "WenQuanYi Micro Hei", system-ui, -apple-system, "Segoe UI", sans-serif;
  color: var(--ink); background: #fff; font-size: 15px; line-height: 1.5;
  max-width: 64rem; margin: 0 auto; padding: 20px 24px 32px; box-sizing: border-box;
  overflow-wrap: anywhere; }
.psc *, .psc *::before, .psc *::after { box-sizing: border-box; }
.psc h1, .psc h2, .psc h3, .psc p, .psc ol, .psc ul { margin: 0; }
.psc .en { color: var(--muted); font-weight: normal; }
.psc .num { font-variant-numeric: tabular-nums; }
.psc .nw { white-space: nowrap; }
.psc .head { border-bottom: 3px solid var(--ink); padding-bottom: 12px; margin-bottom: 8px; }
.psc .kicker { color: var(--muted); font-size: 0.85em; letter-spacing: 0.05em; }
.psc h1 { font-size: 1.7em; line-height: 1.25; margin: 2px 0 6px; }
.psc .meta { color: var(--muted); font-size: 0.9em; }
.psc .meta b { color: var(--ink); font-weight: 600; }
.psc .summary { margin-top: 8px; display: flex; flex-wrap: wrap; gap: 6px;
  align-items: center; }
.psc nav { margin-top: 10px; display: flex; flex-wrap: wrap; gap: 4px 14px; font-size: 0.85em; }
.psc nav a { color: var(--info); text-decoration: none; }
.psc nav a .en { color: inherit; }
.psc .chip, .psc .st { display: inline-block; border: 1px solid currentColor;
  border-radius: 999px; padding: 0 8px; font-size: 0.85em; white-space: nowrap; }
.psc .sym { font-weight: 700; }
.psc .s-met { --c: var(--met); --bg: var(--met-bg); }
.psc .s-watch { --c: var(--watch); --bg: var(--watch-bg); }
.psc .s-missed { --c: var(--missed); --bg: var(--missed-bg); }
.psc .s-info { --c: var(--info); --bg: var(--info-bg); }
.psc .s-not_applicable, .psc .s-no_data, .psc .s-not_set { --c: var(--none); --bg: var(--none-bg); }
.psc .chip, .psc .st { color: var(--c); background: var(--bg); }
.psc .sec { margin-top: 26px; }
.psc h2 { font-size: 1.25em; border-left: 5px solid var(--ink); padding-left: 10px;
  margin-bottom: 4px; }
.psc h3 { font-size: 1.05em; }
.psc .sec-sum { font-size: 0.9em; display: flex; flex-wrap: wrap; gap: 6px; align-items: center;
  color: var(--muted); margin-bottom: 6px; }
.psc .empty .sym { color: var(--none); }
.psc .empty { color: var(--muted); background: var(--soft); border: 1px dashed var(--line);
  border-radius: 6px; padding: 8px 12px; margin: 6px 0; }
.psc table { border-collapse: collapse; width: 100%; }
.psc th, .psc td { text-align: left; vertical-align: top; padding: 7px 8px;
  border-bottom: 1px solid var(--line); }
.psc thead th { font-size: 0.8em; font-weight: 600; color: var(--muted);
  border-bottom: 2px solid var(--line); }
.psc tbody th { font-weight: 600; }
.psc tbody th .en { display: block; font-size: 0.85em; }
.psc table.ind { table-layout: fixed; }
.psc table.ind thead th:nth-child(1) { width: 19%; }
.psc table.ind thead th:nth-child(2) { width: 22%; }
.psc table.ind thead th:nth-child(3) { width: 9%; }
.psc table.ind thead th:nth-child(4) { width: 16%; }
.psc table.ind thead th:nth-child(5) { width: 18%; }
.psc table.ind thead th:nth-child(6) { width: 16%; }
.psc table.ind tbody tr { border-left: 4px solid var(--c, transparent); }
.psc .ref { display: block; font-size: 0.8em; color: var(--muted); }
.psc .chg { display: block; color: var(--muted); white-space: nowrap; }
.psc table.ind td.val .num { font-weight: 600; }
.psc svg.bar { display: block; width: 100%; max-width: 16rem; height: 14px; margin-top: 4px; }
.psc svg.bar .track { fill: #e6e9ed; }
.psc svg.bar .band { fill: #bfe3c9; }
.psc svg.bar .fill { fill: var(--c); }
.psc svg.bar .mark { stroke: #111; stroke-width: 2.5px; }
.psc svg.bar .zero { stroke: #8c959f; stroke-width: 1px; }
.psc svg.trend { display: block; max-width: 100%; height: auto; }
.psc svg.trend .frame { fill: var(--soft); }
.psc svg.trend .goal { stroke: #111; stroke-width: 0.8; stroke-dasharray: 3 2; }
.psc svg.trend .line { fill: none; stroke: var(--info); stroke-width: 1.4;
  stroke-linejoin: round; stroke-linecap: round; }
.psc svg.trend .dot { fill: var(--info); }
.psc svg.trend .last { fill: var(--c); stroke: #fff; stroke-width: 0.8; }
.psc .axis { display: block; font-size: 0.72em; color: var(--muted); }
.psc .notes { margin-top: 6px; padding-left: 1.2em; font-size: 0.9em; color: var(--muted); }
.psc .scroll { overflow-x: auto; max-width: 100%; border: 1px solid var(--line);
  border-radius: 6px; }
.psc table.grid { width: auto; min-width: 100%; overflow-wrap: normal; }
.psc table.grid th, .psc table.grid td { white-space: nowrap; }
.psc table.grid td .sym { color: var(--c); }
.psc table.grid tr.tally th, .psc table.grid tr.tally td { background: var(--soft); }
.psc table.grid tbody th, .psc table.grid thead th:first-child { position: sticky; left: 0;
  z-index: 1; background: #fff; box-shadow: 1px 0 0 var(--line); }
.psc .hint { display: none; font-size: 0.8em; color: var(--muted); }
.psc .notice { border: 1px solid var(--line); border-left: 4px solid var(--watch);
  border-radius: 6px; padding: 10px 14px; margin-top: 10px; }
.psc .notice .items { margin-top: 6px; padding-left: 1.4em; }
.psc .notice li { padding: 6px 0; border-top: 1px solid var(--line); }
.psc .notice .what { font-weight: 600; }
.psc .late { color: var(--missed); white-space: nowrap; }
.psc tr.overdue, .psc li.overdue { background: #fff8f7; }
.psc .foot { margin-top: 32px; padding-top: 10px; border-top: 1px solid var(--line);
  font-size: 0.8em; color: var(--muted); }
@media (max-width: 640px) {
  .psc { font-size: 14px; padding: 14px 12px 24px; }
  .psc h1 { font-size: 1.45em; }
  .psc table.rows, .psc table.rows tbody, .psc table.rows th, .psc table.rows td { display: block; }
  .psc table.rows thead { position: absolute; width: 1px; height: 1px; overflow: hidden;
    clip-path: inset(50%); }
  .psc table.rows tr { display: grid; grid-template-columns: 1fr 1fr; gap: 4px 12px;
    padding: 10px 0 10px 10px; border-bottom: 1px solid var(--line); }
  .psc table.rows th, .psc table.rows td { border: 0; padding: 0; min-width: 0; }
  .psc table.rows tbody th, .psc table.rows td.val, .psc table.rows td.wide {
    grid-column: 1 / -1; }
  .psc table.rows tbody th .en { display: inline; }
  .psc table.rows td::before { content: attr(data-label); display: block; font-size: 0.75em;
    color: var(--muted); }
  .psc svg.bar { max-width: none; }
  .psc .hint { display: block; }
}
@media print {
  .psc { font-size: 9.5pt; max-width: none; padding: 0; background: none; }
  .psc * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .psc nav { display: none; }
  .psc .sec { margin-top: 14px; }
  .psc h2, .psc h3 { break-after: avoid; }
  .psc .head, .psc .domain, .psc tr, .psc .notice, .psc .notice li, .psc .empty {
    break-inside: avoid; }
  .psc .scroll { overflow: visible; border: 0; }
  .psc table.grid { font-size: 0.92em; }
  .psc table.grid th, .psc table.grid td { white-space: normal; }
  .psc table.grid tbody th { min-width: 7.5em; }
  .psc table.grid td.nw { white-space: nowrap; }
  .psc th, .psc td { padding: 4px 6px; }
}
"""
