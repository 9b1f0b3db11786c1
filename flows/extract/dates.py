"""Dates: machine values (ISO 8601) and visible text in Indonesian and English, with zones.

Hand-written patterns instead of dateparser: they are about 100x faster, read the labels around a date
("Diperbarui", "Published"), and avoid dateparser's known misreads ("17.33 WIB" read as a year, a leading
word making it return None), so the project does not depend on it.
"""

from __future__ import annotations

import re
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

ZONE_LABELS: dict[str, tzinfo] = {
    "WIB": timezone(timedelta(hours=7)),
    "WITA": timezone(timedelta(hours=8)),
    "WIT": timezone(timedelta(hours=9)),
    "UTC": UTC,
    "GMT": UTC,
    "Z": UTC,
    "EST": timezone(timedelta(hours=-5)),
    "EDT": timezone(timedelta(hours=-4)),
    "CST": timezone(timedelta(hours=-6)),
    "CDT": timezone(timedelta(hours=-5)),
    "PST": timezone(timedelta(hours=-8)),
    "PDT": timezone(timedelta(hours=-7)),
    "BST": timezone(timedelta(hours=1)),
    "CET": timezone(timedelta(hours=1)),
    "CEST": timezone(timedelta(hours=2)),
    "IST": timezone(timedelta(hours=5, minutes=30)),
    "JST": timezone(timedelta(hours=9)),
    "SGT": timezone(timedelta(hours=8)),
    "AEST": timezone(timedelta(hours=10)),
    "AEDT": timezone(timedelta(hours=11)),
    "KST": timezone(timedelta(hours=9)),
    "HKT": timezone(timedelta(hours=8)),
    "PHT": timezone(timedelta(hours=8)),
    "ICT": timezone(timedelta(hours=7)),
    "MSK": timezone(timedelta(hours=3)),
    "EET": timezone(timedelta(hours=2)),
    "EEST": timezone(timedelta(hours=3)),
    "WET": UTC,
    "WEST": timezone(timedelta(hours=1)),
    "HST": timezone(timedelta(hours=-10)),
    "AKST": timezone(timedelta(hours=-9)),
    "AKDT": timezone(timedelta(hours=-8)),
    "NZST": timezone(timedelta(hours=12)),
    "NZDT": timezone(timedelta(hours=13)),
    "SAST": timezone(timedelta(hours=2)),
    "EAT": timezone(timedelta(hours=3)),
    "WAT": timezone(timedelta(hours=1)),
    "PKT": timezone(timedelta(hours=5)),
    "ET": ZoneInfo("America/New_York"),
    "CT": ZoneInfo("America/Chicago"),
    "MT": ZoneInfo("America/Denver"),
    "PT": ZoneInfo("America/Los_Angeles"),
}

MONTHS: dict[str, int] = {}
# Gregorian month names as news pages print them: full names, abbreviations and the genitive forms that
# Slavic and Greek dates use ("28 августа 2013"). Arabic has three families (Egyptian, Levantine, Maghrebi)
# and the Levantine ones can be two words.
for _num, _names in enumerate(
    [
        "jan januari january janv janvier enero ene januar gennaio janeiro jänner jän ianuarie stycznia styczeń "
        "ledna января янв січня ιανουαρίου ιαν ocak "
        "يناير جانفي كانون_الثاني जनवरी জানুয়ারি",
        "feb februari february febr fevrier février febrero februar febbraio fevereiro fev februarie lutego luty "
        "února февраля фев лютого φεβρουαρίου φεβ şubat pebrero "
        "فبراير فيفري شباط फ़रवरी फरवरी ফেব্রুয়ারি",
        "mar mart maret march mars marzo märz marz março maart mrt marts martie marca marzec března "
        "марта мар березня μαρτίου μαρ mac marso "
        "مارس آذار मार्च মার্চ",
        "apr april avr avril abril aprile aprilie kwietnia kwiecień dubna апреля апр квітня απριλίου απρ nisan "
        "أبريل ابريل إبريل نيسان أفريل افريل अप्रैल এপ্রিল",
        "mei may mai mayo maggio maio maj maja května мая травня μαΐου μαΐ μαι mayıs "
        "مايو أيار ايار ماي मई মে",
        "jun juni june juin junio giugno junho iunie czerwca czerwiec června июня июн червня ιουνίου ιουν haziran "
        "hunyo يونيو يونيه حزيران جوان जून জুন",
        "jul juli july juil juillet julio luglio julho iulie lipca lipiec července июля июл липня ιουλίου ιουλ "
        "temmuz julai hulyo يوليو يوليه تموز جويلية जुलाई জুলাই",
        "agu ags agt agustus aug august aout août agosto augustus augusti sierpnia sierpień srpna августа авг "
        "серпня αυγούστου αυγ ağustos ogos أغسطس اغسطس آب أوت اوت अगस्त আগস্ট",
        "sep sept september septembre septiembre settembre setembro set setiembre septembrie września wrzesień "
        "září сентября сен вересня σεπτεμβρίου σεπ eylül setyembre سبتمبر أيلول ايلول "
        "सितंबर सितम्बर সেপ্টেম্বর",
        "okt oktober oct october octobre octubre ottobre outubro out octombrie października październik října "
        "октября окт жовтня οκτωβρίου οκτ ekim oktubre أكتوبر اكتوبر تشرين_الأول تشرين_الاول "
        "अक्टूबर अक्तूबर অক্টোবর",
        "nov nop november novembre noviembre novembro noiembrie listopada listopad listopadu ноября ноя "
        "листопада νοεμβρίου νοε kasım nobyembre نوفمبر تشرين_الثاني नवंबर नवम्बर নভেম্বর",
        "des desember dec december déc decembre décembre diciembre dezember dic dicembre dez dezembro "
        "decembrie grudnia grudzień prosince декабря дек грудня δεκεμβρίου δεκ aralık disember disyembre "
        "ديسمبر كانون_الأول كانون_الاول दिसंबर दिसम्बर ডিসেম্বর",
    ],
    start=1,
):
    for _n in _names.split():
        MONTHS[_n.replace("_", " ")] = _num  # "_" joins the words of a two-word name

_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
# where a month name opens a date, a word (or two) and then a number must follow: checked first, because
# trying hundreds of names at every word of a long text is what made date matching slow
_NAME_THEN_NUMBER = r"(?=\S+(?:\s\S+)?\s+\d)"
# letter labels are matched case-sensitively ("ET", never the French "et"); "GMT+0400", "UTC+7" are offsets
_ZONE_RE = (r"((?-i:(?:GMT|UTC)\s?[+-]\d{1,2}(?::?\d{2})?|WITA|WIB|WIT|UTC|GMT|[ECPM][SD]?T|BST|CEST|CET|EEST|EET|"
            r"WEST|WET|IST|JST|KST|HKT|PHT|ICT|MSK|SGT|AEST|AEDT|HST|AKST|AKDT|NZST|NZDT|SAST|EAT|WAT|PKT)\b|"
            r"[+-]\d{2}:?\d{2}\b|(?-i:Z)\b)")
_ZONE_AFTER = rf"(?:\s*\(?{_ZONE_RE}\)?)?"  # "14:00 WIB", "14:00 (GMT+0400)"
# "14:05", "2.05 pm", and "14h05" as French and Portuguese pages write it
_TIME_RE = r"(\d{1,2})(?:[.:]|h(?=\d{2}))(\d{2})(?:[.:](\d{2}))?\s*([ap]\.?m\.?)?"
# the words that join a date to its time: "at", "pukul", "um", "à"/"às", "a las", "в", "o", "om", "kl.", "الساعة", "@"
_AT = r"(?:at|pukul|jam|um|à|às|alle|a las|в|o|om|kl\.?|الساعة|-|@)"

# "20 Des 2021, 09:59 WIB", "16 Feb 2016 at 09:10 WIB", "Senin, 23 Agustus 2021 17:33 WIB",
# "1er janvier 2016 à 15h30", "28 de agosto de 2013", "28 августа 2013 г. в 14:00", "28 آب/اغسطس 2013"
_DMY_TEXT = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th|er|º)?\.?\s+(?:de\s+)?(?:(?:{_MONTH_RE})\s?/\s?)?({_MONTH_RE})\.?,?\s+"
    rf"(?:del?\s+)?(\d{{4}})(?:\s?[гр]\.)?(?:[\s,،|\-–—/·•]*{_AT}?\s*{_TIME_RE})?{_ZONE_AFTER}",
    re.IGNORECASE,
)
# "February 16, 2016 9:10 AM EST", "Nov. 19, 2019 at 7:43 a.m. ET", "February 1, 2016: 1:28 AM ET"
_MDY_TEXT = re.compile(
    rf"\b{_NAME_THEN_NUMBER}({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})"
    rf"(?:[\s,|\-–—/·•]*(?::\s)?(?:at|@)?\s*{_TIME_RE})?{_ZONE_AFTER}",
    re.IGNORECASE,
)
# "23/8/2021 17:33 WIB", "16-02-2016 09:10", "08.03.2016 | 15:30 Uhr"
_DMY_NUM = re.compile(
    rf"\b(\d{{1,2}})[/.-](\d{{1,2}})[/.-](\d{{4}})\)?(?:[\s,،|\-–—·•]*{_AT}?\s*{_TIME_RE})?{_ZONE_AFTER}",
    re.IGNORECASE,
)
# "31.10.23", as German pages print the day: two digits each, the year's century left out (a version number
# such as "1.2.23" or "10.12.2" is not one)
_DMY_SHORT = re.compile(
    rf"(?<![\d.])(\d{{2}})\.(\d{{2}})\.(\d{{2}})(?![\d.])(?:[\s,|\-–—·•]*{_AT}?\s*{_TIME_RE})?{_ZONE_AFTER}",
    re.IGNORECASE,
)
# "2016年10月14日07:17", "2017年3月9日(木) 18時45分", "2019년 11월 19일 오후 3:05", "2016/10/14 07:17",
# "2016.12.01", "2023. 2. 5. 11:40" (Korean, the day closed by a period), "2019.04.25 THU 16:00": year first
_CJK_NUM = re.compile(
    r"(?<![\d.])(\d{4})\s*(?:年|년|/|\.)\s*(\d{1,2})\s*(?:月|월|/|\.)\s*(\d{1,2})(?:\.(?=\s))?(?![\d.])\s*(?:日|일)?\s*"
    r"(?:[(（][^)）]{1,3}[)）]|(?i:mon|tue|wed|thu|fri|sat|sun)\.?(?=\s))?"
    r"(?:[\s,]*(上午|下午|午前|午後|오전|오후)?\s*(\d{1,2})\s*(?::|時|시)\s*(\d{2})(?:\s*(?::|分|분)\s*(\d{2}))?)?",
)
_CJK_PM = ("下午", "午後", "오후")
_ISO_NUM = re.compile(
    rf"\b(\d{{4}})-(\d{{2}})-(\d{{2}})(?:[T\s]+{_TIME_RE})?\s*{_ZONE_RE}?",
    re.IGNORECASE,
)


@lru_cache(maxsize=64)
def zone(name: str | None) -> tzinfo | None:
    """A tzinfo for an IANA name or a label like WIB; None when unknown."""
    if not name:
        return None
    if name.upper() in ZONE_LABELS:
        return ZONE_LABELS[name.upper()]
    try:
        return ZoneInfo(name)
    except (KeyError, ValueError, OSError):
        return None


_NUMERIC_OFFSET = re.compile(r"(?:GMT|UTC)?\s?([+-])(\d{1,2}):?(\d{2})?$")


def _offset(label: str | None) -> tzinfo | None:
    if not label:
        return None
    label = label.strip()
    m = _NUMERIC_OFFSET.match(label)
    if m is not None:  # "+07:00", "-0500", "GMT+0400", "UTC+7"
        delta = timedelta(hours=int(m.group(2)), minutes=int(m.group(3) or 0))
        return timezone(-delta if m.group(1) == "-" else delta) if delta < timedelta(hours=15) else None
    return ZONE_LABELS.get(label.upper())


def parse_iso(value: str | None, default_tz: tzinfo | None) -> tuple[datetime | None, bool]:
    """An ISO-like machine value. Returns (datetime, had_explicit_zone); naive values get `default_tz`."""
    if not value:
        return None, False
    value = value.strip()
    if re.fullmatch(r"\d{10}(\d{3})?", value):  # epoch seconds or milliseconds
        secs = int(value[:10])
        return datetime.fromtimestamp(secs, UTC), True
    if (m := _COMPACT.fullmatch(value)) is not None:  # "20160915171729": a local clock written without marks
        return _build(*(int(g) for g in m.groups()[:3]), *m.groups()[3:], None, None, default_tz), False
    cleaned = value.replace("Z", "+00:00") if value.endswith("Z") else value
    cleaned = re.sub(r"([+-]\d{2})(\d{2})$", r"\1:\2", cleaned)
    try:
        dt = datetime.fromisoformat(cleaned)
    except ValueError:
        m = _ISO_NUM.search(value)
        if not m:
            return parse_text(value, default_tz)
        dt = _build(int(m.group(1)), int(m.group(2)), int(m.group(3)), m.group(4), m.group(5), m.group(6),
                    m.group(7), m.group(8), default_tz)
        if dt is None:
            return None, False
        return dt, bool(m.group(8))
    if dt.tzinfo is None:
        return (dt.replace(tzinfo=default_tz) if default_tz else dt.replace(tzinfo=UTC)), False
    return dt, True


def _build(
    year: int, month: int, day: int, hh: str | None, mm: str | None, ss: str | None,
    ampm: str | None, zone_label: str | None, default_tz: tzinfo | None,
) -> datetime | None:
    hour = int(hh) if hh else 0
    minute = int(mm) if mm else 0
    second = int(ss) if ss else 0
    if ampm:
        ap = ampm.lower().replace(".", "")
        if ap == "pm" and hour < 12:
            hour += 12
        elif ap == "am" and hour == 12:
            hour = 0
    tz = _offset(zone_label) or default_tz or UTC
    try:
        return datetime(year, month, day, hour, minute, second, tzinfo=tz)
    except ValueError:
        return None


def parse_text(text: str | None, default_tz: tzinfo | None) -> tuple[datetime | None, bool]:
    """The first date (with time if given) in visible text. Returns (datetime, had_time)."""
    found = read_visible(text, default_tz)
    return (found[0], found[1]) if found else (None, False)


def read_visible(text: str | None, default_tz: tzinfo | None) -> tuple[datetime, bool, bool] | None:
    """The first date in visible text as (datetime, had_time, had_zone_label)."""
    if not text:
        return None
    found = _match_dates(" ".join(text.split()), default_tz, MONTH_FIRST.get())
    if not found:
        return None
    _, _, dt, has_time, zoned, _ = found[0]
    return dt, has_time, zoned


def same_wall_clock(a: datetime, b: datetime) -> bool:
    """Same local date and minute, whatever the offsets say."""
    return (a.year, a.month, a.day, a.hour, a.minute) == (b.year, b.month, b.day, b.hour, b.minute)


# "March 18 at 3:57 PM", "July 3rd, 8:05AM", "18 mars à 15:57": a day and month without their year
# … and "3/9(木) 18:45", month first before the weekday, as Japanese pages print it
_YEARLESS = re.compile(
    rf"\b(?:{_NAME_THEN_NUMBER}({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?|(\d{{1,2}})\.?\s+({_MONTH_RE})\.?)(?!\s*,?\s*\d{{4}})\b"
    r"|(?<![\d/])(\d{1,2})/(\d{1,2})(?=\s*[(（][^)）\d]{1,3}[)）])",
    re.IGNORECASE,
)
_A_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_URL_DAY = re.compile(r"[/=]((?:19|20)\d{2})([/-]?)(\d{2})\2(\d{2})(?=[/_.-]|$)")


def url_day(url: str | None) -> date | None:
    """The date in a URL ("/2015/03/18/", "/20150318/", "/2015-03-18-", "?a=20170309-…"), as many sites
    file stories."""
    parts = urlsplit(url) if url else None
    m = _URL_DAY.search(f"{parts.path}?{parts.query}") if parts else None
    if m is None:
        return None
    try:
        return date(int(m.group(1)), int(m.group(3)), int(m.group(4)))
    except ValueError:
        return None


_URL_MONTH = re.compile(r"/((?:19|20)\d{2})/(0?[1-9]|1[0-2])/")


def url_month(url: str | None) -> tuple[int, int] | None:
    """The year and month a URL files a story under ("/2014/05/slug.html", "/2014/05/23/slug")."""
    m = _URL_MONTH.search(urlsplit(url).path) if url else None
    return (int(m.group(1)), int(m.group(2))) if m else None


def add_year(text: str, days: tuple[date, ...] = (), year: int | None = None) -> str:
    """`text` with a year after its first year-less day: the year of a known day (`days`, such as the URL's)
    at most a day from it, or `year` for any day. Text that states a year is left as it is."""
    if _A_YEAR.search(text):
        return text

    def put(m: re.Match[str]) -> str:
        numeric = m.group(5) is not None
        month = int(m.group(5)) if numeric else MONTHS.get((m.group(1) or m.group(4)).lower().rstrip("."))
        day = int(m.group(6) if numeric else m.group(2) or m.group(3))
        if month is None:
            return m.group(0)
        found = year
        for known in days if found is None else ():
            try:
                gap = abs((date(known.year, month, day) - known).days)
            except ValueError:
                continue
            if gap <= 1:
                found = known.year
                break
        if found is None:
            return m.group(0)
        return f"{found}/{month}/{day}" if numeric else f"{m.group(0)} {found}"

    return _YEARLESS.sub(put, text, count=1)


# --- candidates and the choice between them ---------------------------------------------------------------
@dataclass(slots=True, frozen=True)
class Stamp:
    """One date found on the page: from a machine value or from visible text."""

    at: datetime
    has_time: bool
    zoned: bool  # an explicit offset or zone label, not the default zone
    label: str | None = None  # "published" or "updated", from the words just before it
    source: str = ""  # where a machine value came from ("ld", "meta:article:published_time", "element" …)

    def at_zone(self, tz: tzinfo, at: datetime | None = None) -> Stamp:
        """The same reading with its wall clock (or `at`) put in `tz`: an offset error mended."""
        return Stamp((at or self.at).replace(tzinfo=tz), self.has_time, True, self.label, self.source)


_UPDATE_WORD = (r"(?:updated|last updated|modified|edited|revised|diperbarui|diupdate|update|perbarui|aktualisiert|"
                r"mis à jour|actualizado|atualizado|aggiornato|bijgewerkt|обновлено|оновлено|aktualizacja|güncelleme|"
                r"güncellendi|تحديث|更新)")
_UPDATED_WORDS = re.compile(
    rf"{_UPDATE_WORD}\W{{0,3}}(?:on|at|pada|في)?\W{{0,3}}(?:[^\W\d_]{{2,9}}\.?[,،]?\s*)?$",
    re.IGNORECASE,
)
_PUBLISH_WORD = (r"(?:published|first published|posted|created|released|dipublikasikan|diterbitkan|ditayangkan|"
                 r"diunggah|terbit|publié|mise? en ligne|publicado|publicada|veröffentlicht|pubblicato|gepubliceerd|"
                 r"опубликовано|opublikowano|yayınlanma|نشر|発行|기사입력|입력)")
_PUBLISHED_WORDS = re.compile(
    rf"{_PUBLISH_WORD}\W{{0,3}}(?:on|at|pada|في)?\W{{0,3}}(?:[^\W\d_]{{2,9}}\.?[,،]?\s*)?$", re.IGNORECASE)
# a day whose time follows the label: "الأربعاء، 28 آب/اغسطس 2013، آخر تحديث 14:00 (GMT+0400)", "3 March 2020,
# last updated 10:00 GMT" (the update), "Mardi 24 janvier 2017 | Mise en ligne à 12h02" (the publication)
_LABELLED_TIME_AFTER = re.compile(
    rf"[\s,،|\-–]*(?:[^\W\d_]+\s)?(?:({_UPDATE_WORD})|{_PUBLISH_WORD})\W{{0,3}}(?:{_AT}\s*)?{_TIME_RE}{_ZONE_AFTER}",
    re.IGNORECASE)
# an update's time alone after its label, in the publication's date line: "Publié à 13h59, mis à jour à 15h25"
_UPDATE_CLOCK = re.compile(rf"{_UPDATE_WORD}\W{{0,3}}(?:{_AT}\s*)?{_TIME_RE}{_ZONE_AFTER}", re.IGNORECASE)


def update_clock(text: str, published: datetime, local: tzinfo | None) -> datetime | None:
    """The time of "… mis à jour à 15h25" with no date of its own: on the publication's local day, in the zone
    its label names, else the page's, else the publication's offset."""
    for m in _UPDATE_CLOCK.finditer(text):
        if find_dates(text[m.end() : m.end() + 40], None):
            continue  # "Updated 10:02 AM EST Nov 19, 2019": a date of its own, read as such
        tz = _offset(m.group(5)) or local or published.tzinfo
        day = published.astimezone(tz).date()
        at = _build(day.year, day.month, day.day, m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), tz)
        if at is not None:
            return at  # one before the publication is no update: `_dates` drops it as it drops any such
    return None


# a time written before its date: "10:02 AM EST Nov 19, 2019", "Fri 6:45 PM, Feb 16, 2018", "21:17 18.11.2019"
_TIME_BEFORE = re.compile(rf"{_TIME_RE}\s*{_ZONE_RE}?[\s,|\-–]*(?:[^\W\d_]+\.?,?\s+)?$", re.IGNORECASE)
_YEAR_MIN = 1990
# the page writes slashed numeric dates month first (`<html lang="en-US">`); set by `parse_article` per page
MONTH_FIRST: ContextVar[bool] = ContextVar("month_first", default=False)


def _match_dates(text: str, default_tz: tzinfo | None,
                 month_first: bool) -> list[tuple[int, int, datetime, bool, bool, str]]:
    """(start, end, instant, has time, zoned, the label of a time set after the day or "")."""
    found: list[tuple[int, int, datetime, bool, bool, str]] = []
    for pattern, order in ((_DMY_TEXT, "dmy"), (_MDY_TEXT, "mdy"), (_ISO_NUM, "ymd"), (_DMY_NUM, "dmyn"),
                           (_DMY_SHORT, "dmy2"), (_CJK_NUM, "cjk")):
        for m in pattern.finditer(text):
            g = m.groups()
            if order == "cjk":  # the half of the day is written before the time
                half = ("pm" if g[3] in _CJK_PM else "am") if g[3] else None
                g = (g[0], g[1], g[2], g[4], g[5], g[6], half, None)
            if order == "dmy":
                day, month, year = int(g[0]), MONTHS.get(g[1].lower().rstrip(".")), int(g[2])
            elif order == "mdy":
                day, month, year = int(g[1]), MONTHS.get(g[0].lower().rstrip(".")), int(g[2])
            elif order in ("ymd", "cjk"):
                year, month, day = int(g[0]), int(g[1]), int(g[2])
            elif order == "dmy2":
                day, month, year = int(g[0]), int(g[1]), 2000 + int(g[2])
            else:
                day, month, year = int(g[0]), int(g[1]), int(g[2])
                if month > 12 >= day:  # "2/26/2015": written month first, as only a US date can be
                    day, month = month, day
                elif month_first and "/" in m.group(0) and day <= 12:
                    day, month = month, day  # "05/08/2014" on an en-US page is May 8
            if not month:
                continue
            hh, mm, ss, ampm, zone_label = g[3], g[4], g[5], g[6], g[7]
            start, end, label = m.start(), m.end(), ""
            if hh is None:
                before = _TIME_BEFORE.search(text, max(0, start - 40), start)
                after = _LABELLED_TIME_AFTER.match(text, end)
                if before is not None:
                    hh, mm, ss, ampm, zone_label = before.groups()[:5]
                    start = before.start()
                elif after is not None:
                    hh, mm, ss, ampm, zone_label = after.groups()[1:6]
                    end, label = after.end(), "updated" if after.group(1) else "published"
            dt = _build(year, month, day, hh, mm, ss, ampm, zone_label, default_tz)
            if dt is not None:
                found.append((start, end, dt, hh is not None, zone_label is not None, label))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    out: list[tuple[int, int, datetime, bool, bool, str]] = []
    for f in found:  # overlapping readings of the same words: the earliest, longest one
        if not out or f[0] >= out[-1][1]:
            out.append(f)
    return out


def find_dates(text: str | None, default_tz: tzinfo | None, before_text: str = "") -> list[Stamp]:
    """Every date in a piece of visible text, each with the label the words before it give;
    `before_text` is what a reader sees just before the text ("Updated" outside a `<time>`)."""
    if not text or not _ANY_DIGIT.search(text):
        return []
    return list(_find_dates(" ".join(text.split()), default_tz, before_text, MONTH_FIRST.get()))


_ANY_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=4096)
def _find_dates(text: str, default_tz: tzinfo | None, before_text: str, month_first: bool) -> tuple[Stamp, ...]:
    """`find_dates` on collapsed text, cached: the same date line is read for several questions (the page's
    month-first reading is part of the key, so one page's reading never answers for the next)."""
    out = []
    prev_end = 0
    for start, end, dt, has_time, zoned, label in _match_dates(text, default_tz, month_first):
        before = text[prev_end:start] if prev_end or not before_text else f"{before_text} {text[:start]}"
        out.append(Stamp(dt, has_time, zoned, label or label_of(before)))
        prev_end = end
    return tuple(out)


def label_of(before_text: str) -> str | None:
    """"updated", "published" or None: what the words a reader sees before a date call it."""
    if _UPDATED_WORDS.search(before_text):
        return "updated"
    return "published" if _PUBLISHED_WORDS.search(before_text) else None


_HAS_TIME = re.compile(r"\d{1,2}[:.]\d{2}|^\d{10}(?:\d{3})?$|^\d{14}$")
_COMPACT = re.compile(r"((?:19|20)\d\d)(0[1-9]|1[0-2])([0-2]\d|3[01])([01]\d|2[0-3])([0-5]\d)([0-5]\d)")


def machine_stamp(value: str | None, default_tz: tzinfo | None, source: str = "") -> Stamp | None:
    """A machine value (ISO 8601, epoch, or text), None when unreadable or outside any plausible range
    (CMS templates print 0001-01-01; typos print year 20019)."""
    dt, explicit = parse_iso(value, default_tz)
    if dt is None or not _YEAR_MIN <= dt.year <= datetime.now(UTC).year + 1:
        return None
    return Stamp(dt, bool(_HAS_TIME.search(value or "")), explicit, None, source)


def page_zone(stamps: list[Stamp]) -> tzinfo | None:
    """The zone a page writes its local times in, as its explicit non-UTC offsets show."""
    for s in stamps:
        off = s.at.utcoffset()
        if s.zoned and off:
            return timezone(off)
    return None


def _sign_error(m: Stamp, default_tz: tzinfo | None) -> bool:
    if not (m.zoned and default_tz is not None):
        return False
    local = datetime(m.at.year, m.at.month, m.at.day, 12, tzinfo=default_tz).utcoffset()
    off = m.at.utcoffset()
    return bool(local and off and off == -local)


def choose(machines: list[Stamp], visible: Stamp | None, default_tz: tzinfo | None,
           other: list[Stamp] | None = None) -> Stamp | None:
    """One instant from the machine values (best first) and the date a reader sees.

    - The visible date, when it has a time and a zone label or a "published" label, is what the page
      says; a machine value that agrees keeps its seconds, a machine value with the same wall clock
      under another offset is an offset error (Merdeka's -07:00, Detik's local time marked Z).
    - A machine value with a time beats a visible date without one, unless they are days apart.
    - A date-only value (JSON-LD "November 19, 2019") counts only when nothing has a time.
    - `other` are the machine values of the other kind (modified times when choosing the publication):
      a visible date that is one of them says nothing against this kind's machine value.

    The result keeps the `source` of the value it came from, so the other kind can prefer it.
    """
    timed = [m for m in machines if m.has_time]
    if visible is not None and visible.source == "relative" and (timed or machines):
        visible = None  # "2 jam yang lalu" is only as good as the hour: any stated date is better

    def of(m: Stamp, at: datetime | None = None) -> Stamp:
        return Stamp(at or m.at, True, m.zoned, m.label, m.source)

    if visible is not None and visible.has_time:
        seen = visible.at
        if not visible.zoned and default_tz is None:
            # the visible time is local, its zone unknown: a machine value with an offset that shows the same
            # minute a whole number of half hours away is the instant, and tells the zone
            for m in timed:
                if not m.zoned:
                    continue
                gap = (seen.replace(tzinfo=None) - m.at.astimezone(UTC).replace(tzinfo=None)).total_seconds()
                if m.at.minute == seen.minute or abs(gap) < 60:
                    off = round(gap / 1800) * 1800
                    if abs(off) <= 14 * 3600 and abs(gap - off) < 60:
                        return of(m, m.at.astimezone(timezone(timedelta(seconds=off))))
        for m in timed:
            if not m.zoned and not visible.zoned and default_tz is None:
                continue  # two readings in the same guessed zone agree on nothing
            if abs((m.at - seen).total_seconds()) < 60:  # a naive value the zoned visible time confirms is zoned
                return m if m.zoned or not visible.zoned else Stamp(m.at, True, True, m.label, m.source)
        for m in timed:  # "2018-04-05T06:00" beside "April 5, 2018 | 6:00 PM": a 12-hour clock without its PM
            if not m.zoned and m.at.date() == seen.date() and m.at.minute == seen.minute \
                    and abs(m.at.hour - seen.hour) == 12:
                return of(m, m.at.replace(hour=seen.hour))
        for m in timed:
            if same_wall_clock(m.at, seen):
                off = m.at.utcoffset()
                if visible.zoned or not m.zoned or _sign_error(m, default_tz) or off == timedelta(0):
                    return of(m, m.at.replace(tzinfo=seen.tzinfo))
                return m  # an unlabelled visible time read in a guessed zone: the offset says better
        if visible.zoned or (visible.label == "published" and default_tz is not None):
            for m in timed:
                if m.at.minute == seen.minute and abs((m.at - seen).total_seconds()) <= 15 * 3600:
                    return of(m, seen.replace(second=m.at.second))
            return visible
        if timed:
            m = timed[0]
            seen_off = seen.utcoffset()
            if m.at.utcoffset() == timedelta(0) and m.zoned and seen_off and default_tz is not None:
                # local time labelled Z: wall clocks close to each other, not the zone offset apart
                gap = abs((m.at.replace(tzinfo=None) - seen.replace(tzinfo=None)).total_seconds())
                if gap <= 3 * 3600 and gap < abs(seen_off.total_seconds()) - 3600:
                    return of(m, m.at.replace(tzinfo=seen.tzinfo))
            if _sign_error(m, default_tz):
                return of(m, m.at.replace(tzinfo=default_tz))
            return m
        return visible
    if timed:
        m = timed[0]
        at = m.at.replace(tzinfo=default_tz) if _sign_error(m, default_tz) else m.at
        if visible is not None and abs((at.date() - visible.at.date()).days) > 1 and not any(
                o.at.date() == visible.at.date() for o in other or ()):
            return visible  # a machine date days away from the visible one is not to be trusted over it
        return of(m, at)
    if visible is not None:
        return visible
    return machines[0] if machines else None


# --- relative dates ("2 jam yang lalu", "3 hours ago", "kemarin") ------------------------------------------
_UNITS = {
    "detik": "seconds", "second": "seconds", "sec": "seconds",
    "menit": "minutes", "minute": "minutes", "min": "minutes", "mins": "minutes",
    "jam": "hours", "hour": "hours", "hr": "hours", "hrs": "hours",
    "hari": "days", "day": "days",
    "minggu": "weeks", "pekan": "weeks", "week": "weeks",
}
_RELATIVE = re.compile(
    r"\b(\d{1,3}|an?|one|se|satu)\s*(detik|menit|jam|hari|minggu|pekan|seconds?|secs?|minutes?|mins?|hours?|hrs?|"
    r"days?|weeks?)\s+(?:yang\s+)?(?:lalu|ago)\b",
    re.IGNORECASE,
)
_YESTERDAY = re.compile(r"\b(?:kemarin|yesterday)\b", re.IGNORECASE)
# "Today 2:51PM", "Hari ini, 14:51 WIB", "Gestern, 18:03 Uhr": a day word and its time ("hier" is French
# "yesterday" only with a time after it; German "hier" is "here")
_TODAY_WORDS = ("today", "hari ini", "heute", "hoy", "aujourd'hui", "aujourd’hui", "oggi", "vandaag", "hoje",
                "今天", "今日", "오늘")
_YESTERDAY_WORDS = ("yesterday", "kemarin", "gestern", "ayer", "hier", "ieri", "gisteren", "ontem", "昨天", "昨日",
                    "어제")
_DAY_AND_TIME = re.compile(
    rf"(?<![^\W\d_])({'|'.join(map(re.escape, _TODAY_WORDS + _YESTERDAY_WORDS))})(?![^\W\d_])"
    rf"[\s,]*{_AT}?\s*{_TIME_RE}\s*{_ZONE_RE}?",
    re.IGNORECASE,
)
_JUST_NOW = re.compile(r"\b(?:baru saja|just now|moments? ago)\b", re.IGNORECASE)


def find_relative(text: str | None, now: datetime | None, default_tz: tzinfo | None,
                  before_text: str = "") -> Stamp | None:
    """A date written relative to when the page was fetched: 'Diperbarui 2 jam yang lalu', '3 hours ago',
    'kemarin'. `now` is the fetch time; without it a relative date means nothing."""
    if not text or now is None:
        return None
    m = _RELATIVE.search(text)
    if m:
        count = m.group(1).lower()
        n = 1 if count in ("a", "an", "one", "se", "satu") else int(count)
        word = m.group(2).lower()
        unit = _UNITS.get(word) or _UNITS[word.rstrip("s")]
        at = now - timedelta(**{unit: n})
        label = label_of(f"{before_text} {text[: m.start()]}")
        # minutes and hours pin the time down; days and weeks only the date
        return Stamp(at.astimezone(default_tz) if default_tz else at, unit in ("seconds", "minutes", "hours"),
                     True, label, "relative")
    if _JUST_NOW.search(text):
        return Stamp(now.astimezone(default_tz) if default_tz else now, True, True, None, "relative")
    if (m := _DAY_AND_TIME.search(text)) is not None:
        tz = _offset(m.group(6)) or default_tz or UTC
        day = now.astimezone(tz).date() - timedelta(days=0 if m.group(1).lower() in _TODAY_WORDS else 1)
        at = _build(day.year, day.month, day.day, m.group(2), m.group(3), m.group(4), m.group(5), m.group(6), tz)
        if at is not None:
            return Stamp(at, True, True, label_of(f"{before_text} {text[: m.start()]}"), "relative")
    if _YESTERDAY.search(text):
        local = now.astimezone(default_tz) if default_tz else now
        day = (local - timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
        return Stamp(day, False, True, None, "relative")
    return None
