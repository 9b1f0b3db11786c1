-- Named-entity mentions in titles and bodies, resolved to canonical entities.
CREATE OR REPLACE VIEW main.mentions AS
SELECT
    m.article_id,
    a.site,
    a.title                                         AS article_title,
    a.published_at,
    CAST(timezone('${report_timezone}', a.published_at) AS DATE) AS published_date,
    m.entity_id,
    e.canonical_name                                AS entity,
    m.type                                          AS entity_type,
    m.surface,
    m.field,
    m.start                                         AS start_offset,
    m."end"                                         AS end_offset,
    m.paragraph_index,
    m.sentence,
    m.confidence,
    m.method
FROM core.mentions m
JOIN core.articles a USING (article_id)
LEFT JOIN core.entities e USING (entity_id);
