"""Repairs of damaged characters: mojibake, HTML entities, control characters.

Only damage is repaired. Typographic quotes, ligatures, full-width forms and
spelling stay as written. ftfy runs only on text with a suspicious character,
so clean text costs one regex scan.
"""

from __future__ import annotations

import html
import re

import ftfy
import regex
from ftfy.badness import is_bad

from cleannews.measure import is_escape_line, normalize_space, remove_invisible, split_escaped_breaks
from cleannews.model import Block
from cleannews.reasons import ESCAPE_ARTIFACT

_FTFY = ftfy.TextFixerConfig(
    unescape_html=False,  # done by unescape_entities, which only takes terminated entities
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    normalization="NFC",
    explain=False,
)
_ENTITY = regex.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
#: C0 and C1 controls (but tab) and lone surrogates: never text, always damage.
_CONTROL = regex.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
#: Escaped quotes and tabs a JSON-escaping scraper left behind.
#: A run of backslashes is read once, from its first one: linear on any line.
_ESCAPED_CHAR = regex.compile(r"(?<!\\)\\++([\"'])|(?<!\\)\\++t")
_MAX_ENTITY_PASSES = 8


def unescape_entities(text: str) -> str:
    """Decode HTML entities, also double-escaped ones (``&amp;quot;``).

    Only terminated entities are read, so "AT&T" and "&copy" stay as written.

    >>> unescape_entities("Tom &amp;amp; Jerry &quot;lucu&quot; AT&T")
    'Tom & Jerry "lucu" AT&T'
    """
    for _ in range(_MAX_ENTITY_PASSES):
        decoded = _ENTITY.sub(lambda m: html.unescape(m.group()), text)
        if decoded == text:
            break
        text = decoded
    return text


def unescape_quotes(text: str) -> str:
    r"""Undo backslash escapes of quotes and tabs.

    >>> unescape_quotes(r'Ia berkata \"ya\".\tSelesai.')
    'Ia berkata "ya". Selesai.'
    """
    return _ESCAPED_CHAR.sub(lambda m: m.group(1) or " ", text)


def looks_damaged(text: str) -> bool:
    """Whether ``text`` has a character that only damage puts there.

    >>> looks_damaged("Kabar baik “hari ini”."), looks_damaged("SchÃ¶ne")
    (False, True)
    """
    # isprintable() is False for every control character and surrogate: a
    # C-level check that spares the regex scan on almost every line.
    if not text.isprintable() and _CONTROL.search(text):
        return True
    return not text.isascii() and has_mojibake(text)


def has_mojibake(text: str) -> bool:
    """ftfy's badness test (`ftfy.badness.is_bad`), skipped for text whose
    only non-ASCII characters are typographic quotes, dashes and the like,
    which ftfy's pattern never takes for damage (a test checks this).

    >>> has_mojibake("Kabar baik “hari ini”."), has_mojibake("Kata â€œbaikâ€\x9d.")
    (False, True)
    """
    if _NOT_TYPOGRAPHIC.search(text) is None:
        return False
    return is_bad(text)


#: Typographic quotes, dashes, bullets and the no-break space, common in text
#: that has no damage.
TYPOGRAPHIC = "“”‘’–—…•\u00a0«»·"
#: A character that is neither ASCII nor typographic.
_NOT_TYPOGRAPHIC = re.compile(f"[^\\x00-\\x7f{re.escape(TYPOGRAPHIC)}]")


def fix_mojibake(text: str) -> str:
    """Repair mojibake and strip control characters with ftfy, only where
    the text looks damaged.

    >>> fix_mojibake("Pendapat Anda â€œpentingâ€\\x9d")
    'Pendapat Anda “penting”'
    """
    return ftfy.fix_text(text, _FTFY) if looks_damaged(text) else text


def repair_once(text: str) -> str:
    """Every repair once, in the order damage is usually layered. An escaped
    break (which the reader splits at) is a space here: one that an entity or
    a control character hid (``&#92;n``) must not become a line break when the
    text is read again.

    >>> repair_once("Harga \\u200bnaik&nbsp;5%  hari&#8217;ini")
    'Harga naik 5% hari’ini'
    >>> repair_once("Satu.&#92;nDua.")
    'Satu. Dua.'
    """
    if "&" in text:
        text = unescape_entities(text)
    if "\\" in text:
        text = unescape_quotes(text)
    if text.isascii() and text.isprintable() and "\\" not in text:
        return normalize_space(text)  # no control, invisible or mis-decoded character is possible
    text = fix_mojibake(text)
    if "\\" in text:
        text = " ".join(split_escaped_breaks(unescape_quotes(text)))
    return normalize_space(remove_invisible(text))


def repair_text(text: str, *, max_passes: int = 4) -> str:
    """`repair_once` until nothing changes (at most ``max_passes`` times), so
    repaired text is never repaired again: one repair can uncover damage
    another one hid, as ``Â\\t`` is mojibake only once the tab escape is a space.

    >>> repair_text("Â\\\\t0"), repair_text(repair_text("Â\\\\t0"))
    ('0', '0')
    """
    for _ in range(max_passes):
        repaired = repair_once(text)
        if repaired == text:
            break
        text = repaired
    return text


def repair(blocks: list[Block]) -> list[Block]:
    """Repair every kept block's text; a block left with no text, or with
    only escape debris, is an ``escape-artifact`` and keeps its original
    text in ``removed``.

    >>> [(b.text, b.reason) for b in repair([Block("\\x08\\\\r"), Block("Ya&#33;")])]
    [('\\x08\\\\r', 'escape-artifact'), ('Ya!', None)]
    """
    return [_repaired(b) for b in blocks]


def _repaired(block: Block) -> Block:
    if not block.kept:
        return block
    text = repair_text(block.text)
    # Repairs, the reader's included, can leave only escape debris ("\\r" once a control character goes).
    if not text or is_escape_line(text):
        return block.drop(ESCAPE_ARTIFACT, why="only escape debris once repaired")
    return block if text == block.text else block.with_text(text)
