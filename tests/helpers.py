"""Small helpers the step tests share."""

from __future__ import annotations

import json
import random

import cleannews

#: Sentences of plain reporting, to surround residue with.
REPORT_1 = "Pemerintah mengumumkan kebijakan baru untuk menekan harga beras di pasar tradisional."
REPORT_2 = "Menteri Perdagangan mengatakan kebijakan itu berlaku mulai pekan depan di seluruh provinsi."
REPORT_EN = "The ministry said the new rules would take effect across all provinces next week."


def removed(raw: str) -> list[tuple[str, str]]:
    """``(text, reason)`` of everything `clean_text` removed from ``raw``."""
    return [(r.text, r.reason) for r in cleannews.clean_text(raw).removed]


def kept(raw: str) -> list[str]:
    """The kept block texts (title excluded) of ``raw``."""
    return [b.text for b in cleannews.clean_text(raw).blocks]


def between(*lines: str) -> str:
    """``lines`` between two paragraphs of reporting, one per line."""
    return "\n".join([REPORT_1, *lines, REPORT_2])


def made_up_records(count: int, seed: int = 1) -> list[bytes]:
    """JSONL lines of made-up articles of varied length (words of `REPORT_1`), each ending in a newline."""
    rng = random.Random(seed)
    words = REPORT_1.rstrip(".").lower().split()
    texts = (" ".join(rng.choice(words) for _ in range(rng.randint(20, 300))) for _ in range(count))
    return [json.dumps({"id": n, "text": text}).encode() + b"\n" for n, text in enumerate(texts)]
