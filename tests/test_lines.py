"""Line rules: markers, related links, promos and the other one-line residue."""

from __future__ import annotations

import pytest

from tests.helpers import REPORT_1, REPORT_2, between, kept, removed

RESIDUE = {
    "marker": [
        "SCROLL TO CONTINUE WITH CONTENT",
        "Scroll to continue with content",
        "ADVERTISEMENT SCROLL TO CONTINUE WITH CONTENT",
        "Story continues below",
        "Story continues below advertisement",
        "Article continues below",
        "Continue reading the main story",
        "Halaman Selanjutnya",
    ],
    "related": [
        "Baca juga: Harga Beras Naik Lagi di Pasar Induk",
        "Baca Juga: Harga Beras Naik Lagi",
        "BACA JUGA : Harga Beras Naik Lagi",
        "Baca juga",
        "Berita Terkait",
        "Berita Lainnya",
        "Jangan Lewatkan",
        "Lihat juga: Banjir Rendam Jakarta Utara",
        "Read more: Floods hit northern Jakarta",
        "Read more",
        "Related:",
        "Related Stories",
        "More from Reuters",
        "You may also like",
        "Artikel berkaitan",
    ],
    "promo": [
        "Simak juga Video Trump Sebut Pasukan Stabilitas Internasional untuk Gaza Segera Tiba",
        "[Gambas:Video 20detik]",
        "[Gambas:Video CNN]",
        "Tonton juga video berikut",
        "Watch: Floods hit northern Jakarta",
        "VIDEO: Floods hit northern Jakarta",
    ],
    "share": ["Share on Facebook", "Bagikan", "Copy link", "13 Shares", "Follow us on Twitter"],
    "newsletter": [
        "Sign up for our morning briefing",
        "Artikel ini telah tayang di Kompas.com dengan judul Harga Beras Naik",
        "Ayo berlangganan gratis newsletter mingguan kami",
    ],
    "caption": [
        "Foto: Dok. Humas Polri",
        "(Image credit: Getty Images)",
        "Getty Images",
        "Yenny Mustika Sari/detikcom",
    ],
    "byline": ["(fyk/ash)", "(Cas/Isk)", "Penulis: Andi Saputra", "Editor: Rina Wati", "By Jane Doe"],
    "navigation": ["Tags: ekonomi, beras, harga", "Home"],
    "boilerplate": [
        "Copyright 2025 Kompas Cyber Media. All rights reserved.",
        "Loading...",
        "© 2025 Detikcom",
    ],
}
CASES = [(reason, line) for reason, lines in RESIDUE.items() for line in lines]


@pytest.mark.parametrize(("reason", "line"), CASES, ids=[f"{r}:{line[:30]}" for r, line in CASES])
def test_residue_line_is_removed_with_its_reason(reason: str, line: str) -> None:
    assert removed(between(line)) == [(line, reason)]
    assert kept(between(line)) == [REPORT_1, REPORT_2]


LOOK_ALIKES = [
    "Baca jugalah buku itu sebelum ujian nasional dimulai pekan depan, kata guru tersebut.",
    "Related to this, the minister said prices would fall again before the end of the year.",
    "Video itu menunjukkan banjir merendam ratusan rumah warga di Jakarta Utara pada Senin.",
    "Warga berbagi foto banjir di media sosial sejak pagi, kata petugas setempat kepada wartawan.",
    "By the end of the year, the ministry expects rice prices to fall across all provinces.",
    "Foto itu diambil pada Senin pagi ketika air mulai naik di kawasan tersebut.",
    "Share prices fell sharply on Monday after the central bank raised interest rates.",
    "Home prices in Jakarta rose for the third straight quarter, the survey showed.",
    "Loading of the ship began on Tuesday, the port authority said in a statement.",
    "Editor senior harian itu mengatakan keputusan tersebut diambil setelah rapat panjang.",
]


@pytest.mark.parametrize("line", LOOK_ALIKES, ids=[line[:30] for line in LOOK_ALIKES])
def test_reporting_that_looks_like_residue_is_kept(line: str) -> None:
    assert kept(between(line)) == [REPORT_1, line, REPORT_2]
