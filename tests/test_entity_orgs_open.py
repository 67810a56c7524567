"""The organizations list derived from open data (builder/extract/data/organizations_open.txt,
issue 12): its names are found as organizations in a sentence, and the list keeps out what
the rules would take for something else (ordinary words, places, names of one letter).
Fictional text; the listed names are real companies, clubs and newspapers."""

from __future__ import annotations

import pytest

from builder.extract import entities
from builder.extract.entities import extract_entities


@pytest.mark.parametrize("text, name", [
    ("Dr Ilse Varnholt, who led the Velmora pier study, joined Aflac last spring.", "Aflac"),
    ("Jonas Telmark scored twice as Borussia Dortmund beat the Ostrakan side.",
     "Borussia Dortmund"),
    ("The Velmora harbour board signed with Avery Dennison for new labels.",
     "Avery Dennison"),
    ("Fans of Eintracht Frankfurt filled the square in Port Veyra.", "Eintracht Frankfurt"),
    ("The Velmora pier study was first reported by Aftonbladet in March.", "Aftonbladet"),
    ("Ilse Varnholt wrote about the Ostrakan floods in Süddeutsche Zeitung.",
     "Süddeutsche Zeitung"),
])
def test_a_listed_name_is_an_organization(text: str, name: str) -> None:
    found = extract_entities(text, {})
    assert name in found.organizations
    assert name not in found.people and name not in found.places


def _open_list() -> list[str]:
    return entities._read_list("organizations_open.txt")


def test_the_open_list_is_read_with_the_hand_written_one() -> None:
    assert set(_open_list()) <= entities._known_orgs()[0]
    assert "NATO" in entities._known_orgs()[0]


def test_the_open_list_keeps_out_words_places_and_repeats() -> None:
    names = _open_list()
    hand = set(entities._read_list("organizations.txt"))
    assert len(names) == len(set(names)) and not hand & set(names)
    assert 1000 < len(names) < 3000  # small: a few thousand lines at most
    for name in names:
        words = name.split()
        assert len(name) >= 2
        assert not (len(words) == 1 and entities._ordinary(name)), name
        assert name not in entities._gazetteer(), name
        assert words[-1] not in entities.ORG_WORDS, name
