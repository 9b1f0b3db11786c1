-- One row per credited person per article (authors, editors, reporters, photographers).
CREATE OR REPLACE VIEW main.bylines AS
SELECT
    aa.article_id,
    a.site,
    a.title                                         AS article_title,
    a.published_at,
    au.author_id,
    au.name,
    aa.role,
    aa.position
FROM core.article_authors aa
JOIN core.authors au USING (author_id)
JOIN core.articles a USING (article_id);
