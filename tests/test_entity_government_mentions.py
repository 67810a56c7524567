"""A place named only by its government's acts or bodies ("Ecuador's position", "Peru's
High Court", "the Chile government") is that government: an organization by the sample's
convention. Not a broadcaster in the city ("Lima's Nine News") nor a place also named as
a place. The rule is for the gazetteer's places, so real ones show it; the people and the
events are invented."""

from __future__ import annotations

from builder.extract.entities import extract_entities


def test_a_place_named_by_its_government_is_an_organization() -> None:
    found = extract_entities(
        "Orla Brekk asked about Ecuador's position on the Velmora pier. Ilse Varnholt "
        "appeared at Peru's High Court on Monday, and the Chile government stayed silent.",
        {})
    assert {"Ecuador", "Peru", "Chile"} <= set(found.organizations)
    assert not {"Ecuador", "Peru", "Chile"} & set(found.places)


def test_a_city_with_a_broadcaster_or_a_place_mention_stays_a_place() -> None:
    found = extract_entities(
        "The Velmora story was read on Lima's Nine News. Bolivia's actions were criticised "
        "by Orla Brekk, who flew to Bolivia on Tuesday.", {})
    assert {"Lima", "Bolivia"} <= set(found.places)
    assert not {"Lima", "Bolivia"} & set(found.organizations)
