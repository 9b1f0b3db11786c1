"""Data-quality checks: the [quality] config, the measurements on a hand-made run, and the gate in a real flow run."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from flows import quality
from flows.config import ConfigError, QualityCheck, parse_settings
from flows.database import connect, create_views, migrate
from tests.conftest import write_config
from tests.test_export import copy_samples

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


def _settings(tmp_path: Path, quality_toml: str):
    import tomllib

    return parse_settings(tomllib.loads(quality_toml), tmp_path / "warta.toml")


def test_quality_defaults_and_overrides(tmp_path: Path) -> None:
    default = _settings(tmp_path, "").quality
    assert default.checks["title"] == QualityCheck(0.95, "fail")
    assert default.checks["images"].action == "warn"
    custom = _settings(tmp_path, '[quality]\nmin_articles = 2\nimages = { min = 0.9, action = "fail" }\n'
                                 'rejects = { action = "off" }\n').quality
    assert custom.min_articles == 2
    assert custom.checks["images"] == QualityCheck(0.9, "fail")
    assert custom.checks["rejects"] == QualityCheck(0.2, "off")  # threshold kept, action changed
    assert custom.checks["title"] == default.checks["title"]


@pytest.mark.parametrize(("body", "message"), [
    ('[quality]\nheadline = { min = 0.5 }', r"unknown key quality\.headline"),
    ('[quality]\ntitle = { max = 0.5 }', r"unknown key quality\.title\.max"),  # title is a minimum
    ('[quality]\nduplicates = { min = 0.5 }', r"unknown key quality\.duplicates\.min"),
    ('[quality]\ntitle = { min = 95 }', r"quality\.title\.min must be a share between 0 and 1"),
    ('[quality]\ntitle = { action = "explode" }', r"quality\.title\.action must be one of warn, fail, off"),
    ('[quality]\ntitle = 0.5', r"quality\.title must be a table"),
    ('[quality]\nmin_articles = "5"', r"quality\.min_articles must be int"),
])
def test_bad_quality_config_names_the_key(tmp_path: Path, body: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        _settings(tmp_path, body)


def _warehouse(tmp_path: Path) -> duckdb.DuckDBPyConnection:
    con = connect(tmp_path / "w.duckdb")
    migrate(con)
    create_views(con, "Asia/Jakarta")
    rows = []
    for i in range(10):
        rows.append((
            f"a{i}",
            None if i < 3 else f"Judul {i}",                                  # 3 without a title
            "isi berita" if i != 9 else "  ",                                  # 1 blank body
            [] if i % 2 else ["Penulis"],                                      # 5 with an author
            NOW + timedelta(days=2) if i == 4 else (None if i == 5 else NOW - timedelta(hours=i)),
            1 if i < 8 else 0,                                                 # 8 with images
            "same" if i in (6, 7) else f"h{i}",                                # 2 share content
            "r1",
        ))
    rows.append(("other", "Judul", "isi", ["X"], NOW, 1, "h-other", "r0"))  # another run's article
    con.executemany(
        "INSERT INTO core.articles (article_id, title, body_text, authors, published_at, image_count, content_hash, "
        "last_run_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
    return con


def test_measures_only_the_runs_articles(tmp_path: Path) -> None:
    con = _warehouse(tmp_path)
    settings = _settings(tmp_path, "").quality
    results = {r.check: r for r in quality.evaluate(con, "r1", settings, found=12, rejected=2, now=NOW)}
    measured = {name: (r.matching, r.total) for name, r in results.items()}
    assert measured == {"title": (7, 10), "body": (9, 10), "published_at": (9, 10), "authors": (5, 10),
                        "images": (8, 10), "duplicates": (2, 10), "future_dates": (1, 10), "rejects": (2, 12)}
    status = {name: r.status for name, r in results.items()}
    assert status == {"title": "fail", "body": "pass", "published_at": "pass", "authors": "pass", "images": "pass",
                      "duplicates": "warn", "future_dates": "warn", "rejects": "pass"}
    message = quality.failure_message(list(results.values()))
    assert message is not None and message.startswith("quality checks failed: title: 70.0% (7/10)")
    assert "duplicates" not in message  # a warning does not fail the run

    quality.store(con, "r1", list(results.values()), NOW)
    quality.store(con, "r1", list(results.values()), NOW)  # re-evaluating replaces, never duplicates
    rows = con.execute("SELECT check_name, status, percent, threshold_percent FROM main.quality_checks "
                       "WHERE check_name IN ('title', 'future_dates') ORDER BY 1").fetchall()
    assert rows == [("future_dates", "warn", 10.0, 0.0), ("title", "fail", 70.0, 95.0)]


def test_small_runs_skip_and_off_checks_are_left_out(tmp_path: Path) -> None:
    con = _warehouse(tmp_path)
    settings = _settings(tmp_path, '[quality]\nmin_articles = 11\ntitle = { action = "off" }').quality
    results = {r.check: r for r in quality.evaluate(con, "r1", settings, found=0, rejected=0, now=NOW)}
    assert "title" not in results
    assert {r.status for r in results.values()} == {"skip"}
    assert quality.failure_message(list(results.values())) is None


@pytest.mark.usefixtures("prefect_harness")
def test_fail_action_fails_the_run_and_keeps_it_from_bi(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from prefect.artifacts import Artifact

    from flows.cli import main

    # The sample pages plus an empty one, which is always rejected: the rejects share is above 0.
    sources = copy_samples(tmp_path, extra={"zz-empty.html": b""})
    found = len(list((tmp_path / "pages").glob("*.html")))
    warn = write_config(tmp_path, '[quality]\nmin_articles = 1\nrejects = { max = 0.0, action = "warn" }',
                        sources=sources)
    monkeypatch.setenv("WARTA_CONFIG", str(warn))
    first = CliRunner().invoke(main, ["run"])
    assert first.exit_code == 0, first.output
    assert f"quality warn: rejects 1/{found}" in first.output
    published = tmp_path / "wh" / "warta-bi.duckdb"
    assert published.exists()

    (tmp_path / "fail").mkdir()
    fail = write_config(tmp_path / "fail", '[quality]\nmin_articles = 1\nrejects = { max = 0.0, action = "fail" }',
                        sources=sources)
    monkeypatch.setenv("WARTA_CONFIG", str(fail))
    monkeypatch.setenv("WARTA_WAREHOUSE", str(tmp_path / "wh" / "warta.duckdb"))
    second = CliRunner().invoke(main, ["run"])
    assert second.exit_code == 1
    assert f"quality checks failed: rejects: {1 / found:.1%} (1/{found}), expected <= 0%: fail" in second.output

    con = duckdb.connect(str(tmp_path / "wh" / "warta.duckdb"), read_only=True)
    try:
        runs = con.execute("SELECT status, error FROM core.runs ORDER BY started_at").fetchall()
        checks = con.execute("SELECT r.status, q.status FROM core.quality_checks q JOIN core.runs r USING (run_id) "
                             "WHERE check_name = 'rejects' ORDER BY r.started_at").fetchall()
    finally:
        con.close()
    assert [r[0] for r in runs] == ["succeeded", "failed"]
    assert "quality checks failed: rejects" in runs[1][1]
    assert checks == [("succeeded", "warn"), ("failed", "fail")]
    # BI readers still see the last good run: the failed one was not published.
    snap = duckdb.connect(str(published), read_only=True)
    try:
        assert snap.execute("SELECT status FROM runs").fetchall() == [("succeeded",)]
    finally:
        snap.close()
    artifact = Artifact.get("ingest-quality")
    assert artifact is not None and "rejects" in str(artifact.data)
    summary = Artifact.get("ingest-summary")
    assert summary is not None and "## Data quality" in str(summary.data) and "not published" in str(summary.data)
