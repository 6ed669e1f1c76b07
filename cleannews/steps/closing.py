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
from cleannews.measure import caps_ratio, has_more_words, line_key, reads_as_prose, words
from cleannews.model import Block
from cleannews.reasons import ESCAPE_ARTIFACT, NEWSLETTER, RELATED
from cleannews.steps.context import last_prose, reads_as_box_line


@dataclass(frozen=True)
class drop_appeal_box:  # noqa: N801 - a step, named for what it does
    """Drop a reader appeal box that closes the text, as ``newsletter``: from
    a line asking for the reader's support ("A word to our readers",
    "Support <site> and make a difference ...", ``[newsletter] appeals``) to
    the last appeal line or button ("Support <site>", "Donate now",
    ``[newsletter] buttons``), everything between: the box's letter and its
    staff list are not the story. A button closes a box and never opens one
    ("Support Ukraine" over a story). The box needs two such lines of at
    most ``max_words`` words, opens below a paragraph of reporting, spans at
    most ``max_box`` lines (escape debris aside), and at most ``max_after``
    short lines follow it (they go with it).

    >>> text = ["The council approved the budget on Monday after a long debate."] * 4 + [
    ...     "A Word to Our Loyal Readers", "Our reporters work for you.", "Jane Roe", "Donate now"]
    >>> [b.reason for b in drop_appeal_box()([Block(t) for t in text])][3:]
    [None, 'newsletter', 'newsletter', 'newsletter', 'newsletter']
    """

    max_box: int = 40
    max_after: int = 3
    max_words: int = 30
    #: Cheaper than counting words, and excludes most paragraphs first.
    max_chars: int = 250

    def __call__(self, blocks: Sequence[Block]) -> list[Block]:
        out = list(blocks)
        near = [i for i, b in enumerate(out) if b.reason != ESCAPE_ARTIFACT]
        # Read from the end: the box closes the text, so the search stops
        # after a few kept lines, and a box spans at most ``max_box`` blocks.
        last = self._last_appeal(out, near)
        if last is None:
            return out
        above = range(max(last - self.max_box, 0), last)
        first = next((n for n in above if self._is_appeal(out[near[n]], _OPENERS)), None)
        if first is None:
            return out
        start = near[first]
        after = [i for i in range(near[last] + 1, len(out)) if out[i].kept and out[i].kind != "title"]
        if not all(reads_as_box_line(out[i].text) for i in after):
            return out
        if not any(b.kept and reads_as_prose(b.text) for b in out[:start]):
            return out
        for i in range(start, len(out)):
            if out[i].kept and out[i].kind != "title":
                out[i] = out[i].drop(NEWSLETTER)
        return out

    def _last_appeal(self, out: list[Block], near: list[int]) -> int | None:
        """Position in ``near`` of the last appeal line, when at most
        ``max_after`` kept lines follow it."""
        kept_after = 0
        for n in range(len(near) - 1, -1, -1):
            block = out[near[n]]
            if self._is_appeal(block, _CLOSERS):
                return n
            if block.kept and block.kind != "title":
                kept_after += 1
                if kept_after > self.max_after:
                    return None
        return None

    def _is_appeal(self, block: Block, keys: tuple[str, ...]) -> bool:
        """A whole ``[newsletter]`` line of one of ``keys``, kept or already
        dropped (a button may have gone as a promo)."""
        if block.kind == "title" or len(block.text) > self.max_chars:
            return False
        key = line_key(block.text)
        return any(rules.line_matches(NEWSLETTER, k, key) for k in keys) and not has_more_words(
            block.text, self.max_words
        )


#: The rule keys of the lines that open an appeal box, and of those that close it.
_OPENERS = ("appeals",)
_CLOSERS = ("appeals", "buttons")


def reads_as_listed_headline(
    text: str,
    *,
    min_words: int = 4,
    max_words: int = 16,
    long_word: int = 4,
    min_capitalised: int = 2,
    capitalised_share: float = 0.8,
    max_caps: float = 0.5,
) -> bool:
    """A headline as link lists print it: ``min_words`` to ``max_words``
    words in title case (at least ``capitalised_share`` of the words of
    ``long_word`` letters or more capitalised, and ``min_capitalised`` of
    them), not shouted (`caps_ratio` under ``max_caps``), not ending like a
    sentence or a lead-in, not a list of places ("Kent, Washington, US": two
    commas or more).

    >>> reads_as_listed_headline("The 11 Biggest Unanswered Questions About Dark Matter")
    True
    >>> reads_as_listed_headline("Officials said the bridge would reopen in May.")
    False
    >>> reads_as_listed_headline("Blue Harbor, Maine")
    False
    """
    stripped = text.rstrip()
    if not stripped or stripped[-1] in ".:;,…" or text.count(",") > 1 or has_more_words(text, max_words):
        return False
    found = words(text)
    if len(found) < min_words:
        return False
    long_words = [w for w in found if len(w) >= long_word and w[0].isalpha()]
    capitalised = sum(w[0].isupper() for w in long_words)
    return (
        capitalised >= min_capitalised
        and capitalised >= capitalised_share * len(long_words)
        and caps_ratio(text) < max_caps
    )


@dataclass(frozen=True)
class drop_headline_runs:  # noqa: N801 - a step, named for what it does
    """Drop a bare list of headlines under the last paragraph of reporting,
    as ``related``: ``min_run`` or more kept lines in a row (dropped lines
    between them aside) that each read as a listed headline (see
    `reads_as_listed_headline`), below the last paragraph of at least
    ``min_prose_words`` words. The headlines of a link list are varied: when
    two lines of the run open with the same word ("June 9 -- ...", "June 10
    -- ..."; "24 Alumni ...", "96 Alumni ...") the run is a list of the
    story's own (tour dates, figures), and stays. One or two such lines may
    be the text's own closing headings or a credit, and stay; so does such a
    run higher up.

    >>> text = ["The team will publish its full results, with the code and every simulated galaxy,"
    ...         " next spring, the university said in a statement on Monday."]
    >>> text += ["15 Amazing Photos of Distant Galaxies", "10 Strangest Things Found in Space",
    ...          "The Biggest Mysteries of the Milky Way", "Originally published on Example Science."]
    >>> [b.reason for b in drop_headline_runs()([Block(t) for t in text])]
    [None, 'related', 'related', 'related', None]
    """

    min_run: int = 3
    min_prose_words: int = 20

    def __call__(self, blocks: Sequence[Block]) -> list[Block]:
        out = list(blocks)
        last = last_prose(out, min_words=self.min_prose_words)
        if last is None:
            return out
        run: list[int] = []
        for i in range(last + 1, len(out) + 1):
            block = out[i] if i < len(out) else None
            if block is not None and (not block.kept or block.kind == "title"):
                continue
            if block is not None and reads_as_listed_headline(block.text):
                run.append(i)
                continue
            if len(run) >= self.min_run and _varied([out[j].text for j in run]):
                for j in run:
                    out[j] = out[j].drop(RELATED)
            run = []
        return out


def _varied(texts: list[str]) -> bool:
    """Whether no two lines open with the same word (a leading number and
    an article, ``[related.runs] skipped_openers``, aside), as the items of a
    list of the story's own do.

    >>> _varied(["June 9 -- Arena, Town", "June 10 -- Hall, City"])
    False
    >>> _varied(["24 Alumni MIT", "9 Alumni ETH"])
    False
    >>> _varied(["15 Amazing Images of Stars", "The 11 Biggest Questions About Dark Matter"])
    True
    """
    openers = [_opening_word(text) for text in texts]
    found = [w for w in openers if w]
    return len(found) == len(set(found))


def _opening_word(text: str) -> str:
    """The first word of ``text`` that is not a number or a skipped opener, casefolded."""
    skipped = rules.words("related.runs", "skipped_openers")
    return next((w.casefold() for w in words(text) if not w.isdigit() and w.casefold() not in skipped), "")
