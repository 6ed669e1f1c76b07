"""Checkpoints of ``cleannews batch``, so a rerun with ``--resume`` goes on
where a killed run stopped, and loses nothing.

While it writes, the batch saves a checkpoint beside its output
(`checkpoint_path_for`) every few seconds and at the end: how many records
are done, a digest of their inputs (`cleannews.batch.job_key` of each, in
order), how long the output and the errors file were at that moment (after
making both durable), and the counts of the summary. A rerun with
``--resume`` checks that it is the same command, reads its inputs again,
checks that the first records hash to the same digest (else the inputs
changed, and it refuses), cuts both files back to the saved lengths (lines
written after the checkpoint are dropped, a half-written one with them, and
cleaned again), and appends the rest.

A gzip output ends a gzip member at every checkpoint, so the file cut back
to a checkpoint is whole gzip; the output is then several members one after
another, which ``gzip -d`` and Python read as one stream (RFC 1952 allows it).
"""

from __future__ import annotations

import gzip
import json
import os
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from hashlib import blake2b
from itertools import islice
from pathlib import Path
from typing import Any, BinaryIO

from cleannews.batch import OUTPUT_SUFFIXES, Job, Summary, job_key

#: The layout of the checkpoint file; a file of another layout is refused.
FORMAT = 1
#: Seconds between two checkpoints unless ``--checkpoint-every`` says.
CHECKPOINT_EVERY = 5.0


class ResumeError(Exception):
    """A run that cannot go on from its checkpoint; the message says why and what to do."""


def checkpoint_path_for(output: Path) -> Path:
    """The checkpoint file beside an output file.

    >>> checkpoint_path_for(Path("out/clean.jsonl.gz")).as_posix()
    'out/clean.checkpoint.json'
    """
    name = output.name
    for suffix in OUTPUT_SUFFIXES:
        name = name.removesuffix(suffix)
    return output.with_name(f"{name}.checkpoint.json")


def new_digest() -> blake2b:
    """The running digest of the keys of the records done, in order."""
    return blake2b(digest_size=16)


@dataclass
class Checkpoint:
    """What a batch had written when it saved: ``done`` records, whose keys
    hash to ``digest``, in ``output_bytes`` of output and ``errors_bytes``
    of errors file; ``complete`` once every input was done. ``settings`` is
    the command (inputs, output, fields, options that change the output)."""

    settings: dict[str, Any]
    done: int = 0
    digest: str = ""
    output_bytes: int = 0
    errors_bytes: int = 0
    complete: bool = False
    counts: dict[str, Any] = field(default_factory=lambda: Summary().counts())
    format: int = FORMAT

    def save(self, path: Path) -> None:
        """Write the checkpoint so that a crash leaves the old one or the new one, never half of one."""
        staging = path.with_name(path.name + ".tmp")
        with open(staging, "w", encoding="utf-8") as file:
            json.dump(asdict(self), file, ensure_ascii=False, indent=1)
            file.write("\n")
            file.flush()
            os.fsync(file.fileno())
        os.replace(staging, path)

    @classmethod
    def load(cls, path: Path) -> Checkpoint | None:
        """The checkpoint saved at ``path``; None when there is none."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            checkpoint = cls(**data)
        except FileNotFoundError:
            return None
        except (OSError, ValueError, TypeError) as problem:
            raise ResumeError(f"cannot read the checkpoint {path}: {problem}") from None
        if checkpoint.format != FORMAT:
            raise ResumeError(f"the checkpoint {path} has layout {checkpoint.format}, not {FORMAT}")
        return checkpoint


class LineWriter:
    """Complete lines to a file, plain or gzip, with checkpoints.

    `checkpoint` makes what was written durable and returns the file's
    length there; `open` with ``at`` cuts a file back to such a length and
    appends. A gzip file ends a member at each checkpoint (and starts the
    next one at the next line), so it is whole gzip at every checkpoint.
    """

    def __init__(self, raw: BinaryIO, *, compress: bool) -> None:
        self._raw = raw
        self._compress = compress
        self._member: gzip.GzipFile | None = None

    @classmethod
    def open(cls, path: Path, *, at: int | None = None) -> LineWriter:
        """``path`` for writing (gzip when it ends in ``.gz``): emptied, or
        cut back to ``at`` bytes to go on from a checkpoint."""
        if at is not None and not path.exists():
            raise ResumeError(f"{path} is gone since the checkpoint was saved")
        if at is not None and (length := path.stat().st_size) < at:
            raise ResumeError(
                f"{path} is shorter ({length} bytes) than at the checkpoint ({at} bytes): it changed since"
            )
        raw = open(path, "wb" if at is None else "r+b")  # noqa: SIM115 (the writer owns it and closes it)
        writer = cls(raw, compress=path.suffix == ".gz")
        if at is not None:
            writer._raw.truncate(at)
            writer._raw.seek(at)
        return writer

    def write(self, line: bytes) -> None:
        if not self._compress:
            self._raw.write(line)
            return
        if self._member is None:
            self._member = gzip.GzipFile(fileobj=self._raw, mode="wb")
        self._member.write(line)

    def checkpoint(self) -> int:
        """End the gzip member, make the file durable; its length."""
        self._end_member()
        self._raw.flush()
        os.fsync(self._raw.fileno())
        return self._raw.tell()

    def _end_member(self) -> None:
        if self._member is not None:
            self._member.close()  # writes the member's trailer; the file stays open
            self._member = None

    def close(self) -> None:
        if self._compress and self._raw.tell() == 0:
            self.write(b"")  # an empty output is still a gzip file
        self._end_member()
        self._raw.close()

    def __enter__(self) -> LineWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class Journal:
    """Keeps the checkpoint of a running batch: `add` each record as it is
    written, which saves a checkpoint when ``every`` seconds have passed
    since the last one; `save` at the end."""

    def __init__(
        self,
        path: Path,
        checkpoint: Checkpoint,
        digest: blake2b,
        out: LineWriter,
        errors: LineWriter,
        *,
        every: float = CHECKPOINT_EVERY,
    ) -> None:
        self.path, self.checkpoint, self._digest = path, checkpoint, digest
        self._out, self._errors, self._every = out, errors, every
        self._last = time.monotonic()

    def add(self, key: bytes, summary: Summary) -> None:
        self._digest.update(key)
        self.checkpoint.done += 1
        if time.monotonic() - self._last >= self._every:
            self.save(summary)

    def save(self, summary: Summary, *, complete: bool = False) -> None:
        self.checkpoint.output_bytes = self._out.checkpoint()
        self.checkpoint.errors_bytes = self._errors.checkpoint()
        self.checkpoint.digest = self._digest.hexdigest()
        self.checkpoint.counts = summary.counts()
        self.checkpoint.complete = complete
        self.checkpoint.save(self.path)
        self._last = time.monotonic()


@dataclass
class Start:
    """Where a batch starts: from nothing, or from a checkpoint whose
    records were skipped (``jobs`` yields the rest)."""

    jobs: Iterator[Job]
    checkpoint: Checkpoint
    digest: blake2b
    summary: Summary
    resumed: bool = False

    @property
    def output_at(self) -> int | None:
        """Where the output is cut back to, or None to write it afresh."""
        return self.checkpoint.output_bytes if self.resumed else None

    @property
    def errors_at(self) -> int | None:
        return self.checkpoint.errors_bytes if self.resumed else None


def start(jobs: Iterator[Job], path: Path, settings: dict[str, Any], *, resume: bool) -> Start:
    """Where a batch of ``settings`` starts. Without ``resume``, afresh.
    With it, from the checkpoint at ``path`` when there is one, after
    skipping (and checking) the records it says are done; afresh when there
    is neither a checkpoint nor an output yet, so ``--resume`` can be given
    to every run of a loop over shards."""
    fresh = Start(jobs, Checkpoint(settings), new_digest(), Summary())
    if not resume:
        return fresh
    checkpoint = Checkpoint.load(path)
    if checkpoint is None:
        if Path(settings["output"]).exists():
            raise ResumeError(
                f"no checkpoint {path} beside the output {settings['output']}: cannot tell what is done;"
                " run without --resume to start over"
            )
        return fresh
    if checkpoint.settings != settings:
        changed = sorted(
            key
            for key in settings.keys() | checkpoint.settings.keys()
            if settings.get(key) != checkpoint.settings.get(key)
        )
        raise ResumeError(
            f"the checkpoint {path} is of another command (it differs in: {', '.join(changed)});"
            " run that command with --resume, or this one without --resume to start over"
        )
    digest = skip_done(jobs, checkpoint, path)
    return Start(jobs, checkpoint, digest, Summary.from_counts(checkpoint.counts), resumed=True)


def skip_done(jobs: Iterator[Job], checkpoint: Checkpoint, path: Path) -> blake2b:
    """Take the records the checkpoint says are done off ``jobs``, checking
    that they are those it hashed; the digest, to go on with."""
    digest, skipped = new_digest(), 0
    for job in islice(jobs, checkpoint.done):
        digest.update(job_key(job))
        skipped += 1
    if skipped < checkpoint.done or digest.hexdigest() != checkpoint.digest:
        raise ResumeError(
            f"the inputs changed since the checkpoint {path}: their first {checkpoint.done} records are"
            " not those that were cleaned; run without --resume to start over"
        )
    return digest
