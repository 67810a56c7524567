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
