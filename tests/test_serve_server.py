"""`warta serve` against a real Prefect server on loopback: deployments registered with the configured
schedule and a validated parameter form, a run triggered through the REST API completes and loads rows,
and stopping the serve process leaves the schedule active."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import duckdb
import httpx
import pytest

from tests.conftest import write_config
from tests.test_export import copy_samples

BIN = Path(sys.executable).parent
WAIT = 150.0  # seconds; a fresh server migrates its database, which is slow on a busy 2-core box


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _until(what: str, probe: Callable[[], Any], procs: list[subprocess.Popen[bytes]], logs: list[Path]) -> Any:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        for proc in procs:
            if proc.poll() is not None:
                pytest.fail(f"{proc.args[1]} exited ({proc.returncode}) while waiting for {what}:\n{_tails(logs)}")
        try:
            value = probe()
        except httpx.HTTPError:
            value = None
        if value:
            return value
        time.sleep(1)
    pytest.fail(f"no {what} within {WAIT:.0f} s:\n{_tails(logs)}")


def _tails(logs: list[Path]) -> str:
    return "\n".join(f"--- {p.name}\n" + "\n".join(p.read_text(errors="replace").splitlines()[-25:]) for p in logs)


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)


@pytest.fixture
def env(tmp_path: Path) -> Iterator[dict[str, str]]:
    cfg = write_config(tmp_path, '[schedule]\ncron = "15 6 * * *"\ntimezone = "Asia/Jakarta"',
                       sources=copy_samples(tmp_path))
    port = _free_port()
    base = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    yield {**base, "PREFECT_HOME": str(tmp_path / "prefect-home"), "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
           "PREFECT_API_URL": f"http://127.0.0.1:{port}/api", "PREFECT_SERVER_API_PORT": str(port),
           "PREFECT_RUNNER_POLL_FREQUENCY": "2", "WARTA_CONFIG": str(cfg)}


def test_serve_registers_runs_and_keeps_the_schedule(env: dict[str, str], tmp_path: Path) -> None:
    api = env["PREFECT_API_URL"]
    port = env["PREFECT_SERVER_API_PORT"]
    logs = [tmp_path / "server.log", tmp_path / "serve.log"]
    server_env = {k: v for k, v in env.items() if k != "PREFECT_API_URL"}
    with logs[0].open("wb") as out:
        server = subprocess.Popen([str(BIN / "prefect"), "server", "start", "--host", "127.0.0.1", "--port", port,
                                   "--no-ui", "--no-services"], env=server_env, stdout=out,
                                  stderr=subprocess.STDOUT, start_new_session=True)
    procs = [server]
    try:
        client = httpx.Client(base_url=api, timeout=30)
        _until("healthy server", lambda: client.get("/health").status_code == 200, procs, logs[:1])
        with logs[1].open("wb") as out:
            serve = subprocess.Popen([str(BIN / "warta"), "serve"], env=env, stdout=out, stderr=subprocess.STDOUT,
                                     start_new_session=True)
        procs.append(serve)

        def deployments() -> dict[str, dict[str, Any]]:
            response = client.post("/deployments/filter", json={})
            if response.status_code != 200:  # 503 while the server's database is busy
                return {}
            names = {d["name"]: d for d in response.json()}
            return names if {"daily", "backfill"} <= set(names) else {}

        deps = _until("registered deployments", deployments, procs, logs)
        daily = deps["daily"]
        (schedule,) = daily["schedules"]
        assert (schedule["schedule"]["cron"], schedule["schedule"]["timezone"]) == ("15 6 * * *", "Asia/Jakarta")
        assert schedule["active"] and not daily["paused"]
        assert daily["global_concurrency_limit"]["limit"] == 1  # a second trigger queues behind the first
        assert daily["concurrency_options"]["collision_strategy"] == "ENQUEUE"
        assert "dry_run" in daily["parameter_openapi_schema"]["properties"]

        def create(parameters: dict[str, Any]) -> httpx.Response:
            # The server answers 503 while its SQLite database is busy (a loaded machine); ask again.
            def attempt() -> httpx.Response | None:
                response = client.post(f"/deployments/{daily['id']}/create_flow_run",
                                       json={"parameters": parameters})
                return None if response.status_code == 503 else response

            return _until("an answer other than 503", attempt, procs, logs)

        bad = create({"sources": ["nope"]})
        assert bad.status_code in (409, 422)  # the form's source list is enforced by the server

        created = create({"sources": ["sample"], "limit": 3})
        assert created.status_code == 201, created.text
        run_id = created.json()["id"]

        def finished() -> dict[str, Any] | None:
            response = client.get(f"/flow_runs/{run_id}")
            if response.status_code != 200:
                return None
            state = response.json()["state"]
            return state if state["type"] in ("COMPLETED", "FAILED", "CRASHED", "CANCELLED") else None

        state = _until("finished flow run", finished, procs, logs)
        assert state["type"] == "COMPLETED", f"{state}\n{_tails(logs)}"

        con = duckdb.connect(str(tmp_path / "wh" / "warta-bi.duckdb"), read_only=True)
        try:
            assert con.execute("SELECT count(*) FROM articles").fetchall() == [(3,)]
            row = con.execute("SELECT flow_run_id, status, parameters FROM runs").fetchall()
        finally:
            con.close()
        assert row[0][:2] == (run_id, "succeeded") and '"limit": 3' in row[0][2]

        serve.send_signal(signal.SIGTERM)  # what systemd does on stop
        serve.wait(timeout=60)
        after = client.get(f"/deployments/{daily['id']}").json()
        assert not after["paused"] and after["schedules"][0]["active"]  # the daily run survives a restart
    finally:
        for proc in reversed(procs):
            _stop(proc)
