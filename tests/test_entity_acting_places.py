"""A place named only as a team beaten or met ("beating England"), or as a government that
believes, invades or refuses, is its team or government: an organization by the sample's
convention. The rule is for the gazetteer's places, so real ones show it; the people and
the events are invented."""

from __future__ import annotations

from builder.extract.entities import extract_entities


def test_a_place_beaten_is_a_team() -> None:
    found = extract_entities(
        "Orla Brekk scored twice as Velmora Rovers beat Portugal 3-1. Their one chance at "
        "redemption is beating Wales.", {})
    assert {"Portugal", "Wales"} <= set(found.organizations)
    assert not {"Portugal", "Wales"} & set(found.places)


def test_a_place_that_believes_or_invades_is_a_government() -> None:
    found = extract_entities(
        "“Ecuador believes the vote was fair,” Orla Brekk said. Years after Peru invaded "
        "the islands, the talks stalled.", {})
    assert {"Ecuador", "Peru"} <= set(found.organizations)


def test_a_place_also_named_as_a_place_stays_one() -> None:
    found = extract_entities(
        "Velmora Rovers beat Portugal on Sunday. Orla Brekk flew to Portugal on Monday.", {})
    assert "Portugal" in found.places
    assert "Portugal" not in found.organizations


def test_a_country_that_remains_or_strongly_condemns_is_its_government() -> None:
    """A state's statements: "Ecuador remains committed", "Peru strongly condemns" (re3d's
    "The United States strongly condemns", "The UK remains steadfast") name its government,
    by the sample's convention; a region that remains a priority stays a place, and so does
    a senator's state ("Ilse Varnholt of Bolivia quickly accused")."""
    found = extract_entities(
        "Ecuador remains committed to the Velmora talks. Peru strongly condemns the attack "
        "on the Ostmark ferry, and Sen. Ilse Varnholt of Bolivia quickly accused the "
        "operators. The Middle East remains a priority for Orla Brekk.", {})
    assert {"Ecuador", "Peru"} <= set(found.organizations)
    assert not {"Ecuador", "Peru"} & set(found.places)
    assert {"Bolivia", "Middle East"} <= set(found.places)
