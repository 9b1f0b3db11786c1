"""`warta export`: Hive-partitioned Parquet of articles, images and mentions, swapped in atomically."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, date, datetime
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from flows import export, load
from flows.database import open_warehouse
from flows.pages import Page
from flows.parallel_parse import ParseHints, parse_page
from flows.publish import publish_snapshot
from flows.tabulate import tabulate
from tests.conftest import SAMPLES, write_config


def copy_samples(directory: Path, *, extra: dict[str, bytes] | None = None) -> str:
    """The sample pages named in the manifest (plus `extra` files), copied; returns a [[sources]] table."""
    manifest = json.loads((SAMPLES / "manifest.json").read_text(encoding="utf-8"))
    for entry in manifest:
        target = directory / entry["file"]
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(SAMPLES / entry["file"], target)
    pages = (directory / manifest[0]["file"]).parent
    for name, content in (extra or {}).items():
        (pages / name).write_bytes(content)
    (directory / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return (f'[[sources]]\nname = "sample"\nkind = "files"\npaths = ["{pages}/*.html"]\n'
            f'manifest = "{directory / "manifest.json"}"\n')


def load_samples(db: Path, published: Path, run_id: str = "run-1") -> None:
    """The bundled sample pages parsed and loaded without Prefect, then published."""
    manifest = json.loads((SAMPLES / "manifest.json").read_text(encoding="utf-8"))
    hints = ParseHints("sample", None, "id", "Asia/Jakarta")
    parsed = [parse_page(Page("sample", e["url"], (SAMPLES / e["file"]).read_bytes()), hints) for e in manifest]
    now = datetime.now(UTC)
    with open_warehouse(db, report_timezone="Asia/Jakarta") as con:
        load.start_run(con, run_id, flow_run_id=None, flow_name="test", parameters={}, sources=["sample"],
                       started_at=now)
        load.load_batch(con, tabulate(parsed, run_id), run_id)
        load.finish_run(con, run_id, status="succeeded", counts={}, error=None, stats={}, finished_at=now)
    publish_snapshot(db, published)


@pytest.fixture
def snapshot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("WARTA_CONFIG", str(write_config(tmp_path)))
    monkeypatch.delenv("WARTA_WAREHOUSE", raising=False)
    published = tmp_path / "wh" / "warta-bi.duckdb"
    load_samples(tmp_path / "wh" / "warta.duckdb", published)
    return published


def _files(root: Path) -> dict[str, int]:
    return {str(p.relative_to(root)): p.stat().st_ino for p in sorted(root.rglob("*")) if p.is_file()}


def _rows(root: Path, table: str) -> list[tuple]:
    con = duckdb.connect()
    try:
        return con.execute(f"SELECT * EXCLUDE (published_date), published_date FROM read_parquet("
                           f"'{root / table}/**/*.parquet', hive_partitioning = true) ORDER BY ALL").fetchall()
    finally:
        con.close()


def _view(snapshot: Path, table: str) -> list[tuple]:
    con = duckdb.connect(str(snapshot), read_only=True)
    try:
        return con.execute(f"SELECT * EXCLUDE (published_date), published_date FROM {table} ORDER BY ALL").fetchall()
    finally:
        con.close()


def test_export_is_partitioned_complete_and_idempotent(snapshot: Path, tmp_path: Path) -> None:
    from flows.cli import main

    out = tmp_path / "export"
    first = CliRunner().invoke(main, ["export", str(out)])
    assert first.exit_code == 0, first.output
    con = duckdb.connect(str(snapshot), read_only=True)
    articles, days = con.execute("SELECT count(*), count(DISTINCT published_date) FROM articles").fetchone()
    con.close()
    assert f"articles: {articles} rows in {days} partitions" in first.output
    for table in ("articles", "images", "mentions"):
        parts = sorted(p.name for p in (out / table).iterdir())
        assert parts and all(p.startswith("published_date=") for p in parts)
        assert _rows(out, table) == _view(snapshot, table)  # every row, every column, right partition
    meta = json.loads((out / export.MARKER).read_text())
    assert meta["tables"]["articles"] == articles and meta["partitioned_by"] == "published_date"

    before = _files(out)
    again = CliRunner().invoke(main, ["export", str(out)])
    assert again.exit_code == 0, again.output
    after = _files(out)
    assert after.keys() == before.keys()  # same files, fresh ones (the tree was swapped)
    assert all(after[f] != before[f] for f in after)
    assert all(_rows(out, t) == _view(snapshot, t) for t in ("articles", "images", "mentions"))
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".export")] == []  # no staging left


def test_since_rewrites_recent_partitions_and_keeps_older_ones(snapshot: Path, tmp_path: Path) -> None:
    out = tmp_path / "export"
    export.export_parquet(snapshot, out)
    before = _files(out)
    result = export.export_parquet(snapshot, out, since=date(2021, 1, 1))
    after = _files(out)
    assert after.keys() == before.keys()
    old = [f for f in after if "published_date=20" in f and f.split("published_date=")[1][:10] < "2021-01-01"]
    new = [f for f in after if "published_date=20" in f and f.split("published_date=")[1][:10] >= "2021-01-01"]
    assert old and new and result.kept == len(old)
    assert all(after[f] == before[f] for f in old)  # the same files, hard-linked into the new tree
    assert all(after[f] != before[f] for f in new)
    assert _rows(out, "articles") == _view(snapshot, "articles")


def test_failed_export_leaves_the_previous_one(snapshot: Path, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "export"
    export.export_parquet(snapshot, out)
    before = {f: (out / f).read_bytes() for f in _files(out)}
    monkeypatch.setitem(export.TABLES, "no_such_view", "1")  # fails after articles, images, mentions are written
    with pytest.raises(duckdb.Error):
        export.export_parquet(snapshot, out)
    assert {f: (out / f).read_bytes() for f in _files(out)} == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".export")] == []


def test_export_refuses_a_directory_it_did_not_write(snapshot: Path, tmp_path: Path) -> None:
    from flows.cli import main

    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "thesis.tex").write_text("keep me")
    out = CliRunner().invoke(main, ["export", str(precious)])
    assert out.exit_code == 2
    assert "holds no earlier warta export" in out.output
    assert [p.name for p in precious.iterdir()] == ["thesis.tex"]
