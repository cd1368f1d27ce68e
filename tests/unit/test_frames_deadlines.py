"""Unit tests for propstd.frames.deadlines: the columns it adds, and every refusal named."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import pytest

from propstd import samples
from propstd.calendars import WorkingCalendar
from propstd.errors import CalendarCoverageError, InvalidValueError, NaiveDatetimeError
from propstd.repairs import RepairLimits
from propstd.timelimits import TimeLimit

pd = pytest.importorskip("pandas")
frames = pytest.importorskip("propstd.frames")

SH = ZoneInfo("Asia/Shanghai")
STANDARD = samples.standard()
AS_OF = datetime(2025, 3, 5, 12, tzinfo=SH)


def aware(*stamps: str | None, zone: str = "Asia/Shanghai") -> Any:
    """A tz-aware column of local wall-clock stamps (None: NaT)."""
    return pd.Series(pd.to_datetime(list(stamps))).dt.tz_localize(zone).dt.as_unit("us")


def orders(**columns: Any) -> Any:
    """Two repair orders received on Monday 3 March 2025, with *columns* added or replaced."""
    base = {
        "category": ["emergency", "一般维修"],
        "received_at": aware("2025-03-03 09:00", "2025-03-03 10:00"),
    }
    return pd.DataFrame({**base, **columns})


def only(**parts: Any) -> Any:
    """The sample standard with *parts* replaced (None: the part is not set, and the
    provenance of what is gone dropped)."""
    kept = {
        path: source
        for path, source in STANDARD.provenance.items()
        if path.split(".")[0] not in parts and path != "calendars.service"
    }
    return attrs.evolve(STANDARD, provenance=kept, **parts)


class TestColumns:
    """The due and state columns."""

    def test_repairs_get_arrival_and_completion_in_the_calendar_zone(self) -> None:
        """Each milestone gets `<name>_due` in the calendar's zone and a categorical state."""
        df = orders(
            arrived_at=aware("2025-03-03 09:10", None, zone="UTC"),
            completed_at=aware(None, "2025-03-04 09:00"),
        )
        out = frames.deadlines(STANDARD, df, as_of=AS_OF)
        assert list(out.columns[-4:]) == [
            "arrival_due",
            "arrival_state",
            "completion_due",
            "completion_state",
        ]
        assert str(out["arrival_due"].dt.tz) == "Asia/Shanghai"
        assert out["arrival_due"].tolist() == [
            pd.Timestamp("2025-03-03 09:15", tz=SH),
            pd.Timestamp("2025-03-03 10:30", tz=SH),
        ]
        assert out["arrival_state"].tolist() == ["breached", "overdue"]
        assert out["completion_state"].tolist() == ["overdue", "met"]
        assert list(out["arrival_state"].cat.categories) == list(frames._deadlines.STATES)
        assert "arrival_due" not in df.columns  # a copy

    def test_without_as_of_only_done_rows_are_judged(self) -> None:
        """No `as_of`: a row not done has no state (NaN), never a guess."""
        df = orders(arrived_at=aware("2025-03-03 09:10", None))
        out = frames.deadlines(STANDARD, df)
        assert out["arrival_state"].tolist()[0] == "met"
        assert pd.isna(out["arrival_state"].tolist()[1])

    def test_a_missing_start_gives_nat_and_not_applicable(self) -> None:
        """A row without its start gets NaT and `not_applicable`, as does a start after as_of."""
        df = orders(received_at=aware(None, "2025-03-06 10:00"))
        out = frames.deadlines(STANDARD, df, as_of=AS_OF)
        assert pd.isna(out["arrival_due"].iloc[0])
        assert out["arrival_state"].tolist() == ["not_applicable", "not_applicable"]

    def test_a_category_without_a_limit_is_not_set(self) -> None:
        """A category the standard gives no limit gets NaT and `not_set`."""
        assert STANDARD.repairs is not None
        limits = RepairLimits(arrival=dict(STANDARD.repairs.arrival))
        out = frames.deadlines(only(repairs=limits), orders(), as_of=AS_OF)
        assert out["completion_state"].tolist() == ["not_set", "not_set"]
        assert out["completion_due"].isna().all()

    def test_a_scheduled_order_counts_from_its_appointment(self) -> None:
        """A scheduled order's start is its appointment when that is later."""
        df = orders(
            category=["scheduled", "scheduled"],
            appointment=aware("2025-03-04 14:00", "2025-03-03 08:00"),
        )
        out = frames.deadlines(STANDARD, df, as_of=AS_OF)
        assert out["arrival_due"].tolist() == [
            pd.Timestamp("2025-03-04 14:00", tz=SH),
            pd.Timestamp("2025-03-03 10:00", tz=SH),
        ]

    def test_complaints_count_the_revisit_from_closed_at(self) -> None:
        """Complaints: response, reply, resolution and the revisit, counted from closed_at
        (a frame without closed_at has started no revisit)."""
        df = pd.DataFrame({"received_at": aware("2025-03-03 09:10")})
        out = frames.deadlines(STANDARD, df, kind="complaints", as_of=AS_OF)
        assert out["response_due"].tolist() == [pd.Timestamp("2025-03-04 09:10", tz=SH)]
        assert out["reply_due"].tolist() == [pd.Timestamp("2025-03-03 17:30", tz=SH)]
        assert out["revisit_state"].tolist() == ["not_applicable"]
        closed = df.assign(closed_at=aware("2025-03-04 10:00"))
        out = frames.deadlines(STANDARD, closed, kind="complaints", as_of=AS_OF)
        assert out["revisit_due"].tolist() == [pd.Timestamp("2025-03-07 17:30", tz=SH)]
        assert out["resolution_state"].tolist() == ["met"]

    def test_findings_by_severity_from_found_at(self) -> None:
        """Findings: the rectification limit of each severity, counted from found_at."""
        df = pd.DataFrame(
            {
                "severity": ["严重", "minor"],
                "found_at": aware("2025-03-03 10:00", "2025-03-03 10:00"),
                "rectified_at": aware("2025-03-04 09:00", None),
            }
        )
        out = frames.deadlines(STANDARD, df, kind="findings", as_of=AS_OF)
        assert out["rectification_due"].tolist() == [
            pd.Timestamp("2025-03-04 10:00", tz=SH),
            pd.Timestamp("2025-03-12 17:30", tz=SH),
        ]
        assert out["rectification_state"].tolist() == ["met", "pending"]

    def test_other_column_names(self) -> None:
        """`start`, `category`, `severity` and `appointment` name other columns."""
        df = orders().rename(columns={"received_at": "reported", "category": "类别"})
        out = frames.deadlines(STANDARD, df, start="reported", category="类别")
        assert out["arrival_due"].notna().all()

    def test_naive_columns_with_zone(self) -> None:
        """Naive datetime64 columns are wall times in `zone`."""
        df = orders(received_at=pd.to_datetime(["2025-03-03 09:00", "2025-03-03 10:00"]))
        out = frames.deadlines(STANDARD, df, zone="Asia/Shanghai")
        assert out["arrival_due"].tolist()[0] == pd.Timestamp("2025-03-03 09:15", tz=SH)


def refused(exc: type[Exception], field: str, *args: Any, **kwargs: Any) -> Any:
    """The error `deadlines` raises, checked to carry `field`."""
    with pytest.raises(exc) as info:
        frames.deadlines(*args, **kwargs)
    assert getattr(info.value, "field", None) == field
    return info.value


class TestRefusals:
    """Bad input: a named error with `field=` and `value=`, never a guess."""

    def test_wrong_types(self) -> None:
        """A standard that is not a ServiceStandard, a df that is not a DataFrame: TypeError."""
        with pytest.raises(TypeError, match="ServiceStandard"):
            frames.deadlines("seed", orders())
        with pytest.raises(TypeError, match="'df' must be a pandas DataFrame, got list"):
            frames.deadlines(STANDARD, [])

    def test_unknown_kind(self) -> None:
        """An unknown kind lists the kinds."""
        err = refused(InvalidValueError, "kind", STANDARD, orders(), kind="budget")
        assert err.value == "budget"
        assert "'repairs', 'complaints', 'findings'" in str(err)

    def test_unknown_zone(self) -> None:
        """An unknown zone is refused."""
        refused(InvalidValueError, "zone", STANDARD, orders(), zone="Mars/Base")

    @pytest.mark.parametrize(
        ("kind", "part", "field"),
        [
            ("repairs", "repairs", "standard"),
            ("complaints", "complaints", "standard"),
            ("findings", "rectification", "standard"),
        ],
    )
    def test_a_standard_without_the_part(self, kind: str, part: str, field: str) -> None:
        """A standard that does not set the part asked for says which part is missing."""
        err = refused(InvalidValueError, field, only(**{part: None}), orders(), kind=kind)
        assert f"'{part}' is not set" in str(err)

    def test_a_missing_column(self) -> None:
        """A missing start or category column is named with the columns the frame has."""
        err = refused(
            InvalidValueError, "received_at", STANDARD, orders().drop(columns="received_at")
        )
        assert "needs the column 'received_at'" in str(err)
        assert err.value == ("category",)
        err = refused(InvalidValueError, "category", STANDARD, orders().drop(columns="category"))
        assert "(the repair category)" in str(err)
        refused(InvalidValueError, "severity", STANDARD, orders(), kind="findings")

    def test_naive_times_without_zone(self) -> None:
        """Naive times without `zone=`: NaiveDatetimeError naming the column, row and zone=."""
        df = orders(received_at=pd.to_datetime(["2025-03-03 09:00", "2025-03-03 10:00"]))
        err = refused(NaiveDatetimeError, "received_at", STANDARD, df)
        assert "'received_at' row 0" in str(err)
        assert "pass zone=" in str(err)
        refused(NaiveDatetimeError, "as_of", STANDARD, orders(), as_of=datetime(2025, 3, 5))

    def test_a_bad_category(self) -> None:
        """An unknown or missing category names the column and row."""
        err = refused(InvalidValueError, "category", STANDARD, orders(category=["urgent", None]))
        assert err.value == "urgent"
        assert "row 0" in str(err)
        refused(InvalidValueError, "category", STANDARD, orders(category=["emergency", None]))

    def test_a_scheduled_order_without_appointment(self) -> None:
        """A scheduled order needs the appointment column and a value in it."""
        df = orders(category=["ordinary", "scheduled"])
        err = refused(InvalidValueError, "appointment", STANDARD, df)
        assert "row 1 is scheduled" in str(err)
        with_column = df.assign(appointment=aware("2025-03-04 14:00", None))
        err = refused(InvalidValueError, "appointment", STANDARD, with_column)
        assert "row 1" in str(err)

    def test_starts_outside_the_years(self) -> None:
        """A start after 9998 is refused; so is a natural deadline after 9998-12-31."""
        far = pd.Series([pd.Timestamp("9999-06-01", tz="UTC")]).dt.as_unit("us")
        df = pd.DataFrame({"category": ["emergency"], "received_at": far})
        assert "years 0002-9998" in str(refused(InvalidValueError, "received_at", STANDARD, df))
        last = pd.Series([pd.Timestamp("9998-12-31 23:59", tz=SH)]).dt.as_unit("us")
        limits = RepairLimits(arrival={"emergency": TimeLimit.parse("30 minutes")})
        err = refused(
            InvalidValueError,
            "received_at",
            only(repairs=limits),
            df.assign(received_at=last),
        )
        assert "after 9998-12-31" in str(err)

    @pytest.mark.parametrize("limit", ["4 working hours", "3 working days", "0 working days"])
    def test_beyond_the_calendar_data(self, limit: str) -> None:
        """A working deadline outside the calendar's data names the start column and row."""
        limits = RepairLimits(arrival={"emergency": TimeLimit.parse(limit)})
        df = orders(
            category=["emergency", "emergency"],
            received_at=aware("2025-03-03 09:00", "2030-03-04 09:00"),
        )
        err = refused(CalendarCoverageError, "received_at", only(repairs=limits), df)
        assert str(err).startswith("'received_at' row 1: ")

    def test_natural_days_beyond_the_years(self) -> None:
        """A natural-day deadline after 9998-12-31 names the start column."""
        limits = RepairLimits(arrival={"emergency": TimeLimit.parse("3 days")})
        day = pd.Series([pd.Timestamp("9998-12-30 09:00", tz=SH)]).dt.as_unit("us")
        df = pd.DataFrame({"category": ["emergency"], "received_at": day})
        always = WorkingCalendar.weekly(hours="00:00-24:00", days="daily", zone="Asia/Shanghai")
        standard = only(repairs=limits, calendars={"office": always}, calendar_for={})
        refused(InvalidValueError, "received_at", standard, df)
