"""The byline strings a reader sees: from elements marked as bylines, nested as templates nest them.

Byline markup wraps the same names several times (`div.byline > div.author > a.author`) and glues
buttons, handles and dates to them. The cleanest strings are, in order: an innermost element whose
text starts with a byline word ("By …", "Oleh …"); the name elements inside the byline (a link to an
author page, `itemprop=name`, a class that says "name"), links first; else the innermost elements.
"""

from __future__ import annotations

import re

from bs4 import Comment, Tag

from flows.extract.authors import POSTED_BY, credits_other_work, is_interface_text
from flows.extract.html import element_text, inline_text
from flows.extract.language import HAN, KANA

_LABEL_START = re.compile(
    r"^(?:(?:[A-Z][\w-]*\s+){1,2}by\b|by|oleh|penulis|reporter|wartawan|pewarta|written by|words by|story by|"
    rf"{POSTED_BY}|author|autor|auteur|"
    r"par|von|por|door|av|przez|автор|текст|laporan wartawan)\b\s*:?\s*\S",
    re.IGNORECASE,
)
_NAME_CLS = re.compile(r"(?:^|[-_\s])(?:name|fn|author-?link)(?:$|[-_\s])|__name", re.IGNORECASE)
_AUTHOR_HREF = re.compile(
    r"/(?:author|authors|autor|auteur|by|profile|profiles|people|staff|writer|writers|reporter|reporters|penulis|"
    r"contributor|contributors|journalist|journalists|columnist|columnists|user|redaktion|redaccion|redacao|redazione)"
    r"s?(?:/|\?|$|-)|[?&]author=",
    re.IGNORECASE,
)
_MAX = 150


def _kind(el: Tag) -> tuple[str, str, str]:
    """Tag, first class and parent's tag: what the items of one list of bylines share."""
    return el.name, (el.get("class") or "").split(" ", 1)[0], el.parent.name if el.parent is not None else ""


def _innermost(elements: list[Tag]) -> list[Tag]:
    ids = {id(e) for e in elements}
    inner = []
    for e in elements:
        if not any(id(d) in ids for d in e.find_all(True)):
            inner.append(e)
    return inner


def _outermost(elements: list[Tag]) -> list[Tag]:
    ids = {id(e) for e in elements}
    return [e for e in elements if not any(id(p) in ids for p in e.parents)]


def author_links(root: Tag) -> list[str]:
    """The names of links to writers' pages anywhere in `root` ("<a href=/redaktion/ann-marie-galazka>")."""
    return [t for a in root.find_all("a", href=_AUTHOR_HREF, limit=30)
            if 2 <= len((t := element_text(a)).split()) <= 4]


def _is_name_element(el: Tag) -> bool:
    if el.get("itemprop") in ("name", "author") or "author" in (el.get("rel") or ""):
        return True
    if el.name == "a" and _AUTHOR_HREF.search(el.get("href") or ""):
        return True
    return bool(_NAME_CLS.search(el.get("class") or ""))


def _label_and_name(el: Tag) -> str:
    """A labelled author box that also holds the writer's bio ("Published by / Daniel Lemire / A computer
    science professor at …") gives its label and the name its heading or name element shows."""
    text = element_text(el)
    label = _LABEL_START.match(text)
    for child in el.find_all(["h2", "h3", "h4", "h5", "strong", "b", "a", "span"]):
        name = element_text(child)
        if (child.name.startswith("h") or _is_name_element(child)) and 2 <= len(name.split()) <= 5 \
                and not text.startswith(name) and label is not None and len(text) > label.end() + len(name) + 20:
            return text[: label.end() - 1] + name
    return text


def byline_texts(elements: list[Tag]) -> list[str]:
    """The strings to read names from, cleanest first, from the byline elements of one area."""
    elements = [e for e in elements if element_text(e)]
    if not elements:
        return []
    labelled = [e for e in elements if len(element_text(e)) < _MAX and _LABEL_START.match(element_text(e))
                and not credits_other_work(element_text(e))]  # "Photography by X" labels someone else's work
    if labelled:
        out = [_label_and_name(e) for e in _innermost(labelled)]
        # "By A" opens a list whose other names come unlabelled in elements of the same kind
        # (`<li><div class="author has-bio">By A</div></li><li><div class="author">B</div></li>`)
        kinds = {_kind(e) for e in labelled}
        for e in _innermost(elements):
            text = element_text(e)
            if all(e is not x for x in labelled) and _kind(e) in kinds and 0 < len(text) < 60 and text not in out \
                    and not is_interface_text(text):
                out.append(text)
        return out
    named: list[Tag] = []
    seen: set[int] = set()
    for top in _outermost(elements):
        for el in [top, *top.find_all(["a", "span", "div", "strong", "b", "p", "h3", "h4", "h5", "li"])]:
            if id(el) not in seen and _is_name_element(el) and 0 < len(element_text(el)) < 80 \
                    and not credits_other_work(_label_before(el, top)):
                seen.add(id(el))
                named.append(el)
    if named:
        # a link to the writer's page beats a bare name; the box's "See All Articles" link is no name
        linked = [e for e in named if (e.name == "a" or e.find("a") is not None)
                  and not is_interface_text(element_text(e))]
        return [inline_text(e) for e in _innermost(linked or named)]
    return [_marked_segments(e) for e in _innermost(elements) if len(element_text(e)) < _MAX]


_SEGMENT_SEP = re.compile(r"\s+[|·•]\s+")


def _marked_segments(el: Tag) -> str:
    """A byline line of pipe-separated facts (or lines split by `<br>`) whose name the page sets in bold or as a
    link gives that name: "<strong>Jane Roe</strong> | Palma de Mallorca | 08/01/2014" names one writer, not a
    writer and a town."""
    text = _broken_lines(el) if el.find("br") is not None else inline_text(el)
    segments = _SEGMENT_SEP.split(text)
    if len(segments) < 2:
        return text
    marked = [t for m in el.find_all(["strong", "b", "a"]) if (t := element_text(m)) in segments]
    return " | ".join(marked) if marked and len(marked) < len(segments) else text


def _broken_lines(el: Tag) -> str:
    """A byline box's lines kept apart as the reader sees them ("Jane Roe<br>Madrid" is a name, then a place)."""
    lines: list[str] = [""]
    for node in el.descendants:
        if isinstance(node, Tag):
            if node.name == "br":
                lines.append("")
        elif not isinstance(node, Comment):
            lines[-1] += str(node)
    return " | ".join(line for t in lines if (line := " ".join(t.split())))


def _label_before(el: Tag, top: Tag) -> str:
    """The label a byline sets before a name ("<label>Photography by</label><span class=name>…"), looked for
    beside the name and beside its boxes up to the byline element."""
    node: Tag | None = el
    while node is not None and node is not top:
        prev = node.find_previous_sibling()
        if prev is not None and (text := element_text(prev)) and len(text) <= 40:
            return text
        node = node.parent
    return ""


# a date opening a meta line before its byline: "05/10/2018 - Publicado por: Clarissa Borba - Categoria: …"
# or its time and zone: "2/26/2015 7:11 AM PST BY TMZ STAFF"
_DATE_LEAD = re.compile(r"^\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}(?:[\s,]+\d{1,2}[:.]\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?"
                        r"(?:\s+[A-Z]{2,4}\b)?)?\s*[-–|·•]?\s*")


def header_lines(texts: list[str]) -> list[str]:
    """Short lines of the article's header that are bylines by their first word ("By Jane Doe"), after a
    leading date if there is one."""
    from flows.extract.dates import find_dates

    out = []
    for t in texts:
        lead = _DATE_LEAD.match(t)
        line = t[lead.end() :] if lead else t
        if len(line) < 120 and _LABEL_START.match(line):
            out.append(line)
        elif len(t) < 160 and (mid := _MID_LABEL.search(t)) and mid.start() <= 40 and any(
                ch.isdigit() for ch in t[: mid.start()]) and find_dates(t[: mid.start()], None, ""):
            out.append(t[mid.start(1) :])  # "Freitag | 14. Juni 2019 | 15:49 VON Sina Giebel IN Fashion"
        elif len(t) < 160 and (mid := _MID_COLON_LABEL.search(t)):
            out.append(t[mid.start(1) :])  # "Overload Journal #131 - February 2016 Author: Jo Reed"
    return out


# a label word after a meta line's date and time, before a capitalized name
_MID_LABEL = re.compile(r"[\s|·•]((?i:by|von|par|por|door|oleh)\s+)(?=[A-ZÀ-Þ])")


# a label with its colon after the issue or section a header line opens with: explicit wherever it stands
# (capitalised, as a label is: "the author: X" in a sentence is prose)
_MID_COLON_LABEL = re.compile(r"[\s|·•]((?:Authors?|AUTHORS?|Autor(?:in)?|AUTOR|Auteur|AUTEUR|Autore|Penulis|PENULIS|"
                              r"Written by)\s*[:：]\s*)(?=[A-ZÀ-Þ])")


# a signature line under the text: "Malte Welding | 29.07.2006 um 14:26" (a name, a bar, the date)
_NAME_THEN_DATE = re.compile(r"^([A-ZÀ-Þ][\w'’.-]+(?:\s+(?:[A-ZÀ-Þ][\w'’.-]+|van|von|de|der|da|di|le|la)){1,3})\s*"
                             r"[|·•,–—]\s*(.*\d.*)$")


def closing_lines(texts: list[str]) -> list[str]:
    """Byline strings in the lines right under the article's text: "posted by Stadler at 12:53", or a name
    followed by the date."""
    from flows.extract.dates import find_dates

    out = []
    for t in texts:
        if len(t) >= 120:
            continue
        if _LABEL_START.match(t):
            if not credits_other_work(t):  # "Powered by WordPress.com VIP" credits the platform
                out.append(t)
        elif (m := _NAME_THEN_DATE.match(t)) and find_dates(m.group(2), None, ""):
            out.append(m.group(1))
    return out[:1]


AUTHOR_LABELS = frozenset(["author", "authors", "autor", "autorin", "autoren", "auteur", "auteurs", "autore",
                           "penulis", "reporter", "writer", "written by", "by"])
DATE_LABELS = frozenset(["date", "datum", "tanggal", "fecha", "published", "veröffentlicht", "diterbitkan",
                         "publié le", "publicado"])


def fact_value(blocks: list, labels: frozenset[str]) -> str | None:
    """The value of a labelled fact line ("<li><strong>Author</strong> Ben Knight</li>", "Date 19.01.2020"):
    a block whose bold opening is one of `labels` and whose remaining text is short."""
    for block in blocks:
        lead = block.lead.strip().rstrip(":").strip().lower()
        if lead in labels and block.text.lower().startswith(block.lead.strip().lower()):
            value = block.text[len(block.lead.strip()) :].strip(" :\u00a0")
            if 2 <= len(value) <= 60:
                return value
    return None


# Korean newsrooms sign the opening bracket: "[엔터미디어=정덕현의 이슈공감]" (a column), "[서울=뉴시스] 홍길동 기자 =",
# "[OSEN=김철수 기자]"; a name is two to four syllables before "의" (of) or "기자" (reporter)
_KO_OPENING = re.compile(r"^\s*\[[^\]=]{1,20}=([^\]]{1,40})\]\s*([^=]{0,30}=)?")
_KO_NAME = re.compile(r"([가-힣]{2,4})(?:의\s|\s*기자)")


# Japanese papers sign the opening lenticular bracket with the place and the writer: "【ロンドン＝岡田浩幸】";
# a bureau ("【北京＝中国総局】") or a wire ("【ワシントン＝共同】") is no writer
_JA_OPENING = re.compile(rf"^\s*【[^】＝=]{{1,15}}[＝=]([{KANA}{HAN}々]{{2,8}})】")
_JA_DESK = re.compile(r"(?:総局|支局|本社|編集部|取材班|通信部|共同|時事)$")


def opening_credit(text: str) -> str | None:
    """The writer a Korean or Japanese opening bracket credits, or None."""
    ja = _JA_OPENING.match(text)
    if ja:
        return None if _JA_DESK.search(ja.group(1)) else ja.group(1)
    m = _KO_OPENING.match(text)
    if not m:
        return None
    for part in (m.group(1), m.group(2) or ""):
        name = _KO_NAME.search(part)
        if name:
            return name.group(1)
    return None


# an author note closing an opinion piece, set in italics or bold: "Jane Doe is a professor of law at …",
# "Andrés X es politólogo … Martín Y es abogado …": every sentence opens with a name and a "to be"
_NOTE_NAME = (r"[A-ZÀ-Þ][\w'’.-]+(?:\s+(?:[A-ZÀ-Þ][\w'’.-]+|van|von|de|del|der|da|di|du|le|la|y)){1,3}")
_NOTE_SENTENCE = re.compile(rf"^[\W_]{{0,3}}({_NOTE_NAME}),?\s+(?:is|was|es|fue|est|était|ist|war|è|é|foi|"
                            r"adalah|merupakan|jest|är|er|is een)\s+\S")
_SENTENCE_END = re.compile(r"(?<=[a-zà-ÿ)\]0-9][.!?])\s+(?=[A-ZÀ-Þ\W])")


def author_note(text: str) -> list[str]:
    """The writers an emphasized closing note introduces, or [] when any sentence of it is something else."""
    if not 20 <= len(text) <= 700:
        return []
    names: list[str] = []
    for sentence in _SENTENCE_END.split(text.strip()):
        m = _NOTE_SENTENCE.match(sentence)
        if m is None:
            if names and (_FOLLOW_SENTENCE.match(sentence) or _BIO_SENTENCE.match(sentence)
                          or sentence.split(maxsplit=1)[0] == names[-1].split()[-1]):
                continue  # "… is an assistant editor. Follow her on Twitter." / "He has produced …"
            return []
        names.append(m.group(1))
    return names


# a bio's later sentences speak of the writer it opened with
_BIO_SENTENCE = re.compile(r"^(?:he|she|they|his|her|their|er|sie|il|elle|ils|elles|él|ella|ele|ela|dia|hij|zij)\s",
                           re.IGNORECASE)


# the invitation an author note closes with
_FOLLOW_SENTENCE = re.compile(r"^(?:you can\s+)?(?:follow|find|reach|email|e-mail|contact)\s+(?:her|him|them|me)\b"
                              r"[^.!?]{0,60}[.!?]?$", re.IGNORECASE)


# initials a German or Austrian desk signs with: "14.06.2019 (ch)" beside the headline, a lone "so" in the
# author box; lower case, as written
_DATED_INITIALS = re.compile(r"^\d{1,2}\.\d{1,2}\.\d{2,4}\s*\(([a-zäöü]{2,3}(?:/[a-zäöü]{2,3})?)\)$")
_LONE_INITIALS = re.compile(r"^[a-zäöü]{2,3}$")


def initials(header_texts: list[str], byline_texts: list[str]) -> str | None:
    """The initials that sign the article: after a bare date in the header, or alone in a byline element."""
    for text in header_texts:
        m = _DATED_INITIALS.match(text.strip())
        if m:
            return m.group(1)
    return next((t.strip() for t in byline_texts if _LONE_INITIALS.match(t.strip())), None)


# a Chinese story's source line beside its date: "2017-03-10 08:42:00 来源：人民日报海外版 中国青年网"
_SOURCE_LINE = re.compile(r"(?:来源|來源)\s*[：:]\s*([^\s：:|｜/]{2,30})")


def source_line(header_texts: list[str]) -> str | None:
    """The outlet a Chinese header names as the story's source ("来源：中国日报网"): with no byline, it signs
    the story, as a desk signs a wire story."""
    for text in header_texts:
        m = _SOURCE_LINE.search(text)
        if m and len(text) <= 120:
            return m.group(1)
    return None
