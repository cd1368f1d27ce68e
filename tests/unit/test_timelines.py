"""Unit tables for propstd.timelines: events, the state machine, milestones and their status."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import pytest

from propstd.calendars import ALWAYS_OPEN, WorkingCalendar, china_calendar
from propstd.errors import InvalidValueError, NaiveDatetimeError, PropstdError, TransitionError
from propstd.timelimits import TimeLimit
from propstd.timelines import (
    EVENT_TYPES,
    Arrived,
    Closed,
    Completed,
    Contacted,
    Event,
    EventKind,
    Milestone,
    MilestoneRow,
    MilestoneState,
    MilestoneStatus,
    Paused,
    PauseSegment,
    PriorityChanged,
    PriorityChangePolicy,
    Received,
    ReopenPolicy,
    Responded,
    Resumed,
    Revisited,
    Timeline,
    TimelineState,
    time_between,
)

TZ = ZoneInfo("Asia/Shanghai")
OFFICE = china_calendar(hours="08:30-12:00,13:30-17:30")


def loose(value: object) -> Any:
    """*value*, typed as Any (for bad-input tables)."""
    return value


def at(text: str) -> datetime:
    """'2025-03-07 16:00' in Beijing time."""
    return datetime.fromisoformat(text).replace(tzinfo=TZ)


def utc(hour: int, minute: int = 0, day: int = 3) -> datetime:
    """An instant on 2025-03-<day> in UTC."""
    return datetime(2025, 3, day, hour, minute, tzinfo=UTC)


# -- events ---------------------------------------------------------------------------------


class TestEvents:
    """The event classes."""

    def test_kinds_and_reprs(self) -> None:
        """Each event has its kind and a readable repr."""
        t = utc(9)
        assert Paused(t, "parts").kind is EventKind.PAUSED
        assert repr(Paused(t, "parts")) == "Paused('2025-03-03T09:00:00+00:00', reason='parts')"
        assert repr(Revisited(t, True)) == "Revisited('2025-03-03T09:00:00+00:00', satisfied=True)"
        assert repr(PriorityChanged(t, "urgent")).endswith("to='urgent')")
        assert repr(Received(t)) == "Received('2025-03-03T09:00:00+00:00')"

    @pytest.mark.parametrize(
        ("make", "error", "match"),
        [
            pytest.param(
                lambda: Received(datetime(2025, 3, 3)), NaiveDatetimeError, "'at'", id="naive"
            ),
            pytest.param(
                lambda: Responded(loose("2025-03-03")),
                TypeError,
                "'at' must be a datetime",
                id="str",
            ),
            pytest.param(
                lambda: Paused(utc(9), "  "), InvalidValueError, "'reason'", id="blank-reason"
            ),
            pytest.param(lambda: Paused(utc(9), loose(3)), TypeError, "'reason'", id="int-reason"),
            pytest.param(
                lambda: PriorityChanged(utc(9), ""), InvalidValueError, "'to'", id="blank-to"
            ),
            pytest.param(
                lambda: Revisited(utc(9), loose(1)), TypeError, "'satisfied'.*1", id="int-verdict"
            ),
            pytest.param(lambda: Arrived(loose(None)), TypeError, "'at'.*None", id="none"),
        ],
    )
    def test_bad_events(self, make: Any, error: type[Exception], match: str) -> None:
        """Bad event fields raise, naming the field."""
        with pytest.raises(error, match=match):
            make()


# -- the state machine ----------------------------------------------------------------------


def full() -> Timeline:
    """received → responded → arrived → paused → resumed → completed → closed → revisited."""
    return (
        Timeline.start(utc(9))
        .responded(utc(9, 10))
        .arrived(utc(9, 30))
        .paused(utc(10), "parts")
        .resumed(utc(12))
        .completed(utc(13))
        .closed(utc(14))
        .revisited(utc(15), satisfied=True)
    )


class TestTimeline:
    """Building and checking timelines."""

    def test_builder_gives_the_same_as_the_tuple(self) -> None:
        """The fluent builder and the raw tuple build equal timelines."""
        raw = Timeline(
            (
                Received(utc(9)),
                Responded(utc(9, 10)),
                Arrived(utc(9, 30)),
                Paused(utc(10), "parts"),
                Resumed(utc(12)),
                Completed(utc(13)),
                Closed(utc(14)),
                Revisited(utc(15), True),
            )
        )
        assert full() == raw
        assert Timeline.of(*raw.events) == raw
        assert len(raw) == 8
        assert raw.state is TimelineState.CLOSED
        assert raw.is_closed
        assert raw.received_at == utc(9)

    def test_queries(self) -> None:
        """first, last, until, state_at and reopen_count answer about the events."""
        t = full().reopened(utc(16)).contacted(utc(16, 30)).priority_changed(utc(17), "urgent")
        assert t.reopen_count == 1
        assert t.first("closed") == Closed(utc(14))
        assert t.last(EventKind.CONTACTED) == Contacted(utc(16, 30))
        assert t.last("arrived") == Arrived(utc(9, 30))
        assert t.first("reopened") is not None
        assert Timeline.start(utc(9)).first("closed") is None
        assert t.until(utc(8)) is None
        until = t.until(utc(10))
        assert until is not None
        assert until.state is TimelineState.PAUSED
        assert t.state_at(utc(8)) is None
        assert t.state_at(utc(14)) is TimelineState.CLOSED
        assert t.state is TimelineState.OPEN
        assert repr(Timeline.start(utc(9))) == "Timeline(Received('2025-03-03T09:00:00+00:00'))"

    def test_reopen_allows_a_new_response(self) -> None:
        """Each cycle may be responded once."""
        t = Timeline.start(utc(9)).responded(utc(9)).closed(utc(10)).reopened(utc(11))
        assert t.responded(utc(12)).state is TimelineState.OPEN

    @pytest.mark.parametrize(
        ("build", "match"),
        [
            pytest.param(
                lambda t: t.resumed(utc(10)),
                r"events\[1\] resumed .* while the request is open",
                id="resume-open",
            ),
            pytest.param(
                lambda t: t.responded(utc(10)).responded(utc(11)),
                r"events\[2\] responded .*already responded",
                id="twice",
            ),
            pytest.param(
                lambda t: t.closed(utc(10)).completed(utc(11)),
                r"completed .* while the request is closed",
                id="complete-closed",
            ),
            pytest.param(
                lambda t: t.reopened(utc(10)),
                r"reopened .* while the request is open",
                id="reopen-open",
            ),
            pytest.param(
                lambda t: t.paused(utc(10), "x").arrived(utc(11)),
                r"arrived .* while the request is paused",
                id="arrive-paused",
            ),
            pytest.param(
                lambda t: t.revisited(utc(10)),
                r"revisited .* while the request is open",
                id="revisit-open",
            ),
            pytest.param(
                lambda t: t.closed(utc(10)).contacted(utc(11)),
                r"contacted .* closed",
                id="contact-closed",
            ),
            pytest.param(
                lambda t: t.then(Received(utc(10))),
                r"events\[1\] received .*only once",
                id="received-twice",
            ),
            pytest.param(
                lambda t: t.responded(utc(8)), r"events\[1\] responded .*earlier than", id="earlier"
            ),
        ],
    )
    def test_illegal_transitions(self, build: Any, match: str) -> None:
        """An illegal event raises TransitionError naming the event."""
        with pytest.raises(TransitionError, match=match):
            build(Timeline.start(utc(9)))

    @pytest.mark.parametrize(
        ("events", "error", "match"),
        [
            pytest.param((), InvalidValueError, "'events' must start", id="empty"),
            pytest.param(
                (Responded(utc(9)),),
                TransitionError,
                "must start with a received",
                id="first-not-received",
            ),
            pytest.param(
                (Received(utc(9)), "responded"),
                TypeError,
                r"events\[1\] must be a timeline event",
                id="str-item",
            ),
            pytest.param(
                (Received(utc(9)), Event(utc(9))), TypeError, r"events\[1\]", id="base-event"
            ),
            pytest.param(Received(utc(9)), TypeError, "a single event", id="single-event"),
            pytest.param(
                (Received(utc(9)), Closed(utc(8))), TransitionError, "earlier", id="out-of-order"
            ),
        ],
    )
    def test_bad_timelines(self, events: Any, error: type[Exception], match: str) -> None:
        """Bad event sequences raise, naming the problem."""
        with pytest.raises(error, match=match):
            Timeline(events)

    def test_order_is_by_instant_not_wall_clock(self) -> None:
        """Events in different zones are ordered as instants."""
        t = Timeline.start(utc(9)).responded(at("2025-03-03 17:30"))  # = 09:30 UTC
        assert t.state is TimelineState.OPEN
        with pytest.raises(TransitionError):
            t.closed(at("2025-03-03 17:00"))

    def test_evolve_validates(self) -> None:
        """attrs.evolve runs the checks again."""
        with pytest.raises(TransitionError):
            attrs.evolve(full(), events=tuple(reversed(full().events)))


# -- milestones -----------------------------------------------------------------------------


class TestMilestone:
    """Milestone construction."""

    def test_defaults_and_repr(self) -> None:
        """A milestone counts from received, not pausable, continue-clock, from-change."""
        m = Milestone("responded", TimeLimit.hours(24))
        assert m.start is EventKind.RECEIVED
        assert not m.pausable
        assert m.label == "responded"
        assert Milestone("closed", TimeLimit.hours(1), name="resolution").label == "resolution"
        assert repr(m) == "Milestone('responded', TimeLimit(24, 'hour', 'natural'))"
        full_repr = repr(Milestone("closed", TimeLimit.hours(1), reopen="restart", name="x"))
        assert (
            full_repr
            == "Milestone('closed', TimeLimit(1, 'hour', 'natural'), reopen='restart', name='x')"
        )

    def test_priority_limits(self) -> None:
        """Priority limits accept a mapping or pairs and answer limit_for."""
        a = Milestone(
            "completed", TimeLimit.hours(4), priority_limits={"urgent": TimeLimit.hours(1)}
        )
        b = Milestone(
            "completed", TimeLimit.hours(4), priority_limits=[("urgent", TimeLimit.hours(1))]
        )
        assert a == b
        assert a.limit_for("urgent") == TimeLimit.hours(1)
        assert a.limit_for("low") is None

    @pytest.mark.parametrize(
        ("kwargs", "error", "match"),
        [
            pytest.param(
                {"target": "received"},
                InvalidValueError,
                "'target' must be an event after receipt",
                id="target-received",
            ),
            pytest.param(
                {"target": "closed", "start": "closed"},
                InvalidValueError,
                "'target' and 'start' must differ",
                id="same",
            ),
            pytest.param({"target": "finished"}, ValueError, "finished", id="unknown-target"),
            pytest.param(
                {"limit": "24 hours"}, TypeError, "'limit' must be TimeLimit", id="limit-str"
            ),
            pytest.param({"pausable": 1}, TypeError, "'pausable' must be bool", id="pausable-int"),
            pytest.param({"reopen": "resume"}, ValueError, "resume", id="unknown-policy"),
            pytest.param(
                {"priority_limits": "urgent"},
                TypeError,
                "'priority_limits' must be a mapping",
                id="limits-str",
            ),
            pytest.param(
                {"priority_limits": [("urgent",)]}, TypeError, "pairs", id="limits-single"
            ),
            pytest.param({"priority_limits": 5}, TypeError, "'priority_limits'", id="limits-int"),
            pytest.param(
                {"priority_limits": [("a", TimeLimit.hours(1)), ("a", TimeLimit.hours(2))]},
                InvalidValueError,
                "'a' twice",
                id="limits-twice",
            ),
            pytest.param(
                {"priority_limits": {" ": TimeLimit.hours(1)}},
                InvalidValueError,
                "priority_limits key",
                id="limits-blank",
            ),
            pytest.param(
                {"priority_limits": {"a": 1}},
                TypeError,
                r"priority_limits\['a'\]",
                id="limits-not-limit",
            ),
            pytest.param({"name": 3}, TypeError, "'name'", id="name-int"),
        ],
    )
    def test_bad_milestones(
        self, kwargs: dict[str, Any], error: type[Exception], match: str
    ) -> None:
        """Bad milestone fields raise, naming the field and value."""
        args: dict[str, Any] = {"target": "completed", "limit": TimeLimit.hours(4)} | kwargs
        with pytest.raises(error, match=match):
            Milestone(args.pop("target"), args.pop("limit"), **args)

    @pytest.mark.parametrize(
        ("kwargs", "error", "match"),
        [
            pytest.param(
                {"start": datetime(2025, 3, 3)}, NaiveDatetimeError, "'start'", id="naive-start"
            ),
            pytest.param({"end": "x"}, TypeError, "'end'", id="str-end"),
            pytest.param({"reason": ""}, InvalidValueError, "'reason'", id="blank-reason"),
            pytest.param({"start": None}, TypeError, "'start'", id="none-start"),
            pytest.param(
                {"end": datetime(2025, 3, 3)}, NaiveDatetimeError, "'end'", id="naive-end"
            ),
        ],
    )
    def test_bad_pause_segments(
        self, kwargs: dict[str, Any], error: type[Exception], match: str
    ) -> None:
        """Bad pause segments raise, naming the field."""
        args: dict[str, Any] = {
            "start": utc(9),
            "end": utc(10),
            "reason": "parts",
            "counted": timedelta(hours=1),
        }
        with pytest.raises(error, match=match):
            PauseSegment(**(args | kwargs))


# -- status ---------------------------------------------------------------------------------

RESPONSE = Milestone("responded", TimeLimit.parse("24 hours"), name="response")
REPLY = Milestone("responded", TimeLimit.parse("当日"), name="same-day reply")


def status_of(
    timeline: Timeline, milestone: Milestone, as_of: datetime, calendar: WorkingCalendar = OFFICE
) -> Any:
    """The status (shorthand)."""
    return timeline.status(milestone, calendar=calendar, as_of=as_of)


class TestBoundaries:
    """Exactly at the limit is met; a microsecond later is breached."""

    @pytest.mark.parametrize(
        ("offset", "state"),
        [
            pytest.param(timedelta(hours=24), MilestoneState.MET, id="exactly-24h"),
            pytest.param(
                timedelta(hours=24, microseconds=1), MilestoneState.BREACHED, id="24h-plus-1us"
            ),
            pytest.param(timedelta(0), MilestoneState.MET, id="at-once"),
        ],
    )
    def test_response_24_hours(self, offset: timedelta, state: MilestoneState) -> None:
        """The seeds' 24-hour response: the deadline is inclusive."""
        t0 = at("2025-03-07 16:00")
        s = status_of(Timeline.start(t0).responded(t0 + offset), RESPONSE, t0 + timedelta(days=3))
        assert s.state is state
        assert s.due_at == at("2025-03-08 16:00")

    def test_pending_exactly_at_the_due_instant(self) -> None:
        """as_of == due_at is still pending; a microsecond later it is breached."""
        t0 = at("2025-03-07 16:00")
        due = at("2025-03-08 16:00")
        assert status_of(Timeline.start(t0), RESPONSE, due).state is MilestoneState.PENDING
        late = status_of(Timeline.start(t0), RESPONSE, due + timedelta(microseconds=1))
        assert late.state is MilestoneState.BREACHED
        assert late.overrun == timedelta(microseconds=1)
        assert late.remaining == timedelta(0)

    @pytest.mark.parametrize(
        ("received", "due"),
        [
            pytest.param("2025-03-03 10:00", "2025-03-03 17:30", id="monday-morning"),
            pytest.param("2025-03-03 17:29", "2025-03-03 17:30", id="just-before-close"),
            pytest.param("2025-03-03 17:30", "2025-03-04 17:30", id="at-close"),
            pytest.param("2025-03-03 18:00", "2025-03-04 17:30", id="after-close"),
            pytest.param("2025-03-08 10:00", "2025-03-10 17:30", id="saturday"),
            pytest.param("2025-04-03 18:00", "2025-04-07 17:30", id="before-qingming"),
            pytest.param(
                "2025-04-26 10:00", "2025-04-27 17:30", id="saturday-before-makeup-sunday"
            ),
        ],
    )
    def test_same_day_reply(self, received: str, due: str) -> None:
        """The same-working-day reply (当日) ends at the close of the working day."""
        s = status_of(Timeline.start(at(received)), REPLY, at(received))
        assert s.due_at == at(due)
        assert s.state is MilestoneState.PENDING


class TestClocks:
    """Working clocks skip weekends and holidays; natural clocks do not."""

    @pytest.mark.parametrize(
        ("limit", "received", "due"),
        [
            pytest.param("4 working hours", "2025-03-07 16:00", "2025-03-10 11:00", id="weekend"),
            pytest.param("4 working hours", "2025-04-03 16:00", "2025-04-07 11:00", id="qingming"),
            pytest.param(
                "2 working hours", "2025-04-26 10:00", "2025-04-27 10:30", id="makeup-day"
            ),
            pytest.param(
                "2 working days", "2025-09-30 10:00", "2025-10-10 17:30", id="national-day"
            ),
            pytest.param(
                "24 hours", "2025-04-03 16:00", "2025-04-04 16:00", id="natural-over-holiday"
            ),
            pytest.param(
                "3 calendar days", "2025-04-03 16:00", "2025-04-07 00:00", id="calendar-days"
            ),
            pytest.param("2 hours", "2025-03-08 23:00", "2025-03-09 01:00", id="natural-night"),
        ],
    )
    def test_due(self, limit: str, received: str, due: str) -> None:
        """The deadline on the office calendar."""
        m = Milestone("completed", TimeLimit.parse(limit))
        assert status_of(Timeline.start(at(received)), m, at(received)).due_at == at(due)

    def test_remaining_is_in_the_milestones_clock(self) -> None:
        """Remaining time on a working clock is working time."""
        m = Milestone("completed", TimeLimit.parse("4 working hours"))
        s = status_of(Timeline.start(at("2025-03-07 16:00")), m, at("2025-03-08 12:00"))
        assert s.remaining == timedelta(hours=2, minutes=30)  # Monday 08:30-11:00
        done = status_of(
            Timeline.start(at("2025-03-07 16:00")).completed(at("2025-03-10 14:00")),
            m,
            at("2025-03-11 09:00"),
        )
        assert done.state is MilestoneState.BREACHED
        assert done.overrun == timedelta(hours=1, minutes=30)  # 11:00-12:00, 13:30-14:00
        assert "overrun 1h 30m" in str(done)


class TestPauses:
    """Pauses extend pausable milestones by the paused time in their clock."""

    def test_working_pause(self) -> None:
        """A pause over a weekend counts only its working time."""
        m = Milestone("completed", TimeLimit.parse("4 working hours"), pausable=True)
        t = (
            Timeline.start(at("2025-03-07 16:00"))
            .paused(at("2025-03-07 17:00"), "parts")
            .resumed(at("2025-03-10 09:00"))
        )
        s = status_of(t, m, at("2025-03-10 10:00"))
        assert s.due_at == at("2025-03-10 12:00")
        assert s.paused == timedelta(hours=1)
        assert s.pauses == (
            PauseSegment(
                start=at("2025-03-07 17:00"),
                end=at("2025-03-10 09:00"),
                reason="parts",
                counted=timedelta(hours=1),
            ),
        )
        assert s.remaining == timedelta(hours=2)
        assert "2h 00m left" in str(s)

    def test_not_pausable(self) -> None:
        """A milestone that does not allow pausing ignores pauses."""
        m = Milestone("completed", TimeLimit.hours(4))
        t = Timeline.start(utc(9)).paused(utc(10), "parts").resumed(utc(12))
        s = status_of(t, m, utc(12), ALWAYS_OPEN)
        assert s.due_at == utc(13)
        assert s.pauses == ()

    def test_ongoing_pause_freezes_the_clock(self) -> None:
        """While paused, the deadline moves with as_of and the remaining time stays."""
        m = Milestone("completed", TimeLimit.hours(4), pausable=True)
        t = Timeline.start(utc(9)).paused(utc(10), "owner absent")
        early, later = status_of(t, m, utc(11), ALWAYS_OPEN), status_of(t, m, utc(20), ALWAYS_OPEN)
        assert early.remaining == later.remaining == timedelta(hours=3)
        assert later.due_at == utc(23)
        assert later.pauses[0].end == utc(20)

    def test_pause_after_the_deadline_does_not_undo_a_breach(self) -> None:
        """A pause that starts after the running deadline is not counted."""
        m = Milestone("completed", TimeLimit.hours(1), pausable=True)
        t = Timeline.start(utc(9)).paused(utc(11), "parts").resumed(utc(15)).completed(utc(15, 30))
        s = status_of(t, m, utc(16), ALWAYS_OPEN)
        assert s.state is MilestoneState.BREACHED
        assert s.paused == timedelta(0)

    def test_events_after_as_of_are_ignored(self) -> None:
        """The status sees only the events up to as_of."""
        t = Timeline.start(utc(9)).responded(utc(12))
        assert status_of(t, RESPONSE, utc(10), ALWAYS_OPEN).state is MilestoneState.PENDING
        assert status_of(t, RESPONSE, utc(8), ALWAYS_OPEN).state is MilestoneState.NOT_APPLICABLE


class TestStarts:
    """Milestones from other events, and not-applicable ones."""

    def test_revisit_after_closing(self) -> None:
        """A revisit milestone starts at the close; before it, it is not applicable."""
        m = Milestone(
            "revisited", TimeLimit.parse("3 working days"), start="closed", name="revisit"
        )
        t = Timeline.start(at("2025-03-03 09:00")).closed(at("2025-03-07 16:00"))
        before = status_of(t, m, at("2025-03-05 09:00"))
        assert before.state is MilestoneState.NOT_APPLICABLE
        assert before.due_at is None
        assert str(before) == "revisit: not applicable"
        s = status_of(t.revisited(at("2025-03-12 17:30")), m, at("2025-03-13 09:00"))
        assert s.due_at == at("2025-03-12 17:30")
        assert s.state is MilestoneState.MET
        assert s.is_done
        assert not s.is_open

    def test_completion_from_arrival(self) -> None:
        """A limit counted from arrival uses the first arrival."""
        m = Milestone("completed", TimeLimit.hours(2), start="arrived")
        t = Timeline.start(utc(9)).arrived(utc(10)).arrived(utc(10, 30))
        s = status_of(t, m, utc(11), ALWAYS_OPEN)
        assert s.start_at == utc(10)
        assert s.due_at == utc(12)
        assert s.is_open


class TestReopen:
    """Reopen policies."""

    def timeline(self) -> Timeline:
        """Closed at 10:00 after receipt at 09:00, reopened at 13:00, closed again at 15:00."""
        return (
            Timeline.start(utc(9))
            .responded(utc(9, 30))
            .closed(utc(10))
            .reopened(utc(13))
            .closed(utc(15))
        )

    def test_continue_clock(self) -> None:
        """Continue-clock: the closed time counts as paused, even if not pausable."""
        m = Milestone("closed", TimeLimit.hours(4))
        s = status_of(self.timeline(), m, utc(16), ALWAYS_OPEN)
        assert s.due_at == utc(16)  # 09:00 + 4 h + 3 h closed
        assert s.done_at == utc(15)
        assert s.state is MilestoneState.MET
        assert s.pauses[0].reason == "closed"
        assert s.paused == timedelta(hours=3)

    def test_restart(self) -> None:
        """Restart: a new clock from the reopen instant."""
        m = Milestone("closed", TimeLimit.hours(1), reopen="restart")
        s = status_of(self.timeline(), m, utc(16), ALWAYS_OPEN)
        assert s.start_at == utc(13)
        assert s.due_at == utc(14)
        assert s.state is MilestoneState.BREACHED
        assert s.overrun == timedelta(hours=1)

    def test_restart_needs_a_new_response(self) -> None:
        """Under restart a response before the reopen does not count."""
        m = Milestone("responded", TimeLimit.hours(1), reopen="restart")
        s = status_of(self.timeline(), m, utc(16), ALWAYS_OPEN)
        assert s.done_at is None
        assert s.state is MilestoneState.BREACHED
        kept = status_of(
            self.timeline(), Milestone("responded", TimeLimit.hours(1)), utc(16), ALWAYS_OPEN
        )
        assert kept.done_at == utc(9, 30)

    def test_restart_from_another_event(self) -> None:
        """Under restart a start event before the reopen does not count."""
        m = Milestone("completed", TimeLimit.hours(1), start="arrived", reopen="restart")
        t = Timeline.start(utc(9)).arrived(utc(9, 30)).closed(utc(10)).reopened(utc(11))
        assert status_of(t, m, utc(12), ALWAYS_OPEN).state is MilestoneState.NOT_APPLICABLE
        s = status_of(t.arrived(utc(12)), m, utc(12), ALWAYS_OPEN)
        assert s.due_at == utc(13)

    def test_continue_clock_from_closing(self) -> None:
        """A revisit counts from the last close under continue-clock."""
        m = Milestone("revisited", TimeLimit.hours(2), start="closed")
        s = status_of(self.timeline(), m, utc(16), ALWAYS_OPEN)
        assert s.start_at == utc(15)
        assert s.due_at == utc(17)


class TestPriorityChange:
    """Priority-change policies."""

    def status(self, policy: str, *, paused: bool = False) -> Any:
        """A 4-hour limit, changed at 10:00 to a 2-hour one."""
        m = Milestone(
            "completed",
            TimeLimit.hours(4),
            pausable=True,
            priority_change=policy,
            priority_limits={"urgent": TimeLimit.hours(2), "low": TimeLimit.hours(8)},
        )
        t = Timeline.start(utc(9))
        if paused:
            t = t.paused(utc(9, 30), "parts")
        t = t.priority_changed(utc(10), "urgent")
        if paused:
            t = t.resumed(utc(10, 30))
        return status_of(t, m, utc(10, 30), ALWAYS_OPEN)

    @pytest.mark.parametrize(
        ("policy", "due"),
        [
            pytest.param("retroactive", utc(11), id="retroactive"),
            pytest.param("from_change", utc(12), id="from-change"),
            pytest.param("proportional", utc(11, 30), id="proportional"),  # 3/4 left of 2 h
        ],
    )
    def test_policies(self, policy: str, due: datetime) -> None:
        """Each policy places the deadline as documented."""
        s = self.status(policy)
        assert s.due_at == due
        assert s.limit == TimeLimit.hours(2)

    @pytest.mark.parametrize(
        ("policy", "due"),
        [
            pytest.param("retroactive", utc(12), id="retroactive"),  # 09:00 + 2 h + 1 h paused
            pytest.param("from_change", utc(12, 30), id="from-change"),  # 10:00 + 2 h + 30 min
            pytest.param("proportional", utc(12, 15), id="proportional"),  # 7/8 left: 1h45 + 30 min
        ],
    )
    def test_policies_during_a_pause(self, policy: str, due: datetime) -> None:
        """A change during a pause splits the pause at the change."""
        s = self.status(policy, paused=True)
        assert s.due_at == due
        assert [p.end for p in s.pauses] == [utc(10), utc(10, 30)]

    def test_unknown_priority_and_initial_priority(self) -> None:
        """A priority without a limit changes nothing; a change before the start sets the limit."""
        m = Milestone(
            "completed",
            TimeLimit.hours(4),
            start="arrived",
            priority_limits={"urgent": TimeLimit.hours(1)},
        )
        t = (
            Timeline.start(utc(9))
            .priority_changed(utc(9), "urgent")
            .arrived(utc(10))
            .priority_changed(utc(10), "vip")
        )
        s = status_of(t, m, utc(10), ALWAYS_OPEN)
        assert s.limit == TimeLimit.hours(1)
        assert s.due_at == utc(11)

    def test_change_after_the_deadline_is_ignored(self) -> None:
        """A change after the deadline does not undo the breach."""
        m = Milestone("completed", TimeLimit.hours(1), priority_limits={"low": TimeLimit.hours(8)})
        t = Timeline.start(utc(9)).priority_changed(utc(11), "low")
        assert status_of(t, m, utc(12), ALWAYS_OPEN).state is MilestoneState.BREACHED

    def test_proportional_from_a_zero_limit(self) -> None:
        """Proportional from a zero-length limit leaves nothing of the new one."""
        m = Milestone(
            "completed",
            TimeLimit.minutes(0),
            priority_change="proportional",
            priority_limits={"low": TimeLimit.hours(8)},
        )
        t = Timeline.start(utc(9)).priority_changed(utc(9), "low")
        assert status_of(t, m, utc(9), ALWAYS_OPEN).due_at == utc(9)


class TestStatusArguments:
    """Bad arguments to status."""

    @pytest.mark.parametrize(
        ("kwargs", "error", "match"),
        [
            pytest.param(
                {"as_of": datetime(2025, 3, 3)}, NaiveDatetimeError, "'as_of'", id="naive"
            ),
            pytest.param({"milestone": "responded"}, TypeError, "'milestone'", id="milestone-str"),
            pytest.param({"calendar": "office"}, TypeError, "'calendar'", id="calendar-str"),
            pytest.param({"as_of": "2025-03-03"}, TypeError, "'as_of'", id="as-of-str"),
            pytest.param({"calendar": None}, TypeError, "'calendar'.*None", id="calendar-none"),
        ],
    )
    def test_bad_arguments(
        self, kwargs: dict[str, Any], error: type[Exception], match: str
    ) -> None:
        """Wrong argument types raise, naming the argument."""
        args: dict[str, Any] = {
            "milestone": RESPONSE,
            "calendar": ALWAYS_OPEN,
            "as_of": utc(10),
        } | kwargs
        with pytest.raises(error, match=match):
            Timeline.start(utc(9)).status(args.pop("milestone"), **args)


class TestStatusStartAt:
    """`status(..., start_at=)`: the clock held until an instant (a repair's appointment)."""

    FOUR_HOURS = Milestone("completed", TimeLimit.hours(4), pausable=True)

    def test_clock_starts_at_start_at(self) -> None:
        """The deadline counts from *start_at*, not from receipt."""
        s = Timeline.start(utc(9)).status(
            self.FOUR_HOURS, calendar=ALWAYS_OPEN, as_of=utc(13), start_at=utc(12)
        )
        assert s.state is MilestoneState.PENDING
        assert (s.start_at, s.due_at, s.remaining) == (utc(12), utc(16), timedelta(hours=3))

    def test_not_applicable_before_start_at(self) -> None:
        """Before *start_at* the clock has not started."""
        s = Timeline.start(utc(9)).status(
            self.FOUR_HOURS, calendar=ALWAYS_OPEN, as_of=utc(11), start_at=utc(12)
        )
        assert s.state is MilestoneState.NOT_APPLICABLE
        assert s.due_at is None

    def test_done_before_start_at_is_met_at_its_real_instant(self) -> None:
        """Work done before *start_at* is met, done at its real instant, spare counted from
        *start_at*."""
        m = Milestone("arrived", TimeLimit.hours(1))
        t = Timeline.start(utc(9)).arrived(utc(10))
        s = t.status(m, calendar=ALWAYS_OPEN, as_of=utc(14), start_at=utc(12))
        assert s.state is MilestoneState.MET
        assert (s.done_at, s.due_at, s.remaining) == (utc(10), utc(13), timedelta(hours=1))

    def test_pause_before_start_at_is_not_counted(self) -> None:
        """A pause over before *start_at* does not move the deadline."""
        t = Timeline.start(utc(9)).paused(utc(10), "parts").resumed(utc(11))
        s = t.status(self.FOUR_HOURS, calendar=ALWAYS_OPEN, as_of=utc(13), start_at=utc(12))
        assert (s.due_at, s.paused, s.pauses) == (utc(16), timedelta(0), ())

    def test_pause_straddling_start_at_is_clipped(self) -> None:
        """A pause running at *start_at* counts from *start_at* only."""
        t = Timeline.start(utc(9)).paused(utc(10), "parts").resumed(utc(13))
        s = t.status(self.FOUR_HOURS, calendar=ALWAYS_OPEN, as_of=utc(14), start_at=utc(12))
        segment = PauseSegment(
            start=utc(12), end=utc(13), reason="parts", counted=timedelta(hours=1)
        )
        assert (s.due_at, s.paused, s.pauses) == (utc(17), timedelta(hours=1), (segment,))

    def test_pause_open_at_start_at_runs_to_as_of(self) -> None:
        """A pause still running counts from *start_at* to *as_of*."""
        t = Timeline.start(utc(9)).paused(utc(10), "owner absent")
        s = t.status(self.FOUR_HOURS, calendar=ALWAYS_OPEN, as_of=utc(14), start_at=utc(12))
        assert (s.due_at, s.paused) == (utc(18), timedelta(hours=2))

    def test_closed_time_straddling_start_at_is_clipped(self) -> None:
        """Under continue_clock the closed time counts only after *start_at*."""
        m = Milestone("completed", TimeLimit.hours(4))
        t = Timeline.start(utc(9)).completed(utc(10)).closed(utc(10)).reopened(utc(13))
        s = t.status(m, calendar=ALWAYS_OPEN, as_of=utc(14), start_at=utc(12))
        assert (s.due_at, s.paused) == (utc(17), timedelta(hours=1))
        assert s.pauses[0].reason == "closed"

    def test_priority_change_before_start_at_sets_the_limit(self) -> None:
        """A priority change before *start_at* gives the limit in force at it."""
        m = Milestone(
            "completed", TimeLimit.hours(4), priority_limits={"urgent": TimeLimit.hours(1)}
        )
        t = Timeline.start(utc(9)).priority_changed(utc(10), "urgent")
        s = t.status(m, calendar=ALWAYS_OPEN, as_of=utc(12), start_at=utc(12))
        assert (s.limit, s.due_at) == (TimeLimit.hours(1), utc(13))

    def test_restart_after_start_at_restarts_at_the_reopen(self) -> None:
        """A restart on a reopen after *start_at* restarts at the reopen."""
        m = Milestone("completed", TimeLimit.hours(2), reopen="restart")
        t = Timeline.start(utc(9)).completed(utc(10)).closed(utc(10)).reopened(utc(13))
        s = t.status(m, calendar=ALWAYS_OPEN, as_of=utc(14), start_at=utc(12))
        assert (s.start_at, s.due_at) == (utc(13), utc(15))

    def test_later_start_event_wins(self) -> None:
        """A start event after *start_at* still starts the clock."""
        m = Milestone("completed", TimeLimit.hours(2), start="arrived")
        t = Timeline.start(utc(9)).arrived(utc(14))
        s = t.status(m, calendar=ALWAYS_OPEN, as_of=utc(15), start_at=utc(12))
        assert (s.start_at, s.due_at) == (utc(14), utc(16))

    @pytest.mark.parametrize(
        ("start_at", "error", "match"),
        [
            pytest.param(datetime(2025, 3, 3, 12), NaiveDatetimeError, "'start_at'", id="naive"),
            pytest.param(
                utc(8),
                InvalidValueError,
                r"'start_at' '2025-03-03T08:00:00\+00:00' must not be before the request was "
                r"received \('2025-03-03T09:00:00\+00:00'\)",
                id="before-receipt",
            ),
            pytest.param(
                datetime(2025, 3, 3, 9, tzinfo=TZ),
                InvalidValueError,
                r"'start_at' '2025-03-03T09:00:00\+08:00' must not be before",
                id="before-receipt-other-zone",
            ),
            pytest.param("2025-03-03 12:00", TypeError, "'start_at'", id="str"),
            pytest.param(12, TypeError, "'start_at'.*12", id="int"),
        ],
    )
    def test_bad_start_at(self, start_at: object, error: type[Exception], match: str) -> None:
        """A naive, too-early or mistyped *start_at* raises, naming it."""
        with pytest.raises(error, match=match):
            Timeline.start(utc(9)).status(
                self.FOUR_HOURS, calendar=ALWAYS_OPEN, as_of=utc(13), start_at=loose(start_at)
            )


# -- 0.2: Chinese words, edges of time, errors with data, the shared rule, rows --------------

EAST = timezone(timedelta(hours=8))
WEST = timezone(timedelta(hours=-5))


class TestChineseWords:
    """Semantics §14.7: every vocabulary of timelines reads its Chinese words."""

    @pytest.mark.parametrize(
        ("kind", "word", "member"),
        [
            pytest.param(EventKind, "受理", EventKind.RECEIVED, id="received"),
            pytest.param(EventKind, "响应", EventKind.RESPONDED, id="responded"),
            pytest.param(EventKind, "到场", EventKind.ARRIVED, id="arrived"),
            pytest.param(EventKind, "暂停", EventKind.PAUSED, id="paused"),
            pytest.param(EventKind, "恢复", EventKind.RESUMED, id="resumed"),
            pytest.param(EventKind, "完成", EventKind.COMPLETED, id="completed"),
            pytest.param(EventKind, "关闭", EventKind.CLOSED, id="closed"),
            pytest.param(EventKind, "结案", EventKind.CLOSED, id="closed-case"),
            pytest.param(EventKind, "重开", EventKind.REOPENED, id="reopened"),
            pytest.param(EventKind, "跟进", EventKind.CONTACTED, id="contacted"),
            pytest.param(EventKind, "回访", EventKind.REVISITED, id="revisited"),
            pytest.param(EventKind, " Priority-Changed ", EventKind.PRIORITY_CHANGED, id="blanks"),
            pytest.param(TimelineState, "已关闭", TimelineState.CLOSED, id="state"),
            pytest.param(MilestoneState, "超时", MilestoneState.BREACHED, id="milestone-state"),
            pytest.param(ReopenPolicy, "重新计时", ReopenPolicy.RESTART, id="reopen"),
            pytest.param(
                PriorityChangePolicy, "按比例", PriorityChangePolicy.PROPORTIONAL, id="priority"
            ),
        ],
    )
    def test_words(self, kind: Any, word: str, member: Any) -> None:
        """The Chinese label and the seeds' words name the member; values stay English."""
        assert kind(word) is member
        assert str(kind(word)) == member.value

    def test_milestone_reads_chinese(self) -> None:
        """A milestone written with Chinese words equals the English one."""
        chinese = Milestone("回访", TimeLimit.working_days(1), start="完成", reopen="重新计时")
        english = Milestone("revisited", TimeLimit.working_days(1), start="completed")
        assert chinese == attrs.evolve(english, reopen=ReopenPolicy.RESTART)
        assert Timeline.start(utc(9)).first("受理") == Received(utc(9))

    def test_unknown_word_is_a_named_error(self) -> None:
        """An unknown word is an InvalidValueError naming the field and listing the words."""
        with pytest.raises(
            InvalidValueError, match=r"'target' must be one of .*'revisited' \(回访\)"
        ) as info:
            Milestone("到访", TimeLimit.hours(1))
        assert (info.value.field, info.value.value) == ("target", "到访")
        with pytest.raises(InvalidValueError) as bare:
            EventKind("nonsense")
        assert isinstance(bare.value, PropstdError)


class TestEdgesOfTime:
    """Semantics §14.10: instants near the years 1 and 9999 raise named errors, never
    `OverflowError`."""

    @pytest.mark.parametrize(
        "instant",
        [
            pytest.param(datetime(1, 1, 1, 3, tzinfo=EAST), id="year-1-east"),
            pytest.param(datetime(1, 12, 31, 23, tzinfo=WEST), id="year-1-west"),
            pytest.param(datetime(9999, 12, 31, 22, tzinfo=WEST), id="year-9999-west"),
            pytest.param(datetime(9999, 1, 1, tzinfo=UTC), id="year-9999-utc"),
        ],
    )
    def test_events_outside_the_years(self, instant: datetime) -> None:
        """An event outside 0002-9998 is an InvalidValueError with field and value."""
        with pytest.raises(InvalidValueError, match="'at' must fall within years 0002-9998") as e:
            Timeline.start(instant)
        assert (e.value.field, e.value.value) == ("at", instant)

    def test_the_last_supported_years_work(self) -> None:
        """The first and last supported days are accepted, in any zone."""
        first = datetime(2, 1, 1, 0, 30, tzinfo=EAST)
        last = datetime(9998, 12, 31, 23, 0, tzinfo=WEST)
        assert (
            Timeline.start(first).responded(first + timedelta(hours=1)).state is TimelineState.OPEN
        )
        assert len(Timeline.start(last - timedelta(hours=1)).responded(last)) == 2

    @pytest.mark.parametrize("name", ["as_of", "start_at"])
    def test_status_instants_outside_the_years(self, name: str) -> None:
        """`status` refuses an *as_of* or *start_at* past 9998 with a named error."""
        t = Timeline.start(datetime(9998, 12, 31, 12, tzinfo=UTC))
        edge = datetime(9999, 12, 31, 23, tzinfo=WEST)
        args: dict[str, Any] = {"as_of": datetime(9998, 12, 31, 13, tzinfo=UTC)} | {name: edge}
        with pytest.raises(InvalidValueError) as e:
            t.status(RESPONSE, calendar=ALWAYS_OPEN, **args)
        assert (e.value.field, e.value.value) == (name, edge)
        with pytest.raises(InvalidValueError, match="'as_of'"):
            t.until(edge)

    def test_pauses_pushing_the_deadline_past_9999(self) -> None:
        """Pauses that move a deadline past the last instant raise a named error."""
        start = datetime(9998, 12, 1, tzinfo=UTC)  # the limit alone ends inside 9998
        long = Milestone("completed", TimeLimit.calendar_days(20), pausable=True)
        t = Timeline.start(start).paused(start + timedelta(hours=1), "parts")
        with pytest.raises(InvalidValueError, match="after the year 9998") as e:
            t.status(long, calendar=ALWAYS_OPEN, as_of=datetime(9998, 12, 31, tzinfo=UTC))
        assert e.value.field == "milestone"
        assert e.value.value == long


class TestErrorsCarryData:
    """Semantics §14.9: every propstd error of timelines carries `field` and `value`."""

    def test_transition_errors(self) -> None:
        """A transition error names the event's index and carries the event."""
        with pytest.raises(TransitionError) as e:
            Timeline.start(utc(9)).resumed(utc(10))
        assert (e.value.field, e.value.value) == ("events[1]", Resumed(utc(10)))
        with pytest.raises(TransitionError) as early:
            Timeline.start(utc(9)).responded(utc(8))
        assert early.value.field == "events[1]"

    @pytest.mark.parametrize(
        ("make", "field"),
        [
            pytest.param(lambda: Timeline(()), "events", id="empty"),
            pytest.param(
                lambda: Milestone("received", TimeLimit.hours(1)), "target", id="target-received"
            ),
            pytest.param(
                lambda: Milestone("closed", TimeLimit.hours(1), start="closed"),
                "target",
                id="target-is-start",
            ),
            pytest.param(
                lambda: Milestone(
                    "closed", TimeLimit.hours(1), priority_limits=[("a", TimeLimit.hours(1))] * 2
                ),
                "priority_limits",
                id="priority-twice",
            ),
            pytest.param(
                lambda: Timeline.start(utc(9)).status(
                    RESPONSE, calendar=ALWAYS_OPEN, as_of=utc(10), start_at=utc(8)
                ),
                "start_at",
                id="start-at",
            ),
            pytest.param(lambda: Paused(utc(9), " "), "reason", id="blank-reason"),
        ],
    )
    def test_fields(self, make: Any, field: str) -> None:
        """The error names the field at fault and holds a value."""
        with pytest.raises(PropstdError) as e:
            make()
        assert e.value.field == field


class TestSharedRule:
    """`MilestoneStatus.from_deadline` and `time_between`: the one rule and the one measure."""

    CALL = Milestone("contacted", TimeLimit.working_hours(2), name="call")

    def judge(self, *, done: datetime | None, as_of: datetime) -> MilestoneStatus:
        """The call milestone started Friday 16:00 and due Monday 09:30 on the office calendar."""
        return MilestoneStatus.from_deadline(
            self.CALL,
            limit=self.CALL.limit,
            start_at=at("2025-03-07 16:00"),
            due_at=at("2025-03-10 09:30"),
            done_at=done,
            as_of=as_of,
            calendar=OFFICE,
        )

    def test_met_pending_breached(self) -> None:
        """Done at the deadline is met; not done before it pending; after it breached."""
        assert self.judge(done=at("2025-03-10 09:30"), as_of=at("2025-03-11 09:00")).state is (
            MilestoneState.MET
        )
        pending = self.judge(done=None, as_of=at("2025-03-08 12:00"))
        assert pending.state is MilestoneState.PENDING
        assert pending.remaining == timedelta(hours=1)  # office time: Monday 08:30-09:30
        late = self.judge(done=None, as_of=at("2025-03-10 10:00"))
        assert (late.state, late.overrun, late.is_overdue) == (
            MilestoneState.BREACHED,
            timedelta(minutes=30),
            True,
        )
        done_late = self.judge(done=at("2025-03-10 10:00"), as_of=at("2025-03-11 09:00"))
        assert (done_late.state, done_late.is_overdue) == (MilestoneState.BREACHED, False)

    def test_times_in_the_calendars_zone(self) -> None:
        """Start, deadline and done instants come back in the calendar's zone."""
        done = datetime(2025, 3, 10, 1, 0, tzinfo=UTC)
        s = self.judge(done=done, as_of=done)
        assert s.done_at == done
        assert s.done_at is not None
        assert s.done_at.utcoffset() == timedelta(hours=8)
        status = (
            Timeline.start(utc(1)).responded(utc(2)).status(RESPONSE, calendar=OFFICE, as_of=utc(3))
        )
        assert status.done_at is not None
        assert status.done_at.isoformat() == "2025-03-03T10:00:00+08:00"

    def test_time_between(self) -> None:
        """Working time counts the calendar's hours; natural time is real elapsed time."""
        a, b = at("2025-03-07 17:00"), at("2025-03-10 09:00")
        assert time_between(a, b, clock="working", calendar=OFFICE) == timedelta(hours=1)
        assert time_between(b, a, clock="natural", calendar=OFFICE) == -timedelta(hours=64)
        with pytest.raises(TypeError, match="'calendar'"):
            time_between(a, b, clock="natural", calendar=loose(None))

    def test_not_applicable(self) -> None:
        """A not-applicable status has no deadline and is neither open nor overdue."""
        s = MilestoneStatus.not_applicable(self.CALL, limit=self.CALL.limit, as_of=utc(9))
        assert (s.state, s.due_at, s.is_open, s.is_overdue) == (
            MilestoneState.NOT_APPLICABLE,
            None,
            False,
            False,
        )


class TestRows:
    """`MilestoneStatus.row()`: the flat, typed row behind the status tables."""

    def test_row_and_cells(self) -> None:
        """The row keeps typed values; its cells are text in the order of the headings."""
        s = (
            Timeline.start(at("2025-03-03 09:00"))
            .paused(at("2025-03-03 10:00"), "parts")
            .resumed(at("2025-03-03 11:00"))
            .status(
                Milestone("completed", TimeLimit.hours(4), pausable=True, name="completion"),
                calendar=OFFICE,
                as_of=at("2025-03-03 15:00"),
            )
        )
        row = s.row()
        assert row == MilestoneRow(
            milestone="completion",
            limit="4 hours",
            state=MilestoneState.BREACHED,
            due_at=at("2025-03-03 14:00"),
            done_at=None,
            remaining=timedelta(0),
            overrun=timedelta(hours=1),
            paused=timedelta(hours=1),
        )
        assert len(row.cells()) == len(MilestoneRow.headings)
        assert row.cells() == (
            "completion",
            "4 hours",
            "breached",
            "2025-03-03 14:00",
            "",
            "",
            "1h 00m",
            "1h 00m",
        )


def test_event_types_name_every_kind() -> None:
    """`EVENT_TYPES` maps every event kind to its class, in kind order, read-only."""
    assert list(EVENT_TYPES) == list(EventKind)
    assert all(cls.kind is kind for kind, cls in EVENT_TYPES.items())
    assert EVENT_TYPES[EventKind("回访")] is Revisited
    with pytest.raises(TypeError):
        EVENT_TYPES[EventKind.PAUSED] = Paused  # type: ignore[index]
