"""The timeline's convention beside Universal NER's: a country or a city that acts ("Russia
said") is a place on a timeline, where the gold calls it an organization. The evaluation
reports figures by both (evaluate_entities.acting_places_as_places); the gold file is
never changed."""

from __future__ import annotations

from builder.evaluate_entities import SAMPLE, Document, acting_places_as_places, read_iob2


def _document() -> Document:
    document = Document("n1", "Ostrakan said Velmora talks would go on, Russia said.")
    document.gold["organizations"] = {"Russia", "Ostrakan Rail"}
    document.gold["places"] = {"Velmora"}
    return document


def test_an_acting_country_counts_as_a_place() -> None:
    [converted] = acting_places_as_places([_document()])
    assert converted.gold["places"] == {"Velmora", "Russia"}
    assert converted.gold["organizations"] == {"Ostrakan Rail"}


def test_the_gold_itself_is_unchanged() -> None:
    document = _document()
    acting_places_as_places([document])
    assert document.gold["organizations"] == {"Russia", "Ostrakan Rail"}


def test_the_sample_has_acting_places_and_keeps_its_size() -> None:
    documents = read_iob2(SAMPLE)
    converted = acting_places_as_places(documents)
    assert len(converted) == len(documents)
    moved = sum(len(before.gold["organizations"]) - len(after.gold["organizations"])
                for before, after in zip(documents, converted, strict=True))
    assert moved >= 10
