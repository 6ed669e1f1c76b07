"""Boxes that close an article: a reader appeal bracketed by appeal lines,
and a bare list of headlines under the last paragraph. Each case is a short
excerpt written for the test in the shape seen on real pages."""

from __future__ import annotations

import cleannews
from cleannews.model import Block
from cleannews.steps.closing import drop_appeal_box, drop_headline_runs, reads_as_listed_headline
from tests.helpers import kept, removed

LONG_1 = (
    "The county board voted on Tuesday to close the old landfill by next summer, after years of"
    " complaints from residents about the smell and the trucks."
)
LONG_2 = (
    "Engineers will cap the site with clay and plant grass on it, and a new transfer station will"
    " open on the east side of the county in the spring."
)
SHORT = "Originally published on Example Science."
NOTE = "Every fact-check we publish starts with a question from a reader, and we answer it for free."


def test_an_appeal_box_after_the_story_is_dropped_whole() -> None:
    box = [
        "A Word to Our Loyal Readers",
        "Support Example Checks and make a difference for readers everywhere.",
        "Editorial",
        "Jane Roe",
        "John Doe",
        NOTE,
        "Support Example Checks so we continue to pursue the facts for you.",
        "Team Example",
        "Support Example Checks",
    ]
    raw = "\n".join([LONG_1, LONG_2, *box])
    assert kept(raw) == [LONG_1, LONG_2]
    assert {reason for text, reason in removed(raw) if text in box[2:6]} == {"newsletter"}


def test_a_single_appeal_line_leaves_the_rest_alone() -> None:
    """One appeal line brackets nothing: what follows it is judged on its own."""
    raw = "\n".join([LONG_1, "A Word to Our Loyal Readers", NOTE, LONG_2])
    assert kept(raw) == [LONG_1, "A Word to Our Loyal Readers", NOTE, LONG_2]


def test_an_appeal_box_followed_by_reporting_is_kept() -> None:
    """The box must close the text: reporting after the last appeal line means
    the two appeal lines were not one box."""
    blocks = [Block(t) for t in [LONG_1, "A Word to Our Loyal Readers", LONG_2, "Donate now", LONG_1, LONG_2]]
    assert drop_appeal_box()(blocks) == blocks


def test_a_button_line_opens_no_appeal_box() -> None:
    """ "Support <cause>" over the story is a headline or a slogan, not the
    start of an appeal box: a button closes a box and never opens one."""
    story = [LONG_1, "Support Harbour Families", *[LONG_2, LONG_1] * 5, "How to help", "Donate now"]
    blocks = [Block(t) for t in story]
    assert drop_appeal_box()(blocks) == blocks


def test_an_appeal_box_needs_reporting_above_it() -> None:
    blocks = [Block(t) for t in ["A Word to Our Loyal Readers", "Jane Roe", "Donate now"]]
    assert drop_appeal_box()(blocks) == blocks


def test_a_varied_headline_list_under_the_last_paragraph_is_related() -> None:
    links = [
        "15 Amazing Photos of Distant Galaxies",
        "10 Strangest Things Found in Space",
        "The Biggest Mysteries of the Milky Way",
    ]
    raw = "\n".join([LONG_1, LONG_2, *links, SHORT])
    assert kept(raw) == [LONG_1, LONG_2, SHORT]
    assert [reason for text, reason in removed(raw) if text in links] == ["related"] * 3


def test_two_headlines_under_the_last_paragraph_are_kept() -> None:
    lines = ["Moon Rush: Private Lander Plans", "Where the New Landers Will Touch Down"]
    raw = "\n".join([LONG_1, LONG_2, *lines])
    assert kept(raw) == [LONG_1, LONG_2, *lines]


def test_a_list_of_tour_dates_closing_the_story_is_kept() -> None:
    """Items that open alike are the story's own list, not links."""
    dates = [
        "June 9 -- Harbor Amphitheatre, Bayport, FL",
        "June 10 -- Lakeside Music Pavilion, Greenfield, GA",
        "June 14 -- Riverside Arena, Millbrook, TN",
    ]
    raw = "\n".join([LONG_1, LONG_2, "The Band Tour Dates", *dates])
    assert kept(raw)[-3:] == dates


def test_a_list_of_figures_opening_alike_is_kept() -> None:
    items = ["24 Alumni Northfield Institute", "96 Alumni Eastgate University", "63 Alumni Westbrook College"]
    blocks = [Block(t) for t in [LONG_1, LONG_2, *items]]
    assert drop_headline_runs()(blocks) == blocks


def test_a_headline_run_above_more_reporting_is_kept() -> None:
    """Higher up, a run of title-case lines may be a list the story gives."""
    links = [
        "Blue Harbor Lander Company Plans",
        "Ceres Field Robotics Moon Rover",
        "Tycho Lunar Systems Nano Lander",
    ]
    blocks = [Block(t) for t in [LONG_1, *links, LONG_2]]
    assert drop_headline_runs()(blocks) == blocks


def test_a_listed_headline_is_title_case_and_not_a_sentence() -> None:
    assert reads_as_listed_headline("The 11 Biggest Unanswered Questions About Dark Matter")
    assert not reads_as_listed_headline("Officials said the bridge would reopen in May.")
    assert not reads_as_listed_headline("Blue Origin, Kent, Washington")
    assert not reads_as_listed_headline("the slimmer bezels of the new laptop")
    assert not reads_as_listed_headline("HOW TO CAN TOMATOES AT HOME SAFELY")


# ---------------------------------------------------------------- the printed headline over the byline


def test_the_printed_headline_over_the_byline_is_a_duplicate_title() -> None:
    """The page prints its headline in other words than its title."""
    raw = "\n".join(
        [
            "HS Roundup: Eastfield beats Westbrook to stay unbeaten",
            "High School Roundup: Eastfield beats Westbrook to stay unbeaten",
            "By Jane Roe",
            LONG_1,
        ]
    )
    art = cleannews.clean_text(raw)
    assert art.title == "HS Roundup: Eastfield beats Westbrook to stay unbeaten"
    assert ("High School Roundup: Eastfield beats Westbrook to stay unbeaten", "duplicate-title") in [
        (r.text, r.reason) for r in art.removed
    ]
    assert art.paragraphs == [LONG_1]


def test_a_heading_over_reporting_is_kept() -> None:
    """Without a byline under it, a short line near the top is a heading."""
    raw = "\n".join(["Landfill to close next summer", "What the board decided", LONG_1, "By Jane Roe"])
    assert "What the board decided" in kept(raw)


def test_a_sentence_over_the_byline_is_kept() -> None:
    lead = "The county board voted on Tuesday to close the old landfill."
    raw = "\n".join(["Landfill to close next summer", lead, "By Jane Roe", LONG_2])
    assert lead in kept(raw)
