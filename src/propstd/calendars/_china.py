"""The State Council's public holidays and make-up working days (放假调休), 2008-2026.

One entry per year, naming the 国务院办公厅 notice(s) that set it. `off` lists the weekdays
(Monday-Friday) without work; `work` lists the Saturdays and Sundays that are working days (调休).
Weekend days off and ordinary weekdays are implied. Dates are `MMDD`.

The data was cross-checked date by date against chinesecalendar 1.11.0 and holidays 0.109
(`tests/differential/test_china_calendar.py`); the two packages agree on every date 2008-2026.
2027 is not included: its notice is not in either package yet (chinesecalendar stops at 2026;
holidays computes 2027 from rules, without make-up days).

References:
    国务院办公厅关于<year>年部分节假日安排的通知 (one a year), published on www.gov.cn and in
    the State Council Gazette (国务院公报).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import NamedTuple

from propstd._repr import shown
from propstd._validators import check_date, check_int
from propstd.calendars._notice import read_notice
from propstd.errors import InvalidValueError

__all__: list[str] = []


class _Year(NamedTuple):
    year: int
    notices: tuple[str, ...]
    off: str
    work: str
    note: str = ""


FIRST_YEAR = 2008
LAST_YEAR = 2026

YEARS: tuple[_Year, ...] = (
    _Year(
        2008,
        notices=("国办发明电〔2007〕52号",),
        off="0101 0206 0207 0208 0211 0212 0404 0501 0502 0609 0915 0929 0930 1001 1002 1003",
        work="0202 0203 0504 0927 0928",
        note="",
    ),
    _Year(
        2009,
        notices=("国办发明电〔2008〕42号",),
        off="0101 0102 0126 0127 0128 0129 0130 0406 0501 0528 0529 1001 1002 1005 1006 1007 1008",
        work="0104 0124 0201 0531 0927 1010",
        note="",
    ),
    _Year(
        2010,
        notices=("国办发明电〔2009〕27号",),
        off=(
            "0101 0215 0216 0217 0218 0219 0405 0503 0614 0615 0616 0922 0923 0924 "
            "1001 1004 1005 1006 1007"
        ),
        work="0220 0221 0612 0613 0919 0925 0926 1009",
        note="",
    ),
    _Year(
        2011,
        notices=("国办发明电〔2010〕40号", "国办发明电〔2011〕45号"),
        off="0103 0202 0203 0204 0207 0208 0404 0405 0502 0606 0912 1003 1004 1005 1006 1007",
        work="0130 0212 0402 1008 1009 1231",
        note="12-31 (Saturday) works under the 2012 notice.",
    ),
    _Year(
        2012,
        notices=("国办发明电〔2011〕45号",),
        off=(
            "0102 0103 0123 0124 0125 0126 0127 0402 0403 0404 0430 0501 0622 1001 "
            "1002 1003 1004 1005"
        ),
        work="0121 0129 0331 0401 0428 0929",
        note="",
    ),
    _Year(
        2013,
        notices=("国办发明电〔2012〕33号",),
        off=(
            "0101 0102 0103 0211 0212 0213 0214 0215 0404 0405 0429 0430 0501 0610 "
            "0611 0612 0919 0920 1001 1002 1003 1004 1007"
        ),
        work="0105 0106 0216 0217 0407 0427 0428 0608 0609 0922 0929 1012",
        note="",
    ),
    _Year(
        2014,
        notices=("国办发明电〔2013〕28号",),
        off="0101 0131 0203 0204 0205 0206 0407 0501 0502 0602 0908 1001 1002 1003 1006 1007",
        work="0126 0208 0504 0928 1011",
        note="",
    ),
    _Year(
        2015,
        notices=("国办发明电〔2014〕28号", "国发明电〔2015〕1号"),
        off="0101 0102 0218 0219 0220 0223 0224 0406 0501 0622 0903 0904 1001 1002 1005 1006 1007",
        work="0104 0215 0228 0906 1010",
        note="09-03, 09-04 off and 09-06 (Sunday) works for the Victory Day anniversary.",
    ),
    _Year(
        2016,
        notices=("国办发明电〔2015〕18号",),
        off="0101 0208 0209 0210 0211 0212 0404 0502 0609 0610 0915 0916 1003 1004 1005 1006 1007",
        work="0206 0214 0612 0918 1008 1009",
        note="",
    ),
    _Year(
        2017,
        notices=("国办发明电〔2016〕17号",),
        off="0102 0127 0130 0131 0201 0202 0403 0404 0501 0529 0530 1002 1003 1004 1005 1006",
        work="0122 0204 0401 0527 0930",
        note="",
    ),
    _Year(
        2018,
        notices=("国办发明电〔2017〕12号", "国办发明电〔2018〕15号"),
        off=(
            "0101 0215 0216 0219 0220 0221 0405 0406 0430 0501 0618 0924 1001 1002 "
            "1003 1004 1005 1231"
        ),
        work="0211 0224 0408 0428 0929 0930 1229",
        note="12-29 (Saturday) works and 12-31 is off under the 2019 notice.",
    ),
    _Year(
        2019,
        notices=("国办发明电〔2018〕15号", "国办发明电〔2019〕3号"),
        off="0101 0204 0205 0206 0207 0208 0405 0501 0502 0503 0607 0913 1001 1002 1003 1004 1007",
        work="0202 0203 0428 0505 0929 1012",
        note="May Day extended to four days by 国办发明电〔2019〕3号 (04-28 and 05-05 work).",
    ),
    _Year(
        2020,
        notices=("国办发明电〔2019〕16号", "国办发明电〔2020〕1号"),
        off=(
            "0101 0124 0127 0128 0129 0130 0131 0406 0501 0504 0505 0625 0626 1001 "
            "1002 1005 1006 1007 1008"
        ),
        work="0119 0426 0509 0628 0927 1010",
        note=(
            "Spring Festival extended to 02-02 by 国办发明电〔2020〕1号 (COVID-19); the 02-01 "
            "make-up day was cancelled."
        ),
    ),
    _Year(
        2021,
        notices=("国办发明电〔2020〕27号",),
        off=(
            "0101 0211 0212 0215 0216 0217 0405 0503 0504 0505 0614 0920 0921 1001 "
            "1004 1005 1006 1007"
        ),
        work="0207 0220 0425 0508 0918 0926 1009",
        note="",
    ),
    _Year(
        2022,
        notices=("国办发明电〔2021〕11号",),
        off=(
            "0103 0131 0201 0202 0203 0204 0404 0405 0502 0503 0504 0603 0912 1003 "
            "1004 1005 1006 1007"
        ),
        work="0129 0130 0402 0424 0507 1008 1009",
        note="",
    ),
    _Year(
        2023,
        notices=("国办发明电〔2022〕16号",),
        off=(
            "0102 0123 0124 0125 0126 0127 0405 0501 0502 0503 0622 0623 0929 1002 "
            "1003 1004 1005 1006"
        ),
        work="0128 0129 0423 0506 0625 1007 1008",
        note="",
    ),
    _Year(
        2024,
        notices=("国办发明电〔2023〕7号",),
        off=(
            "0101 0212 0213 0214 0215 0216 0404 0405 0501 0502 0503 0610 0916 0917 "
            "1001 1002 1003 1004 1007"
        ),
        work="0204 0218 0407 0428 0511 0914 0929 1012",
        note="",
    ),
    _Year(
        2025,
        notices=("国办发明电〔2024〕12号",),
        off=(
            "0101 0128 0129 0130 0131 0203 0204 0404 0501 0502 0505 0602 1001 1002 "
            "1003 1006 1007 1008"
        ),
        work="0126 0208 0427 0928 1011",
        note="",
    ),
    _Year(
        2026,
        notices=("国办发明电〔2025〕7号",),
        off=(
            "0101 0102 0216 0217 0218 0219 0220 0223 0406 0501 0504 0505 0619 0925 "
            "1001 1002 1005 1006 1007"
        ),
        work="0104 0214 0228 0509 0920 1010",
        note="",
    ),
)


def _dates(year: int, text: str) -> tuple[date, ...]:
    return tuple(date(year, int(m[:2]), int(m[2:])) for m in text.split())


def holidays() -> tuple[date, ...]:
    """Every weekday without work, 2008-2026, sorted."""
    return tuple(d for y in YEARS for d in _dates(y.year, y.off))


def makeup_days() -> tuple[date, ...]:
    """Every weekend day that is a working day (调休), 2008-2026, sorted."""
    return tuple(d for y in YEARS for d in _dates(y.year, y.work))


# -- years added by the user, from a notice the package does not ship yet ------------------

Extra = tuple[tuple[int, tuple[date, ...], tuple[date, ...]], ...]
"""Added years, in order: (year, weekdays off, weekend make-up days)."""

YearData = str | Mapping[str, Iterable[date]]
"""One year's notice: its wording, or `{"holidays": [...], "makeup_days": [...]}`."""

_KEYS = frozenset({"holidays", "makeup_days"})


def extra_years(extra: Mapping[int, YearData]) -> Extra:
    """Validated added years: contiguous after `LAST_YEAR`, days of that year, no conflicts.

    A shipped year may be given again only with the shipped data (so code written before a
    release that ships the year keeps working); it then adds nothing.

    Raises:
        TypeError: *extra* is not a mapping of int years, or a date is not a `date`.
        InvalidValueError: a year is not contiguous with the shipped data or differs from the
            shipped data; a date is outside its year; a make-up day is not a Saturday or
            Sunday; a day is both off and a make-up day (`field` names the year).
        ParseError: a notice's wording cannot be read.
    """
    if not isinstance(extra, Mapping):
        msg = f"'extra' must be a mapping of year to the year's notice, got {shown(extra)}"  # type: ignore[unreachable]
        raise TypeError(msg)
    out: list[tuple[int, tuple[date, ...], tuple[date, ...]]] = []
    for year in sorted(check_int("extra year", y) for y in extra):
        off, work = _year(year, extra[year])
        if FIRST_YEAR <= year <= LAST_YEAR:
            shipped = YEARS[year - FIRST_YEAR]
            if (off, work) != (_dates(year, shipped.off), _dates(year, shipped.work)):
                msg = (
                    f"'extra[{year}]' differs from the {year} data propstd ships "
                    f"({'、'.join(shipped.notices)}); leave {year} out"
                )
                raise InvalidValueError(msg, field=f"extra[{year}]", value=extra[year])
            continue
        expected = LAST_YEAR + 1 + len(out)
        if year != expected:
            msg = (
                f"'extra' must add years right after the {LAST_YEAR} data propstd ships, "
                f"without gaps: {expected} comes next, got {year}"
            )
            raise InvalidValueError(msg, field="extra", value=year)
        out.append((year, off, work))
    return tuple(out)


def _year(year: int, data: object) -> tuple[tuple[date, ...], tuple[date, ...]]:
    """The weekdays off and weekend make-up days of one added year, sorted."""
    field = f"extra[{year}]"
    if isinstance(data, str):
        off, work = read_notice(year, data)
    elif isinstance(data, Mapping) and set(data) <= _KEYS:
        off = tuple(check_date(f"{field}.holidays[]", d) for d in data.get("holidays", ()))
        work = tuple(check_date(f"{field}.makeup_days[]", d) for d in data.get("makeup_days", ()))
    else:
        msg = (
            f"{field!r} must be the notice's wording or a mapping with 'holidays' and "
            f"'makeup_days', got {shown(data)}"
        )
        raise InvalidValueError(msg, field=field, value=data)
    first = date(year - 1, 12, 1)  # a notice may move days of the December before (2019's did)
    for d in (*off, *work):
        if not first <= d <= date(year, 12, 31):
            msg = f"{field!r} has {d}, outside {year} (and the December before it)"
            raise InvalidValueError(msg, field=field, value=d)
    for d in work:
        if d.weekday() < 5:
            msg = f"{field!r} has the make-up day {d}, a {d:%A}: make-up days are weekend days"
            raise InvalidValueError(msg, field=field, value=d)
    both = sorted(set(off) & set(work))
    if both:
        msg = f"{field!r} has {both[0]} both as a day off and as a make-up day"
        raise InvalidValueError(msg, field=field, value=both[0])
    # weekend days off change nothing on a Monday-Friday calendar: keep the weekdays
    return tuple(sorted({d for d in off if d.weekday() < 5})), tuple(sorted(set(work)))
