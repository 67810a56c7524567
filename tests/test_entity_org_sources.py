"""A name that reports, with "the" before it ("according to the Intelligencer", "a study by
the Ostmark Trust", "reported by the Independent newspaper"), is an organization; not a
name that only modifies a noun ("according to the Chinese calendar", "data from the
Velmora region")."""

from __future__ import annotations

from builder.extract.entities import extract_entities

TEXT = (
    "Shipments crossed the border, he said, according to the Varnholt Intelligencer. A "
    "study by the Ostmark Trust agreed, as reported by the Telmark newspaper.\n\n"
    "It was late according to the Ostrakan calendar, and data from the Velmora region "
    "showed no change. According to The Ostrander newspaper, the talks failed."
)


def test_sources_are_organizations() -> None:
    organizations = extract_entities(TEXT, {}).organizations
    assert {"Varnholt Intelligencer", "Ostmark Trust", "Telmark", "Ostrander"} <= set(
        organizations)


def test_a_nouns_modifier_is_no_source() -> None:
    organizations = extract_entities(TEXT, {}).organizations
    assert "Ostrakan" not in organizations
    assert "Velmora" not in organizations


def test_an_outlet_one_tells_is_an_organization() -> None:
    text = ("The plant's owner told Velmora Gazette Online that it would reopen, and a "
            "spokesman confirmed to OSTV that talks went on.")
    organizations = extract_entities(text, {}).organizations
    assert {"Velmora Gazette Online", "OSTV"} <= set(organizations)


def test_a_person_one_tells_is_no_organization() -> None:
    text = ("Senators grilled Ilse Marta Varnholt on Monday. \"You are in this job because of "
            "this crisis,\" Telmark told Marta Varnholt. Later an aide told Mayor Quennell, "
            "then told Quennell again, and told MPs.")
    organizations = extract_entities(text, {}).organizations
    assert not {"Marta Varnholt", "Mayor Quennell", "Quennell", "MPs"} & set(organizations)


def test_an_outlet_one_speaks_to_is_an_organization() -> None:
    text = ("She spoke to Ostmark Style about the show. While speaking to Quennell and his "
            "passengers, an officer saw the car.")
    organizations = extract_entities(text, {}).organizations
    assert "Ostmark Style" in organizations
    assert "Quennell" not in organizations
