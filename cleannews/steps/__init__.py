"""The steps of the default pipeline, and what a step of your own is made of.

>>> [step_name(s) for s in default_steps()][:3]
['repair', 'drop_where(marker)', 'drop_ads']
"""

from __future__ import annotations

from cleannews.steps.ads import drop_ads
from cleannews.steps.base import LineRule, Step, drop_where, fix_each, run, step_name
from cleannews.steps.comments import call_to_comment, drop_comment_tail
from cleannews.steps.fixes import repair
from cleannews.steps.lines import (
    boilerplate,
    byline,
    caption,
    marker,
    navigation,
    newsletter,
    promo,
    related,
    share,
)
from cleannews.steps.structure import drop_duplicate_title, find_headings, find_title


def default_steps() -> list[Step]:
    """The default pipeline, a new list each call: edit it freely."""
    return [
        repair,
        drop_where(marker),
        drop_ads(),
        drop_where(related),
        drop_where(promo),
        drop_where(share),
        drop_where(newsletter),
        drop_where(caption),
        drop_where(byline),
        drop_where(navigation),
        drop_where(boilerplate),
        drop_where(call_to_comment()),
        drop_comment_tail(),
        find_title,
        drop_duplicate_title,
        find_headings(),
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
