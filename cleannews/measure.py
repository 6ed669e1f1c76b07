"""Small measurements of a line of text that several steps share."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

import regex

_WORD = regex.compile(r"\w+(?:[-'’.]\w+)*")
#: The same pattern for the standard library, used on ASCII text only (where
#: the two read ``\w`` alike; a test checks every ASCII character): about
#: twice as fast as the ``regex`` package there.
_ASCII_WORD = re.compile(_WORD.pattern)
#: What `normalize_space` replaces: runs of whitespace, and any single
#: whitespace that is not a plain space. A lone space is left alone, so
#: ordinary prose costs one scan and no replacements.
_SPACE = regex.compile(r"\s{2,}|[^\S ]")
#: Characters a label wears around it without changing what it says.
_DECOR = " \t\u00a0-–—:|•·»«›‹>*_=~#[](){}/\\.,;!?\"'“”‘’…"
#: What ends a sentence, with the ideographic full stop and the full-width
#: marks of Chinese and Japanese ("。", "！", "？").
_SENTENCE_END = frozenset(".!?…\"'”’»)。！？")


def line_key(text: str) -> str:
    """The form rule patterns are matched against: casefolded, spaces
    collapsed, decoration stripped from both ends.

    >>> line_key("  BACA JUGA:  ")
    'baca juga'
    >>> line_key("[Gambas:Video 20detik]")
    'gambas:video 20detik'
    """
    # Every line rule asks for the key of every block: remembering the last
    # few hundred (short ones only, so memory stays small) saves recomputing it.
    return _remembered_line_key(text) if len(text) <= _REMEMBER_UP_TO else _line_key(text)


def _line_key(text: str) -> str:
    return collapse_space(text).strip(_DECOR).casefold()


_REMEMBER_UP_TO = 2000
_remembered_line_key = lru_cache(maxsize=1024)(_line_key)


def shape_key(text: str) -> str:
    """The form ``shapes`` patterns are matched against: casefolded, spaces
    collapsed, nothing else stripped, so brackets and marks still show.

    >>> shape_key("  (Cas/Isk) "), shape_key("#jemaah  haji")
    ('(cas/isk)', '#jemaah haji')
    """
    # Each line rule with shapes asks for it: remembered like `line_key`.
    return _remembered_shape_key(text) if len(text) <= _REMEMBER_UP_TO else _shape_key(text)


def shortest_shape_key(text: str) -> int:
    """A length `shape_key` of ``text`` is never shorter than, found without
    making it: in printable text the only whitespace is the plain space (a
    test checks this for every character), and casefolding never shortens.

    >>> t = "  Foto:  Andi "
    >>> shortest_shape_key(t) <= len(shape_key(t)), shortest_shape_key("a\\nb")
    (True, 0)
    """
    if len(text) <= _REMEMBER_UP_TO:
        return _remembered_shortest_shape_key(text)
    return _shortest_shape_key(text)


def _shortest_shape_key(text: str) -> int:
    return len(text) - text.count(" ") if text.isprintable() else 0


_remembered_shortest_shape_key = lru_cache(maxsize=1024)(_shortest_shape_key)


def _shape_key(text: str) -> str:
    return collapse_space(text).strip().casefold()


_remembered_shape_key = lru_cache(maxsize=1024)(_shape_key)


def words(text: str) -> list[str]:
    """The words of ``text``: runs of letters and digits, with inner marks.

    >>> words("Jumat (7/11/2025), kata AS.")
    ['Jumat', '7', '11', '2025', 'kata', 'AS']
    """
    return (_ASCII_WORD if text.isascii() else _WORD).findall(text)


def has_more_words(text: str, limit: int) -> bool:
    """Whether ``text`` has more than ``limit`` `words`; stops counting there,
    so a long paragraph costs no more than its first ``limit`` words.

    >>> has_more_words("Satu dua tiga.", 2), has_more_words("Satu dua tiga.", 3)
    (True, False)
    """
    # Two words need a character between them: fewer than 2n - 1 cannot hold n.
    if len(text) < 2 * limit + 1:
        return False
    # Several steps ask about each block, with the same limits: short texts
    # have their answers remembered, in a bounded cache.
    if len(text) <= _REMEMBER_UP_TO:
        return _remembered_more_words(text, limit)
    return _has_more_words(text, limit)


def _has_more_words(text: str, limit: int) -> bool:
    return _more_words_than(limit, ascii=text.isascii()).match(text) is not None


_remembered_more_words = lru_cache(maxsize=1024)(_has_more_words)


@lru_cache(maxsize=64)
def _more_words_than(limit: int, *, ascii: bool = False) -> re.Pattern[str] | regex.Pattern[str]:
    """``limit + 1`` words from the start, each taken whole (atomic, so a word
    is never split to make up the count) after possessively skipped non-word
    characters: linear, and one C-level call. For ASCII text, the standard
    library's compile of it (see `_ASCII_WORD`)."""
    source = rf"(?:\W*+(?>{_WORD.pattern})){{{max(limit + 1, 0)}}}"
    return re.compile(source) if ascii else regex.compile(source)


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends like a sentence (final punctuation or a closing quote).

    >>> ends_sentence("Ia pergi."), ends_sentence("Kazakhstan Bergabung"), ends_sentence("警方正在调查。")
    (True, False, True)
    """
    stripped = text.rstrip()
    return bool(stripped) and stripped[-1] in _SENTENCE_END


#: Closing quotes and brackets, which may follow the mark that ends a sentence.
CLOSING_MARKS = "\"'”’»)]"


def ends_with_stop(text: str) -> bool:
    """Whether ``text`` ends in a full stop, ``!``, ``?`` or an ellipsis
    (behind any closing quote or bracket): a quoted name closing a caption
    ends no sentence.

    >>> ends_with_stop("He left.”"), ends_with_stop("at the ‘Autumn Fair’")
    (True, False)
    """
    body = text.rstrip().rstrip(CLOSING_MARKS)
    return bool(body) and body[-1] in ".!?…"


def caps_ratio(text: str) -> float:
    """Share of words of two or more letters written in capitals.

    >>> caps_ratio("TRADING OTOMATIS 24 JAM yang")
    0.75
    """
    # Steps that look for the first or the last paragraph of reporting ask
    # about the same paragraphs: short texts have their answer remembered.
    return _remembered_caps_ratio(text) if len(text) <= _REMEMBER_UP_TO else _caps_ratio(text)


def _caps_ratio(text: str) -> float:
    lettered = [w for w in words(text) if _letters_at_least(w, 2)]
    if not lettered:
        return 0.0
    return sum(w.isupper() for w in lettered) / len(lettered)


_remembered_caps_ratio = lru_cache(maxsize=1024)(_caps_ratio)


def _letters_at_least(word: str, count: int) -> bool:
    """Whether ``word`` has at least ``count`` letters; a word of letters
    only (most of them) is told by its length.

    >>> _letters_at_least("AS", 2), _letters_at_least("7a", 2)
    (True, False)
    """
    if word.isalpha():
        return len(word) >= count
    return sum(c.isalpha() for c in word) >= count


def reads_as_sentence(text: str, *, min_words: int = 8) -> bool:
    """Whether ``text`` is a sentence: enough words and final punctuation.

    >>> reads_as_sentence("Ketua KPK dan DPR RI bertemu di Gedung DPR kemarin.")
    True
    """
    # The end first, then the words only up to ``min_words``: a long
    # paragraph costs no more than a short one.
    return ends_sentence(text) and has_more_words(text, min_words - 1)


def reads_as_prose(text: str, *, min_words: int = 8, max_caps: float = 0.3) -> bool:
    """Whether ``text`` reads as a sentence of reporting: a sentence, and not
    shouted in capitals.

    >>> reads_as_prose("Pengumuman resmi dijadwalkan dilakukan pada Kamis malam waktu Washington.")
    True
    >>> reads_as_prose("AIOTrade App AIOTrade App")
    False
    """
    return reads_as_sentence(text, min_words=min_words) and caps_ratio(text) < max_caps


def collapse_space(text: str) -> str:
    """Whitespace runs (and tabs, no-break spaces, ...) as one plain space.

    >>> collapse_space(" a \t b\u00a0c ")
    ' a b c '
    """
    # Most lines hold single plain spaces only: two C-level checks say so
    # several times faster than a regex scan.
    if "  " not in text and text.isprintable():
        return text
    return _SPACE.sub(" ", text)


def normalize_space(text: str) -> str:
    """Whitespace runs as one space, none at the ends.

    >>> normalize_space("  a \\t b\\u00a0c  ")
    'a b c'
    """
    return collapse_space(text).strip()


def strip_decoration(text: str) -> str:
    """`line_key` with the case kept: spaces collapsed, decoration stripped
    from both ends. Steps that parse names match their rules against it.

    >>> strip_decoration(" (Cas/Isk) ")
    'Cas/Isk'
    """
    return collapse_space(text).strip(_DECOR)


_NOT_A_HEADING_END = frozenset(".,;:!?…-–—\"'”’»«“‘([/\\|*。，；：！？、")


def reads_as_heading(text: str, *, max_words: int = 12) -> bool:
    """A short line that starts like a name and ends without punctuation.

    >>> reads_as_heading("Latar Belakang Abraham Accords"), reads_as_heading("Jakarta -")
    (True, False)
    """
    # The two character tests turn most paragraphs away before their words are counted.
    if not text or text[-1] in _NOT_A_HEADING_END or text[0].islower():
        return False
    return has_more_words(text, 0) and not has_more_words(text, max_words)


#: Scripts written together in one language's text (kanji with kana, hanja
#: with hangul): one family for `script_of`.
_EAST_ASIAN = frozenset({"CJK", "HIRAGANA", "KATAKANA", "HANGUL", "IDEOGRAPHIC"})
#: First words of the names of letters that belong to no one script ("º").
_NO_SCRIPT = frozenset({"MASCULINE", "FEMININE", "MODIFIER", "SUPERSCRIPT", "SUBSCRIPT"})


def script_of(text: str) -> str | None:
    """The script of the first letter of ``text`` that has one (the first
    word of its Unicode name, past "FULLWIDTH"; Chinese, Japanese and Korean
    as one family), or ``None`` with no such letter.

    >>> script_of("2º Banjir"), script_of("\u0646\u064e\u0648"), script_of("\u6771\u4eac")
    ('LATIN', 'ARABIC', 'EAST-ASIAN')
    >>> script_of("... 10")
    """
    for char in text:
        if char.isalpha():
            name = unicodedata.name(char, "").split()
            if name[:1] in (["FULLWIDTH"], ["HALFWIDTH"]):
                name = name[1:]
            if name and name[0] not in _NO_SCRIPT:
                return "EAST-ASIAN" if name[0] in _EAST_ASIAN else name[0]
    return None


def main_script(texts: Sequence[str]) -> str | None:
    """The `script_of` most of the characters of ``texts`` are in (each
    text counted as the script of its first letter), or ``None``.

    >>> main_script(["Bacaan niat puasa", "\u0646\u064e\u0648\u064e", "Artinya: aku berniat puasa."])
    'LATIN'
    """
    counts: Counter[str] = Counter()
    for text in texts:
        script = script_of(text)
        if script is not None:
            counts[script] += len(text)
    return counts.most_common(1)[0][0] if counts else None


#: What sits between a headline and a site name in a page title (kept by `split`).
TITLE_SEPARATOR = regex.compile(r"(\s+(?:\||–|—|--?|::?|·|»)\s+)")
#: A sentence ending inside a line: a full stop after a word of lower-case
#: letters (not an initial or "Mr."), then a capital.
_SENTENCE_INSIDE = regex.compile(r"\p{Ll}{3}\.[\"”’]?\s+[\"“‘]?\p{Lu}")


def reads_as_lead(text: str, *, max_words: int = 12, min_sentence_words: int = 4) -> bool:
    """A lead of two sentences, not a headline: more than ``max_words``
    words, and a sentence of ``min_sentence_words`` or more ends inside it,
    with no site name parted off after it (a page title: "Flooded. Again. |
    Valley Ledger"); a headline may open with a word or two and a full stop.

    >>> reads_as_lead("Banjir merendam tiga desa di Bekasi sejak Senin. Warga mengungsi ke balai desa")
    True
    >>> reads_as_lead("Flooded again. The river rose in the night and nobody was ready - Valley Ledger")
    False
    >>> reads_as_lead("Flooded. Why the river keeps rising in the valley and what the council will do")
    False
    >>> reads_as_lead("Banjir merendam tiga desa. Warga mengungsi")
    False
    """
    inside = _SENTENCE_INSIDE.search(text)
    return (
        inside is not None
        and has_more_words(text, max_words)
        and has_more_words(text[: inside.start() + 4], min_sentence_words - 1)
        and TITLE_SEPARATOR.search(text, inside.end()) is None
    )


#: A year and a clock time a few words apart, in either order.
_STAMP = regex.compile(r"\b(?:19|20)\d\d\b.{0,40}?\b\d{1,2}:\d\d\b|\b\d{1,2}:\d\d\b.{0,40}?\b(?:19|20)\d\d\b")


def reads_as_timestamp(text: str, *, max_other_words: int = 6) -> bool:
    """A date and time stamp ("17 February 2013 Last updated at 22:15 GMT"):
    a year and a clock time a few words apart, with at most
    ``max_other_words`` words besides (a headline glued to its byline's
    date is no stamp).

    >>> reads_as_timestamp("5 April 2013 Last updated at 08:09 GMT"), reads_as_timestamp("10:30, 2 May 2019")
    (True, True)
    >>> reads_as_timestamp("Polls close at 8:00 tonight"), reads_as_timestamp("Election 2024 goes on")
    (False, False)
    >>> reads_as_timestamp("Banjir Rendam Tiga Desa di Bekasi Sejak Senin Pagi Kamis, 12 Juli 2018 10:30 WIB")
    False
    """
    stamp = _STAMP.search(text)
    if stamp is None:
        return False
    return not has_more_words(f"{text[: stamp.start()]} {text[stamp.end() :]}", max_other_words)


def reads_as_headline(text: str, *, max_words: int = 25) -> bool:
    """A heading, or a longer line that may end in ``?`` or ``!``.

    >>> reads_as_headline("Trump Siap Sambut Pemimpin Asia Tengah, Kazakhstan Bergabung")
    True
    >>> reads_as_headline("Kazakhstan bergabung dengan Abraham Accords."), reads_as_headline("警方正在调查。")
    (False, False)
    """
    body = text.rstrip("?!？！")
    return bool(body) and reads_as_heading(body, max_words=max_words)


#: A line made only of escaped line breaks and tabs: ``\\n``, ``\\r\\n``, ``\\\\n``, ``\\t``.
#: Possessive, and a run of backslashes is read once from its first one: linear on any line.
_ESCAPE_LINE = regex.compile(r"(?:\s*+\\++[nrt])++\s*+")
#: An escaped line break inside a line, which the scraper meant as a break.
#: Any run of ``\\r`` before it is part of it ("\\r\\r\\n" left a "\\r" in the text),
#: and a ``\\r`` alone is one too, an old Mac line end ("Suka\\rData" kept the "\\r").
_ESCAPED_BREAK = regex.compile(r"(?<!\\)(?:(?:\\++r)++(?:\\++n)?+|\\++n)")
#: Characters with no width that scrapers leave in or instead of text.
#: Also C0 control characters (but tab and line breaks): never text, and they can
#: hide a Markdown mark or an escape from the reader ("#\x08 Judul").
#: A soft hyphen between two letters is a hyphenation point the writer set
#: ("Not\u00adfall"), and stays; anywhere else it is debris.
_INVISIBLE = regex.compile("[\u200b\u2060\ufeff\x00-\x08\x0e-\x1f\x7f]|(?<!\\p{L})\u00ad|\u00ad(?!\\p{L})")


def remove_invisible(text: str) -> str:
    """Drop zero-width spaces, word joiners, BOMs, C0 control characters
    and soft hyphens that do not sit between two letters (one inside a word
    is the writer's hyphenation point, and stays).

    >>> remove_invisible("Ja\\u200bkarta\\ufeff")
    'Jakarta'
    >>> remove_invisible("Not\\u00adfall \\u00ad")
    'Not\\xadfall '
    """
    return text if text.isascii() else _INVISIBLE.sub("", text)


def split_escaped_breaks(line: str) -> list[str]:
    """The pieces of a line between escaped line breaks (``\\n`` written as text).

    >>> split_escaped_breaks(r"Satu.\\nDua.")
    ['Satu.', 'Dua.']
    """
    return _ESCAPED_BREAK.split(line) if "\\" in line else [line]


def escaped_break_pieces(line: str) -> list[tuple[int, str]]:
    r"""`split_escaped_breaks` with where each piece starts in the line.

    >>> escaped_break_pieces(r"Satu.\nDua.")
    [(0, 'Satu.'), (7, 'Dua.')]
    >>> escaped_break_pieces(r"Satu.\r\r\nDua.")
    [(0, 'Satu.'), (11, 'Dua.')]
    >>> escaped_break_pieces(r"Satu.\rDua.")
    [(0, 'Satu.'), (7, 'Dua.')]
    """
    if "\\" not in line:
        return [(0, line)]
    pieces: list[tuple[int, str]] = []
    at = 0
    for found in _ESCAPED_BREAK.finditer(line):
        pieces.append((at, line[at : found.start()]))
        at = found.end()
    return [*pieces, (at, line[at:])]


def is_escape_line(line: str) -> bool:
    """Whether a line holds nothing but escaped breaks or tabs.

    >>> is_escape_line(r" \\n "), is_escape_line(r"\\r\\n"), is_escape_line("n")
    (True, True, False)
    """
    return "\\" in line and _ESCAPE_LINE.fullmatch(line) is not None
