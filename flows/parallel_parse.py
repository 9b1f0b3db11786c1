"""Parsing pages on all cores, outside Prefect: a plain process pool fed in bounded batches.

Workers come from a `forkserver` context: forking the flow's process directly would copy the locks of
Prefect's background threads into the children, which can deadlock them.
"""

from __future__ import annotations

import multiprocessing as mp
import os
from collections.abc import Iterator, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial

from flows.errors import PageRejected
from flows.pages import Page
from flows.tabulate import ParsedPage, Reject


@dataclass(frozen=True, slots=True)
class ParseHints:
    """What a source knows about its pages that the page may not say."""

    source: str
    site_profile: str | None = None
    language: str | None = None
    timezone: str | None = None
    with_mentions: bool = True


def parse_page(page: Page, hints: ParseHints) -> ParsedPage:
    """Parse one page; any failure becomes a reject so one bad page never stops a batch."""
    url = page.final_url or page.url or ""
    # A local file's file: URI points at the bytes, never at the article: the page's canonical link decides.
    article_url = "" if url.startswith("file:") else url
    if not page.ok:
        stage = page.error_stage or "fetch"
        reason = page.error_reason or ("not_modified" if page.not_modified else "no_content")
        return ParsedPage(page.source, url, page.raw_ref,
                          reject=Reject(page.source, url, stage, reason, page.error_detail or "", page.raw_ref))
    try:
        from flows.extract import parse_article

        article = parse_article(page.content, article_url, site_profile=hints.site_profile,
                                language=hints.language, timezone=hints.timezone)
        mentions, entities = _mentions(article) if hints.with_mentions else ([], [])
    except PageRejected as exc:
        return ParsedPage(page.source, url, page.raw_ref,
                          reject=Reject(page.source, url, exc.stage, exc.reason, exc.detail, page.raw_ref))
    except Exception as exc:  # a parser bug must cost one page, not the run
        return ParsedPage(page.source, url, page.raw_ref, reject=Reject(
            page.source, url, "parse", "parser_error", f"{type(exc).__name__}: {exc}", page.raw_ref))
    return ParsedPage(page.source, url, page.raw_ref, article=article, mentions=mentions, entities=entities)


def _mentions(article):  # type: ignore[no-untyped-def]
    from flows.mentions import mentions_for_article

    return mentions_for_article(article.title, article.paragraphs, article.language)


def parse_pages(pages: Sequence[Page], hints: ParseHints, pool: Executor | None) -> list[ParsedPage]:
    if pool is None or len(pages) < 2:
        return [parse_page(p, hints) for p in pages]
    chunk = max(1, len(pages) // (4 * (getattr(pool, "_max_workers", 1) or 1)))
    return list(pool.map(partial(parse_page, hints=hints), pages, chunksize=chunk))


def worker_count(configured: int) -> int:
    return configured if configured > 0 else (os.cpu_count() or 1)


@contextmanager
def parser_pool(workers: int) -> Iterator[Executor | None]:
    """A process pool for `workers` > 1; with one worker, parsing runs in-process (easier to debug)."""
    n = worker_count(workers)
    if n <= 1:
        yield None
        return
    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload(["flows.parallel_parse", "flows.extract"])
    with ProcessPoolExecutor(max_workers=n, mp_context=ctx) as pool:
        yield pool
