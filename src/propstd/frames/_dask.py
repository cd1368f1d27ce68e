"""Tallies of partitions, reduced in a tree (private part of `propstd.frames.dask`).

Every function here that runs in a worker is a module-level function of plain arguments, so
it pickles by reference (a worker needs propstd installed) and its errors come back to the
client with their `field` and `value` (`PropstdError` pickles them).

Exactness rests on three rules of [QpiTally][propstd.inspections.QpiTally] (semantics §8,
§14.12): requirements merge as a union, raw completions and record counts add, and merging is
associative and commutative. So:

- each partition is tallied with its own records and **no findings**, and its requirements
  are dropped (they are the same in every partition of a plan and month);
- one **base** tally per plan (no records, the findings) carries the requirements and the
  findings once;
- the partition tallies and the bases are summed with `QpiTally.sum` in a tree of fan-in
  `split_every`, in any order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import tzinfo
from typing import Any, TypeVar

import pandas as pd
from dask.base import compute as _compute
from dask.base import is_dask_collection
from dask.delayed import delayed as _delayed

from propstd.calendars import WorkingCalendar
from propstd.errors import InvalidValueError
from propstd.findings import ClosureBasis, Finding
from propstd.frames._checks import Rows, check_records
from propstd.frequencies import Proration
from propstd.inspections import CheckRecord, InspectionPlan, QpiTally, qpi_tally
from propstd.periods import Period

__all__: list[str] = []

T = TypeVar("T")
BASES_PER_TASK = 50
"""Properties whose base tallies one task builds."""


class Job:
    """What every task of one tally needs; shipped once to each worker."""

    __slots__ = ("basis", "by", "calendars", "fields", "period", "plans", "proration", "tz")

    def __init__(  # one bundle of the call's arguments
        self,
        plans: Mapping[str, InspectionPlan],
        calendars: Mapping[str, WorkingCalendar],
        *,
        period: Period,
        tz: tzinfo | None,
        fields: Mapping[str, str],
        by: str | None,
        proration: Proration,
        basis: ClosureBasis,
    ) -> None:
        self.plans = dict(plans)
        self.calendars = dict(calendars)
        self.period = period
        self.tz = tz
        self.fields = dict(fields)
        self.by = by
        self.proration = proration
        self.basis = basis

    def tally(
        self, name: str, records: Iterable[CheckRecord], findings: Iterable[Finding] = ()
    ) -> QpiTally:
        """The single-process tally of property *name*."""
        return qpi_tally(
            self.plans[name],
            records=records,
            findings=findings,
            period=self.period,
            calendar=self.calendars[name],
            proration=self.proration,
            closure_basis=self.basis,
        )

    def records(self, frame: pd.DataFrame, label: str) -> list[CheckRecord]:
        """The check records of one partition."""
        return check_records(frame, self.fields, tz=self.tz, label=label)


def without_requirements(t: QpiTally) -> QpiTally:
    """*t*'s records only: the requirements come once, from the base tally."""
    return QpiTally(
        point_completions=t.point_completions,
        round_completions=t.round_completions,
        records=t.records,
        traceable_records=t.traceable_records,
        ignored_records=t.ignored_records,
    )


# -- tasks (run in the workers) -----------------------------------------------------------------


def tally_part(job: Job, frame: pd.DataFrame, label: str) -> QpiTally:
    """One partition of one property's records, tallied where it lies."""
    (name,) = job.plans
    return without_requirements(job.tally(name, job.records(frame, label)))


def group_part(job: Job, frame: pd.DataFrame, label: str) -> dict[str, QpiTally]:
    """One partition of a group's records: a tally per property found in it."""
    assert job.by is not None
    records = job.records(frame, label)
    rows = Rows(frame, label)
    names = frame[job.by].tolist()
    buckets: dict[str, list[CheckRecord]] = {}
    for i, (name, record) in enumerate(zip(names, records, strict=True)):
        bucket = buckets.get(name) if isinstance(name, str) else None
        if bucket is None:
            if name not in job.plans:
                raise rows.refuse(job.by, i, f"must name a property with a plan ({_some(job)})")
            bucket = buckets[name] = []
        bucket.append(record)
    return {name: without_requirements(job.tally(name, rs)) for name, rs in buckets.items()}


def _some(job: Job) -> str:
    names = sorted(job.plans)
    more = f" and {len(names) - 5} more" if len(names) > 5 else ""
    return ", ".join(map(repr, names[:5])) + more


def bases(
    job: Job, names: Sequence[str], findings: Mapping[str, Sequence[Finding]]
) -> dict[str, QpiTally]:
    """The base tallies of *names*: their requirements and findings, no records."""
    return {name: job.tally(name, (), findings.get(name, ())) for name in names}


def merge_tallies(tallies: list[QpiTally]) -> QpiTally:
    """One node of the tree: `QpiTally.sum`."""
    return QpiTally.sum(tallies)


def merge_groups(groups: list[dict[str, QpiTally]]) -> dict[str, QpiTally]:
    """One node of the tree of a group: the tallies of each property summed."""
    by: dict[str, list[QpiTally]] = {}
    for group in groups:
        for name, tally in group.items():
            by.setdefault(name, []).append(tally)
    return {name: ts[0] if len(ts) == 1 else QpiTally.sum(ts) for name, ts in by.items()}


# -- the graph (built in the client) ------------------------------------------------------------


def lazy(obj: Any) -> Any:
    """`dask.delayed(obj)` (dask's own function is not annotated)."""
    return _delayed(obj)


def compute(node: Any) -> Any:
    """The value of *node* (delayed or not), on dask's current scheduler."""
    (value,) = _compute(node)  # type: ignore[no-untyped-call]
    return value


def partitions(checks: object) -> tuple[list[object], list[Any], str]:
    """The columns of *checks*, its partitions (pandas frames or delayed ones) and how its
    partitions are named in messages."""
    if isinstance(checks, pd.DataFrame):
        return list(checks.columns), [checks], "checks"
    columns = getattr(checks, "columns", None)
    if is_dask_collection(checks) and isinstance(columns, pd.Index):
        return list(columns), list(checks.to_delayed()), "checks partition {}"  # type: ignore[attr-defined]
    msg = (
        "'checks' must be a dask DataFrame (or a pandas DataFrame: one partition), "
        f"got {type(checks).__name__}"
    )
    raise TypeError(msg)


def tree(items: list[Any], combine: Callable[[list[T]], T], split_every: int) -> Any:
    """*items* (delayed or not) reduced with *combine* in a tree of fan-in *split_every*."""
    level = items
    while len(level) > 1:
        level = [
            lazy(combine)(level[i : i + split_every]) for i in range(0, len(level), split_every)
        ]
    return level[0]


def check_split(split_every: object) -> int:
    """The tree's fan-in: an int of at least 2."""
    if isinstance(split_every, bool) or not isinstance(split_every, int):
        msg = f"'split_every' must be an int, got {type(split_every).__name__} {split_every!r}"
        raise TypeError(msg)
    if split_every < 2:
        msg = f"'split_every' must be at least 2, got {split_every!r}"
        raise InvalidValueError(msg, field="split_every", value=split_every)
    return split_every


def chunks(names: Sequence[str], size: int) -> list[Sequence[str]]:
    """*names* in consecutive chunks of at most *size*."""
    return [names[i : i + size] for i in range(0, len(names), size)]
