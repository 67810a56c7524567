"""A closing line of the story with no final stop that ends with an emoji or a smiley ("...
and I like that 😉") stays in the body (issue 9: one snippet lost on unseen pages), and so do
a wire story's credits, in brackets or not; a box's label after the story ("Share this
with:") does not. All places, people and outlets are invented."""

from __future__ import annotations

import pytest

from builder.readers.text import read_text

TITLE = "Velmora ferry union renews its board for four years"
STORY = [
    "The Velmora ferry union chose a new board on Tuesday evening, after a long meeting in "
    "the old customs house on the north quay. Ilse Varnholt, who ran the timetable office "
    "for nine years, leads it from the first of May.",
    "“We owe the islands a ferry they can count on in winter too,” Varnholt said after the "
    "vote. The union wants two more crossings a day to Brenmark and a second boat by 2029.",
    "The outgoing chair, Tobin Ashe, stays on the board as treasurer. He thanked the crews "
    "for a year in which the old boats had to run through the worst storms in decades.",
]


def _paste(*tail: str) -> str:
    return "\n".join(["Home", "News", "Harbour", TITLE, "By Mara Quill", "14 March 2027",
                      *STORY, *tail, "Contact", "Imprint"])


@pytest.mark.parametrize("closing", [
    "We will be on the quay on Saturday and we look forward to it 😉",
    "See you all on the quay on Saturday, and bring a coat ;-)",
])
def test_a_closing_line_without_a_stop_stays_in_the_body(closing: str) -> None:
    article = read_text(_paste(closing), "velmora.txt")
    assert article.paragraphs == [*STORY, closing]


def test_a_box_label_after_the_story_is_left_out() -> None:
    article = read_text(_paste("Share this with:", "Facebook", "Email"), "velmora.txt")
    assert article.paragraphs == STORY


@pytest.mark.parametrize("credit", [
    "(Reporting by Mara Quill; Editing by Tobin Ashe)",
    "Additional reporting by Mara Quill in Brenmark; Editing by Tobin Ashe",
])
def test_a_wire_story_keeps_its_closing_credits(credit: str) -> None:
    """A wire story's credits close it, in brackets or not (issue 9)."""
    article = read_text(_paste(credit), "velmora.txt")
    assert article.paragraphs == [*STORY, credit]
