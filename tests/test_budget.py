"""The time budget per document: ``clean_text(..., timeout=)`` and ``clean_html(..., timeout=)``."""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence

import pytest

import cleannews
from cleannews import Block, CleanTimeout, default_steps
from cleannews.budget import check_deadline
from tests.helpers import REPORT_1, REPORT_2

RAW = f"Judul Berita Hari Ini\n\n{REPORT_1}\n\nBaca juga: Berita lain\n\n{REPORT_2}"
PAGE = (
    "<html><head><title>Judul</title></head><body><article>"
    f"<h1>Judul</h1><p>{REPORT_1}</p></article></body></html>"
)
#: Seconds the slow step sleeps; the budgets below are a small fraction of it.
NAP = 0.2


class Slow:
    """A step that sleeps, then notes that it ran."""

    def __init__(self) -> None:
        self.ran = 0

    def __call__(self, blocks: Sequence[Block]) -> list[Block]:
        time.sleep(NAP)
        self.ran += 1
        return list(blocks)


class Counted:
    """A step that notes how often it ran."""

    def __init__(self) -> None:
        self.ran = 0

    def __call__(self, blocks: Sequence[Block]) -> list[Block]:
        self.ran += 1
        return list(blocks)


def test_clean_timeout_is_a_public_timeout_error() -> None:
    assert issubclass(cleannews.CleanTimeout, TimeoutError)


def test_a_generous_budget_gives_the_same_article() -> None:
    assert cleannews.clean_text(RAW, timeout=600) == cleannews.clean_text(RAW)
    assert cleannews.clean_html(PAGE, timeout=600) == cleannews.clean_html(PAGE)


@pytest.mark.parametrize("clean", [cleannews.clean_text, cleannews.clean_html])
def test_a_zero_budget_raises_clean_timeout_naming_the_function(clean) -> None:
    with pytest.raises(CleanTimeout, match=rf"{clean.__name__}\(\) went over its time budget of 0 s"):
        clean(RAW if clean is cleannews.clean_text else PAGE, timeout=0)


class Clock:
    """A monotonic clock that moves only when told: the budget's decisions,
    not the machine's load, decide where a call stops."""

    def __init__(self) -> None:
        self.now = 1000.0

    def monotonic(self) -> float:
        return self.now


def test_a_step_past_the_budget_stops_the_pipeline_before_the_next_step(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    clock = Clock()
    monkeypatch.setattr(cleannews.budget, "time", clock)

    class Late(Counted):
        """A step that uses up twice the budget on the clock the budget reads."""

        def __call__(self, blocks: Sequence[Block]) -> list[Block]:
            clock.now += 2.0
            return super().__call__(blocks)

    late, after = Late(), Counted()
    with pytest.raises(CleanTimeout, match="before step Counted") as raised:
        cleannews.clean_text(RAW, steps=[late, after], timeout=1.0)
    assert (late.ran, after.ran) == (1, 0)
    assert (raised.value.function, raised.value.budget) == ("clean_text", 1.0)


def test_a_huge_input_is_stopped_while_it_is_read() -> None:
    with pytest.raises(CleanTimeout, match="reading line 4096"):
        cleannews.clean_text(f"{REPORT_1}\n" * 10_000, timeout=0)


def test_without_a_budget_nothing_is_timed() -> None:
    slow = Slow()
    assert cleannews.clean_text(RAW, steps=[slow]).paragraphs
    assert slow.ran == 1


@pytest.mark.parametrize("bad", ["5", True, [1]])
def test_a_timeout_that_is_not_a_number_gets_a_type_error(bad: object) -> None:
    with pytest.raises(TypeError, match="expects timeout as a number of seconds or None"):
        cleannews.clean_text(RAW, timeout=bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [-1, float("nan")])
def test_a_negative_timeout_gets_a_value_error(bad: float) -> None:
    with pytest.raises(ValueError, match="0 seconds or more"):
        cleannews.clean_html(PAGE, timeout=bad)


def test_the_budget_of_one_thread_does_not_reach_another() -> None:
    """Two documents cleaned at once on two threads each keep their own budget."""
    results: dict[str, object] = {}

    def slow_with_budget() -> None:
        try:
            cleannews.clean_text(RAW, steps=[Slow(), Counted()], timeout=NAP / 10)
        except CleanTimeout as over:
            results["budgeted"] = over

    def slow_without() -> None:
        results["free"] = cleannews.clean_text(RAW, steps=[Slow(), Counted(), *default_steps()])

    threads = [threading.Thread(target=slow_with_budget), threading.Thread(target=slow_without)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert isinstance(results["budgeted"], CleanTimeout)
    assert results["free"] == cleannews.clean_text(RAW)


def test_the_first_budgeted_call_of_a_process_warms_up_before_its_budget_starts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """What the pipeline builds on first use (about 0.7 s) is not charged to
    the first document: a 2 s budget on a busy Ray worker ran out on it."""
    warmed: list[str] = []

    def warm_up() -> None:
        check_deadline("warming up")  # raises if a budget were already running
        warmed.append("once")
        monkeypatch.setattr(cleannews, "_warmed", True)

    monkeypatch.setattr(cleannews, "_warmed", False)
    monkeypatch.setattr(cleannews, "warm_up", warm_up)
    cleannews.clean_text(RAW)
    assert warmed == []
    for clean in (cleannews.clean_text, cleannews.clean_text, cleannews.clean_html):
        with pytest.raises(CleanTimeout):
            clean(RAW if clean is cleannews.clean_text else PAGE, timeout=0)
    assert warmed == ["once"]
