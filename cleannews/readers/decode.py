"""Bytes in, text out: the one place cleannews decodes what it is handed.

`decode_html` reads a web page as a browser would (its byte-order mark,
else valid UTF-8, else the charset its ``<meta>`` declares) and, when the
page says nothing and is not UTF-8, asks charset_normalizer, as
`decode_text` does for a batch's JSONL lines and text files. No guessing
code of our own: only which of charset_normalizer's equally good answers to
take (the WHATWG default, Windows-1252) and when an answer is too doubtful.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

#: Bytes at the start of a page that name its encoding.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
#: ``<meta charset="...">``, ``<meta http-equiv="Content-Type" content="...; charset=...">``
#: or ``<?xml ... encoding="...">``.
_META_CHARSET = re.compile(
    rb"""<(?:meta[^>]{0,500}?charset|\?xml[^>]{0,200}?encoding)\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I
)
#: Labels browsers read as another encoding (the WHATWG Encoding Standard):
#: Latin-1 is Windows-1252, and a page that says UTF-16 without a BOM is ASCII-compatible.
_CHARSET_ALIASES = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "utf-16": "utf-8",
    "utf-16le": "utf-8",
    "utf-16be": "utf-8",
}
#: Where a page declares its charset: browsers look only this far.
_SNIFF_BYTES = 4096

#: The encoding taken when charset_normalizer finds several that fit equally
#: well and read the bytes differently, and for a page no guess fits: the one
#: browsers assume for undeclared Western pages (WHATWG), by far the most
#: common legacy encoding of Indonesian and English news.
PREFERRED_ENCODING = "cp1252"
#: The most "chaos" (charset_normalizer's measure of unlikely characters,
#: from 0 to 1) a decoding may show and still be taken.
MAX_CHAOS = 0.1
#: Guesses whose chaos and coherence are this close to the best one's fit as well.
TIE = 0.02


class DecodeError(ValueError):
    """Bytes that are not UTF-8 and whose encoding cannot be told with confidence."""


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded bytes: the text, the encoding read, and a note saying how it
    was chosen when the bytes were not UTF-8 (empty when they were)."""

    text: str
    encoding: str = "utf-8"
    note: str = ""


def decode_text(data: bytes) -> Decoded:
    """The text of a line or a file: UTF-8 as it is; else the encoding
    charset_normalizer finds with confidence, with a note; else a
    `DecodeError`, never text with replacement characters.

    >>> decode_text("Kafé".encode())
    Decoded(text='Kafé', encoding='utf-8', note='')
    >>> decode_text("Kafé “baru” di Jakarta".encode("cp1252")).encoding
    'cp1252'
    >>> decode_text("Kafé di Jakarta, ".encode() + b"caf\\xe9 baru.")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    cleannews.readers.decode.DecodeError: not valid UTF-8 (byte 0xe9 at offset 21) in a line otherwise ...
    """
    try:
        return Decoded(data.decode("utf-8"))
    except UnicodeDecodeError as problem:
        where = f"byte {data[problem.start]:#04x} at offset {problem.start}"
    if mostly_utf8(data):
        raise DecodeError(
            f"not valid UTF-8 ({where}) in a line otherwise UTF-8: not decoded"
            " (another encoding would garble the rest)"
        )
    return _guessed(data, where)


def _guessed(data: bytes, where: str) -> Decoded:
    """charset_normalizer's reading of ``data``, the preferred encoding
    among equally good ones; a `DecodeError` when none fits or the tie
    does not hold the preferred one."""
    from charset_normalizer import from_bytes  # only bytes that are not UTF-8 need it

    guesses = sorted(from_bytes(data), key=lambda guess: (guess.chaos, -guess.coherence))
    if not guesses or guesses[0].chaos > MAX_CHAOS:
        raise DecodeError(f"not valid UTF-8 ({where}), and no encoding fits it: not decoded")
    best = guesses[0]
    ties = [g for g in guesses if g.chaos <= best.chaos + TIE and g.coherence >= best.coherence - TIE]
    chosen = (
        best
        if len(ties) == 1
        else next((g for g in ties if PREFERRED_ENCODING in g.could_be_from_charset), None)
    )
    others = [g.encoding for g in ties if g is not chosen]
    if chosen is None:
        raise DecodeError(
            f"not valid UTF-8 ({where}), and its encoding is unclear"
            f" ({', '.join(others[:3])} fit as well and read it differently): not decoded"
        )
    encoding = PREFERRED_ENCODING if PREFERRED_ENCODING in chosen.could_be_from_charset else chosen.encoding
    note = f"not valid UTF-8 ({where}): decoded as {encoding}"
    if others:
        note += f" ({', '.join(others[:3])} would read it differently)"
    return Decoded(str(chosen), encoding, note)


def decode_html(data: bytes) -> str:
    """Text of a page given as bytes, read as a browser reads it: by its
    byte-order mark; else as UTF-8 when it is valid UTF-8 (whatever it
    declares: pages that say Latin-1 and send UTF-8 are common); else by the
    charset its ``<meta>`` declares; else UTF-8 when most of it is; else by
    charset_normalizer's guess (`decode_text`), Windows-1252 when it has
    none. Bytes the encoding cannot read become U+FFFD: it never fails.

    >>> decode_html(b'<meta charset="windows-1252"><p>caf\\xe9</p>')
    '<meta charset="windows-1252"><p>caf\u00e9</p>'
    >>> decode_html(codecs.BOM_UTF8 + "Jalan".encode())
    'Jalan'
    >>> decode_html("<p>“Kafé” di Jakarta dibuka kembali</p>".encode("cp1252"))
    '<p>“Kafé” di Jakarta dibuka kembali</p>'
    >>> decode_html("<p>Kafé</p>".encode() + b"\\xff")
    '<p>Kafé</p>\\ufffd'
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = declared_charset(data)
    if declared and declared != "utf-8":
        return data.decode(declared, errors="replace")
    if mostly_utf8(data):
        return data.decode("utf-8", errors="replace")
    try:
        return _guessed(data, "").text
    except DecodeError:
        return data.decode(PREFERRED_ENCODING, errors="replace")


def declared_charset(data: bytes) -> str | None:
    """The Python codec for the charset the page's ``<meta>`` declares, if known.

    >>> declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">')
    'cp1252'
    >>> declared_charset(b'<meta charset="no-such-charset">') is None
    True
    """
    found = _META_CHARSET.search(data[:_SNIFF_BYTES])
    if found is None:
        return None
    label = found.group(1).decode("ascii").lower()
    label = _CHARSET_ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def mostly_utf8(data: bytes) -> bool:
    """Whether bytes that are not valid UTF-8 are mostly UTF-8 all the same:
    as many bytes in well-formed multi-byte sequences as outside them (a
    stray Latin-1 byte, a character cut in half). Text in a legacy encoding
    forms such sequences only by chance.

    >>> mostly_utf8("“Kafé”".encode() + b"\\xe9"), mostly_utf8("Kafé".encode("cp1252"))
    (True, False)
    """
    stray = len(_STRAY_BYTE.findall(data.decode("utf-8", errors="surrogateescape")))
    formed = len(data) - len(data.translate(None, _HIGH_BYTES)) - stray
    return formed >= stray


#: How ``surrogateescape`` decoding shows a byte that is not UTF-8.
_STRAY_BYTE = re.compile("[\udc80-\udcff]")
_HIGH_BYTES = bytes(range(0x80, 0x100))
