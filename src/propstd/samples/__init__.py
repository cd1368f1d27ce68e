"""The sample property 翠湖花园: its service standard and one month of its records, as values.

Every chapter of the tutorial, the demo (`python -m propstd demo`) and the golden tests use
one property, so their figures add up to one month of one project:
翠湖花园 (Cuihu Garden), a residential estate in Shenzhen with 12 towers, 1,150 households,
120,000 m² of building area and 900 parking spaces. [standard()][propstd.samples.standard]
is its complete written standard; [month()][propstd.samples.month] its records of March 2025,
judged on the morning of 1 April (`AS_OF`).

The numbers are the sample's own choices, typical of a mid-range project in South China; they
are **not** a standard and never become library defaults (the standard's `provenance` says
where each part comes from). Everything is built through the public API, and every value is
immutable, so each function builds it once and returns the same value after.

Examples:
    >>> from propstd import samples
    >>> samples.NAME, str(samples.MONTH), samples.AS_OF.isoformat()
    ('翠湖花园', '2025-03', '2025-04-01T09:00:00+08:00')
    >>> standard = samples.standard()
    >>> sorted(standard.calendars), str(standard.repairs.arrival["emergency"])
    (['duty', 'office', 'service'], '15 minutes')
    >>> month = samples.month()
    >>> len(month.checks), len(month.findings), len(month.complaints), len(month.repairs)
    (242, 19, 25, 140)
    >>> from propstd.scorecards import scorecard
    >>> card = scorecard(standard, period=samples.MONTH, as_of=samples.AS_OF,
    ...                  **month.scorecard_inputs())
    >>> str(card.indicator("qpi.coverage").value)
    '98.2% (237.5/241.75)'
"""

from __future__ import annotations

import functools

from propstd.samples import _budget, _checks, _complaints, _duties, _findings, _repairs
from propstd.samples._facts import AS_OF, MONTH, NAME, ZONE
from propstd.samples._month import SampleMonth, ScorecardInputs
from propstd.samples._standard import build, profile
from propstd.standard import PropertyProfile, ServiceStandard

__all__ = [
    "AS_OF",
    "MONTH",
    "NAME",
    "SampleMonth",
    "ScorecardInputs",
    "ZONE",
    "month",
    "property",
    "standard",
]


def __dir__() -> list[str]:
    return __all__


@functools.cache
def property() -> PropertyProfile:  # noqa: A001 - the sample's property, by the contract's name
    """The sample property: 120,000 m², 1,150 households, a residential estate in operation.

    Examples:
        >>> p = property()
        >>> p.name, p.area_m2, p.households, p.kind.value, p.city
        ('翠湖花园', 120000, 1150, 'residential', '深圳')
    """
    return profile()


@functools.cache
def standard() -> ServiceStandard:
    """The sample property's complete service standard.

    Calendars (`"office"`: China's official calendar, 08:30-12:00 and 13:30-17:30, which
    every part works on; `"service"`: the service centre, daily 08:30-18:00; `"duty"`:
    emergency duty, 24 hours in Asia/Shanghai), the QPI plan with calendar-aligned windows,
    the seed's QPI targets, the rectification policy, the complaint policy and its ladder,
    the repair time-limit table, the budget policy, the seed's staffing ratios, the survey
    policy, the routines and the duties started by rain or a move-in, and `provenance` for
    every part. It reads back equal from its TOML and JSON.

    Examples:
        >>> s = standard()
        >>> s.name, s.property.households
        ('翠湖花园物业服务标准 2025', 1150)
        >>> ServiceStandard.from_toml(s.to_toml()) == s
        True
        >>> print(s.provenance["budget.thresholds"])  # doctest: +ELLIPSIS
        not in sample-property.md: the thresholds of the demo's and the tutorial's budget ...
    """
    return build()


@functools.cache
def month() -> SampleMonth:
    """The sample property's records of March 2025, as known at `AS_OF` (1 April, 09:00).

    - `checks`: 242 QPI check records (two missed patrols, a missed cleaning check, a missed
      refuse round, a duplicated weekly check, three records without evidence, one with too
      few samples);
    - `findings`: 19 (9 suggestions, 6 rectification items, 4 deduction items);
    - `complaints`: 25 (two VIP, one major, one reopened, four still open);
    - `repairs`: 140 orders of four technicians, three of them reworks;
    - `budget`, `actuals`: the 2025 budget and the actuals of January to March;
    - `collections`: the fee collection table of January to March;
    - `survey_responses`: the 2025 survey, answered in March: 300 households drawn with seed
      2025 and two second copies (which do not count);
    - `routine_log`, `triggers`: the duty log March's windows count (the first quarter's
      forum of 20 February and the weekly meeting of 24 February included) and March's one
      rain, on 20 March.

    Examples:
        >>> m = month()
        >>> len(m.survey_responses), len(m.routine_log), [t.kind for t in m.triggers]
        (302, 10, ['rain'])
        >>> [str(c.month) for c in m.collections]
        ['2025-01', '2025-02', '2025-03']
    """
    s = standard()
    office = s.calendars["office"]
    assert s.rectification is not None  # the sample's standard fixes every part
    budget = _budget.budget()
    return SampleMonth(
        checks=_checks.checks(),
        findings=_findings.findings(s.rectification, office),
        complaints=_complaints.complaints(),
        repairs=_repairs.repairs(),
        budget=budget,
        actuals=_budget.actuals(),
        collections=_budget.collections(budget.line("INC-FEE").annual),
        survey_responses=_duties.survey_responses(),
        routine_log=_duties.routine_log(),
        triggers=_duties.triggers(),
    )
