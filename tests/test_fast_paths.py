"""Each shortcut taken for speed gives the same answer as the plain way it
replaces, on text drawn to hit its edges."""

from __future__ import annotations

import regex
from ftfy.badness import MOJIBAKE_CATEGORIES, is_bad
from hypothesis import given, settings
from hypothesis import strategies as st

from cleannews import measure, rules
from cleannews.measure import collapse_space, has_more_words, line_key, shape_key, shortest_shape_key, words
from cleannews.model import Block
from cleannews.steps.base import LineRule, rule_key
from cleannews.steps.comments import last_sentence
from cleannews.steps.fixes import has_mojibake

WHITESPACE = " \t\n\r\x0b\x0c\x1c\x85\xa0\u2000\u2028\u3000"
_RANGE = regex.compile(r"(.)-(.)", regex.DOTALL)


def _expanded(fragment: str) -> str:
    """The characters of a regex class fragment such as ``\\x80-\\x9f``."""
    return _RANGE.sub(lambda m: "".join(map(chr, range(ord(m[1]), ord(m[2]) + 1))), fragment)


MOJIBAKE_CHARS = "".join(sorted({c for v in MOJIBAKE_CATEGORIES.values() for c in _expanded(v)}))
TEXTY = st.text(alphabet=st.sampled_from(WHITESPACE + "ab.,!?…’'-_1é\u200b")) | st.text(max_size=40)
MOJIBAKY = st.text(alphabet=st.sampled_from(MOJIBAKE_CHARS + "ÂÃâ€œ“”’ ab.\n-"), max_size=40)
LINE_REASONS = sorted(
    {r for data in rules.languages().values() for r, t in data.items() if {"lines", "starts"} & set(t)}
)
_OLD_SPACE = regex.compile(r"\s+")
_OLD_BREAK = regex.compile(r"(?<=[.!?…])\s+")


@given(TEXTY)
def test_collapse_space_equals_a_whitespace_run_substitution(text: str) -> None:
    assert collapse_space(text) == _OLD_SPACE.sub(" ", text)


@given(TEXTY, st.integers(min_value=-1, max_value=8))
def test_has_more_words_equals_counting_every_word(text: str, limit: int) -> None:
    assert has_more_words(text, limit) == (len(words(text)) > limit)


@given(TEXTY, st.integers(min_value=30, max_value=45))
def test_has_more_words_up_to_a_long_limit_equals_counting_every_word(text: str, limit: int) -> None:
    assert has_more_words(text * 9, limit) == (len(words(text * 9)) > limit)


ASCII_TEXT = st.text(alphabet=st.characters(max_codepoint=127)) | st.text(
    alphabet=st.sampled_from(" \t.,-'_1aZ!?"), max_size=120
)


@given(ASCII_TEXT | TEXTY, st.integers(min_value=-1, max_value=30))
def test_words_read_by_the_standard_library_equal_the_regex_packages(text: str, limit: int) -> None:
    """ASCII text is split into words by `re`, other text by `regex`: the same words."""
    assert words(text) == measure._WORD.findall(text)
    assert has_more_words(text, limit) == (len(measure._WORD.findall(text)) > limit)


def test_the_two_regex_libraries_read_every_ascii_character_alike() -> None:
    """As a word character or not: what the word patterns use (``\\s`` differs, on ``\\x1c``)."""
    import re

    for n in range(128):
        char = chr(n)
        for cls in (r"\w", r"\W"):
            assert bool(re.fullmatch(cls, char)) == bool(regex.fullmatch(cls, char)), (cls, n)


@given(TEXTY)
def test_shortest_shape_key_is_never_longer_than_the_shape_key(text: str) -> None:
    assert shortest_shape_key(text) <= len(shape_key(text))


def test_printable_whitespace_is_the_space_and_casefolding_never_shortens() -> None:
    """What `shortest_shape_key` relies on, for every character."""
    space = regex.compile(r"\s")
    for char in (chr(n) for n in range(0x110000) if not 0xD800 <= n < 0xE000):
        if char.isprintable() and (char.isspace() or space.match(char)):
            assert char == " ", hex(ord(char))
        assert char.casefold(), hex(ord(char))


@given(TEXTY)
def test_last_sentence_equals_the_last_piece_of_a_sentence_split(text: str) -> None:
    assert last_sentence(text) == _OLD_BREAK.split(text.strip())[-1]


@settings(max_examples=2000)
@given(MOJIBAKY | TEXTY)
def test_has_mojibake_equals_ftfy_is_bad(text: str) -> None:
    assert has_mojibake(text) == is_bad(text)


LABELS = st.sampled_from(
    [
        "baca juga: kabar",
        "advertisement",
        "komentar",
        "foto: x",
        "(abc/def)",
        "share on facebook",
        "iklan",
        "tulis pendapatmu di kolom komentar",
        "beli sekarang juga",
    ]
)


@given(st.sampled_from(LINE_REASONS), LABELS | TEXTY)
def test_is_line_of_equals_lines_whole_or_starts_at_the_start(reason: str, text: str) -> None:
    key = line_key(text)
    plain = rules.line_matches(reason, "lines", key) or rules.line_matches(reason, "starts", key)
    assert rules.is_line_of(reason, key) == plain


@given(st.sampled_from(LINE_REASONS), LABELS | TEXTY)
def test_a_block_rule_key_clears_matches_no_line_rule(reason: str, text: str) -> None:
    """The screen clears a block for every rule's ``lines`` and ``starts``;
    ``shapes`` see the brackets the key strips, and are matched on their own."""
    if rule_key(text) is None and not rules.line_matches(reason, "shapes", shape_key(text)):
        assert LineRule(reason)(Block(text)) is None


@given(st.sampled_from([("comments", "calls"), ("ad", "copy")]), LABELS | TEXTY)
def test_found_equals_a_forward_search(reason_key: tuple[str, str], text: str) -> None:
    reason, key = reason_key
    assert rules.found(reason, key, text) == (rules.search(reason, key, text) is not None)
