"""`sitemap` sources: XML sitemaps and sitemap indexes (recursively, gzip or not), news sitemaps,
and the sitemaps a site's robots.txt lists.

Parsing streams with lxml.iterparse and frees each element after use, so a 50,000-URL sitemap is
never a tree in memory; child sitemaps are loaded only when the consumer wants more candidates.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from urllib.parse import urljoin

from lxml import etree

from flows.pages import Candidate
from flows.sources.context import Context, DiscoveryFailed
from flows.sources.dates import day_of, parse_when
from flows.urls import canonicalize, is_http_url, redact

MAX_DEPTH = 4  # index -> index -> ... -> urlset; deeper is a loop or a broken site


def discover_sitemaps(ctx: Context) -> Iterator[Candidate]:
    seen: set[str] = set()
    for location in ctx.source.sitemaps:
        yield from _walk(ctx, location, 0, seen)
    for root in ctx.source.robots_sitemaps:
        yield from _walk_robots(ctx, root, seen)


def _walk_robots(ctx: Context, root: str, seen: set[str]) -> Iterator[Candidate]:
    if not is_http_url(root):
        ctx.reject("bad_url", f"robots_sitemaps entry is not an http(s) site root: {root!r}", root)
        return
    robots = ctx.client.robots.for_url(urljoin(root, "/robots.txt"))
    if not robots.reachable:
        ctx.reject("robots_unavailable", f"{redact(root)}: {robots.detail}", urljoin(root, "/robots.txt"))
        return
    if not robots.sitemaps:
        where = urljoin(root, "/robots.txt")
        ctx.reject("no_sitemaps", f"{redact(where)} lists no Sitemap: lines", where)
        return
    for location in robots.sitemaps:
        yield from _walk(ctx, location, 0, seen)


def _walk(ctx: Context, location: str, depth: int, seen: set[str]) -> Iterator[Candidate]:
    key = canonicalize(location) if is_http_url(location) else location
    if key in seen:
        return
    seen.add(key)
    if depth > MAX_DEPTH:
        detail = f"{redact(location)} is nested more than {MAX_DEPTH} indexes deep"
        ctx.reject("sitemap_too_deep", detail, location)
        return
    try:
        data = ctx.load(location)
        for kind, fields in _entries(data, location):
            if kind == "sitemap":
                child = fields.get("loc")
                # a child sitemap last changed before the window cannot hold pages inside it
                if child and not (ctx.since and (day := day_of(fields.get("lastmod"))) and day < ctx.since):
                    yield from _walk(ctx, child, depth + 1, seen)
            else:
                candidate = _candidate(ctx, fields, location)
                if candidate is not None:
                    yield candidate
    except DiscoveryFailed as exc:
        ctx.reject(exc.reason, f"sitemap {redact(location)}: {exc.detail}", location)


def _candidate(ctx: Context, fields: dict[str, str], location: str) -> Candidate | None:
    loc = fields.get("loc")
    if not loc:
        return None
    url = urljoin(location, loc) if is_http_url(location) else loc
    if not is_http_url(url):
        return None
    hints: dict[str, object] = {"sitemap": location}
    for name in ("lastmod", "publication_date"):
        when = parse_when(fields.get(name))
        if when is not None:
            hints["published" if name == "publication_date" else "lastmod"] = when
    if fields.get("title"):
        hints["title"] = fields["title"]
    if fields.get("keywords"):
        hints["keywords"] = [k.strip() for k in fields["keywords"].split(",") if k.strip()]
    return Candidate(source=ctx.source.name, url=url, hints=hints)


def _entries(data: bytes, location: str) -> Iterator[tuple[str, dict[str, str]]]:
    """("url" | "sitemap", {local-name: text}) per entry; news:news children are flattened in."""
    parser = etree.iterparse(
        io.BytesIO(data), events=("start", "end"), resolve_entities=False, no_network=True, load_dtd=False,
    )
    depth = 0
    try:
        for event, elem in parser:
            if event == "start":
                if depth == 0:
                    root = _local(elem)
                    if root not in ("urlset", "sitemapindex"):
                        detail = f"root element <{root}> is not a sitemap"
                        raise DiscoveryFailed("bad_sitemap", detail, location)
                depth += 1
                continue
            depth -= 1
            if depth != 1:
                continue
            name = _local(elem)
            if name in ("url", "sitemap"):
                fields: dict[str, str] = {}
                for child in elem:
                    local = _local(child)
                    nested = child.iter() if local == "news" else (child,)
                    for node in nested:
                        text = (node.text or "").strip()
                        if text and _local(node) != "news":
                            fields.setdefault(_local(node), text)
                yield name, fields
            elem.clear()  # free what has been read: memory stays flat however long the sitemap is
            parent = elem.getparent()
            while parent is not None and elem.getprevious() is not None:
                del parent[0]
    except etree.XMLSyntaxError as exc:
        raise DiscoveryFailed("bad_sitemap", f"not well-formed XML: {exc}", location) from None
    if depth == 0 and not data.strip():
        raise DiscoveryFailed("bad_sitemap", "empty document", location)


def _local(elem: etree._Element) -> str:
    return etree.QName(elem).localname if isinstance(elem.tag, str) else ""
