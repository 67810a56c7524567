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
