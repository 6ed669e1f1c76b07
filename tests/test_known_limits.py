"""Known limits: what cleannews still gets wrong, each on the concrete input
that shows it, as a strict xfail.

Each test asserts what a reader of the text would want. It fails today; the
day a change fixes the limit it passes, and ``xfail_strict`` turns that red:
remove the mark, keep the test, and strike the row in docs/spec.md ("Known
limits"). The generators of ``strategies.py`` do not leave these inputs out:
the properties stay as strong as the laws, and each limit is pinned here.
The texts are made up.
"""

from __future__ import annotations

import pytest

from cleannews import clean_text
from tests.helpers import REPORT_1, REPORT_2

TITLE = "Harga Beras Turun Jelang Lebaran"


def story(*lines: str) -> str:
    """A titled story: the title, a paragraph, ``lines``, a paragraph."""
    return "\n\n".join([TITLE, REPORT_1, *lines, REPORT_2])


@pytest.mark.xfail(strict=True, reason="known limit: a heading mostly in capitals after ad copy is more copy")
def test_a_heading_in_capitals_after_an_ad_is_kept() -> None:
    article = clean_text(story("Iklan", "AIOTRADE", "REAKSI KPK, DPR DAN MA"))
    assert article.headings == ["REAKSI KPK, DPR DAN MA"]
    assert [r.reason for r in article.removed] == ["ad", "ad"]


@pytest.mark.xfail(strict=True, reason="known limit: a Markdown mark a repair reveals reads as navigation")
def test_a_headline_written_with_an_entity_mark_is_kept() -> None:
    """ "&#35; " is "# " once the entity is repaired; the reader read marks
    before the repair, so the line is neither a Markdown title nor kept."""
    article = clean_text(f"&#35; {TITLE}\n\n{REPORT_1}")
    assert TITLE in (article.title or "")
    assert article.removed == ()


def rendered_again(raw: str) -> tuple[str | None, list[tuple[str, str]]]:
    """The title and blocks of cleaning the rendering of ``raw``'s article."""
    again = clean_text(clean_text(raw).render())
    return again.title, [(b.kind, b.text) for b in again.blocks]


def test_a_word_said_as_a_title_three_times_over_a_row_of_it_cleans_the_same_again() -> None:
    """Found by ``HYPOTHESIS_PROFILE=deep`` as ``'0\\r0\\r0\\r0:0:0'``: the
    first pass kept "Satu" as the title and dropped its repeats, and once they
    were gone the row "Satu: Satu: Satu" was the title. Repeats of the first
    line no longer count among the labels over a headline: the row is the
    title both times."""
    raw = "Satu\nSatu\nSatu\nSatu: Satu: Satu"
    first = clean_text(raw)
    assert rendered_again(raw) == (first.title, [(b.kind, b.text) for b in first.blocks])


def test_a_related_link_without_a_colon_on_the_first_line_is_removed() -> None:
    """Found by ``HYPOTHESIS_PROFILE=deep``: "Baca juga" and a headline that
    ends in a question mark, over an untitled story, was taken for its title;
    a two-word lead before words written in title case is now certain."""
    article = clean_text(f"Baca juga Apa Kata Menteri tentang Harga Beras?\n\n{REPORT_1}")
    assert article.title is None
    assert [r.reason for r in article.removed] == ["related"]
