"""Bylines, reporter codes, editor credits and date lines: dropped as
``byline`` and read into metadata; look-alikes in the reporting are kept."""

from __future__ import annotations

import pytest

import cleannews
from cleannews.credits import looks_like_name, read_credit, split_names
from cleannews.model import Block
from cleannews.steps.bylines import drop_bylines

LEAD = "Harga beras di pasar induk naik lagi pada pekan ini, kata para pedagang kepada wartawan."
BODY = "Pemerintah berjanji menambah pasokan beras dari gudang Bulog dalam beberapa hari ke depan."


def clean(*lines: str) -> cleannews.Article:
    return cleannews.clean_text("\n\n".join(lines))


def removed(art: cleannews.Article) -> list[tuple[str, str]]:
    return [(r.text, r.reason) for r in art.removed]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Penulis: Rudi Hartono", {"authors": ["Rudi Hartono"]}),
        ("Penulis: Kontributor Sabang, Hendra Gunawan", {"authors": ["Hendra Gunawan"]}),
        ("Editor : Sinta Dewi", {"editor": "Sinta Dewi"}),
        ("Redaktur : Agus Yulianto", {"editor": "Agus Yulianto"}),
        ("Pewarta: Desi Purnama", {"authors": ["Desi Purnama"]}),
        ("Oleh Maria Ulfa Rahma", {"authors": ["Maria Ulfa Rahma"]}),
        ("By Jane Doe", {"authors": ["Jane Doe"]}),
        ("By Jane Doe and John Roe", {"authors": ["Jane Doe", "John Roe"]}),
        ("Write to Sam Reed at sam@example.com", {"authors": ["Sam Reed"], "emails": ["sam@example.com"]}),
        ("Tom Walker contributed reporting from Hong Kong.", {"authors": ["Tom Walker"]}),
        (
            "Reporting by Ana Lim; additional reporting by Bo Chen; Editing by Cy Park",
            {"authors": ["Ana Lim", "Bo Chen"], "editor": "Cy Park"},
        ),
        ("(fyk/ash)", {"byline_codes": ["fyk/ash"]}),
        ("(wbs)", {"byline_codes": ["wbs"]}),
        ("Rabu, 4 November 2015 | 21:04 WIB", {"published": "Rabu, 4 November 2015 | 21:04 WIB"}),
        ("Senin, 15 Mei 2017 18:43 WIB | 699 Views", {"published": "Senin, 15 Mei 2017 18:43 WIB"}),
        ("Published 7:07 PM EST Nov 19, 2019", {"published": "7:07 PM EST Nov 19, 2019"}),
        ("on 16 Feb 2016 at 09:10 WIB", {"published": "16 Feb 2016 at 09:10 WIB"}),
        ("Jumat , 17 February 2017, 13:16 WIB", {"published": "Jumat , 17 February 2017, 13:16 WIB"}),
        ("20 Nov, 2019 05:47", {"published": "20 Nov, 2019 05:47"}),
        ("Updated at 1:23 p.m.", {"updated": "1:23 p.m"}),
        ("Ana Lim 2019-11-20 14:35:08", {"authors": ["Ana Lim"], "published": "2019-11-20 14:35:08"}),
        ("Sumber : kemenag.go.id", {"source": "kemenag.go.id"}),
        ("Additional reporting by Bo Chen", {"authors": ["Bo Chen"]}),
        (
            "Associated Press writers Ana Lim, Bo Chen and Cy Park contributed to this report.",
            {"authors": ["Ana Lim", "Bo Chen", "Cy Park"]},
        ),
        (
            "(Reporting by Ana Lim, with reporting by Bo Chen, editing by Cy Park.)",
            {"authors": ["Ana Lim", "Bo Chen"], "editor": "Cy Park"},
        ),
        ("Credits (2)", {}),
    ],
)
def test_credit_line_is_dropped_and_read_into_metadata(line: str, expected: dict) -> None:
    art = clean(line, LEAD, BODY)
    assert removed(art) == [(line, "byline")]
    # A date as written is kept under <key>_raw (the ISO date is tests/test_dates.py's).
    expected = {f"{k}_raw" if k in ("published", "updated") else k: v for k, v in expected.items()}
    assert {k: art.metadata[k] for k in expected} == expected
    assert art.paragraphs == [LEAD, BODY]


@pytest.mark.parametrize(
    "line",
    [
        "By the end of the year, prices had doubled in most of the markets we visited.",
        "By Tuesday, officials said, the roads would be open again.",
        "Oleh karena itu, pemerintah menunda kenaikan harga bahan bakar.",
        "Penulis buku itu, yang tinggal di Bandung, menolak berkomentar.",
        "Reporting by the agency found that the figures were wrong.",
        "Sumber daya alam di daerah itu melimpah, kata bupati.",
    ],
)
def test_reporting_that_starts_like_a_credit_is_kept(line: str) -> None:
    art = clean(LEAD, line, BODY)
    assert line in art.paragraphs
    assert "authors" not in art.metadata


def test_reporter_code_glued_after_last_sentence_is_cut_and_paragraph_kept() -> None:
    art = clean(LEAD, BODY + " (fyk/ash)")
    assert art.paragraphs == [LEAD, BODY]
    assert removed(art) == [("(fyk/ash)", "byline")]
    assert art.metadata["byline_codes"] == ["fyk/ash"]


def test_abbreviation_in_brackets_ending_a_paragraph_is_kept() -> None:
    text = "Bantuan itu dikirim lewat Amerika Serikat (AS)"
    art = clean(LEAD, text)
    assert art.paragraphs == [LEAD, text]


def test_label_line_and_name_on_next_line_are_both_dropped() -> None:
    art = clean(LEAD, BODY, "Author", "Dewi Lestari", "Editor", "Bambang")
    assert art.paragraphs == [LEAD, BODY]
    assert art.metadata["authors"] == ["Dewi Lestari"]
    assert art.metadata["editor"] == "Bambang"


def test_names_alone_right_after_the_reporting_are_authors() -> None:
    art = clean(LEAD, BODY, "Suparjo Ramalan, Adhyasta Dirgantara", "DINI TEJA")
    assert art.paragraphs == [LEAD, BODY]
    assert art.metadata["authors"] == ["Suparjo Ramalan", "Adhyasta Dirgantara", "DINI TEJA"]


def test_lone_name_after_a_credit_line_is_an_author() -> None:
    art = clean(LEAD, BODY, "Artikel ini pertama kali terbit dalam bahasa Jerman", "Dimas Pratama")
    assert art.paragraphs == [LEAD, BODY]
    assert art.metadata["authors"] == ["Dimas Pratama"]


def test_related_label_after_a_code_is_not_an_author() -> None:
    art = clean(LEAD, BODY, "(fyk/ash)", "Berita Terkait", "Harga Cabai Ikut Naik")
    assert "authors" not in art.metadata
    assert ("Berita Terkait", "related") in removed(art)


def test_lone_closing_line_written_like_a_name_is_kept() -> None:
    art = clean(LEAD, BODY, "Penutup Artikel")
    assert art.paragraphs == [LEAD, BODY, "Penutup Artikel"]
    assert "authors" not in art.metadata


def test_name_like_heading_followed_by_a_list_is_kept() -> None:
    art = clean(LEAD, BODY, "Story Timeline", "First item here", "Second item here", "Third item")
    assert "Story Timeline" in [b.text for b in art.blocks]


def test_dates_below_the_reporting_are_dropped_without_becoming_the_published_date() -> None:
    art = clean("Rabu, 4 November 2015 | 21:04 WIB", LEAD, BODY, "Berita Lainnya", "30 Des 2015 14:18")
    assert art.metadata["published_raw"] == "Rabu, 4 November 2015 | 21:04 WIB"
    # Which rule claims the listed date (byline or related) is not the point here.
    assert "30 Des 2015 14:18" in [text for text, _ in removed(art)]


def test_name_with_lowercase_word_is_not_a_name() -> None:
    assert looks_like_name("Budi Santoso") and looks_like_name("Ahmad bin Ismail")
    assert not looks_like_name("the end of the year")


def test_names_are_split_on_commas_and_joining_words() -> None:
    assert split_names("A Satu, B Dua dan C Tiga & D Empat") == ["A Satu", "B Dua", "C Tiga", "D Empat"]


def test_read_credit_says_none_for_a_sentence() -> None:
    assert read_credit("Editor itu menyebut laporan tersebut belum selesai.") is None


def test_step_keeps_length_and_does_not_mutate_input() -> None:
    blocks = [Block(LEAD), Block("Editor: Budi Santoso")]
    out = drop_bylines()(blocks)
    assert len(out) == 2 and blocks[1].kept and out[1].reason == "byline"


def test_cleaning_the_rendered_article_again_changes_nothing() -> None:
    art = clean("By Jane Doe", LEAD, BODY + " (fyk/ash)", "Editor: Cy Park")
    again = cleannews.clean_text(art.render())
    assert (again.title, again.blocks) == (art.title, art.blocks)
