"""One name per organization (issue 12 point 2): a place word that only opens an
organization of the same text is no place ("Velmora" beside "Velmora University"), and an
acronym alone becomes the full name the timeline spells out or knows (fictional texts)."""

from __future__ import annotations

from pathlib import Path
from typing import cast

import frontmatter
from conftest import REFERENCE_DATE, timeline

from builder.extract.entities import _opens_an_organization, extract_entities

CAMPUS = ("Students at Velmora University marched on Tuesday, and Velmora University "
          "said the fees would stay.")
TOWN = ("Students at Velmora University marched on Tuesday through Velmora, and the "
        "university said the fees would stay.")


def test_a_place_word_said_only_as_an_organization_s_first_word_is_no_place() -> None:
    """("Columbia" of "Columbia University" was listed as a place on the corpus timeline; an
    invented name is in no gazetteer, so the rule is asked directly.)"""
    assert _opens_an_organization("Velmora", ["Velmora University"], CAMPUS)
    assert not _opens_an_organization("Velmora", ["Velmora University"], TOWN)
    assert not _opens_an_organization("Velmora", ["Kelvane Institute"], CAMPUS)
    assert not _opens_an_organization("Ostrakan", ["Ostrakan College"], CAMPUS)


def test_the_dateline_place_stays_a_place() -> None:
    text = "Students at Velmora University marched on Tuesday in the Velmora region."
    assert "Velmora" in extract_entities(text, {}, ["Velmora"]).places


def test_a_country_stays_a_place() -> None:
    text = ("The Chad Fisheries Board said on Monday that the catch had fallen. "
            "Fishermen in Chad blamed the drought.")
    found = extract_entities(text, {})
    assert "Chad Fisheries Board" in found.organizations
    assert "Chad" in found.places


SPELLED = """Velmora Rail Authority opens the Ostrakan line

OSTRAKAN, March 3 — The Velmora Rail Authority (VRA) opened the new Ostrakan line on
Tuesday, saying trains would run every twenty minutes from April.

The line cost four million crowns, the VRA said.
"""
BARE = """Night trains to Kelvane from May

KELVANE, March 9 — Night trains will run to Kelvane from May, the VRA said on Monday, after
the harbour board agreed to open the station after midnight.
"""
NAMED_TWICE = """Harbour board backs the Kelvane station plan

KELVANE, March 5 — Dr Ilse Varnholt of the Kelvane Station Trust said on Monday that the
harbour board had backed the plan to rebuild the old station.
"""
NAMED_AGAIN = """Kelvane station rebuild begins

KELVANE, March 12 — Work on the old station began on Thursday, the Kelvane Station Trust
said, three weeks after the harbour board backed the plan.
"""
BARE_KST = """Kelvane station to keep its clock

KELVANE, March 20 — The old clock will stay on the rebuilt station, the KST said on
Friday, after a petition of two thousand names.
"""


def organizations_of(project: Path) -> dict[str, list[str]]:
    pages = (project / "content" / "events").rglob("*.md")
    return {str(frontmatter.load(page)["title"]):
            cast(list[str], frontmatter.load(page)["organizations"])
            for page in pages if not any(part.startswith(".") for part in page.parts)}


def build(tmp_path: Path, seeds: dict[str, str], aliases: str = "") -> dict[str, list[str]]:
    project = tmp_path / "proj"
    assert timeline("init", str(project), cwd=tmp_path).returncode == 0
    if aliases:
        config = project / "mkdocs.yml"
        config.write_text(config.read_text(encoding="utf-8").replace(
            "    taxonomy: {}\n", f"    taxonomy: {{}}\n    aliases:\n{aliases}"),
            encoding="utf-8")
    for name, text in seeds.items():
        (project / "seeds" / name).write_text(text, encoding="utf-8")
    result = timeline("build", "--reference-date", REFERENCE_DATE, cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    return organizations_of(project)


def test_an_acronym_takes_the_name_another_article_spells_out(tmp_path: Path) -> None:
    orgs = build(tmp_path, {"a.txt": SPELLED, "b.txt": BARE})
    assert orgs["Night trains to Kelvane from May"] == ["Velmora Rail Authority"]
    assert orgs["Velmora Rail Authority opens the Ostrakan line"] == ["Velmora Rail Authority"]


def test_an_acronym_takes_the_one_organization_of_two_events_with_its_initials(
        tmp_path: Path) -> None:
    orgs = build(tmp_path, {"a.txt": NAMED_TWICE, "b.txt": NAMED_AGAIN, "c.txt": BARE_KST})
    assert orgs["Kelvane station to keep its clock"] == ["Kelvane Station Trust"]


def test_an_organization_of_one_event_gives_no_acronym_its_name(tmp_path: Path) -> None:
    orgs = build(tmp_path, {"a.txt": NAMED_TWICE, "c.txt": BARE_KST})
    assert orgs["Kelvane station to keep its clock"] == ["KST"]


def test_the_alias_table_still_decides_for_an_acronym(tmp_path: Path) -> None:
    orgs = build(tmp_path, {"a.txt": SPELLED, "b.txt": BARE},
                 "      Velmora Railways: [VRA]\n")
    assert orgs["Night trains to Kelvane from May"] == ["Velmora Railways"]


CITY_FULL = """Velmora Harbour City opens its ferry hall

VELMORA HARBOUR CITY, March 3 — The ferry hall of Velmora Harbour City opened on Tuesday,
the port board said.
"""
CITY_AGAIN = """Velmora Harbour City ferries run late

OSTRAKAN, March 8 — Ferries to Velmora Harbour City ran two hours late on Sunday after a
storm in the strait, the port board said.
"""
CITY_SHORT = """Kelvane dockers vote on the VHC contract

KELVANE, March 15 — Dockers in Kelvane voted on Friday to accept the new contract, under
which they will also load the ferries bound for the port of VHC.
"""


def places_of(project: Path) -> dict[str, list[str]]:
    pages = (project / "content" / "events").rglob("*.md")
    return {str(frontmatter.load(page)["title"]):
            cast(list[str], frontmatter.load(page)["places"])
            for page in pages if not any(part.startswith(".") for part in page.parts)}


def test_a_place_acronym_takes_the_one_place_of_two_events_with_its_initials(
        tmp_path: Path) -> None:
    project = tmp_path / "proj"
    assert timeline("init", str(project), cwd=tmp_path).returncode == 0
    for name, text in (("a.txt", CITY_FULL), ("b.txt", CITY_AGAIN), ("c.txt", CITY_SHORT)):
        (project / "seeds" / name).write_text(text, encoding="utf-8")
    result = timeline("build", "--reference-date", REFERENCE_DATE, cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    places = places_of(project)["Kelvane dockers vote on the VHC contract"]
    assert "Velmora Harbour City" in places and "VHC" not in places
