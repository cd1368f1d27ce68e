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
    assert "propstd demo --section values" in out


def test_no_command_prints_help(capsys: pytest.CaptureFixture[str]) -> None:
    """Without a command the help is printed and the status is 2."""
    assert main([]) == 2
    assert "usage: propstd" in capsys.readouterr().out


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


def test_module_entry_point(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`python -m propstd` runs main() and exits with its status."""
    monkeypatch.setattr(sys, "argv", ["propstd", "demo", "--list"])
    with pytest.raises(SystemExit) as info:
        runpy.run_module("propstd", run_name="__main__")
    assert info.value.code == 0
    assert "values" in capsys.readouterr().out
