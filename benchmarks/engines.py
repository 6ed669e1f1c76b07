"""Documents per second through each engine cleannews runs inside, beside
``cleannews batch`` on the same input.

The articles are built at run time from the texts in the shared benchmark
data (indonesian-raw's raw articles and scrapinghub-text's input lines,
cycled to ``--articles``, each copy with an id of its own) into a temporary
JSONL file that is deleted afterwards: nothing of them is written into the
repository. Each engine and worker count runs in a fresh process, so one
run's warm caches do not help the next:

- ``batch``: ``python -m cleannews batch IN -o OUT --workers N``;
- ``datatrove``: ``LocalPipelineExecutor`` of N tasks (the input cut in N
  shards): JsonlReader, `CleannewsStep`, JsonlWriter;
- ``spark``: ``local[N]``, ``spark.read.json``, `cleannews.spark.clean`,
  written to Spark's ``noop`` sink (every row computed, nothing stored);
- ``hf``: ``Dataset.from_json``, ``map(CleanBatch, batched=True, num_proc=N)``;
- ``ray``: ``ray.init(num_cpus=N)``, ``read_json`` (materialised first),
  ``map_batches(CleanBatch, compute=ActorPoolStrategy(size=N))``, materialised;
- ``dask``: a ``LocalCluster`` of N worker processes, ``map_partitions``
  over 4 N partitions, computed.

``start`` is the engine's start (a session, a cluster; for ``batch`` the
whole command is timed, start included); ``clean`` is the run of the
cleaning itself, from the input file to the output, and documents/s is
``--articles / clean``.

    python benchmarks/engines.py [DATA] --articles 10000 --workers 1 2 [--engines batch spark ...]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "benchmarks"
ENGINES = ("batch", "datatrove", "spark", "hf", "ray", "dask")


def texts(data: Path) -> Iterator[tuple[str, str]]:
    """``(url, text)`` of every indonesian-raw article and scrapinghub-text page."""
    with gzip.open(data / "indonesian-raw" / "articles.jsonl.gz", "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            yield record.get("url") or "", record["raw"]
    with (data / "scrapinghub-text" / "pages.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            yield record.get("url") or "", record["input_lines"]


def write_articles(data: Path, folder: Path, count: int, shards: int) -> Path:
    """``count`` records cycled from the corpora, in ``shards`` JSONL files under ``folder``."""
    pool = list(texts(data))
    folder.mkdir(parents=True, exist_ok=True)
    outs = [(folder / f"part-{n:02d}.jsonl").open("w", encoding="utf-8") for n in range(shards)]
    for n in range(count):
        url, text = pool[n % len(pool)]
        outs[n % shards].write(
            json.dumps({"id": f"a{n:06d}", "url": url, "text": text}, ensure_ascii=False) + "\n"
        )
    for out in outs:
        out.close()
    return folder


def run_one(engine: str, folder: Path, workers: int, scratch: Path) -> dict[str, float]:
    """Seconds to start the engine and to clean every record of ``folder``."""
    files = sorted(str(p) for p in folder.glob("*.jsonl"))
    started = time.perf_counter()
    if engine == "batch":
        out = scratch / "batch.jsonl"
        command = [
            sys.executable,
            "-m",
            "cleannews",
            "batch",
            *files,
            "-o",
            str(out),
            "--workers",
            str(workers),
            "-q",
        ]
        subprocess.run(command, check=True)
        return {"start": 0.0, "clean": time.perf_counter() - started}
    if engine == "datatrove":
        from datatrove.executor import LocalPipelineExecutor
        from datatrove.pipeline.readers import JsonlReader
        from datatrove.pipeline.writers import JsonlWriter

        from cleannews.datatrove import CleannewsStep

        pipeline = [JsonlReader(str(folder)), CleannewsStep(), JsonlWriter(str(scratch / "datatrove"))]
        executor = LocalPipelineExecutor(
            pipeline, tasks=workers, workers=workers, logging_dir=str(scratch / "logs")
        )
        start = time.perf_counter() - started
        executor.run()
        return {"start": start, "clean": time.perf_counter() - started - start}
    if engine == "spark":
        from pyspark.sql import SparkSession

        import cleannews.spark

        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # workers run this venv's Python
        spark = (
            SparkSession.builder.master(f"local[{workers}]")
            .config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.memory", "4g")
            .getOrCreate()
        )
        spark.sparkContext.setLogLevel("ERROR")
        start = time.perf_counter() - started
        df = spark.read.schema("id string, url string, text string").json(files).repartition(4 * workers)
        cleannews.spark.clean(df, "text").write.format("noop").mode("overwrite").save()
        clean = time.perf_counter() - started - start
        spark.stop()
        return {"start": start, "clean": clean}
    if engine == "hf":
        import datasets

        from cleannews.frames import CleanBatch, features

        datasets.disable_progress_bars()
        ds = datasets.Dataset.from_json(files, cache_dir=str(scratch / "hf-cache"))
        start = time.perf_counter() - started
        ds.map(
            CleanBatch("text"),
            batched=True,
            batch_size=64,
            num_proc=workers if workers > 1 else None,
            remove_columns=ds.column_names,
            features=features(ds.features),
            cache_file_name=str(scratch / "hf-out" / "out.arrow"),
        )
        return {"start": start, "clean": time.perf_counter() - started - start}
    if engine == "ray":
        import ray
        import ray.data

        from cleannews.frames import CleanBatch

        ray.init(num_cpus=workers, include_dashboard=False, log_to_driver=False, configure_logging=False)
        ray.data.DataContext.get_current().enable_progress_bars = False
        start = time.perf_counter() - started
        # Read first: the actors hold every CPU, and read tasks queued behind them would wait forever.
        ds = ray.data.read_json(files).materialize()
        out = ds.map_batches(
            CleanBatch,
            fn_constructor_kwargs={"field": "text"},
            compute=ray.data.ActorPoolStrategy(size=workers),
            batch_size=64,
            batch_format="pandas",
        )
        out.materialize()
        clean = time.perf_counter() - started - start
        ray.shutdown()
        return {"start": start, "clean": clean}
    if engine == "dask":
        import dask.dataframe as dd
        from dask.distributed import Client, LocalCluster

        from cleannews.frames import CleanBatch, meta

        with (
            LocalCluster(n_workers=workers, threads_per_worker=1, dashboard_address=None) as cluster,
            Client(cluster),
        ):
            start = time.perf_counter() - started
            ddf = dd.read_json(files, lines=True, blocksize=None).repartition(npartitions=4 * workers)
            ddf.map_partitions(CleanBatch("text"), meta=meta(ddf)).compute()
            return {"start": start, "clean": time.perf_counter() - started - start}
    raise ValueError(f"unknown engine {engine!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA, help="the shared benchmark data")
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--engines", nargs="+", choices=ENGINES, default=list(ENGINES))
    parser.add_argument("--one", nargs=3, metavar=("ENGINE", "FOLDER", "WORKERS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        engine, folder, workers = args.one
        with tempfile.TemporaryDirectory() as scratch:
            print(json.dumps(run_one(engine, Path(folder), int(workers), Path(scratch))))
        return
    load = os.getloadavg()[0]
    when = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    print(f"cpus={os.cpu_count()} load={load:.1f} articles={args.articles} started={when}")
    print(f"{'engine':10} {'workers':>7} {'start s':>8} {'clean s':>8} {'documents/s':>12} {'load':>5}")
    with tempfile.TemporaryDirectory() as tmp:
        for workers in args.workers:
            folder = write_articles(args.data, Path(tmp) / f"in-{workers}", args.articles, max(workers, 2))
            for engine in args.engines:
                command = [sys.executable, __file__, "--one", engine, str(folder), str(workers)]
                try:
                    result = subprocess.run(
                        command, capture_output=True, text=True, check=False, timeout=3600
                    )
                except subprocess.TimeoutExpired:
                    print(f"{engine:10} {workers:>7} did not finish within an hour", flush=True)
                    continue
                if result.returncode:
                    print(f"{engine:10} {workers:>7} failed: {result.stderr.strip().splitlines()[-1:]}")
                    continue
                times = json.loads(result.stdout.strip().splitlines()[-1])
                rate = args.articles / times["clean"]
                line = f"{engine:10} {workers:>7} {times['start']:>8.1f} {times['clean']:>8.1f} {rate:>12.1f}"
                print(f"{line} {os.getloadavg()[0]:>5.1f}", flush=True)


if __name__ == "__main__":
    main()
