"""Hypothesis profile for mutation runs: copied by `benchmarks/mutation.py` as the conftest.py
at the root of mutmut's copy of the project, and chosen with `--hypothesis-profile=mutation`.

Hypothesis' deterministic `ci` profile (derandomized, no database, no deadline) without the
`differing_executors` health check: mutmut runs the tests several times in one process and
forks every mutant from it, so a test class method is called from several instances, which
that check would report as a failure of every mutant.
"""

from hypothesis import HealthCheck, settings

settings.register_profile(
    "mutation",
    settings.get_profile("ci"),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.differing_executors],
)
