"""Bytes to a small BeautifulSoup tree: decode, pull scripts' data out, prune, parse once.

Building the tree is the expensive step (BeautifulSoup costs ~35 ms on a raw 174 KB page), and most of
its cost is markup the extractor never reads: scripts, styles, inline SVG, comments and the `<head>`.
So the data we need from those parts (JSON-LD, KLY `window.kmklabs.*` objects, meta tags, `<title>`,
canonical link, `html[lang]`) is read with regular expressions first, and the bytes are cut before
BeautifulSoup sees them.
"""

from __future__ import annotations

import codecs
import html as htmllib
import json
import re
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from bs4 import BeautifulSoup, Tag, XMLParsedAsHTMLWarning
from bs4.builder import LXMLTreeBuilder
from bs4.element import AttributeDict

from flows.errors import PageRejected

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([a-zA-Z0-9_:.\-]+)""", re.IGNORECASE
)
_BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b", b"RIFF", b"\x00\x00")
_HTML_SIGN = re.compile(r"<(?:!doctype\s+html|html|head|body|title|meta|p|div|article|h1|span|br)\b", re.IGNORECASE)

_TAG = re.compile(r"<[^>]*>")  # any tag, for the text of a piece of markup read by regex
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
# A picture a lazy loader fills in by script often exists in the markup only as its <noscript> fallback;
# it is kept as `<img data-noscript>` and read only for a figure that has no other picture.
_NOSCRIPT_IMG = re.compile(r"<noscript\b[^>]*>\s*(<img\b[^>]*>)\s*(?:</img>\s*)?</noscript\s*>", re.IGNORECASE)
# A gallery a script builds slide by slide can keep all its pictures only in a <noscript> fallback: that block is
# read like a <div> when it holds several pictures and little else (captions, no "enable JavaScript" notice).
_NOSCRIPT_BLOCK = re.compile(r"<noscript\b[^>]*>(.*?)</noscript\s*>", re.IGNORECASE | re.DOTALL)


def _noscript_gallery(m: re.Match[str]) -> str:
    inner = m.group(1)
    pictures = len(re.findall(r"<img\b", inner, re.IGNORECASE))
    if pictures < 2 or re.search(r"<(?:iframe|script|form)\b", inner, re.IGNORECASE):
        return m.group(0)
    words = len(_TAG.sub(" ", inner).split())
    return f"<div data-noscript-gallery>{inner}</div>" if words <= 12 * pictures else m.group(0)

# Whitespace-only text between block-level tags becomes a node BeautifulSoup pays for and we never read.
_BLOCK_GAP = re.compile(
    r"(<(?:/?(?:div|p|ul|ol|li|table|tbody|thead|tr|td|th|section|article|header|figure|figcaption|h[1-6]|"
    r"form|main|dl|dt|dd|blockquote|br|hr|meta|link)\b[^>]*)>)\s+(?=<)",
    re.IGNORECASE,
)
# attributes nothing reads, dropped before parsing; a `style` that hides the element leaves ` hidden` behind
_NOISE_ATTR = re.compile(
    r"\s(?:(style)|on[a-z]+|data-(?:cache-[\w-]+|component[\w-]*|gtm[\w-]*|track[\w-]*|ga[\w-]*))\s*=\s*"
    r"(?:\"([^\"]*)\"|'([^']*)')",
    re.IGNORECASE,
)
_HIDING = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_STYLE_SIZE = re.compile(r"(?<![\w-])(width|height)\s*:\s*(\d{2,4})(?:\.\d+)?px")


def _noise(m: re.Match[str]) -> str:
    if m.group(1):
        value = m.group(2) if m.group(2) is not None else m.group(3)
        if _HIDING.search(value):
            return " hidden"
        if "px" in value and len(sides := dict(_STYLE_SIZE.findall(value.lower()))) == 2:
            return f' data-box="{sides["width"]}x{sides["height"]}"'  # the size a style sets ("width:564px")
    return ""


_XML_ROOT = re.compile(r"\s*<\?xml\b[^>]*>\s*(?:<!--.*?-->\s*)*<(?:rss|feed|urlset|sitemapindex|rdf:RDF)\b",
                       re.IGNORECASE | re.DOTALL)
_HEAD = re.compile(r"<head\b[^>]*>.*?</head\s*>", re.IGNORECASE | re.DOTALL)
_META_TAG = re.compile(r"<meta\b([^>]*)>", re.IGNORECASE)
_BODY_TAG = re.compile(r"<body\b", re.IGNORECASE)
_LINK_TAG = re.compile(r"<link\b([^>]*)>", re.IGNORECASE)
_ATTR = re.compile(r"""([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
_TITLE = re.compile(r"<title\b[^>]*>(.*?)</title\s*>", re.IGNORECASE | re.DOTALL)
_HTML_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([a-zA-Z]{2,3}(?:[-_][a-zA-Z0-9]+)?)", re.IGNORECASE)
_KLY_OBJECT = re.compile(r"window\.kmklabs\.(\w+)\s*=\s*(\{)")


@dataclass(slots=True)
class Prepared:
    """What the cheap regex pass found, plus the pruned markup handed to BeautifulSoup."""

    text: str
    meta: dict[str, list[str]] = field(default_factory=dict)
    links: list[dict[str, str]] = field(default_factory=list)
    jsonld: list[Any] = field(default_factory=list)
    kly: dict[str, dict[str, Any]] = field(default_factory=dict)
    title_tag: str | None = None
    html_lang: str | None = None


_SINGLE_BYTE = frozenset(codecs.lookup(n).name for n in (
    "cp1252", "latin-1", "iso-8859-2", "iso-8859-15", "cp1250", "cp1251", "cp1253", "cp1254", "cp1256", "cp1257",
    "koi8-r", "iso-8859-5", "iso-8859-7", "iso-8859-9"))


def decode(data: bytes | str) -> str:
    """Text of a page: BOM, then a declared `<meta charset>`, then UTF-8, then charset detection.

    A single-byte label (ISO-8859-1, windows-1252 …) on bytes that are valid UTF-8 with non-ASCII
    characters is a stale label: the bytes are read as UTF-8."""
    if isinstance(data, str):
        if not data.strip():
            raise PageRejected("empty", "no content")
        # Lone surrogates (from a bad upstream decode) cannot reach lxml; each becomes U+FFFD.
        return data.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    if not data or not data.strip():
        raise PageRejected("empty", "no bytes")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    head = data[:2048]
    if head.startswith(_BINARY_MAGIC) or b"\x00" in head:
        raise PageRejected("not_html", "binary content")
    declared = _META_CHARSET.search(data[:8192])
    if declared:
        name = declared.group(1).decode("ascii", "ignore").lower()
        try:
            codecs.lookup(name)
        except LookupError:
            name = ""
        if name:
            if name in ("iso-8859-1", "latin-1", "us-ascii", "ascii"):
                name = "cp1252"  # what browsers actually do with these labels
            if codecs.lookup(name).name in _SINGLE_BYTE and not data.isascii():
                # a page saved again as UTF-8 keeps its old label; legacy text is almost never valid UTF-8
                try:
                    return data.decode("utf-8")
                except UnicodeDecodeError:
                    pass
            try:
                return data.decode(name)
            except UnicodeDecodeError:
                pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        raise PageRejected("undecodable", "no character encoding fits the bytes")
    return data.decode(best.encoding, errors="replace")


def attrs_of(fragment: str) -> dict[str, str]:
    """Attributes of one start tag's inside, lower-cased names, entities decoded."""
    out: dict[str, str] = {}
    for m in _ATTR.finditer(fragment):
        value = m.group(2) if m.group(2) is not None else m.group(3) if m.group(3) is not None else m.group(4)
        out.setdefault(m.group(1).lower(), htmllib.unescape(value or ""))
    return out


def _balanced_object(text: str, start: int) -> str | None:
    """The `{...}` starting at `start`, respecting strings; None when unbalanced."""
    depth = 0
    in_str: str | None = None
    escape = False
    for i in range(start, min(len(text), start + 500_000)):
        ch = text[i]
        if in_str:
            if escape:
                escape = False
            elif ch == "\\":
                escape = True
            elif ch == in_str:
                in_str = None
        elif ch in "\"'":
            in_str = ch
        elif ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                return text[start : i + 1]
    return None


_TRAILING_COMMA = re.compile(r",\s*([\]}])")


def _read_script(attrs: str, body: str, prepared: Prepared) -> None:
    if "ld+json" in attrs.lower():
        raw = body.strip()
        if raw.startswith("<!--"):
            raw = raw[4:].rsplit("-->", 1)[0]
        if raw.startswith("<![CDATA["):  # XHTML habit of some WordPress schema plugins
            raw = raw[9:].rsplit("]]>", 1)[0]
        try:
            prepared.jsonld.append(json.loads(raw, strict=False))
        except RecursionError:  # hostile nesting: metadata from this block is not worth a crash
            return
        except ValueError:
            # trailing commas ("[..., ]") and two objects glued together are common: mend, keep the first object
            obj = _balanced_object(raw, raw.find("{")) or raw
            for candidate in (obj, _TRAILING_COMMA.sub(r"\1", obj)):
                try:
                    prepared.jsonld.append(json.loads(candidate, strict=False))
                    break
                except (ValueError, RecursionError):
                    continue
        return
    if "kmklabs" in body:
        for m in _KLY_OBJECT.finditer(body):
            obj = _balanced_object(body, m.start(2))
            if not obj:
                continue
            try:
                prepared.kly[m.group(1)] = json.loads(obj, strict=False)
            except (ValueError, RecursionError):
                continue


_PRUNE_START = re.compile(
    r"<(?:(script)|(style|svg|noscript|template|math|nav|select|button|iframe|aside|footer|object|video|audio|"
    r"canvas))\b|<!--",
    re.IGNORECASE,
)
_CLOSERS: dict[str, re.Pattern[str]] = {}
# class words of an element that signs the article; the walker reads bylines by them too
# the heading tags, h1 to h6: the walker types blocks by them and the caption finder skips boxes holding them
HEADING_NAMES = ("h1", "h2", "h3", "h4", "h5", "h6")
BYLINE_WORDS = (r"byline|author|autor|auteur|penulis|reporter|writer|contributor|agency|agentur|signature|"
                r"(?<![a-z])submitted")
# an article's own footer that signs it ("<footer class=article-author>", "(Agenturen) | Stand: …")
_SIGNED_FOOTER = re.compile(rf"""(?:class|itemprop|rel)\s*=\s*["'][^"']*(?:{BYLINE_WORDS})""", re.IGNORECASE)
# a post's own unmarked footer that signs it ("<footer><p>Posted by Alon Zakai.</p></footer>"), not the site's
_POSTED_BY = re.compile(r">\s*(?:posted|written|published|geschrieben|verfasst) (?:by|von)\s+\w", re.IGNORECASE)
_SITE_FOOTER = re.compile(r"site|page|global|main|footer|bottom", re.IGNORECASE)
# an aside that is the story's: a picture box set in the text (`aside.trb_embed[data-content-type=image]`),
# or a rail that opens with the article's byline ("By David Fear"), read with its tags taken out
_PICTURE_BOX = re.compile(r"""(?:class|data-content-type)\s*=\s*["'][^"']*\b(?:image|photo|figure|picture)""",
                          re.IGNORECASE)
_BYLINE_LABEL = r"^\s*(?i:by|von|par|por|oleh|door)"
_BYLINE_FIRST = re.compile(rf"{_BYLINE_LABEL}\s+[A-ZÀ-Þ][\w'’.-]+\s+[A-ZÀ-Þ]")
_SIGNED = re.compile(rf"{_BYLINE_LABEL}\s*:?\s+\w")  # any name after the label, in any case ("von dpa")
_FIGURE_TAG = re.compile(r"<(?:figure|img)\b", re.IGNORECASE)
# an element classed for a date whose text is one ("<li class="content__meta__date">19.07.2022</li>")
_DATE_ITEM = re.compile(r"""class\s*=\s*["'][^"']*date[^"']*["'][^>]*>\s*(?:[^\W\d]{2,12}[.,]?\s+)?"""
                        r"""\d{1,4}[./-]\s?\d{1,2}[./-]\s?\d{2,4}\s*<""", re.IGNORECASE)
# an aside that holds the article's own author or date microdata (a byline column beside the text)
_ARTICLE_MICRODATA = re.compile(r"""itemprop\s*=\s*["'](?:author|datePublished)["']""", re.IGNORECASE)


# SimpleReach's analytics object states the story's publication instant: `__reach_config = {… date: '…'`
_REACH_DATE = re.compile(r"""__reach_config\s*=\s*\{[^}]*?\bdate\s*:\s*['"]([^'"]{10,40})['"]""")

# WordPress.com and Jetpack stats name the blog's UTC offset in hours: `_stq.push(['view', {… tz: '-5' …`,
# `_tkq.push(['storeContext', {… 'blog_tz':'-5' …`
_BLOG_TZ = re.compile(r"""(?:\btz|['"]blog_tz['"])\s*:\s*['"](-?\d{1,2}(?:\.\d{1,2})?)['"]""")


# a data layer's publication and modification stamps side by side (`"publishDate":"2015-04-16T20:02:01+00:00",
# "modifiedDate":"…"`; `&quot;modifiedDate&quot;:1418826991279,&quot;publicationDate&quot;:1418754420000` in a
# component's attribute), ISO or epoch milliseconds
_DATA_KEY = r"(publishDate|publicationDate|publishedDate|modifiedDate)(?:&quot;|\")\s*:\s*(?:&quot;|\")?"
_DATA_VALUE = r"(\d{13}|\d{4}-\d\d-\d\d[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)"
_DATA_PAIR = re.compile(rf"{_DATA_KEY}{_DATA_VALUE}(?:&quot;|\")?\s*,\s*(?:&quot;|\"){_DATA_KEY}{_DATA_VALUE}")


def _read_page_data(attrs: str, body: str, prepared: Prepared) -> None:
    """A script that carries page data (JSON-LD, KLY's page objects, SimpleReach's date) is read; any other
    is not."""
    if body and ("ld+json" in attrs.lower() or "kmklabs" in body):
        _read_script(attrs, body, prepared)
    elif body and "__reach_config" in body and (m := _REACH_DATE.search(body)):
        prepared.meta.setdefault("simplereach:date", []).append(m.group(1))
    elif body and ("_stq" in body or "_tkq" in body) and (m := _BLOG_TZ.search(body)):
        prepared.meta.setdefault("wordpress:tz", []).append(m.group(1))


_PAGE_DATA_HINT = re.compile(r"ld\+json|LD\+JSON|kmklabs|__reach_config|_stq|_tkq")


def _read_scripts_in(markup: str, prepared: Prepared) -> None:
    """The page data in the scripts of an element that goes whole (a footer's stats script, JSON-LD in an
    aside)."""
    if _PAGE_DATA_HINT.search(markup):
        for m in _SCRIPT.finditer(markup):
            _read_page_data(m.group(1), m.group(2), prepared)


def _prune(text: str, prepared: Prepared) -> str:
    """The markup without comments and the elements nobody reads (scripts, styles, nav, iframes ...), in one
    scan that jumps from an opening tag to its closing tag; JSON-LD and KLY data are read from the scripts
    on the way. An element left open is kept, as a regex would leave it."""
    out: list[str] = []
    pos = kept = 0
    while (m := _PRUNE_START.search(text, pos)) is not None:
        if m.group(1) is None and m.group(2) is None:  # <!-- comment -->
            close = text.find("-->", m.end())
            if close < 0:
                pos = m.end()
                continue
            end = close + 3
            _read_scripts_in(text[m.end() : close], prepared)
        else:
            name = (m.group(1) or m.group(2)).lower()
            gt = text.find(">", m.end())
            closer = _CLOSERS.get(name) or _CLOSERS.setdefault(name, re.compile(rf"</{name}\s*>", re.IGNORECASE))
            close_m = closer.search(text, gt + 1) if gt >= 0 else None
            if close_m is None:
                pos = m.end()
                continue
            size = close_m.start() - gt
            if name == "footer" and ((size < 20_000 and _SIGNED_FOOTER.search(text, gt, close_m.start())) or (
                    size < 2_000 and not _SITE_FOOTER.search(text, m.end(), gt)
                    and _POSTED_BY.search(text, gt, close_m.start()))):
                pos = gt + 1  # kept: its byline is read like any other; its scripts and svgs still go
                continue
            if name == "aside" and size < 1_500 and _ARTICLE_MICRODATA.search(text, gt, close_m.start()):
                pos = gt + 1  # a small aside holding the article's own author or date microdata: its byline
                continue
            if name == "aside" and size < 6_000 and _PICTURE_BOX.search(text, m.end(), gt) \
                    and _FIGURE_TAG.search(text, gt, close_m.start()) and "<aside" not in text[gt:close_m.start()] \
                    and len(_TAG.sub("", text[gt + 1 : close_m.start()])) < 800:
                pos = gt + 1  # an embedded picture set as an aside ("aside.trb_embed[data-content-type=image]")
                continue
            if name == "aside" and size < 6_000 and (_DATE_ITEM.search(text, gt, close_m.start()) or _SIGNED.match(
                    _TAG.sub(" ", text[gt + 1 : gt + 1_200]))) \
                    and len(_TAG.sub(" ", text[gt + 1 : close_m.start()]).split()) <= 40:
                pos = gt + 1  # a short meta column beside the text: its one visible date, or its byline ("von dpa,
                continue  # unserer Redaktion"), is the article's
            if name == "aside" and _BYLINE_FIRST.match(_TAG.sub(" ", text[gt + 1 : gt + 600])):
                pos = gt + 1  # a rail beside the text that opens with the article's byline ("By David Fear")
                continue
            if m.group(1):  # a script: JSON-LD and KLY page data are read before it goes
                _read_page_data(text[m.end() : gt], text[gt + 1 : close_m.start()], prepared)
            else:  # JSON-LD inside a footer, an aside or a noscript still describes the page
                _read_scripts_in(text[gt + 1 : close_m.start()], prepared)
            end = close_m.end()
        out.append(text[kept : m.start()])
        out.append(" ")
        kept = pos = end
    out.append(text[kept:])
    return "".join(out)


def prepare(text: str) -> Prepared:
    """Read scripts, meta, links and title with regexes; return the markup without the parts we skip."""
    prepared = Prepared(text="")
    if "<noscript" in text or "<NOSCRIPT" in text:
        text = _NOSCRIPT_IMG.sub(lambda m: "<img data-noscript " + m.group(1)[4:], text)
        text = _NOSCRIPT_BLOCK.sub(_noscript_gallery, text)
    if "odifiedDate" in text:  # a data layer's pair of stamps, in a script or a component's JSON attribute
        for m in _DATA_PAIR.finditer(text):
            first_mod = m.group(1) == "modifiedDate"
            if first_mod != (m.group(3) == "modifiedDate"):
                pub, mod = (m.group(4), m.group(2)) if first_mod else (m.group(2), m.group(4))
                prepared.meta.setdefault("datalayer:dates", []).append(f"{pub}|{mod}")
    pruned = _prune(text, prepared)
    if not _HTML_SIGN.search(pruned):
        raise PageRejected("not_html", "no HTML markup")
    if _XML_ROOT.match(pruned) and not re.search(r"<html\b", pruned[:5000], re.IGNORECASE):
        raise PageRejected("not_html", "an XML document (feed or sitemap), not a page")
    body_at = _BODY_TAG.search(pruned)
    for m in _META_TAG.finditer(pruned):
        a = attrs_of(m.group(1))
        if body_at is not None and m.start() > body_at.start() and a.get("itemprop", "").startswith("date") and not (
                a.get("property") or a.get("name")):
            continue  # a date in the body's microdata belongs to its item (a reader's review): read with its scope
        key = a.get("property") or a.get("name") or a.get("itemprop") or a.get("http-equiv")
        # `value` where `content` belongs: pages saved by Mercury/Postlight's parser rename the attribute
        value = a["content"] if "content" in a else a.get("value")
        if key and value is not None:
            prepared.meta.setdefault(key.strip().lower(), []).append(value.strip())
    for m in _LINK_TAG.finditer(pruned):
        a = attrs_of(m.group(1))
        if "rel" in a and "href" in a:
            prepared.links.append(a)
    title = _TITLE.search(pruned)
    if title:
        prepared.title_tag = " ".join(htmllib.unescape(_TAG.sub(" ", title.group(1))).split()) or None
    lang = _HTML_LANG.search(pruned[:5000])
    if lang:
        prepared.html_lang = lang.group(1)
    body = _HEAD.sub(" ", pruned, count=1)
    if _P_IN_HEADING.search(body):  # lxml would close the heading at the <p> and leave it empty
        body = _P_IN_HEADING.sub(r"\1\3\4", body)
    prepared.text = _NOISE_ATTR.sub(_noise, _BLOCK_GAP.sub(r"\1", body))
    return prepared


# a heading whose text a CMS wrapped in a paragraph: "<h1 class=title><p>Headline</p> </h1>"
_P_IN_HEADING = re.compile(r"(<h([1-6])\b[^>]*>)\s*<p\b[^>]*>((?:(?!</?(?:p|h[1-6])\b).){1,600}?)</p>\s*(</h\2\s*>)",
                           re.IGNORECASE | re.DOTALL)


def element_text(el: Tag | None) -> str:
    """An element's text as one line, words apart: how every rule compares what a reader sees."""
    return " ".join(el.get_text(" ").split()) if el is not None else ""


_INLINE_ONLY = frozenset(["a", "span", "b", "strong", "em", "i", "u", "small", "abbr", "cite", "time", "font"])


def inline_text(el: Tag) -> str:
    """The text of an element holding only inline markup, its pieces joined as the page joins them: a name
    whose last letter a template wraps for spacing ("Watercutte<span>r</span>") stays one word."""
    if any(d.name not in _INLINE_ONLY for d in el.find_all(True)):
        return element_text(el)
    return " ".join(el.get_text("").split())


class _HtmlTreeBuilder(LXMLTreeBuilder):
    """BeautifulSoup's lxml builder without its XML namespace bookkeeping, which an HTML parse never needs.

    libxml2's HTML parser reports no namespaces, yet the stock builder copies every tag's attributes twice
    to look for them, through a dict whose item setter is Python; a fifth of the tree's build time. Tags
    and attributes reach the tree as the stock builder would put them there (a test compares the trees)."""

    def start(self, tag: str | bytes, attrib: dict[Any, Any], nsmap: dict[Any, Any] | None = None) -> None:
        if nsmap or any(key[:1] == "{" for key in attrib):  # never from the HTML parser; the stock path if so
            super().start(tag, attrib, nsmap or {})
            return
        assert self.soup is not None
        self.soup.handle_starttag(str(tag), None, None, attrib, namespaces=self.active_namespace_prefixes[-1])

    def end(self, tag: str | bytes) -> None:
        if len(self.nsmaps) > 1:
            super().end(tag)
            return
        assert self.soup is not None
        self.soup.endData()
        self.soup.handle_endtag(str(tag), None)


def tags_where(root: Tag, attr: str, test: Callable[[str], object], limit: int) -> list[Tag]:
    """The first `limit` elements under `root` whose `attr` passes `test`, in document order: one plain pass
    over the tree, a quarter of the time bs4's `find_all(attrs=…)` takes for the same search."""
    found: list[Tag] = []
    for el in root.descendants:
        if el.__class__ is Tag and (value := el.attrs.get(attr)) is not None and test(value):
            found.append(el)
            if len(found) >= limit:
                break
    return found


def make_soup(markup: str) -> BeautifulSoup:
    """One lxml-built tree over the pruned markup (multi-valued attributes stay strings: rules read
    `class` as text)."""
    builder = _HtmlTreeBuilder(multi_valued_attributes=None, attribute_dict_class=AttributeDict)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        return BeautifulSoup(markup, builder=builder)
