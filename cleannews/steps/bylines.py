"""Bylines, reporter codes, editor credits and date lines: dropped from the
body as ``byline``, and parsed into metadata.

The rules live under ``[byline]`` in ``cleannews/rules/*.toml``. Their named
groups say where a value goes: ``authors`` (a list), ``editor``, ``source``,
``emails``, ``byline_codes``, ``published``, ``updated``. Names are read
from the text with its case kept, because case is what tells a credit
("By Jane Doe") from reporting ("By the end of the year, ...").
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache

import regex

from cleannews import rules
from cleannews.measure import ends_sentence, line_key, normalize_space, reads_as_prose, strip_decoration
from cleannews.model import Block
from cleannews.reasons import BYLINE
from cleannews.steps.base import LineRule, kept_indexes
from cleannews.steps.comments import comment_label
from cleannews.steps.lines import (
    boilerplate,
    caption,
    marker,
    navigation,
    newsletter,
    promo,
    related,
    share,
)

Pairs = tuple[tuple[str, str], ...]

_NAME_WORD = regex.compile(r"[\p{Lu}][\p{L}.'’-]*|\p{Lu}\.?")
#: What a value may carry around it that is not part of it.
_VALUE_DECOR = " \t-–—:|,;.()[]\"'“”"
_DATE_KEYS = frozenset({"published", "updated"})
#: Lines after which a lone name is the author's: a credit, or a syndication
#: note ("Artikel ini pertama kali terbit dalam bahasa Jerman").
_CREDIT_LIKE = frozenset({BYLINE, "newsletter"})


#: The line rules for residue other than bylines. A line they match is not a
#: name ("Berita Terkait"), and a cut title they would drop is left whole.
#: A comment label ("KIRIM KOMENTAR") in capitals is written like a name in
#: capitals: it is residue, not a credit under the reporting.
RESIDUE_LINES = (marker, related, promo, share, newsletter, caption, navigation, boilerplate, comment_label)


def reads_as_residue(text: str) -> bool:
    """Whether a line rule for residue other than bylines matches ``text``.

    >>> reads_as_residue("Berita Terkait"), reads_as_residue("Dimas Pratama")
    (True, False)
    >>> reads_as_residue("KIRIM KOMENTAR")
    True
    """
    block = Block(text)
    return any(rule(block) for rule in RESIDUE_LINES)


def looks_like_name(text: str, *, max_words: int = 5) -> bool:
    """Whether ``text`` is written like a person's name: one to ``max_words``
    words, each capitalised (or a name particle such as "bin", "van").

    >>> looks_like_name("Maria Ulfa Rahma"), looks_like_name("the end of the year")
    (True, False)
    >>> looks_like_name("B Kunto Wibisono"), looks_like_name("Budi 2025")
    (True, False)
    """
    found = text.split()
    particles = rules.words(BYLINE, "particles")
    return 0 < len(found) <= max_words and all(
        _NAME_WORD.fullmatch(w) is not None or w.casefold() in particles for w in found
    )


def split_names(text: str) -> list[str]:
    """The names in a list of credits, decoration stripped.

    >>> split_names("Suparjo Ramalan, Adhyasta Dirgantara dan Erlangga Djumena.")
    ['Suparjo Ramalan', 'Adhyasta Dirgantara', 'Erlangga Djumena']
    """
    joins = rules.pattern(BYLINE, "joins")
    pieces = [text] if joins is None else (rules.guarded(joins.split, text) or [text])
    return [name for piece in pieces if (name := piece.strip(_VALUE_DECOR))]


def _pairs(match: regex.Match[str], *, names_only: bool) -> Pairs | None:
    """The metadata pairs of a credit match; ``None`` when ``names_only`` and
    an ``authors`` value is not written like names."""
    pairs: list[tuple[str, str]] = []
    for key in match.re.groupindex:
        for value in match.captures(key):
            if key not in ("authors", "editor"):
                pairs.append((key, value.strip(_VALUE_DECOR)))
                continue
            names = split_names(value)
            if names_only and not all(looks_like_name(n) for n in names):
                return None
            pairs.extend((key, n) for n in names if looks_like_name(n))
    return tuple(pairs)


def _fullmatches(key: str, text: str) -> Iterator[regex.Match[str]]:
    """Every ``[byline] key`` pattern that matches the whole ``text``, in file order."""
    for compiled in rules.fullmatch_candidates(BYLINE, key, text):
        if match := rules.guarded(compiled.fullmatch, text):
            yield match


def _fullmatch(key: str, text: str) -> regex.Match[str] | None:
    return next(_fullmatches(key, text), None)


def read_credit(text: str, *, max_chars: int = 320) -> Pairs | None:
    """The metadata of a line that is a credit, a code or a date line; else
    ``None``. Credits are short: a longer block is not tried.

    >>> read_credit("Editor : Sinta Dewi")
    (('editor', 'Sinta Dewi'),)
    >>> read_credit("By the end of the year, prices rose.") is None
    True
    >>> read_credit("» fyk/ash")
    (('byline_codes', 'fyk/ash'),)
    >>> read_credit("(Home)") is None
    True
    """
    if len(text) > max_chars:
        return None
    bare = strip_decoration(text)
    # Codes keep their brackets ("(wbs)" is a code, "wbs" a word), and lose a
    # bullet or an arrow before them ("» fyk/ash").
    if (match := _fullmatch("codes", normalize_space(text)) or _fullmatch("codes", bare)) and _reads_as_code(
        match.group("byline_codes")
    ):
        return _pairs(match, names_only=False)
    for key, names_only in (("dates", False), ("credits", False), ("names", True)):
        for match in _fullmatches(key, bare):
            if (pairs := _pairs(match, names_only=names_only)) is not None:
                return pairs
    return None


def _reads_as_code(code: str) -> bool:
    """A single code is in one case ("wbs", "SIS"); "Home" is a word, and so
    is a word another residue rule knows ("HOME" is navigation).

    >>> _reads_as_code("SIS"), _reads_as_code("Home"), _reads_as_code("Cas/Isk"), _reads_as_code("HOME")
    (True, False, True, False)
    """
    if "/" in code:
        return True
    return (code.islower() or code.isupper()) and not reads_as_residue(code)


def _bracketed_word(text: str) -> bool:
    """A word in brackets written like a word ("(Home)"), not like a code.

    >>> _bracketed_word("(Home)"), _bracketed_word("(wbs)")
    (True, False)
    """
    bare = strip_decoration(text)
    return bare.isalpha() and not _reads_as_code(bare)


def starts_like_a_credit(text: str, *, max_chars: int = 320) -> bool:
    """Whether ``text`` has the shape of an unlabelled credit ("By ...",
    "Oleh ...") whose names are not written like names: then it is
    reporting, and no plainer byline rule may drop it.

    >>> starts_like_a_credit("Oleh karena itu, harga naik."), starts_like_a_credit("Oleh Budi Santoso")
    (True, False)
    """
    if len(text) > max_chars:
        return False
    matches = list(_fullmatches("names", strip_decoration(text)))
    return bool(matches) and all(_pairs(m, names_only=True) is None for m in matches)


def read_label(text: str) -> str | None:
    """The metadata key a credit label alone on its line announces.

    >>> read_label("Editor"), read_label("Editorial")
    ('editor', None)
    """
    match = _fullmatch("labels", strip_decoration(text))
    if match is None:
        return None
    return next((key for key in match.re.groupindex if match.captures(key)), None)


def read_names(text: str, *, max_names: int = 4, min_words: int = 2) -> list[str] | None:
    """The names on a line that holds only names, or ``None``.

    >>> read_names(" Suparjo Ramalan, Adhyasta Dirgantara")
    ['Suparjo Ramalan', 'Adhyasta Dirgantara']
    >>> read_names("Jakarta") is None, read_names("Harga naik lagi") is None
    (True, True)
    """
    if ends_sentence(text):
        return None
    names = split_names(text)
    if not 0 < len(names) <= max_names:
        return None
    if all(looks_like_name(n, max_words=4) and len(n.split()) >= min_words for n in names):
        return names
    return None


@cache
def _glued_code() -> regex.Pattern[str] | None:
    """A bracketed code after a sentence end, at the end of the text."""
    codes = rules.pattern(BYLINE, "codes")
    if codes is None:
        return None
    return regex.compile(rf"(?<=[.!?\"”’'])\s+(?P<code>\((?:{codes.pattern})\))\s*$", codes.flags)


def split_trailing_code(text: str) -> tuple[str, str, Pairs] | None:
    """``(kept, code, pairs)`` when a reporter code is glued after the last
    sentence: "... kata dia. (fyk/ash)". A single code must be lowercase, so
    an abbreviation such as "(AS)" stays.

    >>> split_trailing_code("Demikian kata dia. (fyk/ash)")[:2]
    ('Demikian kata dia.', '(fyk/ash)')
    >>> split_trailing_code("Dikirim ke Amerika Serikat (AS)") is None
    True
    """
    glued = _glued_code()
    # The code is last: a text that does not end with its bracket has none.
    ends_in_bracket = text.rstrip().endswith(")")
    match = None if glued is None or not ends_in_bracket else rules.guarded(glued.search, text)
    if match is None:
        return None
    code = match.group("code")
    if "/" not in code and not code.islower():
        return None
    pairs = read_credit(code) or ()
    return text[: match.start()].rstrip(), code, pairs


def _label_value(text: str) -> list[str] | None:
    """The names on the line after a label, unless that line is a credit itself."""
    return None if read_credit(text) is not None else read_names(text, min_words=1)


def _next_line(blocks: list[Block], following: list[int]) -> int | None:
    """The next kept block that no other residue rule will drop, whatever
    order the steps run in."""
    return next((i for i in following if blocks[i].kept and not reads_as_residue(blocks[i].text)), None)


def _undated(pairs: Pairs) -> Pairs:
    return tuple((k, v) for k, v in pairs if k not in _DATE_KEYS)


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
                self._one(out, here, body[n + 1 :])
            if here > lead and out[here].reason == BYLINE:
                # Dates below the reporting belong to listed articles, not to this one.
                out[here] = replace(out[here], meta=_undated(out[here].meta))
        for i in self._tail_names(out):
            out[i] = out[i].drop(BYLINE, [("authors", n) for n in read_names(out[i].text) or ()])
        return out

    def _one(self, out: list[Block], here: int, following: list[int]) -> None:
        block = out[here]
        if (pairs := read_credit(block.text)) is not None:
            out[here] = block.drop(BYLINE, pairs)
        elif key := read_label(block.text):
            # A label alone is dropped whatever follows, so a second cleaning agrees.
            out[here] = block.drop(BYLINE)
            after = _next_line(out, following)
            if after is not None and (names := _label_value(out[after].text)):
                out[after] = out[after].drop(BYLINE, [(key, n) for n in names])
        elif (
            LineRule(BYLINE)(block)
            and not starts_like_a_credit(block.text)
            and not _bracketed_word(block.text)
        ):
            out[here] = block.drop(BYLINE)

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
    return before.reason in _CREDIT_LIKE or (before.kept and read_names(before.text) is not None)
