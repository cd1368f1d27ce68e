"""Vocabularies: string enums that read English values, Chinese labels and the seeds' words.

Every enum of propstd derives from `Vocabulary`. A member is declared with its English value,
its Chinese label and any other words the seed documents use for it::

    class ComplaintLevel(Vocabulary):
        DISSATISFACTION = "dissatisfaction", "不满", "不满意"

Reading (`ComplaintLevel("不满")`, attrs converters, serialization) accepts the value, the
member name, the Chinese label and the extra words, ignoring case and surrounding blanks;
values are always written back in English (`str(member)` is the value). A refusal is an
`InvalidValueError` with `field` and `value` that lists the accepted words, never a bare
`ValueError`.

An attrs field converts with a small named function, so that the refusal names the field and
mypy's attrs plugin types `__init__` (it accepts named functions, not converter objects)::

    def _to_level(value: ComplaintLevel | str) -> ComplaintLevel:
        return to_member("level", ComplaintLevel, value)

    level: ComplaintLevel = attrs.field(converter=_to_level)
"""

from __future__ import annotations

import enum
import functools
from typing import Self, TypeVar

from propstd._repr import shown
from propstd.errors import InvalidValueError

__all__: list[str] = []


class Vocabulary(enum.StrEnum):
    """Base of propstd's enums: an English value, a Chinese label, other accepted words."""

    _value_: str
    _label_zh: str
    _words: tuple[str, ...]

    def __new__(cls, value: str, label_zh: str = "", *words: str) -> Self:
        member = str.__new__(cls, value)
        member._value_ = value
        member._label_zh = label_zh
        member._words = words
        return member

    @property
    def label_zh(self) -> str:
        """The Chinese label (`""` when the vocabulary has none)."""
        return self._label_zh

    @property
    def words(self) -> tuple[str, ...]:
        """Every spelling read as this member: value, name, Chinese label, the seeds' words."""
        found = (self.value, self.name.lower(), self._label_zh, *self._words)
        return tuple(dict.fromkeys(w for w in found if w))

    @classmethod
    def accepted(cls) -> str:
        """The accepted words, for messages: `'phone' (电话), 'visit' (来访), ...`."""
        return ", ".join(
            f"{m.value!r} ({m._label_zh})" if m._label_zh else repr(m.value) for m in cls
        )

    @classmethod
    def _missing_(cls, value: object) -> Self:
        if isinstance(value, str):
            found = _lookup(cls).get(_key(value))
            if found is not None:
                return found  # type: ignore[return-value]  # _lookup is keyed by class
        msg = f"{cls.__name__} must be one of {cls.accepted()}, got {shown(value)}"
        raise InvalidValueError(msg, field=None, value=value)


def _key(word: str) -> str:
    return " ".join(word.split()).casefold().replace("-", "_").replace(" ", "_")


@functools.cache
def _lookup(kind: type[Vocabulary]) -> dict[str, Vocabulary]:
    table: dict[str, Vocabulary] = {}
    for member in kind:
        for word in member.words:
            key = _key(word)
            other = table.setdefault(key, member)
            if other is not member:  # pragma: no cover - a vocabulary bug, caught by the tests
                msg = f"{kind.__name__}: {word!r} names both {other.name} and {member.name}"
                raise AssertionError(msg)
    return table


V = TypeVar("V", bound=enum.StrEnum)


def to_member(name: str, kind: type[V], value: object) -> V:
    """The member of *kind* that *value* names (a member, or any accepted word).

    Raises:
        TypeError: *value* is neither a member of *kind* nor a `str`.
        InvalidValueError: no member is named so; `field` is *name*, `value` the input, and the
            message lists the accepted words.
    """
    if isinstance(value, kind):
        return value
    if not isinstance(value, str):
        msg = (
            f"{name!r} must be a {kind.__name__} or str, got {type(value).__name__} {shown(value)}"
        )
        raise TypeError(msg)
    if issubclass(kind, Vocabulary):
        found = _lookup(kind).get(_key(value))
        if found is not None:
            return found  # type: ignore[return-value]  # _lookup(kind) holds members of kind
        accepted = kind.accepted()
    else:
        for member in kind:
            if _key(member.value) == _key(value):
                return member
        accepted = ", ".join(m.value for m in kind)
    msg = f"{name!r} must be one of {accepted}, got {shown(value)}"
    raise InvalidValueError(msg, field=name, value=value)
