"""Examples and bad inputs for propstd.tables: every layout, every problem with its line."""

from __future__ import annotations

import io
import itertools
import json
import re
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import jsonschema
import pytest

import propstd.tables as tables
from propstd.budgets import Actual
from propstd.complaints import Complaint
from propstd.errors import InvalidDataError, InvalidValueError, Problem
from propstd.findings import Finding
from propstd.inspections import CheckRecord
from propstd.money import Money
from propstd.periods import Period
from propstd.repairs import RepairOrder
from propstd.routines import RoutineEntry
from propstd.surveys import SurveyResponse
from propstd.tables import (
    Collection,
    TableKind,
    columns,
    iter_checks,
    iter_complaints,
    iter_findings,
    iter_records,
    read_actuals,
    read_checks,
    read_collections,
    read_complaints,
    read_findings,
    read_records,
    read_repairs,
    read_routine_log,
    read_rows,
    read_survey_responses,
    row_schema,
    write_checks,
    write_complaints,
    write_lines,
    write_records,
)
from propstd.timelines import Timeline

DATA = Path(__file__).parent.parent / "data" / "tables"
SHANGHAI = ZoneInfo("Asia/Shanghai")
TZ8 = timezone(timedelta(hours=8))
KINDS = tuple(TableKind)


def at(text: str) -> datetime:
    """An instant in Shanghai from `YYYY-MM-DD HH:MM`."""
    return datetime.fromisoformat(text).replace(tzinfo=SHANGHAI)


def problems(exc: pytest.ExceptionInfo[InvalidDataError]) -> list[tuple[int | None, str | None]]:
    """The (line, column) of every problem listed."""
    return [(p.line, p.column) for p in exc.value.problems]


def messages(exc: pytest.ExceptionInfo[InvalidDataError]) -> str:
    """Every problem, one a line."""
    return "\n".join(str(p) for p in exc.value.problems)


HEAD = "item_code,at,inspector,samples,evidence,round_id\n"
ROW = "SEC-01,2025-03-03T09:00:00+08:00,Zhao,3,IMG-1,R1\n"


def test_public_api() -> None:
    """`__all__` is sorted, `dir()` shows exactly it, and every name has a docstring."""
    assert tables.__all__ == sorted(tables.__all__)
    assert dir(tables) == tables.__all__
    for name in tables.__all__:
        assert getattr(tables, name).__doc__


# -- the example files -------------------------------------------------------------------------


EXPECTED: dict[str, tuple[Any, ...]] = {
    "checks": (
        CheckRecord("SEC-01", at("2025-03-03 09:00"), "赵强", samples=3,
                    evidence=("IMG-0301", "IMG-0302")),
        CheckRecord("SEC-02", at("2025-03-03 09:10"), "赵强", evidence=("巡更签到表",)),
        CheckRecord("ENV-01", at("2025-03-03 10:05"), "钱敏", samples=4, evidence=("IMG-0303",),
                    round_id="R-0303"),
        CheckRecord("ENV-02", at("2025-03-03 17:00"), "钱敏", evidence=("IMG-0304",)),
        CheckRecord("ENG-02", at("2025-03-03 14:30"), "吴刚"),
    ),
    "findings": (
        Finding("F-0301", "ENV-01", "rectification", "minor", "Stairwell T3 not swept",
                at("2025-03-03 10:05"), "钱敏", location="T3", owner="孙丽", department="环境部",
                rectify_by=at("2025-03-12 17:30"), verify_on=date(2025, 3, 13))
        .rectify(at("2025-03-04 09:00"), "孙丽", "swept and mopped")
        .verify(at("2025-03-05 09:30"), "钱敏", passed=True),
        Finding("F-0302", "SEC-03", "deduction", "major", "Fire lane T5 blocked by a van",
                at("2025-03-10 21:00"), "赵强", location="T5", department="秩序维护部",
                points=Decimal(2), rectify_by=at("2025-03-13 17:30"),
                verify_on=date(2025, 3, 14)),
        Finding("F-0303", "QA-02", "suggestion", "minor", "Add a doormat at the T1 lobby",
                at("2025-03-18 15:00"), "品质部 李华", location="T1", department="客服中心",
                rectify_by=at("2025-03-27 17:30"), verify_on=date(2025, 3, 28))
        .cancel(at("2025-03-19 09:00"), "品质部 李华", "raised in error"),
    ),
    "complaints": (
        Complaint("TS-0301", at("2025-03-03 09:12"), "phone", "grievance", departments=["工程部"],
                  customer="3-1201", topic="lift", owner="王敏",
                  timeline=Timeline.start(at("2025-03-03 09:12"))
                  .responded(at("2025-03-03 09:40")).closed(at("2025-03-04 16:00"))
                  .revisited(at("2025-03-05 10:00"), satisfied=True)),
        Complaint("TS-0302", at("2025-03-07 20:05"), "visit", "demand", vip=True,
                  departments=["秩序维护部", "客服中心"], customer="5-0802", topic="noise",
                  owner="李强",
                  timeline=Timeline.start(at("2025-03-07 20:05"))
                  .responded(at("2025-03-07 20:30")).paused(at("2025-03-08 09:00"), "owner away")
                  .resumed(at("2025-03-10 09:00")).closed(at("2025-03-10 18:00"))),
    ),
    "repairs": (
        RepairOrder("R-0301", "emergency",
                    Timeline.start(at("2025-03-03 08:40")).arrived(at("2025-03-03 08:52"))
                    .completed(at("2025-03-03 11:30"))
                    .revisited(at("2025-03-04 10:00"), satisfied=True),
                    unit="T2 B1 pump room", technician="张伟"),
        RepairOrder("R-0302", "scheduled",
                    Timeline.start(at("2025-03-05 10:00")).arrived(at("2025-03-06 13:58"))
                    .paused(at("2025-03-06 14:30"), "parts").resumed(at("2025-03-07 09:00"))
                    .completed(at("2025-03-07 10:15")),
                    unit="3-1502", technician="刘洋", warranty_until=date(2025, 9, 5),
                    appointment=at("2025-03-06 14:00")),
        RepairOrder("R-0303", "ordinary", Timeline.start(at("2025-03-12 19:20")),
                    unit="7-0601", technician="张伟", rework_of="R-0288"),
    ),
    "actuals": (
        Actual(code="INC-FEE", month=Period.parse("2025-03"), amount=Money("383500", "CNY")),
        Actual(code="INC-PARK", month=Period.parse("2025-03"), amount=Money("268200", "CNY")),
        Actual(code="COST-LAB", month=Period.parse("2025-03"), amount=Money("391666.67", "CNY")),
        Actual(code="COST-MAT", month=Period.parse("2025-03"), amount=Money("-1200", "CNY")),
    ),
    "collections": tuple(
        Collection(month=Period.parse(m), billed=Money("4608000", "CNY"),
                   collected=Money(c, "CNY"))
        for m, c in (("2025-01", "1152000"), ("2025-02", "921600"), ("2025-03", "610560"))
    ),
    "survey_responses": (
        SurveyResponse("S2025", "3-1201", at("2025-11-08 10:00"),
                       {"秩序维护": 5, "环境卫生": 4, "工程维修": 3, "客户服务": 5},
                       comment="电梯等候时间长"),
        SurveyResponse("S2025", "3-1202", at("2025-11-08 10:20"),
                       {"秩序维护": 4, "环境卫生": 4, "客户服务": 4}),
        SurveyResponse("S2025", "5-0802", at("2025-11-09 15:30"),
                       {"秩序维护": 2, "环境卫生": 3, "工程维修": 2, "客户服务": 3},
                       comment="夜间噪音"),
        SurveyResponse("S2025", "7-0601", at("2025-11-09 16:05"),
                       {"秩序维护": 5, "环境卫生": 4, "工程维修": 5, "客户服务": 2}),
    ),
    "routine_log": (
        RoutineEntry("MORNING", at("2025-03-03 08:15"), "李经理", evidence=["晨会记录 2025-03-03"]),
        RoutineEntry("WEEKLY", at("2025-03-07 16:00"), "李经理",
                     evidence=["周例会纪要 W10", "签到表"]),
        RoutineEntry("TRAIN", at("2025-03-14 14:00"), "王主管", evidence=["培训签到表 2025-03"]),
        RoutineEntry("RAIN-CHECK", at("2025-03-21 17:40"), "赵强",
                     evidence=["IMG-0321-1", "IMG-0321-2"], subject="7-0601"),
    ),
}  # fmt: skip


class TestExampleFiles:
    """The example file of every kind (shown on the reference page) reads as documented."""

    @pytest.mark.parametrize("kind", EXPECTED)
    def test_csv(self, kind: str) -> None:
        """The CSV example gives the expected records (local times read in Shanghai)."""
        text = (DATA / f"{kind}.csv").read_text(encoding="utf-8")

        assert EXPECTED[kind] == read_records(kind, text, zone="Asia/Shanghai")

    @pytest.mark.parametrize("kind", EXPECTED)
    def test_jsonl(self, kind: str) -> None:
        """The JSON Lines example gives the same records, and is what the writer writes."""
        text = (DATA / f"{kind}.jsonl").read_text(encoding="utf-8")

        assert EXPECTED[kind] == read_records(kind, text, format="jsonl")
        assert text == write_records(kind, EXPECTED[kind], format="jsonl")

    @pytest.mark.parametrize("kind", EXPECTED)
    def test_rows_validate_against_the_schema(self, kind: str) -> None:
        """Every written JSON Lines row validates against `row_schema(kind)`."""
        schema = row_schema(kind)
        jsonschema.Draft202012Validator.check_schema(schema)
        for line in write_lines(kind, EXPECTED[kind], format="jsonl"):
            jsonschema.validate(json.loads(line), schema)

    @pytest.mark.parametrize("kind", EXPECTED)
    def test_open_file_lines(self, kind: str) -> None:
        """An open file (its lines) reads like its text; the streaming reader gives the same."""
        with (DATA / f"{kind}.csv").open(encoding="utf-8", newline="") as f:
            assert EXPECTED[kind] == read_records(kind, f, zone="Asia/Shanghai")
        with (DATA / f"{kind}.csv").open(encoding="utf-8", newline="") as f:
            assert EXPECTED[kind] == tuple(iter_records(kind, f, zone="Asia/Shanghai"))

    @pytest.mark.parametrize("kind", EXPECTED)
    def test_chinese_headings_round_trip(self, kind: str) -> None:
        """Written with Chinese headings, a table reads back equal."""
        text = write_records(kind, EXPECTED[kind], headings="zh")

        assert text.startswith(columns(kind)[0].heading_zh)
        assert EXPECTED[kind] == read_records(kind, text)

    @pytest.mark.parametrize("kind", EXPECTED)
    def test_functions_of_each_kind(self, kind: str) -> None:
        """`read_<kind>`, `iter_<kind>` and `write_<kind>` are the generic functions' own."""
        read = getattr(tables, f"read_{kind}")
        stream = getattr(tables, f"iter_{kind}")
        write = getattr(tables, f"write_{kind}")
        for fmt in ("csv", "jsonl"):
            text = write(EXPECTED[kind], format=fmt, headings="zh")
            assert text == write_records(kind, EXPECTED[kind], format=fmt, headings="zh")
            assert EXPECTED[kind] == read(text, format=fmt)
            assert EXPECTED[kind] == tuple(stream(text.splitlines(keepends=True), format=fmt))

    def test_every_kind_has_an_example(self) -> None:
        """Each kind of table has an example file pair."""
        assert {k.value for k in KINDS} == set(EXPECTED)


# -- sources ---------------------------------------------------------------------------------


class TestSources:
    """Text, UTF-8 bytes (with or without a byte-order mark) and lines all read alike."""

    EXPECTED = (CheckRecord("SEC-01", datetime(2025, 3, 3, 9, tzinfo=TZ8), "Zhao", samples=3,
                            evidence=("IMG-1",), round_id="R1"),)  # fmt: skip

    @pytest.mark.parametrize(
        "source",
        [
            pytest.param(HEAD + ROW, id="str"),
            pytest.param("\ufeff" + HEAD + ROW, id="str-bom"),
            pytest.param((HEAD + ROW).encode(), id="bytes"),
            pytest.param(b"\xef\xbb\xbf" + (HEAD + ROW).encode(), id="bytes-bom"),
            pytest.param(bytearray((HEAD + ROW).encode()), id="bytearray"),
            pytest.param([HEAD, ROW], id="lines"),
            pytest.param(["\ufeff" + HEAD, ROW], id="lines-bom"),
            pytest.param([b"\xef\xbb\xbf" + HEAD.encode(), ROW.encode()], id="byte-lines"),
            pytest.param(io.StringIO(HEAD + ROW), id="file"),
            pytest.param((HEAD + ROW).replace("\n", "\r\n"), id="crlf"),
            pytest.param([HEAD.strip(), ROW.strip()], id="lines-without-newlines"),
            pytest.param("\n\n" + HEAD + ROW + "\n\n\n", id="blank-lines-around"),
        ],
    )
    def test_sources(self, source: Any) -> None:
        """The same table in every form gives the same records."""
        assert read_checks(source) == self.EXPECTED

    def test_tab_separated(self) -> None:
        """A tab-separated table (copied from a spreadsheet) is detected by its header."""
        text = (HEAD + ROW).replace(",", "\t")

        assert read_checks(text) == self.EXPECTED

    def test_not_utf8(self) -> None:
        """A line that is not UTF-8 (a GBK file) is a problem on its line; others still read."""
        data = (
            (HEAD + ROW).encode()
            + "SEC-02,2025-03-03T10:00+08:00,赵\n".encode("gbk")
            + (ROW.encode())
        )
        with pytest.raises(InvalidDataError, match="GBK") as exc:
            read_checks(data)
        assert problems(exc) == [(3, None)]

    def test_not_utf8_lines(self) -> None:
        """The same, given as byte lines."""
        with pytest.raises(InvalidDataError) as exc:
            read_checks([HEAD.encode(), b"\xff\xfe,x,y\n", ROW.encode()])
        assert problems(exc) == [(2, None)]

    @pytest.mark.parametrize("source", [42, None, 1.5])
    def test_not_text(self, source: Any) -> None:
        """Neither text nor lines: `TypeError`."""
        with pytest.raises(TypeError, match="expected the text"):
            read_checks(source)

    def test_mixed_lines(self) -> None:
        """Lines must all be str or all bytes."""
        with pytest.raises(TypeError, match="all bytes"):
            read_checks([HEAD.encode(), ROW])  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="all bytes; line 3 is not"):
            read_checks([HEAD, ROW, ROW.encode()])  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="lines must be str or bytes"):
            read_checks([1, 2])  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        "source", ["", "\n\n", [], b"", "\ufeff"], ids=["str", "blank", "lines", "bytes", "bom"]
    )
    def test_empty(self, source: Any) -> None:
        """An empty table has no header row: one problem."""
        with pytest.raises(InvalidDataError, match="no header row") as exc:
            read_checks(source)
        assert problems(exc) == [(1, None)]

    def test_jsonl_empty(self) -> None:
        """An empty JSON Lines table holds no records (it has no header)."""
        assert read_checks("", format="jsonl") == ()
        assert read_checks("\n \n", format="jsonl") == ()


# -- headers ---------------------------------------------------------------------------------


class TestHeader:
    """Columns are named in English or Chinese; unknown, repeated and missing ones are problems
    on line 1, and nothing else is read."""

    @pytest.mark.parametrize(
        "header",
        [
            "item_code,at,inspector",
            "检查项目代码,检查时间,检查人",
            "Item Code, AT ,Inspector",
            "item-code,at,检查人",
            " 检查项目代码 ,at,inspector",
            "ITEM__CODE,检查时间,INSPECTOR",
        ],
    )
    def test_names(self, header: str) -> None:
        """English names, Chinese headings, any case, blanks, `-` or `_` between words."""
        text = f"{header}\nSEC-01,2025-03-03 09:00,Zhao\n"
        (record,) = read_checks(text, zone="Asia/Shanghai")

        assert (record.item_code, record.inspector) == ("SEC-01", "Zhao")

    def test_any_order(self) -> None:
        """Columns come in any order."""
        (record,) = read_checks("inspector,at,item_code\nZhao,2025-03-03T09:00+08:00,SEC-01\n")

        assert (record.item_code, record.inspector) == ("SEC-01", "Zhao")

    def test_unknown_missing_and_repeated(self) -> None:
        """Every header problem is listed with its column; no row is read."""
        text = "item_code,检查项目代码,when,inspector\nSEC-01,SEC-01,x,Zhao\nbad\n"
        with pytest.raises(InvalidDataError) as exc:
            read_checks(text)
        assert problems(exc) == [(1, "检查项目代码"), (1, "when"), (1, "at")]
        text = messages(exc)
        assert "the same column as 'item_code'" in text
        assert "unknown column; the checks columns are item_code (检查项目代码)" in text
        assert "missing column at (检查时间): it is required" in text

    def test_header_problems_end_streaming_at_once(self) -> None:
        """The iterator raises at its first step when the header is bad."""
        rows = iter_checks(itertools.chain(["item_code,inspector\n"], itertools.repeat(ROW)))
        with pytest.raises(InvalidDataError, match="missing column at"):
            next(rows)

    def test_unnamed_columns(self) -> None:
        """Columns without a heading (a spreadsheet's trailing commas) must stay empty."""
        text = HEAD.strip() + ",,\n" + ROW.strip() + ",,\n" + ROW.strip() + ",,oops\n"
        with pytest.raises(InvalidDataError, match="a value in a column without a heading") as e:
            read_checks(text)
        assert problems(e) == [(3, "#8")]

    def test_optional_columns_take_defaults(self) -> None:
        """Missing optional columns take their defaults."""
        (record,) = read_checks("item_code,at,inspector\nSEC-01,2025-03-03T09:00+08:00,\n")

        assert (
            record.samples,
            record.evidence,
            record.round_id,
            record.inspector,
        ) == (1, (), "", "")


# -- rows and line numbers -------------------------------------------------------------------------


class TestRows:
    """Each bad row is a problem with its line (the header is line 1); blank rows are skipped."""

    def test_many_problems_one_error(self) -> None:
        """Every bad cell of every row, in order, in one error."""
        text = (
            HEAD
            + ",2025-03-03T09:00+08:00,Zhao,0,,\n"  # 2: empty code; 0 samples (the record)
            + "SEC-01,2025-13-03 09:00,Zhao,2.0,x,\n"  # 3: no such month; a fraction
            + "SEC-01,2025-03-03T09:00+08:00\n"  # 4: two cells
            + "\n"  # 5: blank, skipped
            + ",,,,,\n"  # 6: all empty, skipped
            + "SEC-01,2025-03-03,Zhao,x,,\n"  # 7: a date without time; not a number
            + ROW  # 8: fine
            + "SEC-01,2025-03-03T09:00+08:00,Zhao,0,,\n"  # 9: samples below 1
        )
        with pytest.raises(InvalidDataError) as exc:
            read_checks(text)

        assert problems(exc) == [
            (2, "item_code"),
            (3, "at"),
            (3, "samples"),
            (4, None),
            (7, "at"),
            (7, "samples"),
            (9, "samples"),
        ]
        assert exc.value.message == "cannot read checks: 7 problems"
        assert "line 4: expected 6 cells like the header (line 1), found 2" in messages(exc)

    def test_multiline_cells_count_every_line(self) -> None:
        """A quoted cell spanning lines counts each of its lines."""
        text = HEAD + 'SEC-01,2025-03-03T09:00+08:00,"Zhao\nand Li",1,,\n' + "SEC-01,x,Zhao,1,,\n"
        with pytest.raises(InvalidDataError) as exc:
            read_checks(text)
        assert problems(exc) == [(4, "at")]

    def test_leading_blank_lines_count(self) -> None:
        """Lines before the header count: the header is where it is."""
        with pytest.raises(InvalidDataError) as exc:
            read_checks("\n\n" + HEAD + "SEC-01,x,Zhao,1,,\n")
        assert problems(exc) == [(4, "at")]

    def test_bad_csv(self) -> None:
        """Text that is not CSV (a stray quote) is a problem on its line; reading goes on."""
        text = HEAD + 'SEC-01,"2025-03-03T09:00+08:00"x,Zhao,1,,\n' + "SEC-01,x,Z,1,,\n"
        with pytest.raises(InvalidDataError, match="not readable as CSV") as exc:
            read_checks(text)
        assert problems(exc) == [(2, None), (3, "at")]

    def test_unterminated_quote(self) -> None:
        """A quote never closed is a problem where its row starts."""
        with pytest.raises(InvalidDataError, match="unexpected end of data") as exc:
            read_checks(HEAD + ROW + 'SEC-01,"2025\n')
        assert problems(exc) == [(3, None)]

    def test_header_not_csv(self) -> None:
        """A header the csv module cannot read is one problem on its line."""
        with pytest.raises(InvalidDataError, match="the header is not readable as CSV") as exc:
            read_checks('\n"item_code,at\n')
        assert problems(exc) == [(2, None)]

    def test_at_most_100_listed(self) -> None:
        """At most 100 problems are listed; the message counts them all."""
        text = HEAD + "SEC-01,x,Zhao,1,,\n" * 250
        with pytest.raises(InvalidDataError) as exc:
            read_checks(text)

        assert len(exc.value.problems) == 100
        assert problems(exc)[-1] == (101, "at")
        assert (
            exc.value.message
        ) == "cannot read checks: 250 problems (the first 100 listed, 150 more)"

    def test_problem_text(self) -> None:
        """A problem reads `line N, column C: what is wrong, what was found`."""
        with pytest.raises(InvalidDataError) as exc:
            read_checks(HEAD + "SEC-01,2025-03-03T09:00+08:00,Zhao,many,,\n")
        assert (
            Problem(
                "", "expected a whole number (digits 0-9), got 'many'", line=2, column="samples"
            )
            == exc.value.problems[0]
        )
        assert (
            str(exc.value.problems[0])
        ) == "line 2, column samples: expected a whole number (digits 0-9), got 'many'"

    def test_columns_named_as_in_the_file(self) -> None:
        """A problem names the column as the file's header does (here in Chinese)."""
        with pytest.raises(InvalidDataError) as exc:
            read_checks("检查项目代码,检查时间,检查人\nSEC-01,昨天,赵强\n")
        assert problems(exc) == [(2, "检查时间")]


# -- cells -----------------------------------------------------------------------------------------


def _one_check(cell: str, column: str = "at", zone: str | None = None) -> CheckRecord:
    cells = {"item_code": "SEC-01", "at": "2025-03-03T09:00+08:00", "inspector": "Zhao"}
    cells[column] = cell
    text = ",".join(cells) + "\n" + ",".join(f'"{v}"' for v in cells.values()) + "\n"
    (record,) = read_checks(text, zone=zone)
    return record


def _check_problem(cell: str, column: str = "at", zone: str | None = None) -> str:
    with pytest.raises(InvalidDataError) as exc:
        _one_check(cell, column, zone)
    assert [(2, column)] == problems(exc)
    return exc.value.problems[0].message


class TestInstants:
    """Instants with an offset keep it; without, they are wall-clock time in `zone`."""

    @pytest.mark.parametrize(
        ("cell", "expected"),
        [
            ("2025-03-03T09:00:00+08:00", datetime(2025, 3, 3, 9, tzinfo=TZ8)),
            ("2025-03-03T09:00+08:00", datetime(2025, 3, 3, 9, tzinfo=TZ8)),
            ("2025-03-03 01:00Z", datetime(2025, 3, 3, 1, tzinfo=UTC)),
            ("2025-03-03T09:00:05.25+0800", datetime(2025, 3, 3, 9, 0, 5, 250000, tzinfo=TZ8)),
            ("2025/3/3 9:00 +08", datetime(2025, 3, 3, 9, tzinfo=TZ8)),
            (" 2025-03-03 09:00+08:00 ", datetime(2025, 3, 3, 9, tzinfo=TZ8)),
            ("2025.03.03 09:00:30,5+08:00", datetime(2025, 3, 3, 9, 0, 30, 500000, tzinfo=TZ8)),
            ("2025/3/3 1:00Z", datetime(2025, 3, 3, 1, tzinfo=UTC)),
        ],
    )
    def test_with_offset(self, cell: str, expected: datetime) -> None:
        """ISO 8601 with `T` or a space, `/` and `.` dates, `Z`, short offsets."""
        t = _one_check(cell).at

        assert expected == t
        assert expected.utcoffset() == t.utcoffset()

    @pytest.mark.parametrize("cell", ["2025-03-03 09:00", "2025/3/3 9:00", "2025-03-03T09:00:00"])
    def test_local_in_zone(self, cell: str) -> None:
        """Without an offset, the time is read in the given zone (the calendar's)."""
        t = _one_check(cell, zone="Asia/Shanghai").at

        assert datetime(2025, 3, 3, 9, tzinfo=TZ8) == t
        assert SHANGHAI is t.tzinfo

    def test_offset_wins_over_zone(self) -> None:
        """An offset given in the cell is kept even when a zone is given."""
        t = _one_check("2025-03-03T09:00+01:00", zone="Asia/Shanghai").at

        assert timedelta(hours=1) == t.utcoffset()

    def test_naive_without_zone(self) -> None:
        """Without an offset and without a zone: a problem naming both ways out."""
        message = _check_problem("2025-03-03 09:00")

        assert "has no UTC offset and no zone was given" in message
        assert "pass zone=" in message

    @pytest.mark.parametrize(
        "cell",
        [
            pytest.param("2025-03-30 02:30", id="skipped"),
            pytest.param("2025-10-26 02:30", id="repeated"),
        ],
    )
    def test_daylight_saving(self, cell: str) -> None:
        """A local time skipped or repeated in the zone is a problem, never a guess."""
        message = _check_problem(cell, zone="Europe/Berlin")

        assert "ambiguous or does not exist in Europe/Berlin" in message

    @pytest.mark.parametrize(
        ("cell", "says"),
        [
            ("2025-03-03", "without a time of day"),
            ("2025/3/3", "without a time of day"),
            ("yesterday", "expected an instant like"),
            ("2025-02-30 09:00+08:00", "no such date or time"),
            ("2025-03-03 25:00+08:00", "no such date or time"),
            ("0001-01-01T09:00+08:00", "within years 0002-9998"),
            ("9999-12-31T09:00+00:00", "within years 0002-9998"),
            ("2025-03-03T09:00+08:00" + "0" * 200, "too long"),
        ],
    )
    def test_bad(self, cell: str, says: str) -> None:
        """Anything else is a problem that shows the cell."""
        assert says in _check_problem(cell)


class TestNumbers:
    """Counts are whole numbers; amounts and points are exact decimals, never floats."""

    @pytest.mark.parametrize(("cell", "expected"), [("3", 3), (" 12 ", 12), ("", 1)])
    def test_counts(self, cell: str, expected: int) -> None:
        """Digits, blanks around them; an empty cell is the default."""
        assert expected == _one_check(cell, "samples").samples

    @pytest.mark.parametrize(
        ("cell", "says"),
        [
            ("2.0", "without a fraction"),
            ("-1", "digits 0-9"),
            ("three", "digits 0-9"),
            ("٣", "digits 0-9"),
            ("0", "at least 1"),
        ],
    )
    def test_bad_counts(self, cell: str, says: str) -> None:
        """A fraction, a sign, words, other digits, or a value the record refuses."""
        assert says in _check_problem(cell, "samples")

    @pytest.mark.parametrize(
        ("cell", "expected"),
        [
            ("383500", "383500.00"),
            ("383,500.50", "383500.50"),
            ("-1,200", "-1200.00"),
            ("+0.5", "0.50"),
        ],
    )
    def test_amounts(self, cell: str, expected: str) -> None:
        """Plain decimals, thousands separators, a sign."""
        (actual,) = read_actuals(f'code,month,amount\nINC,2025-03,"{cell}"\n')

        assert Money(expected, "CNY") == actual.amount

    @pytest.mark.parametrize(
        ("cell", "says"),
        [
            ("1.2E+5", "scientific notation"),
            ("3.8e5", "scientific notation"),
            ("12.345", "more decimal places than CNY allows"),
            ("1,23.00", "an exact decimal number like"),
            ("¥12", "an exact decimal number like"),
            ("NaN", "an exact decimal number like"),
            ("1" * 101, "too long"),
        ],
    )
    def test_bad_amounts(self, cell: str, says: str) -> None:
        """Exponents (a float from a spreadsheet), too many places, anything else."""
        with pytest.raises(InvalidDataError) as exc:
            read_actuals(f'code,month,amount\nINC,2025-03,"{cell}"\n')
        assert problems(exc) == [(2, "amount")]
        assert says in exc.value.problems[0].message

    def test_currency(self) -> None:
        """A currency column names the currency (CNY without one); an unknown one is a problem."""
        (actual,) = read_actuals("code,month,amount,currency\nINC,2025-03,12,hkd\n")
        assert Money("12", "HKD") == actual.amount
        with pytest.raises(InvalidDataError) as exc:
            read_actuals("code,month,amount,currency\nINC,2025-03,12,XYZ\n")
        assert problems(exc) == [(2, "currency")]
        assert "'currency' must be one of 'CNY'" in exc.value.problems[0].message
        (rmb,) = read_actuals("code,month,amount,currency\nINC,2025-03,12,人民币\n")
        assert rmb.amount == Money("12", "CNY")

    @pytest.mark.parametrize(
        ("cell", "expected"),
        [("2025-03", "2025-03"), ("2025/3", "2025-03"), ("2025年3月", "2025-03"),
         ("2025-12", "2025-12")],
    )  # fmt: skip
    def test_months(self, cell: str, expected: str) -> None:
        """Months as `2025-03`, `2025/3`, `2025年3月`."""
        (actual,) = read_actuals(f"code,month,amount\nINC,{cell},1\n")

        assert Period.parse(expected) == actual.month

    @pytest.mark.parametrize("cell", ["2025-13", "2025-03-01", "March", "0001-01"])
    def test_bad_months(self, cell: str) -> None:
        """Anything else is a problem."""
        with pytest.raises(InvalidDataError, match="expected a month like '2025-03'") as exc:
            read_actuals(f"code,month,amount\nINC,{cell},1\n")
        assert problems(exc) == [(2, "month")]

    @pytest.mark.parametrize(
        ("cell", "says"),
        [
            ("2025-02-30", "no such date"),
            ("30/09/2025", "expected a date like"),
            ("0001-12-31", "within years 0002-9998"),
        ],
    )
    def test_bad_dates(self, cell: str, says: str) -> None:
        """A date that does not exist, in another order, or out of range, is a problem."""
        text = f"id,at,category,warranty_until\nR-1,2025-03-03T09:00+08:00,ordinary,{cell}\n"
        with pytest.raises(InvalidDataError, match=says) as exc:
            read_repairs(text)
        assert problems(exc) == [(2, "warranty_until")]

    def test_blank_required_month(self) -> None:
        """A required cell holding only blanks is empty."""
        with pytest.raises(InvalidDataError, match="empty: a value is required") as exc:
            read_actuals("code,month,amount\nINC, ,1\n")
        assert problems(exc) == [(2, "month")]

    def test_actual_refused_by_the_record(self) -> None:
        """A blank code is a problem on its column."""
        with pytest.raises(InvalidDataError) as exc:
            read_actuals("code,month,amount\n ,2025-03,1\n")
        assert problems(exc) == [(2, "code")]


class TestWords:
    """Yes/no cells, vocabulary words and lists."""

    @pytest.mark.parametrize(
        ("cell", "expected"),
        [("true", True), ("FALSE", False), ("是", True), ("否", False), ("1", True),
         ("no", False), ("Y", True), ("", False)],
    )  # fmt: skip
    def test_yes_no(self, cell: str, expected: bool) -> None:
        """English, Chinese, digits; empty is no."""
        text = f"id,at,channel,level,vip\nC-1,2025-03-03T09:00+08:00,phone,demand,{cell}\n"
        (complaint,) = read_complaints(text)

        assert expected is complaint.vip

    def test_bad_yes_no(self) -> None:
        """Anything else is a problem listing the words."""
        text = "id,at,channel,level,vip\nC-1,2025-03-03T09:00+08:00,phone,demand,maybe\n"
        with pytest.raises(InvalidDataError, match=r"expected yes or no \(0, 1, false") as exc:
            read_complaints(text)
        assert problems(exc) == [(2, "vip")]

    def test_vocabulary(self) -> None:
        """Words read through the vocabulary (any case); an unknown word lists the accepted."""
        text = "id,at,channel,level\nC-1,2025-03-03T09:00+08:00, Phone ,DEMAND\n"
        (complaint,) = read_complaints(text)
        assert (complaint.channel.value, complaint.level.value) == ("phone", "demand")

        with pytest.raises(InvalidDataError) as exc:
            read_complaints("id,at,channel,level\nC-1,2025-03-03T09:00+08:00,fax,demand\n")
        assert problems(exc) == [(2, "channel")]
        assert "'channel' must be one of" in exc.value.problems[0].message
        assert "got 'fax'" in exc.value.problems[0].message

    @pytest.mark.parametrize(
        ("cell", "expected"),
        [
            ("IMG-1", ("IMG-1",)),
            ("IMG-1; IMG-2", ("IMG-1", "IMG-2")),
            ("IMG-1；IMG-2;", ("IMG-1", "IMG-2")),
            (" ; ", ()),
            ("", ()),
        ],
    )
    def test_lists(self, cell: str, expected: tuple[str, ...]) -> None:
        """`;` (or `；`) separates items; blanks around them and empty items are dropped."""
        assert expected == _one_check(cell, "evidence").evidence


# -- JSON Lines and rows ------------------------------------------------------------------------


class TestJsonLines:
    """One object a line, keyed by column; floats refused where values are exact."""

    def test_values(self) -> None:
        """Typed JSON values (numbers, lists) and text read alike; null and "" are empty."""
        text = (
            '{"item_code":"SEC-01","at":"2025-03-03T09:00+08:00","inspector":"Zhao",'
            '"samples":3,"evidence":["IMG-1"],"round_id":null}\n'
            '{"检查项目代码":"SEC-01","检查时间":"2025-03-03 09:00","samples":"3",'
            '"evidence":"IMG-1","inspector":""}\n'
        )
        a, b = read_checks(text, format="jsonl", zone="Asia/Shanghai")

        assert (a.samples, a.evidence, a.round_id, a.inspector) == (3, ("IMG-1",), "", "Zhao")
        assert (b.samples, b.evidence, b.inspector) == (3, ("IMG-1",), "")
        assert a.at == b.at

    def test_problems(self) -> None:
        """Each bad line or value is a problem on its line; blank lines are skipped."""
        text = "\n".join(
            [
                '{"item_code":"SEC-01","at":"2025-03-03T09:00+08:00","samples":1.0}',  # 1
                "",  # 2
                "[1, 2]",  # 3
                "{not json",  # 4
                '{"item_code":"SEC-01","at":"2025-03-03T09:00+08:00","colour":"red"}',  # 5
                '{"item_code":"SEC-01"}',  # 6
                '{"item_code":"","at":"2025-03-03T09:00+08:00"}',  # 7
                '{"item_code":7,"at":"2025-03-03T09:00+08:00","samples":true}',  # 8
                '{"item_code":"S","at":"2025-03-03T09:00+08:00","evidence":["a",2]}',  # 9
                '{"item_code":"S","at":"2025-03-03T09:00+08:00","samples":NaN}',  # 10
                '{"item_code":"S","at":"2025-03-03T09:00+08:00","item-code":"S"}',  # 11
            ]
        )
        with pytest.raises(InvalidDataError) as exc:
            read_checks(text, format="jsonl")

        assert problems(exc) == [
            (1, "samples"),
            (3, None),
            (4, None),
            (5, "colour"),
            (6, "at"),
            (7, "item_code"),
            (8, "item_code"),
            (8, "samples"),
            (9, "evidence"),
            (10, None),
            (11, "item-code"),
        ]
        assert "got the number 1.0 (JSON numbers with a fraction" in messages(exc)
        assert "NaN is not an exact number" in messages(exc)

    def test_refused_by_the_record(self) -> None:
        """A value the record refuses is a problem on its line and column."""
        with pytest.raises(InvalidDataError, match="more decimal places") as exc:
            read_actuals('{"code":"A","month":"2025-03","amount":"1.234"}', format="jsonl")
        assert problems(exc) == [(1, "amount")]

    def test_float_money(self) -> None:
        """A float amount is refused; a whole JSON number is exact."""
        with pytest.raises(InvalidDataError, match="floats, which are not exact") as exc:
            read_actuals('{"code":"A","month":"2025-03","amount":12.50}', format="jsonl")
        assert problems(exc) == [(1, "amount")]
        (actual,) = read_actuals('{"code":"A","month":"2025-03","amount":12}', format="jsonl")
        assert Money("12", "CNY") == actual.amount

    def test_too_deep(self) -> None:
        """A line nested too deep to parse is a problem, not a crash."""
        with pytest.raises(InvalidDataError) as exc:
            read_checks("[" * 100_000, format="jsonl")
        assert problems(exc) == [(1, None)]


class TestReadRows:
    """Rows given as mappings (from a spreadsheet library) read with the same validation."""

    def test_typed_values(self) -> None:
        """`datetime`, `date`, `Decimal`, `int`, `bool`, lists; naive instants in the zone."""
        rows: list[dict[str, Any]] = [
            {"id": "R-1", "at": datetime(2025, 3, 5, 10), "category": "scheduled",
             "warranty_until": date(2025, 9, 5), "appointment": datetime(2025, 3, 6, 14)},
            {"id": "R-1", "event": "completed", "at": datetime(2025, 3, 6, 15)},
            {"id": "R-1", "event": "revisited", "at": datetime(2025, 3, 6, 16), "satisfied": True},
            {"id": "F", "at": "2025-03-05T10:00+08:00", "category": "emergency"},
        ]  # fmt: skip
        first, second = read_rows("repairs", rows, zone="Asia/Shanghai")

        assert at("2025-03-06 14:00") == first.appointment
        assert date(2025, 9, 5) == first.warranty_until
        assert second.id == "F"

        (actual,) = read_rows(
            "actuals", [{"code": "A", "month": Period.parse("2025-03"), "amount": Decimal("1.5")}]
        )
        assert Money("1.50", "CNY") == actual.amount

    def test_problems_give_row_numbers(self) -> None:
        """Problems number the rows from 1."""
        rows: list[Any] = [
            {"code": "A", "month": "2025-03", "amount": 1.5},
            {"code": "A", "month": date(2025, 3, 1), "amount": Decimal("NaN")},
            {"code": "A", "month": "2025-03", "amount": "1", "currency": 1},
            {"code": "A", 3: "x", "month": "2025-03", "amount": "1"},
        ]
        with pytest.raises(InvalidDataError) as exc:
            read_rows("actuals", rows)
        assert problems(exc) == [
            (1, "amount"),
            (2, "month"),
            (2, "amount"),
            (3, "currency"),
            (4, "3"),
        ]
        assert "the float 1.5" in messages(exc)

    @pytest.mark.parametrize(
        ("column", "value"),
        [
            ("at", datetime(1, 1, 1, tzinfo=UTC)),
            ("at", date(2025, 3, 3)),
            ("samples", True),
            ("samples", "1.5"),
            ("evidence", 3),
            ("evidence", ["IMG", tables._cells.JsonFloat("1.5")]),
            ("inspector", 3),
        ],
    )
    def test_wrong_types(self, column: str, value: object) -> None:
        """A value of the wrong type for its column is a problem."""
        row: dict[str, object] = {"item_code": "S", "at": "2025-03-03T09:00+08:00"}
        row[column] = value
        with pytest.raises(InvalidDataError) as exc:
            read_rows("checks", [row])
        assert [(1, column)] == problems(exc)

    @pytest.mark.parametrize(
        ("column", "value"), [("warranty_until", 20250905), ("vip", 1), ("category", 1)]
    )
    def test_wrong_types_of_a_repair(self, column: str, value: object) -> None:
        """A date, a yes/no or a word of the wrong type is a problem."""
        row: dict[str, object] = {"id": "R", "at": "2025-03-03T09:00+08:00", "category": "ordinary"}
        row[column] = value
        with pytest.raises(InvalidDataError) as exc:
            read_rows("complaints" if column == "vip" else "repairs", [row])
        assert (1, column) in problems(exc)

    def test_dates_in_range(self) -> None:
        """A date beyond years 0002-9998 is a problem."""
        row = {"id": "R", "at": "2025-03-03T09:00+08:00", "category": "ordinary",
               "warranty_until": date(1, 1, 1)}  # fmt: skip
        with pytest.raises(InvalidDataError, match="within years 0002-9998"):
            read_rows("repairs", [row])

    def test_not_a_mapping(self) -> None:
        """A row that is not a mapping is a programming error."""
        with pytest.raises(TypeError, match=r"rows\[0\] must be a mapping"):
            read_rows("checks", [["SEC-01"]])  # type: ignore[list-item]


# -- records spanning rows ---------------------------------------------------------------------


C_HEAD = "id,event,at,channel,level,departments,reason,to,satisfied\n"


class TestComplaints:
    """Complaints: a row per event, grouped by id; the first row gives the complaint."""

    def test_rows_anywhere_for_read(self) -> None:
        """`read_complaints` groups the rows of a complaint wherever they are."""
        text = (
            C_HEAD
            + "C-1,received,2025-03-03T09:00+08:00,phone,demand,,,,\n"
            + "C-2,received,2025-03-03T09:30+08:00,web,grievance,,,,\n"
            + "C-1,priority_changed,2025-03-03T10:00+08:00,,,,,urgent,\n"
            + "C-2,closed,2025-03-03T11:00+08:00,web,,,,,\n"
        )
        c1, c2 = read_complaints(text)

        assert [e.kind.value for e in c1.timeline.events] == ["received", "priority_changed"]
        assert [e.kind.value for e in c2.timeline.events] == ["received", "closed"]

    def test_streaming_needs_consecutive_rows(self) -> None:
        """`iter_complaints` needs a complaint's rows together: a later row is a problem."""
        text = (
            C_HEAD
            + "C-1,received,2025-03-03T09:00+08:00,phone,demand,,,,\n"
            + "C-2,received,2025-03-03T09:30+08:00,web,grievance,,,,\n"
            + "C-1,closed,2025-03-03T10:00+08:00,,,,,,\n"
            + "C-1,revisited,2025-03-03T11:00+08:00,,,,,,yes\n"
        )
        found: list[Complaint] = []
        with pytest.raises(InvalidDataError) as exc:
            found.extend(iter_complaints(text))

        assert [c.id for c in found] == ["C-1", "C-2"]
        assert problems(exc) == [(4, "id"), (5, "id")]
        assert "must be consecutive: its rows began at line 2" in messages(exc)

    def test_register_without_events(self) -> None:
        """A table without an `event` column is a register: one received complaint a row."""
        text = "投诉编号,时间,投诉渠道,投诉级别\nC-1,2025-03-03T09:00+08:00,电话,不满\n"
        (complaint,) = read_complaints(text)

        assert len(complaint.timeline) == 1
        assert (complaint.channel.value, complaint.level.value) == ("phone", "dissatisfaction")

    def test_problems(self) -> None:
        """Every problem of every row, at the row and column it is in."""
        text = (
            C_HEAD
            + "C-1,responded,2025-03-03T09:00+08:00,phone,demand,,,,\n"  # 2: not received first
            + "C-2,received,2025-03-03T09:00+08:00,,demand,,,,\n"  # 3: no channel
            + "C-2,closed,2025-03-03T10:00+08:00,web,grievance,,,,\n"  # 4: differs
            + "C-3,received,2025-03-03T09:00+08:00,phone,demand,,parts,,\n"  # 5: reason
            + "C-3,paused,2025-03-03T10:00+08:00,,,,,,\n"  # 6: no reason
            + "C-3,priority_changed,2025-03-03T10:00+08:00,,,,,,\n"  # 7: no new priority
            + "C-3,closed,2025-03-03T11:00+08:00,,,,,,maybe\n"  # 8: bad yes/no
            + "C-4,received,2025-03-03T09:00+08:00,phone,demand,,,,\n"
            + "C-4,resumed,2025-03-03T10:00+08:00,,,,,,\n"  # 10: resumed while open
            + ",received,2025-03-03T09:00+08:00,phone,demand,,,,\n"  # 11: no id
            + "C-6,received,2025-03-03T09:00+08:00,phone,demand,,,,\n"
            + "C-6,,2025-03-03T09:00+08:00,,,,,,\n"  # 13: empty event
        )
        with pytest.raises(InvalidDataError) as exc:
            read_complaints(text)

        # cells first, as the rows are read; then each complaint's rows together
        assert problems(exc) == [
            (8, "satisfied"),
            (11, "id"),
            (13, "event"),
            (2, "event"),
            (4, "channel"),
            (4, "level"),
            (3, "channel"),
            (5, "reason"),
            (6, "reason"),
            (7, "to"),
            (10, "event"),
        ]
        text = messages(exc)
        assert "the first row of complaint 'C-1' must be its received event" in text
        assert "differs from the first row of complaint 'C-2' (line 3: empty)" in text
        assert "only a paused row has this, a received row has 'parts'" in text
        assert "not allowed while the request is open" in text

    def test_events_refused_by_their_class(self) -> None:
        """A reason or a priority of blanks only is refused by the event."""
        text = (
            C_HEAD
            + "C-1,received,2025-03-03T09:00+08:00,phone,demand,,,,\n"
            + 'C-1,paused,2025-03-03T10:00+08:00,,,," ",,\n'
            + "C-2,received,2025-03-03T09:00+08:00,phone,demand,,,,\n"
            + 'C-2,priority_changed,2025-03-03T10:00+08:00,,,,," ",\n'
        )
        with pytest.raises(InvalidDataError) as exc:
            read_complaints(text)
        assert [p.line for p in exc.value.problems] == [3, 5]

    def test_streaming_skips_rows_without_id(self) -> None:
        """Streaming: a row without an id is a problem; a reappearing id is one per row."""
        text = (
            C_HEAD
            + "C-1,received,2025-03-03T09:00+08:00,phone,demand,,,,\n"
            + ",received,2025-03-03T09:00+08:00,phone,demand,,,,\n"
            + "C-2,received,2025-03-03T09:00+08:00,phone,demand,,,,\n"
            + "C-1,closed,2025-03-03T10:00+08:00,,,,,,\n"
            + "C-3,received,2025-03-03T09:00+08:00,phone,demand,,,,\n"
            + "C-4,responded,2025-03-03T09:00+08:00,phone,demand,,,,\n"
            + "C-5,received,2025-03-03T09:00+08:00,phone,demand,,,,\n"
        )
        found: list[Complaint] = []
        with pytest.raises(InvalidDataError) as exc:
            found.extend(iter_complaints(text))
        assert [c.id for c in found] == ["C-1", "C-2", "C-3", "C-5"]
        assert problems(exc) == [(3, "id"), (5, "id"), (7, "event")]

    def test_priority_changes_round_trip(self) -> None:
        """A priority change is written with its new priority and read back."""
        text = (
            C_HEAD
            + "C-1,received,2025-03-03T09:00+08:00,phone,demand,,,,\n"
            + "C-1,priority_changed,2025-03-03T10:00+08:00,,,,,urgent,\n"
        )
        complaints = read_complaints(text)

        assert complaints == read_complaints(write_complaints(complaints))

    def test_rows_of_any_shape(self) -> None:
        """Blank rows are skipped; unreadable rows, short rows and unnamed cells are problems."""
        text = (
            "id,event,at,channel,level,\n"
            "C-1,received,2025-03-03T09:00+08:00,phone,demand,\n"
            ",,,,,\n"  # 3: skipped
            'C-1,"closed"x,2025-03-03T10:00+08:00,,,\n'  # 4: not CSV
            "C-2,received,2025-03-03T09:00+08:00,phone,demand,oops\n"  # 5: unnamed cell
            "C-3\n"  # 6: one cell
            "\n"  # 7: skipped
        )
        with pytest.raises(InvalidDataError) as exc:
            read_complaints(text)
        assert problems(exc) == [(4, None), (5, "#6"), (6, None)]
        with pytest.raises(InvalidDataError, match="no header row"):
            read_complaints("\n")

    def test_short_row_without_its_key(self) -> None:
        """A short row that does not reach the id column belongs to no complaint."""
        text = "event,at,channel,level,id\nreceived\n"
        with pytest.raises(InvalidDataError) as exc:
            read_complaints(text)
        assert problems(exc) == [(2, None)]

    def test_complaint_refused_by_its_record(self) -> None:
        """A refusal by `Complaint` itself is a problem on the complaint's first row, in the
        column its error names."""
        text = C_HEAD + "C-1,received,2025-03-03T09:00+08:00,phone,demand,A; A,,,\n"
        with pytest.raises(InvalidDataError, match="must not repeat a department") as exc:
            read_complaints(text)
        assert problems(exc) == [(2, "departments")]

    def test_write_refuses_what_would_not_read_back(self) -> None:
        """A list item holding `;` cannot go to CSV (JSON Lines can hold it)."""
        c = Complaint("C-1", datetime(2025, 3, 3, 9, tzinfo=TZ8), "phone", "demand",
                      departments=["客服; 工程"])  # fmt: skip
        with pytest.raises(InvalidValueError, match=r"complaints\[0\], column departments") as e:
            write_complaints([c])
        assert e.value.field == "departments"
        assert (c,) == read_complaints(write_complaints([c], format="jsonl"), format="jsonl")


F_HEAD = (
    "id,item_code,category,severity,description,found_at,found_by,points,rectify_by,verify_on,"
    "event,at,by,note,result\n"
)
F_ROW = "F-1,ENV-01,rectification,minor,Dirty,2025-03-03T09:00+08:00,Zhao,,2025-03-05T17:00+08:00,2025-03-06,"  # noqa: E501


class TestFindings:
    """Findings: the first row gives the finding, each later row one event."""

    def test_problems(self) -> None:
        """Every problem of every row, at the row and column it is in."""
        text = (
            F_HEAD
            + F_ROW + "rectification,2025-03-04T09:00+08:00,Wang,,\n"  # 2: event on first row
            + F_ROW.replace("F-1", "F-2") + ",,,,\n"
            + "F-2,,,,,,,,,,,2025-03-04T09:00+08:00,Wang,,\n"  # 4: no event
            + "F-2,,,,,,,,,,rectification,,,,\n"  # 5: no at, no by
            + F_ROW.replace("F-1", "F-3") + ",,,,\n"
            + "F-3,,,,,,,,,,rectification,2025-03-04T09:00+08:00,Wang,,\n"
            + "F-3,,,,,,,,,,verification,2025-03-04T10:00+08:00,wang ,,passed\n"  # 8: same person
            + F_ROW.replace("F-1", "F-4").replace(",Zhao,,", ",Zhao,2,") + ",,,,\n"  # 9: points
            + F_ROW.replace("F-1", "F-5").replace("Dirty", "") + ",,,,\n"  # 10: no description
            + "F-5,,,,,,,,,,cancellation,2025-03-04T09:00+08:00,Wang,,\n"  # 11: no reason
            + F_ROW.replace("F-1", "F-6") + ",,,,\n"
            + "F-6,,,,,,,,,,rectification,2025-03-02T09:00+08:00,Wang,,\n"  # 13: before found
        )  # fmt: skip
        with pytest.raises(InvalidDataError) as exc:
            read_findings(text)

        assert problems(exc) == [
            (2, "event"),
            (2, "at"),
            (2, "by"),
            (4, "event"),
            (5, "at"),
            (5, "by"),
            (8, "event"),
            (9, "points"),  # the column the Finding's error names as its field
            (10, "description"),
            (11, "note"),
            (13, "event"),
        ]
        text = messages(exc)
        assert "the verifier must differ from the rectifier" in text
        assert "only deduction items carry points" in text
        assert "is out of order" in text

    def test_finding_refused_with_events(self) -> None:
        """A refusal of the finding itself is placed on its first row even with events."""
        text = (
            F_HEAD
            + F_ROW.replace(",Zhao,,", ",Zhao,2,") + ",,,,\n"
            + "F-1,,,,,,,,,,rectification,2025-03-04T09:00+08:00,Wang,,\n"
        )  # fmt: skip
        with pytest.raises(InvalidDataError, match="only deduction items carry points") as exc:
            read_findings(text)
        assert [p.line for p in exc.value.problems] == [2]

    def test_a_bad_row_is_reported_and_its_record_not_built(self) -> None:
        """A bad cell in one row stops its finding, and other rows' problems still show."""
        text = (
            F_HEAD
            + F_ROW.replace("ENV-01", "") + ",,,,\n"  # 2: no item code
            + "F-1,,,,,,,,,,verificatio,2025-03-04T09:00+08:00,Wang,,passed\n"  # 3: bad word
        )  # fmt: skip
        with pytest.raises(InvalidDataError) as exc:
            read_findings(text)
        assert problems(exc) == [(3, "event"), (2, "item_code")]

    def test_streaming(self) -> None:
        """The iterator reads consecutive findings one by one."""
        text = (DATA / "findings.csv").read_text(encoding="utf-8")

        assert EXPECTED["findings"] == tuple(iter_findings(text, zone="Asia/Shanghai"))


class TestRepairs:
    """Repair orders, laid out like complaints."""

    def test_illegal_timeline(self) -> None:
        """An event not allowed in its order's state is a problem on its row."""
        text = (
            "id,event,at,category\n"
            "R-1,received,2025-03-03T09:00+08:00,ordinary\n"
            "R-1,revisited,2025-03-03T10:00+08:00,\n"
        )
        with pytest.raises(InvalidDataError, match="not allowed while the request is open") as e:
            read_repairs(text)
        assert problems(e) == [(3, "event")]

    def test_refused_by_the_order(self) -> None:
        """A scheduled order without an appointment is a problem on its first row."""
        text = "id,at,category\nR-1,2025-03-03T09:00+08:00,scheduled\n"
        with pytest.raises(InvalidDataError, match="'appointment' is required") as exc:
            read_repairs(text)
        assert problems(exc) == [(2, "appointment")]

    def test_first_row_gives_the_category(self) -> None:
        """The first row must give the category."""
        with pytest.raises(InvalidDataError, match="must give its category") as exc:
            read_repairs("id,at,category\nR-1,2025-03-03T09:00+08:00,\n")
        assert problems(exc) == [(2, "category")]

    def test_a_row_of_wrong_length_stops_its_order(self) -> None:
        """A row with too few cells is a problem; its order is not built from the rest."""
        text = "id,at,category,event\nR-1,2025-03-03T09:00+08:00,ordinary,received\nR-1,x\n"
        with pytest.raises(InvalidDataError) as exc:
            read_repairs(text)
        assert problems(exc) == [(3, None)]
        with pytest.raises(InvalidDataError) as exc:
            list(iter_records("repairs", text))
        assert problems(exc) == [(3, None)]


class TestSurveyResponses:
    """Survey questionnaires: one a row, every column that is not the table's own an item."""

    HEAD = "survey_id,household,at,comment,秩序维护,环境卫生\n"

    def test_scores(self) -> None:
        """Scores 1-5 (`5分` too) or the three words; an empty cell is not answered."""
        text = (
            self.HEAD
            + "S,H-1,2025-11-08T10:00+08:00,,5分,\nS,H-2,2025-11-08T10:00+08:00,,满意,不满意\n"
        )
        a, b = read_survey_responses(text)

        assert dict(a.scores) == {"秩序维护": "5"}
        assert dict(b.scores) == {"秩序维护": "satisfied", "环境卫生": "dissatisfied"}

    def test_problems(self) -> None:
        """Each bad score is a problem in its item's column; a row answering nothing too."""
        text = (
            self.HEAD
            + "S,H,2025-11-08T10:00+08:00,,6,\n"  # 2: out of the scale
            + "S,H,2025-11-08T10:00+08:00,,,\n"  # 3: nothing answered
            + "S,H,2025-11-08T10:00+08:00,,非常满意,1.5\n"  # 4: two bad cells
            + "S,,2025-11-08T10:00+08:00,,5,\n"  # 5: no household
        )
        with pytest.raises(InvalidDataError) as exc:
            read_survey_responses(text)
        assert problems(exc) == [
            (2, "秩序维护"),
            (3, None),
            (4, "秩序维护"),
            (4, "环境卫生"),
            (5, "household"),
        ]
        assert "'score' must be 1-5" in exc.value.problems[0].message

    def test_header_problems(self) -> None:
        """No item column, a repeated item, or a `scores` column are header problems."""
        cases = {
            "survey_id,household,at,A,A\n": [(1, "A")],
            "survey_id,household,at,scores,A\n": [(1, "scores")],
        }
        for header, expected in cases.items():
            with pytest.raises(InvalidDataError) as exc:
                read_survey_responses(header + "S,H,2025-11-08T10:00+08:00,5,5\n")
            assert problems(exc) == expected

    def test_no_item_columns(self) -> None:
        """Without item columns, each row says the header has none; no row reads nothing."""
        assert read_survey_responses("survey_id,household,at,comment\n") == ()
        with pytest.raises(InvalidDataError, match="the header has no item columns") as exc:
            read_survey_responses("survey_id,household,at,comment\nS,H,2025-11-08T10:00Z,x\n")
        assert problems(exc) == [(2, None)]

    def test_jsonl(self) -> None:
        """In JSON Lines the scores are one object; a bad one is a problem on `scores`."""
        line = '{"survey_id":"S","household":"H","at":"2025-11-08T10:00+08:00","scores":%s}\n'
        (r,) = read_survey_responses(line % '{"A": 5, "B": "满意"}', format="jsonl")
        assert dict(r.scores) == {"A": "5", "B": "satisfied"}
        for bad in ('{"A": 5.0}', '{"A": true}', '"A: 5"', "[5]", '{"A": 9}', "{}", '{"": 5}'):
            with pytest.raises(InvalidDataError) as exc:
                read_survey_responses(line % bad, format="jsonl")
            assert problems(exc) == [(1, "scores")], bad

    def test_writer_refuses_items_that_would_not_read_back(self) -> None:
        """An item named like a column, or with blanks around it, cannot head a CSV column."""
        for item in ("comment", " A", "调查时间"):
            r = SurveyResponse("S", "H", at("2025-11-08 10:00"), {item: 5})
            with pytest.raises(InvalidValueError, match="cannot head a CSV column"):
                tables.write_survey_responses([r])
            assert (r,) == read_survey_responses(
                tables.write_survey_responses([r], format="jsonl"), format="jsonl"
            )

    def test_streaming(self) -> None:
        """The iterator reads the example file's questionnaires one by one."""
        with (DATA / "survey_responses.csv").open(encoding="utf-8", newline="") as f:
            found = tuple(tables.iter_survey_responses(f, zone="Asia/Shanghai"))
        assert found == EXPECTED["survey_responses"]


class TestRoutineLog:
    """The duty log: one entry a row."""

    def test_problems(self) -> None:
        """Every required cell is checked; evidence is a list."""
        text = (
            "工作代码,完成时间,完成人,证据\nTRAIN,2025-03-14 14:00,,签到表\n,2025-03-14,王主管,\n"
        )
        with pytest.raises(InvalidDataError) as exc:
            read_routine_log(text, zone="Asia/Shanghai")
        assert problems(exc) == [(2, "完成人"), (3, "工作代码"), (3, "完成时间")]


# -- writing -----------------------------------------------------------------------------------


class TestWriting:
    """Writers: the same formats, checked arguments, one line at a time."""

    def test_csv_lines(self) -> None:
        """CSV lines end with CRLF, the header first; JSON Lines end with LF."""
        lines = list(write_lines("checks", EXPECTED["checks"][:1]))

        assert lines == [
            "item_code,at,inspector,samples,evidence,round_id\r\n",
            "SEC-01,2025-03-03T09:00:00+08:00,赵强,3,IMG-0301; IMG-0302,\r\n",
        ]
        (line,) = write_lines("checks", EXPECTED["checks"][:1], format="JSONL")
        assert line.endswith("}\n")

    def test_lazy(self) -> None:
        """`write_lines` pulls records as it goes (a generator of records works)."""

        def records() -> Iterator[CheckRecord]:
            yield EXPECTED["checks"][0]
            msg = "pulled too far"
            raise AssertionError(msg)

        lines = write_lines("checks", records())
        assert [next(lines).endswith("\r\n") for _ in range(2)] == [True, True]

    def test_nul_refused(self) -> None:
        """A NUL character cannot be written to CSV."""
        record = CheckRecord("SEC\x00", datetime(2025, 3, 3, tzinfo=TZ8), "Zhao")
        with pytest.raises(InvalidValueError, match="NUL"):
            write_checks([record])

    def test_wrong_records(self) -> None:
        """Records of another kind, or not an iterable, are programming errors."""
        with pytest.raises(TypeError, match=r"checks\[0\] must be a CheckRecord"):
            write_checks([EXPECTED["actuals"][0]])
        with pytest.raises(TypeError, match="must be an iterable of CheckRecord"):
            write_checks("SEC-01")  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("kwargs", "field"),
        [
            ({"format": "xlsx"}, "format"),
            ({"headings": "fr"}, "headings"),
            ({"format": 3}, "format"),
        ],
    )
    def test_bad_arguments(self, kwargs: dict[str, Any], field: str) -> None:
        """An unknown format or headings is refused at once, naming the argument."""
        with pytest.raises(InvalidValueError, match=field) as exc:
            write_records("checks", [], **kwargs)
        assert field == exc.value.field


class TestArguments:
    """Kinds, formats and zones are checked at once, also for the iterators."""

    def test_kind(self) -> None:
        """A kind is read through its vocabulary (English or Chinese); others are refused."""
        assert columns("投诉记录") == columns(TableKind.COMPLAINTS)
        with pytest.raises(InvalidValueError, match="'kind' must be one of 'checks'"):
            columns("invoices")

    def test_format_and_zone(self) -> None:
        """An unknown format or zone is refused before any line is read."""
        with pytest.raises(InvalidValueError, match="'format' must be one of 'csv', 'jsonl'"):
            iter_checks(HEAD, format="xml")
        with pytest.raises(InvalidValueError, match="zone"):
            iter_checks(HEAD, zone="Mars/Olympus")

    def test_streaming_is_lazy(self) -> None:
        """`iter_checks` reads a line at a time: it works on an endless source."""
        endless = itertools.chain([HEAD], itertools.repeat(ROW))
        first = list(itertools.islice(iter_checks(endless), 3))

        assert len(first) == 3

    def test_streaming_raises_at_the_end(self) -> None:
        """The iterator yields the good records, then raises for the bad rows."""
        found: list[CheckRecord] = []
        with pytest.raises(InvalidDataError) as exc:
            found.extend(iter_checks(HEAD + ROW + "SEC-01,x,Z,1,,\n" + ROW))
        assert len(found) == 2
        assert problems(exc) == [(3, "at")]


class TestColumnsAndSchemas:
    """Every kind's columns and schema say what its rows hold."""

    @pytest.mark.parametrize("kind", KINDS)
    def test_columns(self, kind: TableKind) -> None:
        """Names and Chinese headings are unique; required columns come first in a schema."""
        cols = columns(kind)
        names = [c.name for c in cols] + [c.heading_zh for c in cols]

        assert len(set(names)) == len(names)
        schema = row_schema(kind)
        assert [c.name for c in cols] == list(schema["properties"])
        assert set(schema["required"]) <= {c.name for c in cols if c.required}

    @pytest.mark.parametrize("kind", KINDS)
    def test_reference_page_lists_every_column(self, kind: TableKind) -> None:
        """The reference page's table of a kind lists its columns, in order, with the Chinese
        headings the reader accepts."""
        page = (DATA.parent.parent.parent / "docs" / "reference" / "tables.md").read_text(
            encoding="utf-8"
        )
        section = page.split(f"(`{kind.value}`)\n", 1)[1].split("\n## ", 1)[0]
        rows = re.findall(r"^\| `(\w+)` \| (\S+) \|", section, flags=re.MULTILINE)

        assert rows == [(c.name, c.heading_zh) for c in columns(kind)]

    def test_collection_record(self) -> None:
        """A collection row has one currency, a calendar month and no negative amount."""
        march = Period.parse("2025-03")
        with pytest.raises(ValueError, match="a row has one currency"):
            Collection(month=march, billed=Money("1", "CNY"), collected=Money("1", "HKD"))
        with pytest.raises(InvalidValueError, match="calendar month"):
            Collection(month=Period.parse("2025-Q1"), billed=Money("1", "CNY"),
                       collected=Money("1", "CNY"))  # fmt: skip
        with pytest.raises(InvalidValueError, match="must not be negative") as exc:
            Collection(month=march, billed=Money("-1", "CNY"), collected=Money("1", "CNY"))
        assert exc.value.field == "billed"

    def test_collections_feed_collection_progress(self) -> None:
        """The rows of January to a month give `collection_progress` its inputs."""
        from propstd.budgets import CollectionCurve, collection_progress

        rows = read_collections((DATA / "collections.csv").read_text(encoding="utf-8"))
        progress = collection_progress(
            rows[-1].billed,
            [r.collected for r in rows],
            period=rows[-1].month,
            curve=CollectionCurve(months=(3, 12), shares=(Fraction(3, 5), Fraction(19, 20))),
        )
        assert str(progress.rate) == "58.3% (268416000/460800000)"
