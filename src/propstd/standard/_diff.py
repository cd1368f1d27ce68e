"""What one standard changes against another (private part of propstd.standard).

Both standards are compared as the documents they write (`to_data`), leaf by leaf, so a change
is named by the path a person finds in the TOML file (`repairs.arrival.emergency`). Lists of
records that carry a `code` (checklists, items, routines) are matched by code, not position, so
inserting a checklist shows as one added checklist, not as every later one changed.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import attrs

from propstd._repr import shown
from propstd.serialization import join_path, to_data

__all__: list[str] = []

_MISSING = object()


@attrs.frozen
class Change:
    """One difference between two standards: where, what it was, what it is.

    `old` and `new` are the values as the documents write them (`"30 minutes"`, `400`);
    `None` means the place does not exist (or is not set) on that side.

    Examples:
        >>> str(Change("repairs.arrival.emergency", "30 minutes", "15 minutes"))
        "repairs.arrival.emergency: '30 minutes' → '15 minutes'"
        >>> print(Change('routines["WEEKLY"]', None, {"code": "WEEKLY"}))
        routines["WEEKLY"]: added {'code': 'WEEKLY'}
    """

    path: str
    """Where, as a document path (`complaints.ladder.steps[2].after`)."""
    old: Any
    """The value in the standard compared against (`None`: not there)."""
    new: Any
    """The value in this standard (`None`: not there)."""

    @property
    def kind(self) -> str:
        """`"added"`, `"removed"` or `"changed"`."""
        if self.old is None:
            return "added"
        return "removed" if self.new is None else "changed"

    def __str__(self) -> str:
        if self.kind == "added":
            return f"{self.path}: added {shown(self.new)}"
        if self.kind == "removed":
            return f"{self.path}: removed (was {shown(self.old)})"
        return f"{self.path}: {shown(self.old)} → {shown(self.new)}"


def diff(new: object, old: object) -> tuple[Change, ...]:
    """How the document of *new* differs from that of *old*, leaf by leaf, in document order."""
    changes: list[Change] = []
    _walk([], to_data(old), to_data(new), changes)
    return tuple(changes)


def _walk(path: list[str | int], old: Any, new: Any, out: list[Change]) -> None:
    if isinstance(old, Mapping) and isinstance(new, Mapping):
        for key in [*old, *(k for k in new if k not in old)]:
            _walk([*path, key], old.get(key, _MISSING), new.get(key, _MISSING), out)
    elif isinstance(old, list) and isinstance(new, list):
        _walk_list(path, old, new, out)
    elif old != new:
        out.append(
            Change(
                _join(path),
                None if old is _MISSING else old,
                None if new is _MISSING else new,
            )
        )


def _walk_list(path: list[str | int], old: list[Any], new: list[Any], out: list[Change]) -> None:
    if _coded(old) and _coded(new):
        olds = {item["code"]: item for item in old}
        news = {item["code"]: item for item in new}
        for code in [*olds, *(c for c in news if c not in olds)]:
            _walk([*path, _Code(code)], olds.get(code, _MISSING), news.get(code, _MISSING), out)
        return
    for i in range(max(len(old), len(new))):
        a = old[i] if i < len(old) else _MISSING
        b = new[i] if i < len(new) else _MISSING
        _walk([*path, i], a, b, out)


def _coded(items: list[Any]) -> bool:
    codes = [item.get("code") for item in items if isinstance(item, Mapping)]
    return (
        len(codes) == len(items)
        and all(isinstance(c, str) for c in codes)
        and len(set(codes)) == len(codes)
    )


class _Code(str):
    """A list element matched by its code: written `["SEC-01"]` in a path."""

    __slots__ = ()


def _join(path: list[str | int]) -> str:
    text, run = "", list[str | int]()
    for segment in path:
        if isinstance(segment, _Code):
            text += _run(run, first=not text) + f"[{json.dumps(segment, ensure_ascii=False)}]"
            run = []
        else:
            run.append(segment)
    text += _run(run, first=not text)
    return text or "$"


def _run(run: list[str | int], *, first: bool) -> str:
    if not run:
        return ""
    joined = join_path(run)
    return joined if first or joined.startswith("[") else "." + joined


def resolves(data: object, segments: tuple[str | int, ...]) -> bool:
    """Whether *segments* name a place in the document *data* (a code picks a list element)."""
    for segment in segments:
        keyed = isinstance(data, Mapping) and isinstance(segment, str) and segment in data
        indexed = isinstance(data, list) and isinstance(segment, int) and 0 <= segment < len(data)
        if keyed or indexed:
            data = data[segment]  # type: ignore[index]
        elif isinstance(data, list) and isinstance(segment, str) and _coded(data):
            found = [item for item in data if item["code"] == segment]
            if not found:
                return False
            data = found[0]
        else:
            return False
    return True
