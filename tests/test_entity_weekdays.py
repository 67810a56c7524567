"""News style writes the day right after a name ("the Supreme Court Wednesday ruled",
"told the Argus Leader Monday"): the day ends the name. And a name someone is "told" with
"the" before it is an organization's. Fictional names throughout."""

from __future__ import annotations

from builder.extract.entities import extract_entities


def test_a_weekday_after_a_name_is_no_part_of_it() -> None:
    found = extract_entities(
        "The Velmora Supreme Court Wednesday ruled against the plan. The Ostrakan "
        "Intelligence Committee Tuesday released its report.", {})
    assert "Velmora Supreme Court" in found.organizations
    assert "Ostrakan Intelligence Committee" in found.organizations


def test_a_newspaper_told_something_is_an_organization() -> None:
    found = extract_entities(
        '"It is working," Ilse Varnholt told the Kestrel Leader Monday afternoon.', {})
    assert found.organizations == ["Kestrel Leader"]
    assert found.people == ["Ilse Varnholt"]

