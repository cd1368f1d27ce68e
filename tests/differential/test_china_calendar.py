"""china_calendar() against chinesecalendar and holidays (China), every date 2008-2026.

`holidays` marks 调休 make-up working days in `country_holidays("CN").weekend_workdays` (a
set of weekend dates that work); its mapping holds the days off. chinesecalendar answers
`is_workday(d)`.
The two packages agree on every date 2008-2026 (checked by `test_sources_agree`); had they
disagreed, the State Council notice of that year (named in `propstd.calendars._china`) would
decide, and the date would be listed here with the notice.

Notable years, where both packages follow the later notices:
- 2019: 国办发明电〔2019〕3号 extended May Day to four days (04-28 and 05-05 work).
- 2020: 国办发明电〔2020〕1号 extended Spring Festival to 02-02 (COVID-19); 01-31 is off and
  the 02-01 make-up Saturday was cancelled.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import chinese_calendar
import holidays
import pytest

from propstd.calendars import _china, china_calendar

FIRST = date(_china.FIRST_YEAR, 1, 1)
LAST = date(_china.LAST_YEAR, 12, 31)
CN = china_calendar()
HOLIDAYS_CN = holidays.country_holidays("CN", years=range(_china.FIRST_YEAR, _china.LAST_YEAR + 1))


def every_date() -> Iterator[date]:
    """Every date of the covered years."""
    d = FIRST
    while d <= LAST:
        yield d
        d += timedelta(days=1)


def holidays_says_working(d: date) -> bool:
    """holidays' answer: a make-up weekend day, or a weekday that is not a day off."""
    return d in HOLIDAYS_CN.weekend_workdays or (d.weekday() < 5 and d not in HOLIDAYS_CN)


def test_sources_agree() -> None:
    """chinesecalendar and holidays agree on every date (no disagreement to resolve)."""
    disagree = [
        d for d in every_date() if chinese_calendar.is_workday(d) != holidays_says_working(d)
    ]
    assert disagree == []


def test_against_chinesecalendar() -> None:
    """is_working_day equals chinesecalendar.is_workday on every date."""
    wrong = [d for d in every_date() if CN.is_working_day(d) != chinese_calendar.is_workday(d)]
    assert wrong == []


def test_against_holidays() -> None:
    """is_working_day equals holidays' China answer on every date."""
    wrong = [d for d in every_date() if CN.is_working_day(d) != holidays_says_working(d)]
    assert wrong == []


def test_working_days_count_per_year() -> None:
    """working_days_between over each year equals chinesecalendar's count."""
    for year in range(_china.FIRST_YEAR, _china.LAST_YEAR + 1):
        start, end = date(year, 1, 1), date(year + 1, 1, 1)
        expected = len(chinese_calendar.get_workdays(start, end - timedelta(days=1)))
        assert CN.working_days_between(start, end) == expected, year


@pytest.mark.parametrize("year", range(_china.FIRST_YEAR, _china.LAST_YEAR + 1))
def test_every_year_names_its_notice(year: int) -> None:
    """Each year of data names the State Council notice it comes from."""
    entry = _china.YEARS[year - _china.FIRST_YEAR]
    assert entry.year == year
    assert entry.notices
    # 国办发明电: the State Council General Office's yearly notice; 国发明电: the State Council's
    # own (2015: the Victory Day 70th-anniversary days off, 09-03 and 09-04).
    assert all(
        n.startswith(("国办发明电〔", "国发明电〔")) and n.endswith("号") for n in entry.notices
    )


def test_not_beyond_the_data() -> None:
    """The first date after the data is refused, not guessed."""
    from propstd.errors import CalendarCoverageError

    with pytest.raises(CalendarCoverageError):
        CN.is_working_day(LAST + timedelta(days=1))
