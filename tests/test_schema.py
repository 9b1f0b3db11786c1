"""The DDL under sql/migrations and the Arrow schemas in flows/schemas.py must describe the same tables."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from flows import schemas
from flows.database import WarehouseError, connect, create_views, migrate, schema_version


def _describe(con: duckdb.DuckDBPyConnection, relation: str) -> list[tuple[str, str]]:
    return [(r[0], r[1]) for r in con.execute(f"DESCRIBE {relation}").fetchall()]


@pytest.mark.parametrize("table", sorted(schemas.TABLES))
def test_ddl_matches_arrow_schema(tmp_path: Path, table: str) -> None:
    con = connect(tmp_path / "w.duckdb")
    migrate(con)
    con.register("empty", schemas.TABLES[table].empty_table())
    assert _describe(con, f"core.{table}") == _describe(con, "empty")


def test_migrations_apply_once_and_are_tracked(tmp_path: Path) -> None:
    con = connect(tmp_path / "w.duckdb")
    first = migrate(con)
    assert first and first[0].startswith("001_")
    assert migrate(con) == []
    assert schema_version(con) >= 1


def test_edited_migration_is_refused(tmp_path: Path) -> None:
    sql_dir = tmp_path / "sql"
    (sql_dir / "migrations").mkdir(parents=True)
    (sql_dir / "migrations" / "001_a.sql").write_text("CREATE TABLE core.t (x INTEGER);")
    con = connect(tmp_path / "w.duckdb")
    migrate(con, sql_dir)
    (sql_dir / "migrations" / "001_a.sql").write_text("CREATE TABLE core.t (x BIGINT);")
    with pytest.raises(WarehouseError, match="changed after it was applied"):
        migrate(con, sql_dir)


def test_failed_migration_rolls_back(tmp_path: Path) -> None:
    sql_dir = tmp_path / "sql"
    (sql_dir / "migrations").mkdir(parents=True)
    (sql_dir / "migrations" / "001_a.sql").write_text("CREATE TABLE core.t (x INTEGER); SELECT nope FROM nothing;")
    con = connect(tmp_path / "w.duckdb")
    with pytest.raises(WarehouseError, match=r"001_a\.sql failed"):
        migrate(con, sql_dir)
    assert con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = 't'").fetchone() == (0,)
    assert schema_version(con) == 0


def test_views_reject_a_bad_time_zone(tmp_path: Path) -> None:
    con = connect(tmp_path / "w.duckdb")
    migrate(con)
    with pytest.raises(WarehouseError, match="time zone"):
        create_views(con, "Asia/Jakarta'; DROP TABLE core.articles; --")
    with pytest.raises(WarehouseError, match="unknown time zone"):
        create_views(con, "Mars/Olympus")


def test_file_is_readable_by_duckdb_1_5_storage(tmp_path: Path) -> None:
    con = connect(tmp_path / "w.duckdb")
    migrate(con)
    version = con.execute(
        "SELECT tags['storage_version'] FROM duckdb_databases() WHERE database_name = 'w'"
    ).fetchone()
    con.close()
    assert version is not None and version[0] is not None
    assert version[0].startswith("v1.")
