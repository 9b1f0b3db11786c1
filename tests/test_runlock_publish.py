from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from flows.publish import publish_snapshot
from flows.runlock import RunInProgress, run_lock

HOLD = """
import sys, time
from pathlib import Path
from flows.runlock import run_lock
with run_lock(Path(sys.argv[1])):
    print("locked", flush=True)
    time.sleep(60)
"""


def test_second_run_is_refused_with_holder_named(tmp_path: Path) -> None:
    wh = tmp_path / "w.duckdb"
    busy = r"another warta run is in progress .*pid \d+"
    with run_lock(wh), pytest.raises(RunInProgress, match=busy), run_lock(wh, wait=0.2, poll=0.05):
        pass
    with run_lock(wh):  # released after the first context
        pass


def test_killed_holder_leaves_no_stale_lock(tmp_path: Path) -> None:
    wh = tmp_path / "w.duckdb"
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(wh)], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
        with pytest.raises(RunInProgress), run_lock(wh):
            pass
    finally:
        proc.kill()
        proc.wait()
    with run_lock(wh, wait=5):
        pass


def test_publish_swaps_whole_file_and_old_reader_keeps_old_state(tmp_path: Path) -> None:
    src, dst = tmp_path / "etl.duckdb", tmp_path / "bi.duckdb"
    con = duckdb.connect(str(src))
    con.execute("CREATE TABLE t AS SELECT 1 AS x")
    con.close()
    publish_snapshot(src, dst)
    reader = duckdb.connect(str(dst), read_only=True)
    con = duckdb.connect(str(src))
    con.execute("INSERT INTO t VALUES (2)")
    con.close()
    publish_snapshot(src, dst)
    assert reader.execute("SELECT count(*) FROM t").fetchall() == [(1,)]
    # A new process (DuckDB caches open databases per process by path) sees the new snapshot.
    count = subprocess.run(
        [sys.executable, "-c", "import duckdb,sys; print(duckdb.connect(sys.argv[1], read_only=True)"
         ".execute('SELECT count(*) FROM t').fetchall()[0][0])", str(dst)],
        capture_output=True, text=True, check=True).stdout.strip()
    assert count == "2"
    assert not list(tmp_path.glob(".bi.duckdb.*.tmp"))
