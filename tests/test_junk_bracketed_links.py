"""A link box set in brackets inside a story ("[Related: Other headline]", "(Read more: ...)")
is page furniture, as the same words are without brackets, and the story goes on after it; a
sentence of the story in brackets stays (issue 9). All places and people are invented."""

from __future__ import annotations

from builder.readers.html import read_html
from builder.readers.text import read_text

STORY = [
    "VELMORA — The Ostrakan harbour board voted on Tuesday to close the old ferry pier for "
    "repairs, its chair, Dr. Ilse Varnholt, said after the meeting.",
    "The pier, built in 1931, will stay closed until the spring, and the ferries will use the "
    "north quay in the meantime, the board said.",
    "(The board's treasurer, Mara Quill, voted against the plan.)",
    "Repairs are expected to cost about 4 million crowns, paid from the harbour's reserve, "
    "Varnholt told reporters.",
]


def _page(box: str) -> str:
    return "\n".join([
        "Velmora Courier", "Home", "Ostrakan harbour board closes old ferry pier",
        "By Jonas Telmark", "March 3, 2027", STORY[0], STORY[1], box, STORY[2], STORY[3],
        "About us", "Contact",
    ])


def test_a_bracketed_related_link_is_no_paragraph() -> None:
    box = "[Related: Velmora Harbour Festival Returns With Tall Ships And Fireworks]"
    article = read_text(_page(box), "velmora.txt")
    assert article.paragraphs == STORY


def test_a_parenthesised_read_more_link_does_not_end_the_story() -> None:
    box = "(Read more: Velmora Harbour Festival Returns With Tall Ships And Fireworks)"
    article = read_text(_page(box), "velmora.txt")
    assert article.paragraphs == STORY


def test_a_saved_page_drops_the_bracketed_box_too() -> None:
    box = "[Related: Velmora Harbour Festival Returns With Tall Ships And Fireworks]"
    paragraphs = "".join(f"<p>{text}</p>" for text in (STORY[0], STORY[1], box, *STORY[2:]))
    page = ("<html><head><title>Ostrakan harbour board closes old ferry pier</title></head>"
            "<body><article><h1>Ostrakan harbour board closes old ferry pier</h1>"
            "<p>By Jonas Telmark</p><time datetime='2027-03-03'>March 3, 2027</time>"
            f"{paragraphs}</article></body></html>")
    article = read_html(page, "velmora.html")
    assert box not in article.paragraphs
    assert STORY[3] in article.paragraphs
