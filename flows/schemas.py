"""Arrow schemas of every warehouse table, defined once.

The parser's output is tabulated into these schemas, the loader stages them into DuckDB as they are,
and a test checks that the DDL under `sql/migrations/` declares the same columns and types.
"""

from __future__ import annotations

import pyarrow as pa

TS = pa.timestamp("us", tz="UTC")
STR = pa.string()
STR_LIST = pa.list_(pa.string())
PARAGRAPH = pa.struct([("kind", STR), ("text", STR)])

# Columns that carry an article's content; their values (minus bookkeeping) feed `content_hash`.
ARTICLE_CONTENT = [
    pa.field("url", STR),
    pa.field("canonical_url", STR),
    pa.field("site", STR),
    pa.field("source", STR),
    pa.field("language", STR),
    pa.field("title", STR),
    pa.field("description", STR),
    pa.field("section", STR),
    pa.field("subsection", STR),
    pa.field("tags", STR_LIST),
    pa.field("authors", STR_LIST),
    pa.field("agencies", STR_LIST),
    pa.field("publisher", STR),
    pa.field("published_at", TS),
    pa.field("updated_at", TS),
    pa.field("dateline", STR),
    pa.field("body_text", STR),
    pa.field("paragraphs", pa.list_(PARAGRAPH)),
    pa.field("word_count", pa.int32()),
    pa.field("image_count", pa.int32()),
]

ARTICLE_BOOKKEEPING = [
    pa.field("content_hash", STR, nullable=False),
    pa.field("parser", STR),
    pa.field("parser_version", STR),
    pa.field("profile", STR),
    pa.field("raw_ref", STR),
    pa.field("first_seen_at", TS),
    pa.field("last_seen_at", TS),
    pa.field("version", pa.int32()),
    pa.field("run_id", STR),
    pa.field("last_run_id", STR),
]

ARTICLES = pa.schema([pa.field("article_id", STR, nullable=False), *ARTICLE_CONTENT, *ARTICLE_BOOKKEEPING])

ARTICLE_VERSIONS = pa.schema(
    [*ARTICLES, pa.field("superseded_at", TS), pa.field("superseded_by_run", STR)]
)

AUTHORS = pa.schema([pa.field("author_id", STR, nullable=False), pa.field("name", STR)])

ARTICLE_AUTHORS = pa.schema(
    [
        pa.field("article_id", STR, nullable=False),
        pa.field("author_id", STR, nullable=False),
        pa.field("role", STR),
        pa.field("position", pa.int32()),
    ]
)

IMAGES = pa.schema(
    [
        pa.field("article_id", STR, nullable=False),
        pa.field("position", pa.int32(), nullable=False),
        pa.field("url", STR),
        pa.field("caption", STR),
        pa.field("credit", STR),
        pa.field("alt", STR),
        pa.field("is_cover", pa.bool_()),
    ]
)

ENTITIES = pa.schema(
    [
        pa.field("entity_id", STR, nullable=False),
        pa.field("canonical_name", STR),
        pa.field("type", STR),
        pa.field("aliases", STR_LIST),
    ]
)

MENTIONS = pa.schema(
    [
        pa.field("article_id", STR, nullable=False),
        pa.field("entity_id", STR, nullable=False),
        pa.field("surface", STR),
        pa.field("type", STR),
        pa.field("field", STR),
        pa.field("start", pa.int32()),
        pa.field("end", pa.int32()),
        pa.field("paragraph_index", pa.int32()),
        pa.field("sentence", STR),
        pa.field("confidence", pa.float32()),
        pa.field("method", STR),
    ]
)

RUNS = pa.schema(
    [
        pa.field("run_id", STR, nullable=False),
        pa.field("flow_run_id", STR),
        pa.field("flow_name", STR),
        pa.field("started_at", TS),
        pa.field("finished_at", TS),
        pa.field("status", STR),
        pa.field("parameters", STR),
        pa.field("sources", STR_LIST),
        pa.field("found", pa.int64()),
        pa.field("parsed", pa.int64()),
        pa.field("new", pa.int64()),
        pa.field("updated", pa.int64()),
        pa.field("unchanged", pa.int64()),
        pa.field("rejected", pa.int64()),
        pa.field("error", STR),
        pa.field("stats", STR),
    ]
)

REJECTS = pa.schema(
    [
        pa.field("run_id", STR, nullable=False),
        pa.field("source", STR),
        pa.field("url", STR),
        pa.field("stage", STR),
        pa.field("reason", STR),
        pa.field("detail", STR),
        pa.field("raw_ref", STR),
        pa.field("rejected_at", TS),
    ]
)

CRAWL_STATE = pa.schema(
    [
        pa.field("url", STR, nullable=False),  # canonicalize(requested URL)
        pa.field("etag", STR),
        pa.field("last_modified", STR),  # the server's HTTP date string, sent back verbatim
        pa.field("content_sha256", STR),
        pa.field("fetched_at", TS),
        pa.field("status", pa.int16()),
        pa.field("article_id", STR),
        pa.field("parser_version", STR),
    ]
)

QUALITY_CHECKS = pa.schema(
    [
        pa.field("run_id", STR, nullable=False),
        pa.field("check_name", STR, nullable=False),
        pa.field("status", STR),  # pass | warn | fail | skip
        pa.field("action", STR),  # warn | fail: what a miss does
        pa.field("value", pa.float64()),  # the measured share, 0..1
        pa.field("bound", STR),  # min | max
        pa.field("threshold", pa.float64()),
        pa.field("total", pa.int64()),  # articles (or found pages) measured
        pa.field("matching", pa.int64()),  # of which counted by the check
        pa.field("detail", STR),
        pa.field("checked_at", TS),
    ]
)

TABLES: dict[str, pa.Schema] = {
    "articles": ARTICLES,
    "article_versions": ARTICLE_VERSIONS,
    "authors": AUTHORS,
    "article_authors": ARTICLE_AUTHORS,
    "images": IMAGES,
    "entities": ENTITIES,
    "mentions": MENTIONS,
    "runs": RUNS,
    "rejects": REJECTS,
    "crawl_state": CRAWL_STATE,
    "quality_checks": QUALITY_CHECKS,
}
