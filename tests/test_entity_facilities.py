"""Buildings and grounds named by a name and a word such as "Stadium", "Palace",
"Airport" (entities.FACILITY_WORDS): places where events happen; not an ordinary phrase,
a person or a state's legislature."""

from __future__ import annotations

from builder.extract.entities import extract_entities


def test_a_name_before_a_facility_word_is_a_place() -> None:
    text = ("The match at Ostrakan Arena was moved after a storm closed Velmora Airport, and "
            "the minister spoke at Varnholt Palace on Friday.")
    found = extract_entities(text, {})
    assert "Ostrakan Arena" in found.places
    assert "Velmora Airport" in found.places
    assert "Varnholt Palace" in found.places


def test_ordinary_phrases_people_and_legislatures_are_not_facilities() -> None:
    text = ("The school held an Open House for parents. Zac Hall told reporters the "
            "Indiana House would vote on Tuesday.")
    found = extract_entities(text, {})
    assert "Open House" not in found.places
    assert "Zac Hall" not in found.places
    assert "Indiana House" not in found.places


def test_dams_airfields_and_bases_are_places() -> None:
    """"Quennel Dam", "Varnholt Barrage", "Brekkhaven Airfield", "Skarde Air Base": a work
    or a ground where events happen, a place (re3d's "Mosul Dam", "Incirlik Air Base" were
    missed, the dam's city listed instead); a base after ordinary words only ("Fan Base")
    is none."""
    found = extract_entities(
        "Forces advanced to within 7 kilometers of Quennel Dam and the Varnholt Barrage on "
        "Monday. Aircraft left Brekkhaven Airfield at dawn and landed at Skarde Air Base, "
        "Orla Brekk said. The Fan Base cheered.", {})
    assert {"Quennel Dam", "Varnholt Barrage", "Brekkhaven Airfield", "Skarde Air Base"} <= set(
        found.places)
    assert "Fan Base" not in found.places
