"""`extract_mentions`: raw text → mentions with character offsets.

Text is tokenized and split into sentences (the CRF was trained on sentences); Indonesian goes through
the CRF and the rules, English through the rules alone; then, over the whole text, names already found
are propagated to their other occurrences and to the parts of person names ("Kim" after "Sung Kim").
"""

from __future__ import annotations

from flows.mentions.cues import word_lists
from flows.mentions.rules import balance_brackets, place_mode, refine_indonesian, tag_english, tag_headline
from flows.mentions.spans import Mention, TokenSpan
from flows.mentions.tagger import tag_words
from flows.mentions.tokenize import Token, split_sentences, tokenize

PROPAGATED_CONFIDENCE = 0.6
MODEL_LANGUAGES = frozenset({"id", "in", "ind", "ms", "msa", "may"})


def uses_model(language: str | None) -> bool:
    """Indonesian (and Malay, its close sibling, or unknown) goes through the CRF; others use the rules."""
    if not language:
        return True
    return language.lower().replace("_", "-").split("-")[0] in MODEL_LANGUAGES


def analyse(
    text: str,
    language: str | None = "id",
    document_level: bool = True,
    headline_chars: int = 0,
    place_recall: bool | str = "curated",
) -> tuple[list[Mention], list[tuple[int, int]]]:
    """Mentions in `text`, and the sentences as `(start, end)` character ranges.

    The first `headline_chars` characters are a Headline Case title: only listed names are taken there
    (and, with `document_level`, names found in the rest of the text). `place_recall` says where a listed
    place counts: "curated" (default), "locative" or "all" (see `rules.gazetteer_spans`)."""
    place_mode(place_recall)  # fail early on a bad value
    tokens = tokenize(text)
    sentences = split_sentences(text, tokens)
    model = uses_model(language)
    found: list[tuple[list[Token], TokenSpan]] = []
    for sent in sentences:
        words = [t.text for t in sent]
        if sent[0].start < headline_chars:
            spans = tag_headline(words, place_recall)
        elif model:
            spans = refine_indonesian(words, tag_words(words), place_recall)
        else:
            spans = tag_english(words, place_recall)
        found.extend((sent, s) for s in (balance_brackets(words, s) for s in spans) if s is not None)
    mentions = []
    for sent, s in found:
        start, end = sent[s.first].start, sent[s.last - 1].end
        mentions.append(Mention(start, end, s.label, text[start:end], s.confidence, s.method))
    if document_level:
        mentions = propagate(text, tokens, mentions)
    bounds = [(sent[0].start, sent[-1].end) for sent in sentences]
    return mentions, bounds


def propagate(text: str, tokens: list[Token], mentions: list[Mention]) -> list[Mention]:
    """Tag unmarked repeats of names found elsewhere in the text, and bare parts of person names."""
    non_names = word_lists()["non_names"]
    starts = {t.start: i for i, t in enumerate(tokens)}
    covered = [False] * len(tokens)
    known: dict[tuple[str, ...], str] = {}
    for m in mentions:
        i = starts.get(m.start)
        words = []
        while i is not None and i < len(tokens) and tokens[i].start < m.end:
            covered[i] = True
            words.append(tokens[i].text)
            i += 1
        if m.confidence >= 0.5:
            known.setdefault(tuple(words), m.label)
        if m.label == "PER":
            for part in words:
                if len(part) >= 3 and part[:1].isupper() and part.lower() not in non_names:
                    known.setdefault((part,), "PER")
    if not known:
        return mentions
    opening: dict[str, set[int]] = {}  # first word → the lengths of the known names it opens
    for key in known:
        opening.setdefault(key[0], set()).add(len(key))
    lengths = {word: sorted(options, reverse=True) for word, options in opening.items()}  # longest first
    added = []
    i = 0
    while i < len(tokens):
        hit = 0
        if not covered[i] and tokens[i].text[:1].isupper() and tokens[i].text in lengths:
            for length in lengths[tokens[i].text]:
                if length > len(tokens) - i:
                    continue
                key = tuple(t.text for t in tokens[i : i + length])
                if key in known and not any(covered[i : i + length]) and not _inside_word(tokens, i, length):
                    hit = length
                    break
        if hit:
            start, end = tokens[i].start, tokens[i + hit - 1].end
            key = tuple(t.text for t in tokens[i : i + hit])
            added.append(Mention(start, end, known[key], text[start:end], PROPAGATED_CONFIDENCE, "coref"))
            i += hit
        else:
            i += 1
    return sorted(mentions + added, key=lambda m: m.start)


def is_headline_case(title: str) -> bool:
    """"Utusan AS Temui Menlu Korsel": most words (three or more) start with a capital."""
    words = [w for w in title.split() if w[:1].isalpha()]
    return len(words) >= 3 and sum(w[:1].isupper() for w in words) >= 0.7 * len(words)


def _inside_word(tokens: list[Token], i: int, length: int) -> bool:
    """A name part glued to a capitalised neighbour ("Kim" in "Kim Jong-un") is a different name."""
    before = i > 0 and tokens[i - 1].text[:1].isupper() and tokens[i - 1].end + 1 >= tokens[i].start
    j = i + length
    after = j < len(tokens) and tokens[j].text[:1].isupper() and tokens[j - 1].end + 1 >= tokens[j].start
    return before or after


def extract_mentions(text: str, language: str = "id", place_recall: bool | str = "curated") -> list[Mention]:
    """Named people, organisations and places in `text`, with character offsets into it.

    `language` picks the method ("id" and Malay: CRF + rules; anything else: rules and lists only);
    `place_recall`: where a listed country or city counts. "curated" (default): where it is used as a place
    ("di Seoul"), between a title and a name ("Menlu Rusia Igor Morgulov"), and always for the alias
    table's abbreviations ("Korut", "AS"); "locative": only where used as a place (the IDNER convention);
    "all" (or True): wherever it appears. False means "locative"."""
    return analyse(text, language, place_recall=place_recall)[0]
