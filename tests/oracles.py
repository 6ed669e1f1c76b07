r"""Oracles of the laws, written without the library.

Nothing here imports cleannews: the units of the input are found by a plain
scan of lines, blank lines and literal ``\n`` sequences; the repairs law 2
allows are the standard library's ``html.unescape``, a few backslash
escapes, and ftfy's own ``fix_text`` with the options the design allows (no
uncurled quotes, no width or ligature folding); words are runs of letters
and digits. A bug in the library's reader, rule tables or repairs cannot
hide in its own oracle.

The laws, as the properties state them with these oracles:

- law 1 (nothing lost): on every input line, each word of the line's units
  (as written, or as repaired) comes out in what the article holds from that
  line: the title, kept blocks, removed entries, and cuts (a span trimmed
  off a kept block, such as a site name after a title, is a removed entry
  of the same line). `lost_words` is what does not.
- "once": no line gives more words than it holds (`extra_words`).
- law 2 (nothing invented): every word of a kept text is a word of its line,
  as written or as repaired (`invented_words`).
- law 4 (order kept): `out_of_order` finds blocks or removed entries that
  come before one of an earlier input line.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Protocol

import ftfy

# ---------------------------------------------------------------- units


def units(raw: str) -> list[tuple[int, str]]:
    r"""``(line number, text)`` of every unit of ``raw``, in order: each
    non-blank line, split at escaped line breaks (a literal ``\n``, ``\r\n``
    or ``\r``, written with backslashes); a line of nothing but escapes is one
    unit.

    >>> units("Judul\n\n  \nSatu.\\nDua.\n\\n \\t")
    [(1, 'Judul'), (4, 'Satu.'), (4, 'Dua.'), (5, '\\n \\t')]
    """
    out: list[tuple[int, str]] = []
    for number, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        if escapes_only(line):
            out.append((number, line))
            continue
        out += [(number, piece) for piece in split_at_escaped_breaks(line) if piece.strip()]
    return out


def _backslashes_end(line: str, start: int) -> int:
    """The index after the run of backslashes starting at ``start``."""
    end = start
    while end < len(line) and line[end] == "\\":
        end += 1
    return end


def _escaped_break_end(line: str, start: int) -> int | None:
    r"""Where an escaped break (``\n``, or ``\r`` and any more ``\r`` with
    one ``\n`` after them or none, each mark after a run of backslashes)
    that starts at ``start`` ends, or ``None``."""
    after = _backslashes_end(line, start)
    if after == start or after >= len(line) or line[after] not in "nr":
        return None
    end = after + 1
    while line[after] == "r":
        next_run = _backslashes_end(line, end)
        if next_run == end or next_run >= len(line) or line[next_run] not in "nr":
            return end
        after, end = next_run, next_run + 1
    return end


def split_at_escaped_breaks(line: str) -> list[str]:
    r"""The pieces of ``line`` between escaped breaks. A backslash run is
    read whole, from its first backslash.

    >>> split_at_escaped_breaks("a\\nb\\r\\nc\\\\nd\\te")
    ['a', 'b', 'c', 'd\\te']
    >>> split_at_escaped_breaks("a\\rb\\r\\r\\nc\\r\\n\\nd")
    ['a', 'b', 'c', '', 'd']
    """
    pieces, start, at = [], 0, 0
    while at < len(line):
        if line[at] != "\\":
            at += 1
            continue
        end = _escaped_break_end(line, at)
        if end is None:
            at = _backslashes_end(line, at)
            continue
        pieces.append(line[start:at])
        start = at = end
    return [*pieces, line[start:]]


def escapes_only(line: str) -> bool:
    r"""Whether ``line`` holds nothing but escaped breaks and tabs (``\n``,
    ``\r``, ``\t`` after backslashes) between white space.

    >>> escapes_only(" \\n \\r\\n"), escapes_only("\\n x"), escapes_only("   ")
    (True, False, False)
    """
    at, seen = 0, False
    while at < len(line):
        if line[at].isspace():
            at += 1
            continue
        after = _backslashes_end(line, at)
        if after == at or after >= len(line) or line[after] not in "nrt":
            return False
        at, seen = after + 1, True
    return seen


# ---------------------------------------------------------------- repairs

#: The repairs law 2 allows, as ftfy's options: mojibake and control
#: characters; never quotes, widths, ligatures or line breaks (the design).
FIX = ftfy.TextFixerConfig(
    unescape_html=False,  # html.unescape below
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    normalization="NFC",
    explain=False,
)
_ESCAPED_QUOTE = re.compile(r"\\+([\"'])")
_ESCAPED_SPACE = re.compile(r"\\+(?:t|r?\\*n|r)")


def _drop(text: str, categories: tuple[str, ...]) -> str:
    """``text`` without the characters of the Unicode ``categories`` (but tab)."""
    return "".join(c for c in text if c == "\t" or unicodedata.category(c) not in categories)


def _drop_c0(text: str) -> str:
    """``text`` without C0 control characters and DEL (but tab)."""
    return "".join(c for c in text if c == "\t" or not (c < " " or c == "\x7f"))


def repaired(text: str, *, spaces_first: bool = False, format_first: bool = True, passes: int = 8) -> str:
    r"""``text`` with every damage law 2 allows to repair undone, until
    nothing changes: entities, backslash escapes, mojibake, control and
    invisible characters, white-space runs. The repairs may come in another
    order: ``spaces_first`` squeezes white space before ftfy reads mojibake
    (which then reads "Ã " where it would read "Ã\u00a0"); ``format_first``
    drops format characters (zero-width, soft hyphen) and C0 controls before it (``False``:
    ftfy reads "Â\u00ad" as a mis-decoded soft hyphen); ``passes`` bounds how
    often (once a control character is gone, ftfy may read more mojibake).

    >>> repaired('Harga\u200b &amp;quot;naik&quot;  \\"5%\\"\\tâ€œyaâ€\x9d')
    'Harga "naik" "5%" “ya”'
    >>> repaired("Ã\u00a00"), repaired("Ã\u00a00", spaces_first=True)
    ('à0', 'à 0')
    >>> repaired("Â\u00adA"), repaired("Â\u00adA", format_first=False)
    ('ÂA', 'A')
    >>> repaired("\x81Ü\x88"), repaired("\x81Ü\x88", passes=1)
    ('܈', 'Üˆ')
    >>> repaired("Ä\x1b\x80")
    'Ā'
    """
    for _ in range(passes):
        fixed = html.unescape(text)
        fixed = " ".join(fixed.split()) if spaces_first else fixed
        fixed = _ESCAPED_SPACE.sub(" ", _ESCAPED_QUOTE.sub(r"\1", fixed))
        # Format characters (zero-width, BOM, soft hyphen) and C0 controls go
        # before ftfy reads mojibake; C1 controls, part of mojibake, after it.
        fixed = ftfy.fix_text(_drop_c0(_drop(fixed, ("Cf",))) if format_first else fixed, FIX)
        fixed = " ".join(_drop(fixed, ("Cc", "Cf", "Cs")).split())
        if fixed == text:
            break
        text = fixed
    return text


# ---------------------------------------------------------------- words


def words(text: str) -> Counter[str]:
    """The runs of letters and digits of ``text``, counted. Control, format
    and surrogate characters (but white space) are invisible inside a run:
    a repair may drop some of them and leave others.

    >>> sorted(words("Rp 5,4 triliun (5,4)").items())
    [('4', 2), ('5', 2), ('Rp', 1), ('triliun', 1)]
    >>> words("0\x080\x9d0") == words("00\x9d0") == words("000")
    True
    """
    out: Counter[str] = Counter()
    run: list[str] = []
    for char in text + " ":
        if char.isalnum():
            run.append(char)
        elif not char.isspace() and unicodedata.category(char) in ("Cc", "Cf", "Cs"):
            continue
        elif run:
            out["".join(run)] += 1
            run = []
    return out


def readings(text: str) -> tuple[str, ...]:
    """``text`` as written and as repaired in each order of repairs."""
    return (
        text,
        repaired(text),
        repaired(text, spaces_first=True),
        repaired(text, format_first=False),
        repaired(text, passes=1),
    )


def line_words(pieces: Iterable[str]) -> list[Counter[str]]:
    """The words of ``pieces``, once per reading (`readings`)."""
    read = [readings(p) for p in pieces]
    return [sum(map(words, texts), Counter()) for texts in zip(*read, strict=True)]


def invented_words(text: str, line: Sequence[str]) -> set[str]:
    """Words of ``text`` that no piece of ``line`` holds, written or repaired.

    >>> invented_words("Harga “naik”", ["Harga â€œnaikâ€\x9d"])
    set()
    >>> invented_words("Harga beras naik", ["Harga naik"])
    {'beras'}
    """
    return set(words(text)).difference(*line_words(line))


def lost_words(out: Iterable[str], line: Sequence[str]) -> Counter[str]:
    """Words of ``line``'s units that the ``out`` pieces of that line do not
    give back, read as written or as repaired (whichever loses fewer).

    >>> lost_words(["Harga naik", "Baca juga: X"], ["Harga naik Baca juga: X"])
    Counter()
    >>> lost_words(["Harga naik"], ["Harga naik", "Baca juga: X"])
    Counter({'Baca': 1, 'juga': 1, 'X': 1})
    """
    given = sum(map(words, out), Counter())
    return min((read - given for read in line_words(line)), key=lambda c: sum(c.values()))


def extra_words(out: Iterable[str], line: Sequence[str]) -> Counter[str]:
    """Words the ``out`` pieces of a line give more often than its units
    hold them (written or repaired): a unit that came out twice.

    >>> extra_words(["Iklan", "Iklan"], ["Iklan"])
    Counter({'Iklan': 1})
    """
    held: Counter[str] = Counter()
    for read in line_words(line):
        held |= read
    return sum(map(words, out), Counter()) - held


# ---------------------------------------------------------------- articles


class _Piece(Protocol):
    @property
    def text(self) -> str: ...
    @property
    def line(self) -> int: ...


class _Article(Protocol):
    @property
    def title(self) -> str | None: ...
    @property
    def blocks(self) -> Sequence[_Piece]: ...
    @property
    def removed(self) -> Sequence[_Piece]: ...


def by_line(raw: str) -> dict[int, list[str]]:
    """The units of ``raw`` grouped by input line.

    >>> by_line("a\\\\nb\\n\\nc")
    {1: ['a', 'b'], 3: ['c']}
    """
    out: dict[int, list[str]] = {}
    for number, text in units(raw):
        out.setdefault(number, []).append(text)
    return out


def conservation_failures(raw: str, article: _Article) -> list[str]:
    """What breaks laws 1 and 2 ("once" included) for ``article`` cleaned from
    ``raw``, in words; empty when they hold. The title has no line: it
    belongs to the one line for which everything then holds.

    >>> from types import SimpleNamespace as P
    >>> raw = "Judul - Situs\\n\\nIsi berita. Baca juga: Lain"
    >>> cut = [P(text="Situs", line=1), P(text="Baca juga: Lain", line=3)]
    >>> conservation_failures(raw, P(title="Judul", blocks=[P(text="Isi berita.", line=3)], removed=cut))
    []
    >>> conservation_failures(raw, P(title="Judul", blocks=[P(text="Isi berita.", line=3)], removed=cut[:1]))
    ["line 3 loses {'Baca': 1, 'juga': 1, 'Lain': 1}"]
    """
    lines = by_line(raw)
    out: dict[int, list[str]] = {}
    for piece in [*article.blocks, *article.removed]:
        out.setdefault(piece.line, []).append(piece.text)
    failures = [f"line {n} is no input line: {texts}" for n, texts in out.items() if n not in lines]
    failures += [
        f"line {b.line}: {b.text!r} invents {sorted(invented)}"
        for b in article.blocks
        if b.line in lines and (invented := invented_words(b.text, lines[b.line]))
    ]
    if article.title is None:
        return failures + _line_failures(lines, out)
    title = article.title
    placed = [
        _line_failures(lines, {**out, n: [*out.get(n, []), title]})
        for n in lines
        if not invented_words(title, lines[n])
    ]
    if not placed:
        return [*failures, f"title {title!r}: no line holds its words", *_line_failures(lines, out)]
    return failures + min(placed, key=len)


def _line_failures(lines: dict[int, list[str]], out: dict[int, list[str]]) -> list[str]:
    failures = []
    for number, pieces in lines.items():
        given = out.get(number, [])
        if not given:
            failures.append(f"line {number} {pieces} does not come out")
        elif lost := lost_words(given, pieces):
            failures.append(f"line {number} loses {dict(lost)}")
        elif extra := extra_words(given, pieces):
            failures.append(f"line {number} comes out twice: {dict(extra)}")
    return failures


def out_of_order(article: _Article) -> list[str]:
    """Blocks, then removed entries, that come after one of a later input line.

    >>> from types import SimpleNamespace as P
    >>> out_of_order(P(blocks=[P(text="b", line=2), P(text="a", line=1)], removed=[]))
    ["'a' (line 1) after line 2"]
    """
    failures = []
    for pieces in (article.blocks, article.removed):
        latest = 0
        for piece in pieces:
            if piece.line < latest:
                failures.append(f"{piece.text!r} (line {piece.line}) after line {latest}")
            latest = max(latest, piece.line)
    return failures
