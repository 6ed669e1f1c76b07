"""The `comments` step: labels, calls to comment and the comment tail."""

from __future__ import annotations

import pytest

import cleannews
from tests.helpers import REPORT_1, REPORT_2, between, kept, removed


@pytest.mark.parametrize(
    "label",
    [
        "Komentar",
        "Kirim Komentar",
        "Tulis Komentar",
        "0 Komentar",
        "Komentar Pembaca",
        "Comments",
        "3 Comments",
        "Leave a Reply",
        "Leave a comment",
        "Show comments",
        "Komen",
    ],
)
def test_a_comment_label_is_removed(label: str) -> None:
    assert removed(between(label)) == [(label, "comments")]


@pytest.mark.parametrize(
    "call",
    [
        "Kesimpulan: Mari kita kawal terus perkembangan isu ini. Suarakan pendapat Anda dengan bijak "
        "di kolom komentar.",
        "Bagaimana menurutmu? Tulis pendapatmu di kolom komentar ya!",
        "Bagikan pendapat Anda di kolom komentar di bawah ini.",
        "What do you think? Tell us in the comments.",
        "Let us know what you think in the comments below.",
        "Leave your thoughts below.",
    ],
)
def test_a_call_to_comment_is_removed(call: str) -> None:
    assert removed(between(call)) == [(call, "comments")]


@pytest.mark.parametrize(
    "reporting",
    [
        "Warganet ramai menuliskan kekecewaan mereka di kolom komentar unggahan tersebut.",
        "Banyak warganet meluapkan kekecewaan di kolom komentar.",
        "Menteri menolak berkomentar ketika ditanya wartawan soal kebijakan itu.",
        "The spokesman declined to comment on the report when asked by reporters on Monday.",
    ],
)
def test_reporting_about_comments_is_kept(reporting: str) -> None:
    assert kept(between(reporting)) == [REPORT_1, reporting, REPORT_2]


def test_the_widget_debris_after_a_comment_label_at_the_tail_goes() -> None:
    raw = "\n".join([REPORT_1, REPORT_2, "Komentar", "Urutkan", "Terbaru", "Muat lebih banyak"])
    assert kept(raw) == [REPORT_1, REPORT_2]
    assert [reason for _, reason in removed(raw)] == ["comments"] * 4


def test_sentences_after_a_comment_label_are_kept() -> None:
    """When the tail holds a sentence, only the labels go: it may be reporting."""
    raw = "\n".join([REPORT_1, "Komentar", "Latar Belakang", REPORT_2])
    assert kept(raw) == [REPORT_1, "Latar Belakang", REPORT_2]


@pytest.mark.parametrize(
    "call",
    [
        "How do you see it? Write in the comment column",
        "How do you see it? Share your view in the comment box.",
        "Bagaimana menurut Anda? Tulis di kolom komentar",
    ],
)
def test_a_question_and_an_instruction_naming_the_comment_column_is_removed(call: str) -> None:
    """Issue 15: the English call was kept at the end of an article."""
    assert removed(between(call)) == [(call, "comments")]


@pytest.mark.parametrize(
    ("question", "call"),
    [
        ("How do you see it?", "Write in the comment column"),
        ("Bagaimana menurut Anda?", "Tulis di kolom komentar"),
    ],
)
def test_a_question_to_the_reader_over_a_call_to_comment_goes_with_it(question: str, call: str) -> None:
    """Issue 15: written on two lines, the question was kept."""
    assert removed(between(question, call)) == [(question, "comments"), (call, "comments")]


@pytest.mark.parametrize(
    "question",
    ["Apakah Anda siap menghadapi kenaikan harga?", "What would you do with the extra money?"],
)
def test_a_question_to_the_reader_in_the_reporting_is_kept(question: str) -> None:
    """Only a call to comment right under it makes such a question residue."""
    assert kept(between(question)) == [REPORT_1, question, REPORT_2]


def test_a_call_glued_after_the_last_sentence_is_cut_and_the_paragraph_kept() -> None:
    """Issue 15: the whole last paragraph was dropped as `comments` with the call glued to it."""
    call = "Bagaimana menurut Anda? Tulis di kolom komentar"
    article = cleannews.clean_text("\n".join([REPORT_1, f"{REPORT_2} {call}"]))
    assert [b.text for b in article.blocks] == [REPORT_1, REPORT_2]
    assert [(r.text, r.reason) for r in article.removed] == [(call, "comments")]
