"""Properties of propstd.standard: every preset, edited any way, reads back equal from its text."""

from __future__ import annotations

import json

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from propstd.frequencies import Frequency
from propstd.inspections import CheckItem, Checklist, InspectionPlan
from propstd.rates import Target
from propstd.standard import PropertyProfile, ServiceStandard, preset_names
from propstd.timelimits import TimeLimit

_TEXT = st.text(
    st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1, max_size=12
).filter(lambda t: t.strip())
_LIMITS = st.builds(
    lambda n, unit: TimeLimit.parse(f"{n} {unit}"),
    st.integers(0, 500),
    st.sampled_from(["minutes", "hours", "working hours", "working days", "days", "weeks"]),
)
_FREQUENCIES = st.builds(
    Frequency,
    count=st.integers(1, 6),
    every=st.integers(1, 4),
    unit=st.sampled_from(["day", "week", "month", "quarter", "year"]),
)


@st.composite
def profiles(draw: st.DrawFn) -> PropertyProfile:
    """Any property."""
    return PropertyProfile(
        name=draw(_TEXT),
        area_m2=draw(st.integers(1, 10**7)),
        households=draw(st.integers(0, 10**5)),
        kind=draw(st.sampled_from(["residential", "villa"])),
        phase=draw(st.sampled_from(["operation", "show_flat"])),
        city=draw(st.text(max_size=5)),
    )


@st.composite
def edited(draw: st.DrawFn) -> ServiceStandard:
    """A preset for any property, with some of its numbers and texts changed."""
    s = ServiceStandard.preset(draw(st.sampled_from(preset_names())), property=draw(profiles()))
    if draw(st.booleans()):
        s = attrs.evolve(s, name=draw(_TEXT))
    if s.repairs is not None and draw(st.booleans()):
        s = attrs.evolve(s, repairs=attrs.evolve(s.repairs, revisit=draw(_LIMITS)))
    if s.surveys is not None and draw(st.booleans()):
        share = draw(st.fractions(min_value=0, max_value=1).filter(bool))
        s = attrs.evolve(
            s, surveys=attrs.evolve(s.surveys, target=Target(minimum=share), sampling=share)
        )
    if draw(st.booleans()):
        items = [
            CheckItem(f"X-{i}", draw(_TEXT), draw(_FREQUENCIES), samples=draw(st.integers(1, 9)))
            for i in range(draw(st.integers(1, 3)))
        ]
        plan = InspectionPlan([Checklist("X", draw(_TEXT), items, frequency=draw(_FREQUENCIES))])
        s = attrs.evolve(s, inspections=plan, provenance={})
    if draw(st.booleans()):
        s = attrs.evolve(s, provenance={**s.provenance, "name": draw(_TEXT)})
    return s


@settings(max_examples=60)
@given(edited())
def test_toml_round_trip(standard: ServiceStandard) -> None:
    """Any edited preset reads back equal from the TOML it writes."""
    assert ServiceStandard.from_toml(standard.to_toml()) == standard


@settings(max_examples=60)
@given(edited())
def test_json_round_trip(standard: ServiceStandard) -> None:
    """Any edited preset reads back equal from the JSON it writes, which is plain JSON."""
    text = standard.to_json()
    json.loads(text)
    assert ServiceStandard.from_json(text) == standard


@settings(max_examples=30)
@given(edited(), edited())
def test_diff_is_empty_only_for_equal(a: ServiceStandard, b: ServiceStandard) -> None:
    """Two standards differ exactly when diff() names a change, and a standard never differs
    from itself."""
    assert a.diff(a) == ()
    assert (a.diff(b) == ()) == (a == b)


@settings(max_examples=30)
@given(edited())
def test_explain_never_fails(standard: ServiceStandard) -> None:
    """Every standard explains itself, naming its property."""
    assert standard.property.name in standard.explain()
