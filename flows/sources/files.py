"""`files` sources: local HTML files matched by glob patterns, URLs from an optional manifest.

The manifest (a JSON list of {"file": path relative to the manifest, "url": ...}) gives each file its
public URL; without an entry the candidate has no URL and the parser takes the page's canonical link.
A `file:` URL in the manifest is ignored: a local path is never an article URL.

Confinement: a source reads only inside the directories its globs name (the part before the first
wildcard). A pattern with a `..` segment is refused, and so is a match that resolves (through a
symlink) outside its root; both become `discover`/`outside_root` rejects. Manifest entries that point
outside the manifest's directory are ignored.
"""

from __future__ import annotations

import glob
import json
import logging
import os
from collections.abc import Iterator
from pathlib import Path

from flows.pages import Candidate
from flows.sources.context import Context
from flows.urls import is_http_url

log = logging.getLogger(__name__)


def discover_files(ctx: Context) -> Iterator[Candidate]:
    urls = load_manifest(ctx)
    seen: set[str] = set()
    for pattern in ctx.source.paths:
        if ".." in Path(pattern).parts:
            ctx.reject("outside_root", f"pattern {pattern} climbs out of its directory with '..'")
            continue
        root = glob_root(pattern)
        # iglob is lazy; one pattern's matches are sorted (strings, not Pages) so limits are repeatable
        matches = sorted(glob.iglob(str(pattern), recursive=True))
        if not matches:
            log.warning("source %s: no files match %s", ctx.source.name, pattern)
        for name in matches:
            path = Path(name).resolve()
            if not path.is_relative_to(root):
                ctx.reject("outside_root", f"{name} resolves to {path}, outside {root}")
                continue
            if str(path) in seen or not path.is_file():
                continue
            seen.add(str(path))
            url = urls.get(str(path))
            hints = {"manifest_url": url is not None}
            yield Candidate(source=ctx.source.name, url=url, path=path, hints=hints)


def glob_root(pattern: Path | str) -> Path:
    """The directory a glob pattern reads under: its longest leading part without wildcards, resolved."""
    fixed: list[str] = []
    for part in Path(pattern).parts:
        if any(c in part for c in "*?["):
            break
        fixed.append(part)
    root = Path(*fixed) if fixed else Path(os.curdir)
    if len(fixed) == len(Path(pattern).parts):  # no wildcard: the pattern names one file
        root = root.parent
    return root.resolve()


def load_manifest(ctx: Context) -> dict[str, str]:
    """Resolved file path -> URL. A missing or broken manifest is reported and means "no URLs"."""
    manifest = ctx.source.manifest
    if manifest is None:
        return {}
    if not manifest.is_file():
        log.warning("source %s: manifest %s not found; pages will use their canonical links",
                    ctx.source.name, manifest)
        return {}
    try:
        entries = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        ctx.reject("bad_manifest", f"{manifest}: {exc}", manifest.as_uri())
        return {}
    if isinstance(entries, dict):  # tolerate {"pages": [...]} as well as a bare list
        entries = entries.get("pages", entries.get("files", []))
    if not isinstance(entries, list):
        ctx.reject("bad_manifest", f"{manifest}: expected a list of {{file, url}} objects", manifest.as_uri())
        return {}
    urls: dict[str, str] = {}
    bad = 0
    for entry in entries:
        file, url = (entry.get("file"), entry.get("url")) if isinstance(entry, dict) else (None, None)
        if not isinstance(file, str) or not is_http_url(url if isinstance(url, str) else None):
            bad += 1
            continue
        target = (manifest.parent / file).resolve()
        if ".." in Path(file).parts or not target.is_relative_to(manifest.parent.resolve()):
            bad += 1  # a manifest names files beside or below itself, never elsewhere
            continue
        urls[str(target)] = str(url).strip()
    if bad:
        log.warning("source %s: ignored %d manifest entries without a file or an http(s) url",
                    ctx.source.name, bad)
    return urls
