"""The facts of the sample property every part of propstd.samples shares (private).

The numbers are the sample's own choices (`shared/domain/sample-property.md`), typical of a
mid-range residential project in South China; they are not a standard and never become
library defaults.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from propstd.periods import Period

__all__: list[str] = []

NAME = "翠湖花园"
ZONE = "Asia/Shanghai"
TZ = ZoneInfo(ZONE)
CITY = "深圳"
AREA_M2 = 120_000
HOUSEHOLDS = 1_150
PARKING_SPACES = 900
OFFICE_HOURS = "08:30-12:00,13:30-17:30"  # engineering office and management, China calendar
SERVICE_HOURS = "08:30-18:00"  # the service centre, daily (weekends and holidays included)
MONTH = Period.parse("2025-03")
AS_OF = datetime(2025, 4, 1, 9, 0, tzinfo=TZ)


def at(month: int, day: int, hhmm: str) -> datetime:
    """The instant `hh:mm` on *day* of *month* 2025, Beijing time."""
    hour, minute = (int(part) for part in hhmm.split(":"))
    return datetime(2025, month, day, hour, minute, tzinfo=TZ)
