"""Quality of `cleannews.clean_text` on the labelled dev sets, beside baselines.

Scores ``scrapinghub-text`` (both input variants) and ``indonesian-dev`` with
the metrics their READMEs define, and prints Markdown tables::

    python benchmarks/quality.py [DATA] [--set scrapinghub-text|indonesian-dev]
                                 [--details] [--no-baselines]

``DATA`` defaults to ``../shared/benchmarks`` beside the repository root.
``--details`` lists, per page, the junk lines ``clean_text`` kept and the
content lines it lost. This is a development script, not a test.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import regex

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import cleannews  # noqa: E402

DEFAULT_DATA = REPO.parent / "shared" / "benchmarks"
_CJK = r"\p{Han}\p{Hiragana}\p{Katakana}"
_TOKEN = regex.compile(rf"[{_CJK}]|[^\W{_CJK}]+")
_LITERAL_BREAK = "\\n"
_SPACE = re.compile(r"\s+")


# ---- what a cleaner returns -------------------------------------------------


@dataclass
class Output:
    """What a system returned for one input: a title and body blocks."""

    title: str | None
    blocks: list[str]
    headings: list[str] = field(default_factory=list)


Cleaner = Callable[[str, dict], Output]


def tokens(text: str) -> list[str]:
    """Casefolded Unicode words; a CJK character is one token.

    >>> tokens("Ia berkata: Don't 東京!")
    ['ia', 'berkata', 'don', 't', '東', '京']
    """
    return _TOKEN.findall(text.casefold())


def squash(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


# ---- systems ------------------------------------------------------------------


def run_cleannews(raw: str, record: dict) -> Output:
    art = cleannews.clean_text(raw)
    return Output(art.title, [b.text for b in art.blocks], art.headings)


def run_identity(raw: str, record: dict) -> Output:
    """The input as is; the first line is the title."""
    lines = [line for line in raw.split("\n") if line.strip()]
    return Output(lines[0] if lines else None, lines[1:])


#: Terminal marks: with these the junk-line figures of the README row come out exactly.
_C4_END = tuple(".!?\"”’')…»")


def run_c4(raw: str, record: dict) -> Output:
    """C4-style line filter: lines of >= 3 words ending in terminal punctuation,
    without "javascript" or "cookie"."""
    kept = []
    for line in raw.split("\n"):
        line = line.strip()
        low = line.casefold()
        if (
            len(line.split()) >= 3
            and line.endswith(_C4_END)
            and "javascript" not in low
            and "cookie" not in low
        ):
            kept.append(line)
    return Output(None, kept)


_JUSTEXT_LANGS = {
    "en": "English",
    "pt": "Portuguese",
    "ru": "Russian",
    "de": "German",
    "id": "Indonesian",
    "it": "Italian",
    "ja": "English",
    "ko": "English",
    "es": "Spanish",
    "fr": "French",
}


def run_justext(raw: str, record: dict) -> Output:
    """jusText over the lines after the first (the title, as for identity),
    each line a ``<p>``, with the page language's stoplist."""
    import html

    import justext

    stoplist = justext.get_stoplist(_JUSTEXT_LANGS.get(record.get("lang", "en"), "English"))
    lines = [line for line in raw.split("\n") if line.strip()]
    body = "".join(f"<p>{html.escape(line)}</p>" for line in lines[1:])
    paragraphs = justext.justext(f"<html><body>{body}</body></html>".encode(), stoplist)
    return Output(lines[0] if lines else None, [p.text for p in paragraphs if not p.is_boilerplate])


def run_trafilatura_html(data: Path) -> Cleaner:
    """trafilatura on the page's original HTML (a reference, not text mode)."""

    def clean(raw: str, record: dict) -> Output:
        import trafilatura

        path = data / "scrapinghub-text" / record["source_html_file"]
        page = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
        text = trafilatura.extract(page) or ""
        return Output(None, [line for line in text.split("\n") if line.strip()])

    return clean


# ---- matching -----------------------------------------------------------------


@dataclass
class OutputIndex:
    """An output, prepared for the "still there" and "kept" questions."""

    stream: str
    block_keys: Counter
    block_streams: list[str]
    grams: set[tuple[str, ...]]

    @classmethod
    def of(cls, texts: Sequence[str]) -> OutputIndex:
        texts = [t.replace(_LITERAL_BREAK, " ") for t in texts]
        toks = [tokens(t) for t in texts]
        flat = [t for ts in toks for t in ts]
        return cls(
            stream=" " + " ".join(flat) + " ",
            block_keys=Counter(tuple(sorted(ts)) for ts in toks),
            block_streams=[" " + " ".join(ts) + " " for ts in toks],
            grams={tuple(flat[i : i + 4]) for i in range(len(flat) - 3)},
        )

    def contains_run(self, toks: Sequence[str]) -> bool:
        return (" " + " ".join(toks) + " ") in self.stream

    def in_one_block(self, toks: Sequence[str]) -> bool:
        if not toks:  # the empty sequence lies inside any block
            return bool(self.block_streams)
        run = " " + " ".join(toks) + " "
        return any(run in s for s in self.block_streams)

    def aligned_share(self, toks: Sequence[str]) -> float:
        """Share of ``toks`` covered by runs of 4+ tokens found in the output."""
        covered = [False] * len(toks)
        for i in range(len(toks) - 3):
            if tuple(toks[i : i + 4]) in self.grams:
                covered[i : i + 4] = [True] * 4
        return sum(covered) / len(toks) if toks else 1.0


def junk_still_there(line: str, out: OutputIndex, spent: Counter) -> bool:
    """The README rule: 4+ tokens contiguous anywhere; shorter lines need a
    block with exactly their tokens (multiset, each block used once)."""
    toks = tokens(line.replace(_LITERAL_BREAK, " "))
    if len(toks) >= 4:
        return out.contains_run(toks)
    key = tuple(sorted(toks))
    if out.block_keys[key] > spent[key]:
        spent[key] += 1
        return True
    return False


def content_kept(line: str, out: OutputIndex) -> bool:
    """The README rule: contiguous, or 90% aligned in runs of 4+; a line
    under 4 tokens must sit inside one block."""
    toks = tokens(line)
    if len(toks) < 4:
        return out.in_one_block(toks)
    return out.contains_run(toks) or out.aligned_share(toks) >= 0.9


def prf(out_tokens: Counter, gold_tokens: Counter) -> tuple[float, float, float]:
    overlap = sum((out_tokens & gold_tokens).values())
    p = overlap / sum(out_tokens.values()) if out_tokens else (1.0 if not gold_tokens else 0.0)
    r = overlap / sum(gold_tokens.values()) if gold_tokens else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def mean(values: Iterable[float]) -> float:
    values = list(values)
    return statistics.fmean(values) if values else float("nan")


def fmt(value: float | None) -> str:
    return "–" if value is None or value != value else f"{value:.3f}"


# ---- scrapinghub-text -----------------------------------------------------------


@dataclass
class PageScore:
    p: float
    r: float
    f1: float
    junk_total: int
    junk_removed: int
    loss: float
    breaks_in: int = 0
    breaks_left: int = 0
    kept_junk: list[str] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)


def score_scrapinghub_page(record: dict, out: Output, *, escaped: bool) -> PageScore:
    gold = [g for g in record["gold_blocks"] if g["in_input"] >= 0.8 and not g.get("suspect_residue")]
    neutral = Counter(t for g in record["gold_blocks"] if g.get("suspect_residue") for t in tokens(g["text"]))
    body = out.blocks
    out_tokens = Counter(t for b in body for t in tokens(b)) - neutral
    p, r, f1 = prf(out_tokens, Counter(t for g in gold for t in tokens(g["text"])))
    index = OutputIndex.of(body)
    lines = record["input_lines"].split("\n")
    spent: Counter = Counter()
    junk = [
        line for line, label in zip(lines, record["line_labels"], strict=True) if label in ("junk", "caption")
    ]
    kept_junk = [line for line in junk if junk_still_there(line, index, spent)]
    lost = [g["text"] for g in gold if not content_kept(g["text"], index)]
    score = PageScore(p, r, f1, len(junk), len(junk) - len(kept_junk), len(lost) / len(gold) if gold else 0.0)
    score.kept_junk, score.lost = kept_junk, lost
    if escaped:
        score.breaks_in = record["input_escaped"].count(_LITERAL_BREAK)
        score.breaks_left = sum(t.count(_LITERAL_BREAK) for t in [out.title or "", *out.blocks])
    return score


@dataclass
class Summary:
    system: str
    variant: str
    row: dict[str, float | None]
    seconds: float
    megabytes: float
    docs: int
    pages: list[tuple[str, PageScore]] = field(default_factory=list)


def timed(cleaner: Cleaner, raw: str, record: dict) -> tuple[Output, float]:
    start = time.perf_counter()
    out = cleaner(raw, record)
    return out, time.perf_counter() - start


def score_scrapinghub(records: list[dict], system: str, cleaner: Cleaner, variant: str) -> Summary:
    pages: list[tuple[str, PageScore]] = []
    seconds = 0.0
    field_name = "input_escaped" if variant == "escaped" else "input_lines"
    for record in records:
        raw = record[field_name]
        out, took = timed(cleaner, raw, record)
        seconds += took
        pages.append((record["url"], score_scrapinghub_page(record, out, escaped=variant == "escaped")))
    scores = [s for _, s in pages]
    with_junk = [s for s in scores if s.junk_total]
    breaks_in = sum(s.breaks_in for s in scores)
    row = {
        "P": mean(s.p for s in scores),
        "R": mean(s.r for s in scores),
        "F1": mean(s.f1 for s in scores),
        "junk rec (macro)": mean(s.junk_removed / s.junk_total for s in with_junk),
        "junk rec (pooled)": sum(s.junk_removed for s in scores) / sum(s.junk_total for s in scores),
        "content loss": mean(s.loss for s in scores),
        "\\n left": sum(s.breaks_left for s in scores) / breaks_in if breaks_in else None,
    }
    megabytes = sum(len(r[field_name].encode()) for r in records) / 1e6
    return Summary(system, variant, row, seconds, megabytes, len(records), pages)


# ---- indonesian-dev -----------------------------------------------------------------


@dataclass
class ArticleScore:
    junk: list[tuple[str, str, bool]]  # text, category, removed
    body_kept: list[tuple[str, bool]]
    out_headings: list[str]
    gold_headings: list[str]
    title_line: str | None
    out_title: str | None


def judgeable_junk(record: dict) -> list[dict]:
    """Junk lines whose text does not also occur in a body, heading or title
    line: by the "still there" rule, such a line cannot be judged."""
    others = OutputIndex.of([x["text"] for x in record["lines"] if x["label"] != "junk"])
    return [x for x in record["lines"] if x["label"] == "junk" and not _occurs_in(x["text"], others)]


def _occurs_in(line: str, others: OutputIndex) -> bool:
    toks = tokens(line)
    if len(toks) >= 4:
        return any(" " + " ".join(toks) + " " in s for s in others.block_streams)
    return others.block_keys[tuple(sorted(toks))] > 0


def score_indonesian_article(record: dict, out: Output) -> ArticleScore:
    texts = ([out.title] if out.title else []) + out.blocks
    index = OutputIndex.of(texts)
    spent: Counter = Counter()
    junk = [
        (x["text"], x["category"], not junk_still_there(x["text"], index, spent))
        for x in judgeable_junk(record)
    ]
    body = [
        (x["text"], content_kept(x["text"], index))
        for x in record["lines"]
        if x["label"] in ("body", "heading")
    ]
    title_line = next((x["text"] for x in record["lines"] if x["label"] == "title"), None)
    gold_headings = [squash(x["text"]) for x in record["lines"] if x["label"] == "heading"]
    return ArticleScore(junk, body, [squash(h) for h in out.headings], gold_headings, title_line, out.title)


def score_indonesian(records: list[dict], system: str, cleaner: Cleaner) -> tuple[Summary, dict[str, float]]:
    pages: list[tuple[str, ArticleScore]] = []
    seconds = 0.0
    for record in records:
        out, took = timed(cleaner, record["raw"], record)
        seconds += took
        pages.append((record["id"], score_indonesian_article(record, out)))
    scores = [s for _, s in pages]
    junk = [j for s in scores for j in s.junk]
    body = [b for s in scores for b in s.body_kept]
    out_heads = Counter(h for s in scores for h in s.out_headings)
    gold_heads = Counter(h for s in scores for h in s.gold_headings)
    matched = sum((out_heads & gold_heads).values())
    titled = [s for s in scores if s.title_line is not None]
    untitled = [s for s in scores if s.title_line is None]
    row = {
        "junk rec (pooled)": sum(removed for *_, removed in junk) / len(junk),
        "junk rec (macro)": mean(mean(r for *_, r in s.junk) for s in scores if s.junk),
        "body loss": sum(not kept for _, kept in body) / len(body),
        "head P": matched / sum(out_heads.values()) if out_heads else None,
        "head R": matched / sum(gold_heads.values()) if gold_heads else None,
        "title EM": mean(squash(s.out_title or "") == squash(s.title_line or "") for s in titled),
        "spurious title": mean(s.out_title is not None for s in untitled),
    }
    categories: dict[str, list[bool]] = {}
    for _, category, removed in junk:
        categories.setdefault(category, []).append(removed)
    per_category = {c: mean(v) for c, v in sorted(categories.items(), key=lambda kv: -len(kv[1]))}
    megabytes = sum(len(r["raw"].encode()) for r in records) / 1e6
    return Summary(system, "raw", row, seconds, megabytes, len(records), pages), per_category


# ---- any corpus -------------------------------------------------------------------------


def score_outputs(corpus: str, documents: Sequence, outputs: Sequence[Output]) -> dict[str, float | None]:
    """The README metrics of ``corpus`` for one output per document (a
    `corpora.Document`): junk recall (macro, pooled), content loss, and where
    the gold has them heading P/R and title EM."""
    records = [d.record for d in documents]
    if corpus.startswith("indonesian"):
        scores = [score_indonesian_article(r, o) for r, o in zip(records, outputs, strict=True)]
        junk = [j for s in scores for j in s.junk]
        body = [b for s in scores for b in s.body_kept]
        out_heads = Counter(h for s in scores for h in s.out_headings)
        gold_heads = Counter(h for s in scores for h in s.gold_headings)
        matched = sum((out_heads & gold_heads).values())
        titled = [s for s in scores if s.title_line is not None]
        untitled = [s for s in scores if s.title_line is None]
        return {
            "junk rec (macro)": mean(mean(r for *_, r in s.junk) for s in scores if s.junk),
            "junk rec (pooled)": sum(r for *_, r in junk) / len(junk) if junk else None,
            "content loss": sum(not k for _, k in body) / len(body) if body else 0.0,
            "content loss (title kept)": sum(not k for _, k in body) / len(body) if body else 0.0,
            "head P": matched / sum(out_heads.values()) if out_heads else None,
            "head R": matched / sum(gold_heads.values()) if gold_heads else None,
            "title EM": mean(squash(s.out_title or "") == squash(s.title_line or "") for s in titled),
            "spurious title": mean(s.out_title is not None for s in untitled),
        }
    pages = [score_scrapinghub_page(r, o, escaped=False) for r, o in zip(records, outputs, strict=True)]
    titled = [
        score_scrapinghub_page(r, Output(None, [o.title, *o.blocks] if o.title else o.blocks), escaped=False)
        for r, o in zip(records, outputs, strict=True)
    ]
    with_junk = [s for s in pages if s.junk_total]
    row: dict[str, float | None] = {
        "junk rec (macro)": mean(s.junk_removed / s.junk_total for s in with_junk),
        "junk rec (pooled)": sum(s.junk_removed for s in pages) / max(sum(s.junk_total for s in pages), 1),
        "content loss": mean(s.loss for s in pages),
        "content loss (title kept)": mean(s.loss for s in titled),
        "F1": mean(s.f1 for s in pages),
    }
    if records and records[0].get("gold_has_headings"):
        out_heads = Counter(squash(h) for o in outputs for h in o.headings)
        gold_heads = Counter(
            squash(g["text"])
            for r in records
            for g in r["gold_blocks"]
            if g.get("kind") == "heading" and g["in_input"] >= 0.8
        )
        matched = sum((out_heads & gold_heads).values())
        row["head P"] = matched / sum(out_heads.values()) if out_heads else None
        row["head R"] = matched / sum(gold_heads.values()) if gold_heads else None
    return row


# ---- reporting ------------------------------------------------------------------------


def table(summaries: list[Summary], *, throughput: bool = True) -> str:
    columns = list(summaries[0].row)
    head = ["system", "input", *columns] + (["docs/s", "MB/s"] if throughput else [])
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for s in summaries:
        cells = [s.system, s.variant, *(fmt(s.row[c]) for c in columns)]
        if throughput:
            cells += (
                [f"{s.docs / s.seconds:,.0f}", f"{s.megabytes / s.seconds:.2f}"] if s.seconds else ["–", "–"]
            )
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def category_table(per_system: dict[str, dict[str, float]], counts: Counter) -> str:
    categories = list(counts)
    lines = [
        "| system | " + " | ".join(f"{c} ({counts[c]})" for c in categories) + " |",
        "|" + "---|" * (len(categories) + 1),
    ]
    for system, values in per_system.items():
        lines.append(f"| {system} | " + " | ".join(fmt(values.get(c)) for c in categories) + " |")
    return "\n".join(lines)


def print_details(summary: Summary) -> None:
    print(f"\n### Details: {summary.system} ({summary.variant})\n")
    for name, score in summary.pages:
        if isinstance(score, PageScore):
            kept = score.kept_junk
            lost = score.lost
        else:
            kept = [f"[{c}] {t}" for t, c, removed in score.junk if not removed]
            lost = [t for t, k in score.body_kept if not k]
            wrong = [h for h in score.out_headings if h not in score.gold_headings]
            missed = [h for h in score.gold_headings if h not in score.out_headings]
            if score.title_line is not None and squash(score.out_title or "") != squash(score.title_line):
                kept.append(f"[title] got {score.out_title!r}, want {score.title_line!r}")
            if score.title_line is None and score.out_title is not None:
                kept.append(f"[title] spurious {score.out_title!r}")
            kept += [f"[heading] wrong {h!r}" for h in wrong] + [f"[heading] missed {h!r}" for h in missed]
        if kept or lost:
            print(f"- {name}")
            for line in kept:
                print(f"    KEPT JUNK  {line[:160]!r}")
            for line in lost:
                print(f"    LOST       {line[:160]!r}")


def load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA, help="benchmarks folder")
    parser.add_argument("--set", choices=["scrapinghub-text", "indonesian-dev"], action="append")
    parser.add_argument("--details", action="store_true", help="list kept junk and lost content per page")
    parser.add_argument("--no-baselines", action="store_true", help="score cleannews only")
    args = parser.parse_args(argv)
    sets = args.set or ["scrapinghub-text", "indonesian-dev"]
    missing = [name for name in sets if not (args.data / name).is_dir()]
    if missing:
        parser.error(f"no {', '.join(missing)} under {args.data} (pass the benchmarks folder as DATA)")
    systems: list[tuple[str, Cleaner]] = [("cleannews", run_cleannews)]
    if not args.no_baselines:
        systems += [
            ("identity", run_identity),
            ("C4-style line filter", run_c4),
            ("jusText on the lines", run_justext),
        ]
    if "scrapinghub-text" in sets:
        records = load(args.data / "scrapinghub-text" / "pages.jsonl")
        summaries = []
        for name, cleaner in systems:
            for variant in ("lines", "escaped"):
                summaries.append(score_scrapinghub(records, name, cleaner, variant))
        if not args.no_baselines:
            summaries.append(
                score_scrapinghub(
                    records, "trafilatura on the HTML (reference)", run_trafilatura_html(args.data), "html"
                )
            )
            summaries[-1].variant = "html"
        print(f"## scrapinghub-text ({len(records)} pages)\n")
        print(table(summaries))
        if args.details:
            for s in summaries[:2]:
                print_details(s)
    if "indonesian-dev" in sets:
        records = load(args.data / "indonesian-dev" / "articles.jsonl")
        results = [score_indonesian(records, name, cleaner) for name, cleaner in systems]
        counts = Counter(x["category"] for r in records for x in judgeable_junk(r))
        print(f"\n## indonesian-dev ({len(records)} articles, {sum(counts.values())} judgeable junk lines)\n")
        print(table([s for s, _ in results]))
        print("\nJunk-line recall per category (lines):\n")
        print(category_table({s.system: cats for s, cats in results}, counts))
        if args.details:
            print_details(results[0][0])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
