"""Images: the real URL of lazy images, site graphics left out, caption/credit split, de-duplication by a stable key."""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Callable, Iterable
from urllib.parse import parse_qs, unquote, urljoin, urlsplit

from bs4 import Tag

from flows.extract.language import HAN, KANA
from flows.model import Image

_LAZY_ATTRS = ("data-src", "data-original", "data-lazy-src", "data-high-dpi", "data-url", "data-image",
               "data-lazy", "data-srcset", "data-hi-res-src", "data-full-src")
# a lazy loader's stand-in: a data: URI, or a small graphic named for what it is ("blank.gif", "sr-loader.png");
# a photo may be named "customer-loading-truck.jpg" or "pixel-4-review.png"
_PLACEHOLDER = re.compile(r"^data:|placeholder|(?:^|[/_-])(?:blank|spacer|pixel|transparent|1x1|1px|loading|loader|"
                          r"preloader|lazy|grey|gray|empty|white|dummy)(?:[-_.]?\w{0,3})?\.(?:gif|png|svg|webp)\b",
                          re.I)
_KLY_KEY = re.compile(r"(medias/\d+/[^/]+/[^/?#]+)")
# A credit names a photographer, agency, source or "Dok"; a date or a position in a photo is not one.
CREDIT_HINT = re.compile(
    r"\b(?:photo|foto|fotografer|image|pic|picture|credit|courtesy|dok|dokumentasi|doc|istimewa|ist|"
    r"file|handout|getty|reuters|ap|afp|antara|epa|xinhua|shutterstock|unsplash|pexels|pool|via|"
    r"instagram|twitter|youtube|facebook|screenshot|tangkapan layar|sumber|source|ilustrasi|illustration|"
    r"istock(?:photo)?|freepik|pixabay|dreamstime|123rf|alamy|depositphotos|canva)\b"
    r"|\.(?:com|co\.id|id|net|org)\b|/",
    re.IGNORECASE,
)
_NOT_CREDIT = re.compile(
    r"^\s*(?:\d{1,2}/\d{1,2}(?:/\d{2,4})?|\d{4}|kiri|kanan|tengah|left|right|center|centre|top|bottom|"
    r"(?:kedua|ketiga|keempat|second|third|fourth|from)\s+(?:kiri|kanan|left|right)|"
    r"(?:ka|ki|kiri-kanan|kanan-kiri|l-r|r-l|from left|dari kiri|dari kanan)|"
    r"(?:foto |photo )?(?:ilustrasi|illustration|file|arsip|archive)(?: photo| foto)?)\s*$",  # a kind of picture
    re.IGNORECASE,
)
_TRAILING_PAREN = re.compile(r"\(([^()]{2,120})\)\s*\.?\s*$")
# the word for a photo as a credit label in Vietnamese, Russian, Finnish, Spanish, Italian, Korean, Japanese, Chinese
_PHOTO_ABROAD = r"ảnh|фото|kuva|imagen|immagine|사진|写真|图片"
# the kind of photo named at the end of a caption: "Christopher Battin Submitted photo"
_KIND_TAIL = re.compile(r"\s((?:submitted|contributed|courtesy|file|staff|handout|special)\s+(?:photo|image)s?)\s*$",
                        re.IGNORECASE)
_CREDIT_LINE = re.compile(
    r"^(?:.*?[.!?][\"”’)]?\s+)?((?:photo(?:graph)?|foto|image|picture|pic|credit|image credit|photo credit|sumber foto|"
    r"sumber|kredit|fotografer|doc|dok|dokumentasi|illustration|ilustrasi|screenshot|"
    rf"{_PHOTO_ABROAD})(?:\s*:|\.(?=\s)|\s+by\b)\s*"
    r"[^:]{2,80})\s*$",
    re.I,
)
# a label, "by" and a name: "Photo by Jane Roe", not "Photo by the lake at dusk"
_BY_NAME = re.compile(r"^\w+\s+by\s+[A-Z](?!.*[.!?]\s)")
# a wire credit written without brackets after the caption: "... on Tuesday. REUTERS/Brendan McDermid"
_WIRE_TAIL = re.compile(
    r"(?<=[.!?\"”])\s+((?:REUTERS|AP|AFP|EPA|XINHUA|ANTARA(?: FOTO)?|AAP|DPA|ANSA|BLOOMBERG|GETTY IMAGES)"
    r"(?: Photo)?\s*/\s*[^/]{2,60}(?:/[^/]{2,40})?)\s*$"
)
# "... Austria. Leonhard Foeger / Reuters file": a photographer and a wire after the caption's last sentence
_NAME_WIRE = (r"[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}\s*[/,|]\s*(?i:reuters|ap|afp|epa|getty images|"
              r"bloomberg|associated press|xinhua|antara|anadolu|pool)(?: (?i:file|photo|pool))?")
_NAME_WIRE_TAIL = re.compile(rf"(?<=[.!?\"”])\s+({_NAME_WIRE})\s*$")
_NAME_WIRE_ONLY = re.compile(rf"^\s*({_NAME_WIRE})\s*$")  # a line that is only the credit: "Jane Doe, ASSOCIATED PRESS"
# an outlet's credit after the caption's last sentence: "... memberikan sambutan. MI/Ramdani",
# "... di Jakarta. KOMPAS.com/Dian Maharani" (the outlet written with at least two capitals)
_OUTLET_TAIL = re.compile(
    r"(?<=[.!?\"”])\s+((?=[A-Za-z0-9.]*[A-Z][A-Za-z0-9.]*[A-Z])[A-Z][A-Za-z0-9.]{1,25}\s*/\s*"
    r"[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3})\s*$"
)
# a credit named by its word, after a dash or the last sentence, in the languages of the corpus and beyond
_WORDED_CREDIT = re.compile(
    r"(?:\s[-–—|]\s*|(?<=[.!?])\s+)((?i:crédito|créditos|crédit|crediti|credit|credits|fuente|quelle|kredit|"
    r"photo credit|image credit)\s*:?\s+\S.{1,80})\s*$"
)
# the words that label a credit ("Foto:", "Credit:", "Bild:"), for the rules below and the caption finder
CREDIT_LABELS = (r"credits?|photo(?:graph(?:er)?)?s?|fotos?|fotograf(?:in|o|a)?|bild(?:er)?|images?|pictures?|"
                 r"screenshots?|illustrations?|quelle|"
                 rf"fuente|crédito|crédit|sumber|kredit|source|{_PHOTO_ABROAD}")
_BAR_CREDIT = re.compile(rf"\s+[|·•–—-]\s+((?i:{CREDIT_LABELS})\s*:\s*\S.{{1,80}})\s*$")  # "… | Foto: X", "… - Foto: X"
_LABELLED_CREDIT = re.compile(rf"^(?i:{CREDIT_LABELS})\s*:\s*[A-ZÀ-Þ@©]")
# a label and a name after the caption's last sentence, with no colon: "… die Personalsituation. Bild Paul Aenishänslin"
_LABEL_NAME_TAIL = re.compile(r"(?<=[.!?])\s+((?:Bild|Bilder|Foto|Fotos|Photo|Photos)\s+[A-ZÀ-Þ][\w'’.-]+"
                              r"(?:\s+[A-ZÀ-Þ][\w'’.-]+){0,3})\s*$")
_BAR_NAME = re.compile(r"(?<=[.!?\"”])(?:\s+\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})?\s+\|\s+"
                       r"([A-ZÀ-Þ][\w.'’&-]*(?:[ /][A-ZÀ-Þ][\w.'’&-]*){0,3})\s*$")
_BRACKET_TAIL = re.compile(r"\s*\[([^\[\]]{2,60})\]\s*$")  # "... Kabul. [File: Reuters]"
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s+")
# where pictures come from, when a caption line names only that
_SOURCES = (r"shutterstock(?:\.com)?|istock(?:photo)?(?:\.com)?|getty ?images|getty|pixabay(?:\.com)?|"
            r"unsplash(?:\.com)?|pexels(?:\.com)?|freepik(?:\.com)?|you ?tube|instagram|twitter|facebook|tiktok|"
            r"istimewa|dok\.?|dokumentasi|antara(?: foto)?|reuters|afp|ap photo|epa|xinhua")
_SOURCE_ONLY = re.compile(rf"^\s*(?:{_SOURCES})\b(?:[\s/:\-–—.@]+\S.{{0,60}})?$", re.IGNORECASE)
_SOURCE_TAIL = re.compile(rf"(?<=\s)((?:{_SOURCES})(?:/[\w.@ -]{{1,40}})?)\s*$", re.IGNORECASE)
_CREDIT_LEAD = re.compile(r"^(?:(?:image|photo|picture|foto|pic)s?\s+)?(?:via|by|from|oleh|dari|courtesy(?: of)?)$",
                          re.IGNORECASE)
_SOURCE_WORD = re.compile(rf"\b(?:{_SOURCES}|kanal|channel|foto|photo|sumber|source|courtesy|via)\b", re.IGNORECASE)
_MARKED = re.compile(r"^\s*(?:©|\(c\)|copyright\b)", re.IGNORECASE)
# a picture's source named as a courtesy, the whole line or after the caption's last sentence
_COURTESY = re.compile(r"(?:^|(?<=[.!?\"”])\s+)((?:(?:photo(?:graph)?|image|picture|illustration|video|foto)s?\s+)?"
                       r"courtesy\s+of\s+[^.!?]{2,60})\s*$", re.IGNORECASE)
# a line that only labels the picture's source
_SOURCE_LINE = re.compile(r"^(?:(?:image|photo|picture|bild|foto)\s*(?:source|quelle)|source|sumber|quelle|fuente)\s*:"
                          r"\s*(?!.*[.!?]\s)\S.{0,60}$", re.IGNORECASE)
_MARK_TAIL = re.compile(r"(?:(?<=\s)|(?<=/)|(?<=\.))(?:©|\(c\)|copyright(?=\S)|copyright\s*(?:\d{4}|:))[^©]{2,80}$",
                        re.IGNORECASE)


# a credit after the sign, then the press office's terms of use, longer than any credit: the terms are neither
_MARK_LICENCE = re.compile(r"(?<=\s)(©\s*[^,;©]{2,60}?)\s*[,;]\s+[^©]{80,}$")


_GENERIC_STEM = re.compile(r"^(?:image|img|photo|picture|file|original|default|source|large|medium|small|thumb|"
                           r"index|main|full|raw\w*|\d{1,4}x\d{0,4}|\d{1,6})$", re.IGNORECASE)


_RENDITION_HASH = re.compile(r"[-_](?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{12,32}$")


# sizes written after a picture's name, and a stamp after them ("-1200-630-10162001", "-690",
# "-1200x630-1480551532")
_SIZE_RUN = re.compile(r"(?:[-_]\d{3,4}|[-_]\d{2,4}x\d{2,4}){1,2}(?:[-_]\d{6,10})?$")
# the words of a rendition's name that say where or how big it is shown, not what it shows
_RENDITION_TOKEN = re.compile(r"^(?:[a-z]|facebook|twitter|og|share|social|large|medium|small|thumb|square|wide|"
                              r"(?:large|medium|small)\d{2,4}|\d{2,4}x\d{2,4})$")


def _share_core(key: str) -> str:
    """A picture's name without the size run, the single-letter rendition prefix and the rendition words."""
    name = _SIZE_RUN.sub("", re.sub(r"\.\w{2,5}$", "", key.rsplit("/", 1)[-1]))
    tokens = [t for t in re.split(r"[-_]", name) if t and not _RENDITION_TOKEN.match(t)]
    return "-".join(tokens)


# the number a CMS gives a file uploaded again under a name it already has ("photo-1.jpg")
_UPLOAD_COPY = re.compile(r"-[1-9]$")
# a picture server's asset number and a rendition's name ("16470669-thumb_square_large"); not a day's date
_ASSET_RENDITION = re.compile(r"(?!(?:19|20)\d{6}[-_])(\d{7,})[-_][a-z][\w-]*")  # six digits may be a day


def _folder(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.hostname}{parts.path.rsplit('/', 1)[0]}"


# a folder that holds many stories' pictures: a date's, or a site's whole picture store
_SHARED_FOLDER = re.compile(r"/(?:19|20)\d\d(?:/\d\d){0,2}$|/(?:images?|uploads?|photos?|media|img|assets)$", re.I)


_RENDITION_WORD = re.compile(r"[-_](?:xs|sm|md|lg|xl|xxl|rt|th|tn|thumb|thumbnail|small|medium|large|big|full|orig|"
                             r"original|hd|sd|mobile|desktop|retina|[23]x)$")


_PROXIED_FILE = re.compile(r"\.(?:jpe?g|png|gif|webp|avif)(?:$|[?#])", re.IGNORECASE)


def proxied_url(url: str) -> str | None:
    """The picture a resizing proxy serves: its `url` parameter, or any parameter holding an image file's URL
    ("/images/dims?…&image_uri=http://…/gallery-7.jpg&signature=…")."""
    query = parse_qs(urlsplit(url).query)
    inner = query.get("url")
    if inner and inner[0].startswith(("http", "/")):
        return inner[0]
    for key, values in query.items():
        value = values[0]
        if key != "url" and value.startswith(("http://", "https://", "//")) and _PROXIED_FILE.search(value):
            return value
    for segment in urlsplit(url).path.split("/"):
        if segment.startswith(_BASE64_OPENINGS) and len(segment) >= 24:
            return _encoded_url(segment)
    return None


# base64 of '{"' and of 'http': a proxy that writes its options, the original's address among them, in its path
_BASE64_OPENINGS = ("eyJ", "aHR0c")
_ENCODED_FILE = re.compile(r"https?:(?://|\\*/\\*/)[^\s\"'<>]+?\.(?:jpe?g|png|gif|webp|avif)\b", re.IGNORECASE)


def _encoded_url(segment: str) -> str | None:
    """The image address inside a base64 path segment ("/eyJkYXRhIjoie1widXJsXCI6…/slug.jpg"), its JSON
    escapes undone."""
    try:
        text = base64.urlsafe_b64decode(segment.replace("+", "-").replace("/", "_") + "=" * (-len(segment) % 4))
    except (ValueError, binascii.Error):
        return None
    found = _ENCODED_FILE.search(text.decode("utf-8", "replace"))
    return found.group(0).replace("\\", "") if found else None


_AFTER_FILE = re.compile(r"(\.(?:jpe?g|png|gif|webp|avif))&.*$", re.IGNORECASE)


def stable_key(url: str) -> str:
    """The part of an image URL that does not change across CDN resizes: a distinctive file name
    ("20160223photo_2-7" in both `/big/` and `/ori/`), else the path without size folders."""
    m = _KLY_KEY.search(url)
    if m:
        return re.sub(r"^(medias/\d+)/[^/]+/", r"\1/original/", m.group(1))
    parts = urlsplit(url)
    inner = proxied_url(url)
    if inner:  # a resizing proxy ("/resize/840x548/?url=<original>")
        return stable_key(inner)
    # a proxy may carry the original's path encoded in its own ("…/https%3A%2F%2F…%2Fphoto-5_720.jpg")
    path = unquote(parts.path) if "%2F" in parts.path.upper() else parts.path
    # a server that writes its options after the file with "&" and no "?" ("AR-231109354.jpg&MaxW=900&Q=80")
    path = _AFTER_FILE.sub(r"\1", path)
    path = re.sub(r"-(?:\d{2,4}x\d{2,4}|scaled|rotated)(?=\.\w+$)", "", path)  # WordPress size suffix, big copy
    path = re.sub(r"/\d{2,4}x\d{2,4}/", "/", path)  # a resize folder in the path
    stem = re.sub(r"\.\w{2,5}$", "", path.rstrip("/").rsplit("/", 1)[-1]).lower()
    stem = re.sub(r"(?<=[a-z0-9])\.0$", "", stem)  # a processed copy ("DSCF2931.0.jpg" of "DSCF2931.jpg")
    # a rendition's hash after the name ("A192528_large_Audi-3-700-86e317e6b44fd5cf" and "…-ae8b2233f0b52e59")
    # a rendition's size word after the name ("…_3x2_md" and "…_3x2_rt", "…-thumb", "…_large")
    unsized = _RENDITION_WORD.sub("", stem)
    if len(unsized) >= 8 and not _GENERIC_STEM.match(unsized) and re.search(r"\d{3}|[a-z]{3}", unsized):
        stem = unsized
    unhashed = _RENDITION_HASH.sub("", stem)
    if len(unhashed) >= 8 and not _GENERIC_STEM.match(unhashed) and re.search(r"[a-z]{3}", unhashed):
        stem = unhashed
    if len(stem) >= 8 and not _GENERIC_STEM.match(stem):
        return stem
    # a short word ("kopie.jpg", "rawImage.jpg") under a folder of sizes names no picture: the folder does
    # (a number of five digits or more is the picture's id: "…/2w5IdCqve0mMIzS4K5kC/26698.jpg" beside "26699.jpg")
    if (_GENERIC_STEM.match(stem) and not re.fullmatch(r"\d{5,}", stem)) or (
            len(stem) < 8 and not any(c.isdigit() for c in stem)):
        # ".../sz.1.3919259/640x360", ".../18637072/5/rawImage.jpg": the picture is the folder that holds its sizes
        folder = next((seg for seg in reversed(path.rstrip("/").split("/")[:-1])
                       if len(seg) >= 6 and sum(c.isdigit() for c in seg) >= 3
                       and not re.fullmatch(r"(?:19|20)\d{6}", seg)  # a date folder holds many pictures
                       and not _GENERIC_STEM.match(seg.lower())), None)
        if folder:
            return folder.lower()
    named = _query_name(parts.query) if _GENERIC_STEM.match(stem) or len(stem) < 3 else ""
    if path.count("/") >= 3:  # a deep path names the file; CDN hosts serving it vary
        return path + named
    return (parts.hostname or "").removeprefix("www.") + path + named


# a picture server's query words that size or format the picture, not name it
_SIZE_QUERY = frozenset(["w", "h", "width", "height", "fw", "fh", "ll", "pl", "sq", "q", "quality", "fit", "crop",
                         "resize", "format", "fm", "auto", "dpr", "s", "size", "sz", "v", "ver", "version", "cb",
                         "mod", "ts", "m", "t"])


def _query_name(query: str) -> str:
    """The query that names the picture a script serves from a generic path ("/resources/r/?…&i=1165492293"):
    its words other than sizes and formats, or "" when none carries an id of five or more digits."""
    if not query:
        return ""
    kept = sorted((k, v[0]) for k, v in parse_qs(query).items() if k.lower() not in _SIZE_QUERY and v[0])
    if not any(sum(c.isdigit() for c in v) >= 5 for _, v in kept):
        return ""
    return "?" + "&".join(f"{k}={v}" for k, v in kept)


def _clean_tail(text: str) -> str:
    return text.strip().rstrip(" /|-–—,").strip()


def _caption_before(text: str) -> str | None:
    return text.rstrip(" /|-–—,").strip() or None


# a copyright credit first, set apart from the caption by a bar
_LEADING_CREDIT = re.compile(r"^((?:©|\(c\)|copyright\b)\s*[^|]{2,80}?)\s+[|¦]\s+(\S.*)$", re.IGNORECASE)


# a photographer, a collection and the stock agency, slash-joined, as the whole line
_STOCK_PATH_ONLY = re.compile(r"^[^/.!?]{1,40}(?:/[^/.!?]{1,40}){0,2}(?:/|\s+via\s+)(?:Getty(?: Images)?|"
                              r"iStock(?:photo)?|Shutterstock|Alamy|Corbis|Thinkstock|Hemera|Stockbyte)\s*$",
                              re.IGNORECASE)


_JA_CREDIT = re.compile(rf"(?<=[{KANA}{HAN}）」])＝([^\W\d_][^＝。、]{{0,24}})$")


def split_credit(text: str | None) -> tuple[str | None, str | None]:
    """(caption, credit): the credit is the caption's last parenthetical when it looks like one."""
    if not text:
        return None, None
    text = " ".join(text.split())
    if _SOURCE_LINE.match(text):
        return None, text  # the whole line names the picture's source: "Image source: SeaWorld"
    if len(text) <= 100 and _LABELLED_CREDIT.match(text) and not _SENTENCE_END.search(text):
        return None, text  # a line that opens with its label and says no sentence: "Foto: Anas-Mohamed, Shutterstock"
    m = _TRAILING_PAREN.search(text)
    if m:
        inner = m.group(1).strip()
        # "... ke-58. (Grammy)": a name in brackets after the caption's last sentence is its source
        after_sentence = text[: m.start()].rstrip().endswith((".", "!", "?", '"', "”")) and inner[:1].isupper() \
            and len(inner.split()) <= 6 and not re.search(r"\d", inner)
        if not _NOT_CREDIT.match(inner) and (CREDIT_HINT.search(inner) or after_sentence) \
                and not re.fullmatch(r"[\d/ .-]+", inner):
            caption = text[: m.start()].rstrip(" ,-–") or None  # as shown: "Selasa (23/2).." keeps its dots
            return caption, inner
    ja = _JA_CREDIT.search(text)  # "喜ぶメッシ（左）とスアレス＝ロイター": Japanese papers credit after "＝"
    if ja and ja.start() > 0:
        return text[: ja.start()].rstrip() or None, ja.group(1)
    lead = _LEADING_CREDIT.match(text)  # "© Munir uz Zaman, AFP | Police forensics investigate …"
    if lead:
        return lead.group(2), lead.group(1)
    barred = _BAR_CREDIT.search(text)  # "… ve Villa Parku. | Foto: Reuters": a bar sets the labelled credit apart
    if barred and barred.start() > 0:
        return _caption_before(text[: barred.start()]), barred.group(1).strip()
    barred = _BAR_NAME.search(text)  # "… la hija del Rey. 27-06-2012 | Efe": a name after the caption's sentence
    if barred and barred.start() > 0:
        return _caption_before(text[: barred.start()]), barred.group(1)
    named = _LABEL_NAME_TAIL.search(text)
    if named and named.start() > 0:
        return _caption_before(text[: named.start()]), named.group(1)
    if _MARKED.match(text) and len(text) <= 100:
        return None, _clean_tail(text)  # the whole line is a credit: "©MGM", "Copyright 2019 Reuters"
    licensed = _MARK_LICENCE.search(text)  # "… Tagesschau © SWR/Hugo Jehle, honorarfrei - Verwendung gemäß der AGB …"
    if licensed and licensed.start() > 0:
        return _caption_before(text[: licensed.start()]), licensed.group(1)
    # "... caption ©Sunset Boulevard/Corbis", "Ilustrasi/copyrightshutterstock/Ranta Images": kept as shown
    m = _MARK_TAIL.search(text)
    if m and m.start() > 0:
        start = m.start()
        # a short source phrase before the mark belongs to the credit: "... Waria. Kanal YouTube X ©2021 Merdeka.com"
        head = text[:start]
        cut = max((b.end() for b in _SENTENCE_END.finditer(head)), default=0)
        phrase = head[cut:]
        if 0 < len(phrase.split()) <= 6 and _SOURCE_WORD.search(phrase) and not phrase.rstrip().endswith((".", ",")):
            start = cut
        return _caption_before(text[:start]), _clean_tail(text[start:])
    m = _COURTESY.search(text)  # "PHOTOGRAPH COURTESY OF MONOTYPE", "… on Tuesday. Image courtesy of NASA"
    if m:
        return _caption_before(text[: m.start(1)]) if m.start(1) > 0 else None, m.group(1).strip()
    m = _SOURCE_ONLY.match(text)
    if m and len(text.split()) <= 6:  # "Facebook CEO Mark Zuckerberg, the man with …" is a caption
        return None, _clean_tail(text)  # "shutterstock", "You Tube - Armand Maulana", "Dok. Pribadi"
    if _NAME_WIRE_ONLY.match(text) or _STOCK_PATH_ONLY.match(text):
        return None, text.strip()  # "Thomas Jackson/Digital Vision/Getty Images": a whole line of credit
    m = _NAME_WIRE_TAIL.search(text)
    if m and m.start() > 0:
        return _caption_before(text[: m.start()]), m.group(1).strip()
    worded = _WORDED_CREDIT.search(text)  # "... del país - crédito @alejoeder/X"
    if worded and worded.start(1) > 0:
        return _caption_before(text[: worded.start(1)]), worded.group(1).strip()
    labelled = _CREDIT_LINE.match(text)  # "... movement.’ Photograph: AFP via Getty": the label starts it
    if labelled and labelled.start(1) > 0:
        return _caption_before(text[: labelled.start(1)]), labelled.group(1).strip()
    m = _SOURCE_TAIL.search(text)
    if m and m.start() > 0:
        head = _caption_before(text[: m.start()])
        if head and _CREDIT_LEAD.search(head):
            return None, _clean_tail(text)  # "Image via Getty Images", "Photo by Reuters"
        return head, _clean_tail(m.group(1))  # "Ilustrasi shutterstock.com"
    for pattern in (_WIRE_TAIL, _NAME_WIRE_TAIL, _BRACKET_TAIL, _KIND_TAIL, _OUTLET_TAIL):
        m = pattern.search(text)
        if m and m.start() > 0:
            return _caption_before(text[: m.start()]), m.group(1).strip()
    m = _CREDIT_LINE.match(text)
    if m and m.start(1) > 0:
        return _caption_before(text[: m.start(1)]), m.group(1).strip()
    if m and m.start(1) == 0 and len(text) <= 60 and (":" in text or _BY_NAME.match(text)):
        return None, text  # "Foto: Grammy", "Screenshot by Amanda Tan/ONE Esports" on its own line
    return text or None, None


# a closing line that credits the pictures, and only that
_CREDITS_LINE = re.compile(r"^\(?((?:(?:featured|header|cover|lead|top|hero|main)\s+)?"
                           r"(?:photos|images|pictures|fotos|bilder|(?:image|photo|picture) credits?)\s*:\s*"
                           r"[^.!?()]{2,100}?)\)?$", re.IGNORECASE)
_PAGE_CREDIT = re.compile(r"\[((?:사진|写真|图片|photos?|fotos?|images?|bild(?:er)?)\s*[=:：]\s*[^\[\]=]{2,80}?)\s*\]",
                          re.IGNORECASE)


def images_credit_line(text: str) -> str | None:
    """A credit for all the article's pictures written into its closing text: "... [사진=MBC, SBS]", or a line
    of its own: "Photos: Getty Images", "(Image credits: Henry Chen; Carrie McBride)"."""
    found = _PAGE_CREDIT.findall(text)
    if found:
        return " ".join(found[-1].split())
    line = _CREDITS_LINE.match(" ".join(text.split()))
    return line.group(1) if line else None


# the lead picture described in a line closing the text: "Header Image: People have lived … Credit: T. Munita/CIFOR",
# "Beitragsbild: Titelseite der FAZ vom 2.4.2019"
_LEAD_PICTURE_LINE = re.compile(
    r"^\s*(?:(?:header|featured|feature|top|lead|cover|hero|title|main)\s+(?:image|photo|picture|illustration)|"
    r"beitragsbild|titelbild|aufmacherbild|artikelbild|image d[’']en-tête|image de une|imagen (?:de portada|principal)|"
    r"foto (?:utama|sampul|ilustrasi utama))\s*:\s*(\S.{2,400})$",
    re.IGNORECASE,
)
_LINE_CREDIT = re.compile(rf"\s(?:{CREDIT_LABELS})\s*:\s*(.{{2,120}})$", re.IGNORECASE)


def lead_picture_line(text: str) -> tuple[str | None, str | None] | None:
    """(caption, credit) of the lead picture when a closing line of the text describes it, else None."""
    m = _LEAD_PICTURE_LINE.match(text)
    if not m:
        return None
    body = m.group(1).strip()
    labelled = _LINE_CREDIT.search(body)
    if labelled:
        return body[: labelled.start()].strip() or None, labelled.group(0).strip()
    return split_credit(body)


# one rendition among several a script chooses from ("data-src-small", "data-src-full16x9"): a carousel's, mostly
_SIZE_VARIANT = re.compile(r"-(?:mini|xsmall|small|medium|large|xlarge|full|thumb|\d+(?:x\d+)?w?)\w*$")
_IMAGE_URL = re.compile(r"^(?:https?:)?/[^\s\"'<>]*\.(?:jpe?g|png|webp|gif|avif)(?:[?#][^\s]*)?$", re.IGNORECASE)
_JSON_SRC = re.compile(r'"(?:src|url)"\s*:\s*"([^"]+)"')


# a template's empty value printed as a word (`data-url="null"`): no address at all
_NO_VALUE = frozenset(["null", "undefined", "none", "false", "nil", "#", "about:blank"])


def _file_name(url: str) -> str:
    """A URL's file name without its extension, lower case: ".../dp3_1_en-150x150.png" → "dp3_1_en-150x150"."""
    return urlsplit(url).path.rsplit("/", 1)[-1].rsplit(".", 1)[0].lower()


def _name_tokens(file_name: str) -> list[str]:
    """The words of a file name: "pin_it_button_big" → ["pin", "it", "button", "big"]."""
    return [t for t in re.split(r"[-_.]+", file_name) if t]


def _file_stem(url: str) -> str:
    """A file's name without its extension and CMS size suffix: ".../dp3_1_en-150x150.png" → "dp3_1_en"."""
    return re.sub(r"-\d{2,4}x\d{2,4}$", "", _file_name(url))


_SRCSET_IN_SRC = re.compile(r"(?:\s|%20)\d+[wx](?:,|%2C)?(?:\s|%20)+(?:https?:)?/", re.IGNORECASE)


_INTERCHANGE = re.compile(r"\[\s*([^,\[\]\s]+)\s*,\s*[\w-]+\s*\]")


def image_url(img: Tag, base: str) -> str | None:
    """The real image URL: a lazy-loading attribute first (`src` is then a placeholder or a blurred
    preview), then `src`, then the largest `srcset` entry."""
    candidates: list[str] = []
    for attr in _LAZY_ATTRS:
        value = img.get(attr)
        if value and not _PLACEHOLDER.search(value):
            first = srcset_entries(value)[:1] if "srcset" in attr else [(value, 0.0)]
            candidates.extend(url for url, _ in first)
    src = img.get("src") or ""
    if _SRCSET_IN_SRC.search(src):  # a srcset written into `src`, plain or URL-encoded (Mercury-saved pages)
        src = _largest_srcset(unquote(src)) or ""
    if src and not _PLACEHOLDER.search(src):
        candidates.append(src)
    if not candidates:
        srcset = img.get("srcset") or img.get("data-srcset")
        if srcset:
            best = _largest_srcset(srcset)
            if best:
                candidates.append(best)
    if not candidates and (rules := _INTERCHANGE.findall(str(img.get("data-interchange") or ""))):
        candidates.append(rules[-1])  # Foundation's "[…-300x198.jpg, small], […-1300x858.jpg, medium]": the largest
    if not candidates:  # a loader of its own naming ("data-dejavu-src"): a data attribute that holds a picture's URL
        candidates.extend(v for k, v in img.attrs.items() if k.startswith("data-") and not _SIZE_VARIANT.search(k)
                          and isinstance(v, str) and _IMAGE_URL.match(v.strip()) and not _PLACEHOLDER.search(v))
    for url in candidates:
        url = url.strip()
        if url.startswith("{"):  # a script's JSON of renditions ('{"default":{"src":"//img…"}}'): its first src
            m = _JSON_SRC.search(url)
            url = m.group(1).replace("\\/", "/") if m else ""
        if url and not url.startswith("data:") and url.lower() not in _NO_VALUE \
                and urlsplit(urljoin(base, url)).path.strip("/"):
            return urljoin(base, url)  # "/" or "" is a placeholder a script fills in, not a picture
    return None


def srcset_entries(srcset: str) -> list[tuple[str, float]]:
    """(URL, width or density) of each candidate of a srcset, in order; 0 where none is given. Read as the
    HTML standard reads it: a URL runs to the next space (a comma inside it is the URL's own, as in
    Cloudinary's "…/upload/c_fill,f_auto,w_320/photo.jpg 320w"), its descriptors to the next comma."""
    out: list[tuple[str, float]] = []
    url: str | None = None
    descriptor = ""
    for token in srcset.split():  # a few tokens per candidate: cheaper than a scan of every character
        while token:
            if url is None:
                token = token.lstrip(",")
                if token.endswith(","):  # a URL with no descriptor, then the next candidate
                    out.append((token.rstrip(","), 0.0))
                    token = ""
                elif token:
                    url, descriptor, token = token, "", ""
            else:
                head, comma, token = token.partition(",")
                descriptor = descriptor or head
                if comma:
                    out.append((url, _descriptor_size(descriptor)))
                    url, descriptor = None, ""
    if url:
        out.append((url, _descriptor_size(descriptor)))
    return out


def _descriptor_size(descriptor: str) -> float:
    try:
        return float(descriptor.rstrip("wx")) if descriptor else 0.0
    except ValueError:
        return 0.0


def _largest_srcset(srcset: str) -> str | None:
    best, best_w = None, -1.0
    for url, width in srcset_entries(srcset):
        if width > best_w:
            best, best_w = url, width
    return best


# a credit's label left at the end of the caption text when the credit itself is its own element
# ("Разве этой красотке дашь 53 года? Фото" + "<span>@paulinaporizkov</span>")
_LABEL_TAIL = re.compile(r"(?<=[\s.!?])((?:photo(?:graph)?|foto|фото|image|picture|pic|credit|kredit|sumber|source|"
                         r"bild|crédit|fuente|사진|写真)\s*:?|©|\(c\))\s*$", re.IGNORECASE)


# standard advertising sizes written into a file name ("banner-468x60.gif", "mail_banner_300x250.png")
_AD_SIZE = re.compile(r"(?<!\d)(?:468x60|728x90|300x250|160x600|970x250|970x90|320x50|300x600|120x600|480x60|"
                      r"234x60|336x280|320x100)(?!\d)")
_TRACKER = re.compile(r"scorecardresearch|doubleclick|google-analytics|googletagmanager|quantserve|"
                      r"facebook\.com/tr\b|/pixel[/?.]|[?&]noscript=1", re.IGNORECASE)
# a licence badge ("i.creativecommons.org/l/by-nc/4.0/88x31.png", licensebuttons.net)
_LICENSE_BADGE = re.compile(r"^(?:i\.creativecommons\.org|licensebuttons\.net)/|/88x31\.png$", re.IGNORECASE)
# served from an ad server or an ad folder: "ad.gazette.cn/content_banner/…", "afp.alicdn.com/afp-creative/…"
_AD_PLACE = re.compile(r"^(?:ad|ads|adserver|adv|banners?)\.|/(?:ads?|adv|banners?|bnrs?|content_banner|"
                       r"[\w-]*-creative|creatives?)/", re.IGNORECASE)
_THEME_PATH = re.compile(r"/(?:wp-content/)?themes/|/app_themes/|/wp-content/plugins/|/assets/(?:img|images|icons)/|"
                         r"/templates/|"  # Joomla's and site builders' /templates/<name>/images/
                         r"/(?:share[-_]?tools|share[-_]?icons|social[-_]?icons|icons)/",  # a share bar's buttons
                         re.IGNORECASE)
# the picture a site shares when a story has none: "opengraph_default.png", "share-fallback.jpg", "no-image.png",
# "twitter_cards_default.jpg"
_STAND_IN = re.compile(
    r"^(?:(?:og|opengraph|share|sharing|social|fb|facebook|twitter|cards?|article|site|thumb|image|img)[-_]?)*"
    r"(?:default|fallback|placeholder|blank|no-?image|noimage)(?:[-_]?(?:image|img|og|share|thumb|thumbnail|\d+))*$"
)
# a share icon, named only for sharing: "fbico_ogp_600x600.png", "og-icon.png" ("…/im-128022/social" and
# "…/mr1/facebook.jpg" are a photo's renditions, named for where they go)
_SHARE_ICON = re.compile(r"(?:(?:og|ogp|opengraph|fb|facebook|twitter|share|sharing|social|sns|ico|icon|common|site)"
                         r"[-_]?)+(?:\d{2,4}x\d{2,4})?")
# words beside "logo" in the name of a share picture that is the site's logo ("logo-opengraph.png",
# "givewell_fb_logo.jpg"); "alibaba-logo-getty.jpg" is a photo of a logo
_LOGO_WORDS = frozenset(re.split(r"\s+", "og opengraph fb facebook twitter share social site default white black "
                                          "color colour square big large small main new"))


def _share_logo(url: str, page_url: str) -> bool:
    """A share picture that is the site's logo: "logo" with the site's name and share words, or with one brand
    word and the share size it was drawn at ("yonhapnews_logo_1200x800_en01.jpg")."""
    tokens = _name_tokens(_file_name(url))
    if "logo" not in tokens:
        return False
    site = set((urlsplit(page_url).hostname or "").lower().split("."))
    other = [t for t in tokens if t != "logo" and t not in _LOGO_WORDS and not t.isdigit() and t not in site
             and not _SHARE_SIZE.fullmatch(t) and not _VARIANT.fullmatch(t)]
    return not other or (len(other) == 1 and any(_SHARE_SIZE.fullmatch(t) for t in tokens))


_SHARE_SIZE = re.compile(r"\d{3,4}x\d{3,4}")
_VARIANT = re.compile(r"[a-z]{1,2}\d{1,2}")  # "en01", "v2"


# a button's graphic: "pin_it_button_big.png", "share-btn-facebook.png"; "red-button-vote.jpg" shows a story
_BUTTON_WORDS = frozenset(re.split(r"\s+", "button btn pin it pinit share tweet follow like email mail print "
                                            "subscribe fb facebook twitter google plus gplus whatsapp linkedin "
                                            "reddit big small large white black grey gray hover on off"))


def _button(file_name: str) -> bool:
    tokens = _name_tokens(file_name)
    if len(tokens) == 1 and tokens[0] in _ACTION_WORDS:
        return True  # a file named for what clicking it does: "print.gif", "email.png"
    return any(t in ("button", "btn") for t in tokens) and all(t in _BUTTON_WORDS or t.isdigit() for t in tokens)


_ACTION_WORDS = frozenset(["print", "drucken", "imprimer", "email", "mail", "share", "teilen", "rss", "search", "suche",
                           "close", "menu"])
_SIZE_PARAM = frozenset(["w", "h", "width", "height", "resize", "fit", "size", "s"])


def pixel_sized(width: object, height: object) -> bool:
    """A tracking pixel by its declared size: no more than 1 px either way, in CSS units or not ("1px")."""
    return str(width).strip() in _PIXEL_SIDES and str(height).strip() in _PIXEL_SIDES


_PIXEL_SIDES = frozenset(["0", "1", "0px", "1px"])


def site_graphic(url: str, page_url: str) -> bool:
    """A picture of the site, not of the story: a theme's graphics, an ad-sized banner, a tracker, a button, a
    logo named after the site, or a picture the URL asks to be drawn below 100 px (`?resize=40,40`)."""
    parts = urlsplit(url)
    # "photo-300x250.jpg" is a CMS crop of a photo; "banner_300x250_x.png" and "banner-468x60.gif" are adverts
    path = re.sub(r"-(\d{2,4})x(\d{2,4})(?=\.\w+$)",
                  lambda m: "" if int(m.group(1)) < 3 * int(m.group(2)) else m.group(0), parts.path)
    if _THEME_PATH.search(path) or _AD_SIZE.search(path) or _TRACKER.search(url) or _AD_PLACE.search(
            f"{parts.hostname or ''}{parts.path}") or _LICENSE_BADGE.search(f"{parts.hostname or ''}{parts.path}"):
        return True
    for key, values in parse_qs(parts.query).items():
        if key.lower() in _SIZE_PARAM:
            sizes = [int(n) for n in re.findall(r"\d+", values[0])[:2]]
            if sizes and min(sizes) < 100 and len(values[0]) <= 12:
                return True
    file_name = _file_name(url)
    if _STAND_IN.search(file_name) or (_SHARE_ICON.fullmatch(file_name) and re.search(r"ico|ogp", file_name)) \
            or _button(file_name) or _QR_CODE.search(file_name):
        return True
    stem = re.sub(r"[^a-z0-9]", "", file_name)
    name = re.sub(r"[^a-z0-9]", "", (urlsplit(page_url).hostname or "").removeprefix("www.").split(".")[0])
    return bool(stem) and stem in (name, name + "logo", "logo" + name)


# a QR code to a donation, app or page of the site ("QR-Code_IS_BEIDES-2022-inf.png")
_QR_CODE = re.compile(r"(?<![a-z])qr[-_]?codes?(?![a-z])", re.IGNORECASE)


# a video player's chrome read as a caption ("JUST WATCHED ... Replay More Videos ... MUST WATCH")
_PLAYER_TEXT = re.compile(r"\b(?:just watched|must watch|replay|more videos|play video|video ends in|autoplay)\b",
                          re.IGNORECASE)
# a promotion's picture: its caption asks the reader to subscribe, sign up or install something
PROMO_WORDS = r"subscribe|newsletter|sign up|berlangganan|langganan|download (?:our|the) app|unduh aplikasi"
_PROMO_CAPTION = re.compile(rf"\b(?:{PROMO_WORDS})\b", re.IGNORECASE)


def unbracket(text: str) -> str:
    """A credit without the brackets that wrap it whole; its own closing one stays ("Khin Mg Win (Shwe Inn
    Thar)")."""
    while len(text) > 2 and text[0] + text[-1] in ("()", "[]"):
        text = text[1:-1].strip()
    return text


def _caption_and_credit(caption_text: str | None, credit: str | None) -> tuple[str | None, str | None]:
    if caption_text and _PLAYER_TEXT.search(caption_text):
        caption_text = None
    caption, split = split_credit(caption_text)
    element_credit = unbracket(" ".join(credit.split())) if credit else None
    if element_credit and caption and (label := _LABEL_TAIL.search(caption)):
        caption = caption[: label.start()].rstrip(" -–—|") or None  # "… Luftfahrtbranche - ©" + "heychli"
        element_credit = f"{label.group(1)} {element_credit}"
    credit = element_credit or split
    if credit and caption and caption.rstrip(" .").endswith(credit.rstrip(" .")):
        # the credit repeated at the caption's end ("... su esposa. Foto: AFP." + "<strong>Foto: AFP</strong>")
        caption = caption.rstrip(" .")[: -len(credit.rstrip(" ."))].rstrip(" ,-–(") or None
    return caption, credit


# the words of a picture's name that say how, where or by whom it is served, not what it shows
_SERVING_WORD = re.compile(
    r"large|small|medium|thumb|jumbo|facebook|twitter|social|share|crop|wide|square|default|standard|main|lead|hero|"
    r"header|cover|feature|image|photo|img|pic|web|mobile|desktop|retina|full|orig|resize|scaled|copy|getty|istock|"
    r"shutterstock|reuters|afp|epa|dpa|imago|alamy|picture|alliance|teaser|article|story|post|upload|file")


def _named_apart(one: str, other: str) -> bool:
    """Two file names that each say what they show, in words they do not share: two pictures."""
    def words(key: str) -> set[str]:
        return {t for t in re.split(r"[^a-z0-9]+", _share_core(key).lower())
                if len(t) >= 3 and t.isalpha() and not re.fullmatch(r"[a-f]+", t) and not _SERVING_WORD.search(t)}
    mine, theirs = words(one), words(other)
    return bool(mine and theirs) and not mine & theirs


class ImageCollector:
    """Images in reading order, de-duplicated by stable key; the first caption seen for a key wins."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.images: list[Image] = []
        self._keys: dict[str, Image] = {}
        self._leads: list[Image] = []  # the pictures shown before the article's text starts

    def add(self, url: str | None, caption_text: str | None = None, alt: str | None = None,
            credit: str | None = None, lead: bool = False, large: str | None = None) -> None:
        """`large` is the file the picture links to, its large size: the same picture under another name."""
        if not url or _PLACEHOLDER.search(url.rsplit("/", 1)[-1]):
            return
        url = urljoin(self.base, url)
        if not url.startswith("http") or (not caption_text and not credit and site_graphic(url, self.base)):
            return
        if caption_text and _PROMO_CAPTION.search(caption_text):
            return  # "Need more space? Subscribe to our sister title ..."
        caption, credit = _caption_and_credit(caption_text, credit)
        if caption and " " not in caption and _file_stem(caption) == _file_stem(url):
            caption = None  # the file's own name ("dp3_1_en") printed under a gallery thumbnail says nothing
        key = stable_key(url)
        existing = self._keys.get(key)
        if existing is not None:
            existing.caption = existing.caption or caption
            existing.credit = existing.credit or credit
            existing.alt = existing.alt or (alt or None)
            if lead and existing not in self._leads:
                self._leads.append(existing)
            return
        image = Image(url=url, caption=caption, credit=credit, alt=(alt or None))
        self._keys[key] = image
        self.images.append(image)
        if large:
            self._keys.setdefault(stable_key(urljoin(self.base, large)), image)
        if lead:
            self._leads.append(image)

    def describe_cover(self, imgs: Iterable[Tag], describe: Callable[[Tag], tuple],
                       links: Iterable[Tag] | None = None) -> None:
        """The cover has no caption: the page may still show the same picture, with one, outside the
        article's body (a photo box above the headline)."""
        cover = next((i for i in self.images if i.is_cover), None)
        if cover is None or cover.caption or cover.credit:
            return
        key = stable_key(cover.url)
        name = key.rsplit("/", 1)[-1]
        shown = next((img for img in imgs  # the attribute test is a cheap one before resolving the URL
                      if name in " ".join(str(v) for v in img.attrs.values()).lower()
                      and (url := image_url(img, self.base)) and stable_key(url) == key), None)
        # or a small thumbnail that links to the cover's file ("<a href=…/33162.jpg class=highslide><img …>")
        shown = shown or next((img for link in links or () if (img := link.find("img")) is not None
                               and stable_key(urljoin(self.base, link.get("href") or "")) == key), None)
        if shown is not None:
            caption_text, credit, _ = describe(shown)
            cover.caption, cover.credit = _caption_and_credit(caption_text, credit)

    def _only(self, shows: Callable[[str], bool]) -> Image | None:
        """The one picture shown whose key passes `shows`; none when several do, since then no pairing is sure."""
        same = [image for key, image in self._keys.items() if shows(key)]
        return same[0] if len(same) == 1 else None

    def set_cover(self, url: str | None, portrait: Callable[[Image], bool] | None = None) -> None:
        """og:image: marks the matching image as cover, or becomes the cover when none matches; `portrait`
        tells the writer's head shot, which may stand above the text too."""
        if not url:
            return
        url = urljoin(self.base, url)
        key = stable_key(url)
        existing = self._keys.get(key)
        core = _share_core(key)
        if existing is None and (len(core) >= 8 or (len(core) >= 5 and any(c.isdigit() for c in core))):
            # the share rendition of a picture shown on the page: its sizes, stamp or network after the name
            # ("141222_r25915-1200-630-10162001" of "141222_r25915-690", "o-jamie-dimon-facebook" of
            # "n-jamie-dimon-large570", "e190222" of "e190222_s"); for the og:image alone
            existing = next((i for k, i in self._keys.items() if _share_core(k) == core), None)
        if existing is None and (copy := _UPLOAD_COPY.sub("", core)) != core and len(copy) >= 8:
            # the same file uploaded again for sharing, numbered by the CMS ("Strassen_Madagaskar-1-e169…-2048x1152"
            # of "Strassen_Madagaskar-1024x765"), when one shown picture has that name
            existing = self._only(lambda k: _share_core(k) == copy)
        if existing is None and (asset := _ASSET_RENDITION.fullmatch(key.rsplit("/", 1)[-1])):
            # a numbered asset's renditions named by word ("16470669-standard" of "16470669-mmmain"), when the
            # page shows one picture of that number
            existing = self._only(lambda k: (m := _ASSET_RENDITION.fullmatch(k.rsplit("/", 1)[-1])) is not None
                                  and m.group(1) == asset.group(1))
        if existing is None and not core and not _SHARED_FOLDER.search(folder := _folder(url)):
            # named only for where it is shared ("…/RTSO9RP/facebook.jpg"): the picture whose renditions share
            # its folder ("…/RTSO9RP/lead_720_405.jpg"), when one picture there is shown
            existing = self._only(lambda k: _folder(self._keys[k].url) == folder)
        leads = [i for i in self._leads if portrait is None or not portrait(i)]
        if existing is None and len(leads) == 1 and not _named_apart(key, stable_key(leads[0].url)) \
                and not site_graphic(url, self.base) and not _share_logo(url, self.base):
            # the one picture shown above the text, shared under a name of its own ("19bouieWeb-facebookJumbo" of
            # "merlin_164413647_…-articleLarge"), unless the two names say what they show and differ
            existing = leads[0]
        if existing is not None:
            existing.is_cover = True
            return
        if not any(i.is_cover for i in self.images) and not site_graphic(url, self.base) \
                and not _share_logo(url, self.base):
            image = Image(url=url, is_cover=True)  # not the site's stand-in ("opengraph_default.png") or logo
            self._keys[stable_key(url)] = image
            self.images.insert(0, image)
