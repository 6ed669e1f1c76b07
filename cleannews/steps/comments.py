"""Comment-section residue at the tail: the widget debris after a comment
label ("Komentar", "Kirim Komentar", "Leave a Reply", "0 Comments") that
follows the last sentence of the article, and a question to the reader
right over a call to comment ("How do you see it?" over "Write in the
comment column"). The labels and the calls to comment themselves are rules
(``[comments]``) that `drop_certain` applies.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from cleannews.measure import line_key, reads_as_sentence
from cleannews.model import Block
from cleannews.reasons import COMMENTS
from cleannews.rules import default_rules
from cleannews.steps.base import certain_reason, certain_rule


@dataclass(frozen=True)
class drop_comment_tail:  # noqa: N801 - a step, named for what it does
    """Drop what follows the first comment label after the last sentence:
    counters, names, dates and buttons of a comment widget. A label in
    mid-article does not open the tail; one already dropped still does.
    """

    def __call__(self, blocks: Sequence[Block]) -> list[Block]:
        out = _drop_questions_over_calls(blocks)
        last = max((i for i, b in enumerate(out) if b.kept and reads_as_sentence(b.text)), default=-1)
        start = next((i for i, b in enumerate(out) if i > last and _is_label(b)), None)
        if start is None:
            return out
        return [
            b.drop(COMMENTS, why="after the comment label under the article")
            if i > start and b.kept and b.kind != "title"
            else b
            for i, b in enumerate(out)
        ]


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
    return any(p.fullmatch(key) for p in default_rules().patterns("comments", "questions"))


def _is_call(block: Block) -> bool:
    """A call to comment dropped by a rule of its own (not a bare label such as "Komentar")."""
    found = certain_rule(block)
    return block.reason == COMMENTS and found is not None and found[0] == COMMENTS and found[1] != "labels"
