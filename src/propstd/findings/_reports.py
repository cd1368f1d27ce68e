"""Findings: improvement notices, repeats, deductions, score and closure rate (private part)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta, tzinfo
from decimal import Decimal

import attrs

from propstd._numbers import EXACT
from propstd._table import Column, Rendered, Table
from propstd._time import DAY, ZERO, day_start, to_utc
from propstd._time import zone as _zone
from propstd._validators import (
    aware,
    check_aware,
    check_timedelta,
    check_type,
    is_str,
    to_tuple,
    tuple_of,
)
from propstd._vocab import to_member
from propstd.errors import InvalidValueError
from propstd.findings._records import (
    Category,
    ClosureBasis,
    Finding,
    FindingStatus,
    Severity,
    _to_category,
    _to_points,
)
from propstd.periods import Period
from propstd.rates import Rate


def _to_items(value: Iterable[NoticeItem]) -> tuple[NoticeItem, ...]:
    return to_tuple(value)


def _to_status(value: FindingStatus | str) -> FindingStatus:
    return to_member("status", FindingStatus, value)


# -- improvement notices ---------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class NoticeItem:
    """One open finding on an improvement notice, with its status and overdue time at `as_of`."""

    finding: Finding = attrs.field(validator=attrs.validators.instance_of(Finding))
    """The finding."""
    status: FindingStatus = attrs.field(converter=_to_status, repr=lambda s: repr(s.value))
    """Open or reopened at the notice's `as_of`."""
    overdue_by: timedelta = attrs.field(validator=attrs.validators.instance_of(timedelta))
    """How far `as_of` is past the deadline (zero when on time)."""

    @property
    def is_overdue(self) -> bool:
        """Whether the deadline has passed."""
        return self.overdue_by > ZERO


_UNASSIGNED = "未指定部门 (no department)"


@attrs.frozen(kw_only=True)
class NoticeRow:
    """One line of an improvement notice, as plain typed values (what `rows()` returns)."""

    no: int
    """Its number on the notice (1, 2, ...)."""
    id: str
    """The finding's id."""
    item_code: str
    """The check item it was found on."""
    category: Category
    """Suggestion, rectification or deduction item."""
    severity: Severity
    """How serious it is."""
    description: str
    """What was found."""
    location: str
    """Where."""
    owner: str
    """Who must rectify it."""
    rectify_by: datetime
    """The rectification deadline, in the notice's zone."""
    status: FindingStatus
    """Open or reopened at the notice's `as_of`."""
    overdue_by: timedelta
    """How far `as_of` is past the deadline (zero when on time)."""


_NOTICE_COLUMNS = (
    Column("序号 No.", "right"),
    Column("编号 ID"),
    Column("检查项 Item"),
    Column("类别 Category"),
    Column("严重度 Severity"),
    Column("问题描述 Finding"),
    Column("位置 Location"),
    Column("责任人 Owner"),
    Column("整改期限 Rectify by"),
    Column("状态 Status"),
    Column("逾期 Overdue"),
)


@attrs.frozen(kw_only=True, repr=False)
class ImprovementNotice(Rendered):
    """A work improvement notice (工作改进通知单): one department's open findings at `as_of`.

    Items are sorted by deadline (then id). `rows()` gives the table's typed rows;
    `to_markdown()`, `to_html()` and notebooks show the table, `to_text()` a printable block
    per item; headings are bilingual.
    """

    department: str = attrs.field(validator=is_str)
    """The department the notice is addressed to (`""` when findings name none)."""
    as_of: datetime = attrs.field(validator=aware)
    """The instant the notice describes."""
    items: tuple[NoticeItem, ...] = attrs.field(converter=_to_items, validator=tuple_of(NoticeItem))
    """The department's open and reopened findings, by deadline."""

    @property
    def overdue_count(self) -> int:
        """How many items are past their deadline."""
        return sum(1 for item in self.items if item.is_overdue)

    def rows(self) -> tuple[NoticeRow, ...]:
        """One typed row per item, deadlines shown in the zone of `as_of`."""
        tz = self.as_of.tzinfo
        return tuple(
            NoticeRow(
                no=n,
                id=item.finding.id,
                item_code=item.finding.item_code,
                category=item.finding.category,
                severity=item.finding.severity,
                description=item.finding.description,
                location=item.finding.location,
                owner=item.finding.owner,
                rectify_by=item.finding.rectify_by.astimezone(tz),
                status=item.status,
                overdue_by=item.overdue_by,
            )
            for n, item in enumerate(self.items, 1)
        )

    def _cells(self, row: NoticeRow) -> tuple[str, ...]:
        mark = f"逾期 OVERDUE {_duration(row.overdue_by)}" if row.overdue_by > ZERO else ""
        return (
            str(row.no),
            row.id,
            row.item_code,
            f"{row.category.label_zh} {row.category.value}",
            f"{row.severity.label_zh} {row.severity.value}",
            row.description,
            row.location,
            row.owner,
            row.rectify_by.strftime("%Y-%m-%d %H:%M"),
            f"{row.status.label_zh} {row.status.value}",
            mark,
        )

    def _title(self) -> tuple[str, str]:
        department = self.department or _UNASSIGNED
        when = self.as_of.isoformat(sep=" ", timespec="minutes")
        return (
            f"工作改进通知单 Work improvement notice — {department}",
            f"截至 As of {when}: {len(self.items)} open items, {self.overdue_count} overdue",
        )

    _FOOTER = "签收 Received by: ____________    日期 Date: ____________"

    def _table(self) -> Table:
        title, summary = self._title()
        rows = self.rows()
        return Table(
            title=title,
            columns=_NOTICE_COLUMNS,
            rows=tuple(self._cells(r) for r in rows),
            notes=(summary, self._FOOTER),
            row_classes=tuple("overdue" if r.overdue_by > ZERO else "" for r in rows),
        )

    def to_text(self) -> str:
        """The notice as plain text, one item per block, ready to print and hand out."""
        title, summary = self._title()
        lines = [title, summary, ""]
        for row in self.rows():
            n, fid, code, cat, sev, desc, loc, owner, due, status, mark = self._cells(row)
            where = f" @ {loc}" if loc else ""
            lines.append(f"{n}. [{fid}] {code} {cat}, {sev}{where}")
            lines.append(f"   {desc}")
            who = f"   责任人 Owner: {owner}; " if owner else "   "
            lines.append(
                f"{who}整改期限 Rectify by {due}; {status}" + (f"; {mark}" if mark else "")
            )
        lines += ["", self._FOOTER]
        return "\n".join(lines)

    def __repr__(self) -> str:
        department = self.department or "(no department)"
        return (
            f"<ImprovementNotice {department} as of {self.as_of.isoformat()}: "
            f"{len(self.items)} items, {self.overdue_count} overdue>"
        )


def _duration(delta: timedelta) -> str:
    days, seconds = delta.days, delta.seconds
    hours, minutes = seconds // 3600, seconds % 3600 // 60
    if days:
        return f"{days}d {hours}h"
    return f"{hours}h {minutes:02d}m"


def _utc_key(f: Finding) -> tuple[datetime, str]:
    return (to_utc(f.found_at), f.id)


def improvement_notices(
    findings: Iterable[Finding], *, as_of: datetime
) -> tuple[ImprovementNotice, ...]:
    """One work improvement notice (工作改进通知单) per department with open findings at *as_of*.

    A finding is on a notice when it was found at or before *as_of* and is open or reopened at
    *as_of*; rectified findings waiting for verification, closed and cancelled ones are not.
    Items are sorted by deadline (then id) and marked overdue past `rectify_by`. Notices are
    sorted by department name; departments without open findings get none.

    Examples:
        >>> from datetime import datetime, date, timezone
        >>> t = datetime(2025, 3, 3, 10, tzinfo=timezone.utc)
        >>> f = Finding("F-1", "ENV-01", "rectification", "minor", "Lobby floor dirty", t,
        ...             "Zhao", rectify_by=t.replace(day=4), verify_on=date(2025, 3, 5),
        ...             department="环境部")
        >>> (notice,) = improvement_notices([f], as_of=t.replace(day=5))
        >>> notice.department, notice.overdue_count
        ('环境部', 1)
    """
    check_aware("as_of", as_of)
    by_department: dict[str, list[NoticeItem]] = {}
    for f in findings:
        check_type("findings[]", f, Finding)
        if to_utc(f.found_at) > to_utc(as_of) or not f.is_open(as_of):
            continue
        late = to_utc(as_of) - to_utc(f.rectify_by)
        item = NoticeItem(finding=f, status=f.status(as_of), overdue_by=max(late, ZERO))
        by_department.setdefault(f.department, []).append(item)
    return tuple(
        ImprovementNotice(
            department=department,
            as_of=as_of,
            items=sorted(items, key=lambda i: (to_utc(i.finding.rectify_by), i.finding.id)),
        )
        for department, items in sorted(by_department.items())
    )


# -- repeats, deductions, score, closure ------------------------------------------------------


@attrs.frozen(kw_only=True)
class RepeatFinding:
    """A finding on the same check item and location as an earlier one, within the window."""

    previous: Finding = attrs.field(validator=attrs.validators.instance_of(Finding))
    """The earlier finding."""
    repeat: Finding = attrs.field(validator=attrs.validators.instance_of(Finding))
    """The later finding on the same item and location."""

    @property
    def item_code(self) -> str:
        """The check item both were found on."""
        return self.repeat.item_code

    @property
    def location(self) -> str:
        """The location both were found at."""
        return self.repeat.location

    @property
    def gap(self) -> timedelta:
        """Real elapsed time between the two findings."""
        return to_utc(self.repeat.found_at) - to_utc(self.previous.found_at)


def repeat_findings(findings: Iterable[Finding], *, within: timedelta) -> tuple[RepeatFinding, ...]:
    """Findings on the same item and location as an earlier one found at most *within* before.

    Each repeat is paired with the most recent earlier finding of its item and location;
    cancelled findings (raised in error) are ignored. Results are in order of the repeat's
    `found_at`; findings at the same instant are ordered by id.

    Raises:
        InvalidValueError: *within* is negative.

    Examples:
        >>> from datetime import datetime, date, timedelta, timezone
        >>> def f(fid, day):
        ...     t = datetime(2025, 3, day, 9, tzinfo=timezone.utc)
        ...     return Finding(fid, "SEC-03", "rectification", "major", "Fire lane blocked", t,
        ...                    "Zhao", location="T5", rectify_by=t, verify_on=t.date())
        >>> [(r.previous.id, r.repeat.id) for r in
        ...  repeat_findings([f("A", 1), f("B", 20), f("C", 3)], within=timedelta(days=7))]
        [('A', 'C')]
    """
    if check_timedelta("within", within) < ZERO:
        msg = f"'within' must not be negative, got {within!r}"
        raise InvalidValueError(msg, field="within", value=within)
    last: dict[tuple[str, str], Finding] = {}
    out = []
    live = [
        f
        for f in findings
        if check_type("findings[]", f, Finding).current_status is not FindingStatus.CANCELLED
    ]
    for f in sorted(live, key=_utc_key):
        key = (f.item_code, f.location)
        previous = last.get(key)
        if previous is not None and to_utc(f.found_at) - to_utc(previous.found_at) <= within:
            out.append(RepeatFinding(previous=previous, repeat=f))
        last[key] = f
    return tuple(out)


def _unique(findings: Iterable[Finding]) -> list[Finding]:
    """*findings* as a list, refusing a repeated id (it would be counted twice)."""
    out: list[Finding] = []
    seen: set[str] = set()
    for i, f in enumerate(findings):
        check_type(f"findings[{i}]", f, Finding)
        if f.id in seen:
            msg = f"'findings' lists finding {f.id!r} twice (findings[{i}]); ids must be unique"
            raise InvalidValueError(msg, field=f"findings[{i}].id", value=f.id)
        seen.add(f.id)
        out.append(f)
    return out


def _found_in(findings: Iterable[Finding], period: Period, zone: str) -> list[Finding]:
    check_type("period", period, Period)
    tz = _zone(zone)
    return [f for f in _unique(findings) if f.found_at.astimezone(tz).date() in period]


def deduction_total(findings: Iterable[Finding], period: Period, *, zone: str) -> Decimal:
    """The points deducted by the findings found in *period* (by their local date in *zone*).

    Cancelled findings (by any recorded event, even one after the period) deduct nothing:
    they were raised in error. The sum is exact, whatever the `decimal` context.

    Raises:
        InvalidValueError: two findings share an id (they would be counted twice), or *zone*
            is no known time zone.

    Examples:
        >>> from datetime import datetime, timezone
        >>> from propstd.periods import Period
        >>> t = datetime(2025, 3, 3, 10, tzinfo=timezone.utc)
        >>> f = Finding("F-1", "SEC-03", "deduction", "major", "Fire lane blocked", t, "Zhao",
        ...             points="2", rectify_by=t, verify_on=t.date())
        >>> deduction_total([f, attrs.evolve(f, id="F-2")], Period.parse("2025-03"),
        ...                 zone="Asia/Shanghai")
        Decimal('4')
    """
    total = Decimal(0)
    for f in _found_in(findings, period, zone):
        if f.current_status is not FindingStatus.CANCELLED:
            total = EXACT.add(total, f.points)
    return total


def score(
    base: Decimal | int | str, findings: Iterable[Finding], period: Period, *, zone: str
) -> Decimal:
    """*base* minus the points deducted by findings of *period*, never below 0.

    A score is a grade on a scale that starts at zero, so deductions beyond the base stop at 0.
    Exact, whatever the `decimal` context.

    Raises:
        TypeError: *base* is a float.
        InvalidValueError: *base* is negative or not a number; two findings share an id.

    Examples:
        >>> from propstd.periods import Period
        >>> score(100, [], Period.parse("2025-03"), zone="Asia/Shanghai")
        Decimal('100')
    """
    start = _to_points(base, "base")
    return max(EXACT.subtract(start, deduction_total(findings, period, zone=zone)), Decimal(0))


_SEED_CLOSURE = (Category.SUGGESTION, Category.DEDUCTION)


@attrs.frozen(kw_only=True)
class ClosureCount:
    """Findings of one category counted for closure in a period, and how many were closed."""

    category: Category
    """The findings' category."""
    counted: int
    """Findings counted (due for verification in the period, or raised in it), not cancelled."""
    closed: int
    """Of those, the ones closed in time (see [ClosureBasis][propstd.findings.ClosureBasis])."""


def _closed(finding: Finding, basis: ClosureBasis, cut: datetime, tz: tzinfo) -> bool:
    if basis is ClosureBasis.VERIFICATION_DUE:
        # verified as passed by the end of verify_on (24:00 local), as known at the cut
        cut = min(cut, day_start(finding.verify_on + DAY, tz), key=to_utc)
    return finding.status(cut) is FindingStatus.CLOSED


def closure_counts(
    findings: Iterable[Finding],
    *,
    period: Period,
    as_of: datetime,
    zone: str,
    basis: ClosureBasis | str = ClosureBasis.VERIFICATION_DUE,
) -> tuple[ClosureCount, ...]:
    """Per category, the findings counted for second-verification closure in *period*.

    With `ClosureBasis.verification_due` (the default, semantics §14.4): the findings whose
    `verify_on` falls in *period*, closed when verified as passed by the end of that day
    (24:00 in *zone*). With `ClosureBasis.raised_in_period`: the findings found in *period*
    (their local date in *zone*), closed when closed at *as_of*. Either way, findings
    cancelled at *as_of* are left out and events after *as_of* count for nothing.

    Raises:
        InvalidValueError: two findings share an id, or *zone* is no known time zone.
    """
    check_type("period", period, Period)
    cut = check_aware("as_of", as_of)
    how = to_member("basis", ClosureBasis, basis)
    tz = _zone(zone)
    counted = dict.fromkeys(Category, 0)
    closed = dict.fromkeys(Category, 0)
    for f in _unique(findings):
        if how is ClosureBasis.VERIFICATION_DUE:
            day = f.verify_on
        else:
            day = f.found_at.astimezone(tz).date()
        if day not in period:
            continue
        if f.status(cut) is FindingStatus.CANCELLED:
            continue
        counted[f.category] += 1
        closed[f.category] += _closed(f, how, cut, tz)
    return tuple(ClosureCount(category=c, counted=counted[c], closed=closed[c]) for c in Category)


def closure_rate(
    findings: Iterable[Finding],
    *,
    period: Period,
    as_of: datetime,
    zone: str,
    categories: Iterable[Category | str] = _SEED_CLOSURE,
    basis: ClosureBasis | str = ClosureBasis.VERIFICATION_DUE,
) -> Rate:
    """The second-verification closure rate (二次验证关闭项比率) of *period*: closed / counted.

    The findings of *categories* counted by
    [closure_counts][propstd.findings.closure_counts] with *basis*: by default those whose
    `verify_on` falls in *period*, closed when verified as passed by the end of that day, so
    a finding raised on the 30th and verified on the 2nd counts in the next month and 100 % is
    reachable every month. Cancelled findings are left out. The seed counts suggestion and
    deduction items, hence the default; its requirement is 100 %. Nothing counted gives the
    "not applicable" rate `0/0`.

    Raises:
        InvalidValueError: two findings share an id, an unknown category or basis, or *zone*
            is no known time zone.

    Examples:
        >>> from datetime import datetime, timezone
        >>> from propstd.periods import Period
        >>> t = datetime(2025, 3, 3, 10, tzinfo=timezone.utc)
        >>> f = Finding("F-1", "ENV-01", "suggestion", "minor", "Add a mat", t, "Zhao",
        ...             rectify_by=t, verify_on=t.date())
        >>> g = f.rectify(t, "Wang").verify(t, "Zhao", passed=True)
        >>> str(closure_rate([f, attrs.evolve(g, id="F-2")], period=Period.parse("2025-03"),
        ...                  as_of=t, zone="Asia/Shanghai"))
        '50.0% (1/2)'
    """
    wanted = {_to_category(c) for c in to_tuple(categories)}
    counts = closure_counts(findings, period=period, as_of=as_of, zone=zone, basis=basis)
    chosen = [c for c in counts if c.category in wanted]
    return Rate(sum(c.closed for c in chosen), sum(c.counted for c in chosen))
