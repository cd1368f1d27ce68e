"""The monthly scorecard: one property's month (or a group's) across every domain.

The seeds' quality department runs on a monthly report: the QPI month (QPI月报), the work
improvement notices (工作改进通知单), complaint and repair analysis, budget and collection
progress. [scorecard()][propstd.scorecards.scorecard] computes all of it from one
[ServiceStandard][propstd.standard.ServiceStandard] and the month's records into one
[Scorecard][propstd.scorecards.Scorecard]: every figure exact, with its target, its status and
the figure of the month before; "no data" where a domain has none, never 0.
"""

from __future__ import annotations

from propstd.scorecards._build import scorecard
from propstd.scorecards._card import Scorecard
from propstd.scorecards._model import Indicator, OpenItem, Section, Status

__all__ = ["Indicator", "OpenItem", "Scorecard", "Section", "Status", "scorecard"]


def __dir__() -> list[str]:
    return __all__
