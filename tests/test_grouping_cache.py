"""The grouping cache: existing events' profiles kept between calls and between builds
(`group.ProfileCache`) must never change what is grouped, only how fast.

Invented reports of invented happenings in invented places."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from pathlib import Path

from builder import group
from builder.model import Article, Event

DAY = dt.date(2031, 5, 14)

STORIES = [
    ("Ferry Saltmere runs aground off Quellport harbour mouth",
     ["The ferry Saltmere ran aground off the Quellport harbour mouth at dawn, with "
      "forty passengers aboard.", "Harbour master Odile Franke said tugs pulled the Saltmere "
      "free at high tide and nobody was hurt.", "The Quellport ferry line cancelled the "
      "evening crossings to Varn Island."], ["Odile Franke"], ["Quellport", "Varn Island"]),
    ("Brennick orchard growers win late frost compensation",
     ["Orchard growers in Brennick will receive frost compensation after the late April "
      "frost killed most apple blossom.", "Growers' leader Piet Lammerding said the money "
      "would reach farms before the harvest.", "The Brennick valley lost two thirds of its "
      "apple crop."], ["Piet Lammerding"], ["Brennick"]),
    ("Tollhaven library reopens after flood repairs",
     ["The Tollhaven town library reopened after eight months of flood repairs, with a new "
      "reading room for children.", "Librarian Mirela Ostrander said the archive of old "
      "maps had been dried and saved.", "Volunteers carried the books back in a chain "
      "along Canal Street."], ["Mirela Ostrander"], ["Tollhaven"]),
]


def article(index: int, day: dt.date = DAY, seed: str = "new.txt") -> Article:
    title, paragraphs, people, places = STORIES[index]
    return Article(seed=seed, title=title, paragraphs=list(paragraphs), date=day,
                   people=list(people), places=list(places), publisher="The Veyra Courier")


def events(days: int = 61) -> list[Event]:
    """One event a day, cycling through the stories, each with its own page."""
    made = []
    for number in range(days):
        day = DAY - dt.timedelta(days=days - 1 - number)
        event = group.event_from([article(number % len(STORIES), day, f"{number}.txt")])
        event.title = f"{event.title} ({number})"
        event.path = f"{day:%Y}/{day.isoformat()}-{number}.md"
        made.append(event)
    return made


def grouped(result: group.Grouping) -> tuple[list[list[str]], dict[str, list[str]]]:
    return ([[a.seed for a in members] for members in result.new],
            {page: [a.seed for a in members] for page, members in result.into_existing.items()})


def test_a_cached_call_groups_as_a_fresh_one() -> None:
    existing = events()
    new = [article(0), article(1, seed="other.txt")]
    fresh = grouped(group.group_articles(new, existing, cache=group.ProfileCache()))
    cache = group.ProfileCache()
    group.group_articles([article(2)], existing, cache=cache)  # fills the cache
    again = grouped(group.group_articles(new, existing, cache=cache))
    assert again == fresh
    # the last event (DAY) is story 0's: the ferry report joins it, the orchard one is new
    assert fresh[1] == {existing[-1].path: ["new.txt"]}
    assert fresh[0] == [["other.txt"]]


def test_frequencies_follow_the_events_given() -> None:
    existing = events()
    cache = group.ProfileCache()
    cache.update(existing)
    cache.update(existing[:20])  # forty-one pages removed
    edited = dataclasses.replace(existing[0], body="Kelderwick pumping station opened.")
    cache.update([edited, *existing[1:20]])  # one page edited
    expected: Counter[str] = Counter()
    for event in [edited, *existing[1:20]]:
        expected.update(group._profile_event(event).words.keys())
    assert cache.count == 20
    assert +cache.frequency == expected


def test_an_edited_page_is_compared_as_it_now_reads() -> None:
    existing = events()
    cache = group.ProfileCache()
    new = [article(1)]  # orchard story; the event of DAY is a ferry story
    assert grouped(group.group_articles(new, existing, cache=cache))[1] == {}
    title, paragraphs, people, places = STORIES[1]
    rewritten = dataclasses.replace(existing[-1], title=title, summary=paragraphs[0],
                                    body="\n\n".join(paragraphs), people=people,
                                    places=places)
    result = group.group_articles(new, [*existing[:-1], rewritten], cache=cache)
    assert grouped(result)[1] == {rewritten.path: ["new.txt"]}


def test_the_cache_file_is_read_back_and_a_damaged_one_is_rebuilt(tmp_path: Path) -> None:
    existing = events()
    path = tmp_path / "state" / "grouping-cache"
    first = group.ProfileCache(path)
    expected = grouped(group.group_articles([article(0)], existing, cache=first))
    first.save()
    second = group.ProfileCache(path)
    assert second.count == len(existing)
    assert +second.frequency == +first.frequency
    assert grouped(group.group_articles([article(0)], existing, cache=second)) == expected
    path.write_text("{not json", encoding="utf-8")
    damaged = group.ProfileCache(path)
    assert damaged.count == 0
    assert grouped(group.group_articles([article(0)], existing, cache=damaged)) == expected
    damaged.save()
    assert group.ProfileCache(path).count == len(existing)
    assert [p.name for p in path.parent.iterdir()] == ["grouping-cache"]  # no temp file left


def test_events_far_in_time_are_never_profiled_in_full() -> None:
    existing = events()
    cache = group.ProfileCache(None)
    cache.update(existing)
    cache._profiles.clear()  # as after loading a cache file: only words are known
    group.group_articles([article(0)], existing, cache=cache)
    profiled = set(cache._profiles)
    assert profiled == {event.path for event in existing[-2:]}
