"""Polite HTTP fetching against the loopback site: every fault becomes a Page with a reason."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from itertools import pairwise
from pathlib import Path

import pytest
from sitesim import ARTICLES, ETAG, LAST_MODIFIED, PRIVATE_PATH, SiteSim, make_settings

from flows.fetch import CrawlState, Fetcher, state_from_table, state_key, state_rows
from flows.fetch.http import PoliteClient, parse_retry_after
from flows.pages import Candidate, Page
from flows.rawstore import RawStore

ARTICLE = next(iter(ARTICLES))


@pytest.fixture
def site() -> Iterator[SiteSim]:
    with SiteSim() as sim:
        yield sim


def fetch(site: SiteSim, tmp_path: Path, paths: list[str], state: dict[str, CrawlState] | None = None,
          **http: object) -> dict[str, Page]:
    settings = make_settings(tmp_path, **http)
    with Fetcher(settings, state) as fetcher:
        pages = list(fetcher.fetch_all(Candidate("sim", url=site.url(p)) for p in paths))
    assert len(pages) == len(paths)
    return {p.url.split(str(site.port), 1)[1]: p for p in pages}


def test_article_is_fetched_archived_and_decoded(site: SiteSim, tmp_path: Path) -> None:
    page = fetch(site, tmp_path, [ARTICLE])[ARTICLE]
    assert page.ok and page.status == 200
    assert page.content_type == "text/html" and page.charset == "utf-8"
    assert ARTICLES[ARTICLE]["title"].encode() in page.content
    assert RawStore(tmp_path / "raw").get(page.raw_ref) == page.content
    assert page.fetched_at is not None and page.fetched_at.tzinfo is not None
    hit = site.requests_for(ARTICLE)[0]
    assert hit.headers["User-Agent"] == "warta-test/1.0"
    assert "gzip" in hit.headers["Accept-Encoding"]


def test_robots_is_fetched_once_and_disallow_obeyed(site: SiteSim, tmp_path: Path) -> None:
    pages = fetch(site, tmp_path, [ARTICLE, PRIVATE_PATH, "/berita/2026/05/02/harga-cabai-naik.html"])
    assert pages[PRIVATE_PATH].error_reason == "robots_disallowed"
    assert pages[PRIVATE_PATH].error_stage == "fetch"
    assert site.requests_for(PRIVATE_PATH) == []
    assert len(site.requests_for("/robots.txt")) == 1
    robots_at = site.requests_for("/robots.txt")[0].at
    assert all(h.at >= robots_at for h in site.hits)  # nothing fetched before the rules were known


def test_robots_can_be_ignored_when_configured(site: SiteSim, tmp_path: Path) -> None:
    pages = fetch(site, tmp_path, [PRIVATE_PATH], obey_robots=False)
    assert pages[PRIVATE_PATH].ok
    assert site.requests_for("/robots.txt") == []


def test_missing_robots_means_no_rules(site: SiteSim, tmp_path: Path) -> None:
    site.robots_txt = None
    assert fetch(site, tmp_path, [PRIVATE_PATH])[PRIVATE_PATH].ok


def assert_paced(arrivals: list[float], interval: float) -> None:
    """Requests leave the client `interval` apart; their arrival times at the server jitter by a few ms
    under load (one late arrival shortens the next gap and lengthens the one before). So: the whole span
    holds every interval, and no gap is so short that two requests went out together."""
    gaps = [b - a for a, b in pairwise(sorted(arrivals))]
    assert sum(gaps) >= len(gaps) * interval - 0.03, gaps
    assert min(gaps) >= interval / 2, gaps


def test_rate_limit_spaces_requests_to_one_host(site: SiteSim, tmp_path: Path) -> None:
    paths = list(ARTICLES)
    fetch(site, tmp_path, paths, per_host_rate=5.0, per_host_concurrency=4)
    times = sorted(h.at for h in site.hits)
    assert len(times) == len(paths) + 1  # + robots.txt
    assert_paced(times, 0.2)


def test_crawl_delay_from_robots_is_honoured(site: SiteSim, tmp_path: Path) -> None:
    site.crawl_delay = 0.3
    fetch(site, tmp_path, list(ARTICLES)[:3], per_host_rate=100.0)
    pages = sorted(h.at for h in site.hits if h.path != "/robots.txt")
    assert len(pages) == 3
    assert_paced(pages, 0.3)


def test_hosts_are_paced_independently(site: SiteSim, tmp_path: Path) -> None:
    settings = make_settings(tmp_path, per_host_rate=4.0)
    hosts = ("127.0.0.1", "localhost")
    candidates = [Candidate("sim", url=site.url(p, host=h)) for p in list(ARTICLES)[:2] for h in hosts]
    with Fetcher(settings) as fetcher:
        pages = list(fetcher.fetch_all(candidates))
    assert all(p.ok for p in pages)
    for host in ("127.0.0.1", "localhost"):
        hits = sorted(h.at for h in site.requests_for(host=host))
        assert len(hits) == 3  # robots.txt + 2 pages, per host
        assert_paced(hits, 0.25)
    # the two hosts overlapped: the second host did not wait for the first to finish
    first = sorted(h.at for h in site.requests_for(host="127.0.0.1"))
    second = sorted(h.at for h in site.requests_for(host="localhost"))
    assert second[0] < first[-1] and first[0] < second[-1]


def test_per_host_concurrency_is_bounded(site: SiteSim, tmp_path: Path) -> None:
    site.slow_seconds = 0.25
    settings = make_settings(tmp_path, per_host_concurrency=1, timeout=2.0)
    with Fetcher(settings) as fetcher:
        pages = list(fetcher.fetch_all(Candidate("sim", url=site.url("/fault/slow.html") + f"?n={i}")
                                       for i in range(2)))
    assert all(p.ok for p in pages)
    starts = sorted(h.at for h in site.requests_for("/fault/slow.html"))
    assert starts[1] - starts[0] >= 0.25 - 0.03  # the second began only after the first answered


def test_500_then_success_is_retried(site: SiteSim, tmp_path: Path) -> None:
    page = fetch(site, tmp_path, ["/fault/flaky.html"])["/fault/flaky.html"]
    assert page.ok and page.status == 200
    assert page.hints["attempts"] == 2
    assert site.counts["/fault/flaky.html"] == 2


def test_persistent_5xx_gives_up_after_retries(site: SiteSim, tmp_path: Path) -> None:
    page = fetch(site, tmp_path, ["/fault/down.html"], retries=2)["/fault/down.html"]
    assert (page.error_reason, page.status) == ("http_503", 503)
    assert site.counts["/fault/down.html"] == 3


def test_429_retry_after_is_honoured(site: SiteSim, tmp_path: Path) -> None:
    page = fetch(site, tmp_path, ["/fault/busy.html"])["/fault/busy.html"]
    assert page.ok
    first, second = sorted(h.at for h in site.requests_for("/fault/busy.html"))
    assert second - first >= 1.0 - 0.05  # Retry-After: 1, although backoff is 0.01 s


def test_unreasonable_retry_after_is_a_reject_not_a_stall(site: SiteSim, tmp_path: Path) -> None:
    pages = fetch(site, tmp_path, ["/fault/busy-forever.html", ARTICLE])
    assert pages["/fault/busy-forever.html"].error_reason == "http_429"
    assert site.counts["/fault/busy-forever.html"] == 1
    assert pages[ARTICLE].ok  # the host was not blocked for an hour


def test_timeout_is_retried_then_rejected(site: SiteSim, tmp_path: Path) -> None:
    site.slow_seconds = 1.0
    page = fetch(site, tmp_path, ["/fault/slow.html"], timeout=0.2, retries=1)["/fault/slow.html"]
    assert page.error_reason == "timeout" and page.error_stage == "fetch"
    assert site.counts["/fault/slow.html"] == 2


def test_connection_reset_is_a_connection_error(site: SiteSim, tmp_path: Path) -> None:
    page = fetch(site, tmp_path, ["/fault/reset.html"], retries=1)["/fault/reset.html"]
    assert page.error_reason == "connection_error"
    assert site.counts["/fault/reset.html"] == 2


def test_404_is_not_retried(site: SiteSim, tmp_path: Path) -> None:
    page = fetch(site, tmp_path, ["/tidak-ada.html"])["/tidak-ada.html"]
    assert (page.error_reason, page.status) == ("http_404", 404)
    assert site.counts["/tidak-ada.html"] == 1


def test_conditional_get_gives_not_modified(site: SiteSim, tmp_path: Path) -> None:
    first = fetch(site, tmp_path, ["/fault/etag.html"])["/fault/etag.html"]
    assert first.ok and first.etag == ETAG and first.last_modified == LAST_MODIFIED
    table = state_rows([first])
    assert table.column_names[:6] == ["url", "etag", "last_modified", "content_sha256", "fetched_at", "status"]
    state = state_from_table(table)
    assert state[state_key(first.url)].content_sha256 == first.raw_ref

    second = fetch(site, tmp_path, ["/fault/etag.html"], state=state)["/fault/etag.html"]
    assert second.not_modified and second.status == 304 and not second.ok
    assert second.content is None and second.error_reason is None
    assert second.raw_ref == first.raw_ref  # the stored bytes can be re-parsed
    hits = site.requests_for("/fault/etag.html")
    assert "If-None-Match" not in hits[0].headers
    assert hits[1].headers["If-None-Match"] == ETAG
    assert hits[1].headers["If-Modified-Since"] == LAST_MODIFIED
    # a 304 keeps the state row (with the old bytes' hash), only refreshed
    row = state_from_table(state_rows([second]))[state_key(second.url)]
    assert row.status == 304 and row.content_sha256 == first.raw_ref and row.etag == ETAG


def test_failures_do_not_overwrite_crawl_state(site: SiteSim, tmp_path: Path) -> None:
    pages = fetch(site, tmp_path, ["/fault/down.html", ARTICLE], retries=0)
    table = state_rows(pages.values())
    assert table.num_rows == 1 and table.column("status").to_pylist() == [200]
    assert table.schema.field("fetched_at").type.tz == "UTC"


def test_redirect_records_final_url(site: SiteSim, tmp_path: Path) -> None:
    page = fetch(site, tmp_path, ["/fault/moved.html"])["/fault/moved.html"]
    assert page.ok
    assert page.final_url == site.url(ARTICLE)
    assert page.url == site.url("/fault/moved.html")


def test_redirect_loop_is_stopped(site: SiteSim, tmp_path: Path) -> None:
    page = fetch(site, tmp_path, ["/fault/loop-a.html"])["/fault/loop-a.html"]
    assert page.error_reason == "redirect_loop"
    assert site.counts["/fault/loop-a.html"] == 1 and site.counts["/fault/loop-b.html"] == 1


def test_redirects_are_checked_hop_by_hop(site: SiteSim, tmp_path: Path) -> None:
    pages = fetch(site, tmp_path, ["/fault/to-private.html", "/fault/to-ftp.html"])
    assert pages["/fault/to-private.html"].error_reason == "robots_disallowed"
    assert pages["/fault/to-ftp.html"].error_reason == "unsupported_scheme"
    assert site.requests_for(PRIVATE_PATH) == []


@pytest.mark.parametrize("path", ["/fault/big.html", "/fault/big-chunked.html"])
def test_oversized_bodies_are_cut_off(site: SiteSim, tmp_path: Path, path: str) -> None:
    page = fetch(site, tmp_path, [path], max_bytes=50_000)[path]
    assert page.error_reason == "too_large" and page.content is None


def test_non_html_is_rejected_before_download(site: SiteSim, tmp_path: Path) -> None:
    pages = fetch(site, tmp_path, ["/fault/image.jpg", "/fault/no-type.html"])
    assert pages["/fault/image.jpg"].error_reason == "not_html"
    assert pages["/fault/no-type.html"].ok  # no Content-Type, but the bytes are HTML


def test_gzip_response_is_decoded(site: SiteSim, tmp_path: Path) -> None:
    page = fetch(site, tmp_path, ["/fault/gzip.html"])["/fault/gzip.html"]
    assert page.ok and page.content.startswith(b"<!doctype html>")


def test_wrong_header_charset_falls_back(site: SiteSim, tmp_path: Path) -> None:
    pages = fetch(site, tmp_path, ["/fault/cp1252.html", "/fault/meta-charset.html"])
    wrong = pages["/fault/cp1252.html"]
    assert wrong.charset == "cp1252"  # the header said utf-8, the bytes are windows-1252
    assert "\u201cdrastis\u201d \u2014" in wrong.content.decode(wrong.charset)
    meta = pages["/fault/meta-charset.html"]
    assert meta.charset == "cp1252"  # <meta charset=ISO-8859-1> means windows-1252 on the web
    assert "Caf\u00e9" in meta.content.decode(meta.charset)


def test_private_addresses_refused_unless_allowed(site: SiteSim, tmp_path: Path) -> None:
    page = fetch(site, tmp_path, [ARTICLE], allow_private=False)[ARTICLE]
    assert page.error_reason == "private_address"
    assert site.hits == []  # not even robots.txt was requested


@pytest.mark.parametrize(
    ("url", "reason"),
    [("file:///etc/passwd", "unsupported_scheme"), ("ftp://example.org/x", "unsupported_scheme"),
     ("http:///nohost", "bad_url")],
)
def test_non_http_urls_are_refused(tmp_path: Path, url: str, reason: str) -> None:
    with Fetcher(make_settings(tmp_path)) as fetcher:
        (page,) = fetcher.fetch_all([Candidate("sim", url=url)])
    assert page.error_reason == reason and page.error_stage == "fetch"


def test_unreachable_robots_disallows_the_host(tmp_path: Path) -> None:
    with SiteSim() as sim:
        url = sim.url(ARTICLE)
    with PoliteClient(make_settings(tmp_path, retries=0).http) as client:  # server is gone now
        page = client.get(url)
    assert page.error_reason == "robots_unavailable"


def test_fetch_all_streams_many_candidates(site: SiteSim, tmp_path: Path) -> None:
    urls = [site.url(ARTICLE) + f"?n={i}" for i in range(40)]
    with Fetcher(make_settings(tmp_path), max_workers=4) as fetcher:
        pages = list(fetcher.fetch_all(Candidate("sim", url=u) for u in urls))
    assert sorted(p.url for p in pages) == sorted(urls)
    assert all(p.ok for p in pages)
    assert len({p.raw_ref for p in pages}) == 1  # same bytes, one archived object


def test_hints_travel_from_candidate_to_page(site: SiteSim, tmp_path: Path) -> None:
    with Fetcher(make_settings(tmp_path)) as fetcher:
        (page,) = fetcher.fetch_all([Candidate("sim", url=site.url(ARTICLE), hints={"title": "Banjir"})])
    assert page.hints["title"] == "Banjir" and page.source == "sim"


def test_parse_retry_after() -> None:
    now = datetime(2026, 5, 1, 12, 0, 0, tzinfo=UTC)
    assert parse_retry_after("120") == 120.0
    assert parse_retry_after("Fri, 01 May 2026 12:00:30 GMT", now) == 30.0
    assert parse_retry_after("Fri, 01 May 2026 11:00:00 GMT", now) == 0.0
    assert parse_retry_after("soon") is None
    assert parse_retry_after(None) is None
