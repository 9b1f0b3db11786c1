"""Rules and gazetteer lookups that complement the CRF, and the English (rule-only) tagger.

Indonesian: the CRF proposes spans; the rules add what cues make near-certain and the model missed
("Wakil Menteri Luar Negeri Rusia Igor Morgulov" → PER after a title and a country, "Mengutip Channel
News Asia" → ORG after a citation cue, "Korut" → LOC from the alias table), strip titles from person
spans, and let the curated alias table fix the type of a span it knows exactly.
English: capitalised runs classified by the same gazetteers and cue lists, since no English training
data ships with the project.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from flows.mentions.cues import cues, word_lists
from flows.mentions.gazetteer import core, gazetteer, match_words
from flows.mentions.spans import TokenSpan

GAZETTEER_CONFIDENCE = {"alias": 0.9, "country": 0.9, "region": 0.85, "city": 0.8}
TITLE_CONFIDENCE = 0.85
CITATION_CONFIDENCE = 0.8
SPEECH_CONFIDENCE = 0.7
GUESS_CONFIDENCE = 0.55


@dataclass(slots=True)
class _Context:
    """Per-sentence lookups shared by the rules."""

    words: Sequence[str]
    cores: list[str]
    lowered: list[str]
    gaz: dict[int, tuple[int, str, float]]  # first token → (last, label, confidence)
    short: frozenset[int]  # first tokens of the alias table's abbreviations ("Korut", "AS")

    @classmethod
    def build(cls, words: Sequence[str]) -> _Context:
        cores = [core(w) for w in words]
        gaz = {}
        short = set()
        for first, last, cats in match_words(tuple(words)):
            label, conf = _gazetteer_label(cats)
            if label and _is_cap(cores[first]):
                gaz[first] = (last, label, conf)
                if "short" in cats:
                    short.add(first)
        return cls(words, cores, [c.lower() for c in cores], gaz, frozenset(short))


def _gazetteer_label(cats: frozenset[str]) -> tuple[str | None, float]:
    for cat in sorted(cats):
        if cat.startswith("alias:"):
            return cat.split(":", 1)[1], GAZETTEER_CONFIDENCE["alias"]
    for cat in ("country", "region", "city"):
        if cat in cats:
            return "LOC", GAZETTEER_CONFIDENCE[cat]
    return None, 0.0


def _is_cap(word: str) -> bool:
    return word[:1].isupper()


def _name_run(ctx: _Context, start: int, limit: int = 4, org: bool = False) -> int:
    """End (exclusive) of a run of capitalised name words from `start`; `start` if there is none."""
    lists = word_lists()
    table = cues()
    connectors = lists["name_connectors"] | (lists["org_connectors"] if org else frozenset())
    j = start
    n = len(ctx.words)
    count = 0
    while j < n and count < limit:
        word, low = ctx.cores[j], ctx.lowered[j]
        if ctx.words[j] != word and j > start:  # a bracket closes the name
            break
        if _is_cap(word) and (j > start or low not in lists["non_names"]):
            if not org and low in table["person_titles"].words:
                break
            j += 1
            count += 1
        elif j > start and low in connectors and j + 1 < n and _is_cap(ctx.cores[j + 1]):
            j += 1
        else:
            break
    return j


def _skip_titles_and_places(ctx: _Context, j: int) -> int:
    """Skip further title words, nationality words and one place or body ("Presiden AS", "Ketua KPK")."""
    table = cues()
    lists = word_lists()
    skipped_gaz = False
    while j < len(ctx.words):
        length = table["person_titles"].starting_at(ctx.lowered, j)
        if length:
            j += length
            continue
        if ctx.lowered[j] in lists["demonyms"] or (
            ctx.lowered[j] in lists["title_qualifiers"] and _is_cap(ctx.cores[j])
        ):
            j += 1
            continue
        if j in ctx.gaz and not skipped_gaz and ctx.gaz[j][1] != "PER":
            j = ctx.gaz[j][0]
            skipped_gaz = True
            continue
        if len(ctx.cores[j]) > 1 and ctx.cores[j].isupper() and j not in ctx.gaz:
            j += 1  # an acronym qualifying the title: "Ketua DPW ..."
            continue
        break
    return j


def title_spans(ctx: _Context) -> list[TokenSpan]:
    """PER after a title: "Menteri Luar Negeri Chung Eui-yong", "Presiden AS Joe Biden"."""
    table = cues()
    spans = []
    n = len(ctx.words)
    i = 0
    while i < n:
        length = table["person_titles"].starting_at(ctx.lowered, i)
        if not length:
            i += 1
            continue
        j = _skip_titles_and_places(ctx, i + length)
        end = _name_run(ctx, j)
        if end > j and not _starts_org_or_place(ctx, j):
            spans.append(TokenSpan(j, end, "PER", TITLE_CONFIDENCE, "rule"))
            i = end
        else:
            i += length
    return spans


def _starts_org_or_place(ctx: _Context, j: int) -> bool:
    table = cues()
    return bool(
        j in ctx.gaz
        or table["org_heads"].starting_at(ctx.lowered, j)
        or table["loc_heads"].starting_at(ctx.lowered, j)
    )


def citation_spans(ctx: _Context) -> list[TokenSpan]:
    """ORG after a citation cue: "Mengutip Channel News Asia", "dilansir dari Reuters"."""
    table = cues()
    spans = []
    for i in range(len(ctx.words)):
        if not table["citation_cues"].ending_at(ctx.lowered, i):
            continue
        j = i + 1
        if j >= len(ctx.words) or table["person_titles"].starting_at(ctx.lowered, j):
            continue
        if j in ctx.gaz and ctx.gaz[j][1] == "PER":
            continue
        end = _name_run(ctx, j, limit=6, org=True)
        if end > j:
            spans.append(TokenSpan(j, end, "ORG", CITATION_CONFIDENCE, "rule"))
    return spans


def speech_spans(ctx: _Context) -> list[TokenSpan]:
    """PER right after or before a reporting verb: "..., kata Soegeng.", "Tumiran mengatakan ..."."""
    table = cues()
    spans = []
    n = len(ctx.words)
    for i in range(n):
        if ctx.lowered[i] not in table["speech_verbs"].words:
            continue
        j = i + 1
        end = _name_run(ctx, j, limit=3)
        if end > j and j not in ctx.gaz and not _starts_org_or_place(ctx, j) and (
            end == n or not _is_cap(ctx.cores[end])
        ):
            spans.append(TokenSpan(j, end, "PER", SPEECH_CONFIDENCE, "rule"))
        if (
            i == 1
            and _is_cap(ctx.cores[0])
            and ctx.lowered[0] not in word_lists()["non_names"]
            and 0 not in ctx.gaz
            and not _starts_org_or_place(ctx, 0)
        ):
            spans.append(TokenSpan(0, 1, "PER", GUESS_CONFIDENCE, "rule"))
    return spans


def _romanized_given_name(word: str) -> bool:
    """"Kyu-duk", "Eui-yong", "Jong-un": a hyphenated given name, not a reduplication ("Bangsa-bangsa")."""
    head, sep, tail = word.partition("-")
    return bool(sep) and head[:1].isupper() and tail[:1].islower() and tail.isalpha() and (
        tail.lower() not in head.lower() and head.lower() not in tail.lower()
    )


def name_shape_spans(ctx: _Context, taken: list[TokenSpan]) -> list[TokenSpan]:
    """Fallback for East Asian names the model has not seen: "menemui Noh Kyu-duk" (two or three
    Title-case words ending in a hyphenated given name, which nothing else claimed)."""
    if not any("-" in w and _romanized_given_name(w) for w in ctx.cores):
        return []
    covered = {k for s in taken for k in range(s.first, s.last)}
    spans = []
    j = 0
    while j < len(ctx.words):
        end = _name_run(ctx, j, limit=3)
        if (
            end - j >= 2
            and not covered & set(range(j, end))
            and _romanized_given_name(ctx.cores[end - 1])
            and not _starts_org_or_place(ctx, j)
        ):
            spans.append(TokenSpan(j, end, "PER", 0.6, "rule"))
        j = max(end, j + 1)
    return spans


PLACE_MODES = ("curated", "locative", "all")


def place_mode(place_recall: bool | str) -> str:
    """`place_recall` as one of PLACE_MODES; `True` and `False` are the old switch ("all", "locative")."""
    if place_recall is True:
        return "all"
    if place_recall is False:
        return "locative"
    if place_recall not in PLACE_MODES:
        raise ValueError(f"place_recall must be one of {PLACE_MODES} (or a bool), not {place_recall!r}")
    return place_recall


def _locative(ctx: _Context, first: int) -> bool:
    """The word or two words before `first` say it is used as a place: "di", "ke", "asal", "ibu kota"."""
    cues_ = word_lists()["locative_cues"]
    return first > 0 and (
        ctx.lowered[first - 1] in cues_ or (first > 1 and f"{ctx.lowered[first - 2]} {ctx.lowered[first - 1]}" in cues_)
    )


def title_place_slots(ctx: _Context) -> set[int]:
    """Places named between a title and a person's name: "Wakil Menteri Luar Negeri [Rusia] Igor Morgulov",
    "Presiden [AS] Joe Biden" (not "Presiden Sudan" alone: that is a role, and IDNER tags it `O`)."""
    slots: set[int] = set()
    if not any(hit[1] == "LOC" for hit in ctx.gaz.values()):
        return slots
    titles = cues()["person_titles"]
    for i, low in enumerate(ctx.lowered):
        length = titles.starting_at(ctx.lowered, i) if low in titles.firsts else 0
        if not length:
            continue
        j = i + length
        while j < len(ctx.words):
            more = titles.starting_at(ctx.lowered, j)
            if more:
                j += more
            elif ctx.lowered[j] in word_lists()["title_qualifiers"] and _is_cap(ctx.cores[j]):
                j += 1
            else:
                break
        hit = ctx.gaz.get(j)
        if hit and hit[1] == "LOC" and _name_run(ctx, hit[0]) > hit[0] and hit[0] not in ctx.gaz:
            slots.add(j)
    return slots


def gazetteer_spans(
    ctx: _Context, place_recall: bool | str = "curated", disabled: frozenset[str] = frozenset()
) -> list[TokenSpan]:
    """Listed names. Organisations and people from the alias table count everywhere; a listed place counts
    - with "locative" (the IDNER convention): only where it is used as a place ("di Seoul", "asal Jepang");
      "serangan udara Israel", "Presiden Sudan" are modifiers, tagged `O` by the annotators;
    - with "curated" (the default): also the alias table's abbreviations ("Korut", "AS", "RI"), which are
      written only to name the entity, and a place between a title and a person's name
      ("Menlu Rusia Igor Morgulov");
    - with "all": wherever it appears.
    A country after a currency word ("dolar AS") is never a place."""
    mode = place_mode(place_recall)
    lists = word_lists()
    slots = title_place_slots(ctx) if mode == "curated" and "title_places" not in disabled else set()
    spans = []
    for first, (last, label, conf) in ctx.gaz.items():
        if label == "LOC":
            if first > 0 and ctx.lowered[first - 1] in lists["currency_words"]:
                continue
            if not _locative(ctx, first):
                curated = first in slots or (first in ctx.short and "short_forms" not in disabled)
                if mode == "locative" or (mode == "curated" and not curated):
                    continue
                conf -= 0.15
        spans.append(TokenSpan(first, last, label, round(conf, 4), "gazetteer"))
    return spans


def _common(ctx: _Context, k: int, label: str) -> bool:
    """Token `k` is a capitalised word that is never part of a name of type `label`."""
    lists = word_lists()
    low = ctx.lowered[k]
    if not _is_cap(ctx.cores[k]) or k in ctx.gaz:
        return False
    if low in lists["org_connectors"] or low in lists["name_connectors"]:
        return label != "ORG"  # "Kementerian Pendidikan Dan Kebudayaan", but "Korut Dan Korsel"
    return low in lists["common_words"] or low in cues()["speech_verbs"].words


@cache
def _maybe_common() -> frozenset[str]:
    lists = word_lists()
    return frozenset().union(
        lists["common_words"], lists["non_names"], lists["org_connectors"], lists["name_connectors"],
        cues()["speech_verbs"].words,
    )


def trim_common_words(ctx: _Context, span: TokenSpan) -> TokenSpan | None:
    """Cut a span at the first common word ("Korut Bahas Proses Perdamaian" → "Korut"), dropping leading
    ones ("Cek Fakta Liputan6.com" → "Liputan6.com"); drop a span of page furniture and common words alone
    ("Video Terkini", "Follow Official", "POPULER", "Makin Memanas")."""
    lists = word_lists()
    maybe = _maybe_common()
    if not any(ctx.lowered[k] in maybe for k in range(span.first, span.last)):
        return span  # the usual case, cheaply
    listed = {k for first, (last, _, _) in ctx.gaz.items() for k in range(first, last)}  # "AS" is not "as"
    if not listed.intersection(range(span.first, span.last)) and all(
        ctx.lowered[k] in lists["common_words"] or ctx.lowered[k] in lists["non_names"]
        for k in range(span.first, span.last)
    ):
        return None
    first = span.first
    while first < span.last and _common(ctx, first, span.label):
        first += 1
    last = first
    while last < span.last and not _common(ctx, last, span.label):
        last += 1
    if last <= first:
        return None
    if (first, last) == (span.first, span.last):
        return span
    return TokenSpan(first, last, span.label, span.confidence, span.method)


def strip_titles(ctx: _Context, span: TokenSpan) -> TokenSpan:
    """Titles are not part of a person's name: "Jenderal Soedirman" → "Soedirman"."""
    if span.label != "PER":
        return span
    table = cues()
    first = span.first
    while first < span.last - 1:
        length = table["person_titles"].starting_at(ctx.lowered[: span.last - 1], first)
        if not length or not (first + length < span.last) or ctx.words[first + length - 1].endswith("."):
            break  # dotted honorifics ("Ir.", "Dr.") stay: the annotators keep them with the name
        first += length
    return TokenSpan(first, span.last, span.label, span.confidence, span.method) if first != span.first else span


def merge(base: list[TokenSpan], extra: list[TokenSpan]) -> list[TokenSpan]:
    """Add `extra` spans where they overlap nothing; a rule beats weaker overlapping model spans."""
    result = list(base)
    for cand in sorted(extra, key=lambda s: (-s.confidence, s.first)):
        clashes = [s for s in result if s.overlaps(cand)]
        if not clashes:
            result.append(cand)
        elif (
            cand.method == "rule"
            and all(s.method == "crf" and s.confidence < cand.confidence for s in clashes)
            and not any((s.first, s.last, s.label) == (cand.first, cand.last, cand.label) for s in clashes)
        ):
            result = [s for s in result if s not in clashes]
            result.append(cand)
    return sorted(result, key=lambda s: s.first)


def apply_alias_types(ctx: _Context, spans: list[TokenSpan]) -> list[TokenSpan]:
    """A span that is exactly an alias-table form takes the table's type (the table is curated)."""
    out = []
    for s in spans:
        hit = ctx.gaz.get(s.first)
        if hit and hit[0] == s.last and hit[2] >= GAZETTEER_CONFIDENCE["alias"] and hit[1] != s.label:
            s = TokenSpan(s.first, s.last, hit[1], s.confidence, s.method)
        out.append(s)
    return out


RULE_FAMILIES = (
    "strip_titles", "titles", "citations", "speech", "places", "short_forms", "title_places", "name_shape",
    "alias_types", "common_words",
)


def refine_indonesian(
    words: Sequence[str],
    model_spans: list[TokenSpan],
    place_recall: bool | str = "curated",
    disabled: frozenset[str] = frozenset(),
) -> list[TokenSpan]:
    """The full Indonesian pipeline for one sentence, given the CRF's spans. `disabled` names rule families
    (RULE_FAMILIES) to leave out, for measuring what each contributes."""
    ctx = _Context.build(words)
    spans = list(model_spans)
    if "common_words" not in disabled:
        spans = [c for c in (trim_common_words(ctx, s) for s in spans) if c is not None]
    if "strip_titles" not in disabled:
        spans = [strip_titles(ctx, s) for s in spans]
    rules_ = (title_spans(ctx) if "titles" not in disabled else []) + (
        citation_spans(ctx) if "citations" not in disabled else []
    )
    spans = merge(spans, rules_)
    rules_ = (speech_spans(ctx) if "speech" not in disabled else []) + (
        gazetteer_spans(ctx, place_recall, disabled) if "places" not in disabled else []
    )
    spans = merge(spans, rules_)
    if "name_shape" not in disabled:
        spans = merge(spans, name_shape_spans(ctx, spans))
    if "common_words" not in disabled:
        spans = [c for c in (trim_common_words(ctx, s) for s in spans) if c is not None]
    return apply_alias_types(ctx, spans) if "alias_types" not in disabled else spans


def tag_english(words: Sequence[str], place_recall: bool | str = "curated") -> list[TokenSpan]:
    """English (and other languages without a model): capitalised runs typed by gazetteers and cues.
    Every capitalised run gets a type here, so a listed place is a place wherever it stands ("curated" is
    "all"; only "locative" restricts it)."""
    ctx = _Context.build(words)
    mode = "locative" if place_mode(place_recall) == "locative" else "all"
    spans = merge([], title_spans(ctx) + citation_spans(ctx) + gazetteer_spans(ctx, mode))
    table = cues()
    lists = word_lists()
    n = len(words)
    j = 0
    while j < n:
        cap = _is_cap(ctx.cores[j])
        title = table["person_titles"].starting_at(ctx.lowered, j) if cap else 0
        if title:
            j += title
            continue
        if j + 1 < n and f"{ctx.lowered[j]} {ctx.lowered[j + 1]}" in lists["demonyms"]:
            j += 2
            continue
        if not cap:  # a name run starts with a capital: nothing below can start here
            j += 1
            continue
        if (
            any(s.first <= j < s.last for s in spans)
            or ctx.lowered[j] in lists["demonyms"]
            or (ctx.lowered[j] in lists["title_qualifiers"] and _is_cap(ctx.cores[j]))
        ):
            j += 1
            continue
        end = _name_run(ctx, j, limit=6, org=True)
        later = [s.first for s in spans if j < s.first < end]
        end = min(later, default=end)
        if end > j:
            label, conf = _classify_english(ctx, j, end)
            if label:
                spans.append(TokenSpan(j, end, label, conf, "rule"))
        j = max(end, j + 1)
    return sorted(spans, key=lambda s: s.first)


def tag_headline(words: Sequence[str], place_recall: bool | str = "curated") -> list[TokenSpan]:
    """Headline Case titles capitalise every word, so only listed names are trusted there."""
    return gazetteer_spans(_Context.build(words), place_recall)


def balance_brackets(words: Sequence[str], span: TokenSpan) -> TokenSpan | None:
    """Close "PT Pertamina (Persero" with the ")" that follows, or cut a dangling bracket off a span."""
    first, last = span.first, span.last
    while first < last and words[first] in {")", "]"}:
        first += 1
    inside = words[first:last]
    opened = inside.count("(") - inside.count(")")
    if opened > 0:
        if last < len(words) and words[last] == ")" and opened == 1:
            last += 1
        else:
            last = first + max(k for k, w in enumerate(inside) if w == "(")
    while last > first and words[last - 1] in {"(", "[", ",", "-"}:
        last -= 1
    if last <= first:
        return None
    if (first, last) == (span.first, span.last):
        return span
    return TokenSpan(first, last, span.label, span.confidence, span.method)


def _classify_english(ctx: _Context, first: int, last: int) -> tuple[str | None, float]:
    table = cues()
    low = ctx.lowered
    if table["org_heads"].starting_at(low, first) or table["org_tails"].ending_at(low, last - 1):
        return "ORG", 0.75
    if table["loc_heads"].starting_at(low, first) or table["loc_heads"].ending_at(low, last - 1):
        return "LOC", 0.7
    prev = low[first - 1] if first > 0 else ""
    nxt = low[last] if last < len(low) else ""
    if prev in table["speech_verbs"].words or nxt in table["speech_verbs"].words:
        return "PER", 0.7
    words = [ctx.cores[k] for k in range(first, last)]
    if len(words) == 1 and words[0].isupper():
        cats = gazetteer().categories(words[0].title())  # a dateline: "SEOUL -"
        if cats:
            return _gazetteer_label(cats)[0], 0.7
        if 2 <= len(words[0]) <= 5:
            return "ORG", 0.5
    if 2 <= len(words) <= 3 and all(w[:1].isupper() and w[1:2].islower() for w in words):
        return "PER", GUESS_CONFIDENCE
    return None, 0.0
