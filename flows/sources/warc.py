"""`warc` sources: HTML responses inside WARC / WARC.gz files (e.g. CC-NEWS), bytes in hand.

Only `response` records with a 2xx status and an HTML content type become candidates; redirects,
images and request/metadata records are skipped silently (they are normal WARC content, not errors).
"""

from __future__ import annotations

from collections.abc import Iterator

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from flows.fetch.charset import media_type
from flows.fetch.http import HTML_TYPES
from flows.pages import Candidate
from flows.sources.context import Context
from flows.sources.dates import parse_when
from flows.urls import is_http_url


def discover_warc(ctx: Context) -> Iterator[Candidate]:
    limit = ctx.settings.run.max_page_bytes
    for path in ctx.source.warc:
        try:
            fh = path.open("rb")
        except OSError as exc:
            reason = "missing_file" if isinstance(exc, FileNotFoundError) else "read_error"
            ctx.reject(reason, f"WARC {path}: {exc.strerror or exc}", path.as_uri())
            continue
        with fh:
            records = ArchiveIterator(fh)
            try:
                for record in records:
                    if record.format != "warc":  # warcio guesses "arc" for garbage
                        raise ValueError(f"not a WARC file (record format {record.format!r})")
                    if record.rec_type != "response" or record.http_headers is None:
                        continue
                    status = record.http_headers.get_statuscode()
                    content_type = record.http_headers.get_header("Content-Type")
                    url = record.rec_headers.get_header("WARC-Target-URI") or ""
                    if not (status or "").startswith("2") or media_type(content_type) not in HTML_TYPES:
                        continue
                    if not is_http_url(url.strip("<>")):
                        continue
                    # read one byte past the limit so the reader can reject it as too_large
                    content = record.content_stream().read(limit + 1)
                    hints: dict[str, object] = {
                        "content_type": content_type,
                        "http_status": int(status),
                        "warc_file": str(path),
                        "warc_offset": records.get_record_offset(),
                    }
                    crawled = parse_when(record.rec_headers.get_header("WARC-Date"))
                    if crawled is not None:
                        hints["fetched_at"] = crawled
                    yield Candidate(source=ctx.source.name, url=url.strip("<>"), content=content, hints=hints)
            except (ArchiveLoadFailed, OSError, EOFError, ValueError, AttributeError) as exc:
                # warcio reports truncated or malformed records in several ways; all mean "stop this file"
                ctx.reject("bad_warc", f"WARC {path}: {exc}", path.as_uri())
