"""A line that is one text written twice ("Velmora harbour at dusk Velmora harbour at dusk":
an image's alt text and its caption run together) is a caption, but no credit: the story's
paragraph above it is not made that picture's caption and dropped (issue 9). All places and
people are invented."""

from __future__ import annotations

from builder.readers.text import read_text

STORY = [
    "Velmora lies at the end of the Ostrakan peninsula, two hours by ferry from the capital, "
    "and in summer its harbour fills with the boats of the whole coast.",
    "The old town climbs the hill behind the quay in narrow lanes. Dr Ilse Varnholt, who "
    "runs the small museum by the lighthouse, says most visitors never get past the harbour "
    "cafés, and that they miss the best views of the bay from the chapel at the top.",
    "The ferry leaves Brenmark twice a day from May to September. In winter it sails only "
    "on Saturdays, and the hotels close until Easter.",
]


def test_the_paragraph_above_a_doubled_alt_text_stays() -> None:
    lines = ["   * Home", "   * Travel", "", "A summer in Velmora", "", "   June 17, 2027", ""]
    lines += ["   " + STORY[0], "", "   " + STORY[1],
              "   Velmora harbour at dusk Velmora harbour at dusk", "", "   " + STORY[2], "",
              "   Contact", "   Imprint"]
    article = read_text("\n".join(lines), "velmora.txt")
    assert article.paragraphs == STORY
