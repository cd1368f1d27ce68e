"""Half-open date ranges: a day, an ISO week, a month, a quarter, a half year, a year.

A [Period][propstd.periods.Period] is `[start, end)`: `Period.month(2025, 3)` is
`2025-03-01 … 2025-04-01`, so `date(2025, 4, 1) in Period.month(2025, 3)` is false and
consecutive periods never overlap. Periods read and print the usual spellings:
`"2025-03"`, `"2025-Q1"`, `"2025-H2"`, `"2025"`, `"2025-W05"`, `"2025-03-01"`,
`"2025-03-01/2025-04-01"` (and `"2025年3月"`). Period arithmetic stays within the years
0002-9998, where propstd computes with dates: `next()` of 9998 or `previous()` of 0002 raises
[InvalidValueError][propstd.errors.InvalidValueError] instead of overflowing.

Examples:
    >>> from propstd.periods import Period, PeriodUnit
    >>> march = Period.parse("2025-03")
    >>> march.days, str(march.next()), str(Period.parse("2025-Q1"))
    (31, '2025-04', '2025-Q1')
    >>> [str(p) for p in Period.parse("2025-Q1").split(PeriodUnit.MONTH)]
    ['2025-01', '2025-02', '2025-03']
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

import attrs

from propstd._repr import shown
from propstd._time import MAX_DATE, MIN_DATE
from propstd._validators import check_date, check_int, check_text, check_type, is_date, to_enum
from propstd._vocab import Vocabulary
from propstd.errors import InvalidValueError, ParseError

__all__ = ["Period", "PeriodUnit"]


def __dir__() -> list[str]:
    return __all__


class PeriodUnit(Vocabulary):
    """A calendar unit of time (日, 周, 月, 季度, 半年, 年). Weeks are ISO weeks (Monday to Sunday).

    Examples:
        >>> PeriodUnit("季度"), PeriodUnit("Half Year"), PeriodUnit.WEEK.label_zh
        (<PeriodUnit.QUARTER: 'quarter'>, <PeriodUnit.HALF_YEAR: 'half_year'>, '周')
    """

    DAY = "day", "日", "天", "每日", "daily"
    """One calendar day."""
    WEEK = "week", "周", "星期", "每周", "weekly"
    """An ISO week, Monday to Sunday."""
    MONTH = "month", "月", "每月", "monthly"
    """A calendar month."""
    QUARTER = "quarter", "季度", "季", "每季度", "quarterly"
    """Three months from January, April, July or October."""
    HALF_YEAR = "half_year", "半年", "半年度", "每半年", "half-yearly", "semiannual"
    """Six months from January or July."""
    YEAR = "year", "年", "年度", "每年", "yearly", "annual"
    """A calendar year."""

    @property
    def months(self) -> int:
        """Length in months for month-based units (0 for day and week)."""
        return _MONTHS[self]


_MONTHS = {
    PeriodUnit.DAY: 0,
    PeriodUnit.WEEK: 0,
    PeriodUnit.MONTH: 1,
    PeriodUnit.QUARTER: 3,
    PeriodUnit.HALF_YEAR: 6,
    PeriodUnit.YEAR: 12,
}

_MIN_YEAR = 1
_MAX_YEAR = 9998  # leaves room for `next()` and half-open ends
_END = MAX_DATE + timedelta(days=1)  # the latest end of a period arithmetic gives


def _year(value: object) -> int:
    year = check_int("year", value)
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        msg = f"'year' must be between {_MIN_YEAR} and {_MAX_YEAR}, got {shown(year)}"
        raise InvalidValueError(msg, field="year", value=year)
    return year


def _span(name: str, origin: Period, start_ordinal: int, end_ordinal: int) -> Period:
    """The period of the ordinals `[start, end)`, refused when it leaves years 0002-9998."""
    if start_ordinal < MIN_DATE.toordinal() or end_ordinal > _END.toordinal():
        msg = (
            f"the {name} period of {origin} would reach beyond the years "
            f"{MIN_DATE.year:04d}-{MAX_DATE.year}: propstd computes with dates from "
            f"{MIN_DATE.isoformat()} to {MAX_DATE.isoformat()}"
        )
        raise InvalidValueError(msg, field=name, value=origin)
    return Period(date.fromordinal(start_ordinal), date.fromordinal(end_ordinal))


def _month_start(year: int, month: int) -> date:
    """The first day of month *month* (1-based, may overflow into later years)."""
    y, m = divmod(month - 1, 12)
    return date(year + y, m + 1, 1)


@attrs.frozen(order=True, repr=False)
class Period:
    """A half-open range of dates `[start, end)`, at least one day long.

    Raises:
        TypeError: *start* or *end* is not a `date` (a `datetime` is refused too).
        InvalidValueError: *end* is not after *start*.

    Examples:
        >>> p = Period(date(2025, 3, 1), date(2025, 4, 1))
        >>> p, str(p), p.unit
        (Period.parse('2025-03'), '2025-03', <PeriodUnit.MONTH: 'month'>)
        >>> date(2025, 3, 31) in p, date(2025, 4, 1) in p
        (True, False)
    """

    start: date = attrs.field(validator=is_date)
    """The first day in the period."""
    end: date = attrs.field(validator=is_date)
    """The first day after the period (exclusive)."""

    def __attrs_post_init__(self) -> None:
        if self.end <= self.start:
            msg = f"'end' {self.end.isoformat()} must be after 'start' {self.start.isoformat()}"
            raise InvalidValueError(msg, field="end", value=self.end)

    # -- constructors ---------------------------------------------------------------------

    @classmethod
    def day(cls, d: date) -> Period:
        """The single day *d* (of the years 1-9998)."""
        _year(check_date("d", d).year)
        return cls(d, d + timedelta(days=1))

    @classmethod
    def week(cls, year: int, week: int) -> Period:
        """ISO week *week* of ISO year *year* (Monday to Sunday).

        Raises:
            InvalidValueError: the ISO year has no such week (1–52 or 53).
        """
        _year(year)
        check_int("week", week)
        try:
            monday = date.fromisocalendar(year, week, 1)
        except ValueError:
            msg = f"'week' must be a week of ISO year {year} (1-52 or 53), got {shown(week)}"
            raise InvalidValueError(msg, field="week", value=week) from None
        return cls(monday, monday + timedelta(days=7))

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        """Calendar month *month* (1–12) of *year*."""
        _year(year)
        if check_int("month", month) < 1 or month > 12:
            msg = f"'month' must be between 1 and 12, got {shown(month)}"
            raise InvalidValueError(msg, field="month", value=month)
        return cls(date(year, month, 1), _month_start(year, month + 1))

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Period:
        """Quarter *quarter* (1–4) of *year*."""
        _year(year)
        if check_int("quarter", quarter) < 1 or quarter > 4:
            msg = f"'quarter' must be between 1 and 4, got {shown(quarter)}"
            raise InvalidValueError(msg, field="quarter", value=quarter)
        first = 3 * quarter - 2
        return cls(date(year, first, 1), _month_start(year, first + 3))

    @classmethod
    def half_year(cls, year: int, half: int) -> Period:
        """Half *half* (1 = January–June, 2 = July–December) of *year*."""
        _year(year)
        if check_int("half", half) not in (1, 2):
            msg = f"'half' must be 1 or 2, got {shown(half)}"
            raise InvalidValueError(msg, field="half", value=half)
        first = 6 * half - 5
        return cls(date(year, first, 1), _month_start(year, first + 6))

    @classmethod
    def year(cls, year: int) -> Period:
        """The calendar year *year*."""
        _year(year)
        return cls(date(year, 1, 1), date(year + 1, 1, 1))

    @classmethod
    def containing(cls, d: date, unit: PeriodUnit | str) -> Period:
        """The period of *unit* that contains *d*.

        Raises:
            InvalidValueError: the period would fall outside the years 1-9998; *unit* is
                unknown.

        Examples:
            >>> str(Period.containing(date(2025, 1, 1), "week"))
            '2025-W01'
            >>> str(Period.containing(date(2024, 12, 30), PeriodUnit.WEEK))
            '2025-W01'
        """
        check_date("d", d)
        u = _unit(unit)
        if u is PeriodUnit.DAY:
            return cls.day(d)
        if u is PeriodUnit.WEEK:
            iso = d.isocalendar()
            return cls.week(iso.year, iso.week)
        if u is PeriodUnit.MONTH:
            return cls.month(d.year, d.month)
        if u is PeriodUnit.QUARTER:
            return cls.quarter(d.year, (d.month - 1) // 3 + 1)
        if u is PeriodUnit.HALF_YEAR:
            return cls.half_year(d.year, 1 if d.month <= 6 else 2)
        return cls.year(d.year)

    @classmethod
    def parse(cls, text: str) -> Period:
        """Read a period from its usual spelling.

        Accepted: `"2025-03-01"` (a day), `"2025-W05"` (an ISO week), `"2025-03"`,
        `"2025-Q1"`, `"2025-H2"`, `"2025"`, `"2025-03-01/2025-04-01"` (half-open, end
        exclusive), and `"2025年3月"`, `"2025年第1季度"`, `"2025年上半年"`, `"2025年"`.

        Raises:
            TypeError: *text* is not a `str`.
            InvalidValueError: *text* is longer than 10,000 characters.
            ParseError: the text is no period.

        Examples:
            >>> Period.parse("2025-W05").start
            datetime.date(2025, 1, 27)
            >>> Period.parse("2025年3月") == Period.parse("2025-03")
            True
        """
        s = check_text("text", text).strip()
        try:
            return _parse(s)
        except (InvalidValueError, ValueError) as exc:
            if isinstance(exc, ParseError):
                raise
            msg = f"cannot read a period from {shown(text)}: {exc}"
            raise ParseError(msg, text, field="text") from None

    # -- properties -----------------------------------------------------------------------

    @property
    def days(self) -> int:
        """The number of days in the period."""
        return (self.end - self.start).days

    @property
    def last(self) -> date:
        """The last day in the period (`end - 1 day`)."""
        return self.end - timedelta(days=1)

    @property
    def unit(self) -> PeriodUnit | None:
        """The unit whose single period this is (`None` for any other range)."""
        for u in PeriodUnit:
            try:
                whole = Period.containing(self.start, u)
            except InvalidValueError:  # beyond the supported years: no whole unit
                continue
            if whole == self:
                return u
        return None

    def dates(self) -> tuple[date, ...]:
        """Every date in the period, in order."""
        return tuple(self.start + timedelta(days=i) for i in range(self.days))

    # -- relations ------------------------------------------------------------------------

    def __contains__(self, d: object) -> bool:
        if isinstance(d, datetime) or not isinstance(d, date):
            msg = f"a Period contains dates, got {type(d).__name__} {shown(d)}"
            raise TypeError(msg)
        return self.start <= d < self.end

    def overlaps(self, other: Period) -> bool:
        """Whether the two periods share at least one day."""
        check_type("other", other, Period)
        return self.start < other.end and other.start < self.end

    def intersection(self, other: Period) -> Period | None:
        """The days in both periods, or `None` if they share none."""
        if not self.overlaps(other):
            return None
        return Period(max(self.start, other.start), min(self.end, other.end))

    def next(self) -> Period:
        """The period of the same unit right after this one (or of the same length).

        Raises:
            InvalidValueError: the next period would end after 9998.

        Examples:
            >>> str(Period.parse("2025-12").next()), str(Period.parse("2025-W52").next())
            ('2026-01', '2026-W01')
        """
        unit = self.unit
        if unit is not None and unit is not PeriodUnit.DAY and self.end <= MAX_DATE:
            after = Period.containing(self.end, unit)
            return _span("next", self, after.start.toordinal(), after.end.toordinal())
        end = self.end.toordinal()
        return _span("next", self, end, end + self.days)

    def previous(self) -> Period:
        """The period of the same unit right before this one (or of the same length).

        Raises:
            InvalidValueError: the previous period would start before 0002.
        """
        unit = self.unit
        if unit is not None and unit is not PeriodUnit.DAY and self.start > MIN_DATE:
            before = Period.containing(self.start - timedelta(days=1), unit)
            return _span("previous", self, before.start.toordinal(), before.end.toordinal())
        start = self.start.toordinal()
        return _span("previous", self, start - self.days, start)

    def split(self, unit: PeriodUnit | str) -> tuple[Period, ...]:
        """The periods of *unit* that cover this one, clipped to it, in order.

        Examples:
            >>> [str(p) for p in Period.parse("2025-03").split("week")][:2]
            ['2025-03-01/2025-03-03', '2025-W10']
        """
        u = _unit(unit)
        out: list[Period] = []
        cursor = self.start
        while cursor < self.end:
            whole = Period.containing(cursor, u)
            end = min(whole.end, self.end)
            out.append(Period(cursor, end))
            cursor = end
        return tuple(out)

    # -- text -----------------------------------------------------------------------------

    def __str__(self) -> str:
        unit = self.unit
        s = self.start
        if unit is PeriodUnit.DAY:
            return s.isoformat()
        if unit is PeriodUnit.WEEK:
            iso = s.isocalendar()
            return f"{iso.year:04d}-W{iso.week:02d}"
        if unit is PeriodUnit.MONTH:
            return f"{s.year:04d}-{s.month:02d}"
        if unit is PeriodUnit.QUARTER:
            return f"{s.year:04d}-Q{(s.month - 1) // 3 + 1}"
        if unit is PeriodUnit.HALF_YEAR:
            return f"{s.year:04d}-H{1 if s.month == 1 else 2}"
        if unit is PeriodUnit.YEAR:
            return f"{s.year:04d}"
        return f"{s.isoformat()}/{self.end.isoformat()}"

    def __repr__(self) -> str:
        return f"Period.parse({str(self)!r})"


def _unit(value: object) -> PeriodUnit:
    return to_enum("unit", PeriodUnit, value)


_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^(\d{4})-(\d{2})-(\d{2})/(\d{4})-(\d{2})-(\d{2})$"), "range"),
    (re.compile(r"^(\d{4})-(\d{2})-(\d{2})$"), "day"),
    (re.compile(r"^(\d{4})-?W(\d{2})$", re.IGNORECASE), "week"),
    (re.compile(r"^(\d{4})-(\d{1,2})$"), "month"),
    (re.compile(r"^(\d{4})年(\d{1,2})月$"), "month"),
    (re.compile(r"^(\d{4})-?Q([1-4])$", re.IGNORECASE), "quarter"),
    (re.compile(r"^(\d{4})年第?([1-4一二三四])季度$"), "quarter"),
    (re.compile(r"^(\d{4})-?H([12])$", re.IGNORECASE), "half"),
    (re.compile(r"^(\d{4})年([上下])半年$"), "half"),
    (re.compile(r"^(\d{4})年?$"), "year"),
]
_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "上": 1, "下": 2}


def _num(text: str) -> int:
    return _CN_DIGITS[text] if text in _CN_DIGITS else int(text)


def _parse(s: str) -> Period:
    for pattern, kind in _PATTERNS:
        m = pattern.match(s)
        if m is None:
            continue
        g = [_num(x) for x in m.groups()]
        if kind == "range":
            return Period(date(g[0], g[1], g[2]), date(g[3], g[4], g[5]))
        if kind == "day":
            return Period.day(date(g[0], g[1], g[2]))
        if kind == "week":
            return Period.week(g[0], g[1])
        if kind == "month":
            return Period.month(g[0], g[1])
        if kind == "quarter":
            return Period.quarter(g[0], g[1])
        if kind == "half":
            return Period.half_year(g[0], g[1])
        return Period.year(g[0])
    msg = (
        f"cannot read a period from {shown(s)}; write e.g. '2025-03', '2025-Q1', '2025-H2', "
        "'2025', '2025-W05', '2025-03-01' or '2025-03-01/2025-04-01'"
    )
    raise ParseError(msg, s, field="text")
