"""One digest of everything `clean_text` makes of a fixed set of inputs.

    python benchmarks/same_output.py [DATA] [--megabytes 2] [--html] [--dump FILE]

A speed change must not change output: run this before and after, and the
digests must be equal. The inputs: the throughput corpus (`corpus.py`,
``--megabytes`` of it, with typographic paragraphs as `throughput.py` makes
them), every page of each ``*-text`` corpus (scrapinghub, dragnet, cleaneval,
cleanportaleval) in both variants (``input_lines`` and ``input_escaped``),
every raw text of ``indonesian-dev`` and of ``indonesian-raw``, the text
fixtures, a few hostile inputs (long lines, runs of marks), and each of the
dev texts again with the first line given as ``title=``. ``--html`` adds
`clean_html` over the scrapinghub pages and the HTML fixtures (slow).
``DATA`` defaults to ``../shared/benchmarks`` beside the repository root.
Each group gets its own digest, so a change can be traced to its inputs;
``--dump`` writes every output as JSON lines, to diff two runs.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import corpus

sys.path.insert(0, str(corpus.REPO))
import cleannews

Case = tuple[str, Callable[[], cleannews.Article]]
#: The text corpora of the shared benchmark folder (each a ``pages.jsonl``).
TEXT_CORPORA = ("scrapinghub-text", "dragnet-text", "cleaneval-text", "cleanportaleval-text")


def hostile() -> list[str]:
    """Small inputs that take the long-line and odd-character paths."""
    return [
        "kata " * 3000,
        "Baca juga: " + "x" * 2500,
        "a" + " " * 3000 + "b",
        ".,:;-/|!?" * 400,
        "(" * 1000 + ")" * 1000,
        "ADVERTISEMENT\n" * 50 + "Isi berita yang panjang dan jelas sekali hari ini.",
        "Judul\n\n" + "Foto: " + "Ab " * 900,
        "İstanbul ılık\u200b hava\n\nKOMENTAR\n\u00a0\n\\n\\n\nEditor: Sinta",
    ]


def text_cases(data: Path, megabytes: float) -> Iterator[tuple[str, list[Case]]]:
    docs = corpus.build(data, megabytes=megabytes, typographic=0.25)
    yield "corpus", [(str(n), _text(d.text)) for n, d in enumerate(docs)]
    for name in TEXT_CORPORA:
        pages = data / name / "pages.jsonl"
        records = [json.loads(line) for line in pages.open(encoding="utf-8")] if pages.exists() else []
        for field in ("input_lines", "input_escaped"):
            yield f"{name} {field}", [(r["id"], _text(r[field])) for r in records]
        yield f"{name} titled", [(r["id"], _titled(r["input_lines"])) for r in records]
    dev = data / "indonesian-dev" / "articles.jsonl"
    lines = dev.open(encoding="utf-8") if dev.exists() else []
    articles = [json.loads(line) for line in lines if line.strip()]
    yield "indonesian-dev", [(a["id"], _text(a["raw"])) for a in articles]
    yield "indonesian-dev titled", [(a["id"], _titled(a["raw"])) for a in articles]
    raw = data / "indonesian-raw" / "articles.jsonl.gz"
    lines = gzip.decompress(raw.read_bytes()).decode("utf-8").splitlines() if raw.exists() else []
    articles = [json.loads(line) for line in lines if line.strip()]
    yield "indonesian-raw", [(a["id"], _text(a["raw"])) for a in articles]
    yield "hostile", [(str(n), _text(t)) for n, t in enumerate(hostile())]


def html_cases(data: Path) -> Iterator[tuple[str, list[Case]]]:
    folder = data / "scrapinghub" / "html"
    pages = sorted(folder.glob("*.gz"))
    yield "scrapinghub html", [(p.name, _html(gzip.decompress(p.read_bytes()))) for p in pages]
    fixtures = sorted((corpus.REPO / "fixtures").glob("*.html"))
    yield "html fixtures", [(p.name, _html(p.read_bytes())) for p in fixtures]


def _text(raw: str) -> Callable[[], cleannews.Article]:
    return lambda: cleannews.clean_text(raw)


def _titled(raw: str) -> Callable[[], cleannews.Article]:
    first, _, rest = raw.partition("\n")
    return lambda: cleannews.clean_text(rest, title=first)


def _html(page: bytes) -> Callable[[], cleannews.Article]:
    return lambda: cleannews.clean_html(page)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=corpus.DEFAULT_DATA)
    parser.add_argument("--megabytes", type=float, default=2, help="size of the throughput corpus part")
    parser.add_argument("--html", action="store_true", help="also clean_html over the scrapinghub pages")
    parser.add_argument("--dump", type=Path, help="write every output as JSON lines here")
    args = parser.parse_args(argv)
    groups = list(text_cases(args.data, args.megabytes))
    if args.html:
        groups += list(html_cases(args.data))
    total = hashlib.sha256()
    dump = args.dump.open("w", encoding="utf-8") if args.dump else None
    for name, cases in groups:
        digest = hashlib.sha256()
        for key, clean in cases:
            line = json.dumps(clean().to_dict(), ensure_ascii=False, sort_keys=True)
            digest.update(line.encode("utf-8") + b"\n")
            if dump:
                record = {"group": name, "id": key, "out": json.loads(line)}
                dump.write(json.dumps(record, ensure_ascii=False) + "\n")
        total.update(digest.digest())
        print(f"{digest.hexdigest()[:16]}  {len(cases):5d}  {name}")
    if dump:
        dump.close()
    print(f"{total.hexdigest()}  all")


if __name__ == "__main__":
    main()
