"""Metadata rules on small authored pages: dates, bylines, headlines, images, datelines, sections.

Each page reproduces one trap seen on real news sites (the page text is invented).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from flows.extract import parse_article
from flows.extract.article import _strip_site, pick_title
from flows.extract.authors import read_byline
from flows.extract.body import class_marker
from flows.extract.bylines import header_lines
from flows.extract.dates import find_dates, find_relative
from flows.extract.html import make_soup
from flows.extract.images import proxied_url, site_graphic, split_credit, stable_key
from flows.extract.tags import clean_tags

WIB = timezone(timedelta(hours=7))
CST = timezone(timedelta(hours=-6))
EST = timezone(timedelta(hours=-5))
CEST = timezone(timedelta(hours=2))
BODY = "".join(
    f"<p>Paragraph {i} of the story tells readers what the council decided on Tuesday and why it matters "
    f"to the people who ride the night buses across the eastern districts.</p>"
    for i in range(1, 5)
)
URL = "https://www.gazette.example/news/2019/11/19/night-buses"


def captions_after_first_paragraph(picture: str) -> list[tuple[str | None, str | None]]:
    """(caption, credit) of each image of a page whose picture markup follows the first paragraph."""
    return [(i.caption, i.credit) for i in parse_article(page(body=BODY.replace("</p>", "</p>" + picture, 1)),
                                                         URL).images]


def page(head: str = "", header: str = "", body: str = BODY, lang: str = "en", after: str = "",
         headline: str = '<h1 class="headline">Night buses return</h1>') -> str:
    return (
        f'<!doctype html><html lang="{lang}"><head><title>Night buses return | The Gazette</title>'
        f'<meta property="og:site_name" content="The Gazette">{head}</head><body>'
        '<header class="site-header"><a href="/">The Gazette</a><nav><a href="/news">News</a></nav></header>'
        f'<article><header class="article-header">{headline}{header}</header>'
        f'<div class="article-body">{body}</div>{after}</article>'
        '<footer><p>About us. Contact. Terms of use.</p></footer></body></html>'
    )


def ld(**fields: object) -> str:
    import json

    return f'<script type="application/ld+json">{json.dumps({"@type": "NewsArticle", **fields})}</script>'


# --- dates ----------------------------------------------------------------------------------------------
def test_the_sites_date_bar_above_the_headline_gives_way_to_the_date_under_it():
    """A masthead shows today's date ("Mon, 25 Dec 2023") a few lines above the headline; the byline line under
    the headline dates the story."""
    def story(under: str) -> str:
        return ('<!doctype html><html lang="en"><head><title>Court files expose a spy operation | Signs</title>'
                '</head><body><div id="text-bar"><div id="ticker-left">Welcome to Signs</div>'
                '<div id="date-box">Mon, 25 Dec 2023</div><div id="motto">The World for People who Think</div></div>'
                '<h2 class="hbar"><a href="/category/16">Puppet Masters</a></h2><div class="article">'
                f'<h1>Court files expose a spy operation</h1>{under}<div class="text">{BODY}</div></div></body></html>')

    signed = story('<div class="m-bar">Max Roe<br><a href="https://grayzone.example/">The Grayzone</a><br>'
                   'Thu, 14 May 2020 17:55 UTC</div>')
    assert parse_article(signed, URL).published_at == datetime(2020, 5, 14, 17, 55, tzinfo=UTC)
    # with nothing dated under the headline, the date beside it above is the story's
    unsigned = story('<div class="m-bar">Max Roe</div>')
    assert parse_article(unsigned, URL).published_at.date() == date(2023, 12, 25)


def test_visible_zone_label_settles_disagreeing_machine_values():
    # JSON-LD puts the local offset on a UTC clock; the meta tag and the visible line agree with each other
    html = page(
        head=ld(datePublished="2019-11-20T04:31:13-06:00")
        + '<meta property="article:published_time" content="2019-11-20T04:31:13+00:00">',
        header='<div class="byline">By Chris Davies <span class="date">Nov 19, 2019, 10:31 pm CST</span></div>',
    )
    a = parse_article(html, URL)
    assert a.published_at == datetime(2019, 11, 20, 4, 31, 13, tzinfo=UTC)


def test_time_written_before_the_date_and_a_template_placeholder_date():
    html = page(
        head=ld(datePublished="0001-01-01T00:00:00Z"),
        header='<div class="article-meta"><span class="published">Published 10:02 AM EST Nov 19, 2019</span></div>',
    )
    assert parse_article(html, URL).published_at == datetime(2019, 11, 19, 10, 2, tzinfo=EST)


def test_a_date_only_value_gives_way_to_one_with_a_time():
    html = page(head=ld(datePublished="November 19, 2019")
                + '<meta property="article:published_time" content="2019-11-19T11:21:08+00:00">')
    assert parse_article(html, URL).published_at == datetime(2019, 11, 19, 11, 21, 8, tzinfo=UTC)


def test_updated_label_before_a_time_marked_date_published():
    html = page(
        head='<meta property="article:published_time" content="2019-11-20T05:57:50Z">',
        header='<span class="timestamp">Updated <time itemprop="datePublished" datetime="2019-11-20T06:01:19Z">'
               "10:01 pm PST, Tuesday, November 19, 2019</time></span>",
    )
    a = parse_article(html, URL)
    assert a.published_at == datetime(2019, 11, 20, 5, 57, 50, tzinfo=UTC)
    assert a.updated_at == datetime(2019, 11, 20, 6, 1, 19, tzinfo=UTC)


def test_microdata_in_a_hidden_block_after_the_article():
    hidden = ('<div style="display:none" itemscope itemtype="http://schema.org/NewsArticle">'
              '<div itemprop="datePublished">2019-11-19T08:57:40+01:00</div></div>')
    html = page(head='<meta name="date" content="2019-11-19">',
                header='<div class="date">19.11.2019, 08:57</div>', after=hidden)
    cet = timezone(timedelta(hours=1))
    assert parse_article(html, URL).published_at == datetime(2019, 11, 19, 8, 57, 40, tzinfo=cet)


def test_local_time_without_zone_takes_the_zone_the_machine_value_implies():
    html = page(
        head='<meta property="article:published_time" content="2019-11-20T02:59:46Z">',
        header='<div class="article-dates">PUBLISHED: <time datetime="2019-11-19 20:59:46">November 19, 2019 at '
               "8:59 pm</time></div>",
    )
    a = parse_article(html, URL)
    assert a.published_at == datetime(2019, 11, 20, 2, 59, 46, tzinfo=UTC)
    assert a.published_at.utcoffset() == timedelta(hours=-6)  # shown in the page's own zone


def test_a_visible_modification_date_does_not_override_the_publication():
    html = page(
        head='<meta property="article:published_time" content="2018-10-07T09:00:35-08:00">'
             '<meta property="article:modified_time" content="2018-11-12T17:36:26-08:00">',
        header='<div class="entry-meta"><time class="entry-updated" itemprop="dateUpdated" '
               'datetime="2018-11-12T17:36:26-08:00">November 12, 2018</time></div>',
    )
    a = parse_article(html, URL)
    assert a.published_at == datetime(2018, 10, 7, 17, 0, 35, tzinfo=UTC)
    assert a.updated_at == datetime(2018, 11, 13, 1, 36, 26, tzinfo=UTC)


def test_same_day_modification_of_a_date_only_page_is_no_update():
    html = page(head=ld(datePublished="2018-08-13", dateModified="2018-08-13T08:04:08+00:00"))
    a = parse_article(html, URL)
    assert a.published_at.date().isoformat() == "2018-08-13"
    assert a.updated_at is None


@pytest.mark.parametrize(
    ("line", "url", "expected"),
    [
        # the year comes from the date the URL files the story under
        ("March 18 at 3:57 PM EDT", "https://www.post.example/world/2015/03/18/attack_story.html",
         datetime(2015, 3, 18, 15, 57, tzinfo=timezone(timedelta(hours=-4)))),
        ("18 mars à 15:57 CET", "https://www.journal.example/monde/20150318/attentat",
         datetime(2015, 3, 18, 15, 57, tzinfo=timezone(timedelta(hours=1)))),
        # a URL day that is not the line's day gives no year: no date rather than a guessed one
        ("March 18 at 3:57 PM EDT", "https://www.post.example/world/2015/06/02/attack_story.html", None),
        ("March 18 at 3:57 PM EDT", "https://www.post.example/world/attack_story.html", None),
        # month first before the weekday, the day filed in the URL's query
        ("Gazette 3/9(木) 18:45 JST", "https://headlines.example.jp/hl?a=20170309-35097838-gaz",
         datetime(2017, 3, 9, 18, 45, tzinfo=timezone(timedelta(hours=9)))),
    ],
)
def test_a_date_line_without_its_year_takes_the_year_from_the_url(line, url, expected):
    html = page(header=f'<div class="byline">By Erin Doe <span class="timestamp">{line}</span></div>')
    assert parse_article(html, url).published_at == expected


def test_relative_dates_count_from_the_fetch_time_only_without_a_stated_date():
    fetched = datetime(2024, 3, 14, 5, 0, tzinfo=UTC)
    html = page(header='<div class="date">Diperbarui 2 jam yang lalu</div>'
                       '<div class="date">Dipublikasikan 3 jam yang lalu</div>', lang="id")
    a = parse_article(html, "https://warta.example.id/berita/1", fetched_at=fetched)
    assert a.published_at == datetime(2024, 3, 14, 2, 0, tzinfo=UTC)
    assert a.published_at.utcoffset() == timedelta(hours=7)
    assert parse_article(html, "https://warta.example.id/berita/1").published_at is None  # no anchor, no guess
    stated = page(head='<meta property="article:published_time" content="2024-03-13T20:15:00+07:00">',
                  header='<div class="date">3 jam yang lalu</div>', lang="id")
    assert parse_article(stated, "https://warta.example.id/berita/2", fetched_at=fetched).published_at == \
        datetime(2024, 3, 13, 20, 15, tzinfo=WIB)
    today = page(header='<div class="date">Hari ini, 09:05 WIB</div>', lang="id")
    assert parse_article(today, "https://warta.example.id/berita/3", fetched_at=fetched).published_at == \
        datetime(2024, 3, 14, 9, 5, tzinfo=WIB)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Posted: Fri 6:45 PM, Feb 16, 2018 | Updated: Sat 8:31 PM, Feb 17, 2018",
         [("2018-02-16 18:45", "published"), ("2018-02-17 20:31", "updated")]),
        ("Selasa, 23 Februari 2016 | 16:52 WIB", [("2016-02-23 16:52", None)]),
        ("21:17 18.11.2019", [("2019-11-18 21:17", None)]),
        ("November 19, 2019 / 12:21 AM", [("2019-11-19 00:21", None)]),
        ("Diperbarui 20 Des 2021, 13:04 WIB", [("2021-12-20 13:04", "updated")]),
        # year first, as Chinese, Japanese and Korean pages write dates
        ("2016年10月14日07:17", [("2016-10-14 07:17", None)]),
        ("2017年3月9日(木) 18時45分 更新 2017年3月10日 下午 3:05",
         [("2017-03-09 18:45", None), ("2017-03-10 15:05", "updated")]),
        ("입력 2019년 11월 19일 오후 3:05", [("2019-11-19 15:05", "published")]),
        ("by Lighthouse ／ 2016.12.01", [("2016-12-01 00:00", None)]),
        ("2023. 2. 5. 11:40", [("2023-02-05 11:40", None)]),  # Korean: the day closed by a period
        ("2019.04.25 THU 16:00", [("2019-04-25 16:00", None)]),  # the weekday in Latin letters, unbracketed
        ("2019.04.25 THUNDER 16:00", [("2019-04-25 00:00", None)]),
        ("version 2016.12.01.3", []),
        # month names, joining words and time marks of other languages
        ("Publié le 1er janvier 2016 à 15h30", [("2016-01-01 15:30", "published")]),
        ("Quarta-feira, 28 de agosto de 2013 às 14h05", [("2013-08-28 14:05", None)]),
        ("Обновлено 28 августа 2013 г. в 14:00", [("2013-08-28 14:00", "updated")]),
        ("Opublikowano: 5 maja 2019 o 10:15", [("2019-05-05 10:15", "published")]),
        ("12 Ekim 2020 14:30", [("2020-10-12 14:30", None)]),
        ("نشر في ١٢ أكتوبر ٢٠٢٠", [("2020-10-12 00:00", "published")]),
        ("الأربعاء، 28 آب/اغسطس 2013", [("2013-08-28 00:00", None)]),
        ("28 كانون الثاني 2013", [("2013-01-28 00:00", None)]),
        ("15 अगस्त 2019", [("2019-08-15 00:00", None)]),
        ("12 σεπτεμβρίου 2019", [("2019-09-12 00:00", None)]),
        ("won a 5 set match in 2019", []),
        # the day, then the label and its time
        ("Mardi 24 janvier 2017 | Mise en ligne à 12h02", [("2017-01-24 12:02", "published")]),
        ("24 January 2017, posted at 12:02", [("2017-01-24 12:02", "published")]),
        ("December 7, 2016 @ 3:53 PM", [("2016-12-07 15:53", None)]),  # "@" joins the time
        ("07.12.2016 @ 15:53", [("2016-12-07 15:53", None)]),
        ("3 March 2020, last updated 10:00 GMT", [("2020-03-03 10:00", "updated")]),
        # month first: a dotted name, runs of spaces, a name with a combining vowel sign
        ("Posted Sept.   16,  2016 9:10 AM", [("2016-09-16 09:10", "published")]),
        ("मार्च 3, 2020", [("2020-03-03 00:00", None)]),
        ("Marchers 3, 2020 and March3, 2020", []),
        # the day with a two-digit year, as German pages print it; not a version number
        ("Von: Jane Roe | 31.10.23", [("2023-10-31 00:00", None)]),
        ("31.10.23 um 14:05", [("2023-10-31 14:05", None)]),
        ("Version 1.2.23 and build 10.12.23.1", []),
    ],
)
def test_visible_date_lines_and_their_labels(text, expected):
    got = [(s.at.strftime("%Y-%m-%d %H:%M"), s.label) for s in find_dates(text, None)]
    assert got == expected


@pytest.mark.parametrize(
    ("text", "offset"),
    [
        ("آخر تحديث: الأربعاء، 28 أغسطس 2013 الساعة 14:00 (GMT+0400)", timedelta(hours=4)),
        ("3 March 2020 10:00 GMT+7", timedelta(hours=7)),
        ("March 3, 2020 10:00 AM UTC-05:30", -timedelta(hours=5, minutes=30)),
        ("3 March 2020 10:00 GMT", timedelta(0)),
    ],
)
def test_gmt_and_utc_offsets_in_a_date_line(text, offset):
    (stamp,) = find_dates(text, WIB)
    assert (stamp.at.hour, stamp.zoned, stamp.at.utcoffset()) == (10 if "10:00" in text else 14, True, offset)


def test_relative_date_words():
    now = datetime(2024, 3, 14, 10, 0, tzinfo=UTC)
    assert find_relative("5 menit lalu", now, None).at == datetime(2024, 3, 14, 9, 55, tzinfo=UTC)
    assert find_relative("3 hours ago", now, None).has_time
    day = find_relative("kemarin", now, WIB)
    assert (day.at.date().isoformat(), day.has_time) == ("2024-03-13", False)
    assert find_relative("Selasa 12 Maret", now, None) is None
    # a day word with its time, in the page's zone or the one the line names
    today = find_relative("Today 2:51PM", now, timezone(timedelta(hours=-5)))
    assert (today.at, today.has_time) == (datetime(2024, 3, 14, 14, 51, tzinfo=timezone(timedelta(hours=-5))), True)
    assert find_relative("Kemarin, 13:20 WIB", now, None).at == datetime(2024, 3, 13, 13, 20, tzinfo=WIB)
    assert find_relative("Hari ini 09:05", now, WIB).at == datetime(2024, 3, 14, 9, 5, tzinfo=WIB)
    assert find_relative("Gestern, 18:03 Uhr", now, None).at == datetime(2024, 3, 13, 18, 3, tzinfo=UTC)
    assert find_relative("Hier klicken", now, None) is None  # German "hier" is "here"


# --- bylines --------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("value", "authors"), [('"author": "Barbie L. Nadeau"', ["Barbie L. Nadeau"]),
                                                ('"authors": ["Jo Reed", "Sam Hill"]', ["Jo Reed", "Sam Hill"]),
                                                ('"author": "296554"', [])])
def test_parselys_page_object_names_the_writer_of_a_page_without_a_byline(value, authors):
    head = f"<meta name='parsely-page' content='{{\"title\": \"Night buses return\", {value}}}'>"
    assert parse_article(page(head=head), URL).authors == authors


def test_a_list_of_writers_whose_first_alone_carries_the_by_label():
    header = ('<div class="article-meta"><ul class="authors"><li><div rel="author" class="author has-bio">'
              '<span class="by-text">By</span> Josh Hale</div><div class="author-overlay"><a class="close" href="#">'
              'Close</a><a href="/author/josh_hale">More from Josh</a></div></li><li><div rel="author" '
              'class="author has-bio">David Kaplan</div></li><li><div rel="author" class="author">PATRICK REEVE'
              '</div></li></ul><span class="timestamp">Dec 16, 2016, 12:37 PM ET</span></div>')
    assert parse_article(page(header=header), URL).authors == ["Josh Hale", "David Kaplan", "Patrick Reeve"]


def test_a_byline_box_holding_only_its_date_and_a_platform_credit_leave_the_metadata_writer():
    header = ('<div class="a-article-grid__author"><button data-author><p>By <a href="/author/ldm/">Lisa Moreau'
              '</a></p></button><time class="date">April 15, 2019 6:18am</time></div>')
    html = ('<html lang="en"><head><title>Night buses return | The Gazette</title>'
            '<meta name="author" content="Lisa Moreau"></head><body><article><header><h1>Night buses return</h1>'
            f'{header}</header><div class="article-body">{BODY}</div></article>'
            '<div class="site-info"><p>Newswire</p><p>Powered by WordPress.com VIP</p></div></body></html>')
    assert parse_article(html, URL).authors == ["Lisa Moreau"]


def test_a_rail_of_teasers_with_bylines_between_a_masthead_h1_and_the_headline():
    rail = "".join(
        f'<li class="rich"><a href="https://www.gazette.example/news/2016/{n}/story-{n}/"><img src="/t/{n}.jpg">'
        f'<h2>{h}</h2></a><div class="byline">By <span class="authors"><span class="author">{w}</span></span>'
        "</div></li>"
        for n, h, w in ((1, "The world in 2015 as predicted", "Uri Fried"), (2, "How I learned to love it", "Jo Epps"),
                        (3, "The year through a lens", "Al Tayl"), (4, "Movies to look forward to", "Dee Sims")))
    html = (f'<html lang="en"><head><title>Night buses return | The Gazette</title></head><body>'
            f'<div class="header"><h1 class="logo">The Gazette</h1></div><ul class="skybox">{rail}</ul>'
            '<article><h1 class="headline">Night buses return</h1><div class="metadata"><span class="authors">'
            '<a href="/by/noah-chen/" class="author" rel="author">Noah Chen</a></span></div>'
            f'<div class="article-body">{BODY}</div></article></body></html>')
    assert parse_article(html, URL).authors == ["Noah Chen"]


def test_byline_markup_full_of_buttons_is_read_through_the_metadata_name():
    header = ('<div class="byline"><span>By</span> <div class="author"><a class="author-name" href="/news/author/1">'
              "Sarah E. Needleman</a><ul class=\"author-info\"><li><a href=\"/bio\">Biography</a></li>"
              '<li><a href="https://twitter.com/sen">@saraheneedleman</a></li></ul></div></div>')
    html = page(head=ld(author=[{"@type": "Person", "name": "Sarah E. Needleman"}]), header=header)
    assert parse_article(html, URL).authors == ["Sarah E. Needleman"]


def test_several_authors_the_metadata_names_only_one_of():
    header = '<p class="byline">By Lia Eustachewich and Yaron Steinbuch</p>'
    html = page(head=ld(author={"@type": "Person", "name": "Lia Eustachewich"}), header=header)
    assert parse_article(html, URL).authors == ["Lia Eustachewich", "Yaron Steinbuch"]


@pytest.mark.parametrize(
    ("byline", "authors", "agencies"),
    [
        ("By Reuters", ["Reuters"], ["Reuters"]),  # a wire story signs as the wire
        ("HNN Staff", ["HNN Staff"], []),  # a desk keeps its name as written
        ("Ilana Muhlstein, MS, RDN", ["Ilana Muhlstein"], []),
        ("By Jill Disis, CNN Business", ["Jill Disis"], []),
        ("By LISA MASCARO and ERIC TUCKER Associated Press", ["Lisa Mascaro", "Eric Tucker"], ["AP"]),
        ("Analysis by Chris Cillizza, CNN Editor-at-large", ["Chris Cillizza"], []),
        ("Dan Evon", ["Dan Evon"], []),  # "dan" joins names only in lower case
        ("Penulis: Budi Santoso dan Ani Wijaya", ["Budi Santoso", "Ani Wijaya"], []),
        ("Текст: Венера Ерофеева", ["Венера Ерофеева"], []),
        ("Marcus De Guzman View More Articles", ["Marcus De Guzman"], []),
        ("By Matthew Digby, Minh Do on Monday, November 18th, 2019 at 11:08 a.m.", ["Matthew Digby", "Minh Do"], []),
        ("Jangan Lewatkan!!!", [], []),  # a promo heading in a byline-classed box
        ("The Water Coolest", ["The Water Coolest"], []),  # a newsletter signing as itself
        ("The Russian and Syrian defense ministries", [], []),  # a claim's source in a fact-check, no signer
        ("by jdadmin", ["jdadmin"], []),  # the CMS account that posted it
        ("Dallas Robinson is a freelance writer living in Minneapolis", ["Dallas Robinson"], []),  # an author box
        ("Letters To The Editor", ["Letters To The Editor"], []),  # a column, not "Letters To The" + a role
        ("(Agenturen)", ["Agenturen"], ["Agenturen"]),  # several wires, as the page words it
        ("Gastbeitrag von Henrike Lobe und Dora Nüssler", ["Henrike Lobe", "Dora Nüssler"], []),
        ("Gazette.de GmbH", ["Gazette.de GmbH"], []),  # a company, not a person
        ("An article by Anja Franke", ["Anja Franke"], []),
        ("Edited by Ann Example", [], []),  # an editor, not the writer
        ("Par Martin Untel (avec Damien Lebon et Morgane Tuel)", ["Martin Untel", "Damien Lebon", "Morgane Tuel"], []),
        ("作者：", [], []),  # a label whose name slot the page left empty
        ("作者︱春春", ["春春"], []),
        # a job title and a program after the name are no co-writers
        ("Daniel Example, Senior Staff Technologist, Speech, Privacy, and Technology Project", ["Daniel Example"], []),
        ("Last Updated: January 7, 2025", [], []),
        ("Reviewed by Hansa D. Bhargava, MD", [], []),  # the reviewer and the credential left after her
        ("人氣( 23925 )", [], []),  # a blog's popularity counter in the author box
        # one name written in two scripts, joined by a slash: not two people, not two wires
        ("文：Kaze／カゼ", ["Kaze／カゼ"], []),
        ("文●オカモト／編集部", ["オカモト"], []),  # a Japanese magazine's "文●" label, then its desk
        # a credit block whose lines ran together: the translator's credit after the writer's is not hers
        ("TEXT BY ANNA EXAMPLE TRANSLATION BY KENJI SAMPLE WIRED(US)", ["Anna Example"], []),
        ("Translation by Kenji Sample", [], []),
        ("この記事のURL :", [], []),  # "this article's URL:", a label whose value follows elsewhere
        ("取材・文：山田花子 / Hanako Yamada", ["山田花子 / Hanako Yamada"], []),
        ("Reuters/ロイター", ["Reuters"], ["Reuters"]),
        ("共同通信", ["共同通信"], ["共同通信"]),
        ("Jo Reed / Sam Hill", ["Jo Reed", "Sam Hill"], []),
        ("[田中宏昌，Gazette]", ["田中宏昌"], []),  # bracketed, a full-width comma, then the outlet
        ("山田太郎、鈴木花子", ["山田太郎", "鈴木花子"], []),  # CJK names need no space to be names
        ("記者ページ", [], []),  # "reporters' page": a link in the byline box
        ("Politik · Jochen Beispiel, Tina Muster", ["Jochen Beispiel", "Tina Muster"], []),  # the section first
        ("Madonna", ["Madonna"], []),
        ("Gazette PC Hotline!編集部", ["Gazette PC Hotline!編集部"], []),  # a Japanese editorial desk
        ("AV Gazette編集部", ["AV Gazette編集部"], []),  # capitals "AV" are initials, not Swedish "av" (by)
        ("av Anna Svensson", ["Anna Svensson"], []),
        ("Di Marco Rossi", ["Marco Rossi"], []),
        # the site's own section signing "<section> - <site>"; writers before the site's name stay writers
        ("Zone Transports et vie urbaine - ICI.Gazette.example", [], []),
        ("Metro and transit desk | gazette.example", [], []),
        ("Jo Reed and Ludwig van Beek - The Gazette", ["Jo Reed", "Ludwig van Beek"], []),
        # the paper's desk signing with a wire, as written; a writer with a wire is the writer
        ("Gazette with AFP", ["Gazette with AFP"], ["AFP"]),
        ("Red.", ["Red."], []),  # the desk ("Redaktion") signs with its abbreviation's dot
        ("Posted by Jo Reed.", ["Jo Reed"], []),
        ("Jo Reed avec Reuters", ["Jo Reed"], ["Reuters"]),
    ],
)
def test_byline_strings(byline, authors, agencies):
    got = read_byline([byline], {"cnn", "gazette"})
    assert (got.people or got.institutions[:1]) == authors
    assert got.agencies == agencies


def test_a_comment_form_label_is_not_a_byline_and_json_ld_id_references_resolve():
    graph = ('<script type="application/ld+json">{"@graph": [{"@type": "Article", "headline": "Night buses return",'
             ' "author": {"@id": "https://www.gazette.example/#/person/7"}}, {"@type": "Person", '
             '"@id": "https://www.gazette.example/#/person/7", "name": "Yoav Schumacher"}]}</script>')
    form = ('<form class="comment-form"><p class="comment-form-author"><label for="author">Nama (wajib)</label>'
            '<input id="author"></p></form>')
    a = parse_article(page(head=graph, after=form), URL)
    assert a.authors == ["Yoav Schumacher"]


def test_organisation_authors_in_metadata_only_are_not_bylines():
    html = page(head=ld(author={"@type": "NewsMediaOrganization", "name": "The Gazette"}))
    assert parse_article(html, URL).authors == []
    # a desk is: it signs the story, where the publisher only owns it
    assert parse_article(page(head=ld(author="Gazette Metro Bureau")), URL).authors == ["Gazette Metro Bureau"]
    # a JSON-LD author the CMS left encoded as a string
    html = page(head=ld(author='{ "@type":"Person", "name":"Ann Example" }'))
    assert parse_article(html, URL).authors == ["Ann Example"]


def test_bylines_in_the_article_footer_are_read_and_the_page_footer_is_not():
    signed = ('<footer class="article-author"><div class="byline"><span itemprop="author">'
              '<a href="/authors/gazette-sport/">Gazette Sport</a></span></div>'
              '<button class="follow-button">Follow</button></footer>')
    html = page(header=signed)
    assert parse_article(html, URL).authors == ["Gazette Sport"]
    wires = ('<footer class="article-footer"><p class="article-meta">(<span class="article-meta-agency">'
             '<a href="/info/agencies">Agenturen</a></span>) | <span>Stand: 05/08/2019, 5:30</span></p></footer>')
    a = parse_article(page(after=wires), URL)
    assert (a.authors, a.agencies) == (["Agenturen"], ["Agenturen"])
    assert "About us" not in a.body_text  # the site's footer is still left out


def test_a_byline_after_the_date_in_a_header_without_h1():
    html = ('<html lang="pt"><head><title>Frota registra arrombamento | The Gazette</title>'
            '<meta property="og:site_name" content="The Gazette">'
            '<meta name="author" content="PMX - Coordenadoria de TI">'
            '</head><body><div class="col">'
            '<p class="titulo">Frota registra arrombamento</p><small class="text-muted"><b>05/10/2018</b> - '
            'Publicado por: Clara Borges - Categoria: <a href="/c/19">Saúde</a></small>'
            + BODY + "</div></body></html>")
    assert parse_article(html, URL).authors == ["Clara Borges"]


# --- headline -------------------------------------------------------------------------------------------
def test_the_marked_headline_beats_an_seo_title():
    html = page(head='<meta property="og:title" content="Night bus service extended: what riders need to know">')
    assert parse_article(html, URL).title == "Night buses return"


def test_masthead_h1_and_a_logo_h1_that_contains_the_title_are_skipped():
    html = (
        '<html><head><title>Night buses return - Transport :: The Gazette Metro</title>'
        '<meta property="og:title" content="Night buses return"><meta property="og:site_name" content="The Gazette">'
        '</head><body><div class="logo"><h1>The Gazette</h1></div>'
        '<div class="channel-logo"><h1>The Gazette Night buses return - Transport :: The Gazette Metro</h1></div>'
        f'<div class="titles"><h1>Night buses return</h1></div><div class="content">{BODY}</div></body></html>'
    )
    assert parse_article(html, URL).title == "Night buses return"


def test_a_linked_channel_h1_before_the_marked_headline_h1_is_no_headline():
    headline = "減税は24年6月ボーナスのタイミングで 首相が会見で明らかに"
    html = (f'<html lang="ja"><head><title>減税は24年6月 首相会見で表明|Gazetteポータル経済・ITニュース</title>'
            f'<meta property="og:title" content="{headline}|Gazetteポータル"></head><body><header><div class="genre">'
            '<h1><a href="https://gazette.example/genre/3">経済・IT</a></h1></div></header><article>'
            f'<h1 class="headline__text">{headline}</h1><div class="article__body">{BODY}</div></article>'
            '</body></html>')
    assert parse_article(html, "https://gazette.example/detail/1/3/6/7_6_r_20231102").title == headline


def test_a_logo_h1_holding_the_headline_beside_the_sites_name_gives_the_headline_alone():
    headline = "Anticorrupción decidirá en Madrid si recurre la imputación"
    html = (f'<html lang="es"><head><title>{headline} » Local » Noticias » Gaceta Balear</title></head><body>'
            f'<div class="box_logo"><h1><span class="define">{headline}</span><a href="/mallorca.html">Gaceta '
            f'Balear</a></h1></div><article><hgroup><h3>{headline}</h3></hgroup><div class="texto">{BODY}</div>'
            '</article></body></html>')
    assert parse_article(html, "https://gacetabalear.example/noticia/local/anticorrupcion.html").title == headline


@pytest.mark.parametrize("place", [0, 4])
def test_a_news_feed_teaser_linking_the_story_under_its_shorter_seo_title_is_not_the_headline(place):
    items = [("rail", "Rail strike called off"), ("bridge", "Bridge reopens to cyclists"),
             ("parks", "Parks stay open late"), ("ferry", "Ferry timetable changes")]
    items.insert(place, ("night-buses", "Night buses back"))
    feed = "".join(f'<article class="feed-item"><h1><a href="https://www.gazette.example/news/{n}">{t}</a></h1></article>'
                   for n, t in items)
    html = ('<html lang="en"><head><title>City brings night buses back after two years - The Gazette</title>'
            '<meta property="og:title" content="Night buses back"></head><body><div class="logo"><h1>The Gazette</h1>'
            '</div><article><header><h1>City brings night buses back after two years</h1></header>'
            f'<div class="article-body">{BODY}</div></article><section class="news-feed">{feed}</section>'
            "</body></html>")
    assert parse_article(html, "https://www.gazette.example/news/night-buses").title == \
        "City brings night buses back after two years"


def test_a_blog_headline_in_an_h2_that_parselys_title_states_beats_an_seo_title_of_many_parts():
    seo = "Night buses return: The Gazette Eye: Gazette on Transport: Gazette"
    head = (f'<meta property="og:title" content="{seo}">'
            "<meta name='parsely-page' content='{\"title\": \"Night buses return\", \"author\": \"Jo Reed\"}'>")
    html = (f'<html lang="en"><head><title>{seo}</title>{head}</head><body><h2 id="blog-name">The Gazette Eye</h2>'
            f'<div class="entry"><h2 class="entry-title">Night buses return</h2><div class="entry-content">{BODY}'
            "</div></div></body></html>")
    assert parse_article(html, URL).title == "Night buses return"


def test_a_slideshow_beside_its_one_intro_paragraph_with_each_slides_description_as_caption():
    def slide(n: int, title: str, text: str) -> str:
        return (f'<div class="listicle--slide"><div class="listicle--image"><picture data-src="/r/w_780/{n}.jpg">'
                f'<img class="picture-img" srcset="https://www.gazette.example/r/w_780/0{n}-{title}.jpg" alt="">'
                '</picture></div><div class="listicle--description--wrapper"><div class="listicle--description">'
                f'<div class="listicle--counter">{n} <span>/ 3</span></div><div class="listicle--caption">'
                f'<span class="listicle--title">{title.upper()}</span><p>{text}</p>'
                '<p><a href="https://shop.example/">SHOP NOW</a></p></div></div></div></div>')
    slides = (slide(1, "night", "The first bus leaves the depot at midnight.")
              + slide(2, "depot", "Drivers check their routes before leaving.")
              + slide(3, "dawn", "The last bus comes back at dawn."))
    html = ('<html lang="en"><head><title>Night buses return | The Gazette</title></head><body>'
            '<article><h1>Night buses return</h1><div class="article-copy">'
            f'<p>See the city after dark from the top deck.</p><div class="listicle">{slides}</div></div>'
            "</article></body></html>")
    a = parse_article(html, URL)
    assert [(i.url.rsplit("/", 1)[-1], i.caption) for i in a.images] == [
        ("01-night.jpg", "NIGHT The first bus leaves the depot at midnight."),
        ("02-depot.jpg", "DEPOT Drivers check their routes before leaving."),
        ("03-dawn.jpg", "DAWN The last bus comes back at dawn.")]


def test_a_file_name_printed_under_a_thumbnail_is_no_caption():
    fig = ('<div class="gallery"><figure><img src="https://www.gazette.example/up/dp3_1_en-150x150.png" width="300">'
           '<figcaption>dp3_1_en</figcaption></figure><figure><img src="https://www.gazette.example/up/wild-rose.jpg" '
           'width="300"><figcaption>Wild Rose</figcaption></figure></div>')
    a = parse_article(page(body=fig + BODY), URL)
    assert [i.caption for i in a.images] == [None, "Wild Rose"]


# --- images ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(  # a <cite> after the figcaption, and a labelled copyright holder inside it
            '<figure><img src="https://cdn.gazette.example/2019/11/bus-depot.jpg" width="800" height="450">'
            "<figcaption>Buses wait at the depot on Monday.</figcaption><cite>Jane Roe/Gazette</cite></figure>" + BODY
            + '<figure><img src="https://cdn.gazette.example/2019/11/driver.jpg" width="800" height="450">'
            '<figcaption><span>A driver at the wheel.</span><span itemprop="copyrightHolder"><span>Credit...</span>'
            "<span>John Doe/The Gazette</span></span></figcaption></figure>",
            [("Buses wait at the depot on Monday.", "Jane Roe/Gazette"),
             ("A driver at the wheel.", "John Doe/The Gazette")],
            id="cite-and-labels"),
        pytest.param(  # a credit named in the picture's attribute, and a caption part opening with ©
            '<figure><div data-original-src="https://cdn.gazette.example/2019/11/depot.jpg" data-caption="The depot '
            'at dawn." data-credit="Jane Roe—Getty Images"><picture><img src="https://cdn.gazette.example/2019/11/'
            'depot.jpg" width="800" height="450"></picture></div><figcaption><span>The depot at dawn.</span><span '
            'class="ml-2">Jane Roe—Getty Images</span></figcaption></figure>' + BODY
            + '<div class="article-image-large"><a href="/image/full/driver.jpg" title="&copy; Gazette Archive"><img '
            'src="https://cdn.gazette.example/image/large/driver.jpg" width="800" height="450" title="Click to '
            'enlarge"></a><div class="image-caption"><span class="tiny">&copy; Gazette Archive</span><br><span '
            'class="caption">A driver at the wheel of the first night bus.</span></div></div>',
            [("The depot at dawn.", "Jane Roe—Getty Images"),
             ("A driver at the wheel of the first night bus.", "© Gazette Archive")],
            id="attribute-and-copyright-sign"),
    ],
)
def test_caption_and_credit_split_by_their_markup(body, expected):
    images = parse_article(page(body=body), URL).images
    assert [(i.caption, i.credit) for i in images] == expected


def test_a_caption_line_after_a_lazy_image_is_kept_out_of_the_body():
    body = (
        '<div class="photo"><img class="lazy" src="https://cdn.gazette.example/img/preloaderbig.gif" '
        'data-src="https://cdn.gazette.example/2019/11/night-route-map.jpg"></div>'
        '<div class="photo-desc">The new night route across the river. (Image: Gazette Graphics)</div>' + BODY
    )
    a = parse_article(page(body=body), URL)
    assert [(i.url.rsplit("/", 1)[-1], i.caption, i.credit) for i in a.images] == [
        ("night-route-map.jpg", "The new night route across the river.", "Image: Gazette Graphics")]
    assert not any("night route across" in p.text for p in a.paragraphs)


def test_related_story_thumbnails_are_not_article_images():
    related = ('<div class="related-stories"><a href="/x"><img src="https://cdn.gazette.example/2019/11/'
               'other-story.jpg" width="300" height="200"><span>Other story</span></a></div>')
    a = parse_article(page(body=BODY + related), URL)
    assert not any("other-story" in i.url for i in a.images)


def test_the_cover_and_the_body_picture_in_another_size_folder_are_one_image():
    body = '<figure><img src="http://img.gazette.example/2016/02/ori/20160223photo_2-7.jpg"></figure>' + BODY
    html = page(head='<meta property="og:image" content="http://img.gazette.example/2016/02/big/20160223photo_2-7.jpg">',
                body=body)
    images = parse_article(html, URL).images
    assert len(images) == 1 and images[0].is_cover


@pytest.mark.parametrize(
    ("text", "caption", "credit"),
    [
        ("Spokojený trenér po vítězství ve Villa Parku. | Foto: Reuters",  # a bar sets the labelled credit apart
         "Spokojený trenér po vítězství ve Villa Parku.", "Foto: Reuters"),
        # a bar sets a name apart after the caption's sentence, at times after the photo's date
        ("El juez y el fiscal discrepan sobre la imputación. 27-06-2012 | Efe",
         "El juez y el fiscal discrepan sobre la imputación.", "Efe"),
        ("The depot at dawn. | Ann Lens", "The depot at dawn.", "Ann Lens"),
        # the photo label in Vietnamese and Russian
        ("Ông Hồ Đức Phớc, Bộ trưởng Tài chính. Ảnh: Hoàng Phong", "Ông Hồ Đức Phớc, Bộ trưởng Tài chính.",
         "Ảnh: Hoàng Phong"),
        ("Путин на встрече. Фото: Иван Петров", "Путин на встрече.", "Фото: Иван Петров"),
        ("Jane Doe | Mayor of Eastfield", "Jane Doe | Mayor of Eastfield", None),  # no sentence: a caption's parts
        ("Facebook CEO Mark Zuckerberg, the man with the acquisition plan.",  # a sentence, not a source line
         "Facebook CEO Mark Zuckerberg, the man with the acquisition plan.", None),
        ("Suasana Pasar Kosambi, Bandung. ©2021 Merdeka.com/Arie Basuki",
         "Suasana Pasar Kosambi, Bandung.", "©2021 Merdeka.com/Arie Basuki"),
        ("Wanita itu datang ke kantor polisi. Kanal YouTube Tim 86 ©2021 Merdeka.com",
         "Wanita itu datang ke kantor polisi.", "Kanal YouTube Tim 86 ©2021 Merdeka.com"),
        ("Brandon Salim/©KapanLagi.com®/M. Akrom Sukarya", "Brandon Salim", "©KapanLagi.com®/M. Akrom Sukarya"),
        ("©MGM", None, "©MGM"),
        ("shutterstock", None, "shutterstock"),
        ("Ilustrasi shutterstock.com", "Ilustrasi", "shutterstock.com"),
        ("Traders work on the floor on Tuesday. REUTERS/Brendan McDermid",
         "Traders work on the floor on Tuesday.", "REUTERS/Brendan McDermid"),
        ("US troops remain in Afghanistan. [File: Reuters]", "US troops remain in Afghanistan.", "File: Reuters"),
        ("Christopher Battin Submitted photo", "Christopher Battin", "Submitted photo"),
        ("Image via Getty Images", None, "Image via Getty Images"),
        ("The house where he was born, in Braunau. Leonhard Foeger / Reuters file", "The house where he was born, in "
         "Braunau.", "Leonhard Foeger / Reuters file"),
        ("Rektor buka invitasi olahraga. Doc. uny.ac.id KOMUNIKA ONLINE", "Rektor buka invitasi olahraga.",
         "Doc. uny.ac.id KOMUNIKA ONLINE"),
        ("President Trump speaks on Twitter about the deal", "President Trump speaks on Twitter about the deal", None),
        ("A hearing on a copyright dispute over the song", "A hearing on a copyright dispute over the song", None),
        ("Ann Example, ASSOCIATED PRESS", None, "Ann Example, ASSOCIATED PRESS"),  # a line that is only a credit
        ("Protesters march, AP", "Protesters march, AP", None),
        ("Presiden memberikan sambutan. MI/Ramdani", "Presiden memberikan sambutan.", "MI/Ramdani"),
        ("Warga antre di terminal. KOMPAS.com/Dian Maharani", "Warga antre di terminal.", "KOMPAS.com/Dian Maharani"),
        ("He said it twice. The End/Start", "He said it twice. The End/Start", None),
        ("Ilustrasi bus malam (iStockphoto)", "Ilustrasi bus malam", "iStockphoto"),  # a stock agency
        # a source named as a courtesy: the whole line, or after the caption's last sentence
        ("PHOTOGRAPH COURTESY OF THE DEPOT", None, "PHOTOGRAPH COURTESY OF THE DEPOT"),
        ("The night bus at the depot. Image courtesy of the city", "The night bus at the depot.",
         "Image courtesy of the city"),
        ("A courtesy of the drivers is to wait.", "A courtesy of the drivers is to wait.", None),
        # a label, "by" and a name on a line of its own
        ("Screenshot by Amanda Tan/ONE Esports", None, "Screenshot by Amanda Tan/ONE Esports"),
        ("Photo by Jane Roe", None, "Photo by Jane Roe"),
        ("Photo by the lake at dusk", "Photo by the lake at dusk", None),
        ("The depot at night. Screenshot by Jane Roe", "The depot at night.", "Screenshot by Jane Roe"),
        ("Illustration: Jane Roe/The Gazette", None, "Illustration: Jane Roe/The Gazette"),
    ],
)
def test_credit_split_as_shown(text, caption, credit):
    assert split_credit(text) == (caption, credit)


# --- encodings, datelines, sections, pages -----------------------------------------------------------------
def test_a_stale_latin1_label_on_utf8_bytes():
    html = page(body="<p>A café crème brûlée (©KapanLagi.com®) was served to every driver at the depot "
                     "on the first night of the new service.</p>" + BODY)
    raw = html.replace("<head>", '<head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">')
    a = parse_article(raw.encode("utf-8"), URL)
    assert "café crème brûlée" in a.paragraphs[0].text and "Â" not in a.paragraphs[0].text


@pytest.mark.parametrize(
    ("opening", "place"),
    [
        ("Mataram, NTB (ANTARA News) - Sebanyak 29 penerbangan dibatalkan.", "Mataram, NTB"),
        ("Jakarta, CNN Indonesia -- Pemerintah kabupaten meresmikan jembatan.", "Jakarta"),
        ("JAKARTA, KOMPAS.com — Polisi menangkap dua orang.", "Jakarta"),
        ("Jakarta, CNN IndonesiaOtomotif – Dua produsen mobil membuka pabrik.", "Jakarta"),  # a channel's name
    ],
)
def test_datelines(opening, place):
    body = f"<p>{opening} Warga menyambut baik keputusan itu dan berharap layanan segera berjalan.</p>" + BODY
    html = page(body=body, lang="id").replace("The Gazette", "CNN Indonesia")
    assert parse_article(html, "https://www.cnnindonesia.com/nasional/1").dateline == place


def test_a_wire_dateline_with_the_day_after_the_place_names_its_agency():
    a = parse_article(page(body="<p>SEOUL, Aug. 20 (Yonhap) -- The city will run night buses on six routes from "
                                "Monday, officials said, after a two-year pause in the service.</p>" + BODY), URL)
    assert (a.dateline, a.agencies) == ("Seoul", ["Yonhap"])


def test_sections_from_visible_breadcrumbs_numbered_meta_and_channel_subdomains():
    crumbs = '<ul class="breadcrumb"><li><a href="/">Home</a></li><li><a href="/transport">Transport</a></li></ul>'
    assert parse_article(page(header=crumbs), URL).section == "Transport"
    numbered = ('<meta property="article:section" content="News"><meta property="article:section2" content="Gaya">'
                '<meta property="article:section3" content="Karir">')
    a = parse_article(page(head=numbered), URL)
    assert (a.section, a.subsection) == ("Gaya", "Karir")
    assert parse_article(page(), "https://bola.gazette.example/read/1").section == "Bola"


def test_hidden_later_pages_of_a_multi_page_article_are_read():
    first = "".join(f"<p>Halaman satu, paragraf {i}, menceritakan kisah warga yang menunggu bus malam.</p>"
                    for i in range(3))
    later = "".join(
        f'<div class="story-body paging-content" data-paging_num="{n}" style="display:none">'
        f'<h2 class="title-dt-paging">Bagian {n}</h2><p>Cerita ke-{n} melanjutkan kisah warga yang menunggu bus '
        "malam di halte timur kota.</p></div>"
        for n in (2, 3)
    )
    html = page(body=f'<div class="story-body">{first}{later}</div>', lang="id")
    a = parse_article(html, "https://warta.example.id/berita/3")
    assert [p.text for p in a.paragraphs if p.kind == "heading"] == ["Bagian 2", "Bagian 3"]
    assert a.paragraphs[-1].text.startswith("Cerita ke-3 melanjutkan")


def test_a_bold_line_closed_by_a_line_break_is_a_sub_heading():
    text = ("<p>TEMPO.CO, Jakarta - Organisasi kesehatan menyebutkan kurangnya aktivitas fisik berbahaya bagi "
            "warga kota.<br><br><strong>Kurang Motivasi</strong><br>Kurangnya motivasi dari dalam diri menjadi "
            "alasan pertama orang malas bergerak, kata dokter.</p>")
    a = parse_article(page(body=text + BODY, lang="id"), "https://gaya.tempo.example/read/1")
    assert ("heading", "Kurang Motivasi") in [(p.kind, p.text) for p in a.paragraphs]


def test_json_ld_with_a_trailing_comma_still_counts():
    broken = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Night buses return", '
              '"keywords": ["buses", "night", ], "datePublished": "2019-11-18T16:06:51-05:00"}</script>')
    assert parse_article(page(head=broken), URL).published_at == datetime(2019, 11, 18, 16, 6, 51, tzinfo=EST)


def test_a_first_published_line_in_a_plain_div_beats_a_machine_update_time():
    head = ld(datePublished="2019-11-19T09:01:42+05:30", dateModified="2019-11-19T09:01:42+05:30")
    header = ('<div class="byline">News Desk | Updated : 19 November 2019, 09:01 AM</div>'
              '<div class="pull-right"><span class="red">First Published:</span> Tuesday, November 19, 2019 '
              "08:38 AM</div>")
    a = parse_article(page(head=head, header=header), URL)
    assert a.published_at == datetime(2019, 11, 19, 8, 38, tzinfo=timezone(timedelta(hours=5, minutes=30)))


def test_a_name_in_capitals_closing_the_article_signs_it():
    body = BODY + "<p><strong>DINI TEJA</strong></p>"
    a = parse_article(page(body=body, lang="id"), "https://gaya.tempo.example/read/2")
    assert a.authors == ["Dini Teja"]
    assert not any("DINI TEJA" in p.text for p in a.paragraphs)
    wire = parse_article(page(body=BODY + "<p><strong>ANTARA</strong></p>", lang="id"), "https://en.tempo.example/r")
    assert (wire.authors, wire.agencies) == (["ANTARA"], ["ANTARA"])


def test_screen_reader_labels_are_not_caption_or_credit():
    body = ('<figure><img src="https://cdn.gazette.example/2019/11/mourinho.jpg"><figcaption>Image: The coach, left, '
            "has replaced the old manager at the club after five years in charge.<span class=\"credit\">Image "
            "copyright Getty Images</span></figcaption></figure>" + BODY)
    image = parse_article(page(body=body), URL).images[0]
    assert image.caption.startswith("The coach, left,")
    assert image.credit == "Getty Images"


# --- pictures the markup hides -------------------------------------------------------------------------------
def test_a_photo_named_loading_behind_a_loader_placeholder_is_kept():
    body = ('<div class="inline image-ct"><img class="lazyload" src="https://cdn.gazette.example/sr-loader.png" '
            'data-srcset="https://cdn.gazette.example/2019/11/depot-loading-truck-t300.jpg 300w">'
            '<div class="caption"><p><span>Crews load the first night bus.</span>'
            '<span> (AP Photo/Ann Example, File)</span></p></div></div>' + BODY)
    a = parse_article(page(body=body), URL)
    assert [(i.url.rsplit("/", 1)[-1], i.caption, i.credit) for i in a.images] == [
        ("depot-loading-truck-t300.jpg", "Crews load the first night bus.", "AP Photo/Ann Example, File")]


@pytest.mark.parametrize("spacer", ["1px.gif", "spacer.gif", "1x1.png"])
def test_a_spacer_image_in_a_button_is_no_picture(spacer):
    body = (BODY + '<div class="more"><a class="morebtn" href="/mostpopular"><img border="0" '
            f'src="https://i.cdn.gazette.example/.element/img/3.0/{spacer}" alt="More"></a></div>'
            '<img src="https://cdn.gazette.example/2019/11/depot-1px-wide-lens.jpg" width="800" height="450">')
    a = parse_article(page(body=body), URL)
    assert [i.url.rsplit("/", 1)[-1] for i in a.images] == ["depot-1px-wide-lens.jpg"]


def test_hidden_slides_of_a_slideshow_are_the_gallerys_pictures_and_a_cited_sentence_is_their_caption():
    hide = ' style="display:none"'
    slides = "".join(
        f'<div class="galleryPhotoContainer"><img src="https://cdn.gazette.example/dam/2013/11/slide-{i}.jpg" '
        f'width="640" height="360"{"" if i == 1 else hide}><cite{"" if i == 1 else hide}>Passengers wait for the '
        f'night bus number {i} in light rain on Wednesday.</cite></div>' for i in range(1, 5))
    body = f'<div class="slideshow">{slides}</div>' + BODY
    body += '<div class="widget"><img src="https://cdn.gazette.example/c.gif?id=1" style="display:none"></div>'
    images = parse_article(page(body=body), URL).images
    assert [(i.url.rsplit("/", 1)[-1], i.caption, i.credit) for i in images] == [
        (f"slide-{i}.jpg", f"Passengers wait for the night bus number {i} in light rain on Wednesday.", None)
        for i in range(1, 5)]


def test_a_cover_served_through_a_resizing_proxy_is_the_body_picture():
    original = "https%3A%2F%2Fstore.gazette.example%2Fa5%2Fnight-bus-depot-001"
    head = f'<meta property="og:image" content="https://cdn.gazette.example/dims4/d494a30/resize/1200x630!/?url={original}">'
    body = (f'<figure><img src="https://cdn.gazette.example/dims4/0b48476/resize/840x548!/?url={original}">'
            '<figcaption>The depot at night.<span class="credit">Ann Example / Gazette</span></figcaption></figure>'
            + BODY)
    images = parse_article(page(head=head, body=body), URL).images
    assert [(i.is_cover, i.caption, i.credit) for i in images] == [
        (True, "The depot at night.", "Ann Example / Gazette")]


def test_a_lead_picture_under_a_header_whose_modifier_classes_name_social_icons():
    header = ('<div class="content-header content-header--social-icons-position--simple-navigation">'
              '<figure class="lead-asset"><div class="lead-asset__media"><span class="responsive-asset">'
              '<picture class="responsive-image"><source srcset="https://cdn.gazette.example/w_1024/night-bus-lead.jpg">'
              '<source srcset="https://cdn.gazette.example/w_2560/night-bus-lead.jpg">'
              '<img src="https://cdn.gazette.example/w_2560/night-bus-lead.jpg"></picture></span></div>'
              '<figcaption class="caption"><span class="caption__credit">Photograph: Ann Example/Getty Images</span>'
              '</figcaption></figure></div>')
    html = page(body=header + BODY).replace('<div class="article-body">', '<div class="article-body">', 1)
    images = parse_article(html, URL).images
    assert [(i.url.rsplit("/", 1)[-1], i.caption, i.credit) for i in images] == [
        ("night-bus-lead.jpg", None, "Photograph: Ann Example/Getty Images")]


def test_a_headline_wrapped_in_blocks_anchors_the_top_picture():
    html = page().replace('<h1 class="headline">Night buses return</h1>',
                          '<h1 class="header--h1"><div><span>Night buses return</span></div></h1>'
                          '<figure><img src="https://cdn.gazette.example/19/11/768x432/night-bus-top.jpg">'
                          '<figcaption>Night buses return on Monday.</figcaption></figure>')
    a = parse_article(html, URL)
    assert a.title == "Night buses return"
    assert [(i.url.rsplit("/", 1)[-1], i.caption) for i in a.images] == [("night-bus-top.jpg",
                                                                          "Night buses return on Monday.")]


def test_a_figure_whose_picture_is_only_in_noscript_and_inline_emphasis_in_its_caption():
    body = ('<figure class="article-image"><span data-picture><span data-src="https://cdn.gazette.example/420x240/'
            'night-fleas.jpg"></span><noscript><img src="https://cdn.gazette.example/800x600/night-fleas.jpg">'
            '</noscript></span><figcaption class="caption"><em>Xenopsylla cheopis</em>, the flea that rides the '
            'night bus.<span class="credits">(ANN EXAMPLE/SCIENCE PHOTO LIBRARY)</span></figcaption></figure>'
            '<noscript><img src="https://tracker.example/pixel?id=1" width="1" height="1"></noscript>' + BODY)
    images = parse_article(page(body=body), URL).images
    assert [(i.caption, i.credit) for i in images] == [
        ("Xenopsylla cheopis, the flea that rides the night bus.", "ANN EXAMPLE/SCIENCE PHOTO LIBRARY")]


def test_a_wide_banner_to_another_site_is_an_advert_a_photo_linking_to_a_shop_is_not():
    body = ('<a href="https://motors.example.co.uk/offer?Uid=08E0" target="_blank"><img width="1230" height="205" '
            'src="https://cdn.gazette.example/2019/11/W800_1230x205.gif"></a>' + BODY[:300] +
            '<p><a href="https://shop.example.com/p/1"><img width="640" height="427" '
            'src="https://cdn.gazette.example/2019/11/night-bus-ticket-machine.jpg"></a></p>' + BODY[300:])
    images = parse_article(page(body=body), URL).images
    assert [i.url.rsplit("/", 1)[-1] for i in images] == ["night-bus-ticket-machine.jpg"]


@pytest.mark.parametrize("ad", [
    '<a href="https://school.example.th/" rel="nofollow"><img src="//files.gazette.example/bnr/c5/easy-abc.gif"></a>',
    '<a href="https://agency.example/"><img src="//files.gazette.example/bnr/38/agentur-700x150-image-e0aa.jpg"></a>',
    '<a href="https://shop.example.com/p/9" rel="sponsored noopener"><img src="//cdn.shop.example/p/9.jpg"></a>',
])
def test_banners_by_their_link_name_or_shape_are_adverts(ad):
    photo = ('<p><a href="https://source.example.org/archive/1" rel="nofollow"><img width="640" height="427" '
             'src="https://cdn.gazette.example/2019/11/night-bus-depot.jpg"></a></p>')
    body = BODY[:300] + ad + photo + BODY[300:]
    images = parse_article(page(body=body), URL).images
    assert [i.url.rsplit("/", 1)[-1] for i in images] == ["night-bus-depot.jpg"]


# --- caption boxes ---------------------------------------------------------------------------------------------
def _pictures(html: str, url: str = URL) -> list[tuple[str | None, str | None]]:
    return [(i.caption, i.credit) for i in parse_article(html, url).images]


def test_a_caption_box_with_a_full_and_a_truncated_copy_toggles_and_a_credit_line():
    full = ("Riders wait for the first night bus at the depot on Tuesday, Nov. 19, 2019, as the council's new "
            "timetable starts across the eastern districts, where the last service used to leave before midnight "
            "and shift workers had to walk home along the ring road.")
    body = ('<ul class="gallery"><li class="galleryitem"><div class="img-wrap"><img src="https://cdn.gazette.example/'
            'photos/18637072/920x920.jpg"></div><div class="caption">'
            f'<div class="caption-full"><p>{full} (AP Photo/Ann Example)</p><a class="more-caption">less</a></div>'
            f'<div class="caption-truncated"><p>{full[:120]}</p><a class="more-caption">... more</a></div>'
            '<span class="credit">Photo: Ann Example, AP</span></div></li></ul>' + BODY)
    assert _pictures(page(body=body)) == [(full, "Photo: Ann Example, AP")]


def test_slide_counters_screen_reader_labels_and_expand_controls_are_not_caption_text():
    body = ('<figure class="slide"><img src="https://cdn.gazette.example/2019/11/night-bus-one.jpg">'
            '<figcaption><span class="count">2<span>of</span>4</span><span class="caption">A driver checks the route '
            'board.</span></figcaption></figure>'
            '<figure><img src="https://cdn.gazette.example/2019/11/night-bus-two.jpg"><figcaption>'
            '<span class="off-screen">Media caption</span>The depot manager explains the new timetable</figcaption>'
            '</figure>'
            '<figure><img src="https://cdn.gazette.example/2019/11/night-bus-three.jpg"><figcaption><p>Not every '
            'route runs all night; you can check one <span class="plus">... [+]</span><span class="expanded"> '
            'on the council site. (Photo: Getty Images)</span></p><small>Getty</small></figcaption></figure>' + BODY)
    assert _pictures(page(body=body)) == [
        ("A driver checks the route board.", None),
        ("The depot manager explains the new timetable", None),
        ("Not every route runs all night; you can check one on the council site.", "Getty"),
    ]


@pytest.mark.parametrize(
    ("text", "caption", "credit"),
    [
        ("‘The buses kept the city moving.’ Photograph: AFP via Getty",
         "‘The buses kept the city moving.’", "Photograph: AFP via Getty"),
        ("Musisi memberikan tepuk tangan untuk pianis muda itu. (Grammy)",
         "Musisi memberikan tepuk tangan untuk pianis muda itu.", "Grammy"),
        ("The new route map (left) and the old one", "The new route map (left) and the old one", None),
        ("Riders at the depot. (Published Monday, Nov. 18, 2019)",
         "Riders at the depot. (Published Monday, Nov. 18, 2019)", None),
        # the copyright first, set apart by a bar
        ("© Ann Lens, AFP | Police forensics investigate the depot", "Police forensics investigate the depot",
         "© Ann Lens, AFP"),
        ("Route 7 | Route 9", "Route 7 | Route 9", None),
        # Japanese papers credit after a full-width equals sign; an equation is no credit
        ("発車を待つ夜行バス（１８日、東部車庫で）＝ロイター", "発車を待つ夜行バス（１８日、東部車庫で）", "ロイター"),
        ("運賃は１＋１＝２", "運賃は１＋１＝２", None),
    ],
)
def test_credit_after_the_caption_sentence(text, caption, credit):
    assert split_credit(text) == (caption, credit)


def test_an_italic_line_after_a_centred_picture_and_a_blank_line_is_its_caption():
    body = (BODY[:300] + '<div><img src="https://cdn.gazette.example/2019/11/night-bus-four.jpg" width="325" '
            'height="183"></div><div><br></div><div><em>Sopir memeriksa papan rute. Foto: Dishub</em></div>'
            '<div><br></div>' + BODY[300:])
    a = parse_article(page(body=body, lang="id"), URL)
    assert [(i.caption, i.credit) for i in a.images] == [("Sopir memeriksa papan rute.", "Foto: Dishub")]
    assert not any("papan rute" in p.text for p in a.paragraphs)


def test_an_italic_paragraph_after_a_picture_stays_body_text():
    body = ('<img src="https://cdn.gazette.example/2019/11/night-bus-five.jpg"><p class="rline"><i>Average fare: '
            '2.40 a ride.</i></p>' + BODY)
    a = parse_article(page(body=body), URL)
    assert [(i.caption, i.credit) for i in a.images] == [(None, None)]


def test_the_cover_takes_the_caption_of_its_photo_box_above_the_headline():
    box = ('<div class="blok-foto"><div class="foto-konten"><img src="https://cdn.gazette.example/data/2019/11/'
           '437155_620.jpg"></div><div class="foto-desc">The minister at the depot. Image: GAZETTE/Ann Example'
           '</div></div>')
    html = page(head='<meta property="og:image" content="https://cdn.gazette.example/data/2019/11/437155_620.jpg">')
    html = html.replace("<article>", box + "<article>")
    images = parse_article(html, URL).images
    assert [(i.is_cover, i.caption, i.credit) for i in images] == [
        (True, "The minister at the depot.", "Image: GAZETTE/Ann Example")]


def test_a_credit_label_left_at_the_end_of_the_caption_joins_its_credit():
    body = ('<figure><img src="https://cdn.gazette.example/2019/11/night-bus-six.jpg"><figcaption>Разве это '
            'автобус? Фото <span class="photo-credit">@night.bus</span></figcaption></figure>' + BODY)
    assert _pictures(page(body=body, lang="ru")) == [("Разве это автобус?", "Фото @night.bus")]


def test_gallery_thumbnails_carry_caption_and_credit_in_attributes():
    body = BODY + ('<div class="gallery-strip"><a href="/foto/1" class="image_detail"><img width="312" height="202" '
                   'caption="Petugas memeriksa bus malam di terminal, Selasa (23/2)..(Gazette/Ann Example)" '
                   'src="https://cdn.gazette.example/widget_box/bus-malam-terminal-_160223151836-691.jpg"></a>'
                   '<span class="storyimage"><span class="image" data-caption="A mechanic checks the brakes." '
                   'data-attrib="Ann Example"><img src="https://cdn.gazette.example/2019/11/night-bus-brakes.jpg">'
                   '</span></span></div>')
    assert _pictures(page(body=body)) == [
        ("Petugas memeriksa bus malam di terminal, Selasa (23/2)..", "Gazette/Ann Example"),
        ("A mechanic checks the brakes.", "Ann Example"),
    ]


def test_a_credit_laid_over_the_photo_and_the_caption_in_a_wrapper_beside_it():
    header = ('<div class="img-detail"><div class="img-set"><img src="https://cdn.gazette.example/headline_slide/'
              'pemeriksaan-bus-_160809163333-725.jpg" width="610"><div class="def">Gazette/ Ann Example</div></div>'
              '<div class="set-cp"><div class="caption">Petugas memeriksa bus malam (Ilustrasi)</div></div></div>')
    overlay = ('<div class="img-set"><img src="https://cdn.gazette.example/2019/11/night-bus-gallery.jpg">'
               '<div class="overlay">VIEW GALLERY 5 PHOTOS</div></div><div class="set-cp"><div class="caption">'
               'Bus malam di terminal.</div></div>')
    images = parse_article(page(header=header, body=BODY[:300] + overlay + BODY[300:], lang="id"), URL).images
    assert [(i.caption, i.credit) for i in images] == [
        ("Petugas memeriksa bus malam (Ilustrasi)", "Gazette/ Ann Example"), ("Bus malam di terminal.", None)]


def test_an_italic_paragraph_after_an_image_only_paragraph_is_its_caption():
    body = (BODY[:300] + '<p><a href="https://cdn.gazette.example/2018/09/Night-Lights-Wish_Group.jpg"><img '
            'src="https://cdn.gazette.example/2018/09/Night-Lights-Wish_Group.jpg" width="870" height="483"></a></p>'
            '<p class="post-text"><em>A Wish of Light by the Lantern Group</em></p>' + BODY[300:])
    a = parse_article(page(body=body), URL)
    assert [(i.caption, i.credit) for i in a.images] == [("A Wish of Light by the Lantern Group", None)]
    assert not any("Lantern Group" in p.text for p in a.paragraphs)


def test_a_photo_credit_closing_the_text_credits_every_picture():
    body = ('<figure><img src="https://cdn.gazette.example/photo/2018/09/28/1538123681_1.jpg"></figure>' + BODY +
            '<p>칼럼니스트 김하늘 sky@example.com [사진=MBC, SBS]</p>')
    html = page(body=body, lang="ko").replace("Night buses return", "심야 버스가 돌아왔다")
    assert _pictures(html) == [(None, "사진=MBC, SBS")]


# --- tags ------------------------------------------------------------------------------------------------------
def _tags(head: str = "", after: str = "", header: str = "") -> list[str]:
    return parse_article(page(head=head, header=header, after=after, lang="id"), URL).tags


def test_the_tag_list_shown_under_the_article_beats_keyword_filler():
    shown = ('<div class="tags"><ul class="tag__list"><li><h2><a href="/tag/b/bus-malam/">Bus Malam</a></h2></li>'
             '<li><h2><a href="/tag/t/transportasi/">Transportasi</a></h2></li></ul></div>')
    salad = ('<meta name="keywords" content="Paragraph, 1, of, the, story, tells, readers, what, '
             'bus,malam,transportasi">')
    assert _tags(head=salad, after=shown) == ["Bus Malam", "Transportasi"]


def test_site_wide_topic_lists_and_linked_words_in_sentences_are_not_tags():
    picked = ('<div class="w300"><div class="box_header">Topik Pilihan</div><div class="box_content">'
              '<a href="/tag/78/banjir-rob">Banjir Rob</a><a href="/tag/12/pemilu">Pemilu</a></div></div>')
    inline = ('<p>Dinas perhubungan menyebut <a href="/tag/bus-malam">bus malam</a> akan melayani enam rute baru '
              'mulai pekan depan, dengan tarif yang sama seperti bus siang.</p>')
    html = page(body=inline + BODY, after=picked, lang="id",
                head='<meta name="keywords" content="bus malam, dishub, berita terkini, portal Indonesia">')
    assert parse_article(html, URL).tags == ["bus malam", "dishub"]


def test_a_shortened_tag_view_gives_way_to_the_full_declared_list_and_microdata_keywords_count():
    snippet = '<ul class="tags--snippet"><li><a href="/tag/bus-malam">Bus Malam</a></li></ul>'
    assert _tags(head='<meta name="keywords" content="Bus Malam,Transportasi,Dishub">', after=snippet) == [
        "Bus Malam", "Transportasi", "Dishub"]
    marked = '<span itemprop="keywords">bus malam, terminal kota</span>'
    assert _tags(head='<meta name="keywords" content="berita terkini, berita online">', header=marked) == [
        "bus malam", "terminal kota"]


# --- sections without breadcrumb markup --------------------------------------------------------------------------
def test_a_home_trail_without_breadcrumb_markup_names_the_section():
    trail = ('<div class="home-map"><a href="/">Home</a><span class="site-map"><a href="/national">National</a>'
             '</span></div>')
    assert parse_article(page(header=trail), URL).section == "National"
    menu = ('<div class="menu-utama"><a href="/">Home</a> <a href="/national">National</a> <a href="/metro">Metro</a>'
            '</div>')
    assert parse_article(page(header=menu), "https://www.gazette.example/read/1/night-buses").section is None


def test_the_highlighted_top_menu_entry_and_the_url_folder():
    menu = ('<ul id="topnav"><li><a href="/">Home</a></li><li class="active"><a href="/nasional">Nasional</a></li>'
            '<li><a href="/ekonomi">Ekonomi</a></li><li><a href="/olahraga">Olahraga</a></li></ul>')
    html = page(lang="id").replace("<article>", menu + "<article>")
    assert parse_article(html, "https://www.gazette.example/berita/527615/bus-malam").section == "Nasional"
    tabs = ('<ul class="tabs"><li class="active"><a href="#">Terbaru</a></li><li><a href="#">Populer</a></li>'
            '<li><a href="#">Video</a></li><li><a href="#">Foto</a></li></ul>')
    assert parse_article(page(after=tabs), "https://www.gazette.example/berita/527615/bus-malam").section is None
    url = "https://www.gazette.example/berita/jurnal-haji/berita-jurnal-haji/17/02/17/bus-malam"
    assert parse_article(page(), url).section == "jurnal haji"


def test_a_dateline_set_as_its_own_paragraph_opens_the_first_one():
    body = ('<p>ISTANBUL, 23 Februari 2016 (Antara/PRNewswire) -- </p><p>&nbsp;</p>'
            '<p>Pemerintah kota meresmikan layanan bus malam yang melayani enam rute baru di pinggiran kota.</p>'
            + BODY)
    a = parse_article(page(body=body, lang="id"), URL)
    assert a.paragraphs[0].text.startswith("ISTANBUL, 23 Februari 2016 (Antara/PRNewswire) -- Pemerintah kota")
    assert a.dateline == "Istanbul"


@pytest.mark.parametrize(
    ("url", "graphic"),
    [
        ("https://s2.wp.com/wp-content/themes/pub/digg3/images/bg_header_overlay.png", True),
        ("https://www.gazette.example/wp-content/uploads/2016/12/banner-gazette-fb-0-468x60.gif", True),
        ("https://sb.scorecardresearch.com/p?c1=2&c2=23390304&cv=2.0&cj=1", True),
        ("https://gazette.files.example/2016/09/bus-malam.jpg?resize=40%2C40&ssl=1", True),
        ("https://static3.gazette.example/image/Array-50/gazette.jpg", True),
        ("https://gazette.files.example/2016/09/bus-malam.jpg?resize=840%2C560&ssl=1", False),
        ("https://cdn.gazette.example/hubfs/mail_banner_300x250_expo2018.png", True),
        ("https://cdn.gazette.example/2019/11/night-bus-crowd-300x250.jpg", False),
        ("https://cdn.gazette.example/photos/2019/11/19/night-bus.jpg?w=1200", False),
        ("https://www.gazette.example/img/pages/article/opengraph_default.png", True),  # the site's stand-in
        ("https://www.gazette.example/files/images/twitter_cards_default.jpg", True),
        ("https://cdn.gazette.example/photos/2019/11/default-route-map.jpg", False),
        ("http://ad.gazette.example/content_banner/content_650x120_qrcodes.jpg", True),  # an ad server's
        ("https://afp.cdn.example/afp-creative/creative/u113716014/8fffe822.jpg", True),
        ("https://files.gazette.example/files/bnr/70/39/57/seminar-511-image-ccb3.jpg", True),  # "bnr": banners
        ("https://files.gazette.example/files/bnrt/70/night-bus.jpg", False),
        ("https://www.gazette.example/wp-content/uploads/2022/10/QR-Code_Donate-2022-inf.png", True),  # a QR code
        ("https://www.gazette.example/wp-content/uploads/2022/10/qrcode.png", True),
        ("https://www.gazette.example/wp-content/uploads/2022/10/qrater-night.png", False),
        ("https://s.gazette.example/images/common/all/images/fbico_ogp_600x600.png", True),  # a share icon
        ("https://www.gazette.example/App_Themes/default/images/sg/stern_blue.svg", True),  # ASP.NET's theme folder
        ("https://images.gazette.example/im-128022/social", False),  # a photo's rendition for sharing
        ("https://cdn.gazette.example/media/img/2019/04/mr1/facebook.jpg?1556645448", False),
        ("https://st1.gazette.example/assets/social/pin_it_button_big.png", True),  # a button's graphic
        ("https://cdn.gazette.example/2019/11/share-btn-32.png", True),
        ("https://cdn.gazette.example/2019/11/red-button-vote.jpg", False),  # a story's photo of a button
        ("https://assets.gazette.example/core/img/sharetools/tm_sm.png", True),  # a share bar's folder
        ("https://www.gazette.example/images/icons/print.gif", True),
    ],
)
def test_site_graphics_are_not_article_pictures(url, graphic):
    assert site_graphic(url, URL) is graphic


def test_the_sites_stand_in_share_picture_is_no_cover():
    head = '<meta property="og:image" content="https://www.gazette.example/img/pages/article/opengraph_default.png">'
    assert parse_article(page(head=head), URL).images == []


def test_a_labelled_date_in_the_byline_above_the_headline():
    html = page(lang="de").replace(
        '<h1 class="headline">', '<p class="about"><span class="about__block">Von</span> <span class="about__block">'
        '<a class="author-link" href="/author/anna-beispiel">Anna Beispiel</a></span> <span class="about__block '
        'about__block--dimmed">publiziert am 25. September 2018</span></p><h1 class="headline">')
    assert parse_article(html, URL).published_at.date().isoformat() == "2018-09-25"


def test_a_machine_stamp_repeated_as_modification_under_a_wrong_offset_is_no_update():
    stamps = ld(datePublished="2018-09-10T16:25:36-05:00", dateModified="2018-09-10T16:25:36-05:00")
    header = '<time class="entry-date published updated" datetime="2018-09-10T11:25:36-05:00">September 10, 2018</time>'
    a = parse_article(page(head=stamps, header=header), URL)
    assert a.published_at.isoformat() == "2018-09-10T11:25:36-05:00" and a.updated_at is None
    later = ld(datePublished="2019-11-19 19:31:39", dateModified="2019-11-19 19:31:39")
    shown = '<time class="published" datetime="2019-11-18T19:14:00+00:00">Nov 18, 2019 7:14 PM</time>'
    b = parse_article(page(head=later, header=shown), URL)
    assert b.updated_at is not None  # a stamp a day later is a real revision


def test_a_caption_script_reads_the_title_of_an_image_classed_caption():
    body = ('<div class="field-item"><img class="caption" src="https://cdn.gazette.example/2019/11/night-depot.jpg" '
            'width="700" height="441" alt="Depot" title="The depot at night. (AFP file photo)"></div>' + BODY)
    assert _pictures(page(body=body)) == [("The depot at night.", "AFP file photo")]


@pytest.mark.parametrize(
    ("values", "tags"),
    [
        (["Elections, Governors", "Impeachment"], ["Elections, Governors", "Impeachment"]),  # one tag with a comma
        (["Hong Kong,Protest,Asia Pacific"], ["Hong Kong", "Protest", "Asia Pacific"]),  # a list in one value
        (["US;GLOBAL;MARKETS;Gold"], ["US", "GLOBAL", "MARKETS", "Gold"]),
        (["a", "b", "c"], []),  # an A-Z index, not tags
        (["Filed to: innovation", '"', "channel_other", "@hp-top-stories", "猫"], ["innovation", "猫"]),
        (["Bus Malam", "bus malam", "#Transportasi"], ["Bus Malam", "Transportasi"]),
    ],
)
def test_tag_lists_are_cleaned(values, tags):
    assert clean_tags(values) == tags


def test_a_packed_or_domain_section_is_cleaned():
    packed = parse_article(page(head='<meta property="article:section" content="game,news,slider">'), URL)
    assert packed.section == "game"
    domain = parse_article(page(head='<meta property="article:section" content="gazette.com">'), URL)
    assert domain.section is None


def test_a_promotion_picture_and_video_player_chrome_are_not_article_pictures_or_captions():
    body = (BODY[:300] + '<figure><img src="https://cdn.gazette.example/2019/11/magazine-cover.png"><figcaption>Need '
            'more buses? Subscribe to our sister title "Transit Monthly" for the latest news.</figcaption></figure>'
            '<figure><img src="https://cdn.gazette.example/2019/11/night-bus-video-still.jpg"><figcaption>JUST WATCHED '
            'Night buses return Replay More Videos ... MUST WATCH</figcaption></figure>' + BODY[300:])
    images = parse_article(page(body=body), URL).images
    assert [(i.url.rsplit("/", 1)[-1], i.caption) for i in images] == [("night-bus-video-still.jpg", None)]


# --- rules a held-out check on unseen pages asked for (2026-12-01) ----------------------------------------
def test_sizes_of_one_picture_share_the_folder_that_holds_them():
    # a number of five digits or more is the picture's own id, whatever folder of transforms holds it
    assert stable_key("https://img.gazette.example/imgs/p/2w5IdCqve0mMIzS4K5kC-28IDAer/26698.jpg") != \
        stable_key("https://img.gazette.example/imgs/p/2w5IdCqve0mMIzS4K5kC-28IDAer/26699.jpg")
    assert stable_key("https://media-cdn.gazette.example/image/gz.1.3919259/640x360?v=1") == \
        stable_key("https://media-cdn.gazette.example/image/gz.1.3919259/1200x675?v=2")
    assert stable_key("https://s.gazette.example/photos/01/07/18637072/5/920x920.jpg") == \
        stable_key("https://s.gazette.example/photos/01/07/18637072/5/rawImage.jpg")
    assert stable_key("https://cdn.gazette.example/uploads/image/64664479/DSCF2931.0.jpg") == \
        stable_key("https://cdn.gazette.example/uploads/file/13721811/DSCF2931.jpg")
    # pictures in one upload or date folder stay apart
    assert stable_key("https://www.gazette.example/wp-content/uploads/2019/11/1.jpg") != \
        stable_key("https://www.gazette.example/wp-content/uploads/2019/11/2.jpg")
    assert stable_key("https://cdn.gazette.example/20191120/640x360.jpg") != \
        stable_key("https://cdn.gazette.example/20191120/1280x720.jpg")  # a date folder names no picture
    # a short word under the folder of sizes; a rendition's hash after the name
    assert stable_key("https://media-cdn.gazette.example/image/gz.1.4006527/1200x675/kopie.jpg?v=1") == \
        stable_key("https://media-cdn.gazette.example/image/gz.1.4006527/640x360?v=2")
    proxied = "https://img.gazette.example/bound/1200x1200/_www_/imgs/18/2/A192528_large_Depot-86e317e6b44fd5cf.jpeg"
    assert stable_key(proxied) == stable_key("https://www.gazette.example/imgs/18/2/A192528_large_Depot-ae8b2233f0b52e59.jpeg")
    assert stable_key("https://www.gazette.example/imgs/18/2/100-57b35ce9391a88cc.png") != \
        stable_key("https://www.gazette.example/imgs/18/2/100-0d0675399857994b.png")  # no name left: apart
    # a size word closing the name: "…_3x2_md" and "…_3x2_rt" are one picture, "image_large" names none
    assert stable_key("https://f.gazette.example/foto/2018/12/21/15454034955c1c_1545403495_3x2_md.jpg") == \
        stable_key("https://f.gazette.example/foto/2018/12/21/15454034955c1c_1545403495_3x2_rt.jpg")
    assert stable_key("https://cdn.gazette.example/2019/11/night-depot-large.jpg") == \
        stable_key("https://cdn.gazette.example/2019/11/night-depot.jpg")
    assert stable_key("https://cdn.gazette.example/2019/11/night-depot-1-large.jpg") != \
        stable_key("https://cdn.gazette.example/2019/11/night-depot-2-large.jpg")  # two pictures stay two


def test_srcset_urls_may_hold_commas_as_cloudinary_writes_them():
    from bs4 import BeautifulSoup

    from flows.extract.images import image_url, srcset_entries
    srcset = ("https://img.gazette.example/upload/c_fill,f_auto,q_80,w_320/bus.jpg 320w, "
              "https://img.gazette.example/upload/c_scale,f_auto,q_80,w_1600/bus.jpg 1600w")
    assert image_url(BeautifulSoup(f'<img srcset="{srcset}">', "lxml").img, URL) == \
        "https://img.gazette.example/upload/c_scale,f_auto,q_80,w_1600/bus.jpg"
    assert image_url(BeautifulSoup(f'<img data-srcset="{srcset}">', "lxml").img, URL) == \
        "https://img.gazette.example/upload/c_fill,f_auto,q_80,w_320/bus.jpg"
    assert srcset_entries("a.jpg 1x,b.jpg 2x") == [("a.jpg", 1.0), ("b.jpg", 2.0)]


@pytest.mark.parametrize(("src", "url"), [
    ("https://img.gazette.example/u/bus.jpg%201000w,%20https://img.gazette.example/u/bus-300x225.jpg%20300w",
     "https://img.gazette.example/u/bus.jpg"),
    ("https://img.gazette.example/u/bus-300x225.jpg 300w, https://img.gazette.example/u/bus.jpg 1000w",
     "https://img.gazette.example/u/bus.jpg"),
    ("https://img.gazette.example/u/bus%20300w.jpg", "https://img.gazette.example/u/bus%20300w.jpg"),
])
def test_a_srcset_written_into_src_gives_its_largest_picture(src, url):
    from bs4 import BeautifulSoup

    from flows.extract.images import image_url
    assert image_url(BeautifulSoup(f'<img src="{src}">', "lxml").img, URL) == url


def test_rendition_json_in_a_lazy_attribute_and_a_top_picture_under_an_h2_headline():
    from bs4 import BeautifulSoup

    from flows.extract.images import image_url
    img = BeautifulSoup('<img data-src=\'{"default":{"load":"defer","src":"//img.gazette.example/entityid/BBWXAUT.img'
                        '?h=450&amp;w=799"}}\'>', "lxml").img
    assert image_url(img, URL) == "https://img.gazette.example/entityid/BBWXAUT.img?h=450&w=799"
    header = ('<h2 class="article-header__title" itemprop="headline">Night buses return</h2>'
              '<figure class="article-image"><img src="https://www.gazette.example/imgs/18/2/depot-at-dawn.jpg">'
              '<figcaption><p class="source">(Bild:&nbsp;Gazette)</p></figcaption></figure>'
              '<time datetime="2019-06-20T07:30:00">20.06.2019</time>'
              '<figure><img src="https://www.gazette.example/imgs/18/3/bus-stop.jpg"><figcaption>A stop. Bild:'
              '</figcaption></figure>')
    html = page(header=header).replace('<h1 class="headline">Night buses return</h1>', "")
    images = parse_article(html, URL).images
    assert [(i.url.rsplit("/", 1)[-1], i.credit) for i in images] == [
        ("depot-at-dawn.jpg", "Bild: Gazette"), ("bus-stop.jpg", None)]  # an empty credit label is no credit


def test_a_byline_box_named_in_german_and_an_address_in_the_author_meta():
    head = '<meta name="author" content="GAZETTE ONLINE, Hamburg, Germany">'
    after = '<div class="dig-autoren">Von Anna Beispiel</div>'
    html = page(head=head, after=after, lang="de").replace("The Gazette", "Gazette Online")
    assert parse_article(html, URL).authors == ["Anna Beispiel"]


def test_a_naive_time_on_a_german_page_is_central_european_time():
    header = '<time datetime="2019-05-15 05:28:29">15. Mai 2019, 05:28 Uhr</time>'
    a = parse_article(page(header=header, lang="de"), URL)
    assert a.published_at.isoformat() == "2019-05-15T05:28:29+02:00"


def test_a_credit_appended_to_the_picture_title_under_a_plain_caption_box():
    body = (BODY[:300] + '<div class="picBox medium"><a class="overlayLink" href="#"><img src="https://www.gazette.'
            'example/image/47985084_404.jpg" title="Ann Example (picture-alliance/dpa/L. Schwedes)" alt="Ann Example '
            '(picture-alliance/dpa/L. Schwedes)"></a><p>Ann Example helped organize the night routes</p></div>'
            + BODY[300:])
    assert _pictures(page(body=body)) == [("Ann Example helped organize the night routes",
                                           "picture-alliance/dpa/L. Schwedes")]


def test_a_credit_named_by_its_word_after_a_dash():
    assert split_credit("El terremoto provocó una emergencia - crédito @alejoeder/X") == (
        "El terremoto provocó una emergencia", "crédito @alejoeder/X")
    assert split_credit("Credit card debt rises - Fed says more") == ("Credit card debt rises - Fed says more", None)


def test_a_date_and_author_fact_list_beside_the_article():
    facts = ('<div class="col1"><ul class="smallList"><li><strong>Date</strong> 19.01.2020</li><li><strong>Author'
             '</strong> Ben Example</li><li><strong>Related Subjects</strong> <a href="/t/berlin">Berlin</a></li>'
             '</ul></div>')
    gallery = ('<ul><li><div><p>A slide about the depot.</p><p class="author">Author: Other Person (eg)</p></div>'
               '</li></ul>')
    a = parse_article(page(body=BODY + gallery, after=facts), URL)
    assert a.authors == ["Ben Example"]
    assert a.published_at.date().isoformat() == "2020-01-19"


def test_a_credit_repeated_at_the_caption_end_and_a_worded_credit_glued_to_its_dash():
    body = ('<figure><img src="https://cdn.gazette.example/2026/08/night-rescue.jpg"><figcaption>Rescue teams inspect '
            'the depot. Foto: AFP. <strong>Foto: AFP</strong></figcaption></figure>' + BODY)
    assert _pictures(page(body=body, lang="es")) == [("Rescue teams inspect the depot.", "Foto: AFP")]
    assert split_credit("Los departamentos más afectados -crédito Luisa González/REUTERS") == (
        "Los departamentos más afectados", "crédito Luisa González/REUTERS")


def test_a_slide_description_beside_its_picture_and_the_credit_in_the_picture_title():
    slides = ('<ul class="gallery"><li><div class="teaserImg"><img src="https://www.gazette.example/image/36038592_303'
              '.jpg" title="Night bus depot, 1902 (picture alliance/dpa/K-D.Gabbert)"></div><div class="teaserContent">'
              '<div class="tools"></div><h4>Night buses through the years</h4><h2>The first depot</h2><p>The first '
              'depot opened in 1902 with six horse-drawn night carriages.</p></div></li></ul>')
    teaser = ('<div class="card"><div class="teaserImg"><img src="https://www.gazette.example/image/99038592_303.jpg">'
              '</div><div class="teaserText"><h2><a href="/other">Other story</a></h2><p>An excerpt of another '
              'story about trams.</p></div></div>')
    pictures = _pictures(page(body=BODY + slides + teaser))
    assert pictures[0] == ("The first depot opened in 1902 with six horse-drawn night carriages.",
                           "picture alliance/dpa/K-D.Gabbert")
    assert all(caption != "An excerpt of another story about trams." for caption, _ in pictures)


def test_a_photograph_credit_in_the_byline_area_is_no_author_and_a_cut_headline_gives_way():
    header = ('<p class="byline">By Ann Example</p><div class="credit-author">Photograph by Ben Lens, Island '
              'Restoration Programme</div>')
    assert parse_article(page(header=header), URL).authors == ["Ann Example"]
    head = (ld(headline="Night buses return to the eastern districts after a two-year pause for the...")
            + '<title>Night buses return to the eastern districts after a two-year pause for the winter | Gazette'
              '</title>')
    html = page(head=head).replace('<h1 class="headline">Night buses return</h1>', "").replace(
        "<title>Night buses return | The Gazette</title>", "")
    assert parse_article(html, URL).title == ("Night buses return to the eastern districts after a two-year pause "
                                              "for the winter")


def test_zones_from_the_language_or_the_country_domain_are_kept_apart():
    from flows.extract.zones import default_zone

    zone = lambda lang, url: str(default_zone(None, None, lang, url))  # noqa: E731
    assert zone("ms", "https://berita.example.com/a") == "Asia/Kuala_Lumpur"  # Malay
    assert zone(None, "https://news.example.ms/a") == "None"  # .ms is Montserrat, not Malaysia
    assert zone(None, "https://news.example.vi/a") == "None"  # .vi is the US Virgin Islands
    assert zone(None, "https://www.example.de/a") == "Europe/Berlin"
    assert zone("ko", "https://news.example.co.id/a") == "Asia/Seoul"  # the page's language comes first
    assert zone("zh", "https://news.example.com/a") == "Asia/Shanghai"  # written only where clocks read UTC+8
    assert zone(None, "https://www.example.fr/a") == "Europe/Paris"
    assert zone(None, "https://www.example.com.au/a") == "None"  # a country of several zones
    assert zone(None, "https://www1.example.com.br/a") == "America/Sao_Paulo"  # the capital's clock


def test_the_language_of_a_page_without_a_declaration_from_its_script():
    from flows.extract.language import detect

    assert detect("谷歌旗下的人工智能公司今天发布了新的研究成果，新电脑已可利用记忆自学。") == "zh"
    assert detect("トレンドマイクロは公衆無線LANを安全に使うためのアプリを発表した。") == "ja"
    assert detect("서울시는 오늘 심야 버스 노선을 다시 운행한다고 발표했다 시민들은 환영했다") == "ko"
    assert detect("The council voted on Tuesday to bring back the night buses for the eastern districts.") == "en"
    # an undeclared Chinese page reads its zone-less date line in China's clock
    html = ('<html><head><title>夜班公交恢复运行_新闻_公报网</title></head><body><h1>夜班公交恢复运行</h1>'
            '<div class="info"><span class="pubTime">2016年10月14日07:17</span></div><div class="content">'
            + "".join(f"<p>市议会周二投票决定，在暂停两年之后恢复东部地区的夜班公交线路，第{i}段。</p>"
                      for i in range(6))
            + "</div></body></html>")
    a = parse_article(html, "http://news.example.com/a/20161014/006270.htm")
    assert (a.language, a.published_at) == ("zh", datetime(2016, 10, 14, 7, 17, tzinfo=timezone(timedelta(hours=8))))
    assert a.title == "夜班公交恢复运行"  # the <title> adds its channel and site after underscores


def test_a_column_name_before_the_headline_in_the_h1_is_left_out():
    html = page(head='<meta property="og:title" content="Letters: Night buses | Bike lanes | Tax dollars">').replace(
        '<h1 class="headline">Night buses return</h1>',
        '<h1 class="entry-title"><div class="entry-section"><a href="/opinion/letters/">Letters to the Editor | </a>'
        '</div><span class="title">Letters: Night buses | Bike lanes | Tax dollars</span></h1>')
    assert parse_article(html, URL).title == "Letters: Night buses | Bike lanes | Tax dollars"


def test_update_stamps_that_contradict_each_other():
    # the publication reads -08:00 from the visible time; JSON-LD marks the local modification time "Z"
    header = '<div class="byline">By Ann Example <span class="date">January 16, 2023 at 4:30 p.m.</span></div>'
    head = (ld(datePublished="2023-01-17T00:30:41Z", dateModified="2023-01-17T03:58:18Z")
            + '<meta property="article:modified_time" content="2023-01-17T11:58:18+00:00">')
    a = parse_article(page(head=head, header=header), URL)
    assert a.published_at == datetime(2023, 1, 17, 0, 30, 41, tzinfo=UTC)
    assert a.updated_at == datetime(2023, 1, 17, 11, 58, 18, tzinfo=UTC)
    # a malformed JSON-LD modification before the publication gives way to the meta tag's later one
    head = (ld(datePublished="2020-01-10T09:00:04Z", dateModified="2020-01-10T00:59:47Z")
            + '<meta property="article:modified_time" content="2020-01-11T00:59:47+00:00">')
    assert parse_article(page(head=head), URL).updated_at == datetime(2020, 1, 11, 0, 59, 47, tzinfo=UTC)
    # every stamp before the publication: a scheduled post, no update
    head = ld(datePublished="2020-01-10T09:00:04Z", dateModified="2020-01-10T00:59:47Z")
    assert parse_article(page(head=head), URL).updated_at is None


def test_an_update_note_in_the_text_and_a_reading_time_line():
    body = ('<p>4 Min Read</p><p>WASHINGTON (Reuters) - The council voted on Tuesday to bring back the night buses '
            'across the eastern districts after a two-year pause.</p>' + BODY
            + "<p><em>Update July 3rd, 8:05AM ET: Added the council's statement.</em></p>")
    head = ld(datePublished="2019-07-03T04:22:07-04:00", dateModified="2019-07-03T04:22:07-04:00")
    a = parse_article(page(head=head, body=body), URL)
    assert a.updated_at == datetime(2019, 7, 3, 8, 5, tzinfo=timezone(timedelta(hours=-4)))
    assert a.paragraphs[0].text.startswith("WASHINGTON (Reuters)")  # "4 Min Read" is page furniture
    assert (a.dateline, a.agencies) == ("Washington", ["Reuters"])
    # a note older than the publication is no update
    html = page(head=ld(datePublished="2019-07-04T04:22:07-04:00"), body=body)
    assert parse_article(html, URL).updated_at is None
    # a note that gives only the time is on the publication's day, in the zone it names
    body = BODY + "<p><strong>UPDATE 12:00 PM PT</strong> -- Deputies were back at the depot on Thursday.</p>"
    a = parse_article(page(head=ld(datePublished="2015-02-26T07:11:00-08:00"), body=body), URL)
    assert a.updated_at == datetime(2015, 2, 26, 12, 0, tzinfo=timezone(timedelta(hours=-8)))
    a = parse_article(page(head=ld(datePublished="2015-02-26T13:11:00-08:00"), body=body), URL)
    assert a.updated_at is None  # before the publication: no update
    # the word "update" left to a red-bar graphic: a zoned time and a dash open the note
    for note, updated in (('<img alt="update_graphic_red_bar" src="/update-red-bar.jpg"><strong>12:00 PM PT</strong> '
                           "-- Deputies were back at the depot on Thursday.", datetime(2015, 2, 26, 20, 0, tzinfo=UTC)),
                          ("12:00 OK -- a label that names no zone.", None)):
        a = parse_article(page(head=ld(datePublished="2015-02-26T07:11:00-08:00"), body=BODY + f"<p>{note}</p>"), URL)
        assert a.updated_at == updated


def test_a_caption_beside_a_link_that_only_frames_the_picture():
    figure = ('<div class="art-img art-img--medium"><a class="art-img__frame"><picture><img '
              'src="https://www.gazette.example/files/bus-depot.jpg" width="885" height="600" alt="The depot">'
              '</picture></a><div class="art-img__copy"><div class="art-img__copy__text">The depot at dawn, '
              'before the first night bus leaves.</div><div class="art-img__copy__author">Photograph by '
              '<span>Ann Lens, Gazette</span></div></div></div>')
    a = parse_article(page(body=BODY + figure + BODY), URL)
    assert [(i.caption, i.credit) for i in a.images] == [
        ("The depot at dawn, before the first night bus leaves.", "Photograph by Ann Lens, Gazette")]
    # a frame beside a share bar keeps no caption
    shared = ('<div class="hero-img"><a class="hero-img__frame"><img src="https://www.gazette.example/files/d.jpg" '
              'width="885" height="600"></a><div class="share"><a href="/s/fb">Facebook</a> <a href="/s/tw">Twitter'
              '</a></div></div>')
    assert [i.caption for i in parse_article(page(body=BODY + shared + BODY), URL).images] == [None]


def test_a_korean_opening_bracket_signs_the_article_and_date_lines_in_other_languages_are_not_text():
    body = ("<p>기사입력 :[ 2019-11-19 15:24 ]</p><p>[가제트미디어=김민수의 교통이야기] 심야버스가 동부 지역에 다시 "
            "다니게 되었다. 시의회는 화요일 이 안건을 통과시켰다.</p>" + BODY)
    a = parse_article(page(body=body, lang="ko"), URL)
    assert a.authors == ["김민수"]
    assert a.paragraphs[0].text.startswith("[가제트미디어=")  # the date line is not body text
    from flows.extract.boilerplate import is_date_line
    assert is_date_line("Stand: 05/08/2019, 5:30") and is_date_line("입력 2019.11.19 10:20 | 수정 2019.11.19 11:00")
    assert not is_date_line("10 tips for 2019")
    from flows.extract.bylines import opening_credit
    assert opening_credit("[서울=뉴시스] 홍길동 기자 = 서울시가") == "홍길동"
    assert opening_credit("[사진=연합뉴스] 서울") is None  # a picture credit, not a writer


@pytest.mark.parametrize(("opening", "authors"), [("【ロンドン＝山田一郎】", ["山田一郎"]),
                                                  ("【北京＝中国総局】", []), ("【ワシントン＝共同】", [])])
def test_a_japanese_opening_bracket_names_place_and_writer(opening, authors):
    body = (f"<p>{opening}夜行バスが月曜日から東部地区で再び運行されることになった。市議会が火曜日に決めた。</p>"
            "<p>市によると、深夜の路線は三つ増える。利用者からは歓迎の声が上がっている。</p>" + BODY)
    assert parse_article(page(body=body, lang="ja"), URL).authors == authors


def test_a_dateline_with_a_slash_names_its_wire_and_a_publisher_address_in_the_author_meta_is_no_person():
    body = ("<p>Frankfurt/Main (dpa) - Der Stadtrat hat am Dienstag beschlossen, die Nachtbusse in den östlichen "
            "Bezirken wieder fahren zu lassen.</p>" + BODY)
    head = '<meta name="author" content="Gazette.de GmbH, Munich, Germany">'
    a = parse_article(page(head=head, body=body, lang="de"), URL)
    assert (a.dateline, a.agencies, a.authors) == ("Frankfurt/Main", ["dpa"], [])


def test_a_marked_headline_may_end_in_a_dash_clause():
    head = '<meta property="og:title" content="Night bus debate » Gazette Blogs - Science blogs">'
    html = page(head=head).replace(
        '<h1 class="headline">Night buses return</h1>',
        '<h1 class="entry-title">Why the night buses came back – a rider’s view</h1>').replace(
        '<a href="/">The Gazette</a>', '<h1><a href="/">BLOG: The Transit Column</a></h1>')
    assert parse_article(html, URL).title == "Why the night buses came back – a rider’s view"


def test_a_credit_span_told_by_its_label_beside_the_caption_span():
    figure = ('<figure class="figure"><div class="embed"><img class="figure__image" alt="The depot" '
              'data-src="//media.gazette.example/lw800/depot_17178384.jpg"></div><figcaption>'
              '<p class="figure__caption"><span class="mr10">The depot will house forty night buses.</span>'
              '<span>Credit: Ann Lens/Gazette</span>'
              '</p></figcaption></figure>')
    a = parse_article(page(body=figure + BODY), URL)
    assert [(i.caption, i.credit) for i in a.images] == [("The depot will house forty night buses.",
                                                          "Credit: Ann Lens/Gazette")]


def test_a_date_and_time_set_apart_by_a_bar_or_um_and_a_utc_mark_on_the_local_time():
    got = find_dates("08.03.2016 | 15:30 Uhr", None, "")
    assert got and got[0].has_time and (got[0].at.hour, got[0].at.minute) == (15, 30)
    assert find_dates("08.03.2016 um 15:30 Uhr", None, "")[0].has_time
    # WordPress before 5.3 marked the local time "+00:00"; the line a German reader sees says 15:30
    header = '<time datetime="2016-03-08T15:30:55+00:00" itemprop="datePublished">08.03.2016 | 15:30 Uhr</time>'
    a = parse_article(page(header=header, lang="de"), "https://www.gazette.example.de/2016/03/08/nachtbusse")
    assert a.published_at == datetime(2016, 3, 8, 14, 30, 55, tzinfo=UTC)


def test_a_gallery_kept_whole_only_in_its_noscript_fallback_and_a_logo_share_picture():
    thumbs = "".join(
        f'<figure><a href="https://pics.gazette.example/1/8/{n}-1080.jpg"><img src="https://pics.gazette.example/1/8/'
        f'{n}-1080.jpg" width="280" height="187" alt="Night bus"></a><figcaption>Night bus {n}</figcaption></figure>'
        for n in range(1, 5))
    gallery = ('<figure class="gallery"><ol><li><figure class="gallery__figure"><img src="https://pics.gazette.example/'
               '1/8/1-1080.jpg" width="289" height="473" alt="Night bus"></figure></li></ol>'
               '<div class="gallery-current">Picture 1 of 4</div></figure>'
               f'<noscript><div class="text-asset"><figure class="thumbs thumbs--4">{thumbs}</figure></div></noscript>')
    head = '<meta property="og:image" content="https://www.gazette.example/img/gazette_fb_logo.jpg">'
    a = parse_article(page(head=head, body=BODY[:400] + gallery + BODY[400:]), URL)
    assert [i.url.rsplit("/", 1)[-1] for i in a.images] == ["1-1080.jpg", "2-1080.jpg", "3-1080.jpg", "4-1080.jpg"]
    # a <noscript> notice is no gallery: its text stays out
    notice = "<noscript><p>Please enable JavaScript to see the comments.</p><img src='https://t.example/p.gif'></noscript>"
    assert "enable JavaScript" not in parse_article(page(body=BODY + notice), URL).body_text


def test_a_line_closing_the_text_describes_the_lead_picture():
    header = '<figure class="hero"><img src="https://www.gazette.example/up/2020/01/depot-at-dawn.jpg"></figure>'
    body = (BODY + '<p style="font-size:11px"><em>Header Image: </em>The depot at dawn, before the first night bus '
            'leaves. <em>Credit: Ann Lens/Gazette (<a href="/licence">CC BY-NC-ND 2.0</a>)</em></p>')
    a = parse_article(page(header=header, body=body), URL)
    assert [(i.caption, i.credit) for i in a.images] == [
        ("The depot at dawn, before the first night bus leaves.", "Credit: Ann Lens/Gazette (CC BY-NC-ND 2.0)")]
    assert "Header Image" not in a.body_text
    body = BODY + '<p style="font-size:12px"><u>Beitragsbild:</u> Titelseite der Gazette vom 2.4.2019, Ausriss.</p>'
    a = parse_article(page(header=header, body=body, lang="de"), URL)
    assert a.images[0].caption == "Titelseite der Gazette vom 2.4.2019, Ausriss."


@pytest.mark.parametrize(
    ("after", "authors"),
    [
        ('<div class="meta">posted by Stadler at 12:53 <a href="/labels/recht">Recht</a></div>', ["Stadler"]),
        ('<div class="entry-footer"><div class="right"><span>Malte Welding </span> | 29.07.2006 um 14:26</div></div>',
         ["Malte Welding"]),
        ('<div class="entry-footer"><div class="right">Night Buses | Tram Lines | Bike Lanes</div></div>', []),
    ],
)
def test_a_signature_line_under_the_text(after, authors):
    assert parse_article(page(after=after), URL).authors == authors


def test_a_drupal_submitted_footer_and_a_loader_of_its_own_naming():
    header = ('<footer class="article__submitted"><p class="submitted"><span rel="sioc:has_creator">Ein Artikel von '
              '<span class="username">Anja Franke</span> <span class="date">06.05.2019</span></span></p></footer>')
    figure = ('<figure><img src="data:image/jpeg;base64,AAAA" data-dejavu-src="https://cdn.gazette.example/2020/01/'
              'depot.jpg" width="838" height="687"><figcaption><span itemprop="caption" class="caption">The depot'
              '</span><span class="bullet">&bull;</span><span class="copyright">Crédits : '
              '<em itemprop="copyrightHolder">Getty</em></span></figcaption>'
              '</figure>')
    a = parse_article(page(header=header, body=figure + BODY, lang="de"), URL)
    assert a.authors == ["Anja Franke"]
    assert [(i.url.rsplit("/", 1)[-1], i.caption, i.credit) for i in a.images] == [
        ("depot.jpg", "The depot", "Crédits : Getty")]


def test_a_kicker_h1_above_the_headline_and_an_rdfa_creation_date():
    head = '<meta property="og:title" content="Holes in the safety net">'
    header = ('<footer class="article__submitted"><p class="submitted"><span property="dc:date dc:created" '
              'content="2019-05-06T16:22:01+02:00" rel="sioc:has_creator">An article by <span class="username">Anja '
              'Franke</span> <span class="date">06.05.2019</span></span></p></footer>'
              '<h2 class="article__title">Holes in the safety net</h2>')
    html = page(head=head, header=header).replace(
        '<h1 class="headline">Night buses return</h1>',
        '<h1 class="field--subline">World council reports on the state of the night buses</h1>')
    a = parse_article(html, URL)
    assert a.title == "Holes in the safety net"
    assert a.published_at == datetime(2019, 5, 6, 16, 22, 1, tzinfo=timezone(timedelta(hours=2)))
    assert a.authors == ["Anja Franke"]


ET = timezone(timedelta(hours=-5))
PST = timezone(timedelta(hours=-8))


@pytest.mark.parametrize(
    ("head", "header", "after", "published", "updated"),
    [
        # CNN: the header shows the last update, "First published …" under the text the publication
        ("", '<span class="byline">by Ann Example</span> <span class="cnnDateStamp"> February 1, 2016: 12:41 PM ET'
             '</span>',
         '<div class="storytimestamp"><span class="cnnDateStamp">First published February 1, 2016: 1:28 AM ET</span>'
         '</div>', datetime(2016, 2, 1, 1, 28, tzinfo=ET), datetime(2016, 2, 1, 12, 41, tzinfo=ET)),
        # a template's <time datetime> marks the metadata's local wall clock UTC
        ('<meta property="article:published_time" content="2016-12-22T10:43:37-08:00">'
         '<meta property="article:modified_time" content="2016-12-22T18:59:12-08:00">',
         '<time class="op-published H" datetime="2016-12-22T10:43:37Z">December 22, 2016</time>'
         '<time class="op-modified H" datetime="2016-12-22T18:59:12Z"></time>', "",
         datetime(2016, 12, 22, 10, 43, 37, tzinfo=PST), datetime(2016, 12, 22, 18, 59, 12, tzinfo=PST)),
    ],
)
def test_date_sources_that_say_different_things(head, header, after, published, updated):
    a = parse_article(page(head=head, header=header, after=after), URL)
    assert (a.published_at, a.updated_at) == (published, updated)


def test_a_chinese_page_is_read_at_utc_plus_8_and_signs_at_its_end():
    body = (BODY + "<p>原标题：他晚于阿姆斯特朗登月</p><p><strong>作者︱春春</strong></p>")
    header = '<span id="pubtime">2017-03-10 09:58:03</span><span id="author_baidu">作者：</span>'
    head = ld(author={"@type": "Person", "name": "肖春芳"})  # the editor: the empty label leaves it to the signature
    a = parse_article(page(head=head, header=header, body=body, lang="zh-CN"),
                      "http://tech.gazette.example.cn/2017-03/10/c.htm")
    assert a.published_at == datetime(2017, 3, 10, 9, 58, 3, tzinfo=timezone(timedelta(hours=8)))
    assert a.authors == ["春春"] and "作者" not in a.body_text


def test_a_byline_that_reads_as_no_name_gives_way_to_the_metadata_writer():
    # another story's byline, its name set in pieces by markup: it names no one the metadata could be checked against
    header = '<p class="byline">By Rivka Galche<span class="tail"> n</span></p>'
    a = parse_article(page(head=ld(author={"@type": "Person", "name": "Alex Hutchinson"}), header=header), URL)
    assert a.authors == ["Alex Hutchinson"]


def test_the_writers_head_shot_is_no_article_picture_and_a_doubled_credit_label_goes():
    header = ('<p class="byline">By Corey Kilgo</p><img src="https://static.gazette.example/images/2018/02/'
              'author-corey-kilgo/author-corey-kilgo-thumbLarge.jpg" width="300" height="300">'
              '<figure><img src="https://static.gazette.example/images/2019/02/21/depot-articleLarge.jpg">'
              '<figcaption><span>The depot at dawn.</span><span itemprop="copyrightHolder"><span class="sr">Credit'
              '</span><span><span>Credit</span><span>Ann Lens/The Gazette</span></span></span></figcaption></figure>')
    after = ('<div class="author-box"><img src="https://static.gazette.example/up/2019/kilgo.jpg" alt="Corey Kilgo" '
             'width="200" height="200"></div>')
    a = parse_article(page(header=header, after=after), URL)
    assert [(i.url.rsplit("/", 1)[-1], i.caption, i.credit) for i in a.images] == [
        ("depot-articleLarge.jpg", "The depot at dawn.", "Ann Lens/The Gazette")]


def test_the_byline_under_a_lead_picture_is_not_its_caption():
    header = ('<figure class="figurearticlefeatured"><div class="featured-container"><img '
              'src="https://media.gazette.example/2016/11/depot-640x480.jpg" width="640" height="480" alt="The depot">'
              '<div class="attribution">ANN LENS/AFP/Getty Images</div></div></figure>'
              '<p class="byline"><span class="by-author">by Lucas Nolan</span> 22 Dec 2016</p>')
    a = parse_article(page(header=header), URL)
    assert [(i.caption, i.credit) for i in a.images] == [(None, "ANN LENS/AFP/Getty Images")]
    assert a.authors == ["Lucas Nolan"]


def test_a_us_date_line_that_also_signs_and_a_date_in_a_title_attribute():
    header = '<h5 class="article-posted-date">2/26/2015 7:11 AM PST BY GAZETTE STAFF</h5>'
    a = parse_article(page(header=header), URL)
    assert a.published_at == datetime(2015, 2, 26, 7, 11, tzinfo=timezone(timedelta(hours=-8)))
    assert [n.lower() for n in a.authors] == ["gazette staff"]
    header = ('<li class="date-and-time" title="2015-03-13T21:00:00+11:00"><span class="datestamp">March 13, 2015'
              '</span> <span class="timestamp">9:00PM</span></li>')
    a = parse_article(page(header=header), URL)
    assert a.published_at == datetime(2015, 3, 13, 21, 0, tzinfo=timezone(timedelta(hours=11)))
    # a French domain keeps French time for a naive stamp
    head = '<meta property="article:published_time" content="2015-04-30 07:19:58">'
    a = parse_article(page(head=head, lang="fr"), "https://www.gazette.example.fr/monde/2015/04/30/bus")
    assert a.published_at == datetime(2015, 4, 30, 7, 19, 58, tzinfo=timezone(timedelta(hours=2)))


@pytest.mark.parametrize(
    ("closing", "authors"),
    [
        # an opinion piece without a byline, its writers introduced by the emphasized note closing it
        ("<p><b><i>Ana Ruiz Díaz es politóloga en la Universidad de Lisboa. Tomás de la Vega es abogado"
         "</i></b></p>", ["Ana Ruiz Díaz", "Tomás de la Vega"]),
        ("<p><em>— Jane Doe is a professor of transport policy at the city university.</em></p>", ["Jane Doe"]),
        # the story's last sentence about someone, not set apart, is no author note
        ("<p>Mark Hollis is expected to appear before the council again in March.</p>", []),
        # an emphasized note that is about something else names no one
        ("<p><i>Jane Doe is a professor. This column first ran in the weekend edition.</i></p>", []),
        # the invitation to follow the writer closing the note is part of it
        ('<p><i>Jo Reed is an assistant editor at The Gazette. Follow her on <a href="https://social.example/jo">'
         "Twitter</a>.</i></p>", ["Jo Reed"]),
        ("<p><i>Follow her on Twitter. Jo Reed is an assistant editor at The Gazette.</i></p>", []),
        # a bio in a quote box, its books linked outside the italics, its later sentences about the writer
        ('<blockquote><em>Jo Reed is a journalist and the author of several books, including</em> <a href="https:'
         '//books.example/1">The Long Night</a><em>,</em> <a href="https://books.example/2">Harbour Lights</a>'
         "<em>. She has produced radio reports and two documentaries over the past two decades, many of them for "
         "public broadcasters. Reed founded the Quayside Review in 2015 to cover the ports of the north coast."
         "</em></blockquote>", ["Jo Reed"]),
        ("<p><i>Jo Reed is a journalist. The council meets again in March to decide on the night buses.</i></p>",
         []),
        # a note opening with a link is a list of links, not a note
        ('<p><a href="https://books.example/1">Jo Reed is a journalist</a> <i>and the author of two books.</i></p>',
         []),
    ],
)
def test_an_emphasized_author_note_closing_an_opinion_piece_names_its_writers(closing, authors):
    assert parse_article(page(body=BODY + closing), URL).authors == authors


def test_a_byline_wins_over_a_closing_author_note():
    closing = "<p><i>Jane Doe is a professor of transport policy at the city university.</i></p>"
    header = '<p class="byline">By Lucas Nolan</p>'
    assert parse_article(page(header=header, body=BODY + closing), URL).authors == ["Lucas Nolan"]


def test_teaser_cards_for_other_stories_are_not_the_articles_pictures():
    own = ('<figure><img src="https://media.gazette.example/2019/11/depot-960.jpg" width="960" height="540" '
           'alt="The depot"><figcaption>The depot at dawn. Photo: Ann Lens</figcaption></figure>')
    # a thumbnail linking another story whose headline links it too; a card whose caption is a headline
    cards = ('<div class="story-block"><h4><a href="/news/2019/11/18/tram-fares">Tram fares to rise in spring</a>'
             '</h4><a href="/news/2019/11/18/tram-fares" class="thumb-link"><img '
             'src="https://media.gazette.example/2019/11/tram-200.jpg" width="200" height="150" alt=""></a></div>'
             '<figure class="layout"><a href="https://www.gazette.example/news/2019/11/17/bridge-repairs">'
             '<img src="https://media.gazette.example/2019/11/bridge-200.jpg" width="200" height="150" alt="">'
             '<figcaption><h3>The bridge closes for repairs again</h3></figcaption></a></figure>')
    a = parse_article(page(body=own + BODY + cards), URL)
    assert [i.url.rsplit("/", 1)[-1] for i in a.images] == ["depot-960.jpg"]


def test_linked_pictures_that_are_the_articles_own_stay():
    pictures = (
        # to the story's own photo page, filed under its slug, the caption inside the link
        '<div class="photo"><a href="/news/2019/11/19/night-buses/photo/2" class="lightbox"><img '
        'src="https://media.gazette.example/2019/11/driver-960.jpg" width="960" height="540" alt="">'
        '<div class="photo__desc">The first driver back on the night route. | Photo: Ann Lens</div></a></div>'
        # to the story's gallery, filed under the story's slug, with a link beside it
        '<div class="gallery-box"><div class="frame"><a href="/gallery/night-buses-return-to-the-east"><img '
        'src="https://media.gazette.example/2019/11/depot-night-960.jpg" width="960" height="540" alt=""></a></div>'
        '<h4><a href="/gallery/night-buses-return-to-the-east">See all twelve photos of the night route</a></h4></div>'
        # to a shop on another site, with a product link beside it
        '<div class="product"><a href="https://shop.example/bus-pass"><img '
        'src="https://media.gazette.example/2019/11/pass-640.jpg" width="640" height="480" alt=""></a>'
        '<a href="https://shop.example/bus-pass">Buy the yearly bus pass online</a></div>'
        # a graphic linking its own page, its caption a link as well
        '<div class="inline-graphic"><div class="photo-wrapper"><a href="/graphics/2019/11/01/route-map_graphic.html">'
        '<img src="https://media.gazette.example/2019/11/route-map.jpg" width="480" height="320" alt=""></a>'
        '<a href="/graphics/2019/11/01/route-map_graphic.html"><span class="headline">Map: The new night routes'
        '</span> View Graphic</a></div><span class="caption">Map: The new night routes</span></div>'
    )
    body = BODY.replace("</p>", "</p>" + pictures, 1)
    a = parse_article(page(body=body), "https://www.gazette.example/news/2019/11/19/night-buses-return-to-the-east")
    assert [i.url.rsplit("/", 1)[-1] for i in a.images] == [
        "driver-960.jpg", "depot-night-960.jpg", "pass-640.jpg", "route-map.jpg"]


def test_a_post_region_marked_published_is_read_for_its_header_date_only():
    # WordPress marks the whole post `status-publish`; the related stories at its end carry older dates
    related = "".join(f'<li><p class="day">2013年04月0{i}日</p><p><a href="/blog/{i}.html">Older post {i}</a></p></li>'
                      for i in range(1, 4))
    html = ('<html lang="ja"><head><meta property="article:published_time" content="2016-12-01T02:05:35+00:00">'
            '</head><body><article class="post type-post status-publish hentry"><h1>商品の改造が商標法違反に</h1>'
            '<ul class="meta"><li>by ライトハウス事務所 ／ 2016.12.01</li></ul><div class="entry">'
            + "".join(f"<p>先日、不正に改造した端末を販売したとして男性が逮捕されたというニュースでした。第{i}段落。"
                      "</p>" for i in range(5))
            + f'</div><div class="yarpp-related"><ul>{related}</ul></div></article></body></html>')
    a = parse_article(html, "https://www.example.jp/blog/index-2726.html")
    assert a.published_at == datetime(2016, 12, 1, 2, 5, 35, tzinfo=UTC)


def test_a_published_at_meta_tells_the_offset_of_naive_json_ld_times():
    head = (ld(datePublished="2017-11-03 03:01:00.000000", dateModified="2017-11-03 02:22:36.000000")
            + '<meta class="swiftype" name="published_at" data-type="date" content="2017-11-03T03:01:00-04:00">')
    a = parse_article(page(head=head), URL)
    assert (a.published_at, a.updated_at) == (datetime(2017, 11, 3, 3, 1, tzinfo=timezone(timedelta(hours=-4))), None)


def test_a_section_front_credits_no_one_with_its_teasers_bylines_and_pictures():
    teasers = "".join(
        f'<li><h2><a href="/news/2019/11/1{i}/story-{i}">Story number {i} about the night buses</a></h2>'
        f'<p class="byline">By Writer Number{i}</p><img src="https://media.gazette.example/2019/11/s{i}.jpg" '
        f'width="600" height="400" alt=""><p>{BODY[3:200]}</p></li>' for i in range(1, 6))
    html = ('<html lang="en"><head><title>News | The Gazette</title>'
            + '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "CollectionPage", '
              '"name": "News"}</script>'
            + f'</head><body><main><ol class="stream">{teasers}</ol></main></body></html>')
    a = parse_article(html, "https://www.gazette.example/news/")
    assert (a.authors, a.images, a.published_at) == ([], [], None)


def test_pictures_between_a_masthead_h1_and_the_headline_are_the_sites_rail():
    rail = "".join(f'<div class="v-item"><div class="media"><img src="https://media.gazette.example/rail/show-{i}.jpg" '
                   f'alt=""></div><h2 class="title">Tonight on the Gazette channel, part {i}</h2></div>'
                   for i in range(3))
    html = page(header="").replace(
        '<header class="site-header"><a href="/">The Gazette</a>',
        f'<header class="site-header"><h1><a href="/">The Gazette - news around the clock</a></h1>{rail}')
    html = html.replace('<div class="article-body">', '<div class="article-body"><figure><img '
                        'src="https://media.gazette.example/2019/11/depot-960.jpg" width="960" height="540" alt="">'
                        '</figure>')
    a = parse_article(html, URL)
    assert a.title == "Night buses return"
    assert [i.url.rsplit("/", 1)[-1] for i in a.images] == ["depot-960.jpg"]


def test_a_logo_or_an_author_photo_in_the_header_is_no_top_picture():
    header = ('<div class="authorinfo"><span class="partnerlogo"><img alt="Tech Weekly" '
              'src="https://img.gazette.example/entityid/BBlfvkM.img?h=100&amp;w=100"></span>'
              '<span class="author-photo"><img src="https://img.gazette.example/people/jane.jpg" alt=""></span>'
              '<p class="byline">By Jane Doe</p></div>'
              # the lead picture in its own box, inside a wrapper that also holds the author and share bar
              '<div class="sticky author-and-share"><div class="ctn-images"><img '
              'src="https://img.gazette.example/2019/11/depot-960.jpg" alt="The depot"></div></div>')
    a = parse_article(page(header=header), URL)
    assert [i.url.rsplit("/", 1)[-1] for i in a.images] == ["depot-960.jpg"]


def test_a_chart_filed_under_a_share_of_slug_is_one_picture_and_plugin_buttons_are_none():
    base = "https://static.gazette.example/graphics/2019/11/18/fares-as-a-share-of-income/3f2a9c"
    chart = (
        '<section id="fares-as-a-share-of-income" class="interactive-embedded"><div class="ai2html">'
        f'<div class="g-artboard" data-min-width="600"><img class="g-aiImg" data-src="{base}/fares-Artboard_2.png" '
        'src="data:image/gif;base64,R0lGODlhCgAKAIAAAB8fHwAAACH5BAEAAAAALAAAAAAKAAoAAAIIhI+py+0PYysAOw=="></div>'
        f'<div class="g-artboard" data-max-width="599"><img class="g-aiImg" data-src="{base}/fares-Artboard_3.png" '
        'src="data:image/gif;base64,R0lGODlhCgAKAIAAAB8fHwAAACH5BAEAAAAALAAAAAAKAAoAAAIIhI+py+0PYysAOw=="></div>'
        '</div></section>')
    buttons = ('<div class="ssba"><a href="https://www.facebook.com/sharer.php?u=x"><img '
               'src="https://www.gazette.example/wp-content/plugins/simple-share-buttons-adder/buttons/somacro/facebook.png"'
               ' alt="Facebook"></a></div>')
    body = BODY.replace("</p>", "</p>" + chart, 1) + buttons
    a = parse_article(page(body=body), URL)
    assert [i.url.rsplit("/", 1)[-1] for i in a.images] == ["fares-Artboard_2.png"]


def test_the_picture_a_page_shares_is_the_articles_but_a_share_bar_is_not():
    body = ('<div class="mbArticleSharePic"><img src="https://img.gazette.example/pics/2140/139214868.jpg" '
            'alt="Night buses return"></div>' + BODY
            + '<div class="bshareDiv"><img src="https://static.share.example/frame/images/more.gif" alt=""></div>')
    a = parse_article(page(body=body), URL)
    assert [i.url.rsplit("/", 1)[-1] for i in a.images] == ["139214868.jpg"]


def test_a_closing_parenthesis_naming_the_wires_credits_them():
    a = parse_article(page(body=BODY + "<p><em>(GAZETTE 24 with AFP, REUTERS)</em></p>"), URL)
    assert a.agencies == ["AFP", "Reuters"]
    a = parse_article(page(body=BODY + "<p>(Dio/Ysl)</p>"), URL)
    assert a.agencies == []


def test_pictures_behind_one_resizing_proxy_stay_apart():
    proxy = ("https://o.cdn.example/images/dims?crop=1600%2C1067&quality=85&resize=1600%2C1067&image_uri="
             "http%3A%2F%2Fo.cdn.example%2Fstorage%2Fmidas%2F{h}%2F2058260{n}%2FDepot%2Bgallery%2B{n}.jpg"
             "&client=a1ac&signature={h}")
    figures = "".join(f'<figure><img src="{proxy.format(h=h, n=n)}" width="1600" height="1067"></figure>'
                      for n, h in ((7, "c0f2d3"), (5, "991388")))
    a = parse_article(page(body=BODY.replace("</p>", "</p>" + figures, 1)), URL)
    assert [i.url.split("signature=")[-1] for i in a.images] == ["c0f2d3", "991388"]
    assert stable_key(proxy.format(h="x", n=7)) != stable_key(proxy.format(h="x", n=5))


def test_a_chinese_sign_off_closing_the_text_names_the_writer_and_loading_lines_are_furniture():
    paragraphs = "".join(f"<p>市议会周二投票决定，在暂停两年之后恢复东部地区的夜班公交线路，第{i}段。</p>"
                         for i in range(5))
    body = (paragraphs + "<p>新线路将于下周一开始运行。（编译/林靖东）</p><p>[责任编辑：alonliu]</p>"
            "<p>精彩视频推荐</p><p>正在加载...</p>")
    html = (f'<html><head><title>夜班公交恢复运行_新闻_公报网</title></head><body><h1>夜班公交恢复运行</h1>'
            f'<div class="content">{body}</div></body></html>')
    a = parse_article(html, "http://news.example.com/a/20161014/006270.htm")
    assert a.authors == ["林靖东"]
    assert a.paragraphs[-1].text == "新线路将于下周一开始运行。"
    assert not any("alonliu" in p.text or "加载" in p.text for p in a.paragraphs)


def test_an_element_classed_as_the_agency_names_it():
    body = BODY + '<p class="c-signature"><strong class="c-signature__agency">Gazeta Wire</strong></p>'
    a = parse_article(page(body=body), URL)
    assert a.agencies == ["Gazeta Wire"]


def test_json_ld_in_a_cdata_section_and_a_last_updated_line_in_the_author_box():
    head = ('<script type="application/ld+json" class="schema-output">\n<![CDATA[\n[{"@context": "https://schema.org/",'
            ' "@type": "BreadcrumbList", "itemListElement": []}, {"@context": "https://schema.org/",'
            ' "@type": "NewsArticle", "datePublished": "2020-07-10T14:15:42+00:00", '
            '"dateModified": "2025-01-07T09:08:22+00:00"}]\n]]>\n</script>')
    header = ('<div class="author-details"><div datetime="2025-01-07T09:08:22+00:00"><em>Last Updated:</em> '
              'January 7, 2025</div></div>')
    a = parse_article(page(head=head, header=header), URL)
    assert (a.published_at, a.updated_at, a.authors) == (
        datetime(2020, 7, 10, 14, 15, 42, tzinfo=UTC), datetime(2025, 1, 7, 9, 8, 22, tzinfo=UTC), [])


def test_a_quoted_social_post_dates_itself_not_the_article():
    post = ('<blockquote class="instagram-media"><div><p>Thank you all</p><p>A post shared by Adele (@adele) on '
            '<time style="font-family:Arial" datetime="2019-06-16T14:30:13+00:00">Jun 16, 2019 at 7:30am PDT</time>'
            '</p></div></blockquote>')
    head = ld(datePublished="2019-06-20T10:59:05+0200")
    html = page(head=head, body=post + BODY, lang="de").replace('<h1 class="headline">Night buses return</h1>',
                                                                '<h2 class="headline">Night buses return</h2>')
    a = parse_article(html, "https://www.gazette.example/stars/night-buses-200226.html")
    assert a.published_at == datetime(2019, 6, 20, 10, 59, 5, tzinfo=timezone(timedelta(hours=2)))


def test_a_12_hour_machine_time_and_the_publication_line_under_an_updated_class():
    head = ld(datePublished="2018-04-05T06:00", dateModified="2018-04-11")
    header = '<div class="updated-date">April 5, 2018 | 6:00 PM</div>'
    a = parse_article(page(head=head, header=header), URL)
    assert a.published_at == datetime(2018, 4, 5, 18, 0, tzinfo=UTC)  # the PM the machine value lost
    assert a.updated_at == datetime(2018, 4, 11, tzinfo=UTC)  # the declared modification day, not the line


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        # a labelled day in an info box beside the text
        ("after", datetime(2019, 6, 7, tzinfo=timezone(timedelta(hours=2)))),
        # a bare date line just above the headline, with the writer's initials
        ("above", datetime(2019, 6, 14, tzinfo=timezone(timedelta(hours=2)))),
        # the text opens with its date, as wire copy does
        ("opening", datetime(2015, 2, 23, tzinfo=timezone(timedelta(hours=1)))),
    ],
)
def test_a_day_stated_only_beside_above_or_at_the_start_of_the_text(where, expected):
    html = page(lang="de", body=BODY.replace("<p>Paragraph 1", "<p>23. Februar 2015 -- Paragraph 1")
                if where == "opening" else BODY)
    if where == "after":
        html = html.replace("</article>", '</article><div class="widget_info"><strong>Quelle</strong><br>'
                                          'VERÖFFENTLICHT AM 07.06.2019</div>')
    if where == "above":
        html = html.replace('<h1 class="headline">', '<div class="meta">14.06.2019 (ch)</div><h1 class="headline">')
    a = parse_article(html, "https://www.gazette.example/news/night-buses")
    assert a.published_at == expected


def test_an_author_line_closing_the_text_names_the_writer_without_the_institution():
    body = BODY + "<p><em>Autor: Jana KLEIN, Landesanstalt für Verkehr, Dresden (D)</em></p>"
    a = parse_article(page(body=body, lang="de"), URL)
    assert a.authors == ["Jana KLEIN"]
    assert not any(p.text.startswith("Autor:") for p in a.paragraphs)


def test_a_metadata_author_takes_the_spelling_of_the_link_to_the_writers_page():
    head = ld(author={"@type": "Person", "name": "Anna Galazka"})
    after = ('<div class="article__taxonomy"><span class="article__footer__date">20. Juni 2019</span> '
             '<strong><a href="/redaktion/ann-marie-galazka">Ann-Marie Galazka</a></strong> über '
             '<a href="/stars">Stars</a></div>')
    a = parse_article(page(head=head, after=after, lang="de"), URL)
    assert a.authors == ["Ann-Marie Galazka"]


@pytest.mark.parametrize(
    ("header", "authors"),
    [
        ('<div class="detailheader">14.06.2019 (ch)</div>', ["ch"]),  # initials after the date
        ('<div class="author_share"><span>so</span><ul><li>Artikel empfehlen:</li></ul></div>', ["so"]),
        ('<div class="detailheader">14.06.2019 (Reuters)</div>', []),  # a wire in brackets is no initials
    ],
)
def test_initials_that_sign_a_german_article(header, authors):
    a = parse_article(page(header=header, lang="de"), URL)
    assert a.authors == authors


def test_a_writer_followed_by_the_outlets_desk_line_and_a_reviewer():
    header = ('<div class="author_fmt"> By <a rel="author" href="/kelli-miller">Kelli  Miller</a><br/>Gazette Health '
              'News</div><div class="reviewedBy_fmt"> Reviewed by <a href="/hansa-b">Hansa D. Bhargava, MD</a></div>')
    assert parse_article(page(header=header), URL).authors == ["Kelli Miller"]


def test_a_posts_taxonomy_classes_do_not_make_its_pictures_a_widgets():
    """A blog engine classes the post by writer and topic ("author-jane-roe", "tag-social-media"): the words
    name the post, not an author box or a share bar around its pictures."""
    blocks = "".join(
        f'<div class="block html-block"><p>Paragraph {i} of the story tells readers what the council decided on '
        'Tuesday and why it matters to the people who ride the night buses.</p></div>'
        f'<div class="block image-block"><img class="thumb-image" data-src="https://cdn.gazette.example/content/'
        f'v1/IMG_{8200 + i}.jpeg" alt="IMG_{8200 + i}.jpeg"></div>' for i in range(1, 4))
    html = ('<!doctype html><html lang="en"><head><title>Night buses return | The Gazette</title></head><body>'
            '<main><div class="main-content"><input type="hidden">'
            '<article class="entry h-entry hentry tag-social-media author-jane-roe">'
            f'<h1 class="entry-title">Night buses return</h1><div class="entry-content"><div class="row">{blocks}'
            '</div></div><aside class="item-sidebar"><p>Jane writes about transport.</p></aside></article>'
            '</div></main></body></html>')
    a = parse_article(html, URL)
    assert [i.url.rsplit("/", 1)[-1] for i in a.images] == ["IMG_8201.jpeg", "IMG_8202.jpeg", "IMG_8203.jpeg"]
    post, box = make_soup(html).article, make_soup('<div class="author-box">').div
    assert "author" not in class_marker(post) and "social" not in class_marker(post)
    assert class_marker(box) == "author-box "  # the same word on an element that is no post names a widget


def test_a_syndicated_storys_source_named_in_the_metadata_and_shown_under_the_headline_is_its_author():
    header = ('<a class="article-source" href="#source"><div class="source-name">The Daily Ledger</div>'
              '<div class="source-lang">Translated from English</div></a>')
    html = page(head='<meta property="og:article:author" content="The Daily Ledger">', header=header)
    assert parse_article(html, URL).authors == ["The Daily Ledger"]
    # named only in the metadata, the outlet is no author
    assert parse_article(page(head='<meta property="og:article:author" content="The Daily Ledger">'), URL).authors == []


def test_a_desk_byline_gives_way_to_the_writer_signing_off_the_text():
    body = BODY + ('<p>-- By Jane Roe <a class="twitter-follow-button" href="https://twitter.com/janeroe">'
                   'Follow @janeroe</a></p>')
    html = page(header='<div class="byline">By National Desk</div>', body=body)
    assert parse_article(html, URL).authors == ["Jane Roe"]
    # a person's byline stays, whoever a closing line names
    assert parse_article(html.replace("National Desk", "John Doe"), URL).authors == ["John Doe"]


def test_a_cms_nodes_author_class_does_not_make_its_topic_links_a_byline():
    """Drupal classes a whole story node by its writer's account ("node node-report … author-sarayut"); the
    topic links at its end are no writers."""
    html = ('<!doctype html><html lang="th"><head><title>ผลตรวจยืนยันตัวตน | Gazette</title></head><body>'
            '<h1 class="page-title">ผลตรวจยืนยันตัวตน</h1><article class="node node-report node-published '
            'author-sarayut odd clearfix"><span class="submitted-by">Submitted on Mon, 2019-01-21 13:49</span>'
            f'<div class="field-name-body"><p>{"ผู้สื่อข่าวได้รับแจ้งว่าผลการตรวจยืนยันตัวตนแล้ว " * 6}</p>'
            f'<p>{"ครอบครัวได้รับทราบข่าวแล้วแต่ยังไม่ขอพูดอะไร " * 6}</p></div>'
            '<div class="field-name-field-category"><a href="/category/news" typeof="skos:Concept">ข่าว</a></div>'
            '<div class="field-name-field-tags"><a href="/category/politics">การเมือง</a> '
            '<a href="/category/rights">สิทธิมนุษยชน</a></div></article></body></html>')
    a = parse_article(html, "https://gazette.example/journal/2019/01/80642")
    assert a.authors == []
    assert a.published_at is not None and a.published_at.strftime("%Y-%m-%d %H:%M") == "2019-01-21 13:49"
    node = make_soup(html).article
    assert "author" not in class_marker(node)
    signed = html.replace("Submitted on Mon", "Submitted by Sarayut Tangprasert on Mon")
    assert parse_article(signed, "https://gazette.example/journal/2019/01/80642").authors == ["Sarayut Tangprasert"]


def test_a_cover_picture_set_before_the_headline_in_its_own_box_is_the_top_picture():
    cover = ('<div class="article-head article-head--cover"><div class="article-head__image-wrapper">'
             '<img class="article-head__image js-lazyload" src="https://thumbs.gazette.example/150x53/night-depot.jpg"'
             ' data-src="https://cdn.gazette.example/uploads/2019/11/night-depot.jpg" alt=""></div>'
             '<header class="article-head__inner"><h4><a href="/news">News</a></h4>'
             '<h1 class="article-head__title">Night buses return</h1>'
             '<h2 class="article-head__subtitle">The council votes for the eastern routes</h2></header></div>')
    logo = ('<div class="site-head"><a href="/"><img src="https://cdn.gazette.example/brand/gazette.png" alt="">'
            '</a></div>')
    html = (f'<!doctype html><html lang="en"><head><title>Night buses return | The Gazette</title></head><body>'
            f'{logo}<section class="intro">{cover}</section><section><div class="article-copy">{BODY}</div>'
            '</section></body></html>')
    a = parse_article(html, URL)
    assert [i.url.rsplit("/", 1)[-1] for i in a.images] == ["night-depot.jpg"]
    linked = html.replace('<div class="article-head__image-wrapper">', '<a class="article-head__image-wrapper" '
                          'href="/news/2019/11/18/trams">').replace('alt=""></div>', 'alt=""></a>', 1)
    assert parse_article(linked, URL).images == []  # a linked picture above a headline is another story's card


def test_a_blog_posts_hatom_time_under_the_text_dates_it():
    """Blogger signs off "Posted by Ned at 5:11 AM" with the instant in an hAtom `<abbr class=published>`."""
    footer = ('<div class="post-footer">Posted by <span class="fn">Jane Roe</span> at <a class="timestamp-link" '
              'href="/2016/12/night-buses.html"><abbr class="published" title="2016-12-23T05:11:00-05:00">5:11 AM'
              '</abbr></a></div>')
    html = page(header='<h2 class="date-header"><span>Friday, December 23, 2016</span></h2>', after=footer)
    a = parse_article(html, URL)
    assert a.published_at == datetime(2016, 12, 23, 5, 11, tzinfo=timezone(timedelta(hours=-5)))
    listing = html.replace(footer, footer * 2).replace("2016-12-23T05:11", "2016-12-22T07:40", 1)
    assert parse_article(listing, URL).published_at.hour == 0  # two posts' stamps: neither is the page's


def test_an_author_box_with_the_writers_bio_gives_the_name_and_a_personal_site_keeps_the_surname():
    """Twenty Fifteen's "Published by / Daniel Lemire / A computer science professor …" under a post on
    lemire.me: the name is the box's heading, and the surname that names the site stays."""
    box = ('<div class="author-info"><h2 class="author-heading">Published by</h2><div class="author-description">'
           '<h3 class="author-title">Hana Kowalski</h3><p class="author-bio">A transport economist at the '
           'University of Lodz who writes about buses. <a class="author-link" href="/blog/author/kowalski/" '
           'rel="author">View all posts by Hana Kowalski</a></p></div></div>')
    url = "https://kowalski.example/blog/2019/11/19/night-buses"
    a = parse_article(page(body=BODY + box), url)
    assert a.authors == ["Hana Kowalski"]
    assert read_byline(["Hana Kowalski"], {"kowalski"}).people == ["Hana Kowalski"]
    assert read_byline(["Kelli Miller WebMD Health News"], {"webmd"}).people == ["Kelli Miller"]


def test_an_h1_that_only_the_twitter_title_states_is_the_headline():
    seo = "Night buses return to Eastfield, Northgate and three more districts"
    html = (f'<!doctype html><html lang="en"><head><title>{seo} - The Gazette</title>'
            f'<meta property="og:title" content="{seo}">'
            '<meta name="twitter:title" content="Night buses return to five districts"></head><body><main>'
            '<div class="row"><div class="col-8"><h1 class="speakableText">Night buses return to five districts'
            f'</h1></div></div><div class="row"><div class="col-8 article-body">{BODY}</div></div></main>'
            '</body></html>')
    assert parse_article(html, URL).title == "Night buses return to five districts"


def test_a_chinese_title_drops_its_channel_and_site_joined_by_underscores():
    headline = "夜班公交恢复运行：东区五条线路"
    assert _strip_site(f"{headline}_交通频道_东方日报网", ["dongfang.example"]) == headline
    own = "新竹尖石_美樹營地賞楓 (2)"  # a headline's own "_"
    assert _strip_site(own, ["pixnet.example"]) == own
    assert _strip_site("night_buses_return", ["gazette.example"]) == "night_buses_return"


def test_a_metadata_author_the_page_credits_as_its_editor_did_not_write_it():
    html = page(head='<meta name="author" content="校园频道王小明">', header="",
                after='<div class="editor-line"><span>责任编辑：王小明</span></div>', lang="zh")
    a = parse_article(html, URL)
    assert a.authors == []
    assert [(c.name, c.role) for c in a.contributors] == [("王小明", "editor")]
    signed = html.replace("责任编辑：王小明", "分享到微信")  # no editor line: the metadata name stands
    assert parse_article(signed, URL).authors == ["校园频道王小明"]


def test_an_author_named_only_in_article_author_name_meta():
    a = parse_article(page(head='<meta name="article:author_name" content="Hana Kowalski">'), URL)
    assert a.authors == ["Hana Kowalski"]


def test_a_body_box_that_starts_at_the_menu_holds_the_headline_and_its_date_line():
    """A hand-made blog: the chosen box holds the menu, the post's <h2> headline, its date line and the text."""
    words = ("Home", "Blog", "Notes", "Work", "Skills", "Talks", "Thoughts", "Resume")
    slider = "".join(f'<div class="teaser"><img src="/files/preview/trams-{n}.jpg" width="640" height="400"><p>Trams '
                     f'return to district {n} on Monday after the repairs, the council says in its weekly note.</p>'
                     '</div>' for n in range(3))
    menu = "".join(f'<li><a href="/{w.lower()}">{w}</a></li>' for w in words)
    html = ('<!doctype html><html><head><title>Jane Roe | Night buses return</title></head><body><div id="wrapper">'
            f'<div id="menu"><ul>{menu}</ul></div><div id="page"><div id="content">{slider}<div class="blog_post">'
            '<h2 class="blog_post_title"><a href="/blog/2020/01/13/night-buses">Night buses return</a></h2>'
            '<small>January 13, 2020 at 08:45 AM | categories: <a href="/blog/category/transport">Transport</a>'
            f'</small><p/><div class="post_prose">{BODY * 3}</div></div><div id="disqus_thread"></div></div>'
            '<div id="sidebar"><ul><li><h2>Categories</h2><ul><li><a href="/c/a">Apple</a></li></ul></li></ul></div>'
            '</div><div id="footer"><p>Copyright (c) 2012- Jane Roe. All rights reserved.</p></div></div>'
            '</body></html>')
    a = parse_article(html, "https://jane.example/blog/2020/01/13/night-buses")
    assert a.title == "Night buses return"
    assert a.published_at == datetime(2020, 1, 13, 8, 45, tzinfo=UTC)
    assert not any(p.text in ("Home", "Blog", "Night buses return") for p in a.paragraphs)
    assert a.images == []  # the slider's teaser above the headline is another story's


def test_a_readers_review_in_microdata_neither_signs_nor_dates_the_page():
    review = ('<div class="review" itemprop="review" itemscope itemtype="http://schema.org/Review">'
              '<span class="author" itemprop="author">Andreas R.</span> '
              '<meta itemprop="datePublished" content="2014-12-29"><p itemprop="reviewBody">Lovely with fish.</p>'
              '</div>')
    html = page(header="", body=BODY + review)
    a = parse_article(html, "https://www.gazette.example/wines/zinfandel-rose")
    assert a.authors == [] and a.published_at is None
    own = html.replace(' itemscope itemtype="http://schema.org/Review"', "")  # the page's own microdata
    assert parse_article(own, "https://www.gazette.example/wines/zinfandel-rose").published_at is not None


def test_a_lazy_figure_gives_its_noscript_file_and_its_caption_six_levels_up():
    """Medium: a blurred 60px preview, an empty <img> the script fills, the file in <noscript>, and the
    figcaption six levels above the preview."""
    cdn, name = "https://cdn.gazette.example/max", "1*NightDepotAtDawn2019.png"
    figure = ('<figure class="paragraph-image"><div class="a"><div class="b"><div class="c"><div class="d">'
              f'<div class="e"><img src="{cdn}/60/{name}?q=20" width="1894" height="970" role="presentation">'
              '</div><img width="1894" height="970" role="presentation">'
              f'<noscript><img src="{cdn}/3788/{name}" width="1894" height="970"></noscript>'
              '</div></div></div></div><figcaption>The night depot at dawn</figcaption></figure>')
    a = parse_article(page(body=BODY.replace("</p>", "</p>" + figure, 1)), URL)
    assert [(i.url, i.caption) for i in a.images] == [(f"{cdn}/3788/{name}", "The night depot at dawn")]


def test_a_centred_line_under_a_centred_picture_is_its_caption():
    """Chinese CMSs centre the picture's paragraph and the caption's paragraph under it ("图为…")."""
    pic = ('<p align="center"><img src="./W020170310313653868929.jpg" alt=""></p>'
           '<p align="center">图为夜班公交车在东区车站。</p>')
    a = parse_article(page(body=BODY.replace("</p>", "</p>" + pic, 1), lang="zh"), URL)
    assert [i.caption for i in a.images] == ["图为夜班公交车在东区车站。"]
    assert all("图为" not in p.text for p in a.paragraphs)
    centred_text = pic + '<p align="center">第二段居中的正文也在这里。</p>'  # a run of centred lines is text
    a = parse_article(page(body=BODY.replace("</p>", "</p>" + centred_text, 1), lang="zh"), URL)
    assert [i.caption for i in a.images] == [None]


def test_a_small_aside_with_the_articles_author_microdata_signs_and_dates_it():
    aside = ('<aside><p><span class="article-author" itemprop="author" itemscope itemtype="http://schema.org/Person">'
             '<a href="/about/" itemprop="name">Hana Kowalski</a></span> on <time datetime="2013-09-29" '
             'itemprop="datePublished">2013-09-29</time></p></aside>')
    a = parse_article(page(after=aside), URL)
    assert a.authors == ["Hana Kowalski"] and a.published_at == datetime(2013, 9, 29, tzinfo=UTC)
    related = aside.replace("<aside>", "<aside>" + "<p>Read more about the night buses and trams.</p>" * 40)
    assert parse_article(page(after=related), URL).authors == []  # a big aside is the site's rail


def test_a_template_clock_marked_utc_gives_way_to_the_metadatas_instant():
    """WordPress prints the site's local clock with "+00:00" in the post's <time>, while Yoast's JSON-LD
    states the true instant, whole hours apart."""
    ld = ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": "Article", '
          '"headline": "Night buses return", "datePublished": "2019-06-05T12:07:22+00:00"}</script>')
    header = '<time class="time" datetime="2019-06-05T13:07:22+00:00">June 5, 2019</time>'
    a = parse_article(page(head=ld, header=header), URL)
    assert a.published_at == datetime(2019, 6, 5, 12, 7, 22, tzinfo=UTC)
    true_local = header.replace("13:07:22+00:00", "14:07:22+02:00")  # the same instant, its own offset: kept
    assert parse_article(page(head=ld, header=true_local), URL).published_at.utcoffset() == timedelta(hours=2)


def test_a_heading_under_a_greeting_h1_that_shows_the_titles_first_part_is_the_headline():
    html = ('<!doctype html><html><head><title>Night buses return to the east | Code | Jane Roe</title></head><body>'
            '<header><h1><a href="/">Hi, I\'m <strong>Jane.</strong></a></h1><small>I write about buses.</small>'
            '</header><article><h2><a href="/code/2013/night-buses/">Night buses return to the east</a></h2>'
            f'{BODY}</article></body></html>')
    assert parse_article(html, URL).title == "Night buses return to the east"


def test_a_posts_unmarked_footer_signs_it_and_an_address_beside_a_name_goes():
    footer = ('<footer><div><img src="/_img/avatars/hana-kowalski.jpg" alt=""><p>Posted by Hana Kowalski.</p></div>'
              '<a href="https://twitter.com/gazette/status/1" class="retweet">Retweet this article!</a></footer>')
    html = page(after=footer).replace('<h1 class="headline">', '<h1>')
    assert parse_article(html, URL).authors == ["Hana Kowalski"]
    site = html.replace("<footer><div>", '<footer id="footer"><div>', 1)  # the site's footer signs nothing
    assert parse_article(site, URL).authors == []
    assert read_byline(["Bradley M. Kuhn (http://ebb.org/bkuhn/)"], set()).people == ["Bradley M. Kuhn"]
    assert read_byline(["Jane M."], set()).people == ["Jane M."]


def test_a_lawyers_title_before_the_name_is_a_job_title():
    assert read_byline(["Rechtsanwalt Dennis Tölle"], set()).people == ["Dennis Tölle"]
    assert read_byline(["Avocate Jeanne Martin"], set()).people == ["Jeanne Martin"]
    assert read_byline(["Notar Müller"], set()).people == ["Notar Müller"]  # one word after it may be the surname


def test_a_page_that_states_no_date_takes_the_day_its_address_files_it_under():
    url = "https://pirates.example/blog/2013/09/12/night-buses-return/"
    assert parse_article(page(), url).published_at == datetime(2013, 9, 12, tzinfo=UTC)
    dated = page(header='<time datetime="2013-09-11T18:00:00+00:00">11 September 2013</time>')
    assert parse_article(dated, url).published_at == datetime(2013, 9, 11, 18, tzinfo=UTC)  # the page's own date
    assert parse_article(page(), URL.replace("/2019/11/19", "")).published_at is None


def test_a_meta_author_the_site_footer_credits_for_the_theme_wrote_nothing():
    head = '<meta name="author" content="Peter Weber">'
    theme = '<p>Theme by <a href="http://peterweber.example/">Peter Weber</a></p>'
    html = page(head=head).replace("<p>About us. Contact. Terms of use.</p>", theme)
    assert parse_article(html, URL).authors == []
    assert parse_article(page(head=head), URL).authors == ["Peter Weber"]


def test_a_blogger_caption_table_a_copy_credit_and_a_wide_short_diagram():
    """Blogger sets each picture in a `table.tr-caption-container` with the caption in the next row; a 400x141
    diagram is a picture though one side is under 150 px, a 500x47 button is not; Libération credits
    "DR" in `span.copy`."""
    table = ('<table class="tr-caption-container" align="center"><tbody><tr><td><a href="https://x.example/s1600/'
             'graph-labels.png"><img src="https://x.example/s400/graph-labels.png" width="400" height="141"></a>'
             '</td></tr><tr><td class="tr-caption">Example labeling of the depot graph</td></tr></tbody></table>')
    button = '<p><img src="https://x.example/uploads/pin-it-later-2.jpg" width="500" height="47" alt=""></p>'
    a = parse_article(page(body=BODY.replace("</p>", "</p>" + table + button, 1)), URL)
    assert [(i.url.rsplit("/", 1)[-1], i.caption) for i in a.images] == [
        ("graph-labels.png", "Example labeling of the depot graph")]
    fig = ('<figure><img src="https://x.example/screenshot-vape-wave.jpg"><figcaption class="caption">'
           '<span class="desc">«Vape Wave» et «Braguino»</span> <span class="copy">DR</span></figcaption></figure>')
    a = parse_article(page(body=BODY.replace("</p>", "</p>" + fig, 1)), URL)
    assert [(i.caption, i.credit) for i in a.images] == [("«Vape Wave» et «Braguino»", "DR")]


def test_a_kicker_inside_the_headline_is_not_part_of_it():
    h1 = ('<h1 class="isFirstInSlot"><span class="category"><span class="aural">Thema </span>Verkehr</span>'
          'Night buses return</h1>')
    html = page().replace('<h1 class="headline">Night buses return</h1>', h1)
    assert parse_article(html, URL).title == "Night buses return"


@pytest.mark.parametrize("line, author", [
    ('Gespeichert von <span class="username">Hana Kowalski</span> am 24. Juli 2017 - 18:55', "Hana Kowalski"),
    ('Submitted by <span class="username">Hana Kowalski</span> on 24 July 2017 - 18:55', "Hana Kowalski"),
])
def test_drupals_submitted_line_under_the_text_signs_and_dates_the_post(line, author):
    carousel = "".join(f'<div class="slide"><a href="/gallery/{i}">Slide {i}</a></div>' for i in range(5))
    html = page(header="", after=f'{carousel}<div class="submitted">{line}</div>', lang="de")
    a = parse_article(html, "https://www.gazette.example/blog/night-buses")
    assert a.authors == [author]
    assert (a.published_at.day, a.published_at.hour, a.published_at.minute) == (24, 18, 55)
    assert read_byline(["Gespeichert von rasos am 24. Juli 2017 - 18:55"], set()).institutions == ["rasos"]


def test_a_blogs_index_page_takes_no_byline_or_date_from_its_listed_posts():
    teaser = ('<article class="post"><h2><a href="/sh/2014/07/19/night-buses/">Night buses return</a></h2>'
              '<div class="byline">By Hana Kowalski</div><time datetime="2014-07-19T10:00:00+02:00">19. Juli 2014'
              '</time><p>Paragraph of the teaser that tells readers what the council decided on Tuesday and why '
              'it matters to the people who ride the night buses.</p></article>')
    html = (f'<!doctype html><html lang="de"><head><title>Landesverband</title></head><body class="home blog">'
            f'<h1>Landesverband</h1>{teaser * 3}</body></html>')
    a = parse_article(html.replace("<h2>", '<img src="https://party.example/uploads/depot.jpg" width="640" '
                                   'height="400"><h2>'), "https://party.example/sh/")
    assert a.published_at is None and a.authors == [] and a.images == []
    single = html.replace('class="home blog"', 'class="post-template-default single single-post postid-42"')
    assert parse_article(single, "https://party.example/sh/").published_at is not None
    # a page that says it is one item keeps its date, even under a home template's <body> classes
    video = html.replace("<title>", '<meta property="og:type" content="video"><title>')
    assert parse_article(video, "https://party.example/sh/").published_at is not None


def test_a_hyphenated_domain_names_the_site_in_the_title_and_the_publisher_is_no_author():
    head = '<meta name="author" content="Gazette - Verlag Erfurt">'
    title = "Gazette-Verlag im Erfurter Land - Night buses return to Erfurt"
    html = (f'<!doctype html><html lang="de"><head><title>{title}</title>{head}</head><body>'
            f'<div class="content">{BODY}</div></body></html>')
    a = parse_article(html, "https://www.gazette-verlag-erfurt.example/inhalte/54424/night-buses/index.html")
    assert a.title == "Night buses return to Erfurt"
    assert a.authors == []


def test_an_elementor_post_with_section_h1s_under_its_h2_headline_and_meta_line():
    """Elementor sets the post's headline as an <h2> and its body's section heads as <h1>s; the meta line under
    the headline reads "Freitag | 14. Juni 2019 | 15:49 VON Name IN Category | 0 COMMENTS"."""
    header = ('<div class="post-header"><h2>Ear Candy!</h2><p>Freitag | 14. Juni 2019 | 15:49 VON Hana Kowalski  IN '
              '<a href="/category/fashion/" rel="category tag">Fashion</a> | 0 COMMENTS</p></div>')
    body = "".join(f'<h1 class="elementor-heading-title">Ear Candy {w}</h1>{p}' for w, p in
                   (("allert", BODY), ("forever", BODY)))
    html = (f'<!doctype html><html lang="de"><head><title>Ear Candy! | Novala</title></head><body>{header}'
            f'<div class="elementor">{body}</div></body></html>')
    a = parse_article(html, "https://novala.example/ear-candy/")
    assert a.title == "Ear Candy!"
    assert a.authors == ["Hana Kowalski"]
    assert (a.published_at.day, a.published_at.hour, a.published_at.minute) == (14, 15, 49)
    prose = "Die 31-Jährige hat nach ihrer Trennung von Simon Konecki rund 10 Kilo abgenommen."
    assert header_lines([prose]) == []  # a label word inside prose after a number is no byline


def test_an_author_label_after_the_issue_line_in_the_header():
    """A journal's header line names the issue, then "Author:" and a mailto link; the site's meta author is
    its members' group."""
    head = '<meta name="author" content="Gazette Members">'
    header = ('<div class="journal-sub"><span class="issue">Overload Gazette #131 - February 2016 + Programming '
              'Topics</span>&#xA0;&#xA0;Author: <a href="mailto:">Jo Reed</a></div>')
    assert parse_article(page(head=head, header=header), URL).authors == ["Jo Reed"]
    assert header_lines(["Overload Gazette #131, in which the author: Jo Reed"]) == []  # a sentence, not a label


def test_a_site_builders_template_graphics_are_no_article_pictures():
    base = "https://www.gazette.example/core"
    graphics = "".join(f'<p><img src="{base}/templates/19/grafiken/variante/1/{n}" width="400" height="300"></p>'
                       for n in ("pdf.jpg", "punktlinie_content.jpg"))
    photo = f'<p><img src="{base}/files/big/1365597833-depot.jpg" width="640" height="400"></p>'
    a = parse_article(page(body=BODY.replace("</p>", "</p>" + graphics + photo, 1)), URL)
    assert [i.url.rsplit("/", 1)[-1] for i in a.images] == ["1365597833-depot.jpg"]


def test_a_short_post_is_its_entry_box_not_its_one_long_paragraph():
    """A short blog post: one long paragraph, a captioned picture, a short closing line and a footer of links."""
    tags = ", ".join(f'<a href="/tag/{t}/" rel="tag">{t.title()}</a>' for t in ("bus", "cent", "depot", "night"))
    picture = ('<div id="attachment_1702" class="wp-caption alignleft"><img src="https://jane.example/wp-content/'
               '2011/09/depot-500x373.jpg" alt="The depot" width="500" height="373"><p class="wp-caption-text">'
               'The depot</p></div>')
    entry = ('<div class="entry"><p>Paragraph one of the post tells readers what the council decided on Tuesday '
             'and why it matters to the people who ride the night buses across the eastern districts every night '
             f'of the week.</p>{picture}<p>&nbsp;</p><p>Well spent 20 cents, even if the bus was late again!</p>'
             f'<div class="entryfooter"><p>Tags: {tags}</p><p><a href="/feed/">Comment feed</a> | Comments closed'
             '</p></div></div>')
    html = ('<!doctype html><html><head><title>Night buses | Jane</title></head><body><div class="post">'
            f'<h1><a href="/2011/09/11/night-buses/">Night buses</a></h1><small>11.09.2011</small>{entry}</div>'
            '</body></html>')
    a = parse_article(html, "https://jane.example/2011/09/11/night-buses/")
    assert [i.caption for i in a.images] == ["The depot"]
    assert "Well spent 20 cents, even if the bus was late again!" in [p.text for p in a.paragraphs]


def test_title_rules_for_site_pages_and_seo_titles():
    # a CMS slug in og:title is never the headline; the page's only <h1>, a sentence long, is
    head = '<meta property="og:title" content="gazette-nightbus-test-herbst-2018">'
    html = (f'<!doctype html><html lang="de"><head><title>Gazette Nachtbus-Test 2018 | Gazette</title>{head}'
            f'</head><body><div class="main"><h1>18 Nachtbusse im Test: Vier Linien fallen durch</h1>{BODY}</div>'
            '</body></html>')
    assert parse_article(html, URL).title == "18 Nachtbusse im Test: Vier Linien fallen durch"
    # the site's name as a word of a short trailing part, an <h1> that is the domain's name, a bracketed site
    assert _strip_site("Bohnenviertel - Stadt Stuttgart", ["stuttgart.de"]) == "Bohnenviertel"
    assert _strip_site("欲張りなイヌ ＜福娘童話集 きょうのイソップ童話＞", ["fable.example"]) == "欲張りなイヌ"
    title = pick_title(["RS Ingenieure"], [], "Tragwerksplanung | RS Ingenieure", ["rs-ingenieure.de"])
    assert title == "Tragwerksplanung"


@pytest.mark.parametrize("lang, month, day", [("en-US", 5, 8), ("en-GB", 8, 5), ("id", 8, 5)])
def test_a_slashed_numeric_date_is_month_first_only_on_a_us_english_page(lang, month, day):
    html = page(head='<meta name="publish_date" content="05/08/2014 07:01:00">', lang=lang)
    published = parse_article(html, "https://www.gazette.example/news/night-buses").published_at
    assert (published.month, published.day) == (month, day)


def test_the_month_first_reading_of_one_page_does_not_leak_into_the_next():
    """Date lines are read through a cache; the same line on an en-GB page after an en-US one is day first."""
    line = '<p class="date">05/08/2014 07:01</p>'
    url = "https://www.gazette.example/news/night-buses"
    us = parse_article(page(header=line, lang="en-US"), url).published_at
    gb = parse_article(page(header=line, lang="en-GB"), url).published_at
    assert [(d.month, d.day) for d in (us, gb)] == [(5, 8), (8, 5)]
    parse_article(page(header=line, lang="en-US"), url)
    (after,) = find_dates("05/08/2014 07:01", None)  # outside any page's parse: day first
    assert (after.at.month, after.at.day) == (8, 5)


@pytest.mark.parametrize("line", ["Thomas Jackson/Digital Vision/Getty Images", "evgenyb/iStock/Getty Images",
                                  "Mike Watson Images/Moodboard/Getty", "Bloomberg via Getty Images",
                                  "Image source: gazette.example", "Source: Reuters"])
def test_a_caption_line_that_is_only_a_stock_agency_path_is_the_credit(line):
    assert split_credit(line) == (None, line)


def test_a_sentence_that_names_a_source_is_still_a_caption():
    text = "Source: the council said the buses will run. Riders cheered."
    assert split_credit(text) == (text, None)


def test_the_cover_takes_the_caption_of_a_small_thumbnail_that_links_to_its_file():
    """A city page shows an 86 px thumbnail linking to the og:image file, its caption in the next `<dd>`."""
    big = "https://www.gazette.example/img/item/132240/33162.jpg"
    box = (f'<dl><dt><a href="{big}" class="highslide"><img src="https://www.gazette.example/img/item/132240/'
           '33161.jpg" alt="Cafe" width="86" height="135"></a></dt><dd>Cafe in the old town. Foto: Gazette Marketing'
           '</dd></dl>')
    a = parse_article(page(head=f'<meta property="og:image" content="{big}">', body=BODY + box), URL)
    assert [(i.url, i.caption, i.credit) for i in a.images] == [
        (big, "Cafe in the old town.", "Foto: Gazette Marketing")]


def test_a_description_field_in_the_picture_box_is_its_caption():
    """Drupal puts the picture, a "Photo by:" field and a description field in one file box."""
    box = ('<div class="file file-image"><h2 class="element-invisible"><a href="/file/4461876">night-bus.jpg</a>'
           '</h2><div class="content">'
           '<img src="https://www.gazette.example/files/media/night-bus.jpg" width="960" height="540" alt="">'
           '<div class="field field-name-field-authors"><h3 class="field-label">Photo by:</h3>'
           '<div class="field-item">The Gazette</div></div>'
           '<div class="field field-name-field-description"><div class="field-item">A night bus waits at the '
           'depot before its first run to the eastern districts.</div></div></div></div>')
    a = parse_article(page(header=box), URL)
    assert [(i.caption, i.credit) for i in a.images] == [
        ("A night bus waits at the depot before its first run to the eastern districts.", "Photo by: The Gazette")]


def test_the_share_rendition_of_the_shown_picture_is_not_a_second_picture():
    """og:image names the same file with its share sizes and a stamp after the name; another file stays apart."""
    shown = '<figure><img src="https://www.gazette.example/uploads/2014/12/141222_nightbus-690.jpg"></figure>'
    share = ('<meta property="og:image" '
             'content="https://www.gazette.example/uploads/2014/12/141222_nightbus-1200-630-10162001.jpg">')
    a = parse_article(page(head=share, body=shown + BODY), URL)
    assert [(i.url.rsplit("/", 1)[-1], i.is_cover) for i in a.images] == [("141222_nightbus-690.jpg", True)]
    social = ('<meta property="og:image" content="https://i.gazette.example/gen/249/thumbs/o-NIGHT-BUS-facebook.jpg">')
    shown_large = '<figure><img src="https://i.gazette.example/gen/249/thumbs/n-NIGHT-BUS-large570.jpg"></figure>'
    a = parse_article(page(head=social, body=shown_large + BODY), URL)
    assert [(i.url.rsplit("/", 1)[-1], i.is_cover) for i in a.images] == [("n-NIGHT-BUS-large570.jpg", True)]
    other = share.replace("141222_nightbus-1200", "141222_depot-1200")
    a = parse_article(page(head=other, body=shown + BODY), URL)
    assert [i.url.rsplit("/", 1)[-1] for i in a.images] == ["141222_depot-1200-630-10162001.jpg",
                                                            "141222_nightbus-690.jpg"]


def test_a_numbered_assets_share_rendition_named_by_a_word_is_the_shown_picture():
    """Picture servers name an asset's renditions by number and word ("16470669-standard" shared,
    "16470669-mmmain" shown); two shown pictures of one number, or a day's date, decide nothing."""
    share = '<meta property="og:image" content="https://img.gazette.example/width620/photo/16470669-standard.jpg">'
    shown = '<figure><img src="https://media.gazette.example/photo/16470669-mmmain.jpg"></figure>'
    a = parse_article(page(head=share, body=shown + BODY), URL)
    assert [(i.url.rsplit("/", 1)[-1], i.is_cover) for i in a.images] == [("16470669-mmmain.jpg", True)]
    two = shown + shown.replace("mmmain", "crowd")
    a = parse_article(page(head=share, body=two + BODY), URL)
    assert [i.url.rsplit("/", 1)[-1] for i in a.images] == ["16470669-standard.jpg", "16470669-mmmain.jpg",
                                                            "16470669-crowd.jpg"]
    # (set after the first paragraph, where it is no lead picture that the share picture could stand for)
    dated = page(head=share.replace("16470669", "20141227"),
                 body=BODY.replace("</p>", "</p>" + shown.replace("16470669", "20141227"), 1))
    assert len(parse_article(dated, URL).images) == 2
    # the number first, then the story's words, a rendition name and a hash ("1400020_tuchel_default_1Biwph")
    slugged = page(head=share.replace("16470669-standard", "1400020_night-bus_default_1Biwph_prUNpK"),
                   body=shown.replace("16470669-mmmain", "1400020_night-bus_artikelbild_1Biwph_nTkCxP") + BODY)
    assert [i.is_cover for i in parse_article(slugged, URL).images] == [True]


@pytest.mark.parametrize(
    ("share", "shown", "kept"),
    [  # sizes written "1200x630" and a stamp after them
        ("https://www.gazette.example/uploads/2016/12/161205_r29122-1200x630-1480551532.jpg",
         ["https://www.gazette.example/uploads/2016/12/161205_r29122-320x313-1479851139.jpg"],
         ["161205_r29122-320x313-1479851139.jpg"]),
        # a short name rich in digits, its thumbnail's "_s" after it, in a sibling folder
        ("https://img.gazette.example/img/nw/list/1171/226/e190222.jpg",
         ["https://img.gazette.example/img/nw/docs/1171/226/e190222_s.jpg"], ["e190222_s.jpg"]),
        # named only for the network, in the folder of the one picture shown from it
        ("https://cdn.gazette.example/media/img/2016/09/RTSO9RP/facebook.jpg",
         ["https://cdn.gazette.example/media/img/2016/09/RTSO9RP/lead_720_405.jpg"], ["lead_720_405.jpg"]),
        # two pictures shown from that folder: the share file could be either, so it stays apart
        ("https://cdn.gazette.example/media/img/2016/09/RTSO9RP/facebook.jpg",
         ["https://cdn.gazette.example/media/img/2016/09/RTSO9RP/lead_720_405.jpg",
          "https://cdn.gazette.example/media/img/2016/09/RTSO9RP/depot_720_405.jpg"],
         ["facebook.jpg", "lead_720_405.jpg", "depot_720_405.jpg"]),
        # a date folder holds many stories' pictures: its share file is no rendition of the one shown
        ("https://cdn.gazette.example/media/2016/09/facebook.jpg",
         ["https://cdn.gazette.example/media/2016/09/lead_720_405.jpg"], ["facebook.jpg", "lead_720_405.jpg"]),
    ],
)
def test_a_share_file_named_for_its_sizes_or_network_is_the_shown_picture(share, shown, kept):
    """The names alone decide: the pictures stand after the first paragraph, where none is a lead picture."""
    figures = "".join(f'<figure><img src="{src}"></figure>' for src in shown)
    body = BODY.replace("</p>", "</p>" + figures, 1)
    a = parse_article(page(head=f'<meta property="og:image" content="{share}">', body=body), URL)
    assert [i.url.rsplit("/", 1)[-1] for i in a.images] == kept
    assert sum(i.is_cover for i in a.images) == 1


def test_a_proxy_that_encodes_the_originals_path_names_the_same_picture():
    direct = "http://media.gazette.example/uploads/card/image/317518/night-bus-5_720.jpg"
    proxied = ("http://i.gazette.example/Hk8s=/950x534/filters:quality(90)/http%3A%2F%2Fmedia.gazette.example"
               "%2Fuploads%2Fcard%2Fimage%2F317518%2Fnight-bus-5_720.jpg")
    assert stable_key(direct) == stable_key(proxied)
    assert stable_key(proxied) != stable_key(proxied.replace("night-bus-5", "night-bus-6"))


def test_a_date_line_whose_machine_value_is_utc_shows_the_clock_of_the_pages_other_times():
    """"4:16 PM" on a span whose title says 22:16 UTC: the page's clock is six hours behind UTC, and its
    publication time without a zone ("3:02 PM") is read on that clock."""
    line = ('<p class="byline">By Jo Reed<br>on March 3, 2014 at 3:02 PM, updated <span class="updated" '
            'title="2014-03-03T22:16:26Z">March 3, 2014 at 4:16 PM</span></p>')
    a = parse_article(page(header=line), "https://www.gazette.example/news/night-buses")
    assert a.published_at == datetime(2014, 3, 3, 15, 2, tzinfo=timezone(timedelta(hours=-6)))
    assert a.updated_at == datetime(2014, 3, 3, 22, 16, 26, tzinfo=UTC)


def test_a_place_after_the_metadatas_one_writer_is_not_a_second_writer():
    meta = '<meta name="parsely-author" content="Jo Reed">'
    placed = page(head=meta, header='<div class="author-social"><p>Jo Reed, Central Bus Depot</p></div>')
    assert parse_article(placed, URL).authors == ["Jo Reed"]
    # a second writer the byline links to their page, or joins with "and", stays
    linked = page(head=meta, header='<p class="byline">By <a href="/author/jo-reed">Jo Reed</a>, '
                                    '<a href="/author/sam-lee">Sam Lee</a></p>')
    assert parse_article(linked, URL).authors == ["Jo Reed", "Sam Lee"]
    joined = page(head=meta, header='<p class="byline">By Jo Reed and Sam Lee</p>')
    assert parse_article(joined, URL).authors == ["Jo Reed", "Sam Lee"]


def test_a_page_that_marks_its_local_publication_time_utc_marks_its_update_so_too():
    """cXense says 10:01Z beside a visible 10:01 on a Japanese page: the page's "Z" stamps are Tokyo times."""
    head = ('<meta name="cXenseParse:recs:publishtime" content="2018-06-18T10:01:00.000Z">'
            '<meta property="article:modified_time" content="2018-06-18T13:57:57.000Z">')
    html = page(head=head, header='<span class="day">2018年6月18日 10:01</span>', lang="ja")
    a = parse_article(html, "https://www.gazette.example/articles/-/3178894")
    tokyo = timezone(timedelta(hours=9))
    assert (a.published_at, a.updated_at) == (datetime(2018, 6, 18, 10, 1, tzinfo=tokyo),
                                             datetime(2018, 6, 18, 13, 57, 57, tzinfo=tokyo))


def test_a_wire_copyright_and_name_closing_the_text_sign_it():
    body = BODY[: -len("</p>")] + " (c)AFP/Jane DOE</p>"
    a = parse_article(page(body=body), URL)
    assert (a.authors, a.agencies) == (["Jane DOE"], ["AFP"])
    # a closing "(c)" that names no wire service is no signature
    plain = parse_article(page(body=body.replace("(c)AFP/", "(c)Gazette/")), URL)
    assert (plain.authors, plain.agencies) == ([], [])


def test_a_syndication_service_named_as_such_is_an_agency():
    from flows.extract.authors import agency_of

    assert read_byline(["By: CNN Wire"], set()).agencies == ["CNN Wire"]
    assert [agency_of(n) for n in ("Tribune News Service", "Sun Press Agency", "Jo Wire", "Metro Wire")] == [
        "Tribune News Service", "Sun Press Agency", None, None]


def test_a_not_found_page_served_in_a_storys_place_is_rejected():
    from flows.errors import PageRejected

    gone = ('<!doctype html><html><head><title>Page not found | The Gazette</title></head><body><h1>This is '
            'somewhat embarrassing, isn’t it?</h1><p>It seems we can’t find what you’re looking for. Perhaps '
            'searching, or one of the links below, can help.</p></body></html>')
    with pytest.raises(PageRejected) as err:
        parse_article(gone, URL)
    assert err.value.reason == "not_found"
    with pytest.raises(PageRejected):
        parse_article(gone.replace("Page not found | The Gazette", "404 Not Found : The Gazette"), URL)
    wordpress = gone.replace("Page not found", "Nothing here").replace("<body>", '<body class="error404">')
    with pytest.raises(PageRejected):
        parse_article(wordpress, URL)
    # a story about error pages is a story
    story = page().replace("Night buses return | The Gazette", "404 error pages we love | The Gazette")
    assert parse_article(story, URL).paragraphs


def test_a_chinese_source_line_signs_a_story_with_no_byline():
    line = ('<div class="info"><span>2017-03-10 08:42:00</span> <span>来源：<a href="/lx/1.html">海外版日报</a>'
            '</span></div>')
    html = page(header=line, lang="zh-CN")
    assert parse_article(html, URL).authors == ["海外版日报"]
    # a byline wins over the source line
    signed = page(header=line + '<p class="author">作者：王小明</p>', lang="zh-CN")
    assert parse_article(signed, URL).authors == ["王小明"]


def test_og_article_modified_time_dates_the_update_and_a_null_lazy_url_is_no_picture():
    head = ('<meta property="og:article:published_time" content="2010-01-01T09:32:17Z">'
            '<meta property="og:article:modified_time" content="2011-09-13T07:04:09Z">')
    lead = ('<img data-url="null" data-lazy="https://cdn.gazette.example/media/night-bus-lead.jpg" '
            'src="https://cdn.gazette.example/media/blank.gif">')
    a = parse_article(page(head=head, header=lead), URL)
    assert a.updated_at == datetime(2011, 9, 13, 7, 4, 9, tzinfo=UTC)
    assert [i.url for i in a.images] == ["https://cdn.gazette.example/media/night-bus-lead.jpg"]


def test_the_h1_that_states_the_title_wins_after_a_menu_of_teaser_h1s():
    teasers = "".join(f'<article class="item"><div class="inner"><h1 class="heading"><a href="/article/story-{i}">'
                      f'Story {i} of the newswire about something else</a></h1></div></article>' for i in range(1, 7))
    html = (f'<!doctype html><html lang="en"><head><title>Night buses return · News · The Gazette</title>'
            '<meta property="og:title" content="Night buses return"></head><body>'
            f'<div class="dropdown">{teasers}</div><header class="article-header"><h1 class="heading">Night buses '
            f'return</h1></header><div class="article-body">{BODY}</div></body></html>')
    assert parse_article(html, URL).title == "Night buses return"


def test_a_writers_line_inside_a_japanese_h1_is_the_byline_not_the_headline():
    h1 = ('<h1 class="article_title" itemprop="headline"><span class="middle">夜行バス　東部地区へ運行拡大</span><br>'
          '<span class="small">編集委員　山田太郎</span></h1>')
    html = (f'<!doctype html><html lang="ja"><head><title>夜行バス　東部地区へ運行拡大（写真＝共同）: 新聞</title>'
            f'</head><body>{h1}<div class="article-body">{BODY}</div></body></html>')
    a = parse_article(html, URL)
    assert (a.title, a.authors) == ("夜行バス 東部地区へ運行拡大", ["山田太郎"])


def test_an_author_boxs_links_to_more_articles_are_not_its_writers_name():
    box = ('<div class="author-box"><img src="https://www.gazette.example/user_photos/jreed.jpg" alt="Photo of Jo '
           'Reed"><div class="data"><div class="name">Jo Reed</div><div class="authortitle">Political Commentator'
           '</div><ul class="author"><li><a href="/author/jo-reed/">See All Articles</a></li><li><a '
           'href="/author/jo-reed/feed/">Subscribe to RSS</a></li></ul></div></div>')
    assert parse_article(page(header=box), URL).authors == ["Jo Reed"]


def test_a_label_ending_on_by_with_no_name_after_it_names_no_one():
    assert read_byline(["Find Autos By:"], set()).people == []
    assert read_byline(["Sort by"], set()).people == []
    assert read_byline(["Written by Jo Reed"], set()).people == ["Jo Reed"]


def test_a_chinese_wire_dateline_gives_the_place_and_the_agency():
    from flows.extract.boilerplate import dateline

    assert dateline("新华社北京11月17日电 记者17日从有关部门获悉，夜间公交线路将延长到东部各区。") == ("北京", "新华社")
    assert dateline("\u3000\u3000中新社上海3月2日电 本市夜间公交将增开三条线路。") == ("上海", "中新社")
    assert dateline("北京11月17日，记者从有关部门获悉。") == (None, None)


def test_parselys_pub_date_gives_the_time_of_a_page_that_shows_only_its_day():
    parsely = ('<meta name="parsely-page" content=\'{"title": "Night buses return", '
               '"pub_date": "2014-12-29T22:15:00Z"}\'>')
    day = page(head=parsely, header='<p class="date">Monday 29 Dec 2014</p>', lang="en-GB")
    assert parse_article(day, URL).published_at == datetime(2014, 12, 29, 22, 15, tzinfo=UTC)
    # a time the page shows is kept, even when Parse.ly says another
    shown = page(head=parsely, header='<p class="date">29 Dec 2014, 22:05 GMT</p>', lang="en-GB")
    assert parse_article(shown, URL).published_at == datetime(2014, 12, 29, 22, 5, tzinfo=UTC)
    # a page that states no date at all: the post's pub_date; a section page's is the listing's
    undated = "https://www.gazette.example/news/night-buses"
    assert parse_article(page(head=parsely), undated).published_at == datetime(2014, 12, 29, 22, 15, tzinfo=UTC)
    section = parsely.replace('"pub_date"', '"type": "sectionpage", "pub_date"')
    assert parse_article(page(head=section), undated).published_at is None


def test_a_wordpress_stats_offset_reads_a_zoneless_time():
    stats = "<script>_stq = window._stq || [];\n_stq.push(['view', {v:'ext',blog:'9006',post:'42',tz:'-5'}]);</script>"
    line = '<p class="date">December 29 2014 9:11pm</p>'
    got = parse_article(page(header=line, after=stats), URL).published_at
    assert (got, got.utcoffset()) == (datetime(2014, 12, 30, 2, 11, tzinfo=UTC), timedelta(hours=-5))
    assert parse_article(page(header=line), URL).published_at == datetime(2014, 12, 29, 21, 11, tzinfo=UTC)
    context = "<script>_tkq.push(['storeContext', {'blog_id':'4386','blog_tz':'5.5','user_lang':'en'}]);</script>"
    assert parse_article(page(header=line, after=context), URL).published_at.utcoffset() == \
        timedelta(hours=5, minutes=30)
    in_footer = page(header=line).replace("Terms of use.</p>", "Terms of use.</p>" + context)
    assert parse_article(in_footer, URL).published_at.utcoffset() == timedelta(hours=5, minutes=30)
    # the page's own offsets still win
    stamped = page(head='<meta property="article:published_time" content="2014-12-29T21:11:00-08:00">',
                   header=line, after=stats)
    assert parse_article(stamped, URL).published_at.utcoffset() == timedelta(hours=-8)


def test_a_stale_template_date_months_before_the_month_the_url_and_the_date_line_agree_on():
    head = ('<meta property="article:published_time" content="2009-09-02T00:00:00-04:00">'
            '<meta property="article:modified_time" content="2009-10-08T12:09:09-04:00">')
    html = page(head=head, header='<p class="byline">On <span class="published">May 23, 2014 at 1:30 PM</span></p>')
    filed = "https://www.gazette.example/style/blogs/eye/2014/05/night-buses-return.html"
    a = parse_article(html, filed)
    assert (a.published_at, a.updated_at) == (datetime(2014, 5, 23, 13, 30, tzinfo=timezone(timedelta(hours=-4))), None)
    b = parse_article(html, "https://www.gazette.example/style/night-buses-return.html")  # nothing to settle it
    assert b.published_at == datetime(2009, 9, 2, tzinfo=timezone(timedelta(hours=-4)))


def test_meta_values_in_a_value_attribute_as_mercury_saves_pages():
    head = ('<meta value="2019-02-22T17:23:44+09:00" name="article:published_time">'
            '<meta name="author" value="Jo Reed">')
    a = parse_article(page(head=head), "https://www.gazette.example/news/night-buses")
    assert (a.published_at, a.authors) == (datetime(2019, 2, 22, 8, 23, 44, tzinfo=UTC), ["Jo Reed"])


def test_simplereachs_date_gives_the_time_of_a_page_that_shows_only_its_day():
    reach = ("<script>__reach_config = {\n  pid: '52a0',  // publisher id\n  title: 'Night buses return',\n"
             "  date: '2014-12-29T14:26:52+00:00', // publish date\n  authors: ['Jo Reed']\n};</script>")
    day = page(head=reach, header='<p class="date">29 December 2014</p>', lang="en-GB")
    assert parse_article(day, URL).published_at == datetime(2014, 12, 29, 14, 26, 52, tzinfo=UTC)
    other_day = page(head=reach, header='<p class="date">28 December 2014</p>', lang="en-GB")
    assert parse_article(other_day, URL).published_at == datetime(2014, 12, 28, tzinfo=UTC)
    naive = page(head=reach.replace("+00:00", ""), header='<p class="date">29 December 2014</p>', lang="en-GB")
    assert parse_article(naive, URL).published_at == datetime(2014, 12, 29, tzinfo=UTC)  # no zone, no instant


def test_a_head_shot_in_the_writers_own_folder_is_not_a_picture_of_the_story():
    header = ('<p class="byline">By Ben Walsh</p><img src="https://s.gazette.example/contributors/ben-walsh/'
              'headshot.jpg" width="200" height="200">')
    urls = [i.url for i in parse_article(page(header=header), URL).images]
    assert not any("headshot" in u for u in urls)


def test_the_writers_picture_in_an_author_box_whose_caption_opens_with_the_name_is_a_head_shot():
    """The writer's card under the text: her photo, then "By <name>" and her note, all in one list item."""
    card = ('<ul class="byline"><li class="media h-card"><div class="media-object"><div class="image u-photo">'
            '<noscript><img src="https://cdn.gazette.example/images/2018/01/reed-jo-90.jpg.img.620.png" alt="Jo Reed">'
            '</noscript></div></div><div class="media-body"> By <span class="name p-name" itemprop="author">Jo Reed'
            '</span><div class="p-note">Jo Reed is a science writer in the communications office. Email her at '
            '<a href="mailto:jo@gazette.example">jo@gazette.example</a>.</div></div></li></ul>')
    portrait = ('<figure><img src="https://cdn.gazette.example/images/2019/11/night-bus-driver.jpg" alt="Jo Reed">'
                '<figcaption>BUS BOSS: the driver takes the last run of the night.</figcaption></figure>')
    a = parse_article(page(header='<p class="byline">By Jo Reed</p>', body=portrait + BODY + card), URL)
    assert [i.url.rsplit("/", 1)[-1] for i in a.images] == ["night-bus-driver.jpg"]


def test_an_italic_line_after_a_break_closing_the_caption_is_its_credit():
    fig = ('<div class="image"><img src="https://cdn.gazette.example/2019/11/night-bus-depot.jpg" alt="depot"></div>'
           '<div class="caption-container"><div class="caption"><p>The depot sends each bus out on a fixed schedule '
           'through the night.<br>\n<i>Jo Reed</i></p></div></div>')
    note = ('<div class="image"><img src="https://cdn.gazette.example/2019/11/night-bus-map.jpg" alt="map"></div>'
            '<div class="caption-container"><div class="caption"><p>The new routes across the districts.<br>'
            '<i>Routes change in May. Check the council site.</i></p></div></div>')
    assert _pictures(page(body=fig + BODY + note)) == [
        ("The depot sends each bus out on a fixed schedule through the night.", "Jo Reed"),
        ("The new routes across the districts. Routes change in May. Check the council site.", None)]


def test_a_caption_line_that_links_what_it_names_through_a_tracking_pixel():
    """A shop-linked caption: the album's name is an affiliate link holding a 1-pixel tracker."""
    pic = ('<div class="image-wrap"><div class="column"><div class="img-wrap-h"><div class="img-wrap-w"><a href="/img/'
           'e190222_o.jpg.html" class="resource"><img src="https://cdn.gazette.example/img/docs/e190222_s.jpg" '
           'class="resource"></a></div></div><span class="caption">V.A./<a href="https://shop.example/ref?u=album">'
           '<img src="https://ad.shop.example/gifbanner?sid=1" height="1px" width="1px">Night Bus Volume 10</a></span>'
           '</div></div>')
    assert _pictures(page(body=BODY[:200] + pic + BODY)) == [("V.A./Night Bus Volume 10", None)]


def test_a_trending_rail_between_the_headline_and_the_text_holds_no_picture_of_the_story():
    """A photo post: the headline in a hero, then a left widget column (share counters, "Trending in
    photography" thumbnails linking other posts by a one-word title), then the post's own pictures and one line."""
    rail = ('<div id="post-content-left-widget"><div><div class="share-buttons"><span><a href="https://facebook.example/'
            'sharer?u=x"><i class="fa fa-facebook"></i><p>0</p></a></span></div><div class="cat-trending-posts"><p>'
            '<small>Trending in</small> <a href="/category/photography/">photography</a></p>' + "".join(
                f'<a href="/2020/05/{n.lower()}/" class="-undecorated"><img src="https://www.gazette.example/wp-content/'
                f'uploads/2020/05/{n}-1-150x150.jpg"><span><p>{n}</p></span></a>' for n in ("Shane", "Haruhiko"))
            + '</div></div></div>')
    post = ('<div id="post-content">' + "".join(
        f'<figure class="wp-block-image size-large"><img src="https://www.gazette.example/wp-content/uploads/2020/05/'
        f'night-bus-{i}-1024x680.jpg"></figure>' for i in (1, 2)) + '<p>Night buses across the city, photographed by '
        'a driver on the last run.</p></div>')
    html = ('<!doctype html><html lang="en"><head><title>Night buses | The Gazette</title></head><body><header class='
            '"site"><a href="/">The Gazette</a></header><div class="hero"><h1>Night buses</h1><div class="post-info">'
            '<p>in</p><p><a href="/category/photography/">photography</a></p></div></div><main><div id="content-wrap">'
            + rail + post + '</div></main><footer><p>About us.</p></footer></body></html>')
    a = parse_article(html, "https://www.gazette.example/2020/05/night-buses/")
    assert [i.url.rsplit("/", 1)[-1] for i in a.images] == ["night-bus-1-1024x680.jpg", "night-bus-2-1024x680.jpg"]


def test_a_credit_block_whose_caption_part_is_named_in_block_element_style():
    """`figcaption.o-credit` holding `span.o-credit__caption` and `span.o-credit__attribution`."""
    fig = ('<figure class="c-lead-media"><picture><img src="https://cdn.gazette.example/img/2016/09/lead_720_405.jpg" '
           'alt="Buses at the depot."></picture><figcaption class="c-lead-media__credit o-credit"><span class="'
           'c-lead-media__caption o-credit__caption">Night buses wait at the depot.</span><span class="o-credit__'
           'attribution">Jo Reed / Reuters</span></figcaption></figure>')
    assert _pictures(page(body=fig + BODY)) == [("Night buses wait at the depot.", "Jo Reed / Reuters")]


def test_a_lightbox_links_label_and_its_separator_are_no_caption_text():
    figs = "".join(
        f'<figure class="image"><img src="https://cdn.gazette.example/2020/03/{name}-640x427.jpg"><figcaption '
        f'class="caption"><div class="caption-text"><a href="https://cdn.gazette.example/2020/03/{name}.jpg" '
        f'class="enlarge-link">Enlarge</a>{text}</div><div class="caption-credit">Jo Reed</div></figcaption></figure>'
        for name, text in (("depot", ""), ("driver", ' <span class="sep">/</span> A driver checks the board.')))
    assert _pictures(page(body=figs + BODY)) == [(None, "Jo Reed"), ("A driver checks the board.", "Jo Reed")]


def test_a_blank_placeholder_a_script_on_its_wrapper_fills_in_leaves_the_picture_to_its_noscript():
    """Chorus-style figures: `<span data-original=…>` around a 1-pixel data: gif, the file in `<noscript>`; a
    video player's poster set the same way is no picture of the story."""
    blank = "data:image/gif;base64,R0lGODlhAQABAIAAAAUEBAAAACwAAAAAAQABAAACAkQBADs"
    fig = ('<figure class="e-image"><span class="e-image__image" data-original="https://cdn.gazette.example/file/7548655'
           f'/night-bus.jpg"><img class="c-dynamic-image" src="{blank}" alt=" "><noscript><img src="https://cdn.gazette'
           '.example/file/7548655/night-bus.jpg"></noscript></span><figcaption>The last bus of the night.</figcaption>'
           '</figure>')
    video = ('<figure class="media"><div class="video relative"><button class="play-button" title="Play"></button><img '
             f'src="{blank}" alt="Video: the council explains"><noscript><img src="https://cdn.gazette.example/2017/11/'
             'talk.jpg"></noscript></div></figure>')
    a = parse_article(page(body=BODY[:300] + fig + BODY + video), URL)
    assert [(i.url.rsplit("/", 1)[-1], i.caption) for i in a.images] == [
        ("night-bus.jpg", "The last bus of the night.")]


def test_a_metadata_box_after_the_figure_gives_its_caption_and_credit():
    """A lightbox's metadata box after the figure: a short title, the credit, the caption, and both joined."""
    fig = ('<aside class="trb_embed" data-content-type="image"><div class="trb_embed_media"><figure class="trb_embed_'
           'imageContainer_figure"><img src="https://img.gazette.example/turbine/night-bus/750/750x422" alt="Buses.">'
           '</figure><div class="trb_embed_related" data-role="lightbox_metadata"><span class="trb_embed_related_'
           'title">Buses.</span><div class="trb_embed_related_credit_and_caption">Night buses wait at the depot before '
           'the first run. (Jo Reed / The Gazette)</div><div class="trb_embed_related_credit">Jo Reed / The Gazette'
           '</div><div class="trb_embed_related_caption">Night buses wait at the depot before the first run.</div>'
           '</div></div></aside>')
    assert _pictures(page(body=fig + BODY)) == [("Night buses wait at the depot before the first run.",
                                                 "Jo Reed / The Gazette")]


def test_a_picture_a_script_draws_from_its_holders_data_image():
    """`<span class="resimg" data-image="…/photo.jpg">file name.jpg</span>` with its caption box after it; a card
    with prose and a data-image attribute is no picture."""
    top = ('<div id="top_images"><div><span class="resimg adv-photo-large" data-image="http://media.gazette.example/'
           'photo/21753198-mmmain.jpg" data-position="article-main">seized cards.jpg</span></div><div class="Caption">'
           ' Cash and cards seized at the depot on Wednesday. <em>(Jo Reed/jreed@gazette.example)</em></div></div>')
    card = ('<div class="story-card" data-image="http://media.gazette.example/photo/promo.jpg">Subscribe to the '
            'Gazette for the whole story of the night buses and everything else in the city.</div>')
    assert _pictures(page(body=top + BODY + card)) == [
        ("Cash and cards seized at the depot on Wednesday.", "Jo Reed/jreed@gazette.example")]


def test_a_list_items_picture_takes_the_credit_line_under_it_not_the_items_heading():
    """A listicle item: its numbered heading, a share box of blank `data:` gifs a script turns into buttons, the
    picture, a "View this image" link, then the credit line."""
    blank = '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==">'
    items = "".join(
        f'<div class="buzz_superlist_item buzz_superlist_item_image"><div class="solid"><h2 class="subbuzz_name">{n}. '
        f'Riders on route {n} want the last bus back.</h2><div class="sub_buzz_content"><div class="share-box">'
        f'{blank * 5}</div><img src="https://img.gazette.example/static/sub-buzz-{n}.png" width="578" height="448">'
        f'<p class="print"><a href="https://img.gazette.example/static/sub-buzz-{n}.png"><b>View this image ›</b></a>'
        f'</p></div><div class="sub_buzz_source_via buzz_attribution">@rider{n} / Twitter</div></div></div>'
        for n in range(1, 4))
    a = parse_article(page(body=BODY + f'<div class="buzz_superlist">{items}</div>'), URL)
    assert [(i.caption, i.credit) for i in a.images] == [(None, f"@rider{n} / Twitter") for n in range(1, 4)]
    assert not any("@rider" in p.text for p in a.paragraphs)  # a credit taken for a picture leaves the text


def test_a_figcaption_that_only_credits_the_photo_leaves_the_caption_to_the_box_beside_it():
    fig = ('<figure class="toggle_caption"><span class="photo"><img src="https://www.gazette.example/image/bus.jpg">'
           '</span><figcaption>Photographer: Jo Reed/Gazette</figcaption><div class="ext_caption caption_show"><p>'
           'Night buses wait at the eastern depot before their first run on Tuesday.<a href="#"> Close</a></p></div>'
           '<div class="ext_caption caption_preview"><p>Night buses wait at the eastern depot...<a href="#"> Read '
           'More</a></p></div></figure>')
    a = parse_article(page(body=fig + BODY), URL)
    assert [(i.caption, i.credit) for i in a.images] == [
        ("Night buses wait at the eastern depot before their first run on Tuesday.", "Photographer: Jo Reed/Gazette")]


def test_a_hidden_search_panels_h1_is_not_the_pages_only_headline():
    panel = ('<div class="section dark hidden" id="search"><div class="no-results"><h1>No matches for your search'
             '</h1><p>Unfortunately, we have no articles that match your search.</p></div></div>')
    html = ('<!doctype html><html lang="en"><head><title>Night buses return - The Gazette</title>'
            '<meta property="og:title" content="Night buses return"></head><body>'
            f'{panel}<div class="title">Night buses return</div><div class="article-body">{BODY}</div></body></html>')
    assert parse_article(html, URL).title == "Night buses return"


def test_a_bylines_photographer_and_producer_are_not_writers():
    byline = ('<div class="byline"><span class="contributor"><span class="name"><a '
              'href="/contributors/jo-reed">Jo Reed</a></span><span class="divider"> | </span></span><span '
              'class="contributor"><label>Photography by</label><span class="name"><a href="/contributors/sam-lee">'
              'Sam Lee</a></span></span><span class="contributor"><label>Produced by</label><span class="name"><a '
              'href="/contributors/ann-wu">Ann Wu</a></span></span></div>')
    assert parse_article(page(header=byline), URL).authors == ["Jo Reed"]
    labelled = byline.replace('<span class="contributor"><span class="name">',
                              '<span class="contributor"><label>Text by</label><span class="name">', 1)
    assert parse_article(page(header=labelled), URL).authors == ["Jo Reed"]


@pytest.mark.parametrize(("line", "credit"), [
    ("<h6>Photos: Getty Images</h6>", "Photos: Getty Images"),
    ("<p><small>(Image credits: Jo Reed; Sam Lee)</small></p>", "Image credits: Jo Reed; Sam Lee"),
    ('<p class="css-azjj2l">Featured Image Credit: City Council</p>', "Featured Image Credit: City Council"),
    ("<p><em>Main image credit: Getty</em></p>", "Main image credit: Getty"),
])
def test_a_credits_line_closing_the_text_credits_every_picture(line, credit):
    pics = "".join(f'<figure><img src="https://www.gazette.example/img/bus-{i}.jpg"></figure>' for i in (1, 2))
    a = parse_article(page(body=pics + BODY + line), URL)
    assert [i.credit for i in a.images] == [credit, credit]


def test_the_posts_byline_box_under_the_text_dates_it_by_its_time_element():
    after = ('<div class="author-mini-bio"><a class="brand-link" rel="author" href="/authors/jo">Jo Reed</a>'
             '<p class="author-bio-body">Jo covers transport and city life.</p></div><div class="post-byline"><ul>'
             '<li><time datetime="2014-12-16 09:30:00 -0500"><a href="/night-buses">12.16.14 9:30AM</a></time>'
             '</li></ul></div>')
    a = parse_article(page(after=after), "https://www.gazette.example/night-buses-213998")
    assert a.published_at == datetime(2014, 12, 16, 9, 30, tzinfo=timezone(timedelta(hours=-5)))


def test_a_writer_shown_in_captioned_pictures_of_her_own_story_keeps_them():
    """A column by Jo Reed about herself: pictures whose alt is her name but whose captions are the story's."""
    header = ('<p class="byline">By Jo Reed</p><img src="https://www.gazette.example/people/jreed-mug.jpg" '
              'alt="Jo Reed" width="300" height="300">')
    pics = "".join(f'<section class="photo"><p><img src="https://www.gazette.example/photos/{n}.jpg" alt="jo reed">'
                   f'<span class="caption">ON THE BUS: Jo rides the night line, stop {n} [DS]</span></p></section>'
                   for n in (180471, 180475))
    a = parse_article(page(header=header, body=BODY + pics), URL)
    assert [i.url.rsplit("/", 1)[-1] for i in a.images] == ["180471.jpg", "180475.jpg"]


def test_a_photo_post_without_paragraphs_is_dated_by_the_time_under_its_headline():
    """"News in photos": a network bar, the headline, its date line and one picture; no text at all."""
    network = "".join(f'<li><a href="https://{s}.example/">{s.title()}</a></li>' for s in
                      ("gazette", "courier", "herald", "ledger", "tribune", "sentinel"))
    html = ('<!doctype html><html lang="en"><head><title>Commuter Only One Not Relieved | The Gazette</title>'
            '<meta property="og:type" content="article"></head><body><div class="page"><div class="network-bar"><ul>'
            + network + '</ul></div><div class="post"><h1>Commuter Only One Not Relieved About Night Buses</h1>'
            '<div class="meta"><time datetime="2020-05-05T14:51:00-05:00"><a href="/x">Today 2:51PM</a></time></div>'
            '<figure><img src="https://img.gazette.example/photo/commuter.jpg" width="1600" height="900" '
            'alt="Illustration for article titled Commuter Only One Not Relieved"></figure></div></div>'
            '<footer><p>About us. Contact.</p></footer></body></html>')
    a = parse_article(html, "https://www.gazette.example/commuter-only-one-not-relieved-1843241234")
    assert a.published_at == datetime(2020, 5, 5, 14, 51, tzinfo=timezone(timedelta(hours=-5)))


@pytest.mark.parametrize("line", ["الأربعاء، 28 آب/اغسطس 2013، آخر تحديث 14:00 (GMT+0400)",
                                  "Wednesday, 28 August 2013, last updated 14:00 (GMT+0400)"])
def test_a_day_whose_time_follows_an_update_label_is_the_update(line):
    head = '<meta property="article:published_time" content="2013-08-03T09:30:00+04:00">'
    a = parse_article(page(head=head, header=f'<div class="stamp">{line}</div>'), URL)
    gst = timezone(timedelta(hours=4))
    assert (a.published_at, a.updated_at) == (datetime(2013, 8, 3, 9, 30, tzinfo=gst),
                                              datetime(2013, 8, 28, 14, 0, tzinfo=gst))


def test_a_date_line_under_a_long_standfirst_dates_a_page_without_metadata_dates():
    """Kicker, headline and a standfirst long enough to pass for the first paragraph, then byline and time."""
    html = ('<html lang="en"><head><title>Night buses return - The Gazette</title></head><body>'
            '<header><h1 class="logo"><a href="/">The Gazette</a></h1></header><div class="story">'
            '<p class="kicker">The Gazette Transit Desk</p><h1>Night buses return</h1>'
            '<p class="dek">Council members say the night lines will run again from Monday, after a year in which '
            'riders in the eastern districts had no way home after midnight.</p><footer class="meta">'
            '<p class="byline">By <a rel="author" href="/staff/jo-reed">Jo Reed</a></p><p class="timestamp">'
            '<time datetime="2016-10-04T05:07-0400">10/04/16 05:07 AM EDT</time></p></footer>' + BODY + '</div>'
            '<footer><p>About us. Contact.</p></footer></body></html>')
    a = parse_article(html, URL)
    assert a.published_at == datetime(2016, 10, 4, 5, 7, tzinfo=timezone(timedelta(hours=-4)))


def test_caption_lines_beside_a_linked_picture_a_lone_credit_line_and_a_caption_toggle():
    body = ('<div id="col600c"><a href="https://cdn.gazette.example/l/night-bus-one.jpg"><img '
            'src="https://cdn.gazette.example/night-bus-one.jpg" width="590" height="342" alt="bus"></a> '
            '<small>A driver checks the route board before the first night run.</small></div>' + BODY
            + '<div class="featured"><img src="https://cdn.gazette.example/night-bus-two.jpg" width="1600" '
            'height="900"></div><div class="row"><div class="columns end credit"> Gazette Films </div></div>'
            + '<div class="img-box"><img src="https://cdn.gazette.example/night-bus-three.jpg" width="800" '
            'height="450"><div class="caption"><p>The depot at dawn. <b class="credit">Jo Reed/AP</b> '
            '<b class="hide-caption"><b>hide caption</b></b></p></div></div>'
            + '<div id="attachment_7" class="wp-caption alignnone"><a href="https://cdn.gazette.example/rose.jpg"><img '
            'src="https://cdn.gazette.example/rose.jpg?w=780" width="780" height="438"></a><p class="wp-caption-text">'
            '“Wild Rose”</p></div><p class="image-credit">Sam Hill/Gazette</p>' + BODY)
    assert _pictures(page(body=body)) == [
        ("A driver checks the route board before the first night run.", None),
        (None, "Gazette Films"),
        ("The depot at dawn.", "Jo Reed/AP"),
        ("“Wild Rose”", "Sam Hill/Gazette"),
    ]


def test_a_picture_set_as_an_aside_in_the_text_is_the_articles_but_a_sidebar_aside_is_not():
    inset = ('<aside class="inset-image inset-full"><figure><img src="https://cdn.gazette.example/night-bus-depot.jpg" '
             'width="1200" height="800"><figcaption>The depot at dawn. <span class="credit">Jo Reed</span>'
             '</figcaption></figure></aside>')
    rail = ('<aside class="sidebar"><h3>Most read</h3><ul><li><a href="/x"><img src="https://cdn.gazette.example/'
            'teaser-ferry.jpg" width="300" height="200">Ferry fares rise</a></li></ul></aside>')
    body = BODY + inset + BODY
    a = parse_article(page(body=body, after=rail), URL)
    assert [(i.url.rsplit("/", 1)[-1], i.caption, i.credit) for i in a.images] == [
        ("night-bus-depot.jpg", "The depot at dawn.", "Jo Reed")]


def test_a_rail_aside_that_opens_with_the_byline_signs_the_article():
    rail = ('<aside class="left-rail"><div class="content-info"><div class="content-byline"> By <a class="content-'
            'author" href="/contributor/jo-reed">Jo Reed</a></div><time class="published">8 hours ago</time>'
            '<aside class="module-social-sharing"><a href="https://facebook.example/share">Share</a></aside></div>'
            '<h3>More News</h3><ul><li><a href="/ferry-fares">Ferry fares rise again</a></li></ul></aside>')
    a = parse_article(page(body=rail + BODY), URL)
    assert a.authors == ["Jo Reed"]
    assert all("Ferry" not in p.text for p in a.paragraphs)


@pytest.mark.parametrize(("published_meta", "modified"), [
    ("", "2016-12-16 12:40:25"),  # the date line's zone is the naive value's
    ('<meta name="date" content="2016-12-16 17:37:00">', "2016-12-16 17:40:25"),  # naive values in UTC
])
def test_a_naive_modification_time_beside_a_date_line_that_names_its_zone(published_meta, modified):
    head = f'{published_meta}<meta name="Last-Modified" content="{modified}">'
    header = '<div class="byline">By Jo Reed</div><span class="timestamp">Dec 16, 2016, 12:37 PM ET</span>'
    a = parse_article(page(head=head, header=header), URL)
    assert (a.published_at, a.updated_at) == (datetime(2016, 12, 16, 12, 37, tzinfo=EST),
                                              datetime(2016, 12, 16, 12, 40, 25, tzinfo=EST))


@pytest.mark.parametrize(("stamp", "shown", "expected"), [
    ("2016-12-09 09:13:00Z", "4 hours ago", datetime(2016, 12, 9, 9, 13, tzinfo=EST)),  # a local clock marked Z
    ("2016-12-09 14:13:00Z", "4 hours ago", datetime(2016, 12, 9, 14, 13, tzinfo=UTC)),  # the Z is right
])
def test_a_utc_mark_the_relative_age_beside_it_contradicts(stamp, shown, expected):
    header = f'<div class="meta">Jo Reed - <time data-published="{stamp}">{shown}</time></div>'
    fetched = datetime(2016, 12, 9, 18, 54, 25, tzinfo=UTC)
    assert parse_article(page(header=header), URL, fetched_at=fetched).published_at == expected
    assert parse_article(page(header=header), URL).published_at.utcoffset() == timedelta(0)  # no fetch time


def test_a_main_column_classed_like_a_rail_holds_the_post_not_its_long_comments():
    """La Presse's blogs: the headline, the post and its comments all sit in `div.rail-left`; each comment is
    longer than the post, and a login panel in the site header has as much text."""
    sentence = "Les Sénateurs connaissent une saison intéressante sous leur nouvel entraîneur, dit-il encore. "
    post = "".join(f"<p>Point {i}. {sentence * 2}</p>" for i in range(4))
    comments = "".join(f'<li><p class="author">lecteur{i}</p><p class="date">25 janvier 2017 1{i}h20</p>'
                       '<div class="body-text">' + "".join(f"<p>{i}.{j} {sentence * 4}</p>" for j in range(10))
                       + "</div></li>" for i in range(5))
    login = "".join(f"<p>Pour utiliser cette fonction, vous devez être membre, étape {i} de l'inscription.</p>"
                    for i in range(8))
    html = ('<html lang="fr"><head><title>Certains rêvent | Blogue</title></head><body><div id="header">'
            f'<div class="visaCtn"><div class="visa">{login}</div></div></div><div class="block-page">'
            '<div class="rail-left"><div class="blogue-page"><div class="leftbar"><div class="blogue-header">'
            '<p><strong>Mardi 24 janvier 2017</strong> | Mise en ligne à 12h02 | <a href="#comments">Commentaires'
            '</a></p><h1>Certains rêvent de nouveaux joueurs</h1></div>'
            f'<div class="entry"><div id="entryBlogue">{post}</div></div></div>'
            f'<ul class="comments-list">{comments}</ul></div></div></div></body></html>')
    a = parse_article(html, "https://blogues.gazette.example/2017/01/24/certains-revent/")
    assert [p.text[:8] for p in a.paragraphs] == ["Point 0.", "Point 1.", "Point 2.", "Point 3."]
    assert (a.published_at.day, a.published_at.hour, a.published_at.minute) == (24, 12, 2)


def test_a_photo_posts_one_line_of_text_takes_the_pictures_beside_it():
    pics = "".join(f'<p><img src="https://img.gazette.example/album/{n}.jpg" width="640" height="480"></p>'
                   for n in range(6))
    body = f'<div class="article-content-inner"><p>Our trip to the night market, in pictures.</p>{pics}</div>'
    a = parse_article(page(body=body), URL)
    assert [i.url.rsplit("/", 1)[-1] for i in a.images] == [f"{n}.jpg" for n in range(6)]


def test_a_translators_list_and_a_name_whose_last_letter_a_template_wraps():
    header = ('<div class="article__authors"><div><p class="meta">作者：</p><ul class="authors"><li><span class='
              '"author__name"><a class="author__link" href="/profile/Jo-Reed">Jo Reed</a></span></li></ul></div>'
              '<div><p class="meta">翻訳者</p><ul class="authors"><li><span class="author__name">'
              '<a class="author__link" href="/profile/yamada">山田 花子</a></span></li></ul></div></div>')
    assert parse_article(page(header=header, lang="ja"), URL).authors == ["Jo Reed"]
    header = ('<div class="bylines"><div class="byline byline--author"><div class="byline__name"><a class="byline__'
              'name-link" href="/contributor/jo-reedwater">Jo Reedwate<span class="last-letter-spacing">r</span></a>'
              '</div></div></div>')
    assert parse_article(page(header=header), URL).authors == ["Jo Reedwater"]


def test_a_company_by_its_legal_form_in_the_author_meta_is_no_writer():
    head = '<meta name="author" content="株式会社ガゼット">'
    header = '<p class="byline">Gazette PC Hotline!編集部</p>'
    assert parse_article(page(head=head, header=header, lang="ja"), URL).authors == ["Gazette PC Hotline!編集部"]
    from flows.extract.authors import is_person
    assert not is_person("株式会社ガゼット") and is_person("山田花子")


def test_a_headline_whose_text_the_cms_wrapped_in_a_paragraph():
    head = '<meta property="og:title" content="Night Buses Return: ‘We Missed Them’">'
    html = page(head=head).replace('<h1 class="headline">Night buses return</h1>',
                                   '<h1 class="headline"><p>Night buses return: \'We missed them\'</p> </h1>')
    assert parse_article(html, URL).title == "Night buses return: 'We missed them'"


def test_microdata_dates_in_the_value_attribute_of_data_elements():
    body = ('<div itemscope itemtype="https://schema.org/NewsArticle"><data itemprop="datePublished" '
            'value="2016-12-19T19:19:00Z">Monday</data><data itemprop="dateModified" value="2016-12-20T14:42:46Z">'
            '</data>' + BODY + '</div>')
    a = parse_article(page(body=body), URL)
    assert (a.published_at, a.updated_at) == (datetime(2016, 12, 19, 19, 19, tzinfo=UTC),
                                              datetime(2016, 12, 20, 14, 42, 46, tzinfo=UTC))


def test_a_figcaption_classed_as_a_credit_that_only_names_the_agency():
    body = ('<figure class="wp-caption"><img src="https://cdn.gazette.example/depot-1.jpg" width="1500" height="900">'
            '<figcaption class="wp-caption-text wp-caption-credit">GSI-Photo</figcaption></figure>' + BODY
            + '<figure class="wp-caption"><img src="https://cdn.gazette.example/depot-2.jpg" width="1500" height="900">'
            '<figcaption class="wp-caption-text">Jo at the depot</figcaption></figure>')
    assert _pictures(page(body=body)) == [(None, "GSI-Photo"), ("Jo at the depot", None)]


def test_a_picture_only_in_noscript_counts_where_no_placeholder_stands_beside_it():
    body = (BODY + '<div class="section-image"><div class="loading"><noscript><img src="https://cdn.gazette.example/'
            'tee-1.gif" class="loading"></noscript></div><div class="content-caption">The first tee</div></div>'
            '<p><img class="lazy" data-src="https://cdn.gazette.example/tee-2.jpg" width="800" height="600">'
            '<noscript><img src="https://cdn.gazette.example/tee-2.jpg" width="800" height="600"></noscript></p>')
    a = parse_article(page(body=body), URL)
    assert [i.url.rsplit("/", 1)[-1] for i in a.images] == ["tee-1.gif", "tee-2.jpg"]


def test_a_page_wrapped_whole_in_a_hidden_class_is_still_read():
    """A script reveals the page: the wrapper around the headline and the text is classed `hidden`."""
    html = page().replace("<body>", '<body><div class="hidden"><div class="page">').replace(
        "</body>", "</div></div></body>")
    a = parse_article(html, URL)
    assert a.title == "Night buses return" and len(a.paragraphs) == 4
    panel = ('<div class="search-panel hidden"><h1>No matches for your search</h1><p>Try another word.</p></div>')
    assert parse_article(page(after=panel), URL).title == "Night buses return"


def test_two_linked_thumbnails_side_by_side_in_one_photo_box_are_two_pictures():
    cols = "".join(f'<div class="column"><div class="img-wrap-h"><a href="/img/tm{n}.jpg.html"><img '
                   f'src="https://img.gazette.example/docs/tm{n}_s.jpg" style="width:160px;"></a></div></div>'
                   for n in (1, 2))
    body = f'<div class="image-wrap float right"><div class="row">{cols}</div></div>' + BODY
    a = parse_article(page(body=body), URL)
    assert [i.url.rsplit("/", 1)[-1] for i in a.images] == ["tm1_s.jpg", "tm2_s.jpg"]


def test_naive_metadata_times_keep_the_clock_their_publication_value_shows_beside_a_utc_time():
    """`published_time` 05:00 beside `<time datetime="…10:00:00Z">`: the page's naive values run five hours
    behind UTC, so its naive modification time does too."""
    head = ('<meta property="article:published_time" content="2017-01-09T05:00:00">'
            '<meta property="article:modified_time" content="2017-01-12T10:37:23">')
    header = '<p class="byline">By Jo Reed</p><time datetime="2017-01-09T10:00:00Z">01.09.17 5:00 AM</time>'
    a = parse_article(page(head=head, header=header), URL)
    assert (a.published_at, a.updated_at) == (datetime(2017, 1, 9, 10, 0, tzinfo=UTC),
                                              datetime(2017, 1, 12, 10, 37, 23, tzinfo=EST))


def test_a_licence_badge_and_a_square_picture_named_after_the_writer_are_no_story_pictures():
    header = '<p class="byline">By Jo Reedman</p>'
    body = (BODY + '<p><img src="https://cdn.gazette.example/img/jo-400x400.jpg" width="400" height="400"></p>'
            '<p><img src="https://cdn.gazette.example/img/depot-800x600.jpg" width="800" height="600"></p>'
            '<p><a rel="license" href="https://creativecommons.org/licenses/by-nc/4.0/"><img '
            'src="https://i.creativecommons.org/l/by-nc/4.0/88x31.png"></a></p>')
    a = parse_article(page(header=header, body=body), URL)
    assert [i.url.rsplit("/", 1)[-1] for i in a.images] == ["jo-400x400.jpg", "depot-800x600.jpg"]
    a = parse_article(page(header='<p class="byline">By Reedman Jones</p>',
                           body=body.replace("jo-400x400", "reedman-400x400")), URL)
    assert [i.url.rsplit("/", 1)[-1] for i in a.images] == ["depot-800x600.jpg"]


US_URL = "https://www.gazette-news.com/2018/04/05/night-buses"
EDT = timezone(timedelta(hours=-4))


def test_the_clock_a_page_that_names_none_most_likely_keeps():
    from flows.extract.zones import guess_zone

    guess = lambda declared, lang, url: str(guess_zone(declared, lang, url))  # noqa: E731
    assert guess([None], "en", US_URL) == "America/New_York"  # English on a generic domain
    assert guess(["fr-FR"], "fr", "https://blogues.example.ca/a") == "America/Toronto"  # the domain first
    assert guess(["en_AU"], "en", "https://news.example.com/a") == "Australia/Sydney"  # then the language's region
    assert guess(["es-MX"], "es", "https://noticias.example.com/a") == "America/Mexico_City"
    assert guess([None], "fr", "https://www.example.com/a") == "None"  # French is written on four continents
    assert guess([None], "en", "https://www.gazette.example/a") == "None"
    # a US site named for a city or state outside the Eastern zone keeps that place's clock, "en-US" or not
    assert guess(["en-US"], "en", "https://www.seattle-gazette.com/a") == "America/Los_Angeles"
    assert guess([None], "en", "https://news.chicagogazette.com/a") == "America/Chicago"
    assert guess([None], "en", "https://www.phoenixgazette.org/a") == "America/Phoenix"
    assert guess([None], "en", "https://www.portlandgazette.com/a") == "America/New_York"  # Maine's or Oregon's
    assert guess([None], "fr", "https://www.denvergazette.com/a") == "None"  # the place names an English site


@pytest.mark.parametrize(("header", "expected"), [
    # a date line with no zone on an English .com page: US Eastern, daylight saving time in April
    ('<div class="byline">By Jo Reed</div><p class="date">April 5, 2018 6:00 PM</p>',
     datetime(2018, 4, 5, 18, 0, tzinfo=EDT)),
    # the metadata's naive "06:00" beside "6:00 PM" is a 12-hour clock without its PM, not UTC twelve hours off
    ('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2018-04-05T06:00"}</script>'
     '<div class="byline">By Jo Reed</div><div class="updated-date">April 5, 2018 | 6:00 PM</div>',
     datetime(2018, 4, 5, 18, 0, tzinfo=EDT)),
    # a naive machine value the date line confirms as GMT is UTC, whatever the domain
    ('<div class="byline">By Jo Reed</div><time datetime="2018-04-05 19:14:00">April 5, 2018 -- 19:14 GMT</time>',
     datetime(2018, 4, 5, 19, 14, tzinfo=UTC)),
])
def test_naive_times_on_a_page_that_names_no_zone(header, expected):
    a = parse_article(page(header=header), US_URL)
    assert a.published_at == expected
    assert a.published_at.utcoffset() == expected.utcoffset()
    # on a domain that tells no country the same wall clock is read as UTC
    assert parse_article(page(header=header), URL).published_at == expected.replace(tzinfo=UTC)


def test_naive_machine_values_a_local_update_line_shows_hours_away_are_utc():
    """The metadata's naive 06:35:46 is the update line's "1:35 a.m." in New York: the page's naive machine
    values are UTC, so its publication at 06:09:25 is too, not 06:09 Eastern."""
    head = ('<meta property="article:published_time" content="2019-11-20 06:09:25">'
            '<meta property="article:modified_time" content="2019-11-20 06:35:46">')
    header = ('<div class="byline">By Jo Reed</div><div class="date"><time datetime="2019-11-20 06:09:25">Nov. 20, '
              '2019</time> <time datetime="2019-11-20 06:35:46">Updated: Nov. 20, 2019 1:35 a.m.</time></div>')
    a = parse_article(page(head=head, header=header), US_URL)
    assert (a.published_at, a.updated_at) == (datetime(2019, 11, 20, 6, 9, 25, tzinfo=UTC),
                                              datetime(2019, 11, 20, 6, 35, 46, tzinfo=UTC))


@pytest.mark.parametrize(("shown", "expected"), [
    ("20 hours ago", datetime(2016, 12, 21, 21, 46, 48, tzinfo=UTC)),  # the age fits the naive value as UTC
    ("15 hours ago", datetime(2016, 12, 21, 21, 46, 48, tzinfo=EST)),  # it fits New York's clock
])
def test_an_age_beside_a_naive_publication_decides_its_clock(shown, expected):
    head = '<meta property="article:published_time" content="2016-12-21 21:46:48">'
    header = f'<div class="byline">By Jo Reed</div><span class="published_date">{shown}</span>'
    fetched = datetime(2016, 12, 22, 18, 43, 35, tzinfo=UTC)
    assert parse_article(page(head=head, header=header), US_URL, fetched_at=fetched).published_at == expected


@pytest.mark.parametrize("data", [
    # an analytics data layer in a script
    '<script>var digitalData = {"pageType":"article","publishDate":"2015-04-16T20:02:01+00:00",'
    '"modifiedDate":"2015-04-16T20:11:02+00:00","keywords":"buses"};</script>',
    # a component's props in an attribute: a feed of stories, each with its own pair; the page's is the one whose
    # publication matches the page's date
    '<div data-props="{&quot;stories&quot;:[{&quot;modifiedDate&quot;:1429219999000,&quot;publicationDate&quot;:'
    '1429200000000},{&quot;modifiedDate&quot;:1429215062000,&quot;publicationDate&quot;:1429214521000}]}"></div>',
])
def test_a_data_layers_modification_stamp_beside_the_pages_publication_dates_the_update(data):
    head = '<meta property="article:published_time" content="2015-04-16T20:02:01+00:00">'
    a = parse_article(page(head=head, after=data), URL)
    assert a.published_at == datetime(2015, 4, 16, 20, 2, 1, tzinfo=UTC)
    assert a.updated_at == datetime(2015, 4, 16, 20, 11, 2, tzinfo=UTC)
    other = head.replace("20:02:01", "18:00:00")  # the layer's pair is another story's: no update from it
    assert parse_article(page(head=other, after=data), URL).updated_at is None


@pytest.mark.parametrize(("title", "expected"), [
    ("Fri, 07 Jun 2019 05:00:00 GMT", datetime(2019, 6, 7, 5, 0, tzinfo=UTC)),  # the title names the zone
    ("Fri, 07 Jun 2019 11:00:00 GMT", datetime(2019, 6, 7, 5, 0, tzinfo=EDT)),  # another clock: no help
    ("June 7 2019", datetime(2019, 6, 7, 5, 0, tzinfo=EDT)),  # no zone in it
])
def test_a_naive_datetime_whose_title_gives_the_same_clock_with_a_zone(title, expected):
    header = (f'<div class="byline">By Jo Reed</div><time class="pub-date" datetime="2019-06-07T05:00:00" '
              f'title="{title}">June 7 2019</time>')
    assert parse_article(page(header=header), US_URL).published_at == expected


@pytest.mark.parametrize(("line", "updated"), [
    ("Publié le 07 mai 2019 à 13h59, mis à jour à 15h25", datetime(2019, 5, 7, 15, 25, tzinfo=CEST)),
    ("Publié aujourd’hui à 13h59, mis à jour à 15h25", datetime(2019, 5, 7, 15, 25, tzinfo=CEST)),
    ("Publié le 07 mai 2019 à 13h59, mis à jour à 11h25", None),  # before the publication: no update
])
def test_an_update_time_without_its_own_date_in_the_publications_line(line, updated):
    head = '<meta property="article:published_time" content="2019-05-07T11:59:43+00:00">'
    header = f'<p class="meta__publisher">Cécile Ducourtieux</p><span class="meta__date">{line}</span>'
    a = parse_article(page(head=head, header=header, lang="fr"), "https://www.gazette.example.fr/economie/bus")
    assert a.published_at == datetime(2019, 5, 7, 13, 59, 43, tzinfo=CEST)
    assert a.updated_at == updated


def test_a_headline_set_in_pieces_keeps_the_dash_its_metadata_title_has():
    head = '<meta property="og:title" content="Night buses -- Council Warns Riders ... Timetable Changes Monday!">'
    pieces = ('<h1> <span class="hf1">Night buses</span> <span class="hf2">Council Warns Riders ... </span> '
              '<span class="hf3">Timetable Changes Monday!</span> </h1>')
    title = parse_article(page(head=head, headline=pieces), URL).title
    assert title == "Night buses -- Council Warns Riders ... Timetable Changes Monday!"
    # the same letters split otherwise ("Night-buses"): not the same words, the visible headline stands
    other = '<meta property="og:title" content="Night-buses -- Council Warns Riders">'
    pieces = "<h1><span>Night buses</span> <span>Council Warns Riders</span></h1>"
    assert parse_article(page(head=other, headline=pieces), URL).title == "Night buses Council Warns Riders"


def test_a_print_issue_line_is_not_the_publication_date():
    """A magazine's header shows the print issue the story ran in; its `datePublished` is a week earlier."""
    header = ('<p class="byline">By Jo Reed</p><a class="issue-publish-date-link" href="/magazine/2016/12/05"><time '
              'class="issue" itemprop="datePublished" content="2016-11-28">December 5, 2016 Issue</time></a>')
    a = parse_article(page(header=header), URL)
    assert a.published_at.date().isoformat() == "2016-11-28"
    plain = header.replace(" Issue</time>", "</time>")  # the same line without "Issue" is the date line
    assert parse_article(page(header=plain), URL).published_at.date().isoformat() == "2016-12-05"


def test_a_time_classed_updated_that_nothing_labels_is_the_publication_and_a_post_region_ends_at_its_story():
    """Kinja-style hAtom: the post's only time is classed "updated" (hAtom requires one) and reads "Today
    10:13am"; the post's `<article class="hentry status-published">` holds the story, whose first paragraph
    names a day of its own ("The day: July 9, 2000.")."""
    opening = ("<p>The day: July 9, 2000. The place: the bus depot. A young driver with wild aspirations had "
               "been promised the first run of the night, and the city turned out to see it.</p>")
    html = ('<!doctype html><html lang="en"><head><title>Night buses return | The Gazette</title></head><body>'
            '<article class="post hentry status-published"><header><h1>Night buses return</h1>'
            '<div class="meta__byline author"><a href="/jo">Jo Reed</a></div>'
            '<time class="meta__time updated" datetime="2016-10-26T10:13:00-04:00">'
            '<a title="10/26/16 10:13am">Today 10:13am</a></time></header>'
            f'<div class="post-content">{opening}{BODY}</div></article></body></html>')
    a = parse_article(html, "https://www.gazette.example/night-buses-return-1788216229")
    assert (a.published_at, a.updated_at) == (datetime(2016, 10, 26, 10, 13, tzinfo=EDT), None)
    # labelled an update for the reader, it stays one
    labelled = html.replace("<time class", "Updated <time class").replace(
        "</header>", '<span class="published">Oct 25, 2016 9:00am</span></header>')
    a = parse_article(labelled, "https://www.gazette.example/night-buses-return-1788216229")
    assert a.updated_at == datetime(2016, 10, 26, 10, 13, tzinfo=EDT)


@pytest.mark.parametrize(("name", "authors"), [
    ("GazetteNews", []),  # the site's own account: its name and a desk word, one token
    ("gazettestaff", []),
    ("NewsGazette", ["NewsGazette"]),  # the desk word must close it
    ("Jo Reed", ["Jo Reed"]),
])
def test_the_sites_one_word_house_account_in_the_metadata_is_no_writer(name, authors):
    a = parse_article(page(head=ld(author={"@type": "Person", "name": name})), URL)
    assert a.authors == authors


def test_a_breadcrumb_h1_a_meta_column_aside_and_a_kicker_headline():
    """The breadcrumb trail ends in an `<h1>` holding the SEO title; a short aside beside the text holds the
    date; the headline is an `<h2>` whose kicker the metadata title puts before it ("Genetik: …")."""
    crumbs = ('<ol class="breadcrumbs" itemscope itemtype="http://schema.org/BreadcrumbList">'
              '<li itemprop="itemListElement"><a href="/">Startseite</a></li>'
              '<li itemprop="itemListElement"><a href="/biologie">Biologie</a></li>'
              '<li itemprop="itemListElement"><h1 itemprop="name">Genetik: Die Nachtbusse der Stadt</h1></li></ol>')
    aside = ('<aside class="small-12 medium-2 columns"><ul class="content__meta">'
             '<li class="item content__meta__category">Hintergrund</li>'
             '<li class="item content__meta__date">19.07.2022</li>'
             '<li class="item content__meta__reading_duration">Lesedauer ca. 10 Minuten</li>'
             '<li class="item"><a href="javascript:print()">Drucken</a></li>'
             '<li class="item"><a href="#">Teilen</a></li></ul></aside>')
    headline = ('<h2><span class="content__kicker">Genetik</span><span class="sr-only">: </span>'
                '<span class="content__title">Die Nachtbusse fahren wieder</span></h2>')
    text = "".join(f"<p>Absatz {i}: Die Stadt lässt ihre Nachtbusse ab Montag wieder fahren, meldet der Rat, "
                   "und die Fahrer freuen sich auf die ersten Fahrgäste der neuen Linien.</p>" for i in range(6))
    html = ('<!doctype html><html lang="de"><head><title>Genetik: Die Nachtbusse der Stadt - Gazette</title>'
            '<meta name="og:title" value="Genetik: Die Nachtbusse fahren wieder"></head><body>'
            f'<article class="content"><div class="row">{crumbs}</div><div class="row">{aside}'
            f'<div class="columns">{headline}<div class="content__intro">Die Stadt lässt ihre Nachtbusse '
            f'wieder fahren.</div>{text}</div></div></article></body></html>')
    a = parse_article(html, "https://www.gazette.example/news/genetik-die-nachtbusse/2039026")
    assert a.title == "Die Nachtbusse fahren wieder"
    assert a.published_at == datetime(2022, 7, 19, tzinfo=timezone(timedelta(hours=2)))  # summer time


def test_a_long_copyright_line_listing_a_graphics_sources_is_its_credit():
    credit = ("© Jo Reed / The Gazette, nach Daten der Verkehrsbetriebe: Fahrgastzählung 2021 und 2022; Fotos: "
              "Ann Example / stock.example (Depot); Ben Sample / stock.example (Linie 5); Bearbeitung: The Gazette "
              "(Ausschnitt)")
    figure = ('<figure class="image"><img src="https://static.gazette.example/fm/912/f2000/nachtbusse_grafik.jpg" '
              f'alt="Grafik"><figcaption><div class="image-copyright">{credit}</div><div class="image-text">'
              'Nachtbusse im Vergleich | Die Zahl der Fahrgäste stieg in beiden Jahren.</div></figcaption></figure>')
    a = parse_article(page(body=figure + BODY, lang="de"), URL)
    assert [(i.caption, i.credit) for i in a.images] == [
        ("Nachtbusse im Vergleich | Die Zahl der Fahrgäste stieg in beiden Jahren.", credit)]
    assert len(credit) > 160


def test_pictures_a_script_serves_from_one_generic_path_are_named_by_their_query():
    """A slideshow whose three slides come from "/resources/r/?…&i=<id>" holds three pictures, and the same
    picture at another width is still one."""
    def slide(i: int, n: int) -> str:
        src = f"http://img.gazette.example/resources/r/?m=02&amp;d=20161214&amp;t=2&amp;i=116549229{i}&amp;w=&amp;ll=780"
        return (f'<div><div class="module-slide-media"><img data-lazy="{src}" alt=""></div><div class="module-meta">'
                f'<div class="module-caption">The council meets on Tuesday, slide {n}. <span class="module-credit">'
                f'GAZETTE/Jo Reed</span></div></div></div>')
    slider = '<div class="slider slider-module">' + "".join(slide(i, n) for n, i in enumerate((3, 5, 4), 1)) + "</div>"
    a = parse_article(page(body=slider + BODY), URL)
    assert [i.url.split("&i=")[1][:10] for i in a.images] == ["1165492293", "1165492295", "1165492294"]
    assert stable_key("http://img.gazette.example/resources/r/?i=1165492293&w=1200") == \
        stable_key("http://img2.gazette.example/resources/r/?i=1165492293&w=640&sq=1")
    assert stable_key("http://img.gazette.example/resources/r/?w=640") == \
        stable_key("http://img.gazette.example/resources/r/?w=1200")  # no id in the query: the path names it


def test_compact_publication_and_update_stamps_and_a_section_fronts_own_dates():
    """`ptime`/`utime` write a local clock without marks ("20160915171729"); a section front's are its own."""
    head = ('<meta name="pdate" content="20160915"><meta name="ptime" content="20160915171729">'
            '<meta name="utime" content="20160916150936">')
    a = parse_article(page(head=head), US_URL)
    assert (a.published_at, a.updated_at) == (datetime(2016, 9, 15, 17, 17, 29, tzinfo=EDT),
                                              datetime(2016, 9, 16, 15, 9, 36, tzinfo=EDT))
    front = head + '<script type="application/ld+json">{"@type": "CollectionPage", "name": "The Gazette"}</script>'
    a = parse_article(page(head=front), US_URL)
    assert (a.published_at, a.updated_at) == (None, None)


def test_a_logo_h1_without_text_is_no_headline_and_a_blogs_name_before_the_title_goes():
    """The masthead's `<h1>` holds only the logo picture; the post's headline is an `<h3>`, and the `<title>`
    puts the blog's name before it ("Gazette Diary: …")."""
    html = ('<!doctype html><html lang="en"><head><title>Gazette Diary: Night buses return to the city</title>'
            '</head><body><header><h1 id="logo">\n  <a href="/">\n    <img src="https://www.gazette.example/logo.gif" '
            'alt="GAZETTE"></a></h1></header><article id="article"><dl class="entrydate"><dt>Diary</dt>'
            '<dd>2019-02-13 Jo Reed</dd></dl><h3 id="night-buses">Night buses return to the city</h3>'
            f'{BODY}</article></body></html>')
    assert parse_article(html, "https://diary.gazette.example/d/2019/02/134052.html").title == \
        "Night buses return to the city"


def test_a_pipe_separated_byline_line_names_the_writer_the_page_sets_in_bold():
    """"<strong>Jane Roe</strong> | Palma de Mallorca | 08/01/2014": the town beside the name is no writer."""
    line = '<p class="autor"><strong>Jane Roe</strong> | Palma de Mallorca | 08/01/2014</p>'
    assert parse_article(page(header=line), URL).authors == ["Jane Roe"]
    # two names set in bold are two writers; an unmarked line keeps every name it lists
    two = line.replace("Palma de Mallorca", "<strong>John Doe</strong>")
    assert parse_article(page(header=two), URL).authors == ["Jane Roe", "John Doe"]
    plain = '<p class="autor">Jane Roe | John Doe</p>'
    assert parse_article(page(header=plain), URL).authors == ["Jane Roe", "John Doe"]


def test_an_aggregators_provider_line_names_the_outlet_that_wrote_the_story():
    """A portal reposting a broadcaster's story names it on a provider line beside the date, under the text."""
    after = ('<div class="article__info"><p class="article__lastupdate">11/02 19:16</p>'
             '<p class="article__service-name">Kanto News Net</p>'
             '<p class="article__service-link"><a href="https://kanto.example/a/1">Read the original</a></p></div>')
    html = page(after=after)
    assert parse_article(html, URL).authors == ["Kanto News Net"]
    # a writer's byline wins; a provider line holding a date names no one
    assert parse_article(page(header='<div class="byline">By Jane Roe</div>', after=after), URL).authors == ["Jane Roe"]
    dated = after.replace("Kanto News Net", "Kanto News 11/02")
    assert parse_article(page(after=dated), URL).authors == []


def test_the_posters_of_a_lead_videos_playlist_are_not_the_articles_pictures():
    """A lead player lists other videos, each with its poster, deep in the player's boxes over the text."""
    def item(name: str) -> str:
        return (f'<div class="video-resource"><div class="video-resource__image"><div class="image"><div '
                f'class="image__container"><picture><img src="https://media.gazette.example/v/{name}.jpg" '
                f'width="960" height="540" alt=""></picture></div></div></div><div class="video-resource__headline">'
                f'Other video {name}</div></div>')
    player = ('<div class="lede"><div class="video-carousel"><div class="video-playlist"><div '
              f'class="video-playlist__items">{item("tram-fares")}{item("bridge-works")}</div></div></div></div>')
    lead = ('<figure><img src="https://media.gazette.example/2019/11/depot-960.jpg" width="960" height="540" '
            'alt="The depot"><figcaption>The depot at dawn. Photo: Ann Lens</figcaption></figure>')
    a = parse_article(page(header=player + lead), URL)
    assert [i.url.rsplit("/", 1)[-1] for i in a.images] == ["depot-960.jpg"]
    assert not any("Other video" in p.text for p in a.paragraphs)


def test_a_proxy_that_writes_the_original_address_in_base64_serves_one_picture():
    """An image proxy encodes its options, the original's address among them, as base64 JSON in its path,
    and ends the path with a slug of its own; the share copy and the shown copy are one picture."""
    import base64
    import json

    def proxied(height: int, slug: str) -> str:
        options = json.dumps({"url": "https://images.gazette.example/uploads/2023/11/Night-Bus-Depot.jpg",
                              "height": height})
        data = base64.b64encode(json.dumps({"data": options, "hash": "4fb04d27"}).encode()).decode()
        return f"https://img.proxy.example/gazette/{data}/{slug}.jpg"

    share = f'<meta property="og:image" content="{proxied(627, "night-buses-return")}">'
    shown = f'<figure><img src="{proxied(360, "night-bus-depot")}"><figcaption>The depot.</figcaption></figure>'
    a = parse_article(page(head=share, body=shown + BODY), URL)
    assert [(i.url.rsplit("/", 1)[-1], i.caption, i.is_cover) for i in a.images] == [
        ("night-bus-depot.jpg", "The depot.", True)]
    # a base64-looking segment that decodes to no address decides nothing
    assert proxied_url("https://img.proxy.example/eyJub3RoaW5nIjogdHJ1ZX0=/a.jpg") is None



def test_a_share_copy_uploaded_again_under_the_same_name_is_the_shown_picture():
    """WordPress numbers a file uploaded again under a name it has ("Depot_Night-1-e1697208184684-2048x1152.png"
    for the share picture of "Depot_Night-1024x765.png")."""
    share = ('<meta property="og:image" content="https://www.gazette.example/wp-content/uploads/2023/10/'
             'Depot_Night-1-e1697208184684-2048x1152.png">')
    shown = ('<figure><img src="https://www.gazette.example/wp-content/uploads/2023/10/Depot_Night-1024x765.png">'
             '</figure>')
    a = parse_article(page(head=share, body=shown + BODY), URL)
    assert [(i.url.rsplit("/", 1)[-1], i.is_cover) for i in a.images] == [("Depot_Night-1024x765.png", True)]
    other = share.replace("Depot_Night-1-", "Harbour_View-1-")
    assert len(parse_article(page(head=other, body=shown + BODY), URL).images) == 2


def test_a_caption_line_with_the_copyright_sign_and_the_name_in_spans_of_their_own():
    """A licence plugin sets the caption, the sign and the photographer in three spans of one line."""
    pic = ('<img width="800" height="598" src="https://www.gazette.example/wp-content/uploads/2023/10/Depot-1024x765.'
           'png" class="attachment-large size-large" alt="Depot"> <p class="media-license"><span class="media-legend">'
           'The depot at dawn, before the first night run.  </span><span class="media-license-info">&copy; </span>'
           '<span class="media-license-author">Ann Lens </span></p>')
    assert captions_after_first_paragraph(pic) == [("The depot at dawn, before the first night run.", "© Ann Lens")]


@pytest.mark.parametrize(
    ("share", "cover"),
    [
        ("https://r.gazette.example/global/home/v01/img/gazettenews_logo_1200x800_en01.jpg", False),
        ("https://www.gazette.example/img/gazette_fb_logo.jpg", False),
        # a brand word and "logo" without a share size may be a story's photo of a company's logo
        ("https://cdn.gazette.example/2019/11/acme_logo_sign.jpg", True),
        ("https://cdn.gazette.example/2019/11/night-bus-1200x800.jpg", True),
    ],
)
def test_a_share_picture_that_is_the_sites_logo_is_no_cover(share, cover):
    a = parse_article(page(head=f'<meta property="og:image" content="{share}">'), URL)
    assert [i.is_cover for i in a.images] == ([True] if cover else [])


def test_a_loaders_spinner_set_before_the_picture_in_its_figure_is_not_the_picture():
    fig = ('<figure><div id="loading"><img alt="preload" src="https://static.gazette.example/images/iconos/preload.gif">'
           '</div><div class="big_img"><img alt="The depot" src="/media/getCachedContent/id/158666/width/515/height/'
           '337.png"></div><figcaption class="pie">The depot at dawn.</figcaption></figure>')
    a = parse_article(page(header=fig), URL)
    assert [(i.url.rsplit("/", 3)[-3], i.caption) for i in a.images] == [("515", "The depot at dawn.")]


def test_an_italic_line_inside_a_blog_editors_font_spans_under_a_picture_is_its_caption():
    font = '<span style="font-family: Arial;"><span style="font-size: small;">{}</span></span>'
    pic = ('<div class="separator" style="clear: both; text-align: center;"><a '
           'href="https://x.example/s1600/depot.jpg" imageanchor="1"><img src="https://x.example/s320/depot.jpg" '
           'width="255" height="320"></a></div>')
    italic = '<div style="text-align: center;">' + font.format("<em><span>The depot at dawn</span></em>") + "</div>"
    plain = '<div style="text-align: center;">' + font.format("The depot at dawn") + "</div>"
    for line, caption in ((italic, "The depot at dawn"), (plain, None)):
        a = parse_article(page(body=BODY.replace("</p>", "</p>" + pic + line, 1)), URL)
        assert [i.caption for i in a.images] == [caption]
        assert any(p.text == "The depot at dawn" for p in a.paragraphs) is (caption is None)


def test_a_gallerys_slides_take_their_cited_captions_and_not_its_caption_toggle():
    """Each slide holds its picture and its caption in a `<cite>`, the later ones hidden; one caption runs past
    300 characters; a "HIDE CAPTION" button follows the last slide."""
    long = ("The first night bus leaves the eastern depot on Wednesday, November 27, in the rain. " * 4).strip()
    captions = ["Drivers wait for the first night bus to leave the eastern depot.", long,
                "A plow clears the road in front of the depot on Sunday, November 24."]

    def slide(n: int, caption: str) -> str:
        hide = ' style="display:none"' if n else ""
        return (f'<div class="galleryPhotoContainer"><img src="https://media.gazette.example/{n}-night-bus-gallery'
                f'.jpg" width="640" height="360" alt=""{hide}><cite{hide}>{caption}</cite></div>')

    gallery = ('<div class="articleGallery">' + "".join(slide(n, c) for n, c in enumerate(captions))
               + '<div class="clear"></div><div class="galleryCaptionControl"><div class="galleryCaptionControlText">'
               'HIDE CAPTION</div></div></div>')
    a = parse_article(page(body=BODY.replace("</p>", "</p>" + gallery, 1)), URL)
    assert [i.caption for i in a.images] == captions
    assert not any("Drivers wait" in p.text for p in a.paragraphs)


@pytest.mark.parametrize(
    ("byline", "authors", "agencies"),
    [
        ("Agencia EFE", ["Agencia EFE"], ["EFE"]),  # a wire named with its kind signs as written
        ("EFE | Madrid", ["EFE"], ["EFE"]),  # the place a wire files from is no writer
        ("Europa Press | Madrid", ["Europa Press"], ["Europa Press"]),
        ("Jane Roe | Madrid", ["Jane Roe"], []),
        ("Texto: Jane Roe Fotos: John Doe", ["Jane Roe"], []),  # the photographer's credit on the same line
        ("Text: Jane Roe | Photos: John Doe", ["Jane Roe"], []),
        ("Jane Roe @janeroe", ["Jane Roe"], []),  # her handle beside her name
    ],
)
def test_wire_place_photo_credit_and_handle_beside_a_byline(byline, authors, agencies):
    a = parse_article(page(header=f'<div class="byline">{byline}</div>'), URL)
    assert (a.authors, a.agencies) == (authors, agencies)


@pytest.mark.parametrize(
    ("where", "box", "authors"),
    [
        ("body", '<div class="signature">Jane Roe</div>', ["Jane Roe"]),  # French papers' "signature" box
        ("header", '<div class="article-signature"><span class="article-signature__name">Jane Roe</span></div>',
         ["Jane Roe"]),
        ("header", '<p class="autor">Jane Roe<br>Madrid</p>', ["Jane Roe"]),  # a line break sets the place apart
        ("header", '<p class="autor">Jane Roe<br>John Doe</p>', ["Jane Roe", "John Doe"]),
    ],
)
def test_signature_boxes_and_lines_of_a_byline_box(where, box, authors):
    kw = {"body": BODY + box} if where == "body" else {"header": box}
    assert parse_article(page(**kw), URL).authors == authors


def test_a_crumb_h1_with_the_seo_title_gives_way_to_the_shown_headline_under_its_kicker():
    """A trail's last step is an `<h1 role=navigation class=breadcrumbs__item>` holding the search title; the
    headline shows in an `<h2>` under a kicker box, as the JSON-LD's `alternativeHeadline`."""
    seo = "Night buses: The return of the late routes – the background"
    shown = "The return of the late routes – what changes for riders"
    head = ld(headline=seo, alternativeHeadline=shown) + f'<meta property="og:title" content="{seo}">'
    crumbs = ('<div class="breadcrumbs"><a class="breadcrumbs__item" href="/">Home</a><a class="breadcrumbs__item" '
              f'href="/news">News</a></div><div class="nav"><h1 role="navigation" class="header-button '
              f'breadcrumbs__item breadcrumbs__item--title"><span>{seo}</span></h1></div>')
    headline = (f'<div class="headline"><h2 class="headline__title"><div class="catchline"><span>Night buses</span>'
                f'</div> <span>{shown}</span></h2></div>')
    html = page(head=head, headline=headline).replace("<article>", crumbs + "<article>")
    a = parse_article(html, URL)
    assert a.title == shown
    assert not any("Night buses" in p.text for p in a.paragraphs[:1])


@pytest.mark.parametrize(
    ("meta_author", "authors"),
    [
        ("Riverside.example staff", ["Riverside.example staff"]),  # the desk word in lower case
        ("Riverside News Desk", ["Riverside News Desk"]),
        ("the staff", []),
    ],
)
def test_a_desk_named_only_in_the_metadata_signs_the_story(meta_author, authors):
    a = parse_article(page(head=f'<meta name="author" content="{meta_author}">'), URL)
    assert a.authors == authors


def test_the_byline_of_a_related_story_card_in_the_text_is_not_the_writers():
    """A live page with no byline of its own sets a card for another story in its text: the card's heading holds
    the link, and the card names that story's writer."""
    card = ('<section class="inline-article"><article><div class="inline-article__content"><h4 class="inline-article__'
            'title"><a href="https://www.gazette.example/news/2019/11/18/tram-fares">Tram fares to rise in spring</a>'
            '</h4><span class="inline-article__author">di&nbsp;Alessia Rossi</span><time datetime="2019-11-18T01:00">'
            '18 November 2019</time></div></article></section>')
    a = parse_article(page(body=BODY.replace("</p>", "</p>" + card, 1)), URL)
    assert a.authors == []
    own = card.replace("inline-article__title", "x").replace("/news/2019/11/18/tram-fares", "/about")
    assert parse_article(page(body=BODY.replace("</p>", "</p>" + own.replace(
        "Tram fares to rise in spring", "About"), 1)), URL).authors == ["Alessia Rossi"]


@pytest.mark.parametrize(
    ("closing", "agencies"),
    [
        ("were themselves bereaved and homeless. – Additional reporting from Reuters", ["Reuters"]),
        ("The council meets again in March. Additional reporting by Reuters and AP.", ["Reuters", "AP"]),
        ("The council meets again in March. Additional reporting by Jane Roe.", []),  # a colleague is no wire
        ("The study relied on reporting from Reuters and local papers.", []),  # a sentence about reporting
    ],
)
def test_the_texts_closing_credit_for_additional_reporting_names_its_wires(closing, agencies):
    a = parse_article(page(header='<div class="byline">By John Doe</div>', body=BODY + f"<p>{closing}</p>"), URL)
    assert (a.authors, a.agencies) == (["John Doe"], agencies)


def test_a_grid_of_story_cards_and_a_promotion_box_in_the_text_are_not_its_pictures():
    """"Top news stories today": each card links another story with its picture and a short headline as the
    figure's caption; a box opening "Join the Gazette WhatsApp community!" shows a promotion's picture."""
    def card(slug: str, words: str) -> str:
        return (f'<li><a href="https://www.gazette.example/news/{slug}-31346289"><figure><div class="mod-image">'
                f'<img data-src="https://media.gazette.example/{slug}.jpg" data-width="482" data-height="321">'
                f'</div><figcaption>{words}</figcaption></figure></a></li>')
    grid = ('<div class="embedded-image-grid"><h3>Top news stories today</h3><ul>'
            + card("council-tax", "Planned council tax payment hikes") + card("tram-fares", "Tram fares rise again")
            + card("housing", "Calls for housing emergency plan") + "</ul></div>")
    promo = ('<div class="factbox has-image"><span class="factbox-header"><h3>Join the Gazette WhatsApp community!</h3>'
             '</span><figure><img data-src="https://media.gazette.example/whatsapp-promo.jpg"></figure><div '
             'class="factbox-content"><p>Get the latest news sent straight to your messages.</p></div></div>')
    own = ('<figure><img src="https://media.gazette.example/depot-960.jpg" width="960" height="540">'
           '<figcaption>The depot at dawn.</figcaption></figure>')
    a = parse_article(page(body=own + BODY.replace("</p>", "</p>" + grid + promo, 1)), URL)
    assert [i.url.rsplit("/", 1)[-1] for i in a.images] == ["depot-960.jpg"]
    # a story's own gallery of three linked pictures, each to its large file, stays
    gallery = "<ul>" + "".join(f'<li><a href="https://media.gazette.example/{n}-large.jpg"><figure><img src="https://'
                                 f'media.gazette.example/{n}.jpg"><figcaption>The depot at night, view {n}'
                                 "</figcaption></figure></a></li>" for n in (1, 2, 3)) + "</ul>"
    assert len(parse_article(page(body=BODY.replace("</p>", "</p>" + gallery, 1)), URL).images) == 3


def test_renditions_with_options_after_an_ampersand_or_wordpress_big_copy_are_one_picture():
    base = "https://www.gazette.example/storyimage/DA/20231108/NEWS/231109354/AR/0/AR-231109354.jpg"
    assert stable_key(base + "&updated=202311082246&imageversion=Facebook&exactH=630") == \
        stable_key(base + "&updated=202311082246&MaxW=900&Q=80") != \
        stable_key(base.replace("AR-231109354", "EP-231109354") + "&MaxW=900")
    wp = "https://cdn.gazette.example/wp-content/uploads/2023/11/depot-at-dawn-654be6e36fa82"
    assert stable_key(wp + "-scaled.jpg") == stable_key(wp + "-768x432.jpg")


def test_a_credit_in_italics_after_the_captions_last_sentence():
    fig = ('<figure><img src="https://media.gazette.example/depot-960.jpg"><figcaption class="a-photo__caption">'
           'The depot at dawn, before the first night run.<em> Ann Lens / The Gazette</em></figcaption></figure>')
    a = parse_article(page(body=BODY.replace("</p>", "</p>" + fig, 1)), URL)
    assert [(i.caption, i.credit) for i in a.images] == [("The depot at dawn, before the first night run.",
                                                          "Ann Lens / The Gazette")]
    title = fig.replace("<em> Ann Lens / The Gazette</em>", " It appears in <em>Night Buses</em>")
    a = parse_article(page(body=BODY.replace("</p>", "</p>" + title, 1)), URL)
    assert [i.credit for i in a.images] == [None]


def test_a_teaser_article_card_in_the_text_holds_no_picture_of_the_story():
    """"Lesen Sie auch": each card is an `<article class=teaser>` whose picture link and headline link lead to
    the same other story."""
    href = "/news/2019/11/18/tram-fares-rise-in-spring-art-921574"
    card = (f'<section class="teaserbox"><h3>Lesen Sie auch</h3><article class="teaser"><figure class="teaser-image">'
            f'<a href="{href}" title="Tram fares rise in spring"><picture><img loading="lazy" src="/storage/image/'
            f'1400561_tram-fares_mehrzumthema_1BiuXu.jpg" alt="A tram at the depot." width="696" height="390">'
            f'</picture></a></figure><section class="teaser-content"><h3 class="headline"><a href="{href}">Tram fares '
            f'rise in spring, the council says</a></h3></section></article></section>')
    own = ('<figure><img src="https://media.gazette.example/depot-960.jpg" width="960" height="540">'
           '<figcaption>The depot at dawn.</figcaption></figure>')
    a = parse_article(page(body=own + BODY.replace("</p>", "</p>" + card, 1)), URL)
    assert [i.url.rsplit("/", 1)[-1] for i in a.images] == ["depot-960.jpg"]


def test_a_video_posters_running_time_is_no_caption():
    poster = ('<div class="video-container"><div class="image playable video-poster"><img src="https://media.gazette.'
              'example/2019/11/depot-video.png" width="1920" height="1080" alt=""><span class="duration">17m</span>'
              '</div></div>')
    a = parse_article(page(header=poster), URL)
    assert [(i.url.rsplit("/", 1)[-1], i.caption) for i in a.images] == [("depot-video.png", None)]


@pytest.mark.parametrize(
    ("fig", "described"),
    [
        # a credit element keeps its own closing bracket
        ('<figure><span class="image-and-copyright-container"><img src="https://www.gazette.example/img/bus.jpg" '
         'width="976" height="549"><span class="story-image-copyright">Jo Reed (Gazette Photo)</span></span>'
         '<figcaption>A night bus at the depot.</figcaption></figure>',
         ("A night bus at the depot.", "Jo Reed (Gazette Photo)")),
        # Drupal's file name for screen readers is no caption text
        ('<figure class="file file-image"><img src="https://www.gazette.example/files/field/image/depot.jpg">'
         '<figcaption><h2 class="element-invisible"><a href="/files/depot-jpg.bild">Depot.jpg</a></h2>'
         '<div class="caption">The depot at dawn (Symbolbild)</div><p class="copyright">Foto: Ann Lens</p>'
         '</figcaption></figure>',
         ("The depot at dawn (Symbolbild)", "Foto: Ann Lens")),
    ],
)
def test_caption_and_credit_read_from_a_figures_parts(fig, described):
    a = parse_article(page(body=fig + BODY), URL)
    assert [(i.caption, i.credit) for i in a.images] == [described]


LEAD_SHARE = '<meta property="og:image" content="https://static.gazette.example/2019/11/19/metro/19busWeb-facebookJumbo.jpg">'
LEAD = ('<figure><img src="https://static.gazette.example/2019/11/19/metro/merlin_164413647_da4bedca-bccb-42d1-8517-'
        'c418e9f29297-articleLarge.jpg" width="600"><figcaption>The first night bus leaves the depot.</figcaption>'
        '</figure>')


def test_the_share_picture_under_a_name_of_its_own_is_the_one_picture_shown_above_the_text():
    a = parse_article(page(head=LEAD_SHARE, body=LEAD + BODY), URL)
    assert [(i.url.rsplit("/", 1)[-1][:17], i.caption, i.is_cover) for i in a.images] == [
        ("merlin_164413647_", "The first night bus leaves the depot.", True)]


@pytest.mark.parametrize(
    ("shown", "why"),
    [
        (BODY.replace("</p>", "</p>" + LEAD, 1), "set after the text starts"),
        (LEAD + LEAD.replace("merlin_164413647", "merlin_164413650") + BODY, "two pictures above the text"),
        (LEAD.replace('articleLarge.jpg" width="600"', 'articleLarge.jpg?w=105&amp;h=105"') + BODY, "a thumbnail"),
        ('<a href="/people/ann-lens">' + LEAD + "</a>" + BODY, "a link to the writer's page"),
        ('<div class="media__video--thumbnail">' + LEAD + "</div>" + BODY, "a video's poster"),
    ],
)
def test_a_share_picture_under_another_name_stays_apart_from_a_picture_that_is_no_sure_lead(shown, why):
    a = parse_article(page(head=LEAD_SHARE, body=shown), URL)
    assert a.images[0].url.endswith("19busWeb-facebookJumbo.jpg") and a.images[0].is_cover, why
    assert not any(i.is_cover for i in a.images[1:]), why


def test_a_share_picture_whose_name_says_it_shows_something_else_is_a_picture_of_its_own():
    share = '<meta property="og:image" content="https://www.gazette.example/uploads/2019/11/harbour-view-1200x630.jpg">'
    shown = ('<figure><img src="https://www.gazette.example/uploads/2019/11/depot-night-1024x765.jpg">'
             "<figcaption>The depot.</figcaption></figure>")
    a = parse_article(page(head=share, body=shown + BODY), URL)
    assert [(i.url.rsplit("/", 1)[-1], i.is_cover) for i in a.images] == [
        ("harbour-view-1200x630.jpg", True), ("depot-night-1024x765.jpg", False)]


def test_the_lead_picture_may_stand_below_a_bold_standfirst_and_beside_the_writers_head_shot():
    standfirst = ("<p><strong>The night buses come back on Wednesday, but not every district gets one, and the "
                  "council says the money runs out in spring.</strong></p>")
    a = parse_article(page(head=LEAD_SHARE, body=standfirst + LEAD + BODY), URL)
    assert [(i.caption, i.is_cover) for i in a.images] == [("The first night bus leaves the depot.", True)]
    shot = ('<div class="info-area__img"><img src="https://static.gazette.example/piece/0c/62/207768954-f-1_1-w-125.'
            'jpg" alt="Ann Lens"><p>Von <a href="/ann-lens">Ann Lens</a></p></div>')
    a = parse_article(page(head=LEAD_SHARE, header=shot, body=LEAD + BODY), URL)
    assert a.authors == ["Ann Lens"]
    assert [(i.caption, i.is_cover) for i in a.images] == [("The first night bus leaves the depot.", True)]


def test_a_kicker_above_the_headline_in_the_bodys_own_box_is_no_paragraph():
    """The text box holds the header too: the line over the headline ("Semesterstart") is its kicker."""
    html = page(headline="", body='<p class="article__topline">Night service</p><h1>Night buses return</h1>'
                '<p class="info">By Ann Lens</p>' + BODY)
    a = parse_article(html, URL)
    assert a.title == "Night buses return"
    assert a.paragraphs[0].text.startswith("Paragraph 1 of the story")
    assert not any(p.text == "Night service" for p in a.paragraphs)


def test_a_wire_and_the_newsroom_signing_together_in_a_meta_column_are_both_the_byline():
    """"von dpa, unserer Redaktion" in a short `<aside>` beside the text, teaser cards below with writers of
    their own: each card is one link to its story."""
    aside = ('<aside class="page-meta page-meta--sticky"><div class="article-meta"><div class="article-meta__author '
             'author"> von <span> dpa</span>, <span>unserer Redaktion</span></div><time datetime="2019-11-19T05:41:58'
             '+01:00">vor 9 Stunden</time> <span class="reading-time">1 Minute</span></div></aside>')
    cards = "".join(f'<li><a class="teaser__body" href="/news/2019/11/18/story-{n}"><p class="teaser__headline">'
                    f'Another story number {n} about the buses</p><footer class="teaser__footer"><div '
                    f'class="teaser__authors author">von <span>Sara Reiter{n}</span></div></footer></a></li>'
                    for n in range(3))
    a = parse_article(page(header=aside, lang="de", after=f"<ul>{cards}</ul>"), URL)
    assert a.authors == ["dpa", "unserer Redaktion"]
    assert a.agencies == ["dpa"]
    assert parse_article(page(lang="de", after=f"<ul>{cards}</ul>"), URL).authors == []


@pytest.mark.parametrize(("line", "authors"), [
    ("von unserer Redaktion", ["unserer Redaktion"]),
    ("Par La rédaction", ["La rédaction"]),
    ("Redazione", ["Redazione"]),
    ("(mwo)", []),  # an editor's initials, no name
])
def test_the_newsroom_by_its_word_signs_and_an_editors_initials_do_not(line, authors):
    assert read_byline([line], set()).institutions == authors
    assert read_byline([line], set()).people == []


def test_a_byline_in_a_small_article_card_after_its_linked_heading_is_that_storys():
    own = f'<article class="preview"><header><h2><a href="{URL}">Night buses return</a></h2></header></article>'
    card = ('<article class="preview"><header><h2 class="article-heading"><a href="/news/2019/11/18/depot">Why the '
            'depot closed early</a></h2></header><div class="article-teaser">The depot shut at nine.</div>'
            '<div class="article-meta"><ul><li class="authors">Von Tomas Meister</li></ul></div></article>')
    a = parse_article(page(after=own + card * 2), URL)
    assert a.authors == []


@pytest.mark.parametrize(("closing", "authors", "agencies"), [
    ("<p><strong>The council meets again in May.</strong> (Christian P. Stadtfeld) +++</p>",
     ["Christian P. Stadtfeld"], []),
    ("<p>The buses run until spring, the council said. (dpa)</p>", ["dpa"], ["dpa"]),
    ("<p>The buses run until spring, the council said (see the timetable)</p>", [], []),
])
def test_a_name_in_brackets_after_the_last_sentence_signs_a_text_without_a_byline(closing, authors, agencies):
    a = parse_article(page(body=BODY + closing), URL)
    assert a.authors == authors
    assert a.agencies == agencies
    signed = parse_article(page(header='<p class="byline">By Ann Lens</p>', body=BODY + closing), URL)
    assert (signed.authors, signed.agencies) == (["Ann Lens"], agencies)  # a wire's bracket still credits it


def test_a_kickers_separator_in_a_span_of_its_own_is_not_part_of_the_headline():
    headline = ('<h1><span class="headline headline--topline">Night service</span> <span class="headline '
                'headline--colon">: </span> <span class="headline headline--1">Night buses return</span></h1>')
    assert parse_article(page(headline=headline), URL).title == "Night buses return"


def test_a_figure_beside_the_text_in_an_article_wrapper_classed_for_its_state_is_the_articles():
    """"has-recommendations" tells what the page holds; it does not make the wrapper a rail of recommendations."""
    fig = ('<figure class="figure"><div class="figure__wrapper" data-copyright="Ann Lens / Photo Desk"><img '
           'data-src="/media/1555473/20200820_PD12875_4889.jpg" width="400" height="224"></div><figcaption>'
           'The depot chief - &copy; Ann Lens / Photo Desk</figcaption></figure>')
    html = page(body=f'<div class="article container has-recommendations">{BODY}{fig}{BODY}</div>')
    a = parse_article(html, URL)
    assert [(i.caption, i.credit) for i in a.images] == [("The depot chief", "© Ann Lens / Photo Desk")]


def test_a_caption_cut_short_under_the_picture_is_read_whole_from_its_lightbox_link():
    full = "The depot chief says the night buses must now deliver: more lines, more drivers, more hours."
    fig = (f"<div class='imgbox'><a class='fancybox' data-caption='Foto: Ann Lens - {full}' href='/xl/depot.jpg'>"
           "<img src='https://www.gazette.example/images/19/11/depot-chief.jpg'/></a><p class='img-text'>The depot "
           "chief says the night buses must now deliver: more lines, ...<cite>Foto: Ann Lens</cite></p></div>")
    assert captions_after_first_paragraph(fig) == [(full, "Foto: Ann Lens")]


@pytest.mark.parametrize(("text", "caption", "credit"), [
    ("A sensation in the district. - Foto: Hendrik Urban", "A sensation in the district.", "Foto: Hendrik Urban"),
    ("The film on Monday at 20:15. Loriot cartoon © SWR/Hugo Jehle, free of charge - use only in editorial context "
     "with the programme named and with the credit \"Bild: SWR/Hugo Jehle\". SWR press office, Baden-Baden",
     "The film on Monday at 20:15. Loriot cartoon", "© SWR/Hugo Jehle"),
])
def test_a_labelled_credit_after_a_dash_and_a_credit_before_its_terms_of_use(text, caption, credit):
    assert split_credit(text) == (caption, credit)


def test_a_block_that_only_links_the_pictures_source_after_the_caption_is_its_credit():
    fig = ("<div class='gallery'><div class='tw-self-center'><div class='tw-relative child-picture:tw-flex'><picture>"
           "<img src='https://img.gazette.example/uploads/2019/11/contrail-sky.jpg'></picture></div></div>"
           "<div class='tw-flex tw-justify-between !tw-text-gray-700 tw-font-semibold'><div class='tw-grow'><p>A plane "
           "over the Atlantic, faster than ever.</p></div>"
           "<div class='tw-italic'><a href='https://de.stockphotos.example' target='_blank'>Stockphotos</a></div>"
           "</div></div>")
    assert captions_after_first_paragraph(fig) == [("A plane over the Atlantic, faster than ever.", "Stockphotos")]


def test_foundations_interchange_attribute_names_the_picture():
    fig = ('<figure class="wp-caption"><img data-interchange="[https://www.gazette.example/uploads/2019/11/depot-'
           '300x198.jpg, small], [https://www.gazette.example/uploads/2019/11/depot-1300x858.jpg, medium]">'
           '<div class="wp-caption-text">The depot at dawn.</div></figure>')
    a = parse_article(page(body=BODY.replace("</p>", "</p>" + fig, 1)), URL)
    assert [(i.url.rsplit("/", 1)[-1], i.caption) for i in a.images] == [("depot-1300x858.jpg", "The depot at dawn.")]


def test_a_correspondents_box_signs_the_story_and_its_head_shot_is_no_picture_of_it():
    box = ('<div class="correspondent"><a href="https://www.gazette.example/news/by/ann-lens" rel="author"><img alt="" '
           'src="https://assets.gazette.example/media/2023/06/ann-lens-500-500.jpg" class="image"><span class="name">'
           'Ann Lens</span></a><span class="role">International Editor</span></div>')
    a = parse_article(page(header=box), URL)
    assert a.authors == ["Ann Lens"]
    assert a.images == []


def test_a_meta_aside_that_opens_with_a_labelled_byline_is_read_for_its_writer_and_date():
    tags = "".join(f'<a href="/tags/t{n}" typeof="skos:Concept">Schlagwort{n}</a>, ' for n in range(5))
    aside = ('<aside class="meta"><p class="authors">Von:<br><i><a href="/autor/ann-lens-21589" class="author-name">'
             'Ann Lens</a></i></p><p class="wrapper-date row"><time class="hpd-date" itemprop="datePublished" '
             'content="2019-11-19" datetime="2019-11-19T11:45:00+02:00">19. Nov 2019</time></p><div class="field '
             f'field-name-field-tags field-label-inline clearfix"><b class="field-label">Schlagworte:</b><p>{tags}'
             f'{"<span class=sep> </span>" * 40}</p></div></aside>')
    assert len(aside) > 1500  # longer than the small author aside kept for its microdata alone
    a = parse_article(page(header=aside, lang="de"), URL)
    assert a.authors == ["Ann Lens"]
    assert a.published_at == datetime(2019, 11, 19, 11, 45, tzinfo=CEST)


def test_a_list_whose_modifier_names_it_related_holds_no_pictures_of_the_article():
    item = ('<div class="list__item"><header class="list__header"><h2 class="tertiary-title">Another story about '
            'the depot</h2><p>A teaser of the other story.</p><picture class="picture list__image"><img '
            'src="https://www.gazette.example/uploads/2019/04/depot-{n}-706x386.png" alt="depot"></picture></header>'
            '<a href="/news/2019/10/19/other-{n}" class="list__more more">weiterlesen</a></div>')
    related = '<div class="list list--related detail__list">' + "".join(item.format(n=n) for n in range(3)) + "</div>"
    a = parse_article(page(body=BODY + related), URL)
    assert a.images == []


@pytest.mark.parametrize(("style", "kept"), [("height:84px; width:564px", False), ("height:376px; width:564px", True)])
def test_a_banner_sized_only_by_its_style_that_links_another_site_is_no_picture(style, kept):
    """CKEditor writes the size into `style`; four times wider than high and linking away, it is a banner."""
    fig = (f'<p><figure><a href="https://donate.example/gazette"><img alt="Support us!" src="/files/media/support_us'
           f'.png" style="{style}"></a></figure></p>')
    assert len(captions_after_first_paragraph(fig)) == (1 if kept else 0)


@pytest.mark.parametrize(("text", "caption", "credit"), [
    ("Foto: Anas-Mohamed, Shutterstock", None, "Foto: Anas-Mohamed, Shutterstock"),
    ("Drivers and the depot chief (from left) spoke about the night. Bild Paul Aenis", "Drivers and the depot chief "
     "(from left) spoke about the night.", "Bild Paul Aenis"),
])
def test_a_whole_labelled_credit_line_and_a_label_and_name_after_the_last_sentence(text, caption, credit):
    assert split_credit(text) == (caption, credit)


@pytest.mark.parametrize(("line", "caption", "credit"), [
    ('<p class="has-text-align-right"><strong>Foto: <a href="https://commons.example/q1">Ann Lens</a>, via '
     'Wikimedia Commons</strong></p>', None, "Foto: Ann Lens, via Wikimedia Commons"),
    ('<span class="cr2">Flughafen Frankfurt, <span class="cr">&copy;&nbsp;Gazette AG</span></span>',
     "Flughafen Frankfurt", "© Gazette AG"),
])
def test_a_line_after_a_picture_that_credits_it_is_its_caption_line(line, caption, credit):
    pic = ('<p><a href="https://www.gazette.example/pics/p_14034.jpg" class="highslide"><img class="n_img" '
           'src="https://www.gazette.example/news_pics/m_46212_14034.jpg" alt="Depot"></a><br/></p>')
    assert captions_after_first_paragraph(pic + line) == [(caption, credit)]


def test_a_lightbox_thumbnail_is_the_share_picture_it_links_and_a_german_caption_class_names_its_caption():
    share = '<meta property="og:image" content="https://www.gazette.example/cache/1280_676731_1031_12808649.png">'
    pic = ('<div class="bildrahmenmitte-wrapper"><span class="bildunterschrift-bildrahmenmitte"><a data-lightbox="set" '
           'href="/cache/1280_676731_1031_12808649.png"><img width="100%" src="/cache/668_676731_1031_12808649.png">'
           '</a><span class="bildunterschrift">Wetterbild (Foto: anaterate/Pixabay.com)</span></span></div>')
    a = parse_article(page(head=share, body=BODY.replace("</p>", "</p>" + pic, 1)), URL)
    assert [(i.caption, i.credit, i.is_cover) for i in a.images] == [
        ("Wetterbild", "Foto: anaterate/Pixabay.com", True)]


def test_a_labelled_desk_abbreviation_signs_while_bracketed_initials_closing_the_text_do_not():
    assert read_byline(["Autor: red"], set()).institutions == ["red"]
    assert read_byline(["(mwo)"], set()).institutions == []


def test_a_print_icon_and_the_writers_head_shot_captioned_with_the_byline_are_no_pictures():
    icons = '<a href="newsprint.php?nid=1" target="_new"><img src="img/print.gif" border="0" title="Print"></a>'
    shot = ('<p class="rubric-textblock"><img class="autorenbild" src="https://www.gazette.example/images/Autorin_Ann_'
            'Lens.jpg" align="left"> <i>Von Ann Lens</i></p>')
    a = parse_article(page(header=icons + shot), URL)
    assert a.authors == ["Ann Lens"]
    assert a.images == []


def test_a_columns_headline_that_names_its_writer_signs_when_the_byline_box_holds_only_its_label():
    headline = '<h1 class="headline">Night buses return – By Lorraine Weightman</h1>'
    a = parse_article(page(headline=headline, header='<div class="author-box"><span>By</span> <span>-</span></div>'),
                      URL)
    assert a.title == "Night buses return – By Lorraine Weightman"
    assert a.authors == ["Lorraine Weightman"]


def test_a_wires_copyright_line_under_the_text_signs_a_story_without_a_byline():
    line = '<div style="float:left;color:#666;">&copy; dpa-AFX | Abb.: Fraport | 19.11.2019 08:03</div>'
    a = parse_article(page(body=BODY + line), URL)
    assert (a.authors, a.agencies) == (["dpa-AFX"], ["dpa-AFX"])
    assert parse_article(page(body=BODY + line.replace("dpa-AFX", "Gazette Media")), URL).authors == []
