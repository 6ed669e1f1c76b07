"""Every reason code the default steps give, one name each.

Each is documented in ``docs/reasons.md``; a step of your own may use any
other string.
"""

ESCAPE_ARTIFACT = "escape-artifact"
MARKER = "marker"
AD = "ad"
RELATED = "related"
PROMO = "promo"
SHARE = "share"
NEWSLETTER = "newsletter"
CAPTION = "caption"
BYLINE = "byline"
NAVIGATION = "navigation"
BOILERPLATE = "boilerplate"
COMMENTS = "comments"
DUPLICATE_TITLE = "duplicate-title"
DUPLICATE = "duplicate"
SITE_NAME = "site-name"
STANDFIRST = "standfirst"
SITE_BOILERPLATE = "site-boilerplate"

ALL = frozenset(
    {
        ESCAPE_ARTIFACT,
        MARKER,
        AD,
        RELATED,
        PROMO,
        SHARE,
        NEWSLETTER,
        CAPTION,
        BYLINE,
        NAVIGATION,
        BOILERPLATE,
        COMMENTS,
        DUPLICATE_TITLE,
        DUPLICATE,
        SITE_NAME,
        STANDFIRST,
        SITE_BOILERPLATE,
    }
)
