"""The evidence pass: once per article, what every later decision reads.

For each block it measures the text (`Shape`: characters, tokens, capitals,
digits, marks, function words, sentence ends), finds the rule phrases in it
(`cleannews.lexicon`), and places it in the article: its position from the
start and the end, relative to the first and last paragraph of prose, its
neighbours, the run of short lines it stands in, and whether its words repeat
elsewhere (and across the site, with a profile). These become one feature
vector per block (`FEATURES` names them), which the scorer weighs.

The pass is a pure function of the block texts, the rules and the profile.
Only the scorer places the blocks again (`regather`): the steps before it
drop some, and the article it judges is the one they leave, as cleaning the
output again would see it (law 3). The shapes and the profile's hits are
kept from this pass; only the place in the article is counted anew.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import chain

import regex

from cleannews.lexicon import Hit, tokens
from cleannews.model import Block
from cleannews.rules import Rules, active_rules

#: The families whose phrases and shapes are counted per block, in feature order.
FAMILIES = (
    "ad",
    "marker",
    "related",
    "promo",
    "comments",
    "share",
    "newsletter",
    "caption",
    "byline",
    "navigation",
    "boilerplate",
)
_CLOSERS = "\"'”’»)]」』"
#: Sentence marks, with the ideographic full stop and the full-width marks.
_ENDS = ".!?…。！？"
_RAW_TOKEN = regex.compile(
    r"[\p{Han}\p{Hiragana}\p{Katakana}]|[\p{L}\p{M}--\p{Han}\p{Hiragana}\p{Katakana}]+|\p{Nd}+", regex.V1
)
#: A block of prose: at least this many tokens, and a sentence end.
PROSE_TOKENS = 10
#: Distances in blocks are counted up to this many.
FAR = 10


@dataclass(frozen=True, slots=True)
class Shape:
    """What one block's text measures, on its own."""

    chars: int
    tokens: tuple[str, ...]
    letters: int
    uppers: int
    digits: int
    marks: int
    capitalised: int
    word_tokens: int
    word_chars: int
    ends_sentence: bool
    ends_colon: bool
    sentence_breaks: int
    flags: tuple[bool, ...]
    hits: tuple[Hit, ...]
    #: The reason and rule key that make the block residue for sure, if any.
    certain: tuple[str, str] | None


#: The yes/no marks of a block, in `Shape.flags` order.
FLAGS = (
    "pipe",
    "copyright",
    "at",
    "hash",
    "slash",
    "bracketed",
    "url",
    "starts_lower",
    "starts_digit",
    "starts_mark",
    "quote",
    "time",
    "calendar",
    "year",
    "name_like",
)


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends with a sentence mark, behind any closing quotes.

    >>> ends_sentence('Ia berkata, "cukup."'), ends_sentence("Baca juga"), ends_sentence("「もう十分だ。」")
    (True, False, True)
    """
    stripped = text.rstrip().rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _ENDS


def sentence_breaks(text: str) -> int:
    """How many sentence marks are followed by a space and more text.

    >>> sentence_breaks("Satu. Dua! Tiga")
    2
    """
    count = 0
    for mark in _ENDS:
        start = text.find(mark + " ")
        while start != -1:
            count += 1
            start = text.find(mark + " ", start + 2)
    return count


def measure(text: str, rules: Rules) -> Shape:
    """The `Shape` of one block's text."""
    raw = _RAW_TOKEN.findall(text)
    folded = folded_tokens(text, raw)
    words = [t for t in raw if not t[0].isdigit()]
    letters, uppers, digits, marks = char_counts(text)
    stripped = text.strip()
    first = stripped[:1]
    low = stripped.lower()
    flags = (
        "|" in text,
        "©" in text or "copyright" in low,
        "@" in text,
        "#" in text,
        "/" in text,
        first in "([" and stripped[-1:] in ")]",
        "http" in low or "www." in low,
        first.islower(),
        first.isdigit(),
        first in "-–—•*·>#",
        any(q in text for q in '"“”«»„'),
        _has_time(text),
        not rules.calendar.isdisjoint(folded),
        # A year's first two digits are in the text, or no token can start with them.
        ("19" in text or "20" in text) and any(len(t) == 4 and t[:2] in ("19", "20") for t in raw),
        _name_like(raw, rules),
    )
    return Shape(
        chars=len(stripped),
        tokens=tuple(folded),
        letters=letters,
        uppers=uppers,
        digits=digits,
        marks=marks,
        capitalised=sum([w[0].isupper() for w in words]),
        word_tokens=len(words),
        word_chars=sum(map(len, words)),
        ends_sentence=ends_sentence(stripped),
        ends_colon=stripped.endswith(":"),
        sentence_breaks=sentence_breaks(stripped),
        flags=flags,
        hits=(hits := tuple(rules.lexicon.find(folded))),
        certain=certain_rule(stripped, raw, hits, rules),
    )


#: A short block (at most this many tokens) that opens or closes with a
#: ``leads`` or ``ends`` phrase is residue for sure.
MAX_LEAD_TOKENS = 20
MAX_END_TOKENS = 40
#: What a label wears around it without changing what it says.
DECORATION = " \t\u00a0-–—:|•·»«›‹>*_=~#[](){}/\\.,;!?\"'“”‘’…"
#: What may follow a one-word lead ("Foto:", "Video |", "Tags -").
_LEAD_SEPARATOR = regex.compile(r"\s*[:|\-–—»>]")


def certain_rule(text: str, raw: Sequence[str], hits: Sequence[Hit], rules: Rules) -> tuple[str, str] | None:
    """The ``(reason, key)`` of the rule that makes ``text`` residue for
    sure: a ``labels`` phrase that is the whole block, a ``shapes`` pattern
    that is, or a ``leads`` / ``ends`` phrase at the start / end of a short
    block (a one-word lead only with a separator after it, "Foto: ...", and a
    two-word one in a block that ends no sentence or has one word more:
    "Sponsored by the city, the festival drew ..." is reporting).

    >>> from cleannews.rules import default_rules
    >>> r = default_rules()
    >>> t = "Baca juga: Harga beras naik"
    >>> certain_rule(t, _RAW_TOKEN.findall(t), r.lexicon.find(tokens(t)), r)
    ('related', 'leads')
    """
    count = len(raw)
    for hit in hits:
        if hit.key == "labels" and hit.start == 0 and hit.end == count:
            return hit.reason, "labels"
    folded = " ".join(text.split()).lower()
    # Shapes see the text with and without the decoration around it ("- Foto: ... -").
    bare = folded.strip(DECORATION)
    shape = rules.shape_reason(folded, bare) if bare != folded else rules.shape_reason(folded)
    if shape is not None:
        return shape, "shapes"
    for hit in hits:
        if hit.key == "leads" and hit.start == 0 and hit.end < count <= MAX_LEAD_TOKENS:
            # A label is set off from what follows, or opens a line that is no
            # sentence: "Sponsored by the city, the festival drew ..." is reporting.
            separated = _separated_after(text, raw[hit.end - 1])
            # and a two-word lead with one word after it is too short for a sentence.
            # A headline after it, a question included, is no sentence either.
            distinct = hit.end >= 3 or (
                hit.end == 2 and (count == 3 or not ends_sentence(text) or _title_cased(raw[hit.end :]))
            )
            if separated or distinct:
                return hit.reason, "leads"
        elif hit.key == "ends" and hit.end == count and count <= MAX_END_TOKENS:
            return hit.reason, "ends"
    return None


def _title_cased(raw: Sequence[str], *, min_share: float = 0.6) -> bool:
    """Whether at least ``min_share`` of the raw tokens ``raw`` start with a
    capital, as the words of a headline do and those of a sentence do not.

    >>> _title_cased(["Apa", "Kata", "Menteri", "tentang", "Harga", "Beras"])
    True
    >>> _title_cased(["the", "festival", "drew", "a", "crowd"])
    False
    """
    return bool(raw) and sum(t[:1].isupper() for t in raw) >= min_share * len(raw)


def _separated_after(text: str, last: str) -> bool:
    """Whether the lead phrase, ending with the token ``last``, is followed by
    a label separator (the token is looked for near the start only)."""
    at = text.lower().find(last.lower(), 0, 200)
    return at >= 0 and _LEAD_SEPARATOR.match(text, at + len(last)) is not None


def folded_tokens(text: str, raw: Sequence[str]) -> list[str]:
    """`cleannews.lexicon.tokens` of ``text``, given its raw tokens: in ASCII
    text lower-casing moves no token boundary, so the raw tokens lower-cased
    are the same list, without a second scan.

    >>> t = "12 Komentar - BACA JUGA"
    >>> folded_tokens(t, _RAW_TOKEN.findall(t)) == tokens(t)
    True
    """
    if not text.isascii():
        return tokens(text)
    return ["0" if t[0].isdigit() else t.lower() for t in raw]


#: Each ASCII character as the class `char_counts` counts it in: "A" an
#: upper-case letter, "a" another letter, "0" a digit, " " a space, "." a mark.
_ASCII_CLASS = str.maketrans(
    {
        chr(c): "A"
        if chr(c).isalpha() and chr(c).isupper()
        else "a"
        if chr(c).isalpha()
        else "0"
        if chr(c).isdigit()
        else " "
        if chr(c).isspace()
        else "."
        for c in range(128)
    }
)


def char_counts(text: str) -> tuple[int, int, int, int]:
    """Letters, upper-case letters, digits (not letters) and marks (neither,
    nor space) of ``text``: each distinct character classified once.

    >>> char_counts("Ia, 12 kali!")
    (6, 1, 2, 2)
    """
    if text.isascii():
        classes = text.translate(_ASCII_CLASS)
        upper = classes.count("A")
        return upper + classes.count("a"), upper, classes.count("0"), classes.count(".")
    letters = uppers = digits = marks = 0
    for char, n in Counter(text).items():
        if char.isalpha():
            letters += n
            uppers += n if char.isupper() else 0
        elif char.isdigit():
            digits += n
        elif not char.isspace():
            marks += n
    return letters, uppers, digits, marks


def _name_like(raw: list[str], rules: Rules) -> bool:
    """Two to five words, each capitalised, none a function word: a person's
    or an organisation's name, as bylines and credits write them."""
    if not 2 <= len(raw) <= 5:
        return False
    for word in raw:
        if not word[0].isupper() or any(word.lower() in s for s in rules.stopwords.values()):
            return False
    return True


def _has_time(text: str) -> bool:
    """A clock time such as ``10:00`` or ``9.30``: a digit, ``:`` or ``.``,
    two digits (only the marks are visited, not every character).

    >>> _has_time("pukul 10:00 WIB"), _has_time("Rp 10.000"), _has_time("Ia pergi. 12 orang")
    (True, True, False)
    """
    for mark in ":.":
        i = text.find(mark, 1)
        while 0 < i <= len(text) - 3:
            if text[i - 1].isdigit() and text[i + 1 : i + 3].isdigit():
                return True
            i = text.find(mark, i + 1)
    return False


def language_of(shapes: Sequence[Shape], rules: Rules) -> str | None:
    """The language whose stopwords the article uses most, or None."""
    if not shapes:
        return None
    # Each distinct token looked up once per language, weighted by its count:
    # counted and looked up in C (a chain, a set intersection), as this runs
    # again at every `regather`.
    seen = Counter(chain.from_iterable(shape.tokens for shape in shapes))
    counts = Counter(
        {
            code: sum(map(seen.__getitem__, words.intersection(seen)))
            for code, words in rules.stopwords.items()
        }
    )
    best = counts.most_common(1)
    return best[0][0] if best and best[0][1] else None


def is_prose(shape: Shape) -> bool:
    return len(shape.tokens) >= PROSE_TOKENS and shape.ends_sentence


@dataclass(frozen=True, slots=True)
class Family:
    """What one reason's phrases say of a block."""

    whole: bool
    start: bool
    end: bool
    cover: float
    count: int


def families(shape: Shape) -> dict[str, Family]:
    """Per family, whether a phrase spans the block, starts it, ends it, and
    the share of its tokens that phrases of the family cover."""
    out: dict[str, Family] = {}
    if not shape.hits:
        return out  # as most blocks, which hold no phrase
    count = len(shape.tokens)
    covered: dict[str, set[int]] = {}
    flags: dict[str, list[bool]] = {}
    counts: dict[str, int] = {}
    for hit in shape.hits:
        if hit.reason not in FAMILIES:
            continue
        counts[hit.reason] = counts.get(hit.reason, 0) + 1
        where = flags.setdefault(hit.reason, [False, False, False])
        where[0] |= hit.start == 0 and hit.end == count
        where[1] |= hit.start == 0
        where[2] |= hit.end == count
        covered.setdefault(hit.reason, set()).update(range(hit.start, hit.end))
    for reason, (whole, start, end) in flags.items():
        share = len(covered[reason]) / count if count else 0.0
        out[reason] = Family(whole, start, end, share, counts[reason])
    return out


_NO_FAMILY = Family(False, False, False, 0.0, 0)
#: The family features of a block that holds no phrase: those of `_NO_FAMILY`, for every family.
_NO_FAMILIES = [0.0] * (5 * len(FAMILIES))


def block_features(shape: Shape, stopwords: frozenset[str]) -> list[float]:
    count = len(shape.tokens)
    words = shape.word_tokens
    found = families(shape)
    features = [
        math.log1p(shape.chars),
        math.log1p(count),
        shape.word_chars / words if words else 0.0,
        float(shape.ends_sentence),
        float(shape.ends_colon),
        float(shape.sentence_breaks),
        shape.capitalised / words if words else 0.0,
        shape.uppers / shape.letters if shape.letters else 0.0,
        shape.digits / shape.chars if shape.chars else 0.0,
        shape.marks / shape.chars if shape.chars else 0.0,
        sum(map(stopwords.__contains__, shape.tokens)) / words if words else 0.0,
        *map(float, shape.flags),
    ]
    if not found:
        return features + _NO_FAMILIES  # as most blocks, which hold no phrase
    for family in FAMILIES:
        f = found.get(family, _NO_FAMILY)
        features += [float(f.whole), float(f.start), float(f.end), f.cover, float(f.count)]
    return features


BLOCK_FEATURES = (
    "log_chars",
    "log_tokens",
    "word_length",
    "ends_sentence",
    "ends_colon",
    "sentence_breaks",
    "capitalised",
    "upper_letters",
    "digits",
    "marks",
    "stopwords",
    *FLAGS,
    *(f"{family}_{where}" for family in FAMILIES for where in ("whole", "start", "end", "cover", "count")),
)
#: Families whose certain labels head what follows them (a list of links, a
#: comment thread, a credit box): the blocks since the last one are counted.
LABEL_FAMILIES = ("related", "comments", "byline", "navigation", "share", "caption")
#: The short summary of a neighbour block, in feature order.
NEIGHBOUR = ("log_tokens", "ends_sentence", "stopwords", "capitalised", "prose", "lexicon")
NEIGHBOURS = (-2, -1, 1, 2)
CONTEXT_FEATURES = (
    "index_share",
    "from_end_share",
    "chars_before_share",
    "before_first_prose",
    "after_last_prose",
    "since_prose",
    "until_prose",
    "short_run",
    "short_run_position",
    "repeated",
    "first_block",
    "in_first_block",
    "first_block_in",
    "site_share",
    "same_start@-1",
    "same_start@+1",
    "overlap@-1",
    "overlap@+1",
    "log_blocks",
    "prose_share",
    "topical",
    *(f"since_{family}_label" for family in LABEL_FAMILIES),
    *(f"{name}@{offset:+d}" for offset in NEIGHBOURS for name in NEIGHBOUR),
)
FEATURES = BLOCK_FEATURES + CONTEXT_FEATURES


#: The stopwords of an article whose language is not known: one object, so
#: that `Counted.stopwords` can be told the same by identity.
NO_STOPWORDS: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Counted:
    """What one block's `Shape` gives its feature vector on its own, counted
    with one set of ``stopwords`` (the article's language): its block
    features, its words, and whether it is prose. Kept with its evidence, so
    `regather` places the block again without counting it again."""

    stopwords: frozenset[str]
    row: tuple[float, ...]
    key: str
    words: frozenset[str]
    content: frozenset[str]
    prose: bool
    summary: tuple[float, ...]

    @classmethod
    def of(cls, shape: Shape, stopwords: frozenset[str]) -> Counted:
        row = block_features(shape, stopwords)
        prose = is_prose(shape)
        content = _content_words(shape, stopwords)
        return cls(
            stopwords,
            tuple(row),
            " ".join(shape.tokens),
            frozenset(shape.tokens),
            content,
            prose,
            tuple(_summary(row, prose)),
        )


def article_features(
    shapes: Sequence[Shape], rules: Rules, site_shares: Sequence[float | None] | None = None
) -> list[list[float]]:
    """The feature vector of every block of one article (`FEATURES` order).

    >>> texts = ("Iklan", "Harga beras naik lagi hari ini, kata menteri itu.")
    >>> rows = article_features([measure(t, active_rules()) for t in texts], active_rules())
    >>> len(rows[1]) == len(FEATURES), rows[1][1] == math.log1p(9)
    (True, True)
    """
    rows, _ = counted_features(shapes, rules, site_shares)
    return rows


def counted_features(
    shapes: Sequence[Shape],
    rules: Rules,
    site_shares: Sequence[float | None] | None = None,
    known: Sequence[Counted | None] | None = None,
) -> tuple[list[list[float]], list[Counted]]:
    """`article_features`, and the `Counted` of every block; a block's
    ``known`` one is taken again when it was counted with the stopwords of
    the article's language now (a drop can change the language)."""
    language = language_of(shapes, rules)
    stopwords = rules.stopwords.get(language, NO_STOPWORDS) if language else NO_STOPWORDS
    counted = [
        c if c is not None and c.stopwords is stopwords else Counted.of(s, stopwords)
        for s, c in zip(shapes, known if known is not None else [None] * len(shapes), strict=True)
    ]
    n = len(shapes)
    prose = [c.prose for c in counted]
    prose_at = [i for i, p in enumerate(prose) if p]
    first = prose_at[0] if prose_at else n
    last = prose_at[-1] if prose_at else -1
    since = _distances(prose, forward=True)
    until = _distances(prose, forward=False)
    run, run_position = _short_runs(prose)
    keys = [c.key for c in counted]
    seen = Counter(keys)
    sets = [c.words for c in counted]
    content = [c.content for c in counted]
    vocabulary: Counter[str] = Counter(w for c, p in zip(content, prose, strict=True) if p for w in c)
    head = sets[0] if shapes else frozenset()
    total = sum(s.chars for s in shapes) or 1
    summaries = [c.summary for c in counted]
    label_since = {
        family: _distances([s.certain is not None and s.certain[0] == family for s in shapes], forward=True)
        for family in LABEL_FAMILIES
    }
    # What is the same for every block, and what two neighbours share (the
    # same either way round), counted once rather than at each block.
    labels = list(zip(*(map(float, label_since[family]) for family in LABEL_FAMILIES), strict=True))
    same_start = [_same_start(shapes[i], shapes[i + 1]) for i in range(n - 1)]
    overlap = [_overlap(sets[i], sets[i + 1]) for i in range(n - 1)]
    log_blocks = math.log1p(n)
    prose_share = len(prose_at) / n if n else 0.0
    before = 0
    out = []
    for i, shape in enumerate(shapes):
        own = sets[i]
        context = [
            i / n,
            (n - 1 - i) / n,
            before / total,
            float(i < first),
            float(i > last),
            float(since[i]),
            float(until[i]),
            float(run[i]),
            run_position[i],
            float(seen[keys[i]] > 1 and bool(keys[i])),
            float(i == 0),
            len(own & head) / len(own) if own and i else 0.0,
            len(own & head) / len(head) if head and i else 0.0,
            (site_shares[i] or 0.0) if site_shares is not None else 0.0,
            same_start[i - 1] if i else 0.0,
            same_start[i] if i + 1 < n else 0.0,
            overlap[i - 1] if i else 0.0,
            overlap[i] if i + 1 < n else 0.0,
            log_blocks,
            prose_share,
            _topical(content[i], vocabulary, content[i] if prose[i] else frozenset()),
            *labels[i],
        ]
        for offset in NEIGHBOURS:
            j = i + offset
            context += summaries[j] if 0 <= j < n else _MISSING
        out.append([*counted[i].row, *context])
        before += shape.chars
    return out, counted


_MISSING = [-1.0] * len(NEIGHBOUR)


def _content_words(shape: Shape, stopwords: frozenset[str]) -> frozenset[str]:
    """A block's distinct words of three letters or more that are no function words."""
    return frozenset(t for t in shape.tokens if len(t) >= 3 and t not in stopwords)


def _topical(words: frozenset[str], vocabulary: Counter[str], own: frozenset[str]) -> float:
    """The share of a block's content words that the article's prose uses
    elsewhere: a subheading or a caption speaks of the story, a listed
    headline or a widget of something else. ``own`` are the block's words
    when it is prose itself (counted once in ``vocabulary``)."""
    if not words:
        return 0.0
    return sum(1 for w in words if vocabulary[w] > (w in own)) / len(words)


def _start_class(shape: Shape) -> str:
    first = shape.tokens[0] if shape.tokens else ""
    return "number" if first == "0" else first


def _same_start(a: Shape, b: Shape) -> float:
    """Whether two blocks open alike (the same word, or both a number), as list items do."""
    return float(bool(a.tokens) and bool(b.tokens) and _start_class(a) == _start_class(b))


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """The share of their distinct words two blocks have in common."""
    return len(a & b) / len(a | b) if a and b else 0.0


_LEXICON_COVERS = [BLOCK_FEATURES.index(f"{family}_cover") for family in FAMILIES]


def _summary(row: list[float], prose: bool) -> list[float]:
    return [
        row[1],
        row[3],
        row[10],
        row[6],
        float(prose),
        max(row[i] for i in _LEXICON_COVERS),
    ]


def _distances(prose: Sequence[bool], *, forward: bool) -> list[int]:
    """Blocks since the last prose block before (or until the next after), up to `FAR`."""
    n = len(prose)
    out = [FAR] * n
    gap = FAR
    order = range(n) if forward else range(n - 1, -1, -1)
    for i in order:
        out[i] = min(gap, FAR)
        gap = 1 if prose[i] else gap + 1
    return out


def _short_runs(prose: Sequence[bool]) -> tuple[list[int], list[float]]:
    """Per block, the length of the run of non-prose blocks it stands in (0
    for prose), and its place in that run (0 first, 1 last)."""
    n = len(prose)
    length = [0] * n
    place = [0.0] * n
    i = 0
    while i < n:
        if prose[i]:
            i += 1
            continue
        j = i
        while j < n and not prose[j]:
            j += 1
        for k in range(i, j):
            length[k] = j - i
            place[k] = (k - i) / (j - i - 1) if j - i > 1 else 0.0
        i = j
    return length, place


@dataclass(frozen=True, slots=True)
class Evidence:
    """What the pass found for one block: its feature vector (`FEATURES`
    order), the rule phrases in it, the rule that makes it residue for sure
    (if any), and what the site profile knows of it (if one was given)."""

    features: tuple[float, ...]
    hits: tuple[Hit, ...]
    certain: tuple[str, str] | None
    tokens: int
    site: object | None = None
    #: What the block's text measured, and the rules it was measured with:
    #: `regather` places the block again without measuring it again.
    shape: Shape | None = field(default=None, compare=False, repr=False)
    rules: Rules | None = field(default=None, compare=False, repr=False)
    #: What the shape gave the features on its own (`Counted`): `regather`
    #: takes it again while the article's language stays the same.
    counted: Counted | None = field(default=None, compare=False, repr=False)

    def feature(self, name: str) -> float:
        return self.features[FEATURES.index(name)]

    def placed(self, features: tuple[float, ...], shape: Shape, counted: Counted) -> Evidence:
        """This evidence with the features of the block placed again
        (`dataclasses.replace`, written out: `regather` makes one per block
        per round, and the generic copy costs several times the call)."""
        return Evidence(features, self.hits, self.certain, self.tokens, self.site, shape, self.rules, counted)


def gather(blocks: Sequence[Block], rules: Rules | None = None, profile: object | None = None) -> list[Block]:
    """``blocks`` with the `Evidence` of every kept block attached (blocks the
    reader dropped, such as escape artifacts, get none and are not counted as
    neighbours). ``profile`` is a site profile with a ``lookup(text)`` method
    (see `cleannews.sites`), or ``None``.

    >>> out = gather([Block("Baca juga: Harga beras naik"), Block("Isi berita yang panjang sekali di sini.")])
    >>> out[0].evidence.certain, out[1].evidence.certain
    (('related', 'leads'), None)
    """
    rules = active_rules() if rules is None else rules
    at = [i for i, b in enumerate(blocks) if b.kept]
    # A text said several times in one article (labels, widgets, a page of
    # short lines) is measured once: a `Shape` depends on the text alone.
    measured: dict[str, Shape] = {}
    shapes = [
        measured.get(t) or measured.setdefault(t, measure(t, rules)) for t in (blocks[i].text for i in at)
    ]
    hits = [profile.lookup(blocks[i].text) for i in at] if profile is not None else None  # type: ignore[attr-defined]
    shares = [getattr(h, "share", None) for h in hits] if hits is not None else None
    rows, counted = counted_features(shapes, rules, shares)
    out = list(blocks)
    for n, i in enumerate(at):
        shape = shapes[n]
        site = hits[n] if hits is not None else None
        evidence = Evidence(
            tuple(rows[n]), shape.hits, shape.certain, len(shape.tokens), site, shape, rules, counted[n]
        )
        out[i] = out[i].with_evidence(evidence)
    return out


def regather(blocks: Sequence[Block]) -> list[Block]:
    """``blocks`` with the features of every kept block counted again over
    the blocks kept now: its position, neighbours, run of short lines,
    repetition, the labels above it and the distances to prose see the
    article as the steps so far left it, as the evidence pass would see the
    cleaned output. The shapes and the site profile's hits are those of the
    evidence pass (`Evidence.shape`, `Evidence.site`); a kept block whose
    text a step changed (it has no evidence) is measured, counted as a
    neighbour, and still gets none. The title counts as the first block, as
    it is in the output, though it was found below other lines. When no
    block with evidence was dropped, every kept block has its evidence and
    no line stands above the title, the features are the same, and
    ``blocks`` are returned as they are.

    >>> blocks = gather([Block("Isi berita yang panjang sekali di sini hari ini."), Block("Bagikan")])
    >>> regather(blocks) == blocks, regather(blocks)[1].evidence is blocks[1].evidence
    (True, True)
    >>> again = regather([blocks[0], blocks[1].drop("share")])
    >>> blocks[0].evidence.feature("log_blocks") > again[0].evidence.feature("log_blocks")
    True
    >>> again[0].evidence.features == gather([Block(blocks[0].text)])[0].evidence.features
    True
    """
    # In the order the output reads: the title first, wherever it was found.
    at = sorted((i for i, b in enumerate(blocks) if b.kept), key=lambda i: blocks[i].kind != "title")
    known = [blocks[i].evidence for i in at]
    if (
        all(e is not None and e.shape is not None for e in known)
        and not any(b.evidence is not None and not b.kept for b in blocks)
        and at == sorted(at)
    ):
        return list(blocks)
    rules = next((e.rules for e in known if e is not None and e.rules is not None), None) or active_rules()
    shapes = [
        e.shape if e is not None and e.shape is not None else measure(blocks[i].text, rules)
        for i, e in zip(at, known, strict=True)
    ]
    shares = [getattr(e.site, "share", None) if e is not None else None for e in known]
    counts = [e.counted if e is not None else None for e in known]
    rows, counted = counted_features(shapes, rules, shares, counts)
    out = list(blocks)
    for n, i in enumerate(at):
        evidence = known[n]
        if evidence is not None:
            again = evidence.placed(tuple(rows[n]), shapes[n], counted[n])
            out[i] = out[i].with_evidence(again)
    return out
