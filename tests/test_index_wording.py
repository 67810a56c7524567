"""The index pages' note on names with no page of their own, as a reader reads it.

Walking a site of the 212 corpus seeds, the Tags page said "3 other names appear in fewer
than 2 events" (tags are no names), and a page with one such name said "1 other name
appear". Here a real `mkdocs build --strict` of three fictional events (Velmora, Ostrakan,
Dr Ilse Varnholt...) is read back from the built HTML.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from test_timeline_ui import SEED_PAGE, build, make_project

from builder.model import Event, Source


def event(number: int, tags: list[str], people: list[str], places: list[str]) -> Event:
    title = f"Velmora harbour board meets ({number})"
    day = dt.date(2024, 5, number)
    return Event(title=title, date=day, location="Velmora",
                 summary="The Velmora harbour board met on the pier.", tags=tags,
                 people=people, places=places, organizations=[],
                 sources=[Source(title=title, publisher="The Velmora Courier",
                                 credit="velmora.example", published=day,
                                 seed=f"velmora-{number}.txt")],
                 review=[], body="Velmora (fictional) — the harbour board met on the pier.")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    events = [
        event(1, ["courts", "energy"], ["Ilse Varnholt", "Odo Brambeck"], ["Velmora"]),
        event(2, ["courts", "sanctions"], ["Ilse Varnholt", "Perrin Lisk"], ["Velmora"]),
        event(3, ["courts"], ["Ilse Varnholt"], ["Velmora", "Ostrakan"]),
    ]
    project = make_project(tmp_path_factory.mktemp("index") / "proj", events)
    # Only the fictional events, so the counts below are known.
    (project / "content" / "events" / "2025" / SEED_PAGE.name).unlink()
    built = project.parent / "site"
    result = build(project, built)
    assert result.returncode == 0, result.stdout + result.stderr
    return built


def note(site: Path, folder: str) -> str:
    """The index's sentence about names without a page, tags stripped, spaces folded."""
    html = (site / folder / "index.html").read_text(encoding="utf-8")
    found = re.search(r"<p>([^<]*fewer than[^<]*)</p>", html)
    assert found, f"{folder}: no note"
    return " ".join(found.group(1).split())


TAIL = ("in fewer than 2 events: {} no page of {} own, and {} on {} events and in the "
        "timeline's filters.")


def test_tags_are_counted_as_tags_not_names(site: Path) -> None:
    # "energy" and "sanctions" are on one event each.
    assert note(site, "tags") == "2 other tags appear " + TAIL.format(
        "they have", "their", "are", "their")


def test_one_name_is_singular_and_many_plural(site: Path) -> None:
    # Odo Brambeck and Perrin Lisk are named once each; of places, only Ostrakan.
    assert note(site, "people") == "2 other names appear " + TAIL.format(
        "they have", "their", "are", "their")
    assert note(site, "places") == "1 other name appears " + TAIL.format(
        "it has", "its", "is", "its")
