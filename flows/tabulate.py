"""Turning parse outcomes into Arrow tables in the warehouse schemas, one batch at a time.

Everything the loader stages comes from here, built column-wise with the schemas of
`flows.schemas`, so the loader never inserts row by row.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import pyarrow as pa

from flows import schemas
from flows.model import Article
from flows.urls import article_id, canonicalize, site_of


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

    @property
    def article_ids(self) -> list[str]:
        return self.articles.column("article_id").to_pylist()


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
    """Arrow tables for one batch; duplicate articles in the batch collapse to one (the last seen)."""
    now = now or datetime.now(UTC)
    rejects = [p.reject for p in pages if p.reject is not None]
    chosen: dict[str, ParsedPage] = {}
    for page in pages:
        if page.article is None:
            continue
        ident = identity_url(page.article)
        if not ident:
            rejects.append(Reject(page.source, page.url, "parse", "no_url",
                                  "neither the source nor the page gives a URL", page.raw_ref))
            continue
        chosen[article_id(ident)] = page
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
                    mention_rows[key].append(getattr(m, key))
        for e in page.entities:
            known = entities.get(e.entity_id)
            aliases = sorted(set(e.aliases) | set(known.aliases if known else ()))
            entities[e.entity_id] = _EntityRow(e.entity_id, e.canonical_name, e.type, aliases)
    return Batch(
        articles=pa.Table.from_pydict(article_rows, schema=schemas.ARTICLES),
        images=pa.Table.from_pydict(image_rows, schema=schemas.IMAGES),
        authors=pa.Table.from_pydict(
            {"author_id": list(authors), "name": list(authors.values())}, schema=schemas.AUTHORS
        ),
        article_authors=pa.Table.from_pydict(link_rows, schema=schemas.ARTICLE_AUTHORS),
        entities=_entities_table(entities.values()),
        mentions=pa.Table.from_pydict(mention_rows, schema=schemas.MENTIONS),
        rejects=rejects_table(rejects, run_id, now),
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
            "url": [r.url for r in rows],
            "stage": [r.stage for r in rows],
            "reason": [r.reason for r in rows],
            "detail": [(r.detail or "")[:2000] for r in rows],
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
