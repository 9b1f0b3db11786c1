"""What every discovery kind gets: the source, a shared polite client, and a way to report failures."""

from __future__ import annotations

import gzip
import io
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

from flows.config import Settings, SourceConfig
from flows.fetch.http import PoliteClient
from flows.pages import Page
from flows.urls import redact

DOCUMENT_MAX_BYTES = 50 * 1024 * 1024  # the sitemap protocol's own limit for one (uncompressed) file


class DiscoveryFailed(Exception):
    """One discovery document (feed, sitemap, manifest, WARC) could not be used."""

    def __init__(self, reason: str, detail: str, url: str = "") -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason, self.detail, self.url = reason, detail, url


@dataclass(slots=True)
class Context:
    source: SourceConfig
    settings: Settings
    client: PoliteClient
    on_reject: Callable[[Page], None]
    since: date | None = None
    until: date | None = None

    def reject(self, reason: str, detail: str, url: str = "") -> None:
        """Report a failed discovery document as a `Page(error_stage="discover")`; the run goes on."""
        self.on_reject(
            Page(
                source=self.source.name,
                url=redact(url),
                fetched_at=datetime.now(UTC),
                error_stage="discover",
                error_reason=reason,
                error_detail=detail,
            )
        )

    def load(self, location: str) -> bytes:
        """The bytes of a discovery document: an http(s) URL through the polite client, or a local
        path / `file:` URI (bundled or mirrored feeds and sitemaps). Gzip is undone by magic number,
        so `.gz` sitemaps work whatever their Content-Type. Raises DiscoveryFailed."""
        scheme = urlsplit(location).scheme.lower()
        if scheme in ("http", "https"):
            page = self.client.get(
                location, source=self.source.name, html_only=False, max_bytes=DOCUMENT_MAX_BYTES
            )
            if page.error_reason or page.content is None:
                raise DiscoveryFailed(page.error_reason or "empty", page.error_detail or "no body", location)
            data = page.content
        elif scheme in ("", "file") or len(scheme) == 1:  # len 1: a Windows drive letter
            path = Path(unquote(urlsplit(location).path)) if scheme == "file" else Path(location)
            try:
                with path.open("rb") as fh:
                    data = fh.read(DOCUMENT_MAX_BYTES + 1)
            except FileNotFoundError:
                raise DiscoveryFailed("missing_file", f"{path} does not exist", location) from None
            except OSError as exc:
                raise DiscoveryFailed("read_error", f"{path}: {exc}", location) from None
        else:
            raise DiscoveryFailed("unsupported_scheme", f"cannot load {redact(location)}", location)
        return _gunzip(data, location)


def _gunzip(data: bytes, location: str) -> bytes:
    if not data.startswith(b"\x1f\x8b"):
        if len(data) > DOCUMENT_MAX_BYTES:
            raise DiscoveryFailed("too_large", f"larger than {DOCUMENT_MAX_BYTES} bytes", location)
        return data
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as fh:
            out = fh.read(DOCUMENT_MAX_BYTES + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise DiscoveryFailed("bad_gzip", f"{redact(location)}: {exc}", location) from None
    if len(out) > DOCUMENT_MAX_BYTES:
        raise DiscoveryFailed("too_large", f"uncompressed larger than {DOCUMENT_MAX_BYTES} bytes", location)
    return out
