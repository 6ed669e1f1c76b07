"""Throughput of cleannews beside the tools around it, on one core.

    python benchmarks/throughput.py [--data ../shared/benchmarks] [--megabytes 20] [--runs 5]

Text: `clean_text` with the default steps, `ftfy.fix_text` alone, clean-text's
`clean()`, and a split-lines loop with one regex (the floor of Python's cost:
a `\\s+` substitution on each line, and one search on each as issue 6 words it),
each over the same corpus (see `corpus.py`), median of ``--runs`` runs in this
process. Also counts the mojibake articles whose damaged paragraph came out
repaired. HTML: `clean_html` beside `trafilatura.extract` (its defaults, and
with metadata) on the scrapinghub pages, each given the page as a str, and
clean_html's time split into its parts. Then the batch command with 1 and 2 workers, and the growth
of resident memory over an in-process loop of ``--memory-docs`` articles.
"""

from __future__ import annotations

import argparse
import gc
import gzip
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Sequence
from pathlib import Path

import corpus

sys.path.insert(0, str(corpus.REPO))
import cleannews

_SPACE = re.compile(r"\s+")
_LABEL = re.compile(r"advertisement", re.IGNORECASE)


def split_lines_floor(text: str) -> list[str]:
    """The least a line-based cleaner does: split lines, one regex on each."""
    return [_SPACE.sub(" ", line) for line in text.splitlines()]


def split_lines_search(text: str) -> list[bool]:
    """The floor as issue 6 words it: split lines, one compiled regex search
    on each (a label looked for, nothing replaced)."""
    return [_LABEL.search(line) is not None for line in text.splitlines()]


def median_seconds(fn: Callable[[str], object], texts: Sequence[str], runs: int) -> float:
    """Median CPU time of this process (one core: every tool here is
    single-threaded) of ``fn`` over every text, over ``runs`` runs. CPU time,
    not wall time, so other work on the machine does not count."""
    times = []
    for _ in range(runs):
        gc.collect()
        start = time.process_time()
        for text in texts:
            fn(text)
        times.append(time.process_time() - start)
    return statistics.median(times)


def text_tools() -> dict[str, Callable[[str], object]]:
    import ftfy

    tools: dict[str, Callable[[str], object]] = {
        "cleannews.clean_text (default steps)": cleannews.clean_text,
        "ftfy.fix_text": ftfy.fix_text,
    }
    try:
        import cleantext  # the clean-text package (pip install cleannews[bench])
    except ImportError:
        print("(clean-text is not installed: its row is left out)")
    else:
        tools["cleantext.clean (clean-text defaults)"] = cleantext.clean
    tools["split lines + one regex (floor)"] = split_lines_floor
    tools["split lines + one regex search (the issue's floor)"] = split_lines_search
    return tools


def text_throughput(docs: list[corpus.Doc], runs: int) -> None:
    texts = [d.text for d in docs]
    megabytes = corpus.size_mb(texts)
    non_ascii = sum(not t.isascii() for t in texts)
    print(
        f"\nCorpus: {len(texts)} articles ({non_ascii} with non-ASCII text), {megabytes:.1f} MB UTF-8, "
        f"median CPU time of {runs} runs\n"
    )
    print("| tool | MB/s | docs/s | x ftfy |")
    print("|---|---:|---:|---:|")
    rows = {name: median_seconds(fn, texts, runs) for name, fn in text_tools().items()}
    ftfy_seconds = rows["ftfy.fix_text"]
    for name, seconds in rows.items():
        rates = f"{megabytes / seconds:.1f} | {len(texts) / seconds:,.0f}"
        print(f"| {name} | {rates} | {ftfy_seconds / seconds:.2f} |")
    damaged = [d for d in docs if d.repaired is not None]
    repaired = sum(d.repaired in cleannews.clean_text(d.text).paragraphs for d in damaged)
    print(f"\nMojibake: {repaired} of {len(damaged)} damaged articles came out with the paragraph repaired.")


class CpuMeter:
    """Wraps functions to add up the CPU time spent in each (outermost calls
    only: a metered function called inside another is counted once, in the
    outer one), to split clean_html's time into its parts."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self._depth = 0

    def wrap(self, owner: object, name: str, part: str) -> Callable[[], None]:
        """Meter ``owner.name`` as ``part``; returns the function that restores it."""
        original = getattr(owner, name)

        def metered(*args: object, **kwargs: object) -> object:
            self._depth += 1
            start = time.process_time()
            try:
                return original(*args, **kwargs)
            finally:
                self._depth -= 1
                if not self._depth:
                    self.seconds[part] = self.seconds.get(part, 0.0) + time.process_time() - start

        setattr(owner, name, metered)
        return lambda: setattr(owner, name, original)


#: The parts of clean_html's time, in the order they are reported, and the
#: functions that make each up. The reader looks each one up when it is
#: called, so wrapping the attribute meters every call. What no part holds
#: is cleannews's own reader work (tree walks, title, metadata, Article).
HTML_PARTS = (
    ("trafilatura: parsing the page (load_html)", "cleannews.readers.html", "parse_page"),
    ("trafilatura: the article (bare_extraction)", "trafilatura", "bare_extraction"),
    ("trafilatura: its XML output", "trafilatura.core", "determine_returnstring"),
    ("trafilatura: the page's metadata", "cleannews.readers.html", "page_fields"),
    ("readability-lxml (completion)", "readability", "Document.summary"),
    ("the default steps (text pipeline)", "cleannews", "run"),
)


def metered_parts() -> tuple[CpuMeter, list[Callable[[], None]]]:
    """A meter on every part of `HTML_PARTS`, and the functions that undo it."""
    import importlib

    meter, restore = CpuMeter(), []
    for part, module, name in HTML_PARTS:
        owner: object = importlib.import_module(module)
        *path, attr = name.split(".")
        for step in path:
            owner = getattr(owner, step)
        restore.append(meter.wrap(owner, attr, part))
    return meter, restore


def clean_html_split(pages: Sequence[str]) -> tuple[float, dict[str, float]]:
    """CPU time of one run of clean_html over ``pages``, and of each part."""
    meter, restore = metered_parts()
    try:
        total = median_seconds(cleannews.clean_html, pages, 1)
    finally:
        for undo in restore:
            undo()
    return total, meter.seconds


def html_pages(data: Path) -> list[str]:
    folder = data / "scrapinghub" / "html"
    return [gzip.decompress(p.read_bytes()).decode("utf-8", "replace") for p in sorted(folder.glob("*.gz"))]


def extract_with_metadata(html: str) -> object:
    """trafilatura.extract reading the metadata too, as clean_html does."""
    import trafilatura

    return trafilatura.extract(html, with_metadata=True)


def html_throughput(data: Path, runs: int) -> None:
    """clean_html beside trafilatura.extract, each given the page as a str,
    in turn within each run, so both see the same load; CPU time, median of
    ``runs`` runs, after one warm-up pass over every page (imports, compiled
    patterns, caches), and the split of the median run of clean_html."""
    import trafilatura

    pages = html_pages(data)
    if not pages:
        print(f"\nHTML: no pages under {data / 'scrapinghub' / 'html'}; skipped.")
        return
    if getattr(cleannews, "clean_html", None) is None:
        print("\nHTML: pending, cleannews.clean_html is not in this build.")
        return
    for page in pages:
        trafilatura.extract(page)
        extract_with_metadata(page)
        cleannews.clean_html(page)
    bases, with_meta, splits = [], [], []
    for _ in range(runs):
        bases.append(median_seconds(trafilatura.extract, pages, 1))
        with_meta.append(median_seconds(extract_with_metadata, pages, 1))
        splits.append(clean_html_split(pages))
    base, meta = statistics.median(bases), statistics.median(with_meta)
    total, parts = sorted(splits, key=lambda split: split[0])[len(splits) // 2]
    report_html(pages, runs, base, meta, total, parts)


def report_html(
    pages: Sequence[str], runs: int, base: float, meta: float, total: float, parts: dict[str, float]
) -> None:
    megabytes = corpus.size_mb(pages)
    print(
        f"\nHTML: {len(pages)} scrapinghub pages, {megabytes:.1f} MB, each tool given the page as a str; "
        f"CPU time, median of {runs} runs (the parts: of the median run of clean_html)\n"
    )
    print("| tool | CPU s | pages/s | vs trafilatura.extract |")
    print("|---|---:|---:|---:|")
    for name, seconds in (
        ("trafilatura.extract(html) (defaults)", base),
        ("trafilatura.extract(html, with_metadata=True)", meta),
        ("cleannews.clean_html(html)", total),
    ):
        print(f"| {name} | {seconds:.2f} | {len(pages) / seconds:.1f} | {seconds / base - 1:+.0%} |")
    for part, _, _ in HTML_PARTS:
        print(f"| - {part} | {parts.get(part, 0.0):.2f} | | {parts.get(part, 0.0) / base:.0%} |")
    own = total - sum(parts.values())
    print(f"| - cleannews's reader (tree walks, title, metadata, Article) | {own:.2f} | | {own / base:.0%} |")
    theirs = sum(v for k, v in parts.items() if k.startswith(("trafilatura", "readability")))
    steps = parts.get(HTML_PARTS[-1][0], 0.0)
    print(
        f"\nclean_html takes {total / base - 1:+.0%} over trafilatura.extract with its defaults "
        f"({total / meta - 1:+.0%} over it with metadata). cleannews's own work adds "
        f"{(own + steps) / theirs:.0%} to the trafilatura and readability calls clean_html makes "
        f"({theirs:.2f} s): the reader {own / theirs:.0%}, the default steps {steps / theirs:.0%}."
    )


def batch_available() -> bool:
    """Whether this build's command line has the ``batch`` subcommand."""
    probe = subprocess.run(
        [sys.executable, "-m", "cleannews", "batch", "--help"],
        capture_output=True,
        cwd=corpus.REPO,
        env=_env(),
    )
    return probe.returncode == 0


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(corpus.REPO)}


def batch_seconds(texts: Sequence[str], workers: int) -> tuple[float, float]:
    """Wall time of ``cleannews batch`` over ``texts`` as JSONL with
    ``workers``, and the CPU time of all its processes."""
    with tempfile.TemporaryDirectory() as tmp:
        source, target = Path(tmp) / "in.jsonl", Path(tmp) / "out.jsonl"
        with source.open("w", encoding="utf-8") as out:
            for n, text in enumerate(texts):
                out.write(json.dumps({"id": str(n), "text": text}, ensure_ascii=False) + "\n")
        start, children = time.perf_counter(), _children_cpu()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "cleannews",
                "batch",
                str(source),
                "-o",
                str(target),
                "--workers",
                str(workers),
                "--quiet",
            ],
            check=True,
            cwd=corpus.REPO,
            env=_env(),
        )
        return time.perf_counter() - start, _children_cpu() - children


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def batch_scaling(docs: list[corpus.Doc], workers: Sequence[int] = (1, 2)) -> None:
    if not batch_available():
        print("\nBatch: pending, this build has no `cleannews batch` command.")
        return
    texts = [d.text for d in docs]
    size = f"{len(texts)} articles, {corpus.size_mb(texts):.1f} MB"
    print(f"\nBatch: `cleannews batch` over {size}, wall time, {os.cpu_count()} CPUs on this machine\n")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"Load average before: {load:.1f}. CPU s counts every process of the run.\n")
    print("| workers | wall s | MB/s | speed-up | CPU s |")
    print("|---:|---:|---:|---:|---:|")
    first = None
    for n in workers:
        seconds, cpu = batch_seconds(texts, n)
        first = first or seconds
        rate = corpus.size_mb(texts) / seconds
        print(f"| {n} | {seconds:.1f} | {rate:.1f} | {first / seconds:.2f} | {cpu:.1f} |")


def rss_mb() -> float:
    """Current resident set size in MB (Linux /proc), else the peak so far."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 1e6
    except (OSError, ValueError):
        return peak_rss_mb()


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e6  # KiB on Linux


def memory_growth(docs: list[corpus.Doc], count: int, *, warmup: int = 5_000) -> None:
    """Resident memory over an in-process loop of ``count`` articles, then
    Python heap (tracemalloc) over a tenth of that: both must stay flat."""
    texts = [d.text for d in docs]
    for n in range(warmup):
        cleannews.clean_text(texts[n % len(texts)])
    gc.collect()
    start, peak_before = rss_mb(), peak_rss_mb()
    quarters = []
    for n in range(count):
        cleannews.clean_text(texts[n % len(texts)])
        if (n + 1) % max(count // 4, 1) == 0:
            quarters.append(rss_mb())
    print(
        f"\nMemory over {count:,} articles in one process (after {warmup:,} warm-up): RSS {start:.1f} MB "
        f"at start, {' / '.join(f'{q:.1f}' for q in quarters)} MB at each quarter "
        f"(growth {quarters[-1] - start:+.1f} MB); peak RSS {peak_before:.1f} MB before the loop, "
        f"{peak_rss_mb():.1f} MB after."
    )
    traced = max(count // 10, 4)
    tracemalloc.start()
    held = []
    for n in range(traced):
        cleannews.clean_text(texts[n % len(texts)])
        if (n + 1) % (traced // 4) == 0:
            held.append(tracemalloc.get_traced_memory()[0] / 1e6)
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    print(
        f"Python heap allocated since tracing began (tracemalloc), over {traced:,} more articles: "
        f"{' / '.join(f'{h:.2f}' for h in held)} MB held at each quarter, peak {peak:.2f} MB "
        "(the bounded caches fill, then it stays flat)."
    )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=corpus.DEFAULT_DATA, help="shared benchmark folder")
    parser.add_argument("--megabytes", type=float, default=20, help="size of the text corpus")
    parser.add_argument(
        "--typographic", type=float, default=0.25, help="share of paragraphs with curly quotes and dashes"
    )
    parser.add_argument("--runs", type=int, default=5, help="runs per tool; the median is reported")
    parser.add_argument("--html-runs", type=int, default=3)
    parser.add_argument("--memory-docs", type=int, default=100_000, help="0 to skip the memory loop")
    parser.add_argument("--skip", nargs="*", default=(), choices=("text", "html", "batch", "memory"))
    args = parser.parse_args(argv)
    print(f"cleannews {cleannews.__version__}, Python {sys.version.split()[0]}, {time.strftime('%Y-%m-%d')}")
    docs = corpus.build(args.data, megabytes=args.megabytes, typographic=args.typographic)
    if "text" not in args.skip:
        text_throughput(docs, args.runs)
    if "html" not in args.skip:
        html_throughput(args.data, args.html_runs)
    if "batch" not in args.skip:
        batch_scaling(docs)
    if "memory" not in args.skip and args.memory_docs:
        memory_growth(docs, args.memory_docs)


if __name__ == "__main__":
    main()
