"""Which clock a page keeps: the zone its naive local times are read in."""

from __future__ import annotations

import re
from datetime import timedelta, timezone, tzinfo
from urllib.parse import urlsplit

from flows.extract import dates
from flows.extract.metadata import Meta


def blog_zone(meta: Meta) -> tzinfo | None:
    """The UTC offset a WordPress blog's stats script names (`tz: '-5'`): its clock when it was rendered, the
    best there is for a page that states no zone at all."""
    value = meta.first("wordpress:tz")
    try:
        hours = float(value) if value else None
    except ValueError:
        return None
    return timezone(timedelta(hours=hours)) if hours is not None and abs(hours) <= 14 else None


def default_zone(profile_tz: str | None, tz_hint: str | None, lang: str | None, url: str) -> tzinfo | None:
    """Zone for naive local times: the profile's, then the source's hint, then the one clock of the page's
    language or country domain (Asia/Jakarta for Indonesian pages)."""
    for name in (profile_tz, tz_hint):
        z = dates.zone(name)
        if z is not None:
            return z
    name = _LANGUAGE_ZONES.get(lang or "") or _DOMAIN_ZONES.get((urlsplit(url).hostname or "").rsplit(".", 1)[-1])
    return dates.zone(name) if name else None


def guess_zone(declared: list[str | None], lang: str | None, url: str) -> tzinfo | None:
    """The clock a page that names none most likely keeps: its country domain's main zone (Canada's papers are
    in Toronto and Montreal), else the region of its declared language ("en-US", "fr_CA"), else US Eastern for an
    English page on a generic domain, where most English news sites with no zone are New York's and Washington's,
    unless the site is named for a US city or state outside that zone ("seattletimes.com").
    Only a guess, read last: for naive times on a page that names no offset or zone and shows no age or local
    time that fits them as UTC."""
    hostname = urlsplit(url).hostname or ""
    host = hostname.rsplit(".", 1)[-1]
    if host in _HOME_ZONES:
        return dates.zone(_HOME_ZONES[host])
    english = (lang or "").startswith("en") or any((tag or "").lower().startswith("en") for tag in declared)
    if english and host in _GENERIC and (place := _US_PLACE.search(hostname.rsplit(".", 1)[0].replace("-", ""))):
        return dates.zone(_US_PLACES[place.group(0)])
    for tag in declared:
        region = re.split(r"[-_]", tag or "")[1:2]
        if region and (name := _HOME_ZONES.get(region[0].lower()) or _DOMAIN_ZONES.get(region[0].lower())):
            return dates.zone(name)
    if (lang or "").startswith("en") and host in _GENERIC:
        return dates.zone("America/New_York")
    return None


_GENERIC = frozenset(["com", "org", "net", "edu", "gov", "us"])


# US papers are named for their city or state ("seattletimes.com", "chicagotribune.com", "texastribune.org"):
# outside the Eastern zone, the name gives the clock. Names that several zones share ("portland", "washington",
# "springfield") are left out.
_US_PLACES = {
    **dict.fromkeys(["chicago", "dallas", "houston", "austin", "sanantonio", "fortworth", "minneapolis", "startribune",
                     "milwaukee", "kansascity", "stlouis", "stltoday", "neworleans", "nola", "oklahoma", "omaha",
                     "tulsa", "memphis", "nashville", "desmoines", "wichita", "texas", "minnesota", "wisconsin",
                     "iowa", "missouri", "louisiana", "alabama", "illinois", "nebraska", "arkansas", "mississippi"],
                    "America/Chicago"),
    **dict.fromkeys(["denver", "saltlake", "albuquerque", "boise", "colorado", "utah", "newmexico", "montana",
                     "wyoming"], "America/Denver"),
    **dict.fromkeys(["phoenix", "tucson", "azcentral", "arizona"], "America/Phoenix"),
    **dict.fromkeys(["seattle", "tacoma", "spokane", "sacramento", "sandiego", "sanfrancisco", "sfgate", "sfchronicle",
                     "losangeles", "latimes", "oakland", "sanjose", "mercurynews", "fresno", "ocregister", "lasvegas",
                     "oregon", "california", "nevada"], "America/Los_Angeles"),
    **dict.fromkeys(["anchorage", "alaska"], "America/Anchorage"),
    **dict.fromkeys(["honolulu", "hawaii"], "Pacific/Honolulu"),
}
_US_PLACE = re.compile("|".join(sorted(_US_PLACES, key=len, reverse=True)))


# the main clock of countries that keep several: a guess, unlike the one-clock tables below; and "gb", the
# region of "en-GB", whose domain is `.uk`
_HOME_ZONES = {"us": "America/New_York", "ca": "America/Toronto", "au": "Australia/Sydney", "mx": "America/Mexico_City",
               "ru": "Europe/Moscow", "gb": "Europe/London"}


# Languages and country domains whose speakers or country keep one clock (Indonesian pages are read in
# WIB unless a label says WITA/WIT; German is written in Germany, Austria, Switzerland, Luxembourg and
# Liechtenstein, which share their clocks all year). Two tables: "ms" is Malay but `.ms` is Montserrat,
# "vi" is Vietnamese but `.vi` the US Virgin Islands.
_LANGUAGE_ZONES = {"id": "Asia/Jakarta", "ko": "Asia/Seoul", "ja": "Asia/Tokyo", "th": "Asia/Bangkok",
                   "vi": "Asia/Ho_Chi_Minh", "de": "Europe/Berlin", "nl": "Europe/Amsterdam", "pl": "Europe/Warsaw",
                   "it": "Europe/Rome", "cs": "Europe/Prague", "hu": "Europe/Budapest", "ro": "Europe/Bucharest",
                   "el": "Europe/Athens", "tr": "Europe/Istanbul", "he": "Asia/Jerusalem", "fi": "Europe/Helsinki",
                   "da": "Europe/Copenhagen", "nb": "Europe/Oslo", "no": "Europe/Oslo", "ms": "Asia/Kuala_Lumpur",
                   # Chinese is written in mainland China, Taiwan, Hong Kong, Macau and Singapore: all on UTC+8
                   "zh": "Asia/Shanghai", "sk": "Europe/Bratislava", "sl": "Europe/Ljubljana",
                   "hr": "Europe/Zagreb", "sv": "Europe/Stockholm", "bg": "Europe/Sofia", "uk": "Europe/Kyiv"}
_DOMAIN_ZONES = {"id": "Asia/Jakarta", "kr": "Asia/Seoul", "jp": "Asia/Tokyo", "th": "Asia/Bangkok",
                 "vn": "Asia/Ho_Chi_Minh", "de": "Europe/Berlin", "at": "Europe/Vienna", "ch": "Europe/Zurich",
                 "nl": "Europe/Amsterdam", "pl": "Europe/Warsaw", "it": "Europe/Rome", "cz": "Europe/Prague",
                 "hu": "Europe/Budapest", "ro": "Europe/Bucharest", "gr": "Europe/Athens", "tr": "Europe/Istanbul",
                 "il": "Asia/Jerusalem", "fi": "Europe/Helsinki", "dk": "Europe/Copenhagen", "no": "Europe/Oslo",
                 "my": "Asia/Kuala_Lumpur", "ph": "Asia/Manila", "cn": "Asia/Shanghai", "tw": "Asia/Taipei",
                 "hk": "Asia/Hong_Kong", "sg": "Asia/Singapore", "in": "Asia/Kolkata", "sk": "Europe/Bratislava",
                 "si": "Europe/Ljubljana", "hr": "Europe/Zagreb", "se": "Europe/Stockholm", "bg": "Europe/Sofia",
                 "ua": "Europe/Kyiv", "be": "Europe/Brussels", "lu": "Europe/Luxembourg", "ie": "Europe/Dublin",
                 "uk": "Europe/London", "fr": "Europe/Paris", "es": "Europe/Madrid", "pt": "Europe/Lisbon",
                 "ar": "America/Argentina/Buenos_Aires", "za": "Africa/Johannesburg", "ng": "Africa/Lagos",
                 "ke": "Africa/Nairobi", "eg": "Africa/Cairo", "nz": "Pacific/Auckland", "pk": "Asia/Karachi",
                 "bd": "Asia/Dhaka", "lk": "Asia/Colombo", "np": "Asia/Kathmandu", "ae": "Asia/Dubai",
                 "sa": "Asia/Riyadh", "qa": "Asia/Qatar", "ir": "Asia/Tehran",
                 # Brazil spans four zones, but most of its people and its national papers keep Brasília's clock
                 "br": "America/Sao_Paulo", "cl": "America/Santiago", "pe": "America/Lima", "uy": "America/Montevideo"}
