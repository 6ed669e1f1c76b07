"""The phrases of the rule files, compiled once into one index, and found in
a block's words in one scan.

A phrase is a sequence of tokens (`tokens`): runs of letters, runs of digits
and single CJK characters, lower-cased, every number read as ``0``. A block
is tokenised the same way, so punctuation, decoration and spacing never
matter: "- ADVERTISEMENT -" is the phrase "advertisement", and "12 Komentar"
the phrase "0 komentar".

The index maps a phrase's first token to the phrases that start with it;
`Lexicon.find` walks a block's tokens once and looks each one up, so finding
every phrase of every language costs one dictionary lookup per token, and is
linear in the block's length whatever the rule files hold.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import compress

import regex

#: A token: one CJK character, a run of other letters (with their marks), or a run of digits.
_TOKEN = regex.compile(
    r"[\p{Han}\p{Hiragana}\p{Katakana}]|[\p{L}\p{M}--\p{Han}\p{Hiragana}\p{Katakana}]+|\p{Nd}+",
    regex.V1,
)
#: Where a rule table says a phrase must stand in a block (see the rule files).
KEYS = ("labels", "leads", "ends", "words")


def tokens(text: str) -> list[str]:
    """The lower-cased tokens of ``text``, every number as ``0``.

    >>> tokens("12 Komentar - BACA JUGA: Harga-harga naik 5%")
    ['0', 'komentar', 'baca', 'juga', 'harga', 'harga', 'naik', '0']
    >>> tokens("13Shares 東京")
    ['0', 'shares', '東', '京']
    """
    return ["0" if t[0].isdigit() else t for t in _TOKEN.findall(text.lower())]


@dataclass(frozen=True, slots=True)
class Hit:
    """One phrase found in a block: its reason, its rule key, and the tokens
    it spans (``start`` inclusive, ``end`` exclusive)."""

    reason: str
    key: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Phrase:
    tokens: tuple[str, ...]
    reason: str
    key: str


@dataclass(frozen=True)
class Lexicon:
    """Every phrase of the rule files, indexed by its first token."""

    reasons: tuple[str, ...]
    index: dict[str, tuple[Phrase, ...]] = field(repr=False)

    @classmethod
    def of(cls, entries: Iterable[tuple[str, str, str]]) -> Lexicon:
        """A lexicon of ``(reason, key, phrase)`` triples.

        >>> lex = Lexicon.of([("related", "labels", "Baca juga"), ("comments", "words", "kolom komentar")])
        >>> [(h.reason, h.key, h.start, h.end) for h in lex.find(tokens("Baca juga: kolom komentar"))]
        [('related', 'labels', 0, 2), ('comments', 'words', 2, 4)]
        """
        grouped: dict[str, dict[Phrase, None]] = {}
        reasons: dict[str, None] = {}
        for reason, key, text in entries:
            words = tuple(tokens(text))
            if not words:
                continue
            reasons[reason] = None
            grouped.setdefault(words[0], {})[Phrase(words, reason, key)] = None
        # Longest first: where phrases nest, the longer one is found first.
        index = {
            first: tuple(sorted(found, key=lambda p: (-len(p.tokens), p.reason, p.key, p.tokens)))
            for first, found in grouped.items()
        }
        return cls(tuple(reasons), index)

    def find(self, words: Sequence[str]) -> list[Hit]:
        """Every phrase that occurs in ``words``, in order of where it starts
        (longer phrases first at the same start)."""
        hits: list[Hit] = []
        index = self.index
        count = len(words)
        # Only the places whose token starts a phrase are visited, picked out
        # in C (most tokens start none): the loop of one lookup per token, sped up.
        for start in compress(range(count), map(index.__contains__, words)):
            for phrase in index[words[start]]:
                end = start + len(phrase.tokens)
                if end <= count and (len(phrase.tokens) == 1 or tuple(words[start:end]) == phrase.tokens):
                    hits.append(Hit(phrase.reason, phrase.key, start, end))
        return hits
