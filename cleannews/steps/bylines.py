"""Bylines, reporter codes, editor credits and date lines: dropped from the
body as ``byline``, and what they say kept as metadata (see `cleannews.credits`
for how a credit is read).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from cleannews.credits import (
    CREDIT_LIKE,
    DATE_KEYS,
    Pairs,
    bracketed_word,
    read_credit,
    read_label,
    read_names,
    reads_as_residue,
    starts_like_a_credit,
)
from cleannews.measure import line_key, reads_as_prose
from cleannews.model import Block
from cleannews.reasons import BYLINE
from cleannews.steps.base import certain_reason, kept_indexes


def _undated(pairs: Pairs) -> Pairs:
    return tuple((k, v) for k, v in pairs if k not in DATE_KEYS)


def _next_line(blocks: list[Block], following: Iterable[int]) -> int | None:
    """The next kept block that no other residue rule will drop, whatever
    order the steps run in."""
    return next((i for i in following if blocks[i].kept and not reads_as_residue(blocks[i].text)), None)


def _label_value(text: str) -> list[str] | None:
    """The names on the line after a label, unless that line is a credit itself."""
    return None if read_credit(text) is not None else read_names(text, min_words=1)


@dataclass(frozen=True)
class drop_bylines:  # noqa: N801 - a step, named for what it does
    """Drop credits, codes and date lines as ``byline`` and keep what they
    say as metadata: lines that are credits by themselves, a label line
    ("Editor"), with the name on the next line when there is one, names alone on the lines
    right after the last paragraph of reporting. (A code glued to the end
    of a paragraph is trimmed earlier, by `trim_inline`.)"""

    max_tail_names: int = 2
    max_after: int = 1

    def __call__(self, blocks: Sequence[Block]) -> list[Block]:
        out = list(blocks)
        body = [i for i in kept_indexes(out) if out[i].kind != "title"]
        lead = next((i for i in body if reads_as_prose(out[i].text)), len(out))
        for n, here in enumerate(body):
            if out[here].kept:
                # The body after this line, read lazily: a slice would copy the rest at every line.
                self._one(out, here, (body[k] for k in range(n + 1, len(body))))
            if here > lead and out[here].reason == BYLINE:
                # Dates below the reporting belong to listed articles, not to this one.
                out[here] = replace(out[here], meta=_undated(out[here].meta))
        for i in self._tail_names(out):
            names = read_names(out[i].text) or ()
            out[i] = out[i].drop(BYLINE, [("authors", n) for n in names], why="names closing the article")
        return out

    def _one(self, out: list[Block], here: int, following: Iterable[int]) -> None:
        block = out[here]
        if (pairs := read_credit(block.text)) is not None:
            out[here] = block.drop(BYLINE, pairs, why="a credit line")
        elif key := read_label(block.text):
            # A label alone is dropped whatever follows, so a second cleaning agrees.
            out[here] = block.drop(BYLINE, why="a byline label")
            after = _next_line(out, following)
            if after is not None and (names := _label_value(out[after].text)):
                out[after] = out[after].drop(
                    BYLINE, [(key, n) for n in names], why="the names under a byline label"
                )
        elif (
            certain_reason(block) == BYLINE
            and not starts_like_a_credit(block.text)
            and not bracketed_word(block.text)
        ):
            out[here] = block.drop(BYLINE, why="[byline] rule")

    def _tail_names(self, blocks: list[Block]) -> list[int]:
        """Kept lines of names right after the last paragraph of reporting,
        near the end: at most ``max_after`` kept lines may follow them (a
        heading with a list under it is no credit). A lone name must show it
        is a credit: written in capitals ("DINI TEJA"), or right after
        another credit; a short closing line such as "Penutup Artikel" is
        otherwise written just like a name. The headline (the text's first
        line) repeated there is no credit either, though it may read as names
        ("BPS Umumkan Kebijakan Baru, Pasar Bereaksi")."""
        kept = kept_indexes(blocks)
        last = next((i for i in reversed(kept) if reads_as_prose(blocks[i].text)), None)
        if last is None:
            return []
        headline = line_key(blocks[kept[0]].text)
        found: list[int] = []
        for i in range(last + 1, len(blocks)):
            if len(found) == self.max_tail_names:
                break
            if blocks[i].kept:
                if not _credit_names(blocks, i) or line_key(blocks[i].text) == headline:
                    break
                found.append(i)
        after = [i for i in kept_indexes(blocks) if found and i > found[-1]]
        return found if len(after) <= self.max_after else []


def _credit_names(blocks: list[Block], at: int) -> bool:
    """Whether the block at ``at`` holds names that show they are a credit."""
    names = read_names(blocks[at].text)
    if names is None or reads_as_residue(blocks[at].text):
        return False
    return len(names) > 1 or blocks[at].text.isupper() or _after_credit(blocks, at)


def _after_credit(blocks: list[Block], at: int) -> bool:
    """Whether the block before ``at`` is a credit, or a line of names."""
    before = blocks[at - 1] if at > 0 else None
    if before is None:
        return False
    return before.reason in CREDIT_LIKE or (before.kept and read_names(before.text) is not None)
