"""The Article model, the API's type checks and the step list a user edits."""

from __future__ import annotations

import json

import pytest

import cleannews
from cleannews import Article, Block, default_steps
from cleannews.steps import drop_where, run, step_name
from tests.helpers import REPORT_1, REPORT_2

RAW = f"Judul Berita Hari Ini\n\n{REPORT_1}\n\nLatar Belakang\n\n{REPORT_2}\n\nBaca juga: Berita lain"


def test_dict_round_trip_gives_the_same_article() -> None:
    article = cleannews.clean_text(RAW)
    assert Article.from_dict(json.loads(json.dumps(article.to_dict()))) == article


def test_to_dict_has_exactly_the_documented_keys() -> None:
    data = cleannews.clean_text(RAW).to_dict()
    assert set(data) == {"title", "blocks", "removed", "metadata"}
    at = RAW.index("Latar Belakang")
    heading = {"kind": "heading", "text": "Latar Belakang", "level": 2}
    heading |= {"line": 5, "start": at, "end": at + 14}
    assert data["blocks"][1] == heading
    at = RAW.index("Baca juga")
    assert data["removed"] == [
        {"text": "Baca juga: Berita lain", "reason": "related", "line": 9, "start": at, "end": len(RAW)}
    ]


def test_a_subheading_of_plain_text_is_level_2() -> None:
    article = cleannews.clean_text(RAW)
    assert [b.level for b in article.blocks if b.kind == "heading"] == [2]


MARKED = (
    f"# Judul Berita Hari Ini\n\n{REPORT_1}\n\n### Rincian\n\n{REPORT_2}\n\n#### Catatan\n\n{REPORT_1} Lagi."
)


def test_markdown_marks_give_heading_levels_and_are_written_back() -> None:
    article = cleannews.clean_text(MARKED)
    assert [(b.text, b.level) for b in article.blocks if b.kind == "heading"] == [
        ("Rincian", 3),
        ("Catatan", 4),
    ]
    assert "\n### Rincian\n" in article.to_markdown() and "\n#### Catatan\n" in article.to_markdown()


def test_cleaning_the_markdown_again_keeps_the_levels() -> None:
    """Law 3 for levels: the Markdown of a cleaned article cleans to the same levels."""
    article = cleannews.clean_text(MARKED)
    again = cleannews.clean_text(article.to_markdown())
    assert [(b.text, b.level) for b in again.blocks] == [(b.text, b.level) for b in article.blocks]
    assert again.to_markdown() == article.to_markdown()


def test_a_second_level_1_heading_is_level_2_in_the_article() -> None:
    """The title is the article's one ``#``: a second ``#`` line is a level-2 heading."""
    article = cleannews.clean_text(f"# Judul\n\n{REPORT_1}\n\n# Bagian Dua\n\n{REPORT_2}")
    assert [(b.text, b.level) for b in article.blocks if b.kind == "heading"] == [("Bagian Dua", 2)]


def test_dict_round_trip_carries_levels() -> None:
    article = cleannews.clean_text(MARKED)
    again = Article.from_dict(json.loads(json.dumps(article.to_dict())))
    assert [b.level for b in again.blocks] == [b.level for b in article.blocks]
    assert again.to_dict() == article.to_dict()


def test_markdown_and_text_renderings() -> None:
    article = cleannews.clean_text(RAW)
    assert (
        article.to_markdown() == f"# Judul Berita Hari Ini\n\n{REPORT_1}\n\n## Latar Belakang\n\n{REPORT_2}\n"
    )
    assert article.text == f"{REPORT_1}\n\nLatar Belakang\n\n{REPORT_2}"
    assert article.headings == ["Latar Belakang"]
    assert article.paragraphs == [REPORT_1, REPORT_2]


def test_cleaning_markdown_output_keeps_the_blocks() -> None:
    article = cleannews.clean_text(RAW)
    again = cleannews.clean_text(article.to_markdown())
    assert (again.title, again.blocks) == (article.title, article.blocks)


@pytest.mark.parametrize("bad", [b"bytes", None, 42, ["a list"]])
def test_a_non_str_input_gets_a_type_error_that_says_what_was_expected(bad: object) -> None:
    with pytest.raises(TypeError, match="expects raw as str"):
        cleannews.clean_text(bad)  # type: ignore[arg-type]


def test_bytes_input_error_says_how_to_decode() -> None:
    with pytest.raises(TypeError, match="decode"):
        cleannews.clean_text(b"Judul")  # type: ignore[arg-type]


def test_a_user_step_appended_to_the_list_runs_and_its_reason_appears() -> None:
    def tagline(block: Block) -> str | None:
        return "boilerplate" if block.text.startswith("Kantor Berita") else None

    raw = f"{REPORT_1}\nKantor Berita Nusantara, sejak 1998\n{REPORT_2}"
    article = cleannews.clean_text(raw, steps=[*default_steps(), drop_where(tagline)])
    assert [(r.text, r.reason) for r in article.removed] == [
        ("Kantor Berita Nusantara, sejak 1998", "boilerplate")
    ]


def test_removing_a_step_from_the_list_keeps_what_it_would_remove() -> None:
    steps = [s for s in default_steps() if step_name(s) != "drop_certain"]
    assert "Baca juga: Berita lain" in cleannews.clean_text(RAW, steps=steps).paragraphs


def test_a_step_that_breaks_the_contract_gets_a_clear_error() -> None:
    def loses_blocks(blocks: list[Block]) -> list[Block]:
        return blocks[:1]

    with pytest.raises(ValueError, match="loses_blocks must return a list of 2 blocks"):
        run([Block("a"), Block("b")], [loses_blocks])


def test_steps_do_not_mutate_their_input() -> None:
    blocks = [Block("Advertisement"), Block("AIOTRADE"), Block(REPORT_1)]
    before = list(blocks)
    for step in default_steps():
        step(blocks)
    assert blocks == before


@pytest.mark.parametrize(
    "text", ["- 5 derajat lebih dingin dari biasanya.", "* Harga dalam rupiah.", "# 1 di Asia."]
)
def test_a_paragraph_that_starts_like_a_markdown_mark_survives_the_markdown_round_trip(text: str) -> None:
    article = Article(title="Judul Berita", blocks=(Block(REPORT_1), Block(text), Block(REPORT_2)))
    again = cleannews.clean_text(article.to_markdown())
    assert again.blocks == article.blocks


def test_to_record_is_the_flat_shape_with_reason_counts() -> None:
    article = cleannews.clean_text(RAW + "\nBaca juga: Berita kedua")
    record = article.to_record()
    assert list(record) == ["text", "title", "headings", "metadata", "removed"]
    assert record["text"] == article.text
    assert (record["title"], record["headings"]) == ("Judul Berita Hari Ini", ["Latar Belakang"])
    assert record["removed"] == {"related": 2}
    assert json.loads(json.dumps(record)) == record


def test_to_record_with_removals_lists_each_removal_with_its_input_line() -> None:
    raw = f"Judul Berita Hari Ini\n\n{REPORT_1}\n\nBaca juga: Berita lain\nADVERTISEMENT"
    removals = cleannews.clean_text(raw).to_record(removals=True)["removals"]
    assert removals == [
        {"text": "Baca juga: Berita lain", "reason": "related", "line": 5},
        {"text": "ADVERTISEMENT", "reason": "ad", "line": 6},
    ]


def test_to_record_makes_metadata_json_safe() -> None:
    article = Article(metadata={"published": __import__("datetime").date(2024, 5, 1), "score": float("nan")})
    assert article.to_record()["metadata"] == {"published": "2024-05-01", "score": "nan"}
