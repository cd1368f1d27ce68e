"""Unit tests for the private time helpers (zones and the DST policy)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from propstd._time import day_start, local_instant, to_utc, zone
from propstd.errors import InvalidValueError

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
