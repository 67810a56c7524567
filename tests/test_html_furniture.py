"""The HTML reader on fictional saved pages whose article markup holds page furniture that
trafilatura keeps (a call to sign up for a newsletter, a 'Read also' label, a comments
prompt): the paste reader's block tests drop it, so the event page shows only the story.
A short link label cut out of a sentence stays.

Every page here is invented (Velmora, The Ostrakan Ledger, Dr Ilse Varnholt ...).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.readers.html import read_html

STORY = ("The bakers of Velmora have brought back the salt loaf, a dense rye bread that had "
         "not been sold in the town since the mill on the Tamsel river closed forty years ago.")
MORE = ("Dr Ilse Varnholt, who runs the town's bread museum, found the recipe in a ledger kept "
        "by her great-grandmother and gave it to the four bakeries on Harbour Street.")
LAST = ("The loaf is baked for six hours in a cooling oven and keeps for two weeks, she said, "
        "and the first batch sold out before the church bells rang noon on Saturday.")


def _page(box: str) -> str:
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Velmora bakers revive the salt loaf | The Ostrakan Ledger</title>
<meta property="og:site_name" content="The Ostrakan Ledger"></head>
<body><main><article>
<h1>Velmora bakers revive the salt loaf</h1>
<div class="article-body">
<p>{STORY}</p>
<p>{MORE}</p>
{box}
<p>{LAST}</p>
</div></article></main></body></html>"""


def _read(tmp_path: Path, box: str) -> list[str]:
    page = tmp_path / "loaf.html"
    page.write_text(_page(box), encoding="utf-8")
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
