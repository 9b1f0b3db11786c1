"""A real ingest flow run under Prefect's test harness: sample pages plus broken ones, run twice, then a change."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pytest

from tests.conftest import SAMPLES, write_config
from tests.snapshots import content

pytestmark = pytest.mark.usefixtures("prefect_harness")



@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The bundled sample pages plus three bad ones, under a config of their own."""
    pages = tmp_path / "pages"
    shutil.copytree(SAMPLES / "pages", pages)
    manifest = json.loads((SAMPLES / "manifest.json").read_text(encoding="utf-8"))
    (pages / "zz-empty.html").write_bytes(b"")
    (pages / "zz-binary.html").write_bytes(bytes(range(256)) * 40)
    (pages / "zz-huge.html").write_bytes(b"<html><body>" + b"<p>x</p>" * 40_000 + b"</body></html>")
    (tmp_path / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    sources = f"""
[[sources]]
name = "sample"
kind = "files"
paths = ["{pages}/*.html"]
manifest = "{tmp_path / 'manifest.json'}"
"""
    cfg = write_config(tmp_path, "max_page_bytes = 200000\nbatch_size = 4", sources=sources)
    monkeypatch.setenv("WARTA_CONFIG", str(cfg))
    return tmp_path


def _sample_count() -> int:
    return len(list((SAMPLES / "pages").glob("*.html")))


def _content(db: Path) -> dict[str, list[tuple]]:
    return content(db)


def test_ingest_flow_end_to_end(site: Path) -> None:
    from prefect.artifacts import Artifact

    from flows.ingest import ingest

    first = ingest()
    n = _sample_count()
    assert first["status"] == "succeeded"
    assert first["totals"]["found"] == n + 3
    assert first["totals"]["new"] == n
    assert first["totals"]["rejected"] == 3
    reasons = first["sources"][0]["reject_reasons"]
    assert reasons.get("read:too_large") == 1
    assert sum(v for k, v in reasons.items() if k.startswith("parse:")) == 2

    published = Path(first["published"])
    con = duckdb.connect(str(published), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM articles WHERE title IS NOT NULL").fetchall() == [(n,)]
        assert con.execute("SELECT status, new, rejected FROM runs").fetchall() == [("succeeded", n, 3)]
        assert con.execute("SELECT count(*) FROM rejects").fetchall() == [(3,)]
    finally:
        con.close()
    artifact = Artifact.get("ingest-summary")
    assert artifact is not None and "| sample |" in str(artifact.data)

    db = site / "wh" / "warta.duckdb"
    before = _content(db)
    second = ingest()
    assert second["totals"]["unchanged"] == n and second["totals"]["new"] == 0
    assert second["totals"]["updated"] == 0
    assert _content(db) == before

    page = sorted((site / "pages").glob("[!z]*.html"))[0]
    html = page.read_text(encoding="utf-8")
    marker = "</p>"
    assert marker in html
    page.write_text(html.replace(marker, " Koreksi: angka diperbarui.</p>", 1), encoding="utf-8")
    third = ingest()
    assert third["totals"]["updated"] == 1 and third["totals"]["unchanged"] == n - 1
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM core.article_versions").fetchall() == [(1,)]
        assert con.execute("SELECT max(version) FROM core.articles").fetchall() == [(2,)]
    finally:
        con.close()


def test_failed_run_is_a_failed_flow(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from flows.ingest import ingest

    cfg = write_config(tmp_path)
    (tmp_path / "wh").mkdir()
    (tmp_path / "wh" / "warta.duckdb").mkdir()  # a directory where the database file should be
    monkeypatch.setenv("WARTA_CONFIG", str(cfg))
    state = ingest(return_state=True)
    assert state.is_failed()
