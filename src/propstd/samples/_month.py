"""One month of the sample property's records as one value (private part of propstd.samples)."""

from __future__ import annotations

from typing import Any, TypedDict

import attrs

from propstd._validators import to_tuple, tuple_of
from propstd.budgets import Actual, Budget
from propstd.complaints import Complaint
from propstd.findings import Finding
from propstd.inspections import CheckRecord
from propstd.repairs import RepairOrder
from propstd.routines import RoutineEntry, Trigger
from propstd.surveys import SurveyResponse
from propstd.tables import Collection

__all__: list[str] = []


class ScorecardInputs(TypedDict):
    """The records of a month as the keyword arguments of `propstd.scorecards.scorecard`.

    A typed dict, so that `scorecard(standard, period=..., as_of=..., **inputs)` type-checks.
    """

    checks: tuple[CheckRecord, ...]
    findings: tuple[Finding, ...]
    complaints: tuple[Complaint, ...]
    repairs: tuple[RepairOrder, ...]
    budget: Budget
    actuals: tuple[Actual, ...]
    collections: tuple[Collection, ...]
    survey_responses: tuple[SurveyResponse, ...]
    routine_log: tuple[RoutineEntry, ...]
    triggers: tuple[Trigger, ...]


def _records(kind: type) -> Any:
    return attrs.field(converter=to_tuple, validator=tuple_of(kind))


@attrs.frozen(kw_only=True, repr=False)
class SampleMonth:
    """One month of a property's records, every kind the scorecard reads.

    [month()][propstd.samples.month] gives the sample property's March 2025. Each field is a
    tuple of records (the budget is one value); `scorecard_inputs()` gives them as the keyword
    arguments of [scorecard][propstd.scorecards.scorecard].

    Raises:
        TypeError: a field holds a record of the wrong kind.
    """

    checks: tuple[CheckRecord, ...] = _records(CheckRecord)
    """QPI check records (with the records of windows due in the month that began earlier)."""
    findings: tuple[Finding, ...] = _records(Finding)
    """Findings raised in the month, with their events as known at the report's instant."""
    complaints: tuple[Complaint, ...] = _records(Complaint)
    """The complaint register, each complaint with its timeline."""
    repairs: tuple[RepairOrder, ...] = _records(RepairOrder)
    """Repair orders, each with its timeline."""
    budget: Budget = attrs.field(validator=attrs.validators.instance_of(Budget))
    """The year's budget."""
    actuals: tuple[Actual, ...] = _records(Actual)
    """Amounts booked on the budget lines, January to the month."""
    collections: tuple[Collection, ...] = _records(Collection)
    """The fee collection table, one row per month from January to the month."""
    survey_responses: tuple[SurveyResponse, ...] = _records(SurveyResponse)
    """Satisfaction survey questionnaires answered in the month."""
    routine_log: tuple[RoutineEntry, ...] = _records(RoutineEntry)
    """The duty log: meetings, trainings, the reception day, duties after an event."""
    triggers: tuple[Trigger, ...] = _records(Trigger)
    """The events that started triggered duties (rain)."""

    def scorecard_inputs(self) -> ScorecardInputs:
        """The records as keyword arguments of `propstd.scorecards.scorecard(standard,
        period=..., as_of=..., **inputs)`.

        Examples:
            >>> from propstd import samples
            >>> sorted(samples.month().scorecard_inputs())  # doctest: +NORMALIZE_WHITESPACE
            ['actuals', 'budget', 'checks', 'collections', 'complaints', 'findings', 'repairs',
             'routine_log', 'survey_responses', 'triggers']
        """
        return ScorecardInputs(
            checks=self.checks,
            findings=self.findings,
            complaints=self.complaints,
            repairs=self.repairs,
            budget=self.budget,
            actuals=self.actuals,
            collections=self.collections,
            survey_responses=self.survey_responses,
            routine_log=self.routine_log,
            triggers=self.triggers,
        )

    def __repr__(self) -> str:
        counts = ", ".join(
            f"{len(getattr(self, f.name))} {f.name.replace('_', ' ')}"
            for f in attrs.fields(SampleMonth)
            if f.name != "budget"
        )
        return f"<SampleMonth {self.budget.year}: {counts}>"
