"""URL canonicalization and the stable article id derived from it.

One article must get one id whichever variant of its URL a source hands us: tracking parameters,
fragments, default ports, percent-encoding case, and mobile/AMP host or path variants all map to the
same identity key. `canonicalize` keeps a URL fetchable (it only drops what never changes the page);
`identity_key` goes further and folds variants that serve the same article from different URLs.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
from functools import lru_cache
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

import tldextract

# The bundled public-suffix snapshot only: no download, no cache directory.
_TLD = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)

TRACKING_PARAMS = re.compile(
    r"^(utm_\w+|fbclid|gclid|dclid|msclkid|yclid|mc_cid|mc_eid|_ga|_gl|igshid|ref|ref_src|cmpid|"
    r"source|share|amp|outputtype|from|trk|spm|_gsc|__twitter_impression|wt_mc_id|ocid|at_medium|"
    r"at_campaign|cx_testid|cx_testvariant)$",
    re.IGNORECASE,
)
VARIANT_HOST_PREFIX = re.compile(r"^(?:(?:www\d?|m|mobile|amp|wap)\.)+", re.IGNORECASE)
# "/amp" as a whole path segment anywhere (m.liputan6.com/amp/123/slug, /news/slug/amp), and the
# ".amp" / ".amp.html" file suffixes some CMSs use.
AMP_SEGMENT = re.compile(r"/amp(?=/|$)", re.IGNORECASE)
AMP_SUFFIX = re.compile(r"\.amp(?=(\.html?)?$)", re.IGNORECASE)
DEFAULT_PORTS = {"http": 80, "https": 443}
# Characters left as they are in a path; everything else (spaces, non-ASCII) is percent-encoded.
_PATH_SAFE = "/%:@!$&'()*+,;=-._~"
_PERCENT_ESCAPE = re.compile(r"%[0-9a-fA-F]{2}")
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")


@lru_cache(maxsize=65536)  # each page's URL is canonicalized several times along the pipeline
def canonicalize(url: str) -> str:
    """A clean absolute URL: lower-case scheme and host, no credentials, fragment or tracking parameters.

    Percent-escapes are normalized (upper-case hex, unreserved characters decoded) and non-ASCII path
    characters encoded, so the same page always yields the same string.
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower() or "https"
    host = _host(parts.hostname or "")
    try:
        port = parts.port
    except ValueError:  # a malformed port: keep the URL recognisable rather than fail
        port = None
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    netloc = host if port is None or DEFAULT_PORTS.get(scheme) == port else f"{host}:{port}"
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    query = [(k, v) for k, v in pairs if not TRACKING_PARAMS.match(k)]
    path = _normalize_path(re.sub(r"/{2,}", "/", parts.path) or "/")
    return urlunsplit((scheme, netloc, path, urlencode(sorted(query)), ""))


def identity_key(url: str) -> str:
    """What makes two URLs the same article: host without www/m/amp prefix, path without AMP markers.

    The scheme is left out (http and https serve the same article) and so is a trailing slash.
    """
    parts = urlsplit(canonicalize(url))
    host = VARIANT_HOST_PREFIX.sub("", parts.netloc)
    path = AMP_SUFFIX.sub("", AMP_SEGMENT.sub("", parts.path)).rstrip("/") or "/"
    return f"{host}{path}" + (f"?{parts.query}" if parts.query else "")


def article_id(url: str) -> str:
    """16 hex characters of SHA-256 over the identity key: stable across runs and URL variants."""
    return hashlib.sha256(identity_key(url).encode("utf-8")).hexdigest()[:16]


def site_of(url: str) -> str:
    """The `site` column: the registered domain (tekno.liputan6.com and m.liputan6.com are liputan6.com).

    Uses the public-suffix snapshot bundled with tldextract, never the network; hosts without a public
    suffix (localhost, IP addresses) are kept whole, minus www/m/amp prefixes.
    """
    host = _host(urlsplit(url.strip()).hostname or "")
    registered = _registered_domain(host)
    return registered or VARIANT_HOST_PREFIX.sub("", host)


@lru_cache(maxsize=4096)
def _registered_domain(host: str) -> str:
    result = _TLD(host)
    return result.top_domain_under_public_suffix if result.suffix else ""


def is_http_url(url: str | None) -> bool:
    """True for absolute http(s) URLs with a host: the only URLs that can be fetched or be article URLs."""
    if not url:
        return False
    parts = urlsplit(url.strip())
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


def host_key(url: str) -> str:
    """The politeness unit (robots.txt, rate and concurrency limits): lower-case host plus explicit port."""
    parts = urlsplit(url)
    host = _host(parts.hostname or "")
    try:
        port = parts.port
    except ValueError:
        port = None
    scheme = parts.scheme.lower()
    return host if port is None or DEFAULT_PORTS.get(scheme) == port else f"{host}:{port}"


def redact(url: str) -> str:
    """The URL without user:password, for logs and reject rows (proxy or site credentials never leak)."""
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url
    netloc = parts.netloc.rpartition("@")[2]
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def _host(host: str) -> str:
    host = host.lower().rstrip(".")
    if host and not host.isascii():
        with contextlib.suppress(UnicodeError):
            host = host.encode("idna").decode("ascii")
    return host


def _normalize_path(path: str) -> str:
    def fix(match: re.Match[str]) -> str:
        char = chr(int(match.group(0)[1:], 16))
        return char if char in _UNRESERVED else match.group(0).upper()

    return quote(_PERCENT_ESCAPE.sub(fix, path), safe=_PATH_SAFE)
