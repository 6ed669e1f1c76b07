"""What a rule pattern can match, read from the pattern itself: the
characters its match can start with, and the literal text it cannot match
without. Steps use them to skip the patterns that cannot match a line
before any regex runs, so a rule file of any size costs little on prose.

Each answer is safe: a pattern is skipped only when it cannot match. What
is not known (syntax the standard library's parser does not read, a
construct not handled here) gives ``None``, and the pattern is always tried.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

#: Every ASCII character. A line that starts with any other character is
#: tried against every pattern.
ASCII = frozenset(map(chr, range(128)))
#: Syntax the standard library reads otherwise than the ``regex`` package
#: (POSIX classes, fuzzy matching): a pattern that uses it is not read.
_OTHER_SYNTAX = re.compile(r"\[:\^?[a-z]+:\]|\{[edis]\s*[<=]")
#: An escape: a Unicode property (read here as ``\w``, a class of some
#: characters), or any other escaped character, kept; or a named group
#: (read as a plain group: the ``regex`` package lets two groups share a name).
_TOKEN = re.compile(r"\\(?:[pP]\{[^}]*\}|[pP]\w|.)|\(\?P?<(?![=!])\w+>", re.DOTALL)


def _plain_token(match: re.Match[str]) -> str:
    token = match.group()
    if token.startswith("("):
        return "(?:"
    return r"\w" if token[1] in "pP" else token


class _UnreadError(Exception):
    """A construct not handled here."""


def parse(source: str) -> Any | None:
    """``source`` parsed by the standard library, or ``None`` when it cannot
    be read that way. Unicode properties (``\\p{L}``) are read as ``\\w``:
    the analyses here ask what a class can hold only as "some characters".

    >>> parse("ab") is not None, parse("(?r)ab") is None
    (True, True)
    >>> parse(r"(?P<a>x)|(?P<a>y)").data == parse(r"(?:x)|(?:y)").data
    True
    """
    if _OTHER_SYNTAX.search(source):
        return None
    plain = _TOKEN.sub(_plain_token, source)
    try:
        return re._parser.parse(plain)
    except Exception:  # syntax only the regex package reads
        return None


@cache
def first_chars(source: str) -> frozenset[str] | None:
    """The ASCII characters a case-insensitive match of ``source`` can start
    with, or ``None`` when not known or when it can match nothing. Errs
    wide: zero-width checks (``\\b``, lookarounds) are passed over.

    >>> sorted(first_chars("(?:baca|simak) juga"))
    ['B', 'S', 'b', 's']
    >>> sorted(first_chars(r"(?:\\d{1,6} )?kom")) == sorted("0123456789kK")
    True
    >>> first_chars("(?:x)?") is None, first_chars(r"\\p{L}+ by") == ASCII
    (True, True)
    """
    items = parse(source)
    try:
        chars, empty = (set(), True) if items is None else _first_of(items.data)
    except _UnreadError:
        return None
    return None if empty else frozenset(chars)


def _first_of(items: list[tuple[Any, Any]]) -> tuple[set[str], bool]:
    """The first characters of a sequence, and whether it can match nothing."""
    found: set[str] = set()
    for op, arg in items:
        chars, empty = _first_item(op, arg)
        found |= chars
        if not empty:
            return found, False
    return found, True


def _first_item(op: Any, arg: Any) -> tuple[set[str], bool]:
    c = re._constants
    if op is c.LITERAL:
        return folded(chr(arg)), False
    if op in (c.NOT_LITERAL, c.ANY):
        return set(ASCII), False
    if op is c.IN:
        return _in_set(arg), False
    if op is c.BRANCH:
        each = [_first_of(branch) for branch in arg[1]]
        return set().union(*(chars for chars, _ in each)), any(empty for _, empty in each)
    if op is c.SUBPATTERN:
        return _first_of(arg[-1])
    if op is c.ATOMIC_GROUP:
        return _first_of(arg)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        chars, empty = _first_of(arg[2])
        return chars, empty or arg[0] == 0
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return set(), True
    raise _UnreadError(op)


def _in_set(items: list[tuple[Any, Any]], *, widest_range: int = 5000) -> set[str]:
    """The ASCII characters a character class can match, case ignored."""
    c = re._constants
    found: set[str] = set()
    for op, arg in items:
        if op is c.LITERAL:
            found |= folded(chr(arg))
        elif op is c.RANGE and arg[1] - arg[0] <= widest_range:
            found = found.union(*(folded(chr(n)) for n in range(arg[0], arg[1] + 1)))
        elif op is c.CATEGORY and arg is c.CATEGORY_DIGIT:
            found |= set("0123456789")
        else:  # a negation, a wide range, another category: any character
            return set(ASCII)
    return found


def folded(char: str) -> set[str]:
    """The ASCII characters ``char`` matches when case is ignored.

    >>> sorted(folded("K")), sorted(folded("\\u212a")), sorted(folded("é"))  # the Kelvin sign
    (['K', 'k'], ['K', 'k'], [])
    """
    forms = {char, char.lower(), char.upper(), char.casefold(), fold(char)}
    forms |= {f.upper() for f in forms} | {f.lower() for f in forms}
    return {f for f in forms if len(f) == 1 and f.isascii()}


@cache
def needed(source: str) -> frozenset[str] | None:
    """ASCII texts in lower case, one of which every match of ``source``
    contains (case ignored, see `fold`); ``None`` when no such text is known.

    >>> sorted(needed(r".{0,60}\\bclick here to (?:subscribe|join)\\b.{0,80}"))
    ['click here to ']
    >>> sorted(needed(r"(?:foto|photo) ?: .{1,80}")), needed(r"\\w+\\d+") is None
    (['foto', 'photo'], True)
    """
    items = parse(source)
    found = None if items is None else _needed_of(items.data)
    return None if not found else frozenset(found)


def _needed_of(items: list[tuple[Any, Any]]) -> set[str] | None:
    """The best set of needed texts of a sequence: each run of literals is
    needed whole, as is what any item needs; the set whose shortest text is
    longest, spaces not counted, is taken for the rarest."""
    options: list[set[str]] = []
    run = ""
    for op, arg in [*items, (None, None)]:
        if op is re._constants.LITERAL and (char := _plain(chr(arg))):
            run += char
            continue
        if run:
            options.append({run})
            run = ""
        if op is not None and (inner := _needed_item(op, arg)):
            options.append(inner)
    return max((fewest(texts) for texts in options), key=rarity, default=None)


def fewest(texts: set[str]) -> set[str]:
    """``texts`` without those that hold another: where one is, so is the other.

    >>> sorted(fewest({"a", "ab", "cd"}))
    ['a', 'cd']
    """
    return {t for t in texts if not any(u != t and u in t for u in texts)}


def _needed_item(op: Any, arg: Any) -> set[str] | None:
    """What an item needs: what each branch, or its group or repeated body needs."""
    c = re._constants
    if op is c.IN:
        return _class_texts(arg)
    if op is c.BRANCH:
        each = [_needed_of(branch) for branch in arg[1]]
        return None if any(not texts for texts in each) else set().union(*each)  # type: ignore[arg-type]
    if op is c.SUBPATTERN:
        return _needed_of(arg[-1])
    if op is c.ATOMIC_GROUP:
        return _needed_of(arg)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and arg[0] >= 1:
        return _needed_of(arg[2])
    return None


def rarity(texts: set[str]) -> tuple[int, int]:
    """How rare a set of needed texts is: its shortest text without spaces, then with.

    >>> rarity({"foto", "photo"}), rarity({" "}) < rarity({"/", ">"})
    ((4, 4), True)
    """
    return min(len(t.replace(" ", "")) for t in texts), min(map(len, texts))


def _class_texts(items: list[tuple[Any, Any]], *, most: int = 8) -> set[str] | None:
    """The characters of a class that lists at most ``most`` plain ones, else ``None``.

    >>> sorted(_class_texts(parse("[/>]")[0][1])), _class_texts(parse("[a-z]")[0][1])
    (['/', '>'], None)
    """
    chars = [_plain(chr(arg)) if op is re._constants.LITERAL else "" for op, arg in items]
    return set(chars) if 0 < len(chars) <= most and all(chars) else None


def _plain(char: str) -> str:
    """``char`` in lower case when it is ASCII or a mark without case
    ("»", "©"), else ``""``: then what it matches with case ignored is known
    (see `fold`).

    >>> _plain("A"), _plain("»"), _plain("é")
    ('a', '»', '')
    """
    if char.isascii():
        return char.lower()
    uncased = not char.isalnum() and char.lower() == char.upper() == char.casefold() == char
    return char if uncased else ""


def fold(text: str) -> str:
    """``text`` in the form needed texts are looked for in: casefolded, then
    the two characters a case-insensitive "i" or "I" matches that casefold
    to something else made "i" (the "İ" of Turkish leaves "i" and a combining
    dot above; the dotless "ı" stays). Every character an ASCII character
    matches with case ignored folds to it: a test checks this against the
    ``regex`` package.

    >>> fold("BERİTA Straße ıi")
    'berita strasse ii'
    """
    folded = text.casefold()
    # Two scans are far cheaper than a translation, and most text has neither.
    return folded.translate(_TO_I) if "\u0307" in folded or "ı" in folded else folded


_TO_I = str.maketrans({"\u0307": None, "ı": "i"})


def may_contain(needs: frozenset[str] | None, folded_text: str) -> bool:
    """Whether ``folded_text`` (see `fold`) holds one of ``needs``.

    >>> may_contain(frozenset({"foto", "photo"}), "photo: ap"), may_contain(None, "x")
    (True, True)
    """
    return needs is None or any(text in folded_text for text in needs)


@dataclass(frozen=True)
class Reach:
    """What a pattern's whole match can be: its shortest and longest length
    (``None``: no bound), the ASCII characters it can start with and the
    texts one of which it needs (``None``: not known)."""

    shortest: int
    longest: int | None
    first: frozenset[str] | None
    needs: frozenset[str] | None

    def may_fullmatch(self, text: str, folded: str) -> bool:
        """Whether the pattern may match the whole of ``text`` (``folded``
        is its `fold`); ``False`` only when it cannot.

        >>> r = reach("editor ?: .{1,40}")
        >>> r.may_fullmatch("Editor: Sinta", "editor: sinta"), r.may_fullmatch("Oleh Sinta", "oleh sinta")
        (True, False)
        """
        return self.fits(text[:1], len(text)) and may_contain(self.needs, folded)

    def fits(self, first: str, length: int) -> bool:
        """Whether a whole match may be ``length`` characters long and start
        with ``first`` (one character; ``""`` or one not ASCII: any).

        >>> r = reach("ab?")
        >>> r.fits("A", 2), r.fits("b", 2), r.fits("é", 1), r.fits("a", 3)
        (True, False, True, False)
        """
        if length < self.shortest or (self.longest is not None and length > self.longest):
            return False
        return self.first is None or not first.isascii() or first == "" or first in self.first


@cache
def reach(source: str) -> Reach:
    """The `Reach` of ``source``.

    >>> r = reach("ab?")
    >>> r.shortest, r.longest, sorted(r.first), r.needs
    (1, 2, ['A', 'a'], frozenset({'a'}))
    """
    parsed = parse(source)
    if parsed is None:
        return Reach(0, None, None, None)
    low, high = parsed.getwidth()
    return Reach(low, high if high < re._constants.MAXREPEAT else None, first_chars(source), needed(source))


@dataclass(frozen=True)
class Window:
    """Texts one of which every match of a pattern holds in a known part of
    the line: after its first ``start`` characters and within its first
    ``head`` (``None``: no bound), and, for a pattern that matches the whole
    line, within its last ``tail`` characters but not its last ``end``."""

    texts: frozenset[str]
    start: int = 0
    head: int | None = None
    tail: int | None = None
    end: int = 0

    def part(self, folded: str) -> str:
        """The part of ``folded`` (the `fold` of a line of the same length) where one of the texts must be.

        >>> Window(frozenset({"ap"}), tail=4, end=1).part("kata ap.")
        ' ap'
        """
        n = len(folded)
        low = self.start if self.tail is None else max(self.start, n - self.tail)
        high = n - self.end if self.head is None else min(self.head, n - self.end)
        return folded[low:high]

    def holds(self, folded: str) -> bool:
        """Whether one of the texts is in its part of ``folded``.

        >>> w = windows(r".{10,300}[.!?](?:reuters|ap)", whole=True)[0]
        >>> w.holds("warga menunggu kabar dari pemerintah."), w.holds("rapat ditunda hingga pekan depan.ap")
        (False, True)
        """
        part = self.part(folded)
        return any(text in part for text in self.texts)

    @property
    def size(self) -> int | None:
        """The most characters its part can have, ``None`` when not bounded."""
        bounds = [b for b in (self.head, self.tail) if b is not None]
        return min(bounds) if bounds else None


@cache
def windows(source: str, *, whole: bool) -> tuple[Window, ...]:
    """For each run of literals and each item of ``source``'s top level that
    needs a text (see `needed`), where in a line that text must be: its
    match starts after what comes before it at the least, and ends within
    what comes before it at the most plus its own longest match; when the
    match is ``whole`` (the pattern must match up to the line's end), the
    same from the end. Every window holds in every match; the most telling
    (the smallest part per character of its shortest text) comes first.
    Empty when the pattern cannot be read.

    >>> w = windows(r".{0,80}\\bnow on youtube", whole=True)[0]
    >>> sorted(w.texts), w.head, w.tail
    (['now on youtube'], 94, 14)
    >>> windows(r"credits? \\(?\\d+\\)?", whole=False)[0].head
    9
    """
    parsed = parse(source)
    if parsed is None:
        return ()
    items = list(parsed.data)

    def width(part: list[tuple[Any, Any]]) -> tuple[int, int | None]:
        low, high = re._parser.SubPattern(parsed.state, part).getwidth()
        return low, high if high < re._constants.MAXREPEAT else None

    found = []
    for texts, first, last in _needing_spans(items):
        before, span, after = width(items[:first]), width(items[first:last]), width(items[last:])
        head = None if before[1] is None or span[1] is None else before[1] + span[1]
        tail = None if not whole or after[1] is None or span[1] is None else after[1] + span[1]
        found.append(Window(frozenset(fewest(texts)), before[0], head, tail, after[0] if whole else 0))
    return tuple(sorted(found, key=_telling))


def _needing_spans(items: list[tuple[Any, Any]]) -> list[tuple[set[str], int, int]]:
    """Each longest run of items that match one of a few known texts (see
    `_exact`: "(foto" for ``\\((?:foto|dok)``) and each other item that needs
    a text, with the positions of its first item and of the item after its last.

    >>> [(sorted(t), a, b) for t, a, b in _needing_spans(parse(r"\\((?:foto|dok)\\w/").data)]
    [(['(dok', '(foto'], 0, 2), (['/'], 3, 4)]
    """
    spans: list[tuple[set[str], int, int]] = []
    run, first = {""}, 0

    def close(last: int) -> None:
        if "" not in run:
            spans.append((run, first, last))

    for n, (op, arg) in enumerate(items):
        exact = _exact_item(op, arg)
        if exact is not None and len(run) * len(exact) <= _MOST_EXACT:
            run = {a + b for a in run for b in exact}
            continue
        close(n)
        run, first = (exact, n) if exact is not None else ({""}, n + 1)
        if exact is None and (inner := _needed_item(op, arg)):
            spans.append((inner, n, n + 1))
    close(len(items))
    return spans


#: The most texts a run of items that match known texts may stand for.
_MOST_EXACT = 32


def _exact(items: list[tuple[Any, Any]]) -> set[str] | None:
    """Every text (see `_plain`) a sequence of items can match, when there
    are at most `_MOST_EXACT`; else ``None``.

    >>> sorted(_exact(parse(r"fotos? ?:").data))
    ['foto :', 'foto:', 'fotos :', 'fotos:']
    >>> _exact(parse(r"foto\\w").data) is None
    True
    """
    texts = {""}
    for op, arg in items:
        exact = _exact_item(op, arg)
        if exact is None or len(texts) * len(exact) > _MOST_EXACT:
            return None
        texts = {a + b for a in texts for b in exact}
    return texts


def _exact_item(op: Any, arg: Any) -> set[str] | None:
    """Every text one item can match (a check of position matches ``""``), or ``None``."""
    c = re._constants
    if op is c.LITERAL:
        char = _plain(chr(arg))
        return {char} if char else None
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return {""}
    if op is c.IN:
        return _class_texts(arg)
    if op is c.SUBPATTERN:
        return _exact(arg[-1])
    if op is c.BRANCH:
        each = [_exact(branch) for branch in arg[1]]
        return None if any(e is None for e in each) else set().union(*each)  # type: ignore[arg-type]
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and arg[:2] == (0, 1):
        inner = _exact(arg[2])
        return None if inner is None else {"", *inner}
    return None


def _telling(window: Window) -> tuple[float, int]:
    """How little a window lets through: the size of its part per character
    of its shortest text (spaces count half), then the shortest text.

    >>> _telling(Window(frozenset({"s"}), head=60)) > _telling(Window(frozenset({"tous droits"}), head=70))
    True
    """
    size = window.size if window.size is not None else 10_000
    shortest, with_spaces = rarity(set(window.texts))
    return size / max(shortest + (with_spaces - shortest) / 2, 0.5), -with_spaces


#: Inline flags and backreferences: a pattern that holds one is not split
#: into its branches (a flag or a group number would change meaning).
_NOT_SPLIT = re.compile(r"\(\?[a-zA-Z]+[:)]|\(\?P=|\\[1-9]|\\g<")


def branches(source: str) -> list[str]:
    """The alternatives of ``source``'s top level, each a pattern of its
    own: a line matches ``source`` when it matches one of them. ``[source]``
    when there is one, or when splitting could change what a branch means.

    >>> branches(r"(?:a|b) less|c\\|d [|] more")
    ['(?:a|b) less', 'c\\\\|d [|] more']
    >>> branches("(?i)a|b")
    ['(?i)a|b']
    """
    if _NOT_SPLIT.search(source):
        return [source]
    pieces, depth, start, n = [], 0, 0, 0
    while n < len(source):
        char = source[n]
        if char == "\\":
            n += 2
            continue
        if char == "[":
            n = _class_end(source, n)
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            pieces.append(source[start:n])
            start = n + 1
        n += 1
    pieces.append(source[start:])
    return pieces if len(pieces) > 1 and all(pieces) else [source]


def _class_end(source: str, at: int) -> int:
    """The position of the ``]`` that closes the class opening at ``at``."""
    n = at + 1
    if n < len(source) and source[n] == "^":
        n += 1
    if n < len(source) and source[n] == "]":  # a first "]" is a member
        n += 1
    while n < len(source) and source[n] != "]":
        n += 2 if source[n] == "\\" else 1
    return n
