"""Turning candidates into pages: local reads inline, HTTP fetches on a bounded thread pool.

The dispatcher keeps per-host queues so one slow or heavily paced host never occupies every worker:
at most `per_host_concurrency` requests run per host, and `HostLimiter` spaces their starts. Input is
consumed lazily with a bounded look-ahead, so a million-URL sitemap never sits in memory as Pages.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait

import httpx

from flows.config import Settings
from flows.fetch.http import PoliteClient
from flows.fetch.local import read_file, read_in_hand
from flows.fetch.state import CrawlState, conditional_headers, state_key
from flows.pages import Candidate, Page
from flows.rawstore import RawStore
from flows.urls import host_key, is_http_url

log = logging.getLogger(__name__)

LOOKAHEAD = 2000  # candidates buffered while waiting for busy hosts


class Fetcher:
    """`with Fetcher(settings, state) as f: for page in f.fetch_all(candidates): ...`

    Every candidate yields exactly one Page, in completion order. HTTP pages' bytes go to the raw
    archive (`Page.raw_ref`); a 304 gives `Page(not_modified=True)` with the stored ref.
    """

    def __init__(
        self,
        settings: Settings,
        state: Mapping[str, CrawlState] | None = None,
        *,
        store: RawStore | None = None,
        max_workers: int | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.settings = settings
        self.state = state or {}
        self.store = store if store is not None else RawStore(settings.warehouse.raw_dir)
        self.client = PoliteClient(settings.http, transport=transport)
        per_host = max(1, settings.http.per_host_concurrency)
        self.per_host = per_host
        self.max_workers = max_workers or min(32, max(4, per_host * 4))

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()

    def fetch_one(self, candidate: Candidate) -> Page:
        """Read or fetch one candidate, synchronously."""
        if candidate.content is not None:
            return read_in_hand(candidate, self.settings.run.max_page_bytes, self.store)
        if candidate.path is not None:
            return read_file(candidate, self.settings.run.max_page_bytes)
        return self._fetch_http(candidate)

    def fetch_all(self, candidates: Iterable[Candidate]) -> Iterator[Page]:
        """One Page per candidate; local ones come back immediately, HTTP ones as they complete."""
        queues: dict[str, deque[Candidate]] = {}
        active: dict[str, int] = {}
        running: dict[Future[Page], str] = {}
        buffered = 0
        source = iter(candidates)
        exhausted = False
        with ThreadPoolExecutor(self.max_workers, thread_name_prefix="warta-fetch") as pool:
            while True:
                while not exhausted and buffered < LOOKAHEAD:
                    candidate = next(source, None)
                    if candidate is None:
                        exhausted = True
                        break
                    if candidate.content is not None or candidate.path is not None or not candidate.url:
                        yield self.fetch_one(candidate)
                        continue
                    host = host_key(candidate.url) if is_http_url(candidate.url) else ""
                    queues.setdefault(host, deque()).append(candidate)
                    buffered += 1
                    if len(running) < self.max_workers and active.get(host, 0) < self.per_host:
                        break  # start it now rather than reading further ahead
                for host, queue in queues.items():
                    while queue and active.get(host, 0) < self.per_host and len(running) < self.max_workers:
                        running[pool.submit(self._fetch_http, queue.popleft())] = host
                        active[host] = active.get(host, 0) + 1
                        buffered -= 1
                if not running:
                    if exhausted and buffered == 0:
                        return
                    continue
                done, _ = wait(running, timeout=None if exhausted or buffered >= LOOKAHEAD else 0.05,
                               return_when=FIRST_COMPLETED)
                for future in done:
                    host = running.pop(future)
                    active[host] -= 1
                    yield future.result()

    def _fetch_http(self, candidate: Candidate) -> Page:
        url = candidate.url or ""
        if not url:
            detail = "candidate has neither a URL, a path nor content"
            return Page(source=candidate.source, url="", error_stage="fetch", error_reason="no_url",
                        error_detail=detail, hints=dict(candidate.hints))
        previous = self.state.get(state_key(url)) if is_http_url(url) else None
        page = self.client.get(url, source=candidate.source, headers=conditional_headers(previous))
        page.hints = {**candidate.hints, **page.hints}
        if page.not_modified and previous is not None:
            page.raw_ref = previous.content_sha256
            page.etag = page.etag or previous.etag
            page.last_modified = page.last_modified or previous.last_modified
        elif page.content is not None and page.error_reason is None:
            try:
                page.raw_ref = self.store.put(page.content)
            except OSError as exc:  # a full disk must not lose the page: parse it, report the archive error
                log.warning("raw archive write failed for %s: %s", url, exc)
                page.hints["raw_error"] = str(exc)
        return page
