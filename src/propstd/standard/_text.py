"""TOML out, and line numbers of paths in TOML and JSON text (private part of propstd.standard).

Python reads TOML (`tomllib`) and JSON (`json`) but says nothing about *where* a value stood;
a quality manager fixing a standard needs the line. `toml_lines()` and `json_lines()` map every
path of a document (`("complaints", "ladder", 2, "after")`) to the line its key or element is
on, so a problem found in the data can name its line. `dumps_toml()` writes plain data (what
`propstd.serialization.to_data` gives, without floats) as readable TOML: tables for mappings,
arrays of tables for lists of mappings, and `None` left out (TOML has no null; a missing key
reads as the field's default).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

__all__: list[str] = []

Path = tuple[str | int, ...]

_BARE = re.compile(r"^[A-Za-z0-9_-]+$")
_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
}


# -- writing ---------------------------------------------------------------------------------


def dumps_toml(data: Mapping[str, Any], *, header: Sequence[str] = ()) -> str:
    """*data* as TOML text, with *header* lines written first as comments.

    Examples:
        >>> print(dumps_toml({"name": "翠湖", "a": {"b": [1, 2], "c": None}, "l": [{"x": True}]}))
        name = "翠湖"
        <BLANKLINE>
        [a]
        b = [1, 2]
        <BLANKLINE>
        [[l]]
        x = true
        <BLANKLINE>
    """
    lines = [f"# {_comment(h)}" if h else "#" for h in header]
    if lines:
        lines.append("")
    lines += _table((), data)
    return "\n".join(lines).strip("\n") + "\n"


def _comment(text: str) -> str:
    # a comment may hold no control character but tab: show them escaped
    return "".join(
        f"\\u{ord(ch):04x}" if (ord(ch) < 0x20 and ch != "\t") or ord(ch) == 0x7F else ch
        for ch in text
    )


def _table(path: tuple[str, ...], data: Mapping[str, Any]) -> list[str]:
    """The lines of table *path*: its own keys, then its sub-tables and arrays of tables.

    The `[path]` header itself is written by the caller; a table with no keys of its own but
    sub-tables gets no header of its own (TOML defines it through the sub-tables).
    """
    out: list[str] = []
    nested: list[tuple[str, Any]] = []
    for key, value in data.items():
        if value is None:
            continue
        if isinstance(value, Mapping) or _is_table_array(value):
            nested.append((key, value))
        else:
            out.append(f"{_key(key)} = {_value(value)}")
    for key, value in nested:
        sub = (*path, key)
        name = ".".join(_key(k) for k in sub)
        if isinstance(value, Mapping):
            body = _table(sub, value)
            own = any(
                v is not None and not (isinstance(v, Mapping) or _is_table_array(v))
                for v in value.values()
            )
            if own or not value:
                out += ["", f"[{name}]"]
            out += body
        else:
            for item in value:
                out += ["", f"[[{name}]]", *_table(sub, item)]
    return out


def _is_table_array(value: object) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, Mapping) for v in value)


def _key(key: str) -> str:
    return key if _BARE.match(key) else _string(key)


def _string(text: str) -> str:
    out = []
    for ch in text:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, list):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    if isinstance(value, Mapping):
        inner = ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items() if v is not None)
        return "{" + inner + "}" if inner else "{}"
    msg = f"TOML cannot hold {type(value).__name__} {value!r}"
    raise TypeError(msg)


# -- where a path stands in TOML ---------------------------------------------------------------


def toml_lines(text: str) -> dict[Path, int]:
    """The line (1-based) of every table header and key of TOML *text*, by path.

    Array-of-tables elements are indexed in order (`[[a]]` twice gives `("a", 0)` and
    `("a", 1)`); keys inside inline tables and arrays take the line of their key.

    Examples:
        >>> text = 'name = "x"\\n[a]\\nb = 1\\n[[a.c]]\\nd = 2\\n[[a.c]]\\nd = 3\\n'
        >>> lines = toml_lines(text)
        >>> lines[("name",)], lines[("a", "b")], lines[("a", "c", 1)], lines[("a", "c", 1, "d")]
        (1, 3, 6, 7)
    """
    found: dict[Path, int] = {}
    table: Path = ()
    counts: dict[Path, int] = {}
    depth = 0  # open brackets/braces of a multi-line value
    for number, line in _logical_lines(text):
        stripped = line.strip()
        if depth == 0 and stripped.startswith("["):
            table = _header(stripped, counts)
            found.setdefault(table, number)
            continue
        if depth == 0:
            key, rest = _split_key(stripped)
            if key:
                path = (*table, *key)
                found.setdefault(path, number)
                depth = _balance(rest)
                continue
        depth = max(0, depth + _balance(stripped))
    return found


def _logical_lines(text: str) -> Iterator[tuple[int, str]]:
    """Lines with multi-line strings folded onto the line they start on."""
    pending: list[str] = []
    start = 0
    for number, raw in enumerate(text.splitlines(), 1):
        if not pending:
            start = number
        pending.append(raw)
        line = "\n".join(pending)
        if (line.count('"""') % 2) or (line.count("'''") % 2):
            continue
        yield start, line
        pending = []
    if pending:
        yield start, "\n".join(pending)


def _header(stripped: str, counts: dict[Path, int]) -> Path:
    """The path of a `[table]` or `[[array]]` header; *counts* tracks array elements."""
    array = stripped.startswith("[[")
    inner = stripped[2:] if array else stripped[1:]
    end = inner.find("]]" if array else "]")
    parts = _dotted(inner[:end] if end >= 0 else inner)
    path: Path = ()
    for k, part in enumerate(parts):
        path = (*path, part)
        if path in counts and not (array and k == len(parts) - 1):
            path = (*path, counts[path] - 1)  # inside the current element of an array
    if array:
        n = counts.get(path, 0)
        counts[path] = n + 1
        path = (*path, n)
    return path


def _split_key(stripped: str) -> tuple[tuple[str, ...], str]:
    if not stripped or stripped.startswith("#"):
        return (), ""
    i, quote = 0, ""
    while i < len(stripped):
        ch = stripped[i]
        if quote:
            if ch == "\\" and quote == '"':
                i += 1
            elif ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch == "=":
            return _dotted(stripped[:i]), stripped[i + 1 :]
        i += 1
    return (), ""


def _dotted(text: str) -> tuple[str, ...]:
    """The parts of a dotted TOML key (`a."b.c".d` → a, b.c, d)."""
    parts, current, i, quote = [], "", 0, ""
    while i < len(text):
        ch = text[i]
        if quote:
            if ch == "\\" and quote == '"' and i + 1 < len(text):
                current += _unescape(text[i + 1])
                i += 2
                continue
            if ch == quote:
                quote = ""
            else:
                current += ch
        elif ch in "\"'":
            quote = ch
        elif ch == ".":
            parts.append(current.strip())
            current = ""
        else:
            current += ch
        i += 1
    parts.append(current.strip())
    return tuple(parts)


def _unescape(ch: str) -> str:
    return {"n": "\n", "t": "\t", "b": "\b", "f": "\f", "r": "\r"}.get(ch, ch)


def _balance(text: str) -> int:
    """Open minus closed brackets and braces of *text*, outside strings and comments."""
    depth, quote, i = 0, "", 0
    while i < len(text):
        ch = text[i]
        if quote:
            if ch == "\\" and quote == '"':
                i += 1
            elif ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch == "#":
            break
        elif ch in "[{":
            depth += 1
        elif ch in "]}":
            depth -= 1
        i += 1
    return depth


# -- where a path stands in JSON ---------------------------------------------------------------


def json_lines(text: str) -> dict[Path, int]:
    """The line (1-based) where every value of JSON *text* starts (keys: their key's line).

    The text must be valid JSON (read it with `json.loads` first).

    Examples:
        >>> lines = json_lines('{"a": {\\n  "b": [1,\\n 2]}}')
        >>> lines[("a",)], lines[("a", "b")], lines[("a", "b", 1)]
        (1, 2, 3)
    """
    found: dict[Path, int] = {}
    _JsonScanner(text, found).value(())
    return found


class _JsonScanner:
    def __init__(self, text: str, found: dict[Path, int]) -> None:
        self.text = text
        self.i = 0
        self.line = 1
        self.found = found

    def skip(self) -> None:
        text, i = self.text, self.i
        while i < len(text) and text[i] in " \t\r\n":
            if text[i] == "\n":
                self.line += 1
            i += 1
        self.i = i

    def value(self, path: Path) -> None:
        self.skip()
        self.found.setdefault(path, self.line)
        ch = self.text[self.i] if self.i < len(self.text) else ""
        if ch == "{":
            self.container(path, "}", keyed=True)
        elif ch == "[":
            self.container(path, "]", keyed=False)
        elif ch == '"':
            self.string()
        else:
            while self.i < len(self.text) and self.text[self.i] not in ",]} \t\r\n":
                self.i += 1

    def container(self, path: Path, close: str, *, keyed: bool) -> None:
        self.i += 1
        index = 0
        while True:
            self.skip()
            if self.i >= len(self.text) or self.text[self.i] == close:
                self.i += 1
                return
            if self.text[self.i] == ",":
                self.i += 1
                continue
            if keyed:
                line = self.line
                key = self.string()
                self.skip()
                self.i += 1  # the colon
                self.found.setdefault((*path, key), line)
                self.value((*path, key))
            else:
                self.value((*path, index))
                index += 1

    def string(self) -> str:
        text, start = self.text, self.i
        i = start + 1
        while text[i] != '"':
            i += 2 if text[i] == "\\" else 1
        self.i = i + 1
        raw = text[start : self.i]
        self.line += raw.count("\n")
        result: str = json.loads(raw)
        return result


def line_of(lines: Mapping[Path, int], path: Path) -> int | None:
    """The line of *path*, or of its nearest enclosing key or table that has one."""
    while True:
        if path in lines:
            return lines[path]
        if not path:
            return None
        path = path[:-1]
