"""`scorecard()`: one property's month from its standard and its records (private part of
propstd.scorecards)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

import attrs

from propstd._repr import shown
from propstd._time import zone as zone_of
from propstd._validators import check_aware, check_type
from propstd.budgets import Actual, Budget
from propstd.complaints import Complaint
from propstd.errors import InvalidValueError
from propstd.findings import Finding
from propstd.inspections import CheckRecord
from propstd.periods import Period
from propstd.repairs import RepairOrder
from propstd.routines import RoutineEntry, Trigger
from propstd.scorecards import _budget, _sections
from propstd.scorecards._card import Scorecard
from propstd.scorecards._model import Indicator, OpenItem, Section
from propstd.standard import ServiceStandard
from propstd.surveys import SurveyResponse
from propstd.tables import Collection

__all__: list[str] = []

TREND = 12
"""How many periods a card's trend holds (this one and the eleven before)."""


def scorecard(
    standard: ServiceStandard,
    *,
    period: Period,
    as_of: datetime,
    checks: Iterable[CheckRecord] = (),
    findings: Iterable[Finding] = (),
    complaints: Iterable[Complaint] = (),
    repairs: Iterable[RepairOrder] = (),
    budget: Budget | None = None,
    actuals: Iterable[Actual] = (),
    collections: Iterable[Collection] = (),
    survey_responses: Iterable[SurveyResponse] = (),
    routine_log: Iterable[RoutineEntry] = (),
    triggers: Iterable[Trigger] = (),
    previous: Scorecard | None = None,
) -> Scorecard:
    """The month at a glance: every domain of *standard* computed from the records given.

    Each section calls its domain's own calculation with the standard's rules and the
    calendar the standard names for it: the seven QPI indicators (`qpi_tally`, `qpi_report`),
    findings and the work improvement notices, complaint metrics, repair metrics, budget
    variance and fee collection, the satisfaction survey, routine and triggered duties, and
    the staffing the ratios require. A domain without records is "no data"; a part the
    standard leaves open is "not set"; neither is ever 0.

    Args:
        standard: the property's service standard.
        period: the period reported (a month, usually).
        as_of: the instant the figures are judged at (aware).
        checks: the period's inspection records (records before the period that a counted
            window needs may be included).
        findings: the findings open at or raised in the period.
        complaints: the complaints open at or received in the period.
        repairs: the repair orders open at or received in the period.
        budget: the year's budget (the budget section needs it and the standard's budget
            policy).
        actuals: the budget's booked actuals.
        collections: the fee collection table.
        survey_responses: the satisfaction survey's answers.
        routine_log: the duty log of routine and triggered duties.
        triggers: the events that start triggered duties (rain, move-ins ...).
        previous: the previous period's card, whose figures become each indicator's
            `previous` and the start of its 12-period trend.

    Raises:
        InvalidValueError: *previous* is not the card of the period just before *period*, or
            it is another property's.
        NaiveDatetimeError: *as_of* is naive.

    Examples: see the tutorial; a worked month is `propstd.samples`' March 2025.
    """
    check_type("standard", standard, ServiceStandard)
    check_type("period", period, Period)
    check_aware("as_of", as_of)
    inputs = _sections.Inputs(
        standard=standard,
        period=period,
        as_of=as_of,
        checks=tuple(checks),
        findings=tuple(findings),
        complaints=tuple(complaints),
        repairs=tuple(repairs),
        survey_responses=tuple(survey_responses),
        routine_log=tuple(routine_log),
        triggers=tuple(triggers),
    )
    sections, items = _all_sections(inputs, budget, tuple(actuals), tuple(collections))
    card = Scorecard(
        title=standard.property.name,
        period=period,
        as_of=as_of.astimezone(zone_of(standard.calendar("inspections").zone)),
        sections=sections,
        open_items=sorted(items, key=lambda o: (not o.overdue, o.kind, o.ref)),
        notices=_sections.notices(inputs),
        periods=(period,),
    )
    return card if previous is None else _with_trend(card, previous)


def _all_sections(
    i: _sections.Inputs,
    budget: Budget | None,
    actuals: tuple[Actual, ...],
    collections: tuple[Collection, ...],
) -> tuple[list[Section], list[OpenItem]]:
    items: list[OpenItem] = []
    sections = [_sections.qpi(i)]
    for build in (_sections.findings, _sections.complaints, _sections.repairs):
        section, found = build(i)
        sections.append(section)
        items += found
    sections.append(_budget.budget(i, budget, actuals, collections))
    sections.append(_sections.surveys(i))
    section, found = _sections.routines(i)
    sections += [section, _sections.staffing(i)]
    items += found
    name = i.standard.property.name
    return sections, [attrs.evolve(o, property=name) for o in items]


def _with_trend(card: Scorecard, previous: Scorecard) -> Scorecard:
    check_type("previous", previous, Scorecard)
    if previous.period.end != card.period.start:
        msg = (
            f"'previous' must be the card of the period just before {card.period}, "
            f"got {previous.period}"
        )
        raise InvalidValueError(msg, field="previous", value=previous.period)
    if previous.title != card.title:
        msg = f"'previous' must be {card.title}'s card, got {shown(previous.title)}'s"
        raise InvalidValueError(msg, field="previous", value=previous.title)
    before = {i.key: i for i in previous.rows()}
    kept = previous.periods[-(TREND - 1) :]
    width = len(kept)

    def trended(ind: Indicator) -> Indicator:
        old = before.get(ind.key)
        history = old.trend[-width:] if old is not None else (None,) * width
        return attrs.evolve(ind, trend=(*history, ind.value))

    sections = [
        attrs.evolve(s, indicators=[trended(i) for i in s.indicators]) for s in card.sections
    ]
    return attrs.evolve(card, sections=sections, periods=(*kept, card.period))
