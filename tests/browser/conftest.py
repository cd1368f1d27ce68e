"""Headless Chromium for the page tests: the installed Debian `chromium`, driven through its
own command line (never a browser downloaded at run time, no driver library).

Chromium's headless window is never narrower than 500 px, so a phone's 390 px viewport is an
`<iframe srcdoc>` 390 px wide inside a harness page: media queries, `innerWidth` and
`scrollWidth` inside the frame are those of a 390 px screen. A test-only copy of the page
carries a small script that measures the rendered page (widths, what is visible) and writes
it into the harness, which `--dump-dom` then prints. The production page stays script-free.

Without `chromium` the tests skip, unless `CI` is set: CI installs it (`.ci/run`), so there a
missing browser fails.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
)
"""No network, no updates, no GPU: the same rendering on a laptop and on a CI runner."""

LIMIT = 180
"""Seconds before a hung browser is killed (a guard against hangs, not a speed check)."""

PROBE = """<script>
(() => {
  const d = document, wide = innerWidth, box = (e) => e.getBoundingClientRect();
  const seen = (e) => box(e).width > 0 && box(e).height > 0 && box(e).right <= wide + 0.5;
  const cls = (e) => `${e.tagName.toLowerCase()}.${e.getAttribute("class") || ""}`;
  const out = {
    innerWidth: wide,
    scrollWidth: d.documentElement.scrollWidth,
    height: d.documentElement.scrollHeight,
    names: [...d.querySelectorAll("table.ind tbody th .en")].filter(seen).map((e) => e.textContent),
    bars: [...d.querySelectorAll("svg.bar")].filter((e) => seen(e) && box(e).width > 40).length,
    trends: [...d.querySelectorAll("svg.trend")].filter(seen).length,
    overflowing: [...d.body.querySelectorAll("*")]
      .filter((e) => !e.closest(".scroll") && box(e).right > wide + 0.5).map(cls),
    scrollBoxes: [...d.querySelectorAll(".scroll")].map((e) => [e.clientWidth, e.scrollWidth]),
  };
  parent.document.getElementById("probe").textContent = JSON.stringify(out);
})();
</script>"""
"""Test-only: what the browser rendered, measured inside the page's own frame."""


class Chromium:
    """One installed Chromium, each call a fresh headless run with its own profile."""

    def __init__(self, executable: str, tmp: Path) -> None:
        self.executable = executable
        self.tmp = tmp
        self.runs = 0

    def run(self, url: str, *flags: str, width: int, height: int) -> str:
        """Load *url* in a window of *width* × *height* with *flags*; the standard output."""
        self.runs += 1
        profile = self.tmp / f"profile-{self.runs}"
        command = [
            self.executable,
            *FLAGS,
            f"--user-data-dir={profile}",
            f"--window-size={width},{height}",
            *flags,
            url,
        ]
        done = subprocess.run(command, capture_output=True, timeout=LIMIT, check=False)
        if done.returncode != 0:
            tail = done.stderr.decode("utf-8", "replace")[-2000:]
            pytest.fail(f"chromium exited {done.returncode}: {tail}")
        return done.stdout.decode("utf-8")

    def harness(self, page: str, *, width: int, height: int, probe: bool) -> Path:
        """A page framing *page* at *width* × *height* CSS pixels (with the probe if asked)."""
        framed = page.replace("</body>", PROBE + "\n</body>") if probe else page
        path = self.tmp / f"harness-{self.runs}-{width}.html"
        path.write_text(
            '<!DOCTYPE html><html><head><meta charset="utf-8"><style>html, body { margin: 0; }'
            f" iframe {{ display: block; border: 0; width: {width}px; height: {height}px; }}"
            f'</style></head><body><iframe srcdoc="{html.escape(framed)}"></iframe>'
            '<pre id="probe" hidden></pre></body></html>',
            encoding="utf-8",
        )
        return path

    def measure(self, page: str, *, width: int) -> dict[str, Any]:
        """The probe's measurements of *page* rendered *width* px wide."""
        path = self.harness(page, width=width, height=2000, probe=True)
        dom = self.run(path.as_uri(), "--dump-dom", width=max(width, 500), height=2000)
        found = re.search(r'<pre id="probe" hidden="">(.*?)</pre>', dom, re.S)
        assert found, "the probe did not run"
        result: dict[str, Any] = json.loads(html.unescape(found[1]))
        return result

    def screenshot(self, page: str, png: Path, *, width: int, height: int) -> Path:
        """A PNG of *page* rendered *width* px wide, its top *height* px."""
        path = self.harness(page, width=width, height=height, probe=False)
        self.run(path.as_uri(), f"--screenshot={png}", width=width, height=height)
        return png

    def dump_dom(self, path: Path, *, width: int) -> str:
        """The DOM the browser built from the file at *path*."""
        return self.run(path.as_uri(), "--dump-dom", width=width, height=2000)

    def print_pdf(self, path: Path, pdf: Path) -> Path:
        """The file at *path* printed to *pdf* (the page's own `@page` size, no header)."""
        self.run(
            path.as_uri(),
            f"--print-to-pdf={pdf}",
            "--no-pdf-header-footer",
            width=1280,
            height=2000,
        )
        return pdf


def _executable() -> str:
    found = shutil.which("chromium")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("CI is set but `chromium` is not installed (.ci/run installs it)")
        pytest.skip("headless Chromium is not installed: apt-get install chromium fonts-noto-cjk")
    return found


@pytest.fixture(scope="module")
def chromium(tmp_path_factory: pytest.TempPathFactory) -> Chromium:
    """The installed Chromium (skipped when absent outside CI, a failure under CI)."""
    return Chromium(_executable(), tmp_path_factory.mktemp("chromium"))


@pytest.fixture(scope="module")
def cjk_fonts() -> str:
    """The system's Chinese fonts (without them Chinese renders as empty boxes)."""
    _executable()
    fc = shutil.which("fc-list")
    listed = (
        ""
        if fc is None
        else subprocess.run(
            [fc, ":lang=zh", "family"], capture_output=True, timeout=LIMIT, check=False
        ).stdout.decode("utf-8", "replace")
    )
    if not listed.strip():
        if os.environ.get("CI"):
            pytest.fail("CI is set but no Chinese font is installed (fonts-noto-cjk)")
        pytest.skip("no Chinese font installed: apt-get install fonts-noto-cjk")
    return listed
