-- Current version of every article, with BI-friendly columns: text lists as well as arrays, and
-- local times in the reporting time zone (${report_timezone}) next to the UTC instants.
CREATE OR REPLACE VIEW main.articles AS
SELECT
    a.article_id,
    a.site,
    a.source,
    a.url,
    a.canonical_url,
    a.language,
    a.title,
    a.description,
    a.section,
    a.subsection,
    array_to_string(a.authors, ', ')                AS authors,
    a.authors                                       AS author_list,
    array_to_string(a.agencies, ', ')               AS agencies,
    array_to_string(a.tags, ', ')                   AS tags,
    a.tags                                          AS tag_list,
    a.dateline,
    a.published_at,
    timezone('${report_timezone}', a.published_at)  AS published_local,
    CAST(timezone('${report_timezone}', a.published_at) AS DATE) AS published_date,
    a.updated_at,
    timezone('${report_timezone}', a.updated_at)    AS updated_local,
    a.body_text,
    a.word_count,
    a.image_count,
    (SELECT i.url FROM core.images i
      WHERE i.article_id = a.article_id
      ORDER BY i.is_cover DESC, i.position LIMIT 1) AS cover_image_url,
    a.publisher,
    a.version,
    a.first_seen_at,
    a.last_seen_at,
    a.parser_version,
    a.content_hash
FROM core.articles a;
