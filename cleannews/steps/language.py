"""The article's language, from the function words each rule file lists.

Every rule file applies whatever the language (a page may mix them, and a
residue line is often in English on a page that is not); the language found
here is reported in ``metadata["language"]`` and changes nothing else. It is
cheap and offline: one pass over the kept words, counting the
``[language] stopwords`` of each rule file.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

from cleannews.measure import words
from cleannews.model import Block
from cleannews.rules import default_rules
from cleannews.steps.base import kept_indexes


@cache
def stopwords() -> dict[str, frozenset[str]]:
    """Each language's function words, casefolded, keyed by its rule file."""
    return dict(default_rules().stopwords)


def guess_language(text: str, *, min_hits: int = 5, min_share: float = 0.15) -> str | None:
    """The language whose function words ``text`` uses most, when they make
    at least ``min_share`` of its words and number at least ``min_hits``.

    >>> guess_language("Ia mengatakan bahwa harga beras yang naik itu akan turun karena pasokan cukup.")
    'id'
    >>> guess_language("The ministry said that the prices would fall in the spring because of the harvest.")
    'en'
    >>> guess_language("AIOTrade 24/7") is None
    True
    """
    found = Counter(w.casefold() for w in words(text))
    hits = Counter({code: sum(found[w] for w in stop & found.keys()) for code, stop in stopwords().items()})
    if not hits:
        return None
    code, count = hits.most_common(1)[0]
    return code if count >= min_hits and count >= min_share * found.total() else None


@dataclass(frozen=True)
class detect_language:  # noqa: N801 - a step, named for what it does
    """Record the language of the kept text as ``("language", code)`` on the
    first kept block, for ``metadata["language"]``; nothing when unsure.
    Only the first ``max_chars`` characters are read."""

    max_chars: int = 5000

    def __call__(self, blocks: Sequence[Block]) -> list[Block]:
        out = list(blocks)
        kept = kept_indexes(out)
        if not kept:
            return out
        code = guess_language(" ".join(out[i].text for i in kept)[: self.max_chars])
        if code is None:
            return out
        first = out[kept[0]]
        out[kept[0]] = replace(first, meta=(*first.meta, ("language", code)))
        return out
