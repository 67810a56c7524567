"""A saved page's stamp beside the headline beats a markup date the page shows only farther
away (issue 9, "date where the page shows one"): markup often gives the day of a reader's
comment, a related article in a list or a caption's picture, which the page does show, but
not as its stamp. The markup's day still stands when it is shown at least as near the
headline, or labelled the publication anywhere ("Zuerst erschienen am ..."). Read from real
files with `read_seed`; the pages are fictional (Velmora, Ostrakan, Dr Ilse Varnholt)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from test_dates_html_shown_stamp import STORY

from builder.readers import read_seed
from builder.readers.html import ShownStamp, prefer_shown_stamp

MARKUP = "2025-03-12T21:40:00+01:00"


def _page(stamp: str, after_story: str) -> str:
    paragraphs = "".join(f"<p>{STORY}</p>" for _ in range(4))
    return f"""<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8">
<title>Neue Fahrzeiten für die Fähre nach Ostrakan | Velmora Bote</title>
<meta property="og:title" content="Neue Fahrzeiten für die Fähre nach Ostrakan">
<meta property="article:published_time" content="{MARKUP}">
</head><body>
<nav><ul><li><a href="/">Start</a></li><li><a href="/lokal">Lokales</a></li></ul></nav>
<main><article>
<h1>Neue Fahrzeiten für die Fähre nach Ostrakan</h1>
<div class="meta">{stamp}</div>
{paragraphs}
</article>
{after_story}
</main>
</body></html>"""


def _read(tmp_path: Path, text: str) -> tuple[dt.date | None, str]:
    path = tmp_path / "faehre.html"
    path.write_text(text, encoding="utf-8")
    article = read_seed(path, 10_000_000)
    return article.published, article.date_evidence or ""


COMMENT = ("<section class='comments'><h2>2 Kommentare</h2>"
           "<div class='comment'><p>Tomas Quillan</p><p>12.03.2025, 21:40</p>"
           "<p>Endlich fährt das Morgenboot früher!</p></div></section>")


def test_the_stamp_beside_the_headline_beats_a_markup_date_shown_in_a_comment(
        tmp_path: Path) -> None:
    published, evidence = _read(tmp_path, _page("Von Ilse Varnholt, 4. 3. 2025", COMMENT))
    assert published == dt.date(2025, 3, 4)
    assert "farther" in evidence


def test_the_markup_date_stands_when_shown_as_near_the_headline() -> None:
    markup = (dt.date(2025, 3, 12), "the page's publication date (htmldate, original date)")
    stamp = ShownStamp(dt.date(2025, 3, 4), "timestamp '4. März 2025'", ())
    for lines in (["Fähre nach Ostrakan", "12.03.2025", "4. März 2025"],
                  ["12.03.2025", "Fähre nach Ostrakan", "4. März 2025"]):
        chosen = prefer_shown_stamp(markup, None, stamp, lines, headline=lines.index(
            "Fähre nach Ostrakan"))
        assert chosen is not None and chosen[0] == dt.date(2025, 3, 12)


def test_the_markup_date_stands_when_labelled_the_publication(tmp_path: Path) -> None:
    footer = "<p>Zuerst erschienen am 12.03.2025 im Ostrakaner Anzeiger</p>"
    published, _ = _read(tmp_path, _page("Von Ilse Varnholt, 4. 3. 2025", footer))
    assert published == dt.date(2025, 3, 12)


def test_without_the_headline_line_a_markup_date_shown_anywhere_stands() -> None:
    markup = (dt.date(2025, 3, 12), "the page's publication date (htmldate, original date)")
    stamp = ShownStamp(dt.date(2025, 3, 4), "timestamp '4. März 2025'", ())
    lines = ["Fähre nach Ostrakan", "4. März 2025", "Story", "Tomas Quillan 12.03.2025, 21:40"]
    chosen = prefer_shown_stamp(markup, None, stamp, lines)
    assert chosen is not None and chosen[0] == dt.date(2025, 3, 12)
    chosen = prefer_shown_stamp(markup, None, stamp, lines, headline=0)
    assert chosen is not None and chosen[0] == dt.date(2025, 3, 4)
