"""The raw archive: page bytes kept so any page can be re-parsed later without re-fetching.

Content-addressed (the ref is the SHA-256 of the bytes), so storing the same page twice costs nothing
and concurrent writers cannot disagree. Each object is one standard zstd frame
(`<root>/<ref[:2]>/<ref>.html.zst`, readable with the `zstd` CLI) written to a temporary file and
renamed into place: a crash leaves at most a stray `.tmp` file, never a truncated object.
Fetch metadata (URL, ETag, times) lives in the `crawl_state` table, not here.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pyarrow as pa

SUFFIX = ".html.zst"
CODEC = "zstd"
_REF = re.compile(r"^[0-9a-f]{64}$")


class RawStoreError(Exception):
    """A ref that is malformed, missing, or whose bytes no longer match their hash."""


def is_ref(ref: object) -> bool:
    """True for a content ref this store issues (64 lower-case hex characters)."""
    return isinstance(ref, str) and bool(_REF.match(ref))


def content_ref(content: bytes) -> str:
    """The ref `put` would return for these bytes (hex SHA-256)."""
    return hashlib.sha256(content).hexdigest()


class RawStore:
    """Write-once, content-addressed byte store under one directory."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def path_for(self, ref: str) -> Path:
        if not is_ref(ref):
            raise RawStoreError(f"not a raw ref: {ref!r}")
        return self.root / ref[:2] / f"{ref}{SUFFIX}"

    def __contains__(self, ref: object) -> bool:
        return is_ref(ref) and self.path_for(str(ref)).is_file()

    def put(self, content: bytes) -> str:
        """Store the bytes (once) and return their ref."""
        ref = content_ref(content)
        target = self.path_for(ref)
        if target.is_file():
            return ref
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{ref[:8]}-", suffix=".tmp", dir=target.parent)
        os.close(fd)
        try:
            with pa.CompressedOutputStream(tmp, CODEC) as out:
                out.write(content)
            os.replace(tmp, target)  # atomic; a concurrent writer of the same ref wrote identical bytes
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return ref

    def get(self, ref: str) -> bytes:
        """The stored bytes, verified against the ref. `file:` refs (local source files) are read as-is."""
        if ref.startswith("file:"):
            path = Path(unquote(urlsplit(ref).path))
            try:
                return path.read_bytes()
            except OSError as exc:
                raise RawStoreError(f"cannot read {path}: {exc.strerror}") from None
        path = self.path_for(ref)
        try:
            with pa.CompressedInputStream(pa.OSFile(str(path)), CODEC) as stream:
                content = stream.read()
        except FileNotFoundError:
            raise RawStoreError(f"raw object {ref} not in {self.root}") from None
        except (OSError, pa.ArrowException) as exc:
            raise RawStoreError(f"raw object {ref} unreadable: {exc}") from None
        if content_ref(content) != ref:
            raise RawStoreError(f"raw object {ref} is corrupt (hash mismatch)")
        return content
