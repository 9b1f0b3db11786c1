-- Articles per site per local day (${report_timezone}); articles without a date are left out.
CREATE OR REPLACE VIEW main.daily_volume AS
SELECT
    a.site,
    CAST(timezone('${report_timezone}', a.published_at) AS DATE) AS day,
    count(*)                                        AS articles,
    sum(a.word_count)                               AS words,
    sum(a.image_count)                              AS images
FROM core.articles a
WHERE a.published_at IS NOT NULL
GROUP BY ALL;
