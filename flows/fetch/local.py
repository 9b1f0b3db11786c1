"""Reading pages that need no HTTP: local files and bytes already in hand (WARC records).

Local files stay where they are (their `raw_ref` is the file's `file:` URI); bytes in hand are put in
the raw archive so a WARC page can be re-parsed without the WARC.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from flows.fetch.charset import detect_charset, media_type
from flows.pages import Candidate, Page
from flows.rawstore import RawStore


def read_file(candidate: Candidate, max_bytes: int) -> Page:
    """A Page from a local file; a `file:` URI stands in for the URL when the source gave none."""
    path = Path(candidate.path or "")
    page = Page(
        source=candidate.source,
        url=candidate.url or path.absolute().as_uri(),
        fetched_at=datetime.now(UTC),
        raw_ref=path.absolute().as_uri(),
        hints=dict(candidate.hints),
    )
    try:
        with path.open("rb") as fh:
            content = fh.read(max_bytes + 1)
    except FileNotFoundError:
        return _fail(page, "missing_file", f"{path} does not exist")
    except IsADirectoryError:
        return _fail(page, "read_error", f"{path} is a directory")
    except OSError as exc:
        return _fail(page, "read_error", f"{path}: {exc.strerror or exc}")
    if len(content) > max_bytes:
        return _fail(page, "too_large", f"{path} is larger than {max_bytes} bytes")
    page.content = content
    page.content_type = "text/html"
    # No charset here: a file has no Content-Type header, so the parser's own BOM/meta/UTF-8/detection
    # order decides, once, instead of a second detection pass per file.
    return page


def read_in_hand(candidate: Candidate, max_bytes: int, store: RawStore | None) -> Page:
    """A Page from bytes discovery already holds; HTTP metadata comes from the candidate's hints."""
    content = candidate.content or b""
    content_type = candidate.hints.get("content_type")
    page = Page(
        source=candidate.source,
        url=candidate.url or "",
        fetched_at=candidate.hints.get("fetched_at") or datetime.now(UTC),
        status=candidate.hints.get("http_status"),
        content_type=media_type(content_type) or None,
        hints=dict(candidate.hints),
    )
    if len(content) > max_bytes:
        return _fail(page, "too_large", f"record for {candidate.url} is larger than {max_bytes} bytes")
    if not content:
        return _fail(page, "empty", f"record for {candidate.url} has no body")
    page.content = content
    page.charset = detect_charset(content, content_type)
    if store is not None:
        page.raw_ref = store.put(content)
    return page


def _fail(page: Page, reason: str, detail: str) -> Page:
    page.error_stage, page.error_reason, page.error_detail = "read", reason, detail
    return page
