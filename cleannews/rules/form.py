"""The shape a rule file must have: the one the shipped files have.

A user's file that names a reason, a key or an entry field the shipped files
do not use is refused with a `ValueError` naming the file, the place and the
nearest known name, rather than read and ignored (a misspelled ``lables``
would otherwise add nothing, and a misspelled ``[boilerplat]`` would add an
undocumented reason code).
"""

from __future__ import annotations

import difflib
import tomllib
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from cleannews.lexicon import KEYS
from cleannews.reasons import ALL as REASONS

#: What each key's entries are: tables of ``phrases``, tables of a
#: ``pattern``, or plain strings; per place: ``reason`` for the keys every
#: reason's table may hold, ``[byline]`` (or ``[related.inline]``) for the
#: keys one step reads in that table only, and ``language``.
Form = dict[str, dict[str, str]]
#: ``[language]`` keys the reader takes besides the word lists.
_LANGUAGE_EXTRA = {"code": "string"}
#: The keys every reason's table may hold: the evidence pass reads them all.
_EVERY_REASON = frozenset({*KEYS, "shapes"})


def check_file(source: str, table: dict[str, Any], form: Form) -> None:
    """Raise `ValueError` at the first place of ``table`` (one file's TOML)
    that ``form`` does not know, naming ``source``."""
    for name, value in table.items():
        if name == "language":
            _check_keys(source, "[language]", value, form["language"])
        elif name not in REASONS:
            raise ValueError(f"{source}: unknown reason [{name}]{_nearest(name, [*REASONS, 'language'])}")
        else:
            _check_reason(source, name, value, form)


def _check_reason(source: str, name: str, value: Any, form: Form) -> None:
    """A reason's table: the keys every reason may hold, and those a step
    reads in this reason's table only (``[byline] credits`` does nothing
    under ``[ad]``, so it is refused there)."""
    if not isinstance(value, dict):
        raise ValueError(f"{source}: [{name}] must be a table")
    known = {**form["reason"], **form.get(f"[{name}]", {})}
    inline = form.get(f"[{name}.inline]")
    for key, entries in value.items():
        if key == "inline" and inline is not None:
            _check_keys(source, f"[{name}.inline]", entries, inline)
        elif key == "inline":
            places = ", ".join(sorted(p for p in form if p.endswith(".inline]")))
            raise ValueError(f"{source}: [{name}.inline] is read by no step (those that are: {places})")
        elif key not in known:
            hint = _nearest(key, [*known, *(["inline"] if inline else [])]) or _read_elsewhere(key, form)
            raise ValueError(f"{source}: [{name}] has an unknown key {key!r}{hint}")
        else:
            _check_keys(source, f"[{name}]", {key: entries}, known)


def _check_keys(source: str, place: str, value: Any, known: dict[str, str]) -> None:
    if not isinstance(value, dict):
        raise ValueError(f"{source}: {place} must be a table")
    for key, entries in value.items():
        if key not in known:
            raise ValueError(f"{source}: {place} has an unknown key {key!r}{_nearest(key, known)}")
        if known[key] == "string":
            if not isinstance(entries, str):
                raise ValueError(f"{source}: {place} {key} must be a string")
        elif not isinstance(entries, list):
            raise ValueError(f"{source}: {place} {key} must be a list")
        else:
            for entry in entries:
                _check_entry(source, f"{place} {key}", entry, known[key])


def _check_entry(source: str, place: str, entry: Any, kind: str) -> None:
    """One entry of a list: a string, or a table with its field (and ``seen``)."""
    if kind == "strings":
        if not isinstance(entry, str):
            raise ValueError(f"{source}: {place}: {entry!r} is not a string")
        return
    if not isinstance(entry, dict) or kind not in entry:
        typo = next((f for f in entry if _nearest(f, [kind])), None) if isinstance(entry, dict) else None
        hint = f": {typo!r}{_nearest(typo, [kind])}" if typo else f" (as in {{ {kind} = ..., seen = ... }})"
        raise ValueError(f"{source}: {place} entries need {kind!r}{hint}")
    unknown = set(entry) - {kind, "seen"}
    if unknown:
        field = sorted(unknown)[0]
        nearest = _nearest(field, {kind, "seen"})
        raise ValueError(f"{source}: {place} entry has an unknown field {field!r}{nearest}")
    if kind == "pattern" and not isinstance(entry[kind], str):
        raise ValueError(f"{source}: {place}: pattern {entry[kind]!r} is not a string")


def _nearest(name: str, known: Iterable[str]) -> str:
    """``" (did you mean 'x'?)"`` for the closest known name, else ``""``.

    >>> _nearest("lables", ["labels", "leads"]), _nearest("zzz", ["labels"])
    (" (did you mean 'labels'?)", '')
    """
    close = difflib.get_close_matches(name, list(known), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _read_elsewhere(key: str, form: Form) -> str:
    """Where ``form`` has ``key`` in one table's own keys: " (read in
    [byline] only)", else ``""``."""
    places = sorted(place for place, keys in form.items() if place.startswith("[") and key in keys)
    return f" (read in {', '.join(places)} only)" if places else ""


@cache
def shipped_form(folder: Path) -> Form:
    """The `Form` of the rule files in ``folder``: every key they use at
    each place, with the kind of its entries."""
    form: Form = {"reason": {}, "language": dict(_LANGUAGE_EXTRA)}
    for path in sorted(folder.glob("*.toml")):
        for name, value in tomllib.loads(path.read_text(encoding="utf-8")).items():
            if name == "language":
                _learn(form["language"], value)
                continue
            own = {k: v for k, v in value.items() if k not in _EVERY_REASON and k != "inline"}
            _learn(form["reason"], {k: v for k, v in value.items() if k in _EVERY_REASON})
            _learn(form.setdefault(f"[{name}]", {}), own)
            if "inline" in value:
                _learn(form.setdefault(f"[{name}.inline]", {}), value["inline"])
    return form


def _learn(known: dict[str, str], table: dict[str, Any]) -> None:
    for key, entries in table.items():
        first = entries[0] if isinstance(entries, list) and entries else entries
        if isinstance(first, dict):
            known[key] = "phrases" if "phrases" in first else "pattern"
        elif isinstance(first, str):
            known.setdefault(key, "strings" if isinstance(entries, list) else "string")
