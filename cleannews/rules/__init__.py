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

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any, TypeVar

import regex

T = TypeVar("T")

#: Every match is bounded by this many seconds: a last guard, never reached
#: by a pattern that passes the catastrophic-backtracking test on text of
#: ordinary size. A match that times out counts as no match (see `guarded`).
TIMEOUT = 1.0

#: Keys whose patterns must match the whole line.
WHOLE_LINE_KEYS = frozenset({"lines", "shapes", "headers", "trailers"})

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
        # A start must end at a word boundary: "baca juga" is no match for "baca jugalah".
        return "|".join(f"(?:{p})(?!\\w)" for p in found)
    return "|".join(f"(?:{p})" for p in found)


def guarded(method: Callable[..., T], text: str, *args: int) -> T | None:
    """``method(text, *args)`` (a compiled pattern's match, fullmatch,
    search or split) bounded by `TIMEOUT`; a call that runs out of time gives
    ``None``, read as no match, so the block is kept (when unsure, keep) and
    no input raises.

    >>> guarded(regex.compile("a+").match, "aaa")
    <regex.Match object; span=(0, 3), match='aaa'>
    """
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


def line_matches(reason: str, key: str, text: str) -> bool:
    """Whether ``text`` (already a `line_key`) matches ``reason.key``.

    ``lines``, ``shapes``, ``headers`` and ``trailers`` must match the whole text; every other key
    matches at the start.
    """
    compiled = pattern(reason, key)
    if compiled is None:
        return False
    if key in WHOLE_LINE_KEYS:
        return guarded(compiled.fullmatch, text) is not None
    return guarded(compiled.match, text) is not None


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
    compiled = line_family(reason).for_length(len(text))
    return compiled is not None and guarded(compiled.match, text) is not None


_REMEMBER_UP_TO = 200
_remembered_line_of = lru_cache(maxsize=4096)(_is_line_of)


#: Line lengths from which a `LineFamily` leaves out the ``lines`` patterns
#: that cannot match that many characters.
_TIERS = (0, 16, 32, 64, 128, 256)


@dataclass(frozen=True)
class LineFamily:
    """The ``lines`` and ``starts`` patterns of one reason (or of several) as
    one regex per tier of line length.

    Each ``(length, regex)`` tier leaves out the ``lines`` patterns whose
    longest match (see `longest_match`) is shorter than ``length``: a
    paragraph costs no work on labels it outgrows. Each regex call has a
    fixed cost (the timeout guard is most of it), so one call beats two.
    """

    tiers: tuple[tuple[int, regex.Pattern[str] | None], ...]

    def for_length(self, length: int) -> regex.Pattern[str] | None:
        """The regex for a line of ``length`` characters.

        >>> line_family("marker").for_length(5_000) is None  # longer than any marker
        True
        """
        found = None
        for start, compiled in self.tiers:
            if length < start:
                break
            found = compiled
        return found


@cache
def line_family(reason: str) -> LineFamily:
    """The compiled `LineFamily` of ``reason``."""
    return _family((reason,))


def _family(reasons: tuple[str, ...]) -> LineFamily:
    lines = [e["pattern"] for r in reasons for e in entries(r, "lines")]
    starts = tuple(e["pattern"] for r in reasons for e in entries(r, "starts"))
    widths = [longest_match(p) for p in lines]

    def reaching(tier: int) -> tuple[str, ...]:
        return tuple(p for p, w in zip(lines, widths, strict=True) if w is None or w >= tier)

    return LineFamily(tuple((tier, _line_regex(reaching(tier), starts)) for tier in _TIERS))


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
    compiled = any_line_family().for_length(len(text))
    return compiled is not None and guarded(compiled.match, text) is not None


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
    return compiled is not None and guarded(compiled.search, text) is not None


@cache
def _reversed(reason: str, key: str) -> regex.Pattern[str] | None:
    forward = pattern(reason, key)
    return None if forward is None else regex.compile("(?r)" + forward.pattern, _FLAGS)
