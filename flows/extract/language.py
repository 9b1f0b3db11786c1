"""Language: declared (html lang, og:locale, meta, JSON-LD) first, else a cheap stopword vote.

Declarations are usually right on news sites; the stopword vote covers pages without one and is
also used to overrule a declaration the text plainly contradicts (templates that say "en" everywhere).
"""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOPWORDS: dict[str, frozenset[str]] = {
    "id": _words("yang dan di ini itu dengan untuk dari dalam tidak akan pada juga ke karena oleh "
                    "adalah telah sudah bisa kata tersebut mereka atau ada saat lebih masih para"),
    "en": _words("the and of to in is that for it with as was on be by at this are from have has "
                    "but not an they which or his her their said were"),
    "de": _words("der die und das ist nicht mit den von zu sich des auf für im dem ein eine auch"),
    "fr": _words("le la les et des est une pour dans que qui pas sur au du par avec plus sont"),
    "es": _words("el la los las y que de en un una por con para es del se al más como pero"),
    "pt": _words("o a os as e que de em um uma para com não do da dos das por mais como"),
    "it": _words("il la le e che di un una per con non è del della sono come anche più"),
    "nl": _words("de het een en van is dat op te in voor niet met zijn aan ook als"),
    "ms": _words("yang dan di ini itu dengan untuk dari dalam tidak akan pada juga kepada ialah "
                    "telah boleh beliau kerana"),
}
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def normalize_code(value: str | None) -> str | None:
    """'id-ID', 'in_ID', 'en-us' -> 'id', 'id', 'en'."""
    if not value:
        return None
    code = re.split(r"[-_\s]", value.strip().lower(), maxsplit=1)[0]
    if code == "in":  # the old ISO 639 code for Indonesian, still used by Java-based CMSs
        return "id"
    if len(code) in (2, 3) and code.isalpha():
        return code
    return None


# kana, CJK ideographs and hangul: scripts written without spaces between words (hangul with them, but a
# syllable block is as dense as an ideograph)
KANA, HAN, HANGUL = "\u3040-\u30ff", "\u3400-\u9fff", "\uac00-\ud7af"
CJK_CHARS = KANA + HAN + HANGUL
# languages a script tells by itself: kana is Japanese (with or without kanji), Han without kana Chinese
_SCRIPTS = [("ja", re.compile(f"[{KANA}]")), ("ko", re.compile(f"[{HANGUL}]")),
            ("zh", re.compile(f"[{HAN}]")), ("th", re.compile(r"[\u0e00-\u0e7f]")),
            ("el", re.compile(r"[\u0370-\u03ff]")), ("he", re.compile(r"[\u0590-\u05ff]")),
            ("ar", re.compile(r"[\u0600-\u06ff]"))]


def _by_script(sample: str) -> str | None:
    letters = sum(1 for ch in sample if ch.isalpha())
    if letters < 20:
        return None
    counts = {lang: len(pattern.findall(sample)) for lang, pattern in _SCRIPTS}
    if counts["ja"] >= 0.05 * letters:
        return "ja"
    best = max(counts, key=counts.__getitem__)
    return best if counts[best] >= 0.3 * letters else None


def detect(text: str) -> str | None:
    """The script of the first few thousand characters where it tells the language, else the best stopword
    match; None when unsure."""
    sample = text[:6000]
    if not sample.isascii():
        by_script = _by_script(sample)
        if by_script:
            return by_script
    words = _WORD.findall(sample.lower())
    if len(words) < 8:
        return None
    scores = {lang: sum(1 for w in words if w in stops) for lang, stops in STOPWORDS.items()}
    best = max(scores, key=scores.__getitem__)
    if scores[best] < max(3, len(words) * 0.04):
        return None
    if best == "ms" and scores["id"] >= scores["ms"] * 0.8:
        return "id"
    return best


def choose(declared: list[str | None], text: str) -> str | None:
    """First declared language, unless the text clearly says otherwise."""
    guess = detect(text)
    for value in declared:
        code = normalize_code(value)
        if code:
            if guess and guess != code and code in STOPWORDS:
                return guess
            return code
    return guess
