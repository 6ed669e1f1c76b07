"""cleannews in datatrove (``pip install "cleannews[datatrove]"``): a
pipeline step that cleans each document, and a filter that cleans and drops
the documents left empty.

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from cleannews.datatrove import CleannewsFilter

    LocalPipelineExecutor(
        [
            JsonlReader("raw/"),
            CleannewsFilter(min_words=50, exclusion_writer=JsonlWriter("rejected/")),
            JsonlWriter("clean/"),
        ],
        tasks=2,
    ).run()

`CleannewsStep` replaces ``doc.text`` with the clean text and puts the
rest of the article's record (`cleannews.records`: ``title``, ``headings``,
``metadata``, ``removed``, with ``removals`` when asked) into
``doc.metadata["cleannews"]``. A document that cannot be cleaned (a text
that is not a string, a document over its ``timeout=``) keeps its text, and
``doc.metadata["cleannews"]`` is ``{"error": why}``. Removals are counted
per reason in the step's stats (``removed_ad``, ...), and errors as
``errors``.

`CleannewsFilter` does the same cleaning, and drops with a reason
(``empty``, ``too_few_words``, ``too_short``, ``error``) the documents left
with no text or below ``min_words`` / ``min_chars``, and those that could not
be cleaned: a dropped document keeps its **original** text, so datatrove's
exclusion writer saves what came in, with the article's record beside it in
its metadata.

Cleaning options (``html``, ``steps``, ``rules``, ``profile``,
``profiles`` with ``site_key``, ``timeout``, ``removals``) are those of
`cleannews.records.Cleaner`; the steps and rules are built once per task,
at its first document. The title and URL are read from the document's
metadata (``title_key``, ``url_key``) when they are strings there.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from datatrove.data import Document, DocumentsPipeline
from datatrove.pipeline.base import PipelineStep
from datatrove.pipeline.filters.base_filter import BaseFilter
from datatrove.pipeline.writers.disk_base import DiskWriter

from cleannews.pipeline import RulesArg
from cleannews.records import Cleaner
from cleannews.steps import Step

#: Where the article goes in ``doc.metadata``, unless told otherwise.
METADATA_KEY = "cleannews"


class _Cleaning:
    """What the step and the filter share: the cleaner, and how a document is read and updated."""

    def __init__(
        self,
        *,
        html: bool = False,
        title_key: str | None = "title",
        url_key: str | None = "url",
        site_key: str | None = None,
        metadata_key: str = METADATA_KEY,
        removals: bool = False,
        steps: Sequence[Step] | None = None,
        rules: RulesArg = None,
        profile: object | None = None,
        profiles: Any = None,
        timeout: float | None = None,
    ) -> None:
        self.html, self.metadata_key = html, metadata_key
        self.title_key, self.url_key, self.site_key = title_key, url_key, site_key
        self.cleaner = Cleaner(
            steps=steps, rules=rules, profile=profile, profiles=profiles, timeout=timeout, removals=removals
        )

    def cleaned(self, doc: Document) -> dict[str, Any]:
        """The output keys of the document's text (`Cleaner.fields`)."""
        meta = doc.metadata
        return self.cleaner.fields(
            doc.text,
            html=self.html,
            title=meta.get(self.title_key) if self.title_key else None,
            url=meta.get(self.url_key) if self.url_key else None,
            site=meta.get(self.site_key) if self.site_key else None,
        )

    def note(self, step: PipelineStep, doc: Document, record: dict[str, Any]) -> None:
        """Put the article (or the error) into the document's metadata, and count it."""
        if record["error"] is not None:
            doc.metadata[self.metadata_key] = {"error": record["error"]}
            step.stat_update("errors")
            return
        doc.metadata[self.metadata_key] = {k: v for k, v in record.items() if k not in ("text", "error")}
        for reason, count in record["removed"].items():
            step.stat_update(f"removed_{reason}", value=count)


class CleannewsStep(_Cleaning, PipelineStep):  # type: ignore[misc]  # datatrove ships no types
    """Cleans every document: ``doc.text`` becomes the clean text, the
    article goes into ``doc.metadata["cleannews"]``; no document is dropped."""

    name = "🧹 cleannews"
    type = "✂️ - FORMAT"

    def __init__(self, **options: Any) -> None:
        PipelineStep.__init__(self)
        _Cleaning.__init__(self, **options)

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        for doc in data:
            self.stat_update("documents")
            with self.track_time():
                record = self.cleaned(doc)
                self.note(self, doc, record)
                if record["error"] is None:
                    doc.text = record["text"]
            yield doc


class CleannewsFilter(_Cleaning, BaseFilter):  # type: ignore[misc]  # datatrove ships no types
    """Cleans every document and drops, with a reason, those left empty or
    short and those that could not be cleaned; a dropped document keeps
    its original text, for the ``exclusion_writer``.

    ``min_words`` and ``min_chars`` are the least a clean text must have
    (by default any text that is not empty passes).
    """

    name = "🧹 cleannews filter"

    def __init__(
        self,
        *,
        min_words: int = 1,
        min_chars: int = 0,
        exclusion_writer: DiskWriter | None = None,
        **options: Any,
    ) -> None:
        BaseFilter.__init__(self, exclusion_writer)
        _Cleaning.__init__(self, **options)
        self.min_words, self.min_chars = min_words, min_chars

    def filter(self, doc: Document) -> bool | tuple[bool, str]:
        record = self.cleaned(doc)
        self.note(self, doc, record)
        reason = self.rejected(record)
        if reason:
            return False, reason
        doc.text = record["text"]
        return True

    def rejected(self, record: dict[str, Any]) -> str | None:
        """Why a cleaned document is dropped, or None to keep it."""
        if record["error"] is not None:
            return "error"
        text: str = record["text"]
        if not text.strip():
            return "empty"
        if len(text.split()) < self.min_words:
            return "too_few_words"
        if len(text) < self.min_chars:
            return "too_short"
        return None
