"""Unit tests for propstd.serialization: the data format, strictness and error paths."""

from __future__ import annotations

import enum
import json
from datetime import UTC, date, datetime, time, timedelta, timezone
from decimal import Decimal
from fractions import Fraction
from typing import Any, ClassVar, Literal, NewType, Protocol
from zoneinfo import ZoneInfo

import attrs
import cattrs
import jsonschema
import pytest

from propstd._vocab import Vocabulary
from propstd.calendars import WorkingCalendar, china_calendar
from propstd.errors import (
    InvalidDataError,
    InvalidValueError,
    NaiveDatetimeError,
    ParseError,
)
from propstd.frequencies import Frequency, Schedule, ShiftPolicy
from propstd.money import Currency, Money, Rounding
from propstd.periods import Period, PeriodUnit
from propstd.rates import Rate, Target, TargetResult
from propstd.serialization import (
    configure_converter,
    from_data,
    join_path,
    json_schema,
    make_converter,
    split_path,
    to_data,
)
from propstd.timelines import Paused, Received, Timeline

BERLIN = ZoneInfo("Europe/Berlin")


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
        at=datetime(2025, 4, 1, 9, 0, tzinfo=timezone(timedelta(hours=8))),
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
    "target": "≥ 75%",
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


def _paths(cls: Any, data: object) -> list[str]:
    with pytest.raises(InvalidDataError) as info:
        from_data(cls, data)
    return [p.path for p in info.value.problems]


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
            pytest.param(
                datetime(2025, 3, 1, 9, tzinfo=ZoneInfo("Asia/Shanghai")),
                "2025-03-01T09:00:00+08:00[Asia/Shanghai]",
                id="zoned",
            ),
            pytest.param(
                datetime(2025, 10, 26, 2, 30, fold=1, tzinfo=BERLIN),
                "2025-10-26T02:30:00+01:00[Europe/Berlin]",
                id="fold",
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
            pytest.param(frozenset({"b", "a"}), ["a", "b"], id="set-sorted"),
            pytest.param(Rate(0, 0), {"numerator": "0", "denominator": "0"}, id="rate-na"),
        ],
    )
    def test_values(self, value: object, data: object) -> None:
        """Each value type has one plain spelling."""
        assert to_data(value) == data

    @pytest.mark.parametrize(
        ("value", "error", "match"),
        [
            pytest.param(1.5, TypeError, r"propstd writes no floats, got 1\.5", id="float"),
            pytest.param(datetime(2025, 3, 1), NaiveDatetimeError, r"naive", id="naive"),
            pytest.param(Decimal("NaN"), InvalidValueError, r"only finite decimals", id="nan"),
            pytest.param(time(8, tzinfo=UTC), TypeError, r"wall-clock time", id="aware-time"),
            pytest.param(object(), TypeError, r"no values of type object", id="unknown"),
            pytest.param({1: "a"}, TypeError, r"keys are strings", id="int-key"),
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
            pytest.param(frozenset[int], [2, 1, 2], frozenset({1, 2}), id="frozenset"),
            pytest.param(set[str], [], set(), id="set"),
            pytest.param(Currency, " cny ", Currency.CNY, id="enum-case-blanks"),
            pytest.param(date, date(2025, 3, 1), date(2025, 3, 1), id="toml-date"),
            pytest.param(time, time(8, 30), time(8, 30), id="toml-time"),
            pytest.param(
                datetime,
                datetime(2025, 3, 1, 9, tzinfo=UTC),
                datetime(2025, 3, 1, 9, tzinfo=UTC),
                id="toml-datetime",
            ),
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
                datetime,
                "2025-03-01T09:00:00+08:00[Mars/Olympus]",
                "$: expected a known IANA time zone in brackets, got 'Mars/Olympus'",
                id="unknown-zone",
            ),
            pytest.param(
                datetime,
                "2025-03-01T09:00:00[Asia/Shanghai]",
                "$: expected an instant with a UTC offset",
                id="zone-without-offset",
            ),
            pytest.param(
                datetime, "2025-03-01T09:00:00+08:00[]", "$: expected an ISO 8601", id="empty-zone"
            ),
            pytest.param(
                date, "2025-3-1", "$: expected an ISO date such as '2025-03-01'", id="date-short"
            ),
            pytest.param(
                date, datetime(2025, 3, 1, tzinfo=UTC), "$: expected an ISO date", id="date-time"
            ),
            pytest.param(
                datetime, datetime(2025, 3, 1), "$: expected an instant with a UTC", id="naive-obj"
            ),
            pytest.param(time, time(8, tzinfo=UTC), "$: expected a time of day", id="aware-time"),
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
            pytest.param(Currency, "yuan!", "$: expected one of 'CNY'", id="enum-word"),
            pytest.param(Currency, 156, "$: expected one of 'CNY'", id="enum-int"),
            pytest.param(Period, "2025-13", "$: cannot read a period from '2025-13'", id="period"),
            pytest.param(Period, 2025, "$: expected a period as a string", id="period-int"),
            pytest.param(
                tuple[int, ...], "12", "$: expected a list, got str '12'", id="string-list"
            ),
            pytest.param(tuple[int, ...], {"a": 1}, "$: expected a list, got dict", id="dict-list"),
            pytest.param(frozenset[int], "12", "$: expected a list, got str", id="string-set"),
            pytest.param(
                tuple[int, str], [1], "$: expected a list of 2 items, got 1", id="pair-short"
            ),
            pytest.param(dict[str, int], [], "$: expected an object, got list []", id="list-dict"),
            pytest.param(
                Money, [], "$: expected an object (a Money), got list []", id="money-list"
            ),
            pytest.param(
                Sheet, None, "$: expected an object (a Sheet), got NoneType None", id="record"
            ),
            pytest.param(complex, "1j", "$: propstd cannot read values of type", id="unknown"),
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
        data["scores"] = {"north": True, "south-east": 1.5, "a b": "x"}
        del data["unit"]
        data["extra"] = 1
        paths = _paths(Sheet, data)
        # the money and rate refusals are placed by the `field` their errors carry; until
        # their classes name one (§14.9), they sit at the object
        assert sorted(p for p in paths if not p.startswith(("lines[1].annual", "rate"))) == sorted(
            [
                "lines[0].name",
                "lines[0].annual.amount",
                "lines[1].colour",
                "unit",
                "at",
                "target",
                "count",
                "pair[1]",
                "scores.north",
                "scores.south-east",
                'scores["a b"]',
                "extra",
            ]
        )
        assert len(paths) == 14

    def test_money_problems(self) -> None:
        """Money reports missing, wrong and unexpected keys together."""
        assert _problems(Money, {"amount": "1.00", "cur": "CNY"}) == [
            "currency: required key is missing",
            "cur: unexpected key (allowed: amount, currency)",
        ]
        assert (
            "has more decimal places than JPY"
            in _problems(Money, {"amount": "1.001", "currency": "JPY"})[0]
        )
        assert _problems(Money, {"amount": "1", "currency": "XXX"})[0].startswith(
            "currency: expected one of 'CNY'"
        )

    def test_error_is_a_value_error_and_never_a_cattrs_error(self) -> None:
        """InvalidDataError is a ValueError with the problems as its value; no cattrs error."""
        with pytest.raises(ValueError, match="cannot read Line from the data: 2 problems") as info:
            from_data(Line, {"name": 1})
        assert not isinstance(info.value, cattrs.BaseValidationError)
        assert info.value.__cause__ is None
        assert isinstance(info.value, InvalidDataError)
        assert info.value.value == info.value.problems

    def test_repeated_mapping_keys_are_refused(self) -> None:
        """Two keys that name one enum member are refused at the second one."""
        data = {"medium": 1, "中": 2, "low": 3}
        assert _problems(dict[Level, int], data) == ["[\"中\"]: names the same key as 'medium'"]


class Level(Vocabulary):
    """A vocabulary (test enum)."""

    LOW = "low", "低"
    MEDIUM = "medium", "中", "一般", "normal"


class Plain(enum.Enum):
    """An enum of integers (test enum)."""

    ONE = 1
    TWO = 2


@attrs.frozen
class Rated:
    """A record with vocabulary fields (test record)."""

    level: Level
    by_level: dict[Level, int] = attrs.Factory(dict)
    plain: Plain = Plain.ONE


class TestVocabularies:
    """§14.7: every word of a vocabulary reads; English values are written."""

    def test_words_are_read_values_written(self) -> None:
        """Chinese labels and seed words read, in fields and mapping keys; English is written."""
        value = from_data(Rated, {"level": " 一般 ", "by_level": {"低": 1, "Medium": 2}})
        assert value == Rated(Level.MEDIUM, {Level.LOW: 1, Level.MEDIUM: 2})
        assert to_data(value) == {
            "level": "medium",
            "by_level": {"low": 1, "medium": 2},
            "plain": 1,
        }

    def test_refusal_lists_the_accepted_words(self) -> None:
        """An unknown word is refused with the accepted words and Chinese labels."""
        assert _problems(Rated, {"level": "高"}) == [
            "level: expected one of 'low' (低), 'medium' (中), got '高'"
        ]

    def test_other_enums_read_their_values_only(self) -> None:
        """An enum of other values reads exactly its values, of their JSON type."""
        assert from_data(Plain, 2) is Plain.TWO
        assert _problems(Plain, "2") == ["$: expected one of 1, 2, got '2'"]
        assert _problems(Plain, True) == ["$: expected one of 1, 2, got True"]

    def test_schema_lists_every_word(self) -> None:
        """The schema lists the English values first, then the other words it reads."""
        schema = json_schema(Rated)
        assert schema["properties"]["level"] == {
            "type": "string",
            "enum": ["low", "medium", "低", "中", "一般", "normal"],
        }
        assert schema["properties"]["by_level"]["propertyNames"]["enum"][:2] == ["low", "medium"]
        assert schema["properties"]["plain"] == {"enum": [1, 2]}
        validator = jsonschema.Draft202012Validator(schema)
        assert validator.is_valid(to_data(Rated(Level.LOW)))
        assert validator.is_valid({"level": "一般", "by_level": {"中": 1}})


class TestPaths:
    """Problem paths: one documented, dotted and indexed form (§14.9, §15)."""

    @pytest.mark.parametrize(
        ("segments", "path"),
        [
            pytest.param((), "$", id="root"),
            pytest.param(
                ("complaints", "ladder", 2, "after"), "complaints.ladder[2].after", id="a"
            ),
            pytest.param((0, "annual", "amount"), "[0].annual.amount", id="root-list"),
            pytest.param(("",), '[""]', id="empty-key"),
            pytest.param(("a", ""), 'a[""]', id="empty-key-inside"),
            pytest.param(("provenance", "b.c"), 'provenance["b.c"]', id="dotted-key"),
            pytest.param(("scores", "C0-1", "保洁"), 'scores.C0-1["保洁"]', id="unicode"),
            pytest.param(("q", 'say "hi"\\'), 'q["say \\"hi\\"\\\\"]', id="escapes"),
            pytest.param(("2025", 3), "2025[3]", id="digit-key"),
        ],
    )
    def test_join_and_split(self, segments: tuple[str | int, ...], path: str) -> None:
        """join_path writes each form; split_path reads it back."""
        assert join_path(segments) == path
        assert split_path(path) == segments

    @pytest.mark.parametrize(
        "path", [".a", "a..b", "a[0]b", "a[", "a[-1]", "a['x']", "a b", '["x"', "[x]"]
    )
    def test_split_refuses_other_forms(self, path: str) -> None:
        """Anything else is a ParseError naming the path."""
        with pytest.raises(ParseError, match="is not a path") as info:
            split_path(path)
        assert info.value.field == "path"
        assert info.value.value == path

    def test_split_refuses_non_text(self) -> None:
        """A path must be a str."""
        with pytest.raises(TypeError, match="'path' must be a str"):
            split_path(3)  # type: ignore[arg-type]

    def test_odd_keys_are_shown(self) -> None:
        """A key that is no JSON key (from Python data) is shown, bounded, in brackets."""
        assert join_path([(1, 2)]) == '["(1, 2)"]'  # type: ignore[list-item]
        assert join_path([True]) == '["True"]'

    def test_root_list_and_empty_key(self) -> None:
        """A list at the root is indexed without `$`; an empty key is `[""]`, not `$`."""
        problems = _paths(tuple[Line, ...], [{"name": "a", "annual": {"amount": "x"}}])
        assert problems == ["[0].annual.amount", "[0].annual.currency"]
        assert _paths(dict[str, int], {"": "1"}) == ['[""]']
        assert _paths(Line, {"name": "a", "annual": {"amount": "1", "currency": "CNY"}, "": 1}) == [
            '[""]'
        ]

    def test_paths_come_from_the_field_an_error_names(self) -> None:
        """A class's own refusal is placed at the field its `field` names, not by its text."""
        assert _problems(Checked, {"low": 2, "high": 1, "name": "x"}) == [
            "high: 'high' 1 is below 'low' 2"
        ]
        assert _problems(Checked, {"low": 1, "high": 1, "name": "x"}) == [
            "$: 'name' names no field: an empty range 1..1"
        ]
        assert _problems(Checked, {"low": 0, "high": 1, "name": "x"}) == [
            "$: 'low' must be above 0 (says the field 'bounds', no key)"
        ]
        assert _problems(Checked, {"low": 1, "high": 9, "name": "x"}) == ["name: too long"]

    def test_a_field_named_by_its_key(self) -> None:
        """A refusal naming the field by its key (the init alias) is placed there too."""
        assert _problems(Checked, {"low": 1, "high": 8, "name": "x"}) == ["name: says 'name'"]

    def test_cattrs_errors_without_an_index(self) -> None:
        """An IterableValidationError part without an index stays on the list itself."""
        from cattrs.errors import IterableValidationError, IterableValidationNote

        from propstd.serialization._paths import problems_of

        inner = ValueError("bad")
        inner.add_note(IterableValidationNote("@ index 2", 2, int))
        error = IterableValidationError("list", [inner, ValueError("whole")], list)
        assert [str(p) for p in problems_of(error)] == ["[2]: bad", "$: whole"]

    def test_china_calendar_refusals(self) -> None:
        """A China calendar the calendar module refuses is reported under `china`."""
        problems = _paths(WorkingCalendar, {"china": {"hours": "09:00-09:00"}})
        assert problems in (["china"], ["china.hours"])  # .hours once the error names it

    def test_nested_paths_reach_the_field(self) -> None:
        """The field of a nested class's refusal is appended to the nested path."""
        data = {"items": [{"low": 1, "high": 2}, {"low": 5, "high": 1}]}
        assert _paths(Checks, data) == ["items[1].high"]


@attrs.frozen
class Checked:
    """A record that refuses some combinations itself (test record)."""

    low: int
    high: int
    _label: str = attrs.field(alias="name", default="")
    note: str = attrs.field(default="", init=False)

    def __attrs_post_init__(self) -> None:
        if self.high < self.low:
            msg = f"'high' {self.high} is below 'low' {self.low}"
            raise InvalidValueError(msg, field="high", value=self.high)
        if self.high == self.low:  # names a field in its text but carries no `field`
            msg = f"'name' names no field: an empty range {self.low}..{self.high}"
            raise InvalidValueError(msg, value=self.low)
        if self.low == 0:
            msg = "'low' must be above 0 (says the field 'bounds', no key)"
            raise InvalidValueError(msg, field="bounds", value=self.low)
        if self.high == 8:  # names the field by its key
            msg = "says 'name'"
            raise InvalidValueError(msg, field="name", value=self._label)
        if self.high == 9:  # names the private attribute: placed at its key
            msg = "too long"
            raise InvalidValueError(msg, field="_label", value=self._label)


@attrs.frozen
class Checks:
    """A record holding checked records (test record)."""

    items: tuple[Checked, ...]


class TestBoundedMessages:
    """§14.9: messages show values through a bounded repr, whatever their size."""

    @staticmethod
    def _shared(levels: int) -> dict[str, Any]:
        doc: dict[str, Any] = {"x": 1}
        for _ in range(levels):
            doc = {"a": doc, "b": doc}  # both keys share one sub-document
        return doc

    @pytest.mark.parametrize("cls", [Money, int, Period, tuple[int, ...], Timeline, Level])
    def test_deep_shared_document(self, cls: Any) -> None:
        """A 200-level document of shared dicts (2²⁰⁰ paths) is refused at once, shortly."""
        with pytest.raises(InvalidDataError) as info:
            from_data(cls, {"events": self._shared(200), "amount": self._shared(200)})
        assert all(len(p.message) < 400 for p in info.value.problems)

    def test_deep_shared_document_in_a_field(self) -> None:
        """The same inside a record's field and a list item."""
        shared = self._shared(200)
        problems = _problems(Sheet, {**SHEET_DATA, "count": shared, "lines": [shared]})
        assert [p.split(":")[0] for p in problems] == [
            "lines[0].name",
            "lines[0].annual",
            "lines[0].a",
            "lines[0].b",
            "count",
        ]
        assert all(len(p) < 400 for p in problems)

    def test_long_values_are_shortened(self) -> None:
        """Problem messages show at most about 60 characters of the value."""
        (problem,) = _problems(int, "x" * 10_000)
        assert problem.endswith("...")
        assert len(problem) < 120


class TestInstants:
    """§14.11: instants keep their zone, so DST folds and gaps read back exactly."""

    @pytest.mark.parametrize(
        "value",
        [
            pytest.param(datetime(2025, 10, 26, 2, 30, fold=1, tzinfo=BERLIN), id="second-02:30"),
            pytest.param(datetime(2025, 10, 26, 2, 30, fold=0, tzinfo=BERLIN), id="first-02:30"),
            pytest.param(datetime(2025, 3, 30, 2, 30, fold=0, tzinfo=BERLIN), id="gap-fold0"),
            pytest.param(datetime(2025, 3, 30, 2, 30, fold=1, tzinfo=BERLIN), id="gap-fold1"),
            pytest.param(datetime(1, 1, 1, tzinfo=ZoneInfo("Asia/Shanghai")), id="year-1-lmt"),
            pytest.param(datetime(9999, 12, 31, 23, 59, tzinfo=BERLIN), id="year-9999"),
            pytest.param(datetime(2025, 3, 1, 9, tzinfo=ZoneInfo("UTC")), id="zoneinfo-utc"),
        ],
    )
    def test_exact_round_trip(self, value: datetime) -> None:
        """The instant reads back in its zone with the same wall time, offset and fold."""
        again = from_data(datetime, json.loads(json.dumps(to_data(value))))
        assert again == value
        assert again.tzinfo is value.tzinfo
        assert (again.fold, again.utcoffset()) == (value.fold, value.utcoffset())

    def test_timeline_in_a_fold(self) -> None:
        """The acceptance case: a timeline received in the second 02:30 reads back equal."""
        at = datetime(2025, 10, 26, 2, 30, fold=1, tzinfo=BERLIN)
        later = (at.astimezone(UTC) + timedelta(minutes=5)).astimezone(BERLIN)  # 02:35, fold 1
        timeline = Timeline.start(at).paused(later, "parts")
        data = json.loads(json.dumps(to_data(timeline)))
        assert data["events"][0] == {
            "type": "received",
            "at": "2025-10-26T02:30:00+01:00[Europe/Berlin]",
        }
        assert from_data(Timeline, data) == timeline

    def test_old_documents_read_with_a_fixed_offset(self) -> None:
        """A 0.1 document (no zone) reads as before: the same instant, a fixed offset."""
        again = from_data(datetime, "2025-10-26T02:30:00+01:00")
        assert again.tzinfo == timezone(timedelta(hours=1))
        assert again == datetime(2025, 10, 26, 1, 30, tzinfo=UTC)

    def test_an_offset_the_zone_does_not_have_wins(self) -> None:
        """An offset the zone does not use at that wall time keeps the instant, in the zone."""
        again = from_data(datetime, "2025-03-01T09:00:00+05:00[Asia/Shanghai]")
        assert again.tzinfo is ZoneInfo("Asia/Shanghai")
        assert again.isoformat() == "2025-03-01T12:00:00+08:00"

    def test_out_of_range_in_the_zone(self) -> None:
        """An instant that cannot be shown in its zone is a problem, not an OverflowError."""
        assert _problems(datetime, "0001-01-01T00:00:00+14:00[Asia/Shanghai]") == [
            "$: instant '0001-01-01T00:00:00+14:00[Asia/Shanghai]' is out of range in its zone"
        ]

    def test_schema_pattern(self) -> None:
        """The schema's pattern accepts the written forms and refuses naive instants."""
        validator = jsonschema.Draft202012Validator(json_schema(datetime))
        for text in (
            "2025-10-26T02:30:00+01:00[Europe/Berlin]",
            "0001-01-01T00:00:00+08:05:43[Asia/Shanghai]",
            "2025-03-01T09:00Z",
            "2025-03-01T09:00:00.000001+00:00",
        ):
            assert validator.is_valid(text), text
        assert not validator.is_valid("2025-03-01T09:00:00")


@attrs.frozen
class Visit:
    """A variant (test record)."""

    kind: ClassVar[str] = "visit"
    at: date


@attrs.frozen
class Call:
    """A variant whose tag is an enum member (test record)."""

    kind: ClassVar[Level] = Level.LOW
    minutes: int


@attrs.frozen
class Log:
    """A record with tagged union fields (test record)."""

    event: Visit | Call
    later: tuple[Visit | Call, ...] = ()
    maybe: Visit | Call | None = None


class TestVariants:
    """Classes with a `kind` are written with a stable `"type"` tag, alone or in unions."""

    def test_round_trip(self) -> None:
        """Union fields carry the tag and read back."""
        log = Log(Call(5), (Visit(date(2025, 3, 1)), Call(1)), Visit(date(2025, 3, 2)))
        data = to_data(log)
        assert data["event"] == {"type": "low", "minutes": 5}
        assert data["later"][0] == {"type": "visit", "at": "2025-03-01"}
        assert from_data(Log, data) == log
        assert from_data(Log, {"event": {"type": "visit", "at": "2025-03-01"}}).maybe is None
        assert from_data(Log, {"event": {"type": "low", "minutes": 1}, "maybe": None}) == Log(
            Call(1)
        )
        assert to_data(Log(Call(1)))["maybe"] is None

    def test_members_carry_their_tag(self) -> None:
        """A member written alone carries its tag; reading accepts it with or without."""
        assert to_data(Call(5)) == {"type": "low", "minutes": 5}
        assert from_data(Call, {"type": "low", "minutes": 5}) == Call(5)
        assert from_data(Call, {"minutes": 5}) == Call(5)

    def test_base_class_fields_read_every_event(self) -> None:
        """A field typed with a base class reads the subclass its tag names."""
        at = datetime(2025, 3, 3, 10, tzinfo=timezone(timedelta(hours=8)))
        data = to_data(Timeline((Received(at), Paused(at, "parts"))))
        assert [e["type"] for e in data["events"]] == ["received", "paused"]
        assert from_data(Timeline, data).events[1] == Paused(at, "parts")

    @pytest.mark.parametrize(
        ("data", "problem"),
        [
            pytest.param(
                {"event": {"minutes": 5}}, "event.type: required key is missing", id="no-tag"
            ),
            pytest.param(
                {"event": {"type": "fax"}},
                "event.type: expected one of 'visit', 'low', got 'fax'",
                id="unknown",
            ),
            pytest.param({"event": {"type": 1}}, "event.type: expected one of", id="tag-int"),
            pytest.param(
                {"event": "call"},
                "event: expected an object with a 'type' key, one of 'visit', 'low', got str",
                id="not-object",
            ),
            pytest.param(
                {"event": {"type": "low", "minutes": "5"}},
                "event.minutes: expected an integer",
                id="member",
            ),
            pytest.param(
                {"event": {"type": "low", "minutes": 5, "x": 1}},
                "event.x: unexpected key (allowed: minutes)",
                id="extra",
            ),
            pytest.param(
                {"event": {"type": "low", "minutes": 1}, "maybe": {"type": "visit"}},
                "maybe.at: required key is missing",
                id="optional",
            ),
        ],
    )
    def test_problems(self, data: object, problem: str) -> None:
        """Tag problems are reported at the tag's path."""
        assert _problems(Log, data)[0].startswith(problem)

    def test_wrong_tag_on_a_member(self) -> None:
        """A member read with another member's tag is refused."""
        assert _problems(Call, {"type": "visit", "minutes": 5}) == [
            "type: expected 'low', got 'visit'"
        ]

    def test_unwritable_members(self) -> None:
        """A value of no member class in a union field cannot be written."""
        with pytest.raises(TypeError, match="expected one of Visit, Call, got 3"):
            to_data(attrs.evolve(Log(Call(1)), event=3))  # type: ignore[arg-type]

    def test_bad_variants(self) -> None:
        """Two variants with one tag, or a variant with a `type` field, are refused."""

        with pytest.raises(InvalidDataError, match="Fax and Visit have one tag 'visit'"):
            from_data(Visit | Fax, {"type": "visit"})
        with pytest.raises(InvalidDataError, match="has a field named 'type'"):
            from_data(Typed, {"type": "typed"})

    def test_a_single_variant_subclass(self) -> None:
        """A base class with one variant subclass reads it, tagged (other subclasses, not
        attrs classes, are not variants)."""
        assert to_data(Holder(Only(1))) == {"item": {"type": "only", "at": 1}}
        assert from_data(Holder, {"item": {"type": "only", "at": 1}}) == Holder(Only(1))

    def test_schema(self) -> None:
        """The schema lists the members with their constant tags."""
        schema = json_schema(Log)
        assert schema["properties"]["event"] == {
            "oneOf": [{"$ref": "#/$defs/Visit"}, {"$ref": "#/$defs/Call"}]
        }
        assert schema["$defs"]["Call"]["properties"]["type"] == {"const": "low"}
        assert schema["$defs"]["Call"]["required"] == ["type", "minutes"]
        maybe = schema["properties"]["maybe"]
        assert maybe["oneOf"][-1] == {"type": "null"}


@attrs.frozen
class Fax:
    """A variant with another's tag (test record)."""

    kind: ClassVar[str] = "visit"


@attrs.frozen
class Typed:
    """A variant with a field named like the tag's key (test record)."""

    kind: ClassVar[str] = "typed"
    type: str


@attrs.frozen
class Base:
    """A base class with one variant subclass (test record)."""

    at: int


@attrs.frozen
class Only(Base):
    """The one variant of Base (test record)."""

    kind: ClassVar[str] = "only"


class NotARecord(Base):
    """A subclass that is no attrs class of its own (test class)."""


@attrs.frozen
class Holder:
    """Holds a Base (test record)."""

    item: Base


class WorkingDaysLike(Protocol):
    """A protocol WorkingCalendar implements (test protocol)."""

    def is_working_day(self, day: date, /) -> bool:
        """Whether *day* is a working day."""
        ...


class Unmet(Protocol):
    """A protocol no propstd class implements (test protocol)."""

    def fly(self) -> None:
        """Fly."""
        ...


@attrs.frozen
class UsesProtocol:
    """A record with protocol fields (test record)."""

    calendar: WorkingDaysLike


class TestProtocols:
    """Fields typed with a protocol read as the propstd class that implements it."""

    def test_schedule_with_a_calendar(self) -> None:
        """A schedule that shifts on a calendar round-trips, and has a schema (§14.11)."""
        schedule = Schedule(
            Frequency.parse("每月1次"),
            anchor=date(2025, 1, 1),
            shift=ShiftPolicy.BACKWARD,
            calendar=china_calendar(),
        )
        data = json.loads(json.dumps(to_data(schedule)))
        assert data["calendar"] == {
            "china": {"hours": "09:00-12:00,13:30-18:00", "zone": "Asia/Shanghai"}
        }
        assert from_data(Schedule, data) == schedule
        validator = jsonschema.Draft202012Validator(json_schema(Schedule))
        assert validator.is_valid(data)

    def test_own_protocol(self) -> None:
        """Any protocol WorkingCalendar satisfies reads a calendar; others have no format."""
        value = UsesProtocol(WorkingCalendar.weekly())
        assert from_data(UsesProtocol, to_data(value)) == value
        assert _problems(Unmet, {})[0].startswith("$: propstd cannot read values of type")
        with pytest.raises(TypeError, match="no data format"):
            json_schema(Unmet)

    def test_other_implementations_are_not_written(self) -> None:
        """A value of a class propstd cannot write is refused, not passed through."""

        class Always:
            def is_working_day(self, day: date, /) -> bool:
                return True

        with pytest.raises(TypeError, match="no values of type Always"):
            to_data(UsesProtocol(Always()))


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

    def test_no_module_global_registries(self) -> None:
        """Converters share no registrations: a union read by one is unknown to the other."""
        a, b = make_converter(), make_converter()
        union: Any = Visit | Call
        assert a.structure({"type": "low", "minutes": 1}, union) == Call(1)
        assert b.get_structure_hook(union) is not a.get_structure_hook(union)


class TestSchema:
    """json_schema."""

    def test_record_schema(self) -> None:
        """A record is the root object with its fields; defaults make keys optional."""
        schema = json_schema(Sheet)
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert schema["title"] == "Sheet"
        assert schema["description"] == (
            "A test record with nested records, tuples and every scalar type."
        )
        assert schema["additionalProperties"] is False
        assert "pair" not in schema["required"]
        assert "lines" in schema["required"]
        assert schema["properties"]["lines"] == {"type": "array", "items": {"$ref": "#/$defs/Line"}}
        assert schema["properties"]["pair"]["prefixItems"] == [
            {"type": "integer"},
            {"type": "string"},
        ]
        assert schema["properties"]["scores"] == {
            "type": "object",
            "additionalProperties": {"type": "integer"},
        }
        assert schema["properties"]["unit"]["enum"][0] == "day"
        assert schema["properties"]["every"] == {"$ref": "#/$defs/Duration"}
        assert schema["$defs"]["Duration"]["format"] == "duration"
        assert schema["$defs"]["Line"]["properties"]["due"] == {
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
            pytest.param(Literal["a", "b"], {"enum": ["a", "b"]}, id="literal"),
            pytest.param(
                int | str, {"anyOf": [{"type": "integer"}, {"type": "string"}]}, id="union"
            ),
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
        missing = {k: v for k, v in SHEET_DATA.items() if k != "rate"}
        assert not validator.is_valid(missing)

    def test_deterministic(self) -> None:
        """The same class always gives the same schema text, $defs sorted."""
        first = json.dumps(json_schema(Timeline), ensure_ascii=False)
        assert json.dumps(json_schema(Timeline), ensure_ascii=False) == first
        defs = list(json_schema(Sheet)["$defs"])
        assert defs == sorted(defs)

    def test_unknown_type(self) -> None:
        """Types without a data format raise TypeError."""
        with pytest.raises(
            TypeError, match="json_schema\\(\\) knows no data format for <class 'complex'>"
        ):
            json_schema(complex)

    def test_name_clashes_use_the_module(self) -> None:
        """Two records with one name (or a record named like a value type) stay distinct."""
        other = attrs.make_class("Line", {"n": attrs.field(type=int)}, frozen=True)
        duration = attrs.make_class("Duration", {"n": attrs.field(type=int)}, frozen=True)
        both = attrs.make_class(
            "Both",
            {
                "a": attrs.field(type=other),
                "b": attrs.field(type=Line),
                "c": attrs.field(type=duration),
                "d": attrs.field(type=timedelta),
            },
            frozen=True,
        )
        schema = json_schema(both)
        assert sorted(schema["$defs"]) == [
            "Decimal",
            "Duration",
            "Line",
            "Money",
            "propstd.Duration",
            "tests.unit.test_serialization.Line",
        ]
        assert schema["properties"]["d"] == {"$ref": "#/$defs/propstd.Duration"}

    def test_new_types(self) -> None:
        """A NewType is described as its base type."""
        code = NewType("code", str)
        assert json_schema(code) == {"$schema": json_schema(int)["$schema"], "type": "string"}

    def test_recursive_and_init_false(self) -> None:
        """A record that holds itself refers to the root; init=False fields are not data."""
        schema = json_schema(Node)
        assert schema["properties"]["children"]["items"] == {"$ref": "#"}
        assert list(schema["properties"]) == ["children"]
        assert jsonschema.Draft202012Validator(schema).is_valid(to_data(Node((Node(()),))))


@attrs.frozen
class Node:
    """A recursive record (test record)."""

    children: tuple[Node, ...]
    depth: int = attrs.field(default=0, init=False)


class TestPlainEnums:
    """Enums of a user's own classes (not propstd vocabularies) read and describe too."""

    def test_words_of_a_plain_enum(self) -> None:
        """A plain enum's words are its values, as written."""
        import enum

        from propstd.serialization import _scalars

        class Colour(enum.StrEnum):
            RED = "red"
            BLUE = "blue"

        assert _scalars.words(Colour) == ["red", "blue"]


class TestMixedUnionsAndTexts:
    """Unions of different kinds (a scorecard figure) and values written as their text."""

    def test_a_figure_reads_as_its_kind(self) -> None:
        """Rate, Money, int and Decimal in one union each read back as themselves."""
        from decimal import Decimal

        from propstd.money import Money
        from propstd.rates import Rate

        tp = Rate | Money | int | Decimal | None
        for value in (Rate(1, 2), Money("1.00", "CNY"), 3, Decimal("1.5"), None):
            assert from_data(tp, to_data(value)) == value

    def test_a_figure_refused(self) -> None:
        """A value of no member's kind is refused, naming the members."""
        from decimal import Decimal

        from propstd.money import Money
        from propstd.rates import Rate

        with pytest.raises(InvalidDataError, match="one of Rate or Money or int"):
            from_data(Rate | Money | int, {"amount": "1", "currency": "CNY", "x": 1})
        with pytest.raises(InvalidDataError, match="one of Rate or Money or int"):
            from_data(Rate | Money | int, [1])
        with pytest.raises(InvalidDataError):
            from_data(Rate | Decimal, "abc")

    def test_texts_refuse_other_types(self) -> None:
        """A time limit or frequency is text (or a 0.1 object); a number is refused."""
        from propstd.frequencies import Frequency
        from propstd.timelimits import TimeLimit

        with pytest.raises(InvalidDataError, match="expected a time limit"):
            from_data(TimeLimit, 15)
        assert from_data(Frequency, {"count": 2, "every": 1, "unit": "week"}) == Frequency(
            count=2, every=1, unit="week"
        )

    def test_unknown_keys_with_a_class_error(self) -> None:
        """Unknown keys and the class's own refusal are both reported."""
        from propstd.rates import Rate

        with pytest.raises(InvalidDataError) as e:
            from_data(Rate, {"numerator": "-1", "denominator": "2", "colour": 1})
        assert {p.path for p in e.value.problems} >= {"colour"}
        assert len(e.value.problems) == 2

    def test_omit_defaults(self) -> None:
        """With omit_defaults, fields that hold their default are left out, and read back."""
        from propstd.inspections import CheckItem

        item = CheckItem("SEC-01", "Guard posts", samples=3)
        data = to_data(item, omit_defaults=True)
        assert data == {"code": "SEC-01", "title": "Guard posts", "samples": 3}
        assert from_data(CheckItem, data) == item


def test_mixed_union_with_a_list() -> None:
    """A union of a list type and a scalar reads each by its JSON type."""
    tp = tuple[int, ...] | int
    assert from_data(tp, [1, 2]) == (1, 2)
    assert from_data(tp, 3) == 3
