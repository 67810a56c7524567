"""Faults of issue 12's index sample, each on a fictional text: a picture's credit or a
comment's heading names no one the story is about; a generic body ("City Council") is no
one body across a timeline; a surname is no place; a lone first name is not merged with a
full name of the timeline; a road's name is no person."""

from __future__ import annotations

import pytest

from builder.extract.entities import extract_entities, lone_first_name

STORY = "Mayor Ilse Varnholt opened the Velmora ferry pier on Monday, the council said.\n\n"


@pytest.mark.parametrize("credit", [
    "(Photo by Tomas Quennell/Ostrakan Wire via Velmora Images)",
    "Photo: Tomas Quennell / Ostrakan Wire",
    "(OWP Photo/Tomas Quennell)",
    "Photo Source: Tomas Quennell from Velmora Pictures.",
    "Credit: Tomas Quennell/Ostrakan Wire (CC BY 2.0)",
    "Photograph by Tomas Quennell for the Ostrakan Herald",
    "Tomas Quennell says:\nWhat a lovely pier!",
])
def test_a_credit_or_a_comment_heading_names_no_person(credit: str) -> None:
    people = extract_entities(STORY + credit, {}).people
    assert "Ilse Varnholt" in people
    assert "Tomas Quennell" not in people


def test_a_person_of_the_story_who_took_a_picture_stays() -> None:
    text = (STORY + "Tomas Quennell, 41, a ferry captain, said the pier was long overdue."
            "\n\n(Photo by Tomas Quennell/Ostrakan Wire)")
    assert "Tomas Quennell" in extract_entities(text, {}).people


def test_a_credit_line_ends_with_its_names() -> None:
    text = "The pier opened. Photo by Orla Brekk. Tomas Quennell said it was long overdue."
    people = extract_entities(text, {}).people
    assert "Tomas Quennell" in people
    assert "Orla Brekk" not in people


def test_a_generic_body_takes_the_datelines_place() -> None:
    text = "The City Council voted 7-2 to rebuild the pier. The Ministry of Health agreed."
    found = extract_entities(text, {}, ["Velmora"])
    assert "Velmora City Council" in found.organizations
    assert "Velmora Ministry of Health" in found.organizations
    assert "City Council" not in found.organizations


def test_a_generic_body_with_no_place_is_no_organization() -> None:
    found = extract_entities("The City Council voted 7-2 to rebuild the pier.", {})
    assert found.organizations == []


def test_a_body_named_with_its_place_stays_whole() -> None:
    text = ("The Velmora City Council voted 7-2; the City Council will meet again. The "
            "Ostrakan Ferry Board agreed.")
    organizations = extract_entities(text, {}).organizations
    assert "Velmora City Council" in organizations
    assert "Ostrakan Ferry Board" in organizations
    assert "City Council" not in organizations


@pytest.mark.parametrize("text, surname", [
    ("Guildford Ilse Richardson ilse.richardson@example.org", "Richardson"),
    ("Marta Bello says the pier is late.", "Bello"),
    ("Orla Bay, historian\nTomas Quennell, ferry captain", "Orla Bay"),
    ("President Paterson spoke at the pier.", "Paterson"),
])
def test_a_surname_is_no_place(text: str, surname: str) -> None:
    assert surname not in extract_entities(text, {}).places


def test_a_city_named_alone_somewhere_stays_a_place() -> None:
    text = "Marta Bello flew from Richardson to Velmora; Richardson airport was shut."
    assert "Richardson" in extract_entities(text, {}).places


def test_greater_or_north_before_a_city_leaves_it_a_place() -> None:
    text = "Flooding hit Greater Manchester and North Richardson on Monday."
    places = extract_entities(text, {}).places
    assert "Manchester" in places or "Greater Manchester" in places
    assert "Richardson" in places or "North Richardson" in places


def test_a_lone_first_name_is_not_merged_with_a_full_name_of_the_timeline() -> None:
    # the corpus timeline made "Wendy" of a nursery article into an MP, Wendy Morton
    text = "“The cart is full,” Ariel said on Monday."
    assert extract_entities(text, {}, known_people=["Ariel Quennell"]).people == ["Ariel"]


def test_a_lone_first_name_is_told_apart_from_a_surname() -> None:
    assert lone_first_name("Ariel")
    assert not lone_first_name("Varnholt")
    assert not lone_first_name("Ariel Quennell")


def test_a_road_is_no_person() -> None:
    text = "Harbour Drive is closed between Ellijay Drive and Veyra Parkway, police said."
    assert extract_entities(text, {}).people == []


def test_a_small_town_of_two_words_is_a_place_not_a_person() -> None:
    # GeoNames' real towns (the people are invented): under the gazetteer's size, but a
    # name of two words is seldom anything else
    found = extract_entities("Orla Brekk moved from Chapel Hill to Santa Monica and then "
                             "to Bognor Regis.", {})
    assert {"Chapel Hill", "Santa Monica", "Bognor Regis"} <= set(found.places)
    assert found.people == ["Orla Brekk"]


def test_a_shire_is_a_place_and_a_tail_of_a_place_is_none() -> None:
    found = extract_entities("Orla Brekk farms in Veyrashire. Voters in Iowa and New "
                             "Hampshire Democratic clubs went to the polls.", {})
    assert "Veyrashire" in found.places
    assert "New Hampshire" in found.places
    assert "Hampshire" not in found.places
