"""Unit tests for the private time helpers (zones and the DST policy)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from propstd._time import (
    MAX_DATE,
    add_months,
    after,
    day_start,
    in_zone,
    latest,
    local_instant,
    to_utc,
    zone,
)
from propstd.errors import InvalidValueError, NaiveDatetimeError

BERLIN = ZoneInfo("Europe/Berlin")


@pytest.mark.parametrize(
    ("key", "error", "match"),
    [
        pytest.param("Mars/Olympus", InvalidValueError, r"'zone'.*'Mars/Olympus'", id="unknown"),
        pytest.param("", InvalidValueError, r"'zone'.*''", id="empty"),
        pytest.param("../etc/passwd", InvalidValueError, r"'zone'", id="path"),
        pytest.param(8, TypeError, r"'zone' must be a str, got int", id="int"),
        pytest.param(None, TypeError, r"'zone'.*NoneType", id="none"),
    ],
)
def test_zone_bad_keys(key: Any, error: type, match: str) -> None:
    """Unknown or non-string zone keys are refused, naming the key."""
    with pytest.raises(error, match=match):
        zone(key)


def test_zone_known_keys() -> None:
    """UTC is datetime.UTC; other keys are zoneinfo zones."""
    assert zone("UTC") is UTC
    assert zone("Asia/Shanghai") == ZoneInfo("Asia/Shanghai")


@pytest.mark.parametrize(
    ("day", "clock", "expected"),
    [
        pytest.param(date(2025, 3, 1), time(9), "2025-03-01T09:00:00+01:00", id="winter"),
        pytest.param(date(2025, 3, 30), time(2, 30), "2025-03-30T03:00:00+02:00", id="gap"),
        pytest.param(date(2025, 3, 30), time(2), "2025-03-30T03:00:00+02:00", id="gap-start"),
        pytest.param(date(2025, 10, 26), time(2, 30), "2025-10-26T02:30:00+02:00", id="overlap"),
        pytest.param(date(2025, 10, 26), time(3), "2025-10-26T03:00:00+01:00", id="after-overlap"),
    ],
)
def test_local_instant_dst_policy(day: date, clock: time, expected: str) -> None:
    """A gap moves forward to the first real instant; an overlap takes the first occurrence."""
    assert local_instant(day, clock, BERLIN).isoformat() == expected


def test_utc_and_day_start() -> None:
    """UTC needs no resolution; day_start is local midnight; to_utc keeps the instant."""
    assert local_instant(date(2025, 3, 30), time(2, 30), UTC).isoformat() == (
        "2025-03-30T02:30:00+00:00"
    )
    start = day_start(date(2025, 3, 30), BERLIN)
    assert start.isoformat() == "2025-03-30T00:00:00+01:00"
    t = datetime(2025, 3, 1, 9, tzinfo=timezone(timedelta(hours=8)))
    assert to_utc(t) == t
    assert to_utc(t).tzinfo is UTC


KIRITIMATI = ZoneInfo("Pacific/Kiritimati")
PLUS_14 = timezone(timedelta(hours=14))  # Kiritimati keeps its local mean time before 1901


class _OddDatetime(datetime):
    """A datetime whose subtraction fails: its own TypeError must surface."""

    def __sub__(self, other: object) -> Any:
        msg = "odd"
        raise TypeError(msg)


class TestInZone:
    """in_zone: an instant in a zone, if its date there is within 0002-9998."""

    def test_inside(self) -> None:
        """An instant inside the range comes back in the zone."""
        t = datetime(2025, 3, 1, 20, tzinfo=UTC)
        assert in_zone("t", t, KIRITIMATI) == datetime(2025, 3, 2, 10, tzinfo=KIRITIMATI)

    @pytest.mark.parametrize(
        ("t", "tz"),
        [
            pytest.param(datetime(1, 1, 1, tzinfo=KIRITIMATI), UTC, id="before-year-1"),
            pytest.param(datetime(2, 1, 1, 5, tzinfo=PLUS_14), UTC, id="year-1-in-utc"),
            pytest.param(datetime(9998, 12, 31, 12, tzinfo=UTC), KIRITIMATI, id="9999-east"),
            pytest.param(datetime(9999, 12, 31, 23, tzinfo=UTC), BERLIN, id="end"),
        ],
    )
    def test_outside(self, t: datetime, tz: Any) -> None:
        """Dates outside 0002-9998 in the zone raise InvalidValueError with field and value."""
        with pytest.raises(
            InvalidValueError, match=r"'t' must fall within years 0002-9998"
        ) as info:
            in_zone("t", t, tz)
        assert (info.value.field, info.value.value) == ("t", t)

    def test_naive_and_odd(self) -> None:
        """A naive datetime raises NaiveDatetimeError; an odd one its own TypeError."""
        with pytest.raises(NaiveDatetimeError):
            in_zone("t", datetime(2025, 3, 1), UTC)
        with pytest.raises(TypeError, match="odd"):
            in_zone("t", _OddDatetime(2025, 3, 1, tzinfo=UTC), UTC)


def test_latest() -> None:
    """The latest instant propstd gives is 24:00 of 9998-12-31 in the zone."""
    assert latest(KIRITIMATI) == datetime(9999, 1, 1, tzinfo=KIRITIMATI)
    assert latest(UTC).date() == MAX_DATE + timedelta(days=1)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        pytest.param(date(2025, 1, 31), 1, date(2025, 2, 28), id="clip"),
        pytest.param(date(2024, 1, 31), 1, date(2024, 2, 29), id="leap"),
        pytest.param(date(2025, 1, 31), 3, date(2025, 4, 30), id="april"),
        pytest.param(date(2025, 1, 31), 2, date(2025, 3, 31), id="back-to-31"),
        pytest.param(date(2025, 11, 15), 2, date(2026, 1, 15), id="year-end"),
        pytest.param(date(2025, 3, 15), -3, date(2024, 12, 15), id="backwards"),
        pytest.param(date(9998, 12, 1), 1, None, id="past-9998"),
        pytest.param(date(2, 1, 1), -1, None, id="before-0002"),
    ],
)
def test_add_months(day: date, months: int, expected: date | None) -> None:
    """Months keep the day of month, clip at month end, and stop at the range."""
    assert add_months(day, months) == expected


def test_zone_error_carries_the_key() -> None:
    """The refusal has field 'zone' and the key as its value, shown cut to 200 characters."""
    with pytest.raises(InvalidValueError) as info:
        zone("x" * 5000)
    assert (info.value.field, info.value.value) == ("zone", "x" * 5000)
    assert len(str(info.value)) < 300


class TestAfter:
    """after: real elapsed time after an instant, within the range or None."""

    def test_real_time_across_dst(self) -> None:
        """24 hours across Berlin's spring forward end at 13:00 CEST, not 12:00."""
        t = datetime(2025, 3, 29, 12, tzinfo=BERLIN)
        assert after("t", t, timedelta(hours=24), BERLIN) == datetime(
            2025, 3, 30, 13, tzinfo=BERLIN
        )

    def test_up_to_the_last_instant(self) -> None:
        """The end of 9998-12-31 is reached; a microsecond later is None."""
        t = datetime(9998, 12, 31, 12, tzinfo=UTC)
        assert after("t", t, timedelta(hours=12), UTC) == latest(UTC)
        assert after("t", t, timedelta(hours=12, microseconds=1), UTC) is None
        assert after("t", t, timedelta(days=999_999_999), UTC) is None  # past datetime.max

    def test_start_outside(self) -> None:
        """A start outside 0002-9998 raises InvalidValueError naming it."""
        t = datetime(1, 6, 1, tzinfo=UTC)
        with pytest.raises(InvalidValueError, match=r"'t' must fall within") as info:
            after("t", t, timedelta(hours=1), UTC)
        assert info.value.value == t

    def test_naive_and_odd(self) -> None:
        """A naive datetime raises NaiveDatetimeError; an odd one its own TypeError."""
        with pytest.raises(NaiveDatetimeError):
            after("t", datetime(2025, 3, 1), timedelta(0), UTC)
        with pytest.raises(TypeError, match="odd"):
            after("t", _OddDatetime(2025, 3, 1, tzinfo=UTC), timedelta(0), UTC)
