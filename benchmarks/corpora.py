"""The labelled corpora in ``../shared/benchmarks``, read into one shape for
the training and quality scripts: one `Document` per page or article, with
its raw input and a label for every input line.

Labels: ``junk`` (residue: the corpora's ``junk`` and ``caption``),
``content`` (``content``, ``body``), ``heading``, ``title``, and ``ignore``
(``dup``, ``mixed``, or a line nobody labelled).

The texts are read at run time and never written into the repository.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "benchmarks"
#: Corpora flattened from HTML with the same recipe (see each folder's README).
TEXT_SETS = ("scrapinghub-text", "dragnet-text", "cleaneval-text", "cleanportaleval-text")
INDONESIAN = ("indonesian-dev", "indonesian-raw")
ALL = TEXT_SETS + INDONESIAN
#: Corpora whose terms forbid training the shipped weights on them: measure only.
MEASURE_ONLY = frozenset({"dragnet-text"})
_SPACE = re.compile(r"\s+")


def squash(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


@dataclass
class Document:
    """One labelled input: ``labels[n]`` is the label of line ``n`` of ``raw.split("\\n")``."""

    corpus: str
    id: str
    site: str
    raw: str
    labels: dict[int, str]
    record: dict = field(repr=False)


def host(url: str | None) -> str:
    """The host of a URL without ``www.``.

    >>> host("https://www.detik.com/x"), host(None)
    ('detik.com', '')
    """
    if not url:
        return ""
    name = urlparse(url).netloc.lower()
    return name.removeprefix("www.")


def _text_set(data: Path, name: str) -> Iterator[Document]:
    with (data / name / "pages.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            heads = {squash(g["text"]) for g in record["gold_blocks"] if g.get("kind") == "heading"}
            labels = {}
            for n, (text, label) in enumerate(
                zip(record["input_lines"].split("\n"), record["line_labels"], strict=True)
            ):
                if label in ("junk", "caption"):
                    labels[n] = "junk"
                elif label == "content":
                    labels[n] = "heading" if squash(text) in heads else "content"
                elif label == "title":
                    labels[n] = "title"
                else:
                    labels[n] = "ignore"
            yield Document(name, record["id"], host(record.get("url")), record["input_lines"], labels, record)


def _indonesian(records: Iterator[dict], name: str) -> Iterator[Document]:
    for record in records:
        labels = {x["line_no"]: {"body": "content"}.get(x["label"], x["label"]) for x in record["lines"]}
        site = record.get("outlet") or ""
        yield Document(name, record["id"], site, record["raw"], labels, record)


def _jsonl(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as lines:
        yield from (json.loads(line) for line in lines if line.strip())


def load(name: str, data: Path = DEFAULT_DATA) -> list[Document]:
    """The documents of one corpus (``indonesian-raw``: the hand-labelled
    articles, joined from ``benchmarks/labels`` by `labels.build`)."""
    if name in TEXT_SETS:
        return list(_text_set(data, name))
    if name == "indonesian-dev":
        return list(_indonesian(_jsonl(data / "indonesian-dev" / "articles.jsonl"), name))
    if name == "indonesian-raw":
        import labels

        files = labels.label_files()
        return list(_indonesian(labels.build(labels.raw_articles(data), files), name)) if files else []
    raise ValueError(f"unknown corpus {name!r}; known: {', '.join(ALL)}")


def available(data: Path = DEFAULT_DATA) -> list[str]:
    """The corpora that are present under ``data``."""
    found = [n for n in (*TEXT_SETS, "indonesian-dev") if (data / n).is_dir()]
    if (data / "indonesian-raw").is_dir() and any((REPO / "benchmarks" / "labels").rglob("*.jsonl")):
        found.append("indonesian-raw")
    return found
