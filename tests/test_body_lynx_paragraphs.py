"""A text browser's dump: a story's paragraph of two sentences or more and 30 words or more
shown twice (its teaser, then the story) is kept once, not dropped as a caption shown twice
(issue 9: body lost on unseen lynx pages). A caption of one sentence shown twice is still
dropped. All places and people are invented."""

from __future__ import annotations

from builder.readers.text import read_text

TITLE = "Velmora rebuilds its harbour wall before the winter"
FIRST = ("   The council of Velmora voted on Tuesday to rebuild the old harbour wall before the "
         "winter storms, after the wall broke twice in the last ten years and flooded the "
         "north quay and the fish market beside it.")
SECOND = ("   Work on the north quay starts in March, harbour master Ilse Varnholt said, and the "
          "ferry to Ostrakan will leave from the south pier until the new wall stands in the "
          "autumn of next year.")
SHORT = ("   The mayor, Dara Quell, called it the largest work in the harbour since the war. "
         "The old stones will be kept for the new promenade and for the new park beside the "
         "church.")
LAST = ("   The fishermen of Velmora welcomed the plan at a meeting on Wednesday evening. They "
        "had asked for a new wall for more than a decade, their spokesman Tobin Ashe said.")
CAPTION = "   The north quay of Velmora after the storm of last winter."


def _text(paragraph: str) -> str:
    return paragraph.strip()


def test_a_paragraph_of_two_sentences_shown_twice_is_kept_once() -> None:
    page = "\n\n".join([TITLE, "   March 14, 2023", SHORT, FIRST, SECOND, SHORT, LAST])
    article = read_text(page, "velmora.txt")
    assert article.paragraphs == [_text(FIRST), _text(SECOND), _text(SHORT), _text(LAST)]


def test_a_caption_of_one_sentence_shown_twice_is_still_dropped() -> None:
    page = "\n\n".join([TITLE, "   March 14, 2023", CAPTION, CAPTION, FIRST, SECOND, LAST])
    article = read_text(page, "velmora.txt")
    assert article.paragraphs == [_text(FIRST), _text(SECOND), _text(LAST)]
