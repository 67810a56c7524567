"""Extractors: one module per fact, each a function from text to a value (or None).

`extract_article` runs them in order on an Article from a reader: dateline (location and
written date), date (with how it was found), entities, tags and summary.

The extractors are imported by the functions that use them, not with this package: the
readers import `dateline` from it, and a build that reads nothing should not load
dateparser or the entity gazetteers.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from builder.model import Article

if TYPE_CHECKING:
    from builder.extract.dateline import Dateline
    from builder.extract.entities import KnownPeople

__all__ = ["contexts_of", "entity_text", "extract_article", "unify_organizations",
           "unify_people"]


def extract_article(article: Article, reference: dt.date, aliases: Mapping[str, str],
                    taxonomy: Mapping[str, Sequence[str]],
                    known_people: Iterable[str] | KnownPeople = ()) -> Article:
    """Fill in the article's date, location, entities, tags and summary.

    `known_people` are full names from other events: a surname alone that the article
    does not resolve itself resolves to one of them (with no title, only when the article
    names one of the names a mapping gives with her). What a note gives is kept as given.
    Raises SeedError when no date can be found.
    """
    from builder.extract.dateline import extract_dateline
    from builder.extract.dates import FoundDate, find_date
    from builder.extract.summary import summarize
    from builder.extract.tags import extract_tags

    note = article.note or {}
    lede = article.paragraphs[0]
    dateline = extract_dateline(lede)
    if dateline is not None:
        if not note.get("location"):
            article.location = aliases.get(dateline.city, dateline.city)
        lede = lede[dateline.end:]
    if note:
        found = FoundDate(article.published or reference, "the note's date")
    else:
        found = find_date(dateline.date_text if dateline else None, article.published,
                          article.date_evidence, reference, article.relative_stamp)
    article.date = found.date
    article.date_from = found.how
    article.review = [*article.review, *(flag for flag in found.review
                                         if flag not in article.review)]
    _extract_entities(article, aliases, known_people)
    article.tags = _given(note, "tags", extract_tags(f"{article.title}\n\n{lede}", taxonomy,
                                                     "\n\n".join(article.paragraphs[1:])))
    summary = note.get("summary")
    article.summary = str(summary) if summary else summarize([lede, *article.paragraphs[1:]])
    return article


def unify_people(articles: Sequence[Article], aliases: Mapping[str, str],
                 known_people: Iterable[str] | KnownPeople = ()) -> None:
    """One name per person across the timeline: a surname alone ("Biden") becomes the full
    name ("Joe Biden") that the timeline knows, from its event pages (`known_people`) or from
    the other articles of this build, when only one person of the timeline has that surname
    and, unless a title comes with it ("Mr Biden"), the article names a place, an
    organization or a person that an article or event naming her names too
    (`entities._shares_context`). The alias table still decides first. What a note gives is
    kept as given. Acronyms of organizations are unified too (`unify_organizations`).
    `known_people` must be what `extract_article` was given for these articles."""
    known = list(known_people)
    given = known_people if isinstance(known_people, Mapping) else {}
    contexts: dict[str, set[str]] = {name: set(given.get(name, ())) for name in known}
    for article in articles:
        contexts_of(article.people, article.places, article.organizations, contexts)
    full_names = sorted(name for name in contexts if " " in name)
    if full_names == sorted(known):
        # The articles name no one the timeline does not know: `extract_article` was given
        # these very names (the builder passes the same list), so a second pass would
        # find what the first found.
        unify_organizations(articles, aliases)
        return
    for article in articles:
        if article.date is not None and not (article.note or {}).get("people"):
            _extract_entities(article, aliases, {name: contexts[name] for name in full_names})
    unify_organizations(articles, aliases)  # (after: the second pass reads them again)


def contexts_of(people: Iterable[str], places: Iterable[str], organizations: Iterable[str],
                into: dict[str, set[str]]) -> None:
    """Add to `into`, for each full name of `people`, the other names of one article or
    event: what a lone surname elsewhere must share to be read as her."""
    people = list(people)
    names = {*places, *organizations, *(name for name in people if " " in name)}
    for name in people:
        if " " in name:
            into.setdefault(name, set()).update(names - {name})


def unify_organizations(articles: Sequence[Article], aliases: Mapping[str, str]) -> None:
    """One name per organization across the timeline: an acronym alone ("VRA") becomes the
    full name ("Velmora Rail Authority") when an article of the timeline spells it out
    ("Velmora Rail Authority (VRA)"), or else when exactly one organization of the timeline
    has those initials and is named by two articles or more (one article's lone name is too
    little evidence that the acronym means it). A place's acronym likewise ("NYC" -> "New
    York City"), by its initials only. Like surnames, the alias table decides first: an
    acronym it names is left alone. What a note gives is kept as given."""
    from builder.extract.entities import spelled_out

    spelled: dict[str, set[str]] = {}
    for article in articles:
        for acronym, name in spelled_out("\n\n".join(article.paragraphs)).items():
            spelled.setdefault(acronym, set()).add(name)
    for key in ("organizations", "places"):
        full = _acronyms_spelled([getattr(article, key) for article in articles], aliases,
                                 spelled if key == "organizations" else {})
        for article in articles if full else ():
            if not (article.note or {}).get(key):
                setattr(article, key, list(dict.fromkeys(
                    full.get(name, name) for name in getattr(article, key))))


def _acronyms_spelled(lists: Sequence[list[str]], aliases: Mapping[str, str],
                      spelled: Mapping[str, set[str]]) -> dict[str, str]:
    """Acronym -> the one full name it stands for, of the names each article lists."""
    from builder.extract.entities import initials

    taken = set(aliases) | set(aliases.values())
    named: dict[str, int] = {}
    for names in lists:
        for name in dict.fromkeys(names):
            named[name] = named.get(name, 0) + 1
    by_initials: dict[str, list[str]] = {}
    for name in named:
        if " " in name:
            by_initials.setdefault(initials(name), []).append(name)
    full: dict[str, str] = {}
    for acronym in named:
        if not _ACRONYM.fullmatch(acronym) or acronym in taken:
            continue
        spelt = spelled.get(acronym, set())
        if len(spelt) == 1:
            full[acronym] = next(iter(spelt))
        elif not spelt:
            candidates = by_initials.get(acronym, [])
            if len(candidates) == 1 and named[candidates[0]] >= 2:
                full[acronym] = candidates[0]
    return full


_ACRONYM = re.compile(r"[A-Z][A-Z&]{1,7}")


def _extract_entities(article: Article, aliases: Mapping[str, str],
                      known_people: Iterable[str] | KnownPeople) -> None:
    from builder.extract.dateline import region_name
    from builder.extract.entities import extract_entities

    note = article.note or {}
    text, dateline = entity_text(article)
    known = [article.location] if article.location else []
    if dateline is not None and dateline.region:
        # "HAYWARD, Calif.": the place is California (unless the aliases say otherwise)
        region = dateline.region
        known.append(region if region in aliases else region_name(region))
    entities = extract_entities(text, aliases, known, known_people)
    article.people = _given(note, "people", entities.people)
    article.places = _given(note, "places", entities.places)
    article.organizations = _given(note, "organizations", entities.organizations)


def entity_text(article: Article) -> tuple[str, Dateline | None]:
    """The text names are looked for in, the article's paragraphs with the dateline taken
    off the first ("VELMORA, March 3 (Reuters) -" is the byline's, not the story's), and
    that dateline."""
    from builder.extract.dateline import extract_dateline

    lede = article.paragraphs[0]
    dateline = extract_dateline(lede)
    if dateline is not None:
        lede = lede[dateline.end:]
    return "\n\n".join([lede, *article.paragraphs[1:]]), dateline


def _given(note: Mapping[str, object], key: str, extracted: list[str]) -> list[str]:
    """The note's list if it gives one (even empty), else what the extractor found."""
    value = note.get(key)
    if value is None:
        return extracted
    items = value if isinstance(value, list) else [value]
    return list(dict.fromkeys(str(item) for item in items if str(item).strip()))
