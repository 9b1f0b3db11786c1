"""`feed` sources: RSS and Atom feeds through feedparser; each entry's link, date and title become hints."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urljoin

import feedparser

from flows.pages import Candidate
from flows.sources.context import Context, DiscoveryFailed
from flows.sources.dates import parse_when
from flows.urls import is_http_url, redact


def discover_feeds(ctx: Context) -> Iterator[Candidate]:
    for feed_url in ctx.source.feeds:
        try:
            data = ctx.load(feed_url)
        except DiscoveryFailed as exc:
            ctx.reject(exc.reason, f"feed {redact(feed_url)}: {exc.detail}", feed_url)
            continue
        parsed = feedparser.parse(data, response_headers={"content-location": feed_url})
        if not parsed.entries and (parsed.bozo or not parsed.version):
            why = parsed.get("bozo_exception") or "no entries and not a recognisable RSS/Atom document"
            ctx.reject("bad_feed", f"feed {redact(feed_url)}: {why}", feed_url)
            continue
        for entry in parsed.entries:
            link = _entry_link(entry, feed_url)
            if not link:
                continue
            hints: dict[str, object] = {"feed": feed_url}
            # the entry's own text keeps its UTC offset (the local day); feedparser's parsed form is UTC
            published = (
                parse_when(entry.get("published") or entry.get("updated"))
                or parse_when(entry.get("published_parsed") or entry.get("updated_parsed"))
            )
            if published is not None:
                hints["published"] = published
            if entry.get("title"):
                hints["title"] = entry["title"]
            terms = [t.get("term") for t in entry.get("tags", []) if t.get("term")]
            if terms:
                hints["keywords"] = terms
            yield Candidate(source=ctx.source.name, url=link, hints=hints)


def _entry_link(entry: feedparser.FeedParserDict, feed_url: str) -> str | None:
    candidates = [entry.get("link")] + [
        link.get("href") for link in entry.get("links", []) if link.get("rel", "alternate") == "alternate"
    ]
    if entry.get("id", "").startswith(("http://", "https://")):
        candidates.append(entry["id"])
    for link in candidates:
        if link:
            absolute = urljoin(feed_url, link.strip())
            if is_http_url(absolute):
                return absolute
    return None
