-- Entity analytics over current article versions.
CREATE OR REPLACE VIEW main.entities AS
SELECT entity_id, canonical_name, type AS entity_type, array_to_string(aliases, ', ') AS aliases, aliases AS alias_list
FROM core.entities;

CREATE OR REPLACE VIEW main.entity_daily AS
SELECT
    m.entity_id,
    e.canonical_name                                AS entity,
    e.type                                          AS entity_type,
    CAST(timezone('${report_timezone}', a.published_at) AS DATE) AS day,
    count(*)                                        AS mentions,
    count(DISTINCT m.article_id)                    AS articles
FROM core.mentions m
JOIN core.articles a USING (article_id)
JOIN core.entities e USING (entity_id)
WHERE a.published_at IS NOT NULL
GROUP BY ALL;

CREATE OR REPLACE VIEW main.entity_cooccurrence AS
WITH per_article AS (
    SELECT DISTINCT article_id, entity_id FROM core.mentions
)
SELECT
    p1.entity_id                                    AS entity_id_a,
    e1.canonical_name                               AS entity_a,
    e1.type                                         AS entity_type_a,
    p2.entity_id                                    AS entity_id_b,
    e2.canonical_name                               AS entity_b,
    e2.type                                         AS entity_type_b,
    count(*)                                        AS articles
FROM per_article p1
JOIN per_article p2 ON p1.article_id = p2.article_id AND p1.entity_id < p2.entity_id
JOIN core.entities e1 ON e1.entity_id = p1.entity_id
JOIN core.entities e2 ON e2.entity_id = p2.entity_id
GROUP BY ALL;

-- Most-mentioned entities over the last 7 local days (relative to the newest article, so a
-- warehouse loaded from an archive still shows its own last week).
CREATE OR REPLACE VIEW main.top_entities AS
WITH bounds AS (
    SELECT max(published_at) AS newest FROM core.articles
)
SELECT
    m.entity_id,
    e.canonical_name                                AS entity,
    e.type                                          AS entity_type,
    count(*)                                        AS mentions,
    count(DISTINCT m.article_id)                    AS articles
FROM core.mentions m
JOIN core.articles a USING (article_id)
JOIN core.entities e USING (entity_id)
CROSS JOIN bounds b
WHERE a.published_at > b.newest - INTERVAL 7 DAY
GROUP BY ALL
ORDER BY mentions DESC, entity;
