"""Checkpoints in process: output files cut back to a checkpoint, the checkpoint file itself."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from cleannews.batch import Job
from cleannews.resume import Checkpoint, LineWriter, ResumeError, skip_done


@pytest.mark.parametrize("name", ["out.jsonl", "out.jsonl.gz"])
def test_a_file_cut_back_to_a_checkpoint_goes_on_as_if_never_stopped(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    writer = LineWriter.open(path)
    writer.write(b"1\n")
    writer.write(b"2\n")
    at = writer.checkpoint()
    writer.write(b"3 written after the checkpoint\n")
    writer.checkpoint()  # in the file, but the process was killed before it saved its checkpoint
    writer.close()
    with path.open("ab") as torn:
        torn.write(b"4 half")
    with LineWriter.open(path, at=at) as resumed:
        resumed.write(b"3\n")
    data = path.read_bytes()
    assert (gzip.decompress(data) if name.endswith(".gz") else data) == b"1\n2\n3\n"


def test_an_empty_gzip_output_is_still_gzip(tmp_path: Path) -> None:
    LineWriter.open(tmp_path / "out.jsonl.gz").close()
    assert gzip.decompress((tmp_path / "out.jsonl.gz").read_bytes()) == b""


def test_a_file_shorter_than_its_checkpoint_or_gone_is_refused(tmp_path: Path) -> None:
    (tmp_path / "out.jsonl").write_bytes(b"1\n")
    with pytest.raises(ResumeError, match="shorter"):
        LineWriter.open(tmp_path / "out.jsonl", at=10)
    with pytest.raises(ResumeError, match="gone"):
        LineWriter.open(tmp_path / "none.jsonl", at=0)


def test_a_checkpoint_round_trips_and_a_foreign_layout_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "out.checkpoint.json"
    saved = Checkpoint({"inputs": ["in.jsonl"]}, done=3, digest="ab", output_bytes=120)
    saved.save(path)
    assert Checkpoint.load(path) == saved
    path.write_text(json.dumps({**json.loads(path.read_text()), "format": 99}), encoding="utf-8")
    with pytest.raises(ResumeError, match="layout 99"):
        Checkpoint.load(path)
    assert Checkpoint.load(tmp_path / "none.json") is None


def test_skipping_fewer_records_than_the_checkpoint_did_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ResumeError, match="the inputs changed"):
        skip_done(iter([Job("in.jsonl", 1, b"{}")]), Checkpoint({}, done=2), tmp_path / "c.json")
