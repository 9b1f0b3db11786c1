-- Images of the current article versions, with the article's title, site and date for slicing.
CREATE OR REPLACE VIEW main.images AS
SELECT
    i.article_id,
    a.site,
    a.title                                         AS article_title,
    a.published_at,
    CAST(timezone('${report_timezone}', a.published_at) AS DATE) AS published_date,
    i.position,
    i.url                                           AS image_url,
    i.caption,
    i.credit,
    i.alt,
    i.is_cover
FROM core.images i
JOIN core.articles a USING (article_id);
