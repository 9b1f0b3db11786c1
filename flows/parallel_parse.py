"""Parsing pages on all cores, outside Prefect, so that no page can stop, hang or crash a run.

Every page ends as an article or a reject row; nothing a page does reaches the rest of its batch.

- **Guards before parsing** (cheap, on the bytes): a page over `ParseHints.max_bytes` is rejected
  `too_large`; markup nested deeper than `MAX_DEPTH` (estimated by one regex pass) is rejected
  `too_deep`. The extractor walks the tree recursively, and 100,000 nested tags otherwise cost seconds
  before a `RecursionError`. That error, if it still happens, is also `too_deep`; `MemoryError` is
  `out_of_memory`.
- **Soft time limit**: `signal.setitimer(ITIMER_REAL)` around each page, in the thread that parses (a
  worker's main thread, or the caller's main thread when parsing inline). The SIGALRM handler raises
  `ParseTimeout`, a `BaseException` so no `except Exception` in the extractor swallows it, and the page
  becomes `stage="parse", reason="timeout"`. A signal only interrupts Python bytecode, so it cannot stop
  a page blocked inside C code (a regex, lxml).
- **Hard time limit** (pool only): the pool is our own small set of forkserver processes, one page at a
  time each, so the parent always knows which worker holds which page and since when. A worker still
  busy `grace` seconds after the soft limit is SIGKILLed and replaced, and its page rejected `timeout`.
  A worker that dies on its own (segfault, OOM killer, `os._exit`) costs only its page
  (`worker_crashed`), and is replaced too. A `ProcessPoolExecutor` cannot do this: it does not say
  which worker holds a task, and one dead worker breaks every pending future.
- **Inline** (`workers=1`): the guards and the soft limit apply. Outside the main thread, signals are
  not available, so the page runs without a time limit there.

Workers come from a `forkserver` context: forking the flow's process directly would copy the locks of
Prefect's background threads into the children, which can deadlock them.
"""

from __future__ import annotations

import importlib
import multiprocessing as mp
import os
import re
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor
from contextlib import contextmanager, suppress
from dataclasses import dataclass, replace
from multiprocessing.connection import Connection, wait
from typing import Any

from flows.config import RunSettings, SourceConfig
from flows.errors import PageRejected
from flows.pages import Page
from flows.tabulate import ParsedPage, Reject

DEFAULT_TIMEOUT = RunSettings().parse_timeout
DEFAULT_MAX_BYTES = RunSettings().max_page_bytes
# The extractor's tree walk recurses once per level and fails near 1,000; real pages stay under ~100.
MAX_DEPTH = 500
WORKER_START_LIMIT = 120.0  # seconds a new worker may take to import the parser
# Tags that never nest (void) or that the HTML parser closes implicitly: they do not add depth.
_FLAT_TAGS = frozenset(
    b"area base br col embed hr img input link meta param source track wbr p li dt dd tr td th option "
    b"optgroup rp rt tbody thead tfoot colgroup caption".split()
)
_TAG = re.compile(rb"<(/?)([a-zA-Z][a-zA-Z0-9]{0,15})")


@dataclass(frozen=True, slots=True)
class ParseHints:
    """What a source knows about its pages that the page may not say, and the limits for one page.

    `timeout` (seconds, None = `run.parse_timeout`'s default) and `max_bytes` bound one page.
    `parser` ("module:function") swaps `parse_article` for another callable with its signature; tests use
    it to make pages hang or crash inside worker processes.
    """

    source: str
    site_profile: str | None = None
    language: str | None = None
    timezone: str | None = None
    with_mentions: bool = True
    timeout: float | None = None
    max_bytes: int | None = None
    parser: str | None = None


def hints_for(source: str, cfg: SourceConfig | None, run: RunSettings) -> ParseHints:
    """The hints and per-page limits for a source's pages, from its config and `[run]`."""
    return ParseHints(source, cfg.site if cfg else None, cfg.language if cfg else None,
                      cfg.timezone if cfg else None, timeout=run.parse_timeout, max_bytes=run.max_page_bytes)


class ParseTimeout(BaseException):
    """Raised by SIGALRM inside a parse that ran out of time (not an Exception: nothing may swallow it)."""


def nesting_depth(content: bytes, limit: int = MAX_DEPTH) -> int:
    """Estimated element nesting depth; stops counting once `limit` is passed (cheap on huge pages)."""
    depth = deepest = 0
    for m in _TAG.finditer(content):
        name = m.group(2).lower()
        if name in _FLAT_TAGS:
            continue
        if m.group(1):
            depth = max(0, depth - 1)
        else:
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > limit:
                    break
    return deepest


def _guard(content: bytes, hints: ParseHints) -> tuple[str, str] | None:
    limit = hints.max_bytes or DEFAULT_MAX_BYTES
    if len(content) > limit:
        return "too_large", f"{len(content)} bytes (limit {limit})"
    depth = nesting_depth(content)
    if depth > MAX_DEPTH:
        return "too_deep", f"markup nested more than {MAX_DEPTH} levels"
    return None


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise `ParseTimeout` in this thread after `seconds` (main thread only; elsewhere no limit)."""
    usable = (seconds and seconds > 0 and hasattr(signal, "setitimer")
              and threading.current_thread() is threading.main_thread())
    if not usable:
        yield
        return

    def _expired(signum: int, frame: Any) -> None:
        raise ParseTimeout(f"parse took longer than {seconds} s")

    previous = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, float(seconds or 0))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _parser(name: str | None) -> Callable[..., Any]:
    if not name:
        from flows.extract import parse_article

        return parse_article
    module, _, attr = name.partition(":")
    return getattr(importlib.import_module(module), attr)


def parse_page(page: Page, hints: ParseHints) -> ParsedPage:
    """Parse one page; any failure becomes a reject so one bad page never stops a batch."""
    url = page.final_url or page.url or ""
    # A local file's file: URI points at the bytes, never at the article: the page's canonical link decides.
    article_url = "" if url.startswith("file:") else url

    def rejected(stage: str, reason: str, detail: str) -> ParsedPage:
        return ParsedPage(page.source, url, page.raw_ref,
                          reject=Reject(page.source, url, stage, reason, detail, page.raw_ref))

    if not page.ok:
        stage = page.error_stage or "fetch"
        reason = page.error_reason or ("not_modified" if page.not_modified else "no_content")
        return rejected(stage, reason, page.error_detail or "")
    assert page.content is not None
    guard = _guard(page.content, hints)
    if guard:
        return rejected("parse", *guard)
    timeout = hints.timeout if hints.timeout is not None else DEFAULT_TIMEOUT
    html = _decoded(page)
    try:
        with time_limit(timeout):
            extra = {} if hints.parser else {"fetched_at": page.reference_at or page.fetched_at}
            article = _parser(hints.parser)(html, article_url, site_profile=hints.site_profile,
                                            language=hints.language, timezone=hints.timezone, **extra)
            mentions, entities = _mentions(article) if hints.with_mentions else ([], [])
    except ParseTimeout:
        return rejected("parse", "timeout", f"parse took longer than {timeout} s")
    except PageRejected as exc:
        return rejected(exc.stage, exc.reason, exc.detail)
    except RecursionError:
        return rejected("parse", "too_deep", "markup nested too deeply for the extractor (RecursionError)")
    except MemoryError:
        return rejected("parse", "out_of_memory", "the page needed more memory than the parser could get")
    except Exception as exc:  # a parser bug must cost one page, not the run
        return rejected("parse", "parser_error", f"{type(exc).__name__}: {exc}")
    return ParsedPage(page.source, url, page.raw_ref, article=article, mentions=mentions, entities=entities)


def _decoded(page: Page) -> bytes | str:
    """Text in the charset the fetcher settled on (header, meta or BOM, checked against the bytes), so the
    HTTP Content-Type wins over the page's own guess; pages without one are decoded by the parser."""
    if page.charset and page.content:
        try:
            return page.content.decode(page.charset, errors="replace")
        except LookupError:
            pass
    return page.content or b""


def _mentions(article):  # type: ignore[no-untyped-def]
    from flows.mentions import mentions_for_article

    return mentions_for_article(article.title, article.paragraphs, article.language)


def parse_pages(pages: Sequence[Page], hints: ParseHints, pool: ParserPool | Executor | None, *,
                timeout: float | None = None) -> list[ParsedPage]:
    """Parse a batch in order; `timeout` overrides `hints.timeout` and the pool's own limit."""
    limit = timeout if timeout is not None else hints.timeout
    if limit is None and isinstance(pool, ParserPool):
        limit = pool.timeout
    hints = replace(hints, timeout=limit if limit is not None else DEFAULT_TIMEOUT)
    if pool is None or (len(pages) < 2 and not isinstance(pool, ParserPool)):
        return [parse_page(p, hints) for p in pages]
    if isinstance(pool, ParserPool):
        return pool.parse(pages, hints)
    return _on_executor(pages, hints, pool)


def _on_executor(pages: Sequence[Page], hints: ParseHints, pool: Executor) -> list[ParsedPage]:
    """Any other executor: no hard limit, but a worker that dies still costs only its page."""
    futures = [pool.submit(parse_page, p, hints) for p in pages]
    out = []
    for page, future in zip(pages, futures, strict=True):
        try:
            out.append(future.result())
        except Exception as exc:
            url = page.final_url or page.url or ""
            out.append(ParsedPage(page.source, url, page.raw_ref, reject=Reject(
                page.source, url, "parse", "worker_crashed", f"{type(exc).__name__}: {exc}", page.raw_ref)))
    return out


def worker_count(configured: int) -> int:
    return configured if configured > 0 else (os.cpu_count() or 1)


@contextmanager
def parser_pool(workers: int, *, timeout: float | None = None) -> Iterator[ParserPool | None]:
    """A process pool for `workers` > 1; with one worker, parsing runs in-process (easier to debug)."""
    n = worker_count(workers)
    if n <= 1:
        yield None
        return
    pool = ParserPool(n, timeout=timeout)
    try:
        yield pool
    finally:
        pool.close()


# --- the pool -----------------------------------------------------------------------------------------
def _worker_main(conn: Connection) -> None:
    """Parse pages sent over `conn` one at a time, in this process's main thread (so SIGALRM works)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    conn.send("ready")
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):  # the parent is gone
            return
        if job is None:
            return
        page, hints = job
        conn.send(parse_page(page, hints))


@dataclass(slots=True)
class _Worker:
    process: Any
    conn: Connection
    ready: bool = False
    started: float = 0.0
    index: int | None = None  # the page it holds
    deadline: float = 0.0


class ParserPool:
    """Worker processes that parse one page at a time, with a hard deadline per page.

    A worker that overruns its page's deadline is killed; one that dies is replaced. Either way only
    that page is rejected. `replaced` counts the workers lost so far.
    """

    def __init__(self, workers: int, *, timeout: float | None = None, grace: float | None = None) -> None:
        self.size = max(1, workers)
        self.timeout = timeout
        self.grace = grace
        self.replaced = 0
        self._ctx = mp.get_context("forkserver")
        self._ctx.set_forkserver_preload(["flows.parallel_parse", "flows.warmup"])
        self._workers: list[_Worker] = []
        self._failed_starts = 0

    def _spawn(self) -> _Worker:
        ours, theirs = self._ctx.Pipe()
        process = self._ctx.Process(target=_worker_main, args=(theirs,), daemon=True, name="warta-parse")
        process.start()
        theirs.close()
        return _Worker(process, ours, started=time.monotonic())

    def _retire(self, worker: _Worker, *, kill: bool) -> None:
        if kill and worker.process.is_alive():
            os.kill(worker.process.pid, signal.SIGKILL)
        worker.process.join(5)
        worker.conn.close()
        self._workers.remove(worker)
        self.replaced += 1

    def parse(self, pages: Sequence[Page], hints: ParseHints) -> list[ParsedPage]:
        results: list[ParsedPage | None] = [None] * len(pages)
        todo: deque[int] = deque()
        for i, page in enumerate(pages):  # cheap outcomes here: no 50 MB page crosses a pipe to be refused
            if not page.ok or _guard(page.content or b"", hints):
                results[i] = parse_page(page, hints)
            else:
                todo.append(i)
        limit = (hints.timeout or DEFAULT_TIMEOUT) + (self.grace if self.grace is not None
                                                      else max(2.0, 0.5 * (hints.timeout or DEFAULT_TIMEOUT)))
        while todo or any(w.index is not None for w in self._workers):
            while len(self._workers) < min(self.size, len(todo) + self._busy()):
                self._workers.append(self._spawn())
            now = time.monotonic()
            for w in self._workers:
                if w.ready and w.index is None and todo:
                    w.index = todo.popleft()
                    w.deadline = now + limit
                    with suppress(OSError):  # died while idle: found dead below, and its page rejected
                        w.conn.send((pages[w.index], hints))
            self._wait_and_collect(pages, results, limit)
        return [r for r in results if r is not None]

    def _busy(self) -> int:
        return sum(1 for w in self._workers if w.index is not None)

    def _wait_and_collect(self, pages: Sequence[Page], results: list[ParsedPage | None], limit: float) -> None:
        now = time.monotonic()
        deadlines = [w.deadline if w.ready else w.started + WORKER_START_LIMIT
                     for w in self._workers if w.index is not None or not w.ready]
        handles = [h for w in self._workers for h in (w.conn, w.process.sentinel)]
        wait(handles, timeout=max(0.0, min(deadlines, default=now + 1) - now) + 0.01)
        now = time.monotonic()
        for w in list(self._workers):
            message: Any = None
            lost = False
            if w.conn.poll():
                try:
                    message = w.conn.recv()
                except (EOFError, OSError):
                    lost = True
            elif not w.process.is_alive():
                lost = True
            if message == "ready":
                w.ready, self._failed_starts = True, 0
            elif isinstance(message, ParsedPage) and w.index is not None:
                results[w.index], w.index = message, None
            elif lost or (w.ready and w.index is not None and now > w.deadline):
                reason = "worker_crashed" if lost else "timeout"
                code = w.process.exitcode
                self._reject(pages, results, w.index, reason, limit, code)
                self._retire(w, kill=not lost)
                if not w.ready:
                    self._failed_starts += 1
            elif not w.ready and now > w.started + WORKER_START_LIMIT:
                self._retire(w, kill=True)
                self._failed_starts += 1
            if self._failed_starts >= 3:
                raise RuntimeError("parser worker processes fail to start; see their output above")

    @staticmethod
    def _reject(pages: Sequence[Page], results: list[ParsedPage | None], index: int | None, reason: str,
                limit: float, exitcode: int | None) -> None:
        if index is None:
            return
        page = pages[index]
        url = page.final_url or page.url or ""
        detail = (f"the parser worker was stopped after {limit:g} s" if reason == "timeout"
                  else f"the parser worker died (exit code {exitcode})")
        results[index] = ParsedPage(page.source, url, page.raw_ref,
                                    reject=Reject(page.source, url, "parse", reason, detail, page.raw_ref))

    def close(self) -> None:
        for w in self._workers:
            with suppress(OSError):
                w.conn.send(None)
        for w in list(self._workers):
            w.process.join(2)
            if w.process.is_alive():
                os.kill(w.process.pid, signal.SIGKILL)
                w.process.join(2)
            w.conn.close()
        self._workers.clear()
