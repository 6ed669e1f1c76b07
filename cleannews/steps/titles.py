"""The title reduced to its headline: "Headline | Site" and
"Headline - detikNews" lose the site name (reason ``site-name``, kept as
``metadata["site_name"]``), and a byline or date glued to the title line is
split off (reason ``byline``, kept as ``authors`` and ``published``).

A part of the title is a site or section name when it is short and either
matches ``[site-name] sites`` or ``[site-name] sections`` in the rules, looks like a
domain ("Kompas.com", "www.wday.ru"), or, after the headline only, is
written like a brand ("The Verge", "SlashGear", "CBS News"). The headline
keeps the longer side: a part is only cut when more words stay than go.
When a body line repeats the start of the title, the title is cut there
whatever the shape of the rest.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import regex

from cleannews.credits import (
    looks_like_brand,
    looks_like_name,
    named,
    names_a_site,
    read_credit,
    read_label,
    reads_as_residue,
    split_trailing_code,
)
from cleannews.measure import TITLE_SEPARATOR, line_key, reads_as_headline, strip_decoration, words
from cleannews.model import Block
from cleannews.reasons import BYLINE, DUPLICATE_TITLE, SITE_NAME
from cleannews.rules import active_rules

_COUNTER_TAIL = " |,;"


def site_part(part: str, *, before: str | None = None, max_words: int = 5) -> bool:
    """Whether one part of a title names the site or a section. A part known
    only by its brand-like shape is not cut when the part ``before`` it
    (other than the headline) has that shape too: then neither is clearly
    the site's name. The test looks at the two parts alone, so cleaning a
    cleaned title cuts nothing more.

    >>> site_part("detikNews"), site_part("Opinion"), site_part("The Verge")
    (True, True, True)
    >>> site_part("Digg", before="And They Disagree Now")
    False
    """
    if not 0 < len(words(part)) <= max_words:
        return False
    if names_a_site(part) or named("sections", part):
        return True
    return looks_like_brand(part) and not (before is not None and looks_like_brand(before))


@dataclass(frozen=True)
class Cut:
    """A span cut off a title, the reason, and what it says as metadata."""

    text: str
    reason: str
    pairs: tuple[tuple[str, str], ...] = ()


def split_glued_date(text: str) -> tuple[str, list[Cut]]:
    """The title without a date (and comment counter) glued to its end,
    and the cuts; a single name between the headline and the date, ended
    by a comma, is taken as the author.

    >>> head, cuts = split_glued_date("Festival Film di Italia Annisa, Minggu 15 April 2018 0 Komentar")
    >>> head, [c.text for c in cuts]
    ('Festival Film di Italia', ['Annisa,', 'Minggu 15 April 2018 0 Komentar'])
    """
    found = _last_date(text)
    if found is None or len(words(text[: found.start()])) < 3:
        return text, []
    head = text[: found.start()].rstrip(" |,-–—")
    cuts = [Cut(text[found.start() :].strip(), BYLINE, _dated(found))]
    author = regex.search(r"\s(\p{Lu}\p{L}+),\s*$", text[: found.start()])
    if author and looks_like_name(author.group(1)) and len(words(text[: author.start()])) >= 3:
        head = text[: author.start()].rstrip(" |,-–—")
        credit = text[author.start() : found.start()].strip()
        cuts.insert(0, Cut(credit, BYLINE, (("authors", author.group(1)),)))
    return head, cuts


def _last_date(text: str) -> regex.Match[str] | None:
    """The ``[byline] dates`` match that starts first among those followed
    only by counters (the longest at the same start), if any."""
    best = None
    for dates in active_rules().patterns("byline", "dates"):
        found = dates.search(text)
        while found is not None and not _only_counters(text[found.end() :]):
            found = dates.search(text, found.end())
        if found is not None and (
            best is None or (found.start(), -found.end()) < (best.start(), -best.end())
        ):
            best = found
    return best


def split_glued_credit(text: str, *, min_words: int = 3) -> tuple[str, list[Cut]]:
    """The title without a labelled credit glued to its end ("... Penulis
    Budi Santoso"). Only tried once a date was cut off the same line: a
    headline may well mention a writer.

    >>> split_glued_credit("Harga Beras Naik Lagi Penulis Budi Santoso")[0]
    'Harga Beras Naik Lagi'
    """
    for word in regex.finditer(r"\S+", text):
        if len(words(text[: word.start()])) < min_words or read_label(word.group()) is None:
            continue
        pairs = read_credit(text[word.start() :])
        if pairs and any(k == "authors" for k, _ in pairs):
            return text[: word.start()].rstrip(" |,-–—"), [Cut(text[word.start() :].strip(), BYLINE, pairs)]
    return text, []


def _only_counters(rest: str) -> bool:
    """Whether what follows a date is nothing, or counters ("0 Komentar", "699 Views")."""
    rest = rest.strip(_COUNTER_TAIL)
    return not rest or reads_as_residue(rest)


def _dated(match: regex.Match[str]) -> tuple[tuple[str, str], ...]:
    names = match.re.groupindex
    return tuple(
        (k, v.strip()) for k in ("published", "updated") if k in names for v in match.captures(k)[:1]
    )


def split_title(text: str, body_keys: frozenset[str] = frozenset()) -> tuple[str, list[Cut]]:
    """The headline in a page title, and the cuts made to reach it.

    >>> split_title("Harga Beras Naik Lagi - detikNews")[0]
    'Harga Beras Naik Lagi'
    >>> split_title("Star Wars review - shoots for the moon, lands among the stars - VG247")[0]
    'Star Wars review - shoots for the moon, lands among the stars'
    """
    front: list[Cut]
    back: list[Cut]
    head, front, back = text, [], []
    # Cut until nothing more comes off, so that a cleaned title has nothing to cut.
    while True:
        shorter, before, after = _split_once(head, body_keys)
        if shorter == head:
            return head, front + back
        head, front, back = shorter, front + before, after + back


def _split_once(text: str, body_keys: frozenset[str]) -> tuple[str, list[Cut], list[Cut]]:
    """One round of cuts: the headline, and the cuts before and after it,
    each in text order."""
    head, dated = _split_glued_byline(text)
    parts = TITLE_SEPARATOR.split(head)
    tail = _cut_after_repeat(parts, body_keys)
    lead: list[Cut] = []
    while len(parts) > 1 and line_key("".join(parts)) not in body_keys and _cut_one(parts, lead, tail):
        pass
    return "".join(parts).strip(), lead, tail[::-1] + dated


def _split_glued_byline(text: str) -> tuple[str, list[Cut]]:
    """Cut dates, and the credits before them, off the end of the title
    until none is left, so that a cleaned title has none to cut."""
    cuts: list[Cut]
    head, cuts = text, []
    while True:
        shorter, dated = split_glued_date(head)
        if not dated:
            return head, cuts
        shorter, credit = split_glued_credit(shorter)
        head, cuts = shorter, credit + dated + cuts


def _site_cut(part: str, tail: list[Cut]) -> Cut:
    """The cut of a part after the headline: the outermost names the site,
    the ones within it sections."""
    key = "sections" if tail else "site_name"
    return Cut(part.strip(), SITE_NAME, ((key, strip_decoration(part)),))


def _cut_after_repeat(parts: list[str], body_keys: frozenset[str]) -> list[Cut]:
    """Cut what follows the longest start of the title that a body line
    repeats: the body shows where the headline ends. Parts alternate text
    and separator."""
    tail: list[Cut] = []
    for end in range(len(parts) - 2, 0, -2):
        if line_key("".join(parts[:end])) in body_keys:
            while len(parts) > end:
                tail.append(_site_cut(parts[-1], tail))
                del parts[-2:]
            break
    return tail


def _cut_one(parts: list[str], lead: list[Cut], tail: list[Cut]) -> bool:
    """Cut the outermost site, section or credit part, if one is; parts
    alternate text and separator."""
    first, last = parts[0], parts[-1]
    rest_words = len(words("".join(parts[:-2])))
    if rest_words >= 3 and rest_words > len(words(last)):
        if (pairs := _credit(last)) is not None:
            tail.append(Cut(last.strip(), BYLINE, pairs))
            del parts[-2:]
            return True
        if site_part(last, before=parts[-3] if len(parts) > 3 else None):
            tail.append(_site_cut(last, tail))
            del parts[-2:]
            return True
    rest_words = len(words("".join(parts[2:])))
    if rest_words >= 3 and rest_words > len(words(first)) and _named_part(first):
        key = "site_name" if names_a_site(first) else "sections"
        lead.append(Cut(first.strip(), SITE_NAME, ((key, strip_decoration(first)),)))
        del parts[:2]
        return True
    return False


def _named_part(part: str, *, max_words: int = 5) -> bool:
    """Whether a part before the headline names a site or section by the rules."""
    return len(words(part)) <= max_words and (names_a_site(part) or named("sections", part))


def _credit(part: str) -> tuple[tuple[str, str], ...] | None:
    """The metadata of a title part that is a credit with a label ("Penulis Nama")."""
    found = part.split()
    if not found or read_label(found[0]) is None:
        return None
    return read_credit(part)


def _changes_again(head: str) -> bool:
    """Whether an earlier step would change or drop ``head`` as a line of
    its own, so that a cleaned title would not come back as it is."""
    return read_credit(head) is not None or reads_as_residue(head) or split_trailing_code(head) is not None


def split_title_block(blocks: Sequence[Block]) -> list[Block]:
    """Reduce the title block to its headline, keeping the cut spans (see
    `split_title`); body lines that repeat the full title line are dropped
    as ``duplicate-title``."""
    out = list(blocks)
    at = next((i for i, b in enumerate(out) if b.kept and b.kind == "title"), None)
    if at is None:
        return out
    title = out[at]
    body_keys = frozenset(line_key(b.text) for b in out if b.kept and b is not title)
    head, cuts = split_title(title.text, body_keys)
    if not cuts or not reads_as_headline(head) or _changes_again(head):
        # A title that would not be read as one again is left whole.
        return out
    for cut in cuts:
        title = title.trim(head, cut.text, cut.reason, cut.pairs, why="beside the headline in the title line")
    full = line_key(out[at].text)
    out[at] = title
    return [
        b.drop(DUPLICATE_TITLE, why="repeats the whole title line")
        if i != at and b.kept and line_key(b.text) == full
        else b
        for i, b in enumerate(out)
    ]
