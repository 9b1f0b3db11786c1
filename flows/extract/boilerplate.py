"""Text-level boilerplate inside the chosen container: promos, page breaks, sign-offs, link lists.

Class names already removed most chrome; what is left is written into the article's own flow, so it
is recognized by its words. Patterns cover Indonesian and English plus the short, generic shapes
("Advertisement", "Read more", "(Dio/Ysl)") that recur across languages.
"""

from __future__ import annotations

import re

_LINE = re.compile(
    r"^(?:"
    r"baca juga|baca pula|lihat juga|simak juga|simak video|baca selengkapnya|berita terkait|artikel terkait|"
    r"read (?:more|also|next)|also read|related(?: (?:articles?|stories|coverage|content))?|more from|"
    r"recommended|see also|more:|watch:|listen:|more (?:great |top )?(?:\w+ )?(?:stories|articles|news)\b|"
    r"(?:image|photo|foto|slide|gambar)\s+\d+\s+(?:of|dari|/)\s+\d+\s*$|"
    r"advertisement|advertisment|iklan|sponsored|anzeige|publicité|publicidad|"
    r"scroll (?:down )?(?:untuk|to) (?:melanjutkan|continue)|lanjutkan membaca|continue reading|"
    r"\d+\s+(?:dari|of|von|de)\s+\d+\s+(?:halaman|pages?|seiten|páginas?)|halaman\s+\d+|next page|"
    r"(?:saksikan|tonton|simak|lihat)(?: juga)? video|video (?:pilihan|terkini|terpopuler|unggulan)|"
    r"watch (?:the )?video|"
    r"(?:\*\s*)?(?:fakta atau hoaks|untuk mengetahui kebenaran informasi|follow official whatsapp|"
    r"ikuti (?:kami|berita|channel)|dapatkan (?:berita|update|info)|gabung (?:ke )?(?:grup|channel))|"
    r"populer|terpopuler|berita terkini|berita terkini selengkapnya|tag terkait|topik terkait|"
    r"view this (?:post|profile) on (?:instagram|facebook|tiktok)|a post shared by|"
    r"share (?:this|on|via)|like this (?:story|article)|this slideshow requires|bagikan|follow us|ikuti kami|"
    r"sign up|subscribe|newsletter|"
    r"click here|klik (?:di ?sini|tautan)|"
    r"copyright|©|\(c\)\s*\d{4}|all rights reserved|hak cipta|"
    r"(?:reporter|editor|penulis|pewarta|redaktur|kontributor|sumber|source|foto|photo|editing by|"
    r"reporting by|writing by|additional reporting by)\s*:"
    r")",
    re.IGNORECASE,
)
_WHOLE = re.compile(
    r"^(?:"
    r"\(\s*[A-Za-z]{2,6}(?:\s*/\s*[A-Za-z]{1,6})+\s*\)|"  # sign-off (Dio/Ysl)
    r"\(\s*[A-Z]{1,4}-?\d{0,3}\s*\)|"  # editor code (H-4), (ant)
    r"\(\s*(?:[A-Za-z]{2,6}\s*/\s*)+[A-Z]{1,3}-\d{1,3}\s*\)|"  # desk code after a source (Ant/H-2)
    r"\(\s*(?:ant|antara|rtr|ap|afp|dpa)\s*\)|"
    r"\[\s*[a-z]{2,6}(?:\s*/\s*[a-z]{2,6})*\s*\]|"  # Merdeka-style sign-off [bay]
    r"[-–—=*_.•·]+|"
    r"(?:share|tweet|email|print|whatsapp|facebook|twitter|pin|reddit|linkedin|comments?|"
    r"more|next|previous|prev|top|back|menu|home|tags?|topics?|advertisement|advert|ad|loading\W*|"
    r"like this|like loading\W*|memuat\W*|cargando\W*|chargement\W*|wird geladen\W*|正在加载\W*|加载中\W*|"
    r"読み込み中\W*|로딩 중\W*)\s*[:.]?|"
    r"https?://\S+|"  # a bare URL
    # reading time: "4 Min Read", "Lesezeit: 3 Min.", "Lectura: 5 min", "2 menit baca", "5 minute read"
    r"(?:(?:reading time|lesezeit|lectura|temps de lecture|waktu baca)\s*:?\s*)?(?:ca\.\s*)?\d{1,3}\s*"
    r"(?:min(?:ute)?s?\.?|minuten|menit)(?:\s*(?:read|reading|lesezeit|de lectura|de lecture|baca|bacaan))?|"
    # a caption that ended up in the text flow
    r".{0,200}\((?:image|photo|picture|pic|foto|gambar|credit|source|sumber)\s*:[^()]{1,60}\)"
    r")$",
    re.IGNORECASE,
)
_TRAILING_SIGNOFF = re.compile(r"\s*\(\s*[A-Za-z]{2,6}(?:\s*/\s*[A-Za-z]{1,6})+\s*\)\s*$")
# a desk code after the closing sentence: '... swasta. (H-4)', '... lagi." (Ant/H-2)'
_TRAILING_DESK_CODE = re.compile(r"(?<=[.!?\"”’])\s*\(\s*(?:[A-Za-z]{2,6}\s*/\s*)*[A-Z]{1,3}-\d{1,3}\s*\)\s*$")
# Chinese roles that sign in brackets: author, reporter, (responsible) editor, compiled by, written by, text
_CN_ROLES = "作者|记者|责任编辑|编辑|编译|撰文|文"
# "Editor: Name", and Chinese sign-offs in brackets: "（编译/林靖东）" (compiled by), "（文/张三）"
_STAFF_LINE = re.compile(
    r"^(?:(reporter|editor|penulis|pewarta|redaktur|fotografer|photographer|author|autor|autorin|auteur|作者|记者|"
    r"责任编辑)\s*[:：︱|]\s*(.{2,100})"
    rf"|[（(\[【]\s*({_CN_ROLES})\s*[:：︱|/／]\s*([^（）()\[\]【】]{{2,40}}?)\s*[）)\]】])$",
    re.IGNORECASE)


_ANY_WORD = re.compile(r"\w")
_BYLINE_LINE = re.compile(r"^(?:by|oleh|penulis|written by|posted by)\s+\S", re.IGNORECASE)
_PROMO_WORDS = re.compile(
    r"sign up|signup|subscribe|subscription|newsletter|inbox|delivered (?:to|through) your|click here|"
    r"klik di ?sini|berlangganan|follow (?:us|him|her|them)|ikuti kami|download (?:the|our) app|unduh aplikasi|"
    r"on (?:twitter|facebook|instagram|linkedin)|delivered|"
    r"posted by|published by|publicado por|filed under|categor(?:y|ia|ie)\s*:|kategori\s*:|tags?\s*:",
    re.IGNORECASE,
)


def is_boilerplate(text: str) -> bool:
    if _WHOLE.match(text) or not _ANY_WORD.search(text):
        return True
    if len(text) < 80 and _BYLINE_LINE.match(text) and not text.endswith((".", "!", "?")):
        return True
    if _LINE.match(text) and (len(text) < 160 or text.lower().startswith(("baca juga", "read more"))):
        return True
    # promos and meta lines name two of their trade words in a short space
    return len(text) < 250 and len(_PROMO_WORDS.findall(text)) >= 2


def strip_signoff(text: str) -> str:
    """A sign-off or desk code glued to the end of the last paragraph: '... Smartfren. (Cas/Isk)', '(H-4)'."""
    return _TRAILING_DESK_CODE.sub("", _TRAILING_SIGNOFF.sub("", text))


_STAFF_TAIL = re.compile(rf"(?<=[。！？”」.!?])\s*([（(\[【]\s*(?:{_CN_ROLES})\s*[:：︱|/／]"
                         r"[^（）()\[\]【】]{2,40}[）)\]】])\s*$")


def trailing_staff(text: str) -> tuple[str, tuple[str, str]] | None:
    """(the paragraph without it, (role, name)) for a Chinese sign-off closing the last paragraph:
    "…刊物《自然》上。（编译/林靖东）"."""
    m = _STAFF_TAIL.search(text)
    found = staff_line(m.group(1)) if m else None
    return (text[: m.start()].rstrip(), found) if m and found else None


def staff_line(text: str) -> tuple[str, str] | None:
    """('editor', 'Name') from 'Editor: Name' lines that end articles."""
    m = _STAFF_LINE.match(text.strip())
    if not m:
        return None
    role = (m.group(1) or m.group(3)).lower()
    name = m.group(2) or m.group(4)
    role = {"penulis": "author", "pewarta": "reporter", "redaktur": "editor", "fotografer": "photographer",
            "autor": "author", "autorin": "author", "auteur": "author",
            "作者": "author", "记者": "reporter", "责任编辑": "editor", "编辑": "editor", "编译": "author",
            "撰文": "author", "文": "author"}.get(role, role)
    return role, name.strip(" .")


_STAFF_PAIR = re.compile(
    r"\b(penulis|reporter|pewarta|editor|redaktur|fotografer|photographer)\s*:\s*(.+?)(?=\s+\w+\s*:|$)",
    re.IGNORECASE,
)
_ROLES = {"penulis": "author", "pewarta": "reporter", "redaktur": "editor", "fotografer": "photographer"}


def staff_pairs(text: str) -> list[tuple[str, str]]:
    """[(role, name)] from a credits box: 'Penulis : A Editor : B' gives [('author', 'A'), ('editor', 'B')]."""
    out = []
    for m in _STAFF_PAIR.finditer(" ".join(text.split())):
        role = m.group(1).lower()
        out.append((_ROLES.get(role, role), m.group(2).strip(" .,")))
    return out


_DATELINE = re.compile(
    r"^(?:(?P<pub1>[\w.]+\.(?i:com|co\.id|id|net|org|co))\s*,\s*)?"
    r"(?P<city>[A-Z][A-Za-z'’.]+(?:[ /-][A-Z][A-Za-z'’.]+){0,3})"
    r"(?:\s*,\s*(?P<pub2>[\w.]+\.(?:com|co\.id|id|net)))?"
    r"(?:\s*,\s*(?P<region>[A-Z][\w.'’]+(?:\s[A-Z][\w.'’]+){0,2}))?"  # ", Province" or the outlet ", CNN Indonesia"
    r"(?:\s*,\s*(?:\d{1,2}\s+\w+\s+\d{4}|[A-Z][a-z]{2,8}\.?\s+\d{1,2}))?"  # ", 23 Februari 2016", ", Aug. 20"
    r"(?:\s*\((?P<agency>[^)]{2,30})\))?"
    r"\s*(?:[-–—]{1,2}|:)(?:\s+|$)"
)
_CITY_STOP = {"The", "This", "A", "An", "In", "On", "At", "It", "We", "He", "She", "They", "Di", "Pada", "Dalam"}


_LEAD = re.compile(
    r"^(?:[\w.]+\.(?i:com|co\.id|id|net|org|co)\s*,\s*)?([A-Z][A-Za-z'’.]+(?:[ -][A-Z][A-Za-z'’.]+){0,3})\s*[-–—:]?$"
)


_CONTRIBUTED = re.compile(
    r"\b(The Associated Press|Associated Press|Reuters|Agence France-Presse|AFP|Bloomberg|ANTARA)\b"
    r"[^.]{0,40}\bcontributed\b", re.IGNORECASE)


# the text's last words crediting the reporting of others, wires among them: "… – Additional reporting from Reuters"
_ADDITIONAL_REPORTING = re.compile(r"(?:^|[–—-]\s*|[.!?”\"]\s+)(?:additional |extra )?reporting (?:by|from) "
                                   r"([^.;:]{2,80}?)\.?$", re.IGNORECASE)


# a closing line that is only a parenthesis naming the sources: "(FRANCE 24 with AFP, REUTERS)", "(avec AFP)"
_CLOSING_SOURCES = re.compile(r"^\((?:[^()]{0,40}?\b(?:with|avec|mit|con|com|dengan|met)\s+)?([^()]{2,80})\)$",
                              re.IGNORECASE)


# the writer or wire in brackets after the text's last sentence: "… vor. (dpa)", "… spannend. (Christian P.
# Stadtfeld) +++"
_SIGNED_AFTER = re.compile(r"[.!?“”\"»…]\s*\(([^()\d]{2,40})\)\s*(?:\+{2,}|\*{2,}|[-–—]{1,3})?\s*$")


def closing_signature(text: str) -> str | None:
    """The name in brackets that closes the text after its last sentence; the caller decides whether it is a
    wire or a writer."""
    m = _SIGNED_AFTER.search(text[-80:])
    return m.group(1).strip() if m else None


def contributing_agencies(text: str) -> list[str]:
    """Wire services credited in a closing line ('The Associated Press contributed to this report',
    '(FRANCE 24 with AFP, REUTERS)'); the caller keeps the names that are wire services."""
    found = [m.group(1) for m in _CONTRIBUTED.finditer(text)]
    if not found and (reporting := _ADDITIONAL_REPORTING.search(text.strip())):  # "– Additional reporting from Reuters"
        found = [p.strip() for p in re.split(r",|&|\band\b", reporting.group(1)) if p.strip()]
    closing = _CLOSING_SOURCES.match(text.strip())
    if not found and not closing and (signed := closing_signature(text)):
        found = [signed]  # "… im ERSTEN. (dpa)"
    if closing and not found:
        found = [p.strip() for p in re.split(r",|/|&|\band\b|\bet\b|\bund\b|\by\b|\bdan\b", closing.group(1))
                 if p.strip()]
    return found


# the wire's copyright and the writer's name closing the text: "… (c)AFP/Aminu ABUBAKAR", "©AFP/Jane Doe"
_COPYRIGHT_SIGNATURE = re.compile(r"(?:\(c\)|©)\s*([A-Za-z][\w.&-]{1,20})\s*/\s*([^\W\d_][^\W\d_ .'-]*"
                                  r"(?:[ .'-]+[^\W\d_]+){1,3})\s*$")


def copyright_signature(text: str) -> tuple[str, str] | None:
    """(agency, writer) from a wire story's closing "(c)AFP/Name"; the caller checks the agency is one."""
    m = _COPYRIGHT_SIGNATURE.search(text[-90:])
    return (m.group(1), m.group(2).strip()) if m else None


# a Chinese wire story's opening: agency, place, month and day, then 电 ("dispatch")
_CJK_WIRE_DATELINE = re.compile(r"^[\s\u3000]*(新华社|中新社)([\u4e00-\u9fff]{2,8}?)\d{1,2}月\d{1,2}日电")


def dateline(first: str, lead: str = "", outlets: set[str] | None = None) -> tuple[str | None, str | None]:
    """(place, agency) from an opening like 'Liputan6.com, Jakarta - ', 'WASHINGTON (Reuters) -',
    'Mataram, NTB (ANTARA News) -' (the place keeps its region) or 'Jakarta, CNN Indonesia --'.

    `lead` is the bold text the paragraph opens with; it delimits a dateline written without a dash.
    `outlets` are compact forms of the site's names: a name after the comma that is one is the outlet.
    """
    wired = _CJK_WIRE_DATELINE.match(first)
    if wired:  # "新华社北京11月17日电 …": the wire, the place, the day, "dispatched"
        return wired.group(2), wired.group(1)
    if lead and "," in lead:
        m_lead = _LEAD.match(lead.strip())
        if m_lead:
            city = m_lead.group(1)
            return (city.title() if city.isupper() else city), None
    m = _DATELINE.match(first)
    if not m:
        return None, None
    city = m.group("city").strip()
    if city in _CITY_STOP or len(city) > 40:
        return None, None
    region = m.group("region")
    compact = re.sub(r"\W+", "", region.lower()) if region else ""
    # the outlet, or one of its channels named after it ("Jakarta, KompasOtomotif –")
    outlet = bool(compact and outlets and any(compact == o or (len(o) >= 4 and compact.startswith(o))
                                              for o in outlets))
    if not (m.group("pub1") or m.group("pub2") or m.group("agency") or city.isupper() or outlet):
        return None, None
    if city.isupper():
        city = city.title()
    if region and not outlet and m.group("agency"):
        city = f"{city}, {region}"  # "Mataram, NTB (ANTARA News)"
    return city, m.group("agency")


_DATE_WORDS = re.compile(
    r"\b(?:published|updated|posted|last updated|modified|diperbarui|diterbitkan|dipublikasikan|"
    r"on|at|pada|pukul|jam|am|pm|a\.m\.|p\.m\.|wib|wita|wit|utc|gmt|[ecmp][sd]t|et|pt|"
    r"mon(?:day)?|tue(?:sday)?|wed(?:nesday)?|thu(?:rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|"
    r"senin|selasa|rabu|kamis|jumat|sabtu|minggu|ago|yang lalu|lalu|jam|menit|hours?|minutes?|days?|"
    r"views?|dilihat|dibaca|kali|reads?|comments?|komentar|"
    r"stand|aktualisiert|veröffentlicht|uhr|publicado|actualizado|publié|"
    r"기사입력|입력|수정|승인|등록|발행|최종수정)\b|"
    r"\b[ap]\.m\.|\d+|[,.:|/()\[\]\-–—]",
    re.IGNORECASE,
)


def is_date_line(text: str) -> bool:
    """A short line that only states when the piece was published or updated."""
    if len(text) > 120:
        return False
    from flows.extract.dates import MONTHS

    rest = _DATE_WORDS.sub(" ", text)
    words = [w for w in rest.split() if w.lower().rstrip(".") not in MONTHS]
    has_digits = any(ch.isdigit() for ch in text)
    return has_digits and len(words) == 0
