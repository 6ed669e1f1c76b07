"""A mutation fuzzer of the laws (docs/spec.md, "Fuzzing"). Not a test: a
benchmark script, run by hand for as long as one cares to.

    python benchmarks/fuzz.py --seed 1 --seconds 600 --out /tmp/fuzz.jsonl
    python benchmarks/fuzz.py --cases 2000
    python benchmarks/fuzz.py --atheris -- -runs=10000   # when atheris is installed

Inputs start from the text fixtures and from made-up articles drawn from
``tests/strategies.py`` (seeded, so a seed gives the same run), and are
mutated: lines of two articles spliced, lines duplicated, residue phrases of
the shipped rule files inserted, random Unicode (combining marks, control
characters, astral characters, now and then a lone surrogate), line
separators of every kind and literal ``\\n`` put in. Every case is checked
against laws 1-5 with code of its own: it never calls the library's reader,
rule tables or repairs (``ftfy.fix_text`` and ``html.unescape`` stand for
the repairs an input line may need before its words are looked for).

- law 1: every non-blank input line, split at literal escaped breaks, has its
  letters and digits (after ftfy, or as they are) in the title, a kept block, a
  removed entry, an inline cut or a metadata value (or, for a line split or cut
  into several of them, all its words are among theirs); every removed entry
  has a reason;
- law 2: every kept block's letters and digits occur in one input line (or,
  for a paragraph with a span cut out of it, all its words do);
- law 3: cleaning ``render()`` (``to_markdown()`` for input with a Markdown
  heading line) gives the same title and blocks;
- law 4: ``Block.line`` and ``Removed.line`` never go down, and kept blocks
  are found in input order;
- law 5: no exception for any ``str``; a ``TypeError`` naming ``str`` for a
  value that is not one.

Failing cases are minimised by deleting lines (then words) while the same
law still fails, and written one JSON object a line to ``--out``. The run
prints cases per second and failures per law.
"""

from __future__ import annotations

import argparse
import contextlib
import html
import json
import random
import re
import sys
import time
import tomllib
import traceback
import unicodedata
import warnings
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import ftfy  # noqa: E402

import cleannews  # noqa: E402

LAWS = ("1 nothing lost", "2 nothing invented", "3 idempotent", "4 order kept", "5 total")

# ---------------------------------------------------------------- the oracle

#: A literal escaped break, as a JSON-escaping scraper leaves it (written
#: here, not taken from the reader).
_ESCAPE = re.compile(r"\\+[nrt]")
#: A Markdown heading line: the input is read as Markdown, law 3 is stated on `to_markdown()`.
_MARKDOWN_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+\S", re.MULTILINE)


def skeleton(text: str) -> str:
    """The letters and digits of ``text``, case-folded and NFKC-normalised: what
    no law allows to change or vanish, whatever the spacing and marks.

    >>> skeleton("  Harga  BERAS, turun! ")
    'hargaberasturun'
    """
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(c for c in folded if c.isalnum())


def spellings(piece: str) -> set[str]:
    """The skeletons a piece of input may come out as: as it is, with its HTML
    entities read, and repaired by ftfy (mojibake, entities, escapes); none
    when one of them has no letters or digits."""
    found = {skeleton(piece), skeleton(html.unescape(piece))}
    try:
        found.add(skeleton(ftfy.fix_text(html.unescape(piece))))
        found.add(skeleton(ftfy.fix_text(piece)))
        # Mojibake mended, an entity html.unescape does not know ("&NBSP;") left as written.
        found.add(skeleton(ftfy.fix_text(html.unescape(piece), unescape_html=False)))
        # ftfy leaves "â€œ" after a no-break space as it is, and mends it after a space.
        found.add(skeleton(ftfy.fix_text(" ".join(html.unescape(piece).split()))))
    except Exception:
        pass
    # A piece that a repair leaves without letters ("â€œ" is a quote mark) has
    # nothing that must be found.
    return set() if "" in found else found


def input_pieces(line: str) -> list[str]:
    """The non-blank pieces of one input line split at escaped breaks."""
    return [piece for piece in _ESCAPE.split(line) if piece.strip()]


def without_controls(line: str) -> str:
    """``line`` without control and format characters, which law 2 lets go:
    one may hide an escaped break ("\\\x05n") that the reader then sees."""
    return "".join(c for c in line if unicodedata.category(c) not in ("Cc", "Cf"))


def line_spellings(line: str) -> set[str]:
    """The skeletons kept text from one input line may have: the line's
    `spellings`, with its escaped breaks read as spaces, and both again
    without control characters, which may hide an escaped break
    ("\\\x04n") that the reader then reads."""
    return {
        spelling
        for form in (line, without_controls(line))
        for spelling in spellings(form) | spellings(" ".join(_ESCAPE.split(form)))
    }


def output_pieces(article: cleannews.Article) -> list[str]:
    """Everything the article holds, as text: title, blocks (and their inline
    cuts), removed entries, metadata values."""
    out = [article.title or ""]
    for block in article.blocks:
        out.append(block.text)
        out += [cut.text for cut in block.cuts]
    out += [r.text for r in article.removed]
    out += [_flat(v) for v in article.metadata.values()]
    return out


def _flat(value: object) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return " ".join(_flat(v) for v in value.values())
    if isinstance(value, (list, tuple)):
        return " ".join(_flat(v) for v in value)
    return str(value)


def words_of(text: str) -> Counter[str]:
    """The words of ``text`` (runs of letters and digits), case-folded, counted.

    >>> sorted(words_of("Harga, harga NAIK").items())
    [('harga', 2), ('naik', 1)]
    """
    folded = unicodedata.normalize("NFKC", text).casefold()
    return Counter("".join(c if c.isalnum() else " " for c in folded).split())


def covered(piece: str, words: Counter[str]) -> bool:
    """Whether every word of ``piece``, in one of its spellings, is among ``words``."""
    forms = [piece, html.unescape(piece)]
    with contextlib.suppress(Exception):
        forms.append(ftfy.fix_text(html.unescape(piece)))
    return any(not (words_of(form) - words) for form in forms)


def lost(raw: str, article: cleannews.Article) -> str | None:
    """Law 1: the first input piece whose words are nowhere in the article."""
    pieces = output_pieces(article)
    haystack = "\x00".join(skeleton(p) for p in pieces)
    # An input piece may have been split across blocks, or had a span cut out
    # of its middle: then its words are still all in the output, which is
    # what the second test accepts.
    bag = sum((words_of(p) for p in pieces), Counter())

    def found(piece: str) -> bool:
        forms = spellings(piece)
        return not forms or any(form in haystack for form in forms) or covered(piece, bag)

    for line in raw.splitlines():
        if not any(all(found(p) for p in input_pieces(form)) for form in (line, without_controls(line))):
            missing = next(p for p in input_pieces(line) if not found(p))
            return f"input piece lost: {missing!r}"
    unreasoned = [r.text for r in article.removed if not r.reason]
    return f"removed without a reason: {unreasoned[0]!r}" if unreasoned else None


def invented(raw: str, article: cleannews.Article) -> str | None:
    """Law 2: the first kept block (or title) whose words are in no input line."""
    lines = [line_spellings(line) for line in raw.splitlines()]
    whole = skeleton(raw)
    bags = [words_of(line) + words_of(ftfy.fix_text(html.unescape(line))) for line in raw.splitlines()]
    for text in [article.title or "", *(b.text for b in article.blocks)]:
        form = skeleton(text)
        if not form or any(form in s for line in lines for s in line) or form in whole:
            continue
        # A span cut out of the middle of a paragraph ("Baca juga: ...") leaves
        # text that is no substring of its line, but all of whose words are in it.
        if not any(not (words_of(text) - bag) for bag in bags):
            return f"kept text found in no input line: {text!r}"
    return None


def shape(article: cleannews.Article) -> tuple[str | None, list[tuple[str, str]]]:
    return article.title, [(b.kind, b.text) for b in article.blocks]


def not_idempotent(raw: str, article: cleannews.Article) -> str | None:
    """Law 3: cleaning the rendering gives the same title and blocks."""
    markdown = bool(_MARKDOWN_HEADING.search(raw))
    again = cleannews.clean_text(article.to_markdown() if markdown else article.render())
    if shape(again) != shape(article):
        return f"second pass: {shape(again)!r} / first: {shape(article)!r}"
    return None


def out_of_order(raw: str, article: cleannews.Article) -> str | None:
    """Law 4: line numbers never go down; kept blocks are found in input order."""
    for name, items in (("blocks", article.blocks), ("removed", article.removed)):
        numbers = [item.line for item in items]
        if numbers != sorted(numbers):
            return f"{name} line numbers go down: {numbers}"
    lines = [line_spellings(line) for line in raw.splitlines()]
    at = 0
    for block in article.blocks:
        form = skeleton(block.text)
        if not form:
            continue
        found = next((i for i in range(at, len(lines)) if any(form in s for s in lines[i])), None)
        if found is None:
            if any(form in s for line in lines[:at] for s in line):
                return f"block out of input order: {block.text!r}"
            continue  # found in no single line: law 2's business
        at = found
    return None


CHECKS: dict[str, Callable[[str, cleannews.Article], str | None]] = {
    LAWS[0]: lost,
    LAWS[1]: invented,
    LAWS[2]: not_idempotent,
    LAWS[3]: out_of_order,
}


def failures(raw: str) -> dict[str, str]:
    """Law -> what failed, for one input (empty when every law holds)."""
    try:
        article = cleannews.clean_text(raw)
    except Exception:
        return {LAWS[4]: traceback.format_exc(limit=3)}
    found = {}
    for law, check in CHECKS.items():
        try:
            problem = check(raw, article)
        except Exception:
            problem = traceback.format_exc(limit=3)
        if problem:
            found[law] = problem
    return found


NOT_STR: tuple[object, ...] = (None, 1, 2.5, b"bytes", bytearray(b"x"), ["a"], {"a": "b"}, object())


def type_errors() -> list[str]:
    """Law 5: each value that is not a str gets a TypeError naming str."""
    problems = []
    for value in NOT_STR:
        try:
            cleannews.clean_text(value)  # type: ignore[arg-type]
        except TypeError as error:
            if "str" not in str(error):
                problems.append(f"{type(value).__name__}: {error}")
        except Exception as error:
            problems.append(f"{type(value).__name__}: {type(error).__name__}: {error}")
        else:
            problems.append(f"{type(value).__name__}: no error")
    return problems


# ---------------------------------------------------------------- minimising


def minimise(raw: str, law: str) -> str:
    """Delete lines, then words, while ``law`` still fails."""
    still = lambda text: law in failures(text)  # noqa: E731
    lines = raw.splitlines(keepends=True)
    lines = _shrink(lines, lambda ls: still("".join(ls)))
    out = []
    for i, line in enumerate(lines):
        words = re.split(r"(?<= )", line)
        before, after = "".join(out), "".join(lines[i + 1 :])
        kept = _shrink(words, lambda ws, b=before, a=after: still(b + "".join(ws) + a))
        out.append("".join(kept))
    return "".join(out)


def _shrink(items: list[str], fails: Callable[[list[str]], bool]) -> list[str]:
    """Greedy deletion of chunks, halving the chunk size down to one item."""
    size = max(1, len(items) // 2)
    while True:
        i = 0
        while i < len(items):
            trial = items[:i] + items[i + size :]
            if trial and fails(trial):
                items = trial
            else:
                i += size
        if size == 1:
            return items
        size = max(1, size // 2)


# ---------------------------------------------------------------- inputs


def rule_phrases() -> list[str]:
    """Every phrase of the shipped rule files' lists (labels, leads, ends, words)."""
    found = []
    for path in sorted((ROOT / "cleannews" / "rules").glob("*.toml")):
        table = tomllib.loads(path.read_text(encoding="utf-8"))
        for section in table.values():
            if not isinstance(section, dict):
                continue
            for key in ("labels", "leads", "ends", "words"):
                for entry in section.get(key, []):
                    if isinstance(entry, dict):
                        found += [p for p in entry.get("phrases", []) if isinstance(p, str)]
    return found


def generated_articles(seed: int, count: int) -> list[str]:
    """Made-up articles from tests/strategies.py, drawn through hypothesis'
    public API with a fixed seed (the same articles for the same seed)."""
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import seed as seeded
    from hypothesis import strategies as st

    from tests.strategies import clean_drafts, dirty_drafts

    pool: list[str] = []

    @seeded(seed)
    @settings(
        max_examples=count,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(st.one_of(dirty_drafts(), clean_drafts()))
    def collect(draft: object) -> None:
        pool.append(draft.raw)  # type: ignore[attr-defined]

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        collect()
    return pool


def fixture_articles() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures").glob("*.txt"))]


SEPARATORS = (
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\u2028",
    "\u2029",
    "\x85",
    "\x0b",
    "\x0c",
    "\x1c",
    "\x1e",
    "\n \n",
    "\\n",
)
COMBINING = [chr(c) for c in range(0x300, 0x370)] + ["\u20d7", "\u0e49", "\u093c"]
CONTROLS = [chr(c) for c in range(0, 32) if chr(c) not in "\n\r"] + [
    "\x7f",
    "\x80",
    "\x9f",
    "\u200b",
    "\ufeff",
    "\u00ad",
]
ASTRAL = ["\U0001f600", "\U0001d400", "\U00020000", "\U0001f1ee\U0001f1e9", "\U000e0041", "\U0010fffd"]
DAMAGE = (
    "&amp;",
    "&#35;",
    "&nbsp;",
    '\\"',
    "\\'",
    "â€œ",
    "Ã©",
    "\u00a0",
    "  ",
    "\t",
    "\\\\n",
    "\\r\\n",
    "\\t",
)


@dataclass
class Mutator:
    rng: random.Random
    corpus: list[str]
    phrases: list[str]

    def case(self) -> str:
        raw = self.rng.choice(self.corpus)
        for _ in range(self.rng.randint(1, 6)):
            raw = self.rng.choice(self.MUTATIONS)(self, raw)
        return raw

    def lines(self, raw: str) -> list[str]:
        return raw.split("\n")

    def splice(self, raw: str) -> str:
        other = self.lines(self.rng.choice(self.corpus))
        mine = self.lines(raw)
        return "\n".join(mine[: self.rng.randint(0, len(mine))] + other[self.rng.randint(0, len(other)) :])

    def duplicate(self, raw: str) -> str:
        lines = self.lines(raw)
        line = self.rng.choice(lines)
        at = self.rng.randint(0, len(lines))
        copies = [line] * self.rng.choice((1, 1, 2))
        if self.rng.random() < 0.3:
            copies = [line.upper() if self.rng.random() < 0.5 else line.casefold()]
        return "\n".join(lines[:at] + copies + lines[at:])

    def residue(self, raw: str) -> str:
        lines = self.lines(raw)
        phrase = self.rng.choice(self.phrases)
        phrase = self.rng.choice((phrase, phrase.title(), phrase.upper(), phrase.capitalize()))
        if self.rng.random() < 0.4 and lines:
            other = self.rng.choice(lines)
            phrase = self.rng.choice((f"{phrase}: {other}", f"{other} {phrase}", f"{phrase} {other}"))
        at = self.rng.randint(0, len(lines))
        return "\n".join([*lines[:at], phrase, *lines[at:]])

    def unicode(self, raw: str) -> str:
        pool = self.rng.choice((COMBINING, CONTROLS, ASTRAL, DAMAGE, [self._any_char()]))
        out = list(raw)
        for _ in range(self.rng.randint(1, 5)):
            out.insert(self.rng.randint(0, len(out)), self.rng.choice(pool))
        return "".join(out)

    def _any_char(self) -> str:
        while True:
            code = self.rng.choice((self.rng.randint(0, 0x2FFF), self.rng.randint(0, 0x10FFFF)))
            if not 0xD800 <= code <= 0xDFFF or self.rng.random() < 0.05:
                return chr(code)

    def separators(self, raw: str) -> str:
        lines = self.lines(raw)
        if len(lines) < 2:
            return raw + self.rng.choice(SEPARATORS) + raw
        sep = self.rng.choice(SEPARATORS)
        if self.rng.random() < 0.5:
            return sep.join(lines)
        at = self.rng.randint(1, len(lines) - 1)
        return "\n".join(lines[:at]) + sep + "\n".join(lines[at:])

    def escaped(self, raw: str) -> str:
        lines = self.lines(raw)
        at = self.rng.randint(0, len(lines))
        piece = self.rng.choice(("\\n", "\\N", "\\n\\n", " \\n ", "\\\\n", "\\r\\n", "\\t"))
        if self.rng.random() < 0.5 or not lines:
            return "\n".join([*lines[:at], piece, *lines[at:]])
        i = self.rng.randrange(len(lines))
        cut = self.rng.randint(0, len(lines[i]))
        lines[i] = lines[i][:cut] + piece + lines[i][cut:]
        return "\n".join(lines)

    def drop(self, raw: str) -> str:
        lines = self.lines(raw)
        if len(lines) > 1:
            del lines[self.rng.randrange(len(lines))]
        return "\n".join(lines)

    def window(self, raw: str) -> str:
        """A few lines of the article only: short inputs fail in small ways."""
        lines = self.lines(raw)
        start = self.rng.randrange(len(lines))
        return "\n".join(lines[start : start + self.rng.randint(1, 6)])

    def recase(self, raw: str) -> str:
        lines = self.lines(raw)
        i = self.rng.randrange(len(lines))
        lines[i] = self.rng.choice((str.upper, str.lower, str.title, str.capitalize))(lines[i])
        return "\n".join(lines)

    def swap(self, raw: str) -> str:
        lines = self.lines(raw)
        i, j = self.rng.randrange(len(lines)), self.rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
        return "\n".join(lines)

    def glue(self, raw: str) -> str:
        """Two neighbouring lines on one, as a title with its site or a link in a paragraph."""
        lines = self.lines(raw)
        if len(lines) < 2:
            return raw
        i = self.rng.randrange(len(lines) - 1)
        joint = self.rng.choice((" ", " - ", " | ", ". ", " Baca juga: ", " » ", ": "))
        return "\n".join([*lines[:i], lines[i] + joint + lines[i + 1], *lines[i + 2 :]])

    def short(self, raw: str) -> str:
        """A short line of a few words of the corpus (a name, a logo text, a label)."""
        lines = self.lines(raw)
        pool = self.rng.choice(self.corpus).split()
        if not pool:
            return raw
        line = " ".join(self.rng.choice(pool) for _ in range(self.rng.randint(1, 3)))
        at = self.rng.randint(0, len(lines))
        return "\n".join([*lines[:at], line, *lines[at:]])

    MUTATIONS = (
        splice,
        duplicate,
        duplicate,
        residue,
        residue,
        residue,
        unicode,
        separators,
        escaped,
        drop,
        window,
        recase,
        swap,
        glue,
        short,
    )


# ---------------------------------------------------------------- running


def run(cases: Iterable[str], out: Path | None, deadline: float | None, minimise_each: bool) -> Counter[str]:
    counts: Counter[str] = Counter()
    start = time.process_time()
    done = 0
    seen: set[tuple[str, str]] = set()
    sink = out.open("a", encoding="utf-8") if out else None
    try:
        for raw in cases:
            if deadline is not None and time.process_time() - start > deadline:
                break
            done += 1
            for law, problem in failures(raw).items():
                counts[law] += 1
                small = minimise(raw, law) if minimise_each else raw
                key = (law, small)
                if key in seen:
                    continue
                seen.add(key)
                if sink:
                    sink.write(
                        json.dumps({"law": law, "input": small, "original": raw, "problem": problem[:2000]})
                        + "\n"
                    )
                    sink.flush()
            if done % 500 == 0:
                report(done, counts, time.process_time() - start, len(seen), end="\r")
    except KeyboardInterrupt:  # Ctrl-C or SIGINT ends a long run with its summary
        pass
    report(done, counts, time.process_time() - start, len(seen))
    if sink:
        sink.close()
    return counts


def report(done: int, counts: Counter[str], seconds: float, distinct: int, end: str = "\n") -> None:
    rate = done / seconds if seconds else 0.0
    laws = ", ".join(f"law {law}: {counts[law]}" for law in LAWS)
    print(
        f"{done} cases in {seconds:.0f} CPU s ({rate:.1f}/s); {laws}; distinct minimised: {distinct}", end=end
    )
    sys.stdout.flush()


def atheris_main(argv: list[str], *, instrument: bool = False) -> None:
    """Law 5 and the other laws under atheris: clean_text, clean_html and the
    batch record parser on the fuzzer's bytes."""
    import atheris

    from cleannews import batch

    def one_input(data: bytes) -> None:
        provider = atheris.FuzzedDataProvider(data)
        choice = provider.ConsumeIntInRange(0, 2)
        text = provider.ConsumeUnicodeNoSurrogates(len(data))
        if choice == 0:
            found = failures(text)
            if found:
                raise AssertionError(f"{text!r}: {found}")
        elif choice == 1:
            cleannews.clean_html(text)
        else:
            with contextlib.suppress(batch.RecordError):
                batch.parse_record(text)

    if instrument:  # coverage guides the fuzzer; instrumenting takes minutes
        atheris.instrument_all()
    atheris.Setup([sys.argv[0], *argv], one_input)
    atheris.Fuzz()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=0)
    budget = parser.add_mutually_exclusive_group()
    budget.add_argument("--cases", type=int, help="how many mutated cases (default 1000)")
    budget.add_argument("--seconds", type=float, help="CPU seconds to run for")
    parser.add_argument("--out", type=Path, help="append failing cases, minimised, as JSONL")
    parser.add_argument("--pool", type=int, default=300, help="made-up articles to start from")
    parser.add_argument("--no-minimise", action="store_true", help="write failing inputs as they are")
    parser.add_argument(
        "--atheris", action="store_true", help="run under atheris (libFuzzer options after --)"
    )
    parser.add_argument("--instrument", action="store_true", help="with --atheris: instrument all (slow)")
    args, rest = parser.parse_known_args(argv)
    if args.atheris:
        atheris_main(rest, instrument=args.instrument)
        return 0
    problems = type_errors()
    print("law 5 (TypeError on non-str):", problems if problems else "ok")
    rng = random.Random(args.seed)
    corpus = fixture_articles() + generated_articles(args.seed, args.pool)
    mutator = Mutator(rng, corpus, rule_phrases())
    total = args.cases if args.cases is not None else (None if args.seconds else 1000)
    cases = (
        (mutator.case() for _ in iter(int, 1)) if total is None else (mutator.case() for _ in range(total))
    )
    counts = run(cases, args.out, args.seconds, not args.no_minimise)
    return 1 if counts or problems else 0


if __name__ == "__main__":
    sys.exit(main())
