"""Hand labels of ``indonesian-raw``: kept in the repo as ids, line numbers,
labels and categories only; the texts stay in ``../shared``.

The labels follow the conventions of ``indonesian-dev/README.md`` (labels
``title``, ``heading``, ``body``, ``junk``; a category for each junk line).
Each file ``benchmarks/labels/indonesian-raw/*.jsonl`` holds one JSON object
per article::

    {"id": "idraw-00012", "outlet": "news.detik.com",
     "lines": [[0, "title", null], [2, "junk", "artifact"], [3, "body", null], ...]}

``line_no`` indexes ``raw.split("\\n")``, as in indonesian-dev; every line
that is not blank (``line.strip()`` not empty) has exactly one label.

Commands (``DATA`` defaults to ``../shared/benchmarks``)::

    python benchmarks/labels.py select [--data DATA] [--batches 3]   # which articles, per batch
    python benchmarks/labels.py show ID... [--data DATA]              # numbered non-blank lines
    python benchmarks/labels.py check [FILE...] [--data DATA]         # every line labelled once
    python benchmarks/labels.py build [--data DATA] -o OUT.jsonl      # records as in indonesian-dev
    python benchmarks/labels.py stats [--data DATA]                   # counts per outlet and label

``build`` writes records in the format of ``indonesian-dev/articles.jsonl``
(``raw``, ``lines`` with ``text``, ``label``, ``category``) to a path of your
choice outside the repository: the texts must not enter the repo.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "benchmarks"
LABEL_DIR = REPO / "benchmarks" / "labels" / "indonesian-raw"
LABELS = ("title", "heading", "body", "junk")
#: indonesian-dev's categories for junk lines.
CATEGORIES = (
    "related",
    "byline",
    "share",
    "other",
    "caption",
    "ad",
    "marker",
    "newsletter",
    "comment",
    "video_promo",
    "artifact",
)
#: Articles drawn per outlet (all of the smaller outlets), 300+ in all.
PER_OUTLET = {
    "www.detik.com": 68,
    "finance.detik.com": 54,
    "oto.detik.com": 34,
    "news.detik.com": 34,
    "inet.detik.com": 28,
}
SEED = 20261202


def raw_articles(data: Path) -> dict[str, dict]:
    path = data / "indonesian-raw" / "articles.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        records = (json.loads(line) for line in lines)
        return {r["id"]: r for r in records}


def selection(articles: dict[str, dict]) -> list[str]:
    """The ids to label: a fixed draw per large outlet, every article of the
    others, in id order."""
    by_outlet: dict[str, list[str]] = defaultdict(list)
    for article_id in sorted(articles):
        by_outlet[articles[article_id]["outlet"]].append(article_id)
    rng = random.Random(SEED)
    chosen: list[str] = []
    for outlet in sorted(by_outlet):
        ids = by_outlet[outlet]
        count = PER_OUTLET.get(outlet, len(ids))
        chosen += ids if count >= len(ids) else rng.sample(ids, count)
    return sorted(chosen)


def batches(ids: list[str], count: int) -> list[list[str]]:
    """``ids`` dealt into ``count`` batches, so each batch spans every outlet."""
    return [ids[i::count] for i in range(count)]


def non_blank(raw: str) -> list[tuple[int, str]]:
    return [(n, line) for n, line in enumerate(raw.split("\n")) if line.strip()]


def label_files(paths: Iterable[Path] = ()) -> list[Path]:
    return sorted(paths) or sorted(LABEL_DIR.glob("*.jsonl"))


def read_labels(paths: Iterable[Path]) -> Iterator[tuple[Path, int, dict]]:
    for path in paths:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if line.strip():
                yield path, number, json.loads(line)


def problems(entry: dict, articles: dict[str, dict]) -> list[str]:
    """What is wrong with one article's labels, if anything."""
    article = articles.get(entry.get("id"))
    if article is None:
        return [f"unknown id {entry.get('id')!r}"]
    found = []
    expected = {n for n, _ in non_blank(article["raw"])}
    seen = Counter(row[0] for row in entry["lines"])
    if missing := sorted(expected - set(seen)):
        found.append(f"lines without a label: {missing}")
    if extra := sorted(set(seen) - expected):
        found.append(f"labels for blank or missing lines: {extra}")
    if twice := sorted(n for n, c in seen.items() if c > 1):
        found.append(f"lines labelled twice: {twice}")
    for line_no, label, category in entry["lines"]:
        if label not in LABELS:
            found.append(f"line {line_no}: unknown label {label!r}")
        elif (label == "junk") != (category is not None):
            found.append(f"line {line_no}: a category goes with junk and only with junk")
        elif category is not None and category not in CATEGORIES:
            found.append(f"line {line_no}: unknown category {category!r}")
    if entry.get("outlet") != article["outlet"]:
        found.append(f"outlet is {article['outlet']!r}")
    return found


def build(articles: dict[str, dict], paths: Iterable[Path]) -> Iterator[dict]:
    """Labelled records in the format of indonesian-dev."""
    for _, _, entry in read_labels(paths):
        article = articles[entry["id"]]
        texts = dict(non_blank(article["raw"]))
        rows = sorted(entry["lines"])
        yield {
            "id": article["id"],
            "outlet": article["outlet"],
            "site": article["site"],
            "url": article["url"],
            "lang": "id",
            "has_title_line": any(label == "title" for _, label, _ in rows),
            "raw": article["raw"],
            "lines": [
                {"line_no": n, "text": texts[n], "label": label, "category": category}
                for n, label, category in rows
            ],
        }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=["select", "show", "check", "build", "stats"])
    parser.add_argument("args", nargs="*", help="ids for show, label files for check")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--batches", type=int, default=3)
    parser.add_argument("-o", "--output", type=Path)
    options = parser.parse_args(argv)
    articles = raw_articles(options.data)
    if options.command == "select":
        for number, batch in enumerate(batches(selection(articles), options.batches)):
            print(f"batch {number}: {len(batch)} articles")
            print(" ".join(batch))
    elif options.command == "show":
        for article_id in options.args:
            article = articles[article_id]
            print(f"== {article_id} {article['outlet']} title field: {article['title']!r}")
            for number, line in non_blank(article["raw"]):
                print(f"{number:4d} | {line}")
    elif options.command == "check":
        bad = 0
        for path, number, entry in read_labels(label_files(map(Path, options.args))):
            for problem in problems(entry, articles):
                bad += 1
                print(f"{path.name}:{number} {entry.get('id')}: {problem}")
        print(f"{bad} problems", file=sys.stderr)
        return 1 if bad else 0
    elif options.command == "build":
        if options.output is None:
            parser.error("build needs -o OUT.jsonl (outside the repository)")
        if options.output.resolve().is_relative_to(REPO):
            parser.error("the labelled texts must not be written inside the repository")
        with options.output.open("w", encoding="utf-8") as out:
            for record in build(articles, label_files()):
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
    else:
        counts: Counter = Counter()
        outlets: Counter = Counter()
        for _, _, entry in read_labels(label_files()):
            outlets[entry["outlet"]] += 1
            counts.update(label if label != "junk" else f"junk/{cat}" for _, label, cat in entry["lines"])
        print(json.dumps({"articles": sum(outlets.values()), "outlets": outlets, "lines": counts}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
