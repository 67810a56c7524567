"""One name per person across a timeline: a surname alone becomes the full name the
timeline knows, from its pages or from other articles of the same build (fictional texts)."""

from __future__ import annotations

from pathlib import Path

import frontmatter
from conftest import REFERENCE_DATE, timeline

FULL = """Harbour master Tomas Quennell opens new pier in Ashmoor

ASHMOOR, March 3 — Harbour master Tomas Quennell opened the new north pier on Tuesday,
saying the ferries of the Ashmoor line would berth there from April.

The pier cost the port authority four million crowns, Quennell said.
"""
SURNAME_ONLY = """Ferry timetable changes on the Ashmoor line

KELVANE, March 9 — The Ashmoor line will run two extra crossings each weekday, Mr Quennell
told the harbour board on Monday.

Harbour master Quennell said the new pier made the extra crossings possible.
"""
TWO_QUENNELLS = """Brennick Falls choir sings for the pier

BRENNICK FALLS, March 12 — Choir leader Anna Quennell led forty singers on the new pier.
"""


def people_of(project: Path) -> dict[str, list[str]]:
    pages = (project / "content" / "events").rglob("*.md")
    return {str(frontmatter.load(page)["title"]): list(frontmatter.load(page)["people"])
            for page in pages if not any(part.startswith(".") for part in page.parts)}


def built(tmp_path: Path, seeds: dict[str, str]) -> Path:
    """A new timeline with these seeds, built; its folder."""
    project = tmp_path / "proj"
    assert timeline("init", str(project), cwd=tmp_path).returncode == 0
    for name, text in seeds.items():
        (project / "seeds" / name).write_text(text, encoding="utf-8")
    result = timeline("build", "--reference-date", REFERENCE_DATE, cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project


def test_a_surname_becomes_the_full_name_the_same_build_knows(tmp_path: Path) -> None:
    project = built(tmp_path, {"a-full.txt": FULL, "b-surname.txt": SURNAME_ONLY})
    people = people_of(project)
    assert people["Ferry timetable changes on the Ashmoor line"] == ["Tomas Quennell"]


def test_a_surname_becomes_the_full_name_of_an_existing_page(tmp_path: Path) -> None:
    project = tmp_path / "proj"
    assert timeline("init", str(project), cwd=tmp_path).returncode == 0
    (project / "seeds" / "a-full.txt").write_text(FULL, encoding="utf-8")
    assert timeline("build", "--reference-date", REFERENCE_DATE, cwd=project).returncode == 0
    (project / "seeds" / "b-surname.txt").write_text(SURNAME_ONLY, encoding="utf-8")
    assert timeline("build", "--reference-date", REFERENCE_DATE, cwd=project).returncode == 0
    assert people_of(project)["Ferry timetable changes on the Ashmoor line"] == [
        "Tomas Quennell"]


def test_a_surname_two_people_share_stays_a_surname(tmp_path: Path) -> None:
    project = built(tmp_path, {"a.txt": FULL, "b.txt": SURNAME_ONLY, "c.txt": TWO_QUENNELLS})
    people = people_of(project)
    assert people["Ferry timetable changes on the Ashmoor line"] == ["Quennell"]
    assert people["Brennick Falls choir sings for the pier"] == ["Anna Quennell"]


def test_the_alias_table_still_decides(tmp_path: Path) -> None:
    project = tmp_path / "proj"
    assert timeline("init", str(project), cwd=tmp_path).returncode == 0
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "    taxonomy: {}\n",
        "    taxonomy: {}\n    aliases:\n      Harbour Master Quennell: [Quennell]\n"),
        encoding="utf-8")
    for name, text in (("a.txt", FULL), ("b.txt", SURNAME_ONLY)):
        (project / "seeds" / name).write_text(text, encoding="utf-8")
    result = timeline("build", "--reference-date", REFERENCE_DATE, cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert people_of(project)["Ferry timetable changes on the Ashmoor line"] == [
        "Harbour Master Quennell"]


LINKED = """Ostrakan coders release a faster ledger parser

OSTRAKAN, March 10 — A team of volunteer coders in Ostrakan released a parser on Tuesday
that reads the harbour ledgers ten times faster than the old one, its authors said.

Link: ledgerparse.

The coders said the parser was free for any harbour office to use.
"""
LINK_AUTHOR = """Ashmoor reporter wins the quay prize

ASHMOOR, March 4 — Reporter Rachael Link won the quay prize on Wednesday for her series on
the ferries of the Ashmoor line, the jury said.
"""


def test_a_word_capitalised_only_where_a_line_begins_takes_no_surname(tmp_path: Path) -> None:
    """"Link: ledgerparse." is a label, not the Rachael Link of another event: a lone word
    capitalised only at a sentence's or line's start is not read as another event's surname
    (the corpus timeline put "Rachael Link" on a software story this way)."""
    people = people_of(built(tmp_path, {"a-link.txt": LINK_AUTHOR, "b-linked.txt": LINKED}))
    assert people["Ashmoor reporter wins the quay prize"] == ["Rachael Link"]
    assert "Rachael Link" not in people["Ostrakan coders release a faster ledger parser"]


UNRELATED = """Velmora bakers win the bread prize

VELMORA, March 14 — The bakers of Velmora won the national bread prize on Friday with a rye
loaf, the jury said.

The prize went to the bakery of the old market, which Quennell and his sons run since 1990.
"""


def test_a_lone_surname_of_an_unrelated_story_takes_no_other_events_name(tmp_path: Path) -> None:
    """A lone surname with no title becomes another event's full name only if the story
    names a place, an organization or a person her events name too: on the unseen dev-half
    timeline lone words of unrelated pages had been read into the only full name the
    timeline knew ("Habeck & Genossen" -> Janine Habeck, "Teen Wolf" -> Chad Wolf,
    "Frühling, Sommer, Herbst" -> Christoph Maria Herbst). "Mr Quennell" and a story of
    the same town still take it (the tests above)."""
    people = people_of(built(tmp_path, {"a-full.txt": FULL, "b-bread.txt": UNRELATED}))
    assert "Tomas Quennell" not in people["Velmora bakers win the bread prize"]
    assert people["Harbour master Tomas Quennell opens new pier in Ashmoor"] == [
        "Tomas Quennell"]
