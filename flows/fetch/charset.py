"""Which text encoding a page's bytes are in, without decoding them for the parser.

Order: byte-order mark, then the declared charsets (HTTP header, then `<meta>`), each accepted only
if the bytes actually decode with it (servers often say utf-8 over windows-1252 bytes), then
charset-normalizer's detection, then windows-1252 (decodes anything, as browsers fall back to).
"""

from __future__ import annotations

import codecs
import re
from email.message import Message

from charset_normalizer import from_bytes

_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_META = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9._:\-]+)""",
    re.IGNORECASE,
)
# WHATWG: these labels mean windows-1252 on the web.
_WEB_ALIASES = {"iso8859-1": "cp1252", "ascii": "cp1252", "latin-1": "cp1252"}
SNIFF_BYTES = 4096
DETECT_BYTES = 64 * 1024


def media_type(content_type: str | None) -> str:
    """`text/html; charset=utf-8` -> `text/html`."""
    return (content_type or "").split(";", 1)[0].strip().lower()


def header_charset(content_type: str | None) -> str | None:
    if not content_type:
        return None
    msg = Message()
    msg["content-type"] = content_type
    value = msg.get_param("charset")
    return normalize(value) if isinstance(value, str) else None


def meta_charset(content: bytes) -> str | None:
    match = _META.search(content[:SNIFF_BYTES])
    return normalize(match.group(1).decode("ascii", "replace")) if match else None


def normalize(label: str | None) -> str | None:
    """Python's codec name for a charset label, or None for an unknown label."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None
    return _WEB_ALIASES.get(name, name)


def detect_charset(content: bytes, content_type: str | None = None) -> str:
    """The codec name the parser should decode `content` with."""
    for bom, name in _BOMS:
        if content.startswith(bom):
            return name
    for declared in (header_charset(content_type), meta_charset(content)):
        if declared and _decodes(content, declared):
            return declared
    best = from_bytes(content[:DETECT_BYTES]).best()
    if best is not None and _decodes(content, best.encoding):
        guess = normalize(best.encoding) or best.encoding
        # short samples leave single-byte code pages tied; prefer the web's default when it reads the same
        if guess != "cp1252" and _same_text(content, guess, "cp1252"):
            return "cp1252"
        return guess
    return "cp1252"


def _same_text(content: bytes, first: str, second: str) -> bool:
    sample = content[:DETECT_BYTES]
    try:
        return sample.decode(first) == sample.decode(second)
    except (UnicodeDecodeError, LookupError):
        return False


def _decodes(content: bytes, charset: str) -> bool:
    sample = content[:DETECT_BYTES]
    try:
        sample.decode(charset)
    except UnicodeDecodeError as exc:
        # a multi-byte character cut at the sample's end is not an error
        return len(sample) == DETECT_BYTES and exc.start >= len(sample) - 4
    except LookupError:
        return False
    return True
