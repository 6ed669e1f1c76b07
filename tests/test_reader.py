"""The text reader: layouts, escape artifacts, line breaks and invisible characters."""

from __future__ import annotations

import cleannews
from cleannews.readers.text import read_text


def kept_texts(raw: str) -> list[str]:
    return [b.text for b in read_text(raw) if b.kept]


def test_blank_line_and_single_newline_layouts_give_the_same_blocks() -> None:
    lines = ["Satu paragraf.", "Dua paragraf.", "Tiga paragraf."]
    assert kept_texts("\n\n".join(lines)) == kept_texts("\n".join(lines)) == lines


def test_literal_backslash_n_lines_are_escape_artifacts() -> None:
    raw = "Satu.\n\n\\n\n\nDua.\n \\r\\n \n\\\\n\n\\t\n\\n\\n"
    blocks = read_text(raw)
    assert [b.text for b in blocks if b.kept] == ["Satu.", "Dua."]
    assert [b.reason for b in blocks if not b.kept] == ["escape-artifact"] * 5


def test_escaped_newlines_inside_a_line_split_it_into_blocks() -> None:
    assert kept_texts("Kalimat satu.\\nKalimat dua.\\r\\nKalimat tiga.") == [
        "Kalimat satu.",
        "Kalimat dua.",
        "Kalimat tiga.",
    ]


def test_an_escaped_break_after_several_escaped_returns_leaves_no_backslash() -> None:
    # Found by benchmarks/fuzz.py --seed 32: "\\r\\r\\n" left a literal "\\r" at the end of the first block.
    raw = "Harga beras turun pekan ini.\\r\\r\\nPresiden meninjau pasar di Jakarta."
    texts = [b.text for b in read_text(raw)]
    assert texts == ["Harga beras turun pekan ini.", "Presiden meninjau pasar di Jakarta."]


def test_an_escaped_return_alone_is_a_break_and_leaves_no_backslash() -> None:
    # Found by benchmarks/fuzz.py --seed 41: "\\r" before an escaped tab stayed in the text as "\\r".
    raw = "Harga beras turun pekan ini.\\r\\\\tPresiden meninjau pasar di Jakarta.\\rWarga"
    texts = [b.text for b in cleannews.clean_text(raw).blocks]
    assert all("\\" not in text for text in texts)
    assert texts[-2:] == ["Presiden meninjau pasar di Jakarta.", "Warga"]


def test_crlf_bom_and_trailing_blank_runs_leave_no_trace() -> None:
    raw = "\ufeffJudul Berita\r\n\r\nIsi berita ini.\r\n\r\n\r\n   \r\n\n\n"
    assert kept_texts(raw) == ["Judul Berita", "Isi berita ini."]


def test_zero_width_characters_are_removed_and_a_zero_width_line_is_recorded() -> None:
    blocks = read_text("Ja\u200bkarta hari ini.\n\u200b\u200b\nSelesai.")
    assert [b.text for b in blocks if b.kept] == ["Jakarta hari ini.", "Selesai."]
    assert [(b.text, b.reason) for b in blocks if not b.kept] == [("\u200b\u200b", "escape-artifact")]


def test_whitespace_runs_inside_a_line_become_one_space() -> None:
    assert kept_texts("  Harga\t\tnaik   lagi.  ") == ["Harga naik lagi."]


def test_blocks_remember_their_input_line() -> None:
    assert [b.line for b in read_text("a\n\nb\nc")] == [1, 3, 4]


def test_markdown_marks_are_read_as_kinds() -> None:
    blocks = read_text("# Judul\n\n## Sub Judul\n\n- butir satu\n\n> kutipan\n\n#tagar")
    assert [(b.kind, b.text) for b in blocks] == [
        ("title", "Judul"),
        ("heading", "Sub Judul"),
        ("list-item", "butir satu"),
        ("quote", "kutipan"),
        ("paragraph", "#tagar"),
    ]


def test_a_title_argument_becomes_the_first_block() -> None:
    blocks = read_text("Isi.", title="  Judul   Resmi ")
    assert (blocks[0].kind, blocks[0].text, blocks[0].line) == ("title", "Judul Resmi", 0)


def test_empty_and_whitespace_only_input_give_an_empty_article() -> None:
    for raw in ("", "   ", "\n\n\t\n"):
        article = cleannews.clean_text(raw)
        assert (article.title, article.blocks, article.removed) == (None, (), ())
