"""The `ad` step: ad labels and the ad copy after them; reporting is kept."""

from __future__ import annotations

import pytest

import cleannews
from tests.helpers import REPORT_1, REPORT_2, between, kept, removed


@pytest.mark.parametrize(
    "label",
    [
        "Advertisement",
        "ADVERTISEMENT",
        "Iklan",
        "IKLAN",
        "Sponsored",
        "Disponsori",
        "PROMOTED CONTENT",
        "Advertisement:",
        "- Advertisement -",
        "Sponsored Content",
        "Konten Bersponsor",
    ],
)
def test_an_ad_label_is_removed(label: str) -> None:
    assert removed(between(label)) == [(label, "ad")]
    assert kept(between(label)) == [REPORT_1, REPORT_2]


def test_the_whole_aiotrade_ad_goes() -> None:
    copy = [
        "AIOTrade App AIOTrade App",
        "AIOTRADE",
        "TRADING OTOMATIS 24 JAM NONSTOP yang MEMBELI OTOMATIS saat harga turun dan MENJUAL OTOMATIS "
        "saat harga naik, tersedia sekarang di Binance.",
    ]
    raw = "\n\n".join([REPORT_1, "Advertisement", *copy, "\\n", REPORT_2])
    assert removed(raw) == [("Advertisement", "ad"), *[(c, "ad") for c in copy], ("\\n", "escape-artifact")]
    assert kept(raw) == [REPORT_1, REPORT_2]


def test_reporting_right_after_a_label_is_kept() -> None:
    acronyms = "Ketua KPK dan DPR RI bertemu di Gedung DPR untuk membahas anggaran tahun depan."
    assert kept(between("Iklan", acronyms)) == [REPORT_1, acronyms, REPORT_2]


def test_a_heading_right_after_a_label_is_kept() -> None:
    raw = "\n\n".join([REPORT_1, "Advertisement", "Latar Belakang Perjanjian", REPORT_2])
    assert [(b.kind, b.text) for b in cleannews.clean_text(raw).blocks] == [
        ("paragraph", REPORT_1),
        ("heading", "Latar Belakang Perjanjian"),
        ("paragraph", REPORT_2),
    ]


@pytest.mark.parametrize("heading", ["Respons PT KAI", "Langkah OJK dan BI", "Reaksi Investor Asing"])
@pytest.mark.parametrize(
    "copy", [("AIOTRADE",), ("AIOTrade App AIOTrade App", "TRADING OTOMATIS 24 JAM NONSTOP")]
)
def test_a_subheading_right_after_an_ad_block_is_kept(copy: tuple[str, ...], heading: str) -> None:
    """Issue 15: a heading naming bodies by their acronyms was taken for shouted copy."""
    article = cleannews.clean_text(
        "\n\n".join(["Harga Beras Turun", REPORT_1, "Iklan", *copy, heading, REPORT_2])
    )
    assert [(b.kind, b.text) for b in article.blocks] == [
        ("paragraph", REPORT_1),
        ("heading", heading),
        ("paragraph", REPORT_2),
    ]
    assert [(r.text, r.reason) for r in article.removed] == [("Iklan", "ad"), *((c, "ad") for c in copy)]


def test_ad_copy_stops_after_four_blocks() -> None:
    copy = ["PROMO BESAR", "DISKON 50%", "BELI SEKARANG", "GRATIS ONGKIR", "HARI INI SAJA"]
    assert [r for r, _ in removed(between("Iklan", *copy))] == ["Iklan", *copy[:4]]


@pytest.mark.parametrize(
    "look_alike",
    [
        "Iklan rokok dilarang tayang pada jam tayang utama televisi nasional.",
        "Advertisement spending rose by ten percent in the third quarter, the report said.",
        "Sponsored by the city, the festival drew thousands of visitors on Sunday.",
    ],
)
def test_sentences_that_start_with_an_ad_word_are_kept(look_alike: str) -> None:
    assert kept(between(look_alike)) == [REPORT_1, look_alike, REPORT_2]
