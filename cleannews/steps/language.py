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

from cleannews.measure import words
from cleannews.model import Block
from cleannews.rules import active_rules
from cleannews.steps.base import kept_indexes


def stopwords() -> dict[str, frozenset[str]]:
    """Each language's function words, casefolded, keyed by its rule file
    (of the `active_rules`: a file of yours may add a language)."""
    return active_rules().stopwords


def guess_language(
    text: str,
    *,
    min_hits: int = 3,
    min_distinct: int = 2,
    min_share: float = 0.05,
    margin: float = 2.0,
    min_own: int = 2,
) -> str | None:
    """The language whose function words ``text`` uses most, when it is
    clearly that one: at least ``min_hits`` function words, ``min_distinct``
    of them different, making at least ``min_share`` of its words, and
    beating every other language found on the words only one of the two
    lists holds, by ``margin`` times (at least ``min_own`` such words of its
    own where the two lists share words: Indonesian and Malay share most).

    A share of function words alone cannot decide: Indonesian text has
    fewer of them than English (a 171-word article had 14.6%), and it
    does not tell Indonesian from Malay.

    >>> guess_language("Ia mengatakan bahwa harga beras yang naik itu akan turun karena pasokan cukup.")
    'id'
    >>> guess_language("The ministry said that the prices would fall in the spring because of the harvest.")
    'en'
    >>> guess_language("AIOTrade 24/7") is None, guess_language("yang dan di yang") is None
    (True, True)
    """
    found = Counter(w.casefold() for w in words(text))
    lists = stopwords()
    hits = {code: sum(found[w] for w in stop & found.keys()) for code, stop in lists.items()}
    hits = {code: count for code, count in hits.items() if count}
    for code in sorted(hits, key=hits.__getitem__, reverse=True):
        if hits[code] < max(min_hits, min_share * found.total()):
            return None
        if len(lists[code] & found.keys()) < min_distinct:
            return None
        if all(_beats(found, lists[code], lists[other], margin, min_own) for other in hits if other != code):
            return code
    return None


def _beats(
    found: Counter[str], mine: frozenset[str], theirs: frozenset[str], margin: float, min_own: int
) -> bool:
    """Whether the words only ``mine`` lists outnumber those only ``theirs``
    lists, ``margin`` times and at least ``min_own`` (one, when the lists
    share no word)."""
    own = sum(found[w] for w in (mine - theirs) & found.keys())
    other = sum(found[w] for w in (theirs - mine) & found.keys())
    return own >= (min_own if mine & theirs else 1) and own >= margin * other


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
