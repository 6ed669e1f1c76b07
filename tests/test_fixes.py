"""Repairs: damage is repaired, everything written on purpose is kept."""

from __future__ import annotations

import pytest
from ftfy.badness import is_bad
from hypothesis import given, settings
from hypothesis import strategies as st

import cleannews
from cleannews import repairs
from cleannews.steps import fixes
from cleannews.steps.fixes import repair_text
from tests.strategies import DAMAGE, damaged_drafts


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


# ---------------------------------------------------------------- the record of repairs


@pytest.mark.parametrize(
    ("damaged", "codes"),
    [
        ("SchÃ¶ne GrÃ¼ÃŸe aus MÃ¼nchen", ("mojibake",)),
        ("Tom &amp; Jerry &quot;lucu&quot;", ("entity",)),
        ("Kata\x00kata\x07 rusak", ("invisible",)),
        ('Ia berkata \\"ya\\".', ("escape",)),
        ("Harga  naik\tlagi", ("whitespace",)),
        ("Jarak&nbsp;5&nbsp;km", ("entity", "whitespace")),
        ("Dia berkata â€œsiapâ€\x9d\x07 kemarin.", ("mojibake", "invisible")),
        ("Ia berkata “siap” kemarin.", ()),
    ],
)
def test_each_repair_is_recorded_by_its_code(damaged: str, codes: tuple[str, ...]) -> None:
    assert fixes.repaired_text(damaged) == (repair_text(damaged), codes)


#: The repair code that undoes each damage of tests/strategies.py.
UNDONE_BY = {
    "entities": "entity",
    "double entities": "entity",
    "zero-width": "invisible",
    "space runs": "whitespace",
    "escaped quotes": "escape",
    "mojibake": "mojibake",
}


def test_every_damage_has_a_repair_code() -> None:
    assert set(UNDONE_BY) == set(DAMAGE) and set(UNDONE_BY.values()) <= set(repairs.ALL)


@pytest.mark.parametrize("kind", sorted(UNDONE_BY))
def test_a_damaged_line_carries_the_code_of_its_repair(kind: str) -> None:
    line = 'Menteri berkata "harga beras di pasar, kata dia, akan turun" pekan depan di Jakarta.'
    damaged = DAMAGE[kind](line.replace("Jakarta", "Bogor — Jawa Barat"))
    art = cleannews.clean_text(f"Judul Berita Hari Ini\n\n{damaged}")
    assert UNDONE_BY[kind] in art.blocks[0].repairs
    assert art.metadata["repairs"][UNDONE_BY[kind]] == 1


def test_clean_text_has_no_repairs_in_its_metadata() -> None:
    art = cleannews.clean_text("Judul Berita Hari Ini\n\nHarga beras turun di pasar tradisional pekan ini.")
    assert "repairs" not in art.metadata and all(not b.repairs for b in art.blocks)


def test_the_repairs_summary_counts_the_blocks_each_repair_changed() -> None:
    raw = "Judul  Berita Hari Ini\n\nTom &amp; Jerry lucu sekali.\n\nHarga &amp; ongkos  naik lagi."
    art = cleannews.clean_text(raw)
    assert art.metadata["repairs"] == {"whitespace": 2, "entity": 2}


@given(damaged_drafts())
def test_a_line_is_changed_only_where_a_repair_is_recorded(drafts) -> None:
    """Law 2's record: a kept block whose text is not its input's was repaired, or a span cut from it."""
    _, damaged = drafts
    raw = damaged.raw
    art = cleannews.clean_text(raw)
    cut = {r.line for r in art.removed}
    for block in art.blocks:
        if block.start is not None and raw[block.start : block.end] != block.text and block.line not in cut:
            assert block.repairs, block
