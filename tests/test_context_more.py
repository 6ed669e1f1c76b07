"""Residue found by its place, second round: captions closed by a credit,
Hearst caption toggles, post navigation over linked headlines. Each case is
a short excerpt written for the test in the shape seen on real pages."""

from __future__ import annotations

from tests.helpers import REPORT_EN, kept, removed

REPORT_EN_2 = "Officials said the plan would be reviewed again by the council at the end of the month."


def test_a_caption_above_a_slash_credit_is_dropped() -> None:
    caption = "Smoke from burning fields drifts over the city and harms the air."
    raw = "\n".join([REPORT_EN, caption, "Jane Roe/Example Times/Getty Images", REPORT_EN_2])
    assert (caption, "caption") in removed(raw)
    assert kept(raw) == [REPORT_EN, REPORT_EN_2]


def test_a_caption_above_a_courtesy_credit_is_dropped() -> None:
    caption = "In a micrograph of the tissue, the new cells are stained green (at left)."
    raw = "\n".join([REPORT_EN, caption, "Courtesy of Jane Roe", REPORT_EN_2])
    assert kept(raw) == [REPORT_EN, REPORT_EN_2]


def test_a_labelled_line_above_a_credit_is_kept() -> None:
    note = "Disclosure: Example may earn a commission from some of the products on this page."
    raw = "\n".join([REPORT_EN, note, "Jane Roe/Example", REPORT_EN_2])
    assert note in kept(raw)


def test_a_long_paragraph_above_a_credit_is_kept() -> None:
    paragraph = " ".join([REPORT_EN] * 5)
    raw = "\n".join([paragraph, "Jane Roe/Example Times/Getty Images", REPORT_EN_2])
    assert paragraph in kept(raw)


def test_a_paragraph_above_an_image_copyright_line_is_kept() -> None:
    """An "Image copyright" credit stands above its picture, not under a caption."""
    raw = "\n".join([REPORT_EN, "Image copyright Getty Images", REPORT_EN_2])
    assert kept(raw) == [REPORT_EN, REPORT_EN_2]


def test_captions_with_a_gallery_toggle_glued_on_are_dropped() -> None:
    full = "The mayor, left, and the governor open the new bridge on Tuesday, Nov. 19, 2019. less"
    short = "The mayor, left, and the governor open the new bridge on ... more"
    raw = "\n".join([REPORT_EN, full, short, REPORT_EN_2])
    assert [r for _, r in removed(raw)] == ["caption", "caption"]


def test_reporting_that_ends_in_less_or_more_is_kept() -> None:
    lines = ["Prices rose. Wages did not, and families now spend less", "Give more"]
    raw = "\n".join([REPORT_EN, *lines, REPORT_EN_2])
    assert kept(raw) == [REPORT_EN, *lines, REPORT_EN_2]


def test_headlines_under_post_navigation_are_dropped() -> None:
    raw = "\n".join(
        [
            REPORT_EN,
            REPORT_EN_2,
            "- Next Auto News",
            "Example Motors shows a seven-seat crossover",
            "The new crossover measures less than four meters long",
            "Previous Article",
            "City opens its first electric bus depot",
        ]
    )
    assert kept(raw) == [REPORT_EN, REPORT_EN_2]


def test_a_bare_next_line_does_not_head_a_list() -> None:
    raw = "\n".join([REPORT_EN, "Next", "What Comes After the Vote", REPORT_EN_2])
    assert "What Comes After the Vote" in kept(raw)


def test_a_paragraph_above_a_staff_photo_credit_is_kept() -> None:
    """A "<name>/<site>" credit may stand alone under a lead picture."""
    raw = "\n".join([REPORT_EN, "Jane Roe/Example News", REPORT_EN_2])
    assert REPORT_EN in kept(raw)


def test_an_agency_credit_goes_with_the_line_above_it() -> None:
    """An agency picture comes with its caption, so the line right above an
    agency credit is read as that caption (moved here from test_lines, where
    a credit sat under a paragraph of reporting)."""
    raw = "\n".join([REPORT_EN, "Jane Doe/Example Times/Getty Images", REPORT_EN_2])
    assert removed(raw) == [(REPORT_EN, "caption"), ("Jane Doe/Example Times/Getty Images", "caption")]


def test_a_teaser_printed_twice_in_a_row_is_dropped_with_its_label() -> None:
    teaser = ["Business", "Column: City papers face a new owner and old debts"]
    raw = "\n".join([REPORT_EN, *teaser, *teaser, REPORT_EN_2])
    assert kept(raw) == [REPORT_EN, REPORT_EN_2]
    assert {r for _, r in removed(raw)} == {"duplicate"}


def test_a_sentence_printed_twice_in_a_row_is_kept() -> None:
    raw = "\n".join([REPORT_EN, REPORT_EN_2, REPORT_EN_2])
    assert kept(raw) == [REPORT_EN, REPORT_EN_2, REPORT_EN_2]


def test_a_short_cell_repeated_in_a_row_is_kept() -> None:
    raw = "\n".join([REPORT_EN, "1 tackle", "1 tackle", REPORT_EN_2])
    assert kept(raw) == [REPORT_EN, "1 tackle", "1 tackle", REPORT_EN_2]


def test_a_line_repeated_further_down_is_kept() -> None:
    line = "Add the flour, the sugar and the butter to the bowl"
    raw = "\n".join([REPORT_EN, line, REPORT_EN_2, line, REPORT_EN])
    assert kept(raw).count(line) == 2


def test_deal_text_that_starts_with_sign_up_is_kept() -> None:
    deals = [
        "Sign up for a streaming account without ads for $11.99 a month",
        "Sign up for the family bundle using the same email as your account",
    ]
    raw = "\n".join([REPORT_EN, *deals, REPORT_EN_2])
    assert kept(raw) == [REPORT_EN, *deals, REPORT_EN_2]


def test_newsletter_prompts_that_start_with_sign_up_are_dropped() -> None:
    prompts = [
        "Sign up for our weekly digest and never miss a story",
        "Sign up for the Morning Brief newsletter to get the news first",
        "Sign up to Example Daily alerts for free",
    ]
    raw = "\n".join([REPORT_EN, *prompts, REPORT_EN_2])
    assert [r for _, r in removed(raw)] == ["newsletter"] * 3


def test_a_note_naming_the_original_publisher_is_kept() -> None:
    note = "This article was originally published by Example Science. Read the original article."
    assert note in kept("\n".join([REPORT_EN, REPORT_EN_2, note]))


def test_a_headline_in_capitals_between_paragraphs_is_dropped() -> None:
    teaser = "SINGER SAYS THE SHOW HAS HELPED HER LOSE 25 POUNDS"
    raw = "\n".join([REPORT_EN, teaser, REPORT_EN_2])
    assert removed(raw) == [(teaser, "related")]


def test_a_short_sub_heading_in_capitals_is_kept() -> None:
    heading = "HOW TO USE A WATER BATH CANNER"
    raw = "\n".join([REPORT_EN, heading, REPORT_EN_2])
    assert heading in kept(raw)


def test_a_line_in_capitals_without_prose_around_it_is_kept() -> None:
    line = "THE TEAM WON THE FINAL IN THE LAST MINUTE OF PLAY"
    raw = "\n".join([REPORT_EN, line, "Scores", REPORT_EN_2])
    assert line in kept(raw)


def test_a_japanese_related_list_is_dropped() -> None:
    raw = "\n".join(
        [
            "特許の判決について、今回は商標の事例を紹介します。",
            "関連記事",
            "2016年08月03日",
            "「ある商品」事件 －判決シリーズ",
        ]
    )
    assert [r for _, r in removed(raw)] == ["related"] * 3


def test_a_japanese_sentence_naming_related_articles_is_kept() -> None:
    line = "関連記事によると、判決は来月に出る予定です。"
    assert line in kept("\n".join([REPORT_EN, line, REPORT_EN_2]))


PROMPTS_AND_CREDITS = [
    ("Listen to Example Radio live at 12:45 weekdays - or listen back here.", "promo"),
    ("How to listen to The Example Podcast", "promo"),
    ("Each week the host looks at the week in politics. Click to subscribe!", "promo"),
    ("Want more? Sign up for The Example Brief today to get the free daily newsletter.", "newsletter"),
    ("download acme firmware", "ad"),
    ("A cyclist rides past a closed plant, November 19, 2019. © Reuters / Jane Roe", "caption"),
    ("A stock image of a field at dawn. Researchers looked at the harvest. Getty", "caption"),
]


def test_prompts_and_credits_seen_on_real_pages_are_dropped() -> None:
    for line, reason in PROMPTS_AND_CREDITS:
        assert removed("\n".join([REPORT_EN, line, REPORT_EN_2])) == [(line, reason)], line


PROMPT_LOOK_ALIKES = [
    "He said listeners could listen back to the debate on the station's website later that day.",
    "The firmware update fixed the battery bug, the company said on Monday.",
    "Prices fell 3% on Tuesday, according to figures from Reuters and the central bank.",
    "He signed up for the army at 18 and served for a decade.",
]


def test_reporting_that_looks_like_a_prompt_or_credit_is_kept() -> None:
    for line in PROMPT_LOOK_ALIKES:
        assert line in kept("\n".join([REPORT_EN, line, REPORT_EN_2])), line


def test_the_authors_note_closing_the_text_is_dropped() -> None:
    bio = "Jane Roe is Example's deal curator and writes about gadgets every week."
    assert removed("\n".join([REPORT_EN, REPORT_EN_2, bio])) == [(bio, "byline")]


def test_a_sentence_about_a_fellow_higher_up_is_kept() -> None:
    line = "John Roe is a senior fellow at the Example Institute and has studied the port for years."
    raw = "\n".join([REPORT_EN, line, REPORT_EN_2, REPORT_EN, REPORT_EN_2])
    assert line in kept(raw)


def test_russian_comment_widgets_and_a_popular_list_header_are_dropped() -> None:
    lines = ["Отзывы", "Добавить отзыв", "Самые популярные диеты", "Белковая диета"]
    raw = "\n".join([REPORT_EN, REPORT_EN_2, *lines])
    assert [r for _, r in removed(raw)][:3] == ["comments", "comments", "related"]
    assert kept(raw) == [REPORT_EN, REPORT_EN_2]


def test_an_italian_read_also_link_is_dropped_and_a_bare_label_kept() -> None:
    link = "(Leggi anche su: Il film arriva in autunno –FOTO)"
    assert removed("\n".join([REPORT_EN, link, REPORT_EN_2])) == [(link, "related")]
    assert "Leggi anche" in kept("\n".join([REPORT_EN, "Leggi anche", REPORT_EN_2]))


def test_headlines_with_their_decks_under_a_list_header_are_dropped() -> None:
    raw = "\n".join(
        [
            REPORT_EN,
            REPORT_EN_2,
            "Most popular",
            "Bean Soup Diet",
            "A popular diet for busy people. Lose up to 5 kg in 14 days.",
            "Rice Diet",
            "The simplest diet of all. Two menus to choose from.",
            "Apple Diet",
            "Few rules and quick results. Lose up to 7 kg in a week.",
        ]
    )
    assert kept(raw) == [REPORT_EN, REPORT_EN_2]


def test_two_headlines_with_short_paragraphs_under_a_header_keep_the_paragraphs() -> None:
    first, second = "The club confirmed the deal on Wednesday.", "Fans gathered outside the stadium."
    raw = "\n".join([REPORT_EN, "Related", "Council approves flood wall plan", first, "Reaction", second])
    assert [first, second] == [t for t in kept(raw) if t in (first, second)]


def test_a_paragraph_after_a_list_of_bare_headlines_is_kept() -> None:
    short = "The club confirmed the deal on Wednesday."
    raw = "\n".join(
        [
            REPORT_EN,
            "Related Stories",
            "Council approves flood wall plan",
            "River levels fall after the storm",
            short,
            "Club statement",
            REPORT_EN_2,
        ]
    )
    assert short in kept(raw)


def test_a_paragraph_after_one_listed_headline_is_kept_when_reporting_follows() -> None:
    short = "The club confirmed the deal on Wednesday."
    raw = "\n".join([REPORT_EN, "Related Stories", "Council approves flood wall plan", short, REPORT_EN_2])
    assert short in kept(raw)


def test_a_name_over_a_job_title_line_is_dropped() -> None:
    raw = "\n".join([REPORT_EN, REPORT_EN_2, "Jane Roe", "Contributing Writer"])
    assert removed(raw) == [("Jane Roe", "byline"), ("Contributing Writer", "byline")]


def test_a_short_heading_over_a_by_line_is_kept() -> None:
    raw = "\n".join([REPORT_EN, "Flood Wall Plan", "By Jane Roe", REPORT_EN_2])
    assert "Flood Wall Plan" in kept(raw)
