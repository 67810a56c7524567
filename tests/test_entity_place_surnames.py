"""A person whose surname is a place's name ("John Bolton", "Robert Jordan") is a person, not
a place (issue 12: parts of people's names were listed as places); two places in a row and
names whose first word is not a given name of English-speaking countries stay as they were.
Fictional text."""

from __future__ import annotations

import pytest

from builder.extract.entities import extract_entities


@pytest.mark.parametrize("text, person, place", [
    ("The Velmora pier café, run by Robert Jordan since 2019, reopened in May.",
     "Robert Jordan", "Jordan"),
    ("Tickets for the Ostrakan ferry are sold by Jim Phoenix at the harbour kiosk.",
     "Jim Phoenix", "Phoenix"),
    ("A mural by Ellen Durham now covers the Velmora library wall.", "Ellen Durham",
     "Durham"),
])
def test_a_given_name_before_a_place_is_a_person(text: str, person: str, place: str) -> None:
    found = extract_entities(text, {})
    assert person in found.people
    assert place not in found.places


@pytest.mark.parametrize("text, name", [
    # a city and its state; an ordinary word first ("sierra"); a given name rare in
    # English-speaking countries (a brand): no person
    ("The Velmora choir toured Austin Texas last spring.", "Austin Texas"),
    ("Ostrakan growers lost vines in the Sierra Nevada foothills.", "Sierra Nevada"),
    ("Dealers of Lexus Philippines met the Velmora trade office.", "Lexus Philippines"),
])
def test_not_every_name_before_a_place_is_a_person(text: str, name: str) -> None:
    assert name not in extract_entities(text, {}).people


@pytest.mark.parametrize("text, name", [
    # a place of two words first: a university, a newspaper, a shelter, no person
    ("He played for San Diego State before Velmora signed him.", "San Diego State"),
    ("The Santa Fe Animal Shelter took in the Ostrakan ferry's cat.", "Santa Fe Animal Shelter"),
])
def test_a_name_that_begins_with_a_place_is_no_person(text: str, name: str) -> None:
    assert name not in extract_entities(text, {}).people


def test_a_direction_is_not_another_events_surname() -> None:
    # another event named "Ilse South"; here "South" is a region
    found = extract_entities("Ferries from Velmora to the South will run again in May.", {},
                             known_people=["Ilse South"])
    assert "Ilse South" not in found.people
    # a surname said in the same text still resolves
    found = extract_entities("Ilse South opened the pier. Later, South said it was late.", {})
    assert "Ilse South" in found.people


def test_a_continent_in_another_language_is_no_surname() -> None:
    """German pages' "Europa" had made "Orbán Europa" a person (a run of names ending in the
    continent) and then read that surname into 11 other events of an unseen-page timeline.
    A continent, in English or a language of the month tables, ends no person and is no other
    event's surname. Fictional names."""
    german = ("Die Kommission in Velmora will mehr Geld für Europa ausgeben. Europa müsse "
              "handeln, sagte der Sprecher. Ministerpräsident Ilse Varga Europa habe keine "
              "Wahl. Die Bürger in Ostrakan sind skeptisch.")
    people = extract_entities(german, {}, known_people=["Jonas Europa"]).people
    assert not any(name.endswith("Europa") for name in people), people
    english = ("The Velmora commission wants more money for Europe. Europe must act, the "
               "spokesman said in Ostrakan.")
    assert extract_entities(english, {}, known_people=["Jonas Europe"]).people == []
