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


# Residue lines seen on real pages (indonesian-dev, scrapinghub-text), each
# written anew for the test in the shape it was seen in.
SEEN_RESIDUE = {
    "ad": [
        "ADVERTISING",
        "Advert",
        "Publicidade",
        "Anzeige",
    ],
    "related": [
        "Terkait",
        "Related News",
        "More:",
        "Trending News",
        "You may also like...",
        "30 Des 2015 14:18",
        "Also on example.com Floods hit the northern coast",
        "Related: Floods hit the northern coast",
        "Leia também: Chuvas fortes atingem o Sul",
        "Lee también: Inundaciones en el norte",
        "Lire aussi : Les inondations dans le Nord",
        "Lesen Sie auch: Hochwasser im Norden",
        "Pilihan Editor: Harga Beras Naik Lagi",
    ],
    "promo": [
        "Video CNN]",
        "Instagram]",
        "Media playback is unsupported on your device",
        "Saksikan Live DetikPagi:",
    ],
    "share": [
        "13Shares",
        "0 SHARE",
        "Google+",
        "Mail",
        "Copy",
        "Sharing is caring!",
        "Like (0)",
        "Share Tweet Submit",
        "Follow RT on",
        "Get short URL",
        "Download aplikasi: https://example.id/app",
        "Follow Berita Contoh di Google News",
        "Ikuti berita terkini dari Contoh di Google News, klik di sini.",
        "Compartilhe",
        "Partager",
        "Teilen",
    ],
    "newsletter": [
        "Jangan sampai ketinggalan berita terkini, langganan newsletter kami sekarang!",
        "Subscribeexample@mail.com",
        "Email berhasil dikirim, sekarang anda sudah berlangganan",
        "Dapatkan berita up to date dengan semua berita terkini dari Contoh hanya dengan satu akun.",
        "Get the Morning Brief delivered to your inbox",
        "Newsletters",
    ],
    "caption": [
        " (Tangkapan layar Youtube Kementerian)",
        "Lihat Foto",
        "Gedung baru itu diresmikan Senin. FOTO/ Dok Humas",
        "Republika/ Budi Santoso",
        "KOMPAS.COM/ANDI Petugas memeriksa barang bukti di kantor polisi",
        "(tengah) Direktur utama perusahaan berbicara kepada wartawan di Jakarta",
        "Image copyright Getty Images",
        "Image 1 of 23",
        "Back to Gallery",
        "Photo: Jane Doe, AP",
        "A rescuer carries a child through the water in the flooded district. (AP Photo/Jane Doe, File)",
        "Lanterns over the river, installation views, photos © Example Gallery, 2018",
        "This June 3, 2017, file photo, provided by the county sheriff, shows the suspect.",
        "Jane Doe, Getty Images/Example Collection",
        "The mayor speaks at a rally in the city on Tuesday. (AP Photo/Jane Doe) less",
        "Fans cheer before the final in London. (Photo by Jane Doe/Getty Images)",
        "Saving for an early retirement takes years.Jane Doe/Getty",
    ],
    "byline": [
        "(wbs)",
        "(SIS)",
        "Rabu, 4 November 2015 | 21:04 WIB",
        "on 16 Feb 2016 at 09:10 WIB",
        "Oleh Budi Santoso",
        "Sumber: kemenag.go.id",
        "Published 11:11 PM EST Nov 19, 2019",
        "November 15, 2019",
        "Reporting by Jane Doe; Editing by John Roe",
        "jane.doe@example.com",
        "sexta-feira, 22 de outubro de 2010 às 20:13",
        "Contributing Writer",
        "Red: Budi Santoso",
        "Artikel ini pertama kali terbit dalam bahasa Jerman",
        "Posted by Jane Doe on March 3, 2019",
        "Jane Doe (jane@example.com) is the editor of Example Review and a writer based in Ohio.",
        "05/10/2018 - Publicado por: Ana Souza - Categoria: Saúde",
    ],
    "navigation": [
        "Home > Berita",
        "Bola / Liga Indonesia",
        "#jemaah haji",
        "TAG:",
        "Ikuti perkembangan berita ini dalam topik:",
        "Topics",
        "« Previous Post Next Post »",
        "Places in this Story",
    ],
    "boilerplate": [
        "Rate artikel ini",
        "loading...",
        "COPYRIGHT © ANTARA 2017",
        "Todos os direitos reservados.",
        "Tempo de leitura: 1 minuto",
        "This slideshow requires JavaScript.",
        "/",
    ],
}
SEEN_CASES = [(reason, line) for reason, lines in SEEN_RESIDUE.items() for line in lines]


@pytest.mark.parametrize(("reason", "line"), SEEN_CASES, ids=[f"{r}:{line[:30]}" for r, line in SEEN_CASES])
def test_residue_seen_on_real_pages_is_removed_with_its_reason(reason: str, line: str) -> None:
    assert [r for _, r in removed(between(line))] == [reason]
    assert kept(between(line)) == [REPORT_1, REPORT_2]


SEEN_LOOK_ALIKES = [
    "Terkait kekuatan lawan, pelatih mengaku tidak terlalu khawatir menjelang laga akhir pekan.",
    "Apa saja yang perlu disiapkan sebelum berangkat? Simak selengkapnya dalam artikel ini.",
    "Kabar itu ia sampaikan di kolom komentar unggahan tersebut pada Senin malam.",
    "video dari kelompok itu memperlihatkan para sandera yang tampak lemah di lokasi penahanan.",
    "The company declined to comment on the report when reached on Tuesday.",
    "Shares of the company fell 5% in early trading after the announcement.",
    "Following the meeting, the minister flew back to the capital on Monday evening.",
    "Por qué la inflación sigue alta en la región",
    "Von der Leyen will mehr Geld für die Verteidigung ausgeben",
    "Baca juga: Harga Beras Naik Lagi di Pasar Induk " + "warga pun mengeluhkan kenaikan harga itu " * 6,
    "____",
    "Istimewa sekali acara itu",
    "Warga mengunggah foto/video kejadian itu ke media sosial",
    "Oleh karena itu kami menolak",
    "Support groups",
    "Picture this: the city in 2050",
    "Ratings",
]


@pytest.mark.parametrize("line", SEEN_LOOK_ALIKES, ids=[line[:30] for line in SEEN_LOOK_ALIKES])
def test_reporting_seen_beside_residue_is_kept(line: str) -> None:
    assert line.strip() in kept(between(line))
