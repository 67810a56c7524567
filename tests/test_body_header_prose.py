"""The story's first paragraphs under the byline are the story's, even when a line below them
names a day (a link with a date in its address, a subheading "Die Preise ab 01.01.2028")
and the header reaches down to it: the header's prose it does not keep as the standfirst is read as
the body, not dropped (issue 9: a short opening lost above a dated subheading). All places
and people are invented."""

from __future__ import annotations

from builder.readers.text import read_text

OPENING = "The fares of the Velmora transport union go up by 12.7 percent on 1 January."
QUOTE = ("“We have to pass on the steep rise in the cost of power and fuel to the bus "
         "companies of the valley,” said Dr Ilse Varnholt, who chairs the union's board.")
BODY = [
    "A single ticket for an adult then costs 1.90 crowns per zone, and 1.10 crowns for a "
    "child. The day ticket for the whole network goes up from 9.80 to 11.00 crowns, and the "
    "monthly pass for the town zone from 58 to 65 crowns, the first rise since the year the "
    "tram line to Ostrakan opened and the old depot on the harbour road was closed.",
    "Most of the union's season ticket holders have moved to the national pass already, and "
    "the board asks the valley's towns to pay for a cheaper pass for pupils and apprentices. "
    "The new fares will be published in full on the union's website by the end of November.",
]


def test_prose_above_a_dated_link_stays_in_the_body() -> None:
    page = "\n".join([
        "Home", "News", "Region", "Velmora transport union raises fares sharply", "By",
        "Mara Quill", "6 November 2027", "Share", OPENING, QUOTE,
        "https://velmora-post.example/2027/02/14/fares-rise/", *BODY, "Contact", "Imprint",
    ])
    article = read_text(page, "velmora.txt")
    assert article.title == "Velmora transport union raises fares sharply"
    assert article.paragraphs[:2] == [OPENING, QUOTE]
    assert article.paragraphs[2:] == BODY
    assert article.published is not None and article.published.isoformat() == "2027-11-06"


def test_a_standfirst_above_the_byline_is_still_the_standfirst() -> None:
    standfirst = "The union's board blames the cost of power and fuel for the steepest rise yet."
    page = "\n".join([
        "Home", "News", "Velmora transport union raises fares sharply", standfirst,
        "By Mara Quill", "6 November 2027", OPENING, QUOTE, *BODY, "Contact",
    ])
    article = read_text(page, "velmora.txt")
    assert article.standfirst == [standfirst]
    assert article.paragraphs[0] == OPENING
    assert standfirst not in article.paragraphs
