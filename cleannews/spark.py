"""cleannews in PySpark (``pip install "cleannews[spark]"``): a
``mapInPandas`` partition function and the schema that matches it.

    import cleannews.spark

    clean = cleannews.spark.clean(df, "text")  # every column of df but text, then the record's
    # or, spelled out:
    clean = df.mapInPandas(cleannews.spark.clean_partition("text"), cleannews.spark.schema())

`clean_partition` yields the flat record's columns (`cleannews.records`):
``text``, ``title``, ``headings`` (array of strings), ``metadata`` (a JSON
string), ``removed`` (map of reason to count), ``removals`` (when asked:
array of ``{text, reason, line}``) and ``error`` (null, or why the row could
not be cleaned: a null text, a document over its ``timeout=``). With
``keep=``, the input columns it names come first, unchanged, and
``schema(df)`` gives their types: `clean` does both.

The steps and rules are built once per Python worker process (Spark reuses
its workers from task to task), at the first row, not on the driver.

Site profiles learned per partition and merged: `learn_profiles` learns a
profile per site in each partition (``learn``, by default
``cleannews.SiteProfile.learn``), merges them on the driver (``merge``), and
the result goes to `clean_partition` as ``profiles=`` with ``site_field=``
(a ``spark.sparkContext.broadcast`` of it too).
"""

from __future__ import annotations

import pickle
import uuid
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from cleannews.frames import CleanBatch
from cleannews.records import passthrough

if TYPE_CHECKING:
    import pandas as pd
    from pyspark.sql import DataFrame
    from pyspark.sql.types import StructType

#: How many partition functions a worker keeps built (steps, rules) at once.
KEEP_BUILT = 8
_BUILT: OrderedDict[str, CleanBatch] = OrderedDict()


def schema(
    input: DataFrame | StructType | None = None,  # the shadowed builtin is unused here
    field: str = "text",
    *,
    removals: bool = False,
    original: str | None = None,
) -> StructType:
    """The schema of `clean_partition`'s output: the columns of ``input`` (a
    DataFrame or its schema) other than ``field`` and the output's names,
    unchanged, then ``original`` (the body) when asked, then the record's
    columns. Without ``input``, the record's columns only."""
    from pyspark.sql import types as t

    fields: list[t.StructField] = []
    if input is not None:
        given = input if isinstance(input, t.StructType) else input.schema
        by_name = {f.name: f for f in given.fields}
        fields += [by_name[name] for name in passthrough(list(by_name), {field})]
        if original:
            fields.append(
                t.StructField(original, by_name[field].dataType if field in by_name else t.StringType())
            )
    elif original:
        fields.append(t.StructField(original, t.StringType()))
    fields += [
        t.StructField("text", t.StringType()),
        t.StructField("title", t.StringType()),
        t.StructField("headings", t.ArrayType(t.StringType())),
        t.StructField("metadata", t.StringType()),
        t.StructField("removed", t.MapType(t.StringType(), t.IntegerType())),
    ]
    if removals:
        removal = t.StructType(
            [
                t.StructField("text", t.StringType()),
                t.StructField("reason", t.StringType()),
                t.StructField("line", t.IntegerType()),
            ]
        )
        fields.append(t.StructField("removals", t.ArrayType(removal)))
    fields.append(t.StructField("error", t.StringType()))
    return t.StructType(fields)


class Partition:
    """The partition function `clean_partition` makes: picklable, and built
    once per worker process (keyed by a name given on the driver)."""

    def __init__(self, clean: CleanBatch, keep: Sequence[str]) -> None:
        self.key = uuid.uuid4().hex
        self.clean = clean
        self.keep = passthrough(keep, {clean.field})

    @property
    def columns(self) -> list[str]:
        original = [self.clean.original] if self.clean.original else []
        return [*self.keep, *original, *self.clean.columns]

    def __call__(self, batches: Iterable[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        clean = self.built()
        for batch in batches:
            yield clean.clean_frame(batch)[self.columns]

    def built(self) -> CleanBatch:
        """This worker's cleaner for this function: the first one unpickled here, kept."""
        clean = _BUILT.pop(self.key, None) or self.clean
        _BUILT[self.key] = clean
        while len(_BUILT) > KEEP_BUILT:
            _BUILT.popitem(last=False)
        return clean


def clean_partition(field: str = "text", *, keep: Sequence[str] = (), **options: Any) -> Partition:
    """A ``mapInPandas`` function that cleans column ``field`` (text, or
    HTML with ``html=True``) and yields the columns of `schema`: those of
    ``keep`` first (pass ``df.columns`` to keep every one), unchanged.

    ``options`` are `cleannews.frames.CleanBatch`'s: ``title_field``,
    ``url_field``, ``site_field``, ``original``, ``removals``, ``steps``,
    ``rules``, ``profile``, ``profiles`` (a mapping of site to profile, or a
    broadcast of one) and ``timeout``.
    """
    return Partition(CleanBatch(field, json_columns=("metadata",), **options), keep)


def clean(df: DataFrame, field: str = "text", **options: Any) -> DataFrame:
    """``df`` cleaned: its columns but ``field``, unchanged, then the record's."""
    removals, original = options.get("removals", False), options.get("original")
    return df.mapInPandas(
        clean_partition(field, keep=df.columns, **options),
        schema(df, field, removals=removals, original=original),
    )


# Site profiles, learned per partition and merged ------------------------------


def learn_partition(
    field: str = "text", site_field: str = "site", *, learn: Callable[[list[str]], Any] | None = None
) -> Callable[[Iterable[pd.DataFrame]], Iterator[pd.DataFrame]]:
    """A ``mapInPandas`` function (schema ``site string, profile binary``)
    that learns one profile per site from the partition's texts, each
    pickled. Rows whose text or site is missing are left out."""

    def learn_sites(batches: Iterable[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        import pandas as pd

        learner = learn or _site_profile_learn()
        texts: dict[str, list[str]] = {}
        for batch in batches:
            for site, text in zip(batch[site_field].tolist(), batch[field].tolist(), strict=True):
                if isinstance(site, str) and isinstance(text, str):
                    texts.setdefault(site, []).append(text)
        sites = list(texts)
        profiles = [pickle.dumps(learner(texts[site])) for site in sites]
        yield pd.DataFrame({"site": sites, "profile": profiles})

    return learn_sites


def learn_profiles(
    df: DataFrame,
    field: str = "text",
    site_field: str = "site",
    *,
    learn: Callable[[list[str]], Any] | None = None,
    merge: Callable[[Any, Any], Any] | None = None,
) -> dict[str, Any]:
    """A profile per site of ``df``: learned in each partition, merged on
    the driver (``merge(a, b)``, by default ``a.merge(b)``)."""
    rows = df.mapInPandas(
        learn_partition(field, site_field, learn=learn), "site string, profile binary"
    ).collect()
    join = merge or (lambda a, b: a.merge(b))
    merged: dict[str, Any] = {}
    for row in rows:
        profile = pickle.loads(row["profile"])  # pickled by our own workers just now
        merged[row["site"]] = join(merged[row["site"]], profile) if row["site"] in merged else profile
    return merged


def _site_profile_learn() -> Callable[[list[str]], Any]:
    from cleannews.sites import SiteProfile

    return SiteProfile.learn
