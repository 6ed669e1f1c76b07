"""Inputs built to be slow: every rule pattern takes time linear in the size
of strings made to make it backtrack; so does `clean_text` on hostile articles.

Times are compared as ratios of CPU times measured in the same test (see
`tests.timing`), never with a constant, so a busy machine passes as long as
the growth is linear.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import regex
from lxml.html import fromstring

import cleannews
from cleannews import rules
from cleannews.evidence import FEATURES, Evidence
from cleannews.model import Block
from cleannews.readers.html import Segment, locate, text_places
from cleannews.scorer import Model
from cleannews.steps import drop_scored
from tests.timing import GROWTH, assert_linear

#: The larger hostile size: a quadratic pattern takes 4e8 steps there, a
#: linear search milliseconds. The smaller one is SIZE // GROWTH.
SIZE = 20_000


def hostile_strings(source: str, size: int = SIZE) -> Iterator[tuple[str, str]]:
    """``(name, text)`` pairs meant to make ``source`` backtrack: runs of
    spaces, punctuation and brackets, and the pattern's own words repeated
    (so every prefix matches and the end fails), all casefolded like the
    `line_key` the rules see."""
    found = regex.findall(r"[a-z]{2,}", source) or ["a"]
    phrase = " ".join(found)
    times = max(size // (len(phrase) + 1), 1)
    yield "spaces", " " * size
    yield "letters between spaces", "a" + " " * size + "!"
    yield "one long word", "a" * size
    yield "long word then slash", "a" * size + "/"
    yield "short words", "kata " * (size // 5)
    yield "dots", "." * size
    yield "punctuation", ".,:;-–—/\\|!?*#" * (size // 14)
    yield "digits", "1" * size
    yield "digits and dots", "1." * (size // 2)
    yield "nested brackets", "(" * (size // 2) + ")" * (size // 2)
    yield "square brackets", "[" * (size // 2) + "a" + "]" * (size // 2)
    yield "joined words", "a-b'c’d." * (size // 8)
    yield "slashed words", "ab/" * (size // 3)
    yield "pattern words repeated", (phrase + " ") * times
    yield "pattern words run together", "".join(found) * times
    yield "pattern words then a stray end", (phrase + " ") * times + "!"
    yield "first pattern word repeated", (found[0] + " ") * (size // (len(found[0]) + 1))
    yield "pattern words between dots", (". ".join(found) + ". ") * times


def every_entry() -> Iterator[tuple[str, str, str, str]]:
    """``(file, reason, key, pattern)`` of every pattern entry shipped, in
    nested tables too (``[related.inline]``)."""
    for source, table in rules.default_rules().tables:
        yield from _entries(Path(source).stem, table, "")


def _entries(name: str, table: dict, prefix: str) -> Iterator[tuple[str, str, str, str]]:
    for key, value in table.items():
        if isinstance(value, dict):
            yield from _entries(name, value, f"{prefix}{key}.")
        elif isinstance(value, list):
            for entry in value:
                if isinstance(entry, dict) and "pattern" in entry:
                    yield name, prefix.rstrip("."), key, entry["pattern"]


def assert_linear_on_hostile(compiled: regex.Pattern[str], name: str, how: tuple[str, ...]) -> None:
    """Each way of matching takes time linear in the size of the hostile
    strings, all of them matched in turn: one string that makes the pattern
    backtrack dominates the total at the larger size."""
    for mode in how:
        match = getattr(compiled, mode)

        def match_all(texts: object, match: Callable[[str], object] = match) -> None:
            for text in texts:  # type: ignore[attr-defined]
                match(text)

        def build(size: int) -> list[str]:
            return [text for _, text in hostile_strings(compiled.pattern, size)]

        assert_linear(build, match_all, SIZE // GROWTH, f"{name}: {mode}")


ENTRIES = list(every_entry())


@pytest.mark.parametrize(
    ("language", "reason", "key", "source"),
    ENTRIES,
    ids=[f"{lang}-{reason}-{key}-{n}" for n, (lang, reason, key, _) in enumerate(ENTRIES)],
)
def test_rule_pattern_does_not_backtrack_on_hostile_strings(language, reason, key, source) -> None:
    """Matched whole or searched anywhere, as the steps and the evidence pass do."""
    name = f"{language}.toml [{reason}] {key}: {source}"
    assert_linear_on_hostile(regex.compile(source, rules.FLAGS), name, ("fullmatch", "search"))


def test_every_shipped_language_has_patterns_under_test() -> None:
    assert {language for language, *_ in ENTRIES} >= {"en", "id"}


# End to end --------------------------------------------------------------------

#: Builders of hostile articles, each ``count -> text`` growing linearly.
HOSTILE_ARTICLES: dict[str, Callable[[int], str]] = {
    "one long line of words": lambda n: "kata " * (n * 4),
    "one long line without spaces": lambda n: "a" * (n * 20),
    "one long line of punctuation": lambda n: ".,:;-/" * (n * 3),
    "one long line of nested brackets": lambda n: "(" * (n * 10) + ")" * (n * 10),
    "many short lines": lambda n: "baris pendek\n" * n,
    "repeated ad labels": lambda n: "Advertisement\n" * n,
    "ad labels and copy": lambda n: "Advertisement\nBELI SEKARANG\n" * n,
    "repeated comment labels": lambda n: "Komentar\n" * n,
    "comment labels over threads": lambda n: "Comments\nAnna says:\nKata baik di sini untuk semua.\n" * n,
    "repeated title": lambda n: "Judul Berita Besar\n" * n,
    "escape artifacts": lambda n: "\\n\n" * n,
    "spaces and tabs": lambda n: (" \t" * 50 + "x\n") * (n // 10),
    "mojibake": lambda n: "Kata â€œbaikâ€\x9d di sini.\n" * n,
    "many distinct short lines": lambda n: "".join(f"baris pendek {i}\n" for i in range(n)),
    "binary read as latin-1": lambda n: random.Random(15).randbytes(n * 4).decode("latin-1"),
}
BASE = 1_500


@pytest.mark.parametrize("name", sorted(HOSTILE_ARTICLES))
def test_clean_text_time_grows_linearly_on_hostile_input(name: str) -> None:
    assert_linear(HOSTILE_ARTICLES[name], cleannews.clean_text, BASE, name)


def html_page(count: int) -> str:
    """A page of ``count`` stretches of a paragraph, a box of links and a captioned figure."""
    unit = (
        '<div class="story"><p>Warga kota {n} menunggu keputusan pemerintah tentang harga beras, '
        'kata pejabat.</p><ul><li><a href="/a/{n}">Berita lain {n}</a></li></ul>'
        '<figure><img src="/i/{n}.jpg"><figcaption>Foto: Andi/{n}</figcaption></figure></div>\n'
    )
    body = "".join(unit.format(n=n) for n in range(count))
    return (
        f"<html><head><title>Judul</title></head><body><article><h1>Judul</h1>{body}</article></body></html>"
    )


def test_clean_html_time_grows_linearly_on_a_page_of_many_paragraphs() -> None:
    """Issue 15: a 21 MB page took over 240 s, growing faster than its size."""
    assert_linear(html_page, cleannews.clean_html, 150, "clean_html on a long page")


def repeated_share_boxes(count: int) -> tuple[list[Segment], dict[str, list[tuple[int, Any]]]]:
    """The blocks and text places of a page whose every paragraph has the same
    "Bagikan" link under it, the way a share box repeats down a page."""
    unit = "<p>Paragraf nomor {n} tentang harga beras.</p><ul><li><a>Bagikan</a></li></ul>"
    tree = fromstring("<div>" + "".join(unit.format(n=n) for n in range(count)) + "</div>")
    return [Segment("li", "Bagikan")] * count, text_places(tree)


def test_placing_a_text_repeated_all_over_a_page_is_linear() -> None:
    """Each repeat was looked for from the page's first copy on (quadratic:
    8,000 share links took 1.1 s of the HTML reader, 2,000 took 0.08 s)."""
    assert_linear(repeated_share_boxes, lambda built: locate(*built), 2_000, "locate on repeated text")


def test_the_glued_reporter_code_pattern_is_linear() -> None:
    """Made from ``[byline] codes`` in `cleannews.credits`, outside the rule
    tables, and searched at the end of whole paragraphs."""
    from cleannews.credits import _glued_code

    compiled = _glued_code()
    assert compiled is not None
    assert_linear_on_hostile(compiled, "bylines._glued_code", ("search",))


# Steps over many blocks ------------------------------------------------------------

#: Blocks per article at the smaller size: enough that copying the rest of the
#: list at every block (quadratic) costs more than the step's own work.
MANY_BLOCKS = 3_000


def _measured(count: int) -> list[Block]:
    """``count`` short kept lines, each with evidence that makes nothing certain
    (made by hand: the evidence pass is not what is timed)."""
    evidence = Evidence(tuple(0.0 for _ in FEATURES), (), None, 2)
    return [Block("Latar belakang", line=n + 1, evidence=evidence) for n in range(count)]


def test_drop_scored_is_linear_in_the_number_of_blocks() -> None:
    """Looking for the block after each one does not copy the rest of the article."""
    leaf = Model(FEATURES, (((-1, 0.0, 0, 0, -5.0),),), 0.0, 0.5)
    assert_linear(_measured, drop_scored(model=leaf), MANY_BLOCKS, "drop_scored")
