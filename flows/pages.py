"""What flows between the pipeline stages before parsing: a discovered candidate, and a read page.

Discovery yields `Candidate`s; reading (local files, WARC records) or fetching (HTTP) turns each into a
`Page` that carries the raw bytes or the reason it could not be had. Parsing takes a `Page`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any


@dataclass(slots=True)
class Candidate:
    """A page a source points at, not yet read."""

    source: str
    url: str | None = None
    path: Path | None = None
    content: bytes | None = None  # already in hand (a WARC record, a test)
    hints: dict[str, Any] = field(default_factory=dict)  # e.g. sitemap lastmod, news:title, feed date


@dataclass(slots=True)
class Page:
    """A candidate after reading or fetching: the bytes, or the failure that goes to `rejects`."""

    source: str
    url: str
    content: bytes | None = None
    final_url: str | None = None
    status: int | None = None
    content_type: str | None = None
    charset: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    fetched_at: datetime | None = None
    reference_at: datetime | None = None  # when a re-parsed page was fetched: relative dates count from it
    raw_ref: str | None = None
    not_modified: bool = False  # HTTP 304: unchanged since the stored fetch
    error_stage: str | None = None  # "discover" | "fetch" | "read"
    error_reason: str | None = None  # short machine-readable reason, e.g. "http_404", "too_large"
    error_detail: str | None = None
    hints: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.error_reason is None and not self.not_modified and self.content is not None
