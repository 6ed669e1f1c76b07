"""Every output piece of a text input maps back to the input: blocks and
removals carry ``line``, ``start`` and ``end``, and ``raw[start:end]`` is
their text unless a recorded repair or a cut from the middle explains the
difference. The oracle reads the raw text with ``str`` methods only."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable

from hypothesis import example, given

import cleannews
from cleannews import Article, Block, Removed
from tests.helpers import REPORT_1, REPORT_2
from tests.strategies import any_text, damaged_drafts, dirty_drafts

#: Repairs that only delete characters or turn white space into one space.
DELETING = frozenset({"whitespace", "invisible"})


def pieces(article: Article) -> Iterable[Block | Removed]:
    yield from article.blocks
    yield from article.removed


def is_subsequence(short: str, long: str) -> bool:
    rest = iter(long)
    return all(ch in rest for ch in short)


def without_spans(raw: str, start: int, end: int, spans: list[tuple[int, int]]) -> str:
    """``raw[start:end]`` with the ``spans`` inside it taken out, white space as one space."""
    kept, at = [], start
    for s, e in sorted(spans):
        kept.append(raw[at:s])
        at = e
    kept.append(raw[at:end])
    return " ".join(" ".join(kept).split())


def check_offsets(raw: str, article: Article) -> None:
    """The offsets law, stated on ``raw`` and the article alone."""
    cuts = [(r.start, r.end) for r in article.removed if r.start is not None and r.end is not None]
    for piece in pieces(article):
        if piece.start is None or piece.end is None:
            continue
        assert 0 <= piece.start <= piece.end <= len(raw), piece
        span = raw[piece.start : piece.end]
        if span == piece.text:
            continue
        inside = [(s, e) for s, e in cuts if piece.start <= s and e <= piece.end]
        inside = [span for span in inside if span != (piece.start, piece.end)]
        if not piece.repairs:
            # Not repaired: the difference is a span cut from the middle, nothing else.
            assert inside and without_spans(raw, piece.start, piece.end, inside) == piece.text, (span, piece)
        elif set(piece.repairs) == {"whitespace"} and not inside:
            assert " ".join(span.split()) == piece.text, (span, piece)
        elif set(piece.repairs) <= DELETING and not inside:
            assert is_subsequence(piece.text.replace(" ", ""), span), (span, piece)


@given(dirty_drafts())
def test_every_piece_of_a_dirty_article_maps_back_to_the_input(draft) -> None:
    check_offsets(draft.raw, cleannews.clean_text(draft.raw))


@given(damaged_drafts())
def test_every_piece_of_a_damaged_article_maps_back_to_the_input(drafts) -> None:
    _, damaged = drafts
    check_offsets(damaged.raw, cleannews.clean_text(damaged.raw))


@given(any_text)
@example("# Judul\r\n\r\n\u200bIsi  berita\\nBaca juga: X\x0cLagi")
@example("##\xa0:")  # deep profile: a mark before a repaired space was counted into the removal's span
def test_every_piece_of_any_text_maps_back_to_the_input(raw: str) -> None:
    check_offsets(raw, cleannews.clean_text(raw))


def test_a_kept_block_and_a_removal_have_their_offsets() -> None:
    raw = f"Judul Berita Hari Ini\n\n{REPORT_1}\r\n\r\nIklan\n{REPORT_2}"
    art = cleannews.clean_text(raw)
    first = art.blocks[0]
    assert (first.line, raw[first.start : first.end]) == (3, REPORT_1)
    ad = art.removed[0]
    assert (ad.reason, ad.line, ad.start, ad.end) == ("ad", 5, raw.index("Iklan"), raw.index("Iklan") + 5)


def test_the_site_name_cut_from_the_title_has_its_offsets() -> None:
    raw = f"Harga Beras Turun - Kompas\n\n{REPORT_1}"
    cut = cleannews.clean_text(raw).removed[0]
    assert (cut.reason, raw[cut.start : cut.end], cut.line) == ("site-name", "Kompas", 1)


def test_an_inline_link_cut_from_a_paragraph_has_its_offsets() -> None:
    link = "Baca juga: Lima Cara Menjaga Kebersihan Kampung"
    raw = f"{REPORT_1}\n\n{link} {REPORT_2}"
    art = cleannews.clean_text(raw)
    cut = next(r for r in art.removed if r.reason == "related")
    assert raw[cut.start : cut.end] == cut.text and cut.text.startswith(link)
    kept = art.blocks[-1]
    assert raw[kept.start : kept.end] == kept.text and REPORT_2.endswith(kept.text)


def test_a_link_cut_from_the_middle_leaves_the_block_spanning_both_sides() -> None:
    block = Block(f"Satu dua. Baca juga: X. {REPORT_2}", start=4, end=4 + 24 + len(REPORT_2))
    trimmed = block.trim(f"Satu dua. {REPORT_2}", "Baca juga: X.", "related")
    assert (trimmed.start, trimmed.end) == (block.start, block.end)
    assert (trimmed.cuts[0].start, trimmed.cuts[0].end) == (14, 27)


def test_a_repaired_block_keeps_the_span_it_was_repaired_from() -> None:
    raw = f"{REPORT_1}\n\nHarga naik &amp; turun  lagi di {REPORT_2}"
    block = cleannews.clean_text(raw).blocks[-1]
    assert block.repairs == ("whitespace", "entity")  # the reader's repair, then the repair step's
    assert raw[block.start : block.end] == raw.splitlines()[-1]


def test_a_title_argument_and_html_blocks_have_no_offsets() -> None:
    art = cleannews.clean_text(REPORT_1, title="Judul Berita")
    assert art.title == "Judul Berita" and art.blocks[0].start == 0
    html = f"<html><body><article><h1>Judul</h1><p>{REPORT_1}</p></article></body></html>"
    assert all(b.start is None and b.end is None for b in cleannews.clean_html(html).blocks)


def test_offsets_lines_and_repairs_survive_the_dict_round_trip() -> None:
    raw = f"Judul Berita\n\n{REPORT_1}\n\nIklan\n\nHarga &amp; kualitas {REPORT_2}"
    art = cleannews.clean_text(raw)
    again = Article.from_dict(json.loads(json.dumps(art.to_dict())))
    assert again.to_dict() == art.to_dict()
    assert [(b.line, b.start, b.end, b.repairs) for b in again.blocks] == [
        (b.line, b.start, b.end, b.repairs) for b in art.blocks
    ]
    spans = [(r.line, r.start, r.end) for r in art.removed]
    assert [(r.line, r.start, r.end) for r in again.removed] == spans


def test_new_fields_survive_replace_and_with_text() -> None:
    block = Block("Isi berita.", line=2, start=10, end=21, repairs=("whitespace",))
    assert dataclasses.replace(block, kind="heading").start == 10
    assert block.drop("ad").repairs == ("whitespace",)
    repaired = block.with_text("Isi berita!", ["entity"])
    assert (repaired.start, repaired.end, repaired.repairs) == (10, 21, ("whitespace", "entity"))
    exact = Block("Isi berita.", start=10, end=21)
    assert (exact.with_text("berita.").start, exact.with_text("berita.").end) == (14, 21)
    assert exact.with_text("Lain.").start is None  # a text a step wrote has no place in the input
