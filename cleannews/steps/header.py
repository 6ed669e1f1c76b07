"""The article's header: what a page prints around its headline.

Over the headline a page prints breadcrumbs, a section kicker ("Review",
"immunology"), a date or a teaser for another story; under it, often, a
standfirst: a summary sentence set as a subheading. Web pages repeat the
headline in the body, which marks where the header ends.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from cleannews.measure import ends_sentence, reads_as_prose, reads_as_sentence, words
from cleannews.model import Block
from cleannews.reasons import BYLINE, ESCAPE_ARTIFACT, NAVIGATION, STANDFIRST
from cleannews.steps.base import kept_indexes
from cleannews.steps.structure import DUPLICATE_TITLE


def reads_as_label(text: str, *, max_words: int = 12) -> bool:
    """A short line that says no sentence: a kicker, a breadcrumb, a date.

    >>> reads_as_label("Review"), reads_as_label("The council voted on Tuesday to rebuild the wall.")
    (True, False)
    """
    return len(words(text)) <= max_words and not ends_sentence(text)


@dataclass(frozen=True)
class drop_above_title:  # noqa: N801 - a step, named for what it does
    """Drop the kept blocks over the headline's repeat in the body when they
    are at most ``max_above`` labels (`reads_as_label`) of fewer words than
    the headline: what a page prints over its headline is its masthead. A sentence over the repeat means the
    repeat is no header line, and nothing is dropped. Runs after
    `drop_duplicate_title`, which finds the repeat."""

    max_above: int = 3
    max_words: int = 12

    def __call__(self, blocks: Sequence[Block]) -> list[Block]:
        out = list(blocks)
        repeat = next((i for i, b in enumerate(out) if b.reason == DUPLICATE_TITLE), None)
        if repeat is None:
            return out
        above = [i for i in kept_indexes(out[:repeat]) if out[i].kind != "title"]
        # What a page prints over its headline is smaller than it: a line as
        # long as the headline may be a headline itself.
        most = min(self.max_words, len(words(out[repeat].text)) - 1)
        if len(above) > self.max_above or not all(reads_as_label(out[i].text, max_words=most) for i in above):
            return out
        for i in above:
            out[i] = out[i].drop(NAVIGATION)
        return out


def reads_as_standfirst(text: str, *, min_words: int = 15) -> bool:
    """A summary, not a subheading: a sentence, or too long to be a heading.

    >>> reads_as_standfirst("The retailer earned $2.8 billion in the third quarter, ahead of forecasts.")
    True
    >>> reads_as_standfirst("What the plan includes")
    False
    """
    return reads_as_sentence(text) or len(words(text)) >= min_words


@dataclass(frozen=True)
class drop_standfirst:  # noqa: N801 - a step, named for what it does
    """Drop the headings above the first paragraph that read as a summary
    (`reads_as_standfirst`): a standfirst set as a subheading. It is kept in
    the metadata as ``standfirst``."""

    min_words: int = 15

    def __call__(self, blocks: Sequence[Block]) -> list[Block]:
        out = list(blocks)
        for i in kept_indexes(out):
            block = out[i]
            if block.kind == "title":
                continue
            if block.kind != "heading":
                break
            if reads_as_standfirst(block.text, min_words=self.min_words):
                out[i] = block.drop(STANDFIRST, standfirst=block.text)
        return out


@dataclass(frozen=True)
class drop_headline_over_byline:  # noqa: N801 - a step, named for what it does
    """Drop the page's printed headline when it words the title differently
    ("HS Roundup: ..." over "High School Roundup: ..."), as
    ``duplicate-title``: among the first ``max_lines`` kept lines, before any
    sentence of reporting, a line of ``min_words`` to ``max_words`` words
    that does not end in a full stop, right above a byline (a block dropped
    as ``byline``: "By <name>", a date), sharing at least ``min_shared``
    words of four letters or more with the title (a subheading of the
    story's own shares none). Only with a title known: the line may be the
    headline itself otherwise."""

    max_lines: int = 3
    min_words: int = 4
    max_words: int = 30
    min_shared: int = 2

    def __call__(self, blocks: Sequence[Block]) -> list[Block]:
        out = list(blocks)
        title = next((b.text for b in out if b.kept and b.kind == "title"), None)
        if title is None:
            return out
        near = [i for i, b in enumerate(out) if b.reason != ESCAPE_ARTIFACT]
        seen = 0
        for n, i in enumerate(near):
            block = out[i]
            if not block.kept or block.kind == "title":
                continue
            if seen == self.max_lines or reads_as_prose(block.text):
                break
            seen += 1
            below = out[near[n + 1]] if n + 1 < len(near) else None
            if below is not None and below.reason == BYLINE and self._rewords(block.text, title):
                out[i] = block.drop(DUPLICATE_TITLE)
        return out

    def _rewords(self, text: str, title: str) -> bool:
        """Whether ``text`` reads as a headline that shares at least
        ``min_shared`` words of four letters or more with ``title``: the same
        story in other words, not a heading of its own."""
        count = len(words(text))
        if not self.min_words <= count <= self.max_words or text.rstrip().endswith("."):
            return False
        return len(long_words(text) & long_words(title)) >= self.min_shared


def long_words(text: str) -> set[str]:
    """The casefolded words of four letters or more: the words that carry a
    headline's story.

    >>> sorted(long_words("HS Roundup: Viera defeats Rockledge"))
    ['defeats', 'rockledge', 'roundup', 'viera']
    """
    return {w.casefold() for w in words(text) if len(w) >= 4}
