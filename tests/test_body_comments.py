"""Readers' comments are not the story, however much longer they are than it, and a numbered
list under the story's prose is (issue 9: "some pages read the wrong run of prose"). All
names are invented."""

from __future__ import annotations

from builder.readers.text import read_text

TITLE = "The ten best harbour songs of Port Veyra"
INTRO = ("I am not much of a sea shanty person these days, but I sang them on the quay as a "
         "child, and this list of the town's favourites brought it all back.")
SONGS = [f"{n}. {name}" for n, name in enumerate(
    ["The Ashmoor Wall", "Quennell's Tug", "North Pier Blues", "Winter Tide"], 1)]
COMMENT = ("Really, no Mara Quill at all? She sang every Friday at the fish market for twenty "
           "years and everybody in the harbour knew her voice, far better than half of these.")


def _page(label: str) -> str:
    comments = []
    for n, name in enumerate(["Ossian Pell", "Ilse Varnholt", "Tobin Ashe", "Mara Quill"]):
        comments += [f"{name} June {n + 2}, 2024 at 10:2{n} pm",
                     COMMENT.replace("Really", f"Well{n}")]
    return "\n\n".join([TITLE, "By Tomas Quennell", "June 1, 2024", INTRO, *SONGS, "Tweet",
                        label, *comments, "Leave a Reply"])


def test_a_thread_of_comments_under_its_label_is_not_the_story() -> None:
    for label in ("{ 4 comments… read them below or add one }", "4 Comments"):
        article = read_text(_page(label), "songs.txt")
        assert article.paragraphs == [INTRO, *SONGS], label  # the numbered list is the story's
        assert not any("Mara Quill at all" in p for p in article.paragraphs), label
        assert article.title == TITLE


def test_a_keep_reading_box_inside_the_story_is_furniture() -> None:
    """"Keep Reading" and a teaser inside the story: the box goes, the story goes on."""
    story = [INTRO.replace("I am", f"Part {n}: I am") for n in range(1, 5)]
    text = "\n\n".join([TITLE, "By Tomas Quennell", "June 1, 2024", *story[:2], "Keep Reading",
                        "The latest on harbour music, from shanties to the brass band",
                        *story[2:]])
    assert read_text(text, "songs.txt").paragraphs == story


def test_a_long_cookie_banner_is_not_the_story() -> None:
    """A banner that opens "This website uses cookies" is furniture however long it is, and
    never the body or the summary."""
    banner = ("This website uses cookies to improve your experience while you navigate "
              "through the website. " + "Out of these cookies, the cookies that are "
              "categorized as necessary are stored on your browser as they are essential. " * 4)
    text = "\n\n".join([TITLE, "By Tomas Quennell", "June 1, 2024", banner, "Privacy Overview",
                        banner, INTRO, INTRO.replace("child", "boy")])
    article = read_text(text, "songs.txt")
    assert not any("cookies" in p for p in article.paragraphs)
    assert article.paragraphs[0] == INTRO
