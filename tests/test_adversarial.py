"""Inputs built to be slow: every rule pattern, alone and in the alternations
the library compiles, takes time linear in the size of strings made to make
it backtrack; so does `clean_text` on hostile articles.

Times are compared as ratios of CPU times measured in the same test (see
`tests.timing`), never with a constant, so a busy machine passes as long as
the growth is linear.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
import regex

import cleannews
from cleannews import rules
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
    """``(language, reason, key, pattern)`` for every rule entry shipped."""
    for language, data in rules.languages().items():
        for reason, table in data.items():
            if not isinstance(table, dict):
                continue
            for key, found in table.items():
                for entry in found if isinstance(found, list) else []:
                    if isinstance(entry, dict) and "pattern" in entry:
                        yield language, reason, key, entry["pattern"]


def compiled_entry(key: str, source: str) -> regex.Pattern[str]:
    """One entry, compiled the way the rules loader compiles it."""
    suffix = "(?!\\w)" if key == "starts" else ""
    return regex.compile(f"(?:{source}){suffix}", rules._FLAGS)


def modes(key: str) -> tuple[str, ...]:
    """How the library matches a ``key``'s patterns: ``lines`` whole (alone,
    or anchored with ``\\Z`` in a line family), ``starts`` at the start, any
    other key (``calls``, ``copy``) searched anywhere. A ``lines`` pattern
    such as ``\\d+ komentar`` would be quadratic if searched, and is never
    searched."""
    if key in rules.WHOLE_LINE_KEYS:
        return ("fullmatch", "match")
    if key == "starts":
        return ("match",)
    return ("search",)


#: The keys `rules.found` is called with: only these are searched from the end.
SEARCHED_FROM_THE_END = frozenset({("comments", "calls")})


def every_alternation() -> Iterator[tuple[str, regex.Pattern[str] | None, tuple[str, ...]]]:
    """Every combined pattern the library matches with, and how: per reason
    and key, per line family, the union of all line rules, and the reversed
    forms `rules.found` searches with."""
    keys = {(r, k) for _, r, k, _ in every_entry()}
    for reason, key in sorted(keys):
        yield f"pattern({reason}, {key})", rules.pattern(reason, key), modes(key)
        if (reason, key) in SEARCHED_FROM_THE_END:
            yield f"reversed({reason}, {key})", rules._reversed(reason, key), ("search",)
    for reason in sorted({r for r, _ in keys}):
        for length, compiled in rules.line_family(reason).tiers:
            yield f"line_family({reason}) from {length} characters", compiled, ("match",)
    for length, compiled in rules.any_line_family().tiers:
        yield f"any_line_family() from {length} characters", compiled, ("match",)


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
    name = f"{language}.toml [{reason}] {key}: {source}"
    assert_linear_on_hostile(compiled_entry(key, source), name, modes(key))


def test_reversed_search_of_every_searched_pattern_is_linear() -> None:
    """`rules.found` searches from the end: each searched entry, reversed."""
    for language, reason, key, source in ENTRIES:
        if modes(key) == ("search",):
            backwards = regex.compile("(?r)" + compiled_entry(key, source).pattern, rules._FLAGS)
            name = f"{language} [{reason}] {key} reversed: {source}"
            assert_linear_on_hostile(backwards, name, ("search",))


ALTERNATIONS = [(name, p, how) for name, p, how in every_alternation() if p is not None]


@pytest.mark.parametrize(("name", "compiled", "how"), ALTERNATIONS, ids=[name for name, *_ in ALTERNATIONS])
def test_combined_alternation_does_not_backtrack_on_hostile_strings(name, compiled, how) -> None:
    assert_linear_on_hostile(compiled, name, how)


def test_every_shipped_language_has_patterns_under_test() -> None:
    assert {language for language, *_ in ENTRIES} == set(rules.languages())


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
    "repeated title": lambda n: "Judul Berita Besar\n" * n,
    "escape artifacts": lambda n: "\\n\n" * n,
    "spaces and tabs": lambda n: (" \t" * 50 + "x\n") * (n // 10),
    "mojibake": lambda n: "Kata â€œbaikâ€\x9d di sini.\n" * n,
}
BASE = 1_500


@pytest.mark.parametrize("name", sorted(HOSTILE_ARTICLES))
def test_clean_text_time_grows_linearly_on_hostile_input(name: str) -> None:
    assert_linear(HOSTILE_ARTICLES[name], cleannews.clean_text, BASE, name)


def test_a_rule_match_that_times_out_keeps_the_block(monkeypatch: pytest.MonkeyPatch) -> None:
    """The timeout is a last guard: when it fires, the block is kept and
    nothing raises (total and conservative)."""
    monkeypatch.setattr(rules, "TIMEOUT", 1e-9)
    line = "1" * 200_000 + " comments"
    article = cleannews.clean_text(f"Judul Berita\n\n{line}\n\nBaca juga: kabar lain")
    assert line in article.paragraphs


def test_a_long_line_is_still_guarded(monkeypatch: pytest.MonkeyPatch) -> None:
    """Just over the unguarded length, a match that runs out of time keeps the block."""
    monkeypatch.setattr(rules, "TIMEOUT", 1e-9)
    line = "1" * rules.UNGUARDED_UP_TO + " comments"
    assert rules.guarded(regex.compile(r"\d+ comments").fullmatch, line) is None
    assert rules.guarded(regex.compile(r"\d+ comments").fullmatch, "12 comments") is not None


def test_the_glued_reporter_code_pattern_is_linear() -> None:
    """Made from ``[byline] codes`` in `steps.bylines`, outside the rule tables,
    and searched over whole paragraphs without the timeout guard (up to
    `rules.UNGUARDED_UP_TO` characters)."""
    from cleannews.steps.bylines import _glued_code

    compiled = _glued_code()
    assert compiled is not None
    assert_linear_on_hostile(compiled, "bylines._glued_code", ("search",))
