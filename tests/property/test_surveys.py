"""Property tests for propstd.surveys: reproducible samples, counts that add up, round trips."""

from __future__ import annotations

import hashlib
import json
import math
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from propstd.periods import Period
from propstd.rates import Rate
from propstd.serialization import from_data, to_data
from propstd.surveys import (
    SurveyPolicy,
    SurveyResponse,
    SurveyResult,
    sample_households,
    survey_result,
)
from tests.strategies import (
    household_ids,
    survey_policies,
    survey_policy_parts,
    survey_responses,
)

YEAR = Period.parse("2025")
HOUSEHOLDS = tuple(f"H{n:04d}" for n in range(1, 9))
SEEDS = st.integers(-(2**256) + 1, 2**256 - 1)  # ints of at most 256 bits


def _oracle_sample(ids: list[str], k: int, seed: int | str) -> tuple[str, ...]:
    """The documented draw, written independently: the k smallest SHA-256(seed␟id)."""
    keyed = sorted((hashlib.sha256(f"{seed}\x1f{h}".encode()).hexdigest(), h) for h in ids)
    return tuple(h for _key, h in keyed[:k])


class TestSampleHouseholds:
    """Seed rules §6 (抽样): a sample drawn so that anyone can draw it again."""

    @given(household_ids(), st.data(), st.one_of(SEEDS, st.text(max_size=8)))
    def test_reproducible_subset_of_size_k(self, ids: list[str], data: Any, seed: Any) -> None:
        """The sample has k distinct members of the population and is drawn again alike."""
        k = data.draw(st.integers(0, len(ids)))
        sample = sample_households(ids, k, seed=seed)
        assert len(sample) == len(set(sample)) == k
        assert set(sample) <= set(ids)
        assert sample == sample_households(ids, k, seed=seed)
        assert sample == _oracle_sample(ids, k, seed)

    @given(household_ids(), st.data(), SEEDS, st.randoms(use_true_random=False))
    def test_order_independent_and_nested(
        self, ids: list[str], data: Any, seed: int, rnd: Any
    ) -> None:
        """Shuffled input gives the same sample; a larger sample extends a smaller one."""
        k = data.draw(st.integers(0, len(ids)))
        more = data.draw(st.integers(k, len(ids)))
        shuffled = list(ids)
        rnd.shuffle(shuffled)
        sample = sample_households(ids, k, seed=seed)
        assert sample_households(shuffled, k, seed=seed) == sample
        assert sample_households(ids, more, seed=seed)[:k] == sample


def _responses(max_size: int = 25) -> st.SearchStrategy[list[SurveyResponse]]:
    return st.lists(survey_responses(households=HOUSEHOLDS), max_size=max_size)


@pytest.mark.slow
class TestSurveyResult:
    """Seed rules §6: satisfaction per service item, one response per household."""

    @given(survey_policies(partial=True), _responses())
    def test_counts_add_up(self, policy: SurveyPolicy, responses: list[SurveyResponse]) -> None:
        """Counted + repeated + ignored = every response; one counted per household."""
        r = survey_result(
            policy, responses, households=len(HOUSEHOLDS), period=YEAR, zone="Asia/Shanghai"
        )
        in_year = [x for x in responses if x.at.date().year == 2025]  # +08:00 is Shanghai time
        assert r.responses + len(r.duplicates) + r.ignored == len(responses)
        assert r.responses == len({x.household for x in in_year})
        assert r.ignored == len(responses) - len(in_year)
        for item in r.items:
            assert item.satisfaction.denominator <= r.responses

    @given(survey_policies(partial=True), _responses())
    def test_overall_pools_the_items(
        self, policy: SurveyPolicy, responses: list[SurveyResponse]
    ) -> None:
        """Overall satisfaction is the sum (pooling) of the items' rates, and an item is
        flagged exactly when it misses the policy's `low_item`."""
        r = survey_result(
            policy, responses, households=len(HOUSEHOLDS), period=YEAR, zone="Asia/Shanghai"
        )
        assert r.overall == sum((i.satisfaction for i in r.items), Rate(0, 0))
        for i in r.items:
            low = policy.low_item
            assert i.needs_action == (low is not None and low.evaluate(i.satisfaction) == "missed")
        sample = policy.sample_size(len(HOUSEHOLDS))
        if sample is None:  # no sample rule: valid when every item was answered
            assert r.valid == all(i.satisfaction.denominator > 0 for i in r.items)
        else:
            assert r.valid == (r.responses >= sample)

    @given(survey_policies(partial=True), _responses(), st.randoms(use_true_random=False))
    def test_input_order_does_not_matter(
        self, policy: SurveyPolicy, responses: list[SurveyResponse], rnd: Any
    ) -> None:
        """Shuffling the responses gives the same result (the first of a household counts)."""
        shuffled = list(responses)
        rnd.shuffle(shuffled)
        kw: dict[str, Any] = {
            "households": len(HOUSEHOLDS),
            "period": YEAR,
            "zone": "Asia/Shanghai",
        }
        assert survey_result(policy, shuffled, **kw) == survey_result(policy, responses, **kw)

    @given(survey_policies(partial=True), _responses())
    def test_sample_size_bounds(
        self, policy: SurveyPolicy, responses: list[SurveyResponse]
    ) -> None:
        """The sample required is ceil(households × sampling), raised to the minimum, capped;
        with one rule, that one; with neither, none."""
        for n in (1, 8, 1150):
            size = policy.sample_size(n)
            rules = [
                *([] if policy.sampling is None else [math.ceil(n * policy.sampling)]),
                *([] if policy.minimum_responses is None else [policy.minimum_responses]),
            ]
            assert size == (min(n, max(rules)) if rules else None)
            assert size is None or 0 <= size <= n

    @given(survey_policies(), _responses(), st.data())
    def test_dropping_rules(
        self, full: SurveyPolicy, responses: list[SurveyResponse], data: st.DataObject
    ) -> None:
        """The partial policy (semantics §15): leaving rules out never changes the figures
        that need none of them and never raises; what needs a dropped rule is not judged."""
        part = data.draw(survey_policy_parts(full))
        kw: dict[str, Any] = {
            "households": len(HOUSEHOLDS),
            "period": YEAR,
            "zone": "Asia/Shanghai",
        }
        a, b = survey_result(full, responses, **kw), survey_result(part, responses, **kw)
        assert [i.satisfaction for i in b.items] == [i.satisfaction for i in a.items]
        assert (b.overall, b.item_coverage, b.responses, b.duplicates, b.ignored) == (
            a.overall,
            a.item_coverage,
            a.responses,
            a.duplicates,
            a.ignored,
        )
        if part.low_item is None:
            assert {i.result.value for i in b.items} <= {"not_applicable"}
            assert b.low_items == ()
        else:
            assert b.items == a.items
        assert b.result == (a.result if part.target is not None else "not_applicable")
        if (part.sampling, part.minimum_responses) == (full.sampling, full.minimum_responses):
            assert (b.sample_required, b.valid) == (a.sample_required, a.valid)
        if part.sampling is None and part.minimum_responses is None:
            assert (b.sample_required, b.valid) == (None, not b.uncovered_items)

    @given(survey_policies(partial=True), _responses(max_size=6))
    def test_round_trip(self, policy: SurveyPolicy, responses: list[SurveyResponse]) -> None:
        """Policy, responses and result survive to_data → JSON → from_data."""
        r = survey_result(
            policy, responses, households=len(HOUSEHOLDS), period=YEAR, zone="Asia/Shanghai"
        )
        for value in (policy, *responses, r):
            data = json.loads(json.dumps(to_data(value)))
            assert from_data(type(value), data) == value
        assert isinstance(from_data(SurveyResult, to_data(r)), SurveyResult)
