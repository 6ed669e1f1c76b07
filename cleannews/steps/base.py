"""What every step is made of.

A step is any callable ``list[Block] -> list[Block]`` that returns a new list
of the same length and order. A *filter* looks at one kept block and returns
a reason code or ``None``; `drop_where` makes it a step. A *fix* is a
``str -> str`` function; `fix_each` makes it a step.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from cleannews import rules
from cleannews.measure import line_key, shape_key, shortest_shape_key
from cleannews.model import Block

Step = Callable[[Sequence[Block]], list[Block]]
Filter = Callable[[Block], str | None]


def run(blocks: Sequence[Block], steps: Sequence[Step]) -> list[Block]:
    """Pass ``blocks`` through each step in turn.

    >>> run([Block("a")], [drop_where(lambda b: "ad")])[0].reason
    'ad'
    """
    out = list(blocks)
    for step in steps:
        out = _checked(step, out, step(out))
    return out


def step_name(step: Step) -> str:
    """The name a step goes by: its function name, or its class name.

    >>> step_name(run), step_name(drop_where(LineRule("ad")))
    ('run', 'drop_where(ad)')
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
        return block.drop(reason) if reason else block

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


@dataclass(frozen=True)
class LineRule:
    """A filter from rule data: the block is ``reason`` when its `line_key`
    matches ``[reason] lines`` whole or ``[reason] starts`` at its start, or
    its `shape_key` matches ``[reason] shapes`` whole.

    >>> LineRule("marker")(Block("SCROLL TO CONTINUE WITH CONTENT"))
    'marker'
    """

    reason: str

    def __call__(self, block: Block) -> str | None:
        key = rule_key(block.text)
        if key is not None and rules.is_line_of(self.reason, key):
            return self.reason
        # Few reasons have shapes: the others need no shape key, and nor
        # does a paragraph too long for any shape.
        has_shapes, longest = _shapes(self.reason)
        if not has_shapes or (longest is not None and shortest_shape_key(block.text) > longest):
            return None
        # Most paragraphs fit no shape by length, first character or a text
        # it needs: screened so, they are not matched at all.
        shaped = shape_key(block.text)
        if rules.fullmatch_candidates(self.reason, "shapes", shaped) and rules.line_matches(
            self.reason, "shapes", shaped
        ):
            return self.reason
        return None

    @property
    def __name__(self) -> str:
        return self.reason


@cache
def _shapes(reason: str) -> tuple[bool, int | None]:
    """Whether ``reason`` has ``shapes``, and the longest line one can match.

    >>> _shapes("marker")
    (False, None)
    """
    return rules.pattern(reason, "shapes") is not None, rules.longest(reason, "shapes")


def rule_key(text: str) -> str | None:
    """The `line_key` of ``text`` when some line rule may match it (see
    `rules.is_any_line`), else ``None``. Remembered for short lines, so the
    ten line rules that ask about each block pay for one union match.

    >>> rule_key("Baca juga: Kabar lain"), rule_key("Warga menunggu kabar dari pemerintah.")
    ('baca juga: kabar lain', None)
    """
    if len(text) <= _REMEMBER_UP_TO:
        return _remembered_rule_key(text)
    return _remembered_long_rule_key(text)


def _rule_key(text: str) -> str | None:
    key = line_key(text)
    return key if rules.is_any_line(key) else None


#: Lines up to this length have their `rule_key` remembered, in a bounded
#: cache: memory stays flat over any number of articles. Of longer lines only
#: the last is remembered: a multi-megabyte line costs one union match, not
#: one per line rule, and no more than one such line is held.
_REMEMBER_UP_TO = 2000
_remembered_rule_key = lru_cache(maxsize=1024)(_rule_key)
_remembered_long_rule_key = lru_cache(maxsize=1)(_rule_key)


def kept_indexes(blocks: Sequence[Block]) -> list[int]:
    """Positions of the kept blocks.

    >>> kept_indexes([Block("a"), Block("b", reason="ad"), Block("c")])
    [0, 2]
    """
    return [i for i, b in enumerate(blocks) if b.kept]
