"""The flat record shared by batch and the engines: `cleannews.records` and `cleannews.frames`, no engine."""

from __future__ import annotations

import pickle
import subprocess
import sys

import cleannews
from cleannews.frames import CleanBatch
from cleannews.records import Cleaner
from tests.engines import ROOT, check_records, documents, slow_steps
from tests.helpers import REPORT_1


def test_a_record_keeps_the_input_fields_and_the_output_keys_win() -> None:
    source = {"id": 1, "source": "x", "text": f"{REPORT_1}\nIklan", "metadata": "input's", "title": None}
    record = Cleaner().record(source)
    assert list(record) == ["id", "source", "text", "title", "headings", "metadata", "removed", "error"]
    assert record == {
        "id": 1,
        "source": "x",
        **cleannews.clean_text(source["text"]).to_record(),
        "error": None,
    }


def test_a_record_keeps_the_original_body_under_the_name_given() -> None:
    record = Cleaner(removals=True).record({"text": f"{REPORT_1}\nIklan"}, original="raw")
    assert (record["raw"], record["text"]) == (f"{REPORT_1}\nIklan", REPORT_1)
    assert record["removals"] == [{"text": "Iklan", "reason": "ad", "line": 2}]


def test_an_html_body_is_read_as_a_page_with_its_url() -> None:
    page = f"<html><body><article><p>{REPORT_1}</p></article></body></html>"
    record = Cleaner().record({"page": page, "url": "https://x.id/a"}, "page", html=True)
    assert record["text"] == REPORT_1
    assert record["metadata"]["url"] == "https://x.id/a"


def test_a_clean_batch_of_columns_gives_every_document_or_its_error() -> None:
    docs = documents()
    batch = {name: [d[name] for d in docs] for name in ("id", "url", "text")}
    out = CleanBatch("text", steps=slow_steps(), timeout=2.0)(batch)
    assert list(out) == ["id", "url", "text", "title", "headings", "metadata", "removed", "error"]
    check_records([dict(zip(out, row, strict=True)) for row in zip(*out.values(), strict=True)])


class Noting:
    """A site profile that notes each line it is asked about, under its name."""

    def __init__(self, name: str, seen: list[tuple[str, str]]) -> None:
        self.name, self.seen = name, seen

    def lookup(self, text: str) -> None:
        self.seen.append((self.name, text))


def test_the_site_profile_of_each_row_is_the_one_of_its_site() -> None:
    seen: list[tuple[str, str]] = []
    a, b = Noting("a", seen), Noting("b", seen)
    batch = {"site": ["a.id", "b.id", "c.id"], "text": ["Satu.", "Dua.", "Tiga."]}
    CleanBatch("text", site_field="site", profiles={"a.id": a, "b.id": b}, profile=a)(batch)
    assert seen == [("a", "Satu."), ("b", "Dua."), ("a", "Tiga.")]


def test_a_cleaner_pickles_its_settings_not_its_built_rules() -> None:
    cleaner = Cleaner(timeout=5)
    cleaner.record({"text": REPORT_1})
    assert cleaner._built is not None
    copy = pickle.loads(pickle.dumps(cleaner))
    assert copy._built is None and copy.timeout == 5
    assert copy.record({"text": REPORT_1}) == cleaner.record({"text": REPORT_1})


def test_importing_cleannews_and_its_integrations_imports_no_engine() -> None:
    """Engines (and pandas) are imported only when an engine hands over its data."""
    engines = ["pyspark", "datatrove", "datasets", "ray", "dask", "pandas", "pyarrow"]
    code = (
        "import sys, cleannews, cleannews.records, cleannews.frames, cleannews.spark\n"
        f"print(' '.join(m for m in {engines!r} if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == []


def test_a_spark_partition_function_is_built_once_per_worker_process() -> None:
    """Each task unpickles the function anew; the worker keeps the first one's steps and rules."""
    from cleannews.spark import clean_partition

    shipped = pickle.dumps(clean_partition("text", keep=["id"]))
    first, second = pickle.loads(shipped), pickle.loads(shipped)
    assert first is not second and first.built() is second.built()
    assert pickle.loads(pickle.dumps(clean_partition("text"))).built() is not first.built()
