"""The text reader: scraped text in, one `Block` per line out.

Each non-blank line is a block, whatever the layout (blank-line or
single-newline paragraphs): scrapers put one paragraph per line. Lines that
hold only escape debris (a literal ``\\n``) are recorded as dropped
``escape-artifact`` blocks; escaped newlines inside a line split it.
"""

from __future__ import annotations

import regex

from cleannews.markdown import MARK, unescape_mark
from cleannews.measure import normalize_space
from cleannews.model import Block
from cleannews.reasons import ESCAPE_ARTIFACT

#: A line made only of escaped line breaks and tabs: ``\\n``, ``\\r\\n``, ``\\\\n``, ``\\t``.
#: Possessive, and a run of backslashes is read once from its first one: linear on any line.
_ESCAPE_LINE = regex.compile(r"(?:\s*+\\++[nrt])++\s*+")
#: An escaped line break inside a line, which the scraper meant as a break.
_ESCAPED_BREAK = regex.compile(r"(?<!\\)(?:\\++r)?\\++n")
#: Characters with no width that scrapers leave in or instead of text.
#: Also C0 control characters (but tab and line breaks): never text, and they can
#: hide a Markdown mark or an escape from the reader ("#\x08 Judul").
#: A soft hyphen between two letters is a hyphenation point the writer set
#: ("Not\u00adfall"), and stays; anywhere else it is debris.
_INVISIBLE = regex.compile("[\u200b\u2060\ufeff\x00-\x08\x0e-\x1f\x7f]|(?<!\\p{L})\u00ad|\u00ad(?!\\p{L})")
_MARK_STARTS = frozenset("#-*•>\\")
_MARK_KIND = {"#": "title", "-": "list-item", "*": "list-item", "•": "list-item", ">": "quote"}


def remove_invisible(text: str) -> str:
    """Drop zero-width spaces, word joiners, BOMs, C0 control characters
    and soft hyphens that do not sit between two letters (one inside a word
    is the writer's hyphenation point, and stays).

    >>> remove_invisible("Ja\\u200bkarta\\ufeff")
    'Jakarta'
    >>> remove_invisible("Not\\u00adfall \\u00ad")
    'Not\\xadfall '
    """
    return text if text.isascii() else _INVISIBLE.sub("", text)


def split_escaped_breaks(line: str) -> list[str]:
    """The pieces of a line between escaped line breaks (``\\n`` written as text).

    >>> split_escaped_breaks(r"Satu.\\nDua.")
    ['Satu.', 'Dua.']
    """
    return _ESCAPED_BREAK.split(line) if "\\" in line else [line]


def is_escape_line(line: str) -> bool:
    """Whether a line holds nothing but escaped breaks or tabs.

    >>> is_escape_line(r" \\n "), is_escape_line(r"\\r\\n"), is_escape_line("n")
    (True, True, False)
    """
    return "\\" in line and _ESCAPE_LINE.fullmatch(line) is not None


def markdown_block(text: str) -> Block:
    """A block for ``text``, with a Markdown block mark read as its kind.

    >>> b = markdown_block("## Latar Belakang")
    >>> b.kind, b.text
    ('heading', 'Latar Belakang')
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
    return Block(text[mark.end() :], _MARK_KIND.get(mark.group(1), "heading"))


def read_text(raw: str, *, title: str | None = None) -> list[Block]:
    """Blocks for every non-blank line of ``raw``, in order.

    A ``title`` given by the caller comes first, as a ``title`` block.

    >>> [(b.text, b.reason) for b in read_text("Judul\\n\\n\\\\n\\nIsi berita.")]
    [('Judul', None), ('\\\\n', 'escape-artifact'), ('Isi berita.', None)]
    """
    blocks = [Block(normalize_space(title), "title")] if title and title.strip() else []
    for number, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        if is_escape_line(line):
            blocks.append(Block(line.strip(), reason=ESCAPE_ARTIFACT, line=number))
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
        return [Block(piece.strip(), reason=ESCAPE_ARTIFACT, line=number)]
    return [Block(text, line=number)]


def _marked(block: Block) -> Block:
    """``block`` with its Markdown mark read as its kind."""
    marked = markdown_block(block.text)
    return Block(marked.text, marked.kind, line=block.line)
