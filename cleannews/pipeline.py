"""The flow from a reader's blocks to an article's: repairs, the cuts of
residue glued inside paragraphs, the evidence pass, then the steps (see
DESIGN.md's flow)::

    blocks -> repair -> trim_inline -> site spans -> evidence -> steps -> Article

Repairs and cuts come first because they change text: the evidence is of
the text the steps see. The spans a site profile knows to be glued to
paragraphs are cut there too (`cleannews.sites.trim_spans`).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from cleannews.budget import check_deadline
from cleannews.evidence import gather
from cleannews.model import Block
from cleannews.rules import Rules, default_rules, load_rules, using_rules
from cleannews.sites import SiteProfile
from cleannews.steps import Step, default_steps, run
from cleannews.steps.fixes import repair
from cleannews.steps.inline import trim_inline

RulesArg = Rules | str | Path | Sequence[str | Path] | None


def as_rules(rules: RulesArg) -> Rules:
    """``rules`` as a `Rules` value: the shipped ones for ``None``, the shipped
    ones plus the file(s) at a path (or list of paths), or ``rules`` itself.

    >>> as_rules(None) is default_rules()
    True
    """
    if rules is None:
        return default_rules()
    if isinstance(rules, Rules):
        return rules
    if isinstance(rules, str | Path):
        return load_rules(rules)
    if isinstance(rules, Sequence) and all(isinstance(p, str | Path) for p in rules):
        return load_rules(*rules)
    raise TypeError(f"rules must be a path, a list of paths or a Rules value, got {type(rules).__name__}")


def clean_blocks(
    blocks: Sequence[Block],
    *,
    steps: Sequence[Step] | None = None,
    rules: RulesArg = None,
    profile: object | None = None,
) -> list[Block]:
    """Repair ``blocks``, cut residue glued inside them (and the spans the
    site ``profile`` knows), gather their evidence, and run the steps, all
    with ``rules`` active (`cleannews.rules.using_rules`): every step reads
    them, the evidence pass as well as the byline parsers and inline cuts."""
    with using_rules(as_rules(rules)) as chosen:
        prepared = trim_inline()(repair(list(blocks)))
        if isinstance(profile, SiteProfile):
            prepared = profile.trim(prepared)
        check_deadline("before the evidence pass")
        gathered = gather(prepared, chosen, profile)
        return run(gathered, default_steps() if steps is None else steps)
