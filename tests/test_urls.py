"""URL canonicalization and article identity: variants of one article share one id, others do not."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from flows.urls import article_id, canonicalize, host_key, identity_key, is_http_url, redact, site_of

BASE = "https://www.liputan6.com/global/read/5012345/korut-luncurkan-rudal"


@pytest.mark.parametrize(
    "variant",
    [
        BASE,
        "https://m.liputan6.com/global/read/5012345/korut-luncurkan-rudal",
        "http://www.liputan6.com/global/read/5012345/korut-luncurkan-rudal",
        "https://WWW.Liputan6.com:443/global/read/5012345/korut-luncurkan-rudal/",
        "https://www.liputan6.com/global/read/5012345/korut-luncurkan-rudal#comments",
        "https://www.liputan6.com/global/read/5012345/korut-luncurkan-rudal?utm_source=twitter&utm_medium=social",
        "https://www.liputan6.com/global/read/5012345/korut-luncurkan-rudal?fbclid=abc&amp=1",
        "https://m.liputan6.com/amp/5012345/korut-luncurkan-rudal".replace("/amp/", "/amp/global/read/"),
        "https://www.liputan6.com/global/read/5012345/korut-luncurkan-rudal/amp",
        "https://amp.liputan6.com/global/read/5012345/korut-luncurkan-rudal",
        "https://www.liputan6.com//global//read/5012345/korut-luncurkan-rudal",
        "https://www.liputan6.com/global/read/5012345/korut-luncurkan-rudal?outputType=amp",
        "https://user:secret@www.liputan6.com/global/read/5012345/korut-luncurkan-rudal",
        "https://www.liputan6.com/global/read/5012345/korut-luncurkan-rud%61l",
    ],
)
def test_variants_of_one_article_share_its_id(variant: str) -> None:
    assert article_id(variant) == article_id(BASE)


@pytest.mark.parametrize(
    "other",
    [
        "https://www.liputan6.com/global/read/5012346/korut-luncurkan-rudal",  # another article number
        "https://www.liputan6.com/global/read/5012345/korut-luncurkan-rudal?page=2",  # a real parameter
        "https://www.merdeka.com/global/read/5012345/korut-luncurkan-rudal",  # another site
        "https://www.liputan6.com/global/read/5012345/korut-luncurkan-rudal-amp",  # "amp" inside a slug
        "https://news.liputan6.com/global/read/5012345/korut-luncurkan-rudal",  # a real subdomain
    ],
)
def test_different_pages_get_different_ids(other: str) -> None:
    assert article_id(other) != article_id(BASE)


def test_amp_file_suffix_and_amp_html() -> None:
    assert identity_key("https://example.com/news/story.amp.html") == identity_key("https://example.com/news/story.html")
    assert identity_key("https://example.com/news/story.amp") == identity_key("https://example.com/news/story")


def test_canonicalize_keeps_a_fetchable_url() -> None:
    url = "HTTPS://User:pw@Example.COM:443/a b/ü?b=2&utm_campaign=x&a=1#frag"
    assert canonicalize(url) == "https://example.com/a%20b/%C3%BC?a=1&b=2"


def test_canonicalize_keeps_non_default_port_and_scheme() -> None:
    assert canonicalize("http://example.com:8080/x") == "http://example.com:8080/x"
    assert canonicalize("http://example.com:80/x") == "http://example.com/x"
    assert canonicalize("https://example.com/x").startswith("https://")


def test_canonicalize_normalizes_percent_escapes() -> None:
    assert canonicalize("https://e.com/%7euser/%2fpath%3a") == "https://e.com/~user/%2Fpath%3A"


def test_idn_and_ipv6_hosts() -> None:
    assert canonicalize("https://Bücher.example/x") == "https://xn--bcher-kva.example/x"
    assert canonicalize("http://[::1]:8080/x") == "http://[::1]:8080/x"


def test_site_of_is_the_registered_domain() -> None:
    assert site_of("https://m.liputan6.com/x") == "liputan6.com"
    assert site_of("https://www.liputan6.com/x") == "liputan6.com"
    assert site_of("http://tekno.liputan6.com/read/1/x") == "liputan6.com"
    assert site_of("https://news.detik.com/x") == "detik.com"
    assert site_of("https://nasional.republika.co.id/x") == "republika.co.id"
    assert site_of("https://www.bbc.co.uk/news/1") == "bbc.co.uk"
    assert site_of("http://127.0.0.1:8080/a") == "127.0.0.1"
    assert site_of("http://www.localhost/a") == "localhost"


def test_is_http_url() -> None:
    assert is_http_url("https://example.com/a")
    assert not is_http_url("file:///tmp/a.html")
    assert not is_http_url("/tmp/a.html")
    assert not is_http_url("mailto:x@example.com")
    assert not is_http_url("http:///nohost")
    assert not is_http_url(None)


def test_host_key_and_redact() -> None:
    assert host_key("HTTP://Example.com:80/a") == "example.com"
    assert host_key("http://127.0.0.1:8123/a") == "127.0.0.1:8123"
    assert redact("http://user:pass@proxy.example:3128/x") == "http://proxy.example:3128/x"
    assert redact("https://example.com/a?b=c") == "https://example.com/a?b=c"


_segment = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-", min_size=1, max_size=12)


@given(path=st.lists(_segment, min_size=1, max_size=5), query=st.dictionaries(_segment, _segment, max_size=3))
def test_canonicalize_is_idempotent_and_ids_are_stable(path: list[str], query: dict[str, str]) -> None:
    q = "&".join(f"{k}={v}" for k, v in query.items())
    url = "https://www.example.co.id/" + "/".join(path) + (f"?{q}" if q else "")
    once = canonicalize(url)
    assert canonicalize(once) == once
    assert article_id(once) == article_id(url)
    assert len(article_id(url)) == 16
