"""Residue inside a paragraph: inline "Baca juga: <headline>" links and
prompts glued to the end are cut off and recorded; the reporting is kept."""

from __future__ import annotations

import pytest

import cleannews
from cleannews.model import Article, Block, Removed
from cleannews.steps.inline import find_inline_link, find_tail, trim_block

LEAD = "Harga beras di pasar induk naik lagi pada pekan ini, kata para pedagang kepada wartawan."
REST = "Manfaat kerja bakti lainnya adalah menumbuhkan sikap kekeluargaan di antara warga."


def clean(*lines: str) -> cleannews.Article:
    return cleannews.clean_text("\n\n".join(lines))


def test_link_glued_before_reporting_is_cut_and_reporting_kept() -> None:
    art = clean(LEAD, "Baca juga: Kewajiban dalam Kegiatan Kerja Bakti di Sekolah " + REST)
    assert art.paragraphs == [LEAD, REST]
    assert [(r.text, r.reason) for r in art.removed] == [
        ("Baca juga: Kewajiban dalam Kegiatan Kerja Bakti di Sekolah", "related")
    ]


def test_link_between_two_sentences_is_cut_and_both_kept() -> None:
    text = "Warga datang sejak pagi ke lapangan. Baca juga: Lima Cara Menjaga Kebersihan Kampung " + REST
    block = trim_block(Block(text))
    assert block.text == "Warga datang sejak pagi ke lapangan. " + REST
    assert [c.text for c in block.cuts] == ["Baca juga: Lima Cara Menjaga Kebersihan Kampung"]


def test_link_with_question_headline_ends_at_the_question_mark() -> None:
    text = "Read more: Why Do Prices Rise? Officials said the figures would be revised next month."
    start, end = find_inline_link(text)
    assert text[start:end] == "Read more: Why Do Prices Rise?"


@pytest.mark.parametrize(
    "text",
    [
        # A sentence-case headline: where it ends is not clear.
        "Baca juga: Harga beras naik lagi karena pasokan dari daerah berkurang sejak bulan lalu.",
        # The label word inside a sentence, not at a sentence start.
        "Warga diminta baca juga: aturan baru itu sebelum datang ke kantor kelurahan.",
        # A link alone on its line is the related rule's, not a trim.
        "Baca juga: Lima Cara Menjaga Kebersihan Kampung",
        # What follows does not end like a sentence: "Induk" may end the headline.
        "Baca juga: Harga Naik di Pasar Induk warga pun mengeluhkan kenaikan harga itu",
    ],
)
def test_unclear_link_is_not_trimmed(text: str) -> None:
    assert trim_block(Block(text)).cuts == ()


def test_channel_prompt_glued_to_the_last_paragraph_is_cut() -> None:
    tail = "Simak breaking news dan berita pilihan kami langsung di ponselmu. Pilih saluran andalanmu."
    art = clean(LEAD, REST + " " + tail)
    assert art.paragraphs == [LEAD, REST]
    assert [(r.text, r.reason) for r in art.removed] == [(tail, "newsletter")]


def test_related_label_glued_to_the_end_is_cut() -> None:
    art = clean(LEAD, REST + " BERITA TERKAIT +")
    assert art.paragraphs == [LEAD, REST]
    assert [(r.text, r.reason) for r in art.removed] == [("BERITA TERKAIT +", "related")]


def test_sentence_that_starts_like_a_tail_but_goes_on_is_kept() -> None:
    text = REST + " Berita terkait kasus ini juga dimuat oleh media lokal di Bandung."
    assert find_tail(text) is None


def test_whole_line_prompt_is_left_to_the_line_rules() -> None:
    assert find_tail("Simak breaking news dan berita pilihan kami langsung di ponselmu.") is None


def test_cuts_come_in_removed_at_their_blocks_place() -> None:
    art = Article.from_blocks(
        [
            Block("Iklan", reason="ad"),
            Block("Isi.", cuts=(Removed("Baca juga: X", "related"),)),
            Block("Tutup", reason="ad", cuts=(Removed("(ab/cd)", "byline"),)),
        ]
    )
    assert [r.text for r in art.removed] == ["Iklan", "Baca juga: X", "(ab/cd)", "Tutup"]


def test_a_cut_has_the_keys_of_any_removal_in_to_dict() -> None:
    art = clean(LEAD, REST + " BERITA TERKAIT +")
    data = art.to_dict()
    assert set(data["removed"][0]) == {"text", "reason", "line", "start", "end"}
    assert Article.from_dict(data).removed == art.removed


def test_trimmed_text_and_cuts_hold_every_word_of_the_line() -> None:
    line = "Baca juga: Lima Cara Menjaga Kebersihan Kampung " + REST + " BERITA TERKAIT +"
    art = clean(LEAD, line)
    kept = art.paragraphs[1].split() + [w for r in art.removed for w in r.text.split()]
    assert sorted(kept) == sorted(line.split())


def test_cleaning_the_rendered_article_again_changes_nothing() -> None:
    art = clean(LEAD, "Baca juga: Lima Cara Menjaga Kebersihan Kampung " + REST + " BERITA TERKAIT +")
    again = cleannews.clean_text(art.render())
    assert (again.title, again.blocks) == (art.title, art.blocks)


@pytest.mark.parametrize(
    "text",
    [
        f"{LEAD} Baca juga: Harga Beras Naik Lagi {REST}",
        f"{LEAD} BERITA\u00a0 TERKAIT +",
        f"{LEAD} Simak breaking news dan berita pilihan kami langsung di ponselmu.",
        "Demikian kata dia kepada wartawan di Jakarta. (fyk/ash)  ",
        f"{LEAD} READ MORE: Harga Beras Naik Lagi {REST}",
    ],
)
def test_residue_glued_to_a_paragraph_is_cut(text: str) -> None:
    assert trim_block(Block(text)).text != text


def test_a_paragraph_with_nothing_glued_is_returned_as_it_is() -> None:
    block = Block(LEAD)
    assert trim_block(block) is block
