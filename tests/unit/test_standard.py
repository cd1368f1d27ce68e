"""propstd.standard: one document per property, presets, explain, diff, TOML and JSON text."""

from __future__ import annotations

import json
import tomllib
from datetime import timedelta
from fractions import Fraction
from typing import Any

import attrs
import pytest

from propstd.budgets import CollectionCurve, VarianceThresholds
from propstd.calendars import ALWAYS_OPEN, china_calendar
from propstd.errors import InvalidDataError, InvalidValueError
from propstd.frequencies import Frequency
from propstd.rates import Target
from propstd.routines import Routine
from propstd.staffing import StaffingRatios
from propstd.standard import (
    BudgetPolicy,
    Change,
    PropertyProfile,
    ServiceStandard,
    preset_names,
)
from propstd.timelimits import TimeLimit

CUIHU = PropertyProfile(
    name="翠湖花园",
    area_m2=120_000,
    households=1_150,
    kind="综合小区",
    phase="operation",
    city="深圳",
)


def _seed() -> ServiceStandard:
    return ServiceStandard.preset("seed", property=CUIHU)


def _minimal(**changes: object) -> ServiceStandard:
    fields: dict[str, object] = {
        "name": "minimal",
        "property": CUIHU,
        "calendars": {"office": ALWAYS_OPEN},
    }
    fields.update(changes)
    return ServiceStandard(**fields)  # type: ignore[arg-type]


class TestPropertyProfile:
    def test_chinese_words(self) -> None:
        """Kind and phase read the seeds' words and write English."""
        p = PropertyProfile(name="x", area_m2="8000.5", households=0, kind="别墅", phase="样板房")
        assert (p.kind.value, p.phase.value, str(p.area_m2)) == ("villa", "show_flat", "8000.5")

    @pytest.mark.parametrize(
        ("changes", "field"),
        [
            ({"area_m2": 0}, "area_m2"),
            ({"area_m2": -5}, "area_m2"),
            ({"area_m2": Fraction(1, 3)}, "area_m2"),
            ({"area_m2": "lots"}, "area_m2"),
            ({"households": -1}, "households"),
            ({"kind": "castle"}, "kind"),
            ({"name": " "}, "name"),
        ],
    )
    def test_refusals(self, changes: dict[str, Any], field: str) -> None:
        """Bad values are named errors carrying the field."""
        with pytest.raises(InvalidValueError) as e:
            attrs.evolve(CUIHU, **changes)
        assert e.value.field == field

    def test_floats_refused(self) -> None:
        """A float area is a programming error."""
        with pytest.raises(TypeError):
            attrs.evolve(CUIHU, area_m2=1.5)  # type: ignore[arg-type]


class TestServiceStandard:
    def test_minimal(self) -> None:
        """Only a name, a property and an office calendar are needed; every part may be open."""
        s = _minimal()
        assert s.inspections is None
        assert s.routines == ()
        assert s.calendar("repairs") is ALWAYS_OPEN
        assert repr(s) == "<ServiceStandard 'minimal' for 翠湖花园>"

    def test_calendar_for(self) -> None:
        """A part may work on another named calendar."""
        office = china_calendar()
        s = _minimal(
            calendars={"office": office, "duty": ALWAYS_OPEN}, calendar_for={"repairs": "duty"}
        )
        assert (s.calendar("repairs"), s.calendar("complaints")) == (ALWAYS_OPEN, office)

    @pytest.mark.parametrize(
        ("changes", "field"),
        [
            ({"calendars": {"duty": ALWAYS_OPEN}}, "calendars"),
            ({"calendars": {"office": ALWAYS_OPEN, " ": ALWAYS_OPEN}}, "calendars"),
            ({"calendar_for": {"lifts": "office"}}, "calendar_for"),
            ({"calendar_for": {"repairs": "duty"}}, "calendar_for.repairs"),
            ({"provenance": {"repairs": ""}}, "provenance"),
            ({"provenance": {"repairs.arrival": "x"}}, "provenance['repairs.arrival']"),
            ({"provenance": {"a[": "x"}}, "provenance['a[']"),
            (
                {"routines": [Routine("R", "a", Frequency.parse("日查"))] * 2},
                "routines[1].code",
            ),
        ],
    )
    def test_refusals(self, changes: dict[str, object], field: str) -> None:
        """Bad parts are named errors carrying the field."""
        with pytest.raises(InvalidValueError) as e:
            _minimal(**changes)
        assert e.value.field == field

    def test_type_refusals(self) -> None:
        """Wrong Python types are TypeErrors."""
        with pytest.raises(TypeError):
            _minimal(calendars={"office": "china"})
        with pytest.raises(TypeError):
            _minimal(calendars=[("office", ALWAYS_OPEN)])
        with pytest.raises(TypeError):
            _minimal(routines=["R"])
        with pytest.raises(TypeError):
            _minimal().diff("seed")  # type: ignore[arg-type]

    def test_unknown_part(self) -> None:
        """Asking for the calendar of an unknown part names it."""
        with pytest.raises(InvalidValueError, match="'part' must be one of") as e:
            _minimal().calendar("lifts")
        assert e.value.field == "part"

    def test_provenance_paths_resolve(self) -> None:
        """Provenance names places by document path, list records by their code."""
        s = _seed()
        assert 'inspections.checklists["SITE"]' in s.provenance
        with pytest.raises(InvalidValueError):
            attrs.evolve(s, provenance={'inspections.checklists["NOPE"]': "x"})
        with pytest.raises(InvalidValueError):
            attrs.evolve(s, provenance={"inspections.checklists[99]": "x"})
        edited = attrs.evolve(s, provenance={"inspections.checklists[0].code": "x"})
        assert edited.provenance == {"inspections.checklists[0].code": "x"}


class TestPresets:
    def test_names(self) -> None:
        """Four presets: the seed company and three CPMI 2004 service levels."""
        assert preset_names() == (
            "seed",
            "cpmi-2004-level-1",
            "cpmi-2004-level-2",
            "cpmi-2004-level-3",
        )

    @pytest.mark.parametrize("name", preset_names())
    def test_round_trips(self, name: str) -> None:
        """Every preset reads back equal from its TOML and its JSON."""
        s = ServiceStandard.preset(name, property=CUIHU)
        assert ServiceStandard.from_toml(s.to_toml()) == s
        assert ServiceStandard.from_json(s.to_json()) == s

    @pytest.mark.parametrize("name", preset_names())
    def test_every_part_has_a_source(self, name: str) -> None:
        """Every part a preset fixes names where its numbers come from."""
        s = ServiceStandard.preset(name, property=CUIHU)
        document = json.loads(s.to_json())
        sourced = {p.split(".")[0].split("[")[0] for p in s.provenance}
        parts = set(document) - {"name", "property", "provenance", "calendar_for"}
        assert parts <= sourced

    @pytest.mark.parametrize("name", [n for n in preset_names() if n.startswith("cpmi")])
    def test_secondary_numbers_say_so(self, name: str) -> None:
        """A CPMI number never poses as the standard's own wording."""
        s = ServiceStandard.preset(name, property=CUIHU)
        for path, source in s.provenance.items():
            if path != "calendars.office":
                assert "secondary source" in source
                assert "confirm" in source

    def test_unknown(self) -> None:
        """An unknown preset lists the known ones."""
        with pytest.raises(InvalidValueError, match="seed, cpmi-2004-level-1") as e:
            ServiceStandard.preset("gold", property=CUIHU)
        assert e.value.field == "name"
        with pytest.raises(TypeError):
            ServiceStandard.preset("seed", property="翠湖花园")  # type: ignore[arg-type]


class TestSeedPreset:
    """The seed preset's numbers against the seed digest (shared/domain/seed-rules.md)."""

    def test_qpi(self) -> None:
        """§1: frequency completion ≥ 75 %, traceability and closure 100 %, finding ratios ≥ 5 %."""
        t = _seed().qpi_targets
        assert t is not None
        assert t.frequency_completion == Target(minimum=Fraction(3, 4))
        assert t.traceability == t.closure == Target(minimum=Fraction(1))
        assert (
            t.suggestion_rate
            == t.rectification_rate
            == t.deduction_rate
            == Target(minimum=Fraction(1, 20))
        )
        assert [c.value for c in t.closure_categories] == ["suggestion", "deduction"]

    def test_inspections(self) -> None:
        """§1-2, §4, §6: the quality department monthly, 日检/周检/月检, refuse twice a day,
        lifts weekly, vacant units monthly."""
        plan = _seed().inspections
        assert plan is not None
        freq = {i.code: str(i.frequency) for c in plan.checklists for i in c.items}
        assert freq == {
            "QA-01": "monthly",
            "QA-02": "monthly",
            "QA-03": "monthly",
            "SUP-01": "daily",
            "SUP-02": "daily",
            "SUP-03": "weekly",
            "SUP-04": "monthly",
            "SITE-01": "2 times per day",
            "SITE-02": "weekly",
            "SITE-03": "weekly",
            "SITE-04": "monthly",
        }

    def test_complaints(self) -> None:
        """§3: response within 24 hours, the hotline answers the same day, VIP and major."""
        c = _seed().complaints
        assert c is not None
        assert c.response is not None
        assert c.response.limit == TimeLimit.hours(24)
        assert c.reply is not None
        assert c.reply.limit == TimeLimit.working_days(0)
        assert (c.vip_role, c.major_role) == ("经理", "公司最高领导")
        assert c.ladder is None  # the seeds give no escalation thresholds

    def test_repairs(self) -> None:
        """§4: on site within 15 minutes; revisit within one working day; no completion."""
        r = _seed().repairs
        assert r is not None
        assert {c.value: str(t) for c, t in r.arrival.items()} == {
            "emergency": "15 minutes",
            "ordinary": "15 minutes",
        }
        assert r.completion == {}
        assert r.revisit == TimeLimit.working_days(1)

    def test_staffing_surveys_routines(self) -> None:
        """§5 ratios; §3 satisfaction above 80 %; §6 trainings ≥ 4 a year, forum each quarter,
        standing water within an hour; cleaning 07:00-20:00."""
        s = _seed()
        assert s.staffing == StaffingRatios.seed()
        assert s.surveys is not None
        assert s.surveys.target == Target.parse("≥ 80%")
        routines = {r.code: r.frequency for r in s.routines}
        assert routines["TRAIN"] == Frequency.parse("4次/年")
        assert routines["FORUM"] == Frequency.parse("季查")
        assert [(d.trigger, d.limit) for d in s.triggered] == [("rain", TimeLimit.hours(1))]
        assert str(s.calendars["cleaning"].week[0][0]) == "07:00-20:00"

    def test_no_invented_numbers(self) -> None:
        """What the seeds do not fix stays open."""
        s = _seed()
        assert (s.rectification, s.budget) == (None, None)
        assert s.surveys is not None
        assert s.surveys.sampling is None


class TestText:
    def test_toml_is_readable(self) -> None:
        """The TOML writes limits and frequencies as text and leaves defaults out."""
        text = _seed().to_toml()
        assert text.startswith("# 翠湖花园 service standard (seed preset): a propstd service")
        assert 'emergency = "15 minutes"' in text
        assert 'frequency = "monthly"' in text
        assert "samples = 1\n" not in text
        tomllib.loads(text)

    def test_reads_chinese_words(self) -> None:
        """A standard written in the seeds' words loads."""
        text = _seed().to_toml().replace('kind = "residential"', 'kind = "综合小区"')
        text = text.replace('emergency = "15 minutes"', '"急修" = "15分钟"')
        text = text.replace('frequency = "monthly"', 'frequency = "月查"')
        assert ServiceStandard.from_toml(text) == _seed()

    def test_every_problem_with_its_line(self) -> None:
        """Several planted problems are all reported, each with its path and line."""
        lines = _seed().to_toml().splitlines()

        def at(prefix: str) -> int:
            return next(i for i, line in enumerate(lines) if line.startswith(prefix))

        lines[at("households = ")] = "households = -3"
        lines[at("emergency = ")] = 'emergency = "soon"'
        lines[at("vip_role = ")] = "vip_role = 3"
        lines.insert(at("[property]") + 1, 'colour = "blue"')
        with pytest.raises(InvalidDataError) as e:
            ServiceStandard.from_toml("\n".join(lines))
        found = {(p.path, p.line) for p in e.value.problems}
        text = "\n".join(lines).splitlines()
        for path, line in found:
            assert line is not None, path
        by_path = {p.path: p for p in e.value.problems}
        assert set(by_path) >= {
            "property.households",
            "property.colour",
            "repairs.arrival.emergency",
            "complaints.vip_role",
        }
        assert text[by_path["property.colour"].line - 1] == 'colour = "blue"'  # type: ignore[operator]
        assert text[by_path["repairs.arrival.emergency"].line - 1] == 'emergency = "soon"'  # type: ignore[operator]
        assert str(e.value).startswith("the standard has 4 problems")

    def test_toml_syntax(self) -> None:
        """A TOML syntax error names its line."""
        with pytest.raises(InvalidDataError) as e:
            ServiceStandard.from_toml('name = "x"\n[property\n')
        assert e.value.problems[0].line == 2
        assert "not readable" in e.value.problems[0].message

    def test_json_syntax_and_floats(self) -> None:
        """A JSON syntax error names its line; a float is refused at its path and line."""
        with pytest.raises(InvalidDataError) as e:
            ServiceStandard.from_json('{\n"name": }')
        assert e.value.problems[0].line == 2
        data = json.loads(_seed().to_json())
        data["property"]["area_m2"] = 1.5
        text = json.dumps(data, indent=1)
        with pytest.raises(InvalidDataError) as e2:
            ServiceStandard.from_json(text)
        problem = e2.value.problems[0]
        assert problem.path == "property.area_m2"
        assert '"area_m2": 1.5' in text.splitlines()[problem.line - 1]  # type: ignore[operator]

    def test_too_deep_and_too_long(self) -> None:
        """Absurd input is refused with a named error, never a RecursionError or a hang."""
        with pytest.raises(InvalidDataError, match="nested too deeply"):
            ServiceStandard.from_json("[" * 100_000)
        with pytest.raises(InvalidDataError, match="nested too deeply"):
            ServiceStandard.from_toml("a = " + "[" * 100_000)
        with pytest.raises(InvalidDataError, match="at most 10,000,000 characters"):
            ServiceStandard.from_toml("#" * 10_000_001)
        with pytest.raises(TypeError):
            ServiceStandard.from_toml(b"name = 1")  # type: ignore[arg-type]


class TestDiff:
    def test_changes(self) -> None:
        """A property's edits against its preset, by document path; codes match records."""
        seed = _seed()
        assert seed.repairs is not None
        edited = attrs.evolve(
            seed,
            repairs=attrs.evolve(seed.repairs, revisit=TimeLimit.hours(24)),
            routines=seed.routines[1:],
            budget=BudgetPolicy(
                thresholds=VarianceThresholds(explain=Fraction(1, 20), stop=Fraction(1, 10)),
                collection=CollectionCurve(
                    months=(3, 12), shares=(Fraction(3, 5), Fraction(19, 20))
                ),
            ),
        )
        changes = edited.diff(seed)
        assert "repairs.revisit: '1 working day' → '24 hours'" in [str(c) for c in changes]
        kinds = {c.path: c.kind for c in changes}
        assert kinds["repairs.revisit"] == "changed"
        assert kinds['routines["MEET-D"]'] == "removed"
        assert kinds["budget"] == "added"
        assert seed.diff(seed) == ()

    def test_change_text(self) -> None:
        """A change reads as path: old → new."""
        assert str(Change("a", None, 1)) == "a: added 1"
        assert str(Change("a", 1, None)) == "a: removed (was 1)"
        assert str(Change("a", 1, 2)) == "a: 1 → 2"


class TestExplain:
    def test_seed(self) -> None:
        """Every part in plain words with its Chinese term; open parts and sources named."""
        text = _seed().explain()
        for phrase in (
            "翠湖花园 (深圳): 120,000 m² building area, 1,150 households",
            "频次完成率 frequency completion: ≥ 75%",
            "急修 emergency repair: on site within 15 minutes (15分钟), no completion limit",
            "回访 revisit within 1 working day (1个工作日) of completion",
            "响应 response: responded within 24 hours (24小时)",
            "SITE-01 垃圾清运 refuse removed: 2次/日 (2 times per day)",
            "for 翠湖花园: 12 guards, 10 cleaners, 3 customer-service zones",
            "TRAIN 专业培训 professional training: 4次/年 (4 times per year)",
            "RAIN-WATER 积水清理 standing water cleared: after rain, within 1 hour (1小时)",
            "cleaning: 保洁作业时间, 07:00-20:00 on mon, tue, wed, thu, fri, sat, sun",
            "not used by any part",
            "Left open: Rectification, Budget.",
        ):
            assert phrase in text, phrase

    def test_a_full_standard(self) -> None:
        """Parts the seed leaves open read in words when a standard fixes them."""
        from propstd.complaints import EscalationLadder, EscalationStep
        from propstd.findings import RectificationPolicy

        seed = _seed()
        assert seed.complaints is not None
        full = attrs.evolve(
            seed,
            rectification=RectificationPolicy(
                limits={"critical": TimeLimit.hours(24), "major": TimeLimit.working_days(3)},
                verify_after=TimeLimit.working_days(1),
            ),
            complaints=attrs.evolve(
                seed.complaints,
                ladder=EscalationLadder([EscalationStep(TimeLimit.working_hours(2), "客服主管")]),
                contact_every=TimeLimit.working_days(2),
                repeat_window=timedelta(days=30),
                department_limit=2,
            ),
            budget=BudgetPolicy(
                thresholds=VarianceThresholds(explain=Fraction(1, 20), stop=Fraction(1, 10)),
                collection=CollectionCurve(
                    months=(3, 12), shares=(Fraction(3, 5), Fraction(19, 20))
                ),
            ),
            provenance={},
        )
        text = full.explain()
        for phrase in (
            "严重 critical: rectify within 24 hours (24小时)",
            "二次验证 second verification: 1 working day (1个工作日) after",
            "2 working hours (2个工作小时) → 客服主管",
            "跟进 progress call every 2 working days",
            "重复投诉 repeat: same customer and topic within 30 days",
            "more than 2 departments handling it: one step up",
            "差异 variance: explain above 5%, stop above 10% of budget",
            "收缴 fee collection target: 60% by month 3, 95% by month 12",
            "No sources recorded",
        ):
            assert phrase in text, phrase
        assert "Left open" not in text

    def test_cpmi(self) -> None:
        """A CPMI level lists what it fixes and leaves the rest open."""
        text = ServiceStandard.preset("cpmi-2004-level-3", property=CUIHU).explain()
        assert "预约维修 scheduled repair: on site within 0 minutes" in text
        assert "频次 how often: 年查 (annual)" in text
        assert "secondary source" in text


class TestExplainDetails:
    def test_survey_and_spans(self) -> None:
        """Every rule of a survey policy in words; a window of hours as it is."""
        from propstd.standard._explain import _span
        from propstd.surveys import SurveyPolicy

        seed = _seed()
        survey = SurveyPolicy(
            frequency=Frequency.parse("年查"),
            sampling=Fraction(1, 4),
            minimum_responses=50,
            target=Target.parse("≥ 80%"),
            low_item=Target.parse("≥ 70%"),
        )
        text = attrs.evolve(seed, surveys=survey).explain()
        for phrase in (
            "抽样 sample: 25% of households",
            "at least 50 responses",
            "an item below ≥ 70% needs an improvement action",
        ):
            assert phrase in text
        assert (_span(timedelta(days=1)), _span(timedelta(hours=5))) == ("1 day", "5:00:00")

    def test_complaint_policy_without_milestones(self) -> None:
        """A complaint policy of roles only says just that."""
        from propstd.complaints import ComplaintPolicy

        text = attrs.evolve(_seed(), complaints=ComplaintPolicy(major_role="总经理")).explain()
        part = text[text.index("Complaints 投诉处理") : text.index("Repairs")]
        assert part.strip().splitlines()[1:] == ["  重大投诉 major complaint: 总经理 told at once"]

    def test_repairs_without_a_category(self) -> None:
        """An empty repair table says no limits are set."""
        from propstd.repairs import RepairLimits

        text = attrs.evolve(_seed(), repairs=RepairLimits()).explain()
        assert "No limits set." in text


def test_published_schema_is_current() -> None:
    """docs/reference/standard.schema.json is json_schema(ServiceStandard), as generated."""
    from pathlib import Path

    from propstd.serialization import json_schema

    page = Path(__file__).resolve().parents[2] / "docs" / "reference" / "standard.schema.json"
    expected = json.dumps(json_schema(ServiceStandard), ensure_ascii=False, indent=2) + "\n"
    assert page.read_text(encoding="utf-8") == expected, (
        "regenerate docs/reference/standard.schema.json from json_schema(ServiceStandard)"
    )


def test_module_dir() -> None:
    """dir() of the module lists its public names."""
    import propstd.standard

    assert dir(propstd.standard) == propstd.standard.__all__


def test_explain_sparse_policies() -> None:
    """A VIP role alone, and a survey with a frequency only, explain just that."""
    from propstd.complaints import ComplaintPolicy
    from propstd.surveys import SurveyPolicy

    s = attrs.evolve(
        _seed(),
        complaints=ComplaintPolicy(vip_role="经理"),
        surveys=SurveyPolicy(frequency=Frequency.parse("年查")),
    )
    text = s.explain()
    assert "重大投诉" not in text
    assert "满意率 satisfaction target" not in text
