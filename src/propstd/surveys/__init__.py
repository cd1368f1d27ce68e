"""Satisfaction surveys (满意度调查): sample size, coverage, satisfaction per service item.

The seeds ask a property to set a survey's sampling ratio and frequency (抽样比例、频次设置),
to cover every on-site service (调查内容包括现场服务的全部活动), not to fake results, and to
act on the items with low satisfaction (对满意率较低的服务项目采取改进措施); the targets are
satisfaction of at least 80 % (owners 85 %, staff 90 %).

- A [SurveyPolicy][propstd.surveys.SurveyPolicy] holds those settings as data: how often a
  survey is due, the share of households sampled and the fewest responses accepted, the
  overall target, the target below which an item needs an improvement action, the service
  items asked about, and which answers count as satisfied.
- A [SurveyResponse][propstd.surveys.SurveyResponse] is one household's questionnaire: a
  [Score][propstd.surveys.Score] per service item, on a five-point scale (1-5) or in words
  (满意 / 基本满意 / 不满意).
- [survey_result][propstd.surveys.survey_result] gives the survey of a period: the sample
  required (households × sampling, rounded up, at least the minimum), the responses counted
  (one per household: the first), coverage of the service items, satisfaction per item and
  overall as exact [Rate][propstd.rates.Rate]s, the items flagged for an improvement action,
  and whether the survey is valid (enough responses). A policy sets only the rules its
  standard fixes: what needs a rule it leaves out is not judged.
- [sample_households][propstd.surveys.sample_households] draws a reproducible sample.

**Which answers count as satisfied.** By default 5 and 4 on the five-point scale, and 满意 and
基本满意 in words (the usual 满意率 = (满意 + 基本满意) / answers); 3 (neutral), 2, 1 and 不满意
do not. A policy changes it with `satisfied=` (for instance only 满意, or 5 alone).

Examples:
    >>> from fractions import Fraction
    >>> from propstd.frequencies import Frequency
    >>> from propstd.rates import Target
    >>> policy = SurveyPolicy(Frequency.parse("annual"), Fraction(1, 4), 100,
    ...                       Target.parse("≥ 80%"), Target.parse("≥ 75%"),
    ...                       items=("秩序维护", "环境卫生"))
    >>> policy.sample_size(1150)
    288
"""

from __future__ import annotations

from propstd.surveys._policy import DEFAULT_SATISFIED, Score, SurveyPolicy
from propstd.surveys._responses import SurveyResponse
from propstd.surveys._result import ItemSatisfaction, SurveyResult, survey_result
from propstd.surveys._sampling import sample_households

__all__ = [
    "DEFAULT_SATISFIED",
    "ItemSatisfaction",
    "Score",
    "SurveyPolicy",
    "SurveyResponse",
    "SurveyResult",
    "sample_households",
    "survey_result",
]


def __dir__() -> list[str]:
    return __all__
