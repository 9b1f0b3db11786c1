"""Bylines to names: strip "By"/"Oleh"/"Penulis:", split lists, set wire services apart, decide.

A byline names people; when it names no one, the institution or wire service that signs the piece
("Liputan6.com", "Reuters", "Telegraph Sport") stands as the author, as written, so a query on
authors still sees who signed it. Wire services also go to their own field (`agencies`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from flows.extract.language import CJK_CHARS

AGENCIES: dict[str, str] = {
    "ap": "AP",
    "associated press": "AP",
    "the associated press": "AP",
    "reuters": "Reuters",
    "thomson reuters": "Reuters",
    "afp": "AFP",
    "agence france-presse": "AFP",
    "agence france presse": "AFP",
    "antara": "ANTARA",
    "antara news": "ANTARA",
    "antaranews": "ANTARA",
    "bloomberg": "Bloomberg",
    "xinhua": "Xinhua",
    "kyodo": "Kyodo",
    "dpa": "dpa",
    "efe": "EFE",
    "upi": "UPI",
    "bernama": "Bernama",
    "ians": "IANS",
    "pti": "PTI",
    "ani": "ANI",
    "press association": "PA",
    "pa media": "PA",
    "yonhap": "Yonhap",
    "anadolu": "Anadolu",
    "ansa": "ANSA",
    "tass": "TASS",
    # the generic credit for a story put together from several wires, as the page words it
    "agencies": "Agencies",
    "agenturen": "Agenturen",
    "agences": "Agences",
    "agencias": "Agencias",
    "ria novosti": "RIA Novosti",
    "europa press": "Europa Press",
    "apa": "APA",
    "sda": "SDA",
    "keystone-sda": "Keystone-SDA",
    "belga": "Belga",
    "anp": "ANP",
    "ntb": "NTB",
    "ritzau": "Ritzau",
    "pap": "PAP",
    "lusa": "Lusa",
    "kna": "KNA",
    "epd": "epd",
    "dpa-afx": "dpa-AFX",
    "aap": "AAP",
    "the canadian press": "The Canadian Press",
    "canadian press": "The Canadian Press",
    "jiji": "Jiji",
    "jiji press": "Jiji",
    "interfax": "Interfax",
    "sputnik": "Sputnik",
    "notimex": "Notimex",
    "prensa latina": "Prensa Latina",
    "vna": "VNA",
    "cna": "CNA",
    "新华社": "新华社",  # Xinhua, as Chinese pages write it
    "中新社": "中新社",  # China News Service
    # wires as Japanese, Korean and Chinese pages write them
    "共同通信": "共同通信",
    "時事通信": "時事通信",
    "ロイター": "ロイター",
    "연합뉴스": "연합뉴스",
    "뉴시스": "뉴시스",
    "中央社": "中央社",
    "路透社": "路透社",
    "法新社": "法新社",
    "美联社": "美联社",
}
# who put the post up, in the languages met so far; byline lines start with these as well (`bylines`)
POSTED_BY = r"posted by|published by|submitted by|publicado por|publicada por|publié par|diposting oleh"
_LABEL_WORDS = (
    # Italian "di", Swedish "av", Danish "af" in capitals are initials ("AV Watch編集部"), not the word
    r"by|oleh|penulis|reporter|wartawan|pewarta|author|autor|autore|auteur|par|von|(?-i:[Dd]i|[Aa]v|[Aa]f)|por|door|"
    rf"przez|автор|текст|text|texto|testo|tekst|words|written by|words by|story by|{POSTED_BY}|reported by|"
    r"reporting by|"
    r"作者|记者|記者|撰文|撰稿|(?:取材・)?文(?=\s*[:：●／])|laporan wartawan(?: [A-Z][\w.]*)?"
)
_PREFIX = re.compile(
    rf"^\s*(?:(?:written|posted|reported|story|text|words|photos?|reporting)\s+)?(?:{_LABEL_WORDS})\b\s*[:：︱●\-–]?\s*",
    re.IGNORECASE,
)
_ROLE_TAIL = re.compile(
    r"\s*[,|\-–]?\s*\b(?:staff writer|staff reporter|correspondent|contributor|senior \w+ (?:writer|editor)|"
    r"editor(?:-at-large)?|reporter|kontributor|columnist|for [A-Z].*|(?i:special to) .*|"
    r"in [A-Z][a-z]+(?: [A-Z][a-z]+)?)"
    r"\s*$",
)
# interface words glued to a name by the markup: "Marcus De Guzman View More Articles", "archive Get author RSS feed"
_UI_TAIL = re.compile(
    r"\s*[\-–—|·•,]?\s*\b(?:view (?:more|all)(?: articles| posts| stories)?|more (?:articles|stories|from)|"
    r"(?:view )?author archive|get author rss feed|rss feed|follow(?: on \w+| me| us)?|biography|bio|"
    r"e-?mail(?: the author)?|contact|profile|see all|all posts|twitter|facebook|instagram|linkedin)\b.*$",
    re.IGNORECASE,
)
_HANDLE_TAIL = re.compile(r"(?<=\w)\s+@\w{2,30}$")
# an author box's first sentence: "Dallas Robinson is a freelance writer living in Minneapolis"
_BIO_TAIL = re.compile(
    r"(?<=\w)\s+(?:is|was|adalah|merupakan|ist|est|es)\s+(?:a|an|the|seorang|ein|eine|un|une|una)\s.*$"
)
_CLOCK_TAIL = re.compile(r"\s+(?:at|um|à|a las|pukul|om|kl\.?)\s+\d{1,2}[:.]\d{2}\b.*$", re.IGNORECASE)  # "… at 12:53"
_WEEKDAY_TAIL = re.compile(
    r"\s+(?:(?:on|at|pada)\s+)?\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun|"
    r"senin|selasa|rabu|kamis|jumat|sabtu|minggu)\b.*$",
    re.IGNORECASE,
)
# conjunctions in lower case (or AP's capitals): "Dan Evon" is a name, "A dan B" two
_CONJUNCTION = r"&|\band\b|\bAND\b|\bdan\b|\bund\b|\bet\b(?!\.)|\by\b(?!\.)|\be\b(?!\.)"
_SPLIT = re.compile(rf"\s*(?:,|，|、|;|/|／|{_CONJUNCTION}|\||\s[-–—·•]\s|(?<=[a-z]{{2}})\.\s+(?=[A-Z]))\s*")
# a name written in Latin letters and in kana/CJK/Hangul, joined by a slash, either way round
_CJK = CJK_CHARS + "\uff66-\uff9f"  # and half-width katakana
_CJK_LEAD = re.compile(f"[{_CJK}]")
_TWO_SCRIPTS = re.compile(rf"[A-Za-z][A-Za-z .'-]*\s*[/／]\s*[{_CJK}][{_CJK}\s・]*|"
                          rf"[{_CJK}][{_CJK}\s・]*\s*[/／]\s*[A-Za-z][A-Za-z .'-]*")
# degrees and credentials after a name: "Rachael Link, MS", "Ilana Muhlstein, MS, RDN"
_CREDENTIAL = re.compile(r"^(?:[A-Z]{2,5}|Ph\.?\s?D\.?|M\.?D\.?|Esq\.?|Dr\.?|Psy\.?D\.?|Ed\.?D\.?)$")
_INSTITUTION = re.compile(
    r"(\w\.(?:[a-z]{2}|com|net|org|info|co\.[a-z]{2})\b|\b(?:gmbh|ag|inc|ltd|llc|corp|plc|s\.a\.|"
    r"news|redaksi|tim|team|staff|desk|newsroom|media|online|"
    r"editorial|editors?|admin|contributor|kontributor|reporters?|bureau|wire|wires|sport|sports|press|"
    r"tribun\w*|kompas\w*|detik\w*|liputan6|project|program|programme|institute|foundation|department|"
    r"ministry|university|universität|college|council|committee|association|union|society|center|centre)\b)",
    re.IGNORECASE,
)
_NOT_NAME = re.compile(r"\d|https?:|@|[()\[\]{}?!]|\b(?:updated|published|diperbarui|ditulis|pada|on|share|follow)\b",
                       re.I)
# words that are not names when they stand alone in a byline element
_UI_WORDS = frozenset(re.split(
    r"\s+",
    "biography bio follow email e-mail twitter facebook contact more profile articles author authors staff writer "
    "reporter editor columnist view read subscribe share posted submitted updated published by oleh admin "
    "administrator anonymous unknown guest user 記者ページ 記者一覧 プロフィール フォロー 執筆者一覧",
))
# a name's lower-case particles ("Ludwig van Beethoven", "Maria da Silva", "Ahmad bin Ali")
_PARTICLES = frozenset(
    re.split(r"\s+", "de da di do dos das del della van von der den ter ten bin binti al el la le du st")
)
_ARTICLES = frozenset(["the", "a", "an", "this", "that", "these", "those"])


def agency_of(name: str) -> str | None:
    key = re.sub(r"[^\w\s-]", "", name).strip().lower()
    found = AGENCIES.get(key)
    if found is None and (named := _AGENCY_WORD.match(key)):
        found = AGENCIES.get(key[named.end() :])  # "Agencia EFE", "Agenzia ANSA": the wire with its kind
    shown = " ".join(name.split())
    if found is None and _WIRE_NAME.search(shown) and len(key.split()) <= 5:
        return shown  # a syndication service by its name: "CNN Wire", "Tribune News Service"
    return found


_AGENCY_WORD = re.compile(r"(?:agencia|agence|agenzia|agência|agentur|agencja|agentschap|agency|kantor berita)\s+")
# the names wire and syndication services give themselves; a bare "Wire" after an acronym only ("Jo Wire" is a name)
_WIRE_NAME = re.compile(r"^(?:[A-Z]{2,6} (?i:wire)|\w.*\s(?i:newswire|wire service|news service|content agency|"
                        r"press agency))$")


_MON = r"(?:jan|feb|mar|apr|may|mei|jun|jul|aug|agu|sep|oct|okt|nov|dec|des)[a-z]*\.?"
_TRAILING_DATE = re.compile(
    rf"[\s,|\-–/／]*(?:\d{{4}}[-./]\d{{1,2}}[-./]\d{{1,2}}\S*|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MON}(?:,?\s+\d{{4}})?|"
    rf"\b{_MON}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}})?|\b\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}|"
    rf"\b(?:(?:last\s+)?(?:updated|modified)|published|diperbarui)\b).*$",
    re.IGNORECASE,
)
_ROLE_WORDS = re.compile(
    r"\b(?:writer|columnist|editor|editor-at-large|correspondent|reporter|contributor|staff|journalist|"
    r"photographer|producer|anchor|analyst|intern|wartawan|jurnalis|kontributor|redaksi|penulis|fotografer)\b",
    re.IGNORECASE,
)


# words a name never ends on: "Letters To The Editor" is a column's title, not "Letters To The" + a role
_DANGLING = frozenset(["the", "to", "of", "for", "and", "a", "an", "from", "with", "de", "des", "du", "der", "die",
                       "das", "la", "le", "el", "los", "las", "di", "dari", "untuk", "kepada"])


def _drop_role_tail(name: str) -> str:
    cut = _ROLE_TAIL.sub("", name).strip(" ,;:-–—|·•")
    return name if cut and cut.split()[-1].lower() in _DANGLING else cut


def clean_name(raw: str) -> str:
    """The name in one byline part, or "" when the part is only a date, a label or an interface word."""
    name = " ".join(raw.split()).strip(" ,;:-–—|·•")
    if name.startswith("(") and name.endswith(")") and name.count("(") == 1:
        name = name[1:-1].strip()  # "(Agenturen)"
    name = _TRAILING_DATE.sub("", name).strip(" ,;:-–—|·•")
    prev = None
    while prev != name:
        prev = name
        name = _PREFIX.sub("", name).strip(" ,;:-–—|·•")
    name = _UI_TAIL.sub("", name).strip(" ,;:-–—|·•")
    name = _HANDLE_TAIL.sub("", name)  # "Jane Roe @janeroe": the writer's handle beside her name
    name = _BIO_TAIL.sub("", name)
    name = _WEEKDAY_TAIL.sub("", name).strip(" ,;:-–—|·•")
    name = _CLOCK_TAIL.sub("", name).strip(" ,;:-–—|·•")
    name = _drop_role_tail(name)
    if name.isupper() and len(name) > 4 and " " in name:
        name = name.title()
    return name


_LABEL = re.compile(r"\b(?:by|oleh|penulis|reporter|pewarta|wartawan|author|written by)\s*:?\s+", re.IGNORECASE)
# "Analysis by …", "An article by …", "Gastbeitrag von …", "Une tribune par …"; not "Edited by …"
_LEADING_WORDS_BY = re.compile(
    r"^(?!(?:edited|reviewed|illustrated|photographed|produced|translated|fact-checked|updated|sponsored|presented|"
    r"powered|brought)\b)[A-Z][\w-]*(?:\s+[\w-]+){0,2}\s+(?:by|von|par|por|door|oleh)\s+",
    re.IGNORECASE,
)
_COUNTER = re.compile(r"[(（]\s*\d[\d,.\s]*[)）]")
_NOT_WRITER_LINE = re.compile(r"^\W*(?:(?:medically\s+)?reviewed|edited|fact-checked|illustrated|photographed|"
                              r"produced|powered|hosted|designed)\s+by\b", re.IGNORECASE)
# "with" in the languages met so far: "(avec X et Y)" co-writers, "Le Monde with AFP"
_WITH = r"(?:avec|with|mit|con|com|dengan|met)"
_WITH_PAREN = re.compile(rf"\s*\({_WITH}\s+([^()]{{3,80}})\)")
_EDITOR_ONLY = re.compile(r"^(?:editor|redaktur|editing by|foto|photo|fotografer|photographer)\s*:", re.IGNORECASE)
_OTHER_LABEL = re.compile(r"\s(?:editor|redaktur|fotos?|photos?|fotografer|sumber|source|categor(?:y|ia|ie)|kategori|"
                          r"section|tags?)\s*:", re.IGNORECASE)


def _set(text: str) -> frozenset[str]:
    return frozenset(text.split())


_DESK = _set(
    "sports sport business science tech technology politics political news world national health entertainment "
    "senior chief staff contributing associate deputy managing executive special foreign financial markets "
    "economics editorial ap cnn bbc live opinion travel food style culture arts metro local"
)


def _strip_role(name: str) -> str:
    """'Michael Hiltzik Business Columnist' -> 'Michael Hiltzik'; a bare role ('AP Sports Writer') -> ''."""
    m = _ROLE_WORDS.search(name)
    if not m:
        return name
    head = name[: m.start()].split()
    if head and head[-1].lower() in _DANGLING:
        return ""  # "Letters To The Editor": a column, not a person with a role
    for i, word in enumerate(head):
        if word.lower().strip(".,") in _DESK:
            head = head[:i]
            break
    return " ".join(head[:4]) if len(head) >= 2 else ""


_FILED_IN = re.compile(r"\s(?:in|IN|In|dans|DANS|em|EM)\s+(?=[A-ZÀ-Þ]\S*(?:\s*[|·•]|\s*$))|\s*[|·•]\s*\d+\s*"
                       r"(?:comments?|kommentare?|commentaires?|comentarios?|komentar)\b", re.IGNORECASE)
_ON_DATE = re.compile(
    r"\s+(?:on|am|le|el|il|op|em|pada|den)\s+(?=\d|(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|"
    r"oct|nov|dec|di|mi|do|fr|sa|so|mär|okt|dez|lun|mar|mer|jeu|ven|sam|dim|janv|févr|avr|mai|juin|juil|août|"
    r"sept|déc|ene|abr|ago|dic)\w*\.?\s*[\d,]).*$|\s+(?:on|am)$", re.IGNORECASE)


def split_byline(raw: str, keep_roles: bool = False) -> list[str]:
    """Names in one byline string, in order: 'GAYA | 17 Juni 2021 Reporter : X Editor : Y' gives [X].

    Job titles are cut off ("Jane Doe, Staff Writer" gives "Jane Doe") unless `keep_roles`.
    """
    raw = " ".join(raw.split())
    raw = _WITH_PAREN.sub(r", \1", raw)  # "Martin Untersinger (avec Damien Leloup et Morgane Tual)": co-writers
    if _EDITOR_ONLY.match(raw):
        return []  # an editor or photo credit is not a byline
    label = _LABEL.search(raw)
    # a label after a section or date ("GAYA | 17 Juni 2021 Reporter : X"), not inside prose ("expressed by")
    if label and (0 < label.start() <= 2 or (label.start() > 0 and re.search(r"[\d|•·]", raw[: label.start()]))):
        raw = raw[label.end() :]
    else:
        raw = _LEADING_WORDS_BY.sub("", raw)
    other = _OTHER_LABEL.search(raw)
    if other and other.start() > 0:
        raw = raw[: other.start()]
    filed = _FILED_IN.search(raw)  # "VON Sina Giebel IN Fashion | 0 COMMENTS": the post's category and counter
    if filed and filed.start() > 0:
        raw = raw[: filed.start()]
    # "Submitted by X on 24 July 2017 - 18:55", "Gespeichert von X am 24. Juli 2017": the date after the name
    text = _ON_DATE.sub("", clean_name(raw))
    if not text:
        return []
    parts = [clean_name(p) for p in _SPLIT.split(text)]
    # "NeoL／ネオエル", "Reuters/ロイター": one name written in two scripts, not two people or two wires
    if _TWO_SCRIPTS.fullmatch(text):
        wires = [p for p in parts if agency_of(p)]
        return wires[:1] if wires else [text]
    if not keep_roles:
        parts = [_strip_role(p) for p in parts]
    # "Smith, John" is one name written surname-first, not two people
    if len(parts) == 2 and all(p and " " not in p for p in parts) and "," in text and " and " not in text:
        return [f"{parts[1]} {parts[0]}"]
    return [p for p in parts if p]


def is_interface_text(text: str) -> bool:
    """A byline box's button or link label ("See All Articles", "Subscribe to RSS"), not a name."""
    words = text.split()
    return bool(words) and (bool(_UI_TAIL.match(text)) or words[0].lower().strip(".:") in _UI_VERBS)


# the first word of a byline box's buttons and links
_UI_VERBS = frozenset(["see", "view", "more", "subscribe", "follow", "email", "e-mail", "contact", "read", "share",
                       "rss"])


def looks_like_name(name: str) -> bool:
    """Word shapes of a personal name: capitalized words, initials and particles, or a script without case."""
    words = name.split()
    if not 1 <= len(words) <= 6 or words[0].lower() in _ARTICLES or "!" in name or "?" in name:
        return False  # "Jangan Lewatkan!!!" is a promo heading, not a name
    if len(words) == 1 and words[0].lower().strip(".") in _UI_WORDS:
        return False
    for word in words:
        core = word.strip(".,'’-")
        if not core:
            continue
        first = core[0]
        if first.isupper() or not first.isalpha() or first.lower() == first.upper():  # or a script without case
            continue
        if core.lower() not in _PARTICLES:
            return False
    return True


def is_institution(name: str) -> bool:
    """A company, outlet or desk by its words: "Süddeutsche.de GmbH", "Tribun Network", "HNN Staff"."""
    return bool(_INSTITUTION.search(name) or _CJK_COMPANY.search(name))


def is_person(name: str) -> bool:
    if not name or len(name) < 2 or len(name) > 60 or _NOT_NAME.search(name):
        return False
    if _INSTITUTION.search(name) or _CJK_COMPANY.search(name) or agency_of(name) or _ROLE_WORDS.search(name):
        return False
    return looks_like_name(name)


def compact(text: str) -> str:
    """Lower case without spaces or punctuation: how names are compared across markup."""
    return re.sub(r"\W+", "", text.lower())


_HOUSE_TAIL = re.compile(r"(?:news|staff|team|desk|editors?|editorial|admin|online|web|digital)$")


def house_account(name: str, outlets: set[str]) -> bool:
    """A site's own account signing as one word: its name and a desk word ("OnionNews" on The Onion,
    "gazettestaff"), not a writer."""
    if " " in name.strip():
        return False
    core = _HOUSE_TAIL.sub("", compact(name))
    return len(core) >= 3 and core != compact(name) and any(
        core == o or core == o.removeprefix("the") for o in outlets)


def strip_outlet(name: str, outlets: set[str]) -> tuple[str, str | None]:
    """'Kevin McCoy USA TODAY' -> ('Kevin McCoy', None); 'Tom Davies Associated Press' -> ('Tom Davies', 'AP').

    `outlets` are compact forms (lower case, no spaces) of the site's names.
    """
    words = name.split()
    for k in range(1, len(words)):
        tail = " ".join(words[k:])
        agency = agency_of(tail)
        # the outlet's name, or a desk line that opens with it ("WebMD Health News") after a two-word name; a
        # personal site named after its writer ("lemire.me") leaves "Daniel Lemire" whole
        if agency or (k >= 2 and (compact(tail) in outlets or compact(words[k]) in outlets)):
            return " ".join(words[:k]), agency
    return name, None


@dataclass(slots=True)
class Byline:
    """What one source says: names as written, and agencies it credits."""

    people: list[str] = field(default_factory=list)
    institutions: list[str] = field(default_factory=list)  # as written: "Reuters", "Telegraph Sport"
    agencies: list[str] = field(default_factory=list)  # normalized: "Reuters", "AP"


_DESK_ENDS = frozenset(["staff", "desk", "team", "bureau", "reports", "editors", "newsroom", "redaksi", "wires"])


_EDITOR_CODE = re.compile(r"\([a-zäöüß]{2,4}\)")  # initials in lower case in brackets, not a known wire
_HANDLE = re.compile(r"^[a-z][a-z0-9_.]{2,29}$")  # a CMS account signing the post: "jdadmin", "rmb8090"
_THE = re.compile(r"^The\s+(?=\S)")  # "The Water Coolest", a newsletter signing as itself


def is_desk(name: str) -> bool:
    """A newsroom desk that signs as a whole: "HNN Staff", "News Nation Bureau", "AKIBA PC Hotline!編集部"
    (not the publisher itself)."""
    words = name.split()
    if _CJK_DESK.search(name) and len(name) <= 40:
        return True
    if _NEWSROOM.match(name):
        return True  # "unserer Redaktion", "La rédaction", "Redazione": the newsroom signs
    # the desk word may be lower case after the outlet's name ("Politics.co.uk staff")
    return 1 < len(words) <= 5 and words[-1].lower() in _DESK_ENDS and looks_like_name(" ".join(words[:-1]))


# the newsroom by its word, alone or as "ours" / "the": German, French, Spanish, Italian, Dutch, Portuguese, Polish
_NEWSROOM = re.compile(r"^(?:(?:unserer?|unseren|die|der|la|l'|l’|el|de|our|the|a|nossa|nasza)\s*)?"
                       r"(?:redaktion|rédaction|redacción|redazione|redactie|redação|redacção|redakcja)$",
                       re.IGNORECASE)
# a Japanese, Chinese or Korean newsroom's name ends on its desk word: editorial department, news team
_CJK_DESK = re.compile(r"(?:編集部|編集局|編集室|取材班|编辑部|编辑室|报道组|편집부|취재팀|특별취재팀)$")
# a company by its legal form: "株式会社インプレス", "有限公司", "주식회사"
_CJK_COMPANY = re.compile(r"株式会社|有限会社|合同会社|有限公司|股份公司|주식회사")


_PICTURE_CREDIT = re.compile(r"^\s*(?:photo(?:graph)?s?|photography|image|images|picture|pictures|video|illustrations?|"
                             r"graphics?|foto|fotos|fotografer|bild|bilder)\s*(?:by\b|:|von\b|oleh\b)", re.IGNORECASE)


def credits_other_work(label: str) -> bool:
    """A byline label that credits something other than the text ("Photography by", "Produced by", a
    translator: "翻訳者", "Traduit par")."""
    return bool(_PICTURE_CREDIT.match(label) or _NOT_WRITER_LINE.match(label) or _TRANSLATOR.match(label))


_TRANSLATOR = re.compile(r"^\W*(?:translat(?:ed|ion) by|翻訳者?|訳者|译者|翻译|번역|übersetz\w*|traduit par|traduction|"
                         r"traducid[oa] por|traducción|tradotto da|traduzione|traduzido por|tradução|vertaald door|"
                         r"vertaling|penerjemah|diterjemahkan oleh|alih bahasa)(?:\W|$)", re.IGNORECASE)


# a credit for other work set after the writer's on the same line: where the writer's credit ends
_OTHER_CREDIT_MID = re.compile(r"\s+(?=(?:translat(?:ed|ion)|photo(?:graph)?s?|photography|illustrations?|"
                               r"illustrated|edited|produced|graphics|video)\s+by\s)", re.IGNORECASE)


# a web or mail address beside a name ("Bradley M. Kuhn (http://ebb.org/bkuhn/)", "<jane@example.org>")
_ADDRESS = re.compile(r"[(<\[]?\s*(?:https?://|www\.)[^\s)>\]]+\s*[)>\]]?|[(<\[]?\s*[\w.+-]+@[\w-]+\.[\w.-]+\s*[)>\]]?")


_PROFESSION_LEAD = re.compile(r"^(?:Rechtsanw(?:alt|ältin)|Fachanw(?:alt|ältin)\S*|Notar(?:in)?|Attorney|Avocate?|"
                              r"Abogad[oa]|Advogad[oa]|Avvocato|Advocaat|Advokat)\s+(?=\S+\s+\S)")


# a line that ends on a byline word: the label of a field or a filter, with no name after it
_AWAITING = re.compile(r"[:：]\s*$")  # a label whose value follows elsewhere
_EMPTY_LABEL = re.compile(r"(?<!\S)(?:by|von|oleh|par|por|door|av)\s*:?\s*$", re.IGNORECASE)


# "<section> - <site>" signing a page; "Politik · A, B": a one-word section before the writers
_DASHED_TAIL = re.compile(r"^(.+?)\s[-–—|]\s(.+)$")
_DOMAIN = re.compile(r"\w\.[a-z]{2,6}$", re.IGNORECASE)
_SECTION_LEAD = re.compile(r"^\s*([^\W\d_]+)\s+[·•|]\s+(.+)$")


def _site_section(raw: str, outlets: set[str]) -> bool:
    """A section of the site signing in its name: "<words with lower-case ones> - <the site>". Writers' names
    before the site have no lower-case words but particles and list words ("Jo Reed and Sam Hill - Gazette")."""
    m = _DASHED_TAIL.match(" ".join(raw.split()))
    if m is None or "," in m.group(1):
        return False
    site = compact(m.group(2))
    if not (site in outlets or _DOMAIN.search(m.group(2)) or any(len(o) >= 5 and o in site for o in outlets)):
        return False
    words = [w for w in _LIST_WORD.sub(" ", m.group(1)).split() if w.isalpha()]
    return any(w.islower() and w not in _PARTICLES and not _ROLE_WORDS.fullmatch(w) for w in words)


def read_byline(texts: list[str], outlets: set[str]) -> Byline:
    """People, institutions and agencies in byline strings, in order.

    After a person, a lone word, a credential or an outlet is not another author ("Jane Doe, MS",
    "Jane Doe, CNN Business", "Jane Doe, Futurism"). A desk keeps its whole name ("HNN Staff").
    """
    out = Byline()
    seen: set[str] = set()
    person_seen = False
    for raw in texts:
        if _EDITOR_CODE.fullmatch(raw.strip()):
            continue  # "(mwo)": an editor's initials closing the text, no name ("Autor: red" is the desk's)
        if credits_other_work(raw):
            continue  # "Photograph by Ed Marshall", "Reviewed by X, MD", a translator: not the writer
        # "TEXT BY A<br>TRANSLATION BY B<br>WIRED(US)" read as one line: the credits after the writer's
        raw = _OTHER_CREDIT_MID.split(raw, maxsplit=1)[0]
        if _EMPTY_LABEL.search(raw) or _AWAITING.search(raw):
            continue  # "Find Autos By:", "この記事のURL :": a label with no name after it
        if _site_section(raw, outlets):
            continue  # "Zone Justice et faits divers - ICI.Radio-Canada.ca": the site's desk, no writer
        if (kicker := _SECTION_LEAD.match(raw)) and " " in kicker.group(2).strip():
            raw = kicker.group(2)  # "Politik · Jochen Bittner, Tina Hildebrandt": the section, then the writers
        parts = split_byline(_ADDRESS.sub(" ", raw), keep_roles=True)
        for part in parts:
            part = part.strip(" ,;:-–—|·•[]")  # "[田中宏昌，ITmedia]": the byline's brackets
            if not part or part.startswith("@") or part.lower() in _UI_WORDS or _COUNTER.search(part) \
                    or not any(ch.isalpha() for ch in part) or _PICTURE_CREDIT.match(part):
                continue  # a handle, a button, a counter ("人氣( 23925 )", "Views (1,204)"), a time ("18:55")
            agency = agency_of(part)
            if agency:
                if agency not in out.agencies:
                    out.agencies.append(agency)
                if part.lower() not in seen and not person_seen:
                    seen.add(part.lower())
                    out.institutions.append(part)
                continue
            if (joint := _OUTLET_WITH_WIRE.match(part)) and compact(joint.group(1)) in outlets \
                    and (wire := agency_of(joint.group(2))):
                if wire not in out.agencies:
                    out.agencies.append(wire)
                if part.lower() not in seen and not person_seen:
                    seen.add(part.lower())
                    out.institutions.append(part)  # "Le Monde with AFP": the paper's desk and the wire, as written
                continue
            first = part.split()[0]
            words = part.split()
            # "CNN Business" is an outlet; "ERIC TUCKER" a name in capitals
            acronym_led = bool(_CREDENTIAL.match(first)) and (len(words) == 1 or not words[1].isupper())
            if person_seen and (_CREDENTIAL.match(part) or compact(first) in outlets or acronym_led
                                or (" " not in part and not _CJK_LEAD.match(part))):  # "鈴木花子" needs no space
                continue
            if out.agencies and not out.people and " " not in part and not _CJK_LEAD.match(part):
                continue  # "EFE | Madrid": the place a wire files from
            if is_desk(part):
                if part.lower() not in seen:
                    seen.add(part.lower())
                    out.institutions.append(part)  # "HNN Staff", "JERUSALEM POST STAFF": a desk
                continue
            name, tail_agency = strip_outlet(part, outlets)
            if tail_agency:  # "Jane Roe with AFP": the writer, the wire she wrote with
                name = _JOINED_TAIL.sub("", name)
            if tail_agency and tail_agency not in out.agencies:
                out.agencies.append(tail_agency)
            person = _strip_role(name)
            person = _PROFESSION_LEAD.sub("", person)  # "Rechtsanwalt Dennis Tölle": a job title, as after a name
            if person.endswith(".") and " " in person and len(person.split()[-1]) > 2:
                # "Posted by Alon Zakai." ends a sentence; "Jane M." keeps her initial, "Red." (the desk) its dot
                person = person[:-1]
            if person.isupper() and len(person) > 4 and " " in person:
                person = person.title()
            key = person.lower()
            if person and (key in seen or compact(person) in {compact(p) for p in out.people}):
                continue  # "NatashaTurak" beside "Natasha Turak"
            if person and is_person(person) and compact(person) not in outlets:
                seen.add(key)
                out.people.append(person)
                person_seen = True
            elif part.lower() not in seen and (looks_like_name(part) or _INSTITUTION.search(part)
                                               or (len(parts) == 1 and (looks_like_name(_THE.sub("", part))
                                                                        or _HANDLE.match(part)))):
                seen.add(part.lower())
                out.institutions.append(part)  # as written: "HNN Staff", "Telegraph Sport"
    return out


# the site's own desk signing with a wire service: "Le Monde with AFP", "Le Monde avec AFP"
_OUTLET_WITH_WIRE = re.compile(rf"^(.+?)\s+{_WITH}\s+(.+)$", re.IGNORECASE)
_JOINED_TAIL = re.compile(rf"\s+{_WITH}$", re.IGNORECASE)


def _tokens(name: str) -> set[str]:
    return {t for t in re.findall(r"\w+", name.lower()) if len(t) > 1}


# the words that join the names of a list of writers ("A, B and C"), as `split_byline` splits on them
_LIST_WORD = re.compile(_CONJUNCTION)


def decide(visible: Byline, meta_people: list[str], meta_agencies: list[str], visible_text: str,
           has_visible: bool, linked: list[str] | None = None) -> list[str]:
    """The article's authors from the visible byline and the metadata's people.

    - Metadata people whose names the visible byline shows are the authors, in the byline's order
      (their spelling is clean where the visible markup glues names to buttons and outlets), plus any
      other full name the byline shows, except a place after the metadata's one writer ("Andrew Ramsey,
      Melbourne Cricket Ground": set off by a comma alone, and not `linked` to a writer's page).
    - Else the people the visible byline names (a JSON-LD author the page does not show is often the
      editor).
    - Else the institution or wire service the byline names, as written.
    - Else, with no byline on the page at all, the metadata's people, or the wire service it names.
    - Else, when the byline has words but none reads as a name ("By Rivka Galche n", set in pieces by
      markup), the metadata's people: a byline that tells nothing does not outvote them. An empty label
      ("作者：") tells that the writer signs elsewhere, so it does not give way.
    """
    blob = compact(visible_text)
    confirmed = [m for m in meta_people if compact(m) and compact(m) in blob]
    if confirmed:
        confirmed.sort(key=lambda m: blob.find(compact(m)))
        extra = [p for p in visible.people if len(p.split()) >= 2
                 and not any(_tokens(p) & _tokens(m) for m in confirmed)]
        if len(confirmed) == 1 and len(extra) == 1 and extra[0] not in (linked or ()) \
                and not _LIST_WORD.search(visible_text) and re.search(
                rf"{re.escape(confirmed[0])}\s*,\s*{re.escape(extra[0])}(?!\s*,)", visible_text):
            return confirmed  # "Andrew Ramsey, Melbourne Cricket Ground": the metadata's one writer, then a place
        return confirmed + extra
    if visible.people:
        out = []
        for p in visible.people:  # a visible fragment of a metadata name takes the full name
            full = next((m for m in meta_people if _tokens(p) and _tokens(p) < _tokens(m)), None)
            name = full or p
            if name not in out:
                out.append(name)
        return out
    if visible.institutions:  # the first; then only a wire or the newsroom beside it ("dpa, unserer Redaktion")
        return visible.institutions[:1] + [i for i in visible.institutions[1:] if agency_of(i) or _NEWSROOM.match(i)]
    if not has_visible:
        if meta_people:
            return meta_people
        if meta_agencies:
            return meta_agencies[:1]
    if meta_people and not _LABELS_ONLY.match(visible_text):
        return meta_people
    return []


# a byline's labels and nothing else ("作者：  作者："): it names no one
_LABELS_ONLY = re.compile(rf"^(?:[\W\d_]*(?:{_LABEL_WORDS})(?![^\W\d_]))*[\W\d_]*$", re.IGNORECASE)


def without_label(text: str) -> str:
    """The text after a byline label that opens it ("By Jo Reed is a science writer" → "Jo Reed is …")."""
    return _PREFIX.sub("", text)
