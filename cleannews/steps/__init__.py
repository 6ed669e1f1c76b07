"""The steps of the default pipeline, and what a step of your own is made of.

>>> [step_name(s) for s in default_steps()][:3]
['repair', 'trim_inline', 'drop_where(marker)']
"""

from __future__ import annotations

from cleannews.steps.ads import drop_ads
from cleannews.steps.base import LineRule, Step, drop_where, fix_each, run, step_name
from cleannews.steps.bylines import drop_bylines
from cleannews.steps.closing import drop_appeal_box, drop_headline_runs
from cleannews.steps.comments import call_to_comment, drop_comment_tail
from cleannews.steps.context import (
    drop_closing_bio,
    drop_credited_captions,
    drop_doubled_runs,
    drop_gallery_captions,
    drop_gallery_counters,
    drop_names_over_credit_labels,
    drop_section_labels,
    drop_share_counters,
    drop_shouted_teasers,
    drop_tail_boxes,
)
from cleannews.steps.datelines import find_dateline
from cleannews.steps.fixes import repair
from cleannews.steps.header import drop_above_title, drop_headline_over_byline, drop_standfirst
from cleannews.steps.inline import trim_inline
from cleannews.steps.language import detect_language
from cleannews.steps.lines import (
    boilerplate,
    caption,
    marker,
    navigation,
    newsletter,
    promo,
    related,
    share,
)
from cleannews.steps.lists import drop_related_lists
from cleannews.steps.repeats import drop_doubled_header_rows, drop_stamped_captions
from cleannews.steps.structure import drop_duplicate_title, find_headings, find_title
from cleannews.steps.titles import split_title_block


def default_steps() -> list[Step]:
    """The default pipeline, a new list each call: edit it freely."""
    return [
        repair,
        trim_inline(),
        drop_where(marker),
        drop_ads(),
        drop_where(related),
        drop_where(promo),
        drop_where(share),
        drop_where(newsletter),
        drop_where(caption),
        drop_bylines(),
        drop_where(navigation),
        drop_where(boilerplate),
        drop_where(call_to_comment()),
        drop_comment_tail(),
        drop_related_lists(),
        drop_share_counters(),
        drop_gallery_captions(),
        drop_gallery_counters(),
        drop_credited_captions(),
        drop_doubled_runs(),
        drop_doubled_header_rows(),
        drop_stamped_captions(),
        drop_shouted_teasers(),
        drop_appeal_box(),
        drop_headline_runs(),
        drop_tail_boxes(),
        drop_closing_bio(),
        drop_names_over_credit_labels(),
        drop_section_labels(),
        find_title,
        split_title_block,
        drop_duplicate_title,
        drop_headline_over_byline(),
        drop_above_title(),
        drop_standfirst(),
        find_headings(),
        find_dateline(),
        detect_language(),
    ]


__all__ = [
    "LineRule",
    "Step",
    "default_steps",
    "drop_where",
    "fix_each",
    "run",
    "step_name",
]
