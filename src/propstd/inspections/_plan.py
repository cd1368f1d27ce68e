"""Check items, checklists, inspection plans and check records (private part of inspections)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from datetime import date, datetime
from fractions import Fraction
from typing import Any

import attrs

from propstd._repr import shown
from propstd._validators import (
    at_least,
    aware,
    check_nonblank,
    check_str,
    check_type,
    is_date,
    is_str,
    nonblank,
    to_tuple,
)
from propstd._vocab import to_member
from propstd.errors import InvalidValueError
from propstd.frequencies import Frequency, Proration, Schedule
from propstd.periods import Period, PeriodUnit

__all__ = ["CheckItem", "CheckRecord", "Checklist", "InspectionPlan"]


def _optional_frequency(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        check_type(attribute.name, value, Frequency)


def _frequency(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    check_type(attribute.name, value, Frequency)


def _members(kind: type) -> Callable[[object, attrs.Attribute[Any], tuple[object, ...]], None]:
    def validate(
        _instance: object, attribute: attrs.Attribute[Any], value: tuple[object, ...]
    ) -> None:
        for i, item in enumerate(value):
            if not isinstance(item, kind):
                msg = (
                    f"{attribute.name}[{i}] must be a {kind.__name__}, "
                    f"got {type(item).__name__} {item!r}"
                )
                raise TypeError(msg)

    return validate


def _duplicates(codes: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    dups: list[str] = []
    for code in codes:
        if code in seen and code not in dups:
            dups.append(code)
        seen.add(code)
    return dups


def _items(value: Iterable[CheckItem]) -> tuple[CheckItem, ...]:
    return to_tuple(value)


def _checklists(value: Iterable[Checklist]) -> tuple[Checklist, ...]:
    return to_tuple(value)


def _evidence(value: Iterable[str]) -> tuple[str, ...]:
    items = to_tuple(value)
    for i, ref in enumerate(items):
        check_nonblank(f"evidence[{i}]", ref)
    return items


@attrs.frozen
class CheckItem:
    """One check point (检查点) of a checklist: what to check, how often, how many samples.

    `frequency` `None` means "the checklist's frequency".

    Raises:
        TypeError: a field has the wrong type.
        InvalidValueError: `code` or `title` is blank, or `samples` is below 1.

    Examples:
        >>> CheckItem("SEC-01", "Guard posts staffed", Frequency.parse("daily"), samples=3)
        CheckItem(code='SEC-01', title='Guard posts staffed', \
frequency=Frequency(count=1, every=1, unit='day'), samples=3, role='')
    """

    code: str = attrs.field(validator=nonblank)
    """The item's code (代码), unique in the plan."""
    title: str = attrs.field(validator=nonblank)
    """What is checked."""
    frequency: Frequency | None = attrs.field(default=None, validator=_optional_frequency)
    """How often the check point is due (频次); `None` uses the checklist's."""
    samples: int = attrs.field(default=1, kw_only=True, validator=at_least(1))
    """Samples each check must look at (抽样) for the record to be traceable."""
    role: str = attrs.field(default="", kw_only=True, validator=is_str)
    """Who checks (e.g. 班组长); empty means the checklist's role."""


@attrs.frozen
class Checklist:
    """A check form (核查表单): items checked together in rounds at the checklist's frequency.

    Raises:
        TypeError: a field has the wrong type.
        InvalidValueError: `code` or `title` is blank, there are no items, or two items share
            a code.

    Examples:
        >>> sec = Checklist("SEC", "秩序维护", [CheckItem("SEC-01", "Guard posts", None)],
        ...                 frequency=Frequency.parse("daily"), role="班组长")
        >>> sec.frequency_of(sec.items[0])
        Frequency(count=1, every=1, unit='day')
    """

    code: str = attrs.field(validator=nonblank)
    """The checklist's code, unique in the plan."""
    title: str = attrs.field(validator=nonblank)
    """The checklist's name."""
    items: tuple[CheckItem, ...] = attrs.field(converter=_items, validator=_members(CheckItem))
    """Its check points, in form order."""
    frequency: Frequency = attrs.field(kw_only=True, validator=_frequency)
    """How often a round (a pass through the form) is due."""
    role: str = attrs.field(default="", kw_only=True, validator=is_str)
    """Who runs the rounds (班组长, 业务主管, 品质部 …)."""

    def __attrs_post_init__(self) -> None:
        if not self.items:
            msg = f"checklist {self.code!r} needs at least one item, got 'items' ()"
            raise InvalidValueError(msg, field="items", value=self.items)
        dups = _duplicates(item.code for item in self.items)
        if dups:
            msg = f"checklist {self.code!r} has duplicate item codes: {', '.join(dups)}"
            raise InvalidValueError(msg, field="items", value=dups)

    def frequency_of(self, item: CheckItem) -> Frequency:
        """The frequency at which *item* is due: its own, else the checklist's."""
        return self.frequency if item.frequency is None else item.frequency


def counted_windows(
    schedule: Schedule, period: Period, proration: Proration
) -> tuple[tuple[int, date | None, Fraction], ...]:
    """The windows of *schedule* counted in *period*: (window number, month, checks required).

    Windows due (ending) in the period count whole (`month` `None`); under seed proration a
    window longer than a month counts its share in each month of the period, keyed by the
    window holding the month's last day.
    """
    frequency = schedule.frequency
    number = schedule.window_number
    if proration is Proration.SEED and frequency.unit.months > 1:
        share = Fraction(frequency.count, frequency.window_months)
        return tuple(
            (number(month.last), month.start, share) for month in period.split(PeriodUnit.MONTH)
        )
    # windows due in the period: k with start(k + 1) in (start, end]
    whole = Fraction(frequency.count)
    return tuple((k, None, whole) for k in range(number(period.start), number(period.end)))


@attrs.frozen
class InspectionPlan:
    """The checklists one property runs, and where their windows lie.

    Without an `anchor` (the default) every schedule has calendar-aligned windows (days, ISO
    weeks, calendar months, quarters ...; see [Schedule][propstd.frequencies.Schedule]); an
    explicit anchor starts window 0 of every schedule on that date.

    `name` tells properties apart: tallies of plans with the same name and content are read as
    parts of one property (their requirements merge as a union), so give each property's plan
    its own name before adding tallies of different properties.

    Raises:
        TypeError: a field has the wrong type.
        InvalidValueError: there are no checklists, or two checklists or two items (across
            checklists) share a code.

    Examples:
        >>> from datetime import date
        >>> plan = InspectionPlan(
        ...     [Checklist("QA", "品质部", [CheckItem("QA-01", "专项检查", None)],
        ...                frequency=Frequency.parse("monthly"))],
        ...     name="翠湖花园")
        >>> plan.item("QA-01").title, plan.frequency_of("QA-01"), plan.identity[:5]
        ('专项检查', Frequency(count=1, every=1, unit='month'), '翠湖花园#')
    """

    checklists: tuple[Checklist, ...] = attrs.field(
        converter=_checklists, validator=_members(Checklist)
    )
    """The plan's checklists."""
    anchor: date | None = attrs.field(
        default=None, kw_only=True, validator=attrs.validators.optional(is_date)
    )
    """The first day of window 0 of every schedule; `None` for calendar-aligned windows."""
    name: str = attrs.field(default="", kw_only=True, validator=is_str)
    """The property (or plan) this is, e.g. `"翠湖花园"`; part of the plan's identity."""
    _entries: dict[str, tuple[CheckItem, Checklist]] = attrs.field(
        init=False, repr=False, eq=False, hash=False
    )
    _identity: str = attrs.field(init=False, repr=False, eq=False, hash=False)

    def __attrs_post_init__(self) -> None:
        if not self.checklists:
            msg = "an inspection plan needs at least one checklist, got 'checklists' ()"
            raise InvalidValueError(msg, field="checklists", value=self.checklists)
        dups = _duplicates(c.code for c in self.checklists)
        if dups:
            msg = f"the plan has duplicate checklist codes: {', '.join(dups)}"
            raise InvalidValueError(msg, field="checklists", value=dups)
        dups = _duplicates(i.code for c in self.checklists for i in c.items)
        if dups:
            msg = f"the plan has duplicate item codes: {', '.join(dups)}"
            raise InvalidValueError(msg, field="checklists", value=dups)
        entries = {i.code: (i, c) for c in self.checklists for i in c.items}
        # derived lookup tables and a stable identity, set once (frozen class)
        object.__setattr__(self, "_entries", entries)
        digest = hashlib.sha256(repr(self).encode()).hexdigest()[:12]
        object.__setattr__(self, "_identity", f"{self.name}#{digest}")

    def schedule(self, frequency: Frequency) -> Schedule:
        """The plan's [Schedule][propstd.frequencies.Schedule] of *frequency* (its anchor)."""
        return Schedule(frequency, anchor=self.anchor)

    @property
    def identity(self) -> str:
        """`name#digest`: the name and a stable digest of the plan's content.

        Tallies key their requirements by it, so two tallies of the same plan merge as one
        property, on any machine.
        """
        return self._identity

    @property
    def items(self) -> tuple[CheckItem, ...]:
        """Every check item of the plan, checklist by checklist."""
        return tuple(i for c in self.checklists for i in c.items)

    @property
    def codes(self) -> frozenset[str]:
        """The item codes the plan knows."""
        return frozenset(self._entries)

    def _entry(self, code: str) -> tuple[CheckItem, Checklist]:
        entry = self._entries.get(check_str("code", code))
        if entry is None:
            msg = f"the plan has no item {shown(code)}"
            raise InvalidValueError(msg, field="code", value=code)
        return entry

    def item(self, code: str) -> CheckItem:
        """The item with *code* (`InvalidValueError` if the plan has none)."""
        return self._entry(code)[0]

    def checklist_of(self, code: str) -> Checklist:
        """The checklist that holds item *code*."""
        return self._entry(code)[1]

    def frequency_of(self, code: str) -> Frequency:
        """The frequency at which item *code* is due (its own or its checklist's)."""
        item, checklist = self._entry(code)
        return checklist.frequency_of(item)

    def records_needed(
        self, period: Period, *, proration: Proration | str = Proration.SEED
    ) -> Period:
        """The span of check records a tally of *period* needs (semantics §14.2).

        A tally counts the windows due in the period with every record inside them, also
        records from before the period starts (a biweekly window 24 Feb - 9 Mar is due in
        March). The span runs from the start of the earliest such window, over every item and
        checklist, to the period's end; pass the records of that span to
        [qpi_tally][propstd.inspections.qpi_tally].

        Examples:
            >>> from propstd.periods import Period
            >>> plan = InspectionPlan([Checklist("ENV", "环境", [CheckItem("ENV-04", "Greenery")],
            ...                                  frequency=Frequency.parse("biweekly"))],
            ...                       anchor=date(2025, 1, 6))
            >>> str(plan.records_needed(Period.parse("2025-03")))
            '2025-02-17/2025-04-01'
        """
        check_type("period", period, Period)
        how = to_member("proration", Proration, proration)
        start = period.start
        for frequency in {c.frequency_of(i) for c in self.checklists for i in c.items} | {
            c.frequency for c in self.checklists
        }:
            schedule = self.schedule(frequency)
            for k, _month, _required in counted_windows(schedule, period, how):
                start = min(start, schedule.window_start(k))
        return Period(start, period.end)


@attrs.frozen
class CheckRecord:
    """One check done: which item, when, by whom, with how many samples and what evidence.

    A record is **traceable** (可追溯) when it names an inspector, carries at least one evidence
    reference (a photo id, a sample location) and looked at as many samples as the item
    requires.

    Raises:
        TypeError: a field has the wrong type (`at` must be a `datetime`).
        NaiveDatetimeError: `at` is naive.
        InvalidValueError: `item_code` is blank, `samples` is below 1, or an evidence
            reference is blank.

    Examples:
        >>> from datetime import datetime, timedelta, timezone
        >>> at = datetime(2025, 3, 3, 9, 0, tzinfo=timezone(timedelta(hours=8)))
        >>> r = CheckRecord("SEC-01", at, "Zhao", samples=3, evidence=["IMG-0301"])
        >>> r.is_traceable(required_samples=3), r.is_traceable(required_samples=4)
        (True, False)
    """

    item_code: str = attrs.field(validator=nonblank)
    """The code of the item checked."""
    at: datetime = attrs.field(validator=aware)
    """When the check was done (an aware instant)."""
    inspector: str = attrs.field(validator=is_str)
    """Who checked; empty means not recorded (the record is then not traceable)."""
    samples: int = attrs.field(default=1, kw_only=True, validator=at_least(1))
    """How many samples the check looked at."""
    evidence: tuple[str, ...] = attrs.field(default=(), kw_only=True, converter=_evidence)
    """Evidence references (photo ids, sample locations)."""
    round_id: str = attrs.field(default="", kw_only=True, validator=is_str)
    """The round (pass through the checklist) this check belongs to; empty means the round of
    the checklist on the check's local date."""

    def is_traceable(self, *, required_samples: int = 1) -> bool:
        """Whether the record names an inspector, has evidence and enough samples."""
        return (
            bool(self.inspector.strip())
            and bool(self.evidence)
            and self.samples >= required_samples
        )
