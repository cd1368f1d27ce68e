"""Repository rules: the README commands and CI, the changelog, one reference page per module."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest

from tests.test_public_api import PUBLIC

ROOT = Path(__file__).resolve().parent.parent
FENCE = re.compile(r"^```bash\n(.*?)^```", re.MULTILINE | re.DOTALL)


def _read(name: str) -> str:
    return (ROOT / name).read_text(encoding="utf-8")


def _bash_blocks() -> list[str]:
    return FENCE.findall(_read("README.md"))


def test_readme_has_exactly_two_one_line_commands() -> None:
    """The README gives exactly two fenced bash commands, one line each."""
    blocks = _bash_blocks()
    assert len(blocks) == 2
    assert all(block.count("\n") == 1 for block in blocks)
    main_job = "propstd sample cuihu && propstd report cuihu/standard.toml --data cuihu"
    assert blocks[0].rstrip().endswith(f"{main_job} --month 2025-03")
    assert "pytest" in blocks[1]


def test_ci_runs_the_readme_test_line_verbatim() -> None:
    """`.ci/run` contains the README's test line, character for character."""
    test_line = _bash_blocks()[1].strip()
    ci = _read(".ci/run")
    assert test_line in ci.splitlines()
    assert "set -euo pipefail" in ci


def test_readme_example_runs() -> None:
    """The README's short example is a passing doctest."""
    result = doctest.testfile(str(ROOT / "README.md"), module_relative=False, verbose=False)
    assert result.attempted > 0
    assert result.failed == 0


def test_changelog_has_unreleased() -> None:
    """CHANGELOG.md keeps an `## [Unreleased]` section."""
    assert "\n## [Unreleased]\n" in _read("CHANGELOG.md")


@pytest.mark.parametrize("module", PUBLIC)
def test_reference_page(module: str) -> None:
    """Every public module has `docs/reference/<module>.md` rendering it, listed in the index."""
    short = module.removeprefix("propstd.")
    page = ROOT / "docs" / "reference" / f"{short}.md"
    assert page.exists(), f"missing {page.relative_to(ROOT)}"
    text = page.read_text(encoding="utf-8")
    assert text.startswith("# ")
    assert f"::: {module}\n" in text
    assert f"({short}.md)" in _read("docs/reference/index.md")
    assert f"reference/{short}.md" in _read("mkdocs.yml")
