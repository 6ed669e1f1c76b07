"""Hypothesis profiles, chosen by the ``HYPOTHESIS_PROFILE`` environment variable.

``ci`` (the default) runs enough examples to catch real bugs in about a minute
on two cores, derandomized: the same examples on every run, so CI is stable
and a red run is red again on any machine. ``deep`` runs thousands of random
examples per property, for a long local or nightly run that explores new
input. Neither keeps an example database: a failure is reported with its
``@example`` to paste, and runs do not depend on the disk.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    max_examples=150,
    derandomize=True,
    deadline=None,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "deep",
    max_examples=5000,
    deadline=None,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
