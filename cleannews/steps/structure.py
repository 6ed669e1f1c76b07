"""Structure: the title, the title repeated in the body, and headings.

These run after the residue steps, on what is left: the title is the first
kept block when it reads as a headline, and a heading is a short line with no
final punctuation that introduces a paragraph. The title test accepts every
line of more than one word the heading test does, so a cleaned article read
again keeps its shape.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import regex

from cleannews.measure import (
    has_more_words,
    line_key,
    main_script,
    reads_as_heading,
    reads_as_headline,
    reads_as_lead,
    reads_as_sentence,
    reads_as_timestamp,
    script_of,
    words,
)
from cleannews.model import Block
from cleannews.reasons import BYLINE, DUPLICATE_TITLE, NAVIGATION
from cleannews.steps.base import kept_indexes


def find_title(blocks: Sequence[Block]) -> list[Block]:
    """Make the first kept block the title when it reads as one
    (`reads_as_title`: not a lead of two sentences, as an article whose
    scraper lost its headline opens with), unless a title is already known
    (given by the caller or the page).
    Lone words over a longer headline ("News", "Regional": a section's
    breadcrumb) are passed over, and the headline is the title. A title this
    step found before is looked for again: a line dropped since, between
    the lone words and the headline, hid the headline (law 3).

    >>> [b.kind for b in find_title([Block("News"), Block("Banjir Rendam Tiga Desa"), Block("Isi.")])]
    ['paragraph', 'title', 'paragraph']
    >>> [b.kind for b in find_title([Block("News", "title", line=1), Block("Banjir Rendam Tiga Desa")])]
    ['paragraph', 'title']
    """
    out = [b.with_kind("paragraph") if b.kept and found_title(b) else b for b in blocks]
    kept = kept_indexes(out)
    if not kept or any(out[i].kind == "title" for i in kept):
        return list(blocks)
    first = kept[section_labels_over_headline(out, kept)]
    text = out[first].text
    if reads_as_title(text):
        out[first] = out[first].with_kind("title")
    return out


def reads_as_title(text: str) -> bool:
    """A headline with a letter in it (a share counter's "0" is none), not
    a lone word (a section's name, "News", a site's: of the one-word titles
    found on the labelled corpora, 29 of 38 were wrong), nor a lead of two
    sentences nor a date and time stamp. A line of Chinese or Japanese,
    written without spaces between words, may be one word.

    >>> reads_as_title("Banjir Rendam Tiga Desa"), reads_as_title("0"), reads_as_title("10:30, 2 May 2019")
    (True, False, False)
    >>> reads_as_title("News"), reads_as_title("東京で大雪")
    (False, True)
    """
    return (
        reads_as_headline(text)
        and any(c.isalpha() for c in text)
        and (has_more_words(text, 1) or script_of(text) == "EAST-ASIAN")
        and not reads_as_lead(text)
        and not reads_as_timestamp(text)
    )


def found_title(block: Block) -> bool:
    """Whether ``block`` is a title `find_title` found: read from an input
    line (a caller's title has none) with no Markdown mark giving its level.

    >>> found_title(Block("Judul", "title", line=1)), found_title(Block("Judul", "title", line=1, level=1))
    (True, False)
    """
    return block.kind == "title" and block.line > 0 and block.level is None


def drop_around_title(blocks: Sequence[Block]) -> list[Block]:
    """Drop what stands around the title without being the story: what
    `find_title` passed over to reach it when that is a lone word (a
    section's breadcrumb, "News", as navigation) or a date and time stamp
    (`reads_as_timestamp`, as a byline), and such a stamp under it, before
    the story's first sentence ("5 April 2013 Last updated at 08:09 GMT",
    under the writer's name). Other lines above the title stay (a lead
    printed over its headline is reporting, and "Jakarta -" the dateline
    that starts it). And a page's header flattened between its ``<title>``
    and the headline repeating it over the story (menus, section names,
    buttons: `between_title_and_repeat`), as navigation (a stamp as a byline).

    >>> out = drop_around_title([Block("News"), Block("Banjir Rendam Tiga Desa", "title", line=2),
    ...     Block("5 April 2013 Last updated at 08:09 GMT"), Block("Isi.")])
    >>> [(b.text[:4], b.reason) for b in out]
    [('News', 'navigation'), ('Banj', None), ('5 Ap', 'byline'), ('Isi.', None)]
    """
    kept = kept_indexes(blocks)
    title = next((n for n, i in enumerate(kept) if blocks[i].kind == "title"), None)
    if title is None:
        return list(blocks)
    above = set(kept[:title])
    # Under the title: the lines before the story's first sentence (names, dates, buttons).
    first = (n for n in range(title + 1, len(kept)) if reads_as_sentence(blocks[kept[n]].text))
    under = set(kept[title + 1 : next(first, len(kept))])
    header = between_title_and_repeat(blocks, kept[title])

    def dropped(i: int, block: Block) -> Block:
        if i in above:
            return _dropped_above_title(block)
        if i in header:
            return _dropped_header(block)
        return _dropped_stamp(block, "under") if i in under else block

    return [dropped(i, b) for i, b in enumerate(blocks)]


def between_title_and_repeat(blocks: Sequence[Block], title: int) -> set[int]:
    """The kept blocks between the title at ``title`` and its first repeat
    (dropped as `duplicate-title`) when each is a date and time stamp or a
    line shorter than the title that is no sentence, and a sentence follows
    the repeat: the page's header (menus, section names, buttons) between
    its ``<title>`` and the headline over the story. Empty otherwise: a line
    as long as the title may be the real headline under a title taken from
    residue (an ad's copy said twice).

    >>> story = Block("Air sungai naik sejak pagi dan merendam rumah warga, kata petugas.")
    >>> blocks = [Block("Banjir Rendam Tiga Desa", "title", line=1), Block("Home"), Block("Shows"),
    ...     Block("Banjir Rendam Tiga Desa").drop("duplicate-title"), story]
    >>> sorted(between_title_and_repeat(blocks, 0))
    [1, 2]
    """
    repeat = next((i for i in range(title + 1, len(blocks)) if blocks[i].reason == DUPLICATE_TITLE), None)
    if repeat is None:
        return set()
    between = [i for i in range(title + 1, repeat) if blocks[i].kept]
    story = any(b.kept and reads_as_sentence(b.text) for b in blocks[repeat + 1 :])
    size = len(words(blocks[title].text))
    if not story or not all(_header_line(blocks[i].text, size) for i in between):
        return set()
    return set(between)


def _header_line(text: str, title_words: int) -> bool:
    """A line of a page's header: a date and time stamp, or no sentence and
    fewer words than the title."""
    short = not reads_as_sentence(text) and not has_more_words(text, title_words - 1)
    return short or reads_as_timestamp(text)


def _dropped_header(block: Block) -> Block:
    if reads_as_timestamp(block.text):
        return _dropped_stamp(block, "under")
    return block.drop(NAVIGATION, why="between the title and its repeat over the story, with no sentence")


def _dropped_above_title(block: Block) -> Block:
    # A bare word: "Jakarta -" is a dateline that starts the lead, not a label.
    if words(block.text) == [block.text.strip()]:
        return block.drop(NAVIGATION, why="a lone word above the title")
    return _dropped_stamp(block, "above")


def _dropped_stamp(block: Block, where: str) -> Block:
    if reads_as_timestamp(block.text):
        # As a date line's: the stamp is the article's date (`parse_dates` reads it).
        return block.drop(BYLINE, why=f"a date and time stamp {where} the title", published=block.text)
    return block


#: At most this many lone words stand over a headline as its section labels.
MAX_SECTION_LABELS = 2


def section_labels_over_headline(blocks: Sequence[Block], kept: Sequence[int]) -> int:
    """How many of the first kept blocks are lone words over a headline of
    several words (a breadcrumb): 0 when the first block is the candidate.
    Repeats of the first line are not counted among the labels: were it the
    title they would go as its duplicates, and the count would change when
    the article is cleaned again (law 3).

    >>> blocks = [Block("Satu"), Block("Satu"), Block("Satu"), Block("Satu: Satu: Satu")]
    >>> section_labels_over_headline(blocks, [0, 1, 2, 3])
    3
    """
    first = line_key(blocks[kept[0]].text) if kept else ""
    labels = 0
    for n, i in enumerate(kept):
        count = len(words(blocks[i].text))
        if count != 1:
            return n if n and count >= 3 and reads_as_headline(blocks[i].text) else 0
        if n == 0 or line_key(blocks[i].text) != first:
            labels += 1
        if labels > MAX_SECTION_LABELS:
            return 0
    return 0


def drop_duplicate_title(blocks: Sequence[Block]) -> list[Block]:
    """Drop blocks that repeat the title (case, spacing and end marks aside)."""
    title = next((b for b in blocks if b.kept and b.kind == "title"), None)
    if title is None:
        return list(blocks)
    key = line_key(title.text)
    return [
        b.drop(DUPLICATE_TITLE, why="repeats the title")
        if b.kept and b is not title and line_key(b.text) == key
        else b
        for b in blocks
    ]


#: The first of a numbered run of subheadings: "1. Candi Ratu Boko", "1) Why".
_FIRST_NUMBERED = regex.compile(r"1[.)] \p{Lu}")


def _opens_numbered(text: str) -> bool:
    """Whether ``text`` is the first of a run of numbered subheadings, so
    the short line above it is the heading of that run ("Sembilan Candi di
    Jogja" over "1. Candi Ratu Boko"), not a list item.

    >>> _opens_numbered("1. Candi Ratu Boko"), _opens_numbered("2. Candi Ijo"), _opens_numbered("1.5 juta")
    (True, False, False)
    """
    return _FIRST_NUMBERED.match(text) is not None


def _goes_on_in_lower_case(text: str) -> bool:
    """Whether the first letter or digit of ``text``, past quotes, dashes and
    dots, is a lower-case letter: the rest of a sentence, not its start.

    >>> _goes_on_in_lower_case("“we will win,” she said"), _goes_on_in_lower_case("... We will")
    (True, False)
    """
    first = next((c for c in text if c.isalnum()), "")
    return first.islower()


@dataclass(frozen=True)
class find_headings:  # noqa: N801 - a step, named for what it does
    """Mark as headings the short unpunctuated paragraphs (or short questions,
    up to ``max_question_words``) followed by a paragraph that is not one too
    or by the first of a numbered run of subheadings ("1. ..."), unless they
    end a list: two short lines before them, or short lines back to a
    paragraph that ends in a colon ("berikut daftarnya:"). A paragraph the
    page sets wholly in bold (HTML: `PageEvidence.emphasised`) may run to
    ``max_emphasised_words``, a question too, and heads what follows it, short
    lines included, unless that goes on in lower case with its sentence."""

    max_words: int = 12
    max_question_words: int = 8
    max_emphasised_words: int = 16
    max_list_look: int = 40

    def __call__(self, blocks: Sequence[Block]) -> list[Block]:
        out = list(blocks)
        body = [i for i in kept_indexes(out) if out[i].kind != "title"]
        script = main_script([out[i].text for i in body])
        for n, (here, after) in enumerate(itertools.pairwise(body)):
            before = (out[i] for i in reversed(body[max(0, n - self.max_list_look) : n]))
            if out[here].kind == "paragraph" and self._introduces(out[here], out[after], before, script):
                out[here] = out[here].with_kind("heading")
        return out

    def _short(self, text: str, *, emphasised: bool = False) -> bool:
        longest = self.max_emphasised_words if emphasised else self.max_words
        longest_question = self.max_emphasised_words if emphasised else self.max_question_words
        if text.endswith(("?", "？")) and len(words(text)) <= longest_question:
            text = text.rstrip("?？")
        return bool(text) and reads_as_heading(text, max_words=longest)

    def _introduces(
        self, block: Block, following: Block, before: Iterator[Block], script: str | None
    ) -> bool:
        # A line in another script than the article's (an Arabic verse in an
        # Indonesian article) is quoted text: no heading, and no heading after
        # one; a line without a letter ("13", a phone number, a date) names no section.
        found = script_of(block.text)
        if found is None or (found != script and script is not None):
            return False
        emphasised = block.page is not None and block.page.emphasised
        if not self._short(block.text, emphasised=emphasised):
            return False
        if following.kind not in ("paragraph", "list-item", "quote"):
            return False
        if emphasised:
            # The page sets it apart: what follows is its section, unless it goes
            # on with the sentence the bold words began ("Gay sheep may show" / "a ...").
            return not _goes_on_in_lower_case(following.text)
        heading_after = script_of(following.text) in (script, None) and reads_as_heading(
            following.text, max_words=self.max_words
        )
        return (not heading_after or _opens_numbered(following.text)) and not self._ends_list(before)

    def _ends_list(self, before: Iterator[Block]) -> bool:
        """``before`` runs backwards from the block before the candidate."""
        for short, block in enumerate(before):
            if not self._short(block.text):
                return short == 1 and block.text.rstrip().endswith(":")
            if short >= 1:
                return True
        return False
