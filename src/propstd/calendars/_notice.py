"""Reading a State Council holiday notice as it is worded (private part of propstd.calendars).

The notice (国务院办公厅关于<year>年部分节假日安排的通知) lists each festival in one line:

    二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。
    2月14日（周六）、2月28日（周六）上班。

A date or a range `A至B` followed by `放假` gives days off; a date or a list `A、B` followed
by `上班` (or `补班`) gives make-up working days. A date without a month takes the month of
the date before it; a date without a year takes the notice's year (`2018年12月29日` names its
own). A weekday in the note after a date (`（周日）`, `（星期六）`) and a count after `放假`
(`共9天`, `放假1天`) are checked against the dates. Everything else (headings, `不调休`) is
ignored, but every date must belong to a range or a list: a date that does not is refused,
so nothing in the notice is dropped silently.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import NamedTuple

from propstd._repr import shown
from propstd._validators import check_text
from propstd.errors import InvalidValueError, ParseError

__all__: list[str] = []

_DATE = re.compile(
    r"(?:(?P<y>\d{4})\s*年\s*)?(?:(?P<m>\d{1,2})\s*月\s*)?(?P<d>\d{1,2})\s*日"
    r"(?:\s*[（(](?P<note>[^）)]{0,40})[）)])?"
)
_RANGE = re.compile(r"\s*(?:至|到|-|–|—|~|～)\s*")
_LIST = re.compile(r"\s*(?:、|，|,|和|及)\s*")
_OFF = re.compile(
    r"\s*放假(?:调休)?\s*(?:[，,]?\s*共\s*(?P<total>\d{1,3}|[一二两三四五六七八九十]{1,3})\s*天"
    r"|(?P<days>\d{1,3}|[一二两三四五六七八九十]{1,3})\s*天)?"
)
_WORK = re.compile(r"\s*(?:上班|补班)")
_WEEKDAY = re.compile(r"(?:周|星期|礼拜)([一二三四五六日天])")
_CN = {c: i for i, c in enumerate("零一二三四五六七八九十")} | {"两": 2}
_WEEKDAYS = {c: i for i, c in enumerate("一二三四五六日")} | {"天": 6}


class _Date(NamedTuple):
    day: date
    start: int  # where the date is written in the text
    end: int


def _number(text: str) -> int:
    if text.isdigit():
        return int(text)
    if len(text) == 1:
        return _CN[text]
    # 十一..十九, 二十..九十九 (a holiday never lasts longer)
    tens, _, units = text.partition("十")
    return (_CN[tens] if tens else 1) * 10 + (_CN[units] if units else 0)


def _dates(year: int, text: str) -> list[_Date]:
    """Every date written in *text*, with its month and year filled in."""
    out: list[_Date] = []
    for m in _DATE.finditer(text):
        if m["m"] is None and not out:
            msg = f"'extra[{year}]' has a day without a month in {shown(m[0])}"
            raise ParseError(msg, text, field=f"extra[{year}]")
        if m["m"] is None:
            y, mo = out[-1].day.year, out[-1].day.month
        else:
            y, mo = int(m["y"] or year), int(m["m"])
        try:
            d = date(y, mo, int(m["d"]))
        except ValueError:
            msg = f"'extra[{year}]' names a day that does not exist: {shown(m[0])}"
            raise ParseError(msg, text, field=f"extra[{year}]") from None
        weekday = _WEEKDAY.search(m["note"] or "")
        if weekday and _WEEKDAYS[weekday[1]] != d.weekday():
            msg = f"'extra[{year}]' says {shown(m[0])}, but {d} is a {d:%A}"
            raise InvalidValueError(msg, field=f"extra[{year}]", value=d)
        out.append(_Date(d, m.start(), m.end()))
    return out


def read_notice(year: int, text: str) -> tuple[tuple[date, ...], tuple[date, ...]]:
    """The days off and the make-up working days a notice for *year* lists, in its wording.

    Raises:
        ParseError: a date belongs to no range or list, or the text names no date.
        InvalidValueError: a weekday or a day count does not match the dates.
    """
    check_text(f"extra[{year}]", text)
    found = _dates(year, text)
    if not found:
        msg = f"'extra[{year}]' must list the days off and make-up days, got {shown(text)}"
        raise ParseError(msg, text, field=f"extra[{year}]")
    off: list[date] = []
    work: list[date] = []
    group: list[_Date] = []
    ranged = False
    for i, item in enumerate(found):
        group.append(item)
        rest = text[item.end : found[i + 1].start if i + 1 < len(found) else len(text)]
        if i + 1 < len(found) and _RANGE.fullmatch(rest) and len(group) == 1:
            ranged = True
            continue
        if i + 1 < len(found) and _LIST.fullmatch(rest) and not ranged:
            continue
        days = _expand(year, group, text) if ranged else [g.day for g in group]
        if (m := _OFF.match(rest)) is not None:
            _check_count(year, m["total"] or m["days"], days, text)
            off.extend(days)
        elif _WORK.match(rest) and not ranged:
            work.extend(days)
        else:
            msg = (
                f"'extra[{year}]' has {shown(text[group[0].start : item.end])} followed by "
                f"neither 放假 (days off) nor 上班 (make-up days)"
            )
            raise ParseError(msg, text, field=f"extra[{year}]")
        group, ranged = [], False
    return tuple(off), tuple(work)


def _expand(year: int, group: list[_Date], text: str) -> list[date]:
    first, last = group[0].day, group[-1].day
    span = (last - first).days + 1
    if not 1 <= span <= 31:
        msg = f"'extra[{year}]' has a range that runs backwards or over a month: {first}..{last}"
        raise ParseError(msg, text, field=f"extra[{year}]")
    return [first + timedelta(days=k) for k in range(span)]


def _check_count(year: int, count: str | None, days: list[date], text: str) -> None:
    if count is not None and _number(count) != len(days):
        msg = (
            f"'extra[{year}]' says {count} days off from {days[0]} to {days[-1]}, "
            f"which is {len(days)} days"
        )
        raise InvalidValueError(msg, field=f"extra[{year}]", value=text)
