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

import tomllib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

import regex

from cleannews.lexicon import KEYS, Lexicon, tokens
from cleannews.rules.form import check_file, shipped_form
from cleannews.rules.screen import ShapeScreen, shape_reason_plain

__all__ = [
    "FLAGS",
    "Rules",
    "RulesError",
    "ShapeScreen",
    "active_rules",
    "default_rules",
    "load_rules",
    "shape_reason_plain",
    "using_rules",
]

SHIPPED = Path(__file__).resolve().parent
#: How patterns are compiled: case-insensitive, Unicode, `regex`'s V1 behaviour off.
FLAGS = regex.IGNORECASE | regex.UNICODE
_Derived = TypeVar("_Derived")


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
        return list(self.compiled(reason, key))

    def compiled(self, reason: str, key: str) -> tuple[regex.Pattern[str], ...]:
        """`patterns` as the tuple that is kept, not a new list: for the
        loops that run on every block and only read it."""
        found = self._memo.get(("patterns", reason, key))
        if found is None:
            found = self._memo[("patterns", reason, key)] = tuple(_compiled(self, reason, key))
        return found

    def words(self, reason: str, key: str) -> frozenset[str]:
        """A plain word list (``particles``, ``small``) of every file, merged."""
        found = self._memo.get(("words", reason, key))
        if found is None:
            found = self._memo[("words", reason, key)] = _words(self, reason, key)
        return found

    def shape_reason(self, *texts: str) -> str | None:
        """The first reason (in `shapes` order) one of whose patterns
        fullmatches one of ``texts``: `shape_reason_plain`, trying only the
        patterns `ShapeScreen` says can match a text of that first character
        and length."""
        screen = self._memo.get("shapes")
        if screen is None:
            screen = self._memo["shapes"] = ShapeScreen.of(self.shapes)
        return screen.reason(texts)

    def languages(self) -> list[str]:
        return sorted(self.stopwords)

    def derived(self, name: str, make: Callable[[Rules], _Derived]) -> _Derived:
        """``make(self)``, worked out once per `Rules` value and kept under
        ``name``: for what a step builds from the rules (a pattern made of
        several, a cache of measures) and would otherwise build per block."""
        key = ("derived", name)
        if key not in self._memo:
            self._memo[key] = make(self)
        found: _Derived = self._memo[key]
        return found


def _words(rules: Rules, reason: str, key: str) -> frozenset[str]:
    found: set[str] = set()
    for _, table in rules.tables:
        value = _lookup(table, reason).get(key, [])
        found.update(w.casefold() for w in value if isinstance(w, str))
    return frozenset(found)


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


#: Metadata keys cleannews sets itself: no byline pattern's group may name one.
RESERVED_GROUPS = frozenset({"repairs", "language", "dateline_place"})


def check_patterns(source: str, table: dict[str, Any]) -> None:
    """Compile every ``pattern`` of one file's tables (the keys one step
    reads too, which are compiled only when that step runs), so that a
    pattern that does not compile, or a group that names a metadata key
    cleannews sets itself, is refused when the file is loaded.

    >>> check_patterns("m.toml", {"byline": {"credits": [{"pattern": "(?P<authors>.+"}]}})
    Traceback (most recent call last):
    ...
    cleannews.rules.RulesError: m.toml: pattern '(?P<authors>.+' does not compile: missing ) at position 14
    """
    for reason, keys in table.items():
        if not isinstance(keys, dict) or reason == "language":
            continue
        for key, entries in _with_inline(keys):
            for entry in entries if isinstance(entries, list) else ():
                if isinstance(entry, dict) and isinstance(entry.get("pattern"), str):
                    groups = set(_compile(entry["pattern"], source).groupindex)
                    # A byline pattern's groups become metadata keys (cleannews.credits).
                    taken = groups & RESERVED_GROUPS if reason == "byline" else set()
                    if taken:
                        raise RulesError(
                            f"{source}: [{reason}] {key}: the group {sorted(taken)[0]!r} names a"
                            " metadata key cleannews sets itself"
                        )


def _with_inline(keys: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    for key, entries in keys.items():
        if key == "inline" and isinstance(entries, dict):
            yield from ((f"inline.{k}", v) for k, v in entries.items())
        else:
            yield key, entries


#: What a language code looks like: "id", "jv", "pt-BR", "zh_Hant".
_LANGUAGE_CODE = regex.compile(r"[a-z]{2,3}(?:[-_][A-Za-z]{2,4})?")


def language_code(source: str, language: dict[str, Any]) -> str:
    """The code a ``[language]`` table gives its stopwords: its ``code``,
    else the file's name (``nl.toml`` is ``nl``). A name that is no
    language code is refused: ``my_rules.toml``'s stopwords would report
    every article they win as written in "my_rules".

    >>> language_code("rules/nl.toml", {}), language_code("mine.toml", {"code": "jv"})
    ('nl', 'jv')
    """
    code = language.get("code") or Path(source).stem
    if not _LANGUAGE_CODE.fullmatch(code):
        raise RulesError(
            f"{source}: [language] {code!r} is no language code: name the file for its language"
            ' (nl.toml) or give one (code = "nl")'
        )
    return str(code)


def build(files: Iterable[Path]) -> Rules:
    """The rules of ``files``, merged in order."""
    tables = tuple((str(path), read_file(path)) for path in files)
    for source, table in tables:
        try:
            check_file(source, table, shipped_form(SHIPPED))
        except ValueError as problem:
            raise RulesError(str(problem)) from None
    for source, table in tables:
        check_patterns(source, table)
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
            code = language_code(source, language)
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


#: The rules of the cleaning under way in this thread or task (`using_rules`).
_ACTIVE: ContextVar[Rules | None] = ContextVar("cleannews_active_rules", default=None)


def active_rules() -> Rules:
    """The rules the steps read: those of the cleaning under way
    (`using_rules`: `clean_text` and `clean_html` set the ones they were
    given), else the shipped ones. A user's file thus reaches every key,
    the byline parsers and inline cuts included, not only the evidence pass.

    >>> active_rules() is default_rules()
    True
    """
    found = _ACTIVE.get()
    return default_rules() if found is None else found


@contextmanager
def using_rules(rules: Rules) -> Iterator[Rules]:
    """Make ``rules`` the `active_rules` inside the ``with`` block, in this
    thread or task only (a context variable: parallel cleanings each see
    their own), and restore what was active before on leaving it."""
    token = _ACTIVE.set(rules)
    try:
        yield rules
    finally:
        _ACTIVE.reset(token)


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
