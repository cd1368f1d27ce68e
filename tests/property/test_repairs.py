"""Property tests for propstd.repairs: the invariants of the repair time-limit table."""

from __future__ import annotations

import calendar as _calendar
import json
from collections.abc import Callable
from datetime import date, timedelta

import attrs
import jsonschema
import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given, settings
from hypothesis import strategies as st

from propstd._time import MAX_DATE, MIN_DATE
from propstd._vocab import Vocabulary
from propstd.calendars import WorkingCalendar
from propstd.errors import InvalidValueError
from propstd.periods import Period
from propstd.rates import Rate
from propstd.repairs import (
    RecordKind,
    RepairCategory,
    RepairLimits,
    RepairMetrics,
    RepairOrder,
    repair_metrics,
    repair_status,
    retention_until,
    warranty_reminder_date,
)
from propstd.serialization import from_data, json_schema, to_data
from propstd.timelimits import Clock
from propstd.timelines import EventKind, MilestoneState, MilestoneStatus, Timeline
from tests.strategies import (
    REPAIR_TZ,
    dates,
    repair_instants,
    repair_limit_parts,
    repair_limits,
    repair_orders,
    repair_timelines,
    vocabulary_spellings,
)


def judged(status: MilestoneStatus | None) -> MilestoneStatus:
    """*status*, which the test's table sets a limit for (so it is judged)."""
    assert status is not None
    return status


LIMITS_SCHEMA = jsonschema.Draft202012Validator(json_schema(RepairLimits))
OFFICE = WorkingCalendar.weekly(hours="09:00-12:00,13:30-18:00", zone="Asia/Shanghai")


def _comparable(limits: RepairLimits, category: RepairCategory) -> bool:
    a, c = limits.arrival[category], limits.completion[category]
    return a.clock is c.clock and (a.unit.value == "day") == (c.unit.value == "day")


class TestCompletionAfterArrival:
    """Seed rules §4: the time-limit table gives each category an arrival and a completion
    limit; where the two compare, the completion is never due before the arrival."""

    @settings(deadline=None)  # judged on a working calendar; slow under coverage
    @given(repair_limits(), repair_orders())
    def test_completion_due_not_before_arrival_due(
        self, limits: RepairLimits, order: RepairOrder
    ) -> None:
        """Completion is due no earlier than arrival when the limits compare."""
        as_of = order.start + timedelta(days=10)
        status = repair_status(order, limits=limits, calendar=OFFICE, as_of=as_of)
        if not _comparable(limits, order.category):
            return
        arrival, completion = judged(status.arrival).due_at, judged(status.completion).due_at
        assert arrival is not None
        assert completion is not None
        assert completion >= arrival


class TestPauseMovesOnlyCompletion:
    """Seed rules §4 / semantics §11: pauses for parts or an absent owner count on completion
    only; arrival and revisit milestones are not pausable."""

    @settings(deadline=None)  # judged on a working calendar; slow under coverage
    @given(repair_limits(), st.data())
    def test_pause_moves_only_completion(self, limits: RepairLimits, data: st.DataObject) -> None:
        """Removing the pause leaves arrival and revisit as they were and never lengthens
        the completion deadline."""
        paused = data.draw(repair_timelines(pause=True))
        events = paused.events
        kept = tuple(e for e in events if e.kind not in (EventKind.PAUSED, EventKind.RESUMED))
        plain = Timeline(kept)
        category = data.draw(st.sampled_from(RepairCategory))
        appointment = paused.received_at if category is RepairCategory.SCHEDULED else None
        as_of = events[-1].at + timedelta(days=data.draw(st.integers(0, 10)))
        a = repair_status(
            RepairOrder("R-1", category, paused, appointment=appointment),
            limits=limits,
            calendar=OFFICE,
            as_of=as_of,
        )
        b = repair_status(
            RepairOrder("R-1", category, plain, appointment=appointment),
            limits=limits,
            calendar=OFFICE,
            as_of=as_of,
        )
        assert a.arrival == b.arrival
        assert a.revisit == b.revisit
        with_pause, without = judged(a.completion), judged(b.completion)
        if without.due_at is not None:
            assert with_pause.due_at is not None
            assert with_pause.due_at >= without.due_at
            if limits.completion[category].clock is Clock.NATURAL:
                # natural clock: the deadline moves by exactly the paused real time
                assert with_pause.due_at - with_pause.paused == without.due_at


@st.composite
def _order_sets(draw: st.DrawFn) -> tuple[RepairOrder, ...]:
    count = draw(st.integers(1, 12))
    start = draw(repair_instants())
    out: list[RepairOrder] = []
    for i in range(count):
        earlier = [o.id for o in out]
        rework = st.sampled_from(earlier) if earlier else st.none()
        out.append(
            draw(
                repair_orders(
                    order_id=f"R-{i}",
                    rework_of=st.none() | rework,
                    timelines=repair_timelines(start=start + timedelta(hours=7 * i)),
                )
            )
        )
    return tuple(out)


class TestReworkRate:
    """Seed rules §4: rework rate (返修率) = orders whose work was redone / completed orders,
    tracked per technician; rates pool exactly."""

    @pytest.mark.slow
    @settings(deadline=None)  # judged on a working calendar; slow under coverage
    @given(repair_limits(partial=True), _order_sets())
    def test_rework_rate_and_pooling(
        self, limits: RepairLimits, orders: tuple[RepairOrder, ...]
    ) -> None:
        """The rework rate counts reworked completed orders, and the groups add up to it."""
        first = min(o.received_at for o in orders).astimezone(REPAIR_TZ).date()
        period = Period(first, first + timedelta(days=40))
        as_of = max(o.timeline.events[-1].at for o in orders) + timedelta(days=3)
        m = repair_metrics(orders, period=period, limits=limits, calendar=OFFICE, as_of=as_of)
        redone = {o.rework_of for o in orders}
        completed = [o for o in orders if o.timeline.first(EventKind.COMPLETED) is not None]
        assert m.overall.rework == Rate(sum(o.id in redone for o in completed), len(completed))
        assert m.overall.completed == len(completed)
        assert m.overall.orders == len(orders)
        for field in ("arrival", "completion", "revisit", "revisit_on_time", "rework"):
            by_tech = sum((getattr(f, field) for f in m.by_technician), Rate(0, 0))
            by_cat = sum((getattr(f, field) for f in m.by_category), Rate(0, 0))
            assert by_tech == getattr(m.overall, field)
            assert by_cat == getattr(m.overall, field)

    @pytest.mark.slow
    @settings(deadline=None)  # judged on a working calendar; slow under coverage
    @given(repair_limits(partial=True), _order_sets())
    def test_judged_rates_count_breaches(
        self, limits: RepairLimits, orders: tuple[RepairOrder, ...]
    ) -> None:
        """Arrival timeliness is the met arrivals over the judged ones (orders whose category
        has no arrival limit are not judged)."""
        first = min(o.received_at for o in orders).astimezone(REPAIR_TZ).date()
        period = Period(first, first + timedelta(days=40))
        as_of = max(o.timeline.events[-1].at for o in orders)
        m = repair_metrics(orders, period=period, limits=limits, calendar=OFFICE, as_of=as_of)
        statuses = [repair_status(o, limits=limits, calendar=OFFICE, as_of=as_of) for o in orders]
        states = [s.arrival.state for s in statuses if s.arrival is not None]
        assert len(states) == sum(o.category in limits.arrival for o in orders)
        met = states.count(MilestoneState.MET)
        assert m.overall.arrival == Rate(met, met + states.count(MilestoneState.BREACHED))


class TestDroppingLimits:
    """The partial table (semantics §15: "a number lives in a preset or in the user's file"):
    leaving limits out of a table never changes a figure that does not need them, and never
    raises; what needs them is not judged."""

    @pytest.mark.slow
    @settings(deadline=None)  # judged on a working calendar; slow under coverage
    @given(repair_limits(), _order_sets(), st.data())
    def test_statuses(
        self, full: RepairLimits, orders: tuple[RepairOrder, ...], data: st.DataObject
    ) -> None:
        """Each milestone with its limit kept is judged alike; one left out is None; the
        completion and revisit instants and the verdict are the same."""
        part = data.draw(repair_limit_parts(full))
        as_of = max(o.timeline.events[-1].at for o in orders) + timedelta(
            hours=data.draw(st.integers(0, 72))
        )
        for order in orders:
            a = repair_status(order, limits=full, calendar=OFFICE, as_of=as_of)
            b = repair_status(order, limits=part, calendar=OFFICE, as_of=as_of)
            kept = (
                order.category in part.arrival,
                order.category in part.completion,
                part.revisit is not None,
            )
            for keep, x, y in zip(kept, a.rows(), b.rows(), strict=True):
                assert y == x if keep else y.state is MilestoneState.NOT_APPLICABLE
            assert (b.arrival, b.completion, b.revisit) == tuple(
                s if keep else None
                for keep, s in zip(kept, (a.arrival, a.completion, a.revisit), strict=True)
            )
            assert (b.completed_at, b.revisited_at, b.satisfied, b.start_at) == (
                a.completed_at,
                a.revisited_at,
                a.satisfied,
                a.start_at,
            )
            assert len(b.not_judged) == kept.count(False)
            assert set(b.breached) <= set(a.breached)

    @pytest.mark.slow
    @settings(deadline=None)  # judged on a working calendar; slow under coverage
    @given(repair_limits(), _order_sets(), st.data())
    def test_metrics(
        self, full: RepairLimits, orders: tuple[RepairOrder, ...], data: st.DataObject
    ) -> None:
        """Counts, rework, satisfaction and revisits done stay; a timeliness rate pools only
        the orders whose category keeps its limit; on-time revisits need the revisit limit."""
        part = data.draw(repair_limit_parts(full))
        first = min(o.received_at for o in orders).astimezone(REPAIR_TZ).date()
        period = Period(first, first + timedelta(days=40))
        as_of = max(o.timeline.events[-1].at for o in orders)
        a = repair_metrics(orders, period=period, limits=full, calendar=OFFICE, as_of=as_of)
        b = repair_metrics(orders, period=period, limits=part, calendar=OFFICE, as_of=as_of)
        x, y = a.overall, b.overall
        assert (y.orders, y.completed, y.rework, y.satisfaction) == (
            x.orders,
            x.completed,
            x.rework,
            x.satisfaction,
        )
        assert y.revisit.numerator == x.revisit.numerator  # revisits done need no limit
        assert y.revisit.denominator >= x.revisit.denominator
        if part.revisit is not None:
            assert (y.revisit, y.revisit_on_time) == (x.revisit, x.revisit_on_time)
        else:
            assert y.revisit == Rate(x.revisit.numerator, x.completed)
            assert y.revisit_on_time == Rate(0, 0)
        for name, table in (("arrival", part.arrival), ("completion", part.completion)):
            kept = [
                getattr(f, name)
                for f, c in zip(a.by_category, _categories(a), strict=True)
                if c in table
            ]
            assert getattr(y, name) == sum(kept, Rate(0, 0))
        assert a.not_judged == ()
        if part == full:
            assert b.not_judged == ()


def _categories(metrics: RepairMetrics) -> list[RepairCategory]:
    """The category of each row of *metrics*' `by_category` (its label starts with it)."""
    return [RepairCategory(f.label.split()[0]) for f in metrics.by_category]


class TestWarrantyReminder:
    """Seed rules §4: owners are reminded one month before the warranty ends (month-end safe)."""

    @given(dates())
    def test_reminder_in_the_month_before(self, end: date) -> None:
        """end − 31 days ≤ reminder < end, equal to end − 1 month clamped at the month end."""
        reminder = warranty_reminder_date(end)
        assert end - timedelta(days=31) <= reminder < end
        assert reminder == end - relativedelta(months=1)
        previous = end.replace(day=1) - timedelta(days=1)
        assert reminder.month == previous.month
        assert reminder.day == min(end.day, _calendar.monthrange(previous.year, previous.month)[1])


class TestRoundTrip:
    """Semantics §13: from_data(cls, to_data(x)) == x for every public record."""

    @given(repair_limits(partial=True))
    def test_limits(self, limits: RepairLimits) -> None:
        """Limits, with any of them left out, survive JSON and fit their schema."""
        data = json.loads(json.dumps(to_data(limits)))
        assert from_data(RepairLimits, data) == limits
        assert list(LIMITS_SCHEMA.iter_errors(data)) == []

    @given(repair_orders())
    def test_orders(self, order: RepairOrder) -> None:
        """Orders survive JSON."""
        data = json.loads(json.dumps(to_data(order)))
        assert from_data(RepairOrder, data) == order
        assert attrs.evolve(order) == order


class TestWords:
    """Semantics §14.7: "Every enum reads its English value, its Chinese label and the seeds'
    words ... Values are written back in English"."""

    @given(vocabulary_spellings(RepairCategory, RecordKind))
    def test_every_word_reads_back(self, spelling: tuple[Vocabulary, str]) -> None:
        """Each accepted word, in any case and with blanks around it, names its member."""
        member, text = spelling
        assert type(member)(text) is member
        assert to_data(member) == member.value


class TestDateEdges:
    """Semantics §14.10: dates outside 0002–9998 raise InvalidValueError, "never
    OverflowError ... or a builtin ValueError without the named error"."""

    @given(
        st.dates(),
        st.integers(0, 20_000),
        st.integers(0, 24),
        st.integers(0, 400),
        st.sampled_from(RecordKind),
    )
    def test_reminders_and_retention_are_total(
        self, day: date, years: int, months: int, days: int, kind: RecordKind
    ) -> None:
        """Every date and shift gives a date within 0002-9998 or a named InvalidValueError."""
        before = relativedelta(years=years, months=months, days=days + 1)
        calls: list[Callable[[], date]] = [
            lambda: warranty_reminder_date(day, before=before),
            lambda: retention_until(day, kind),
        ]
        for call in calls:
            try:
                result = call()
            except InvalidValueError:  # a named error (any other exception fails the test)
                continue
            assert MIN_DATE <= result <= MAX_DATE


class TestOverdueIsBreachedAndOpen:
    """Semantics §0: "A deadline is inclusive ... `as_of > deadline` is overdue"."""

    @settings(deadline=None)  # judged on a working calendar
    @given(repair_limits(), repair_orders(), st.integers(0, 60 * 24 * 10))
    def test_overdue_within_breached(
        self, limits: RepairLimits, order: RepairOrder, minutes: int
    ) -> None:
        """What is overdue was breached and is not done; the rows follow the milestones."""
        as_of = order.received_at + timedelta(minutes=minutes)
        s = repair_status(order, limits=limits, calendar=OFFICE, as_of=as_of)
        assert set(s.overdue) <= set(s.breached)
        assert s.is_overdue == bool(s.overdue)
        assert [r.state for r in s.rows()] == [m.state for m in s.milestones]
        assert len(str(s).splitlines()) == 6 + (s.satisfied is not None)
