"""The command line: `python -m propstd --version` and `python -m propstd demo`.

This is the only module of propstd that prints (and, later, reads files or the clock); the
library itself stays pure.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

import propstd
from propstd import _demo

__all__ = ["main"]


def __dir__() -> list[str]:
    return __all__


_DESCRIPTION = """\
propstd: exact, pure calculations for property-management service standards
(物业服务标准): inspections and QPI, findings, complaint escalation, repair time limits,
budgets. The library has no I/O; this command shows it at work on the sample property
翠湖花园 (Cuihu Garden) for March 2025."""

_EPILOG = """\
examples:
  python -m propstd demo                       the whole worked month of the sample property
  python -m propstd demo --list                the sections the demo can print
  python -m propstd demo --section values      one section only (repeat --section for more)
  python -m propstd --version                  the installed version

documentation: the docs/ folder of the repository (mkdocs serve)."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m propstd",
        description=_DESCRIPTION,
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"propstd {propstd.__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    demo = commands.add_parser(
        "demo",
        help="print a worked month of the sample property",
        description="Print a worked example: one month of the sample property 翠湖花园.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    demo.add_argument(
        "--section",
        action="append",
        metavar="NAME",
        choices=_demo.SECTIONS,
        help="print only this section (repeatable; see --list)",
    )
    demo.add_argument("--list", action="store_true", help="list the demo sections and their titles")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with *argv* (default: `sys.argv[1:]`); return the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    if args.list:
        for name, title in _demo.section_titles():
            print(f"{name:<16} {title}")
        return 0
    sections = None if args.section is None else tuple(args.section)
    print(_demo.render(sections), end="")
    return 0
