"""cleannews: scraped news text or HTML in, a clean structured `Article` out.

>>> art = clean_text("Judul Berita\\n\\nIsi berita yang panjang dan jelas.\\nBaca juga: Berita lain")
>>> art.title, art.paragraphs, [(r.text, r.reason) for r in art.removed]
('Judul Berita', ['Isi berita yang panjang dan jelas.'], [('Baca juga: Berita lain', 'related')])
"""

from __future__ import annotations

from collections.abc import Sequence

from cleannews.model import Article, Block, Removed
from cleannews.readers.text import read_text
from cleannews.steps import Step, default_steps, run

__version__ = "0.1.0"


def clean_text(raw: str, *, title: str | None = None, steps: Sequence[Step] | None = None) -> Article:
    """Clean scraped article text.

    ``title`` is the headline when the caller knows it (a line repeating it is
    then dropped); ``steps`` replaces `default_steps`.
    """
    _expect_str("clean_text", "raw", raw)
    if title is not None:
        _expect_str("clean_text", "title", title)
    blocks = run(read_text(raw, title=title), default_steps() if steps is None else steps)
    return Article.from_blocks(blocks)


def _expect_str(function: str, name: str, value: object) -> None:
    if isinstance(value, str):
        return
    hint = " (decode bytes first, e.g. raw.decode('utf-8'))" if isinstance(value, bytes | bytearray) else ""
    raise TypeError(f"{function}() expects {name} as str, got {type(value).__name__}{hint}")


__all__ = ["Article", "Block", "Removed", "__version__", "clean_text", "default_steps"]
