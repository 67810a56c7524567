"""A text browser's dump of a paywalled page shows the story's opening twice, above the box
and in it: a paragraph that long, with no photo credit, is the story, not a caption shown
twice, so one copy is kept (issue 9: body lost on unseen lynx pages). A caption shown twice
is still dropped. All places and people are invented."""

from __future__ import annotations

from builder.readers.text import read_text

TITLE = "Velmora writer Mara Quill wins the Ostrakan Book Prize"
OPENING = (
    "Velmora (VNA) - For a novel about the old harbour town of Velmora, the writer Mara Quill "
    "has won this year's Ostrakan Book Prize. The book, titled 'The Ferry That Never Came', "
    "was named the best new work of fiction of the year at a ceremony in Ostrakan on Monday "
    "evening. Quill tells the story of the town after the war through the eyes of a thirteen "
    "year old boy who works on the north quay. The prize, first awarded in 2005, is the most "
    "important award of the book trade in the region.")
CAPTION = ("Mara Quill holds her prize at the ceremony in Ostrakan on Monday evening, with the "
           "jury behind her. (Photo: Tobin Ashe)")


def _indented(text: str) -> str:
    return "   " + text


def test_a_long_paragraph_shown_twice_is_the_story() -> None:
    page = "\n\n".join([
        TITLE, _indented("March 14, 2023"), _indented(OPENING), _indented(OPENING),
        _indented("Subscribe now"), "Related", _indented("Ferry news")])
    article = read_text(page, "velmora.txt")
    assert article.paragraphs == [OPENING]


def test_a_caption_shown_twice_is_not_the_story() -> None:
    page = "\n\n".join([
        TITLE, _indented("March 14, 2023"), _indented(CAPTION), _indented(CAPTION),
        _indented(OPENING)])
    article = read_text(page, "velmora.txt")
    assert article.paragraphs == [OPENING]
