"""Headlines of related stories, each over a one-paragraph teaser, that close the run of
prose the story was found in are furniture; the story's own subheadings, each over
paragraphs that go on, stay (issue 9: a related story's teaser read as the body's end).
All places and people are invented."""

from __future__ import annotations

from test_body_author_boxes import STORY, TITLE

from builder.readers.text import read_text

TEASERS = [
    "Ostrakan ferry company names its new captain",
    "The company chose Dr Ilse Varnholt's nephew, a sailor of twenty years, to lead the crew.",
    "Velmora market hall closes for the winter",
    "Traders will move to the old station square until the roof has been mended in March.",
    "Storm floods the coast road near Brenmark",
    "The road was closed for two days after the sea broke through the wall at high tide.",
]


def test_teasers_that_close_the_run_are_dropped() -> None:
    """Headline, one-sentence teaser, headline, teaser ... under the story: none of it is
    the story's."""
    page = "\n\n".join([TITLE, "By Mara Quill", "March 14, 2023", *STORY, *TEASERS])
    article = read_text(page, "velmora.txt")
    assert article.paragraphs == STORY


def test_the_storys_subheadings_stay() -> None:
    """A subheading whose paragraph the story's prose follows is the story's, and so is a
    last section of one paragraph."""
    heads = ["The cost of the work", "What the fishers said"]
    page = "\n\n".join([TITLE, "By Mara Quill", "March 14, 2023", STORY[0], heads[0],
                        STORY[1], STORY[2], heads[1], STORY[3]])
    article = read_text(page, "velmora.txt")
    assert article.paragraphs == [STORY[0], heads[0], STORY[1], STORY[2], heads[1], STORY[3]]


def test_a_single_short_section_at_the_end_stays() -> None:
    """One headline-like line over one paragraph at the end is a last section, not a list."""
    page = "\n\n".join([TITLE, "By Mara Quill", "March 14, 2023", *STORY, *TEASERS[:2]])
    article = read_text(page, "velmora.txt")
    assert article.paragraphs == [*STORY, *TEASERS[:2]]


RELATED = [
    "You might also like",
    ("The Ostrakan ferry company has named a new captain: Dr Ilse Varnholt's nephew, who "
     "sailed the northern route for twenty years, will lead the crew of the new boat from "
     "the first crossing in June."),
    ("Traders of the Velmora market hall will move to the old station square for the winter, "
     "until the roof that the autumn storms damaged has been mended by the town's builders "
     "in March."),
]


def test_short_lines_between_the_story_and_a_closing_label_are_dropped() -> None:
    """A tags list ("Tagged with" and the tags glued together) and a stamp between the last
    paragraph and "You might also like" are the page's, not the story's."""
    tail = ["Published: 14.03.2023, 12:35", "Tagged with", "VelmoraFerriesHarbours"]
    page = "\n\n".join([TITLE, "By Mara Quill", "March 14, 2023", *STORY, *tail, *RELATED])
    article = read_text(page, "velmora.txt")
    assert article.paragraphs == STORY


def test_a_longer_line_before_a_closing_label_stays() -> None:
    """A line of more words there (a footnote, an embedded post) may be the story's: the
    lines up to the label stay."""
    tail = ["[1] Velmora harbour works, final report of the town council, pages 12 to 19",
            "Harbour Gazette, March 2023"]
    page = "\n\n".join([TITLE, "By Mara Quill", "March 14, 2023", *STORY, *tail, *RELATED])
    article = read_text(page, "velmora.txt")
    assert article.paragraphs == [*STORY, *tail]


def test_teasers_under_kickers_with_pictures_between_are_dropped() -> None:
    """Kicker, headline and teaser, then the next picture's alt text (as a text browser
    shows it) and the next kicker: the list of teasers closes the run, pictures and all."""
    kicker = "Harbours"
    tail = [kicker, TEASERS[0], TEASERS[1], "Ferry at the north quay",
            kicker, TEASERS[2], TEASERS[3], "Market hall roof",
            kicker, TEASERS[4], TEASERS[5]]
    page = "\n\n".join([TITLE, "By Mara Quill", "March 14, 2023", *STORY, *tail])
    article = read_text(page, "velmora.txt")
    assert article.paragraphs == STORY
