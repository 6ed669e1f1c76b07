"""Small measurements of a line of text that several steps share."""

from __future__ import annotations

from functools import lru_cache

import regex

_WORD = regex.compile(r"\w+(?:[-'’.]\w+)*")
_SPACE = regex.compile(r"\s+")
#: Characters a label wears around it without changing what it says.
_DECOR = " \t\u00a0-–—:|•·»«›‹>*_=~#[](){}/\\.,;!?\"'“”‘’…"
_SENTENCE_END = frozenset(".!?…\"'”’»)")


@lru_cache(maxsize=4096)
def line_key(text: str) -> str:
    """The form rule patterns are matched against: casefolded, spaces
    collapsed, decoration stripped from both ends.

    >>> line_key("  BACA JUGA:  ")
    'baca juga'
    >>> line_key("[Gambas:Video 20detik]")
    'gambas:video 20detik'
    """
    return " ".join(text.split()).strip(_DECOR).casefold()


@lru_cache(maxsize=4096)
def shape_key(text: str) -> str:
    """The form ``shapes`` patterns are matched against: casefolded, spaces
    collapsed, nothing else stripped, so brackets and marks still show.

    >>> shape_key("  (Cas/Isk) "), shape_key("#jemaah  haji")
    ('(cas/isk)', '#jemaah haji')
    """
    return " ".join(text.split()).casefold()


def words(text: str) -> list[str]:
    """The words of ``text``: runs of letters and digits, with inner marks.

    >>> words("Jumat (7/11/2025), kata AS.")
    ['Jumat', '7', '11', '2025', 'kata', 'AS']
    """
    return _WORD.findall(text)


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends like a sentence (final punctuation or a closing quote).

    >>> ends_sentence("Ia pergi."), ends_sentence("Kazakhstan Bergabung")
    (True, False)
    """
    stripped = text.rstrip()
    return bool(stripped) and stripped[-1] in _SENTENCE_END


def caps_ratio(text: str) -> float:
    """Share of words of two or more letters written in capitals.

    >>> caps_ratio("TRADING OTOMATIS 24 JAM yang")
    0.75
    """
    lettered = [w for w in words(text) if sum(c.isalpha() for c in w) >= 2]
    if not lettered:
        return 0.0
    return sum(w.isupper() for w in lettered) / len(lettered)


def reads_as_sentence(text: str, *, min_words: int = 8) -> bool:
    """Whether ``text`` is a sentence: enough words and final punctuation.

    >>> reads_as_sentence("Ketua KPK dan DPR RI bertemu di Gedung DPR kemarin.")
    True
    """
    return len(words(text)) >= min_words and ends_sentence(text)


def reads_as_prose(text: str, *, min_words: int = 8, max_caps: float = 0.3) -> bool:
    """Whether ``text`` reads as a sentence of reporting: a sentence, and not
    shouted in capitals.

    >>> reads_as_prose("Pengumuman resmi dijadwalkan dilakukan pada Kamis malam waktu Washington.")
    True
    >>> reads_as_prose("AIOTrade App AIOTrade App")
    False
    """
    return reads_as_sentence(text, min_words=min_words) and caps_ratio(text) < max_caps


def normalize_space(text: str) -> str:
    """Whitespace runs as one space, none at the ends.

    >>> normalize_space("  a \\t b\\u00a0c  ")
    'a b c'
    """
    return _SPACE.sub(" ", text).strip()


def strip_decoration(text: str) -> str:
    """`line_key` with the case kept: spaces collapsed, decoration stripped
    from both ends. Steps that parse names match their rules against it.

    >>> strip_decoration(" (Cas/Isk) ")
    'Cas/Isk'
    """
    return " ".join(text.split()).strip(_DECOR)
