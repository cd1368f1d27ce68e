"""The shape of the public API: `__all__`, `__dir__`, docstrings, and downward-only imports."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
from pathlib import Path
from types import ModuleType

import pytest

import propstd

SRC = Path(propstd.__file__).parent

# Layers of architecture.md, lowest first: a module may import only modules of a LOWER rank
# (or its own private parts). Modules not written yet are simply absent from the tree.
LAYERS: dict[str, int] = {
    "_repr": 0,
    "errors": 1,
    "_vocab": 2,
    "_numbers": 2,
    "_validators": 3,
    "_time": 4,
    "_table": 4,
    "_deprecation": 0,
    "money": 5,
    "periods": 5,
    "rates": 6,
    "calendars": 7,
    "timelimits": 8,
    "timelines": 9,
    "frequencies": 9,
    "ranking": 9,
    "findings": 10,
    "complaints": 10,
    "repairs": 10,
    "budgets": 10,
    "staffing": 10,
    "inventory": 10,
    "surveys": 10,
    "routines": 10,
    "inspections": 11,  # the QPI tally counts findings (semantics.md §8), so it sits above them
    # serialization knows every domain value; the whole standard, the record tables and the
    # scorecard read and write documents through it, so they sit above it
    "serialization": 12,
    "standard": 13,
    "tables": 13,
    "scorecards": 14,
    "samples": 15,
    "_demo": 16,
    "frames": 16,
    "cli": 17,
    "__main__": 18,
}
# Third-party packages that only one module may import.
ONLY_IN = {"cattrs": "serialization", "pandas": "frames", "numpy": "frames", "dask": "frames"}


def _public_module_names() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(propstd.__path__, prefix="propstd."):
        parts = info.name.split(".")[1:]
        if any(p.startswith("_") for p in parts):
            continue  # private modules and `__main__` (which would run the CLI)
        names.append(info.name)
    return sorted(names)


PUBLIC = _public_module_names()


def _module(name: str) -> ModuleType:
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:  # an optional extra (frames: pandas, dask) is absent
        if exc.name in ONLY_IN:
            pytest.skip(f"{name} needs the optional {exc.name}")
        raise


def test_public_modules_found() -> None:
    """The foundation's public modules are discovered."""
    for name in ("errors", "money", "rates", "periods", "serialization", "cli"):
        assert f"propstd.{name}" in PUBLIC


def test_package_is_thin() -> None:
    """`propstd` itself holds a docstring and the version only."""
    assert propstd.__doc__
    assert isinstance(propstd.__version__, str)
    public = {n for n in vars(propstd) if not n.startswith("_")}
    assert public <= {m.split(".")[1] for m in PUBLIC} | {"_demo"}


@pytest.mark.parametrize("name", PUBLIC)
class TestPublicModule:
    """Style B2/B8: every public module has a docstring, a sorted `__all__` and `__dir__`."""

    def test_docstring(self, name: str) -> None:
        """The module has a docstring."""
        assert (_module(name).__doc__ or "").strip()

    def test_all_is_sorted(self, name: str) -> None:
        """`__all__` exists, is sorted and has no duplicates."""
        exported = _module(name).__all__
        assert list(exported) == sorted(set(exported))

    def test_dir_is_all(self, name: str) -> None:
        """`dir(module)` is exactly `__all__`."""
        module = _module(name)
        assert dir(module) == list(module.__all__)

    def test_names_defined_and_documented(self, name: str) -> None:
        """Each exported name exists, is defined in this module (or its private parts), and
        each class or function has its own docstring."""
        module = _module(name)
        for export in module.__all__:
            assert hasattr(module, export), f"{name}.{export} does not exist"
            obj = getattr(module, export)
            if inspect.isclass(obj) or inspect.isfunction(obj):
                home = obj.__module__
                assert home == name or home.startswith(f"{name}._"), (
                    f"{name}.{export} is from {home}"
                )
                assert (obj.__doc__ or "").strip(), f"{name}.{export} has no docstring"


def _source_files() -> list[Path]:
    return sorted(SRC.rglob("*.py"))


def _owner(path: Path) -> str:
    """The layer key of a source file: its first component under `propstd`."""
    rel = path.relative_to(SRC).with_suffix("")
    first = rel.parts[0]
    return "" if first == "__init__" else first


def _imports(path: Path) -> set[str]:
    """Every module imported by *path* (relative imports resolved), as dotted names."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    rel = path.relative_to(SRC.parent).with_suffix("")
    package = list(rel.parts[:-1])
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return found


def _is_module(name: str) -> bool:
    return (SRC / name).is_dir() or (SRC / f"{name}.py").exists()


@pytest.mark.parametrize("path", _source_files(), ids=lambda p: str(p.relative_to(SRC)))
def test_imports_go_down_only(path: Path) -> None:
    """A module imports only modules of lower layers (architecture.md), or its own parts."""
    owner = _owner(path)
    if owner == "":
        assert not {m for m in _imports(path) if m.startswith("propstd")}
        return
    assert owner in LAYERS, f"add propstd.{owner} to the layer table of this test"
    rank = LAYERS[owner]
    for module in _imports(path):
        parts = module.split(".")
        if parts[0] != "propstd" or len(parts) == 1:
            continue
        target = parts[1]
        if target == owner or (target not in LAYERS and not _is_module(target)):
            continue  # its own parts, or `from propstd import __version__`
        assert target in LAYERS, f"{path.name} imports unknown propstd.{target}"
        assert LAYERS[target] < rank, f"propstd.{owner} must not import propstd.{target}"


@pytest.mark.parametrize("path", _source_files(), ids=lambda p: str(p.relative_to(SRC)))
def test_third_party_boundaries(path: Path) -> None:
    """Only serialization imports cattrs; only frames imports pandas, numpy or dask."""
    owner = _owner(path)
    for module in _imports(path):
        top = module.split(".")[0]
        if top in ONLY_IN:
            assert owner == ONLY_IN[top], f"propstd.{owner} must not import {top}"
