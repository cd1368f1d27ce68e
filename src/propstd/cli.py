"""The command line: `propstd` (also `python -m propstd`).

This is the only module of propstd that reads files, prints or looks at the clock; every
calculation is the library's. Commands:

- `demo`: a worked month of the sample property, printed.
- `sample DIR`: the sample property's `standard.toml` and a month of record files.
- `init --preset NAME`: a standard to start from, printed as TOML.
- `validate STANDARD [RECORDS...]`: every problem as `file:line: path: message`.
- `explain STANDARD`: the standard in plain words.
- `schema KIND`: the JSON Schema of a standard or of a record row.
- `report STANDARD --data DIR --month YYYY-MM`: the monthly scorecard; `--group DIR...` for
  several properties.

Errors are one line each on stderr with exit status 1 (2 for a usage error), never a
traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

import propstd
from propstd import _demo
from propstd._time import zone as _zone
from propstd.budgets import Budget
from propstd.errors import InvalidDataError, PropstdError
from propstd.periods import Period
from propstd.scorecards import Scorecard, scorecard
from propstd.serialization import from_data, json_schema, to_data
from propstd.standard import PropertyProfile, ServiceStandard, preset_names
from propstd.tables import TableKind, iter_records, read_records, row_schema, write_records

__all__ = ["main"]


def __dir__() -> list[str]:
    return __all__


class _UserError(Exception):
    """A problem the user must fix, said in one line (no traceback)."""


_DESCRIPTION = """\
propstd: exact, pure calculations for property-management service standards
(物业服务标准): inspections and QPI, findings, complaint escalation, repair time limits,
budgets, surveys and duties, and the monthly scorecard across all of them."""

_EPILOG = """\
examples:
  propstd sample cuihu                           write the sample property's files
  propstd report cuihu/standard.toml --data cuihu --month 2025-03
  propstd report cuihu/standard.toml --data cuihu --month 2025-03 --format html -o march.html
  propstd init --preset seed --property-name 碧水湾 --area 80000 --households 700 > std.toml
  propstd validate standard.toml cuihu/checks.csv
  propstd explain standard.toml
  propstd schema standard
  propstd demo --section values                  one section of the worked demo month

documentation: the docs/ folder of the repository (mkdocs serve)."""

_FORMATS = {"csv": "csv", "tsv": "csv", "txt": "csv", "jsonl": "jsonl", "ndjson": "jsonl"}
"""The format of a record file by its suffix; `report` looks for them in this order."""

_BUDGET = "budget.json"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with *argv* (default: `sys.argv[1:]`); return the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    try:
        return int(args.run(args))
    except _UsageError as exc:
        _error(str(exc))
        return 2
    except _UserError as exc:
        _error(str(exc))
    except _FileProblemsError as exc:
        for line in exc.lines():
            print(line, file=sys.stderr)
    except InvalidDataError as exc:
        _error(exc.message)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
    except PropstdError as exc:
        _error(exc.message)
    except BrokenPipeError:  # the reader went away (`| head`): nothing more to say
        return 1
    except OSError as exc:
        _error(f"{exc.filename or ''}: {exc.strerror or exc}".lstrip(": "))
    return 1


def _error(message: str) -> None:
    print(f"propstd: {message}", file=sys.stderr)


# -- the parser ------------------------------------------------------------------------------


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="propstd",
        description=_DESCRIPTION,
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"propstd {propstd.__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for add in (_add_demo, _add_sample, _add_init, _add_validate, _add_explain, _add_schema):
        add(commands)
    _add_report(commands)
    return parser


_Commands = Any  # argparse's private _SubParsersAction


def _command(commands: _Commands, name: str, help_text: str, run: Callable[..., int]) -> Any:
    sub = commands.add_parser(name, help=help_text, description=help_text)
    sub.set_defaults(run=run)
    return sub


def _add_demo(commands: _Commands) -> None:
    demo = _command(commands, "demo", "print a worked month of the sample property", _demo_cmd)
    demo.add_argument(
        "--section",
        action="append",
        metavar="NAME",
        choices=_demo.SECTIONS,
        help="print only this section (repeatable; see --list)",
    )
    demo.add_argument("--list", action="store_true", help="list the demo sections")


def _add_sample(commands: _Commands) -> None:
    sample = _command(
        commands,
        "sample",
        "write the sample property's standard.toml and a month of record files into DIR",
        _sample_cmd,
    )
    sample.add_argument("dir", metavar="DIR", type=Path, help="the folder to write (created)")
    sample.add_argument("--format", choices=("csv", "jsonl"), default="csv")
    sample.add_argument("--force", action="store_true", help="overwrite files already there")


def _add_init(commands: _Commands) -> None:
    init = _command(commands, "init", "print a standard to start from, as TOML", _init_cmd)
    init.add_argument("--preset", required=True, choices=preset_names())
    init.add_argument("--property-name", help="the property's name (default: the sample's)")
    init.add_argument("--area", help="building area in m² (default: the sample's)")
    init.add_argument("--households", type=int, help="households (default: the sample's)")
    init.add_argument(
        "--kind", default="residential", help="residential (综合小区) or villa (别墅)"
    )
    init.add_argument("--phase", default="operation", help="operation or show_flat (样板房)")
    init.add_argument("--city", default="", help="the city, for the reader")


def _add_validate(commands: _Commands) -> None:
    validate = _command(
        commands,
        "validate",
        "check a standard (and record files): every problem as file:line: path: message",
        _validate_cmd,
    )
    validate.add_argument("standard", metavar="STANDARD", type=Path)
    validate.add_argument(
        "records",
        metavar="RECORDS",
        type=Path,
        nargs="*",
        help="record files named by kind: checks.csv, findings.jsonl, complaints.csv ...",
    )


def _add_explain(commands: _Commands) -> None:
    explain = _command(commands, "explain", "print a standard in plain words", _explain_cmd)
    explain.add_argument("standard", metavar="STANDARD", type=Path)


def _add_schema(commands: _Commands) -> None:
    schema = _command(
        commands, "schema", "print the JSON Schema of a standard or of a record row", _schema_cmd
    )
    kinds = ["standard", *(k.value for k in TableKind)]
    schema.add_argument("kind", metavar="KIND", choices=kinds, help=", ".join(kinds))


def _add_report(commands: _Commands) -> None:
    report = _command(
        commands, "report", "the monthly scorecard of a property or a group", _report_cmd
    )
    report.add_argument("standard", metavar="STANDARD", type=Path, nargs="?")
    report.add_argument("--data", metavar="DIR", type=Path, help="the folder of record files")
    report.add_argument(
        "--group",
        metavar="DIR",
        type=Path,
        nargs="+",
        help="property folders, each with standard.toml and its record files",
    )
    report.add_argument("--month", required=True, help="the month, e.g. 2025-03")
    report.add_argument(
        "--as-of",
        help="the instant the figures are judged at (ISO 8601 with offset); default: the end "
        "of the month or now, whichever is earlier",
    )
    report.add_argument("--format", choices=("text", "markdown", "html", "json"), default="text")
    report.add_argument(
        "--output", "-o", metavar="FILE", type=Path, help="write here, not to stdout"
    )


# -- demo, sample, init, explain, schema -----------------------------------------------------


def _demo_cmd(args: argparse.Namespace) -> int:
    if args.list:
        for name, title in _demo.section_titles():
            print(f"{name:<16} {title}")
        return 0
    sections = None if args.section is None else tuple(args.section)
    print(_demo.render(sections), end="")
    return 0


def _sample_cmd(args: argparse.Namespace) -> int:
    from propstd import samples  # the sample's values, built on first use

    folder: Path = args.dir
    folder.mkdir(parents=True, exist_ok=True)
    month = samples.month()
    suffix = "jsonl" if args.format == "jsonl" else "csv"
    files: dict[str, str] = {"standard.toml": samples.standard().to_toml()}
    for kind in TableKind:
        records = getattr(month, kind.value)
        files[f"{kind.value}.{suffix}"] = write_records(kind, records, format=args.format)
    files[_BUDGET] = json.dumps(to_data(month.budget), ensure_ascii=False, indent=2) + "\n"
    if not args.force:  # files already there with other content are the user's: keep them
        present = [
            name
            for name, text in files.items()
            if (folder / name).exists() and (folder / name).read_bytes() != text.encode()
        ]
        if present:
            msg = f"{folder}: {', '.join(present)} already there (use --force to overwrite)"
            raise _UserError(msg)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8", newline="")  # CSV has its \r\n
    print(f"wrote {len(files)} files to {folder}/: {', '.join(files)}", file=sys.stderr)
    print(
        f"next: propstd report {folder / 'standard.toml'} --data {folder} --month {samples.MONTH}",
        file=sys.stderr,
    )
    return 0


def _init_cmd(args: argparse.Namespace) -> int:
    name, area, households = args.property_name, args.area, args.households
    if None in (name, area, households):
        from propstd import samples

        sample = samples.property()
        print(
            "propstd: the property's figures not given are the sample property's "
            f"({sample.name}): give --property-name, --area and --households for yours",
            file=sys.stderr,
        )
        name = name or sample.name
        area = sample.area_m2 if area is None else area
        households = sample.households if households is None else households
    profile = PropertyProfile(
        name=name,
        area_m2=area,
        households=households,
        kind=args.kind,
        phase=args.phase,
        city=args.city,
    )
    print(ServiceStandard.preset(args.preset, property=profile).to_toml(), end="")
    return 0


def _explain_cmd(args: argparse.Namespace) -> int:
    print(_read_standard(args.standard).explain(), end="")
    return 0


def _schema_cmd(args: argparse.Namespace) -> int:
    schema = json_schema(ServiceStandard) if args.kind == "standard" else row_schema(args.kind)
    print(json.dumps(schema, ensure_ascii=False, indent=2))
    return 0


# -- reading files ---------------------------------------------------------------------------


def _read_standard(path: Path) -> ServiceStandard:
    text = path.read_text(encoding="utf-8-sig")
    try:
        if path.suffix.lower() == ".json":
            return ServiceStandard.from_json(text)
        return ServiceStandard.from_toml(text)
    except InvalidDataError as exc:
        raise _FileProblemsError(path, exc) from None


class _FileProblemsError(Exception):
    """Problems of one file, each printed as `file:line: path: message`."""

    def __init__(self, path: Path, error: InvalidDataError) -> None:
        super().__init__(error.message)
        self.path = path
        self.error = error

    def lines(self) -> Iterator[str]:
        for p in self.error.problems:
            where = f"{self.path}:{p.line}" if p.line is not None else f"{self.path}"
            place = ", ".join(
                x for x in (f"column {p.column}" if p.column else "", p.path or "") if x
            )
            yield f"{where}: {place + ': ' if place else ''}{p.message}"


def _record_kind(path: Path) -> tuple[TableKind, str]:
    stem, suffix = path.stem, path.suffix.lower().lstrip(".")
    fmt = _FORMATS.get(suffix)
    if fmt is None:
        msg = f"{path}: a record file is .csv, .tsv or .jsonl, got {path.suffix or 'no suffix'!r}"
        raise _UserError(msg)
    try:
        return TableKind(stem), fmt
    except PropstdError:
        known = ", ".join(f"{k.value}.csv" for k in TableKind)
        msg = f"{path}: cannot tell the kind of records from the name; name it {known}"
        raise _UserError(msg) from None


def _read_table(path: Path, kind: TableKind, fmt: str, zone: str) -> tuple[Any, ...]:
    with path.open(encoding="utf-8", newline="") as lines:
        try:
            return read_records(kind, lines, format=fmt, zone=zone)
        except InvalidDataError as exc:
            raise _FileProblemsError(path, exc) from None


# -- validate --------------------------------------------------------------------------------


def _validate_cmd(args: argparse.Namespace) -> int:
    problems: list[str] = []
    try:
        standard: ServiceStandard | None = _read_standard(args.standard)
    except _FileProblemsError as exc:
        problems += exc.lines()
        standard = None
    zone = standard.calendar("inspections").zone if standard is not None else None
    count = 0
    for path in args.records:
        kind, fmt = _record_kind(path)
        with path.open(encoding="utf-8", newline="") as lines:
            try:
                count += sum(1 for _ in iter_records(kind, lines, format=fmt, zone=zone))
            except InvalidDataError as exc:
                problems += _FileProblemsError(path, exc).lines()
    if problems:
        for line in problems:
            print(line, file=sys.stderr)
        return 1
    files = f" and {len(args.records)} record files ({count} records)" if args.records else ""
    print(f"{args.standard}{files}: valid")
    return 0


# -- report ----------------------------------------------------------------------------------


def _report_cmd(args: argparse.Namespace) -> int:
    if (args.standard is None) == (args.group is None):
        msg = "report takes a STANDARD (with --data DIR) or --group DIR..., one of the two"
        raise _UsageError(msg)
    try:
        period = Period.parse(args.month)
    except PropstdError as exc:
        msg = f"--month: {exc.message}"
        raise _UsageError(msg) from None
    if period != Period.month(period.start.year, period.start.month):
        msg = f"--month must be one month such as 2025-03, got {args.month!r}"
        raise _UsageError(msg)
    as_of = None if args.as_of is None else _instant(args.as_of)
    if args.group is None:
        card = _property_card(args.standard, args.data or args.standard.parent, period, as_of)
    else:
        cards = []
        with _Progress(len(args.group)) as progress:
            for folder in args.group:
                progress.step(str(folder))
                cards.append(_property_card(folder / "standard.toml", folder, period, as_of))
        card = Scorecard.sum(cards)
    _write(args.output, _render(card, args.format))
    return 0


class _UsageError(Exception):
    """A wrong combination of arguments: exit status 2."""


def _instant(text: str) -> datetime:
    try:
        t = datetime.fromisoformat(text)
    except ValueError:
        msg = f"--as-of must be an ISO 8601 instant such as 2025-04-01T09:00+08:00, got {text!r}"
        raise _UsageError(msg) from None
    if t.tzinfo is None:
        msg = f"--as-of needs a UTC offset (2025-04-01T09:00+08:00), got {text!r}"
        raise _UsageError(msg)
    return t


def _property_card(path: Path, folder: Path, period: Period, as_of: datetime | None) -> Scorecard:
    standard = _read_standard(path)
    zone = standard.calendar("inspections").zone
    records: dict[str, Any] = {}
    for kind in TableKind:
        found = _find(folder, kind)
        if found is not None:
            records[kind.value] = _read_table(found[0], kind, found[1], zone)
    budget = folder / _BUDGET
    if budget.exists():
        try:
            records["budget"] = from_data(Budget, json.loads(budget.read_text(encoding="utf-8")))
        except (InvalidDataError, json.JSONDecodeError) as exc:
            msg = f"{budget}: {exc}".splitlines()[0]
            raise _UserError(msg) from None
    when = as_of if as_of is not None else _default_as_of(period, standard)
    return scorecard(standard, period=period, as_of=when, **records)


def _find(folder: Path, kind: TableKind) -> tuple[Path, str] | None:
    for suffix, fmt in _FORMATS.items():
        path = folder / f"{kind.value}.{suffix}"
        if path.exists():
            return path, fmt
    return None


def _default_as_of(period: Period, standard: ServiceStandard) -> datetime:
    """The end of the month in the property's zone, or now if that is earlier (said on
    stderr, so the report is reproducible with --as-of)."""
    calendar = standard.calendar("inspections")
    end = datetime.combine(period.end, datetime.min.time(), tzinfo=_zone(calendar.zone))
    now = datetime.now(UTC).astimezone(end.tzinfo)
    chosen, why = (
        (end, "the end of the month") if end <= now else (now, "now (the month is not over)")
    )
    print(
        f"propstd: {standard.property.name}: as of {chosen.isoformat(timespec='minutes')}, "
        f"{why}; repeat with --as-of {chosen.isoformat(timespec='minutes')}",
        file=sys.stderr,
    )
    return chosen


def _render(card: Scorecard, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(card.to_data(), ensure_ascii=False, indent=2) + "\n"
    rendered = {"text": card.to_text, "markdown": card.to_markdown, "html": card.to_html}[fmt]()
    return rendered if rendered.endswith("\n") else rendered + "\n"


def _write(output: Path | None, text: str) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    output.write_text(text, encoding="utf-8")
    print(f"wrote {output}", file=sys.stderr)


class _Progress:
    """A one-line progress bar on a terminal's stderr; silent when stderr is not a terminal."""

    WIDTH = 24

    def __init__(self, total: int, stream: TextIO | None = None) -> None:
        self.total = total
        self.done = 0
        self.stream = sys.stderr if stream is None else stream
        self.on = self.stream.isatty()

    def __enter__(self) -> _Progress:
        return self

    def step(self, label: str) -> None:
        self.done += 1
        if self.on:
            filled = self.WIDTH * self.done // max(self.total, 1)
            bar = "#" * filled + "." * (self.WIDTH - filled)
            self.stream.write(f"\r[{bar}] {self.done}/{self.total} {label[:40]:<40}")
            self.stream.flush()

    def __exit__(self, *_exc: object) -> None:
        if self.on:
            self.stream.write("\n")
            self.stream.flush()
