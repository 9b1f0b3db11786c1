"""The metadata cascade: JSON-LD, then OpenGraph/meta tags, then microdata and visible markup.

Each getter returns candidates best-first; `flows.extract.__init__` decides between them (for
example, a visible headline beats `og:title` when they agree up to a site suffix).
"""

from __future__ import annotations

import functools
import html as htmllib
import json
import re
from typing import Any

from flows.extract.html import Prepared

# NewsArticle, ReportageNewsArticle, AnalysisNewsArticle, BlogPosting, LiveBlogPosting, …
_ARTICLE_TYPES = re.compile(r"\w*Article|\w*BlogPosting|Report|\w*WebPage|Posting|Story", re.I)
_OTHER_DATED = re.compile(r"\w*Article|\w*BlogPosting|Report|WebPage|Posting|Story|ClaimReview", re.I)


def _walk(node: Any, out: list[dict[str, Any]]) -> None:
    if isinstance(node, list):
        for item in node:
            _walk(item, out)
    elif isinstance(node, dict):
        out.append(node)
        for key in ("@graph", "mainEntity", "itemListElement"):
            if key in node:
                _walk(node[key], out)


def _types(node: dict[str, Any]) -> list[str]:
    t = node.get("@type")
    if isinstance(t, list):
        return [str(x) for x in t]
    return [str(t)] if t else []


def _json_in_string(value: str) -> Any:
    """A JSON object a CMS wrote into a string; the string itself when it is not one."""
    try:
        return json.loads(value, strict=False)
    except (ValueError, RecursionError):
        return value


def _text(value: Any) -> str | None:
    if isinstance(value, str):
        value = " ".join(htmllib.unescape(value).split())
        return value or None
    if isinstance(value, dict):
        return _text(value.get("name") or value.get("@value") or value.get("text"))
    if isinstance(value, list) and value:
        return _text(value[0])
    return None


class Meta:
    """Read-only view over one page's metadata sources."""

    def __init__(self, prepared: Prepared) -> None:
        self.tags = prepared.meta
        self.links = prepared.links
        self.title_tag = prepared.title_tag
        self.html_lang = prepared.html_lang
        self.kly = prepared.kly
        nodes: list[dict[str, Any]] = []
        _walk(prepared.jsonld, nodes)
        articles = [n for n in nodes if any(_ARTICLE_TYPES.fullmatch(t) for t in _types(n))]
        # NewsArticle before a generic WebPage
        articles.sort(key=lambda n: 0 if any("Article" in t or "Posting" in t for t in _types(n)) else 1)
        self.ld: dict[str, Any] = articles[0] if articles else {}
        self.ld_nodes = nodes

    def first(self, *keys: str) -> str | None:
        for key in keys:
            for value in self.tags.get(key, ()):
                if value.strip():
                    return " ".join(htmllib.unescape(value).split())
        return None

    def all(self, key: str) -> list[str]:
        return [v for v in self.tags.get(key, ()) if v.strip()]

    def ld_text(self, key: str) -> str | None:
        return _text(self.ld.get(key)) if self.ld else None

    # --- fields -------------------------------------------------------------------------------------
    def is_collection(self) -> bool:
        """The page declares itself a list of other pages (a section front, search results) and no article."""
        return not self.ld and any(t in ("CollectionPage", "SearchResultsPage")
                                   for n in self.ld_nodes for t in _types(n))

    def is_live_blog(self) -> bool:
        return any(t == "LiveBlogPosting" for n in self.ld_nodes for t in _types(n))

    def titles(self) -> list[str]:
        out = [self.ld_text("headline"), self.first("og:title", "twitter:title", "title", "headline"),
               self.ld_text("name")]
        social = self.first("twitter:title")  # a second SEO title may differ from og:title and match the <h1>
        if social and social not in out:
            out.append(social)
        shown = self.ld_text("alternativeHeadline")  # the headline the page shows, where `headline` is for search
        if shown and shown not in out:
            out.append(shown)
        kly = self.kly.get("article", {}).get("title") if isinstance(self.kly.get("article"), dict) else None
        out.insert(0, kly if isinstance(kly, str) else None)
        parsely = self.parsely().get("title")  # Parse.ly's headline, without the SEO title's site parts
        if isinstance(parsely, str) and parsely.strip() and parsely.strip() not in out:
            out.append(" ".join(parsely.split()))
        return [t for t in out if t]

    def description(self) -> str | None:
        return self.first("og:description", "description", "twitter:description") or self.ld_text("description")

    def canonical(self) -> str | None:
        for link in self.links:
            if "canonical" in link.get("rel", "").lower().split():
                return link.get("href")
        return self.first("og:url")

    def publisher_name(self) -> str | None:
        pub = self.ld.get("publisher") if self.ld else None
        return _text(pub)

    def site_name(self) -> str | None:
        pub = self.ld.get("publisher") if self.ld else None
        return self.first("og:site_name", "application-name") or _text(pub)

    def author_entries(self) -> list[tuple[str, str]]:
        """(name, kind) from JSON-LD and meta, best first; kind is "person", "org" or "" (not said).

        JSON-LD authors given as `{"@id": …}` are looked up among the page's other nodes (Yoast graphs).
        """
        out: list[tuple[str, str]] = []
        by_id = {n["@id"]: n for n in self.ld_nodes if isinstance(n.get("@id"), str) and _types(n)}
        for key in ("author", "creator"):
            value = self.ld.get(key) if self.ld else None
            if value is None:
                continue
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, str) and item.lstrip().startswith("{"):
                    item = _json_in_string(item)  # '{ "@type":"Person", "name":"Alice Wu" }' left encoded
                if isinstance(item, dict) and not item.get("name") and isinstance(item.get("@id"), str):
                    item = by_id.get(item["@id"], item)
                name = _text(item)
                if not name:
                    continue
                kinds = _types(item) if isinstance(item, dict) else []
                kind = "person" if "Person" in kinds else "org" if any("Organization" in k for k in kinds) else ""
                out.append((name, kind))
            if out:
                break
        for key in ("author", "article:author", "og:article:author", "article:author_name", "byl", "dc.creator",
                    "sailthru.author", "parsely-author", "cxenseparse:author"):
            for v in self.all(key):
                if not v.startswith(("http", "@")):
                    out.append((" ".join(htmllib.unescape(v).split()), ""))
        parsely = self.parsely()  # Parse.ly's page object: "author" (one name) or "authors" (a list)
        for value in (parsely.get("authors"), parsely.get("author")):
            for v in value if isinstance(value, list) else [value]:
                if isinstance(v, str) and v.strip() and not v.startswith(("http", "@")) \
                        and (" ".join(v.split()), "") not in out:
                    out.append((" ".join(v.split()), ""))
        return out

    def published(self) -> list[str]:
        return [v for _, v in self.published_sources()]

    def published_sources(self) -> list[tuple[str, str]]:
        """(source family, value) of every publication time in the metadata, best first."""
        return self._dated(("datePublished", "dateCreated"), (
            "article:published_time", "article:published", "og:published_time", "og:article:published_time",
            "datepublished", "pubdate", "publishdate", "publish_date", "date_published", "dc.date.created", "date",
            "dc.date", "dc.date.issued", "publish-date", "sailthru.date", "parsely-pub-date", "article.published",
            "dcterms.created", "content_published_time", "published_at", "cxenseparse:recs:publishtime",
            "ptime", "pdate"))

    @functools.cached_property
    def _parsely(self) -> dict[str, Any]:
        raw = self.first("parsely-page")
        if not raw or not raw.startswith("{"):
            return {}
        try:
            value = json.loads(raw)
        except ValueError:
            return {}
        return value if isinstance(value, dict) else {}

    def parsely(self) -> dict[str, Any]:
        """Parse.ly's `parsely-page` meta: one JSON object with the story's title, `pub_date`, authors, section;
        parsed once (titles, authors and dates all ask)."""
        return self._parsely

    def modified_sources(self) -> list[tuple[str, str]]:
        return self._dated(("dateModified",), (
            "article:modified_time", "article:modified", "og:updated_time", "og:article:modified_time",
            "datemodified", "lastmod",
            "last-modified", "date_modified", "dc.date.modified", "article.updated", "dcterms.modified",
            "content_modified_time", "utime"))

    def _dated(self, ld_keys: tuple[str, ...], meta_keys: tuple[str, ...]) -> list[tuple[str, str]]:
        out: list[tuple[str, str]] = []
        for key in ld_keys:
            value = self.ld_text(key)
            if value:
                out.append(("ld", value))
        for key in meta_keys:
            value = self.first(key)
            if value:
                out.append(("meta", value))
        for node in self.ld_nodes:  # other typed nodes (a WebPage beside a day-only Article, a ClaimReview)
            if node is not self.ld and any(_OTHER_DATED.fullmatch(t) for t in _types(node)):
                value = _text(node.get(ld_keys[0]))
                if value:
                    out.append(("ld-other", value))
        return out

    def section(self) -> tuple[str | None, str | None]:
        """(section, subsection); a generic `article:section` ("News", "Article") gives way to the
        numbered ones some CMSs add (`article:section2`, `article:section3`: KLY's channel and category)."""
        sec = self.ld_text("articleSection") if self.ld else None
        sec = sec or self.first("article:section", "section", "category", "parsely-section")
        second = self.first("article:section2")
        if second and (not sec or sec.strip().lower() in ("news", "article", "berita", "home", "artikel")):
            return second, self.first("article:section3")
        return sec, None

    def tags_list(self) -> list[str]:
        tags = self.all("article:tag")
        if not tags:
            kw = self.first("news_keywords", "keywords")
            if kw:
                tags = [t for t in (x.strip() for x in kw.split(",")) if t]
        if not tags and self.ld:
            kw = self.ld.get("keywords")
            if isinstance(kw, str):
                tags = [t.strip() for t in kw.split(",") if t.strip()]
            elif isinstance(kw, list):
                tags = [str(t).strip() for t in kw if str(t).strip() and ":" not in str(t)]
        seen: set[str] = set()
        out = []
        for t in tags:
            if t.lower() not in seen:
                seen.add(t.lower())
                out.append(t)
        return out

    def languages(self) -> list[str | None]:
        return [self.html_lang, self.first("og:locale", "content-language", "language", "dc.language"),
                self.ld_text("inLanguage")]

    def images(self) -> list[str]:
        out = self.all("og:image") + self.all("og:image:url") + self.all("twitter:image")
        img = self.ld.get("image") if self.ld else None
        for item in img if isinstance(img, list) else [img]:
            if isinstance(item, str):
                out.append(item)
            elif isinstance(item, dict) and isinstance(item.get("url"), str):
                out.append(item["url"])
        return out

    def breadcrumbs(self) -> list[str]:
        for node in self.ld_nodes:
            if "BreadcrumbList" in _types(node):
                items = node.get("itemListElement") or []
                names = []
                for it in items if isinstance(items, list) else []:
                    if isinstance(it, dict):
                        names.append(_text(it.get("name")) or _text(it.get("item")))
                return [n for n in names if n]
        return []
