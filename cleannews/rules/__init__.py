"""Rule data: one TOML file per language, keyed by reason code.

Each file holds tables named for a reason code (``[related]``), each with
lists of patterns under a key that says how they are used:

``lines``
    the whole line (see `line_key`) matches;
``starts``
    the line starts with the pattern, at a word boundary;
``shapes``
    the whole line as written matches (see `shape_key`: casefolded, spaces
    collapsed, but its brackets and marks kept), for residue known by them;
``headers``
    the whole line is the header of a list (see `steps.lists`);
``trailers``
    the whole line is a "Read more" link after the teaser it links (see `steps.lists`);
``calls``, ``copy``, ...
    family-specific lists, documented where the step that reads them lives.

A pattern is ``{ pattern = '...', seen = '...' }``: a case-insensitive
regular expression for the ``regex`` package, and where it was seen. All
language files apply at once: their patterns for one reason and key are
compiled into one alternation, so adding a language is adding a file.
"""

from __future__ import annotations

import bisect
import re
import sys
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from typing import Any, TypeVar

import regex

from cleannews.rules import reach

T = TypeVar("T")

#: Every match is bounded by this many seconds: a last guard, never reached
#: by a pattern that passes the catastrophic-backtracking test on text of
#: ordinary size. A match that times out counts as no match (see `guarded`).
TIMEOUT = 1.0
#: Texts up to this many characters are matched without the timeout guard:
#: tests/test_adversarial.py holds every pattern to well under `TIMEOUT` on
#: hostile strings ten times as long, so the guard cannot fire on them.
UNGUARDED_UP_TO = 2000

#: Keys whose patterns must match the whole line.
WHOLE_LINE_KEYS = frozenset({"lines", "shapes", "headers", "trailers", "appeals", "buttons"})

#: Simple case folding (VERSION0): keys are casefolded already, and full case
#: folding (VERSION1 with IGNORECASE) made bounded repeats over letter classes
#: take seconds on one long line.
_FLAGS = regex.IGNORECASE | regex.VERSION0 | regex.UNICODE


@cache
def languages() -> dict[str, dict[str, Any]]:
    """Every shipped rule file, parsed, keyed by its language code."""
    files = resources.files(__package__)
    return {
        f.name.removesuffix(".toml"): tomllib.loads(f.read_text("utf-8"))
        for f in sorted(files.iterdir(), key=lambda f: f.name)
        if f.name.endswith(".toml")
    }


def _table(data: dict[str, Any], reason: str) -> dict[str, Any]:
    """The table for ``reason``; a dotted name (``related.inline``) reads a
    sub-table, so one family can hold lists for several steps.

    >>> _table({"related": {"inline": {"labels": []}}}, "related.inline")
    {'labels': []}
    """
    for name in reason.split("."):
        data = data.get(name, {})
    return data


def entries(reason: str, key: str) -> list[dict[str, str]]:
    """The ``{pattern, seen}`` entries for ``reason.key`` over all languages."""
    found: list[dict[str, str]] = []
    for data in languages().values():
        found.extend(_table(data, reason).get(key, []))
    return found


@cache
def words(reason: str, key: str) -> frozenset[str]:
    """A plain word list (``reason.key``) over all languages, casefolded."""
    return frozenset(w.casefold() for data in languages().values() for w in _table(data, reason).get(key, []))


@cache
def pattern(reason: str, key: str) -> regex.Pattern[str] | None:
    """One compiled alternation of every ``reason.key`` pattern, or ``None``."""
    found = [e["pattern"] for e in entries(reason, key)]
    return regex.compile(_alternation(key, found), _FLAGS) if found else None


def _alternation(key: str, found: list[str]) -> str:
    if key == "starts":
        # A start must not end inside a word: "baca juga" is no match for "baca jugalah",
        # but "penulis:" is one for "penulis:andi" (the start ends in a mark).
        return "|".join(f"(?:{p})(?:(?<!\\w)|(?!\\w))" for p in found)
    return "|".join(f"(?:{p})" for p in found)


def guarded(method: Callable[..., T], text: str, *args: int) -> T | None:
    """``method(text, *args)`` (a compiled pattern's match, fullmatch,
    search or split) bounded by `TIMEOUT`; a call that runs out of time gives
    ``None``, read as no match, so the block is kept (when unsure, keep) and
    no input raises.

    >>> guarded(regex.compile("a+").match, "aaa")
    <regex.Match object; span=(0, 3), match='aaa'>
    """
    # The guard costs more than the match on most lines (the regex package
    # reads the process clock twice): a line too short for any linear
    # pattern to come near the timeout is matched without it.
    if len(text) <= UNGUARDED_UP_TO:
        return method(text, *args)
    try:
        return method(text, *args, timeout=TIMEOUT)
    except TimeoutError:
        return None


@cache
def patterns(reason: str, key: str) -> tuple[regex.Pattern[str], ...]:
    """Each ``reason.key`` pattern compiled on its own, in file order: for
    steps that read named groups, where one alternation of many patterns
    sharing group names would be slow to match."""
    return tuple(regex.compile(e["pattern"], _FLAGS) for e in entries(reason, key))


@cache
def _reached(reason: str, key: str) -> tuple[tuple[regex.Pattern[str], reach.Reach], ...]:
    return tuple(
        (compiled, reach.reach(e["pattern"]))
        for compiled, e in zip(patterns(reason, key), entries(reason, key), strict=True)
    )


def fullmatch_candidates(reason: str, key: str, text: str) -> list[regex.Pattern[str]]:
    """The ``reason.key`` patterns (see `patterns`) that may match the whole
    of ``text``, in file order: the others cannot (see `reach.Reach`), and
    are not tried.

    >>> tried = fullmatch_candidates("byline", "labels", "Editor")
    >>> [p for p in patterns("byline", "labels") if p not in tried and p.fullmatch("Editor")]
    []
    """
    shortest, longest = _lengths(reason, key)
    if len(text) < shortest or (longest is not None and len(text) > longest):
        return []
    n = len(text)
    fitting = [(c, needs) for c, low, high, needs in _starting(reason, key, text[:1]) if low <= n <= high]
    folded = reach.fold(text) if fitting else ""
    return [compiled for compiled, needs in fitting if reach.may_contain(needs, folded)]


#: What `_starting` gives for each pattern: compiled, shortest and longest
#: whole match (``sys.maxsize``: no bound), and the texts it needs.
Starting = tuple[regex.Pattern[str], int, int, frozenset[str] | None]


@lru_cache(maxsize=1024)
def _starting(reason: str, key: str, first: str) -> tuple[Starting, ...]:
    """The ``reason.key`` patterns whose whole match may start with
    ``first``, each with its lengths and needed texts; remembered, in a
    bounded cache, as lines of one first character recur."""
    return tuple(
        (compiled, r.shortest, sys.maxsize if r.longest is None else r.longest, r.needs)
        for compiled, r in _reached(reason, key)
        if r.fits(first, r.shortest)
    )


@cache
def _lengths(reason: str, key: str) -> tuple[int, int | None]:
    """The fewest and the most characters a whole match of some ``reason.key``
    pattern can have (``None``: no most).

    >>> _lengths("byline", "labels")[1] < 100
    True
    """
    found = [r for _, r in _reached(reason, key)]
    if not found:
        return 0, 0
    longest = None if any(r.longest is None for r in found) else max(r.longest or 0 for r in found)
    return min(r.shortest for r in found), longest


@cache
def _needs(reason: str, key: str) -> tuple[frozenset[str] | None, ...]:
    return tuple(reach.needed(e["pattern"]) for e in entries(reason, key))


def may_find(reason: str, key: str, folded: str) -> bool:
    """Whether some ``reason.key`` pattern may match somewhere in a text whose
    `reach.fold` is ``folded`` (or in any part of it); ``False`` only when
    none can: each needs a text that ``folded`` does not hold.

    >>> may_find("related.inline", "labels", "warga menunggu kabar")
    False
    """
    texts = _any_needs(reason, key)
    return texts is None or any(text in folded for text in texts)


def may_find_within(reason: str, key: str, folded: str) -> bool:
    """Whether some ``reason.key`` pattern may match the `line_key` of some
    part of a text whose `reach.fold` is ``folded``: a gate for a step that
    would otherwise cut the text and make keys before asking `may_find`.
    Spaces are collapsed in a key, so only the longest space-free piece of
    each needed text is looked for; case folding works on each character
    alone, so every such piece of a key's fold is in the fold of the text.

    >>> may_find_within("comments", "calls", "warga menunggu kabar")
    False
    >>> may_find_within("comments", "calls", "sound\u00a0off below")
    True
    """
    pieces = _any_pieces(reason, key)
    return pieces is None or any(piece in folded for piece in pieces)


@cache
def _any_pieces(reason: str, key: str) -> tuple[str, ...] | None:
    texts = _any_needs(reason, key)
    return None if texts is None else tuple(sorted({max(t.split(" "), key=len) for t in texts}))


@cache
def _any_needs(reason: str, key: str) -> tuple[str, ...] | None:
    """Every text some ``reason.key`` pattern needs, in one list (a text
    that holds another is left out: where it is, so is the other); ``None``
    when some pattern needs none (empty when there is no pattern)."""
    each = _needs(reason, key)
    if any(needs is None for needs in each):
        return None
    return tuple(sorted(reach.fewest(set().union(*each))))  # type: ignore[arg-type]


def line_matches(reason: str, key: str, text: str) -> bool:
    """Whether ``text`` (already a `line_key`) matches ``reason.key``.

    ``lines``, ``shapes``, ``headers`` and ``trailers`` must match the whole text; every other key
    matches at the start.

    >>> line_matches("byline", "starts", "penulis:andi saputra")
    True
    >>> line_matches("related", "starts", "baca jugalah")
    False
    """
    compiled = pattern(reason, key)
    if compiled is None:
        return False
    if key in WHOLE_LINE_KEYS:
        most = longest(reason, key)
        if most is not None and len(text) > most:
            return False
        return guarded(compiled.fullmatch, text) is not None
    return guarded(compiled.match, text) is not None


@cache
def longest(reason: str, key: str) -> int | None:
    """The most characters a match of some ``reason.key`` pattern can have;
    ``None`` when some pattern has no such bound (or none is known).

    >>> longest("promo", "shapes") is not None, longest("nothing", "shapes")
    (True, None)
    """
    each = [longest_match(e["pattern"]) for e in entries(reason, key)]
    return None if not each or None in each else max(each)  # type: ignore[type-var]


def is_line_of(reason: str, text: str) -> bool:
    """Whether ``text`` (already a `line_key`) matches ``[reason] lines``
    whole or ``[reason] starts`` at its start, in one regex call.

    >>> is_line_of("related", "baca juga: kabar lain"), is_line_of("related", "baca jugalah")
    (True, False)
    """
    # Labels recur ("advertisement" in article after article, a widget's
    # label line after line): short answers are remembered, in a bounded cache.
    return _remembered_line_of(reason, text) if len(text) <= _REMEMBER_UP_TO else _is_line_of(reason, text)


def _is_line_of(reason: str, text: str) -> bool:
    return line_family(reason).matches(text)


_REMEMBER_UP_TO = 200
_remembered_line_of = lru_cache(maxsize=4096)(_is_line_of)


#: Line lengths from which a `LineFamily` leaves out the ``lines`` patterns
#: that cannot match that many characters.
_TIERS = (0, 16, 32, 64, 128, 256)


@dataclass(frozen=True)
class Screened:
    """A pattern tried only on lines that hold a text it needs (see
    `reach.needed`) where it needs it (see `reach.windows`): one that may
    start anywhere in the line (``.{0,80}\\bfree download``) or has no
    longest match. In the one regex of its family it would cost a scan of
    every line, or set up its unbounded repeat on every call; alone, it runs
    only on the few lines that may match."""

    compiled: regex.Pattern[str]
    longest: int | None
    first: frozenset[str] | None = None
    needs: frozenset[str] | None = None
    windows: tuple[reach.Window, ...] = ()

    def may_start(self, first: str) -> bool:
        """Whether a match may start with ``first`` (one character, or ``""``
        for any); only ASCII characters are told apart (see `reach.first_chars`)."""
        return self.first is None or not first or not first.isascii() or first in self.first

    def may_reach(self, length: int) -> bool:
        """Whether the pattern may match a line of ``length`` characters or
        more: no longer than its longest match, and no window empty.

        >>> _screened("lines", r".{0,40}\\bhak cipta\\b.{0,40}").may_reach(100)
        False
        """
        if self.longest is not None and length > self.longest:
            return False
        # A window's part is empty once the line is longer than its head and tail together.
        return not any(
            w.head is not None and w.tail is not None and length >= w.head + w.tail for w in self.windows
        )

    def may_match(self, folded: str) -> bool:
        """Whether each text the pattern needs is where it must be in
        ``folded`` (the `reach.fold` of a line of the same length).

        >>> s = _screened("lines", r".{10,300}[.!?](?:reuters|ap)")
        >>> s.may_match("rapat ditunda hingga pekan depan."), s.may_match("rapat ditunda.ap")
        (False, True)
        """
        return all(w.holds(folded) for w in self.windows[:_WINDOWS_TRIED])

    def matches(self, text: str) -> bool:
        """Whether the pattern matches ``text`` (at its start; whole for ``lines``).

        >>> Screened(regex.compile("a.{0,9}z"), 11).matches("abz")
        True
        >>> Screened(regex.compile("z"), 1).matches("zz")  # longer than any match
        False
        """
        if self.longest is not None and len(text) > self.longest:
            return False
        return guarded(self.compiled.match, text) is not None


#: Lines from these lengths on share the `Gate`s of a `LineFamily`: each
#: leaves out the screened patterns that cannot match a line that long.
_GATE_LENGTHS = (0, 16, 32, 48, 64, 96, 128, 160, 192, 256, 320, 384, 448, 512, 640, 768, 1024)
#: How many of its windows a `Screened` pattern checks before its regex runs:
#: the most telling come first, and each further one costs more than it saves.
_WINDOWS_TRIED = 3
#: A screened pattern whose most telling window is this short is looked for
#: in that part of a line only (see `Gate`): a paragraph costs the same as a label.
_SHORT_WINDOWS = (32, 96, 192)


@dataclass(frozen=True)
class Gate:
    """Some screened patterns of a `LineFamily`, and the texts they need:
    one scan of the part of a line where those texts must be (its first
    ``head`` characters, or its last ``tail``, or the whole) says whether
    any is there; then each text says which patterns may match."""

    gate: re.Pattern[str]
    needed: tuple[tuple[str, tuple[int, ...]], ...]
    head: int | None = None
    tail: int | None = None

    @property
    def cut(self) -> slice:
        """The gate's part of a line, as a slice.

        >>> "kata afp"[Gate(re.compile("afp"), (), tail=4).cut]
        ' afp'
        """
        if self.tail is not None:
            return slice(-self.tail, None)
        return slice(None, self.head)

    def found_in(self, part: str) -> set[int]:
        """Positions of the patterns whose text is in ``part``.

        >>> g = Gate(re.compile("ap|afp"), (("ap", (0,)), ("afp", (1,))), tail=4)
        >>> sorted(g.found_in("kata afp"[g.cut])), sorted(g.found_in("rapat kabinet"[g.cut]))
        ([1], [])
        """
        return {i for wanted, found in self.needed if wanted in part for i in found}


@dataclass(frozen=True)
class LineFamily:
    """The ``lines`` and ``starts`` patterns of one reason (or of several).

    Most are matched as one regex per tier of line length: each ``(length,
    regex)`` tier leaves out the ``lines`` patterns whose longest match (see
    `longest_match`) is shorter than ``length``, so a paragraph costs no work
    on labels it outgrows; each tier is made, on first use, for the first
    character of the line, of the patterns that may start with it. Each regex
    call has a fixed cost, so one call beats two. The rest are `Screened`,
    tried only when the line holds a text one of them needs where it needs it.
    """

    #: The patterns not screened: each ``lines`` one with its longest match
    #: (``None``: no bound), and the ``starts`` ones.
    lines: tuple[tuple[str, int | None], ...]
    starts: tuple[str, ...]
    screened: tuple[Screened, ...] = ()
    #: For a class of line length (see `_GATE_LENGTHS`) and a first
    #: character, the `Gate`s of the screened patterns that may match such a
    #: line, each with its search and its part of the line; made on first use.
    gates: dict[tuple[int, str], tuple[tuple[Callable[[str], Any], slice, Gate], ...]] = field(
        default_factory=dict, compare=False, repr=False
    )
    #: For a tier and a first character, the regex of the patterns not
    #: screened that a line of that tier starting with it may match; made on first use.
    regexes: dict[tuple[int, str], regex.Pattern[str] | None] = field(
        default_factory=dict, compare=False, repr=False
    )

    @property
    def tiers(self) -> tuple[tuple[int, regex.Pattern[str] | None], ...]:
        """Each ``(length, regex)`` tier, for lines of any first character."""
        return tuple((tier, self._regex(tier, "")) for tier in _TIERS)

    def for_length(self, length: int, first: str = "") -> regex.Pattern[str] | None:
        """The regex of the patterns not screened, for a line of ``length``
        characters that starts with ``first`` (``""``: any character).

        >>> line_family("marker").for_length(5_000) is None  # longer than any marker
        True
        """
        return self._regex(_TIERS[bisect.bisect_right(_TIERS, length) - 1], first if first.isascii() else "")

    def _regex(self, tier: int, first: str) -> regex.Pattern[str] | None:
        made = self.regexes.get((tier, first), False)
        if made is False:
            # Only the patterns a line of the tier that starts with ``first``
            # may match: a third of them or fewer for most letters.
            lines = tuple(p for p, w in self.lines if (w is None or w >= tier) and _may_start(p, first))
            starts = tuple(p for p in self.starts if _may_start(p, first))
            made = self.regexes[(tier, first)] = _line_regex(lines, starts)
        return made

    def matches(self, text: str) -> bool:
        """Whether some pattern matches ``text`` (a `line_key`): a ``lines``
        pattern whole, or a ``starts`` pattern at its start.

        >>> line_family("related").matches("baca juga: kabar lain")
        True
        """
        compiled = self.for_length(len(text), text[:1])
        if compiled is not None and guarded(compiled.match, text) is not None:
            return True
        if not self.screened:
            return False
        folded = reach.fold(text)
        # Windows count characters of the line: only where folding kept them all.
        sized = len(folded) == len(text)
        # Most lines pass no gate: each is one slice and one scan, inline.
        for search, cut, gate in self._gates(len(text), text[:1]):
            part = folded[cut] if sized else folded
            if search(part) is None:
                continue
            for i in sorted(gate.found_in(part)):
                one = self.screened[i]
                if (not sized or one.may_match(folded)) and one.matches(text):
                    return True
        return False

    def _gates(self, length: int, first: str) -> tuple[tuple[Callable[[str], Any], slice, Gate], ...]:
        shortest = _GATE_LENGTHS[bisect.bisect_right(_GATE_LENGTHS, length) - 1]
        first = first if first.isascii() else ""
        made = self.gates.get((shortest, first))
        if made is None:
            groups: dict[tuple[str, ...], dict[str, list[int]]] = {}
            for n, one in enumerate(self.screened):
                if one.may_reach(shortest) and one.may_start(first):
                    where, texts = _gate_of(one)
                    for wanted in texts:
                        groups.setdefault(where, {}).setdefault(wanted, []).append(n)
            gates = [
                _gate(where, found, [self.screened[i] for at in found.values() for i in at])
                for where, found in sorted(groups.items())
            ]
            made = self.gates[(shortest, first)] = tuple((g.gate.search, g.cut, g) for g in gates)
        return made


def _gate_of(one: Screened) -> tuple[tuple[str, ...], frozenset[str]]:
    """Which part of a line ``one`` is looked for in (``("tail", bound)`` or
    ``("head", bound)`` for its last or first characters, up to one of
    `_SHORT_WINDOWS`, or ``("whole",)``), and the texts looked for there."""
    best = one.windows[0] if one.windows else None
    size = None if best is None else best.size
    for bound in _SHORT_WINDOWS:
        if best is not None and size is not None and size <= bound:
            return ("tail" if best.tail == size else "head", f"{bound:04d}"), best.texts
    # Looked for anywhere: the rarest texts, whatever their window.
    rarest = max((w.texts for w in one.windows), key=reach.rarity, default=None)
    return ("whole",), rarest or one.needs or frozenset()


def _gate(where: tuple[str, ...], found: dict[str, list[int]], members: list[Screened]) -> Gate:
    # One scan for all the texts says whether any is there at all.
    gate = re.compile("|".join(map(re.escape, found)))
    needed = tuple((w, tuple(at)) for w, at in found.items())
    if where[0] == "tail":
        return Gate(gate, needed, tail=max(one.windows[0].tail or 0 for one in members))
    if where[0] == "head":
        return Gate(gate, needed, head=max(one.windows[0].head or 0 for one in members))
    return Gate(gate, needed)


@cache
def line_family(reason: str) -> LineFamily:
    """The compiled `LineFamily` of ``reason``."""
    return _family((reason,))


def _family(reasons: tuple[str, ...]) -> LineFamily:
    lines = [e["pattern"] for r in reasons for e in entries(r, "lines")]
    starts = [e["pattern"] for r in reasons for e in entries(r, "starts")]
    apart = [("lines", p) for p in lines if _screens(p)] + [("starts", p) for p in starts if _screens(p)]
    return LineFamily(
        tuple((p, longest_match(p)) for p in lines if ("lines", p) not in apart),
        tuple(p for p in starts if ("starts", p) not in apart),
        tuple(_screened(key, branch) for key, p in apart for branch in _screened_branches(p)),
    )


def _screened_branches(source: str) -> list[str]:
    """The branches of a screened pattern, each screened on its own (each
    has its own windows: "... less" and "... more" are two tails), when
    each needs a text; else the pattern whole.

    >>> _screened_branches(r".{20,600}[.!?] less|.{20,600}… ?more")
    ['.{20,600}[.!?] less', '.{20,600}… ?more']
    """
    found = reach.branches(source)
    return found if all(reach.needed(b) is not None for b in found) else [source]


def _may_start(source: str, first: str) -> bool:
    """Whether a match of ``source`` may start with ``first`` (an ASCII
    character, or ``""`` for any; see `reach.first_chars`).

    >>> _may_start("baca juga", "b"), _may_start("baca juga", "s"), _may_start("baca juga", "")
    (True, False, True)
    """
    found = reach.first_chars(source)
    return not first or found is None or first in found


def _screens(source: str) -> bool:
    """Whether ``source`` is matched apart, as `Screened`: it needs some text,
    and may start with any character or has no longest match."""
    if reach.needed(source) is None:
        return False
    first = reach.first_chars(source)
    return first is None or first >= reach.ASCII or longest_match(source) is None


def _screened(key: str, source: str) -> Screened:
    first, needs = reach.first_chars(source), reach.needed(source)
    windows = reach.windows(source, whole=key == "lines")
    if key == "lines":
        compiled = regex.compile(f"(?:{source})\\Z", _FLAGS)
        return Screened(compiled, longest_match(source), first, needs, windows)
    return Screened(regex.compile(_alternation("starts", [source]), _FLAGS), None, first, needs, windows)


@cache
def any_line_family() -> LineFamily:
    """Every reason's ``lines`` and ``starts`` patterns as one `LineFamily`."""
    reasons = {
        r for data in languages().values() for r, table in data.items() if {"lines", "starts"} & set(table)
    }
    return _family(tuple(sorted(reasons)))


def is_any_line(text: str) -> bool:
    """Whether ``text`` (already a `line_key`) matches any reason's ``lines``
    or ``starts``, in one regex call. Most blocks are prose and match none:
    one call clears them for every line rule (see `LineRule`).

    >>> is_any_line("baca juga: kabar lain"), is_any_line("warga menunggu kabar dari pemerintah.")
    (True, False)
    """
    return any_line_family().matches(text)


@cache
def _line_regex(lines: tuple[str, ...], starts: tuple[str, ...]) -> regex.Pattern[str] | None:
    parts = ([f"(?:{_alternation('lines', list(lines))})\\Z"] if lines else []) + (
        [_alternation("starts", list(starts))] if starts else []
    )
    return regex.compile("|".join(parts), _FLAGS) if parts else None


def longest_match(source: str) -> int | None:
    """The most characters ``source`` can match, or ``None`` when unbounded
    or when the standard library cannot read it (then no length is assumed).

    >>> longest_match("komentar(?: pembaca)?"), longest_match(r"\\d+ komentar")
    (16, None)
    """
    try:
        _, high = re._parser.parse(source, re.IGNORECASE).getwidth()
    except Exception:  # a pattern only the regex package reads: no bound known
        return None
    return high if high < re._constants.MAXREPEAT else None


def search(reason: str, key: str, text: str) -> regex.Match[str] | None:
    """The first match of ``reason.key`` anywhere in ``text``."""
    compiled = pattern(reason, key)
    return None if compiled is None else guarded(compiled.search, text)


def found(reason: str, key: str, text: str) -> bool:
    """Whether ``reason.key`` matches anywhere in ``text``.

    Only the yes or no: the search runs from the end of the text, which is
    as good as from the start for any pattern and far cheaper for patterns
    anchored at the end (``... kolom komentar$``): each other position fails
    on the anchor at once.

    >>> found("comments", "calls", "tulis pendapatmu di kolom komentar")
    True
    """
    compiled = _reversed(reason, key)
    if compiled is None or not may_find(reason, key, reach.fold(text)):
        return False
    return guarded(compiled.search, text) is not None


@cache
def _reversed(reason: str, key: str) -> regex.Pattern[str] | None:
    forward = pattern(reason, key)
    return None if forward is None else regex.compile("(?r)" + forward.pattern, _FLAGS)
