"""The oracles of `tests.oracles` catch what they are for: each is shown a
planted violation of its law (a repair that invents a word, a lost line, a
unit given twice, a reordered block, a reader that does not split) and must
report it. A property whose oracle passes everything proves nothing."""

from __future__ import annotations

from dataclasses import replace

import pytest

import cleannews.steps.fixes
from cleannews import Article, Block, Removed, clean_text
from tests.helpers import REPORT_1, REPORT_2
from tests.oracles import conservation_failures, invented_words, out_of_order, units

RAW = "\n\n".join(["Harga Beras Turun Jelang Lebaran", REPORT_1, "Iklan", "AIOTRADE", REPORT_2])


def test_the_cleaned_article_passes_every_oracle() -> None:
    article = clean_text(RAW)
    assert conservation_failures(RAW, article) == [] and out_of_order(article) == []


def test_a_repair_that_invents_a_word_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    """The old oracle repaired with the library's own `repair_text`, so it
    invented the same word and passed."""
    real = cleannews.steps.fixes.repaired_text

    def inventing(text: str, **options: int) -> tuple[str, tuple[str, ...]]:
        repaired, codes = real(text, **options)
        return repaired + " palsu", codes

    monkeypatch.setattr(cleannews.steps.fixes, "repaired_text", inventing)
    raw = RAW.replace("beras di", "beras&nbsp;di")
    article = clean_text(raw)
    assert any("palsu" in b.text for b in article.blocks)
    assert any("invents ['palsu']" in failure for failure in conservation_failures(raw, article))


def test_a_lost_line_is_caught() -> None:
    article = clean_text(RAW)
    lost = replace(article, blocks=article.blocks[:-1])
    assert conservation_failures(RAW, lost) == [f"line 9 ['{REPORT_2}'] does not come out"]


def test_a_lost_sentence_is_caught() -> None:
    article = clean_text(RAW)
    cut = replace(
        article, blocks=(article.blocks[0].with_text(REPORT_1.split(" untuk")[0]), *article.blocks[1:])
    )
    assert [f.split(" loses")[0] for f in conservation_failures(RAW, cut)] == ["line 3"]


def test_a_unit_given_twice_is_caught() -> None:
    article = clean_text(RAW)
    twice = replace(article, removed=(*article.removed, Removed(REPORT_2, "ad", 9)))
    assert [f.split(":")[0] for f in conservation_failures(RAW, twice)] == ["line 9 comes out twice"]


def test_a_cut_counts_as_its_unit_coming_out() -> None:
    """A site name cut from the title, an inline link cut from a paragraph:
    the words come out once, in the kept text and the cut together."""
    raw = f"Harga Beras Turun - Kompas\n\n{REPORT_1} Baca juga: Harga Cabai Naik"
    article = Article(
        "Harga Beras Turun",
        (Block(REPORT_1, line=3),),
        (Removed("Kompas", "site-name", 1), Removed("Baca juga: Harga Cabai Naik", "related", 3)),
    )
    assert conservation_failures(raw, article) == []
    assert conservation_failures(raw, replace(article, removed=article.removed[:1])) != []


def test_a_title_from_nowhere_is_caught() -> None:
    article = replace(clean_text(RAW), title="Judul Lain Sama Sekali")
    assert any("title" in failure for failure in conservation_failures(RAW, article))


def test_a_reordered_block_is_caught() -> None:
    article = clean_text(RAW)
    swapped = replace(article, blocks=article.blocks[::-1])
    assert out_of_order(swapped) == [f"{REPORT_1!r} (line 3) after line 9"]


def test_a_reader_that_does_not_split_escaped_breaks_is_caught() -> None:
    raw = "Satu kalimat berita.\\nDua kalimat berita."
    assert units(raw) == [(1, "Satu kalimat berita."), (1, "Dua kalimat berita.")]
    assert invented_words("Satu kalimat berita.\\nDua kalimat berita.", [p for _, p in units(raw)]) == {
        "nDua"
    }
