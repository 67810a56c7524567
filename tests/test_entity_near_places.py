"""A name after "near" or a compass point's "of" is a place's ("strikes near Tal Afar",
"20 km north of Samarra"): a town too small for the gazetteer, or one whose first word is
a given name, was missed or listed as a person (re3d's CENTCOM strike reports: "Near Ayn
Isa, one strike destroyed..."). Not a possessive's owner, a people, a day or an
organization. The towns and people are invented."""

from __future__ import annotations

from builder.extract.entities import extract_entities


def test_a_name_after_near_is_a_place() -> None:
    found = extract_entities(
        "Near Tomas Brekk, two strikes destroyed a bridge. A convoy was stopped near "
        "Quennelbury on Friday, 30 km north of Varnholtsby, Orla Skarde said.", {})
    assert {"Tomas Brekk", "Quennelbury", "Varnholtsby"} <= set(found.places)
    assert "Tomas Brekk" not in found.people


def test_owners_peoples_days_and_organizations_after_near_are_no_places() -> None:
    found = extract_entities(
        "They met near Brekkon's offices on Monday and near Ostmarkian positions, near "
        "Christmas, near the Velmora Rail Union depot, in the Near East.", {})
    assert not {"Brekkon's", "Ostmarkian", "Christmas", "East"} & set(
        found.places)


def test_a_town_before_its_state_is_a_place() -> None:
    """"Spc. Jane Roe, of Quennelby, Texas": a hometown, not a person (re3d's "Cibolo,
    Texas", "Woodbridge, Virginia"); a person before her employer's name that opens with a
    state's stays a person."""
    found = extract_entities(
        "Spc. Jane Roe, of Quennelby, Texas, died Jan. 7. He was a native of Skardeville, "
        "South Dakota. The campaign did not appeal to Orla Brekk, Washington State Department "
        "of Health spokeswoman.", {})
    assert {"Quennelby", "Skardeville"} <= set(found.places)
    assert "Quennelby" not in found.people
    assert "Orla Brekk" in found.people and "Orla Brekk" not in found.places
