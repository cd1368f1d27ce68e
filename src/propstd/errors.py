"""Every exception that propstd raises on purpose.

All of them derive from [PropstdError][propstd.errors.PropstdError] *and* from the closest
builtin, so both `except PropstdError` and `except ValueError` (or `LookupError`) work. Each
message names the field or input and shows the offending value.

Every error carries data as well as words: `field` names the argument, attribute or column
that is wrong (or is `None` when no single field is to blame) and `value` holds the offending
input itself, so a program can react without reading the message (the message shows the value
through a bounded repr of at most 200 characters).

`TypeError` (the plain builtin) is kept for wrong Python types, such as a `float` where an exact
number is required: that is a programming error, not bad data.

Examples:
    >>> from propstd.errors import InvalidValueError, PropstdError
    >>> issubclass(InvalidValueError, ValueError) and issubclass(InvalidValueError, PropstdError)
    True
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

__all__ = [
    "CalendarCoverageError",
    "CurrencyMismatchError",
    "InexactAmountError",
    "InvalidDataError",
    "InvalidValueError",
    "NaiveDatetimeError",
    "ParseError",
    "Problem",
    "PropstdError",
    "TransitionError",
]


def __dir__() -> list[str]:
    return __all__


class PropstdError(Exception):
    """Base class of every error that propstd raises on purpose.

    Args:
        message: what is wrong, naming the field and showing the value.
        field: the argument, attribute or column at fault (`None` when no single one is).
        value: the offending input itself (not a copy, not its text).

    Attributes:
        message: the message.
        field: the argument, attribute or column at fault, or `None`.
        value: the offending input (`None` when there is none to show).

    Examples:
        >>> err = PropstdError("'count' must be at least 1, got 0", field="count", value=0)
        >>> err.field, err.value, str(err)
        ('count', 0, "'count' must be at least 1, got 0")
    """

    def __init__(
        self, message: str = "", *, field: str | None = None, value: object = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        self.value = value

    def __str__(self) -> str:
        return self.message

    def __reduce__(self) -> tuple[object, ...]:
        # keep field and value through pickling (multiprocessing, dask workers)
        return (_rebuild, (type(self), self.__dict__.copy()))


def _rebuild(cls: type[PropstdError], state: dict[str, object]) -> PropstdError:
    err = cls.__new__(cls)
    Exception.__init__(err, state.get("message", ""))
    err.__dict__.update(state)
    return err


class InvalidValueError(PropstdError, ValueError):
    """A value breaks a domain rule (a negative count, an empty window, an unknown code)."""


class NaiveDatetimeError(InvalidValueError):
    """A `datetime` without a UTC offset was given where an instant is needed."""


class InexactAmountError(InvalidValueError):
    """An amount has more decimal places than its currency allows.

    Round explicitly with [Money.rounded][propstd.money.Money.rounded] instead.
    """


class ParseError(InvalidValueError):
    """A text (a time limit, a frequency, a period, a target) could not be read.

    Attributes:
        text: the text that could not be parsed (also its `value`).
    """

    def __init__(self, message: str, text: str = "", *, field: str | None = None) -> None:
        super().__init__(message, field=field, value=text)
        self.text = text


class CurrencyMismatchError(PropstdError, ValueError):
    """Two amounts in different currencies were combined or compared."""


class CalendarCoverageError(PropstdError, LookupError):
    """A calendar was asked about a date outside the years its data covers.

    propstd never guesses whether a day outside the published holiday data is a working day.
    """


class TransitionError(PropstdError, ValueError):
    """An event is not allowed in the current state, or arrives out of order."""


@attrs.frozen
class Problem:
    """One problem found in plain data or text: where it is and what is wrong.

    Examples:
        >>> Problem("lines[3].annual.amount", "expected a string, got 1.5")  # doctest: +ELLIPSIS
        Problem(path='lines[3].annual.amount', message='expected a string, got 1.5', ...)
        >>> str(Problem("lines[3].annual.amount", "expected a string, got 1.5"))
        'lines[3].annual.amount: expected a string, got 1.5'
        >>> str(Problem("complaints.ladder[2].after", "must be a time limit", line=41))
        'line 41: complaints.ladder[2].after: must be a time limit'
        >>> str(Problem("", "'at' has no UTC offset", line=7, column="at"))
        "line 7, column at: 'at' has no UTC offset"
    """

    path: str
    """Dotted path to the offending value (`$` or `""` is the root)."""
    message: str
    """What is wrong with it."""
    line: int | None = attrs.field(default=None, kw_only=True)
    """The line of the text it was read from (1 is the first), when it came from text."""
    column: str | None = attrs.field(default=None, kw_only=True)
    """The column (of a table) it was read from, when it came from a table."""

    def __str__(self) -> str:
        where = []
        if self.line is not None:
            where.append(f"line {self.line}")
        if self.column is not None:
            where.append(f"column {self.column}")
        place = ", ".join(where)
        if self.path or not place:
            place = f"{place}: {self.path or '$'}" if place else self.path or "$"
        return f"{place}: {self.message}"


class InvalidDataError(PropstdError, ValueError):
    """Plain data could not be turned into propstd values.

    Every problem found is listed in `problems`, each with its path, so a caller can fix them
    all at once.

    Attributes:
        message: a summary line.
        problems: every problem found, in the order met.

    Examples:
        >>> err = InvalidDataError("bad money", [Problem("amount", "floats are not exact")])
        >>> err.problems[0].path
        'amount'
        >>> print(err)
        bad money
          amount: floats are not exact
    """

    def __init__(
        self, message: str, problems: Iterable[Problem], *, field: str | None = None
    ) -> None:
        problems = tuple(problems)
        super().__init__(message, field=field, value=problems)
        self.problems: tuple[Problem, ...] = problems

    def __str__(self) -> str:
        lines = [self.message, *(f"  {p}" for p in self.problems)]
        return "\n".join(lines)
