"""Unit tables for propstd.complaints: records, the ladder, escalation, stock-take, metrics."""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime, timedelta
from fractions import Fraction
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import jsonschema
import pytest

from propstd.calendars import ALWAYS_OPEN, china_calendar
from propstd.complaints import (
    Channel,
    Complaint,
    ComplaintFigure,
    ComplaintLevel,
    ComplaintPolicy,
    EarlyWarning,
    EscalationLadder,
    EscalationReason,
    EscalationStep,
    StockTakeRow,
    WarningKind,
    complaint_metrics,
    daily_stocktake,
    early_warnings,
    escalation_status,
)
from propstd.errors import (
    InvalidDataError,
    InvalidValueError,
    NaiveDatetimeError,
    ParseError,
    PropstdError,
)
from propstd.periods import Period
from propstd.rates import Rate
from propstd.serialization import from_data, json_schema, to_data
from propstd.timelimits import TimeLimit
from propstd.timelines import Milestone, MilestoneState, Timeline
from tests.strategies import COMPLAINT_RULES

TZ = ZoneInfo("Asia/Shanghai")
OFFICE = china_calendar(hours="08:30-12:00,13:30-17:30")


def loose(value: object) -> Any:
    """*value*, typed as Any (for bad-input tables)."""
    return value


def at(text: str) -> datetime:
    """'2025-03-07 16:00' in Beijing time."""
    return datetime.fromisoformat(text).replace(tzinfo=TZ)


LADDER = EscalationLadder.of(
    ("2 working hours", "客服主管"),
    ("24 hours", "项目经理"),
    ("48 hours", "区域总监"),
    ("72 hours", "公司品质部"),
)


def policy(**changes: Any) -> ComplaintPolicy:
    """The sample property's policy (sample-property.md), with *changes*."""
    base = ComplaintPolicy(
        ladder=LADDER,
        response=Milestone("responded", TimeLimit.parse("24 hours"), name="response"),
        reply=Milestone("responded", TimeLimit.parse("当日"), name="same-day reply"),
        contact_every=TimeLimit.parse("2 working days"),
        resolution=Milestone("closed", TimeLimit.parse("72 hours"), name="resolution"),
        revisit=Milestone(
            "revisited", TimeLimit.parse("3 working days"), start="closed", name="revisit"
        ),
        vip_role="项目经理",
        major_role="总经理",
        repeat_window=timedelta(days=30),
        department_limit=2,
    )
    return attrs.evolve(base, **changes)


POLICY = policy()
MON = at("2025-03-03 10:00")


def complaint(**changes: Any) -> Complaint:
    """A grievance received by phone on Monday 2025-03-03 10:00."""
    args: dict[str, Any] = {"customer": "3-1201", "topic": "noise"} | changes
    received = args.pop("received_at", MON)
    return Complaint(
        args.pop("id", "TS-1"),
        received,
        args.pop("channel", "phone"),
        args.pop("level", "grievance"),
        **args,
    )


def status(c: Complaint, as_of: datetime, **kwargs: Any) -> Any:
    """The escalation status on the office calendar."""
    return escalation_status(
        c, policy=kwargs.pop("policy", POLICY), calendar=OFFICE, as_of=as_of, **kwargs
    )


# -- records --------------------------------------------------------------------------------


class TestRecords:
    """Complaint, EscalationStep, EscalationLadder, ComplaintPolicy construction."""

    def test_complaint_defaults(self) -> None:
        """A complaint's timeline defaults to its receipt."""
        c = complaint()
        assert c.timeline == Timeline.start(MON)
        assert c.channel is Channel.PHONE
        assert c.level is ComplaintLevel.GRIEVANCE
        assert c.is_open(MON)
        assert not c.is_open(MON - timedelta(seconds=1))
        assert "channel='phone'" in repr(c)

    @pytest.mark.parametrize(
        ("changes", "error", "match"),
        [
            pytest.param({"id": " "}, InvalidValueError, "'id'", id="blank-id"),
            pytest.param(
                {"received_at": datetime(2025, 3, 3)},
                NaiveDatetimeError,
                "'received_at'",
                id="naive",
            ),
            pytest.param({"channel": "fax"}, InvalidValueError, "'channel'.*fax", id="channel"),
            pytest.param({"level": "angry"}, InvalidValueError, "'level'.*angry", id="level"),
            pytest.param({"vip": "yes"}, TypeError, "'vip'", id="vip-str"),
            pytest.param({"major": 1}, TypeError, "'major'", id="major-int"),
            pytest.param({"departments": "工程部"}, TypeError, "string", id="departments-str"),
            pytest.param(
                {"departments": ("a", "a")},
                InvalidValueError,
                "'departments' must not repeat",
                id="departments-twice",
            ),
            pytest.param(
                {"departments": ("",)},
                InvalidValueError,
                r"departments\[0\]",
                id="department-blank",
            ),
            pytest.param({"customer": 3}, TypeError, "'customer'", id="customer-int"),
            pytest.param(
                {"timeline": Timeline.start(MON + timedelta(hours=1))},
                InvalidValueError,
                "'timeline' must start at received_at",
                id="timeline-start",
            ),
            pytest.param({"timeline": "x"}, TypeError, "'timeline'", id="timeline-str"),
        ],
    )
    def test_bad_complaints(
        self, changes: dict[str, Any], error: type[Exception], match: str
    ) -> None:
        """Bad complaint fields raise, naming the field."""
        with pytest.raises(error, match=match):
            complaint(**changes)

    def test_step_and_ladder(self) -> None:
        """Steps read limits from text; the ladder finds roles."""
        step = EscalationStep("2 working hours", "客服主管")
        assert step.after == TimeLimit.working_hours(2)
        assert str(step) == "after 2 working hours: 客服主管"
        assert LADDER.index_of("区域总监") == 2
        assert len(LADDER) == 4
        assert EscalationLadder([step]).steps == (step,)

    @pytest.mark.parametrize(
        ("make", "error", "match"),
        [
            pytest.param(
                lambda: EscalationStep("soon", "a"), ParseError, "soon", id="step-unparsable"
            ),
            pytest.param(
                lambda: EscalationStep(loose(2), "a"), TypeError, "'after'", id="step-int"
            ),
            pytest.param(
                lambda: EscalationStep("2 hours", " "),
                InvalidValueError,
                "'role'",
                id="step-blank-role",
            ),
            pytest.param(
                lambda: EscalationStep("2 hours", loose(None)),
                TypeError,
                "'role'",
                id="step-none-role",
            ),
            pytest.param(
                lambda: EscalationStep(loose(2.5), "a"), TypeError, "2.5", id="step-float"
            ),
            pytest.param(
                lambda: EscalationLadder(()), InvalidValueError, "at least one", id="ladder-empty"
            ),
            pytest.param(
                lambda: EscalationLadder.of(("2 hours", "a"), ("2 hours", "b")),
                InvalidValueError,
                "must increase",
                id="ladder-equal",
            ),
            pytest.param(
                lambda: EscalationLadder.of(("1 working day", "a"), ("2 hours", "b")),
                InvalidValueError,
                "must increase",
                id="ladder-day-vs-hours",
            ),
            pytest.param(
                lambda: EscalationLadder.of(("2 hours", "a"), ("3 hours", "a")),
                InvalidValueError,
                "'a' twice",
                id="ladder-role-twice",
            ),
            pytest.param(
                lambda: EscalationLadder(loose(["x"])),
                TypeError,
                r"steps\[0\]",
                id="ladder-str-step",
            ),
            pytest.param(
                lambda: EscalationLadder(loose("ab")), TypeError, "string", id="ladder-str"
            ),
            pytest.param(
                lambda: LADDER.index_of("boss"), InvalidValueError, "'boss'", id="unknown-role"
            ),
        ],
    )
    def test_bad_steps_and_ladders(self, make: Any, error: type[Exception], match: str) -> None:
        """Bad steps and ladders raise, naming the field."""
        with pytest.raises(error, match=match):
            make()

    @pytest.mark.parametrize(
        ("changes", "error", "match"),
        [
            pytest.param(
                {"vip_role": " "}, InvalidValueError, "'vip_role' must not be empty", id="vip-blank"
            ),
            pytest.param(
                {"major_role": ""}, InvalidValueError, "'major_role'", id="major-role-blank"
            ),
            pytest.param(
                {"repeat_window": timedelta(0)},
                InvalidValueError,
                "'repeat_window' must be a positive",
                id="window-zero",
            ),
            pytest.param({"repeat_window": 30}, TypeError, "'repeat_window'", id="window-int"),
            pytest.param(
                {"department_limit": 0},
                InvalidValueError,
                "'department_limit' must be at least 1",
                id="limit-zero",
            ),
            pytest.param(
                {"department_limit": 2.0}, TypeError, "'department_limit'", id="limit-float"
            ),
            pytest.param(
                {"response": TimeLimit.hours(24)},
                TypeError,
                "'response' must be Milestone",
                id="response-limit",
            ),
            pytest.param(
                {"contact_every": "2 working days"}, TypeError, "'contact_every'", id="contact-str"
            ),
            pytest.param({"ladder": ()}, TypeError, "'ladder'", id="ladder-tuple"),
        ],
    )
    def test_bad_policies(
        self, changes: dict[str, Any], error: type[Exception], match: str
    ) -> None:
        """Bad policy fields raise, naming the field."""
        with pytest.raises(error, match=match):
            policy(**changes)

    def test_policy_milestones(self) -> None:
        """The policy lists its milestones."""
        assert [m.label for m in POLICY.milestones] == [
            "response",
            "same-day reply",
            "resolution",
            "revisit",
        ]

    def test_repeats(self) -> None:
        """A repeat needs the same customer and topic within the window, and another id."""
        first = complaint(id="TS-0")
        again = complaint(id="TS-9", received_at=MON + timedelta(days=10))
        window = timedelta(days=30)
        assert again.is_repeat_of(first, window=window)
        assert not first.is_repeat_of(again, window=window)  # later one is not history
        assert not again.is_repeat_of(again, window=window)
        assert not again.is_repeat_of(attrs.evolve(first, topic="lift"), window=window)
        assert not complaint(customer="").is_repeat_of(first, window=window)
        assert not again.is_repeat_of(first, window=timedelta(days=5))


# -- escalation -----------------------------------------------------------------------------


class TestEscalation:
    """escalation_status on the sample ladder."""

    @pytest.mark.parametrize(
        ("as_of", "level", "role", "next_at"),
        [
            pytest.param("2025-03-03 10:00", 0, None, "2025-03-03 12:00", id="at-receipt"),
            pytest.param(
                "2025-03-03 12:00", 0, None, "2025-03-03 12:00", id="exactly-2-working-hours"
            ),
            pytest.param(
                "2025-03-03 12:01", 1, "客服主管", "2025-03-04 10:00", id="past-2-working-hours"
            ),
            pytest.param("2025-03-04 10:01", 2, "项目经理", "2025-03-05 10:00", id="past-24-hours"),
            pytest.param("2025-03-05 10:01", 3, "区域总监", "2025-03-06 10:00", id="past-48-hours"),
            pytest.param("2025-03-06 10:01", 4, "公司品质部", None, id="top"),
        ],
    )
    def test_elapsed(self, as_of: str, level: int, role: str | None, next_at: str | None) -> None:
        """Steps follow the elapsed time; exactly at a threshold is not yet past it."""
        s = status(complaint(), at(as_of))
        assert s.level == level
        assert s.role == role
        assert s.escalated == (level > 0)
        assert s.next_escalation_at == (None if next_at is None else at(next_at))
        assert (EscalationReason.ELAPSED in s.reasons) == (level > 0)

    def test_elapsed_over_a_weekend(self) -> None:
        """The 2 working hours skip the weekend; the 24 hours do not."""
        c = complaint(received_at=at("2025-03-07 17:00"))
        s = status(c, at("2025-03-08 18:00"))
        assert s.level == 2  # 24 h passed on Saturday; 2 working hours end Monday 10:00
        assert s.step == LADDER.steps[1]
        assert EscalationReason.ELAPSED in s.reasons

    def test_vip_starts_at_the_vip_step(self) -> None:
        """A VIP complaint starts at the project manager."""
        s = status(complaint(vip=True), MON)
        assert s.level == 2
        assert s.notify == ("项目经理",)
        assert s.reasons == (EscalationReason.VIP,)
        assert s.next_escalation_at == at("2025-03-05 10:00")  # when 48 hours pass
        assert s.next_step == LADDER.steps[2]

    def test_major_notifies_at_once(self) -> None:
        """A major complaint tells the general manager at once."""
        s = status(complaint(major=True), MON)
        assert s.level == 0
        assert s.notify == ("总经理",)
        assert s.reasons == (EscalationReason.MAJOR,)
        both = status(complaint(major=True), at("2025-03-03 12:01"))
        assert both.notify == ("客服主管", "总经理")

    def test_climbs(self) -> None:
        """Repeat, reopen and too many departments each climb one step, capped at the top."""
        history = [complaint(id="TS-0", received_at=MON - timedelta(days=3))]
        repeat = status(complaint(), MON, history=history)
        assert repeat.level == 1
        assert repeat.reasons == (EscalationReason.REPEAT,)
        t = Timeline.start(MON).closed(MON + timedelta(hours=1)).reopened(MON + timedelta(hours=2))
        all_three = status(
            complaint(timeline=t, departments=("a", "b", "c")),
            MON + timedelta(hours=2),
            history=history,
        )
        assert all_three.level == 3
        assert all_three.reasons == (
            EscalationReason.REPEAT,
            EscalationReason.REOPENED,
            EscalationReason.DEPARTMENTS,
        )
        top = status(
            complaint(timeline=t, vip=True, departments=("a", "b", "c")),
            at("2025-03-06 12:00"),
            history=history,
        )
        assert top.level == 4
        assert top.next_escalation_at is None

    def test_closed(self) -> None:
        """A closed complaint notifies nobody and escalates no further."""
        t = Timeline.start(MON).responded(MON).closed(at("2025-03-03 15:00"))
        s = status(complaint(timeline=t, major=True), at("2025-03-10 09:00"))
        assert not s.is_open
        assert s.level == 1  # closed after the 2 working hours
        assert s.notify == ()
        assert s.next_escalation_at is None
        assert "(closed)" in s.to_text()

    def test_milestones(self) -> None:
        """The status carries the response, reply, contact, resolution and revisit."""
        t = Timeline.start(MON).responded(at("2025-03-03 18:00")).contacted(at("2025-03-04 09:00"))
        s = status(complaint(timeline=t), at("2025-03-05 09:00"))
        assert s.response.state is MilestoneState.MET
        assert s.reply.state is MilestoneState.BREACHED  # after the 17:30 close
        assert s.contact.state is MilestoneState.PENDING
        assert s.contact.start_at == at("2025-03-04 09:00")
        assert s.contact.due_at == at("2025-03-06 17:30")
        assert s.resolution.state is MilestoneState.PENDING
        assert s.revisit.state is MilestoneState.NOT_APPLICABLE
        assert len(s.milestones) == 5
        assert s.next_deadline == ("escalation to 区域总监", at("2025-03-05 10:00"))

    def test_contact_overdue_and_natural_cadence(self) -> None:
        """A missed progress call is breached; a natural cadence counts real time."""
        late = status(complaint(), at("2025-03-06 09:00"))
        assert late.contact.state is MilestoneState.BREACHED
        assert late.contact.overrun == timedelta(hours=0, minutes=30)  # 08:30-09:00 on Thursday
        natural = status(
            complaint(), MON + timedelta(hours=30), policy=policy(contact_every=TimeLimit.hours(24))
        )
        assert natural.contact.overrun == timedelta(hours=6)
        soon = status(
            complaint(), MON + timedelta(hours=1), policy=policy(contact_every=TimeLimit.hours(24))
        )
        assert soon.contact.remaining == timedelta(hours=23)

    def test_renderings(self) -> None:
        """Text, Markdown and HTML show the milestones as a table under the step, the roles
        and the next escalation; the repr is one short line."""
        s = status(complaint(vip=True, major=True), at("2025-03-03 12:01"))
        text = s.to_text()
        assert str(s) == text
        assert text.startswith("Complaint TS-1 as of 2025-03-03 12:01\nmilestone ")
        assert "step 2: after 24 hours: 项目经理; reasons: elapsed, vip, major" in text
        assert "notify: 项目经理, 总经理" in text
        assert "next escalation after 2025-03-05 10:00 → 区域总监" in text
        md = s.to_markdown()
        assert "| milestone | limit | state | due | done | left | overrun | paused |" in md
        assert "| response | 24 hours | pending | 2025-03-04 10:00 |  | 21h 59m |" in md
        html = s.to_html()
        assert html == s._repr_html_()
        assert "<caption>Complaint TS-1 as of 2025-03-03 12:01</caption>" in html
        assert '<tr class="overdue"><td>same-day reply</td>' not in html
        assert "<td>same-day reply</td>" in html
        plain = status(complaint(), MON).to_text()
        assert "not escalated; reasons: none" in plain
        assert "notify: —" in plain
        assert repr(s) == (
            "EscalationStatus('TS-1', level=2, notify=('项目经理', '总经理'), "
            "as_of='2025-03-03T12:01:00+08:00')"
        )
        assert len(s.rows()) == 5
        assert s.rows()[0].milestone == "response"

    @pytest.mark.parametrize(
        ("kwargs", "error", "match"),
        [
            pytest.param(
                {"as_of": datetime(2025, 3, 3)}, NaiveDatetimeError, "'as_of'", id="naive"
            ),
            pytest.param(
                {"as_of": MON - timedelta(minutes=1)},
                InvalidValueError,
                "'as_of' .* before complaint 'TS-1'",
                id="before-receipt",
            ),
            pytest.param({"policy": LADDER}, TypeError, "'policy'", id="policy-ladder"),
            pytest.param({"calendar": "office"}, TypeError, "'calendar'", id="calendar-str"),
            pytest.param({"complaint": "TS-1"}, TypeError, "'complaint'", id="complaint-str"),
        ],
    )
    def test_bad_arguments(
        self, kwargs: dict[str, Any], error: type[Exception], match: str
    ) -> None:
        """Bad arguments raise, naming the argument."""
        args: dict[str, Any] = {
            "complaint": complaint(),
            "policy": POLICY,
            "calendar": OFFICE,
            "as_of": MON,
        } | kwargs
        with pytest.raises(error, match=match):
            escalation_status(args.pop("complaint"), **args)


# -- stock-take, metrics, warnings ----------------------------------------------------------


def register() -> list[Complaint]:
    """Four complaints: two open, one closed and revisited, one reopened and closed."""
    closed = (
        Timeline.start(MON)
        .responded(MON)
        .closed(at("2025-03-03 16:00"))
        .revisited(at("2025-03-04 10:00"), satisfied=True)
    )
    reopened = (
        Timeline.start(at("2025-03-04 09:00"))
        .responded(at("2025-03-05 10:00"))
        .closed(at("2025-03-05 11:00"))
        .reopened(at("2025-03-06 09:00"))
        .closed(at("2025-03-10 09:00"))
        .revisited(at("2025-03-10 10:00"), satisfied=False)
    )
    return [
        complaint(
            id="TS-1",
            timeline=closed,
            owner="王敏",
            customer="1",
            channel="web",
            level="dissatisfaction",
        ),
        complaint(
            id="TS-2",
            received_at=at("2025-03-04 09:00"),
            timeline=reopened,
            customer="2",
            level="demand",
            vip=True,
        ),
        complaint(
            id="TS-3", received_at=at("2025-03-10 09:00"), customer="3", owner="李强", major=True
        ),
        complaint(id="TS-4", received_at=at("2025-03-11 17:00"), customer="4", channel="visit"),
    ]


class TestStockTake:
    """The daily stock-take."""

    def test_rows(self) -> None:
        """Every open complaint, the most urgent first, with owner, step and next deadline."""
        take = daily_stocktake(
            register(), policy=POLICY, calendar=OFFICE, as_of=at("2025-03-11 17:10")
        )
        assert [e.complaint.id for e in take.entries] == ["TS-4", "TS-3"]
        assert len(take) == 2
        four, three = take.entries
        assert four.owner == ""
        assert four.step == ""
        assert four.row().next_deadline == at("2025-03-11 17:30")
        assert four.row().cells()[5] == "2025-03-11 17:30 (same-day reply)"
        assert three.step == "项目经理"
        assert three.overdue == ("response", "same-day reply")
        assert take.rows()[1] == StockTakeRow(
            complaint_id="TS-3",
            level=ComplaintLevel.GRIEVANCE,
            owner="李强",
            step="项目经理",
            notify="项目经理, 总经理",
            next_deadline=at("2025-03-12 09:00"),
            next_action="escalation to 区域总监",
            overdue="response, same-day reply",
        )
        text = take.to_text()
        assert str(take) == text
        assert text.startswith("Stock-take 2025-03-11 17:10: 2 open\ncomplaint ")
        assert "TS-3       grievance 抱怨  李强" in text
        assert "| TS-4 | grievance 抱怨 | — | — | — |" in take.to_markdown()
        assert '<tr class="overdue"><td>TS-3</td>' in take.to_html()
        assert repr(take) == "StockTake(as_of='2025-03-11T17:10:00+08:00', open=2)"
        assert take.day == date(2025, 3, 11)

    def test_no_next_deadline_sorts_last(self) -> None:
        """A complaint with nothing pending sorts after the rest."""
        done = Timeline.start(MON).responded(MON).completed(MON + timedelta(hours=1))
        p = policy(
            ladder=EscalationLadder.of(("1 hour", "客服主管"), ("2 hours", "项目经理")),
            vip_role="项目经理",
            contact_every=TimeLimit.hours(1),
        )
        items = [
            complaint(id="TS-A", timeline=done),
            complaint(id="TS-B", received_at=MON + timedelta(hours=20)),
        ]
        take = daily_stocktake(items, policy=p, calendar=OFFICE, as_of=MON + timedelta(hours=20))
        assert [e.complaint.id for e in take.entries] == ["TS-B", "TS-A"]
        assert take.entries[1].status.next_deadline is not None  # the resolution is pending
        late = daily_stocktake(items, policy=p, calendar=OFFICE, as_of=MON + timedelta(days=5))
        assert late.entries[-1].status.next_deadline is None
        assert late.rows()[-1].next_deadline is None
        assert late.rows()[-1].cells()[5] == "—"

    def test_bad_items(self) -> None:
        """Items must be complaints."""
        with pytest.raises(TypeError, match=r"complaints\[0\]"):
            daily_stocktake(loose(["TS-1"]), policy=POLICY, calendar=OFFICE, as_of=MON)


class TestMetrics:
    """complaint_metrics."""

    def test_march(self) -> None:
        """Counts, timeliness, revisits, satisfaction and reopens as exact rates."""
        m = complaint_metrics(
            register(),
            period=Period.parse("2025-03"),
            policy=POLICY,
            calendar=OFFICE,
            as_of=at("2025-03-11 17:10"),
        )
        assert m.total == 4
        assert m.count(ComplaintLevel.GRIEVANCE) == 2
        assert m.count(Channel.WEB) == 1
        assert m.count(Channel.LETTER) == 0
        assert (m.vip, m.major) == (1, 1)
        assert m.on_time_response == Rate(1, 3)  # TS-2 after 25 h, TS-3 unanswered; TS-4 pending
        assert m.on_time_reply == Rate(1, 3)
        assert m.on_time_resolution == Rate(1, 2)
        assert m.revisit_rate == Rate(2, 2)
        assert m.satisfaction == Rate(1, 2)
        assert m.reopen_rate == Rate(1, 2)
        text = m.to_text()
        assert text.startswith("Complaints 2025-03 as of 2025-03-11 17:10: 4 received")
        assert re.search(r"^reopened +重开率 +50.0% \(1/2\)$", text, re.MULTILINE)
        rows = {f.key: f for f in m.rows()}
        assert rows["on_time_reply"] == ComplaintFigure(
            key="on_time_reply", title="on-time reply", title_zh="按时答复率", value=Rate(1, 3)
        )
        assert rows["level.grievance"].value == Rate(2, 4)
        assert rows["channel.web"].title_zh == "网站"
        assert (rows["vip"].value, rows["major"].value) == (Rate(1, 4), Rate(1, 4))
        assert "| on-time response | 按时响应率 | 33.3% (1/3) |" in m.to_markdown()

    def test_empty(self) -> None:
        """Nothing received: every rate is not applicable."""
        m = complaint_metrics(
            [], period=Period.parse("2025-03"), policy=POLICY, calendar=OFFICE, as_of=MON
        )
        assert m.total == 0
        assert not m.on_time_response.is_applicable
        assert re.search(r"^channel: web +网站 +n/a \(0/0\)$", m.to_text(), re.MULTILINE)

    def test_period_and_as_of_select(self) -> None:
        """Only complaints received in the period and by as_of count."""
        m = complaint_metrics(
            register(),
            period=Period.parse("2025-03-10/2025-03-12"),
            policy=POLICY,
            calendar=OFFICE,
            as_of=at("2025-03-11 09:00"),
        )
        assert m.total == 1

    def test_bad_period(self) -> None:
        """The period must be a Period."""
        with pytest.raises(TypeError, match="'period'"):
            complaint_metrics(
                [], period=loose("2025-03"), policy=POLICY, calendar=OFFICE, as_of=MON
            )


class TestWarnings:
    """early_warnings."""

    def test_limits(self) -> None:
        """Near and past limits of open complaints."""
        w = early_warnings(
            register(),
            policy=POLICY,
            calendar=OFFICE,
            as_of=at("2025-03-11 17:10"),
            near=Fraction(1, 4),
        )
        kinds = {(x.complaint_id, x.milestone): x.kind for x in w}
        assert kinds[("TS-3", "same-day reply")] is WarningKind.PAST_LIMIT
        assert kinds[("TS-4", "same-day reply")] is WarningKind.NEAR_LIMIT
        assert ("TS-1", "response") not in kinds
        assert str(w[0]) == w[0].message
        assert all(isinstance(x, EarlyWarning) for x in w)

    def test_zero_length_milestone_is_never_near(self) -> None:
        """A milestone with no time at all is never 'near' (only past)."""
        p = policy(response=Milestone("responded", TimeLimit.minutes(0), name="response"))
        w = early_warnings([complaint()], policy=p, calendar=OFFICE, as_of=MON, near=Fraction(1, 2))
        assert [x.milestone for x in w] == []

    def test_weeks(self) -> None:
        """Weeks above a threshold or above the trailing mean times a factor."""
        items = [
            complaint(id=f"A{i}", received_at=at("2025-03-03 10:00") + timedelta(days=7 * (i % 3)))
            for i in range(6)
        ]
        items += [complaint(id=f"B{i}", received_at=at("2025-03-24 10:00")) for i in range(5)]
        as_of = at("2025-03-28 10:00")
        w = early_warnings(
            items,
            policy=POLICY,
            calendar=OFFICE,
            as_of=as_of,
            near=Fraction(1),
            weekly_limit=4,
            trailing_weeks=2,
            factor=Fraction(2),
        )
        weekly = [(x.kind, str(x.week), x.count) for x in w if x.week is not None]
        assert weekly == [
            (WarningKind.WEEKLY_LIMIT, "2025-W13", 5),
            (WarningKind.WEEKLY_TREND, "2025-W13", 5),
        ]
        assert (
            early_warnings([], policy=POLICY, calendar=OFFICE, as_of=as_of, near=Fraction(1)) == ()
        )

    @pytest.mark.parametrize(
        ("kwargs", "error", "match"),
        [
            pytest.param({"near": 0.75}, TypeError, "'near'.*0.75", id="near-float"),
            pytest.param(
                {"near": Fraction(0)},
                InvalidValueError,
                r"'near' must be in \(0, 1\]",
                id="near-zero",
            ),
            pytest.param(
                {"near": Fraction(3, 2)}, InvalidValueError, "'near'", id="near-above-one"
            ),
            pytest.param(
                {"weekly_limit": -1}, InvalidValueError, "'weekly_limit'", id="limit-negative"
            ),
            pytest.param(
                {"trailing_weeks": 4}, InvalidValueError, "go together", id="trailing-alone"
            ),
            pytest.param(
                {"trailing_weeks": 0, "factor": Fraction(2)},
                InvalidValueError,
                "'trailing_weeks' must be at least 1",
                id="trailing-zero",
            ),
            pytest.param(
                {"trailing_weeks": 2, "factor": Fraction(0)},
                InvalidValueError,
                "'factor' must be positive",
                id="factor-zero",
            ),
            pytest.param(
                {"trailing_weeks": 2, "factor": 1.5}, TypeError, "'factor'", id="factor-float"
            ),
        ],
    )
    def test_bad_arguments(
        self, kwargs: dict[str, Any], error: type[Exception], match: str
    ) -> None:
        """Bad warning settings raise, naming the argument."""
        args: dict[str, Any] = {"near": Fraction(3, 4)} | kwargs
        with pytest.raises(error, match=match):
            early_warnings([], policy=POLICY, calendar=OFFICE, as_of=MON, **args)


def test_round_trip() -> None:
    """A complaint with its timeline and a policy survive to_data/from_data through JSON."""
    for c in register():
        assert from_data(Complaint, json.loads(json.dumps(to_data(c)))) == c
    assert from_data(ComplaintPolicy, json.loads(json.dumps(to_data(POLICY)))) == POLICY


def test_always_open_complaint() -> None:
    """On a 24×7 calendar the working ladder is natural time."""
    t0 = datetime(2025, 3, 1, 22, 0, tzinfo=UTC)
    s = escalation_status(
        complaint(received_at=t0),
        policy=POLICY,
        calendar=ALWAYS_OPEN,
        as_of=t0 + timedelta(hours=3),
    )
    assert s.level == 1


def test_demo_section() -> None:
    """The demo lists the open complaints as of 1 April, who must act, and the month."""
    from propstd._demo import complaints as demo

    text = demo.render()
    assert text.startswith("Stock-take 2025-04-01 09:00: 4 open")
    assert "TS-0324: notify 项目经理 (reasons: elapsed, departments)" in text
    assert "Complaints 2025-03 as of 2025-04-01 09:00: 25 received (VIP 2, major 1)" in text
    assert sum(c.timeline.reopen_count for c in demo.complaints()) == 1


# -- 0.2: Chinese words, errors with data, one local-date rule, overdue, edges ---------------


class TestChineseWords:
    """Semantics §14.7: the complaint vocabularies read the seeds' and companies' words."""

    @pytest.mark.parametrize(
        ("kind", "word", "member"),
        [
            pytest.param(ComplaintLevel, "不满", ComplaintLevel.DISSATISFACTION, id="不满"),
            pytest.param(ComplaintLevel, "抱怨", ComplaintLevel.GRIEVANCE, id="抱怨"),
            pytest.param(ComplaintLevel, "责令", ComplaintLevel.DEMAND, id="责令"),
            pytest.param(Channel, "电话", Channel.PHONE, id="电话"),
            pytest.param(Channel, "热线", Channel.PHONE, id="热线"),
            pytest.param(Channel, "来访", Channel.VISIT, id="来访"),
            pytest.param(Channel, "上门", Channel.VISIT, id="上门"),
            pytest.param(Channel, "来函", Channel.LETTER, id="来函"),
            pytest.param(Channel, "信函", Channel.LETTER, id="信函"),
            pytest.param(Channel, "网站", Channel.WEB, id="网站"),
            pytest.param(Channel, "网络", Channel.WEB, id="网络"),
            pytest.param(Channel, "微信", Channel.WEB, id="微信"),
            pytest.param(Channel, "小程序", Channel.WEB, id="小程序"),
            pytest.param(Channel, " APP ", Channel.WEB, id="APP"),
            pytest.param(Channel, "Mini-Program", Channel.WEB, id="mini-program"),
            pytest.param(EscalationReason, "重复投诉", EscalationReason.REPEAT, id="repeat"),
            pytest.param(WarningKind, "超过时限", WarningKind.PAST_LIMIT, id="past-limit"),
        ],
    )
    def test_words(self, kind: Any, word: str, member: Any) -> None:
        """Each word names its member; the value written back is English."""
        assert kind(word) is member
        assert to_data(kind(word)) == member.value

    def test_complaint_from_chinese(self) -> None:
        """A complaint registered with Chinese words equals the English one."""
        assert complaint(channel="电话", level="不满") == complaint(
            channel="phone", level="dissatisfaction"
        )

    def test_refusal_is_a_propstd_error(self) -> None:
        """An unknown channel is caught by `except PropstdError`, with field and value."""
        with pytest.raises(PropstdError) as info:
            complaint(channel="传真")
        assert isinstance(info.value, InvalidValueError)
        assert (info.value.field, info.value.value) == ("channel", "传真")
        assert "'phone' (电话)" in str(info.value)


class TestErrorsCarryData:
    """Semantics §14.9: every propstd error of complaints carries `field` and `value`."""

    @pytest.mark.parametrize(
        ("make", "field", "value"),
        [
            pytest.param(
                lambda: complaint(departments=("a", "a")),
                "departments",
                ("a", "a"),
                id="departments",
            ),
            pytest.param(
                lambda: complaint(timeline=Timeline.start(MON + timedelta(hours=1))),
                "timeline",
                Timeline.start(MON + timedelta(hours=1)),
                id="timeline",
            ),
            pytest.param(lambda: policy(vip_role=""), "vip_role", "", id="vip-role"),
            pytest.param(
                lambda: policy(repeat_window=timedelta(0)),
                "repeat_window",
                timedelta(0),
                id="repeat-window",
            ),
            pytest.param(
                lambda: policy(department_limit=0), "department_limit", 0, id="department-limit"
            ),
            pytest.param(lambda: LADDER.index_of("x"), "role", "x", id="index-of"),
            pytest.param(lambda: EscalationLadder(()), "steps", (), id="no-steps"),
            pytest.param(
                lambda: EscalationLadder.of(("2 hours", "a"), ("1 hour", "b")),
                "steps[1].after",
                TimeLimit.hours(1),
                id="steps-order",
            ),
            pytest.param(
                lambda: EscalationLadder.of(("1 hour", "a"), ("2 hours", "a")),
                "steps[1].role",
                "a",
                id="steps-role",
            ),
            pytest.param(
                lambda: status(complaint(), MON - timedelta(minutes=1)),
                "as_of",
                MON - timedelta(minutes=1),
                id="as-of",
            ),
            pytest.param(
                lambda: early_warnings(
                    [], policy=POLICY, calendar=OFFICE, as_of=MON, near=Fraction(2)
                ),
                "near",
                Fraction(2),
                id="near",
            ),
            pytest.param(
                lambda: early_warnings(
                    [], policy=POLICY, calendar=OFFICE, as_of=MON, near=Fraction(1), factor=loose(2)
                ),
                "trailing_weeks",
                None,
                id="factor-alone",
            ),
            pytest.param(
                lambda: early_warnings(
                    [], policy=POLICY, calendar=OFFICE, as_of=MON, near=Fraction(1), weekly_limit=-1
                ),
                "weekly_limit",
                -1,
                id="weekly-limit",
            ),
        ],
    )
    def test_fields(self, make: Any, field: str, value: object) -> None:
        """The error names the field at fault and holds the offending value."""
        with pytest.raises(PropstdError) as info:
            make()
        assert (info.value.field, info.value.value) == (field, value)


# 2025-03-31T23:30Z is 07:30 on 1 April in Shanghai: April by the calendar's zone, March in UTC.
LATE_MARCH_UTC = datetime(2025, 3, 31, 23, 30, tzinfo=UTC)


class TestLocalDates:
    """Semantics §14.5: an instant is placed in a date, a week or a month in the calendar's
    zone, never in its own offset or in UTC."""

    def test_metrics_count_the_local_month(self) -> None:
        """A complaint received at 2025-03-31T23:30Z belongs to April in Shanghai."""
        late = complaint(received_at=LATE_MARCH_UTC)
        as_of = LATE_MARCH_UTC + timedelta(hours=1)
        march, april = (
            complaint_metrics(
                [late], period=Period.parse(p), policy=POLICY, calendar=OFFICE, as_of=as_of
            )
            for p in ("2025-03", "2025-04")
        )
        assert (march.total, april.total) == (0, 1)
        assert april.as_of.isoformat() == "2025-04-01T08:30:00+08:00"

    def test_stocktake_is_dated_in_the_calendars_zone(self) -> None:
        """A stock-take taken at 2025-03-31T23:30Z is the stock-take of 1 April, 07:30."""
        take = daily_stocktake([complaint()], policy=POLICY, calendar=OFFICE, as_of=LATE_MARCH_UTC)
        assert take.day == date(2025, 4, 1)
        assert take.to_text().startswith("Stock-take 2025-04-01 07:30: 1 open")

    def test_status_is_shown_in_the_calendars_zone(self) -> None:
        """An escalation status asked in UTC shows the calendar's wall clock."""
        s = status(complaint(), LATE_MARCH_UTC)
        assert s.to_text().startswith("Complaint TS-1 as of 2025-04-01 07:30")
        assert s.as_of == LATE_MARCH_UTC

    def test_weeks_of_early_warnings(self) -> None:
        """Sunday 2025-03-30T23:30Z is Monday of week 14 in Shanghai."""
        items = [
            complaint(id=f"W{i}", received_at=LATE_MARCH_UTC - timedelta(days=1)) for i in range(3)
        ]
        w = early_warnings(
            items,
            policy=POLICY,
            calendar=OFFICE,
            as_of=LATE_MARCH_UTC,
            near=Fraction(1),
            weekly_limit=2,
        )
        assert [str(x.week) for x in w if x.kind is WarningKind.WEEKLY_LIMIT] == ["2025-W14"]


class TestOverdue:
    """ "Is this complaint overdue?": one method, the stock-take's meaning."""

    def test_is_overdue(self) -> None:
        """Overdue once a limit passes with its event not done; not before receipt."""
        c = complaint(received_at=at("2025-03-03 16:00"))
        assert not c.is_overdue(POLICY, calendar=OFFICE, as_of=at("2025-03-03 17:30"))
        assert c.is_overdue(POLICY, calendar=OFFICE, as_of=at("2025-03-03 17:31"))
        assert not c.is_overdue(POLICY, calendar=OFFICE, as_of=at("2025-03-03 15:00"))
        answered = attrs.evolve(c, timeline=c.timeline.responded(at("2025-03-03 17:00")))
        assert not answered.is_overdue(POLICY, calendar=OFFICE, as_of=at("2025-03-04 09:00"))
        s = status(c, at("2025-03-04 09:00"))
        assert s.is_overdue
        assert s.overdue == ("same-day reply",)

    def test_is_overdue_checks_its_arguments(self) -> None:
        """Wrong arguments raise, naming them."""
        with pytest.raises(TypeError, match="'policy'"):
            complaint().is_overdue(loose(LADDER), calendar=OFFICE, as_of=MON)
        with pytest.raises(NaiveDatetimeError, match="'as_of'"):
            complaint().is_overdue(POLICY, calendar=OFFICE, as_of=datetime(2025, 3, 3))


class TestDeprecated:
    """Old spellings keep working for one release, with a DeprecationWarning."""

    def test_is_open_at(self) -> None:
        """`is_open_at(as_of)` is `is_open(as_of)`."""
        with pytest.deprecated_call(match=r"is_open\(as_of\)"):
            assert complaint().is_open_at(MON)

    def test_is_open_as_a_property(self) -> None:
        """Read as a bool, `is_open` answers after the last event, with a warning."""
        c = complaint()
        with pytest.deprecated_call(match=r"call complaint.is_open\(as_of\)"):
            assert c.is_open
        closed = attrs.evolve(c, timeline=c.timeline.closed(MON + timedelta(hours=1)))
        with pytest.deprecated_call():
            assert not closed.is_open
        assert "call it with as_of" in repr(c.is_open)


class TestEdgesOfTime:
    """Semantics §14.10: named errors, never OverflowError, near the years 1 and 9999."""

    def test_received_outside_the_years(self) -> None:
        """A complaint received in the year 1 (east of UTC) names `received_at`."""
        t = datetime(1, 1, 1, 3, tzinfo=TZ)
        with pytest.raises(InvalidValueError, match="'received_at'") as info:
            complaint(received_at=t)
        assert info.value.field == "received_at"

    def test_as_of_outside_the_years(self) -> None:
        """An *as_of* in 9999 west of UTC names `as_of`."""
        edge = datetime(9999, 12, 31, 20, tzinfo=ZoneInfo("America/New_York"))
        with pytest.raises(InvalidValueError) as info:
            status(complaint(), edge)
        assert (info.value.field, info.value.value) == ("as_of", edge)

    def test_huge_ladder_thresholds_compare(self) -> None:
        """Thresholds beyond what a timedelta holds still order (no OverflowError)."""
        ladder = EscalationLadder.of(("1 hour", "a"), (TimeLimit.calendar_days(10**9), "b"))
        assert len(ladder) == 2


# -- partial policies -----------------------------------------------------------------------


SEED = ComplaintPolicy(
    response=Milestone("responded", TimeLimit.parse("24小时"), name="response"),
    reply=Milestone("responded", TimeLimit.parse("当日"), name="same-day reply"),
    vip_role="项目经理",
    major_role="公司领导",
)
"""What the seed documents fix: a 24-hour response, a same-day reply, a manager following
VIP complaints, top leadership told of a major one; no ladder, cadence, window or limit."""

# A VIP, major complaint handled by three departments, repeating one of 20 Feb, responded at
# 10:30 and open; judged on Tuesday 12:00, 26 hours after receipt (past 2 working hours and
# past 24 hours: the ladder's first two steps).
EARLIER = complaint(id="TS-0", received_at=at("2025-02-20 09:00"))
HEAVY = complaint(
    vip=True,
    major=True,
    departments=("客服部", "工程部", "秩序部"),
    timeline=Timeline.start(MON).responded(at("2025-03-03 10:30")),
)
TUESDAY_NOON = at("2025-03-04 12:00")


class TestPartialPolicy:
    """A ComplaintPolicy holds only the rules its standard fixes; the rest is not judged."""

    def test_nothing_set_is_refused(self) -> None:
        """A policy with no rule at all says nothing and is refused, with no field named."""
        with pytest.raises(InvalidValueError, match="must set at least one rule") as info:
            ComplaintPolicy()
        assert (info.value.field, info.value.value) == (None, None)
        assert "leave the policy out instead" in str(info.value)

    @pytest.mark.parametrize(
        "rule",
        [
            pytest.param(("ladder", LADDER), id="ladder"),
            pytest.param(("contact_every", TimeLimit.parse("2 working days")), id="contact"),
            pytest.param(("vip_role", "项目经理"), id="vip-role"),
            pytest.param(("major_role", "总经理"), id="major-role"),
            pytest.param(("repeat_window", timedelta(days=30)), id="repeat-window"),
            pytest.param(("department_limit", 2), id="department-limit"),
        ],
    )
    def test_any_one_rule_is_a_policy(self, rule: tuple[str, Any]) -> None:
        """Any single rule makes a policy; every other rule reads as unset."""
        name, value = rule
        p = ComplaintPolicy(**{name: value})
        assert getattr(p, name) == value
        assert name not in p.unset
        assert len(p.unset) == 9

    def test_seed_policy(self) -> None:
        """The seed's policy: its unset rules, its two milestones, no VIP step."""
        assert SEED.unset == (
            "ladder",
            "contact_every",
            "resolution",
            "revisit",
            "repeat_window",
            "department_limit",
        )
        assert [m.label for m in SEED.milestones] == ["response", "same-day reply"]
        assert SEED.vip_step is None
        assert POLICY.unset == ()
        assert POLICY.vip_step == 1
        assert policy(vip_role="董事长").vip_step is None

    def test_vip_role_off_the_ladder_is_accepted(self) -> None:
        """A VIP role need not be a ladder role (it is then simply told); a blank one is not."""
        assert policy(vip_role="董事长").vip_role == "董事长"
        with pytest.raises(InvalidValueError, match="'vip_role' must not be empty"):
            policy(vip_role=" ")

    @pytest.mark.parametrize(
        ("changes", "level", "notify", "reasons"),
        [
            pytest.param(
                {},
                4,
                ("公司品质部", "总经理"),
                ("elapsed", "vip", "major", "repeat", "departments"),
                id="full",  # elapsed 2 steps, VIP floor at step 2, repeat +1, departments +1
            ),
            pytest.param(
                {"ladder": None},
                0,
                ("项目经理", "总经理"),  # no step: the VIP role is told instead
                ("vip", "major", "repeat", "departments"),
                id="no-ladder",
            ),
            pytest.param(
                {"repeat_window": None},
                3,
                ("区域总监", "总经理"),
                ("elapsed", "vip", "major", "departments"),
                id="no-repeat-window",
            ),
            pytest.param(
                {"department_limit": None},
                3,
                ("区域总监", "总经理"),
                ("elapsed", "vip", "major", "repeat"),
                id="no-department-limit",
            ),
            pytest.param(
                {"vip_role": None},
                4,  # elapsed reaches step 2 anyway; +2
                ("公司品质部", "总经理"),
                ("elapsed", "vip", "major", "repeat", "departments"),
                id="no-vip-role",
            ),
            pytest.param(
                {"vip_role": None, "repeat_window": None, "department_limit": None},
                2,  # time alone: past 24 hours
                ("项目经理", "总经理"),
                ("elapsed", "vip", "major"),
                id="time-alone",
            ),
            pytest.param(
                {"major_role": None},
                4,
                ("公司品质部",),
                ("elapsed", "vip", "major", "repeat", "departments"),
                id="no-major-role",
            ),
            pytest.param(
                {"vip_role": "董事长", "repeat_window": None},
                3,  # no floor: elapsed step 2, +1 for departments
                ("区域总监", "董事长", "总经理"),
                ("elapsed", "vip", "major", "departments"),
                id="vip-role-off-ladder",
            ),
            pytest.param(
                {"ladder": None, "vip_role": None, "major_role": None},
                0,
                (),
                ("vip", "major", "repeat", "departments"),
                id="nobody-named",
            ),
        ],
    )
    def test_escalation_table(
        self, changes: dict[str, Any], level: int, notify: tuple[str, ...], reasons: tuple[str, ...]
    ) -> None:
        """Each partial policy escalates the same complaint as worked out by hand."""
        s = escalation_status(
            HEAVY,
            policy=policy(**changes),
            calendar=OFFICE,
            as_of=TUESDAY_NOON,
            history=[EARLIER],
        )
        assert (s.level, s.notify, tuple(r.value for r in s.reasons)) == (level, notify, reasons)
        assert s.response == status(HEAVY, TUESDAY_NOON).response  # needs none of those rules

    def test_seed_policy_status(self) -> None:
        """With the seed's policy: no step, the VIP and major roles told, two milestones
        judged and every other check not judged, with its reason."""
        late = attrs.evolve(HEAVY, timeline=Timeline.start(MON))
        s = escalation_status(late, policy=SEED, calendar=OFFICE, as_of=TUESDAY_NOON)
        assert (s.level, s.step, s.next_escalation_at, s.next_step) == (0, None, None, None)
        assert s.notify == ("项目经理", "公司领导")
        assert [r.value for r in s.reasons] == ["vip", "major"]
        assert s.response is not None
        assert s.response.state is MilestoneState.BREACHED
        assert (s.contact, s.resolution, s.revisit) == (None, None, None)
        assert [m.milestone.label for m in s.milestones] == ["response", "same-day reply"]
        assert s.overdue == ("response", "same-day reply")
        assert s.not_judged == (
            "escalation by elapsed time: no escalation ladder in the policy",
            "progress contact: no progress-call cadence in the policy",
            "resolution: no resolution limit in the policy",
            "revisit: no revisit limit in the policy",
            "repeat check: no repeat window in the policy",
            "department check: no department limit in the policy",
        )
        assert [(r.milestone, r.limit, r.state.value) for r in s.rows()] == [
            ("response", "24 hours", "breached"),
            ("same-day reply", "same working day", "breached"),
            ("progress contact", "", "not_applicable"),
            ("resolution", "", "not_applicable"),
            ("revisit", "", "not_applicable"),
        ]
        text = s.to_text()
        assert "not judged — resolution: no resolution limit in the policy" in text
        assert "notify: 项目经理, 公司领导" in text
        assert s.next_deadline is None  # both judged milestones are already overdue

    def test_unset_roles_are_named_for_vip_and_major(self) -> None:
        """A VIP or major complaint under a policy naming nobody for it says so."""
        p = ComplaintPolicy(ladder=LADDER)
        s = escalation_status(HEAVY, policy=p, calendar=OFFICE, as_of=TUESDAY_NOON)
        assert (s.level, s.notify) == (2, ("项目经理",))
        assert "VIP follow-up: no VIP role in the policy" in s.not_judged
        assert "major-complaint report: no major-complaint role in the policy" in s.not_judged
        plain = escalation_status(complaint(), policy=p, calendar=OFFICE, as_of=TUESDAY_NOON)
        assert not any(line.startswith(("VIP", "major")) for line in plain.not_judged)
        assert status(HEAVY, TUESDAY_NOON).not_judged == ()

    def test_reopen_without_a_ladder(self) -> None:
        """A reopen is reported without a ladder, and climbs nothing."""
        timeline = (
            Timeline.start(MON).closed(at("2025-03-03 11:00")).reopened(at("2025-03-03 12:00"))
        )
        s = escalation_status(
            complaint(timeline=timeline), policy=SEED, calendar=OFFICE, as_of=TUESDAY_NOON
        )
        assert ([r.value for r in s.reasons], s.level, s.notify) == (["reopened"], 0, ())

    def test_closed_notifies_nobody(self) -> None:
        """Once closed, an off-ladder VIP role is no longer told."""
        closed = attrs.evolve(HEAVY, timeline=HEAVY.timeline.closed(at("2025-03-03 11:00")))
        s = escalation_status(closed, policy=SEED, calendar=OFFICE, as_of=TUESDAY_NOON)
        assert (s.is_open, s.notify) == (False, ())

    def test_is_overdue_only_by_rules_set(self) -> None:
        """Only a limit the policy sets can make a complaint overdue."""
        c = complaint()  # never answered
        only_resolution = ComplaintPolicy(
            resolution=Milestone("closed", TimeLimit.parse("72 hours"), name="resolution")
        )
        assert c.is_overdue(POLICY, calendar=OFFICE, as_of=TUESDAY_NOON)
        assert not c.is_overdue(only_resolution, calendar=OFFICE, as_of=TUESDAY_NOON)
        assert not c.is_overdue(
            ComplaintPolicy(ladder=LADDER), calendar=OFFICE, as_of=at("2025-04-01 09:00")
        )
        assert c.is_overdue(only_resolution, calendar=OFFICE, as_of=at("2025-03-06 10:01"))

    def test_metrics(self) -> None:
        """Without a limit an on-time rate is 0/0 with its reason; the rest is unchanged."""
        kw: dict[str, Any] = {
            "period": Period.parse("2025-03"),
            "calendar": OFFICE,
            "as_of": at("2025-03-11 17:10"),
        }
        full = complaint_metrics(register(), policy=POLICY, **kw)
        m = complaint_metrics(register(), policy=ComplaintPolicy(major_role="总经理"), **kw)
        for key in ("on_time_response", "on_time_reply", "on_time_resolution"):
            assert getattr(m, key) == Rate(0, 0)
        for key in ("total", "by_level", "by_channel", "vip", "major"):
            assert getattr(m, key) == getattr(full, key)
        for key in ("revisit_rate", "satisfaction", "reopen_rate"):
            assert getattr(m, key) == getattr(full, key)
        assert m.not_judged == (
            "on-time response: no response limit in the policy",
            "on-time reply: no reply limit in the policy",
            "on-time resolution: no resolution limit in the policy",
        )
        assert full.not_judged == ()
        rows = {f.key: f for f in m.rows()}
        assert rows["on_time_reply"].note == "no reply limit in the policy"
        assert rows["revisit_rate"].note == ""
        assert {f.key: f.note for f in full.rows()} == dict.fromkeys(rows, "")
        assert "not judged — on-time resolution: no resolution limit in the policy" in m.to_text()
        seed = complaint_metrics(register(), policy=SEED, **kw)
        assert (seed.on_time_response, seed.on_time_resolution) == (
            full.on_time_response,
            Rate(0, 0),
        )

    def test_warnings(self) -> None:
        """Only milestones the policy sets are warned about; weekly warnings need no rule."""
        kw: dict[str, Any] = {"calendar": OFFICE, "as_of": at("2025-03-11 17:10")}
        full = early_warnings(register(), policy=POLICY, near=Fraction(3, 4), weekly_limit=1, **kw)
        seed = early_warnings(register(), policy=SEED, near=Fraction(3, 4), weekly_limit=1, **kw)
        labels = {"response", "same-day reply"}
        assert seed == tuple(
            w for w in full if w.milestone in labels or w.kind is WarningKind.WEEKLY_LIMIT
        )
        none = early_warnings(
            register(), policy=ComplaintPolicy(vip_role="项目经理"), near=Fraction(1, 2), **kw
        )
        assert none == ()

    def test_stocktake(self) -> None:
        """The stock-take works with any policy: open complaints, the most urgent first."""
        take = daily_stocktake(
            register(), policy=SEED, calendar=OFFICE, as_of=at("2025-03-11 17:10")
        )
        assert [e.complaint.id for e in take.entries] == ["TS-4", "TS-3"]
        assert [r.step for r in take.rows()] == ["", ""]
        assert take.rows()[1].notify == "公司领导"  # TS-3 is major
        assert take.rows()[1].overdue == "response, same-day reply"


SCHEMA = jsonschema.Draft202012Validator(json_schema(ComplaintPolicy))


class TestPartialPolicyData:
    """Partial policies read and write as data; documents of 0.1 and 0.2 still read."""

    @pytest.mark.parametrize(
        "value",
        [
            pytest.param(SEED, id="seed"),
            pytest.param(ComplaintPolicy(ladder=LADDER, vip_role="董事长"), id="ladder-vip-off"),
            pytest.param(POLICY, id="full"),
        ],
    )
    def test_round_trip(self, value: ComplaintPolicy) -> None:
        """to_data → JSON → from_data gives the policy back, and the data fits the schema."""
        data = json.loads(json.dumps(to_data(value)))
        assert from_data(ComplaintPolicy, data) == value
        assert list(SCHEMA.iter_errors(data)) == []

    def test_missing_keys_read_as_unset(self) -> None:
        """A document naming only some rules reads the others as None."""
        data = {
            "response": to_data(SEED.response),
            "vip_role": "项目经理",
        }
        read = from_data(ComplaintPolicy, data)
        assert read == ComplaintPolicy(response=SEED.response, vip_role="项目经理")
        assert read.unset[0] == "ladder"

    def test_empty_document_is_refused(self) -> None:
        """A document with no rule is an InvalidDataError, like the constructor."""
        with pytest.raises(InvalidDataError, match="must set at least one rule"):
            from_data(ComplaintPolicy, {})
        with pytest.raises(InvalidDataError):
            from_data(ComplaintPolicy, dict.fromkeys(COMPLAINT_RULES))

    def test_schema_allows_null(self) -> None:
        """The schema requires no particular rule and allows null for each."""
        assert list(SCHEMA.iter_errors({"vip_role": "项目经理"})) == []
        nulls = dict.fromkeys(COMPLAINT_RULES) | {"major_role": "总经理"}
        assert list(SCHEMA.iter_errors(nulls)) == []
