"""The article's language (`guess_language`): short articles get theirs,
lists of names or numbers get none. Made-up articles only."""

from __future__ import annotations

import cleannews
from cleannews.rules import default_rules
from cleannews.steps.language import guess_language

#: About 180 words of made-up Indonesian news whose function words are under 15% of
#: its words (the article of issue 15 had 14.6%): long words, few particles.
LONG_INDONESIAN = " ".join(
    [
        "Pemerintah Kabupaten Sukamaju meresmikan jembatan gantung baru sepanjang delapan puluh meter",
        "pada Senin pagi. Jembatan tersebut menghubungkan Desa Cibening dan Desa Karangsari yang selama",
        "bertahun-tahun terpisah sungai besar. Bupati Sukamaju mengatakan bahwa pembangunan jembatan",
        "menelan anggaran daerah sekitar dua miliar rupiah. Warga menyambut peresmian dengan syukuran",
        "sederhana, menyajikan tumpeng, memainkan angklung, menampilkan tarian tradisional. Kepala Desa",
        "Cibening menjelaskan bahwa anak-anak sekolah sudah tidak perlu menyeberang menggunakan rakit",
        "bambu. Petani mengangkut hasil panen lebih cepat menuju pasar kecamatan karena jaraknya",
        "berkurang. Pedagang sayur, pengrajin anyaman, peternak kambing merasakan manfaat serupa. Dinas",
        "Pekerjaan Umum memastikan konstruksi baja memenuhi standar keselamatan nasional, termasuk",
        "pengujian beban berkala setiap enam bulan. Petugas pemeliharaan akan memeriksa kabel penahan,",
        "lantai kayu, pagar pengaman secara rutin. Anggota dewan daerah mengapresiasi ketepatan waktu",
        "penyelesaian proyek, namun cuaca ekstrem sempat menghambat pengiriman material. Pemerintah",
        "provinsi menjanjikan bantuan tambahan untuk pembangunan jalan penghubung menuju jembatan.",
        "Masyarakat berharap perbaikan infrastruktur berikutnya menyentuh saluran irigasi, puskesmas",
        "pembantu, gedung sekolah dasar yang masih rusak. Camat setempat menyampaikan terima kasih",
        "kepada seluruh pekerja, relawan, tokoh masyarakat. Peresmian ditutup dengan doa bersama,",
        "pemotongan pita, penanaman pohon beringin di ujung jembatan.",
    ]
)


def share_of_function_words(text: str) -> float:
    """The share the old rule compared with 15%, counted with `str.split` and the id list."""
    listed = default_rules().stopwords["id"]
    found = [w.strip(".,").casefold() for w in text.split()]
    return sum(w in listed for w in found) / len(found)


def test_a_long_indonesian_article_under_15_percent_function_words_is_indonesian() -> None:
    """Issue 15: a 171-word Indonesian article got no language."""
    assert 150 <= len(LONG_INDONESIAN.split()) <= 200
    assert share_of_function_words(LONG_INDONESIAN) < 0.15
    assert cleannews.clean_text(f"Jembatan Baru Diresmikan\n\n{LONG_INDONESIAN}").metadata["language"] == "id"


def test_a_short_indonesian_article_is_indonesian() -> None:
    text = "Polisi mengatakan bahwa jalan tersebut ditutup karena banjir. Warga diminta sabar."
    assert guess_language(text) == "id"


def test_a_short_english_article_is_english() -> None:
    text = "The council said that the bridge was closed after the storm, and it will open again in May."
    assert guess_language(text) == "en"


def test_a_list_of_names_or_numbers_has_no_language() -> None:
    assert guess_language("Budi Santoso, Ani Lestari, Rudi Hartono, Sinta Dewi, Jane Doe, Sam Reed") is None
    assert guess_language("12 24 36 48 2025 10.00 3,5 % 7/8 1.250.000") is None


def test_one_function_word_repeated_is_no_language() -> None:
    assert guess_language("Budi dan Ani dan Rudi dan Sinta dan Dewi dan Ari") is None


def test_shared_words_alone_do_not_tell_indonesian_from_malay() -> None:
    """ "yang", "dan", "di" are in both lists: guessing between them would be a guess."""
    assert guess_language("Harga yang naik di pasar dan di toko yang ramai di kota") is None
