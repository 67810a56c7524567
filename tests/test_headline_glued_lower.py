"""A headline joined by the paste to a byline line that opens in lower case (issue 9): a
browser's paste runs a line on into the one above when it opens in lower case ("ostrakan
weekly | By Ilse Varnholt | April 13, 2025" under the headline), and its separators then
made the whole block no headline, so the headline was no candidate at all. The reader now
offers the headline alone (`glued_heads`). Read from real files; places and people invented."""

from __future__ import annotations

from pathlib import Path

from builder.readers import read_seed
from builder.readers.text import glued_heads

STORY = [
    "The harbour council of Velmora voted on Tuesday to keep the Ostrakan ferry running "
    "through the winter months, after three hundred island families wrote to ask for it.",
    "The ferry had stopped each winter since the old quay at Ostrakan was closed, and the "
    "islanders crossed on the mail boat twice a week, when the sea allowed it.",
    "Captain Ilse Varnholt, who has steered the ferry for twenty years, said her crew would "
    "be ready for the first winter crossing in December, and that the boat had been refitted "
    "for the storms of the northern channel.",
]
MENU = ["RECIPES", "ISLANDS", "WEATHER", "TIPS"]
HEADLINE = "Velmora Keeps Its Ostrakan Ferry Running, and This Is What the Islanders Say"
BYLINE = "ostrakan weekly | By Ilse Varnholt | April 13, 2025"


def test_headline_run_on_into_a_lower_case_byline(tmp_path: Path) -> None:
    """The headline, then its byline line in lower case, then a short subheading and the
    story: the title is the headline, not the subheading."""
    path = tmp_path / "ferry.txt"
    path.write_text("\n".join([*MENU, HEADLINE, BYLINE, "A Winter Crossing", "", *STORY])
                    + "\n", encoding="utf-8")
    assert read_seed(path, 1_000_000).title == HEADLINE


def test_glued_heads_lower_case_meta() -> None:
    """The cut falls where the lower-case byline line began; a lower-case word in the
    headline itself, with no stamp after it, is no cut."""
    assert glued_heads(f"{HEADLINE} {BYLINE}") == [(HEADLINE, BYLINE, "meta")]
    assert glued_heads("Velmora keeps its ferry running all winter") == []
