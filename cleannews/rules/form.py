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

from cleannews.reasons import ALL as REASONS

#: What each key's entries are: tables of ``phrases``, tables of a
#: ``pattern``, or plain strings; per place (a reason's table, its
#: ``inline`` table, ``[language]``).
Form = dict[str, dict[str, str]]
#: ``[language]`` keys the reader takes besides the word lists.
_LANGUAGE_EXTRA = {"code": "string"}


def check_file(source: str, table: dict[str, Any], form: Form) -> None:
    """Raise `ValueError` at the first place of ``table`` (one file's TOML)
    that ``form`` does not know, naming ``source``."""
    for name, value in table.items():
        if name == "language":
            _check_keys(source, "[language]", value, form["language"])
        elif name not in REASONS:
            raise ValueError(f"{source}: unknown reason [{name}]{_nearest(name, REASONS)}")
        else:
            _check_reason(source, name, value, form)


def _check_reason(source: str, name: str, value: Any, form: Form) -> None:
    if not isinstance(value, dict):
        raise ValueError(f"{source}: [{name}] must be a table")
    for key, entries in value.items():
        if key == "inline":
            _check_keys(source, f"[{name}.inline]", entries, form["inline"])
        else:
            _check_keys(source, f"[{name}]", {key: entries}, form["reason"])


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
        raise ValueError(f"{source}: {place} entries need {kind!r} (as in {{ {kind} = ..., seen = ... }})")
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


@cache
def shipped_form(folder: Path) -> Form:
    """The `Form` of the rule files in ``folder``: every key they use at
    each place, with the kind of its entries."""
    form: Form = {"reason": {}, "inline": {}, "language": dict(_LANGUAGE_EXTRA)}
    for path in sorted(folder.glob("*.toml")):
        for name, value in tomllib.loads(path.read_text(encoding="utf-8")).items():
            if name == "language":
                _learn(form["language"], value)
            else:
                _learn(form["reason"], {k: v for k, v in value.items() if k != "inline"})
                _learn(form["inline"], value.get("inline", {}))
    return form


def _learn(known: dict[str, str], table: dict[str, Any]) -> None:
    for key, entries in table.items():
        first = entries[0] if isinstance(entries, list) and entries else entries
        if isinstance(first, dict):
            known[key] = "phrases" if "phrases" in first else "pattern"
        elif isinstance(first, str):
            known.setdefault(key, "strings" if isinstance(entries, list) else "string")
