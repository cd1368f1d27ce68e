"""Values written as their canonical text (private part of propstd.serialization).

A time limit, a frequency and a target have a canonical text that their `parse()` reads
back to an equal value (`"2 working hours"`, `"same working day"`, `"3 months"`, `"daily"`,
`"2 times per week"`, `"≥ 75%"`, `"75%–90%"`). Documents carry that text: a standard reads
the way the seeds are written, and a person can edit it. Reading also accepts the Chinese
forms `parse()` knows (`"2个工作小时"`, `"当日"`, `"日查"`, `"每周2次"`, `"不低于75%"`) and
the object form of 0.1 documents (`{"amount": 2, "unit": "hour", "clock": "working"}`,
`{"minimum": "3/4"}`).
"""

from __future__ import annotations

import types
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import cattrs
import cattrs.gen

from propstd.frequencies import Frequency
from propstd.rates import Target
from propstd.serialization._scalars import refuse
from propstd.timelimits import TimeLimit

__all__: list[str] = []

T = TypeVar("T")

_TEXTS: tuple[tuple[type[Any], Callable[[str], Any], str], ...] = (
    (TimeLimit, TimeLimit.parse, "a time limit, e.g. '2 working hours', '当日' or '15 minutes'"),
    (Frequency, Frequency.parse, "a frequency, e.g. 'daily', '2 times per week' or '月查'"),
    (Target, Target.parse, "a target, e.g. '≥ 75%', '100%', '≤ 2%', '75%–90%' or 'any'"),
)

SCHEMAS: Mapping[Any, Mapping[str, Any]] = types.MappingProxyType(
    {
        cl: {"title": cl.__name__, "type": "string", "description": what}
        for cl, _parse, what in _TEXTS
    }
)
"""The JSON Schema of every type this part writes (as written: text)."""


def _text_type(
    converter: cattrs.Converter, cl: type[T], parse: Callable[[str], T], what: str
) -> None:
    legacy = cattrs.gen.make_dict_structure_fn(cl, converter, _cattrs_forbid_extra_keys=True)

    def structure(value: object, _cl: object) -> T:
        if isinstance(value, str):
            return parse(value)
        if isinstance(value, Mapping):  # a 0.1 document
            return legacy(value, cl)
        return refuse(what, value)

    converter.register_structure_hook(cl, structure)
    converter.register_unstructure_hook(cl, str)


def configure(converter: cattrs.Converter) -> None:
    """Register the text hooks (see `configure_converter`)."""
    for cl, parse, what in _TEXTS:
        _text_type(converter, cl, parse, what)
