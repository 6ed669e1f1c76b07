"""Repairs of damaged characters: mojibake, HTML entities, control characters.

Only damage is repaired. Typographic quotes, ligatures, full-width forms and
spelling stay as written. ftfy runs only on text with a suspicious character,
so clean text costs one regex scan. Every repair is recorded on the block it
changed (`Block.repairs`), by its code in `cleannews.repairs`.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

import ftfy
import regex
from ftfy.badness import is_bad

from cleannews.measure import is_escape_line, normalize_space, remove_invisible, split_escaped_breaks
from cleannews.model import Block
from cleannews.reasons import ESCAPE_ARTIFACT
from cleannews.repairs import ENTITY, ESCAPE, INVISIBLE, MOJIBAKE, WHITESPACE

_FTFY = ftfy.TextFixerConfig(
    unescape_html=False,  # done by unescape_entities, which only takes terminated entities
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    normalization="NFC",
    explain=False,
)
_FTFY_EXPLAINED = _FTFY._replace(explain=True)
#: ftfy's fixes that remove invisible characters; all its others repair mojibake.
_FTFY_INVISIBLE = frozenset({"remove_control_chars", "remove_terminal_escapes"})
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


def fix_mojibake_explained(text: str) -> tuple[str, tuple[str, ...]]:
    """`fix_mojibake`, and the repair codes of what ftfy did, from its own
    explanation of its fixes.

    >>> fix_mojibake_explained("Kata â€œbaikâ€\\x9d\\x07.")
    ('Kata “baik”.', ('mojibake', 'invisible'))
    >>> fix_mojibake_explained("Biasa.")
    ('Biasa.', ())
    """
    if not looks_damaged(text):
        return text, ()
    fixed, steps = ftfy.fix_and_explain(text, _FTFY_EXPLAINED)
    codes = (INVISIBLE if step.parameter in _FTFY_INVISIBLE else MOJIBAKE for step in steps or ())
    return fixed, tuple(dict.fromkeys(codes))


class _Repairs:
    """A text being repaired, and the codes of the repairs that changed it."""

    __slots__ = ("codes", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.codes: list[str] = []

    def apply(self, code: str, fix: Callable[[str], str]) -> None:
        fixed = fix(self.text)
        if fixed != self.text:
            self.text = fixed
            if code not in self.codes:
                self.codes.append(code)

    def mojibake(self) -> None:
        self.text, codes = fix_mojibake_explained(self.text)
        self.codes += [c for c in codes if c not in self.codes]


def _joined_breaks(text: str) -> str:
    return " ".join(split_escaped_breaks(unescape_quotes(text)))


def repaired_once(text: str) -> tuple[str, tuple[str, ...]]:
    """Every repair once, in the order damage is usually layered, and the
    codes of those that changed the text (`cleannews.repairs`). An escaped
    break (which the reader splits at) is a space here: one that an entity or
    a control character hid (``&#92;n``) must not become a line break when the
    text is read again.

    >>> repaired_once("Harga \\u200bnaik&nbsp;5%  hari&#8217;ini")
    ('Harga naik 5% hari’ini', ('entity', 'invisible', 'whitespace'))
    >>> repaired_once("Satu.&#92;nDua.")
    ('Satu. Dua.', ('entity', 'escape'))
    """
    if text.isascii() and text.isprintable() and "&" not in text and "\\" not in text:
        # Most lines: nothing but white space can need a repair (no object built for them).
        spaced = normalize_space(text)
        return spaced, (WHITESPACE,) if spaced != text else ()
    fixing = _Repairs(text)
    if "&" in text:
        fixing.apply(ENTITY, unescape_entities)
    if "\\" in fixing.text:
        fixing.apply(ESCAPE, unescape_quotes)
    if fixing.text.isascii() and fixing.text.isprintable() and "\\" not in fixing.text:
        # No control, invisible or mis-decoded character is possible.
        fixing.apply(WHITESPACE, normalize_space)
        return fixing.text, tuple(fixing.codes)
    fixing.mojibake()
    if "\\" in fixing.text:
        fixing.apply(ESCAPE, _joined_breaks)
    fixing.apply(INVISIBLE, remove_invisible)
    fixing.apply(WHITESPACE, normalize_space)
    return fixing.text, tuple(fixing.codes)


def repair_once(text: str) -> str:
    """`repaired_once`'s text.

    >>> repair_once("Harga \\u200bnaik&nbsp;5%  hari&#8217;ini")
    'Harga naik 5% hari’ini'
    """
    return repaired_once(text)[0]


def repaired_text(text: str, *, max_passes: int = 4) -> tuple[str, tuple[str, ...]]:
    """`repaired_once` until nothing changes (at most ``max_passes`` times),
    so repaired text is never repaired again: one repair can uncover damage
    another one hid, as ``Â\\t`` is mojibake only once the tab escape is a
    space. The codes of every pass, each once, in order.

    >>> repaired_text("Â\\\\t0")
    ('0', ('escape', 'mojibake', 'whitespace'))
    """
    codes: dict[str, None] = {}
    for _ in range(max_passes):
        repaired, found = repaired_once(text)
        if repaired == text:
            break
        codes |= dict.fromkeys(found)
        text = repaired
    return text, tuple(codes)


def repair_text(text: str, *, max_passes: int = 4) -> str:
    """`repaired_text`'s text.

    >>> repair_text("Â\\\\t0"), repair_text(repair_text("Â\\\\t0"))
    ('0', '0')
    """
    return repaired_text(text, max_passes=max_passes)[0]


def repair(blocks: list[Block]) -> list[Block]:
    """Repair every kept block's text, recording the repairs in
    `Block.repairs`; a block left with no text, or with only escape debris,
    is an ``escape-artifact`` and keeps its original text in ``removed``.

    >>> [(b.text, b.reason, b.repairs) for b in repair([Block("\\x08\\\\r"), Block("Ya&#33;")])]
    [('\\x08\\\\r', 'escape-artifact', ()), ('Ya!', None, ('entity',))]
    """
    return [_repaired(b) for b in blocks]


def _repaired(block: Block) -> Block:
    if not block.kept:
        return block
    text, codes = repaired_text(block.text)
    # Repairs, the reader's included, can leave only escape debris ("\\r" once a control character goes).
    if not text or is_escape_line(text):
        return block.drop(ESCAPE_ARTIFACT, why="only escape debris once repaired")
    return block if text == block.text else block.with_text(text, codes)
