"""Hugging Face datasets, for real: ``Dataset.map(CleanBatch(...), batched=True, num_proc=2)``."""

from __future__ import annotations

from cleannews.frames import CleanBatch, features
from tests.engines import TIMEOUT, check_records, documents, engine, slow_steps

datasets = engine("datasets")


def test_dataset_map_on_two_processes_gives_every_document_as_clean_text_does() -> None:
    ds = datasets.Dataset.from_list(documents())
    out = ds.map(
        CleanBatch("text", steps=slow_steps(), timeout=TIMEOUT),
        batched=True,
        batch_size=4,
        num_proc=2,
        remove_columns=ds.column_names,
        features=features(ds.features),
    )
    assert out.column_names == ["id", "url", "text", "title", "headings", "metadata", "removed", "error"]
    check_records(out.to_list())


def test_features_give_each_output_column_its_type() -> None:
    ds = datasets.Dataset.from_list([{"id": 1, "body": "Isi berita."}])
    got = features(ds.features, "body", original="raw", removals=True)
    assert list(got) == ["id", "raw", "text", "title", "headings", "metadata", "removed", "removals", "error"]
    assert got["id"] == ds.features["id"] and got["raw"] == ds.features["body"]
    out = ds.map(
        CleanBatch("body", original="raw", removals=True), batched=True, features=got, remove_columns=["body"]
    )
    assert out[0]["text"] == "Isi berita." and out[0]["raw"] == "Isi berita."
