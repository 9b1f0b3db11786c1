"""`urls` sources: URLs listed inline in the config and/or in a text file (one per line, `#` comments)."""

from __future__ import annotations

from collections.abc import Iterator

from flows.pages import Candidate
from flows.sources.context import Context
from flows.urls import is_http_url


def discover_urls(ctx: Context) -> Iterator[Candidate]:
    for url in ctx.source.urls:
        yield from _candidate(ctx, url, "config")
    listing = ctx.source.urls_file
    if listing is None:
        return
    try:
        fh = listing.open(encoding="utf-8-sig")
    except OSError as exc:
        ctx.reject("missing_file" if isinstance(exc, FileNotFoundError) else "read_error",
                   f"urls_file {listing}: {exc.strerror or exc}", listing.as_uri())
        return
    with fh:  # read line by line: a list of a million URLs is never held in memory
        for number, line in enumerate(fh, 1):
            text = line.strip()
            if text.startswith("#"):
                continue
            text = text.split(" #", 1)[0].split("\t#", 1)[0].strip()  # a trailing comment, not a #fragment
            if text:
                yield from _candidate(ctx, text, f"{listing.name}:{number}")


def _candidate(ctx: Context, url: str, where: str) -> Iterator[Candidate]:
    url = url.strip()
    if is_http_url(url):
        yield Candidate(source=ctx.source.name, url=url)
    else:
        ctx.reject("bad_url", f"{where}: not an http(s) URL: {url[:200]!r}", url[:2000])
