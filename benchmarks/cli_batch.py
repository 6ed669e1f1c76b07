"""Speed and memory of ``cleannews batch`` on synthetic records.

Writes N short article records (text made up here, not publishers' content)
to a temporary JSONL file, runs ``python -m cleannews batch`` on it for each
worker count, and prints documents per second and the peak resident memory
of the largest process. Memory that stays the same from 2,000 to 40,000
records is what streaming means.

    python benchmarks/cli_batch.py --records 2000 40000 --workers 1 2
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARAGRAPH = "Pemerintah mengumumkan kebijakan baru untuk menekan harga beras di pasar tradisional."


def write_records(path: Path, count: int) -> None:
    """``count`` records: a headline, two paragraphs, a related link and an ad label."""
    with path.open("w", encoding="utf-8") as out:
        for n in range(count):
            lines = [
                f"Berita {n}",
                PARAGRAPH,
                f"Baca juga: Berita lain {n}",
                "ADVERTISEMENT",
                f"{n}. {PARAGRAPH}",
            ]
            text = "\n".join(lines)
            out.write(json.dumps({"id": n, "text": text}) + "\n")


def run_batch(source: Path, workers: int) -> tuple[float, int]:
    """Seconds taken and peak RSS (kB on Linux) of the largest process of one run.

    Each run is measured in a fresh child so ``RUSAGE_CHILDREN`` is its own.
    """
    probe = (
        "import resource, subprocess, sys, time; t = time.perf_counter(); "
        "subprocess.run(sys.argv[1:], check=True); "
        "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    command = [
        sys.executable,
        "-m",
        "cleannews",
        "batch",
        str(source),
        "-o",
        str(source.with_suffix(".out.jsonl")),
    ]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", probe, *command, "--workers", str(workers), "-q"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    seconds, peak = result.stdout.split()
    return float(seconds), int(peak)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, nargs="+", default=[2000, 40000])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    print(f"cpus={os.cpu_count()} load={os.getloadavg()[0]:.1f} started={started}")
    print("records  workers  seconds  documents/s  peak RSS (MB)")
    with tempfile.TemporaryDirectory() as folder:
        for count in args.records:
            source = Path(folder) / f"records{count}.jsonl"
            write_records(source, count)
            for workers in args.workers:
                seconds, peak = run_batch(source, workers)
                print(
                    f"{count:7d}  {workers:7d}  {seconds:7.1f}  {count / seconds:11.0f}  {peak / 1024:13.1f}"
                )


if __name__ == "__main__":
    main()
