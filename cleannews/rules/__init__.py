"""The rule files (``cleannews/rules/<lang>.toml``, and any of the user's in the
same format), read once into a `Rules` value that the evidence pass and the
steps read.

A rule file holds, per reason, phrase lists (``labels``, ``leads``, ``ends``,
``words``: see `cleannews.lexicon`), ``shapes`` (regular expressions the
whole folded block matches), and the parsers some steps use on blocks already
taken as residue (bylines, titles). ``[language]`` gives the stopwords, month
and weekday names of each language.
"""

from __future__ import annotations

import bisect
import re
import tomllib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import regex

from cleannews.lexicon import KEYS, Lexicon, tokens

SHIPPED = Path(__file__).resolve().parent
#: How patterns are compiled: case-insensitive, Unicode, `regex`'s V1 behaviour off.
FLAGS = regex.IGNORECASE | regex.UNICODE


class RulesError(ValueError):
    """A rule file that cannot be read, with the file and the entry that failed."""


@dataclass(frozen=True)
class Rules:
    """The merged rule data of a set of files, compiled."""

    lexicon: Lexicon
    #: Reason -> the compiled ``shapes`` of every file, in file order.
    shapes: dict[str, tuple[regex.Pattern[str], ...]]
    #: Language code -> its stopwords.
    stopwords: dict[str, frozenset[str]]
    #: Month and weekday names of every language, lower-cased.
    calendar: frozenset[str]
    sources: tuple[str, ...]
    tables: tuple[tuple[str, dict[str, Any]], ...] = field(repr=False)
    #: What `patterns`, `words` and `shape_reason` worked out, kept with the
    #: rules they came from (a `Rules` holds dicts: it cannot key a cache).
    _memo: dict[Any, Any] = field(default_factory=dict, init=False, compare=False, repr=False)

    def patterns(self, reason: str, key: str) -> list[regex.Pattern[str]]:
        """The compiled ``pattern`` entries of ``[reason] key`` in every file
        (``reason`` may be dotted: ``related.inline``)."""
        found = self._memo.get(("patterns", reason, key))
        if found is None:
            found = self._memo[("patterns", reason, key)] = tuple(_compiled(self, reason, key))
        return list(found)

    def words(self, reason: str, key: str) -> frozenset[str]:
        """A plain word list (``particles``, ``small``) of every file, merged."""
        found = self._memo.get(("words", reason, key))
        if found is None:
            found = self._memo[("words", reason, key)] = _words(self, reason, key)
        return found  # type: ignore[no-any-return]

    def shape_reason(self, *texts: str) -> str | None:
        """The first reason (in `shapes` order) one of whose patterns
        fullmatches one of ``texts``: `shape_reason_plain`, trying only the
        patterns `ShapeScreen` says can match a text of that first character
        and length."""
        screen = self._memo.get("shapes")
        if screen is None:
            screen = self._memo["shapes"] = ShapeScreen.of(self.shapes)
        return screen.reason(texts)  # type: ignore[no-any-return]

    def languages(self) -> list[str]:
        return sorted(self.stopwords)


def _words(rules: Rules, reason: str, key: str) -> frozenset[str]:
    found: set[str] = set()
    for _, table in rules.tables:
        value = _lookup(table, reason).get(key, [])
        found.update(w.casefold() for w in value if isinstance(w, str))
    return frozenset(found)


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
#: otherwise or not at all (POSIX classes, fuzzy counts): their widths are not read.
_OTHER_SYNTAX = regex.compile(r"\[:\^?[a-z]+:\]|\{[edis][<=]|\{[edis]\}|\\[XLmMGK]")
#: Zero-width tests that, met at the end of a one-character text, can fail
#: although a longer text would pass: a pattern with one is tried on every text.
_LOOKS_AHEAD = regex.compile(r"\(\?[=!]|\\B")


def pattern_width(pattern: regex.Pattern[str]) -> tuple[int, int | None]:
    """The least and most characters a fullmatch of ``pattern`` spans
    (``None``: no bound), read by the standard library's parser; `ANY_WIDTH`
    where it cannot be read. A Unicode property is one character wide.

    >>> pattern_width(regex.compile(r"\\d{1,3} komentar")), pattern_width(regex.compile(r"\\p{L}+"))
    ((10, 12), (1, None))
    """
    source = regex.sub(r"\\[pP]\{[^}]*\}", "a", pattern.pattern)
    if _OTHER_SYNTAX.search(source):
        return ANY_WIDTH
    try:
        from re import _parser  # type: ignore[attr-defined]

        low, high = _parser.parse(source, re.IGNORECASE).getwidth()
    except Exception:
        return ANY_WIDTH
    return int(low), (None if high >= _parser.MAXREPEAT else int(high))


@dataclass(frozen=True)
class ShapeScreen:
    """Which ``shapes`` patterns can fullmatch a text, told by its first
    character and its length: a pattern is tried only where ``regex``'s partial
    match says a text starting with that character can match it, and the
    length is within the pattern's bounds (`pattern_width`). The lists are
    worked out once per first character and range of lengths, and kept."""

    reasons: tuple[str, ...]
    patterns: tuple[tuple[regex.Pattern[str], ...], ...]
    widths: dict[regex.Pattern[str], tuple[int, int | None]]
    #: Lengths at which the set of patterns a length allows changes.
    bounds: tuple[int, ...]
    lookahead: frozenset[regex.Pattern[str]]
    found: dict[tuple[str, int], tuple[tuple[regex.Pattern[str], ...], ...]] = field(default_factory=dict)

    #: At most this many (character, lengths) lists are kept; then they start over.
    KEEP = 1 << 16

    @classmethod
    def of(cls, shapes: dict[str, tuple[regex.Pattern[str], ...]]) -> ShapeScreen:
        widths = {p: pattern_width(p) for patterns in shapes.values() for p in patterns}
        cuts = {low for low, _ in widths.values()} | {
            high + 1 for _, high in widths.values() if high is not None
        }
        lookahead = frozenset(p for p in widths if _LOOKS_AHEAD.search(p.pattern))
        return cls(tuple(shapes), tuple(shapes.values()), widths, tuple(sorted(cuts)), lookahead)

    def reason(self, texts: Sequence[str]) -> str | None:
        """`shape_reason_plain` of ``texts``, with fewer patterns tried."""
        lists = [self.candidates(t) for t in texts]
        for at, reason in enumerate(self.reasons):
            for text, candidates in zip(texts, lists, strict=True):
                for pattern in candidates[at]:
                    if pattern.fullmatch(text):
                        return reason
        return None

    def candidates(self, text: str) -> tuple[tuple[regex.Pattern[str], ...], ...]:
        """Per reason, the patterns that can fullmatch ``text``."""
        key = (text[:1], bisect.bisect_right(self.bounds, len(text)))
        found = self.found.get(key)
        if found is None:
            if len(self.found) >= self.KEEP:
                self.found.clear()
            found = self.found[key] = self._work_out(*key)
        return found

    def _work_out(self, first: str, span: int) -> tuple[tuple[regex.Pattern[str], ...], ...]:
        # Every length in one span between two bounds is allowed by the same patterns.
        length = self.bounds[span - 1] if span else 0
        return tuple(
            tuple(p for p in patterns if self._fits(p, length) and self._can_start(p, first))
            for patterns in self.patterns
        )

    def _fits(self, pattern: regex.Pattern[str], length: int) -> bool:
        low, high = self.widths[pattern]
        return low <= length and (high is None or length <= high)

    def _can_start(self, pattern: regex.Pattern[str], first: str) -> bool:
        return pattern in self.lookahead or pattern.fullmatch(first, partial=True) is not None


def _lookup(table: dict[str, Any], dotted: str) -> dict[str, Any]:
    for part in dotted.split("."):
        value = table.get(part, {})
        table = value if isinstance(value, dict) else {}
    return table


def _compiled(rules: Rules, reason: str, key: str) -> Iterator[regex.Pattern[str]]:
    for source, table in rules.tables:
        for entry in _lookup(table, reason).get(key, []):
            if isinstance(entry, dict) and "pattern" in entry:
                yield _compile(entry["pattern"], source)


@cache
def _compile(pattern: str, source: str) -> regex.Pattern[str]:
    try:
        return regex.compile(pattern, FLAGS)
    except regex.error as error:
        raise RulesError(f"{source}: pattern {pattern!r} does not compile: {error}") from error


def read_file(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise RulesError(f"cannot read rules file {path}: {error}") from error


def phrase_entries(source: str, table: dict[str, Any]) -> Iterator[tuple[str, str, str]]:
    """``(reason, key, phrase)`` of every phrase list in one file."""
    for reason, entries in table.items():
        if not isinstance(entries, dict) or reason == "language":
            continue
        for key in KEYS:
            for entry in entries.get(key, []):
                if not isinstance(entry, dict) or not isinstance(entry.get("phrases"), list):
                    raise RulesError(f"{source}: [{reason}] {key} entries need a list of phrases")
                for phrase in entry["phrases"]:
                    if not isinstance(phrase, str) or not tokens(phrase):
                        raise RulesError(f"{source}: [{reason}] {key}: {phrase!r} is no phrase")
                    yield reason, key, phrase


def build(files: Iterable[Path]) -> Rules:
    """The rules of ``files``, merged in order."""
    tables = tuple((str(path), read_file(path)) for path in files)
    entries = [e for source, table in tables for e in phrase_entries(source, table)]
    shapes: dict[str, list[regex.Pattern[str]]] = {}
    stopwords: dict[str, set[str]] = {}
    calendar: set[str] = set()
    for source, table in tables:
        for reason, entries_of in table.items():
            if isinstance(entries_of, dict) and reason != "language":
                for entry in entries_of.get("shapes", []):
                    shapes.setdefault(reason, []).append(_compile(entry["pattern"], source))
        language = table.get("language", {})
        if language.get("stopwords"):
            code = language.get("code") or Path(source).stem
            stopwords.setdefault(code, set()).update(w.casefold() for w in language["stopwords"])
        calendar.update(w.casefold() for key in ("months", "weekdays") for w in language.get(key, []))
    return Rules(
        lexicon=Lexicon.of(entries),
        shapes={r: tuple(p) for r, p in shapes.items()},
        stopwords={c: frozenset(w) for c, w in stopwords.items()},
        calendar=frozenset(calendar),
        sources=tuple(s for s, _ in tables),
        tables=tables,
    )


def shipped_files(folder: Path = SHIPPED) -> list[Path]:
    return sorted(folder.glob("*.toml"))


@cache
def default_rules() -> Rules:
    """The rules shipped with cleannews (built once per process)."""
    return build(shipped_files())


def load_rules(*paths: str | Path, shipped: bool = True) -> Rules:
    """The shipped rules plus the rule files at ``paths`` (same format), or
    only those files with ``shipped=False``.

    Raises `RulesError` (a `ValueError`) naming the file when one cannot be
    read or holds an entry that is not in the format.
    """
    extra = [Path(p) for p in paths]
    for path in extra:
        if not path.is_file():
            raise RulesError(f"no rules file at {path}")
    return build([*(shipped_files() if shipped else []), *extra])
