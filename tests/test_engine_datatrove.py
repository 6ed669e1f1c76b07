"""datatrove, for real: a ``LocalPipelineExecutor`` of 2 tasks reading JSONL documents, cleaning, writing."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import cleannews
from tests.engines import TIMEOUT, documents, engine, expected, slow_steps, worker_path

engine("datatrove")
from datatrove.executor import LocalPipelineExecutor  # noqa: E402 - after the check that datatrove is there
from datatrove.pipeline.readers import JsonlReader  # noqa: E402
from datatrove.pipeline.writers import JsonlWriter  # noqa: E402

from cleannews.datatrove import CleannewsFilter, CleannewsStep  # noqa: E402


def datatrove_documents() -> list[dict[str, Any]]:
    """The engine tests' documents, the missing text made a list: datatrove's
    reader skips a null text, and fails on one that has no length."""
    return [{**d, "text": ["not", "a", "text"]} if d["text"] is None else d for d in documents()]


def write_shards(folder: Path, docs: list[dict[str, Any]]) -> Path:
    """The documents in two JSONL files, one per task."""
    folder.mkdir()
    for n in range(2):
        lines = [json.dumps(d, ensure_ascii=False) for d in docs[n::2]]
        (folder / f"part-{n}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def read_output(folder: Path) -> dict[str, dict[str, Any]]:
    """Every document written under ``folder`` (gzip JSONL, datatrove's default), by id."""
    out = {}
    for path in sorted(folder.glob("*.jsonl.gz")):
        for line in gzip.decompress(path.read_bytes()).decode("utf-8").splitlines():
            doc = json.loads(line)
            out[doc["id"]] = doc
    return out


def run(pipeline: list[Any], tmp_path: Path) -> LocalPipelineExecutor:
    worker_path()
    executor = LocalPipelineExecutor(pipeline, tasks=2, workers=2, logging_dir=str(tmp_path / "logs"))
    executor.run()
    return executor


def test_the_step_on_two_tasks_cleans_every_document_as_clean_text_does(tmp_path: Path) -> None:
    docs = datatrove_documents()
    source = write_shards(tmp_path / "raw", docs)
    step = CleannewsStep(steps=slow_steps(), timeout=TIMEOUT)
    run([JsonlReader(str(source)), step, JsonlWriter(str(tmp_path / "clean"))], tmp_path)
    out = read_output(tmp_path / "clean")
    assert sorted(out) == sorted(d["id"] for d in docs if d["text"] != "")  # the reader skips an empty text
    for doc in (d for d in docs if d["text"] != ""):
        got = out[doc["id"]]
        if doc["id"] == "no-text":
            assert got["metadata"]["cleannews"] == {
                "error": "TypeError: clean_text() expects raw as str, got list"
            }
        elif doc["id"] == "slow":
            assert got["metadata"]["cleannews"]["error"].startswith("CleanTimeout: clean_text() went over")
            assert got["text"] == doc["text"]
        else:
            want = expected(doc["text"])
            assert got["text"] == want["text"], doc["id"]
            assert got["metadata"]["cleannews"] == {k: v for k, v in want.items() if k != "text"}
            assert got["metadata"]["url"] == doc["url"]


def test_the_step_counts_removals_per_reason_in_its_stats(tmp_path: Path) -> None:
    docs = [d for d in datatrove_documents() if d["id"] not in ("slow", "no-text")]
    source = write_shards(tmp_path / "raw", docs)
    run([JsonlReader(str(source)), CleannewsStep(), JsonlWriter(str(tmp_path / "clean"))], tmp_path)
    stats = json.loads((tmp_path / "logs" / "stats.json").read_text())
    (step,) = [s for s in stats if s["name"].endswith(CleannewsStep.name)]
    totals = {k: v["total"] if isinstance(v, dict) else v for k, v in step["stats"].items()}
    counted = {k.removeprefix("removed_"): v for k, v in totals.items() if k.startswith("removed_")}
    want: dict[str, int] = {}
    for doc in docs:
        for reason, n in expected(doc["text"])["removed"].items():
            want[reason] = want.get(reason, 0) + n
    assert counted == want
    assert totals["documents"] == len([d for d in docs if d["text"] != ""])


def test_the_filter_drops_empty_short_and_failed_documents_with_their_original_text(tmp_path: Path) -> None:
    docs = [
        *datatrove_documents(),
        {"id": "all-residue", "url": "u", "text": "ADVERTISEMENT\nBaca juga: X"},
        {"id": "few-words", "url": "u", "text": "Harga naik lagi.\nADVERTISEMENT"},
    ]
    source = write_shards(tmp_path / "raw", docs)
    rejected = JsonlWriter(str(tmp_path / "rejected"))
    keeper = CleannewsFilter(min_words=5, exclusion_writer=rejected, steps=slow_steps(), timeout=TIMEOUT)
    run([JsonlReader(str(source)), keeper, JsonlWriter(str(tmp_path / "clean"))], tmp_path)
    kept, dropped = read_output(tmp_path / "clean"), read_output(tmp_path / "rejected")
    assert sorted([*kept, *dropped]) == sorted(d["id"] for d in docs if d["text"] != "")
    for doc in docs:
        if doc["id"] in dropped:
            got = dropped[doc["id"]]
            assert got["text"] == doc["text"], doc["id"]  # the original, for the exclusion writer
            assert "cleannews" in got["metadata"]  # the article (or the error) beside the original
        elif doc["text"] != "":
            assert kept[doc["id"]]["text"] == expected(doc["text"])["text"]
            assert len(kept[doc["id"]]["text"].split()) >= 5
    assert dropped["all-residue"]["metadata"]["filter_reason"] == "empty"
    assert dropped["no-text"]["metadata"]["filter_reason"] == "error"
    assert dropped["slow"]["metadata"]["filter_reason"] == "error"
    assert dropped["few-words"]["metadata"]["filter_reason"] == "too_few_words"
    for doc in docs:
        if doc["id"] in dropped and isinstance(doc["text"], str) and doc["id"] != "slow":
            assert len(expected(doc["text"])["text"].split()) < 5, doc["id"]


def test_the_filter_reads_the_title_from_the_metadata() -> None:
    from datatrove.data import Document

    raw = "Harga Beras Turun\nPemerintah mengumumkan kebijakan baru untuk menekan harga beras di pasar."
    doc = Document(text=raw, id="a", metadata={"title": "Harga Beras Turun"})
    assert CleannewsFilter().filter(doc) is True
    want = cleannews.clean_text(raw, title="Harga Beras Turun").to_record()
    assert (doc.text, doc.metadata["cleannews"]["title"]) == (want["text"], want["title"])
