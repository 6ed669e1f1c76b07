"""A time budget per document: ``clean_text(raw, timeout=seconds)``.

The budget is cooperative: the pipeline looks at the clock at fixed points
(between two steps, every few thousand input lines, around the HTML
reader's extraction) and raises `CleanTimeout` at the first point past the
budget. No signal and no thread is used, so it works the same inside any
engine's worker (Spark's Python workers, Ray actors, datatrove tasks,
threads of a pool), where a ``SIGALRM`` would hit the wrong code or not be
allowed at all. The price: a single step (or trafilatura's extraction of one
page) runs to its end before the budget is looked at; steps are linear in
the input, and the ``regex`` patterns carry their own ``timeout=``.

The deadline lives in a `contextvars.ContextVar`, so readers and steps
check it without an argument of their own, and two documents cleaned at
once on two threads each have theirs.
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass


class CleanTimeout(TimeoutError):  # noqa: N818 - the public name the API fixes
    """A document took longer to clean than its ``timeout=`` allowed.

    ``budget`` and ``spent`` are in seconds; ``where`` names the point of
    the pipeline at which the clock was read.

    >>> str(CleanTimeout("clean_text", 0.5, 0.61, "before step drop_scored"))
    'clean_text() went over its time budget of 0.5 s: 0.61 s spent, before step drop_scored'
    """

    def __init__(self, function: str, budget: float, spent: float, where: str) -> None:
        super().__init__(
            f"{function}() went over its time budget of {budget:g} s: {spent:.2f} s spent, {where}"
        )
        self.function, self.budget, self.spent, self.where = function, budget, spent, where


@dataclass(frozen=True, slots=True)
class Deadline:
    """When the budget of a call runs out, on the monotonic clock."""

    function: str
    budget: float
    started: float

    @property
    def ends(self) -> float:
        return self.started + self.budget

    def check(self, where: str) -> None:
        """Raise `CleanTimeout` when the budget is spent (a budget of 0 is
        spent at the first check)."""
        now = time.monotonic()
        if now >= self.ends:
            raise CleanTimeout(self.function, self.budget, now - self.started, where)


_DEADLINE: ContextVar[Deadline | None] = ContextVar("cleannews_deadline", default=None)


def checked_timeout(function: str, timeout: object) -> float | None:
    """``timeout`` as seconds, or None for no budget; a clear error for anything else.

    >>> checked_timeout("clean_text", 2), checked_timeout("clean_text", None)
    (2.0, None)
    >>> checked_timeout("clean_text", "5")
    Traceback (most recent call last):
    TypeError: clean_text() expects timeout as a number of seconds or None, got str
    >>> checked_timeout("clean_text", -1)
    Traceback (most recent call last):
    ValueError: clean_text() expects timeout of 0 seconds or more, got -1
    """
    if timeout is None:
        return None
    if isinstance(timeout, bool) or not isinstance(timeout, int | float):
        raise TypeError(
            f"{function}() expects timeout as a number of seconds or None, got {type(timeout).__name__}"
        )
    if math.isnan(timeout) or timeout < 0:
        raise ValueError(f"{function}() expects timeout of 0 seconds or more, got {timeout!r}")
    return float(timeout)


@contextmanager
def time_budget(function: str, timeout: float | None) -> Iterator[None]:
    """Within the block, `check_deadline` raises once ``timeout`` seconds
    have passed. A budget inside another keeps the one that ends first.

    >>> with time_budget("clean_text", 0):  # doctest: +ELLIPSIS
    ...     check_deadline("before the first step")
    Traceback (most recent call last):
    cleannews.budget.CleanTimeout: clean_text() went over its time budget of 0 s: 0.00 s spent, ...
    """
    if timeout is None:
        yield
        return
    outer = _DEADLINE.get()
    deadline = Deadline(function, timeout, time.monotonic())
    if outer is not None and outer.ends <= deadline.ends:
        deadline = outer
    token = _DEADLINE.set(deadline)
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def check_deadline(where: str) -> None:
    """Raise `CleanTimeout` when the current call's budget is spent; nothing
    when there is no budget (the cost is one context-variable read)."""
    deadline = _DEADLINE.get()
    if deadline is not None:
        deadline.check(where)
