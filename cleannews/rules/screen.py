"""Which ``shapes`` patterns can fullmatch a text, told cheaply, so that a
block is tried against a few of the 160-odd patterns instead of all of them.

Three screens, each a necessary condition for a fullmatch, so what is left
out could never have matched: the text's first character (``regex``'s
partial match says whether a text starting with it can match), its length
(the pattern's least and most width), and a literal the pattern cannot
match without (a word such as ``getty`` in ``.{10,300} / (?:ap|getty)``).
Width and literals are read from the standard library's parse of the
pattern; a pattern it cannot read is tried on every text.
`shape_reason_plain` is the reference: every pattern tried in turn.
"""

from __future__ import annotations

import bisect
import importlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import regex


def shape_reason_plain(shapes: dict[str, tuple[regex.Pattern[str], ...]], texts: Sequence[str]) -> str | None:
    """The first reason of ``shapes`` one of whose patterns fullmatches one of
    ``texts``, every pattern tried in turn: the reference `ShapeScreen` keeps to.

    >>> shape_reason_plain({"ad": (regex.compile("iklan"),)}, ["- iklan -", "iklan"])
    'ad'
    """
    for reason, patterns in shapes.items():
        if any(p.fullmatch(t) for p in patterns for t in texts):
            return reason
    return None


#: Where a pattern's length bounds cannot be read: any length.
ANY_WIDTH = (0, None)
#: Syntax of the ``regex`` package the standard library's parser reads
#: otherwise or not at all (POSIX classes, fuzzy counts, ...): such a pattern is not read.
_OTHER_SYNTAX = regex.compile(r"\[:\^?[a-z]+:\]|\{[edis][<=]|\{[edis]\}|\\[XLmMGK]")
#: A Unicode property: one character, read as ``.`` (any character) by the parser.
_PROPERTY = regex.compile(r"\\[pP]\{[^}]*\}")
#: Zero-width tests that, met at the end of a one-character text, can fail
#: although a longer text would pass: a pattern with one is tried on every first character.
_LOOKS_AHEAD = regex.compile(r"\(\?[=!]|\\B")
#: The only characters that match an ASCII character case-insensitively
#: without being ASCII (a test checks every code point): a text holding one
#: is not screened by literals.
CASE_TWINS = frozenset("\u0130\u0131\u017f\u212a")


def _sre(name: str) -> Any:
    """The standard library's regular expression parser (``_parser``) or its
    constants (``_constants``): internal modules, read by name."""
    return importlib.import_module(f"re.{name}")


def parsed(pattern: regex.Pattern[str]) -> Any | None:
    """The standard library's parse of ``pattern`` (``None`` where it reads
    it otherwise or not at all)."""
    source = _PROPERTY.sub(".", pattern.pattern)
    if _OTHER_SYNTAX.search(source):
        return None
    try:
        return _sre("_parser").parse(source, re.IGNORECASE)
    except Exception:  # a pattern not read is tried everywhere: always right
        return None


def pattern_width(pattern: regex.Pattern[str]) -> tuple[int, int | None]:
    r"""The least and most characters a fullmatch of ``pattern`` spans
    (``None``: no bound); `ANY_WIDTH` where it cannot be read. A Unicode
    property is one character wide.

    >>> pattern_width(regex.compile(r"\d{1,3} komentar")), pattern_width(regex.compile(r"\p{L}+"))
    ((10, 12), (1, None))
    """
    tree = parsed(pattern)
    if tree is None:
        return ANY_WIDTH
    low, high = tree.getwidth()
    return int(low), (None if high >= _sre("_constants").MAXREPEAT else int(high))


def pattern_literals(pattern: regex.Pattern[str]) -> tuple[str, ...]:
    r"""Lower-case ASCII strings one of which every match of ``pattern`` holds
    (``()``: none known); the longest such choice is taken.

    >>> pattern_literals(regex.compile(r".{0,60}\bclick here\b.{0,40}"))
    ('click here',)
    >>> pattern_literals(regex.compile(r"(?:ap|AFP) photo|\d+ foto"))
    (' photo', ' foto')
    >>> pattern_literals(regex.compile(r"(?:by )?\w+"))
    ()
    """
    tree = parsed(pattern)
    clauses = _required(list(tree)) if tree is not None else []
    return max(clauses, key=_strength, default=())


def _strength(clause: tuple[str, ...]) -> tuple[int, int]:
    """How much a clause screens out: its shortest literal (a space, in
    nearly every text, counts for nothing), then fewer of them."""
    return min(len(a.strip()) for a in clause), -len(clause)


def _required(sequence: list[Any]) -> list[tuple[str, ...]]:
    """The clauses a match of a parsed sequence meets: each a tuple of
    strings, one of which the match holds (runs of ASCII literals, those of
    a group, of a repeat taken at least once, one per branch of an alternation)."""
    c = _sre("_constants")
    clauses: list[tuple[str, ...]] = []
    run: list[str] = []
    for op, value in sequence:
        if op is c.LITERAL and value < 128:
            run.append(chr(value).lower())
            continue
        if run:
            clauses.append(("".join(run),))
            run = []
        if op is c.SUBPATTERN:
            clauses += _required(list(value[-1]))
        elif op is c.ATOMIC_GROUP:
            clauses += _required(list(value))
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and value[0] >= 1:
            clauses += _required(list(value[2]))
        elif op is c.BRANCH:
            each = [max(_required(list(b)), key=_strength, default=()) for b in value[1]]
            if all(each):
                clauses.append(tuple(dict.fromkeys(a for alternatives in each for a in alternatives)))
    if run:
        clauses.append(("".join(run),))
    return clauses


_TWIN = re.compile("[" + "".join(sorted(CASE_TWINS)) + "]")


def _may_hold(probe: str, needs: frozenset[str] | None) -> bool:
    """Whether ``probe`` holds what a candidate needs (see `Candidate`): the
    plain test, which `Plan.let_through` makes as set tests of held literals.

    >>> _may_hold("foto: ap", frozenset({"ap", "afp"})), _may_hold("foto", frozenset({"ap"}))
    (True, False)
    """
    return needs is None or any(a in probe for a in needs)


@dataclass(frozen=True)
class Candidate:
    """A pattern to try, and what a (lower-cased) text must hold to match
    it: one of these literals, or ``None``: nothing known."""

    pattern: regex.Pattern[str]
    needs: frozenset[str] | None

    @classmethod
    def of(cls, pattern: regex.Pattern[str], literals: tuple[str, ...]) -> Candidate:
        return cls(pattern, frozenset(literals) if literals else None)


@dataclass(frozen=True)
class Plan:
    """What `ShapeScreen` tries on a text of one first character and span of
    lengths: every candidate in the order `shape_reason_plain` tries them
    (reason by reason), with the index of its reason, and every literal
    one of them needs. The candidates a set of held literals lets through
    are worked out once per set, and kept."""

    tries: tuple[tuple[int, Candidate], ...]
    literals: tuple[str, ...]
    passing: dict[frozenset[str], tuple[tuple[int, Candidate], ...]] = field(
        default_factory=dict, compare=False, repr=False
    )

    #: At most this many sets of held literals are kept; then they start over.
    KEEP = 1 << 10

    @classmethod
    def of(cls, tries: tuple[tuple[int, Candidate], ...]) -> Plan:
        literals = {a: None for _, c in tries if c.needs is not None for a in sorted(c.needs)}
        return cls(tries, tuple(literals))

    def first(self, text: str, before: int) -> int:
        """The index of the first reason below ``before`` one of whose
        candidates fullmatches ``text``; ``before`` when none does."""
        held = _held(text, self.literals)
        for at, c in self.tries if held is None else self.let_through(held):
            if at >= before:
                break
            if c.pattern.fullmatch(text):
                return at
        return before

    def let_through(self, held: frozenset[str]) -> tuple[tuple[int, Candidate], ...]:
        """The tries whose candidates need nothing or one of ``held``: the
        set tests of `_may_hold` made once per set of held literals, not
        once per text (most texts hold the same few, such as a space)."""
        found = self.passing.get(held)
        if found is None:
            if len(self.passing) >= self.KEEP:
                self.passing.clear()
            found = tuple((at, c) for at, c in self.tries if c.needs is None or not held.isdisjoint(c.needs))
            self.passing[held] = found
        return found


def _held(text: str, literals: tuple[str, ...]) -> frozenset[str] | None:
    """Which of ``literals`` the lower-cased ``text`` holds, each searched
    for once; ``None`` where lower-casing is no guide (a case twin).

    >>> sorted(_held("Foto: AP", ("ap", "afp", "foto"))), _held("\u212aomentar", ("komentar",))
    (['ap', 'foto'], None)
    """
    if not text.isascii() and _TWIN.search(text):
        return None
    probe = text.lower()
    # One membership test per literal, in C: cheaper than a regular
    # expression of them all (overlapping literals would need its overlapped mode).
    return frozenset([a for a in literals if a in probe])


@dataclass(frozen=True)
class ShapeScreen:
    """The patterns of each reason (in order), read once for their first
    characters, widths and literals; the patterns that pass the first two
    screens are worked out once per first character and range of lengths,
    and kept (as a `Plan`)."""

    reasons: tuple[str, ...]
    patterns: tuple[tuple[regex.Pattern[str], ...], ...]
    widths: dict[regex.Pattern[str], tuple[int, int | None]]
    literals: dict[regex.Pattern[str], tuple[str, ...]]
    #: Lengths at which the set of patterns a length allows changes.
    bounds: tuple[int, ...]
    lookahead: frozenset[regex.Pattern[str]]
    #: What was worked out: the `Plan` per (first character, span of
    #: lengths), the patterns per first character, the `Candidate` of each pattern.
    found: dict[tuple[Any, Any], Any] = field(default_factory=dict)

    #: At most this many (character, lengths) plans are kept; then they start over.
    KEEP = 1 << 16

    @classmethod
    def of(cls, shapes: dict[str, tuple[regex.Pattern[str], ...]]) -> ShapeScreen:
        every = {p: None for patterns in shapes.values() for p in patterns}
        widths = {p: pattern_width(p) for p in every}
        literals = {p: pattern_literals(p) for p in every}
        cuts = {low for low, _ in widths.values()} | {
            high + 1 for _, high in widths.values() if high is not None
        }
        lookahead = frozenset(p for p in every if _LOOKS_AHEAD.search(p.pattern))
        return cls(tuple(shapes), tuple(shapes.values()), widths, literals, tuple(sorted(cuts)), lookahead)

    def reason(self, texts: Sequence[str]) -> str | None:
        """`shape_reason_plain` of ``texts``, with fewer patterns tried."""
        # The first reason any text matches: each text is tried only on the
        # reasons before the best one found so far (a tie goes to the same reason).
        best = len(self.reasons)
        for text in texts:
            best = self.plan(text).first(text, best)
        return self.reasons[best] if best < len(self.reasons) else None

    def plan(self, text: str) -> Plan:
        """The `Plan` of a text of the first character and length of ``text``."""
        key = (text[:1], bisect.bisect_right(self.bounds, len(text)))
        found = self.found.get(key)
        if found is None:
            if len(self.found) >= self.KEEP:
                self.found.clear()
            found = self.found[key] = Plan.of(self._work_out(*key))
        return found

    def _work_out(self, first: str, span: int) -> tuple[tuple[int, Candidate], ...]:
        # Every length in one span between two bounds is allowed by the same patterns.
        length = self.bounds[span - 1] if span else 0
        starting = self._starting(first)
        return tuple(
            self._candidate(at, p)
            for at, patterns in enumerate(self.patterns)
            for p in patterns
            if p in starting and self._fits(p, length)
        )

    def _starting(self, first: str) -> frozenset[regex.Pattern[str]]:
        """The patterns a text starting with ``first`` can match (asked of
        ``regex`` once per character, whatever the lengths it comes with)."""
        key = ("first", first)
        found = self.found.get(key)
        if found is None:
            found = frozenset(p for p in self.widths if self._can_start(p, first))
            self.found[key] = found
        return found

    def _candidate(self, at: int, pattern: regex.Pattern[str]) -> tuple[int, Candidate]:
        """A pattern of the reason at ``at`` as a try of a `Plan`: one object,
        which every plan holding it shares (thousands of plans are kept)."""
        key = ("candidate", (at, pattern))
        found = self.found.get(key)
        if found is None:
            found = self.found[key] = (at, Candidate.of(pattern, self.literals[pattern]))
        return found

    def _fits(self, pattern: regex.Pattern[str], length: int) -> bool:
        low, high = self.widths[pattern]
        return low <= length and (high is None or length <= high)

    def _can_start(self, pattern: regex.Pattern[str], first: str) -> bool:
        return pattern in self.lookahead or pattern.fullmatch(first, partial=True) is not None
