"""The ingest flow: discover → read/fetch → parse → load → publish, one Prefect task per source.

The flow and tasks stay thin: the work happens in plain functions (discovery, fetching, parsing,
tabulating, loading) that are tested without Prefect.
"""

from __future__ import annotations

import time
import uuid
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from itertools import islice
from typing import Any

import duckdb
from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run

from flows import load
from flows.config import Settings, SourceConfig, load_settings
from flows.database import open_warehouse
from flows.extract import PARSER_VERSION
from flows.fetch import Fetcher
from flows.fetch.state import state_key
from flows.incremental import CrawlStateLookup, state_table, triage
from flows.pages import Page
from flows.parallel_parse import ParseHints, parse_page, parse_pages, parser_pool
from flows.publish import publish_snapshot
from flows.runlock import run_lock
from flows.sources import discover
from flows.tabulate import Reject, rejects_table, tabulate

FLOW_NAME = "warta-ingest"


@dataclass(slots=True)
class SourceReport:
    source: str
    found: int = 0
    parsed: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    batches: int = 0
    seconds: float = 0.0
    error: str | None = None
    reject_reasons: dict[str, int] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=lambda: {"fetch": 0.0, "parse": 0.0, "load": 0.0})


@dataclass(slots=True)
class RunSummary:
    run_id: str
    status: str
    sources: list[SourceReport]
    seconds: float
    published: str | None = None
    error: str | None = None

    def totals(self) -> dict[str, int]:
        keys = ("found", "parsed", "new", "updated", "unchanged", "rejected")
        return {k: sum(getattr(s, k) for s in self.sources) for k in keys}

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["totals"] = self.totals()
        return data


def batched(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def ingest_source_fn(source: SourceConfig, settings: Settings, con: duckdb.DuckDBPyConnection, pool: Any,
                     run_id: str, *, limit: int | None = None, since: date | None = None,
                     until: date | None = None, reparse: bool = False) -> SourceReport:
    """Stream one source through fetch, parse and load in bounded batches (one transaction each).

    Pages whose bytes (or a 304) show them unchanged since the last parse are not parsed again,
    unless `reparse` forces it.
    """
    report = SourceReport(source.name)
    started = time.perf_counter()
    hints = ParseHints(source.name, source.site, source.language, source.timezone)
    discovery_failures: list[Page] = []
    states = CrawlStateLookup(con)
    try:
        with Fetcher(settings, states) as fetcher:
            candidates = discover(source, settings, limit=limit, since=since, until=until,
                                  on_reject=discovery_failures.append, client=fetcher.client)
            pages_iter = iter(fetcher.fetch_all(candidates))
            while True:
                t0 = time.perf_counter()
                pages = list(islice(pages_iter, settings.run.batch_size))
                report.timings["fetch"] += time.perf_counter() - t0
                # Failed feeds/sitemaps ride along with the next batch (or an empty last one) as rejects.
                failed, discovery_failures[:] = list(discovery_failures), []
                if not pages and not failed:
                    break
                report.found += len(pages)
                _load_pages(pages, failed, fetcher, states, con, pool, hints, run_id, report, reparse)
                if not pages:
                    break
    finally:
        states.close()
    report.seconds = time.perf_counter() - started
    return report


def _load_pages(pages: list[Page], failed: list[Page], fetcher: Fetcher, states: CrawlStateLookup,
                con: duckdb.DuckDBPyConnection, pool: Any, hints: ParseHints, run_id: str, report: SourceReport,
                reparse: bool) -> None:
    t1 = time.perf_counter()
    known = states.many(state_key(p.url) for p in pages if p.url)
    plan = triage(pages, known, PARSER_VERSION, force=reparse)
    for page in plan.to_parse:
        if page.not_modified and page.raw_ref:  # a 304 for a page never loaded: parse the archived bytes
            page.content, page.not_modified = fetcher.store.get(page.raw_ref), False
    parsed = parse_pages(plan.to_parse, hints, pool)
    t2 = time.perf_counter()
    state = state_table(plan.to_parse, parsed, plan.unchanged_state)
    batch = tabulate(parsed + [parse_page(p, hints) for p in failed], run_id)
    result = load.load_batch(con, batch, run_id, refresh_derived=reparse, seen_ids=plan.unchanged_ids,
                             crawl_state=state)
    report.timings["parse"] += t2 - t1
    report.timings["load"] += time.perf_counter() - t2
    report.batches += 1
    report.parsed += batch.articles.num_rows
    report.new += result.new
    report.updated += result.updated
    report.unchanged += result.unchanged
    report.rejected += result.rejected
    for stage, reason in zip(batch.rejects.column("stage").to_pylist(), batch.rejects.column("reason").to_pylist(),
                             strict=True):
        key = f"{stage}:{reason}"
        report.reject_reasons[key] = report.reject_reasons.get(key, 0) + 1


ingest_source = task(name="ingest-source", cache_policy=NO_CACHE, task_run_name="ingest-{source.name}")(
    ingest_source_fn
)


@task(name="publish", cache_policy=NO_CACHE)
def publish(settings: Settings) -> str:
    size = publish_snapshot(settings.warehouse.path, settings.warehouse.published_path)
    get_run_logger().info("published %s (%.1f MB)", settings.warehouse.published_path, size / 1e6)
    return str(settings.warehouse.published_path)


def _ingest_sources(con: duckdb.DuckDBPyConnection, settings: Settings, selected: list[SourceConfig], run_id: str,
                    started_at: datetime, parameters: dict[str, Any], log: Any, *, limit: int | None,
                    since: date | None, until: date | None, reparse: bool) -> RunSummary:
    t0 = time.perf_counter()
    crashed = load.mark_abandoned_runs(con, started_at)
    if crashed:
        log.warning("%d earlier run(s) had been left running by a killed process; marked 'crashed'", crashed)
    load.start_run(con, run_id, flow_run_id=flow_run.get_id(), flow_name=FLOW_NAME, parameters=parameters,
                   sources=[s.name for s in selected], started_at=started_at)
    reports: list[SourceReport] = []
    status, error = "succeeded", None
    with parser_pool(settings.run.workers) as pool:
        for src in selected:
            try:
                rep = ingest_source(src, settings, con, pool, run_id, limit=limit, since=since, until=until,
                                    reparse=reparse)
            except Exception as exc:
                log.error("source %s failed: %s: %s", src.name, type(exc).__name__, exc)
                rep = SourceReport(src.name, error=f"{type(exc).__name__}: {exc}")
                load.insert_rejects(con, rejects_table(
                    [Reject(src.name, None, "source", "source_failed", rep.error or "")], run_id, started_at))
                rep.rejected += 1
                status, error = "failed", f"source {src.name}: {rep.error}"
            reports.append(rep)
            log.info("%s: found %d, parsed %d, new %d, updated %d, unchanged %d, rejected %d", rep.source,
                     rep.found, rep.parsed, rep.new, rep.updated, rep.unchanged, rep.rejected)
    summary = RunSummary(run_id, status, reports, time.perf_counter() - t0, error=error)
    load.finish_run(con, run_id, status=status, counts=summary.totals(), error=error,
                    stats={"sources": [_report_stats(r) for r in reports]}, finished_at=datetime.now(UTC))
    return summary


def run_ingest(settings: Settings, *, sources: list[str] | None = None, limit: int | None = None,
               since: date | None = None, until: date | None = None, reparse: bool = False,
               logger: Any = None) -> RunSummary:
    """The body of the flow; callable without Prefect's engine only through `ingest.fn` in tests."""
    log = logger or get_run_logger()
    selected = settings.selected_sources(sources)
    run_id = str(flow_run.get_id() or uuid.uuid4())
    started_at = datetime.now(UTC)
    t0 = time.perf_counter()
    parameters = {"sources": sources, "limit": limit, "since": since, "until": until, "reparse": reparse}
    wh = settings.warehouse
    with run_lock(wh.path, wait=settings.run.lock_wait):
        with open_warehouse(wh.path, report_timezone=wh.report_timezone, compatibility=wh.compatibility) as con:
            summary = _ingest_sources(con, settings, selected, run_id, started_at, parameters, log,
                                      limit=limit, since=since, until=until, reparse=reparse)
            summary.seconds = time.perf_counter() - t0
            con.execute("CHECKPOINT")
        # Published after the connection is closed and still under the run lock: a complete file, one writer.
        try:
            summary.published = publish(settings)
        except OSError as exc:
            summary.status, summary.error = "failed", f"publish failed: {exc}"
            with open_warehouse(wh.path, report_timezone=wh.report_timezone) as con:
                con.execute("UPDATE core.runs SET status = ?, error = ? WHERE run_id = ?",
                            [summary.status, summary.error, run_id])
    summary.seconds = time.perf_counter() - t0
    return summary


@flow(name=FLOW_NAME, description="Ingest news articles from the configured sources into the DuckDB warehouse.")
def ingest(sources: list[str] | None = None, limit: int | None = None, since: date | None = None,
           until: date | None = None, reparse: bool = False) -> dict[str, Any]:
    """Ingest the named sources (default: every enabled source).

    Args:
        sources: source names from config/warta.toml; empty means every enabled source.
        limit: at most this many pages per source.
        since: skip pages whose date hint is earlier than this day.
        until: skip pages whose date hint is later than this day.
        reparse: parse every page again even when its bytes are unchanged (after a parser upgrade).
    """
    settings = load_settings()
    summary = run_ingest(settings, sources=sources, limit=limit, since=since, until=until, reparse=reparse)
    create_markdown_artifact(key="ingest-summary", markdown=summary_markdown(summary),
                             description=f"warta ingest run {summary.run_id}")
    if summary.status != "succeeded":
        raise RuntimeError(summary.error or "run failed")
    return summary.to_dict()


def summary_markdown(summary: RunSummary) -> str:
    lines = [
        f"# warta ingest: {summary.status}",
        "",
        f"Run `{summary.run_id}` took {summary.seconds:.1f} s; snapshot: `{summary.published}`.",
        "",
        "| source | found | parsed | new | updated | unchanged | rejected | fetch s | parse s | load s |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in summary.sources:
        lines.append(
            f"| {r.source} | {r.found} | {r.parsed} | {r.new} | {r.updated} | {r.unchanged} | {r.rejected} "
            f"| {r.timings['fetch']:.2f} | {r.timings['parse']:.2f} | {r.timings['load']:.2f} |"
        )
    reasons: Counter[str] = Counter()
    for r in summary.sources:
        reasons.update(r.reject_reasons)
    if reasons:
        lines += ["", "## Rejects", "", "| stage:reason | pages |", "|---|---:|"]
        lines += [f"| {k} | {v} |" for k, v in reasons.most_common(20)]
    errors = [r for r in summary.sources if r.error]
    if errors:
        lines += ["", "## Failed sources", ""] + [f"- **{r.source}**: {r.error}" for r in errors]
    return "\n".join(lines)


def _report_stats(r: SourceReport) -> dict[str, Any]:
    return {"source": r.source, "batches": r.batches, "seconds": round(r.seconds, 3), "error": r.error,
            "timings": {k: round(v, 3) for k, v in r.timings.items()}, "reject_reasons": dict(r.reject_reasons)}
