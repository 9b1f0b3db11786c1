"""Discovery: every source kind, the shared filters, and failures that become reject Pages."""

from __future__ import annotations

import gzip
import io
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sitesim import ARTICLES, SiteSim, make_settings, make_source
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from flows.config import load_settings
from flows.fetch import Fetcher
from flows.pages import Candidate, Page
from flows.sources import discover

ARTICLE = next(iter(ARTICLES))


@pytest.fixture
def site() -> Iterator[SiteSim]:
    with SiteSim() as sim:
        yield sim


def run(source, tmp_path: Path, **kwargs) -> tuple[list[Candidate], list[Page]]:  # type: ignore[no-untyped-def]
    rejects: list[Page] = []
    found = list(discover(source, make_settings(tmp_path), on_reject=rejects.append, **kwargs))
    return found, rejects


def paths_of(candidates: list[Candidate]) -> list[str]:
    return [c.url.split("/", 3)[3] if c.url else "" for c in candidates]


# -- files --------------------------------------------------------------------------------------


def write_pages(root: Path, names: list[str]) -> None:
    for name in names:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(f"<html><body><p>{name}</p></body></html>", encoding="utf-8")


def test_files_glob_with_manifest(tmp_path: Path) -> None:
    write_pages(tmp_path / "pages", ["a.html", "b.html", "sub/c.html", "notes.txt"])
    manifest = tmp_path / "manifest.json"
    manifest.write_text(json.dumps([
        {"file": "pages/a.html", "url": "https://www.liputan6.com/news/read/1/a"},
        {"file": "pages/b.html", "url": "file:///somewhere/b.html"},  # never an article URL
        {"file": "pages/gone.html", "url": "https://example.com/gone"},
    ]), encoding="utf-8")
    source = make_source(kind="files", paths=[tmp_path / "pages" / "**" / "*.html"], manifest=manifest)
    found, rejects = run(source, tmp_path)
    assert [c.path.name for c in found] == ["a.html", "b.html", "c.html"]
    urls = {c.path.name: c.url for c in found}
    assert urls == {"a.html": "https://www.liputan6.com/news/read/1/a", "b.html": None, "c.html": None}
    assert rejects == []


def test_files_without_manifest_file_still_discover(tmp_path: Path) -> None:
    write_pages(tmp_path, ["a.html"])
    source = make_source(kind="files", paths=[tmp_path / "*.html"], manifest=tmp_path / "missing.json")
    found, rejects = run(source, tmp_path)
    assert [(c.path.name, c.url) for c in found] == [("a.html", None)]
    assert rejects == []


def test_broken_manifest_is_reported(tmp_path: Path) -> None:
    write_pages(tmp_path, ["a.html"])
    (tmp_path / "manifest.json").write_text("{not json", encoding="utf-8")
    source = make_source(kind="files", paths=[tmp_path / "*.html"], manifest=tmp_path / "manifest.json")
    found, rejects = run(source, tmp_path)
    assert len(found) == 1 and found[0].url is None
    assert [(r.error_stage, r.error_reason) for r in rejects] == [("discover", "bad_manifest")]


def test_reading_files_too_large_and_missing(tmp_path: Path) -> None:
    write_pages(tmp_path, ["ok.html"])
    (tmp_path / "big.html").write_bytes(b"<p>" + b"x" * 200_000)
    candidates = [Candidate("f", path=tmp_path / n) for n in ("ok.html", "big.html", "gone.html")]
    with Fetcher(make_settings(tmp_path)) as fetcher:
        pages = {Path(p.raw_ref or p.url).name: p for p in fetcher.fetch_all(candidates)}
    ok = pages["ok.html"]
    assert ok.ok and ok.url.startswith("file://") and ok.raw_ref == (tmp_path / "ok.html").as_uri()
    assert ok.charset is None  # files carry no Content-Type: the parser decides the charset
    assert ok.content == b"<html><body><p>ok.html</p></body></html>"
    assert (pages["big.html"].error_stage, pages["big.html"].error_reason) == ("read", "too_large")
    assert pages["gone.html"].error_reason == "missing_file"


def test_bundled_sample_source_has_no_file_urls() -> None:
    settings = load_settings(Path(__file__).resolve().parent.parent / "config" / "warta.toml")
    rejects: list[Page] = []
    found = list(discover(settings.source("sample"), settings, on_reject=rejects.append))
    assert rejects == []
    assert all(c.path is not None and c.path.is_file() for c in found)
    assert all(c.url is None or c.url.startswith(("http://", "https://")) for c in found)


# -- urls ---------------------------------------------------------------------------------------


def test_url_list_inline_and_file(tmp_path: Path) -> None:
    listing = tmp_path / "urls.txt"
    listing.write_text(
        "# daftar artikel\n\nhttps://example.com/a\n  https://example.com/b  # komentar\n"
        "https://example.com/c#bagian\nbukan-url\nhttps://www.example.com/a?utm_source=x\n",
        encoding="utf-8",
    )
    source = make_source(urls=["https://example.com/z"], urls_file=listing)
    found, rejects = run(source, tmp_path)
    assert [c.url for c in found] == [
        "https://example.com/z", "https://example.com/a", "https://example.com/b", "https://example.com/c#bagian",
    ]  # the www/utm variant of /a is the same article and is dropped
    assert [r.error_reason for r in rejects] == ["bad_url"]
    assert "urls.txt:6" in rejects[0].error_detail


def test_missing_urls_file_is_a_reject(tmp_path: Path) -> None:
    found, rejects = run(make_source(urls_file=tmp_path / "nope.txt"), tmp_path)
    assert found == [] and rejects[0].error_reason == "missing_file"


# -- feeds --------------------------------------------------------------------------------------


def test_rss_and_atom_feeds(site: SiteSim, tmp_path: Path) -> None:
    source = make_source(kind="feed", feeds=[site.url("/feeds/rss.xml"), site.url("/feeds/atom.xml")])
    found, rejects = run(source, tmp_path)
    assert rejects == []
    assert paths_of(found) == [p.lstrip("/") for p in ARTICLES]  # atom's relative link resolved; dupes dropped
    first = found[0]
    assert first.hints["title"] == ARTICLES[ARTICLE]["title"]
    assert first.hints["published"].isoformat() == "2026-05-01T08:00:00+07:00"  # local offset kept
    assert first.hints["keywords"] == ["News"]
    assert first.hints["feed"] == site.url("/feeds/rss.xml")


def test_failed_feeds_are_reported_and_the_rest_goes_on(site: SiteSim, tmp_path: Path) -> None:
    feeds = [site.url("/tidak-ada.xml"), site.url("/feeds/broken.xml"), site.url("/feeds/rss.xml")]
    found, rejects = run(make_source(kind="feed", feeds=feeds), tmp_path)
    assert len(found) == 3
    assert [(r.error_stage, r.error_reason) for r in rejects] == [("discover", "http_404"), ("discover", "bad_feed")]
    assert rejects[0].url == site.url("/tidak-ada.xml") and rejects[0].source == "test"


def test_local_feed_file(tmp_path: Path) -> None:
    feed = tmp_path / "rss.xml"
    feed.write_bytes(SiteSim._rss("https://www.example.com"))
    found, _ = run(make_source(kind="feed", feeds=[str(feed)]), tmp_path)
    assert len(found) == 3 and found[0].url == "https://www.example.com" + ARTICLE


# -- sitemaps -----------------------------------------------------------------------------------


def test_sitemap_index_with_gzip_child(site: SiteSim, tmp_path: Path) -> None:
    found, rejects = run(make_source(kind="sitemap", sitemaps=[site.url("/sitemap_index.xml")]), tmp_path)
    assert rejects == []
    assert paths_of(found) == [p.lstrip("/") for p in ARTICLES]  # the news entry duplicates one of these
    assert found[0].hints["lastmod"].date() == date(2026, 5, 1)
    assert found[0].hints["sitemap"] == site.url("/sitemaps/articles.xml.gz")
    assert all(not c.url.endswith(".jpg") for c in found)  # image:loc is not a page


def test_news_sitemap_hints(site: SiteSim, tmp_path: Path) -> None:
    (news,), _ = run(make_source(kind="sitemap", sitemaps=[site.url("/sitemaps/news.xml")]), tmp_path)
    assert news.url.endswith("/berita/2026/05/03/timnas-menang.html?utm_source=sitemap")
    assert news.hints["published"].isoformat() == "2026-05-03T21:15:00+07:00"
    assert news.hints["title"] == "Timnas Indonesia Menang 2-0 atas Vietnam"
    assert news.hints["keywords"] == ["timnas", "sepak bola", "Vietnam"]


def test_local_gzip_sitemap_file(tmp_path: Path) -> None:
    path = tmp_path / "sitemap.xml.gz"
    path.write_bytes(gzip.compress(SiteSim._urlset("https://www.example.com")))
    found, rejects = run(make_source(kind="sitemap", sitemaps=[str(path)]), tmp_path)
    assert rejects == [] and len(found) == len(ARTICLES)


def test_broken_and_looping_sitemaps(site: SiteSim, tmp_path: Path) -> None:
    sitemaps = [site.url("/sitemaps/broken.xml"), site.url("/sitemaps/loop.xml"), site.url("/feeds/rss.xml")]
    found, rejects = run(make_source(kind="sitemap", sitemaps=sitemaps), tmp_path)
    assert paths_of(found) == ["berita/2026/05/03/timnas-menang.html?utm_source=sitemap"]
    assert [r.error_reason for r in rejects] == ["bad_sitemap", "bad_sitemap"]  # broken XML; an RSS root
    assert site.counts["/sitemaps/loop.xml"] == 1


def test_robots_sitemaps(site: SiteSim, tmp_path: Path) -> None:
    source = make_source(kind="sitemap", robots_sitemaps=[site.url("/", host="localhost")])
    found, rejects = run(source, tmp_path)
    assert rejects == [] and len(found) == len(ARTICLES)
    assert all(c.url.startswith(site.url("/", host="localhost")) for c in found)
    site.robots_txt = "User-agent: *\nDisallow:\n"
    _, rejects = run(make_source(kind="sitemap", robots_sitemaps=[site.url("/")]), tmp_path)
    assert [r.error_reason for r in rejects] == ["no_sitemaps"]


def test_since_prunes_old_child_sitemaps(site: SiteSim, tmp_path: Path) -> None:
    found, _ = run(make_source(kind="sitemap", sitemaps=[site.url("/sitemap_index.xml")]), tmp_path,
                   since=date(2026, 5, 4))
    assert found == []
    assert site.counts["/sitemaps/articles.xml.gz"] == 0 and site.counts["/sitemaps/news.xml"] == 0


# -- WARC ---------------------------------------------------------------------------------------


def write_warc(path: Path) -> None:
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)

        def response(url: str, status: str, ctype: str, body: bytes) -> None:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))

        writer.write_record(writer.create_warc_record("https://example.com/a", "request",
                                                      payload=io.BytesIO(b"GET /a HTTP/1.1\r\n\r\n")))
        response("https://example.com/a", "200 OK", "text/html; charset=windows-1252",
                 "<html><body>Caf\u00e9 \u201cenak\u201d</body></html>".encode("cp1252"))
        response("https://example.com/logo.png", "200 OK", "image/png", b"\x89PNG....")
        response("https://example.com/missing", "404 Not Found", "text/html", b"<html>404</html>")
        response("https://example.com/b", "200 OK", "application/xhtml+xml", b"<html><body>b</body></html>")


def test_warc_html_responses_become_candidates_with_content(tmp_path: Path) -> None:
    warc = tmp_path / "crawl.warc.gz"
    write_warc(warc)
    found, rejects = run(make_source(kind="warc", warc=[warc, tmp_path / "missing.warc.gz"]), tmp_path)
    assert [c.url for c in found] == ["https://example.com/a", "https://example.com/b"]
    assert [r.error_reason for r in rejects] == ["missing_file"]
    first = found[0]
    assert first.content.startswith(b"<html>") and first.hints["http_status"] == 200
    assert first.hints["warc_file"] == str(warc) and first.hints["fetched_at"].tzinfo is not None

    with Fetcher(make_settings(tmp_path)) as fetcher:
        pages = list(fetcher.fetch_all(found))
    a = next(p for p in pages if p.url.endswith("/a"))
    assert a.ok and a.charset == "cp1252" and a.status == 200
    assert "\u201cenak\u201d" in a.content.decode(a.charset)
    assert fetcher.store.get(a.raw_ref) == a.content


def test_corrupt_warc_is_a_reject(tmp_path: Path) -> None:
    bad = tmp_path / "bad.warc"
    bad.write_bytes(b"this is not a WARC file\r\n\r\n" * 5)
    good = tmp_path / "good.warc.gz"
    write_warc(good)
    found, rejects = run(make_source(kind="warc", warc=[bad, good]), tmp_path)
    assert [r.error_reason for r in rejects] == ["bad_warc"]
    assert [c.url for c in found] == ["https://example.com/a", "https://example.com/b"]  # the good file's


# -- shared filters -----------------------------------------------------------------------------


def test_include_and_exclude(tmp_path: Path) -> None:
    urls = ["https://e.com/berita/1", "https://e.com/video/2", "https://e.com/berita/3/foto", "https://e.com/x"]
    source = make_source(urls=urls, include=[r"/berita/", r"/video/"], exclude=[r"/foto$"])
    found, _ = run(source, tmp_path)
    assert [c.url for c in found] == ["https://e.com/berita/1", "https://e.com/video/2"]


def test_since_until_use_date_hints(site: SiteSim, tmp_path: Path) -> None:
    source = make_source(kind="feed", feeds=[site.url("/feeds/rss.xml"), site.url("/feeds/atom.xml")],
                         since=date(2026, 5, 2))
    found, _ = run(source, tmp_path)
    assert paths_of(found) == ["berita/2026/05/02/harga-cabai-naik.html", "berita/2026/05/03/timnas-menang.html"]
    found, _ = run(source, tmp_path, since=date(2026, 4, 1), until=date(2026, 5, 1))  # arguments win
    assert paths_of(found) == ["berita/2026/05/01/banjir-jakarta-surut.html", "berita/2026/04/20/pemilu-daerah.html"]


def test_undated_candidates_pass_date_windows(tmp_path: Path) -> None:
    found, _ = run(make_source(urls=["https://e.com/a"], since=date(2030, 1, 1)), tmp_path)
    assert len(found) == 1


def test_limit_and_max_pages(tmp_path: Path) -> None:
    urls = [f"https://e.com/{i}" for i in range(10)]
    assert len(run(make_source(urls=urls), tmp_path, limit=3)[0]) == 3
    assert len(run(make_source(urls=urls, max_pages=4), tmp_path)[0]) == 4
    assert len(run(make_source(urls=urls, max_pages=4), tmp_path, limit=2)[0]) == 2
    assert len(run(make_source(urls=urls), tmp_path, limit=0)[0]) == 10


def test_discovery_is_lazy(site: SiteSim, tmp_path: Path) -> None:
    stream = discover(make_source(kind="sitemap", sitemaps=[site.url("/sitemap_index.xml")]),
                      make_settings(tmp_path), limit=1)
    assert site.hits == []  # nothing happens until the first candidate is asked for
    assert len(list(stream)) == 1
    assert site.counts["/sitemaps/news.xml"] == 0  # the limit was reached before the second child


def test_discovery_and_fetching_share_one_polite_client(site: SiteSim, tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    rejects: list[Page] = []
    with Fetcher(settings) as fetcher:
        candidates = discover(make_source(kind="sitemap", sitemaps=[site.url("/sitemap_index.xml")]), settings,
                              on_reject=rejects.append, client=fetcher.client)
        pages = list(fetcher.fetch_all(candidates))
    assert len(pages) == len(ARTICLES) and all(p.ok for p in pages)
    assert rejects == []
    assert site.counts["/robots.txt"] == 1


def test_unknown_kind_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown source kind"):
        list(discover(make_source(kind="ftp"), make_settings(tmp_path)))
