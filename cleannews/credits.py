"""Credits read as metadata: bylines, reporter codes, editor credits and date
lines, parsed with the ``[byline]`` patterns of the rule files.

Their named groups say where a value goes: ``authors`` (a list), ``editor``,
``source``, ``emails``, ``byline_codes``, ``published``, ``updated``. Names
are read from the text with its case kept, because case is what tells a
credit ("By Jane Doe") from reporting ("By the end of the year, ...").

Steps that drop a credit, and the title step that cuts one off a headline,
read it with these functions; they decide nothing themselves.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from cleannews.evidence import measure
from cleannews.measure import ends_sentence, line_key, normalize_space, strip_decoration
from cleannews.reasons import BYLINE, SITE_NAME
from cleannews.rules import Rules, active_rules

_DOMAIN = regex.compile(r"(?:www\.)?[\w-]+(?:\.[\w-]+)*\.(?:[a-z]{2,6})(?:/\S*)?", regex.IGNORECASE)
_BRAND_WORD = regex.compile(r"[\p{Lu}\d][\p{L}\d.&'’+-]*|&")

Pairs = tuple[tuple[str, str], ...]

_NAME_WORD = regex.compile(r"[\p{Lu}][\p{L}.'’-]*|\p{Lu}\.?")
#: What a value may carry around it that is not part of it.
_VALUE_DECOR = " \t-–—:|,;.()[]\"'“”"
DATE_KEYS = frozenset({"published", "updated"})
#: Lines after which a lone name is the author's: a credit, or a syndication
#: note ("Artikel ini pertama kali terbit dalam bahasa Jerman").
CREDIT_LIKE = frozenset({BYLINE, "newsletter"})


def reads_as_residue(text: str) -> bool:
    """Whether a certain rule of a reason other than bylines takes ``text``
    as residue on its own: such a line is no name ("Berita Terkait").

    >>> reads_as_residue("Berita Terkait"), reads_as_residue("Dimas Pratama")
    (True, False)
    >>> reads_as_residue("KIRIM KOMENTAR")
    True
    """
    found = certain_rule_of(text)
    return found is not None and found[0] != BYLINE


def certain_rule_of(text: str) -> tuple[str, str] | None:
    """The certain rule (see `cleannews.evidence.certain_rule`) ``text`` meets, if any."""
    return measure(text, active_rules()).certain


def looks_like_name(text: str, *, max_words: int = 5) -> bool:
    """Whether ``text`` is written like a person's name: one to ``max_words``
    words, each capitalised (or a name particle such as "bin", "van").

    >>> looks_like_name("Maria Ulfa Rahma"), looks_like_name("the end of the year")
    (True, False)
    >>> looks_like_name("B Kunto Wibisono"), looks_like_name("Budi 2025")
    (True, False)
    """
    found = text.split()
    particles = active_rules().words(BYLINE, "particles")
    return 0 < len(found) <= max_words and all(
        _NAME_WORD.fullmatch(w) is not None or w.casefold() in particles for w in found
    )


def split_names(text: str) -> list[str]:
    """The names in a list of credits, decoration stripped.

    >>> split_names("Suparjo Ramalan, Adhyasta Dirgantara dan Erlangga Djumena.")
    ['Suparjo Ramalan', 'Adhyasta Dirgantara', 'Erlangga Djumena']
    """
    pieces = [text]
    for joins in active_rules().patterns(BYLINE, "joins"):
        pieces = [p for piece in pieces for p in joins.split(piece)]
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
    for compiled in active_rules().compiled(BYLINE, key):
        if match := compiled.fullmatch(text):
            yield match


def _fullmatch(key: str, text: str) -> regex.Match[str] | None:
    """The first of `_fullmatches`, without a generator (this runs on every block)."""
    for compiled in active_rules().compiled(BYLINE, key):
        if match := compiled.fullmatch(text):
            return match
    return None


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


def bracketed_word(text: str) -> bool:
    """A word in brackets written like a word ("(Home)"), not like a code.

    >>> bracketed_word("(Home)"), bracketed_word("(wbs)")
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
    match = _fullmatch("labels_then_name", strip_decoration(text))
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


def _glued_code() -> regex.Pattern[str] | None:
    """A bracketed code after a sentence end, at the end of the text (built
    once per `Rules` value)."""
    return active_rules().derived("glued_code", _glued_code_of)


def _glued_code_of(rules: Rules) -> regex.Pattern[str] | None:
    codes = rules.patterns(BYLINE, "codes")
    if not codes:
        return None
    union = "|".join(f"(?:{c.pattern})" for c in codes).replace("(?P<byline_codes>", "(?:")
    return regex.compile(rf"(?<=[.!?\"”’'])\s+(?P<code>\((?:{union})\))\s*$", codes[0].flags)


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
    match = None if glued is None or not ends_in_bracket else glued.search(text)
    if match is None:
        return None
    code = match.group("code")
    if "/" not in code and not code.islower():
        return None
    pairs = read_credit(code) or ()
    return text[: match.start()].rstrip(), code, pairs


def looks_like_domain(text: str) -> bool:
    """Whether ``text`` is a host name such as "Kompas.com" or "www.wday.ru".

    >>> looks_like_domain("Kompas.com"), looks_like_domain("Bola")
    (True, False)
    """
    return _DOMAIN.fullmatch(text.strip()) is not None


def looks_like_brand(text: str, *, max_words: int = 4) -> bool:
    """Whether ``text`` is written like a site's name: a few words, each
    capitalised (or a number), with small words between.

    >>> looks_like_brand("The Verge"), looks_like_brand("lands among the stars")
    (True, False)
    """
    found = text.split()
    small = active_rules().words(SITE_NAME, "small")
    return (
        0 < len(found) <= max_words
        and _BRAND_WORD.fullmatch(found[0]) is not None
        and all(_BRAND_WORD.fullmatch(w) is not None or w.casefold() in small for w in found)
    )


def names_a_site(text: str) -> bool:
    """Whether ``text`` is a site's name by the rules or a host name.

    >>> names_a_site("CNN Indonesia"), names_a_site("TEMPO.CO"), names_a_site("Jakarta")
    (True, True, False)
    """
    return looks_like_domain(text) or named("sites", text)


def named(key: str, text: str) -> bool:
    """Whether ``text`` is whole one of the ``[site-name] key`` patterns."""
    key_text = line_key(text)
    return any(p.fullmatch(key_text) for p in active_rules().patterns(SITE_NAME, key))
