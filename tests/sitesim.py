"""A loopback news site for tests: articles, robots.txt, feeds, sitemaps, and the faults real sites have.

`SiteSim` serves on 127.0.0.1 (port 0) from a thread and records every request (monotonic time, Host,
path, headers) so tests can check politeness. The same server answers as two hosts: `url(path)` uses
127.0.0.1 and `url(path, host="localhost")` uses localhost, which a client treats as another host.

    with SiteSim() as site:
        site.url("/feeds/rss.xml")

`make_settings` and `make_source` build config objects for tests without a TOML file. Import from test
modules with `from sitesim import SiteSim, make_settings, make_source` (pytest puts tests/ on sys.path).
"""

from __future__ import annotations

import gzip
import socket
import struct
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from flows.config import (
    HttpSettings,
    RunSettings,
    ScheduleSettings,
    Settings,
    SourceConfig,
    WarehouseSettings,
)

ROBOTS = """User-agent: *
Disallow: /private/
Crawl-delay: {crawl_delay}
Sitemap: {base}/sitemap_index.xml
"""

ARTICLES: dict[str, dict[str, str]] = {
    "/berita/2026/05/01/banjir-jakarta-surut.html": {
        "title": "Banjir di Jakarta Timur Mulai Surut",
        "published": "2026-05-01T08:00:00+07:00",
        "section": "News",
        "body": "Liputan6.com, Jakarta - Genangan air di Kampung Melayu mulai surut pada Jumat pagi.",
    },
    "/berita/2026/05/02/harga-cabai-naik.html": {
        "title": "Harga Cabai Rawit Naik Jelang Lebaran",
        "published": "2026-05-02T10:30:00+07:00",
        "section": "Bisnis",
        "body": "Liputan6.com, Bandung - Harga cabai rawit di Pasar Kosambi naik menjadi Rp 80.000 per kg.",
    },
    "/berita/2026/05/03/timnas-menang.html": {
        "title": "Timnas Indonesia Menang 2-0 atas Vietnam",
        "published": "2026-05-03T21:15:00+07:00",
        "section": "Bola",
        "body": "Liputan6.com, Jakarta - Timnas Indonesia menang 2-0 atas Vietnam di Stadion Utama GBK.",
    },
    "/berita/2026/04/20/pemilu-daerah.html": {
        "title": "KPU Siapkan Pemilu Daerah Serentak",
        "published": "2026-04-20T09:00:00+07:00",
        "section": "News",
        "body": "Liputan6.com, Jakarta - Komisi Pemilihan Umum menyiapkan logistik pemilu daerah serentak.",
    },
}
PRIVATE_PATH = "/private/rahasia.html"
ETAG = '"v1-etag"'
LAST_MODIFIED = "Fri, 01 May 2026 01:00:00 GMT"


def article_html(path: str, base: str) -> bytes:
    a = ARTICLES[path]
    return f"""<!doctype html>
<html lang="id"><head><meta charset="utf-8">
<title>{a["title"]} - Liputan6.com</title>
<link rel="canonical" href="{base}{path}">
<meta property="og:title" content="{a["title"]}">
<meta property="article:published_time" content="{a["published"]}">
<meta property="article:section" content="{a["section"]}">
</head><body><article><h1>{a["title"]}</h1><p>{a["body"]}</p></article></body></html>
""".encode()


@dataclass(frozen=True, slots=True)
class Hit:
    at: float  # time.monotonic() when the request line was read
    host: str  # the Host header
    path: str
    headers: dict[str, str]


class SiteSim:
    """The loopback site. Attributes tests may change: `robots_txt` (None = 404), `crawl_delay`,
    `slow_seconds`, `big_bytes`."""

    def __init__(self) -> None:
        self.hits: list[Hit] = []
        self.counts: defaultdict[str, int] = defaultdict(int)
        self.crawl_delay = 0.0
        self.robots_txt: str | None = ROBOTS
        self.slow_seconds = 2.0
        self.big_bytes = 300_000
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self.routes: dict[str, Callable[[_Handler], None]] = self._routes()

    # -- lifecycle ---------------------------------------------------------------------------------

    def __enter__(self) -> SiteSim:
        sim = self

        class Handler(_Handler):
            site = sim

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        server.block_on_close = False
        server.handle_error = lambda request, address: None  # resets and timeouts are the point here
        self._server = server
        self._thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.01},
                                        daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    @property
    def port(self) -> int:
        assert self._server is not None, "use SiteSim as a context manager"
        return self._server.server_address[1]

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    def requests_for(self, path: str | None = None, host: str | None = None) -> list[Hit]:
        with self._lock:
            return [
                h for h in self.hits
                if (path is None or h.path == path) and (host is None or h.host.split(":")[0] == host)
            ]

    def record(self, hit: Hit) -> None:
        with self._lock:
            self.hits.append(hit)
            self.counts[hit.path] += 1

    # -- content ----------------------------------------------------------------------------------

    def _routes(self) -> dict[str, Callable[[_Handler], None]]:
        routes: dict[str, Callable[[_Handler], None]] = {
            "/robots.txt": self._robots,
            "/feeds/rss.xml": lambda h: h.send(200, self._rss(h.base()), "application/rss+xml"),
            "/feeds/atom.xml": lambda h: h.send(200, self._atom(h.base()), "application/atom+xml"),
            "/feeds/broken.xml": lambda h: h.send(200, b"<html><body>not a feed</body></html>", "text/html"),
            "/sitemap_index.xml": lambda h: h.send(200, self._index(h.base()), "application/xml"),
            "/sitemaps/articles.xml.gz": lambda h: h.send(200, gzip.compress(self._urlset(h.base())),
                                                          "application/x-gzip"),
            "/sitemaps/news.xml": lambda h: h.send(200, self._news(h.base()), "text/xml; charset=utf-8"),
            "/sitemaps/broken.xml": lambda h: h.send(200, b"<?xml version='1.0'?><urlset><url><loc>", None),
            "/sitemaps/loop.xml": lambda h: h.send(200, self._loop_index(h.base()), "application/xml"),
            PRIVATE_PATH: lambda h: h.send(200, b"<html><body>rahasia</body></html>", "text/html"),
            "/fault/slow.html": self._slow,
            "/fault/flaky.html": lambda h: self._fail_first(h, 1, 500, {}),
            "/fault/busy.html": lambda h: self._fail_first(h, 1, 429, {"Retry-After": "1"}),
            "/fault/busy-forever.html": lambda h: h.send(429, b"later", "text/plain", {"Retry-After": "3600"}),
            "/fault/down.html": lambda h: h.send(503, b"down", "text/plain"),
            "/fault/etag.html": self._etag,
            "/fault/loop-a.html": lambda h: h.redirect(302, "/fault/loop-b.html"),
            "/fault/loop-b.html": lambda h: h.redirect(302, "/fault/loop-a.html"),
            "/fault/moved.html": lambda h: h.redirect(301, "/berita/2026/05/01/banjir-jakarta-surut.html"),
            "/fault/to-private.html": lambda h: h.redirect(302, PRIVATE_PATH),
            "/fault/to-ftp.html": lambda h: h.redirect(302, "ftp://example.org/file.html"),
            "/fault/big.html": lambda h: h.send(200, self._big(), "text/html; charset=utf-8"),
            "/fault/big-chunked.html": lambda h: h.send_chunked(200, self._big(), "text/html"),
            "/fault/cp1252.html": lambda h: h.send(200, self._cp1252(), "text/html; charset=utf-8"),
            "/fault/meta-charset.html": lambda h: h.send(200, self._meta_latin1(), "text/html"),
            "/fault/gzip.html": self._gzipped,
            "/fault/reset.html": lambda h: h.reset(),
            "/fault/image.jpg": lambda h: h.send(200, b"\xff\xd8\xff\xe0fakejpeg", "image/jpeg"),
            "/fault/no-type.html": lambda h: h.send(200, article_html(next(iter(ARTICLES)), h.base()), None),
        }
        for path in ARTICLES:
            routes[path] = lambda h, p=path: h.send(200, article_html(p, h.base()), "text/html;charset=utf-8")
        return routes

    def _robots(self, h: _Handler) -> None:
        if self.robots_txt is None:
            h.send(404, b"not found", "text/plain")
            return
        text = self.robots_txt.format(base=h.base(), crawl_delay=self.crawl_delay)
        h.send(200, text.encode(), "text/plain")

    def _slow(self, h: _Handler) -> None:
        time.sleep(self.slow_seconds)
        h.send(200, article_html(next(iter(ARTICLES)), h.base()), "text/html")

    def _fail_first(self, h: _Handler, times: int, status: int, headers: dict[str, str]) -> None:
        if self.counts[h.path] <= times:
            h.send(status, b"try again", "text/plain", headers)
        else:
            h.send(200, article_html(next(iter(ARTICLES)), h.base()), "text/html; charset=utf-8")

    def _etag(self, h: _Handler) -> None:
        if h.headers.get("If-None-Match") == ETAG or h.headers.get("If-Modified-Since") == LAST_MODIFIED:
            h.send(304, b"", None, {"ETag": ETAG})
            return
        body = article_html("/berita/2026/05/02/harga-cabai-naik.html", h.base())
        h.send(200, body, "text/html; charset=utf-8", {"ETag": ETAG, "Last-Modified": LAST_MODIFIED})

    def _gzipped(self, h: _Handler) -> None:
        body = gzip.compress(article_html("/berita/2026/05/03/timnas-menang.html", h.base()))
        h.send(200, body, "text/html; charset=utf-8", {"Content-Encoding": "gzip"})

    def _big(self) -> bytes:
        para = b"<p>" + b"Paragraf panjang. " * 50 + b"</p>\n"
        return b"<html><body>" + para * (self.big_bytes // len(para) + 1) + b"</body></html>"

    @staticmethod
    def _cp1252() -> bytes:
        text = "<html><body><p>Harga naik \u201cdrastis\u201d \u2014 kata Pak Andr\u00e9.</p></body></html>"
        return text.encode("cp1252")

    @staticmethod
    def _meta_latin1() -> bytes:
        text = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'
                "</head><body><p>Caf\u00e9 di Menteng, se\u00f1or.</p></body></html>")
        return text.encode("latin-1")

    @staticmethod
    def _rss(base: str) -> bytes:
        items = []
        for path, a in list(ARTICLES.items())[:3]:
            when = format_datetime(datetime.fromisoformat(a["published"]))
            items.append(f"<item><title>{a['title']}</title><link>{base}{path}</link>"
                         f"<pubDate>{when}</pubDate><category>{a['section']}</category></item>")
        return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Sim News</title>'
                f"<link>{base}/</link>{''.join(items)}</channel></rss>").encode()

    @staticmethod
    def _atom(base: str) -> bytes:
        entries = []
        for path, a in list(ARTICLES.items())[2:]:
            entries.append(f'<entry><title>{a["title"]}</title><link rel="alternate" href="{path}"/>'
                           f"<id>urn:sim:{path}</id><updated>{a['published']}</updated></entry>")
        return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" '
                f'xml:base="{base}/"><title>Sim Atom</title><id>urn:sim</id>'
                f"<updated>2026-05-03T21:15:00+07:00</updated>{''.join(entries)}</feed>").encode()

    @staticmethod
    def _index(base: str) -> bytes:
        return (f'<?xml version="1.0" encoding="UTF-8"?>'
                f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                f"<sitemap><loc>{base}/sitemaps/articles.xml.gz</loc><lastmod>2026-05-03</lastmod></sitemap>"
                f"<sitemap><loc>{base}/sitemaps/news.xml</loc><lastmod>2026-05-03T22:00:00+07:00</lastmod></sitemap>"
                f"</sitemapindex>").encode()

    @staticmethod
    def _urlset(base: str) -> bytes:
        urls = "".join(
            f"<url><loc>{base}{path}</loc><lastmod>{a['published'][:10]}</lastmod>"
            f"<image:image><image:loc>{base}/img/{i}.jpg</image:loc></image:image></url>"
            for i, (path, a) in enumerate(ARTICLES.items())
        )
        return (f'<?xml version="1.0" encoding="UTF-8"?>'
                f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
                f'xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">{urls}</urlset>').encode()

    @staticmethod
    def _news(base: str) -> bytes:
        path, a = "/berita/2026/05/03/timnas-menang.html", ARTICLES["/berita/2026/05/03/timnas-menang.html"]
        return (f'<?xml version="1.0" encoding="UTF-8"?>'
                f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
                f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
                f"<url><loc>{base}{path}?utm_source=sitemap</loc><news:news><news:publication>"
                f"<news:name>Sim News</news:name><news:language>id</news:language></news:publication>"
                f"<news:publication_date>{a['published']}</news:publication_date>"
                f"<news:title>{a['title']}</news:title>"
                f"<news:keywords>timnas, sepak bola, Vietnam</news:keywords>"
                f"</news:news></url></urlset>").encode()

    @staticmethod
    def _loop_index(base: str) -> bytes:
        return (f'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                f"<sitemap><loc>{base}/sitemaps/loop.xml</loc></sitemap>"
                f"<sitemap><loc>{base}/sitemaps/news.xml</loc></sitemap></sitemapindex>").encode()


class _Handler(BaseHTTPRequestHandler):
    site: SiteSim
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out in two writes: no 40 ms delayed-ACK stalls

    def log_message(self, format: str, *args: Any) -> None:  # quiet test output
        pass

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        self.path = path
        host = self.headers.get("Host", "")
        self.site.record(Hit(time.monotonic(), host, path, dict(self.headers.items())))
        route = self.site.routes.get(path)
        if route is None:
            self.send(404, b"<html><body>not found</body></html>", "text/html")
            return
        try:
            route(self)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def base(self) -> str:
        return f"http://{self.headers.get('Host')}"

    def send(
        self, status: int, body: bytes, content_type: str | None, headers: dict[str, str] | None = None
    ) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        if status != 304:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if status != 304:
            self.wfile.write(body)

    def send_chunked(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        for start in range(0, len(body), 8192):
            chunk = body[start:start + 8192]
            self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        self.wfile.write(b"0\r\n\r\n")

    def redirect(self, status: int, location: str) -> None:
        self.send(status, b"", "text/html", {"Location": location})

    def reset(self) -> None:
        """Abort the TCP connection (RST) without answering."""
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()
        self.close_connection = True


def make_settings(tmp_path: Path, sources: tuple[SourceConfig, ...] = (), **http: Any) -> Settings:
    """Test settings: loopback allowed, tiny backoff, no pacing unless a test asks for it."""
    defaults: dict[str, Any] = {
        "timeout": 2.0,
        "retries": 2,
        "backoff": 0.01,
        "per_host_rate": 1000.0,
        "per_host_concurrency": 4,
        "allow_private": True,
        "max_bytes": 100_000,
        "user_agent": "warta-test/1.0",
    }
    defaults.update(http)
    warehouse = WarehouseSettings(
        path=tmp_path / "warta.duckdb", published_path=tmp_path / "warta-bi.duckdb", raw_dir=tmp_path / "raw"
    )
    return Settings(
        config_path=tmp_path / "warta.toml",
        warehouse=warehouse,
        run=RunSettings(max_page_bytes=100_000),
        http=HttpSettings(**defaults),
        schedule=ScheduleSettings(),
        sources=sources,
    )


def make_source(name: str = "test", kind: str = "urls", **fields: Any) -> SourceConfig:
    """A SourceConfig; list fields may be given as lists."""
    values = {k: tuple(v) if isinstance(v, list) else v for k, v in fields.items()}
    return SourceConfig(name=name, kind=kind, **values)


def with_run(settings: Settings, **run: Any) -> Settings:
    return replace(settings, run=replace(settings.run, **run))

