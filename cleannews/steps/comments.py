"""Comment-section residue: its labels ("Komentar", "Kirim Komentar", "Leave a
Reply", "0 Comments"), calls to comment ("... di kolom komentar", "Tell us in
the comments") and the widget debris after a comment label at the tail.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import regex

from cleannews import rules
from cleannews.measure import has_more_words, line_key, reads_as_sentence
from cleannews.model import Block
from cleannews.reasons import COMMENTS
from cleannews.rules import reach
from cleannews.steps.base import LineRule

comment_label = LineRule(COMMENTS)
#: Searched from the end (``(?r)``): the last break is found without
#: splitting every sentence of a long paragraph.
_LAST_SENTENCE_BREAK = regex.compile(r"(?r)(?<=[.!?…])\s+")


def last_sentence(text: str) -> str:
    """The last sentence of ``text``.

    >>> last_sentence("Mari kawal isu ini. Suarakan pendapat Anda di kolom komentar.")
    'Suarakan pendapat Anda di kolom komentar.'
    """
    text = text.strip()
    found = _LAST_SENTENCE_BREAK.search(text)
    return text[found.end() :] if found else text


@dataclass(frozen=True)
class call_to_comment:  # noqa: N801 - a filter, named for what it finds
    """A filter: a short block whose last sentence asks readers to comment
    (``[comments] calls`` in the rules). A long paragraph is kept whole."""

    max_words: int = 40

    def __call__(self, block: Block) -> str | None:
        # Most blocks hold no word a call needs: one scan of the folded text
        # says so before words are counted or the last sentence is cut.
        if not rules.may_find_within(COMMENTS, "calls", reach.fold(block.text)):
            return None
        if has_more_words(block.text, self.max_words):
            return None
        return COMMENTS if rules.found(COMMENTS, "calls", line_key(last_sentence(block.text))) else None

    @property
    def __name__(self) -> str:
        return "call_to_comment"


@dataclass(frozen=True)
class drop_comment_tail:  # noqa: N801 - a step, named for what it does
    """Drop every comment label, and what follows the first label after the
    last sentence: counters, names, dates and buttons of a comment widget.

    A label earlier steps already dropped (a call to comment such as "Leave a
    comment") still opens the tail; a label in mid-article does not keep the
    widget debris at the end.
    """

    def __call__(self, blocks: Sequence[Block]) -> list[Block]:
        out = [b.drop(COMMENTS) if _is_label(b) and b.kept else b for b in blocks]
        last = max((i for i, b in enumerate(out) if b.kept and reads_as_sentence(b.text)), default=-1)
        start = next((i for i, b in enumerate(out) if i > last and _is_label(b)), None)
        if start is None:
            return out
        return [
            b.drop(COMMENTS) if i > start and b.kept and b.kind != "title" else b for i, b in enumerate(out)
        ]


def _is_label(block: Block) -> bool:
    """A comment label not taken as the title, kept or dropped as comment residue."""
    return block.kind != "title" and block.reason in (None, COMMENTS) and comment_label(block) is not None
