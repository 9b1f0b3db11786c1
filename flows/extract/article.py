"""`parse_article`: the generic extractor, refined by a site profile when one covers the URL."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from itertools import islice
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup, Tag

from flows.errors import PageRejected
from flows.extract import authors as authorlib
from flows.extract import boilerplate, bylines, dates, profiles, zones
from flows.extract import language as langlib
from flows.extract import sections as sectionlib
from flows.extract import tags as tagslib
from flows.extract.body import (
    HEADINGS,
    INLINE,
    Block,
    ImageRef,
    Walk,
    choose_container,
    class_marker,
    inside,
    negative_between,
    outer_page,
    walk,
    with_continuation_pages,
)
from flows.extract.captions import describe
from flows.extract.hooks import HOOKS, HookContext
from flows.extract.html import Prepared, decode, element_text, make_soup, prepare, tags_where
from flows.extract.images import PROMO_WORDS, ImageCollector, image_url, images_credit_line, lead_picture_line
from flows.extract.metadata import Meta
from flows.model import Article, Contributor, Image, Paragraph
from flows.urls import site_of

PARSER_VERSION = "0.3.0"

_TITLE_SEP = re.compile(r"\s+(?:[|\-–—:•·»]|::)\s+")
_TOKEN = re.compile(r"\w+", re.UNICODE)


# --- small helpers --------------------------------------------------------------------------------------
# Chinese and Japanese write words without spaces: each of their characters is a token of its own
_CJK_OR_WORD = re.compile(f"[{langlib.CJK_CHARS}]|[^\\W_{langlib.CJK_CHARS}]+")


def _tokens(text: str) -> set[str]:
    return set(_CJK_OR_WORD.findall(text.lower()) if not text.isascii() else _TOKEN.findall(text.lower()))


def _similar(a: str, b: str) -> bool:
    ta, tb = _tokens(a), _tokens(b)
    if not ta or not tb:
        return False
    if ta <= tb or tb <= ta:
        return min(len(ta), len(tb)) >= max(1, 0.5 * max(len(ta), len(tb))) or min(len(ta), len(tb)) >= 4
    return len(ta & tb) / len(ta | tb) >= 0.6


def _strip_site(title: str, site_names: list[str], short_labels: bool = True) -> str:
    """The title without a site name before or after a separator ("Headline | Site", "Site: Headline");
    with `short_labels`, also without a short label after a long title ("Headline - Blogs")."""
    names = {authorlib.compact(n) for n in site_names if n}
    names |= {authorlib.compact(n.split(".")[0]) for n in site_names if n and "." in n}
    names.discard("")

    # a hyphenated domain's words ("cdu-fraktion-erfurt.de") all opening words of the part name the site
    domain_words = [ws for n in site_names if n and "-" in n.split(".")[0]
                    and len(ws := n.split(".")[0].lower().split("-")) >= 2]

    def is_site(part: str) -> bool:
        c = authorlib.compact(part)
        if not c:
            return False
        if any(c == n or c.startswith(n) or n.startswith(c) for n in names):
            return True
        words = re.findall(r"\w+", part.lower())
        if len(words) <= 3 and any(w in names for w in words if len(w) >= 5):
            return True  # "Stadt Stuttgart" on stuttgart.de
        return any(all(any(w.startswith(d) for w in words) for d in ds) for ds in domain_words)

    seps = list(_TITLE_SEP.finditer(title))
    start, end = 0, len(title)
    for m in reversed(seps):  # cut trailing parts that name the site (or are a short label after a long title)
        last = title[m.end() : end]
        first_len = len(title[start : m.start()].split())
        if is_site(last) or (short_labels and len(last.split()) <= 3 < first_len and m is seps[-1]
                             and end == len(title)):
            end = m.start()
        else:
            break
    for m in seps:  # and leading ones ("Site | Headline")
        if m.start() < start or m.end() > end:
            continue
        if is_site(title[start : m.start()]):
            start = m.end()
        else:
            break
    out = title[start:end].strip() or title
    tail = _CJK_BRACKET_TAIL.search(out)  # "欲張りなイヌ ＜福娘童話集 きょうのイソップ童話＞": the site in brackets
    if tail and tail.start() > 0:
        out = out[: tail.start()].strip()
    if "_" in out and _CJK.search(out):  # "标题_教育频道_中国青年网": the channel and the site, joined by "_"
        parts = out.split("_")
        if len(parts) >= 3 and all(len(p.strip()) <= 12 for p in parts[-2:]):
            return "_".join(parts[:-2]).strip()
        if len(parts) >= 2 and is_site(parts[-1]):
            return "_".join(parts[:-1]).strip()
    return out


_CJK = re.compile(f"[{langlib.CJK_CHARS}]")
_MDY_LANGS = frozenset(["en-us", "en-ph"])
_CJK_BRACKET_TAIL = re.compile(r"\s*[＜【《〈][^＞】》〉]{4,60}[＞】》〉]\s*$")
# a CMS slug set as a title ("adac-kindersitztest-herbst-2018"): never a headline
_SLUG_TITLE = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+){2,}$")


_HEADLINE_CLS = re.compile(r"title|headline|(?<![a-z])hed(?![a-z])|heading|judul", re.IGNORECASE)


# a Japanese or Chinese writer's line set inside the <h1> after the headline: a staff title, then the name
_WIRE_COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright)\s*([^\W\d][\w.&-]*(?: [\w.&-]+){0,2}?)\s*(?:\||,|$)", re.I)
_TITLE_SIGNED = re.compile(r"\s[–—|-]\s*((?:By|Von|Par|Por|Oleh)\s+[A-ZÀ-Þ][\w'’.-]+(?:\s+[A-ZÀ-Þ][\w'’.-]+){1,3})$")
_TITLE_BYLINE = re.compile(r"\s+(?:編集委員|論説委員|解説委員|特別編集委員|特派員|記者|编辑|记者|特约记者)\s*"
                           r"([\u3040-\u30ff\u4e00-\u9fff・]{2,6}(?:\s[\u3040-\u30ff\u4e00-\u9fff]{1,4})?)$")


def _marked_headline(el: Tag) -> bool:
    """An `<h1>` the template marks as the article's headline (class, itemprop, or inside its header)."""
    if el.get("itemprop") == "headline" or _HEADLINE_CLS.search(el.get("class") or ""):
        return True
    node = el.parent
    for _ in range(3):
        if node is None:
            return False
        if node.name == "article" or (node.name == "header" and re.search(
                r"article|post|story|entry", node.get("class") or "", re.IGNORECASE)):
            return True
        node = node.parent
    return False


def pick_title(h1s: list[str], meta_titles: list[str], title_tag: str | None, site_names: list[str],
               marked: list[str] | None = None, near: list[str] | None = None,
               header_headings: list[str] | None = None, linked: frozenset[str] = frozenset()) -> str | None:
    """The visible headline when it agrees with the metadata, or when the template marks it as the
    headline (`marked`: SEO titles often differ from it); else the metadata title without site suffix.

    `near` are the other headings beside the <h1>: one that states the metadata title exactly is the headline
    under a kicker <h1> ("<h1 class=field--subline>Weltbiodiversitätsrat …</h1><h2>Löchrige …</h2>")."""
    meta_titles = [t for t in meta_titles if not _SLUG_TITLE.match(t.strip())]
    candidates = [*meta_titles, *([title_tag] if title_tag else [])]
    sites = {authorlib.compact(n) for n in site_names if n}
    sites |= {authorlib.compact(n.split(".")[0]) for n in site_names if n and "." in n}  # "rs-ingenieure.de"
    agreeing = [h for h in h1s[:4] if authorlib.compact(h) not in sites  # not the site's masthead <h1>
                and 3 <= len(h) <= 300 and any(_similar(h, c) for c in candidates)]
    exact = {authorlib.compact(c) for c in candidates}
    # a linked <h1> that another, unlinked one agrees beside is a teaser's in a feed under the story
    unlinked = any(h not in linked for h in agreeing)
    for h in agreeing:  # "Okezone Headline - Health :: Okezone Lifestyle" is a logo; the headline equals og:title
        if authorlib.compact(h) in exact and not (unlinked and h in linked):
            return _punctuated(h, candidates)
    # an <h1> that states the metadata title exactly, after a menu of teaser <h1>s ("The Latest From …"); not a
    # teaser's own linked <h1> in a news feed under the story, which may state the story's shorter SEO title
    for h in h1s[4:]:
        if 3 <= len(h) <= 300 and authorlib.compact(h) in exact and authorlib.compact(h) not in sites \
                and h not in linked:
            return h
    stated = {authorlib.compact(_strip_site(c, site_names))
              for c in [*meta_titles, *([title_tag] if title_tag else [])]}
    if title_tag:  # "Headline | Section | Site": a heading that shows the <title>'s first part
        stated.add(authorlib.compact(_TITLE_SEP.split(title_tag)[0]))
    # an <h1> that only shares words with the title loses to a heading above it that states the title exactly
    # (Elementor sets the body's section heads as <h1>s, the post's headline as an <h2> above them)
    shown = next((h for h in header_headings or [] if len(h.split()) >= 2 and authorlib.compact(h) in stated), None)
    # of two <h1>s that agree with the title, an unlinked one that states it or that the template marks as the
    # headline beats a linked channel name before it ("<h1><a href=/genre/3>経済・IT</a></h1>" in a `<title>` that
    # ends "…経済・ITニュース")
    stating = next((h for h in agreeing[1:] if h not in linked
                    and (authorlib.compact(h) in stated or h in (marked or []))), None)
    if stating is not None and agreeing[0] in linked and not shown:
        return stating
    if agreeing:
        return shown or _without_masthead(_without_kicker(agreeing[0], meta_titles), candidates, title_tag, sites)
    if shown:
        return shown
    for h in near or []:
        if len(h.split()) >= 2 and authorlib.compact(h) in stated:
            return h
    for h in marked or []:
        # a headline the template marks may end in a dash clause ("… – medial produziert"); only a site name goes
        if 3 <= len(h) <= 300 and len(h.split()) >= 2 and _strip_site(h, site_names, short_labels=False) == h:
            return h
    if len(h1s) == 1 and len(h1s[0].split()) >= 4 and authorlib.compact(h1s[0]) not in sites \
            and not _TITLE_SEP.search(h1s[0]):
        return h1s[0]  # the page's only <h1>, a sentence long: its headline, whatever the SEO title says
    for c in meta_titles:
        cleaned = _strip_site(c, site_names)
        if cleaned:
            return _untruncated(cleaned, [*meta_titles, *([_strip_site(title_tag, site_names)] if title_tag else [])])
    if title_tag:
        return _strip_site(title_tag, site_names)
    return h1s[0] if h1s else None


def _punctuated(h1: str, candidates: list[str]) -> str:
    """An <h1> set in pieces that drop the dash between them ("<span>Prince</span><span>Woman Warns …</span>")
    reads as the metadata title that keeps it ("Prince -- Woman Warns …"): the same words, and separators."""
    def words(text: str) -> list[str]:
        return [t for t in text.split() if any(ch.isalnum() for ch in t)]

    shown = words(h1)
    for c in candidates:
        if words(c) == shown and len(c.split()) > len(h1.split()):
            return c
    return h1


def _without_kicker(h1: str, meta_titles: list[str]) -> str:
    """An <h1> that puts its column's name before the headline ("Letters to the Editor | Letters: …") gives
    the headline the metadata states on its own."""
    for c in meta_titles:
        if len(c) >= 15 and len(h1) > len(c) and h1.endswith(c) and h1[: -len(c)].rstrip()[-1:] in "|:–—-/»›":
            return c
    return h1


def _without_masthead(h1: str, candidates: list[str], title_tag: str | None, sites: set[str]) -> str:
    """A logo `<h1>` that holds the headline for search engines beside the site's name ("<h1><span>Headline
    </span><a href=/>Ultima Hora Mallorca</a></h1>") gives the headline the metadata states, without the name:
    what follows it is the site's name, as the `<title>`'s last part or the site's names give it."""
    last = authorlib.compact(_TITLE_SEP.split(title_tag)[-1]) if title_tag and _TITLE_SEP.search(title_tag) else ""
    for c in [*candidates, *([_TITLE_SEP.split(title_tag)[0]] if title_tag else [])]:
        c = c.strip()
        if len(c) >= 15 and len(h1) > len(c) and h1.startswith(c):
            rest = authorlib.compact(h1[len(c) :])
            if rest and (rest == last or rest in sites):
                return c
    return h1


def _untruncated(title: str, others: list[str]) -> str:
    """A headline cut short ("... for Hong Kong leader...") gives way to a whole one that starts the same."""
    stem = title.rstrip(".… ").strip()
    if not title.rstrip().endswith(("...", "…")) or len(stem) < 20:
        return title
    return next((o for o in others if o and len(o) > len(stem) and o.startswith(stem)
                 and not o.rstrip().endswith(("...", "…"))), title)


def keep_embeds(profile: profiles.Profile | None, lang: str | None, url: str) -> bool:
    """Embedded posts (tweets, Instagram) are quoted statements, part of the text on most sites; Indonesian
    newsrooms treat them as widgets, and the profile can say either way."""
    if profile is not None and profile.embeds:
        return profile.embeds == "keep"
    lang = lang or (profile.language if profile else None)
    host = urlsplit(url).hostname or ""
    return not (lang == "id" or host.endswith(".id"))


def _select_text(soup: BeautifulSoup, meta: Meta, selector: str | None) -> str | None:
    if not selector:
        return None
    if selector.startswith("meta:"):
        return meta.first(selector[5:].lower())
    el = soup.select_one(selector)
    if el is None:
        return None
    return " ".join(el.get_text(" ").split()) or el.get("datetime") or el.get("content") or None


# --- the parts ----------------------------------------------------------------------------------------
_MODIFIED_CLS = re.compile(r"updat|modif", re.IGNORECASE)
_PUBLISHED_HINT = re.compile(r"publi|posted|terbit|tayang|unggah|mise? en ligne|입력|発行|опублик|veröffentl",
                             re.IGNORECASE)
_PUBLISHED_CLS = re.compile(r"publish|posted|created", re.IGNORECASE)
_ISO_TEXT = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?")


def _shown_zone(lines: list[Tag], line_text: Callable[[Tag], str]) -> tzinfo | None:
    """The page's clock, as a date line shows it: "4:16 PM" on an element whose machine value says
    22:16 UTC is a clock six hours behind UTC, and the page's other local times without a zone are on it."""
    for el in lines:
        machine = dates.machine_stamp(_date_attr(el) or "", None, "element")
        if machine is None or not (machine.zoned and machine.has_time):
            continue
        shown = next((st for st in dates.find_dates(line_text(el), None) if st.has_time and not st.zoned), None)
        if shown is None:
            continue
        utc_wall = machine.at.astimezone(UTC).replace(tzinfo=None)
        gap = (shown.at.replace(tzinfo=None) - utc_wall).total_seconds()  # the shown minute drops the seconds
        offset = timedelta(seconds=round(gap / 1800) * 1800)
        if offset and offset != machine.at.utcoffset() and abs(offset) <= timedelta(hours=14) \
                and abs(gap - offset.total_seconds()) < 60:
            return timezone(offset)
    return None


def _date_attr(el: Tag) -> str | None:
    """A date an element carries in an attribute: `datetime`, `content`, `data-pubdate` and the like; `value`
    on a `<data>` element, or on a `<meta>` whose `content` a saved copy renamed."""
    for name in ("datetime", "content", "data-pubdate", "data-published", "data-date", "data-timestamp", "data-time",
                 "value"):
        value = el.get(name)
        if value and value.strip():
            return _zoned_by_title(value.strip(), el.get("title")) if "title" in el.attrs else value
    title = el.get("title")  # <li class="date-and-time" title="2015-03-13T21:00:00+11:00">
    return title if title and _ISO_TEXT.fullmatch(title.strip()) else None


def _zoned_by_title(value: str, title: str | None) -> str:
    """A naive machine value whose element's title states the same wall clock with a zone (`<time
    datetime="2019-06-07T05:00:00" title="Fri, 07 Jun 2019 05:00:00 GMT">`) is at that zone."""
    at, zoned = dates.parse_iso(value, None)
    shown = dates.read_visible(title, None) if at is not None and not zoned and title else None
    if shown is not None and shown[1] and shown[2] and dates.same_wall_clock(at, shown[0]) \
            and at.second == shown[0].second:
        return shown[0].isoformat()
    return value


def _iso_text(el: Tag) -> str | None:
    """An element whose whole text is an ISO timestamp (microdata printed into a hidden div)."""
    text = el.get_text(strip=True)
    return text if len(text) <= 40 and _ISO_TEXT.fullmatch(text) else None


def _text_before(el: Tag, limit: int = 40) -> str:
    """The words a reader sees just before an element ("Updated" before a `<time>`), up to `limit` chars."""
    parts: list[str] = []
    size = 0
    node: Tag | None = el
    for _ in range(2):  # the element's earlier siblings, then its parent's
        if node is None:
            break
        for sib in node.previous_siblings:
            text = sib.get_text(" ") if isinstance(sib, Tag) else str(sib)
            parts.insert(0, text)
            size += len(text.strip())
            if size >= limit:
                return " ".join(" ".join(parts).split())[-limit:]
        node = node.parent
        if node is not None and node.name in ("body", "article", "main", "header"):
            break
    return " ".join(" ".join(parts).split())[-limit:]


_BARE_DATE = re.compile(r"^[\d./\- ]{8,12}(?:\s*\(\w{1,4}\))?$")
_DATE_OPENING = re.compile(r"^([A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}|\d{1,2}\.? [A-Z][a-zä]{2,8}\.? \d{4})\s*(?:--|—|–)\s")
_AGENCY_CLS = re.compile(r"(?<![a-z])(?:agency|agentur|agence|agencia)(?![a-z])", re.IGNORECASE)
_REGIONS = frozenset(["article", "main", "section", "aside", "form", "ul", "ol", "table"])
_REGION_HEAD = 800
_HATOM = {t: re.compile(rf"(?:^|\s){t}(?:\s|$)") for t in ("published", "updated")}


def _class_tokens(text: str, token: str, limit: int = 2) -> int:
    """How many tags carry `token` as a class word (up to `limit`), read off the markup without the tree."""
    count = pos = 0
    while count < limit and (pos := text.find(token, pos + 1)) > 0:
        if text[pos - 1] not in "\"' " or text[pos + len(token) : pos + len(token) + 1] not in "\"' >":
            continue
        tag = text[text.rfind("<", 0, pos) : pos]
        if ">" not in tag and _CLASS_ATTR.search(tag):
            count += 1
    return count


def _is_prose(block: Block) -> bool:
    """A real paragraph: 80 characters or more, and no heading."""
    return len(block.text) >= 80 and block.kind not in HEADINGS


def _first_prose(blocks: list[Block], start: int, stop: int) -> str:
    return next((b.text for b in blocks[start:stop] if _is_prose(b)), "")


_CLASS_ATTR = re.compile(r"""class\s*=\s*["']?[^"'>]*$""", re.IGNORECASE)
_MICRODATA_DATES = frozenset(["datePublished", "dateModified"])
_RDFA_DATE = re.compile(r"(?:^|\s)(?:dc:created|dcterms:created|dcterms:issued|dc:modified|dcterms:modified)(?:\s|$)")


@dataclass(frozen=True)
class DateClues:
    """Where the article's header lies and what else dates it, gathered by `_parse` for `_dates`.

    Date elements count as the article's date line between just before the headline and `header_end`
    (the first real paragraph); `microdata` are the page's itemprop date elements wherever they are;
    `headline_at` is the headline's block when the page has no `<h1>`; `fetched_at` anchors relative
    dates ("2 jam yang lalu"), which count only when the page states no absolute date; `days` are the dates the
    URL files the story under, which give a year-less date line ("March 18 at 3:57 PM") its year, and `months`
    the months it files it under; `tz` is the zone naive values are read in, `blog_tz` the one a blog platform's
    markup shows, `guess_tz` the page's likely home clock when it names none.
    """

    tz: tzinfo | None
    body_start: int
    header_end: int
    body_end: int
    microdata: list[Tag] = field(default_factory=list)
    headline_at: int | None = None
    fetched_at: datetime | None = None
    days: tuple[date, ...] = ()
    months: tuple[tuple[int, int], ...] = ()
    blog_tz: tzinfo | None = None
    guess_tz: tzinfo | None = None


def _dates(meta: Meta, w: Walk, soup: BeautifulSoup, selectors: dict[str, str], clues: DateClues,
           ) -> tuple[datetime | None, datetime | None]:
    """(published, updated): machine values and the visible date line, reconciled by `dates.choose`."""
    tz, body_start, header_end, body_end = clues.tz, clues.body_start, clues.header_end, clues.body_end
    microdata, headline_at, fetched_at, guess_tz = clues.microdata, clues.headline_at, clues.fetched_at, clues.guess_tz
    days, months = clues.days, clues.months
    h1_pos = headline_at if headline_at is not None else w.h1[0][1] if w.h1 else None
    low = max(0, h1_pos - 5) if h1_pos is not None else 0  # a date bar in the site header is not the article's
    near = [el for el in w.dates if low <= w.positions.get(id(el), 0) <= header_end]
    if h1_pos is not None and any(w.positions.get(id(el), 0) < h1_pos for el in near) and any(
            st.label != "updated" for b in w.blocks[h1_pos + 1 : h1_pos + 3] if len(b.text) < 160
            for st in dates.find_dates(b.text, tz, "")):
        # a date bar above the headline (the site's "today" in its masthead) gives way to the date that the line
        # under the headline, its byline's, states
        near = [el for el in near if w.positions.get(id(el), 0) >= h1_pos]
    # a date line that names itself "published" first: a hero teaser of another story can sit above it
    near.sort(key=lambda el: not _PUBLISHED_CLS.search(f"{el.get('class') or ''} {el.get('itemprop') or ''}"))
    before = {id(el): _text_before(el) for el in near}

    # the first words of the story's first real paragraph after the page's own date elements: a region's
    # header ends where they start
    lines_at = [w.positions.get(id(el), 0) for el in near if el.name not in _REGIONS]
    opening = _first_prose(w.blocks, max(body_start, max(lines_at) + 1), body_start + 40)[:40] if lines_at else ""

    def line_text(el: Tag) -> str:
        """A date element's text; of a whole region with a date-like class (WordPress marks every post
        `<article class="status-publish">`) only its header part, not the story ("The day: July 9, 2000.")
        nor the related stories at its end."""
        text = element_text(el)
        if el.name not in _REGIONS:
            return text
        text = text[:_REGION_HEAD]
        return text[: text.find(opening)] if opening and opening in text else text

    def dated(text: str) -> str:
        return dates.add_year(text, days) if days else text

    def is_mod(el: Tag) -> bool | None:
        """A modification date by the label a reader sees before it ("Updated <time itemprop=datePublished>"
        is an update), else its itemprop, else its class ("entry-date published updated" is not): None when
        only the class says so."""
        stamps = dates.find_dates(dated(line_text(el)), None, before[id(el)])
        label = stamps[0].label if stamps else dates.label_of(before[id(el)])
        if label:
            return label == "updated"
        itemprop = el.get("itemprop") or ""
        if itemprop.startswith("date"):
            return bool(_MODIFIED_CLS.search(itemprop))
        cls = el.get("class") or ""
        return None if _MODIFIED_CLS.search(cls) and "publish" not in cls.lower() else False

    def machines(zone: tzinfo | None) -> tuple[list[dates.Stamp], list[dates.Stamp]]:
        pub = [st for src, v in meta.published_sources() if (st := dates.machine_stamp(v, zone, src))]
        mod = [st for src, v in meta.modified_sources() if (st := dates.machine_stamp(v, zone, src))]
        classed: list[dates.Stamp] = []  # updates only by their class ("updated"), unlabelled for a reader
        for el in microdata:  # wherever the page put it (often a hidden block after the article)
            itemprop = el.get("itemprop") or ""
            if not itemprop and not el.get("property"):  # hAtom, by class: its value in `title` or `datetime`
                if id(el) not in before and (st := dates.machine_stamp(_date_attr(el) or "", zone, "microdata")):
                    (pub if _HATOM["published"].search(el.get("class") or "") else classed).append(st)
                continue
            if not itemprop and el.get("content"):  # RDFa: <span property="dc:date dc:created" content="…">
                st = dates.machine_stamp(el["content"], zone, "microdata")
                if st is not None:
                    (mod if "modified" in (el.get("property") or "") else pub).append(st)
                continue
            if itemprop in ("datePublished", "dateModified") and id(el) not in before:
                st = dates.machine_stamp(_date_attr(el) or _iso_text(el), zone, "microdata")
                if st is not None:
                    (mod if itemprop == "dateModified" else pub).append(st)
        for el in near:  # <time datetime>, itemprop content: machine values of the visible date line
            st = dates.machine_stamp(_date_attr(el) or _iso_text(el), zone, "element")
            if st is not None and fetched_at is not None and st.zoned and st.at.utcoffset() == timedelta(0):
                st = _age_offset(st, dates.find_relative(line_text(el), fetched_at, zone, before[id(el)]))
            if st is not None:
                modified = is_mod(el)
                target = mod if modified else classed if modified is None else pub
                # with an offset it is the page's own reading of the line a reader sees: it goes first, unless
                # it is a local clock a template marked UTC, whole hours from the metadata's same moment
                first = st.zoned and st.has_time and not _hours_from(st, [t for t in target if t.source != "element"])
                target.insert(0 if first else len(target), st)
        # hAtom asks every post for an "updated" time and only some for a "published" one: a time classed
        # "updated" that nothing labels an update, on a page that gives no publication, is the publication
        return (pub, mod + classed) if pub else (classed, mod)

    pub_m, mod_m = machines(tz)
    zone = tz or dates.page_zone(pub_m + mod_m) or _shown_zone(near, line_text) or clues.blog_tz
    if zone is not tz:  # naive values are read in the zone the page's own offsets show
        pub_m, mod_m = machines(zone)
    pub_m, mod_m = _same_clock_offset(pub_m), _same_clock_offset(mod_m)

    shown_update: list[dates.Stamp] = []  # the header's unlabelled time, when a "First published" line says otherwise

    later_published: list[dates.Stamp] = []  # read once, when first asked for
    later_days: list[dates.Stamp] = []  # the same lines giving only the day ("Veröffentlicht am 07.06.2019")
    later_read = False

    def labelled_later(day: dates.Stamp | None) -> dates.Stamp | None:
        """ "First Published on Nov 20, 2019 01:38 pm" printed under the article or in a plain div near it."""
        nonlocal later_read
        if not later_read:
            later_read = True
            later = [(line_text(el), _text_before(el)) for el in w.dates
                     if w.positions.get(id(el), 0) > header_end]
            later += [(b.text, "") for b in w.blocks[max(0, low) : body_end + 12]
                      if len(b.text) < 120 and _PUBLISHED_HINT.search(b.text)]
            for text, prefix in later:
                pick = next((st for st in dates.find_dates(dated(text), zone, prefix) if st.label == "published"), None)
                if pick is not None:
                    (later_published if pick.has_time else later_days).append(pick)
        return next((p for p in later_published if day is None or day.at.date() == p.at.date()), None)

    def visible(selector_key: str, want_modified: bool) -> dates.Stamp | None:
        texts: list[tuple[str, bool, str]] = []
        selected = _select_text(soup, meta, selectors.get(selector_key))
        if selected:
            texts.append((selected, want_modified, ""))
        texts.extend((line_text(el), is_mod(el), before[id(el)]) for el in near)
        first: dates.Stamp | None = None
        for text, el_mod, prefix in texts:
            if _PRINT_ISSUE.search(text):
                continue  # "December 5, 2016 Issue": the print issue the story ran in, not its publication
            stamps = dates.find_dates(dated(text), zone, prefix)
            if want_modified:
                pick = next((st for st in stamps if st.label == "updated"), None)
                if pick is None and el_mod and stamps and stamps[0].label is None:
                    pick = stamps[0]
            else:
                pick = next((st for st in stamps if st.label == "published"), None) or next(
                    (st for st in stamps if st.label is None and not el_mod), None)
            if pick is None:
                continue
            if pick.has_time:
                # a date-only line ("Selasa, 23 Februari 2016") can sit just before the full one
                if first is None or first.at.date() == pick.at.date():
                    if not want_modified and pick.label is None:
                        # CNN shows the last update in the header and "First published …" under the text
                        labelled = labelled_later(pick)
                        if labelled is not None and (pick.at - labelled.at).total_seconds() >= 60:
                            shown_update.append(pick)
                            return labelled
                    return pick
                break
            if first is None:
                first = pick
        if first is None and fetched_at is not None:
            for text, _, prefix in texts:
                rel = dates.find_relative(text, fetched_at, zone, prefix)
                if rel is not None and (rel.label == "updated") == want_modified:
                    return rel
        if first is not None and want_modified:
            return first
        if not want_modified:
            labelled = labelled_later(first)
            if labelled is not None:
                return labelled
            if first is not None:
                return first
        start = h1_pos if h1_pos is not None else max(0, body_start - 6)
        # a date line without a telling class, or inside the byline ("Von X publiziert am 25. September 2018",
        # even above the <h1>); a day without a time counts only when the metadata states no date at all
        lines = [(b.text, "") for b in w.blocks[start : max(body_start + 1, start + 8)] if len(b.text) < 120
                 and b.index not in w.embeds]  # "A post shared by … on Jun 16, 2019" is the post's date
        lines += [(element_text(el), _text_before(el)) for el in w.bylines
                  if low <= w.positions.get(id(el), 0) <= header_end]
        if want_modified:  # a plain line under the headline that labels its time an update
            return next((st for text, prefix in lines for st in dates.find_dates(dated(text), zone, prefix)
                         if st.label == "updated" and st.has_time), None)
        lines += [(b.text, "") for b in w.blocks[low:start] if len(b.text) < 120 and _PUBLISHED_HINT.search(b.text)]
        # a line that is only a date just above the headline ("14.06.2019 (ch)")
        lines += [(b.text, "") for b in w.blocks[max(0, start - 2) : start] if _BARE_DATE.match(b.text)]
        fact = bylines.fact_value(w.blocks, bylines.DATE_LABELS)  # "<li><strong>Date</strong> 19.01.2020</li>"
        lines += [(fact, "")] if fact else []
        # the text opens with its date, as wire copy does: "Feb. 23, 2015 -- Babies who …"
        first_text = _first_prose(w.blocks, body_start, body_start + 40)
        opening = _DATE_OPENING.match(first_text)
        lines += [(opening.group(1), "")] if opening else []
        # Drupal's "Submitted by X on 24 July 2017 - 18:55" (German "Gespeichert von X am …") under the text
        lines += [(element_text(el), _text_before(el)) for el in w.bylines
                  if header_end < w.positions.get(id(el), 0) <= body_end + 8][:1]
        for text, prefix in lines:
            pick = next((st for st in dates.find_dates(dated(text), zone, prefix)
                         if st.label != "updated" and (st.has_time or not (pub_m or mod_m))), None)
            if pick is not None:
                return pick
        if not (pub_m or mod_m):  # the post's own byline box under the text, its `<time datetime>` unread above
            clock = next((t for el in w.bylines if header_end < w.positions.get(id(el), 0) <= body_end + 8
                          and (t := el.find("time", datetime=True)) is not None), None)
            stamp = dates.machine_stamp(clock["datetime"], zone, "element") if clock is not None else None
            if stamp is not None and stamp.has_time:
                return stamp
            # or the header's date line under a standfirst long enough to pass for the first paragraph
            stamp = next((st for el in w.dates if header_end < w.positions.get(id(el), 0) <= header_end + 3
                          and (st := dates.machine_stamp(el.get("datetime") or "", zone, "element")) is not None
                          and st.has_time and st.zoned), None)
            if stamp is not None:
                return stamp
        # a labelled day in an info box beside or under the text, when the metadata states no date at all
        return later_days[0] if later_days and not (pub_m or mod_m) else None

    shown = visible("published", False)
    if shown is not None and (shown.at.year, shown.at.month) in months:
        # the date line and the URL agree on the month; a metadata publication months before it is a template's
        # stale value (GQ's 2009 `article:published_time` on a post filed and dated May 2014)
        pub_m = [st for st in pub_m if (st.at.year, st.at.month) >= (shown.at.year, shown.at.month)
                 or (shown.at - st.at).days <= 31]
    published = dates.choose(pub_m, shown, zone, mod_m)
    # analytics scripts' publication instant (Parse.ly's `pub_date` on a post, SimpleReach's `date`): it can be
    # minutes or hours off a time the page shows, so it only dates a page that states no date at all, or gives
    # the time of one that shows only its day, on the same day
    parsely = meta.parsely()
    analytics = [clock for value in (parsely.get("pub_date") if parsely.get("type") in (None, "post") else None,
                                     meta.first("simplereach:date"))
                 if (clock := dates.machine_stamp(str(value or ""), zone, "analytics")) is not None
                 and clock.has_time and clock.zoned]
    if published is None and analytics:
        published = analytics[0]
    elif published is not None and not published.has_time:
        published = next((clock for clock in analytics
                          if clock.at.astimezone(published.at.tzinfo).date() == published.at.date()), published)
    if published is not None and published.source:
        # the family whose publication time held up is the one to believe about the update as well
        mod_m.sort(key=lambda st: st.source != published.source)
        # a naive published value that only fits as UTC says the page's naive values are UTC
        for st in pub_m:
            if not st.zoned and st.has_time and st.source == "meta" and zone is not None and abs(
                    (st.at.replace(tzinfo=UTC) - published.at).total_seconds()) < 60 and abs(
                    (st.at - published.at).total_seconds()) >= 60:
                mod_m = [m.at_zone(UTC) if not m.zoned else m for m in mod_m]
                break
        # a source whose modification stamp equals its own publication stamp, both a whole number of half hours
        # from the publication the page shows, is that moment under a wrong offset, not an update
        # (JSON-LD "16:25:36-05:00" twice beside a visible 11:25:36-05:00)
        def shifted(st: dates.Stamp) -> bool:
            gap = abs((st.at - published.at).total_seconds())
            return 1700 < gap <= 14 * 3600 + 60 and min(gap % 1800, 1800 - gap % 1800) < 60

        mod_m = [m.at_zone(published.at.tzinfo, published.at) if shifted(m) and any(
            p.source == m.source and abs((m.at - p.at).total_seconds()) < 60 for p in pub_m) else m for m in mod_m]
        mod_m = _local_marked_utc(mod_m, published.at, pub_m)
        # a modification stamp before the publication is a template's error; another source may state the update
        mod_m = [m for m in mod_m if (m.at - published.at).total_seconds() > -60] or mod_m
    if zone is None and published is not None and published.zoned and published.has_time:
        # naive modification times ("Last-Modified: 2016-12-16 12:40:25") are read on the clock the page's naive
        # publication value keeps (`published_time` "05:00:00" beside `<time datetime="…10:00:00Z">`: five hours
        # behind UTC), else on the zone the publication names ("Dec 16, 2016, 12:37 PM ET")
        naive_zone = next((z for st in pub_m if not st.zoned and st.has_time
                           and (z := _clock_offset(st.at, published.at)) is not None), published.at.tzinfo)
        mod_m = [m if m.zoned else m.at_zone(naive_zone) for m in mod_m]
    seen_update = visible("updated", True) or (shown_update[0] if shown_update else None)
    if seen_update is not None and published is not None and published.has_time and abs(
            (seen_update.at - published.at).total_seconds()) < 60:
        seen_update = None  # the publication's own line under an "updated" class: it tells nothing of an update
    updated = dates.choose(mod_m, seen_update, zone, pub_m)
    if published is None:
        return None, None
    if updated is None and published.has_time:
        updated = _data_layer_update(meta.all("datalayer:dates"), published)
    if updated is None and published.has_time:  # "Publié à 13h59, mis à jour à 15h25" in the date line
        updated = next((dates.Stamp(at, True, True, "updated", "") for el in near
                        if (at := dates.update_clock(line_text(el), published.at, zone)) is not None), None)
    if zone is None and not published.zoned and published.has_time:
        ages = [a for el in near if (a := dates.find_relative(line_text(el), fetched_at, None, before[id(el)]))
                is not None and a.has_time] if fetched_at is not None else []
        published, updated = _read_naive((published, updated), pub_m + mod_m, [shown, seen_update], ages, guess_tz)
    if updated is not None and (
        (updated.at - published.at).total_seconds() < 60  # scheduled posts: modified before publication
        or (not published.has_time and updated.at.date() <= published.at.date())  # a day-only date: no telling
    ):
        updated = None
    return published.at, updated.at if updated else None


_UPDATE_NOTE = re.compile(r"^\W{0,3}(?:update[ds]?|aktualisierung|aktualisiert|actualización|actualizado|"
                          r"mise à jour|pembaruan|diperbarui)\b", re.IGNORECASE)


_NOTE_CLOCK = re.compile(r"^\W{0,3}(?:update[ds]?|aktualisierung|actualización|mise à jour|pembaruan)\W{0,3}(?:at\s+)?"
                         r"(\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?)\s*((?-i:[A-Z]{2,4}))?\b(?!\s*,?\s*\d)", re.IGNORECASE)


# a magazine's print-issue line ("December 5, 2016 Issue", "Ausgabe 12/2016")
_PRINT_ISSUE = re.compile(r"\d\s*(?:issue|edition|print edition)\s*$|^\W*(?:ausgabe|édition|edición)\b", re.IGNORECASE)


# an update note that opens with its zoned time and a dash, the word "update" left to a graphic before it
_CLOCK_LEAD = re.compile(r"^\W{0,3}(\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?)\s*((?-i:[A-Z]{2,4}))\s*(?:--|—|–)\s",
                         re.IGNORECASE)


def _clock_offset(naive: datetime, instant: datetime) -> tzinfo | None:
    """The offset at which a naive wall clock (read as UTC) shows `instant`: a whole number of half hours, to
    the minute, or None."""
    gap = (naive - instant).total_seconds()
    off = round(gap / 1800) * 1800
    return timezone(timedelta(seconds=off)) if abs(off) <= 14 * 3600 and abs(gap - off) < 60 else None


def _data_layer_update(pairs: list[str], published: dates.Stamp) -> dates.Stamp | None:
    """The modification stamp a data layer sets beside the publication stamp the page is dated by (Ars
    Technica's `"publishDate":…,"modifiedDate":…`; a feed of such objects in a component's props names
    every story's pair, and only this one's publication matches)."""
    for pair in pairs:
        pub_value, _, mod_value = pair.partition("|")
        pub = dates.machine_stamp(pub_value, None, "datalayer")
        mod = dates.machine_stamp(mod_value, None, "datalayer")
        if pub is not None and mod is not None and pub.zoned and mod.zoned and pub.has_time \
                and abs((pub.at - published.at).total_seconds()) < 60 and (mod.at - pub.at).total_seconds() >= 60:
            return dates.Stamp(mod.at.astimezone(published.at.tzinfo), True, True, None, "datalayer")
    return None


def _read_naive(found: tuple[dates.Stamp, dates.Stamp | None], machines: list[dates.Stamp],
                shown: list[dates.Stamp | None], ages: list[dates.Stamp],
                guess: tzinfo | None) -> tuple[dates.Stamp, dates.Stamp | None]:
    """Times on a page that names its clock nowhere. A naive machine value a naive visible time shows at the same
    minute whole hours away (not twelve: that is a clock without its PM) is UTC, and the visible one local at that
    offset (Times Union's `datetime="2019-11-20 06:35:46"` shown as "Updated: Nov. 20, 2019 1:35 a.m."); an age
    ("20 hours ago") that fits the UTC reading keeps it; else the publisher's likely home zone (`guess_zone`) is
    the best reading there is."""
    clock = next((z for v in shown if v is not None and v.has_time and not v.zoned and not v.source
                  for m in machines if m.has_time and not m.zoned
                  and (z := _clock_offset(v.at, m.at)) is not None
                  and abs(z.utcoffset(None) or timedelta(hours=12)) != timedelta(hours=12)), None)
    if clock is not None:
        machine_tz, local_tz = UTC, clock  # the machine values are UTC, the visible line local
    elif guess is not None and not any(abs((found[0].at - age.at).total_seconds()) <= 3660 for age in ages):
        machine_tz = local_tz = guess
    else:
        return found

    def read(st: dates.Stamp) -> dates.Stamp:
        return st if st.zoned or not st.has_time else st.at_zone(machine_tz if st.source else local_tz)

    published, updated = found
    return read(published), read(updated) if updated is not None else None


def _age_offset(stamp: dates.Stamp, age: dates.Stamp | None) -> dates.Stamp:
    """A time marked UTC whose element reads "4 hours ago": when the two disagree by hours, the clock is local
    and the offset is the one, in whole hours, that puts it within the hour the age states (247Sports'
    `data-published="2016-12-09 09:13:00Z"` shown as "4 hours ago" at 18:54 UTC is 09:13 at -05:00)."""
    if age is None or not age.has_time or abs((stamp.at - age.at).total_seconds()) < 3600:
        return stamp
    fits = [off for off in range(-12, 15)
            if -60 <= (age.at - (stamp.at - timedelta(hours=off))).total_seconds() <= 3660]
    return stamp.at_zone(timezone(timedelta(hours=fits[0]))) if len(fits) == 1 else stamp


def _update_note(paragraphs: list[Paragraph], published: datetime, tz: tzinfo | None) -> datetime | None:
    """The time of an editor's update note opening or closing the text, when it is after the publication.
    A note without a year ("July 3rd, 8:05AM ET") is in the publication's year, one without a date on its day."""
    for p in [*paragraphs[:2], *paragraphs[-3:]]:
        if len(p.text) > 400:
            continue
        if _UPDATE_NOTE.match(p.text):
            head = dates.add_year(p.text[:80], year=published.year)
            stamp = next((st for st in dates.find_dates(head, tz, "Updated") if st.has_time), None)
            clock = _NOTE_CLOCK.match(p.text) if stamp is None else None
        else:  # "12:00 PM PT -- Deputies were at the hotel …": a zoned time and a dash, the word left to a graphic
            stamp, clock = None, _CLOCK_LEAD.match(p.text)
            if clock is None or dates.zone(clock.group(2)) is None:
                continue
        if clock is not None:  # "UPDATE 12:00 PM PT -- …": a time alone is on the publication's day
            local = published.astimezone(dates.zone(clock.group(2)) or published.tzinfo)
            head = f"{local.date().isoformat()} {clock.group(1)} {clock.group(2) or ''}"
            stamp = next((st for st in dates.find_dates(head, local.tzinfo, "Updated") if st.has_time), None)
        if stamp is not None and 60 <= (stamp.at - published).total_seconds() <= 400 * 86400:
            return stamp.at
    return None


def _author_note(blocks: list[Block], outlets: set[str]) -> list[str]:
    """The people an author note among the last blocks of the text introduces; the note must be set apart,
    all in italics or bold, as papers set it, so a closing sentence of the story about someone is not one."""
    for b in reversed(blocks):
        marks = [e for e in b.owner.find_all(["i", "em", "b", "strong", "a"])
                 if e.find_parent(["i", "em", "b", "strong", "a"]) is None]
        if not marks or marks[0].name == "a":  # links in a note are its books' titles; the note opens in italics
            continue
        emphasized = "".join(element_text(e) for e in marks)
        if len(emphasized.replace(" ", "")) < 0.9 * len(b.text.replace(" ", "")):
            continue
        names = bylines.author_note(b.text)
        people = authorlib.read_byline([", ".join(names)], outlets).people if names else []
        if people:
            return people
    return []


def _same_clock_offset(stamps: list[dates.Stamp]) -> list[dates.Stamp]:
    """A template's `<time datetime>` in UTC showing the same wall clock as the metadata's stamp with a real
    offset is that local time marked UTC (`<time datetime="…10:43:37Z">` beside `article:published_time`
    "…10:43:37-08:00"). The metadata's own UTC values are left alone: there the offset is as often the error."""
    out = []
    for m in stamps:
        if m.source in ("element", "microdata") and m.zoned and m.has_time and m.at.utcoffset() == timedelta(0):
            local = next((o for o in stamps if o.zoned and o.at.utcoffset() and o.at.replace(tzinfo=None)
                          == m.at.replace(tzinfo=None)), None)
            if local is not None:
                m = m.at_zone(local.at.tzinfo)
        out.append(m)
    return out


def _hours_from(st: dates.Stamp, others: list[dates.Stamp]) -> bool:
    """A "+00:00" stamp a whole number of hours (1 to 14) from another source's zoned stamp, to the second:
    WordPress templates print the site's local clock with a UTC mark beside Yoast's true instant."""
    if st.at.utcoffset() != timedelta(0):
        return False
    for o in others:
        gap = abs((st.at - o.at).total_seconds())
        if o.zoned and o.has_time and 3600 - 2 <= gap <= 14 * 3600 + 2 and min(gap % 3600, 3600 - gap % 3600) <= 2:
            return True
    return False


def _local_marked_utc(stamps: list[dates.Stamp], published: datetime,
                      pub_stamps: list[dates.Stamp]) -> list[dates.Stamp]:
    """Modification stamps marked "Z" that are local times (at the offset the publication shows): one whose wall
    clock is another source's instant read locally (JSON-LD "03:58:18Z" beside "11:58:18+00:00" on a page
    whose publication reads -08:00), and every one on a page whose metadata marks its local publication time
    "Z" too (cXense "10:01:00.000Z" beside a visible 10:01 in Tokyo)."""
    off = published.utcoffset()
    if not off:
        return stamps
    local = timezone(off)
    shown = published.replace(tzinfo=None)
    site_marks_local = any(p.zoned and p.has_time and not p.at.utcoffset()
                           and abs((p.at.replace(tzinfo=None) - shown).total_seconds()) < 60 for p in pub_stamps)
    out = []
    for m in stamps:
        if m.zoned and m.has_time and m.at.utcoffset() == timedelta(0) and (site_marks_local or any(
                o is not m and o.zoned and abs((o.at - m.at).total_seconds()) >= 1800 and abs(
                    (o.at.astimezone(local).replace(tzinfo=None) - m.at.replace(tzinfo=None)).total_seconds()) < 60
                for o in stamps)):
            m = m.at_zone(local)
        out.append(m)
    return out


_DATELINE_ONLY = re.compile(r"^[A-Z][\w.' -]{1,40},.{0,60}?\s(?:--|—|–|-)\s*$")


def _paragraphs(blocks: list[Block], containers: list[Tag], w: Walk, title: str | None,
                heading_ids: set[int], image_after: set[int]) -> tuple[list[Paragraph], list[tuple[str, str]]]:
    """Body paragraphs in order; `image_after` holds block indexes directly followed by a body image."""
    container_ids = {id(c): c for c in containers}
    out: list[Paragraph] = []
    illustrated: set[int] = set()  # positions in `out` of headings that introduce an image
    staff: list[tuple[str, str]] = []
    title_key = " ".join(_TOKEN.findall(title.lower())) if title else None
    for b in blocks:
        node: Tag | None = b.owner
        container = None
        while node is not None:
            if id(node) in container_ids:
                container = node
                break
            node = node.parent
        if container is None:
            continue
        if negative_between(b.owner, container, w.negative):
            continue
        text = b.text
        n = len(text)
        if b.kind == "h1":
            continue
        if title_key and " ".join(_TOKEN.findall(text.lower())) == title_key:
            continue
        line = boilerplate.staff_line(text)
        if line:
            staff.append(line)
            continue
        if boilerplate.is_boilerplate(text) or boilerplate.is_date_line(text):
            continue
        is_heading = b.kind in HEADINGS or id(b.owner) in heading_ids or (
            b.bold >= 0.9 * n and n <= 120 and not text.endswith((".", ",", ";", '"', "”", "?", "!"))
            and len(text.split()) <= 14 and b.kind not in ("li", "td", "th")
        )
        ratio = b.links / n
        if ratio > 0.8 or (ratio > 0.5 and not re.search(r"[.!?\"”’)]$", text)):
            continue  # a link list; a sentence with inline links stays
        if out and out[-1].text == text:
            continue
        if is_heading and b.index + 1 in image_after:
            illustrated.add(len(out))
        out.append(Paragraph(text=text, kind="heading" if is_heading else "paragraph"))
    # headings with no prose after them (video sections, trailing widgets) are not structure
    cleaned: list[Paragraph] = []
    for i, p in enumerate(out):
        if p.kind == "heading":
            nxt = out[i + 1] if i + 1 < len(out) else None
            if (nxt is None or nxt.kind == "heading") and i not in illustrated:
                if nxt is None and p.text.isupper() and len(p.text.split()) <= 4:
                    staff.append(("signature", p.text))  # a bold name in capitals closing the article
                continue
        cleaned.append(p)
    # drop short unpunctuated tail lines ("POPULER", widget labels) after the last real paragraph
    while cleaned and cleaned[-1].kind == "paragraph" and len(cleaned[-1].text) < 30 \
            and not re.search(r"[.!?\"”)。！？）」』]$", cleaned[-1].text):
        tail = cleaned.pop().text
        if tail.isupper() and len(tail.split()) <= 4:  # "DINI TEJA", "ANTARA": the desk signs at the end
            staff.append(("signature", tail))
    # a dateline set as its own paragraph ("ISTANBUL, 23 Februari 2016 (Antara/PRNewswire) --") opens the next
    if len(cleaned) >= 2 and cleaned[0].kind == cleaned[1].kind == "paragraph" and len(cleaned[0].text) <= 100 \
            and _DATELINE_ONLY.search(cleaned[0].text):
        cleaned[1].text = f"{cleaned[0].text} {cleaned[1].text}"
        cleaned.pop(0)
    signed = boilerplate.trailing_staff(cleaned[-1].text) if cleaned and cleaned[-1].kind == "paragraph" else None
    if signed is not None:
        cleaned[-1].text = signed[0]
        staff.append(signed[1])
    if cleaned and cleaned[-1].kind == "paragraph":
        last = boilerplate.strip_signoff(cleaned[-1].text)
        if last:
            cleaned[-1].text = last
        else:
            cleaned.pop()
    return cleaned, staff


_LEDE_CLS = re.compile(r"summary|lede|(?<![a-z])lead(?![a-z])|standfirst|intro|excerpt|(?<![a-z])dek(?![a-z])|"
                       r"subtitle|sub-title|deck", re.IGNORECASE)


def _lede(w: Walk, body_start: int) -> Block | None:
    """A summary paragraph printed between the headline and the body container (part of the article)."""
    if not w.h1:
        return None
    start = w.h1[0][1] + 1
    for b in reversed(w.blocks[start:body_start]):
        marker = (b.owner.get("class") or "") + " " + (b.owner.get("id") or "")
        if len(b.text) >= 60 and b.links < 0.2 * len(b.text) and _LEDE_CLS.search(marker) \
                and id(b.owner) not in w.negative:
            return b
    return None


_CRUMB_CLS = re.compile(r"breadcrumb|crumbs?(?![a-z])|kanal-map|path-nav", re.IGNORECASE)
_HOME = sectionlib.HOME
_PLAIN_HOSTS = frozenset(["www", "m", "amp", "en", "id", "news", "mobile", "web", "beta", "edition"])


def _visible_crumbs(w: Walk) -> list[str]:
    """The breadcrumb trail a reader sees (`ul.breadcrumb`, `itemtype=BreadcrumbList`), found on the walk."""
    trail = next((el for el in w.crumbs if _CRUMB_CLS.search(
        f"{el.get('class') or ''} {el.get('id') or ''} {el.get('aria-label') or ''}") or "BreadcrumbList" in (
        el.get("itemtype") or "")), None)
    if trail is None:
        return []
    items = trail.find_all("li") or trail.find_all("a")
    names = [" ".join(el.get_text(" ").split()).strip(" »>/|›") for el in items]
    return [n for n in names if n and len(n) <= 40]


def _section(meta: Meta, soup: BeautifulSoup, selectors: dict[str, str], title: str | None,
             url: str, w: Walk, headline: Tag | None) -> tuple[str | None, str | None]:
    """Section and subsection: the profile's selectors, the breadcrumb trail (JSON-LD, then visible),
    the metadata's section, a channel subdomain ("bola.kompas.com" -> "Bola"), a trail that starts at
    "Home", the top menu's highlighted entry, then the URL's first folder."""
    section = _select_text(soup, meta, selectors.get("section"))
    subsection = _select_text(soup, meta, selectors.get("subsection"))
    if section:
        return section, subsection
    sec, sub = meta.section()
    if sub:  # numbered sections name channel and category exactly
        return sec, sub
    for crumbs in (meta.breadcrumbs(), _visible_crumbs(w)):
        while crumbs and crumbs[0].lower().startswith(_HOME):
            crumbs = crumbs[1:]
        if crumbs and title and _similar(crumbs[-1], title):
            crumbs = crumbs[:-1]
        if crumbs:
            return crumbs[0], crumbs[1] if len(crumbs) > 1 else None
    if sec:
        return sec, None
    labels = (urlsplit(url).hostname or "").split(".")
    if len(labels) >= 3 and labels[0] not in _PLAIN_HOSTS and labels[0].isalpha():
        return labels[0].title(), None
    trail = sectionlib.home_trail(soup)
    if trail and title and _similar(trail[-1], title):
        trail = trail[:-1]
    if trail:
        return trail[0], trail[1] if len(trail) > 1 else None
    return sectionlib.active_menu(soup, headline) or sectionlib.url_folder(url), None


# --- entry point --------------------------------------------------------------------------------------
def parse_article(
    html: bytes | str,
    url: str,
    *,
    site_profile: str | None = None,
    language: str | None = None,
    timezone: str | None = None,
    fetched_at: datetime | None = None,
) -> Article:
    """Parse one page into an `Article`, or raise `PageRejected(reason, detail)`.

    `language` and `timezone` are the source's hints. The page's own declarations win over them;
    naive local times are read in the profile's zone, else the `timezone` hint, else Asia/Jakarta for
    Indonesian pages (declared or detected language `id`, or an `.id` host), else UTC.
    `fetched_at` (when the bytes were fetched) dates a page that only says "2 jam yang lalu".
    Reject reasons: `empty`, `not_html`, `undecodable`, `no_content`, `too_deep`.
    """
    text = decode(html)
    prepared = prepare(text)
    # "05/08/2014" is May 8 where the page declares US English (or Philippine English) as its language; the
    # reading holds for this page's parse only
    token = dates.MONTH_FIRST.set(bool(prepared.html_lang)
                                  and prepared.html_lang.lower().replace("_", "-") in _MDY_LANGS)
    try:
        return _parse(text, prepared, url, site_profile, language, timezone, fetched_at)
    finally:
        dates.MONTH_FIRST.reset(token)


def _parse(text: str, prepared: Prepared, url: str, site_profile: str | None, language: str | None,
           timezone: str | None, fetched_at: datetime | None) -> Article:
    soup = make_soup(prepared.text)
    meta = Meta(prepared)
    profile = profiles.find(url, site_profile)
    if profile is None and site_profile:
        profile = profiles.find(url)
    root: Tag = soup.body or soup

    declared_lang = next((c for c in (langlib.normalize_code(v) for v in meta.languages()) if c), None)
    tz = zones.default_zone(profile.timezone if profile else None, timezone,
                            declared_lang or (profile.language if profile else None) or language, url)

    pub_guess = None
    for v in meta.published():
        pub_guess, _ = dates.parse_iso(v, tz)
        if pub_guess:
            break
    version = profile.version_for(soup, pub_guess) if profile else None
    selectors = version.selectors if version else {}

    skip: set[int] = set()
    if version:
        for sel in version.remove:
            skip.update(id(el) for el in soup.select(sel))
    try:
        w = walk(root, skip, keep_embeds(profile, declared_lang or language, url))
    except RecursionError as exc:
        raise PageRejected("too_deep", "markup nested deeper than the parser follows") from exc
    for i, b in enumerate(w.blocks):
        b.index = i

    containers: list[Tag] = []
    if selectors.get("body"):
        containers = [c for c in soup.select(selectors["body"]) if id(c) not in skip]
        # nested matches: keep the outermost
        ids = {id(c) for c in containers}
        containers = [c for c in containers if not any(id(p) in ids for p in c.parents)]
    from_profile = bool(containers)
    if not containers:
        containers = with_continuation_pages(outer_page(choose_container(w, root, meta.is_live_blog())), w)
    container_ids = {id(c) for c in containers}

    def in_containers(tag: Tag) -> bool:
        return inside(tag, container_ids) is not None

    body_blocks = [b for b in w.blocks if in_containers(b.owner)]
    body_start = body_blocks[0].index if body_blocks else len(w.blocks)
    lede = None if from_profile else _lede(w, body_start)
    if lede is not None:
        containers.append(lede.owner)
        container_ids.add(id(lede.owner))
        body_blocks.insert(0, lede)  # body_start stays: bylines and dates sit between the lede and the body
    body_end = body_blocks[-1].index if body_blocks else len(w.blocks)
    # the article's header (headline, byline, date line) ends where the first real paragraph starts
    h1_at = w.h1[0][1] if w.h1 else -1
    header_end = _header_end(body_blocks, body_start, h1_at)

    # title
    site_names = [n for n in (meta.site_name(), profile.site if profile else None, site_of(url)) if n]
    h1s = [t for t, _ in w.h1]
    sel_title = _select_text(soup, meta, selectors.get("title"))
    marked = [t for (t, pos), el in zip(w.h1, w.h1_tags, strict=True) if pos <= body_end and _marked_headline(el)]
    near = [b.text for b in w.blocks[max(0, h1_at) : header_end + 1] if b.kind in ("h2", "h3")] if w.h1 else []
    above = [b.text for b in w.blocks[: (w.h1[0][1] if w.h1 else body_start) + 1] if b.kind in ("h2", "h3")][-3:]
    linked_h1s = frozenset(t for (t, _), el in zip(w.h1, w.h1_tags, strict=True)
                           if (a := el.find("a")) is not None and element_text(a) == t)
    title = sel_title or pick_title(h1s, meta.titles(), meta.title_tag, site_names, marked, near, above, linked_h1s)
    if title and not w.h1 and not sel_title:
        # the metadata title puts a kicker first ("Genetik: Das Geheimnis …"); a heading of the header shows the
        # headline alone, its kicker set apart ("<h2><span class=kicker>Genetik</span> Das Geheimnis …</h2>")
        title = next((b.text for b in w.blocks[body_start : header_end + 1] if b.kind in ("h2", "h3")
                      and len(b.text.split()) >= 2 and _without_kicker(title, [b.text]) == b.text), title)
    title_byline = None
    if title and (signed := _TITLE_BYLINE.search(title)):  # "見出し　編集委員　中沢克二": the writer's line in the <h1>
        title, title_byline = title[: signed.start()].rstrip(), signed.group(1)
    elif title and (signed := _TITLE_SIGNED.search(title)):  # "Life Is A Highway – By Lorraine Weightman": a column's
        title_byline = signed.group(1)  # headline names its writer, and stays as shown

    # an endless page appends the next story under its own <h1>, after the article's headline <h1>
    next_story = None
    headline_cls = w.h1_tags[0].get("class") if w.h1 else None
    if title and headline_cls and _similar(w.h1[0][0], title) and not from_profile:
        # the template repeats its headline class, unlinked (a teaser links its headline); an <h1> a writer
        # set as a sub-heading has a class of its own
        next_story = next((pos for (t, pos), el in zip(w.h1[1:], w.h1_tags[1:], strict=True)
                           if pos > body_start and len(t.split()) >= 3 and not _similar(t, title)
                           and _same_template(el.get("class"), headline_cls) and el.find("a") is None), None)
        if next_story is not None:
            body_blocks = [b for b in body_blocks if b.index < next_story]
            body_end = body_blocks[-1].index if body_blocks else body_end

    heading_ids: set[int] = set()
    if selectors.get("subheading"):
        heading_ids = {id(el) for el in soup.select(selectors["subheading"])}
    # the article's pictures: in the body, or between the headline and the body (the top image)
    headline_at = None
    text_from = -1  # pictures before the headline inside the body's box belong to what the box holds above it
    key = authorlib.compact(title) if title else ""
    if not w.h1 and title:  # a headline in a div or an <h2> ("div.judul-konten"): its block anchors the header
        headline_at = next((b.index for b in w.blocks[:body_start + 1] if authorlib.compact(b.text) == key), None)
        inside_at = None if headline_at is not None or from_profile else next(
            (b.index for b in body_blocks[:40] if authorlib.compact(b.text) == key), None)
        if inside_at is not None and body_blocks[-1].index > inside_at:
            # the body's box starts at the site's menu and holds the headline: the text starts after it
            headline_at = text_from = inside_at
            body_blocks = [b for b in body_blocks if b.index > inside_at]
            body_start = body_blocks[0].index
            header_end = _header_end(body_blocks, body_start)
    elif title and not any(authorlib.compact(t) == key for t, _ in w.h1):
        # the <h1>s are a logo or the body's section heads: the block that shows the headline anchors the header
        headline_at = next((b.index for b in w.blocks[:body_start + 1] if authorlib.compact(b.text) == key
                            and b.kind in HEADINGS), None)
    # the headline's <h1>, not a masthead <h1> above it (pictures between the two are the site's rails)
    match = next(((pos, el) for (t, pos), el in zip(w.h1, w.h1_tags, strict=True) if title and _similar(t, title)),
                 None)
    headline_el = match[1] if match else None
    h1_pos = (match[0] if match else w.h1[0][1]) if w.h1 else headline_at
    kept: list[ImageRef] = []
    caption_ids: set[int] = set()
    own_pages = {_page_key(url), _page_key(urljoin(url, meta.canonical() or url))}
    variant_boxes: set[int] = set()
    page_site = site_of(url)
    for ref in w.images:
        if next_story is not None and ref.position > next_story:
            break  # a picture of the next story
        if ref.position < text_from:
            continue  # a teaser slider or the menu above the headline, in the same box as the text
        container = inside(ref.element, container_ids)
        if container is not None and _in_chrome(ref.element, container):
            continue  # a related-story thumbnail, an author's head shot, a share button
        if ref.url_source is not None and _banner(ref.url_source, page_site):
            continue  # a wide picture that takes the reader to another site: an advertisement
        if _teaser(ref.url_source or ref.element, url, own_pages):
            continue  # the thumbnail of a card that links another story by its headline
        if _promo_box(ref.element):
            continue  # "Join the Daily Record WhatsApp community!": a box promoting the site's channels
        if _author_link(ref.url_source or ref.element):
            continue  # the writer's head shot in the link to the writer's page (`<a rel=author><img>`)
        box = _variants_box(ref.url_source or ref.element)
        if box is not None and id(box) in variant_boxes:
            continue  # a chart's version for another screen width (ai2html's artboards): one picture
        if box is not None:
            variant_boxes.add(id(box))
        top = container is None and h1_pos is not None and (
            h1_pos <= ref.position <= body_start or (ref.position < h1_pos and _cover_of(ref.element, headline_el)))
        if container is None and not top:
            continue
        if top and (_in_chrome(ref.url_source or ref.element, None, levels=2, marks=_HEADER_CHROME)
                    or _in_chrome(ref.url_source or ref.element, None, levels=4)
                    or _in_chrome(ref.url_source or ref.element, None, levels=10, marks=_PLAYLIST)):
            continue  # the source's logo or the writer's photo in the header's author box; a "trending" rail;
            # the posters of a lead video's playlist, deep in the player's boxes
        if ref.url_source is not None and (ref.credit is None or ref.caption is None) \
                and ref.element.get("data-description") is None:
            caption, credit, cap_el = describe(ref.url_source)
            if caption is not None or credit is not None:  # a credit line the walk found alone stays
                ref.caption, ref.credit = caption, credit or ref.credit
            if cap_el is not None:
                caption_ids.add(id(cap_el))  # a caption line after the picture is not body text
                if cap_el.name in INLINE and cap_el.parent is not None \
                        and element_text(cap_el.parent) == element_text(cap_el):
                    caption_ids.add(id(cap_el.parent))  # the line an inline caption (`<cite>`) fills
        kept.append(ref)
    if caption_ids:
        body_blocks = [b for b in body_blocks if inside(b.owner, caption_ids) is None]
    if headline_el is not None and h1_pos is not None:
        # a kicker or label set above the headline in the body's own box ("Semesterstart", "BLACK DEATH FEARS")
        body_blocks = [b for b in body_blocks if b.index > h1_pos or not _label_line(b.text)]
    image_after = {ref.position for ref in kept if in_containers(ref.element)}
    paragraphs, staff = _paragraphs(body_blocks, containers, w, title, heading_ids, image_after)

    if not title and not paragraphs:
        raise PageRejected("no_content", "no title and no body text found")
    if (gone := _not_found(prepared.title_tag, soup.body)) and sum(len(p.text) for p in paragraphs) < 1500:
        raise PageRejected("not_found", f"the page says it is missing: {gone[:80]}")

    article = Article(url=url, parser="warta", parser_version=PARSER_VERSION)
    article.title = title
    canonical = meta.canonical()
    article.canonical_url = urljoin(url, canonical) if canonical else None
    article.site = profile.site if profile and profile.site else site_of(url)
    article.publisher = meta.site_name()
    article.profile = profile.name if profile else None
    article.description = _select_text(soup, meta, selectors.get("description")) or meta.description()
    article.paragraphs = paragraphs

    # language
    body_sample = " ".join(p.text for p in paragraphs[:8])
    article.language = langlib.choose(
        [*meta.languages(), profile.language if profile else None, language], body_sample
    )

    # dates: visible date elements count only before the body ends (related widgets come after)
    positions = w.positions
    # microdata wherever the page put it, hidden blocks included
    microdata = [el for el in tags_where(soup, "itemprop", _MICRODATA_DATES.__contains__, 20)
                 if not _in_comments(el)] if "itemprop" in prepared.text else []
    if "dc:created" in prepared.text or "dcterms:" in prepared.text:
        microdata += [el for el in tags_where(soup, "property", _RDFA_DATE.search, 10)
                      if not _in_comments(el)]  # not a Drupal comment's own `dc:created`
    for token in ("published", "updated"):  # hAtom: <abbr class="published" title="2016-12-23T05:11:00-05:00">
        # one per page (a list of posts marks each); the markup is counted first, the tree read only then
        if _class_tokens(prepared.text, token) == 1:
            marked = [el for el in tags_where(soup, "class", _HATOM[token].search, 2) if not el.get("itemprop")]
            microdata += marked if len(marked) == 1 else []
    w.dates = [el for el in w.dates if positions.get(id(el), 0) <= body_end]
    tz = zones.default_zone(profile.timezone if profile else None, timezone, article.language, url) or tz
    days = tuple(d for d in {dates.url_day(url), dates.url_day(article.canonical_url)} if d is not None)
    months = tuple(m for m in {dates.url_month(url), dates.url_month(article.canonical_url)} if m is not None)
    blog_tz = zones.blog_zone(meta)
    clues = DateClues(tz, body_start, header_end, body_end, microdata, headline_at, fetched_at, days, months,
                      blog_tz, zones.guess_zone(meta.languages(), article.language, url))
    published, updated = _dates(meta, w, soup, selectors, clues)
    filed = dates.url_day(article.canonical_url) or dates.url_day(url)
    if published is None and filed is not None and not meta.is_collection() and all(
            el.name in _REGIONS for el in w.dates):  # a WordPress region classed "status-publish" is no date line
        # a page that shows no date anywhere, filed under a day in its address ("/blog/2013/09/12/…"); a date
        # line that could not be read (a year-less day the address contradicts) gives no date, not a guess
        published = datetime.combine(filed, datetime.min.time(), tz or UTC)
    shown_tz = tz or blog_tz
    if shown_tz is not None:  # UTC instants are shown in the page's zone; explicit local offsets stay as written
        published, updated = (d.astimezone(shown_tz) if d is not None and not d.utcoffset() else d
                               for d in (published, updated))
    if updated is None and published is not None:  # "Update July 3rd, 8:05AM ET: Added …" in the text
        updated = _update_note(paragraphs, published, tz)
    article.published_at, article.updated_at = published, updated

    # authors: the visible byline of the article's header, checked against JSON-LD/meta
    sel_byline = _select_text(soup, meta, selectors.get("byline"))
    candidates = [el for el in w.bylines if not _in_photo(el) and not _in_comments(el)
                  and not _teaser_byline(el, url, own_pages)]
    # the headline's <h1>, not a masthead <h1> above a rail of teasers with their own bylines
    head_at = match[0] if match else h1_at
    low = max(0, head_at - 3) if head_at >= 0 else 0
    header_els = [el for el in candidates if low <= positions.get(id(el), 0) <= header_end]
    after_els = [el for el in candidates if positions.get(id(el), 0) > header_end][:4]
    top = headline_at if headline_at is not None else head_at if head_at >= 0 else None  # else the headline's block
    lines = bylines.header_lines([b.text for b in w.blocks[top : header_end + 1]]) if top is not None else []
    texts = [sel_byline] if sel_byline else []
    texts += [t for t in bylines.byline_texts(header_els) if not _only_a_date(t)] + lines
    texts += [title_byline] if title_byline and not texts else []
    if not texts:  # a "Date / Author" fact list beside the article, or a "Penulis / Editor" box under it
        fact = bylines.fact_value(w.blocks, bylines.AUTHOR_LABELS)
        texts = [fact] if fact else bylines.byline_texts(after_els)
    if not texts:  # "posted by Stadler at 12:53" or "Malte Welding | 29.07.2006" under the text
        texts = bylines.closing_lines([b.text for b in w.blocks[body_end + 1 : body_end + 4]
                                       if not _teaser_byline(b.owner, url, own_pages)])
    visible_blob = " ".join([*(t for t in texts), *(element_text(el) for el in header_els)])
    outlets = _outlets(meta, article.site, url, profile)
    visible = authorlib.read_byline(texts, outlets)
    if title_byline and title_byline not in texts and not visible.people and not visible.institutions:
        texts.append(title_byline)  # the byline box holds only its label ("By -"), the headline names the writer
        visible = authorlib.read_byline(texts, outlets)
    # "SPIEGEL ONLINE, Hamburg, Germany": the publisher's address in an author field, not people
    # "CDU - Fraktion Erfurt" on cdu-fraktion-erfurt.de: the publisher itself, not a writer
    entries = [(name, kind) for name, kind in meta.author_entries() if authorlib.compact(name) not in outlets
               and not authorlib.house_account(name, outlets)
               and not (name.count(",") >= 2 and any(
                   authorlib.compact(part) in outlets or authorlib.is_institution(part) for part in name.split(",")))]
    from_meta = authorlib.read_byline([name for name, kind in entries if kind != "org"], outlets)
    meta_people = from_meta.people
    meta_agencies = [n for name, _ in entries for n in authorlib.split_byline(name) if authorlib.agency_of(n)]
    linked = [n for el in header_els for n in bylines.author_links(el)]
    article.authors = authorlib.decide(visible, meta_people, meta_agencies, visible_blob, bool(texts), linked)
    if not texts and article.authors and meta_people:
        # signed in the metadata; a link to the writer's page shows how the page spells the name
        shown = bylines.author_links(soup)
        article.authors = [next((s_ for s_ in shown if s_.split()[-1].lower() == a.split()[-1].lower()), a)
                           for a in article.authors]
    if not texts and article.authors:
        # a metadata name the page credits as its editor ("责任编辑：崔宁宁" under the text) did not write it
        after = [sl for b in w.blocks[body_end + 1 : body_end + 8] if len(b.text) < 80
                 and (sl := boilerplate.staff_line(b.text)) is not None]
        editors = {c for r, n in [*staff, *after] if r == "editor" and len(c := authorlib.compact(n)) >= 2}
        if editors:
            article.authors = [a for a in article.authors if not any(authorlib.compact(a).endswith(e) for e in editors)]
            staff += [(r, n) for r, n in after if r == "editor" and (r, n) not in staff]
    if not texts and article.authors and (designers := _designers(text)):
        # a theme's author in the page's meta ("Theme by Peter Amende" in the site footer) wrote no article
        article.authors = [a for a in article.authors if authorlib.compact(a) not in designers]
    if not article.authors and not texts:  # signed only in the metadata, by a desk ("News Nation Bureau")
        article.authors = [name for name, _ in entries if authorlib.is_desk(name)][:1]
    if not article.authors and not visible.people and not visible.institutions and top is not None:
        # the outlet the metadata names as the author, shown on its own line under the headline: a translated
        # or syndicated story's source ("The Wall Street Journal" over "Traduit de l'anglais")
        shown_lines = {authorlib.compact(b.text) for b in w.blocks[top + 1 : header_end + 1] if len(b.text) <= 80}
        article.authors = [name for name, kind in entries if kind != "person" and not authorlib.is_person(name)
                           and authorlib.compact(name) in shown_lines][:1]
        # an aggregator's line naming the story's provider beside its date, over or under the text
        # ("<p class=article__service-name>TBS NEWS DIG")
        near = [*w.blocks[top + 1 : header_end + 1], *w.blocks[body_end + 1 : body_end + 4]]
        article.authors = article.authors or [b.text for b in near if _PROVIDER_CLS.search(b.owner.get("class") or "")
                                              and _provider_name(b.text)][:1]
    agencies: list[str] = list(visible.agencies)
    if not texts and meta_agencies:  # a wire story the page signs only in its metadata
        agencies += [a for a in (authorlib.agency_of(n) for n in meta_agencies) if a and a not in agencies]
    if not article.authors:
        signed = authorlib.read_byline([name for role, name in staff if role in ("author", "reporter")], outlets)
        article.authors = signed.people or signed.institutions[:1]
    if not article.authors:  # a name in capitals closing the article (Tempo, Tempo English)
        signature = authorlib.read_byline([name for role, name in staff if role == "signature"][-1:], outlets)
        article.authors = signature.people or signature.institutions[:1]
        agencies += [a for a in signature.agencies if a not in agencies]
    if not article.authors:  # "[엔터미디어=정덕현의 이슈공감] …": the opening bracket signs a Korean article
        credit = next((c for p in paragraphs[:3] if p.kind == "paragraph" and (c := bylines.opening_credit(p.text))),
                      None)
        article.authors = [credit] if credit else []
    if not article.authors and not texts:  # "Jane Doe is a professor of …" in italics closing an opinion piece
        article.authors = _author_note(w.blocks[max(body_start, body_end - 2) : body_end + 1], outlets)
    if not article.authors:  # "14.06.2019 (ch)" by the headline, "so" alone in the author box
        near = [b.text for b in w.blocks[max(0, top - 3) : header_end + 1]] if top is not None else []
        inner = [element_text(d) for el in header_els for d in [el, *el.find_all(["span", "a", "strong", "b"])]]
        signed_by = bylines.initials(near, inner) or bylines.source_line(near)
        article.authors = [signed_by] if signed_by else []
    last = next((p.text for p in reversed(paragraphs) if p.kind == "paragraph"), "")
    if (signed_wire := boilerplate.copyright_signature(last)) and (wire := authorlib.agency_of(signed_wire[0])):
        agencies += [wire] if wire not in agencies else []  # "… (c)AFP/Aminu ABUBAKAR" closing the text
        article.authors = article.authors or [signed_wire[1]]
    if not article.authors and not texts and (signed := boilerplate.closing_signature(last)):
        # "… bleibt spannend. (Christian P. Stadtfeld) +++", "… vor acht. (dpa)": the text signed at its end
        wire = authorlib.agency_of(signed)
        if wire or (authorlib.is_person(signed) and 2 <= len(signed.split()) <= 4
                    and all(w[0].isupper() for w in signed.split())):
            article.authors = [signed]
            agencies += [wire] if wire and wire not in agencies else []
    if not article.authors:  # "© dpa-AFX | Abb.: Fraport | 07.11.2023 08:03" under the text: the wire's copyright
        for b in w.blocks[body_end : body_end + 4]:
            if (owned := _WIRE_COPYRIGHT.match(b.text)) and (wire := authorlib.agency_of(owned.group(1))):
                article.authors = [owned.group(1)]
                agencies += [wire] if wire not in agencies else []
                break
    if article.authors and all(authorlib.is_desk(a) for a in article.authors) and last.lstrip().startswith(
            ("-", "–", "—")):
        # "By National Desk" over the story, "-- By Michael Russell" closing it: the desk posted what he wrote
        signed_by = authorlib.read_byline(bylines.closing_lines([last.lstrip(" -–—")]), outlets).people
        article.authors = signed_by or article.authors
    staff = [(role, name) for role, name in staff if role != "signature"]
    article.contributors = [Contributor(name=a, role="author") for a in article.authors
                            if authorlib.is_person(a)]
    if sel_byline:  # "Penulis : A Editor : B" boxes also name the desk
        staff.extend((r, n) for r, n in boilerplate.staff_pairs(sel_byline) if r != "author")
    for role, name in staff:
        for n in authorlib.split_byline(name):
            if authorlib.is_person(n) and not any(c.name == n and c.role == role for c in article.contributors):
                article.contributors.append(Contributor(name=n, role=role))  # type: ignore[arg-type]

    # dateline (the first paragraph keeps the text as is)
    first = next((p.text for p in paragraphs if p.kind == "paragraph"), None)
    if first:
        lead = next((b.lead for b in body_blocks if b.text == first), "")
        city, agency = boilerplate.dateline(first, lead, outlets)
        article.dateline = city
        if agency:
            found = authorlib.agency_of(agency.split("/")[0])
            if found and found not in agencies:
                agencies.append(found)
    for p in paragraphs[-2:]:
        for name in boilerplate.contributing_agencies(p.text):
            found = authorlib.agency_of(name)
            if found and found not in agencies:
                agencies.append(found)
    for el in candidates:  # "<strong class="c-signature__agency">UOL</strong>": the page names its agency
        name = element_text(el)
        if _AGENCY_CLS.search(el.get("class") or "") and 2 <= len(name) <= 40 and not any(
                a.lower() == name.lower() for a in agencies):
            agencies.append(authorlib.agency_of(name) or name)
    article.agencies = agencies

    # section and tags
    # the article's own <h1>, the one that reads as its title: the section menu sits above it, the tags below
    title_h1_at, headline = next(((at, el) for (t, at), el in zip(w.h1, w.h1_tags, strict=True)
                                  if title and _similar(t, title)), (None, None))
    article.section, article.subsection = (sectionlib.clean(v)
                                           for v in _section(meta, soup, selectors, title, url, w, headline))
    if selectors.get("tags"):
        article.tags = _dedupe(element_text(el) for el in soup.select(selectors["tags"]))
    if not article.tags:
        shown = tagslib.visible_tags(w.topic_links, title_h1_at)
        declared = meta.tags_list()
        marked = soup.find(attrs={"itemprop": "keywords"}) if "keywords" in prepared.text else None
        if marked is not None and not meta.all("article:tag"):  # schema.org microdata beats the SEO meta
            declared = _dedupe(k.strip() for k in (marked.get("content") or marked.get_text()).split(",")) \
                or declared
        declared = tagslib.keyword_list(declared, f"{article.description or ''} {body_sample}")
        # the list shown wins, unless it is a shortened view of the declared one ("tags--snippet")
        longer = {t.lower() for t in shown} < {t.lower() for t in declared}
        article.tags = declared if longer or not shown else shown
    article.tags = tagslib.clean_tags(article.tags)

    collector = ImageCollector(url)
    text_at = _text_start(body_blocks, h1_pos)
    for ref in kept:
        src = ref.element.get("data-image") if ref.element.get("data-image") else None
        if not src and ref.url_source is not None:
            src = image_url(ref.url_source, url)
        alt = ref.url_source.get("alt") if ref.url_source is not None else None
        collector.add(src, ref.caption, alt, ref.credit,
                      lead=ref.position <= text_at and _lead_shown(ref.url_source or ref.element, url, own_pages),
                      large=_large_file(ref.url_source or ref.element))
    covers = meta.images()
    collector.set_cover(covers[0] if covers else None, portrait=lambda i: _author_portrait(i, article.authors))
    cover_file = next((urlsplit(i.url).path.rsplit("/", 1)[-1] for i in collector.images if i.is_cover), "")
    links = soup.find_all("a", href=re.compile(re.escape(cover_file)), limit=3) if len(cover_file) >= 5 and re.search(
        rf"""href\s*=\s*["'][^"']*{re.escape(cover_file)}""", prepared.text) else []
    collector.describe_cover((ref.url_source for ref in w.images if ref.url_source is not None), describe, links)
    article.images = [i for i in collector.images if not _author_portrait(i, article.authors)]
    for p in paragraphs[-3:]:  # "Header Image: … Credit: …" closing the text describes the lead picture
        described = lead_picture_line(p.text)
        if described is not None and article.images:
            lead = next((i for i in article.images if i.is_cover), article.images[0])
            if not lead.caption and not lead.credit:
                lead.caption, lead.credit = described
            paragraphs.remove(p)
            break
    # a credits line closing the text, or set just under it ("<h6>Photos: Getty Images</h6>")
    closing = [p.text for p in paragraphs[-2:]]
    closing += [b.text for b in w.blocks[max(body_start, body_end - 2) : body_end + 3]]
    page_credit = next((c for t in closing if (c := images_credit_line(t))), None)
    for image in article.images if page_credit else []:  # "[사진=MBC, SBS]" closing the text credits them all
        image.credit = image.credit or page_credit

    if meta.is_collection():  # a section front: its bylines and pictures are the listed stories', its dates its own
        article.authors, article.contributors, article.images = [], [], []
        article.published_at = article.updated_at = None
    og_type = (meta.first("og:type") or "").lower()
    # a blog's index or archive: its bylines, dates and pictures are the posts'; unless the page says it is
    # one item (a video page routed through a WordPress home template keeps "home blog" on its <body>)
    if _listing_body(soup.body) and not og_type.startswith(("article", "video", "music", "book")):
        article.authors, article.contributors, article.images = [], [], []
        article.published_at = article.updated_at = None

    ctx = HookContext(soup=soup, meta=meta)
    for name in [*(profile.hooks if profile else []), *(version.hooks if version else [])]:
        fn = HOOKS.get(name)
        if fn is not None:
            fn(article, ctx)
    return article


_PHOTO_CLS = re.compile(r"photo|foto|image|(?<![a-z])img|caption|figure|gallery", re.IGNORECASE)
_BYLINE_TOKEN = re.compile(r"byline|author", re.IGNORECASE)
_PROVIDER_CLS = re.compile(r"(?<![a-z])(?:provider|(?:service|source|media)[-_]?name)(?![a-z])", re.IGNORECASE)


def _provider_name(text: str) -> bool:
    """A provider is named in a few words, without the digits of a date or the verb of a credit line."""
    return 0 < len(text.split()) <= 5 and len(text) <= 40 and not any(c.isdigit() for c in text) \
        and not authorlib.is_interface_text(text)


_COMMENTS_CLS = re.compile(r"comment|(?<!cor)respond|reply|disqus|discussion", re.IGNORECASE)  # not "correspondent"


def _in_comments(el: Tag) -> bool:
    """A byline-looking element of the comments area or a form ("Nama (wajib)" labels a comment form)."""
    node: Tag | None = el
    for _ in range(10):
        if node is None or node.name in ("body", "html"):
            return False
        if node.name in ("form", "label") or _COMMENTS_CLS.search(f"{node.get('class') or ''} {node.get('id') or ''}"):
            return True
        if _READER_ITEM.search(node.get("itemtype") or ""):
            return True
        node = node.parent
    return False


def _designers(text: str) -> set[str]:
    """Names the page credits for its theme or design ("Theme by Peter Amende"), compact; read around the few
    places the words occur, not by a regex over the whole page."""
    low = text.lower()
    out: set[str] = set()
    for word in ("theme ", "design", "template "):
        pos = 0
        while (pos := low.find(word, pos)) >= 0:
            out |= {authorlib.compact(n) for n in _DESIGNED_BY.findall(text[max(0, pos - 12) : pos + 160])}
            pos += len(word)
    return out


_DESIGNED_BY = re.compile(r"(?:theme|design|designed|webdesign|template)\s+(?:by|von|par|por)\s*:?\s*"
                          r"(?:<a\b[^>]*>\s*)?([^<>\n]{3,40}?)\s*<", re.IGNORECASE)
# a reader's review or comment, in schema.org microdata: its author and date are not the article's
_READER_ITEM = re.compile(r"schema\.org/(?:Review|Comment|UserComments)\b")


# widgets whose pictures are not the article's (related stories, share bars, author boxes, navigation)
_IMG_CHROME = re.compile(
    r"related|recommend|popular|populer|trending|sidebar|comment|author|avatar|profile|"
    r"(?:share|sharing|social)(?![-_]?(?:pic|img|image|photo))|"  # "ArticleSharePic" is the picture shared
    r"(?<![a-z])bio(?![a-z])|newsletter|promo|advert|sponsor|outbrain|taboola|mgid|more-?stories|read-?more|"
    r"baca-?juga|terkait|(?<![a-z])nav|menu|(?:next|prev|previous)-?(?:post|story|stories|article|up)|up-?next|"
    r"playlist|(?<![a-z])mood|reactions?|emoji|emotions?|(?<![a-z])motions|(?<![a-z])vot(?:e|ing)(?![a-z])|(?<![a-z])poll(?![a-z])",
    re.IGNORECASE,
)


# the box of a header picture that is no photo of the story: a logo, the writer's photo
_PLAYLIST = re.compile(r"playlist", re.IGNORECASE)
_HEADER_CHROME = re.compile(r"logo|avatar|author|byline|profile|(?<![a-z])bio(?![a-z])|sponsor|advert|promo", re.I)


def _author_portrait(image: Image, authors: list[str]) -> bool:
    """The writer's head shot: a picture captioned or described with an author's name, or whose file is named
    after one ("author-corey-kilgannon-thumbLarge.jpg", "BenRomano-copy-100x100.jpg")."""
    names = {authorlib.compact(a) for a in authors if len(authorlib.compact(a)) >= 6}
    if not names:
        return False
    if authorlib.compact(authorlib.without_label(image.caption or "")) in names:
        return True  # "Jane Roe", "Von Jennifer Patt" under her head shot
    if authorlib.compact(image.alt or "") in names:
        # a picture of the writer with a caption of its own is the story's ("BEACH BABE: Helen …"); one whose
        # caption opens with the name is the author box's ("By Jo Reed is a science writer …")
        opening = authorlib.compact(authorlib.without_label(image.caption or "")[:80])
        if not image.caption or any(opening.startswith(n) for n in names):
            return True
    folder, _, file_name = urlsplit(image.url).path.lower().rpartition("/")
    if (square := _SQUARE_FILE.search(file_name)) and square.group(1) == square.group(2):
        # a square picture named after the writer alone ("mattias-400x400.jpg" by Mattias Geniar): a head shot
        stem = re.sub(r"[^a-z]", "", file_name[: square.start()])
        if stem and any(stem == authorlib.compact(w) for a in authors for w in a.split() if len(w) >= 4):
            return True
    if not _PORTRAIT_FILE.search(file_name):  # a photo may carry its photographer's name ("…-tantri-setyorini.jpg")
        return False
    # the name in the file, or in its own folder ("/contributors/ben-walsh/headshot.jpg")
    letters = re.sub(r"[^a-z]", "", file_name + folder.rsplit("/", 1)[-1])
    return any(n in letters for n in names if n.isascii())


_SQUARE_FILE = re.compile(r"[-_](\d{2,4})x(\d{2,4})\.\w+$")
# a file named for a portrait: "author-…", "…-headshot", "…-reporter_4616217", a thumbnail of 100x100
_PORTRAIT_FILE = re.compile(r"(?:^|[-_.])(?:author|authors|avatar|profile|headshot|byline|mug|mugshot|portrait|"
                            r"reporter|columnist|contributor|writer|bio)(?:[-_.]|$)|-(?:[1-9]\d|1[0-4]\d)x"
                            r"(?:[1-9]\d|1[0-4]\d)\.")


def _same_template(cls: str | None, headline_cls: str) -> bool:
    """Two headline classes from one template: "post-title left" and "post-title left entry-title"."""
    a, b = set((cls or "").split()), set(headline_cls.split())
    return bool(a) and (a <= b or b <= a)


# an id made from a headline ("debt-as-a-share-of-gdp") names the content, not a widget's role
_SLUG = re.compile(r"\S*-(?:a|an|as|of|the|in|on|to|for|and|with|how|why|what)-\S*")


# a BEM modifier that is the block's kind, not its look ("list--related"; "header--social-icons-position" is a look)
_CHROME_MODIFIER = re.compile(r"--(?:related|recommended|popular|trending|more-stories|teasers?)(?![\w-])")


def _in_chrome(el: Tag, container: Tag | None, levels: int = 10_000, marks: re.Pattern[str] = _IMG_CHROME) -> bool:
    """A picture inside the body container (or in its own box in the header) that belongs to a widget, not to
    the article."""
    node: Tag | None = el
    while node is not None and node is not container and levels > 0:
        if marks.search(_SLUG.sub("", class_marker(node))):
            return True
        if marks is _IMG_CHROME and "--" in str(node.get("class") or "") \
                and _CHROME_MODIFIER.search(str(node.get("class"))):
            return True  # a block whose modifier names its kind: "list list--related"
        node = node.parent
        levels -= 1
    return False


_IMAGE_FILE = re.compile(r"\.(?:jpe?g|png|gif|webp|avif)(?:[?#]|$)", re.IGNORECASE)


def _label_line(text: str) -> bool:
    """A few words that are no sentence: a kicker, a section's name, a button."""
    return len(text.split()) <= 8 and not text.rstrip("\"'”’»)").endswith((".", "!", "?", "…"))


def _text_start(body_blocks: list[Block], headline_at: int | None) -> int:
    """Where the article's text starts: its first real paragraph after the headline, past a standfirst (set in
    bold, or classed as one), which may stand above the lead picture."""
    after = -1 if headline_at is None else headline_at
    return next((b.index for b in body_blocks if b.index > after and _is_prose(b) and b.bold < 0.8 * len(b.text)
                 and not _LEDE_CLS.search(f"{b.owner.get('class') or ''} {b.owner.get('id') or ''}")), 1 << 30)


def _header_end(body_blocks: list[Block], body_start: int, after: int = -1) -> int:
    """The last block of the article's header: just before the first real paragraph after the headline, or
    two blocks past the headline on a page with no real paragraph (a photo post: headline, date line, picture)."""
    texts = [b.index for b in body_blocks if _is_prose(b)]
    end = next((i - 1 for i in texts if i > after), body_start + 2 if texts else max(body_start, after) + 2)
    return max(body_start + 2, end)


def _cover_of(img: Tag, headline: Tag | None) -> bool:
    """A picture set before the headline in the headline's own box: a cover layout ("article-head--cover"),
    where the box holds the picture and the headline with its kicker and standfirst, nothing else."""
    if headline is None or img.find_parent("a") is not None:
        return False
    node = img.parent
    for _ in range(3):
        if node is None or node.name in ("body", "html"):
            return False
        if any(p is node for p in headline.parents):
            return len(element_text(node)) <= len(element_text(headline)) + 400 and node.find("nav") is None
        node = node.parent
    return False


def _banner(img: Tag, page_site: str) -> bool:
    """An advertisement: a link to another site's page around a picture that is a banner by its shape (declared,
    or named in its file, at least four times wider than high: 728x90, 700x150), or that the link marks as
    paid (`rel=sponsored`), or an animated GIF under a `rel=nofollow` link. Article pictures linking to a shop
    or a source keep photo proportions and plain links."""
    link = next((p for p in islice(img.parents, 3) if p.name == "a"), None)
    if link is None:
        return False
    href = (link.get("href") or "").strip()
    if not href.startswith(("http://", "https://", "//")) or _IMAGE_FILE.search(href) \
            or site_of(urljoin("https://x/", href)) == page_site:
        return False
    rel = str(link.get("rel") or "").lower().split()
    file_name = urlsplit(str(img.get("src") or "")).path.rsplit("/", 1)[-1]
    if "sponsored" in rel or ("nofollow" in rel and file_name.lower().endswith(".gif")):
        return True
    try:
        width, height = float(str(img.get("width") or 0)), float(str(img.get("height") or 0))
    except ValueError:
        width = height = 0.0
    if not height and (boxed := _NAMED_SIZE.fullmatch(str(img.get("data-box") or ""))):
        width, height = float(boxed.group(1)), float(boxed.group(2))  # its style's size (CKEditor's "width:564px")
    if not height and (named := _NAMED_SIZE.search(file_name)):
        width, height = float(named.group(1)), float(named.group(2))
    return bool(height) and width >= 4 * height


_NAMED_SIZE = re.compile(r"(?<![\d])(\d{2,4})x(\d{2,4})(?!\d)")


def _variants_box(img: Tag) -> Tag | None:
    """The box holding a picture's versions for several screen widths: siblings that declare the widths they
    are shown at (`data-min-width` / `data-max-width`, as ai2html writes its artboards)."""
    node = img.parent
    for _ in range(2):
        if node is None:
            return None
        if node.get("data-min-width") is not None or node.get("data-max-width") is not None:
            return node.parent
        node = node.parent
    return None


def _page_key(url: str) -> str:
    parts = urlsplit(url)
    return f"{(parts.hostname or '').removeprefix('www.').removeprefix('m.')}{parts.path.rstrip('/')}"


_CAPTION_BOX = re.compile(r"caption|credit|legend|copyright", re.IGNORECASE)


def _is_caption_box(el: Tag) -> bool:
    return el.name == "figcaption" or (el.name in ("span", "div", "p", "small") and bool(
        _CAPTION_BOX.search(el.get("class") or "")))


def _is_description(el: Tag) -> bool:
    """A description inside a picture's own link (its lightbox's "article__photo__desc") is its caption;
    beside a teaser's link ("deals-desc") it is the teaser's text."""
    return _is_caption_box(el) or (el.name in ("span", "div", "p") and "desc" in (el.get("class") or ""))


def _only_a_date(text: str) -> bool:
    """A byline box's date line ("April 15, 2019 6:18am" in `div.a-article-grid__author`): no byline at all."""
    if len(text) > 60 or not dates.find_dates(text, None):
        return False
    words = [w for w in re.findall(r"[^\W\d_]+", text) if w.lower() not in dates.MONTHS]
    return sum(len(w) for w in words) <= 6  # "am", "at", "ET" and the like


def _teaser_byline(el: Tag, page_url: str, own_pages: set[str]) -> bool:
    """A byline under a teaser's linked headline ("<li><a href=/other-story><h2>…</h2></a><div class=byline>", or
    the link inside the heading): another story's writer, in a rail of teasers above or beside the article."""
    node = el.parent
    page_site = site_of(page_url)
    card = el.find_parent("a")  # the whole card is one link to its story ("<a class=teaser__body href=…>")
    if card is not None and (href := (card.get("href") or "").strip()) and not href.startswith(("#", "javascript:")):
        absolute = urljoin(page_url, href)
        if site_of(absolute) == page_site and _page_key(absolute) not in own_pages:
            return True
    for _ in range(3):
        if node is None or node.name in ("body", "main"):
            return False
        tags = []  # one pass over a small box (bs4's find_all costs more than the walk itself here)
        for d in node.descendants:
            if isinstance(d, Tag):
                tags.append(d)
                if len(tags) >= 30:
                    return False  # past a card: the article's own box holds links to other stories too
        for link in [t for t in tags if t.name == "a" and t.get("href")][:4]:
            href = link["href"].strip()
            if href.startswith(("#", "javascript:", "mailto:")) or any(p is link for p in el.parents):
                continue
            absolute = urljoin(page_url, href)
            if _page_key(absolute) in own_pages or site_of(absolute) != page_site:
                continue
            if any(isinstance(h, Tag) and h.name in _CARD_HEADINGS and len(element_text(h).split()) >= 3
                   for h in link.descendants):
                return True
            if link.parent is not None and link.parent.name in _CARD_HEADINGS \
                    and len(element_text(link).split()) >= 3:
                return True  # "<h4 class=inline-article__title><a href=/other-story>…</a></h4>"
        if node.name == "article":
            return False  # a small <article> was the card itself; a large one is the article's own box
        node = node.parent
    return False


_CARD_HEADINGS = frozenset(["h2", "h3", "h4", "h5"])


# a box's heading that invites the reader to the site's channels, newsletters or app
_PROMO_HEADING = re.compile(
    rf"\b(?:join (?:our|the)\b.{{0,40}}\b(?:community|channel|group|newsletter|whatsapp|telegram)|{PROMO_WORDS}|"
    r"follow us on|abonnieren|abonnez-vous|suscríbete)\b", re.IGNORECASE)


def _promo_box(img: Tag) -> bool:
    """A picture in a box that opens with a heading inviting the reader to join, subscribe or install: a
    promotion."""
    node = img.parent
    for _ in range(4):
        if node is None or node.name in ("body", "article", "main"):
            return False
        # the box opens with the invitation: a heading among its first few tags (a big box is not walked)
        heading = next((t for t in islice((d for d in node.descendants if isinstance(d, Tag)), 4)
                        if t.name in ("h2", "h3", "h4")), None)
        if heading is not None and _PROMO_HEADING.search(title := element_text(heading)) \
                and len(text := element_text(node)) <= 1500 and text.startswith(title):
            return True
        node = node.parent
    return False


def _card_grid(link: Tag, page_url: str) -> bool:
    """The link is one of three or more alike items (`<li>`s, or boxes of one class) that each link a picture to
    another page of the site."""
    item = link if link.parent is None or link.parent.name not in ("li", "div", "article") else link.parent
    if item.parent is None:
        return False
    items = [it for it in item.parent.find_all(item.name, recursive=False, limit=12)
             if it.get("class") == item.get("class")]
    site = site_of(page_url)
    targets = {target for it in items
               if (a := it if it.name == "a" else it.find("a", href=True)) is not None and a.get("href")
               and a.find("img") is not None and site_of(target := urljoin(page_url, a["href"])) == site}
    return len(items) >= 3 and len(targets) >= 3


_VIDEO_BOX = re.compile(r"video|player", re.IGNORECASE)
# a picture's width asked of its server ("?w=105&h=105"); a small width attribute drops the picture before
_QUERY_WIDTH = re.compile(r"[?&](?:w|width)=(\d{2,4})\b")


def _large_file(img: Tag) -> str | None:
    """The image file a picture's own link opens (a lightbox's "<a href=…/1280_….png><img src=…/668_….png>")."""
    link = img.parent if img.parent is not None and img.parent.name == "a" else None
    href = str(link.get("href") or "").strip() if link is not None else ""
    return href if _IMAGE_FILE.search(href) else None


def _author_link(img: Tag) -> bool:
    node = img.parent
    for _ in range(3):
        if node is None or node.name in ("body", "article", "main"):
            return False
        if node.name == "a" and "author" in str(node.get("rel") or ""):
            return True
        node = node.parent
    return False


def _lead_shown(img: Tag, page_url: str, own_pages: set[str]) -> bool:
    """A picture above the text that can stand for the story: not a thumbnail (under 250 px wide), not a link to
    another page (the writer's profile beside the byline), not a video's poster (a frame of the video, while the
    share picture is often another)."""
    if (sized := _QUERY_WIDTH.search(str(img.get("src") or ""))) and int(sized.group(1)) < 250:
        return False
    node, href = img.parent, ""
    for _ in range(4):
        if node is None or node.name in ("body", "article", "main"):
            break
        if node.name == "a" and not href:
            href = (node.get("href") or "").strip()
        if _VIDEO_BOX.search(f"{node.get('class') or ''} {node.get('id') or ''}"):
            return False
        node = node.parent
    return not href or href.startswith("#") or bool(_IMAGE_FILE.search(href)) \
        or _page_key(urljoin(page_url, href)) in own_pages


def _teaser(img: Tag, page_url: str, own_pages: set[str]) -> bool:
    """A thumbnail linking another page that a headline or a sentence of link text (in the same link or
    a link beside it) also links: a teaser card for another story. A picture linking its own large size,
    the page itself, or a gallery without words is the article's."""
    link, node = None, img.parent
    for _ in range(6):
        if node is None or node.name in ("body", "article", "main"):
            return False
        if node.name == "a":
            link = node
            break
        node = node.parent
    if link is None:
        return False
    href = (link.get("href") or "").strip()
    if not href or href.startswith(("#", "javascript:", "mailto:")) or _IMAGE_FILE.search(href):
        return False
    absolute = urljoin(page_url, href)
    target = _page_key(absolute)
    if target in own_pages or site_of(absolute) != site_of(page_url):
        return False  # the page itself, or another site: a shop or a source the picture shows
    own_slugs = {part for page in own_pages for part in page.split("/")[1:] if len(part) >= 16}
    if own_slugs.intersection(target.split("/")[1:]):
        return False  # the story's own gallery or photo page, filed under its slug or id
    if any(len(element_text(h).split()) >= 3 for h in link.find_all(["h2", "h3", "h4", "h5"], limit=3)):
        return True
    described: list[str] = []

    def own_words() -> set[str]:
        """The picture's own caption and credit, linked or not, are no headline: the words of the caption
        elements around it (read only when needed)."""
        if not described:
            box = link.parent.parent if link.parent is not None and link.parent.parent is not None else link
            described.append(" ".join(element_text(el) for el in box.find_all(_is_caption_box, limit=6)))
        return set(described[0].split())

    words = element_text(link).split()
    if len(words) >= 4:
        inside = set(" ".join(element_text(el) for el in link.find_all(_is_description, limit=3)).split())
        if len(words) - len(inside & set(words)) >= 4:
            return True
    if len(words) >= 3 and _card_grid(link, page_url):
        return True  # "<li><a href=/other-story><figure><img><figcaption>Planned council tax hikes": a grid's card
    card = link.parent
    for _ in range(3):
        # an `<article>` is read only as a small card ("<article class=teaser>"), never as the story's own box
        if card is None or card.name in ("body", "main") or (card.name == "article" and sum(
                1 for _ in islice(card.descendants, 120)) >= 120):
            return False
        for other in card.find_all("a", href=True, limit=12):
            if other is link:
                continue
            text = set(element_text(other).split())
            if len(text) >= 3 and _page_key(urljoin(absolute, other["href"].strip())) == target \
                    and len(text - own_words()) >= 3:
                return True
        if card.name == "article":
            return False
        card = card.parent
    return False


def _outlets(meta: Meta, site: str | None, url: str, profile: profiles.Profile | None) -> set[str]:
    """Compact forms of the names the site goes by ("usatoday", "floridatoday", "foxbusiness")."""
    names = [meta.site_name(), meta.publisher_name(), site, profile.site if profile else None]
    host = (urlsplit(url).hostname or "").removeprefix("www.").removeprefix("m.")
    names.append(host.split(".")[0] if host else None)
    if site:
        names.append(site.split(".")[0])
    return {authorlib.compact(n) for n in names if n and authorlib.compact(n)}


def _in_photo(el: Tag) -> bool:
    """A byline-looking element that credits a photo (Kompas puts `span.author` in the photo box)."""
    node: Tag | None = el
    for _ in range(4):
        if node is None or node.name in ("body", "article", "main"):
            return False
        tokens = [t for t in (node.get("class") or "").split() if not _BYLINE_TOKEN.search(t)]  # "byline-images"
        if node.name in ("figure", "figcaption") or any(_PHOTO_CLS.search(t) for t in tokens):
            return True
        node = node.parent
    return False


# a "not found" page served in place of a story: "Page not found | Site", "404 - Seite nicht gefunden"
_NOT_FOUND = re.compile(
    r"^\s*(?:(?:error\s*)?404\b(?:\s*(?:error|[-–:|]?\s*(?:page\s+)?not\s+found))?|(?:page|file|article)\s+not\s+found|"
    r"not\s+found|seite nicht gefunden|halaman tidak ditemukan|p[áa]gina no encontrada|page introuvable|"
    r"pagina non trovata|pagina niet gevonden|p[áa]gina n[ãa]o encontrada|nie znaleziono strony|"
    r"找不到(?:页面|網頁|网页)|页面不存在|ページが見つかりません|페이지를 찾을 수 없습니다)\s*(?:$|[|\-–—·•:])",
    re.IGNORECASE,
)


def _not_found(title: str | None, body: Tag | None) -> str | None:
    """The page's own word that it is missing: its `<title>` opens with "Page not found" (or "404"), or
    WordPress marks `<body class="error404">`."""
    if title and _NOT_FOUND.match(title):
        return title
    return "error404" if body is not None and "error404" in (body.get("class") or "").split() else None


def _listing_body(body: Tag | None) -> bool:
    """WordPress marks the page type on `<body>`: "home blog", "archive category" list posts; a single post
    says "single postid-42", a page "page page-id-5"."""
    tokens = set(((body.get("class") or "") if body is not None else "").split())
    return bool(tokens & {"blog", "archive", "search-results"}) and not any(
        t in ("single", "page") or t.startswith(("postid-", "page-id-")) for t in tokens)


def _dedupe(values) -> list[str]:  # type: ignore[no-untyped-def]
    seen: set[str] = set()
    out = []
    for v in values:
        if v and v.lower() not in seen:
            seen.add(v.lower())
            out.append(v)
    return out
