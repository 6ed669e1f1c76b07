"""PySpark, for real, in local mode (``local[2]``, the machine's Java 17):
``df.mapInPandas(clean_partition("text"), schema())``."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from typing import Any

import pytest

import cleannews
from cleannews import spark as cleannews_spark
from tests.engines import (
    TIMEOUT,
    check_records,
    documents,
    engine,
    expected,
    slow_steps,
    worker_path,
)

engine("pyspark")
from pyspark.sql import SparkSession  # noqa: E402 - after the check that pyspark is there

SCHEMA = "id string, url string, text string"


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    worker_path()
    # pyspark 4.3 starts its workers with PYSPARK_PYTHON and no longer reads
    # spark.pyspark.python set on the builder: without it they run the base
    # interpreter, outside the test's virtual environment.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("cleannews-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "4")
        .config("spark.pyspark.python", sys.executable)
        .config("spark.pyspark.driver.python", sys.executable)
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def rows(df: Any) -> list[dict[str, Any]]:
    return [row.asDict(recursive=True) for row in df.collect()]


def test_clean_on_two_partitions_gives_every_document_as_clean_text_does(spark: Any) -> None:
    df = spark.createDataFrame(documents(), SCHEMA).repartition(2)
    out = cleannews_spark.clean(df, "text", steps=slow_steps(), timeout=TIMEOUT)
    assert out.columns == ["id", "url", "text", "title", "headings", "metadata", "removed", "error"]
    check_records(rows(out), decode=("metadata",))


def test_the_bare_partition_function_and_schema_give_the_record_columns(spark: Any) -> None:
    df = spark.createDataFrame([d for d in documents() if d["id"] != "slow"], SCHEMA)
    out = df.mapInPandas(cleannews_spark.clean_partition("text"), cleannews_spark.schema())
    assert out.columns == ["text", "title", "headings", "metadata", "removed", "error"]
    got = sorted((r["text"] or "", r["error"] or "") for r in rows(out))
    want = sorted(
        (expected(d["text"])["text"], "")
        if d["text"] is not None
        else ("", "TypeError: clean_text() expects raw as str, got NoneType")
        for d in documents()
        if d["id"] != "slow"
    )
    assert got == want


def test_removals_come_as_an_array_of_structs_with_input_lines(spark: Any) -> None:
    raw = "Judul Berita\nPemerintah mengumumkan kebijakan baru untuk menekan harga beras.\nADVERTISEMENT"
    df = spark.createDataFrame([{"id": "a", "body": raw}], "id string, body string")
    (row,) = rows(cleannews_spark.clean(df, "body", removals=True, original="raw"))
    assert row["raw"] == raw
    assert row["removals"] == cleannews.clean_text(raw).to_record(removals=True)["removals"]
    assert row["removed"] == {"ad": 1}


def test_site_profiles_learned_per_partition_merge_into_the_profile_of_all_texts(spark: Any) -> None:
    """`SiteProfile`s learned per partition and merged equal the profile of
    all a site's texts, and cleaning with them drops the site's own line."""
    docs = [{**d, "site": f"site-{n % 2}"} for n, d in enumerate(documents()) if d["id"] != "slow"]
    for doc in docs:
        if doc["text"]:
            doc["text"] += f"\n\nSimak siaran {doc['site']} setiap pagi"
    df = spark.createDataFrame(docs, "id string, url string, text string, site string").repartition(2)
    learned = cleannews_spark.learn_profiles(df, "text", "site")
    for site in ("site-0", "site-1"):
        texts = [d["text"] for d in docs if d["site"] == site and d["text"] is not None]
        assert learned[site] == cleannews.SiteProfile.learn(texts)
    profiles = spark.sparkContext.broadcast(learned)
    out = rows(cleannews_spark.clean(df, "text", site_field="site", profiles=profiles))
    for row, doc in zip(sorted(out, key=lambda r: r["id"]), sorted(docs, key=lambda d: d["id"]), strict=True):
        if doc["text"] is None:
            assert row["error"].startswith("TypeError")
            continue
        want = cleannews.clean_text(doc["text"], profile=learned[doc["site"]]).to_record()
        assert (row["text"], row["removed"]) == (want["text"], want["removed"]), doc["id"]
    assert sum(bool(row["removed"].get("site-boilerplate")) for row in out) >= 10
