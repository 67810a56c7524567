"""People lists without leaks (issue 12, acceptance): titles of works, things named with
ordinary words, party tags and addresses are no people; each person is listed once (no
surname or first name beside the full name, no spelling without initials or accents).
Fictional text."""

from __future__ import annotations

import pytest

from builder.extract.entities import _person_parts, extract_entities


def people(text: str) -> list[str]:
    return extract_entities(text, {}).people


def test_a_title_in_quotation_marks_is_no_person() -> None:
    text = "Orla Brekk’s ‘Thin Skin’: Do Writers of Veyra Apologise Too Much? A review."
    assert "Thin Skin" not in people(text)
    assert "Orla Brekk" in people(text)


@pytest.mark.parametrize("text", [
    "“It glows all night,” said Ice Cream Sundae, to the crowd in Port Veyra.",
    "“We stay,” said Side Dish, 12, from the stage.",
])
def test_a_name_of_ordinary_words_is_no_person(text: str) -> None:
    assert people(text) == []


def test_a_party_tag_and_an_address_are_no_people() -> None:
    text = ("Rep. Ilse Varnholt (D-Calif.) said the pier would stay. Details: "
            "OSTMARK.veyra.gov and Brann Okafor.3 in the notes.")
    assert people(text) == ["Ilse Varnholt"]


def test_each_person_is_listed_once() -> None:
    text = ("Amanda A. Kostro Miller, a dietitian in Port Veyra, spoke first. Kostro Miller "
            "said the harbour was safe. Tomas W. Quennell agreed, and Tomas Quennell signed. "
            "Ásta Ólafsdóttir wrote the report; Asta Olafsdottir is its author.")
    assert people(text) == ["Amanda A. Kostro Miller", "Tomas W. Quennell", "Ásta Ólafsdóttir"]


def test_a_surname_two_people_share_is_one_of_them() -> None:
    text = "Nessa Wilmarth and Orla Wilmarth sang in Veyra. “We rest now,” Wilmarth said."
    assert people(text) == ["Nessa Wilmarth", "Orla Wilmarth"]


def test_a_first_name_alone_is_the_person_of_that_first_name() -> None:
    text = "Jillian Varnholt opened the pier. Later, Jillian said it would stay open."
    assert people(text) == ["Jillian Varnholt"]


def test_the_listener_of_told_is_no_speaker() -> None:
    text = "“We are delighted,” Brann Okafor, adviser to the mayor, told Observer on Monday."
    assert "Observer" not in people(text)


def test_name_particles_and_role_words() -> None:
    text = ("“It is ours,” said Laurence des Marais, the museum’s director. Superintendent "
            "Tomas Quennell agreed. Defendants Jonas Telmark and Orla Brekk pleaded guilty.")
    assert {"Laurence des Marais", "Tomas Quennell", "Jonas Telmark", "Orla Brekk"} <= set(
        people(text))
    assert not any(name.startswith(("Superintendent", "Defendants")) for name in people(text))


def test_an_organization_named_of_a_rank_stays_whole() -> None:
    found = extract_entities("Available from the Royal College of General Practitioners "
                             "in Veyra.", {})
    assert "Royal College of General Practitioners" in found.organizations
    assert not any(name.endswith(" of") for name in found.organizations)


@pytest.mark.parametrize("words, parts", [
    ("Martin Amis Anne Applebaum Marie Arana", [["Martin", "Amis"], ["Anne", "Applebaum"],
                                                ["Marie", "Arana"]]),
    ("Leeds Tomas Quennell", [["Tomas", "Quennell"]]),
    ("Tomas W. Quennell", [["Tomas", "W.", "Quennell"]]),
])
def test_a_tagged_run_of_names_is_cut_into_people(words: str, parts: list[list[str]]) -> None:
    assert _person_parts(words.split()) == parts


@pytest.mark.parametrize("text, name", [
    ("The pier will reopen, Inderai Vasquel told reporters in Port Veyra.", "Inderai Vasquel"),
    ("The pier is safe, according to Nesra Hallaj of the harbour board.", "Nesra Hallaj"),
    ("The pier was built by Ruwen Tallaq, who died in 1990.", "Ruwen Tallaq"),
])
def test_words_of_speech_around_a_full_name_make_a_person(text: str, name: str) -> None:
    assert name in people(text)


def test_according_to_a_place_or_an_organization_is_no_person() -> None:
    assert people("Searches rose, according to Google Trends, in Veyra.") == []


def test_peoples_are_no_people_and_no_places() -> None:
    found = extract_entities("Latino voters, Filipino nurses and Brits abroad met Israelis in "
                             "Port Veyra. Christian Ponderby and Scot Brekk spoke.", {})
    assert not {"Latino", "Filipino", "Brits", "Israelis"} & set(
        found.people + found.places + found.organizations)
    assert {"Christian Ponderby", "Scot Brekk"} <= set(found.people)


def test_a_list_of_names_and_workplaces_is_cut_into_each() -> None:
    text = ("Signed: Tomas Quennell, Ostmark University Orla Brekk Jonas Telmark Ilse "
            "Varnholt, Veyra Times Anna Okafor, Ostmark University.")
    found = extract_entities(text, {})
    assert {"Tomas Quennell", "Orla Brekk", "Jonas Telmark", "Ilse Varnholt",
            "Anna Okafor"} <= set(found.people)
    assert {"Ostmark University", "Veyra Times"} <= set(found.organizations)


def test_a_generation_is_part_of_the_name() -> None:
    found = extract_entities("Tomas Quennell III sued. World War II ended in Veyra.", {})
    assert found.people == ["Tomas Quennell III"]


def test_a_name_after_a_or_an_is_still_a_person() -> None:
    found = extract_entities("A Tomas Quennell victory would calm Veyra. A Rose Garden "
                             "party followed. The Orla Brekk Show aired.", {})
    assert found.people[0] == "Tomas Quennell"
    # The show is named after a person: the learned tagger may list her ("Orla Brekk"), but
    # never the show, the garden or an article with the name.
    assert not {"Rose Garden", "A Tomas Quennell", "Orla Brekk Show",
                "The Orla Brekk Show"} & set(found.people)
    assert set(found.people) <= {"Tomas Quennell", "Orla Brekk"}


@pytest.mark.parametrize("text, name", [
    ("Two years later, Quennell, now 31, is on trial in Port Veyra.", "Quennell"),
    ("The pier was opened by Varnholt, whose grandmother built the first one.", "Varnholt"),
    ("“He worked too hard,” his wife, Orla, reported from Port Veyra.", "Orla"),
    ("When Brekkmoor died, the ferry line closed in Port Veyra.", "Brekkmoor"),
])
def test_a_single_name_that_the_words_around_make_a_person(text: str, name: str) -> None:
    assert name in people(text)


def test_a_place_before_who_is_no_person() -> None:
    text = ("“It is long,” says Orla Brekk, a harbour master in Veyrabridge, who wants a new "
            "pier.")
    assert people(text) == ["Orla Brekk"]


def test_an_arabic_article_joins_a_persons_name() -> None:
    """"Tariq al-Varnawi", "Abu Samir al-Quennel": the article "al-" is part of the name, not
    its end (re3d's "Bashar al-Assad" was "Bashar", "Abu Musab al-Zarqawi" "Abu Musab")."""
    found = extract_entities(
        "Ostmark's President Tariq al-Varnawi met the envoy on Monday. The strike killed Abu "
        "Samir al-Quennel, officials said.", {})
    assert {"Tariq al-Varnawi", "Abu Samir al-Quennel"} <= set(found.people)
    assert not {"Tariq", "Abu Samir"} & set(found.people)


def test_a_models_name_after_a_number_is_no_other_events_surname() -> None:
    """"the 737 Max" and "iPhone 11 Pro Max" on unseen dev-half pages were read as the
    surname of another event's "Nike Air Max", which got an index page of three events.
    Fictional names; a "Max" that speaks is still the timeline's Lina Max."""
    known = ["Lina Max"]
    models = ("Ostwind Air ordered 30 Veyra 900 Max jets on Monday. The 900 Max was "
              "grounded last year, the carrier said. Its pilots use the Telmark 12 Pro Max.")
    assert "Lina Max" not in extract_entities(models, {}, known_people=known).people
    spoken = "Ostwind Air ordered 30 jets on Monday, Max said."
    assert "Lina Max" in extract_entities(spoken, {}, known_people=known).people


def test_a_programs_name_before_a_version_is_no_person() -> None:
    """"Python 3" on the corpus (a page on porting Mercurial) gave the person and the place
    "Python" (a place page of two events). Fictional: "Gannet", an ordinary word (a bird)
    written before version numbers, is no person even where it "said"."""
    text = ("Gannet 3 was released on Monday, with faster loops and a new parser. Programs "
            "written for Gannet 2 will run unchanged, said Ilse Varnholt, who leads the "
            "project in Velmora. \"Gannet has come a long way,\" Varnholt said. Most users "
            "moved from Gannet within a year, Gannet said.")
    found = extract_entities(text, {})
    assert "Ilse Varnholt" in found.people
    assert "Gannet" not in found.people and "Gannet" not in found.places


def test_a_surname_written_after_another_given_name_is_no_other_events_person() -> None:
    """"8.Lori Kelly", "District of Massachusetts Joshua Levy said ... said Levy": unseen
    dev-half and corpus pages name someone else of that surname, whom the rules did not list
    in full; their lone "Kelly", "Levy" had been read as other events' Stephanie Kelly, Phil
    Levy. A surname the text writes after a given name not the full name's takes no other
    event's name. Fictional names."""
    text = ("Top ten skippers of the season:\n\n8.Joshua Quennell\n\nHe won four races in "
            "Ashmoor, where Quennell sailed for the harbour club.")
    assert "Tomas Quennell" not in extract_entities(
        text, {}, known_people=["Tomas Quennell"]).people


def test_a_given_name_with_a_title_needs_a_shared_name_to_be_another_events_person() -> None:
    """"Prof. Carlos" (a Brazilian teacher) was read as another event's Juan Carlos: a lone
    word that is a given name is read into another event's full name, even after a title,
    only when the text names something her events name too. Fictional names."""
    text = "Prof. Linus opened the new workshop on Monday, Velmora University said."
    assert extract_entities(text, {}, known_people={
        "Tomas Linus": {"Ashmoor Rail Union"}}).people == ["Linus"]
    assert extract_entities(text, {}, known_people={
        "Tomas Linus": {"Velmora University"}}).people == ["Tomas Linus"]
