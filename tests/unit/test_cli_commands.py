"""Unit tests for the commands of propstd.cli that read and write files.

`sample`, `init`, `validate`, `explain`, `schema` and `report` run here on real files in a
temporary folder; `report`'s figures are checked against the domain functions on the same
records read back with `propstd.tables`.
"""

from __future__ import annotations

import io
import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from propstd import cli, samples
from propstd.budgets import Budget
from propstd.cli import main
from propstd.periods import Period
from propstd.scorecards import Scorecard, scorecard
from propstd.serialization import from_data, json_schema
from propstd.standard import PropertyProfile, ServiceStandard
from propstd.tables import TableKind, read_records, row_schema

AS_OF = samples.AS_OF.isoformat()
MONTH = str(samples.MONTH)


@pytest.fixture(scope="module")
def sample_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample property's files, written once for the module (tests only read them)."""
    folder = tmp_path_factory.mktemp("cuihu")
    assert main(["sample", str(folder)]) == 0
    return folder


def _report(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(["report", *args])
    out, err = capsys.readouterr()
    return status, out, err


def _sample_card() -> Scorecard:
    """The sample month's card from its values (no files)."""
    month = samples.month()
    return scorecard(
        samples.standard(), period=samples.MONTH, as_of=samples.AS_OF, **month.scorecard_inputs()
    )


def _card_from_files(folder: Path) -> Scorecard:
    """The sample's card computed by the domain functions on its files read with tables."""
    standard = ServiceStandard.from_toml((folder / "standard.toml").read_text(encoding="utf-8"))
    zone = standard.calendar("inspections").zone
    records: dict[str, Any] = {}
    for kind in TableKind:
        text = (folder / f"{kind.value}.csv").read_text(encoding="utf-8")
        records[kind.value] = read_records(kind, text, zone=zone)
    budget = from_data(Budget, json.loads((folder / "budget.json").read_text(encoding="utf-8")))
    return scorecard(standard, period=samples.MONTH, as_of=samples.AS_OF, budget=budget, **records)


# -- sample ----------------------------------------------------------------------------------


def test_sample_writes_the_standard_and_every_kind(sample_dir: Path) -> None:
    """sample writes standard.toml, budget.json and one CSV file per record kind."""
    names = {p.name for p in sample_dir.iterdir()}
    assert names == {"standard.toml", "budget.json"} | {f"{k.value}.csv" for k in TableKind}
    standard = ServiceStandard.from_toml((sample_dir / "standard.toml").read_text("utf-8"))
    assert standard == samples.standard()


def test_sample_files_hold_the_sample_month(sample_dir: Path) -> None:
    """Every record file reads back to the sample month's records, none lost."""
    month = samples.month()
    for kind in TableKind:
        text = (sample_dir / f"{kind.value}.csv").read_text(encoding="utf-8")
        assert read_records(kind, text, zone=samples.ZONE) == tuple(getattr(month, kind.value))


def test_sample_again_is_harmless(sample_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Writing the sample over its own unchanged files succeeds and says what it wrote."""
    assert main(["sample", str(sample_dir)]) == 0
    err = capsys.readouterr().err
    assert f"wrote 11 files to {sample_dir}/" in err
    assert f"--month {MONTH}" in err


def test_sample_keeps_the_users_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A file changed by the user is kept (exit 1, one line) unless --force is given."""
    assert main(["sample", str(tmp_path)]) == 0
    (tmp_path / "checks.csv").write_text("mine\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["sample", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err == f"propstd: {tmp_path}: checks.csv already there (use --force to overwrite)\n"
    assert (tmp_path / "checks.csv").read_text(encoding="utf-8") == "mine\n"
    assert main(["sample", str(tmp_path), "--force"]) == 0
    assert (tmp_path / "checks.csv").read_text(encoding="utf-8").startswith("item_code,")


def test_sample_in_json_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--format jsonl writes JSON Lines files, and report reads them to the same card."""
    assert main(["sample", str(tmp_path), "--format", "jsonl"]) == 0
    assert (tmp_path / "checks.jsonl").exists()
    assert not (tmp_path / "checks.csv").exists()
    capsys.readouterr()
    status, out, _ = _report(
        capsys, str(tmp_path / "standard.toml"), "--month", MONTH, "--as-of", AS_OF,
        "--format", "json",
    )  # fmt: skip
    assert status == 0
    assert from_data(Scorecard, json.loads(out)) == _sample_card()


# -- report: the figures are the domain functions' -------------------------------------------


def test_report_is_the_domain_functions_figure_for_figure(
    sample_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """report --format json on the sample files is the card scorecard() gives on the records
    read back with tables, and the card of the sample month's values themselves."""
    status, out, err = _report(
        capsys, str(sample_dir / "standard.toml"), "--data", str(sample_dir),
        "--month", MONTH, "--as-of", AS_OF, "--format", "json",
    )  # fmt: skip
    assert (status, err) == (0, "")
    from_files = _card_from_files(sample_dir)
    assert json.loads(out) == from_files.to_data()
    direct = _sample_card()
    assert from_files == direct
    assert from_data(Scorecard, json.loads(out)) == direct


def test_report_text_shows_the_sample_figures(
    sample_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The text report is the card's text: the QPI coverage of the sample month among it."""
    status, out, _ = _report(
        capsys, str(sample_dir / "standard.toml"), "--month", MONTH, "--as-of", AS_OF
    )
    assert status == 0
    assert out == _card_from_files(sample_dir).to_text() + "\n"
    assert "98.2% (237.5/241.75)" in out


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_report_formats(
    fmt: str, sample_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--format markdown|html with --output writes the card's rendering to the file."""
    target = tmp_path / f"march.{fmt}"
    status, out, err = _report(
        capsys, str(sample_dir / "standard.toml"), "--month", MONTH, "--as-of", AS_OF,
        "--format", fmt, "--output", str(target),
    )  # fmt: skip
    assert (status, out, err) == (0, "", f"wrote {target}\n")
    card = _card_from_files(sample_dir)
    expected = card.to_markdown() if fmt == "markdown" else card.to_html()
    assert target.read_text(encoding="utf-8").rstrip("\n") == expected.rstrip("\n")
    if fmt == "html":
        page = target.read_text(encoding="utf-8")
        assert "<svg" in page
        assert "<script" not in page
        assert "http://" not in page.replace("http://www.w3.org/2000/svg", "")


def test_report_is_deterministic_for_an_as_of(
    sample_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same files and --as-of give the same bytes twice."""
    args = (str(sample_dir / "standard.toml"), "--month", MONTH, "--as-of", AS_OF)
    first = _report(capsys, *args, "--format", "html")
    assert _report(capsys, *args, "--format", "html") == first


def test_report_default_as_of_is_the_end_of_a_past_month(
    sample_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without --as-of a past month is judged at its end, and stderr says how to repeat it."""
    status, out, err = _report(capsys, str(sample_dir / "standard.toml"), "--month", MONTH)
    assert status == 0
    assert err == (
        "propstd: 翠湖花园: as of 2025-04-01T00:00+08:00, the end of the month; "
        "repeat with --as-of 2025-04-01T00:00+08:00\n"
    )
    assert out.startswith("翠湖花园 2025-03 (as of 2025-04-01 00:00+08:00)")


class _FrozenClock(datetime):
    """`datetime` whose now() is 2025-03-15 12:00 UTC (the month of the sample not over)."""

    @classmethod
    def now(cls, tz: Any = None) -> _FrozenClock:
        return cls(2025, 3, 15, 12, 0, tzinfo=tz)


def test_report_default_as_of_is_now_in_a_running_month(
    sample_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without --as-of a month not over is judged now, in the property's zone, said on stderr."""
    monkeypatch.setattr(cli, "datetime", _FrozenClock)
    status, _, err = _report(capsys, str(sample_dir / "standard.toml"), "--month", MONTH)
    assert status == 0
    assert err == (
        "propstd: 翠湖花园: as of 2025-03-15T20:00+08:00, now (the month is not over); "
        "repeat with --as-of 2025-03-15T20:00+08:00\n"
    )


# -- report: a group -------------------------------------------------------------------------


def _second_property(sample_dir: Path, folder: Path) -> Path:
    """A copy of the sample under another property's name (碧水湾)."""
    folder.mkdir()
    for path in sample_dir.iterdir():
        text = path.read_text(encoding="utf-8")
        if path.name == "standard.toml":
            text = text.replace('name = "翠湖花园"', 'name = "碧水湾"', 1)
        (folder / path.name).write_text(text, encoding="utf-8")
    return folder


def test_group_report_is_the_pooled_figures(
    sample_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--group of two properties is Scorecard.sum of their cards: numerators and denominators
    pooled, counts summed."""
    other = _second_property(sample_dir, tmp_path / "bishuiwan")
    status, out, err = _report(
        capsys, "--group", str(sample_dir), str(other), "--month", MONTH, "--as-of", AS_OF,
        "--format", "json",
    )  # fmt: skip
    assert (status, err) == (0, "")  # stderr is no terminal: no progress bar
    one = _card_from_files(sample_dir)
    group = from_data(Scorecard, json.loads(out))
    assert group == Scorecard.sum([one, _card_from_files(other)])
    assert [c.title for c in group.cards] == ["翠湖花园", "碧水湾"]
    single, pooled = one.indicator("qpi.coverage").value, group.indicator("qpi.coverage").value
    assert (pooled.numerator, pooled.denominator) == (  # type: ignore[union-attr]
        2 * single.numerator,  # type: ignore[union-attr]
        2 * single.denominator,  # type: ignore[union-attr]
    )
    assert group.indicator("repairs.orders").value == 280


def test_group_of_the_same_property_twice_is_refused(
    sample_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A property counted twice in a group is an error naming it (exit 1)."""
    status, out, err = _report(
        capsys, "--group", str(sample_dir), str(sample_dir), "--month", MONTH, "--as-of", AS_OF
    )
    assert (status, out) == (1, "")
    assert err == "propstd: a property must be counted once, got ['翠湖花园'] twice\n"


def test_progress_bar_on_a_terminal() -> None:
    """On a terminal the progress bar redraws one line per property and ends the line."""

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    stream = Terminal()
    with cli._Progress(2, stream) as progress:
        progress.step("a")
        progress.step("b")
    text = stream.getvalue()
    assert text.startswith("\r[" + "#" * 12 + "." * 12 + "] 1/2 a")
    assert "\r[" + "#" * 24 + "] 2/2 b" in text
    assert text.endswith("\n")


def test_progress_bar_is_silent_off_a_terminal() -> None:
    """Off a terminal (a pipe, a file) nothing is written."""
    stream = io.StringIO()
    with cli._Progress(1, stream) as progress:
        progress.step("a")
    assert stream.getvalue() == ""


# -- report: errors --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--month", "2025-03"], "report takes a STANDARD (with --data DIR) or --group DIR..."),
        (["s.toml", "--group", "a", "--month", "2025-03"], "report takes a STANDARD"),
        (["s.toml", "--month", "2025-13"], "--month: "),
        (["s.toml", "--month", "2025"], "--month must be one month such as 2025-03, got '2025'"),
        (["s.toml", "--month", "2025-03", "--as-of", "soon"], "--as-of must be an ISO 8601"),
        (
            ["s.toml", "--month", "2025-03", "--as-of", "2025-04-01T09:00"],
            "--as-of needs a UTC offset",
        ),
    ],
)
def test_report_usage_errors(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Wrong arguments are one line on stderr and exit status 2."""
    assert main(["report", *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"propstd: {message}")
    assert err.count("\n") == 1


def test_report_on_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A standard that is not there is one line naming the file (exit 1)."""
    path = tmp_path / "nope.toml"
    status, out, err = _report(capsys, str(path), "--month", MONTH, "--as-of", AS_OF)
    assert (status, out) == (1, "")
    assert err == f"propstd: {path}: No such file or directory\n"


def test_report_on_a_bad_budget(
    sample_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A budget.json that is not a budget is one line naming the file (exit 1)."""
    other = _second_property(sample_dir, tmp_path / "p")
    (other / "budget.json").write_text('{"year": "soon"}', encoding="utf-8")
    status, _, err = _report(
        capsys, str(other / "standard.toml"), "--month", MONTH, "--as-of", AS_OF
    )
    assert status == 1
    assert err.startswith(f"propstd: {other / 'budget.json'}: ")
    assert err.count("\n") == 1
    (other / "budget.json").write_text("{", encoding="utf-8")
    status, _, err = _report(
        capsys, str(other / "standard.toml"), "--month", MONTH, "--as-of", AS_OF
    )
    assert status == 1
    assert err.startswith(f"propstd: {other / 'budget.json'}: Expecting property name")


def test_report_on_bad_rows(
    sample_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Bad record rows are each one line `file:line: column C: message` (exit 1)."""
    other = _second_property(sample_dir, tmp_path / "p")
    lines = (other / "checks.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    lines[2] = lines[2].replace(",1,", ",many,", 1)
    lines[4] = lines[4].replace("2025-03-01T", "yesterday ", 1)
    (other / "checks.csv").write_text("".join(lines), encoding="utf-8")
    status, out, err = _report(
        capsys, str(other / "standard.toml"), "--month", MONTH, "--as-of", AS_OF
    )
    assert (status, out) == (1, "")
    problems = err.splitlines()
    assert len(problems) == 2
    assert problems[0] == (
        f"{other / 'checks.csv'}:3: column samples: expected a whole number (digits 0-9), "
        "got 'many'"
    )
    assert problems[1].startswith(f"{other / 'checks.csv'}:5: column at: ")


def test_report_on_a_property_with_only_its_standard(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A folder with only a standard gives a card of "no data" sections, not an error."""
    (tmp_path / "standard.toml").write_text(samples.standard().to_toml(), encoding="utf-8")
    status, out, _ = _report(
        capsys, str(tmp_path / "standard.toml"), "--month", MONTH, "--as-of", AS_OF,
        "--format", "json",
    )  # fmt: skip
    assert status == 0
    card = from_data(Scorecard, json.loads(out))
    assert card.section("qpi").status.value == "no_data"


# -- init, explain, schema -------------------------------------------------------------------


def test_init_prints_the_preset_for_the_property(capsys: pytest.CaptureFixture[str]) -> None:
    """init with the property's figures prints the preset's TOML for that property, silently."""
    args = ["--property-name", "碧水湾", "--area", "80000", "--households", "700"]
    assert main(["init", "--preset", "seed", *args, "--city", "广州"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    profile = PropertyProfile(
        name="碧水湾",
        area_m2=80000,
        households=700,
        kind="residential",
        phase="operation",
        city="广州",
    )
    assert ServiceStandard.from_toml(out) == ServiceStandard.preset("seed", property=profile)


def test_init_without_figures_says_it_took_the_samples(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """init without the property's figures takes the sample's and says so on stderr."""
    assert main(["init", "--preset", "cpmi-2004-level-1", "--kind", "villa"]) == 0
    out, err = capsys.readouterr()
    assert "the property's figures not given are the sample property's (翠湖花园)" in err
    standard = ServiceStandard.from_toml(out)
    assert standard.property.name == "翠湖花园"
    assert standard.property.households == 1150
    assert standard.property.kind.value == "villa"


def test_init_refuses_a_bad_figure(capsys: pytest.CaptureFixture[str]) -> None:
    """A bad figure is the library's named error in one line (exit 1)."""
    figures = ["--property-name", "x", "--households", "7", "--area", "-5"]
    assert main(["init", "--preset", "seed", *figures]) == 1
    err = capsys.readouterr().err
    assert err.startswith("propstd: ")
    assert "area_m2" in err
    assert err.count("\n") == 1


def test_init_refuses_an_unknown_preset(capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown preset is a usage error listing the presets."""
    with pytest.raises(SystemExit) as info:
        main(["init", "--preset", "nope"])
    assert info.value.code == 2
    assert "seed" in capsys.readouterr().err


def test_explain(sample_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """explain prints the standard's own explanation."""
    assert main(["explain", str(sample_dir / "standard.toml")]) == 0
    assert capsys.readouterr().out == samples.standard().explain()


def test_explain_reads_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A standard in a .json file is read as JSON."""
    path = tmp_path / "standard.json"
    path.write_text(samples.standard().to_json(), encoding="utf-8")
    assert main(["explain", str(path)]) == 0
    assert capsys.readouterr().out == samples.standard().explain()


def test_schema_of_a_standard(capsys: pytest.CaptureFixture[str]) -> None:
    """schema standard prints json_schema(ServiceStandard)."""
    assert main(["schema", "standard"]) == 0
    assert json.loads(capsys.readouterr().out) == json_schema(ServiceStandard)


@pytest.mark.parametrize("kind", [k.value for k in TableKind])
def test_schema_of_a_record_row(kind: str, capsys: pytest.CaptureFixture[str]) -> None:
    """schema KIND prints the row schema of that kind of table."""
    assert main(["schema", kind]) == 0
    assert json.loads(capsys.readouterr().out) == row_schema(kind)


# -- validate --------------------------------------------------------------------------------


def test_validate_a_good_standard_and_records(
    sample_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """validate says the files are valid, counting the records (exit 0)."""
    files = [str(sample_dir / f"{k}.csv") for k in ("checks", "repairs")]
    assert main(["validate", str(sample_dir / "standard.toml"), *files]) == 0
    assert capsys.readouterr().out == (
        f"{sample_dir / 'standard.toml'} and 2 record files (382 records): valid\n"
    )


def test_validate_a_standard_alone(sample_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """validate of a standard alone says it is valid."""
    assert main(["validate", str(sample_dir / "standard.toml")]) == 0
    assert capsys.readouterr().out == f"{sample_dir / 'standard.toml'}: valid\n"


def test_validate_lists_every_problem_with_its_line(
    sample_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Planted problems in the standard and in a record file each come out as
    `file:line: path: message` (exit 1, no traceback)."""
    text = (sample_dir / "standard.toml").read_text(encoding="utf-8")
    text = text.replace('kind = "residential"', 'kind = "castle"', 1)
    text = text.replace('mon = "08:30-18:00"', 'mon = "25:00-18:00"', 1)
    monday = text.splitlines().index('mon = "25:00-18:00"') + 1
    standard = tmp_path / "standard.toml"
    standard.write_text(text, encoding="utf-8")
    checks = tmp_path / "checks.csv"
    checks.write_text("item_code,at,inspector\nSEC-01,yesterday,Li\n", encoding="utf-8")
    assert main(["validate", str(standard), str(checks)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 3
    assert lines[0] == (
        f"{standard}:10: property.kind: expected one of 'residential' (综合小区), "
        "'villa' (别墅), got 'castle'"
    )
    assert lines[1] == (
        f"{standard}:{monday}: calendars.service.week.mon: 'window' has an impossible time "
        "of day in '25:00-18:00'"
    )
    assert lines[2].startswith(f"{checks}:2: column at: expected an instant like")


def test_validate_records_without_a_readable_standard(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Records are still checked when the standard is broken; zones must then be in the rows."""
    standard = tmp_path / "standard.toml"
    standard.write_text("name = \n", encoding="utf-8")
    checks = tmp_path / "checks.csv"
    checks.write_text(
        "item_code,at,inspector\nSEC-01,2025-03-01T08:00:00+08:00,Li\n", encoding="utf-8"
    )
    assert main(["validate", str(standard), str(checks)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{standard}:1")
    assert str(checks) not in err


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("checks.xlsx", "a record file is .csv, .tsv or .jsonl, got '.xlsx'"),
        ("checks", "a record file is .csv, .tsv or .jsonl, got 'no suffix'"),
        ("visits.csv", "cannot tell the kind of records from the name; name it checks.csv"),
    ],
)
def test_validate_needs_a_record_file_named_by_kind(
    name: str, message: str, sample_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A record file whose name says no kind or format is one line (exit 1)."""
    path = tmp_path / name
    path.write_text("", encoding="utf-8")
    assert main(["validate", str(sample_dir / "standard.toml"), str(path)]) == 1
    assert capsys.readouterr().err.startswith(f"propstd: {path}: {message}")


# -- the edges of main() ---------------------------------------------------------------------


def test_a_closed_pipe_is_quiet(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """When the reader goes away (`| head`) the command stops with status 1 and no message."""

    def closed(_args: object) -> int:
        raise BrokenPipeError

    monkeypatch.setattr(cli, "_explain_cmd", closed)
    assert main(["explain", "x.toml"]) == 1
    assert capsys.readouterr().err == ""


def test_a_list_of_problems_from_the_library(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """An InvalidDataError not tied to a file is its message, then one line per problem."""
    from propstd.errors import InvalidDataError, Problem

    def bad(_args: object) -> int:
        msg = "2 problems"
        raise InvalidDataError(msg, [Problem("a", "no"), Problem("b", "nor this")])

    monkeypatch.setattr(cli, "_explain_cmd", bad)
    assert main(["explain", "x.toml"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0] == "propstd: 2 problems"
    assert len(err) == 3


def test_period_of_the_sample_is_a_month() -> None:
    """The sample's month is the month the CLI's examples report."""
    assert Period.parse("2025-03") == samples.MONTH
