"""Blocks printed twice: the later copy close below is dropped as ``duplicate``."""

from __future__ import annotations

import cleannews
from cleannews.model import Block
from cleannews.steps.repeats import drop_doubled_header_rows, drop_repeats, drop_stamped_captions

CAPTION = (
    "The defence minister shakes hands with his counterpart in Hanoi on Wednesday morning, officials said."
)
REPORT = "Councillors voted on Tuesday night to replace the ageing flood wall along the river."


def test_caption_repeated_after_gallery_controls_is_a_duplicate() -> None:
    blocks = [Block(CAPTION), Block("Close"), Block("1 / 8"), Block(CAPTION)]
    assert [b.reason for b in drop_repeats()(blocks)] == [None, None, None, "duplicate"]


def test_short_repeated_line_is_kept() -> None:
    blocks = [Block("Add the flour and stir well."), Block(REPORT), Block("Add the flour and stir well.")]
    assert drop_repeats()(blocks) == blocks


def test_repeat_far_below_is_kept() -> None:
    blocks = [Block(CAPTION), *[Block(f"{REPORT} ({n})") for n in range(8)], Block(CAPTION)]
    assert drop_repeats()(blocks) == blocks


def test_repeat_of_a_dropped_block_is_judged_on_its_own() -> None:
    blocks = [Block(CAPTION, reason="caption"), Block(CAPTION)]
    assert drop_repeats()(blocks)[1].reason is None


def test_not_in_the_default_pipeline() -> None:
    """A paragraph said twice on purpose stays unless the step is added."""
    assert not any(isinstance(step, drop_repeats) for step in cleannews.default_steps())


def test_added_to_the_pipeline_it_drops_the_second_copy_and_keeps_the_first() -> None:
    steps = [*cleannews.default_steps(), drop_repeats()]
    art = cleannews.clean_text(
        f"{REPORT}\n{CAPTION}\n{REPORT} Again.\n{CAPTION}\n{REPORT} Once more.", steps=steps
    )
    assert art.paragraphs.count(CAPTION) == 1
    assert [(r.text, r.reason) for r in art.removed if r.reason == "duplicate"] == [(CAPTION, "duplicate")]


# ---------------------------------------------------------------- header rows printed twice

ROW = ["Pos", "Player", "Snaps", "Notes"]
CELLS = ["LB", "Sam Reed", "61", "2 tackles (2 combined)."]


def test_a_header_row_printed_twice_keeps_one_copy() -> None:
    blocks = [Block(REPORT), *map(Block, ROW), *map(Block, ROW), *map(Block, CELLS)]
    out = drop_doubled_header_rows()(blocks)
    assert [b.reason for b in out[1:5]] == ["duplicate"] * 4
    assert all(b.kept for b in out[5:])


def test_a_header_row_printed_three_times_keeps_the_last_copy_only() -> None:
    """Two copies left would be a doubled row again: cleaning twice must change nothing."""
    blocks = [Block(REPORT), *map(Block, ROW * 3), *map(Block, CELLS)]
    out = drop_doubled_header_rows()(blocks)
    assert [b.reason for b in out[1:9]] == ["duplicate"] * 8
    assert all(b.kept for b in out[9:])
    kept = [b for b in out if b.kept]
    assert drop_doubled_header_rows()(kept) == kept


def test_a_header_row_printed_once_is_kept() -> None:
    blocks = [Block(REPORT), *map(Block, ROW), *map(Block, CELLS)]
    assert drop_doubled_header_rows()(blocks) == blocks


def test_two_equal_rows_of_numbers_are_kept() -> None:
    """Scores repeat in a real table; only cells with letters make a header."""
    blocks = [Block(t) for t in ["0", "1", "2", "0", "1", "2"]]
    assert drop_doubled_header_rows()(blocks) == blocks


def test_two_cells_printed_twice_are_no_row() -> None:
    blocks = [Block(t) for t in ["Yes", "No", "Yes", "No"]]
    assert drop_doubled_header_rows()(blocks) == blocks


# ---------------------------------------------------------------- captions stamped under each photo

STAMP = "2018 Riverside Playhouse Autumn Series [The Lantern Keeper] at the Harbour Festival"


def test_a_caption_stamped_under_every_photo_goes_with_its_longer_copies() -> None:
    lines = [
        "The crowd filled the square long before the show began!",
        STAMP,
        "The dancers took the stage at six.",
        STAMP,
        "Then came the drums, and the square fell silent.",
        f"{STAMP} Stage team: Ann Lee, Ben Ray",
        "A last bow, and the lights went down.",
        STAMP,
    ]
    art = cleannews.clean_text("\n".join([REPORT, *lines, REPORT + " Again."]))
    assert not any(STAMP in p for p in art.paragraphs)
    assert {r.reason for r in art.removed if STAMP in r.text} == {"duplicate"}


def test_a_line_repeated_in_a_repeated_group_is_kept() -> None:
    """A menu's items come back with the same line beside them: a template,
    not a stamp."""
    meal = "Chicken and brown rice with green beans, a little olive oil and a squeeze of lemon"
    lines = []
    for day in ("Monday", "Tuesday", "Wednesday"):
        lines += [f"{day} lunch", "Eat within two hours of your workout", meal]
    blocks = [Block(t) for t in lines]
    assert drop_stamped_captions()(blocks) == blocks


def test_a_heading_repeated_three_times_is_kept() -> None:
    """Headings are shorter than a stamped caption: a text may repeat one."""
    heading = "A Long Road for the Harbour Towns and the Ferry"
    lines = [heading, REPORT, heading, REPORT + " Again.", heading, REPORT + " Once more."]
    blocks = [Block(t) for t in lines]
    assert drop_stamped_captions()(blocks) == blocks


def test_a_repeated_sentence_is_kept() -> None:
    """A refrain that reads as a sentence is the text's own."""
    refrain = "And still the river keeps on rising through the long and dark and silent night."
    blocks = [Block(t) for t in [refrain, "One.", refrain, "Two.", refrain, "Three."]]
    assert drop_stamped_captions()(blocks) == blocks


def test_a_caption_printed_twice_is_left_to_other_steps() -> None:
    blocks = [Block(t) for t in [STAMP, REPORT, STAMP, REPORT + " Again."]]
    assert drop_stamped_captions()(blocks) == blocks
