from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pyarrow as pa
import pytest

from flows.database import open_warehouse
from flows.load import load_batch, mark_abandoned_runs, start_run
from flows.tabulate import ParsedPage, Reject, tabulate
from tests.articles import make_article
from tests.snapshots import content


@pytest.fixture
def con(tmp_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    with open_warehouse(tmp_path / "w.duckdb", report_timezone="Asia/Jakarta") as c:
        yield c


def _load(con: duckdb.DuckDBPyConnection, pages: list[ParsedPage], run: str):  # type: ignore[no-untyped-def]
    return load_batch(con, tabulate(pages, run), run)


def _snapshot(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple]]:
    return content(con)


def _page(n: int, **kw) -> ParsedPage:  # type: ignore[no-untyped-def]
    return ParsedPage("sample", f"u{n}", article=make_article(n, **kw))


def test_second_load_of_same_input_changes_nothing(con: duckdb.DuckDBPyConnection) -> None:
    pages = [_page(1), _page(2)]
    first = _load(con, pages, "run-1")
    assert (first.new, first.updated, first.unchanged) == (2, 0, 0)
    before = _snapshot(con)
    second = _load(con, pages, "run-2")
    assert (second.new, second.updated, second.unchanged) == (0, 0, 2)
    assert _snapshot(con) == before
    assert con.execute("SELECT DISTINCT last_run_id FROM core.articles").fetchall() == [("run-2",)]


def test_changed_article_becomes_new_version(con: duckdb.DuckDBPyConnection) -> None:
    _load(con, [_page(1, body="Versi awal.", images=2)], "run-1")
    result = _load(con, [_page(1, body="Versi koreksi.", images=1)], "run-2")
    assert (result.new, result.updated) == (0, 1)
    current = con.execute("SELECT version, body_text, run_id FROM core.articles"
                          ).fetchone()
    assert current[0] == 2 and "Versi koreksi." in current[1] and current[2] == "run-2"
    old = con.execute("SELECT version, body_text, superseded_by_run FROM core.article_versions").fetchall()
    assert len(old) == 1 and old[0][0] == 1 and "Versi awal." in old[0][1] and old[0][2] == "run-2"
    assert con.execute("SELECT count(*) FROM core.images").fetchone() == (1,)
    history = con.execute("SELECT version, is_current FROM main.article_history ORDER BY version").fetchall()
    assert history == [(1, False), (2, True)]


def test_first_seen_is_kept_across_versions(con: duckdb.DuckDBPyConnection) -> None:
    t1, t2 = datetime(2024, 1, 1, tzinfo=UTC), datetime(2024, 1, 2, tzinfo=UTC)
    load_batch(con, tabulate([_page(1, body="a")], "r1", t1), "r1", now=t1)
    load_batch(con, tabulate([_page(1, body="b")], "r2", t2), "r2", now=t2)
    first, last = con.execute("SELECT first_seen_at, last_seen_at FROM core.articles").fetchone()
    assert first == t1 and last == t2


def test_url_variants_are_one_article(con: duckdb.DuckDBPyConnection) -> None:
    a = make_article(1, url="https://m.liputan6.com/global/read/4600001/berita-1?utm_source=x")
    b = make_article(1, url="https://www.liputan6.com/global/read/4600001/berita-1#comments")
    result = _load(con, [ParsedPage("s", "a", article=a), ParsedPage("s", "b", article=b)], "run-1")
    assert result.new == 1
    assert con.execute("SELECT count(*) FROM core.articles").fetchone() == (1,)


def test_rejects_are_recorded_and_batch_continues(con: duckdb.DuckDBPyConnection) -> None:
    bad = ParsedPage("sample", "broken.html", reject=Reject("sample", "broken.html", "parse", "empty", "0 bytes"))
    result = _load(con, [_page(1), bad], "run-1")
    assert (result.new, result.rejected) == (1, 1)
    row = con.execute("SELECT run_id, source, url, stage, reason, detail FROM main.rejects").fetchone()
    assert row == ("run-1", "sample", "broken.html", "parse", "empty", "0 bytes")


def test_bylines_and_images_are_normalized(con: duckdb.DuckDBPyConnection) -> None:
    _load(con, [_page(1, images=2), _page(2)], "run-1")
    assert con.execute("SELECT count(*) FROM core.authors").fetchone() == (2,)
    roles = con.execute("SELECT name, role, count(*) FROM main.bylines GROUP BY ALL ORDER BY ALL").fetchall()
    assert roles == [("Benedikta Miranti", "author", 2), ("Rita Editor", "editor", 2)]
    imgs = con.execute("SELECT position, caption, credit, is_cover FROM main.images WHERE article_id = "
                       "(SELECT article_id FROM core.articles WHERE title = 'Judul berita 1') ORDER BY position"
                       ).fetchall()
    assert imgs == [(0, "Keterangan 0.", "AP Photo/Ahn", True), (1, "Keterangan 1.", "AP Photo/Ahn", False)]


def test_failed_batch_rolls_back_entirely(con: duckdb.DuckDBPyConnection) -> None:
    batch = tabulate([_page(1), _page(2)], "run-1")
    nulls = pa.array([None] * batch.images.num_rows, pa.int32())
    broken = batch.images.set_column(1, pa.field("position", pa.int32()), nulls)  # NOT NULL violation
    batch.images = broken
    with pytest.raises(duckdb.Error):
        load_batch(con, batch, "run-1")
    for table in ("articles", "images", "authors"):
        assert con.execute(f"SELECT count(*) FROM core.{table}").fetchone() == (0,)
    assert _load(con, [_page(1)], "run-2").new == 1


def test_abandoned_runs_are_marked_crashed(con: duckdb.DuckDBPyConnection) -> None:
    now = datetime.now(UTC)
    start_run(con, "r1", flow_run_id=None, flow_name="t", parameters={}, sources=["s"], started_at=now)
    assert mark_abandoned_runs(con, now) == 1
    assert con.execute("SELECT status FROM core.runs").fetchone() == ("crashed",)


def test_views_use_jakarta_local_day(con: duckdb.DuckDBPyConnection) -> None:
    late_utc = datetime(2021, 8, 23, 20, 0, tzinfo=UTC)  # 03:00 WIB on the 24th
    _load(con, [_page(1, published=late_utc), _page(2)], "run-1")
    days = con.execute("SELECT day, articles FROM main.daily_volume ORDER BY day").fetchall()
    assert [(str(d), n) for d, n in days] == [("2021-08-23", 1), ("2021-08-24", 1)]
    local = con.execute("SELECT published_local FROM main.articles WHERE title = 'Judul berita 1'").fetchone()[0]
    assert local == datetime(2021, 8, 24, 3, 0)
