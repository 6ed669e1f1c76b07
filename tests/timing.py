"""Linear time, stated as a ratio of CPU times measured in the same test.

No test compares a time with a constant: a busy machine slows the small and
the large input alike, so their ratio holds where an absolute limit fails.
CPU time of this process (`time.process_time`) is used, not the wall clock,
so other processes on the machine barely move it.
"""

from __future__ import annotations

import time
from collections.abc import Callable

#: Inputs grow this many times between the two measurements.
GROWTH = 8
#: Linear work grows GROWTH-fold, quadratic GROWTH**2-fold; the limit sits
#: far from both, so noise does not fail linear code and quadratic code fails.
MAX_RATIO = GROWTH * 3
#: Each measurement repeats its call until it has used this much CPU time,
#: so a call of microseconds is not measured at the clock's resolution.
MIN_SAMPLE = 0.005


def cpu_seconds(call: Callable[[], object], *, repeat: int = 1) -> float:
    """The least CPU time one ``call()`` takes, over ``repeat`` samples."""
    best = float("inf")
    for _ in range(repeat):
        calls, start = 0, time.process_time()
        while True:
            call()
            calls += 1
            spent = time.process_time() - start
            if spent >= MIN_SAMPLE:
                break
        best = min(best, spent / calls)
    return best


def growth_ratio(
    build: Callable[[int], object], run: Callable[[object], object], base: int, *, repeat: int = 1
) -> float:
    """How many times longer ``run`` takes on ``build(base * GROWTH)`` than on ``build(base)``."""
    small, large = build(base), build(base * GROWTH)
    run(small)  # warm up: compiled patterns and caches outside the timing
    slow = cpu_seconds(lambda: run(large), repeat=repeat)
    return slow / cpu_seconds(lambda: run(small), repeat=repeat)


def assert_linear(
    build: Callable[[int], object], run: Callable[[object], object], base: int, what: str
) -> None:
    """``run`` takes time linear in the size of ``build(n)``."""
    ratio = growth_ratio(build, run, base)
    if ratio >= MAX_RATIO:
        # A closer look before failing: a burst of load can land on one sample.
        ratio = min(ratio, growth_ratio(build, run, base, repeat=5))
    assert ratio < MAX_RATIO, f"{what}: {GROWTH}x the input took {ratio:.1f}x the time"
