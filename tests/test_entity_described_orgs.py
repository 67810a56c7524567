"""A name that a noun for an organization describes is an organization's: "the energy
supplier Ostmark", "Ostmark, a startup that...". Not a person's name after such a noun
("the firm Jonas Telmark founded"), nor a person described by a longer phrase ("Ilse
Varnholt, a member of the party"). Fictional text."""

from __future__ import annotations

import pytest

from builder.extract.entities import extract_entities


@pytest.mark.parametrize("text, name", [
    ("The energy supplier Ostmark raised its prices in Velmora on Monday.", "Ostmark"),
    ("Prices rose after Kelvaro, a startup that sells ferry tickets, cut its staff.",
     "Kelvaro"),
    ("Shares of the Ostrakan carmaker Velmora Motorwerk fell 4 percent.", "Velmora Motorwerk"),
])
def test_a_described_name_is_an_organization(text: str, name: str) -> None:
    assert name in extract_entities(text, {}).organizations


@pytest.mark.parametrize("text, person", [
    ("Ilse Varnholt, a member of the harbour party, spoke first.", "Ilse Varnholt"),
    ("A spokesman for the company, Jonas Telmark, said the pier would close.",
     "Jonas Telmark"),
    ("Velmora's council praised the firm Jonas Telmark founded.", "Jonas Telmark"),
])
def test_a_person_stays_a_person(text: str, person: str) -> None:
    found = extract_entities(text, {})
    assert person not in found.organizations
