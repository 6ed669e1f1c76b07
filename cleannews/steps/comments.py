"""Comment-section residue: its labels ("Komentar", "Kirim Komentar", "Leave a
Reply", "0 Comments"), calls to comment ("... di kolom komentar", "Tell us in
the comments") and the widget debris after a comment label at the tail.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import regex

from cleannews import rules
from cleannews.measure import line_key, reads_as_sentence, words
from cleannews.model import Block
from cleannews.steps.base import LineRule, kept_indexes

COMMENTS = "comments"
comment_label = LineRule(COMMENTS)
_SENTENCE_BREAK = regex.compile(r"(?<=[.!?…])\s+")


def last_sentence(text: str) -> str:
    """The last sentence of ``text``.

    >>> last_sentence("Mari kawal isu ini. Suarakan pendapat Anda di kolom komentar.")
    'Suarakan pendapat Anda di kolom komentar.'
    """
    return _SENTENCE_BREAK.split(text.strip())[-1]


@dataclass(frozen=True)
class call_to_comment:  # noqa: N801 - a filter, named for what it finds
    """A filter: a short block whose last sentence asks readers to comment
    (``[comments] calls`` in the rules). A long paragraph is kept whole."""

    max_words: int = 40

    def __call__(self, block: Block) -> str | None:
        if len(words(block.text)) > self.max_words:
            return None
        found = rules.search(COMMENTS, "calls", line_key(last_sentence(block.text)))
        return COMMENTS if found else None

    @property
    def __name__(self) -> str:
        return "call_to_comment"


@dataclass(frozen=True)
class drop_comment_tail:  # noqa: N801 - a step, named for what it does
    """Drop what follows the first comment label when nothing after it reads
    as a sentence: counters, names, dates and buttons of a comment widget."""

    def __call__(self, blocks: Sequence[Block]) -> list[Block]:
        out = list(blocks)
        kept = kept_indexes(out)
        start = next((n for n, i in enumerate(kept) if comment_label(out[i])), None)
        if start is None:
            return out
        tail = kept[start:]
        if any(reads_as_sentence(out[i].text) for i in tail):
            return [b.drop(COMMENTS) if b.kept and comment_label(b) else b for b in out]
        for i in tail:
            if out[i].kind != "title":
                out[i] = out[i].drop(COMMENTS)
        return out
