"""What the fetcher remembers about a URL between runs, so the next fetch can be conditional.

The flow persists these rows in a `crawl_state` table (one row per canonical URL, upserted) and hands
them back to `Fetcher(state=...)`; an unchanged page then costs a 304 and no bytes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

import pyarrow as pa

from flows.pages import Page
from flows.rawstore import is_ref
from flows.schemas import CRAWL_STATE
from flows.urls import canonicalize, is_http_url

CRAWL_STATE_SCHEMA = CRAWL_STATE  # the `core.crawl_state` table, defined once in flows.schemas


@dataclass(frozen=True, slots=True)
class CrawlState:
    url: str
    etag: str | None = None
    last_modified: str | None = None
    content_sha256: str | None = None
    fetched_at: datetime | None = None
    status: int | None = None
    article_id: str | None = None
    parser_version: str | None = None


def state_key(url: str) -> str:
    """The crawl_state key for a requested URL."""
    return canonicalize(url)


def conditional_headers(state: CrawlState | None) -> dict[str, str]:
    """If-None-Match / If-Modified-Since for a URL fetched before (nothing if we lack the bytes' ref)."""
    if state is None or not state.content_sha256:
        return {}
    headers = {}
    if state.etag:
        headers["If-None-Match"] = state.etag
    if state.last_modified:
        headers["If-Modified-Since"] = state.last_modified
    return headers


def state_of(page: Page) -> CrawlState | None:
    """The row to upsert for a fetched page: only successful HTTP fetches (200 or 304) update state.

    Failures leave the previous row alone, so a transient 500 does not throw away a good ETag.
    """
    if not is_http_url(page.url) or page.status is None or page.error_reason is not None:
        return None
    if not (page.ok or page.not_modified):
        return None
    sha = page.raw_ref if is_ref(page.raw_ref) else None
    return CrawlState(
        url=state_key(page.url),
        etag=page.etag,
        last_modified=page.last_modified,
        content_sha256=sha,
        fetched_at=page.fetched_at,
        status=page.status,
    )


def state_rows(pages: Iterable[Page]) -> pa.Table:
    """An Arrow table (CRAWL_STATE_SCHEMA) of the state rows for these pages, last one per URL wins."""
    latest: dict[str, CrawlState] = {}
    for page in pages:
        row = state_of(page)
        if row is not None:
            latest[row.url] = row
    cols = {f.name: [getattr(r, f.name) for r in latest.values()] for f in CRAWL_STATE_SCHEMA}
    return pa.table(cols, schema=CRAWL_STATE_SCHEMA)


def state_from_table(table: pa.Table | Iterable[Mapping[str, object]]) -> dict[str, CrawlState]:
    """The mapping `Fetcher(state=...)` takes, from a crawl_state table (or rows as dicts)."""
    rows = table.to_pylist() if isinstance(table, pa.Table) else table
    out: dict[str, CrawlState] = {}
    for row in rows:
        values = {f.name: row.get(f.name) for f in CRAWL_STATE_SCHEMA}
        out[str(values["url"])] = CrawlState(**values)  # type: ignore[arg-type]
    return out
