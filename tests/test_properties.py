"""The specification of cleannews: each law of the design is a property.

``docs/spec.md`` states every property here in plain words beside the name
of its test. Generators live in ``strategies.py``; profiles (``ci``,
``deep``) in ``conftest.py``. A failure hypothesis found was fixed in the
library and left an ``@example`` behind.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from cleannews import Article, clean_text, default_steps
from cleannews.readers.text import read_text
from cleannews.steps import drop_where, run
from tests.oracles import by_line, conservation_failures, invented_words, out_of_order
from tests.strategies import (
    RESIDUE,
    Draft,
    Piece,
    any_text,
    clean_drafts,
    comment_tails,
    damaged_drafts,
    dirty_drafts,
    layouts,
    leeway,
    nasty_text,
    repeated_titles,
    squeeze,
    stories,
)
from tests.timing import assert_linear

# ---------------------------------------------------------------- oracles
# The laws are checked by `tests.oracles`, which shares no code with the
# library: its units, repairs and words are written from the design.


def shape(article: Article) -> tuple[str | None, list[tuple[str, str]]]:
    return article.title, [(b.kind, b.text) for b in article.blocks]


def asserted(article: Article, draft: Draft) -> tuple[str | None, list[tuple[str, str]]]:
    """`shape` without what the draft's leeway pieces gave (`Draft.loose`)."""
    loose = draft.loose
    title = None if article.title in loose else article.title
    return title, [(b.kind, b.text) for b in article.blocks if b.text not in loose]


def removed_as_drafted(article: Article, draft: Draft) -> bool:
    """Whether the article removed each residue line of ``draft`` (leeway
    pieces aside), in order, for one of the reasons it may be removed for."""
    removed = [r for r in article.removed if squeeze(r.text) not in draft.loose]
    residue = draft.residue
    return len(removed) == len(residue) and all(
        r.reason in reasons and (r.text in squeeze(line) or r.text == line.strip())
        for r, (line, reasons) in zip(removed, residue, strict=True)
    )


# ---------------------------------------------------------------- law 5: total and bounded

NOT_STR = st.one_of(
    st.none(),
    st.integers(),
    st.floats(allow_nan=False),
    st.binary(),
    st.lists(st.text(max_size=3), max_size=3),
    st.dictionaries(st.text(max_size=3), st.text(max_size=3), max_size=2),
    st.builds(bytearray, st.binary()),
)


@given(any_text)
@example("")
@example("   \n\t \n")
@example("\\n\\n\\n")
@example("\ud800\x00\x85\u2028")
def test_any_str_gives_an_article(raw: str) -> None:
    assert isinstance(clean_text(raw), Article)


@given(any_text, any_text)
def test_any_str_title_gives_an_article(raw: str, title: str) -> None:
    article = clean_text(raw, title=title)
    assert isinstance(article, Article)


@given(NOT_STR)
def test_non_str_input_raises_type_error_naming_str(value: object) -> None:
    with pytest.raises(TypeError, match=r"clean_text\(\) expects raw as str, got"):
        clean_text(value)  # type: ignore[arg-type]


@given(NOT_STR.filter(lambda v: v is not None))
def test_non_str_title_raises_type_error_naming_str(value: object) -> None:
    with pytest.raises(TypeError, match=r"clean_text\(\) expects title as str, got"):
        clean_text("Isi berita.", title=value)  # type: ignore[arg-type]


#: Builders of one long line, ``count -> text``; ``count`` lines up with their
#: old fixed sizes of about 200,000 characters at GROWTH times the base.
LONG_LINES: dict[str, Callable[[int], str]] = {
    "letters": lambda n: "a" * (n * 8),
    "words": lambda n: "kata " * (n * 2),
    "labels": lambda n: "Baca juga: " * n,
    "decoration": lambda n: "-:|•" * (n * 2),
    "backslashes": lambda n: "\\" * (n * 8),
    "escaped breaks": lambda n: "\\n" * (n * 4),
    "almost an escape line": lambda n: " \\n" * (n * 3) + "x",
    "ampersands": lambda n: "&amp;" * (n * 2),
    "unterminated entities": lambda n: "&#1234567" * n,
    "byline-like": lambda n: "by a. " * n,
    "codes": lambda n: "ab/" * (n * 3),
    "copyright": lambda n: "© " + "x " * (n * 4),
    "comments": lambda n: "komentar " * n,
    "mojibake": lambda n: "Ã¢â‚¬Å“ " * n,
}
LONG_LINE_BASE = 2_500


@pytest.mark.parametrize("name", sorted(LONG_LINES))
def test_a_long_line_is_cleaned_in_linear_time(name: str) -> None:
    """One line of up to about two hundred thousand characters takes time
    linear in its length: no pattern backtracks catastrophically."""
    assert_linear(LONG_LINES[name], clean_text, LONG_LINE_BASE, name)


@given(st.lists(nasty_text, min_size=1, max_size=4).map("".join), st.integers(125, 500))
@settings(max_examples=max(10, settings.default.max_examples // 15))  # each example is a long line
def test_a_long_line_of_any_repeated_text_is_cleaned_in_linear_time(chunk: str, times: int) -> None:
    """Any short text repeated into one line of up to ~500,000 characters is
    cleaned in time linear in its length (a pattern that backtracks grows
    with the square of it)."""
    assert_linear(lambda n: chunk * n, clean_text, times, repr(chunk[:40]))


# ---------------------------------------------------------------- law 3: idempotent


@given(st.one_of(dirty_drafts().map(lambda d: d.raw), clean_drafts().map(lambda d: d.raw), any_text))
@example("#\u00a00")  # a Markdown mark after a no-break space was read only on the second pass
@example("  # Judul")
@example("\\\x08n")  # an escaped break hidden by a control character, read as a break the second time
@example("Satu kalimat.&#92;nDua kalimat.")
@example("Â\\t0")  # ftfy saw the mojibake "Â " only once the tab escape was a space
@example("\x08\\r")  # escape debris left once the control character was removed
@example("#\x08 0")  # a control character hid a Markdown mark from the reader
@example("# :")  # a Markdown title with no words is no headline in plain text
@example("B\rAA\rA\rb\rAA\rA\rB\rAA\rA")  # a row printed three times left two copies, found again
def test_cleaning_a_rendered_article_changes_nothing(raw: str) -> None:
    """Cleaning the rendering of a cleaned article gives the same title and
    blocks. The rendering is `render()` (plain text) for text input, and
    `to_markdown()` for input the reader takes as Markdown: a Markdown
    title or heading need not read as one in plain text (known limit)."""
    first = clean_text(raw)
    markdown = any(b.kind != "paragraph" for b in read_text(raw))
    again = clean_text(first.to_markdown() if markdown else first.render())
    assert shape(again) == shape(first)


# ---------------------------------------------------------------- law 2: nothing invented


@given(st.one_of(dirty_drafts().map(lambda d: d.raw), any_text))
@example("0\x080\x9d0:")  # the oracle took "00" for invented: one control character repaired, one left
def test_kept_text_occurs_in_the_repaired_input(raw: str) -> None:
    """Every word of a kept block is a word of its input line, as written or
    as the oracle repairs it; the title's words are those of some line."""
    article = clean_text(raw)
    lines = by_line(raw)
    for block in article.blocks:
        assert not invented_words(block.text, lines[block.line])
    if article.title is not None:
        assert any(not invented_words(article.title, line) for line in lines.values())


@given(dirty_drafts())
def test_undamaged_input_comes_out_character_for_character(draft: Draft) -> None:
    article = clean_text(draft.raw)
    for text in [article.title or "", *(b.text for b in article.blocks)]:
        assert text in draft.raw


@given(damaged_drafts())
def test_repairs_give_back_the_undamaged_story(drafts: tuple[Draft, Draft]) -> None:
    clean, damaged = drafts
    assert shape(clean_text(damaged.raw)) == shape(clean_text(clean.raw))


# ---------------------------------------------------------------- law 1: nothing lost


@given(st.one_of(dirty_drafts().map(lambda d: d.raw), any_text))
@example("Â\u00ad")  # the reader drops the soft hyphen before ftfy sees mojibake
@example("Â\xadA")  # ftfy reads "Â" and a soft hyphen as a mis-decoded soft hyphen: the oracle did not
@example("0\x080\x9d0")  # a title with one control character repaired and one left
@example("\x81Ü\x88")  # ftfy's one pass read "\x88" as "ˆ"; the oracle's further passes read more
@example("Ä\x1b\x80")  # ftfy reads "Ä\x80" once the reader dropped the escape character
@example("\\r&amp0")  # an escaped return alone is a break: the oracle's units did not split there
def test_every_input_unit_comes_out_once(raw: str) -> None:
    """Each unit's words come out once, on the line they came from: in the
    title, a kept block, a removed entry or a cut; every removed entry has
    a reason code."""
    article = clean_text(raw)
    assert conservation_failures(raw, article) == []
    assert all(r.reason for r in article.removed)


# ---------------------------------------------------------------- law 4: order kept


@given(st.one_of(dirty_drafts().map(lambda d: d.raw), any_text))
def test_blocks_and_removed_come_out_in_input_order(raw: str) -> None:
    assert out_of_order(clean_text(raw)) == []


# ---------------------------------------------------------------- law 6: conservative


@given(clean_drafts())
def test_a_clean_article_passes_unchanged(draft: Draft) -> None:
    """Reporting without residue comes out block for block: title, headings
    and paragraphs, nothing removed."""
    article = clean_text(draft.raw)
    assert shape(article) == (draft.title, draft.content)
    assert article.removed == ()


@given(st.data(), st.sampled_from(sorted(RESIDUE)))
def test_injected_residue_is_removed_with_its_reason(data: st.DataObject, reason: str) -> None:
    """Residue of each kind, inserted anywhere between blocks, is removed for
    its reason; every block around it is kept exactly."""
    draft = data.draw(dirty_drafts(RESIDUE[reason]))
    article = clean_text(draft.raw)
    assert asserted(article, draft) == (draft.title, draft.content)
    assert removed_as_drafted(article, draft), ([(r.text, r.reason) for r in article.removed], draft.residue)


REPORT = "Presiden Joko Widodo mengatakan bahwa harga beras akan diumumkan pada Senin (1/1)."


@given(dirty_drafts())
@example(  # a comment label in mid-article kept the widget debris at the tail
    Draft(
        (
            Piece(("Komentar",), reason="comments"),
            Piece((REPORT,)),
            Piece(("Komentar", "Balas"), reason="comments"),
        )
    )
)
@example(  # a paragraph saying one sentence twice, after ad copy, was taken for a logo text
    Draft(
        (Piece(("Advertisement", "AIOTrade App AIOTrade App"), reason="ad"), Piece((f"{REPORT} {REPORT}",)))
    )
)
@example(Draft((Piece((REPORT,)), Piece(("Penulis:Andi Saputra",), reason="byline"))))  # no space after ':'
@example(  # a heading with an acronym right after ad copy was taken for more copy
    Draft(
        (
            Piece((REPORT,)),
            Piece(("Iklan", "AIOTRADE"), reason="ad"),
            Piece(("Sikap OJK",), "heading"),
            Piece((REPORT,)),
        )
    )
)
@example(  # the generator's own check for a separator-only line missed a single "\\n"
    Draft((Piece(("\\n",), reason="escape-artifact"), Piece((REPORT,))), layout="\\n")
)
@example(Draft((Piece(("[aa/aa]",), reason="byline"), Piece((REPORT,)))))  # codes in square brackets
@example(  # a related-list header over the title took the title for its item
    Draft(
        (
            Piece(("Berita Terkait",), reason="related"),
            Piece(("Presiden Joko Widodo Tinjau Harga Beras di Jakarta",), "title"),
            Piece((REPORT,)),
        )
    )
)
@example(Draft((Piece((REPORT,)), Piece(("(Home)",), reason="navigation"))))  # a word in brackets is no code
@example(Draft((Piece(("(HOME)",), reason="navigation"), Piece((REPORT,)))))  # a navigation word in capitals
@example(  # ... nor the title and its repeat under it for two items
    Draft(
        (
            Piece(("Berita Terkait",), reason="related"),
            Piece(("Presiden Joko Widodo Tinjau Harga Beras di Jakarta",), "title"),
            Piece(("Presiden Joko Widodo Tinjau Harga Beras di Jakarta",), reason="duplicate-title"),
            Piece((REPORT,)),
        )
    )
)
@example(  # codes behind a bullet were kept, and read as a heading
    Draft(
        (
            Piece(("Penulis: Andi Saputra",), reason="byline"),
            Piece(("» aa/aa",), reason="byline"),
            Piece((REPORT,)),
        )
    )
)
@example(  # a comment label in capitals under the reporting was taken for a credit in capitals
    Draft((Piece((REPORT,)), Piece(("KIRIM KOMENTAR",), reason="comments")))
)
@example(  # the title over a "Read more" link was taken for a related teaser
    Draft(
        (
            Piece(("Berita Terkait",), reason="related"),
            Piece(("Presiden Joko Widodo Tinjau Harga Beras di Jakarta",), "title"),
            Piece(("Read more",), reason="related"),
            Piece((REPORT,)),
        )
    )
)
@example(  # a heading over a closing credit was taken for the headline in other words
    Draft(
        (
            Piece(("SCROLL TO CONTINUE WITH CONTENT",), reason="marker"),
            Piece(("President Joe Biden Visits London as The Price Of Eggs Talks Stall",), "title"),
            Piece(("How New York Responded",), "heading"),
            Piece(("Reporting by Andi Saputra; Editing by Andi Saputra",), reason="byline"),
            Piece(("President Joe Biden said on Monday (1/1) that the price of eggs would be announced.",)),
        )
    )
)
@example(  # the title repeated under the reporting read as a closing credit of names
    Draft(
        (
            Piece(("SCROLL TO CONTINUE WITH CONTENT",), reason="marker"),
            Piece(("BPS Umumkan Kebijakan Baru, Pasar Bereaksi",), "title"),
            Piece((REPORT,)),
            Piece((REPORT,)),
            Piece(("BPS Umumkan Kebijakan Baru, Pasar Bereaksi",), reason="duplicate-title"),
        )
    )
)
@example(  # found by the deep profile: a phrase word inside a heading ("Next") made it residue under a prompt
    Draft(
        (
            Piece(("Reporting by Andi Saputra; Editing by Andi Saputra",), reason="byline"),
            Piece(("President Joe Biden Visits London as The Price Of Eggs Talks Stall",), "title"),
            Piece(("Sign up for our newsletter",), reason="newsletter"),
            Piece(("What Happens Next",), "heading"),
            Piece(("President Joe Biden said on Monday (1/1) that the price of eggs would be announced.",)),
            Piece(("President Joe Biden said on Monday (1/1) that the price of eggs would be announced.",)),
            Piece(("President Joe Biden said on Monday (1/1) that the price of eggs would be announced.",)),
            Piece(("What Happens Next",), "heading"),
            Piece(("President Joe Biden said on Monday (1/1) that the price of eggs would be announced.",)),
        ),
    )
)
def test_mixed_residue_is_removed_with_its_reasons(draft: Draft) -> None:
    article = clean_text(draft.raw)
    assert asserted(article, draft) == (draft.title, draft.content)
    assert removed_as_drafted(article, draft), ([(r.text, r.reason) for r in article.removed], draft.residue)


@given(stories(titled=True), comment_tails(), st.sampled_from(["\n", "\n\n"]))
@example(  # a label that is also a call to comment, dropped before the tail step, opened no tail
    [Piece(("Presiden Tinjau Harga Beras di Jakarta",), "title"), Piece((REPORT,))],
    Piece(("Leave a comment", "Balas"), reason="comments"),
    "\n",
)
@example(  # a comment label in capitals was taken for a closing credit, and opened no tail
    [Piece(("Presiden Tinjau Harga Beras di Jakarta",), "title"), Piece((REPORT,))],
    Piece(("KIRIM KOMENTAR", "Balas"), reason="comments"),
    "\n",
)
def test_a_comment_section_at_the_tail_is_removed_whole(story: list[Piece], tail: Piece, layout: str) -> None:
    draft = Draft((*story, tail), layout)
    article = clean_text(draft.raw)
    assert shape(article) == (draft.title, draft.content)
    assert [r.reason for r in article.removed] == ["comments"] * len(tail.lines)


@st.composite
def titles_repeated(draw: st.DrawFn) -> Draft:
    """A titled story with its title again anywhere after it. Headings
    right between the title and its repeat are written like kickers
    ("Review") over the headline: the draft's leeway."""
    story = draw(stories(titled=True))
    at = draw(st.integers(1, len(story)), label="at")
    repeated = draw(repeated_titles(story[0].text), label="repeated")
    pieces = (*story[:at], repeated, *story[at:])
    return Draft(pieces, draw(layouts, label="layout"), leeway(pieces))


@given(titles_repeated())
@example(  # the title right under itself was taken for a widget printed twice, both copies dropped
    Draft(
        (
            Piece(("Presiden Tinjau Harga Beras di Jakarta",), "title"),
            Piece(("Presiden Tinjau Harga Beras di Jakarta",), reason="duplicate-title"),
            Piece((REPORT,)),
        )
    )
)
@example(  # the title again in capitals between two paragraphs was taken for a shouted teaser
    Draft(
        (
            Piece(("Presiden Joko Widodo Tinjau Harga Beras di Jakarta",), "title"),
            Piece((REPORT,)),
            Piece(("PRESIDEN JOKO WIDODO TINJAU HARGA BERAS DI JAKARTA",), reason="duplicate-title"),
            Piece((REPORT,)),
        )
    )
)
def test_the_title_repeated_in_the_body_is_removed(draft: Draft) -> None:
    """The title again anywhere after it, in any case, spacing or end mark, is
    removed as `duplicate-title`; the title and every block are kept."""
    article = clean_text(draft.raw)
    assert asserted(article, draft) == (draft.title, draft.content)
    assert removed_as_drafted(article, draft), [(r.text, r.reason) for r in article.removed]


# ---------------------------------------------------------------- configuration is the list of steps


@given(dirty_drafts(), st.data())
def test_dropping_a_step_only_keeps_more(draft: Draft, data: st.DataObject) -> None:
    steps = default_steps()
    left_out = data.draw(st.integers(0, len(steps) - 1), label="left out")
    full = run(read_text(draft.raw), steps)
    fewer = run(read_text(draft.raw), steps[:left_out] + steps[left_out + 1 :])
    assert all(less.kept for less, more in zip(fewer, full, strict=True) if more.kept)


AD_TWICE = Draft(  # without drop_ads, the ad label was the title and the headline a kicker over its repeat
    (
        Piece(("Advertisement", "AIOTrade App AIOTrade App"), reason="ad"),
        Piece(("Presiden Joko Widodo Tinjau Harga Beras di Jakarta",), "title"),
        Piece(("Advertisement", "AIOTrade App AIOTrade App"), reason="ad"),
        Piece((REPORT,)),
    )
)


TITLE_TWICE_UNDER_A_NOTICE = (
    Draft(  # without the boilerplate step, the title and its repeat were a doubled widget
        (
            Piece(("Copyright © 2025 PT Media Nusantara. All rights reserved.",), reason="boilerplate"),
            Piece(("Presiden Joko Widodo Tinjau Harga Beras di Jakarta",), "title"),
            Piece(("Presiden Joko Widodo Tinjau Harga Beras di Jakarta",), reason="duplicate-title"),
            Piece(("Latar Belakang",), "heading"),
            Piece((REPORT,)),
        )
    )
)


RELATED_HEADER_OVER_AN_AD = Draft(  # deep profile: without drop_ads, ad copy made the headline a list item
    (
        Piece(("Berita Terkait",), reason="related"),
        Piece(("Presiden Joko Widodo Tinjau Harga Beras di Jakarta",), "title"),
        Piece(("Advertisement", "AIOTrade App AIOTrade App"), reason="ad"),
        Piece((REPORT,)),
    )
)


@pytest.mark.parametrize(
    "draft",
    [AD_TWICE, TITLE_TWICE_UNDER_A_NOTICE, RELATED_HEADER_OVER_AN_AD],
    ids=["ad-twice", "title-twice", "related-over-an-ad"],
)
@pytest.mark.parametrize("left_out", range(len(default_steps())))
def test_dropping_any_step_keeps_what_the_full_list_keeps_on_known_cases(left_out: int, draft: Draft) -> None:
    steps = default_steps()
    full = run(read_text(draft.raw), steps)
    fewer = run(read_text(draft.raw), steps[:left_out] + steps[left_out + 1 :])
    assert all(less.kept for less, more in zip(fewer, full, strict=True) if more.kept)


@given(dirty_drafts(), st.data())
def test_a_user_step_appended_runs_and_its_reason_appears(draft: Draft, data: st.DataObject) -> None:
    paragraphs = [text for kind, text in draft.content if kind == "paragraph"]
    # Deep profile: a draft whose only paragraph is leeway (between two
    # captions) has no paragraph that must be kept, so none to drop.
    assume(paragraphs)
    chosen = data.draw(st.sampled_from(paragraphs), label="dropped")
    step = drop_where(lambda block: "user-choice" if block.text == chosen else None)
    article = clean_text(draft.raw, steps=[*default_steps(), step])
    assert ("user-choice", chosen) in [(r.reason, r.text) for r in article.removed]
    assert chosen not in article.paragraphs
    assert len(article.blocks) == len(clean_text(draft.raw).blocks) - paragraphs.count(chosen)


# ---------------------------------------------------------------- round trips


@given(st.one_of(dirty_drafts().map(lambda d: d.raw), any_text))
def test_from_dict_reads_back_to_dict(raw: str) -> None:
    article = clean_text(raw)
    assert Article.from_dict(article.to_dict()) == article


@given(st.one_of(dirty_drafts().map(lambda d: d.raw), clean_drafts().map(lambda d: d.raw), any_text))
@example("- :")  # without a "#" line the Markdown is read as text, so nothing is escaped
@example("00\r- 0")  # a paragraph that starts like a list item must be escaped in Markdown
@example("B\rAA\rA\rb\rAA\rA\rB\rAA\rA")  # a row printed three times left two copies, found again
def test_cleaning_the_markdown_keeps_the_same_blocks(raw: str) -> None:
    article = clean_text(raw)
    assert shape(clean_text(article.to_markdown())) == shape(article)
