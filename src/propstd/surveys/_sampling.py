"""Reproducible household samples (private; see propstd.surveys)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable

from propstd._repr import shown
from propstd._validators import (
    check_int,
)
from propstd.errors import InvalidValueError
from propstd.surveys._policy import _names

__all__: list[str] = []


# -- sampling -----------------------------------------------------------------------------


# Why a hash and not `random.Random(seed).sample()`: the core is pure (ruff bans `random` in
# src/propstd), and `Random.sample` is only reproducible within one Python version (its
# algorithm has changed between releases, and only `random()` is promised to stay). Ranking by
# SHA-256(seed, unit separator, id) is deterministic everywhere, needs no state at all, does not
# depend on the order of the ids, and gives nested samples (the first k of a larger draw).
_MAX_SEED_BITS = 256
"""The largest int seed accepted (a seed of sensible size; its text is hashed)."""


def _drawer(seed: str) -> Callable[[str], bytes]:
    base = hashlib.sha256(f"{seed}\x1f".encode())  # hashed once, copied per household

    def key(household: str) -> bytes:
        h = base.copy()
        h.update(household.encode())
        return h.digest()

    return key


def sample_households(households: Iterable[str], k: int, *, seed: int | str) -> tuple[str, ...]:
    """A reproducible sample of *k* households, drawn with *seed*.

    Each household gets the key SHA-256(seed, household) and the *k* households with the
    smallest keys are the sample, in key order. So the sample depends only on the set of
    households and the seed: not on their order, not on the Python version or platform, and
    never on (or touching) the global random state. Samples with the same seed are nested:
    the sample of *k* is the first *k* of a larger one, so a survey short of responses tops
    up with `sample_households(ids, k + extra, seed=seed)[k:]`. Change the seed (say, the
    year) for a new draw.

    Args:
        households: the household ids (distinct, non-blank).
        k: the sample size, from 0 to the number of households.
        seed: any `int` or `str` (`2025`, `"S2025"`); write it down with the survey.

    Returns:
        *k* household ids.

    Raises:
        TypeError: an id is not a `str`, *k* is not an `int`, or *seed* is neither an `int`
            nor a `str`.
        InvalidValueError: an id is blank or repeated, *k* is negative or larger than the
            number of households, or an int *seed* has more than 256 bits.

    Examples:
        >>> ids = [f"H{n:04d}" for n in range(1, 1151)]
        >>> first = sample_households(ids, 3, seed=2025)
        >>> first == sample_households(reversed(ids), 3, seed=2025)
        True
        >>> sample_households(ids, 5, seed=2025)[:3] == first
        True
    """
    pool = _names("households", households)
    check_int("k", k)
    if not 0 <= k <= len(pool):
        msg = f"'k' must be from 0 to the {len(pool)} households, got {k!r}"
        raise InvalidValueError(msg, field="k", value=k)
    if isinstance(seed, bool) or not isinstance(seed, int | str):
        msg = f"'seed' must be an int or a str, got {type(seed).__name__} {shown(seed)}"
        raise TypeError(msg)
    if isinstance(seed, int) and seed.bit_length() > _MAX_SEED_BITS:
        msg = f"'seed' must be an int of at most {_MAX_SEED_BITS} bits, got {shown(seed)}"
        raise InvalidValueError(msg, field="seed", value=seed)
    return tuple(sorted(pool, key=_drawer(str(seed)))[:k])
