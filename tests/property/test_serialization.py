"""Property tests for propstd.serialization: exact round trips, schemas for every public class,
and only InvalidDataError."""

from __future__ import annotations

import enum
import functools
import importlib
import json
import pkgutil
import types
import typing
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import HealthCheck, given, reject, settings
from hypothesis import strategies as st

import propstd
from propstd.calendars import Closure, TimeWindow, WorkingCalendar
from propstd.complaints import Complaint, ComplaintPolicy, EscalationLadder
from propstd.errors import InvalidDataError, Problem
from propstd.findings import Finding, FindingEvent
from propstd.frequencies import Frequency, Schedule
from propstd.inspections import InspectionPlan
from propstd.money import Currency, Money, Rounding
from propstd.periods import Period, PeriodUnit
from propstd.rates import Rate, Target, TargetResult
from propstd.repairs import RepairLimits, RepairOrder
from propstd.serialization import from_data, json_schema, to_data
from propstd.staffing import StaffingRatios
from propstd.timelimits import TimeLimit
from propstd.timelines import Milestone, Timeline
from tests import strategies as s

# -- every public class ---------------------------------------------------------------------


def _public_modules() -> list[str]:
    infos = pkgutil.walk_packages(propstd.__path__, prefix="propstd.")
    return sorted(
        i.name for i in infos if not any(p.startswith("_") for p in i.name.split(".")[1:])
    )


def _public_classes() -> dict[str, type]:
    """Every public attrs class of every public module, by `module.Name` (first home only)."""
    out: dict[str, type] = {}
    seen: set[type] = set()
    for name in _public_modules():
        module = importlib.import_module(name)
        for attr in getattr(module, "__all__", ()):
            value = getattr(module, attr)
            if isinstance(value, type) and attrs.has(value) and value not in seen:
                seen.add(value)
                out[f"{name}.{attr}"] = value
    return out


PUBLIC = _public_classes()

EXCLUDED: dict[str, str] = {}
"""Public attrs classes left out of the round trip on purpose, each with the reason (none)."""

# -- values of any type -----------------------------------------------------------------------

KNOWN: dict[Any, Callable[[], st.SearchStrategy[Any]]] = {
    Money: s.monies,
    Rate: s.rates,
    Target: s.targets,
    Period: s.periods,
    Problem: s.problems,
    TimeLimit: s.time_limits,
    TimeWindow: s.time_windows,
    Closure: s.closures,
    WorkingCalendar: lambda: st.one_of(s.deadline_calendars(), s.working_calendars()),
    Frequency: s.frequencies,
    Schedule: s.schedules,
    InspectionPlan: s.inspection_plans,
    Finding: s.findings,
    FindingEvent: s.finding_events,
    StaffingRatios: s.staffing_ratios,
    RepairLimits: s.repair_limits,
    RepairOrder: s.repair_orders,
    Timeline: s.timelines,
    Milestone: s.milestones,
    EscalationLadder: s.escalation_ladders,
    ComplaintPolicy: s.complaint_policies,
    Complaint: s.complaints,
    # instants include DST folds and gaps, in zones and with fixed offsets (§14.11)
    datetime: lambda: s.aware_datetimes(allow_imaginary=True, allow_ambiguous=True),
    str: lambda: st.text(st.sampled_from("ab-_ 保洁Z1"), min_size=1, max_size=6),
    int: lambda: st.integers(0, 40),
    bool: st.booleans,
    Decimal: lambda: st.decimals(-(10**6), 10**6, places=2),
    Fraction: lambda: st.fractions(0, 100, max_denominator=12),
    date: s.dates,
    time: st.times,
    timedelta: lambda: s.timedeltas(max_days=30).map(abs),
    type(None): st.none,
}
"""The project's strategies for the classes whose invariants need them; the rest are built
field by field from their types (construction errors reject the draw)."""


@st.composite
def _collection_curves(draw: st.DrawFn) -> Any:
    from propstd.budgets import CollectionCurve

    months = sorted(draw(st.sets(st.integers(1, 12), min_size=1, max_size=4)))
    shares = sorted(draw(st.lists(values(Fraction), min_size=len(months), max_size=len(months))))
    return CollectionCurve(months=months, shares=[x / 100 for x in shares])


@st.composite
def _collection_progresses(draw: st.DrawFn) -> Any:
    from propstd.budgets import collection_progress

    month = draw(st.integers(1, 12))
    collected = [draw(s.monies(currency=Currency.CNY, min_units=0)) for _ in range(month)]
    return collection_progress(
        draw(s.monies(currency=Currency.CNY, min_units=1)),
        collected,
        period=Period.parse(f"2025-{month:02d}"),
        curve=draw(_collection_curves()),
    )


@st.composite
def _line_plans(draw: st.DrawFn) -> Any:
    budget = draw(s.budgets())
    return budget.plan(draw(st.sampled_from([line.code for line in budget.lines])))


@st.composite
def _variance_reports(draw: st.DrawFn) -> Any:
    from propstd.budgets import Actual, variance

    budget = draw(s.budgets(max_lines=2))
    month = draw(st.integers(1, 12))
    actuals = [
        Actual(
            code=draw(st.sampled_from([line.code for line in budget.lines])),
            month=Period.parse(f"{budget.year}-{draw(st.integers(1, month)):02d}"),
            amount=draw(s.monies(currency=Currency.CNY, min_units=0, max_units=10**9)),
        )
        for _ in range(draw(st.integers(0, 3)))
    ]
    return variance(
        budget,
        actuals,
        period=Period.parse(f"{budget.year}-{month:02d}"),
        as_of=datetime.combine(date(budget.year, month, 28), time(12), s._zone("Asia/Shanghai")),
        zone="Asia/Shanghai",
        thresholds=draw(values(_budget_class("VarianceThresholds"))),
    )


@st.composite
def _allocations(draw: st.DrawFn) -> Any:
    from propstd.budgets import split

    names = draw(st.lists(st.sampled_from(["保洁", "绿化", "秩序"]), min_size=1, unique=True))
    weights = {name: draw(st.integers(1, 9)) for name in names}
    return split(draw(s.monies(currency=Currency.CNY, min_units=0)), weights=weights)


def _budget_class(name: str) -> Any:
    from propstd import budgets

    return getattr(budgets, name)


def _budget_kinds() -> dict[Any, Callable[[], st.SearchStrategy[Any]]]:
    from propstd import budgets

    return {
        budgets.Budget: s.budgets,
        budgets.BudgetLine: s.budget_lines,
        budgets.Profile: s.budget_profiles,
        budgets.CollectionCurve: _collection_curves,
        budgets.CollectionProgress: _collection_progresses,
        budgets.LinePlan: _line_plans,
        budgets.CollectionMonth: lambda: _collection_progresses().map(lambda p: p.current),
        budgets.VarianceReport: _variance_reports,
        budgets.VarianceRow: lambda: (
            _variance_reports().filter(lambda r: bool(r.rows())).map(lambda r: r.rows()[0])
        ),
        budgets.Allocation: _allocations,
        budgets.Remuneration: lambda: st.builds(
            budgets.Remuneration,
            fees=s.monies(currency=Currency.CNY, min_units=0),
            share=st.fractions(0, 1, max_denominator=100),
            rounding=st.sampled_from(Rounding),
        ),
        budgets.AllocationPart: lambda: _allocations().map(lambda a: a.parts[-1]),
    }


KNOWN.update(_budget_kinds())


def _standard_kinds() -> dict[Any, Callable[[], st.SearchStrategy[Any]]]:
    from propstd import standard

    _json_values = st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=5),
        lambda inner: (
            st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner, max_size=3)
        ),
        max_leaves=6,
    )
    return {
        standard.ServiceStandard: lambda: st.builds(
            standard.ServiceStandard.preset,
            st.sampled_from(standard.preset_names()),
            property=values(standard.PropertyProfile),
        ),
        standard.Change: lambda: st.builds(
            standard.Change, st.text(min_size=1, max_size=8), _json_values, _json_values
        ),
    }


KNOWN.update(_standard_kinds())


@functools.cache
def values(tp: Any) -> st.SearchStrategy[Any]:
    """Values of *tp*: the project's strategy, or one built from the type."""
    if tp in KNOWN:
        return KNOWN[tp]()
    origin = typing.get_origin(tp) or tp
    args = typing.get_args(tp)
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return st.sampled_from(list(tp))
    if origin in (typing.Union, types.UnionType):
        return st.one_of([values(a) for a in args])
    if origin is tuple and args and args[-1] is not Ellipsis:
        return st.tuples(*(values(a) for a in args))
    if origin in (tuple, list, Sequence):
        return st.lists(values(args[0]), max_size=3).map(origin if origin is list else tuple)
    if origin in (set, frozenset):
        return st.frozensets(values(args[0]), max_size=3).map(origin)
    if origin in (dict, Mapping):
        return st.dictionaries(values(args[0]), values(args[1]), max_size=3)
    if getattr(tp, "_is_protocol", False):
        return s.deadline_calendars()
    subclasses = [c for c in _concrete_subclasses(tp) if c is not tp]
    if subclasses:  # a base class: any of its subclasses (the variants of a tagged union)
        return st.one_of([values(c) for c in subclasses])
    return _records(tp)


def _concrete_subclasses(cl: Any) -> list[type]:
    subclasses: list[type] = cl.__subclasses__() if isinstance(cl, type) else []
    return [c for c in subclasses if "__attrs_attrs__" in vars(c)]


@st.composite
def _records(draw: st.DrawFn, cl: type) -> Any:
    """A record of *cl* from values of its field types; defaults kept half of the time."""
    kwargs = {}
    for a in attrs.fields(attrs.resolve_types(cl)):
        if a.init and (a.default is attrs.NOTHING or draw(st.booleans())):
            kwargs[a.alias] = draw(values(a.type))
    try:
        return cl(**kwargs)
    except (TypeError, ValueError, LookupError):
        reject()


def _json(data: object) -> Any:
    return json.loads(json.dumps(data))


def _same(a: object, b: object) -> bool:
    """Equal, and every instant in *b* has the offset and fold it had in *a*."""
    if a != b:
        return False
    return json.dumps(to_data(a)) == json.dumps(to_data(b))


@pytest.mark.slow
class TestEveryPublicClass:
    """§13, §14.11: every public class has a schema that its documents validate against, and
    reads back equal."""

    def test_enumeration(self) -> None:
        """The walk finds the classes of every domain, and excludes none silently."""
        assert {"propstd.money.Money", "propstd.timelines.Timeline"} <= set(PUBLIC)
        assert set(EXCLUDED) <= set(PUBLIC)
        assert len(PUBLIC) > 80

    @pytest.mark.parametrize(
        "name",
        [pytest.param(n, id=n.removeprefix("propstd.")) for n in PUBLIC if n not in EXCLUDED],
    )
    @settings(
        max_examples=8,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    @given(data=st.data())
    def test_schema_and_round_trip(self, name: str, data: st.DataObject) -> None:
        """The schema is valid and stable; a generated value's document validates against it,
        reads back equal (zones and folds kept) and is written again the same."""
        cls = PUBLIC[name]
        schema = json_schema(cls)
        assert json.dumps(json_schema(cls)) == json.dumps(schema)
        jsonschema.Draft202012Validator.check_schema(schema)
        validator = jsonschema.Draft202012Validator(schema)
        value = data.draw(values(cls), label=name)
        document = _json(to_data(value))
        assert list(validator.iter_errors(document)) == []
        again: object = from_data(cls, document)
        assert _same(again, value)
        assert _json(to_data(again)) == document
        if isinstance(document, dict):  # unknown and missing keys are refused
            assert not validator.is_valid({**document, "zz_unknown": 1})
            for key in schema.get("required", ()):
                assert not validator.is_valid({k: v for k, v in document.items() if k != key})


CASES: list[tuple[Any, st.SearchStrategy[Any]]] = [
    (Currency, st.sampled_from(Currency)),
    (Rounding, st.sampled_from(Rounding)),
    (TargetResult, st.sampled_from(TargetResult)),
    (PeriodUnit, st.sampled_from(PeriodUnit)),
    (datetime, values(datetime)),
    (date, s.dates(min_value=date.min, max_value=date.max)),
    (time, st.times()),
    (timedelta, st.timedeltas()),
    (Decimal, st.decimals(allow_nan=False, allow_infinity=False, places=6)),
    (Fraction, st.fractions()),
]


@pytest.mark.slow
class TestValueTypes:
    """Contract §13: the value types read back equal from JSON text."""

    @pytest.mark.parametrize(
        ("cls", "strategy"), [pytest.param(c, v, id=c.__name__) for c, v in CASES]
    )
    @given(data=st.data())
    def test_round_trip(
        self, cls: Any, strategy: st.SearchStrategy[Any], data: st.DataObject
    ) -> None:
        """Each value reads back equal and validates against its schema."""
        value = data.draw(strategy)
        document = _json(to_data(value))
        assert _same(from_data(cls, document), value)
        assert jsonschema.Draft202012Validator(json_schema(cls)).is_valid(document)

    @given(
        st.datetimes(
            min_value=datetime(1, 1, 2),
            max_value=datetime(9999, 12, 30),
            timezones=st.sampled_from([s._zone(k) for k in s.ZONE_KEYS]),
            allow_imaginary=True,
        )
    )
    def test_instants_in_every_year(self, value: datetime) -> None:
        """Instants of years 1 to 9999, folds and gaps included, keep wall time, offset, fold."""
        again = from_data(datetime, _json(to_data(value)))
        assert again == value
        assert (again.tzinfo, again.utcoffset()) == (value.tzinfo, value.utcoffset())
        if value.replace(fold=1 - value.fold).utcoffset() != value.utcoffset():
            assert again.fold == value.fold  # the fold matters here: it is kept


json_like: st.SearchStrategy[object] = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=12)
    | st.just([])
    | st.just({}),
    lambda children: (
        st.lists(children, min_size=1, max_size=4)
        | st.dictionaries(
            st.sampled_from(["amount", "currency", "events", "type", "at", "x", ""])
            | st.text(max_size=5),
            children,
            min_size=1,
            max_size=4,
        )
    ),
    max_leaves=12,
)


@pytest.mark.slow
class TestOnlyInvalidDataError:
    """Contract §13: any problem → InvalidDataError; nothing else escapes `from_data`."""

    @pytest.mark.parametrize(
        "cls",
        [
            pytest.param(cls, id=getattr(cls, "__name__", "x"))
            for cls in (
                Money,
                Rate,
                Target,
                Period,
                datetime,
                timedelta,
                time,
                Decimal,
                Timeline,
                WorkingCalendar,
                Schedule,
                dict[PeriodUnit, int],
            )
        ],
    )
    @given(data=json_like)
    def test_arbitrary_data(self, cls: Any, data: object) -> None:
        """Arbitrary JSON-like data either reads or raises InvalidDataError, each problem with
        a path that split_path reads."""
        from propstd.serialization import split_path

        try:
            from_data(cls, data)
        except InvalidDataError as exc:
            problems = exc.problems
        else:
            return
        assert problems
        for problem in problems:
            assert problem.path
            split_path(problem.path)
