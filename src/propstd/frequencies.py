"""How often a check is due: frequencies, their windows, due dates and monthly requirement.

A [Frequency][propstd.frequencies.Frequency] says "`count` checks in each window of `every`
units" (日查 is one check a day, `2次/周` two a week, 两周查 one every two weeks). A
[Schedule][propstd.frequencies.Schedule] lays those windows on the calendar as consecutive,
half-open blocks `[start, end)` that never drift.

**Calendar-aligned windows (no anchor, the default).** A day is a date; a week (`every=1`) is
an ISO week, Monday to Sunday; a month, quarter, half year or year is the calendar one; `every=n`
months with *n* dividing 12 are blocks starting in January of each year (bimonthly: Jan-Feb,
Mar-Apr, ...); any other length (two weeks, ten days, five months, two years) counts blocks
from Monday 2001-01-01. So a monthly check done on the 10th meets every month's requirement.

**Anchored windows.** With an explicit *anchor*, window 0 starts on the anchor and the others
follow it. Month-based windows step from the anchor (`anchor + k × n months`, clamped to the
month end like `relativedelta`), never from the previous window, so an anchor on the 31st gives
Jan 31, Feb 28, Mar 31, Apr 30 ... Use an anchor only when a company's cycle starts elsewhere
(a biweekly rota that began on a given Monday).

Either way the grid runs both ways from its origin, so a schedule answers for any period. Each
window is due on its last day, optionally moved off non-working days by a
[ShiftPolicy][propstd.frequencies.ShiftPolicy].

[Frequency.required_in][propstd.frequencies.Frequency.required_in] is the QPI formula for the
check points required in one month (seed: daily, weekly, two-weekly and monthly points due
that month, plus quarterly / 3, half-yearly / 6, yearly / 12).

Examples:
    >>> from datetime import date
    >>> from propstd.periods import Period
    >>> f = Frequency.parse("每周2次")
    >>> f, str(f)
    (Frequency(count=2, every=1, unit='week'), '2 times per week')
    >>> [str(d) for d in Schedule(Frequency.parse("monthly")).due_dates(Period.parse("2025-Q1"))]
    ['2025-01-31', '2025-02-28', '2025-03-31']
    >>> s = Schedule(Frequency.parse("monthly"), anchor=date(2025, 1, 31))
    >>> [str(d) for d in s.due_dates(Period.parse("2025-H1"))]
    ['2025-01-30', '2025-02-27', '2025-03-30', '2025-04-29', '2025-05-30', '2025-06-29']
    >>> Frequency.parse("季查").required_in(Period.parse("2025-03"))
    Fraction(1, 3)
"""

from __future__ import annotations

import calendar as _calendar
import re
import warnings
from collections.abc import Callable
from datetime import date, timedelta
from fractions import Fraction
from typing import Any

import attrs

from propstd._repr import shown
from propstd._validators import at_least, check_date, check_int, check_text, check_type, to_enum
from propstd._vocab import Vocabulary
from propstd.calendars import WorkingDays as _WorkingDays
from propstd.errors import InvalidValueError, ParseError
from propstd.periods import Period, PeriodUnit

__all__ = ["Frequency", "Proration", "Schedule", "ShiftPolicy", "Window"]


def __dir__() -> list[str]:
    return __all__


_CALENDAR_ORIGIN = date(2001, 1, 1)
"""Where calendar-aligned windows are counted from: a Monday in January (see the module)."""

_MAX_MONTHS = 1200
_MAX_DAYS = 36_525
"""The longest window (100 years): longer ones would leave the dates propstd computes with."""

_SHIFT_HORIZON = 62
"""Days a due date may move at most before a shift gives up (no working day found)."""


class ShiftPolicy(Vocabulary):
    """Where a due date that falls on a non-working day goes."""

    KEEP = "keep", "不调整"
    """Stay on the window's last day, working or not."""
    FORWARD = "forward", "顺延", "延后"
    """Move to the next working day."""
    BACKWARD = "backward", "提前"
    """Move to the previous working day."""
    NEAREST = "nearest", "就近"
    """Move to the nearest working day; on a tie, the earlier one."""


class Proration(Vocabulary):
    """How a frequency's checks are counted into one month."""

    SEED = "seed", "按月分摊", "分摊"
    """The QPI formula: windows due in the month for units up to a month; quarterly, half-yearly
    and yearly checks as a share per month (1/3, 1/6, 1/12 of `count` per unit)."""
    DUE = "due", "按到期", "到期"
    """Only the windows due in the month (whole numbers)."""


def __getattr__(name: str) -> object:
    # 0.1's protocol, now the shared one of propstd.calendars; kept for one release
    if name == "WorkingDays":
        msg = (
            "propstd.frequencies.WorkingDays is deprecated; use propstd.calendars.WorkingDays "
            "(one protocol for every module since 0.2)"
        )
        warnings.warn(msg, DeprecationWarning, stacklevel=2)
        return _WorkingDays
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)


# -- Frequency ----------------------------------------------------------------------------

_EN_UNIT: dict[PeriodUnit, tuple[str, str]] = {
    PeriodUnit.DAY: ("day", "days"),
    PeriodUnit.WEEK: ("week", "weeks"),
    PeriodUnit.MONTH: ("month", "months"),
    PeriodUnit.QUARTER: ("quarter", "quarters"),
    PeriodUnit.HALF_YEAR: ("half-year", "half-years"),
    PeriodUnit.YEAR: ("year", "years"),
}
_NAMED: dict[tuple[int, PeriodUnit], str] = {
    (1, PeriodUnit.DAY): "daily",
    (1, PeriodUnit.WEEK): "weekly",
    (2, PeriodUnit.WEEK): "biweekly",
    (1, PeriodUnit.MONTH): "monthly",
    (1, PeriodUnit.QUARTER): "quarterly",
    (1, PeriodUnit.HALF_YEAR): "semiannual",
    (1, PeriodUnit.YEAR): "annual",
}
_NAMED_ZH: dict[tuple[int, PeriodUnit], str] = {
    (1, PeriodUnit.DAY): "日查",
    (1, PeriodUnit.WEEK): "周查",
    (2, PeriodUnit.WEEK): "两周查",
    (1, PeriodUnit.MONTH): "月查",
    (1, PeriodUnit.QUARTER): "季查",
    (1, PeriodUnit.HALF_YEAR): "半年查",
    (1, PeriodUnit.YEAR): "年查",
}
_ZH_UNIT = {
    PeriodUnit.DAY: ("日", "天"),
    PeriodUnit.WEEK: ("周", "周"),
    PeriodUnit.MONTH: ("月", "个月"),
    PeriodUnit.QUARTER: ("季度", "个季度"),
    PeriodUnit.HALF_YEAR: ("半年", ""),
    PeriodUnit.YEAR: ("年", "年"),
}
_WORDS: dict[str, tuple[int, PeriodUnit]] = {
    "daily": (1, PeriodUnit.DAY),
    "日查": (1, PeriodUnit.DAY),
    "日检": (1, PeriodUnit.DAY),
    "每日": (1, PeriodUnit.DAY),
    "每天": (1, PeriodUnit.DAY),
    "weekly": (1, PeriodUnit.WEEK),
    "周查": (1, PeriodUnit.WEEK),
    "周检": (1, PeriodUnit.WEEK),
    "每周": (1, PeriodUnit.WEEK),
    "biweekly": (2, PeriodUnit.WEEK),
    "fortnightly": (2, PeriodUnit.WEEK),
    "两周查": (2, PeriodUnit.WEEK),
    "每两周": (2, PeriodUnit.WEEK),
    "monthly": (1, PeriodUnit.MONTH),
    "月查": (1, PeriodUnit.MONTH),
    "月检": (1, PeriodUnit.MONTH),
    "每月": (1, PeriodUnit.MONTH),
    "quarterly": (1, PeriodUnit.QUARTER),
    "季查": (1, PeriodUnit.QUARTER),
    "季度查": (1, PeriodUnit.QUARTER),
    "每季度": (1, PeriodUnit.QUARTER),
    "每季": (1, PeriodUnit.QUARTER),
    "semiannual": (1, PeriodUnit.HALF_YEAR),
    "semi-annual": (1, PeriodUnit.HALF_YEAR),
    "half-yearly": (1, PeriodUnit.HALF_YEAR),
    "半年查": (1, PeriodUnit.HALF_YEAR),
    "每半年": (1, PeriodUnit.HALF_YEAR),
    "annual": (1, PeriodUnit.YEAR),
    "annually": (1, PeriodUnit.YEAR),
    "yearly": (1, PeriodUnit.YEAR),
    "年查": (1, PeriodUnit.YEAR),
    "每年": (1, PeriodUnit.YEAR),
}
# English unit words -> (multiplier of every, unit)
_EN_UNITS: dict[str, tuple[int, PeriodUnit]] = {
    "day": (1, PeriodUnit.DAY),
    "days": (1, PeriodUnit.DAY),
    "week": (1, PeriodUnit.WEEK),
    "weeks": (1, PeriodUnit.WEEK),
    "fortnight": (2, PeriodUnit.WEEK),
    "fortnights": (2, PeriodUnit.WEEK),
    "month": (1, PeriodUnit.MONTH),
    "months": (1, PeriodUnit.MONTH),
    "quarter": (1, PeriodUnit.QUARTER),
    "quarters": (1, PeriodUnit.QUARTER),
    "half-year": (1, PeriodUnit.HALF_YEAR),
    "half-years": (1, PeriodUnit.HALF_YEAR),
    "half year": (1, PeriodUnit.HALF_YEAR),
    "half years": (1, PeriodUnit.HALF_YEAR),
    "year": (1, PeriodUnit.YEAR),
    "years": (1, PeriodUnit.YEAR),
}
_CN_UNITS: dict[str, tuple[int, PeriodUnit]] = {
    "日": (1, PeriodUnit.DAY),
    "天": (1, PeriodUnit.DAY),
    "周": (1, PeriodUnit.WEEK),
    "星期": (1, PeriodUnit.WEEK),
    "两周": (2, PeriodUnit.WEEK),
    "双周": (2, PeriodUnit.WEEK),
    "月": (1, PeriodUnit.MONTH),
    "个月": (1, PeriodUnit.MONTH),
    "季": (1, PeriodUnit.QUARTER),
    "季度": (1, PeriodUnit.QUARTER),
    "个季度": (1, PeriodUnit.QUARTER),
    "半年": (1, PeriodUnit.HALF_YEAR),
    "年": (1, PeriodUnit.YEAR),
}
_EN_COUNTS = {"once": 1, "twice": 2, "thrice": 3}
_AT_LEAST = re.compile(r"不少于|不低于|至少|^at least\s+")
"""Words for "at least": a frequency is already a minimum, so they are dropped."""
_CN_DIGITS = {
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
}
_EN_UNIT_RE = r"(?P<unit>days?|weeks?|fortnights?|months?|quarters?|half[- ]years?|years?)"
_CN_UNIT_RE = r"(?P<unit>两周|双周|个季度|季度|个月|星期|半年|日|天|周|月|季|年)"
_NUM = r"\d+|[一二两三四五六七八九十]"
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    # "2 times per week", "twice a week", "3 times every 2 weeks", "once a month"
    (
        re.compile(
            rf"^(?P<count>\d+\s*times?|once|twice|thrice)\s+(?:a|an|per|each|every)\s+"
            rf"(?:(?P<every>\d+)\s+)?{_EN_UNIT_RE}$"
        ),
        "en",
    ),
    # "every 10 days", "every week", "every 2 weeks"
    (re.compile(rf"^every\s+(?:(?P<every>\d+)\s+)?{_EN_UNIT_RE}$"), "en"),
    # "2次/周", "2 次/周", "2次每周"
    (
        re.compile(rf"^(?P<count>{_NUM})\s*次\s*(?:/|每)\s*(?P<every>{_NUM})?\s*{_CN_UNIT_RE}$"),
        "cn",
    ),
    # "每周2次", "每月3次", "每10天", "每10天2次", "每两周1次"
    (
        re.compile(
            rf"^(?:每|每隔)\s*(?P<every>{_NUM})?\s*{_CN_UNIT_RE}\s*(?:(?P<count>{_NUM})\s*次)?$"
        ),
        "cn",
    ),
)


def _number(text: str | None, default: int) -> int:
    if text is None:
        return default
    text = text.strip()
    if text in _CN_DIGITS:
        return _CN_DIGITS[text]
    if text in _EN_COUNTS:
        return _EN_COUNTS[text]
    return int(re.sub(r"\s*times?$", "", text))


def _to_unit(value: object) -> PeriodUnit:
    return to_enum("unit", PeriodUnit, value)


def _to_shift(value: object) -> ShiftPolicy:
    return to_enum("shift", ShiftPolicy, value)


def _to_proration(value: object) -> Proration:
    return to_enum("proration", Proration, value)


@attrs.frozen(kw_only=True, repr=False)
class Frequency:
    """`count` checks in each window of `every` units (`unit`).

    Raises:
        TypeError: `count` or `every` is not an `int`.
        InvalidValueError: `count` or `every` is below 1, or `unit` is unknown.

    Examples:
        >>> Frequency(unit="day")
        Frequency(count=1, every=1, unit='day')
        >>> str(Frequency(count=3, unit="month")), str(Frequency(every=10, unit="day"))
        ('3 times per month', 'every 10 days')
        >>> Frequency.parse(str(Frequency(count=2, every=2, unit="week")))
        Frequency(count=2, every=2, unit='week')
    """

    count: int = attrs.field(default=1, validator=at_least(1))
    """Checks required in each window."""
    every: int = attrs.field(default=1, validator=at_least(1))
    """Units per window (2 weeks for 两周查)."""
    unit: PeriodUnit = attrs.field(converter=_to_unit)
    """The unit windows are measured in."""

    def __attrs_post_init__(self) -> None:
        if self.every * self.unit.months > _MAX_MONTHS or self.window_days > _MAX_DAYS:
            msg = f"'every' must make a window of at most 100 years, got {self.every} {self.unit}"
            raise InvalidValueError(msg, field="every", value=self.every)

    @classmethod
    def parse(cls, text: str) -> Frequency:
        """Read a frequency in English or Chinese.

        Accepted: `daily`/`日查`/`每日`/`每天`, `weekly`/`周查`/`每周`, `biweekly`/`两周查`/
        `每两周`, `monthly`/`月查`/`每月`, `quarterly`/`季查`/`季度查`/`每季度`,
        `semiannual`/`半年查`/`每半年`, `annual`/`年查`/`每年`; counts per window such as
        `"2次/周"`, `"2 次/周"`, `"每周2次"`, `"每月3次"`, `"2次/日"`, `"twice a week"`,
        `"3 times per month"`, `"2 times every 2 weeks"`; and intervals `"every 10 days"`,
        `"every 2 months"`, `"每10天"`. A minimum does not change the meaning: `不少于每日2次`,
        `每日至少2次`, `每季度不少于1次`, `at least twice a week`. Case and surrounding space do
        not matter.

        Raises:
            TypeError: *text* is not a `str`.
            InvalidValueError: *text* is longer than 10,000 characters.
            ParseError: the text is no frequency (or names a count or interval of 0).

        Examples:
            >>> Frequency.parse("两周查")
            Frequency(count=1, every=2, unit='week')
            >>> Frequency.parse("every 10 days") == Frequency.parse("每10天")
            True
            >>> Frequency.parse("2次/日")
            Frequency(count=2, every=1, unit='day')
            >>> Frequency.parse("不少于每日2次") == Frequency.parse("每日至少2次")
            True
        """
        raw = check_text("text", text)
        s = re.sub(r"\s+", " ", raw.strip().lower())
        s = _AT_LEAST.sub("", s).strip()  # 不少于每日2次 = 每日至少2次 = 每日2次
        if re.search(r"\d{7}", s):  # no inspection is due a million times (nor int("9" * 5000))
            msg = f"cannot read a frequency from {shown(raw)}: a number is too large"
            raise ParseError(msg, raw, field="text")
        if s in _WORDS:
            every, unit = _WORDS[s]
            return cls(count=1, every=every, unit=unit)
        for pattern, lang in _PATTERNS:
            m = pattern.match(s)
            if m is None:
                continue
            groups = m.groupdict()
            count = _number(groups.get("count"), 1)
            every = _number(groups.get("every"), 1)
            table = _EN_UNITS if lang == "en" else _CN_UNITS
            factor, unit = table[m["unit"]]
            if count < 1 or every < 1:
                msg = f"cannot read a frequency from {shown(raw)}: counts and intervals start at 1"
                raise ParseError(msg, raw, field="text")
            return cls(count=count, every=every * factor, unit=unit)
        msg = (
            f"cannot read a frequency from {shown(raw)}; write e.g. 'daily', '周查', '每两周', "
            "'2次/周', '每月3次', 'twice a week' or 'every 10 days'"
        )
        raise ParseError(msg, raw, field="text")

    @property
    def window_days(self) -> int:
        """Days per window for day and week units (0 for month-based units)."""
        return self.every * (
            1 if self.unit is PeriodUnit.DAY else 7 if self.unit is PeriodUnit.WEEK else 0
        )

    @property
    def window_months(self) -> int:
        """Months per window for month-based units (0 for day and week units)."""
        return self.every * self.unit.months

    def required_in(
        self,
        month: Period,
        *,
        anchor: date | None = None,
        proration: Proration | str = Proration.SEED,
    ) -> Fraction:
        """The checks this frequency requires in one calendar month.

        With `Proration.seed` (the QPI formula), units of a month or shorter count
        `count ×` the windows *due* (ending) in the month; quarters, half-years and years
        count `count ×` their share of the month (1/3, 1/6, 1/12 per unit, divided by
        `every`). With `Proration.due` only the windows due in the month count. Due dates are
        the windows' last days (no shift).

        Args:
            month: a calendar month (`Period.parse("2025-03")`).
            anchor: where the windows begin; `None` (the default) for calendar-aligned
                windows (see [Schedule][propstd.frequencies.Schedule]).
            proration: how checks of long windows are counted into the month.

        Raises:
            InvalidValueError: *month* is not a single calendar month.

        Examples:
            >>> from datetime import date
            >>> march = Period.parse("2025-03")
            >>> Frequency.parse("日查").required_in(march)
            Fraction(31, 1)
            >>> Frequency.parse("周查").required_in(march)  # ISO weeks ending 2, 9 ... 30 March
            Fraction(5, 1)
            >>> Frequency.parse("两周查").required_in(march, anchor=date(2025, 1, 6))
            Fraction(3, 1)
            >>> Frequency.parse("年查").required_in(march)
            Fraction(1, 12)
            >>> Frequency.parse("年查").required_in(march, proration="due")
            Fraction(0, 1)
        """
        check_type("month", month, Period)
        if month.unit is not PeriodUnit.MONTH:
            msg = f"'month' must be a calendar month, got {str(month)!r}"
            raise InvalidValueError(msg, field="month", value=month)
        origin = _CALENDAR_ORIGIN if anchor is None else check_date("anchor", anchor)
        how = _to_proration(proration)
        if how is Proration.SEED and self.unit.months > 1:
            return Fraction(self.count, self.window_months)
        index = _indexer(self, origin)
        return Fraction(self.count * (index(month.end) - index(month.start)))

    @property
    def label_zh(self) -> str:
        """The Chinese form the seeds write (`"日查"`, `"两周查"`, `"2次/日"`, `"每10天"`), which
        `parse()` reads back to an equal frequency.

        Examples:
            >>> [Frequency.parse(t).label_zh for t in ("daily", "2次/周", "every 10 days")]
            ['日查', '2次/周', '每10天']
            >>> Frequency(count=3, every=2, unit="month").label_zh
            '每2个月3次'
        """
        one, many = _ZH_UNIT[self.unit]
        if self.count == 1 and (self.every, self.unit) in _NAMED_ZH:
            return _NAMED_ZH[self.every, self.unit]
        if self.unit is PeriodUnit.HALF_YEAR and self.every > 1:
            return str(self)  # Chinese has no word for "every 2 half-years"
        if self.count == 1:
            return f"每{self.every}{many}"
        if self.every == 1:
            return f"{self.count}次/{one}"
        return f"每{self.every}{many}{self.count}次"

    def __str__(self) -> str:
        if self.count == 1 and (self.every, self.unit) in _NAMED:
            return _NAMED[self.every, self.unit]
        one, many = _EN_UNIT[self.unit]
        if self.count == 1:
            return f"every {self.every} {many}"
        if self.every == 1:
            return f"{self.count} times per {one}"
        return f"{self.count} times every {self.every} {many}"

    def __repr__(self) -> str:
        return f"Frequency(count={self.count}, every={self.every}, unit={self.unit.value!r})"


# -- window arithmetic --------------------------------------------------------------------


def _add_months(d: date, months: int) -> date:
    """*d* plus *months* calendar months, clamped to the month end (as `relativedelta`)."""
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    last = _calendar.monthrange(year, month)[1]
    return date(year, month, min(d.day, last))


def _indexer(frequency: Frequency, anchor: date) -> Callable[[date], int]:
    """A function giving the number `k` of the window that contains a date."""
    days = frequency.window_days
    if days:
        origin = anchor.toordinal()
        return lambda d: (d.toordinal() - origin) // days
    months = frequency.window_months
    base = anchor.year * 12 + anchor.month - 1
    aday = anchor.day

    def index(d: date) -> int:
        k, rest = divmod(d.year * 12 + d.month - 1 - base, months)
        # only the window's first month can hold days before its (clamped) start day
        if rest == 0 and d.day < aday and d < _add_months(anchor, k * months):
            k -= 1
        return k

    return index


def _starter(frequency: Frequency, anchor: date) -> Callable[[int], date]:
    """A function giving the first day of window `k`."""
    days = frequency.window_days
    months = frequency.window_months

    def start(k: int) -> date:
        try:
            return anchor + timedelta(days=k * days) if days else _add_months(anchor, k * months)
        except (OverflowError, ValueError):
            msg = (
                f"window {k} of {frequency} from {anchor.isoformat()} falls outside the dates "
                "propstd computes with (years 0002-9998)"
            )
            raise InvalidValueError(msg, field="k", value=k) from None

    return start


@attrs.frozen(kw_only=True)
class Window:
    """One window of a schedule: `[start, end)`, due on `due`, needing `required` checks.

    Examples:
        >>> w = Window(start=date(2025, 3, 3), end=date(2025, 3, 10), due=date(2025, 3, 9),
        ...            required=1)
        >>> w.period, date(2025, 3, 9) in w
        (Period.parse('2025-W10'), True)
    """

    start: date = attrs.field(validator=lambda _i, a, v: check_date(a.name, v))
    """The first day of the window."""
    end: date = attrs.field(validator=lambda _i, a, v: check_date(a.name, v))
    """The first day after the window (exclusive)."""
    due: date = attrs.field(validator=lambda _i, a, v: check_date(a.name, v))
    """When the window's checks are due: its last day, moved by the shift policy."""
    required: int = attrs.field(validator=at_least(1))
    """Checks required in the window (the frequency's `count`)."""

    def __attrs_post_init__(self) -> None:
        if self.end <= self.start:
            msg = f"'end' {self.end.isoformat()} must be after 'start' {self.start.isoformat()}"
            raise InvalidValueError(msg, field="end", value=self.end)

    @property
    def period(self) -> Period:
        """The window as a [Period][propstd.periods.Period]."""
        return Period(self.start, self.end)

    @property
    def last(self) -> date:
        """The window's last day (`end - 1 day`), its due date before any shift."""
        return self.end - timedelta(days=1)

    def __contains__(self, d: object) -> bool:
        return d in self.period


def _optional_date(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        check_date(attribute.name, value)


def _check_calendar(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not callable(getattr(value, "is_working_day", None)):
        msg = f"{attribute.name!r} must have is_working_day(date), got {type(value).__name__}"
        raise TypeError(msg)


@attrs.frozen(kw_only=True)
class Schedule:
    """A frequency laid on the calendar: calendar-aligned windows, or windows from an anchor.

    Windows are consecutive blocks of `every` units `[start, end)`. Window 0 starts on the
    [origin][propstd.frequencies.Schedule.origin] (the anchor, or Monday 2001-01-01 when there
    is none), window `k` on `origin + k × every` days or weeks, or on `origin + k × every ×
    unit` months clamped to the month end (always from the origin, so dates never drift).

    Without an anchor the windows follow the calendar: days, ISO weeks, calendar months,
    quarters, half years and years; `every=n` months with *n* dividing 12 start in January;
    other lengths count from 2001-01-01. Weekly windows from a Monday anchor are ISO weeks too.
    The grid also runs back before the origin. A window is due on its last day, moved by
    `shift` off the non-working days of `calendar` (at most 62 days).

    Raises:
        TypeError: a field has the wrong type.
        InvalidValueError: `shift` is not `keep` but there is no `calendar`.

    Examples:
        >>> [str(w.period) for w in Schedule(Frequency.parse("季查")).windows(Period(
        ...     date(2025, 3, 1), date(2025, 4, 2)))]
        ['2025-Q1', '2025-Q2']
        >>> s = Schedule(Frequency.parse("biweekly"), anchor=date(2025, 1, 6))
        >>> [str(w.period) for w in s.windows(Period.parse("2025-03"))]
        ['2025-02-17/2025-03-03', '2025-03-03/2025-03-17', '2025-03-17/2025-03-31', \
'2025-03-31/2025-04-14']
        >>> s.next_window(date(2025, 3, 20)).start
        datetime.date(2025, 3, 31)
    """

    frequency: Frequency = attrs.field(
        kw_only=False, validator=lambda _i, a, v: check_type(a.name, v, Frequency)
    )
    """How many checks in each window, and the window length."""
    anchor: date | None = attrs.field(default=None, validator=_optional_date)
    """The first day of window 0; `None` (the default) for calendar-aligned windows."""
    shift: ShiftPolicy = attrs.field(
        default=ShiftPolicy.KEEP, converter=_to_shift, repr=lambda s: repr(s.value)
    )
    """Where a due date on a non-working day goes."""
    calendar: _WorkingDays | None = attrs.field(default=None, validator=_check_calendar)
    """The calendar whose working days the shift uses (needed unless `shift` is `keep`)."""
    _number: Callable[[date], int] = attrs.field(init=False, repr=False, eq=False, hash=False)
    _start: Callable[[int], date] = attrs.field(init=False, repr=False, eq=False, hash=False)

    def __attrs_post_init__(self) -> None:
        if self.shift is not ShiftPolicy.KEEP and self.calendar is None:
            msg = f"'shift' {self.shift.value!r} needs a 'calendar' to know the working days"
            raise InvalidValueError(msg, field="shift", value=self.shift)
        # the window arithmetic, built once (frozen class: attrs' documented way)
        object.__setattr__(self, "_number", _indexer(self.frequency, self.origin))
        object.__setattr__(self, "_start", _starter(self.frequency, self.origin))

    @property
    def origin(self) -> date:
        """The first day of window 0: the anchor, or Monday 2001-01-01 without one.

        Examples:
            >>> Schedule(Frequency.parse("weekly")).origin
            datetime.date(2001, 1, 1)
        """
        return _CALENDAR_ORIGIN if self.anchor is None else self.anchor

    def window_number(self, d: date) -> int:
        """The number `k` of the window that holds *d* (0 from the origin, negative before it).

        Window numbers are how tallies key windows cheaply: `window_start(window_number(d))`
        is the first day of *d*'s window, and window `k + 1` follows window `k`.

        Examples:
            >>> s = Schedule(Frequency.parse("monthly"))
            >>> k = s.window_number(date(2025, 3, 10))
            >>> k, s.window_start(k), s.window_start(k + 1)
            (290, datetime.date(2025, 3, 1), datetime.date(2025, 4, 1))
        """
        return self._number(check_date("d", d))

    def window_start(self, k: int) -> date:
        """The first day of window number *k* (see `window_number`)."""
        return self._start(check_int("k", k))

    def _window(self, k: int, start_of: Callable[[int], date]) -> Window:
        start, end = start_of(k), start_of(k + 1)
        last = end - timedelta(days=1)
        return Window(start=start, end=end, due=self._shift(last), required=self.frequency.count)

    def _shift(self, d: date) -> date:
        cal = self.calendar
        if self.shift is ShiftPolicy.KEEP or cal is None or cal.is_working_day(d):
            return d
        one = timedelta(days=1)
        for step in range(1, _SHIFT_HORIZON + 1):
            later, earlier = d + step * one, d - step * one
            if self.shift is not ShiftPolicy.FORWARD and cal.is_working_day(earlier):
                return earlier
            if self.shift is not ShiftPolicy.BACKWARD and cal.is_working_day(later):
                return later
        msg = (
            f"no working day within {_SHIFT_HORIZON} days of {d.isoformat()} "
            f"to shift a due date ({self.shift.value})"
        )
        raise InvalidValueError(msg, field="shift", value=d)

    def windows(self, period: Period) -> tuple[Window, ...]:
        """The windows that overlap *period*, in order (whole windows, not clipped).

        Consecutive windows meet (`w.end == next.start`), so they cover the period with no gap
        and no overlap.
        """
        check_type("period", period, Period)
        index, start_of = self._number, self._start
        first, last = index(period.start), index(period.last)
        return tuple(self._window(k, start_of) for k in range(first, last + 1))

    def due_dates(self, period: Period) -> tuple[date, ...]:
        """The due dates that fall in *period*, one per window, in window order.

        With a shift, two windows may share a due date (Saturday and Sunday both moved to
        Monday); each window still counts once.

        Examples:
            >>> s = Schedule(Frequency.parse("weekly"), anchor=date(2025, 1, 6))
            >>> [d.day for d in s.due_dates(Period.parse("2025-03"))]
            [2, 9, 16, 23, 30]
        """
        check_type("period", period, Period)
        margin = timedelta(days=0 if self.shift is ShiftPolicy.KEEP else _SHIFT_HORIZON)
        index, start_of = self._number, self._start
        first = index(period.start - margin - timedelta(days=1))
        last = index(period.end + margin)
        out = []
        for k in range(first, last + 1):
            due = self._shift(start_of(k + 1) - timedelta(days=1))
            if period.start <= due < period.end:
                out.append(due)
        return tuple(out)

    def window_at(self, d: date) -> Window:
        """The window that contains *d*."""
        check_date("d", d)
        return self._window(self._number(d), self._start)

    def next_window(self, after: date) -> Window:
        """The first window that starts after *after* (the one after the window holding it).

        Examples:
            >>> s = Schedule(Frequency.parse("monthly"), anchor=date(2025, 1, 31))
            >>> s.next_window(date(2025, 2, 10)).start
            datetime.date(2025, 2, 28)
        """
        check_date("after", after)
        return self._window(self._number(after) + 1, self._start)
