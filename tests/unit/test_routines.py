"""Unit tests for propstd.routines: calendar duties, triggered duties, bad input, output."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import attrs
import pytest

from propstd.calendars import WorkingCalendar, china_calendar
from propstd.errors import InvalidValueError, NaiveDatetimeError
from propstd.frequencies import Frequency, ShiftPolicy
from propstd.periods import Period
from propstd.rates import Rate
from propstd.routines import (
    DutyState,
    Routine,
    RoutineCompliance,
    RoutineEntry,
    RoutineWindow,
    Trigger,
    TriggeredCompliance,
    TriggeredDuty,
    TriggerOutcome,
    routine_compliance,
    triggered_compliance,
)
from propstd.serialization import from_data, json_schema, to_data
from propstd.timelimits import TimeLimit

CST = timezone(timedelta(hours=8))
OFFICE = china_calendar(hours="08:30-12:00,13:30-17:30")


def at(month: int, day: int, hour: int = 9, minute: int = 0, *, year: int = 2025) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=CST)


def entry(
    code: str, when: datetime, *, by: str = "李经理", proof: bool = True, **kw: Any
) -> RoutineEntry:
    return RoutineEntry(code, when, by, evidence=("minutes",) if proof else (), **kw)


TRAIN = Routine(
    "TRAIN", "专业培训 professional training", Frequency.parse("每年4次"), role="项目经理"
)
FORUM = Routine("FORUM", "业主座谈会 customer forum", Frequency.parse("每季度"))
RECEPTION = Routine("RECEPTION", "经理接待日 manager's reception day", Frequency.parse("每月"))
WEEKLY = Routine("WEEKLY", "周例会 weekly meeting", Frequency.parse("每周"))
MORNING = Routine(
    "MORNING", "晨会 morning meeting", Frequency.parse("每日"), evidence_required=False
)
MONTHLY = Routine(
    "MONTHLY", "月度会议 monthly meeting", Frequency.parse("monthly"), shift="backward"
)


class TestRecords:
    """Routine, TriggeredDuty, RoutineEntry, Trigger validate themselves."""

    def test_routine_schedule_is_calendar_aligned(self) -> None:
        """Without an anchor a routine's windows are calendar months."""
        windows = RECEPTION.schedule().windows(Period.parse("2025-03"))
        assert [str(w.period) for w in windows] == ["2025-03"]

    def test_routine_anchor_and_shift(self) -> None:
        """An anchor starts the windows; a shift needs and uses the calendar."""
        rota = Routine("ROTA", "轮值", Frequency.parse("biweekly"), anchor=date(2025, 1, 6))
        assert rota.schedule().window_at(date(2025, 1, 20)).start == date(2025, 1, 20)
        assert MONTHLY.schedule(OFFICE).window_at(date(2025, 5, 10)).due == date(2025, 5, 30)
        assert MONTHLY.shift is ShiftPolicy.BACKWARD

    @pytest.mark.parametrize(
        ("kwargs", "error", "match"),
        [
            pytest.param({"code": " "}, InvalidValueError, "'code' must not be empty", id="code"),
            pytest.param({"title": ""}, InvalidValueError, "'title'", id="title"),
            pytest.param({"frequency": "monthly"}, TypeError, "'frequency'", id="frequency"),
            pytest.param({"evidence_required": 1}, TypeError, "evidence_required", id="bool"),
            pytest.param({"anchor": datetime(2025, 1, 6)}, TypeError, "not a datetime", id="dt"),
            pytest.param({"anchor": date(1, 1, 1)}, InvalidValueError, "0002-9998", id="year1"),
            pytest.param({"shift": "sideways"}, InvalidValueError, "'shift'", id="shift"),
        ],
    )
    def test_routine_refusals(
        self, kwargs: dict[str, Any], error: type[Exception], match: str
    ) -> None:
        """Blank code or title, a frequency as text, a non-bool flag, a bad anchor or shift."""
        args: dict[str, Any] = {"code": "X", "title": "t", "frequency": Frequency.parse("daily")}
        args.update(kwargs)
        with pytest.raises(error, match=match):
            Routine(**args)

    def test_duty_refusals(self) -> None:
        """A triggered duty needs a trigger kind and a TimeLimit."""
        with pytest.raises(InvalidValueError, match="'trigger' must not be empty"):
            TriggeredDuty("W", "t", " ", TimeLimit.parse("1小时"))
        with pytest.raises(TypeError, match="'limit'"):
            TriggeredDuty("W", "t", "rain", "1小时")  # type: ignore[arg-type]

    def test_entry_and_trigger_refusals(self) -> None:
        """Naive instants, blank names and blank evidence are refused."""
        with pytest.raises(NaiveDatetimeError):
            RoutineEntry("X", datetime(2025, 3, 1, 9), "李")
        with pytest.raises(InvalidValueError, match="'by' must not be empty"):
            RoutineEntry("X", at(3, 1), "")
        with pytest.raises(InvalidValueError, match=r"'evidence\[1\]' must not be empty"):
            RoutineEntry("X", at(3, 1), "李", evidence=("a", " "))
        with pytest.raises(TypeError):
            RoutineEntry("X", at(3, 1), "李", evidence="photo")
        with pytest.raises(InvalidValueError, match="'kind' must not be empty"):
            Trigger("", at(3, 1))

    def test_reprs(self) -> None:
        """Each record has a short repr."""
        assert repr(TRAIN) == "Routine('TRAIN', '专业培训 professional training', 4 times per year)"
        assert repr(entry("CARE", at(5, 3), subject="3-1502")) == (
            "RoutineEntry('CARE', 2025-05-03 09:00+08:00, '李经理', evidence=1, subject='3-1502')"
        )
        assert repr(Trigger("move_in", at(5, 1), subject="3-1502")) == (
            "Trigger('move_in', 2025-05-01 09:00+08:00, subject='3-1502')"
        )

    def test_state_vocabulary(self) -> None:
        """The states read English and Chinese."""
        assert DutyState("超时") is DutyState.LATE
        assert DutyState("漏做") is DutyState.MISSED
        assert DutyState.PENDING.label_zh == "未到期"


class TestRoutineCompliance:
    """routine_compliance with the seeds' routines, every number by hand."""

    def test_four_trainings_a_year(self) -> None:
        """每年4次: one window (2025) needing 4; trainings in Mar, Jun, Sep, Dec → 4/4."""
        log = [entry("TRAIN", at(m, 14, 14)) for m in (3, 6, 9, 12)]
        row = routine_compliance(
            [TRAIN], log, period=Period.parse("2025"), calendar=OFFICE
        ).routine("TRAIN")
        assert (row.windows, row.required, row.done, row.on_time, row.missed) == (1, 4, 4, 4, 0)
        assert row.compliance == Rate(4, 4)

    def test_three_trainings_miss_one(self) -> None:
        """Three trainings (two of them in March) still leave one of four missed."""
        log = [entry("TRAIN", at(m, d)) for m, d in ((3, 3), (3, 20), (10, 9))]
        row = routine_compliance(
            [TRAIN], log, period=Period.parse("2025"), calendar=OFFICE
        ).routine("TRAIN")
        assert (row.required, row.done, row.missed) == (4, 3, 1)

    def test_forum_each_quarter(self) -> None:
        """每季度: forums on 20 Feb, 20 May, 20 Nov, 28 Nov → Q1, Q2, Q4 done, Q3 missed; the
        second November forum does not fill Q3: 3/4."""
        log = [entry("FORUM", at(m, d, 19)) for m, d in ((2, 20), (5, 20), (11, 20), (11, 28))]
        result = routine_compliance([FORUM], log, period=Period.parse("2025"), calendar=OFFICE)
        row = result.routine("FORUM")
        assert (row.windows, row.required, row.done, row.missed) == (4, 4, 3, 1)
        assert [w.entries for w in result.windows] == [1, 1, 0, 2]
        assert [w.done for w in result.windows] == [1, 1, 0, 1]
        assert [w.missed for w in result.windows] == [0, 0, 1, 0]

    def test_reception_day_monthly_in_a_quarter(self) -> None:
        """经理接待日 monthly in Q2: April and June held, May not → 2/3."""
        log = [entry("RECEPTION", at(4, 15)), entry("RECEPTION", at(6, 16))]
        row = routine_compliance(
            [RECEPTION], log, period=Period.parse("2025-Q2"), calendar=OFFICE
        ).routine("RECEPTION")
        assert (row.required, row.done, row.missed) == (3, 2, 1)

    def test_weekly_meeting_window_due_in_march_counts_february_entry(self) -> None:
        """周例会 in March 2025: ISO weeks due (Sunday) on 2, 9, 16, 23, 30 March → 5
        windows; the meeting of Monday 24 Feb counts for the week due 2 March; the week of
        31 March is due in April. Meetings: 24 Feb, 3, 10, 17 Mar (none the week of the
        24th), 31 Mar (April's week) → 4/5."""
        log = [entry("WEEKLY", at(m, d)) for m, d in ((2, 24), (3, 3), (3, 10), (3, 17), (3, 31))]
        result = routine_compliance([WEEKLY], log, period=Period.parse("2025-03"), calendar=OFFICE)
        row = result.routine("WEEKLY")
        assert [w.due.day for w in result.windows] == [2, 9, 16, 23, 30]
        assert (row.required, row.done, row.missed) == (5, 4, 1)

    def test_morning_meeting_without_evidence_requirement(self) -> None:
        """晨会 daily in March (31 days), held every day but the 8th and 9th, no evidence
        needed: 29/31."""
        log = [entry("MORNING", at(3, d, 8), proof=False) for d in range(1, 32) if d not in (8, 9)]
        row = routine_compliance(
            [MORNING], log, period=Period.parse("2025-03"), calendar=OFFICE
        ).routine("MORNING")
        assert (row.required, row.done, row.missed, row.unevidenced) == (31, 29, 2, 0)

    def test_entry_without_evidence_is_not_counted(self) -> None:
        """A training without a sign-in sheet is not counted: 2 done, 1 unevidenced."""
        log = [
            entry("TRAIN", at(3, 1)),
            entry("TRAIN", at(6, 1), proof=False),
            entry("TRAIN", at(9, 1)),
        ]
        row = routine_compliance(
            [TRAIN], log, period=Period.parse("2025"), calendar=OFFICE
        ).routine("TRAIN")
        assert (row.done, row.unevidenced, row.missed) == (2, 1, 2)

    def test_shifted_due_date_makes_late(self) -> None:
        """月度会议 shifted backward to the last working day: May is due Friday 30 May
        (31 May is a Saturday, and a Dragon Boat holiday); a meeting on the 31st is done but
        late. April (due Wednesday 30 April) is met on the 28th: done 2, on time 1, late 1."""
        log = [entry("MONTHLY", at(4, 28)), entry("MONTHLY", at(5, 31))]
        result = routine_compliance(
            [MONTHLY], log, period=Period(date(2025, 4, 1), date(2025, 6, 1)), calendar=OFFICE
        )
        row = result.routine("MONTHLY")
        assert [w.due for w in result.windows] == [date(2025, 4, 30), date(2025, 5, 30)]
        assert (row.required, row.done, row.on_time, row.late, row.missed) == (2, 2, 1, 1, 0)

    def test_shift_can_move_a_window_into_the_period(self) -> None:
        """January 2025 ends on the Spring Festival holidays: its monthly meeting is due on
        Monday 27 January, inside a period that stops on the 28th."""
        result = routine_compliance(
            [MONTHLY], [], period=Period(date(2025, 1, 20), date(2025, 1, 28)), calendar=OFFICE
        )
        assert [w.due for w in result.windows] == [date(2025, 1, 27)]

    def test_entry_dated_in_the_calendar_zone(self) -> None:
        """31 March 23:30 UTC is 1 April in Shanghai: April's reception, not March's."""
        late_utc = datetime(2025, 3, 31, 23, 30, tzinfo=UTC)
        log = [RoutineEntry("RECEPTION", late_utc, "李经理", evidence=("x",))]
        result = routine_compliance(
            [RECEPTION], log, period=Period.parse("2025-Q2"), calendar=OFFICE
        )
        assert [w.entries for w in result.windows] == [1, 0, 0]

    def test_extra_entries_capped(self) -> None:
        """Five receptions in one month count once; the other months stay missed."""
        log = [entry("RECEPTION", at(4, d)) for d in (1, 2, 3, 4, 7)]
        row = routine_compliance(
            [RECEPTION], log, period=Period.parse("2025-Q2"), calendar=OFFICE
        ).routine("RECEPTION")
        assert (row.done, row.missed) == (1, 2)

    def test_other_entries_counted_in_the_period_only(self) -> None:
        """Entries of unknown codes in the period are counted as other; outside, not."""
        log = [entry("DRILL", at(3, 5)), entry("DRILL", at(7, 5)), entry("RECEPTION", at(3, 5))]
        result = routine_compliance(
            [RECEPTION], log, period=Period.parse("2025-Q1"), calendar=OFFICE
        )
        assert result.other_entries == 1
        assert "其他 log entries of other duties not counted: 1" in result.to_text()

    def test_bad_input(self) -> None:
        """Repeated codes, wrong types and a period beyond the supported years are refused."""
        with pytest.raises(InvalidValueError, match="distinct codes") as e:
            routine_compliance([TRAIN, TRAIN], [], period=Period.parse("2025"), calendar=OFFICE)
        assert (e.value.field, e.value.value) == ("routines", ["TRAIN"])
        with pytest.raises(TypeError, match=r"'log\[0\]' must be RoutineEntry"):
            routine_compliance([TRAIN], ["x"], period=Period.parse("2025"), calendar=OFFICE)  # type: ignore[list-item]
        with pytest.raises(TypeError, match="'routines' must be an iterable"):
            routine_compliance(TRAIN, [], period=Period.parse("2025"), calendar=OFFICE)  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="'calendar'"):
            routine_compliance([TRAIN], [], period=Period.parse("2025"), calendar="office")  # type: ignore[arg-type]
        with pytest.raises(InvalidValueError, match="0002-9998"):
            routine_compliance(
                [TRAIN], [], period=Period(date(1, 6, 1), date(1, 7, 1)), calendar=OFFICE
            )
        with pytest.raises(TypeError, match="'period'"):
            routine_compliance([TRAIN], [], period="2025", calendar=OFFICE)  # type: ignore[arg-type]

    def test_unknown_routine_lookup(self) -> None:
        """Asking for a routine not judged names the ones judged."""
        result = routine_compliance([TRAIN], [], period=Period.parse("2025"), calendar=OFFICE)
        with pytest.raises(InvalidValueError, match=r"\(TRAIN\), got 'X'") as e:
            result.routine("X")
        assert e.value.field == "code"


class TestRoutineAddition:
    """Results add up across parts of the log and adjacent periods."""

    LOG = (
        entry("FORUM", at(2, 20)),
        entry("FORUM", at(2, 27)),
        entry("FORUM", at(8, 1)),
        entry("TRAIN", at(3, 1)),
        entry("TRAIN", at(11, 1)),
    )

    def whole(self, period: str = "2025") -> RoutineCompliance:
        return routine_compliance(
            [FORUM, TRAIN], self.LOG, period=Period.parse(period), calendar=OFFICE
        )

    def test_log_partitions(self) -> None:
        """Odd and even entries judged apart add up to the whole (the Q1 cap holds)."""
        kw: dict[str, Any] = {"period": Period.parse("2025"), "calendar": OFFICE}
        a = routine_compliance([FORUM, TRAIN], self.LOG[::2], **kw)
        b = routine_compliance([FORUM, TRAIN], self.LOG[1::2], **kw)
        assert a + b == self.whole()
        assert (a + b).routine("FORUM").done == 2

    def test_adjacent_periods(self) -> None:
        """The two halves of 2025 add up to the year; sum() does the same."""
        h1, h2 = self.whole("2025-H1"), self.whole("2025-H2")
        assert h1 + h2 == self.whole()
        assert RoutineCompliance.sum([h2, h1]) == self.whole()

    def test_refusals(self) -> None:
        """Gapped periods, a code naming two routines, no results, mismatched windows."""
        with pytest.raises(InvalidValueError, match="adjacent periods") as e:
            _ = self.whole("2025-Q1") + self.whole("2025-Q3")
        assert e.value.field == "period"
        other = routine_compliance(
            [Routine("FORUM", "other", Frequency.parse("每月"))],
            [],
            period=Period.parse("2025"),
            calendar=OFFICE,
        )
        with pytest.raises(InvalidValueError, match="'routines' differ for code 'FORUM'"):
            _ = self.whole() + other
        with pytest.raises(InvalidValueError, match="at least one"):
            RoutineCompliance.sum([])
        a = RoutineWindow(
            code="X",
            start=date(2025, 1, 1),
            end=date(2025, 2, 1),
            due=date(2025, 1, 31),
            required=1,
        )
        b = RoutineWindow(
            code="X",
            start=date(2025, 1, 1),
            end=date(2025, 2, 1),
            due=date(2025, 1, 30),
            required=1,
        )
        with pytest.raises(InvalidValueError, match="windows of X starting 2025-01-01 differ"):
            a._plus(b)
        assert self.whole().__add__(1) is NotImplemented

    def test_record_checks(self) -> None:
        """Windows and results validate their own consistency."""
        kw: dict[str, Any] = {
            "code": "X",
            "start": date(2025, 1, 1),
            "due": date(2025, 1, 1),
            "required": 1,
        }
        with pytest.raises(InvalidValueError, match="'end'"):
            RoutineWindow(end=date(2025, 1, 1), **kw)
        with pytest.raises(InvalidValueError, match="'on_time' 2 must not exceed"):
            RoutineWindow(end=date(2025, 1, 2), entries=1, on_time=2, **kw)
        w = RoutineWindow(end=date(2025, 1, 2), **kw)
        with pytest.raises(InvalidValueError, match="names no routine"):
            RoutineCompliance(period=Period.parse("2025"), routines=[TRAIN], windows=[w])
        x = Routine("X", "x", Frequency.parse("daily"))
        with pytest.raises(InvalidValueError, match="each window of a routine once"):
            RoutineCompliance(period=Period.parse("2025"), routines=[x], windows=[w, w])


class TestRoutineOutput:
    """Text, rows, repr and data."""

    def result(self) -> RoutineCompliance:
        log = [entry("TRAIN", at(m, 14)) for m in (3, 6, 9)] + [entry("FORUM", at(2, 20))]
        return routine_compliance([TRAIN, FORUM], log, period=Period.parse("2025"), calendar=OFFICE)

    def test_text(self) -> None:
        """The table shows each routine's figures and the total."""
        assert self.result().to_text() == (
            "例行工作 Routines 2025\n"
            "代码 Code  名称 Routine                    频次 Frequency    应做 Required  "
            "已做 Done  按时 On time  漏做 Missed  无记录 No evidence  完成率 Rate\n"
            "---------  ------------------------------  ----------------  -------------  "
            "---------  ------------  -----------  ------------------  -----------\n"
            "TRAIN      专业培训 professional training  4 times per year              4  "
            "        3             3            1                   0  75.0% (3/4)\n"
            "FORUM      业主座谈会 customer forum       quarterly                     4  "
            "        1             1            3                   0  25.0% (1/4)\n"
            "合计 total: 50.0% (4/8)"
        )

    def test_rows_repr_markdown(self) -> None:
        """rows() are typed; repr is one line; Markdown and HTML render."""
        r = self.result()
        assert r.rows()[0].compliance == Rate(3, 4)
        assert r.rows()[1].frequency == "quarterly"
        assert repr(r) == "<RoutineCompliance 2025: 2 routines, 50.0% (4/8)>"
        assert (
            repr(r.windows[0])
            == "RoutineWindow('FORUM', 2025-01-01/2025-04-01, due 2025-03-31, 1/1)"
        )
        assert "| TRAIN |" in r.to_markdown()
        assert 'class="missed"' in r.to_html()

    def test_round_trip(self) -> None:
        """Routines, entries and the result survive to_data → JSON → from_data."""
        result = self.result()
        for value in (MONTHLY, entry("TRAIN", at(3, 1), subject="T3"), result, *result.rows()):
            data = json.loads(json.dumps(to_data(value)))
            assert from_data(type(value), data) == value
        json_schema(RoutineCompliance)


# -- triggered duties ----------------------------------------------------------------------

WATER = TriggeredDuty("WATER", "积水清理 standing water cleared", "rain", TimeLimit.parse("1小时"))
VACANT = TriggeredDuty("VACANT", "逢雨必检 vacant units checked", "rain", TimeLimit.parse("次日"))
CARE = TriggeredDuty("CARE", "入住关怀 move-in care visit", "move_in", TimeLimit.parse("7天"))
MAY = Period.parse("2025-05")


def judge(triggers: list[Trigger], log: list[RoutineEntry], **kw: Any) -> TriggeredCompliance:
    return triggered_compliance(
        [WATER, VACANT, CARE], triggers, log, period=MAY, calendar=OFFICE, **kw
    )


class TestTriggeredCompliance:
    """triggered_compliance, every deadline and overrun by hand."""

    def test_rain_natural_and_working_clocks(self) -> None:
        """Rain stops Mon 12 May 15:00. Water (1 hour, natural) is due 16:00: cleared 16:20,
        20 minutes late. Vacant units (次日 = 1 working day) are due Tue 13 May 17:30:
        checked Wed 14 May 09:00, late by the working time between: 08:30-09:00 = 30 min."""
        rain = Trigger("rain", at(5, 12, 15))
        log = [
            entry("WATER", at(5, 12, 16, 20), by="保洁班"),
            entry("VACANT", at(5, 14, 9), by="工程部"),
        ]
        result = judge([rain], log)
        water, vacant = (
            next(o for o in result.outcomes if o.code == c) for c in ("WATER", "VACANT")
        )
        assert (water.due_at, water.state, water.overrun) == (
            at(5, 12, 16),
            DutyState.LATE,
            timedelta(minutes=20),
        )
        assert (vacant.due_at, vacant.state) == (at(5, 13, 17, 30), DutyState.LATE)
        assert vacant.overrun == timedelta(minutes=30)
        assert vacant.done_by == "工程部"

    def test_late_outside_working_time(self) -> None:
        """Vacant units due Tue 13 May 17:30 (次日) and checked at 19:00 the same evening:
        late, though no working time has passed; the overrun is the elapsed 1:30."""
        result = judge([Trigger("rain", at(5, 12, 15))], [entry("VACANT", at(5, 13, 19))])
        vacant = next(o for o in result.outcomes if o.code == "VACANT")
        assert (vacant.state, vacant.overrun) == (DutyState.LATE, timedelta(hours=1, minutes=30))

    def test_on_time_at_the_deadline_and_at_the_trigger(self) -> None:
        """Done exactly at the deadline is on time; an entry at the trigger instant counts."""
        rain = Trigger("rain", at(5, 12, 15))
        log = [entry("WATER", at(5, 12, 16)), entry("VACANT", at(5, 12, 15))]
        states = {o.code: o.state for o in judge([rain], log).outcomes}
        assert states == {"WATER": DutyState.ON_TIME, "VACANT": DutyState.ON_TIME}

    def test_first_entry_after_the_trigger_and_one_entry_for_two(self) -> None:
        """Showers stop at 10:00 and 10:40 on the 13th; water is cleared at 10:50: both
        triggers match that entry and both are on time (due 11:00 and 11:40). The 09:50
        entry, before them, answers neither (it follows the rain of the 12th, whose first
        entry after it is 16:00 on the 12th, exactly on time)."""
        triggers = [Trigger("rain", at(5, 13, 10)), Trigger("rain", at(5, 13, 10, 40))]
        log = [entry("WATER", at(5, 13, 9, 50)), entry("WATER", at(5, 13, 10, 50))]
        log.insert(0, entry("WATER", at(5, 12, 16)))  # explained by a rain on the 12th
        result = judge([Trigger("rain", at(5, 12, 15)), *triggers], log)
        water = [o for o in result.outcomes if o.code == "WATER"]
        assert [o.done_at for o in water] == [at(5, 12, 16), at(5, 13, 10, 50), at(5, 13, 10, 50)]
        assert [o.state for o in water] == [DutyState.ON_TIME] * 3

    def test_move_in_care_by_household(self) -> None:
        """Moving in on 1 May (household 3-1502): 7天 is due at the end of 8 May (24:00).
        A visit to another household does not count; the visit of 9 May 10:00 is 10 hours
        late. Household 5-0801 moved in on 20 May and was visited on the 27th: on time."""
        triggers = [
            Trigger("move_in", at(5, 1, 10), subject="3-1502"),
            Trigger("move_in", at(5, 20, 10), subject="5-0801"),
        ]
        log = [
            entry("CARE", at(5, 27, 15), subject="5-0801"),
            entry("CARE", at(5, 9, 10), subject="3-1502"),
        ]
        care = [o for o in judge(triggers, log).outcomes if o.code == "CARE"]
        first, second = care
        assert first.due_at == datetime(2025, 5, 9, 0, 0, tzinfo=CST)
        assert (first.state, first.overrun) == (DutyState.LATE, timedelta(hours=10))
        assert (second.subject, second.state) == ("5-0801", DutyState.ON_TIME)

    def test_missed_and_pending(self) -> None:
        """Rain stops 31 May 20:00; nothing logged. With the log final, both duties are
        missed; as of 31 May 20:30 water (due 21:00) and vacant units (due Tue 3 June
        17:30, after the Dragon Boat holidays) are pending; as of 31 May 21:30 water is
        missed, vacant units still pending."""
        rain = [Trigger("rain", at(5, 31, 20))]
        final = {o.code: o.state for o in judge(rain, []).outcomes}
        assert final == {"WATER": DutyState.MISSED, "VACANT": DutyState.MISSED}
        early = judge(rain, [], as_of=at(5, 31, 20, 30))
        assert {o.code: o.state for o in early.outcomes} == {
            "WATER": DutyState.PENDING,
            "VACANT": DutyState.PENDING,
        }
        assert next(o for o in early.outcomes if o.code == "VACANT").due_at == at(6, 3, 17, 30)
        later = judge(rain, [], as_of=at(5, 31, 21, 30))
        assert {o.code: o.state for o in later.outcomes}["WATER"] is DutyState.MISSED
        assert later.duty("VACANT").pending == 1
        assert later.duty("WATER").compliance == Rate(0, 1)

    def test_as_of_ignores_later_entries_and_triggers(self) -> None:
        """As of 12 May 15:30 the 16:20 clearing has not happened yet, and the rain of the
        20th has not fallen: one water trigger, pending."""
        triggers = [Trigger("rain", at(5, 12, 15)), Trigger("rain", at(5, 20, 8))]
        log = [entry("WATER", at(5, 12, 16, 20))]
        result = triggered_compliance(
            [WATER], triggers, log, period=MAY, calendar=OFFICE, as_of=at(5, 12, 15, 30)
        )
        assert [o.state for o in result.outcomes] == [DutyState.PENDING]

    def test_triggers_outside_the_period_are_not_judged(self) -> None:
        """A rain on 30 April explains a clearing on 1 May but is not judged in May."""
        triggers = [Trigger("rain", at(4, 30, 23, 30))]
        log = [entry("WATER", at(5, 1, 0, 10))]
        result = triggered_compliance([WATER], triggers, log, period=MAY, calendar=OFFICE)
        assert result.outcomes == ()
        assert result.compliance == Rate(0, 0)

    def test_entry_before_any_trigger_is_refused(self) -> None:
        """A clearing logged on 11 May with the first rain on the 12th names the entry."""
        bad = entry("WATER", at(5, 11, 9))
        with pytest.raises(InvalidValueError, match="comes before any 'rain' trigger") as e:
            judge([Trigger("rain", at(5, 12, 15))], [bad])
        assert (e.value.field, e.value.value) == ("log", bad)
        care = entry("CARE", at(5, 9, 10), subject="9-9999")
        with pytest.raises(InvalidValueError, match="for '9-9999'"):
            judge([Trigger("move_in", at(5, 1), subject="3-1502")], [care])

    def test_entries_outside_the_period_are_not_checked(self) -> None:
        """An April entry without its trigger is outside May's judgement: no error."""
        result = judge([], [entry("WATER", at(4, 2))])
        assert result.outcomes == ()

    def test_evidence_required(self) -> None:
        """A clearing without a photo is not counted: the trigger is missed, 1 unevidenced;
        a duty that needs no evidence counts it."""
        rain = [Trigger("rain", at(5, 12, 15))]
        log = [entry("WATER", at(5, 12, 15, 30), proof=False)]
        result = triggered_compliance([WATER], rain, log, period=MAY, calendar=OFFICE)
        assert ([o.state for o in result.outcomes], result.unevidenced) == ([DutyState.MISSED], 1)
        lax = TriggeredDuty(
            "WATER", "积水", "rain", TimeLimit.parse("1小时"), evidence_required=False
        )
        again = triggered_compliance([lax], rain, log, period=MAY, calendar=OFFICE)
        assert [o.state for o in again.outcomes] == [DutyState.ON_TIME]

    def test_other_entries(self) -> None:
        """Entries of other codes in the period are counted as other, not checked."""
        result = judge([], [entry("TRAIN", at(5, 5)), entry("TRAIN", at(6, 5))])
        assert result.other_entries == 1

    def test_bad_input(self) -> None:
        """Repeated codes, wrong types and a naive as_of are refused."""
        with pytest.raises(InvalidValueError, match="distinct codes"):
            triggered_compliance([WATER, WATER], [], [], period=MAY, calendar=OFFICE)
        with pytest.raises(TypeError, match=r"'triggers\[0\]' must be Trigger"):
            triggered_compliance([WATER], ["rain"], [], period=MAY, calendar=OFFICE)  # type: ignore[list-item]
        with pytest.raises(NaiveDatetimeError):
            triggered_compliance(
                [WATER], [], [], period=MAY, calendar=OFFICE, as_of=datetime(2025, 6, 1)
            )
        with pytest.raises(TypeError, match="'calendar'"):
            triggered_compliance([WATER], [], [], period=MAY, calendar=None)  # type: ignore[arg-type]

    def test_trigger_listed_twice(self) -> None:
        """The same event twice (even with another note) is refused, naming it."""
        rain = Trigger("rain", at(5, 12, 15))
        with pytest.raises(InvalidValueError, match="each event once") as e:
            judge([rain, Trigger("rain", at(5, 12, 15), note="again")], [])
        assert e.value.field == "triggers"

    def test_unknown_duty_lookup(self) -> None:
        """Asking for a duty not judged names the ones judged."""
        with pytest.raises(InvalidValueError, match=r"\(WATER, VACANT, CARE\), got 'X'"):
            judge([], []).duty("X")


class TestTriggeredAddition:
    """Results add up: the earlier entry wins, as in the whole log."""

    TRIGGERS = (Trigger("rain", at(5, 12, 15)), Trigger("rain", at(5, 20, 8)))
    LOG = (
        entry("WATER", at(5, 12, 16, 20)),
        entry("WATER", at(5, 12, 15, 40)),
        entry("VACANT", at(5, 13, 10)),
        entry("WATER", at(5, 20, 8, 30)),
    )

    def test_log_partitions(self) -> None:
        """Odd and even entries judged apart add up to the whole."""
        whole = judge(list(self.TRIGGERS), list(self.LOG))
        a = judge(list(self.TRIGGERS), list(self.LOG[::2]))
        b = judge(list(self.TRIGGERS), list(self.LOG[1::2]))
        assert a + b == whole
        assert b + a == whole

    def test_adjacent_periods(self) -> None:
        """Two halves of May add up to May."""
        kw: dict[str, Any] = {"calendar": OFFICE}
        first = triggered_compliance(
            [WATER, VACANT, CARE],
            self.TRIGGERS,
            self.LOG,
            period=Period(date(2025, 5, 1), date(2025, 5, 16)),
            **kw,
        )
        second = triggered_compliance(
            [WATER, VACANT, CARE],
            self.TRIGGERS,
            self.LOG,
            period=Period(date(2025, 5, 16), date(2025, 6, 1)),
            **kw,
        )
        assert first + second == judge(list(self.TRIGGERS), list(self.LOG))

    def test_refusals(self) -> None:
        """Different as_of, a code naming two duties, non-results."""
        a = judge(list(self.TRIGGERS), [], as_of=at(6, 1))
        with pytest.raises(InvalidValueError, match="one 'as_of'") as e:
            _ = a + judge(list(self.TRIGGERS), [])
        assert e.value.field == "as_of"
        other = triggered_compliance(
            [TriggeredDuty("WATER", "x", "rain", TimeLimit.parse("2小时"))],
            [],
            [],
            period=MAY,
            calendar=OFFICE,
        )
        with pytest.raises(InvalidValueError, match="'duties' differ for code 'WATER'"):
            _ = a + attrs.evolve(other, as_of=a.as_of)
        assert a.__add__(0) is NotImplemented

    def test_outcome_checks(self) -> None:
        """An outcome's state must fit its instants; results refuse stray outcomes."""
        kw: dict[str, Any] = {
            "code": "WATER",
            "subject": "",
            "triggered_at": at(5, 1),
            "due_at": at(5, 1, 10),
        }
        with pytest.raises(InvalidValueError, match="'state' late does not fit"):
            TriggerOutcome(state="late", done_at=at(5, 1, 11), **kw)
        with pytest.raises(InvalidValueError, match="'state' on_time does not fit"):
            TriggerOutcome(state="on_time", **kw)
        with pytest.raises(InvalidValueError, match="'overrun' must be positive"):
            TriggerOutcome(state="late", done_at=at(5, 1, 11), overrun=timedelta(0), **kw)
        ok = TriggerOutcome(state="missed", **kw)
        with pytest.raises(InvalidValueError, match="names no duty"):
            TriggeredCompliance(period=MAY, as_of=None, duties=[VACANT], outcomes=[ok])
        with pytest.raises(InvalidValueError, match="each outcome of a duty once"):
            TriggeredCompliance(period=MAY, as_of=None, duties=[WATER], outcomes=[ok, ok])


class TestTriggeredOutput:
    """Text, rows, repr and data."""

    def result(self) -> TriggeredCompliance:
        rain = [Trigger("rain", at(5, 12, 15))]
        log = [entry("WATER", at(5, 12, 16, 20)), entry("VACANT", at(5, 14, 9), proof=False)]
        log.append(entry("TRAIN", at(5, 2)))
        return judge(rain, log)

    def test_text(self) -> None:
        """The table lists each duty; notes list what was late or missed."""
        text = self.result().to_text()
        assert text.splitlines()[0] == "触发工作 Triggered duties 2025-05"
        assert (
            "WATER after 2025-05-12 15:00+08:00: 超时 late by 0:20:00, done 2025-05-12 16:20+08:00"
            in text
        )
        assert (
            "VACANT after 2025-05-12 15:00+08:00: 未完成 missed, due 2025-05-13 17:30+08:00" in text
        )
        assert "无记录 entries without required evidence: 1" in text
        assert "其他 log entries of other duties not counted: 1" in text
        as_of = judge([], [], as_of=at(6, 1)).to_text().splitlines()[0]
        assert as_of == "触发工作 Triggered duties 2025-05 as of 2025-06-01T09:00+08:00"

    def test_many_late_are_cut(self) -> None:
        """More than 20 late or missed triggers: the notes say how many more."""
        rains = [Trigger("rain", at(5, d, 12)) for d in range(1, 13)]
        notes = judge(rains, []).to_text()
        assert "... and 4 more late or missed" in notes

    def test_rows_repr(self) -> None:
        """rows() are typed; repr is one line."""
        r = self.result()
        row = r.duty("WATER")
        assert (row.triggers, row.late, row.limit, row.trigger) == (1, 1, "1 hour", "rain")
        assert repr(r) == "<TriggeredCompliance 2025-05: 2 triggers, 0.0% (0/2)>"
        assert repr(r.outcomes[0]) == "TriggerOutcome(VACANT at 2025-05-12 15:00+08:00: missed)"
        care = judge([Trigger("move_in", at(5, 1), subject="3-1502")], []).outcomes[0]
        assert repr(care) == "TriggerOutcome(CARE 3-1502 at 2025-05-01 09:00+08:00: missed)"
        assert "| WATER |" in r.to_markdown()

    def test_round_trip(self) -> None:
        """Duties, triggers and the result survive to_data → JSON → from_data."""
        for value in (
            VACANT,
            Trigger("rain", at(5, 1), note="暴雨"),
            self.result(),
            *self.result().rows(),
            *self.result().outcomes,
            judge([], [], as_of=at(6, 1)),
        ):
            data = json.loads(json.dumps(to_data(value)))
            assert from_data(type(value), data) == value
        json_schema(TriggeredCompliance)


def test_calendar_of_another_zone() -> None:
    """A natural-day limit ends at midnight of the calendar's zone (here UTC)."""
    utc = WorkingCalendar.weekly(zone="UTC")
    care = triggered_compliance(
        [CARE], [Trigger("move_in", at(5, 1, 10), subject="A")], [], period=MAY, calendar=utc
    )
    assert care.outcomes[0].due_at == datetime(2025, 5, 9, tzinfo=UTC)
