"""Blocks a page prints more than once: a gallery's captions shown once per
slide or stamped under every photo, a table's header row shown twice, a
teaser repeated under a list, a widget rendered for two screen sizes.

Copies are dropped as ``duplicate``. Only blocks long enough to be said once
on purpose count, or short lines in a shape that gives them away (a header
row printed twice in a row): a short line ("Photo", "Advertisement", a
table cell) repeats in good text. `drop_repeats` keeps the first copy and is
not a default step; `drop_doubled_header_rows` and `drop_stamped_captions`
are.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from cleannews.measure import ends_sentence, ends_with_stop, has_more_words, line_key, words
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


def _is_header_cell(text: str, max_words: int) -> bool:
    """A table header cell: a few words with a letter, not a sentence.

    >>> _is_header_cell("Player", 3), _is_header_cell("63", 3), _is_header_cell("He left.", 3)
    (True, False, False)
    """
    return not has_more_words(text, max_words) and any(c.isalpha() for c in text) and not ends_sentence(text)


@dataclass(frozen=True)
class drop_doubled_header_rows:  # noqa: N801 - a step, named for what it does
    """Drop the first copies of a table's header row printed twice or more
    in a row (a sticky header's copy above the table): ``min_cells`` to ``max_cells``
    different short cells (see `_is_header_cell`) followed at once by the
    same cells in the same order. One copy stays: the table keeps its
    header. A row of numbers is no header (two equal rows of scores are the
    table's own).

    >>> row = [Block("Pos"), Block("Player"), Block("Plays")]
    >>> [b.reason for b in drop_doubled_header_rows()([*row, *row, Block("LB")])]
    ['duplicate', 'duplicate', 'duplicate', None, None, None, None]
    """

    min_cells: int = 3
    max_cells: int = 8
    max_words: int = 3
    max_cell_chars: int = 40

    def __call__(self, blocks: Sequence[Block]) -> list[Block]:
        out = list(blocks)
        kept = [i for i in kept_indexes(out) if out[i].kind != "title"]
        # Only short lines can be cells: a long one gets a key of its own.
        keys = [line_key(out[i].text) if len(out[i].text) <= self.max_cell_chars else f"\0{i}" for i in kept]
        start = 0
        while start < len(kept):
            size = self._doubled_row(out, kept, keys, start)
            if not size:
                start += 1
                continue
            copies = _copies(keys, start, size)
            # Every copy but the last: cleaning the output again finds no row twice.
            for i in kept[start : start + (copies - 1) * size]:
                out[i] = out[i].drop(DUPLICATE)
            start += copies * size
        return out

    def _doubled_row(self, out: list[Block], kept: list[int], keys: list[str], start: int) -> int:
        """The number of cells of the doubled row at ``start``, or 0."""
        for size in range(self.max_cells, self.min_cells - 1, -1):
            end = start + size
            if end + size > len(keys) or keys[start] != keys[end]:
                continue
            row = keys[start:end]
            if row != keys[end : end + size] or len(set(row)) < size:
                continue
            if all(_is_header_cell(out[i].text, self.max_words) for i in kept[start:end]):
                return size
        return 0


def _copies(keys: list[str], start: int, size: int) -> int:
    """How many times the row of ``size`` keys at ``start`` is printed in a row.

    >>> _copies(["a", "b", "a", "b", "a", "b", "c"], 0, 2)
    3
    """
    row, copies = keys[start : start + size], 1
    while keys[start + copies * size : start + (copies + 1) * size] == row:
        copies += 1
    return copies


@dataclass(frozen=True)
class drop_stamped_captions:  # noqa: N801 - a step, named for what it does
    """Drop every copy of a caption stamped under each photo of a gallery:
    a kept line of at least ``min_words`` words (longer than a heading, which
    a text may repeat), not ending like a sentence, printed ``min_copies``
    times or more, with different lines around each copy. A line repeated
    with the same neighbour belongs to a repeated group (a menu's "Meal 1"
    above "Eat every 2–3 hours", an interview's questions) and stays. A line
    that starts with the stamped caption and adds to it (a credit) goes with
    it.

    >>> cap = "2019 Harbour Lights Festival at the Old Pier, Riverside Stage [The Lantern Keeper]"
    >>> text = [cap, "The crowd sang along.", cap, "Then came the drums.", cap, "A last bow."]
    >>> [b.reason for b in drop_stamped_captions()([Block(t) for t in text])]
    ['duplicate', None, 'duplicate', None, 'duplicate', None]
    """

    min_words: int = 12
    min_copies: int = 3
    max_chars: int = 400

    def __call__(self, blocks: Sequence[Block]) -> list[Block]:
        out = list(blocks)
        kept = [i for i in kept_indexes(out) if out[i].kind != "title"]
        candidates = [self._candidate_key(out[i].text) for i in kept]
        counts = Counter(k for k in candidates if k)
        stamped = {k for k, n in counts.items() if n >= self.min_copies}
        if not stamped:
            return out
        keys = [k or line_key(out[i].text) for k, i in zip(candidates, kept, strict=True)]
        stamped = {k for k in stamped if not _has_steady_neighbour(keys, k)}
        for key, i in zip(keys, kept, strict=True):
            if key in stamped or any(_extends(key, k) for k in stamped):
                out[i] = out[i].drop(DUPLICATE)
        return out

    def _candidate_key(self, text: str) -> str:
        """The `line_key` of a line that could be a stamped caption, else ''."""
        if len(text) > self.max_chars or ends_with_stop(text) or not has_more_words(text, self.min_words - 1):
            return ""
        return line_key(text)


def _extends(key: str, start: str) -> bool:
    """Whether ``key`` is ``start`` with more words after it.

    >>> _extends("old pier’ photo: ann lee", "old pier"), _extends("old piers", "old pier")
    (True, False)
    """
    return len(key) > len(start) and key.startswith(start) and not key[len(start)].isalnum()


def _has_steady_neighbour(keys: list[str], key: str) -> bool:
    """Whether two copies of ``key`` have the same line above them, or the
    same line below them (copies next to each other aside).

    >>> _has_steady_neighbour(["a", "x", "b", "x", "c"], "x")
    False
    >>> _has_steady_neighbour(["a", "x", "a", "x"], "x")
    True
    """
    above: set[str] = set()
    below: set[str] = set()
    for n, k in enumerate(keys):
        if k != key:
            continue
        up = keys[n - 1] if n > 0 else key
        down = keys[n + 1] if n + 1 < len(keys) else key
        if (up != key and up in above) or (down != key and down in below):
            return True
        above.add(up)
        below.add(down)
    return False
