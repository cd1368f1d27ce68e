"""Unit tests for the private validators: messages name the field and show the value."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import pytest

from propstd._validators import (
    at_least,
    aware,
    check_aware,
    check_date,
    check_nonblank,
    check_timedelta,
    check_type,
    exact_number,
    field_name,
    is_date,
    is_int,
    is_str,
    nonblank,
    optional_aware,
    to_fraction,
    to_tuple,
    tuple_of,
)
from propstd.errors import InvalidValueError, NaiveDatetimeError


@attrs.frozen(kw_only=True)
class Sample:
    """A record using every attrs validator (test record)."""

    name: str = attrs.field(validator=nonblank)
    code: str = attrs.field(default="x", validator=is_str)
    on: date = attrs.field(default=date(2025, 3, 1), validator=is_date)
    count: int = attrs.field(default=1, validator=is_int)
    size: int = attrs.field(default=1, validator=at_least(1))
    at: datetime | None = attrs.field(default=None, validator=optional_aware)
    tags: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, validator=tuple_of(str))
    flags: tuple[bool, ...] = attrs.field(default=(), converter=to_tuple, validator=tuple_of(bool))
    nums: tuple[int, ...] = attrs.field(
        default=(), converter=to_tuple, validator=tuple_of((int, str))
    )


make: Any = Sample  # the tests pass wrong types on purpose


@pytest.mark.parametrize(
    ("build", "error", "match"),
    [
        pytest.param(
            lambda: make(name=" "),
            InvalidValueError,
            r"'name' must not be empty, got ' '",
            id="blank",
        ),
        pytest.param(
            lambda: make(name=1), TypeError, r"'name' must be a str, got int 1", id="name-int"
        ),
        pytest.param(
            lambda: make(name="a", code=None), TypeError, r"'code' must be a str", id="code"
        ),
        pytest.param(
            lambda: make(name="a", on=datetime(2025, 3, 1)),
            TypeError,
            r"'on' must be a date \(not a datetime\)",
            id="on",
        ),
        pytest.param(
            lambda: make(name="a", count=True),
            TypeError,
            r"'count' must be an int, got bool True",
            id="count",
        ),
        pytest.param(
            lambda: make(name="a", size=0),
            InvalidValueError,
            r"'size' must be at least 1, got 0",
            id="size",
        ),
        pytest.param(
            lambda: make(name="a", at=datetime(2025, 3, 1)),
            NaiveDatetimeError,
            r"'at' must be timezone-aware.*'2025-03-01T00:00:00'",
            id="naive",
        ),
        pytest.param(
            lambda: make(name="a", at="2025"),
            TypeError,
            r"'at' must be a datetime, got str",
            id="at-str",
        ),
        pytest.param(
            lambda: make(name="a", tags=["a", 1]),
            TypeError,
            r"tags\[1\] must be str, got int 1",
            id="tags",
        ),
        pytest.param(
            lambda: make(name="a", tags="ab"),
            TypeError,
            r"expected a sequence of values, got the string 'ab'",
            id="tags-str",
        ),
        pytest.param(
            lambda: make(name="a", nums=[True]),
            TypeError,
            r"nums\[0\] must be \(<class 'int'>, <class 'str'>\), got bool",
            id="nums-bool",
        ),
    ],
)
def test_validators(build: Callable[[], Any], error: type, match: str) -> None:
    """Each validator raises the right error naming the field and the value."""
    with pytest.raises(error, match=match):
        build()


def test_valid_sample_and_helpers() -> None:
    """Valid values pass; the helpers name fields and check durations."""
    sample = make(name="a", tags=["x"], flags=[True], nums=[1, "2"])
    assert sample.tags == ("x",)
    assert sample.flags == (True,)
    assert field_name("x") == "x"
    assert field_name(attrs.fields(Sample).name) == "name"
    assert check_nonblank("n", "ok") == "ok"
    assert check_timedelta("d", timedelta(1)) == timedelta(1)
    with pytest.raises(TypeError, match="'d' must be a timedelta, got int 1"):
        check_timedelta("d", 1)
    assert check_date("d", date(2025, 3, 1)) == date(2025, 3, 1)
    with pytest.raises(TypeError, match="'m' must be Decimal, got str 'x'"):
        check_type("m", "x", Decimal)
    assert to_fraction("f", Decimal("0.5")) == Fraction(1, 2)
    with pytest.raises(TypeError, match=r"'f' must be an exact number.*float 0\.5"):
        exact_number("f", 0.5)
    with pytest.raises(InvalidValueError, match=r"'f' must be finite, got Decimal\('NaN'\)"):
        exact_number("f", Decimal("NaN"))
    assert check_aware("t", datetime(2025, 3, 1, tzinfo=UTC)).tzinfo is UTC
    stamp = attrs.make_class("Stamp", {"at": attrs.field(validator=aware)})
    with pytest.raises(NaiveDatetimeError, match="'at' must be timezone-aware"):
        stamp(datetime(2025, 3, 1))
