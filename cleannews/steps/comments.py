"""Comment-section residue at the tail: the widget debris after a comment
label ("Komentar", "Kirim Komentar", "Leave a Reply", "0 Comments") that
follows the last sentence of the article, a thread of comments under a
label (comment headers such as "<name> on <date> <time>" follow it), and
a question to the reader right over a call to comment ("How do you see
it?" over "Write in the comment column"). The labels and the calls to
comment themselves are rules (``[comments]``) that `drop_certain` applies.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate

from cleannews.measure import line_key, reads_as_sentence
from cleannews.model import Block
from cleannews.reasons import COMMENTS
from cleannews.rules import active_rules
from cleannews.steps.base import certain_reason, certain_rule


@dataclass(frozen=True)
class drop_comment_tail:  # noqa: N801 - a step, named for what it does
    """Drop what follows the first comment label after the last sentence:
    counters, names, dates and buttons of a comment widget. A label in
    mid-article does not open the tail; one already dropped still does.

    A label above sentences opens the tail when a thread follows it: at
    least ``min_headers`` comment headers (`is_comment_header`) under it, the
    first within ``reach`` lines of it, and at least ``min_words_above`` words
    of sentences above it (the article the comments are on).
    """

    min_headers: int = 3
    reach: int = 12
    min_words_above: int = 50

    def __call__(self, blocks: Sequence[Block]) -> list[Block]:
        out = _drop_questions_over_calls(blocks)
        last = max((i for i, b in enumerate(out) if b.kept and reads_as_sentence(b.text)), default=-1)
        start = next((i for i, b in enumerate(out) if i > last and _is_label(b)), None)
        why = "after the comment label under the article"
        if start is None:
            start = self.thread_start(out)
            why = "in the comment thread under the label"
        if start is None:
            return out
        return [
            b.drop(COMMENTS, why=why) if i > start and b.kept and b.kind != "title" else b
            for i, b in enumerate(out)
        ]

    def thread_start(self, blocks: Sequence[Block]) -> int | None:
        """The first comment label a thread of comments follows (see the class)."""
        labels = [i for i, b in enumerate(blocks) if _is_label(b)]
        if not labels:
            return None
        # Headers a byline or date rule already dropped still mark the thread.
        headers = [i for i, b in enumerate(blocks) if b.kind != "title" and is_comment_header(b.text)]
        if len(headers) < self.min_headers:
            return None
        # Words of the sentences above each block, counted once for all labels.
        words = list(
            accumulate(
                (len(b.text.split()) if b.kept and reads_as_sentence(b.text) else 0 for b in blocks),
                initial=0,
            )
        )
        for at in labels:
            after = bisect_right(headers, at)
            if (
                words[at] >= self.min_words_above
                and len(headers) - after >= self.min_headers
                and headers[after] - at <= self.reach
            ):
                return at
        return None


def is_comment_header(text: str) -> bool:
    """Whether ``text`` reads as the header of one comment in a thread
    (``[comments] headers`` in the rules): who wrote it and when.

    >>> is_comment_header("Heather on October 23rd, 2012 1:37 pm"), is_comment_header("Marrije Says:")
    (True, True)
    >>> is_comment_header("The minister said on Monday that prices would rise.")
    False
    """
    if len(text) > _LONGEST_HEADER:
        return False
    key = line_key(text)
    return any(p.fullmatch(key) for p in active_rules().patterns("comments", "headers"))


#: Longer lines are no comment header (and are not matched against the patterns).
_LONGEST_HEADER = 160


def _is_label(block: Block) -> bool:
    """A comment label not taken as the title, kept or dropped as comment residue."""
    return block.kind != "title" and block.reason in (None, COMMENTS) and certain_reason(block) == COMMENTS


def _drop_questions_over_calls(blocks: Sequence[Block]) -> list[Block]:
    """The blocks with each question to the reader that stands right over a
    call to comment dropped with it: the two are one prompt on two lines."""
    return [
        b.drop(COMMENTS, why="a question to the reader over a call to comment")
        if i + 1 < len(blocks)
        and b.kept
        and b.kind != "title"
        and asks_the_reader(b.text)
        and _is_call(blocks[i + 1])
        else b
        for i, b in enumerate(blocks)
    ]


def asks_the_reader(text: str) -> bool:
    """Whether ``text`` is a short question put to the reader (``[comments]
    questions`` in the rules).

    >>> asks_the_reader("How do you see it?"), asks_the_reader("Bagaimana menurut Anda?")
    (True, True)
    >>> asks_the_reader("How do you see it"), asks_the_reader("Siapa yang menang pemilu?")
    (False, False)
    """
    if not text.rstrip().endswith("?"):
        return False
    key = line_key(text)
    return any(p.fullmatch(key) for p in active_rules().patterns("comments", "questions"))


def _is_call(block: Block) -> bool:
    """A call to comment dropped by a rule of its own (not a bare label such as "Komentar")."""
    found = certain_rule(block)
    return block.reason == COMMENTS and found is not None and found[0] == COMMENTS and found[1] != "labels"
