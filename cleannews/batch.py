"""``cleannews batch``: many articles in, one JSON line per article out.

It streams: inputs are read a line or a file at a time, at most a bounded
number of jobs are in flight, and each result is written as soon as it comes
back, in input order. A bad record becomes a line in the errors file, never
an exception that stops the batch.

The worker, `clean_job`, is a top-level function of picklable arguments, so
it runs under the ``spawn`` start method on every platform.
"""

from __future__ import annotations

import functools
import hashlib
import io
import itertools
import json
import multiprocessing
import os
import queue
import signal
import sys
import threading
import time
import zlib
from collections import Counter
from collections.abc import Generator, Iterable, Iterator
from contextlib import ExitStack, contextmanager, nullcontext
from dataclasses import dataclass, field, replace
from functools import partial
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from types import FrameType
from typing import IO, TYPE_CHECKING, Any, Protocol

import cleannews
from cleannews import records
from cleannews.readers.decode import DecodeError, decode_html, decode_text

if TYPE_CHECKING:
    from cleannews.resume import Journal

#: File suffixes a folder is searched for, and how each is read.
FILE_KINDS = {".txt": "text", ".html": "html", ".htm": "html"}
#: Suffixes stripped from the output name to name the errors file beside it.
OUTPUT_SUFFIXES = (".gz", ".jsonl", ".ndjson", ".json")
GZIP_MAGIC = b"\x1f\x8b"


class RecordError(ValueError):
    """A record that cannot be cleaned; its message goes to the errors file."""


@dataclass(frozen=True, slots=True)
class Fields:
    """Where a JSONL record keeps each part, which body to read, and what
    the output record holds.

    ``force`` is ``"text"`` or ``"html"`` to read only that field; by default
    the text field is read when present, else the HTML field. ``site`` names
    the field holding a record's site (else the host of its URL picks the
    site profile); ``profile`` is the path of a site profile file; ``rules``
    the paths of rules files added to the shipped ones.
    ``timeout`` is each document's time budget in seconds; ``shape`` is
    ``"record"`` (the flat record, `cleannews.records`) or ``"article"`` (the
    id and `Article.to_dict`, which `Article.from_dict` reads back);
    ``removals`` adds each removal with its input line; ``original`` names a
    key to keep the body that was cleaned under.
    """

    text: str = "text"
    html: str = "html"
    id: str = "id"
    title: str = "title"
    url: str = "url"
    force: str | None = None
    site: str | None = None
    profile: str | None = None
    rules: tuple[str, ...] = ()
    timeout: float | None = None
    shape: str = "record"
    removals: bool = False
    original: str | None = None


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
    """What a job gave: an output line, or an errors-file line, as UTF-8 bytes.

    ``repair`` is the report line of a record whose bytes were decoded from
    another encoding than UTF-8 (``encoding``); ``damage`` says why an input
    could not be read to its end; ``key`` identifies the job's input (see
    `job_key`), so a resumed run can check that it skips the same records.
    """

    record: bytes = b""
    error: bytes = b""
    removed: dict[str, int] = field(default_factory=dict)
    repair: bytes = b""
    encoding: str = ""
    damage: str = ""
    key: bytes = b""


@dataclass(frozen=True, slots=True)
class Repair:
    """How bytes that are not UTF-8 were read: the encoding, and the report's note."""

    encoding: str
    note: str


@dataclass(frozen=True, slots=True)
class Document:
    """One article to clean, whatever it came from; ``repair`` when its
    bytes were decoded from another encoding than UTF-8."""

    id: Any
    kind: str
    body: str | bytes
    title: str | None = None
    url: str | None = None
    repair: Repair | None = None
    site: str | None = None
    #: The parsed JSONL record, whose other fields pass through to the output.
    source: dict[str, Any] | None = field(default=None, repr=False)


def clean_job(job: Job, fields: Fields) -> Outcome:
    """The outcome of one job; never raises for bad input."""
    key = job_key(job)
    document: Document | None = None
    try:
        document = read_job(job, fields)
        article = clean_document(document, site_profile(fields, document), fields.timeout, fields.rules)
    except RecordError as problem:
        unread = str(problem).removeprefix("damaged input: ")
        damage = f"{job.source}: {unread}" if job.kind == "unreadable" else ""
        return Outcome(error=error_line(job, str(problem)), damage=damage, key=key)
    except cleannews.CleanTimeout as over:
        assert document is not None  # only cleaning times out
        return Outcome(error=error_line(job, records.describe(over), doc_id=document.id), key=key)
    except Exception as problem:  # the batch goes on; the record says what broke
        message = f"cleaning failed: {type(problem).__name__}: {problem}"
        return Outcome(
            error=error_line(job, message, doc_id=None if document is None else document.id), key=key
        )
    record = output_record(document, article, fields)
    repair = document.repair
    return Outcome(
        record=json_line(record),
        removed=dict(Counter(r.reason for r in article.removed)),
        repair=repair_line(job, repair.note) if repair else b"",
        encoding=repair.encoding if repair else "",
        key=key,
    )


def output_record(document: Document, article: cleannews.Article, fields: Fields) -> dict[str, Any]:
    """The output line's record: the id under the id field, the input
    record's other fields (`cleannews.records.passthrough`), then the
    article's `Article.to_record`; or, in the ``article`` shape, the id and
    `Article.to_dict`.

    >>> doc = Document(id="a1", kind="text", body="x", source={"url": "u", "text": "x", "id": "a1"})
    >>> output_record(doc, cleannews.Article(), Fields(id="doc"))
    {'doc': 'a1', 'url': 'u', 'id': 'a1', 'text': '', 'title': None, 'headings': [], 'metadata': {}, 'removed': {}}
    """  # noqa: E501
    if fields.shape == "article":
        return {fields.id: document.id, **article.to_dict()}
    record: dict[str, Any] = {fields.id: document.id}
    source = document.source or {}
    record.update((name, source[name]) for name in records.passthrough(source, {fields.text, fields.html}))
    if fields.original:
        body = document.body  # an HTML file's bytes, read as clean_html read them
        record[fields.original] = body if isinstance(body, str) else decode_html(body)
    record.update(article.to_record(removals=fields.removals))
    return record


def job_key(job: Job) -> bytes:
    """A digest of what a job reads and where: its place, and its bytes (for
    a whole file, its size and modification time). Equal keys in equal order
    tell a resumed run that the records it skips are those the earlier run
    cleaned.

    >>> first, again, second = Job("in.jsonl", 1, b"{}"), Job("in.jsonl", 1, b"{}"), Job("in.jsonl", 2, b"{}")
    >>> job_key(first) == job_key(again) != job_key(second)
    True
    """
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{job.kind}\0{job.source}\0{job.line}\0{job.name}\0".encode("utf-8", "surrogateescape"))
    if job.kind in FILE_KINDS.values():
        try:
            stat = os.stat(job.source)
            digest.update(f"{stat.st_size}\0{stat.st_mtime_ns}".encode())
        except OSError as problem:
            digest.update(f"unreadable {problem.errno}".encode())
    digest.update(job.payload)
    return digest.digest()


def clean_document(
    document: Document,
    profile: cleannews.SiteProfile | None = None,
    timeout: float | None = None,
    rules: tuple[str, ...] = (),
) -> cleannews.Article:
    """The cleaned article: `cleannews.clean_text` or `cleannews.clean_html`
    (which decodes an HTML file's bytes: `cleannews.readers.decode`),
    with the site ``profile`` when there is one, the shipped rules plus the
    files ``rules``, within ``timeout`` seconds."""
    loaded = loaded_rules(rules) if rules else None
    if document.kind == "html":
        # Records keep the page's authors and date, as before clean_html read them only when asked.
        return cleannews.clean_html(
            document.body, url=document.url, profile=profile, timeout=timeout, metadata=True, rules=loaded
        )
    body = document.body
    text = body.decode("utf-8", errors="replace") if isinstance(body, bytes) else body
    return cleannews.clean_text(text, title=document.title, profile=profile, timeout=timeout, rules=loaded)


@functools.cache
def loaded_rules(paths: tuple[str, ...]) -> cleannews.Rules:
    """The shipped rules plus the files at ``paths``, read once per process
    (each worker reads them on its first document)."""
    return cleannews.load_rules(*paths)


def document_site(document: Document) -> str:
    """The site a document belongs to: its site field, else its URL's host."""
    from cleannews.sites import site_of_url

    return document.site or site_of_url(document.url)


def site_profile(fields: Fields, document: Document) -> cleannews.SiteProfile | None:
    """The profile to clean ``document`` with, from the file ``fields.profile``:
    that profile, or the one of the document's site (a file of one site's
    profiles serves documents that name no site)."""
    if not fields.profile:
        return None
    from cleannews.sites import load_cached

    loaded = load_cached(fields.profile)
    if isinstance(loaded, cleannews.SiteProfile):
        return loaded
    site = document_site(document)
    if not site and len(loaded) == 1:
        return next(iter(loaded.values()))
    return loaded.get(site)


def read_job(job: Job, fields: Fields) -> Document:
    """The document a job holds: a parsed JSONL record, or a file's contents."""
    if job.kind == "unreadable":
        raise RecordError(job.payload.decode("utf-8", errors="replace"))
    if job.kind == "jsonl":
        text, repair = decode_bytes(job.payload)
        document = record_document(parse_record(text), fields, default_id=f"{job.source}:{job.line}")
        return replace(document, repair=repair)
    try:
        body = Path(job.source).read_bytes()
    except OSError as problem:
        raise RecordError(f"cannot read file: {problem.strerror or problem}") from None
    kind = fields.force or job.kind
    if kind == "html":  # clean_html decodes the bytes as a browser would (cleannews.readers.decode)
        return Document(id=job.name, kind=kind, body=body)
    text, repair = decode_bytes(body)
    return Document(id=job.name, kind=kind, body=text, repair=repair)


def parse_record(text: str) -> dict[str, Any]:
    """A JSONL line as a dict; a `RecordError` when it is not a JSON object.

    >>> parse_record('{"id": 1}')
    {'id': 1}
    >>> parse_record('[1]')
    Traceback (most recent call last):
    cleannews.batch.RecordError: expected a JSON object, got array
    """
    text = text.lstrip("\ufeff")
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
    Document(id=7, kind='text', body='Isi.', title=None, url=None, repair=None, site=None)
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
        site=optional_str(record, fields.site) if fields.site else None,
        source=record,
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


def error_line(job: Job, message: str, *, doc_id: Any = None) -> bytes:
    """The errors-file line for a job: file, line (null for a whole file),
    the document's id when it was read, error.

    >>> error_line(Job("in.jsonl", 3), "invalid JSON")
    b'{"file": "in.jsonl", "line": 3, "error": "invalid JSON"}\\n'
    >>> error_line(Job("in.jsonl", 4), "CleanTimeout: ...", doc_id="a4")
    b'{"file": "in.jsonl", "line": 4, "id": "a4", "error": "CleanTimeout: ..."}\\n'
    """
    where = {"file": job.source, "line": job.line or None}
    known = {"id": doc_id} if doc_id is not None else {}
    return json_line({**where, **known, "error": message})


def repair_line(job: Job, note: str) -> bytes:
    """The errors-file line for a record that was cleaned after a repair of its bytes.

    >>> repair_line(Job("in.jsonl", 3), "decoded as cp1252")
    b'{"file": "in.jsonl", "line": 3, "repair": "decoded as cp1252"}\\n'
    """
    return json_line({"file": job.source, "line": job.line or None, "repair": note})


# Decoding bytes that are not UTF-8 -------------------------------------------


def decode_bytes(data: bytes) -> tuple[str, Repair | None]:
    """The text of a line or file, and how it was repaired: UTF-8 as it is;
    else the encoding charset_normalizer finds with confidence, recorded as
    a `Repair`; else a `RecordError`, never text with replacement characters
    (`cleannews.readers.decode.decode_text`).

    >>> decode_bytes("Kafé".encode())
    ('Kafé', None)
    >>> text, repair = decode_bytes("Kafé “baru” di Jakarta".encode("cp1252"))
    >>> text, repair.encoding
    ('Kafé “baru” di Jakarta', 'cp1252')
    >>> decode_bytes("Kafé di Jakarta, ".encode() + b"caf\\xe9 baru.")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    cleannews.batch.RecordError: not valid UTF-8 (byte 0xe9 at offset 21) in a line otherwise UTF-8: ...
    """
    try:
        decoded = decode_text(data)
    except DecodeError as problem:
        raise RecordError(str(problem)) from None
    return decoded.text, Repair(decoded.encoding, decoded.note) if decoded.note else None


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
    standard input). A read failure or damaged gzip data becomes one
    ``unreadable`` job after every complete line read before it, so it is
    reported with its file and line like any bad record."""
    number = 0
    try:
        with open_lines(name) as lines:
            for number, payload in enumerate(lines, start=1):
                if payload.strip():
                    yield Job(name, number, payload)
    except DamagedInputError as damage:
        yield Job(name, number + 1, damage_message(damage, number).encode("utf-8"), kind="unreadable")
    except OSError as problem:
        message = f"cannot read input: {problem.strerror or problem}"
        yield Job(name, number + 1, message.encode("utf-8"), kind="unreadable")


def damage_message(damage: DamagedInputError, lines: int) -> str:
    """What the errors file says of damaged input after ``lines`` complete lines.

    >>> print(damage_message(DamagedInputError("truncated gzip", b'{"id": 3, "te'), 2))
    damaged input: truncated gzip: line 3 is cut off after 13 bytes and was not cleaned; the 2 lines ...
    >>> damage_message(DamagedInputError("truncated gzip", b""), 1)
    'damaged input: truncated gzip, after line 1; the 1 line before the damage was read'
    """
    read = f"the {plural(lines, 'line')} before {{}} {'was' if lines == 1 else 'were'} read"
    if damage.tail.strip():
        cut = f"line {lines + 1} is cut off after {len(damage.tail)} bytes and was not cleaned"
        return f"damaged input: {damage.problem}: {cut}; {read.format('it')}"
    return f"damaged input: {damage.problem}, after line {lines}; {read.format('the damage')}"


@contextmanager
def open_lines(name: str) -> Iterator[Iterator[bytes]]:
    """The file's lines, decompressed when it is gzip (told by its first
    bytes, not its name)."""
    with open_raw(name) as raw:
        yield gzip_lines(raw) if raw.peek(2)[:2] == GZIP_MAGIC else iter(raw)


class DamagedInputError(Exception):
    """Compressed input that is truncated or corrupt; ``tail`` holds the
    start of the line the damage cut off."""

    def __init__(self, problem: str, tail: bytes) -> None:
        super().__init__(problem)
        self.problem = problem
        self.tail = tail


#: Compressed bytes read at a time.
READ_SIZE = 1 << 16
#: When a piece of compressed data is corrupt, it is inflated again in steps
#: this small, to keep the text that comes before the damage.
SALVAGE_SIZE = 64


def gzip_lines(raw: IO[bytes]) -> Iterator[bytes]:
    """Every line of gzip data (member after member, as ``gzip -d`` reads
    it), each with its ``\\n``; when the data is truncated or corrupt, every
    complete line before the damage, then `DamagedInputError`.

    `gzip.GzipFile` loses what it inflated in the read that meets the damage
    (up to tens of lines); this keeps all of it.

    >>> import gzip
    >>> packed = gzip.compress(b"a\\nb\\nc")
    >>> list(gzip_lines(io.BytesIO(packed + packed)))
    [b'a\\n', b'b\\n', b'ca\\n', b'b\\n', b'c']
    >>> lines = gzip_lines(io.BytesIO(packed[:-8]))
    >>> next(lines), next(lines), next(lines)
    Traceback (most recent call last):
    cleannews.batch.DamagedInputError: truncated gzip (its data ends before the end of the stream)
    """
    pending: list[bytes] = []
    try:
        for piece in inflated(raw):
            yield from cut_lines(piece, pending)
    except DamagedInputError as damage:
        raise DamagedInputError(damage.problem, b"".join(pending)) from None
    if pending:
        yield b"".join(pending)


def cut_lines(piece: bytes, pending: list[bytes]) -> Iterator[bytes]:
    """The lines ``piece`` completes; the start of a line it leaves open
    waits in ``pending`` (a list, so a long line costs linear time).

    >>> pending = [b"a"]
    >>> list(cut_lines(b"b\\ncd\\ne", pending)), pending
    ([b'ab\\n', b'cd\\n'], [b'e'])
    """
    start = 0
    while (end := piece.find(b"\n", start)) >= 0:
        pending.append(piece[start : end + 1])
        yield b"".join(pending)
        pending.clear()
        start = end + 1
    if start < len(piece):
        pending.append(piece[start:])


def inflated(raw: IO[bytes]) -> Iterator[bytes]:
    """The bytes a gzip stream inflates to, piece by piece; members follow
    one another, zero bytes may pad the end (as `gzip` allows). Damage ends
    it with `DamagedInputError`, after all that came before it."""
    inflate = zlib.decompressobj(wbits=31)
    while data := raw.read(READ_SIZE):
        while data:
            if inflate.eof:  # one member ended: zero padding, or the next member
                data = data.lstrip(b"\0")
                if not data:
                    break
                if not GZIP_MAGIC.startswith(data[:2]):
                    raise DamagedInputError("bytes after the end of the gzip stream that are not gzip", b"")
                inflate = zlib.decompressobj(wbits=31)
            yield from inflate_piece(inflate, data)
            data = inflate.unused_data if inflate.eof else b""
    if not inflate.eof:
        raise DamagedInputError("truncated gzip (its data ends before the end of the stream)", b"")


def inflate_piece(inflate: Any, data: bytes) -> Iterator[bytes]:
    """What ``inflate`` makes of ``data``; when the data is corrupt, what
    comes before the damage, then `DamagedInputError`."""
    before = inflate.copy()
    try:
        text = inflate.decompress(data)
    except zlib.error:
        pass
    else:
        yield text
        return
    for start in range(0, len(data), SALVAGE_SIZE):
        try:
            yield before.decompress(data[start : start + SALVAGE_SIZE])
        except zlib.error as problem:
            raise DamagedInputError(corruption(problem), b"") from None
    raise DamagedInputError("corrupt gzip", b"")


def corruption(problem: zlib.error) -> str:
    """What a zlib error says of the data. A checksum that does not match is
    found only at a member's end, so the lines read before it may be damaged too.

    >>> corruption(zlib.error("Error -3 while decompressing data: invalid distance too far back"))
    'corrupt gzip (invalid distance too far back)'
    """
    reason = str(problem).rpartition(": ")[2]
    if reason in ("incorrect data check", "incorrect length check"):
        return f"corrupt gzip ({reason}: the lines read before it may be damaged too)"
    return f"corrupt gzip ({reason})"


def open_raw(name: str) -> io.BufferedReader:
    """The file opened for buffered binary reading; ``-`` is a copy of
    standard input's descriptor, so closing it leaves standard input open."""
    if name == "-":
        return io.BufferedReader(io.FileIO(os.dup(0), "rb"))
    return open(name, "rb")


# Running jobs --------------------------------------------------------------


def clean_all(
    jobs: Iterable[Job],
    fields: Fields,
    *,
    workers: int = 1,
    chunk_size: int = 16,
    stopper: Stopper | None = None,
) -> Generator[Outcome, None, None]:
    """The outcome of every job, in input order, on ``workers`` processes.

    At most ``(2 * workers + 1) * chunk_size`` jobs are read ahead of the
    results. Closing the iterator (or a `Stopper`'s `Interrupted`) ends the
    workers; a worker that dies ends the batch with `WorkerLostError`.
    """
    work = partial(clean_job, fields=fields)
    if workers <= 1:
        yield from map(work, jobs)
        return
    held = stopper.held if stopper else nullcontext
    with ExitStack() as stack:
        with held():  # a signal while the workers start waits until they can be ended
            pool = stack.enter_context(Workers(workers, fields))
        yield from pool.clean(jobs, chunk_size)


class WorkerLostError(Exception):
    """A worker process ended while it held records (killed by the OOM
    killer, say): the batch stops there, as if interrupted, and a rerun
    with ``--resume`` goes on."""


class Workers:
    """``count`` processes (started by ``spawn``) that clean chunks of jobs.

    Each worker has a pipe of its own for chunks and one for outcomes, and
    no lock is shared: a worker that dies (a signal to the whole process
    group, the OOM killer) cannot leave a lock held that the others or the
    main process then wait on forever, as with `multiprocessing.Pool`, whose
    ``terminate`` then hangs. Chunks go to the workers in turn, so reading
    each worker's outcomes in the same turn gives them in input order.

    A thread of the pool's own reads the inputs and hands chunks out, at
    most ``2 * count`` at a time, so memory stays flat; a read that blocks
    (standard input from a stalled pipe) never keeps the pool from stopping.
    """

    def __init__(self, count: int, fields: Fields) -> None:
        context = multiprocessing.get_context("spawn")
        self._processes: list[BaseProcess] = []
        self._tasks: list[Connection] = []
        self._results: list[Connection] = []
        for number in range(count):
            tasks_out, tasks_in = context.Pipe(duplex=False)
            results_out, results_in = context.Pipe(duplex=False)
            process = context.Process(
                target=work_on,
                args=(tasks_out, results_in, fields),
                name=f"cleannews-worker-{number + 1}",
                daemon=True,
            )
            process.start()
            tasks_out.close()  # the worker holds these ends now; its death closes them
            results_in.close()
            self._processes.append(process)
            self._tasks.append(tasks_in)
            self._results.append(results_out)
        self._stop = threading.Event()
        self._free = threading.Semaphore(2 * count)
        #: For each chunk handed out, in input order: the worker that has it, or the feed's end.
        self._order: queue.SimpleQueue[int | _Ended] = queue.SimpleQueue()

    def clean(self, jobs: Iterable[Job], chunk_size: int) -> Iterator[Outcome]:
        threading.Thread(target=self._feed, args=(jobs, chunk_size), name="feed", daemon=True).start()
        while True:
            taken = self._next_in_order()
            if isinstance(taken, _Ended):
                if taken.error is not None:
                    raise taken.error
                return
            try:
                outcomes = self._results[taken].recv()
            except (EOFError, OSError):
                raise WorkerLostError(self._lost(taken)) from None
            self._free.release()
            yield from outcomes

    @property
    def pids(self) -> list[int]:
        """The workers' process ids."""
        return [process.pid for process in self._processes if process.pid is not None]

    def _next_in_order(self) -> int | _Ended:
        """The next chunk's worker, waiting with a timeout so that signals are seen."""
        while True:
            try:
                return self._order.get(timeout=0.5)
            except queue.Empty:
                continue

    def _feed(self, jobs: Iterable[Job], chunk_size: int) -> None:
        """Hand chunks out in turn until the inputs end or the pool stops."""
        chunks = batched(jobs, chunk_size)
        try:
            for turn in itertools.count():
                while not self._free.acquire(timeout=0.1):
                    if self._stop.is_set():
                        return
                chunk = next(chunks, None)
                if chunk is None or self._stop.is_set():
                    break
                worker = turn % len(self._tasks)
                try:
                    self._tasks[worker].send(chunk)
                except OSError:  # the worker is gone
                    self._order.put(_Ended(WorkerLostError(self._lost(worker))))
                    return
                self._order.put(worker)
        except Exception as error:  # a failure to read the inputs: the main thread raises it
            self._order.put(_Ended(error))
            return
        self._order.put(_Ended())

    def _lost(self, worker: int) -> str:
        process = self._processes[worker]
        process.join(timeout=5)
        code = process.exitcode
        how = f"killed by {signal.Signals(-code).name}" if code and code < 0 else f"exit code {code}"
        return f"a worker process ended unexpectedly ({how})"

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        """End the workers: they are idle after a whole run, and what they
        hold after a stop has nowhere to go, so a SIGTERM ends each at once."""
        self._stop.set()
        for process in self._processes:
            process.terminate()
        for process in self._processes:
            process.join(timeout=10)
            if process.exitcode is None:
                process.kill()
                process.join()
        for connection in self._tasks + self._results:
            connection.close()


@dataclass(frozen=True, slots=True)
class _Ended:
    """The feed's last word: the inputs ended, or reading them failed."""

    error: Exception | None = None


def batched(jobs: Iterable[Job], size: int) -> Iterator[list[Job]]:
    """The jobs in lists of ``size`` (the last one shorter).

    >>> [len(chunk) for chunk in batched([Job("a")] * 5, 2)]
    [2, 2, 1]
    """
    iterator = iter(jobs)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def work_on(tasks: Connection, results: Connection, fields: Fields) -> None:
    """A worker's life: clean each chunk it is handed, until the main
    process closes its pipe or is gone; then end quietly (a main process
    killed with SIGKILL leaves no `BrokenPipeError` traceback behind)."""
    # Ctrl-C reaches the whole process group: the main process ends the
    # workers, so a worker ignores it (else each prints a traceback).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        while True:
            chunk = tasks.recv()
            results.send([clean_job(job, fields) for job in chunk])
    except (EOFError, OSError):
        return


# Stopping on signals -------------------------------------------------------

#: The signals that stop a batch cleanly: Ctrl-C, and what `kill`, systemd,
#: Docker and Kubernetes send.
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class Interrupted(BaseException):
    """A stop signal, raised in the main thread by a `Stopper`. A
    `BaseException`, so no ``except Exception`` on the way (the worker's)
    turns it into a bad record.

    >>> Interrupted(signal.SIGTERM).exit_code, str(Interrupted(signal.SIGINT))
    (143, 'SIGINT')
    """

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum

    @property
    def exit_code(self) -> int:
        """``128 + signal``, the shell's code for a process a signal ended."""
        return 128 + self.signum


class Stopper:
    """Turns SIGINT and SIGTERM into `Interrupted` in the main thread, but
    never inside `held` (writing a line, saving a checkpoint), where the
    signal waits until the block ends: the output keeps only complete lines
    and a checkpoint that matches them. A second signal ends the process at
    once, as if no handler were set. Outside the main thread it does nothing.
    """

    def __init__(self) -> None:
        self.signum: int | None = None
        self._held = 0
        self._raised = False
        self._saved: dict[int, Any] = {}

    def __enter__(self) -> Stopper:
        if threading.current_thread() is threading.main_thread():
            for signum in STOP_SIGNALS:
                self._saved[signum] = signal.signal(signum, self._on_signal)
        return self

    def __exit__(self, *exc: object) -> None:
        for signum, handler in self._saved.items():
            signal.signal(signum, handler)

    def _on_signal(self, signum: int, frame: FrameType | None) -> None:
        self.signum = self.signum or signum
        for other in self._saved:
            signal.signal(other, signal.SIG_DFL)
        if not self._held:
            self._raise()

    def _raise(self) -> None:
        if self.signum and not self._raised:
            self._raised = True
            raise Interrupted(self.signum)

    @contextmanager
    def held(self) -> Iterator[None]:
        """A block no stop signal interrupts; one that came meanwhile is raised at its end."""
        self._held += 1
        try:
            yield
        finally:
            self._held -= 1
        if not self._held:
            self._raise()

    def settle(self) -> None:
        """From now on a signal is only noted: the batch is finishing anyway."""
        self._raised = True


# The summary ---------------------------------------------------------------


@dataclass
class Summary:
    """Counts for the end-of-batch report. A resumed run starts from the
    counts its checkpoint saved (`from_counts`), so they are of the whole
    output; ``resumed`` is how many records the earlier runs had done."""

    documents: int = 0
    errors: int = 0
    removed: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    #: Records decoded from another encoding than UTF-8, per encoding.
    repairs: Counter[str] = field(default_factory=Counter)
    #: Inputs that could not be read to their end: ``"FILE: why"``.
    damaged: list[str] = field(default_factory=list)
    resumed: int = 0
    resumed_documents: int = 0
    #: What stopped the batch early (``"interrupted by SIGTERM"``), if anything did.
    stopped_by: str | None = None

    def add(self, outcome: Outcome) -> None:
        if outcome.record:
            self.documents += 1
            self.removed.update(outcome.removed)
        else:
            self.errors += 1
        if outcome.encoding:
            self.repairs[outcome.encoding] += 1
        if outcome.damage:
            self.damaged.append(outcome.damage)

    @property
    def done(self) -> int:
        """Records written, to the output or the errors file."""
        return self.documents + self.errors

    def counts(self) -> dict[str, Any]:
        """The counts a checkpoint keeps, as JSON-ready data."""
        return {
            "documents": self.documents,
            "errors": self.errors,
            "removed": dict(self.removed),
            "repairs": dict(self.repairs),
            "damaged": self.damaged,
        }

    @classmethod
    def from_counts(cls, counts: dict[str, Any]) -> Summary:
        """The summary of a run that goes on from saved counts.

        >>> Summary.from_counts(Summary(documents=2, errors=1).counts()).resumed
        3
        """
        summary = cls(
            documents=counts["documents"],
            errors=counts["errors"],
            removed=Counter(counts["removed"]),
            repairs=Counter(counts["repairs"]),
            damaged=list(counts["damaged"]),
        )
        summary.resumed, summary.resumed_documents = summary.done, summary.documents
        return summary

    def report(self) -> str:
        """The summary lines, for standard error.

        >>> print(Summary(documents=2, errors=1, removed=Counter(ad=3, related=1), seconds=0.5).report())
        cleannews batch: 2 documents, 1 error, 4 blocks removed in 0.50 s (4.0 documents/s)
          removed by reason: ad 3, related 1
        >>> stopped = Summary(documents=1, repairs=Counter(cp1252=1), stopped_by="interrupted by SIGTERM")
        >>> print(stopped.report())  # doctest: +ELLIPSIS
        cleannews batch: 1 document, 0 errors, 0 blocks removed in 0.00 s (...)
          removed by reason: none
          decoded from another encoding than UTF-8: 1 record (cp1252 1)
          interrupted by SIGTERM after 1 record: the output holds complete lines only
        """
        reasons = ", ".join(f"{reason} {n}" for reason, n in sorted(self.removed.items(), key=_by_count))
        rate = (self.documents - self.resumed_documents) / max(self.seconds, 1e-9)
        lines = [
            f"cleannews batch: {plural(self.documents, 'document')}, {plural(self.errors, 'error')}, "
            f"{plural(self.removed.total(), 'block')} removed in {self.seconds:.2f} s "
            f"({rate:.1f} documents/s)",
            f"  removed by reason: {reasons or 'none'}",
        ]
        if self.repairs:
            encodings = ", ".join(f"{name} {n}" for name, n in sorted(self.repairs.items(), key=_by_count))
            repaired = plural(self.repairs.total(), "record")
            lines.append(f"  decoded from another encoding than UTF-8: {repaired} ({encodings})")
        lines += [f"  damaged input: {damage}" for damage in self.damaged]
        if self.resumed:
            lines.append(
                f"  resumed: the first {plural(self.resumed, 'record')} were done by an earlier run;"
                " the counts are of the whole output"
            )
        if self.stopped_by:
            lines.append(
                f"  {self.stopped_by} after {plural(self.done, 'record')}:"
                " the output holds complete lines only"
            )
        return "\n".join(lines)


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
    return beside(output, "errors.jsonl")


def profile_path_for(output: Path) -> Path:
    """The profile ``batch --learn`` saves beside an output file.

    >>> profile_path_for(Path("out/clean.jsonl.gz")).as_posix()
    'out/clean.profile.json'
    """
    return beside(output, "profile.json")


def beside(output: Path, suffix: str) -> Path:
    name = output.name
    for known in OUTPUT_SUFFIXES:
        name = name.removesuffix(known)
    return output.with_name(f"{name}.{suffix}")


class LineSink(Protocol):
    """Where lines are written: a binary file, or a `cleannews.resume.LineWriter`."""

    def write(self, data: bytes, /) -> object: ...


def write_outcomes(
    outcomes: Iterable[Outcome],
    out: LineSink,
    errors: LineSink,
    *,
    progress: bool,
    summary: Summary | None = None,
    journal: Journal | None = None,
    stopper: Stopper | None = None,
) -> Summary:
    """Write each outcome as it comes, to the output or the errors file;
    count it; show a progress bar on standard error when ``progress``.

    ``summary`` holds the counts of the run this one resumes; ``journal``
    saves checkpoints as it goes and at the end. A `Stopper`'s signal ends
    the loop between two outcomes: the summary then says which signal, and
    the last checkpoint matches the lines written.
    """
    from tqdm import tqdm  # only the batch command needs it

    summary, started = summary or Summary(), time.perf_counter()
    held = stopper.held if stopper else nullcontext
    with tqdm(unit=" docs", file=sys.stderr, disable=not progress, mininterval=0.5) as bar:
        try:
            for outcome in outcomes:
                with held():
                    write_outcome(outcome, out, errors, summary)
                    if journal:
                        journal.add(outcome.key, summary)
                    bar.update(1)
                    if outcome.error:
                        bar.set_postfix(errors=summary.errors, refresh=False)
        except Interrupted as stop:
            summary.stopped_by = f"interrupted by {stop}"
        except WorkerLostError as lost:
            summary.stopped_by = f"stopped: {lost}"
        if stopper:
            stopper.settle()
        if journal:
            journal.save(summary, complete=summary.stopped_by is None)
    summary.seconds = time.perf_counter() - started
    return summary


def write_outcome(outcome: Outcome, out: LineSink, errors: LineSink, summary: Summary) -> None:
    """One outcome's lines: the record to the output, or the error, and a
    repair report, to the errors file."""
    summary.add(outcome)
    (out if outcome.record else errors).write(outcome.record or outcome.error)
    if outcome.repair:
        errors.write(outcome.repair)
