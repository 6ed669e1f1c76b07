"""The title reduced to its headline: site and section names and glued
bylines or dates cut off (and recorded), repeats of the title dropped."""

from __future__ import annotations

import pytest

import cleannews
from cleannews.steps.titles import split_title

LEAD = "Harga beras di pasar induk naik lagi pada pekan ini, kata para pedagang kepada wartawan."
BODY = "Pemerintah berjanji menambah pasokan beras dari gudang Bulog dalam beberapa hari ke depan."


def clean(*lines: str) -> cleannews.Article:
    return cleannews.clean_text("\n\n".join(lines))


@pytest.mark.parametrize(
    ("title", "headline", "site"),
    [
        ("Harga Beras Naik Lagi - detikNews", "Harga Beras Naik Lagi", "detikNews"),
        ("Harga Beras Naik Lagi | Kompas.com", "Harga Beras Naik Lagi", "Kompas.com"),
        ("Harga Beras Naik Lagi - Halaman all - Kompas.com", "Harga Beras Naik Lagi", "Kompas.com"),
        (
            "Rice prices rise again in the region - The Verge",
            "Rice prices rise again in the region",
            "The Verge",
        ),
        ("Rice prices rise again in Asia – SFGate", "Rice prices rise again in Asia", "SFGate"),
        ("Rice prices rise again : CityAM", "Rice prices rise again", "CityAM"),
        ("Rice prices rise again :: Kompas.com", "Rice prices rise again", "Kompas.com"),
        ("Rice prices rise again · Kompas.com", "Rice prices rise again", "Kompas.com"),
        ("Harga Beras Naik Lagi : Okezone News", "Harga Beras Naik Lagi", "Okezone News"),
        ("Kompas.com | Harga Beras Naik Lagi", "Harga Beras Naik Lagi", "Kompas.com"),
        ("Rice prices rise again | World | News | Express.co.uk", "Rice prices rise again", "Express.co.uk"),
    ],
)
def test_site_name_is_cut_off_the_title_into_metadata(title: str, headline: str, site: str) -> None:
    art = clean(title, LEAD, BODY)
    assert art.title == headline
    assert art.metadata["site_name"] == site
    assert (site, "site-name") in [(r.text, r.reason) for r in art.removed]
    assert art.paragraphs == [LEAD, BODY]


def test_colon_inside_a_headline_is_no_separator() -> None:
    title = "Fact Check: Is An Oxygen Bar Offering Fresh Air?"
    assert split_title(title) == (title, [])


def test_section_before_the_headline_is_cut() -> None:
    art = clean("Opinion | Republicans Are Following Trump Nowhere - The New York Times", LEAD)
    assert art.title == "Republicans Are Following Trump Nowhere"
    assert art.metadata["sections"] == ["Opinion"]


@pytest.mark.parametrize(
    "title",
    [
        "Star Wars review - shoots for the moon, lands among the stars",
        "Take C.A.R.E. - comwrap auf der Messe 2018",
        "Our Research Shows - A Mix of Ad Units Generates the Highest Engagement for Marketers",
        "Brexit - The Latest",
        "Dare to Play 3 / October pack",
    ],
)
def test_title_whose_parts_are_all_headline_is_kept_whole(title: str) -> None:
    assert split_title(title) == (title, [])


def test_two_brand_like_parts_in_a_row_are_not_cut() -> None:
    title = "The Early Reviews Are Here — And They Disagree Now - Digg"
    assert split_title(title) == (title, [])


def test_section_within_a_named_site_is_cut_too() -> None:
    head, cuts = split_title("Helicopter crash kills two in the north | Afghanistan News | Al Jazeera")
    assert head == "Helicopter crash kills two in the north"
    assert [c.text for c in cuts] == ["Afghanistan News", "Al Jazeera"]


def test_title_that_would_not_read_as_a_headline_once_cut_is_left_whole() -> None:
    line = "Prices rise: “We needed to win this” – ProFootballTalk"
    art = clean(line, LEAD)
    assert art.title == line


def test_body_line_repeating_the_start_of_the_title_shows_where_the_headline_ends() -> None:
    head, cuts = split_title("Harga beras naik - kata pedagang pasar", frozenset({"harga beras naik"}))
    assert head == "Harga beras naik"
    assert [c.text for c in cuts] == ["kata pedagang pasar"]


def test_headline_repeated_in_the_body_is_dropped_as_duplicate_title() -> None:
    art = clean("Harga Beras Naik Lagi - detikNews", "Harga Beras Naik Lagi", LEAD, BODY)
    assert art.title == "Harga Beras Naik Lagi"
    assert ("Harga Beras Naik Lagi", "duplicate-title") in [(r.text, r.reason) for r in art.removed]
    assert art.paragraphs == [LEAD, BODY]


def test_full_title_line_repeated_in_the_body_is_dropped_as_duplicate_title() -> None:
    art = clean("Harga Beras Naik Lagi - detikNews", LEAD, "Harga Beras Naik Lagi - detikNews", BODY)
    assert art.paragraphs == [LEAD, BODY]


def test_author_and_date_glued_to_the_title_go_to_metadata() -> None:
    line = "Festival Film Asia Digelar di Italia Annisa, Minggu 15 April 2018 02:30 WIB 0 Komentar"
    art = clean(line, LEAD)
    assert art.title == "Festival Film Asia Digelar di Italia"
    assert art.metadata["authors"] == ["Annisa"]
    assert art.metadata["published_raw"] == "Minggu 15 April 2018 02:30 WIB"
    assert art.metadata["published"] == "2018-04-15T02:30:00+07:00"
    assert [r.reason for r in art.removed] == ["byline", "byline"]


def test_labelled_author_and_date_after_a_separator_go_to_metadata() -> None:
    line = "Harga Beras Naik Lagi Penulis Budi Santoso | Senin, 7 November 2025 10:00 WIB 0 Komentar"
    art = clean(line, LEAD)
    assert art.title == "Harga Beras Naik Lagi"
    assert art.metadata["authors"] == ["Budi Santoso"]
    assert art.metadata["published_raw"] == "Senin, 7 November 2025 10:00 WIB"
    assert art.metadata["published"] == "2025-11-07T10:00:00+07:00"


def test_date_inside_a_headline_is_kept() -> None:
    title = "Banjir 1 Januari 2020 Masih Diingat Warga Jakarta"
    assert split_title(title) == (title, [])


def test_cut_spans_and_headline_hold_every_word_of_the_title_line() -> None:
    line = "Opinion | Harga Beras Naik Lagi | Ekonomi | Kompas.com"
    art = clean(line, LEAD)
    kept = (art.title or "").split() + [w for r in art.removed for w in r.text.split()]
    assert sorted(kept) == sorted(w for w in line.split() if w != "|")


def test_cleaning_the_rendered_article_again_changes_nothing() -> None:
    art = clean("Rice prices rise again | World | News | Express.co.uk", "Rice prices rise again", LEAD, BODY)
    again = cleannews.clean_text(art.render())
    assert (again.title, again.blocks) == (art.title, art.blocks)


@pytest.mark.parametrize(
    "line",
    [
        "Kompas.com - Baca juga: Harga Naik",
        "Senin, 7 November 2025 10:00 WIB - detikNews",
        "Harga Naik Lagi Senin, 7 November 2025 10:00 WIB Senin, 7 November 2025 10:00 WIB",
    ],
)
def test_title_cut_is_one_a_second_cleaning_agrees_with(line: str) -> None:
    art = clean(line, LEAD)
    again = cleannews.clean_text(art.render())
    assert (again.title, again.blocks) == (art.title, art.blocks)


def test_title_given_by_the_caller_is_reduced_too() -> None:
    art = cleannews.clean_text(f"{LEAD}\n\n{BODY}", title="Harga Beras Naik Lagi - detikNews")
    assert art.title == "Harga Beras Naik Lagi"
    assert art.metadata["site_name"] == "detikNews"


def test_a_chinese_or_japanese_sentence_is_no_title() -> None:
    """An untitled post opening with a sentence ended by "。" gave it as the title."""
    lead = "先日、不正に改造した携帯電話を販売したとして、男性が逮捕されたというニュースを聞いた。"
    rest = "警察によると、男性は容疑を認めているという。詳しい経緯を調べている。"
    article = cleannews.clean_text(f"{lead}\n{rest}")
    assert article.title is None
    assert article.paragraphs == [lead, rest]
