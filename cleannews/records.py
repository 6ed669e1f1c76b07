"""One flat record per document: what `cleannews batch` writes and every
engine integration (datatrove, Spark, Hugging Face datasets, Ray, Dask)
returns.

A record is the input's own fields, passed through unchanged, followed by
the article's `Article.to_record` and an ``error``:

- every input field passes through under its name and in its place, except
  the body that was read (the text or HTML field), which the clean ``text``
  replaces (`Cleaner` can keep it under a name of your choosing, ``original``);
- the output's keys (`OUTPUT_KEYS`) win over input fields of the same name:
  an input ``title`` is the headline the article's title comes from, and an
  input ``metadata``, ``headings``, ``removed`` or ``error`` is replaced (rename
  it before cleaning to keep it);
- a document that cannot be cleaned (not a string, over its time budget)
  gives the same keys, with ``text`` and ``title`` null, nothing removed and
  the reason in ``error``; a good one has ``error`` null.

Nothing here imports an engine.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Any

import cleannews
from cleannews.budget import checked_timeout
from cleannews.model import Article
from cleannews.pipeline import RulesArg, as_rules
from cleannews.rules import Rules
from cleannews.steps import Step, default_steps

#: The keys `Article.to_record` may write, and ``error``: an input field of
#: one of these names is replaced.
OUTPUT_KEYS = ("text", "title", "headings", "metadata", "removed", "removals", "error")


def passthrough(names: Iterable[str], consumed: Collection[str]) -> list[str]:
    """The input fields a record keeps, in order: all but the bodies read and the output's keys.

    >>> passthrough(["id", "url", "html", "title", "metadata"], consumed={"html"})
    ['id', 'url']
    """
    return [name for name in names if name not in consumed and name not in OUTPUT_KEYS]


def describe(problem: BaseException) -> str:
    """What an error record says of a document that could not be cleaned.

    >>> describe(TypeError("clean_text() expects raw as str, got int"))
    'TypeError: clean_text() expects raw as str, got int'
    """
    return f"{type(problem).__name__}: {problem}"


def failed_record(problem: BaseException, *, removals: bool = False) -> dict[str, Any]:
    """The output keys of a document that could not be cleaned.

    >>> failed_record(ValueError("x"))
    {'text': None, 'title': None, 'headings': [], 'metadata': {}, 'removed': {}, 'error': 'ValueError: x'}
    """
    record: dict[str, Any] = {"text": None, "title": None, "headings": [], "metadata": {}, "removed": {}}
    if removals:
        record["removals"] = []
    record["error"] = describe(problem)
    return record


class Cleaner:
    """Cleans one document after another with the same steps, rules, site
    profile and time budget, each built once per process: the default steps
    and the rules are made at the first document, not when the cleaner is
    made or unpickled, so an engine that ships the cleaner to its workers
    (Spark, Ray, datasets' ``num_proc``) ships its settings, not compiled
    rules.

    ``profile`` is one site profile for every document; ``profiles`` maps a
    site (the value of the document's site field, see `record`) to its
    profile, and ``profile`` then serves the sites it does not name.
    ``removals`` adds each removal with its input line to the record.

    >>> cleaner = Cleaner(timeout=10)
    >>> cleaner.record({"id": 7, "text": "Judul Berita\\nIsi berita yang panjang dan jelas.\\nBaca juga: Lain"})
    {'id': 7, 'text': 'Isi berita yang panjang dan jelas.', 'title': 'Judul Berita', 'headings': [], 'metadata': {}, 'removed': {'related': 1}, 'error': None}
    >>> cleaner.record({"id": 8, "text": 42})["error"]
    'TypeError: clean_text() expects raw as str, got int'
    """  # noqa: E501

    def __init__(
        self,
        *,
        steps: Sequence[Step] | None = None,
        rules: RulesArg = None,
        profile: object | None = None,
        profiles: Mapping[Any, object] | Any = None,
        timeout: float | None = None,
        removals: bool = False,
    ) -> None:
        self.steps_given = None if steps is None else list(steps)
        self.rules_given = rules
        self.profile = profile
        self.profiles = profiles
        self.timeout = checked_timeout("Cleaner", timeout)
        self.removals = removals
        self._built: tuple[list[Step], Rules] | None = None

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "_built": None}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)

    @property
    def built(self) -> tuple[list[Step], Rules]:
        """The steps and the rules, made at the first call in this process."""
        if self._built is None:
            steps = default_steps() if self.steps_given is None else self.steps_given
            self._built = (steps, as_rules(self.rules_given))
        return self._built

    def profile_for(self, site: object) -> object | None:
        """The site profile of a document of ``site``. ``profiles`` may also
        be a Spark broadcast of such a mapping: its ``value`` is read here, on
        the worker."""
        profiles = self.profiles
        if profiles is None or site is None:
            return self.profile
        if not isinstance(profiles, Mapping):
            profiles = profiles.value  # a Spark Broadcast: the mapping, read once per worker
        return profiles.get(site, self.profile)

    def article(
        self,
        body: object,
        *,
        html: bool = False,
        title: str | None = None,
        url: str | None = None,
        site: object = None,
    ) -> Article:
        """The cleaned article; raises as `cleannews.clean_text` / `clean_html` do."""
        steps, rules = self.built
        profile, timeout = self.profile_for(site), self.timeout
        if html:
            return cleannews.clean_html(
                body,  # type: ignore[arg-type]  # clean_html says what it expects
                url=url,
                steps=steps,
                rules=rules,
                profile=profile,
                timeout=timeout,
            )
        return cleannews.clean_text(
            body,  # type: ignore[arg-type]
            title=title,
            steps=steps,
            rules=rules,
            profile=profile,
            timeout=timeout,
        )

    def fields(
        self,
        body: object,
        *,
        html: bool = False,
        title: object = None,
        url: object = None,
        site: object = None,
    ) -> dict[str, Any]:
        """The output keys for one body: the article's record and ``error``
        null, or `failed_record` when it cannot be cleaned. Never raises for
        a bad document; a title or URL that is not a string is not used."""
        try:
            article = self.article(
                body,
                html=html,
                title=title if isinstance(title, str) else None,
                url=url if isinstance(url, str) else None,
                site=site,
            )
        except Exception as problem:  # a wrong type, CleanTimeout, a bug: the record says which
            return failed_record(problem, removals=self.removals)
        return {**article.to_record(removals=self.removals), "error": None}

    def record(
        self,
        source: Mapping[str, Any],
        field: str = "text",
        *,
        html: bool = False,
        title_field: str | None = "title",
        url_field: str | None = "url",
        site_field: str | None = None,
        original: str | None = None,
    ) -> dict[str, Any]:
        """The output record of an input record whose body is ``source[field]``
        (text, or HTML when ``html``): the input's other fields, then the output
        keys; ``original`` names a key to keep the body under."""
        body = source.get(field)
        out = {name: source[name] for name in passthrough(source, {field})}
        if original:
            out[original] = body
        out.update(
            self.fields(
                body,
                html=html,
                title=source.get(title_field) if title_field else None,
                url=source.get(url_field) if url_field else None,
                site=source.get(site_field) if site_field else None,
            )
        )
        return out
