"""Reading and writing a standard as TOML and JSON text (private part of propstd.standard).

Text in, text out: no files. Reading reports every problem at once, each with its dotted path
and the line of the text it is on.
"""

from __future__ import annotations

import json
import re
import tomllib
from typing import Any, Literal

from propstd._repr import shown
from propstd._validators import check_str
from propstd.errors import InvalidDataError, ParseError, Problem
from propstd.serialization import from_data, split_path, to_data
from propstd.standard._model import ServiceStandard
from propstd.standard._text import Path, dumps_toml, json_lines, line_of, toml_lines

__all__: list[str] = []

Format = Literal["toml", "json"]

MAX_TEXT = 10_000_000
"""The longest standard read (10 MB of text; a real one is a few kB)."""


def _segments(path: str) -> tuple[str | int, ...]:
    try:
        return split_path(path)
    except ParseError:  # pragma: no cover - serialization writes only paths it can read
        return ()


def read(text: str, fmt: Format) -> ServiceStandard:
    """The standard written in *text* (TOML or JSON)."""
    check_str("text", text)
    if len(text) > MAX_TEXT:
        msg = f"a standard must be at most {MAX_TEXT:,} characters, got {len(text):,}"
        raise InvalidDataError(msg, [Problem("", msg)], field="text")
    data, lines = _load(text, fmt)
    try:
        return from_data(ServiceStandard, data)
    except InvalidDataError as exc:
        problems = [
            Problem(p.path, p.message, line=line_of(lines, _segments(p.path)), column=p.column)
            for p in exc.problems
        ]
        n = len(problems)
        msg = f"the standard has {n} problem{'s' if n != 1 else ''}"
        raise InvalidDataError(msg, problems) from None


def _load(text: str, fmt: Format) -> tuple[Any, dict[Path, int]]:
    if fmt == "toml":
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise _syntax(str(exc), _toml_error_line(str(exc))) from None
        except RecursionError:
            raise _syntax(_DEEP, None) from None
        return data, toml_lines(text)
    try:
        data = json.loads(text)  # floats come through and are refused, with their path
    except json.JSONDecodeError as exc:
        raise _syntax(exc.msg, exc.lineno) from None
    except RecursionError:
        raise _syntax(_DEEP, None) from None
    try:
        lines = json_lines(text)
    except RecursionError:  # pragma: no cover - json itself refuses such depth first
        lines = {}
    return data, lines


_DEEP = "nested too deeply"


def _toml_error_line(message: str) -> int | None:
    m = re.search(r"line (\d+)", message)
    return int(m.group(1)) if m else None


def _syntax(message: str, line: int | None) -> InvalidDataError:
    problem = Problem("", f"not readable: {message}", line=line)
    return InvalidDataError(f"the standard cannot be read: {shown(message)}", [problem])


def write_toml(standard: ServiceStandard) -> str:
    """*standard* as TOML text (reads back equal)."""
    header = (
        f"{standard.name}: a propstd service standard (物业服务标准).",
        "Edit the numbers, then check with `propstd validate` and read it with `propstd explain`.",
    )
    return dumps_toml(to_data(standard, omit_defaults=True), header=header)


def write_json(standard: ServiceStandard) -> str:
    """*standard* as JSON text (reads back equal)."""
    return json.dumps(to_data(standard, omit_defaults=True), ensure_ascii=False, indent=2) + "\n"
