"""Findings (nonconformities) from checks and their closure: rectification, second verification.

A check that finds a problem records a [Finding][propstd.findings.Finding]: a suggestion
(建议项), a rectification item (整改项) or a deduction item (扣分项, points off the score), with a
rectification deadline (整改期限) and a date for the second verification (二次验证日期). A finding
changes only by recording events, each returning a *new* finding:

| state / event | rectify   | verify, passed | verify, failed | reopen   | cancel    |
|---------------|-----------|----------------|----------------|----------|-----------|
| open          | rectified |                |                |          | cancelled |
| rectified     |           | closed         | reopened       | reopened | cancelled |
| closed        |           |                |                | reopened |           |
| reopened      | rectified |                |                |          | cancelled |
| cancelled     |           |                |                |          |           |

An empty cell is an illegal transition (`TransitionError`).

Nothing is closed until someone other than the person who rectified it verifies it. A
[RectificationPolicy][propstd.findings.RectificationPolicy] computes the deadline and the
verification date from time limits and a working calendar; it holds no default numbers.
[improvement_notices][propstd.findings.improvement_notices] collects the open items of each
department into a work improvement notice (工作改进通知单).

Examples:
    >>> from datetime import datetime, date, timedelta, timezone
    >>> tz = timezone(timedelta(hours=8))
    >>> f = Finding(
    ...     "F-01", "ENV-01", "rectification", "minor", "Stairwell T3 not swept",
    ...     datetime(2025, 3, 3, 10, 0, tzinfo=tz), "Zhao",
    ...     rectify_by=datetime(2025, 3, 12, 17, 30, tzinfo=tz), verify_on=date(2025, 3, 13),
    ... )
    >>> g = f.rectify(datetime(2025, 3, 4, 9, 0, tzinfo=tz), "Wang")
    >>> h = g.verify(datetime(2025, 3, 5, 9, 0, tzinfo=tz), "Zhao", passed=True)
    >>> f.status(datetime(2025, 3, 6, tzinfo=tz)), h.status(datetime(2025, 3, 6, tzinfo=tz))
    (<FindingStatus.OPEN: 'open'>, <FindingStatus.CLOSED: 'closed'>)
"""

from propstd._deprecation import renamed
from propstd.findings._policy import RectificationPolicy
from propstd.findings._records import (
    Category,
    ClosureBasis,
    Finding,
    FindingEvent,
    FindingEventKind,
    FindingStatus,
    Severity,
    VerificationResult,
)
from propstd.findings._reports import (
    ClosureCount,
    ImprovementNotice,
    NoticeItem,
    NoticeRow,
    RepeatFinding,
    closure_counts,
    closure_rate,
    deduction_total,
    improvement_notices,
    repeat_findings,
    score,
)

__all__ = [
    "Category",
    "ClosureBasis",
    "ClosureCount",
    "Finding",
    "FindingEvent",
    "FindingEventKind",
    "FindingStatus",
    "ImprovementNotice",
    "NoticeItem",
    "NoticeRow",
    "RectificationPolicy",
    "RepeatFinding",
    "Severity",
    "VerificationResult",
    "closure_counts",
    "closure_rate",
    "deduction_total",
    "improvement_notices",
    "repeat_findings",
    "score",
]


def __dir__() -> list[str]:
    return __all__


# 0.1's name, kept for one release: timelines.EventKind means something else
__getattr__ = renamed(__name__, {"EventKind": ("FindingEventKind", FindingEventKind)})
