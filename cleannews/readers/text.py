"""The text reader: scraped text in, one `Block` per line out.

Each non-blank line is a block, whatever the layout (blank-line or
single-newline paragraphs): scrapers put one paragraph per line. Lines that
hold only escape debris (a literal ``\\n``) are recorded as dropped
``escape-artifact`` blocks; escaped newlines inside a line split it.

Every block knows where its text is in ``raw`` (`Block.start`, `Block.end`),
and the repairs the reader made to it (`Block.repairs`: ``invisible``
characters removed, a ``whitespace`` run made one space).
"""

from __future__ import annotations

from dataclasses import replace

from cleannews.budget import check_deadline
from cleannews.markdown import MARK, unescape_mark
from cleannews.measure import escaped_break_pieces, is_escape_line, normalize_space, remove_invisible
from cleannews.model import Block
from cleannews.reasons import ESCAPE_ARTIFACT
from cleannews.repairs import INVISIBLE as INVISIBLE_REPAIR
from cleannews.repairs import WHITESPACE

#: Input lines read between two looks at the time budget (`cleannews.budget`).
CHECK_EVERY = 4096
#: Why the reader drops a line as ``escape-artifact``: it holds only escaped breaks, or only invisibles.
ESCAPES = "a line of escaped line breaks only"
INVISIBLE = "only invisible characters"
_MARK_STARTS = frozenset("#-*•>\\")
#: What `str.splitlines` ends a line at; a line holds none of them but at its end.
_LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_MARK_KIND = {"#": "title", "-": "list-item", "*": "list-item", "•": "list-item", ">": "quote"}


def markdown_block(text: str) -> Block:
    """A block for ``text``, with a Markdown block mark read as its kind.

    >>> b = markdown_block("### Latar Belakang")
    >>> b.kind, b.text, b.level
    ('heading', 'Latar Belakang', 3)
    >>> markdown_block("#jemaah haji").kind
    'paragraph'
    >>> markdown_block("\\\\- 0 persen").text
    '- 0 persen'
    """
    if text[:1] not in _MARK_STARTS:
        return Block(text)
    unescaped = unescape_mark(text)
    if unescaped != text:
        return Block(unescaped)
    mark = MARK.match(text)
    if mark is None:
        return Block(text)
    sign = mark.group(1)
    level = len(sign) if sign[0] == "#" else None
    return Block(text[mark.end() :], _MARK_KIND.get(sign, "heading"), level=level)


def read_text(raw: str, *, title: str | None = None) -> list[Block]:
    """Blocks for every non-blank line of ``raw``, in order.

    A ``title`` given by the caller comes first, as a ``title`` block.

    >>> [(b.text, b.reason, b.start, b.end) for b in read_text("Judul\\n\\n\\\\n\\nIsi berita.")]
    [('Judul', None, 0, 5), ('\\\\n', 'escape-artifact', 7, 9), ('Isi berita.', None, 10, 21)]
    """
    blocks = [Block(normalize_space(title), "title")] if title and title.strip() else []
    offset = 0
    for number, ended in enumerate(raw.splitlines(keepends=True), start=1):
        at, offset = offset, offset + len(ended)
        if not number % CHECK_EVERY:
            check_deadline(f"reading line {number}")
        line = ended.rstrip(_LINE_BREAKS)
        if not line.strip():
            continue
        if is_escape_line(line):
            blocks.append(_stripped(Block(line, reason=ESCAPE_ARTIFACT, line=number, why=ESCAPES), at))
            continue
        for where, piece in escaped_break_pieces(line):
            blocks.extend(_piece_block(piece, number, at + where))
    # Marks are read on the repaired text, as they will be when the output is read again.
    if is_markdown([b.text for b in blocks if b.kept and b.line]):
        blocks = [_marked(b, raw) if b.kept and b.line else b for b in blocks]
    return blocks


def is_markdown(lines: list[str]) -> bool:
    """Whether the text is Markdown, as `Article.to_markdown` writes it: some
    line is a ``#`` heading. Only then are list and quote marks read as kinds,
    so a scraped "- Advertisement -" keeps its dashes.

    >>> is_markdown(["# Judul", "Isi."]), is_markdown(["- Advertisement -"])
    (True, False)
    """
    return any(line.startswith("#") and MARK.match(line) for line in lines)


def _stripped(block: Block, at: int) -> Block:
    """``block`` with its text stripped, and the offsets of what is left,
    ``at`` being where the unstripped text starts in the input."""
    text = block.text.strip()
    start = at + len(block.text) - len(block.text.lstrip())
    return replace(block, text=text, start=start, end=start + len(text))


def _piece_block(piece: str, number: int, at: int) -> list[Block]:
    """The block for one piece of a line, which starts at offset ``at`` of
    the input: none when blank, dropped when it held only invisible characters.

    >>> b = _piece_block(" Ja\\u200bkarta  raya ", 1, 10)[0]
    >>> b.text, b.start, b.end, b.repairs
    ('Jakarta raya', 11, 25, ('invisible', 'whitespace'))
    """
    found = piece.strip()
    if not found:
        return []
    # One Block built directly: this runs once per input line (dataclasses.replace costs several times more).
    start = at + len(piece) - len(piece.lstrip())
    end = start + len(found)
    visible = remove_invisible(found)
    text = normalize_space(visible)
    if not text:
        return [Block(found, reason=ESCAPE_ARTIFACT, line=number, why=INVISIBLE, start=start, end=end)]
    if text == found:
        return [Block(text, line=number, start=start, end=end)]
    repairs = (INVISIBLE_REPAIR,) * (visible != found) + (WHITESPACE,) * (text != visible)
    return [Block(text, line=number, start=start, end=end, repairs=repairs)]


def _marked(block: Block, raw: str) -> Block:
    """``block`` with its Markdown mark read as its kind; the mark is not
    text, so the block's offsets start after it in ``raw``."""
    marked = markdown_block(block.text)
    start = block.start
    if start is not None and marked.text != block.text:
        mark = block.text[: len(block.text) - len(marked.text)]
        start += len(mark) if block.exact else mark_width(raw[start : block.end], mark)
    return replace(block, text=marked.text, kind=marked.kind, level=marked.level, start=start)


def mark_width(span: str, mark: str) -> int:
    """How much of the input ``span`` a mark read on its repaired text takes:
    its signs as written, then the white space and invisible characters the
    repairs made one space of. 0 when a repair made the signs themselves.

    >>> mark_width("##\u00a0Judul", "## "), mark_width("&#35; Judul", "# ")
    (3, 0)
    """
    signs = mark.rstrip()
    if not span.startswith(signs):
        return 0
    at = len(signs)
    while at < len(span) and (span[at].isspace() or not remove_invisible(span[at])):
        at += 1
    return at
