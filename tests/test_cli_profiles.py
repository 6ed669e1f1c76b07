"""The command line with site profiles: ``cleannews learn``, ``batch --profile``,
``batch --learn``, ``clean`` / ``explain --profile``, run for real.

The articles are made up (two sites with a boilerplate line each).
"""

from __future__ import annotations

import json
from pathlib import Path

from cleannews.sites import SiteHit, SiteProfile, SiteProfiles, load_profile
from tests.test_cli import cleannews_cli, read_jsonl, record, write_jsonl

WORDS = ("satu", "dua", "tiga", "empat", "lima", "enam")
BOILER = {"warta.id": "Warta Kampung hadir setiap pagi", "kabar.id": "Kabar Kota untuk warga kota"}


def article(word: str, boiler: str) -> str:
    return (
        f"Warga {word} menanti hujan\n\n"
        f"Warga kampung {word} menunggu hujan turun sejak awal musim kemarau tahun ini.\n\n{boiler}\n"
    )


def site_records(tmp_path: Path) -> Path:
    lines = [
        record(f"{site}-{word}", article(word, boiler), url=f"https://www.{site}/{word}", outlet=site)
        for site, boiler in BOILER.items()
        for word in WORDS
    ]
    return write_jsonl(tmp_path / "in.jsonl", lines)


def site_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "warta"
    folder.mkdir()
    for word in WORDS:
        (folder / f"{word}.txt").write_text(article(word, BOILER["warta.id"]), encoding="utf-8")
    return folder


def removed_for_site(records: list[dict]) -> list[str]:
    """The site-boilerplate removals of batch records written with ``--removals``."""
    return [r["text"] for rec in records for r in rec["removals"] if r["reason"] == "site-boilerplate"]


def test_learn_a_folder_of_one_site_writes_one_profile(tmp_path: Path) -> None:
    result = cleannews_cli("learn", site_folder(tmp_path), "-o", tmp_path / "p.json", "--site", "warta.id")
    assert result.returncode == 0, result.stderr
    profile = load_profile(tmp_path / "p.json")
    assert isinstance(profile, SiteProfile) and profile.site == "warta.id"
    assert profile.lookup(BOILER["warta.id"]) == SiteHit(6, 6)
    assert "cleannews learn: 6 articles of 1 site" in result.stderr


def test_learn_by_url_field_writes_one_profile_per_host(tmp_path: Path) -> None:
    result = cleannews_cli("learn", site_records(tmp_path), "-o", tmp_path / "p.json", "--url-field", "url")
    assert result.returncode == 0, result.stderr
    profiles = load_profile(tmp_path / "p.json")
    assert isinstance(profiles, SiteProfiles) and sorted(profiles) == ["kabar.id", "warta.id"]
    assert profiles["kabar.id"].lookup(BOILER["kabar.id"]) == SiteHit(6, 6)
    assert profiles["warta.id"].lookup(BOILER["kabar.id"]) is None


def test_learn_by_site_field(tmp_path: Path) -> None:
    result = cleannews_cli(
        "learn", site_records(tmp_path), "-o", tmp_path / "p.json", "--site-field", "outlet"
    )
    assert result.returncode == 0, result.stderr
    assert sorted(load_profile(tmp_path / "p.json")) == ["kabar.id", "warta.id"]


def test_learn_prune_leaves_out_rare_lines(tmp_path: Path) -> None:
    folder = site_folder(tmp_path)
    cleannews_cli("learn", folder, "-o", tmp_path / "all.json")
    cleannews_cli("learn", folder, "-o", tmp_path / "small.json", "--prune", "2")
    full, small = SiteProfile.load(tmp_path / "all.json"), SiteProfile.load(tmp_path / "small.json")
    assert list(small.lines) == [BOILER["warta.id"].lower()] and len(full.lines) > len(small.lines)


def test_learn_skips_bad_records_and_says_so(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "in.jsonl", [record(1, article("satu", "x")), "{not json"])
    result = cleannews_cli("learn", path, "-o", tmp_path / "p.json")
    assert result.returncode == 0, result.stderr
    assert "skipped 1 record" in result.stderr and "in.jsonl:2" in result.stderr


def test_learn_site_with_a_site_field_is_a_usage_error(tmp_path: Path) -> None:
    result = cleannews_cli(
        "learn", site_records(tmp_path), "-o", tmp_path / "p.json", "--site", "a", "--site-field", "s"
    )
    assert result.returncode == 2 and "--site names the one site" in result.stderr


def test_batch_profile_cleans_each_record_with_its_site_profile(tmp_path: Path) -> None:
    records = site_records(tmp_path)
    cleannews_cli("learn", records, "-o", tmp_path / "p.json", "--url-field", "url")
    result = cleannews_cli(
        "batch", records, "-o", tmp_path / "out.jsonl", "--profile", tmp_path / "p.json", "--removals"
    )
    assert result.returncode == 0, result.stderr
    out = read_jsonl(tmp_path / "out.jsonl")
    assert [r["id"] for r in out] == [f"{s}-{w}" for s in BOILER for w in WORDS]
    assert removed_for_site(out) == [BOILER[s] for s in BOILER for _ in WORDS]
    assert "site-boilerplate 12" in result.stderr


def test_batch_profile_of_one_site_serves_a_folder(tmp_path: Path) -> None:
    folder = site_folder(tmp_path)
    cleannews_cli("learn", folder, "-o", tmp_path / "p.json")
    result = cleannews_cli(
        "batch",
        folder,
        "-o",
        tmp_path / "out.jsonl",
        "--profile",
        tmp_path / "p.json",
        "--workers",
        "2",
        "--removals",
    )
    assert result.returncode == 0, result.stderr
    assert removed_for_site(read_jsonl(tmp_path / "out.jsonl")) == [BOILER["warta.id"]] * len(WORDS)


def test_batch_learn_learns_first_then_cleans_and_saves_the_profile(tmp_path: Path) -> None:
    result = cleannews_cli(
        "batch", site_records(tmp_path), "-o", tmp_path / "out.jsonl", "--learn", "--removals"
    )
    assert result.returncode == 0, result.stderr
    assert len(removed_for_site(read_jsonl(tmp_path / "out.jsonl"))) == 12
    saved = load_profile(tmp_path / "out.profile.json")
    assert isinstance(saved, SiteProfiles) and sorted(saved) == ["kabar.id", "warta.id"]
    assert "cleannews learn: 12 articles of 2 sites" in result.stderr


def test_batch_learn_with_site_field(tmp_path: Path) -> None:
    result = cleannews_cli(
        "batch",
        site_records(tmp_path),
        "-o",
        tmp_path / "out.jsonl",
        "--learn",
        "--site-field",
        "outlet",
        "--removals",
    )
    assert result.returncode == 0, result.stderr
    assert sorted(load_profile(tmp_path / "out.profile.json")) == ["kabar.id", "warta.id"]


def test_batch_learn_from_standard_input_is_a_usage_error(tmp_path: Path) -> None:
    result = cleannews_cli("batch", "-", "-o", tmp_path / "out.jsonl", "--learn", stdin="")
    assert result.returncode == 2 and "standard input cannot be read again" in result.stderr


def test_batch_with_a_bad_profile_file_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "p.json").write_text("{}", encoding="utf-8")
    result = cleannews_cli(
        "batch", site_records(tmp_path), "-o", tmp_path / "o.jsonl", "--profile", tmp_path / "p.json"
    )
    assert result.returncode == 2 and "expected a file of format" in result.stderr
    assert not (tmp_path / "o.jsonl").exists()


def test_explain_with_a_profile_shows_the_count_that_decided(tmp_path: Path) -> None:
    folder = site_folder(tmp_path)
    cleannews_cli("learn", folder, "-o", tmp_path / "p.json")
    result = cleannews_cli("explain", folder / "satu.txt", "--profile", tmp_path / "p.json")
    assert result.returncode == 0, result.stderr
    marked = f"[- site-boilerplate: in 6 of 6 articles of the site] {BOILER['warta.id']}"
    assert marked in result.stdout.splitlines()


def test_clean_with_a_profile_of_many_sites_picks_the_site(tmp_path: Path) -> None:
    records = site_records(tmp_path)
    cleannews_cli("learn", records, "-o", tmp_path / "p.json", "--url-field", "url")
    text = tmp_path / "a.txt"
    text.write_text(article("tujuh", BOILER["kabar.id"]), encoding="utf-8")
    picked = cleannews_cli(
        "clean", text, "--profile", tmp_path / "p.json", "--site", "kabar.id", "--format", "json"
    )
    assert [r["text"] for r in json.loads(picked.stdout)["removed"]] == [BOILER["kabar.id"]]
    unsure = cleannews_cli("clean", text, "--profile", tmp_path / "p.json")
    assert unsure.returncode == 2 and "has profiles of several sites (give --site or --url" in unsure.stderr
