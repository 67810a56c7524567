"""A picture's credit, "© Name" with no year and no rights reserved ("© dpa | Ann Roe",
"© Shutterstock/racorn"), stands inside the story and does not close it, as the site's
"© 2023 Velmora Gazette" does (issue 9: body lost on unseen pastes, the story cut at the
credit under its first picture). A caption that ends with its credit ("Fot. ...", "... /
(C) Name", "... on Tuesday. EFE", a wire agency's name) is not the story (issue 9: junk kept).
All places and people are invented."""

from __future__ import annotations

import pytest
from test_body_author_boxes import STORY, TITLE

from builder.readers.text import read_text


def test_a_picture_credit_does_not_close_the_story() -> None:
    """"© Name" under a picture, with no year and no rights reserved, stands inside the
    story: the paragraphs below it are the story's."""
    lede = ("Harbour master Tobin Ashe has named the crew of the new ferry to Ostrakan, two "
            "months before its first crossing from the rebuilt harbour of Velmora in June.")
    page = "\n\n".join([TITLE, "By Mara Quill", "March 14, 2023", *STORY, lede,
                        "© dpa | Tobin Ashe", STORY[0].replace("Tuesday", "Monday"),
                        STORY[3].replace("June", "July")])
    article = read_text(page, "velmora.txt")
    assert article.paragraphs == [*STORY, lede, STORY[0].replace("Tuesday", "Monday"),
                                  STORY[3].replace("June", "July")]


def test_the_sites_copyright_line_closes_the_story() -> None:
    page = "\n\n".join([TITLE, "By Mara Quill", "March 14, 2023", *STORY,
                        "© 2023 Velmora Gazette", "Ostrakan ferry timetable changes again "
                        "for the summer, the company said on Monday."])
    article = read_text(page, "velmora.txt")
    assert article.paragraphs == STORY


LAST = ("Further information is given by Ilse Varnholt at the harbour office of Velmora, "
        "who also takes the names of helpers for the first crossing to Ostrakan in June.")


def test_the_last_paragraph_above_a_credit_is_the_story() -> None:
    """A text browser's dump runs the story's paragraphs together, with no blank line, and
    the picture under the story with them: a long paragraph just under the story's prose is
    its last paragraph, not the picture's caption, though the credit follows it (issue 9)."""
    lines = [TITLE, "", "   By Mara Quill", "", "   March 14, 2023", ""]
    lines += ["   " + paragraph for paragraph in STORY]
    lines += ["   " + LAST, "   Foto: Tobin Ashe", "", "   Contact", "   Imprint"]
    article = read_text("\n".join(lines), "velmora.txt")
    assert article.paragraphs == [*STORY, LAST]


def test_a_caption_apart_from_the_story_is_left_out() -> None:
    caption = "The new ferry at the quay of Velmora."
    lines = [TITLE, "", "   By Mara Quill", "", "   March 14, 2023", ""]
    lines += ["   " + paragraph for paragraph in STORY[:2]]
    lines += ["", "   " + caption, "   Foto: Tobin Ashe", ""]
    lines += ["   " + paragraph for paragraph in STORY[2:]]
    article = read_text("\n".join(lines), "velmora.txt")
    assert article.paragraphs == STORY


@pytest.mark.parametrize("caption", [
    "Fot. Mara Quill / Agencja Velmorska",
    "The new ferry at the north quay of Velmora / (C) Mara Quill",
    "The new ferry at the north quay of Velmora on Tuesday. EFE",
])
def test_a_caption_with_its_credit_is_not_the_story(caption: str) -> None:
    """A picture's caption that ends with its credit, set between the story's paragraphs
    ("Fot. ...", "... / (C) Name", a sentence then the agency's name): not the story."""
    page = "\n\n".join([TITLE, "By Mara Quill", "March 14, 2023", *STORY[:2], caption,
                        *STORY[2:]])
    article = read_text(page, "velmora.txt")
    assert article.paragraphs == STORY, caption


def test_a_sentence_with_a_lettered_point_is_the_story() -> None:
    """A point lettered "(c)" in a sentence of the story is no credit."""
    point = ("The council agreed on three points, and point (c) says that the fishers keep "
             "their berths at the old shipyard until the work is done.")
    page = "\n\n".join([TITLE, "By Mara Quill", "March 14, 2023", *STORY[:2], point,
                        *STORY[2:]])
    article = read_text(page, "velmora.txt")
    assert article.paragraphs == [*STORY[:2], point, *STORY[2:]]
