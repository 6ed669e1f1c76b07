"""Residue known by its neighbours: counters beside share buttons, the short
lines of the credit and tag boxes after the article, the section labels
above the headline, the captions of a gallery. (Names closing the text are
read as credits by `steps.bylines`.)

Each of these lines says nothing by itself ("0", "Iskandar", "Regional");
only its place shows what it is, so each step asks for a clear place and
keeps the line otherwise.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from cleannews import rules
from cleannews.measure import caps_ratio, ends_with_stop, has_more_words, line_key, reads_as_prose, words
from cleannews.model import Block
from cleannews.readers.text import ESCAPE_ARTIFACT
from cleannews.reasons import BYLINE, CAPTION, DUPLICATE, NAVIGATION, RELATED, SHARE
from cleannews.steps.base import kept_indexes
from cleannews.steps.structure import reads_as_headline

_COUNTER = regex.compile(r"\d{1,7}")
_LABEL = regex.compile(r"\p{L}+(?: \p{L}+)?")
#: Reasons of the boxes that close an article: credits, share bars, tags,
#: newsletter boxes, related lists, comment widgets, copyright lines. Not
#: captions: the last photo may sit above an address or a list of dates.
TAIL_REASONS = frozenset(
    {"byline", "share", "comments", "navigation", "newsletter", "related", "boilerplate"}
)


def is_counter(text: str) -> bool:
    """A bare count, as share and comment buttons show.

    >>> is_counter("0"), is_counter(" 13 "), is_counter("2019 saw growth")
    (True, True, False)
    """
    return _COUNTER.fullmatch(line_key(text)) is not None


@dataclass(frozen=True)
class drop_share_counters:  # noqa: N801 - a step, named for what it does
    """Drop bare counts ("0", "13") within ``reach`` lines of a share or
    comment button (or of another such count), with no line of text between.
    Elsewhere a bare number is a table cell or a score, and is kept."""

    reach: int = 2
    reasons: frozenset[str] = frozenset({"share", "comments"})

    def __call__(self, blocks: Sequence[Block]) -> list[Block]:
        out = list(blocks)
        near = [i for i, b in enumerate(out) if b.reason != ESCAPE_ARTIFACT]
        changed = True
        while changed:
            changed = False
            for n, i in enumerate(near):
                block = out[i]
                if self._is_stray_counter(block) and self._beside(out, near, n):
                    out[i], changed = block.drop(SHARE), True
        return out

    @staticmethod
    def _is_stray_counter(block: Block) -> bool:
        return block.kept and block.kind != "title" and is_counter(block.text)

    def _beside(self, out: list[Block], near: list[int], n: int) -> bool:
        """A button within ``reach`` on either side, with no kept line of
        text (other than a count) in between."""
        for side in (reversed(near[max(0, n - self.reach) : n]), near[n + 1 : n + 1 + self.reach]):
            for j in side:
                if out[j].reason in self.reasons:
                    return True
                if out[j].kept and not is_counter(out[j].text):
                    break
        return False


def last_prose(blocks: Sequence[Block], *, min_words: int = 20) -> int | None:
    """Position of the last kept block that reads as reporting of at least
    ``min_words`` words (looked for from the end).

    >>> blocks = [Block("Ia pergi ke pasar pagi ini bersama anaknya yang kecil."), Block("Bagikan")]
    >>> last_prose(blocks, min_words=8)
    0
    """
    for i in range(len(blocks) - 1, -1, -1):
        if blocks[i].kept and reads_as_prose(blocks[i].text, min_words=min_words):
            return i
    return None


def reads_as_box_line(text: str, *, max_words: int = 8) -> bool:
    """A short line without final punctuation, as credit and tag boxes hold:
    a name, a tag, a button.

    >>> reads_as_box_line("Corry Anestia"), reads_as_box_line("Ia pulang.")
    (True, False)
    """
    stripped = text.rstrip()
    return 0 < len(words(text)) <= max_words and stripped[-1] not in '.!?…"”’'


@dataclass(frozen=True)
class drop_tail_boxes:  # noqa: N801 - a step, named for what it does
    """Drop the short lines of the boxes after the article's last paragraph.

    The boxes start at the first block dropped for a tail reason (a credit,
    share bar, tag list ...) after the last paragraph of reporting (prose of
    at least ``min_prose_words``). From there, kept short lines (see
    `reads_as_box_line`, at most ``max_box_words`` words: a name, a tag, a
    listed headline) go with the reason of the dropped block before them.
    The start must lie in the second half of the text and at most
    ``max_tail`` blocks from its end, or the blocks from it on must be mostly
    dropped already (``min_dropped_share``), so a table or list in the body
    is safe.
    """

    min_prose_words: int = 20
    max_tail: int = 40
    min_dropped_share: float = 0.5
    max_box_words: int = 12

    def __call__(self, blocks: Sequence[Block]) -> list[Block]:
        out = list(blocks)
        start = self._start(out)
        if start is None:
            return out
        reason = out[start].reason
        for i in range(start + 1, len(out)):
            block = out[i]
            if not block.kept:
                reason = block.reason if block.reason in TAIL_REASONS else reason
            elif block.kind != "title" and reads_as_box_line(block.text, max_words=self.max_box_words):
                out[i] = block.drop(reason)
        return out

    def _near_end(self, out: list[Block], start: int) -> bool:
        return start >= len(out) / 2 and len(out) - start <= self.max_tail

    def _mostly_residue(self, out: list[Block], start: int) -> bool:
        tail = out[start:]
        return sum(not b.kept for b in tail) >= self.min_dropped_share * len(tail)

    def _start(self, out: list[Block]) -> int | None:
        last = last_prose(out, min_words=self.min_prose_words)
        if last is None:
            return None
        after = range(last + 1, len(out))
        start = next((i for i in after if out[i].reason in TAIL_REASONS), None)
        if start is None or not (self._near_end(out, start) or self._mostly_residue(out, start)):
            return None
        if any(reads_as_prose(out[i].text) for i in range(start, len(out)) if out[i].kept):
            return None
        return start


@dataclass(frozen=True)
class drop_section_labels:  # noqa: N801 - a step, named for what it does
    """Drop the section labels ("News", "Regional", "home") that open a page
    above its headline: ``min_labels`` to ``max_labels`` one- or two-word
    lines of letters at the very start, when a headline of at least
    ``min_headline_words`` follows them. One short line alone may be the
    title itself (a cleaned article read again starts with its title)."""

    min_labels: int = 2
    max_labels: int = 3
    min_headline_words: int = 3

    def __call__(self, blocks: Sequence[Block]) -> list[Block]:
        out = list(blocks)
        kept = [i for i in kept_indexes(out) if out[i].kind != "title"]
        if any(b.kept and b.kind == "title" for b in out):
            return out
        labels = []
        for i in kept[: self.max_labels + 1]:
            if _LABEL.fullmatch(out[i].text.strip()) is None:  # "Jakarta -" is a dateline
                break
            labels.append(i)
        following = kept[len(labels)] if len(labels) < len(kept) else None
        if not self.min_labels <= len(labels) <= self.max_labels or following is None:
            return out
        text = out[following].text
        if len(words(text)) < self.min_headline_words or not reads_as_headline(text):
            return out
        for i in labels:
            out[i] = out[i].drop(NAVIGATION)
        return out


@dataclass(frozen=True)
class drop_gallery_captions:  # noqa: N801 - a step, named for what it does
    """Drop the captions of a photo gallery, where every line is a caption,
    a counter or a credit: a line of at most ``max_words`` words between two
    caption or credit lines ("Image 2 of 5", the caption, "(Image credit:
    ...)"), and a line shown twice in a row right before a credit (a
    carousel's two copies of one caption)."""

    max_words: int = 40

    def __call__(self, blocks: Sequence[Block]) -> list[Block]:
        out = list(blocks)
        near = [i for i, b in enumerate(out) if b.reason != ESCAPE_ARTIFACT]
        for before, here, after in zip(near, near[1:], near[2:], strict=False):
            # The neighbours first: most lines have no caption next to them
            # and are not printed twice, and then their words are not counted.
            if blocks[before].reason == CAPTION and blocks[after].reason == CAPTION:
                if self._could_be_caption(blocks[here]):
                    out[here] = blocks[here].drop(CAPTION)
            elif (
                _same_line(blocks[here], blocks[after])
                and self._could_be_caption(blocks[here])
                and has_more_words(blocks[here].text, 3)
                and _reason_at(blocks, near, after) == CAPTION
            ):
                out[here], out[after] = blocks[here].drop(CAPTION), blocks[after].drop(CAPTION)
        return out

    def _could_be_caption(self, block: Block) -> bool:
        return block.kept and block.kind != "title" and not has_more_words(block.text, self.max_words)


def _same_line(block: Block, other: Block) -> bool:
    """Whether ``other`` is kept and is ``block`` printed again."""
    return other.kept and line_key(block.text) == line_key(other.text)


def _reason_at(blocks: Sequence[Block], near: list[int], i: int) -> str | None:
    """The reason of the block after ``blocks[i]`` (escape artifacts aside)."""
    n = near.index(i)
    return blocks[near[n + 1]].reason if n + 1 < len(near) else None


#: A line opening with a label ("Disclosure:", "Note:") says what it is; a
#: caption does not.
_LABELLED = regex.compile(r"\w+(?: \w+)?:\s")


@dataclass(frozen=True)
class drop_credited_captions:  # noqa: N801 - a step, named for what it does
    """Drop the caption right above a credit that closes it ("<name>/Getty
    Images", "Courtesy of <name>", ``[caption] credits``): a kept line of at
    most ``max_words`` words, with nothing but blank lines between them, that
    does not open with a label ("Disclosure: ..."). The credit, of at most
    ``max_credit_words``, was dropped by its line rule."""

    max_words: int = 50
    max_credit_words: int = 7

    def __call__(self, blocks: Sequence[Block]) -> list[Block]:
        out = list(blocks)
        near = [i for i, b in enumerate(out) if b.reason != ESCAPE_ARTIFACT]
        for above, here in itertools.pairwise(near):
            if self._closes_caption(out[here]) and self._could_be_caption(out[above]):
                out[above] = out[above].drop(CAPTION)
        return out

    def _closes_caption(self, block: Block) -> bool:
        """A credit on its own line (a caption with its credit glued on is
        longer, and closes nothing above it)."""
        return (
            block.reason == CAPTION
            and not has_more_words(block.text, self.max_credit_words)
            and rules.line_matches(CAPTION, "credits", line_key(block.text))
        )

    def _could_be_caption(self, block: Block) -> bool:
        text = block.text
        return (
            block.kept
            and block.kind != "title"
            and not has_more_words(text, self.max_words)
            and _LABELLED.match(text) is None
        )


def reads_as_statement(text: str, *, min_words: int = 8) -> bool:
    """Prose that ends in a full stop, ``!`` or ``?`` (behind any closing
    quote): a quoted name closing a caption does not end a sentence.

    >>> reads_as_statement("The council voted on Tuesday to rebuild the old flood wall.")
    True
    >>> reads_as_statement("2018 Theater Series Performance at the ‘Welcome Street Festival’")
    False
    """
    return ends_with_stop(text) and reads_as_prose(text, min_words=min_words)


@dataclass(frozen=True)
class drop_doubled_runs:  # noqa: N801 - a step, named for what it does
    """Drop both copies of a run of one to ``max_run`` kept lines printed
    twice in a row (a widget rendered for two screen sizes: a teaser's
    section label and headline, a photo's caption), as ``duplicate``. The
    run must hold a line of at least ``min_words`` words, so a repeated table
    cell or "Photo" label is no run, and no line that reads as a statement:
    a paragraph printed twice may be the text's own, and is kept. A run
    that opens the text is the headline and the headline's repeat in the
    body, also under one other line (a masthead, a notice) when the run is
    one line, or when that line is no prose: `drop_duplicate_title` drops
    the repeat, and the title stays.
    """

    max_run: int = 3
    min_words: int = 4

    def __call__(self, blocks: Sequence[Block]) -> list[Block]:
        out = list(blocks)
        kept = [i for i in kept_indexes(out) if out[i].kind != "title"]
        keys = [line_key(out[i].text) for i in kept]
        for size in range(1, self.max_run + 1):
            for start in range(1, len(kept) - 2 * size + 1):
                if keys[start : start + size] != keys[start + size : start + 2 * size]:
                    continue
                if start == 1 and (size == 1 or not reads_as_prose(out[kept[0]].text)):
                    continue
                run = [out[i].text for i in kept[start : start + size]]
                if not any(has_more_words(text, self.min_words - 1) for text in run):
                    continue
                if any(reads_as_statement(text) for text in run):
                    continue
                for i in kept[start : start + 2 * size]:
                    out[i] = out[i].drop(DUPLICATE) if out[i].kept else out[i]
        return out


@dataclass(frozen=True)
class drop_shouted_teasers:  # noqa: N801 - a step, named for what it does
    """Drop a linked headline set in capitals between two paragraphs ("SINGER
    SAYS SHOW HAS HELPED HER LOSE 25 POUNDS"): a line of at least
    ``min_words`` words, at least ``min_caps`` of them in capitals, not
    ending like a sentence or a lead-in, with a paragraph of prose right above
    and right below. A sub-heading in capitals is shorter ("HOW TO USE A
    WATER BATH CANNER"). The text's first line again, in capitals, is its
    headline repeated, left to `drop_duplicate_title`."""

    min_words: int = 8
    min_caps: float = 0.9

    def __call__(self, blocks: Sequence[Block]) -> list[Block]:
        out = list(blocks)
        kept = [i for i in kept_indexes(out) if out[i].kind != "title"]
        first = line_key(out[kept_indexes(out)[0]].text) if kept else None
        for above, here, below in zip(kept, kept[1:], kept[2:], strict=False):
            text = out[here].text
            if (
                self._shouted_headline(text)
                and line_key(text) != first
                and reads_as_prose(blocks[above].text)
                and reads_as_prose(blocks[below].text)
            ):
                out[here] = out[here].drop(RELATED)
        return out

    def _shouted_headline(self, text: str) -> bool:
        return (
            has_more_words(text, self.min_words - 1)
            and text.rstrip()[-1] not in ".:;,"
            and caps_ratio(text) >= self.min_caps
        )


@dataclass(frozen=True)
class drop_closing_bio:  # noqa: N801 - a step, named for what it does
    """Drop the author's note among the last ``max_lines`` kept lines ("<name>
    is the site's deal curator ...", ``[byline] bios``), of at most
    ``max_words`` words. Higher up, "<name> is a senior fellow at ..." is
    reporting, and is kept."""

    max_lines: int = 2
    max_words: int = 80

    def __call__(self, blocks: Sequence[Block]) -> list[Block]:
        out = list(blocks)
        kept = [i for i in kept_indexes(out) if out[i].kind != "title"]
        for i in kept[-self.max_lines :]:
            text = out[i].text
            short = not has_more_words(text, self.max_words)
            if short and rules.line_matches(BYLINE, "bios", line_key(text)):
                out[i] = out[i].drop(BYLINE)
        return out


_NAME = regex.compile(r"\p{Lu}[\p{L}.'’-]{0,20}(?: \p{Lu}[\p{L}.'’-]{0,20}){1,3}")


@dataclass(frozen=True)
class drop_names_over_credit_labels:  # noqa: N801 - a step, named for what it does
    """Drop a name right above a job title on its own line ("Jane Roe" over
    "Contributing Writer", ``[byline] job_titles``): a line of two to four
    capitalised words, right above a block of at most ``max_label_words``
    dropped as ``byline``."""

    max_label_words: int = 3

    def __call__(self, blocks: Sequence[Block]) -> list[Block]:
        out = list(blocks)
        near = [i for i, b in enumerate(out) if b.reason != ESCAPE_ARTIFACT]
        for above, here in itertools.pairwise(near):
            label, name = out[here], out[above]
            if (
                label.reason == BYLINE
                and not has_more_words(label.text, self.max_label_words)
                and rules.line_matches(BYLINE, "job_titles", line_key(label.text))
                and name.kept
                and name.kind != "title"
                and _NAME.fullmatch(name.text.strip()) is not None
            ):
                out[above] = name.drop(BYLINE)
        return out


@dataclass(frozen=True)
class drop_gallery_counters:  # noqa: N801 - a step, named for what it does
    """Drop the bare count a gallery shows above each photo's caption (the
    number of photos, "6"): a kept count right above a block dropped as a
    caption, when the text holds at least ``min_pairs`` such count-and-caption
    pairs (counts already dropped included). A lone number above one caption
    may be the last cell of a table, and stays."""

    min_pairs: int = 2

    def __call__(self, blocks: Sequence[Block]) -> list[Block]:
        out = list(blocks)
        near = [i for i, b in enumerate(out) if b.reason != ESCAPE_ARTIFACT]
        pairs = [
            here
            for here, below in itertools.pairwise(near)
            if out[below].reason == CAPTION and out[here].kind != "title" and is_counter(out[here].text)
        ]
        if len(pairs) < self.min_pairs:
            return out
        for i in pairs:
            out[i] = out[i].drop(CAPTION) if out[i].kept else out[i]
        return out
