"""Unit tests for propstd.surveys: scores, policies, responses, results, sampling, output."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from fractions import Fraction
from typing import Any

import jsonschema
import pytest

from propstd.errors import InvalidValueError, NaiveDatetimeError
from propstd.frequencies import Frequency
from propstd.periods import Period
from propstd.rates import Rate, Target, TargetResult
from propstd.serialization import from_data, json_schema, to_data
from propstd.surveys import (
    DEFAULT_SATISFIED,
    ItemSatisfaction,
    Score,
    SurveyPolicy,
    SurveyResponse,
    SurveyResult,
    sample_households,
    survey_result,
)

CST = timezone(timedelta(hours=8))
AT = datetime(2025, 11, 8, 10, 0, tzinfo=CST)
YEAR = Period.parse("2025")
ITEMS = ("秩序维护", "环境卫生", "工程维修")


def policy(**kw: Any) -> SurveyPolicy:
    """The seed-like policy: annual, 25 %, at least 2, target ≥ 80 %, low item ≥ 75 %."""
    args: dict[str, Any] = {
        "frequency": Frequency.parse("annual"),
        "sampling": Fraction(1, 4),
        "minimum_responses": 2,
        "target": Target.parse("≥ 80%"),
        "low_item": Target.parse("≥ 75%"),
        "items": ITEMS,
    }
    args.update(kw)
    return SurveyPolicy(**args)


def response(
    household: str, scores: dict[str, Any], *, at: datetime = AT, **kw: Any
) -> SurveyResponse:
    return SurveyResponse(kw.pop("survey_id", "S2025"), household, at, scores, **kw)


class TestScore:
    """The five-point scale and the three words."""

    @pytest.mark.parametrize(
        ("given", "expected"),
        [
            pytest.param(5, Score.FIVE, id="int-5"),
            pytest.param(1, Score.ONE, id="int-1"),
            pytest.param("3", Score.THREE, id="str-3"),
            pytest.param("4分", Score.FOUR, id="label"),
            pytest.param("满意", Score.SATISFIED, id="满意"),
            pytest.param("基本满意", Score.BASICALLY_SATISFIED, id="基本满意"),
            pytest.param("不满意", Score.DISSATISFIED, id="不满意"),
            pytest.param(" Dissatisfied ", Score.DISSATISFIED, id="english"),
            pytest.param(Score.TWO, Score.TWO, id="member"),
        ],
    )
    def test_reads(self, given: Any, expected: Score) -> None:
        """Ints 1-5, their text, and the words in Chinese or English are read."""
        assert Score.of(given) is expected

    @pytest.mark.parametrize(
        "bad", [0, 6, -1, "6", "非常好"], ids=["0", "6", "-1", "str-6", "word"]
    )
    def test_outside_the_scale(self, bad: Any) -> None:
        """Anything off the scale is refused with field and value."""
        with pytest.raises(InvalidValueError) as e:
            Score.of(bad)
        assert (e.value.field, e.value.value) == ("score", bad)

    def test_bool_and_float_refused(self) -> None:
        """A bool or a float is a TypeError."""
        with pytest.raises(TypeError, match="got bool True"):
            Score.of(True)
        with pytest.raises(TypeError):
            Score.of(4.0)  # type: ignore[arg-type]

    def test_points(self) -> None:
        """The five-point scores have points; the words have none."""
        assert [s.points for s in Score] == [5, 4, 3, 2, 1, None, None, None]

    def test_default_satisfied(self) -> None:
        """By default 5, 4, 满意 and 基本满意 count as satisfied."""
        assert DEFAULT_SATISFIED == (
            Score.FIVE,
            Score.FOUR,
            Score.SATISFIED,
            Score.BASICALLY_SATISFIED,
        )


class TestPolicy:
    """The sample size and the settings' checks."""

    @pytest.mark.parametrize(
        ("sampling", "minimum", "households", "expected"),
        [
            # 1150 × 1/4 = 287.5 → 288 (rounded up)
            pytest.param(Fraction(1, 4), 100, 1150, 288, id="cuihu-25%"),
            # 1150 × 1/5 = 230 exactly
            pytest.param(Fraction(1, 5), 100, 1150, 230, id="cuihu-20%"),
            # 300 × 1/4 = 75 < the minimum 100 → 100
            pytest.param(Fraction(1, 4), 100, 300, 100, id="minimum"),
            # 60 households: the minimum 100 is capped at 60 (everyone)
            pytest.param(Fraction(1, 4), 100, 60, 60, id="capped"),
            # 1 household × 1/100 = 0.01 → 1
            pytest.param(Fraction(1, 100), 0, 1, 1, id="ceil-tiny"),
            pytest.param(1, 0, 7, 7, id="census"),
        ],
    )
    def test_sample_size(
        self, sampling: Fraction, minimum: int, households: int, expected: int
    ) -> None:
        """ceil(households × sampling), at least the minimum, at most the households."""
        assert (
            policy(sampling=sampling, minimum_responses=minimum).sample_size(households) == expected
        )

    @pytest.mark.parametrize("bad", [0, Fraction(5, 4), -1])
    def test_sampling_bounds(self, bad: Any) -> None:
        """The share is above 0 and at most 1."""
        with pytest.raises(InvalidValueError) as e:
            policy(sampling=bad)
        assert e.value.field == "sampling"

    def test_float_sampling_refused(self) -> None:
        """A float share is not exact."""
        with pytest.raises(TypeError, match="exact number"):
            policy(sampling=0.25)

    def test_negative_minimum(self) -> None:
        """The minimum is at least 0."""
        with pytest.raises(InvalidValueError, match="'minimum_responses' must be at least 0"):
            policy(minimum_responses=-1)

    @pytest.mark.parametrize("field", ["frequency", "target", "low_item"])
    def test_types(self, field: str) -> None:
        """Frequency and targets must be values, not text."""
        with pytest.raises(TypeError, match=field):
            policy(**{field: "annual"})

    def test_items_distinct_and_nonblank(self) -> None:
        """Items repeat or blank are refused."""
        with pytest.raises(InvalidValueError, match="more than once") as e:
            policy(items=("a", "b", "a"))
        assert (e.value.field, e.value.value) == ("items", ["a"])
        with pytest.raises(InvalidValueError, match="must not be empty"):
            policy(items=("a", " "))

    def test_satisfied_normalized(self) -> None:
        """`satisfied` reads ints and words, drops repeats and keeps the scale order."""
        p = policy(satisfied=["满意", 5, "satisfied", Score.FIVE])
        assert p.satisfied == (Score.FIVE, Score.SATISFIED)
        assert p.counts_as_satisfied(Score.FIVE)
        assert not p.counts_as_satisfied(Score.FOUR)

    def test_satisfied_not_empty(self) -> None:
        """Nothing counting as satisfied is refused."""
        with pytest.raises(InvalidValueError, match="at least one answer") as e:
            policy(satisfied=())
        assert e.value.field == "satisfied"

    def test_satisfied_off_scale(self) -> None:
        """An answer off the scale is refused, naming `satisfied`."""
        with pytest.raises(InvalidValueError) as e:
            policy(satisfied=[7])
        assert (e.value.field, e.value.value) == ("satisfied", 7)

    def test_bad_households(self) -> None:
        """The population is an int of at least 1."""
        with pytest.raises(InvalidValueError, match="at least 1") as e:
            policy().sample_size(0)
        assert (e.value.field, e.value.value) == ("households", 0)
        with pytest.raises(TypeError):
            policy().sample_size(10.0)  # type: ignore[arg-type]

    def test_repr(self) -> None:
        """The repr is one line with every setting."""
        assert repr(policy()) == (
            "SurveyPolicy(annual, sampling 1/4, at least 2, target ≥ 80%, low item ≥ 75%)"
        )


class TestResponse:
    """A questionnaire and its refusals."""

    def test_score_outside_the_scale(self) -> None:
        """A score of 6 names the field, the value and the item."""
        with pytest.raises(InvalidValueError, match="'scores' of item '秩序维护'") as e:
            response("H1", {"秩序维护": 6})
        assert (e.value.field, e.value.value) == ("scores", 6)

    def test_unknown_word(self) -> None:
        """A word off the scale lists the accepted words."""
        with pytest.raises(InvalidValueError, match="'basically_satisfied' \\(基本满意\\)") as e:
            response("H1", {"秩序维护": "还行"})
        assert (e.value.field, e.value.value) == ("scores", "还行")

    def test_empty_and_blank(self) -> None:
        """No score at all, or a blank item, is refused."""
        with pytest.raises(InvalidValueError, match="at least one item"):
            response("H1", {})
        with pytest.raises(InvalidValueError, match="must not be empty"):
            response("H1", {" ": 5})

    def test_types(self) -> None:
        """Scores are a mapping of ints or words; the instant is aware."""
        with pytest.raises(TypeError, match="'scores' must be a mapping"):
            response("H1", [("a", 5)])  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="ints 1-5 or words, got float"):
            response("H1", {"a": 4.5})
        with pytest.raises(NaiveDatetimeError):
            response("H1", {"a": 5}, at=datetime(2025, 11, 8, 10, 0))
        with pytest.raises(InvalidValueError, match="'household' must not be empty"):
            response(" ", {"a": 5})

    def test_hashable_and_equal(self) -> None:
        """Equal responses are equal and hash alike (scores read once)."""
        a = response("H1", {"秩序维护": 5})
        b = response("H1", {"秩序维护": "5"})
        assert a == b
        assert hash(a) == hash(b)


class TestSurveyResult:
    """survey_result, every number derived by hand."""

    def test_three_point_scale(self) -> None:
        """H1 满意/满意/不满意, H2 基本满意/不满意/满意, H3 满意/基本满意 (no 工程维修):
        秩序维护 3/3, 环境卫生 2/3, 工程维修 1/2; overall 6/8 = 75 % < 80 % → missed;
        环境卫生 66.7 % and 工程维修 50 % < 75 % → action. 12 households × 1/4 = 3 → valid."""
        answers = [
            response("H1", {"秩序维护": "满意", "环境卫生": "满意", "工程维修": "不满意"}),
            response("H2", {"秩序维护": "基本满意", "环境卫生": "不满意", "工程维修": "满意"}),
            response("H3", {"秩序维护": "满意", "环境卫生": "基本满意"}),
        ]
        r = survey_result(policy(), answers, households=12, period=YEAR, zone="Asia/Shanghai")
        assert [(i.item, i.satisfaction) for i in r.items] == [
            ("秩序维护", Rate(3, 3)),
            ("环境卫生", Rate(2, 3)),
            ("工程维修", Rate(1, 2)),
        ]
        assert r.overall == Rate(6, 8)
        assert r.result is TargetResult.MISSED
        assert r.low_items == ("环境卫生", "工程维修")
        assert (r.sample_required, r.responses, r.valid) == (3, 3, True)
        assert r.item_coverage == Rate(3, 3)
        assert r.response_rate == Rate(3, 12)
        assert r.surveys == ("S2025",)

    def test_five_point_scale(self) -> None:
        """5 and 4 count, 3 does not: 秩序维护 5,4,3 → 2/3; 环境卫生 4,4,2 → 2/3;
        工程维修 5,5,5 → 3/3; overall 7/9 = 77.8 %."""
        answers = [
            response("H1", {"秩序维护": 5, "环境卫生": 4, "工程维修": 5}),
            response("H2", {"秩序维护": 4, "环境卫生": 4, "工程维修": 5}),
            response("H3", {"秩序维护": 3, "环境卫生": 2, "工程维修": 5}),
        ]
        r = survey_result(policy(), answers, households=3, period=YEAR, zone="Asia/Shanghai")
        assert r.overall == Rate(7, 9)
        assert r.item("工程维修").satisfaction == Rate(3, 3)
        assert r.low_items == ("秩序维护", "环境卫生")  # 2/3 = 66.7 % < 75 %
        assert "未覆盖" not in r.to_text()  # every item answered

    def test_policy_changes_what_counts(self) -> None:
        """With only 满意 counting, H2's 基本满意 no longer counts: 秩序维护 1/2."""
        answers = [
            response("H1", {"秩序维护": "满意"}),
            response("H2", {"秩序维护": "基本满意"}),
        ]
        strict = policy(satisfied=["满意"])
        r = survey_result(strict, answers, households=8, period=YEAR, zone="Asia/Shanghai")
        assert r.item("秩序维护").satisfaction == Rate(1, 2)
        loose = survey_result(policy(), answers, households=8, period=YEAR, zone="Asia/Shanghai")
        assert loose.item("秩序维护").satisfaction == Rate(2, 2)

    def test_second_response_of_a_household_is_not_counted(self) -> None:
        """H1 answers 不满意 on the 8th and 满意 on the 9th: the first counts (0/1) and the
        second is listed in `duplicates`; the result is the same in any input order."""
        first = response("H1", {"秩序维护": "不满意"})
        second = response("H1", {"秩序维护": "满意"}, at=AT + timedelta(days=1))
        other = response("H2", {"秩序维护": "满意"})
        for order in ([first, second, other], [second, other, first]):
            r = survey_result(policy(), order, households=8, period=YEAR, zone="Asia/Shanghai")
            assert r.item("秩序维护").satisfaction == Rate(1, 2)
            assert r.duplicates == (second,)
            assert r.responses == 2

    def test_equal_instants_choose_by_content(self) -> None:
        """Two responses of one household at the same instant: the choice follows their
        content (here the comment), never the input order."""
        a = response("H1", {"秩序维护": "满意"}, comment="a")
        b = response("H1", {"秩序维护": "不满意"}, comment="b")
        one = survey_result(policy(), [a, b], households=8, period=YEAR, zone="Asia/Shanghai")
        two = survey_result(policy(), [b, a], households=8, period=YEAR, zone="Asia/Shanghai")
        assert one == two
        assert one.duplicates == (b,)

    def test_not_valid_below_the_sample(self) -> None:
        """1150 households × 1/4 → 288 required; 287 responses are not valid."""
        answers = [response(f"H{n:04d}", {"秩序维护": "满意"}) for n in range(287)]
        r = survey_result(policy(), answers, households=1150, period=YEAR, zone="Asia/Shanghai")
        assert (r.sample_required, r.responses, r.valid) == (288, 287, False)
        assert "NOT valid" in r.to_text()
        assert "(not valid)" in repr(r)

    def test_item_not_answered_is_not_covered(self) -> None:
        """Nobody answered 工程维修: n/a, not flagged low, listed as not covered; 2/3."""
        answers = [response("H1", {"秩序维护": "满意", "环境卫生": "满意"})]
        r = survey_result(policy(), answers, households=4, period=YEAR, zone="Asia/Shanghai")
        assert r.item("工程维修").result is TargetResult.NOT_APPLICABLE
        assert r.uncovered_items == ("工程维修",)
        assert r.low_items == ()
        assert r.item_coverage == Rate(2, 3)

    def test_period_read_in_the_zone(self) -> None:
        """2025-01-01 00:30 +08:00 is in 2025 in Shanghai but in 2024 in UTC."""
        early = response("H1", {"秩序维护": "满意"}, at=datetime(2025, 1, 1, 0, 30, tzinfo=CST))
        shanghai = survey_result(policy(), [early], households=4, period=YEAR, zone="Asia/Shanghai")
        utc = survey_result(policy(), [early], households=4, period=YEAR, zone="UTC")
        assert (shanghai.responses, shanghai.ignored) == (1, 0)
        assert (utc.responses, utc.ignored) == (0, 1)
        assert utc.overall == Rate(0, 0)
        assert utc.surveys == ()

    def test_several_surveys_need_a_choice(self) -> None:
        """Responses of two surveys in the period are refused unless `survey=` picks one."""
        answers = [
            response("H1", {"秩序维护": "满意"}, survey_id="S2025-H1"),
            response("H1", {"秩序维护": "不满意"}, survey_id="S2025-H2"),
        ]
        with pytest.raises(InvalidValueError, match="belong to 2 surveys") as e:
            survey_result(policy(), answers, households=4, period=YEAR, zone="Asia/Shanghai")
        assert (e.value.field, e.value.value) == ("survey", ["S2025-H1", "S2025-H2"])
        r = survey_result(
            policy(), answers, households=4, period=YEAR, zone="Asia/Shanghai", survey="S2025-H2"
        )
        assert (r.overall, r.ignored) == (Rate(0, 1), 1)

    def test_unknown_item_names_the_record(self) -> None:
        """A counted response scoring an item outside the survey names household and survey."""
        answers = [response("H7", {"秩序维护": "满意", "停车": "满意"})]
        with pytest.raises(InvalidValueError, match="household 'H7' to survey 'S2025'") as e:
            survey_result(policy(), answers, households=4, period=YEAR, zone="Asia/Shanghai")
        assert (e.value.field, e.value.value) == ("scores", "停车")

    def test_items_given_in_the_call(self) -> None:
        """Items given to the call replace the policy's."""
        answers = [response("H1", {"停车": "满意"})]
        r = survey_result(
            policy(), answers, households=4, period=YEAR, zone="Asia/Shanghai", items=["停车"]
        )
        assert [i.item for i in r.items] == ["停车"]

    def test_no_items(self) -> None:
        """A survey with no service items is refused."""
        with pytest.raises(InvalidValueError, match="no service items") as e:
            survey_result(policy(items=()), [], households=4, period=YEAR, zone="UTC")
        assert e.value.field == "items"

    def test_more_households_than_the_property(self) -> None:
        """Three households answering a property of two is impossible data."""
        answers = [response(f"H{n}", {"秩序维护": "满意"}) for n in range(3)]
        with pytest.raises(InvalidValueError, match="but 3 households answered") as e:
            survey_result(policy(), answers, households=2, period=YEAR, zone="Asia/Shanghai")
        assert (e.value.field, e.value.value) == ("households", 2)

    def test_bad_arguments(self) -> None:
        """Wrong types and a blank survey id are refused."""
        with pytest.raises(TypeError, match=r"responses\[0\]"):
            survey_result(policy(), ["x"], households=4, period=YEAR, zone="UTC")  # type: ignore[list-item]
        with pytest.raises(TypeError, match="'responses'"):
            survey_result(policy(), "x", households=4, period=YEAR, zone="UTC")  # type: ignore[arg-type]
        with pytest.raises(InvalidValueError, match="'survey' must not be empty"):
            survey_result(policy(), [], households=4, period=YEAR, zone="UTC", survey="")
        with pytest.raises(InvalidValueError, match="zone"):
            survey_result(policy(), [], households=4, period=YEAR, zone="Mars/Base")
        with pytest.raises(TypeError, match="'policy'"):
            survey_result("p", [], households=4, period=YEAR, zone="UTC")  # type: ignore[arg-type]

    def test_unknown_item_lookup(self) -> None:
        """Asking for an item not in the survey names the items."""
        r = survey_result(policy(), [], households=4, period=YEAR, zone="UTC")
        with pytest.raises(InvalidValueError, match="got '停车'") as e:
            r.item("停车")
        assert e.value.field == "name"


class TestSeedTargets:
    """资料 004: satisfaction ≥ 80 %, owners ≥ 85 %, staff ≥ 90 %."""

    @pytest.mark.parametrize(
        ("target", "satisfied", "answered", "expected"),
        [
            # owners' survey: 1232 satisfied answers of 1480 = 83.2 % ≥ 80 %
            pytest.param("≥ 80%", 1232, 1480, TargetResult.MET, id="owners-80"),
            # the same answers against the forum's 85 %: missed
            pytest.param("≥ 85%", 1232, 1480, TargetResult.MISSED, id="forum-85"),
            # staff: 55 of 60 = 91.7 % ≥ 90 %
            pytest.param("90%以上", 55, 60, TargetResult.MET, id="staff-90"),
            # staff: 53 of 60 = 88.3 % < 90 %
            pytest.param("90%以上", 53, 60, TargetResult.MISSED, id="staff-88"),
            # exactly 80 % meets "≥ 80%" (bounds are inclusive)
            pytest.param("≥ 80%", 8, 10, TargetResult.MET, id="boundary"),
        ],
    )
    def test_targets(
        self, target: str, satisfied: int, answered: int, expected: TargetResult
    ) -> None:
        """One item answered *answered* times, *satisfied* of them 满意: judged by *target*."""
        answers = [
            response(f"P{n:04d}", {"满意度": "满意" if n < satisfied else "不满意"})
            for n in range(answered)
        ]
        p = policy(target=Target.parse(target), items=("满意度",), minimum_responses=0)
        r = survey_result(p, answers, households=answered, period=YEAR, zone="Asia/Shanghai")
        assert r.overall == Rate(satisfied, answered)
        assert r.result is expected


class TestSampleHouseholds:
    """A reproducible, order-independent, nested sample."""

    IDS = tuple(f"H{n:04d}" for n in range(1, 1151))

    def test_reproducible(self) -> None:
        """The same seed gives the same sample; another seed another one."""
        a = sample_households(self.IDS, 288, seed=2025)
        assert a == sample_households(self.IDS, 288, seed=2025)
        assert a != sample_households(self.IDS, 288, seed=2026)
        assert len(set(a)) == 288
        assert set(a) <= set(self.IDS)

    def test_pinned(self) -> None:
        """The draw is SHA-256 based, so it is the same on every platform and version."""
        assert sample_households(self.IDS, 3, seed=2025) == ("H0002", "H0461", "H1058")
        assert sample_households(self.IDS, 3, seed="S2025") == sample_households(
            self.IDS, 3, seed="S2025"
        )

    def test_order_independent_and_nested(self) -> None:
        """Input order does not matter; a larger sample starts with the smaller one."""
        small = sample_households(self.IDS, 288, seed=2025)
        assert sample_households(reversed(self.IDS), 288, seed=2025) == small
        assert sample_households(self.IDS, 300, seed=2025)[:288] == small

    def test_int_and_str_seed_agree(self) -> None:
        """A seed is read as text: 2025 and "2025" draw alike."""
        assert sample_households(self.IDS, 5, seed=2025) == sample_households(
            self.IDS, 5, seed="2025"
        )

    def test_edges(self) -> None:
        """k = 0 and k = all are allowed."""
        assert sample_households(self.IDS, 0, seed=1) == ()
        assert sorted(sample_households(self.IDS, 1150, seed=1)) == list(self.IDS)

    @pytest.mark.parametrize("k", [-1, 1151])
    def test_k_bounds(self, k: int) -> None:
        """k outside 0..len is refused with field and value."""
        with pytest.raises(InvalidValueError, match="'k' must be from 0 to the 1150") as e:
            sample_households(self.IDS, k, seed=1)
        assert (e.value.field, e.value.value) == ("k", k)

    def test_bad_ids_and_seed(self) -> None:
        """Repeated or blank ids, and a seed that is neither int nor str, are refused."""
        with pytest.raises(InvalidValueError, match="'households' must name each one once") as e:
            sample_households(["a", "b", "a"], 1, seed=1)
        assert (e.value.field, e.value.value) == ("households", ["a"])
        with pytest.raises(InvalidValueError, match=r"'households\[1\]' must not be empty"):
            sample_households(["a", ""], 1, seed=1)
        with pytest.raises(TypeError, match="'seed' must be an int or a str"):
            sample_households(["a"], 1, seed=1.5)  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="'seed'"):
            sample_households(["a"], 1, seed=True)
        with pytest.raises(InvalidValueError, match="at most 256 bits") as e:
            sample_households(["a"], 1, seed=10**5000)
        assert e.value.field == "seed"
        with pytest.raises(TypeError):
            sample_households("abc", 1, seed=1)


class TestOutput:
    """Text, Markdown, HTML, rows, repr and data."""

    def result(self) -> SurveyResult:
        answers = [
            response("H1", {"秩序维护": "满意", "环境卫生": "不满意"}),
            response("H2", {"秩序维护": "基本满意", "环境卫生": "不满意"}),
            response("H2", {"秩序维护": "不满意"}, at=AT + timedelta(hours=1)),
            response("H3", {"秩序维护": "满意"}, at=AT.replace(year=2024)),
        ]
        return survey_result(policy(), answers, households=4, period=YEAR, zone="Asia/Shanghai")

    def test_text(self) -> None:
        """The table shows each item and the overall row, then the notes."""
        assert self.result().to_text() == (
            "满意度调查 Satisfaction survey 2025 (S2025)\n"
            "服务项目 Item  满意率 Satisfaction  目标 Target  结果 Result\n"
            "-------------  -------------------  -----------  --------------\n"
            "秩序维护              100.0% (2/2)  ≥ 75%        met\n"
            "环境卫生                0.0% (0/2)  ≥ 75%        需改进 action\n"
            "工程维修                 n/a (0/0)  ≥ 75%        not_applicable\n"
            "全部 overall           50.0% (2/4)  ≥ 80%        missed\n"
            "样本 sample: 2 responses of 4 households, 2 required → valid 有效\n"
            "覆盖 items covered: 66.7% (2/3)\n"
            "需改进 improvement action: 环境卫生\n"
            "未覆盖 not answered: 工程维修\n"
            "重复 repeated responses not counted (1): H2\n"
            "其他 responses of other periods or surveys not counted: 1"
        )

    def test_rows_markdown_html_repr(self) -> None:
        """rows() ends with the overall row; Markdown bolds it; repr is one line."""
        r = self.result()
        rows = r.rows()
        assert rows[-1] == ItemSatisfaction(
            item="全部 overall",
            satisfaction=Rate(2, 4),
            target=Target.parse("≥ 80%"),
            result=TargetResult.MISSED,
        )
        assert "| **全部 overall** |" in r.to_markdown()
        assert '<tr class="missed">' in r.to_html()
        assert repr(r) == "<SurveyResult 2025: 2/2 responses, overall 50.0% (2/4), 1 low items>"
        assert repr(rows[1]) == "ItemSatisfaction('环境卫生', 0.0% (0/2), missed)"
        assert rows[1].needs_action

    def test_response_repr(self) -> None:
        """A response's repr shows survey, household, instant and scores."""
        assert repr(response("H1", {"a": 5})) == (
            "SurveyResponse('S2025', 'H1', 2025-11-08 10:00+08:00, {'a': '5'})"
        )

    @pytest.mark.parametrize("kind", ["policy", "response", "result", "row"])
    def test_round_trip(self, kind: str) -> None:
        """Every record survives to_data → JSON → from_data."""
        value: Any = {
            "policy": policy(satisfied=["满意", 5]),
            "response": response("H1", {"秩序维护": 5, "环境卫生": "基本满意"}, comment="ok"),
            "result": self.result(),
            "row": self.result().rows()[0],
        }[kind]
        data = json.loads(json.dumps(to_data(value)))
        assert from_data(type(value), data) == value

    def test_scores_written_as_values(self) -> None:
        """Scores are written as their English values (`"5"`, `"satisfied"`)."""
        data = to_data(response("H1", {"秩序维护": 5, "环境卫生": "满意"}))
        assert data["scores"] == {"秩序维护": "5", "环境卫生": "satisfied"}
        assert from_data(SurveyResponse, {**data, "scores": {"秩序维护": "满意"}}).scores == {
            "秩序维护": Score.SATISFIED
        }

    def test_schema(self) -> None:
        """The schema lists the scores as strings of the scale, English values first."""
        schema = json_schema(SurveyResponse)
        scores = schema["properties"]["scores"]["additionalProperties"]["enum"]
        assert scores[: len(Score)] == [s.value for s in Score]
        json_schema(SurveyResult)


# -- partial policies -----------------------------------------------------------------------

LEVEL_1 = SurveyPolicy(Frequency.parse("annual"), target=Target.parse("≥ 80%"), items=ITEMS)
"""What the CPMI 2004 level-1 summary fixes: at least one survey a year, satisfaction ≥ 80 %;
no sampling ratio, no minimum, no low-item target."""

THREE = [
    response("H1", {"秩序维护": "满意", "环境卫生": "满意", "工程维修": "不满意"}),
    response("H2", {"秩序维护": "基本满意", "环境卫生": "不满意", "工程维修": "满意"}),
    response("H3", {"秩序维护": "满意", "环境卫生": "基本满意"}),
]
"""The three-point answers of `test_three_point_scale`: 3/3, 2/3, 1/2; overall 6/8."""


class TestPartialPolicy:
    """A SurveyPolicy holds only the rules its standard fixes; the rest is not judged."""

    def test_nothing_set(self) -> None:
        """Every rule may be left out, and the repr shows only what is set."""
        empty = SurveyPolicy()
        assert (empty.frequency, empty.sampling, empty.minimum_responses) == (None, None, None)
        assert (empty.target, empty.low_item) == (None, None)
        assert repr(empty) == "SurveyPolicy()"
        assert repr(LEVEL_1) == "SurveyPolicy(annual, target ≥ 80%)"
        assert repr(SurveyPolicy(minimum_responses=30)) == "SurveyPolicy(at least 30)"

    @pytest.mark.parametrize(
        ("sampling", "minimum", "households", "expected"),
        [
            pytest.param(Fraction(1, 4), 100, 1150, 288, id="both-share-wins"),
            pytest.param(Fraction(1, 4), 300, 1150, 300, id="both-minimum-wins"),
            pytest.param(Fraction(1, 4), None, 1150, 288, id="share-only"),
            pytest.param(None, 100, 1150, 100, id="minimum-only"),
            pytest.param(None, 100, 40, 40, id="minimum-capped"),
            pytest.param(None, 0, 40, 0, id="minimum-zero"),
            pytest.param(None, None, 1150, None, id="neither"),
        ],
    )
    def test_sample_size(
        self, sampling: Fraction | None, minimum: int | None, households: int, expected: int | None
    ) -> None:
        """The sample is what the rules set give; with neither, there is none."""
        p = SurveyPolicy(sampling=sampling, minimum_responses=minimum)
        assert p.sample_size(households) == expected

    def test_no_sample_rule_valid_by_coverage(self) -> None:
        """With no sample rule the survey is valid when every item was answered."""
        r = survey_result(LEVEL_1, THREE, households=1150, period=YEAR, zone="Asia/Shanghai")
        assert (r.sample_required, r.responses, r.valid) == (None, 3, True)
        assert r.overall == Rate(6, 8)
        assert r.result is TargetResult.MISSED  # 75 % against ≥ 80 %
        assert "3 responses of 1150 households, no sample required → valid" in r.to_text()
        assert repr(r).startswith("<SurveyResult 2025: 3 responses, overall")

    @pytest.mark.parametrize(
        ("answers", "valid"),
        [
            pytest.param([], False, id="nobody"),
            pytest.param(THREE[2:], False, id="an-item-unanswered"),
            pytest.param(THREE[:1], True, id="one-household-covers-all"),
        ],
    )
    def test_coverage_table(self, answers: list[SurveyResponse], valid: bool) -> None:
        """Valid exactly when no item is left unanswered."""
        r = survey_result(LEVEL_1, answers, households=1150, period=YEAR, zone="Asia/Shanghai")
        assert r.valid is valid
        assert r.valid == (r.uncovered_items == ())
        if not valid:
            assert "NOT valid 无效 (items not all answered)" in r.to_text()

    def test_no_low_item_target(self) -> None:
        """No low-item target: nothing is flagged, each item is not judged."""
        r = survey_result(LEVEL_1, THREE, households=12, period=YEAR, zone="Asia/Shanghai")
        assert r.low_items == ()
        assert [(i.target, i.result) for i in r.items] == [(None, TargetResult.NOT_APPLICABLE)] * 3
        assert [i.satisfaction for i in r.items] == [Rate(3, 3), Rate(2, 3), Rate(1, 2)]
        assert "not judged — low items: no low-item target in the policy" in r.to_text()
        assert "not judged — overall" not in r.to_text()

    def test_no_target(self) -> None:
        """No overall target: the overall satisfaction is given, not judged."""
        p = policy(target=None)
        r = survey_result(p, THREE, households=12, period=YEAR, zone="Asia/Shanghai")
        assert (r.overall, r.result) == (Rate(6, 8), TargetResult.NOT_APPLICABLE)
        assert r.low_items == ("环境卫生", "工程维修")  # the low-item target still applies
        overall = r.rows()[-1]
        assert (overall.target, overall.result) == (None, TargetResult.NOT_APPLICABLE)
        text = r.to_text()
        assert "not judged — overall satisfaction: no target in the policy" in text
        assert "75.0% (6/8)" in text

    def test_same_figures_as_the_full_policy(self) -> None:
        """Dropping rules leaves every figure that needs none of them as it was."""
        full = survey_result(policy(), THREE, households=12, period=YEAR, zone="Asia/Shanghai")
        bare = survey_result(
            SurveyPolicy(items=ITEMS), THREE, households=12, period=YEAR, zone="Asia/Shanghai"
        )
        assert [i.satisfaction for i in bare.items] == [i.satisfaction for i in full.items]
        assert (bare.overall, bare.responses, bare.item_coverage) == (
            full.overall,
            full.responses,
            full.item_coverage,
        )

    @pytest.mark.parametrize(
        "value",
        [
            pytest.param(LEVEL_1, id="level-1"),
            pytest.param(SurveyPolicy(), id="empty"),
            pytest.param(SurveyPolicy(sampling=Fraction(1, 10)), id="sampling-only"),
        ],
    )
    def test_round_trip(self, value: SurveyPolicy) -> None:
        """A partial policy survives JSON and fits its schema."""
        data = json.loads(json.dumps(to_data(value)))
        assert from_data(SurveyPolicy, data) == value
        schema = jsonschema.Draft202012Validator(json_schema(SurveyPolicy))
        assert list(schema.iter_errors(data)) == []
        assert list(schema.iter_errors({})) == []

    def test_short_documents(self) -> None:
        """Missing keys read as rules not set; a 0.1 document reads as before."""
        assert from_data(SurveyPolicy, {}) == SurveyPolicy()
        assert from_data(SurveyPolicy, {"sampling": "1/4"}) == SurveyPolicy(sampling=Fraction(1, 4))
        assert from_data(SurveyPolicy, to_data(policy())) == policy()
