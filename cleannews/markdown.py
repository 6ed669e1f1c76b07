"""The Markdown block marks `Article.to_markdown` writes and the text reader reads."""

from __future__ import annotations

import regex

#: A block mark at the start of a line: ``#`` to ``######``, a bullet or ``>``.
MARK = regex.compile(r"(#{1,6}|[-*•]|>)[ \t]+(?=\S)")
#: A mark with backslashes before it: `escape_mark` adds one, `unescape_mark` takes one.
_ESCAPED = regex.compile(r"\\*(?:#{1,6}|[-*•]|>)[ \t]+(?=\S)")


def escape_mark(text: str) -> str:
    r"""``text`` with a backslash before a leading block mark, so a paragraph
    that starts like a list item reads back as a paragraph.

    >>> escape_mark("- 5 derajat lebih dingin"), escape_mark("Biasa saja")
    ('\\- 5 derajat lebih dingin', 'Biasa saja')
    """
    return "\\" + text if _ESCAPED.match(text) else text


def unescape_mark(text: str) -> str:
    r"""Undo `escape_mark`.

    >>> unescape_mark(r"\- 5 derajat lebih dingin"), unescape_mark(r"\\- x")
    ('- 5 derajat lebih dingin', '\\- x')
    """
    return text[1:] if text.startswith("\\") and _ESCAPED.match(text, 1) else text
