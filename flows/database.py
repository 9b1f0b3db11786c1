"""Opening the warehouse, applying migrations and (re)creating the BI views.

Migrations are numbered files under `sql/migrations/`, applied once each inside a transaction and
recorded in `core.schema_version`. Views under `sql/views/` are recreated on every open for writing,
so editing a view file takes effect on the next run.
"""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from string import Template
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import duckdb

from flows.config import PROJECT_ROOT, SIZE, WarehouseSettings

SQL_DIR = PROJECT_ROOT / "sql"
MIGRATION_NAME = re.compile(r"^(\d{3,})_[\w-]+\.sql$")
LOCK_ERROR = re.compile(r"lock|being used|Conflicting", re.IGNORECASE)


class WarehouseError(RuntimeError):
    """The warehouse cannot be opened or migrated; the message says why in one line."""


def connect(path: Path, *, read_only: bool = False, compatibility: str = "v1.5.0") -> duckdb.DuckDBPyConnection:
    """A connection with a fixed session time zone, so TIMESTAMPTZ never depends on the host's zone."""
    if read_only and not path.exists():
        raise WarehouseError(f"no warehouse at {path}: run `warta run` first")
    config: dict[str, str | bool] = {}
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
        config["storage_compatibility_version"] = compatibility
    try:
        con = duckdb.connect(str(path), read_only=read_only, config=config)
    except duckdb.IOException as exc:
        if LOCK_ERROR.search(str(exc)):
            raise WarehouseError(f"warehouse {path} is locked by another process (a run in progress?)") from None
        raise WarehouseError(f"cannot open warehouse {path}: {exc}") from None
    except duckdb.Error as exc:
        raise WarehouseError(f"cannot open warehouse {path}: {exc}") from None
    con.execute("SET TimeZone = 'UTC'")
    return con


def connect_read_only(path: Path, *, attempts: int = 20, wait: float = 0.25) -> duckdb.DuckDBPyConnection:
    """Read-only connection that retries while a publish swaps the file or a writer holds it briefly."""
    for attempt in range(attempts):
        try:
            return connect(path, read_only=True)
        except WarehouseError as exc:
            if "locked" not in str(exc) or attempt == attempts - 1:
                raise
            time.sleep(wait)
    raise AssertionError("unreachable")


def migrations(sql_dir: Path = SQL_DIR) -> list[tuple[int, str, str]]:
    found = []
    for path in sorted((sql_dir / "migrations").glob("*.sql")):
        match = MIGRATION_NAME.match(path.name)
        if not match:
            raise WarehouseError(f"migration file name {path.name} must look like 001_name.sql")
        found.append((int(match.group(1)), path.name, path.read_text(encoding="utf-8")))
    versions = [v for v, _, _ in found]
    if len(set(versions)) != len(versions):
        raise WarehouseError(f"two migrations share a number in {sql_dir / 'migrations'}")
    return found


def migrate(con: duckdb.DuckDBPyConnection, sql_dir: Path = SQL_DIR) -> list[str]:
    """Apply pending migrations in order; returns the names applied."""
    con.execute("CREATE SCHEMA IF NOT EXISTS core")
    con.execute(
        "CREATE TABLE IF NOT EXISTS core.schema_version ("
        " version INTEGER PRIMARY KEY, name VARCHAR, checksum VARCHAR, applied_at TIMESTAMPTZ)"
    )
    applied = {row[0]: row[1] for row in con.execute("SELECT version, checksum FROM core.schema_version").fetchall()}
    done = []
    for version, name, sql in migrations(sql_dir):
        checksum = hashlib.sha256(sql.encode()).hexdigest()[:16]
        if version in applied:
            if applied[version] != checksum:
                raise WarehouseError(
                    f"migration {name} changed after it was applied; add a new migration instead of editing it"
                )
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(sql)
            con.execute(
                "INSERT INTO core.schema_version VALUES (?, ?, ?, now())", [version, name, checksum]
            )
            con.execute("COMMIT")
        except duckdb.Error as exc:
            con.execute("ROLLBACK")
            raise WarehouseError(f"migration {name} failed: {exc}") from None
        done.append(name)
    return done


def create_views(con: duckdb.DuckDBPyConnection, report_timezone: str, sql_dir: Path = SQL_DIR) -> None:
    """(Re)create every view; the reporting time zone is validated before it is put into SQL."""
    zone = _checked_zone(report_timezone)
    for path in sorted((sql_dir / "views").glob("*.sql")):
        sql = Template(path.read_text(encoding="utf-8")).substitute(report_timezone=zone)
        try:
            con.execute(sql)
        except duckdb.Error as exc:
            raise WarehouseError(f"view file {path.name} failed: {exc}") from None


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    return con.execute("SELECT coalesce(max(version), 0) FROM core.schema_version").fetchall()[0][0]


@contextmanager
def open_warehouse(path: Path, *, report_timezone: str, compatibility: str = "v1.5.0",
                   memory_limit: str | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
    """Read-write connection with migrations applied and views current."""
    con = connect(path, compatibility=compatibility)
    try:
        if memory_limit:
            # DuckDB otherwise caches up to 80% of RAM as the warehouse grows; the ETL needs little.
            con.execute(f"SET memory_limit = '{_checked_size(memory_limit)}'")
        migrate(con)
        create_views(con, report_timezone)
        yield con
    finally:
        con.close()


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection, staged: dict[str, Any] | None = None
                ) -> Iterator[duckdb.DuckDBPyConnection]:
    """One transaction on a cursor of its own, with `staged` Arrow tables registered on it.

    A separate cursor, because the caller may have an unfinished result pending on `con`; rollback on
    any exception (KeyboardInterrupt included), so a batch is committed whole or not at all.
    """
    cur = con.cursor()
    try:
        for name, table in (staged or {}).items():
            cur.register(name, table)
        cur.execute("BEGIN TRANSACTION")
        try:
            yield cur
            cur.execute("COMMIT")
        except BaseException:
            cur.execute("ROLLBACK")
            raise
    finally:
        cur.close()


def open_etl(wh: WarehouseSettings, path: Path | None = None) -> AbstractContextManager[duckdb.DuckDBPyConnection]:
    """The ETL's connection to its warehouse file (or a scratch copy of it) as configured."""
    return open_warehouse(path or wh.path, report_timezone=wh.report_timezone, compatibility=wh.compatibility,
                          memory_limit=wh.memory_limit)


def _checked_size(value: str) -> str:
    if not SIZE.fullmatch(value.strip()):
        raise WarehouseError(f"invalid memory limit {value!r} (e.g. 512MB, 2GB)")
    return value.strip()


def _checked_zone(name: str) -> str:
    if not re.fullmatch(r"[A-Za-z0-9_+\-/]+", name):
        raise WarehouseError(f"invalid time zone name {name!r}")
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise WarehouseError(f"unknown time zone {name!r}") from None
    return name
