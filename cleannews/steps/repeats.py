"""Blocks a page prints twice: a gallery's captions shown once per slide, a
teaser repeated under a list, a widget rendered for two screen sizes.

The first copy is kept; a later copy close below it is dropped as
``duplicate``. Only blocks long enough to be said once on purpose count: a
short line ("Photo", "Advertisement", a table cell) repeats in good text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from cleannews.measure import line_key, words
from cleannews.model import Block
from cleannews.reasons import DUPLICATE
from cleannews.steps.base import kept_indexes


@dataclass(frozen=True)
class drop_repeats:  # noqa: N801 - a step, named for what it does
    """Drop a block of ``min_words`` words or more that repeats (case,
    spacing and end marks aside) one of the ``window`` kept blocks above it.

    >>> caption = Block("The minister shakes hands with his counterpart in Hanoi on Wednesday.")
    >>> [b.reason for b in drop_repeats()([caption, Block("Close"), caption])]
    [None, None, 'duplicate']
    """

    min_words: int = 10
    window: int = 8

    def __call__(self, blocks: Sequence[Block]) -> list[Block]:
        out = list(blocks)
        recent: list[str] = []
        for i in kept_indexes(out):
            block = out[i]
            if block.kind == "title":
                continue
            key = line_key(block.text)
            if key in recent and len(words(block.text)) >= self.min_words:
                out[i] = block.drop(DUPLICATE)
                continue
            recent = [*recent, key][-self.window :]
        return out
