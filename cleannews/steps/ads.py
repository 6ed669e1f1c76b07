"""Ad blocks: an ad label ("Advertisement", "Iklan", "Sponsored", ...) and the
ad copy that follows it.

The copy runs from the label up to a separator (an escape artifact), a block
that reads as reporting, or a block that does not read as ad copy, at most
``max_copy`` blocks: when unsure, the block is kept.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from cleannews.evidence import measure
from cleannews.measure import caps_ratio, reads_as_prose, reads_as_sentence, words
from cleannews.model import Block
from cleannews.reasons import AD, ESCAPE_ARTIFACT, PROMO
from cleannews.rules import active_rules
from cleannews.steps.base import certain_reason


def repeats_itself(text: str) -> bool:
    """Whether the words of ``text`` are one run said twice, as logo alt texts are.

    >>> repeats_itself("AIOTrade App AIOTrade App"), repeats_itself("Jakarta Jakarta Raya")
    (True, False)
    """
    found = words(text.casefold())
    half = len(found) // 2
    return half > 0 and len(found) % 2 == 0 and found[:half] == found[half:]


def reads_as_ad_copy(text: str, *, max_caps: float = 0.3, min_shout: float = 0.5) -> bool:
    """Whether ``text``, right after an ad label, reads as the ad's copy: a
    repeated logo text, worded like an offer (``[ad] copy`` in the rules), or
    a short line shouted in capitals (more than ``min_shout`` of its words,
    and not only acronyms: see `shouts`).
    A sentence of reporting full of acronyms ("Ketua KPK dan DPR RI ...") is
    not copy, nor a heading with an acronym ("Sikap OJK"), and prose is never
    copy, even when it says something twice or names a discount.

    >>> reads_as_ad_copy("AIOTRADE"), reads_as_ad_copy("Latar Belakang Abraham Accords")
    (True, False)
    >>> reads_as_ad_copy("KPR BANK NUSANTARA"), reads_as_ad_copy("Sikap OJK")
    (True, False)
    >>> reads_as_ad_copy("Respons PT KAI")
    False
    >>> said_twice = "Harga naik lagi pekan ini, kata pedagang di pasar. " * 2
    >>> reads_as_ad_copy(said_twice)
    False
    """
    if reads_as_prose(text, max_caps=max_caps):
        return False
    if repeats_itself(text) or _has_ad_words(text):
        return True
    return not reads_as_sentence(text) and caps_ratio(text) > min_shout and shouts(text)


def shouts(text: str, *, max_acronym: int = 4) -> bool:
    """Whether the capitals of ``text`` are shouting, not acronyms: it has no
    word in lower case, or a word of more than ``max_acronym`` letters all
    in capitals. A heading names bodies by their acronyms ("Respons PT
    KAI"); copy shouts ("KPR BANK NUSANTARA", "Promo SPESIAL hari ini").

    >>> shouts("KPR BANK NUSANTARA"), shouts("Respons PT KAI"), shouts("Promo SPESIAL hari ini")
    (True, False, True)
    """
    found = words(text)
    if not any(any(c.islower() for c in w) for w in found):
        return True
    return any(w.isupper() and sum(c.isalpha() for c in w) > max_acronym for w in found)


def _has_ad_words(text: str) -> bool:
    """Whether ``text`` holds a phrase of ad copy (``[ad] words`` in the rules)."""
    return any(hit.reason == AD for hit in measure(text, active_rules()).hits)


@dataclass(frozen=True)
class drop_ads:  # noqa: N801 - a step, named for what it does
    """Drop each ad label and up to ``max_copy`` blocks of ad copy after it."""

    max_copy: int = 4

    def __call__(self, blocks: Sequence[Block]) -> list[Block]:
        out = list(blocks)
        copy_left = 0
        for i, block in enumerate(out):
            if block.reason == ESCAPE_ARTIFACT:
                copy_left = 0
            if not block.kept or block.kind == "title":
                continue
            certain = certain_reason(block)
            if certain == AD:
                out[i], copy_left = block.drop(AD, why="[ad] label"), self.max_copy
            elif certain == PROMO and copy_left:  # the ad's own button: "Learn more", "Shop now"
                out[i], copy_left = block.drop(AD, why="ad button under an ad label"), copy_left - 1
            elif certain is not None:
                copy_left = 0  # another rule's residue ends the ad ("SCROLL TO CONTINUE WITH CONTENT")
            elif copy_left and reads_as_ad_copy(block.text):
                out[i], copy_left = block.drop(AD, why="ad copy under an ad label"), copy_left - 1
            else:
                copy_left = 0
        return out
