"""Every feature of the evidence pass in words, for the audit (``Removed.why``,
``cleannews explain --why``): what the scorer weighed, as a reader says it.
"""

from __future__ import annotations

import math

from cleannews.evidence import FAMILIES, FAR

#: Yes/no features: the words for a value of 1, and for 0.
_FLAGS = {
    "ends_sentence": ("ends a sentence", "no sentence end"),
    "ends_colon": ("ends with a colon", "no colon at the end"),
    "after_last_prose": ("below the last paragraph", "above the last paragraph"),
    "before_first_prose": ("above the first paragraph", "below the first paragraph"),
    "repeated": ("said twice in the article", "said once"),
    "name_like": ("written like a name", "not written like a name"),
    "first_block": ("the first line", "not the first line"),
    "pipe": ("a | in it", "no | in it"),
    "copyright": ("a copyright sign or word", "no copyright sign"),
    "at": ("an @ in it", "no @ in it"),
    "hash": ("a # in it", "no # in it"),
    "slash": ("a / in it", "no / in it"),
    "bracketed": ("in brackets", "not in brackets"),
    "url": ("a web address in it", "no web address"),
    "starts_lower": ("starts in lower case", "starts in upper case"),
    "starts_digit": ("starts with a digit", "starts with no digit"),
    "starts_mark": ("starts with a dash or bullet", "starts with no dash or bullet"),
    "quote": ("quotation marks in it", "no quotation marks"),
    "time": ("a clock time in it", "no clock time"),
    "calendar": ("a month or weekday in it", "no month or weekday"),
    "year": ("a year in it", "no year"),
    "prose": ("prose", "not prose"),
    "same_start@-1": ("opens as the line above does", "opens unlike the line above"),
    "same_start@+1": ("opens as the line below does", "opens unlike the line below"),
}
#: Shares (0 to 1), as percentages.
_SHARES = {
    "index_share": "{:.0%} of the way down the article",
    "from_end_share": "{:.0%} of the article's blocks below it",
    "chars_before_share": "{:.0%} of the article's text above it",
    "capitalised": "{:.0%} of its words capitalised",
    "upper_letters": "{:.0%} of its letters upper-case",
    "digits": "{:.0%} digits",
    "marks": "{:.0%} punctuation and symbols",
    "stopwords": "{:.0%} function words",
    "prose_share": "{:.0%} of the article's blocks prose",
    "topical": "{:.0%} of its words used by the story",
    "short_run_position": "{:.0%} of the way down its run of short lines",
    "in_first_block": "{:.0%} of its words in the first line",
    "first_block_in": "{:.0%} of the first line's words in it",
    "site_share": "in {:.0%} of the site's articles",
    "overlap@-1": "{:.0%} of its words shared with the line above",
    "overlap@+1": "{:.0%} of its words shared with the line below",
    "lexicon": "{:.0%} of it residue phrases",
}
#: Counts kept as ``log(1 + n)``, and what they count.
_LOG_COUNTS = {
    "log_chars": "{} characters",
    "log_tokens": "{} words",
    "log_blocks": "in an article of {} blocks",
}
#: Where a family's phrases stand, per family feature.
_PLACES = {
    "whole": ("the whole line a {} phrase", "not a {} phrase as a whole"),
    "start": ("opens with a {} phrase", "opens with no {} phrase"),
    "end": ("ends with a {} phrase", "ends with no {} phrase"),
}
#: Neighbour offsets, as a reader says them.
_NEIGHBOURS = {
    "-2": "two lines above",
    "-1": "the line above",
    "+1": "the line below",
    "+2": "two lines below",
}


def in_words(name: str, value: float) -> str:
    """The feature ``name`` of a block at ``value``, in words.

    >>> in_words("ends_sentence", 0.0), in_words("short_run", 5.0), in_words("log_blocks", 2.0)
    ('no sentence end', 'in a run of 5 short lines', 'in an article of 6 blocks')
    >>> in_words("byline_cover", 0.25), in_words("lexicon@-1", 0.2)
    ('25% of it byline phrases', 'the line above: 20% of it residue phrases')
    >>> in_words("since_prose", 3.0), in_words("until_prose", 10.0)
    ('3 lines below a paragraph of prose', 'no prose below')
    """
    base, _, offset = name.partition("@")
    if offset in _NEIGHBOURS and name not in _FLAGS and name not in _SHARES:
        return f"{_NEIGHBOURS[offset]}: {in_words(base, value)}"
    if name in _FLAGS:
        return _FLAGS[name][0 if value else 1]
    if name in _SHARES:
        return _SHARES[name].format(value)
    if name in _LOG_COUNTS:
        return _LOG_COUNTS[name].format(round(math.expm1(value)))
    return _counted(name, value)


def _counted(name: str, value: float) -> str:
    """The features that count lines, sentences and phrases."""
    n = int(value)
    if name == "short_run":
        return f"in a run of {n} short lines" if n else "a paragraph of prose"
    if name == "word_length":
        return f"{value:.1f} letters a word"
    if name == "sentence_breaks":
        return f"{n} sentences ending inside it"
    if name == "since_prose":
        return f"{n} lines below a paragraph of prose" if value < FAR else "no prose above"
    if name == "until_prose":
        return f"{n} lines above a paragraph of prose" if value < FAR else "no prose below"
    family, _, what = name.rpartition("_")
    if name.startswith("since_") and name.endswith("_label"):
        family = name[len("since_") : -len("_label")]
        return f"{n} lines under a {family} label" if value < FAR else f"under no {family} label"
    if family in FAMILIES and what in _PLACES:
        return _PLACES[what][0 if value else 1].format(family)
    if family in FAMILIES and what == "cover":
        return f"{value:.0%} of it {family} phrases"
    if family in FAMILIES and what == "count":
        return f"{n} {family} phrases"
    return f"{name} {value:.2f}"
