"""Problem paths: where in a document a problem is (private part of propstd.serialization).

A path is written in one dotted, indexed form that programs can read back
([split_path][propstd.serialization.split_path]):

- `$` is the whole document;
- a key is `.name` (`name` alone at the start) when it is a *bare key*: ASCII letters, digits,
  `_` and `-` (TOML's bare keys); any other key is written as a JSON string in brackets,
  `["a.b"]`, `[""]`;
- a list index is `[3]`.

So `complaints.ladder[2].after`, `[0].annual.amount` (a list at the root),
`provenance["complaints.ladder"]` and `[""]` (an empty key at the root).

Problems are built from `cattrs`' own error carriers (`ClassValidationError` with
`AttributeValidationNote`s, `IterableValidationError` with `IterableValidationNote`s, which
detailed validation produces and the hooks of this package raise) and from the data every
propstd error carries: an error raised by a class itself (a validator, `__attrs_post_init__`)
is placed at the field its `field` names when that is a key of the class, else at the object.
Message text is never read.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

import attrs
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    StructureHandlerNotFoundError,
)

from propstd._repr import shown
from propstd.errors import ParseError, Problem, PropstdError

__all__: list[str] = []

ROOT = "$"
Segment = str | int
_BARE = re.compile(r"[A-Za-z0-9_-]+")
_TOKEN = re.compile(r"\.?([A-Za-z0-9_-]+)|\[(\d+)\]|\[(\"(?:[^\"\\]|\\.)*\")\]")


def join_path(segments: Iterable[object]) -> str:
    """The path text of *segments* (keys as `str`, list indexes as `int`; `$` for none)."""
    out: list[str] = []
    for segment in segments:
        if isinstance(segment, int) and not isinstance(segment, bool):
            out.append(f"[{segment}]")
        elif isinstance(segment, str) and _BARE.fullmatch(segment):
            out.append(f".{segment}" if out else segment)
        elif isinstance(segment, str):
            out.append(f"[{json.dumps(segment, ensure_ascii=False)}]")
        else:  # a key that is no JSON key (a tuple, a date): shown, bounded
            out.append(f"[{json.dumps(shown(segment), ensure_ascii=False)}]")
    return "".join(out) or ROOT


def split_path(path: object) -> tuple[Segment, ...]:
    """The segments of a path written by `join_path` (`()` for `$`).

    Raises:
        ParseError: *path* is not in the documented form.
    """
    if not isinstance(path, str):
        msg = f"'path' must be a str, got {type(path).__name__} {shown(path)}"
        raise TypeError(msg)
    if path in (ROOT, ""):
        return ()
    segments: list[Segment] = []
    pos = 0
    while pos < len(path):
        m = _TOKEN.match(path, pos)
        if m is None or (m[1] is not None and m[0].startswith(".") == (pos == 0)):
            msg = f"'path' {shown(path)} is not a path such as 'lines[3].annual.amount'"
            raise ParseError(msg, path, field="path")
        bare, index, quoted = m.groups()
        if quoted is not None:
            segments.append(json.loads(quoted))
        else:
            segments.append(bare if index is None else int(index))
        pos = m.end()
    return tuple(segments)


def at_key(key: str, error: Exception, cl: Any) -> ClassValidationError:
    """*error* placed at *key* of an object being read as *cl* (cattrs' own carrier)."""
    error.add_note(AttributeValidationNote(f"at key {key!r}", key, cl))
    return ClassValidationError(f"While structuring {shown(cl)}", [error], cl)


def problems_of(exc: BaseException) -> tuple[Problem, ...]:
    """Every problem in *exc* (however nested), each with its path."""
    out: list[tuple[tuple[object, ...], str]] = []
    _walk(exc, (), out)
    return tuple(Problem(join_path(path), message) for path, message in out)


def _keys(cl: Any) -> dict[str, str]:
    """Attribute name → document key (its init alias) of an attrs class."""
    if isinstance(cl, type) and attrs.has(cl):
        return {a.name: a.alias for a in attrs.fields(cl) if a.init}
    return {}


def _walk(exc: BaseException, path: tuple[Segment, ...], out: list[Any]) -> None:
    if isinstance(exc, ClassValidationError):
        keys = _keys(exc.cl)
        with_notes, others = exc.group_exceptions()
        for sub, note in with_notes:
            _walk(sub, (*path, keys.get(note.name, note.name)), out)
        for sub in others:
            _walk(sub, _own_path(sub, path, keys), out)
    elif isinstance(exc, IterableValidationError):
        items, rest = exc.group_exceptions()
        for sub, inote in items:
            _walk(sub, (*path, inote.index), out)
        for sub in rest:
            _walk(sub, path, out)
    else:
        out.extend(_leaf(exc, path))


def _own_path(
    exc: BaseException, path: tuple[Segment, ...], keys: dict[str, str]
) -> tuple[Segment, ...]:
    """Where an error raised by a class itself belongs: the field it names, or the object."""
    field = exc.field if isinstance(exc, PropstdError) else None
    if isinstance(field, str) and field in keys:
        return (*path, keys[field])
    if isinstance(field, str) and field in keys.values():
        return (*path, field)
    return path


def _leaf(exc: BaseException, path: tuple[Segment, ...]) -> list[Any]:
    if isinstance(exc, ForbiddenExtraKeysError):
        allowed = ", ".join(_keys(exc.cl).values())
        return [
            ((*path, key), f"unexpected key (allowed: {allowed})")
            for key in sorted(exc.extra_fields, key=str)
        ]
    if isinstance(exc, KeyError):
        return [(path, "required key is missing")]
    if isinstance(exc, StructureHandlerNotFoundError):
        return [(path, f"propstd cannot read values of type {shown(exc.type_)}")]
    return [(path, str(exc) or type(exc).__name__)]
