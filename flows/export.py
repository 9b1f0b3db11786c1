"""Exporting articles, images and mentions to Hive-partitioned Parquet, for tools that read Parquet.

The export reads the published snapshot (never the ETL's file, so it never blocks a run), writes a
complete new tree beside the target, and swaps it in with one rename: a reader sees the old export
or the new one, never a half-written mix. The same snapshot exported twice gives the same files.

Layout: `DIR/{articles,images,mentions}/published_date=YYYY-MM-DD/part-0.parquet` (undated articles go
to `published_date=__HIVE_DEFAULT_PARTITION__`), plus `DIR/_warta_export.json` describing it.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import json
import os
import shutil
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import duckdb

from flows.database import connect_read_only

MARKER = "_warta_export.json"
PARTITION = "published_date"
# View -> ORDER BY, so that the same snapshot always yields the same rows in the same order.
TABLES: dict[str, str] = {
    "articles": "article_id",
    "images": "article_id, position",
    "mentions": "article_id, field, start_offset, end_offset, entity_id",
}
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


class ExportError(RuntimeError):
    """The export cannot be written; the message says why in one line."""


@dataclass(slots=True)
class ExportResult:
    target: Path
    rows: dict[str, int] = field(default_factory=dict)
    partitions: dict[str, int] = field(default_factory=dict)
    kept: int = 0  # partitions before --since carried over from the previous export


def export_parquet(snapshot: Path, target: Path, *, since: date | None = None) -> ExportResult:
    """Write the export for `snapshot` to `target` atomically.

    With `since`, only partitions on or after that day (and the undated one) are rewritten; earlier
    partitions of the previous export are kept as they are (hard links, no copy).
    """
    target = target.expanduser().resolve()
    _check_target(target)
    _remove_stale_staging(target)
    staging = target.with_name(f".{target.name}.tmp-{os.getpid()}")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    result = ExportResult(target)
    try:
        con = connect_read_only(snapshot)
        try:
            for view, order in TABLES.items():
                out = staging / view
                where = f"WHERE {PARTITION} >= DATE '{since.isoformat()}' OR {PARTITION} IS NULL" if since else ""
                con.execute(
                    f"COPY (SELECT * FROM main.{view} {where} ORDER BY {order}) TO '{_sql_path(out)}' "
                    f"(FORMAT parquet, PARTITION_BY ({PARTITION}), FILENAME_PATTERN 'part-{{i}}')"
                )
                out.mkdir(exist_ok=True)  # a view without rows writes nothing
                if since:
                    result.kept += _keep_older(target / view, out, since)
                result.rows[view] = _count_rows(con, out)
                result.partitions[view] = sum(1 for p in out.iterdir() if p.is_dir())
        finally:
            con.close()
        meta = {"tables": result.rows, "partitions": result.partitions, "partitioned_by": PARTITION,
                "since": since.isoformat() if since else None, "snapshot": str(snapshot)}
        (staging / MARKER).write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        _swap_in(staging, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return result


def _check_target(target: Path) -> None:
    """Never replace a directory that is not an earlier export: the swap would throw its contents away."""
    if not target.exists():
        return
    if not target.is_dir():
        raise ExportError(f"{target} exists and is not a directory")
    if any(target.iterdir()) and not (target / MARKER).is_file():
        raise ExportError(f"{target} is not empty and holds no earlier warta export ({MARKER}); choose a new "
                          "or empty directory")


def _keep_older(previous: Path, out: Path, since: date) -> int:
    """Carry partitions dated before `since` over from the previous export, by hard link where possible."""
    kept = 0
    if not previous.is_dir():
        return kept
    for part in previous.iterdir():
        day = _partition_day(part.name)
        if day is None or day >= since or (out / part.name).exists():
            continue
        (out / part.name).mkdir()
        for file in part.iterdir():
            try:
                os.link(file, out / part.name / file.name)
            except OSError:
                shutil.copy2(file, out / part.name / file.name)
        kept += 1
    return kept


def _partition_day(name: str) -> date | None:
    prefix = f"{PARTITION}="
    if not name.startswith(prefix):
        return None
    try:
        return date.fromisoformat(name[len(prefix):])
    except ValueError:
        return None


def _count_rows(con: duckdb.DuckDBPyConnection, out: Path) -> int:
    if not any(out.rglob("*.parquet")):
        return 0
    row = con.execute(f"SELECT count(*) FROM read_parquet('{_sql_path(out)}/**/*.parquet')").fetchone()
    return int(row[0]) if row else 0


def _swap_in(staging: Path, target: Path) -> None:
    """Put `staging` at `target` in one step; afterwards `staging` holds the previous export (if any)."""
    if not target.exists():
        os.rename(staging, target)
        return
    if _exchange(staging, target):
        return
    # No atomic exchange here (not Linux, or the file system lacks it): two renames, a moment apart.
    old = target.with_name(f".{target.name}.old-{os.getpid()}")
    os.rename(target, old)
    os.rename(staging, target)
    os.rename(old, staging)


def _exchange(a: Path, b: Path) -> bool:
    """Linux renameat2(RENAME_EXCHANGE): swap two paths atomically. False where it is not available."""
    name = ctypes.util.find_library("c")
    if not name:
        return False
    libc = ctypes.CDLL(name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    rc = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return rc == 0


def _remove_stale_staging(target: Path) -> None:
    """Staging trees left by a killed export (their process is gone) are removed."""
    for path in target.parent.glob(f".{target.name}.tmp-*"):
        pid = path.name.rsplit("-", 1)[-1]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(path, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")
