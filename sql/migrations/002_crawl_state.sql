-- What the ETL remembers per page URL between runs: conditional-GET validators for HTTP, the hash of
-- the bytes last parsed, and the article and parser version they produced. A page whose bytes and
-- parser version are unchanged is counted as unchanged without being parsed again.
CREATE TABLE core.crawl_state (
    url            VARCHAR PRIMARY KEY,
    etag           VARCHAR,
    last_modified  VARCHAR,
    content_sha256 VARCHAR,
    fetched_at     TIMESTAMPTZ,
    status         SMALLINT,
    article_id     VARCHAR,
    parser_version VARCHAR
);
