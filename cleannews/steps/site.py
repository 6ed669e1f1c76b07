"""Site boilerplate: lines a site profile (`cleannews.sites`) knows from
many of the site's articles.

The evidence pass looks every kept block up in the profile given to
`cleannews.clean_text` (``profile=``) and keeps the `SiteHit` on
``Block.evidence.site``; this step drops the blocks whose hit is frequent
enough, with the reason ``site-boilerplate`` and, in ``why``, the count that
decided ("in 57 of 289 articles of the site"). With no profile it does
nothing.

It never drops reporting: the title, a line that heads a learned article,
a line that starts with a dateline ("Jakarta, CNN Indonesia -- ..."), a
sentence holding a quotation, a quote block, a short line right above
prose the profile does not know, or ending with a colon above any block it
does not know (a template's "Q." or "Ingredients:" over the story's own
text); and a sentence of ten words or more needs a higher
share (``prose_share``) than a short line. When the profile knows most of
an article's sentences (``max_prose_dropped``), the article itself was
learned more than once (a crawl holds copies of a story) or is a template:
its sentences all stay.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from cleannews.evidence import PROSE_TOKENS, Evidence
from cleannews.model import Block
from cleannews.reasons import SITE_BOILERPLATE
from cleannews.sites import MIN_ARTICLES, MIN_SHARE, PROSE_SHARE, SiteHit, starts_with_dateline

#: Block kinds the step may drop: not a title, not a quote.
KINDS = frozenset({"paragraph", "heading", "list-item"})
#: A line of at most this many words above the story's own prose heads it.
MAX_HEADING_TOKENS = 8


@dataclass(frozen=True)
class drop_site_boilerplate:  # noqa: N801 - a step, named for what it does
    """Drop kept blocks the site profile finds in at least ``min_articles``
    learned articles and ``min_share`` of them (``prose_share`` for a
    sentence of ten words or more).

    >>> from cleannews import clean_text
    >>> from cleannews.sites import SiteProfile
    >>> site = [f"Judul {n}\\n\\nBerita {n} hari ini.\\nRedaksi Contoh menyapa." for n in "abcd"]
    >>> art = clean_text(site[0], profile=SiteProfile.learn(site[1:]))
    >>> [(r.text, r.reason, r.why) for r in art.removed]
    [('Redaksi Contoh menyapa.', 'site-boilerplate', 'in 3 of 3 articles of the site')]
    """

    min_articles: int = MIN_ARTICLES
    min_share: float = MIN_SHARE
    prose_share: float = PROSE_SHARE
    max_prose_dropped: float = 0.5

    def __call__(self, blocks: Sequence[Block]) -> list[Block]:
        out = list(blocks)
        frequent = [self._frequent(b) for b in out]
        kept = [i for i, b in enumerate(out) if b.kept]
        following = dict(pairwise(kept))
        drops: list[tuple[int, SiteHit]] = []
        for i in kept:
            hit = frequent[i]
            if hit is None or out[i].kind not in KINDS or self._reporting(out[i]):
                continue
            after = following.get(i)
            if after is None or frequent[after] is not None or not heads_prose(out[i], out[after]):
                drops.append((i, hit))
        sentences = sum(_sentence(out[i]) for i in kept)
        if sum(_sentence(out[i]) for i, _ in drops) > self.max_prose_dropped * sentences:
            drops = [(i, hit) for i, hit in drops if not _sentence(out[i])]
        for i, hit in drops:
            out[i] = out[i].drop(SITE_BOILERPLATE, why=hit.describe())
        return out

    def _frequent(self, block: Block) -> SiteHit | None:
        """The block's site hit, when it is frequent enough to drop the block."""
        evidence = block.evidence
        hit = evidence.site if evidence is not None else None
        if not isinstance(hit, SiteHit) or evidence is None or not evidence.features:
            return None
        share = self.prose_share if is_sentence(evidence) else self.min_share
        return hit if hit.frequent(self.min_articles, share) else None

    @staticmethod
    def _reporting(block: Block) -> bool:
        """A sentence with a quotation, or a line opening with a dateline."""
        evidence = block.evidence
        quoted = evidence is not None and is_sentence(evidence) and bool(evidence.feature("quote"))
        return quoted or starts_with_dateline(block.text)


def heads_prose(block: Block, after: Block) -> bool:
    """Whether ``block`` is a short line (not a sentence) heading what
    follows: ``after`` is a sentence of prose, or ``block`` ends with a colon
    (a label of what follows: "Ingredients:" over a list). The caller knows
    that the profile does not know ``after``."""
    own, next_ = block.evidence, after.evidence
    if own is None or next_ is None or not next_.features:
        return False
    if own.tokens > MAX_HEADING_TOKENS or is_sentence(own):
        return False
    return is_sentence(next_) or block.text.rstrip().endswith(":")


def _sentence(block: Block) -> bool:
    return block.evidence is not None and is_sentence(block.evidence)


def is_sentence(evidence: Evidence) -> bool:
    """Whether the block is prose: ten words or more, and a sentence end."""
    return evidence.tokens >= PROSE_TOKENS and bool(evidence.feature("ends_sentence"))
