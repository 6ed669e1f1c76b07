"""What every step is made of.

A step is any callable ``list[Block] -> list[Block]`` that returns a new list
of the same length and order. A *filter* looks at one kept block and returns
a reason code or ``None``; `drop_where` makes it a step. A *fix* is a
``str -> str`` function; `fix_each` makes it a step.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial

from cleannews.budget import check_deadline
from cleannews.evidence import Evidence, measure
from cleannews.model import Block
from cleannews.rules import Rules, active_rules

Step = Callable[[Sequence[Block]], list[Block]]
Filter = Callable[[Block], str | None]


def run(blocks: Sequence[Block], steps: Sequence[Step]) -> list[Block]:
    """Pass ``blocks`` through each step in turn; between two steps, the
    time budget of the call (``clean_text(..., timeout=)``) is looked at.

    >>> run([Block("a")], [drop_where(lambda b: "ad")])[0].reason
    'ad'
    """
    out = list(blocks)
    for step in steps:
        check_deadline(f"before step {step_name(step)}")
        out = _checked(step, out, step(out))
    return out


def step_name(step: Step) -> str:
    """The name a step goes by: its function name, or its class name.

    >>> step_name(run), step_name(drop_where(certain_reason))
    ('run', 'drop_where(certain_reason)')
    """
    return getattr(step, "__name__", None) or type(step).__name__


def _checked(step: Step, before: list[Block], after: list[Block]) -> list[Block]:
    """``after``, once it is known to keep the step contract; else a clear error."""
    if not isinstance(after, list) or len(after) != len(before):
        name = step_name(step)
        got = len(after) if isinstance(after, list) else type(after).__name__
        raise ValueError(
            f"step {name} must return a list of {len(before)} blocks (one per block given), got {got}"
        )
    return after


@dataclass(frozen=True)
class drop_where:  # noqa: N801 - used like a function: drop_where(marker)
    """A step that drops every kept block the filter gives a reason for."""

    filter: Filter

    def __call__(self, blocks: Sequence[Block]) -> list[Block]:
        apply = self._apply
        return [b if b.reason is not None or b.kind == "title" else apply(b) for b in blocks]

    def _apply(self, block: Block) -> Block:
        reason = self.filter(block)
        return block.drop(reason, why=self.__name__) if reason else block

    @property
    def __name__(self) -> str:
        return f"drop_where({getattr(self.filter, '__name__', self.filter)})"


@dataclass(frozen=True)
class fix_each:  # noqa: N801 - used like a function: fix_each(repair_text)
    """A step that applies a ``str -> str`` fix to the text of every block."""

    fix: Callable[[str], str]

    def __call__(self, blocks: Sequence[Block]) -> list[Block]:
        return [_fixed(self.fix, b) for b in blocks]

    @property
    def __name__(self) -> str:
        return f"fix_each({getattr(self.fix, '__name__', self.fix)})"


def _fixed(fix: Callable[[str], str], block: Block) -> Block:
    text = fix(block.text)
    return block if text == block.text else block.with_text(text)


def measure_block(block: Block) -> Evidence:
    """The evidence of a block that has none (made by hand, outside
    `cleannews.clean_text`, or dropped by the reader, like an escape
    artifact), measured on its own.

    >>> measure_block(Block("Baca juga: Harga beras naik")).certain
    ('related', 'leads')
    """
    rules = active_rules()
    # The blocks the reader dropped are asked about by several steps, and
    # repeat ("\\n" lines): what one text measures is remembered, per rules.
    if len(block.text) > _REMEMBER_UP_TO:
        return _measure_text(block.text, rules)
    return rules.derived("measure_block", _remembered)(block.text)


def _measure_text(text: str, rules: Rules) -> Evidence:
    shape = measure(text, rules)
    return Evidence((), shape.hits, shape.certain, len(shape.tokens))


def _remembered(rules: Rules) -> Callable[[str], Evidence]:
    return lru_cache(maxsize=1024)(partial(_measure_text, rules=rules))


_REMEMBER_UP_TO = 2000


def certain_rule(block: Block) -> tuple[str, str] | None:
    """The ``(reason, key)`` of the certain rule ``block`` meets, if any."""
    return (block.evidence or measure_block(block)).certain


def certain_reason(block: Block) -> str | None:
    """The reason a certain rule gives ``block`` (see `cleannews.evidence`),
    read from its evidence; a block that has none (made by hand, outside
    `cleannews.clean_text`) is measured on the spot.

    >>> certain_reason(Block("Baca juga: Harga beras naik")), certain_reason(Block("Warga menunggu."))
    ('related', None)
    """
    found = certain_rule(block)
    return found[0] if found else None


def kept_indexes(blocks: Sequence[Block]) -> list[int]:
    """Positions of the kept blocks.

    >>> kept_indexes([Block("a"), Block("b", reason="ad"), Block("c")])
    [0, 2]
    """
    return [i for i, b in enumerate(blocks) if b.kept]
