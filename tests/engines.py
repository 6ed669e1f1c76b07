"""What the engine tests share: the engine import, the documents, a slow step.

An engine's tests are skipped when its extra is not installed, except under
``CLEANNEWS_REQUIRE_ENGINES=1`` (which `.ci/run` sets): there a missing
engine fails the run, so CI never passes by skipping them.
"""

from __future__ import annotations

import importlib
import json
import os
import time
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import cleannews
from cleannews import Block
from tests.helpers import REPORT_1, REPORT_2, REPORT_EN

ROOT = Path(__file__).resolve().parent.parent
#: The marker of the one document the slow step holds up past its budget.
SLOW = "LAMBAT-SEKALI"
#: The budget the engine tests give each document (ample for any other
#: document on a busy machine), and how long the slow step sleeps: past it.
TIMEOUT = 2.0
NAP = TIMEOUT + 1.0


def engine(name: str) -> ModuleType:
    """The engine's module: a skip when it is not installed, but a failure
    under ``CLEANNEWS_REQUIRE_ENGINES=1``."""
    if os.environ.get("CLEANNEWS_REQUIRE_ENGINES") == "1":
        return importlib.import_module(name)
    return pytest.importorskip(name)


def worker_path() -> None:
    """Let an engine's worker processes import ``tests`` (for `SlowOn`), as the driver does."""
    paths = [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
    if str(ROOT) not in paths:
        os.environ["PYTHONPATH"] = os.pathsep.join([str(ROOT), *paths])


class SlowOn:
    """A step that sleeps `NAP` seconds on a text holding ``marker``, and else does nothing."""

    __name__ = "slow_on"

    def __init__(self, marker: str = SLOW) -> None:
        self.marker = marker

    def __call__(self, blocks: Sequence[Block]) -> list[Block]:
        if any(self.marker in b.text for b in blocks):
            time.sleep(NAP)
        return list(blocks)


def slow_steps() -> list[Any]:
    """The default steps, after the slow one."""
    return [SlowOn(), *cleannews.default_steps()]


def texts() -> list[str]:
    """Articles of varied shape: the two seeds, and short made-up ones with residue."""
    seeds = [
        (ROOT / "fixtures" / f).read_text(encoding="utf-8")
        for f in ("000_b9fff5dbafb6aeaf.txt", "001_c943c15a8568c981.txt")
    ]
    made = [
        f"Berita Nomor {n}\n{REPORT_1}\nBaca juga: Kabar lain nomor {n}\nADVERTISEMENT\n{REPORT_2}"
        if n % 2
        else f"Story number {n}\n\n{REPORT_EN}\n\nShare this article\n\nRead more: another story {n}"
        for n in range(14)
    ]
    return [*seeds, *made, ""]


def documents() -> list[dict[str, Any]]:
    """Records with an id, a URL and a text; one text is missing (null), one is slow to clean."""
    docs: list[dict[str, Any]] = [
        {"id": f"doc-{n}", "url": f"https://news.example/{n}", "text": text} for n, text in enumerate(texts())
    ]
    docs.insert(5, {"id": "no-text", "url": "https://news.example/x", "text": None})
    docs.insert(9, {"id": "slow", "url": "https://news.example/s", "text": f"{REPORT_1}\n{SLOW}"})
    return docs


def expected(text: str) -> dict[str, Any]:
    """The local `clean_text` record of a text, as the engines should give it."""
    return cleannews.clean_text(text).to_record()


def check_records(
    records: Sequence[dict[str, Any]], *, decode: Sequence[str] = ("metadata", "removed")
) -> None:
    """Every good document is there, in any order, with the local result;
    the missing text and the slow document are error records. ``decode``
    names the columns the engine holds as JSON strings."""
    by_id = {r["id"]: r for r in records}
    docs = documents()
    assert sorted(by_id) == sorted(d["id"] for d in docs)
    for doc in docs:
        got = dict(by_id[doc["id"]])
        got.update({k: json.loads(got[k]) for k in decode})
        if doc["id"] == "no-text":
            assert got["error"] == "TypeError: clean_text() expects raw as str, got NoneType"
            assert got["text"] is None
        elif doc["id"] == "slow":
            assert got["error"].startswith(
                f"CleanTimeout: clean_text() went over its time budget of {TIMEOUT:g} s"
            )
            assert got["text"] is None
        else:
            want = expected(doc["text"])
            assert {k: got[k] for k in want} == want, doc["id"]
            assert (got["url"], got["error"]) == (doc["url"], None)
