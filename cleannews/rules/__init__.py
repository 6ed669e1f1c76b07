"""Rule data: one TOML file per language, keyed by reason code.

Each file holds tables named for a reason code (``[related]``), each with
lists of patterns under a key that says how they are used:

``lines``
    the whole line (see `line_key`) matches;
``starts``
    the line starts with the pattern, at a word boundary;
``calls``, ``copy``, ...
    family-specific lists, documented where the step that reads them lives.

A pattern is ``{ pattern = '...', seen = '...' }``: a case-insensitive
regular expression for the ``regex`` package, and where it was seen. All
language files apply at once: their patterns for one reason and key are
compiled into one alternation, so adding a language is adding a file.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any

import regex

#: Every match is bounded by this many seconds: a last guard, never reached
#: by a pattern that passes the catastrophic-backtracking test.
TIMEOUT = 1.0

_FLAGS = regex.IGNORECASE | regex.VERSION1 | regex.UNICODE


@cache
def languages() -> dict[str, dict[str, Any]]:
    """Every shipped rule file, parsed, keyed by its language code."""
    files = resources.files(__package__)
    return {
        f.name.removesuffix(".toml"): tomllib.loads(f.read_text("utf-8"))
        for f in sorted(files.iterdir(), key=lambda f: f.name)
        if f.name.endswith(".toml")
    }


def entries(reason: str, key: str) -> list[dict[str, str]]:
    """The ``{pattern, seen}`` entries for ``reason.key`` over all languages."""
    found: list[dict[str, str]] = []
    for data in languages().values():
        found.extend(data.get(reason, {}).get(key, []))
    return found


def words(reason: str, key: str) -> frozenset[str]:
    """A plain word list (``reason.key``) over all languages, casefolded."""
    return frozenset(w.casefold() for data in languages().values() for w in data.get(reason, {}).get(key, []))


@cache
def pattern(reason: str, key: str) -> regex.Pattern[str] | None:
    """One compiled alternation of every ``reason.key`` pattern, or ``None``."""
    found = [e["pattern"] for e in entries(reason, key)]
    if not found:
        return None
    if key == "starts":
        # A start must not end inside a word: "baca juga" is no match for "baca jugalah",
        # but "penulis:" is one for "penulis:andi" (the start ends in a mark).
        return regex.compile("|".join(f"(?:{p})(?:(?<!\\w)|(?!\\w))" for p in found), _FLAGS)
    return regex.compile("|".join(f"(?:{p})" for p in found), _FLAGS)


def line_matches(reason: str, key: str, text: str) -> bool:
    """Whether ``text`` (already a `line_key`) matches ``reason.key``.

    ``lines`` must match the whole text; every other key matches at the start.

    >>> line_matches("byline", "starts", "penulis:andi saputra")
    True
    >>> line_matches("related", "starts", "baca jugalah")
    False
    """
    compiled = pattern(reason, key)
    if compiled is None:
        return False
    if key == "lines":
        return compiled.fullmatch(text, timeout=TIMEOUT) is not None
    return compiled.match(text, timeout=TIMEOUT) is not None


def search(reason: str, key: str, text: str) -> regex.Match[str] | None:
    """The first match of ``reason.key`` anywhere in ``text``."""
    compiled = pattern(reason, key)
    return None if compiled is None else compiled.search(text, timeout=TIMEOUT)
