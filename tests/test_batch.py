"""The batch engine in process: the worker, bounded read-ahead, order."""

from __future__ import annotations

import gzip
import json
import os
import random
import signal
import threading
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest

import cleannews
from cleannews.batch import (
    Fields,
    Job,
    WorkerLostError,
    Workers,
    clean_all,
    clean_job,
    folder_jobs,
    input_jobs,
)
from tests.helpers import made_up_records

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
    assert json.loads(outcome.record)["text"].startswith("Isi")


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
    assert max(ahead) <= (2 * workers + 1) * chunk_size
    assert len(pulled) == 300


def test_worker_reads_the_page_when_the_text_is_blank() -> None:
    page = "<html><body><article><p>" + REPORT + "</p></article></body></html>"
    outcome = clean_job(jsonl_job(1, {"text": "", "html": page}), Fields())
    assert json.loads(outcome.record)["text"] == REPORT


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


# Damaged gzip -------------------------------------------------------------------


def complete_lines(packed: bytes) -> int:
    """How many whole lines zlib itself recovers from damaged gzip data (the oracle)."""
    return zlib.decompressobj(wbits=31).decompress(packed).count(b"\n")


@pytest.mark.parametrize("cut", [0.5, 0.9, -200, -8])
def test_a_truncated_gzip_keeps_every_complete_line_then_reports_damage(tmp_path: Path, cut: float) -> None:
    lines = made_up_records(400)
    packed = gzip.compress(b"".join(lines))
    broken = packed[: int(len(packed) * cut) if cut > 0 else len(packed) + int(cut)]
    (tmp_path / "in.jsonl.gz").write_bytes(broken)
    *jobs, damage = input_jobs([str(tmp_path / "in.jsonl.gz")])
    kept = complete_lines(broken)
    assert [job.payload for job in jobs] == lines[:kept]
    assert (damage.kind, damage.line) == ("unreadable", kept + 1)
    assert damage.payload.startswith(b"damaged input: truncated gzip")


def test_gzip_members_one_after_another_and_zero_padding_read_as_one_stream(tmp_path: Path) -> None:
    lines = made_up_records(30)
    packed = gzip.compress(b"".join(lines[:10])) + gzip.compress(b"".join(lines[10:])) + bytes(512)
    (tmp_path / "in.jsonl.gz").write_bytes(packed)
    jobs = list(input_jobs([str(tmp_path / "in.jsonl.gz")]))
    assert [job.payload for job in jobs] == lines


def test_bytes_after_the_gzip_stream_are_reported_after_every_line(tmp_path: Path) -> None:
    lines = made_up_records(30)
    (tmp_path / "in.jsonl.gz").write_bytes(gzip.compress(b"".join(lines)) + b"not gzip")
    *jobs, damage = input_jobs([str(tmp_path / "in.jsonl.gz")])
    assert [job.payload for job in jobs] == lines
    assert b"not gzip" in damage.payload and damage.line == 31


def test_corrupt_gzip_data_is_reported_not_silently_ended(tmp_path: Path) -> None:
    packed = bytearray(gzip.compress(b"".join(made_up_records(400))))
    packed[1000:1040] = bytes(40)
    (tmp_path / "in.jsonl.gz").write_bytes(bytes(packed))
    *_, damage = input_jobs([str(tmp_path / "in.jsonl.gz")])
    assert damage.kind == "unreadable" and damage.payload.startswith(b"damaged input: corrupt gzip")


def test_the_damage_of_a_gzip_becomes_an_error_record_and_a_summary_line() -> None:
    message = "damaged input: truncated gzip"
    outcome = clean_job(Job("in.jsonl.gz", 7, message.encode(), kind="unreadable"), Fields())
    assert json.loads(outcome.error) == {"file": "in.jsonl.gz", "line": 7, "error": message}
    assert outcome.damage == "in.jsonl.gz: truncated gzip"


# Lines that are not UTF-8 -------------------------------------------------------

LEGACY = "Kafé “Harapan” di Jakarta menaikkan harga kopi — kata pemiliknya."


def test_a_cp1252_record_is_decoded_and_the_repair_reported() -> None:
    payload = json.dumps({"id": "a", "text": LEGACY}, ensure_ascii=False).encode("cp1252")
    outcome = clean_job(Job("in.jsonl", 4, payload), Fields())
    assert json.loads(outcome.record)["text"] == LEGACY
    repair = json.loads(outcome.repair)
    assert (repair["file"], repair["line"], outcome.encoding) == ("in.jsonl", 4, "cp1252")
    assert "decoded as cp1252" in repair["repair"]


def test_a_cyrillic_record_in_koi8_r_is_decoded_as_koi8_r() -> None:
    text = "Правительство объявило о новой политике снижения цен на рис на рынках."
    payload = json.dumps({"text": text}, ensure_ascii=False).encode("koi8_r")
    outcome = clean_job(Job("in.jsonl", 1, payload), Fields())
    assert json.loads(outcome.record)["text"] == text
    assert outcome.encoding == "koi8_r"


def test_bytes_no_encoding_fits_are_a_bad_record_not_replacement_characters() -> None:
    noise = bytes(random.Random(3).randrange(0x80, 0x100) for _ in range(80))
    outcome = clean_job(Job("in.jsonl", 2, b'{"text": "' + noise + b'"}'), Fields())
    assert outcome.record == b""
    assert "not valid UTF-8" in json.loads(outcome.error)["error"]


def test_a_utf8_line_with_a_stray_byte_is_a_bad_record_not_garbled() -> None:
    payload = json.dumps({"text": LEGACY}, ensure_ascii=False).encode() + b" \xe9"
    error = json.loads(clean_job(Job("in.jsonl", 5, payload), Fields()).error)["error"]
    assert error.startswith("not valid UTF-8 (byte 0xe9") and "otherwise UTF-8" in error


def test_a_text_file_in_cp1252_is_decoded_and_the_repair_reported(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(f"Judul Berita\n\n{LEGACY}\n".encode("cp1252"))
    outcome = clean_job(Job(str(tmp_path / "a.txt"), kind="text", name="a.txt"), Fields())
    assert LEGACY in json.loads(outcome.record)["text"].split("\n\n")
    assert json.loads(outcome.repair)["line"] is None and outcome.encoding == "cp1252"


# The worker pool ----------------------------------------------------------------


def test_a_worker_that_dies_stops_the_run_instead_of_hanging() -> None:
    """A worker killed mid-run (the OOM killer) ends the batch with WorkerLostError, never a hang."""
    jobs = (jsonl_job(n, {"id": n, "text": REPORT}) for n in range(1, 100_000))
    raised: list[BaseException] = []

    def run() -> None:
        with Workers(2, Fields()) as pool:
            outcomes = pool.clean(jobs, 4)
            next(outcomes)
            os.kill(pool.pids[0], signal.SIGKILL)
            try:
                for _ in outcomes:
                    pass
            except WorkerLostError as lost:
                raised.append(lost)

    runner = threading.Thread(target=run, daemon=True)
    runner.start()
    runner.join(timeout=300)  # a hang guard only
    assert not runner.is_alive(), "the pool hung after a worker died"
    assert "killed by SIGKILL" in str(raised[0])


# The output record --------------------------------------------------------------


def test_the_output_record_keeps_the_input_fields_and_replaces_the_text() -> None:
    source = {"id": "a", "url": "https://x.id/a", "date": "2024-05-01", "text": f"{REPORT}\nBaca juga: X"}
    record = json.loads(clean_job(jsonl_job(1, source), Fields()).record)
    assert list(record) == ["id", "url", "date", "text", "title", "headings", "metadata", "removed"]
    article = cleannews.clean_text(source["text"])
    assert record == {"id": "a", "url": "https://x.id/a", "date": "2024-05-01", **article.to_record()}


def test_the_output_record_puts_the_id_under_the_id_field() -> None:
    outcome = clean_job(jsonl_job(3, {"doc_id": 9, "body": REPORT}), Fields(text="body", id="doc_id"))
    record = json.loads(outcome.record)
    assert (record["doc_id"], record["text"]) == (9, REPORT)
    assert "id" not in record and "body" not in record
    missing = json.loads(clean_job(jsonl_job(4, {"body": REPORT}), Fields(text="body", id="doc_id")).record)
    assert missing["doc_id"] == "in.jsonl:4"


def test_the_output_record_keeps_the_original_body_when_asked() -> None:
    raw = f"{REPORT}\nADVERTISEMENT"
    fields = Fields(original="raw_text", removals=True)
    record = json.loads(clean_job(jsonl_job(1, {"id": "a", "text": raw}), fields).record)
    assert (record["raw_text"], record["text"]) == (raw, REPORT)
    assert record["removals"] == [{"text": "ADVERTISEMENT", "reason": "ad", "line": 2}]


def test_the_article_shape_is_read_back_by_from_dict() -> None:
    raw = f"{REPORT}\nBaca juga: X"
    record = json.loads(clean_job(jsonl_job(1, {"id": "a", "text": raw}), Fields(shape="article")).record)
    assert record["id"] == "a"
    assert cleannews.Article.from_dict(record) == cleannews.clean_text(raw)


def test_a_document_over_its_time_budget_is_an_error_with_its_id() -> None:
    outcome = clean_job(jsonl_job(2, {"id": "slow", "text": REPORT}), Fields(timeout=0))
    error = json.loads(outcome.error)
    assert (error["file"], error["line"], error["id"], outcome.record) == ("in.jsonl", 2, "slow", b"")
    assert error["error"].startswith("CleanTimeout: clean_text() went over its time budget of 0 s")


def test_the_original_of_an_html_file_is_kept_as_text(tmp_path: Path) -> None:
    page = (
        "<html><head><meta charset='cp1252'></head>"
        f"<body><article><p>{REPORT} Kafé.</p></article></body></html>"
    )
    (tmp_path / "a.html").write_bytes(page.encode("cp1252"))
    outcome = clean_job(Job(str(tmp_path / "a.html"), kind="html", name="a.html"), Fields(original="page"))
    record = json.loads(outcome.record)
    assert (record["id"], record["page"]) == ("a.html", page)
