"""A place written short, in a dateline ("HAYWARD, Calif.", "AUSTIN, TX") or in the text
("L.A.", "NYC"), is listed under its name, once: before, an event listed both "Calif" and
"California", and a timeline had a page for "L.A." and one for "Los Angeles" (seen on a real
timeline of a few hundred pages; issue 12: one name per entity). Places and people are
invented."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from builder.extract import extract_article
from builder.extract.dateline import region_name
from builder.extract.entities import extract_entities
from builder.readers import read_seed

STORY = ("{dateline} — The ferry service across Lake Ostrava in {state} will stop for the "
         "winter on Monday, the operator Ostrava Lines said.\n\n"
         "Harbour master Tobin Ashe said the service would resume in April.\n")


@pytest.mark.parametrize(("dateline", "state"), [
    ("MARLOW CREEK, Calif. (AP)", "California"),
    ("MARLOW CREEK, TX", "Texas"),
    ("MARLOW CREEK, W.Va.", "West Virginia"),
])
def test_a_states_short_form_is_listed_by_its_name(tmp_path: Path, dateline: str,
                                                    state: str) -> None:
    seed = tmp_path / "ferry.txt"
    seed.write_text("Lake ferry stops for the winter\n\nNovember 18, 2024\n\n"
                    + STORY.format(dateline=dateline, state=state), encoding="utf-8")
    article = read_seed(seed, 1_000_000)
    extract_article(article, dt.date(2024, 11, 20), {}, {})
    assert state in article.places
    assert not {"Calif", "Calif.", "TX", "W.Va", "W.Va."} & set(article.places)


def test_other_regions_stay_as_written() -> None:
    assert region_name("Ukraine") == "Ukraine"
    assert region_name("D.C.") == "D.C."
    assert region_name("Calif.") == "California"


def test_the_aliases_decide_first(tmp_path: Path) -> None:
    seed = tmp_path / "ferry.txt"
    seed.write_text("Lake ferry stops for the winter\n\nNovember 18, 2024\n\n"
                    + STORY.format(dateline="MARLOW CREEK, Calif.", state="the state"),
                    encoding="utf-8")
    article = read_seed(seed, 1_000_000)
    extract_article(article, dt.date(2024, 11, 20), {"Calif.": "Golden State"}, {})
    assert "Golden State" in article.places


@pytest.mark.parametrize(("short", "name"), [("L.A.", "Los Angeles"), ("NYC", "New York City"),
                                             ("DC", "D.C.")])
def test_a_places_short_form_in_the_text_is_listed_by_its_name(short: str, name: str) -> None:
    """"L.A." in one story and "Los Angeles" in another made two place pages."""
    text = (f"The Velmora Quartet flew to {short} on Monday for its first tour in {short}, "
            "the band's manager Ilse Varnholt said.")
    places = extract_entities(text, {}).places
    assert name in places and short not in places


def test_an_alias_keeps_a_short_form() -> None:
    text = "The Velmora Quartet flew to L.A. on Monday, the band's manager Ilse Varnholt said."
    assert "L.A." in extract_entities(text, {"L.A.": "L.A."}).places
