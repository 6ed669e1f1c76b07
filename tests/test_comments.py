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


ARTICLE_EN = [
    "A new bridge over the river opened on Tuesday, the city said, after three years of building work.",
    "The mayor said the bridge would cut the drive to the hospital by twenty minutes for most families.",
    "Engineers will inspect it again in the spring, when the river is at its highest, the council said.",
]
THREAD = [
    "Marrije Says:",
    "November 7th, 2012 at 9:42 pm",
    "At last. I have waited years for this bridge, and it looks wonderful from our side of the river.",
    "Posted by: Jeff | November 7th, 2012 9:50 pm",
    "Congratulations to everyone who worked on it.",
    "kunlei on November 8th, 2012 at 7:01 am",
    "Will the old ferry keep running? Many of us still use it to get to the market on Saturdays.",
]


@pytest.mark.parametrize("label", ["Comments", "3 Responses to “New bridge”", "12 thoughts on “New bridge”"])
def test_a_comment_thread_under_a_label_is_removed_though_its_comments_are_sentences(label: str) -> None:
    """The comments of a thread are sentences, so no tail opened after the last
    sentence; the headers under the label ("<name> Says:", "<date> at <time>") mark it."""
    article = cleannews.clean_text("\n".join(["Bridge opens", *ARTICLE_EN, label, *THREAD]))
    assert article.paragraphs == ARTICLE_EN
    assert [r.text for r in article.removed] == [label, *THREAD]
    # "Posted by: <name> | <date>" is a credit line to the byline rule, which runs first.
    assert {r.reason for r in article.removed} == {"comments", "byline"}


def test_a_comment_thread_under_a_short_post_is_removed() -> None:
    """A short post with a long thread under it (dragnet-text: a game
    thread whose post is a line-up, 603 lines of comments, and three more
    pages): the thread went unrecognised, as it needed 50 words of article
    above its label. A post of fewer than 10 words of sentences (a photo
    and its line, "Born 11/6/12") still opens none."""
    post = "Our son was born on Tuesday night, and he is already the loudest one in the house."
    label = "3 Responses to “My new project”"
    article = cleannews.clean_text("\n".join(["My new project", post, label, *THREAD]))
    assert article.paragraphs == [post]
    assert [r.text for r in article.removed] == [label, *THREAD]


def test_timestamped_entries_under_a_label_above_the_article_are_kept() -> None:
    """A "Comments" label over a live report of dated entries, with no article
    above it, opens no thread: the entries are the reporting."""
    entries = [
        "Posted on November 7th, 2012 at 9:42 pm",
        ARTICLE_EN[0],
        "Posted on November 7th, 2012 at 10:15 pm",
        ARTICLE_EN[1],
        "Posted on November 8th, 2012 at 7:01 am",
        ARTICLE_EN[2],
    ]
    article = cleannews.clean_text("\n".join(["Bridge opens: live", "Comments", *entries]))
    assert article.paragraphs[-3:] == ARTICLE_EN


def test_two_comment_headers_under_a_label_are_no_thread() -> None:
    """One comment (a name, then a date) is two header lines: fewer than three open no thread."""
    article = cleannews.clean_text("\n".join(["Bridge opens", *ARTICLE_EN, "Comments", *THREAD[:3]]))
    assert THREAD[2] in article.paragraphs
