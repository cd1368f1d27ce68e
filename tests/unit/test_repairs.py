"""Unit tests for propstd.repairs: tables, bad inputs, reprs."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import jsonschema
import pytest
from dateutil.relativedelta import relativedelta

from propstd.calendars import china_calendar
from propstd.errors import InvalidValueError, NaiveDatetimeError, PropstdError
from propstd.periods import Period
from propstd.rates import Rate, TargetResult
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
from propstd.timelimits import TimeLimit
from propstd.timelines import MilestoneRow, MilestoneState, MilestoneStatus, Timeline


def judged(status: MilestoneStatus | None) -> MilestoneStatus:
    """*status*, which the test's table sets a limit for (so it is judged)."""
    assert status is not None
    return status


class TestRepairCategory:
    """The three rows of the time-limit table."""

    @pytest.mark.parametrize(
        ("category", "chinese"),
        [
            pytest.param(RepairCategory.EMERGENCY, "急修", id="emergency"),
            pytest.param(RepairCategory.ORDINARY, "一般维修", id="ordinary"),
            pytest.param(RepairCategory.SCHEDULED, "预约维修", id="scheduled"),
        ],
    )
    def test_chinese(self, category: RepairCategory, chinese: str) -> None:
        """Each category names its Chinese term and reads it back."""
        assert category.label_zh == chinese
        assert RepairCategory(chinese) is category

    def test_chinese_is_deprecated(self) -> None:
        """`chinese` still gives the Chinese term for one release, with a warning."""
        with pytest.deprecated_call(match="label_zh"):
            assert RepairCategory.EMERGENCY.chinese == "急修"

    def test_values_are_lowercase(self) -> None:
        """The serialized values are the lowercase names."""
        assert [c.value for c in RepairCategory] == ["emergency", "ordinary", "scheduled"]


class TestWarrantyReminderDate:
    """warranty_reminder_date: one month ahead, clamped at month ends."""

    @pytest.mark.parametrize(
        ("end", "before", "expected"),
        [
            pytest.param(date(2025, 3, 31), relativedelta(months=1), date(2025, 2, 28), id="mar31"),
            pytest.param(date(2024, 3, 31), relativedelta(months=1), date(2024, 2, 29), id="leap"),
            pytest.param(date(2025, 5, 31), relativedelta(months=1), date(2025, 4, 30), id="may31"),
            pytest.param(date(2025, 1, 15), relativedelta(months=1), date(2024, 12, 15), id="year"),
            pytest.param(date(2025, 3, 1), relativedelta(days=1), date(2025, 2, 28), id="one-day"),
            pytest.param(date(2025, 3, 31), relativedelta(months=2), date(2025, 1, 31), id="two"),
            pytest.param(date(2028, 2, 29), relativedelta(years=1), date(2027, 2, 28), id="y-feb"),
        ],
    )
    def test_table(self, end: date, before: relativedelta, expected: date) -> None:
        """The reminder is the end minus *before*, clamped at the month end."""
        assert warranty_reminder_date(end, before=before) == expected

    def test_default_is_one_month(self) -> None:
        """Without *before* the reminder is one month ahead."""
        assert warranty_reminder_date(date(2025, 7, 31)) == date(2025, 6, 30)

    @pytest.mark.parametrize(
        ("end", "before", "error", "match"),
        [
            pytest.param(
                datetime(2025, 3, 31, tzinfo=UTC),
                relativedelta(months=1),
                TypeError,
                "'warranty_until' must be a date",
                id="datetime",
            ),
            pytest.param(
                "2025-03-31", relativedelta(months=1), TypeError, "'2025-03-31'", id="str"
            ),
            pytest.param(
                date(2025, 3, 31), 30, TypeError, "'before' must be relativedelta", id="int"
            ),
            pytest.param(
                date(2025, 3, 31),
                relativedelta(),
                InvalidValueError,
                "move the date back",
                id="zero",
            ),
            pytest.param(
                date(2025, 3, 31),
                relativedelta(months=-1),
                InvalidValueError,
                r"'before'.*months=-1",
                id="negative",
            ),
            pytest.param(
                date(2025, 3, 31),
                relativedelta(hours=3),
                InvalidValueError,
                r"no time of day.*hours=\+3",
                id="hours",
            ),
            pytest.param(
                date(2025, 3, 31),
                relativedelta(hour=3),
                InvalidValueError,
                r"no time of day.*hour=3",
                id="absolute-hour",
            ),
        ],
    )
    def test_bad_inputs(
        self, end: object, before: object, error: type[Exception], match: str
    ) -> None:
        """Bad inputs raise a named error showing the value."""
        with pytest.raises(error, match=match):
            warranty_reminder_date(end, before=before)  # type: ignore[arg-type]


class TestRetentionUntil:
    """retention_until: 3 years for maintenance records, 2 for patrol records."""

    @pytest.mark.parametrize(
        ("day", "kind", "expected"),
        [
            pytest.param(date(2025, 3, 10), RecordKind.MAINTENANCE, date(2028, 3, 10), id="maint"),
            pytest.param(date(2025, 3, 10), RecordKind.PATROL, date(2027, 3, 10), id="patrol"),
            pytest.param(
                date(2024, 2, 29), RecordKind.MAINTENANCE, date(2027, 2, 28), id="feb29-3"
            ),
            pytest.param(date(2024, 2, 29), RecordKind.PATROL, date(2026, 2, 28), id="feb29-2"),
            pytest.param(date(2025, 2, 28), "patrol", date(2027, 2, 28), id="str-kind"),
            pytest.param(date(2026, 2, 29 - 1), "maintenance", date(2029, 2, 28), id="feb28"),
        ],
    )
    def test_table(self, day: date, kind: RecordKind | str, expected: date) -> None:
        """The record is kept for its kind's years; Feb 29 ends on Feb 28."""
        assert retention_until(day, kind) == expected

    def test_years(self) -> None:
        """The retention years are the seed rules' minimums."""
        assert RecordKind.MAINTENANCE.retention_years == 3
        assert RecordKind.PATROL.retention_years == 2

    @pytest.mark.parametrize(
        ("day", "kind", "error", "match"),
        [
            pytest.param(
                datetime(2025, 3, 1, tzinfo=UTC), "patrol", TypeError, "'record_date'", id="dt"
            ),
            pytest.param(
                "2025-03-01", "patrol", TypeError, "'record_date'.*'2025-03-01'", id="str"
            ),
            pytest.param(date(2025, 3, 1), "audit", InvalidValueError, "'kind'.*'audit'", id="bad"),
            pytest.param(date(2025, 3, 1), "", InvalidValueError, "'kind'.*''", id="empty"),
            pytest.param(date(2025, 3, 1), 3, TypeError, "'kind'.*int 3", id="int"),
            pytest.param(date(2025, 3, 1), None, TypeError, "'kind'.*None", id="none"),
        ],
    )
    def test_bad_inputs(
        self, day: object, kind: object, error: type[Exception], match: str
    ) -> None:
        """Bad inputs raise a named error showing the value."""
        with pytest.raises(error, match=match):
            retention_until(day, kind)  # type: ignore[arg-type]


# -- limits, orders, status, metrics -------------------------------------------------------

TZ = ZoneInfo("Asia/Shanghai")
OFFICE = china_calendar(hours="08:30-12:00,13:30-17:30")


def loose(value: object) -> Any:
    """*value*, typed as Any (for inputs mypy would refuse)."""
    return value


def _t(text: str) -> datetime:
    """An instant from a local Asia/Shanghai wall-clock time 'YYYY-MM-DD HH:MM'."""
    return datetime.fromisoformat(text).replace(tzinfo=TZ)


def sample_limits() -> RepairLimits:
    """The sample property's repair time-limit table."""
    return RepairLimits(
        arrival={
            "emergency": TimeLimit.parse("15 minutes"),
            "ordinary": TimeLimit.parse("30 minutes"),
            "scheduled": TimeLimit.parse("immediately"),
        },
        completion={
            "emergency": TimeLimit.parse("4 hours"),
            "ordinary": TimeLimit.parse("2 working days"),
            "scheduled": TimeLimit.parse("3 working days"),
        },
        revisit=TimeLimit.parse("1 working day"),
    )


LIMITS = sample_limits()
_ARRIVAL = {c: TimeLimit.minutes(15) for c in RepairCategory}
_COMPLETION = {c: TimeLimit.hours(4) for c in RepairCategory}


class TestRepairLimits:
    """The time-limit table: every category, stored read-only."""

    def test_mappings_are_read_only_and_ordered(self) -> None:
        """The stored mappings follow the category order and refuse changes."""
        limits = RepairLimits(
            arrival=dict(reversed(list(_ARRIVAL.items()))),
            completion=_COMPLETION,
            revisit=TimeLimit.working_days(1),
        )
        assert list(limits.arrival) == list(RepairCategory)
        with pytest.raises(TypeError):
            limits.arrival[RepairCategory.EMERGENCY] = TimeLimit.minutes(1)  # type: ignore[index]

    def test_equal_and_hashable(self) -> None:
        """Equal tables are equal and hash alike, whatever mapping they came from."""
        a = sample_limits()
        b = attrs.evolve(a)
        assert a == b
        assert hash(a) == hash(b)
        assert a != attrs.evolve(a, revisit=TimeLimit.working_days(2))

    def test_repr(self) -> None:
        """The repr shows each category's limit in words."""
        assert "'emergency': '15 minutes'" in repr(LIMITS)
        assert "'scheduled': '3 working days'" in repr(LIMITS)

    def test_incomparable_limits_are_allowed(self) -> None:
        """A natural arrival and a working-day completion do not compare, so both stand."""
        limits = RepairLimits(
            arrival=_ARRIVAL,
            completion=dict.fromkeys(RepairCategory, TimeLimit.working_days(0)),
            revisit=TimeLimit.hours(24),
        )
        assert limits.completion[RepairCategory.ORDINARY] == TimeLimit.working_days(0)

    @pytest.mark.parametrize(
        ("changes", "error", "match"),
        [
            pytest.param(
                {"arrival": [TimeLimit.minutes(1)]},
                TypeError,
                "'arrival' must be a mapping",
                id="list",
            ),
            pytest.param(
                {"completion": {**_COMPLETION, "urgent": TimeLimit.hours(1)}},
                InvalidValueError,
                r"'completion key' must be one of .*'urgent'",
                id="unknown-key",
            ),
            pytest.param(
                {"arrival": {**_ARRIVAL, "ordinary": "30 minutes"}},
                TypeError,
                r"arrival\['ordinary'\].*'30 minutes'",
                id="str-limit",
            ),
            pytest.param(
                {"arrival": {1: TimeLimit.minutes(1)}},
                TypeError,
                "'arrival key'.*int 1",
                id="int-key",
            ),
            pytest.param({"revisit": "1 working day"}, TypeError, "'revisit'", id="revisit-str"),
            pytest.param(
                {"completion": {**_COMPLETION, "ordinary": TimeLimit.minutes(10)}},
                InvalidValueError,
                r"'completion' of 'ordinary' \(10 minutes\) must not be shorter",
                id="shorter",
            ),
        ],
    )
    def test_bad_inputs(self, changes: dict[str, Any], error: type[Exception], match: str) -> None:
        """Bad tables raise a named error showing the value."""
        fields: dict[str, Any] = {
            "arrival": _ARRIVAL,
            "completion": _COMPLETION,
            "revisit": TimeLimit.working_days(1),
        }
        fields.update(changes)
        with pytest.raises(error, match=match):
            RepairLimits(**fields)


def _order(**changes: Any) -> RepairOrder:
    fields: dict[str, Any] = {
        "id": "R-1",
        "category": "ordinary",
        "timeline": Timeline.start(_t("2025-03-03 09:00")),
    }
    fields.update(changes)
    ident, category, timeline = fields.pop("id"), fields.pop("category"), fields.pop("timeline")
    return RepairOrder(ident, category, timeline, **fields)


class TestRepairOrder:
    """A validated repair order."""

    def test_fields(self) -> None:
        """The order keeps its fields; the start is the receipt."""
        order = _order(unit="3-1502", technician="张伟", warranty_until=date(2026, 3, 31))
        assert order.category is RepairCategory.ORDINARY
        assert order.start == order.received_at == _t("2025-03-03 09:00")
        assert "category='ordinary'" in repr(order)

    def test_scheduled_starts_at_the_appointment(self) -> None:
        """A scheduled order's clocks start at the appointment."""
        order = _order(category="scheduled", appointment=_t("2025-03-04 14:00"))
        assert order.start == _t("2025-03-04 14:00")

    def test_evolve_validates(self) -> None:
        """attrs.evolve runs the validation again."""
        with pytest.raises(InvalidValueError, match="'appointment' is required"):
            attrs.evolve(_order(), category=RepairCategory.SCHEDULED)

    @pytest.mark.parametrize(
        ("changes", "error", "match"),
        [
            pytest.param(
                {"id": " "}, InvalidValueError, "'id' must not be empty, got ' '", id="blank-id"
            ),
            pytest.param({"id": 7}, TypeError, "'id' must be a str, got int 7", id="int-id"),
            pytest.param(
                {"category": "urgent"}, InvalidValueError, "'category'.*'urgent'", id="category"
            ),
            pytest.param({"category": None}, TypeError, "'category'.*None", id="category-none"),
            pytest.param({"timeline": ()}, TypeError, "'timeline'", id="timeline"),
            pytest.param({"technician": 3}, TypeError, "'technician'.*int 3", id="technician"),
            pytest.param({"unit": None}, TypeError, "'unit'.*None", id="unit"),
            pytest.param(
                {"rework_of": "R-1"}, InvalidValueError, "'rework_of'.*own id 'R-1'", id="self"
            ),
            pytest.param(
                {"rework_of": ""},
                InvalidValueError,
                "'rework_of' must not be empty",
                id="blank-rework",
            ),
            pytest.param(
                {"warranty_until": datetime(2026, 3, 31, tzinfo=TZ)},
                TypeError,
                "'warranty_until' must be a date",
                id="warranty-datetime",
            ),
            pytest.param(
                {"category": "scheduled"},
                InvalidValueError,
                "'appointment' is required",
                id="no-appointment",
            ),
            pytest.param(
                {"appointment": _t("2025-03-04 14:00")},
                InvalidValueError,
                r"'appointment' is only for scheduled orders, got '2025-03-04T14:00:00\+08:00'",
                id="appointment-ordinary",
            ),
            pytest.param(
                {"category": "scheduled", "appointment": _t("2025-03-03 08:00")},
                InvalidValueError,
                "'appointment' '2025-03-03T08:00:00.08:00' must not be before",
                id="appointment-early",
            ),
            pytest.param(
                {"category": "scheduled", "appointment": datetime(2025, 3, 4, 14, 0)},
                NaiveDatetimeError,
                "'appointment'",
                id="naive",
            ),
        ],
    )
    def test_bad_inputs(self, changes: dict[str, Any], error: type[Exception], match: str) -> None:
        """Bad orders raise a named error showing the value."""
        with pytest.raises(error, match=match):
            _order(**changes)


def _due(status: MilestoneStatus | None) -> str | None:
    status = judged(status)
    return None if status.due_at is None else status.due_at.strftime("%Y-%m-%d %H:%M")


class TestRepairStatus:
    """repair_status: arrival, completion and revisit milestones."""

    @pytest.mark.parametrize(
        ("category", "appointment", "arrival_due", "completion_due"),
        [
            pytest.param("emergency", None, "2025-09-30 18:05", "2025-09-30 21:50", id="emergency"),
            # 2 working days after 30 Sep skip the National Day holiday (1–8 Oct)
            pytest.param("ordinary", None, "2025-09-30 18:20", "2025-10-10 17:30", id="ordinary"),
            # agreed for 9 Oct 09:00; 3 working days: 10 Oct, 11 Oct (make-up Saturday), 13 Oct
            pytest.param(
                "scheduled",
                "2025-10-09 09:00",
                "2025-10-09 09:00",
                "2025-10-13 17:30",
                id="scheduled",
            ),
        ],
    )
    def test_national_day_eve(
        self, category: str, appointment: str | None, arrival_due: str, completion_due: str
    ) -> None:
        """A repair reported at 17:50 on 30 Sep 2025 is due as each category's limits say."""
        order = _order(
            category=category,
            timeline=Timeline.start(_t("2025-09-30 17:50")),
            appointment=None if appointment is None else _t(appointment),
        )
        status = repair_status(order, limits=LIMITS, calendar=OFFICE, as_of=_t("2025-10-20 09:00"))
        assert (_due(status.arrival), _due(status.completion)) == (arrival_due, completion_due)
        assert judged(status.arrival).state is MilestoneState.BREACHED  # nobody came
        assert judged(status.revisit).state is MilestoneState.NOT_APPLICABLE

    def test_emergency_at_two_on_a_sunday(self) -> None:
        """An emergency at 02:00 on a Sunday runs on the natural clock, office closed or not."""
        t0 = _t("2025-03-02 02:00")
        timeline = (
            Timeline.start(t0)
            .arrived(t0 + timedelta(minutes=15))
            .completed(t0 + timedelta(hours=4, minutes=30))
        )
        status = repair_status(
            _order(category="emergency", timeline=timeline, technician="李强"),
            limits=LIMITS,
            calendar=OFFICE,
            as_of=_t("2025-03-02 12:00"),
        )
        assert judged(status.arrival).state is MilestoneState.MET  # exactly at the limit
        assert _due(status.completion) == "2025-03-02 06:00"
        assert judged(status.completion).overrun == timedelta(minutes=30)
        assert status.breached == ("completion",)
        with pytest.deprecated_call(match="breached"):
            assert status.breaches == ("completion",)
        # revisit: 1 working day after Sunday's completion is Monday's close
        assert _due(status.revisit) == "2025-03-03 17:30"
        assert judged(status.revisit).state is MilestoneState.PENDING

    @pytest.mark.parametrize(
        ("revisited", "state"),
        [
            pytest.param("2025-03-10 17:30", MilestoneState.MET, id="monday-close"),
            pytest.param("2025-03-11 09:00", MilestoneState.BREACHED, id="tuesday"),
        ],
    )
    def test_revisit_across_a_weekend(self, revisited: str, state: MilestoneState) -> None:
        """Work completed on Friday is revisited by Monday's close."""
        t0 = _t("2025-03-07 09:00")
        timeline = (
            Timeline.start(t0)
            .arrived(_t("2025-03-07 09:20"))
            .completed(_t("2025-03-07 16:00"))
            .revisited(_t(revisited), satisfied=False)
        )
        status = repair_status(
            _order(timeline=timeline), limits=LIMITS, calendar=OFFICE, as_of=_t("2025-03-12 09:00")
        )
        assert _due(status.revisit) == "2025-03-10 17:30"
        assert judged(status.revisit).state is state
        assert status.satisfied is False

    def test_pause_counts_on_completion_only(self) -> None:
        """Waiting for parts extends completion by the paused working time, not arrival."""
        t0 = _t("2025-03-03 09:00")
        timeline = (
            Timeline.start(t0)
            .paused(_t("2025-03-03 09:10"), "owner absent")
            .resumed(_t("2025-03-03 10:10"))
            .arrived(_t("2025-03-03 10:20"))
        )
        status = repair_status(
            _order(timeline=timeline), limits=LIMITS, calendar=OFFICE, as_of=_t("2025-03-03 11:00")
        )
        assert judged(status.arrival).state is MilestoneState.BREACHED
        assert judged(status.arrival).paused == timedelta(0)
        assert judged(status.completion).paused == timedelta(hours=1)
        assert _due(status.completion) == "2025-03-06 09:30"  # Wed 17:30 + 1 working hour

    def test_scheduled_before_the_appointment(self) -> None:
        """Before the appointment a scheduled order's clocks have not started."""
        order = _order(category="scheduled", appointment=_t("2025-03-05 14:00"))
        status = repair_status(order, limits=LIMITS, calendar=OFFICE, as_of=_t("2025-03-04 09:00"))
        assert judged(status.arrival).state is MilestoneState.NOT_APPLICABLE
        assert status.start_at == _t("2025-03-05 14:00")

    def test_scheduled_early_work_keeps_its_real_instant(self) -> None:
        """Work done before the appointment is on time and reports its real instant."""
        timeline = (
            Timeline.start(_t("2025-03-03 09:00"))
            .arrived(_t("2025-03-05 13:50"))
            .completed(_t("2025-03-05 15:00"))
        )
        order = _order(category="scheduled", timeline=timeline, appointment=_t("2025-03-05 14:00"))
        status = repair_status(order, limits=LIMITS, calendar=OFFICE, as_of=_t("2025-03-06 09:00"))
        assert judged(status.arrival).state is MilestoneState.MET
        assert judged(status.arrival).done_at == _t("2025-03-05 13:50")
        assert judged(status.completion).done_at == _t("2025-03-05 15:00")

    def test_str(self) -> None:
        """The status reads as a table of the milestones and the owner's verdict."""
        t0 = _t("2025-03-07 09:00")
        timeline = (
            Timeline.start(t0)
            .arrived(_t("2025-03-07 09:20"))
            .completed(_t("2025-03-07 16:00"))
            .revisited(_t("2025-03-10 10:00"), satisfied=True)
        )
        status = repair_status(
            _order(timeline=timeline, technician="王磊"),
            limits=LIMITS,
            calendar=OFFICE,
            as_of=_t("2025-03-12 09:00"),
        )
        lines = str(status).splitlines()
        assert lines[0] == "R-1 (ordinary 一般维修), 王磊 as of 2025-03-12 09:00"
        assert lines[1].split() == list(MilestoneRow.headings)
        assert lines[3].split()[:5] == ["arrival", "30", "minutes", "met", "2025-03-07"]
        assert lines[-1] == "owner satisfied"
        assert len(lines) == 7
        unhappy = attrs.evolve(status, satisfied=False)
        assert str(unhappy).endswith("owner NOT satisfied")
        assert "| revisit | 1 working day | met | 2025-03-10 17:30 |" in status.to_markdown()
        assert status.to_html().startswith('<table class="propstd"><caption>R-1 (ordinary')
        assert [r.milestone for r in status.rows()] == ["arrival", "completion", "revisit"]

    @pytest.mark.parametrize(
        ("changes", "error", "match"),
        [
            pytest.param({"order": "R-1"}, TypeError, "'order' must be RepairOrder", id="order"),
            pytest.param({"limits": {}}, TypeError, "'limits' must be RepairLimits", id="limits"),
            pytest.param(
                {"calendar": "china"},
                TypeError,
                "'calendar' must be WorkingCalendar",
                id="calendar",
            ),
            pytest.param(
                {"as_of": datetime(2025, 3, 3, 9, 0)}, NaiveDatetimeError, "'as_of'", id="naive"
            ),
            pytest.param(
                {"as_of": date(2025, 3, 3)}, TypeError, "'as_of' must be a datetime", id="date"
            ),
        ],
    )
    def test_bad_inputs(self, changes: dict[str, Any], error: type[Exception], match: str) -> None:
        """Bad arguments raise a named error showing the value."""
        args: dict[str, Any] = {
            "order": _order(),
            "limits": LIMITS,
            "calendar": OFFICE,
            "as_of": _t("2025-03-04 09:00"),
        }
        args.update(changes)
        order = args.pop("order")
        with pytest.raises(error, match=match):
            repair_status(order, **args)


def _march() -> tuple[RepairOrder, ...]:
    """Five orders: two technicians, one unassigned, one rework, one outside the month."""

    def done(t: str, *, arrive: int, finish: int, revisit: int | None, ok: bool | None) -> Timeline:
        t0 = _t(t)
        line = Timeline.start(t0).arrived(t0 + timedelta(minutes=arrive))
        line = line.completed(t0 + timedelta(hours=finish))
        if revisit is not None:
            line = line.revisited(t0 + timedelta(hours=revisit), satisfied=ok)
        return line

    return (
        RepairOrder(
            "A",
            "ordinary",
            done("2025-03-03 09:00", arrive=20, finish=3, revisit=24, ok=True),
            technician="张伟",
        ),
        RepairOrder(
            "B",
            "emergency",
            done("2025-03-04 02:00", arrive=25, finish=3, revisit=None, ok=None),
            technician="张伟",
        ),
        RepairOrder(
            "C",
            "ordinary",
            done("2025-03-05 10:00", arrive=10, finish=100, revisit=101, ok=False),
            technician="李强",
        ),
        RepairOrder(
            "D",
            "ordinary",
            done("2025-03-10 10:00", arrive=10, finish=2, revisit=4, ok=None),
            technician="王磊",
            rework_of="A",
        ),
        RepairOrder("E", "ordinary", Timeline.start(_t("2025-03-31 17:00"))),
        RepairOrder("F", "ordinary", Timeline.start(_t("2025-02-28 10:00")), technician="张伟"),
        RepairOrder("G", "ordinary", Timeline.start(_t("2025-04-02 10:00")), rework_of="C"),
    )


class TestRepairMetrics:
    """repair_metrics: exact rates overall, per technician and per category."""

    def metrics(self) -> RepairMetrics:
        return repair_metrics(
            _march(),
            period=Period.parse("2025-03"),
            limits=LIMITS,
            calendar=OFFICE,
            as_of=_t("2025-04-01 09:00"),
        )

    def test_overall(self) -> None:
        """Orders of March only; reworks found through rework_of by as_of."""
        m = self.metrics().overall
        assert (m.orders, m.completed) == (5, 4)
        assert m.arrival == Rate(3, 5)  # B arrived after 25 minutes; nobody came to E
        assert m.completion == Rate(3, 4)  # C took 100 hours
        assert m.revisit == Rate(3, 4)  # B never revisited
        assert m.revisit_on_time == Rate(3, 4)  # C's revisit on Sunday is early, not late
        assert m.rework == Rate(1, 4)  # A redone by D; G (April) is not known yet
        assert m.satisfaction == Rate(1, 2)
        assert m.revisit_result is TargetResult.MISSED

    def test_by_technician(self) -> None:
        """The rework counts against the technician of the original order."""
        metrics = self.metrics()
        assert [f.label for f in metrics.by_technician] == ["(unassigned)", "张伟", "李强", "王磊"]
        assert metrics.technician("张伟").rework == Rate(1, 2)
        assert metrics.technician("王磊").rework == Rate(0, 1)
        assert metrics.technician("").orders == 1
        with pytest.raises(InvalidValueError, match=r"'name' must be a technician.*'赵六'"):
            metrics.technician("赵六")

    def test_by_category(self) -> None:
        """Categories with orders, in category order."""
        labels = [f.label for f in self.metrics().by_category]
        assert labels == ["emergency 急修", "ordinary 一般维修"]

    def test_tables(self) -> None:
        """Text, Markdown and HTML show the same rows."""
        metrics = self.metrics()
        text = metrics.to_text()
        assert text.startswith("Repairs 2025-03 as of 2025-04-01 09:00\n")
        assert "75.0% (3/4)" in text
        assert str(metrics) == text
        md = metrics.to_markdown().splitlines()
        assert md[2].startswith("|  | orders | completed | arrival on time")
        assert md[4].startswith("| **all** | **5** | **4** | **60.0% (3/5)** | **75.0% (3/4)**")
        html = metrics._repr_html_()
        assert html.startswith('<table class="propstd"><caption>Repairs 2025-03')
        assert "<td>李强</td>" in html
        assert metrics.rows() == (metrics.overall, *metrics.by_technician, *metrics.by_category)
        assert [f.group for f in metrics.rows()][:2] == ["all", "technician"]
        assert metrics.by_category[0].group == "category"
        assert repr(metrics) == (
            "RepairMetrics(period='2025-03', orders=5, as_of='2025-04-01T09:00:00+08:00')"
        )

    def test_empty(self) -> None:
        """No orders: every rate is not applicable."""
        m = repair_metrics(
            (),
            period=Period.parse("2025-03"),
            limits=LIMITS,
            calendar=OFFICE,
            as_of=_t("2025-04-01 09:00"),
        )
        assert m.overall.orders == 0
        assert not m.overall.arrival.is_applicable
        assert m.by_technician == ()
        assert m.overall.revisit_result is TargetResult.NOT_APPLICABLE

    @pytest.mark.parametrize(
        ("changes", "error", "match"),
        [
            pytest.param(
                {"orders": "R-1"}, TypeError, "'orders' must be an iterable.*'R-1'", id="str"
            ),
            pytest.param({"orders": 5}, TypeError, "'orders' must be an iterable.*int 5", id="int"),
            pytest.param(
                {"orders": [_order(), _order()]},
                InvalidValueError,
                "distinct ids.*'R-1' twice",
                id="dup",
            ),
            pytest.param(
                {"orders": [_order(), "R-2"]},
                TypeError,
                r"'orders\[1\]' must be RepairOrder",
                id="item",
            ),
            pytest.param({"period": "2025-03"}, TypeError, "'period' must be Period", id="period"),
            pytest.param(
                {"as_of": datetime(2025, 4, 1)}, NaiveDatetimeError, "'as_of'", id="naive"
            ),
            pytest.param({"limits": None}, TypeError, "'limits' must be RepairLimits", id="limits"),
            pytest.param(
                {"calendar": None}, TypeError, "'calendar' must be WorkingCalendar", id="calendar"
            ),
        ],
    )
    def test_bad_inputs(self, changes: dict[str, Any], error: type[Exception], match: str) -> None:
        """Bad arguments raise a named error showing the value."""
        args: dict[str, Any] = {
            "orders": (),
            "period": Period.parse("2025-03"),
            "limits": LIMITS,
            "calendar": OFFICE,
            "as_of": _t("2025-04-01 09:00"),
        }
        args.update(changes)
        orders = args.pop("orders")
        with pytest.raises(error, match=match):
            repair_metrics(orders, **args)


class TestSerialization:
    """Results survive a JSON round trip (semantics §13)."""

    def test_status_and_metrics_round_trip(self) -> None:
        """from_data(cls, to_data(x)) == x for a status and the month's metrics."""
        metrics = TestRepairMetrics().metrics()
        status = repair_status(
            _march()[2], limits=LIMITS, calendar=OFFICE, as_of=_t("2025-04-01 09:00")
        )
        for value in (status, metrics, LIMITS, _march()[3]):
            data = json.loads(json.dumps(to_data(value)))
            assert from_data(type(value), data) == value


def test_demo_month() -> None:
    """The demo's March has 140 orders, 4 technicians and 3 reworks, judged as of 1 April."""
    from propstd._demo import repairs as demo

    month = demo.orders()
    assert len(month) == 140
    assert len({o.id for o in month}) == 140
    assert {o.technician for o in month} == set(demo.TECHNICIANS)
    assert sum(o.rework_of is not None for o in month) == 3
    assert {o.category for o in month} == set(RepairCategory)
    text = demo.render()
    assert "at the agreed time (0 minutes after the appointment)" in text
    assert "all                    140        134" in text
    assert "remind the owner on 2026-02-28" in text


# -- 0.2: Chinese words, errors with data, one local-date rule, overdue, edges of time ------


class TestChineseWords:
    """Semantics §14.7: repair categories and record kinds read their Chinese terms."""

    @pytest.mark.parametrize(
        ("kind", "word", "member"),
        [
            pytest.param(RepairCategory, "急修", RepairCategory.EMERGENCY, id="急修"),
            pytest.param(RepairCategory, "一般维修", RepairCategory.ORDINARY, id="一般维修"),
            pytest.param(RepairCategory, "预约维修", RepairCategory.SCHEDULED, id="预约维修"),
            pytest.param(RepairCategory, "预约", RepairCategory.SCHEDULED, id="预约"),
            pytest.param(RepairCategory, " Emergency ", RepairCategory.EMERGENCY, id="blanks"),
            pytest.param(RecordKind, "巡视记录", RecordKind.PATROL, id="巡视记录"),
            pytest.param(RecordKind, "设备维修保养记录", RecordKind.MAINTENANCE, id="维修保养"),
        ],
    )
    def test_words(self, kind: Any, word: str, member: Any) -> None:
        """Each word names its member; the value written back is English."""
        assert kind(word) is member
        assert to_data(kind(word)) == member.value

    def test_orders_limits_and_retention_read_chinese(self) -> None:
        """Orders, the limit table and `retention_until` accept the Chinese words."""
        assert _order(category="急修") == _order(category="emergency")
        table = RepairLimits(
            arrival={
                "急修": TimeLimit.minutes(15),
                "一般维修": TimeLimit.minutes(30),
                "预约": (TimeLimit.minutes(0)),
            },
            completion=LIMITS.completion,
            revisit=LIMITS.revisit,
        )
        assert table == LIMITS
        assert retention_until(date(2025, 3, 31), "巡视记录") == date(2027, 3, 31)

    def test_a_category_named_twice_is_refused(self) -> None:
        """`急修` and `emergency` name the same row: giving both is an error, not a choice."""
        with pytest.raises(
            InvalidValueError, match="'arrival' names the category 'emergency' twice"
        ):
            RepairLimits(
                arrival=loose({**_ARRIVAL}) | {"急修": TimeLimit.minutes(10)},
                completion=_COMPLETION,
                revisit=LIMITS.revisit,
            )

    def test_refusal_is_a_propstd_error(self) -> None:
        """An unknown category is an InvalidValueError listing the accepted words."""
        with pytest.raises(PropstdError, match=r"'emergency' \(急修\)") as info:
            _order(category="小修")
        assert (info.value.field, info.value.value) == ("category", "小修")


class TestErrorsCarryData:
    """Semantics §14.9: every propstd error of repairs carries `field` and `value`."""

    @pytest.mark.parametrize(
        ("make", "field", "value"),
        [
            pytest.param(lambda: _order(rework_of="R-1"), "rework_of", "R-1", id="rework-self"),
            pytest.param(lambda: _order(category="scheduled"), "appointment", None, id="no-appt"),
            pytest.param(
                lambda: _order(appointment=_t("2025-03-04 09:00")),
                "appointment",
                _t("2025-03-04 09:00"),
                id="appt-not-scheduled",
            ),
            pytest.param(
                lambda: _order(category="scheduled", appointment=_t("2025-03-02 09:00")),
                "appointment",
                _t("2025-03-02 09:00"),
                id="appt-early",
            ),
            pytest.param(
                lambda: RepairLimits(
                    arrival={"急修": TimeLimit.minutes(15), "emergency": TimeLimit.minutes(5)}
                ),
                "arrival['emergency']",
                "emergency",
                id="category-twice",
            ),
            pytest.param(
                lambda: RepairLimits(
                    arrival=_ARRIVAL,
                    completion=_COMPLETION | {RepairCategory.EMERGENCY: TimeLimit.minutes(5)},
                    revisit=LIMITS.revisit,
                ),
                "completion['emergency']",
                TimeLimit.minutes(5),
                id="completion-short",
            ),
            pytest.param(
                lambda: repair_metrics(
                    [_order(), _order()],
                    period=Period.parse("2025-03"),
                    limits=LIMITS,
                    calendar=OFFICE,
                    as_of=_t("2025-04-01 09:00"),
                ),
                "orders[1].id",
                "R-1",
                id="orders-twice",
            ),
            pytest.param(
                lambda: warranty_reminder_date(date(2025, 3, 31), before=relativedelta(hours=1)),
                "before",
                relativedelta(hours=1),
                id="before-hours",
            ),
            pytest.param(
                lambda: warranty_reminder_date(date(2025, 3, 31), before=relativedelta(days=-1)),
                "before",
                relativedelta(days=-1),
                id="before-forward",
            ),
            pytest.param(lambda: retention_until(date(2025, 3, 31), "x"), "kind", "x", id="kind"),
        ],
    )
    def test_fields(self, make: Any, field: str, value: object) -> None:
        """The error names the field at fault and holds the offending value."""
        with pytest.raises(PropstdError) as info:
            make()
        assert (info.value.field, info.value.value) == (field, value)

    def test_unknown_technician(self) -> None:
        """Asking for a technician with no orders names `name`."""
        m = repair_metrics(
            [_order()],
            period=Period.parse("2025-03"),
            limits=LIMITS,
            calendar=OFFICE,
            as_of=_t("2025-04-01 09:00"),
        )
        with pytest.raises(InvalidValueError) as info:
            m.technician("赵六")
        assert (info.value.field, info.value.value) == ("name", "赵六")


# 2025-03-31T23:30Z is 07:30 on 1 April in Shanghai: April by the calendar's zone, March in UTC.
LATE_MARCH_UTC = datetime(2025, 3, 31, 23, 30, tzinfo=UTC)


class TestLocalDates:
    """Semantics §14.5: an order is placed in a period by its local receipt date in the
    calendar's zone; results are given in that zone."""

    def test_metrics_count_the_local_month(self) -> None:
        """An order received at 2025-03-31T23:30Z belongs to April in Shanghai."""
        late = _order(timeline=Timeline.start(LATE_MARCH_UTC))
        march, april = (
            repair_metrics(
                [late],
                period=Period.parse(p),
                limits=LIMITS,
                calendar=OFFICE,
                as_of=LATE_MARCH_UTC + timedelta(hours=1),
            )
            for p in ("2025-03", "2025-04")
        )
        assert (march.overall.orders, april.overall.orders) == (0, 1)
        assert april.to_text().startswith("Repairs 2025-04 as of 2025-04-01 08:30")

    def test_status_in_the_calendars_zone(self) -> None:
        """A status asked in UTC gives its instants in the calendar's zone."""
        order = _order(timeline=Timeline.start(LATE_MARCH_UTC))
        s = repair_status(order, limits=LIMITS, calendar=OFFICE, as_of=LATE_MARCH_UTC)
        assert s.as_of.isoformat() == "2025-04-01T07:30:00+08:00"
        assert s.start_at.isoformat() == "2025-04-01T07:30:00+08:00"
        assert str(s).startswith("R-1 (ordinary 一般维修) as of 2025-04-01 07:30")


class TestBreachedAndOverdue:
    """Two ideas, two words: *breached* (the deadline was missed, done late or not) and
    *overdue* (past the deadline and still not done), as in findings' `is_overdue`."""

    def test_done_late_is_breached_not_overdue(self) -> None:
        """An arrival made late is breached; a completion not yet made past its limit is both."""
        timeline = Timeline.start(_t("2025-03-03 09:00")).arrived(_t("2025-03-03 10:00"))
        s = repair_status(
            _order(timeline=timeline), limits=LIMITS, calendar=OFFICE, as_of=_t("2025-03-06 09:00")
        )
        assert s.breached == ("arrival", "completion")
        assert s.overdue == ("completion",)
        assert s.is_overdue
        assert '<tr class="overdue"><td>completion</td>' in s.to_html()


class TestEdgesOfTime:
    """Semantics §14.10: named errors, never OverflowError or a bare ValueError, near the
    years 1 and 9999."""

    @pytest.mark.parametrize(
        ("call", "field"),
        [
            pytest.param(
                lambda: warranty_reminder_date(date(1, 1, 15)), "warranty_until", id="year-1"
            ),
            pytest.param(
                lambda: warranty_reminder_date(date(2, 1, 15), before=relativedelta(years=5)),
                "before",
                id="before-year-0",
            ),
            pytest.param(
                lambda: warranty_reminder_date(date(2025, 1, 1), before=relativedelta(years=9999)),
                "before",
                id="before-huge",
            ),
            pytest.param(
                lambda: retention_until(date(9998, 12, 31), "maintenance"),
                "record_date",
                id="retention-10001",
            ),
            pytest.param(
                lambda: retention_until(date(9999, 1, 1), "patrol"), "record_date", id="year-9999"
            ),
            pytest.param(
                lambda: _order(warranty_until=date(9999, 12, 31)), "warranty_until", id="warranty"
            ),
            pytest.param(
                lambda: _order(
                    category="scheduled",
                    appointment=datetime(9999, 12, 31, 22, tzinfo=ZoneInfo("America/New_York")),
                ),
                "appointment",
                id="appointment",
            ),
            pytest.param(
                lambda: repair_status(
                    _order(),
                    limits=LIMITS,
                    calendar=OFFICE,
                    as_of=datetime(9999, 12, 31, 22, tzinfo=ZoneInfo("America/New_York")),
                ),
                "as_of",
                id="as-of",
            ),
        ],
    )
    def test_named_errors(self, call: Any, field: str) -> None:
        """Each raises an InvalidValueError naming its field."""
        with pytest.raises(InvalidValueError) as info:
            call()
        assert info.value.field == field

    def test_the_first_and_last_days(self) -> None:
        """The last supported years still compute."""
        assert warranty_reminder_date(date(2, 2, 28)) == date(2, 1, 28)
        assert retention_until(date(9995, 12, 31), "maintenance") == date(9998, 12, 31)


# -- partial tables -------------------------------------------------------------------------

SEED_LIMITS = RepairLimits(
    arrival=dict.fromkeys(RepairCategory, TimeLimit.parse("15分钟")),
    revisit=TimeLimit.parse("1个工作日"),
)
"""What the seed documents fix: on site within 15 minutes, a revisit within one working day;
no completion limit."""


LIMITS_SCHEMA = jsonschema.Draft202012Validator(json_schema(RepairLimits))


class TestPartialLimits:
    """A time-limit table holds only the limits its standard fixes; the rest is not judged."""

    def test_empty_table(self) -> None:
        """A table may set nothing: empty mappings and no revisit limit."""
        empty = RepairLimits()
        assert (dict(empty.arrival), dict(empty.completion), empty.revisit) == ({}, {}, None)
        assert repr(empty) == "RepairLimits(arrival={}, completion={}, revisit=None)"
        assert empty == RepairLimits(arrival={}, completion={})
        assert hash(empty) == hash(RepairLimits(arrival={}, completion={}, revisit=None))

    def test_some_categories(self) -> None:
        """A mapping may name some categories (in any spelling), kept in category order."""
        limits = RepairLimits(
            arrival={"预约": TimeLimit.parse("立即"), "急修": TimeLimit.minutes(15)},
            completion={"一般维修": TimeLimit.working_days(2)},
        )
        assert list(limits.arrival) == [RepairCategory.EMERGENCY, RepairCategory.SCHEDULED]
        assert limits.arrival_for("emergency") == TimeLimit.minutes(15)
        assert limits.arrival_for(RepairCategory.ORDINARY) is None
        assert limits.completion_for("一般") == TimeLimit.working_days(2)
        assert limits.completion_for("急修") is None
        with pytest.raises(InvalidValueError, match="'category'"):
            limits.arrival_for("plumbing")

    @pytest.mark.parametrize(
        ("arrival", "completion", "refused"),
        [
            pytest.param(
                {"急修": TimeLimit.hours(2)}, {"急修": TimeLimit.hours(1)}, True, id="both"
            ),
            pytest.param(
                {"急修": TimeLimit.hours(2)}, {"一般": TimeLimit.hours(1)}, False, id="apart"
            ),
            pytest.param({}, {"急修": TimeLimit.minutes(0)}, False, id="completion-only"),
            pytest.param({"急修": TimeLimit.hours(2)}, {}, False, id="arrival-only"),
        ],
    )
    def test_completion_after_arrival_where_both_exist(
        self, arrival: dict[str, TimeLimit], completion: dict[str, TimeLimit], refused: bool
    ) -> None:
        """A completion shorter than its arrival is refused only where a category has both."""
        if refused:
            with pytest.raises(InvalidValueError, match="must not be shorter") as info:
                RepairLimits(arrival=arrival, completion=completion)
            assert info.value.field == "completion['emergency']"
        else:
            RepairLimits(arrival=arrival, completion=completion)

    def test_status_with_the_seed_table(self) -> None:
        """No completion limit: completion is not judged, said so, and still dated."""
        t0 = _t("2025-03-02 02:00")  # a Sunday night
        timeline = (
            Timeline.start(t0)
            .arrived(t0 + timedelta(minutes=12))
            .completed(t0 + timedelta(hours=5))
            .revisited(_t("2025-03-03 10:00"), satisfied=True)
        )
        order = _order(category="急修", timeline=timeline)
        s = repair_status(order, limits=SEED_LIMITS, calendar=OFFICE, as_of=_t("2025-03-04 09:00"))
        assert judged(s.arrival).state is MilestoneState.MET
        assert s.completion is None
        assert judged(s.revisit).state is MilestoneState.MET
        assert (s.completed_at, s.revisited_at) == (t0 + timedelta(hours=5), _t("2025-03-03 10:00"))
        assert s.not_judged == ("completion: no completion limit for emergency (急修) repairs",)
        assert [m.milestone.label for m in s.milestones] == ["arrival", "revisit"]
        assert s.rows()[1] == MilestoneRow(
            milestone="completion",
            limit="",
            state=MilestoneState.NOT_APPLICABLE,
            due_at=None,
            done_at=None,
            remaining=timedelta(0),
            overrun=timedelta(0),
            paused=timedelta(0),
        )
        assert (s.breached, s.overdue) == ((), ())
        assert "not judged — completion: no completion limit for emergency (急修) repairs" in str(s)
        full = repair_status(order, limits=LIMITS, calendar=OFFICE, as_of=_t("2025-03-04 09:00"))
        assert full.breached == ("completion",)  # 5 hours against the sample's 4
        assert (full.completed_at, full.revisited_at, full.not_judged) == (
            s.completed_at,
            s.revisited_at,
            (),
        )

    def test_status_with_nothing_set(self) -> None:
        """An empty table judges nothing and says why for each milestone."""
        s = repair_status(
            _order(), limits=RepairLimits(), calendar=OFFICE, as_of=_t("2025-03-09 09:00")
        )
        assert (s.arrival, s.completion, s.revisit, s.milestones) == (None, None, None, ())
        assert s.not_judged == (
            "arrival: no arrival limit for ordinary (一般维修) repairs",
            "completion: no completion limit for ordinary (一般维修) repairs",
            "revisit: no revisit limit",
        )
        assert [r.state for r in s.rows()] == [MilestoneState.NOT_APPLICABLE] * 3
        assert (s.completed_at, s.revisited_at, s.is_overdue) == (None, None, False)

    def test_scheduled_completion_before_the_appointment(self) -> None:
        """Without a completion limit, work done before the appointment is dated as the
        completion milestone dates it: not before the appointment has come."""
        timeline = (
            Timeline.start(_t("2025-03-03 09:00"))
            .arrived(_t("2025-03-03 10:00"))
            .completed(_t("2025-03-03 11:00"))
        )
        order = _order(category="scheduled", timeline=timeline, appointment=_t("2025-03-05 14:00"))
        for as_of, expected in (
            ("2025-03-04 09:00", None),
            ("2025-03-06 09:00", _t("2025-03-03 11:00")),
        ):
            partial = repair_status(order, limits=SEED_LIMITS, calendar=OFFICE, as_of=_t(as_of))
            full = repair_status(order, limits=LIMITS, calendar=OFFICE, as_of=_t(as_of))
            assert partial.completed_at == full.completed_at == expected

    def test_metrics_with_the_seed_table(self) -> None:
        """Arrival judged on every order, completion on none (with the reason), the rest as
        with the full table."""
        kw: dict[str, Any] = {
            "period": Period.parse("2025-03"),
            "calendar": OFFICE,
            "as_of": _t("2025-04-01 09:00"),
        }
        full = repair_metrics(_march(), limits=LIMITS, **kw)
        m = repair_metrics(_march(), limits=SEED_LIMITS, **kw)
        # A 20 min, B 25 min late against 15 minutes; C and D 10 min; nobody came to E
        assert m.overall.arrival == Rate(2, 5)
        assert m.overall.completion == Rate(0, 0)
        for name in ("orders", "completed", "revisit", "revisit_on_time", "rework", "satisfaction"):
            assert getattr(m.overall, name) == getattr(full.overall, name)
        assert m.not_judged == (
            "completion: 1 emergency (急修) order not judged, no completion limit",
            "completion: 4 ordinary (一般维修) orders not judged, no completion limit",
        )
        assert full.not_judged == ()
        assert "not judged — completion: 4 ordinary (一般维修) orders" in m.to_text()

    def test_metrics_count_only_categories_with_the_limit(self) -> None:
        """A timeliness rate counts only orders whose category has the limit, both ways."""
        only = RepairLimits(arrival={"急修": TimeLimit.minutes(15)}, revisit=LIMITS.revisit)
        m = repair_metrics(
            _march(),
            period=Period.parse("2025-03"),
            limits=only,
            calendar=OFFICE,
            as_of=_t("2025-04-01 09:00"),
        )
        assert m.overall.arrival == Rate(0, 1)  # B alone, 25 minutes
        assert m.technician("李强").arrival == Rate(0, 0)
        assert (
            m.not_judged[0] == "arrival: 4 ordinary (一般维修) orders not judged, no arrival limit"
        )

    def test_revisit_rate_without_a_limit(self) -> None:
        """With no revisit limit the revisit rate counts every completed order (nothing is
        within a limit), and on-time revisits are not judged."""
        t0 = _t("2025-03-03 09:00")
        orders = (
            _order(
                id="X", timeline=Timeline.start(t0).completed(t0).revisited(t0 + timedelta(hours=1))
            ),
            _order(id="Y", timeline=Timeline.start(t0).completed(t0 + timedelta(hours=2))),
        )
        kw: dict[str, Any] = {
            "period": Period.parse("2025-03"),
            "calendar": OFFICE,
            "as_of": t0 + timedelta(hours=3),
        }
        with_limit = repair_metrics(orders, limits=LIMITS, **kw).overall
        without = repair_metrics(orders, limits=attrs.evolve(LIMITS, revisit=None), **kw)
        assert (with_limit.revisit, with_limit.revisit_on_time) == (Rate(1, 1), Rate(1, 1))
        assert (without.overall.revisit, without.overall.revisit_on_time) == (
            Rate(1, 2),
            Rate(0, 0),
        )
        assert without.overall.revisit_result is TargetResult.MISSED
        assert without.not_judged == (
            (
                "revisit on time: not judged, no revisit limit (the revisit rate counts every "
                "completed order)"
            ),
        )

    @pytest.mark.parametrize(
        "limits",
        [
            pytest.param(SEED_LIMITS, id="seed"),
            pytest.param(RepairLimits(), id="empty"),
            pytest.param(RepairLimits(completion={"预约": TimeLimit.working_days(3)}), id="one"),
        ],
    )
    def test_round_trip(self, limits: RepairLimits) -> None:
        """A partial table survives JSON and fits its schema."""
        data = json.loads(json.dumps(to_data(limits)))
        assert from_data(RepairLimits, data) == limits
        assert list(LIMITS_SCHEMA.iter_errors(data)) == []

    def test_old_and_short_documents(self) -> None:
        """A 0.1 document (every key) still reads; missing keys read as empty or None."""
        assert from_data(RepairLimits, to_data(LIMITS)) == LIMITS
        revisit_only = {"revisit": to_data(TimeLimit.working_days(1))}
        assert from_data(RepairLimits, revisit_only) == RepairLimits(
            revisit=TimeLimit.working_days(1)
        )
        assert from_data(RepairLimits, {}) == RepairLimits()
        shorts: tuple[dict[str, Any], ...] = ({}, revisit_only, {"arrival": {}, "revisit": None})
        for short in shorts:
            assert list(LIMITS_SCHEMA.iter_errors(short)) == []
