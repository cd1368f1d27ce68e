"""The demo: one month of the sample property 翠湖花园 (private; `python -m propstd demo`).

Each section is a private module `propstd._demo.<name>` with a `TITLE: str` and a pure
`render() -> str` that renders its part of the sample property as text. The values all come
from `propstd.samples` (the standard and the month of records); the demo only
computes and renders. Only `propstd.cli` prints it.
"""

from __future__ import annotations

import importlib

from propstd import samples
from propstd._table import width

PLACE = f"{samples.NAME} Cuihu Garden, Shenzhen"
"""The sample property as the section titles name it."""

# Module names under propstd._demo, in the order the demo prints them. Each domain adds its
# section here (one line) when it lands.
SECTIONS: tuple[str, ...] = (
    "values",
    "deadlines",
    "findings",
    "qpi",
    "complaints",
    "repairs",
    "budget",
)


def section_titles() -> tuple[tuple[str, str], ...]:
    """(name, title) of every section, in order."""
    out = []
    for name in SECTIONS:
        module = importlib.import_module(f"{__name__}.{name}")
        out.append((name, str(module.TITLE)))
    return tuple(out)


def render(names: tuple[str, ...] | None = None) -> str:
    """The text of the demo sections *names* (all by default), each under its title."""
    chosen = SECTIONS if names is None else names
    parts = []
    for name in chosen:
        if name not in SECTIONS:
            known = ", ".join(SECTIONS)
            msg = f"unknown demo section {name!r}; choose from {known}"
            raise ValueError(msg)
        module = importlib.import_module(f"{__name__}.{name}")
        title = str(module.TITLE)
        body = str(module.render()).rstrip()
        parts.append(f"{title}\n{'─' * width(title)}\n{body}\n")
    return "\n".join(parts)
