"""A journal's abbreviated name in a reference list ("Br J Dermatol", "N Engl J Med") is no
person; a person with an initial ("J. Varnholt") stays one. Fictional authors."""

from __future__ import annotations

from builder.extract.entities import extract_entities


def test_abbreviated_journals_are_no_people() -> None:
    people = extract_entities(
        "References\n\nVarnholt I, Quennell T. Rash in the Velmora cohort. Br J Dermatol. "
        "2019;12:4-9.\n\nBrekk O. A trial of ointments. N Engl J Med. 2020;3:1-2.\n\n"
        "Quennell T. Joints. Ann Rheum Dis. 2018;7:5.\n", {}).people
    assert not {"Br J Dermatol", "N Engl J Med", "Ann Rheum Dis"} & set(people)


def test_a_person_with_an_initial_stays_a_person() -> None:
    people = extract_entities("J. Varnholt said the Velmora trial would go on.", {}).people
    assert "J. Varnholt" in people
