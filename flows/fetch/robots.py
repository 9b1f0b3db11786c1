"""robots.txt, fetched once per host and cached for the life of a client (RFC 9309 semantics).

A 4xx robots.txt means no rules (crawl everything); a 5xx or an unreachable host means "assume
complete disallow" for that host, as the RFC says, so an outage never turns into an impolite crawl.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit, urlunsplit

from protego import Protego

from flows.pages import Page
from flows.urls import host_key

ROBOTS_MAX_BYTES = 500 * 1024  # RFC 9309: parse at least 500 KiB


@dataclass(slots=True)
class Robots:
    """One host's rules; `rules is None` with `reachable` means no restrictions."""

    rules: Protego | None = None
    reachable: bool = True
    detail: str = ""
    sitemaps: list[str] = field(default_factory=list)

    def allows(self, url: str, user_agent: str) -> bool:
        if not self.reachable:
            return False
        return self.rules is None or bool(self.rules.can_fetch(url, user_agent))

    def crawl_delay(self, user_agent: str) -> float | None:
        if self.rules is None:
            return None
        delay = self.rules.crawl_delay(user_agent)
        return float(delay) if delay is not None else None


def robots_url(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "/robots.txt", "", ""))


class RobotsCache:
    """Fetches robots.txt through `get` (a polite GET without robots checks) once per host."""

    def __init__(self, get: Callable[[str], Page]) -> None:
        self._get = get
        self._lock = threading.Lock()
        self._host_locks: dict[str, threading.Lock] = {}
        self._cache: dict[str, Robots] = {}

    def for_url(self, url: str) -> Robots:
        key = f"{urlsplit(url).scheme.lower()}://{host_key(url)}"
        with self._lock:
            cached = self._cache.get(key)
            if cached is not None:
                return cached
            host_lock = self._host_locks.setdefault(key, threading.Lock())
        with host_lock:  # one fetch per host even when many workers ask at once
            cached = self._cache.get(key)
            if cached is None:
                cached = self._load(robots_url(url))
                with self._lock:
                    self._cache[key] = cached
            return cached

    def _load(self, url: str) -> Robots:
        page = self._get(url)
        if page.content is not None and page.error_reason is None:
            text = page.content.decode("utf-8", "replace")
            rules = Protego.parse(text)
            return Robots(rules=rules, sitemaps=list(rules.sitemaps))
        status = page.status or 0
        if 400 <= status < 500:
            return Robots(detail=f"robots.txt {status}: no rules")
        detail = f"robots.txt unavailable ({page.error_reason}): {page.error_detail}"
        return Robots(reachable=False, detail=detail)
