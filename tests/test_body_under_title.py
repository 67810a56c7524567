"""The body is the article that carries the title (issue 9): when the run with the most
prose stands far below the headline (a gallery between the story's first paragraphs and its
continuation; a "Most read" list and a longer story under it), the story under the headline
is read, and its continuation when nothing that closes an article stands between. Read with
the pasted-text reader; every place and person here is invented."""

from __future__ import annotations

from builder.readers.text import read_text

TITLE = "Port Veyra votes to rebuild its sea wall"
HEADER = f"Home\nNews\nSport\n\n{TITLE}\n\nBy Ilse Varnholt\n12 March 2024\n\n"
OPENING = [
    "The harbour council of Port Veyra voted on Tuesday to rebuild the old sea wall at "
    "Ashmoor, ending a dispute that had lasted for more than three years, officials said.",
    "Harbour master Tomas Quennell said the work would begin in the spring and would last "
    "about two years, and that the ferry would use the north pier until then.",
    "Residents of the quay had asked for the repairs since the storms of the last winter, "
    "when the sea broke through the wall twice in one week and flooded the fish market.",
]
GALLERY = "\n".join(line for n in range(1, 21)
                    for line in (f"Photo {n} of 20", f"The quay at Ashmoor in the storm {n}"))
CONTINUATION = [
    f"The council's engineers said the new wall would stand {n} metres from the old line, and "
    "that the stone would come from the quarries above Ashmoor, as it did a century ago when "
    "the first wall was raised along the quay by the fishermen of the town."
    for n in range(2, 9)
]
OTHER_STORY = [
    f"Ostrakan's football club won its {n}th match of the season on Saturday, beating the "
    "visitors from Velmora by three goals to one in front of a full stand at the old ground "
    "by the river, the club's coach said after the game."
    for n in range(2, 10)
]


def test_the_story_goes_on_below_a_gallery() -> None:
    page = (HEADER + "\n\n".join(OPENING) + "\n\n" + GALLERY + "\n\n"
            + "\n\n".join(CONTINUATION) + "\n")
    article = read_text(page, "seed.txt")
    assert article.title == TITLE
    assert article.paragraphs[0] == OPENING[0]
    assert article.paragraphs[-1] == CONTINUATION[-1]
    assert not any(p.startswith("Photo ") for p in article.paragraphs)


def test_a_longer_story_below_a_closing_label_is_not_the_body() -> None:
    teasers = "\n".join(f"Velmora news item number {n}" for n in range(1, 16))
    page = (HEADER + "\n\n".join(OPENING) + "\n\nMost read\n" + teasers + "\n\n"
            + "Ostrakan wins again\n\n" + "\n\n".join(OTHER_STORY) + "\n")
    article = read_text(page, "seed.txt")
    assert article.title == TITLE
    assert article.paragraphs == OPENING
