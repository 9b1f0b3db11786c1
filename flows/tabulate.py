"""Turning parse outcomes into Arrow tables in the warehouse schemas, one batch at a time.

Everything the loader stages comes from here, built column-wise with the schemas of
`flows.schemas`, so the loader never inserts row by row.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

import pyarrow as pa

from flows import schemas
from flows.model import Article, Contributor, Image, Paragraph
from flows.urls import article_id, canonicalize, is_http_url, site_of

# Lone surrogates (JSON-LD "\ud800") cannot be encoded to UTF-8, and NUL bytes break BI drivers: each becomes
# U+FFFD, one character for one, so mention offsets into the text stay right.
_UNSTORABLE = re.compile(r"[\x00\ud800-\udfff]")
# Instants a reader can convert to any local time without overflowing Python's datetime (years 1-9999).
_EARLIEST = datetime(1, 1, 2, tzinfo=UTC)
# user:password@ in any URL inside a reject's url or detail (site or proxy credentials never reach the table)
_CREDENTIALS = re.compile(r"(?<=//)[^/\s@]+@")
_LATEST = datetime(9999, 12, 30, tzinfo=UTC)


@dataclass(slots=True)
class Reject:
    source: str
    url: str | None
    stage: str
    reason: str
    detail: str = ""
    raw_ref: str | None = None


@dataclass(slots=True)
class ParsedPage:
    """One page after parsing: the article with its mentions, or a reject."""

    source: str
    url: str
    raw_ref: str | None = None
    article: Article | None = None
    mentions: list[Any] = field(default_factory=list)
    entities: list[Any] = field(default_factory=list)
    reject: Reject | None = None


@dataclass(slots=True)
class Batch:
    articles: pa.Table
    images: pa.Table
    authors: pa.Table
    article_authors: pa.Table
    entities: pa.Table
    mentions: pa.Table
    rejects: pa.Table


def identity_url(article: Article) -> str | None:
    """The URL the article id comes from: the canonical link when it stays on the page's site."""
    canonical = article.canonical_url
    same_site = canonical and (not article.url or site_of(canonical) == site_of(article.url))
    if same_site and canonical.startswith(("http://", "https://")):
        path = canonical.split("://", 1)[1].partition("/")[2]
        if path.strip("/"):
            return canonical
    return article.url or None


def content_hash(article: Article) -> str:
    """Hash of what the article says; URL variants and the source it came from do not count."""
    content = {
        "title": article.title,
        "description": article.description,
        "authors": article.authors,
        "contributors": [(c.name, c.role) for c in article.contributors],
        "agencies": article.agencies,
        "published_at": _iso(article.published_at),
        "updated_at": _iso(article.updated_at),
        "section": article.section,
        "subsection": article.subsection,
        "tags": article.tags,
        "language": article.language,
        "dateline": article.dateline,
        "publisher": article.publisher,
        "paragraphs": [(p.kind, p.text) for p in article.paragraphs],
        "images": [(i.url, i.caption, i.credit, i.alt, i.is_cover) for i in article.images],
    }
    blob = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def author_id(name: str) -> str:
    key = " ".join(unicodedata.normalize("NFKC", name).casefold().split())
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def tabulate(pages: Sequence[ParsedPage], run_id: str, now: datetime | None = None) -> Batch:
    """Arrow tables for one batch; duplicate articles in the batch collapse to one (the last seen).

    Articles are sanitized first (see `sanitize`); an article that still cannot be stored becomes a
    `load`/`unstorable` reject instead of failing its batch.
    """
    now = now or datetime.now(UTC)
    rejects = [p.reject for p in pages if p.reject is not None]
    chosen: dict[str, ParsedPage] = {}
    for page in pages:
        if page.article is None:
            continue
        try:
            clean = replace(page, article=sanitize(page.article))
            ident = identity_url(clean.article)  # type: ignore[arg-type]
            aid = article_id(ident) if ident else None
        except (ValueError, UnicodeError) as exc:  # a URL that cannot be split or encoded
            rejects.append(Reject(page.source, page.url, "parse", "bad_url", f"{type(exc).__name__}: {exc}",
                                  page.raw_ref))
            continue
        if not aid:
            rejects.append(Reject(page.source, page.url, "parse", "no_url",
                                  "neither the source nor the page gives a URL", page.raw_ref))
            continue
        chosen[aid] = clean
    try:
        tables = _tables(chosen, run_id, now)
    except _BUILD_ERRORS:  # find the article(s) that cannot be stored; the rest of the batch loads
        good: dict[str, ParsedPage] = {}
        for aid, page in chosen.items():
            try:
                _tables({aid: page}, run_id, now)
                good[aid] = page
            except _BUILD_ERRORS as exc:
                rejects.append(Reject(page.source, page.url, "load", "unstorable", f"{type(exc).__name__}: {exc}",
                                      page.raw_ref))
        tables = _tables(good, run_id, now)
    return Batch(*tables, rejects=rejects_table(rejects, run_id, now))


_BUILD_ERRORS = (pa.ArrowException, TypeError, ValueError, OverflowError, UnicodeError, AttributeError)


def _tables(chosen: dict[str, ParsedPage], run_id: str, now: datetime) -> tuple[pa.Table, ...]:
    article_rows: dict[str, list[Any]] = {f.name: [] for f in schemas.ARTICLES}
    image_rows: dict[str, list[Any]] = {f.name: [] for f in schemas.IMAGES}
    link_rows: dict[str, list[Any]] = {f.name: [] for f in schemas.ARTICLE_AUTHORS}
    authors: dict[str, str] = {}
    mention_rows: dict[str, list[Any]] = {f.name: [] for f in schemas.MENTIONS}
    entities: dict[str, Any] = {}
    for aid, page in chosen.items():
        art = page.article
        assert art is not None
        row = {
            "article_id": aid,
            "url": canonicalize(art.url) if art.url else None,
            "canonical_url": art.canonical_url,
            "site": art.site or site_of(art.url or art.canonical_url or ""),
            "source": page.source,
            "language": art.language,
            "title": art.title,
            "description": art.description,
            "section": art.section,
            "subsection": art.subsection,
            "tags": list(art.tags),
            "authors": list(art.authors),
            "agencies": list(art.agencies),
            "publisher": art.publisher,
            "published_at": art.published_at,
            "updated_at": art.updated_at,
            "dateline": art.dateline,
            "body_text": art.body_text,
            "paragraphs": [{"kind": p.kind, "text": p.text} for p in art.paragraphs],
            "word_count": art.word_count,
            "image_count": len(art.images),
            "content_hash": content_hash(art),
            "parser": art.parser,
            "parser_version": art.parser_version,
            "profile": art.profile,
            "raw_ref": page.raw_ref,
            "first_seen_at": now,
            "last_seen_at": now,
            "version": 1,
            "run_id": run_id,
            "last_run_id": run_id,
        }
        for key, value in row.items():
            article_rows[key].append(value)
        for pos, img in enumerate(art.images):
            for key, value in (("article_id", aid), ("position", pos), ("url", img.url), ("caption", img.caption),
                               ("credit", img.credit), ("alt", img.alt), ("is_cover", img.is_cover)):
                image_rows[key].append(value)
        _add_people(aid, art, authors, link_rows)
        for m in page.mentions:
            mention_rows["article_id"].append(aid)
            for key in mention_rows:
                if key != "article_id":
                    value = getattr(m, key)
                    mention_rows[key].append(clean_text(value) if isinstance(value, str) else value)
        for e in page.entities:
            known = entities.get(e.entity_id)
            aliases = sorted({clean_text(a) or "" for a in e.aliases} | set(known.aliases if known else ()))
            entities[e.entity_id] = _EntityRow(e.entity_id, clean_text(e.canonical_name) or "", e.type, aliases)
    return (
        pa.Table.from_pydict(article_rows, schema=schemas.ARTICLES),
        pa.Table.from_pydict(image_rows, schema=schemas.IMAGES),
        pa.Table.from_pydict({"author_id": list(authors), "name": list(authors.values())}, schema=schemas.AUTHORS),
        pa.Table.from_pydict(link_rows, schema=schemas.ARTICLE_AUTHORS),
        _entities_table(entities.values()),
        pa.Table.from_pydict(mention_rows, schema=schemas.MENTIONS),
    )


# --- sanitizing: what the parser hands over, made storable ------------------------------------------------
def clean_text(value: Any) -> str | None:
    """Text DuckDB and Arrow can store: numbers become text, other non-strings are dropped (None)."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        value = str(value)
    if not isinstance(value, str):
        return None
    return _UNSTORABLE.sub("\ufffd", value)


def clean_instant(value: Any) -> datetime | None:
    """A datetime every reader can convert to local time; naive ones are read as UTC, others dropped."""
    if not isinstance(value, datetime):
        return None
    try:
        aware = value if value.utcoffset() is not None else value.replace(tzinfo=UTC)
        utc = aware.astimezone(UTC)
    except (OverflowError, ValueError):
        return None
    return aware if _EARLIEST <= utc <= _LATEST else None


def safe_url(value: Any) -> str | None:
    """An absolute http(s) URL, or None: `javascript:`, `data:`, `file:` and malformed URLs are dropped."""
    text = clean_text(value)
    try:
        return text.strip() if text and is_http_url(text) else None
    except ValueError:  # urlsplit refuses e.g. "http://[::1"
        return None


def _texts(values: Any) -> list[str]:
    if not isinstance(values, list | tuple):
        return []
    return [t for t in (clean_text(v) for v in values) if t]


def sanitize(article: Article) -> Article:
    """A copy of `article` that DuckDB and Arrow can store and BI tools can show safely.

    Strings lose lone surrogates and NULs (replaced one for one), wrongly typed values become None,
    instants outside years 1-9999 after conversion to UTC are dropped, and images or canonical links
    whose URL is not http(s) (`javascript:`, `data:`, `file:`) are dropped.
    """
    roles = ("author", "editor", "reporter", "photographer")
    images = []
    for img in article.images if isinstance(article.images, list) else []:
        url = safe_url(getattr(img, "url", None))
        if url:
            images.append(Image(url, clean_text(img.caption), clean_text(img.credit), clean_text(img.alt),
                                img.is_cover is True))
    contributors = [Contributor(name, c.role if c.role in roles else "author")  # type: ignore[arg-type]
                    for c in (article.contributors if isinstance(article.contributors, list) else [])
                    if (name := clean_text(getattr(c, "name", None)))]
    paragraphs = [Paragraph(clean_text(p.text) or "", "heading" if p.kind == "heading" else "paragraph")
                  for p in (article.paragraphs if isinstance(article.paragraphs, list) else [])]
    url = clean_text(article.url) or ""
    return replace(
        article, url=url if is_http_url(url) else "", canonical_url=safe_url(article.canonical_url),
        site=clean_text(article.site), title=clean_text(article.title), description=clean_text(article.description),
        authors=_texts(article.authors), contributors=contributors, agencies=_texts(article.agencies),
        published_at=clean_instant(article.published_at), updated_at=clean_instant(article.updated_at),
        section=clean_text(article.section), subsection=clean_text(article.subsection), tags=_texts(article.tags),
        language=clean_text(article.language), dateline=clean_text(article.dateline), paragraphs=paragraphs,
        images=images, publisher=clean_text(article.publisher), profile=clean_text(article.profile),
        parser=clean_text(article.parser) or "warta", parser_version=clean_text(article.parser_version) or "",
    )


@dataclass(slots=True)
class _EntityRow:
    entity_id: str
    canonical_name: str
    type: str
    aliases: list[str]


def _entities_table(rows: Iterable[_EntityRow]) -> pa.Table:
    rows = list(rows)
    return pa.Table.from_pydict(
        {
            "entity_id": [r.entity_id for r in rows],
            "canonical_name": [r.canonical_name for r in rows],
            "type": [r.type for r in rows],
            "aliases": [r.aliases for r in rows],
        },
        schema=schemas.ENTITIES,
    )


def rejects_table(rejects: Iterable[Reject], run_id: str, now: datetime) -> pa.Table:
    rows = list(rejects)
    return pa.Table.from_pydict(
        {
            "run_id": [run_id] * len(rows),
            "source": [r.source for r in rows],
            "url": [_CREDENTIALS.sub("", clean_text(r.url) or "") if r.url is not None else None for r in rows],
            "stage": [r.stage for r in rows],
            "reason": [r.reason for r in rows],
            "detail": [_CREDENTIALS.sub("", clean_text(r.detail) or "")[:2000] for r in rows],
            "raw_ref": [r.raw_ref for r in rows],
            "rejected_at": [now] * len(rows),
        },
        schema=schemas.REJECTS,
    )


def _add_people(aid: str, art: Article, authors: dict[str, str], links: dict[str, list[Any]]) -> None:
    seen: set[tuple[str, str]] = set()
    people = [(name, "author") for name in art.authors] + [(c.name, c.role) for c in art.contributors]
    for name, role in people:
        name = " ".join(name.split())
        if not name:
            continue
        aid_ = author_id(name)
        if (aid_, role) in seen:
            continue
        seen.add((aid_, role))
        authors.setdefault(aid_, name)
        links["article_id"].append(aid)
        links["author_id"].append(aid_)
        links["role"].append(role)
        links["position"].append(len(seen) - 1)


def _iso(value: datetime | None) -> str | None:
    return value.astimezone(UTC).isoformat() if value is not None else None
