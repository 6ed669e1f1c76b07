"""The audit says why: every removal carries the rule or evidence that decided it."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings

from cleannews import clean_text
from cleannews.evidence import FEATURES
from cleannews.wording import in_words
from tests.strategies import Draft, damaged_drafts, dirty_drafts


def unexplained(raw: str) -> list[tuple[str, str]]:
    return [(r.reason, r.text) for r in clean_text(raw).removed if not r.why]


@given(dirty_drafts())
@settings(max_examples=80)
def test_every_removal_from_a_dirty_article_says_why(draft: Draft) -> None:
    assert unexplained(draft.raw) == []


@given(damaged_drafts())
@settings(max_examples=40)
def test_every_removal_from_a_damaged_article_says_why(drafts: tuple[Draft, Draft]) -> None:
    assert unexplained(drafts[1].raw) == []


def test_the_title_line_cuts_and_repeats_say_why() -> None:
    report = "Pemerintah mengumumkan harga beras turun pekan ini di semua pasar."
    for raw, reason in [
        (f"Harga Beras Turun - Kompas\n\n{report}", "site-name"),
        (f"Harga Beras Turun\n\n{report}\n\nharga beras turun", "duplicate-title"),
    ]:
        removed = clean_text(raw).removed
        assert [r.reason for r in removed] == [reason]
        assert unexplained(raw) == []


@pytest.mark.parametrize("name", FEATURES)
def test_every_feature_the_scorer_can_name_is_said_in_words(name: str) -> None:
    """A new user's report: `explain --why` showed "log_blocks 1.95"; on
    scrapinghub-text the why of some removals held "lexicon@-1 0.20",
    "prose_share 0.69", "byline_cover 0.20"."""
    for value in (0.0, 0.25, 1.0, 3.0, 10.0):
        said = in_words(name, value)
        assert said and not re.search(rf"(?<![\w@]){re.escape(name)} -?\d", said), said


def test_the_explain_footer_counts_what_was_cut_from_inside_a_paragraph() -> None:
    """A new user's report: `explain` marked an inline "Baca juga" link as
    removed, and its last line said "removed 0 of 3 blocks"."""
    from cleannews.explain import explain_text

    raw = (
        "Harga Beras Naik\nPedagang di pasar induk mengeluh sepi pembeli sejak pekan lalu."
        " Baca juga: Harga Cabai Naik Lagi Menurut para pedagang, harga naik sejak pekan lalu.\n"
        "Pemerintah berjanji menambah pasokan agar harga tetap stabil sampai akhir bulan."
    )
    footer = list(explain_text(raw))[-1]
    assert footer == "-- removed 0 of 3 blocks; cut 1 piece from inside them: related 1"


def test_the_explain_footer_of_a_page_counts_cuts_apart_from_removed_blocks() -> None:
    """On HTML the footer counted the inline link cut from a kept paragraph
    as a removed block ("removed 3 of 4 blocks")."""
    from cleannews import clean_html
    from cleannews.explain import explain_article

    page = (
        "<html><head><title>Floods close schools | Daily Star</title></head><body><article>"
        "<h1>Floods close schools</h1><p>Heavy rain closed every school in the district on Monday,"
        " officials said. Baca juga: Harga Beras Naik Lagi Menurut para pedagang, harga naik sejak pekan"
        " lalu.</p><p>Advertisement</p></article></body></html>"
    )
    footer = list(explain_article(clean_html(page)))[-1]
    assert (
        footer == "-- removed 2 of 4 blocks: duplicate-title 1, ad 1; cut 1 piece from inside them: related 1"
    )
