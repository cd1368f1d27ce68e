"""Unit tests for propstd.ranking: competition ranks, the bottom, n/a rates, bad input, output."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any, ClassVar
from zoneinfo import ZoneInfo

import attrs
import pytest

from propstd.calendars import china_calendar
from propstd.errors import CurrencyMismatchError, InvalidValueError
from propstd.money import Money
from propstd.periods import Period
from propstd.ranking import NotApplicable, RankedEntry, Ranking, rank
from propstd.rates import Rate
from propstd.repairs import RepairLimits, RepairOrder, repair_metrics
from propstd.serialization import from_data, json_schema, to_data
from propstd.timelimits import TimeLimit
from propstd.timelines import Timeline


@attrs.frozen
class Tech:
    """A technician's figures, as `repairs.RepairFigures` has them (`label` + rates)."""

    label: str
    completion: Rate
    rework: Rate


@attrs.frozen
class Dept:
    """A department with a `name` attribute and a count of deduction findings."""

    name: str
    deductions: int


def _identity(value: Any) -> Any:
    return value


def _table(r: Ranking) -> list[tuple[int, str, bool]]:
    return [(e.rank, e.name, e.bottom) for e in r.entries]


class TestSeedCases:
    """The seeds' uses: technicians, departments, zones, properties."""

    def test_technicians_by_completion_on_time(self) -> None:
        """Four technicians by completion on time: 20/20 > 15/16 > 9/12 = 6/8; the two 75 %
        share rank 3 and both are 末位."""
        techs = [
            Tech("张伟", Rate(15, 16), Rate(1, 16)),
            Tech("李强", Rate(9, 12), Rate(2, 12)),
            Tech("王磊", Rate(6, 8), Rate(0, 8)),
            Tech("赵敏", Rate(20, 20), Rate(0, 20)),
        ]
        r = rank(techs, by="completion")
        assert _table(r) == [
            (1, "赵敏", False),
            (2, "张伟", False),
            (3, "李强", True),
            (3, "王磊", True),
        ]
        assert r.measure == "completion"
        assert r.entry("张伟").value == Rate(15, 16)

    def test_technicians_by_rework_lower_is_better(self) -> None:
        """By rework (返修率, lower is better): 0/8 = 0/20 < 1/16 < 2/12 → 1, 1, 3, 4."""
        techs = [
            Tech("张伟", Rate(15, 16), Rate(1, 16)),
            Tech("李强", Rate(9, 12), Rate(2, 12)),
            Tech("王磊", Rate(6, 8), Rate(0, 8)),
            Tech("赵敏", Rate(20, 20), Rate(0, 20)),
        ]
        r = rank(techs, by="rework", higher_is_better=False)
        assert _table(r) == [
            (1, "王磊", False),
            (1, "赵敏", False),
            (3, "张伟", False),
            (4, "李强", True),
        ]

    def test_departments_by_deductions(self) -> None:
        """Departments by deduction findings (fewer is better), named by their `name`."""
        depts = [Dept("工程部", 4), Dept("环境部", 1), Dept("秩序维护部", 2), Dept("客服中心", 1)]
        r = rank(depts, by="deductions", higher_is_better=False)
        assert _table(r) == [
            (1, "客服中心", False),
            (1, "环境部", False),
            (3, "秩序维护部", False),
            (4, "工程部", True),
        ]

    def test_zones_by_money_collected(self) -> None:
        """Zones by fees collected (Money, one currency)."""
        zones = {
            "一区": Money("120000.00", "CNY"),
            "二区": Money("98000.50", "CNY"),
            "三区": Money("120000", "CNY"),
        }
        r = rank(zones, by=_identity, measure="收缴 collected")
        assert _table(r) == [(1, "一区", False), (1, "三区", False), (3, "二区", True)]
        assert r.entries[2].money == r.entries[2].value == Money("98000.50", "CNY")

    def test_properties_by_score_decimal_and_int_mix(self) -> None:
        """Scores as Decimals and ints compare exactly together: 95 = 95.0 > 94.5."""
        r = rank(
            {"翠湖花园": 95, "碧海湾": Decimal("95.0"), "云山居": Decimal("94.5")}, by=_identity
        )
        assert _table(r) == [(1, "碧海湾", False), (1, "翠湖花园", False), (3, "云山居", True)]
        assert r.entry("翠湖花园").count == 95
        assert r.entry("碧海湾").number == Decimal("95.0")


class TestCompetitionRanking:
    """Standard competition ranking (1-2-2-4) and exact comparison."""

    def test_one_two_two_four(self) -> None:
        """Ties share a rank and the next rank skips: 1, 2, 2, 4."""
        r = rank({"a": 9, "b": 7, "c": 7, "d": 3}, by=_identity)
        assert [e.rank for e in r.entries] == [1, 2, 2, 4]

    def test_rates_compare_exactly(self) -> None:
        """1/2 ties 2/4 and 500/1000; 1/3 is below them (no rounding to percent)."""
        r = rank(
            {"a": Rate(1, 2), "b": Rate(2, 4), "c": Rate(500, 1000), "d": Rate(1, 3)}, by=_identity
        )
        assert [e.rank for e in r.entries] == [1, 1, 1, 4]

    def test_close_rates_are_not_tied(self) -> None:
        """Two rates that print the same (66.7 %) but differ are ranked apart."""
        r = rank({"a": Rate(2, 3), "b": Rate(667, 1000)}, by=_identity)
        assert _table(r) == [(1, "b", False), (2, "a", True)]

    def test_ties_listed_by_name_whatever_the_input_order(self) -> None:
        """Tied entities are listed by name, so the input order does not matter."""
        one = rank({"b": 1, "a": 1, "c": 0}, by=_identity)
        two = rank({"c": 0, "a": 1, "b": 1}, by=_identity)
        assert one == two
        assert [e.name for e in one.entries] == ["a", "b", "c"]


class TestBottom:
    """The 末位: fewer than `bottom` entities strictly below, at least one strictly above."""

    def test_bottom_one_marks_the_last(self) -> None:
        """bottom=1 marks the single last entity."""
        r = rank({"a": 9, "b": 7, "c": 7, "d": 3}, by=_identity)
        assert r.bottom_names == ("d",)

    def test_ties_at_the_bottom_are_all_marked(self) -> None:
        """Two tied last entities are both marked with bottom=1 (two marked, not one)."""
        r = rank({"a": 9, "b": 7, "c": 3, "d": 3}, by=_identity)
        assert r.bottom_names == ("c", "d")

    def test_bottom_two_reaching_a_tie_marks_the_whole_tie(self) -> None:
        """bottom=2 over 1-2-2-4: the 4 and both 2s (one entity below them) are marked: 3."""
        r = rank({"a": 9, "b": 7, "c": 7, "d": 3}, by=_identity, bottom=2)
        assert r.bottom_names == ("b", "c", "d")

    def test_all_tied_marks_nobody(self) -> None:
        """When every entity ties there is nobody to be worse than: no 末位."""
        r = rank({"a": Rate(1, 1), "b": Rate(2, 2), "c": Rate(3, 3)}, by=_identity)
        assert r.bottom_names == ()
        assert [e.rank for e in r.entries] == [1, 1, 1]

    def test_top_tie_is_never_bottom(self) -> None:
        """With bottom=2 over 10, 10, 5, only the 5 is marked: the tied first are not."""
        r = rank({"a": 10, "b": 10, "c": 5}, by=_identity, bottom=2)
        assert r.bottom_names == ("c",)

    def test_bottom_zero_marks_nobody(self) -> None:
        """bottom=0 ranks without marking."""
        r = rank({"a": 2, "b": 1}, by=_identity, bottom=0)
        assert r.bottom_names == ()

    def test_bottom_beyond_the_count_marks_all_but_the_first(self) -> None:
        """bottom=10 over 3 entities marks every one below the first."""
        r = rank({"a": 3, "b": 2, "c": 1}, by=_identity, bottom=10)
        assert r.bottom_names == ("b", "c")


class TestNotApplicable:
    """A 0/0 rate is refused unless `not_applicable` places it."""

    RATES: ClassVar[dict[str, Rate]] = {
        "a": Rate(3, 4),
        "b": Rate(0, 0),
        "c": Rate(1, 4),
        "d": Rate(0, 0),
    }

    def test_refused_without_an_option(self) -> None:
        """A 0/0 rate without `not_applicable` is an error naming the entity."""
        with pytest.raises(InvalidValueError, match="'b' has a rate that is not applicable") as e:
            rank(self.RATES, by=_identity)
        assert (e.value.field, e.value.value) == ("by", "b")

    def test_first(self) -> None:
        """'first': the n/a entities share rank 1, before the applicable ones."""
        r = rank(self.RATES, by=_identity, not_applicable="first")
        assert _table(r) == [(1, "b", False), (1, "d", False), (3, "a", False), (4, "c", True)]
        assert r.not_applicable is NotApplicable.FIRST

    def test_last(self) -> None:
        """'last': the n/a entities share the last rank and are the 末位."""
        r = rank(self.RATES, by=_identity, not_applicable="排在最后")
        assert _table(r) == [(1, "a", False), (2, "c", False), (3, "b", True), (3, "d", True)]

    def test_leave_out(self) -> None:
        """'leave_out': the n/a entities are not ranked and are listed in `left_out`."""
        r = rank(self.RATES, by=_identity, not_applicable="不参与排名")
        assert _table(r) == [(1, "a", False), (2, "c", True)]
        assert r.left_out == ("b", "d")
        assert "不参与排名 not ranked (n/a 0/0): b, d" in r.to_text()

    def test_leave_out_below_two_is_refused(self) -> None:
        """Leaving out all but one entity leaves nothing to rank: refused."""
        with pytest.raises(InvalidValueError, match=r"at least two .* got 1 \(2 left out"):
            rank(
                {"a": Rate(1, 2), "b": Rate(0, 0), "c": Rate(0, 0)},
                by=_identity,
                not_applicable="leave_out",
            )

    def test_option_without_na_rates_is_not_recorded(self) -> None:
        """The option is recorded only when a 0/0 rate was placed."""
        r = rank({"a": Rate(1, 2), "b": Rate(1, 3)}, by=_identity, not_applicable="last")
        assert r.not_applicable is None

    def test_vocabulary(self) -> None:
        """The placements read English and Chinese."""
        assert NotApplicable("排在最前") is NotApplicable.FIRST
        assert NotApplicable(" Leave Out ") is NotApplicable.LEAVE_OUT
        assert NotApplicable.LAST.label_zh == "排在最后"


class TestBadInput:
    """Refusals name the field and the value."""

    def test_fewer_than_two(self) -> None:
        """One entity is not a ranking."""
        with pytest.raises(InvalidValueError, match="at least two entities") as e:
            rank({"a": 1}, by=_identity)
        assert (e.value.field, e.value.value) == ("entities", 1)

    def test_float_refused(self) -> None:
        """A float measure is a TypeError (not exact)."""
        with pytest.raises(TypeError, match=r"got float 0\.5"):
            rank({"a": 0.5, "b": 1}, by=_identity)

    def test_bool_refused(self) -> None:
        """A bool is not a count."""
        with pytest.raises(TypeError, match="got bool True"):
            rank({"a": True, "b": 1}, by=_identity)

    def test_mixed_kinds(self) -> None:
        """A rate and a count cannot be compared."""
        with pytest.raises(InvalidValueError, match="one kind of measure") as e:
            rank({"a": Rate(1, 2), "b": 1}, by=_identity)
        assert (e.value.field, e.value.value) == ("by", ["number", "rate"])

    def test_mixed_currencies(self) -> None:
        """Amounts of two currencies are refused."""
        with pytest.raises(CurrencyMismatchError, match="one currency"):
            rank({"a": Money("1", "CNY"), "b": Money("1", "HKD")}, by=_identity)

    def test_duplicate_names(self) -> None:
        """Two entities of one name are refused."""
        with pytest.raises(InvalidValueError, match="distinct names, got 'x' twice") as e:
            rank([Dept("x", 1), Dept("x", 2)], by="deductions")
        assert (e.value.field, e.value.value) == ("entities", "x")

    def test_blank_name(self) -> None:
        """A blank name is refused."""
        with pytest.raises(InvalidValueError, match="must not be empty"):
            rank({" ": 1, "b": 2}, by=_identity)

    def test_missing_attribute(self) -> None:
        """`by` naming no attribute is a TypeError naming it."""
        with pytest.raises(TypeError, match=r"by='score': Dept .* has no such attribute"):
            rank([Dept("x", 1), Dept("y", 2)], by="score")

    def test_by_not_callable(self) -> None:
        """`by` must be an attribute name or a function."""
        with pytest.raises(TypeError, match="'by' must be an attribute name or a function"):
            rank({"a": 1, "b": 2}, by=3)  # type: ignore[arg-type]

    def test_name_not_callable(self) -> None:
        """`name` must be an attribute name or a function."""
        with pytest.raises(TypeError, match="'name' must be an attribute name or a function"):
            rank({"a": 1, "b": 2}, by=_identity, name=3)  # type: ignore[arg-type]

    def test_unnamed_entities(self) -> None:
        """Entities with neither `label` nor `name` need `name=` or a mapping."""
        with pytest.raises(TypeError, match="cannot name int 1"):
            rank([1, 2], by=_identity)

    def test_entities_not_iterable(self) -> None:
        """A string is not a collection of entities."""
        with pytest.raises(TypeError, match="'entities' must be a mapping or an iterable"):
            rank("ab", by=_identity)

    @pytest.mark.parametrize("bottom", [-1, True, 1.0])
    def test_bad_bottom(self, bottom: Any) -> None:
        """`bottom` is an int of at least 0."""
        with pytest.raises((InvalidValueError, TypeError)):
            rank({"a": 1, "b": 2}, by=_identity, bottom=bottom)

    def test_higher_is_better_must_be_bool(self) -> None:
        """`higher_is_better` is a bool."""
        with pytest.raises(TypeError, match="'higher_is_better' must be bool"):
            rank({"a": 1, "b": 2}, by=_identity, higher_is_better=1)  # type: ignore[arg-type]

    def test_unknown_placement(self) -> None:
        """An unknown placement lists the accepted words."""
        with pytest.raises(InvalidValueError, match="'first' \\(排在最前\\)") as e:
            rank({"a": 1, "b": 2}, by=_identity, not_applicable="middle")
        assert e.value.field == "not_applicable"

    def test_huge_decimal(self) -> None:
        """A Decimal beyond the size bound is refused, naming the entity."""
        with pytest.raises(InvalidValueError, match="value of a"):
            rank({"a": Decimal("1e2000000"), "b": Decimal(1)}, by=_identity)


class TestOptions:
    """`name=` and `measure=`."""

    def test_name_function_over_mapping(self) -> None:
        """`name=` replaces a mapping's keys."""
        r = rank({"k1": Dept("x", 1), "k2": Dept("y", 2)}, by="deductions", name="name")
        assert [e.name for e in r.entries] == ["y", "x"]

    def test_name_function_over_iterable(self) -> None:
        """`name=` as a function names plain values."""
        r = rank([1, 2], by=_identity, name=lambda n: f"#{n}")
        assert [e.name for e in r.entries] == ["#2", "#1"]

    def test_measure_defaults(self) -> None:
        """The value column is titled by the attribute name, or 'value' for a function."""
        assert rank([Dept("x", 1), Dept("y", 2)], by="deductions").measure == "deductions"
        assert rank({"a": 1, "b": 2}, by=_identity).measure == "value"


class TestRecords:
    """RankedEntry and Ranking validate themselves."""

    def test_entry_needs_exactly_one_value(self) -> None:
        """No value, or two, is refused."""
        with pytest.raises(InvalidValueError, match="exactly one of"):
            RankedEntry(rank=1, name="a", bottom=False)
        with pytest.raises(InvalidValueError, match="got 2 for 'a'"):
            RankedEntry(rank=1, name="a", bottom=False, count=1, number=Decimal(1))

    def test_entry_types(self) -> None:
        """A bool is not a count; a float is not a number."""
        with pytest.raises(TypeError, match="'count' must be int or None, got bool"):
            RankedEntry(rank=1, name="a", bottom=False, count=True)
        with pytest.raises(TypeError, match="'number' must be Decimal or None"):
            RankedEntry(rank=1, name="a", bottom=False, number=1.5)  # type: ignore[arg-type]

    def test_ranking_names_once(self) -> None:
        """A name in both the entries and `left_out` is refused."""
        e = RankedEntry(rank=1, name="a", bottom=False, count=1)
        with pytest.raises(InvalidValueError, match=r"\['a'\] twice"):
            Ranking(measure="m", higher_is_better=True, bottom=1, entries=[e], left_out=["a"])

    def test_ranking_in_order(self) -> None:
        """Entries out of rank order are refused."""
        a = RankedEntry(rank=2, name="a", bottom=False, count=1)
        b = RankedEntry(rank=1, name="b", bottom=False, count=2)
        with pytest.raises(InvalidValueError, match=r"rank order, got ranks \[2, 1\]"):
            Ranking(measure="m", higher_is_better=True, bottom=1, entries=[a, b])

    def test_unknown_entry(self) -> None:
        """Asking for an entity that was not ranked names the ranked ones."""
        r = rank({"a": 1, "b": 2}, by=_identity)
        with pytest.raises(InvalidValueError, match="got 'z'") as e:
            r.entry("z")
        assert (e.value.field, e.value.value) == ("name", "z")


class TestOutput:
    """Text, Markdown, HTML, rows, repr and data."""

    def ranking(self) -> Ranking:
        return rank(
            {"张伟": Rate(15, 16), "李强": Rate(9, 12), "赵敏": Rate(20, 20)},
            by=_identity,
            measure="完成及时率",
        )

    def test_text(self) -> None:
        """The text table shows rank, name, value and the 末位 mark, CJK-aligned."""
        assert self.ranking().to_text() == (
            "排名 Ranking by 完成及时率 (higher is better)\n"
            "名次 Rank  名称 Name      完成及时率  末位 Bottom\n"
            "---------  ---------  --------------  -----------\n"
            "        1  赵敏       100.0% (20/20)\n"
            "        2  张伟        93.8% (15/16)\n"
            "        3  李强         75.0% (9/12)  末位 bottom"
        )

    def test_markdown_html_and_str(self) -> None:
        """Markdown and HTML render the same rows; str() is the text."""
        r = self.ranking()
        assert "| 3 | 李强 | 75.0% (9/12) | 末位 bottom |" in r.to_markdown()
        assert '<tr class="bottom">' in r.to_html()
        assert r._repr_html_() == r.to_html()
        assert str(r) == r.to_text()
        lower = rank({"a": 1, "b": 2}, by=_identity, higher_is_better=False)
        assert "(lower is better)" in lower.to_text()

    def test_rows_and_repr(self) -> None:
        """rows() are the entries; repr is one short line."""
        r = self.ranking()
        assert r.rows() == r.entries
        assert repr(r) == "<Ranking by '完成及时率': 3 entities, bottom '李强'>"
        assert repr(r.entries[2]) == "RankedEntry(3, '李强', 75.0% (9/12), bottom)"
        assert repr(r.entries[0]) == "RankedEntry(1, '赵敏', 100.0% (20/20))"
        assert "bottom none" in repr(rank({"a": 1, "b": 1}, by=_identity))

    @pytest.mark.parametrize(
        "values",
        [
            pytest.param({"a": Rate(1, 2), "b": Rate(0, 0), "c": Rate(1, 3)}, id="rate"),
            pytest.param({"a": 3, "b": Decimal("2.50"), "c": -1}, id="number"),
            pytest.param({"a": Money("1.00", "CNY"), "b": Money("2.50", "CNY")}, id="money"),
        ],
    )
    def test_round_trip(self, values: dict[str, Any]) -> None:
        """A ranking of each kind survives to_data → JSON → from_data."""
        r = rank(values, by=_identity, not_applicable="leave_out")
        data = json.loads(json.dumps(to_data(r)))
        assert from_data(Ranking, data) == r
        entry = r.entries[-1]
        assert from_data(RankedEntry, json.loads(json.dumps(to_data(entry)))) == entry

    def test_schema(self) -> None:
        """The JSON Schema describes the entry's typed value fields."""
        schema = json_schema(Ranking)
        entry = schema["$defs"]["RankedEntry"]["properties"]
        assert set(entry) == {"rank", "name", "bottom", "rate", "count", "number", "money"}


def test_ranks_real_repair_figures() -> None:
    """`repair_metrics(...).by_technician` ranks directly, named by each figures' `label`:
    张伟 arrived on time (1/1), 李强 did not (0/1)."""
    tz = ZoneInfo("Asia/Shanghai")
    t0 = datetime(2025, 3, 3, 9, 0, tzinfo=tz)
    limits = RepairLimits(
        arrival=dict.fromkeys(("emergency", "ordinary", "scheduled"), TimeLimit.minutes(30)),
        completion=dict.fromkeys(("emergency", "ordinary", "scheduled"), TimeLimit.hours(4)),
        revisit=TimeLimit.working_days(1),
    )
    orders = [
        RepairOrder(
            "R-1",
            "ordinary",
            Timeline.start(t0).arrived(t0 + timedelta(minutes=20)),
            technician="张伟",
        ),
        RepairOrder(
            "R-2",
            "ordinary",
            Timeline.start(t0).arrived(t0 + timedelta(minutes=50)),
            technician="李强",
        ),
    ]
    metrics = repair_metrics(
        orders,
        period=Period.parse("2025-03"),
        limits=limits,
        calendar=china_calendar(),
        as_of=t0 + timedelta(hours=1),
    )
    r = rank(metrics.by_technician, by="arrival")
    assert _table(r) == [(1, "张伟", False), (2, "李强", True)]
    assert r.entry("李强").rate == Rate(0, 1)
