"""Organizations named by a name and a word such as "Exchange", "Government", "Steel"
(entities.MORE_ORG_WORDS): one organization, not a place inside it, and never a thing of
ordinary words or a person's name."""

from __future__ import annotations

from builder.extract.entities import extract_entities


def test_a_place_before_an_organization_word_is_part_of_the_organization() -> None:
    text = ("Shares of Varnholt Shipping fell on the Velmora Stock Exchange on Tuesday, and "
            "the Tokyo Metropolitan Government said it would review its stake.")
    found = extract_entities(text, {})
    assert "Tokyo Metropolitan Government" in found.organizations
    assert "Tokyo" not in found.places


def test_a_name_before_an_organization_word_is_an_organization() -> None:
    text = "Ostrakan Steel and Quennell Electronics signed the deal in Velmora last week."
    found = extract_entities(text, {})
    assert "Ostrakan Steel" in found.organizations
    assert "Quennell Electronics" in found.organizations


def test_ordinary_words_or_a_person_before_the_word_are_no_organization() -> None:
    text = ("The course covers Process Mining in depth. Comedian Mark Steel told the "
            "audience in Velmora about Renewable Energy.")
    found = extract_entities(text, {})
    assert "Process Mining" not in found.organizations
    assert "Renewable Energy" not in found.organizations
    assert "Mark Steel" not in found.organizations
    assert "Mark Steel" in found.people


def test_two_organizations_joined_by_and_are_two() -> None:
    text = ("Ostrakan Freight Union leaders met Bank of America and Wells Fargo in Velmora. "
            "The Department of Health and Human Services said nothing.")
    found = extract_entities(text, {})
    assert "Bank of America" in found.organizations
    assert "Wells Fargo" in found.organizations
    assert "Bank of America and Wells Fargo" not in found.organizations
    assert "Department of Health and Human Services" in found.organizations


def test_a_state_head_before_of_names_an_organization() -> None:
    """"the Government of Ostmark", "the Embassy of Velmora": a state's body, as "Ministry
    of ..." is (re3d's "Government of Iraq" was only the place Iraq)."""
    found = extract_entities(
        "Aid will reach Quennelbury in coordination with the Government of Ostmark, under "
        "a joint plan. Orla Brekk visited the Embassy of Velmora on Tuesday.", {})
    assert {"Government of Ostmark", "Embassy of Velmora"} <= set(found.organizations)
