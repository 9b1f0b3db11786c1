"""The content of the warehouse's article tables, for comparing runs (idempotency, crash recovery)."""

from __future__ import annotations

from pathlib import Path

import duckdb

CONTENT_TABLES = ("articles", "article_versions", "authors", "article_authors", "images", "entities", "mentions")
RUN_BOOKKEEPING = frozenset({"last_seen_at", "last_run_id"})


def content(source: duckdb.DuckDBPyConnection | Path, ignore: frozenset[str] = RUN_BOOKKEEPING
            ) -> dict[str, list[tuple]]:
    """Every content table's rows in a stable order, without the columns in `ignore`."""
    con = duckdb.connect(str(source), read_only=True) if isinstance(source, Path) else source
    try:
        out = {}
        for table in CONTENT_TABLES:
            cols = [r[0] for r in con.execute(f"DESCRIBE core.{table}").fetchall() if r[0] not in ignore]
            quoted = ", ".join(f'"{c}"' for c in cols)
            out[table] = con.execute(f"SELECT {quoted} FROM core.{table} ORDER BY ALL").fetchall()
        return out
    finally:
        if isinstance(source, Path):
            con.close()
