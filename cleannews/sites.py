"""Site profiles: what one site repeats across its articles.

A line that many articles of one site hold (its "Baca juga" header, its app
prompt, its copyright line, its newsletter box) is boilerplate by that fact
alone, whatever its wording or language. `SiteProfile.learn` counts, for
one site, in how many distinct articles each normalised line appears
(`normalise_line`: case-folded, spaces collapsed, digits and month and
weekday names masked), and the spans glued to paragraphs that repeat: a
site prefix before a paragraph (``"detikNews | "``), a prompt glued to its
end. `SiteProfiles` holds the profiles of many sites, keyed by site.

>>> texts = [f"Judul {n}\\n\\nBerita nomor {n} yang panjang.\\nIkuti kami di aplikasi." for n in "abcd"]
>>> profile = SiteProfile.learn(texts, site="contoh.id")
>>> profile.lookup("Ikuti kami di aplikasi.")
SiteHit(articles=4, learned=4, headline=False)
>>> profile.lookup("Judul a")  # a headline never counts for its own article
SiteHit(articles=0, learned=4, headline=True)

**What is never counted.** The article's own headline (the ``title`` given,
else its first line): a headline that other articles list under "related"
is not boilerplate of its own article (a line that heads one learned
article is marked `SiteHit.headline`, and no step drops it). Lines with no
letter (a lone ``-``, a date, a score) are never learned: they are data or
debris for other steps.

**Story sentences with numbers are counted as written.** A site's daily
templates (``Harga emas hari ini Rp 1.100.000 per gram, naik 5.000 ...``)
are reporting, though their masked form repeats: a sentence of
`EXACT_WORDS` words or more holding a digit (`counted_as_written`) counts
only where it repeats with its numbers too (a disclaimer does; a price
report does not).

**Memory.** Each site's counts hold at most ``capacity`` entries, and all
sites' together at most ``total`` (`SiteLearner`). When they grow past it,
the rarest entries go (those whose count, plus the error it
may carry, is at most a level ``k`` chosen to free half the room), and the
profile's ``floor`` becomes ``k``: a line that is absent was seen in at most
``floor`` articles, and a line that comes back starts with that error
(lossy counting, Manku and Motwani 2002). Counts are therefore lower
bounds: a profile never says a line is in more articles than it is, so it
never removes a line that is in fewer than the minimum number or share of
articles. With the default capacity a line in more than about 0.1% of a
site's articles is never pruned, and a profile of a million articles stays
in tens of megabytes.

Profiles merge (`SiteProfile.merge`: counts and errors add up), so they can
be learned per partition; ``learn(a + b) == learn(a).merge(learn(b))`` while
neither reached its capacity, and merging is associative and commutative.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import regex

from cleannews.model import Block
from cleannews.reasons import SITE_BOILERPLATE
from cleannews.rules import default_rules

FORMAT = "cleannews.site-profile"
FORMATS = "cleannews.site-profiles"
VERSION = 1
#: Entries (lines and spans) one site's counts hold at most while learning,
#: and all sites' counts together (about 300 bytes each).
CAPACITY = 100_000
TOTAL_CAPACITY = 200_000
#: A line counts as the site's boilerplate when it is in at least this many
#: of the learned articles, and at least this share of them.
MIN_ARTICLES = 3
MIN_SHARE = 0.05
#: A block of prose (a sentence of ten words or more) needs this share:
#: a story's standard sentence may recur in a few articles, a site's box in many.
PROSE_SHARE = 0.2
#: Glued spans: a lead is at most this many words, before a separator, with
#: at least ``MIN_REST_WORDS`` words after it; a tail is from a sentence
#: start to the end of a paragraph, in ``MIN_TAIL_WORDS``..``MAX_TAIL_WORDS`` words.
MAX_LEAD_WORDS = 8
MIN_REST_WORDS = 5
MIN_TAIL_WORDS = 4
MAX_TAIL_WORDS = 30
#: Normalised lines longer than this are kept as their start and a digest.
MAX_KEY_CHARS = 100
#: A sentence of this many words or more that holds a digit is counted as written (numbers unmasked).
EXACT_WORDS = 10
_KEY_START = 64

_DIGITS = regex.compile(r"\d+")
#: How a sentence ends, for `counted_as_written`.
_ENDS = frozenset(".!?…\"'”’)")
#: Separators a site prefix ends with: not a dash (a dateline's: "Jakarta -",
#: "Jakarta, CNN Indonesia --") and not a colon (a speaker's, a dateline's,
#: a label's that heads its own line).
_LEAD_SEPARATOR = regex.compile(r"\s(?:\||»|›|>>|::)\s+")
#: Where a sentence glued to the one before it starts: after its mark and
#: closing quotes, a comma that joined two text nodes, or spaces.
_TAIL_START = regex.compile(r"[.!?…][\"'”’)\]]*+(?:\s*+,\s*+|\s++)(?=[\p{Lu}\p{N}(\[])")
_QUOTES = frozenset('"“”«»„')


class ProfileError(ValueError):
    """A profile file that cannot be read, or profiles of different sites merged."""


# ---------------------------------------------------------------------------- normalising


@cache
def _calendar() -> re.Pattern[str]:
    """Month and weekday names of every shipped language, as whole words
    (the standard library's engine is the faster one for this alternation)."""
    names = sorted(default_rules().calendar, key=lambda name: (-len(name), name))
    return re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + r")\b")


def normalise_line(text: str) -> str:
    """``text`` case-folded, spaces collapsed, digit runs masked as ``0`` and
    month and weekday names (of every shipped language) as ``@``: the form in
    which a site's lines are counted.

    >>> normalise_line("  Rabu, 4 November 2015 |  21:04 WIB ")
    '@, 0 @ 0 | 0:0 wib'
    >>> normalise_line("Baca juga:   Harga BERAS naik"), normalise_line("Meiji, Juniper")
    ('baca juga: harga beras naik', 'meiji, juniper')
    """
    return _calendar().sub("@", _DIGITS.sub("0", " ".join(text.casefold().split())))


def counted_as_written(text: str) -> bool:
    """Whether a line is a sentence of `EXACT_WORDS` words or more holding a
    digit: its numbers are the story's, so it counts only where it repeats
    with them (see the module's notes).

    >>> counted_as_written("Harga emas hari ini Rp 1.100.000 per gram, naik dari pekan lalu kemarin.")
    True
    >>> counted_as_written("Ikuti kanal kami, 24 jam.")
    False
    >>> counted_as_written("Harga emas naik lagi pekan ini, kata para pedagang di pasar.")
    False
    """
    return (
        _DIGITS.search(text) is not None and len(text.split()) >= EXACT_WORDS and text.rstrip()[-1:] in _ENDS
    )


def exact_key(text: str) -> str:
    """The key a line `counted_as_written` is also counted under: its text
    case-folded and spaces collapsed, numbers kept (cut as `line_key` cuts).

    >>> exact_key("Harga  Emas Rp 1.100.000 hari ini")
    'exact:harga emas rp 1.100.000 hari ini'
    """
    key = " ".join(text.casefold().split())
    if len(key) > MAX_KEY_CHARS:
        digest = hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()
        key = f"{key[:_KEY_START]}…{digest}"
    return f"exact:{key}"


def line_key(text: str) -> str:
    """The key a line is counted under: its normalised form (a long one cut
    to its start and a digest of the whole), or ``""`` when it holds no
    letter, as dates, numbers and lone marks do: those are never learned.

    >>> line_key("Ikuti  kami di APLIKASI"), line_key(" - "), line_key("12 Mei 2025")
    ('ikuti kami di aplikasi', '', '')
    >>> len(line_key("kata " * 100)) <= MAX_KEY_CHARS
    True
    """
    key = normalise_line(text)
    if not any(c.isalpha() for c in key):
        return ""
    if len(key) > MAX_KEY_CHARS:
        digest = hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()
        key = f"{key[:_KEY_START]}…{digest}"
    return key


def lead_span(text: str) -> str | None:
    """The prefix of ``text`` that a site may glue before a paragraph: up to
    `MAX_LEAD_WORDS` words ending at a separator (``|``, ``»``, ``›``,
    ``>>``, ``::``), with `MIN_REST_WORDS` words or more after it, and no
    quotation mark in it.

    >>> lead_span("detikNews | Jakarta - Harga beras naik lagi pekan ini.")
    'detikNews | '
    >>> lead_span("Jakarta, CNN Indonesia -- Harga beras naik lagi pekan ini.") is None
    True
    """
    match = _LEAD_SEPARATOR.search(text, 0, 200)
    if match is None:
        return None
    span = text[: match.end()]
    if len(span.split()) > MAX_LEAD_WORDS + 1 or len(text[match.end() :].split()) < MIN_REST_WORDS:
        return None
    return None if _QUOTES.intersection(span) else span


def tail_starts(text: str) -> Iterator[int]:
    """Offsets where a span glued to the end of ``text`` may start: right
    after each sentence's end mark (and closing quotes), so the glue (a comma,
    spaces) goes with the span, for spans of `MIN_TAIL_WORDS` to
    `MAX_TAIL_WORDS` words with no quotation mark; earliest (longest) first.

    >>> t = "Harga beras naik. Ikuti berita lain di aplikasi kami."
    >>> [t[i:] for i in tail_starts(t)]
    [' Ikuti berita lain di aplikasi kami.']
    >>> t = "Harga naik.,Artikel ini telah tayang di , dengan judul: "
    >>> [t[i:] for i in tail_starts(t)]
    [',Artikel ini telah tayang di , dengan judul: ']
    """
    start = max(0, len(text) - 400)
    for match in _TAIL_START.finditer(text, start):
        at = match.start() + _mark_run(match.group())
        tail = text[at:]
        count = len(tail.split())
        if MIN_TAIL_WORDS <= count <= MAX_TAIL_WORDS and not _QUOTES.intersection(tail):
            yield at


def _mark_run(glue: str) -> int:
    """How many characters of ``glue`` are the sentence mark and its closing quotes."""
    return len(glue) - len(glue.lstrip(".!?…\"'”’)]"))


def span_key(kind: str, span: str) -> str:
    """The key of a glued span: its kind and its normalised text, without
    the glue around it (``"lead:detiknews |"``)."""
    key = line_key(span.strip(" ,\t\u00a0"))
    return f"{kind}:{key}" if key else ""


# ---------------------------------------------------------------------------- articles


@dataclass(frozen=True, slots=True)
class ArticleKeys:
    """What one article adds to its site's counts: its headline's key, and
    the distinct keys of its other lines and of their glued spans."""

    headline: str
    lines: frozenset[str]
    spans: frozenset[str]


def article_keys(blocks: Sequence[Block]) -> ArticleKeys:
    """The keys of an article read into ``blocks``. Its headline is its
    ``title`` block, else its first kept block.

    >>> keys = article_keys([Block("Judul"), Block("Isi berita. Ikuti kabar lain di aplikasi kami.")])
    >>> keys.headline, sorted(keys.lines), sorted(keys.spans)
    ('judul', ['isi berita. ikuti kabar lain di aplikasi kami.'], ['tail:ikuti kabar lain di aplikasi kami.'])
    """
    kept = [b for b in blocks if b.kept]
    head = next((i for i, b in enumerate(kept) if b.kind == "title"), 0)
    headline = line_key(kept[head].text) if kept else ""
    lines: set[str] = set()
    spans: set[str] = set()
    for i, block in enumerate(kept):
        if i == head:
            continue
        lines.add(line_key(block.text))
        spans.update(glued_keys(block.text))
        if counted_as_written(block.text):
            spans.add(exact_key(block.text))
    lines.discard(headline)
    lines.discard("")
    spans.discard("")
    return ArticleKeys(headline, frozenset(lines), frozenset(spans))


def glued_keys(text: str) -> Iterator[str]:
    """The keys of the spans glued to one block's text, as `learn` counts them."""
    lead = lead_span(text)
    if lead is not None:
        yield span_key("lead", lead)
    for at in tail_starts(text):
        yield span_key("tail", text[at:])


def prepared(blocks: Sequence[Block]) -> list[Block]:
    """Blocks repaired as `cleannews.pipeline` repairs them before the
    evidence pass. The residue `cleannews.steps.inline.trim_inline` cuts from
    inside paragraphs is not cut here: that costs two thirds of the time of
    learning, and a paragraph it cuts a link from is the story's own (a line
    whose text it changes is then unknown to the profile, and kept)."""
    from cleannews.steps.fixes import repair

    return repair(list(blocks))


def text_keys(raw: str, title: str | None = None) -> ArticleKeys:
    """The keys of an article's text, read as `cleannews.clean_text` reads it."""
    from cleannews.readers.text import read_text

    if not isinstance(raw, str):
        raise TypeError(f"a site profile learns from article texts as str, got {type(raw).__name__}")
    return article_keys(prepared(read_text(raw, title=title)))


def html_keys(html: str | bytes, url: str | None = None) -> ArticleKeys:
    """The keys of a page, read as `cleannews.clean_html` reads it."""
    from cleannews.readers.html import decode_html, read_html

    if isinstance(html, bytes | bytearray):
        html = decode_html(bytes(html))
    elif not isinstance(html, str):
        raise TypeError(f"a site profile learns from pages as str or bytes, got {type(html).__name__}")
    blocks, _ = read_html(html, url=url)
    return article_keys(prepared(blocks))


# ---------------------------------------------------------------------------- what a lookup says


@dataclass(frozen=True, slots=True)
class SiteHit:
    """What a site profile knows of one line: in how many distinct learned
    articles it appears (a lower bound), out of how many were learned; and
    whether it is the headline of one of them (then it is never dropped)."""

    articles: int
    learned: int
    headline: bool = False

    @property
    def share(self) -> float:
        """The share of the learned articles that hold the line.

        >>> SiteHit(3, 12).share
        0.25
        """
        return self.articles / self.learned if self.learned else 0.0

    def frequent(self, min_articles: int = MIN_ARTICLES, min_share: float = MIN_SHARE) -> bool:
        """Whether the line is in at least ``min_articles`` articles and
        ``min_share`` of them, and heads none.

        >>> SiteHit(3, 12).frequent(), SiteHit(2, 12).frequent(), SiteHit(3, 100).frequent()
        (True, False, False)
        """
        return not self.headline and self.articles >= min_articles and self.share >= min_share

    def describe(self) -> str:
        """The count that decided, in words.

        >>> SiteHit(57, 289).describe()
        'in 57 of 289 articles of the site'
        """
        return f"in {self.articles} of {self.learned} articles of the site"


# ---------------------------------------------------------------------------- one site's profile


@dataclass(frozen=True)
class SiteProfile:
    """One site's profile: how many articles were learned, and per key (a
    normalised line, or a glued span: ``lead:...``, ``tail:...``) the
    distinct articles it appears in. See the module's notes for what is
    counted and how memory stays bounded.

    ``lines`` maps a line's key to ``(articles, headlines, error)``: the
    articles holding it (not as their headline), those it heads, and how many
    more it may have been in before a prune; ``spans`` maps a span's key to
    ``(articles, error)``. ``floor`` bounds the articles of any key that is
    absent.
    """

    site: str = ""
    articles: int = 0
    lines: Mapping[str, tuple[int, int, int]] = field(default_factory=dict)
    spans: Mapping[str, tuple[int, int]] = field(default_factory=dict)
    floor: int = 0

    @classmethod
    def learn(
        cls, texts: Iterable[str | tuple[str, str | None]], *, site: str = "", capacity: int = CAPACITY
    ) -> SiteProfile:
        """The profile of one site, learned from its article texts (each a
        ``str``, or a ``(text, title)`` pair when the headline is known).

        >>> SiteProfile.learn(["Judul\\n\\nIsi."] * 2).articles
        2
        """
        counts = Counts(capacity)
        for item in texts:
            text, title = item if isinstance(item, tuple) else (item, None)
            counts.add(text_keys(text, title))
        return counts.profile(site)

    @classmethod
    def learn_html(
        cls,
        pages: Iterable[str | bytes | tuple[str | bytes, str | None]],
        *,
        site: str = "",
        capacity: int = CAPACITY,
    ) -> SiteProfile:
        """The profile of one site, learned from its pages (each HTML as
        ``str`` or ``bytes``, or an ``(html, url)`` pair)."""
        counts = Counts(capacity)
        for item in pages:
            page, url = item if isinstance(item, tuple) else (item, None)
            counts.add(html_keys(page, url))
        return counts.profile(site)

    def lookup(self, text: str) -> SiteHit | None:
        """What the profile knows of a line: `SiteHit`, or ``None`` when no
        learned article holds it (or it holds no letter). A pure dictionary
        lookup after `line_key`.

        A line that heads two learned articles or more is no headline (a
        site's banner): those articles count too. A line `counted_as_written`
        counts the articles that hold it with its numbers, at most.

        >>> report = "Harga emas hari ini Rp 1.10{}.000 per gram, naik dari pekan lalu."
        >>> days = [f"Judul {n}\\n\\n{report.format(n)}" for n in range(4)]
        >>> SiteProfile.learn(days).lookup(report.format(0))
        SiteHit(articles=1, learned=4, headline=False)
        """
        key = line_key(text)
        entry = self.lines.get(key) if key else None
        if entry is None:
            return None
        body, heads, _ = entry
        articles = body + heads * (heads > 1)
        if counted_as_written(text):
            articles = min(articles, self.spans.get(exact_key(text), (0, 0))[0])
        return SiteHit(articles, self.articles, heads == 1)

    def span(self, kind: str, span: str) -> SiteHit | None:
        """What the profile knows of a glued span of ``kind`` ``lead`` or ``tail``."""
        key = span_key(kind, span)
        entry = self.spans.get(key) if key else None
        return None if entry is None else SiteHit(entry[0], self.articles)

    def merge(self, other: SiteProfile) -> SiteProfile:
        """This profile and ``other`` (of the same site) as one: articles,
        counts and errors add up; a key one of them lacks carries that one's
        ``floor`` as its error.

        >>> a, b = SiteProfile.learn(["Judul\\n\\nIkuti kami."]), SiteProfile.learn(["Lain\\n\\nIkuti kami."])
        >>> a.merge(b).lookup("Ikuti kami.").articles
        2
        """
        if not isinstance(other, SiteProfile):
            raise TypeError(f"SiteProfile.merge expects a SiteProfile, got {type(other).__name__}")
        if other.site != self.site:
            raise ProfileError(f"cannot merge the profiles of two sites: {self.site!r} and {other.site!r}")
        lines = {}
        for key in self.lines.keys() | other.lines.keys():
            a = self.lines.get(key, (0, 0, self.floor))
            b = other.lines.get(key, (0, 0, other.floor))
            lines[key] = (a[0] + b[0], a[1] + b[1], a[2] + b[2])
        spans = {}
        for key in self.spans.keys() | other.spans.keys():
            sa = self.spans.get(key, (0, self.floor))
            sb = other.spans.get(key, (0, other.floor))
            spans[key] = (sa[0] + sb[0], sa[1] + sb[1])
        return SiteProfile(self.site, self.articles + other.articles, lines, spans, self.floor + other.floor)

    def pruned(self, min_articles: int) -> SiteProfile:
        """This profile without the keys that are surely in fewer than
        ``min_articles`` articles (count plus error below it): smaller to
        save, when it will not be merged with others. ``floor`` grows to match.

        >>> p = SiteProfile.learn(["Judul\\n\\nIkuti kami.\\nSatu.", "Lain\\n\\nIkuti kami.\\nDua."])
        >>> sorted(p.pruned(2).lines), p.pruned(2).floor
        (['ikuti kami.'], 1)
        """
        level = min_articles - 1
        if level <= self.floor:
            return self
        lines = {k: v for k, v in self.lines.items() if v[0] + v[1] + v[2] > level}
        spans = {k: v for k, v in self.spans.items() if v[0] + v[1] > level}
        return replace(self, lines=lines, spans=spans, floor=level)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict, most frequent keys first; `from_dict` reads it back."""
        return {"format": FORMAT, "version": VERSION, **self._fields()}

    def _fields(self) -> dict[str, Any]:
        return {
            "site": self.site,
            "articles": self.articles,
            "floor": self.floor,
            "lines": {k: list(v) for k, v in sorted(self.lines.items(), key=_by_count)},
            "spans": {k: list(v) for k, v in sorted(self.spans.items(), key=_by_count)},
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SiteProfile:
        """The profile `to_dict` described; a `ProfileError` for anything else."""
        _check_format(data, FORMAT)
        return cls._from_fields(data)

    @classmethod
    def _from_fields(cls, data: Mapping[str, Any]) -> SiteProfile:
        try:
            lines = {str(k): _counts(v, 3) for k, v in data.get("lines", {}).items()}
            spans = {str(k): _counts(v, 2) for k, v in data.get("spans", {}).items()}
            return cls(str(data.get("site", "")), _count(data["articles"]), lines, spans,
                       _count(data.get("floor", 0)))  # fmt: skip
        except (KeyError, TypeError, ValueError, AttributeError) as problem:
            raise ProfileError(f"not a valid site profile: {problem}") from None

    def save(self, path: str | Path) -> None:
        """Write the profile as JSON (UTF-8) to ``path``."""
        _write_json(path, self.to_dict())

    @classmethod
    def load(cls, path: str | Path) -> SiteProfile:
        """The profile saved at ``path``; a `ProfileError` when it is none."""
        return cls.from_dict(_read_json(path))

    def trim(self, blocks: Sequence[Block]) -> list[Block]:
        """``blocks`` with the site's glued spans cut off (see `trim_spans`)."""
        return trim_spans(blocks, self)


def _by_count(item: tuple[str, tuple[int, ...]]) -> tuple[int, str]:
    return -sum(item[1][:-1]), item[0]


def _count(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"a count must be a whole number of 0 or more, got {value!r}")
    return value


def _counts(value: Any, size: int) -> Any:
    if not isinstance(value, list) or len(value) != size:
        raise ValueError(f"an entry must be a list of {size} counts, got {value!r}")
    return tuple(_count(v) for v in value)


def _check_format(data: Any, expected: str) -> None:
    if not isinstance(data, Mapping):
        raise ProfileError(f"a profile file holds a JSON object, got {type(data).__name__}")
    found = data.get("format")
    if found != expected:
        raise ProfileError(f"expected a file of format {expected!r}, got {found!r}")
    version = data.get("version")
    if version != VERSION:
        raise ProfileError(f"profile version {version!r} is not {VERSION} (this cleannews reads {VERSION})")


def _write_json(path: str | Path, data: dict[str, Any]) -> None:
    Path(path).write_text(json.dumps(data, ensure_ascii=False) + "\n", encoding="utf-8")


def _read_json(path: str | Path) -> Any:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as problem:
        raise ProfileError(f"cannot read profile {path}: {problem}") from None


# ---------------------------------------------------------------------------- counting


class Counts:
    """One site's counts while learning, in at most ``capacity`` entries
    (see the module's notes on memory).

    >>> counts = Counts(capacity=4)
    >>> for n in range(6):
    ...     counts.add(ArticleKeys("", frozenset({"ikuti kami", f"isi {n}"}), frozenset()))
    >>> profile = counts.profile()
    >>> profile.lookup("Ikuti kami").articles, profile.floor > 0
    (6, True)
    """

    def __init__(self, capacity: int = CAPACITY) -> None:
        if capacity < 2:
            raise ValueError(f"capacity must be at least 2, got {capacity}")
        self.capacity = capacity
        self.articles = 0
        self.floor = 0
        #: key -> [articles, headlines, error]
        self.lines: dict[str, list[int]] = {}
        #: key -> [articles, error]
        self.spans: dict[str, list[int]] = {}
        self.prunes = 0

    def __len__(self) -> int:
        return len(self.lines) + len(self.spans)

    def add(self, keys: ArticleKeys) -> None:
        """Count one article."""
        self.articles += 1
        lines, spans, floor = self.lines, self.spans, self.floor
        for key in keys.lines:
            entry = lines.get(key)
            if entry is None:
                lines[key] = [1, 0, floor]
            else:
                entry[0] += 1
        if keys.headline:
            entry = lines.get(keys.headline)
            if entry is None:
                lines[keys.headline] = [0, 1, floor]
            else:
                entry[1] += 1
        for key in keys.spans:
            found = spans.get(key)
            if found is None:
                spans[key] = [1, floor]
            else:
                found[0] += 1
        if len(self) > self.capacity:
            self.prune()

    def prune(self, room: int | None = None) -> None:
        """Drop the rarest entries, down to ``room`` entries or less (half the
        capacity by default)."""
        totals: Counter[int] = Counter(sum(v) for v in self.lines.values())
        totals.update(sum(v) for v in self.spans.values())
        room = self.capacity // 2 if room is None else room
        left, level = len(self), self.floor
        for total in sorted(totals):
            if left <= room:
                break
            level, left = total, left - totals[total]
        self.lines = {k: v for k, v in self.lines.items() if sum(v) > level}
        self.spans = {k: v for k, v in self.spans.items() if sum(v) > level}
        self.floor = max(self.floor, level)
        self.prunes += 1

    def profile(self, site: str = "") -> SiteProfile:
        return SiteProfile(
            site,
            self.articles,
            {k: (v[0], v[1], v[2]) for k, v in self.lines.items()},
            {k: (v[0], v[1]) for k, v in self.spans.items()},
            self.floor,
        )


# ---------------------------------------------------------------------------- many sites


def site_of_url(url: str | None) -> str:
    """The site a URL belongs to: its host, lower case, without ``www.``.

    >>> site_of_url("https://www.Detik.com/finance/x"), site_of_url("news.detik.com/a"), site_of_url(None)
    ('detik.com', 'news.detik.com', '')
    """
    if not url:
        return ""
    parts = urlsplit(url if "//" in url else f"//{url}")
    host = (parts.hostname or "").lower()
    return host.removeprefix("www.")


class SiteLearner:
    """Learns the profiles of many sites from a stream of articles, each
    site's counts bounded by ``capacity`` entries, and all sites' together by
    ``total``: past it, the site holding the most entries is pruned to half
    of them (its rarest go, as when it reaches its own capacity).

    >>> learner = SiteLearner()
    >>> learner.add_text("Judul\\n\\nIsi.\\nIkuti kami.", site="a.id")
    >>> learner.add_text("Judul lain\\n\\nIsi lain.\\nIkuti kami.", site="a.id")
    >>> learner.profiles()["a.id"].lookup("Ikuti kami.").articles
    2
    """

    def __init__(self, *, capacity: int = CAPACITY, total: int | None = None) -> None:
        self.capacity = capacity
        self.total = max(TOTAL_CAPACITY, capacity) if total is None else total
        if self.total < capacity:
            raise ValueError(f"total ({total}) must be at least the capacity of one site ({capacity})")
        self._sites: dict[str, Counts] = {}
        self._entries = 0

    def add_keys(self, keys: ArticleKeys, site: str = "") -> None:
        counts = self._sites.get(site)
        if counts is None:
            counts = self._sites[site] = Counts(self.capacity)
        before = len(counts)
        counts.add(keys)
        self._entries += len(counts) - before
        while self._entries > self.total:
            largest = max(self._sites.values(), key=len)
            before = len(largest)
            largest.prune(before // 2)
            self._entries += len(largest) - before

    def add_text(self, raw: str, *, site: str = "", title: str | None = None) -> None:
        self.add_keys(text_keys(raw, title), site)

    def add_html(self, html: str | bytes, *, site: str = "", url: str | None = None) -> None:
        self.add_keys(html_keys(html, url), site)

    @property
    def entries(self) -> int:
        """Entries held, over every site: what the memory grows with."""
        return self._entries

    def profiles(self) -> SiteProfiles:
        return SiteProfiles({site: counts.profile(site) for site, counts in self._sites.items()})


class SiteProfiles(Mapping[str, SiteProfile]):
    """Profiles of many sites, keyed by site (the host of a URL without
    ``www.``, or a name of your own), saved as one file.

    >>> profiles = SiteProfiles.learn([("a.id", "Judul\\n\\nIsi.\\nIkuti kami."), ("b.id", "T\\n\\nIsi.")])
    >>> sorted(profiles), profiles.for_url("https://www.a.id/x").site
    (['a.id', 'b.id'], 'a.id')
    """

    def __init__(self, profiles: Mapping[str, SiteProfile] | Iterable[SiteProfile] = ()) -> None:
        items = profiles.values() if isinstance(profiles, Mapping) else profiles
        self._profiles: dict[str, SiteProfile] = {}
        for profile in items:
            if not isinstance(profile, SiteProfile):
                raise TypeError(f"SiteProfiles holds SiteProfile values, got {type(profile).__name__}")
            known = self._profiles.get(profile.site)
            self._profiles[profile.site] = profile if known is None else known.merge(profile)

    @classmethod
    def learn(
        cls, items: Iterable[tuple[str, str] | tuple[str, str, str | None]], *, capacity: int = CAPACITY
    ) -> SiteProfiles:
        """Profiles learned from ``(site, text)`` or ``(site, text, title)`` items."""
        learner = SiteLearner(capacity=capacity)
        for item in items:
            site, text, *title = item
            learner.add_text(text, site=site, title=title[0] if title else None)
        return learner.profiles()

    def __getitem__(self, site: str) -> SiteProfile:
        return self._profiles[site]

    def __iter__(self) -> Iterator[str]:
        return iter(self._profiles)

    def __len__(self) -> int:
        return len(self._profiles)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SiteProfiles) and self._profiles == other._profiles

    __hash__ = None  # type: ignore[assignment]  # mutable-looking, compared by value

    def __repr__(self) -> str:
        return f"SiteProfiles({sorted(self._profiles)!r})"

    def for_url(self, url: str | None) -> SiteProfile | None:
        """The profile of the site a URL belongs to (`site_of_url`), if any."""
        return self._profiles.get(site_of_url(url))

    def merge(self, other: SiteProfiles) -> SiteProfiles:
        """Both collections as one; the profiles of a site both hold are merged."""
        if not isinstance(other, SiteProfiles):
            raise TypeError(f"SiteProfiles.merge expects SiteProfiles, got {type(other).__name__}")
        return SiteProfiles([*self.values(), *other.values()])

    def to_dict(self) -> dict[str, Any]:
        sites = {site: self._profiles[site]._fields() for site in sorted(self._profiles)}
        return {"format": FORMATS, "version": VERSION, "sites": sites}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SiteProfiles:
        _check_format(data, FORMATS)
        sites = data.get("sites")
        if not isinstance(sites, Mapping):
            raise ProfileError("not a valid site profiles file: 'sites' must be an object")
        return cls(SiteProfile._from_fields({**fields, "site": site}) for site, fields in sites.items())

    def save(self, path: str | Path) -> None:
        _write_json(path, self.to_dict())

    @classmethod
    def load(cls, path: str | Path) -> SiteProfiles:
        return cls.from_dict(_read_json(path))


def load_profile(path: str | Path) -> SiteProfile | SiteProfiles:
    """The profile or the profiles saved at ``path``, whichever it holds."""
    data = _read_json(path)
    if isinstance(data, Mapping) and data.get("format") == FORMATS:
        return SiteProfiles.from_dict(data)
    return SiteProfile.from_dict(data)


@lru_cache(maxsize=4)
def _cached(path: str, size: int, mtime: int) -> SiteProfile | SiteProfiles:
    return load_profile(path)


def load_cached(path: str | Path) -> SiteProfile | SiteProfiles:
    """`load_profile`, read once per process while the file is unchanged
    (a batch worker cleans many records with one profile)."""
    stat = os.stat(path)
    return _cached(str(path), stat.st_size, stat.st_mtime_ns)


# ---------------------------------------------------------------------------- cleaning with a profile


def check_profile(profile: object, function: str) -> None:
    """A `TypeError` unless ``profile`` is ``None`` or can be looked up (a
    `SiteProfile`, or an object of your own with a ``lookup(text)`` method)."""
    if profile is None or callable(getattr(profile, "lookup", None)):
        return
    hint = " (pick one site's profile: profiles[site] or profiles.for_url(url))"
    extra = hint if isinstance(profile, SiteProfiles) else ""
    raise TypeError(f"{function}() expects profile as a SiteProfile, got {type(profile).__name__}{extra}")


def trim_spans(
    blocks: Sequence[Block],
    profile: SiteProfile,
    *,
    min_articles: int = MIN_ARTICLES,
    min_share: float = MIN_SHARE,
    prose_share: float = PROSE_SHARE,
) -> list[Block]:
    """``blocks`` with the spans the site glues to paragraphs cut off, each
    recorded as a cut for ``site-boilerplate`` with the count that decided:
    a frequent site prefix (never a dateline: a span ending with a dash or a
    colon is not looked for) and frequent prompts glued to the end, as long
    as the paragraph keeps `MIN_REST_WORDS` words. The title and the first
    kept block (the headline) are never cut.

    Spans are cut again until none is left, so cleaning the output once more
    cuts nothing.
    """
    out = list(blocks)
    kept = [i for i, b in enumerate(out) if b.kept]
    head = next((i for i in kept if out[i].kind == "title"), kept[0] if kept else None)
    for i in kept:
        if i == head or out[i].kind == "title":
            continue
        out[i] = _trimmed(out[i], profile, (min_articles, min_share, prose_share))
    return out


def _trimmed(block: Block, profile: SiteProfile, limits: tuple[int, float, float]) -> Block:
    while True:
        cut = _frequent_span(block.text, profile, limits)
        if cut is None:
            return block
        rest, span, hit = cut
        block = block.trim(rest, span.strip(), SITE_BOILERPLATE, why=hit.describe())


def _frequent_span(
    text: str, profile: SiteProfile, limits: tuple[int, float, float]
) -> tuple[str, str, SiteHit] | None:
    """The first frequent glued span of ``text``: ``(rest, span, hit)``."""
    min_articles, min_share, prose_share = limits
    lead = lead_span(text)
    if lead is not None:
        hit = profile.span("lead", lead)
        if hit is not None and hit.frequent(min_articles, min_share):
            return text[len(lead) :].strip(), lead, hit
    for at in tail_starts(text):
        span = text[at:]
        hit = profile.span("tail", span)
        if hit is None:
            continue
        share = prose_share if _is_sentence(span) else min_share
        if hit.frequent(min_articles, share) and len(text[:at].split()) >= MIN_REST_WORDS:
            return text[:at].rstrip(), span, hit
    return None


def starts_with_dateline(text: str) -> bool:
    """Whether ``text`` opens with a dateline (`cleannews.steps.datelines`):
    the start of a lead, never the site's boilerplate.

    >>> starts_with_dateline("Jakarta, CNN Indonesia -- Harga beras naik."), starts_with_dateline("Unduh.")
    (True, False)
    """
    from cleannews.steps.datelines import read_dateline

    return read_dateline(text) is not None


def _is_sentence(text: str) -> bool:
    """Ten words or more ending with a sentence mark: prose, which needs the higher share."""
    stripped = text.strip().rstrip("\"'”’)]")
    return len(stripped.split()) >= 10 and stripped[-1:] in ".!?…"


__all__ = [
    "ArticleKeys",
    "Counts",
    "ProfileError",
    "SiteHit",
    "SiteLearner",
    "SiteProfile",
    "SiteProfiles",
    "article_keys",
    "line_key",
    "load_profile",
    "normalise_line",
    "site_of_url",
    "trim_spans",
]
