"""Contractions printed with a typographic apostrophe ("I’d", "I’m") are no names, as their
plain-apostrophe spellings are not: the learned tagger called "I’d" a place on an unseen
news page."""

from __future__ import annotations

from builder.extract import entities
from builder.extract.entities import extract_entities

TEXT = (
    "Plus, the shop idea I had in mind was going to require me to become much more of a "
    "“public figure” than I had ever had to be in Velmora. I’d have to put my photo on the "
    "internet, where anyone could see it! And I’d need to “put myself out there” on "
    "webinars.\n\n"
    "I’m able to travel anywhere I’d like because my business fits in my backpack.\n\n"
    "I’ll tell you more, Ilse Varnholt said."
)


def test_typographic_contractions_are_leading_words() -> None:
    for word in ("I’d", "I’m", "I’ll", "It’s", "Don’t", "There’s"):
        assert word in entities.LEADING_WORDS


def test_no_contraction_is_listed() -> None:
    found = extract_entities(TEXT, {})
    names = found.people + found.places + found.organizations
    assert not [name for name in names if "’" in name]
    assert found.people == ["Ilse Varnholt"]
    assert "Velmora" in found.places
