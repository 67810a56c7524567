"""Where a name ends: an abbreviated company suffix ends the company's name ("Inc." before a
new sentence), and "Executive" after "Chief" is part of the title, not of the person's
name. Fictional text."""

from __future__ import annotations

from builder.extract.entities import extract_entities


def test_a_company_suffix_ends_the_name() -> None:
    found = extract_entities(
        "The deal was done, said Ilse Varnholt, vice president at Marta Velmora Freight Inc. "
        "Taking on rivals is hard.", {})
    assert "Marta Velmora Freight Inc" in found.organizations
    assert not any(name.startswith("Marta") for name in found.people)


def test_chief_executive_is_a_title() -> None:
    for text in ("The board thanked Chief Executive Jonas Telmark on Monday.",
                 "Chief Executive Jonas Telmark told the Ostrakan board it would sell."):
        people = extract_entities(text, {}).people
        assert "Jonas Telmark" in people
        assert not any(name.startswith("Executive") for name in people)
