"""The steps of the default pipeline, and what a step of your own is made of.

>>> [step_name(s) for s in default_steps()][:3]
['drop_ads', 'drop_certain', 'drop_bylines']
"""

from __future__ import annotations

from cleannews.steps.ads import drop_ads
from cleannews.steps.base import Step, certain_reason, drop_where, fix_each, run, step_name
from cleannews.steps.bylines import drop_bylines
from cleannews.steps.certain import drop_certain
from cleannews.steps.comments import drop_comment_tail
from cleannews.steps.datelines import find_dateline
from cleannews.steps.dates import parse_dates
from cleannews.steps.inline import trim_inline
from cleannews.steps.language import detect_language
from cleannews.steps.lists import drop_related_lists
from cleannews.steps.score import drop_scored
from cleannews.steps.site import drop_site_boilerplate
from cleannews.steps.structure import drop_around_title, drop_duplicate_title, find_headings, find_title
from cleannews.steps.titles import split_title_block


def default_steps() -> list[Step]:
    """The default pipeline, a new list each call: edit it freely.

    (Repairs and the cuts of residue glued inside paragraphs, `trim_inline`,
    come before, with the evidence pass: see `cleannews.pipeline`.) Ad
    blocks, what a rule decides alone and credits go first; the comment
    tail and related lists are dropped, and the
    title found; the scorer weighs what is left; headings, the dateline and
    the language are read last, and the dates, in that language, into ISO
    8601. The closing credits and the title are looked for again after the
    scorer (a no-op when nothing changed): lines it drops under a closing
    name or over a headline hid them, and cleaning the article again,
    without those lines, would find them (law 3); what the title was found
    past then goes when it is a lone word or a date and time stamp
    (`drop_around_title`), and is weighed once more otherwise, as it is under
    the title. A comment thread under a short post (a game thread's line-up) is
    looked for after the scorer, so that the rows the scorer was trained on
    are those of the first pass: ``drop_comment_tail(min_words_above=10)``.
    """
    return [
        drop_ads(),
        drop_certain(),
        drop_bylines(),
        drop_comment_tail(),
        drop_related_lists(),
        find_title,
        split_title_block,
        drop_duplicate_title,
        drop_site_boilerplate(),
        drop_scored(),
        drop_bylines(),
        find_title,
        drop_around_title,
        drop_comment_tail(min_words_above=10),
        drop_scored(above_title_only=True),
        split_title_block,
        drop_duplicate_title,
        find_headings(),
        find_dateline(),
        detect_language(),
        parse_dates(),
    ]


__all__ = [
    "Step",
    "certain_reason",
    "default_steps",
    "drop_site_boilerplate",
    "drop_where",
    "fix_each",
    "parse_dates",
    "run",
    "step_name",
    "trim_inline",
]
