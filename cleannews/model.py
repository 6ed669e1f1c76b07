"""The data model: a `Block` flows through the steps, an `Article` comes out.

Both are frozen: a step that changes a block returns a new one.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from cleannews.markdown import escape_mark

if TYPE_CHECKING:
    from cleannews.evidence import Evidence


@dataclass(frozen=True, slots=True)
class PageEvidence:
    """What the page knows about one block, as the HTML reader found it: the
    raw material of the scorer's page features (text input has none).

    ``linked``: the share of the block's characters inside links (0 to 1).
    ``tag``: the HTML element the block's text sits in (``"p"``, ``"li"``,
    ``"h2"``, ...), ``""`` when the reader could not place it in the page.
    ``ancestors``: the tags of the elements around it, nearest first, at most
    `ANCESTORS` of them (``("div", "article", "body")``).
    ``words``: the lowercased words of the ``class`` and ``id`` attributes
    of the element and its ancestors, split at case changes, digits and
    punctuation, each once, nearest first (``("share", "related", "comment",
    "promo", "caption", "byline", ...)``), at most `CLASS_WORDS` of them.
    ``depth``: how deep the element sits in the page (``<html>`` is 0).
    ``index``: the block's 0-based place among the reader's blocks, and
    ``position`` the same as a share of them (0 at the top, 1 at the bottom).
    ``trafilatura``: whether trafilatura kept the block in the article.
    ``readability``: whether readability-lxml kept it; ``None`` when it was
    not asked (the reader asks it only when trafilatura took too little).
    ``emphasised``: whether all of the block's text is inside one bold
    element (``<b>``, ``<strong>``, a bold style): how many pages mark a
    subheading without a heading tag.
    """

    linked: float = 0.0
    tag: str = ""
    ancestors: tuple[str, ...] = ()
    words: tuple[str, ...] = ()
    depth: int = 0
    index: int = 0
    position: float = 0.0
    trafilatura: bool = False
    readability: bool | None = None
    emphasised: bool = False


#: How many ancestors' tags `PageEvidence.ancestors` holds, and how many class and id words.
ANCESTORS = 8
CLASS_WORDS = 24

#: Block kinds a reader or step may set. Only ``title`` is special: the
#: article takes its title from the first kept ``title`` block.
KINDS = ("title", "heading", "paragraph", "list-item", "quote")


@dataclass(frozen=True, slots=True)
class Block:
    """One unit of text in input order, kept (``reason is None``) or dropped.

    ``line`` is the 1-based input line the block came from (0 when it did not
    come from the input, like a ``title=`` argument); ``meta`` holds
    ``(key, value)`` pairs a step parsed from the block, such as an author
    from a byline; ``cuts`` holds the spans a step trimmed off the text
    (an inline "Baca juga: ..." link, a site name after a title), each a
    `Removed` with its reason; ``evidence`` is what the evidence pass found
    (`cleannews.evidence.Evidence`), and ``why`` the evidence that decided
    a drop, in words; ``level`` is a heading's level, 1 to 6 (``<h1>`` to
    ``<h6>``, ``#`` to ``######`` in Markdown; ``None`` when the input did
    not say); ``page`` is what the page knew about the block
    (`PageEvidence`, from the HTML reader only); ``start`` and ``end`` are
    the character offsets of the block's text in the raw input
    (``raw[start:end]``, text input only; ``None`` where not known: HTML, a
    ``title=`` argument, a text a step rewrote); ``repairs`` are the codes
    of the repairs made to the text (``"entity"``, ``"whitespace"``, ...,
    see docs/reasons.md), which explain where ``raw[start:end]`` and the
    text differ. None of these take part in equality: two blocks are equal
    when they say the same thing.

    >>> b = Block("Advertisement")
    >>> b.drop("ad").reason, b.reason
    ('ad', None)
    """

    text: str
    kind: str = "paragraph"
    reason: str | None = None
    line: int = field(default=0, compare=False)
    meta: tuple[tuple[str, str], ...] = field(default=(), compare=False)
    cuts: tuple[Removed, ...] = field(default=(), compare=False)
    evidence: Evidence | None = field(default=None, compare=False, repr=False)
    why: str = field(default="", compare=False, repr=False)
    level: int | None = field(default=None, compare=False)
    page: PageEvidence | None = field(default=None, compare=False, repr=False)
    start: int | None = field(default=None, compare=False)
    end: int | None = field(default=None, compare=False)
    repairs: tuple[str, ...] = field(default=(), compare=False)

    @property
    def kept(self) -> bool:
        return self.reason is None

    @property
    def exact(self) -> bool:
        """Whether the text is the input's ``raw[start:end]`` as it is: known
        offsets, no repair, no span cut from its middle.

        >>> Block("Isi.", start=5, end=9).exact, Block("Isi.", start=5, end=11).exact, Block("Isi.").exact
        (True, False, False)
        """
        if self.start is None or self.end is None or self.repairs:
            return False
        return self.end - self.start == len(self.text)

    def drop(
        self, reason: str, pairs: Iterable[tuple[str, str]] = (), *, why: str = "", **meta: str
    ) -> Block:
        """This block, dropped for ``reason``, with parsed ``pairs`` and
        ``meta`` attached (pairs may repeat a key: several authors), and
        ``why``: the evidence that decided, in words."""
        return replace(self, reason=reason, meta=(*self.meta, *pairs, *meta.items()), why=why)

    def trim(
        self,
        text: str,
        cut: str,
        reason: str,
        pairs: Iterable[tuple[str, str]] = (),
        *,
        why: str = "",
        **meta: str,
    ) -> Block:
        """This block with its text narrowed to ``text``; the ``cut`` span is
        recorded for ``reason`` (and ``why``: the evidence that decided, in
        words), with parsed ``meta`` attached.

        The offsets of the kept text and of the cut follow where the block's
        text is the input's as it is (`exact`); a cut from the middle leaves
        the block spanning both sides (its cut says what lies between), and
        the offsets of a cut from a repaired text are not known.

        >>> b = Block("Isi berita. (fyk/ash)", line=3, start=10, end=31)
        >>> b = b.trim("Isi berita.", "(fyk/ash)", "byline")
        >>> b.text, b.start, b.end, b.cuts
        ('Isi berita.', 10, 21, (Removed(text='(fyk/ash)', reason='byline', line=3, start=22, end=31),))
        """
        (start, end), (cut_start, cut_end) = trimmed_spans(self, text, cut)
        removed = Removed(cut, reason, self.line, why, cut_start, cut_end, self.repairs)
        return replace(
            self,
            text=text,
            cuts=(*self.cuts, removed),
            meta=(*self.meta, *pairs, *meta.items()),
            evidence=None,
            start=start,
            end=end,
        )

    def with_text(self, text: str, repairs: Sequence[str] = ()) -> Block:
        """This block with new text; the evidence of the old one no longer holds.

        ``repairs`` name the repairs that made ``text`` (the offsets still
        span the input the text was repaired from). Without them, a text that
        is part of an `exact` one narrows the offsets to it, and any other
        text has no known offsets.

        >>> b = Block("Ya &amp; tidak", start=0, end=14)
        >>> r = b.with_text("Ya & tidak", ["entity"])
        >>> r.start, r.end, r.repairs
        (0, 14, ('entity',))
        >>> b.with_text("tidak").start, b.with_text("Tidak").start
        (9, None)
        """
        if repairs:
            merged = tuple(dict.fromkeys((*self.repairs, *repairs)))
            return replace(self, text=text, evidence=None, repairs=merged)
        at = self.text.find(text) if self.exact and text else -1
        if at < 0 or self.start is None:
            return replace(self, text=text, evidence=None, start=None, end=None)
        return replace(self, text=text, evidence=None, start=self.start + at, end=self.start + at + len(text))

    def with_kind(self, kind: str) -> Block:
        return replace(self, kind=kind)

    def with_evidence(self, evidence: Evidence | None) -> Block:
        """This block with ``evidence`` attached: ``replace(self,
        evidence=evidence)``, written out field by field, as the evidence
        pass attaches it to every block and the generic copy costs several
        times the call (a test holds the two equal).

        >>> Block("Isi.", line=2).with_evidence(None).line
        2
        """
        return Block(
            self.text,
            self.kind,
            self.reason,
            self.line,
            self.meta,
            self.cuts,
            evidence,
            self.why,
            self.level,
            self.page,
            self.start,
            self.end,
            self.repairs,
        )


Span = tuple[int | None, int | None]


def trimmed_spans(block: Block, text: str, cut: str) -> tuple[Span, Span]:
    """The offsets of ``text`` and of ``cut`` once ``cut`` is taken from
    ``block``: see `Block.trim`.

    >>> trimmed_spans(Block("Judul - Situs", start=0, end=13), "Judul", "Situs")
    ((0, 5), (8, 13))
    >>> trimmed_spans(Block("A. Baca juga: B. C.", start=0, end=19), "A. C.", "Baca juga: B.")
    ((0, 19), (3, 16))
    """
    unknown: Span = (None, None)
    if block.start is None or not block.exact:
        return (block.start, block.end), unknown
    old, base = block.text, block.start
    at = old.find(text)
    if at < 0:  # the cut came from the middle: the block still spans both sides
        where = old.find(cut)
        return (block.start, block.end), unknown if where < 0 else (base + where, base + where + len(cut))
    where = old.find(cut, at + len(text))
    if where < 0:
        where = old.rfind(cut, 0, at)
    cut_span: Span = unknown if where < 0 else (base + where, base + where + len(cut))
    return (base + at, base + at + len(text)), cut_span


@dataclass(frozen=True, slots=True)
class Removed:
    """A dropped piece of input, the reason code it was dropped for, its input
    line, and ``why``: the rule or the evidence that decided it, in words;
    ``start`` and ``end``: its character offsets in the raw input, and
    ``repairs``: the repairs made to its text, as for `Block`."""

    text: str
    reason: str
    line: int = field(default=0, compare=False)
    why: str = field(default="", compare=False, repr=False)
    start: int | None = field(default=None, compare=False)
    end: int | None = field(default=None, compare=False)
    repairs: tuple[str, ...] = field(default=(), compare=False, repr=False)


@dataclass(frozen=True)
class Article:
    """A cleaned article: title, kept blocks in order, and what was removed."""

    title: str | None = None
    blocks: tuple[Block, ...] = ()
    removed: tuple[Removed, ...] = ()
    metadata: Mapping[str, Any] = field(default_factory=dict, hash=False)

    @classmethod
    def from_blocks(cls, blocks: Iterable[Block], metadata: Mapping[str, Any] | None = None) -> Article:
        """Assemble an article from a pipeline's output blocks."""
        blocks = list(blocks)
        first = next((i for i, b in enumerate(blocks) if b.kept and b.kind == "title"), None)
        title = None if first is None else blocks[first].text
        # A second title-kind block (a second "# " line) is a heading of the body.
        kept = tuple(
            Block(
                b.text,
                kind := "heading" if b.kind == "title" else b.kind,
                line=b.line,
                level=heading_level(b.level) if kind == "heading" else None,
                start=b.start,
                end=b.end,
                repairs=b.repairs,
            )
            for i, b in enumerate(blocks)
            if b.kept and i != first
        )
        removed = tuple(removed_in_order(blocks))
        found = merge_meta(blocks, metadata or {})
        if counts := repair_counts(blocks):
            found["repairs"] = counts
        return cls(title, kept, removed, found)

    @property
    def headings(self) -> list[str]:
        return [b.text for b in self.blocks if b.kind == "heading"]

    @property
    def paragraphs(self) -> list[str]:
        return [b.text for b in self.blocks if b.kind != "heading"]

    @property
    def text(self) -> str:
        """The kept blocks as plain text, joined by blank lines (no title)."""
        return "\n\n".join(b.text for b in self.blocks)

    def render(self) -> str:
        """Title line (when there is one), then the blocks, as plain text."""
        return "\n\n".join(([self.title] if self.title else []) + [self.text])

    def to_markdown(self) -> str:
        """``# title``, ``## heading``, ``- item``, ``> quote``, paragraphs; in
        Markdown (a title or a heading), a paragraph that starts with such a
        mark gets a backslash before it."""
        marks = {"list-item": "- ", "quote": "> "}
        lines = [f"# {self.title}"] if self.title else []
        # Only text with a "#" line reads as Markdown; only there is a mark escaped.
        marked = bool(self.title) or any(b.kind == "heading" for b in self.blocks)
        escape = escape_mark if marked else str
        lines += [
            "#" * heading_level(b.level) + " " + b.text
            if b.kind == "heading"
            else marks[b.kind] + b.text
            if b.kind in marks
            else escape(b.text)
            for b in self.blocks
        ]
        return "\n\n".join(lines) + "\n"

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict; `Article.from_dict` reads it back."""
        return {
            "title": self.title,
            "blocks": [block_dict(b) for b in self.blocks],
            "removed": [removed_dict(r) for r in self.removed],
            "metadata": dict(self.metadata),
        }

    def to_record(self, *, removals: bool = False) -> dict[str, Any]:
        """The article as one flat, JSON-safe record, the shape `cleannews batch`
        and every engine integration write: ``text`` (the kept blocks as plain
        text), ``title``, ``headings``, ``metadata`` and ``removed`` (how many
        pieces were removed for each reason, in order of first removal); with
        ``removals``, also ``removals``: each removed piece with its reason and
        its 1-based input line (0 when it came from no input line, such as a
        ``title=`` argument).

        >>> art = Article("Judul", (Block("Isi."),), (Removed("Iklan", "ad", 3), Removed("Iklan", "ad", 5)))
        >>> art.to_record()
        {'text': 'Isi.', 'title': 'Judul', 'headings': [], 'metadata': {}, 'removed': {'ad': 2}}
        >>> art.to_record(removals=True)["removals"][0]
        {'text': 'Iklan', 'reason': 'ad', 'line': 3}
        """
        counts: dict[str, int] = {}
        for r in self.removed:
            counts[r.reason] = counts.get(r.reason, 0) + 1
        record: dict[str, Any] = {
            "text": self.text,
            "title": self.title,
            "headings": self.headings,
            "metadata": json_safe(self.metadata),
            "removed": counts,
        }
        if removals:
            record["removals"] = [{"text": r.text, "reason": r.reason, "line": r.line} for r in self.removed]
        return record

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Article:
        """The article `to_dict` described; a missing key reads as empty."""
        if not isinstance(data, Mapping):
            raise TypeError(f"Article.from_dict expects a dict, got {type(data).__name__}")
        return cls(
            title=data.get("title"),
            blocks=tuple(
                Block(
                    b["text"],
                    b.get("kind", "paragraph"),
                    line=b.get("line", 0),
                    level=b.get("level"),
                    start=b.get("start"),
                    end=b.get("end"),
                    repairs=tuple(b.get("repairs", ())),
                )
                for b in data.get("blocks", ())
            ),
            removed=tuple(
                Removed(
                    r["text"],
                    r["reason"],
                    r.get("line", 0),
                    r.get("why", ""),
                    r.get("start"),
                    r.get("end"),
                    tuple(r.get("repairs", ())),
                )
                for r in data.get("removed", ())
            ),
            metadata=dict(data.get("metadata") or {}),
        )


def heading_level(level: int | None) -> int:
    """A heading's level in an article: the title is its one level 1, so an
    ``<h1>`` or ``#`` in the body is level 2, as is a heading whose input
    gave no level (a subheading found in plain text); at most 6.

    >>> [heading_level(n) for n in (None, 1, 2, 3, 9)]
    [2, 2, 2, 3, 6]
    """
    return min(6, max(2, level or 2))


def block_dict(block: Block) -> dict[str, Any]:
    """A kept block as `Article.to_dict` writes it: kind and text, a heading's
    level, its input line and offsets, and its repairs when it has any.

    >>> block_dict(Block("Latar", "heading", level=3))
    {'kind': 'heading', 'text': 'Latar', 'level': 3, 'line': 0, 'start': None, 'end': None}
    >>> block_dict(Block("Isi.", line=2, start=7, end=13, repairs=("whitespace",)))
    {'kind': 'paragraph', 'text': 'Isi.', 'line': 2, 'start': 7, 'end': 13, 'repairs': ['whitespace']}
    """
    out: dict[str, Any] = {"kind": block.kind, "text": block.text}
    if block.kind == "heading":
        out["level"] = heading_level(block.level)
    out |= {"line": block.line, "start": block.start, "end": block.end}
    if block.repairs:
        out["repairs"] = list(block.repairs)
    return out


def removed_dict(removed: Removed) -> dict[str, Any]:
    """A removed piece as `Article.to_dict` writes it: text, reason, input
    line and offsets, and its repairs when it has any.

    >>> removed_dict(Removed("Iklan", "ad", 3, start=20, end=25))
    {'text': 'Iklan', 'reason': 'ad', 'line': 3, 'start': 20, 'end': 25}
    """
    out: dict[str, Any] = {"text": removed.text, "reason": removed.reason, "line": removed.line}
    out |= {"start": removed.start, "end": removed.end}
    if removed.repairs:
        out["repairs"] = list(removed.repairs)
    return out


def repair_counts(blocks: Iterable[Block]) -> dict[str, int]:
    """How many blocks each repair was made to, for ``metadata["repairs"]``,
    in order of first use.

    >>> repair_counts([Block("a", repairs=("entity", "whitespace")), Block("b", repairs=("entity",))])
    {'entity': 2, 'whitespace': 1}
    """
    counts: dict[str, int] = {}
    for code in (code for b in blocks for code in b.repairs):
        counts[code] = counts.get(code, 0) + 1
    return counts


def removed_in_order(blocks: Iterable[Block]) -> Iterable[Removed]:
    """What the blocks lost, in input order: each block's cuts take the
    block's place, in the order the steps made them, and come before the
    block itself when it was dropped as well.

    >>> kept = Block("Isi.", cuts=(Removed("Baca juga: X", "related"),))
    >>> [r.text for r in removed_in_order([Block("Iklan", reason="ad"), kept])]
    ['Iklan', 'Baca juga: X']
    """
    for b in blocks:
        yield from b.cuts
        if b.reason:
            yield Removed(b.text, b.reason, b.line, b.why, b.start, b.end, b.repairs)


def merge_meta(blocks: Sequence[Block], base: Mapping[str, Any]) -> dict[str, Any]:
    """Metadata from ``base`` plus every block's parsed pairs.

    Keys ending in ``s`` (``authors``) collect a list of distinct values; any
    other key keeps the first value found.

    >>> merge_meta([Block("x", meta=(("authors", "A"), ("editor", "B"), ("authors", "A")))], {})
    {'authors': ['A'], 'editor': 'B'}
    """
    out: dict[str, Any] = dict(base)
    for key, value in (pair for b in blocks for pair in b.meta):
        if key.endswith("s"):
            values = out.setdefault(key, [])
            if value not in values:
                values.append(value)
        else:
            out.setdefault(key, value)
    return out


def json_safe(value: Any) -> Any:
    """``value`` as data `json.dumps` writes and reads back the same: mappings
    become dicts with string keys, tuples and sets lists (a set sorted), other
    objects (a date, say) their ``str``.

    >>> import datetime
    >>> json_safe({"date": datetime.date(2024, 5, 1), 1: ("a", {"b"}), "n": None})
    {'date': '2024-05-01', '1': ['a', ['b']], 'n': None}
    """
    if value is None or isinstance(value, str | bool | int):
        return value
    if isinstance(value, float):  # NaN and infinities are not JSON
        return value if math.isfinite(value) else str(value)
    if isinstance(value, Mapping):
        return {str(k): json_safe(v) for k, v in value.items()}
    if isinstance(value, set | frozenset):
        return sorted((json_safe(v) for v in value), key=str)
    if isinstance(value, list | tuple):
        return [json_safe(v) for v in value]
    return str(value)
