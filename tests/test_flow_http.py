"""An ingest flow against the loopback news site: robots sitemaps, feeds and a URL list with faults."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from sitesim import ARTICLES, PRIVATE_PATH, SiteSim

from tests.conftest import write_config

pytestmark = pytest.mark.usefixtures("prefect_harness")

FAULTS = {
    "/fault/loop-a.html": "redirect_loop",
    "/fault/big.html": "too_large",
    "/fault/reset.html": "connection_error",
    PRIVATE_PATH: "robots_disallowed",
    "/fault/image.jpg": "not_html",
    "/fault/busy-forever.html": "http_429",
    "/fault/down.html": "http_503",
}


@pytest.fixture
def site() -> SiteSim:
    with SiteSim() as sim:
        yield sim


def _config(tmp_path: Path, site: SiteSim) -> Path:
    urls = [site.url(p) for p in FAULTS] + [site.url("/fault/flaky.html"), site.url("/fault/etag.html")]
    sources = f"""
[[sources]]
name = "sim-sitemaps"
kind = "sitemap"
robots_sitemaps = ["{site.url('/')}"]

[[sources]]
name = "sim-feeds"
kind = "feed"
feeds = ["{site.url('/feeds/rss.xml')}", "{site.url('/feeds/atom.xml')}", "{site.url('/feeds/broken.xml')}"]

[[sources]]
name = "sim-urls"
kind = "urls"
urls = {urls!r}
""".replace("'", '"')
    body = """
[http]
allow_private = true
backoff = 0.01
retries = 2
per_host_rate = 200.0
per_host_concurrency = 4
max_bytes = 100000
timeout = 5.0
"""
    return write_config(tmp_path, body, sources=sources)


def test_http_sources_load_each_article_once_and_reject_faults(
    tmp_path: Path, site: SiteSim, monkeypatch: pytest.MonkeyPatch
) -> None:
    from flows.ingest import ingest

    monkeypatch.setenv("WARTA_CONFIG", str(_config(tmp_path, site)))
    first = ingest()
    assert first["status"] == "succeeded"
    db = tmp_path / "wh" / "warta.duckdb"
    con = duckdb.connect(str(db), read_only=True)
    try:
        titles = sorted(r[0] for r in con.execute("SELECT title FROM core.articles").fetchall())
        assert titles == sorted(a["title"] for a in ARTICLES.values())
        assert con.execute("SELECT count(DISTINCT article_id) = count(*) FROM core.articles").fetchall() == [(True,)]
        reasons = dict(con.execute("SELECT url, reason FROM core.rejects").fetchall())
        published = con.execute("SELECT published_at FROM main.articles WHERE title LIKE 'Timnas%'").fetchall()
    finally:
        con.close()
    for path, reason in FAULTS.items():
        assert reasons.get(site.url(path)) == reason, (path, reasons)
    assert any(r == "bad_feed" for r in reasons.values())
    assert str(published[0][0]) == "2026-05-03 14:15:00+00:00"
    assert site.requests_for(PRIVATE_PATH) == []  # robots.txt was obeyed

    hits_before = len(site.hits)
    second = ingest()
    totals = second["totals"]
    assert totals["new"] == 0 and totals["updated"] == 0
    assert totals["unchanged"] >= len(ARTICLES)
    conditional = [h for h in site.requests_for("/fault/etag.html") if "If-None-Match" in h.headers]
    assert conditional, "the second run sent a conditional GET"
    assert len(site.hits) > hits_before
