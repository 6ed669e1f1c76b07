"""The text reader: scraped text in, one `Block` per line out.

Each non-blank line is a block, whatever the layout (blank-line or
single-newline paragraphs): scrapers put one paragraph per line. Lines that
hold only escape debris (a literal ``\\n``) are recorded as dropped
``escape-artifact`` blocks; escaped newlines inside a line split it.
"""

from __future__ import annotations

from cleannews.budget import check_deadline
from cleannews.markdown import MARK, unescape_mark
from cleannews.measure import is_escape_line, normalize_space, remove_invisible, split_escaped_breaks
from cleannews.model import Block
from cleannews.reasons import ESCAPE_ARTIFACT

#: Input lines read between two looks at the time budget (`cleannews.budget`).
CHECK_EVERY = 4096
#: Why the reader drops a line as ``escape-artifact``: it holds only escaped breaks, or only invisibles.
ESCAPES = "a line of escaped line breaks only"
INVISIBLE = "only invisible characters"
_MARK_STARTS = frozenset("#-*•>\\")
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

    >>> [(b.text, b.reason) for b in read_text("Judul\\n\\n\\\\n\\nIsi berita.")]
    [('Judul', None), ('\\\\n', 'escape-artifact'), ('Isi berita.', None)]
    """
    blocks = [Block(normalize_space(title), "title")] if title and title.strip() else []
    for number, line in enumerate(raw.splitlines(), start=1):
        if not number % CHECK_EVERY:
            check_deadline(f"reading line {number}")
        if not line.strip():
            continue
        if is_escape_line(line):
            blocks.append(Block(line.strip(), reason=ESCAPE_ARTIFACT, line=number, why=ESCAPES))
            continue
        for piece in split_escaped_breaks(line):
            blocks.extend(_piece_block(piece, number))
    # Marks are read on the repaired text, as they will be when the output is read again.
    if is_markdown([b.text for b in blocks if b.kept and b.line]):
        blocks = [_marked(b) if b.kept and b.line else b for b in blocks]
    return blocks


def is_markdown(lines: list[str]) -> bool:
    """Whether the text is Markdown, as `Article.to_markdown` writes it: some
    line is a ``#`` heading. Only then are list and quote marks read as kinds,
    so a scraped "- Advertisement -" keeps its dashes.

    >>> is_markdown(["# Judul", "Isi."]), is_markdown(["- Advertisement -"])
    (True, False)
    """
    return any(line.startswith("#") and MARK.match(line) for line in lines)


def _piece_block(piece: str, number: int) -> list[Block]:
    """The block for one piece of a line: none when blank, dropped when it
    held only invisible characters."""
    if not piece.strip():
        return []
    text = normalize_space(remove_invisible(piece))
    if not text:
        return [Block(piece.strip(), reason=ESCAPE_ARTIFACT, line=number, why=INVISIBLE)]
    return [Block(text, line=number)]


def _marked(block: Block) -> Block:
    """``block`` with its Markdown mark read as its kind."""
    marked = markdown_block(block.text)
    return Block(marked.text, marked.kind, line=block.line, level=marked.level)
