"""A lone first name gets no page of its own: the "Ariel" of one story is rarely the "Ariel"
of another, so a timeline's index should not gather them (issue 12: entity pages only where
they help). The name stays on its events and in the filters."""

from __future__ import annotations

import datetime as dt

from test_site_scale import veyra_event

from builder.extract.entities import lone_first_name
from builder.plugin import pages


def test_a_lone_first_name_is_listed_but_gets_no_page() -> None:
    assert lone_first_name("Ariel") and not lone_first_name("Ilse Varnholt")
    first = veyra_event(1, dt.date(2025, 3, 1), people=["Ilse Varnholt", "Ariel"])
    second = veyra_event(2, dt.date(2025, 3, 2), people=["Ilse Varnholt", "Ariel"])
    site = pages.Site.of([first, second], "events")
    assert set(site.entity_pages["people"]) == {"Ilse Varnholt"}
    generated = pages.generated_pages(site)
    assert "people/ariel.md" not in generated
    assert "people/ilse-varnholt.md" in generated
    header = pages.event_header(site, first)
    assert "<span>Ariel</span>" in header  # on the event, as text
    timeline = pages.fill_lists(site, "timeline.md", generated["timeline.md"])
    assert "ariel" in timeline.split('data-people="')[1].split('"')[0]  # still a filter


def test_a_lone_surname_or_place_word_keeps_its_page() -> None:
    events = [veyra_event(n, dt.date(2025, 3, n), people=["Varnholt"], places=["Ariel"])
              for n in (1, 2)]
    site = pages.Site.of(events, "events")
    assert set(site.entity_pages["people"]) == {"Varnholt"}
    assert set(site.entity_pages["places"]) == {"Ariel"}


def test_a_place_some_events_list_as_an_organization_has_one_page() -> None:
    """"The United States condemns..." lists the country as an organization (its
    government, as annotated news has it), other events as a place: a timeline of 332 real
    pages had a place page and an organization page "united-states". Fictional: Ostmark is
    a place on one event and an organization on two; it gets the place's page, with all
    three, and the organization's chip links there."""
    first = veyra_event(1, dt.date(2025, 3, 1), places=["Ostmark"])
    second = veyra_event(2, dt.date(2025, 3, 2), organizations=["Ostmark", "Veyra Rail"])
    third = veyra_event(3, dt.date(2025, 3, 3), organizations=["Ostmark", "Veyra Rail"])
    site = pages.Site.of([first, second, third], "events")
    assert set(site.entity_pages["organizations"]) == {"Veyra Rail"}
    assert site.entity_pages["places"]["Ostmark"] == "places/ostmark.md"
    assert len(site.with_entity("places", "Ostmark")) == 3
    generated = pages.generated_pages(site)
    assert "organizations/ostmark.md" not in generated and "places/ostmark.md" in generated
    assert "places/ostmark/" in pages.event_header(site, second)
