"""A bounded `repr` for messages (private).

Error messages show the offending value, but a value can be a document of thousands of nested
dicts or a 10 MB string: `shown()` never builds more than about `limit` characters and never
walks more than a few levels deep, so a message costs the same whatever it is about.
"""

from __future__ import annotations

import reprlib

__all__: list[str] = []

LIMIT = 200
"""The longest text `shown()` returns."""


class _Bounded(reprlib.Repr):
    def repr_int(self, x: int, level: int) -> str:
        # the builtin repr refuses ints over 4,300 digits; say how big it is instead
        if x.bit_length() > 1_000:
            return f"<int of about {x.bit_length() * 30103 // 100000} digits>"
        return super().repr_int(x, level)


def _make_repr() -> reprlib.Repr:
    # keyword arguments to Repr() arrived in Python 3.12: set the limits one by one
    r = _Bounded()
    r.maxlevel = 3
    r.maxtuple = r.maxlist = r.maxarray = r.maxdict = r.maxset = 6
    r.maxfrozenset = r.maxdeque = 6
    r.maxstring = r.maxother = LIMIT - 20
    r.maxlong = 60
    return r


_REPR = _make_repr()


def shown(value: object, limit: int = LIMIT) -> str:
    """A `repr` of *value* cut to at most *limit* characters (bounded work, bounded length).

    Examples:
        >>> shown("abc")
        "'abc'"
        >>> len(shown("x" * 10_000)) <= 200
        True
        >>> shown({"a": {"b": {"c": {"d": 1}}}})
        "{'a': {'b': {'c': {...}}}}"
    """
    text = _REPR.repr(value)  # reprlib shows a value whose __repr__ raises as <X instance at ..>
    if len(text) > limit:
        text = text[: limit - 3] + "..."
    return text
