"""Score `cleannews.clean_html` beside trafilatura, readability-lxml and jusText
on the Scrapinghub article-extraction benchmark, in one run.

    python benchmarks/extraction.py [DATA] [--tools NAME ...] [--dump DIR] [--bootstrap N]

``DATA`` holds ``scrapinghub/`` (``html/<id>.html.gz`` and
``ground-truth.json``); it defaults to ``../shared/benchmarks`` beside the
repository. The metric is the benchmark's own (see its README): ``\\w+``
tokens, multisets of word 4-gram shingles, per-page precision and recall
(each page weighs the same), precision and recall averaged over pages,
F1 of those means, and accuracy, the share of pages whose token sequence is
the truth's exactly. The ± values are standard deviations over bootstrap
resamples of the pages. Pages/s is the extractor alone, pages already
decompressed, in this process, one page at a time, by CPU time of the process
(other jobs on a shared machine do not count), after one warm-up page (imports,
compiled patterns).
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import logging
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# Score this checkout's cleannews, not an installed copy.
sys.path.insert(0, str(REPO))
DEFAULT_DATA = REPO.parent / "shared" / "benchmarks"
_TOKEN = re.compile(r"\w+")
_SHINGLE = 4

Extractor = Callable[[str], str]


# The metric -------------------------------------------------------------------


def shingles(text: str, n: int = _SHINGLE) -> Counter[tuple[str, ...]]:
    """The multiset of word ``n``-grams of ``text``; a text of fewer than
    ``n`` tokens gives one shorter shingle, an empty one none.

    >>> sorted(shingles("a b c d e"))
    [('a', 'b', 'c', 'd'), ('b', 'c', 'd', 'e')]
    >>> shingles("a b")
    Counter({('a', 'b'): 1})
    """
    tokens = _TOKEN.findall(text)
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])


@dataclass(frozen=True)
class PageScore:
    """One page's shingle counts, each divided by their sum, and whether
    its token sequence equals the truth's."""

    tp: float
    fp: float
    fn: float
    exact: bool

    @classmethod
    def of(cls, truth: str, prediction: str) -> PageScore:
        """
        >>> PageScore.of("a b c d e", "a b c d")
        PageScore(tp=0.5, fp=0.0, fn=0.5, exact=False)
        """
        true, pred = shingles(truth), shingles(prediction)
        tp = sum((true & pred).values())
        fp = sum((pred - true).values())
        fn = sum((true - pred).values())
        total = (tp + fp + fn) or 1
        exact = _TOKEN.findall(truth) == _TOKEN.findall(prediction)
        return cls(tp / total, fp / total, fn / total, exact)


def summarize(pages: Sequence[PageScore]) -> dict[str, float]:
    """Precision (mean over pages with a prediction), recall (mean over
    pages with a truth), F1 of the two means, and accuracy.

    >>> summarize([PageScore(0.5, 0.0, 0.5, False), PageScore(1.0, 0.0, 0.0, True)])
    {'precision': 1.0, 'recall': 0.75, 'f1': 0.8571428571428571, 'accuracy': 0.5}
    """
    precisions = [p.tp / (p.tp + p.fp) for p in pages if p.tp + p.fp > 0]
    recalls = [p.tp / (p.tp + p.fn) for p in pages if p.tp + p.fn > 0]
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    accuracy = sum(p.exact for p in pages) / len(pages) if pages else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "accuracy": accuracy}


def bootstrap_std(pages: Sequence[PageScore], rounds: int, seed: int = 0) -> dict[str, float]:
    """Standard deviation of each summary figure over ``rounds`` resamples."""
    if rounds < 2 or not pages:
        return {}
    rng = random.Random(seed)
    samples = [summarize(rng.choices(pages, k=len(pages))) for _ in range(rounds)]
    out = {}
    for key in samples[0]:
        values = [s[key] for s in samples]
        mean = sum(values) / len(values)
        out[key] = (sum((v - mean) ** 2 for v in values) / (len(values) - 1)) ** 0.5
    return out


# The extractors -----------------------------------------------------------------


def run_clean_html(html: str) -> str:
    import cleannews

    return cleannews.clean_html(html).text


def run_trafilatura(html: str, **options: bool) -> str:
    import trafilatura

    return trafilatura.extract(html, **options) or ""


def run_readability(html: str) -> str:
    from bs4 import BeautifulSoup
    from readability import Document

    summary = Document(html).summary(html_partial=True)
    return BeautifulSoup(summary, "lxml").get_text("\n")


def run_justext(html: str) -> str:
    import justext

    paragraphs = justext.justext(html, justext.get_stoplist("English"))
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


EXTRACTORS: dict[str, Extractor] = {
    "cleannews.clean_html": run_clean_html,
    "trafilatura (default)": run_trafilatura,
    "trafilatura (include_comments=False)": lambda html: run_trafilatura(html, include_comments=False),
    "readability-lxml": run_readability,
    "jusText (English stoplist)": run_justext,
}


# The run ----------------------------------------------------------------------


def load(data: Path) -> tuple[dict[str, str], dict[str, str]]:
    """Pages (id -> HTML) and truths (id -> article body) of the benchmark."""
    root = data / "scrapinghub"
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    pages = {
        key: gzip.decompress((root / "html" / f"{key}.html.gz").read_bytes()).decode("utf-8")
        for key in sorted(truth)
    }
    return pages, {key: truth[key].get("articleBody") or "" for key in pages}


def extract_all(extract: Extractor, pages: dict[str, str]) -> tuple[dict[str, str], float]:
    """Each page's prediction (empty when the extractor fails), and pages per CPU second."""
    out = {}
    with contextlib.suppress(Exception):  # warm-up: imports and compiled patterns are not per page
        extract(next(iter(pages.values()), ""))
    start = time.process_time()
    for key, html in pages.items():
        try:
            out[key] = extract(html)
        except Exception as error:  # a peer failing on one page scores it empty
            print(f"  {key[:12]}: {type(error).__name__}: {error}"[:200], file=sys.stderr)
            out[key] = ""
    return out, len(pages) / (time.process_time() - start)


def table(rows: list[tuple[str, dict[str, float], dict[str, float], float]]) -> str:
    """The results as a Markdown table."""

    def cell(summary: dict[str, float], std: dict[str, float], key: str) -> str:
        return f"{summary[key]:.3f} ± {std[key]:.3f}" if key in std else f"{summary[key]:.3f}"

    lines = [
        "| Extractor | Precision | Recall | F1 | Accuracy | Pages/s |",
        "|---|---|---|---|---|---|",
    ]
    for name, summary, std, speed in rows:
        cells = [cell(summary, std, k) for k in ("precision", "recall", "f1", "accuracy")]
        lines.append(f"| {name} | {' | '.join(cells)} | {speed:.1f} |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "data", nargs="?", type=Path, default=DEFAULT_DATA, help="folder holding scrapinghub/"
    )
    parser.add_argument("--tools", nargs="+", choices=list(EXTRACTORS), default=list(EXTRACTORS))
    parser.add_argument("--bootstrap", type=int, default=1000, help="resamples for the ± values (0: none)")
    parser.add_argument("--dump", type=Path, help="write each tool's per-page predictions and scores here")
    args = parser.parse_args(argv)
    # The peers log a warning for every odd page; the table is the output.
    logging.disable(logging.WARNING)
    data = args.data.resolve()
    pages, truths = load(data)
    rows = []
    for name in args.tools:
        predictions, speed = extract_all(EXTRACTORS[name], pages)
        scores = [PageScore.of(truths[k], predictions[k]) for k in pages]
        rows.append((name, summarize(scores), bootstrap_std(scores, args.bootstrap), speed))
        if args.dump:
            _dump(args.dump, name, predictions, dict(zip(pages, scores, strict=True)))
    print(f"{len(pages)} pages from {data}\n")
    print(table(rows))
    return 0


def _dump(folder: Path, name: str, predictions: dict[str, str], scores: dict[str, PageScore]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    slug = re.sub(r"\W+", "-", name).strip("-")
    records = {k: {"prediction": predictions[k], **vars(scores[k])} for k in predictions}
    (folder / f"{slug}.json").write_text(json.dumps(records, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
