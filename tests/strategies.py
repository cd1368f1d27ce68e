"""Hypothesis strategies for every public propstd type, one section per domain.

Composites are plural nouns with keyword-only knobs; they build values through the public
constructors (never `st.builds` on attrs classes), so every value respects the invariants.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta, tzinfo
from fractions import Fraction
from zoneinfo import ZoneInfo

from hypothesis import strategies as st

from propstd.errors import Problem
from propstd.money import Currency, Money, Rounding
from propstd.periods import Period, PeriodUnit
from propstd.rates import Rate, Target

# --- base: shared helpers for every section ---

ZONE_KEYS: tuple[str, ...] = ("UTC", "Asia/Shanghai", "Europe/Berlin", "America/New_York")
"""The zones `aware_datetimes()` samples: no DST, China (no DST), and two DST zones."""


def _zone(key: str) -> tzinfo:
    return UTC if key == "UTC" else ZoneInfo(key)


def _exists(t: datetime) -> bool:
    """Whether the wall-clock time of *t* really occurs in its zone (not in a DST gap)."""
    back = t.astimezone(UTC).astimezone(t.tzinfo)
    return back.replace(tzinfo=None) == t.replace(tzinfo=None)


def _ambiguous(t: datetime) -> bool:
    """Whether *t* is in a DST overlap (its offset depends on `fold`)."""
    return _exists(t) and t.replace(fold=1 - t.fold).utcoffset() != t.utcoffset()


def dates(
    *, min_value: date = date(1990, 1, 1), max_value: date = date(2100, 12, 31)
) -> st.SearchStrategy[date]:
    """Dates in a realistic range (narrow with *min_value*, *max_value*)."""
    return st.dates(min_value=min_value, max_value=max_value)


def aware_datetimes(
    *,
    zones: Sequence[str] = ZONE_KEYS,
    min_value: datetime = datetime(1990, 1, 1),
    max_value: datetime = datetime(2100, 12, 31),
    allow_imaginary: bool = False,
    allow_ambiguous: bool = False,
) -> st.SearchStrategy[datetime]:
    """Aware datetimes in one of *zones* (IANA keys), wall-clock between the naive bounds.

    *allow_imaginary* keeps wall-clock times inside a DST gap (which do not exist);
    *allow_ambiguous* keeps times inside a DST overlap. Both are off by default: such a
    datetime never equals the same instant in another zone (PEP 495), so a data round trip
    (which gives a fixed offset) would compare unequal although the instant is right. For
    instants that do include them, and often, use `instants()`.
    """
    strategy = st.datetimes(
        min_value=min_value,
        max_value=max_value,
        timezones=st.sampled_from([_zone(k) for k in zones]),
        allow_imaginary=allow_imaginary,
    )
    if not allow_ambiguous:
        strategy = strategy.filter(lambda t: not _ambiguous(t))
    return strategy


# --- instants at the edges of time (DST gaps and folds, years 1-2 and 9998-9999) ---

DST_EDGES: tuple[datetime, ...] = tuple(
    datetime(2025, month, day, hour, minute, tzinfo=ZoneInfo(key), fold=fold)
    for key, month, day, hour in (
        ("Europe/Berlin", 3, 30, 2),  # gap: 02:00-03:00 does not exist
        ("Europe/Berlin", 10, 26, 2),  # overlap: 02:00-03:00 happens twice
        ("America/New_York", 3, 9, 2),
        ("America/New_York", 11, 2, 1),
    )
    for minute in (0, 30)
    for fold in (0, 1)
)
"""Instants in the DST gaps and overlaps of 2025 in Berlin and New York, both folds."""

EDGE_YEARS: tuple[tuple[datetime, datetime], ...] = (
    (datetime(1, 1, 1), datetime(2, 12, 31, 23, 59)),
    (datetime(9998, 1, 1), datetime(9999, 12, 31, 23, 59)),
)
"""The first and last two years a datetime holds, where propstd refuses with named errors."""

EDGE_ZONES: tuple[str, ...] = (*ZONE_KEYS, "Pacific/Kiritimati", "Etc/GMT-14", "Etc/GMT+12")
"""`ZONE_KEYS` and the zones furthest east (UTC+14; Kiritimati only since 1995, so also the
fixed Etc/GMT-14) and west (UTC-12) of UTC."""


def instants(
    *,
    zones: Sequence[str] = ZONE_KEYS,
    min_value: datetime = datetime(1990, 1, 1),
    max_value: datetime = datetime(2100, 12, 31),
    edges: bool = False,
) -> st.SearchStrategy[datetime]:
    """Aware instants with the hard cases in: wall-clock times inside DST gaps and overlaps
    (`fold=0` and `fold=1`) anywhere in the bounds, and often exactly one of `DST_EDGES`.

    With *edges*, also instants of years 1-2 and 9998-9999 in `EDGE_ZONES` (as far from UTC
    as zones go), where propstd must answer or raise a named error, never `OverflowError`.
    Instants in a gap or a fold never equal the same instant in another zone (PEP 495):
    compare them in UTC.
    """
    wide = aware_datetimes(
        zones=zones,
        min_value=min_value,
        max_value=max_value,
        allow_imaginary=True,
        allow_ambiguous=True,
    )
    found = st.one_of(wide, st.sampled_from(DST_EDGES))
    if not edges:
        return found
    far = [
        aware_datetimes(
            zones=EDGE_ZONES,
            min_value=low,
            max_value=high,
            allow_imaginary=True,
            allow_ambiguous=True,
        )
        for low, high in EDGE_YEARS
    ]
    return st.one_of(found, *far)


def exact_numbers(*, max_value: int = 10**6) -> st.SearchStrategy[int | Fraction]:
    """Non-negative exact numbers: ints and small-denominator Fractions."""
    return st.one_of(
        st.integers(min_value=0, max_value=max_value),
        st.fractions(min_value=0, max_value=max_value, max_denominator=12),
    )


def timedeltas(*, max_days: int = 3_650) -> st.SearchStrategy[timedelta]:
    """Positive or negative durations, exact to the microsecond."""
    return st.timedeltas(min_value=timedelta(days=-max_days), max_value=timedelta(days=max_days))


# --- foundation ---


def currencies() -> st.SearchStrategy[Currency]:
    """Any `Currency`."""
    return st.sampled_from(Currency)


def roundings() -> st.SearchStrategy[Rounding]:
    """Any `Rounding` mode."""
    return st.sampled_from(Rounding)


@st.composite
def monies(
    draw: st.DrawFn,
    *,
    currency: Currency | None = None,
    max_units: int = 10**12,
    min_units: int | None = None,
) -> Money:
    """Any `Money` as integer minor units (narrow with *currency* and the unit bounds).

    Amounts may be negative unless *min_units* says otherwise (default `-max_units`).
    """
    cur = draw(currencies()) if currency is None else currency
    low = -max_units if min_units is None else min_units
    return Money.from_units(draw(st.integers(min_value=low, max_value=max_units)), cur)


@st.composite
def rates(draw: st.DrawFn, *, max_count: int = 10_000, applicable: bool | None = None) -> Rate:
    """Any `Rate`: counts (ints, sometimes prorated Fractions) with `0/0` included.

    *applicable* narrows to rates with a positive denominator (True) or to `0/0` (False).
    """
    if applicable is False:
        return Rate(0, 0)
    denominator = draw(
        st.one_of(
            st.integers(min_value=0 if applicable is None else 1, max_value=max_count),
            st.fractions(min_value=Fraction(1, 2), max_value=max_count, max_denominator=12),
        )
    )
    if denominator == 0:
        return Rate(0, 0)
    numerator = draw(
        st.one_of(
            st.integers(min_value=0, max_value=max_count),
            st.fractions(min_value=0, max_value=max_count, max_denominator=12),
        )
    )
    return Rate(numerator, denominator)


@st.composite
def targets(draw: st.DrawFn) -> Target:
    """Any `Target`: a minimum, a maximum, both (minimum ≤ maximum) or neither."""
    bound = st.fractions(min_value=0, max_value=1, max_denominator=1_000)
    low = draw(st.none() | bound)
    high = draw(st.none() | bound)
    if low is not None and high is not None and low > high:
        low, high = high, low
    return Target(minimum=low, maximum=high)


def period_units() -> st.SearchStrategy[PeriodUnit]:
    """Any `PeriodUnit`."""
    return st.sampled_from(PeriodUnit)


@st.composite
def periods(draw: st.DrawFn, *, unit: PeriodUnit | None = None, max_days: int = 800) -> Period:
    """A `Period`: one whole *unit* (any unit by default), or, when *unit* is None, sometimes an
    arbitrary range of up to *max_days* days."""
    start = draw(dates())
    if unit is None and draw(st.booleans()):
        return Period(start, start + timedelta(days=draw(st.integers(1, max_days))))
    chosen = draw(period_units()) if unit is None else unit
    return Period.containing(start, chosen)


@st.composite
def problems(draw: st.DrawFn) -> Problem:
    """A `Problem` with a dotted path and a message."""
    names = st.from_regex(r"[a-z_]{1,8}", fullmatch=True)
    parts = draw(st.lists(names, min_size=1, max_size=4))
    index = draw(st.none() | st.integers(min_value=0, max_value=99))
    path = ".".join(parts) + ("" if index is None else f"[{index}]")
    return Problem(path, draw(st.text(min_size=1, max_size=40)))


# --- timelimits ---
import functools  # noqa: E402

from propstd.calendars import WorkingCalendar, china_calendar  # noqa: E402
from propstd.timelimits import Clock, TimeLimit, TimeUnit  # noqa: E402


@st.composite
def time_limits(
    draw: st.DrawFn,
    *,
    clock: Clock | None = None,
    unit: TimeUnit | None = None,
    max_amount: int = 10_000,
) -> TimeLimit:
    """Any `TimeLimit` (narrow with *clock*, *unit*, *max_amount*).

    Weeks, months and years come on the natural clock only (the only one they have); with
    `clock=Clock.WORKING` the unit is a minute, an hour or a day.
    """
    chosen_clock = draw(st.sampled_from(Clock)) if clock is None else clock
    units = [u for u in TimeUnit if chosen_clock is Clock.NATURAL or u in _WORKING_UNITS]
    chosen_unit = draw(st.sampled_from(units)) if unit is None else unit
    amount = draw(st.integers(min_value=0, max_value=max_amount))
    return TimeLimit(amount, chosen_unit, chosen_clock)


_WORKING_UNITS = (TimeUnit.MINUTE, TimeUnit.HOUR, TimeUnit.DAY)


@functools.cache
def _deadline_calendars() -> tuple[WorkingCalendar, ...]:
    # built once, so their lazily built tables are shared by every test that draws them
    return (
        china_calendar(hours="08:30-12:00,13:30-17:30"),
        WorkingCalendar.weekly(hours="00:00-24:00", days="daily", zone="Asia/Shanghai"),
        WorkingCalendar.weekly(hours="09:00-12:00,13:00-17:00", zone="Europe/Berlin"),
        WorkingCalendar.weekly(hours="22:00-06:00", days="mon-sat", zone="America/New_York"),
        WorkingCalendar.weekly(hours="08:00-20:00", days="mon-sat", zone="Pacific/Kiritimati"),
    )


def deadline_calendars() -> st.SearchStrategy[WorkingCalendar]:
    """Calendars for deadline properties: the China office calendar (2008-2026), 24×7 in
    Shanghai, Berlin office hours with lunch, overnight duty in New York (DST zones), and a
    long day in Kiritimati (UTC+14, furthest from UTC)."""
    return st.sampled_from(_deadline_calendars())


def deadline_starts() -> st.SearchStrategy[datetime]:
    """Aware starts in 2010-2025 (inside the China calendar's data, with room for a limit),
    DST gaps and folds included (see `instants()`)."""
    return instants(min_value=datetime(2010, 1, 1), max_value=datetime(2025, 12, 1))


# --- findings ---
from datetime import UTC as _UTC  # noqa: E402
from datetime import datetime as _datetime  # noqa: E402
from datetime import timedelta as _timedelta  # noqa: E402
from datetime import timezone as _timezone  # noqa: E402
from decimal import Decimal as _Decimal  # noqa: E402
from zoneinfo import ZoneInfo as _ZoneInfo  # noqa: E402

from propstd.findings import (  # noqa: E402
    Category,
    Finding,
    FindingEvent,
    FindingEventKind,
    FindingStatus,
    Severity,
    VerificationResult,
)

FINDING_PEOPLE = ("Zhao", "Wang", "Li", "Chen")
FINDING_DEPARTMENTS = ("秩序维护部", "环境部", "工程部", "客服中心", "")
_FINDING_ZONES = (_UTC, _timezone(_timedelta(hours=8)), _ZoneInfo("Europe/Berlin"))


def finding_instants() -> st.SearchStrategy[_datetime]:
    """Aware instants in 2024–2026 in UTC, +08:00 or Europe/Berlin.

    Only real, unambiguous wall times: Python compares an ambiguous (fall-back) time in one
    zone as unequal to every time in another zone, which would break round-trip equality.
    """
    return st.datetimes(
        min_value=_datetime(2024, 1, 1),
        max_value=_datetime(2026, 12, 31),
        timezones=st.sampled_from(_FINDING_ZONES),
        allow_imaginary=False,
    ).filter(lambda t: t.replace(fold=1 - t.fold).utcoffset() == t.utcoffset())


@st.composite
def finding_events(draw: st.DrawFn) -> FindingEvent:
    """Any single valid `FindingEvent` (not necessarily legal in a given finding's history)."""
    kind = draw(st.sampled_from(FindingEventKind))
    result = (
        draw(st.sampled_from(VerificationResult)) if kind is FindingEventKind.VERIFICATION else None
    )
    needs_reason = kind in (FindingEventKind.REOPENING, FindingEventKind.CANCELLATION)
    note = draw(
        st.text(min_size=1 if needs_reason else 0, max_size=8).filter(
            lambda s: not needs_reason or bool(s.strip())
        )
    )
    return FindingEvent(
        kind=kind,
        at=draw(finding_instants()),
        by=draw(st.sampled_from(FINDING_PEOPLE)),
        note=note,
        result=result,
    )


def _later(t: _datetime, minutes: int) -> _datetime:
    # real elapsed time; keep the zone unless the result is ambiguous there (then UTC)
    u = t.astimezone(_UTC) + _timedelta(minutes=minutes)
    local = u.astimezone(t.tzinfo)
    return local if local.replace(fold=1 - local.fold).utcoffset() == local.utcoffset() else u


def _legal_steps(status: FindingStatus) -> tuple[str, ...]:
    return {
        FindingStatus.OPEN: ("rectify", "cancel"),
        FindingStatus.REOPENED: ("rectify", "cancel"),
        FindingStatus.RECTIFIED: ("pass", "fail", "reopen", "cancel"),
        FindingStatus.CLOSED: ("reopen",),
        FindingStatus.CANCELLED: (),
    }[status]


def finding_step(finding: Finding, step: str, at: _datetime, by: str) -> Finding:
    """Apply one legal lifecycle step ("rectify", "pass", "fail", "reopen", "cancel")."""
    if step == "rectify":
        return finding.rectify(at, by)
    if step in ("pass", "fail"):
        return finding.verify(at, by, passed=step == "pass", note=step)
    if step == "reopen":
        return finding.reopen(at, by, "problem back")
    return finding.cancel(at, by, "raised in error")


@st.composite
def findings(
    draw: st.DrawFn,
    *,
    category: Category | None = None,
    max_events: int = 6,
    found_at: st.SearchStrategy[_datetime] | None = None,
) -> Finding:
    """A valid `Finding` with a random legal history of up to *max_events* events."""
    chosen = draw(st.sampled_from(Category)) if category is None else category
    start = draw(finding_instants() if found_at is None else found_at)
    points = (
        _Decimal(draw(st.integers(min_value=1, max_value=100))).scaleb(-draw(st.integers(0, 1)))
        if chosen is Category.DEDUCTION
        else _Decimal(0)
    )
    f = Finding(
        f"F-{draw(st.integers(0, 9999))}",
        draw(st.sampled_from(("SEC-01", "SEC-03", "ENV-01", "ENG-02"))),
        chosen,
        draw(st.sampled_from(Severity)),
        draw(st.sampled_from(("Stairwell not swept", "Fire lane blocked", "Pump leaking"))),
        start,
        draw(st.sampled_from(FINDING_PEOPLE)),
        location=draw(st.sampled_from(("", "T1", "T5 B1"))),
        owner=draw(st.sampled_from(("", *FINDING_PEOPLE))),
        department=draw(st.sampled_from(FINDING_DEPARTMENTS)),
        points=points,
        rectify_by=_later(start, draw(st.integers(0, 60 * 24 * 20))),
        verify_on=start.date() + _timedelta(days=draw(st.integers(0, 30))),
    )
    at = start
    for _ in range(draw(st.integers(0, max_events))):
        steps = _legal_steps(f.current_status)
        if not steps:
            break
        step = draw(st.sampled_from(steps))
        at = _later(at, draw(st.integers(0, 60 * 24 * 5)))
        people: tuple[str, ...] = FINDING_PEOPLE
        if step in ("pass", "fail"):
            people = tuple(p for p in FINDING_PEOPLE if p != f.rectified_by)
        f = finding_step(f, step, at, draw(st.sampled_from(people)))
    return f


# --- inspections ---
from propstd.frequencies import Frequency as _Frequency  # noqa: E402
from propstd.frequencies import Schedule as _Schedule  # noqa: E402

_FREQUENCY_UNITS = (
    PeriodUnit.DAY,
    PeriodUnit.WEEK,
    PeriodUnit.MONTH,
    PeriodUnit.QUARTER,
    PeriodUnit.HALF_YEAR,
    PeriodUnit.YEAR,
)


@st.composite
def frequencies(
    draw: st.DrawFn,
    *,
    units: Sequence[PeriodUnit] = _FREQUENCY_UNITS,
    max_count: int = 5,
    max_every: int = 4,
) -> _Frequency:
    """Any `Frequency` with a unit from *units* (count and every from 1 up to the maxima)."""
    return _Frequency(
        count=draw(st.integers(1, max_count)),
        every=draw(st.integers(1, max_every)),
        unit=draw(st.sampled_from(units)),
    )


def seed_frequencies() -> st.SearchStrategy[_Frequency]:
    """The seven QPI frequencies (日查 … 年查) with a count of 1 to 3."""
    words = ("daily", "weekly", "biweekly", "monthly", "quarterly", "semiannual", "annual")
    return st.builds(
        lambda word, count: _Frequency(
            count=count, every=_Frequency.parse(word).every, unit=_Frequency.parse(word).unit
        ),
        st.sampled_from(words),
        st.integers(1, 3),
    )


@st.composite
def schedules(
    draw: st.DrawFn,
    *,
    frequency: st.SearchStrategy[_Frequency] | None = None,
    anchors: st.SearchStrategy[date | None] | None = None,
) -> _Schedule:
    """A `Schedule` (no shift) from a frequency and an anchor (month-end anchors included) or
    none (calendar-aligned windows)."""
    anchor_strategy = (
        st.one_of(
            st.none(),
            dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31)),
            st.builds(
                lambda y, m, d: date(y, m, d),
                st.integers(2000, 2040),
                st.sampled_from((1, 3, 5, 7, 8, 10, 12)),
                st.sampled_from((29, 30, 31)),
            ),
        )
        if anchors is None
        else anchors
    )
    return _Schedule(
        draw(frequencies() if frequency is None else frequency), anchor=draw(anchor_strategy)
    )


from datetime import datetime as _idatetime  # noqa: E402
from datetime import timedelta as _itimedelta  # noqa: E402
from datetime import timezone as _itimezone  # noqa: E402

from propstd.inspections import CheckItem as _CheckItem  # noqa: E402
from propstd.inspections import Checklist as _Checklist  # noqa: E402
from propstd.inspections import CheckRecord as _CheckRecord  # noqa: E402
from propstd.inspections import InspectionPlan as _InspectionPlan  # noqa: E402

INSPECTION_TZ = _itimezone(_itimedelta(hours=8))
"""The zone of generated check records (+08:00, as Shanghai)."""


@st.composite
def inspection_plans(
    draw: st.DrawFn, *, max_checklists: int = 3, max_items: int = 4, name: str = "P"
) -> _InspectionPlan:
    """A small `InspectionPlan` with seed frequencies and an anchor in 2024, or none."""
    checklists = []
    for c in range(draw(st.integers(1, max_checklists))):
        items = [
            _CheckItem(
                f"C{c}-{i}",
                "item",
                draw(st.one_of(st.none(), seed_frequencies())),
                samples=draw(st.integers(1, 3)),
            )
            for i in range(draw(st.integers(1, max_items)))
        ]
        checklists.append(_Checklist(f"C{c}", "list", items, frequency=draw(seed_frequencies())))
    anchor = draw(
        st.one_of(st.none(), dates(min_value=date(2024, 1, 1), max_value=date(2024, 12, 31)))
    )
    return _InspectionPlan(checklists, anchor=anchor, name=name)


@st.composite
def check_records(
    draw: st.DrawFn,
    plan: _InspectionPlan,
    *,
    first: date = date(2025, 2, 25),
    last: date = date(2025, 4, 3),
    max_size: int = 40,
) -> list[_CheckRecord]:
    """Check records for the items of *plan*, dated between *first* and *last* (+08:00)."""
    codes = sorted(plan.codes)
    days = (last - first).days
    out = []
    for _ in range(draw(st.integers(0, max_size))):
        day = first + _itimedelta(days=draw(st.integers(0, days)))
        hour = draw(st.integers(0, 23))
        at = _idatetime(day.year, day.month, day.day, hour, tzinfo=INSPECTION_TZ)
        out.append(
            _CheckRecord(
                draw(st.sampled_from(codes)),
                at,
                draw(st.sampled_from(("Zhao", "", "Li"))),
                samples=draw(st.integers(1, 4)),
                evidence=draw(st.sampled_from(((), ("P1",), ("P1", "loc T3")))),
                round_id=draw(st.sampled_from(("", "", "R1", "R2"))),
            )
        )
    return out


# --- budgets ---
from propstd import budgets as _budgets  # noqa: E402
from propstd import inventory as _inventory  # noqa: E402
from propstd import staffing as _staffing  # noqa: E402


@st.composite
def budget_profiles(draw: st.DrawFn) -> _budgets.Profile:
    """Any budget `Profile`: even, by days, a 13th-month preset or 12 random weights."""
    choice = draw(st.sampled_from(("even", "by_days", "thirteenth", "weights")))
    if choice == "even":
        return _budgets.Profile.even()
    if choice == "by_days":
        return _budgets.Profile.by_days()
    if choice == "thirteenth":
        return _budgets.Profile.thirteenth_month(draw(st.integers(1, 12)))
    weights = draw(st.lists(st.integers(0, 20), min_size=12, max_size=12))
    if sum(weights) == 0:
        weights[0] = 1
    if draw(st.booleans()):  # exact fractional weights too
        return _budgets.Profile.weights([Fraction(w, 7) for w in weights])
    return _budgets.Profile.weights(weights)


@st.composite
def budget_lines(
    draw: st.DrawFn,
    *,
    currency: Currency = Currency.CNY,
    max_units: int = 10**11,
    code: str | None = None,
) -> _budgets.BudgetLine:
    """A `BudgetLine` with a non-negative annual amount in *currency*."""
    category = draw(st.sampled_from(_budgets.BudgetCategory))
    return _budgets.BudgetLine(
        code if code is not None else draw(st.from_regex(r"[A-Z]{2,4}-[0-9]{1,2}", fullmatch=True)),
        category.kind,
        category,
        draw(monies(currency=currency, min_units=0, max_units=max_units)),
        profile=draw(budget_profiles()),
    )


@st.composite
def budgets(
    draw: st.DrawFn, *, currency: Currency = Currency.CNY, max_lines: int = 4
) -> _budgets.Budget:
    """A `Budget` of 1–*max_lines* lines, sometimes with valid revisions (either carry-forward)."""
    year = draw(st.integers(2000, 2040))
    n = draw(st.integers(1, max_lines))
    lines = [draw(budget_lines(currency=currency, code=f"L{i:02d}")) for i in range(n)]
    revisions: list[_budgets.Revision] = []
    months: dict[str, int] = {}
    for _ in range(draw(st.integers(0, 2))):
        line = draw(st.sampled_from(lines))
        start = draw(st.integers(months.get(line.code, 1), 12))
        months[line.code] = start
        floor_units = 0
        carry = draw(st.sampled_from(_budgets.CarryForward))
        spent: list[Money] = []
        if carry is _budgets.CarryForward.UNSPENT:
            spent = [
                Money.from_units(u, currency)
                for u in draw(
                    st.lists(st.integers(0, 10**9), min_size=start - 1, max_size=start - 1)
                )
            ]
            floor_units = sum(m.units for m in spent)
        else:
            plan = _budgets.Budget(year=year, lines=lines, revisions=revisions).plan(line.code)
            floor_units = sum(m.units for m in plan.months[: start - 1])
        extra = draw(st.integers(0, 10**10))
        tail = line.profile.month_weights(year)[start - 1 :]
        revisions.append(
            _budgets.Revision(
                code=line.code,
                from_month=start,
                annual=Money.from_units(floor_units + extra, currency),
                carry_forward=carry,
                spent=spent,
                reason="re-forecast",
                # a profile without weight in the remaining months cannot spread an amount
                profile=_budgets.Profile.even() if sum(tail) == 0 else None,
            )
        )
    return _budgets.Budget(year=year, lines=lines, revisions=revisions)


@st.composite
def stock_lots(
    draw: st.DrawFn, *, item: str = "item", currency: Currency = Currency.CNY, max_lots: int = 6
) -> tuple[_inventory.Lot, ...]:
    """1–*max_lots* `Lot`s of one item (dates may repeat: ties keep their order)."""
    n = draw(st.integers(1, max_lots))
    return tuple(
        _inventory.Lot(
            item=item,
            received=draw(dates(min_value=date(2024, 1, 1), max_value=date(2025, 12, 31))),
            quantity=draw(st.integers(1, 500)),
            unit_cost=draw(monies(currency=currency, min_units=0, max_units=10**6)),
        )
        for _ in range(n)
    )


@st.composite
def staffing_ratios(draw: st.DrawFn) -> _staffing.StaffingRatios:
    """`StaffingRatios` with positive ratios and zone sizes (sometimes the seed's)."""
    if draw(st.booleans()):
        return _staffing.StaffingRatios.seed()
    positive = st.fractions(min_value=Fraction(1, 10), max_value=5, max_denominator=10)
    return _staffing.StaffingRatios(
        guards_per_10000_m2=draw(positive),
        cleaners_per_10000_m2=draw(positive),
        zone_households=draw(st.integers(50, 1000)),
        villa_zone_households=draw(st.integers(50, 1000)),
        zone_area_m2=draw(st.integers(10_000, 200_000)),
        show_flat_cap=draw(st.integers(1, 40)),
        rounding=draw(st.sampled_from((Rounding.CEILING, Rounding.HALF_UP, Rounding.FLOOR))),
    )


# --- core values: hostile decimal contexts and numbers of absurd size (money, rates, budgets) ---
import decimal as _decimal  # noqa: E402

DECIMAL_SIGNALS: tuple[type[_decimal.DecimalException], ...] = (
    _decimal.Clamped,
    _decimal.DivisionByZero,
    _decimal.FloatOperation,
    _decimal.Inexact,
    _decimal.InvalidOperation,
    _decimal.Overflow,
    _decimal.Rounded,
    _decimal.Subnormal,
    _decimal.Underflow,
)
"""Every signal of the `decimal` module (a hostile context traps them all)."""

DECIMAL_ROUNDINGS: tuple[str, ...] = (
    _decimal.ROUND_05UP,
    _decimal.ROUND_CEILING,
    _decimal.ROUND_DOWN,
    _decimal.ROUND_FLOOR,
    _decimal.ROUND_HALF_DOWN,
    _decimal.ROUND_HALF_EVEN,
    _decimal.ROUND_HALF_UP,
    _decimal.ROUND_UP,
)


def hostile_context() -> _decimal.Context:
    """The worst context a caller might set: precision 1, every trap on, odd rounding."""
    return _decimal.Context(
        prec=1,
        rounding=_decimal.ROUND_05UP,
        Emin=-6,
        Emax=6,
        capitals=0,
        clamp=1,
        traps=list(DECIMAL_SIGNALS),
    )


@st.composite
def hostile_contexts(draw: st.DrawFn) -> _decimal.Context:
    """A `decimal.Context` a caller might have set around a propstd call: a tiny precision,
    any traps (often all), any rounding, a narrow exponent range, lower-case exponents."""
    emax = draw(st.sampled_from((6, 99, 999_999)))
    traps = draw(st.just(list(DECIMAL_SIGNALS)) | st.lists(st.sampled_from(DECIMAL_SIGNALS)))
    return _decimal.Context(
        prec=draw(st.integers(1, 6) | st.just(28)),
        rounding=draw(st.sampled_from(DECIMAL_ROUNDINGS)),
        Emin=-emax,
        Emax=emax,
        capitals=draw(st.sampled_from((0, 1))),
        clamp=draw(st.sampled_from((0, 1))),
        traps=traps,
    )


def huge_numbers() -> st.SearchStrategy[_Decimal | int | Fraction]:
    """Exact numbers of absurd size: exponents beyond ±10⁶ (propstd refuses them at once) and
    numbers of more than 4,300 digits (Python's int-to-text limit), of either sign."""
    beyond = st.integers(10**6 + 1, 10**12).flatmap(
        lambda e: st.sampled_from((_Decimal((0, (1,), e)), _Decimal((0, (7,), -e))))
    )
    long = st.sampled_from(
        (
            _Decimal("9.99e5000"),
            _Decimal("1e-5000"),
            10**5000,
            Fraction(1, 10**5000),
            Fraction(10**5000 + 1, 3),
        )
    )
    return st.one_of(beyond, long)


# --- repairs ---
from collections.abc import Mapping as _Mapping  # noqa: E402

import attrs as _attrs  # noqa: E402

from propstd.repairs import RepairCategory as _RepairCategory  # noqa: E402
from propstd.repairs import RepairLimits as _RepairLimits  # noqa: E402
from propstd.repairs import RepairOrder as _RepairOrder  # noqa: E402
from propstd.timelines import Timeline as _Timeline  # noqa: E402

REPAIR_TZ = _ZoneInfo("Asia/Shanghai")
REPAIR_TECHNICIANS = ("张伟", "李强", "王磊", "")


@st.composite
def repair_limits(draw: st.DrawFn, *, partial: bool = False) -> _RepairLimits:
    """A `RepairLimits`: natural-minute arrivals, completions in natural hours or working days
    (never shorter than the arrival where the two compare), a revisit in working days or hours.
    With *partial*, any of those limits may be left out (see `repair_limit_parts`)."""
    arrival = {c: TimeLimit.minutes(draw(st.integers(0, 120))) for c in _RepairCategory}
    completion: dict[_RepairCategory, TimeLimit] = {}
    for c in _RepairCategory:
        if draw(st.booleans()):
            hours = draw(st.integers(-(-arrival[c].amount // 60), 48))
            completion[c] = TimeLimit.hours(hours)
        else:
            completion[c] = TimeLimit.working_days(draw(st.integers(0, 5)))
    revisit = draw(
        st.sampled_from(
            (
                TimeLimit.working_days(0),
                TimeLimit.working_days(1),
                TimeLimit.working_days(3),
                TimeLimit.hours(24),
                TimeLimit.working_hours(4),
            )
        )
    )
    full = _RepairLimits(arrival=arrival, completion=completion, revisit=revisit)
    return draw(repair_limit_parts(full)) if partial else full


@st.composite
def repair_limit_parts(draw: st.DrawFn, limits: _RepairLimits) -> _RepairLimits:
    """*limits* with any subset of its limits left out: categories dropped from `arrival` and
    `completion` (perhaps all), perhaps no `revisit`."""

    def kept(table: _Mapping[_RepairCategory, TimeLimit]) -> dict[_RepairCategory, TimeLimit]:
        chosen = draw(st.sets(st.sampled_from(tuple(table)))) if table else set()
        return {c: t for c, t in table.items() if c in chosen}

    return _RepairLimits(
        arrival=kept(limits.arrival),
        completion=kept(limits.completion),
        revisit=draw(st.sampled_from((limits.revisit, None))),
    )


def repair_instants() -> st.SearchStrategy[_datetime]:
    """Instants in 2024–2025 in Asia/Shanghai, to the minute."""
    return st.datetimes(
        min_value=_datetime(2024, 1, 1),
        max_value=_datetime(2025, 12, 31),
        timezones=st.just(REPAIR_TZ),
    ).map(lambda t: t.replace(second=0, microsecond=0))


@st.composite
def repair_timelines(
    draw: st.DrawFn, *, start: _datetime | None = None, pause: bool | None = None
) -> _Timeline:
    """A repair timeline: received, then perhaps arrived, a pause (for parts), completed and a
    revisit with a verdict, each step minutes to days after the one before."""
    t = draw(repair_instants()) if start is None else start
    timeline = _Timeline.start(t)

    def later(most: int) -> _datetime:
        nonlocal t
        t = t + _timedelta(minutes=draw(st.integers(0, most)))
        return t

    if not draw(st.integers(0, 9)):
        return timeline
    timeline = timeline.arrived(later(180))
    if draw(st.booleans()) if pause is None else pause:
        timeline = timeline.paused(later(600), draw(st.sampled_from(("parts", "owner absent"))))
        timeline = timeline.resumed(later(60 * 48))
    if not draw(st.integers(0, 5)):
        return timeline
    timeline = timeline.completed(later(60 * 72))
    if draw(st.integers(0, 4)):
        timeline = timeline.revisited(
            later(60 * 72), satisfied=draw(st.sampled_from((True, False, None)))
        )
    return timeline


@st.composite
def repair_orders(
    draw: st.DrawFn,
    *,
    category: _RepairCategory | None = None,
    order_id: str | None = None,
    rework_of: st.SearchStrategy[str | None] | None = None,
    timelines: st.SearchStrategy[_Timeline] | None = None,
) -> _RepairOrder:
    """A valid `RepairOrder` (a scheduled one has an appointment after receipt)."""
    chosen = draw(st.sampled_from(_RepairCategory)) if category is None else category
    timeline = draw(repair_timelines() if timelines is None else timelines)
    appointment = None
    if chosen is _RepairCategory.SCHEDULED:
        appointment = timeline.received_at + _timedelta(minutes=draw(st.integers(0, 60 * 72)))
    ident = draw(st.from_regex(r"R-[0-9]{1,4}", fullmatch=True)) if order_id is None else order_id
    return _RepairOrder(
        ident,
        chosen,
        timeline,
        unit=draw(st.sampled_from(("", "3-1502", "T7 B1"))),
        technician=draw(st.sampled_from(REPAIR_TECHNICIANS)),
        rework_of=draw(st.none() if rework_of is None else rework_of),
        warranty_until=draw(
            st.none() | dates(min_value=date(2024, 1, 1), max_value=date(2030, 12, 31))
        ),
        appointment=appointment,
    )


# --- calendars ---
from datetime import time as _time  # noqa: E402

from propstd.calendars import Closure as _Closure  # noqa: E402
from propstd.calendars import TimeWindow as _TimeWindow  # noqa: E402

CALENDAR_BASES: tuple[date, ...] = (
    date(2025, 3, 27),  # Europe/Berlin springs forward on 2025-03-30
    date(2025, 10, 23),  # Europe/Berlin falls back on 2025-10-26
    date(2025, 3, 6),  # America/New_York springs forward on 2025-03-09
    date(2025, 10, 30),  # America/New_York falls back on 2025-11-02
    date(2025, 1, 23),  # Spring Festival week
)
"""Dates around which `working_calendars()` puts holidays, make-up days and closures."""


def _clock_at(minutes: int) -> _time:
    return _time(minutes // 60 % 24, minutes % 60)


@st.composite
def time_windows(draw: st.DrawFn, *, step: int = 30) -> _TimeWindow:
    """A `TimeWindow` on a *step*-minute grid (sometimes overnight or the whole day)."""
    grid = 24 * 60 // step
    start = draw(st.integers(0, grid - 1)) * step
    length = draw(st.integers(1, grid if start == 0 else grid - 1)) * step  # 24 h only from 00:00
    return _TimeWindow(_clock_at(start), _clock_at(start + length))


@st.composite
def _day_windows(draw: st.DrawFn, *, step: int) -> list[tuple[int, int]]:
    """0-3 non-overlapping windows of one day as minute spans; the last may pass midnight."""
    grid = 24 * 60 // step
    count = draw(st.integers(0, 3))
    points = sorted(
        draw(st.lists(st.integers(0, grid), min_size=2 * count, max_size=2 * count, unique=True))
    )
    spans = [(points[2 * i] * step, points[2 * i + 1] * step) for i in range(count)]
    return [(s, e) for s, e in spans if s < 24 * 60]


@st.composite
def working_calendars(
    draw: st.DrawFn,
    *,
    zones: Sequence[str] = ZONE_KEYS,
    step: int = 30,
    around: date | None = None,
) -> WorkingCalendar:
    """A random `WorkingCalendar`: windows (incl. overnight), holidays, make-up days, closures.

    Every week has some working time. Holidays, make-up days and closures fall within two
    weeks of *around* (default: one of `CALENDAR_BASES`).
    """
    key = draw(st.sampled_from(zones))
    tz = _zone(key)
    week = [draw(_day_windows(step=step)) for _ in range(7)]
    if not any(week):
        week[draw(st.integers(0, 6))] = [(9 * 60, 17 * 60)]
    # Maybe stretch each day's last window past midnight, up to the next day's first start.
    for i in range(7):
        stretch = draw(st.booleans())
        if week[i] and stretch:
            s, _ = week[i][-1]
            nxt = week[(i + 1) % 7]
            limit = min(nxt[0][0] if nxt else 24 * 60, s - step)  # shorter than 24 h
            if limit >= step:
                end = draw(st.integers(1, limit // step)) * step
                week[i][-1] = (s, 24 * 60 + end)
    windows = [tuple(_TimeWindow(_clock_at(s), _clock_at(e)) for s, e in day) for day in week]
    base = around if around is not None else draw(st.sampled_from(CALENDAR_BASES))
    near = st.integers(-7, 10).map(lambda k: base + timedelta(days=k))
    holidays = draw(st.sets(near, max_size=3))
    makeup = draw(st.sets(near, max_size=2)) - holidays
    makeup_windows = None
    if draw(st.booleans()):
        makeup_windows = (draw(time_windows(step=step)),)
    closures = []
    for _ in range(draw(st.integers(0, 2))):
        start = datetime.combine(draw(near), _time(0), tz) + timedelta(
            minutes=draw(st.integers(0, 24 * 60 // step)) * step
        )
        length = timedelta(minutes=draw(st.integers(1, 3 * 24 * 60 // step)) * step)
        closures.append(_Closure(start, start + length, draw(st.sampled_from(("", "typhoon")))))
    return WorkingCalendar(
        zone=key,
        week=windows,
        holidays=holidays,
        makeup_days=makeup,
        makeup_windows=makeup_windows,
        closures=closures,
        name=draw(st.sampled_from(("", "random"))),
    )


@st.composite
def closures(draw: st.DrawFn, *, zones: Sequence[str] = ZONE_KEYS) -> _Closure:
    """An aware `Closure` of up to three days."""
    start = draw(
        aware_datetimes(zones=zones, min_value=datetime(2020, 1, 1), max_value=datetime(2030, 1, 1))
    )
    length = draw(st.integers(1, 3 * 24 * 60))
    return _Closure(
        start, start + timedelta(minutes=length), draw(st.sampled_from(("", "typhoon")))
    )


# --- timelines ---
from propstd._vocab import Vocabulary as _Vocabulary  # noqa: E402
from propstd.complaints import Channel as _Channel  # noqa: E402
from propstd.complaints import Complaint as _Complaint  # noqa: E402
from propstd.complaints import ComplaintLevel as _ComplaintLevel  # noqa: E402
from propstd.complaints import ComplaintPolicy as _ComplaintPolicy  # noqa: E402
from propstd.complaints import EscalationLadder as _EscalationLadder  # noqa: E402
from propstd.timelines import Milestone as _Milestone  # noqa: E402
from propstd.timelines import PriorityChangePolicy as _PriorityChangePolicy  # noqa: E402
from propstd.timelines import ReopenPolicy as _ReopenPolicy  # noqa: E402
from propstd.timelines import Timeline as _Tline  # noqa: E402
from propstd.timelines import TimelineState as _TLState  # noqa: E402

TIMELINE_PRIORITIES = ("low", "normal", "urgent")
"""The priorities `timelines()` changes to and `milestones()` gives limits for."""

_NEXT_KINDS: dict[_TLState, tuple[str, ...]] = {
    _TLState.OPEN: (
        "responded",
        "arrived",
        "paused",
        "completed",
        "closed",
        "priority_changed",
        "contacted",
    ),
    _TLState.PAUSED: ("responded", "resumed", "priority_changed", "contacted"),
    _TLState.COMPLETED: ("closed", "priority_changed", "contacted", "revisited"),
    _TLState.CLOSED: ("reopened", "revisited"),
}


def timeline_instants() -> st.SearchStrategy[datetime]:
    """Instants in 2024–2025 in Asia/Shanghai, to the minute."""
    return st.datetimes(
        min_value=datetime(2024, 1, 1),
        max_value=datetime(2025, 12, 1),
        timezones=st.just(ZoneInfo("Asia/Shanghai")),
    ).map(lambda t: t.replace(second=0, microsecond=0))


@st.composite
def timelines(
    draw: st.DrawFn,
    *,
    start: datetime | None = None,
    max_events: int = 10,
    max_gap_minutes: int = 60 * 30,
    kinds: Sequence[str] | None = None,
) -> _Tline:
    """A legal `Timeline`: a random walk over the events allowed in each state (restricted to
    *kinds* if given), each event 0 to *max_gap_minutes* after the one before."""
    t = draw(timeline_instants()) if start is None else start
    timeline = _Tline.start(t)
    responded = False
    for _ in range(draw(st.integers(0, max_events))):
        options = [
            k
            for k in _NEXT_KINDS[timeline.state]
            if (kinds is None or k in kinds) and not (k == "responded" and responded)
        ]
        if not options:
            break
        kind = draw(st.sampled_from(options))
        t = t + timedelta(minutes=draw(st.integers(0, max_gap_minutes)))
        if kind == "paused":
            timeline = timeline.paused(t, draw(st.sampled_from(("parts", "owner absent"))))
        elif kind == "priority_changed":
            timeline = timeline.priority_changed(t, draw(st.sampled_from(TIMELINE_PRIORITIES)))
        elif kind == "revisited":
            timeline = timeline.revisited(t, satisfied=draw(st.sampled_from((True, False, None))))
        else:
            timeline = getattr(timeline, kind)(t)
        responded = (responded or kind == "responded") and kind != "reopened"
    return timeline


@st.composite
def milestones(
    draw: st.DrawFn,
    *,
    target: str | None = None,
    pausable: bool | None = None,
    reopen: _ReopenPolicy | None = None,
    priority_change: _PriorityChangePolicy | None = None,
    clock: Clock | None = None,
) -> _Milestone:
    """A `Milestone` from `received` with a small limit, limits for some priorities, and any
    policies (narrow with the knobs)."""

    def limit() -> TimeLimit:
        chosen = draw(st.sampled_from(Clock)) if clock is None else clock
        # the units of 0.1: TimeUnit has weeks, months and years since 0.2 (natural clock only)
        unit = draw(st.sampled_from(_WORKING_UNITS))
        top = {TimeUnit.MINUTE: 600, TimeUnit.HOUR: 72, TimeUnit.DAY: 5}[unit]
        return TimeLimit(draw(st.integers(0, top)), unit, chosen)

    targets = ("responded", "arrived", "completed", "closed")
    return _Milestone(
        draw(st.sampled_from(targets)) if target is None else target,
        limit(),
        pausable=draw(st.booleans()) if pausable is None else pausable,
        reopen=draw(st.sampled_from(_ReopenPolicy)) if reopen is None else reopen,
        priority_change=(
            draw(st.sampled_from(_PriorityChangePolicy))
            if priority_change is None
            else priority_change
        ),
        priority_limits={p: limit() for p in draw(st.sets(st.sampled_from(TIMELINE_PRIORITIES)))},
    )


@st.composite
def escalation_ladders(draw: st.DrawFn, *, max_steps: int = 4) -> _EscalationLadder:
    """A ladder of 1 to *max_steps* steps with strictly increasing thresholds (hours, on either
    clock) and distinct roles."""
    hours = sorted(draw(st.sets(st.integers(1, 96), min_size=1, max_size=max_steps)))
    return _EscalationLadder.of(
        *(
            (TimeLimit(h, TimeUnit.HOUR, draw(st.sampled_from(Clock))), f"role-{i}")
            for i, h in enumerate(hours)
        )
    )


@st.composite
def complaint_policies(draw: st.DrawFn, *, partial: bool = False) -> _ComplaintPolicy:
    """A `ComplaintPolicy` with a random ladder and small limits; with *partial*, any of its
    rules may be left unset (see `complaint_policy_parts`), and a VIP role may be off the
    ladder."""
    ladder = draw(escalation_ladders())
    roles = [s.role for s in ladder.steps]
    full = _ComplaintPolicy(
        ladder=ladder,
        response=_Milestone("responded", TimeLimit.hours(draw(st.integers(1, 48)))),
        reply=_Milestone("responded", TimeLimit.working_days(0), name="reply"),
        contact_every=TimeLimit.working_days(draw(st.integers(1, 3))),
        resolution=_Milestone("closed", TimeLimit.working_days(draw(st.integers(1, 5)))),
        revisit=_Milestone("revisited", TimeLimit.working_days(3), start="closed"),
        vip_role=draw(st.sampled_from([*roles, "manager"] if partial else roles)),
        major_role="general manager",
        repeat_window=timedelta(days=draw(st.integers(1, 60))),
        department_limit=draw(st.integers(1, 3)),
    )
    return draw(complaint_policy_parts(full)) if partial else full


COMPLAINT_RULES: tuple[str, ...] = tuple(a.name for a in _attrs.fields(_ComplaintPolicy))
"""The rules of a `ComplaintPolicy` (its fields), each of which may be unset."""


@st.composite
def complaint_policy_parts(draw: st.DrawFn, policy: _ComplaintPolicy) -> _ComplaintPolicy:
    """*policy* with any subset of its rules unset, at least one of those it sets kept."""
    set_rules = [r for r in COMPLAINT_RULES if getattr(policy, r) is not None]
    kept = draw(st.sets(st.sampled_from(set_rules), min_size=1))
    return _attrs.evolve(policy, **{r: None for r in COMPLAINT_RULES if r not in kept})


@st.composite
def vocabulary_spellings(draw: st.DrawFn, *kinds: type[_Vocabulary]) -> tuple[_Vocabulary, str]:
    """A member of one of *kinds* and one way of writing it: any of its words, in upper or
    lower case, with blanks around it."""
    member = draw(st.sampled_from([m for kind in kinds for m in kind]))
    word = draw(st.sampled_from(member.words))
    pad = draw(st.sampled_from(["", " ", "\t", "  "]))
    return member, pad + (word.upper() if draw(st.booleans()) else word) + pad


CHANNEL_WORDS = tuple(w for m in _Channel for w in m.words)
LEVEL_WORDS = tuple(w for m in _ComplaintLevel for w in m.words)


@st.composite
def complaints(
    draw: st.DrawFn,
    *,
    timeline: st.SearchStrategy[_Tline] | None = None,
    vip: bool | None = None,
    complaint_id: str | None = None,
) -> _Complaint:
    """A valid `Complaint` with a legal timeline."""
    tl = draw(timelines() if timeline is None else timeline)
    return _Complaint(
        draw(st.from_regex(r"TS-[0-9]{1,4}", fullmatch=True))
        if complaint_id is None
        else complaint_id,
        tl.received_at,
        # any word the vocabularies read: English values, Chinese labels, the seeds' words
        draw(st.sampled_from(CHANNEL_WORDS)),
        draw(st.sampled_from(LEVEL_WORDS)),
        vip=draw(st.booleans()) if vip is None else vip,
        major=draw(st.booleans()),
        departments=tuple(draw(st.sets(st.sampled_from(("客服部", "工程部", "财务部", "秩序部"))))),
        customer=draw(st.sampled_from(("", "3-1201", "5-0802"))),
        topic=draw(st.sampled_from(("", "noise", "lift"))),
        owner=draw(st.sampled_from(("", "王敏", "李强"))),
        timeline=tl,
    )


# --- surveys, ranking (propstd.surveys, propstd.ranking) ---
from datetime import timezone as _stimezone  # noqa: E402
from typing import Any as _Any  # noqa: E402

from propstd.surveys import Score as _Score  # noqa: E402
from propstd.surveys import SurveyPolicy as _SurveyPolicy  # noqa: E402
from propstd.surveys import SurveyResponse as _SurveyResponse  # noqa: E402

SURVEY_ITEMS: tuple[str, ...] = ("秩序维护", "环境卫生", "工程维修", "客户服务", "绿化养护")
"""The service items of generated surveys."""
SURVEY_TZ = _stimezone(_timedelta(hours=8))
"""The zone of generated survey responses (+08:00)."""


def household_ids(*, max_size: int = 60) -> st.SearchStrategy[list[str]]:
    """Distinct household ids such as `"H0042"` or `"3-1502"`."""
    one = st.one_of(
        st.integers(1, 9_999).map(lambda n: f"H{n:04d}"),
        st.builds(lambda t, r: f"{t}-{r}", st.integers(1, 12), st.integers(101, 3_304)),
    )
    return st.lists(one, max_size=max_size, unique=True)


def survey_scores() -> st.SearchStrategy[_Score]:
    """Any `Score` (five-point or words)."""
    return st.sampled_from(_Score)


@st.composite
def survey_policies(
    draw: st.DrawFn, *, items: Sequence[str] = SURVEY_ITEMS, partial: bool = False
) -> _SurveyPolicy:
    """A `SurveyPolicy` naming *items*, with any share, minimum, targets and satisfied set;
    with *partial*, any of its rules may be left out (see `survey_policy_parts`)."""
    full = _SurveyPolicy(
        draw(frequencies(units=(PeriodUnit.MONTH, PeriodUnit.HALF_YEAR, PeriodUnit.YEAR))),
        draw(st.fractions(min_value=Fraction(1, 100), max_value=1, max_denominator=100)),
        draw(st.integers(0, 50)),
        draw(targets()),
        draw(targets()),
        items=tuple(items),
        satisfied=draw(st.sets(survey_scores(), min_size=1)),
    )
    return draw(survey_policy_parts(full)) if partial else full


SURVEY_RULES = ("frequency", "sampling", "minimum_responses", "target", "low_item")
"""The rules of a `SurveyPolicy` that may be left out (`None`)."""


@st.composite
def survey_policy_parts(draw: st.DrawFn, policy: _SurveyPolicy) -> _SurveyPolicy:
    """*policy* with any subset of its optional rules left out (perhaps all)."""
    dropped: dict[str, _Any] = dict.fromkeys(draw(st.sets(st.sampled_from(SURVEY_RULES))))
    return _attrs.evolve(policy, **dropped)


@st.composite
def survey_responses(
    draw: st.DrawFn,
    *,
    households: Sequence[str] = ("H0001", "H0002", "H0003", "H0004", "H0005"),
    surveys: Sequence[str] = ("S2025",),
    items: Sequence[str] = SURVEY_ITEMS,
    year: int = 2025,
) -> _SurveyResponse:
    """A `SurveyResponse` of one of *households* to one of *surveys*, in or near *year*."""
    at = draw(
        st.datetimes(
            min_value=_datetime(year - 1, 12, 25),
            max_value=_datetime(year + 1, 1, 5),
            timezones=st.just(SURVEY_TZ),
        )
    )
    answered = draw(st.lists(st.sampled_from(items), min_size=1, unique=True))
    return _SurveyResponse(
        draw(st.sampled_from(surveys)),
        draw(st.sampled_from(households)),
        at,
        {item: draw(survey_scores()) for item in answered},
        draw(st.sampled_from(("", "好", "lift slow"))),
    )


def rank_values(kind: str) -> st.SearchStrategy[object]:
    """Values to rank of one *kind*: `"rate"` (with `0/0`), `"number"` (ints and Decimals),
    `"money"` (CNY)."""
    if kind == "rate":
        return rates(max_count=20)
    if kind == "money":
        return monies(currency=Currency.CNY, max_units=500)
    return st.one_of(
        st.integers(-20, 20),
        st.decimals(min_value=-20, max_value=20, places=1, allow_nan=False),
    )


# --- routines (propstd.routines) ---
from propstd.frequencies import ShiftPolicy as _ShiftPolicy  # noqa: E402
from propstd.routines import Routine as _Routine  # noqa: E402
from propstd.routines import RoutineEntry as _RoutineEntry  # noqa: E402
from propstd.routines import Trigger as _Trigger  # noqa: E402
from propstd.routines import TriggeredDuty as _TriggeredDuty  # noqa: E402

ROUTINE_TZ = _stimezone(_timedelta(hours=8))
"""The zone of generated log entries and triggers (+08:00, as the China calendar)."""


@st.composite
def routines(draw: st.DrawFn, *, code: str = "R") -> _Routine:
    """A `Routine` named *code*: a seed frequency (count 1-3), any shift, evidence or not."""
    return _Routine(
        code,
        f"routine {code}",
        draw(seed_frequencies()),
        evidence_required=draw(st.booleans()),
        shift=draw(st.sampled_from(_ShiftPolicy)),
    )


@st.composite
def triggered_duties(
    draw: st.DrawFn, *, code: str = "D", kinds: Sequence[str] = ("rain", "move_in")
) -> _TriggeredDuty:
    """A `TriggeredDuty` named *code*, started by one of *kinds*, with any short limit."""
    limit = draw(
        st.sampled_from(("30 minutes", "1 hour", "4 hours", "当日", "次日", "2个工作日", "3天"))
    )
    return _TriggeredDuty(
        code,
        f"duty {code}",
        draw(st.sampled_from(kinds)),
        TimeLimit.parse(limit),
        evidence_required=draw(st.booleans()),
    )


def duty_instants(*, start: _datetime, days: int) -> st.SearchStrategy[_datetime]:
    """Instants in +08:00 from *start* over *days* days, on whole minutes."""
    return st.integers(0, days * 24 * 60 - 1).map(lambda m: start + _timedelta(minutes=m))


@st.composite
def routine_entries(
    draw: st.DrawFn,
    *,
    codes: Sequence[str],
    start: _datetime,
    days: int,
    subjects: Sequence[str] = ("",),
) -> _RoutineEntry:
    """A log entry of one of *codes* between *start* and *days* later, evidence or not."""
    return _RoutineEntry(
        draw(st.sampled_from(codes)),
        draw(duty_instants(start=start, days=days)),
        draw(st.sampled_from(("李经理", "保洁班", "工程部"))),
        evidence=draw(st.sampled_from(((), ("photo",), ("minutes", "sign-in")))),
        subject=draw(st.sampled_from(subjects)),
    )


@st.composite
def triggers(
    draw: st.DrawFn,
    *,
    kinds: Sequence[str] = ("rain", "move_in"),
    start: _datetime,
    days: int,
    subjects: Sequence[str] = ("",),
) -> _Trigger:
    """A `Trigger` of one of *kinds* between *start* and *days* later."""
    return _Trigger(
        draw(st.sampled_from(kinds)),
        draw(duty_instants(start=start, days=days)),
        subject=draw(st.sampled_from(subjects)),
    )


# --- tables ---
import attrs as _attrs  # noqa: E402

from propstd.budgets import Actual as _Actual  # noqa: E402
from propstd.inspections import CheckRecord as _TCheckRecord  # noqa: E402
from propstd.tables import Collection as _Collection  # noqa: E402


def table_texts(*, min_size: int = 0, max_size: int = 12) -> st.SearchStrategy[str]:
    """Any text a CSV cell can hold (no NUL, no lone surrogate); *min_size* > 0 also means
    not blank."""
    text = st.text(
        alphabet=st.characters(codec="utf-8", exclude_characters="\x00"),
        min_size=min_size,
        max_size=max_size,
    )
    return text.filter(lambda s: bool(s.strip())) if min_size else text


def table_items() -> st.SearchStrategy[str]:
    """An item of a list cell: not blank, no blanks around it, no `;` or `；`."""
    return (
        table_texts(min_size=1)
        .map(str.strip)
        .filter(lambda s: bool(s) and ";" not in s and "；" not in s)
    )


@st.composite
def table_check_records(draw: st.DrawFn) -> _TCheckRecord:
    """A `CheckRecord` with any texts, instant (any zone, to the microsecond) and evidence."""
    return _TCheckRecord(
        draw(table_texts(min_size=1)),
        draw(aware_datetimes()),
        draw(table_texts()),
        samples=draw(st.integers(1, 10**6)),
        evidence=draw(st.lists(table_items(), max_size=3)),
        round_id=draw(table_texts()),
    )


@st.composite
def table_actuals(draw: st.DrawFn) -> _Actual:
    """A budget `Actual` of any month and amount (negative too)."""
    return _Actual(
        code=draw(table_texts(min_size=1)),
        month=draw(periods(unit=PeriodUnit.MONTH)),
        amount=draw(monies()),
    )


@st.composite
def table_collections(draw: st.DrawFn) -> _Collection:
    """A `Collection` row: a month and two non-negative amounts in one currency."""
    currency = draw(currencies())
    return _Collection(
        month=draw(periods(unit=PeriodUnit.MONTH)),
        billed=draw(monies(currency=currency, min_units=0)),
        collected=draw(monies(currency=currency, min_units=0)),
    )


@st.composite
def table_findings(draw: st.DrawFn) -> Finding:
    """A `Finding` (with a legal history) whose free texts are any texts."""
    f = draw(findings())
    return _attrs.evolve(
        f,
        id=draw(table_texts(min_size=1)),
        item_code=draw(table_texts(min_size=1)),
        description=draw(table_texts(min_size=1)),
        location=draw(table_texts()),
        owner=draw(table_texts()),
        department=draw(table_texts()),
    )


@st.composite
def table_complaints(draw: st.DrawFn) -> _Complaint:
    """A `Complaint` whose id and free texts are any texts and departments any list items."""
    c = draw(complaints())
    return _attrs.evolve(
        c,
        id=draw(table_texts(min_size=1)),
        departments=tuple(draw(st.sets(table_items(), max_size=3))),
        customer=draw(table_texts()),
        topic=draw(table_texts()),
        owner=draw(table_texts()),
    )


@st.composite
def table_repair_orders(draw: st.DrawFn) -> _RepairOrder:
    """A `RepairOrder` whose id, unit, technician and rework id are any texts."""
    r = draw(repair_orders())
    ident = draw(table_texts(min_size=1))
    rework = draw(st.none() | table_texts(min_size=1).filter(lambda s: s != ident))
    return _attrs.evolve(
        r,
        id=ident,
        unit=draw(table_texts()),
        technician=draw(table_texts()),
        rework_of=rework,
    )


@st.composite
def table_survey_responses(draw: st.DrawFn) -> _SurveyResponse:
    """A `SurveyResponse` with any texts and scores of any items (items that can head a CSV
    column: no blanks around them, never named like the table's own columns)."""
    items = st.one_of(
        st.sampled_from(("秩序维护", "环境卫生", "工程维修", "客户服务")),
        table_texts(min_size=1).map(lambda s: f"项目{s}".strip()),
    )
    return _SurveyResponse(
        draw(table_texts(min_size=1)),
        draw(table_texts(min_size=1)),
        draw(aware_datetimes()),
        draw(st.dictionaries(items, st.sampled_from(_Score), min_size=1, max_size=4)),
        comment=draw(table_texts()),
    )


@st.composite
def table_routine_entries(draw: st.DrawFn) -> _RoutineEntry:
    """A `RoutineEntry` with any texts, instant and evidence."""
    return _RoutineEntry(
        draw(table_texts(min_size=1)),
        draw(aware_datetimes()),
        draw(table_texts(min_size=1)),
        evidence=draw(st.lists(table_items(), max_size=3)),
        subject=draw(table_texts()),
    )


# --- frames.dask: check records as frames, partitionings (propstd.frames.dask) ---
import itertools  # noqa: E402


def check_frame(records: Sequence[_CheckRecord], **more: Sequence[object]) -> _Any:
    """*records* as a pandas DataFrame in the check table's columns (evidence as `;` text,
    the way dask keeps it), with *more* columns (the property, ...) added."""
    import pandas as pd  # only the frames tests need pandas

    frame = pd.DataFrame(
        {
            "item_code": [r.item_code for r in records],
            "at": pd.Series([r.at for r in records], dtype="datetime64[us, UTC]"),
            "inspector": [r.inspector for r in records],
            "samples": pd.Series([r.samples for r in records], dtype="int64"),
            "evidence": [";".join(r.evidence) for r in records],
            "round_id": [r.round_id for r in records],
        }
    )
    for name, values in more.items():
        frame[name] = list(values)
    return frame


@st.composite
def partitionings(draw: st.DrawFn, n: int, *, max_parts: int = 6) -> list[tuple[int, int]]:
    """`[a, b)` row ranges that cover `range(n)` in order, empty ones included."""
    parts = draw(st.integers(1, max_parts))
    cuts = sorted(draw(st.lists(st.integers(0, n), min_size=parts - 1, max_size=parts - 1)))
    edges = [0, *cuts, n]
    return list(itertools.pairwise(edges))
