"""``cleannews explain``: the input, with every removed line marked with its reason.

Kept lines are shown as they are; a removed line gets a ``[- reason]``
marker (in colour on a terminal). A line the reader split into pieces (at an
escaped ``\\n``) that were not all treated alike, or a paragraph a span was
cut from, is shown piece by piece. A removal a site profile decided shows
the count that decided: ``[- site-boilerplate: in 57 of 289 articles of the site]``.
A line whose text was repaired ends with the repairs made, by their codes
(``[~ entity, whitespace]``, see docs/reasons.md), and the closing line
counts them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from cleannews.model import Article, Block, Removed
from cleannews.pipeline import RulesArg, clean_blocks
from cleannews.readers.text import read_text
from cleannews.reasons import SITE_BOILERPLATE
from cleannews.steps import Step

RED, DIM, RESET = "\x1b[1;31m", "\x1b[2m", "\x1b[0m"
#: Reasons whose marker also says why (the count a site profile decided by).
SHOW_WHY = frozenset({SITE_BOILERPLATE})


@dataclass(frozen=True, slots=True)
class Style:
    """How a kept or removed line is written: plain markers, or ANSI colour;
    with ``why``, the rule or evidence that decided each removal after it."""

    color: bool = False
    why: bool = False

    def kept(self, text: str, repairs: Sequence[str] = ()) -> str:
        """``text``, and the ``repairs`` made to it when there are any.

        >>> Style().kept("Ya & tidak", ("entity",)), Style().kept("Ya")
        ('Ya & tidak  [~ entity]', 'Ya')
        """
        if not repairs:
            return text
        mark = f"[~ {', '.join(repairs)}]"
        return f"{text}  {DIM}{mark}{RESET}" if self.color else f"{text}  {mark}"

    def removed(self, reason: str, text: str, why: str = "") -> str:
        """``[- reason] text``, the marker red and the text dimmed in colour;
        ``why`` goes into the marker for the reasons in `SHOW_WHY`, and after
        the text for the others when the style asks for it (``--why``).

        >>> Style().removed("ad", "Advertisement", "[ad] label")
        '[- ad] Advertisement'
        >>> Style(why=True).removed("ad", "Advertisement", "[ad] label")
        '[- ad] Advertisement  (why: [ad] label)'
        >>> Style().removed("site-boilerplate", "Unduh", "in 3 of 4 articles of the site")
        '[- site-boilerplate: in 3 of 4 articles of the site] Unduh'
        """
        in_mark = bool(why) and reason in SHOW_WHY
        mark = f"{reason}: {why}" if in_mark else reason
        note = f"  (why: {why})" if self.why and why and not in_mark else ""
        if self.color:
            return f"{RED}[- {mark}]{RESET} {DIM}{text}{RESET}{note}"
        return f"[- {mark}] {text}{note}"


def explain_text(
    raw: str,
    *,
    title: str | None = None,
    steps: Sequence[Step] | None = None,
    style: Style = Style(),
    rules: RulesArg = None,
    profile: object | None = None,
) -> Iterator[str]:
    """The lines of ``raw``, each removed one marked with its reason, then a
    line counting the removals.

    >>> print("\\n".join(explain_text("Judul\\n\\nIsi berita yang panjang.\\nBaca juga: Lain")))
    Judul
    <BLANKLINE>
    Isi berita yang panjang.
    [- related] Baca juga: Lain
    -- removed 1 of 3 blocks: related 1
    """
    blocks = clean_blocks(read_text(raw, title=title), steps=steps, rules=rules, profile=profile)
    by_line = blocks_by_line(blocks)
    # Blocks that are not input lines (a title= argument) have line 0.
    yield from (style.removed(b.reason or "", b.text, b.why) for b in by_line.pop(0, []) if not b.kept)
    explained = (
        shown
        for number, line in enumerate(raw.splitlines(), start=1)
        for shown in explain_line(line.rstrip(), by_line.get(number, []), style)
    )
    yield from squeeze_blank(explained)
    cuts = [cut.reason for b in blocks for cut in b.cuts]
    yield removal_summary((b.reason for b in blocks if b.line), (b.repairs for b in blocks), cuts)


def squeeze_blank(lines: Iterable[str]) -> Iterator[str]:
    """The lines with each run of blank lines cut to one, none at the ends:
    scraped text is often padded with dozens.

    >>> list(squeeze_blank(["", "a", "", "", "b", ""]))
    ['a', '', 'b']
    """
    pending = False
    started = False
    for line in lines:
        if not line.strip():
            pending = started
            continue
        if pending:
            yield ""
        pending, started = False, True
        yield line


def blocks_by_line(blocks: Iterable[Block]) -> dict[int, list[Block]]:
    """The blocks grouped by the input line they came from, order kept."""
    groups: dict[int, list[Block]] = defaultdict(list)
    for block in blocks:
        groups[block.line].append(block)
    return groups


def explain_line(line: str, blocks: Sequence[Block], style: Style) -> Iterator[str]:
    """One input line, explained by the blocks it became.

    >>> list(explain_line("Iklan", [Block("Iklan", reason="ad")], Style()))
    ['[- ad] Iklan']
    >>> pieces = [Block("Isi."), Block("Baca juga: X", reason="related")]
    >>> list(explain_line(r"Isi.\\nBaca juga: X", pieces, Style()))
    ['Isi.', '[- related] Baca juga: X']
    >>> trimmed = Block("Isi.", cuts=(Removed("Unduh kami.", "newsletter"),))
    >>> list(explain_line("Isi. Unduh kami.", [trimmed], Style()))
    ['Isi.', '[- newsletter] Unduh kami.']
    """
    reasons = {b.reason for b in blocks}
    cut = any(b.cuts for b in blocks)
    if not blocks or (reasons == {None} and not cut):
        yield style.kept(line, tuple(dict.fromkeys(code for b in blocks for code in b.repairs)))
    elif len(reasons) == 1 and not cut:
        yield style.removed(blocks[0].reason or "", line.strip(), blocks[0].why)
    else:
        for block in blocks:
            yield from block_pieces(line, block, style)


def block_pieces(line: str, block: Block, style: Style) -> Iterator[str]:
    """A block and the spans cut from it, in the order the line has them."""
    if block.kept:
        own = style.kept(block.text, block.repairs)
    else:
        own = style.removed(block.reason or "", block.text, block.why)
    at = line.find(block.text)
    pieces = [(at, 1, own)] + [(_place(line, c, at), 0, _cut(c, style)) for c in block.cuts]
    yield from (text for *_, text in sorted(pieces, key=lambda piece: piece[:2]))


def _place(line: str, cut: Removed, at: int) -> int:
    """Where a cut span sits in the line: before the block's text, or after."""
    found = line.find(cut.text)
    return found if found >= 0 else at + 1


def _cut(cut: Removed, style: Style) -> str:
    return style.removed(cut.reason, cut.text, cut.why)


def explain_article(article: Article, style: Style = Style()) -> Iterator[str]:
    """An article's title, kept blocks and removed blocks, merged in input
    order by their line numbers (for HTML, where input lines are markup),
    then a line counting the removals. What was removed from a kept block's
    line (the HTML reader numbers blocks, the title 0) was cut from inside it.

    >>> from cleannews.model import Removed
    >>> gone = (Removed("Iklan", "ad", 2), Removed("Baca juga: X", "related", 3))
    >>> art = Article("Judul", (Block("Isi.", line=3),), gone)
    >>> list(explain_article(art))[-1]
    '-- removed 1 of 3 blocks: ad 1; cut 1 piece from inside them: related 1'
    """
    if article.title:
        yield style.kept(article.title)
    entries = [(b.line, 0, style.kept(b.text, b.repairs)) for b in article.blocks]
    entries += [(r.line, 1, style.removed(r.reason, r.text, r.why)) for r in article.removed]
    yield from (text for _, _, text in sorted(entries, key=lambda entry: entry[:2]))
    kept_lines = {b.line for b in article.blocks} | ({0} if article.title else set())
    whole: list[str | None] = [r.reason for r in article.removed if r.line not in kept_lines]
    cuts = [r.reason for r in article.removed if r.line in kept_lines]
    kept = len(article.blocks) + bool(article.title)
    repairs = [b.repairs for b in article.blocks] + [r.repairs for r in article.removed]
    yield removal_summary([None] * kept + whole, repairs, cuts)


def removal_summary(
    reasons: Iterable[str | None], repairs: Iterable[Sequence[str]] = (), cuts: Sequence[str] = ()
) -> str:
    """A closing line: how many blocks were removed, and for what; how many
    pieces were cut from inside kept blocks (``cuts``: their reasons), and
    how many blocks were repaired, by which repairs, when any was.

    >>> removal_summary(["ad", None, "ad", "related"])
    '-- removed 3 of 4 blocks: ad 2, related 1'
    >>> removal_summary(["ad", None], [("entity", "whitespace"), ("entity",)])
    '-- removed 1 of 2 blocks: ad 1; repaired 2 blocks: entity 2, whitespace 1'
    >>> removal_summary([None, None], cuts=["related"])
    '-- removed 0 of 2 blocks; cut 1 piece from inside them: related 1'
    """
    counts = Counter(reasons)
    total = sum(counts.values())
    kept = counts.pop(None, 0)
    detail = ", ".join(f"{reason} {n}" for reason, n in counts.most_common())
    line = f"-- removed {total - kept} of {total} blocks" + (f": {detail}" if detail else "")
    if cuts:
        cut = ", ".join(f"{reason} {n}" for reason, n in Counter(cuts).most_common())
        line += f"; cut {len(cuts)} piece{'s' if len(cuts) != 1 else ''} from inside them: {cut}"
    repaired = [codes for codes in repairs if codes]
    if not repaired:
        return line
    made = Counter(code for codes in repaired for code in codes)
    detail = ", ".join(f"{code} {n}" for code, n in made.most_common())
    count = len(repaired)
    return f"{line}; repaired {count} block{'s' if count != 1 else ''}: {detail}"
