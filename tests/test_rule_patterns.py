"""Rule data: every pattern compiles, is documented, and stays fast on
inputs built to make a careless pattern backtrack."""

from __future__ import annotations

import time

import pytest

from cleannews import rules


def pattern_lists(table: dict, prefix: str = "") -> set[tuple[str, str]]:
    """``(reason, key)`` of every list of pattern entries, nested tables
    (``[related.inline]``) by their dotted name; plain word lists are data,
    not patterns."""
    found = set()
    for name, value in table.items():
        if isinstance(value, dict):
            found |= pattern_lists(value, f"{prefix}{name}.")
        elif prefix and value and all(isinstance(e, dict) for e in value):
            found.add((prefix.rstrip("."), name))
    return found


TABLES = sorted(
    set().union(
        *(
            pattern_lists({k: v for k, v in data.items() if k != "language"})
            for data in rules.languages().values()
        )
    )
)
PROBES = [
    "a " * 400,
    "a" * 800,
    "/" * 800,
    "a/" * 400,
    "(" * 400 + "a",
    "#a " * 300,
    "a. " * 300,
    "aaaa, " * 150,
    "1 " * 400,
    "a-" * 400,
    "(a/b " * 150,
    "photo by " * 80,
    "é " * 400,
    "a (" * 300,
]


@pytest.mark.parametrize(("reason", "key"), TABLES, ids=[f"{r}.{k}" for r, k in TABLES])
def test_every_rule_entry_has_a_pattern_and_where_it_was_seen(reason: str, key: str) -> None:
    for entry in rules.entries(reason, key):
        assert set(entry) == {"pattern", "seen"} and entry["seen"].strip()


@pytest.mark.parametrize(("reason", "key"), TABLES, ids=[f"{r}.{k}" for r, k in TABLES])
def test_rule_patterns_stay_fast_on_adversarial_lines(reason: str, key: str) -> None:
    """Matched the way the steps match them: whole line, start, or searched."""
    for probe in PROBES:
        start = time.perf_counter()
        if key in rules.WHOLE_LINE_KEYS or key == "starts":
            rules.line_matches(reason, key, probe)
        else:
            rules.search(reason, key, probe)
        assert time.perf_counter() - start < 0.05, (reason, key, probe[:20])


def test_each_language_file_lists_stopwords() -> None:
    for code, data in rules.languages().items():
        assert len(data.get("language", {}).get("stopwords", [])) >= 20, code
