"""Unit tests for propstd.frames.dask: exact tallies of partitions, columns, rows, clusters."""

from __future__ import annotations

import pickle
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import pytest

from propstd.errors import InvalidValueError, NaiveDatetimeError
from propstd.inspections import CheckRecord, InspectionPlan, QpiTally
from propstd.inspections import qpi_tally as single
from propstd.periods import Period
from tests.strategies import check_frame

pd = pytest.importorskip("pandas")
dask = pytest.importorskip("dask")
dd = pytest.importorskip("dask.dataframe")  # needs pyarrow, which the dask extra brings

from propstd._demo import qpi as demo  # noqa: E402
from propstd.calendars import WorkingCalendar  # noqa: E402
from propstd.frames import dask as fdask  # noqa: E402
from propstd.frames._checks import check_records  # noqa: E402
from propstd.frames.dask import GroupTally, group_qpi_tally, qpi_tally  # noqa: E402

PLAN = demo.plan()
CAL = demo.calendar()
RECORDS = demo.records()
FINDINGS = demo.findings()
MONTH = Period.parse("2025-03")
SH = ZoneInfo("Asia/Shanghai")
FRAME = check_frame(RECORDS)
SINGLE = single(PLAN, records=RECORDS, findings=FINDINGS, period=MONTH, calendar=CAL)


@pytest.fixture(autouse=True)
def synchronous() -> Iterator[None]:
    """Every test computes on the local synchronous scheduler (one thread, no pool)."""
    with dask.config.set(scheduler="synchronous"):
        yield


def tally(checks: Any, **kw: Any) -> QpiTally:
    args: dict[str, Any] = {"findings": FINDINGS, "period": MONTH, "calendar": CAL}
    args.update(kw)
    return qpi_tally(PLAN, checks, **args)


def one(rows: int = 1, **columns: Any) -> Any:
    """A check frame of *rows* checks of SEC-02 (daily, 1 sample) at 09:00 Shanghai on 3 March
    by Li, with *columns* changed."""
    data: dict[str, Any] = {
        "item_code": ["SEC-02"] * rows,
        "at": [datetime(2025, 3, 3, 9, tzinfo=SH)] * rows,
        "inspector": ["Li"] * rows,
    }
    data.update(columns)
    return pd.DataFrame(data)


def only(frame: Any, **kw: Any) -> QpiTally:
    """The tally of *frame* alone, without findings."""
    return tally(frame, findings=(), **kw)


class TestExact:
    """semantics §19: the tally of the partitions equals the single-process tally exactly."""

    @pytest.mark.parametrize("parts", [1, 2, 3, 7, 40])
    @pytest.mark.parametrize("split_every", [2, 8])
    def test_any_number_of_partitions(self, parts: int, split_every: int) -> None:
        """The demo month in 1 to 40 partitions, trees of fan-in 2 and 8: always the single
        tally, findings counted once."""
        checks = dd.from_pandas(FRAME, npartitions=parts)
        assert tally(checks, split_every=split_every) == SINGLE

    def test_a_pandas_frame_is_one_partition(self) -> None:
        """A pandas DataFrame is tallied as one partition."""
        assert tally(FRAME) == SINGLE

    def test_empty_partitions_and_no_records(self) -> None:
        """Empty partitions add nothing; a frame without rows gives the requirements and the
        findings alone."""
        empty = FRAME.iloc[:0]
        parts = [empty, FRAME.iloc[:100], empty, FRAME.iloc[100:], empty]
        checks = dd.from_delayed([dask.delayed(p) for p in parts], meta=empty)
        assert tally(checks) == SINGLE
        alone = tally(empty)
        assert alone == single(PLAN, records=(), findings=FINDINGS, period=MONTH, calendar=CAL)
        assert alone.records == 0

    def test_rows_in_any_order(self) -> None:
        """Shuffled rows give the same tally."""
        shuffled = FRAME.sample(frac=1, random_state=7)
        assert tally(dd.from_pandas(shuffled, npartitions=4, sort=False)) == SINGLE

    def test_records_before_the_period_count(self) -> None:
        """A biweekly window 24 Feb - 9 Mar is due in March and met by a check on 26 Feb
        (§14.2), in whichever partition it lies; a record after the month is ignored."""
        plan = InspectionPlan(
            [demo.plan().checklists[0]], anchor=datetime(2025, 2, 24).date(), name="B"
        )
        code = plan.checklists[0].items[0].code
        records = [
            CheckRecord(code, datetime(2025, 2, 26, 10, tzinfo=SH), "Li", evidence=["P"]),
            CheckRecord(code, datetime(2025, 4, 2, 10, tzinfo=SH), "Li", evidence=["P"]),
        ]
        frame = check_frame(records)
        got = qpi_tally(plan, dd.from_pandas(frame, npartitions=2), period=MONTH, calendar=CAL)
        assert got == single(plan, records=records, period=MONTH, calendar=CAL)
        assert got.ignored_records >= 1

    def test_proration_and_closure_basis_are_passed_on(self) -> None:
        """The options of `inspections.qpi_tally` give the same answer as there."""
        got = tally(
            dd.from_pandas(FRAME, npartitions=3),
            proration="due",
            closure_basis="raised_in_period",
        )
        want = single(
            PLAN,
            records=RECORDS,
            findings=FINDINGS,
            period=MONTH,
            calendar=CAL,
            proration="due",
            closure_basis="raised_in_period",
        )
        assert got == want


class TestColumns:
    """Columns are named as in the check table (English or Chinese) or mapped by columns=."""

    def test_chinese_headings(self) -> None:
        """The Chinese headings of the check table are read as the fields."""
        chinese = ["检查项目代码", "检查时间", "检查人", "抽样数", "证据", "轮次"]  # §16
        headings = dict(zip(FRAME.columns, chinese, strict=True))
        assert tally(FRAME.rename(columns=headings)) == SINGLE

    def test_columns_maps_other_names(self) -> None:
        """columns= maps other column names to the fields."""
        renamed = FRAME.rename(columns={"at": "检查日期", "inspector": "who"})
        assert tally(renamed, columns={"检查日期": "at", "who": "inspector"}) == SINGLE

    def test_optional_columns_default(self) -> None:
        """Without inspector, samples, evidence and round columns: no inspector, 1 sample,
        no evidence, no round (so nothing is traceable)."""
        got = only(FRAME[["item_code", "at"]])
        assert got.records == SINGLE.records
        assert got.traceable_records == 0

    def test_unknown_column(self) -> None:
        """An unknown column is refused before anything runs, naming it."""
        with pytest.raises(InvalidValueError, match="unknown columns 'note'") as info:
            only(one(note=["x"]))
        assert (info.value.field, info.value.value) == ("note", ("note",))

    def test_missing_required_column(self) -> None:
        """A frame without `at` is refused, naming the column."""
        with pytest.raises(InvalidValueError, match="needs the columns 'at'") as info:
            only(one().drop(columns="at"))
        assert info.value.field == "at"

    def test_a_field_given_twice(self) -> None:
        """Two columns for one field are refused."""
        with pytest.raises(InvalidValueError, match="gives 'at' twice") as info:
            only(one(检查时间=one()["at"]))
        assert info.value.field == "检查时间"

    @pytest.mark.parametrize(
        ("columns", "match"),
        [
            pytest.param({"at": "when"}, "maps 'at' to 'when'", id="unknown-field"),
            pytest.param({"when": "at"}, "names column 'when'", id="absent-column"),
        ],
    )
    def test_bad_columns_mapping(self, columns: dict[str, str], match: str) -> None:
        """columns= must map existing columns to known fields."""
        with pytest.raises(InvalidValueError, match=match) as info:
            only(one(), columns=columns)
        assert info.value.field == "columns"

    def test_columns_must_be_a_mapping(self) -> None:
        """columns= of the wrong type is a TypeError."""
        with pytest.raises(TypeError, match="'columns' must be a mapping"):
            only(one(), columns=["at"])

    def test_a_column_named_other_than_by_text(self) -> None:
        """A column whose name is not text is unknown."""
        with pytest.raises(InvalidValueError, match="unknown columns 0"):
            only(one().assign(x=1).rename(columns={"x": 0}))


class TestInstants:
    """`at`: aware instants, or naive wall times read in zone= with the calendars' DST rule."""

    def test_naive_times_need_a_zone(self) -> None:
        """Naive datetime64 without zone= is refused, naming the partition, row and column."""
        naive = FRAME.assign(at=FRAME["at"].dt.tz_convert(SH).dt.tz_localize(None))
        # whichever partition the scheduler reads first is refused
        with pytest.raises(
            NaiveDatetimeError, match=r"partition \d row 0( \(index \d+\))?: column 'at'"
        ):
            only(dd.from_pandas(naive, npartitions=2))
        assert tally(dd.from_pandas(naive, npartitions=2), zone="Asia/Shanghai") == SINGLE

    def test_dst_gap_and_overlap_follow_the_calendar_rule(self) -> None:
        """Berlin: 02:30 on 30 March 2025 does not exist (moves forward to 03:00 CEST);
        02:30 on 26 October is ambiguous (its first occurrence, CEST)."""
        walls = pd.to_datetime(["2025-03-30 02:30", "2025-10-26 02:30", "2025-03-29 12:00"])
        frame = pd.DataFrame({"item_code": "ENV-01", "at": walls})
        fields = {"item_code": "item_code", "at": "at"}
        records = check_records(frame, fields, tz=ZoneInfo("Europe/Berlin"), label="checks")
        assert [r.at for r in records] == [
            datetime(2025, 3, 30, 1, tzinfo=UTC),
            datetime(2025, 10, 26, 0, 30, tzinfo=UTC),
            datetime(2025, 3, 29, 11, tzinfo=UTC),
        ]

    def test_object_columns(self) -> None:
        """An object column of aware datetimes in several zones, and naive ones read in
        zone=; a naive one without zone= is refused; missing is refused."""
        mixed = [datetime(2025, 3, 3, 9, tzinfo=SH), datetime(2025, 3, 3, 1, tzinfo=UTC)]
        got = only(one(2, at=pd.Series(mixed, dtype=object)))
        assert got.records == 2
        naive = pd.Series([datetime(2025, 3, 3, 9), pd.NaT], dtype=object)
        frame = one(2, at=naive)
        with pytest.raises(NaiveDatetimeError, match="row 0: column 'at' holds a naive time"):
            only(frame)
        with pytest.raises(InvalidValueError, match="row 1: column 'at' is required"):
            only(frame, zone="Asia/Shanghai")

    @pytest.mark.parametrize(
        ("at", "error", "match"),
        [
            pytest.param(
                pd.Series(["2025-03-03 09:00"], dtype=object),
                InvalidValueError,
                "row 0 must be an aware datetime",
                id="text",
            ),
            pytest.param(
                pd.Series([1741000000], dtype="int64"),
                InvalidValueError,
                "must hold aware instants",
                id="numbers",
            ),
            pytest.param(
                pd.Series(pd.to_datetime(["9999-03-03 09:00"])).dt.tz_localize("UTC"),
                InvalidValueError,
                "must be within the years 0002-9998",
                id="year-9999",
            ),
            pytest.param(
                pd.Series(pd.to_datetime(["2025-03-03 09:00:00.000000001"])).dt.tz_localize("UTC"),
                InvalidValueError,
                "exact to the microsecond",
                id="nanoseconds",
            ),
            pytest.param(
                pd.Series([pd.NaT], dtype="datetime64[us, UTC]"),
                InvalidValueError,
                "row 0: column 'at' is required",
                id="missing",
            ),
        ],
    )
    def test_bad_instants(self, at: Any, error: type[Exception], match: str) -> None:
        """Text, numbers, years past 9998, nanoseconds and missing times are refused, naming
        the row and the column."""
        with pytest.raises(error, match=match) as info:
            only(one(at=at))
        assert getattr(info.value, "field", None) == "at"

    def test_naive_column_without_any_time(self) -> None:
        """A naive column of NaT only, without zone=, is refused at its first row."""
        frame = one(at=pd.Series([pd.NaT], dtype="datetime64[us]"))
        with pytest.raises(NaiveDatetimeError, match="row 0: column 'at' holds naive times"):
            only(frame)
        empty = one(at=pd.Series([pd.NaT], dtype="datetime64[us]")).iloc[:0]
        with pytest.raises(NaiveDatetimeError, match="got None"):
            only(empty)


class TestRows:
    """Bad rows name the partition, the row (and index label) and the column."""

    def test_missing_item_code(self) -> None:
        """A row without an item code is refused."""
        with pytest.raises(InvalidValueError, match="row 0: column 'item_code' is required"):
            only(one(item_code=[None]))

    def test_float_samples_are_refused(self) -> None:
        """Samples as floats are a TypeError naming the row; NaN means the default 1."""
        with pytest.raises(TypeError, match=r"checks row 0: 'samples' must be an int"):
            only(one(samples=[2.0]))
        assert only(one(samples=[float("nan")]), zone=None).records == 1

    def test_nullable_samples(self) -> None:
        """Nullable integer samples: a missing one is 1."""
        frame = one(2, evidence=["P", "P"], samples=pd.array([None, 3], dtype="Int64"))
        frame["item_code"] = ["SEC-02", "SEC-03"]  # 1 and 2 samples required
        assert only(frame).traceable_records == 2
        assert only(frame.assign(samples=pd.array([None, None], dtype="Int64"))).records == 2
        assert (
            only(frame.assign(samples=pd.array([None, None], dtype="Int64"))).traceable_records == 1
        )

    def test_bad_value_names_partition_index_and_column(self) -> None:
        """A blank evidence reference in a dask partition: the partition, the row, its index
        label and the column are named, with `field` the column and `value` the value."""
        frame = pd.concat([FRAME, one(samples=[1], evidence=[["P1", " "]])])
        frame = frame.reset_index(drop=True)
        frame["evidence"] = frame["evidence"].astype(object)
        with pytest.raises(InvalidValueError) as info:
            only(frame)
        assert str(info.value).startswith(f"checks row {len(FRAME)}: 'evidence[1]'")
        assert info.value.field == "evidence"
        assert info.value.value == " "

    def test_index_labels_are_shown(self) -> None:
        """With an index other than 0..n-1 the label of the row is shown too."""
        frame = one(item_code=[" "]).set_axis(["X-7"])
        with pytest.raises(InvalidValueError, match=r"checks row 0 \(index 'X-7'\): 'item_code'"):
            only(frame)

    def test_evidence_as_text_and_lists(self) -> None:
        """Evidence is text split at `;` (blank parts left out) or a list."""
        text = only(one(evidence=[" P1 ;; "]))
        listed = only(one(evidence=pd.Series([["P1"]], dtype=object)))
        assert text.traceable_records == listed.traceable_records == 1
        assert only(one(evidence=[" ; "])).traceable_records == 0

    @pytest.mark.parametrize("text", ["[]", "['P1']", "('P1',)", ' ["a", "b"] '])
    def test_text_of_a_python_list_is_refused(self, text: str) -> None:
        """Evidence that reads like a Python list (dask's text of a list) is refused."""
        with pytest.raises(InvalidValueError, match="text of a Python list") as info:
            only(one(evidence=[text]))
        assert info.value.field == "evidence"

    def test_dask_turns_lists_into_text_which_is_refused(self) -> None:
        """An object column of lists in a dask DataFrame arrives as text and is refused,
        instead of counting `[]` as evidence."""
        frame = one(evidence=pd.Series([[]], dtype=object))
        with pytest.raises(InvalidValueError, match="checks partition 0 row 0: 'evidence'"):
            only(dd.from_pandas(frame, npartitions=1))

    def test_unknown_item_code(self) -> None:
        """A check of an item the plan does not know is refused (from its partition)."""
        with pytest.raises(InvalidValueError, match="items the plan does not know: XX-9"):
            only(one(item_code=["XX-9"]))


class TestArguments:
    """The other arguments are checked in the client, before anything runs."""

    def test_not_a_frame(self) -> None:
        """Something that is not a DataFrame is a TypeError naming its type."""
        with pytest.raises(TypeError, match="got list"):
            only([RECORDS[0]])
        with pytest.raises(TypeError, match="got Series"):
            only(dd.from_pandas(FRAME, npartitions=1)["at"])

    @pytest.mark.parametrize(
        ("split_every", "error"),
        [(1, InvalidValueError), (True, TypeError), (2.0, TypeError)],
    )
    def test_split_every(self, split_every: Any, error: type[Exception]) -> None:
        """The fan-in is an int of at least 2."""
        with pytest.raises(error, match="split_every"):
            only(FRAME, split_every=split_every)

    def test_period_is_checked_first(self) -> None:
        """A period of part of a month (seed proration) is refused before any partition."""
        with pytest.raises(InvalidValueError, match="whole months"):
            only(FRAME, period=Period.parse("2025-03-01/2025-03-15"))

    def test_zone_must_be_known(self) -> None:
        """zone= must be an IANA key."""
        with pytest.raises(InvalidValueError, match="IANA zone"):
            only(FRAME, zone="Mars/Base")


# -- groups -------------------------------------------------------------------------------------

PLANS = {"A": attrs.evolve(PLAN, name="A"), "B": attrs.evolve(PLAN, name="B")}
HALF = len(RECORDS) // 2
GROUP = pd.concat(
    [
        check_frame(RECORDS, property=["A"] * len(RECORDS)),
        check_frame(RECORDS[:HALF], property=["B"] * HALF),
    ],
    ignore_index=True,
)


class TestGroup:
    """group_qpi_tally: one tally per property (each its own plan) and the group's sum."""

    @pytest.mark.parametrize("parts", [1, 3, 9])
    def test_each_property_as_if_alone(self, parts: int) -> None:
        """Each property's tally is its single-process tally; the total is their sum; a
        property without records has its requirements and findings."""
        plans = {**PLANS, "C": attrs.evolve(PLAN, name="C")}
        got = group_qpi_tally(
            plans,
            dd.from_pandas(GROUP, npartitions=parts),
            findings={"A": FINDINGS, "C": FINDINGS},
            period=MONTH,
            calendar=CAL,
            split_every=2,
        )
        assert got.names == ("A", "B", "C")
        assert got.tally("A") == single(
            plans["A"], records=RECORDS, findings=FINDINGS, period=MONTH, calendar=CAL
        )
        assert got.tally("B") == single(
            plans["B"], records=RECORDS[:HALF], period=MONTH, calendar=CAL
        )
        assert got.tally("C") == single(
            plans["C"], records=(), findings=FINDINGS, period=MONTH, calendar=CAL
        )
        assert got.total == QpiTally.sum(got.tallies)
        assert len(got) == 3
        assert repr(got) == f"GroupTally(3 properties, {got.total.records:,} records)"

    def test_calendars_per_property(self) -> None:
        """A calendar per property: each property's records are dated in its own zone."""
        utc = WorkingCalendar.weekly(zone="UTC", days="daily")
        got = group_qpi_tally(PLANS, GROUP, period=MONTH, calendar={"A": CAL, "B": utc})
        assert got.tally("B") == single(
            PLANS["B"], records=RECORDS[:HALF], period=MONTH, calendar=utc
        )

    def test_unknown_property_in_a_row(self) -> None:
        """A row naming a property without a plan is refused, naming the row and column."""
        frame = GROUP.assign(property=["A"] * (len(GROUP) - 1) + ["Z"])
        with pytest.raises(InvalidValueError, match="must name a property with a plan") as info:
            group_qpi_tally(PLANS, frame, period=MONTH, calendar=CAL)
        assert (info.value.field, info.value.value) == ("property", "Z")
        many = {f"P{i}": attrs.evolve(PLAN, name=f"P{i}") for i in range(7)}
        with pytest.raises(InvalidValueError, match=r"'P0', .* and 2 more"):
            group_qpi_tally(many, frame.assign(property="Z"), period=MONTH, calendar=CAL)

    def test_missing_property(self) -> None:
        """A row without a property is refused."""
        frame = GROUP.assign(property=[None] * len(GROUP))
        with pytest.raises(InvalidValueError, match="row 0: column 'property'"):
            group_qpi_tally(PLANS, frame, period=MONTH, calendar=CAL)

    def test_by_column_must_exist(self) -> None:
        """The property column must be in the frame."""
        with pytest.raises(InvalidValueError, match="needs the columns 'site'"):
            group_qpi_tally(
                PLANS, GROUP.drop(columns="property"), by="site", period=MONTH, calendar=CAL
            )

    def test_plans_of_one_identity_are_refused(self) -> None:
        """Two properties with the same plan (same name and content) are refused: their
        tallies would merge as one property."""
        with pytest.raises(InvalidValueError, match="same identity") as info:
            group_qpi_tally({"A": PLAN, "B": PLAN}, GROUP, period=MONTH, calendar=CAL)
        assert info.value.field == "plans"

    @pytest.mark.parametrize(
        ("kw", "error", "match"),
        [
            pytest.param({"plans": {}}, InvalidValueError, "at least one property", id="none"),
            pytest.param({"plans": [PLAN]}, TypeError, "'plans' must be a mapping", id="list"),
            pytest.param({"plans": {"A": 1}}, TypeError, "plans\\['A'\\]", id="not-a-plan"),
            pytest.param({"plans": {" ": PLAN}}, InvalidValueError, "plans key", id="blank-name"),
            pytest.param(
                {"findings": {"Z": ()}}, InvalidValueError, "without a plan: 'Z'", id="findings"
            ),
            pytest.param({"findings": [()]}, TypeError, "'findings' must be", id="findings-list"),
            pytest.param(
                {"calendar": {"A": CAL}}, InvalidValueError, "no calendar for 'B'", id="missing"
            ),
            pytest.param(
                {"calendar": {"A": CAL, "B": CAL, "Z": CAL}},
                InvalidValueError,
                "without a plan: 'Z'",
                id="calendar-unknown",
            ),
            pytest.param(
                {"calendar": {"A": CAL, "B": "office"}}, TypeError, "calendar\\['B'\\]", id="type"
            ),
            pytest.param({"calendar": "office"}, TypeError, "'calendar' must be", id="str"),
        ],
    )
    def test_bad_arguments(self, kw: dict[str, Any], error: type[Exception], match: str) -> None:
        """Plans, findings and calendars are checked in the client."""
        args: dict[str, Any] = {"period": MONTH, "calendar": CAL}
        plans = kw.pop("plans", PLANS)
        args.update(kw)
        with pytest.raises(error, match=match):
            group_qpi_tally(plans, GROUP, **args)


class TestGroupTally:
    """GroupTally: names, tallies, the total, lookups."""

    def test_lookup_of_an_unknown_property(self) -> None:
        """Asking for a property the group lacks is an InvalidValueError."""
        group = GroupTally(names=("A",), tallies=(QpiTally(),))
        with pytest.raises(InvalidValueError, match="no property 'B'") as info:
            group.tally("B")
        assert info.value.field == "name"

    @pytest.mark.parametrize(
        ("names", "tallies", "error", "match"),
        [
            (("A", "A"), (QpiTally(), QpiTally()), InvalidValueError, "unique"),
            (("A",), (), InvalidValueError, "one tally per name"),
            ((1,), (QpiTally(),), TypeError, r"names\[0\]"),
            (("A",), ("t",), TypeError, r"tallies\[0\]"),
        ],
    )
    def test_invalid(self, names: Any, tallies: Any, error: type[Exception], match: str) -> None:
        """Names must be unique text, one tally each."""
        with pytest.raises(error, match=match):
            GroupTally(names=names, tallies=tallies)


# -- a real cluster: processes, pickled tasks, tallies and errors ------------------------------


@pytest.mark.slow
def test_on_a_local_cluster_of_two_worker_processes() -> None:
    """On a `distributed.LocalCluster` of 2 worker processes the tallies are the same, and an
    error raised in a worker reaches the client with its class, `field` and `value`."""
    distributed = pytest.importorskip("distributed")
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        assert len(client.scheduler_info()["workers"]) == 2
        assert tally(dd.from_pandas(FRAME, npartitions=6)) == SINGLE
        group = group_qpi_tally(
            PLANS, dd.from_pandas(GROUP, npartitions=4), period=MONTH, calendar=CAL
        )
        assert group.tally("B") == single(
            PLANS["B"], records=RECORDS[:HALF], period=MONTH, calendar=CAL
        )
        bad = FRAME.assign(samples=FRAME["samples"].where(FRAME.index != 5, 0))
        with pytest.raises(InvalidValueError, match=r"checks partition 0 row 5") as info:
            tally(dd.from_pandas(bad, npartitions=3))
        assert (info.value.field, info.value.value) == ("samples", 0)


def test_errors_and_tallies_pickle() -> None:
    """What a worker sends back pickles: tallies, group tallies and errors with their data."""
    err = InvalidValueError("checks row 1: bad", field="at", value=3)
    back = pickle.loads(pickle.dumps(err))
    assert (type(back), back.field, back.value, str(back)) == (
        InvalidValueError,
        "at",
        3,
        "checks row 1: bad",
    )
    assert pickle.loads(pickle.dumps(SINGLE)) == SINGLE
    group = GroupTally(names=("A",), tallies=(SINGLE,))
    assert pickle.loads(pickle.dumps(group)) == group


def test_module_shape() -> None:
    """The public names of propstd.frames.dask."""
    assert fdask.__all__ == ["GroupTally", "group_qpi_tally", "qpi_tally"]
