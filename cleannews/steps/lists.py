"""Related-article lists: the bare headlines under a list header.

A header ("Berita Terkait", "Baca Juga", "Related Stories", "More from ...")
is dropped by its rule, a ``[related] labels`` phrase standing alone; the
headlines under it say nothing that marks them as links, so this step drops
them by their place and their shape: headline-like lines right after a
header, up to the first line that reads as reporting. A tag-list header
("Tags", "TAG:", "Topics") heads a list of tags the same way (``[navigation]
labels``), and a "Read more" trailer (a ``[related] ends`` phrase alone)
follows the teaser headline it links.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from cleannews.measure import CLOSING_MARKS, ends_sentence, has_more_words, line_key, words
from cleannews.model import Block
from cleannews.reasons import AD, NAVIGATION, RELATED
from cleannews.steps.base import certain_rule, kept_indexes, measure_block

#: Ends of a sentence or a lead-in, never of a listed headline (behind any
#: closing quote or bracket: a headline may end in a quoted exclamation).
_NOT_ITEM_END = frozenset(".:;,")
_OPENING_QUOTES = "\"'“‘«„"


def list_header_reason(block: Block, *, max_words: int = 10) -> str | None:
    """The reason of the list ``block`` heads, when it is a dropped list
    header: a ``[related]`` label alone, a shape with no colon inside
    ("More from <site>"), or a lead that ends in a colon ("Related coverage
    from <section>:"), but not a "Baca juga: <headline>" link; or a tag-list
    header (``[navigation]``) of the same kinds.

    >>> list_header_reason(Block("Berita Terkait", reason="related"))
    'related'
    >>> list_header_reason(Block("Baca juga: Harga beras naik", reason="related")) is None
    True
    """
    found = certain_rule(block)
    if block.reason not in (RELATED, NAVIGATION) or found is None or found[0] != block.reason:
        return None
    text = block.text.rstrip()
    heads = found[1] == "labels" or (found[1] == "shapes" and ":" not in text) or text.endswith(":")
    return block.reason if heads and len(words(text)) <= max_words else None


def reads_as_list_item(text: str, *, max_words: int = 22) -> bool:
    """A listed headline or tag: short, and not ending like a sentence or a
    lead-in (``.`` ``:`` ``;``); a question or exclamation mark is a headline's.

    >>> reads_as_list_item("Polisi Buru Kelompok Bersenjata di Aceh Timur")
    True
    >>> reads_as_list_item('Video shows rescue of kidnapped girl: "We got her!"')
    True
    >>> reads_as_list_item("Plague of mosquitos to hit Britain as Hurri...")
    True
    >>> reads_as_list_item("Polisi memburu kelompok itu sejak Senin, kata Kapolres kepada wartawan.")
    False
    >>> reads_as_list_item('"Kami akan terus memburu mereka," kata Kapolres.')
    False
    """
    body = text.rstrip().rstrip(CLOSING_MARKS)
    if body.endswith(("...", "…")):  # a teaser cut short by the widget
        body = body.rstrip(".…")
    return bool(body) and 0 < len(words(text)) <= max_words and body[-1] not in _NOT_ITEM_END


@dataclass(frozen=True)
class drop_related_lists:  # noqa: N801 - a step, named for what it does
    """Drop the list items after each list header: at most ``max_items``
    kept blocks that read as list items, stopping at the first that does not.
    Blocks already dropped in between (dates, share buttons) are passed over.

    A list of headlines that each carry a deck (a sentence or two of at most
    ``max_deck_words``, not a quotation) goes too, when at least
    ``min_decked`` headline-and-deck pairs follow the header in a row: one
    or two such pairs may be a link and the text going on.

    Under a tag-list header (``[navigation]``) an item is a tag of at most
    ``max_tag_words`` words: a breadcrumb's "Home" above the headline takes
    no headline.

    The text's first kept line, with no list item under it (or only its own
    repeat), is its headline: a header over it (a sidebar's "Berita Terkait")
    lists nothing."""

    max_items: int = 15
    max_item_words: int = 22
    max_tag_words: int = 5
    max_deck_words: int = 25
    min_decked: int = 3

    def __call__(self, blocks: Sequence[Block]) -> list[Block]:
        out = self._drop_decked_lists(drop_teasers(blocks))
        kept = kept_indexes(out)
        headline = kept[0] if len(kept) > 1 and self._opens_text(out[kept[0] : kept[1] + 1]) else None
        reason, left = None, 0
        for i, block in enumerate(out):
            if not block.kept:
                header = list_header_reason(block)
                if header:
                    reason, left = header, self.max_items
                continue
            limit = self.max_tag_words if reason == NAVIGATION else self.max_item_words
            listed = reads_as_list_item(block.text, max_words=limit)
            if reason and left and i != headline and block.kind != "title" and listed:
                out[i], left = block.drop(reason, why=f"listed under a {reason} header"), left - 1
            else:
                reason, left = None, 0
        return out

    def _opens_text(self, span: Sequence[Block]) -> bool:
        """Whether the first kept line is the headline, ``span`` running from
        it to the next kept line: no list item, or its own repeat, follows it,
        or an ad stands between (a list does not run through an ad: were the
        ad copy dropped first, the text under the ad would follow it)."""
        first, second = span[0], span[-1]
        if any(b.reason == AD for b in span[1:-1]):
            return True
        return not reads_as_list_item(second.text) or line_key(second.text) == line_key(first.text)

    def _drop_decked_lists(self, blocks: list[Block]) -> list[Block]:
        """Drop the headline-and-deck pairs right under a list header, when
        there are at least ``min_decked`` of them in a row."""
        out = list(blocks)
        kept = [i for i, b in enumerate(out) if b.kept]
        for i, block in enumerate(blocks):
            header = None if block.kept else list_header_reason(block)
            if header is None:
                continue
            start = bisect.bisect_right(kept, i)
            after = kept[start : start + 2 * self.max_items]  # bounded: linear in the text
            pairs = 0
            while pairs < self.max_items and self._is_pair(out, after[2 * pairs : 2 * pairs + 2]):
                pairs += 1
            if pairs >= self.min_decked:
                for k in after[: 2 * pairs]:
                    out[k] = out[k].drop(header, why=f"a headline and its deck under a {header} header")
        return out

    def _is_pair(self, out: list[Block], pair: list[int]) -> bool:
        if len(pair) < 2 or any(out[k].kind == "title" for k in pair):
            return False
        headline, deck = (out[k].text for k in pair)
        return reads_as_list_item(headline) and self._reads_as_deck(deck)

    def _reads_as_deck(self, text: str) -> bool:
        """One or two short sentences, not a quotation (that is reporting)."""
        if has_more_words(text, self.max_deck_words) or text.lstrip()[:1] in _OPENING_QUOTES:
            return False
        return ends_sentence(text)


def is_trailer(block: Block) -> bool:
    """A dropped "Read more" link that follows the teaser it links (a
    ``[related] ends`` phrase that is the whole line).

    >>> is_trailer(Block("Read More", reason="related")), is_trailer(Block("Read More"))
    (True, False)
    """
    if block.reason != RELATED:
        return False
    return ends_phrase(block)


def ends_phrase(block: Block) -> bool:
    """Whether a ``[related] ends`` phrase is the whole block."""
    evidence = block.evidence or measure_block(block)
    return any(
        h.reason == RELATED and h.key == "ends" and h.start == 0 and h.end == evidence.tokens
        for h in evidence.hits
    )


def drop_teasers(blocks: Sequence[Block]) -> list[Block]:
    """Drop the teaser headline right before a "Read more" trailer, when it
    reads as a list item (a headline, not a sentence of reporting) and is not
    the text's first kept line: that is the article's own headline.

    >>> [b.reason for b in drop_teasers([Block("Banjir Rendam Kota"), Block("Read more", reason="related")])]
    [None, 'related']
    """
    out = list(blocks)
    last_kept = None
    first = next((i for i, b in enumerate(out) if b.kept), None)
    for i, block in enumerate(out):
        if block.kept:
            last_kept = i
        elif is_trailer(block) and last_kept is not None:
            teaser = out[last_kept]
            if last_kept != first and teaser.kind != "title" and reads_as_list_item(teaser.text):
                out[last_kept] = teaser.drop(RELATED, why="the teaser over a 'read more' link")
            last_kept = None
    return out
