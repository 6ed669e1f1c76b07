"""Site profiles (issue 13): the cleaning with and without a profile learned
from the *other* articles of the same site, and the cost of learning.

    python benchmarks/profiles.py evaluate [DATA] [--corpus NAME ...] [--min-articles N] [--min-share S]
    python benchmarks/profiles.py removed [DATA] [--sample N] [--seed S]
    python benchmarks/profiles.py speed [DATA] [--articles 100000] [--sites 1]

``DATA`` defaults to ``../shared/benchmarks``.

``evaluate`` scores every labelled corpus (`corpora.available`: the text
corpora, indonesian-dev, and indonesian-raw when its hand labels are in
``benchmarks/labels/indonesian-raw``) on the documents of sites with at
least two documents. Sites are the URL's host (the outlet for the
Indonesian sets). Each document is cleaned twice with the same steps (the
scorer held out from its corpus, as in ``benchmarks/evaluate.py``): without a
profile, and with the profile learned from the other documents of its site
(for indonesian-raw: the other articles of its outlet among all 1,079 raw
articles, labelled or not). The metrics are those of
``benchmarks/quality.py``; a table per corpus, and one row per site with 20
documents or more.

``removed`` cleans every raw article of indonesian-raw with the profile of
the rest of its outlet, counts the pieces removed for ``site-boilerplate``
per outlet, and prints a random sample of them (text on your terminal only:
never paste it into the repository) for a hand check of precision.

``speed`` learns one profile from generated articles (lines drawn at random
from the corpora, plus boilerplate lines made up per site) and prints the
CPU time and the peak memory of learning. Nothing generated is written.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import resource
import sys
import time
import tracemalloc
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import corpora  # noqa: E402
import evaluate  # noqa: E402
import quality  # noqa: E402

import cleannews  # noqa: E402
from cleannews.reasons import SITE_BOILERPLATE  # noqa: E402
from cleannews.sites import ArticleKeys, Counts, SiteLearner, text_keys  # noqa: E402
from cleannews.steps import drop_site_boilerplate  # noqa: E402

COLUMNS = ("junk rec (macro)", "junk rec (pooled)", "content loss", "content loss (title kept)")
#: Sites with at least this many documents get a row of their own.
BIG_SITE = 20


@dataclass
class Member:
    """One article of a site's pool: its id, and what it adds to a profile."""

    id: str
    keys: ArticleKeys


def pools(name: str, documents: Sequence[corpora.Document], data: Path) -> dict[str, list[Member]]:
    """The articles each site's profile is learned from: for indonesian-raw,
    every raw article of the outlet; else the labelled documents themselves."""
    by_site: dict[str, list[Member]] = defaultdict(list)
    if name == "indonesian-raw":
        for record in raw_articles(data):
            by_site[record["outlet"]].append(Member(record["id"], text_keys(record["raw"])))
    else:
        for d in documents:
            if d.site:
                by_site[d.site].append(Member(d.id, text_keys(d.raw)))
    return by_site


def raw_articles(data: Path) -> Iterator[dict]:
    with gzip.open(data / "indonesian-raw" / "articles.jsonl.gz", "rt", encoding="utf-8") as lines:
        yield from (json.loads(line) for line in lines if line.strip())


def left_out(pool: Sequence[Member], article_id: str) -> cleannews.SiteProfile:
    """The profile of the pool without ``article_id``: what `SiteProfile.learn`
    gives for the other articles' texts (their keys are read once)."""
    counts = Counts()
    for member in pool:
        if member.id != article_id:
            counts.add(member.keys)
    return counts.profile()


def steps_with(steps: list, step: drop_site_boilerplate) -> list:
    return [step if isinstance(s, drop_site_boilerplate) else s for s in steps]


def output(
    raw: str, steps: list, profile: cleannews.SiteProfile | None, labels: dict[int, str]
) -> tuple[quality.Output, Counter]:
    """The cleaner's output, and the gold labels of the lines it removed for
    ``site-boilerplate`` (a cut span counts with its line's label)."""
    art = cleannews.clean_text(raw, steps=steps, profile=profile)
    removed = Counter(
        LABEL_GROUPS.get(labels.get(r.line - 1, "ignore"), "other")
        for r in art.removed
        if r.reason == SITE_BOILERPLATE
    )
    return quality.Output(art.title, [b.text for b in art.blocks], art.headings), removed


#: How a removed line's gold label is counted: junk, content (body, headings, title), other.
LABEL_GROUPS = {"junk": "junk", "content": "content", "heading": "content", "title": "content"}


def scores_row(label: str, name: str, documents: Sequence, outputs: Sequence, removed: Counter) -> list[str]:
    scores = quality.score_outputs(name, documents, outputs)
    counts = f"{removed['junk']} / {removed['content']} / {removed['other']}"
    return [label, str(len(documents)), *(quality.fmt(scores.get(c)) for c in COLUMNS), counts]


def run_evaluate(args: argparse.Namespace) -> int:
    names = args.corpus or corpora.available(args.data)
    head = ["corpus / site", "profile", "docs", *COLUMNS, "removed: junk / content / other lines"]
    print("| " + " | ".join(head) + " |\n|" + "---|" * len(head))
    step = drop_site_boilerplate(args.min_articles, args.min_share, args.prose_share)
    for name in names:
        documents = corpora.load(name, args.data)
        by_site = pools(name, documents, args.data)
        scored = [d for d in documents if len(by_site.get(d.site, ())) >= 2]
        steps = steps_with(evaluate.steps_for(name, shipped=False, models=args.models), step)
        plain, learned, removed = [], [], []
        for d in scored:
            plain.append(output(d.raw, steps, None, d.labels)[0])
            out, counts = output(d.raw, steps, left_out(by_site[d.site], d.id), d.labels)
            learned.append(out)
            removed.append(counts)
        groups = [(name, list(range(len(scored))))]
        sites = Counter(d.site for d in scored)
        groups += [
            (f"{name} / {site}", [i for i, d in enumerate(scored) if d.site == site])
            for site, n in sorted(sites.items(), key=lambda kv: (-kv[1], kv[0]))
            if n >= BIG_SITE
        ]
        for label, at in groups:
            docs = [scored[i] for i in at]
            total = sum((removed[i] for i in at), Counter())
            for system, outputs, count in (
                ("none", [plain[i] for i in at], Counter()),
                ("left out", [learned[i] for i in at], total),
            ):
                cells = scores_row(label, name, docs, outputs, count)
                print("| " + " | ".join([cells[0], system, *cells[1:]]) + " |", flush=True)
    return 0


def run_removed(args: argparse.Namespace) -> int:
    records = list(raw_articles(args.data))
    by_outlet: dict[str, list[Member]] = defaultdict(list)
    for record in records:
        by_outlet[record["outlet"]].append(Member(record["id"], text_keys(record["raw"])))
    step = drop_site_boilerplate(args.min_articles, args.min_share, args.prose_share)
    steps = steps_with(cleannews.default_steps(), step)
    pieces: list[tuple[str, str, str, str]] = []
    per_outlet: Counter[str] = Counter()
    lines: Counter[str] = Counter()
    for record in records:
        art = cleannews.clean_text(
            record["raw"], steps=steps, profile=left_out(by_outlet[record["outlet"]], record["id"])
        )
        for r in art.removed:
            if r.reason == SITE_BOILERPLATE:
                per_outlet[record["outlet"]] += 1
                pieces.append((record["outlet"], record["id"], r.why, r.text))
        lines[record["outlet"]] += sum(1 for line in record["raw"].split("\n") if line.strip())
    print("| outlet | articles | non-blank lines | site-boilerplate removed |\n|---|---|---|---|")
    for outlet, members in sorted(by_outlet.items(), key=lambda kv: -len(kv[1])):
        print(f"| {outlet} | {len(members)} | {lines[outlet]} | {per_outlet[outlet]} |")
    print(f"\n{len(pieces)} pieces removed; a sample of {min(args.sample, len(pieces))} to check by hand:\n")
    for outlet, article_id, why, text in random.Random(args.seed).sample(
        pieces, min(args.sample, len(pieces))
    ):
        print(f"- {article_id} {outlet} ({why}): {text[:200]!r}")
    return 0


# ---- learning speed ---------------------------------------------------------------


def line_pool(data: Path, limit: int = 200_000) -> list[str]:
    """Non-blank lines of the corpora, to draw generated articles from."""
    found: list[str] = []
    for record in raw_articles(data):
        found += [line for line in record["raw"].split("\n") if line.strip()]
    for name in ("dragnet-text", "cleaneval-text", "scrapinghub-text"):
        path = data / name / "pages.jsonl"
        if path.exists():
            with path.open(encoding="utf-8") as lines:
                for line in lines:
                    found += [x for x in json.loads(line)["input_lines"].split("\n") if x.strip()]
                    if len(found) >= limit:
                        return found
    return found


def boilerplate_line(site: int, n: int) -> str:
    """A made-up boilerplate line of a generated site (letters only: digits would be masked)."""
    return f"Site {chr(97 + site % 26)}{chr(97 + site // 26 % 26)} says {' '.join(['follow'] * (n + 1))} us"


def generated(
    pool: list[str], count: int, sites: int, seed: int, truth: Counter | None = None
) -> Iterator[tuple[str, str]]:
    """``count`` article texts ``(site, text)``: a headline and 10 to 30
    lines drawn from ``pool``, and 2 to 6 of the site's 40 boilerplate lines
    (made up here); ``truth`` counts the articles holding each of those."""
    rng = random.Random(seed)
    boiler = {s: [boilerplate_line(s, n) for n in range(40)] for s in range(sites)}
    for _ in range(count):
        site = rng.randrange(sites)
        lines = [rng.choice(pool) for _ in range(rng.randint(11, 31))]
        chosen = rng.sample(boiler[site], rng.randint(2, 6))
        if truth is not None:
            truth.update((f"site-{site}", line) for line in chosen)
        lines[1:1] = chosen
        yield f"site-{site}", "\n".join(lines)


def run_speed(args: argparse.Namespace) -> int:
    pool = line_pool(args.data)
    print(f"line pool: {len(pool)} lines; {args.articles} articles over {args.sites} site(s)")
    learner = SiteLearner(capacity=args.capacity)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.process_time()
    truth: Counter = Counter()
    for site, text in generated(pool, args.articles, args.sites, args.seed, truth):
        learner.add_text(text, site=site)
    seconds = time.process_time() - start
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    profiles = learner.profiles()
    entries = sum(len(p.lines) + len(p.spans) for p in profiles.values())
    print(f"learned in {seconds:.1f} s CPU ({args.articles / seconds:,.0f} articles/s);"
          f" peak RSS grew by {(after - before) / 1024:.1f} MB; {entries} entries kept;"
          f" floor {max(p.floor for p in profiles.values())}")  # fmt: skip
    hits = {(site, line): profiles[site].lookup(line) for site, line in truth}
    found = [h for h in hits.values() if h is not None]
    worst = max((truth[key] - h.articles for key, h in hits.items() if h is not None), default=0)
    low, high = min(truth.values()), max(truth.values())
    print(f"site boilerplate lines: {len(found)} of {len(truth)} found after pruning,"
          f" counts at most {worst} below the truth (of {low} to {high})")  # fmt: skip
    if args.tracemalloc:
        tracemalloc.start()
        learner = SiteLearner(capacity=args.capacity)
        for site, text in generated(pool, args.articles, args.sites, args.seed):
            learner.add_text(text, site=site)
        _, peak = tracemalloc.get_traced_memory()
        print(f"tracemalloc peak while learning: {peak / 1e6:.1f} MB")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=["evaluate", "removed", "speed"])
    parser.add_argument("data", nargs="?", type=Path, default=corpora.DEFAULT_DATA)
    parser.add_argument("--corpus", action="append", help="evaluate: only this corpus (repeatable)")
    parser.add_argument("--models", type=Path, default=HERE / "models", help="folder of loco-*.json")
    parser.add_argument("--min-articles", type=int, default=drop_site_boilerplate.min_articles)
    parser.add_argument("--min-share", type=float, default=drop_site_boilerplate.min_share)
    parser.add_argument("--prose-share", type=float, default=drop_site_boilerplate.prose_share)
    parser.add_argument("--sample", type=int, default=40, help="removed: pieces to show")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--articles", type=int, default=100_000, help="speed: articles to learn")
    parser.add_argument("--sites", type=int, default=1, help="speed: sites they belong to")
    parser.add_argument("--capacity", type=int, default=cleannews.sites.CAPACITY, help="speed: per site")
    parser.add_argument("--tracemalloc", action="store_true", help="speed: a second run under tracemalloc")
    args = parser.parse_args(argv)
    return {"evaluate": run_evaluate, "removed": run_removed, "speed": run_speed}[args.command](args)


if __name__ == "__main__":
    raise SystemExit(main())
