"""The learned tagger, trained on English, does not read a text in another language: on
German pages it listed words as names ("Für", "Bürgermeisterin"). English prose, and a box
score with hardly any function words, are still read. Fictional text."""

from __future__ import annotations

from builder.extract import entities
from builder.extract.entities import extract_entities

GERMAN = (
    "Die Zukunft der Region ist für die Kollegen in Velmora nicht einfach. Auch die "
    "Lebensmitteln werden teurer, sagte Bürgermeisterin Ilse Varnholt am Montag. Für die "
    "Werbung gibt es kein Geld mehr, und die Philosophie der Stadt ist eine andere. Kontakt "
    "und Sicht sind wichtig für das Wirtshaus am Hafen.")


def test_no_tagger_names_in_german_text() -> None:
    people = extract_entities(GERMAN, {}).people
    assert "Für" not in people
    assert "Bürgermeisterin" not in people


def test_which_texts_are_english() -> None:
    assert not entities._english(GERMAN)
    assert not entities._english("Они – настоящие гении кулинарного искусства, сказала она.")
    assert entities._english(
        "The Velmora harbour board said on Monday that the ferry to Port Veyra would run "
        "again in May, and that the pier would be repaired by the end of the year.")
    assert entities._english(
        "Velmora (1-0): Telmark 25 points. Varnholt 17 points. Quennell 10 points.\n\n"
        "Port Veyra (0-1): Ostrak 15 points. Lindahl 2 points.")
