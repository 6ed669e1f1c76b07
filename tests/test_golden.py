"""Golden cases: every fixture NAME.txt|.html with NAME.expected.json is cleaned exactly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import cleannews

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
CASES = sorted(FIXTURES.glob("*.expected.json"))


def clean_fixture(expected_path: Path) -> cleannews.Article:
    stem = expected_path.name.removesuffix(".expected.json")
    text_path = FIXTURES / f"{stem}.txt"
    if text_path.exists():
        return cleannews.clean_text(text_path.read_text(encoding="utf-8"))
    html_path = FIXTURES / f"{stem}.html"
    return cleannews.clean_html(html_path.read_text(encoding="utf-8"))  # type: ignore[attr-defined]


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name.removesuffix(".expected.json"))
def test_fixture_is_cleaned_exactly(path: Path) -> None:
    expected = json.loads(path.read_text(encoding="utf-8"))
    article = clean_fixture(path)
    assert article.title == expected["title"]
    assert [{"kind": b.kind, "text": b.text} for b in article.blocks] == expected["blocks"]
    assert [r.text for r in article.removed] == expected["removed"]
    reasons = expected.get("removed_categories", {})
    assert {r.text: r.reason for r in article.removed if r.text in reasons} == reasons


def test_seeds_are_golden_cases() -> None:
    """Both seed articles ship as fixtures with their expected output."""
    names = {p.name for p in CASES}
    assert {"000_b9fff5dbafb6aeaf.expected.json", "001_c943c15a8568c981.expected.json"} <= names
