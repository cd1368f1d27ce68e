"""The service standard: one document holding everything a property's written standard fixes.

A company runs each property by a written standard (物业服务标准): the calendars, the inspection
plan and its QPI targets, how findings are rectified, the complaint ladder, the repair
time-limit table, budget thresholds, staffing ratios, the satisfaction survey and the routine
duties. [ServiceStandard][propstd.standard.ServiceStandard] holds all of it as one frozen
value, with a `provenance` map saying where each number comes from. TOML is the file people
edit, JSON the one systems exchange; both read back equal, and reading reports every problem at
once with its path and line.
"""

from __future__ import annotations

from propstd.standard._diff import Change
from propstd.standard._model import BudgetPolicy, PropertyProfile, ServiceStandard

__all__ = ["BudgetPolicy", "Change", "PropertyProfile", "ServiceStandard", "preset_names"]


def __dir__() -> list[str]:
    return __all__


def preset_names() -> tuple[str, ...]:
    """The names of the preset standards, for `ServiceStandard.preset()`.

    Examples:
        >>> preset_names()
        ('seed', 'cpmi-2004-level-1', 'cpmi-2004-level-2', 'cpmi-2004-level-3')
    """
    from propstd.standard._presets import PRESETS

    return tuple(PRESETS)
