"""Reading time limits as service standards write them (private part of propstd.timelimits).

English and Chinese, case and blanks ignored. A leading bound word is read where it does not
change what the limit is: an upper bound (`within`, `at most`, `不超过`, `最多`, `≤`) before any
limit, a lower bound (`at least`, `至少`, `不少于`, `≥`) before an amount and a unit only
(`至少3年` is three years; `至少当日` has no meaning and is refused).
"""

from __future__ import annotations

import re

from propstd._repr import shown
from propstd._validators import check_text
from propstd.errors import ParseError
from propstd.timelimits._units import NATURAL_ONLY, Clock, TimeUnit

__all__: list[str] = []

Parsed = tuple[int, TimeUnit, Clock]

_IMMEDIATE: Parsed = (0, TimeUnit.MINUTE, Clock.NATURAL)
_SAME_DAY: Parsed = (0, TimeUnit.DAY, Clock.WORKING)
_NEXT_DAY: Parsed = (1, TimeUnit.DAY, Clock.WORKING)
_POINTS = (_IMMEDIATE, _SAME_DAY, _NEXT_DAY)  # "at least" cannot qualify these

_UPPER = ("no more than ", "not more than ", "at most ", "within ", "<=", "≤")
_UPPER_ZH = ("最多", "至多", "不超过", "不多于", "≤", "<=")
_LOWER = ("at least ", "not less than ", "no less than ", ">=", "≥")
_LOWER_ZH = ("至少", "不少于", "不低于", "≥", ">=")

# -- English ------------------------------------------------------------------------------

_ENGLISH_PHRASES: dict[str, Parsed] = {
    "immediately": _IMMEDIATE,
    "immediate": _IMMEDIATE,
    "at once": _IMMEDIATE,
    "same working day": _SAME_DAY,
    "same business day": _SAME_DAY,
    "same day": _SAME_DAY,
    "next working day": _NEXT_DAY,
    "next business day": _NEXT_DAY,
    "next day": _NEXT_DAY,
}

_ENGLISH = re.compile(
    r"(?:(?P<n>\d{1,18})\s*|(?P<one>an?|one)\s+)"
    r"(?:(?P<clock>working|business|calendar|natural)\s+)?"
    r"(?P<unit>minutes?|mins?|hours?|hrs?|h|days?|d|weeks?|wks?|w|months?|mos?|years?|yrs?|y)"
)

_ENGLISH_UNITS = {
    "mi": TimeUnit.MINUTE,  # minute(s), min(s)
    "mo": TimeUnit.MONTH,  # month(s), mo(s)
    "h": TimeUnit.HOUR,  # hour(s), hr(s), h
    "d": TimeUnit.DAY,  # day(s), d
    "w": TimeUnit.WEEK,  # week(s), wk(s), w
    "y": TimeUnit.YEAR,  # year(s), yr(s), y
}


def _strip(s: str, words: tuple[str, ...]) -> tuple[str, bool]:
    for word in words:
        if s.startswith(word):
            return s.removeprefix(word).strip(), True
    return s, False


def _english(text: str) -> Parsed | None:
    s = " ".join(text.lower().split()).removesuffix(".")
    s, _ = _strip(s, _UPPER)
    s, lower = _strip(s, _LOWER)
    s = s.removeprefix("the ")
    if s in _ENGLISH_PHRASES:
        found = _ENGLISH_PHRASES[s]
        return None if lower and found in _POINTS else found
    m = _ENGLISH.fullmatch(s)
    if m is None:
        return None
    amount = 1 if m["n"] is None else int(m["n"])
    clock = Clock.WORKING if m["clock"] in {"working", "business"} else Clock.NATURAL
    word = m["unit"]
    return amount, _ENGLISH_UNITS[word[:2] if word[0] == "m" else word[0]], clock


# -- Chinese ------------------------------------------------------------------------------

_CHINESE_PHRASES: dict[str, Parsed] = {
    "立即": _IMMEDIATE,
    "立刻": _IMMEDIATE,
    "马上": _IMMEDIATE,
    "即时": _IMMEDIATE,
    "当日": _SAME_DAY,
    "当天": _SAME_DAY,
    "当个工作日": _SAME_DAY,
    "次日": _NEXT_DAY,
    "下一个工作日": _NEXT_DAY,
    "下个工作日": _NEXT_DAY,
    "半小时": (30, TimeUnit.MINUTE, Clock.NATURAL),
    "半个小时": (30, TimeUnit.MINUTE, Clock.NATURAL),
    "半年": (6, TimeUnit.MONTH, Clock.NATURAL),
}

_CHINESE_UNITS: dict[str, tuple[TimeUnit, Clock]] = {
    "分钟": (TimeUnit.MINUTE, Clock.NATURAL),
    "小时": (TimeUnit.HOUR, Clock.NATURAL),
    "钟头": (TimeUnit.HOUR, Clock.NATURAL),
    "天": (TimeUnit.DAY, Clock.NATURAL),
    "日": (TimeUnit.DAY, Clock.NATURAL),
    "自然日": (TimeUnit.DAY, Clock.NATURAL),
    "日历日": (TimeUnit.DAY, Clock.NATURAL),
    "周": (TimeUnit.WEEK, Clock.NATURAL),
    "星期": (TimeUnit.WEEK, Clock.NATURAL),
    "礼拜": (TimeUnit.WEEK, Clock.NATURAL),
    "月": (TimeUnit.MONTH, Clock.NATURAL),  # only as 个月: "3月" is March
    "年": (TimeUnit.YEAR, Clock.NATURAL),
    "工作分钟": (TimeUnit.MINUTE, Clock.WORKING),
    "工作小时": (TimeUnit.HOUR, Clock.WORKING),
    "工作日": (TimeUnit.DAY, Clock.WORKING),
    "工作天": (TimeUnit.DAY, Clock.WORKING),
    "工作周": (TimeUnit.WEEK, Clock.WORKING),  # read, then refused with a reason
    "工作月": (TimeUnit.MONTH, Clock.WORKING),
}

_CHINESE = re.compile(
    r"(?P<n>\d{1,18}|[零〇一二两三四五六七八九十百]+)(?P<ge>个)?(?P<unit>"
    + "|".join(sorted(_CHINESE_UNITS, key=len, reverse=True))
    + ")"
)

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4}
_CN_DIGITS |= {"五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
# 0-999 in the usual forms: 十五, 二十四, 一百二十, 一百零五, 两百
_CN_NUMBER = re.compile(
    r"(?:(?P<h>[一二两三四五六七八九])百(?:零(?=[一二三四五六七八九]$))?)?"
    r"(?:(?P<t>[一二三四五六七八九])?(?P<ten>十))?"
    r"(?P<u>[一二两三四五六七八九])?"
)


def _chinese_number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    if text in {"零", "〇"}:
        return 0
    m = _CN_NUMBER.fullmatch(text)
    if m is None:
        return None
    hundreds = _CN_DIGITS[m["h"]] if m["h"] else 0
    tens = (_CN_DIGITS[m["t"]] if m["t"] else 1) if m["ten"] else 0
    units = _CN_DIGITS[m["u"]] if m["u"] else 0
    return hundreds * 100 + tens * 10 + units


def _chinese(text: str) -> Parsed | None:
    s = "".join(text.split())
    s, _ = _strip(s, _UPPER_ZH)
    s, lower = _strip(s, _LOWER_ZH)
    for suffix in ("以内", "之内", "内"):
        if s.endswith(suffix):
            s = s.removesuffix(suffix)
            break
    if s in _CHINESE_PHRASES:
        found = _CHINESE_PHRASES[s]
        return None if lower and found in _POINTS else found
    m = _CHINESE.fullmatch(s)
    if m is None or (m["unit"] == "月" and m["ge"] is None):
        return None
    amount = _chinese_number(m["n"])
    if amount is None:
        return None
    unit, clock = _CHINESE_UNITS[m["unit"]]
    return amount, unit, clock


def read(text: str) -> Parsed:
    """(amount, unit, clock) of a limit's text.

    Raises:
        TypeError: *text* is not a string.
        InvalidValueError: it is longer than 10,000 characters.
        ParseError: it is not a limit, or names weeks, months or years of working time.
    """
    found = _english(check_text("text", text)) or _chinese(text)
    if found is None:
        msg = (
            f"cannot read a time limit from {shown(text)}; write an amount and a unit such as "
            "'15 minutes', '2 working hours', '3 working days', '3个工作日' or '当日'"
        )
        raise ParseError(msg, text, field="text")
    if found[1] in NATURAL_ONLY and found[2] is Clock.WORKING:
        msg = (
            f"cannot read a time limit from {shown(text)}: weeks, months and years count "
            "natural time only; write working days (3个工作日) or calendar weeks (1周)"
        )
        raise ParseError(msg, text, field="text")
    return found
