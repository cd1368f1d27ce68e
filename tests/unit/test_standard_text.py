"""TOML out, and line numbers of paths in TOML and JSON text (propstd.standard's text layer)."""

from __future__ import annotations

import json
import tomllib
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from propstd.standard._text import dumps_toml, json_lines, line_of, toml_lines

# plain data a document holds: no floats, no None inside lists (TOML has no null)
_KEYS = st.text(min_size=0, max_size=8)
_SCALARS = st.one_of(
    st.booleans(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.text(max_size=20),
)


def _values(depth: int) -> st.SearchStrategy[Any]:
    if depth == 0:
        return _SCALARS
    inner = _values(depth - 1)
    return st.one_of(
        _SCALARS,
        st.lists(_SCALARS, max_size=4),
        st.lists(st.dictionaries(_KEYS, inner, max_size=3), min_size=1, max_size=3),
        st.dictionaries(_KEYS, inner, max_size=4),
    )


_DOCUMENTS = st.dictionaries(_KEYS, _values(3), max_size=6)


class TestDumps:
    @given(_DOCUMENTS)
    def test_reads_back(self, data: dict[str, Any]) -> None:
        """Whatever plain data is written, tomllib reads the same data back."""
        assert tomllib.loads(dumps_toml(data)) == data

    def test_none_is_left_out(self) -> None:
        """TOML has no null: a None value is not written (its key reads as missing)."""
        assert tomllib.loads(dumps_toml({"a": None, "b": {"c": None, "d": 1}})) == {"b": {"d": 1}}

    def test_escapes_and_keys(self) -> None:
        """Quotes, backslashes, control characters and odd keys survive."""
        data = {"a.b": 'say "hi"\\\n\t\x01\x7f', "": "empty key", "中文": "值"}
        text = dumps_toml(data)
        assert '"a.b" = ' in text
        assert tomllib.loads(text) == data

    def test_header_comments(self) -> None:
        """Header lines are written as comments first."""
        text = dumps_toml({"a": 1}, header=("line one", ""))
        assert text.startswith("# line one\n#\n\na = 1\n")

    def test_tables_without_own_keys_get_no_header(self) -> None:
        """A table holding only sub-tables is defined by them; an empty table is written."""
        text = dumps_toml({"calendars": {"office": {"zone": "UTC"}}, "empty": {}})
        assert "[calendars]" not in text
        assert "[calendars.office]" in text
        assert "[empty]" in text

    def test_inline_values(self) -> None:
        """Lists of lists and lists mixing records with scalars are written inline."""
        data = {"pairs": [["a", 1], ["b", 2]], "mixed": [1, {"x": True}], "empty": []}
        assert tomllib.loads(dumps_toml(data)) == data

    def test_floats_are_refused(self) -> None:
        """A float cannot be exact: the writer refuses it."""
        with pytest.raises(TypeError, match="TOML cannot hold float"):
            dumps_toml({"a": 1.5})


_TOML = """\
# a comment
name = "x"  # trailing [not a header]
"quoted.key" = 1
dotted.key = 2
text = \"\"\"
[not a header]
key = 3
\"\"\"

[a]
b = [
  1,
  [2, 3],
]
c = { d = 1, e = "}" }

[[a.list]]
x = 1

[[a.list]]
x = 2

[[a.list.inner]]
y = 1

[a.list.sub]
z = 'it''s'
"""


class TestTomlLines:
    def test_paths(self) -> None:
        """Keys, dotted and quoted keys, tables and arrays of tables get their lines."""
        lines = toml_lines(_TOML)
        assert lines[("name",)] == 2
        assert lines[("quoted.key",)] == 3
        assert lines[("dotted", "key")] == 4
        assert lines[("text",)] == 5
        assert ("not a header",) not in lines
        assert ("key",) not in lines  # inside the multi-line string
        assert lines[("a",)] == 10
        assert lines[("a", "b")] == 11
        assert lines[("a", "c")] == 15
        assert lines[("a", "list", 0)] == 17
        assert lines[("a", "list", 0, "x")] == 18
        assert lines[("a", "list", 1, "x")] == 21
        assert lines[("a", "list", 1, "inner", 0, "y")] == 24
        assert lines[("a", "list", 1, "sub", "z")] == 27

    def test_nearest_enclosing(self) -> None:
        """A path with no line of its own takes its nearest enclosing key's."""
        lines = toml_lines(_TOML)
        assert line_of(lines, ("a", "c", "d")) == 15
        assert line_of(lines, ("a", "b", 1, 0)) == 11
        assert line_of(lines, ("nothing", "here")) is None
        assert line_of({}, ()) is None

    def test_unterminated_string_is_one_line(self) -> None:
        """An unterminated multi-line string is folded onto the line it starts on."""
        assert toml_lines('a = 1\nb = """\nnever closed') == {("a",): 1, ("b",): 2}

    def test_line_of_a_written_document(self) -> None:
        """Lines found in what dumps_toml wrote point at the right keys."""
        data = {"name": "n", "complaints": {"ladder": [{"after": "2 hours"}, {"after": "x"}]}}
        text = dumps_toml(data)
        lines = toml_lines(text)
        line = lines[("complaints", "ladder", 1, "after")]
        assert text.splitlines()[line - 1] == 'after = "x"'


class TestJsonLines:
    def test_paths(self) -> None:
        """Every value's first line, keys included, in nested objects and arrays."""
        text = '{\n  "a": {"b": [1,\n    {"c": "x\\"y"}]},\n  "d": true,\n  "e": "\\u4e2d"\n}'
        json.loads(text)
        lines = json_lines(text)
        assert lines[()] == 1
        assert lines[("a",)] == 2
        assert lines[("a", "b", 0)] == 2
        assert lines[("a", "b", 1)] == 3
        assert lines[("a", "b", 1, "c")] == 3
        assert lines[("d",)] == 4
        assert lines[("e",)] == 5

    def test_empty_containers(self) -> None:
        """Empty objects and arrays are values with lines too."""
        assert json_lines('{"a": {},\n "b": []}') == {(): 1, ("a",): 1, ("b",): 2}


def test_lines_without_a_key() -> None:
    """A line that is neither a header nor a key (a stray word) has no path."""
    assert toml_lines("stray words\nkey = 1\n") == {("key",): 2}


def test_escaped_quotes_in_multi_line_arrays() -> None:
    """A quote escaped inside a string of a multi-line array does not end the string."""
    text = 'a = [\n  "x\\" ]",\n  "y",\n]\nb = 2\n'
    assert tomllib.loads(text) == {"a": ['x" ]', "y"], "b": 2}
    assert toml_lines(text) == {("a",): 1, ("b",): 5}
