"""Datelines stay in the lead and are read into metadata."""

from __future__ import annotations

import pytest

import cleannews
from cleannews.model import Block, PageEvidence
from cleannews.steps.datelines import find_dateline, read_dateline

BODY = "Pemerintah berjanji menambah pasokan beras dari gudang Bulog dalam beberapa hari ke depan."


@pytest.mark.parametrize(
    ("lead", "place", "site"),
    [
        ("Jakarta, CNN Indonesia -- Harga beras naik lagi pekan ini.", "Jakarta", "CNN Indonesia"),
        ("TEMPO.CO, Jakarta - Harga beras naik lagi pekan ini.", "Jakarta", "TEMPO.CO"),
        ("JAKARTA, KOMPAS.com - Harga beras naik lagi pekan ini.", "JAKARTA", "KOMPAS.com"),
        ("Liputan6.com, Jakarta - Harga beras naik lagi pekan ini.", "Jakarta", "Liputan6.com"),
        ("Jakarta (ANTARA News) - Harga beras naik lagi pekan ini.", "Jakarta", "ANTARA News"),
        ("WASHINGTON (AP) — Rice prices rose again this week.", "WASHINGTON", "AP"),
        ("Jakarta - Harga beras naik lagi pekan ini.", "Jakarta", None),
        ("SEOUL – Film horor itu tengah naik daun.", "SEOUL", None),
    ],
)
def test_dateline_is_kept_in_the_lead_and_read_into_metadata(lead: str, place: str, site: str | None) -> None:
    art = cleannews.clean_text(f"{lead}\n\n{BODY}")
    assert art.paragraphs == [lead, BODY]
    assert art.removed == ()
    assert art.metadata.get("dateline_place") == place
    assert art.metadata.get("site_name") == site


@pytest.mark.parametrize(
    "lead",
    [
        "Why — especially — does it seem that prices only go up?",
        "Menurut dia - dan juga kami - harga naik.",
        "harga beras - kata pedagang - naik lagi.",
    ],
)
def test_dash_inside_a_sentence_is_no_dateline(lead: str) -> None:
    assert read_dateline(lead) is None


def test_only_the_lead_is_searched_for_a_dateline() -> None:
    paragraphs = [BODY] * 6 + ["Bandung - Harga beras naik lagi pekan ini."]
    art = cleannews.clean_text("\n\n".join(paragraphs))
    assert "dateline_place" not in art.metadata


def test_reading_a_dateline_keeps_what_the_page_knows_of_the_lead() -> None:
    """The step rebuilt the lead block by hand and lost its page evidence."""
    page = PageEvidence(linked=0.0, tag="p", depth=7, index=2, position=0.1, trafilatura=True)
    lead = Block("JAKARTA, KOMPAS.com - Harga beras turun di semua pasar pekan ini.", line=3, page=page)
    (out,) = find_dateline()([lead])
    assert out.page == page and out.line == 3 and dict(out.meta)["dateline_place"]
