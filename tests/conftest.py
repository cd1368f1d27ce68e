"""Shared pytest configuration: Hypothesis profiles only.

Under `CI=true` Hypothesis loads its built-in `ci` profile (derandomized, no deadline, no
database) by itself; this file never calls `load_profile`, so that stays in force.
"""

from hypothesis import HealthCheck, settings

# Opt in with `pytest --hypothesis-profile=thorough` before a release or after touching a
# calculation. derandomize/deadline are explicit: a profile registered without a parent
# inherits settings.default, which under CI=true is Hypothesis' own `ci` profile.
settings.register_profile(
    "thorough",
    max_examples=2_000,
    derandomize=False,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
