"""Boxes that close an article and say nothing of its story: a reader
appeal (a letter asking for support, the staff, a "Support <site>" button)
and a bare list of headlines under the last paragraph.

Their lines read like text (the appeal's letter is prose, a headline looks
like a heading), so each box is known by what brackets it or by the shape
of all its lines together, and only near the end of the text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from cleannews import rules
from cleannews.measure import has_more_words, line_key, reads_as_prose
from cleannews.model import Block
from cleannews.reasons import ESCAPE_ARTIFACT, NEWSLETTER
from cleannews.steps.context import reads_as_box_line


@dataclass(frozen=True)
class drop_appeal_box:  # noqa: N801 - a step, named for what it does
    """Drop a reader appeal box that closes the text, as ``newsletter``: from
    a line asking for the reader's support ("A word to our readers",
    "Support <site> and make a difference ...", ``[newsletter] appeals``) to
    the last such line (the "Support <site>" or "Donate" button), everything
    between: the box's letter and its staff list are not the story. The box
    needs two appeal lines of at most ``max_words`` words, opens below a
    paragraph of reporting, spans at most ``max_box`` blocks, and at most
    ``max_after`` short lines follow it (they go with it).

    >>> text = ["The council approved the budget on Monday after a long debate."] * 4 + [
    ...     "A Word to Our Loyal Readers", "Our reporters work for you.", "Jane Roe", "Donate now"]
    >>> [b.reason for b in drop_appeal_box()([Block(t) for t in text])][3:]
    [None, 'newsletter', 'newsletter', 'newsletter', 'newsletter']
    """

    max_box: int = 40
    max_after: int = 3
    max_words: int = 30

    def __call__(self, blocks: Sequence[Block]) -> list[Block]:
        out = list(blocks)
        near = [i for i, b in enumerate(out) if b.reason != ESCAPE_ARTIFACT]
        anchors = [n for n, i in enumerate(near) if self._is_appeal(out[i])]
        if len(anchors) < 2:
            return out
        first = near[next(n for n in anchors if anchors[-1] - n <= self.max_box)]
        last = near[anchors[-1]]
        after = [i for i in range(last + 1, len(out)) if out[i].kept and out[i].kind != "title"]
        if first == last or len(after) > self.max_after:
            return out
        if not any(b.kept and reads_as_prose(b.text) for b in out[:first]):
            return out
        if not all(reads_as_box_line(out[i].text) for i in after):
            return out
        for i in range(first, len(out)):
            if out[i].kept and out[i].kind != "title":
                out[i] = out[i].drop(NEWSLETTER)
        return out

    def _is_appeal(self, block: Block) -> bool:
        """An appeal line, kept or already dropped (a button may have gone as
        a promo)."""
        return (
            block.kind != "title"
            and not has_more_words(block.text, self.max_words)
            and rules.line_matches(NEWSLETTER, "appeals", line_key(block.text))
        )
