"""Organizations the text itself says are organizations (issue 12): acronyms that act or
are spelled out, names after an organization's role, names joined to a word of
ownership; and acronyms of terms, places and headings that stay out. Fictional text."""

from __future__ import annotations

import pytest

from builder.extract.entities import extract_entities


@pytest.mark.parametrize("text, acronym", [
    ("Shares fell after OSTF said it would close the pier.", "OSTF"),
    ("The KVB has hired forty drivers in Port Veyra.", "KVB"),
    ("Nobody expected the fall in KVB's value this winter.", "KVB"),
    ("It may be that BRL and KVB have cracked it.", "BRL"),
    ("It may be that BRL and KVB have cracked it.", "KVB"),
    ("Two KVB officials met the harbour master.", "KVB"),
])
def test_an_acronym_that_acts_is_an_organization(text: str, acronym: str) -> None:
    assert acronym in extract_entities(text, {}).organizations


@pytest.mark.parametrize("text", [
    "The AI said hello and the MP said nothing.",
    "World War II was long; the UK has rain.",
    "THE END. The end has come, said the sign.",
    "Her PhD was long, and the EV has a flat tyre.",
])
def test_terms_places_numerals_and_headings_that_act_are_not(text: str) -> None:
    assert extract_entities(text, {}).organizations == []


def test_an_acronym_spelled_out_from_inside_its_words_is_an_organization() -> None:
    text = ("Brann Okafor, General Director of the Ostmark Organization for Tidal Energies "
            "(OTEN), says the pier will hold. OTEN staff agree.")
    found = extract_entities(text, {})
    assert "OTEN" in found.organizations
    assert not {"OTEN", "Brann Okafor"} & set(found.places)


def test_a_term_spelled_out_stays_a_term() -> None:
    found = extract_entities("The Body Mass Index (BMI) of Veyra's children rose.", {})
    assert "BMI" not in found.organizations


@pytest.mark.parametrize("text, name", [
    ("“We close the forum,” wrote Jesse Marrow, founder of Quill Forums, on Monday.",
     "Quill Forums"),
    ("Ilse Brandt, chief executive of Harrowgate Pumps, resigned.", "Harrowgate Pumps"),
    ("A spokeswoman for the firm, not the owner of Tallow Lane, spoke.", None),
])
def test_a_name_after_an_organizations_role_is_an_organization(
        text: str, name: str | None) -> None:
    found = extract_entities(text, {})
    if name is None:
        assert "Tallow Lane" not in found.organizations
    else:
        assert name in found.organizations
        assert name not in found.people


def test_a_countrys_leader_is_no_organization() -> None:
    found = extract_entities("The founder of Ostmark Rail, Ana Veld, met the owner of "
                             "Germany's biggest port.", {})
    assert "Germany" not in found.organizations


def test_a_name_before_a_word_of_ownership_is_kept() -> None:
    found = extract_entities("Shares of KVB-parent Ostmark Holdings rose; a Veyra-based "
                             "firm and a Kremlin-backed fund bid.", {})
    assert "Ostmark Holdings" in found.organizations
    assert "KVB" not in found.organizations  # nothing says KVB is one
    assert "Kremlin" in found.organizations
    assert not any("-" in name for name in found.organizations + found.places)


def test_a_place_is_what_follows_of() -> None:
    found = extract_entities("“It is fair,” said Supervisor Ilse Varnholt of Ostmark County. "
                             "Deregulation of Harrow Street brought the crash. The Isle of "
                             "Veyra is calm.", {})
    assert "Ostmark County" in found.places
    assert "Harrow Street" in found.places
    assert "Isle of Veyra" in found.places
    assert "Ilse Varnholt" in found.people
    assert not any(name.startswith(("Supervisor", "Deregulation")) for name in found.places)


def test_a_long_run_ending_in_a_place_word_is_no_place() -> None:
    found = extract_entities("Signed: Orla Brekk Jonas Telmark Tomas Quennell Bay; and songs "
                             "from Port Veyra Harbour Singers.", {})
    assert not any(len(name.split()) > 3 for name in found.places)


def test_a_persons_surname_alone_is_the_person() -> None:
    found = extract_entities("Tomas Brandt was hit in the face by Al Horvane. He scored "
                             "over his nemesis in Horvane.", {})
    assert "Horvane" not in found.places + found.organizations
    assert "Al Horvane" in found.people


def test_a_platform_named_for_its_product_only_is_no_organization() -> None:
    assert "Facebook" not in extract_entities(
        "Her Facebook posts and her Facebook page drew crowds in Veyra.", {}).organizations
    assert "Facebook" in extract_entities(
        "Facebook said her Facebook posts broke no rule.", {}).organizations
    assert "Tesco" in extract_entities(
        "A couple could open four Tesco accounts in Veyra.", {}).organizations


def test_a_place_named_only_as_an_actor_is_its_government_or_team() -> None:
    # the rule is for the gazetteer's places, so real ones show it (the people are invented)
    found = extract_entities("They have one crack at redemption. South Africa are almost "
                             "out. After North Carolina passed its voting bill, Orla Brekk "
                             "left.", {})
    assert {"South Africa", "North Carolina"} <= set(found.organizations)
    assert not {"South Africa", "North Carolina"} & set(found.places)


def test_a_place_also_named_as_a_place_stays_one() -> None:
    found = extract_entities("China said it would help. Orla Brekk flew to China on Monday. "
                             "Schools in Tennessee, Montana and Missouri are listed.", {})
    assert {"China", "Missouri"} <= set(found.places)
    assert not {"China", "Missouri"} & set(found.organizations)


def test_headings_of_ordinary_words_are_no_organizations() -> None:
    text = ("Ten ways to tidy a flat in Port Veyra.\n\nUse Smart Storage Solutions\n\n"
            "Boxes help.\n\nHealthy Foods\n\nEat well, said the City Council of Veyra.\n\n"
            "Photo: Courtesy of Veyra Harbour News")
    organizations = extract_entities(text, {}).organizations
    assert "Use Smart Storage Solutions" not in organizations
    assert "Healthy Foods" not in organizations
    assert "Veyra Harbour News" in organizations  # an outlet's credit line
    assert not any(name.startswith(("Courtesy", "City Council of")) and name != (
        "City Council of Veyra") for name in organizations)


def test_a_founder_before_a_name_is_a_title() -> None:
    found = extract_entities("Quillmark Founder Brann Okafor spoke in Veyra.", {})
    assert "Brann Okafor" in found.people
    assert not any("Founder" in name for name in found.organizations + found.people)


def test_institutions_named_by_their_last_word_are_organizations() -> None:
    found = extract_entities("The Veyra Art Museum and the Ostmark Academy of Sciences sent "
                             "Brann Okafor to the Harrow Observatory.", {})
    assert {"Veyra Art Museum", "Ostmark Academy of Sciences", "Harrow Observatory"} <= set(
        found.organizations)


@pytest.mark.parametrize("text", [
    "The purpose of these OVRC hearings is to hear the ferry users of Port Veyra.",
    "Ferry users wait for the OVRC ruling on fares in Port Veyra.",
    "OVRC investigators boarded the ferry in Port Veyra.",
])
def test_an_acronym_with_hearings_or_a_ruling_is_an_organization(text: str) -> None:
    assert "OVRC" in extract_entities(text, {}).organizations


def test_a_number_word_before_an_outlets_word_is_part_of_its_name() -> None:
    found = extract_entities("“Ferry late again,” read Port Veyra's Seven News.", {})
    assert "Seven News" in found.organizations
