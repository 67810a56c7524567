"""A place word after a connector or an article alone ends a phrase of nouns, not a place's
name: German pages' "Zukunft der Region", "Weite Teile der Region", "Der Boulevard" were
places; "Bay of Islands" and "Isle of Wight" stay places."""

from __future__ import annotations

from builder.extract.entities import extract_entities


def test_nouns_before_der_region_are_no_place() -> None:
    text = ("Die Zukunft der Region steht auf dem Spiel. Weite Teile der Region sind ohne "
            "Strom, sagte Ilse Varnholt in Velmora.\n\n"
            "Der Boulevard war gesperrt.")
    places = extract_entities(text, {}).places
    assert "Zukunft der Region" not in places
    assert "Weite Teile der Region" not in places
    assert "Der Boulevard" not in places


def test_places_with_a_connector_stay_places() -> None:
    text = ("The ferry left the Bay of Islands at dawn and reached the Isle of Wight, and "
            "later Ostrakan Valley, by night.")
    places = extract_entities(text, {}).places
    assert {"Bay of Islands", "Isle of Wight", "Ostrakan Valley"} <= set(places)


def test_a_sea_named_of_a_place_is_one_place() -> None:
    """"Gulf of Ostmark", "Strait of Velmora": the sea is the place named, not the country
    after "of" alone (re3d's "Gulf of Aden" gave Aden)."""
    text = ("The frigate patrolled the Gulf of Ostmark on Monday and crossed the Strait of "
            "Velmora, then the Sea of Quennel.")
    places = extract_entities(text, {}).places
    assert {"Gulf of Ostmark", "Strait of Velmora", "Sea of Quennel"} <= set(places)


def test_arabic_place_heads_open_places_not_people() -> None:
    """"Wadi ...", "Ayn ...", "Deir ...": a valley, a spring, a monastery's village, never
    a person (re3d's "Wadi Barada" and "Ayn Issa" were people)."""
    text = ("Shelling went on around the Wadi Qarnoush area, and a medic was wounded in the "
            "vicinity of Ayn Sulbek. Deir Halvan was shelled on Monday, Orla Brekk said.")
    found = extract_entities(text, {})
    assert {"Wadi Qarnoush", "Ayn Sulbek", "Deir Halvan"} <= set(found.places)
    assert not {"Wadi Qarnoush", "Ayn Sulbek", "Deir Halvan"} & set(found.people)


def test_a_place_phrase_loses_its_owner_and_a_sentences_first_word() -> None:
    """"Ostmark’s Quennel province": the province is Quennel; "Declaring Lima district":
    the district is Lima's, the verb opens the sentence (re3d's "Syria’s Idlib",
    "Declaring Mosul" were places)."""
    text = ("Strikes hit northwestern Ostmark’s Quennel province on Monday. No one may "
            "enter Lima without a reason. Declaring Lima district a closed area follows the "
            "ruling, Orla Brekk said.")
    places = extract_entities(text, {}).places
    assert "Quennel" in places and "Lima" in places
    assert not {"Ostmark’s Quennel", "Declaring Lima"} & set(places)
