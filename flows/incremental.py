"""Incremental runs: which fetched pages need parsing, and what the crawl state becomes afterwards.

A page is not parsed again when the server answered 304, or when its bytes hash to what was parsed
last time with the same parser version; it then counts as unchanged. State lives in
`core.crawl_state` and is read per batch (and per URL for the fetcher's conditional GETs), never
loaded whole, so memory stays flat however many URLs a source has seen.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

import duckdb
import pyarrow as pa

from flows import schemas
from flows.fetch.state import CrawlState, state_key
from flows.pages import Page
from flows.rawstore import is_ref
from flows.tabulate import ParsedPage, identity_url
from flows.urls import article_id

_COLUMNS = [f.name for f in schemas.CRAWL_STATE]


class CrawlStateLookup(Mapping[str, CrawlState]):
    """Read-only, thread-safe view of `core.crawl_state` for the fetcher's conditional requests."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self._cur = con.cursor()
        self._lock = threading.Lock()

    def __getitem__(self, key: str) -> CrawlState:
        with self._lock:
            rows = self._cur.execute(
                f"SELECT {', '.join(_COLUMNS)} FROM core.crawl_state WHERE url = ?", [key]
            ).fetchall()
        if not rows:
            raise KeyError(key)
        return CrawlState(**dict(zip(_COLUMNS, rows[0], strict=True)))

    def many(self, keys: Iterable[str]) -> dict[str, CrawlState]:
        wanted = pa.table({"url": pa.array(sorted(set(keys)), pa.string())})
        with self._lock:
            self._cur.register("wanted_urls", wanted)
            try:
                rows = self._cur.execute(
                    f"SELECT {', '.join('s.' + c for c in _COLUMNS)} FROM core.crawl_state s "
                    "JOIN wanted_urls USING (url)"
                ).fetchall()
            finally:
                self._cur.unregister("wanted_urls")
        return {r[0]: CrawlState(**dict(zip(_COLUMNS, r, strict=True))) for r in rows}

    def __iter__(self) -> Iterator[str]:  # not needed by the fetcher; kept cheap and honest
        with self._lock:
            return iter([r[0] for r in self._cur.execute("SELECT url FROM core.crawl_state").fetchall()])

    def __len__(self) -> int:
        with self._lock:
            return self._cur.execute("SELECT count(*) FROM core.crawl_state").fetchall()[0][0]

    def __bool__(self) -> bool:  # an empty table is still the state to use, not "no state"
        return True

    def close(self) -> None:
        self._cur.close()


def content_sha256(page: Page) -> str | None:
    if is_ref(page.raw_ref):
        return page.raw_ref
    if page.content is None:
        return None
    return hashlib.sha256(page.content).hexdigest()


@dataclass(slots=True)
class Triage:
    """A batch split into pages to parse and pages known unchanged (with their article ids)."""

    to_parse: list[Page] = field(default_factory=list)
    unchanged_ids: list[str] = field(default_factory=list)
    unchanged_state: list[CrawlState] = field(default_factory=list)


def triage(pages: Sequence[Page], known: Mapping[str, CrawlState], parser_version: str, *,
           force: bool = False) -> Triage:
    out = Triage()
    for page in pages:
        prior = known.get(state_key(page.url)) if page.url else None
        sha = content_sha256(page)
        same_bytes = page.ok and prior is not None and prior.content_sha256 == sha
        if (not force and prior is not None and prior.article_id and prior.parser_version == parser_version
                and (page.not_modified or same_bytes)):
            out.unchanged_ids.append(prior.article_id)
            out.unchanged_state.append(CrawlState(
                url=prior.url, etag=page.etag or prior.etag, last_modified=page.last_modified or prior.last_modified,
                content_sha256=prior.content_sha256, fetched_at=page.fetched_at or prior.fetched_at,
                status=page.status or prior.status, article_id=prior.article_id,
                parser_version=prior.parser_version))
        else:
            out.to_parse.append(page)
    return out


def state_table(pages: Sequence[Page], parsed: Sequence[ParsedPage], unchanged: Sequence[CrawlState]) -> pa.Table:
    """Crawl-state rows to upsert: pages that became articles, and pages found unchanged."""
    rows: dict[str, CrawlState] = {s.url: s for s in unchanged}
    for page, result in zip(pages, parsed, strict=True):
        art = result.article
        ident = identity_url(art) if art is not None else None
        if art is None or ident is None or not page.url:
            continue
        key = state_key(page.url)
        rows[key] = CrawlState(url=key, etag=page.etag, last_modified=page.last_modified,
                               content_sha256=content_sha256(page), fetched_at=page.fetched_at,
                               status=page.status, article_id=article_id(ident),
                               parser_version=art.parser_version)
    return pa.table({c: [getattr(r, c) for r in rows.values()] for c in _COLUMNS}, schema=schemas.CRAWL_STATE)
