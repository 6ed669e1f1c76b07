"""Reason codes: one name per concept, in the code and in docs/reasons.md."""

from __future__ import annotations

import re
from pathlib import Path

from cleannews import reasons, repairs

DOCS = Path(__file__).resolve().parent.parent / "docs" / "reasons.md"
#: Where docs/reasons.md moves from reason codes to repair codes.
REPAIRS_HEADING = "## Repair codes"


def documented_codes(text: str) -> set[str]:
    return set(re.findall(r"^\| `([a-z-]+)` \|", text, re.M))


def test_docs_document_exactly_the_reason_codes_of_the_library() -> None:
    reason_part = DOCS.read_text(encoding="utf-8").split(REPAIRS_HEADING)[0]
    assert documented_codes(reason_part) == reasons.ALL


def test_docs_document_exactly_the_repair_codes_of_the_library() -> None:
    repair_part = DOCS.read_text(encoding="utf-8").split(REPAIRS_HEADING)[1]
    assert documented_codes(repair_part) == set(repairs.ALL)


def test_every_rule_table_is_named_for_a_reason_code() -> None:
    """A rule table's name is the code its patterns remove with (``language`` holds stopwords)."""
    from cleannews.rules import default_rules

    tables = {name.split(".")[0] for _, data in default_rules().tables for name in data}
    assert tables - {"language"} <= reasons.ALL
