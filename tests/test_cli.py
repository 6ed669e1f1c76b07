"""The command line, run for real: ``python -m cleannews`` in a subprocess."""

from __future__ import annotations

import gzip
import json
import os
import random
import signal
import struct
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest

import cleannews
from cleannews import batch
from tests.helpers import made_up_records

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "000_b9fff5dbafb6aeaf.txt"
SEED_2 = ROOT / "fixtures" / "001_c943c15a8568c981.txt"
REPORT = "Pemerintah mengumumkan kebijakan baru untuk menekan harga beras di pasar tradisional."
PAGE = (
    "<!DOCTYPE html><html><head><title>Harga Beras Turun</title></head><body><article>"
    "<h1>Harga Beras Turun</h1>"
    f"<p>{REPORT}</p>"
    "<p>Menteri Perdagangan mengatakan kebijakan itu berlaku mulai pekan depan di seluruh provinsi.</p>"
    "<p>Pedagang di Pasar Induk menyambut baik keputusan itu dan berharap harga tetap stabil.</p>"
    "</article></body></html>"
)


def cleannews_cli(
    *args: str | Path, stdin: str | None = None, cwd: Path = ROOT
) -> subprocess.CompletedProcess:
    """Run ``python -m cleannews ARGS`` with this checkout first on the path."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    env.pop("NO_COLOR", None)
    command = [sys.executable, "-m", "cleannews", *map(str, args)]
    return subprocess.run(
        command, input=stdin, capture_output=True, text=True, encoding="utf-8", env=env, cwd=cwd, timeout=300
    )


def write_jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def record(id_: object, text: str, **more: object) -> str:
    return json.dumps({"id": id_, "text": text, **more}, ensure_ascii=False)


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def seeds_jsonl(tmp_path: Path) -> Path:
    """Both seeds as JSONL records, three times over."""
    texts = [SEED.read_text(encoding="utf-8"), SEED_2.read_text(encoding="utf-8")]
    return write_jsonl(tmp_path / "in.jsonl", [record(f"d{i}", texts[i % 2]) for i in range(6)])


# clean -----------------------------------------------------------------------


def test_clean_prints_the_seed_as_the_article_text() -> None:
    result = cleannews_cli("clean", SEED)
    assert result.returncode == 0, result.stderr
    assert result.stdout == cleannews.clean_text(SEED.read_text(encoding="utf-8")).render() + "\n"


def test_clean_reads_standard_input_for_a_dash() -> None:
    result = cleannews_cli("clean", "-", stdin=f"Judul Berita\n\n{REPORT}\nBaca juga: Berita lain\n")
    assert result.stdout == f"Judul Berita\n\n{REPORT}\n"


def test_clean_format_json_is_the_article_dict() -> None:
    result = cleannews_cli("clean", SEED, "--format", "json")
    assert json.loads(result.stdout) == cleannews.clean_text(SEED.read_text(encoding="utf-8")).to_dict()


def test_clean_format_markdown_marks_title_and_headings() -> None:
    lines = cleannews_cli("clean", SEED, "--format", "markdown").stdout.splitlines()
    assert lines[0].startswith("# Trump Siap Sambut")
    assert "## Kazakhstan Bergabung dalam Abraham Accords" in lines


def test_clean_title_option_drops_the_repeated_headline() -> None:
    result = cleannews_cli(
        "clean", "-", "--title", "Harga Beras Turun", stdin=f"Harga Beras Turun\n{REPORT}\n"
    )
    assert result.stdout == f"Harga Beras Turun\n\n{REPORT}\n"


def test_clean_missing_file_is_a_usage_error() -> None:
    result = cleannews_cli("clean", "no/such/file.txt")
    assert result.returncode == 2
    assert "cannot read no/such/file.txt" in result.stderr


def test_clean_detects_an_html_page_by_its_content() -> None:
    result = cleannews_cli("clean", "-", "--format", "json", stdin=PAGE)
    assert result.returncode == 0, result.stderr
    assert REPORT in json.loads(result.stdout)["blocks"][0]["text"] or REPORT in result.stdout
    assert "<p>" not in result.stdout


def test_clean_html_flag_forces_the_html_reader(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    forced = cleannews_cli("clean", page, "--html")
    assert forced.returncode == 0, forced.stderr
    assert REPORT in forced.stdout and "<p>" not in forced.stdout


def test_clean_text_flag_reads_markup_as_text() -> None:
    result = cleannews_cli("clean", "-", "--text", "--format", "json", stdin=f"<p>{REPORT}</p>\n")
    assert result.returncode == 0, result.stderr
    assert "<p>" in result.stdout


def test_module_and_console_script_run_the_same_main() -> None:
    """``cleannews`` (the console script, `cleannews.cli:main`) and ``python -m cleannews`` agree."""
    script = "import sys; from cleannews.cli import main; sys.exit(main())"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    direct = subprocess.run(
        [sys.executable, "-c", script, "clean", str(SEED)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert 'cleannews = "cleannews.cli:main"' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert direct.stdout == cleannews_cli("clean", SEED).stdout != ""


# batch -----------------------------------------------------------------------


def test_batch_writes_one_record_per_input_in_order_with_ids(seeds_jsonl: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = cleannews_cli("batch", seeds_jsonl, "-o", out)
    assert result.returncode == 0, result.stderr
    records = read_jsonl(out)
    assert [r["id"] for r in records] == [f"d{i}" for i in range(6)]
    expected = cleannews.clean_text(SEED.read_text(encoding="utf-8")).to_record()
    assert records[0] == {"id": "d0", **expected}


def test_batch_article_shape_reads_back_as_an_article(seeds_jsonl: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    cleannews_cli("batch", seeds_jsonl, "-o", out, "--shape", "article")
    article = cleannews.Article.from_dict(read_jsonl(out)[1])
    assert article.paragraphs == cleannews.clean_text(SEED_2.read_text(encoding="utf-8")).paragraphs


def test_batch_reports_bad_records_with_file_and_line_and_goes_on(tmp_path: Path) -> None:
    source = write_jsonl(
        tmp_path / "in.jsonl",
        [
            record(1, REPORT),
            "{not json",
            json.dumps({"id": 3, "body": REPORT}),
            json.dumps({"id": 4, "text": 42}),
            "[1, 2]",
            record(6, REPORT),
        ],
    )
    out = tmp_path / "out.jsonl"
    result = cleannews_cli("batch", source, "-o", out)
    assert result.returncode == 0, result.stderr
    assert [r["id"] for r in read_jsonl(out)] == [1, 6]
    errors = read_jsonl(tmp_path / "out.errors.jsonl")
    assert [(e["file"], e["line"]) for e in errors] == [(str(source), n) for n in (2, 3, 4, 5)]
    assert "invalid JSON" in errors[0]["error"]
    assert "missing field 'text'" in errors[1]["error"]
    assert "'text' must be a string, got number" in errors[2]["error"]
    assert "expected a JSON object" in errors[3]["error"]


def test_batch_summary_counts_documents_reasons_errors_and_rate(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", [record(1, f"{REPORT}\nBaca juga: Berita lain"), "oops"])
    result = cleannews_cli("batch", source, "-o", tmp_path / "out.jsonl")
    assert "1 document, 1 error, 1 block removed" in result.stderr
    assert "removed by reason: related 1" in result.stderr
    assert "documents/s" in result.stderr


def test_batch_shows_no_progress_bar_when_stderr_is_not_a_terminal(seeds_jsonl: Path, tmp_path: Path) -> None:
    result = cleannews_cli("batch", seeds_jsonl, "-o", tmp_path / "out.jsonl")
    assert "\r" not in result.stderr
    assert "docs/s" not in result.stderr


def test_batch_progress_option_shows_the_bar_when_piped(seeds_jsonl: Path, tmp_path: Path) -> None:
    result = cleannews_cli("batch", seeds_jsonl, "-o", tmp_path / "out.jsonl", "--progress")
    assert "6 docs" in result.stderr


needs_pty = pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a POSIX pseudo-terminal")


def on_terminal(*args: str | Path, stream: str) -> str:
    """Run ``python -m cleannews ARGS`` with ``stream`` (stdout or stderr) on
    a pseudo-terminal; what the terminal received."""
    import fcntl
    import termios

    controller, terminal = os.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))  # a new pty is 0 wide
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("NO_COLOR", None)
    streams = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, stream: terminal}
    command = [sys.executable, "-m", "cleannews", *map(str, args)]
    process = subprocess.Popen(command, **streams, env=env)
    os.close(terminal)
    received = []
    try:
        while chunk := read_or_empty(controller):
            received.append(chunk)
    finally:
        os.close(controller)
    assert process.wait(timeout=300) == 0
    return b"".join(received).decode("utf-8", errors="replace")


def read_or_empty(fd: int) -> bytes:
    """The next bytes from a pty, or b"" once its other side has closed (Linux raises EIO)."""
    try:
        return os.read(fd, 1 << 16)
    except OSError:
        return b""


@needs_pty
def test_batch_shows_a_progress_bar_on_a_terminal(seeds_jsonl: Path, tmp_path: Path) -> None:
    shown = on_terminal("batch", seeds_jsonl, "-o", tmp_path / "out.jsonl", stream="stderr")
    assert "6 docs" in shown and "\r" in shown


def test_batch_empty_input_writes_nothing_and_succeeds(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "empty.jsonl", [])
    out = tmp_path / "out.jsonl"
    result = cleannews_cli("batch", source, "-o", out)
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8") == ""
    assert "0 documents, 0 errors" in result.stderr


def test_batch_with_only_bad_records_fails(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "bad.jsonl", ["{", "{}"])
    result = cleannews_cli("batch", source, "-o", tmp_path / "out.jsonl")
    assert result.returncode == 1
    assert len(read_jsonl(tmp_path / "out.errors.jsonl")) == 2


def test_batch_missing_input_is_a_usage_error(tmp_path: Path) -> None:
    result = cleannews_cli("batch", tmp_path / "nope.jsonl", "-o", tmp_path / "out.jsonl")
    assert result.returncode == 2
    assert "no such file or folder" in result.stderr
    assert not (tmp_path / "out.jsonl").exists()


def test_batch_without_output_is_a_usage_error(seeds_jsonl: Path) -> None:
    assert cleannews_cli("batch", seeds_jsonl).returncode == 2


def test_batch_reads_gzip_input_like_plain(seeds_jsonl: Path, tmp_path: Path) -> None:
    packed = tmp_path / "in.jsonl.gz"
    packed.write_bytes(gzip.compress(seeds_jsonl.read_bytes()))
    cleannews_cli("batch", seeds_jsonl, "-o", tmp_path / "plain.jsonl")
    result = cleannews_cli("batch", packed, "-o", tmp_path / "packed.jsonl")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "packed.jsonl").read_bytes() == (tmp_path / "plain.jsonl").read_bytes()


def test_batch_keeps_every_complete_line_of_a_truncated_gzip_and_reports_the_damage(tmp_path: Path) -> None:
    lines = made_up_records(400)
    packed = gzip.compress(b"".join(lines))
    broken = tmp_path / "broken.jsonl.gz"
    broken.write_bytes(packed[: len(packed) - 200])
    complete = zlib.decompressobj(wbits=31).decompress(broken.read_bytes()).count(b"\n")  # the oracle
    result = cleannews_cli("batch", broken, "-o", tmp_path / "out.jsonl")
    assert result.returncode == 0, result.stderr
    assert [r["id"] for r in read_jsonl(tmp_path / "out.jsonl")] == list(range(complete))
    (error,) = read_jsonl(tmp_path / "out.errors.jsonl")
    assert error["line"] == complete + 1 and error["error"].startswith("damaged input: truncated gzip")
    assert f"damaged input: {broken}: truncated gzip" in result.stderr


def test_batch_decodes_a_cp1252_line_reports_the_repair_and_a_line_it_cannot_decode(tmp_path: Path) -> None:
    legacy = "Kafé “Harapan” di Jakarta menaikkan harga kopi — kata pemiliknya."
    source = tmp_path / "in.jsonl"
    source.write_bytes(
        record(1, REPORT).encode()
        + b"\n"
        + record(2, legacy).encode("cp1252")
        + b"\n"
        + b'{"id": 3, "text": "'
        + bytes(random.Random(3).randrange(0x80, 0x100) for _ in range(80))
        + b'"}\n'
    )
    result = cleannews_cli("batch", source, "-o", tmp_path / "out.jsonl")
    assert result.returncode == 0, result.stderr
    assert [r["text"] for r in read_jsonl(tmp_path / "out.jsonl")] == [REPORT, legacy]
    repair, error = read_jsonl(tmp_path / "out.errors.jsonl")
    assert (repair["line"], error["line"]) == (2, 3)
    assert "decoded as cp1252" in repair["repair"] and "not valid UTF-8" in error["error"]
    assert "decoded from another encoding than UTF-8: 1 record (cp1252 1)" in result.stderr
    assert "bad records and repairs: " in result.stderr
    assert "\ufffd" not in (tmp_path / "out.jsonl").read_text(encoding="utf-8")


def test_batch_writes_gzip_output_for_a_gz_name(seeds_jsonl: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl.gz"
    cleannews_cli("batch", seeds_jsonl, "-o", out)
    assert len(gzip.decompress(out.read_bytes()).splitlines()) == 6
    assert (tmp_path / "out.errors.jsonl").exists()


def test_batch_with_two_workers_keeps_input_order(tmp_path: Path) -> None:
    texts = [SEED.read_text(encoding="utf-8"), SEED_2.read_text(encoding="utf-8"), REPORT]
    lines = [record(i, texts[i % 3]) if i % 7 else "{bad" for i in range(60)]
    source = write_jsonl(tmp_path / "in.jsonl", lines)
    cleannews_cli("batch", source, "-o", tmp_path / "one.jsonl")
    two = cleannews_cli("batch", source, "-o", tmp_path / "two.jsonl", "--workers", "2", "--chunk-size", "3")
    assert two.returncode == 0, two.stderr
    assert [r["id"] for r in read_jsonl(tmp_path / "two.jsonl")] == [i for i in range(60) if i % 7]
    assert (tmp_path / "two.jsonl").read_bytes() == (tmp_path / "one.jsonl").read_bytes()
    assert (tmp_path / "two.errors.jsonl").read_bytes() == (tmp_path / "one.errors.jsonl").read_bytes()


def test_batch_reads_a_folder_of_text_files_by_relative_path(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    (folder / "b").mkdir(parents=True)
    (folder / "a.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "b" / "c.txt").write_text(REPORT, encoding="utf-8")
    (folder / "notes.md").write_text("not an article", encoding="utf-8")
    result = cleannews_cli("batch", folder, "-o", tmp_path / "out.jsonl")
    assert result.returncode == 0, result.stderr
    records = read_jsonl(tmp_path / "out.jsonl")
    assert [r["id"] for r in records] == ["a.txt", "b/c.txt"]
    assert records[1]["text"] == REPORT


def test_batch_reads_html_files_of_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "page.html").write_text(PAGE, encoding="utf-8")
    result = cleannews_cli("batch", folder, "-o", tmp_path / "out.jsonl")
    assert result.returncode == 0, result.stderr
    (page,) = read_jsonl(tmp_path / "out.jsonl")
    assert page["id"] == "page.html"
    assert REPORT in page["text"].split("\n\n")


def test_batch_reads_the_html_field_when_there_is_no_text(tmp_path: Path) -> None:
    source = write_jsonl(
        tmp_path / "in.jsonl", [json.dumps({"id": "p", "html": PAGE, "url": "https://x.id/a"})]
    )
    result = cleannews_cli("batch", source, "-o", tmp_path / "out.jsonl")
    assert result.returncode == 0, result.stderr
    (out,) = read_jsonl(tmp_path / "out.jsonl")
    assert REPORT in out["text"].split("\n\n")
    assert (out["id"], out["url"], out["metadata"]["url"]) == ("p", "https://x.id/a", "https://x.id/a")
    assert "html" not in out


def test_batch_field_names_are_options(tmp_path: Path) -> None:
    line = json.dumps({"key": "k1", "body": f"Harga Beras Turun\n{REPORT}", "headline": "Harga Beras Turun"})
    source = write_jsonl(tmp_path / "in.jsonl", [line])
    args = ["--text-field", "body", "--id-field", "key", "--title-field", "headline"]
    result = cleannews_cli("batch", source, "-o", tmp_path / "out.jsonl", *args)
    assert result.returncode == 0, result.stderr
    (out,) = read_jsonl(tmp_path / "out.jsonl")
    assert list(out) == ["key", "headline", "text", "title", "headings", "metadata", "removed"]
    assert (out["key"], out["title"], out["removed"], out["text"]) == (
        "k1",
        "Harga Beras Turun",
        {"duplicate-title": 1},
        REPORT,
    )


def test_batch_turns_a_document_over_its_time_budget_into_an_error_with_its_id(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", [record("a", REPORT), record("b", REPORT)])
    result = cleannews_cli("batch", source, "-o", tmp_path / "out.jsonl", "--timeout", "0")
    assert result.returncode == 1, result.stderr
    errors = read_jsonl(tmp_path / "out.errors.jsonl")
    assert [(e["line"], e["id"]) for e in errors] == [(1, "a"), (2, "b")]
    assert all("went over its time budget of 0 s" in e["error"] for e in errors)
    kept = cleannews_cli("batch", source, "-o", tmp_path / "kept.jsonl", "--timeout", "600")
    assert [r["text"] for r in read_jsonl(tmp_path / "kept.jsonl")] == [REPORT, REPORT], kept.stderr


def test_batch_record_without_id_is_named_by_file_and_line(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", ["", json.dumps({"text": REPORT})])
    cleannews_cli("batch", source, "-o", tmp_path / "out.jsonl")
    assert read_jsonl(tmp_path / "out.jsonl")[0]["id"] == f"{source}:2"


def test_batch_streams_standard_input_to_standard_output(seeds_jsonl: Path) -> None:
    result = cleannews_cli(
        "batch", "-", "-o", "-", "-q", stdin=seeds_jsonl.read_text(encoding="utf-8") + "{\n"
    )
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == [f"d{i}" for i in range(6)]
    assert '"line": 7' in result.stderr


def test_batch_refuses_to_overwrite_its_input(seeds_jsonl: Path) -> None:
    before = seeds_jsonl.read_bytes()
    result = cleannews_cli("batch", seeds_jsonl, "-o", seeds_jsonl)
    assert result.returncode == 2
    assert seeds_jsonl.read_bytes() == before


# batch: stopping and resuming ----------------------------------------------------

#: Hang guards only: every wait below ends on an event (a checkpoint, an exit).
PATIENCE = 300


def short_records(count: int) -> list[str]:
    return [record(n, f"Judul Berita {n}\n{REPORT}\nBaca juga: Berita lain {n}") for n in range(count)]


def expected_lines(records: list[str], source: str = "-") -> bytes:
    """The output lines of the records, as the worker makes them, cleaned in one go."""
    jobs = (batch.Job(source, n, line.encode()) for n, line in enumerate(records, start=1))
    return b"".join(batch.clean_job(job, batch.Fields()).record for job in jobs)


def start_batch(*args: str | Path, new_session: bool = False) -> subprocess.Popen:
    """``python -m cleannews batch ARGS`` reading the records it is fed on standard input."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    command = [sys.executable, "-m", "cleannews", "batch", *map(str, args)]
    pipes = {"stdin": subprocess.PIPE, "stderr": subprocess.PIPE}
    return subprocess.Popen(command, **pipes, env=env, cwd=ROOT, start_new_session=new_session)


def feed(process: subprocess.Popen, records: list[str]) -> None:
    assert process.stdin is not None
    process.stdin.write("".join(line + "\n" for line in records).encode())
    process.stdin.flush()


def wait_for_checkpoint(path: Path, done: int, process: subprocess.Popen) -> None:
    """Wait until the batch's checkpoint says ``done`` records are written."""
    deadline = time.monotonic() + PATIENCE
    while time.monotonic() < deadline:
        assert process.poll() is None, process.stderr.read().decode() if process.stderr else ""
        try:
            if json.loads(path.read_text(encoding="utf-8"))["done"] >= done:
                return
        except (OSError, ValueError):
            pass  # not written yet, or being replaced
        time.sleep(0.02)
    raise AssertionError(f"no checkpoint of {done} records in {PATIENCE} s")


def finish(process: subprocess.Popen) -> tuple[int, str]:
    """The exit code and standard error of a batch once it (and every worker holding its stderr) ended."""
    assert process.stdin is not None and process.stderr is not None
    process.stdin.close()
    stderr = process.stderr.read().decode()
    return process.wait(timeout=PATIENCE), stderr


def output_bytes(path: Path) -> bytes:
    return gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()


@pytest.mark.parametrize(
    ("stop", "workers", "to_group", "name"),
    [
        (signal.SIGTERM, 1, False, "out.jsonl"),
        (signal.SIGTERM, 2, True, "out.jsonl.gz"),
        (signal.SIGINT, 2, True, "out.jsonl"),
    ],
    ids=["sigterm-in-process", "sigterm-to-the-group-gzip", "ctrl-c-to-the-group"],
)
def test_batch_stops_quietly_on_a_signal_and_resume_goes_on(
    tmp_path: Path, stop: signal.Signals, workers: int, to_group: bool, name: str
) -> None:
    """SIGTERM or Ctrl-C: complete lines, a summary, exit 128 + signal, no traceback; --resume finishes."""
    out, records = tmp_path / name, short_records(8)
    args = ["-", "-o", out, "--workers", str(workers), "--chunk-size", "1", "--checkpoint-every", "0"]
    process = start_batch(*args, new_session=to_group)
    feed(process, records[:4])
    wait_for_checkpoint(tmp_path / "out.checkpoint.json", 4, process)
    (os.killpg if to_group else os.kill)(process.pid, stop)
    code, stderr = finish(process)
    assert code == 128 + stop, stderr
    assert "Traceback" not in stderr and "Error" not in stderr and "leaked" not in stderr, stderr
    assert f"interrupted by {stop.name} after 4 records" in stderr
    assert "the same command with --resume" in stderr
    assert output_bytes(out) == expected_lines(records[:4])

    resumed = cleannews_cli("batch", *args, "--resume", stdin="".join(line + "\n" for line in records))
    assert resumed.returncode == 0, resumed.stderr
    assert "resumed: the first 4 records were done by an earlier run" in resumed.stderr
    assert output_bytes(out) == expected_lines(records)


def test_batch_killed_outright_resumes_from_its_checkpoint_and_drops_a_torn_line(tmp_path: Path) -> None:
    """SIGKILL leaves workers that end quietly; --resume cuts what follows the checkpoint, loses nothing."""
    out, records = tmp_path / "out.jsonl", short_records(8)
    args = ["-", "-o", out, "--workers", "2", "--chunk-size", "1", "--checkpoint-every", "0"]
    process = start_batch(*args)
    feed(process, records[:4])
    wait_for_checkpoint(tmp_path / "out.checkpoint.json", 4, process)
    process.kill()
    code, stderr = finish(process)  # its stderr ends once the orphaned workers have ended too
    assert code == -signal.SIGKILL
    assert "Traceback" not in stderr, stderr
    with out.open("ab") as torn:  # what a kill in the middle of a write leaves
        torn.write(b'{"id": 4, "title": "Jud')
    with (tmp_path / "out.errors.jsonl").open("ab") as torn:
        torn.write(b'{"file": "-", "li')

    resumed = cleannews_cli("batch", *args, "--resume", stdin="".join(line + "\n" for line in records))
    assert resumed.returncode == 0, resumed.stderr
    assert out.read_bytes() == expected_lines(records)
    assert (tmp_path / "out.errors.jsonl").read_bytes() == b""


def test_batch_resume_goes_on_after_appended_records_and_refuses_changed_ones(tmp_path: Path) -> None:
    out, records = tmp_path / "out.jsonl", short_records(4)
    source = write_jsonl(tmp_path / "in.jsonl", records[:3])
    assert cleannews_cli("batch", source, "-o", out).returncode == 0
    write_jsonl(source, records)
    grown = cleannews_cli("batch", source, "-o", out, "--resume")
    assert grown.returncode == 0, grown.stderr
    assert "resumed: the first 3 records" in grown.stderr
    assert out.read_bytes() == expected_lines(records, str(source))

    write_jsonl(source, [records[0], record(1, REPORT), *records[2:]])
    changed = cleannews_cli("batch", source, "-o", out, "--resume")
    assert changed.returncode == 2
    assert "the inputs changed since the checkpoint" in changed.stderr
    assert out.read_bytes() == expected_lines(records, str(source))


def test_batch_resume_of_a_complete_run_does_nothing_again(tmp_path: Path) -> None:
    out, source = tmp_path / "out.jsonl", write_jsonl(tmp_path / "in.jsonl", short_records(3))
    cleannews_cli("batch", source, "-o", out)
    before = out.read_bytes()
    again = cleannews_cli("batch", source, "-o", out, "--resume")
    assert again.returncode == 0, again.stderr
    assert "3 documents" in again.stderr and "resumed: the first 3 records" in again.stderr
    assert out.read_bytes() == before


def test_batch_resume_starts_afresh_with_no_output_yet_but_refuses_an_output_without_checkpoint(
    tmp_path: Path,
) -> None:
    out, source = tmp_path / "out.jsonl", write_jsonl(tmp_path / "in.jsonl", short_records(2))
    first = cleannews_cli("batch", source, "-o", out, "--resume")
    assert first.returncode == 0, first.stderr
    assert len(read_jsonl(out)) == 2
    (tmp_path / "out.checkpoint.json").unlink()
    orphan = cleannews_cli("batch", source, "-o", out, "--resume")
    assert orphan.returncode == 2 and "cannot tell what is done" in orphan.stderr


def test_batch_resume_refuses_another_command_and_standard_output(tmp_path: Path) -> None:
    out, source = tmp_path / "out.jsonl", write_jsonl(tmp_path / "in.jsonl", short_records(2))
    cleannews_cli("batch", source, "-o", out)
    other = cleannews_cli("batch", source, "-o", out, "--resume", "--text-field", "body")
    assert other.returncode == 2 and "differs in: text_field" in other.stderr
    piped = cleannews_cli("batch", source, "-o", "-", "--resume")
    assert piped.returncode == 2 and "--resume needs the output and the errors in files" in piped.stderr


def test_batch_resume_refuses_a_rules_file_edited_since(tmp_path: Path) -> None:
    """A new user's report: the checkpoint kept the rules file's path only,
    so a file edited between runs went unnoticed and the output mixed both."""
    out, source = tmp_path / "out.jsonl", write_jsonl(tmp_path / "in.jsonl", short_records(2))
    mine = tmp_path / "mine.toml"
    mine.write_text(MY_RULES, encoding="utf-8")
    assert cleannews_cli("batch", source, "-o", out, "--rules", mine).returncode == 0
    again = cleannews_cli("batch", source, "-o", out, "--rules", mine, "--resume")
    assert again.returncode == 0, again.stderr
    mine.write_text(MY_RULES + "\n# edited\n", encoding="utf-8")
    edited = cleannews_cli("batch", source, "-o", out, "--rules", mine, "--resume")
    assert edited.returncode == 2 and "differs in: file_contents" in edited.stderr


# explain ---------------------------------------------------------------------


def test_explain_piped_marks_removed_lines_with_plain_reasons() -> None:
    result = cleannews_cli("explain", SEED)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "[- ad] Advertisement" in lines
    assert "[- escape-artifact] \\n" in lines
    assert "\x1b[" not in result.stdout


def test_explain_shows_every_input_line_kept_or_marked() -> None:
    raw = [line.rstrip() for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    shown = [line for line in cleannews_cli("explain", SEED).stdout.splitlines()[:-1] if line]
    assert len(shown) == len(raw)
    for line, out in zip(raw, shown, strict=True):
        assert out == line or (out.startswith("[- ") and out.endswith(line.strip()))


def test_explain_cuts_runs_of_blank_lines_to_one() -> None:
    result = cleannews_cli("explain", "-", stdin=f"Judul Berita\n\n\n\n{REPORT}\n\n\n")
    assert result.stdout.splitlines()[:3] == ["Judul Berita", "", REPORT]


def test_explain_ends_with_a_count_of_removals() -> None:
    last = cleannews_cli("explain", SEED).stdout.splitlines()[-1]
    removed = cleannews.clean_text(SEED.read_text(encoding="utf-8")).removed
    assert last.startswith(f"-- removed {len(removed)} of ")


def test_explain_color_always_uses_ansi_colour() -> None:
    result = cleannews_cli("explain", SEED, "--color", "always")
    assert "\x1b[1;31m[- ad]\x1b[0m" in result.stdout


def test_explain_lists_the_blocks_of_an_html_page() -> None:
    result = cleannews_cli("explain", "-", stdin=PAGE)
    assert result.returncode == 0, result.stderr
    assert REPORT in result.stdout.splitlines()


@needs_pty
def test_explain_on_a_terminal_uses_colour() -> None:
    shown = on_terminal("explain", SEED, stream="stdout")
    assert "\x1b[1;31m[- ad]\x1b[0m" in shown


def test_explain_why_names_the_rule_or_evidence_of_each_removal(tmp_path: Path) -> None:
    page = tmp_path / "a.txt"
    body = "Pemerintah mengumumkan harga beras akan turun bulan depan di seluruh provinsi."
    page.write_text(f"Harga Beras Naik\n\nAdvertisement\n\n{body}\n", encoding="utf-8")
    plain = cleannews_cli("explain", str(page), "--color", "never").stdout
    why = cleannews_cli("explain", str(page), "--color", "never", "--why").stdout
    assert "[- ad] Advertisement\n" in plain
    assert "[- ad] Advertisement  (why: [ad] label)\n" in why


TAGLINE = "Kantor berita kota"
MY_RULES = f'[boilerplate]\nlabels = [{{ phrases = ["{TAGLINE}"], seen = "my site" }}]\n'


def test_rules_files_of_the_user_apply_to_clean_explain_and_batch(tmp_path: Path) -> None:
    mine = tmp_path / "mine.toml"
    mine.write_text(MY_RULES, encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text(f"{REPORT}\n{TAGLINE}\n{REPORT[:-1]} lagi.\n", encoding="utf-8")
    assert TAGLINE in cleannews_cli("clean", article).stdout
    cleaned = cleannews_cli("clean", article, "--rules", mine)
    assert cleaned.returncode == 0 and TAGLINE not in cleaned.stdout and REPORT in cleaned.stdout
    explained = cleannews_cli("explain", article, "--rules", mine, "--color", "never")
    assert f"[- boilerplate] {TAGLINE}" in explained.stdout
    records = write_jsonl(
        tmp_path / "in.jsonl", [record(n, article.read_text(encoding="utf-8")) for n in range(3)]
    )
    out = tmp_path / "out.jsonl"
    ran = cleannews_cli("batch", records, "-o", out, "--rules", mine, "--workers", "2", "-q")
    assert ran.returncode == 0
    assert [r["removed"] for r in read_jsonl(out)] == [{"boilerplate": 1}] * 3


def test_a_misspelled_rules_file_is_a_usage_error_before_any_work(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(MY_RULES.replace("labels", "lables"), encoding="utf-8")
    for command in (
        ["clean", SEED],
        ["batch", write_jsonl(tmp_path / "in.jsonl", [record(1, REPORT)]), "-o", tmp_path / "o"],
    ):
        ran = cleannews_cli(*command, "--rules", bad)
        assert ran.returncode == 2
        assert "bad.toml: [boilerplate] has an unknown key 'lables' (did you mean 'labels'?)" in ran.stderr
    assert not (tmp_path / "o").exists()


def test_a_pattern_that_does_not_compile_in_a_key_one_step_reads_is_a_usage_error(tmp_path: Path) -> None:
    """A new user's report: a credit pattern missing its ``)`` loaded fine,
    then `clean` crashed with a traceback and `batch` failed every record."""
    bad = tmp_path / "bad.toml"
    bad.write_text("[byline]\ncredits = [{ pattern = 'naskah: (?P<authors>.+', seen = 'feed' }]\n", "utf-8")
    for command in (
        ["clean", SEED],
        ["batch", write_jsonl(tmp_path / "in.jsonl", [record(1, REPORT)]), "-o", tmp_path / "o"],
    ):
        ran = cleannews_cli(*command, "--rules", bad)
        assert ran.returncode == 2 and "Traceback" not in ran.stderr
        assert "bad.toml: pattern 'naskah: (?P<authors>.+' does not compile" in ran.stderr
    assert not (tmp_path / "o").exists()


def test_clean_decodes_text_that_is_not_utf8_as_batch_does(tmp_path: Path) -> None:
    """A new user's report: `clean` turned every cp1252 character into
    U+FFFD without a word, where `batch` decoded it and said so; and
    printed random bytes as an article."""
    latin = tmp_path / "cp1252.txt"
    latin.write_bytes(
        "Kafé “baru” di Jakarta dibuka pekan ini, kata pemiliknya kepada wartawan.\n".encode("cp1252")
    )
    ran = cleannews_cli("clean", latin)
    assert ran.returncode == 0 and "Kafé “baru” di Jakarta" in ran.stdout and "\ufffd" not in ran.stdout
    assert "decoded as cp1252" in ran.stderr
    noise = tmp_path / "noise.txt"
    noise.write_bytes(random.Random(3).randbytes(3000))
    for command in ("clean", "explain"):
        refused = cleannews_cli(command, noise)
        assert refused.returncode == 2 and refused.stdout == "" and "not decoded" in refused.stderr


def test_clean_reads_gzip_input_and_refuses_damaged_gzip(tmp_path: Path) -> None:
    packed = tmp_path / "page.html.gz"
    packed.write_bytes(gzip.compress(PAGE.encode("utf-8")))
    ran = cleannews_cli("clean", packed)
    assert ran.returncode == 0 and ran.stdout.startswith("Harga Beras Turun\n") and REPORT in ran.stdout
    cut = tmp_path / "cut.gz"
    cut.write_bytes(packed.read_bytes()[:40])
    refused = cleannews_cli("clean", cut)
    assert refused.returncode == 2 and "damaged gzip data" in refused.stderr
