"""Cleaning batches of documents: the function Hugging Face datasets'
``Dataset.map(batched=True)``, Ray Data's ``map_batches`` and Dask's
``map_partitions`` call, and Spark's partition function uses.

`CleanBatch` takes a batch as a dict of columns (datasets, Ray's
``"default"``/``"numpy"`` format) or a pandas DataFrame (Dask, Spark, Ray's
``"pandas"`` format) and gives one back in the same form: the input's
columns but the body (`cleannews.records.passthrough`), then the output
columns of the flat record (`cleannews.records`) and ``error``. Columnar
engines want one type per column, so ``metadata``, ``removed`` and
``removals`` are JSON strings here (``json.loads`` reads them back).

Importing this module imports no engine, and not even pandas: a batch that
is a DataFrame brings its own.

>>> clean = CleanBatch("text")
>>> out = clean({"id": [1, 2], "text": ["Judul Berita\\nIsi berita yang panjang dan jelas.\\nIklan", None]})
>>> out["id"], out["text"], out["removed"]
([1, 2], ['Isi berita yang panjang dan jelas.', None], ['{"ad": 1}', '{}'])
>>> out["error"]
[None, 'TypeError: clean_text() expects raw as str, got NoneType']
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from cleannews.pipeline import RulesArg
from cleannews.records import Cleaner, passthrough
from cleannews.steps import Step

if TYPE_CHECKING:
    import pandas as pd

#: The output columns, in order (``removals`` only when asked for).
COLUMNS = ("text", "title", "headings", "metadata", "removed", "removals", "error")
#: The columns written as JSON strings unless told otherwise.
JSON_COLUMNS = ("metadata", "removed", "removals")


class CleanBatch:
    """A callable that cleans the ``field`` column of a batch (text, or HTML
    when ``html``), one document after another with steps and rules built
    once per process (`cleannews.records.Cleaner`).

    ``title_field``, ``url_field`` and ``site_field`` name columns read
    when the batch has them (the headline, the page's address, the site
    whose profile in ``profiles`` is used); ``original`` names a column to
    keep the body under; ``removals`` adds the ``removals`` column; the
    other keywords go to `cleannews.clean_text` / `clean_html`.

    It is also a Ray Data callable class: ``ds.map_batches(CleanBatch,
    fn_constructor_kwargs={"field": "text"}, concurrency=2)`` builds one per
    actor, so the rules load once per actor.
    """

    def __init__(
        self,
        field: str = "text",
        *,
        html: bool = False,
        title_field: str | None = "title",
        url_field: str | None = "url",
        site_field: str | None = None,
        original: str | None = None,
        removals: bool = False,
        steps: Sequence[Step] | None = None,
        rules: RulesArg = None,
        profile: object | None = None,
        profiles: Any = None,
        timeout: float | None = None,
        json_columns: Sequence[str] = JSON_COLUMNS,
    ) -> None:
        if not isinstance(field, str):
            raise TypeError(f"CleanBatch expects field as a column name (str), got {type(field).__name__}")
        self.field, self.html, self.original = field, html, original
        self.title_field, self.url_field, self.site_field = title_field, url_field, site_field
        self.json_columns = tuple(json_columns)
        self.cleaner = Cleaner(
            steps=steps, rules=rules, profile=profile, profiles=profiles, timeout=timeout, removals=removals
        )

    @property
    def columns(self) -> list[str]:
        """The output columns this batch function adds, in order."""
        return [c for c in COLUMNS if c != "removals" or self.cleaner.removals]

    def __call__(self, batch: Any) -> Any:
        if isinstance(batch, Mapping):
            return self.clean_columns(batch)
        return self.clean_frame(batch)

    def clean_columns(self, batch: Mapping[str, Sequence[Any]]) -> dict[str, list[Any]]:
        """A batch as a dict of columns (lists or arrays), cleaned."""
        if self.field not in batch:
            raise KeyError(f"the batch has no column {self.field!r} (it has {', '.join(map(str, batch))})")
        bodies = [None if missing(v) else v for v in batch[self.field]]
        records = self.clean_rows(bodies, *(self.column(batch, name, len(bodies)) for name in self.extras))
        out = {name: list(batch[name]) for name in passthrough(batch, {self.field})}
        if self.original:
            out[self.original] = bodies
        out.update(self.as_columns(records))
        return out

    def clean_frame(self, frame: pd.DataFrame) -> pd.DataFrame:
        """A batch as a pandas DataFrame, cleaned; the columns that pass
        through keep their dtypes and the frame's index."""
        if self.field not in frame.columns:
            raise KeyError(
                f"the frame has no column {self.field!r} (it has {', '.join(map(str, frame.columns))})"
            )
        bodies = [None if missing(v) else v for v in frame[self.field].tolist()]
        records = self.clean_rows(bodies, *(self.column(frame, name, len(bodies)) for name in self.extras))
        out = frame[passthrough(list(frame.columns), {self.field})].copy()
        if self.original:
            out[self.original] = frame[self.field]
        for name, values in self.as_columns(records).items():
            out[name] = values
        return out

    @property
    def extras(self) -> tuple[str | None, str | None, str | None]:
        return self.title_field, self.url_field, self.site_field

    @staticmethod
    def column(batch: Any, name: str | None, length: int) -> list[Any]:
        """The values of column ``name``, or ``None`` for each row when the batch has no such column."""
        if name is None or name not in batch:
            return [None] * length
        return [None if missing(v) else v for v in batch[name]]

    def clean_rows(
        self, bodies: list[Any], titles: list[Any], urls: list[Any], sites: list[Any]
    ) -> list[dict[str, Any]]:
        fields = self.cleaner.fields
        return [
            fields(body, html=self.html, title=title, url=url, site=site)
            for body, title, url, site in zip(bodies, titles, urls, sites, strict=True)
        ]

    def as_columns(self, records: list[dict[str, Any]]) -> dict[str, list[Any]]:
        """The records' output keys as columns, JSON-encoded where asked."""
        out: dict[str, list[Any]] = {}
        for name in self.columns:
            values = [r[name] for r in records]
            if name in self.json_columns:
                values = [json.dumps(v, ensure_ascii=False) for v in values]
            out[name] = values
        return out


def missing(value: object) -> bool:
    """Whether a cell is a missing value: None, NaN (pandas' object columns)
    or ``pd.NA`` (its string columns). A missing body is then reported as
    None, whatever the engine's spelling of it.

    >>> missing(None), missing(float("nan")), missing(""), missing(0)
    (True, True, False, False)
    """
    if value is None:
        return True
    if isinstance(value, float):
        return value != value  # NaN
    return type(value).__name__ == "NAType"


def meta(frame: Any, field: str = "text", **options: Any) -> pd.DataFrame:
    """The empty frame Dask's ``map_partitions(CleanBatch(field), meta=...)``
    needs: the kept columns of ``frame`` (a pandas or Dask DataFrame) with
    their dtypes, then the output columns as objects."""
    import pandas as pd  # the caller has a DataFrame, so pandas is there

    clean = CleanBatch(field, **options)
    empty = getattr(frame, "_meta", frame).iloc[:0]
    out = empty[passthrough(list(empty.columns), {field})].copy()
    if clean.original:
        out[clean.original] = empty[field]
    for name in clean.columns:
        out[name] = pd.Series([], dtype=object)
    return out


def features(input_features: Any, field: str = "text", **options: Any) -> Any:
    """The ``datasets.Features`` of the output of ``Dataset.map(CleanBatch(field),
    batched=True, remove_columns=ds.column_names)``, for its ``features=``:
    the kept columns of ``input_features`` (``ds.features``) as they are,
    then the output columns as strings (``headings`` a list of them). Without
    it, a batch whose ``title`` or ``error`` is null in every row leaves the
    column's type unknown and the map fails.
    """
    import datasets  # the caller has a Dataset, so datasets is there

    clean = CleanBatch(field, **options)
    string = datasets.Value("string")
    items = {name: input_features[name] for name in passthrough(list(input_features), {field})}
    if clean.original:
        items[clean.original] = input_features[field]
    items.update(
        {name: _list_of(datasets, string) if name == "headings" else string for name in clean.columns}
    )
    return datasets.Features(items)


def _list_of(datasets: Any, value: Any) -> Any:
    """A list feature: ``datasets.List`` (datasets 4 and later), else ``datasets.Sequence``."""
    return datasets.List(value) if hasattr(datasets, "List") else datasets.Sequence(value)
