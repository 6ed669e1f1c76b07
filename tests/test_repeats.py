"""Blocks printed twice: the later copy close below is dropped as ``duplicate``."""

from __future__ import annotations

import cleannews
from cleannews.model import Block
from cleannews.steps.repeats import drop_repeats

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
