"""QPI quality checks (品质核查): check plans, check records and the seven indicators.

An [InspectionPlan][propstd.inspections.InspectionPlan] lists a property's check forms
([Checklist][propstd.inspections.Checklist]), each with check points
([CheckItem][propstd.inspections.CheckItem]: a code, a frequency, a sampling requirement).
Checks done arrive as [CheckRecord][propstd.inspections.CheckRecord]s.
[qpi_tally][propstd.inspections.qpi_tally] counts, for a period, the check points and rounds
required (the seed's monthly formula) and done, the traceable records and the findings
raised and closed, in a [QpiTally][propstd.inspections.QpiTally] that adds with `+` across
properties and across partitions of one property's records.
[qpi_report][propstd.inspections.qpi_report] turns a tally into the seven indicators, each a
[Rate][propstd.rates.Rate] judged by a [QpiTargets][propstd.inspections.QpiTargets] target,
rendered as text, Markdown or HTML.

Examples:
    >>> from datetime import date, datetime, timedelta, timezone
    >>> from propstd.calendars import ALWAYS_OPEN
    >>> from propstd.frequencies import Frequency
    >>> from propstd.periods import Period
    >>> plan = InspectionPlan(
    ...     [Checklist("ENG", "工程", [CheckItem("ENG-02", "Pump room", Frequency.parse("weekly"))],
    ...                frequency=Frequency.parse("weekly"), role="业务主管")],
    ...     name="翠湖花园")
    >>> tz = timezone(timedelta(hours=8))
    >>> records = [CheckRecord("ENG-02", datetime(2025, 3, d, 10, tzinfo=tz), "Wu", evidence=["P"])
    ...            for d in (3, 10, 11, 17)]
    >>> tally = qpi_tally(plan, records=records, period=Period.parse("2025-03"),
    ...                   calendar=ALWAYS_OPEN)
    >>> report = qpi_report(tally)
    >>> str(report.rate("coverage")), report.indicator("frequency_completion").result.value
    ('60.0% (3/5)', 'missed')
"""

from propstd.inspections._count import qpi_tally
from propstd.inspections._plan import CheckItem, Checklist, CheckRecord, InspectionPlan
from propstd.inspections._report import (
    Indicator,
    IndicatorResult,
    IndicatorRow,
    QpiReport,
    QpiTargets,
    qpi_report,
)
from propstd.inspections._tally import (
    Completion,
    FindingCount,
    QpiTally,
    Requirement,
    RoundsDone,
)

__all__ = [
    "CheckItem",
    "CheckRecord",
    "Checklist",
    "Completion",
    "FindingCount",
    "Indicator",
    "IndicatorResult",
    "IndicatorRow",
    "InspectionPlan",
    "QpiReport",
    "QpiTally",
    "QpiTargets",
    "Requirement",
    "RoundsDone",
    "qpi_report",
    "qpi_tally",
]


def __dir__() -> list[str]:
    return __all__
