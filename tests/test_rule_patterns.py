"""Rule data: every pattern compiles, is documented, and stays linear on
inputs built to make a careless pattern backtrack."""

from __future__ import annotations

import pytest

from cleannews import rules
from tests.timing import assert_linear


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
#: Units of lines built to make a careless pattern backtrack, repeated
#: ``count`` times: even the smaller lines are longer than the widest bounded
#: window a pattern has (``.{0,600}``), past which a window costs a constant.
PROBES = ["a ", "aa", "//", "a/", "((", "#a ", "a. ", "aaaa, ", "1 ", "a-", "(a/b ", "photo by ", "é ", "a ("]
PROBE_BASE = 300


@pytest.mark.parametrize(("reason", "key"), TABLES, ids=[f"{r}.{k}" for r, k in TABLES])
def test_every_rule_entry_has_a_pattern_and_where_it_was_seen(reason: str, key: str) -> None:
    for entry in rules.entries(reason, key):
        assert set(entry) == {"pattern", "seen"} and entry["seen"].strip()


@pytest.mark.parametrize(("reason", "key"), TABLES, ids=[f"{r}.{k}" for r, k in TABLES])
def test_rule_patterns_stay_linear_on_adversarial_lines(reason: str, key: str) -> None:
    """Matched the way the steps match them (whole line, start, or searched),
    in time linear in the length of every probe."""
    whole = key in rules.WHOLE_LINE_KEYS or key == "starts"

    def match_all(lines: object) -> None:
        for line in lines:  # type: ignore[attr-defined]
            if whole:
                rules.line_matches(reason, key, line)
            else:
                rules.search(reason, key, line)

    assert_linear(lambda n: [unit * n for unit in PROBES], match_all, PROBE_BASE, f"{reason}.{key}")


def test_each_language_file_lists_stopwords() -> None:
    for code, data in rules.languages().items():
        assert len(data.get("language", {}).get("stopwords", [])) >= 20, code
