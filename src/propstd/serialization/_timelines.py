"""Data format of timelines: events as a tagged union (private part of propstd.serialization).

Each event is an object with a stable `"type"` tag, its `EventKind` value:
`{"type": "paused", "at": "2025-03-03T10:00:00+08:00", "reason": "parts"}`. A timeline is
`{"events": [...]}`; a field typed with the base class `Event` reads any tagged event.
"""

from __future__ import annotations

import functools
import operator
from typing import Any

import cattrs

from propstd.serialization._core import register_tagged_union
from propstd.timelines import EVENT_TYPES, Event

__all__: list[str] = []

EVENT_CLASSES = tuple(EVENT_TYPES.values())
# the union of every concrete event class: Received | Responded | ... | Revisited
EVENT_UNION: Any = functools.reduce(operator.or_, EVENT_CLASSES)


def configure(converter: cattrs.Converter) -> None:
    """Register the tagged union of events, and the base class `Event` as that union."""
    register_tagged_union(converter, EVENT_UNION, {cls: cls.kind.value for cls in EVENT_CLASSES})
    by_class = {cls: converter.get_unstructure_hook(cls) for cls in EVENT_CLASSES}
    union_hook = converter.get_structure_hook(EVENT_UNION)

    def unstructure_event(value: Event) -> Any:
        return by_class[type(value)](value)

    converter.register_unstructure_hook(Event, unstructure_event)
    converter.register_structure_hook(Event, union_hook)
