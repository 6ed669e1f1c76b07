"""Hypothesis generators of article-like text and of scraper residue.

A generated story is a list of `Piece`s: a title, headings and paragraphs of
sentence-like prose in Indonesian or English, made from the word lists and
sentence templates below (self-written, not copied from any publisher). A
residue piece is one or more input lines of one reason code, spelled in the
many ways real sites spell it. `Draft` joins pieces into raw text in one of
the layouts scrapers produce and says what cleaning must give back.

Everything here states what the text IS; what cleannews must do with it is in
``test_properties.py``. Nothing here asks cleannews what it will do, and no
input is left out because cleannews gets it wrong: a piece whose fate a
reader could not tell either is in the draft's `leeway` (asserted nowhere);
a case cleannews gets wrong is a strict xfail in ``test_known_limits.py``.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from hypothesis import strategies as st

# ---------------------------------------------------------------- model


@dataclass(frozen=True)
class Piece:
    """Input lines that clean to one thing: a content block of ``kind``
    (``reason is None``), or residue that must be removed for ``reason``."""

    lines: tuple[str, ...]
    kind: str = "paragraph"
    reason: str | None = None

    @property
    def text(self) -> str:
        return self.lines[0]


@dataclass(frozen=True)
class Draft:
    """Pieces in input order, the layout that joins their lines, and the
    ``leeway``: indices of pieces whose fate the properties do not assert,
    because a reader could not tell it either (`leeway`, docs/spec.md)."""

    pieces: tuple[Piece, ...]
    layout: str = "\n\n"
    leeway: frozenset[int] = frozenset()

    @property
    def raw(self) -> str:
        return self.layout.join(line for p in self.pieces for line in p.lines)

    def _asserted(self) -> list[Piece]:
        """The pieces the properties assert: not leeway, nor the same text as one."""
        loose = self.loose
        return [p for p in self.pieces if not loose.intersection(map(squeeze, p.lines))]

    @property
    def title(self) -> str | None:
        return next((p.text for p in self._asserted() if p.kind == "title" and p.reason is None), None)

    @property
    def content(self) -> list[tuple[str, str]]:
        """``(kind, text)`` of every asserted content block after the title, in order."""
        return [(p.kind, p.text) for p in self._asserted() if p.reason is None and p.kind != "title"]

    @property
    def loose(self) -> frozenset[str]:
        """The lines of the leeway pieces, white space squeezed: whatever
        comes out with such a text is not asserted."""
        return frozenset(squeeze(line) for n in self.leeway for line in self.pieces[n].lines)

    @property
    def residue(self) -> list[tuple[str, frozenset[str]]]:
        """``(text, reasons)`` of every residue line, in order, with the
        reason codes it may be removed for: its own, or that of any residue
        piece in the run of residue it sits in (an ad label takes the marker
        after its copy for more copy). In the escaped layout a line of
        escaped breaks is part of the separator between paragraphs, so it is
        no unit of its own."""
        out = []
        for run in _residue_runs(self.pieces):
            reasons = frozenset(str(self.pieces[n].reason) for n in run)
            out += [
                (line, reasons)
                for n in run
                for line in self.pieces[n].lines
                if squeeze(line) not in self.loose
                if not ("\\" in self.layout and _ESCAPED_BREAKS.fullmatch(line))
            ]
        return out


def squeeze(text: str) -> str:
    """``text`` with white-space runs as one space, none at the ends.

    >>> squeeze(" Baca\u00a0 juga ")
    'Baca juga'
    """
    return " ".join(text.split())


def _residue_runs(pieces: Sequence[Piece]) -> list[list[int]]:
    """Indices of the residue pieces, grouped in runs of adjacent ones.

    >>> ad, text = Piece(("Iklan",), reason="ad"), Piece(("Isi.",))
    >>> _residue_runs([ad, ad, text, ad])
    [[0, 1], [3]]
    """
    runs: list[list[int]] = []
    for n, piece in enumerate(pieces):
        if piece.reason is None:
            continue
        if runs and runs[-1][-1] == n - 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return runs


def leeway(pieces: Sequence[Piece]) -> frozenset[int]:
    """The pieces whose fate a reader of the text could not tell either, so
    the properties assert nothing about them (docs/spec.md, "Leeway"):

    - a heading right under a related or navigation list header ("Berita
      Terkait", "Home"), or the title and the heading under it there (with
      only residue between): a headline the list links reads the same;
    - a heading right over a related link ("Read more"): the teaser it links;
    - one line of text between two captions, or a line printed twice right
      above a caption: a gallery's caption, which is a sentence too;
    - headings between the title and its repeat in the body: kickers over
      the headline ("Review"), which a page prints there.
    - a title or heading with residue right before and right after it: a
      short line between two residue blocks reads as residue too.
    - the title's repeats, when the title is in the leeway: with the title
      gone, its repeat is the headline.

    >>> related, heading = Piece(("Berita Terkait",), reason="related"), Piece(("Latar Belakang",), "heading")
    >>> sorted(leeway([Piece(("Isi.",)), related, heading, Piece(("Isi lain.",))]))
    [2]
    >>> leeway([Piece(("Isi.",)), heading, Piece(("Isi lain.",))])
    frozenset()
    >>> title, again = Piece(("Harga Naik",), "title"), Piece(("HARGA NAIK",), reason="duplicate-title")
    >>> sorted(leeway([related, title, heading, again, Piece(("Isi.",))]))
    [1, 2, 3]
    """
    loose: set[int] = set()
    kinds = [p.kind if p.reason is None else p.reason for p in pieces]
    for n, piece in enumerate(pieces):
        if piece.reason in ("related", "navigation"):
            # The list runs on over residue (the title's repeat, an ad) to the next short lines.
            following = [i for i in range(n + 1, len(pieces)) if pieces[i].reason is None][:2]
            after = [kinds[i] for i in following]
            if after[:1] == ["heading"]:
                loose.add(following[0])
            elif after == ["title", "heading"]:
                loose |= set(following)
        if piece.reason == "related" and n and kinds[n - 1] == "heading":
            loose.add(n - 1)
        if piece.reason == "caption" and n >= 2 and pieces[n - 1].reason is None:
            if pieces[n - 2].reason == "caption":
                loose.add(n - 1)
            elif pieces[n - 2].lines == pieces[n - 1].lines:
                loose |= {n - 2, n - 1}
        if kinds[n] in ("title", "heading") and 0 < n < len(pieces) - 1 and pieces[n - 1].reason:
            loose |= {n} if pieces[n + 1].reason else set()
        if piece.reason == "duplicate-title":
            start = next((i for i in range(n) if kinds[i] == "title"), n) + 1
            between = range(start, n)
            if all(kinds[i] == "heading" or pieces[i].reason for i in between):
                loose |= {i for i in between if kinds[i] == "heading"}
    if any(kinds[n] == "title" for n in loose):
        loose |= {n for n, kind in enumerate(kinds) if kind == "duplicate-title"}
    return frozenset(loose)


_ESCAPED_BREAKS = re.compile(r"(?:\s*(?:\\+r)?\\+n)+\s*")


# ---------------------------------------------------------------- word lists

ID_PEOPLE = (
    "Presiden Joko Widodo",
    "Menteri Keuangan Sri Mulyani",
    "Gubernur Jawa Barat",
    "Kepala BMKG Dwikorita Karnawati",
    "Juru bicara KPK",
    "Ketua DPR RI",
    "Kapolri Jenderal Listyo Sigit",
    "Wali Kota Surabaya",
    "Direktur Utama PT Pertamina",
    "Dr. Andi Saputra",
    "warga setempat",
    "para nelayan",
    "Prof. Rina Wulandari",
)
EN_PEOPLE = (
    "President Joe Biden",
    "Prime Minister Anthony Albanese",
    "Treasury Secretary Janet Yellen",
    "Dr. Sarah Jones",
    "a spokesperson for the U.N.",
    "Gov. Gavin Newsom",
    "officials in Washington",
    "local residents",
    "the mayor of Chicago",
    "Sen. Maria Lopez",
)
ID_PLACES = (
    "Jakarta",
    "Surabaya",
    "Bandung",
    "Makassar",
    "Medan",
    "Kalimantan Timur",
    "Nusa Tenggara Barat",
    "Jl. Sudirman",
    "Gedung Putih",
    "Istana Merdeka",
    "Yogyakarta",
    "Jalur Gaza",
)
EN_PLACES = (
    "London",
    "New York",
    "Washington",
    "the Gulf Coast",
    "Sydney",
    "Brussels",
    "St. Louis",
    "Kyiv",
    "the West Bank",
)
ID_TOPICS = (
    "harga beras",
    "proyek jalan tol",
    "program makan bergizi gratis",
    "inflasi",
    "ekspor batu bara",
    "kebijakan suku bunga",
    "pembangunan ibu kota baru",
    "jumlah wisatawan",
    "anggaran pendidikan",
)
EN_TOPICS = (
    "the price of eggs",
    "the new highway project",
    "inflation",
    "coal exports",
    "the interest rate decision",
    "the ceasefire talks",
    "tourist arrivals",
    "the school budget",
)
ID_ORGS = ("BPS", "Bank Indonesia", "Kementerian Kesehatan", "BNPB", "OJK", "PBB", "Pemprov DKI")
EN_ORGS = ("the Fed", "the IMF", "the WHO", "the Census Bureau", "NATO", "the U.S. Treasury", "the EU")
ID_DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
EN_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
ID_ACTIONS = ("diumumkan", "dibahas bersama DPR", "dievaluasi ulang", "dilanjutkan", "ditunda sementara")
EN_ACTIONS = ("announced", "reviewed again", "put on hold", "debated in Congress", "extended")
ID_QUOTES = (
    "Kami akan terus memantau situasi di lapangan",
    "Pemerintah tidak akan tinggal diam",
    "Ini langkah maju yang besar bagi kita semua",
    "Semua pihak harus menahan diri",
)
EN_QUOTES = (
    "We will keep watching the situation closely",
    "Nobody expected the numbers to rise this fast",
    "This is a big step forward for all of us",
    "Everyone needs to stay calm",
)
NAMES = ("Andi Saputra", "Rina Wulandari", "Budi Santoso", "John Smith", "Maria Garcia", "Sean O'Neil")

ID_SENTENCES = (
    "{person} mengatakan bahwa {topic} akan {action} pada {day} {date}.",
    "{person} menyampaikan hal itu di {place}, {day} {date}.",
    "Menurut data {org}, {topic} naik {num} persen dibandingkan tahun lalu.",
    "“{quote},” kata {person} di {place}, {day} {date}.",
    '"{quote}," ujar {person} kepada wartawan di {place}.',
    "Sebanyak {num} warga (sekitar {num} kepala keluarga) dievakuasi ke {place} pada {day}.",
    "Anggaran sebesar Rp {num},{digit} triliun disiapkan untuk {topic} tahun depan.",
    "Sementara itu, {org} meminta agar {topic} {action} sebelum akhir tahun.",
)
EN_SENTENCES = (
    "{person} said on {day} {date} that {topic} would be {action}.",
    "“{quote},” {person} told reporters in {place} on {day}.",
    '"{quote}," said {person}, who declined to give further details.',
    "According to {org}, {topic} rose {num} percent (about ${num}.{digit} billion) from a year earlier.",
    "The decision, made in {place} on {day} {date}, affects roughly {num},000 people.",
    "Meanwhile, {org} asked that {topic} be {action} before the end of the year.",
)
ID_HEADLINES = (
    "{Person} Tinjau {Topic} di {place}",
    "Harga Beras Naik {num} Persen Jelang Lebaran",
    "“Kami Siap,” Kata {Person} soal {Topic}",
    "{org} Umumkan Kebijakan Baru, Pasar Bereaksi",
    "Banjir Rendam {place}, {num} Warga Mengungsi",
    "Apa Kata {Person} tentang {Topic}?",
)
EN_HEADLINES = (
    "{Person} Visits {place} as {Topic} Talks Stall",
    "What the Latest {org} Decision Means for {place}",
    "Floods Hit {place}, {num} Residents Evacuated",
    "Why {Topic} Matters in {place}",
    "“We Are Ready,” {Person} Says After Talks",
)
# Headings avoid the vocabulary of ad copy ("Promo", "Diskon", "Sale") and of
# widget labels ("Video", "Related", "Home"), and have at most half their
# words in capitals (more reads as ad copy right after an ad label): a
# heading that looks like residue is a known limit (docs/spec.md).
ID_HEADINGS = (
    "Latar Belakang",
    "Reaksi Pasar",
    "Dampak bagi Warga {place}",
    "Langkah Selanjutnya",
    "Sikap {org}",
    "Tanggapan {org} dan DPR",
)
EN_HEADINGS = (
    "Background",
    "Market Reaction",
    "What Happens Next",
    "How {place} Responded",
    "The View From {place}",
    "A Long Road for NATO and the EU",
)


@dataclass(frozen=True)
class Language:
    people: tuple[str, ...]
    places: tuple[str, ...]
    topics: tuple[str, ...]
    orgs: tuple[str, ...]
    days: tuple[str, ...]
    actions: tuple[str, ...]
    quotes: tuple[str, ...]
    sentences: tuple[str, ...]
    headlines: tuple[str, ...]
    headings: tuple[str, ...]


INDONESIAN = Language(
    ID_PEOPLE,
    ID_PLACES,
    ID_TOPICS,
    ID_ORGS,
    ID_DAYS,
    ID_ACTIONS,
    ID_QUOTES,
    ID_SENTENCES,
    ID_HEADLINES,
    ID_HEADINGS,
)
ENGLISH = Language(
    EN_PEOPLE,
    EN_PLACES,
    EN_TOPICS,
    EN_ORGS,
    EN_DAYS,
    EN_ACTIONS,
    EN_QUOTES,
    EN_SENTENCES,
    EN_HEADLINES,
    EN_HEADINGS,
)

# ---------------------------------------------------------------- prose


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def title_case(text: str) -> str:
    return " ".join(upper_first(w) for w in text.split(" "))


@st.composite
def dates(draw: st.DrawFn) -> str:
    day, month = draw(st.integers(1, 28)), draw(st.integers(1, 12))
    year = draw(st.sampled_from(("", "/2024", "/2025")))
    return f"({day}/{month}{year})"


@st.composite
def fill(draw: st.DrawFn, template: str, lang: Language) -> str:
    """``template`` with each slot filled from ``lang``'s word lists."""
    person, topic = draw(st.sampled_from(lang.people)), draw(st.sampled_from(lang.topics))
    return template.format(
        person=person,
        Person=title_case(person),
        topic=topic,
        Topic=title_case(topic),
        place=draw(st.sampled_from(lang.places)),
        org=draw(st.sampled_from(lang.orgs)),
        day=draw(st.sampled_from(lang.days)),
        action=draw(st.sampled_from(lang.actions)),
        quote=draw(st.sampled_from(lang.quotes)),
        date=draw(dates()),
        num=draw(st.integers(2, 999)),
        digit=draw(st.integers(0, 9)),
    )


languages = st.sampled_from((INDONESIAN, ENGLISH))


@st.composite
def paragraphs(draw: st.DrawFn, lang: Language) -> str:
    """One to four sentences of reporting."""
    count = draw(st.integers(1, 4))
    return " ".join(
        upper_first(draw(fill(draw(st.sampled_from(lang.sentences)), lang))) for _ in range(count)
    )


@st.composite
def headlines(draw: st.DrawFn, lang: Language | None = None) -> str:
    lang = lang or draw(languages)
    return draw(fill(draw(st.sampled_from(lang.headlines)), lang))


@st.composite
def headings(draw: st.DrawFn, lang: Language) -> str:
    return draw(fill(draw(st.sampled_from(lang.headings)), lang))


@st.composite
def stories(draw: st.DrawFn, *, titled: bool | None = None) -> list[Piece]:
    """A news story: maybe a title, then sections of an optional heading and
    one to four paragraphs. An untitled story opens with a paragraph: a
    heading on the first line reads as the title (docs/spec.md)."""
    lang = draw(languages)
    titled = draw(st.booleans()) if titled is None else titled
    pieces = [Piece((draw(headlines(lang)),), "title")] if titled else []
    for section in range(draw(st.integers(1, 4))):
        if (section or titled) and draw(st.booleans()):
            pieces.append(Piece((draw(headings(lang)),), "heading"))
        pieces += [Piece((draw(paragraphs(lang)),)) for _ in range(draw(st.integers(1, 4)))]
    return pieces


#: Blank-line and single-newline paragraphs, CRLF, and the whole article on one
#: line with escaped breaks (a literal backslash-n), as JSON-escaping scrapers leave it.
LAYOUTS = ("\n\n", "\n", "\r\n", "\n\n\n", "\n \n", "\\n", "\\n\\n", "\\r\\n")
layouts = st.sampled_from(LAYOUTS)


@st.composite
def clean_drafts(draw: st.DrawFn) -> Draft:
    """A story with no residue, in one of the layouts scrapers produce."""
    return Draft(tuple(draw(stories())), draw(layouts))


# ---------------------------------------------------------------- spellings


@st.composite
def cased(draw: st.DrawFn, text: str) -> str:
    """``text`` as written, in capitals, in lower case or in title case."""
    how = draw(st.sampled_from(("as is", "upper", "lower", "title")))
    return {"as is": text, "upper": text.upper(), "lower": text.lower(), "title": title_case(text)}[how]


@st.composite
def spelled(
    draw: st.DrawFn, label: str, *, ends: Sequence[str] = ("", ":", " :", ".", "!", " »", "...")
) -> str:
    """A label as sites spell it: any case, stray spaces, an end mark, maybe
    wrapped in brackets."""
    text = draw(cased(label))
    end = draw(st.sampled_from(tuple(ends)))
    pad_left, pad_right = draw(st.sampled_from(("", " ", "\u00a0"))), draw(st.sampled_from(("", " ", "\t")))
    wrapped = draw(st.sampled_from(("{}", "{}", "[{}]", "({})", "» {}", "• {}")))
    return pad_left + wrapped.format(text + end) + pad_right


@st.composite
def labelled(draw: st.DrawFn, label: str, follower: st.SearchStrategy[str], *, seps: Sequence[str]) -> str:
    """``label``, a separator, then a follower such as a headline."""
    return draw(cased(label)) + draw(st.sampled_from(tuple(seps))) + draw(follower)


def one_line(reason: str, strategy: st.SearchStrategy[str]) -> st.SearchStrategy[Piece]:
    return strategy.map(lambda line: Piece((line,), reason=reason))


COLONS = (": ", " : ", ":", " - ", " – ", " — ")

# ---------------------------------------------------------------- residue

AD_LABELS = (
    "Advertisement",
    "Iklan",
    "Sponsored",
    "Sponsored Content",
    "Konten Bersponsor",
    "Advertorial",
    "Ad",
    "Ads by Google",
    "Promoted Content",
    "Paid Content",
)
# Ad copy is what follows a label and reads as an ad: a logo text said twice,
# words of an offer, or a short line in capitals. Copy that reads as a
# sentence of reporting is kept (conservative): a known limit.
AD_COPY = (
    "AIOTrade App AIOTrade App",
    "AIOTRADE",
    "TRADING OTOMATIS 24 JAM NONSTOP",
    "BOT TRADING OTOMATIS yang MEMBELI saat harga turun, tersedia sekarang di aplikasi.",
    "Unduh sekarang, gratis!",
    "Download now on Google Play",
    "DISKON 50% HARI INI",
    "Klik di sini untuk info lebih lanjut",
    "Shop now and save 20% off",
    "Get the app",
    "Beli sekarang, gratis ongkir",
    "Learn more",
    "KPR BANK NUSANTARA",
)


@st.composite
def ads(draw: st.DrawFn) -> Piece:
    """An ad label and one to four blocks of ad copy."""
    label = draw(spelled(draw(st.sampled_from(AD_LABELS)), ends=("", ":", " :", ".")))
    copy = draw(st.lists(st.sampled_from(AD_COPY), min_size=1, max_size=4))
    return Piece((label, *copy), reason="ad")


MARKERS = (
    "SCROLL TO CONTINUE WITH CONTENT",
    "Story continues below",
    "Article continues below advertisement",
    "Continue reading",
    "Continue reading the main story",
    "Lanjut baca artikel di bawah ini",
    "Lanjutkan membaca",
    "Halaman selanjutnya",
    "Next page",
)
markers = st.sampled_from(MARKERS).flatmap(spelled).map(lambda t: Piece((t,), reason="marker"))

# A line of escape debris: literal backslash escapes, or only invisible characters.
ESCAPES = ("\\n", "\\\\n", " \\n ", "\\r\\n", "\\n\\n", "\\t", "\\n \\n", "\u200b", "\u200b\ufeff", "\u2060")
escapes = one_line("escape-artifact", st.sampled_from(ESCAPES))

RELATED_LABELS = (
    "Berita Terkait",
    "Artikel Terkait",
    "Berita Lainnya",
    "Baca Juga",
    "Related Articles",
    "Related Stories",
    "Read more",
    "See also",
    "You may also like",
    "More from Reuters",
    "Berita Terpopuler",
    "Pilihan Redaksi",
)
# A link label then a headline. English labels need a separator: "Read more
# about the deal in our guide" is a sentence (known limit); Indonesian "Baca
# juga" is a link with or without one.
RELATED_LINKS = (
    ("Baca juga", (" ", *COLONS)),
    ("Baca", (": ", " : ")),
    ("Lihat juga", (": ", " : ")),
    ("Berita terkait", (": ", " : ")),
    ("Read more", (": ", " : ")),
    ("Read also", (": ",)),
    ("Related", (": ", " : ")),
    ("See also", (": ",)),
    ("Also read", (": ",)),
)


@st.composite
def related(draw: st.DrawFn) -> Piece:
    if draw(st.booleans()):
        line = draw(spelled(draw(st.sampled_from(RELATED_LABELS))))
    else:
        label, seps = draw(st.sampled_from(RELATED_LINKS))
        line = draw(labelled(label, headlines(), seps=seps))
    return Piece((line,), reason="related")


PROMO_LABELS = (
    "Tonton juga video berikut",
    "Simak video berikut",
    "Saksikan video pilihan",
    "Watch the video",
    "Click to play video",
    "Video Pilihan",
)
PROMO_LINKS = (
    ("Simak juga Video", (" ", ": ")),
    ("Tonton juga video", (" ", ": ")),
    ("Watch", (": ", " : ")),
    ("Video", (": ", " : ")),
    ("Watch the full video", (": ", " ")),
)


@st.composite
def promos(draw: st.DrawFn) -> Piece:
    pick = draw(st.integers(0, 2))
    if pick == 0:
        line = draw(spelled(draw(st.sampled_from(PROMO_LABELS))))
    elif pick == 1:
        label, seps = draw(st.sampled_from(PROMO_LINKS))
        line = draw(labelled(label, headlines(), seps=seps))
    else:
        outlet = draw(st.sampled_from(("20detik", "CNN", "detikcom", "CNBC")))
        line = draw(
            st.sampled_from(("[Gambas:Video {}]", "[Gambas:Video {}]\u00a0", "[gambas:video {}]"))
        ).format(outlet)
    return Piece((line,), reason="promo")


SHARES = (
    "Share this article",
    "Share",
    "Bagikan",
    "Bagikan artikel ini",
    "Facebook Twitter WhatsApp",
    "Share on Facebook",
    "Follow us on Twitter",
    "Salin tautan",
    "Link disalin",
    "13 Shares",
    "2.4K Shares",
    "Ikuti kami di Instagram",
    "Download aplikasi detikcom",
    "Email Print",
)
shares = st.sampled_from(SHARES).flatmap(spelled).map(lambda t: Piece((t,), reason="share"))

NEWSLETTERS = (
    "Sign up for our newsletter",
    "Subscribe",
    "Subscribe now",
    "Newsletter",
    "Dapatkan update berita pilihan dan breaking news setiap hari dari Kompas.com.",
    "Ayo berlangganan gratis newsletter mingguan kami.",
    "Berlangganan",
    "Baca berita selengkapnya di sini",
    "Sign up for the Morning Brief newsletter.",
    "Subscribe to our newsletter for daily updates.",
)


@st.composite
def newsletters(draw: st.DrawFn) -> Piece:
    if draw(st.integers(0, 3)) == 0:
        outlet = draw(st.sampled_from(("Kompas.com", "Tribunnews.com", "detikNews")))
        line = f"Artikel ini telah tayang di {outlet} dengan judul “{draw(headlines())}”."
    else:
        line = draw(spelled(draw(st.sampled_from(NEWSLETTERS)), ends=("", ".", "!", " »")))
    return Piece((line,), reason="newsletter")


CAPTION_TEXTS = (
    "{Person} saat meninjau lokasi banjir di {place}",
    "Suasana di {place}, {day} {date}",
    "{Person} speaks to reporters in {place}",
    "Ilustrasi {topic}",
)
CREDITS = (
    "Ilustrasi",
    "Foto ilustrasi",
    "Dok. Istimewa",
    "Dok. Humas Polri",
    "Getty Images",
    "Reuters",
    "AFP",
    "AP Photo/{name}",
    "{name}/Getty Images",
    "{name}/detikcom",
    "{name}/Antara Foto",
    "Reuters/{name}",
    "(Image credit: Getty Images)",
)


@st.composite
def captions(draw: st.DrawFn) -> Piece:
    name = draw(st.sampled_from(NAMES[:5]))
    if draw(st.booleans()):
        lang = draw(languages)
        label = draw(st.sampled_from(("Foto", "FOTO", "Photo", "Image", "Gambar", "Sumber foto", "Credit")))
        sep = draw(st.sampled_from((": ", " : ", ":")))
        line = label + sep + draw(fill(draw(st.sampled_from(CAPTION_TEXTS)), lang))
    else:
        line = draw(spelled(draw(st.sampled_from(CREDITS)).format(name=name), ends=("", ".")))
    return Piece((line,), reason="caption")


BYLINE_ROLES = ("Penulis", "Editor", "Pewarta", "Reporter", "Redaktur", "Author", "Penyunting", "Kontributor")


@st.composite
def bylines(draw: st.DrawFn) -> Piece:
    name, other = draw(st.sampled_from(NAMES)), draw(st.sampled_from(NAMES))
    pick = draw(st.integers(0, 4))
    if pick == 0:
        line = draw(st.sampled_from(BYLINE_ROLES)) + draw(st.sampled_from((": ", " : ", ":"))) + name
    elif pick == 1:
        codes = draw(
            st.lists(st.text("abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=4), min_size=2, max_size=3)
        )
        line = draw(spelled("/".join(codes), ends=("",)))
    elif pick == 2:
        line = draw(cased("By")) + " " + name + draw(st.sampled_from(("", f" and {other}", f" & {other}")))
    elif pick == 3:
        line = f"Reporting by {name}; Editing by {other}"
    else:
        line = f"Laporan wartawan Tribunnews.com, {name}"
    return Piece((line,), reason="byline")


COMMENT_LABELS = (
    "Komentar",
    "Kirim Komentar",
    "Tulis Komentar",
    "Lihat Komentar",
    "0 Komentar",
    "Komentar Pembaca",
    "Leave a Reply",
    "Leave a comment",
    "0 Comments",
    "Comments",
    "Show comments",
    "Join the conversation",
)
COMMENT_CALLS = (
    "Suarakan pendapat Anda dengan bijak di kolom komentar.",
    "Bagaimana menurut Anda? Tulis pendapatmu di kolom komentar di bawah ini.",
    "Yuk, sampaikan pendapatmu di kolom komentar!",
    "Tell us what you think in the comments below.",
    "Leave a comment below!",
    "Share your thoughts in the comments.",
)
# The widget debris after a comment label at the tail: names, times, buttons.
COMMENT_DEBRIS = (
    "Balas",
    "Suka",
    "Laporkan",
    "2 jam lalu",
    "Reply",
    "Like",
    "3 hours ago",
    "Muat lebih banyak",
    "12",
    "Urutkan: Terbaru",
    "Load more",
    "Andi Saputra",
    "Maria Garcia",
)


@st.composite
def comments(draw: st.DrawFn) -> Piece:
    """A comment label or a call to comment, anywhere in an article."""
    if draw(st.booleans()):
        label = draw(st.sampled_from(COMMENT_LABELS))
        # Only a bare "Komentar" / "Comments" label carries a count: "Komentar (3)".
        ends = ("", ":", " (3)", " 12") if label in ("Komentar", "Comments") else ("", ":")
        return Piece((draw(spelled(label, ends=ends)),), reason="comments")
    return Piece((draw(st.sampled_from(COMMENT_CALLS)),), reason="comments")


@st.composite
def comment_tails(draw: st.DrawFn) -> Piece:
    """A comment section at the end of an article: a label, then widget debris."""
    label = draw(spelled(draw(st.sampled_from(COMMENT_LABELS)), ends=("", ":")))
    debris = draw(st.lists(st.sampled_from(COMMENT_DEBRIS), max_size=6))
    return Piece((label, *debris), reason="comments")


NAVIGATION = ("Home", "Beranda", "Back to top", "Skip to content", "Skip to main content")


@st.composite
def navigation(draw: st.DrawFn) -> Piece:
    if draw(st.booleans()):
        line = draw(spelled(draw(st.sampled_from(NAVIGATION)), ends=("",)))
    else:
        label = draw(st.sampled_from(("Tags", "Tag", "Topik", "Kategori", "Topics", "Filed under")))
        tags = draw(
            st.lists(st.sampled_from((*ID_PLACES, *ID_ORGS, "ekonomi", "politik")), min_size=1, max_size=5)
        )
        line = label + draw(st.sampled_from((": ", " : ", ":"))) + ", ".join(tags)
    return Piece((line,), reason="navigation")


BOILERPLATE = (
    "Copyright © 2025 PT Media Nusantara. All rights reserved.",
    "© 2025 Kompas.com",
    "Hak Cipta © 2024 Tempo",
    "All rights reserved.",
    "Loading...",
    "Sedang memuat...",
    "Rate this article",
    "Was this article helpful?",
)
boilerplate = one_line("boilerplate", st.sampled_from(BOILERPLATE))


@st.composite
def repeated_titles(draw: st.DrawFn, title: str) -> Piece:
    """The title again in the body, as sites repeat it: any case, stray
    spaces, an end mark."""
    return Piece((draw(spelled(title, ends=("", ".", " .", " |"))),), reason="duplicate-title")


#: Residue that may sit anywhere between blocks, keyed by reason code.
RESIDUE: dict[str, st.SearchStrategy[Piece]] = {
    "ad": ads(),
    "marker": markers,
    "escape-artifact": escapes,
    "related": related(),
    "promo": promos(),
    "share": shares,
    "newsletter": newsletters(),
    "caption": captions(),
    "byline": bylines(),
    "comments": comments(),
    "navigation": navigation(),
    "boilerplate": boilerplate,
}
residue = st.one_of(*RESIDUE.values())


@st.composite
def dirty_drafts(draw: st.DrawFn, kinds: st.SearchStrategy[Piece] = residue) -> Draft:
    """A story with residue inserted between its blocks, maybe a repeated
    title and a comment tail; the pieces no reader could tell are its
    `leeway`."""
    story = draw(stories())
    gaps = list(range(len(story) + 1))
    chosen = sorted(draw(st.lists(st.sampled_from(gaps), unique=True, min_size=1, max_size=4)))
    pieces: list[Piece] = []
    for index, piece in enumerate(story):
        if index in chosen:
            pieces.append(draw(kinds))
        pieces.append(piece)
    title = next((p.text for p in story if p.kind == "title"), None)
    if title and draw(st.booleans()):
        pieces.insert(draw(st.integers(2, len(pieces))), draw(repeated_titles(title)))
    if draw(st.booleans()):
        pieces.append(draw(comment_tails()))
    elif len(story) in chosen:
        pieces.append(draw(kinds))
    return Draft(tuple(pieces), draw(layouts), leeway(pieces))


# ---------------------------------------------------------------- damage

#: Damage a scraper does to text, each undone by a documented repair.
DAMAGE: dict[str, Callable[[str], str]] = {
    "entities": lambda t: html.escape(t, quote=True),
    "double entities": lambda t: html.escape(html.escape(t, quote=True), quote=True),
    "zero-width": lambda t: t.replace(" ", " \u200b", 2),
    "space runs": lambda t: t.replace(" ", "  ", 3).replace(", ", ",\u00a0 "),
    "escaped quotes": lambda t: t.replace('"', '\\"'),
    "mojibake": lambda t: t.encode("utf-8").decode("cp1252", errors="strict"),
}


def _damageable(kind: str, text: str) -> bool:
    if kind != "mojibake":
        return True
    try:
        DAMAGE[kind](text)
    except UnicodeDecodeError:
        return False
    return not text.isascii()


@st.composite
def damaged_drafts(draw: st.DrawFn) -> tuple[Draft, Draft]:
    """A clean story and the same story with some lines damaged in ways the
    repairs undo."""
    clean = draw(clean_drafts())
    pieces = []
    for piece in clean.pieces:
        kind = draw(st.sampled_from(("none", *DAMAGE)))
        text = piece.text
        if kind != "none" and _damageable(kind, text):
            text = DAMAGE[kind](text)
        pieces.append(Piece((text,), piece.kind, piece.reason))
    return clean, Draft(tuple(pieces), clean.layout)


# ---------------------------------------------------------------- any text

#: Characters that stress the reader and the repairs: escapes, entities,
#: line breaks of every kind, controls, invisible characters, mojibake,
#: Markdown marks, decoration.
NASTY = (
    "\\",
    "n",
    "r",
    "t",
    "&",
    "#",
    ";",
    "amp",
    "quot",
    "\n",
    "\r",
    "\r\n",
    "\x0b",
    "\x0c",
    "\x1c",
    "\x85",
    "\u2028",
    "\u2029",
    "\x00",
    "\x1b",
    "\u200b",
    "\ufeff",
    "\u00ad",
    "\u00a0",
    "Ã",
    "â€",
    "œ",
    "\x9d",
    " ",
    "-",
    ">",
    "*",
    "#",
    ":",
    ".",
    "Iklan",
    "Baca juga",
    "Komentar",
    "Advertisement",
    "A",
    "\ud800",
)
nasty_text = st.lists(st.sampled_from(NASTY), max_size=40).map("".join)
any_text = st.one_of(
    st.text(st.characters(codec=None, exclude_categories=())),
    st.text(),
    nasty_text,
    st.lists(st.one_of(nasty_text, st.text(max_size=8)), max_size=12).map("\n".join),
)
