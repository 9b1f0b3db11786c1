"""One polite HTTP GET: robots.txt, pacing, retries, redirects, size and type limits, in one place.

`PoliteClient.get` never raises for a page-level problem: it returns a `Page` whose `error_reason`
says what went wrong (`http_404`, `timeout`, `too_large`, ...). Redirects are followed by hand so
every hop is checked (scheme, private address, robots.txt, loops). Discovery (feeds, sitemaps,
robots.txt) and page fetching share one client so they share per-host pacing.
"""

from __future__ import annotations

import email.utils
import ipaddress
import logging
import socket
import ssl
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit

import httpx
from tenacity import RetryCallState, Retrying, retry_if_exception_type, stop_after_attempt
from tenacity.wait import wait_random_exponential

from flows.config import HttpSettings
from flows.fetch.charset import detect_charset, media_type
from flows.fetch.limits import HostLimiter
from flows.fetch.robots import ROBOTS_MAX_BYTES, RobotsCache
from flows.pages import Page
from flows.urls import canonicalize, host_key, redact

log = logging.getLogger(__name__)

MAX_REDIRECTS = 10
MAX_RETRY_AFTER = 120.0  # a server asking us to wait longer than this gets a reject, not a stalled run
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


class _Transient(Exception):
    """A failure worth retrying (timeout, connection trouble, 429, 5xx)."""

    def __init__(self, reason: str, detail: str, status: int | None = None, retry_after: float | None = None):
        super().__init__(f"{reason}: {detail}")
        self.reason, self.detail, self.status, self.retry_after = reason, detail, status, retry_after


class _Final(Exception):
    """A failure retrying cannot fix."""

    def __init__(self, reason: str, detail: str, status: int | None = None):
        super().__init__(f"{reason}: {detail}")
        self.reason, self.detail, self.status = reason, detail, status


@dataclass(slots=True)
class _Response:
    url: str
    status: int
    headers: httpx.Headers
    content: bytes | None = None
    attempts: int = 1
    extra: dict[str, str] = field(default_factory=dict)


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date); None if absent/invalid."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


_ssl_lock = threading.Lock()
_ssl_context: ssl.SSLContext | None = None


def _shared_ssl_context() -> ssl.SSLContext:
    """Loading the CA bundle costs ~70 ms: do it once per process, not once per client."""
    global _ssl_context
    with _ssl_lock:
        if _ssl_context is None:
            _ssl_context = httpx.create_ssl_context()
        return _ssl_context


class PoliteClient:
    """A thread-safe polite HTTP client; use as a context manager or call `close()`."""

    def __init__(self, settings: HttpSettings, *, transport: httpx.BaseTransport | None = None) -> None:
        self.settings = settings
        self.limiter = HostLimiter(settings.per_host_rate)
        self.robots = RobotsCache(self._get_robots)
        self._private_cache: dict[str, str | None] = {}
        self._private_lock = threading.Lock()
        # Proxies come from HTTP(S)_PROXY/ALL_PROXY in the environment only (trust_env), never from config.
        self._client = httpx.Client(
            timeout=settings.timeout,
            follow_redirects=False,
            headers={"User-Agent": settings.user_agent},
            transport=transport,
            trust_env=True,
            verify=_shared_ssl_context(),
        )

    def __enter__(self) -> PoliteClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    # -- public -------------------------------------------------------------------------------

    def get(
        self,
        url: str,
        *,
        source: str = "",
        headers: dict[str, str] | None = None,
        html_only: bool = True,
        max_bytes: int | None = None,
        check_robots: bool | None = None,
    ) -> Page:
        """GET `url` politely and return a Page (content, or error_stage="fetch" with a reason)."""
        check = self.settings.obey_robots if check_robots is None else check_robots
        limit = max_bytes or self.settings.max_bytes
        page = Page(source=source, url=url, fetched_at=datetime.now(UTC))
        try:
            response = self._follow(url, headers or {}, html_only, limit, check)
        except (_Final, _Transient) as exc:
            page.error_stage = "fetch"
            page.error_reason, page.error_detail, page.status = exc.reason, exc.detail, exc.status
            return page
        page.final_url = response.url if response.url != url else None
        page.status = response.status
        page.content_type = media_type(response.headers.get("content-type")) or None
        page.etag = response.headers.get("etag")
        page.last_modified = response.headers.get("last-modified")
        if response.status == 304:
            page.not_modified = True
            return page
        page.content = response.content
        if html_only and response.content is not None:
            page.charset = detect_charset(response.content, response.headers.get("content-type"))
        if response.attempts > 1:
            page.hints["attempts"] = response.attempts
        return page

    # -- redirects, refusals --------------------------------------------------------------------

    def _follow(
        self, url: str, headers: dict[str, str], html_only: bool, limit: int, check: bool
    ) -> _Response:
        seen = {canonicalize(url)}
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            self._refuse(current)
            if check:
                robots = self.robots.for_url(current)
                if not robots.allows(current, self.settings.user_agent):
                    reason = "robots_disallowed" if robots.reachable else "robots_unavailable"
                    raise _Final(reason, f"{redact(current)} ({robots.detail or 'disallowed by robots.txt'})")
                self.limiter.set_crawl_delay(host_key(current), robots.crawl_delay(self.settings.user_agent))
            response = self._with_retries(current, headers, html_only, limit)
            location = response.headers.get("location")
            if not (300 <= response.status < 400 and response.status != 304 and location):
                return response
            following = urljoin(current, location.strip())
            key = canonicalize(following)
            if key in seen:
                raise _Final("redirect_loop", f"{redact(current)} -> {redact(following)}", response.status)
            seen.add(key)
            current = following
        raise _Final("too_many_redirects", f"more than {MAX_REDIRECTS} redirects from {redact(url)}")

    def _refuse(self, url: str) -> None:
        parts = urlsplit(url)
        if parts.scheme.lower() not in ("http", "https"):
            raise _Final("unsupported_scheme", f"{parts.scheme or 'no'} scheme in {redact(url)}")
        host = parts.hostname
        if not host:
            raise _Final("bad_url", f"no host in {redact(url)}")
        if self.settings.allow_private:
            return
        with self._private_lock:
            known = host in self._private_cache
            verdict = self._private_cache.get(host)
        if not known:
            verdict = _private_verdict(host)
            with self._private_lock:
                self._private_cache[host] = verdict
        if verdict:
            raise _Final("private_address", f"{host} resolves to {verdict}")

    # -- one request, retried ---------------------------------------------------------------------

    def _with_retries(self, url: str, headers: dict[str, str], html_only: bool, limit: int) -> _Response:
        host = host_key(url)
        backoff = max(self.settings.backoff, 0.0)
        jitter = wait_random_exponential(multiplier=backoff, max=max(backoff * 32, 0.001))

        def wait(state: RetryCallState) -> float:
            exc = state.outcome.exception() if state.outcome else None
            delay = jitter(state)
            # tenacity computes the wait before the stop check: a too-long Retry-After is given up on
            # (see too_long) and must not stall the whole host
            if isinstance(exc, _Transient) and exc.retry_after is not None and exc.retry_after <= MAX_RETRY_AFTER:
                self.limiter.defer(host, exc.retry_after)
                delay = max(delay, exc.retry_after)
            return delay

        def too_long(state: RetryCallState) -> bool:
            exc = state.outcome.exception() if state.outcome else None
            return isinstance(exc, _Transient) and (exc.retry_after or 0) > MAX_RETRY_AFTER

        retrying = Retrying(
            stop=stop_after_attempt(max(self.settings.retries, 0) + 1) | too_long,
            wait=wait,
            retry=retry_if_exception_type(_Transient),
            reraise=True,
            sleep=time.sleep,
        )
        for attempt in retrying:
            with attempt:
                response = self._once(url, headers, html_only, limit)
                response.attempts = attempt.retry_state.attempt_number
                return response
        raise AssertionError("unreachable: tenacity reraises")  # pragma: no cover

    def _once(self, url: str, headers: dict[str, str], html_only: bool, limit: int) -> _Response:
        self.limiter.wait(host_key(url))
        shown = redact(url)
        try:
            with self._client.stream("GET", url, headers=headers) as r:
                status = r.status_code
                if status in RETRY_STATUSES:
                    raise _Transient(
                        f"http_{status}", f"{shown} answered {status}", status,
                        parse_retry_after(r.headers.get("retry-after")),
                    )
                if status == 304 or 300 <= status < 400 or status >= 400 or status == 204:
                    if status >= 400 or status == 204:
                        raise _Final(f"http_{status}", f"{shown} answered {status} {r.reason_phrase}", status)
                    return _Response(url, status, r.headers)
                kind = media_type(r.headers.get("content-type"))
                if html_only and kind and kind not in HTML_TYPES:
                    raise _Final("not_html", f"{shown} is {kind}", status)
                declared = r.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > limit and "content-encoding" not in r.headers:
                    raise _Final("too_large", f"{shown} declares {declared} bytes (limit {limit})", status)
                body = bytearray()
                for chunk in r.iter_bytes():
                    body += chunk
                    if len(body) > limit:
                        raise _Final("too_large", f"{shown} exceeds {limit} bytes", status)
                content = bytes(body)
                if html_only and not kind and not _looks_like_html(content):
                    raise _Final("not_html", f"{shown}: no content type and no HTML markup", status)
                return _Response(url, status, r.headers, content)
        except httpx.TimeoutException as exc:
            raise _Transient("timeout", f"{shown}: {type(exc).__name__}") from None
        except httpx.DecodingError as exc:
            raise _Final("decode_error", f"{shown}: {exc}") from None
        except httpx.UnsupportedProtocol:
            raise _Final("unsupported_scheme", shown) from None
        except httpx.InvalidURL as exc:
            raise _Final("bad_url", f"{shown}: {exc}") from None
        except (httpx.TransportError, OSError) as exc:
            raise _Transient("connection_error", f"{shown}: {type(exc).__name__}: {exc}") from None

    def _get_robots(self, url: str) -> Page:
        return self.get(url, html_only=False, max_bytes=ROBOTS_MAX_BYTES, check_robots=False)


def _looks_like_html(content: bytes) -> bool:
    head = content[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<!--")) or b"<html" in head


def _private_verdict(host: str) -> str | None:
    """The first non-public address `host` resolves to, or None if all are public (or it does not resolve:
    the request itself will then fail with a connection error)."""
    try:
        addresses = [ipaddress.ip_address(host.strip("[]"))]
    except ValueError:
        try:
            infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
        except (OSError, UnicodeError):
            return None
        addresses = [ipaddress.ip_address(str(info[4][0]).split("%", 1)[0]) for info in infos]
    for addr in addresses:
        if not addr.is_global or addr.is_multicast:
            return str(addr)
    return None
