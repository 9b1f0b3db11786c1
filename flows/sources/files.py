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
    dirs: dict[str, str] = {}
    urls = load_manifest(ctx, dirs)
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
        prefix = os.path.join(str(root), "")
        for name in matches:
            real = resolve_fast(name, dirs)
            if not real.startswith(prefix):
                ctx.reject("outside_root", f"{name} resolves to {real}, outside {root}")
                continue
            if real in seen or not os.path.isfile(real):
                continue
            seen.add(real)
            url = urls.get(real)
            hints = {"manifest_url": url is not None}
            yield Candidate(source=ctx.source.name, url=url, path=Path(real), hints=hints)


def resolve_fast(name: str, dirs: dict[str, str]) -> str:
    """`realpath` of a file, resolving each directory once: a 100,000-file source shares a few directories,
    and a full `Path.resolve()` per file (an lstat per path component) dominated an unchanged re-run."""
    directory, base = os.path.split(os.path.abspath(name))
    real_dir = dirs.get(directory)
    if real_dir is None:
        real_dir = dirs[directory] = os.path.realpath(directory)
    full = os.path.join(real_dir, base)
    return os.path.realpath(full) if os.path.islink(full) else full


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


def load_manifest(ctx: Context, dirs: dict[str, str] | None = None) -> dict[str, str]:
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
    home = manifest.parent.resolve()
    home_prefix = os.path.join(str(home), "")
    dirs = {} if dirs is None else dirs
    for entry in entries:
        file, url = (entry.get("file"), entry.get("url")) if isinstance(entry, dict) else (None, None)
        if not isinstance(file, str) or not is_http_url(url if isinstance(url, str) else None):
            bad += 1
            continue
        if ".." in Path(file).parts:
            bad += 1  # a manifest names files beside or below itself, never elsewhere
            continue
        target = resolve_fast(os.path.join(home, file), dirs)
        if not target.startswith(home_prefix):
            bad += 1
            continue
        urls[target] = str(url).strip()
    if bad:
        log.warning("source %s: ignored %d manifest entries without a file or an http(s) url",
                    ctx.source.name, bad)
    return urls
