"""Discovery: from a configured source to a lazy stream of `Candidate`s.

`discover` dispatches on `SourceConfig.kind`, then applies what every kind shares: include/exclude
regexes, the since/until window (where a date hint exists), de-duplication by article identity, and
the page cap. A discovery document that fails (a feed that 404s, a broken sitemap, a missing WARC)
never stops the run: it yields nothing and is reported through `on_reject` as a
`Page(error_stage="discover", error_reason=..., error_detail=...)`, ready to become a `rejects` row.

Candidate hints (all optional): `published` (datetime: feed entry date, news:publication_date),
`lastmod` (datetime, sitemap), `title`, `keywords` (list[str]), `feed` / `sitemap` (the document it
came from), and for WARC records `content_type`, `http_status`, `fetched_at` (WARC-Date),
`warc_file`, `warc_offset`; for files `manifest_url` (bool).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from datetime import date
from itertools import islice

from flows.config import Settings, SourceConfig
from flows.fetch.http import PoliteClient
from flows.pages import Candidate, Page
from flows.sources.context import Context, DiscoveryFailed
from flows.sources.dates import day_of, in_window
from flows.sources.feeds import discover_feeds
from flows.sources.files import discover_files
from flows.sources.sitemaps import discover_sitemaps
from flows.sources.urllist import discover_urls
from flows.sources.warc import discover_warc
from flows.urls import identity_key

log = logging.getLogger(__name__)

KINDS: dict[str, Callable[[Context], Iterator[Candidate]]] = {
    "files": discover_files,
    "urls": discover_urls,
    "feed": discover_feeds,
    "sitemap": discover_sitemaps,
    "warc": discover_warc,
}

__all__ = ["KINDS", "DiscoveryFailed", "discover"]


def discover(
    source: SourceConfig,
    settings: Settings,
    *,
    limit: int | None = None,
    since: date | None = None,
    until: date | None = None,
    on_reject: Callable[[Page], None] | None = None,
    client: PoliteClient | None = None,
) -> Iterator[Candidate]:
    """Candidates of one source, lazily.

    `limit` and `source.max_pages` cap the count (None or 0 = no cap; the smaller wins). `since`/`until`
    (inclusive dates) override the source's own window. `on_reject` receives one Page per failed
    discovery document (default: log a warning). Pass `client=fetcher.client` so discovery requests
    (feeds, sitemaps, robots.txt) share the fetcher's per-host pacing and robots cache; without it a
    private client is opened and closed here.
    """
    if source.kind not in KINDS:
        raise ValueError(f"unknown source kind {source.kind!r} for source {source.name!r}")
    caps = [n for n in (limit, source.max_pages) if n]
    cap = min(caps) if caps else None
    report = on_reject or _log_reject
    own_client = client is None
    http = client or PoliteClient(settings.http)
    ctx = Context(source, settings, http, report, since or source.since, until or source.until)
    try:
        stream = _filtered(ctx, KINDS[source.kind](ctx))
        yield from (islice(stream, cap) if cap is not None else stream)
    finally:
        if own_client:
            http.close()


def _filtered(ctx: Context, candidates: Iterator[Candidate]) -> Iterator[Candidate]:
    include = [re.compile(p) for p in ctx.source.include]
    exclude = [re.compile(p) for p in ctx.source.exclude]
    seen: set[str] = set()
    for candidate in candidates:
        target = candidate.url or (candidate.path.as_posix() if candidate.path else "")
        if include and not any(p.search(target) for p in include):
            continue
        if any(p.search(target) for p in exclude):
            continue
        day = day_of(candidate.hints.get("published") or candidate.hints.get("lastmod"))
        if not in_window(day, ctx.since, ctx.until):
            continue
        key = identity_key(candidate.url) if candidate.url else f"path:{candidate.path}"
        if key in seen:
            continue
        seen.add(key)
        yield candidate


def _log_reject(page: Page) -> None:
    log.warning("discovery failed for source %s: %s: %s", page.source, page.error_reason, page.error_detail)
