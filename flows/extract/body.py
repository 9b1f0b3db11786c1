"""The body: one walk over the tree into text blocks, a content container chosen by scoring, boilerplate out.

The walk flattens the document into blocks (a paragraph, a list item, a heading, a `<br><br>`-separated
run of text) and records, on the way, what other modules need from the visible markup (images with
their captions, h1s, byline and date elements), so no rule searches the whole tree again.

The container is the element that maximizes `good_text * density**2`: `good_text` is the length of
prose-shaped blocks under it (long enough, few links, not inside an element whose class says
"comments", "related", "share" …), `density` is that over all text under it. One paragraph has
density 1 but little text; `<body>` has all the text but a poor density; the article body wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from bs4 import NavigableString, Tag
from bs4.element import Comment, Declaration, Doctype, ProcessingInstruction

from flows.extract.captions import credit_line
from flows.extract.html import BYLINE_WORDS, HEADING_NAMES
from flows.extract.images import image_url, pixel_sized, stable_key


def _names(text: str) -> list[str]:
    return text.split()


INLINE = frozenset(
    _names(
        "a abbr b bdi bdo big cite code data dfn em font i kbd mark q s samp small span strong sub sup time u var "
        "wbr del ins label tt strike nobr acronym"
    )
)
SKIP = frozenset(
    _names(
        "script style noscript template svg math head title meta link button input select option textarea "
        "nav iframe object embed video audio canvas map area dialog menu"
    )
)
HEADINGS = frozenset(HEADING_NAMES)
HEADING_TAGS = ["h1", "h2"]  # a box holding the headline is a page header, not a figure
_INVISIBLE = {0x200B: None, 0x200C: None, 0x200D: None, 0xFEFF: None, 0x00AD: None, 0x2060: None}
_SPECIAL_STRINGS = (Comment, Declaration, Doctype, ProcessingInstruction)

_NEG_WORDS = (
    r"comments?|commentlist|disqus|share|sharing|sharebar|shares|social|socials|related|relateds|sidebar|"
    r"newsletter|subscribe|subscription|promo|promotions?|advert|advertisement|adverts|ads?|adslot|sponsor|"
    r"sponsored|banner|breadcrumbs?|footer|nav|navbar|navigation|menu|popular|populer|recommended|"
    r"recommendations?|rekomendasi|tags?|topics|baca|juga|readmore|outbrain|taboola|mgid|dable|"
    r"cookie|cookies|modal|popup|signup|bio|byline|toolbar|pagination|paging|masthead|caption|credit|"
    r"loadmore|index|embed|tweet|twitter|instagram|tiktok|trending|tabs|more|next|prev|jp|"
    r"overlay|author|meta|keywords|seealso|rail|aside|lightbox|gallery|break"
)
_ROLE_WORDS = (
    r"wrap|wrapper|wrp|container|area|box|list|section|block|module|content|contents|items?|links?|inner|"
    r"outer|holder|zone|bar|panel|title|header|body|text|cta|top|bottom|left|right|new|style|grid|col|"
    r"row|card|unit|slot|posts?|articles?|stories|story|news|buttons?|btn|icons?|label|\d+|[a-z]"
)
_NEG_TOKEN = re.compile(rf"^(?:[a-z0-9]+[-_]+)*?(?:{_NEG_WORDS})s?(?:[-_]+(?:{_ROLE_WORDS})s?)*$")
_AD_TOKEN = re.compile(r"(?:^|[-_])(?:gpt|dfp|adsense|adunit|adslot|advert)(?:[-_]|$)|[-_]ads?[-_]")
_NEG_SOFT = re.compile(r"^(?:has|with|no|non|show|hide|is|not|without|on|js|toggle|page|single|post|type|format)[-_]|"
                       r"[-_](?:with|has)[-_]")
_POS_TOKEN = re.compile(
    r"article-?body|articlebody|post-?body|entry-?content|story-?body|article-?content|main-?content|"
    r"content-?body|article-?text|post-?content|read-?content|detail-?text|text-?detail|story-?content|"
    r"article__body|article__content|body-?text|news-?content|field-name-body|post-entry|hentry|"
    r"article-raw-content|itemprop",
    re.IGNORECASE,
)
# the narrower set that names the text of one article (not a page column like "main-content")
_BODY_MARK = re.compile(
    r"article-?body|articlebody|post-?body|entry-?content|story-?body|article-?content|content-?body|"
    r"article-?text|post-?content|read-?content|detail-?text|story-?content|article__body|body-?text|"
    r"news-?content|field-name-body|article-raw-content",
    re.IGNORECASE,
)


_BEM_MODIFIER = re.compile(r"--[\w-]+")
# a state the element is in, not what it is: "has-recommendations" on the article's own wrapper, "is-sticky"
_STATE_CLASS = re.compile(r"(?<![\w-])(?:has|is|with|no)-[\w-]+")


# the classes a blog engine gives a post for its taxonomy ("hentry author-beate-finken tag-social-media"), and a
# CMS node ("node node-report … author-sarayut": Drupal's)
_POST_ENTRY = re.compile(r"(?<!\S)(?:h-?entry|type-post|post-\d+|node(?=\s.*(?<!\S)node-[a-z]))(?!\S)")
_POST_TAXONOMY = re.compile(r"(?<!\S)(?:author|category|tag|format)-\S+")


# a kicker inside a headline: the topic or section it is filed under, not the headline's words
_KICKER = re.compile(r"(?<![a-z])(?:category|kicker|overline|topline|dachzeile|eyebrow|rubri[ck]|catchline|"
                     r"spitzmarke|roofline|supertitle|surtitre|antet[ií]tulo|occhiello)(?![a-z])", re.I)


_SEPARATORS = " \t\n\r\xa0:|·•–—-/"


def class_marker(el: Tag) -> str:
    """An element's classes and id without BEM modifiers or states: "content-header--social-icons-position" styles
    a header and "has-recommendations" says what the page holds, neither makes it a share bar or a rail. A post's
    taxonomy classes name its writer and topics, not a widget's role."""
    marker = _BEM_MODIFIER.sub("", f"{el.get('class') or ''} {el.get('id') or ''}")
    if "s-" in marker or "h-" in marker or "o-" in marker:
        marker = _STATE_CLASS.sub("", marker)
    return _POST_TAXONOMY.sub("", marker) if _POST_ENTRY.search(marker) else marker


def _token_verdict(token: str) -> int:
    if "__" in token:  # BEM: the element part names the role ("article-header__authors")
        block, element = token.rsplit("__", 1)
        if _token_verdict(element.split("--")[0]) < 0:
            return -1
        token = block
    token = token.split("--")[0].strip("_-")
    if not token:
        return 0
    if _POS_TOKEN.search(token):
        return 1
    if _NEG_SOFT.search(token):
        return 0
    if _NEG_TOKEN.match(token) or _AD_TOKEN.search(token):
        return -1
    return 0


@lru_cache(maxsize=16384)
def marker_info(marker: str) -> tuple[int, bool, bool, bool]:
    """(content verdict, names a byline, names a date, names a caption) for one class+id string.

    A verdict of -2 marks classes that hide the element ("element-hidden", "d-none", "sr-only").
    """
    if _HIDDEN_CLS.search(marker):
        return -2, False, False, False
    return (classify_marker(marker), bool(_BYLINE_CLS.search(marker)), bool(_DATE_CLS.search(marker)),
            bool(_CAPTION_CLS.search(marker)))


@lru_cache(maxsize=16384)
def classify_marker(marker: str) -> int:
    """+1 for classes/ids that name article content, -1 for chrome (comments, related, share …), else 0."""
    verdicts = [_token_verdict(t) for t in marker.lower().split()]
    if -1 in verdicts:
        return -1
    return 1 if 1 in verdicts else 0


_PHOTO_BOX = re.compile(
    r"(?:^|\s)(?:photo|foto|image|img|pic|picture)(?:[-_](?:box|wrap|wrapper|container|holder|frame|area))?(?:\s|$)",
    re.IGNORECASE,
)
_EMBED_CLS = re.compile(r"twitter-tweet|instagram-media|tiktok-embed|twitter-video", re.IGNORECASE)
_HIDDEN_CLS = re.compile(
    r"(?:^|\s)(?:element-hidden|d-none|is-hidden|visually-hidden|sr-only|screen-reader-text|"
    r"screenreader-only|offscreen|u-hidden|hidden)(?:\s|$)", re.IGNORECASE
)
_BYLINE_CLS = re.compile(BYLINE_WORDS, re.I)
_DATE_CLS = re.compile(r"date|time|publish|tanggal|waktu|posted|updated|modified|datum|fecha", re.I)
_CAPTION_CLS = re.compile(r"caption|credit|keterangan|wp-caption-text", re.I)
_SMALL_IMG = re.compile(r"^(?:[1-9]\d?|1[0-4]\d)$")  # width/height below 150 px: icons, avatars, logos
# a site graphic, not a photo; a loader or pixel only as its own file name ("customer-loading-truck.jpg" is a photo)
# "share-" and "social-" only in the file's own name: "…/debt-as-a-share-of-gdp/chart.png" is a chart
_LOGO = re.compile(r"logo|icon|avatar|sprite|badge|emoji|/ads?/|(?:social|share)-[^/?#]*(?:[?#]|$)|"
                   r"(?<![a-z])(?:pixel|tracking|spinner|loading|loader|ajax-loader)(?:[-_.]?\w{0,3})?\.(?:gif|png|svg)|"
                   r"/(?:pixel|tracking|tr)(?:[/?]|$)", re.I)


# where a share button leads: a network's share endpoint, or a mail or messenger draft (not Pinterest's
# "pin/create": a "Pin it" link wraps the article's own picture)
_SHARE_LINK = re.compile(r"share\.php|sharer|sharearticle|qzshare|/share\?|intent/tweet|"
                         r"^(?:mailto|whatsapp|fb-messenger|line|tg):", re.IGNORECASE)


@dataclass(slots=True)
class Block:
    text: str
    owner: Tag
    kind: str  # the owner's tag name
    links: int = 0
    bold: int = 0
    index: int = 0
    lead: str = ""  # bold text the block opens with ("Liputan6.com, Jakarta")
    lead_link: int = 0  # length of link text the block opens with (teasers: "<a>Title</a> excerpt")


@dataclass(slots=True)
class ImageRef:
    element: Tag
    url_source: Tag | None
    caption: str | None
    credit: str | None
    position: int  # number of blocks before it


@dataclass(slots=True)
class Walk:
    """Everything one pass over the tree collects."""

    blocks: list[Block] = field(default_factory=list)
    images: list[ImageRef] = field(default_factory=list)
    h1: list[tuple[str, int]] = field(default_factory=list)
    h1_tags: list[Tag] = field(default_factory=list)  # the elements of `h1`, in the same order
    bylines: list[Tag] = field(default_factory=list)
    dates: list[Tag] = field(default_factory=list)
    negative: set[int] = field(default_factory=set)
    positive: set[int] = field(default_factory=set)
    body_marked: set[int] = field(default_factory=set)  # classes that name an article's text
    positions: dict[int, int] = field(default_factory=dict)  # id(tag) -> blocks before it (dates, bylines)
    embeds: set[int] = field(default_factory=set)  # indexes of the blocks of quoted social posts
    crumbs: list[Tag] = field(default_factory=list)  # the first breadcrumb trail (nav elements included)
    # links that may lead to a topic page (`rel`, "/tag/", "/topik/"), with the blocks before each
    topic_links: list[tuple[Tag, int]] = field(default_factory=list)


_TOPIC_HINT = re.compile(r"tag|topi|label|keyword|kunci|schlagw|etiquet|themen", re.IGNORECASE)
_BUTTON_CLS = re.compile(r"(?<![a-z])(?:btn|button|cta)(?![a-z])", re.IGNORECASE)
_PAGE_HINT = re.compile(r"pag(?:e|ing|inat)|halaman", re.IGNORECASE)


def _hidden_slide(img: Tag) -> bool:
    """A hidden picture that is a slide of a slideshow a script steps through: its box is one of three or more
    alike boxes side by side (same tag, same class), and a slide beside it is shown."""
    box = img.parent
    cls = box.get("class") if box is not None else None
    if not cls or box.parent is None:
        return False
    slides = [el for el in box.parent.find_all(box.name, recursive=False) if el.get("class") == cls]
    return len(slides) >= 3 and any(
        (shown := el.find("img")) is not None and "hidden" not in shown.attrs for el in slides if el is not box)


def _later_page(attrs: dict) -> bool:  # type: ignore[type-arg]
    """A hidden page of a multi-page article shipped whole ("paging-content", `data-page="2"`): read it."""
    return bool(_PAGE_HINT.search(attrs.get("class") or "")) or any(k.startswith("data-pag") for k in attrs)


class _Walker:
    def __init__(self, skip: set[int], keep_embeds: bool) -> None:
        self.out = Walk()
        self.skip = skip
        self.keep_embeds = keep_embeds
        self.in_embed = 0  # inside a quoted social post: its dates and names are the post's, not the article's
        self.parts: list[str] = []
        self.links = 0
        self.bold = 0
        self.in_link = 0
        self.in_bold = 0
        self.owner: Tag | None = None
        self.brs = 0
        self.lead: str | None = None
        self.lead_link = 0
        self.in_heading = 0
        self.root: Tag | None = None
        self.root_chars: int | None = None

    def _whole_page(self, el: Tag) -> bool:
        """A wrapper classed "hidden" around the page's headline and most of its text is the page itself (a
        script reveals it), not a hidden panel such as a search box's "No matches" `<h1>`."""
        if el.find("h1") is None:
            return False
        if self.root_chars is None:
            self.root_chars = len(self.root.get_text()) if self.root is not None else 0
        return len(el.get_text()) >= 0.5 * self.root_chars

    # runs ------------------------------------------------------------------------------------------
    def flush(self) -> None:
        if self.parts:
            text = " ".join("".join(self.parts).translate(_INVISIBLE).split())
            if text and self.owner is not None:
                blocks = self.out.blocks
                if self.in_embed:
                    self.out.embeds.add(len(blocks))
                blocks.append(Block(text, self.owner, self.owner.name, self.links, self.bold, len(blocks),
                                    self.lead or "", self.lead_link))
        self.lead = None
        self.lead_link = 0
        self.parts = []
        self.links = 0
        self.bold = 0
        self.brs = 0

    def _bold_line(self) -> bool:
        """The run so far is one short bold line: an inline sub-heading ended by a line break."""
        if not self.bold or self.links:
            return False
        text = "".join(self.parts).strip()
        return 0 < len(text) <= 100 and self.bold >= len(text.replace(" ", "")) * 0.9 and text[-1] not in ".,:;"

    def add_text(self, text: str) -> None:
        if not text:
            return
        self.parts.append(text)
        if text.strip():
            self.brs = 0
            n = len(text.strip())
            if self.in_link:
                self.links += n
            if self.in_bold:
                self.bold += n

    # walk ------------------------------------------------------------------------------------------
    def walk(self, node: Tag) -> None:
        self._walk(node.children)

    def _embed(self, quote: Tag) -> None:
        """An embedded post: skip it up to its permalink; markup a broken page left inside it is walked."""
        rest: list = []
        done = False
        for child in quote.children:
            if done:
                rest.append(child)
            elif isinstance(child, Tag) and child.name == "a" and "/status" in (child.get("href") or ""):
                done = True
        if rest:
            self._walk(rest)

    def _walk(self, children) -> None:  # type: ignore[no-untyped-def]
        for child in children:
            if isinstance(child, NavigableString):
                if not isinstance(child, _SPECIAL_STRINGS):
                    self.add_text(str(child))
                continue
            if not isinstance(child, Tag):
                continue
            name = child.name
            if name in SKIP or id(child) in self.skip:
                continue
            if name == "br":
                self.brs += 1
                if self.brs >= 2 or self._bold_line():
                    self.flush()
                else:
                    self.parts.append(" ")
                continue
            attrs = child.attrs
            if name == "img":
                # a hidden img is a counter pixel; a <noscript> picture counts where the lazy loader left no
                # placeholder `<img>` beside it (`<div class="loading"><noscript><img src=…></noscript></div>`)
                if ("hidden" not in attrs or _hidden_slide(child)) and ("data-noscript" not in attrs or (
                        child.parent is not None and len(child.parent.find_all("img", limit=2)) == 1)):
                    self._image(child, None, attrs.get("alt"))
                continue
            cls = attrs.get("class") or ""
            if self.in_heading and cls and _KICKER.search(cls) and (name in INLINE or name == "div"):
                continue  # "<h1><span class=category>Thema Verbraucherschutz</span>Mehr Transparenz …</h1>"
            if self.in_heading and name in INLINE and (shown := child.get_text().strip()) \
                    and not shown.strip(_SEPARATORS):
                continue  # the kicker's separator in a span of its own ("<span class=headline--colon>: </span>")
            ident = attrs.get("id") or ""
            marker = f"{cls} {ident}" if ident else cls
            if "-" in cls and _POST_ENTRY.search(cls):  # a post's own writer and topic classes name no widget
                marker = _POST_TAXONOMY.sub("", marker)
            if not self.out.crumbs and (("rumb" in marker or "kanal-map" in marker)
                                        or "BreadcrumbList" in (attrs.get("itemtype") or "")):
                self.out.crumbs.append(child)
            if attrs.get("data-image") and attrs.get("data-description") is not None:
                self._gallery_item(child)
                continue
            if name in ("span", "div") and _PICTURE_FILE.search(str(attrs.get("data-image") or "")) \
                    and child.find("img") is None and len(child.get_text(strip=True)) <= 80:
                # a picture a script draws from its holder (`<span class="resimg" data-image="…/photo.jpg">`);
                # the holder's own text is the file's name, no prose
                self._image(child, None, None)
                continue
            if name == "blockquote" and _EMBED_CLS.search(cls):
                if self.keep_embeds:  # the post's text is a quote in the article; its chrome is boilerplate
                    self.flush()
                    parent_owner, self.owner = self.owner, child
                    self.in_embed += 1
                    self.walk(child)
                    self.flush()
                    self.in_embed -= 1
                    self.owner = parent_owner
                else:
                    self._embed(child)
                continue
            if name in ("figure", "picture") or (name == "div" and ("wp-caption" in cls or (
                    _PHOTO_BOX.search(cls) and child.find("img") is not None and len(child.get_text()) < 500
                    and not _side_by_side(child))) and child.find(HEADING_TAGS) is None):
                if name == "figure" and child.find("figure") is not None:
                    self.walk(child)  # a group of figures ("<figure class=thumbs><figure>…"): each is one picture
                else:
                    self._figure(child)
                continue
            if name == "figcaption":
                continue
            if "hidden" in attrs and not _later_page(attrs):
                continue
            if attrs.get("aria-hidden") == "true" and name not in INLINE:
                continue
            itemprop = attrs.get("itemprop")
            verdict, is_byline, is_date, is_caption = marker_info(marker) if marker else (0, False, False, False)
            if verdict == -2 and not self._whole_page(child):  # hidden by class: not read by anyone
                continue
            if verdict < 0 and _later_page(attrs) and (name in HEADINGS or re.search(
                    r"content|body|text|item|isi", cls, re.IGNORECASE)):
                verdict = 0  # "paging-content", "h2.title-dt-paging": a page of the article, not a pagination bar
            if itemprop == "articleBody":
                verdict = 1
                self.out.body_marked.add(id(child))
            elif verdict > 0 and _BODY_MARK.search(marker):
                self.out.body_marked.add(id(child))
            elif itemprop in ("datePublished", "dateModified", "dateCreated") or name == "time":
                is_date = True
            elif itemprop == "author" or attrs.get("rel") == "author":
                is_byline = True
            if self.in_embed:
                is_byline = is_date = False
            if is_byline:
                self.out.bylines.append(child)
                self.out.positions[id(child)] = len(self.out.blocks)
            if is_date and name not in ("body", "html"):
                self.out.dates.append(child)
                self.out.positions[id(child)] = len(self.out.blocks)
            if verdict and name not in ("body", "html", "main") and verdict > -2:
                (self.out.positive if verdict > 0 else self.out.negative).add(id(child))
            if name in ("td", "th") and self.owner is not None and self.owner.name == "tr":
                self.parts.append(" ")  # cells join into one line per row, like a reader sees them
                self.walk(child)
                self.parts.append(" ")
                continue
            if name in INLINE:
                if name == "span" and cls and self.owner is not None and self.owner.name == "p" \
                        and len(child.find_all("a", limit=3)) >= 3:
                    # a hover card inside a sentence ("rollover" people boxes): keep the linked name only
                    for sub in child.find_all(True):
                        if sub.name != "a" and len(sub.find_all("a", limit=2)) >= 2:
                            self.skip.add(id(sub))
                if name == "a":
                    href = attrs.get("href") or ""
                    if "rel" in attrs or _TOPIC_HINT.search(href):
                        self.out.topic_links.append((child, len(self.out.blocks)))
                    if cls and _BUTTON_CLS.search(cls):
                        self._promo(child)
                    opening = not self.in_link and not "".join(self.parts).strip()
                    before = self.links
                    self.in_link += 1
                    self.walk(child)
                    self.in_link -= 1
                    if opening:
                        self.lead_link = self.links - before
                elif name in ("b", "strong"):
                    opening = not "".join(self.parts).strip()
                    start = len(self.parts)
                    self.in_bold += 1
                    self.walk(child)
                    self.in_bold -= 1
                    if opening and start <= len(self.parts):
                        self.lead = " ".join("".join(self.parts[start:]).split())
                else:
                    self.walk(child)
                continue
            if self.in_heading:  # "<h1><div><span>Headline</span></div></h1>": one line, the heading's
                self.walk(child)
                continue
            # a block element
            self.flush()
            parent_owner = self.owner
            self.owner = child
            if name in HEADINGS:
                short = len(child.get_text()) <= 400  # a heading wrapped around a whole page stays blocks
                self.in_heading += short
                self.walk(child)
                self.in_heading -= short
                # the last step of a breadcrumb trail set as an `<h1>` (its SEO title) is no headline, in the
                # trail's box or itself a crumb (`<h1 role=navigation class=breadcrumbs__item>`)
                if name == "h1" and "".join(self.parts).strip() and not (
                        self.out.crumbs and any(p is self.out.crumbs[0] for p in child.parents)) \
                        and not ("rumb" in marker or attrs.get("role") == "navigation"):
                    self.out.h1.append((" ".join("".join(self.parts).split()), len(self.out.blocks)))
                    self.out.h1_tags.append(child)
            elif is_caption and verdict <= 0 and child.find(["img", "h1", "h2"]) is None:
                self._caption(child)
            else:
                self.walk(child)
            self.flush()
            self.owner = parent_owner

    def _promo(self, button: Tag) -> None:
        """A short box with a call-to-action button ("Yuk daftarkan ... <a class=btn>Daftarkan</a>") is a
        promotion: its text is not the article's. A button inside a paragraph marks nothing."""
        box = button.parent
        if box is None or box.name not in ("div", "section", "aside", "span"):
            return
        if len(" ".join(button.get_text().split())) <= 30 and len(box.get_text()) <= 400:
            self.out.negative.add(id(box))

    # images ----------------------------------------------------------------------------------------
    def _image(self, img: Tag, caption: str | None, alt: str | None, credit: str | None = None,
               element: Tag | None = None) -> None:
        if _small(img.get("width"), img.get("height")):
            return
        link = img.parent if img.parent is not None and img.parent.name == "a" else None
        if link is not None and _SHARE_LINK.search(str(link.get("href") or "")):
            return  # the icon of a share button ("share.php?url=…", "mailto:?subject=…")
        attrs = " ".join(str(v) for k, v in img.attrs.items() if k not in ("alt", "title", "class", "id"))
        # judged on the picture shown, not on a lazy loader's placeholder in `src`
        if not caption and _LOGO.search(attrs) and _LOGO.search(image_url(img, "") or ""):
            return
        self.out.images.append(ImageRef(element or img, img, caption, credit, len(self.out.blocks)))

    def _figure(self, fig: Tag) -> None:
        imgs = fig.find_all("img", limit=4)
        # a loader's spinner set before the picture ("<div id=loading><img src=…/iconos/preload.gif>") is not it
        if len(imgs) > 1:
            imgs = [i for i in imgs if not _LOGO.search(image_url(i, "") or "")] or imgs
        img = next((i for i in imgs if "data-noscript" not in i.attrs), imgs[0] if imgs else None)
        fallback = next((i for i in imgs if "data-noscript" in i.attrs), None)
        if img is not None and fallback is not None and img is not fallback and (_same_picture(img, fallback) or (
                not image_url(img, "") and fig.find(class_=_VIDEO_CLS) is None)):  # not a video player's poster
            # a lazy loader's blurred preview ("max/60/…?q=20"), or a blank placeholder whose address a script on
            # its wrapper fills in (`<span data-original=…><img src="data:…">`): the <noscript> holds the file
            img = fallback
        if img is not None:  # its caption is looked for later, for the pictures the article keeps
            self._image(img, None, img.get("alt"), None, fig)
        elif fig.get("data-image"):
            self.out.images.append(ImageRef(fig, None, fig.get("data-description"), None, len(self.out.blocks)))

    def _gallery_item(self, item: Tag) -> None:
        self.out.images.append(ImageRef(item, item.find("img"), item.get("data-description") or None, None,
                                        len(self.out.blocks)))

    def _caption(self, el: Tag) -> None:
        """A caption outside a figure: attach to the image just before it, keep it out of the body."""
        if self.out.images and self.out.images[-1].caption is None:
            last = self.out.images[-1]
            text = el.get_text(" ", strip=True)
            if text and self.out.images[-1].position == len(self.out.blocks):
                if last.credit is None and credit_line(str(el.get("class") or ""), text):
                    last.credit = text  # "<div class='columns end credit'>Lionsgate</div>": the credit alone
                else:
                    last.caption = text


def _small(width: object, height: object) -> bool:
    """An icon, avatar, button or spacer by its declared size: a side under 150 px, unless the picture is
    still a real one (a 400x141 diagram, an 850x120 panorama; not a 500x47 "Pin it" button)."""
    if pixel_sized(width, height):
        return True  # a tracking pixel, in CSS units too (a thumbnail's "156px" still counts as a picture)
    sides = [int(v) for v in (str(width or "").strip(), str(height or "").strip()) if v.isdigit()]
    if not sides or not any(_SMALL_IMG.match(str(v)) for v in sides):
        return False
    return len(sides) == 1 or min(sides) < 100 or max(sides) < 300


_PICTURE_FILE = re.compile(r"^(?:https?:)?//[^\s\"']+\.(?:jpe?g|png|gif|webp)(?:\?\S*)?$", re.IGNORECASE)
_VIDEO_CLS = re.compile(r"(?<![a-z])video(?![a-z])", re.IGNORECASE)


def _same_picture(a: Tag, b: Tag) -> bool:
    url_a, url_b = image_url(a, ""), image_url(b, "")
    return bool(url_a and url_b) and url_a != url_b and stable_key(url_a) == stable_key(url_b)


def _side_by_side(box: Tag) -> bool:
    """A photo box ("div.image-wrap") holding several pictures, each linked on its own (two thumbnails
    in columns): each is a picture of its own, not one figure."""
    links = [img.parent for img in box.find_all("img", limit=6)
             if img.parent is not None and img.parent.name == "a" and not _LOGO.search(str(img.get("src") or ""))]
    return len(links) >= 2 and len({id(a) for a in links}) == len(links)


def walk(root: Tag, skip: set[int] | None = None, keep_embeds: bool = True) -> Walk:
    """`keep_embeds`: read embedded posts (tweets, Instagram) as quotes in the text, or leave them out."""
    walker = _Walker(skip or set(), keep_embeds)
    walker.owner = walker.root = root
    walker.walk(root)
    walker.flush()
    return walker.out


# --- choosing the container ---------------------------------------------------------------------------
def _good(block: Block) -> float:
    """Prose weight of a block: 1 for prose, 0 for chrome, TEASER for a linked headline with its excerpt."""
    n = len(block.text)
    if block.kind == "tr":  # a data-table row
        return 1.0 if n >= 15 and block.links / n < 0.35 else 0.0
    if n < 40 or block.kind in HEADINGS:
        return 0.0
    if block.lead_link >= 15 and block.lead_link >= 0.15 * n:
        # a linked headline then its excerpt: a teaser in a listing, or an item of a digest article
        return TEASER if block.links / n < 0.75 else 0.0
    return 1.0 if block.links / n < 0.35 else 0.0


TEASER = -1.0  # counts only under an element whose class names an article's text (a digest's list)
# the commas and full stops of prose in the world's scripts: Latin, CJK (、，。．), Arabic and Urdu (، ۔),
# Devanagari and Bengali (।), Ethiopic (። ፣), Armenian (։), Myanmar (၊ ။)
_PROSE_MARK = re.compile(r"[,.、，。．،۔।።፣։၊။]")


def choose_container(w: Walk, root: Tag, live: bool = False) -> Tag:
    """The element with the best `good * density**2` score (see module docstring).

    `live`: the page is a live blog, whose entries are `<article>`s of one story, not a listing.
    """
    scored = score_candidates(w, root, live)
    if not scored:
        return root
    by_id = {id(tag): score for score, tag in scored}
    best_score, best = max(scored, key=lambda pair: pair[0])
    # a slightly lower-scoring parent holds the same text plus its neighbours (a lone <p> of a body)
    while best.parent is not None and by_id.get(id(best.parent), 0.0) >= CLIMB * best_score \
            and best.parent.name not in ("body", "html", "[document]"):
        best = best.parent
    # one item of a list article ("buzz_superlist_item": a numbered heading, its picture and a line), whose items
    # are sibling boxes of one class: the list is the body
    node = best
    for _ in range(3):
        parent, cls = node.parent, str(node.get("class") or "").split()[:1]
        if parent is None or parent.name in ("body", "html", "[document]") or id(parent) not in by_id:
            break
        if cls and _LIST_ITEM.search(cls[0]) and not _NEG_TOKEN.match(cls[0].lower()) and sum(
                1 for sib in parent.find_all(node.name, recursive=False, limit=30)
                if str(sib.get("class") or "").split()[:1] == cls) >= 3:
            best = parent
            break
        node = parent
    # a paragraph is never the whole body when prose paragraphs, or the story's pictures (a slideshow's
    # slides, each a `<picture>` with its description), stand beside it
    if best.name == "p" and best.parent is not None and best.parent.name not in ("body", "html", "[document]") \
            and id(best.parent) in by_id and any(
                sib is not best and ((sib.name == "p" and len(sib.get_text()) >= 40) or sib.name == "figure"
                                     or "wp-caption" in (sib.get("class") or "")
                                     or (sib.name == "div" and sib.find(["figure", "picture"]) is not None)
                                     or (not sib.get_text(strip=True) and sib.find("img") is not None))
                for sib in best.parent.find_all(["p", "figure", "div"], recursive=False, limit=8)):
        best = best.parent
    return best


CLIMB = 0.9
_LIST_ITEM = re.compile(r"(?:^|[-_])(?:list)?item(?:$|[-_])|listitem|list-item", re.IGNORECASE)


_COMMENTS = re.compile(r"comment|disqus", re.IGNORECASE)


def score_candidates(w: Walk, root: Tag, live: bool = False) -> list[tuple[float, Tag]]:
    """Every element holding prose, with its container score."""
    good: dict[int, float] = {}
    total: dict[int, float] = {}
    tags: dict[int, Tag] = {}
    # a column classed like chrome ("rail-left") that holds a headline `<h1>` (one not in a link) is the page's
    # main column, not a sidebar
    main_cols = {id(a) for h1 in w.h1_tags if h1.find("a") is None for a in h1.parents}
    neg = w.negative - main_cols if main_cols & w.negative else w.negative
    inside_negative: set[int] = set()  # candidates under a "comments"/"related" element are not eligible
    inside_comments: set[int] = set()
    stop = root.parent
    nested: dict[int, float] = {}  # good text inside <article> elements nested in the candidate
    nested_count: dict[int, set[int]] = {}
    for b in w.blocks:
        n = len(b.text)
        weight = _good(b)
        teaser = weight == TEASER
        g = n if weight else 0
        if g and b.kind != "tr" and n < 120 and _PROSE_MARK.search(b.text) is None:
            g = n * 0.3  # no punctuation at all: a label or a menu line, not prose
        chain: list[int] = []
        node: Tag | None = b.owner
        article: int | None = None  # the innermost <article> passed on the way up
        while node is not None and node is not stop:
            key = id(node)
            if key in neg:
                g = 0
                inside_negative.update(chain)
                if _COMMENTS.search(f"{node.get('class') or ''} {node.get('id') or ''}"):
                    inside_comments.update(chain)  # readers' comments are never the article
            if teaser and key in w.body_marked:
                teaser = False  # a list of linked items inside the article's text is its text
            chain.append(key)
            total[key] = total.get(key, 0.0) + n
            if g and not teaser:
                good[key] = good.get(key, 0.0) + g
                if article is not None:
                    nested[key] = nested.get(key, 0.0) + g
                    nested_count.setdefault(key, set()).add(article)
            tags[key] = node
            if node.name == "article":
                article = key
            node = node.parent
    out: list[tuple[float, Tag]] = []
    for key, g in good.items():
        if not live and len(nested_count.get(key, ())) >= 2 and nested.get(key, 0.0) >= 0.5 * g:
            g -= nested[key]  # most of its prose sits in <article>s of their own: a listing, not one text
            if g <= 0:
                continue
        t = total[key]
        d = g / t if t else 0.0
        score = g * d * d
        if key in w.positive:
            score *= 1.6
        if key in inside_negative:
            score *= 0.3
        if key in inside_comments:
            score *= 0.3
        name = tags[key].name
        if name in ("body", "html", "[document]"):
            score *= 0.85  # the whole page is the answer only when nothing narrower holds the text
        elif name in ("article", "main"):
            score *= 1.1
        out.append((score, tags[key]))
    return out


_PAGE_TOKEN = re.compile(r"body|content|text|article|paragraph|page|item|detail|story|post|entry|isi|konten",
                         re.IGNORECASE)


def outer_page(container: Tag) -> Tag:
    """The enclosing element of the same content class: broken markup nests page 2 inside page 1."""
    if not _later_page(container.attrs):
        return container
    tokens = {t for t in (container.get("class") or "").split() if _PAGE_TOKEN.search(t)}
    best = container
    node = container.parent
    for _ in range(3):
        if node is None or not tokens:
            break
        if tokens & set((node.get("class") or "").split()):
            best = node
        node = node.parent
    return best


def with_continuation_pages(container: Tag, w: Walk) -> list[Tag]:
    """The chosen body and the siblings that continue it, in document order: the later pages of a
    multi-page article shipped in one file (`div.mdk-body-paragraph.paging-content[style=display:none]`),
    same tag, a shared content class and a page hint."""
    tokens = {t for t in (container.get("class") or "").split() if _PAGE_TOKEN.search(t)}
    if not tokens or container.parent is None:
        return [container]
    siblings = [sib for sib in container.parent.find_all(container.name, recursive=False)
                if sib is container or (tokens & set((sib.get("class") or "").split()) and _later_page(sib.attrs)
                                        and id(sib) not in w.negative)]
    if len(siblings) == 1:
        return [container]  # the common case: no pages to look at, no prose to count
    prose: dict[int, int] = {}
    for b in w.blocks:
        if _good(b) == 1.0:
            prose[id(b.owner)] = prose.get(id(b.owner), 0) + len(b.text)
    return [sib for sib in siblings if sib is container
            or sum(prose.get(id(el), 0) for el in [sib, *sib.find_all(True)]) >= 150]


def inside(tag: Tag, containers: set[int]) -> Tag | None:
    """The container (by id) among `tag` and its ancestors, if any."""
    node: Tag | None = tag
    while node is not None:
        if id(node) in containers:
            return node
        node = node.parent
    return None


def negative_between(tag: Tag, container: Tag, negative: set[int]) -> bool:
    node: Tag | None = tag
    while node is not None and node is not container:
        if id(node) in negative:
            return True
        node = node.parent
    return False
