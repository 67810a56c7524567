"""Pasted articles as people paste them: one fictional seed per class of layout the pasted-text
reader must read right (issue 9), read from real files with `read_seed` and enriched by the
extractors as `timeline build` does. Every place and person here is invented."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from builder import pipeline, scaffold
from builder.config import load_settings
from builder.extract import extract_article
from builder.extract.dates import COMMENT_DATE, RELATIVE_DATE, YEAR_INFERRED
from builder.extract.summary import extract_summary
from builder.model import Article
from builder.readers import date_from_page, read_seed

REFERENCE = dt.date(2026, 1, 15)
#: When the seed files here were "saved" (their modification time).
SAVED = dt.datetime(2024, 3, 10, 9, 0)

TITLE = "Port Veyra votes to rebuild its sea wall"
LEDE = ("The harbour council of Port Veyra voted on Tuesday to rebuild the old sea wall at "
        "Ashmoor, ending a dispute that had lasted for more than three years, officials said.")
BODY = (f"{LEDE}\n\n"
        "Harbour master Tomas Quennell said the work would begin in the spring and would last "
        "about two years.\n\n"
        "Residents of the quay had asked for the repairs since the storms of the last winter.\n")


#: More of the story, for pages where something stands between its paragraphs or after them.
MORE = ("The engineers said the new wall would stand a metre higher than the old one, and that "
        "the stone would come from the quarries above Ashmoor, as it did a century ago when the "
        "first wall was raised along the quay.\n\n"
        "The council will hear the residents of the quay again in April, before the first "
        "stones are laid, and the harbour master will publish the timetable of the works at "
        "the ferry office and in the Courier.\n\n"
        "Fishermen who moor along the old wall will be offered berths at the north pier while "
        "the work goes on, the council said, at no cost to them for the first year of the "
        "works, and at half the usual fee after that.\n")


def read(tmp_path: Path, text: str, name: str = "seed.txt", saved: dt.datetime = SAVED,
         newline: str = "\n") -> Article:
    path = tmp_path / name
    path.write_bytes(text.replace("\n", newline).encode("utf-8"))
    os.utime(path, (saved.timestamp(), saved.timestamp()))
    return extract_article(read_seed(path, 5_000_000), REFERENCE, {}, {})


# --- Header layouts ------------------------------------------------------------------------


def test_a_standfirst_between_the_header_and_the_body(tmp_path: Path) -> None:
    """The seed's own layout (title, "- Publisher", a relative stamp, "- 1 min read") with a
    one-line standfirst before the body: still read, dated, and the body kept whole."""
    article = read(tmp_path, f"{TITLE}\n- Veyra Courier\n- 16 hours ago\n- 1 min read\n"
                             "A three-year quarrel over the Ashmoor defences ends in a vote.\n\n"
                             f"ASHMOOR, March 9 (AP) -- {BODY}")
    assert article.title == TITLE
    assert article.publisher == "Veyra Courier"
    assert article.date is not None
    assert article.location == "Ashmoor"  # the dateline opens the story, under the standfirst
    assert article.summary == LEDE
    assert "Residents of the quay" in article.paragraphs[-1]


def test_a_dateline_opens_the_story_so_the_headline_is_above_it(tmp_path: Path) -> None:
    """A headline that looks like a menu ("... | a | b |") over a dateline, then short odd
    lines: the headline is never taken from under the dateline, so the story keeps its
    dateline and its date (a case the seed fuzz test found)."""
    article = read(tmp_path, "Port Veyra story 6 \u0115@\u0131\u0105\U0001c662\u013c&!\xe9 "
                             "\U000f6580\U00081b03\U00101d8e\xdc\U000637d1\xeb3 | a | b | \n\n"
                             "PORT VEYRA, January 20 -- Mayor Ilse Varnholt said the council of "
                             "Port Veyra had read sheet number 6 into its minutes.\n\n"
                             " \xcf;\xc4\xac\U0001c124\xbc\u0130\U000d4fce *   _\U000c9865"
                             "\U0004b1e5\U000cedf52\u0110\n\n\xf7\ue606\xcf \n\n"
                             "\xda\U000ec814o\U00049ca9\u013aH\u011d\u010e\u0127    "
                             "&lt;script&gt;alert(8)&lt;/script&gt;\n")
    assert article.title.startswith("Port Veyra story 6")
    assert article.date == dt.date(2025, 1, 20)  # the latest 20 January before the reference
    assert article.location == "Port Veyra"
    assert article.paragraphs[0].startswith("PORT VEYRA, January 20 --")


def test_a_standfirst_between_the_title_and_the_byline(tmp_path: Path) -> None:
    article = read(tmp_path, f"{TITLE}\n\nA three-year quarrel over the Ashmoor defences ends "
                             "in a vote.\n\nBy Ilse Varnholt\nDecember 22, 2023\n\n" + BODY)
    assert article.title == TITLE
    assert article.authors == ["Ilse Varnholt"]
    assert article.date == dt.date(2023, 12, 22)
    assert any(LEDE in p for p in article.paragraphs)


@pytest.mark.parametrize(("stamp", "expected"), [
    ("December 23, 202311:08 AM UTC", dt.date(2023, 12, 23)),
    ("Fri, Dec 22 20234:46 AM EST", dt.date(2023, 12, 22)),
    ("Published On 22 Dec 202322 Dec 2023", dt.date(2023, 12, 22)),
    ("Dec. 22, 2023", dt.date(2023, 12, 22)),
    ("22 December 2023", dt.date(2023, 12, 22)),
    ("22/12/2023", dt.date(2023, 12, 22)),
    ("2023-12-22", dt.date(2023, 12, 22)),
    ("Updated 2023-12-24 | Published 2023-12-22", dt.date(2023, 12, 22)),
])
def test_stamps_glued_doubled_alone_day_first_and_iso(tmp_path: Path, stamp: str,
                                                       expected: dt.date) -> None:
    """A date alone on its line under the byline, however the page glued it to the time or
    showed it twice, is the publication date; it is not refused."""
    article = read(tmp_path, f"{TITLE}\nBy Ilse Varnholt\n{stamp}\n\n{BODY}")
    assert article.date == expected, article.date_from
    assert article.title == TITLE
    assert article.paragraphs[0] == LEDE


@pytest.mark.parametrize(("dateline", "city", "region"), [
    ("CLEAR HARBOUR, Dunmark, Dec 23 (Reuters) -", "Clear Harbour", "Dunmark"),
    ("ASHMOOR, Veyra, Dec. 23, 2023 (AP) —", "Ashmoor", "Veyra"),
    ("PORT VEYRA, 23 December 2023 --", "Port Veyra", None),
])
def test_datelines_with_a_state_or_country(tmp_path: Path, dateline: str, city: str,
                                           region: str | None) -> None:
    article = read(tmp_path, f"{TITLE}\n\n{dateline} {BODY}")
    assert article.location == city
    assert article.date is not None and (article.date.month, article.date.day) == (12, 23)
    assert article.summary == LEDE


# --- The year of a day written without one -------------------------------------------------


def test_the_year_the_headline_names(tmp_path: Path) -> None:
    """A look back at 2023 dated "January 2" is from 2 January 2024, not the latest 2 January
    before the reference date (2026)."""
    article = read(tmp_path, "Port Veyra remembers the most joyous moments of 2023\n\n"
                             f"ASHMOOR, January 2 (AP) — {BODY}")
    assert article.date == dt.date(2024, 1, 2)
    assert article.date_from is not None and "years the article names" in article.date_from
    assert YEAR_INFERRED not in article.review


def test_the_year_the_lede_names(tmp_path: Path) -> None:
    article = read(tmp_path, f"{TITLE}\n\nASHMOOR, June 3 (AP) — The harbour council said its "
                             "2021 budget would pay for the new sea wall, which engineers say "
                             "will last for a century.\n\n" + BODY)
    assert article.date == dt.date(2021, 6, 3)
    assert "years the article names" in (article.date_from or "")


def test_the_year_of_the_copyright_line(tmp_path: Path) -> None:
    article = read(tmp_path, f"{TITLE}\n\nASHMOOR, March 2 (AP) — {BODY}\n"
                             "© 2021 Veyra Courier. All rights reserved.\n")
    assert article.date == dt.date(2021, 3, 2)
    assert "copyright" in (article.date_from or "")


def test_the_year_in_the_page_address() -> None:
    """A page's address with a year in its path (".../2022/03/02/...") gives the year."""
    article = Article(seed="page.html", title=TITLE, paragraphs=[f"ASHMOOR, March 2 (AP) — {LEDE}"],
                      url="https://veyra.example/news/2022/03/02/sea-wall")
    date_from_page(article, "© 2025 Veyra Courier", SAVED)
    assert article.published == dt.date(2022, 3, 2)
    article = extract_article(article, REFERENCE, {}, {})
    assert article.date == dt.date(2022, 3, 2)
    assert "page's address" in (article.date_from or "")


def test_without_evidence_the_latest_such_day_is_taken_and_flagged(tmp_path: Path) -> None:
    article = read(tmp_path, f"{TITLE}\n\nASHMOOR, March 2 (AP) — {BODY}")
    assert article.date == dt.date(2025, 3, 2)
    assert YEAR_INFERRED in article.review
    assert "latest such day not after 2026-01-15" in (article.date_from or "")


# --- Relative stamps -----------------------------------------------------------------------


@pytest.mark.parametrize(("stamp", "expected"), [
    ("5 hours ago", dt.date(2024, 3, 10)),
    ("16 hours ago", dt.date(2024, 3, 9)),  # saved at 09:00: the evening before
    ("2 days ago", dt.date(2024, 3, 8)),
    ("yesterday", dt.date(2024, 3, 9)),
])
def test_relative_stamps_count_back_from_the_saved_time(tmp_path: Path, stamp: str,
                                                        expected: dt.date) -> None:
    article = read(tmp_path, f"{TITLE}\n- Veyra Courier\n- {stamp}\n\n{BODY}")
    assert article.date == expected
    assert RELATIVE_DATE in article.review
    assert "saved time (2024-03-10 09:00)" in (article.date_from or "")


# --- Nothing lost ------------------------------------------------------------------------------


@pytest.mark.parametrize("markup", [
    "<script>alert('x')</script>",
    "<img src=x onerror=alert(1)>",
    "<div>",
    "[a link](javascript:alert(1))",
])
def test_markup_like_text_is_kept_as_text(tmp_path: Path, markup: str) -> None:
    """A first paragraph that holds text that looks like HTML or Markdown keeps it all: the
    dateline, the date and the words (escaping is the page writer's job)."""
    first = (f"{markup} ASHMOOR, December 2, 2023 (AP) — The council printed the code {markup} "
             "in its minutes of the meeting by mistake, officials said on Tuesday.")
    article = read(tmp_path, f"{TITLE}\n- Veyra Courier\n- 5 hours ago\n\n{first}\n\n{BODY}")
    assert first in article.paragraphs
    assert article.date == dt.date(2023, 12, 2)
    assert "Residents of the quay" in article.paragraphs[-1]


SEED = (f"{TITLE}\n- Veyra Courier\n\n- Dec 22, 2023\n- 2 min read\n\n{BODY}\n"
        "Source: veyra.example\n")


@pytest.mark.parametrize("newline", ["\r\n", "\r", "mixed"])
def test_crlf_cr_and_mixed_line_ends_read_as_lf(tmp_path: Path, newline: str) -> None:
    expected = read(tmp_path, SEED, name="lf.txt")
    assert expected.credit == "veyra.example"
    if newline == "mixed":
        lines = SEED.split("\n")
        text = "".join(line + ("\r\n", "\r", "\n")[i % 3] for i, line in enumerate(lines))
        got = read(tmp_path, text, name="mixed.txt")
    else:
        got = read(tmp_path, SEED, name="other.txt", newline=newline)
    got.seed = expected.seed
    assert got == expected


# --- Summary ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("lede", "summary"), [
    ("Gov. Ilse Varnholt signed the sea wall bill on Tuesday. The vote was close.",
     "Gov. Ilse Varnholt signed the sea wall bill on Tuesday."),
    ("The ruling in Quennell v. Ashmoor Harbour Co. was cited by the council. It was close.",
     "The ruling in Quennell v. Ashmoor Harbour Co. was cited by the council."),
    ("Sen. T. R. Quennell of Port Veyra, Dunm. and Rep. Ilse Varnholt spoke. Both agreed.",
     "Sen. T. R. Quennell of Port Veyra, Dunm. and Rep. Ilse Varnholt spoke."),
    ("The U.S. Navy sent a tug to Ashmoor on Dec. 3 after the storm. It arrived late.",
     "The U.S. Navy sent a tug to Ashmoor on Dec. 3 after the storm."),
    ("The council met. It voted.", "The council met."),
])
def test_the_summary_is_not_cut_at_an_abbreviation(lede: str, summary: str) -> None:
    assert extract_summary(lede) == summary


def test_nothing_is_escaped_twice(tmp_path: Path) -> None:
    """Quotes and ampersands in a pasted article reach the event page once escaped, as the
    page writer escapes them, never as a literal `&quot;` or `&amp;amp;`."""
    scaffold.create_project(tmp_path)
    seed = tmp_path / "seeds" / "quotes.txt"
    seed.write_text('Port Veyra\'s "sea wall" & quay vote\n- Veyra Courier\n- Dec 22, 2023\n\n'
                    'The council said the "new wall" & the quay would be rebuilt by Tuesday, '
                    "officials said on Monday evening in Port Veyra.\n\n" + BODY,
                    encoding="utf-8")
    report = pipeline.build(load_settings(tmp_path / "mkdocs.yml"), REFERENCE)
    [item] = report.seeds
    assert item.page is not None
    page = (tmp_path / "content" / "events" / item.page).read_text(encoding="utf-8")
    front, body = page.split("\n---\n", 1)
    for literal in ("&quot;", "&amp;", "&#34;", "&#39;", "&lt;", "&gt;"):
        assert literal not in front  # YAML holds the text itself
    for twice in ("&amp;quot;", "&amp;amp;", "&quot;", "&amp;#"):
        assert twice not in body  # Markdown escapes "&" once, and quotes not at all
    assert "sea wall" in front and "new wall" in body


# --- Dates a page shows away from its headline, and how it writes numeric dates ------------


def test_numeric_dates_read_day_first_when_the_page_shows_a_day_over_12(tmp_path: Path) -> None:
    """"12/04/2024" is 12 April on a page whose other numeric dates are day first
    ("14/04/2024"): the page settles the order, not a guess."""
    article = read(tmp_path, f"{TITLE}\n12/04/2024 by Ilse Varnholt\n\n{BODY}\n"
                             "Comments\nMara Quill 14/04/2024\nA fine wall.\n"
                             "Ossian Pell 15/04/2024\nAbout time.\n")
    assert article.date == dt.date(2024, 4, 12), article.date_from


def test_numeric_dates_read_month_first_when_the_page_shows_it(tmp_path: Path) -> None:
    article = read(tmp_path, f"{TITLE}\n04/12/2024 by Ilse Varnholt\n\n{BODY}\n"
                             "Comments\nMara Quill 04/14/2024\nA fine wall.\n")
    assert article.date == dt.date(2024, 4, 12), article.date_from


@pytest.mark.parametrize(("stamp", "expected"), [
    ("Published: 22:00 GMT, 26 September 2020 | Updated: 08:39 GMT, 28 September 2020",
     dt.date(2020, 9, 26)),
    ("Written by Ilse Varnholt, PhD on April 29, 2018", dt.date(2018, 4, 29)),
    ("By Ilse on 31. October, 2023 | 18 Comments", dt.date(2023, 10, 31)),
])
def test_a_labelled_stamp_away_from_the_headline(tmp_path: Path, stamp: str,
                                                 expected: dt.date) -> None:
    """A stamp that labels itself ("Published:", "Written by ... on") is the date even when
    it stands far from the headline (above a menu, or under a long list of links); dates in
    lists and comments, without such a label, are not taken."""
    menu = "\n".join(f"Section {name}" for name in ("Harbour", "Quay", "Moor", "Ferries"))
    article = read(tmp_path, f"{stamp}\n{menu}\n\n{TITLE}\n\n{BODY}\n"
                             "Comments\nMarch 3, 2019 at 4:11 am\nA fine wall.\n")
    assert article.date == expected, article.date_from
    assert article.title == TITLE


def test_a_page_without_a_stamp_takes_its_comment_date_only_for_review(tmp_path: Path) -> None:
    """A comment's stamp is not the story's: it dates a page only when nothing else does (the
    page shows a date, so it is not refused), and the date is flagged for a person to check."""
    article = read(tmp_path, f"{TITLE}\n\n{BODY}\nComments\n\nMara Quill\n\n"
                             "March 3, 2019 at 4:11 am\n\nA fine wall, truly.\n")
    assert article.published == dt.date(2019, 3, 3)
    assert COMMENT_DATE in article.review


# --- Author's notes ------------------------------------------------------------------------


def test_an_authors_note_after_the_story_is_dropped(tmp_path: Path) -> None:
    """"Ilse Varnholt is a senior writer for ..." under the story is furniture; so is a note
    that opens with the byline's name, wherever it stands."""
    note = ("Ilse Varnholt is a senior writer for the Veyra Courier, covering the harbour. "
            "She was previously an editor at the Ashmoor Gazette.")
    article = read(tmp_path, f"{TITLE}\nBy Ilse Varnholt\nDecember 22, 2023\n\n{BODY}\n{note}\n")
    assert all("senior writer" not in p for p in article.paragraphs)
    assert article.paragraphs[-1].startswith("Residents of the quay")
    other = ("ILSE VARNHOLT has walked every quay of Port Veyra twice, and she keeps a diary of "
             "the tides that her readers know well.")
    article = read(tmp_path, f"{TITLE}\nBy Ilse Varnholt\nDecember 22, 2023\n\n{BODY}\n{other}\n"
                             "Tomas Quennell, the harbour master, has kept the keys since "
                             "the storms of the last winter, officials said.\n")
    assert all("diary of the tides" not in p for p in article.paragraphs)
    assert "Tomas Quennell, the harbour master" in article.paragraphs[-1]


def test_a_most_read_box_inside_the_story_does_not_end_it(tmp_path: Path) -> None:
    """A "Most Read" box set in the middle of the article (its label, then short links) is
    dropped, and the story that resumes under it is kept; the links are not."""
    text = (f"{TITLE}\nBy Ilse Varnholt\nDecember 22, 2023\n\n{BODY}\nMost Read\n"
            "Ferry timetable changes for the spring\nOssian Pell\n"
            "Ashmoor school opens its new library\nMara Quill\n\n" + MORE)
    article = read(tmp_path, text)
    assert any(p.startswith("Fishermen who moor") for p in article.paragraphs)
    assert all("Ferry timetable" not in p and "Most Read" not in p for p in article.paragraphs)
    assert article.paragraphs[0] == LEDE


@pytest.mark.parametrize("furniture", [
    "Ilse Varnholt, Staff Writer, Veyra Courier Harbour Desk",
    "& Tomas Quennell, Director of Harbour Works, Ashmoor Port Authority",
    "Ilse Varnholt from Veyra University",
    "TAGS: Port Veyra, sea wall, Ashmoor, harbour council",
    "Veyra Courier - ilse.varnholt@veyra.example",
    "About Us",
    "Today's headlines",
    "1/21Port Veyra's harbour council meets to vote on the sea wall at Ashmoor",
])
def test_a_byline_tag_list_or_menu_link_is_never_the_headline(tmp_path: Path,
                                                              furniture: str) -> None:
    """The line just over the stamp is a byline without its "By", a list of tags, an
    address or a link of the menu: the headline is the line above it."""
    article = read(tmp_path, f"Harbour\nQuay\n\n{TITLE}\n{furniture}\nDecember 22, 2023\n\n{BODY}")
    assert article.title == TITLE
    assert article.date == dt.date(2023, 12, 22)


@pytest.mark.parametrize("furniture", [
    "Workers lift the first stone of the new wall at the quay in Ashmoor. By VEYRA HARBOUR "
    "AUTHORITY",
    "Disclaimer (varies by section): articles on this site may hold the opinions of their "
    "authors, not those of the Veyra Courier or its owners. For more on our editorial "
    "policies, write to the desk.",
])
def test_a_caption_with_its_credit_and_a_disclaimer_are_not_the_story(tmp_path: Path,
                                                                     furniture: str) -> None:
    article = read(tmp_path, f"{TITLE}\nBy Ilse Varnholt\nDecember 22, 2023\n\n{LEDE}\n\n"
                             f"{furniture}\n\n" + BODY.split("\n\n", 1)[1])
    assert all(furniture[:30] not in p for p in article.paragraphs)
    assert article.paragraphs[0] == LEDE
    assert article.paragraphs[-1].startswith("Residents of the quay")


def test_long_comments_under_the_story_are_not_a_box(tmp_path: Path) -> None:
    """Readers' comments close the story, even long ones in paragraphs in a row."""
    comment = ("I have lived on the quay for forty years and I have never seen the council move "
               "so fast on anything, and I doubt the wall will be done in two years at all, "
               "whatever the harbour master says to the Courier this week.")
    text = (f"{TITLE}\nBy Ilse Varnholt\nDecember 22, 2023\n\n{BODY}\n{MORE}\n12 Comments\n"
            f"Mara Quill\n\n{comment}\n\n{comment}\n\n{comment}\n")
    article = read(tmp_path, text)
    assert all("forty years" not in p for p in article.paragraphs)
    assert article.paragraphs[-1].startswith("Fishermen who moor")
