"""`rules.reach` only ever skips a pattern that cannot match.

Texts that match each rule pattern are generated from the pattern itself
(hypothesis reads the standard library's syntax: `reach.parse` gives it), in
several cases, and every screen built on `reach` must let them through.
"""

from __future__ import annotations

import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleannews import rules
from cleannews.measure import line_key, shape_key
from cleannews.rules import reach


def every_line_pattern() -> list[tuple[str, str, str]]:
    """``(reason, key, source)`` of every pattern in every rule file."""
    found = []
    for data in rules.languages().values():
        stack = [("", data)]
        while stack:
            name, table = stack.pop()
            for key, value in table.items():
                if isinstance(value, dict):
                    stack.append((f"{name}.{key}".strip("."), value))
                elif isinstance(value, list):
                    found += [
                        (name, key, e["pattern"]) for e in value if isinstance(e, dict) and "pattern" in e
                    ]
    return sorted(set(found))


PATTERNS = every_line_pattern()


def matching_text(source: str) -> st.SearchStrategy[str]:
    """Texts the standard library's reading of ``source`` matches whole."""
    return st.from_regex(reach._TOKEN.sub(reach._plain_token, source), fullmatch=True)


@st.composite
def pattern_and_text(draw: st.DrawFn) -> tuple[str, str]:
    _, _, source = draw(st.sampled_from(PATTERNS))
    text = draw(matching_text(source))
    case = draw(st.sampled_from([str, str.upper, str.lower, str.title, str.swapcase]))
    return source, case(text)


@settings(max_examples=1500, deadline=None, suppress_health_check=list(HealthCheck))
@given(pattern_and_text())
def test_reach_lets_through_every_whole_match(found: tuple[str, str]) -> None:
    source, text = found
    if regex.fullmatch(source, text, rules._FLAGS) is None:
        return  # the two libraries read a class differently: no claim
    assert reach.reach(source).may_fullmatch(text, reach.fold(text)), (source, text)


@settings(max_examples=1500, deadline=None, suppress_health_check=list(HealthCheck))
@given(pattern_and_text(), st.text(max_size=20))
def test_every_window_holds_in_every_match(found: tuple[str, str], after: str) -> None:
    """A whole match holds each text where its window says; so does a match
    at the start of a longer line, for the windows of a ``starts`` pattern."""
    source, text = found
    folded = reach.fold(text)
    if regex.fullmatch(source, text, rules._FLAGS) is None or len(folded) != len(text):
        return  # no match the two libraries agree on, or folding moved characters: no claim
    assert all(w.holds(folded) for w in reach.windows(source, whole=True)), (source, text)
    longer = reach.fold(text + after)
    if len(longer) == len(text + after):
        assert all(w.holds(longer) for w in reach.windows(source, whole=False)), (source, text, after)


@settings(max_examples=1500, deadline=None, suppress_health_check=list(HealthCheck))
@given(pattern_and_text(), st.text(max_size=12))
def test_a_line_matches_a_pattern_when_it_matches_one_of_its_branches(
    found: tuple[str, str], other: str
) -> None:
    """`reach.branches` splits a pattern into patterns that match, between
    them, what it matches: a generated match, and any other text."""
    source, text = found
    parts = [regex.compile(p, rules._FLAGS) for p in reach.branches(source)]
    whole = regex.compile(source, rules._FLAGS)
    for line in (text, other, text + other):
        assert bool(whole.fullmatch(line)) == any(p.fullmatch(line) for p in parts), (source, line)
        assert bool(whole.match(line)) == any(p.match(line) for p in parts), (source, line)


def test_every_branch_rejoins_into_its_pattern() -> None:
    for _, _, source in PATTERNS:
        assert "|".join(reach.branches(source)) == source


def test_a_window_keeps_a_needed_text_to_its_part_of_the_line() -> None:
    """A caption credit at the end of a line is looked for only there."""
    [credit, *_] = reach.windows(r".{10,300}[a-z][.!?](?:reuters|getty|ap)", whole=True)
    assert credit.tail == 8  # the mark and the longest credit
    assert not credit.holds(reach.fold("Rapat kabinet digelar di istana pada Senin pagi."))
    assert credit.holds(reach.fold("Rapat kabinet digelar di istana pada Senin pagi.Reuters"))


def each_line_regex() -> list[regex.Pattern[str]]:
    """Every ``lines`` and ``starts`` pattern the union screen reads, compiled
    alone, as a line rule matches it."""
    reasons = {
        r for data in rules.languages().values() for r, t in data.items() if {"lines", "starts"} & set(t)
    }
    lines = [e["pattern"] for r in reasons for e in rules.entries(r, "lines")]
    starts = [e["pattern"] for r in reasons for e in rules.entries(r, "starts")]
    return [regex.compile(f"(?:{p})\\Z", rules._FLAGS) for p in lines] + [
        # A start ends at a word boundary or after a mark ("author:" starts "author:0"), as in `rules`.
        regex.compile(f"(?:{p})(?:(?<!\\w)|(?!\\w))", rules._FLAGS)
        for p in starts
    ]


EACH_LINE_REGEX = each_line_regex()


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(pattern_and_text())
def test_union_screen_agrees_with_trying_every_line_pattern(found: tuple[str, str]) -> None:
    _, text = found
    key = line_key(text)
    assert rules.is_any_line(key) == any(p.match(key) for p in EACH_LINE_REGEX), (text, key)


def test_every_character_an_ascii_character_matches_folds_to_it() -> None:
    """What `reach.fold` relies on, checked against the regex package."""
    cased = (chr(n) for n in range(0x80, 0x30000) if not 0xD800 <= n < 0xE000)
    every = "".join(c for c in cased if len({c, c.lower(), c.upper(), c.casefold()}) > 1)
    for n in range(0x20, 0x7F):
        char = chr(n)
        for other in regex.findall(regex.escape(char), every, rules._FLAGS):
            assert reach.fold(other) == char.lower(), (char, other)
        assert all(
            reach.fold(chr(m)) != char.lower() for m in range(0x20, 0x7F) if chr(m).lower() != char.lower()
        )


def test_a_needed_text_is_in_every_line_a_pattern_matches() -> None:
    source = r".{0,60}\bclick here to subscribe\b.{0,80}"
    assert reach.needed(source) == frozenset({"click here to subscribe"})
    assert not reach.may_contain(reach.needed(source), reach.fold("Click to read more"))


def test_a_pattern_the_standard_library_cannot_read_is_always_tried() -> None:
    assert reach.reach(r"(?r)abc") == reach.Reach(0, None, None, None)
    assert reach.reach(r"(?r)abc").may_fullmatch("zzz", "zzz")


def test_a_character_with_case_may_start_every_ascii_match_it_has() -> None:
    """What `reach.first_chars` relies on, checked against the regex package."""
    cased = (chr(n) for n in range(0x80, 0x30000) if not 0xD800 <= n < 0xE000)
    for char in (c for c in cased if len({c, c.lower(), c.upper(), c.casefold()}) > 1):
        compiled = regex.compile(regex.escape(char), rules._FLAGS)
        first = reach.first_chars(regex.escape(char)) or reach.ASCII
        assert all(a in first for a in map(chr, range(0x20, 0x7F)) if compiled.fullmatch(a)), char


def test_folding_a_key_again_changes_no_character_and_makes_no_space() -> None:
    """What `rules.may_find_within` relies on: the fold of a `line_key` is
    made of the folds of the text's own characters, spaces aside."""
    for n in range(0x110000):
        if 0xD800 <= n < 0xE000:
            continue
        folded = chr(n).casefold()
        assert folded.casefold() == folded, hex(n)
        assert " " not in folded or chr(n) == " ", hex(n)


@settings(max_examples=800, deadline=None, suppress_health_check=list(HealthCheck))
@given(pattern_and_text(), st.text(max_size=12), st.text(max_size=12))
def test_the_gate_before_keys_lets_through_every_key_a_pattern_may_find(
    found: tuple[str, str], before: str, after: str
) -> None:
    """A text whose part's key `rules.may_find` would try, `rules.may_find_within` tries too."""
    source, text = found
    whole = f"{before}\u00a0 {text}\t{after}"
    for reason, key, pattern in PATTERNS:
        if pattern == source and rules.may_find(reason, key, reach.fold(line_key(text))):
            assert rules.may_find_within(reason, key, reach.fold(whole)), (reason, key, whole)


@st.composite
def shape_and_text(draw: st.DrawFn) -> tuple[str, str]:
    reason, _, source = draw(st.sampled_from([p for p in PATTERNS if p[1] == "shapes"]))
    text = draw(matching_text(source))
    return reason, draw(st.sampled_from([str, str.upper, str.lower, str.title]))(text)


@settings(max_examples=600, deadline=None, suppress_health_check=list(HealthCheck))
@given(shape_and_text())
def test_the_shape_screen_keeps_a_pattern_for_every_shape_it_matches(found: tuple[str, str]) -> None:
    """`LineRule` tries shapes only when `rules.fullmatch_candidates` keeps one."""
    reason, text = found
    key = shape_key(text)
    if rules.line_matches(reason, "shapes", key):
        assert any(p.fullmatch(key) for p in rules.fullmatch_candidates(reason, "shapes", key)), (reason, key)
