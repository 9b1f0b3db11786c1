"""Re-parsing archived pages with the current parser, without any network access.

A parser improvement should reach old articles: this flow reads the raw bytes each article (and,
optionally, each page that failed to parse) was loaded from — the content-addressed raw archive for
fetched pages, the file itself for local sources — and sends them through the same parse and load
steps as an ingest run, forcing a parse even where the bytes are unchanged.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import duckdb
from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run

from flows import load
from flows.config import Settings, load_settings
from flows.database import open_etl
from flows.incremental import CrawlStateLookup
from flows.ingest import RunSummary, SourceReport, _load_pages, batched, publish, summary_markdown
from flows.pages import Page
from flows.parallel_parse import hints_for, parser_pool
from flows.rawstore import RawStore, RawStoreError

FLOW_NAME = "warta-reparse"


@dataclass(frozen=True, slots=True)
class Archived:
    source: str
    url: str
    raw_ref: str
    seen_at: datetime | None = None  # first fetched: "2 jam yang lalu" counts from then


@dataclass(slots=True)
class _StoreHolder:
    """What `_load_pages` needs of a fetcher: the raw archive (no HTTP client here)."""

    store: RawStore


def archived_pages(con: duckdb.DuckDBPyConnection, *, sites: list[str] | None, since: date | None,
                   until: date | None, limit: int | None, report_timezone: str,
                   include_rejected: bool = True) -> Iterator[Archived]:
    """Current articles (and parse rejects never loaded since) with a raw pointer, ordered by source."""
    where, params = ["a.raw_ref IS NOT NULL"], []
    if sites:
        where.append("a.site IN (SELECT unnest(?::VARCHAR[]))")
        params.append(sites)
    if since:
        where.append("CAST(timezone(?, a.published_at) AS DATE) >= ?")
        params += [report_timezone, since]
    if until:
        where.append("CAST(timezone(?, a.published_at) AS DATE) <= ?")
        params += [report_timezone, until]
    query = ("SELECT a.source, coalesce(a.url, a.canonical_url), a.raw_ref, a.first_seen_at FROM core.articles a "
             f"WHERE {' AND '.join(where)}")
    if include_rejected and not (sites or since or until):
        # Pages the parser once gave up on are what a parser fix most often rescues.
        query += (
            " UNION SELECT r.source, r.url, r.raw_ref, NULL FROM core.rejects r WHERE r.stage = 'parse' "
            "AND r.raw_ref IS NOT NULL AND NOT EXISTS (SELECT 1 FROM core.articles a2 WHERE a2.raw_ref = r.raw_ref)"
        )
    query = f"SELECT * FROM ({query}) ORDER BY 1, 2" + (" LIMIT ?" if limit else "")
    if limit:
        params.append(limit)
    cur = con.cursor()
    try:
        result = cur.execute(query, params)
        while rows := result.fetchmany(1000):
            for source, url, raw_ref, seen_at in rows:
                yield Archived(source or "archive", url or "", raw_ref, seen_at)
    finally:
        cur.close()


def _read(item: Archived, store: RawStore) -> Page:
    page = Page(source=item.source, url=item.url, raw_ref=item.raw_ref, fetched_at=datetime.now(UTC),
                reference_at=item.seen_at)
    try:
        page.content = store.get(item.raw_ref)
    except RawStoreError as exc:
        page.error_stage, page.error_reason, page.error_detail = "read", "raw_missing", str(exc)
    return page


def reparse_fn(settings: Settings, con: duckdb.DuckDBPyConnection, pool: Any, run_id: str, *,
               sites: list[str] | None, since: date | None, until: date | None,
               limit: int | None) -> list[SourceReport]:
    store = RawStore(settings.warehouse.raw_dir)
    holder = _StoreHolder(store)
    known_sources = {s.name: s for s in settings.sources}
    reports: dict[str, SourceReport] = {}
    items = archived_pages(con, sites=sites, since=since, until=until, limit=limit,
                           report_timezone=settings.warehouse.report_timezone)
    states = CrawlStateLookup(con)
    try:
        for chunk in batched(items, settings.run.batch_size):
            by_source: dict[str, list[Archived]] = {}
            for item in chunk:
                by_source.setdefault(item.source, []).append(item)
            for source, group in by_source.items():
                cfg = known_sources.get(source)
                hints = hints_for(source, cfg, settings.run)
                report = reports.setdefault(source, SourceReport(source))
                started = time.perf_counter()
                pages = [_read(i, store) for i in group]
                report.found += len(pages)
                _load_pages(pages, [], holder, states, con, pool, hints, run_id, report, True)  # type: ignore[arg-type]
                report.seconds += time.perf_counter() - started
    finally:
        states.close()
    return list(reports.values())


@task(name="reparse-archive", cache_policy=NO_CACHE)
def reparse_task(settings: Settings, con: duckdb.DuckDBPyConnection, pool: Any, run_id: str, **kw: Any
                 ) -> list[SourceReport]:
    return reparse_fn(settings, con, pool, run_id, **kw)


def run_reparse(settings: Settings, *, sites: list[str] | None = None, since: date | None = None,
                until: date | None = None, limit: int | None = None) -> RunSummary:
    from flows.runlock import run_lock

    log = get_run_logger()
    run_id = str(flow_run.get_id() or uuid.uuid4())
    started_at = datetime.now(UTC)
    t0 = time.perf_counter()
    wh = settings.warehouse
    parameters = {"sites": sites, "since": since, "until": until, "limit": limit}
    with run_lock(wh.path, wait=settings.run.lock_wait):
        with open_etl(wh) as con:
            load.mark_abandoned_runs(con, started_at)
            load.start_run(con, run_id, flow_run_id=flow_run.get_id(), flow_name=FLOW_NAME,
                           parameters=parameters, sources=[], started_at=started_at)
            status, error = "succeeded", None
            with parser_pool(settings.run.workers, timeout=settings.run.parse_timeout) as pool:
                try:
                    reports = reparse_task(settings, con, pool, run_id, sites=sites, since=since, until=until,
                                           limit=limit)
                except Exception as exc:
                    log.error("reparse failed: %s: %s", type(exc).__name__, exc)
                    reports, status, error = [], "failed", f"{type(exc).__name__}: {exc}"
            summary = RunSummary(run_id, status, reports, time.perf_counter() - t0, error=error)
            load.finish_run(con, run_id, status=status, counts=summary.totals(), error=error,
                            stats={"sources": [r.source for r in reports]}, finished_at=datetime.now(UTC))
            con.execute("CHECKPOINT")
        if status == "succeeded":
            summary.published = publish(settings)
    summary.seconds = time.perf_counter() - t0
    return summary


@flow(name=FLOW_NAME, description="Re-parse archived pages with the current parser; no network access.")
def reparse(sites: list[str] | None = None, since: date | None = None, until: date | None = None,
            limit: int | None = None) -> dict[str, Any]:
    """Re-parse what the warehouse holds, from the raw archive.

    Args:
        sites: only articles of these sites (e.g. liputan6.com); empty means all, plus earlier parse rejects.
        since: only articles published on or after this local day.
        until: only articles published on or before this local day.
        limit: at most this many pages.
    """
    settings = load_settings()
    summary = run_reparse(settings, sites=sites, since=since, until=until, limit=limit)
    create_markdown_artifact(key="reparse-summary", markdown=summary_markdown(summary),
                             description=f"warta reparse run {summary.run_id}")
    if summary.status != "succeeded":
        raise RuntimeError(summary.error or "reparse failed")
    return summary.to_dict()
