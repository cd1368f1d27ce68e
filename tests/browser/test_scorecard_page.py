"""The scorecard page in a real browser (headless Chromium): everything shows on a 390 px phone
without sideways scrolling, the bars and trends are drawn, and it prints on A4."""

from __future__ import annotations

import re
import struct
import zlib
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from propstd.scorecards import Scorecard
from tests.browser.conftest import Chromium
from tests.scorecard_cards import group_card, property_card

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PHONE = 390
DESKTOP = 1280


@pytest.fixture(scope="module")
def card() -> Scorecard:
    return property_card()


@pytest.fixture(scope="module")
def phone(chromium: Chromium, card: Scorecard) -> dict[str, Any]:
    return chromium.measure(card.to_html(), width=PHONE)


@pytest.fixture(scope="module")
def page_file(tmp_path_factory: pytest.TempPathFactory, card: Scorecard) -> Path:
    path = tmp_path_factory.mktemp("page") / "page.html"
    path.write_text(card.to_html(), encoding="utf-8")
    return path


# -- the phone ---------------------------------------------------------------------------------


def test_phone_viewport_is_390_px(phone: dict[str, Any]) -> None:
    """The page really is laid out 390 px wide (the frame, not Chromium's 500 px window)."""
    assert phone["innerWidth"] == PHONE


def test_no_horizontal_scroll_on_a_phone(phone: dict[str, Any]) -> None:
    """At 390 px the page is no wider than the screen and nothing sticks out of it."""
    assert phone["scrollWidth"] <= PHONE
    assert phone["overflowing"] == []


def test_every_indicator_is_visible_on_a_phone(card: Scorecard, phone: dict[str, Any]) -> None:
    """Every indicator's title is rendered on screen, inside the 390 px width."""
    assert phone["names"] == [i.title for i in card.rows()]


def test_bars_and_trends_are_drawn_on_a_phone(card: Scorecard, phone: dict[str, Any]) -> None:
    """Each indicator with a figure has a visible bar; each trend with data a visible chart."""
    assert phone["bars"] == sum(1 for i in card.rows() if i.value is not None)
    assert phone["trends"] == sum(1 for i in card.rows() if any(v is not None for v in i.trend))


def test_group_table_scrolls_in_its_own_box(chromium: Chromium) -> None:
    """A group's wide table scrolls inside its box at 390 px; the page itself does not."""
    measured = chromium.measure(group_card().to_html(), width=PHONE)

    assert measured["scrollWidth"] <= PHONE
    assert measured["overflowing"] == []
    ((client, content),) = measured["scrollBoxes"]
    assert client <= PHONE < content


def test_desktop_layout_fits(chromium: Chromium, card: Scorecard) -> None:
    """At 1280 px the page has no overflow either, and shows every indicator and bar."""
    measured = chromium.measure(card.to_html(), width=DESKTOP)

    assert measured["scrollWidth"] <= DESKTOP
    assert measured["overflowing"] == []
    assert measured["names"] == [i.title for i in card.rows()]
    assert measured["bars"] == sum(1 for i in card.rows() if i.value is not None)


# -- the production page as the browser builds it ---------------------------------------------


class _Rows(HTMLParser):
    """The bars inside each indicator row of a DOM (a bar outside its row is not counted)."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[int] = []
        self.table = self.body = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if tag == "table":
            self.table = "ind" in classes
        elif tag == "tbody":
            self.body = self.table
        elif tag == "tr" and self.body:
            self.rows.append(0)
        elif tag == "svg" and "bar" in classes and self.body:
            self.rows[-1] += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("tbody", "table"):
            self.body = False


def test_browser_builds_the_same_rows(chromium: Chromium, card: Scorecard, page_file: Path) -> None:
    """Chromium's DOM of the script-free page keeps every row with its own bar (nothing was
    moved out of a table by the browser's error recovery) and every title."""
    dom = chromium.dump_dom(page_file, width=DESKTOP)
    rows = _Rows()
    rows.feed(dom)

    assert "<script" not in dom
    assert rows.rows == [int(i.value is not None) for i in card.rows()]
    for i in card.rows():
        assert i.title in dom
        assert i.title_zh in dom


# -- pictures and paper ------------------------------------------------------------------------


def png_pixels(data: bytes, rows: int) -> tuple[int, int, list[bytes]]:
    """Width, height and the first *rows* rows of RGB(A) pixels of an 8-bit PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height, depth, colour = struct.unpack(">IIBB", data[16:26])
    assert depth == 8
    channels = {2: 3, 6: 4}[colour]
    idat, at = b"", 8
    while at < len(data):
        (size,) = struct.unpack(">I", data[at : at + 4])
        if data[at + 4 : at + 8] == b"IDAT":
            idat += data[at + 8 : at + 8 + size]
        at += size + 12
    raw = zlib.decompress(idat)
    stride = width * channels
    out: list[bytes] = []
    prev = bytes(stride)
    for y in range(min(rows, height)):
        kind, line = (
            raw[y * (stride + 1)],
            bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)]),
        )
        for x in range(stride):
            left = line[x - channels] if x >= channels else 0
            up, corner = prev[x], prev[x - channels] if x >= channels else 0
            if kind == 1:
                line[x] = (line[x] + left) & 255
            elif kind == 2:
                line[x] = (line[x] + up) & 255
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                pred = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                line[x] = (line[x] + pred) & 255
        prev = bytes(line)
        out.append(prev)
    return width, height, [bytes(r[i] for i in range(len(r)) if i % channels < 3) for r in out]


def colours(rows: list[bytes]) -> dict[str, int]:
    """How many pixels are ink (dark), the 'met' green and the 'missed' red of the page."""
    counts = {"ink": 0, "met": 0, "missed": 0, "all": 0}
    for row in rows:
        for x in range(0, len(row), 3):
            r, g, b = row[x], row[x + 1], row[x + 2]
            counts["all"] += 1
            counts["ink"] += r + g + b < 200
            counts["met"] += abs(r - 0x1A) < 12 and abs(g - 0x7F) < 12 and abs(b - 0x37) < 12
            counts["missed"] += abs(r - 0xC2) < 12 and abs(g - 0x26) < 12 and abs(b - 0x1D) < 12
    return counts


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
def test_screenshot_shows_text_and_coloured_bars(
    chromium: Chromium, card: Scorecard, tmp_path: Path, width: int
) -> None:
    """A screenshot is written, as wide as the screen, with text and green and red bars on it."""
    png = chromium.screenshot(card.to_html(), tmp_path / "page.png", width=width, height=2000)

    assert png.exists()
    w, h, rows = png_pixels(png.read_bytes(), rows=900)
    assert (w, h) == (width, 2000)
    seen = colours(rows)
    assert seen["ink"] > seen["all"] // 200
    assert seen["met"] > 200
    assert seen["missed"] > 200


def test_prints_on_a4(chromium: Chromium, page_file: Path, tmp_path: Path) -> None:
    """Printing gives a PDF of A4 pages (the page's `@page` rule), at least one."""
    pdf = chromium.print_pdf(page_file, tmp_path / "page.pdf").read_bytes()

    assert pdf.startswith(b"%PDF-")
    pages = re.findall(rb"/Type\s*/Page\b", pdf)
    assert len(pages) >= 1
    assert re.findall(rb"/Count (\d+)", pdf) == [str(len(pages)).encode()]
    boxes = {
        tuple(round(float(v)) for v in box.split())
        for box in re.findall(rb"/MediaBox\s*\[\s*([\d.\s]+?)\s*\]", pdf)
    }
    assert boxes == {(0, 0, 595, 842)}  # A4 in points (210 × 297 mm)


def test_chinese_fonts_installed(cjk_fonts: str) -> None:
    """The machine has a Chinese font (the page names system CJK fonts, no web font)."""
    assert cjk_fonts.strip()
