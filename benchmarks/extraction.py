"""Score `cleannews.clean_html` beside trafilatura (each of its modes),
readability-lxml and jusText on the public HTML sets, in one run.

    python benchmarks/extraction.py [DATA] [--sets NAME ...] [--tools NAME ...] [--sample N]
                                    [--dump DIR] [--bootstrap N]

``DATA`` holds ``scrapinghub/``, ``dragnet/``, ``cleaneval/`` and
``cleanportaleval/`` (each ``html/<id>.html.gz`` and ``ground-truth.json``);
it defaults to ``../shared/benchmarks`` beside the repository. ``--sample N``
scores the first ``N`` pages of each set in a fixed shuffle (seed 0), the
same pages on every run. On the sets whose gold starts with the headline
(dragnet, cleaneval, cleanportaleval) clean_html is scored on
`Article.render` (title, then body); a second row scores its body alone, from
the same run. The metric is Scrapinghub's own (see its README): ``\\w+``
tokens, multisets of word 4-gram shingles, per-page precision and recall
(each page weighs the same), precision and recall averaged over pages,
F1 of those means, and accuracy, the share of pages whose token sequence is
the truth's exactly. The ± values are standard deviations over bootstrap
resamples of the pages. Pages/s is the extractor alone, pages already
decompressed, in this process, one page at a time, by CPU time of the process
(other jobs on a shared machine do not count), after one warm-up page (imports,
compiled patterns). The speed ratio printed under each table is clean_html's
pages/s over trafilatura's with its defaults, in the same run. On sets whose
gold marks headings (cleaneval, cleanportaleval), a second table scores
headings: clean_html's title and headings (with their levels) against
trafilatura's ``<head>`` elements (its XML output), exact matches of
case-folded ``\\w+`` tokens, pooled over pages.
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

#: What an extractor gives for a page: its text, and, for clean_html, its article.
Output = tuple[str, object]


def run_clean_html(html: str) -> Output:
    import cleannews

    article = cleannews.clean_html(html)
    return article.render(), article


def run_trafilatura(html: str, **options: bool) -> Output:
    import trafilatura

    return trafilatura.extract(html, **options) or "", None


def run_readability(html: str) -> Output:
    from bs4 import BeautifulSoup
    from readability import Document

    summary = Document(html).summary(html_partial=True)
    return BeautifulSoup(summary, "lxml").get_text("\n"), None


def run_justext(html: str) -> Output:
    import justext

    paragraphs = justext.justext(html, justext.get_stoplist("English"))
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate), None


CLEANNEWS = "cleannews.clean_html"
TRAFILATURA = "trafilatura (default)"
EXTRACTORS: dict[str, Callable[[str], Output]] = {
    CLEANNEWS: run_clean_html,
    TRAFILATURA: run_trafilatura,
    "trafilatura (include_comments=False)": lambda html: run_trafilatura(html, include_comments=False),
    "trafilatura (favor_precision)": lambda html: run_trafilatura(html, favor_precision=True),
    "trafilatura (favor_recall)": lambda html: run_trafilatura(html, favor_recall=True),
    "readability-lxml": run_readability,
    "jusText (English stoplist)": run_justext,
}
#: The public sets, and whether each one's gold starts with the page's headline.
SETS = {"scrapinghub": False, "dragnet": True, "cleaneval": True, "cleanportaleval": True}


# The run ----------------------------------------------------------------------


@dataclass(frozen=True)
class Bench:
    """One set: pages (id -> HTML), gold bodies and gold headings (id -> list; empty when unmarked)."""

    name: str
    pages: dict[str, str]
    truths: dict[str, str]
    headings: dict[str, list[str]]


def load(data: Path, name: str = "scrapinghub", sample: int = 0) -> Bench:
    """The set ``name`` under ``data``; with ``sample``, its first ``sample``
    pages in a fixed shuffle."""
    root = data / name
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    keys = sorted(truth)
    if sample:
        random.Random(0).shuffle(keys)
        keys = sorted(keys[:sample])
    pages = {
        key: gzip.decompress((root / "html" / f"{key}.html.gz").read_bytes()).decode("utf-8") for key in keys
    }
    bodies = {key: truth[key].get("articleBody") or "" for key in keys}
    headings = {key: _as_list(truth[key].get("headings")) for key in keys}
    return Bench(name, pages, bodies, headings)


def _as_list(value: object) -> list[str]:
    """Gold headings, stored as a list or as the text of a Python list."""
    if isinstance(value, list):
        return [str(v) for v in value]
    if isinstance(value, str) and value.startswith("["):
        import ast

        with contextlib.suppress(ValueError, SyntaxError):
            return [str(v) for v in ast.literal_eval(value)]
    return []


def extract_all(extract: Callable[[str], Output], pages: dict[str, str]) -> tuple[dict[str, Output], float]:
    """Each page's output (empty when the extractor fails), and pages per CPU second."""
    out = {}
    with contextlib.suppress(Exception):  # warm-up: imports and compiled patterns are not per page
        extract(next(iter(pages.values()), ""))
    start = time.process_time()
    for key, html in pages.items():
        try:
            out[key] = extract(html)
        except Exception as error:  # a peer failing on one page scores it empty
            print(f"  {key[:12]}: {type(error).__name__}: {error}"[:200], file=sys.stderr)
            out[key] = ("", None)
    return out, len(pages) / max(1e-9, time.process_time() - start)


Row = tuple[str, dict[str, float], dict[str, float], float]


def table(rows: list[Row]) -> str:
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


# Headings ---------------------------------------------------------------------


def heading_key(text: str) -> str:
    """A heading as compared: its case-folded ``\\w+`` tokens.

    >>> heading_key("* Why?  It's TIME")
    'why it s time'
    """
    return " ".join(_TOKEN.findall(text.casefold()))


def heading_scores(truth: dict[str, list[str]], found: dict[str, list[str]]) -> dict[str, float]:
    """Precision, recall and F1 of found headings against the gold's, each
    page's matches a multiset intersection, pooled over pages.

    >>> heading_scores({"a": ["One", "Two"]}, {"a": ["one", "Three"]})
    {'precision': 0.5, 'recall': 0.5, 'f1': 0.5}
    """
    tp = fp = fn = 0
    for key, gold in truth.items():
        true = Counter(k for k in map(heading_key, gold) if k)
        pred = Counter(k for k in map(heading_key, found.get(key, [])) if k)
        tp += sum((true & pred).values())
        fp += sum((pred - true).values())
        fn += sum((true - pred).values())
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def cleannews_headings(article: object) -> list[tuple[str, int]]:
    """clean_html's title (level 1) and headings with their levels."""
    if article is None:
        return []
    found = [(article.title, 1)] if article.title else []  # type: ignore[attr-defined]
    found += [(b.text, getattr(b, "level", None) or 2) for b in article.blocks if b.kind == "heading"]  # type: ignore[attr-defined]
    return found


def trafilatura_headings(html: str) -> list[tuple[str, int]]:
    """trafilatura's headings (its XML ``<head rend="hN">``) with their levels."""
    import trafilatura
    from lxml import etree

    xml = trafilatura.extract(html, output_format="xml", include_comments=False)
    if not xml:
        return []
    root = etree.fromstring(xml.encode("utf-8"), etree.XMLParser(recover=True, huge_tree=True))
    if root is None:
        return []
    out = []
    for head in root.iter("head"):
        rend = head.get("rend") or ""
        level = int(rend[1]) if rend[:1] == "h" and rend[1:2].isdigit() else 0
        out.append((" ".join("".join(head.itertext()).split()), level))
    return out


def heading_table(bench: Bench, articles: dict[str, Output]) -> str:
    """Heading P/R/F1 of clean_html and trafilatura on ``bench``, with the
    levels each gives to the headings it got right."""
    gold = {k: v for k, v in bench.headings.items() if v}
    ours = {k: cleannews_headings(articles[k][1]) for k in gold if k in articles}
    theirs = {}
    for key in gold:
        try:
            theirs[key] = trafilatura_headings(bench.pages[key])
        except Exception:  # scored as no headings
            theirs[key] = []
    lines = [
        f"Headings on {len(gold)} pages of {bench.name} with gold headings"
        f" ({sum(map(len, gold.values()))} headings):\n",
        "| Extractor | Precision | Recall | F1 | Levels of the headings matched |",
        "|---|---|---|---|---|",
    ]
    for name, found in ((CLEANNEWS, ours), ("trafilatura (XML, include_comments=False)", theirs)):
        scores = heading_scores(gold, {k: [t for t, _ in v] for k, v in found.items()})
        levels: Counter[int] = Counter()
        for key, heads in found.items():
            keys = Counter(heading_key(g) for g in gold[key])
            for text, level in heads:
                if keys[heading_key(text)] > 0:
                    keys[heading_key(text)] -= 1
                    levels[level] += 1
        shown = ", ".join(f"h{lv}: {n}" if lv else f"none: {n}" for lv, n in sorted(levels.items()))
        cells = " | ".join(f"{scores[k]:.3f}" for k in ("precision", "recall", "f1"))
        lines.append(f"| {name} | {cells} | {shown} |")
    return "\n".join(lines)


def score_set(bench: Bench, tools: Sequence[str], rounds: int, dump: Path | None) -> str:
    """The tables for one set: every tool in one run."""
    rows: list[Row] = []
    speeds: dict[str, float] = {}
    ours: dict[str, Output] = {}
    for name in tools:
        outputs, speed = extract_all(EXTRACTORS[name], bench.pages)
        speeds[name] = speed
        views = [(name, {k: v[0] for k, v in outputs.items()})]
        if name == CLEANNEWS:
            ours = outputs
            bodies = {k: getattr(v[1], "text", "") for k, v in outputs.items()}
            views = (
                [(f"{name} (title + body)", views[0][1]), (f"{name} (body only)", bodies)]
                if SETS.get(bench.name)
                else [(name, bodies)]
            )
        for view, predictions in views:
            scores = [PageScore.of(bench.truths[k], predictions[k]) for k in bench.pages]
            rows.append((view, summarize(scores), bootstrap_std(scores, rounds), speed))
            if dump:
                _dump(dump / bench.name, view, predictions, dict(zip(bench.pages, scores, strict=True)))
    out = [f"### {bench.name}: {len(bench.pages)} pages\n", table(rows)]
    if CLEANNEWS in speeds and TRAFILATURA in speeds:
        out.append(
            f"\nclean_html pages/s over trafilatura (default): {speeds[CLEANNEWS] / speeds[TRAFILATURA]:.2f}x"
        )
    if ours and any(bench.headings.values()):
        out.append("\n" + heading_table(bench, ours))
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA, help="folder holding the sets")
    parser.add_argument("--sets", nargs="+", choices=list(SETS), default=list(SETS))
    parser.add_argument("--tools", nargs="+", choices=list(EXTRACTORS), default=list(EXTRACTORS))
    parser.add_argument("--sample", type=int, default=0, help="pages per set, in a fixed shuffle (0: all)")
    parser.add_argument("--bootstrap", type=int, default=1000, help="resamples for the ± values (0: none)")
    parser.add_argument("--dump", type=Path, help="write each tool's per-page predictions and scores here")
    args = parser.parse_args(argv)
    # The peers log a warning for every odd page; the table is the output.
    logging.disable(logging.WARNING)
    data = args.data.resolve()
    print(f"Sets from {data}" + (f", {args.sample} pages each (fixed shuffle)" if args.sample else ""))
    for name in args.sets:
        print(
            "\n" + score_set(load(data, name, args.sample), args.tools, args.bootstrap, args.dump), flush=True
        )
    return 0


def _dump(folder: Path, name: str, predictions: dict[str, str], scores: dict[str, PageScore]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    slug = re.sub(r"\W+", "-", name).strip("-")
    records = {k: {"prediction": predictions[k], **vars(scores[k])} for k in predictions}
    (folder / f"{slug}.json").write_text(json.dumps(records, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
