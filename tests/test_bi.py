"""BI readers: a read-only connection held across a run never blocks it nor sees a mix, and the published
file opens in DuckDB 1.5.x (what BI drivers bundle) and reflects through SQLAlchemy + duckdb-engine."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from tests.conftest import write_config
from tests.test_export import copy_samples, load_samples

# One statement, so each observation is one consistent state of the whole warehouse.
STATE = ("SELECT (SELECT count(*) FROM core.runs), (SELECT count(*) FROM core.article_versions), "
         "(SELECT max(version) FROM core.articles), (SELECT count(*) FROM main.articles), "
         "(SELECT count(*) FROM main.images)")

READER = f"""
import json, sys, threading, time
import duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
print(json.dumps(con.execute({STATE!r}).fetchone()), flush=True)
seen, stop = set(), threading.Event()
def poll():
    cur = con.cursor()
    while not stop.is_set():
        seen.add(tuple(cur.execute({STATE!r}).fetchone()))
        time.sleep(0.005)
thread = threading.Thread(target=poll)
thread.start()
sys.stdin.readline()  # the run is over
stop.set()
thread.join()
print(json.dumps(sorted(seen)), flush=True)
"""

FRESH = f"import duckdb, json, sys; print(json.dumps(duckdb.connect(sys.argv[1], read_only=True).execute({STATE!r})" \
        ".fetchone()))"

# Runs inside a throwaway venv with the BI-side versions: reads the views, then reflects them like Superset does.
PROBE = """
import json, sys, warnings
import duckdb
import sqlalchemy as sa
warnings.simplefilter("ignore")  # list columns reflect as NullType, index reflection is unsupported
path = sys.argv[1]
con = duckdb.connect(path, read_only=True)
out = {"duckdb": duckdb.__version__, "sqlalchemy": sa.__version__, "counts": {}}
for view in ("articles", "images", "mentions", "daily_volume", "top_entities", "quality_checks", "runs"):
    out["counts"][view] = con.execute(f"SELECT count(*) FROM {view}").fetchone()[0]
out["local_day"] = str(con.execute("SELECT min(published_date) FROM articles").fetchone()[0])
con.close()
engine = sa.create_engine("duckdb:///" + path, connect_args={"read_only": True})
inspector = sa.inspect(engine)
out["views"] = sorted(inspector.get_view_names(schema="main"))
out["columns"] = {c["name"]: str(c["type"]) for c in inspector.get_columns("articles", schema="main")}
images = sa.Table("images", sa.MetaData(schema="main"), autoload_with=engine)
with engine.connect() as c:
    out["rows"] = c.execute(sa.select(sa.func.count()).select_from(images)).scalar()
print(json.dumps(out))
"""

BI_PACKAGES = ("duckdb==1.5.*", "duckdb-engine==0.17.0", "sqlalchemy>=1.4,<2")


def _uv() -> str | None:
    local = Path(__file__).resolve().parent.parent / ".tools" / "bin" / "uv"
    return str(local) if local.exists() else shutil.which("uv")


@pytest.fixture(scope="module")
def bi_python(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A venv with DuckDB 1.5.x, duckdb-engine and SQLAlchemy 1.4 from PyPI; skipped when they cannot be had."""
    uv = _uv()
    if uv is None:
        pytest.skip("uv not found: cannot build the DuckDB 1.5.x venv")
    venv = tmp_path_factory.mktemp("bi-venv") / "venv"
    env = {**os.environ, "UV_PYTHON_DOWNLOADS": "never", "UV_HTTP_TIMEOUT": "30"}
    env.pop("VIRTUAL_ENV", None)
    steps = [[uv, "venv", "--quiet", "--python", sys.executable, str(venv)],
             [uv, "pip", "install", "--quiet", "--python", str(venv / "bin" / "python"), *BI_PACKAGES]]
    for cmd in steps:
        try:
            done = subprocess.run(cmd, capture_output=True, text=True, timeout=240, env=env)
        except subprocess.TimeoutExpired:
            pytest.skip(f"timed out installing {' '.join(BI_PACKAGES)} (is PyPI reachable?)")
        if done.returncode != 0:
            tail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["?"]
            pytest.skip(f"cannot install {' '.join(BI_PACKAGES)} from PyPI: {tail[0]}")
    yield venv / "bin" / "python"


def test_snapshot_opens_in_duckdb_15_and_reflects_in_sqlalchemy(tmp_path: Path, bi_python: Path) -> None:
    published = tmp_path / "wh" / "warta-bi.duckdb"
    load_samples(tmp_path / "wh" / "warta.duckdb", published)
    done = subprocess.run([str(bi_python), "-c", PROBE, str(published)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["duckdb"].startswith("1.5.") and out["sqlalchemy"].startswith("1.4.")
    con = duckdb.connect(str(published), read_only=True)
    try:
        expected = {v: con.execute(f"SELECT count(*) FROM {v}").fetchone()[0] for v in out["counts"]}  # type: ignore[index]
        local_day = str(con.execute("SELECT min(published_date) FROM articles").fetchone()[0])  # type: ignore[index]
    finally:
        con.close()
    assert out["counts"] == expected and expected["articles"] > 0 and expected["mentions"] > 0
    assert out["local_day"] == local_day  # time-zone views (ICU) work in 1.5.x too
    assert {"articles", "images", "mentions", "daily_volume", "quality_checks"} <= set(out["views"])
    assert out["columns"]["published_local"] == "TIMESTAMP" and out["columns"]["title"] == "VARCHAR"
    assert out["columns"]["published_date"] == "DATE" and "author_list" in out["columns"]
    assert out["rows"] == expected["images"]


@pytest.mark.usefixtures("prefect_harness")
def test_reader_held_across_a_run_sees_old_state_and_never_blocks(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from flows.ingest import ingest

    sources = copy_samples(tmp_path)  # copies, so that one page can change between the runs
    pages = tmp_path / "pages"
    monkeypatch.setenv("WARTA_CONFIG", str(write_config(tmp_path, "batch_size = 2", sources=sources)))
    first = ingest()
    assert first["totals"]["new"] == len(list(pages.glob("*.html")))
    published = Path(first["published"])
    reader = subprocess.Popen([sys.executable, "-c", READER, str(published)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert reader.stdout is not None and reader.stdin is not None
        old = tuple(json.loads(reader.stdout.readline()))
        _correct_longest_paragraph(pages / "liputan6-desktop-kereta-cepat.html")
        second = ingest()  # a run with a BI connection open on the published file the whole time
        reader.stdin.write("\n")
        reader.stdin.flush()
        seen = {tuple(s) for s in json.loads(reader.stdout.readline())}
    finally:
        reader.kill()
        reader.wait(timeout=30)
    assert second["status"] == "succeeded" and second["published"] == str(published)
    assert second["totals"]["updated"] == 1
    fresh = subprocess.run([sys.executable, "-c", FRESH, str(published)], capture_output=True, text=True, check=True)
    new = tuple(json.loads(fresh.stdout))
    assert old != new and new[:3] == (2, 1, 2)  # two runs, one superseded version, an article at version 2
    assert seen and seen <= {old, new}  # never a mix of the two runs


def _correct_longest_paragraph(page: Path) -> None:
    """An editor's correction in the article body: the article becomes version 2."""
    html = page.read_text(encoding="utf-8")
    longest = max(re.findall(r"<p>[^<]{40,}</p>", html), key=len)
    page.write_text(html.replace(longest, longest[:-4] + " Ralat: angka diperbarui.</p>", 1), encoding="utf-8")
