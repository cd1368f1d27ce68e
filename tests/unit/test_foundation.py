"""The shared private modules: bounded repr, vocabularies, exact decimals, tables, deprecation."""

from __future__ import annotations

import decimal
import enum
import pickle
import warnings
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest

from propstd import _deprecation, _numbers, _repr, _table, _time, _validators, _vocab
from propstd.errors import (
    InvalidDataError,
    InvalidValueError,
    ParseError,
    Problem,
    PropstdError,
)


class _Level(_vocab.Vocabulary):
    """A test vocabulary."""

    LOW = "low", "低", "轻"
    HIGH = "high_level", "高"
    PLAIN = "plain"


class _Plain(enum.StrEnum):
    ONE = "one"


def _to_level(value: _Level | str) -> _Level:
    return _vocab.to_member("level", _Level, value)


@attrs.frozen
class _Holder:
    level: _Level = attrs.field(converter=_to_level)


class TestErrors:
    def test_field_and_value(self) -> None:
        """Every propstd error carries the field at fault and the offending value."""
        err = InvalidValueError("bad", field="count", value=0)
        assert (err.field, err.value, str(err), err.message) == ("count", 0, "bad", "bad")
        assert PropstdError().field is None

    def test_pickle_keeps_data(self) -> None:
        """field and value survive pickling (errors raised on worker processes)."""
        err = pickle.loads(pickle.dumps(InvalidValueError("bad", field="f", value=[1])))
        assert (type(err), err.field, err.value, str(err)) == (InvalidValueError, "f", [1], "bad")
        parse = pickle.loads(pickle.dumps(ParseError("no", "3 weeks")))
        assert (parse.text, parse.value, str(parse)) == ("3 weeks", "3 weeks", "no")

    def test_invalid_data_value_is_the_problems(self) -> None:
        """InvalidDataError's value is its problems."""
        p = Problem("a", "b")
        assert InvalidDataError("m", [p]).value == (p,)

    @pytest.mark.parametrize(
        ("problem", "text"),
        [
            (Problem("", "x"), "$: x"),
            (Problem("a.b", "x", line=3), "line 3: a.b: x"),
            (Problem("", "x", line=3), "line 3: x"),
            (Problem("", "x", column="at"), "column at: x"),
            (Problem("p", "x", line=2, column="at"), "line 2, column at: p: x"),
        ],
    )
    def test_problem_text(self, problem: Problem, text: str) -> None:
        """A problem says where it is: line, column, path."""
        assert str(problem) == text


class TestShown:
    def test_bounded(self) -> None:
        """Huge and deep values show in at most 200 characters, fast."""
        deep: dict[str, object] = {}
        for _ in range(200):
            deep = {"a": deep, "b": deep}
        for value in ("x" * 100_000, deep, 10**10_000, list(range(10**5))):
            assert len(_repr.shown(value)) <= 200
        assert _repr.shown(10**5000) == "<int of about 5000 digits>"
        assert _repr.shown(12) == "12"

    def test_long_repr_is_cut(self) -> None:
        """A long repr is cut with an ellipsis."""

        class Long:
            def __repr__(self) -> str:
                return "L" * 500

        assert "..." in _repr.shown(Long())
        assert len(_repr.shown(Long(), limit=50)) == 50
        assert _repr.shown(dict.fromkeys(range(5), "v" * 100)).endswith("...")

    def test_broken_repr(self) -> None:
        """A value whose repr raises is still shown."""

        class Broken:
            def __repr__(self) -> str:
                raise RuntimeError

        assert _repr.shown(Broken()).startswith("<Broken instance at")


class TestVocabulary:
    @pytest.mark.parametrize(
        ("word", "member"),
        [
            ("low", _Level.LOW),
            (" LOW ", _Level.LOW),
            ("低", _Level.LOW),
            ("轻", _Level.LOW),
            ("high_level", _Level.HIGH),
            ("High Level", _Level.HIGH),
            ("high-level", _Level.HIGH),
            ("高", _Level.HIGH),
            ("plain", _Level.PLAIN),
        ],
    )
    def test_reads_every_word(self, word: str, member: _Level) -> None:
        """Value, name, Chinese label and the seeds' words, case and blanks ignored."""
        assert _Level(word) is member
        assert _vocab.to_member("level", _Level, word) is member
        assert _Holder(word).level is member

    def test_written_in_english(self) -> None:
        """str() and the value are the English word."""
        assert (str(_Level.LOW), _Level.LOW.value, _Level.LOW.label_zh) == ("low", "low", "低")
        assert _Level.PLAIN.label_zh == ""
        assert _Level.LOW.words == ("low", "低", "轻")

    def test_refusal_lists_the_words(self) -> None:
        """An unknown word is an InvalidValueError naming the field, value and choices."""
        with pytest.raises(InvalidValueError, match=r"'level' must be one of 'low' \(低\)") as e:
            _Holder("medium")
        assert (e.value.field, e.value.value) == ("level", "medium")
        with pytest.raises(InvalidValueError, match="_Level must be one of") as e2:
            _Level("medium")
        assert e2.value.value == "medium"
        with pytest.raises(InvalidValueError):
            _Level(3)  # type: ignore[arg-type]

    def test_wrong_type(self) -> None:
        """A value that is not a string is a programming error."""
        with pytest.raises(TypeError, match="'level' must be a _Level or str, got int 3"):
            _vocab.to_member("level", _Level, 3)

    def test_plain_enums(self) -> None:
        """Plain StrEnums go through the same coercion."""
        assert _validators.to_enum("x", _Plain, " ONE ") is _Plain.ONE
        with pytest.raises(InvalidValueError, match="'x' must be one of one, got 'two'"):
            _validators.to_enum("x", _Plain, "two")


class TestNumbers:
    def test_exponent_bounds(self) -> None:
        """Huge and tiny exponents are refused; zero and sensible numbers pass."""
        for ok in ("0", "1e999999", "-1e-999999", "12.50", "0E-5000000"):
            assert _numbers.check_exponent("a", Decimal(ok)) == Decimal(ok)
        for bad in ("1e1000001", "1e-1000001", "NaN", "Infinity"):
            with pytest.raises(InvalidValueError) as e:
                _numbers.check_exponent("a", Decimal(bad))
            assert e.value.field == "a"

    def test_fraction_bounds(self) -> None:
        """Fractions of absurd size are refused."""
        assert _numbers.check_fraction("r", Fraction(1, 3)) == Fraction(1, 3)
        with pytest.raises(InvalidValueError):
            _numbers.check_fraction("r", Fraction(10**3_400_000, 3))
        with pytest.raises(InvalidValueError):
            _numbers.check_fraction("r", Fraction(1, 10**3_400_000))

    def test_places(self) -> None:
        """Places are ints from 0 to 28."""
        assert _numbers.check_places("places", 28) == 28
        with pytest.raises(InvalidValueError):
            _numbers.check_places("places", 29)
        with pytest.raises(InvalidValueError):
            _numbers.check_places("places", -1)
        with pytest.raises(TypeError):
            _numbers.check_places("places", True)

    @pytest.mark.parametrize(
        ("value", "mode", "expected"),
        [
            (Fraction(5, 2), "half_up", 3),
            (Fraction(5, 2), "half_even", 2),
            (Fraction(7, 2), "half_even", 4),
            (Fraction(5, 2), "half_down", 2),
            (Fraction(-5, 2), "half_up", -3),
            (Fraction(-5, 2), "half_down", -2),
            (Fraction(7, 3), "down", 2),
            (Fraction(-7, 3), "down", -2),
            (Fraction(7, 3), "up", 3),
            (Fraction(-7, 3), "up", -3),
            (Fraction(-7, 3), "floor", -3),
            (Fraction(-7, 3), "ceiling", -2),
            (Fraction(8, 3), "half_up", 3),
            (Fraction(7, 3), "half_up", 2),
            (Fraction(6, 3), "up", 2),
        ],
    )
    def test_round_fraction(self, value: Fraction, mode: str, expected: int) -> None:
        """Every mode, both signs, ties and non-ties."""
        assert _numbers.round_fraction(value, mode) == expected

    def test_unknown_mode(self) -> None:
        """A tie with an unknown mode is refused (not guessed)."""
        with pytest.raises(InvalidValueError):
            _numbers.round_fraction(Fraction(1, 2), "sideways")

    def test_no_global_context(self) -> None:
        """Results are the same under a hostile global context."""
        with decimal.localcontext(prec=2) as ctx:
            ctx.traps[decimal.Inexact] = ctx.traps[decimal.Rounded] = True
            assert _numbers.to_decimal(Fraction(98256, 1000), 3, "half_up") == Decimal("98.256")
            assert _numbers.plain(Fraction(123456789, 1000)) == Decimal("123456.789")
            assert _numbers.from_units(-123456, 2) == Decimal("-1234.56")


class TestTable:
    def test_cjk_width(self) -> None:
        """Wide characters count two columns, combining marks none."""
        assert _table.width("覆盖率") == 6
        assert _table.width("e\u0301") == 1
        assert _table.pad("率", 4, "right") == "  率"

    def test_cells(self) -> None:
        """Cells are exact and readable."""
        t = datetime(2025, 3, 1, 9, 30, tzinfo=UTC)
        assert _table.cell(False) == "no"
        assert _table.cell(t) == "2025-03-01 09:30+00:00"
        assert _table.cell(timedelta(minutes=5)) == "0:05:00"

    def test_html_marks_rows(self) -> None:
        """HTML escapes text, marks row classes and strong rows, and shows notes."""
        t = _table.Table(
            columns=(_table.Column("a"), _table.Column("b", "right")),
            rows=(("<x>", "1"), ("total", "2")),
            row_classes=("missed",),
            strong=frozenset({1}),
            notes=("n1", "n2"),
        )
        html = t.to_html()
        assert "&lt;x&gt;" in html
        assert '<tr class="missed">' in html
        assert "<th>total</th>" in html
        assert "n1<br>n2" in html
        assert "| **total** | **2** |" in t.to_markdown()
        assert t.to_text().splitlines()[0].startswith("a")
        plain = _table.Table(columns=(_table.Column("a"),), rows=(("x|y",),))
        assert "<caption>" not in plain.to_html()
        assert "x\\|y" in plain.to_markdown()

    def test_rendered_mixin(self) -> None:
        """Rendered gives every rendering from _table()."""

        @attrs.frozen
        class Result(_table.Rendered):
            n: int

            def _table(self) -> _table.Table:
                return _table.Table(columns=(_table.Column("n"),), rows=((str(self.n),),))

        r = Result(3)
        assert str(r) == r.to_text() == "n\n-\n3"
        assert r._repr_html_() == r.to_html()
        assert r.to_markdown().startswith("| n |")


class TestDeprecation:
    def test_old_name_warns(self) -> None:
        """An old name still works, with a DeprecationWarning naming the new one."""
        hook = _deprecation.renamed("propstd.x", {"Old": ("New", 42)})
        with pytest.warns(DeprecationWarning, match=r"propstd\.x\.Old is deprecated; use"):
            assert hook("Old") == 42
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            with pytest.raises(AttributeError):
                hook("Missing")


class TestLimits:
    def test_text(self) -> None:
        """Parsers refuse text over 10,000 characters."""
        assert _validators.check_text("text", "ok") == "ok"
        with pytest.raises(InvalidValueError) as e:
            _validators.check_text("text", "x" * 10_001)
        assert e.value.field == "text"

    def test_dates(self) -> None:
        """Dates outside years 0002-9998 are refused, instants by their date."""
        assert _time.check_in_range("d", date(2, 1, 1)) == date(2, 1, 1)
        t = datetime(9998, 12, 31, 23, tzinfo=UTC)
        assert _time.check_in_range("t", t) == t
        for bad in (date(1, 12, 31), date(9999, 1, 1)):
            with pytest.raises(InvalidValueError) as e:
                _time.check_in_range("d", bad)
            assert (e.value.field, e.value.value) == ("d", bad)


class TestExactNumbers:
    def test_sizes_refused(self) -> None:
        """Numbers too large for arithmetic to finish are refused at once, not computed."""
        for huge in (Decimal("1e999999999"), Fraction(10**1_100_000, 3), 10**1_100_000):
            with pytest.raises(InvalidValueError) as e:
                _validators.to_fraction("x", huge)
            assert e.value.field == "x"

    def test_huge_ints_in_messages(self) -> None:
        """A type error about a huge int still has a message (no 4,300-digit limit)."""
        with pytest.raises(TypeError, match="about 5000 digits"):
            _validators.check_str("name", 10**5000)

    def test_units_of_any_size(self) -> None:
        """from_units is exact for integers of any number of digits."""
        value = _numbers.from_units(10**5000 + 7, 2)
        assert str(value).endswith("0.07")
