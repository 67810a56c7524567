"""A name after a role that only an organization gives ("an economist at ...", "a
spokeswoman for ...") is an organization's, unless it reads as a person's or a place's.
Fictional names throughout."""

from __future__ import annotations

from builder.extract.entities import extract_entities


def test_a_name_after_a_job_at_it_is_an_organization() -> None:
    found = extract_entities(
        "Prices will rise, said Ilse Varnholt, the chief economist at Brannockwerk, which "
        "ships grain. Tomas Quennell, a senior editor at Kestrelwire, disagreed.", {})
    assert "Brannockwerk" in found.organizations
    assert "Kestrelwire" in found.organizations
    assert {"Ilse Varnholt", "Tomas Quennell"} <= set(found.people)


def test_a_name_a_spokeswoman_speaks_for_is_an_organization() -> None:
    found = extract_entities(
        "A spokeswoman for Ostrakan Tramways declined to comment on the delays.", {})
    assert found.organizations == ["Ostrakan Tramways"]


def test_a_person_a_spokeswoman_speaks_for_stays_a_person() -> None:
    found = extract_entities(
        "Marit Olsen founded the firm in 2004. A spokeswoman for Olsen declined to comment. "
        "A spokesman for Tomas Quennell said he would appeal.", {})
    assert "Olsen" not in found.organizations
    assert "Tomas Quennell" not in found.organizations
    assert "Tomas Quennell" in found.people


def test_a_place_after_a_job_at_it_stays_a_place() -> None:
    found = extract_entities("Ilse Varnholt, a professor at Oxford, said so.", {})
    assert "Oxford" not in found.organizations
