"""An organization's name before a role only an organization gives, before a person's name
("Kestrelwire co-founder Tomas Quennell", "Tarvish CEO Ilse Varnholt"), is an organization.
Fictional names throughout."""

from __future__ import annotations

from builder.extract.entities import extract_entities


def test_a_name_before_an_organizations_role_is_an_organization() -> None:
    found = extract_entities(
        "Prosecutors dropped the case against Kestrelwire co-founder Tomas Quennell. "
        "Tarvish CEO Ilse Varnholt said sales rose.", {})
    assert {"Kestrelwire", "Tarvish"} <= set(found.organizations)
    assert {"Tomas Quennell", "Ilse Varnholt"} <= set(found.people)


def test_a_headlines_first_word_is_no_part_of_the_name() -> None:
    found = extract_entities(
        "Prices fell again.\n\nOusted Brannockwerk CEO Marit Olsen sold her shares.", {})
    assert "Brannockwerk" in found.organizations
    assert "Ousted Brannockwerk" not in found.organizations


def test_the_before_a_name_is_no_given_name() -> None:
    # "The" is a given name in gender-guesser's file; "The Kestrelwire" names no person.
    found = extract_entities(
        "The Kestrelwire report was late. A spokeswoman for Kestrelwire declined to "
        "comment.", {})
    assert "Kestrelwire" in found.organizations
