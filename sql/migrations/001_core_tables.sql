-- Base tables of the warehouse, in schema `core`. BI users query the views in `main` (sql/views/).
-- Column lists mirror flows/schemas.py; tests/test_schema.py checks that they agree.
CREATE SCHEMA IF NOT EXISTS core;

CREATE TABLE core.articles (
    article_id     VARCHAR PRIMARY KEY,
    url            VARCHAR,
    canonical_url  VARCHAR,
    site           VARCHAR,
    source         VARCHAR,
    language       VARCHAR,
    title          VARCHAR,
    description    VARCHAR,
    section        VARCHAR,
    subsection     VARCHAR,
    tags           VARCHAR[],
    authors        VARCHAR[],
    agencies       VARCHAR[],
    publisher      VARCHAR,
    published_at   TIMESTAMPTZ,
    updated_at     TIMESTAMPTZ,
    dateline       VARCHAR,
    body_text      VARCHAR,
    paragraphs     STRUCT(kind VARCHAR, text VARCHAR)[],
    word_count     INTEGER,
    image_count    INTEGER,
    content_hash   VARCHAR NOT NULL,
    parser         VARCHAR,
    parser_version VARCHAR,
    profile        VARCHAR,
    raw_ref        VARCHAR,
    first_seen_at  TIMESTAMPTZ,
    last_seen_at   TIMESTAMPTZ,
    version        INTEGER,
    run_id         VARCHAR,
    last_run_id    VARCHAR
);

-- Earlier versions of articles whose content changed; the current version stays in core.articles.
CREATE TABLE core.article_versions (
    article_id     VARCHAR NOT NULL,
    url            VARCHAR,
    canonical_url  VARCHAR,
    site           VARCHAR,
    source         VARCHAR,
    language       VARCHAR,
    title          VARCHAR,
    description    VARCHAR,
    section        VARCHAR,
    subsection     VARCHAR,
    tags           VARCHAR[],
    authors        VARCHAR[],
    agencies       VARCHAR[],
    publisher      VARCHAR,
    published_at   TIMESTAMPTZ,
    updated_at     TIMESTAMPTZ,
    dateline       VARCHAR,
    body_text      VARCHAR,
    paragraphs     STRUCT(kind VARCHAR, text VARCHAR)[],
    word_count     INTEGER,
    image_count    INTEGER,
    content_hash   VARCHAR NOT NULL,
    parser         VARCHAR,
    parser_version VARCHAR,
    profile        VARCHAR,
    raw_ref        VARCHAR,
    first_seen_at  TIMESTAMPTZ,
    last_seen_at   TIMESTAMPTZ,
    version        INTEGER,
    run_id         VARCHAR,
    last_run_id    VARCHAR,
    superseded_at  TIMESTAMPTZ,
    superseded_by_run VARCHAR
);

CREATE TABLE core.authors (
    author_id VARCHAR PRIMARY KEY,
    name      VARCHAR
);

CREATE TABLE core.article_authors (
    article_id VARCHAR NOT NULL,
    author_id  VARCHAR NOT NULL,
    role       VARCHAR,
    position   INTEGER
);

CREATE TABLE core.images (
    article_id VARCHAR NOT NULL,
    position   INTEGER NOT NULL,
    url        VARCHAR,
    caption    VARCHAR,
    credit     VARCHAR,
    alt        VARCHAR,
    is_cover   BOOLEAN
);

CREATE TABLE core.entities (
    entity_id      VARCHAR PRIMARY KEY,
    canonical_name VARCHAR,
    type           VARCHAR,
    aliases        VARCHAR[]
);

CREATE TABLE core.mentions (
    article_id      VARCHAR NOT NULL,
    entity_id       VARCHAR NOT NULL,
    surface         VARCHAR,
    type            VARCHAR,
    field           VARCHAR,
    start           INTEGER,
    "end"           INTEGER,
    paragraph_index INTEGER,
    sentence        VARCHAR,
    confidence      FLOAT,
    method          VARCHAR
);

CREATE TABLE core.runs (
    run_id      VARCHAR PRIMARY KEY,
    flow_run_id VARCHAR,
    flow_name   VARCHAR,
    started_at  TIMESTAMPTZ,
    finished_at TIMESTAMPTZ,
    status      VARCHAR,
    parameters  VARCHAR,
    sources     VARCHAR[],
    found       BIGINT,
    parsed      BIGINT,
    new         BIGINT,
    updated     BIGINT,
    unchanged   BIGINT,
    rejected    BIGINT,
    error       VARCHAR,
    stats       VARCHAR
);

CREATE TABLE core.rejects (
    run_id      VARCHAR NOT NULL,
    source      VARCHAR,
    url         VARCHAR,
    stage       VARCHAR,
    reason      VARCHAR,
    detail      VARCHAR,
    raw_ref     VARCHAR,
    rejected_at TIMESTAMPTZ
);
