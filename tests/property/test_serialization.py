"""Property tests for propstd.serialization: exact round trips, and only InvalidDataError."""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from propstd.errors import InvalidDataError, Problem
from propstd.money import Currency, Money, Rounding
from propstd.periods import Period, PeriodUnit
from propstd.rates import Rate, Target, TargetResult
from propstd.serialization import from_data, json_schema, to_data
from tests.strategies import (
    aware_datetimes,
    currencies,
    dates,
    monies,
    period_units,
    periods,
    problems,
    rates,
    roundings,
    targets,
    timedeltas,
)


@attrs.frozen(kw_only=True)
class Record:
    """A record made of every foundation type (test record)."""

    amounts: tuple[Money, ...]
    rate: Rate
    target: Target
    period: Period
    at: datetime
    on: date | None
    every: timedelta


RECORD_SCHEMA = jsonschema.Draft202012Validator(json_schema(Record))


def _json(data: object) -> Any:
    return json.loads(json.dumps(data))


CASES: list[tuple[Any, st.SearchStrategy[Any]]] = [
    (Money, monies()),
    (Currency, currencies()),
    (Rounding, roundings()),
    (Rate, rates()),
    (Target, targets()),
    (TargetResult, st.sampled_from(TargetResult)),
    (Period, periods()),
    (PeriodUnit, period_units()),
    (datetime, aware_datetimes()),
    (date, dates()),
    (time, st.times()),
    (timedelta, timedeltas()),
    (Decimal, st.decimals(allow_nan=False, allow_infinity=False, places=6)),
    (Fraction, st.fractions()),
    (Problem, problems()),
]


@pytest.mark.slow
class TestRoundTrip:
    """Contract §13: `from_data(cls, to_data(x)) == x` for every public record, through JSON."""

    @pytest.mark.parametrize(
        ("cls", "values"),
        [pytest.param(cls, s, id=getattr(cls, "__name__", "x")) for cls, s in CASES],
    )
    @given(data=st.data())
    def test_value_types(
        self, cls: Any, values: st.SearchStrategy[Any], data: st.DataObject
    ) -> None:
        """Every foundation type reads back equal from JSON text."""
        value = data.draw(values)
        assert from_data(cls, _json(to_data(value))) == value

    @given(
        st.builds(
            Record,
            amounts=st.lists(monies(), max_size=3).map(tuple),
            rate=rates(),
            target=targets(),
            period=periods(),
            at=aware_datetimes(),
            on=st.none() | dates(),
            every=timedeltas(),
        )
    )
    def test_records(self, record: Record) -> None:
        """A record of foundation types reads back equal, and writes the same data again."""
        data = _json(to_data(record))
        again = from_data(Record, data)
        assert again == record
        assert to_data(again) == data
        assert list(RECORD_SCHEMA.iter_errors(data)) == []


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
            st.sampled_from(["amount", "currency", "rate", "numerator", "denominator", "x"])
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
            for cls in (Money, Rate, Target, Period, datetime, timedelta, time, Decimal, Record)
        ],
    )
    @given(data=json_like)
    def test_arbitrary_data(self, cls: Any, data: object) -> None:
        """Arbitrary JSON-like data either reads or raises InvalidDataError with problems."""
        try:
            from_data(cls, data)
        except InvalidDataError as exc:
            problems = exc.problems
        else:
            return
        assert problems
        assert all(p.path for p in problems)
