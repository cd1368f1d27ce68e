"""The QPI tally: mergeable counts behind the seven indicators (private part of inspections)."""

from __future__ import annotations

import operator
from collections.abc import Iterable
from datetime import date
from fractions import Fraction
from typing import Any, TypeVar

import attrs

from propstd._repr import shown
from propstd._validators import check_type, is_date, is_int, nonblank, to_fraction, to_tuple
from propstd._vocab import to_member
from propstd.errors import InvalidValueError
from propstd.findings import Category

__all__ = ["Completion", "FindingCount", "QpiTally", "Requirement", "RoundsDone"]

_Key = tuple[str, str, date]
_FindingKey = tuple[str, str, str]


def _non_negative(_instance: object, attribute: attrs.Attribute[Any], value: int) -> None:
    is_int(_instance, attribute, value)
    if value < 0:
        msg = f"{attribute.name!r} must not be negative, got {value!r}"
        raise InvalidValueError(msg, field=attribute.name, value=value)


def _positive_fraction(value: object) -> Fraction:
    f = to_fraction("required", value)
    if f <= 0:
        msg = f"'required' must be positive, got {shown(value)}"
        raise InvalidValueError(msg, field="required", value=value)
    return f


@attrs.frozen(kw_only=True, order=False)
class Requirement:
    """Checks required from one window of one item (or checklist) of one plan.

    `month` is `None` when the whole window is due in the tallied period; for windows longer
    than a month under `Proration.seed` it is the first day of the month whose share this is.
    """

    plan: str = attrs.field(validator=nonblank)
    """The plan's [identity][propstd.inspections.InspectionPlan.identity]."""
    code: str = attrs.field(validator=nonblank)
    """The item code (check points) or checklist code (rounds)."""
    window: date = attrs.field(validator=is_date)
    """The first day of the window."""
    month: date | None = attrs.field(default=None, validator=attrs.validators.optional(is_date))
    """The month this share belongs to (`None`: the whole window)."""
    required: Fraction = attrs.field(converter=_positive_fraction)
    """Checks required (a fraction for prorated shares)."""
    _key: tuple[str, str, date, date] = attrs.field(init=False, repr=False, eq=False, hash=False)

    def __attrs_post_init__(self) -> None:
        # built once: merging thousands of tallies looks it up for every requirement
        object.__setattr__(
            self, "_key", (self.plan, self.code, self.window, self.month or date.min)
        )

    @property
    def key(self) -> tuple[str, str, date, date]:
        """The requirement's identity: plan, code, window, month."""
        return self._key


@attrs.frozen(kw_only=True)
class Completion:
    """Raw checks recorded in one window of one item (not capped)."""

    plan: str = attrs.field(validator=nonblank)
    """The plan's identity."""
    code: str = attrs.field(validator=nonblank)
    """The item code."""
    window: date = attrs.field(validator=is_date)
    """The first day of the window."""
    count: int = attrs.field(validator=_non_negative)
    """Records in the window (duplicates included)."""
    _key: _Key = attrs.field(init=False, repr=False, eq=False, hash=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_key", (self.plan, self.code, self.window))


def _sorted_unique(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(set(to_tuple(value))))


def _limit(_instance: object, attribute: attrs.Attribute[Any], value: int | None) -> None:
    if value is not None:
        _non_negative(_instance, attribute, value)


@attrs.frozen(kw_only=True)
class RoundsDone:
    """What was recorded in one window of one checklist, to count the rounds done (§14.3).

    A round is one pass through the checklist. Records with a `round_id` name their round;
    for records without one, the passes of each item are its distinct record instants. The
    rounds done are the larger of the distinct round ids and the most passes of any one item,
    at most `limit`.

    Only what can still count is kept: the `limit` first round ids and, per item, the `limit`
    first passes (in text order). Merging keeps the first `limit` of the union, which is exact:
    the union has at least `limit` entries exactly when the kept ones do.
    """

    plan: str = attrs.field(validator=nonblank)
    """The plan's identity."""
    code: str = attrs.field(validator=nonblank)
    """The checklist code."""
    window: date = attrs.field(validator=is_date)
    """The first day of the window."""
    rounds: tuple[str, ...] = attrs.field(default=(), converter=_sorted_unique)
    """The distinct `round_id`s recorded, sorted."""
    passes: tuple[str, ...] = attrs.field(default=(), converter=_sorted_unique)
    """Records without a round id, as `"item code@instant in UTC"`, sorted and unique."""
    limit: int | None = attrs.field(default=None, validator=_limit)
    """The window's required rounds: no more are kept or counted (`None`: no limit)."""

    _key: _Key = attrs.field(init=False, repr=False, eq=False, hash=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_key", (self.plan, self.code, self.window))
        if self.limit is not None:
            object.__setattr__(self, "rounds", self.rounds[: self.limit])
            object.__setattr__(self, "passes", _first_per_item(self.passes, self.limit))

    @property
    def done(self) -> int:
        """Rounds done: distinct round ids, or the most passes of one item, whichever is more.

        Examples:
            >>> RoundsDone(plan="P", code="ENV", window=date(2025, 3, 1), passes=[
            ...     "ENV-02@2025-03-01T00:00:00+00:00", "ENV-02@2025-03-01T08:00:00+00:00",
            ...     "ENV-01@2025-03-01T00:00:00+00:00"]).done
            2
        """
        per_item: dict[str, int] = {}
        for p in self.passes:
            item = p.rpartition("@")[0]
            per_item[item] = per_item.get(item, 0) + 1
        return max(len(self.rounds), *per_item.values(), 0)


def _first_per_item(passes: tuple[str, ...], limit: int) -> tuple[str, ...]:
    """The first *limit* passes of each item (*passes* is sorted, so items are grouped)."""
    kept: list[str] = []
    item, n = None, 0
    for p in passes:
        this = p.rpartition("@")[0]
        n = n + 1 if this == item else 1
        item = this
        if n <= limit:
            kept.append(p)
    return tuple(kept)


def _category(value: Category | str) -> Category:
    return to_member("category", Category, value)


@attrs.frozen(kw_only=True)
class FindingCount:
    """Findings of one category: raised in the period, and those counted for closure.

    `counted` are the findings the closure rate looks at (by default those whose verification
    is due in the period, see [ClosureBasis][propstd.findings.ClosureBasis]); `closed` are those
    of them closed in time.
    """

    category: Category = attrs.field(converter=_category, repr=lambda c: repr(c.value))
    """The findings' category."""
    raised: int = attrs.field(validator=_non_negative)
    """Findings raised in the period (cancelled ones left out)."""
    counted: int = attrs.field(default=0, validator=_non_negative)
    """Findings counted for second-verification closure in the period."""
    closed: int = attrs.field(default=0, validator=_non_negative)
    """Of the counted findings, those closed in time."""

    def __attrs_post_init__(self) -> None:
        if self.closed > self.counted:
            msg = f"'closed' {self.closed} must not exceed 'counted' {self.counted}"
            raise InvalidValueError(msg, field="closed", value=self.closed)


def _checked(name: str, kind: type[Any], value: Iterable[Any]) -> tuple[Any, ...]:
    items = to_tuple(value)
    for i, x in enumerate(items):
        check_type(f"{name}[{i}]", x, kind)
    return items


_BY_KEY = operator.attrgetter("_key")


def _sorted_requirements(value: Iterable[Requirement]) -> tuple[Requirement, ...]:
    return tuple(sorted(_checked("requirements", Requirement, value), key=_BY_KEY))


def _window_key(c: Completion | RoundsDone) -> _Key:
    return c._key


def _sorted_completions(value: Iterable[Completion]) -> tuple[Completion, ...]:
    return tuple(sorted(_checked("completions", Completion, value), key=_BY_KEY))


def _sorted_rounds(value: Iterable[RoundsDone]) -> tuple[RoundsDone, ...]:
    return tuple(sorted(_checked("round_completions", RoundsDone, value), key=_BY_KEY))


def _finding_counts(value: Iterable[FindingCount]) -> tuple[FindingCount, ...]:
    by: dict[Category, FindingCount] = {}
    for c in _checked("findings", FindingCount, value):
        if c.category in by:
            msg = f"'findings' lists category {c.category.value!r} twice"
            raise InvalidValueError(msg, field="findings", value=c.category)
        by[c.category] = c
    return tuple(by.get(cat, FindingCount(category=cat, raised=0)) for cat in Category)


def _finding_keys(value: Iterable[tuple[str, str, str]]) -> tuple[_FindingKey, ...]:
    keys: list[_FindingKey] = []
    for key in to_tuple(value):
        raw: object = key
        if not (isinstance(raw, tuple) and len(raw) == 3 and all(isinstance(k, str) for k in raw)):
            msg = f"'finding_keys' must hold (plan, period, id) string triples, got {shown(raw)}"
            raise TypeError(msg)
        keys.append((raw[0], raw[1], raw[2]))
    return tuple(sorted(set(keys)))


def _unique(name: str, keys: Iterable[object]) -> None:
    seen: set[object] = set()
    for key in keys:
        if key in seen:
            msg = f"{name!r} has two entries for {shown(key)}"
            raise InvalidValueError(msg, field=name, value=key)
        seen.add(key)


@attrs.frozen(kw_only=True)
class QpiTally:
    """The counts behind the QPI indicators, mergeable with `+` and `QpiTally.sum`.

    A tally keeps what each window of each item requires, keyed by window identity (plan,
    code, window start, and the month for prorated shares), and the raw records per window.
    Merging takes the **union** of requirements (the same requirement counts once, so
    partitions of one property-month add up exactly) and **sums** the raw completions; checks
    are capped at what their window requires only when the totals are read. So
    `qpi_tally(a) + qpi_tally(b) == qpi_tally(a ∪ b)` for disjoint record and finding sets,
    and merging is associative and commutative (any tree of partial sums gives one answer).

    Double counting is refused where it can be seen: a finding counted in two tallies of the
    same plan and period (`finding_keys` overlap) and the same tally added to itself. Check
    records carry no id, so two tallies that both counted one record cannot be told from two
    tallies of two records: give each record to exactly one partition.

    `+` is cheap: it records the parts and merges them once, when the sum is first read, so
    `sum(tallies)` is linear in the total size like
    [QpiTally.sum][propstd.inspections.QpiTally.sum].
    A conflict found while merging raises when the sum is first read.

    Raises:
        InvalidValueError: a requirement, completion or round entry is listed twice, or the
            same requirement carries two amounts when merging, or a finding or a tally would be
            counted twice.

    Examples:
        >>> QpiTally() + QpiTally() == QpiTally(), sum([QpiTally(), QpiTally()]) == QpiTally()
        (True, True)
    """

    point_requirements: tuple[Requirement, ...] = attrs.field(
        default=(), converter=_sorted_requirements
    )
    """Check points required, per item window."""
    point_completions: tuple[Completion, ...] = attrs.field(
        default=(), converter=_sorted_completions
    )
    """Raw records per item window."""
    round_requirements: tuple[Requirement, ...] = attrs.field(
        default=(), converter=_sorted_requirements
    )
    """Rounds required, per checklist window."""
    round_completions: tuple[RoundsDone, ...] = attrs.field(default=(), converter=_sorted_rounds)
    """What was recorded per checklist window, to count rounds."""
    records: int = attrs.field(default=0, validator=_non_negative)
    """Records counted: those inside a window counted in the period (duplicates included)."""
    traceable_records: int = attrs.field(default=0, validator=_non_negative)
    """Of those, the traceable ones."""
    ignored_records: int = attrs.field(default=0, validator=_non_negative)
    """Records passed in but outside every counted window (another period's)."""
    findings: tuple[FindingCount, ...] = attrs.field(default=(), converter=_finding_counts)
    """Findings raised, counted for closure and closed, one entry per category."""
    finding_keys: tuple[_FindingKey, ...] = attrs.field(
        default=(), converter=_finding_keys, repr=False
    )
    """(plan identity, period, finding id) of every finding this tally counted."""
    _parts: tuple[QpiTally, ...] | None = attrs.field(
        default=None, init=False, repr=False, eq=False, hash=False
    )

    def __attrs_post_init__(self) -> None:
        _unique("point_requirements", (r.key for r in self.point_requirements))
        _unique("round_requirements", (r.key for r in self.round_requirements))
        _unique("point_completions", map(_window_key, self.point_completions))
        _unique("round_completions", map(_window_key, self.round_completions))
        if self.traceable_records > self.records:
            msg = (
                f"'traceable_records' {self.traceable_records} must not exceed "
                f"'records' {self.records}"
            )
            raise InvalidValueError(msg, field="traceable_records", value=self.traceable_records)

    # -- totals ---------------------------------------------------------------------------

    @property
    def required_points(self) -> Fraction:
        """Check points required (检查点; a fraction under seed proration)."""
        return sum((r.required for r in self.point_requirements), Fraction(0))

    @property
    def completed_points(self) -> Fraction:
        """Check points done: records per window, each window capped at its requirement."""
        done = {_window_key(c): c.count for c in self.point_completions}
        return _capped(self.point_requirements, done)

    @property
    def required_rounds(self) -> Fraction:
        """Rounds required."""
        return sum((r.required for r in self.round_requirements), Fraction(0))

    @property
    def completed_rounds(self) -> Fraction:
        """Rounds done per window (see [RoundsDone][propstd.inspections.RoundsDone]), each
        window capped at its requirement."""
        done = {_window_key(c): c.done for c in self.round_completions}
        return _capped(self.round_requirements, done)

    def raised(self, category: Category | str) -> int:
        """Findings of *category* raised in the period."""
        return self._count(category).raised

    def counted(self, category: Category | str) -> int:
        """Findings of *category* counted for second-verification closure in the period."""
        return self._count(category).counted

    def closed(self, category: Category | str) -> int:
        """Of the counted findings of *category*, those closed in time."""
        return self._count(category).closed

    def _count(self, category: Category | str) -> FindingCount:
        wanted = _category(category)
        return next(c for c in self.findings if c.category is wanted)

    # -- merging --------------------------------------------------------------------------

    @classmethod
    def sum(cls, tallies: Iterable[QpiTally]) -> QpiTally:
        """Merge any number of tallies at once, in time linear in their total size.

        The same as adding them with `+` in any order or grouping (merging is associative
        and commutative), so a distributed job may reduce partial tallies in a tree.

        Raises:
            TypeError: an element is not a `QpiTally`.
            InvalidValueError: the same requirement carries two amounts, a finding of one plan
                and period is counted in two tallies, or one tally is given twice.

        Examples:
            >>> QpiTally.sum([]) == QpiTally()
            True
        """
        merger = _Merger()
        for tally in _leaves(tallies):
            merger.add(tally)
        return merger.result()

    def __add__(self, other: object) -> QpiTally:
        if not isinstance(other, QpiTally):
            return NotImplemented
        lazy: QpiTally = object.__new__(QpiTally)
        object.__setattr__(lazy, "_parts", (self, other))
        return lazy

    def __radd__(self, other: object) -> QpiTally:
        # lets sum(tallies) start from 0
        if isinstance(other, int) and not isinstance(other, bool) and other == 0:
            return self
        return NotImplemented


_FIELDS = tuple(a.name for a in attrs.fields(QpiTally) if a.init)


def _lazy_getattr(self: QpiTally, name: str) -> object:
    """Called for a field a lazy sum (`a + b`) has not set yet: merge the parts once."""
    parts = object.__getattribute__(self, "_parts")
    if parts is None or name not in _FIELDS:
        raise AttributeError(name)
    merged = QpiTally.sum(parts)
    for field in _FIELDS:
        object.__setattr__(self, field, object.__getattribute__(merged, field))
    object.__setattr__(self, "_parts", None)
    return object.__getattribute__(self, name)


# Set after the class so that type checkers keep seeing only the declared fields.
setattr(QpiTally, "__getattr__", _lazy_getattr)  # noqa: B010


def _leaves(tallies: Iterable[QpiTally]) -> list[QpiTally]:
    """The tallies of *tallies*, with pending (lazy) sums opened up, without recursion."""
    out: list[QpiTally] = []
    stack = list(reversed(to_tuple(tallies)))
    while stack:
        t = check_type("tallies[]", stack.pop(), QpiTally)
        parts = object.__getattribute__(t, "_parts")
        if parts is None:
            out.append(t)
        else:
            stack.extend(reversed(parts))
    return out


def _capped(requirements: tuple[Requirement, ...], done: dict[_Key, int]) -> Fraction:
    need: dict[_Key, Fraction] = {}
    for r in requirements:
        key = (r.plan, r.code, r.window)
        need[key] = need.get(key, Fraction(0)) + r.required
    return sum((min(Fraction(done.get(k, 0)), v) for k, v in need.items()), Fraction(0))


class _Merger:
    """Accumulates tallies in dictionaries; builds one sorted tally at the end.

    Entries are grouped by plan identity: each plan's group is sorted on its own and the groups
    in plan order, which gives the same order as one global sort at a cost per entry that does
    not grow with the number of properties (merging stays linear for a whole group).
    """

    def __init__(self) -> None:
        self.point_req: dict[str, dict[tuple[str, str, date, date], Requirement]] = {}
        self.round_req: dict[str, dict[tuple[str, str, date, date], Requirement]] = {}
        self.points: dict[str, dict[_Key, Completion]] = {}
        self.more_points: dict[_Key, int] = {}  # counts of keys seen in several tallies
        self.rounds: dict[str, dict[_Key, RoundsDone]] = {}
        self.more_rounds: dict[_Key, list[RoundsDone]] = {}
        self.counts = [0, 0, 0]
        self.findings = {c: [0, 0, 0] for c in Category}
        self.keys: set[_FindingKey] = set()
        self.seen: set[int] = set()

    def add(self, t: QpiTally) -> None:
        if t.records or t.point_completions or t.finding_keys:
            if id(t) in self.seen:
                msg = "the same tally is added twice; its records and findings would count twice"
                raise InvalidValueError(msg, field="tallies", value=t)
            self.seen.add(id(t))
        _union(self.point_req, t.point_requirements)
        _union(self.round_req, t.round_requirements)
        for c in t.point_completions:
            mine = _group(self.points, c.plan).setdefault(c._key, c)
            if mine is not c:
                self.more_points[c._key] = self.more_points.get(c._key, mine.count) + c.count
        for r in t.round_completions:
            had = _group(self.rounds, r.plan).setdefault(r._key, r)
            if had is not r:
                self.more_rounds.setdefault(r._key, [had]).append(r)
        self.counts[0] += t.records
        self.counts[1] += t.traceable_records
        self.counts[2] += t.ignored_records
        for f in t.findings:
            acc = self.findings[f.category]
            acc[0] += f.raised
            acc[1] += f.counted
            acc[2] += f.closed
        twice = self.keys.intersection(t.finding_keys) if self.keys else set()
        if twice:
            shown_keys = ", ".join(f"{fid} ({period})" for _p, period, fid in sorted(twice)[:5])
            msg = f"findings counted in two tallies of the same plan and period: {shown_keys}"
            raise InvalidValueError(msg, field="finding_keys", value=sorted(twice))
        self.keys.update(t.finding_keys)

    def result(self) -> QpiTally:
        for key, count in self.more_points.items():
            group = self.points[key[0]]
            group[key] = attrs.evolve(group[key], count=count)
        for key, rs in self.more_rounds.items():
            self.rounds[key[0]][key] = RoundsDone(
                plan=rs[0].plan,
                code=rs[0].code,
                window=rs[0].window,
                rounds=[x for r in rs for x in r.rounds],
                passes=[x for r in rs for x in r.passes],
                limit=rs[0].limit,
            )
        # trusted parts: unique by construction, so sort and set them without re-validating
        fields: dict[str, object] = {
            "point_requirements": _in_order(self.point_req),
            "point_completions": _in_order(self.points),
            "round_requirements": _in_order(self.round_req),
            "round_completions": _in_order(self.rounds),
            "records": self.counts[0],
            "traceable_records": self.counts[1],
            "ignored_records": self.counts[2],
            "findings": tuple(
                FindingCount(category=c, raised=n[0], counted=n[1], closed=n[2])
                for c, n in self.findings.items()
            ),
            "finding_keys": tuple(sorted(self.keys)),
        }
        tally: QpiTally = object.__new__(QpiTally)
        for name, value in fields.items():
            object.__setattr__(tally, name, value)
        object.__setattr__(tally, "_parts", None)
        return tally


_T = TypeVar("_T")
_K = TypeVar("_K")


def _group(groups: dict[str, dict[_K, _T]], plan: str) -> dict[_K, _T]:
    """The entries of *plan* in *groups* (created empty the first time)."""
    found = groups.get(plan)
    if found is None:
        found = groups[plan] = {}
    return found


def _in_order(groups: dict[str, dict[Any, _T]]) -> tuple[_T, ...]:
    """Every entry, plan by plan in plan order, each plan's entries in key order."""
    out: list[_T] = []
    for plan in sorted(groups):
        out += sorted(groups[plan].values(), key=_BY_KEY)
    return tuple(out)


def _union(
    out: dict[str, dict[tuple[str, str, date, date], Requirement]], more: tuple[Requirement, ...]
) -> None:
    for r in more:
        key = r._key
        mine = _group(out, r.plan).setdefault(key, r)
        if mine is not r and mine.required != r.required:
            msg = (
                f"cannot merge tallies: requirement {shown(key)} is {mine.required} in one "
                f"and {r.required} in the other"
            )
            raise InvalidValueError(msg, field="requirements", value=key)
