"""Names listed before a plural organization's noun are organizations: "treatment at
Papworth and Addenbrooke's Hospitals", "Ostmark, Telmark and Varn banks"; not peoples
("Chinese and Russian companies") or places."""

from __future__ import annotations

from builder.extract.entities import extract_entities


def test_names_before_a_plural_organization_noun() -> None:
    text = ("Ms Varnholt has received treatment at Quenby and Ashcombe's Hospitals in "
            "Cambridgeshire. Ostmark, Telmark and Varn banks lent the money.")
    organizations = extract_entities(text, {}).organizations
    assert {"Quenby", "Ashcombe", "Ostmark", "Telmark", "Varn"} <= set(organizations)


def test_peoples_and_places_before_the_noun_are_no_organizations() -> None:
    text = "Chinese and Korean companies bid, and London and Paris banks lent."
    found = extract_entities(text, {})
    assert not {"Chinese", "Korean", "London", "Paris"} & set(found.organizations)
    assert {"London", "Paris"} <= set(found.places)
