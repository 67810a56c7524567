"""Look-alike happenings that words alone would merge, on invented reports: what tells
them apart is whom each report is about (`group.about_other_people`) and which years it
names (`group.other_years`). Reports of one happening still come together. Seeds are real
files read by the real readers and extractors."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from test_grouping_failures import articles
from test_grouping_lookalikes import OTHER_NEWS

from builder import group
from builder.model import Article

REFERENCE = dt.date(2031, 6, 30)
STAMP = "June 12, 2031"


def report(title: str, outlet: str, *paragraphs: str) -> str:
    return "\n\n".join([f"{title}\n- {outlet}", f"Published {STAMP}",
                        f"QUELLPORT, {STAMP} -- {paragraphs[0]}", *paragraphs[1:]]) + "\n"


def groups(found: list[Article]) -> list[list[str]]:
    grouping = group.group_articles(found, cache=group.ProfileCache())
    return sorted(sorted(article.seed for article in members) for members in grouping.new)


#: Two players of one invented club arrested in separate incidents on one night. The
#: reports share the club, the coach, the charge and most words; the second player's
#: reports also name the first in passing. Each report names its own player most.
KESSEL = {
    "k1.txt": report(
        "Gulls receiver Kessel arrested on suspicion of drunk driving", "The Quellport Gazette",
        "Quellport Gulls receiver Dario Kessel was arrested on suspicion of drunk driving "
        "early on Sunday after police stopped his car on the harbour road.",
        "Kessel was released on bail a few hours later, coach Henrik Saltvik said. The club "
        "said it was aware of the arrest and would not comment further.",
        "Kessel, 27, caught two touchdown passes in Saturday's win over the Varn Pilots."),
    "k2.txt": report(
        "Quellport Gulls' Kessel held on drunk-driving charge", "Estuary Radio News",
        "Police arrested Quellport Gulls receiver Dario Kessel on suspicion of drunk driving "
        "on the harbour road early on Sunday, hours after the Gulls beat the Varn Pilots.",
        "Coach Henrik Saltvik said Kessel had been released on bail and would train with "
        "the team on Monday. Kessel will appear in court next month."),
}
ORVIK = {
    "o1.txt": report(
        "Lineman Orvik charged after crash near ferry terminal", "Varn Island Courier",
        "Tomas Orvik, a lineman for the Quellport Gulls, was charged with drunk driving after "
        "his pickup hit a bollard near the ferry terminal late on Saturday.",
        "Orvik failed a breath test at the scene, police said. Nobody was hurt. Orvik, 31, "
        "joined the Gulls from the Brennick Rovers last spring.",
        "Coach Henrik Saltvik said Orvik would miss the next game. Receiver Dario Kessel was "
        "held on a similar charge the same night."),
    "o2.txt": report(
        "Orvik fails breath test after pickup hits bollard", "Harbour Line Weekly",
        "A breath test put Quellport Gulls lineman Tomas Orvik over the limit after his pickup "
        "struck a bollard outside the ferry terminal on Saturday night.",
        "Orvik was charged and will appear before the Quellport magistrates in July; coach "
        "Henrik Saltvik has dropped Orvik for the game against the Brennick Rovers."),
}


def test_two_players_arrested_on_one_night_stay_two_events(tmp_path: Path) -> None:
    found = articles(tmp_path, {**KESSEL, **ORVIK, **OTHER_NEWS}, REFERENCE)
    assert {article.date for article in found} == {dt.date(2031, 6, 12)}
    assert groups(found) == [*([name] for name in sorted(OTHER_NEWS)),
                             ["k1.txt", "k2.txt"], ["o1.txt", "o2.txt"]]


def test_whom_a_report_is_about_is_the_person_it_names_most(tmp_path: Path) -> None:
    found = {article.seed: article for article in articles(tmp_path, {**KESSEL, **ORVIK})}
    profiles = {seed: group._profile_article(article) for seed, article in found.items()}
    assert "Dario Kessel" in found["o1.txt"].people  # named in passing
    assert profiles["k1.txt"].leading_people == {"kessel"}
    assert profiles["o1.txt"].leading_people == {"orvik"}
    assert group.about_other_people(profiles["k1.txt"], profiles["o1.txt"])
    assert not group.about_other_people(profiles["k1.txt"], profiles["k2.txt"])
    assert not group.about_other_people(profiles["o1.txt"], profiles["o2.txt"])


#: The Saltmere ferry's grounding today, and a report of an earlier grounding of the same
#: ferry on the same sandbar, saved today from an archive page that carries no date of its
#: own (so it is dated the day it was read): the same ferry, port, harbour master and words.
TODAY = {
    "t1.txt": report(
        "Ferry Saltmere runs aground at Quellport harbour mouth", "The Quellport Gazette",
        "The island ferry Saltmere ran aground on the sandbar at the harbour mouth at dawn "
        "on 12 June 2031 with 43 passengers aboard.",
        "Harbour master Odile Franke said two tugs pulled the Saltmere free on the rising "
        "tide and nobody was hurt. Divers will inspect the rudder."),
    "t2.txt": report(
        "Saltmere ferry stuck on sandbar for six hours", "Varn Island Courier",
        "Passengers on the Saltmere spent six hours on the stranded ferry after it grounded "
        "on the sandbar off the breakwater light at dawn on 12 June 2031.",
        "Tugs freed the Saltmere before noon, harbour master Odile Franke said; divers will "
        "inspect the rudder."),
}
ARCHIVE = "\n\n".join([
    "Saltmere grounds in fog off Quellport", "- Estuary Radio News archive",
    "The Saltmere went aground in thick fog off the north pier on the evening of 3 March "
    "2027, with a lorry of fish and 51 people on board.",
    "The lifeboat took everyone ashore, and harbour master Odile Franke closed the channel "
    "until the vessel floated off at midnight."]) + "\n"


def test_an_old_look_alike_report_dated_today_stays_apart(tmp_path: Path) -> None:
    found = articles(tmp_path, {**TODAY, "archive.txt": ARCHIVE, **OTHER_NEWS}, REFERENCE)
    for article in found:
        article.date = dt.date(2031, 6, 12)  # as if the archive page had been dated today
    assert groups(found) == [["archive.txt"], *([name] for name in sorted(OTHER_NEWS)),
                             ["t1.txt", "t2.txt"]]


def test_a_report_naming_other_years_is_less_alike(tmp_path: Path) -> None:
    found = articles(tmp_path, {"t1.txt": TODAY["t1.txt"], "archive.txt": ARCHIVE}, REFERENCE)
    for article in found:
        article.date = dt.date(2031, 6, 12)  # as if the archive page had been dated today
    now = dataclasses.replace(found[-1], seed="now.txt", paragraphs=[
        paragraph.replace("2027", "2031") for paragraph in found[-1].paragraphs])
    profiles = {article.seed: group._profile_article(article) for article in [*found, now]}
    group._weigh(profiles.values(), group.Counter(), 1)
    today, old, now = profiles["t1.txt"], profiles["archive.txt"], profiles["now.txt"]
    assert (today.years, old.years, now.years) == ({"2031"}, {"2027"}, {"2031"})
    assert group.other_years(today, old) and not group.other_years(today, now)
    assert group.similarity(today, old) < group.similarity(today, now)


#: Two robberies of Quay Street jewellers on one day, told alike (street, inspector,
#: jewels), one of $2.6 million and one of 85 million euros: the sums tell them apart.
RAID = {
    "r1.txt": report(
        "Thieves take $2.6 million in jewels from Marrow & Vane", "The Quellport Gazette",
        "Three thieves smashed the windows of the Marrow & Vane jewellery store on Quay "
        "Street and took rings and watches worth $2.6 million, police said.",
        "Inspector Halvard Brekke said the thieves fled on two motorbikes."),
    "r2.txt": report(
        "Smash-and-grab at Marrow & Vane: $2.6m in watches taken", "Varn Island Courier",
        "Rings and watches worth $2.6m were taken from the Marrow & Vane jewellery store in a "
        "smash-and-grab raid, inspector Halvard Brekke said.",
        "The thieves escaped on motorbikes along Quay Street."),
}
HEIST = report(
    "Armed gang takes 85 million euros in diamonds on Quay Street", "Estuary Radio News",
    "Four armed men, two dressed as women, held up Tidewell Diamonds on Quay Street and "
    "escaped with gems worth 85 million euros ($108 million).",
    "Inspector Halvard Brekke said it was the largest robbery the port had seen.")


def test_two_jewel_robberies_of_one_day_stay_apart_by_the_sums(
        tmp_path: Path) -> None:
    found = articles(tmp_path, {**RAID, "heist.txt": HEIST, **OTHER_NEWS}, REFERENCE)
    profiles = {article.seed: group._profile_article(article) for article in found}
    assert profiles["r1.txt"].amounts == profiles["r2.txt"].amounts == (2_600_000.0,)
    assert profiles["heist.txt"].amounts == (85_000_000.0, 108_000_000.0)
    assert group.other_amounts(profiles["r1.txt"], profiles["heist.txt"])
    assert groups(found) == [*([name] for name in sorted(OTHER_NEWS)), ["heist.txt"],
                             ["r1.txt", "r2.txt"]]


def test_sums_of_money_are_read_in_any_currency_and_compared_loosely() -> None:
    assert group.amounts_in("stole £74m, or $ 108 million; a $5 fine; 1,200 dollars") == (
        1200.0, 74_000_000.0, 108_000_000.0)
    assert group.amounts_in("85 million euros and 2.5 billion yen") == (85e6, 2.5e9)

    def profile(text: str) -> group.Profile:
        return group.Profile(0, group._tokens(text), frozenset(), amounts=group.amounts_in(text))

    heist = profile("diamonds worth 85 million euros")
    assert not group.other_amounts(heist, profile("gems worth $108 million"))
    assert group.other_amounts(heist, profile("watches worth $2.6 million"))
    assert not group.other_amounts(heist, profile("a large sum"))


def test_years_tell_reports_apart_only_when_each_names_some() -> None:
    def profile(text: str) -> group.Profile:
        return group.Profile(0, group._tokens(text), frozenset())

    now = profile("aground on 12 June 2031")
    assert group.other_years(now, profile("aground on 3 March 2027"))
    assert not group.other_years(now, profile("in 2027 and again in 2031"))
    assert not group.other_years(now, profile("aground at dawn"))
