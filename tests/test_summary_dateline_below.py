"""The story begins at its dateline: when a box of key points, or a photo's caption and its
credit, stands above the paragraph that opens with "OSTRAKAN, Velmora —", the summary is
that paragraph's first sentence, not the first key point (issue 9). The article is
fictional."""

from __future__ import annotations

from builder.extract.summary import summarize

KEY_POINTS = [
    "Velmora's harbour board has voted to close the Ostrakan ferry pier for two years.",
    "Ferries will use a temporary landing stage on the north quay.",
    "Dr Ilse Varnholt inspects a cracked pillar under the pier on Monday.",
    "Tomas Quellin | Velmora Coast Gazette",
]
LEDE = ("OSTRAKAN, Velmora — The Velmora Harbour Board voted on Tuesday to close the Ostrakan "
        "ferry pier from next spring, after divers found cracks in its oldest pillars.")
SECOND = ("Dr Ilse Varnholt, the board's chief engineer, said the ferries would use a "
          "temporary landing stage on the north quay while the work went on.")


def test_the_summary_starts_at_the_dateline_under_the_key_points() -> None:
    assert summarize([*KEY_POINTS, LEDE, SECOND]) == (
        "The Velmora Harbour Board voted on Tuesday to close the Ostrakan ferry pier from "
        "next spring, after divers found cracks in its oldest pillars.")


def test_a_long_paragraph_above_a_dateline_is_the_story() -> None:
    opening = " ".join([SECOND] * 4)  # over seventy words: the story, not its header
    assert summarize([opening, LEDE]) == SECOND

