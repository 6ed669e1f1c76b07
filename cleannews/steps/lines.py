"""Residue that one line shows by itself, found by rule data alone.

Each filter is a `LineRule` named for its reason code; its patterns are the
``lines`` and ``starts`` lists under that code in ``cleannews/rules/*.toml``.
"""

from __future__ import annotations

from cleannews.steps.base import LineRule

marker = LineRule("marker")
"""In-article markers: "SCROLL TO CONTINUE WITH CONTENT", "Story continues below"."""

related = LineRule("related")
"""Links to other articles and their labels: "Baca juga: ...", "Berita Terkait", "Read more"."""

promo = LineRule("promo")
"""Video and multimedia promos: "Simak juga Video ...", "[Gambas:Video 20detik]", "Watch: ..."."""

share = LineRule("share")
"""Share, follow and app prompts: "Share on Facebook", "Bagikan", "Follow us on ..."."""

newsletter = LineRule("newsletter")
"""Newsletter and subscription prompts: "Sign up for ...", "Dapatkan update berita ..."."""

caption = LineRule("caption")
"""Photo captions and credits: "Foto: ...", "(Image credit: ...)"."""

byline = LineRule("byline")
"""Bylines and editor credits: "Penulis: ...", "Editor: ...", "(fyk/ash)"."""

navigation = LineRule("navigation")
"""Breadcrumbs, tag lists and section links: "Home / News", "Tags: ..."."""

boilerplate = LineRule("boilerplate")
"""Copyright and legal lines, loading placeholders, rating widgets."""
