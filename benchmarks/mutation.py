"""Mutation testing of the core modules, one module at a time, with survivors re-run fresh.

For each module (below, `UNITS`) this runs mutmut 3 on the module's own source files with the
module's own unit and property tests (`tests/unit/test_<m>.py`, `tests/property/test_<m>.py`;
no doctests, golden or differential tests), then re-runs every mutant mutmut did not kill in a
**fresh Python process** on the whole selection: mutmut forks every mutant from one process that
has already run the tests, so module-level caches (`china_calendar()`, built tables) keep the
unmutated results and hide mutants. A survivor killed in a fresh process is not a survivor.
Survivors listed in `benchmarks/mutation-equivalents.md` (file, function and the mutated line
before and after) are set aside as equivalent; the score is

    killed / (mutants - equivalent)

where killed counts mutmut's kills and timeouts plus the kills of the fresh re-run.

Run from the project root with an interpreter that has the `mutation` dependency group
(mutmut 3.8.1 and the test tools), never the main venv:

    python3 -m venv .venv-mutation
    .venv-mutation/bin/pip install -U "pip>=25.1"
    .venv-mutation/bin/pip install -e . --group mutation
    .venv-mutation/bin/python benchmarks/mutation.py                 # every core module
    .venv-mutation/bin/python benchmarks/mutation.py calendars money # some of them
    .venv-mutation/bin/python benchmarks/mutation.py --table         # the last scores again

Each module works in `mutants/<module>/` (ignored by git): `src` and `tests` link to the
project, `pyproject.toml` is the project's with `[tool.mutmut]` narrowed to the module, and
mutmut writes its copy and cache to `mutants/<module>/mutants/`. A second run reuses mutmut's
cache (only changed functions are mutated again; every earlier survivor is re-run fresh
anyway); `--clean` starts over, as the recorded scores do. `--fresh-only` re-runs the last
run's survivors with the current tests (after adding tests; the mutants stay those of the last
`mutmut run`, and the table says so). mutmut runs one mutant at a time
(`--max-children 1`) and the modules one after another. Scores are kept in
`mutants/scores.json`; the survivors that remain, with their diffs, in
`mutants/<module>/survivors.md`.
"""

from __future__ import annotations

import argparse
import ast
import difflib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import tomllib
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "mutants"
EQUIVALENTS = ROOT / "benchmarks" / "mutation-equivalents.md"
SCORES = WORK / "scores.json"
GOAL = 90.0

# module -> (source files under src/propstd, test name): settled modules first
UNITS: dict[str, tuple[tuple[str, ...], str]] = {
    "calendars": (
        (
            "calendars/__init__.py",
            "calendars/_china.py",
            "calendars/_notice.py",
            "calendars/_tables.py",
            "calendars/_windows.py",
        ),
        "calendars",
    ),
    "timelimits": (
        (
            "timelimits/__init__.py",
            "timelimits/_deadline.py",
            "timelimits/_limit.py",
            "timelimits/_parse.py",
            "timelimits/_units.py",
        ),
        "timelimits",
    ),
    "frequencies": (("frequencies.py",), "frequencies"),
    "inspections": (("inspections/_tally.py", "inspections/_count.py"), "inspections"),
    "findings": (("findings/_records.py",), "findings"),
    "money": (("money.py",), "money"),
    "rates": (("rates.py",), "rates"),
    "periods": (("periods.py",), "periods"),
    "budgets": (("budgets/_lines.py",), "budgets"),
}

# mutmut's exit codes (mutmut.stats.status_by_exit_code): detected, or to re-run fresh
KILLED = {1, 3, 36, -24, 24, 152, 255, -11, -9}  # failed, internal error, timeout, killed
TO_RERUN = {0, 5, 33, 35}  # survived, no tests (twice), suspicious


def tests_of(name: str) -> list[str]:
    """The unit and property test files of one module."""
    return [
        f"tests/{kind}/test_{name}.py"
        for kind in ("unit", "property")
        if (ROOT / "tests" / kind / f"test_{name}.py").exists()
    ]


def child_env(**extra: str) -> dict[str, str]:
    """The environment of every child: no PYTHONPATH (it could put the unmutated src first)."""
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "MUTANT_UNDER_TEST"}}
    env["CI"] = "true"
    env.update(extra)
    return env


def toml_table(name: str, values: dict[str, Any]) -> str:
    """A TOML table of strings, numbers, booleans and lists of them (JSON spells them alike)."""
    lines = [f"[{name}]"]
    lines += [f"{key} = {json.dumps(value)}" for key, value in values.items()]
    return "\n".join(lines) + "\n"


def prepare(unit: str, *, clean: bool) -> Path:
    """`mutants/<unit>/`: links to src and tests, the project's pyproject narrowed to the unit."""
    files, name = UNITS[unit]
    here = WORK / unit
    if clean and here.exists():
        shutil.rmtree(here)
    here.mkdir(parents=True, exist_ok=True)
    for link in ("src", "tests"):
        if not (here / link).is_symlink():
            (here / link).symlink_to(ROOT / link, target_is_directory=True)
    shutil.copyfile(ROOT / "benchmarks" / "mutation_conftest.py", here / "conftest.py")
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    config = dict(tomllib.loads(text)["tool"]["mutmut"])
    config["only_mutate"] = [f"src/propstd/{f}" for f in files]
    config["pytest_add_cli_args_test_selection"] = tests_of(name)
    # the project's file without its [tool.mutmut] table, then the narrowed table
    rest = re.sub(r"(?ms)^\[tool\.mutmut\]\n.*?(?=^\[)", "", text)
    (here / "pyproject.toml").write_text(
        rest + "\n" + toml_table("tool.mutmut", config), encoding="utf-8"
    )
    return here


def run_mutmut(here: Path) -> None:
    """`mutmut run --max-children 1` in the unit's directory; its output goes to run.log."""
    mutmut = Path(sys.executable).parent / "mutmut"
    with (here / "run.log").open("w", encoding="utf-8") as log:
        done = subprocess.run(
            [str(mutmut), "run", "--max-children", "1"],
            cwd=here,
            env=child_env(),
            stdout=log,
            stderr=subprocess.STDOUT,
            check=False,
        )
    if done.returncode != 0:
        tail = (here / "run.log").read_text(encoding="utf-8", errors="replace")[-3000:]
        sys.exit(f"mutmut failed in {here} (exit {done.returncode}):\n{tail}")


def results(here: Path, files: tuple[str, ...]) -> dict[str, dict[str, int | None]]:
    """mutmut's exit code of every mutant, per source file."""
    out = {}
    for f in files:
        meta = here / "mutants" / "src" / "propstd" / f"{f}.meta"
        data = json.loads(meta.read_text(encoding="utf-8")) if meta.exists() else {}
        out[f] = data.get("exit_code_by_key", {})
    return out


def fresh(here: Path, tests: list[str], mutant: str, *, timeout: float) -> str:
    """Run the unit's tests on one mutant in a new process: "killed", "timeout" or "survived"."""
    command = [sys.executable, "-m", "pytest", "--rootdir=.", "-x", "-q", "-p", "no:cacheprovider"]
    command += ["--hypothesis-profile=mutation", *tests]
    env = child_env(MUTANT_UNDER_TEST=mutant, PYTHONPATH=str(here / "mutants" / "src"))
    with subprocess.Popen(
        command,
        cwd=here / "mutants",
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    ) as proc:
        try:
            code = proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)  # the pytest process we started and its children
            proc.wait()
            return "timeout"
    if code == 4:  # a usage error is ours, not the mutant's
        sys.exit(f"pytest refused the command {command} in {here / 'mutants'}")
    return "survived" if code == 0 else "killed"


def baseline(here: Path, tests: list[str]) -> float:
    """Seconds the unmutated tests take in a fresh process (they must pass)."""
    start = time.perf_counter()
    if fresh(here, tests, "", timeout=3600) != "survived":
        sys.exit(f"the tests {tests} fail without a mutant in {here / 'mutants'}")
    return time.perf_counter() - start


def mutation(here: Path, file: str, mutant: str) -> tuple[str, int, list[str], list[str]]:
    """The mutated function, the line the mutant changes, and the lines it removes and adds."""
    key = mutant.rpartition(".")[2]
    spans_path = here / "mutants" / "src" / "propstd" / f"{file}.spans"
    spans = json.loads(spans_path.read_text(encoding="utf-8"))["spans"]
    lines = (here / "mutants" / "src" / "propstd" / file).read_text(encoding="utf-8").splitlines()
    mangled = key.partition("__mutmut_")[0]  # x_function or xǁClassǁmethod
    function = mangled[2:].replace("ǁ", ".")
    plain = function.rpartition(".")[2]

    def body(name: str) -> list[str]:
        start, end = spans[name]  # 1-based, inclusive; the copies keep the source's lines
        found = [line.strip().replace(name, plain, 1) for line in lines[start - 1 : end]]
        first = next(i for i, line in enumerate(found) if line.startswith(("def ", "async def ")))
        return found[first:]  # from the def line on, as ast counts

    removed, added, offset, index = [], [], -1, 0
    for line in difflib.ndiff(body(mangled + "__mutmut_orig"), body(key)):
        if line.startswith("- "):
            removed.append(line[2:])
            offset = index if offset < 0 else offset
        elif line.startswith("+ "):
            added.append(line[2:])
        if line[:1] in " -":
            index += 1
    return function, def_line(file, function) + max(offset, 0), removed, added


def def_line(file: str, function: str) -> int:
    """The line of the `def` of *function* (`name` or `Class.name`) in the source file."""
    tree = ast.parse((ROOT / "src" / "propstd" / file).read_text("utf-8"))
    nodes: list[ast.stmt] = list(tree.body)
    found: list[ast.stmt] = []
    for part in function.split("."):
        found = [
            node
            for node in nodes
            if isinstance(node, ast.ClassDef | ast.FunctionDef) and node.name == part
        ]
        nodes = [child for node in found for child in getattr(node, "body", ())]
    return found[-1].lineno if found else 0  # the last: @overload stubs come first


def cell(text: str) -> str:
    """Markdown table cell text: pipes escaped."""
    return text.replace("|", "\\|")


def equivalents() -> set[tuple[str, str, str, str]]:
    """(file, function, before, after) of every mutant set aside as equivalent."""
    found = set()
    row = re.compile(r"^\|\s*`([^`]+)`\s*\|\s*\d*\s*\|\s*`([^`]+)`\s*\|\s*`(.*?)` → `(.*?)`\s*\|")
    for line in EQUIVALENTS.read_text(encoding="utf-8").splitlines():
        match = row.match(line.replace("\\|", "\x00"))
        if match:
            file, function, before, after = (g.replace("\x00", "|") for g in match.groups())
            found.add((file, function, before, after))
    return found


def score_unit(unit: str, *, clean: bool, fresh_only: bool) -> dict[str, Any]:
    """Run one unit; its row per file plus the survivors left."""
    files, name = UNITS[unit]
    tests = tests_of(name)
    started = time.perf_counter()
    here = prepare(unit, clean=clean and not fresh_only)
    if fresh_only:  # the tests may have changed since mutmut copied them
        shutil.copytree(ROOT / "tests", here / "mutants" / "tests", dirs_exist_ok=True)
    else:
        print(f"== {unit}: mutmut run on {', '.join(files)} with {', '.join(tests)}", flush=True)
        run_mutmut(here)
    mutmut_seconds = time.perf_counter() - started
    codes = results(here, files)
    timeout = max(60.0, 10 * baseline(here, tests))
    set_aside = equivalents()
    rows: dict[str, dict[str, Any]] = {}
    left: list[tuple[Any, ...]] = []
    for file, by_mutant in codes.items():
        done = sum(code is not None for code in by_mutant.values())
        if done < len(by_mutant):  # a stopped `mutmut run`: no score for this file
            rows[file] = {"mutants": len(by_mutant), "run": done, "incomplete": True}
            print(f"   {file}: mutmut ran {done} of {len(by_mutant)} mutants, no score", flush=True)
            continue
        killed = killed_fresh = equivalent = 0
        survivors = []
        for mutant, code in sorted(by_mutant.items()):
            if code in KILLED:
                killed += 1
                continue
            if code not in TO_RERUN:
                sys.exit(f"{mutant}: mutmut left exit code {code}; run again (or --clean)")
            function, line, removed, added = mutation(here, file, mutant)
            if (file, function, " ⏎ ".join(removed), " ⏎ ".join(added)) in set_aside:
                equivalent += 1  # no test can kill it: not worth a fresh run
                continue
            if fresh(here, tests, mutant, timeout=timeout) != "survived":
                killed_fresh += 1
                continue
            survivors.append((mutant, function, line, removed, added))
        total = len(by_mutant)
        detected = killed + killed_fresh
        counted = total - equivalent
        rows[file] = {
            "mutants": total,
            "killed": detected,
            "killed_fresh": killed_fresh,
            "survived": len(survivors),
            "equivalent": equivalent,
            "score": round(100 * detected / counted, 1) if counted else 100.0,
        }
        left += [(file, *s) for s in survivors]
        print(f"   {file}: {rows[file]}", flush=True)
    write_survivors(here, left)
    seconds = round(time.perf_counter() - started)
    print(
        f"   {unit}: {seconds} s ({round(mutmut_seconds)} s mutmut), {len(left)} survivors"
        + (f", see {(here / 'survivors.md').relative_to(ROOT)}" if left else ""),
        flush=True,
    )
    return {"files": rows, "seconds": seconds, "tests": tests}


def write_survivors(here: Path, left: list[tuple[Any, ...]]) -> None:
    """mutants/<unit>/survivors.md: each survivor as an equivalents-table row to edit or test."""
    out = ["| file | line | function | mutation | why |", "|---|---:|---|---|---|"]
    for file, mutant, function, line, removed, added in left:
        before, after = cell(" ⏎ ".join(removed)), cell(" ⏎ ".join(added))
        out.append(f"| `{file}` | {line} | `{function}` | `{before}` → `{after}` | {mutant} |")
    (here / "survivors.md").write_text("\n".join(out) + "\n", encoding="utf-8")


def git(*args: str) -> str:
    """The output of a git command in the project, stripped."""
    done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=False)
    return done.stdout.strip()


def commit() -> str:
    """The short commit of the project, with a mark if the tree has changes."""
    dirty = git("status", "--porcelain", "--untracked-files=no")
    return git("rev-parse", "--short", "HEAD") + ("+changes" if dirty else "")


def table(scores: dict[str, Any]) -> str:
    """The "Mutation scores" table of benchmarks/README.md: a row per file, when and where run."""
    out = [
        "| file | mutants | killed | survived | equivalent set aside | score | run |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for unit in UNITS:
        if unit not in scores:
            continue
        run = scores[unit]
        where = f"{run['date']}, `{run['commit']}`"
        if run.get("mutmut_commit", run["commit"]) != run["commit"]:
            where = (
                f"{run['date']}, mutants of `{run['mutmut_commit']}`, tests of `{run['commit']}`"
            )
        for file, row in run["files"].items():
            if row.get("incomplete"):
                out.append(
                    f"| `{file}` | {row['mutants']} | | | "
                    f"| – (mutmut stopped after {row['run']}) | {where} |"
                )
                continue
            if not row["mutants"]:
                out.append(f"| `{file}` | 0 | | | | – (nothing to mutate) | {where} |")
                continue
            mark = "" if row["score"] >= GOAL else " ✗"
            out.append(
                f"| `{file}` | {row['mutants']} | {row['killed']} | {row['survived']} "
                f"| {row['equivalent']} | {row['score']:.1f} %{mark} | {where} |"
            )
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("units", nargs="*", metavar="module", help=", ".join(UNITS))
    parser.add_argument("--clean", action="store_true", help="discard mutmut's cached results")
    parser.add_argument(
        "--fresh-only", action="store_true", help="re-check the last run's survivors only"
    )
    parser.add_argument("--table", action="store_true", help="print the last scores and stop")
    args = parser.parse_args()
    unknown = sorted(set(args.units) - set(UNITS))
    if unknown:
        parser.error(f"unknown module {', '.join(unknown)}; choose from {', '.join(UNITS)}")
    os.chdir(ROOT)
    WORK.mkdir(exist_ok=True)
    scores = json.loads(SCORES.read_text(encoding="utf-8")) if SCORES.exists() else {}
    if not args.table:
        for unit in args.units or list(UNITS):
            earlier = scores.get(unit, {})
            result = score_unit(unit, clean=args.clean, fresh_only=args.fresh_only)
            result["date"] = datetime.now().date().isoformat()
            result["commit"] = commit()
            # --fresh-only re-runs the mutants of the last `mutmut run` with today's tests
            result["mutmut_commit"] = (
                earlier.get("mutmut_commit", earlier.get("commit", "?"))
                if args.fresh_only
                else result["commit"]
            )
            # read again: another run may have recorded other modules meanwhile
            scores = json.loads(SCORES.read_text(encoding="utf-8")) if SCORES.exists() else {}
            scores[unit] = result
            SCORES.write_text(json.dumps(scores, indent=2) + "\n", encoding="utf-8")
    print(table(scores))


if __name__ == "__main__":
    main()
