"""cleannews: scraped news text or HTML in, a clean structured `Article` out.

>>> art = clean_text("Judul Berita\\n\\nIsi berita yang panjang dan jelas.\\nBaca juga: Berita lain")
>>> art.title, art.paragraphs, [(r.text, r.reason) for r in art.removed]
('Judul Berita', ['Isi berita yang panjang dan jelas.'], [('Baca juga: Berita lain', 'related')])
"""

from __future__ import annotations

from collections.abc import Sequence

from cleannews.budget import CleanTimeout, check_deadline, checked_timeout, time_budget
from cleannews.model import Article, Block, Removed
from cleannews.pipeline import RulesArg, clean_blocks
from cleannews.readers.decode import decode_html
from cleannews.readers.html import read_html
from cleannews.readers.text import read_text
from cleannews.rules import Rules, RulesError, load_rules
from cleannews.sites import SiteProfile, SiteProfiles, check_profile
from cleannews.steps import Step, default_steps

__version__ = "0.1.0"

#: A made-up article that takes the default pipeline through what it builds
#: on first use: the rules, the scorer's compiled trees, dateparser's data
#: (and, as a page, trafilatura's).
WARM_UP_TEXT = (
    "Harga Beras Turun Jelang Lebaran\n\nSenin, 7 November 2025 10:00 WIB\n\n"
    "Jakarta - Harga beras di pasar induk turun dua hari berturut-turut, kata pedagang.\n\n"
    "Advertisement\n\nBaca juga: Harga cabai naik lagi"
)
_warmed = False


def warm_up() -> Article:
    """Clean `WARM_UP_TEXT` once in this process, before the first call with
    a time budget: what the pipeline builds on first use (about 0.7 s) is a
    cost of the process, not of the first document, which would otherwise
    go over a budget of a second or two on a busy worker. Called by
    `clean_text` and `clean_html` when they get a ``timeout``; returns the
    sample's article.

    >>> art = warm_up()
    >>> art.metadata["published"], [r.reason for r in art.removed]
    ('2025-11-07T10:00:00+07:00', ['byline', 'ad', 'related'])
    """
    global _warmed
    _warmed = True
    page = "".join(f"<p>{line}</p>" for line in WARM_UP_TEXT.split("\n\n"))
    read_html(f"<html><body><article>{page}</article></body></html>")
    return Article.from_blocks(clean_blocks(read_text(WARM_UP_TEXT)))


def _warm_before_budget(timeout: float | None) -> None:
    if timeout is not None and not _warmed:
        warm_up()


def clean_text(
    raw: str,
    *,
    title: str | None = None,
    steps: Sequence[Step] | None = None,
    rules: RulesArg = None,
    profile: object | None = None,
    timeout: float | None = None,
) -> Article:
    """Clean scraped article text.

    ``title`` is the headline when the caller knows it (a line repeating it is
    then dropped); ``steps`` replaces `default_steps`; ``rules`` adds rule
    files of your own (a path, a list of paths, or `load_rules`' result) to
    the shipped ones; ``profile`` is a site profile (`SiteProfile`): the
    lines it knows from many of the site's articles are dropped as
    ``site-boilerplate`` (see ``docs/profiles.md``); ``timeout`` is a time
    budget in seconds: past it, `CleanTimeout` (a `TimeoutError`) is raised
    instead of an article (see `cleannews.budget` for where the clock is read).

    >>> clean_text("Judul\\n\\nIsi berita.", timeout=0)
    Traceback (most recent call last):
    cleannews.budget.CleanTimeout: clean_text() went over its time budget of 0 s: ... s spent, ...
    """
    _expect_str("clean_text", "raw", raw)
    if title is not None:
        _expect_str("clean_text", "title", title)
    check_profile(profile, "clean_text")
    budget = checked_timeout("clean_text", timeout)
    _warm_before_budget(budget)
    with time_budget("clean_text", budget):
        blocks = clean_blocks(read_text(raw, title=title), steps=steps, rules=rules, profile=profile)
    return Article.from_blocks(blocks)


def clean_html(
    html: str | bytes,
    *,
    url: str | None = None,
    steps: Sequence[Step] | None = None,
    rules: RulesArg = None,
    profile: object | None = None,
    timeout: float | None = None,
    metadata: bool = False,
) -> Article:
    """Clean a news web page: the article's title, headings and paragraphs,
    what was removed and why, and the page's metadata.

    ``html`` as ``bytes`` is decoded as a browser would (its byte-order
    mark, else valid UTF-8, else the charset its ``<meta>`` declares), and a
    page in another encoding that declares none by charset_normalizer's
    guess (`cleannews.readers.decode.decode_html`). ``url`` is the page's
    address, when known (it goes into the metadata); ``steps`` replaces `default_steps`; ``profile`` is the
    site's `SiteProfile`, or a `SiteProfiles` collection, whose profile for
    the site of ``url`` is then used (none when it has no such site);
    ``timeout`` is a time budget in seconds, as for `clean_text` (the page's
    extraction by trafilatura is one piece: the clock is read before and
    after it); ``metadata`` asks trafilatura for all it reads about the page
    (authors, published date, its title and site name): about a fifth of
    the time of a page, so it is off by default, and the metadata then holds
    what the page's ``<meta>`` marks say (site name, description, language)
    and ``url``. Authors found in bylines the steps drop are there either way.

    >>> art = clean_html("<html><head><title>Floods close schools | Daily Star</title></head><body>"
    ...     "<article><h1>Floods close schools</h1><p>Heavy rain closed every school in the"
    ...     " district on Monday, officials said.</p><p>Advertisement</p></article></body></html>")
    >>> art.title, [p[:17] for p in art.paragraphs]
    ('Floods close schools', ['Heavy rain closed'])
    >>> [(r.text, r.reason) for r in art.removed]
    [('Floods close schools', 'duplicate-title'), ('Advertisement', 'ad')]
    """
    if isinstance(html, bytes | bytearray):
        html = decode_html(bytes(html))
    elif not isinstance(html, str):
        raise TypeError(f"clean_html() expects html as str or bytes, got {type(html).__name__}")
    if url is not None:
        _expect_str("clean_html", "url", url)
    if isinstance(profile, SiteProfiles):
        profile = profile.for_url(url)
    check_profile(profile, "clean_html")
    budget = checked_timeout("clean_html", timeout)
    _warm_before_budget(budget)
    with time_budget("clean_html", budget):
        check_deadline("before reading the page")
        blocks, found = read_html(html, url=url, metadata=bool(metadata))
        check_deadline("after reading the page")
        cleaned = clean_blocks(blocks, steps=steps, rules=rules, profile=profile)
    return Article.from_blocks(cleaned, found)


def _expect_str(function: str, name: str, value: object) -> None:
    if isinstance(value, str):
        return
    hint = " (decode bytes first, e.g. raw.decode('utf-8'))" if isinstance(value, bytes | bytearray) else ""
    raise TypeError(f"{function}() expects {name} as str, got {type(value).__name__}{hint}")


__all__ = [
    "Article",
    "Block",
    "CleanTimeout",
    "Removed",
    "Rules",
    "RulesError",
    "SiteProfile",
    "SiteProfiles",
    "__version__",
    "clean_html",
    "clean_text",
    "default_steps",
    "load_rules",
]
