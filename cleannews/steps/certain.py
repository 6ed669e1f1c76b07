"""Residue for sure: blocks a rule decides alone, with no weighing.

A block whose words are exactly a ``labels`` phrase of a reason ("Baca
juga", "Advertisement", "Kirim Komentar"), whose folded text a ``shapes``
pattern matches whole ("(fyk/ash)"), or a short block that opens with a
``leads`` phrase ("Baca juga: <headline>") or closes with an ``ends``
phrase ("... di kolom komentar.") is dropped for that reason. The evidence
pass finds the rule (`cleannews.evidence.certain_rule`); this step applies it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from cleannews.model import Block
from cleannews.steps.base import certain_reason


@dataclass(frozen=True)
class drop_certain:  # noqa: N801 - a step, named for what it does
    """Drop every kept block (not the title) that a certain rule takes as
    residue, but for the reasons in ``leave``: those a step of their own
    decides (`drop_bylines` reads credits, and knows the reporting that
    only looks like one)."""

    leave: frozenset[str] = frozenset({"byline"})

    def __call__(self, blocks: Sequence[Block]) -> list[Block]:
        return [self._one(b) if b.kept and b.kind != "title" else b for b in blocks]

    def _one(self, block: Block) -> Block:
        reason = certain_reason(block)
        if reason is None or reason in self.leave:
            return block
        key = block.evidence.certain[1] if block.evidence and block.evidence.certain else "rule"
        return block.drop(reason, why=f"[{reason}] {key} rule")
