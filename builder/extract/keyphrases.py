"""Tag suggestions: a few key phrases of an event's articles that the taxonomy does not cover,
offered to a person as one `review` item, never as tags.

Tags come only from the user's taxonomy (see `tags.py`); a timeline grows topics its taxonomy
does not name yet. This module names them, for a person to decide: "suggested tags: water
rationing, dam (add keywords to the taxonomy in mkdocs.yml to use them)".

A candidate is a run of one to `MAX_WORDS` content words (no stop words, no numbers, no
punctuation between them). It must be what the story is about, not a passing mention: it
occurs in a headline or a lede and at least `MIN_COUNT` times in all. Candidates are scored
like TF-IDF: how often the articles say it, times how rare its words are across the timeline
(the document frequencies grouping counts over every event and every new report; see
`group.WordRarity`), so a word every story of the timeline uses ("officials") says little.
Left out: names (a phrase with a word always capitalised, unless an acronym, or a word of
the event's people, places or its location: they have their own pages), the outlet's name, page
furniture, phrases the taxonomy already covers (a keyword matches in it, or it is a tag's
name), and phrases that share a word with a better one (not "rationing" after "water
rationing").

A person adds to a taxonomy topics, not words: phrases of several words rank higher
(`LONGER_PHRASE`) and hold no verb form or adverb; a word alone must be rare in general
English (`LONE_WORD_ZIPF`, from a word-frequency list: not "ways", "state"), no verb form
("sworn", "restored") or adverb, and used as a noun somewhere in the articles (not
"intact"). Text that is not English (`ENGLISH_SHARE`) gets no suggestion: the stop words
and the word list are English, and another language's function words would come out.

Deterministic: ties are broken by the phrase itself, so the same inputs give the same bytes.
"""

from __future__ import annotations

import bisect
import functools
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from pathlib import Path

from builder.extract.language import ENGLISH_MARKERS
from builder.extract.tags import keyword_pattern
from builder.model import Article, Event

#: Most words in one suggested phrase.
MAX_WORDS = 3
#: Times a phrase of two or more words must occur (headlines, ledes and bodies of the
#: event's articles together), and a single word (many a verb is said twice).
MIN_COUNT = 2
MIN_COUNT_WORD = 3
#: A phrase of more words is more specific: its score is multiplied by this per extra word.
LONGER_PHRASE = 1.8
#: Occurrences in a headline count this many times.
HEADLINE_WEIGHT = 2.0
#: A word in capitals is kept so (an acronym) up to this long.
ACRONYM_LETTERS = 5
#: Lone words ending in "ed" longer than this are verb forms ("agreed"; not "speed").
SHORT_ED = 5
#: A lone word is suggested only when general English uses it less than this often (Zipf
#: scale: 4.5 is 30 per million words; "state" 5.8, "ways" 5.1, "debate" 4.6, "coal" 4.5,
#: "vaccine" 4.0, "pipenv" 0), see `common_words`: a common word names no topic of its own.
LONE_WORD_ZIPF = 4.5
#: Share of the words of English text that are `ENGLISH_MARKERS` (English news: 0.14 to 0.3
#: of an article's words; German or French pages, even with English menus: under 0.1).
#: Below it the text is taken for another language and nothing is suggested: the stop
#: words and the word list are English, so what would come out is noise.
ENGLISH_SHARE = 0.08
#: The review item's text around the phrases.
PREFIX = "suggested tags: "
SUFFIX = " (add keywords to the taxonomy in mkdocs.yml to use them)"

#: Words (letters, inner hyphens); anything else, a number or punctuation, ends a phrase.
_TOKEN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*|[^\w\s]|\d[\w.,:]*", re.UNICODE)
_MIN_LETTERS = 3
#: Most words of a run whose last word `_head` takes for a noun.
_HEAD_RUN = 2
_WORD_END = re.compile(r"\w*")
_FIRST_WORD = re.compile(r"\w+")

#: Function words, reporting words, time words and page furniture: never part of a phrase.
STOP_WORDS = frozenset("""
a about above across after afterwards again against ago ahead all almost alone along already
also although always am among amid an and another any anyone anything anyway are around as
at away back be became because become becomes been before began begin being below beside
besides between beyond both but by came can cannot could did do does doing done down during
each either else elsewhere enough even ever every everyone everything except far few for
former from further get gets getting give given gives go goes going gone got had has have
having he her here hers herself him himself his how however if in including inside instead
into is it its itself just last later least less let like likely made make makes many may
me meanwhile might mine more moreover most mostly much must my myself near nearly neither
never nevertheless next no nobody none nor not nothing now of off often on once one only
onto or other others otherwise our ours ourselves out over own per perhaps put rather
really same see seen seem seemed seems several shall she should since so some somehow
someone something sometimes soon still such take taken than that the their theirs them
themselves then there thereby therefore these they this those though through throughout
thus to together too toward towards under until unto up upon us use used very via was we
well were what whatever when whenever where whereas wherever whether which while who
whoever whole whom whose why will with within without would yet you your yours yourself
yourselves
said says say saying told tell tells telling added adding according asked asks announced
statement statements spokesperson spokesman spokeswoman reporters reporter reported
report reports reportedly news interview comment comments confirmed
explained noted stated wrote claimed called calls calling
mr mrs ms dr sir madam
new old first second third last next latest recent recently early earlier late later
big small large great good bad high low long short many much more most less least
today tonight yesterday tomorrow week weeks weekend month months year years day days
hour hours minute minutes time times morning afternoon evening night
monday tuesday wednesday thursday friday saturday sunday
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
one two three four five six seven eight nine ten hundred thousand million billion trillion
dozen dozens percent per cent
people person thing things way part number lot
click subscribe subscribed subscription newsletter newsletters advertisement advertising
sponsored share shares shared sharing tweet email follow sign login log cookie cookies
photo photos image images picture pictures video videos caption credit credits getty
copyright rights reserved read watch listen podcast updated update published
www com org net http https html
despite whilst amongst due following across official officials year-old years-old
""".split())

#: Past forms of irregular verbs (not ending in "ed"): never a tag alone ("sworn", "taken").
#: Forms that are as often nouns ("shot", "ground", "bid", "wound") are left to the other
#: tests.
VERB_FORMS = frozenset("""
arose arisen awoke awoken beaten became begun bent bitten bled blew blown broke broken bred
brought built burnt bought caught chose chosen clung came crept dealt dug did done drew drawn
dreamt drank drove driven ate eaten fell fallen fed felt fought found fled flung flew flown
forbade forbidden forgot forgotten forgave forgiven froze frozen got gotten gave given went
gone grew grown hung heard hid hidden held kept knelt knew known laid led leant leapt learnt
left lent lain lost made meant met paid proven rode ridden rang rung rose risen ran said saw
seen sought sold sent shook shaken shone shown shrank shrunk sang sung sank sunk sat slept
slid slung spoke spoken sped spent spun spat sprang sprung stood stole stolen stuck stung
stank stunk strode stricken struck strung strove striven swore sworn swept swam swum swung
took taken taught tore torn told thought threw thrown trod trodden understood undertook
undertaken woke woken wore worn wove woven wept won wrung wrote written withdrew withdrawn
overtook overtaken overthrew overthrown overcame overseen oversaw undergone underwent
""".split())

#: A phrase's last word is a noun when the phrase comes after one of `NOUN_BEFORE` and one
#: of `NOUN_AFTER` (or punctuation, or the end) follows it ("the vaccine.", "of mass
#: protests in"; not "was sworn in", "a diverse community", "the hottest year"). A word in
#: "ing" needs a determiner ("the bombing"; not "from entering").
DETERMINERS = frozenset("""
the a an this that these those his her its their our my your no any some every each such
new old big small large great good bad high low long short latest recent first last own
""".split())
NOUN_BEFORE = DETERMINERS | frozenset("""
of in on for with about from against into onto over under by at amid after before during
without within between among through toward towards via per
""".split())
NOUN_AFTER = frozenset("""
and or but nor is are was were be been being has have had will would can could should may
might must do does did to of in on for with at by from as than that which who whom whose
where when while since because after before during over under into onto about against
between among through without within amid despite if so said says now then here there
too also again already yet still today yesterday tomorrow
""".split())

#: Common English words (lower case) -> frequency in general English (Zipf scale), from
#: `data/common_words.txt` (words under 4.0 are not listed: rare enough for any use here).
COMMON_WORDS = Path(__file__).resolve().parent / "data" / "common_words.txt"


#: Ends of the names of peoples ("Israeli", "Texans", "Chinese", "Kenyan").
DEMONYM_ENDINGS = ("an", "ans", "ese", "ian", "ians", "ish", "ean", "eans", "eli", "elis", "ani",
                   "anis")
DEMONYMS = Path(__file__).resolve().parent / "data" / "demonyms.txt"


@functools.lru_cache(maxsize=1)
def demonyms() -> frozenset[str]:
    """Names of peoples (lower case, singular), from the name tagger's list."""
    lines = DEMONYMS.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines
                     if line.strip() and not line.startswith("#"))


@functools.lru_cache(maxsize=1)
def known_organizations() -> frozenset[str]:
    """Organizations of one word that the name tagger's lists name (lower case): a topic
    name alone is none of them."""
    names: set[str] = set()
    for listed in ("organizations.txt", "organizations_open.txt"):
        lines = (DEMONYMS.parent / listed).read_text(encoding="utf-8").splitlines()
        names.update(line.strip().lstrip("~").lower() for line in lines
                     if line.strip() and not line.startswith("#") and " " not in line.strip())
    return frozenset(names)


@functools.lru_cache(maxsize=1)
def common_words() -> dict[str, float]:
    """The word list of general English (see `data/common_words.txt`), read once."""
    words: dict[str, float] = {}
    with COMMON_WORDS.open(encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("#"):
                continue
            figure, word = line.split()
            words[word] = float(figure)
    return words


@dataclass(frozen=True)
class Evidence:
    """What the suggestions are chosen from: the event's headlines, ledes (first paragraphs)
    and other paragraphs, and the names that are not topics (people, places, the location,
    the outlets: every word of them is left out; organizations: no word of theirs is a
    topic name alone, "Reuters", though "CVS health" may be a phrase)."""

    headlines: Sequence[str]
    ledes: Sequence[str]
    bodies: Sequence[str]
    names: Iterable[str] = ()
    organizations: Iterable[str] = ()

    @classmethod
    def of(cls, articles: Iterable[Article]) -> Evidence:
        """The evidence of an event's articles."""
        headlines, ledes, bodies, names, organizations = [], [], [], [], []
        for article in articles:
            organizations.extend(article.organizations)
            headlines.append(article.title)
            ledes.extend(article.paragraphs[:1])
            bodies.extend(article.paragraphs[1:])
            names.extend([*article.people, *article.places, *article.authors])
            names.extend(name for name in (article.location, article.publisher, article.credit)
                         if name)
        return cls(headlines, ledes, bodies, names, organizations)


def key_phrases(evidence: Evidence, rarity: Callable[[str], float],
                taxonomy: Mapping[str, Sequence[str]], limit: int) -> list[str]:
    """Up to `limit` key phrases of the evidence that the taxonomy does not cover, best
    first. `rarity(word)` is the word's inverse document frequency across the timeline
    (higher is rarer). A plural and its singular are one phrase, written as the articles
    write it most."""
    if limit <= 0:
        return []
    named = {word.lower() for name in evidence.names for word in _TOKEN.findall(name)}
    organized = {word.lower() for name in evidence.organizations
                 for word in _TOKEN.findall(name)}
    counts: dict[tuple[str, ...], float] = {}  # weighed: a headline counts more
    seen: Counter[tuple[str, ...]] = Counter()  # occurrences
    written: dict[tuple[str, ...], Counter[tuple[str, ...]]] = {}  # stems -> words
    lowercase: set[str] = set()  # words written in lower case somewhere: not only names
    forms: dict[str, Counter[str]] = {}
    heads: set[str] = set()  # words seen as a noun
    tally = [0, 0]  # English markers, words
    capitals: Counter[str] = Counter()  # capitalised words alone inside a sentence
    joined: set[str] = set()  # capitalised words next to another: part of a name
    texts = [*((text, HEADLINE_WEIGHT, True) for text in evidence.headlines),
             *((text, 1.0, True) for text in evidence.ledes),
             *((text, 1.0, False) for text in evidence.bodies)]
    for text, weight, lead in texts:  # headlines and ledes first: they name the candidates
        # (A headline capitalises every word: not a sign of a proper noun.)
        proper = (capitals, joined) if weight != HEADLINE_WEIGHT else None
        for run in _runs(text, named, lowercase, forms, heads, tally, proper):
            stems = [_stem(word) for word in run]
            for size in range(1, min(MAX_WORDS, len(run)) + 1):
                for start in range(len(run) - size + 1):
                    key = tuple(stems[start:start + size])
                    if not lead and key not in counts:
                        continue  # not in a headline or lede: never a candidate
                    counts[key] = counts.get(key, 0.0) + weight
                    seen[key] += 1
                    spellings = written.get(key)
                    if spellings is None:
                        spellings = written[key] = Counter()
                    spellings[tuple(run[start:start + size])] += 1
    if tally[0] < ENGLISH_SHARE * tally[1]:
        return []  # not English: the stop words and word list would let noise through
    heads.update([_stem(head) for head in heads])  # "protests" a noun: "protest" too
    scored = []
    for key, count in counts.items():
        if seen[key] < (MIN_COUNT if len(key) > 1 else MIN_COUNT_WORD):
            continue
        words = min(written[key], key=lambda form: (-written[key][form], form))
        topic_name = (len(words) == 1 and words[0] not in organized
                      and _topic_name(words[0], lowercase, capitals, joined))
        if not (lowercase.intersection(words) or topic_name) or (
                len(words) == 1 and _not_a_topic(words[0], heads, topic_name)):
            continue  # a name, a verb or adverb, a common or not a noun
        if len(words) > 1 and not all(word in lowercase or _inner_capital(word, forms)
                                      for word in words):
            continue  # part of a name ("Ostrakan reservoir"); "CVS pharmacies" is kept
        if len(words) > 1 and (any(word in VERB_FORMS or _adverb(word) for word in words)
                               or (words[-1].endswith("ed") and len(words[-1]) > SHORT_ED)):
            continue  # "gotten behind", "seriously doubt", "computing power required"
        parts = [part for word in words for part in word.split("-")]
        idf = sum(rarity(part) for part in parts) / len(parts)
        score = (1 + math.log(count)) * idf * LONGER_PHRASE ** (len(words) - 1)
        scored.append((-score, words, key))
    scored.sort()
    keywords = [keyword for tag, words in taxonomy.items() for keyword in (tag, *words)]
    # The words of what a keyword matches are covered: not "peace" when "peace deal" is a
    # keyword, nor "guarantees" after "security guarantee".
    patterns = [keyword_pattern(keyword) for keyword in keywords]
    names = {_singular(keyword) for keyword in keywords}
    # (In headlines and ledes, where every candidate is: a body mentions more in passing.)
    taken = _covered_stems("\n".join(text for text, _, lead in texts if lead), keywords)
    chosen: list[tuple[str, ...]] = []
    for _, words, key in scored:
        if taken.intersection(key) or _covered(" ".join(words), patterns, names):
            continue
        taken.update(key)  # one phrase per word: not "rationing" after "water rationing"
        chosen.append(words)
        if len(chosen) == limit:
            break
    return [" ".join(_usual(word, forms) if word not in lowercase else _form(word, forms)
                     for word in words) for words in chosen]


def suggestion(phrases: Sequence[str]) -> str | None:
    """The review item for these phrases (None for none)."""
    if not phrases:
        return None
    return PREFIX + ", ".join(phrases) + SUFFIX


def suggested_phrases(flag: str) -> str:
    """The phrases of a tag suggestion's review item, as it lists them."""
    return flag[len(PREFIX):len(flag) - len(SUFFIX)] if is_suggestion(flag) else flag


def is_suggestion(flag: str) -> bool:
    """Whether a review item is a tag suggestion (see `suggestion`)."""
    return flag.startswith(PREFIX) and flag.endswith(SUFFIX)


def _runs(text: str, named: set[str], lowercase: set[str], forms: dict[str, Counter[str]],
          heads: set[str], tally: list[int],
          proper: tuple[Counter[str], set[str]] | None) -> list[list[str]]:
    """The text's runs of content words (case-folded); records how each word is written,
    the words seen as a noun (`heads`, see `_head`), adds the text's `ENGLISH_MARKERS`
    and words to `tally`, and counts in `proper` (capitals, joined) each capitalised word
    that stands alone inside a sentence ("in Python,"), or marks it joined when a
    capitalised word is next to it ("Anders Tegnell", "Supreme Court")."""
    runs: list[list[str]] = []
    run: list[str] = []
    before = ""  # the word before the run
    last = ""  # the run's last word as written
    previous = ""
    tokens = _TOKEN.findall(text)
    markers = other = 0  # English markers; punctuation and numbers
    for index, token in enumerate(tokens):
        word = token.lower()
        letter = word[0].isalpha()
        if not letter or len(word) < _MIN_LETTERS or word in STOP_WORDS or word in named:
            if not letter:
                other += 1
            elif word in ENGLISH_MARKERS:  # (all of them are stop words)
                markers += 1
            if run:
                if len(run) <= _HEAD_RUN and (not letter or word in NOUN_AFTER):
                    _head(run[-1], last, before, heads)
                runs.append(run)
                run = []
            previous = word
            continue
        if token[0].islower():
            lowercase.add(word)
        elif proper is not None and not token.isupper():
            _capital(tokens, index, word, proper)
        written = forms.get(word)
        if written is None:
            written = forms[word] = Counter()
        written[token] += 1
        if not run:
            before = previous
        last = token
        run.append(word)
        previous = word
    if run:
        if len(run) <= _HEAD_RUN:
            _head(run[-1], last, before, heads)
        runs.append(run)
    tally[0] += markers
    tally[1] += len(tokens) - other
    return runs


def _capital(tokens: Sequence[str], index: int, word: str,
             proper: tuple[Counter[str], set[str]]) -> None:
    """Count a capitalised word (`tokens[index]`) alone inside a sentence, or mark it joined
    to a capitalised neighbour (see `_runs`)."""
    capitals, joined = proper
    for near in (index - 1, index + 1):
        if 0 <= near < len(tokens):
            other = tokens[near]
            if other[0].isupper() and other.lower() not in STOP_WORDS:
                joined.add(word)
                return
    if index > 0 and tokens[index - 1][0].isalpha():  # not the first word of a sentence
        capitals[word] += 1


def _topic_name(word: str, lowercase: AbstractSet[str], capitals: Counter[str],
                joined: AbstractSet[str]) -> bool:
    """A proper noun that names a topic, not a person or a people ("Python", "Halloween",
    "Neanderthal"): never written in lower case, at least twice alone inside a sentence
    (never next to another capitalised word, as a name's parts are: names the tagger did
    not find are mostly of two words), not a people's name ("Israeli", "Texans"), not an
    organization the name tagger knows ("Reuters"), nor a superlative of a title
    ("Darkest")."""
    if word in lowercase or capitals[word] < MIN_COUNT or word in joined:
        return False
    if (word.endswith(DEMONYM_ENDINGS) or _stem(word) in demonyms()
            or word in known_organizations()):
        return False
    common = common_words()
    stem = word[:-3]
    return not (word.endswith("est") and (stem in common or stem + "e" in common
                                          or stem[:-1] in common))


def _head(word: str, written: str, before: str, heads: set[str]) -> None:
    """Add the last word of a short run of content words (`word`, `written` so) to the
    `heads` if it stands as a noun: the run comes after a `NOUN_BEFORE` word (a word in
    "ing" after a determiner) and ends the phrase, and the word is in lower case or has
    capitals inside ("iPhone"; not a name, "the Wilson"). (A longer run is more often a
    clause: "of Velmora stayed intact".)"""
    if (before in (DETERMINERS if word.endswith("ing") else NOUN_BEFORE)
            and (written[0].islower() or written[1:] != written[1:].lower())):
        heads.add(word)


def _form(word: str, forms: Mapping[str, Counter[str]]) -> str:
    """A word as a tag is written: in lower case, unless the articles usually write it with
    capitals inside it (an acronym, "WordPress"; not a shouted word, "ACCIDENT")."""
    return _usual(word, forms) if _inner_capital(word, forms) else word


def _usual(word: str, forms: Mapping[str, Counter[str]]) -> str:
    written = forms[word]
    return min(written, key=lambda form: (-written[form], form))


def _inner_capital(word: str, forms: Mapping[str, Counter[str]]) -> bool:
    """Whether the articles usually write the word with a capital inside it."""
    usual = _usual(word, forms)
    return (any(char.isupper() for char in usual[1:])
            and (len(usual) <= ACRONYM_LETTERS or not usual.isupper()))


def _stem(word: str) -> str:
    """A plural and its singular alike ("workouts", "workout"; not "grass")."""
    return word[:-1] if word.endswith("s") and not word.endswith(("ss", "us", "is")) else word


def _adverb(word: str) -> bool:
    """An adverb: "ly" after an English word ("seriously", "happily", "truly"), or a word
    in "ly" that the list of common words lacks ("superbly"); not "family", "supply"."""
    if not word.endswith("ly"):
        return False
    common = common_words()
    stem = word[:-2]
    return ((len(word) > 4 and stem in common) or stem + "e" in common
            or (word.endswith("ily") and stem[:-1] + "y" in common)
            or (len(word) > 5 and word not in common))


def _not_a_topic(word: str, heads: AbstractSet[str], topic_name: bool = False) -> bool:
    """A lone word that is no topic to suggest: a verb form or an adverb ("restored",
    "sworn", "actively"), a word general English uses often ("ways", "state": see
    `LONE_WORD_ZIPF`), or one the articles never use as a noun (`heads`: "intact")."""
    if _adverb(word) or (word.endswith("ed") and len(word) > SHORT_ED):
        return True
    if word in VERB_FORMS:
        return True
    common = common_words()
    if common.get(word, common.get(_stem(word), 0.0)) >= LONE_WORD_ZIPF:
        return True
    if topic_name:
        return False  # capitalised: `heads` has lower-case words only
    return word not in heads and _stem(word) not in heads


def _covered(phrase: str, patterns: Sequence[re.Pattern[str]], names: AbstractSet[str]
             ) -> bool:
    """Whether a keyword or tag name of the taxonomy (`patterns`) matches in the phrase, or
    the phrase is one of them (`names`, compared by `_singular`)."""
    return _singular(phrase) in names or any(pattern.search(phrase) for pattern in patterns)


def _covered_stems(text: str, keywords: Sequence[str]) -> set[str]:
    """The stems of the words that keywords match in the text (to the end of a word:
    "negotiat" covers "negotiations")."""
    stems: set[str] = set()
    vocabulary: list[str] | None = None
    for keyword in keywords:
        first = _FIRST_WORD.match(keyword.lower())
        if first is not None:  # a keyword starts with a word: skip those the text lacks
            if vocabulary is None:
                vocabulary = sorted(set(_FIRST_WORD.findall(text.lower())))
            found = bisect.bisect_left(vocabulary, first.group())
            if found == len(vocabulary) or not vocabulary[found].startswith(first.group()):
                continue
        for match in keyword_pattern(keyword).finditer(text):
            end = _WORD_END.match(text, match.end())
            stems.update(_stem(word.lower()) for word in _TOKEN.findall(
                text, match.start(), end.end() if end else match.end()))
    return stems


def _singular(text: str) -> str:
    text = " ".join(text.lower().split())
    return text[:-1] if text.endswith("s") and not text.endswith("ss") else text


def suggest_tags(event: Event, articles: Sequence[Article], taxonomy: Mapping[str, Sequence[str]],
                 rarity: Callable[[str], float], limit: int) -> None:
    """Add one review item to a new event: its key phrases the taxonomy does not cover (see
    `key_phrases`), as suggestions for the taxonomy, never as tags. Nothing when `limit` is
    0, when nothing qualifies, or when a note gives its own tags (a person chose them)."""
    if limit <= 0 or any("tags" in (article.note or {}) for article in articles):
        return
    flag = suggestion(key_phrases(Evidence.of(articles), rarity, taxonomy, limit))
    if flag is not None and flag not in event.review:
        event.review.append(flag)
