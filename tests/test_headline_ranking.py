"""The pasted-text reader's headline among its look-alikes (issue 9): a standfirst under the
headline, a columnist's name without "By", the headline repeated in a related list cut short
with an ellipsis. Each page is laid out as a browser pastes it and as a text browser dumps it,
read from a real file with `read_seed`. Every place and person here is invented."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.readers import read_seed

HEADLINE = "Despite the storms, Lindmoor keeps its boat in 2025"
DEK = ("Three hundred island families wrote to the harbour council to keep the Askel "
       "crossing open through the winter months")
STORY = [
    "LINDMOOR — Three hundred island families wrote to the harbour council this winter to "
    "keep the Askel crossing open through the winter months, and on Tuesday the council "
    "voted to keep the ferry running, the council's clerk said.",
    "The ferry had stopped each winter since the old quay at Askel was closed, and the "
    "islanders crossed on the mail boat twice a week, when the sea allowed it.",
    "Captain Odile Marrow, who has steered the ferry for twenty years, said her crew would "
    "be ready for the first winter crossing in December, and that the boat had been refitted "
    "for the storms of the northern channel.",
]


def _browser(lines: list[str]) -> str:
    """A page as a browser's select-all pastes it: one block per line."""
    return "\n".join(lines) + "\n"


def _lynx(heads: list[str], story: list[str]) -> str:
    """A page as lynx dumps it: headings flush left, the rest indented by three spaces."""
    out = []
    for line in heads:
        out.append(line if not line.startswith(" ") else "   " + line.strip())
        out.append("")
    out.extend(f"   {paragraph}\n" for paragraph in story)
    return "\n".join(out)


def _read_title(tmp_path: Path, name: str, content: str) -> str:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return read_seed(path, 1_000_000).title


MENU = ["Skip to main content", "Home", "News", "Islands", "Weather", "Sign in"]


@pytest.mark.parametrize("layout", ["paste", "lynx"])
def test_headline_over_its_standfirst(tmp_path: Path, layout: str) -> None:
    """A standfirst is longer than its headline and shares more of the story's words; the
    headline is still the line above it."""
    if layout == "paste":
        content = _browser([*MENU, "Islands", HEADLINE, DEK, "By Ivo Tessaly",
                            "March 4, 2025", "", *STORY])
    else:
        content = _lynx(["Islands", HEADLINE, f" {DEK}", " By Ivo Tessaly", " March 4, 2025"],
                        STORY)
    assert _read_title(tmp_path, f"dek-{layout}.txt", content) == HEADLINE


def test_columnist_name_without_by_is_not_the_headline(tmp_path: Path) -> None:
    """An opinion page names its columnist alone on a line, above and below the headline,
    and the story names her too: her name is a byline, not the headline."""
    column = "Why the Lindmoor ferry should run all winter"
    content = _browser([
        "Opinion", "Opinion", "Marta Quill", column,
        "Cutting the crossing for four months costs the islands more than it saves the town",
        "Marta Quill", "+ FOLLOW", "Published: 10:00am, 20 Jan, 2025", "",
        "Marta Quill has crossed to the Askel islands every week for ten years, and she has "
        "seen what a winter without the ferry does to the families who live there.",
        *STORY[1:],
    ])
    assert _read_title(tmp_path, "column.txt", content) == column


def test_headline_named_again_in_a_cut_related_link(tmp_path: Path) -> None:
    """The site's related list shows the headline again, cut short with an ellipsis; a
    photo caption between the headline and the story does not win."""
    caption = "The ferry Askel Star leaving the quay of Lindmoor at dawn"
    content = _browser([
        *MENU, HEADLINE, "By Ivo Tessaly", "March 4, 2025", caption, "",
        *STORY, "", "Most read", "Lindmoor ferry will run all winter after a vote…",
        "Askel islanders count the storm damage", "A new lighthouse keeper for Veyra Point",
    ])
    assert _read_title(tmp_path, "related.txt", content) == HEADLINE


@pytest.mark.parametrize("caption", [
    "Fishermen mend their nets on the quay of Lindmoor at dawn (VEYRA PRESS/Ann Roe)",
    "Die Fähre Askel Star am Kai von Lindmoor, Foto: Ann Roe",
    "The ferry Askel Star leaves the quay of Lindmoor in the first light of the morning. VPA",
])
def test_a_credited_caption_is_never_the_headline(tmp_path: Path, caption: str) -> None:
    """A caption that ends with its credit, in any language, stands between the headline
    and the story; it is not the headline, however much of the story it names."""
    content = _browser([*MENU, "Islands", caption, HEADLINE, "By Ivo Tessaly", "March 4, 2025",
                        caption, "", *STORY])
    assert _read_title(tmp_path, "caption.txt", content) == HEADLINE


def test_headline_of_a_story_shorter_than_the_gallery_under_it(tmp_path: Path) -> None:
    """The page's gallery of long captions holds more prose than the story: the headline is
    still the one over the story, with its byline and stamp, not a caption of the gallery."""
    gallery = []
    for day in range(1, 7):
        gallery += ["Lindmoor in pictures", f"{day} March 2025",
                    f"Islanders of Askel wait on the quay of Lindmoor for the morning ferry on "
                    f"day {day} of the winter crossings, with crates of fish, letters for the "
                    "mainland and children going to the school on the hill above the harbour, "
                    "as the crew of the ferry ties up in the wind.", "Lindmoor Courier"]
    links = [f"Lindmoor ferry timetable, part {part}" for part in range(1, 51)]
    content = _lynx([*MENU, HEADLINE, " By Ivo Tessaly", " March 4, 2025"],
                    [STORY[0], STORY[1], *links, *gallery])
    assert _read_title(tmp_path, "gallery.txt", content) == HEADLINE


NEVER_HEADLINES = [
    "Home > Islands > Ferries", "Privacy NoticeTerms Of Use", "Editors' notes",
    "SUBSCRIBER ONLY", "38,487.24", "Sign up for the Lindmoor Courier's morning briefing",
    "(VPA Photo/Ann Roe)", "Ivo Tessaly and Marta Quill in Lindmoor", "Ivo Tessaly",
    "Listen to this story.", "More from Islands", "Advertisement",
    "Read more: Askel islanders count the storm damage",
]


@pytest.mark.parametrize("where", ["above", "below"])
@pytest.mark.parametrize("line", NEVER_HEADLINES)
def test_page_furniture_is_never_the_headline(tmp_path: Path, line: str, where: str) -> None:
    """A breadcrumb, legal links, a section label, a price, a newsletter pitch, a photo
    credit, a byline without "By", a link to another story: just above the headline or
    between it and the story, none of them is the headline."""
    head = [line, HEADLINE, "March 4, 2025"] if where == "above" else [
        HEADLINE, "March 4, 2025", line]
    content = _browser([*MENU, *head, "", *STORY])
    assert _read_title(tmp_path, "furniture.txt", content) == HEADLINE


def test_headline_far_above_the_story(tmp_path: Path) -> None:
    """A long run of short lines (a gallery's captions, a table of contents) stands between
    the headline with its byline and stamp and the story: more than 45 blocks, the old
    window above the story. The headline is still found, not one of the short lines."""
    places = ["Askel", "Veyra Point", "Ostrakan", "Lindmoor", "Marrow Bay", "Tessaly Quay"]
    contents = [f"{places[n % 6]} harbour from the {('north', 'south', 'east')[n % 3]} "
                f"pier, picture {n}" for n in range(1, 61)]
    content = _browser([*MENU, "Islands", HEADLINE, "By Ivo Tessaly", "March 4, 2025",
                        "In pictures", *contents, "", *STORY])
    assert _read_title(tmp_path, "far.txt", content) == HEADLINE


@pytest.mark.parametrize("link", ["← The Askel crossing – part 2", "← The A-word – part 2"])
def test_a_post_navigation_link_is_not_the_headline(tmp_path: Path, link: str) -> None:
    """A blog's post navigation stands just above the headline: the previous post's title
    after a back arrow. It is no headline (on the dev page that prompted this rule,
    zulang.wordpress.com.genitalverstuemmelung, the headline under it is then chosen and
    the page dated by the headline's own line in the list of recent posts, not by the
    readers' comments; issue 9, brief D11)."""
    headline = "3 years of the winter ferry"
    content = _browser([
        "too long; didn't read", "Thoughts on the Lindmoor crossing", "Post navigation",
        link, headline, "Posted by Odile Marrow", "6", "", *STORY, "",
        f"6 thoughts on “{headline}”", "Ivo Tessaly", "13 December, 2025 at 01:10",
        "The ferry saved our winter.", "Recent posts", f"{headline} 12 December, 2025",
    ])
    title = _read_title(tmp_path, "blog.txt", content)
    assert title != link and not title.startswith("←")
