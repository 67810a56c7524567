"""Names that are no people by their words (issue 12: junk on a timeline's People page):
an event's or a job's word after the first ("Davis Cup Finals", "Lexus Project Manager"),
a title's plural ("Princes Charles"), a listed brand first ("Nissan Connect"), ordinary
words in a heading's title case ("The Price Tag"), a product the tagger reads as a name.
Fictional texts."""

from __future__ import annotations

from builder.extract.entities import _could_be_name, extract_entities


def test_event_words_make_no_person() -> None:
    text = ("Velmora beat Ostrakan in the inaugural Marta Cup Finals on Sunday. She later "
            "worked as a pundit for Hazel Sports in Port Veyra.")
    people = extract_entities(text, {}).people
    assert "Marta Cup Finals" not in people
    assert "Hazel Sports" not in people


def test_a_job_before_a_name_is_no_part_of_it() -> None:
    text = ("To make up for it, Lexus Project Manager Ilse Varnholt shared with reporters "
            "that the roof had been improved.")
    people = extract_entities(text, {}).people
    assert "Ilse Varnholt" in people
    assert not any("Manager" in name for name in people)


def test_a_titles_plural_names_no_person() -> None:
    text = "Their relationships with the Queen and Princes Tomas and Ilse of Velmora.\n"
    assert not any(name.startswith("Princes") for name in extract_entities(text, {}).people)
    # the check the tagger's people pass too ("Princes Charles" was tagged as one)
    assert not _could_be_name(["Princes", "Harold"])
    assert not _could_be_name(["Senators", "Varnholt"])
    assert _could_be_name(["Harold", "Varnholt"])


def test_a_listed_brand_first_names_a_product() -> None:
    text = "It comes with a large screen, as well as Nissan Ostrakan, the maker's own system."
    assert "Nissan Ostrakan" not in extract_entities(text, {}).people


def test_ordinary_words_in_a_headings_title_case() -> None:
    text = ("Velmora Stream Is Essentially A Beta Version, But The Price Tag Isn't Cheap\n\n"
            "The service opens in Port Veyra next week, said Ilse Varnholt.")
    people = extract_entities(text, {}).people
    assert "Price Tag" not in people
    assert "Ilse Varnholt" in people


def test_a_list_of_names_keeps_its_people() -> None:
    text = "The letter was signed by Cornel West, Ilse Varnholt and Tomas Quennell.\n"
    people = extract_entities(text, {}).people
    assert "Cornel West" in people
