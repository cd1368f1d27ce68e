"""Deprecated public names: old spellings that still work for one release, with a warning.

A module that renames a public name keeps the old one through a module `__getattr__`::

    __getattr__ = renamed(__name__, {"Category": ("BudgetCategory", BudgetCategory)})

Reading `module.Category` then returns `BudgetCategory` and emits a `DeprecationWarning` that
names the new spelling; `from module import Category` works the same way.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Mapping

__all__: list[str] = []


def renamed(module: str, names: Mapping[str, tuple[str, object]]) -> Callable[[str], object]:
    """A module `__getattr__` serving each old name of *names* (old → (new name, object))."""

    def __getattr__(name: str) -> object:  # noqa: N807 - the module hook's own name
        if name in names:
            new, value = names[name]
            msg = f"{module}.{name} is deprecated; use {module}.{new} (renamed in 0.2)"
            warnings.warn(msg, DeprecationWarning, stacklevel=2)
            return value
        msg = f"module {module!r} has no attribute {name!r}"
        raise AttributeError(msg)

    return __getattr__
