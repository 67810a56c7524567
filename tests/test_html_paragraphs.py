"""The HTML reader on fictional saved pages: what of trafilatura's text becomes the article's
paragraphs.

- A text that opens with a stamp (a time and byline, a date, a reading time) or a section's
  name above a repeat of the headline: the first paragraph, and so the summary, is the
  story's first paragraph.
- Page furniture that trafilatura keeps inside the article's markup (a call to sign up for
  a newsletter, a 'Read also' label, a comments prompt, a list of other stories under its
  label): the paste reader's block tests drop it, so the event page shows only the story. A
  short link label cut out of a sentence stays.

Every page here is invented (Velmora, The Ostrakan Ledger, Dr Ilse Varnholt ...).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.evaluate import summary_of
from builder.readers.html import read_html

STORY = ("The bakers of Velmora have brought back the salt loaf, a dense rye bread that had "
         "not been sold in the town since the mill on the Tamsel river closed forty years ago.")
MORE = ("Dr Ilse Varnholt, who runs the town's bread museum, found the recipe in a ledger kept "
        "by her great-grandmother and gave it to the four bakeries on Harbour Street.")
LAST = ("The loaf is baked for six hours in a cooling oven and keeps for two weeks, she said, "
        "and the first batch sold out before the church bells rang noon on Saturday.")


def _page(lead: str = "", box: str = "") -> str:
    """The page: `lead` above the story's first paragraph, `box` after its second."""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Velmora bakers revive the salt loaf | The Ostrakan Ledger</title>
<meta property="og:site_name" content="The Ostrakan Ledger"></head>
<body><main><article>
<h1>Velmora bakers revive the salt loaf</h1>
<div class="article-body">
{lead}
<p>{STORY}</p>
<p>{MORE}</p>
{box}
<p>{LAST}</p>
</div></article></main></body></html>"""


# --- Stamps above the story -----------------------------------------------------------------

@pytest.mark.parametrize("lead", [
    "<p>5:45 AM CET 11/19/2024 by Ilse Varnholt</p>",
    "<p>segunda-feira, 22 de janeiro de 2024 às 0:13</p>",
    "<p>Tempo de leitura: 2 minutos</p>",
    "<p>Lesezeit: 4 Min.</p>",
    "<p>March 3, 2024</p>",
    "<p>March 3rd, 2024 at 08:45 AM | categories: Bread, Velmora | View Comments</p>",
    "<p>bakeries</p><p>Velmora bakers revive the salt loaf</p>",
])
def test_the_summary_is_the_story_not_the_stamp_above_it(lead: str) -> None:
    article = read_html(_page(lead), "salt-loaf.html")
    assert article.paragraphs[0] == STORY
    assert summary_of(article).startswith("The bakers of Velmora have brought back")


def test_a_short_first_paragraph_that_is_a_sentence_is_kept() -> None:
    """A first paragraph with a date that ends with a stop is the story, not a stamp."""
    lead = "<p>On 3 March 2024 the Velmora council voted to save the mill.</p>"
    article = read_html(_page(lead), "salt-loaf.html")
    assert article.paragraphs[0] == "On 3 March 2024 the Velmora council voted to save the mill."


@pytest.mark.parametrize("lead", ["5 bakers who shaped 2024", "12 loaves for 2025"])
def test_a_subtitle_with_a_number_and_a_year_is_kept(lead: str) -> None:
    """A short line with no stop whose number and year have no month between them is a
    subtitle, not a stamp: it stays the first paragraph (nothing the page says is lost)."""
    article = read_html(_page(f"<p>{lead}</p>"), "salt-loaf.html")
    assert article.paragraphs[0] == lead


def test_a_line_of_labels_without_a_stamp_is_kept() -> None:
    """Short parts between bars make a stamp line only when one of them is a date: a line of
    section names stays the first paragraph."""
    lead = "Velmora | Harbour Street | Bread museum"
    article = read_html(_page(f"<p>{lead}</p>"), "salt-loaf.html")
    assert article.paragraphs[0] == lead


# --- Furniture inside the article's markup ---------------------------------------------------


def _read(tmp_path: Path, box: str) -> list[str]:
    page = tmp_path / "loaf.html"
    page.write_text(_page(box=box), encoding="utf-8")
    return read_html(page.read_bytes(), str(page)).paragraphs


@pytest.mark.parametrize("box", [
    "<p>Sign up to our newsletter</p>",
    "<p>Zum Newsletter anmelden</p>",
    "<p>À lire aussi » Le pain noir de Velmora</p>",
    "<p>Leave a comment</p>",
])
def test_furniture_in_the_article_markup_is_dropped(tmp_path: Path, box: str) -> None:
    paragraphs = _read(tmp_path, box)
    assert paragraphs == [STORY, MORE, LAST]


def test_a_label_cut_out_of_a_sentence_stays(tmp_path: Path) -> None:
    # A page that sets the sentence's first word in a block of its own: the label opens
    # the sentence that the next paragraph carries on in lower case.
    box = ("<p><b>Photos</b></p><p>which were taken at the mill show the old ovens still "
           "standing under the roof of the granary.</p>")
    paragraphs = _read(tmp_path, box)
    assert "Photos" in paragraphs


RELATED = """<p>You might also like</p>
<ul><li><a href="/a">Ostrakan ferry returns to the Tamsel after a winter ashore</a></li>
<li><a href="/b">Harbour Street market opens its new covered hall</a></li>
<li><a href="/c">Velmora choir wins the valley cup for a third year</a></li></ul>"""


def test_a_list_of_other_stories_under_its_label_is_dropped(tmp_path: Path) -> None:
    paragraphs = _read(tmp_path, RELATED)
    assert paragraphs == [STORY, MORE, LAST]


def test_a_label_above_prose_keeps_the_prose(tmp_path: Path) -> None:
    # Only headlines go with the label: short lines with a sentence's stop are the story.
    notes = ["The guild will bake the salt loaf again in May.",
             "Its ovens in Ostrakan stay lit all week."]
    box = "<p>You might also like</p>" + "".join(f"<p>{note}</p>" for note in notes)
    paragraphs = _read(tmp_path, box)
    assert all(note in paragraphs for note in notes)
