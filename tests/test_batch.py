"""The batch engine in process: the worker, bounded read-ahead, order."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from cleannews.batch import Fields, Job, clean_all, clean_job, folder_jobs

REPORT = "Pemerintah mengumumkan kebijakan baru untuk menekan harga beras di pasar tradisional."


def jsonl_job(number: int, value: object) -> Job:
    return Job("in.jsonl", number, json.dumps(value).encode("utf-8"))


def test_worker_turns_a_record_into_its_id_and_article() -> None:
    outcome = clean_job(jsonl_job(1, {"id": "a", "text": f"{REPORT}\nBaca juga: X"}), Fields())
    assert json.loads(outcome.record)["id"] == "a"
    assert outcome.removed == {"related": 1}
    assert outcome.error == b""


def test_worker_reports_a_wrong_id_type_as_a_bad_record() -> None:
    outcome = clean_job(jsonl_job(4, {"id": [1], "text": REPORT}), Fields())
    assert json.loads(outcome.error) == {
        "file": "in.jsonl",
        "line": 4,
        "error": "field 'id' must be a string or number, got array",
    }


def test_worker_forced_to_html_ignores_the_text_field() -> None:
    outcome = clean_job(jsonl_job(1, {"text": REPORT}), Fields(force="html"))
    assert "missing field 'html'" in json.loads(outcome.error)["error"]


def test_worker_keeps_lone_surrogates_as_json_escapes() -> None:
    outcome = clean_job(Job("in.jsonl", 1, b'{"text": "Isi \\ud800 berita."}'), Fields())
    assert json.loads(outcome.record)["blocks"][0]["text"].startswith("Isi")


def test_parallel_run_reads_a_bounded_number_of_jobs_ahead() -> None:
    """Memory stays flat: the reader never runs more than the gate's limit ahead of the writer."""
    pulled: list[int] = []

    def jobs() -> Iterator[Job]:
        for number in range(1, 301):
            pulled.append(number)
            yield jsonl_job(number, {"id": number, "text": REPORT})

    workers, chunk_size = 2, 4
    ahead = []
    for taken, outcome in enumerate(clean_all(jobs(), Fields(), workers=workers, chunk_size=chunk_size), 1):
        assert json.loads(outcome.record)["id"] == taken
        ahead.append(len(pulled) - taken)
    assert max(ahead) <= 2 * workers * chunk_size + 1
    assert len(pulled) == 300


def test_worker_reads_the_page_when_the_text_is_blank() -> None:
    page = "<html><body><article><p>" + REPORT + "</p></article></body></html>"
    outcome = clean_job(jsonl_job(1, {"text": "", "html": page}), Fields())
    assert [b["text"] for b in json.loads(outcome.record)["blocks"]] == [REPORT]


def test_worker_ignores_a_wrong_type_in_a_field_it_does_not_read() -> None:
    outcome = clean_job(jsonl_job(1, {"text": REPORT, "html": 5}), Fields())
    assert outcome.error == b""


def test_a_folder_that_cannot_be_listed_is_reported_and_the_walk_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(REPORT, encoding="utf-8")
    scandir = os.scandir

    def refuse_a(path: Path) -> object:
        if Path(path).name == "a":
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refuse_a)
    jobs = list(folder_jobs(tmp_path))
    assert [(j.kind, j.source, j.name) for j in jobs] == [
        ("unreadable", str(tmp_path / "a"), ""),
        ("text", str(tmp_path / "b.txt"), "b.txt"),
    ]
    assert b"Permission denied" in jobs[0].payload
