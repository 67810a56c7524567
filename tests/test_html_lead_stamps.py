"""The HTML reader on fictional saved pages whose text opens with a stamp (a time and
byline, a date, a reading time) or a section's name above a repeat of the headline: the
article's first paragraph, and so its summary, is the story's first paragraph.

Every page here is invented (Velmora, The Ostrakan Ledger, Dr Ilse Varnholt ...).
"""

from __future__ import annotations

import pytest

from builder.evaluate import summary_of
from builder.readers.html import read_html

STORY = ("The bakers of Velmora have brought back the salt loaf, a dense rye bread that had "
         "not been sold in the town since the mill on the Tamsel river closed forty years ago.")
MORE = ("Dr Ilse Varnholt, who runs the town's bread museum, found the recipe in a ledger kept "
        "by her great-grandmother and gave it to the four bakeries on Harbour Street.")


def _page(lead: str) -> str:
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
<p>The loaf is baked for six hours in a cooling oven and keeps for two weeks, she said.</p>
</div></article></main></body></html>"""


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
