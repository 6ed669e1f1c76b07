"""The HTML reader: a web page in, the article's blocks and the page's metadata out.

trafilatura narrows the page to the article (its XML output keeps headings
with their level, paragraphs, list items, quotes and table rows) and reads
the page's metadata; BeautifulSoup cuts that XML into `Block`s. When
trafilatura finds nothing, the page body itself is cut into blocks, one per
block-level element, with scripts, navigation, headers, footers, asides and
forms left out. The title, as printed on the page, comes first as a
``title`` block, so the steps drop the headline repeated in the body.

Every walk over a tree is iterative: a page of 100,000 nested ``<div>``s
costs time, not the stack.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any, TypedDict, cast

import regex
from bs4 import BeautifulSoup, Comment, Declaration, Doctype, ProcessingInstruction, Tag
from bs4.element import NavigableString
from lxml import etree
from lxml.html import HtmlElement

from cleannews.measure import ends_sentence, normalize_space, remove_invisible, words
from cleannews.model import ANCESTORS, CLASS_WORDS, Block, PageEvidence
from cleannews.readers.decode import declared_charset, decode_html
from cleannews.reasons import NAVIGATION, RELATED

__all__ = ["declared_charset", "decode_html", "read_html"]

#: Separators between a headline and a site or section name in a ``<title>``.
_TITLE_SEPARATOR = regex.compile(r"\s+(?:[|\-–—·•»:]{1,2})\s+")
#: How many blocks from the top of the article a repeated headline may be.
_TITLE_WITHIN = 5
#: Longest site name a ``<title>`` suffix may be, in words.
_MAX_SITE_WORDS = 6

#: How trafilatura's XML names its block elements, and the kind each gives.
_XML_KINDS = {"head": "heading", "item": "list-item", "quote": "quote"}
_XML_BLOCKS = frozenset({"head", "p", "item", "list", "quote", "table", "row", "code", "main", "doc", "body"})
#: Block-level HTML elements for the fallback, and the kind each gives.
_HTML_KINDS = {
    **{f"h{n}": "heading" for n in range(1, 7)},
    "li": "list-item",
    "dt": "list-item",
    "dd": "list-item",
    "blockquote": "quote",
}
_HTML_BLOCKS = frozenset(
    {
        *_HTML_KINDS,
        *("address", "article", "body", "center", "details", "dialog", "dir", "div", "dl", "fieldset"),
        *("figcaption", "figure", "hgroup", "html", "main", "ol", "p", "pre", "section", "summary"),
        *("table", "tbody", "thead", "tfoot", "tr", "ul"),
    }
)
#: Elements whose text is never article text.
_HTML_SKIPPED = frozenset(
    {
        # Not "form": ASP.NET pages wrap the whole page in one. Its controls are skipped.
        *("applet", "aside", "audio", "button", "canvas", "datalist", "embed", "footer", "frame"),
        *("frameset", "head", "header", "iframe", "input", "label", "link", "map", "menu", "meta", "nav"),
        *("noscript", "object", "option", "script", "select", "style", "svg", "template", "textarea"),
        *("title", "video"),
    }
)
#: Cells are inline in a row but must not run into each other.
_CELLS = frozenset({"cell", "td", "th"})


def strip_site_name(title: str, site_names: tuple[str, ...] = ()) -> str:
    """The headline of a ``<title>``-style title: a leading or trailing
    segment that names the site (one of ``site_names``, or a short segment
    spelled like them) is cut off at its separator.

    >>> strip_site_name("Floods close schools - The Daily Star", ("The Daily Star",))
    'Floods close schools'
    >>> strip_site_name("Daily Star | Floods close schools", ("dailystar.com",))
    'Floods close schools'
    >>> strip_site_name("Jedi: Fallen Order review - a strong start", ("VG247",))
    'Jedi: Fallen Order review - a strong start'
    """
    names = {_letters(n) for n in site_names if _letters(n)}
    if not names:
        return title
    parts = _TITLE_SEPARATOR.split(title)
    while len(parts) > 1 and _names_site(parts[-1], names):
        parts.pop()
    while len(parts) > 1 and _names_site(parts[0], names):
        parts.pop(0)
    if len(parts) == len(_TITLE_SEPARATOR.split(title)):
        return title
    # Cut at the separators actually removed, so inner separators stay as printed.
    start = title.find(parts[0])
    end = title.rfind(parts[-1]) + len(parts[-1])
    return title[start:end].strip()


def _letters(text: str) -> str:
    """Lowercase letters and digits of ``text``, a host's ``www.`` and TLD
    aside, for comparing site names spelled differently.

    >>> _letters("www.DailyStar.co.uk"), _letters("The Daily Star")
    ('dailystar', 'thedailystar')
    """
    text = text.casefold().removeprefix("www.")
    if " " not in text.strip() and "." in text:
        text = text.split(".")[0]
    return "".join(c for c in text if c.isalnum())


def _names_site(segment: str, names: set[str]) -> bool:
    if len(words(segment)) > _MAX_SITE_WORDS:
        return False
    letters = _letters(segment)
    return bool(letters) and any(
        letters == n or letters.removeprefix("the") == n.removeprefix("the") or n in letters for n in names
    )


@dataclass(frozen=True)
class _Walk:
    """How to cut one kind of tree into blocks: which elements are blocks,
    which kind each gives, which are skipped, which break a line."""

    blocks: frozenset[str]
    kinds: dict[str, str]
    skipped: frozenset[str]
    breaks: frozenset[str]
    links: frozenset[str]


_XML_WALK = _Walk(
    _XML_BLOCKS, _XML_KINDS, frozenset({"comments", "graphic"}), frozenset({"lb"}), frozenset({"ref"})
)
_HTML_WALK = _Walk(_HTML_BLOCKS, _HTML_KINDS, _HTML_SKIPPED, frozenset({"br", "hr"}), frozenset({"a"}))


@dataclass(frozen=True)
class Segment:
    """A block of text as a tree walk finds it: its kind, its text, the
    share of its characters that sit inside links, a heading's level (1-6),
    and the element it came from (an lxml walk only; not part of equality)."""

    kind: str
    text: str
    linked: float = 0.0
    level: int | None = None
    source: Any = field(default=None, compare=False, repr=False)


_NOT_TEXT = (Comment, Declaration, Doctype, ProcessingInstruction)


def segment(root: Tag | etree._Element, walk: _Walk) -> list[Segment]:
    """Each block of text under ``root``, in order.

    A block element starts a new block and ends it; text directly inside
    takes the kind of the innermost block element around it (a paragraph in
    a quote is a quote), and a heading its level (``<h2>``, or trafilatura's
    ``<head rend="h2">``). A line break also ends a block. ``root`` is a
    BeautifulSoup tag or an lxml element (trafilatura's XML or the page's
    tree, read by lxml directly: several times faster).

    >>> html = "<div><h2>Title</h2><p>One <b>two</b><br>three</p><ul><li><a>x</a></li></ul></div>"
    >>> for s in segment(BeautifulSoup(html, "lxml"), _HTML_WALK):
    ...     print(s.kind, s.text, s.linked, s.level)
    heading Title 0.0 2
    paragraph One two 0.0 None
    paragraph three 0.0 None
    list-item x 1.0 None
    """
    out: list[Segment] = []
    pieces: list[tuple[str, bool]] = []
    kinds: list[tuple[str, int | None, Any]] = [("paragraph", None, root)]
    link_depth = 0

    def flush() -> None:
        text = normalize_space(remove_invisible("".join(p for p, _ in pieces)))
        if text:
            linked = sum(len(p.strip()) for p, in_link in pieces if in_link)
            kind, level, source = kinds[-1]
            out.append(Segment(kind, text, min(1.0, linked / len(text)), level, source))
        pieces.clear()

    in_xml = isinstance(root, etree._Element)
    events = (
        _xml_events(root, walk.skipped) if isinstance(root, etree._Element) else _events(root, walk.skipped)
    )
    for name, text, leaving, node in events:
        if text is not None:
            pieces.append((text, link_depth > 0))
            continue
        if name in walk.links:
            link_depth += -1 if leaving else 1
        elif name in walk.breaks:
            flush()
        elif name in _CELLS and not leaving:
            pieces.append((" ", False))
        elif name in walk.blocks:
            flush()
            if leaving:
                kinds.pop()
            else:
                kind = walk.kinds.get(name, kinds[-1][0])
                level = heading_level(name, node) if kind == "heading" else None
                kinds.append((kind, level, node if in_xml else None))
    flush()
    return out


def heading_level(name: str, node: Any) -> int | None:
    """The level of a heading element: ``<h3>`` is 3, as is trafilatura's
    ``<head rend="h3">``; ``None`` when it does not say.

    >>> heading_level("h3", None), heading_level("head", etree.fromstring('<head rend="h4"/>'))
    (3, 4)
    """
    mark = name if name != "head" else (node.get("rend") or "") if node is not None else ""
    if len(mark) == 2 and mark[0] == "h" and mark[1] in "123456":
        return int(mark[1])
    return None


#: An event of a tree walk: ``(name, None, leaving, node)`` for a tag
#: entered or left, ``(None, text, False, None)`` for a string.
Event = tuple[str | None, str | None, bool, Any]


def _events(root: Tag, skipped: frozenset[str]) -> Iterator[Event]:
    """The events of a BeautifulSoup tree in document order, without
    recursion: each tag is seen entering and leaving, each string once;
    comments and ``skipped`` elements are passed over."""
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        node, leaving = stack.pop()
        if isinstance(node, NavigableString):
            if not isinstance(node, _NOT_TEXT):
                yield None, str(node), False, None
            continue
        if leaving:
            yield node.name, None, True, node
            continue
        if not isinstance(node, Tag) or node.name in skipped:
            continue
        yield node.name, None, False, node
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(node.contents))


def _xml_events(root: etree._Element, skipped: frozenset[str]) -> Iterator[Event]:
    """The same events as `_events`, from an lxml tree: an element's text
    comes after entering it, its tail after leaving it (the tail of a
    skipped element, a comment or a processing instruction is still read).

    >>> [e[1] for e in _xml_events(etree.fromstring("<a>x<b>y</b>z<!-- c -->w</a>"), frozenset()) if e[1]]
    ['x', 'y', 'z', 'w']
    """
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        node, leaving = stack.pop()
        if isinstance(node, str):
            yield None, node, False, None
            continue
        if leaving:
            yield node.tag, None, True, node
            continue
        if isinstance(node.tag, str) and node.tag not in skipped:
            yield node.tag, None, False, node
            stack.append((node, True))
            for child in reversed(node):
                if child.tail:
                    stack.append((child.tail, False))
                stack.append((child, False))
            if node.text:
                stack.append((node.text, False))


class _Extraction(TypedDict):
    """The keywords of `trafilatura.bare_extraction` that `EXTRACTION` sets."""

    output_format: str
    favor_recall: bool
    include_comments: bool
    include_links: bool
    include_tables: bool
    include_formatting: bool
    with_metadata: bool


#: How clean_html asks trafilatura for the article (`trafilatura.bare_extraction`,
#: public since 1.0): its XML tree (headings keep their level, links their
#: extent), no comments, tables and links kept, no formatting markup (it loses
#: the space after a bold link), no metadata (read separately, when asked).
#: Recall mode keeps sub-headings and lists that precision mode cuts; the
#: steps remove the residue it lets through.
EXTRACTION: _Extraction = {
    "output_format": "xml",
    "favor_recall": True,
    "include_comments": False,
    "include_links": True,
    "include_tables": True,
    "include_formatting": False,
    "with_metadata": False,
}


def article_segments(tree: HtmlElement) -> list[Segment]:
    """The article's blocks as trafilatura finds them (none when it finds no
    article): the body of `trafilatura.bare_extraction`, the tree its XML
    output is written from, walked directly. ``tree`` is left as it was
    (trafilatura works on a copy)."""
    import trafilatura

    document = trafilatura.bare_extraction(tree, **EXTRACTION)
    body = getattr(document, "body", None)
    return segment(body, _XML_WALK) if body is not None else []


#: The fields of trafilatura's metadata cleannews reads.
_PAGE_FIELDS = ("title", "author", "url", "hostname", "description", "sitename", "date")


def page_fields(tree: HtmlElement, url: str | None, *, extensive: bool = True) -> dict[str, str]:
    """The page's metadata as `trafilatura.extract_metadata` reads it: each
    field of ``_PAGE_FIELDS`` it finds, NFC-normalized as its XML output
    gives them; without ``extensive``, its quicker search for the date (for
    a title alone). ``tree`` is left as it was. When its readers fail on an
    odd page, the page has no metadata and its article is still read.
    """
    from trafilatura import extract_metadata

    try:
        document = extract_metadata(tree, url, extensive=extensive)
    except Exception:  # metadata is extra: never worth losing the article over
        return {}
    values = ((f, getattr(document, f, None)) for f in _PAGE_FIELDS)
    return {f: unicodedata.normalize("NFC", v) for f, v in values if v and isinstance(v, str)}


#: The fields of trafilatura's metadata the title needs (`page_title`).
_TITLE_FIELDS = ("title", "sitename", "hostname")
#: ``<meta>`` marks that name an author (two words: trafilatura keeps only
#: those) and a publication date: with both named in the page's head,
#: `trafilatura.extract_metadata` does not search the page for either.
_SETTLED_MARKS = (("author", "Settled Author"), ("date", "2000-01-01"))


def title_fields(tree: HtmlElement, url: str | None) -> dict[str, str]:
    """The fields of ``_TITLE_FIELDS`` as `page_fields` reads them (quick
    date search), at about a third of its cost: the title, site name and
    host do not depend on the author or the date, and trafilatura's search
    for those two (a pruned copy of the page, then htmldate) is most of its
    time, so the page's head is given `_SETTLED_MARKS` for the call and
    taken back after it. ``tree`` is left as it was.

    >>> from lxml.html import fromstring, tostring
    >>> page = fromstring("<html><head><title>Floods close schools - Daily Star</title>"
    ...     "<meta property='og:site_name' content='Daily Star'></head><body><p>x</p></body></html>")
    >>> before = tostring(page)
    >>> title_fields(page, None)
    {'title': 'Floods close schools', 'sitename': 'Daily Star'}
    >>> tostring(page) == before
    True
    """
    head = tree.find("head")
    if head is None:  # no head to hold the marks (rare): the full reading
        fields = page_fields(tree, url, extensive=False)
        return {f: fields[f] for f in _TITLE_FIELDS if f in fields}
    added = [etree.SubElement(head, "meta", name=name, content=value) for name, value in _SETTLED_MARKS]
    try:
        fields = page_fields(tree, url, extensive=False)
    finally:
        for element in added:
            head.remove(element)
    return {f: fields[f] for f in _TITLE_FIELDS if f in fields}


def _xml_doc(xml: str) -> etree._Element | None:
    """The ``doc`` element of trafilatura's XML, read by lxml (in recover
    mode, as BeautifulSoup's XML reader reads it), or ``None``.

    >>> _xml_doc("<doc title='T'><main><p>x</p></main></doc>").get("title")
    'T'
    """
    parser = etree.XMLParser(recover=True, resolve_entities=False, huge_tree=True)
    try:
        root = etree.fromstring(xml.encode("utf-8"), parser)
    except etree.XMLSyntaxError:
        return None
    if root is None:
        return None
    return root if root.tag == "doc" else next(root.iter("doc"), None)


def segment_body(html: str) -> list[Segment]:
    """The page body cut into blocks by BeautifulSoup alone: the fallback
    when trafilatura finds no article. Not from the page's lxml tree: its
    parser stops at a depth of 256, BeautifulSoup's tree builder does not."""
    soup = BeautifulSoup(html, "lxml")
    return segment(_body_of(soup), _HTML_WALK)


def _body_of(soup: BeautifulSoup) -> Tag:
    """The page's ``<body>``; the whole document when the body holds less
    than half its text (a stray ``</body>`` early in the page ends the body
    there, and the rest of the page comes after it).

    >>> _body_of(BeautifulSoup("<body><p>Menu</p></body><p>The article, at length.</p>", "lxml")).name
    '[document]'
    """
    body = soup.body
    if body is None or 2 * len(body.get_text()) < len(soup.get_text()):
        return soup
    return body


def _unflattened(found: list[Segment], html: str) -> list[Segment]:
    """The page body's own blocks when trafilatura found nothing; when it
    found one block, the body's blocks that make it up, in order.

    On a short or odd page trafilatura falls back to the whole page's text
    run into one paragraph: navigation, form labels and the article alike.
    The body's blocks (navigation, form controls and footers left out) that
    occur in that paragraph, in order, give back its structure and leave the
    rest. When none does but one holds the paragraph (trafilatura stopped
    early in a very deep page), that block is read instead.
    """
    body = segment_body(html)
    if not found:
        return body
    text, kept, at = found[0].text, [], 0
    for piece in body:
        where = text.find(piece.text, at)
        if where >= 0:
            kept.append(piece)
            at = where + len(piece.text)
    if kept:
        return kept
    return next(([piece] for piece in body if text in piece.text), [] if not body else found)


def reads_as_link_headline(
    segment: Segment, *, min_words: int = 4, max_words: int = 15, min_linked: float = 0.9
) -> bool:
    """A link to another page, worded as a headline: all link, of
    ``min_words`` to ``max_words`` words (a name or an identifier is
    shorter), not ending as a statement.

    >>> reads_as_link_headline(Segment("paragraph", "Shops count the cost of the floods", 1.0))
    True
    >>> reads_as_link_headline(Segment("paragraph", "The deal ends at midnight, so buy now.", 1.0))
    False
    """
    text = segment.text
    return (
        segment.linked >= min_linked and min_words <= len(words(text)) <= max_words and text[-1] not in ".!:;"
    )


def reads_as_link_row(segment: Segment, *, max_words: int = 15, min_linked: float = 0.5) -> bool:
    """A short row that is mostly link: a menu entry, a blogroll name, an
    archive month, a teaser cut short (``Create a set extension using a...``),
    a headline with its source after it (``Shops count the cost — Daily Star``).

    >>> reads_as_link_row(Segment("list-item", "Archives", 1.0))
    True
    >>> reads_as_link_row(Segment("paragraph", "Shops count the cost of the floods", 0.2))
    False
    """
    return segment.linked >= min_linked and len(words(segment.text)) <= max_words


def link_rows(segments: Sequence[Segment], *, min_run: int = 3, max_share: float = 0.5) -> set[int]:
    """Positions of the segments in runs of ``min_run`` or more link rows
    (`reads_as_link_row`) in a row: a menu, a blogroll, an archive list or a
    sidebar of teasers left in the article. None when the runs hold more
    than ``max_share`` of the words: then the list is the page (a link
    digest, a directory, a table of contents).

    >>> text = Segment("paragraph", "Heavy rain closed every school on Monday.")
    >>> row = Segment("list-item", "Archives", 1.0)
    >>> sorted(link_rows([text, row, row, row]))
    [1, 2, 3]
    >>> link_rows([row, row, text, row]), link_rows([row, row, row])
    (set(), set())
    """
    found = _runs(segments, reads_as_link_row, min_run)
    listed = sum(len(words(segments[i].text)) for i in found)
    return found if listed <= max_share * sum(len(words(s.text)) for s in segments) else set()


def _runs(segments: Sequence[Segment], test: Callable[[Segment], bool], min_run: int) -> set[int]:
    found: set[int] = set()
    run: list[int] = []
    for i, segment in enumerate([*segments, None]):
        if segment is not None and test(segment):
            run.append(i)
            continue
        if len(run) >= min_run:
            found.update(run)
        run = []
    return found


def link_lists(segments: Sequence[Segment], *, min_run: int = 3) -> set[int]:
    """Positions of the segments in runs of ``min_run`` or more link
    headlines in a row: a list of links to other articles left in the
    article (related stories, tag lists). A lone link, or two, is kept.

    >>> link = Segment("list-item", "Shops count the cost", 1.0)
    >>> sorted(link_lists([Segment("paragraph", "Text."), link, link, link]))
    [1, 2, 3]
    >>> link_lists([link, link, Segment("paragraph", "Text."), link])
    set()
    """
    return _runs(segments, reads_as_link_headline, min_run)


#: A word token, as the completion counts them.
_TOKEN = regex.compile(r"\w+")


def _token_counts(segments: Sequence[Segment]) -> Counter[str]:
    return Counter(t for s in segments for t in _TOKEN.findall(s.text))


def _token_total(segments: Sequence[Segment]) -> int:
    return sum(len(_TOKEN.findall(s.text)) for s in segments)


@dataclass(frozen=True)
class PageMarks:
    """What the reader takes from the page's own markup, found in one walk
    over its tree: the texts of its ``<h1>`` elements, the first
    ``og:title`` and ``<title>``, the language it declares, how many word
    tokens its ``<p>`` elements hold, and its ``og:site_name`` and
    description (``<meta name="description">``, else ``og:description``);
    also how many word tokens its prose holds wherever it sits
    (`prose_tokens`: text in ``<li>``, ``<td>`` or a ``<div>`` counts too)."""

    h1s: tuple[str, ...] = ()
    og_title: str | None = None
    title: str | None = None
    declared_language: str | None = None
    paragraph_tokens: int = 0
    site_name: str | None = None
    description: str | None = None
    prose_tokens: int = 0


def page_marks(tree: HtmlElement | None) -> PageMarks:
    """The page's `PageMarks`; each is the first in document order, as an
    XPath such as ``//title/text()`` would give it (one walk instead of one
    per question: each walk over a large page costs about as much as the
    reader's work on the article).

    >>> from lxml.html import fromstring
    >>> marks = page_marks(fromstring("<html lang='id'><head><title>Banjir</title></head>"
    ...     "<body><h1> Banjir  Jakarta</h1><p>Satu dua</p><p>tiga</p></body></html>"))
    >>> marks.h1s, marks.og_title, marks.title, marks.declared_language, marks.paragraph_tokens
    (('Banjir Jakarta',), None, 'Banjir', 'id', 3)
    """
    if tree is None:
        return PageMarks()
    first: dict[str, str]
    h1s, paragraphs, first = [], [], {}
    for element in tree.iter("h1", "p", "meta", "title", "html"):
        tag = element.tag
        if tag == "p":
            paragraphs.append(element.text_content())
        elif tag == "h1":
            h1s.append(normalize_space(element.text_content()))
        else:
            for mark, value in _marks_of(element):
                first.setdefault(mark, value)
    # Joined by a space, which no token crosses: one regex call for the page.
    tokens = len(_TOKEN.findall(" ".join(paragraphs)))
    found = {mark: normalize_space(value) or None for mark, value in first.items()}
    return PageMarks(
        tuple(h1s),
        found.get("og_title"),
        found.get("title"),
        found.get("language"),
        tokens,
        found.get("site_name"),
        found.get("description") or found.get("og_description"),
        prose_tokens(tree),
    )


#: Elements that end one run of text and start another (`text_runs`): the
#: fallback's blocks, table cells and ``<font>``, which old pages use as a block.
_RUN_BREAKS = _HTML_BLOCKS | {"font", "td", "th"}
#: Words in the ``class`` or ``id`` of a container whose text is not the
#: article's: a comment thread, a sidebar, a menu, a widget.
_ASIDE = re.compile(r"comment|repl|respond|sidebar|footer|menu|nav|related|widget", re.IGNORECASE)


def text_runs(tree: HtmlElement) -> list[str]:
    """The page body's runs of text (spaces collapsed): the text between two
    of `_RUN_BREAKS` (a ``<div>``'s own text counts, links and ``<br>`` do
    not break it), leaving out `_HTML_SKIPPED` elements and containers named
    as `_ASIDE`. An iterative walk, in document order within each run.

    >>> from lxml.html import fromstring
    >>> text_runs(fromstring("<body><div>Rain <a>fell</a>.<br>Roads shut.<p>More.</p> Later."
    ...     "<div class='comments'>Nice!</div></div></body>"))
    ['Rain fell.Roads shut. Later.', 'More.']
    """
    body = tree.find("body")
    runs: list[list[str]] = [[]]
    stack: list[tuple[Any, list[str]]] = [(body if body is not None else tree, runs[0])]
    while stack:
        node, run = stack.pop()
        if isinstance(node, str):
            run.append(node)
            continue
        if not isinstance(node.tag, str) or node.tag in _HTML_SKIPPED:
            continue
        if _ASIDE.search(f"{node.get('class', '')} {node.get('id', '')}"):
            continue
        if node.tag in _RUN_BREAKS:
            run = []
            runs.append(run)
        run.append(node.text or "")
        inside: list[tuple[Any, list[str]]] = []
        for child in node:
            inside.append((child, run))
            if child.tail:
                inside.append((child.tail, run))
        stack.extend(reversed(inside))
    return [text for text in (" ".join("".join(run).split()) for run in runs) if text]


def prose_tokens(tree: HtmlElement, *, min_chars: int = 60) -> int:
    """How many word tokens the page's prose holds: its `text_runs` of at
    least ``min_chars`` characters that end a sentence (as `prose_share`
    counts prose), wherever they sit.

    >>> from lxml.html import fromstring
    >>> prose_tokens(fromstring("<body><ul><li>Home</li><li>Heavy rain closed every school"
    ...     " in the district on Monday, officials said.</li></ul></body>"))
    12
    """
    runs = (run for run in text_runs(tree) if reads_as_prose(run, min_chars=min_chars))
    return len(_TOKEN.findall(" ".join(runs)))


def _marks_of(element: HtmlElement) -> Iterator[tuple[str, str]]:
    """The marks a ``<meta>``, ``<title>`` or ``<html>`` element gives, as
    ``//meta[@property='og:title']/@content``, ``//title/text()`` and
    ``//html/@lang | //meta[@http-equiv='content-language']/@content`` find them."""
    get = element.get
    if element.tag == "title":
        # Its first text node: its text, else the tail of a child (lxml has no empty text nodes).
        text = element.text or next((child.tail for child in element if child.tail), None)
        if text:
            yield "title", text
    elif element.tag == "html":
        if get("lang") is not None:
            yield "language", get("lang")
    elif get("content") is not None:
        mark = _META_MARKS.get(get("property") or get("name") or "")
        if mark:
            yield mark, get("content")
        if get("http-equiv") == "content-language":
            yield "language", get("content")


#: The ``<meta property=...>`` (or ``name=``) values `page_marks` reads, and the mark each gives.
_META_MARKS = {
    "og:title": "og_title",
    "og:site_name": "site_name",
    "description": "description",
    "og:description": "og_description",
}


def completed(
    found: list[Segment],
    marks: PageMarks,
    html: str,
    *,
    max_share: float = 0.5,
    min_gain: float = 2.0,
    min_cover: float = 0.95,
    few_words: int = 30,
    min_prose: float = 0.5,
    min_prose_gain: float = 0.1,
    min_prose_kept: float = 0.5,
) -> tuple[list[Segment], list[Segment] | None]:
    """``found``, or readability's reading of the page when trafilatura
    took only part of a long article; and readability's reading, when it
    was asked (``None`` when it was not).

    Some pages split an article over several containers, and trafilatura
    keeps only the first. When ``found`` holds less than ``max_share`` of
    the page's paragraph text (in ``<p>``, or its prose wherever it sits:
    `prose_tokens`), readability-lxml reads the page too; its
    article replaces ``found`` when it holds at least ``min_cover`` of
    ``found``'s words and ``min_gain`` times as many. On other pages
    trafilatura takes a headline, a place or a widget and misses the
    article: when ``found`` has fewer than ``few_words`` words, readability
    reads the page too, and its article replaces ``found`` if it has
    ``min_gain`` times as many words, whatever it covers. And on some pages
    trafilatura takes the wrong container (a directory, a sidebar, a list of
    teasers): when less than ``min_prose`` of ``found``'s text is prose
    (`prose_share`), readability reads the page too, and its article
    replaces ``found`` when its share of prose is ``min_prose_gain`` higher
    and it keeps at least ``min_prose_kept`` of ``found``'s prose (a long
    text of lists and tables is not given up for its introduction). Where
    both hold (a short reading of little prose), either test may replace it.
    """
    total = _token_total(found)
    thin = total < few_words or total < max_share * max(marks.paragraph_tokens, marks.prose_tokens)
    prose = prose_share(found)
    if not thin and prose >= min_prose:
        return found, None
    import readability  # here, not at the top: most pages never need it

    try:
        summary = readability.Document(html).summary(html_partial=True)
    except Exception:  # readability fails on some odd pages: keep trafilatura's reading
        return found, None
    other = segment(BeautifulSoup(summary, "lxml"), _HTML_WALK)
    if thin:
        have, got = _token_counts(found), _token_counts(other)
        held = sum(have.values())
        covered = held < few_words or sum((have & got).values()) >= min_cover * held
        if covered and sum(got.values()) >= min_gain * held:
            return other, other
    if prose < min_prose:
        purer = prose_share(other) >= prose + min_prose_gain
        kept = prose_chars(other) >= min_prose_kept * prose_chars(found)
        if purer and kept:
            return other, other
    return found, other


def prose_share(segments: Sequence[Segment], *, min_chars: int = 60) -> float:
    """The share of the characters of ``segments`` in prose: segments of at
    least ``min_chars`` characters that end a sentence (0 when there is no
    text). Characters, not words: Chinese and Japanese put no space between
    words.

    >>> report = "Heavy rain closed every school in the district on Monday, officials said."
    >>> menu = [Segment("list-item", "Home"), Segment("list-item", "Weather and news")]
    >>> round(prose_share([Segment("paragraph", report), *menu]), 2), prose_share(menu)
    (0.78, 0.0)
    >>> prose_share([Segment("paragraph", "東京都は月曜日、新しい防災計画を発表した。" * 3)])
    1.0
    """
    total = sum(len(s.text) for s in segments)
    return prose_chars(segments, min_chars=min_chars) / total if total else 0.0


def prose_chars(segments: Sequence[Segment], *, min_chars: int = 60) -> int:
    """The characters of ``segments`` in prose, as `prose_share` counts them.

    >>> report = "Heavy rain closed every school in the district on Monday, officials said."
    >>> prose_chars([Segment("paragraph", report), Segment("list-item", "Home")])
    73
    """
    return sum(len(s.text) for s in segments if reads_as_prose(s.text, min_chars=min_chars))


def reads_as_prose(text: str, *, min_chars: int = 60) -> bool:
    """Prose, as the completion counts it: ``min_chars`` characters or more,
    ending a sentence.

    >>> reads_as_prose("Heavy rain closed every school in the district on Monday, officials said.")
    True
    >>> reads_as_prose("Home"), reads_as_prose("Heavy rain closed every school in the district on Monday and")
    (False, False)
    """
    return len(text) >= min_chars and ends_sentence(text)


#: Control characters no page means (C0 but tab, line feed, form feed and
#: carriage return; DEL): libxml2 drops or replaces them depending on its version.
#: (The standard library's engine: several times faster than ``regex`` at this scan.)
_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]+")


def without_controls(html: str) -> str:
    """``html`` without control characters: a repair of damage (a NUL inside
    a heading), the same on every version of trafilatura and lxml.

    >>> without_controls("<h1>Late\\x00 buses\\x1b</h1>")
    '<h1>Late buses</h1>'
    """
    # A NUL is what versions read differently; the scan for the rest only runs with one
    # (the steps remove control characters from every block's text anyway).
    return _CONTROLS.sub("", html) if "\x00" in html else html


def parse_page(html: str) -> HtmlElement | None:
    """The page as an lxml tree, or ``None`` when it is not HTML at all."""
    if not html.strip():
        return None
    import trafilatura  # here, not at the top: text-only use never pays for it

    try:
        return trafilatura.load_html(html)
    except (ValueError, TypeError):
        return None


def _headlines(marks: PageMarks, *, max_words: int = 40) -> list[str]:
    """Texts of the page's ``<h1>`` elements that could be a headline."""
    return [t for t in marks.h1s if 0 < len(words(t)) <= max_words]


def page_title(
    marks: PageMarks,
    meta: dict[str, str],
    body: list[Segment],
    more: Callable[[], dict[str, str]] | None = None,
) -> str | None:
    """The headline as printed on the page.

    That is the first of: an ``<h1>`` (one that does not just name the
    site) that a metadata title (trafilatura's, ``og:title``, ``<title>``)
    agrees with; a heading at the top of the article ``body`` that one
    agrees with; the only ``<h1>``, when the body repeats it; the metadata
    title with the site name cut off; with no metadata title at all, the
    only level-1 heading at the top of ``body``. ``meta`` is trafilatura's metadata, or
    empty when it was not read: then the page's ``og:site_name`` names the
    site, and ``more`` reads trafilatura's metadata only when the last
    choice is reached and the page has no title, or one with a segment to
    cut off (trafilatura knows the site name and cuts a ``<title>`` better).
    """
    site_names = tuple(n for n in (meta.get("sitename") or marks.site_name, meta.get("hostname")) if n)
    names = {_letters(n) for n in site_names if _letters(n)}
    h1s = [h for h in _headlines(marks) if not _names_site(h, names)]
    found = [t for t in (meta.get("title"), marks.og_title, marks.title) if t]
    top = [s.text for s in body[:_TITLE_WITHIN] if s.kind == "heading"]
    for candidates in (h1s, top):
        agreed = [c for c in candidates if any(_agrees(c, t) for t in found)]
        if agreed:
            return agreed[0]
    if len(h1s) == 1 and h1s[0] in top:
        return h1s[0]
    if more is not None and (not found or _TITLE_SEPARATOR.search(found[0])):
        return page_title(marks, more(), body)
    if found:
        return strip_site_name(found[0], site_names)
    # No title anywhere (a page trafilatura could not parse): its one <h1> at the top is.
    top_h1s = [s.text for s in body[:_TITLE_WITHIN] if s.kind == "heading" and s.level == 1]
    return top_h1s[0] if len(top_h1s) == 1 else None


def _agrees(headline: str, title: str, *, min_share: float = 0.5) -> bool:
    """Whether ``title`` holds ``headline``'s words in order and they are
    at least ``min_share`` of its words; punctuation, quote styles and case
    aside.

    >>> _agrees("‘Meth. We’re on it’: ads divided", "'Meth. We're on it': ads divided | Review")
    True
    >>> _agrees("Reviews", "Atkins diet: lose 10 kg in 14 days. Reviews")
    False
    """
    head, whole = _word_key(headline), _word_key(title)
    share = len(head.split()) / max(1, len(whole.split()))
    return share >= min_share and f" {head} " in f" {whole} "


def _word_key(text: str) -> str:
    return " ".join(regex.findall(r"\w+", text.casefold()))


def page_language(marks: PageMarks) -> str | None:
    """The primary language subtag the page declares (``<html lang>``,
    ``content-language``), lowercased: ``en-US`` gives ``en``.

    >>> page_language(PageMarks(declared_language="en-US")), page_language(PageMarks(declared_language="x1"))
    ('en', None)
    """
    declared = marks.declared_language
    if not declared:
        return None
    primary = regex.split(r"[-_,;\s]", declared)[0].casefold()
    return primary if primary.isalpha() and len(primary) <= 8 else None


#: trafilatura's metadata attribute, the `Article.metadata` key it becomes,
#: and how its value is read.
_META_FIELDS: tuple[tuple[str, str, Callable[[str], Any]], ...] = (
    ("author", "authors", lambda v: [a.strip() for a in v.split(";") if a.strip()]),
    ("date", "published", str),
    ("sitename", "site_name", str),
    ("url", "url", str),
    ("description", "description", str),
)


def page_metadata(marks: PageMarks, attrs: dict[str, str], url: str | None) -> dict[str, Any]:
    """What the page says about itself: authors, published date, site name,
    url, description and language, each only when found. ``attrs`` are
    trafilatura's fields (`page_fields`; empty when metadata was not asked
    for); the site name and description fall back on the page's own
    ``<meta>`` marks, which cost nothing more.

    >>> page_metadata(PageMarks(site_name="Daily Star", declared_language="en"), {}, None)
    {'site_name': 'Daily Star', 'language': 'en'}
    """
    found: dict[str, Any] = {}
    value: str | None
    for attr, key, read in _META_FIELDS:
        value = normalize_space(attrs.get(attr) or "")
        if value:
            found[key] = read(value)
    for key, value in (("site_name", marks.site_name), ("description", marks.description)):
        if value and key not in found:
            found[key] = unicodedata.normalize("NFC", value)
    if url:
        found["url"] = url
    language = page_language(marks)
    if language:
        found["language"] = language
    return {k: v for k, v in found.items() if v}


# Page evidence ------------------------------------------------------------------

#: Elements whose content is never text of the page, for the walk that places blocks in it.
_PAGE_SKIPPED = frozenset(
    {
        *("applet", "audio", "canvas", "datalist", "embed", "frame", "frameset", "head", "iframe"),
        *("link", "map", "math", "meta", "noscript", "object", "option", "script", "select", "style"),
        *("svg", "template", "textarea", "title", "video"),
    }
)
_PAGE_WALK = _Walk(
    _HTML_BLOCKS | {"aside", "footer", "form", "header", "menu", "nav"},
    _HTML_KINDS,
    _PAGE_SKIPPED,
    frozenset({"br", "hr"}),
    frozenset({"a"}),
)
#: Words of ``class`` and ``id`` values: runs of letters, split at case changes.
_CLASS_WORD = regex.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
#: How many characters of a block's start place it in the page.
_KEY_CHARS = 24


#: The page's text nodes that hold more than white space, found by libxml2.
_TEXT_NODES = etree.XPath("//text()[normalize-space()][not(parent::script or parent::style)]")


def text_places(tree: HtmlElement) -> dict[str, list[tuple[int, Any]]]:
    """Where each text of the page starts: the first `_KEY_CHARS` characters
    of every text node (spaces collapsed), to the text nodes, with their
    places in document order. One XPath, no walk in Python; the element a
    node sits in is looked up (`block_of`) only for the nodes a block is
    placed at.

    >>> from lxml.html import fromstring
    >>> places = text_places(fromstring("<div><p>One <b>two</b> three</p><ul><li><a>Four</a></li></ul>"))
    >>> sorted((key, [block_of(n).tag for _, n in found]) for key, found in places.items())
    [('Four', ['li']), ('One', ['p']), ('three', ['p']), ('two', ['p'])]
    """
    places: dict[str, list[tuple[int, Any]]] = {}
    # A text() XPath gives lxml's "smart" strings, which know their parent.
    for order, node in enumerate(cast("list[etree._ElementUnicodeResult]", _TEXT_NODES(tree))):
        key = " ".join(node[: 4 * _KEY_CHARS].split())[:_KEY_CHARS].rstrip()
        places.setdefault(key, []).append((order, node))
    return places


def block_of(node: Any) -> Any:
    """The nearest block-level element around a text node (``None`` when it
    is inside a script, a style or another element that is never text)."""
    element = node.getparent()
    if element is not None and node.is_tail:
        element = element.getparent()
    while element is not None and element.tag not in _PAGE_WALK.blocks:
        if element.tag in _PAGE_SKIPPED:
            return None
        element = element.getparent()
    return None if element is None or element.tag in _PAGE_SKIPPED else element


def locate(found: Sequence[Segment], places: dict[str, list[tuple[int, Any]]]) -> list[Any]:
    """For each of ``found``, the block-level element of the page its text
    starts in (``None`` when it is not found: a block whose first words are
    split over elements), the first after the one found before it, so
    repeated text is placed in order.

    >>> from lxml.html import fromstring
    >>> places = text_places(fromstring("<div><p>Menu</p><p>Share</p><h2>Share</h2></div>"))
    >>> [e.tag if e is not None else None for e in locate([Segment("p", "Share")] * 2, places)]
    ['p', 'h2']
    """
    out: list[Any] = []
    last = -1
    for piece in found:
        candidates = places.get(piece.text[:_KEY_CHARS].rstrip()) or _by_first_words(piece.text, places)
        after = _first_after(candidates, last)
        element = None if after is None else block_of(after[1])
        if element is not None and after is not None:
            last = after[0]
        out.append(element)
    return out


def _first_after(candidates: list[tuple[int, Any]], last: int) -> tuple[int, Any] | None:
    """The first of ``candidates`` (in document order) placed after ``last``,
    else the first of all; found by bisection, so a text repeated all over a
    page is not scanned from its start for each repeat (quadratic).

    >>> _first_after([(2, "a"), (5, "b"), (9, "c")], 5), _first_after([(2, "a")], 7), _first_after([], 0)
    ((9, 'c'), (2, 'a'), None)
    """
    at = bisect.bisect_right(candidates, last, key=itemgetter(0))
    if at < len(candidates):
        return candidates[at]
    return candidates[0] if candidates else None


def _by_first_words(text: str, places: dict[str, list[tuple[int, Any]]]) -> list[tuple[int, Any]]:
    """The places of the longest run of ``text``'s first words that a text
    node holds whole (a block that starts "One <b>two</b>" starts in "One")."""
    head = text[:_KEY_CHARS].split(" ")
    for count in range(len(head) - 1, 0, -1):
        found = places.get(" ".join(head[:count]))
        if found:
            return found
    return []


def class_words(elements: Sequence[Any], *, limit: int = CLASS_WORDS) -> tuple[str, ...]:
    """The lowercased words of the ``class`` and ``id`` of ``elements``
    (nearest first), each once, at most ``limit``.

    >>> from lxml.html import fromstring
    >>> class_words([fromstring("<div class='shareBar social-links' id='post_42'></div>")])
    ('share', 'bar', 'social', 'links', 'post')
    """
    seen: dict[str, None] = {}
    for element in elements:
        for value in (element.get("class"), element.get("id")):
            for word in _CLASS_WORD.findall(value or ""):
                seen.setdefault(word.lower(), None)
                if len(seen) >= limit:
                    return tuple(seen)
    return tuple(seen)


@dataclass(frozen=True)
class _Chain:
    """An element and its ancestors as page evidence reads them: the tags,
    nearest first (the element's own, then up to `ANCESTORS` more), how
    deep the element sits, and `class_words` of the chain."""

    tags: tuple[str, ...]
    depth: int
    words: tuple[str, ...]


def _chain(element: Any, known: dict[Any, _Chain]) -> _Chain:
    """``element``'s `_Chain`, from its parent's (remembered in ``known``):
    a page's blocks share most of their ancestors, so each element's class
    and id words are read once per page, not once per block under it.

    >>> from lxml.html import fromstring
    >>> page = fromstring("<div class='story-body'><section id='main'><p class='lead'>x</p></section></div>")
    >>> _chain(page[0][0], {})
    _Chain(tags=('p', 'section', 'div', 'body', 'html'), depth=4, words=('lead', 'main', 'story', 'body'))
    """
    path = []
    node = element
    while node is not None and node not in known:
        path.append(node)
        node = node.getparent()
    above = known.get(node) if node is not None else None
    for node in reversed(path):
        own = class_words([node])
        if above is None:
            above = _Chain((node.tag,), 0, own)
        else:
            merged = dict.fromkeys(own) | dict.fromkeys(above.words)
            above = _Chain((node.tag, *above.tags[:ANCESTORS]), above.depth + 1, tuple(merged)[:CLASS_WORDS])
        known[node] = above
    assert above is not None
    return above


def page_evidence(
    piece: Segment,
    element: Any,
    index: int,
    total: int,
    *,
    trafilatura: bool,
    readability: bool | None,
    known: dict[Any, _Chain] | None = None,
    bold: dict[Any, _BoldLines] | None = None,
) -> PageEvidence:
    """What the page knows about one block (`PageEvidence`); ``element`` is
    the page element it sits in, ``None`` when it could not be placed;
    ``known`` remembers the chains of elements already read on this page,
    ``bold`` their lines, bold or not (`set_in_bold`)."""
    position = index / (total - 1) if total > 1 else 0.0
    if element is None or not isinstance(element.tag, str):
        return PageEvidence(
            piece.linked, index=index, position=position, trafilatura=trafilatura, readability=readability
        )
    chain = _chain(element, {} if known is None else known)
    return PageEvidence(
        linked=piece.linked,
        tag=element.tag,
        ancestors=chain.tags[1 : 1 + ANCESTORS],
        words=chain.words,
        depth=chain.depth,
        index=index,
        position=position,
        trafilatura=trafilatura,
        readability=readability,
        emphasised=set_in_bold(piece.text, element, bold),
    )


#: Inline elements that make their text bold, and a style that does.
_EMPHASIS = frozenset({"b", "strong"})
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|bolder|[6-9]00)", re.IGNORECASE)


def set_in_bold(text: str, element: Any, known: dict[Any, _BoldLines] | None = None) -> bool:
    """Whether ``text``, a block found in ``element``, is one of its lines
    (cut at ``<br>`` and at block elements) that is all inside bold
    (``<b>``, ``<strong>``, a ``font-weight: bold`` style), with no line of
    the same text there that is not: a subheading many pages mark by weight
    alone. Bold set on an element around ``element`` does not count (a page
    set in bold throughout has no subheadings by weight). ``known`` keeps
    each element's lines for the other blocks in it, so a block costs the
    same however many lines the element has.

    >>> from lxml.html import fragment_fromstring as f
    >>> set_in_bold("Who pays the tax?", f("<p><strong>Who pays the <a>tax</a>?</strong><a name=q></a></p>"))
    True
    >>> set_in_bold("You Don't Say", f("<p><a><b>You Don't Say</b></a><br>A headline, Reuters.</p>"))
    True
    >>> set_in_bold("Note: the office is shut.", f("<p><b>Note:</b> the office is shut.</p>"))
    False
    >>> set_in_bold("Tax", f("<p>Tax<br><b>Taxes</b><br><b>Tax</b></p>"))
    False
    """
    cache = {} if known is None else known
    if element not in cache:
        cache[element] = _bold_lines(element)
    wanted = normalize_space(text)
    every, bold = cache[element]
    return bool(wanted) and bold[wanted] > 0 and bold[wanted] == every[wanted]


#: Every line of an element, and its lines that are all bold, each counted.
_BoldLines = tuple[Counter[str], Counter[str]]


def _bold_lines(element: Any) -> _BoldLines:
    """The lines of ``element`` (cut at ``<br>`` and at block elements) and
    those all of whose letters and digits are bold, in one walk."""
    every: Counter[str] = Counter()
    bold: Counter[str] = Counter()
    pieces: list[str] = []
    plain = False  # some text of the line so far is not bold
    depth = 0  # bold elements open around the walk's place

    def add(piece: str | None) -> None:
        nonlocal plain
        if piece:
            pieces.append(piece)
            plain = plain or (depth == 0 and _has_text(piece))

    def cut() -> None:
        nonlocal plain
        line = normalize_space("".join(pieces))
        if line:
            every[line] += 1
            bold[line] += not plain
        pieces.clear()
        plain = False

    for event, node in etree.iterwalk(element, events=("start", "end")):
        tag = node.tag if isinstance(node.tag, str) else None
        apart = tag in _PAGE_WALK.blocks or tag in _PAGE_WALK.breaks
        if event == "start":
            if apart and node is not element:
                cut()
            depth += _bold(node)
            if tag is not None:
                add(node.text)
        else:
            depth -= _bold(node)
            if apart:
                cut()
            if node is not element:
                add(node.tail)
    cut()
    return every, bold


def _bold(element: Any) -> bool:
    if not isinstance(element.tag, str):  # a comment or a processing instruction
        return False
    return element.tag in _EMPHASIS or _BOLD_STYLE.search(element.get("style") or "") is not None


def _has_text(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


#: Elements inside an article's container whose paragraphs are not the article's.
_NOT_RECOVERED = (
    frozenset({"aside", "figcaption", "figure", "footer", "form", "header", "nav"}) | _PAGE_SKIPPED
)


def recover_paragraphs(
    found: list[Segment],
    where: list[Any],
    tree: HtmlElement,
    *,
    min_kept: int = 2,
    min_words: int = 6,
    max_linked: float = 0.5,
) -> tuple[list[Segment], list[Any]]:
    """``found`` (placed at ``where`` in the page) with the paragraphs
    trafilatura left out of the article's own containers put back in page order.

    trafilatura drops some paragraphs of the container it keeps, most often
    the lead ("WASHINGTON - The Pentagon is preparing ...") when it is styled
    apart. A container is the parent of at least ``min_kept`` paragraphs it
    kept; each other ``<p>`` child of it (not one whose class or id marks it
    as a caption, comment, author box, ...) of at least ``min_words`` words
    and at most ``max_linked`` linked comes back, for the steps to weigh
    like any block. Only children: comments and boxes nest deeper. The
    container's twins (`_with_twins`) count as the container.
    """
    parents: Counter[int] = Counter()
    holders = {}
    for element in where:
        if element is not None and element.tag == "p" and (parent := element.getparent()) is not None:
            parents[id(parent)] += 1
            holders[id(parent)] = parent
    containers = _with_twins([holders[key] for key, count in parents.items() if count >= min_kept])
    if not containers:
        return found, where
    kept = {id(e) for e in where if e is not None}
    joined = "\n".join(piece.text for piece in found)
    extra: dict[int, tuple[Any, list[Segment]]] = {}
    for container in containers:
        for paragraph in container.iterchildren("p"):
            if id(paragraph) in kept or id(paragraph) in extra or _set_apart(paragraph):
                continue
            pieces = [
                piece
                for piece in segment(paragraph, _HTML_WALK)
                if len(words(piece.text)) >= min_words
                and piece.linked <= max_linked
                and piece.text not in joined
            ]
            if pieces:
                extra[id(paragraph)] = (paragraph, pieces)
    if not extra:
        return found, where
    return _merged(found, where, list(extra.values()), tree)


def _with_twins(containers: list[Any]) -> list[Any]:
    """``containers`` and their twins: siblings of the same tag and a class
    in common (an article split in two ``<article>``s around an ad, or several
    ``div.body`` of one story), and the like children of their parent's
    twins (``div.body > article`` twice), each once, in order."""
    out: dict[int, Any] = {}
    for container in containers:
        parent = container.getparent()
        uncles = [] if parent is None else _twins(parent)
        for holder in uncles or [parent]:
            for twin in [container] if holder is None else _twins(container, holder):
                out.setdefault(id(twin), twin)
    return list(out.values())


def _twins(element: Any, parent: Any = None) -> list[Any]:
    """The children of ``parent`` (``element``'s own by default) with
    ``element``'s tag and a class in common (or no class, like it)."""
    parent = element.getparent() if parent is None else parent
    if parent is None:
        return [element]
    classes = set((element.get("class") or "").split())
    return [
        c
        for c in parent.iterchildren(element.tag)
        if c is element or (classes & set((c.get("class") or "").split()) if classes else not c.get("class"))
    ]


#: Class and id words of a paragraph that is not the article's own text.
_APART_WORDS = frozenset(
    {"ad", "author", "bio", "caption", "comment", "comments", "credit", "promo", "related", "reply", "share"}
)


def _set_apart(paragraph: Any) -> bool:
    """Whether the page marks ``paragraph`` as something else than the
    article's text (its class or id says caption, comment, author, ...)."""
    return not _APART_WORDS.isdisjoint(class_words([paragraph]))


def _merged(
    found: list[Segment], where: list[Any], extra: list[tuple[Any, list[Segment]]], tree: HtmlElement
) -> tuple[list[Segment], list[Any]]:
    """``found`` and the ``extra`` paragraphs in page order (a block not
    placed in the page keeps its place after the one before it)."""
    order = {id(e): n for n, e in enumerate(tree.iter())}
    items: list[tuple[int, int, Segment, Any]] = []
    at = -1
    for n, (piece, element) in enumerate(zip(found, where, strict=True)):
        at = max(at, order.get(id(element), at)) if element is not None else at
        items.append((at, n, piece, element))
    for paragraph, pieces in extra:
        items.extend((order.get(id(paragraph), at), len(found), piece, paragraph) for piece in pieces)
    items.sort(key=lambda item: (item[0], item[1]))
    return [item[2] for item in items], [item[3] for item in items]


def evidence_of(
    found: Sequence[Segment],
    where: Sequence[Any],
    extracted: Sequence[Segment],
    readable: Sequence[Segment] | None,
) -> list[PageEvidence]:
    """Each block's `PageEvidence`: its place in the page (``where``: the
    element it was found in), whether trafilatura kept it (it is one of
    ``extracted``), whether readability did (its text is in ``readable``;
    ``None`` when readability was not asked)."""
    kept = {piece.text for piece in extracted}
    other = "\n".join(piece.text for piece in readable) if readable is not None else None
    total = len(found)
    known: dict[Any, _Chain] = {}
    bold: dict[Any, _BoldLines] = {}
    return [
        page_evidence(
            piece,
            element,
            index,
            total,
            trafilatura=piece.text in kept,
            readability=None if other is None else piece.text in other,
            known=known,
            bold=bold,
        )
        for index, (piece, element) in enumerate(zip(found, where, strict=True))
    ]


def read_html(
    html: str, *, url: str | None = None, metadata: bool = False
) -> tuple[list[Block], dict[str, Any]]:
    """Blocks of the article in ``html`` (its title first, as a ``title``
    block), each with its `PageEvidence`, and the page's metadata: with
    ``metadata``, all trafilatura reads (authors, published date, ...);
    without, what the page's ``<meta>`` marks say (site name, description,
    language), which costs nothing more.

    ``Block.line`` counts blocks (1-based) in the order the reader found
    them: an HTML page has no lines that survive extraction.

    >>> blocks, meta = read_html("<html lang='en'><body><h1>Floods close schools</h1>"
    ...     "<p>Heavy rain closed every school in the district on Monday, officials said.</p></body></html>")
    >>> [b.kind for b in blocks], blocks[0].text, blocks[1].level, meta
    (['title', 'heading', 'paragraph'], 'Floods close schools', 1, {'language': 'en'})
    >>> blocks[2].page.tag, blocks[2].page.ancestors, blocks[2].page.depth
    ('p', ('body', 'html'), 2)
    """
    html = without_controls(html)
    tree = parse_page(html)
    marks = page_marks(tree)
    extracted = article_segments(tree) if tree is not None else []
    attrs = page_fields(tree, url) if metadata and tree is not None else {}
    places = text_places(tree) if tree is not None else {}
    readable = None
    if len(extracted) <= 1 or tree is None:
        found = _unflattened(extracted, html)
        where = locate(found, places)
    else:
        # Recovery first: with the container's paragraphs back, readability is asked on fewer pages.
        found, where = recover_paragraphs(extracted, locate(extracted, places), tree)
    if tree is not None:
        other, readable = completed(found, marks, html)
        if other is not found:
            found, where = other, locate(other, places)
    in_lists = link_lists(found)
    in_rows = link_rows(found) - in_lists
    evidence = evidence_of(found, where, extracted, readable)
    blocks = [
        Block(
            s.text,
            s.kind,
            reason=RELATED if n - 1 in in_lists else NAVIGATION if n - 1 in in_rows else None,
            line=n,
            level=s.level,
            page=evidence[n - 1],
        )
        for n, s in enumerate(found, start=1)
    ]
    title = page_title(
        marks,
        attrs,
        found,
        None if metadata or tree is None else lambda: title_fields(tree, url),
    )
    if title:
        blocks.insert(0, Block(title, "title", level=1))
    return blocks, page_metadata(marks, attrs, url)
