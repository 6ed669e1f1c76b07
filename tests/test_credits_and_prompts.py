"""Credits, prompts and counters seen on real pages, third round: Russian
photo credits, follow prompts naming several networks, shopping-guide plugs,
subscription offers, '<Topic> More' list headers, author notes, gallery
counts, and the soft hyphen inside a word. Each line is written for the
test in the shape seen on real pages."""

from __future__ import annotations

import pytest

import cleannews
from tests.helpers import REPORT_EN, between, kept, removed

REPORT_RU = "Жители города вышли на улицы утром, чтобы встретить первый снег этой зимы."
REPORT_RU_2 = "Вечером снег прекратился, но мороз усилился до минус двадцати градусов."

SEEN = {
    "caption": [
        "личный архив Марии Ивановой",
        "Из личного архива Анны Петровой",
        "Фото",
        "Фото:",
        "Фото: пресс-служба клуба",
        "@example_photo",
        "The new laptop keyboard with its scissor switches via iFixit",
    ],
    "share": [
        "Follow The Example Times Opinion section on Facebook, Twitter (@ExampleOpinion) and Instagram.",
    ],
    "newsletter": [
        "Get access to the markets subscription service for as little as $5 a month. Use the code SAVE.",
    ],
}
CASES = [(reason, line) for reason, lines in SEEN.items() for line in lines]


@pytest.mark.parametrize(("reason", "line"), CASES, ids=[f"{r}:{line[:30]}" for r, line in CASES])
def test_residue_is_removed_with_its_reason(reason: str, line: str) -> None:
    raw = "\n".join([REPORT_RU, line, REPORT_RU_2]) if reason == "caption" else between(line)
    assert [r for _, r in removed(raw)] == [reason]


LOOK_ALIKES = [
    "Личный архив писателя хранится в музее и открыт для всех.",
    "Фото сделано в 2019 году, когда семья ещё жила в Москве.",
    "Follow the money, investigators told the committee on Tuesday.",
    "Want the best seats? Fans queued overnight outside the stadium for the final.",
    "Readers who get access to the archive can read every issue since 1921.",
    "How to get to the island via ferry",
    "Getting there via rail",
]


@pytest.mark.parametrize("line", LOOK_ALIKES, ids=[line[:30] for line in LOOK_ALIKES])
def test_reporting_that_looks_like_it_is_kept(line: str) -> None:
    raw = "\n".join([REPORT_RU, line, REPORT_RU_2])
    assert line in kept(raw)


@pytest.mark.parametrize(
    "line",
    [
        "He wanted more",
        "Tell me more",
        "Fans asked for more",
        "Nothing more",
        "Less is more",
        "Bigger and more",
    ],
)
def test_a_line_ending_in_more_that_says_something_is_kept(line: str) -> None:
    assert line in kept(between(line))


def test_a_lone_count_above_one_caption_is_kept() -> None:
    lines = ["6", "The hospital where patients were treated last weekCredit: Example Agency"]
    raw = "\n".join([REPORT_EN, *lines, REPORT_EN + " Again."])
    assert "6" in kept(raw)


def test_a_soft_hyphen_inside_a_word_stays() -> None:
    """It is the writer's hyphenation point, and gold text keeps it."""
    line = "Laut Gesetz soll die Akte den Not\u00adfall\u00addaten\u00adsatz aufnehmen, sagte die Ministerin."
    art = cleannews.clean_text(line)
    assert art.paragraphs == [line]


def test_a_stray_soft_hyphen_goes() -> None:
    art = cleannews.clean_text("Die Ministerin sprach am Montag in Berlin vor der Presse. \u00ad")
    assert art.paragraphs == ["Die Ministerin sprach am Montag in Berlin vor der Presse."]
