"""URL canonicalization and the stable article id derived from it.

One article must get one id whichever variant of its URL a source hands us: tracking parameters,
fragments, default ports, and mobile/AMP host or path variants all map to the same identity key.
"""

from __future__ import annotations

import hashlib
import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

TRACKING_PARAMS = re.compile(
    r"^(utm_\w+|fbclid|gclid|dclid|msclkid|yclid|mc_cid|mc_eid|_ga|_gl|igshid|ref|ref_src|cmpid|"
    r"source|share|amp|outputtype|from|trk|spm)$",
    re.IGNORECASE,
)
VARIANT_HOST_PREFIX = re.compile(r"^(www|m|mobile|amp|wap)\.", re.IGNORECASE)
AMP_PATH = re.compile(r"(/amp)+/?$|/amp(?=/)", re.IGNORECASE)
DEFAULT_PORTS = {"http": 80, "https": 443}


def canonicalize(url: str) -> str:
    """A clean absolute URL: lower-case scheme and host, no fragment, no tracking parameters."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower() or "https"
    host = (parts.hostname or "").lower().rstrip(".")
    port = parts.port
    netloc = host if port is None or DEFAULT_PORTS.get(scheme) == port else f"{host}:{port}"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not TRACKING_PARAMS.match(k)]
    path = re.sub(r"/{2,}", "/", parts.path) or "/"
    return urlunsplit((scheme, netloc, path, urlencode(sorted(query)), ""))


def identity_key(url: str) -> str:
    """What makes two URLs the same article: host without www/m/amp prefix, path without AMP suffix."""
    parts = urlsplit(canonicalize(url))
    host = VARIANT_HOST_PREFIX.sub("", parts.netloc)
    path = AMP_PATH.sub("", parts.path).rstrip("/") or "/"
    return f"{host}{path}" + (f"?{parts.query}" if parts.query else "")


def article_id(url: str) -> str:
    """16 hex characters of SHA-256 over the identity key: stable across runs and URL variants."""
    return hashlib.sha256(identity_key(url).encode("utf-8")).hexdigest()[:16]


def site_of(url: str) -> str:
    """The registrable-looking host used as the `site` column: host without www/m/amp prefixes."""
    host = (urlsplit(url).hostname or "").lower()
    return VARIANT_HOST_PREFIX.sub("", host)
