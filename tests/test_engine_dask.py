"""Dask, for real: ``map_partitions(CleanBatch(...), meta=meta(ddf))`` on a local cluster of 2 processes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from cleannews.frames import CleanBatch, meta
from tests.engines import TIMEOUT, check_records, documents, engine, slow_steps, worker_path

dd = engine("dask.dataframe")
distributed = engine("dask.distributed")


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    worker_path()
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


def test_map_partitions_on_a_local_cluster_gives_every_document_as_clean_text_does(client: object) -> None:
    import pandas as pd

    ddf = dd.from_pandas(pd.DataFrame(documents()), npartitions=2)
    out = ddf.map_partitions(CleanBatch("text", steps=slow_steps(), timeout=TIMEOUT), meta=meta(ddf))
    assert list(out.columns) == ["id", "url", "text", "title", "headings", "metadata", "removed", "error"]
    check_records(out.compute().to_dict("records"))


def test_a_pandas_frame_keeps_its_index_and_the_dtypes_of_the_columns_passed_through() -> None:
    import pandas as pd

    frame = pd.DataFrame({"n": [3, 4], "text": ["Isi berita.", None]}, index=[10, 20])
    out = CleanBatch("text")(frame)
    assert list(out.index) == [10, 20] and out["n"].dtype == frame["n"].dtype
    assert out["text"].tolist() == ["Isi berita.", None]
    assert list(meta(frame).columns) == list(out.columns)
