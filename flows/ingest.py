"""The ingest flow: discover → read/fetch → parse → load → publish, one Prefect task per source.

The flow and tasks stay thin: the work happens in plain functions (discovery, fetching, parsing,
tabulating, loading) that are tested without Prefect.
"""

from __future__ import annotations

import shutil
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
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run

from flows import load
from flows import quality as dq
from flows.config import Settings, SourceConfig, load_settings
from flows.database import open_etl
from flows.extract import PARSER_VERSION
from flows.fetch import Fetcher
from flows.fetch.state import state_key
from flows.incremental import CrawlStateLookup, state_table, triage
from flows.pages import Page
from flows.parallel_parse import ParseHints, hints_for, parse_page, parse_pages, parser_pool
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
    quality: list[dq.CheckResult] = field(default_factory=list)
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        """The run (or, for a dry run, the run it rehearsed) would leave a good warehouse."""
        return self.status in ("succeeded", "dry-run")

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
    hints = hints_for(source.name, source, settings.run)
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
    with parser_pool(settings.run.workers, timeout=settings.run.parse_timeout) as pool:
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
    _check_quality(con, settings, summary, log)
    load.finish_run(con, run_id, status=summary.status, counts=summary.totals(), error=summary.error,
                    stats={"sources": [_report_stats(r) for r in reports]}, finished_at=datetime.now(UTC))
    return summary


def _check_quality(con: duckdb.DuckDBPyConnection, settings: Settings, summary: RunSummary, log: Any) -> None:
    """Evaluate, log and store the data-quality checks; a failed `fail` check fails the run."""
    totals = summary.totals()
    try:
        summary.quality = dq.evaluate(con, summary.run_id, settings.quality, found=totals["found"],
                                           rejected=totals["rejected"])
        dq.store(con, summary.run_id, summary.quality, datetime.now(UTC))
    except duckdb.Error as exc:
        log.error("data-quality checks could not run: %s", exc)
        summary.status, summary.error = "failed", _join(summary.error, f"quality checks could not run: {exc}")
        return
    for result in summary.quality:
        level = {"fail": log.error, "warn": log.warning}.get(result.status, log.info)
        level("quality %s", result.line())
    failure = dq.failure_message(summary.quality)
    if failure:
        summary.status, summary.error = "failed", _join(summary.error, failure)


def _join(*parts: str | None) -> str:
    return "; ".join(p for p in parts if p)


def run_ingest(settings: Settings, *, sources: list[str] | None = None, limit: int | None = None,
               since: date | None = None, until: date | None = None, reparse: bool = False,
               logger: Any = None, dry_run: bool = False) -> RunSummary:
    """The body of the flow; callable without Prefect's engine only through `ingest.fn` in tests.

    A `dry_run` loads into a scratch copy of the warehouse and discards it (see `_dry_run`).
    """
    log = logger or get_run_logger()
    selected = settings.selected_sources(sources)
    run_id = str(flow_run.get_id() or uuid.uuid4())
    started_at = datetime.now(UTC)
    t0 = time.perf_counter()
    parameters = {"sources": sources, "limit": limit, "since": since, "until": until, "reparse": reparse,
                  "dry_run": dry_run}
    wh = settings.warehouse
    with run_lock(wh.path, wait=settings.run.lock_wait):
        if dry_run:
            summary = _dry_run(settings, selected, run_id, started_at, parameters, log, limit=limit, since=since,
                               until=until, reparse=reparse)
            summary.seconds = time.perf_counter() - t0
            return summary
        with open_etl(wh) as con:
            summary = _ingest_sources(con, settings, selected, run_id, started_at, parameters, log,
                                      limit=limit, since=since, until=until, reparse=reparse)
            summary.seconds = time.perf_counter() - t0
            con.execute("CHECKPOINT")
        # Published after the connection is closed and still under the run lock: a complete file, one writer.
        # A failed `fail` quality check keeps the run from BI readers: they keep the last good snapshot.
        if any(r.failed for r in summary.quality):
            log.error("not published: %s", dq.failure_message(summary.quality))
            summary.seconds = time.perf_counter() - t0
            return summary
        try:
            summary.published = publish(settings)
        except OSError as exc:
            summary.status, summary.error = "failed", f"publish failed: {exc}"
            with open_etl(wh) as con:
                con.execute("UPDATE core.runs SET status = ?, error = ? WHERE run_id = ?",
                            [summary.status, summary.error, run_id])
    summary.seconds = time.perf_counter() - t0
    return summary


def _dry_run(settings: Settings, selected: list[SourceConfig], run_id: str, started_at: datetime,
             parameters: dict[str, Any], log: Any, *, limit: int | None, since: date | None, until: date | None,
             reparse: bool) -> RunSummary:
    """Fetch, parse, load and check against a scratch copy of the warehouse, then throw the copy away.

    Loading commits one transaction per batch, so "load and roll back" is done on a copy: the counts and
    quality results are exactly what a real run would produce. Nothing is published; the real warehouse
    only gets the run row (status `dry-run`, or `dry-run-failed`) and its quality rows. Fetched bytes still
    go to the raw archive, which is content-addressed, so a later real run reuses them.
    """
    wh = settings.warehouse
    with open_etl(wh) as con:
        con.execute("CHECKPOINT")  # the copy must not depend on a WAL
    scratch = wh.path.with_name(f".{wh.path.stem}.dry-run-{run_id}{wh.path.suffix}")
    try:
        shutil.copyfile(wh.path, scratch)
        with open_etl(wh, scratch) as con:
            summary = _ingest_sources(con, settings, selected, run_id, started_at, parameters, log, limit=limit,
                                      since=since, until=until, reparse=reparse)
            run_row = con.sql("SELECT * FROM core.runs WHERE run_id = $1", params=[run_id]).to_arrow_table()
            checks = con.sql("SELECT * FROM core.quality_checks WHERE run_id = $1", params=[run_id]).to_arrow_table()
    finally:
        for leftover in (scratch, scratch.with_name(scratch.name + ".wal")):
            leftover.unlink(missing_ok=True)
    summary.dry_run = True
    summary.status = "dry-run" if summary.status == "succeeded" else "dry-run-failed"
    with open_etl(wh) as con:
        cur = con.cursor()
        cur.register("dry_run_row", run_row)
        cur.register("dry_run_checks", checks)
        cur.execute("INSERT INTO core.runs SELECT * REPLACE (? AS status) FROM dry_run_row", [summary.status])
        cur.execute("INSERT INTO core.quality_checks SELECT * FROM dry_run_checks")
        cur.close()
    log.info("dry run: nothing was kept or published; run recorded as %r", summary.status)
    return summary


@flow(name=FLOW_NAME, description="Ingest news articles from the configured sources into the DuckDB warehouse.")
def ingest(sources: list[str] | None = None, limit: int | None = None, since: date | None = None,
           until: date | None = None, reparse: bool = False, dry_run: bool = False) -> dict[str, Any]:
    """Ingest the named sources (default: every enabled source).

    Args:
        sources: Source names from config/warta.toml. Empty means every enabled source.
        limit: At most this many pages per source. Empty means no limit.
        since: Skip pages whose date (from the feed, sitemap or URL) is before this day.
        until: Skip pages whose date (from the feed, sitemap or URL) is after this day.
        reparse: Parse every page again even when its bytes are unchanged, e.g. after a parser upgrade.
        dry_run: Fetch, parse, load and check on a scratch copy, then discard it. Nothing is kept or published.
    """
    settings = load_settings()
    summary = run_ingest(settings, sources=sources, limit=limit, since=since, until=until, reparse=reparse,
                         dry_run=dry_run)
    create_markdown_artifact(key="ingest-summary", markdown=summary_markdown(summary),
                             description=f"warta ingest run {summary.run_id}" + (" (dry run)" if dry_run else ""))
    if summary.quality:
        create_table_artifact(key="ingest-quality", table=quality_rows(summary),
                              description=f"data-quality checks of run {summary.run_id}")
    if not summary.ok:
        raise RuntimeError(summary.error or "run failed")
    return summary.to_dict()


def summary_markdown(summary: RunSummary) -> str:
    """The run artifact: counts and timings per source, rejects by stage and reason, data quality."""
    published = f"snapshot: `{summary.published}`" if summary.published else "not published"
    lines = [
        f"# warta ingest: {summary.status}" + (" (dry run: nothing kept)" if summary.dry_run else ""),
        "",
        f"Run `{summary.run_id}` took {summary.seconds:.1f} s; {published}.",
    ]
    if summary.error:
        lines += ["", f"**Error:** {summary.error}"]
    lines += [
        "",
        "| source | found | parsed | new | updated | unchanged | rejected | fetch s | parse s | load s | total s |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in summary.sources:
        lines.append(
            f"| {r.source} | {r.found} | {r.parsed} | {r.new} | {r.updated} | {r.unchanged} | {r.rejected} "
            f"| {r.timings['fetch']:.2f} | {r.timings['parse']:.2f} | {r.timings['load']:.2f} | {r.seconds:.2f} |"
        )
    by_stage = [(r.source, stage, n) for r in summary.sources for stage, n in _stages(r).items()]
    if by_stage:
        lines += ["", "## Rejects by source and stage", "", "| source | stage | pages |", "|---|---|---:|"]
        lines += [f"| {src} | {stage} | {n} |" for src, stage, n in by_stage]
    reasons: Counter[str] = Counter()
    for r in summary.sources:
        reasons.update(r.reject_reasons)
    if reasons:
        lines += ["", "## Rejects", "", "| stage:reason | pages |", "|---|---:|"]
        lines += [f"| {k} | {v} |" for k, v in reasons.most_common(20)]
    errors = [r for r in summary.sources if r.error]
    if errors:
        lines += ["", "## Failed sources", ""] + [f"- **{r.source}**: {r.error}" for r in errors]
    if summary.quality:
        lines += ["", "## Data quality", "", "| check | share | expected | matching / total | status | on miss |",
                  "|---|---:|---|---:|---|---|"]
        for row in quality_rows(summary):
            lines.append(f"| {row['check']} | {row['share']} | {row['expected']} | {row['matching']} / "
                         f"{row['total']} | {row['status']} | {row['action']} |")
    return "\n".join(lines)


def quality_rows(summary: RunSummary) -> list[dict[str, Any]]:
    """The data-quality results as table rows, for the artifact and the markdown."""
    return [
        {"check": q.check, "share": "n/a" if q.value is None else f"{q.value:.1%}",
         "expected": f"{'>=' if q.bound == 'min' else '<='} {q.threshold:.0%}", "matching": q.matching,
         "total": q.total, "status": q.status, "action": q.action, "meaning": q.detail}
        for q in summary.quality
    ]


def _stages(report: SourceReport) -> dict[str, int]:
    stages: Counter[str] = Counter()
    for key, n in report.reject_reasons.items():
        stages[key.split(":", 1)[0]] += n
    if report.error:
        stages["source"] += 1
    return dict(stages)


def _report_stats(r: SourceReport) -> dict[str, Any]:
    return {"source": r.source, "batches": r.batches, "seconds": round(r.seconds, 3), "error": r.error,
            "timings": {k: round(v, 3) for k, v in r.timings.items()}, "reject_reasons": dict(r.reject_reasons)}
