"""Organizations' names the rules cut (issue 12: "National Institute", "Liberation Army"
on a timeline's Organizations page): "on" between a body's head and its field, a plural
noun's possessive opening the name; and a reference list's author ("Sacks HS") read as
an organization. Fictional texts."""

from __future__ import annotations

from builder.extract.entities import extract_entities


def test_on_joins_a_body_to_its_field() -> None:
    text = ("The Velmora Institute on Drug Abuse has estimated that 9,000 people use it. "
            "The Ostrakan Board on Friday said nothing.")
    organizations = extract_entities(text, {}).organizations
    assert "Velmora Institute on Drug Abuse" in organizations
    assert "Velmora Institute" not in organizations
    assert not any("Friday" in name for name in organizations)


def test_a_plural_nouns_possessive_opens_the_name() -> None:
    text = ("Meanwhile, they note that the People’s Velmoran Army took to the streets "
            "of Port Veyra this weekend.")
    organizations = extract_entities(text, {}).organizations
    assert "People’s Velmoran Army" in organizations
    assert "Velmoran Army" not in organizations


def test_a_references_authors_are_no_organizations() -> None:
    text = ("The vaccine works, the study found.\n\nReferences\n\n"
            "14. Varnholt PA, Quennell AW, Telmark HS, et al. The efficacy of the Velmora "
            "vaccine in elderly persons. Ann Intern Med. 1995;123:518-27.\n")
    organizations = extract_entities(text, {}).organizations
    assert not any(name.endswith((" PA", " AW", " HS")) for name in organizations)


def test_on_before_a_place_is_where_a_body_sits() -> None:
    text = ("They took a break in a hearing before the Velmora Intelligence Committee on "
            "Capitol Hill in Washington, Tuesday.")
    organizations = extract_entities(text, {}).organizations
    assert not any("Capitol" in name for name in organizations)
