"""The `warta` command line: run the ingest flow, parse one page, query and inspect the warehouse.

Prefect is imported only by the commands that run flows, so `warta sql` and `warta parse` answer fast.
Every user error is one line on stderr and a non-zero exit.
"""

from __future__ import annotations

import csv
import json
import os
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

import click

from flows.config import ConfigError, Settings, load_settings
from flows.database import WarehouseError, connect_read_only

PREFECT_DEFAULTS = {
    # An offline machine must not log telemetry errors on every ephemeral server start.
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_LOGGING_EXTRA_LOGGERS": "warta",
    # The first start on a fresh PREFECT_HOME migrates its database; on a busy 2-core box that can pass 20 s.
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
}


class UserError(click.ClickException):
    exit_code = 2

    def show(self, file: Any = None) -> None:
        click.echo(f"warta: error: {self.format_message()}", err=True)


def _settings() -> Settings:
    try:
        return load_settings()
    except ConfigError as exc:
        raise UserError(str(exc)) from None


def _prefect_env() -> None:
    for key, value in PREFECT_DEFAULTS.items():
        os.environ.setdefault(key, value)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="warta")
def main() -> None:
    """warta: news articles into a DuckDB warehouse.

    Configuration comes from config/warta.toml, or the file named by WARTA_CONFIG;
    WARTA_WAREHOUSE overrides the warehouse path.
    """


@main.command()
@click.option("--source", "sources", multiple=True, help="Source name from the config (repeatable). "
              "Default: every enabled source.")
@click.option("--limit", type=click.IntRange(min=1), help="At most this many pages per source.")
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), help="Skip pages dated before this day.")
@click.option("--until", type=click.DateTime(["%Y-%m-%d"]), help="Skip pages dated after this day.")
@click.option("--reparse", is_flag=True, help="Parse pages again even when their bytes are unchanged.")
@click.option("--dry-run", is_flag=True, help="Load into a scratch copy and discard it: counts and quality only.")
def run(sources: tuple[str, ...], limit: int | None, since: datetime | None, until: datetime | None,
        reparse: bool, dry_run: bool) -> None:
    """Run one ingest flow and print what it loaded."""
    settings = _settings()
    try:
        settings.selected_sources(list(sources) or None)
    except ConfigError as exc:
        raise UserError(str(exc)) from None
    _prefect_env()
    from flows.ingest import ingest

    state = ingest(sources=list(sources) or None, limit=limit, since=_day(since), until=_day(until),
                   reparse=reparse, dry_run=dry_run, return_state=True)
    result = state.result(raise_on_failure=False)
    if isinstance(result, dict):
        _print_summary(result)
        return
    click.echo(f"warta: run failed: {result}", err=True)
    _print_last_run(settings)
    sys.exit(1)


@main.command(name="eval")
@click.argument("corpus", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--compare", is_flag=True, help="Also run trafilatura (optional `compare` group) on the same pages.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option("--worst", type=click.IntRange(min=0), default=0, help="List the N pages with the lowest body F1.")
@click.option("--gold", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Metadata gold (JSONL by page id, plain or hashed). Default: config/eval/<CORPUS name>.gold.jsonl.")
@click.option("--no-gold", is_flag=True, help="Ignore the default metadata gold file.")
@click.option("--misses", metavar="FIELD", help="List the pages where FIELD is wrong (e.g. 'title exact').")
def eval_(corpus: Path, compare: bool, as_json: bool, worst: int, gold: Path | None, no_gold: bool,
          misses: str | None) -> None:
    """Score parse_article on a labelled CORPUS (items.jsonl + pages, or truth.jsonl + manifest.json)."""
    from flows.evaluate import main as evaluate_main

    args = [str(corpus), *(["--compare"] if compare else []), *(["--json"] if as_json else []),
            *(["--worst", str(worst)] if worst else []), *(["--gold", str(gold)] if gold else []),
            *(["--no-gold"] if no_gold else []), *(["--misses", misses] if misses else [])]
    if not (corpus / "items.jsonl").is_file() and not (corpus / "truth.jsonl").is_file():
        raise UserError(f"{corpus} is not a labelled corpus: it has neither items.jsonl nor truth.jsonl")
    code = evaluate_main(args)
    if code:
        sys.exit(code)


@main.command()
@click.option("--corpus", type=click.Path(file_okay=False, path_type=Path),
              help="Labelled corpus for the parse figures (default: ../shared/corpus/scrapinghub, else the samples).")
@click.option("--pages", type=click.IntRange(min=10), default=10_000, show_default=True,
              help="Generated pages for the end-to-end figures.")
@click.option("--quick", is_flag=True, help="A small run that only proves the benchmark works (CI).")
@click.option("--json", "json_out", type=click.Path(dir_okay=False, path_type=Path), help="Also write figures here.")
def bench(corpus: Path | None, pages: int, quick: bool, json_out: Path | None) -> None:
    """Measure parse speed (vs trafilatura), end-to-end ingest, load throughput and re-run cost."""
    _prefect_env()
    from flows.bench import DEFAULT_CORPUS, SAMPLES, run

    corpus = corpus or (DEFAULT_CORPUS if (DEFAULT_CORPUS / "items.jsonl").exists() else SAMPLES)
    if not (corpus / "items.jsonl").exists() and not (corpus / "truth.jsonl").exists():
        raise UserError(f"{corpus} is not a labelled corpus (no items.jsonl)")
    figures = run(corpus, 60 if quick else pages, quick, echo=click.echo)
    if json_out:
        json_out.write_text(json.dumps(figures, indent=2, default=str), encoding="utf-8")


@main.command()
@click.option("--site", "sites", multiple=True, help="Only articles of this site, e.g. liputan6.com (repeatable).")
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), help="Only articles published on or after this day.")
@click.option("--until", type=click.DateTime(["%Y-%m-%d"]), help="Only articles published on or before this day.")
@click.option("--limit", type=click.IntRange(min=1), help="At most this many pages.")
def reparse(sites: tuple[str, ...], since: datetime | None, until: datetime | None, limit: int | None) -> None:
    """Re-parse archived pages with the current parser (no network); without filters, also retry parse rejects."""
    _settings()
    _prefect_env()
    from flows.reparse import reparse as reparse_flow

    state = reparse_flow(sites=list(sites) or None, since=_day(since), until=_day(until), limit=limit,
                         return_state=True)
    result = state.result(raise_on_failure=False)
    if isinstance(result, dict):
        _print_summary(result)
        return
    click.echo(f"warta: reparse failed: {result}", err=True)
    sys.exit(1)


@main.command()
@click.argument("target")
@click.option("--url", help="The page's URL, when TARGET is a file (default: the page's canonical link).")
@click.option("--profile", help="Site profile to apply (default: chosen by the URL's host).")
@click.option("--language", help="Language hint, e.g. id or en.")
@click.option("--mentions/--no-mentions", default=False, help="Also print the named-entity mentions.")
def parse(target: str, url: str | None, profile: str | None, language: str | None, mentions: bool) -> None:
    """Parse one page (a file or an http(s) URL) and print the Article as JSON."""
    from flows.errors import PageRejected
    from flows.extract import parse_article

    if target.startswith(("http://", "https://")):
        content, url = _fetch_one(target), url or target
    else:
        path = Path(target)
        if not path.is_file():
            raise UserError(f"no such file: {target}")
        content = path.read_bytes()
    try:
        article = parse_article(content, url or "", site_profile=profile, language=language)
    except PageRejected as exc:
        raise UserError(f"page rejected ({exc.reason}): {exc.detail}") from None
    data = article.to_dict()
    if mentions:
        from flows.mentions import mentions_for_article

        found, entities = mentions_for_article(article.title, article.paragraphs, article.language)
        names = {e.entity_id: e.canonical_name for e in entities}
        data["mentions"] = [{**_plain(m), "entity": names.get(m.entity_id)} for m in found]
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


@main.command()
@click.argument("query")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@click.option("--max-rows", type=int, default=40, show_default=True, help="Rows shown in table format.")
@click.option("--etl", is_flag=True, help="Query the ETL's own file instead of the published snapshot.")
def sql(query: str, fmt: str, max_rows: int, etl: bool) -> None:
    """Run a read-only SQL QUERY against the warehouse and print the result."""
    import duckdb

    settings = _settings()
    path = settings.warehouse.path if etl else settings.warehouse.published_path
    try:
        con = connect_read_only(path)
    except WarehouseError as exc:
        raise UserError(str(exc)) from None
    try:
        rel = con.sql(query)
        if rel is None:
            raise UserError("the statement returned no result (the warehouse is read-only here)")
        if fmt == "table":
            rel.show(max_rows=max_rows, max_width=240)
            return
        columns, rows = rel.columns, rel.fetchall()
        if fmt == "csv":
            writer = csv.writer(sys.stdout)
            writer.writerow(columns)
            writer.writerows(rows)
        else:
            for row in rows:
                click.echo(json.dumps(dict(zip(columns, row, strict=True)), ensure_ascii=False, default=str))
    except duckdb.Error as exc:
        raise UserError(str(exc).splitlines()[0]) from None
    finally:
        con.close()


@main.command()
@click.option("--limit", type=click.IntRange(min=1), default=10, show_default=True)
def status(limit: int) -> None:
    """Show the last runs with their counts."""
    settings = _settings()
    con, where = _open_for_status(settings)
    try:
        con.sql(
            "SELECT started_at, status, round(seconds, 1) AS seconds, sources, found, parsed, new, updated, "
            "unchanged, rejected, coalesce(error, '') AS error, run_id FROM main.runs "
            f"ORDER BY started_at DESC LIMIT {int(limit)}"
        ).show(max_width=240)
        click.echo(f"(from {where})")
    finally:
        con.close()


@main.command()
def serve() -> None:
    """Serve the scheduled and manual deployments to the Prefect server at PREFECT_API_URL."""
    settings = _settings()
    _prefect_env()
    if not os.environ.get("PREFECT_API_URL"):
        raise UserError("PREFECT_API_URL is not set: start `prefect server start --host 127.0.0.1` and "
                        "export PREFECT_API_URL=http://127.0.0.1:4200/api (schedules need a real server)")
    from flows.serve import serve as serve_deployments

    serve_deployments(settings)


@main.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]),
              help="Rewrite only partitions from this day on; keep the earlier ones of the last export.")
def export(directory: Path, since: datetime | None) -> None:
    """Export articles, images and mentions to Parquet under DIRECTORY, partitioned by published date.

    Reads the published snapshot; the new export replaces the old one in one atomic swap.
    """
    from flows.export import ExportError, export_parquet

    settings = _settings()
    try:
        result = export_parquet(settings.warehouse.published_path, directory, since=_day(since))
    except (ExportError, WarehouseError) as exc:
        raise UserError(str(exc)) from None
    for table, rows in result.rows.items():
        click.echo(f"{table}: {rows} rows in {result.partitions[table]} partitions")
    if since:
        click.echo(f"kept {result.kept} earlier partitions from the previous export")
    click.echo(f"exported to {result.target}")


def _open_for_status(settings: Settings) -> tuple[Any, str]:
    """The ETL file shows failed runs too; while a run holds it, fall back to the published snapshot."""
    wh = settings.warehouse
    for path in (wh.path, wh.published_path):
        try:
            return connect_read_only(path, attempts=1), str(path)
        except WarehouseError:
            continue
    raise UserError(f"no warehouse at {wh.path}: run `warta run` first")


def _fetch_one(url: str) -> bytes:
    from flows.fetch import Fetcher
    from flows.pages import Candidate

    settings = _settings()
    with Fetcher(settings) as fetcher:
        page = next(iter(fetcher.fetch_all([Candidate(source="cli", url=url)])))
    if not page.ok:
        raise UserError(f"fetch failed ({page.error_reason}): {page.error_detail or url}")
    assert page.content is not None
    return page.content


def _print_summary(result: dict[str, Any]) -> None:
    totals = result["totals"]
    click.echo(
        f"run {result['run_id']} {result['status']} in {result['seconds']:.1f} s: "
        + ", ".join(f"{k} {v}" for k, v in totals.items())
    )
    for src in result["sources"]:
        click.echo(
            f"  {src['source']}: found {src['found']}, parsed {src['parsed']}, new {src['new']}, "
            f"updated {src['updated']}, unchanged {src['unchanged']}, rejected {src['rejected']}"
            + (f"  ERROR {src['error']}" if src.get("error") else "")
        )
        for reason, n in sorted(src.get("reject_reasons", {}).items()):
            click.echo(f"    rejected {n} x {reason}")
    for check in result.get("quality", []):
        if check["status"] in ("warn", "fail"):
            click.echo(f"  quality {check['status']}: {check['check']} {check['matching']}/{check['total']} "
                       f"({check['detail']})")
    if result.get("dry_run"):
        click.echo("dry run: nothing was kept or published")
    else:
        click.echo(f"published: {result['published']}")


def _print_last_run(settings: Settings) -> None:
    try:
        con, _ = _open_for_status(settings)
    except UserError:
        return
    try:
        row = con.execute(
            "SELECT run_id, status, found, parsed, new, updated, unchanged, rejected, error "
            "FROM main.runs ORDER BY started_at DESC LIMIT 1"
        ).fetchone()
    finally:
        con.close()
    if row:
        click.echo(f"last run {row[0]}: {row[1]}; found {row[2]}, parsed {row[3]}, new {row[4]}, updated {row[5]}, "
                   f"unchanged {row[6]}, rejected {row[7]}; {row[8] or ''}", err=True)


def _day(value: datetime | None) -> date | None:
    return value.date() if value else None


def _plain(obj: Any) -> dict[str, Any]:
    from dataclasses import asdict

    return asdict(obj)
