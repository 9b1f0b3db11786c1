"""Operations at the flow level: the deployments `warta serve` registers, dry runs, and one run at a time."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from flows.config import load_settings
from tests.conftest import write_config

# Holds the run lock and the ETL file mid-run, with a run row 'running' and an uncommitted article, until killed.
MIDWAY = """
import sys, time
from datetime import UTC, datetime
from pathlib import Path
from flows import load
from flows.database import open_warehouse
from flows.runlock import run_lock
wh = Path(sys.argv[1])
with run_lock(wh), open_warehouse(wh, report_timezone="Asia/Jakarta") as con:
    load.start_run(con, "killed-run", flow_run_id=None, flow_name="warta-ingest", parameters={}, sources=["sample"],
                   started_at=datetime.now(UTC))
    con.execute("BEGIN TRANSACTION")
    con.execute("INSERT INTO core.articles (article_id, content_hash) VALUES ('half-loaded', 'x')")
    print("midway", flush=True)
    time.sleep(120)
"""


def test_deployments_have_schedule_limits_and_a_useful_form(tmp_path: Path) -> None:
    from flows.serve import build_deployments

    cfg = write_config(tmp_path, '[schedule]\ncron = "30 5 * * *"\ntimezone = "Asia/Makassar"')
    deployments = {d.name: d for d in build_deployments(load_settings(cfg))}
    assert {"daily", "backfill"} <= set(deployments)
    daily = deployments["daily"]
    (schedule,) = daily.schedules
    assert (schedule.schedule.cron, schedule.schedule.timezone) == ("30 5 * * *", "Asia/Makassar")
    assert schedule.active and not deployments["backfill"].schedules
    assert all(d.concurrency_limit == 1 and d.entrypoint.startswith("flows.") for d in deployments.values())
    form = daily._parameter_openapi_schema.model_dump()["properties"]
    assert set(form) == {"sources", "limit", "since", "until", "reparse", "dry_run"}
    assert all(p.get("description") for p in form.values())
    assert {"format": "date", "type": "string"} in form["since"]["anyOf"]
    array = next(o for o in form["sources"]["anyOf"] if o.get("type") == "array")
    assert array["items"]["enum"] == ["sample"]  # the configured sources, as a pick list
    assert next(o for o in form["limit"]["anyOf"] if o.get("type") == "integer")["minimum"] == 1
    try:
        import flows.reparse  # noqa: F401
    except ImportError:
        assert "by-hand" not in deployments
    else:
        assert deployments["by-hand"].flow_name == "warta-reparse"


def test_serving_does_not_depend_on_the_reparse_module(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       caplog: pytest.LogCaptureFixture) -> None:
    from flows.serve import build_deployments

    monkeypatch.setitem(sys.modules, "flows.reparse", None)  # makes `import flows.reparse` raise ImportError
    names = [d.name for d in build_deployments(load_settings(write_config(tmp_path)))]
    assert names == ["daily", "backfill"]
    assert "serving without the re-parse deployment" in caplog.text


@pytest.mark.usefixtures("prefect_harness")
def test_dry_run_reports_counts_and_keeps_nothing(config_file: Path) -> None:
    from flows.ingest import ingest

    result = ingest(dry_run=True)
    assert result["status"] == "dry-run" and result["dry_run"] is True
    assert result["totals"]["new"] > 0 and result["published"] is None
    assert {q["check"] for q in result["quality"]} >= {"title", "body", "duplicates"}
    wh = config_file.parent / "wh"
    assert not (wh / "warta-bi.duckdb").exists()
    assert sorted(p.name for p in wh.iterdir() if "dry-run" in p.name) == []  # scratch copy removed
    con = duckdb.connect(str(wh / "warta.duckdb"), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM core.articles").fetchall() == [(0,)]
        assert con.execute("SELECT count(*) FROM core.crawl_state").fetchall() == [(0,)]
        runs = con.execute("SELECT status, new FROM core.runs").fetchall()
        checks = con.execute("SELECT count(*) FROM core.quality_checks").fetchall()
    finally:
        con.close()
    assert runs == [("dry-run", result["totals"]["new"])]
    assert checks == [(len(result["quality"]),)]

    real = ingest()  # the dry run left nothing that makes the real run see "unchanged"
    assert real["status"] == "succeeded" and real["totals"]["new"] == result["totals"]["new"]


@pytest.mark.usefixtures("prefect_harness")
def test_overlap_ends_clearly_and_a_killed_run_blocks_nothing(config_file: Path) -> None:
    from flows.ingest import ingest

    wh = load_settings().warehouse.path
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parent.parent)}
    holder = subprocess.Popen([sys.executable, "-c", MIDWAY, str(wh)], stdout=subprocess.PIPE, text=True, env=env)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "midway"
        state = ingest(return_state=True)
        assert state.is_failed()
        assert f"another warta run is in progress on {wh} (pid {holder.pid} since" in str(state.message)
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=30)

    result = ingest()  # no stale lock, no stale DuckDB lock, no half-loaded rows
    assert result["status"] == "succeeded" and result["totals"]["new"] > 0
    con = duckdb.connect(str(wh), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM core.articles WHERE article_id = 'half-loaded'").fetchall() == [(0,)]
        assert con.execute("SELECT status FROM core.runs WHERE run_id = 'killed-run'").fetchall() == [("crashed",)]
    finally:
        con.close()
