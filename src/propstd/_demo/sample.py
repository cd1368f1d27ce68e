"""Facts of the sample property 翠湖花园 shared by every demo section (private).

The numbers are the sample's own choices, typical of a mid-range residential project in South
China; they are not a standard and never become library defaults.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from propstd.periods import Period

NAME = "翠湖花园 Cuihu Garden, Shenzhen"
ZONE = "Asia/Shanghai"
TZ = ZoneInfo(ZONE)
TOWERS = 12
HOUSEHOLDS = 1150
AREA_M2 = 120_000
PARKING_SPACES = 900
SERVICE_CENTRE_HOURS = "08:30-18:00"  # daily, weekends and holidays included
OFFICE_HOURS = "08:30-12:00,13:30-17:30"  # china_calendar(hours=OFFICE_HOURS)
MONTH = Period.parse("2025-03")
AS_OF = datetime(2025, 4, 1, 9, 0, tzinfo=TZ)
ANCHOR = date(2025, 1, 6)  # a Monday: the anchor of every inspection schedule
