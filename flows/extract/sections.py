"""Where a page files its article when no breadcrumb markup or metadata says so.

Three signals a reader also uses: a short trail that starts with a link home ("Home > National"), the
highlighted entry of the top menu (`<li class="active"><a>Nasional</a>`), and the first folder of the
URL ("/showbiz/film/..."). Each is checked against the page's headline position or shape so a footer,
a tab widget or an article slug does not pass.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup, Tag

from flows.extract.html import element_text

HOME = ("home", "beranda", "index", "news", "berita", "homepage", "depan", "inicio", "início", "accueil", "startseite",
        "главная", "홈")
# site pages a footer trail links to after "Home"
_SITE_PAGE = re.compile(r"about|contact|privacy|terms|redaksi|kontak|tentang|pedoman|karir|career|iklan|advertis|"
                        r"sitemap|disclaimer|help|bantuan|login|masuk|daftar|register|subscribe", re.IGNORECASE)
_STEP = re.compile(r"[›>»/→|:]")
_TRAIL_CLS = re.compile(r"map|path|trail|crumb|location|lokasi", re.IGNORECASE)
_ACTIVE = re.compile(r"(?<![a-z])(?:active|current|selected)(?![a-z])|current-menu|current-cat", re.IGNORECASE)
# URL folders that say "an article", not where it is filed
_GENERIC_FOLDER = frozenset([
    "berita", "news", "read", "article", "articles", "story", "stories", "post", "posts", "p", "id", "en", "amp",
    "m", "www", "index", "detail", "html", "content", "artikel", "baca", "view", "item", "items", "news-detail",
    "berita-detail", "sites", "site", "wp", "u", "user", "users", "author", "profile", "entry", "doc", "a", "s", "c",
])


def home_trail(soup: BeautifulSoup) -> list[str]:
    """A breadcrumb without breadcrumb markup: 2-5 links in a short box, the first one home."""
    seen = 0
    for a in soup.descendants:
        if not isinstance(a, Tag) or a.name != "a":
            continue
        seen += 1
        if seen > 600:
            break
        label = a.string if a.string is not None else a.get_text()
        if len(label) > 40 or not label.strip().lower().startswith(HOME):
            continue
        box = a.parent
        for _ in range(3):
            if box is None or box.name in ("body", "html"):
                break
            links = box.find_all("a", limit=7)
            if links and links[0] is a and 2 <= len(links) <= 5 and len(element_text(box)) <= 150:
                names = [element_text(x).strip(" »>/|›") for x in links[1:]]
                between = element_text(box)
                for x in links:
                    between = between.replace(element_text(x), " ", 1)
                # a trail shows its steps ("Home › National"); a menu of links side by side does not
                stepped = _STEP.search(between) or _TRAIL_CLS.search(f"{box.get('class') or ''} {box.get('id') or ''}")
                while names and names[0].lower().startswith(HOME):  # "Home › Berita › Jurnal Haji"
                    names = names[1:]
                if names and stepped and all(n and len(n) <= 40 and "." not in n and not _SITE_PAGE.search(n)
                                                 for n in names):
                    return names
                break
            box = box.parent
    return []


def active_menu(soup: BeautifulSoup, headline: Tag | None) -> str | None:
    """The highlighted entry of a menu above the headline (a tab widget below it does not count)."""
    if headline is None:
        return None
    for el in soup.descendants:
        if el is headline:
            return None
        if not isinstance(el, Tag) or el.name != "li" or not _ACTIVE.search(str(el.get("class") or "")):
            continue
        menu = el.parent
        if menu is None or len(menu.find_all("li", recursive=False)) < 4:
            continue
        link = el.find("a")
        name = element_text(link) if link is not None else ""
        if name and len(name) <= 30 and not name.lower().startswith(HOME):
            return name
    return None


def url_folder(url: str) -> str | None:
    """The first folder of the article's path that names a section: "/showbiz/film/x" -> "showbiz",
    "/berita/jurnal-haji/berita-jurnal-haji/17/02/x" -> "jurnal haji"."""
    segments = [unquote(s) for s in urlsplit(url).path.split("/") if s]
    for seg in segments[:-1]:  # the last one is the article's own slug or id
        low = seg.lower()
        if low in _GENERIC_FOLDER or not re.fullmatch(r"[a-z][a-z-]{1,24}", low) or low.count("-") > 2 \
                or re.fullmatch(r"[a-z]{2}-[a-z]{2}", low):  # a locale ("/en-us/")
            continue
        return low.replace("-", " ")
    return None


def clean(name: str | None) -> str | None:
    """A section as a name: the first of a packed list ("game,news,slider" -> "game"), never a domain
    ("gizmodo.com") or a mere punctuation."""
    if not name:
        return None
    name = " ".join(re.split(r"\s*[,;|]\s*", name.strip())[0].split())
    if not any(c.isalnum() for c in name) or re.search(r"\.(?:com|net|org|co|id|in|uk|de|ru)$", name, re.IGNORECASE):
        return None
    return name
