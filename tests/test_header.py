"""The article's header: what sits over the headline's repeat, and standfirsts."""

from __future__ import annotations

import cleannews
from cleannews.model import Block
from cleannews.steps.header import drop_above_title, drop_headline_over_byline, drop_standfirst
from cleannews.steps.structure import drop_duplicate_title

REPORT = "Councillors voted on Tuesday night to replace the ageing flood wall along the river."
DEK = "The council's engineers say the new wall will be a metre higher than the old one."


def reasons(blocks: list[Block]) -> list[str | None]:
    return [b.reason for b in blocks]


def test_kicker_over_the_repeated_headline_is_navigation() -> None:
    blocks = [
        Block("Flood wall vote", "title"),
        Block("Review", "heading"),
        Block("Flood wall vote"),
        Block(REPORT),
    ]
    out = drop_above_title()(drop_duplicate_title(blocks))
    assert reasons(out) == [None, "navigation", "duplicate-title", None]


def test_sentence_over_the_repeat_keeps_everything_over_it() -> None:
    """A paragraph of reporting over the repeat means it marks no header."""
    blocks = [Block("Flood wall vote", "title"), Block(REPORT), Block("Flood wall vote"), Block(REPORT)]
    out = drop_above_title()(drop_duplicate_title(blocks))
    assert reasons(out) == [None, None, "duplicate-title", None]


def test_blocks_over_a_late_repeat_are_kept() -> None:
    """A headline repeated far down the body marks no header."""
    body = [Block(REPORT)] * 4
    blocks = [Block("Flood wall vote", "title"), *body, Block("Flood wall vote")]
    out = drop_above_title()(drop_duplicate_title(blocks))
    assert reasons(out)[1:5] == [None] * 4


def test_without_a_repeat_nothing_is_dropped() -> None:
    blocks = [Block("Flood wall vote", "title"), Block("Review", "heading"), Block(REPORT)]
    assert drop_above_title()(blocks) == blocks


def test_summary_sentence_set_as_a_heading_is_a_standfirst() -> None:
    out = drop_standfirst()([Block("Flood wall vote", "title"), Block(DEK, "heading"), Block(REPORT)])
    assert reasons(out) == [None, "standfirst", None]


def test_standfirst_lands_in_the_metadata() -> None:
    blocks = drop_standfirst()([Block("Flood wall vote", "title"), Block(DEK, "heading"), Block(REPORT)])
    assert cleannews.Article.from_blocks(blocks).metadata == {"standfirst": DEK}


def test_short_subheading_is_not_a_standfirst() -> None:
    blocks = [Block("Flood wall vote", "title"), Block("What the plan includes", "heading"), Block(REPORT)]
    assert drop_standfirst()(blocks) == blocks


def test_sentence_heading_below_the_first_paragraph_is_kept() -> None:
    blocks = [Block("Flood wall vote", "title"), Block(REPORT), Block(DEK, "heading"), Block(REPORT)]
    assert drop_standfirst()(blocks) == blocks


def test_html_standfirst_and_kicker_are_removed_with_reasons() -> None:
    html = (
        "<html><head><title>Flood wall vote | Ledger</title></head><body><article>"
        f"<p>Local news</p><h1>Flood wall vote</h1><h2>{DEK}</h2><p>{REPORT}</p><p>{REPORT} Again.</p>"
        "</article></body></html>"
    )
    art = cleannews.clean_html(html)
    assert ("Local news", "navigation") in [(r.text, r.reason) for r in art.removed]
    assert (DEK, "standfirst") in [(r.text, r.reason) for r in art.removed]
    assert art.paragraphs == [REPORT, f"{REPORT} Again."]


def test_a_line_as_long_as_the_headline_over_its_repeat_is_kept() -> None:
    """What a page prints over its headline is smaller than it; a line as
    long may be a headline itself (an ad label taken for the title)."""
    blocks = [
        Block("Sponsored", "title"),
        Block("Harbour council votes to rebuild the flood wall"),
        Block("Sponsored"),
        Block(REPORT),
    ]
    out = drop_above_title()(drop_duplicate_title(blocks))
    assert reasons(out) == [None, None, "duplicate-title", None]


BYLINE = Block("By Jane Roe", reason="byline")


def test_the_headline_in_other_words_over_the_byline_is_a_duplicate_title() -> None:
    blocks = [
        Block("Harbour council votes to rebuild the flood wall", "title"),
        Block("Council votes for new harbour flood wall"),
        BYLINE,
        Block(REPORT),
    ]
    assert reasons(drop_headline_over_byline()(blocks)) == [None, "duplicate-title", "byline", None]


def test_a_subheading_sharing_no_word_with_the_title_over_a_byline_is_kept() -> None:
    blocks = [
        Block("Harbour council votes to rebuild the flood wall", "title"),
        Block("How the Fishermen Responded", "heading"),
        BYLINE,
        Block(REPORT),
    ]
    assert drop_headline_over_byline()(blocks) == blocks
