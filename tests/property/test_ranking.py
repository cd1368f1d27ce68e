"""Property tests for propstd.ranking: a permutation, competition ranks, the bottom rule."""

from __future__ import annotations

import json
from fractions import Fraction
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from propstd.money import Money
from propstd.ranking import Ranking, rank
from propstd.rates import Rate
from propstd.serialization import from_data, to_data
from tests.strategies import rank_values


def _identity(value: Any) -> Any:
    return value


@st.composite
def valued(draw: st.DrawFn, *, kind: str | None = None) -> dict[str, Any]:
    """Two to twelve named values of one kind."""
    chosen = draw(st.sampled_from(("rate", "number", "money"))) if kind is None else kind
    names = draw(st.lists(st.sampled_from("ABCDEFGHIJKL"), min_size=2, max_size=12, unique=True))
    return {n: draw(rank_values(chosen)) for n in names}


PLACEMENTS = st.sampled_from(("first", "last", "leave_out"))


def _exact(value: Any) -> Fraction | None:
    if isinstance(value, Rate):
        return value.fraction
    if isinstance(value, Money):
        return Fraction(value.amount)
    return Fraction(value)


def _ranks(values: dict[str, Any], placement: str, higher: bool) -> dict[str, int] | None:
    """An independent oracle: rank = 1 + the number of entities strictly better."""
    keyed: dict[str, tuple[int, Fraction]] = {}
    for name, v in values.items():
        f = _exact(v)
        if f is None:
            if placement == "leave_out":
                continue
            keyed[name] = (0 if placement == "first" else 2, Fraction(0))
        else:
            keyed[name] = (1, f if higher else -f)
    if len(keyed) < 2:
        return None

    def better(a: tuple[int, Fraction], b: tuple[int, Fraction]) -> bool:
        return a[0] < b[0] or (a[0] == b[0] and a[1] > b[1])

    return {n: 1 + sum(better(k2, k) for k2 in keyed.values()) for n, k in keyed.items()}


class TestRankIsAPermutation:
    """Ranking (末位淘汰): every entity appears once, ranked or left out."""

    @given(valued(), PLACEMENTS, st.booleans(), st.integers(0, 4))
    def test_permutation(
        self, values: dict[str, Any], placement: str, higher: bool, bottom: int
    ) -> None:
        """The entries and `left_out` hold exactly the input names, each once."""
        oracle = _ranks(values, placement, higher)
        if oracle is None:
            return
        r = rank(
            values, by=_identity, not_applicable=placement, higher_is_better=higher, bottom=bottom
        )
        names = [e.name for e in r.entries] + list(r.left_out)
        assert sorted(names) == sorted(values)

    @given(valued(), PLACEMENTS, st.booleans())
    def test_ranks_match_the_oracle(
        self, values: dict[str, Any], placement: str, higher: bool
    ) -> None:
        """Each rank is one more than the entities strictly better: ties share ranks
        (standard competition ranking) and ranks never decrease down the table."""
        oracle = _ranks(values, placement, higher)
        if oracle is None:
            return
        r = rank(values, by=_identity, not_applicable=placement, higher_is_better=higher)
        assert {e.name: e.rank for e in r.entries} == oracle
        ranks = [e.rank for e in r.entries]
        assert ranks == sorted(ranks)
        assert ranks[0] == 1

    @given(valued(), PLACEMENTS, st.integers(0, 5))
    def test_bottom_rule(self, values: dict[str, Any], placement: str, bottom: int) -> None:
        """末位 iff fewer than `bottom` entities rank strictly below and one ranks above."""
        oracle = _ranks(values, placement, True)
        if oracle is None:
            return
        r = rank(values, by=_identity, not_applicable=placement, bottom=bottom)
        for e in r.entries:
            below = sum(1 for other in r.entries if other.rank > e.rank)
            assert e.bottom == (below < bottom and e.rank > 1)
        tied = {e.rank for e in r.entries if e.bottom}
        assert all(e.bottom for e in r.entries if e.rank in tied)  # a tie shares its fate

    @given(valued(), st.randoms(use_true_random=False))
    def test_input_order_does_not_matter(self, values: dict[str, Any], rnd: Any) -> None:
        """Shuffling the entities gives the same ranking."""
        items = list(values.items())
        rnd.shuffle(items)
        kw: dict[str, Any] = {"by": _identity, "not_applicable": "last"}
        assert rank(dict(items), **kw) == rank(values, **kw)

    @given(valued(kind="number"))
    def test_lower_is_better_is_negation(self, values: dict[str, Any]) -> None:
        """Ranking by x, lower first, equals ranking by -x, higher first."""
        low = rank(values, by=_identity, higher_is_better=False)
        neg = rank({k: -v for k, v in values.items()}, by=_identity)
        assert [(e.rank, e.name, e.bottom) for e in low.entries] == [
            (e.rank, e.name, e.bottom) for e in neg.entries
        ]

    @given(valued(), PLACEMENTS)
    def test_round_trip(self, values: dict[str, Any], placement: str) -> None:
        """to_data → JSON → from_data gives the ranking back."""
        if _ranks(values, placement, True) is None:
            return
        r = rank(values, by=_identity, not_applicable=placement)
        assert from_data(Ranking, json.loads(json.dumps(to_data(r)))) == r
