"""Merging a staged batch into the warehouse in one transaction.

The batch's Arrow tables are registered with DuckDB and merged with set-based SQL: new articles are
inserted, changed ones (another content hash) move their old row to `article_versions` and take the
next version number, unchanged ones only get their `last_seen_at` bumped. Images, bylines and
mentions of new and changed articles are replaced wholesale. A failure rolls the whole batch back.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import duckdb
import pyarrow as pa

from flows import schemas
from flows.database import transaction
from flows.tabulate import Batch

ARTICLE_COLUMNS = [f.name for f in schemas.ARTICLES]
# Columns an upsert rewrites; first_seen_at is kept from the first version.
_UPSERT_SET = ", ".join(
    f'"{c}" = excluded."{c}"' for c in ARTICLE_COLUMNS if c not in ("article_id", "first_seen_at")
)
_DERIVED = ("images", "article_authors", "mentions")
_STATE_SET = ", ".join(f'"{f.name}" = excluded."{f.name}"' for f in schemas.CRAWL_STATE if f.name != "url")


@dataclass(slots=True)
class LoadResult:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0


def load_batch(con: duckdb.DuckDBPyConnection, batch: Batch, run_id: str, *, now: datetime | None = None,
               refresh_derived: bool = False, seen_ids: Sequence[str] = (),
               crawl_state: pa.Table | None = None) -> LoadResult:
    """Merge one batch atomically.

    `refresh_derived` also rewrites images/bylines/mentions of unchanged articles (a re-parse with a
    newer mention model); `seen_ids` are articles whose pages were skipped as unchanged before parsing
    (they count as unchanged and get `last_seen_at` bumped); `crawl_state` rows are upserted in the
    same transaction, so the state never claims a page whose article did not commit.
    """
    now = now or datetime.now(UTC)
    skipped = pa.table({"article_id": pa.array(sorted(set(seen_ids)), pa.string())})
    staged = {
        "stage_articles": batch.articles,
        "stage_images": batch.images,
        "stage_authors": batch.authors,
        "stage_article_authors": batch.article_authors,
        "stage_entities": batch.entities,
        "stage_mentions": batch.mentions,
        "stage_rejects": batch.rejects,
        "stage_crawl_state": crawl_state if crawl_state is not None else schemas.CRAWL_STATE.empty_table(),
        "skipped_ids": skipped,
    }
    with transaction(con, staged) as cur:
        result = _merge(cur, run_id, now, refresh_derived, batch)
        result.rejected = batch.rejects.num_rows
        if skipped.num_rows:
            cur.execute(
                "UPDATE core.articles SET last_seen_at = ?::TIMESTAMPTZ, last_run_id = ? "
                "WHERE article_id IN (SELECT article_id FROM skipped_ids)",
                [now, run_id],
            )
            result.unchanged += skipped.num_rows
        if crawl_state is not None and crawl_state.num_rows:
            cur.execute(f"INSERT INTO core.crawl_state SELECT * FROM stage_crawl_state "
                        f"ON CONFLICT (url) DO UPDATE SET {_STATE_SET}")
    return result


def _merge(con: duckdb.DuckDBPyConnection, run_id: str, now: datetime, refresh_derived: bool,
           batch: Batch) -> LoadResult:
    if batch.rejects.num_rows:
        con.execute("INSERT INTO core.rejects SELECT * FROM stage_rejects")
    if not batch.articles.num_rows:  # e.g. a batch of pages all skipped as unchanged: nothing to merge
        return LoadResult()
    rows = con.execute(
        """
        SELECT s.article_id, a.article_id IS NULL AS is_new, a.content_hash = s.content_hash AS same
        FROM stage_articles s LEFT JOIN core.articles a USING (article_id)
        """
    ).fetchall()
    new = [r[0] for r in rows if r[1]]
    updated = [r[0] for r in rows if not r[1] and not r[2]]
    unchanged = [r[0] for r in rows if not r[1] and r[2]]
    changed = new + updated
    replace = changed + (unchanged if refresh_derived else [])
    con.register("changed_ids", pa.table({"article_id": pa.array(changed, pa.string())}))
    con.register("replace_ids", pa.table({"article_id": pa.array(replace, pa.string())}))
    con.register("unchanged_ids", pa.table({"article_id": pa.array(unchanged, pa.string())}))
    if updated:
        con.execute(
            """
            INSERT INTO core.article_versions
            SELECT a.*, ?::TIMESTAMPTZ, ?
            FROM core.articles a JOIN stage_articles s USING (article_id)
            WHERE a.content_hash <> s.content_hash
            """,
            [now, run_id],
        )
    if changed:
        con.execute(
            f"""
            INSERT INTO core.articles
            SELECT s.* REPLACE (coalesce(a.version, 0) + 1 AS version,
                                coalesce(a.first_seen_at, s.first_seen_at) AS first_seen_at)
            FROM stage_articles s
            JOIN changed_ids c USING (article_id)
            LEFT JOIN core.articles a USING (article_id)
            ON CONFLICT (article_id) DO UPDATE SET {_UPSERT_SET}
            """
        )
    if unchanged:
        con.execute(
            """
            UPDATE core.articles SET last_seen_at = ?::TIMESTAMPTZ, last_run_id = ?
            WHERE article_id IN (SELECT article_id FROM unchanged_ids)
            """,
            [now, run_id],
        )
    if replace:
        for table in _DERIVED:
            con.execute(f"DELETE FROM core.{table} WHERE article_id IN (SELECT article_id FROM replace_ids)")
            con.execute(
                f"INSERT INTO core.{table} SELECT * FROM stage_{table} "
                "WHERE article_id IN (SELECT article_id FROM replace_ids)"
            )
    con.execute("INSERT INTO core.authors SELECT * FROM stage_authors ON CONFLICT DO NOTHING")
    con.execute(
        """
        INSERT INTO core.entities SELECT * FROM stage_entities
        ON CONFLICT (entity_id) DO UPDATE
        SET aliases = list_sort(list_distinct(list_concat(aliases, excluded.aliases)))
        """
    )
    return LoadResult(new=len(new), updated=len(updated), unchanged=len(unchanged))


def insert_rejects(con: duckdb.DuckDBPyConnection, rejects: pa.Table) -> None:
    """Rejects that never reached a batch (a source that failed to list) still get recorded."""
    with transaction(con, {"stage_rejects": rejects}) as cur:
        cur.execute("INSERT INTO core.rejects SELECT * FROM stage_rejects")


def start_run(con: duckdb.DuckDBPyConnection, run_id: str, *, flow_run_id: str | None, flow_name: str,
              parameters: dict[str, Any], sources: list[str], started_at: datetime) -> None:
    con.execute(
        "INSERT INTO core.runs (run_id, flow_run_id, flow_name, started_at, status, parameters, sources) "
        "VALUES (?, ?, ?, ?, 'running', ?, ?)",
        [run_id, flow_run_id, flow_name, started_at, json.dumps(parameters, default=str), sources],
    )


def finish_run(con: duckdb.DuckDBPyConnection, run_id: str, *, status: str, counts: dict[str, int],
               error: str | None, stats: dict[str, Any], finished_at: datetime) -> None:
    con.execute(
        """
        UPDATE core.runs SET status = ?, finished_at = ?, found = ?, parsed = ?, new = ?, updated = ?,
               unchanged = ?, rejected = ?, error = ?, stats = ?
        WHERE run_id = ?
        """,
        [status, finished_at, counts.get("found", 0), counts.get("parsed", 0), counts.get("new", 0),
         counts.get("updated", 0), counts.get("unchanged", 0), counts.get("rejected", 0), error,
         json.dumps(stats, default=str), run_id],
    )


def mark_abandoned_runs(con: duckdb.DuckDBPyConnection, now: datetime) -> int:
    """Runs left 'running' by a killed process are marked so, instead of looking alive forever."""
    n = con.execute(
        "UPDATE core.runs SET status = 'crashed', finished_at = ?, error = 'process ended before the run finished' "
        "WHERE status = 'running' RETURNING run_id",
        [now],
    ).fetchall()
    return len(n)
