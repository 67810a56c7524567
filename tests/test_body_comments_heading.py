"""A blog's comments heading that counts its comments in words and names the post ("One
thought on “...”", "Ein Gedanke zu „...“") closes the story, and a reader's long comment
under it, with its name and date, is no story's opening (issue 9: a podcast's notes lost
to the one comment below them). All places and people are invented."""

from __future__ import annotations

from builder.readers.text import _is_stop, read_text

TITLE = "VEL042 How the Velmora lighthouse got its lamp"
NOTES = [
    "Dr Ilse Varnholt is a historian of the coast and has spent ten years in the archives "
    "of the Ostrakan harbour board, where the lighthouse's papers are kept.",
    "In this episode she tells how the first lamp came to Velmora by sledge over the frozen "
    "bay in the winter of 1861, and why the keepers burnt whale oil until 1902.",
    "Inside: whale oil, lenses, the great storm, the keepers' logbooks and the last keeper.",
]
COMMENT = ("Thank you for this episode! I should comment here far more often. My grandfather "
           "was a keeper on the Brenmark light, and he told us about the whale oil, the soot "
           "and the cold, so it was a joy to hear the whole story at last.")


def test_the_comments_heading_is_a_stop() -> None:
    assert _is_stop(f"One thought on “{TITLE}”")
    assert _is_stop("2 Gedanken zu „Der Leuchtturm von Velmora und seine Lampe“")
    assert not _is_stop("One thought on the lighthouse kept the keepers awake.")


def test_a_comment_under_the_heading_is_not_the_body() -> None:
    page = "\n".join([
        "Home", "Archive", TITLE, *NOTES, "Download: mp3 (30 MB) m4a (24 MB)",
        "Published 16.08.2019", "Length: 1 hour 4 minutes", "More on the subject:",
        "VEL035 The harbour board", "VEL036 Whale oil", "VEL039 Lenses", "VEL040 Storms",
        "VEL041 The last keeper", "Topics: history lighthouses Velmora Ostrakan",
        "Cite this episode: Mara Quill, Velmora Sound: VEL042 How the Velmora lighthouse got "
        "its lamp, 16 August 2019, velmora-sound.example.", "Imprint | Privacy",
        f"One thought on “{TITLE}”", "Mara Quill says:", "August 24, 2019 at 3:36 am", COMMENT,
        "Reply", "Leave a Reply",
    ])
    article = read_text(page, "velmora.txt")
    assert article.paragraphs[:2] == NOTES[:2]
    assert COMMENT not in article.paragraphs
