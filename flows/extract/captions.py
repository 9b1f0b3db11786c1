"""An image's caption and credit, found in the markup around it.

Templates put them in a `<figcaption>` (the credit in a `<cite>`, a `span.credit`, an
`itemprop=copyrightHolder` or a closing `<small>`), in a caption box beside the image inside a
figure-like wrapper, in a line after the image or its wrapper ("<div class=media__footer>", an italic
line under a centred picture), laid over the photo as a credit with the caption beside it, or, for a
lightbox, in attributes (`<img caption>`, `data-caption`, `data-attrib`). When no element holds the
credit, it is read off the end of the caption text (`images.split_credit`).
"""

from __future__ import annotations

import re

from bs4 import NavigableString, Tag
from bs4.element import Comment

from flows.extract.html import HEADING_NAMES, element_text
from flows.extract.images import CREDIT_HINT, CREDIT_LABELS, image_url, pixel_sized, split_credit, unbracket

_BOX_CLS = re.compile(
    r"figure|photo|image|(?<![a-z])img|media|picture|(?<![a-z])pic(?:box|-box|_box)?(?![a-z])|foto|gambar|"
    r"wp-caption|caption-container|thumb|lead-?art|hero|cover|visual|slide(?!show)",
    re.IGNORECASE,
)
_CAPTION_CLS = re.compile(
    r"caption|keterangan|ket-?foto|deskripsi|legend|cutline|image-?text|unterschrift|didascalia|"
    r"photo-?text|media__title|(?:photo|foto|image|img|pic|gambar|thumb)-?(?:title|info|meta|detail|desc\w*|text)",
    re.IGNORECASE,
)
# inside a picture's own box, a "description" is what the picture shows
_DESCRIPTION_CLS = re.compile(r"description", re.IGNORECASE)
_CREDIT_CLS = re.compile(
    r"credit|copyright|(?<![a-z])source|photographer|attribution|courtesy|rights|fotografer|sumber|photo-?by|"
    r"image-?by|byline|author|(?<![\w-])copy(?![\w-])",
    re.IGNORECASE,
)
_BYLINE_ONLY = re.compile(r"(?<![a-z])(?:byline|by-?author|author|article-?author|post-?author)(?![a-z])", re.I)
# the class of a line right after an image that is its caption ("small gray", "media__footer")
_CAPTION_LINE_CLS = re.compile(r"small|gray|grey|minor|note|footer|credit|caption|desc|legend", re.IGNORECASE)
_CREDIT_PROPS = ("copyrightHolder", "creditText", "copyrightNotice", "author", "creator")
# labels read aloud to screen readers: "Credit...", BBC's "Image copyright", "Image caption"
_ELLIPSIS_LABEL = re.compile(r"^\s*(?:[\w ]{1,20}(?:\.\.\.|…)|(?:image|photo|picture) (?:copyright|caption))\s*",
                             re.IGNORECASE)
_MAX_BOX_TEXT = 700
# words of a control laid over a picture ("VIEW GALLERY 5 PHOTOS", "Lihat Foto"), not of a credit
_CONTROL = re.compile(r"\b(?:gallery|galeri|view|lihat|klik|click|play|putar|zoom|enlarge|perbesar)\b", re.IGNORECASE)
# a button that shows or hides the captions
_CAPTION_TOGGLE = re.compile(r"(?i:(?:hide|show|toggle|open|close|expand|collapse)\s+captions?|captions?\s+(?:on|off))")
# a shop link's call to action under a product picture ("SHOP NOW"), in the languages of the corpus
_SHOP_LINK = re.compile(r"(?:shop|buy)(?: it)?(?: now| here| the look)?|get it (?:now|here)|belanja sekarang|"
                        r"beli sekarang|jetzt kaufen|jetzt shoppen|acheter|comprar(?: ahora)?", re.IGNORECASE)


# elements that start a new line, and elements that do when a class styles them as a box ("span.credit")
_LINE_TAGS = frozenset(["br", "p", "div", "li", "small", "cite"])
_BOX_TAGS = frozenset(["figcaption", "span", "h2", "h3", "h4", "h5", "h6"])


# a lightbox link's label inside a caption
_ENLARGE = re.compile(r"enlarge|expand|zoom|full ?screen|vergrößern|agrandir|ampliar|perbesar", re.IGNORECASE)
# parts of a caption box a reader does not read as its text: a "less"/"... more" toggle and the truncated copy
# it reveals, a slide counter ("2 of 4"), a label for screen readers ("Media caption")
_NOT_CAPTION_CLS = re.compile(
    r"truncat|collaps|toggle|(?<![a-z])(?:more|less|count|counter|pager)(?![a-z])|slide-?(?:num|count)|"
    r"off-?screen|visually-?hidden|element-invisible|sr-only|screen-?reader|a11y|assistive|"
    r"(?<![a-z])(?:duration|runtime|timecode)(?![a-z])",  # a video poster's running time ("17m")
    re.IGNORECASE,
)
# a slide counter ("2 of 4") or an expand/collapse control ("... [+]", "… more", "less", "hide caption")
_COUNTER = re.compile(r"^\s*(?:\d+\s*(?:of|/|dari|von|de|из)\s*\d+|(?:\.\.\.|…)?\s*(?:\[[+-]\]|more|less|"
                      r"read more|show more|selengkapnya|lihat|(?:hide|show|toggle) caption)|\.\.\.|…)\s*$",
                      re.IGNORECASE)


def shown_text(el: Tag, skip: Tag | None = None) -> str:
    """An element's text as a reader sees it: "<em>Yersinia pestis</em>, the" keeps its comma in place,
    separate lines and boxes stay separate words; `skip` (a credit inside the caption), toggles, counters
    and screen-reader labels are left out."""
    parts: list[str] = []
    _collect(el, skip, parts)
    return " ".join("".join(parts).split())


def _collect(el: Tag, skip: Tag | None, parts: list[str]) -> None:
    for node in el.children:
        if isinstance(node, Tag):
            if node is skip:
                continue
            cls = node.get("class")
            if (cls and _NOT_CAPTION_CLS.search(str(cls))) or node.name == "button" or (
                    node.name in ("span", "div", "a", "b", "strong") and _COUNTER.match(node.get_text())) or (
                    node.name == "a" and (node.get("href") or "").strip().startswith(("#", "javascript:"))
                    and len(node.get_text(strip=True)) <= 12) or (
                    node.name == "a" and (_SHOP_LINK.fullmatch(text := " ".join(node.get_text().split()))
                                          or _ENLARGE.fullmatch(text))):
                continue  # a control ("<a href="#"> Close</a>", "Read More", "SHOP NOW"), not caption text
            if node.name in _LINE_TAGS or (node.name in _BOX_TAGS and cls):  # separate words
                parts.append(" ")
            _collect(node, skip, parts)
        elif not isinstance(node, Comment):
            parts.append(str(node))


def _cls(el: Tag) -> str:
    return f"{el.get('class') or ''} {el.get('id') or ''}"


_ICON = re.compile(r"share|icon|logo|button|social|sprite|emoji|avatar", re.IGNORECASE)


def _pictures(node: Tag) -> int:
    """Pictures under a node, not counting share buttons, icons and blank `data:` placeholders a script turns
    into buttons."""
    return sum(1 for img in node.find_all("img", limit=12) if not _ICON.search(f"{img.get('src') or ''} {_cls(img)}")
               and not _blank(img))


def _blank(img: Tag) -> bool:
    return str(img.get("src") or "").startswith("data:") and not image_url(img, "")


def _holds_picture(el: Tag) -> bool:
    """A picture inside: a caption holds none, though an affiliate link in it may carry a 1-pixel tracker."""
    return any(not pixel_sized(img.get("width"), img.get("height")) for img in el.find_all("img", limit=4))


def _box(img: Tag) -> Tag | None:
    """The figure-like wrapper of an image: a `<figure>` up to six levels up, else the nearest ancestor
    whose class names a picture and whose own text is short (a caption, not an article)."""
    node = img.parent
    while node is not None and node.name in ("source", "picture"):  # lxml nests unclosed <source> tags
        node = node.parent
    boxed: Tag | None = None
    for level in range(6):
        if node is None or node.name in ("body", "article", "main", "html"):
            break
        if node.name == "figure":
            return node
        if level == 5:
            break  # the sixth level up counts only as a <figure> (Medium nests its picture that deep)
        # a box that only frames the picture gives way to the one that holds its caption
        if (boxed is None or (not element_text(boxed) and _caption_holder(node))) and _BOX_CLS.search(_cls(node)) \
                and len(element_text(node)) <= _MAX_BOX_TEXT and _pictures(node) <= 2:
            boxed = node
        node = node.parent
    return boxed


def _caption_holder(node: Tag) -> bool:
    """Text beside a picture that reads as its caption: no headline, not mostly links (share bars, author
    cards, "Browse All Posts")."""
    text = element_text(node)
    if not text or node.find(["h1", "h2", "h3", "time", "button"]) is not None:
        return False
    return sum(len(element_text(a)) for a in node.find_all("a")) <= 0.3 * len(text)


def _credit_element(scope: Tag, skip: Tag | None = None) -> Tag | None:
    """The element that holds the credit: named so by its tag, class or microdata, or a part of the caption
    whose text opens with a credit label ("<span>Credit: Ou Dongqu/Xinhua</span>" after the caption's span)."""
    whole = len(element_text(scope))
    around = {id(p) for p in skip.parents} if skip is not None else set()  # boxes holding the caption too
    for el in scope.find_all(True):
        if skip is not None and (el is skip or id(el) in around or skip in el.parents):
            continue
        if el.name == "img":
            continue
        text = element_text(el)
        # a `<cite>` credits, unless it holds the caption's sentence ("<cite>Passengers wait for a bus on …</cite>")
        named = (el.name == "cite" and not _CITED_SENTENCE.match(text)) or el.get("itemprop") in _CREDIT_PROPS or (
            _CREDIT_CLS.search(_cls(el)) and not _caption_part(el))
        if not named and el.name in ("span", "small", "p", "div", "em", "i") and len(text) < whole:
            named = bool(_LABEL_OPENING.match(text))
        if named and _credit_sized(text):
            return el
    return None


_CITED_SENTENCE = re.compile(r"^(?:\S+\s+){7,}\S*[.!?][\"”’)]?$")


def _credit_sized(text: str) -> bool:
    """A credit's length: up to 160 characters, or 400 for a copyright line listing every source of a graphic."""
    return 0 < len(text) <= (400 if text.startswith("©") else 160)


def _caption_part(el: Tag) -> bool:
    """A block-element class naming the caption part of a credit block ("o-credit__caption" beside
    "o-credit__attribution"): the caption, whatever its block is called."""
    return any("__" in token and _CAPTION_CLS.search(token.rsplit("__", 1)[1])
               for token in str(el.get("class") or "").split())


_LABEL_OPENING = re.compile(rf"^(?:©\s*|(?:{CREDIT_LABELS})\s*(?::|by\b|von\b|oleh\b)\s*)\S", re.IGNORECASE)


def _small_tail(caption: Tag) -> Tag | None:
    """A caption's closing `<small>` line ("<figcaption><p>A duvet.</p><small>Getty</small>"), or its closing
    italic line after a break ("<p>The device at work.<br><i>Jo Reed</i></p>"): its credit."""
    last = _last_node(caption)
    block = None
    for _ in range(3):  # the line inside the caption's closing paragraph
        if isinstance(last, Tag) and last.name in ("p", "div"):
            block, last = last, _last_node(last)
    if not isinstance(last, Tag) or last.get("class"):
        return None
    text = element_text(last)
    if last.name == "a" and block is not None and element_text(block) == text and 0 < len(text.split()) <= 3 \
            and str(last.get("href") or "").startswith(("http://", "https://")) \
            and element_text(caption)[: -len(text)].rstrip().endswith((".", "!", "?")):
        return last  # a block of its own that links the picture's source ("<div><a href=https://…>Depositphotos")
    if last.name == "small":
        return last if 0 < len(text) <= 80 and len(element_text(caption)) > len(text) + 10 else None
    before = last.previous_sibling
    while before is not None and not isinstance(before, Tag) and not str(before).strip():
        before = before.previous_sibling
    if last.name in ("i", "em") and isinstance(before, Tag) and before.name == "br" and 0 < len(text) <= 60 \
            and not _SENTENCE_INSIDE.search(text) and len(element_text(caption)) > len(text) + 10:
        return last
    # or in italics right after the caption's last sentence, a name and its outlet ("… press conference.<em> Pat
    # Greenhouse / The Boston Globe</em>"); an italic title closing a caption has no slash
    if last.name in ("i", "em") and isinstance(before, NavigableString) and str(before).rstrip().endswith(
            (".", "!", "?")) and " / " in text and 0 < len(text) <= 60 and not _SENTENCE_INSIDE.search(text):
        return last
    return None


_SENTENCE_INSIDE = re.compile(r"[.!?]\s+\S")


def _last_node(el: Tag) -> Tag | NavigableString | None:
    return next((c for c in reversed(el.contents) if isinstance(c, Tag) or str(c).strip()), None)


def _caption_and_credit(box: Tag) -> tuple[Tag | None, Tag | None]:
    """A box after the picture's that holds one element classed as its caption and one as its credit
    (`<div data-role=lightbox_metadata><div class=…_credit>…</div><div class=…_caption>…</div>`)."""
    caption = credit = None
    for el in box.find_all(True, limit=12):
        cls = _cls(el)
        is_caption, is_credit = bool(_CAPTION_CLS.search(cls)), bool(_CREDIT_CLS.search(cls))
        if is_caption and not is_credit and caption is None and 0 < len(element_text(el)) <= 700:
            caption = el
        elif is_credit and not is_caption and credit is None and _credit_sized(element_text(el)):
            credit = el
    return (caption, credit) if caption is not None and credit is not None else (None, None)


def _credit_only(el: Tag) -> bool:
    """A caption box whose whole text is a credit ("<figcaption>Photographer: Mark Elias/Bloomberg")."""
    text = shown_text(el)
    return bool(text) and len(text) <= 100 and (split_credit(text)[0] is None or bool(_LABEL_OPENING.match(text)))


def _next_line(anchor: Tag, italic_p: bool = False) -> Tag | None:
    """The element right after the image (or its box), when it reads as a caption line."""
    sib = _next_filled(anchor)
    if not isinstance(sib, Tag) or _holds_picture(sib):
        return None
    if _BYLINE_ONLY.search(_cls(sib)) and not _CAPTION_CLS.search(_cls(sib)):
        return None  # the article's byline under a lead picture ("p.byline > span.by-author")
    named = sib.name == "figcaption" or _CAPTION_CLS.search(_cls(sib)) or _CREDIT_CLS.search(_cls(sib))
    if not named and len(sib.find_all("p", limit=2)) > 1:
        return None  # paragraphs of text, not a caption line
    text = element_text(sib)
    inner = None if named else sib.find(class_=_CAPTION_CLS)
    if inner is not None and (len(element_text(inner)) >= 0.9 * len(text) or (
            len(text) - len(element_text(inner)) <= 60 and _credit_element(sib, skip=inner) is not None)):
        # "<div class=set-cp><div class=caption>...": the caption inside a wrapper, at most with its credit
        sib, named = inner, True
    if not 2 <= len(text) <= (1000 if named else 400):  # a named box may hold a full and a truncated copy
        return None
    if _CAPTION_TOGGLE.fullmatch(text):
        return None  # the gallery's "HIDE CAPTION" button after its last slide
    if named:  # a caption may link what it names ("V.A./<a>HD Jazz Volume 10</a>")
        return sib
    if len(text) <= 160 and not _SENTENCE_INSIDE.search(text) and (
            _LABEL_OPENING.match(text) or ((credit := split_credit(text)[1]) is not None and credit.startswith("©"))):
        return sib  # a line that credits the picture ("<p><strong>Foto: …</strong>"), or names it and its "©"
    links = sum(len(element_text(a)) for a in sib.find_all("a"))
    if links > 0.5 * len(text):
        return None
    centered = italic_p and _centered(anchor) and _centered(sib)  # "<p align=center><img></p><p align=center>图为…"
    fine_print = sib.name in ("small", "figcaption") or _CAPTION_LINE_CLS.search(_cls(sib))  # "<small>" under it
    if (_italic_line(sib, italic_p) or fine_print or centered) and len(text) <= 300:
        after = _next_filled(sib)
        if isinstance(after, Tag) and after.name == sib.name and after.get("class") == sib.get("class") \
                and after.find("img") is None and _italic_line(after, italic_p) == _italic_line(sib, italic_p) \
                and (not centered or _centered(after)):
            return None  # one of a run of paragraphs styled alike: body text
        return sib
    return None


_CENTER_STYLE = re.compile(r"text-align\s*:\s*center", re.IGNORECASE)


def _centered(el: Tag) -> bool:
    return (el.get("align") or "").lower() == "center" or bool(_CENTER_STYLE.search(el.get("style") or ""))


def _bare_holder(img: Tag) -> Tag | None:
    """The plain element an image sits alone in (`<div style="text-align:center"><img></div>`, `<p><a><img>`)."""
    node = img.parent
    for _ in range(2):
        if node is None or node.name in ("body", "article", "main", "html"):
            return None
        if node.name in ("div", "p", "center", "span") and not node.get_text().strip() \
                and len(node.find_all("img", limit=2)) == 1:
            return node
        node = node.parent
    return None


def _slide_text(holder: Tag) -> Tag | None:
    """A slideshow's slide: the picture's box is followed by a box of headings and one paragraph, with no
    links (a teaser card links its headline), and that paragraph describes the picture."""
    sib = _next_filled(holder)
    if not isinstance(sib, Tag) or sib.name not in ("div", "figcaption") or sib.find(["img", "a"]) is not None:
        return None
    paragraphs = sib.find_all("p", limit=3)
    if len(paragraphs) != 1 or len(sib.find_all(["h2", "h3", "h4", "h5"], limit=4)) > 3:
        return None
    text = element_text(paragraphs[0])
    return paragraphs[0] if 20 <= len(text) <= 700 else None


def _next_filled(node: Tag) -> Tag | NavigableString | None:
    """The next sibling that shows something: spacing (`<br>`, `<div><br></div>`, blanks) is passed over."""
    sib = node.next_sibling
    for _ in range(6):
        if sib is None:
            return None
        if isinstance(sib, NavigableString):
            if sib.strip() and not isinstance(sib, Comment):
                return sib
        elif sib.name != "br" and (sib.find("img") is not None or sib.get_text().strip()):
            return sib
        sib = sib.next_sibling
    return sib


def _italic_line(el: Tag, italic_p: bool = False) -> bool:
    """A line set in small or italic type: the element itself, or a box whose whole text is one such
    element (`<div style="text-align:center"><em>Caption. Foto: X</em></div>`)."""
    if el.name in ("small", "em", "i"):
        return True
    if el.name not in ("div", "span", "center") and not (italic_p and el.name == "p"):
        # an italic <p> right after a picture in running text is as often a standfirst
        return False
    kids = [c for c in el.children if isinstance(c, Tag) or str(c).strip()]
    while len(kids) == 1 and isinstance(kids[0], Tag) and kids[0].name in ("span", "font"):
        # a blog editor's font wrappers around the italics ("<div><span><span><em>Kate Henshaw</em>")
        kids = [c for c in kids[0].children if isinstance(c, Tag) or str(c).strip()]
    return len(kids) == 1 and isinstance(kids[0], Tag) and kids[0].name in ("small", "em", "i")


_CAPTION_LABEL = re.compile(r"^(?:image|photo|picture|foto|gambar|caption|keterangan)\s*:\s+", re.IGNORECASE)


def clean_credit(text: str | None) -> str | None:
    """A credit as shown, without wrapping brackets and without a screen-reader label ("Credit...")."""
    if not text:
        return None
    text = _ELLIPSIS_LABEL.sub("", " ".join(text.split()))
    text = _BARE_CREDIT_WORD.sub("", text)  # "Credit Credit Chang W. Lee/…": a label for screen readers, twice
    text = unbracket(text.strip()).strip(" |-–—")
    return text if text and text not in ("©",) and not _BARE_LABEL.match(text) else None


_BARE_CREDIT_WORD = re.compile(r"^(?:(?i:credits?)\s*)+(?=[A-Z])")
# a credit label with nothing after it ("Bild:", "Foto:"): the template's slot, left empty
_BARE_LABEL = re.compile(rf"^(?:{CREDIT_LABELS}|copyright|©)\s*:?$", re.IGNORECASE)


def credit_line(cls: str, text: str) -> bool:
    """A short line classed as a credit that holds no caption sentence: "<div class='columns end credit'>
    Lionsgate</div>" under the picture, "<figcaption class='wp-caption-text wp-caption-credit'>AKM-GSI"."""
    words = text.split()
    return "credit" in cls.lower() and 0 < len(words) <= 6 and not words[-1].endswith(".") \
        and split_credit(" ".join(words))[1] is None


def describe(img: Tag) -> tuple[str | None, str | None, Tag | None]:
    """(caption text, credit, the caption element, else the credit's) of an image; the caption text may still end with a
    credit, which `images.split_credit` takes off."""
    box = _box(img)
    cap_el: Tag | None = None
    credit_only_el: Tag | None = None
    if box is not None:
        # one pass over the box: a figcaption first, then a caption class, then caption microdata;
        # "p.withoutCaption" wraps the picture itself: a caption holds no picture
        ranked: list[tuple[int, Tag]] = []
        for el in box.descendants:
            if not isinstance(el, Tag) or el.name == "img":
                continue
            if el.name == "figcaption":
                ranked.append((0, el))
            elif (cls := el.get("class")) and _CAPTION_CLS.search(cls):
                ranked.append((1, el))
            elif el.name == "cite" and _CITED_SENTENCE.match(element_text(el)):
                ranked.append((1, el))  # a slide's caption sentence in a `<cite>` (CNN's galleries)
            elif (prop := el.get("itemprop")) and ("caption" in prop or "description" in prop):
                ranked.append((2, el))
            elif cls and _DESCRIPTION_CLS.search(cls):
                ranked.append((3, el))  # Drupal's "field-name-field-description" under the picture
        ranked.sort(key=lambda r: r[0])  # stable: document order within a rank
        usable = [el for _, el in ranked if not _holds_picture(el)]
        cap_el = usable[0] if usable else None
        if cap_el is not None and _credit_only(cap_el):
            # a figcaption that only credits the photo, and the caption in a box of its own beside it
            other = next((el for el in usable[1:] if cap_el not in el.parents and el not in cap_el.parents
                          and not _credit_only(el) and len(element_text(el)) >= 20), None)
            if other is not None:
                credit_only_el, cap_el = cap_el, other
    if cap_el is None:
        link = img.parent if img.parent is not None and img.parent.name == "a" else None
        # "<a href=large.jpg><img></a> <small>caption</small>": the line after the picture's link
        cap_el = _next_line(box or (link if link is not None and not link.get_text(strip=True) else img))
        holder = box if box is not None else _bare_holder(img)
        if cap_el is None and holder is not None and holder.parent is not None and holder.parent.name != "body":
            if holder is box:
                cap_el = _next_line(box.parent) if len(box.parent.find_all("img", limit=3)) <= 2 else None
            else:  # an image-only paragraph: an italic paragraph after it is its caption
                cap_el = _next_line(holder, italic_p=True) or _slide_text(holder)
    if cap_el is None and (term := img.find_parent("dt")) is not None:
        cap_el = term.find_next_sibling("dd")  # "<dl><dt><a><img></a></dt><dd>Cafe … Foto: X</dd></dl>"
    paired: Tag | None = None
    if cap_el is None and box is not None and isinstance(after := _next_filled(box), Tag):
        cap_el, paired = _caption_and_credit(after)
    credit_el = paired or ((_credit_element(cap_el) or _small_tail(cap_el)) if cap_el is not None else None)
    signed = False
    if credit_el is None and cap_el is not None and (line := cap_el.parent) is not None and line is not box \
            and line.name in ("p", "div", "span", "figcaption") and len(line.contents) <= 8 \
            and _pictures(line) == 0 and len(element_text(line)) <= len(element_text(cap_el)) + 80:
        # the caption's line sets the credit beside the caption's own span ("<p class=media-license><span
        # class=media-legend>…</span><span>©</span><span class=media-license-author>zvg</span>")
        credit_el = _credit_element(line, skip=cap_el)
        rest = element_text(line).removeprefix(element_text(cap_el)).strip()
        # the sign in a span of its own before the name: "© zvg", as the reader sees it
        signed = credit_el is not None and rest.endswith(name := element_text(credit_el)) \
            and rest[: -len(name)].strip() == "©"
    if credit_el is None and cap_el is not None and credit_line(_cls(cap_el), element_text(cap_el)):
        credit_el = cap_el
    if credit_el is None and box is not None:
        credit_el = credit_only_el or _credit_element(box, skip=cap_el)
    credit = clean_credit(shown_text(credit_el)) if credit_el is not None else None
    if signed and credit:
        credit = f"© {credit}"
    overlay = credit is None and cap_el is not None and box is not None and cap_el not in box.parents \
        and box not in cap_el.parents
    box_text = element_text(box) if overlay else ""
    if overlay and 2 <= len(box_text) <= 100 and CREDIT_HINT.search(box_text) and not _CONTROL.search(box_text):
        credit = clean_credit(shown_text(box))  # a credit laid over the photo, its caption beside the box
    if cap_el is None and box is not None and box.name != "figure" and 0 < len(element_text(box)) <= 300 \
            and box.find(HEADING_NAMES) is None:  # a list item's box: its heading is the item's, no caption
        cap_el = box  # a photo box whose own text is the caption (Kompas "div.photo")
    caption = None
    if cap_el is not None:
        if credit_el is not None and (credit_el is cap_el or credit_el in cap_el.parents):
            caption = None  # the line is only a credit
        else:
            # "<a class=enlarge-link>Enlarge</a> <span class=sep>/</span> Caption": the link's separator goes too
            caption = shown_text(cap_el, credit_el).rstrip(" ,©|–—-•·").lstrip(" /|–—•·") or None
            if caption and len(caption) > 60:  # "Image: Jose Mourinho, left, has ...": a label, not caption text
                caption = _CAPTION_LABEL.sub("", caption)
    if caption is not None and caption.endswith(("...", "…")):
        caption = _untruncated(img, caption) or caption
    if caption is None and credit is None:
        caption, credit = _attributes(img)
    elif credit is None and caption is not None and (named := _attributes(img)[1]):
        # the template names the credit in an attribute (`data-credit="David McNew—Getty Images"`) and prints it
        # after the caption without a mark of its own
        if caption.endswith(named) and len(caption) > len(named):
            caption = caption[: -len(named)].rstrip(" |–—-•·") or None
        credit = named
    elif credit is None and (caption is None or split_credit(caption)[1] is None):
        credit = _credit_in_title(img)
    # the element the picture's words came from, which the body leaves out: the caption, else a credit line alone
    return caption, credit, cap_el if cap_el is not None else credit_el if credit is not None else None


def _untruncated(img: Tag, caption: str) -> str | None:
    """The whole caption a lightbox keeps in an attribute of the picture or its link, when the line shown is cut
    short ("… müssen jetzt ..." under `<a data-caption="Foto: X - … müssen jetzt liefern: SPD, Grüne …">`)."""
    opening = caption.rstrip(" .…")
    if len(opening) < 20:
        return None
    node: Tag | None = img
    for _ in range(3):
        if node is None or node.name in ("body", "article", "main"):
            return None
        for attr in (*_CAPTION_ATTRS, "title", "data-title"):
            value = " ".join(str(node.get(attr) or "").split())
            if (at := value.find(opening)) >= 0 and len(value) - at > len(opening):
                return value[at:]
        node = node.parent
    return None


def _credit_in_title(img: Tag) -> str | None:
    """A credit a CMS appends to the picture's title or alt text, when the caption shown has none:
    `<img title="Tahir Della (picture-alliance/dpa/L. Schwedes)">` under "Tahir Della helped organize ..."."""
    for attr in ("title", "alt"):
        value = img.get(attr)
        if isinstance(value, str) and value.rstrip().endswith((")", "]")):
            _, credit = split_credit(value)
            if credit:
                return credit
    return None


_CAPTION_ATTRS = ("data-caption", "caption", "data-title-caption")
_CREDIT_ATTRS = ("data-credit", "data-attrib", "data-attribution", "data-photographer", "data-copyright")


def _attributes(img: Tag) -> tuple[str | None, str | None]:
    """Caption and credit a template wrote into attributes of the picture or its wrapper, for a lightbox
    or a gallery script to show (`<img caption="...">`, `<span data-caption="..." data-attrib="...">`)."""
    node: Tag | None = img
    for _ in range(3):
        if node is None or node.name in ("body", "article", "main"):
            break
        caption = next((" ".join(v.split()) for a in _CAPTION_ATTRS if isinstance(v := node.get(a), str)
                        and v.strip()), None)
        credit = next((" ".join(v.split()) for a in _CREDIT_ATTRS if isinstance(v := node.get(a), str)
                       and v.strip()), None)
        if caption or credit:
            return caption, clean_credit(credit)
        node = node.parent
    # `<img class="caption" title="...">`: a caption script shows the title under the picture
    title = img.get("title")
    if isinstance(title, str) and title.strip() and "caption" in str(img.get("class") or "").lower():
        return " ".join(title.split()), None
    return None, None
