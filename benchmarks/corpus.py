"""A deterministic corpus of article-like texts for the speed benchmarks.

Real articles (the repository's fixtures, plus the Indonesian dev set when
the shared benchmark data is beside the repository) and synthetic ones made
with a seeded random generator from the word lists and residue lines below,
all written for this file. A share of the synthetic articles carry mojibake:
a paragraph with curly quotes, dashes and accents encoded as UTF-8 and
decoded as Windows-1252, as a mis-configured scraper does. Each such article
records the paragraph as it was before the damage, so a benchmark can count
the articles whose damage was repaired.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from pathlib import Path

import ftfy.bad_codecs  # noqa: F401 - registers the "sloppy-windows-1252" codec

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "benchmarks"

ID_WORDS = (  # noqa: SIM905 - a word list reads best as prose
    "pemerintah kota warga jalan harga pasar kebijakan menteri presiden daerah rapat anggaran "
    "sekolah siswa guru rumah sakit pasien dokter banjir hujan musim petani beras ekspor impor "
    "bank rupiah dolar investasi perusahaan karyawan gaji pajak polisi kasus sidang hakim saksi "
    "partai pemilu suara calon kampanye desa kecamatan provinsi bupati gubernur proyek jembatan "
    "bandara kereta kapal pelabuhan listrik air bersih sampah lingkungan hutan tambang minyak "
    "dan yang di ke dari untuk dengan pada oleh dalam akan telah sudah masih belum juga tidak "
    "mengatakan menyebutkan menjelaskan menegaskan meminta berharap menilai mengungkapkan"
).split()
EN_WORDS = (  # noqa: SIM905
    "government city residents street prices market policy minister president region meeting "
    "budget school students teachers hospital patients doctors flood rain season farmers rice "
    "exports imports bank currency investment company workers wages tax police case trial judge "
    "witness party election votes candidate campaign village province governor project bridge "
    "airport train ship port power water waste forest mining oil the a of to in for on with by "
    "and that from at said told explained stressed asked expected added according officials"
).split()
NAMES = ("Andi", "Budi", "Sari", "Dewi", "Rahmat", "Putri", "Maria", "John", "Sarah", "David", "Ahmad")
RESIDUE = (
    "Baca juga: {headline}",
    "ADVERTISEMENT",
    "Advertisement",
    "SCROLL TO CONTINUE WITH CONTENT",
    "\\n",
    "Komentar",
    "Kirim Komentar",
    "Foto: {headline}",
    "({code}/{code})",
    "Share on Facebook",
    "Simak juga Video {headline}",
    "Read more: {headline}",
    "Leave a Reply",
    "Editor: {name}",
    "Copyright 2025 {name}. All rights reserved.",
    "Sign up for our newsletter",
    "Tags: {word}, {word}, {word}",
    "Berita Terkait",
    "[Gambas:Video 20detik]",
)
#: Characters that turn into mojibake when UTF-8 is read as Windows-1252.
DAMAGEABLE = ("“{w}”", "{w}’s", "café", "naïve", "{w} – {w}", "Málaga", "São Paulo")


@dataclass(frozen=True)
class Doc:
    """One article of the corpus; ``repaired`` is the damaged paragraph as
    it read before the damage (``None`` when the article has none)."""

    text: str
    repaired: str | None = None


def sentence(rng: random.Random, vocabulary: list[str], low: int = 8, high: int = 25) -> str:
    words = rng.choices(vocabulary, k=rng.randint(low, high))
    return " ".join(words).capitalize() + "."


def paragraph(rng: random.Random, vocabulary: list[str], *, typographic: float = 0.0) -> str:
    """Two to five sentences; with probability ``typographic`` the paragraph
    quotes someone in curly quotes, with an apostrophe and a dash, as edited
    news copy does (correct Unicode, not damage)."""
    text = " ".join(sentence(rng, vocabulary) for _ in range(rng.randint(2, 5)))
    if rng.random() < typographic:
        words = text.split(" ")
        at = rng.randrange(len(words))
        words[at] = f"“{words[at]}”"
        words.insert(rng.randrange(len(words)), "–")
        words[rng.randrange(len(words))] += "’s"
        text = " ".join(words)
    return text


def headline(rng: random.Random, vocabulary: list[str]) -> str:
    return " ".join(w.capitalize() for w in rng.choices(vocabulary, k=rng.randint(5, 11)))


def residue(rng: random.Random, vocabulary: list[str]) -> str:
    return rng.choice(RESIDUE).format(
        headline=headline(rng, vocabulary),
        code="".join(rng.choices("abcdefghijklmnopqrstuvwxyz", k=3)),
        name=rng.choice(NAMES),
        word=rng.choice(vocabulary),
    )


def damaged_paragraph(rng: random.Random, vocabulary: list[str]) -> tuple[str, str]:
    """A paragraph with typographic characters, and its mojibake."""
    words = rng.choices(vocabulary, k=rng.randint(20, 50))
    for _ in range(3):
        at = rng.randrange(len(words))
        words[at] = rng.choice(DAMAGEABLE).format(w=words[at])
    clean = " ".join(words).capitalize() + "."
    return clean, clean.encode("utf-8").decode("sloppy-windows-1252")


def synthetic(rng: random.Random, *, mojibake: bool, typographic: float = 0.0) -> Doc:
    vocabulary = ID_WORDS if rng.random() < 0.6 else EN_WORDS
    lines = [headline(rng, vocabulary), ""]
    repaired = None
    for _ in range(rng.randint(6, 16)):
        if rng.random() < 0.3:
            lines.append(residue(rng, vocabulary))
        lines.append(paragraph(rng, vocabulary, typographic=typographic))
        lines.append("" if rng.random() < 0.5 else "\\n")
    if mojibake:
        repaired, damaged = damaged_paragraph(rng, vocabulary)
        lines.insert(rng.randrange(2, len(lines)), damaged)
    return Doc("\n".join(lines), repaired)


def real_articles(data: Path) -> list[Doc]:
    """The fixtures, and the Indonesian dev set's raw texts when present."""
    docs = [Doc(p.read_text("utf-8")) for p in sorted((REPO / "fixtures").glob("*.txt"))]
    dev = data / "indonesian-dev" / "articles.jsonl"
    if dev.exists():
        with dev.open(encoding="utf-8") as lines:
            docs += [Doc(json.loads(line)["raw"]) for line in lines if line.strip()]
    return docs


def build(
    data: Path = DEFAULT_DATA,
    *,
    megabytes: float = 20,
    seed: int = 6,
    mojibake_share: float = 0.1,
    typographic: float = 0.0,
) -> list[Doc]:
    """Real articles, then synthetic ones until ``megabytes`` of UTF-8:
    ``mojibake_share`` of them with a damaged paragraph, and each paragraph
    typographic (curly quotes, dash, apostrophe) with probability ``typographic``."""
    rng = random.Random(seed)
    docs = real_articles(data)
    size = sum(len(d.text.encode("utf-8")) for d in docs)
    while size < megabytes * 1e6:
        doc = synthetic(rng, mojibake=rng.random() < mojibake_share, typographic=typographic)
        docs.append(doc)
        size += len(doc.text.encode("utf-8"))
    return docs


def size_mb(texts: list[str]) -> float:
    return sum(len(t.encode("utf-8")) for t in texts) / 1e6
