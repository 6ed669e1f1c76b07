"""Repairs: damage is repaired, everything written on purpose is kept."""

from __future__ import annotations

import pytest
from ftfy.badness import is_bad
from hypothesis import given, settings
from hypothesis import strategies as st

import cleannews
from cleannews.steps import fixes
from cleannews.steps.fixes import repair_text


@pytest.mark.parametrize(
    ("damaged", "repaired"),
    [
        ("SchÃ¶ne GrÃ¼ÃŸe aus MÃ¼nchen", "Schöne Grüße aus München"),
        ("Dia berkata â€œsiapâ€\x9d kemarin.", "Dia berkata “siap” kemarin."),
        ("Tom &amp; Jerry &quot;lucu&quot;", 'Tom & Jerry "lucu"'),
        ("Harga &amp;amp; ongkos", "Harga & ongkos"),
        ("Kata\x00kata\x07 rusak", "Katakata rusak"),
        ('Ia berkata \\"ya\\".', 'Ia berkata "ya".'),
        ("Jarak&nbsp;5&nbsp;km", "Jarak 5 km"),
    ],
)
def test_damage_is_repaired(damaged: str, repaired: str) -> None:
    assert repair_text(damaged) == repaired


@pytest.mark.parametrize(
    "written",
    [
        "Ia berkata “siap” dan ‘tentu’ kemarin.",
        "Ligatur ﬁnal tetap ditulis begitu.",
        "Ｔｏｋｙｏ full-width stays, and so does 東京.",
        "AT&T dan Q&A tetap, &copy tanpa titik koma juga.",
        "Café, naïve, Łódź, São Paulo.",
        "Straße — em dash – en dash … ellipsis",
    ],
)
def test_text_written_on_purpose_is_kept(written: str) -> None:
    assert repair_text(written) == written


def test_clean_text_does_not_call_ftfy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Text with no suspicious character costs a regex scan, not ftfy."""

    def refuse(*args: object, **kwargs: object) -> str:
        raise AssertionError("ftfy ran on clean text")

    monkeypatch.setattr(fixes.ftfy, "fix_text", refuse)
    article = cleannews.clean_text("Judul Berita\n\nIsi berita “penting” hari ini, kata Café.")
    assert article.paragraphs == ["Isi berita “penting” hari ini, kata Café."]


def test_a_block_repaired_to_nothing_is_recorded_with_its_original_text() -> None:
    article = cleannews.clean_text("Isi berita hari ini.\n&#8203;\nSelesai hari ini.")
    assert [(r.text, r.reason) for r in article.removed] == [("&#8203;", "escape-artifact")]
    assert article.paragraphs == ["Isi berita hari ini.", "Selesai hari ini."]


@settings(max_examples=500, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from([chr(n) for n in range(0x20, 0x7F)] + list(fixes.TYPOGRAPHIC)), max_size=60
    )
)
def test_ftfy_finds_no_badness_in_typographic_text(text: str) -> None:
    """The shortcut of `has_mojibake` agrees with ftfy on text whose only
    non-ASCII characters are quotes, dashes and the like."""
    assert not is_bad(text)
    assert not fixes.has_mojibake(text)


def test_mojibake_next_to_typographic_quotes_is_still_found() -> None:
    assert fixes.has_mojibake("Kata “baik” dan â€œburukâ€\x9d – kata dia.")
