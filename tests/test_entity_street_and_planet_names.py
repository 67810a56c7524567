"""Two capitalised words that are no given name and surname: a street ending in a word such
as Place or Mews ("Caldwell Place", named after "said"), a spacecraft and its planet
("Galileo Jupiter", whose first word is a given name too) and a saint's name, a place's
("St. Kitts") are no people; a person whose surname is a planet's name left out of the
list ("Freddie Mercury") stays one. Fictional articles."""

from __future__ import annotations

from builder.extract.entities import extract_entities


def test_a_street_named_after_said_is_no_person() -> None:
    found = extract_entities(
        "Firefighters were called to Velmora on Sunday. Officers said Caldwell Place was "
        "closed until noon, and residents of Ostrakan Mews were moved.", {})
    assert not {"Caldwell Place", "Ostrakan Mews"} & set(found.people)


def test_a_spacecraft_and_its_planet_are_no_person() -> None:
    found = extract_entities(
        "The Galileo Jupiter probe sent its last pictures in 2003, and Dr Ilse Varnholt "
        "said the Juno Saturn orbiter would follow.", {})
    assert not {"Galileo Jupiter", "Juno Saturn"} & set(found.people)
    assert "Ilse Varnholt" in found.people


def test_a_singer_named_after_a_planet_stays_a_person() -> None:
    people = extract_entities("Tomas Mercury said the Velmora concert would go ahead.", {}).people
    assert "Tomas Mercury" in people


def test_a_saints_name_is_no_person() -> None:
    found = extract_entities(
        "Ilse Varnholt moved the Velmora fund to the statelet of St. Kitts & Nevis, and "
        "Tomas Quennell flew on to Saint Lucia.", {})
    assert not {"St. Kitts", "Saint Lucia"} & set(found.people)
    assert {"Ilse Varnholt", "Tomas Quennell"} <= set(found.people)
