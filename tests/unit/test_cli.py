"""Unit tests for propstd.cli: `python -m propstd`."""

from __future__ import annotations

import runpy
import sys

import pytest

import propstd
from propstd import _demo
from propstd.cli import main


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    """--version prints the version and exits 0."""
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out == f"propstd {propstd.__version__}\n"


def test_help_reads_well(capsys: pytest.CaptureFixture[str]) -> None:
    """--help describes propstd and shows examples."""
    with pytest.raises(SystemExit) as info:
        main(["--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert "property-management service standards" in out
    assert "examples:" in out
    assert "python -m propstd demo --section values" in out


def test_no_command_prints_help(capsys: pytest.CaptureFixture[str]) -> None:
    """Without a command the help is printed and the status is 2."""
    assert main([]) == 2
    assert "usage: python -m propstd" in capsys.readouterr().out


def test_demo_prints_every_section(capsys: pytest.CaptureFixture[str]) -> None:
    """demo prints the whole demo."""
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    assert out == _demo.render()
    assert "33.34, 33.33, 33.33" in out


def test_demo_one_section(capsys: pytest.CaptureFixture[str]) -> None:
    """--section prints only the sections named."""
    assert main(["demo", "--section", "values"]) == 0
    assert capsys.readouterr().out == _demo.render(("values",))


def test_demo_list(capsys: pytest.CaptureFixture[str]) -> None:
    """--list names every section with its title."""
    assert main(["demo", "--list"]) == 0
    out = capsys.readouterr().out
    for name, title in _demo.section_titles():
        assert f"{name:<16} {title}" in out


def test_unknown_section(capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown section is a usage error (status 2) naming the choices."""
    with pytest.raises(SystemExit) as info:
        main(["demo", "--section", "nope"])
    assert info.value.code == 2
    assert "invalid choice: 'nope'" in capsys.readouterr().err


def test_unknown_section_in_render() -> None:
    """The demo framework itself refuses unknown sections, naming the choices."""
    with pytest.raises(ValueError, match="unknown demo section 'nope'; choose from values"):
        _demo.render(("nope",))


@pytest.mark.parametrize(
    ("section", "lines"),
    [
        pytest.param(
            "deadlines",
            (
                "due 2025-10-09 Thu 10:30",
                "due 2025-10-11 Sat 17:30",
                "due 2025-10-01 Wed 17:50",
                "当日 (same working day): due 2025-10-09 Thu 17:30",
            ),
            id="deadlines",
        ),
        pytest.param(
            "findings",
            ("工作改进通知单 Work improvement notice — 工程部", "91.7% (11/12)"),
            id="findings",
        ),
        pytest.param("qpi", ("98.2% (237.5/241.75)", "91.7% (11/12)"), id="qpi"),
        pytest.param(
            "complaints",
            (
                "Stock-take 2025-04-01 09:00: 4 open",
                "TS-0324: notify 项目经理 (reasons: elapsed, departments)",
                "Complaints 2025-03 as of 2025-04-01 09:00: 25 received (VIP 2, major 1)",
            ),
            id="complaints",
        ),
        pytest.param(
            "repairs",
            (
                "at the agreed time (0 minutes after the appointment)",
                "all                    140        134",
                "remind the owner on 2026-02-28",
            ),
            id="repairs",
        ),
    ],
)
def test_demo_section_shows_the_sample(
    capsys: pytest.CaptureFixture[str], section: str, lines: tuple[str, ...]
) -> None:
    """Each demo section prints the sample month's figures (the tutorial's and the samples')."""
    assert main(["demo", "--section", section]) == 0
    out = capsys.readouterr().out
    for line in lines:
        assert line in out


def test_demo_deadlines_explain_each_due() -> None:
    """The deadlines section explains each of the eve-of-holiday repair's four deadlines."""
    assert _demo.render(("deadlines",)).count("why: ") == 4


def test_module_entry_point(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`python -m propstd` runs main() and exits with its status."""
    monkeypatch.setattr(sys, "argv", ["propstd", "demo", "--list"])
    with pytest.raises(SystemExit) as info:
        runpy.run_module("propstd", run_name="__main__")
    assert info.value.code == 0
    assert "values" in capsys.readouterr().out
