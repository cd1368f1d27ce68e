"""Findings: improvement notices, repeats, deductions, score and closure rate (private part)."""

from __future__ import annotations

import html
from collections.abc import Iterable
from datetime import datetime, timedelta
from decimal import Decimal

import attrs

from propstd._time import ZERO, to_utc
from propstd._validators import (
    aware,
    check_aware,
    check_timedelta,
    check_type,
    is_str,
    to_tuple,
    tuple_of,
)
from propstd.errors import InvalidValueError
from propstd.findings._records import (
    Category,
    Finding,
    FindingStatus,
    _to_category,
    _to_points,
)
from propstd.periods import Period
from propstd.rates import Rate


def _to_items(value: Iterable[NoticeItem]) -> tuple[NoticeItem, ...]:
    return to_tuple(value)


# -- improvement notices ---------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class NoticeItem:
    """One open finding on an improvement notice, with its status and overdue time at `as_of`."""

    finding: Finding = attrs.field(validator=attrs.validators.instance_of(Finding))
    """The finding."""
    status: FindingStatus = attrs.field(converter=FindingStatus, repr=lambda s: repr(s.value))
    """Open or reopened at the notice's `as_of`."""
    overdue_by: timedelta = attrs.field(validator=attrs.validators.instance_of(timedelta))
    """How far `as_of` is past the deadline (zero when on time)."""

    @property
    def is_overdue(self) -> bool:
        """Whether the deadline has passed."""
        return self.overdue_by > ZERO


_UNASSIGNED = "未指定部门 (no department)"


@attrs.frozen(kw_only=True)
class ImprovementNotice:
    """A work improvement notice (工作改进通知单): one department's open findings at `as_of`.

    Items are sorted by deadline (then id). Render it with `to_text()`, `to_markdown()` or in a
    notebook (`_repr_html_()`); headings are bilingual.
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

    def _rows(self) -> tuple[tuple[str, ...], ...]:
        tz = self.as_of.tzinfo
        rows = []
        for n, item in enumerate(self.items, 1):
            f = item.finding
            due = f.rectify_by.astimezone(tz).strftime("%Y-%m-%d %H:%M")
            mark = f"逾期 OVERDUE {_duration(item.overdue_by)}" if item.is_overdue else ""
            rows.append(
                (
                    str(n),
                    f.id,
                    f.item_code,
                    f"{f.category.label_zh} {f.category.value}",
                    f"{f.severity.label_zh} {f.severity.value}",
                    f.description,
                    f.location,
                    f.owner,
                    due,
                    f"{item.status.label_zh} {item.status.value}",
                    mark,
                )
            )
        return tuple(rows)

    _HEADERS = (
        "序号 No.",
        "编号 ID",
        "检查项 Item",
        "类别 Category",
        "严重度 Severity",
        "问题描述 Finding",
        "位置 Location",
        "责任人 Owner",
        "整改期限 Rectify by",
        "状态 Status",
        "逾期 Overdue",
    )

    def _title(self) -> tuple[str, str]:
        department = self.department or _UNASSIGNED
        when = self.as_of.isoformat(sep=" ", timespec="minutes")
        return (
            f"工作改进通知单 Work improvement notice — {department}",
            f"截至 As of {when}: {len(self.items)} open items, {self.overdue_count} overdue",
        )

    _FOOTER = "签收 Received by: ____________    日期 Date: ____________"

    def to_text(self) -> str:
        """The notice as plain text, one item per block, ready to print and hand out."""
        title, summary = self._title()
        lines = [title, summary, ""]
        for row in self._rows():
            n, fid, code, cat, sev, desc, loc, owner, due, status, mark = row
            where = f" @ {loc}" if loc else ""
            lines.append(f"{n}. [{fid}] {code} {cat}, {sev}{where}")
            lines.append(f"   {desc}")
            who = f"   责任人 Owner: {owner}; " if owner else "   "
            lines.append(
                f"{who}整改期限 Rectify by {due}; {status}" + (f"; {mark}" if mark else "")
            )
        lines += ["", self._FOOTER]
        return "\n".join(lines)

    def to_markdown(self) -> str:
        """The notice as a Markdown section with a table."""
        title, summary = self._title()

        def cell(text: str) -> str:
            return text.replace("|", "\\|")

        lines = [f"### {title}", "", summary, ""]
        lines.append("| " + " | ".join(self._HEADERS) + " |")
        lines.append("|" + "---|" * len(self._HEADERS))
        lines.extend("| " + " | ".join(cell(c) for c in row) + " |" for row in self._rows())
        lines += ["", self._FOOTER]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        title, summary = self._title()
        esc = html.escape
        head = "".join(f"<th>{esc(h)}</th>" for h in self._HEADERS)
        body = "".join(
            "<tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>" for row in self._rows()
        )
        return (
            f"<h3>{esc(title)}</h3><p>{esc(summary)}</p>"
            f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
            f"<p>{esc(self._FOOTER)}</p>"
        )

    def __str__(self) -> str:
        return self.to_text()


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
        raise InvalidValueError(msg)
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


def _found_in(findings: Iterable[Finding], period: Period) -> list[Finding]:
    check_type("period", period, Period)
    return [f for f in findings if check_type("findings[]", f, Finding).found_on in period]


def deduction_total(findings: Iterable[Finding], period: Period) -> Decimal:
    """The points deducted by the findings found in *period* (by their local found date).

    Cancelled findings (by any recorded event, even one after the period) deduct nothing:
    they were raised in error.

    Examples:
        >>> from datetime import datetime, timezone
        >>> from propstd.periods import Period
        >>> t = datetime(2025, 3, 3, 10, tzinfo=timezone.utc)
        >>> f = Finding("F-1", "SEC-03", "deduction", "major", "Fire lane blocked", t, "Zhao",
        ...             points="2", rectify_by=t, verify_on=t.date())
        >>> deduction_total([f, attrs.evolve(f, id="F-2")], Period.parse("2025-03"))
        Decimal('4')
    """
    found = _found_in(findings, period)
    return sum(
        (f.points for f in found if f.current_status is not FindingStatus.CANCELLED), Decimal(0)
    )


def score(base: Decimal | int | str, findings: Iterable[Finding], period: Period) -> Decimal:
    """*base* minus the points deducted by findings of *period*, never below 0.

    A score is a grade on a scale that starts at zero, so deductions beyond the base stop at 0.

    Raises:
        TypeError: *base* is a float.
        InvalidValueError: *base* is negative or not a number.

    Examples:
        >>> from propstd.periods import Period
        >>> score(100, [], Period.parse("2025-03"))
        Decimal('100')
    """
    start = _to_points(base, "base")
    return max(start - deduction_total(findings, period), Decimal(0))


_SEED_CLOSURE = (Category.SUGGESTION, Category.DEDUCTION)


def closure_rate(
    findings: Iterable[Finding],
    *,
    period: Period,
    as_of: datetime,
    categories: Iterable[Category | str] = _SEED_CLOSURE,
) -> Rate:
    """The second-verification closure rate (二次验证关闭项比率): closed / raised.

    Raised: the findings of *categories* found in *period* (by local found date) and not
    cancelled at *as_of*. Closed: those of them closed at *as_of* (usually the end of the
    period, or the reporting instant). Events after *as_of* count for nothing, so a finding
    cancelled later still counts as raised (and not closed). The seed counts suggestion and
    deduction items, hence the default; its requirement is 100 %. No finding raised gives the
    "not applicable" rate `0/0`.

    Examples:
        >>> from datetime import datetime, timezone
        >>> from propstd.periods import Period
        >>> t = datetime(2025, 3, 3, 10, tzinfo=timezone.utc)
        >>> f = Finding("F-1", "ENV-01", "suggestion", "minor", "Add a mat", t, "Zhao",
        ...             rectify_by=t, verify_on=t.date())
        >>> g = f.rectify(t, "Wang").verify(t, "Zhao", passed=True)
        >>> str(closure_rate([f, attrs.evolve(g, id="F-2")], period=Period.parse("2025-03"),
        ...                  as_of=t))
        '50.0% (1/2)'
    """
    check_aware("as_of", as_of)
    wanted = {_to_category(c) for c in to_tuple(categories)}
    statuses = [f.status(as_of) for f in _found_in(findings, period) if f.category in wanted]
    raised = [s for s in statuses if s is not FindingStatus.CANCELLED]
    return Rate(sum(1 for s in raised if s is FindingStatus.CLOSED), len(raised))
