"""Shared fixtures: an isolated config + warehouse per test, and Prefect's test harness for flow tests."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "config" / "samples"


def write_config(directory: Path, body: str = "", *, sources: str | None = None) -> Path:
    """A config file whose warehouse lives in `directory`; `sources` defaults to the bundled sample."""
    if sources is None:
        sources = f"""
[[sources]]
name = "sample"
kind = "files"
paths = ["{SAMPLES / 'pages' / '*.html'}"]
manifest = "{SAMPLES / 'manifest.json'}"
language = "id"
"""
    path = directory / "warta.toml"
    path.write_text(
        f"""
[warehouse]
path = "wh/warta.duckdb"

[run]
workers = 1
{body}
{sources}
""",
        encoding="utf-8",
    )
    return path


@pytest.fixture
def config_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = write_config(tmp_path)
    monkeypatch.setenv("WARTA_CONFIG", str(path))
    monkeypatch.delenv("WARTA_WAREHOUSE", raising=False)
    return path


@pytest.fixture(scope="session")
def prefect_harness() -> Iterator[None]:
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=60):
        yield
