"""A rules file of the user's reaches every key of the shipped format: the
keys one step reads (byline parsers, inline cuts, site names, comment
questions, a language's stopwords), not only the phrases of the evidence
pass; and only the cleaning it was given to."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import cleannews
from cleannews.rules import active_rules, default_rules, load_rules, using_rules

LEAD = "Harga beras di pasar induk turun dua hari berturut-turut, kata pedagang kepada wartawan."
LAST = "Pemerintah daerah berjanji menambah pasokan agar harga tetap stabil sampai akhir bulan."
DUTCH_WORDS = "de het een en van in op dat die is niet met voor zijn aan ook er maar om als bij nog wel naar"

# (rules file, raw text, what the file makes go, its reason): without the
# file the line is kept, with it the step that reads the key removes it.
CASES = {
    "byline credits": (
        "[byline]\ncredits = [{ pattern = 'naskah ?: ?(?P<authors>.{2,80})', seen = \"our feed\" }]\n",
        f"Harga Beras Turun\n{LEAD}\nNaskah: Budi Santoso\n{LAST}",
        "Naskah: Budi Santoso",
        "byline",
    ),
    "byline codes": (
        "[byline]\ncodes = [{ pattern = '(?P<byline_codes>[a-z]{2,4}-[a-z]{2,4})', seen = \"our feed\" }]\n",
        f"Harga Beras Turun\n{LEAD}\n{LAST} (ab-cd)",
        "(ab-cd)",
        "byline",
    ),
    "related.inline labels": (
        "[related.inline]\nlabels = [{ pattern = 'tautan pilihan ?:', seen = \"our feed\" }]\n",
        f"Harga Beras Turun\n{LEAD} Tautan pilihan: Harga Cabai Naik Lagi Jelang Lebaran"
        f" Pedagang mengeluh sepi pembeli sejak pekan lalu.\n{LAST}",
        "Tautan pilihan: Harga Cabai Naik Lagi Jelang Lebaran",
        "related",
    ),
    "newsletter.inline tails": (
        "[newsletter.inline]\ntails = [{ pattern = 'gabung kanal kami .{0,200}', seen = \"our feed\" }]\n",
        f"Harga Beras Turun\n{LEAD}\n{LAST} Gabung kanal kami di aplikasi pesan untuk berita terbaru.",
        "Gabung kanal kami di aplikasi pesan untuk berita terbaru.",
        "newsletter",
    ),
    "site-name sites": (
        "[site-name]\nsites = [{ pattern = 'warta desa(?: online)?', seen = \"our feed\" }]\n",
        f"Warta Desa Online - Harga Beras Turun Lagi di Pasar Induk\n{LEAD}\n{LAST}",
        "Warta Desa Online",
        "site-name",
    ),
    "comments questions": (
        "[comments]\nquestions = [{ pattern = 'gimana (?:nih|dong)[^.!?]{0,60}', seen = \"our feed\" }]\n",
        f"Harga Beras Turun\n{LEAD}\n{LAST}\nGimana nih pendapat warga?\nTulis di kolom komentar.",
        "Gimana nih pendapat warga?",
        "comments",
    ),
}


def removed(article: cleannews.Article) -> list[tuple[str, str]]:
    return [(r.text, r.reason) for r in article.removed]


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_a_key_one_step_reads_works_from_a_file_of_the_user(tmp_path: Path, case: str) -> None:
    """A new user's report: a credit pattern added under ``[byline]
    credits`` (or an inline label, a site name...) passed the format check
    and changed nothing, as those steps read the shipped files only."""
    toml, raw, line, reason = CASES[case]
    mine = tmp_path / "mine.toml"
    mine.write_text(toml, encoding="utf-8")
    assert (line, reason) not in removed(cleannews.clean_text(raw))
    assert (line, reason) in removed(cleannews.clean_text(raw, rules=mine))
    assert (line, reason) in removed(cleannews.clean_text(raw, rules=load_rules(mine)))


def test_a_language_file_of_the_user_names_the_article_language(tmp_path: Path) -> None:
    mine = tmp_path / "nl.toml"
    mine.write_text(f"[language]\nstopwords = {DUTCH_WORDS.split()!r}\n".replace("'", '"'), encoding="utf-8")
    raw = (
        "Rijst wordt duurder\nDe prijs van rijst is in de afgelopen week weer gestegen, zeggen de handelaren"
        " op de markt. Het is niet de eerste keer dat de prijs stijgt en ook de regering maakt zich zorgen."
    )
    assert cleannews.clean_text(raw).metadata.get("language") != "nl"
    assert cleannews.clean_text(raw, rules=mine).metadata["language"] == "nl"


def test_rules_are_active_only_inside_the_cleaning_they_were_given_to(tmp_path: Path) -> None:
    toml, raw, *_ = CASES["byline credits"]
    mine = tmp_path / "mine.toml"
    mine.write_text(toml, encoding="utf-8")
    before = cleannews.clean_text(raw)
    cleannews.clean_text(raw, rules=mine)
    assert active_rules() is default_rules()
    assert cleannews.clean_text(raw) == before
    with using_rules(load_rules(mine)) as chosen:
        assert active_rules() is chosen
        # The rules given to a call win over those active around it.
        assert cleannews.clean_text(raw, rules=default_rules()) == before
        assert active_rules() is chosen
    assert active_rules() is default_rules()


def test_threads_cleaning_with_different_rules_each_see_their_own(tmp_path: Path) -> None:
    files = {}
    for case, (toml, *_) in CASES.items():
        files[case] = tmp_path / f"{case.replace(' ', '_')}.toml"
        files[case].write_text(toml, encoding="utf-8")
    jobs = [(CASES[case][1], path) for case, path in files.items()] * 4
    jobs += [(raw, None) for raw, _ in jobs]
    alone = [cleannews.clean_text(raw, rules=path) for raw, path in jobs]
    with ThreadPoolExecutor(max_workers=4) as pool:
        together = list(pool.map(lambda job: cleannews.clean_text(job[0], rules=job[1]), jobs))
    assert together == alone


def test_a_block_measured_on_its_own_is_measured_with_the_active_rules(tmp_path: Path) -> None:
    """The evidence of a block that has none (a reader's dropped line, a
    text a step rewrote) was remembered by its text alone: asked once under
    the shipped rules, it stayed theirs under a user's file."""
    from cleannews.model import Block
    from cleannews.steps.base import measure_block

    mine = tmp_path / "mine.toml"
    mine.write_text(
        '[boilerplate]\nlabels = [{ phrases = ["kabar desa kami"], seen = "our feed" }]\n', "utf-8"
    )
    block = Block("Kabar Desa Kami")
    assert measure_block(block).certain is None
    with using_rules(load_rules(mine)):
        assert measure_block(block).certain == ("boilerplate", "labels")
    assert measure_block(block).certain is None
