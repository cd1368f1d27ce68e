"""Repair categories, record kinds and the repair time-limit table (private; see
propstd.repairs)."""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from types import MappingProxyType

import attrs

from propstd._repr import shown
from propstd._validators import check_type
from propstd._vocab import Vocabulary, to_member
from propstd.errors import InvalidValueError
from propstd.timelimits import TimeLimit, TimeUnit

__all__: list[str] = []


class RepairCategory(Vocabulary):
    """The kind of repair, which selects its row of the time-limit table.

    Reads the Chinese terms as well: `RepairCategory("急修")` is `EMERGENCY`.
    """

    EMERGENCY = "emergency", "急修", "紧急维修"
    """急修: a burst pipe, a power loss, a lift entrapment; on site at once, around the clock."""
    ORDINARY = "ordinary", "一般维修", "一般", "普通维修"
    """一般维修: an ordinary repair in the owner's home or a common area."""
    SCHEDULED = "scheduled", "预约维修", "预约"
    """预约维修: a repair at a time agreed with the owner (the order's `appointment`)."""

    @property
    def chinese(self) -> str:
        """Deprecated: `label_zh` (renamed in 0.2, the name every vocabulary uses)."""
        msg = "RepairCategory.chinese is deprecated; use RepairCategory.label_zh (renamed in 0.2)"
        warnings.warn(msg, DeprecationWarning, stacklevel=2)
        return self.label_zh


class RecordKind(Vocabulary):
    """A kind of engineering record, which sets how long it must be kept.

    References:
        Seed rules §4 (维修): maintenance and service records of equipment are kept at least
        3 years; equipment operation patrol records at least 2 years.
    """

    MAINTENANCE = "maintenance", "设备维修保养记录", "维修保养记录", "维修记录"
    """Maintenance and service records of equipment (设备维修保养记录): 3 years."""
    PATROL = "patrol", "设备运行巡视记录", "巡视记录"
    """Equipment operation patrol records (设备运行巡视记录): 2 years."""

    @property
    def retention_years(self) -> int:
        """The minimum number of years a record of this kind is kept."""
        return _RETENTION_YEARS[self]


_RETENTION_YEARS = MappingProxyType({RecordKind.MAINTENANCE: 3, RecordKind.PATROL: 2})


def _limit_map(name: str, value: object) -> Mapping[RepairCategory, TimeLimit]:
    """A mapping category → TimeLimit (some categories, or none), stored read-only in category
    order."""
    if not isinstance(value, Mapping):
        msg = (
            f"{name!r} must be a mapping of repair category to TimeLimit, "
            f"got {type(value).__name__} {shown(value)}"
        )
        raise TypeError(msg)
    out: dict[RepairCategory, TimeLimit] = {}
    for key, limit in value.items():
        category = to_member(f"{name} key", RepairCategory, key)
        if category in out:  # "急修" and "emergency" name the same row
            msg = f"{name!r} names the category {category.value!r} twice (as {shown(key)})"
            raise InvalidValueError(msg, field=f"{name}[{category.value!r}]", value=key)
        out[category] = check_type(f"{name}[{category.value!r}]", limit, TimeLimit)
    return MappingProxyType({c: out[c] for c in RepairCategory if c in out})


def _arrival_map(value: object) -> Mapping[RepairCategory, TimeLimit]:
    return _limit_map("arrival", value)


def _completion_map(value: object) -> Mapping[RepairCategory, TimeLimit]:
    return _limit_map("completion", value)


def _comparable(a: TimeLimit, b: TimeLimit) -> bool:
    """Whether two limits compare: same clock, both durations or both counts of days."""
    return a.clock is b.clock and (a.unit is TimeUnit.DAY) == (b.unit is TimeUnit.DAY)


def _limit_repr(value: Mapping[RepairCategory, TimeLimit]) -> str:
    return "{" + ", ".join(f"{c.value!r}: {str(v)!r}" for c, v in value.items()) + "}"


@attrs.frozen(kw_only=True)
class RepairLimits:
    """A property's repair time-limit table (工程维修时限表), with only the limits it sets.

    Each category may have an arrival limit (a technician on site) and a completion limit (the
    work done), measured from the order's start: when it was received, or, for a
    [scheduled][propstd.repairs.RepairCategory.SCHEDULED] order, the agreed appointment. The
    revisit limit (customer service calls back, 回访) is measured from completion. Pauses
    (waiting for parts, the owner absent) extend the completion limit only.

    A table names only the limits its standard fixes: a category missing from `arrival` or
    `completion` (by member, English value or Chinese term; the mappings may be empty) and a
    `revisit` of `None` mean "no limit here", and nothing needing them is guessed:

    - [repair_status][propstd.repairs.repair_status] gives `None` for that milestone (not
      judged: its row is `not_applicable`, with the reason in `not_judged`);
    - [repair_metrics][propstd.repairs.repair_metrics] counts an order in the arrival or
      completion rate only if its category has that limit (numerator and denominator), and the
      on-time revisit rate only with a revisit limit; the revisit rate itself (revisited /
      completed, the seed's 100 %), rework and satisfaction need no limit.

    The mappings are stored read-only in category order. The library has no default table:
    each property states its own (see the tutorial for the sample property's).

    Raises:
        TypeError: a mapping is not a mapping, a limit is not a `TimeLimit`, or a key is neither
            a `RepairCategory` nor a string.
        InvalidValueError: a key names no category, a category is named twice
            (`"急修"` and `"emergency"` are the same row),
            or a completion limit is shorter than the arrival limit of its category (checked
            where both are set and the two compare: same clock, both durations or both counts
            of days).

    References:
        Seed rules §4 (维修): repair orders meet the repair time-limit table; on site within
        15 minutes of a request; customer service calls back within one working day after a
        repair is finished.

    Examples:
        >>> from propstd.timelimits import TimeLimit
        >>> limits = RepairLimits(
        ...     arrival={"emergency": TimeLimit.parse("15 minutes"),
        ...              "ordinary": TimeLimit.parse("30 minutes"),
        ...              "scheduled": TimeLimit.parse("immediately")},
        ...     completion={"emergency": TimeLimit.parse("4 hours"),
        ...                 "ordinary": TimeLimit.parse("2 working days"),
        ...                 "scheduled": TimeLimit.parse("3 working days")},
        ...     revisit=TimeLimit.parse("1 working day"),
        ... )
        >>> str(limits.completion[RepairCategory.ORDINARY])
        '2 working days'
        >>> limits.arrival[RepairCategory("急修")]  # keys may be the Chinese terms too
        TimeLimit(15, 'minute', 'natural')

        The seed's own table fixes only the arrival (on site within 15 minutes, 到场) and the
        revisit (within one working day): no completion limit.

        >>> seed = RepairLimits(arrival=dict.fromkeys(RepairCategory, TimeLimit.minutes(15)),
        ...                     revisit=TimeLimit.parse("1 working day"))
        >>> dict(seed.completion), seed.arrival_for("预约")
        ({}, TimeLimit(15, 'minute', 'natural'))
    """

    arrival: Mapping[RepairCategory, TimeLimit] = attrs.field(
        factory=dict, converter=_arrival_map, hash=False, repr=_limit_repr
    )
    """Time to be on site, per category that has a limit (for scheduled orders: after the
    appointment)."""
    completion: Mapping[RepairCategory, TimeLimit] = attrs.field(
        factory=dict, converter=_completion_map, hash=False, repr=_limit_repr
    )
    """Time to finish the work, per category that has a limit; extended by pauses."""
    revisit: TimeLimit | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(TimeLimit))
    )
    """Time from completion to the return visit (回访); `None`: no limit."""

    def __attrs_post_init__(self) -> None:
        for category, arrival in self.arrival.items():
            completion = self.completion.get(category)
            if completion is not None and _comparable(arrival, completion) and completion < arrival:
                msg = (
                    f"'completion' of {category.value!r} ({completion}) must not be shorter "
                    f"than its 'arrival' ({arrival})"
                )
                raise InvalidValueError(
                    msg, field=f"completion[{category.value!r}]", value=completion
                )

    def __hash__(self) -> int:
        return hash((tuple(self.arrival.items()), tuple(self.completion.items()), self.revisit))

    def arrival_for(self, category: RepairCategory | str) -> TimeLimit | None:
        """The arrival limit of *category* (a member or any of its words), or `None`.

        Raises:
            InvalidValueError: *category* names no category.
        """
        return self.arrival.get(to_member("category", RepairCategory, category))

    def completion_for(self, category: RepairCategory | str) -> TimeLimit | None:
        """The completion limit of *category* (a member or any of its words), or `None`.

        Raises:
            InvalidValueError: *category* names no category.
        """
        return self.completion.get(to_member("category", RepairCategory, category))
