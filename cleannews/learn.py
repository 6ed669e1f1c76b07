"""``cleannews learn`` and the first pass of ``cleannews batch --learn``:
site profiles learned from the same inputs a batch reads.

Records are read as `cleannews.batch` reads them (JSONL files, gzip too,
folders of ``.txt`` / ``.html`` files); each goes to the profile of its
site: the ``--site-field`` of the record, else the host of its URL when
sites are asked for, else one profile for all. A record that cannot be read
is counted and skipped.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field

from cleannews.batch import Fields, Job, RecordError, document_site, plural, read_job
from cleannews.sites import CAPACITY, SiteLearner


@dataclass
class Learned:
    """What a learning pass did: articles per site, records skipped and why."""

    learner: SiteLearner
    articles: int = 0
    skipped: int = 0
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def report(self, destination: str) -> str:
        """The summary lines, for standard error.

        >>> learned = Learned(SiteLearner(), articles=2, skipped=1, problems=["a.jsonl:3: invalid JSON"])
        >>> print(learned.report("p.json"))
        cleannews learn: 2 articles of 0 sites in 0.00 s, 0 lines and spans kept -> p.json
          skipped 1 record: a.jsonl:3: invalid JSON
        """
        profiles = self.learner.profiles()
        lines = [
            f"cleannews learn: {plural(self.articles, 'article')} of {plural(len(profiles), 'site')} "
            f"in {self.seconds:.2f} s, {self.learner.entries:,} lines and spans kept -> {destination}"
        ]
        if self.skipped:
            shown = "; ".join(self.problems[:3]) + (" ..." if len(self.problems) > 3 else "")
            lines.append(f"  skipped {plural(self.skipped, 'record')}: {shown}")
        return "\n".join(lines)


def learn_jobs(
    jobs: Iterable[Job],
    fields: Fields,
    *,
    by_site: bool,
    site: str = "",
    capacity: int = CAPACITY,
    progress: bool = False,
) -> Learned:
    """Learn from every job's document: per site when ``by_site`` (the
    record's site field, else its URL's host), else all as ``site``."""
    from tqdm import tqdm  # only the command line needs it

    learned = Learned(SiteLearner(capacity=capacity))
    started = time.perf_counter()
    with tqdm(unit=" docs", desc="learning", file=sys.stderr, disable=not progress, mininterval=0.5) as bar:
        for job in jobs:
            try:
                document = read_job(job, fields)
                name = document_site(document) if by_site else site
                if document.kind == "html":
                    learned.learner.add_html(document.body, site=name, url=document.url)
                else:
                    body = document.body
                    text = body.decode("utf-8", errors="replace") if isinstance(body, bytes) else body
                    learned.learner.add_text(text, site=name, title=document.title)
            except RecordError as problem:
                learned.skipped += 1
                where = f"{job.source}:{job.line}" if job.line else job.source
                learned.problems.append(f"{where}: {problem}")
                continue
            learned.articles += 1
            bar.update(1)
    learned.seconds = time.perf_counter() - started
    return learned
