"""Body selection rules on small authored pages: digests, teaser listings, embedded posts."""

from __future__ import annotations

import pytest

from flows.extract import parse_article
from flows.extract import profiles as profiles_mod

PROSE = (
    "The council voted on Tuesday to extend the night bus service to the eastern districts, after a year of "
    "petitions from shift workers who said the last train left them stranded."
)


def page(body: str, lang: str = "en", head: str = "") -> str:
    return (
        f'<!doctype html><html lang="{lang}"><head><title>Headline here | The Gazette</title>{head}</head><body>'
        '<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>'
        f"<h1>Headline here</h1>{body}"
        '<footer><p>About us. Contact. Terms of use. Privacy policy.</p></footer></body></html>'
    )


def texts(html: str, url: str = "https://gazette.example/news/2024/headline-here") -> list[str]:
    return [p.text for p in parse_article(html, url).paragraphs]


def digest_item(i: int) -> str:
    return (
        f'<li><strong><a href="/news/story-{i}">Story number {i} about the city budget was published today</a>.'
        f"</strong> Officials said item {i} would be reviewed next week by the finance committee.</li>"
    )


def test_digest_of_linked_items_inside_the_article_text_is_the_body():
    items = "".join(digest_item(i) for i in range(1, 9))
    html = page(
        '<div class="sidebar-widget"><p>Short note.</p></div>'
        f'<div class="post-content"><p>Good morning! Here is what you need to know today.</p><ol>{items}</ol></div>'
    )
    got = texts(html)
    assert got[0] == "Good morning! Here is what you need to know today."
    assert len(got) == 9
    assert got[-1].startswith("Story number 8 about the city budget")


def test_a_listing_of_linked_teasers_outside_the_article_text_is_not_the_body():
    teasers = "".join(
        f'<div class="teaser"><p><a href="/news/other-{i}">Another headline number {i} from the archive</a> '
        f"An excerpt of that other story, long enough to look like prose on its own...</p></div>"
        for i in range(8)
    )
    html = page(f'<div class="story"><p>{PROSE}</p><p>{PROSE} Again.</p></div><div class="list">{teasers}</div>')
    got = texts(html)
    assert got == [PROSE, PROSE + " Again."]


def test_an_article_followed_by_a_listing_of_nested_article_teasers_wins():
    teaser = (
        '<article class="postbox hentry"><img src="/t{i}.jpg" width="600" height="400">'
        "<p>{text}</p><p><a href='/x{i}'>Whatsapp</a> <a href='/y{i}'>Facebook</a></p></article>"
    )
    # together the teasers hold far more prose than the article; each one holds less
    teasers = "".join(teaser.format(i=i, text=f"Teaser {i}. {PROSE} {PROSE}") for i in range(6))
    article = [f"{PROSE} Part {i}." for i in range(3)]
    html = page(
        f'<article class="articlebox hentry">{"".join(f"<p>{t}</p>" for t in article)}</article>'
        f'<article class="postbox hentry"><h3>You may also like</h3>{teasers}</article>'
    )
    assert texts(html) == article


TWEET = (
    '<blockquote class="twitter-tweet"><p lang="en" dir="ltr">The buses start on Monday. Thank you to every '
    'driver who signed up for the night shift.</p>&mdash; City Transit (@citytransit) '
    '<a href="https://twitter.com/citytransit/status/1234567890">November 18, 2024</a></blockquote>'
)


def test_embedded_tweet_is_quoted_in_the_text_of_a_generic_page():
    html = page(f'<div class="article-body"><p>{PROSE}</p><p>The agency posted:</p>{TWEET}<p>{PROSE} End.</p></div>')
    got = texts(html)
    assert "The buses start on Monday. Thank you to every driver who signed up for the night shift." in got
    assert got[-1] == PROSE + " End."


def test_instagram_embed_keeps_the_post_but_not_its_chrome():
    insta = (
        '<blockquote class="instagram-media"><div><a href="https://www.instagram.com/p/abc/">View this post on '
        'Instagram</a></div><p>Opening night of the new line, with the whole crew on board for the first ride.</p>'
        '<p>A post shared by City Transit (@citytransit) on Nov 18, 2024 at 9:00pm PST</p></blockquote>'
    )
    got = texts(page(f'<div class="article-body"><p>{PROSE}</p>{insta}<p>{PROSE} End.</p></div>'))
    assert "Opening night of the new line, with the whole crew on board for the first ride." in got
    assert not any("View this post" in t or "A post shared by" in t for t in got)


def test_embedded_posts_are_left_out_of_indonesian_pages():
    prosa = (
        "Pemerintah kota memperpanjang layanan bus malam ke wilayah timur setelah setahun menerima petisi dari "
        "para pekerja shift yang kerap tertinggal kereta terakhir."
    )
    html = page(f'<div class="article-body"><p>{prosa}</p>{TWEET}<p>{prosa} Selesai.</p></div>', lang="id")
    got = texts(html, "https://warta-kota.example.id/berita/2024/bus-malam")
    assert got == [prosa, prosa + " Selesai."]


@pytest.mark.parametrize(("setting", "kept"), [("keep", True), ("drop", False)])
def test_a_profile_decides_embedded_posts(tmp_path, monkeypatch, setting, kept):
    (tmp_path / "gazette.toml").write_text(
        f'name = "gazette"\nhosts = ["gazette.example"]\nembeds = "{setting}"\n', encoding="utf-8"
    )
    monkeypatch.setenv("WARTA_SITES", str(tmp_path))
    profiles_mod.load_all.cache_clear()
    try:
        got = texts(page(f'<div class="article-body"><p>{PROSE}</p>{TWEET}<p>{PROSE} End.</p></div>'))
    finally:
        profiles_mod.load_all.cache_clear()
    assert any(t.startswith("The buses start on Monday.") for t in got) is kept


def test_a_bad_embeds_setting_is_a_clear_error():
    with pytest.raises(ValueError, match="embeds"):
        profiles_mod.load_profile({"name": "x", "hosts": ["x.example"], "embeds": "sometimes"})


def test_live_blog_entries_in_their_own_articles_are_all_the_body():
    ld = '<script type="application/ld+json">{"@type": "LiveBlogPosting", "headline": "Headline here"}</script>'
    entries = [f"{PROSE} Update {i}." for i in range(5)]
    html = page(
        '<div class="live">' + "".join(f'<article class="entry"><p>{t}</p></article>' for t in entries) + "</div>",
        head=ld,
    )
    assert texts(html) == entries


def test_a_promo_box_with_a_call_to_action_button_is_not_body_text_in_a_short_article():
    body = ('<div id="detail_news" class="body-paragraph"><p><span class="first-p"><b>Gazette.com - </b></span>'
            'Night buses return to the eastern districts on Monday after a two-year pause.</p>'
            '<p>The council says six routes will run every half hour between midnight and five.</p>'
            '<div class="gtwsub"><p class="gtwsub-text">Know someone who keeps the city moving? Their story deserves '
            'to be told. Nominate them for our Local Heroes series!</p><a href="/heroes/submit" class="gtwsub-btn">'
            'Nominate</a></div><p>Tickets cost the same as on day buses, and <a class="btn" href="/fares.pdf">'
            'Download the fares</a> lists every stop along the six routes.</p></div>')
    html = ('<!doctype html><html lang="en"><head><title>Night buses return</title></head><body>'
            f'<h1>Night buses return</h1>{body}<footer>About us</footer></body></html>')
    texts = [p.text for p in parse_article(html, "https://www.gazette.example/news/1").paragraphs]
    assert texts[0].startswith("Gazette.com - Night buses return")
    assert not any("Nominate" in t for t in texts)
    assert any(t.startswith("Tickets cost the same") for t in texts)


def test_pruning_jumps_over_unread_elements_keeps_unclosed_ones_and_reads_json_ld_anywhere():
    from flows.extract.html import prepare

    markup = (
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": "A"}</script></head>'
        '<body><!-- <p>commented out</p> --><nav><a href="/">Home</a></nav>'
        '<SCRIPT>var x = "<p>not text</p>";</SCRIPT><p>Kept paragraph.</p>'
        '<footer><script type="application/ld+json">{"@type": "Organization", "name": "Gazette"}</script>'
        '<p>Footer text</p></footer><iframe src="/ad"><p>unclosed iframe text</p></body></html>'
    )
    prepared = prepare(markup)
    assert [d["@type"] for d in prepared.jsonld] == ["NewsArticle", "Organization"]
    assert "Kept paragraph." in prepared.text
    for gone in ("commented out", "Home", "not text", "Footer text"):
        assert gone not in prepared.text
    assert "unclosed iframe text" in prepared.text  # an element left open is not pruned to the end of the page


def test_the_lean_tree_builder_builds_the_tree_the_stock_lxml_builder_builds():
    from bs4 import BeautifulSoup

    from flows.extract.html import make_soup

    markup = (
        '<!DOCTYPE html><HTML xml:lang="id" xmlns:og="http://ogp.me/ns#"><body class="post single">'
        '<DIV ID="Main" data-x=\'1\' hidden><p class="lead  intro">Satu <b>dua<i>tiga</b> empat</p>'
        '<svg:rect width="3"/><img src="/a.jpg" alt="" data-src="/b.jpg"><br><table><tr><td>sel'
        '<p>unclosed paragraph<li>stray item<a href="/x" href="/y">first href wins</a>'
        '<math xmlns="http://www.w3.org/1998/Math/MathML"><mi>x</mi></math> &amp; &copy; &#8212; tail'
    )
    ours = make_soup(markup)
    stock = BeautifulSoup(markup, "lxml", multi_valued_attributes=None)
    assert str(ours) == str(stock)
    pairs = list(zip(ours.find_all(True), stock.find_all(True), strict=True))
    assert len(pairs) > 15
    for mine, theirs in pairs:
        assert (mine.name, mine.attrs, mine.prefix, mine.namespace) == (
            theirs.name, theirs.attrs, theirs.prefix, theirs.namespace)
        assert [type(c) for c in mine.contents] == [type(c) for c in theirs.contents]
    assert ours.find("p")["class"] == "lead  intro"  # class stays one string: rules read it as text


def test_a_style_that_hides_an_element_with_quotes_inside_still_hides_it():
    from flows.extract.html import prepare

    markup = ('<html><body><div style="font-family:\'Arial\'; display: none">Hidden counter</div>'
              '<p style="color:red" onclick="go()">Shown text.</p></body></html>')
    text = prepare(markup).text
    assert '<div hidden>' in text and '<p>Shown text.</p>' in text


def test_an_endless_page_stops_at_the_next_story_and_its_pictures():
    story = (f'<p>{PROSE}</p><p>{PROSE} The vote was close.</p><img src="https://gazette.example/up/2024/bus.jpg" '
             'width="800" height="450">')
    nxt = ('<div class="next-up"><a href="/news/other-story"><img src="https://gazette.example/up/2024/next.jpg" '
           'width="600" height="375"></a></div>'
           '<div class="post-add-box"><h1 class="post-title left">Tram depot opens its doors to the public</h1>'
           f'<p>{PROSE.replace("night bus", "tram")}</p><img src="https://gazette.example/up/2024/tram.jpg" '
           'width="800" height="450"></div>')
    html = ('<!doctype html><html><head><title>Headline here | The Gazette</title>'
            '<meta property="og:image" content="https://s0.gazette.example/i/blank.jpg"></head><body>'
            '<article><h1 class="post-title left entry-title">Headline here</h1>'
            f'<div class="post-body">{story}{nxt}</div></article></body></html>')
    a = parse_article(html, "https://gazette.example/news/2024/headline-here")
    assert len(a.paragraphs) == 2 and "tram" not in a.body_text
    assert [i.url.rsplit("/", 1)[-1] for i in a.images] == ["bus.jpg"]  # no teaser, next story or blank cover
    # an <h1> a writer used as a sub-heading keeps the text after it
    html = page(f'<div class="post-body"><p>{PROSE}</p><h1>What riders say</h1><p>{PROSE} Riders agree.</p></div>')
    assert texts(html)[-1].endswith("Riders agree.")


def test_a_reaction_widget_under_the_text_gives_no_pictures():
    mood = ('<div id="motionsDiv"><div id="mood"><div id="mood_title">How do you feel?</div><ul>'
            + "".join(f'<li><a onclick="vote({n});"><img src="http://img.gazette.example/motionsimg/0/m{n}.gif">'
                      f'<p>mood {n}</p></a></li>' for n in range(1, 5))
            + "</ul></div></div>")
    html = page(f'<div class="post-body"><p>{PROSE}</p><p>{PROSE} The vote was close.</p>'
                '<img src="https://gazette.example/up/2024/bus.jpg" width="800" height="450">' + mood + "</div>")
    images = parse_article(html, "https://gazette.example/news/2024/headline-here").images
    assert [i.url.rsplit("/", 1)[-1] for i in images] == ["bus.jpg"]


def test_a_hidden_counter_image_is_no_picture():
    html = page(f'<div class="post-body"><p>{PROSE}</p><p>{PROSE} The vote was close.</p>'
                '<img src="https://gazette.example/up/2024/bus.jpg" width="800" height="450">'
                '<img src="https://smrt.example/ck" style="height:0px; width:0px;display: none;border:none"></div>')
    images = parse_article(html, "https://gazette.example/news/2024/headline-here").images
    assert [i.url.rsplit("/", 1)[-1] for i in images] == ["bus.jpg"]


def test_short_chinese_paragraphs_with_full_width_punctuation_are_prose_not_labels():
    """Chinese prose puts "，" and "。" where English puts "," and "."; paragraphs under 120 characters that
    carry only those are still the text, and beat a long copyright notice in the footer."""
    lines = ["市议会周二投票决定，把夜间公交服务延长到东部各区，此前轮班工人为此请愿了整整一年，终于得到了回应。",
             "许多轮班工人说，最后一班地铁开走以后，他们常常无法回家，只能在车站附近的快餐店里等到天亮再走。",
             "交通局表示，新线路将在下个月开通，每二十分钟一班，途经医院、工业园区和两个大型住宅小区。",
             "一些居民担心费用会转嫁到车票上，但议员们认为这项服务物有所值，并承诺票价今年不会上调。",
             "市长在会后说，明年还会根据乘客人数评估是否需要增加班次，或者把服务延长到周末的凌晨。"]
    notice = "本网版权说明：" + "凡注明来源为本网的作品，未经书面授权，任何单位不得转载、摘编或以其他方式使用；" * 3
    head = "夜间公交延长到东部各区"
    html = (f'<!doctype html><html><head><title>{head}</title></head><body><h1>{head}</h1>'
            f'<div id="Content" class="article">{"".join(f"<p>{t}</p>" for t in lines)}</div>'
            '<div class="foot"><ul>' + "".join(f'<li><a href="/about/{i}">关于我们的第{i}个栏目和服务条款说明</a></li>'
                                               for i in range(1, 9))
            + f'</ul><div class="foot-one">{notice}</div></div></body></html>')
    assert texts(html) == lines


def test_the_icons_of_share_buttons_are_no_pictures_but_a_pin_it_link_keeps_its_picture():
    share = "".join(f'<a title="share" href="{href}"><img src="https://gazette.example/img/share/{name}.png"></a>'
                    for href, name in (("https://service.weibo.example/share/share.php?url=x", "weibo"),
                                       ("https://www.facebook.com/sharer.php?u=x", "facebook"),
                                       ("mailto:?subject=Night buses", "mail")))
    pin = ('<p><a href="https://www.pinterest.com/pin/create/button/?url=x&amp;media=bus.jpg">'
           '<img src="https://gazette.example/up/2024/bus.jpg"></a></p>')
    html = page(f'<div class="tools">{share}</div><div class="post-body"><p>{PROSE}</p>{pin}<p>{PROSE} The vote '
                'was close.</p></div>')
    images = parse_article(html, "https://gazette.example/news/2024/headline-here").images
    assert [i.url.rsplit("/", 1)[-1] for i in images] == ["bus.jpg"]


def test_a_list_article_whose_items_are_sibling_boxes_is_read_whole():
    """A listicle: each item its own box (a numbered heading, a picture, a credit line, now and then a
    paragraph); the densest single item is not the whole article."""
    from flows.extract import parse_article

    items = "".join(
        f'<div class="buzz_superlist_item buzz-superlist-item"><div class="solid"><h2 class="subbuzz_name">{n}. The '
        f'council heard riders on night route {n} and promised changes.</h2><div class="sub_buzz_content"><img src='
        f'"https://img.gazette.example/static/sub-buzz-{n}.png" width="578" height="448" alt="Route {n}"></div>'
        + (f"<p>Riders on route {n} said the last bus leaves too early for the hospital's night shift, and the "
           f"council agreed to look at a later run before the winter timetable starts.</p>" * (2 if n == 3 else 0))
        + '</div></div>' for n in range(1, 6))
    html = ('<!doctype html><html lang="en"><head><title>Night routes | The Gazette</title></head><body><h1>Five '
            f'night routes riders want back</h1><div class="buzz_superlist">{items}</div></body></html>')
    a = parse_article(html, "https://www.gazette.example/night-routes")
    assert [i.url.rsplit("/", 1)[-1] for i in a.images] == [f"sub-buzz-{n}.png" for n in range(1, 6)]
    assert sum(p.kind == "heading" for p in a.paragraphs) == 5
