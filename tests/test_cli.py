from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from flows.cli import main
from flows.config import load_settings
from flows.database import open_warehouse
from flows.load import load_batch
from flows.publish import publish_snapshot
from flows.tabulate import ParsedPage, tabulate
from tests.articles import make_article
from tests.conftest import SAMPLES


@pytest.fixture
def loaded(config_file: Path) -> Path:
    """A warehouse with two articles, published."""
    settings = load_settings()
    wh = settings.warehouse
    with open_warehouse(wh.path, report_timezone=wh.report_timezone) as con:
        load_batch(con, tabulate([ParsedPage("sample", "a", article=make_article(1)),
                                  ParsedPage("sample", "b", article=make_article(2))], "run-1"), "run-1")
        con.execute("INSERT INTO core.runs (run_id, status, started_at, finished_at, new) "
                    "VALUES ('run-1', 'succeeded', now(), now(), 2)")
    publish_snapshot(wh.path, wh.published_path)
    return wh.published_path


def test_sql_prints_table_csv_and_json(loaded: Path) -> None:
    runner = CliRunner()
    out = runner.invoke(main, ["sql", "SELECT title FROM articles ORDER BY title"])
    assert out.exit_code == 0, out.output
    assert "Judul berita 1" in out.output and "Judul berita 2" in out.output
    out = runner.invoke(main, ["sql", "--format", "csv", "SELECT title, published_local FROM articles ORDER BY 1"])
    assert out.output.splitlines()[:2] == ["title,published_local", "Judul berita 1,2021-08-23 17:33:00"]
    out = runner.invoke(main, ["sql", "--format", "json", "SELECT count(*) AS n FROM images"])
    assert json.loads(out.output) == {"n": 2}


def test_sql_is_read_only_and_errors_are_one_line(loaded: Path) -> None:
    runner = CliRunner()
    out = runner.invoke(main, ["sql", "DELETE FROM core.articles"])
    assert out.exit_code == 2
    assert out.output.startswith("warta: error:") and out.output.count("\n") == 1
    out = runner.invoke(main, ["sql", "SELECT nope FROM articles"])
    assert out.exit_code == 2 and "nope" in out.output


def test_status_lists_runs(loaded: Path) -> None:
    out = CliRunner().invoke(main, ["status"])
    assert out.exit_code == 0, out.output
    assert "run-1" in out.output and "succeeded" in out.output


def test_sql_before_any_run(config_file: Path) -> None:
    out = CliRunner().invoke(main, ["sql", "SELECT 1"])
    assert out.exit_code == 2
    assert "run `warta run` first" in out.output


def test_missing_config_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WARTA_CONFIG", str(tmp_path / "missing.toml"))
    for args in (["run"], ["sql", "SELECT 1"], ["status"]):
        out = CliRunner().invoke(main, args)
        assert out.exit_code == 2
        assert out.output.startswith("warta: error: config file not found") and out.output.count("\n") == 1


def test_unknown_source(config_file: Path) -> None:
    out = CliRunner().invoke(main, ["run", "--source", "nope"])
    assert out.exit_code == 2
    assert "unknown source 'nope'" in out.output


def test_parse_prints_article_json(config_file: Path) -> None:
    manifest = json.loads((SAMPLES / "manifest.json").read_text(encoding="utf-8"))
    entry = manifest[0]
    out = CliRunner().invoke(main, ["parse", str(SAMPLES / entry["file"]), "--url", entry["url"]])
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    assert data["title"] and data["paragraphs"] and data["body_text"]
    assert data["url"] == entry["url"]


def test_parse_rejected_page(tmp_path: Path, config_file: Path) -> None:
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    out = CliRunner().invoke(main, ["parse", str(empty)])
    assert out.exit_code == 2 and "page rejected (empty)" in out.output


@pytest.mark.usefixtures("prefect_harness")
def test_run_prints_summary_and_fails_loudly(config_file: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    out = runner.invoke(main, ["run", "--limit", "2"])
    assert out.exit_code == 0, out.output
    assert "found 2, parsed 2, new 2" in out.output
    wh = tmp_path / "wh" / "warta.duckdb"
    wh.unlink()
    wh.mkdir()  # the warehouse path is now unusable: the run must fail with exit 1
    out = runner.invoke(main, ["run"])
    assert out.exit_code == 1
    assert "run failed" in out.output


def test_eval_scores_the_bundled_samples(config_file: Path) -> None:
    out = CliRunner().invoke(main, ["eval", str(SAMPLES)])
    assert out.exit_code == 0, out.output
    body_f1 = next(line for line in out.output.splitlines() if line.startswith("body f1"))
    assert float(body_f1.split()[-1]) >= 0.95


def test_eval_refuses_a_folder_without_gold(tmp_path: Path, config_file: Path) -> None:
    out = CliRunner().invoke(main, ["eval", str(tmp_path)])
    assert out.exit_code == 2
    assert "is not a labelled corpus" in out.output and out.output.count("\n") == 1
