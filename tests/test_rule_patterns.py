"""Rule data: every file reads, every entry says where it was seen, phrases
are phrases, patterns compile, and a user's file joins the shipped ones."""

from __future__ import annotations

from pathlib import Path

import pytest

import cleannews
from cleannews import rules
from cleannews.lexicon import KEYS, tokens

TABLES = rules.default_rules().tables


def entries() -> list[tuple[str, str, str, dict]]:
    found = []
    for source, table in TABLES:
        for reason, value in table.items():
            if reason == "language" or not isinstance(value, dict):
                continue
            for key, listed in value.items():
                if isinstance(listed, list) and listed and isinstance(listed[0], dict):
                    found += [(Path(source).stem, reason, key, e) for e in listed]
    return found


ENTRIES = entries()


@pytest.mark.parametrize(
    ("source", "reason", "key", "entry"), ENTRIES, ids=[f"{s}.{r}.{k}" for s, r, k, _ in ENTRIES]
)
def test_every_entry_is_a_phrase_list_or_a_pattern_and_says_where_it_was_seen(
    source, reason, key, entry
) -> None:
    assert entry.get("seen", "").strip(), (source, reason, key)
    if key in KEYS:
        assert set(entry) == {"phrases", "seen"}
        assert all(isinstance(p, str) and tokens(p) for p in entry["phrases"])
    else:
        assert set(entry) == {"pattern", "seen"}


def test_every_reason_with_phrases_is_documented_in_the_reason_table() -> None:
    from cleannews import reasons

    assert set(rules.default_rules().lexicon.reasons) <= reasons.ALL


def test_each_language_file_lists_stopwords() -> None:
    assert len(rules.default_rules().stopwords) >= 8
    for code, words in rules.default_rules().stopwords.items():
        assert len(words) >= 20, code


def test_a_rules_file_of_the_user_adds_a_label(tmp_path: Path) -> None:
    extra = tmp_path / "mine.toml"
    tagline = "Kantor berita kami menyajikan kabar terbaru dari seluruh daerah setiap hari."
    extra.write_text(
        f'[boilerplate]\nlabels = [{{ phrases = ["{tagline}"], seen = "my site" }}]\n', encoding="utf-8"
    )
    raw = f"Isi berita yang panjang ada di sini, kata dia kepada wartawan.\n{tagline}\nPenutup berita ini."
    assert tagline in cleannews.clean_text(raw).paragraphs
    removed = cleannews.clean_text(raw, rules=extra).removed
    assert [(r.text, r.reason) for r in removed] == [(tagline, "boilerplate")]


def test_a_rules_file_not_in_the_format_gets_an_error_naming_it(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[related]\nlabels = [{ pattern = "baca" }]\n', encoding="utf-8")
    with pytest.raises(rules.RulesError, match=r"bad\.toml"):
        rules.load_rules(bad)
    with pytest.raises(rules.RulesError, match="no rules file"):
        rules.load_rules(tmp_path / "missing.toml")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '[boilerplate]\nlables = [{ phrases = ["x y"] }]\n',
            r"unknown key 'lables' \(did you mean 'labels'\?\)",
        ),
        ('[boilerplat]\nlabels = [{ phrases = ["x y"] }]\n', r"unknown reason \[boilerplat\] \(did you mean"),
        ("[boilerplate]\nshapes = [{ patern = 'x .*' }]\n", r"shapes entries need 'pattern'"),
        ('[boilerplate]\nlabels = [{ phrases = ["x y"], sen = "here" }]\n', r"unknown field 'sen'"),
        ('[related.inline]\nsmall = "dan"\n', r"\[related.inline\] small must be a list"),
        ('[language]\nstopword = ["dan"]\n', r"\[language\] has an unknown key 'stopword'"),
        ('[languge]\nstopwords = ["dan"]\n', r"unknown reason \[languge\] \(did you mean 'language'\?\)"),
        # A key one step reads, under a table that step does not read.
        ("[ad]\ncredits = [{ pattern = 'x (?P<authors>.+)' }]\n", r"'credits' \(read in \[byline\] only\)"),
        ("[ad.inline]\ntails = [{ pattern = 'x .+' }]\n", r"\[ad.inline\] is read by no step"),
        ("[related.inlne]\nlabels = [{ pattern = 'x' }]\n", r"'inlne' \(did you mean 'inline'\?\)"),
        ("[byline]\ncredits = [{ pattern = 'x (?P<authors>.+' }]\n", r"does not compile: missing \)"),
        ("[byline]\ncredits = [{ pattern = 'x (?P<repairs>.+)' }]\n", r"'repairs' names a metadata key"),
        # mine.toml's stopwords would name a language "mine".
        ('[language]\nstopwords = ["dan"]\n', r"\[language\] 'mine' is no language code"),
    ],
)
def test_a_misspelled_rules_file_is_refused_with_the_nearest_name(
    tmp_path: Path, text: str, message: str
) -> None:
    """A new user's report: a misspelled key or reason was read and did
    nothing (or made a new reason code), and a shape without its pattern
    raised a bare KeyError."""
    mine = tmp_path / "mine.toml"
    mine.write_text(text, encoding="utf-8")
    with pytest.raises(rules.RulesError, match=r"mine\.toml: .*" + message):
        rules.load_rules(mine)
