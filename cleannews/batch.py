"""``cleannews batch``: many articles in, one JSON line per article out.

It streams: inputs are read a line or a file at a time, at most a bounded
number of jobs are in flight, and each result is written as soon as it comes
back, in input order. A bad record becomes a line in the errors file, never
an exception that stops the batch.

The worker, `clean_job`, is a top-level function of picklable arguments, so
it runs under the ``spawn`` start method on every platform.
"""

from __future__ import annotations

import gzip
import io
import json
import multiprocessing
import os
import signal
import sys
import threading
import time
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import IO, Any

import cleannews

#: File suffixes a folder is searched for, and how each is read.
FILE_KINDS = {".txt": "text", ".html": "html", ".htm": "html"}
#: Suffixes stripped from the output name to name the errors file beside it.
OUTPUT_SUFFIXES = (".gz", ".jsonl", ".ndjson", ".json")
GZIP_MAGIC = b"\x1f\x8b"


class RecordError(ValueError):
    """A record that cannot be cleaned; its message goes to the errors file."""


@dataclass(frozen=True, slots=True)
class Fields:
    """Where a JSONL record keeps each part, and which body to read.

    ``force`` is ``"text"`` or ``"html"`` to read only that field; by default
    the text field is read when present, else the HTML field.
    """

    text: str = "text"
    html: str = "html"
    id: str = "id"
    title: str = "title"
    url: str = "url"
    force: str | None = None


@dataclass(frozen=True, slots=True)
class Job:
    """One unit of work: a JSONL line (``payload``) or a whole file (``kind``
    ``text`` or ``html``, read by the worker), with where it came from.

    ``line`` is the 1-based line of a JSONL file, 0 for a whole file.
    """

    source: str
    line: int = 0
    payload: bytes = b""
    kind: str = "jsonl"
    name: str = ""


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a job gave: an output line, or an errors-file line, as UTF-8 bytes."""

    record: bytes = b""
    error: bytes = b""
    removed: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Document:
    """One article to clean, whatever it came from."""

    id: Any
    kind: str
    body: str | bytes
    title: str | None = None
    url: str | None = None


def clean_job(job: Job, fields: Fields) -> Outcome:
    """The outcome of one job; never raises for bad input."""
    try:
        document = read_job(job, fields)
        article = clean_document(document)
    except RecordError as problem:
        return Outcome(error=error_line(job, str(problem)))
    except Exception as problem:  # the batch goes on; the record says what broke
        return Outcome(error=error_line(job, f"cleaning failed: {type(problem).__name__}: {problem}"))
    record = {"id": document.id, **article.to_dict()}
    return Outcome(record=json_line(record), removed=dict(Counter(r.reason for r in article.removed)))


def clean_document(document: Document) -> cleannews.Article:
    """The cleaned article: `cleannews.clean_text` or `cleannews.clean_html`
    (which reads an HTML file's bytes by the charset the page declares)."""
    if document.kind == "html":
        return cleannews.clean_html(document.body, url=document.url)
    body = document.body
    text = body.decode("utf-8", errors="replace") if isinstance(body, bytes) else body
    return cleannews.clean_text(text, title=document.title)


def read_job(job: Job, fields: Fields) -> Document:
    """The document a job holds: a parsed JSONL record, or a file's contents."""
    if job.kind == "unreadable":
        raise RecordError(job.payload.decode("utf-8", errors="replace"))
    if job.kind == "jsonl":
        return record_document(parse_record(job.payload), fields, default_id=f"{job.source}:{job.line}")
    try:
        body = Path(job.source).read_bytes()
    except OSError as problem:
        raise RecordError(f"cannot read file: {problem.strerror or problem}") from None
    return Document(id=job.name, kind=fields.force or job.kind, body=body)


def parse_record(payload: bytes) -> dict[str, Any]:
    """A JSONL line as a dict; a `RecordError` when it is not a JSON object.

    >>> parse_record(b'{"id": 1}')
    {'id': 1}
    >>> parse_record(b'[1]')
    Traceback (most recent call last):
    cleannews.batch.RecordError: expected a JSON object, got array
    """
    text = payload.decode("utf-8", errors="replace").lstrip("\ufeff")
    try:
        value = json.loads(text)
    except json.JSONDecodeError as problem:
        raise RecordError(f"invalid JSON: {problem.msg} (column {problem.colno})") from None
    if not isinstance(value, dict):
        raise RecordError(f"expected a JSON object, got {json_type(value)}")
    return value


def record_document(record: dict[str, Any], fields: Fields, *, default_id: str) -> Document:
    """The document in a parsed record, read through ``fields``.

    >>> record_document({"text": "Isi.", "id": 7}, Fields(), default_id="f:1")
    Document(id=7, kind='text', body='Isi.', title=None, url=None)
    >>> record_document({"text": 3}, Fields(), default_id="f:1")
    Traceback (most recent call last):
    cleannews.batch.RecordError: field 'text' must be a string, got number
    """
    kind, body = pick_body(record, fields)
    return Document(
        id=record_id(record, fields.id, default_id),
        kind=kind,
        body=body,
        title=optional_str(record, fields.title),
        url=optional_str(record, fields.url),
    )


def pick_body(record: dict[str, Any], fields: Fields) -> tuple[str, str]:
    """``(kind, body)``: the text field, else the HTML field. A blank text
    gives way to the page (scrapers leave ``""`` when extraction failed); a
    record with only blank bodies is an empty article, not an error.

    >>> pick_body({"text": " ", "html": "<p>x</p>"}, Fields())
    ('html', '<p>x</p>')
    >>> pick_body({"text": "", "html": None}, Fields())
    ('text', '')
    >>> pick_body({"body": "x"}, Fields())
    Traceback (most recent call last):
    cleannews.batch.RecordError: missing field 'text' or 'html'
    """
    names = {"text": fields.text, "html": fields.html}
    kinds = [fields.force] if fields.force else ["text", "html"]
    blank: tuple[str, str] | None = None
    for kind in kinds:
        body = optional_str(record, names[kind])
        if body is not None and body.strip():
            return kind, body
        blank = blank or (None if body is None else (kind, body))
    if blank is None:
        raise RecordError("missing field " + " or ".join(repr(names[kind]) for kind in kinds))
    return blank


def optional_str(record: dict[str, Any], name: str) -> str | None:
    """``record[name]`` when it is a string, None when absent or null.

    >>> optional_str({"title": None}, "title") is None
    True
    """
    value = record.get(name)
    if value is None or isinstance(value, str):
        return value
    raise RecordError(f"field {name!r} must be a string, got {json_type(value)}")


def record_id(record: dict[str, Any], name: str, default: str) -> Any:
    """The record's id (a string or number), or ``default`` when it has none.

    >>> record_id({"id": "a1"}, "id", "f:1"), record_id({}, "id", "f:1")
    ('a1', 'f:1')
    """
    value = record.get(name)
    if value is None:
        return default
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return value
    raise RecordError(f"field {name!r} must be a string or number, got {json_type(value)}")


def json_type(value: object) -> str:
    """The JSON name of a parsed value's type.

    >>> json_type([]), json_type(True), json_type(2.5), json_type(None)
    ('array', 'boolean', 'number', 'null')
    """
    if value is None:
        return "null"
    names = {bool: "boolean", int: "number", float: "number", str: "string", list: "array", dict: "object"}
    return names.get(type(value), type(value).__name__)


def json_line(value: Any) -> bytes:
    """``value`` as one UTF-8 JSON line. Lone surrogates (valid in JSON
    escapes, not in UTF-8) fall back to ASCII escapes instead of failing.

    >>> json_line({"t": "é"}), json_line({"t": "\\ud800"})
    (b'{"t": "\\xc3\\xa9"}\\n', b'{"t": "\\\\ud800"}\\n')
    """
    try:
        return (json.dumps(value, ensure_ascii=False) + "\n").encode("utf-8")
    except UnicodeEncodeError:
        return (json.dumps(value) + "\n").encode("ascii")


def error_line(job: Job, message: str) -> bytes:
    """The errors-file line for a job: file, line (null for a whole file), error.

    >>> error_line(Job("in.jsonl", 3), "invalid JSON")
    b'{"file": "in.jsonl", "line": 3, "error": "invalid JSON"}\\n'
    """
    return json_line({"file": job.source, "line": job.line or None, "error": message})


# Reading inputs ------------------------------------------------------------


def input_jobs(inputs: Iterable[str]) -> Iterator[Job]:
    """Every job of every input, in order: a folder's files, a ``.txt`` or
    ``.html`` file as one document, anything else (or ``-``) as JSONL."""
    for name in inputs:
        path = Path(name)
        if name != "-" and path.is_dir():
            yield from folder_jobs(path)
        elif path.suffix.lower() in FILE_KINDS:
            yield Job(name, kind=FILE_KINDS[path.suffix.lower()], name=path.name)
        else:
            yield from jsonl_jobs(name)


def folder_jobs(root: Path) -> Iterator[Job]:
    """A job for each ``.txt`` / ``.html`` file under ``root``, in sorted path
    order, its id the path relative to ``root``. A folder that cannot be
    listed becomes an ``unreadable`` job, and the walk goes on."""
    for found in walk_sorted(root):
        if isinstance(found, OSError):
            message = f"cannot read folder: {found.strerror or found}"
            yield Job(str(found.filename or root), payload=message.encode("utf-8"), kind="unreadable")
        elif kind := FILE_KINDS.get(found.suffix.lower()):
            yield Job(str(found), kind=kind, name=found.relative_to(root).as_posix())


def walk_sorted(folder: Path) -> Iterator[Path | OSError]:
    """Files under ``folder``, depth first in name order, skipping hidden
    entries and not following links to folders (which could loop); the error
    in place of a folder that cannot be listed."""
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as problem:
        yield problem
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from walk_sorted(Path(entry.path))
        elif entry.is_file():
            yield Path(entry.path)


def jsonl_jobs(name: str) -> Iterator[Job]:
    """A job for each non-blank line of a JSONL file (gzip or not; ``-`` is
    standard input). A read failure becomes one ``unreadable`` job, so it is
    reported with its file and line like any bad record."""
    number = 0
    try:
        with open_lines(name) as lines:
            for number, payload in enumerate(lines, start=1):
                if payload.strip():
                    yield Job(name, number, payload)
    except (OSError, EOFError, zlib.error) as problem:
        message = f"cannot read input: {getattr(problem, 'strerror', None) or problem}"
        yield Job(name, number + 1, message.encode("utf-8"), kind="unreadable")


@contextmanager
def open_lines(name: str) -> Iterator[IO[bytes]]:
    """A binary stream of the file's lines, decompressed when it is gzip
    (told by its first bytes, not its name)."""
    with open_raw(name) as raw:
        yield io.BufferedReader(gzip.GzipFile(fileobj=raw)) if raw.peek(2)[:2] == GZIP_MAGIC else raw


def open_raw(name: str) -> io.BufferedReader:
    """The file opened for buffered binary reading; ``-`` is a copy of
    standard input's descriptor, so closing it leaves standard input open."""
    if name == "-":
        return io.BufferedReader(io.FileIO(os.dup(0), "rb"))
    return open(name, "rb")


# Running jobs --------------------------------------------------------------


class Gate:
    """Keeps at most ``limit`` jobs in flight between reader and writer.

    `multiprocessing.Pool.imap` alone reads its whole input ahead into its
    task queue, so memory would grow with the input; the gate makes the
    feeding thread wait until results are taken.
    """

    def __init__(self, limit: int) -> None:
        self._free = threading.Semaphore(limit)
        self._stop = threading.Event()

    def feed(self, jobs: Iterable[Job]) -> Iterator[Job]:
        for job in jobs:
            while not self._free.acquire(timeout=0.1):
                if self._stop.is_set():
                    return
            yield job

    def release(self) -> None:
        self._free.release()

    def close(self) -> None:
        self._stop.set()


def clean_all(
    jobs: Iterable[Job], fields: Fields, *, workers: int = 1, chunk_size: int = 16
) -> Iterator[Outcome]:
    """The outcome of every job, in input order, on ``workers`` processes.

    At most ``2 * workers * chunk_size`` jobs are read ahead of the results.
    """
    work = partial(clean_job, fields=fields)
    if workers <= 1:
        yield from map(work, jobs)
        return
    gate = Gate(2 * workers * chunk_size)
    with multiprocessing.get_context("spawn").Pool(workers, initializer=ignore_interrupts) as pool:
        try:
            for outcome in pool.imap(work, gate.feed(jobs), chunk_size):
                gate.release()
                yield outcome
        finally:
            gate.close()


def ignore_interrupts() -> None:
    """Let a worker leave Ctrl-C to the main process, which stops the pool
    (else every worker prints its own traceback)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


# The summary ---------------------------------------------------------------


@dataclass
class Summary:
    """Counts for the end-of-batch report."""

    documents: int = 0
    errors: int = 0
    removed: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0

    def add(self, outcome: Outcome) -> None:
        if outcome.record:
            self.documents += 1
            self.removed.update(outcome.removed)
        else:
            self.errors += 1

    def report(self) -> str:
        """The summary lines, for standard error.

        >>> print(Summary(documents=2, errors=1, removed=Counter(ad=3, related=1), seconds=0.5).report())
        cleannews batch: 2 documents, 1 error, 4 blocks removed in 0.50 s (4.0 documents/s)
          removed by reason: ad 3, related 1
        """
        reasons = ", ".join(f"{reason} {n}" for reason, n in sorted(self.removed.items(), key=_by_count))
        rate = self.documents / max(self.seconds, 1e-9)
        return (
            f"cleannews batch: {plural(self.documents, 'document')}, {plural(self.errors, 'error')}, "
            f"{plural(self.removed.total(), 'block')} removed in {self.seconds:.2f} s "
            f"({rate:.1f} documents/s)\n"
            f"  removed by reason: {reasons or 'none'}"
        )


def _by_count(item: tuple[str, int]) -> tuple[int, str]:
    return -item[1], item[0]


def plural(n: int, noun: str) -> str:
    """``n`` and the noun, in plural unless ``n`` is 1.

    >>> plural(1, "error"), plural(0, "error")
    ('1 error', '0 errors')
    """
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def errors_path_for(output: Path) -> Path:
    """The errors file beside an output file.

    >>> errors_path_for(Path("out/clean.jsonl.gz")).as_posix()
    'out/clean.errors.jsonl'
    """
    name = output.name
    for suffix in OUTPUT_SUFFIXES:
        name = name.removesuffix(suffix)
    return output.with_name(f"{name}.errors.jsonl")


def write_outcomes(
    outcomes: Iterable[Outcome], out: IO[bytes], errors: IO[bytes], *, progress: bool
) -> Summary:
    """Write each outcome as it comes, to the output or the errors file;
    count it; show a progress bar on standard error when ``progress``."""
    from tqdm import tqdm  # only the batch command needs it

    summary, started = Summary(), time.perf_counter()
    with tqdm(unit=" docs", file=sys.stderr, disable=not progress, mininterval=0.5) as bar:
        for outcome in outcomes:
            summary.add(outcome)
            (out if outcome.record else errors).write(outcome.record or outcome.error)
            bar.update(1)
            if outcome.error:
                bar.set_postfix(errors=summary.errors, refresh=False)
    summary.seconds = time.perf_counter() - started
    return summary
