"""A short story (a headline, its byline and date, one paragraph) is the body even when a
list of related stories under a closing label below it holds more prose; a long story below
a misplaced "Comments" label at the top of the page stays the body (issue 9: the run with
the most prose was a related list). All places and people are invented."""

from __future__ import annotations

from pathlib import Path

from builder.readers import read_seed
from builder.readers.text import read_text

TITLE = "Velmora children paint posters for clean harbours"
STORY = ("The poster contest for children runs for the sixth time this year: pupils between "
         "six and twelve years old in Velmora are asked to paint what a clean harbour means "
         "to them, and to send it to the town hall by the third of April.")
#: The page under the story: a comments form, a sidebar's list of recent posts, then a
#: list of related stories with their teasers.
BELOW = [
    "Leave a comment", "Name *", "Email *", "Website", "Recent posts",
    "Drink from the tap in Ostrakan", "Save the Brenmark dunes", "Pirates at the Velmora regatta",
    "Navigation for three-year-olds", "Happy new year", "You might also like",
    "Drink from the tap in Ostrakan",
    "Ostrakan's water board says the tap water is as clean as any bottle sold in the town's "
    "shops, and it costs a hundredth of the price, so the board asks people to fill their "
    "own flasks before they sail.",
    "Save the Brenmark dunes",
    "Without quick work the gap the winter storms tore between the bay and the open sea "
    "will grow, Dr Ilse Varnholt warns; the council has promised to decide on the repairs "
    "before the summer season begins.",
    "Pirates at the Velmora regatta",
    "Every year the crews of the Velmora regatta choose a theme for their boats, and this "
    "year it was pirates: flags, eye patches and a great deal of shouting across the water "
    "from the harbour wall.",
]


def _page(*parts: str) -> str:
    return "\n".join(parts)


def test_a_short_story_above_a_related_list_is_the_body(tmp_path: Path) -> None:
    """The related list below "You might also like" has more prose than the story; the story,
    under its headline's byline and date, is still the body."""
    text = _page("Home", "News", TITLE, "Posted by Mara Quill on February 23, 2020", STORY,
                 *BELOW)
    seed = tmp_path / "velmora.txt"
    seed.write_text(text, encoding="utf-8")
    article = read_seed(seed, 50_000_000)
    assert article.title == TITLE
    assert article.paragraphs == [STORY]


def test_a_long_story_below_a_comments_label_stays_the_body() -> None:
    """A "Comments" button above a long story is no closing label for it: the story, many
    times longer than the line above the label, is the body."""
    paragraphs = [f"{STORY} The harbour master, Dr Ilse Varnholt, counted {n} entries by the "
                  "end of the week, more than in any year before, and the jury will meet in "
                  "the old customs house to choose the winners." for n in range(3, 12)]
    text = _page("Home", TITLE, "By Mara Quill, February 23, 2020",
                 "Painting the harbour clean, one poster at a time: how the children of "
                 "Velmora learnt what the sea carries in, and what they want the town to do "
                 "about it this spring.", "Share", "Tweet", "Email", "Comments", *paragraphs)
    article = read_text(text, "velmora.txt")
    assert article.paragraphs[-len(paragraphs):] == paragraphs
