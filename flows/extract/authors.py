"""Bylines to person names: strip "By"/"Oleh"/"Penulis:", split lists, set wire services apart.

Institutional bylines ("Liputan6.com", "Reuters staff", "Redaksi") are not people; they are kept
only when nothing better exists, so a warehouse query on authors still sees who signed the piece.
"""

from __future__ import annotations

import re

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
}
_PREFIX = re.compile(
    r"^\s*(?:(?:written|posted|reported|story|text|words|photos?|reporting)\s+)?"
    r"(?:by|oleh|penulis|reporter|wartawan|editor|pewarta|redaktur|author|autor|par|von|di|por|door)\b\s*[:\-–]?\s*",
    re.IGNORECASE,
)
_ROLE_TAIL = re.compile(
    r"\s*[,|\-–]?\s*\b(?:staff writer|staff reporter|correspondent|contributor|senior \w+ (?:writer|editor)|"
    r"editor(?:-at-large)?|reporter|kontributor|columnist|for [A-Z].*|in [A-Z][a-z]+(?: [A-Z][a-z]+)?)\s*$",
)
_SPLIT = re.compile(r"\s*(?:,|;|/|&|\band\b|\bdan\b|\bund\b|\bet\b|\by\b|\be\b|\||\s[-–—]\s)\s*",
                    re.IGNORECASE)
_INSTITUTION = re.compile(
    r"(\.(?:com|co\.id|id|net|org|co\.uk|tv)\b|\b(?:news|redaksi|tim|team|staff|desk|newsroom|media|online|"
    r"editorial|admin|contributor|kontributor|reporters?|tribun\w*|kompas\w*|detik\w*|liputan6)\b)",
    re.IGNORECASE,
)
_NOT_NAME = re.compile(r"\d|https?:|@|\b(?:updated|published|diperbarui|ditulis|pada|on|share|follow)\b", re.I)


def agency_of(name: str) -> str | None:
    key = re.sub(r"[^\w\s-]", "", name).strip().lower()
    return AGENCIES.get(key)


_MON = r"(?:jan|feb|mar|apr|may|mei|jun|jul|aug|agu|sep|oct|okt|nov|dec|des)[a-z]*\.?"
_TRAILING_DATE = re.compile(
    rf"[\s,|\-–]*(?:\d{{4}}-\d{{2}}-\d{{2}}\S*|\b\d{{1,2}}\s+{_MON}(?:,?\s+\d{{4}})?|"
    rf"\b{_MON}\s+\d{{1,2}}\b(?:,?\s+\d{{4}})?|\b\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}|"
    rf"\b(?:updated|published|diperbarui)\b).*$",
    re.IGNORECASE,
)
_ROLE_WORDS = re.compile(
    r"\b(?:writer|columnist|editor|editor-at-large|correspondent|reporter|contributor|staff|journalist|"
    r"photographer|producer|anchor|analyst|intern|wartawan|jurnalis|kontributor|redaksi|penulis|fotografer)\b",
    re.IGNORECASE,
)


def clean_name(raw: str) -> str:
    name = " ".join(raw.split()).strip(" ,;:-–|·•")
    name = _TRAILING_DATE.sub("", name).strip(" ,;:-–|·•") or name
    prev = None
    while prev != name:
        prev = name
        name = _PREFIX.sub("", name).strip(" ,;:-–|·•")
    name = _ROLE_TAIL.sub("", name).strip(" ,;:-–|·•")
    if name.isupper() and len(name) > 4 and " " in name:
        name = name.title()
    return name


_LABEL = re.compile(r"\b(?:by|oleh|penulis|reporter|pewarta|wartawan|author|written by)\s*:?\s+", re.IGNORECASE)
_EDITOR_ONLY = re.compile(r"^(?:editor|redaktur|editing by|foto|photo|fotografer|photographer)\s*:", re.IGNORECASE)
_OTHER_LABEL = re.compile(r"\s(?:editor|redaktur|foto|photo|fotografer|sumber|source)\s*:", re.IGNORECASE)


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
    for i, word in enumerate(head):
        if word.lower().strip(".,") in _DESK:
            head = head[:i]
            break
    return " ".join(head[:4]) if len(head) >= 2 else ""


def split_byline(raw: str) -> list[str]:
    """Names in one byline string, in order: 'GAYA | 17 Juni 2021 Reporter : X Editor : Y' gives [X]."""
    raw = " ".join(raw.split())
    if _EDITOR_ONLY.match(raw):
        return []  # an editor or photo credit is not a byline
    label = _LABEL.search(raw)
    if label and label.start() > 0:
        raw = raw[label.end() :]
    other = _OTHER_LABEL.search(raw)
    if other and other.start() > 0:
        raw = raw[: other.start()]
    text = clean_name(raw)
    if not text:
        return []
    parts = [_strip_role(clean_name(p)) for p in _SPLIT.split(text)]
    # "Smith, John" is one name written surname-first, not two people
    if len(parts) == 2 and all(p and " " not in p for p in parts) and "," in text and " and " not in text:
        return [f"{parts[1]} {parts[0]}"]
    return [p for p in parts if p]


def is_person(name: str) -> bool:
    if not name or len(name) < 3 or len(name) > 60 or _NOT_NAME.search(name):
        return False
    if _INSTITUTION.search(name) or agency_of(name) or _ROLE_WORDS.search(name):
        return False
    words = name.split()
    return 1 <= len(words) <= 6


def normalize(bylines: list[str], site_names: set[str] | None = None) -> tuple[list[str], list[str]]:
    """(authors, agencies) from raw byline strings, best source first.

    People win; if there are none, the first institutional byline stands in (not a wire service).
    """
    site_names = {s.lower() for s in (site_names or set()) if s}
    people: list[str] = []
    agencies: list[str] = []
    institutions: list[str] = []
    seen: set[str] = set()
    for raw in bylines:
        for name in split_byline(raw):
            key = name.lower()
            if key in seen:
                continue
            seen.add(key)
            agency = agency_of(name)
            if agency:
                if agency not in agencies:
                    agencies.append(agency)
            elif is_person(name) and key not in site_names:
                people.append(name)
            else:
                institutions.append(name)
    if people:
        return people, agencies
    return institutions[:1], agencies
