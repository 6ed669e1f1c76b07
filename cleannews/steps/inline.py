"""Residue inside a paragraph: an inline "Baca juga: <headline>" link, a
prompt glued to the end of the last paragraph, or a reporter code glued
after its last sentence. The reporting around it is
kept; the span is cut off and recorded with its reason.

Only unambiguous spans are cut. A span starts at a sentence start. A link
is a label from ``[related.inline] labels`` and the headline after it, which
runs while its words are written like a headline (capitalised, or small
words from ``[related.inline] small``) and ends where a sentence starts: a
capitalised word followed by two words in lower case; what follows it must
read as a sentence (five words or more, ending in a full stop). A tail is text
from a sentence start to the end of the paragraph that matches one of
``[<reason>.inline] tails`` as a whole.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import regex

from cleannews.credits import split_trailing_code
from cleannews.measure import ends_sentence, has_more_words, line_key
from cleannews.model import Block
from cleannews.reasons import BYLINE, RELATED
from cleannews.rules import active_rules

#: Reasons whose ``[<reason>.inline] tails`` are cut off the end of a paragraph.
TAIL_REASONS = ("related", "newsletter", "comments")
#: A linked headline is read within this many characters of its label, and a
#: tail starts within this many of the end: spans are short, and so every
#: paragraph costs time linear in its length, however many sentences it has.
MAX_HEADLINE_CHARS = 400
MAX_TAIL_CHARS = 600

#: Where a sentence may start: the start of the text, or after a sentence end.
_SENTENCE_START = regex.compile(r"(?:^|(?<=[.!?…\"”’)])\s+)(?=\S)")
_WORD = regex.compile(r"\S+")


def sentence_starts(text: str) -> list[int]:
    """Offsets in ``text`` where a sentence may start (a list, not a
    generator: its callers read nearly all of them, and a list is made faster).

    >>> sentence_starts("Satu. Dua! Tiga")
    [0, 6, 11]
    """
    return [match.end() for match in _SENTENCE_START.finditer(text)]


def _title_word(word: str, small: frozenset[str]) -> bool:
    bare = word.strip("\"'“”‘’()[],;:")
    return not bare or bare[0].isupper() or bare[0].isdigit() or bare.casefold() in small


def _lower_word(word: str, small: frozenset[str]) -> bool:
    bare = word.strip("\"'“”‘’(),;:")
    return bool(bare) and bare[0].islower() and bare.casefold() not in small


def headline_end(text: str, start: int, *, min_words: int = 3, max_loose: int = 1) -> int | None:
    """Where a headline starting at ``start`` ends: before the capitalised
    word that starts the next sentence; ``None`` when that is not clear.

    >>> t = "Kewajiban dalam Kegiatan Kerja Bakti Manfaat kerja bakti lainnya adalah gotong royong."
    >>> t[: headline_end(t, 0)]
    'Kewajiban dalam Kegiatan Kerja Bakti'
    """
    small = active_rules().words("related.inline", "small")
    found = list(_WORD.finditer(text, start, start + MAX_HEADLINE_CHARS))
    loose = 0
    for i, word in enumerate(found):
        if i >= min_words and word.group()[0].isupper() and _sentence_after(found[i + 1 : i + 3], small):
            return found[i - 1].end()
        if word.group()[-1] in "?!" and i + 1 >= min_words and i + 1 < len(found):
            return word.end() if found[i + 1].group()[0].isupper() else None
        if not _title_word(word.group(), small):
            loose += 1
            if loose > max_loose:
                return None
    return None


def _sentence_after(following: list[regex.Match[str]], small: frozenset[str]) -> bool:
    return len(following) == 2 and all(_lower_word(w.group(), small) for w in following)


def find_inline_link(text: str, *, min_rest_words: int = 5) -> tuple[int, int] | None:
    """The span of an inline "Baca juga: <headline>" link with reporting
    after it that ends like a sentence, or ``None``.

    >>> t = "Baca juga: Harga Beras Naik Lagi Menurut para pedagang, harga naik sejak pekan lalu."
    >>> s, e = find_inline_link(t)
    >>> t[s:e]
    'Baca juga: Harga Beras Naik Lagi'
    """
    labels = active_rules().compiled("related.inline", "labels")
    if not labels:
        return None
    for start in sentence_starts(text):
        label = next((m for p in labels if (m := p.match(text, start))), None)
        if label is None:
            continue
        end = headline_end(text, label.end())
        if (
            end is not None
            and ends_sentence(text)
            and has_more_words(text[end : end + MAX_HEADLINE_CHARS], min_rest_words - 1)
        ):
            return start, end
    return None


def find_tail(text: str, *, min_kept_words: int = 5) -> tuple[int, str] | None:
    """Where a prompt glued to the end of ``text`` starts, and its reason.

    >>> t = "Warga bekerja bakti setiap pekan. Simak breaking news dan berita pilihan kami di ponselmu."
    >>> find_tail(t)
    (34, 'newsletter')
    """
    # Once the text before a start has enough words, so has the text before later starts.
    tails = [(r, p) for r in TAIL_REASONS for p in active_rules().compiled(f"{r}.inline", "tails")]
    enough = False
    for start in sentence_starts(text) if tails else ():
        if len(text) - start > MAX_TAIL_CHARS:
            continue
        enough = enough or has_more_words(text[max(0, start - MAX_TAIL_CHARS) : start], min_kept_words - 1)
        if not enough:
            continue
        rest = line_key(text[start:])
        for reason, pattern in tails:
            if pattern.fullmatch(rest):
                return start, reason
    return None


def trim_block(block: Block) -> Block:
    """``block`` with its inline links, glued tail and glued reporter code
    ("... kata dia. (fyk/ash)", see `split_trailing_code`) cut off and recorded.

    >>> b = trim_block(Block("Isi berita yang panjang ini benar. BERITA TERKAIT +"))
    >>> b.text, [(c.text, c.reason) for c in b.cuts]
    ('Isi berita yang panjang ini benar.', [('BERITA TERKAIT +', 'related')])
    """
    # Until nothing more comes off, so that a second cleaning cuts nothing.
    while (trimmed := _trim_once(block)).text != block.text:
        block = trimmed
    return block


def _trim_once(block: Block) -> Block:
    """One round of `trim_block`."""
    # Tails first, so that what follows a link must end like a sentence
    # without them; the cuts are then recorded in text order.
    tails: list[tuple[str, str]]
    head, tails = block.text, []
    while tail := find_tail(head):
        start, reason = tail
        head, tails = head[:start].rstrip(), [(head[start:].strip(), reason), *tails]
    rest = " ".join(text for text, _ in tails)
    while span := find_inline_link(head):
        start, end = span
        link = head[start:end].strip()
        head = (head[:start].rstrip() + " " + head[end:].lstrip()).strip()
        block = block.trim(f"{head} {rest}".strip(), link, RELATED, why="a link glued inside the paragraph")
    for n, (text, reason) in enumerate(tails):
        kept = " ".join([head, *(t for t, _ in tails[n + 1 :])])
        block = block.trim(kept, text, reason, why=f"a {reason} prompt glued to the paragraph's end")
    if code := split_trailing_code(block.text):
        kept, cut, pairs = code
        block = block.trim(kept, cut, BYLINE, pairs, why="an editors' code after the last sentence")
    return block


@dataclass(frozen=True)
class trim_inline:  # noqa: N801 - a step, named for what it does
    """Cut inline links and glued prompts out of kept paragraphs."""

    def __call__(self, blocks: Sequence[Block]) -> list[Block]:
        return [trim_block(b) if b.kept and b.kind != "title" else b for b in blocks]
