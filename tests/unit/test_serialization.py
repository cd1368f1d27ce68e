"""Unit tests for propstd.serialization: the data format, strictness and error paths."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time, timedelta, timezone
from decimal import Decimal
from fractions import Fraction
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import cattrs
import jsonschema
import pytest

from propstd.errors import InvalidDataError, InvalidValueError, NaiveDatetimeError, Problem
from propstd.money import Currency, Money, Rounding
from propstd.periods import Period, PeriodUnit
from propstd.rates import Rate, Target, TargetResult
from propstd.serialization import (
    configure_converter,
    from_data,
    json_schema,
    make_converter,
    to_data,
)
from propstd.serialization._core import register_schema, register_tagged_union


@attrs.frozen(kw_only=True)
class Line:
    """A budget line (test record)."""

    name: str
    annual: Money
    due: date | None = None


@attrs.frozen(kw_only=True)
class Sheet:
    """A test record with nested records, tuples and every scalar type."""

    lines: tuple[Line, ...]
    period: Period
    rate: Rate
    target: Target
    unit: PeriodUnit
    at: datetime
    opens: time
    every: timedelta
    share: Fraction
    factor: Decimal
    count: int
    active: bool
    pair: tuple[int, str] = (0, "")
    scores: dict[str, int] = attrs.Factory(dict)


@attrs.frozen
class Visit:
    """A union member (test record)."""

    at: date


@attrs.frozen
class Call:
    """A union member (test record)."""

    minutes: int


@attrs.frozen
class Log:
    """A record with a tagged union field (test record)."""

    event: Visit | Call
    later: tuple[Visit | Call, ...] = ()
    maybe: Visit | Call | None = None


def _sheet() -> Sheet:
    return Sheet(
        lines=(
            Line(name="保洁", annual=Money("120000", "CNY"), due=date(2025, 3, 31)),
            Line(name="绿化", annual=Money("-0.05", "CNY")),
        ),
        period=Period.parse("2025-03"),
        rate=Rate(15, 16),
        target=Target.parse("≥ 75%"),
        unit=PeriodUnit.MONTH,
        at=datetime(2025, 4, 1, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai")),
        opens=time(8, 30),
        every=timedelta(hours=2, minutes=30),
        share=Fraction(3, 4),
        factor=Decimal("1.05"),
        count=3,
        active=True,
        pair=(1, "a"),
        scores={"north": 1},
    )


SHEET_DATA: dict[str, Any] = {
    "lines": [
        {"name": "保洁", "annual": {"amount": "120000.00", "currency": "CNY"}, "due": "2025-03-31"},
        {"name": "绿化", "annual": {"amount": "-0.05", "currency": "CNY"}, "due": None},
    ],
    "period": "2025-03",
    "rate": {"numerator": "15", "denominator": "16"},
    "target": {"minimum": "3/4", "maximum": None},
    "unit": "month",
    "at": "2025-04-01T09:00:00+08:00",
    "opens": "08:30",
    "every": "PT2H30M",
    "share": "3/4",
    "factor": "1.05",
    "count": 3,
    "active": True,
    "pair": [1, "a"],
    "scores": {"north": 1},
}


def _problems(cls: Any, data: object) -> list[str]:
    with pytest.raises(InvalidDataError) as info:
        from_data(cls, data)
    return [str(p) for p in info.value.problems]


class TestAcceptance:
    """The acceptance example of issue 3."""

    def test_float_amount_is_refused_with_its_path(self) -> None:
        """A float amount gives InvalidDataError whose problem path names `amount`."""
        with pytest.raises(InvalidDataError) as info:
            from_data(Money, {"amount": 1.5, "currency": "CNY"})
        assert [p.path for p in info.value.problems] == ["amount"]
        assert "float 1.5" in info.value.problems[0].message


class TestFormat:
    """What to_data writes."""

    def test_record(self) -> None:
        """A nested record becomes plain JSON data, and reads back equal."""
        data = to_data(_sheet())
        assert data == SHEET_DATA
        assert json.loads(json.dumps(data)) == data
        assert from_data(Sheet, data) == _sheet()

    @pytest.mark.parametrize(
        ("value", "data"),
        [
            pytest.param(Money("12.5", "CNY"), {"amount": "12.50", "currency": "CNY"}, id="money"),
            pytest.param(Money("100", "JPY"), {"amount": "100", "currency": "JPY"}, id="yen"),
            pytest.param(Decimal("1E+3"), "1000", id="decimal-exponent"),
            pytest.param(Decimal("-0.50"), "-0.50", id="decimal"),
            pytest.param(Fraction(3, 4), "3/4", id="fraction"),
            pytest.param(Fraction(2), "2", id="fraction-int"),
            pytest.param(date(2025, 3, 1), "2025-03-01", id="date"),
            pytest.param(
                datetime(2025, 3, 1, 9, tzinfo=UTC), "2025-03-01T09:00:00+00:00", id="utc"
            ),
            pytest.param(time(8, 30), "08:30", id="time"),
            pytest.param(time(8, 30, 15), "08:30:15", id="time-seconds"),
            pytest.param(time(8, 30, 0, 5), "08:30:00.000005", id="time-micro"),
            pytest.param(timedelta(0), "PT0S", id="zero"),
            pytest.param(timedelta(days=3, hours=4), "P3DT4H", id="days-hours"),
            pytest.param(timedelta(minutes=-15), "-PT15M", id="negative"),
            pytest.param(timedelta(days=2), "P2D", id="days"),
            pytest.param(timedelta(seconds=1, microseconds=500_000), "PT1.5S", id="fraction-s"),
            pytest.param(timedelta(hours=1, microseconds=1), "PT1H0.000001S", id="micro"),
            pytest.param(Currency.CNY, "CNY", id="currency"),
            pytest.param(Rounding.HALF_UP, "half_up", id="rounding"),
            pytest.param(TargetResult.MET, "met", id="result"),
            pytest.param(Period.parse("2025-W05"), "2025-W05", id="period"),
            pytest.param((1, "a", None), [1, "a", None], id="tuple"),
            pytest.param(Rate(0, 0), {"numerator": "0", "denominator": "0"}, id="rate-na"),
        ],
    )
    def test_values(self, value: object, data: object) -> None:
        """Each value type has one plain spelling."""
        assert to_data(value) == data
        assert type(to_data(Currency.CNY)) is str

    @pytest.mark.parametrize(
        ("value", "error", "match"),
        [
            pytest.param(1.5, TypeError, r"propstd writes no floats, got 1\.5", id="float"),
            pytest.param(
                datetime(2025, 3, 1), NaiveDatetimeError, r"'datetime'.*naive", id="naive"
            ),
            pytest.param(Decimal("NaN"), InvalidValueError, r"only finite decimals", id="nan"),
            pytest.param(time(8, tzinfo=UTC), TypeError, r"wall-clock time", id="aware-time"),
        ],
    )
    def test_unwritable(self, value: object, error: type, match: str) -> None:
        """Values without an exact, unambiguous spelling are refused."""
        with pytest.raises(error, match=match):
            to_data(value)

    @pytest.mark.parametrize(
        ("cls", "data", "expected"),
        [
            pytest.param(
                datetime, "2025-03-01T09:00Z", datetime(2025, 3, 1, 9, tzinfo=UTC), id="z"
            ),
            pytest.param(
                datetime,
                "2025-03-01T09:00:00-05:00",
                datetime(2025, 3, 1, 9, tzinfo=timezone(timedelta(hours=-5))),
                id="offset",
            ),
            pytest.param(timedelta, "P1W", timedelta(days=7), id="weeks"),
            pytest.param(timedelta, "PT90M", timedelta(minutes=90), id="unnormalised"),
            pytest.param(
                timedelta, "-P1DT0.5S", -timedelta(days=1, seconds=0.5), id="neg-fraction"
            ),
            pytest.param(time, "23:59:59.5", time(23, 59, 59, 500_000), id="time-fraction"),
            pytest.param(Fraction, "-6/4", Fraction(-3, 2), id="fraction-reduced"),
            pytest.param(Target, {"minimum": "1/2"}, Target(minimum=Fraction(1, 2)), id="defaults"),
            pytest.param(Money | None, None, None, id="optional"),
            pytest.param(tuple[int, ...], [1, 2], (1, 2), id="tuple"),
            pytest.param(list[int], [1, 2], [1, 2], id="list"),
        ],
    )
    def test_reads(self, cls: Any, data: object, expected: object) -> None:
        """Alternative but exact spellings are read."""
        assert from_data(cls, data) == expected


class TestStrictness:
    """What from_data refuses, each problem with its path."""

    @pytest.mark.parametrize(
        ("cls", "data", "problem"),
        [
            pytest.param(int, True, "$: expected an integer, got bool True", id="int-bool"),
            pytest.param(int, 1.0, "$: expected an integer, got float 1.0", id="int-float"),
            pytest.param(int, "1", "$: expected an integer, got str '1'", id="int-str"),
            pytest.param(str, 1, "$: expected a string, got int 1", id="str-int"),
            pytest.param(bool, 1, "$: expected true or false, got int 1", id="bool-int"),
            pytest.param(float, 1.5, "$: propstd reads no floats", id="float"),
            pytest.param(
                Decimal, 1.5, "$: expected a decimal number as a string", id="decimal-float"
            ),
            pytest.param(Decimal, 12, "$: expected a decimal number as a string", id="decimal-int"),
            pytest.param(
                Decimal,
                "1e3",
                "$: expected a decimal number such as '12.50', got '1e3'",
                id="decimal-exp",
            ),
            pytest.param(Decimal, "NaN", "$: expected a decimal number", id="decimal-nan"),
            pytest.param(Decimal, "1_000", "$: expected a decimal number", id="decimal-underscore"),
            pytest.param(
                Fraction, "1/0", "$: a fraction cannot have a zero denominator", id="fraction-zero"
            ),
            pytest.param(
                Fraction, "0.5", "$: expected a fraction such as '3/4'", id="fraction-decimal"
            ),
            pytest.param(Fraction, 1, "$: expected a fraction as a string", id="fraction-int"),
            pytest.param(
                datetime, "2025-03-01T09:00", "$: expected an instant with a UTC offset", id="naive"
            ),
            pytest.param(
                datetime, "yesterday", "$: expected an ISO 8601 instant", id="datetime-text"
            ),
            pytest.param(datetime, 0, "$: expected an ISO 8601 instant", id="datetime-int"),
            pytest.param(
                date, "2025-3-1", "$: expected an ISO date such as '2025-03-01'", id="date-short"
            ),
            pytest.param(date, "2025-02-30", "$: expected an ISO date", id="date-invalid"),
            pytest.param(date, "20250301", "$: expected an ISO date", id="date-basic"),
            pytest.param(
                time, "8:30", "$: expected a time of day such as '08:30'", id="time-short"
            ),
            pytest.param(time, "24:00", "$: expected a time of day", id="time-24"),
            pytest.param(time, "08:30+08:00", "$: expected a time of day", id="time-offset"),
            pytest.param(timedelta, "P1Y", "$: expected an ISO 8601 duration", id="years"),
            pytest.param(timedelta, "P", "$: expected an ISO 8601 duration", id="empty-p"),
            pytest.param(timedelta, "PT", "$: expected an ISO 8601 duration", id="empty-t"),
            pytest.param(
                timedelta, "P999999999W", "$: duration 'P999999999W' is out of range", id="huge"
            ),
            pytest.param(
                timedelta, 3600, "$: expected an ISO 8601 duration as a string", id="seconds"
            ),
            pytest.param(Currency, "cny", "$: expected one of 'CNY'", id="enum-case"),
            pytest.param(Currency, 156, "$: expected one of 'CNY'", id="enum-int"),
            pytest.param(Period, "2025-13", "$: cannot read a period from '2025-13'", id="period"),
            pytest.param(Period, 2025, "$: expected a period as a string", id="period-int"),
            pytest.param(
                tuple[int, ...], "12", "$: expected a list, got str '12'", id="string-list"
            ),
            pytest.param(tuple[int, ...], {"a": 1}, "$: expected a list, got dict", id="dict-list"),
            pytest.param(
                tuple[int, str], [1], "$: expected a list of 2 items, got 1", id="pair-short"
            ),
            pytest.param(dict[str, int], [], "$: expected an object, got list []", id="list-dict"),
            pytest.param(
                Money, [], "$: expected an object with 'amount' and 'currency'", id="money-list"
            ),
            pytest.param(
                Sheet, None, "$: expected an object (a Sheet), got NoneType None", id="record"
            ),
        ],
    )
    def test_refused(self, cls: Any, data: object, problem: str) -> None:
        """Each wrong value is one problem at the root, saying what was expected."""
        problems = _problems(cls, data)
        assert len(problems) == 1
        assert problems[0].startswith(problem)

    def test_every_problem_is_listed_with_its_path(self) -> None:
        """All problems in a document are reported together, each with its dotted path."""
        data = json.loads(json.dumps(SHEET_DATA))
        data["lines"][0]["annual"]["amount"] = 1.5
        data["lines"][1]["annual"] = {"amount": "1.001", "currency": "CNY"}
        data["lines"][1]["colour"] = "red"
        del data["lines"][0]["name"]
        data["at"] = "2025-04-01T09:00:00"
        data["rate"] = {"numerator": "3", "denominator": "0"}
        data["target"] = {"minimum": "1", "maximum": "1/2"}
        data["count"] = "3"
        data["pair"] = [1, 2]
        data["scores"] = {"north": True}
        del data["unit"]
        data["extra"] = 1
        paths = [p.split(":")[0] for p in _problems(Sheet, data)]
        assert sorted(paths) == sorted(
            [
                "lines[0].name",
                "lines[0].annual.amount",
                "lines[1].annual.amount",
                "lines[1].colour",
                "unit",
                "at",
                "rate.denominator",
                "target.minimum",
                "count",
                "pair[1]",
                "scores['north']",
                "extra",
            ]
        )

    def test_money_problems(self) -> None:
        """Money reports missing, wrong and unexpected keys together."""
        assert _problems(Money, {"amount": "1.00", "cur": "CNY"}) == [
            "currency: required key is missing",
            "cur: unexpected key (allowed: amount, currency)",
        ]
        assert _problems(Money, {"amount": "1.001", "currency": "JPY"})[0].startswith(
            "amount: 'amount' 1.001 has more decimal places than JPY"
        )
        assert _problems(Money, {"amount": "1", "currency": "XXX"})[0].startswith(
            "currency: expected one of 'CNY'"
        )

    def test_error_is_a_value_error_and_never_a_cattrs_error(self) -> None:
        """InvalidDataError is a ValueError; nothing from cattrs escapes."""
        with pytest.raises(ValueError, match="cannot read Line from the data: 2 problems") as info:
            from_data(Line, {"name": 1})
        assert not isinstance(info.value, cattrs.BaseValidationError)
        assert info.value.__cause__ is None

    def test_unsupported_type_is_reported(self) -> None:
        """A type propstd has no format for becomes a problem, not a cattrs error."""
        with pytest.raises(InvalidDataError, match="propstd cannot read values of type"):
            from_data(complex, "1j")


@pytest.fixture(scope="module")
def converter() -> cattrs.Converter:
    """A converter with the Visit | Call union registered."""
    converter = make_converter()
    register_tagged_union(converter, Visit | Call, {Visit: "visit", Call: "call"})
    return converter


class TestTaggedUnions:
    """register_tagged_union: stable tags, also on single members."""

    def test_round_trip(self, converter: cattrs.Converter) -> None:
        """Union fields carry the tag and read back."""
        log = Log(Call(5), (Visit(date(2025, 3, 1)), Call(1)), Visit(date(2025, 3, 2)))
        data = converter.unstructure(log)
        assert data["event"] == {"type": "call", "minutes": 5}
        assert data["later"][0] == {"type": "visit", "at": "2025-03-01"}
        assert converter.structure(data, Log) == log
        assert (
            converter.structure({"event": {"type": "visit", "at": "2025-03-01"}}, Log).maybe is None
        )

    def test_members_carry_their_tag(self, converter: cattrs.Converter) -> None:
        """A member written alone carries its tag; reading accepts it with or without."""
        assert converter.unstructure(Call(5)) == {"type": "call", "minutes": 5}
        assert converter.structure({"type": "call", "minutes": 5}, Call) == Call(5)
        assert converter.structure({"minutes": 5}, Call) == Call(5)

    @pytest.mark.parametrize(
        ("data", "problem"),
        [
            pytest.param(
                {"event": {"minutes": 5}}, "event.type: required key is missing", id="no-tag"
            ),
            pytest.param(
                {"event": {"type": "fax"}},
                "event.type: expected one of 'visit', 'call', got 'fax'",
                id="unknown",
            ),
            pytest.param({"event": {"type": 1}}, "event.type: expected one of", id="tag-int"),
            pytest.param(
                {"event": "call"},
                "event: expected an object with a 'type' key, got str",
                id="not-object",
            ),
            pytest.param(
                {"event": {"type": "call", "minutes": "5"}},
                "event.minutes: expected an integer",
                id="member",
            ),
            pytest.param(
                {"event": {"type": "call", "minutes": 5, "x": 1}},
                "event.x: unexpected key",
                id="extra",
            ),
        ],
    )
    def test_problems(self, converter: cattrs.Converter, data: object, problem: str) -> None:
        """Tag problems are reported at the tag's path."""
        with pytest.raises(cattrs.BaseValidationError) as info:
            converter.structure(data, Log)
        from propstd.serialization._core import problems_of

        assert str(problems_of(info.value)[0]).startswith(problem)

    def test_wrong_tag_on_a_member(self, converter: cattrs.Converter) -> None:
        """A member read with another member's tag is refused."""
        from propstd.serialization._core import DataErrors, problems_of

        with pytest.raises(DataErrors) as info:
            converter.structure({"type": "visit", "minutes": 5}, Call)
        assert str(problems_of(info.value)[0]) == "type: expected 'call', got 'visit'"
        with pytest.raises(TypeError, match="expected an object"):
            converter.structure(5, Call)

    @pytest.mark.parametrize(
        ("tags", "match"),
        [
            pytest.param({Visit: "visit"}, "needs its own tag", id="missing"),
            pytest.param({Visit: "x", Call: "x"}, "needs its own tag", id="duplicate"),
            pytest.param({Visit: "other", Call: "call"}, "Visit is already tagged", id="retag"),
        ],
    )
    def test_bad_registrations(
        self, converter: cattrs.Converter, tags: dict[type, str], match: str
    ) -> None:
        """Every member needs one stable, unique tag."""
        with pytest.raises(ValueError, match=match):
            register_tagged_union(make_converter(), Visit | Call, tags)

    def test_schema(self, converter: cattrs.Converter) -> None:
        """The schema lists the members with their constant tags."""
        schema = json_schema(Log)
        assert schema["$defs"]["Log"]["properties"]["event"] == {
            "oneOf": [{"$ref": "#/$defs/Visit"}, {"$ref": "#/$defs/Call"}]
        }
        assert schema["$defs"]["Call"]["properties"]["type"] == {"const": "call"}
        maybe = schema["$defs"]["Log"]["properties"]["maybe"]
        assert maybe["oneOf"][-1] == {"type": "null"}


class TestConverters:
    """make_converter and configure_converter."""

    def test_make_converter_is_fresh_and_strict(self) -> None:
        """Each call gives a new converter that forbids extra keys."""
        a, b = make_converter(), make_converter()
        assert a is not b
        assert a.forbid_extra_keys
        assert a.structure("PT1H", timedelta) == timedelta(hours=1)

    def test_configure_a_callers_converter(self) -> None:
        """configure_converter adds the hooks to a converter the caller owns."""
        mine = cattrs.Converter()
        configure_converter(mine)
        assert mine.unstructure(Money("1", "CNY")) == {"amount": "1.00", "currency": "CNY"}
        # this converter allows extra keys: the caller's choice is kept
        data = {"name": "a", "annual": {"amount": "1", "currency": "CNY"}, "x": 1}
        assert mine.structure(data, Line) == Line(name="a", annual=Money("1", "CNY"))

    def test_global_converter_untouched(self) -> None:
        """cattrs.global_converter gets no propstd hooks."""
        to_data(Money("1", "CNY"))
        assert cattrs.global_converter.unstructure(Decimal("1.5")) == Decimal("1.5")


class TestSchema:
    """json_schema."""

    def test_record_schema(self) -> None:
        """Records are objects with their fields; defaults make keys optional."""
        schema = json_schema(Sheet)
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert schema["$ref"] == "#/$defs/Sheet"
        sheet = schema["$defs"]["Sheet"]
        assert sheet["additionalProperties"] is False
        assert "pair" not in sheet["required"]
        assert "lines" in sheet["required"]
        assert sheet["properties"]["lines"] == {"type": "array", "items": {"$ref": "#/$defs/Line"}}
        assert sheet["properties"]["pair"]["prefixItems"] == [
            {"type": "integer"},
            {"type": "string"},
        ]
        assert sheet["properties"]["scores"] == {
            "type": "object",
            "additionalProperties": {"type": "integer"},
        }
        assert sheet["properties"]["unit"]["enum"][0] == "day"
        assert sheet["properties"]["every"]["format"] == "duration"
        line = schema["$defs"]["Line"]
        assert line["properties"]["due"] == {
            "anyOf": [{"type": "string", "format": "date"}, {"type": "null"}]
        }

    @pytest.mark.parametrize(
        ("cls", "expected"),
        [
            pytest.param(int, {"type": "integer"}, id="int"),
            pytest.param(Any, {}, id="any"),
            pytest.param(list[str], {"type": "array", "items": {"type": "string"}}, id="list"),
            pytest.param(tuple, {"type": "array", "items": {}}, id="bare-tuple"),
            pytest.param(dict, {"type": "object", "additionalProperties": {}}, id="bare-dict"),
        ],
    )
    def test_plain_types(self, cls: Any, expected: dict[str, Any]) -> None:
        """Plain types have plain schemas."""
        schema = json_schema(cls)
        del schema["$schema"]
        assert schema == expected

    def test_schema_validates_the_data(self) -> None:
        """The schema is valid, accepts what to_data writes and rejects wrong data."""
        schema = json_schema(Sheet)
        jsonschema.Draft202012Validator.check_schema(schema)
        validator = jsonschema.Draft202012Validator(schema)
        assert list(validator.iter_errors(to_data(_sheet()))) == []
        bad = dict(SHEET_DATA, count="3", every="P1Y", extra=1)
        assert len(list(validator.iter_errors(bad))) == 3

    def test_registered_schema(self) -> None:
        """A part can record the schema of a type it writes with a custom hook."""

        class Code:
            """A stand-in for a type with a custom hook."""

        register_schema(Code, {"type": "string", "enum": ["a"]})
        assert json_schema(Code)["enum"] == ["a"]

    def test_unknown_type(self) -> None:
        """Types without a data format raise TypeError."""
        with pytest.raises(
            TypeError, match="json_schema\\(\\) knows no data format for <class 'complex'>"
        ):
            json_schema(complex)

    def test_name_clash_uses_the_module(self) -> None:
        """Two records with one name get distinct definitions."""
        other = attrs.make_class("Line", {"n": attrs.field(type=int)}, frozen=True)
        both = attrs.make_class(
            "Both", {"a": attrs.field(type=other), "b": attrs.field(type=Line)}, frozen=True
        )
        defs = json_schema(both)["$defs"]
        assert len(defs) == 3


def test_problem_paths_are_dotted() -> None:
    """Problems are Problem records with the root written `$`."""
    with pytest.raises(InvalidDataError) as info:
        from_data(tuple[Line, ...], [{"name": "a", "annual": {"amount": "x", "currency": "CNY"}}])
    assert info.value.problems == (
        Problem("$[0].annual.amount", "expected a decimal number such as '12.50', got 'x'"),
    )


@attrs.frozen
class Checked:
    """A record whose own validation names no field (test record)."""

    low: int
    high: int
    note: str = attrs.field(default="", init=False)

    def __attrs_post_init__(self) -> None:
        if self.low > self.high:
            msg = f"'range' {self.low}..{self.high} is empty"
            raise ValueError(msg)


class TestEdges:
    """Less common paths of the error walker and the schema."""

    def test_class_error_naming_no_field_stays_on_the_record(self) -> None:
        """A validation error that names no field is reported at the record."""
        assert _problems(Checked, {"low": 2, "high": 1}) == ["$: 'range' 2..1 is empty"]

    def test_long_values_are_shortened(self) -> None:
        """Problem messages show at most about 60 characters of the value."""
        (problem,) = _problems(int, "x" * 200)
        assert problem.endswith("...")
        assert len(problem) < 120

    def test_cattrs_iterables_and_groups(self) -> None:
        """Problems inside cattrs' own collections and plain groups keep their paths."""
        from cattrs.errors import ForbiddenExtraKeysError

        from propstd.serialization._core import problems_of

        assert _problems(frozenset[int], ["1"]) == ["$[0]: expected an integer, got str '1'"]
        group = ExceptionGroup("two", [ValueError("a"), KeyError("b")])
        assert problems_of(group) == (Problem("$", "a"), Problem("$", "required key is missing"))
        extra = ForbiddenExtraKeysError("", dict, {"x"})
        assert problems_of(extra) == (Problem("x", "unexpected key (allowed: )"),)
        assert problems_of(RuntimeError()) == (Problem("$", "RuntimeError"),)

    def test_cattrs_iterable_error(self) -> None:
        """An IterableValidationError from a caller's own hooks maps indexes to paths."""
        from cattrs.errors import IterableValidationError, IterableValidationNote

        from propstd.serialization._core import problems_of

        inner = ValueError("bad")
        inner.add_note(IterableValidationNote("@ index 2", 2, int))
        other = ValueError("whole")
        error = IterableValidationError("list", [inner, other], list)
        assert problems_of(error) == (Problem("$[2]", "bad"), Problem("$", "whole"))

    def test_literal_and_init_false_in_schema(self) -> None:
        """Literals become enums; fields set by the class itself are not data."""
        from typing import Literal

        schema = json_schema(Literal["a", "b"])
        assert schema["enum"] == ["a", "b"]
        checked = json_schema(Checked)["$defs"]["Checked"]
        assert list(checked["properties"]) == ["low", "high"]
