"""Comment-section residue at the tail: the widget debris after a comment
label ("Komentar", "Kirim Komentar", "Leave a Reply", "0 Comments") that
follows the last sentence of the article. The labels and the calls to
comment themselves are rules (``[comments]``) that `drop_certain` applies.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from cleannews.measure import reads_as_sentence
from cleannews.model import Block
from cleannews.reasons import COMMENTS
from cleannews.steps.base import certain_reason


@dataclass(frozen=True)
class drop_comment_tail:  # noqa: N801 - a step, named for what it does
    """Drop what follows the first comment label after the last sentence:
    counters, names, dates and buttons of a comment widget. A label in
    mid-article does not open the tail; one already dropped still does.
    """

    def __call__(self, blocks: Sequence[Block]) -> list[Block]:
        out = list(blocks)
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
