"""Datelines: "Jakarta, CNN Indonesia --", "TEMPO.CO, Jakarta -",
"WASHINGTON (AP) —" at the start of the lead. They are part of the
reporting, so the text is kept as it is; the place and the site they name
are read into ``metadata["dateline_place"]`` and ``metadata["site_name"]``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import regex

from cleannews.credits import names_a_site
from cleannews.model import Block
from cleannews.steps.base import kept_indexes

#: One to four words, the first capitalised (or a host name like "detikNews").
_PART = r"[\p{Lu}\w][\w.'’&]*(?: [\p{Lu}\d][\w.'’&]*){0,3}"
_DATELINE = regex.compile(
    rf"(?P<first>{_PART})(?:, ?(?P<second>{_PART}))?"
    r"(?: ?\((?P<paren>[^()]{2,40})\))? ?(?:-{1,2}|–|—)(?: (?=[\p{Lu}\d\"“‘'])|$)"
)


def read_dateline(text: str, *, max_place_words: int = 3) -> tuple[tuple[str, str], ...] | None:
    """The place and site a dateline at the start of ``text`` names.

    >>> read_dateline("TEMPO.CO, Jakarta - Organisasi Kesehatan Dunia menyebutkan ...")
    (('dateline_place', 'Jakarta'), ('site_name', 'TEMPO.CO'))
    >>> read_dateline("Jakarta (ANTARA News) - Peribahasa garam di laut ...")
    (('dateline_place', 'Jakarta'), ('site_name', 'ANTARA News'))
    >>> read_dateline("Menurut dia - dan juga kami - harga naik.") is None
    True
    >>> read_dateline("Why — especially — does it seem so?") is None
    True
    """
    match = _DATELINE.match(text)
    if match is None or (not match.group("first")[0].isupper() and not names_a_site(match.group("first"))):
        return None
    parts = [p for p in (match.group("first"), match.group("second")) if p]
    # A name in brackets is always the agency or site: "(Reuters)", "(AP)".
    paren = match.group("paren")
    sites = [p for p in (*parts, paren) if p and (p == paren or names_a_site(p))]
    places = [p for p in parts if p not in sites]
    place = places[0] if places else None
    if place is None or len(place.split()) > max_place_words or not place[0].isupper():
        return None
    return (("dateline_place", place), *(("site_name", s) for s in sites[:1]))


@dataclass(frozen=True)
class find_dateline:  # noqa: N801 - a step, named for what it does
    """Read the dateline of the lead, among the first ``max_lead`` kept body
    blocks, into metadata; the block and its text are kept as they are."""

    max_lead: int = 5

    def __call__(self, blocks: Sequence[Block]) -> list[Block]:
        out = list(blocks)
        body = [i for i in kept_indexes(out) if out[i].kind not in ("title", "heading")]
        for i in body[: self.max_lead]:
            if pairs := read_dateline(out[i].text):
                out[i] = replace(out[i], meta=out[i].meta + pairs)
                break
        return out
