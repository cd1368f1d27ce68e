"""Unit tests for propstd.errors: the hierarchy, messages and pickling."""

from __future__ import annotations

import pickle

import pytest

from propstd.errors import (
    CalendarCoverageError,
    CurrencyMismatchError,
    InexactAmountError,
    InvalidDataError,
    InvalidValueError,
    NaiveDatetimeError,
    ParseError,
    Problem,
    PropstdError,
    TransitionError,
)


@pytest.mark.parametrize(
    ("error", "builtin"),
    [
        pytest.param(InvalidValueError, ValueError, id="invalid-value"),
        pytest.param(NaiveDatetimeError, ValueError, id="naive"),
        pytest.param(InexactAmountError, ValueError, id="inexact"),
        pytest.param(ParseError, ValueError, id="parse"),
        pytest.param(CurrencyMismatchError, ValueError, id="currency"),
        pytest.param(CalendarCoverageError, LookupError, id="coverage"),
        pytest.param(TransitionError, ValueError, id="transition"),
        pytest.param(InvalidDataError, ValueError, id="data"),
    ],
)
def test_every_error_is_also_a_builtin(error: type[Exception], builtin: type[Exception]) -> None:
    """Each concrete error derives from PropstdError and from the matching builtin."""
    assert issubclass(error, PropstdError)
    assert issubclass(error, builtin)


def test_naive_and_inexact_are_invalid_values() -> None:
    """NaiveDatetimeError and InexactAmountError are InvalidValueErrors."""
    assert issubclass(NaiveDatetimeError, InvalidValueError)
    assert issubclass(InexactAmountError, InvalidValueError)


def test_parse_error_keeps_the_text() -> None:
    """ParseError shows its message and keeps the text it could not read."""
    err = ParseError("cannot read 'x'", "x")
    assert str(err) == "cannot read 'x'"
    assert err.text == "x"
    assert err.message == "cannot read 'x'"


def test_problem_str_names_the_root_as_dollar() -> None:
    """A problem at the root prints as `$`."""
    assert str(Problem("", "bad")) == "$: bad"
    assert str(Problem("$", "bad")) == "$: bad"
    assert str(Problem("a.b[1]", "bad")) == "a.b[1]: bad"


def test_invalid_data_error_lists_every_problem() -> None:
    """InvalidDataError prints its summary and one line per problem."""
    err = InvalidDataError("2 problems", [Problem("a", "x"), Problem("b[0]", "y")])
    assert err.problems == (Problem("a", "x"), Problem("b[0]", "y"))
    assert str(err) == "2 problems\n  a: x\n  b[0]: y"


@pytest.mark.parametrize(
    "error",
    [
        pytest.param(InvalidValueError("'x' bad"), id="invalid-value"),
        pytest.param(ParseError("cannot read", "2025-13"), id="parse"),
        pytest.param(InvalidDataError("bad", [Problem("a", "x")]), id="data"),
        pytest.param(CalendarCoverageError("2099"), id="coverage"),
    ],
)
def test_errors_pickle(error: PropstdError) -> None:
    """Errors survive pickling with their attributes."""
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error)
    assert str(copy) == str(error)
    assert copy.args == error.args
