"""Imported once by the parser pool's forkserver: pays the first-parse costs before workers fork.

The first `parse_article` in a process loads date-language data and site profiles (~0.7 s) and the
first mention extraction loads the gazetteers and alias table (~0.25 s). Done here, every forked worker
inherits the loaded state instead of paying it again.
"""

from __future__ import annotations

_PAGE = b"""<html lang="id"><head><meta property="article:published_time" content="2024-03-13T19:30:00+07:00">
<title>Contoh</title></head><body><article><h1>Menlu bertemu Dubes AS di Jakarta</h1>
<p>Liputan6.com, Jakarta - Menteri Luar Negeri bertemu Duta Besar Amerika Serikat di Jakarta pada Rabu
(13/3/2024), kata juru bicara kementerian.</p><p>Diperbarui 13 Mar 2024, 20:00 WIB</p></article></body></html>"""


def warm_up() -> None:
    try:
        from flows.extract import parse_article
        from flows.mentions import mentions_for_article

        article = parse_article(_PAGE, "https://www.liputan6.com/news/read/1/contoh")
        mentions_for_article(article.title, article.paragraphs, article.language)
    except Exception:  # a warm-up must never stop the pool from starting; the real parse reports errors
        pass


warm_up()
