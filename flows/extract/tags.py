"""Tags: the topic links a page shows under its article, else the keywords its metadata declares.

Readers and editors see the visible list ("Tag: Wanita Cantik, Penemuan Ilmiah"); the keywords meta is
often site-wide SEO filler or the description chopped into single words, so it only counts when the page
shows no list and it reads like a list.
"""

from __future__ import annotations

import re

from bs4 import Tag

from flows.extract.body import class_marker
from flows.extract.html import element_text

# a link to a topic page: /tag/x, /tags/x, /topik/x, /topic/1033/x, /label/x, /ragam/tag-populer/x.html
_TAG_PATH = re.compile(
    r"/(?:tags?|topi[ck]s?|topik|labels?|keywords?|kata-?kunci|schlagworte?|etiquetas?|themen|tag-[\w-]+|[\w-]+-tags?)"
    r"(?:/|$)",
    re.IGNORECASE,
)
# where a site lists its own running topics, not this article's: sidebars, "Topik Pilihan", trending bars
_SITE_WIDE = re.compile(
    r"sidebar|side-bar|(?<![a-z])(?:aside|widget|rail|header|masthead|menu|footer)(?![a-z])|popular|populer|"
    r"trending|pilihan|hot-?topic|most-",
    re.IGNORECASE,
)
# the heading of such a list: "Topik Pilihan", "Trending Topics", "Populer", "Most read"
_SITE_WIDE_HEADING = re.compile(r"pilihan|populer|popular|trending|terpopuler|hot|most|terhangat|favorit|hari ini",
                                re.IGNORECASE)


def _tag_link(a: Tag) -> bool:
    rel = a.get("rel") or ""
    if "tag" in (rel if isinstance(rel, list) else rel.split()):
        return True
    href = (a.get("href") or "").split("?", 1)[0].split("#", 1)[0]
    return bool(href) and bool(_TAG_PATH.search(href)) and 1 <= len(element_text(a)) <= 60


def _in_prose(a: Tag) -> bool:
    """A keyword linked inside a sentence of the article, not an entry of a tag list."""
    node = a.parent
    while node is not None and node.name not in ("p", "li", "div", "td", "dd"):
        node = node.parent
    if node is None or node.name != "p":
        return False
    own = len(element_text(a))
    return len(element_text(node)) > 3 * own + 40


def _site_wide(a: Tag) -> bool:
    node = a.parent
    depth = 0
    while node is not None and node.name not in ("body", "html"):
        if _SITE_WIDE.search(class_marker(node)):
            return True
        if depth < 4:  # a heading just before the list names it
            head = node.find_previous_sibling()
            if head is not None and len(element_text(head)) <= 40 and _SITE_WIDE_HEADING.search(element_text(head)):
                return True
        node = node.parent
        depth += 1
    return False


def visible_tags(links: list[tuple[Tag, int]], headline_at: int | None) -> list[str]:
    """The first list of topic links after the headline (without a headline: only `rel=tag` links).
    `links`: candidate links in document order with the number of text blocks before each."""
    first: Tag | None = None
    for el, at in links:
        if headline_at is None and "tag" not in str(el.get("rel") or ""):
            continue
        if headline_at is not None and at < headline_at:
            continue
        if _tag_link(el) and not _in_prose(el) and not _site_wide(el):
            first = el
            break
    if first is None:
        return []
    # widen to the list holding it while what is added is tag links too
    box: Tag = first
    for _ in range(5):
        parent = box.parent
        if parent is None or parent.name in ("body", "html", "article", "main"):
            break
        links = parent.find_all("a")
        tagged = [a for a in links if _tag_link(a)]
        tagged_len = sum(len(element_text(a)) for a in tagged)
        if len(tagged) < 0.8 * len(links) or len(element_text(parent)) > 2 * tagged_len + 40:
            break
        box = parent
    anchors = [box] if box.name == "a" else [a for a in box.find_all("a") if _tag_link(a)]
    out: list[str] = []
    seen: set[str] = set()
    for a in anchors:
        name = element_text(a).lstrip("#").strip()
        if name and name.lower() not in seen:
            seen.add(name.lower())
            out.append(name)
    return out


# a site's own SEO words in every page's keywords: "berita terkini", "portal Indonesia", "breaking news"
_NEWS_WORD = re.compile(r"^(?:berita|news|kabar|portal|situs|noticias|nachrichten|actualités|info)$", re.IGNORECASE)


def keyword_list(values: list[str], prose: str) -> list[str]:
    """Declared keywords as tags, without the site's SEO filler and without the part that is a sentence
    chopped into words ("Karirnya, bertahan, selama, 28, tahun" repeats the description word by word)."""
    low = prose.lower()
    for i in range(len(values) - 3):
        run = values[i : i + 4]
        if all(" " not in v for v in run) and " ".join(run).lower() in low:
            values = values[:i]
            break
    out = []
    for v in values:
        words = v.split()
        if len(words) <= 3 and (_NEWS_WORD.match(words[0]) or _NEWS_WORD.match(words[-1])):
            continue
        out.append(v)
    return out


# a label a tag list prints before its first entry ("Filed to: innovation", "Tags: EV")
_LABEL = re.compile(r"^(?:filed (?:to|under)|tags?|topics?|topik|label|kata kunci|keywords?|schlagworte?)\s*:\s*",
                    re.IGNORECASE)
# a CMS's internal codes: "channel_other", "type_news", "@hp-top-stories"
_INTERNAL = re.compile(r"^(?:@.*|[a-z0-9]+(?:_[a-z0-9]+)+)$")


def clean_tags(values: list[str]) -> list[str]:
    """Tags as readers know them: a list packed into one value is split (";", or "," when it is the only
    value: "Elections, Governors" is one of many tags), labels and CMS codes dropped, single characters and
    punctuation left out, each tag once."""
    out: list[str] = []
    seen: set[str] = set()
    packed = r"\s*[;,]\s*" if len(values) == 1 else r"\s*;\s*"
    for value in values:
        parts = re.split(packed, value)
        for part in parts:
            tag = _LABEL.sub("", " ".join(part.split())).strip(" #\"'“”")
            if (len(tag) < 2 and tag.isascii()) or not any(c.isalnum() for c in tag) or _INTERNAL.match(tag):
                continue
            if tag.lower() not in seen:
                seen.add(tag.lower())
                out.append(tag)
    return out
