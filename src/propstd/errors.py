"""Every exception that propstd raises on purpose.

All of them derive from [PropstdError][propstd.errors.PropstdError] *and* from the closest
builtin, so both `except PropstdError` and `except ValueError` (or `LookupError`) work. Each
message names the field or input and shows the offending value.

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
    """Base class of every error that propstd raises on purpose."""


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
        text: the text that could not be parsed.
    """

    def __init__(self, message: str, text: str = "") -> None:
        super().__init__(message, text)
        self.message = message
        self.text = text

    def __str__(self) -> str:
        return self.message


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
    """One problem found in plain data: where it is and what is wrong.

    Examples:
        >>> Problem("lines[3].annual.amount", "expected a string, got 1.5")
        Problem(path='lines[3].annual.amount', message='expected a string, got 1.5')
        >>> str(Problem("lines[3].annual.amount", "expected a string, got 1.5"))
        'lines[3].annual.amount: expected a string, got 1.5'
    """

    path: str
    """Dotted path to the offending value (`$` or `""` is the root)."""
    message: str
    """What is wrong with it."""

    def __str__(self) -> str:
        return f"{self.path or '$'}: {self.message}"


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

    def __init__(self, message: str, problems: Iterable[Problem]) -> None:
        problems = tuple(problems)
        super().__init__(message, problems)
        self.message = message
        self.problems: tuple[Problem, ...] = problems

    def __str__(self) -> str:
        lines = [self.message, *(f"  {p}" for p in self.problems)]
        return "\n".join(lines)
