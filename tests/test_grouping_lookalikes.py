"""Look-alike happenings on one day: two ferries run aground on one sandbar of one invented
port on the same day, each reported by four invented outlets, with the same harbour master
quoted by all, among other news of the day. Each happening's reports are more like each
other than like the other ferry's, and that, not the shared port, words and official,
decides. Seeds are real files read by the real readers and extractors.

With three reports a happening, a report has only two close reports to measure its own
story by (`group._look_alikes`); the groups' own cohesion (`group._average_linkage`) keeps
them apart as well."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from test_grouping_failures import articles

from builder import group
from builder.model import Article

REFERENCE = dt.date(2031, 6, 30)
STAMP = "June 12, 2031"


def report(title: str, outlet: str, *paragraphs: str) -> str:
    return "\n\n".join([f"{title}\n- {outlet}", f"Published {STAMP}",
                        f"QUELLPORT, {STAMP} -- {paragraphs[0]}", *paragraphs[1:]]) + "\n"


SALTMERE = {
    "a1.txt": report(
        "Ferry Saltmere runs aground at Quellport harbour mouth", "The Quellport Gazette",
        "The island ferry Saltmere ran aground on the sandbar at the harbour mouth at dawn "
        "with 43 passengers and nine cars aboard.",
        "Harbour master Odile Franke said two tugs pulled the Saltmere free on the rising "
        "tide shortly before noon and nobody was hurt.",
        "The Saltmere's captain reported a steering fault as the ferry turned past the "
        "breakwater light, and divers will inspect the rudder on Friday."),
    "a2.txt": report(
        "Saltmere ferry stuck on sandbar for six hours", "Varn Island Courier",
        "Passengers on the Saltmere spent six hours on the stranded ferry after it grounded "
        "on the sandbar off the breakwater light at dawn.",
        "Forty-three passengers were aboard. Tugs freed the Saltmere before noon, harbour "
        "master Odile Franke said; the rudder and steering will be inspected by divers.",
        "The ferry line cancelled the Saltmere's afternoon crossings to Varn Island."),
    "a3.txt": report(
        "Steering fault blamed as Saltmere grounds on sandbar", "Estuary Radio News",
        "A steering fault sent the ferry Saltmere onto the sandbar at the harbour mouth at "
        "dawn, its captain said.",
        "Harbour master Odile Franke said the 43 passengers stayed aboard until tugs pulled "
        "the Saltmere off the sandbar on the rising tide.",
        "Divers will check the Saltmere's rudder before the breakwater crossing reopens."),
    "a4.txt": report(
        "Dawn grounding: 43 safe as tugs free the Saltmere", "Harbour Line Weekly",
        "All 43 passengers of the Saltmere were safe after tugs freed the grounded ferry "
        "from the sandbar on the rising tide.",
        "The ferry had lost its steering as it passed the breakwater light at dawn, harbour "
        "master Odile Franke said. Divers will look at the rudder."),
}
KITTIWAKE = {
    "b1.txt": report(
        "Kittiwake passengers stranded for three hours", "The Quellport Gazette",
        "A hundred and twelve passengers spent three hours aboard the Kittiwake in the "
        "evening after an engine failure left the ferry stuck on the sandbar.",
        "Harbour master Odile Franke said a tug pulled the Kittiwake free on the evening "
        "tide after three hours and nobody was hurt.",
        "Engineers from Brannock Marine will inspect the Kittiwake's engine at the yard."),
    "b2.txt": report(
        "Kittiwake ferry grounds after engine failure", "Varn Island Courier",
        "An engine failure left the ferry Kittiwake drifting onto the sandbar off the "
        "harbour mouth in the evening, with 112 passengers aboard.",
        "The Kittiwake was freed by a tug after three hours, harbour master Odile Franke "
        "said; Brannock Marine engineers will inspect the engine.",
        "Passengers were given blankets and hot soup while they waited."),
    "b3.txt": report(
        "Brannock Marine to inspect Kittiwake engine", "Estuary Radio News",
        "The ferry Kittiwake grounded on the sandbar at the harbour mouth in the evening "
        "after its engine failed, harbour master Odile Franke said.",
        "The 112 passengers stayed aboard for three hours until a tug pulled the Kittiwake "
        "off on the tide.",
        "Brannock Marine said its engineers would inspect the Kittiwake's engine."),
    "b4.txt": report(
        "Soup and blankets for 112 on stranded Kittiwake", "Harbour Line Weekly",
        "Passengers of the Kittiwake were given soup and blankets during three hours on the "
        "sandbar after the ferry's engine failed in the evening.",
        "A tug towed the Kittiwake off on the tide, harbour master Odile Franke said, and "
        "Brannock Marine will inspect the engine."),
}

#: Other news of the day, from other towns: as on a real day, the port's words are rare.
OTHER_NEWS = {
    f"c{number}.txt": f"{title}\n- Estuary Radio News\n\n{town.upper()}, {STAMP} -- {text}\n"
    for number, (town, title, text) in enumerate([
        ("Brennick", "Orchard growers win frost compensation",
         "Orchard growers will be paid for the late frost that killed the apple blossom, "
         "growers' leader Piet Lammerding said."),
        ("Tollhaven", "Library reopens after flood repairs",
         "The town library reopened after eight months of repairs, librarian Mirela "
         "Ostrander said, with a new reading room for children."),
        ("Dunmark", "Council delays vote on tram line",
         "The council delayed its vote on the east tram line by a month after councillor "
         "Jorin Abelsen asked for new cost figures."),
        ("Keldoran", "Youth choir wins national title",
         "The Keldoran youth choir won the national title, conductor Ilse Marrow said, its "
         "first since 2019."),
        ("Carrow Lynd", "Ferris Lane bakery closes after ninety years",
         "The Ferris Lane bakery closed its doors after ninety years, owner Hedda Pruitt "
         "said, for want of a buyer."),
        ("Ashmoor", "Hospital opens new maternity ward",
         "The general hospital opened a maternity ward with twelve beds, director Tamsin "
         "Okafor said."),
    ])
}


def groups(found: list[Article]) -> list[list[str]]:
    grouping = group.group_articles(found, cache=group.ProfileCache())
    return sorted(sorted(article.seed for article in members) for members in grouping.new)


def test_two_groundings_in_one_port_on_one_day_stay_two_events(tmp_path: Path) -> None:
    found = articles(tmp_path, {**SALTMERE, **KITTIWAKE, **OTHER_NEWS}, REFERENCE)
    assert {article.date for article in found} == {dt.date(2031, 6, 12)}
    assert groups(found) == [["a1.txt", "a2.txt", "a3.txt", "a4.txt"],
                             ["b1.txt", "b2.txt", "b3.txt", "b4.txt"],
                             *([name] for name in sorted(OTHER_NEWS))]


def test_two_groundings_of_three_reports_each_stay_two_events(tmp_path: Path) -> None:
    three = {name: text for name, text in {**SALTMERE, **KITTIWAKE}.items()
             if not name.endswith("4.txt")}
    found = articles(tmp_path, {**three, **OTHER_NEWS}, REFERENCE)
    assert groups(found) == [["a1.txt", "a2.txt", "a3.txt"], ["b1.txt", "b2.txt", "b3.txt"],
                             *([name] for name in sorted(OTHER_NEWS))]
