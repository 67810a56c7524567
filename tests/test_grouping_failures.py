"""Each grouping failure of issue 12 (and issue 8, item 15) on invented reports: what must
stay apart stays apart, what is one happening comes together. Seeds are real files read by
the real readers and extractors; `group_articles` groups them as a build does."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from builder.extract import extract_article, unify_people
from builder.group import event_from, group_articles
from builder.model import Article
from builder.readers import read_seed

REFERENCE = dt.date(2026, 11, 26)
BOILERPLATE = ("Sign up for the Ashmoor Echo morning briefing: the day's news from the estuary "
               "towns, in your inbox before 7 a.m.")


def articles(tmp_path: Path, seeds: dict[str, str],
             reference: dt.date = REFERENCE) -> list[Article]:
    """The seeds, written as files, read and extracted as a build does."""
    read = []
    for name, text in seeds.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        read.append(extract_article(read_seed(path, 1_000_000), reference, {}, {}))
    unify_people(read, {})
    return read


def groups(tmp_path: Path, seeds: dict[str, str]) -> list[list[str]]:
    grouping = group_articles(articles(tmp_path, seeds))
    return sorted(sorted(article.seed for article in group) for group in grouping.new)


def report(title: str, outlet: str, stamp: str, dateline: str, *paragraphs: str) -> str:
    return "\n\n".join([f"{title}\n- {outlet}", f"Published {stamp}",
                        f"{dateline} -- {paragraphs[0]}", *paragraphs[1:]]) + "\n"


def test_two_stories_of_one_outlet_on_one_day_stay_apart(tmp_path: Path) -> None:
    seeds = {
        "echo-bridge.txt": report(
            "Ostbrook bridge closes for repairs", "Ashmoor Echo", "8:00 AM, Tue May 13, 2025",
            "ASHMOOR", "The Ostbrook bridge will close to cars for six weeks from Monday while "
            "engineers replace its worn bearings, the county roads office said.",
            "Roads manager Ivo Kettering said buses would be allowed across at night.",
            BOILERPLATE),
        "echo-school.txt": report(
            "Ashmoor South school wins robotics prize", "Ashmoor Echo",
            "9:10 AM, Tue May 13, 2025", "ASHMOOR", "Pupils of Ashmoor South school won the "
            "national robotics prize in Kelvane with a machine that sorts beach litter.",
            "Teacher Hanne Solvik said the team of six had built it in a term.", BOILERPLATE),
    }
    assert groups(tmp_path, seeds) == [["echo-bridge.txt"], ["echo-school.txt"]]


def test_an_op_ed_and_a_news_story_about_different_things_stay_apart(tmp_path: Path) -> None:
    seeds = {
        "oped.txt": report(
            "Opinion: Ashmoor needs a second ferry, not a bigger bridge", "Dunmark Post",
            "6:00 AM, Wed May 14, 2025", "ASHMOOR", "For twenty years Ashmoor has argued "
            "about the estuary crossing, and for twenty years the answer has been more "
            "concrete. I think it is time to try boats again.",
            "Columnist Petra Lindqvist writes on transport for the Post."),
        "news.txt": report(
            "Ashmoor council approves budget with higher parking fees", "Dunmark Post",
            "7:45 PM, Wed May 14, 2025", "ASHMOOR", "Ashmoor council approved next year's "
            "budget on Wednesday night, raising parking fees in the town centre by a third.",
            "Council leader Oskar Brandt said the money would repair the sea wall."),
    }
    assert groups(tmp_path, seeds) == [["news.txt"], ["oped.txt"]]


def test_two_baseball_stories_of_one_day_stay_apart(tmp_path: Path) -> None:
    seeds = {
        "herons.txt": report(
            "Kelvane Herons beat Ashmoor Gulls 5-3 in extra innings", "Ledger Sport",
            "11:30 PM, Sat Jun 7, 2025", "KELVANE", "Mara Quist hit a two-run homer in the "
            "10th inning as the Kelvane Herons beat the Ashmoor Gulls 5-3 on Saturday night.",
            "Pitcher Dag Ellefsen struck out nine batters over seven innings for the Herons.",
            "Gulls manager Tobias Ruud said his bullpen was tired after a long week."),
        "otters.txt": report(
            "Port Veyra Otters shut out Brennick Falls Millers 4-0", "Ledger Sport",
            "10:50 PM, Sat Jun 7, 2025", "PORT VEYRA", "Lena Haugtvedt pitched a complete "
            "game shutout as the Port Veyra Otters beat the Brennick Falls Millers 4-0 on "
            "Saturday.", "Catcher Emil Sandvik drove in two runs in the sixth inning.",
            "Millers manager Frode Aasen said his batters never found her curveball."),
    }
    assert groups(tmp_path, seeds) == [["herons.txt"], ["otters.txt"]]


def test_equal_headlines_over_different_stories_stay_apart(tmp_path: Path) -> None:
    title = "Mayor opens new library"
    seeds = {
        "holmvik.txt": report(
            title, "Dunmark Post", "10:00 AM, Thu May 15, 2025", "HOLMVIK", "Mayor Jorunn "
            "Vassbotn opened Holmvik's new library in the old fish market on Thursday, with "
            "room for 40,000 books and a maker space.", "Librarian Siri Opsahl said "
            "children's loans had doubled since the temporary rooms opened."),
        "saltgate.txt": report(
            title, "Kestria Today", "3:00 PM, Thu May 15, 2025", "SALTGATE", "Saltgate's "
            "mayor, Anders Foss, cut the ribbon on a library built into the lifeboat station, "
            "paid for by a bequest from a retired captain.", "The reading room looks over "
            "the harbour, and opens every evening until nine."),
    }
    assert groups(tmp_path, seeds) == [["holmvik.txt"], ["saltgate.txt"]]


def test_a_shared_boilerplate_line_does_not_join_two_short_stories(tmp_path: Path) -> None:
    seeds = {
        "echo-a.txt": report(
            "Lifeboat called to yacht aground", "Ashmoor Echo", "6:00 PM, Fri May 16, 2025",
            "ASHMOOR", "The lifeboat towed a yacht off the Gullrock sandbar.", BOILERPLATE),
        "echo-b.txt": report(
            "Fish market to open on Sundays", "Ashmoor Echo", "6:20 PM, Fri May 16, 2025",
            "ASHMOOR", "The fish market will open on Sundays from June.", BOILERPLATE),
    }
    assert groups(tmp_path, seeds) == [["echo-a.txt"], ["echo-b.txt"]]


def test_two_outlets_reports_of_one_assault_a_day_apart_come_together(tmp_path: Path) -> None:
    seeds = {
        "herald.txt": report(
            "Actor Jonas Telmark attacked outside Kelvane theatre", "Kelvane Herald",
            "11:40 PM, Fri May 16, 2025", "KELVANE", "Actor Jonas Telmark was punched and "
            "kicked outside the Royal Kelvane Theatre after Friday's performance of The Tide "
            "Keeper, police said.", "Telmark, 52, was treated in hospital for a broken nose "
            "and released. A man of 34 was arrested at the stage door.",
            "Police spokesperson Mette Kjeldsen asked witnesses to come forward."),
        "today.txt": report(
            "Man charged after assault on stage star Telmark", "Kestria Today",
            "9:15 AM, Sat May 17, 2025", "KELVANE", "A 34-year-old man has been charged "
            "with assault after actor Jonas Telmark was attacked outside the Royal Kelvane "
            "Theatre late on Friday.", "Telmark, who plays the lighthouse keeper in The "
            "Tide Keeper, had a broken nose treated in hospital, police spokesperson Mette "
            "Kjeldsen said.", "The theatre said Saturday's performance would go ahead."),
    }
    assert groups(tmp_path, seeds) == [["herald.txt", "today.txt"]]


def test_three_analyses_of_one_court_ruling_are_one_event(tmp_path: Path) -> None:
    ruling = ("The Dunmark Supreme Court ruled 5-2 on Monday that the Port Veyra cruise levy "
              "is lawful, rejecting a challenge brought by the Nordhaven Cruise Line.")
    seeds = {
        "ledger.txt": report(
            "What the cruise levy ruling means for Port Veyra", "Ledger", "4:00 PM, Mon "
            "Jun 2, 2025", "PORT VEYRA", ruling, "Chief Justice Aino Berglund wrote that "
            "harbours may charge for the berths they build. Nordhaven Cruise Line had argued "
            "the levy broke the Coastal Trade Act.", "Mayor Ilse Varnholt said the levy "
            "would keep ferry fares frozen."),
        "post.txt": report(
            "Supreme Court backs Port Veyra cruise levy", "Dunmark Post", "2:10 PM, Mon Jun "
            "2, 2025", "PORT VEYRA", ruling, "In the majority opinion Chief Justice Aino "
            "Berglund said the Coastal Trade Act does not bar berth levies.", "Nordhaven "
            "Cruise Line said it would study the ruling. Mayor Ilse Varnholt welcomed it."),
        "today.txt": report(
            "Cruise levy ruling: winners and losers", "Kestria Today", "9:00 AM, Tue Jun 3, "
            "2025", "PORT VEYRA", "Monday's 5-2 Supreme Court ruling upholding the Port "
            "Veyra cruise levy leaves Nordhaven Cruise Line with a higher bill for each "
            "call.", "Chief Justice Aino Berglund's opinion on the Coastal Trade Act will "
            "matter to every harbour town, and Mayor Ilse Varnholt has already said the "
            "levy keeps ferry fares frozen."),
    }
    assert groups(tmp_path, seeds) == [["ledger.txt", "post.txt", "today.txt"]]


def test_different_datelines_keep_alike_reports_apart(tmp_path: Path) -> None:
    text = ("Fire crews fought a blaze at a timber warehouse on Tuesday night; no one was "
            "hurt, fire chief Nils Orvik said.")
    seeds = {
        "a.txt": report("Warehouse fire", "Dunmark Post", "11:00 PM, Tue May 20, 2025",
                        "HOLMVIK", text, "Smoke drifted over the harbour until midnight."),
        "b.txt": report("Warehouse fire", "Kestria Today", "11:30 PM, Tue May 20, 2025",
                        "SALTGATE", text, "Smoke drifted over the harbour until midnight."),
    }
    assert groups(tmp_path, seeds) == [["a.txt"], ["b.txt"]]


NOTE = "---\ntitle: {title}\ndate: 2025-05-21\n---\n{body}\n"


def test_two_notes_with_near_identical_titles_are_never_merged(tmp_path: Path) -> None:
    seeds = {
        "note-a.md": NOTE.format(title="Harbour board meeting", body="The board agreed to "
                                 "dredge the north channel in September."),
        "note-b.md": NOTE.format(title="Harbour board meeting.", body="Board member Kari "
                                 "Tveit resigned over the dredging contract."),
    }
    assert groups(tmp_path, seeds) == [["note-a.md"], ["note-b.md"]]


def test_a_note_that_joins_reports_keeps_its_body(tmp_path: Path) -> None:
    body = ("Harbour master Tomas Quennell opened the north pier at Ashmoor on Tuesday; "
            "the ferries of the Ashmoor line will berth there from April. (My own notes "
            "from the opening: about 200 people, brass band.)")
    seeds = {
        "a-report.txt": report(
            "Ashmoor opens new north pier", "Ashmoor Echo", "5:00 PM, Tue Mar 4, 2025",
            "ASHMOOR", "Harbour master Tomas Quennell opened the new north pier on Tuesday; "
            "the ferries of the Ashmoor line will berth there from April.",
            "The pier cost the harbour authority four million crowns, Quennell said."),
        "b-note.md": "---\ntitle: North pier opens at Ashmoor\ndate: 2025-03-04\n---\n"
                     f"{body}\n",
    }
    read = articles(tmp_path, seeds)
    grouping = group_articles(read)
    for group in grouping.new:
        event = event_from(group)
        for article in group:
            if article.body_markdown is not None:
                assert article.body_markdown.strip() in event.body
    assert not grouping.into_existing
