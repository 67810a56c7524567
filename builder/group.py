"""Grouping: articles -> events. Articles that report the same happening become one event
whose `sources` lists each of them; different happenings on the same day stay apart.

Two reports are of the same happening when they are dated the same or adjacent days and
their texts are alike: a TF-IDF cosine of their words (rare, specific words count most, so
two council votes in one town on one day, about different things, stay apart) blended with
the overlap of the people, places and organizations they name. Groups are formed by average
linkage, so one loose resemblance cannot chain two happenings together.

Some things keep two reports apart whatever their words:

* different datelines (each report's place is not even named by the other);
* disjoint core people: each names people, and neither's first-named people are in the other;
* other sums of money: both ledes state sums and none agree (a $2.6 million raid is not the
  $108 million robbery);
* alike headlines over unlike stories: the bodies themselves must be alike;
* look-alike happenings (two navy rescues, two title fights on one day): a pair of reports
  far less alike than each is to its own closest reports, or two groups far less alike than
  each group's own reports, stay apart;
* two notes (`.md` seeds): a note is a person's own record, never merged with another note;
  a note that joins reports keeps its own body on the page, and never joins an existing page
  (which would keep only its source).

Weaker evidence moves the score rather than deciding: people both name raise it; a report
whose most-named person the other never names (two players of one club arrested on one
night), or two reports naming years but none in common (an old report of a look-alike
happening, dated the day it was saved), lower it.

Lines that many reports of one outlet share (a newsletter plug, a copyright line) are taken
out of the words compared: they say nothing about the happening.

Speed: a new report is compared only with the events of nearby days, but word rarity is
counted over every event. A `ProfileCache` keeps what each event contributes (keyed by its
page and a hash of its content), in memory between calls and, given a file, between builds,
so one new report against 10,000 events does not tokenize 10,000 pages.
"""

from __future__ import annotations

import hashlib
import html
import itertools
import json
import math
import os
import re
import tempfile
from collections import Counter
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from pathlib import Path

from builder.escape import escape_paragraph
from builder.model import Article, Event, Source

#: Reports at most this many days apart can be of one happening.
MAX_DAYS_APART = 1
#: Weight of the text similarity; the rest is the overlap of named entities.
TEXT_WEIGHT = 0.9
#: Two reports (or groups, on average) at least this alike are one happening. Tuned on the
#: fictional multi-outlet set in tests/fixtures/grouping (see tests/test_grouping.py) and
#: on the odd-numbered topics of ECB+ (builder/evaluate_grouping.py; the even ones are the
#: held-out check).
SAME_HAPPENING = 0.15
#: A report's closeness to its own story: its score with its `CLOSE_RANK`-th closest report
#: (tuned with `SAME_HAPPENING` and `LOOK_ALIKE`).
CLOSE_RANK = 2
#: A pair under this share of the two reports' closeness to their own stories is two
#: look-alike happenings (see `_look_alikes`). Tuned with `SAME_HAPPENING`.
LOOK_ALIKE = 0.45
#: The bodies alone (headlines left out) must be at least this alike.
SAME_BODY = 0.1
#: Reports about other people (see `other_people`) are one happening only this alike.
SAME_WORDS_OTHER_PEOPLE = 0.3
#: Reports that state other sums of money (see `other_amounts`) are one happening only
#: this alike: the same inspector, street and town tell two robberies of one day alike, and
#: a $2.6 million raid is still not an 85 million euro heist.
SAME_WORDS_OTHER_AMOUNTS = 0.5
#: Added when both reports lead with the same people.
SAME_PEOPLE_BONUS = 0.05
#: How many of a report's first-named people are its core people.
CORE_PEOPLE = 2
#: Added in proportion to the people two reports share (by last name, over all they name).
SHARED_PEOPLE_WEIGHT = 0.05
#: A report's leading people: those it names most, if at least this many times.
LEADING_MENTIONS = 3
#: Taken off when one report's leading people are not named by the other at all.
OTHER_LEADING_PENALTY = 0.03
#: Taken off when both reports name years (1950-2039) and none in common.
OTHER_YEARS_PENALTY = 0.03
#: Sums of money are read from the headline and this many first paragraphs (the lede).
LEDE_PARAGRAPHS = 4
#: Two sums of money are the same figure when the larger is at most this many times the
#: smaller (reports convert currencies and round: "85 million euros ($108 million)").
SAME_AMOUNT_RATIO = 2.0
#: A line in this many reports of one outlet is the outlet's boilerplate.
BOILERPLATE_REPORTS = 2

#: Words of three letters or more, and numbers ("6.1", "2013"): a shared figure is evidence.
_WORD = re.compile(r"[^\W\d_]{3,}|\d+(?:[.,:]\d+)*", re.UNICODE)
_NUMBER = r"(\d[\d,]*(?:\.\d+)?)"
_SCALE = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9,
          "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12}
_AMOUNT = re.compile(
    rf"(?:[$€£¥]|\b(?:us\$|usd|eur|gbp)\s?)\s?{_NUMBER}(?:\s?-?\s?(thousand|million|billion|"
    rf"trillion|mn|bn|tn|k|m|b)\b)?"
    rf"|\b{_NUMBER}\s?-?\s?(thousand|million|billion|trillion)?\s(?:dollars|euros|pounds|yen|"
    rf"yuan|rupees|francs|crowns|kronor|kroner)\b", re.IGNORECASE)
_STOPWORDS = frozenset("""
the and for that with this from have has had was were are been will would could should
said says say not but they their them his her its our you your who whom which what when
where while about after before over under into onto than then there here also more most
some such very just only other another any all each both one two three new news said
on of to in a an by at as is it be or if no yes up out off per via this these those
year years day days week today yesterday tomorrow monday tuesday wednesday thursday friday
saturday sunday january february march april may june july august september october
november december told according statement spokesperson spokesman spokeswoman reporters
""".split())


@dataclass
class Profile:
    """What grouping compares: a report's day, words and named entities."""

    date_ordinal: int
    words: Counter[str]
    entities: frozenset[str]
    vector: dict[str, float] = field(default_factory=dict)
    #: The words of the body alone, and their vector.
    body_words: Counter[str] = field(default_factory=Counter)
    body_vector: dict[str, float] = field(default_factory=dict)
    location: str | None = None
    places: frozenset[str] = frozenset()
    people: frozenset[str] = frozenset()
    core_people: frozenset[str] = frozenset()
    #: Whom the report is about: the people it names most (see `_leading_people`).
    leading_people: frozenset[str] = field(init=False, default=frozenset())
    #: The sums of money its headline and lede state (see `amounts_in`).
    amounts: tuple[float, ...] = ()
    #: The years it names ("2031"), as words.
    years: frozenset[str] = field(init=False, default=frozenset())
    is_note: bool = False

    def __post_init__(self) -> None:
        self.leading_people = _leading_people(self.people, self.words)
        self.years = _years(self.words)


@dataclass
class Grouping:
    """New events to create, and reports that belong to events that already have pages."""

    new: list[list[Article]] = field(default_factory=list)
    into_existing: dict[str, list[Article]] = field(default_factory=dict)
    #: How rare each word is across the timeline (for tag suggestions).
    rarity: WordRarity = field(default_factory=lambda: WordRarity(Counter(), 0))


@dataclass(frozen=True)
class WordRarity:
    """A word's inverse document frequency over the timeline: its events and new reports
    (`documents` of them), the counts grouping weighs its vectors with. Called with a word
    in lower case; a word no document has is as rare as a word one document has."""

    frequency: _Frequency | Counter[str]
    documents: int

    def __call__(self, word: str) -> float:
        return math.log((self.documents + 1) / (self.frequency[word] + 1)) + 1.0


def word_rarity(articles: Sequence[Article], existing: Sequence[Event] = (),
                cache: ProfileCache | None = None) -> WordRarity:
    """Word rarity over these events and new articles, counted as `group_articles` counts
    it (for pages rebuilt without grouping: the same inputs give the same figures)."""
    cache = ProfileCache() if cache is None else cache
    cache.update(existing)
    boilerplate = _boilerplate(articles)
    frequency: Counter[str] = Counter()
    for article in articles:
        frequency.update(_profile_article(article, boilerplate).words.keys())
    return WordRarity(_Frequency(cache.frequency, frequency), cache.count + len(articles))


def fingerprint(article: Article) -> str:
    """The identity of an article's text: the same words in the same order, whatever the
    file name, encoding, line ends or spacing."""
    words = re.findall(r"\w+", f"{article.title} {article.text}".lower())
    return hashlib.sha256(" ".join(words).encode("utf-8")).hexdigest()


def group_articles(articles: Sequence[Article], existing: Sequence[Event] = (),
                   cache: ProfileCache | None = None) -> Grouping:
    """Group new articles with each other and with existing events (which have a `path`).

    `cache` keeps the existing events' profiles between calls (see `ProfileCache`); without
    one, a cache of this process is used."""
    if not articles:
        return Grouping()
    cache = _PROCESS_CACHE if cache is None else cache
    cache.update(existing)
    boilerplate = _boilerplate(articles)
    profiles = [_profile_article(article, boilerplate) for article in articles]
    near = {profile.date_ordinal + offset for profile in profiles
            for offset in range(-MAX_DAYS_APART, MAX_DAYS_APART + 1)}
    existing = [event for event in existing
                if event.path is not None and event.date.toordinal() in near]
    event_profiles = [cache.profile(event) for event in existing]
    # Word rarity is measured over every report and event there is, not only the few near
    # in time: a word all the stories share says little about which happening one is.
    frequency: Counter[str] = Counter()
    for profile in profiles:
        frequency.update(profile.words.keys())
    rarity = WordRarity(_Frequency(cache.frequency, frequency), cache.count + len(profiles))
    _weigh([*profiles, *event_profiles], rarity.frequency, rarity.documents)
    result = Grouping(rarity=rarity)
    clusters = _cluster(profiles)
    for members in clusters:
        has_note = any(profiles[index].is_note for index in members)
        target = None if has_note else _best_event(members, profiles, event_profiles,
                                                   existing)
        group = [articles[index] for index in members]
        if target is not None:
            result.into_existing.setdefault(target, []).extend(group)
        else:
            result.new.append(group)
    return result


@dataclass(frozen=True)
class _Frequency:
    """Document frequencies of two counts added up, without copying either."""

    first: Counter[str]
    second: Counter[str]

    def __getitem__(self, word: str) -> int:
        return self.first.get(word, 0) + self.second.get(word, 0)


@dataclass
class _Known:
    """What one existing event adds to word rarity: its distinct words."""

    digest: str
    words: tuple[str, ...]


class ProfileCache:
    """Existing events' profiles and document frequencies, kept between calls.

    Each event is keyed by its page path and a hash of what grouping reads of it (title,
    summary, body, date, place and names), so an edited page is profiled again and a removed
    one is forgotten. Full profiles stay in memory; a `path` keeps each event's distinct
    words between builds (JSON, written atomically; a missing, old or damaged file is
    simply rebuilt), which is all the events far in time are needed for.
    """

    VERSION = 1  # events: {page: [content hash, its distinct words joined by spaces]}

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self.frequency: Counter[str] = Counter()
        self._known: dict[str, _Known] = {}
        self._profiles: dict[str, tuple[str, Profile]] = {}
        self._changed = False
        if path is not None:
            self._load(path)

    @property
    def count(self) -> int:
        """How many events the frequencies are counted over."""
        return len(self._known)

    def _load(self, path: Path) -> None:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("version") != self.VERSION:
                return
            known = {str(key): _Known(str(digest), tuple(str(words).split()))
                     for key, (digest, words) in data["events"].items()}
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return  # only a cache: profile every event again
        self._known = known
        for entry in known.values():
            self.frequency.update(entry.words)

    def save(self) -> None:
        """Write the cache file, if there is one and something changed (atomically)."""
        if self.path is None or not self._changed:
            return
        data = {"version": self.VERSION,
                "events": {key: [entry.digest, " ".join(entry.words)]
                           for key, entry in sorted(self._known.items())}}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(dir=self.path.parent, prefix=f".{self.path.name}.")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(data, out, ensure_ascii=False, separators=(",", ":"))
            os.replace(name, self.path)
        except BaseException:
            Path(name).unlink(missing_ok=True)
            raise
        self._changed = False

    def update(self, events: Iterable[Event]) -> None:
        """Make the frequencies those of exactly these events."""
        seen: set[str] = set()
        for event in events:
            key = _key(event, seen)
            seen.add(key)
            digest = _digest(event)
            known = self._known.get(key)
            if known is not None and known.digest == digest:
                continue
            cached = self._profiles.get(key)
            words = (cached[1].words.keys() if cached is not None and cached[0] == digest
                     else _distinct_words(_event_text(event)))
            if known is not None:
                self.frequency.subtract(known.words)
            entry = _Known(digest, tuple(sorted(words)))
            self.frequency.update(entry.words)
            self._known[key] = entry
            self._changed = True
        for key in [key for key in self._known if key not in seen]:
            self.frequency.subtract(self._known.pop(key).words)
            self._profiles.pop(key, None)
            self._changed = True

    def profile(self, event: Event) -> Profile:
        """The event's profile (vectors not yet weighed)."""
        key = _key(event, frozenset())
        return self._profile(key, _digest(event), event)

    def _profile(self, key: str, digest: str, event: Event) -> Profile:
        cached = self._profiles.get(key)
        if cached is not None and cached[0] == digest:
            return cached[1]
        profile = _profile_event(event)
        self._profiles[key] = (digest, profile)
        return profile


def _key(event: Event, seen: AbstractSet[str]) -> str:
    key = event.path or f"{event.date.isoformat()} {event.title}"
    number = 1
    while key in seen:  # two unsaved events alike: each counts
        number += 1
        key = f"{event.path or event.date.isoformat() + ' ' + event.title} #{number}"
    return key


def _digest(event: Event) -> str:
    parts = [event.date.isoformat(), event.title, event.summary, event.location or "",
             "\x1f".join(event.people), "\x1f".join(event.places),
             "\x1f".join(event.organizations), event.body]
    return hashlib.blake2b("\x1e".join(parts).encode("utf-8"), digest_size=16).hexdigest()


_PROCESS_CACHE = ProfileCache()


def _tokens(text: str) -> Counter[str]:
    words = Counter(_WORD.findall(text.lower()))
    for word in _STOPWORDS.intersection(words):
        del words[word]
    return words


def _line_key(line: str) -> str:
    return " ".join(re.findall(r"\w+", line.lower()))


def _boilerplate(articles: Sequence[Article]) -> set[tuple[str, str]]:
    """(outlet, line) pairs: lines in `BOILERPLATE_REPORTS` or more reports of one outlet,
    where those reports are not copies of one text (which share most of their lines)."""
    lines_of = [{_line_key(p) for p in article.paragraphs if _line_key(p)} for article in articles]
    by_outlet: dict[tuple[str, str], list[int]] = {}
    for index, article in enumerate(articles):
        outlet = article.publisher or article.credit
        if outlet:
            for line in lines_of[index]:
                by_outlet.setdefault((outlet, line), []).append(index)
    found = set()
    for key, indexes in by_outlet.items():
        if len(indexes) < BOILERPLATE_REPORTS:
            continue
        copies = all(len(lines_of[i] & lines_of[j]) * 2 > min(len(lines_of[i]), len(lines_of[j]))
                     for i, j in itertools.combinations(indexes, 2))
        if not copies:
            found.add(key)
    return found


def _profile_article(article: Article, boilerplate: AbstractSet[tuple[str, str]] = frozenset()
                     ) -> Profile:
    assert article.date is not None, "extract_article sets the date"
    outlet = article.publisher or article.credit
    kept = [p for p in article.paragraphs if (outlet, _line_key(p)) not in boilerplate]
    body = "\n".join(kept)
    entities = frozenset([*article.people, *article.places, *article.organizations])
    return Profile(article.date.toordinal(), _tokens(f"{article.title}\n{body}"), entities,
                   body_words=_tokens(body), location=article.location,
                   places=frozenset(article.places), people=_surnames(article.people),
                   core_people=_surnames(article.people[:CORE_PEOPLE]),
                   amounts=amounts_in("\n".join([article.title, *kept[:LEDE_PARAGRAPHS]])),
                   is_note=article.note is not None)


def _event_body(event: Event) -> str:
    return html.unescape(re.sub(r"\\(.)", r"\1", event.body))


def _event_text(event: Event) -> str:
    return f"{event.title}\n{event.summary}\n{_event_body(event)}"


def _distinct_words(text: str) -> set[str]:
    """The words `_tokens` counts, without counting them (for document frequencies)."""
    return set(_WORD.findall(text.lower())) - _STOPWORDS


def _profile_event(event: Event) -> Profile:
    body = _event_body(event)
    text = f"{event.title}\n{event.summary}\n{body}"
    entities = frozenset([*event.people, *event.places, *event.organizations])
    lede = [event.title, event.summary, *body.split("\n\n")[:LEDE_PARAGRAPHS]]
    return Profile(event.date.toordinal(), _tokens(text), entities,
                   body_words=_tokens(f"{event.summary}\n{body}"), location=event.location,
                   places=frozenset(event.places), people=_surnames(event.people),
                   core_people=_surnames(event.people[:CORE_PEOPLE]),
                   amounts=amounts_in("\n".join(lede)))


def _leading_people(people: AbstractSet[str], words: Counter[str]) -> frozenset[str]:
    """The people (last names) named most often in `words`, if `LEADING_MENTIONS` times or
    more: whom the report is about, where the first named may only be quoted."""
    counts = {name: words[name] for name in people}
    most = max(counts.values(), default=0)
    if most < LEADING_MENTIONS:
        return frozenset()
    return frozenset(name for name, count in counts.items() if count == most)


def _years(words: Iterable[str]) -> frozenset[str]:
    return frozenset(word for word in words
                     if len(word) == 4 and word.isdigit() and "1950" <= word <= "2039")


def amounts_in(text: str) -> tuple[float, ...]:
    """The sums of money of a thousand or more that a text states, in any currency
    ("$2.6 million", "85 million euros", "£74m"), as numbers."""
    amounts = []
    for found in _AMOUNT.finditer(text):
        number, scale = found.group(1) or found.group(3), found.group(2) or found.group(4)
        try:
            value = float(number.replace(",", "")) * _SCALE.get((scale or "").lower(), 1.0)
        except ValueError:
            continue
        if value >= 1000:
            amounts.append(value)
    return tuple(sorted(set(amounts)))


def other_amounts(a: Profile, b: Profile) -> bool:
    """Whether both state sums of money and none of them agree (within
    `SAME_AMOUNT_RATIO`): a $2.6 million jewel heist is not the $108 million one."""
    return bool(a.amounts and b.amounts and not any(
        max(x, y) <= SAME_AMOUNT_RATIO * min(x, y) for x in a.amounts for y in b.amounts))


def _surnames(people: Iterable[str]) -> frozenset[str]:
    """People by their last name, so "Lohan" and "Lindsay Lohan" are one."""
    return frozenset(name.split()[-1].lower() for name in people if name.strip())


def _weigh(profiles: Iterable[Profile], frequency: _Frequency | Counter[str], total: int
           ) -> None:
    """TF-IDF vectors, unit length, with document frequencies over `total` documents."""
    total += 1
    for profile in profiles:
        profile.vector = _unit(profile.words, frequency, total)
        profile.body_vector = _unit(profile.body_words, frequency, total)


def _unit(words: Counter[str], frequency: _Frequency | Counter[str], total: int
          ) -> dict[str, float]:
    vector = {word: (1 + math.log(count)) * math.log(total / max(frequency[word], 1)) + 1e-9
              for word, count in words.items()}
    norm = math.sqrt(sum(value * value for value in vector.values())) or 1.0
    return {word: value / norm for word, value in vector.items()}


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return sum(value * large.get(word, 0.0) for word, value in small.items())


def kept_apart(a: Profile, b: Profile) -> bool:
    """Whether something other than words says these are different happenings: two notes,
    or different datelines (neither names the other's place)."""
    if a.is_note and b.is_note:
        return True
    return bool(a.location and b.location and a.location != b.location and (
        a.location not in b.places or b.location not in a.places))


def other_people(a: Profile, b: Profile) -> bool:
    """Whether each names `CORE_PEOPLE` people or more, and neither's core people (the
    first named) are among the other's: one person quoted by each says little."""
    return (len(a.people) >= CORE_PEOPLE and len(b.people) >= CORE_PEOPLE
            and not a.core_people & b.people and not b.core_people & a.people)


def about_other_people(a: Profile, b: Profile) -> bool:
    """Whether either report's leading people go unnamed by the other: one is about
    someone the other never mentions (a report may name the other's person in passing, as
    "the second player arrested this season", and still be about its own)."""
    return any(x.leading_people and not any(y.words[name] for name in x.leading_people)
               for x, y in ((a, b), (b, a)))


def other_years(a: Profile, b: Profile) -> bool:
    """Whether both name years and none in common: one may be an old report of a
    look-alike happening, dated the day it was saved."""
    return bool(a.years and b.years and not a.years & b.years)


def similarity(a: Profile, b: Profile) -> float:
    """How alike two reports are, 0..1; 0 when they are too many days apart."""
    if abs(a.date_ordinal - b.date_ordinal) > MAX_DAYS_APART or kept_apart(a, b):
        return 0.0
    if _cosine(a.body_vector, b.body_vector) < SAME_BODY:
        return 0.0  # alike headlines, unlike stories
    cosine = _cosine(a.vector, b.vector)
    union = a.entities | b.entities
    overlap = len(a.entities & b.entities) / len(union) if union else 0.0
    score = TEXT_WEIGHT * cosine + (1 - TEXT_WEIGHT) * overlap
    if score < SAME_WORDS_OTHER_PEOPLE and other_people(a, b):
        return 0.0  # about other people, and not near-identical in words
    people = a.people | b.people
    if people:
        score += SHARED_PEOPLE_WEIGHT * len(a.people & b.people) / len(people)
    if about_other_people(a, b):
        score -= OTHER_LEADING_PENALTY
    if other_years(a, b):
        score -= OTHER_YEARS_PENALTY
    if score < SAME_WORDS_OTHER_AMOUNTS and other_amounts(a, b):
        return 0.0  # about other sums of money, and not near-identical in words
    if len(a.core_people) >= CORE_PEOPLE and a.core_people <= b.people and (
            b.core_people <= a.people):
        score += SAME_PEOPLE_BONUS  # the same people lead both reports
    return max(score, 0.0)


def _cluster(profiles: list[Profile]) -> list[list[int]]:
    """Average-linkage clusters of reports.

    Only reports within a few days of each other are compared, and only the components
    joined by pairs above the threshold are clustered (average linkage cannot join reports
    that no such pair joins), so thousands of reports cost little. A pair far less alike
    than both reports are to their closest reports is not counted (`_look_alikes`).
    """
    by_day = sorted(range(len(profiles)), key=lambda i: profiles[i].date_ordinal)
    scores: dict[tuple[int, int], float] = {}
    for position, i in enumerate(by_day):
        for j in by_day[position + 1:]:
            if profiles[j].date_ordinal - profiles[i].date_ordinal > MAX_DAYS_APART:
                break
            score = similarity(profiles[i], profiles[j])
            if score > 0:
                scores[(min(i, j), max(i, j))] = score
    for pair in _look_alikes(scores):
        del scores[pair]
    parent = list(range(len(profiles)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for (i, j), score in scores.items():
        if score >= SAME_HAPPENING:
            parent[root(i)] = root(j)
    components: dict[int, list[int]] = {}
    for index in range(len(profiles)):
        components.setdefault(root(index), []).append(index)
    clusters: list[list[int]] = []
    for members in components.values():
        clusters.extend(_average_linkage(members, scores))
    return sorted(clusters)


def _look_alikes(scores: dict[tuple[int, int], float]) -> list[tuple[int, int]]:
    """Pairs of reports of look-alike happenings: each report's `CLOSE_RANK`-th closest
    report is its own story's measure of "alike"; a pair under `LOOK_ALIKE` times the
    geometric mean of the two measures is two reports each more like other reports than
    like each other: the same kind of happening (two navy rescues, two title fights), told
    by other outlets about another one. Reports with fewer close reports are not judged."""
    alike: dict[int, list[float]] = {}
    for (i, j), score in scores.items():
        alike.setdefault(i, []).append(score)
        alike.setdefault(j, []).append(score)
    measure = {index: sorted(found, reverse=True)[CLOSE_RANK - 1]
               for index, found in alike.items() if len(found) >= CLOSE_RANK}
    return [(i, j) for (i, j), score in scores.items()
            if i in measure and j in measure
            and score < LOOK_ALIKE * math.sqrt(measure[i] * measure[j])]


def _average_linkage(members: list[int], scores: dict[tuple[int, int], float]
                     ) -> list[list[int]]:
    """Average linkage; two groups of two or more reports are not joined when they are
    less alike than `LOOK_ALIKE` times how alike each group's own reports are (the
    geometric mean): two look-alike happenings, each told by a few outlets."""
    clusters = [[index] for index in members]
    inner = [0.0 for _ in members]  # the sum of each cluster's own pairs' scores

    def score(i: int, j: int) -> float:
        return scores.get((min(i, j), max(i, j)), 0.0)

    def cohesion(x: int) -> float:
        size = len(clusters[x])
        return inner[x] / (size * (size - 1) / 2)

    while True:
        best, pair, joined = SAME_HAPPENING, None, 0.0
        for x in range(len(clusters)):
            for y in range(x + 1, len(clusters)):
                total = sum(score(i, j) for i in clusters[x] for j in clusters[y])
                average = total / (len(clusters[x]) * len(clusters[y]))
                if average < best:
                    continue
                if len(clusters[x]) > 1 and len(clusters[y]) > 1 and (
                        average < LOOK_ALIKE * math.sqrt(cohesion(x) * cohesion(y))):
                    continue
                best, pair, joined = average, (x, y), total
        if pair is None:
            return clusters
        x, y = pair
        clusters[x] = sorted(clusters[x] + clusters[y])
        inner[x] += inner[y] + joined
        del clusters[y], inner[y]


def _best_event(members: list[int], profiles: list[Profile], event_profiles: list[Profile],
                events: Sequence[Event]) -> str | None:
    """The existing event these reports are of, if any (average similarity)."""
    best, target = SAME_HAPPENING, None
    for profile, event in zip(event_profiles, events, strict=True):
        average = sum(similarity(profiles[i], profile) for i in members) / len(members)
        if average >= best and event.path is not None:
            best, target = average, event.path
    return target


def event_from(articles: list[Article]) -> Event:
    """The event that a group of articles reports; the first article leads."""
    lead = articles[0]
    assert lead.date is not None, "extract_article sets the date"
    event = Event(
        title=lead.title,
        date=lead.date,
        location=lead.location,
        summary=lead.summary,
        date_from=lead.date_from,
        review=list(lead.review),
        body=lead.body_markdown if lead.body_markdown is not None else "\n\n".join(
            escape_paragraph(paragraph) for paragraph in [*lead.standfirst, *lead.paragraphs]),
    )
    for article in articles[1:]:
        if article.body_markdown is not None:  # a note's body is a person's own record
            event.body = f"{event.body.rstrip()}\n\n{article.body_markdown.strip()}\n"
    for article in articles:
        event.sources.extend(sources_of(article))
        for kind in ("tags", "people", "places", "organizations"):
            names = event.entities(kind)
            names.extend(name for name in getattr(article, kind) if name not in names)
    from builder.extract.entities import distinct_people  # no gazetteer: a cheap import

    event.people = distinct_people(event.people)  # "David" of one report, "David Rose" of another
    return event


def sources_of(article: Article) -> list[Source]:
    """The sources an article brings: itself, or the sources a note lists."""
    listed = (article.note or {}).get("sources")
    if listed:
        return list(listed)
    return [Source(title=article.title, publisher=article.publisher, credit=article.credit,
                   url=article.url, published=article.published or article.date,
                   seed=article.seed)]
